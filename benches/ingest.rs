//! Ingest throughput on a generated corpus.
//!
//! The corpus is made here from our own templates with the seeded generator in `common`, so
//! every run sees the same bytes: news articles (headline, byline, 6-14 paragraphs of
//! templated sentences with names, places, numbers and dates, sometimes a photo caption), a
//! footer (donation appeal, copyright, disclaimer) on half of them, and a reader-comment
//! thread on two thirds (names on their own line, timestamps, "Reply to" lines, chatty
//! replies). The HTML variant wraps the same articles in a page with a head full of meta
//! tags and scripts, navigation, share widgets, a cookie banner and a comment section.
//! Articles are added until the corpus reaches 1, 4 and 16 MB; the same corpus is cut at
//! each size, so MB/s across sizes shows whether the cost stays linear.
//!
//! Run: `cargo bench --bench ingest` (criterion reports throughput in MiB/s).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use rashomon::ingest::{Format, read_str};

mod common;
use common::{MONTHS, Rng};

const PEOPLE: &[&str] = &[
    "Ana Reis",
    "Tomas Ilves",
    "Mara Quill",
    "Piet Dorn",
    "Lena Ostby",
    "Oren Falk",
    "Ines Calder",
    "Sol Ferreira",
    "Jonas Hale",
    "Rosa Brenn",
];
const PLACES: &[&str] = &[
    "Esmar",
    "Lindholm",
    "Kestrel Bay",
    "Brevik",
    "Coldwater",
    "Ilva",
    "the northern valleys",
    "the old port",
    "the border district",
    "the capital",
];
const BODIES: &[&str] = &[
    "the transport ministry",
    "the regional council",
    "the dock workers' union",
    "the water board",
    "the fire service",
    "the harbour office",
    "local traders",
    "the opposition bloc",
];
const SENTENCES: &[&str] = &[
    "{body} said on {day} that the plan for {place} would cost about {n} million over {m} years.",
    "{person}, who has followed the dispute since {year}, said the talks in {place} had reached a turning point.",
    "According to {body}, at least {n} people were affected when the works began on {date}.",
    "The decision came after weeks of protests in {place}, where residents say they were never consulted.",
    "\u{201c}We have done everything we were asked to do,\u{201d} {person} told reporters outside the hall on {day}.",
    "Critics in {place} argue that {body} ignored warnings issued as early as {month} {year}.",
    "Figures released on {date} show a fall of {n} percent compared with the same period last year.",
    "{body} will meet again next week, and a vote is expected before the end of {month}.",
    "Officials declined to say when the report, first promised in {year}, would be published.",
    "The dispute has divided {place} for {m} years and shows no sign of ending soon.",
];
const COMMENTS: &[&str] = &[
    "Thanks for reporting this, you are the only ones covering {place} properly!",
    "I live in {place} and nobody asked us anything. Typical.",
    "Do you know when the vote actually happens? The article does not say.",
    "Agreed, {body} has been useless for years. lol",
    "This is exactly what I predicted in {year}, and nobody listened to me.",
    "Good piece. My family has been affected by this since {month}.",
];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find('}') else { break };
        let key = &rest[i + 1..i + j];
        let value = match key {
            "person" => rng.pick(PEOPLE).to_string(),
            "place" => rng.pick(PLACES).to_string(),
            "body" => {
                let b = rng.pick(BODIES);
                if out.is_empty() || out.ends_with(". ") {
                    let mut c = b.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                } else {
                    b.to_string()
                }
            }
            "day" => rng.pick(DAYS).to_string(),
            "month" => rng.pick(MONTHS).to_string(),
            "year" => (2005 + rng.below(18)).to_string(),
            "date" => format!("{} {}", 1 + rng.below(28), rng.pick(MONTHS)),
            "n" => (2 + rng.below(400)).to_string(),
            "m" => (2 + rng.below(12)).to_string(),
            _ => String::new(),
        };
        out.push_str(&value);
        rest = &rest[i + j + 1..];
    }
    out.push_str(rest);
    out
}

/// One article's parts, shared by the text and HTML renderings.
struct Article {
    headline: String,
    byline: String,
    paragraphs: Vec<String>,
    caption: Option<String>,
    footer: Vec<String>,
    comments: Vec<(String, String, String)>,
}

