//! Command-line interface: parsing and dispatch. The commands live in `cmd/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd;

/// Build event timelines from news articles, keeping every competing account side by side.
#[derive(Debug, Parser)]
#[command(name = "rashomon", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
    /// Read files up to this size (512K, 64M, 2G): replaces the limits for articles (16M),
    /// timelines (256M), gazetteers and imports (64M)
    #[arg(long, global = true, value_name = "SIZE", value_parser = crate::input::parse_size)]
    pub max_file_size: Option<u64>,
}

const EXIT_CODES: &str = "Exit codes: 0 success; 1 problems found (check); 2 could not run.";

/// The commands, one file each in `src/cmd/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract a timeline from articles
    Extract(cmd::extract::Args),
    /// Extract a timeline from articles and render the page in one go
    Build(cmd::extract::build::Args),
    /// Render a timeline as a self-contained HTML page, or as normalised YAML
    Render(cmd::render::Args),
    /// Check timeline files and print every problem as file:line:col
    Check(cmd::check::Args),
    /// Write a timeline for other tools: TimelineJS, a spreadsheet, JSON or a Markdown briefing
    Export(cmd::export::Args),
    /// Make a timeline from TimelineJS (JSON or Google Sheet CSV) or a Rashomon spreadsheet
    Import(cmd::import::Args),
    /// Print the JSON Schema of the timeline format, for editors
    Schema(cmd::schema::Args),
    /// Serve a live preview of a timeline on 127.0.0.1, rendered again on every save
    #[command(visible_alias = "serve")]
    Watch(cmd::watch::Args),
    /// Merge a candidate timeline into a timeline file, keeping every hand edit
    Merge(cmd::merge::Args),
    /// Print the events and accounts found in one article, for checking the extractor
    Mentions(cmd::mentions::Args),
    /// Find temporal expressions in an article and print them as JSON lines
    Dates(cmd::dates::Args),
    /// Show how articles are read: metadata and each segment (body, comments, furniture...)
    Ingest(cmd::ingest::Args),
    /// Find places, actors and organisations in a text, or list the gazetteer
    Gazetteer(cmd::gazetteer::Args),
    /// Print how an article's sentences are parsed (words, tags, lemmas, dependencies) as
    /// CoNLL-U
    Parse(cmd::parse::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(cmd::completions::Args),
    /// Print the man page (roff) of rashomon or of one of its commands
    Man(cmd::man::Args),
}

/// Parse the command line, run the command, and turn its outcome into an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    crate::input::set_max_file_size(cli.max_file_size);
    let result = match cli.command {
        Command::Check(args) => cmd::check::execute(args),
        Command::Render(args) => cmd::render::execute(args),
        Command::Export(args) => cmd::export::execute(args),
        Command::Import(args) => cmd::import::execute(args),
        Command::Schema(args) => cmd::schema::execute(args),
        Command::Watch(args) => cmd::watch::execute(args),
        Command::Ingest(args) => cmd::ingest::execute(args),
        Command::Dates(args) => cmd::dates::execute(args),
        Command::Mentions(args) => cmd::mentions::execute(args),
        Command::Extract(args) => cmd::extract::execute(args),
        Command::Build(args) => cmd::extract::build::execute(args),
        Command::Gazetteer(args) => cmd::gazetteer::execute(args),
        Command::Merge(args) => cmd::merge::execute(args),
        Command::Parse(args) => cmd::parse::execute(args),
        Command::Completions(args) => cmd::completions::execute(args),
        Command::Man(args) => cmd::man::execute(args),
    };
    match result {
        Ok(code) => code,
        Err(err) if broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let message = plain_io(&err.to_string());
            eprintln!("error: {message}");
            // A cause the message already says is not said again.
            for cause in err.chain().skip(1).map(|c| plain_io(&c.to_string())) {
                if !message.contains(&cause) {
                    eprintln!("  caused by: {cause}");
                }
            }
            ExitCode::from(2)
        }
    }
}

/// A system error without the operating system's number ("No such file or directory (os
/// error 2)" reads "No such file or directory").
fn plain_io(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" (os error ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " (os error ".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with(')') {
            rest = &after[digits + 1..];
        } else {
            out.push_str(" (os error ");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The reader of our output went away (`rashomon dates x | head`): not an error.
fn broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn system_errors_lose_their_numbers_only() {
        assert_eq!(
            super::plain_io("cannot read x.yaml: No such file or directory (os error 2)"),
            "cannot read x.yaml: No such file or directory"
        );
        assert_eq!(
            super::plain_io("a title (os error in it) stays"),
            "a title (os error in it) stays"
        );
    }
}
