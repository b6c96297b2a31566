//! Syntax throughput: words per second on one core, for tagging alone and for tagging plus
//! parsing (and lemmatising), on generated news text at two sizes.
//!
//! Sentences are built from templates in five domains (a court case, an election, a factory
//! fire, a market fall, a plane crash) by the seeded generator the other benches use: a
//! subject, a verb, an object, and optional dates, places, attributions and relative
//! clauses, 8-40 words each, so that the parser meets the constructions of real news. The
//! sentences are tokenised before timing: the figures are for the model alone.
//!
//! Run: `cargo bench --bench syntax`; `SYNTAX_MODEL=path` benches a model file instead of
//! the built-in one (to compare a retrained model before shipping it). Each size first prints
//! words per CPU-second of the benchmark thread, which another busy core does not skew;
//! `SYNTAX_CPU_ONLY=1` prints only those.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rashomon::syntax::{self, tokenize};

mod common;
use common::{MONTHS, Rng};

const SUBJECT: &[&str] = &[
    "The jury",
    "A federal judge",
    "The prosecutors",
    "The electoral commission",
    "Opposition leaders",
    "The incumbent mayor",
    "Firefighters",
    "The factory's owner",
    "Shares in the company",
    "The central bank",
    "Investigators",
    "The airline",
    "The pilot",
    "Witnesses",
];
const VERB: &[&str] = &[
    "convicted",
    "rejected",
    "announced",
    "reported",
    "blamed",
    "questioned",
    "published",
    "postponed",
    "recovered",
    "confirmed",
    "dismissed",
    "praised",
];
const OBJECT: &[&str] = &[
    "the three men",
    "the appeal",
    "the final results",
    "a recount in two districts",
    "the cause of the blaze",
    "the safety inspectors",
    "the interest rate decision",
    "the flight data recorders",
    "the wreckage of the aircraft",
    "a report on the crash",
    "the company's quarterly earnings",
];
const PLACE: &[&str] = &[
    "in Lyon",
    "near the border",
    "at the courthouse",
    "outside the plant",
    "in the capital",
    "on the trading floor",
    "at Schiphol airport",
];
const SAYS: &[&str] = &[
    "officials said",
    "according to the police",
    "a spokeswoman told reporters",
    "the newspaper reported",
];
const CLAUSE: &[&str] = &[
    "which had been delayed for months",
    "who was arrested last year",
    "that caught fire on Monday",
    "that lost a third of its value",
];

fn sentence(r: &mut Rng) -> String {
    let mut s = format!("{} {} {}", r.pick(SUBJECT), r.pick(VERB), r.pick(OBJECT));
    if r.below(2) == 0 {
        s = format!("{s} {}", r.pick(PLACE));
    }
    if r.below(3) == 0 {
        s = format!("{s}, {}", r.pick(CLAUSE));
    }
    if r.below(3) == 0 {
        s = format!(
            "{s} on {} {} {}",
            r.num(1, 28),
            r.pick(MONTHS),
            r.num(1990, 2024)
        );
    }
    match r.below(4) {
        0 => format!("{s}, {}.", r.pick(SAYS)),
        1 => format!("\u{201c}{s},\u{201d} {}.", r.pick(SAYS)),
        _ => format!("{s}."),
    }
}

/// Tokenised sentences of about `words` words in all.
fn corpus(words: usize, seed: u64) -> (Vec<Vec<String>>, usize) {
    let mut r = Rng(seed);
    let mut out = Vec::new();
    let mut n = 0;
    while n < words {
        let s = sentence(&mut r);
        let forms: Vec<String> = tokenize::tokenize(&s)
            .iter()
            .map(|t| s[t.start..t.end].to_string())
            .collect();
        n += forms.len();
        out.push(forms);
    }
    (out, n)
}

/// CPU time of the calling thread: unlike wall time, it does not count the time another
/// process holds the core, so the rate is per core even on a busy machine.
fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "thread CPU clock");
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// Words per CPU-second of this thread over `rounds` passes, the best of three tries.
fn per_cpu_second(words: usize, rounds: usize, mut pass: impl FnMut()) -> f64 {
    pass();
    (0..3)
        .map(|_| {
            let start = thread_cpu();
            for _ in 0..rounds {
                pass();
            }
            (words * rounds) as f64 / (thread_cpu() - start).as_secs_f64()
        })
        .fold(0.0, f64::max)
}

fn bench(c: &mut Criterion) {
    let file = std::env::var_os("SYNTAX_MODEL").map(|p| std::fs::read(p).expect("model file"));
    let loaded;
    let model = match &file {
        Some(bytes) => {
            loaded = syntax::Model::from_bytes(bytes).expect("the model file loads");
            &loaded
        }
        None => syntax::model().expect("the built-in model loads"),
    };
    let mut g = c.benchmark_group("syntax");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for words in [50_000usize, 400_000] {
        let (sents, n) = corpus(words, 0x5eed_5e27 + words as u64);
        let refs: Vec<Vec<&str>> = sents
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let rounds = (2_000_000 / n).max(1);
        let tag = per_cpu_second(n, rounds, || {
            for s in &refs {
                black_box(model.tag(s));
            }
        });
        let parse = per_cpu_second(n, rounds, || {
            for s in &refs {
                black_box(model.annotate(s));
            }
        });
        println!(
            "{}k words, per CPU-second of this thread: tag {:.0}, tag+parse {:.0}",
            words / 1000,
            tag,
            parse
        );
        if std::env::var_os("SYNTAX_CPU_ONLY").is_some() {
            continue;
        }
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(format!("tag/{}k-words", words / 1000), |b| {
            b.iter(|| {
                for s in &refs {
                    black_box(model.tag(s));
                }
            })
        });
        g.bench_function(format!("tag+parse/{}k-words", words / 1000), |b| {
            b.iter(|| {
                for s in &refs {
                    black_box(model.annotate(s));
                }
            })
        });
    }
    g.finish();
    let start = std::time::Instant::now();
    syntax::Model::from_bytes(file.as_deref().unwrap_or(syntax::BUILTIN)).expect("loads");
    println!("model load: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
}

criterion_group!(benches, bench);
criterion_main!(benches);
