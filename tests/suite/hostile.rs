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

/// A timeline as large as thousands of articles make (2,000 sources, 24,000 accounts: far
/// past the YAML reader's default budget of 250,000 nodes), written as `extract` writes
/// timelines: `check` passes it, `render` renders it, and `merge --into` merges into it.
#[test]
fn every_file_rashomon_writes_it_reads_back() {
    use rashomon::timeline::*;
    let mut t = Timeline {
        title: "Thousands of articles".into(),
        ..Timeline::default()
    };
    for s in 0..2_000 {
        t.sources.push(Source {
            id: format!("source-{s}"),
            title: Some(format!("Article number {s}")),
            outlet: Some(format!("Outlet {}", s % 50)),
            url: Some(format!("https://example.org/articles/{s}")),
            published: Some(When::day(2016, 9, 1 + (s % 28) as u8)),
            ..Source::default()
        });
    }
    for e in 0..6_000 {
        t.events.push(Event {
            id: format!("event-{e}"),
            title: format!("Event number {e} in the town of Somewhere"),
            when: When::day(2016, 9, 1 + (e % 28) as u8),
            places: vec![format!("Place {}", e % 100)],
            actors: vec![
                format!("Actor {}", e % 30),
                format!("Actor {}", (e + 7) % 30),
            ],
            accounts: (0..4)
                .map(|a| Account {
                    id: format!("account-{e}-{a}"),
                    source: format!("source-{}", (e * 4 + a) % 2_000),
                    claimant: format!("Claimant {}", (e + a) % 300),
                    quote: Some(format!("What claimant {a} said about event {e}.")),
                    facets: [
                        ("killed".to_string(), FacetValue::Int((e % 9) as i64)),
                        (
                            "weapon".to_string(),
                            FacetValue::Text(format!("weapon {a}")),
                        ),
                    ]
                    .into(),
                    ..Account::default()
                })
                .collect(),
            ..Event::default()
        });
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let big = dir.path().join("big.yaml");
    let text = to_yaml(&t).expect("saves");
    // Most lines hold a key and its value: two nodes each.
    let lines = text.lines().count();
    assert!(
        lines > 200_000,
        "{lines} lines: not past the default budget"
    );
    std::fs::write(&big, &text).expect("write");
    crate::support::rashomon()
        .arg("check")
        .arg(&big)
        .assert()
        .success();
    crate::support::rashomon()
        .arg("render")
        .arg(&big)
        .arg("-o")
        .arg(dir.path().join("big.html"))
        .assert()
        .success();
    let small = dir.path().join("small.yaml");
    std::fs::write(
        &small,
        "title: T\nsources:\n  - id: late\nevents:\n  - id: late-event\n    title: A late event\n    when: 2016-10-01\n    accounts:\n      - source: late\n        claimant: Someone\n        quote: The late event happened.\n",
    )
    .expect("write");
    let out = crate::support::rashomon()
        .arg("merge")
        .arg(&small)
        .arg("--into")
        .arg(&big)
        .output()
        .expect("runs");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged = std::fs::read_to_string(&big).expect("read");
    assert!(merged.contains("late-event"), "{report}");
}
