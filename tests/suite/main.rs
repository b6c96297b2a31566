//! The integration suite: one binary, one module per feature, fixtures in `tests/fixtures/`.

mod check;
mod merge;
mod roundtrip;
mod support;
