//! The integration suite: one binary, one module per feature, fixtures in `tests/fixtures/`.

mod attribution;
mod check;
mod dates;
mod gazetteer;
mod ingest;
mod merge;
mod pipeline;
mod render;
mod robustness;
mod roundtrip;
mod support;
mod syntax;
