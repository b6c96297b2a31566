//! One module per subcommand, each with its arguments and an `execute`.

pub mod check;
pub mod dates;
pub mod extract;
pub mod gazetteer;
pub mod ingest;
pub mod mentions;
pub mod merge;
pub mod render;
