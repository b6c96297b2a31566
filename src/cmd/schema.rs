use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::output::write_atomic;
use crate::timeline::schema;

/// Arguments of `rashomon schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the schema; standard output when absent. The files Rashomon writes look
    /// for `rashomon.schema.json` beside them.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let text = schema::schema_json();
    match &args.output {
        Some(path) => write_atomic(path, text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => out!("{text}")?,
    }
    Ok(ExitCode::SUCCESS)
}
