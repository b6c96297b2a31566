use std::path::PathBuf;
use std::process::ExitCode;

use crate::cmd::io::read_input_bytes;
use crate::input::Kind;
use crate::timeline::{check, files};

/// Arguments of `rashomon check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Timeline files to check (`-`: standard input)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Also read each source's file and check that every quote is still at its span
    #[arg(long)]
    pub sources: bool,
}

/// Prints every problem and warning; exit 1 when there were problems (warnings alone pass).
pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let mut errors = 0;
    let mut warnings = 0;
    for path in &args.files {
        let (name, bytes) = read_input_bytes(path, Kind::Timeline)?;
        // The tree's checks, then the typed read from the tree; the timeline read is only
        // checked, not kept.
        let mut checked = check::check_bytes_tree(&name, &bytes);
        let on_disk = match (&checked.tree, std::str::from_utf8(&bytes)) {
            (Some(tree), Ok(src)) => Some(files::check(&name, src, tree, path, args.sources)),
            _ => None,
        };
        if let Ok(src) = std::str::from_utf8(&bytes) {
            check::read_timeline_from_tree(&name, src, &mut checked);
        }
        drop(checked.timeline);
        let mut problems = checked.problems;
        if let Some(on_disk) = on_disk {
            problems.extend(on_disk);
            problems.sort_by_key(|d| (d.line, d.col));
        }
        for p in &problems {
            out!("{p}")?;
        }
        let e = problems.iter().filter(|p| p.is_error()).count();
        errors += e;
        warnings += problems.len() - e;
    }
    let n = args.files.len();
    let files = format!("{n} file{} checked", if n == 1 { "" } else { "s" });
    let warned = match warnings {
        0 => String::new(),
        1 => ", 1 warning".to_string(),
        w => format!(", {w} warnings"),
    };
    if errors == 0 {
        eprintln!("{files}, no problems{warned}");
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{errors} problem{}{warned}",
            if errors == 1 { "" } else { "s" }
        );
        Ok(ExitCode::from(1))
    }
}
