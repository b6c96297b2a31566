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
    // The system's words without its error number, said once.
    rashomon()
        .args(["check", "no/such/file.yaml"])
        .assert()
        .code(2)
        .stderr("error: cannot read no/such/file.yaml: No such file or directory\n");
}

#[test]
fn a_single_value_where_a_timeline_belongs_is_named_plainly() {
    let (code, stdout, stderr) = check_text("tilde.yaml", b"~\n", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "tilde.yaml:1:1: expected keys and values (`key: value`) here\n  |\n1 | ~\n  | ^\n"
    );
    assert_eq!(stderr, "1 problem\n");
}

#[test]
fn front_matter_of_the_wrong_shape_is_named_plainly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("a.md");
    std::fs::write(
        &path,
        "---\ntitle: [a, b]\n---\nThe minister spoke on Monday.\n",
    )
    .expect("write");
    let out = rashomon()
        .current_dir(dir.path())
        .args(["extract", "a.md", "-o", "out.yaml"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "warning: a.md:2:8: front matter: expected text here (skipped)\nerror: no article in a.md could be read\n"
    );
}

/// `check` on a text written for the test, in a folder of its own; stdout with the folder
/// stripped from paths, and stderr.
fn check_text(name: &str, src: &[u8], extra: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, src).expect("write");
    let out = rashomon()
        .arg("check")
        .args(extra)
        .arg(&path)
        .output()
        .expect("runs");
    let strip =
        |b: &[u8]| String::from_utf8_lossy(b).replace(&format!("{}/", dir.path().display()), "");
    (
        out.status.code().expect("exit code"),
        strip(&out.stdout),
        strip(&out.stderr),
    )
}

#[test]
fn a_file_that_is_not_utf8_is_located_at_its_first_bad_byte() {
    let (code, stdout, stderr) = check_text(
        "latin1.yaml",
        b"title: Caf\xe9 owners protest\nevents: []\n",
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "latin1.yaml:1:11: byte 0xE9 (offset 10) is not UTF-8: save the file as UTF-8\n  |\n1 | title: Caf\n  |           ^\n"
    );
    assert_eq!(stderr, "1 problem\n");
}

#[test]
fn old_mac_line_breaks_are_named() {
    let (code, stdout, _) = check_text("mac.yaml", b"title: T\revents:\r  - id: e\r", &[]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "mac.yaml:1:9: a line here ends with a carriage return alone (old Mac line breaks), which Rashomon does not read: save the file with LF or CRLF line breaks\n  |\n1 | title: T\revents:\r  - id: e\n  |         ^\n"
            .replace('\r', "\u{fffd}")
    );
}

#[test]
fn a_facet_given_twice() {
    let (code, stdout, _) = check_text(
        "facets.yaml",
        b"title: T\nsources:\n  - id: s\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        facets:\n          killed: 3\n          killed: 4\n",
        &[],
    );
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "facets.yaml:11:11: facet `killed` appears twice\n   |\n11 |           killed: 4\n   |           ^^^^^^\n"
    );
}

#[test]
fn facet_values_that_are_not_text_numbers_or_booleans_read_as_text() {
    // A decimal, a huge number, an exponent: kept as the text they are, never a message
    // naming a Rust type.
    let (code, stdout, stderr) = check_text(
        "values.yaml",
        b"title: T\nsources:\n  - id: s\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        facets:\n          share: 0.5\n          killed: 99999999999999999999999\n          rate: 1e3\n          nan: .nan\n",
        &[],
    );
    assert_eq!((code, stdout.as_str()), (0, ""), "{stderr}");
}

#[test]
fn ids_that_read_alike_are_a_warning() {
    let (code, stdout, stderr) = check_text(
        "alike.yaml",
        b"title: T\nsources:\n  - id: gazette\nevents:\n  - id: strike-1\n    title: A\n  - id: Strike_1\n    title: B\n    accounts:\n      - id: gazette-1\n        source: gazette\n      - id: Gazette 1\n        source: gazette\n",
        &[],
    );
    assert_eq!(code, 0, "warnings do not fail a check");
    assert_eq!(
        stdout,
        "alike.yaml:7:9: warning: event id `Strike_1` reads like `strike-1` (line 5): a reader or a link can take one for the other\n  |\n7 |   - id: Strike_1\n  |         ^^^^^^^^\n\
         alike.yaml:12:13: warning: account id `Gazette 1` reads like `gazette-1` (line 10): a reader or a link can take one for the other\n   |\n12 |       - id: Gazette 1\n   |             ^^^^^^^^^\n"
    );
    assert_eq!(stderr, "1 file checked, no problems, 2 warnings\n");
}

