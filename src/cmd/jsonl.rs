//! The evaluation format shared by `dates --jsonl` and `mentions --jsonl`: one document a
//! line on standard input (`{"id", "dct", "text"}`), one result a line on standard output,
//! offsets in characters.

use std::io::{BufRead, Write};

use anyhow::Context;
use chrono::NaiveDate;

/// One input document.
#[derive(serde::Deserialize)]
pub struct EvalDoc {
    pub id: String,
    #[serde(default)]
    pub dct: Option<String>,
    pub text: String,
}

/// Run `each` over the documents of standard input, writing what it returns as JSON lines.
/// `dct_override` replaces every document's date.
pub fn run<T: serde::Serialize>(
    dct_override: Option<NaiveDate>,
    mut each: impl FnMut(&EvalDoc, Option<NaiveDate>) -> T,
) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.with_context(|| format!("cannot read standard input line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: EvalDoc = serde_json::from_str(&line)
            .with_context(|| format!("standard input line {}: not a document", n + 1))?;
        let dct = match (dct_override, &doc.dct) {
            (Some(d), _) => Some(d),
            (None, Some(s)) if !s.is_empty() => Some(
                s.get(..10)
                    .unwrap_or(s)
                    .parse::<NaiveDate>()
                    .with_context(|| {
                        format!("standard input line {}: dct `{s}` is not YYYY-MM-DD", n + 1)
                    })?,
            ),
            _ => None,
        };
        serde_json::to_writer(&mut out, &each(&doc, dct))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Byte offsets to character offsets.
pub fn char_offsets(
    text: &str,
    spans: impl Iterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return spans.collect();
    }
    let to_char = |b: usize| text[..b].chars().count();
    spans.map(|(s, e)| (to_char(s), to_char(e))).collect()
}
