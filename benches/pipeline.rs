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

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rashomon::gazetteer::Gazetteer;
use rashomon::graph::cluster::Params;
use rashomon::ingest::{self, Document, Format};
use rashomon::pipeline::{self, Options};
use rashomon::syntax;
use rayon::prelude::*;

mod common;
use common::news;

fn corpus(articles: usize, seed: u64) -> Vec<Document> {
    news::texts(articles, seed, 700)
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
