//! The integration suite: one binary, one module per feature, fixtures in `tests/fixtures/`.

mod attribution;
mod browser;
mod check;
mod dates;
mod export;
mod fuzzed;
mod gazetteer;
mod hostile;
#[allow(dead_code)] // shared with benches/hostile.rs, which uses the other half
mod hostile_cases;
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
mod vocabulary;
mod watch;
mod writes;
