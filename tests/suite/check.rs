//! `rashomon check`: one fixture per kind of mistake, each with its exact message, line and
//! column.

use crate::support::{fixture, rashomon};

/// Runs `check` on a fixture; returns stdout with the fixture folder stripped from paths.
fn check(name: &str) -> (i32, String) {
    let path = fixture(&format!("check/{name}"));
    let out = rashomon().arg("check").arg(&path).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    let prefix = format!("{}/", path.parent().expect("folder").display());
    (
        out.status.code().expect("exit code"),
        stdout.replace(&prefix, ""),
    )
}

fn assert_problem(name: &str, expected: &str) {
    let (code, stdout) = check(name);
    assert_eq!(code, 1, "{name} should fail\n{stdout}");
    assert_eq!(stdout, expected, "{name}");
}

#[test]
fn clean_file_passes() {
    let (code, stdout) = check("clean.yaml");
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(stdout, "");
}

#[test]
fn yaml_syntax() {
    assert_problem(
        "syntax.yaml",
        "syntax.yaml:4:12: YAML syntax: unclosed bracket '['\n  |\n4 |     title: [unclosed\n  |            ^^^^^^^^^\n",
    );
}

#[test]
fn unknown_field_suggests_the_near_miss() {
    assert_problem(
        "unknown_field.yaml",
        "unknown_field.yaml:4:5: unknown field `titel` in event; did you mean `title`?\n  |\n4 |     titel: Something\n  |     ^^^^^\n",
    );
}

#[test]
fn duplicate_ids() {
    assert_problem(
        "duplicate_id.yaml",
        "duplicate_id.yaml:4:9: duplicate source id `gazette`\n  |\n4 |   - id: gazette\n  |         ^^^^^^^\n\
         duplicate_id.yaml:8:9: duplicate event id `a`\n  |\n8 |   - id: a\n  |         ^\n",
    );
}

#[test]
fn account_names_unknown_source() {
    assert_problem(
        "unknown_source.yaml",
        "unknown_source.yaml:8:17: account names unknown source `gazete`; did you mean `gazette`?\n  |\n8 |       - source: gazete\n  |                 ^^^^^^\n",
    );
}

#[test]
fn relation_names_unknown_event() {
    assert_problem(
        "unknown_event.yaml",
        "unknown_event.yaml:7:9: relation names unknown event `evacuation`\n  |\n7 |     to: evacuation\n  |         ^^^^^^^^^^\n",
    );
}

#[test]
fn relation_to_itself() {
    assert_problem(
        "self_relation.yaml",
        "self_relation.yaml:7:9: relation links event `e` to itself\n  |\n7 |     to: e\n  |         ^\n",
    );
}

#[test]
fn bad_date() {
    assert_problem(
        "bad_date.yaml",
        "bad_date.yaml:5:11: bad date in `when`: `2021-02-30` is not a real calendar date\n  |\n5 |     when: 2021-02-30\n  |           ^^^^^^^^^^\n",
    );
}

#[test]
fn edtf_level_one_is_accepted() {
    let (code, stdout) = check("edtf_level1.yaml");
    assert_eq!(code, 0, "{stdout}");
}

#[test]
fn edtf_level_two_is_refused_at_its_place() {
    let level2 = "is EDTF level 2, which Rashomon does not read (level 1 has seasons 21-24, `X` \
                  only as the last one or two digits of a year or as a whole month or day, and a \
                  qualifier only at the end)";
    assert_problem(
        "edtf_level2.yaml",
        &format!(
            "edtf_level2.yaml:5:11: bad date in `when`: `2016-26` {level2}\n  |\n5 |     when: 2016-26\n  |           ^^^^^^^\n\
             edtf_level2.yaml:8:11: bad date in `when`: `1XXX` {level2}\n  |\n8 |     when: 1XXX\n  |           ^^^^\n\
             edtf_level2.yaml:11:11: bad date in `when`: `2004-06~-11` {level2}\n   |\n11 |     when: 2004-06~-11\n   |           ^^^^^^^^^^^\n\
             edtf_level2.yaml:14:11: bad date in `when`: `Y2016` is not an EDTF date (expected e.g. 2016-09-17, 2016-09, 2016, 2016-09-17/2016-09-18, 2016-04~, 2016-21, 201X, 2016-XX, Y170000002 or unknown)\n   |\n14 |     when: Y2016\n   |           ^^^^^\n"
        ),
    );
}

#[test]
fn interval_ending_before_it_starts() {
    assert_problem(
        "reversed_interval.yaml",
        "reversed_interval.yaml:5:11: bad date in `when`: interval `2021-03-04/2021-03-02` ends before it starts\n  |\n5 |     when: 2021-03-04/2021-03-02\n  |           ^^^^^^^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn republishes_cycle() {
    assert_problem(
        "republishes_cycle.yaml",
        "republishes_cycle.yaml:4:18: republishes cycle: a → b → a\n  |\n4 |     republishes: b\n  |                  ^\n",
    );
}

#[test]
fn position_names_missing_account() {
    assert_problem(
        "unknown_position_account.yaml",
        "unknown_position_account.yaml:14:29: position `rain` of dispute `cause` names account `s-9`, which is not in event `e`\n   |\n14 |             accounts: [s-1, s-9]\n   |                             ^^^\n",
    );
}

#[test]
fn bad_choice_suggests_the_near_miss() {
    assert_problem(
        "bad_choice.yaml",
        "bad_choice.yaml:9:17: `denys` is not a valid `stance`; did you mean `denies`?\n  |\n9 |         stance: denys\n  |                 ^^^^^\n",
    );
}

#[test]
fn missing_required_field() {
    assert_problem(
        "missing_field.yaml",
        "missing_field.yaml:3:5: this event has no `title`\n  |\n3 |   - id: e\n  |     ^^^^^\n",
    );
}

#[test]
fn url_must_be_http() {
    assert_problem(
        "bad_url.yaml",
        "bad_url.yaml:4:10: source `s`: url must start with http:// or https://\n  |\n4 |     url: javascript:alert(1)\n  |          ^^^^^^^^^^^^^^^^^^^\n",
    );
}

#[test]
fn wrong_shapes() {
    assert_problem(
        "wrong_shape.yaml",
        "wrong_shape.yaml:5:11: `tags` must be a list, found a single value\n  |\n5 |     tags: flood\n  |           ^^^^^\n\
         wrong_shape.yaml:7:7: `accounts` must be a list of accounts, found a mapping\n  |\n7 |       source: s\n  |       ^^^^^^^^^\n",
    );
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("many.yaml");
    std::fs::write(
        &path,
        "title: Many\nsources:\n  - id: s\nevents:\n  - id: e\n    title: E\n    when: 2021-13\n    accounts:\n      - source: t\n        stance: maybe\n  - id: e\n    title: F\n",
    )
    .expect("write");
    let out = rashomon().arg("check").arg(&path).output().expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let places: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains("many.yaml:"))
        .collect();
    assert_eq!(places.len(), 4, "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("4 problems"));
}

#[test]
fn missing_file_is_exit_2() {
    rashomon()
        .args(["check", "no/such/file.yaml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read no/such/file.yaml"));
}
