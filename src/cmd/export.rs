use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::export;
use crate::output::write_atomic;
use crate::timeline;

/// Arguments of `rashomon export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The timeline file
    pub file: PathBuf,
    /// What to write
    #[arg(long, short, value_enum)]
    pub format: Format,
    /// Where to write the result; standard output when absent
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// TimelineJS3 JSON: a slide per dated event, its accounts side by side in the text
    #[value(name = "timelinejs")]
    TimelineJs,
    /// A spreadsheet (RFC 4180 CSV), one row per account; `rashomon import csv` reads it back
    Csv,
    /// The normalised model with its derived disputes, as JSON
    Json,
    /// A briefing in Markdown: each event, its accounts as a list, its disputes as tables
    #[value(alias = "md")]
    Markdown,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let timeline = timeline::load(&args.file)?;
    let format = match args.format {
        Format::TimelineJs => export::Format::TimelineJs,
        Format::Csv => export::Format::Csv,
        Format::Json => export::Format::Json,
        Format::Markdown => export::Format::Markdown,
    };
    let exported = export::export(&timeline, format)?;
    for w in &exported.warnings {
        eprintln!("warning: {}: {w}", args.file.display());
    }
    match &args.output {
        Some(path) => write_atomic(path, exported.text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => out!("{}", exported.text)?,
    }
    Ok(ExitCode::SUCCESS)
}
