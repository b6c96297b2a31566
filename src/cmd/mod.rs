//! One module per subcommand, each with its arguments and an `execute`.

/// `println!` that returns an error instead of panicking when the reader has gone away (a
/// pipe into `head`); the dispatcher ends quietly on that error.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)
    }};
}

/// `print!` with the same care as [`outln!`].
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)
    }};
}

pub mod check;
pub mod completions;
pub mod dates;
pub mod export;
pub mod extract;
pub mod gazetteer;
pub mod import;
pub mod ingest;
mod io;
mod jsonl;
pub mod man;
pub mod mentions;
pub mod merge;
pub mod parse;
pub mod render;
pub mod schema;
pub mod watch;
