use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::cmd::io::Output;
use crate::cmd::merge::merge_into_file;
use crate::gazetteer::Gazetteer;
use crate::graph::cluster::Params;
use crate::graph::matcher::GraphMatcher;
use crate::pipeline::{self, DocumentReport, Options};
use crate::timeline::{self, Timeline};
use crate::{ingest, render};

/// Arguments of `rashomon extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files or folders of them (.txt, .md, .html)
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Where to write the timeline (replacing the file); standard output when absent or `-`
    #[arg(short, long, conflicts_with = "into")]
    pub output: Option<PathBuf>,
    /// Merge into this timeline instead, keeping every hand edit in it (created when missing)
    #[arg(long, value_name = "TIMELINE")]
    pub into: Option<PathBuf>,
    /// With --into: print what would change and write nothing
    #[arg(long, requires = "into")]
    pub dry_run: bool,
    /// Replace a read-only file; write into a device or FIFO instead of refusing
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub common: Common,
}

/// Options shared by the commands that run the extractor.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// A gazetteer file that extends the built-in one (or replaces it: `replace: true`)
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// An event vocabulary file that extends the built-in one (the format of
    /// data/events.yaml): its words join the classes, new classes make events of their own
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
    /// A speech vocabulary file that extends the built-in one (the format of
    /// data/speech.yaml): reporting verbs, speaker titles, organisation and role nouns
    #[arg(long, value_name = "FILE")]
    pub speech: Option<PathBuf>,
    /// Never show a progress bar
    #[arg(long)]
    pub quiet: bool,
    /// Stop at the first article that cannot be read, instead of warning and going on
    #[arg(long)]
    pub strict: bool,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    // Source files are written relative to the timeline's folder (the current one when the
    // timeline goes to standard output).
    let target = match &args.into {
        Some(into) => Output::File(into.clone()),
        None => Output::from_arg(args.output.as_deref()),
    };
    let base = target.base();
    let (timeline, reports) = run(&args.inputs, &base, &args.common)?;
    summarise(&timeline, &reports, &target.name());
    if let Some(into) = &args.into {
        let gazetteer = gazetteer(&args.common)?;
        let matcher = GraphMatcher {
            gazetteer: &gazetteer,
        };
        merge_into_file(
            into,
            &timeline,
            &base,
            &matcher,
            MERGE_THRESHOLD,
            args.dry_run,
            args.force,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    // Written as it is serialised: at a hundred thousand articles the text is most of a
    // gigabyte, not to be held beside the timeline it is made from.
    let mut len = 0;
    target.write_with(args.force, |out| {
        let mut counted = Counted { out, bytes: 0 };
        timeline::write_yaml(&timeline, &mut counted)?;
        len = counted.bytes;
        Ok(())
    })?;
    if let Some(path) = target.file() {
        warn_if_over_limit(path, len);
    }
    Ok(ExitCode::SUCCESS)
}

/// A writer that counts what passes through it.
struct Counted<'a> {
    out: &'a mut dyn std::io::Write,
    bytes: usize,
}

impl std::io::Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// A timeline too large to be read back under the default limit says so, with the flag that
/// reads it.
fn warn_if_over_limit(path: &Path, len: usize) {
    let limit = crate::input::limit(crate::input::Kind::Timeline);
    if len as u64 > limit {
        eprintln!(
            "warning: {} is {}, more than the {} a timeline may be: read it with --max-file-size {}M",
            path.display(),
            crate::input::Size(len as u64),
            crate::input::Size(limit),
            (len as u64 >> 20) + 1
        );
    }
}

/// Score at which a newly extracted event joins an event of the edited timeline.
const MERGE_THRESHOLD: f64 = 0.6;

pub(crate) fn gazetteer(common: &Common) -> anyhow::Result<Gazetteer> {
    Ok(match &common.gazetteer {
        Some(path) => Gazetteer::builtin().with_user(Gazetteer::load(path)?),
        None => Gazetteer::builtin().clone(),
    })
}

/// Ingest and extract; warnings about the documents go to standard error.
pub fn run(
    inputs: &[PathBuf],
    base: &Path,
    common: &Common,
) -> anyhow::Result<(Timeline, Vec<DocumentReport>)> {
    let gazetteer = gazetteer(common)?;
    crate::lexicon::Lexicon::use_files(common.events.as_deref(), common.speech.as_deref())?;
    let mut read = ingest::read_each(inputs)?;
    if common.strict && !read.skipped.is_empty() {
        return Err(read.skipped.swap_remove(0).into());
    }
    let skipped = read.skipped.len();
    for e in &read.skipped {
        eprintln!("warning: {e} (skipped)");
    }
    let docs = read.docs;
    if docs.is_empty() {
        let names = inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        if skipped > 0 {
            anyhow::bail!("no article in {names} could be read");
        }
        anyhow::bail!("no articles found in {names}");
    }
    for d in &docs {
        for w in &d.warnings {
            eprintln!("warning: {}: {w}", d.path.display());
        }
    }
    let bar = progress_bar(docs.len(), common.quiet);
    let tick = || bar.inc(1);
    let options = Options {
        gazetteer: &gazetteer,
        params: Params::default(),
        progress: &tick,
    };
    let (timeline, reports) = pipeline::extract(&docs, base, &options);
    bar.finish_and_clear();
    for (d, r) in docs.iter().zip(&reports) {
        if let Some(conflict) = &r.dct.conflict {
            eprintln!("warning: {}: {conflict}", d.path.display());
        }
        if r.dct.date.is_none() {
            eprintln!(
                "note: {}: no date found; relative dates in it (\"yesterday\", \"last week\") stay unresolved",
                d.path.display()
            );
        }
    }
    Ok((timeline, reports))
}

/// A progress bar on standard error for large inputs, when it is a terminal.
fn progress_bar(total: usize, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || total < 20 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles ({per_sec}, {eta})")
    {
        bar.set_style(style);
    }
    bar
}

fn summarise(timeline: &Timeline, reports: &[DocumentReport], output: &str) {
    let accounts: usize = timeline.events.iter().map(|e| e.accounts.len()).sum();
    let disputed = timeline.events.iter().filter(|e| e.is_disputed()).count();
    let copies = reports.iter().filter(|r| r.republishes.is_some()).count();
    eprintln!(
        "{}: {} sources ({} republished), {} events ({} disputed), {} accounts, {} relations",
        output,
        timeline.sources.len(),
        copies,
        timeline.events.len(),
        disputed,
        accounts,
        timeline.relations.len()
    );
}

/// `rashomon build`: articles straight to the page.
pub mod build {
    use super::*;

    /// Arguments of `rashomon build`.
    #[derive(Debug, clap::Args)]
    pub struct Args {
        /// Article files or folders of them
        #[arg(required = true)]
        pub inputs: Vec<PathBuf>,
        /// Where to write the page; standard output when absent or `-`
        #[arg(short, long)]
        pub output: Option<PathBuf>,
        /// Replace a read-only file; write into a device or FIFO instead of refusing
        #[arg(long)]
        pub force: bool,
        #[command(flatten)]
        pub common: Common,
    }

    pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
        let output = Output::from_arg(args.output.as_deref());
        let (timeline, reports) = run(&args.inputs, &output.base(), &args.common)?;
        let page = render::html::page(&timeline).context("rendering the page")?;
        output.write(page.as_bytes(), args.force)?;
        summarise(&timeline, &reports, &output.name());
        Ok(ExitCode::SUCCESS)
    }
}
