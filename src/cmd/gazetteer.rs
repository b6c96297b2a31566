use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::gazetteer::{Entry, Gazetteer};

/// Arguments of `rashomon gazetteer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A gazetteer file that extends the built-in table (or replaces it, with `replace: true`)
    #[arg(long, value_name = "FILE")]
    pub gazetteer: Option<PathBuf>,
    /// Write JSON instead of text
    #[arg(long)]
    pub json: bool,
    /// A text to search; without it, list the entries
    pub text_file: Option<PathBuf>,
}

#[derive(Serialize)]
struct Found<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    demonym: bool,
}

pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let owned;
    let gazetteer = match &args.gazetteer {
        Some(path) => {
            owned = Gazetteer::builtin().with_user(Gazetteer::load(path)?);
            &owned
        }
        None => Gazetteer::builtin(),
    };
    let mut out = String::new();
    match &args.text_file {
        Some(path) => {
            let bytes = crate::input::read(path, crate::input::Kind::Article)?;
            let text = String::from_utf8_lossy(&bytes);
            let found: Vec<Found> = gazetteer
                .find(&text)
                .into_iter()
                .map(|m| {
                    let e = gazetteer.entry(m.entry);
                    Found {
                        start: m.start,
                        end: m.end,
                        text: &text[m.start..m.end],
                        id: &e.id,
                        name: &e.name,
                        kind: e.kind.as_str(),
                        demonym: m.demonym,
                    }
                })
                .collect();
            if args.json {
                out = serde_json::to_string_pretty(&found)?;
                out.push('\n');
            } else {
                for f in &found {
                    let how = if f.demonym { " (demonym)" } else { "" };
                    out.push_str(&format!(
                        "{}..{}\t{}\t{}\t{}{how}\n",
                        f.start,
                        f.end,
                        f.kind,
                        f.id,
                        f.text.replace(['\n', '\t'], " ")
                    ));
                }
            }
        }
        None if args.json => {
            out = serde_json::to_string_pretty(gazetteer.entries())?;
            out.push('\n');
        }
        None => {
            for e in gazetteer.entries() {
                out.push_str(&list_line(e));
            }
        }
    }
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `id  kind  name  [aliases]`, one entry a line.
fn list_line(e: &Entry) -> String {
    let mut line = format!("{}\t{}\t{}", e.id, e.kind, e.name);
    if !e.aliases.is_empty() {
        line.push_str(&format!("\t{}", e.aliases.join("; ")));
    }
    line.push('\n');
    line
}
