//! The integration suite: one binary, one module per feature, fixtures in `tests/fixtures/`.

mod attribution;
mod check;
mod render;
mod gazetteer;
mod roundtrip;
mod ingest;
mod support;
