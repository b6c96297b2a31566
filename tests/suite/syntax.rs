//! `rashomon parse`: an article as CoNLL-U with byte ranges, and gold words filled in.

use crate::support::{fixture, rashomon};

fn word_lines(out: &str) -> Vec<Vec<&str>> {
    out.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect()
}

#[test]
fn an_article_comes_out_as_conllu_with_byte_ranges() {
    let path = fixture("syntax/crash.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let out = rashomon().arg("parse").arg(&path).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = String::from_utf8(out.stdout).unwrap();
    // The headline and the two body paragraphs, each its own sentence; front matter none.
    assert_eq!(out.matches("# sent_id = ").count(), 3, "{out}");
    assert!(
        out.contains("# text = Cargo plane crashes on approach\n"),
        "{out}"
    );
    let mut roots = 0;
    for cols in word_lines(&out) {
        assert_eq!(cols.len(), 10);
        let range = cols[9]
            .split('|')
            .find_map(|m| m.strip_prefix("TokenRange="))
            .expect("every word has its range");
        let (s, e) = range.split_once(':').unwrap();
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        assert_eq!(&text[s..e], cols[1], "the range points at the word");
        roots += usize::from(cols[6] == "0");
    }
    assert_eq!(roots, 3, "one root a sentence");
    // UD English words: the clitics are split, curly apostrophes and all.
    let forms: Vec<&str> = word_lines(&out).iter().map(|c| c[1]).collect();
    for w in ["do", "n\u{2019}t", "airline", "\u{2019}s", "“", "”"] {
        assert!(forms.contains(&w), "{w} in {forms:?}");
    }
}

#[test]
fn gold_words_are_kept_and_the_columns_filled() {
    let input = std::fs::read_to_string(fixture("syntax/words.conllu")).unwrap();
    let out = rashomon()
        .args(["parse", "--conllu"])
        .write_stdin(input.clone())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = String::from_utf8(out.stdout).unwrap();
    // Comments and the multiword-token line pass through; words keep IDs and forms.
    for keep in [
        "# sent_id = t1",
        "# text = The court adjourned.",
        "1-2\tcan't\t",
    ] {
        assert!(out.contains(keep), "{keep} in {out}");
    }
    let got = word_lines(&out);
    let want = word_lines(&input);
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g[..2], w[..2]);
        if !g[0].contains('-') {
            assert!(g[3] != "_" && g[4] != "_" && g[7] != "_", "filled: {g:?}");
            assert!(g[6].parse::<usize>().is_ok());
        }
    }
    // The misc column survives (SpaceAfter=No matters to a scorer of tokenisation).
    assert!(out.contains("SpaceAfter=No"));
}

#[test]
fn malformed_conllu_names_the_line() {
    let out = rashomon()
        .args(["parse", "--conllu"])
        .write_stdin("1\tThe\t_\t_\t_\t_\t0\troot\t_\t_\n2\tjury\tonly three columns\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("<stdin>:2:"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn an_article_or_conllu_but_not_both() {
    rashomon().arg("parse").assert().failure().code(2);
}
