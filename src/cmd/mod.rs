//! One module per subcommand, each with its arguments and an `execute`.

pub mod check;
pub mod ingest;
pub mod dates;
pub mod gazetteer;
pub mod render;
