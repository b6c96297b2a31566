//! The hostile inputs of issue 11, each a run of the binary with the exact answer expected:
//! exit code, standard error, and what standard output must hold. The integration suite runs
//! them at test scale (`tests/suite/hostile.rs`); `benches/hostile.rs` runs them at the sizes
//! the issue reported, in release, and fails when one takes longer than its bound.
//!
//! This file uses only the standard library and `libc`, so that the benchmark can include it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How big the inputs are: `Test` keeps the suite quick and still far past where quadratic
/// work shows; `Full` is what the issue measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Test,
    Full,
}

impl Scale {
    fn pick(self, test: usize, full: usize) -> usize {
        match self {
            Scale::Test => test,
            Scale::Full => full,
        }
    }
}

/// What standard output must be.
#[derive(Debug, Clone)]
pub enum Out {
    Empty,
    /// Exactly this many lines starting with the case folder's path (one per problem).
    Problems(usize),
    /// Starts with this.
    Starts(String),
    Any,
}

/// One run of the binary on hostile input.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: &'static str,
    /// Arguments; `$DIR` stands for the case folder.
    pub args: Vec<String>,
    pub code: i32,
    /// Standard error, exactly, with the case folder's path written `$DIR`.
    pub stderr: String,
    /// Standard error need only start with `stderr` (the counts of a timeline from
    /// generated text are not this suite's business).
    pub stderr_starts: bool,
    pub stdout: Out,
    /// What the benchmark allows at full scale on two cores.
    pub bound: Duration,
}

/// What `extract` notes about an article with no date of its own.
const NO_DATE: &str =
    "no date found; relative dates in it (\"yesterday\", \"last week\") stay unresolved";

const BOUND: Duration = Duration::from_secs(5);

fn case(name: &'static str, args: &[&str], code: i32, stderr: &str, stdout: Out) -> Case {
    Case {
        name,
        args: args.iter().map(|a| a.to_string()).collect(),
        code,
        stderr: stderr.to_string(),
        stderr_starts: false,
        stdout,
        bound: BOUND,
    }
}

/// An `extract` of one undated article in the case folder that succeeds, whatever it finds.
fn extracts(name: &'static str, article: &str) -> Case {
    let path = format!("$DIR/art/{article}");
    Case {
        stderr_starts: true,
        ..case(
            name,
            &["extract", &path, "-o", "$DIR/out.yaml"],
            0,
            &format!("note: {path}: {NO_DATE}\n$DIR/out.yaml: 1 sources (0 republished), "),
            Out::Empty,
        )
    }
}

/// What `extract` says when the only article given cannot be read: a warning naming it, then
/// the error that nothing was left.
fn skipped(path: &str, why: &str) -> String {
    format!("warning: {why} (skipped)\nerror: no article in {path} could be read\n")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    std::fs::write(&path, bytes).expect("write input");
    path
}

