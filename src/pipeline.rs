//! The whole pipeline: articles in, timeline out.
//!
//! 1. Each document's date (DCT) is inferred from the document itself.
//! 2. Copies are found (MinHash), so a republished text counts once and its unnamed outlet
//!    voice takes the original's name.
//! 3. Each document's events are extracted (in parallel).
//! 4. Documents with no date of their own get one from the events they share with dated
//!    documents, and are read again with it.
//! 5. Document events are clustered into timeline events; comments attach to the events they
//!    discuss; an event told without a date joins the dated event the corpus tells most, when
//!    one dominates; relations are read off the accounts; disputes are derived.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::dates::dct::{Dct, infer_dct};
use crate::gazetteer::Gazetteer;
use crate::graph::build::{self, Merged};
use crate::graph::cluster::{self, Copies, Params, Places};
use crate::graph::{adopt, credit, relations, republish};
use crate::ingest::Document;
use crate::mentions::ClaimantKind;
use crate::mentions::attribution::{byline_name, outlet_name};
use crate::mentions::detect::document_events;
use crate::mentions::docevent::{DocEvent, TimeBasis};
use crate::timeline::{self, Event, Source, Timeline, When};

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
    pub dct: Dct,
    pub republishes: Option<String>,
}

impl Places for Gazetteer {
    fn same_place(&self, a: &str, b: &str) -> bool {
        Gazetteer::same_place(self, a, b)
    }
    fn place_keys(&self, name: &str) -> Vec<String> {
        Gazetteer::place_keys(self, name)
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
    // A copy and its original are one text, so one without a date of its own takes the
    // other's as the anchor for its "on Wednesday": a copy its original's (it was published no
    // earlier), an original its earliest copy's (the text stood on that page by then).
    let position: HashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut lenders: BTreeMap<usize, usize> = BTreeMap::new();
    for (copy, original) in &copies {
        let (Some(&c), Some(&o)) = (position.get(copy.as_str()), position.get(original.as_str()))
        else {
            continue;
        };
        if dcts[c].date.is_none() && dcts[o].date.is_some() {
            lenders.insert(c, o);
        } else if dcts[o].date.is_none() && dcts[c].date.is_some() {
            let earliest = |j: usize| (dcts[j].date, j);
            let best = lenders.get(&o).copied().unwrap_or(c);
            lenders.insert(
                o,
                if earliest(c) < earliest(best) {
                    c
                } else {
                    best
                },
            );
        }
    }
    for (&i, &from) in &lenders {
        let mut inherited = dcts[from].clone();
        inherited.confidence = crate::dates::Confidence::Low;
        let role = if copies.contains_key(&docs[i].id) {
            "a copy"
        } else {
            "the original"
        };
        inherited
            .evidence
            .push(format!("{role} of {}, whose date it takes", docs[from].id));
        dcts[i] = inherited;
    }

    // A document without a date of its own keeps its explicit dates and leaves relative
    // ones unresolved: it borrows a date only from a copy of itself (above), never from the
    // events it shares with other articles, which it may report long after they happened.
    let mut flat: Vec<DocEvent> = docs
        .par_iter()
        .zip(dcts.par_iter())
        .map(|(doc, dct)| {
            let mut events = document_events(doc, dct.date, gaz);
            // Held until every document is read: the words that found references back
            // within the document go, and the lists shrink to what they hold.
            for e in &mut events {
                e.triggers = Vec::new();
                e.nouns = Vec::new();
                e.mentions.shrink_to_fit();
                e.words.shrink_to_fit();
            }
            (options.progress)();
            events
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    speak_for_originals(&mut flat, docs, &copies);
    let clusters = cluster::cluster(&flat, &copies, gaz, options.params);
    let clusters = attach_comments(&flat, clusters);
    let clusters = adopt::adopt(&flat, clusters, gaz);
    let clusters = salient(&flat, clusters);

    let events = build_events(flat, &clusters);
    drop(clusters);
    release_free_memory();
    let sources: Vec<Source> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| source_of(d, dcts[i].date, copies.get(&d.id), base))
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
    let mut spans: HashMap<&str, Vec<[usize; 2]>> = HashMap::new();
    for a in timeline.events.iter().flat_map(|e| &e.accounts) {
        spans.entry(a.source.as_str()).or_default().extend(a.span);
    }
    let mut spans: HashMap<String, Vec<[usize; 2]>> =
        spans.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    for s in &mut timeline.sources {
        let mut own = spans.remove(&s.id).unwrap_or_default();
        own.sort_unstable();
        own.dedup();
        s.extracted = own;
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

/// The timeline's events, one for each cluster, in cluster order. Each document event is
/// released once the last cluster that names it is built (and one no cluster names, at
/// once), so the documents' events and the timeline's are never all held together.
fn build_events(flat: Vec<DocEvent>, clusters: &[Vec<usize>]) -> Vec<Event> {
    let mut last: Vec<Option<usize>> = vec![None; flat.len()];
    for (k, members) in clusters.iter().enumerate() {
        for &i in members {
            last[i] = Some(k);
        }
    }
    let mut flat: Vec<Option<DocEvent>> = flat
        .into_iter()
        .zip(&last)
        .map(|(e, used)| used.map(|_| e))
        .collect();
    let mut taken = BTreeSet::new();
    let mut counters = BTreeMap::new();
    let mut events = Vec::with_capacity(clusters.len());
    for (k, members) in clusters.iter().enumerate() {
        let merged = Merged {
            members: members.iter().filter_map(|&i| flat[i].as_ref()).collect(),
        };
        events.push(build::event(&merged, &mut taken, &mut counters));
        for &i in members {
            if last[i] == Some(k) {
                flat[i] = None;
            }
        }
    }
    events
}

/// Copies by text; the original is the one its copy credits, else the earlier-dated one, a
/// page that shows it republishes an earlier text after one that does not, then the more
/// surely dated.
fn find_copies(docs: &[Document], dcts: &[Dct]) -> Copies {
    let order = |i: usize| {
        let d = &dcts[i];
        (
            d.date.unwrap_or(NaiveDate::MAX),
            d.republished.is_some(),
            d.conflict.is_some(),
            std::cmp::Reverse(d.confidence),
        )
    };
    republish::find_copies(docs, order, |a, b| credit::credits(&docs[a], &docs[b]))
        .into_iter()
        .map(|c| (docs[c.copy].id.clone(), docs[c.original].id.clone()))
        .collect()
}

/// A copy and its original are one text: where one of them has no voice of its own, the
/// outlet's words speak with the other's. A voiceless copy takes the original's voice; a
/// voiceless original takes the author a copy's byline names ("By South Front"), never the
/// copy's outlet, which did not write it.
fn speak_for_originals(events: &mut [DocEvent], docs: &[Document], copies: &Copies) {
    // The name of a document's own voice, when it has one (from front matter or a byline).
    let voice = |d: &Document| Some(outlet_name(d)).filter(|name| *name != d.id);
    let author = |d: &Document| byline_name(d).filter(|name| Some(name) != d.meta.outlet.as_ref());
    let by_id: BTreeMap<&str, &Document> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut borrowed: BTreeMap<&str, String> = BTreeMap::new();
    for (copy, original) in copies {
        let (Some(&c), Some(&o)) = (by_id.get(copy.as_str()), by_id.get(original.as_str())) else {
            continue;
        };
        match (voice(c), voice(o)) {
            (None, Some(name)) => {
                borrowed.insert(copy, name);
            }
            (Some(_), None) => {
                if let Some(name) = author(c) {
                    borrowed.entry(original).or_insert(name);
                }
            }
            _ => {}
        }
    }
    for e in events {
        let Some(name) = borrowed.get(e.doc.as_str()) else {
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
        let words: BTreeSet<&str> = c.iter().flat_map(|&i| events[i].words.distinct()).collect();
        let doc = &events[c[0]].doc;
        let best = articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.iter().any(|&i| &events[i].doc == doc))
            .map(|(k, a)| {
                let other: BTreeSet<&str> =
                    a.iter().flat_map(|&i| events[i].words.distinct()).collect();
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

fn source_of(
    doc: &Document,
    date: Option<NaiveDate>,
    original: Option<&String>,
    base: &Path,
) -> Source {
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
        published: doc.meta.published.or(date.map(When::date)),
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

/// Give memory freed by the worker threads back to the system. glibc keeps what a thread
/// freed for that thread's later use, so that without this, the main thread's allocations
/// that follow the parallel stages come on top of it.
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's arenas to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}
