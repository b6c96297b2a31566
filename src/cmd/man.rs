use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::CommandFactory;

use crate::cli::Cli;
use crate::cmd::io::Output;

/// Arguments of `rashomon man`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Read it with `rashomon man | man -l -`, or install it:\n  \
    rashomon man -o ~/.local/share/man/man1/rashomon.1"
)]
pub struct Args {
    /// The page of one command (`rashomon man extract` is rashomon-extract(1)); the page of
    /// rashomon itself when absent
    pub command: Option<String>,
    /// Where to write the page (roff); standard output when absent or `-`
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let page = page(args.command.as_deref())?;
    Output::from_arg(args.output.as_deref()).write(&page, false)?;
    Ok(ExitCode::SUCCESS)
}

/// The man page (roff) of rashomon, or of one of its commands.
pub fn page(command: Option<&str>) -> anyhow::Result<Vec<u8>> {
    let mut cli = Cli::command();
    cli.build();
    let cmd = match command {
        None => cli,
        Some(name) => {
            let Some(sub) = cli.find_subcommand(name) else {
                let names: Vec<&str> = cli
                    .get_subcommands()
                    .map(|s| s.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                bail!("no command `{name}`; the commands are {}", names.join(", "));
            };
            // Built, a subcommand is named `rashomon-extract` for display.
            sub.clone()
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .source(format!("rashomon {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .context("writing the man page")?;
    Ok(out)
}
