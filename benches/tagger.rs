//! Tagger throughput on a generated news-like corpus.
//!
//! The corpus is made from sentence templates filled by a seeded xorshift generator: about
//! one sentence in three carries a temporal expression (absolute dates, weekdays, "last
//! week", durations, times with zones, sets), and others carry lookalikes (numbers, money,
//! "may" and "march" as verbs, labels such as "resolution 2254", ages, phone numbers).
//! Articles are 3-8 KB, like news pages. `tag/{1,4,16}MB` shows how time scales with the
//! amount of text; `ingest+tag/4MB` reads each article through `ingest::read_str` (plain
//! text) and tags its segments, the combined path the 20 MB/s target is about.
//!
//! Run: `cargo bench --bench tagger`

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rashomon::dates;
use rashomon::ingest::{self, Format};

mod common;
use common::{MONTHS, Rng, WEEKDAYS};

const WHO: &[&str] = &[
    "The defence ministry",
    "A spokesman for the coalition",
    "Local officials",
    "The monitoring group",
    "Residents of the eastern district",
    "The foreign minister",
    "Aid workers",
    "The army command",
];
const DID: &[&str] = &[
    "said",
    "reported",
    "denied",
    "confirmed",
    "announced",
    "claimed",
    "warned",
];
const WHAT: &[&str] = &[
    "that the convoy had been attacked near the bridge",
    "that the ceasefire would hold despite the shelling",
    "that dozens of soldiers were killed in the raid",
    "that talks would resume in Geneva",
    "that the road to the city remained closed",
    "that no aircraft had entered the area",
    "that the hospital was struck twice",
];
/// Abbreviated months, now and then in place of a full name.
const MONTH_ABBREVS: &[&str] = &["Sept.", "Oct.", "Dec."];
const RELATIVE: &[&str] = &[
    "yesterday",
    "last week",
    "on Saturday night",
    "earlier this year",
    "last weekend",
    "two days later",
    "the next day",
    "a few hours later",
    "this month",
    "one week ago",
    "now",
    "recently",
];
const DURATION: &[&str] = &[
    "for 60 days",
    "for three years",
    "in the past 24 hours",
    "for seven straight days",
    "over a 7-day period",
    "for 30 to 45 days",
    "every Monday",
    "weekly",
];
const FILLER: &[&str] = &[
    "The situation on the ground is hard to verify independently.",
    "Independent observers could not confirm the figures.",
    "The claims could not be checked because journalists have no access to the area.",
    "Both sides accuse each other of breaking the agreement.",
    "Humanitarian agencies have repeatedly called for safe passage.",
    "Analysts say the fighting may spread to neighbouring towns.",
    "Protesters plan to march to the square after prayers.",
    "The 104th Brigade moved north, the statement added.",
    "The council passed resolution 2254 without a vote.",
    "The village lies 1 km from the front line.",
    "Prices rose by 2000 pounds, or about 15 percent, in some shops.",
    "A 35-year-old man was detained at the checkpoint.",
    "Call 555-2016 for the hotline, the notice said.",
    "The Sunday Times quoted an unnamed source.",
    "Some 1500 troops and 200 tanks took part.",
];

fn sentence(r: &mut Rng, out: &mut String) {
    match r.num(0, 9) {
        0 | 1 => {
            let d = r.num(1, 28);
            let m = if r.num(0, 4) == 0 {
                r.pick(MONTH_ABBREVS)
            } else {
                r.pick(MONTHS)
            };
            let when = match r.num(0, 2) {
                0 => format!("on {m} {d}"),
                1 => format!("on {d} {m} {}", r.num(2010, 2020)),
                _ => format!("on {m} {d}, {}", r.num(1990, 2020)),
            };
            out.push_str(&format!(
                "{} {} {when} {}.",
                r.pick(WHO),
                r.pick(DID),
                r.pick(WHAT)
            ));
        }
        2 => out.push_str(&format!(
            "{} {} on {} {}.",
            r.pick(WHO),
            r.pick(DID),
            r.pick(WEEKDAYS),
            r.pick(WHAT)
        )),
        3 => out.push_str(&format!(
            "{} {} {} {}.",
            r.pick(WHO),
            r.pick(DID),
            r.pick(RELATIVE),
            r.pick(WHAT)
        )),
        4 => out.push_str(&format!(
            "The strike came at {} pm Damascus time, and the curfew lasted {}.",
            r.num(1, 11),
            r.pick(DURATION).trim_start_matches("for ")
        )),
        5 => out.push_str(&format!(
            "The siege went on {}, {} {}.",
            r.pick(DURATION),
            r.pick(WHO).to_lowercase(),
            r.pick(DID)
        )),
        _ => out.push_str(r.pick(FILLER)),
    }
    out.push(' ');
}

/// Articles of 3-8 KB, `total` bytes in all.
fn corpus(total: usize, seed: u64) -> Vec<String> {
    let mut r = Rng(seed);
    let mut docs = Vec::new();
    let mut size = 0;
    while size < total {
        let target = r.num(3000, 8000) as usize;
        let mut doc = String::with_capacity(target + 200);
        doc.push_str("Jets strike army positions near the city\n\n");
        while doc.len() < target {
            for _ in 0..r.num(2, 5) {
                sentence(&mut r, &mut doc);
            }
            doc.push_str("\n\n");
        }
        size += doc.len();
        docs.push(doc);
    }
    docs
}

fn bench(c: &mut Criterion) {
    let dct = NaiveDate::from_ymd_opt(2016, 9, 20);
    let mut g = c.benchmark_group("tag");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    for mb in [1usize, 4, 16] {
        let docs = corpus(mb << 20, 0x5eed_0000 + mb as u64);
        let bytes: usize = docs.iter().map(String::len).sum();
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function(format!("{mb}MB"), |b| {
            b.iter(|| {
                let mut n = 0;
                for d in &docs {
                    n += dates::tag(black_box(d), dct).len();
                }
                n
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("ingest+tag");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    let docs = corpus(4 << 20, 0x5eed_0004);
    let bytes: usize = docs.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("4MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for (i, d) in docs.iter().enumerate() {
                let name = format!("a{i}.txt");
                if let Ok(doc) = ingest::read_str(&name, black_box(d.as_bytes()), Format::Text) {
                    n += dates::tag_document(&doc, dct).len();
                }
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
