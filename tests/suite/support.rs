//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The `rashomon` binary under test.
pub fn rashomon() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("rashomon").expect("binary built")
}

/// A path under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// `../shared` next to the repository, when it is there (it is not in a fresh clone).
#[allow(dead_code)]
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}
