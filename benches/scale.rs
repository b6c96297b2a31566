//! Scale: `rashomon extract` over generated archives of growing size, each run in its own
//! process so that its time on the CPUs and its peak memory are its own.
//!
//! The archive is `common::news` (seeded: the same sizes give the same files on every run):
//! articles about events spread over a period that grows with the archive (a year up to 1,460
//! articles, a day for every four more, ten years from 14,600), about one event for every two articles, one article in
//! eight a copy. For each size it prints wall time, CPU time, CPU/wall (how busy the cores
//! were), peak resident memory, MB/s, and the growth of time and memory from the previous
//! size; then `check` and `render` of the largest timeline.
//!
//! Run: `cargo bench --bench scale` (1,000, 10,000 and 100,000 articles), or give the sizes:
//! `cargo bench --bench scale -- 1000 4000`. `--smoke` runs 1,000 and 4,000 and fails when
//! time grows more than 5x between them (a ratio, never an absolute time): `.ci/run` uses it.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

mod common;
use common::news;

/// One measured run of the binary.
struct Run {
    wall: f64,
    cpu: f64,
    peak_mib: f64,
    ok: bool,
}

/// Runs `rashomon ARGS` and measures it through `wait4`, which reports the child's own CPU
/// time and peak resident set. `RASHOMON_BIN` names another build to measure (to compare two
/// versions on the same archives).
fn measure(args: &[&str]) -> Run {
    let bin = std::env::var_os("RASHOMON_BIN").map_or_else(
        || PathBuf::from(env!("CARGO_BIN_EXE_rashomon")),
        PathBuf::from,
    );
    let start = Instant::now();
    // Waited for through wait4 below, which std's Child::wait cannot replace: it also gives
    // the child's own rusage.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(bin)
        .args(args)
        .stdout(Stdio::null())
        .spawn()
        .expect("the rashomon binary runs");
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills; the pid is our own unwaited child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = child.id() as libc::pid_t;
    let got = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(got, pid, "wait4 failed");
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        wall: start.elapsed().as_secs_f64(),
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        // Linux reports kilobytes.
        peak_mib: usage.ru_maxrss as f64 / 1024.0,
        ok: libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
    }
}

/// Writes the archive of `n` articles into `dir`; returns its size in bytes.
fn write_archive(dir: &Path, n: usize) -> usize {
    // Busier news as the archive grows: a year of it up to 1,460 articles, ten from 14,600.
    let days = (n as u64 / 4).clamp(365, 3650);
    let texts = news::texts(n, 0x5ca1e + n as u64, days);
    std::fs::create_dir_all(dir).expect("archive folder");
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("article-{i:06}.md")), t).expect("article written");
    }
    texts.iter().map(String::len).sum()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let smoke = args.iter().any(|a| a == "--smoke");
    let mut sizes: Vec<usize> = args.iter().filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = if smoke {
            vec![1000, 4000]
        } else {
            vec![1000, 10_000, 100_000]
        };
    }
    let tmp = tempfile::tempdir().expect("temporary folder");
    println!(
        "{:>8} {:>8} {:>9} {:>9} {:>8} {:>10} {:>7} {:>10} {:>10}",
        "articles", "MB", "wall s", "CPU s", "CPU/wall", "peak MiB", "MB/s", "time x", "memory x"
    );
    let mut previous: Option<Run> = None;
    let mut worst_growth: f64 = 0.0;
    let mut last: Option<(PathBuf, PathBuf)> = None;
    for &n in &sizes {
        let dir = tmp.path().join(format!("a{n}"));
        let bytes = write_archive(&dir, n);
        let out = tmp.path().join(format!("t{n}.yaml"));
        let run = measure(&[
            "extract",
            dir.to_str().expect("UTF-8 path"),
            "-o",
            out.to_str().expect("UTF-8 path"),
            "--quiet",
        ]);
        if !run.ok {
            eprintln!("FAIL: extract of {n} articles failed");
            return ExitCode::FAILURE;
        }
        let mb = bytes as f64 / 1e6;
        let (time_x, mem_x) = previous.as_ref().map_or((f64::NAN, f64::NAN), |p| {
            (run.wall / p.wall, run.peak_mib / p.peak_mib)
        });
        if time_x.is_finite() {
            worst_growth = worst_growth.max(time_x);
        }
        println!(
            "{n:>8} {mb:>8.1} {:>9.2} {:>9.2} {:>8.2} {:>10.0} {:>7.2} {time_x:>10.2} {mem_x:>10.2}",
            run.wall,
            run.cpu,
            run.cpu / run.wall,
            run.peak_mib,
            mb / run.wall,
        );
        previous = Some(run);
        // The articles stay until the timeline that names them is checked: `check` verifies
        // that each source's file exists.
        if let Some((_, done)) = last.replace((out, dir)) {
            std::fs::remove_dir_all(done).ok();
        }
    }
    if let Some((timeline, _)) = last {
        let path = timeline.to_str().expect("UTF-8 path");
        // A timeline of a hundred thousand articles is larger than the default limit on a
        // timeline file; the limit is raised as `extract`'s warning says.
        let limit = ["--max-file-size", "4G"];
        let check = measure(&["check", path, limit[0], limit[1]]);
        let html = tmp.path().join("page.html");
        let html = html.to_str().expect("UTF-8 path");
        let render = measure(&["render", path, "-o", html, limit[0], limit[1]]);
        let outcome = |r: &Run| if r.ok { "" } else { " (refused the file)" };
        println!(
            "check of the last timeline: {:.2} s, {:.0} MiB{}; render: {:.2} s, {:.0} MiB{}",
            check.wall,
            check.peak_mib,
            outcome(&check),
            render.wall,
            render.peak_mib,
            outcome(&render)
        );
    }
    if smoke {
        let ratio = sizes[sizes.len() - 1] as f64 / sizes[0] as f64;
        // Near-linear: allow 25% over the ratio of sizes for fixed costs shrinking in share.
        let allowed = (ratio * 1.25).max(1.0);
        println!(
            "time grew {worst_growth:.2}x for {ratio:.0}x the articles (allowed {allowed:.2}x)"
        );
        if worst_growth > allowed {
            eprintln!("FAIL: extract time grows faster than the archive");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
