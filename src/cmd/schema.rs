use std::path::PathBuf;
use std::process::ExitCode;

use crate::cmd::io::Output;
use crate::timeline::schema;

/// Arguments of `rashomon schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the schema; standard output when absent or `-`. The files Rashomon writes look
    /// for `rashomon.schema.json` beside them.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Replace a read-only file; write into a device or FIFO instead of refusing
    #[arg(long)]
    pub force: bool,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let text = schema::schema_json();
    Output::from_arg(args.output.as_deref()).write(text.as_bytes(), args.force)?;
    Ok(ExitCode::SUCCESS)
}
