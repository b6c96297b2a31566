use std::path::PathBuf;
use std::process::ExitCode;

use crate::cmd::io::{Output, read_input};
use crate::render;
use crate::timeline;

/// Arguments of `rashomon render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The timeline file (`-`: standard input)
    pub file: PathBuf,
    /// Where to write the result; standard output when absent or `-`
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace a read-only file; write into a device or FIFO instead of refusing
    #[arg(long)]
    pub force: bool,
    /// What to write
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One self-contained HTML page
    Html,
    /// The normalised YAML, disputes filled in, events in date order
    Yaml,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let (name, src) = read_input(&args.file, crate::input::Kind::Timeline)?;
    let mut timeline = timeline::load_str(&name, &src)?;
    // The text is not needed once read; a large one is not kept while the output is made.
    drop(src);
    timeline::sort_events(&mut timeline);
    // Written as made: the page of a large timeline is several times its YAML.
    let output = Output::from_arg(args.output.as_deref());
    match args.format {
        Format::Html => {
            output.write_with(args.force, |out| render::html::write_page(&timeline, out))?
        }
        Format::Yaml => output.write_with(args.force, |mut out| {
            timeline::write_yaml(&timeline, &mut out)
        })?,
    }
    Ok(ExitCode::SUCCESS)
}
