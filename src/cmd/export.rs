use std::path::PathBuf;
use std::process::ExitCode;

use crate::cmd::io::{Output, read_input};
use crate::export;
use crate::timeline;

/// Arguments of `rashomon export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The timeline file (`-`: standard input)
    pub file: PathBuf,
    /// What to write
    #[arg(long, short, value_enum)]
    pub format: Format,
    /// Where to write the result; standard output when absent or `-`
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace a read-only file; write into a device or FIFO instead of refusing
    #[arg(long)]
    pub force: bool,
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
    let (name, src) = read_input(&args.file, crate::input::Kind::Timeline)?;
    let timeline = timeline::load_str(&name, &src)?;
    // The text is not needed once read; a large one is not kept while the output is made.
    drop(src);
    let format = match args.format {
        Format::TimelineJs => export::Format::TimelineJs,
        Format::Csv => export::Format::Csv,
        Format::Json => export::Format::Json,
        Format::Markdown => export::Format::Markdown,
    };
    let exported = export::export(&timeline, format)?;
    for w in &exported.warnings {
        eprintln!("warning: {name}: {w}");
    }
    Output::from_arg(args.output.as_deref()).write(exported.text.as_bytes(), args.force)?;
    Ok(ExitCode::SUCCESS)
}
