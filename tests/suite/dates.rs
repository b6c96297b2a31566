//! `rashomon dates` and the tagger: one fixture per family of expressions, written as
//! annotated text (see `tests/fixtures/dates/README.md`), and the command-line output.

use chrono::NaiveDate;
use rashomon::dates::{self, Timex};

use crate::support::{fixture, rashomon};

/// One expected expression: span in the plain text, type (if given), value, EDTF (if given).
struct Expect {
    start: usize,
    end: usize,
    kind: Option<String>,
    value: String,
    when: Option<String>,
}

/// Remove the `[text|...]` marks from a block; return the plain text and the expectations.
fn unmark(block: &str) -> (String, Vec<Expect>) {
    let mut plain = String::new();
    let mut expects = Vec::new();
    let mut rest = block;
    while let Some(open) = rest.find('[') {
        plain.push_str(&rest[..open]);
        let close = rest[open..].find(']').expect("unclosed [") + open;
        let inner = &rest[open + 1..close];
        let mut parts = inner.split('|');
        let text = parts.next().unwrap_or_default();
        let spec = parts.next().expect("[text|VALUE]");
        let when = parts.next().map(str::to_string);
        let (kind, value) = match spec.split_once(' ') {
            Some((k, v)) => (Some(k.to_string()), v.to_string()),
            None => (None, spec.to_string()),
        };
        let start = plain.len();
        plain.push_str(text);
        expects.push(Expect {
            start,
            end: plain.len(),
            kind,
            value,
            when,
        });
        rest = &rest[close + 1..];
    }
    plain.push_str(rest);
    (plain, expects)
}

fn show(t: &Timex) -> String {
    let when = t.when.map(|w| w.to_string()).unwrap_or_default();
    format!("[{}|{} {}|{}]", t.text, t.kind, t.value, when)
}

