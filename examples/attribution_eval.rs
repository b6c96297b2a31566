//! Measure attribution on a corpus with hand-made gold.
//!
//! `cargo run --example attribution_eval -- CORPUS_DIR GOLD.yaml OUT.yaml [--verbose]`
//!
//! Reads every file in CORPUS_DIR with `rashomon::ingest` (or, with `--crude`, as plain text
//! segmented by line: the first line the headline, "By ..." a byline, comments from the first
//! comment timestamp on), runs `attribute`, and writes every
//! claim as an account of one event per document to OUT.yaml. Score it with the gold's own
//! scorer: `python3 score_timeline.py OUT.yaml GOLD.yaml CORPUS_DIR` (its claimant accuracy
//! is the figure to read). This binary also checks that the gold's comment accounts are
//! never given to the outlet, and with `--verbose` prints, per gold account, the claims
//! over its quote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use regex::Regex;
use serde::Deserialize;

use rashomon::ingest::{Document, Segment, SegmentKind};
use rashomon::mentions::{self, ClaimantKind};
use rashomon::timeline::{self, Account, Event, Source, Timeline};

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    docs: Vec<GoldDoc>,
    events: Vec<GoldEvent>,
}

#[derive(Deserialize)]
struct GoldDoc {
    file: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

#[derive(Deserialize)]
struct GoldEvent {
    id: String,
    #[serde(default)]
    required: Option<bool>,
    accounts: Vec<GoldAccount>,
}

#[derive(Deserialize)]
struct GoldAccount {
    doc: String,
    #[serde(default)]
    claimant: Option<String>,
    quote: String,
    #[serde(default)]
    kind: Option<String>,
}

/// A plain-text article, segmented crudely (ingest proper lives in `rashomon::ingest`).
fn crude_document(path: &Path) -> Result<Document> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let stamp = Regex::new(r"^[A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2} [AP]M$").expect("regex");
    let tags = Regex::new(r"<[^>]*>").expect("regex");
    let lines: Vec<(usize, &str)> = {
        let mut out = Vec::new();
        let mut off = 0;
        for l in text.split_inclusive('\n') {
            out.push((off, l.trim_end_matches(['\n', '\r'])));
            off += l.len();
        }
        out
    };
    let first_stamp = lines.iter().position(|(_, l)| stamp.is_match(l.trim()));
    let short = |l: &str| {
        let l = l.trim();
        !l.is_empty() && l.split_whitespace().count() <= 4 && !l.ends_with(['.', '!', '?', ':'])
    };
    // Comments start at the author lines right before the first timestamp.
    let comments_from = first_stamp.map(|s| {
        let mut k = s;
        while k > 0 && short(lines[k - 1].1) {
            k -= 1;
        }
        k
    });
    let mut segments: Vec<Segment> = Vec::new();
    let mut author: Option<String> = None;
    let mut headline_done = false;
    let mut byline: Option<String> = None;
    for (i, &(off, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let start = off + lead;
        let end = start + trimmed.len();
        let in_comments = comments_from.is_some_and(|c| i >= c);
        if in_comments {
            let next_is_stamp = lines
                .get(i + 1)
                .is_some_and(|(_, n)| stamp.is_match(n.trim()));
            if stamp.is_match(trimmed) || trimmed.starts_with("Reply to") {
                segments.push(Segment {
                    kind: SegmentKind::CommentMeta,
                    start,
                    end,
                });
                continue;
            }
            if short(trimmed) && (next_is_stamp || lines.get(i + 1).is_some_and(|(_, n)| short(n)))
            {
                author = Some(trimmed.to_string());
                segments.push(Segment {
                    kind: SegmentKind::CommentMeta,
                    start,
                    end,
                });
                continue;
            }
            // A comment's lines form one segment, up to the next author or timestamp line.
            let continues = segments
                .last()
                .is_some_and(|s| matches!(s.kind, SegmentKind::Comment { .. }));
            if continues {
                if let Some(last) = segments.last_mut() {
                    last.end = end;
                }
            } else {
                segments.push(Segment {
                    kind: SegmentKind::Comment {
                        author: author.take(),
                        posted: None,
                    },
                    start,
                    end,
                });
            }
            continue;
        }
        let kind = if !headline_done {
            headline_done = true;
            SegmentKind::Headline
        } else if let Some(rest) = trimmed.strip_prefix("By ") {
            let plain = tags.replace_all(rest, "").to_string();
            let name = plain.split([',', '|']).next().unwrap_or(&plain);
            byline = Some(
                name.split(" from ")
                    .next()
                    .unwrap_or(name)
                    .trim()
                    .to_string(),
            );
            SegmentKind::Byline
        } else {
            SegmentKind::Body
        };
        segments.push(Segment { kind, start, end });
    }
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_lowercase().replace('_', "-"))
        .unwrap_or_default();
    let mut doc = Document {
        id,
        path: path.to_path_buf(),
        text,
        segments,
        ..Document::default()
    };
    doc.meta.author = byline;
    Ok(doc)
}

fn load(path: &Path, crude: bool) -> Result<Document> {
    if crude {
        crude_document(path)
    } else {
        Ok(rashomon::ingest::read(path)?)
    }
}

