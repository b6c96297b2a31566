//! CoNLL-U, the Universal Dependencies file format: read for training and for
//! `parse --conllu`, written for output.
//!
//! A sentence keeps its comment lines and multiword-token and empty-node lines as they were,
//! so that a file read and written back differs only in the columns the parser fills.

use std::fmt::Write as _;

/// One syntactic word (a line whose ID is an integer).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Word {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Line {
    /// A comment, or a multiword-token or empty-node line, kept verbatim.
    Verbatim(String),
    Word(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub words: Vec<Word>,
    lines: Vec<Line>,
}

/// A malformed line, with its 1-based line and column (of the field at fault).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct Error {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The 1-based column where field `k` of a tab-separated line starts.
fn field_column(line: &str, k: usize) -> usize {
    line.split('\t')
        .take(k)
        .map(|f| f.chars().count() + 1)
        .sum::<usize>()
        + 1
}

impl Sentence {
    /// A sentence made of words alone (no comments).
    pub fn from_words(words: Vec<Word>, comments: &[String]) -> Self {
        let mut lines: Vec<Line> = comments.iter().map(|c| Line::Verbatim(c.clone())).collect();
        lines.extend((0..words.len()).map(Line::Word));
        Sentence { words, lines }
    }

    /// Append the sentence in CoNLL-U, ending with its blank line.
    pub fn write(&self, out: &mut String) {
        for line in &self.lines {
            match line {
                Line::Verbatim(s) => {
                    out.push_str(s);
                    out.push('\n');
                }
                Line::Word(i) => {
                    let w = &self.words[*i];
                    let _ = writeln!(
                        out,
                        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                        i + 1,
                        or_blank(&w.form),
                        or_blank(&w.lemma),
                        or_blank(&w.upos),
                        or_blank(&w.xpos),
                        or_blank(&w.feats),
                        w.head,
                        or_blank(&w.deprel),
                        or_blank(&w.deps),
                        or_blank(&w.misc),
                    );
                }
            }
        }
        out.push('\n');
    }
}

fn or_blank(s: &str) -> &str {
    if s.is_empty() { "_" } else { s }
}

fn column(s: &str) -> String {
    if s == "_" {
        String::new()
    } else {
        s.to_string()
    }
}

/// Read every sentence of a CoNLL-U text.
pub fn read(text: &str) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    let mut first_line = 1;
    for (n, line) in text.lines().enumerate() {
        let number = n + 1;
        if line.trim().is_empty() {
            if !current.lines.is_empty() {
                check(&current, first_line)?;
                out.push(std::mem::take(&mut current));
            }
            first_line = number + 1;
            continue;
        }
        if line.starts_with('#') {
            current.lines.push(Line::Verbatim(line.to_string()));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(Error {
                line: number,
                column: 1,
                message: format!("expected 10 tab-separated columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            current.lines.push(Line::Verbatim(line.to_string()));
            continue;
        }
        let id: usize = cols[0].parse().map_err(|_| Error {
            line: number,
            column: 1,
            message: format!("word ID {:?} is not a number", cols[0]),
        })?;
        if id != current.words.len() + 1 {
            return Err(Error {
                line: number,
                column: 1,
                message: format!("word ID {id} out of sequence"),
            });
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| Error {
                line: number,
                column: field_column(line, 6),
                message: format!("HEAD {:?} is not a number", cols[6]),
            })?
        };
        current.lines.push(Line::Word(current.words.len()));
        current.words.push(Word {
            form: cols[1].to_string(),
            lemma: column(cols[2]),
            upos: column(cols[3]),
            xpos: column(cols[4]),
            feats: column(cols[5]),
            head,
            deprel: column(cols[7]),
            deps: column(cols[8]),
            misc: column(cols[9]),
        });
    }
    if !current.lines.is_empty() {
        check(&current, first_line)?;
        out.push(current);
    }
    Ok(out)
}

fn check(s: &Sentence, line: usize) -> Result<(), Error> {
    if s.words.is_empty() {
        return Err(Error {
            line,
            column: 1,
            message: "sentence without words".into(),
        });
    }
    if let Some(w) = s.words.iter().find(|w| w.head > s.words.len()) {
        return Err(Error {
            line,
            column: 1,
            message: format!(
                "HEAD {} beyond the sentence's {} words",
                w.head,
                s.words.len()
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# sent_id = a\n# text = The jury agreed.\n1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tjury\tjury\tNOUN\tNN\t_\t3\tnsubj\t_\t_\n3\tagreed\tagree\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t2\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_and_writes_back_identically() {
        let s = read(TEXT).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].words[2].lemma, "agree");
        assert_eq!(s[0].words[1].head, 3);
        assert_eq!(s[1].words.len(), 2);
        let mut out = String::new();
        s.iter().for_each(|x| x.write(&mut out));
        assert_eq!(out, format!("{TEXT}\n"));
    }

    #[test]
    fn errors_name_the_line() {
        let e = read("1\tA\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = read("1\tjury\t_\t_\t_\t_\tx\troot\t_\t_\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 16));
        let e =
            read("1\ta\t_\t_\t_\t_\t0\troot\t_\t_\n3\tb\t_\t_\t_\t_\t1\tdep\t_\t_\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(read("1\ta\t_\t_\t_\t_\t9\troot\t_\t_\n").is_err());
    }
}
