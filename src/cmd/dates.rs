use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
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

#[derive(serde::Serialize)]
struct EvalTimex {
    start: usize,
    end: usize,
    text: String,
    #[serde(rename = "type")]
    kind: dates::TimexType,
    value: String,
}

#[derive(serde::Serialize)]
struct EvalOut {
    id: String,
    timexes: Vec<EvalTimex>,
}

fn jsonl(dct_override: Option<NaiveDate>) -> anyhow::Result<ExitCode> {
    super::jsonl::run(dct_override, |doc, dct| {
        let timexes: Vec<Timex> = dates::tag(&doc.text, dct);
        let offsets =
            super::jsonl::char_offsets(&doc.text, timexes.iter().map(|t| (t.start, t.end)));
        EvalOut {
            id: doc.id.clone(),
            timexes: timexes
                .into_iter()
                .zip(offsets)
                .map(|(t, (start, end))| EvalTimex {
                    start,
                    end,
                    text: t.text,
                    kind: t.kind,
                    value: t.value,
                })
                .collect(),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}
