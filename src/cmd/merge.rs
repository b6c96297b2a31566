use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::output;
use crate::timeline::{self, edit, merge, yaml};

/// Arguments of `rashomon merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The candidate timeline, as the extractor writes it (`-`: standard input)
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
    /// Replace a read-only file instead of refusing
    #[arg(long)]
    pub force: bool,
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
    let (name, src) = crate::cmd::io::read_input(&args.candidate, crate::input::Kind::Timeline)?;
    let candidate = timeline::load_str(&name, &src)?;
    let base = crate::cmd::io::input_base(&args.candidate);
    merge_into_file(
        &args.into,
        &candidate,
        &base,
        &merge::SimpleMatcher,
        args.threshold,
        args.dry_run,
        args.force,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Merge a candidate into a timeline file (created when missing), print the report, and write
/// the file atomically unless `dry_run`. The candidate's source files are relative to
/// `candidate_base`. The file is locked from before it is read until it is written, so a
/// second run on it waits for this one and merges into its result.
#[allow(clippy::too_many_arguments)]
pub fn merge_into_file(
    path: &Path,
    candidate: &timeline::Timeline,
    candidate_base: &Path,
    matcher: &dyn merge::EventMatcher,
    threshold: f64,
    dry_run: bool,
    force: bool,
) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let _lock = if dry_run {
        None
    } else {
        Some(output::lock(path)?)
    };
    let exists = match std::fs::symlink_metadata(path) {
        Ok(_) => std::fs::metadata(path).is_ok(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
        Err(e) => return Err(e).with_context(|| format!("cannot read {name}")),
    };
    let (text, created) = if exists {
        let bytes = crate::input::read(path, crate::input::Kind::Timeline)?;
        match crate::input::utf8(&bytes) {
            Ok(text) => (text.to_string(), false),
            Err(_) => {
                // Located by `check`, as any problem of the file.
                let checked = timeline::check::check_bytes(&name, &bytes);
                return Err(merge::MergeError::Invalid(checked.problems).into());
            }
        }
    } else {
        (
            timeline::schema::with_modeline(&yaml::to_string(&Head {
                title: &candidate.title,
            })?),
            true,
        )
    };
    let candidate = &rebase_files(candidate, candidate_base, path, &text);
    let (merged, report) = merge::merge_into(&name, &text, candidate, matcher, threshold)?;
    out!("{report}")?;
    if dry_run {
        let before = if created { "" } else { text.as_str() };
        out!("{}", edit::unified_diff(&name, before, &merged))?;
        eprintln!("dry run: {name} not written");
    } else if created || merged != text {
        output::write(path, merged.as_bytes(), force)?;
        eprintln!("{} {name}", if created { "created" } else { "updated" });
    } else {
        eprintln!("{name} unchanged");
    }
    Ok(())
}

/// The candidate with its source files written as the target timeline writes them: the same
/// file (after links are followed) keeps the target's spelling, so that a source is not added
/// twice because one path goes through a symbolic link; other files are made relative to the
/// target's folder.
fn rebase_files(
    candidate: &timeline::Timeline,
    candidate_base: &Path,
    target: &Path,
    target_text: &str,
) -> timeline::Timeline {
    let target_base = target.parent().unwrap_or(Path::new(""));
    let real = |base: &Path, file: &str| std::fs::canonicalize(base.join(file)).ok();
    // A target that does not parse is reported by the merge itself.
    let existing: Vec<(PathBuf, String)> = timeline::load_str("", target_text)
        .map(|t| t.sources)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| {
            let file = s.file?;
            Some((real(target_base, &file)?, file))
        })
        .collect();
    let mut out = candidate.clone();
    for source in &mut out.sources {
        let Some(file) = &source.file else { continue };
        let Some(resolved) = real(candidate_base, file) else {
            continue;
        };
        source.file = Some(match existing.iter().find(|(p, _)| *p == resolved) {
            Some((_, spelled)) => spelled.clone(),
            None => crate::pipeline::relative_path(&resolved, target_base),
        });
    }
    out
}