/// A seeded xorshift generator: the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Write every case's input under `dir` and return the cases.
pub fn cases(dir: &Path, scale: Scale) -> Vec<Case> {
    let mut out = Vec::new();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);

    // Many problems in one timeline: each located without reading the file again, and
    // "did you mean" within a budget.
    let n = scale.pick(2_000, 10_000);
    let mut s = String::from(
        "title: t\nsources:\n  - id: real\nevents:\n  - id: e\n    title: E\n    accounts:\n",
    );
    for i in 0..n {
        let _ = writeln!(s, "      - source: unknown-source-number-{i}");
    }
    write(dir, "unknown-sources.yaml", &s);
    out.push(case(
        "check: thousands of unknown sources",
        &["check", "$DIR/unknown-sources.yaml"],
        1,
        &format!("{n} problems\n"),
        Out::Problems(n),
    ));

    let n = scale.pick(2_000, 10_000);
    let mut s = String::from("title: t\nevents:\n");
    for i in 0..n {
        let _ = writeln!(s, "  - id: event-{i}\n    title: E");
    }
    s.push_str("relations:\n");
    for i in 0..n {
        let _ = writeln!(
            s,
            "  - from: evnt-{i}x\n    to: event-{i}\n    kind: before"
        );
    }
    write(dir, "unknown-events.yaml", &s);
    out.push(case(
        "check: thousands of unknown events, each close to a known one",
        &["check", "$DIR/unknown-events.yaml"],
        1,
        &format!("{n} problems\n"),
        Out::Problems(n),
    ));

    let n = scale.pick(20_000, 100_000);
    let mut s = String::from("title: t\nevents:\n  - id: e\n    title: E\n");
    for i in 0..n {
        let _ = writeln!(s, "    field{i}: x");
    }
    write(dir, "unknown-fields.yaml", &s);
    out.push(case(
        "check: a hundred thousand unknown fields",
        &["check", "$DIR/unknown-fields.yaml"],
        1,
        &format!("{n} problems\n"),
        Out::Problems(n),
    ));

    let n = scale.pick(10_000, 50_000);
    let mut s = String::from("title: t\nevents:\n");
    for _ in 0..n {
        s.push_str("  - id: same\n    title: E\n");
    }
    write(dir, "duplicate-ids.yaml", &s);
    out.push(case(
        "check: fifty thousand duplicate ids",
        &["check", "$DIR/duplicate-ids.yaml"],
        1,
        &format!("{} problems\n", n - 1),
        Out::Problems(n - 1),
    ));

    let n = scale.pick(1_000, 20_000);
    let mut s = String::from("title: t\nevents:\n  - id: e\n    title: E\n    accounts: [");
    for i in 0..n {
        let _ = write!(s, "{}{{ id: a{i} }}", if i == 0 { "" } else { ", " });
    }
    s.push_str("]\n");
    write(dir, "one-line.yaml", &s);
    out.push(case(
        "check: twenty thousand problems on one line",
        &["check", "$DIR/one-line.yaml"],
        1,
        &format!("{n} problems\n"),
        Out::Problems(n),
    ));

    // Republication chains and cycles: walked once.
    let n = scale.pick(1_000, 20_000);
    for (file, cycle) in [("chain.yaml", false), ("cycle.yaml", true)] {
        let mut s = String::from("title: t\nsources:\n");
        for i in 0..n {
            match (cycle, i + 1 == n) {
                (false, true) => {
                    let _ = writeln!(s, "  - id: s{i}");
                }
                _ => {
                    let _ = writeln!(s, "  - id: s{i}\n    republishes: s{}", (i + 1) % n);
                }
            }
        }
        s.push_str("events:\n  - id: e\n    title: E\n    accounts:\n");
        for i in 0..n {
            let _ = writeln!(s, "      - source: s{i}");
        }
        write(dir, file, &s);
    }
    out.push(case(
        "check: a republishes chain of thousands of sources",
        &["check", "$DIR/chain.yaml"],
        0,
        "1 file checked, no problems\n",
        Out::Empty,
    ));
    out.push(case(
        "render: a republishes chain of thousands of sources",
        &["render", "$DIR/chain.yaml", "-o", "$DIR/chain.html"],
        0,
        "",
        Out::Empty,
    ));
    out.push(case(
        "check: a republishes cycle of thousands of sources",
        &["check", "$DIR/cycle.yaml"],
        1,
        "1 problem\n",
        Out::Starts(format!(
            "$DIR/cycle.yaml:4:18: republishes cycle: s0 → s1 → s2 → s3 → … → s{} → s{} → s{} → s0 ({n} sources)\n",
            n - 3,
            n - 2,
            n - 1
        )),
    ));

    // Articles that are not prose.
    let mut bytes = vec![0u8; 1 << 20];
    for b in &mut bytes {
        *b = rng.next() as u8;
    }
    write(dir, "art/random.txt", &bytes);
    out.push(case(
        "extract: a megabyte of random bytes",
        &["extract", "$DIR/art/random.txt", "-o", "$DIR/out.yaml"],
        2,
        &skipped(
            "$DIR/art/random.txt",
            "$DIR/art/random.txt: not an article: it looks like binary data",
        ),
        Out::Empty,
    ));
    let mut pdf = b"%PDF-1.4\n1 0 obj\n<< /Length 5000 /Filter /FlateDecode >>\nstream\n".to_vec();
    pdf.extend(bytes.iter().take(300_000));
    pdf.extend(b"\nendstream\nendobj\n%%EOF\n");
    write(dir, "art/paper.txt", &pdf);
    out.push(case(
        "extract: a PDF renamed .txt",
        &["extract", "$DIR/art/paper.txt", "-o", "$DIR/out.yaml"],
        2,
        &skipped(
            "$DIR/art/paper.txt",
            "$DIR/art/paper.txt: not an article: it looks like a PDF document",
        ),
        Out::Empty,
    ));
    let mb = scale.pick(20, 50);
    write(dir, "art/line.txt", "a".repeat(mb << 20));
    out.push(case(
        "extract: one line of tens of megabytes",
        &["extract", "$DIR/art/line.txt", "-o", "$DIR/out.yaml"],
        2,
        &skipped("$DIR/art/line.txt", &format!("$DIR/art/line.txt is {mb} MiB, more than the 16 MiB an article may be (raise the limit with --max-file-size)")),
        Out::Empty,
    ));
    out.push(case(
        "extract: the same line with the limit raised",
        &["extract", "$DIR/art/line.txt", "-o", "$DIR/out.yaml", "--max-file-size", "64M"],
        2,
        &skipped("$DIR/art/line.txt", "$DIR/art/line.txt: not an article: it does not read as prose: 0% of it is words (is it data, code or an encoded file?)"),
        Out::Empty,
    ));
    let kb = scale.pick(100, 1_000);
    let symbols: String = (0..kb * 1024)
        .map(|_| match rng.below(7) {
            0 => ' ',
            _ => char::from(33 + rng.below(94) as u8),
        })
        .collect();
    write(dir, "art/symbols.txt", &symbols);
    out.push(case(
        "extract: a page of symbols",
        &["extract", "$DIR/art/symbols.txt", "-o", "$DIR/out.yaml"],
        2,
        &skipped("$DIR/art/symbols.txt", &format!("$DIR/art/symbols.txt: not an article: it does not read as prose: {}% of it is words (is it data, code or an encoded file?)", 24)),
        Out::Empty,
    ));

    // Prose-shaped nonsense: thousands of names, each a new speaker for the attribution memory.
    let kb = scale.pick(100, 400);
    let mut names = String::new();
    while names.len() < kb * 1024 {
        let len = 3 + rng.below(6);
        names.push(char::from(b'A' + rng.below(26) as u8));
        for _ in 1..len {
            names.push(char::from(b'a' + rng.below(10) as u8));
        }
        names.push(' ');
        if rng.below(10) == 0 {
            names.push_str("said ");
        }
        if rng.below(40) == 0 {
            names.push_str("and more. ");
        }
    }
    names.push_str(".\n");
    write(dir, "art/names.txt", &names);
    out.push(extracts(
        "extract: hundreds of kilobytes of names",
        "names.txt",
    ));

    // Twenty thousand dates in one paragraph: the tagger's look-behinds are kept up to date.
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let n = scale.pick(5_000, 20_000);
    let dates: Vec<String> = (0..n)
        .map(|_| {
            format!(
                "{} {} {}",
                1 + rng.below(28),
                MONTHS[rng.below(12)],
                1990 + rng.below(40)
            )
        })
        .collect();
    // Ten to a sentence, all in one paragraph.
    let sentences: Vec<String> = dates
        .chunks(10)
        .map(|c| format!("{}.", c.join(", ")))
        .collect();
    write(dir, "art/dates.txt", format!("{}\n", sentences.join(" ")));
    out.push(case(
        "dates: twenty thousand dates in one paragraph",
        &["dates", "$DIR/art/dates.txt"],
        0,
        "dct: unknown (no usable date evidence)\n  evidence: no date on the page and no dated event in the text\n",
        Out::Starts("{\"start\":0,".into()),
    ));
    out.push(case(
        "extract: twenty thousand dates in one paragraph",
        &["extract", "$DIR/art/dates.txt", "-o", "$DIR/out.yaml"],
        0,
        &format!("note: $DIR/art/dates.txt: {NO_DATE}\n$DIR/out.yaml: 1 sources (0 republished), 0 events (0 disputed), 0 accounts, 0 relations\n"),
        Out::Empty,
    ));

    // Words with no sentence end over megabytes (text with its punctuation stripped): not
    // prose, and refused at once.
    const WORDS: [&str; 12] = [
        "the", "council", "met", "again", "and", "mayor", "spoke", "about", "plan", "on", "road",
        "town",
    ];
    let kb = scale.pick(200, 12_000);
    let mut run_on = String::new();
    while run_on.len() < kb * 1024 {
        run_on.push_str(WORDS[rng.below(WORDS.len())]);
        run_on.push(' ');
    }
    write(dir, "art/run-on.txt", &run_on);
    out.push(case(
        "extract: megabytes of words with no sentence end",
        &["extract", "$DIR/art/run-on.txt", "-o", "$DIR/out.yaml"],
        2,
        &skipped("$DIR/art/run-on.txt", &format!("$DIR/art/run-on.txt: not an article: it does not read as prose: {} KiB with 0 sentence ends or line breaks (is it a word list or text with its punctuation stripped?)", run_on.len() / 1024)),
        Out::Empty,
    ));

    // Sentences of hundreds of clauses each, all in one paragraph: read in bounded pieces.
    let kb = scale.pick(100, 1_000);
    let mut clauses = String::new();
    let mut n = 0;
    while clauses.len() < kb * 1024 {
        n += 1;
        clauses.push_str("the mayor said the council met on the plan, ");
        if n % 150 == 0 {
            clauses.push_str("and the town waited. ");
        }
    }
    clauses.push_str("and that was all.\n");
    write(dir, "art/clauses.txt", &clauses);
    out.push(extracts(
        "extract: sentences of hundreds of clauses",
        "clauses.txt",
    ));

    // Hundreds of kilobytes of quoted prose with no paragraph break.
    let kb = scale.pick(100, 500);
    let mut prose = String::new();
    while prose.len() < kb * 1024 {
        let _ = write!(
            prose,
            "“The talks on plan {} have failed,” Minister {}{} said on Monday. ",
            rng.below(1000),
            char::from(b'A' + rng.below(26) as u8),
            ["ova", "son", "ez", "ani"][rng.below(4)]
        );
    }
    prose.push('\n');
    write(dir, "art/paragraph.txt", &prose);
    out.push(extracts(
        "extract: one paragraph of hundreds of kilobytes",
        "paragraph.txt",
    ));

    // A tag with half a million attributes.
    let n = scale.pick(100_000, 500_000);
    let mut page = String::from("<html><body><p");
    for i in 0..n {
        let _ = write!(page, " a{i}=\"{i}\"");
    }
    page.push_str(">The minister said on Monday that the talks had failed.</p></body></html>");
    write(dir, "art/attributes.html", &page);
    out.push(case(
        "extract: a tag with half a million attributes",
        &["extract", "$DIR/art/attributes.html", "-o", "$DIR/out.yaml"],
        0,
        &format!("warning: $DIR/art/attributes.html: a tag with {n} attributes: read with its first 1000 only\nnote: $DIR/art/attributes.html: {NO_DATE}\n$DIR/out.yaml: 1 sources (0 republished), 0 events (0 disputed), 0 accounts, 0 relations\n"),
        Out::Empty,
    ));

    // Endless inputs: a device and a FIFO nobody writes to, as an article, a gazetteer and a
    // timeline.
    let fifo = dir.join("fifo");
    make_fifo(&fifo);
    write(
        dir,
        "art/ok.txt",
        "The minister said on Monday that the talks had failed.\n",
    );
    write(dir, "ok.yaml", "title: t\n");
    for (what, path) in [("/dev/zero", "/dev/zero"), ("a FIFO", "$DIR/fifo")] {
        let kind = if path == "/dev/zero" {
            "a character device"
        } else {
            "a named pipe (FIFO)"
        };
        let refused = format!("{path} is {kind}, not a file: give a regular file");
        out.push(Case {
            name: leak(format!("extract: {what} as an article")),
            args: strings(&["extract", path, "-o", "$DIR/out.yaml"]),
            code: 2,
            stderr: skipped(path, &refused),
            stderr_starts: false,
            stdout: Out::Empty,
            bound: BOUND,
        });
        out.push(Case {
            name: leak(format!("extract: {what} as a gazetteer")),
            args: strings(&[
                "extract",
                "$DIR/art/ok.txt",
                "--gazetteer",
                path,
                "-o",
                "$DIR/out.yaml",
            ]),
            code: 2,
            stderr: format!("error: {refused}\n"),
            stderr_starts: false,
            stdout: Out::Empty,
            bound: BOUND,
        });
        out.push(Case {
            name: leak(format!("merge: {what} as the timeline to merge into")),
            args: strings(&["merge", "$DIR/ok.yaml", "--into", path]),
            code: 2,
            stderr: format!("error: {refused}\n"),
            stderr_starts: false,
            stdout: Out::Empty,
            bound: BOUND,
        });
        out.push(Case {
            name: leak(format!("check: {what} as a timeline")),
            args: strings(&["check", path]),
            code: 2,
            stderr: format!("error: {refused}\n"),
            stderr_starts: false,
            stdout: Out::Empty,
            bound: BOUND,
        });
    }

    // A document date at the end of the calendar.
    write(
        dir,
        "art/future.txt",
        "Tomorrow the talks resume. Next week, next month and next year too. On Friday.\n",
    );
    out.push(case(
        "dates: --dct at the end of the calendar",
        &["dates", "--dct=+262142-12-31", "$DIR/art/future.txt"],
        2,
        "error: invalid value '+262142-12-31' for '--dct <DCT>': `+262142-12-31` is outside the years 1 to 9999\n\nFor more information, try '--help'.\n",
        Out::Empty,
    ));
    out.push(case(
        "dates: --dct on the last day of 9999",
        &["dates", "--dct=9999-12-31", "$DIR/art/future.txt"],
        0,
        "dct: 9999-12-31 (given with --dct)\n",
        Out::Starts("{\"start\":0,\"end\":8,\"text\":\"Tomorrow\",\"type\":\"DATE\",\"value\":\"10000-01-01\"".into()),
    ));
    out
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|a| a.to_string()).collect()
}

