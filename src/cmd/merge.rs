use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::output::write_atomic;
use crate::timeline::{self, edit, merge, yaml};

/// Arguments of `rashomon merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The candidate timeline, as the extractor writes it
    pub candidate: PathBuf,
    /// The timeline file to merge into; created when it does not exist
    #[arg(long, value_name = "TIMELINE")]
    pub into: PathBuf,
    /// Print what would change and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Score (0 to 1) at which a candidate event joins an existing event
    #[arg(long, default_value_t = merge::DEFAULT_THRESHOLD)]
    pub threshold: f64,
}

/// The first line of a timeline created by a merge.
#[derive(serde::Serialize)]
struct Head<'a> {
    title: &'a str,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) {
        bail!(
            "--threshold must be between 0 and 1, not {}",
            args.threshold
        );
    }
    let candidate = timeline::load(&args.candidate)?;
    let name = args.into.display().to_string();
    let (text, created) = match std::fs::read_to_string(&args.into) {
        Ok(text) => (text, false),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let head = yaml::to_string(&Head {
                title: &candidate.title,
            })?;
            (head, true)
        }
        Err(e) => return Err(e).with_context(|| format!("cannot read {name}")),
    };
    let (merged, report) = merge::merge_into(
        &name,
        &text,
        &candidate,
        &merge::SimpleMatcher,
        args.threshold,
    )?;
    print!("{report}");
    if args.dry_run {
        let before = if created { "" } else { text.as_str() };
        print!("{}", edit::unified_diff(&name, before, &merged));
        eprintln!("dry run: {name} not written");
    } else if created || merged != text {
        write_atomic(&args.into, merged.as_bytes())
            .with_context(|| format!("cannot write {name}"))?;
        eprintln!("{} {name}", if created { "created" } else { "updated" });
    } else {
        eprintln!("{name} unchanged");
    }
    Ok(ExitCode::SUCCESS)
}
