//! A user's event vocabulary (`--events FILE`) extends what `extract` and `mentions` read.

use std::fs;

use crate::support::rashomon;

const ARTICLE: &str = "---\ntitle: Ferry named\noutlet: Kelso Courier\npublished: 2025-05-07\n---\n\
The Harland shipyard christened its new ferry at Kelso harbour on Monday, the company said. \
\"She is the largest ship we have built,\" said Mara Quist, the yard's director.\n";

const VOCABULARY: &str = "classes:\n  naming:\n    plover: null\n    noun: naming ceremony\n    \
weight: 4\n    verbs: [christen]\n    nouns: [christening]\n";

fn extract(dir: &std::path::Path, extra: &[&str]) -> String {
    let out = dir.join("t.yaml");
    let _ = fs::remove_file(&out);
    rashomon()
        .arg("extract")
        .arg(dir.join("articles"))
        .arg("-o")
        .arg(&out)
        .arg("--quiet")
        .args(extra)
        .assert()
        .success();
    fs::read_to_string(out).expect("the timeline was written")
}

#[test]
fn a_user_class_makes_events_of_its_own() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(dir.path().join("articles")).expect("a folder");
    fs::write(dir.path().join("articles/ferry.md"), ARTICLE).expect("written");
    let vocabulary = dir.path().join("events.yaml");
    fs::write(&vocabulary, VOCABULARY).expect("written");

    let without = extract(dir.path(), &[]);
    assert!(!without.contains("naming-ceremony"), "{without}");
    let with = extract(
        dir.path(),
        &["--events", vocabulary.to_str().expect("UTF-8")],
    );
    assert!(with.contains("tags: [naming-ceremony]"), "{with}");
    // Dated by its clause: Monday before Wednesday 7 May 2025.
    assert!(with.contains("when: \"2025-05-05\""), "{with}");
}

#[test]
fn a_bad_vocabulary_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(dir.path().join("articles")).expect("a folder");
    fs::write(dir.path().join("articles/ferry.md"), ARTICLE).expect("written");
    let vocabulary = dir.path().join("events.yaml");
    fs::write(&vocabulary, "classes:\n  naming:\n    weight: [4\n").expect("written");
    let out = rashomon()
        .arg("extract")
        .arg(dir.path().join("articles"))
        .arg("--events")
        .arg(&vocabulary)
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("events.yaml:"), "{stderr}");
    assert!(!dir.path().join("t.yaml").exists());
}

#[test]
fn a_user_speech_verb_names_its_speaker() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    fs::create_dir(dir.path().join("articles")).expect("a folder");
    fs::write(
        dir.path().join("articles/mill.md"),
        "---\ntitle: Mill shut\noutlet: Dale Herald\npublished: 2025-06-04\n---\n\
         The Brannock paper mill was shut on Monday after a boiler explosion, the owner \
         averred on Tuesday.\n",
    )
    .expect("written");
    let speech = dir.path().join("speech.yaml");
    fs::write(&speech, "verbs:\n  say: [aver]\n").expect("written");

    let without = extract(dir.path(), &[]);
    assert!(!without.contains("claimant: owner"), "{without}");
    let with = extract(dir.path(), &["--speech", speech.to_str().expect("UTF-8")]);
    assert!(with.contains("claimant: owner"), "{with}");
}
