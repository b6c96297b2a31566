//! Every input a fuzzer ever made fail, kept as a regression test: `tests/fixtures/fuzz/
//! <target>/<name>` is run through the same target body as the fuzzer (`fuzz/src/lib.rs`,
//! included here), on stable, in every `cargo test`. See FUZZING.md.

use std::path::Path;

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let mut files: Vec<_> = entries.map(|e| e.expect("entry").path()).collect();
    files.sort();
    for file in files {
        let data = std::fs::read(&file).expect("read");
        if let Err(e) = std::panic::catch_unwind(|| run(&data)) {
            let why = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            panic!("{} fails again: {why}", file.display());
        }
    }
}

#[test]
fn timeline_load() {
    replay("timeline_load", targets::timeline_load);
}

#[test]
fn check() {
    replay("check", targets::check);
}

#[test]
fn ingest_text() {
    replay("ingest_text", targets::ingest_text);
}

#[test]
fn ingest_html() {
    replay("ingest_html", targets::ingest_html);
}

#[test]
fn dates() {
    replay("dates", targets::dates);
}

#[test]
fn syntax() {
    replay("syntax", targets::syntax);
}

#[test]
fn extract() {
    replay("extract", targets::extract);
}

#[test]
fn merge() {
    replay("merge", targets::merge);
}
