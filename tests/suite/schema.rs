//! `rashomon schema`: the JSON Schema generated from the model validates every example
//! timeline, refuses what `check` refuses for its shape, and matches the copy saved beside the
//! examples; files Rashomon writes carry the editor modeline, and `check` and merges take it.

use std::path::{Path, PathBuf};

use rashomon::timeline::{self, schema, yaml};
use serde_json::Value;

use crate::support::{fixture, rashomon};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&schema::schema_json()).expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid draft-07 schema")
}

/// A YAML file as the JSON value an editor's YAML support sees.
fn as_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable");
    yaml::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every timeline file in the repository: the examples and the test fixtures that are
/// timelines.
fn timeline_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in [
        root().join("timelines"),
        fixture("render"),
        fixture("stories"),
        fixture("merge"),
        fixture("check"),
    ] {
        for entry in std::fs::read_dir(&dir).expect("folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_schema_validates_every_example_timeline() {
    let v = validator();
    let mut valid = 0;
    for path in timeline_files() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let checked = timeline::check::check_str(&path.display().to_string(), &text);
        if !checked.problems.is_empty() {
            continue;
        }
        let errors: Vec<String> = v
            .iter_errors(&as_json(&path))
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        valid += 1;
    }
    assert!(valid >= 10, "only {valid} example timelines found");
}

#[test]
fn the_schema_refuses_what_check_refuses_for_its_shape() {
    let v = validator();
    for name in [
        "unknown_field",
        "bad_choice",
        "wrong_shape",
        "missing_field",
    ] {
        let path = fixture(&format!("check/{name}.yaml"));
        assert!(!v.is_valid(&as_json(&path)), "{name} passes the schema");
    }
    // The form of a date, not the calendar: 30 February is for `check` to refuse.
    let date = |when: &str| serde_json::json!({"title": "t", "events": [{"id": "e", "title": "E", "when": when}]});
    assert!(!v.is_valid(&date("Sept 2016")));
    assert!(!v.is_valid(&date("2016-9-17")));
    assert!(v.is_valid(&date("2016-09-12/..")));
}

#[test]
fn the_saved_schema_is_the_generated_one() {
    let saved = std::fs::read_to_string(root().join("timelines").join(schema::SCHEMA_FILE))
        .expect("timelines/rashomon.schema.json");
    assert!(
        saved == schema::schema_json(),
        "timelines/{} is stale: run `cargo run -- schema -o timelines/{}`",
        schema::SCHEMA_FILE,
        schema::SCHEMA_FILE
    );
}

#[test]
fn schema_command_prints_and_writes() {
    let out = rashomon().arg("schema").output().expect("runs");
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        schema::schema_json()
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join(schema::SCHEMA_FILE);
    rashomon()
        .arg("schema")
        .arg("-o")
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        std::fs::read_to_string(&target).expect("written"),
        schema::schema_json()
    );
}

#[test]
fn written_timelines_start_with_the_modeline_and_check_accepts_them() {
    let out = rashomon()
        .arg("render")
        .arg(fixture("render/small.yaml"))
        .args(["--format", "yaml"])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.starts_with(schema::MODELINE), "{text}");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.yaml");
    std::fs::write(&path, &text).expect("write");
    rashomon().arg("check").arg(&path).assert().success();
    // Saving again does not add a second modeline.
    let again = timeline::to_yaml(&timeline::load(&path).expect("loads")).expect("writes");
    assert_eq!(again.matches("yaml-language-server").count(), 1);
}