/// Print every claim of one file: `attribution_eval --dump FILE`.
fn dump(path: &Path) -> Result<()> {
    let crude = std::env::args().any(|a| a == "--crude");
    let doc = load(path, crude)?;
    let sentences = mentions::sentences::split(&doc);
    for c in mentions::attribute(&doc, &sentences, rashomon::gazetteer::Gazetteer::builtin()) {
        let via = if c.via.is_empty() {
            String::new()
        } else {
            format!(" via {:?}", c.via)
        };
        let facets: Vec<String> = c.facets.iter().map(|(k, v)| format!("{k}={v}")).collect();
        println!(
            "[{}] {}{} ({:?}, {}) {}\n    {}",
            c.start,
            c.claimant,
            via,
            c.claimant_kind,
            c.stance,
            facets.join(", "),
            doc.text[c.start..c.end].replace('\n', " ")
        );
    }
    Ok(())
}

fn main() -> Result<()> {
    let all: Vec<String> = std::env::args().skip(1).collect();
    if all.first().is_some_and(|a| a == "--dump") {
        for f in all[1..].iter().filter(|a| !a.starts_with("--")) {
            dump(Path::new(f))?;
        }
        return Ok(());
    }
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let verbose = std::env::args().any(|a| a == "--verbose");
    // Simulate front matter: the gold's author or outlet as the document's metadata.
    let gold_meta = std::env::args().any(|a| a == "--gold-meta");
    let crude = std::env::args().any(|a| a == "--crude");
    let [corpus, gold_path, out] = args.as_slice() else {
        anyhow::bail!("usage: attribution_eval CORPUS_DIR GOLD.yaml OUT.yaml [--verbose]");
    };
    let gold: Gold = timeline::yaml::from_str(&std::fs::read_to_string(gold_path)?)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut tl = Timeline {
        title: "attribution eval".into(),
        ..Timeline::default()
    };
    let mut claims_by_doc = BTreeMap::new();
    for path in &files {
        let mut doc = load(path, crude)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if gold_meta && let Some(g) = gold.docs.iter().find(|d| d.file == name) {
            doc.meta.author = g.author.clone();
            doc.meta.outlet = g.outlet.clone();
        }
        let sentences = mentions::sentences::split(&doc);
        let claims =
            mentions::attribute(&doc, &sentences, rashomon::gazetteer::Gazetteer::builtin());
        tl.sources.push(Source {
            id: doc.id.clone(),
            file: Some(name.clone()),
            ..Source::default()
        });
        let accounts = claims
            .iter()
            .map(|c| Account {
                source: doc.id.clone(),
                claimant: c.claimant.clone(),
                via: c.via.clone(),
                stance: c.stance,
                quote: Some(doc.text[c.start..c.end].to_string()),
                span: Some([c.start, c.end]),
                facets: c.facets.clone().into(),
                comment: c.comment,
                ..Account::default()
            })
            .collect();
        tl.events.push(Event {
            id: format!("doc-{}", doc.id),
            title: name.clone(),
            accounts,
            ..Event::default()
        });
        claims_by_doc.insert(name, (doc, claims));
    }
    std::fs::write(out, timeline::yaml::to_string(&tl)?)?;

    // Comment accounts: never the outlet.
    let (mut comment_total, mut comment_ok) = (0, 0);
    for ev in &gold.events {
        let required = ev.required.unwrap_or(true);
        for a in &ev.accounts {
            let Some((doc, claims)) = claims_by_doc.get(&a.doc) else {
                continue;
            };
            let Some(s) = doc.text.find(&a.quote) else {
                println!("quote not found in {}: {}", a.doc, a.quote);
                continue;
            };
            let span = (s, s + a.quote.len());
            let hits: Vec<_> = claims
                .iter()
                .filter(|c| c.start < span.1 && span.0 < c.end)
                .collect();
            let is_comment = a.kind.as_deref() == Some("comment");
            if is_comment {
                comment_total += 1;
                if !hits.is_empty() && hits.iter().all(|c| c.claimant_kind != ClaimantKind::Outlet)
                {
                    comment_ok += 1;
                }
            }
            if verbose && (required || is_comment) {
                let got: Vec<String> = hits
                    .iter()
                    .map(|c| {
                        let via = if c.via.is_empty() {
                            String::new()
                        } else {
                            format!(" via {:?}", c.via)
                        };
                        let facets: Vec<String> =
                            c.facets.iter().map(|(k, v)| format!("{k}={v}")).collect();
                        format!("{}{} [{}] {}", c.claimant, via, c.stance, facets.join(","))
                    })
                    .collect();
                println!(
                    "{:<28} {:<55} | {}",
                    ev.id.chars().take(28).collect::<String>(),
                    a.claimant
                        .clone()
                        .unwrap_or_default()
                        .chars()
                        .take(55)
                        .collect::<String>(),
                    got.join(" ; ")
                );
            }
        }
    }
    println!("comment accounts not given to the outlet: {comment_ok}/{comment_total}");
    println!("wrote {out}; score with: python3 score_timeline.py {out} {gold_path} {corpus}");
    Ok(())
}
