use std::path::PathBuf;
use std::process::ExitCode;

use crate::cmd::io::read_input;
use crate::timeline::check::check_str;

/// Arguments of `rashomon check`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Timeline files to check (`-`: standard input)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Prints every problem; exit 1 when there were any.
pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let mut problems = 0;
    for path in &args.files {
        let (name, src) = read_input(path)?;
        let checked = check_str(&name, &src);
        for p in &checked.problems {
            out!("{p}")?;
        }
        problems += checked.problems.len();
    }
    if problems == 0 {
        let n = args.files.len();
        eprintln!(
            "{n} file{} checked, no problems",
            if n == 1 { "" } else { "s" }
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{problems} problem{}", if problems == 1 { "" } else { "s" });
        Ok(ExitCode::from(1))
    }
}
