//! The whole pipeline: articles in, timeline out.
//!
//! 1. Each document's date (DCT) is the one its page gives itself (see `dates::dct`).
//! 2. Copies are found (MinHash), so a republished text counts once and its unnamed outlet
//!    voice takes the original's name. A copy with no date takes its original's; an
//!    original with no date is bounded by its copy's.
//! 3. Each document's events are extracted (in parallel).
//! 4. Document events are clustered into timeline events; comments attach to the events they
//!    discuss; relations are read off the accounts; disputes are derived.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::Duration;
use rayon::prelude::*;

use crate::dates::dct::{Confidence, Dct, DctSource, infer_dct};
use crate::gazetteer::Gazetteer;
use crate::graph::build::{self, Merged};
use crate::graph::cluster::{self, Copies, Params, Places};
use crate::graph::{relations, republish};
use crate::ingest::Document;
use crate::mentions::ClaimantKind;
use crate::mentions::attribution::outlet_name;
use crate::mentions::detect::document_events;
use crate::mentions::docevent::{DocEvent, TimeBasis};
use crate::timeline::{self, Bound, Point, Source, Timeline, When};

/// What the pipeline needs besides the documents.
pub struct Options<'a> {
    pub gazetteer: &'a Gazetteer,
    pub params: Params,
    /// Called after each document is read, for progress bars.
    pub progress: &'a (dyn Fn() + Sync),
}

/// Per-document facts the timeline reports.
#[derive(Debug, Clone)]
pub struct DocumentReport {
    pub id: String,
    /// The document date used, after copies lent theirs.
    pub dct: Dct,
    pub republishes: Option<String>,
}

impl Places for Gazetteer {
    fn same_place(&self, a: &str, b: &str) -> bool {
        Gazetteer::same_place(self, a, b)
    }
}

/// Run the pipeline over ingested documents. `base` is the folder the timeline file will live
/// in, so that `file:` paths are written relative to it.
pub fn extract(
    docs: &[Document],
    base: &Path,
    options: &Options<'_>,
) -> (Timeline, Vec<DocumentReport>) {
    let gaz = options.gazetteer;
    let mut dcts: Vec<Dct> = docs.par_iter().map(infer_dct).collect();
    let copies = find_copies(docs, &dcts);
    lend_dates(docs, &mut dcts, &copies);

    let per_doc: Vec<Vec<DocEvent>> = docs
        .par_iter()
        .zip(dcts.par_iter())
        .map(|(doc, dct)| {
            let events = document_events(doc, dct.date, gaz);
            (options.progress)();
            events
        })
        .collect();

    let mut flat: Vec<DocEvent> = per_doc.into_iter().flatten().collect();
    speak_for_originals(&mut flat, docs, &copies);
    let clusters = cluster::cluster(&flat, &copies, gaz, options.params);
    let clusters = attach_comments(&flat, clusters);
    let clusters = salient(&flat, clusters);

    let mut taken = BTreeSet::new();
    let mut counters = BTreeMap::new();
    let mut events = Vec::new();
    for members in &clusters {
        let merged = Merged {
            members: members.iter().map(|&i| &flat[i]).collect(),
        };
        events.push(build::event(&merged, &mut taken, &mut counters));
    }
    let sources: Vec<Source> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| source_of(d, &dcts[i], copies.get(&d.id), base))
        .collect();
    let mut timeline = Timeline {
        title: title_of(docs),
        description: None,
        sources,
        events,
        relations: Vec::new(),
        rejected: Vec::new(),
    };
    timeline.relations = relations::derive(&timeline, gaz);
    timeline::normalize(&mut timeline);
    timeline::sort_events(&mut timeline);
    for s in &mut timeline.sources {
        let mut spans: Vec<[usize; 2]> = Vec::new();
        for e in &timeline.events {
            for a in e.accounts.iter().filter(|a| a.source == s.id) {
                spans.extend(a.span);
            }
        }
        spans.sort_unstable();
        spans.dedup();
        s.extracted = spans;
    }
    let reports = docs
        .iter()
        .enumerate()
        .map(|(i, d)| DocumentReport {
            id: d.id.clone(),
            dct: dcts[i].clone(),
            republishes: copies.get(&d.id).cloned(),
        })
        .collect();
    (timeline, reports)
}

