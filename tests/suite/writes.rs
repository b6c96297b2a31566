//! Safe writes (issue 11): output keeps the target's permissions and new files honour the
//! umask; a symbolic link is written through; a folder, a device, a FIFO and a read-only file
//! are not replaced (the last three with `--force`, each in its way); two `extract --into`
//! runs on one file take turns and lose nothing.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;

use crate::support::{fixture, rashomon};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("exists")
        .permissions()
        .mode()
        & 0o7777
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

fn small() -> std::path::PathBuf {
    fixture("render/small.yaml")
}

#[test]
fn an_existing_file_keeps_its_permissions_in_every_write_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, "old").expect("write");
    chmod(&page, 0o644);
    rashomon()
        .arg("render")
        .arg(small())
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    assert_eq!(mode(&page), 0o644, "render -o");

    let t = dir.path().join("t.yaml");
    std::fs::copy(small(), &t).expect("copy");
    chmod(&t, 0o640);
    rashomon()
        .arg("extract")
        .arg(fixture("market/daily.txt"))
        .arg("--into")
        .arg(&t)
        .assert()
        .success();
    assert_eq!(mode(&t), 0o640, "extract --into");

    for (args, name) in [
        (vec!["export", "--format", "csv"], "x.csv"),
        (vec!["schema"], "schema.json"),
    ] {
        let out = dir.path().join(name);
        std::fs::write(&out, "old").expect("write");
        chmod(&out, 0o604);
        let mut cmd = rashomon();
        cmd.args(&args[..1]);
        if args[0] == "export" {
            cmd.arg(small());
        }
        cmd.args(&args[1..]).arg("-o").arg(&out).assert().success();
        assert_eq!(mode(&out), 0o604, "{}", args[0]);
    }
}

#[test]
fn new_files_honour_the_umask() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_rashomon");
    for (umask, expected) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let page = dir.path().join(format!("page-{umask}.html"));
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && exec \"$0\" render \"$1\" -o \"$2\""
            ))
            .arg(bin)
            .arg(small())
            .arg(&page)
            .status()
            .expect("sh runs");
        assert!(status.success());
        assert_eq!(mode(&page), expected, "umask {umask}");
    }
}

#[test]
fn a_read_only_file_is_replaced_only_when_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.html");
    std::fs::write(&page, "old").expect("write");
    chmod(&page, 0o444);
    let out = rashomon()
        .arg("render")
        .arg(small())
        .arg("-o")
        .arg(&page)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "error: will not replace {}: it is read-only (--force replaces it)\n",
            page.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&page).expect("read"), "old");
    rashomon()
        .arg("render")
        .arg(small())
        .arg("-o")
        .arg(&page)
        .arg("--force")
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&page)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
    assert_eq!(mode(&page), 0o444, "still read-only");
}

#[test]
fn a_symbolic_link_is_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("real")).expect("mkdir");
    let real = dir.path().join("real/t.yaml");
    std::fs::copy(small(), &real).expect("copy");
    let link = dir.path().join("t.yaml");
    std::os::unix::fs::symlink("real/t.yaml", &link).expect("symlink");
    rashomon()
        .arg("extract")
        .arg(fixture("market/daily.txt"))
        .arg("--into")
        .arg(&link)
        .assert()
        .success();
    let meta = std::fs::symlink_metadata(&link).expect("link");
    assert!(meta.file_type().is_symlink(), "the link stays a link");
    let text = std::fs::read_to_string(&real).expect("read");
    assert!(
        text.contains("daily"),
        "the file it points to was written:\n{text}"
    );
}

#[test]
fn folders_devices_and_fifos_are_not_replaced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let refused = |target: &Path, message: String| {
        let out = rashomon()
            .arg("render")
            .arg(small())
            .arg("-o")
            .arg(target)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{}", target.display());
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("error: {message}\n")
        );
    };
    refused(
        dir.path(),
        format!("cannot write {}: it is a folder", dir.path().display()),
    );
    refused(
        Path::new("/dev/null"),
        "will not replace /dev/null: it is a character device (--force writes into it instead)"
            .into(),
    );
    assert!(
        std::fs::metadata("/dev/null")
            .expect("there")
            .file_type()
            .is_char_device()
    );
    let fifo = dir.path().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    refused(
        &fifo,
        format!(
            "will not replace {}: it is a named pipe (FIFO) (--force writes into it instead)",
            fifo.display()
        ),
    );
    // Forced, a FIFO nobody reads is an error, not a hang.
    let out = rashomon()
        .arg("render")
        .arg(small())
        .arg("-o")
        .arg(&fifo)
        .arg("--force")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("there")
            .file_type()
            .is_fifo()
    );
    // Forced, a device is written into and stays a device.
    rashomon()
        .arg("render")
        .arg(small())
        .args(["-o", "/dev/null", "--force"])
        .assert()
        .success();
}

/// Two runs of `extract --into` on one file at once: whichever goes second merges into the
/// first one's result, so both articles' sources are in the file. `scripts/reliability/
/// concurrent-into.sh` runs 100 such trials on the release binary.
#[test]
fn two_extract_into_runs_at_once_lose_nothing() {
    let bin = env!("CARGO_BIN_EXE_rashomon");
    for trial in 0..3 {
        let dir = tempfile::tempdir().expect("tempdir");
        let t = dir.path().join("t.yaml");
        std::fs::write(&t, "title: Markets\n").expect("write");
        let spawn = |article: &str| {
            std::process::Command::new(bin)
                .arg("extract")
                .arg(fixture(article))
                .arg("--into")
                .arg(&t)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("runs")
        };
        let mut a = spawn("market/daily.txt");
        let mut b = spawn("market/wire.md");
        assert!(a.wait().expect("a").success() && b.wait().expect("b").success());
        let merged = rashomon::timeline::load(&t).expect("the result loads");
        let ids: Vec<&str> = merged.sources.iter().map(|s| s.id.as_str()).collect();
        assert!(
            ids.contains(&"daily") && ids.contains(&"wire"),
            "trial {trial}: an update was lost: {ids:?}"
        );
    }
}
