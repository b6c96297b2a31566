//! The evaluation format shared by `dates --jsonl` and `mentions --jsonl`: one document a
//! line on standard input (`{"id", "dct", "text"}`), one result a line on standard output,
//! offsets in characters.

use std::io::Write;

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
/// `dct_override` replaces every document's date. A line holds one article: it may be as
/// long as an article file may be, and no longer ([`crate::cmd::io::each_stdin_line`]).
pub fn run<T: serde::Serialize>(
    dct_override: Option<NaiveDate>,
    mut each: impl FnMut(&EvalDoc, Option<NaiveDate>) -> T,
) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    crate::cmd::io::each_stdin_line(crate::input::Kind::Article, |n, line| {
        if line.trim().is_empty() {
            return Ok(());
        }
        let doc: EvalDoc = serde_json::from_str(line)
            .with_context(|| format!("standard input line {n}: not a document"))?;
        let dct = match (dct_override, &doc.dct) {
            (Some(d), _) => Some(d),
            (None, Some(s)) if !s.is_empty() => Some(
                crate::dates::parse_dct(s.get(..10).unwrap_or(s))
                    .map_err(|e| anyhow::anyhow!("standard input line {n}: dct {e}"))?,
            ),
            _ => None,
        };
        serde_json::to_writer(&mut out, &each(&doc, dct))?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(())
}

/// Byte offsets to character offsets: one pass over the text for all offsets (counting from
/// the start for each would be quadratic in a text of thousands of dates).
pub fn char_offsets(
    text: &str,
    spans: impl Iterator<Item = (usize, usize)>,
) -> Vec<(usize, usize)> {
    let spans: Vec<(usize, usize)> = spans.collect();
    if text.is_ascii() {
        return spans;
    }
    let mut bytes: Vec<usize> = spans.iter().flat_map(|&(s, e)| [s, e]).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let mut chars = std::collections::HashMap::with_capacity(bytes.len());
    let (mut at, mut count) = (0, 0);
    for b in bytes {
        count += text[at..b].chars().count();
        at = b;
        chars.insert(b, count);
    }
    spans.iter().map(|(s, e)| (chars[s], chars[e])).collect()
}