fn article(rng: &mut Rng) -> Article {
    let headline = fill(
        rng,
        "Council Backs New Plan for {place} After {m}-Year Dispute",
    );
    let byline = fill(rng, "By {person}, {date} 2021");
    let paragraphs = (0..6 + rng.below(9))
        .map(|_| {
            (0..2 + rng.below(3))
                .map(|_| {
                    let t = rng.pick(SENTENCES);
                    fill(rng, t)
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let caption = (rng.below(2) == 0).then(|| {
        fill(
            rng,
            "Residents gather outside the hall in {place}. [Photo by {person}/Example Wire]",
        )
    });
    let footer = if rng.below(2) == 0 {
        vec![
            "If you value this reporting, please support our work: PayPal: desk@example.org".to_string(),
            "Copyright \u{a9} Example Courier, 2021. All rights reserved.".to_string(),
            "Disclaimer: The views expressed in this article are the sole responsibility of the author.".to_string(),
        ]
    } else {
        Vec::new()
    };
    let comments = if rng.below(3) > 0 {
        (0..3 + rng.below(12))
            .map(|_| {
                let who = rng.pick(PEOPLE).to_string();
                let when = format!(
                    "{} {}, 2021 {}:{:02} {}",
                    &rng.pick(MONTHS)[..3],
                    1 + rng.below(28),
                    1 + rng.below(12),
                    rng.below(60),
                    if rng.below(2) == 0 { "AM" } else { "PM" }
                );
                let t = rng.pick(COMMENTS);
                (who, when, fill(rng, t))
            })
            .collect()
    } else {
        Vec::new()
    };
    Article {
        headline,
        byline,
        paragraphs,
        caption,
        footer,
        comments,
    }
}

fn as_text(a: &Article) -> String {
    let mut s = format!("{}\n\n{}\n\n", a.headline, a.byline);
    for (i, p) in a.paragraphs.iter().enumerate() {
        s.push_str(p);
        s.push_str("\n\n");
        if i == 1
            && let Some(c) = &a.caption
        {
            s.push_str(c);
            s.push_str("\n\n");
        }
    }
    for f in &a.footer {
        s.push_str(f);
        s.push_str("\n\n");
    }
    for (i, (who, when, text)) in a.comments.iter().enumerate() {
        s.push_str(&format!("{who}\n{when}\n"));
        if i % 3 == 2 {
            s.push_str("Reply to  ");
            s.push_str(&a.comments[i - 1].0);
            s.push('\n');
        }
        s.push('\n');
        s.push_str(text);
        s.push_str("\n\n");
    }
    s
}

fn as_html(a: &Article) -> String {
    let mut s = String::from("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
    s.push_str(&format!(
        "<title>{0} | Example Courier</title><meta property=\"og:title\" content=\"{0}\"><meta property=\"og:site_name\" content=\"Example Courier\"><meta property=\"article:published_time\" content=\"2021-03-14T09:00:00Z\"><link rel=\"canonical\" href=\"https://courier.example.org/a\"><script>window.dataLayer=[];function track(){{}}</script><style>body{{margin:0}} .share a{{color:red}}</style></head><body>",
        a.headline
    ));
    s.push_str("<div class=\"cookie-banner\">We use cookies. <button>OK</button></div><header class=\"site-header\"><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav></header><main><article>");
    s.push_str(&format!(
        "<h1>{}</h1><p class=\"byline\">{}</p><div class=\"share\"><a>Share on Facebook</a> <a>Tweet</a></div>",
        a.headline, a.byline
    ));
    for (i, p) in a.paragraphs.iter().enumerate() {
        s.push_str(&format!("<p>{}</p>\n", p.replace('&', "&amp;")));
        if i == 1
            && let Some(c) = &a.caption
        {
            s.push_str(&format!(
                "<figure><img src=\"x.jpg\"><figcaption>{c}</figcaption></figure>"
            ));
        }
    }
    for f in &a.footer {
        s.push_str(&format!("<p class=\"note\">{f}</p>"));
    }
    s.push_str("</article>");
    if !a.comments.is_empty() {
        s.push_str(&format!(
            "<section id=\"comments\"><h2>{} Comments</h2><ol class=\"comment-list\">",
            a.comments.len()
        ));
        for (who, when, text) in &a.comments {
            s.push_str(&format!(
                "<li class=\"comment\"><footer class=\"comment-meta\"><b class=\"fn\">{who}</b> <time datetime=\"2021-03-14T10:00:00Z\">{when}</time></footer><div class=\"comment-content\"><p>{text}</p></div><div class=\"reply\"><a>Reply</a></div></li>"
            ));
        }
        s.push_str("</ol><form><textarea></textarea></form></section>");
    }
    s.push_str(
        "</main><footer class=\"site-footer\">Copyright Example Courier</footer></body></html>\n",
    );
    s
}

/// Articles until `bytes` is reached, rendered by `render`.
fn corpus(bytes: usize, render: fn(&Article) -> String) -> Vec<String> {
    let mut rng = Rng(0x5eed_1234);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = render(&article(&mut rng));
        total += a.len();
        out.push(a);
    }
    out
}

fn bench(c: &mut Criterion) {
    const MB: usize = 1 << 20;
    for (name, format, render) in [
        (
            "ingest_text",
            Format::Text,
            as_text as fn(&Article) -> String,
        ),
        (
            "ingest_html",
            Format::Html,
            as_html as fn(&Article) -> String,
        ),
    ] {
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(6));
        for size in [1, 4, 16] {
            let docs = corpus(size * MB, render);
            let total: usize = docs.iter().map(String::len).sum();
            group.throughput(Throughput::Bytes(total as u64));
            group.bench_with_input(
                BenchmarkId::from_parameter(format!("{size}MB")),
                &docs,
                |b, docs| {
                    b.iter(|| {
                        let mut segments = 0;
                        for (i, d) in docs.iter().enumerate() {
                            let doc = read_str(&format!("a{i}"), d.as_bytes(), format)
                                .expect("generated article reads");
                            segments += doc.segments.len();
                        }
                        black_box(segments)
                    })
                },
            );
        }
        group.finish();
    }
}

criterion_group!(benches, bench);

/// `INGEST_BENCH_DUMP=dir cargo bench --bench ingest` writes a few generated articles to
/// `dir` instead of measuring, to look at them with `rashomon ingest dir`.
fn main() {
    if let Some(dir) = std::env::var_os("INGEST_BENCH_DUMP") {
        let dir = std::path::PathBuf::from(dir);
        std::fs::create_dir_all(&dir).expect("dump folder");
        for (ext, render) in [
            ("txt", as_text as fn(&Article) -> String),
            ("html", as_html as fn(&Article) -> String),
        ] {
            for (i, doc) in corpus(20_000, render).iter().enumerate() {
                std::fs::write(dir.join(format!("gen{i}.{ext}")), doc).expect("dump write");
            }
        }
        return;
    }
    if std::env::var_os("INGEST_BENCH_CPU").is_some() {
        cpu_time_report();
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}

/// This thread's time on a CPU so far, from Linux's schedstat (nanoseconds).
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// `INGEST_BENCH_CPU=1 cargo bench --bench ingest`: MB/s per CPU-second as well as per
/// wall-second, on the 16 MB corpora. On a machine shared with other jobs, wall-clock
/// throughput understates what one core does; time on CPU does not.
fn cpu_time_report() {
    const MB: usize = 1 << 20;
    for (name, format, render) in [
        ("text", Format::Text, as_text as fn(&Article) -> String),
        ("html", Format::Html, as_html as fn(&Article) -> String),
    ] {
        let docs = corpus(16 * MB, render);
        let total: usize = docs.iter().map(String::len).sum();
        for pass in 0..3 {
            let (cpu0, wall0) = (cpu_ns(), std::time::Instant::now());
            let mut segments = 0;
            for (i, d) in docs.iter().enumerate() {
                let doc = read_str(&format!("a{i}"), d.as_bytes(), format)
                    .expect("generated article reads");
                segments += doc.segments.len();
            }
            let wall = wall0.elapsed().as_secs_f64();
            let cpu = cpu_ns()
                .zip(cpu0)
                .map(|(b, a)| (b - a) as f64 / 1e9)
                .unwrap_or(f64::NAN);
            let mib = total as f64 / MB as f64;
            println!(
                "{name} pass {pass}: {mib:.1} MiB, {} docs, {segments} segments: {:.1} MiB/s on CPU ({cpu:.3} s), {:.1} MiB/s wall ({wall:.3} s)",
                docs.len(),
                mib / cpu,
                mib / wall
            );
        }
    }
}