#[test]
fn urls_may_spell_their_scheme_in_capitals() {
    let (code, stdout, _) = check_text(
        "caps.yaml",
        b"title: T\nsources:\n  - id: s\n    url: HTTPS://example.org/a\n  - id: t\n    url: Http://example.org/b\n",
        &[],
    );
    assert_eq!((code, stdout.as_str()), (0, ""));
}

#[test]
fn files_are_checked_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let timelines = dir.path().join("project/timelines");
    std::fs::create_dir_all(&timelines).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("project/articles/folder")).expect("mkdir");
    std::fs::write(dir.path().join("project/articles/a.txt"), "Words.\n").expect("write");
    std::fs::write(dir.path().join("outside.txt"), "Words.\n").expect("write");
    let path = timelines.join("t.yaml");
    std::fs::write(
        &path,
        "title: T\nsources:\n  - id: a\n    file: ../articles/a.txt\n  - id: b\n    file: ../articles/gone.txt\n  - id: c\n    file: ../articles/folder\n  - id: d\n    file: /dev/zero\n  - id: e\n    file: ../../outside.txt\n",
    )
    .expect("write");
    let out = rashomon().arg("check").arg(&path).output().expect("runs");
    let stdout =
        String::from_utf8_lossy(&out.stdout).replace(&format!("{}/", timelines.display()), "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout,
        "t.yaml:6:11: source `b`: file `../articles/gone.txt` does not exist\n  |\n6 |     file: ../articles/gone.txt\n  |           ^^^^^^^^^^^^^^^^^^^^\n\
         t.yaml:8:11: source `c`: file `../articles/folder` is a folder, not a file\n  |\n8 |     file: ../articles/folder\n  |           ^^^^^^^^^^^^^^^^^^\n\
         t.yaml:10:11: source `d`: file `/dev/zero` is a character device, not a file\n   |\n10 |     file: /dev/zero\n   |           ^^^^^^^^^\n\
         t.yaml:12:11: warning: source `e`: file `../../outside.txt` is outside the timeline's folder and the folders beside it\n   |\n12 |     file: ../../outside.txt\n   |           ^^^^^^^^^^^^^^^^^\n"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "3 problems, 1 warning\n"
    );
}

#[test]
fn sources_checks_each_quote_at_its_span() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Headline\n\nThe mayor said the levee\nwas due for repair. Nobody else spoke.\n",
    )
    .expect("write");
    let path = dir.path().join("t.yaml");
    std::fs::write(
        &path,
        "title: T\nsources:\n  - id: a\n    file: a.txt\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: a\n        quote: the levee was due\n        span: [10, 52]\n      - source: a\n        quote: Nobody else spoke.\n        span: [10, 30]\n",
    )
    .expect("write");
    let run = |extra: &[&str]| {
        let out = rashomon()
            .arg("check")
            .args(extra)
            .arg(&path)
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).replace(&format!("{}/", dir.path().display()), ""),
        )
    };
    assert_eq!(
        run(&[]),
        (Some(0), String::new()),
        "quotes are read only with --sources"
    );
    assert_eq!(
        run(&["--sources"]),
        (
            Some(1),
            "t.yaml:13:16: the quote is no longer at [10, 30] in source `a`; it is now at [55, 73]\n   |\n13 |         quote: Nobody else spoke.\n   |                ^^^^^^^^^^^^^^^^^^\n".to_string()
        )
    );
}

#[test]
fn no_message_names_a_rust_type() {
    // Shapes the tree pass lets through to the YAML library, whose own messages talk about
    // Rust (`untagged enum FacetValue`, `set DuplicateKeyPolicy in Options`).
    let cases: &[&[u8]] = &[
        b"title: T\nsources:\n  - id: s\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        facets:\n          killed: [1, 2]\n",
        b"title: T\nsources:\n  - id: s\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        facets:\n          killed: {a: 1}\n",
        b"title: T\nsources:\n  - id: s\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        facets:\n          ? [a]\n          : 1\n",
        b"title: T\ntitle: U\n",
        b"title: !!binary aGVsbG8=\n",
        b"title: &a T\ndescription: *a\n",
        b"title: T\nevents:\n  - id: e\n    title: E\n    when: !!timestamp 2016-09-17\n",
        b"title: T\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: s\n        comment: yes\n",
    ];
    for src in cases {
        let (_, stdout, stderr) = check_text("t.yaml", src, &[]);
        for internal in [
            "untagged",
            "enum ",
            "struct ",
            "Options",
            "::",
            "DuplicateKeyPolicy",
        ] {
            assert!(
                !stdout.contains(internal) && !stderr.contains(internal),
                "{}\n{stdout}{stderr}",
                String::from_utf8_lossy(src)
            );
        }
    }
}
