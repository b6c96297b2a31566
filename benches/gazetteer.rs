//! Matcher throughput over a few MB of generated news-like text: `cargo bench --bench gazetteer`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use rashomon::gazetteer::Gazetteer;

/// Deterministic prose: filler sentences with names from the hand-made table (and, with
/// `world`, as many from the generated world table) dropped in, a few in variant spellings,
/// about `bytes` long.
fn text(bytes: usize, world: bool) -> String {
    let hand = Gazetteer::from_yaml("t", include_str!("../data/gazetteer.yaml")).unwrap();
    let mut names: Vec<&str> = hand.entries().iter().flat_map(|e| e.names()).collect();
    let g = Gazetteer::builtin();
    if world {
        let n = names.len();
        let from = hand.entries().len();
        names.extend(
            g.entries()[from..]
                .iter()
                .flat_map(|e| e.names())
                .step_by(7)
                .take(n),
        );
    }
    let filler = [
        "Officials said on Tuesday that the convoy had been delayed by shelling near",
        "According to a statement released late in the evening, fighters advanced towards",
        "Residents reported that aid trucks were unable to reach the besieged districts of",
        "The ministry denied the claims and accused its rivals of violating the truce in",
        "it is not clear who is responsible, and let us be careful about what we say of",
        "Witnesses told reporters that at least a dozen people were killed in strikes on",
    ];
    let variants = [
        "Deir Ezzor",
        "Jabal Al- Thardeh",
        "Ma'arrat an-Nu'man",
        "Hassakeh",
        "ISIL",
        "al-Nusra Front",
    ];
    let mut out = String::with_capacity(bytes + 200);
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize
    };
    while out.len() < bytes {
        out.push_str(filler[next() % filler.len()]);
        out.push(' ');
        if next() % 4 == 0 {
            out.push_str(variants[next() % variants.len()]);
        } else {
            out.push_str(names[next() % names.len()]);
        }
        out.push_str(". ");
        if next() % 5 == 0 {
            out.push('\n');
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let g = Gazetteer::builtin();
    for (label, world) in [("find 4 MB", false), ("find 4 MB, half world names", true)] {
        let text = text(4 << 20, world);
        let mut group = c.benchmark_group("gazetteer");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.bench_function(label, |b| b.iter(|| black_box(g.find(black_box(&text)))));
        group.finish();
    }
    let mut group = c.benchmark_group("gazetteer");
    group.sample_size(10);
    group.bench_function("builtin parse and build (hand-made and world)", |b| {
        b.iter(|| black_box(Gazetteer::parse_builtin().entries().len()))
    });
    group.bench_function("hand-made parse and build", |b| {
        b.iter(|| {
            black_box(
                Gazetteer::from_yaml("t", include_str!("../data/gazetteer.yaml"))
                    .map(|g| g.entries().len()),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);

fn main() {
    // `GAZETTEER_ONCE=N`: run `find` N times over the text and exit, for `perf stat`, whose
    // cycle counts hold up better than wall time on a busy machine.
    if let Some(n) = std::env::var("GAZETTEER_ONCE")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        let g = Gazetteer::builtin();
        let text = text(4 << 20, std::env::var("GAZETTEER_WORLD").is_ok());
        let mut found = 0;
        for _ in 0..n {
            found += black_box(g.find(black_box(&text))).len();
        }
        println!("{} bytes, {found} mentions", text.len() * n);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