/// Case names are static; the few made with `format!` live for the run.
fn leak(name: String) -> &'static str {
    Box::leak(name.into_boxed_str())
}

fn make_fifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt as _;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).expect("no NUL in the path");
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// What a run did.
#[derive(Debug)]
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub took: Duration,
}

/// Run a case with `bin` in `dir`, killing it after `limit`.
pub fn run(bin: &Path, dir: &Path, case: &Case, limit: Duration) -> Run {
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| a.replace("$DIR", &dir.display().to_string()))
        .collect();
    let start = std::time::Instant::now();
    let mut child = std::process::Command::new(bin)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read both pipes while waiting, so a chatty run cannot block on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut s);
        s
    });
    let code = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    let text = |b: Vec<u8>| String::from_utf8_lossy(&b).replace(&dir.display().to_string(), "$DIR");
    Run {
        code,
        stdout: text(out_reader.join().expect("stdout reader")),
        stderr: text(err_reader.join().expect("stderr reader")),
        took,
    }
}

/// What is wrong with a run, if anything (the time aside).
pub fn verdict(case: &Case, run: &Run) -> Result<(), String> {
    if run.code != Some(case.code) {
        return Err(format!(
            "exit code {:?}, expected {}\nstderr:\n{}",
            run.code, case.code, run.stderr
        ));
    }
    let stderr_ok = if case.stderr_starts {
        run.stderr.starts_with(&case.stderr)
            && run.stderr.lines().count() == case.stderr.lines().count()
    } else {
        run.stderr == case.stderr
    };
    if !stderr_ok {
        return Err(format!(
            "standard error:\n{}\nexpected:\n{}",
            run.stderr, case.stderr
        ));
    }
    match &case.stdout {
        Out::Empty if !run.stdout.is_empty() => Err(format!(
            "standard output should be empty:\n{}",
            head(&run.stdout)
        )),
        Out::Problems(n) => {
            let got = run
                .stdout
                .lines()
                .filter(|l| l.starts_with("$DIR/"))
                .count();
            if got == *n {
                Ok(())
            } else {
                Err(format!(
                    "{got} problems printed, expected {n}:\n{}",
                    head(&run.stdout)
                ))
            }
        }
        Out::Starts(s) if !run.stdout.starts_with(s.as_str()) => Err(format!(
            "standard output:\n{}\nshould start with:\n{s}",
            head(&run.stdout)
        )),
        _ => Ok(()),
    }
}

fn head(s: &str) -> &str {
    let mut end = s.len().min(2000);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
