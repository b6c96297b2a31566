//! The shell: every command that writes a file writes to standard output without `-o` (or
//! with `-o -`), `-` reads standard input, so commands compose in pipes; completion scripts
//! and man pages come from the command line's own definition.

use crate::support::{fixture, rashomon};

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn extract_without_output_prints_the_timeline() {
    let article = fixture("pipeline/valley-post.txt");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("t.yaml");
    // Run from the article's folder so that its path reads the same both ways.
    let folder = article.parent().expect("folder");
    rashomon()
        .current_dir(folder)
        .args(["extract", "valley-post.txt", "--quiet", "-o"])
        .arg(&file)
        .assert()
        .success();
    let printed =
        stdout(
            rashomon()
                .current_dir(folder)
                .args(["extract", "valley-post.txt", "--quiet"]),
        );
    let written = std::fs::read_to_string(&file).expect("written");
    // The file's sources point back to the article from the file's folder; the printed
    // timeline's, from the current folder.
    assert!(printed.contains("file: valley-post.txt"), "{printed}");
    assert_eq!(
        printed
            .lines()
            .filter(|l| !l.contains("file:"))
            .collect::<Vec<_>>(),
        written
            .lines()
            .filter(|l| !l.contains("file:"))
            .collect::<Vec<_>>()
    );
    let dashed = stdout(rashomon().current_dir(folder).args([
        "extract",
        "valley-post.txt",
        "--quiet",
        "-o",
        "-",
    ]));
    assert_eq!(dashed, printed);
}

#[test]
fn build_without_output_prints_the_page() {
    let page = stdout(
        rashomon()
            .arg("build")
            .arg(fixture("pipeline/valley-post.txt")),
    );
    assert!(
        page.starts_with("<!DOCTYPE html>"),
        "{}",
        &page[..100.min(page.len())]
    );
}

#[test]
fn a_timeline_flows_through_a_pipe() {
    // export --format json | render -: JSON is YAML, so the pipe needs no file.
    let small = fixture("render/small.yaml");
    let json = stdout(
        rashomon()
            .arg("export")
            .arg(&small)
            .args(["--format", "json"]),
    );
    let from_pipe = stdout(rashomon().args(["render", "-"]).write_stdin(json.clone()));
    let from_file = stdout(rashomon().arg("render").arg(&small));
    assert_eq!(from_pipe, from_file);
    let yaml = stdout(
        rashomon()
            .args(["render", "-", "--format", "yaml", "-o", "-"])
            .write_stdin(json),
    );
    assert!(yaml.starts_with("# yaml-language-server"), "{yaml}");
}

#[test]
fn problems_in_standard_input_are_located_there() {
    let out = rashomon()
        .args(["check", "-"])
        .write_stdin("title: T\nevents:\n  - id: a\n    title: A\n    when: 2016-25\n")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.starts_with("<stdin>:5:11: bad date in `when`: `2016-25` is EDTF level 2"),
        "{text}"
    );
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef rashomon"),
        ("fish", "complete -c rashomon"),
        ("elvish", "rashomon"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = stdout(rashomon().args(["completions", shell]));
        assert!(script.contains(marker), "{shell}: {script}");
        for command in ["extract", "render", "export", "completions", "man"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("rashomon.bash");
    rashomon()
        .args(["completions", "bash", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("");
    assert!(
        std::fs::read_to_string(&file)
            .expect("written")
            .contains("complete -F")
    );
}

#[test]
fn man_pages_for_rashomon_and_each_command() {
    let page = stdout(rashomon().arg("man"));
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{}", &page[..200]);
    assert!(page.contains(".TH rashomon 1"), "{page}");
    assert!(
        page.contains("rashomon\\-extract(1)"),
        "subcommands listed: {page}"
    );
    let extract = stdout(rashomon().args(["man", "extract"]));
    assert!(extract.contains(".TH rashomon-extract 1"), "{extract}");
    assert!(extract.contains("\\-\\-into"), "{extract}");
    // The same bytes every time: a page can be committed or packaged.
    assert_eq!(stdout(rashomon().arg("man")), page);
    let out = rashomon().args(["man", "extrct"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(err.contains("no command `extrct`"), "{err}");
}
