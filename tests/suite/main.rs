//! The integration suite: one binary, one module per feature, fixtures in `tests/fixtures/`.

mod attribution;
mod browser;
mod check;
mod dates;
mod export;
mod gazetteer;
mod import;
mod ingest;
mod merge;
mod pipeline;
mod render;
mod robustness;
mod roundtrip;
mod schema;
mod shell;
mod support;
mod syntax;
mod watch;
