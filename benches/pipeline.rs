//! Whole-pipeline throughput: articles in, clustered timeline out.
//!
//! The corpus is generated: a seeded xorshift generator invents events (a kind, a place from
//! a list of real towns, a day in 2018-2019, a toll, who is blamed) and articles that tell
//! three to six of them, each article dated a day or two after its latest event and written
//! from sentence templates: reports with relative dates ("on Tuesday"), attributions ("the
//! governor said"), quotes, denials and differing tolls, so that extraction, clustering and
//! dispute derivation all have work to do. One article in eight is a copy of another with a
//! new footer, for the republication step. `pipeline/{25,100,400,1000}` shows how the time
//! grows with the number of articles (1-2 KB each); `pipeline/syntax/1000` times the syntax
//! stage alone on the 1,000 articles, for its share of the whole.
//!
//! Run: `cargo bench --bench pipeline`

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use chrono::{Datelike, Duration as Days, NaiveDate};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rashomon::gazetteer::Gazetteer;
use rashomon::graph::cluster::Params;
use rashomon::ingest::{self, Document, Format};
use rashomon::pipeline::{self, Options};
use rashomon::syntax;
use rayon::prelude::*;

mod common;
use common::Rng;

const PLACES: &[&str] = &[
    "Aleppo",
    "Homs",
    "Hama",
    "Idlib",
    "Latakia",
    "Tartus",
    "Raqqa",
    "Mosul",
    "Kirkuk",
    "Basra",
    "Hodeidah",
    "Taiz",
    "Aden",
    "Sanaa",
    "Benghazi",
    "Misrata",
    "Sirte",
    "Tripoli",
    "Gaziantep",
    "Kobani",
];
const BLAMED: &[&str] = &[
    "the army",
    "rebel fighters",
    "the coalition",
    "militia units",
    "the air force",
];
const SPEAKERS: &[&str] = &[
    "the provincial governor",
    "a local rescue group",
    "the health ministry",
    "a spokesman for the army",
    "a monitoring group",
    "residents",
];
const KINDS: &[(&str, &str)] = &[
    ("An air strike hit a market in", "air strike"),
    ("Shelling struck a hospital in", "shelling"),
    ("A car bomb exploded near a bus station in", "bombing"),
    ("Fighters attacked an army checkpoint outside", "attack"),
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

struct Invented {
    kind: usize,
    place: &'static str,
    day: NaiveDate,
    toll: u64,
}

fn article(r: &mut Rng, events: &[&Invented], n: usize) -> String {
    let latest = events.iter().map(|e| e.day).max().unwrap_or(NaiveDate::MIN);
    let published = latest + Days::days(r.num(1, 2) as i64);
    let mut text = format!(
        "---\ntitle: Report {n}\noutlet: Desk {}\npublished: {published}\n---\n\nReport {n} on the fighting\n\n",
        r.num(1, 9)
    );
    for e in events {
        let weekday = WEEKDAYS[e.day.weekday().num_days_from_monday() as usize];
        let (opening, noun) = KINDS[e.kind];
        let speaker = r.pick(SPEAKERS);
        let toll = e.toll + r.num(0, 1) * r.num(1, 9);
        text.push_str(&format!(
            "{opening} {} on {weekday}, killing at least {toll} people, {speaker} said.\n\n",
            e.place
        ));
        let blamed = r.pick(BLAMED);
        text.push_str(&format!(
            "{} blamed {blamed} for the {noun}. {} denied any role and called the claims baseless.\n\n",
            capital(r.pick(SPEAKERS)),
            capital(blamed)
        ));
        text.push_str(&format!(
            "\u{201c}We counted {} dead by the evening,\u{201d} said a doctor at the main hospital in {}.\n\n",
            toll + r.num(0, 5),
            e.place
        ));
        text.push_str("Aid workers said the roads into the town remained closed and food was running short.\n\n");
    }
    text
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn corpus(articles: usize, seed: u64) -> Vec<Document> {
    let mut r = Rng(seed);
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(NaiveDate::MIN);
    // About one event for every two articles, so events are told several times.
    let events: Vec<Invented> = (0..articles.div_ceil(2).max(4))
        .map(|_| Invented {
            kind: r.num(0, KINDS.len() as u64 - 1) as usize,
            place: r.pick(PLACES),
            day: start + Days::days(r.num(0, 700) as i64),
            toll: r.num(3, 80),
        })
        .collect();
    let mut texts: Vec<String> = Vec::new();
    for n in 0..articles {
        if n % 8 == 7 && !texts.is_empty() {
            let original = texts[(r.next() % texts.len() as u64) as usize].clone();
            texts.push(format!(
                "{original}\nPlease support our reporting with a donation.\n"
            ));
            continue;
        }
        // Events close in time, as a report tells the news of a week or two.
        let anchor = &events[(r.next() % events.len() as u64) as usize];
        let mut told: Vec<&Invented> = events
            .iter()
            .filter(|e| (e.day - anchor.day).num_days().abs() <= 10)
            .take(r.num(3, 6) as usize)
            .collect();
        told.sort_by_key(|e| e.day);
        texts.push(article(&mut r, &told, n));
    }
    texts
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            ingest::read_str(
                &format!("article-{i:04}.md"),
                t.as_bytes(),
                Format::Markdown,
            )
            .ok()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let gazetteer = Gazetteer::builtin();
    let tick = || {};
    let options = Options {
        gazetteer,
        params: Params::default(),
        progress: &tick,
    };
    let mut g = c.benchmark_group("pipeline");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    for n in [25usize, 100, 400, 1000] {
        let docs = corpus(n, 0x5eed_0000 + n as u64);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        let (timeline, _) = pipeline::extract(&docs, Path::new("."), &options);
        let accounts: usize = timeline.events.iter().map(|e| e.accounts.len()).sum();
        eprintln!(
            "pipeline/{n}: {n} articles, {:.2} MB, {} events, {accounts} accounts",
            bytes as f64 / 1e6,
            timeline.events.len()
        );
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_with_input(BenchmarkId::from_parameter(n), &docs, |b, docs| {
            b.iter(|| black_box(pipeline::extract(docs, Path::new("."), &options)));
        });
        if n == 1000 {
            // The syntax stage alone on the same articles, on as many threads as extract
            // uses, for its share of the whole.
            let model = syntax::model().expect("the built-in model loads");
            g.bench_with_input(BenchmarkId::new("syntax", n), &docs, |b, docs| {
                b.iter(|| {
                    let words: usize = docs
                        .par_iter()
                        .map(|d| {
                            syntax::parse_document(model, d)
                                .iter()
                                .map(|s| s.words.len())
                                .sum::<usize>()
                        })
                        .sum();
                    black_box(words)
                });
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