/// Copies by text; which is the original is `republish::original_first`'s call, on the
/// dates the pages give themselves and what their texts say.
fn find_copies(docs: &[Document], dcts: &[Dct]) -> Copies {
    let provenance: Vec<republish::Provenance> = docs
        .iter()
        .zip(dcts)
        .map(|(d, t)| republish::Provenance::of(d, t.page))
        .collect();
    republish::find_copies(docs, &provenance)
        .into_iter()
        .map(|c| (docs[c.copy].id.clone(), docs[c.original].id.clone()))
        .collect()
}

/// How long before its copy's date an original's dateline without a year may fall.
const COPY_WINDOW: i64 = 45;

/// Dates lent between copies, the only documents that share a text. A copy with no date
/// takes its original's: its relative dates were written then. An original with no date
/// was published no later than its copy, which completes a dateline without a year when
/// one year fits; the copy's date is never its DCT, as reposts can come years later.
fn lend_dates(docs: &[Document], dcts: &mut [Dct], copies: &Copies) {
    let position = |id: &str| docs.iter().position(|d| d.id == id);
    let pairs: Vec<(usize, usize)> = copies
        .iter()
        .filter_map(|(c, o)| Some((position(c)?, position(o)?)))
        .collect();
    for &(c, o) in &pairs {
        let (Some(d), None) = (dcts[c].date, dcts[o].date) else {
            continue;
        };
        let copy = &docs[c].id;
        let dct = &mut dcts[o];
        dct.before = Some(dct.before.map_or(d, |b| b.min(d)));
        let found = dct.yearless.as_ref().and_then(|y| {
            y.within(d - Duration::days(COPY_WINDOW), d)
                .map(|day| (day, y.text.clone()))
        });
        let note = match found {
            Some((day, text)) => {
                dct.date = Some(day);
                dct.source = DctSource::Dateline;
                dct.confidence = Confidence::Low;
                format!(
                    "the dateline \"{text}\" has no year: {day} is taken from its copy {copy}, dated {d} (low confidence)"
                )
            }
            None => format!(
                "{}; published no later than {d}, the date of its copy {copy}",
                dct.note.as_deref().unwrap_or("no day of its own")
            ),
        };
        dct.evidence.push(note.clone());
        dct.note = Some(note);
    }
    for &(c, o) in &pairs {
        let (None, Some(d)) = (dcts[c].date, dcts[o].date) else {
            continue;
        };
        let original = &docs[o].id;
        let dct = &mut dcts[c];
        dct.date = Some(d);
        dct.source = DctSource::Copy;
        dct.confidence = Confidence::Low;
        dct.note = Some(format!(
            "no day of its own: takes {d}, the date of {original}, which it copies"
        ));
        dct.evidence.extend(dct.note.clone());
    }
}

/// In a copy without its own byline, the outlet's voice is the original's.
fn speak_for_originals(events: &mut [DocEvent], docs: &[Document], copies: &Copies) {
    // The name of a document's own voice, when it has one (from front matter or a byline).
    let voice = |d: &Document| Some(outlet_name(d)).filter(|name| *name != d.id);
    for e in events {
        let Some(original) = copies.get(&e.doc) else {
            continue;
        };
        let Some(copy_doc) = docs.iter().find(|d| d.id == e.doc) else {
            continue;
        };
        if voice(copy_doc).is_some() {
            continue;
        }
        let Some(name) = docs.iter().find(|d| &d.id == original).and_then(voice) else {
            continue;
        };
        for m in &mut e.mentions {
            if m.claimant_kind == ClaimantKind::Outlet {
                m.claimant = name.clone();
            }
        }
    }
}

