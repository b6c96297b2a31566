use std::path::PathBuf;
use std::process::ExitCode;

use crate::live::Preview;

/// Arguments of `rashomon watch`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The timeline file
    pub file: PathBuf,
    /// The port on 127.0.0.1 to serve on (0: any free port)
    #[arg(short, long, default_value_t = 8017)]
    pub port: u16,
}

/// Serves until interrupted.
pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let preview = Preview::start(&args.file, args.port)?;
    outln!(
        "Serving {} at http://{}/ (the page reloads when you save; Ctrl-C stops)",
        args.file.display(),
        preview.addr
    )?;
    if let Some(problems) = preview.first_error() {
        eprintln!("{}: does not load yet\n{problems}", args.file.display());
    }
    preview.run(|message| eprintln!("{message}"))?;
    Ok(ExitCode::SUCCESS)
}
