//! Hostile input (issue 11): every case of `hostile_cases.rs` gets its exact answer (exit code,
//! message, output). How long each takes at full size is the benchmark's to check
//! (`cargo bench --bench hostile`): here a run is only stopped if it hangs.

use std::path::Path;
use std::time::Duration;

use crate::hostile_cases::{Scale, cases, run, verdict};

/// Far beyond any case's time even in a debug build: a run this long is a hang.
const HANG: Duration = Duration::from_secs(300);

#[test]
fn every_hostile_input_gets_its_exact_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = Path::new(env!("CARGO_BIN_EXE_rashomon"));
    let mut failures = Vec::new();
    for case in cases(dir.path(), Scale::Test) {
        let r = run(bin, dir.path(), &case, HANG);
        if let Err(why) = verdict(&case, &r) {
            failures.push(format!("{}: {why}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
