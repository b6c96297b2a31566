use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::NaiveDate;

use crate::dates::{self, Timex};

/// Arguments of `rashomon dates`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The article to tag
    #[arg(required_unless_present = "jsonl")]
    pub file: Option<PathBuf>,
    /// The document date (YYYY-MM-DD), instead of the one inferred from the article
    #[arg(long, value_parser = crate::dates::parse_dct)]
    pub dct: Option<NaiveDate>,
    /// Read documents as JSON lines ({"id", "dct", "text"}) on standard input and write
    /// {"id", "timexes"} lines with character offsets (the evaluation format)
    #[arg(long, conflicts_with = "file")]
    pub jsonl: bool,
}

#[derive(serde::Serialize)]
struct Line<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: dates::TimexType,
    value: &'a str,
    when: Option<String>,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    if args.jsonl {
        return jsonl(args.dct);
    }
    let Some(path) = &args.file else {
        bail!("give a FILE or --jsonl");
    };
    let doc = crate::ingest::read(path)?;
    let inferred = dates::infer_dct(&doc);
    let dct = match args.dct {
        Some(d) => {
            eprintln!("dct: {d} (given with --dct)");
            Some(d)
        }
        None => {
            report_dct(&inferred);
            inferred.date
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for t in dates::tag_document(&doc, dct) {
        let line = Line {
            start: t.start,
            end: t.end,
            text: &t.text,
            kind: t.kind,
            value: &t.value,
            when: t.when.map(|w| w.to_string()),
        };
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn report_dct(d: &dates::Dct) {
    match d.date {
        Some(date) => eprintln!(
            "dct: {date} (source: {:?}, confidence: {:?})",
            d.source, d.confidence
        ),
        None => eprintln!("dct: unknown (no usable date evidence)"),
    }
    for e in &d.evidence {
        eprintln!("  evidence: {e}");
    }
    if let Some(c) = &d.conflict {
        eprintln!("  conflict: {c}");
    }
}

#[derive(serde::Deserialize)]
struct EvalDoc {
    id: String,
    #[serde(default)]
    dct: Option<String>,
    text: String,
}

#[derive(serde::Serialize)]
struct EvalTimex<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: dates::TimexType,
    value: &'a str,
}

#[derive(serde::Serialize)]
struct EvalOut<'a> {
    id: &'a str,
    timexes: Vec<EvalTimex<'a>>,
}

/// Byte offsets to character offsets, for texts that are not ASCII: one pass over the text
/// for all offsets (counting from the start for each would be quadratic in a text of
/// thousands of dates).
fn char_offsets(text: &str, timexes: &[Timex]) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return timexes.iter().map(|t| (t.start, t.end)).collect();
    }
    let mut bytes: Vec<usize> = timexes.iter().flat_map(|t| [t.start, t.end]).collect();
    bytes.sort_unstable();
    bytes.dedup();
    let mut chars = std::collections::HashMap::with_capacity(bytes.len());
    let (mut at, mut count) = (0, 0);
    for b in bytes {
        count += text[at..b].chars().count();
        at = b;
        chars.insert(b, count);
    }
    timexes
        .iter()
        .map(|t| (chars[&t.start], chars[&t.end]))
        .collect()
}

fn jsonl(dct_override: Option<NaiveDate>) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    // A line holds one article: it may be as long as an article file, and no longer.
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
        let timexes = dates::tag(&doc.text, dct);
        let offsets = char_offsets(&doc.text, &timexes);
        let record = EvalOut {
            id: &doc.id,
            timexes: timexes
                .iter()
                .zip(offsets)
                .map(|(t, (start, end))| EvalTimex {
                    start,
                    end,
                    text: &t.text,
                    kind: t.kind,
                    value: &t.value,
                })
                .collect(),
        };
        serde_json::to_writer(&mut out, &record)?;
        out.write_all(b"\n")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