/// Clusters made only of reader comments join the article cluster of their own document that
/// they share most words with, or are dropped: comments do not make events.
fn attach_comments(events: &[DocEvent], clusters: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    let is_comment_only = |c: &Vec<usize>| {
        c.iter()
            .all(|&i| events[i].mentions.iter().all(|m| m.comment))
    };
    let (comments, mut articles): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        clusters.into_iter().partition(is_comment_only);
    for c in comments {
        let words: BTreeSet<&str> = c
            .iter()
            .flat_map(|&i| events[i].words.iter().map(String::as_str))
            .collect();
        let doc = &events[c[0]].doc;
        let best = articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.iter().any(|&i| &events[i].doc == doc))
            .map(|(k, a)| {
                let other: BTreeSet<&str> = a
                    .iter()
                    .flat_map(|&i| events[i].words.iter().map(String::as_str))
                    .collect();
                let kind_ok = a
                    .iter()
                    .any(|&i| c.iter().any(|&j| events[i].kind.compatible(events[j].kind)));
                let shared = words.intersection(&other).count();
                (k, shared + if kind_ok { 2 } else { 0 })
            })
            .max_by_key(|(k, s)| (*s, std::cmp::Reverse(*k)));
        if let Some((k, score)) = best
            && score >= 4
        {
            articles[k].extend(c);
            articles[k].sort_unstable();
        }
    }
    articles.sort_by_key(|g| g[0]);
    articles
}

/// Events worth a place on the timeline: those dated by their text, or told more than once.
/// A single sentence about something undated is left to `rashomon mentions`.
fn salient(events: &[DocEvent], clusters: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    clusters
        .into_iter()
        .filter(|c| {
            let dated = c.iter().any(|&i| events[i].basis <= TimeBasis::Inherited);
            let accounts: usize = c.iter().map(|&i| events[i].mentions.len()).sum();
            dated || accounts >= 2
        })
        .collect()
}

fn source_of(doc: &Document, dct: &Dct, original: Option<&String>, base: &Path) -> Source {
    let title = doc.meta.title.clone();
    Source {
        id: doc.id.clone(),
        title,
        outlet: doc.meta.outlet.clone(),
        author: doc.meta.author.clone(),
        url: doc
            .meta
            .url
            .clone()
            .filter(|u| u.starts_with("http://") || u.starts_with("https://")),
        // What the page says of itself, else the date lent by a copy, else a bound.
        published: dct.page.or(dct.date.map(When::date)).or(dct
            .before
            .map(|b| When::Interval(Bound::Open, Bound::At(Point::from_date(b))))),
        kind: None,
        republishes: original.cloned(),
        file: Some(relative_path(&doc.path, base)),
        notes: if doc.warnings.is_empty() {
            None
        } else {
            Some(doc.warnings.join("\n"))
        },
        extracted: Vec::new(),
    }
}

/// `path` as seen from `base`, with forward slashes.
pub fn relative_path(path: &Path, base: &Path) -> String {
    let abs = |p: &Path| {
        std::fs::canonicalize(p)
            .unwrap_or_else(|_| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()))
    };
    // The folder of "timeline.yaml" is "", which is the current one.
    let base = if base.as_os_str().is_empty() {
        Path::new(".")
    } else {
        base
    };
    let (path, base) = (abs(path), abs(base));
    let pc: Vec<_> = path.components().collect();
    let bc: Vec<_> = base.components().collect();
    let common = pc.iter().zip(&bc).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); bc.len() - common];
    parts.extend(
        pc[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

fn title_of(docs: &[Document]) -> String {
    match docs {
        [one] => one
            .meta
            .title
            .clone()
            .unwrap_or_else(|| format!("Timeline of {}", one.id)),
        _ => format!("Timeline of {} articles", docs.len()),
    }
}
