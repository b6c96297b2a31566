use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::Cli;
use crate::cmd::io::Output;

/// Arguments of `rashomon completions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Install, for example:\n  \
    bash: rashomon completions bash > ~/.local/share/bash-completion/completions/rashomon\n  \
    zsh:  rashomon completions zsh > ~/.zfunc/_rashomon   (with fpath+=~/.zfunc)\n  \
    fish: rashomon completions fish > ~/.config/fish/completions/rashomon.fish")]
pub struct Args {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// Where to write the script; standard output when absent or `-`
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "rashomon", &mut script);
    Output::from_arg(args.output.as_deref()).write(&script, false)?;
    Ok(ExitCode::SUCCESS)
}