/// Tag every block of a fixture file and list every difference from its marks.
fn check_fixture(name: &str) {
    let path = fixture(&format!("dates/{name}.txt"));
    let src = std::fs::read_to_string(&path).expect("fixture");
    let mut dct: Option<NaiveDate> = None;
    let mut failures = Vec::new();
    for block in src.split("\n\n") {
        let mut lines = Vec::new();
        for line in block.lines() {
            if let Some(d) = line.strip_prefix("# dct:") {
                let d = d.trim();
                dct = (d != "none").then(|| d.parse().expect("dct"));
            } else {
                lines.push(line);
            }
        }
        let text = lines.join("\n");
        if text.trim().is_empty() {
            continue;
        }
        let (plain, expects) = unmark(&text);
        let got = dates::tag(&plain, dct);
        for e in &expects {
            let want = &plain[e.start..e.end];
            match got.iter().find(|t| t.start == e.start && t.end == e.end) {
                None => {
                    let found: Vec<String> = got.iter().map(show).collect();
                    failures.push(format!(
                        "{plain}\n  missing `{want}` (found {})",
                        found.join(" ")
                    ));
                }
                Some(t) => {
                    let kind_ok = e.kind.as_ref().is_none_or(|k| *k == t.kind.to_string());
                    let when_ok = e
                        .when
                        .as_ref()
                        .is_none_or(|w| Some(w.clone()) == t.when.map(|x| x.to_string()));
                    if t.value != e.value || !kind_ok || !when_ok {
                        failures.push(format!(
                            "{plain}\n  `{want}`: got {}, want {} {} {}",
                            show(t),
                            e.kind.as_deref().unwrap_or("-"),
                            e.value,
                            e.when.as_deref().unwrap_or("-")
                        ));
                    }
                }
            }
        }
        for t in &got {
            if !expects.iter().any(|e| e.start == t.start && e.end == t.end) {
                failures.push(format!("{plain}\n  unexpected {}", show(t)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{name}.txt: {} mismatches\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn absolute_dates() {
    check_fixture("absolute");
}

#[test]
fn dates_relative_to_the_document_date() {
    check_fixture("relative");
}

#[test]
fn dates_relative_to_the_narrative() {
    check_fixture("narrative");
}

#[test]
fn times_of_day_and_zones() {
    check_fixture("clock");
}

#[test]
fn durations() {
    check_fixture("durations");
}

#[test]
fn sets() {
    check_fixture("sets");
}

#[test]
fn lookalikes_are_left_alone() {
    check_fixture("lookalikes");
}

#[test]
fn without_a_document_date_relative_values_stay_open() {
    check_fixture("no_dct");
}

#[test]
fn output_is_sorted_and_never_overlaps() {
    let text = std::fs::read_to_string(fixture("dates/relative.txt")).expect("fixture");
    let got = dates::tag(&text, NaiveDate::from_ymd_opt(2016, 9, 20));
    assert!(got.len() > 20);
    for pair in got.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{:?} overlaps {:?}",
            pair[0],
            pair[1]
        );
    }
    for t in &got {
        assert_eq!(&text[t.start..t.end], t.text);
    }
}

#[test]
fn cli_prints_one_json_object_per_expression() {
    let out = rashomon()
        .args(["dates", "--dct", "2016-09-20"])
        .arg(fixture("dates/article.txt"))
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let first = &lines[0];
    assert_eq!(first["text"], "last weekend");
    assert_eq!(first["type"], "DATE");
    assert_eq!(first["value"], "2016-W37-WE");
    assert_eq!(first["when"], "2016-09-17/2016-09-18");
    let dur = lines
        .iter()
        .find(|l| l["type"] == "DURATION")
        .expect("a duration");
    assert_eq!(dur["when"], serde_json::Value::Null);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).expect("utf-8");
    assert!(stderr.contains("dct: 2016-09-20"), "{stderr}");
}

#[test]
fn cli_jsonl_uses_character_offsets() {
    let input = concat!(
        r#"{"id": "a", "dct": "2016-09-20", "text": "Café owners said on Monday that prices rose."}"#,
        "\n",
        r#"{"id": "b", "dct": "1998-02-13T10:00", "text": "Nothing here."}"#,
        "\n"
    );
    let out = rashomon()
        .args(["dates", "--jsonl"])
        .write_stdin(input)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    let t = &lines[0]["timexes"][0];
    // "Café" is 5 bytes but 4 characters: offsets count characters.
    assert_eq!(t["start"], 20);
    assert_eq!(t["end"], 26);
    assert_eq!(t["value"], "2016-09-19");
    assert_eq!(lines[1]["timexes"].as_array().map(Vec::len), Some(0));
}

#[test]
fn cli_reports_a_missing_file() {
    rashomon()
        .args(["dates", "no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read no/such/file.txt"));
}

#[test]
fn cli_reports_bad_jsonl_with_its_line() {
    rashomon()
        .args(["dates", "--jsonl"])
        .write_stdin("{\"id\": \"a\", \"text\": \"x\"}\nnot json\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("standard input line 2"));
}

#[derive(serde::Deserialize)]
struct Gold {
    docs: Vec<GoldDoc>,
}

#[derive(serde::Deserialize)]
struct GoldDoc {
    file: String,
    dct: Option<rashomon::timeline::When>,
    dct_interval: Option<rashomon::timeline::When>,
    header_date: Option<rashomon::timeline::When>,
}

/// End to end on the shared seed articles (skipped without `../shared`): every inferred DCT
/// lies within the gold one, and misleading page dates are reported. A document may come
/// out undated when its own text holds no date evidence (a later stage dates it from
/// other documents), but most must be dated.
#[test]
fn seed_dcts_agree_with_the_gold() {
    let Some(shared) = crate::support::shared() else {
        return;
    };
    let src = std::fs::read_to_string(shared.join("gold/seeds.yaml")).expect("gold");
    let gold: Gold = rashomon::timeline::yaml::from_str(&src).expect("gold parses");
    let mut failures = Vec::new();
    let mut dated = 0;
    for g in &gold.docs {
        let doc = rashomon::ingest::read(&shared.join("corpus/seeds").join(&g.file)).expect("seed");
        let dct = dates::infer_dct(&doc);
        let accept = g.dct_interval.or(g.dct).filter(|w| !w.is_unknown());
        match (dct.date, accept) {
            (Some(d), Some(w)) if rashomon::timeline::When::date(d).within(&w) => dated += 1,
            (Some(d), Some(w)) => failures.push(format!("{}: {d} is not within {w}", g.file)),
            (Some(_), None) => dated += 1,
            (None, _) => {}
        }
        if g.header_date.is_some() && dct.conflict.is_none() {
            failures.push(format!(
                "{}: the misleading page date was not reported",
                g.file
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        dated * 5 >= gold.docs.len() * 4,
        "only {dated} of {} dated",
        gold.docs.len()
    );
}

#[test]
fn documents_tag_prose_and_anchor_comments_to_their_own_date() {
    use rashomon::ingest::{Document, Segment, SegmentKind};
    let parts = [
        (SegmentKind::FrontMatter, "published: 2016-09-20"),
        (SegmentKind::Body, "The talks ended yesterday."),
        (
            SegmentKind::Boilerplate,
            "Updated yesterday. Subscribe today.",
        ),
        (
            SegmentKind::Comment {
                author: Some("reader".into()),
                posted: NaiveDate::from_ymd_opt(2016, 9, 25).and_then(|d| d.and_hms_opt(9, 0, 0)),
            },
            "I heard it on the radio yesterday.",
        ),
    ];
    let mut text = String::new();
    let mut segments = Vec::new();
    for (kind, part) in parts {
        let start = text.len();
        text.push_str(part);
        segments.push(Segment {
            kind,
            start,
            end: text.len(),
        });
        text.push('\n');
    }
    let doc = Document {
        text,
        segments,
        ..Document::default()
    };
    let got = dates::tag_document(&doc, NaiveDate::from_ymd_opt(2016, 9, 20));
    let values: Vec<(&str, &str)> = got
        .iter()
        .map(|t| (t.text.as_str(), t.value.as_str()))
        .collect();
    assert_eq!(
        values,
        [("yesterday", "2016-09-19"), ("yesterday", "2016-09-24")]
    );
    for t in &got {
        assert_eq!(&doc.text[t.start..t.end], t.text);
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Pieces that exercise the grammar: words it knows, numbers of every size, marks.
    const PIECES: &[&str] = &[
        "May",
        "march",
        "Sept.",
        "September",
        "Monday",
        "Mondays",
        "the",
        "The",
        "last",
        "next",
        "this",
        "that",
        "same",
        "week",
        "weekend",
        "years",
        "year",
        "day",
        "days",
        "ago",
        "later",
        "earlier",
        "before",
        "after",
        "early",
        "mid",
        "late",
        "end",
        "of",
        "in",
        "on",
        "at",
        "a",
        "an",
        "few",
        "two",
        "twenty",
        "four",
        "hundred",
        "thousand",
        "and",
        "half",
        "first",
        "third",
        "quarter",
        "quarters",
        "summer",
        "fall",
        "night",
        "morning",
        "noon",
        "midnight",
        "today",
        "yesterday",
        "now",
        "recently",
        "every",
        "each",
        "per",
        "twice",
        "fiscal",
        "Q3",
        "H1",
        "pm",
        "p.m.",
        "a.m.",
        "GMT",
        "EST",
        "UTC+3",
        "Damascus",
        "time",
        "local",
        "Christmas",
        "Eve",
        "New",
        "Year",
        "'s",
        "'80s",
        "1990s",
        "2016",
        "2016-09-17",
        "17/09/2016",
        "9.5",
        "1,995",
        "12:30",
        "0730",
        "7",
        "16th",
        "31",
        "0",
        "99999999999",
        "$",
        "%",
        "-",
        "–",
        "’",
        ",",
        ".",
        ";",
        "(",
        ")",
        "é",
        "Ünïcödé",
        "日本",
        "\u{a0}",
        "\n",
        "\n\n",
        "resolution",
        "Flight",
        "km",
        "people",
        "old",
        "-old",
        "or",
        "so",
        "until",
        "as",
        "soon",
        "will",
        "said",
        "was",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec((0..PIECES.len(), prop::bool::ANY), 0..40).prop_map(|v| {
            let mut s = String::new();
            for (i, space) in v {
                s.push_str(PIECES[i]);
                if space {
                    s.push(' ');
                }
            }
            s
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn tagging_any_text_is_safe(s in text(), with_dct in prop::bool::ANY) {
            let dct = with_dct.then(|| NaiveDate::from_ymd_opt(2016, 9, 20)).flatten();
            let got = dates::tag(&s, dct);
            let mut last = 0;
            for t in &got {
                prop_assert!(t.start >= last && t.start < t.end && t.end <= s.len());
                prop_assert_eq!(&s[t.start..t.end], t.text.as_str());
                prop_assert!(!t.value.is_empty());
                last = t.end;
            }
            // Tagging is deterministic.
            prop_assert_eq!(got, dates::tag(&s, dct));
        }

        #[test]
        fn arbitrary_unicode_is_safe(s in "\\PC{0,200}") {
            let _ = dates::tag(&s, NaiveDate::from_ymd_opt(2016, 9, 20));
        }
    }
}

#[test]
fn cli_mentions_jsonl_dates_event_words() {
    let input = concat!(
        r#"{"id": "court", "dct": "2019-03-08", "text": "Café owners were evicted on Monday. A judge convicted two brothers of arson on 2 March 2019."}"#,
        "\n",
        r#"{"id": "none", "dct": "2019-03-08", "text": "The weather is mild."}"#,
        "\n"
    );
    let out = rashomon()
        .args(["mentions", "--jsonl"])
        .write_stdin(input)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "court");
    let text: Vec<char> = "Café owners were evicted on Monday. A judge convicted two brothers of arson on 2 March 2019.".chars().collect();
    let found: Vec<(String, String)> = lines[0]["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            let (s, t) = (
                e["start"].as_u64().unwrap_or(0),
                e["end"].as_u64().unwrap_or(0),
            );
            let word: String = text[s as usize..t as usize].iter().collect();
            (word, e["when"].as_str().unwrap_or("").to_string())
        })
        .collect();
    // Offsets count characters ("Café" is 5 bytes, 4 characters).
    assert!(
        found.contains(&("evicted".into(), "2019-03-04".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("convicted".into(), "2019-03-02".into())),
        "{found:?}"
    );
    assert_eq!(lines[1]["events"].as_array().map(Vec::len), Some(0));
}
