use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd::io::{Output, read_input};
use crate::import::{self, Imported};
use crate::timeline;

/// Arguments of `rashomon import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What the file is
    #[arg(value_enum)]
    pub format: Format,
    /// The file to read (`-`: standard input)
    pub file: PathBuf,
    /// Where to write the timeline (replacing the file); standard output when absent or `-`
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace a read-only file; write into a device or FIFO instead of refusing
    #[arg(long)]
    pub force: bool,
    /// The timeline's title [default: the TimelineJS title slide, else the file's name]
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// TimelineJS3 JSON, or the CSV a TimelineJS Google Sheet exports (told apart by content)
    #[value(name = "timelinejs")]
    TimelineJs,
    /// Rashomon's spreadsheet, as `export --format csv` writes it
    Csv,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let (name, src) = read_input(&args.file, crate::input::Kind::Import)?;
    let src = src.as_str();
    let stem = match args.file.file_stem() {
        Some(s) if !crate::cmd::io::is_dash(&args.file) => s.to_string_lossy().into_owned(),
        _ => "Imported timeline".to_string(),
    };
    let fallback = args.title.clone().unwrap_or(stem);
    let Imported {
        mut timeline,
        warnings,
    } = match args.format {
        Format::TimelineJs if is_json(&args.file, src) => {
            import::timelinejs::from_json(&name, src, &fallback)?
        }
        Format::TimelineJs => import::timelinejs::from_sheet(&name, src, &fallback)?,
        Format::Csv => import::spreadsheet::from_csv(&name, src, &fallback)?,
    };
    if let Some(title) = args.title {
        timeline.title = title;
    }
    for w in &warnings {
        eprintln!("warning: {name}: {w}");
    }
    let text = timeline::to_yaml(&timeline).context("writing YAML")?;
    let accounts: usize = timeline.events.iter().map(|e| e.accounts.len()).sum();
    let output = Output::from_arg(args.output.as_deref());
    output.write(text.as_bytes(), args.force)?;
    if let Some(path) = output.file() {
        eprintln!(
            "{}: {} events, {} accounts, {} sources",
            path.display(),
            timeline.events.len(),
            accounts,
            timeline.sources.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// JSON by its name, else by its first character; a sheet's CSV starts with a column name.
fn is_json(path: &Path, src: &str) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("json") => true,
        Some(e) if e.eq_ignore_ascii_case("csv") => false,
        _ => src
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{'),
    }
}
