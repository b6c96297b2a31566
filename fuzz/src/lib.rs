//! The bodies of the fuzz targets, each with the properties it checks besides "no panic".
//!
//! This file uses only the `rashomon` crate, so that the integration suite can include it
//! (`tests/suite/fuzzed.rs`) and replay every input the fuzzers ever crashed on, on stable.

use std::path::Path;

use rashomon::gazetteer::Gazetteer;
use rashomon::graph::cluster::Params;
use rashomon::ingest::{self, Document, Format};
use rashomon::pipeline::{self, Options};
use rashomon::render::html;
use rashomon::timeline::{self, check, merge};

/// Loading a timeline: whatever loads saves, loads again the same, and renders.
pub fn timeline_load(data: &[u8]) {
    let Ok(timeline) = timeline::load_bytes("fuzz.yaml", data) else {
        return;
    };
    let text = timeline::to_yaml(&timeline).expect("a loaded timeline saves");
    let again = timeline::load_str("saved.yaml", &text)
        .unwrap_or_else(|e| panic!("a saved timeline loads again: {e}\n{text}"));
    assert_eq!(again, timeline, "load, save, load changes nothing");
    html::page(&timeline).expect("a loaded timeline renders");
}

/// `check` on any bytes: every problem has a place inside the file and prints.
pub fn check(data: &[u8]) {
    let checked = check::check_bytes("fuzz.yaml", data);
    let lines = data.split(|&b| b == b'\n').count();
    for p in &checked.problems {
        assert!(p.line >= 1 && p.line <= lines.max(1), "{p:?}");
        let _ = p.to_string();
        plain_words(&p.message, data);
    }
}

/// Messages are for people: no Rust type or library names. A message may quote the file's
/// own words (a key, a value), whatever they are: a word counts only when the file does not
/// hold it.
fn plain_words(message: &str, data: &[u8]) {
    let file = String::from_utf8_lossy(data);
    for internal in [
        "untagged",
        "enum ",
        "struct ",
        "Options",
        "::",
        "DuplicateKeyPolicy",
    ] {
        assert!(
            !message.contains(internal) || file.contains(internal),
            "message exposes internals ({internal}): {message}"
        );
    }
}

/// Segments are in order, inside the text, on character boundaries.
fn well_formed(doc: &Document) {
    let mut last = 0;
    for s in &doc.segments {
        assert!(s.start <= s.end && s.end <= doc.text.len(), "{s:?}");
        assert!(last <= s.start, "segments overlap: {:?}", doc.segments);
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        last = s.end;
    }
}

/// Ingesting a text or Markdown file.
pub fn ingest_text(data: &[u8]) {
    let format = if data.first().is_some_and(|b| b & 1 == 1) {
        Format::Markdown
    } else {
        Format::Text
    };
    if let Ok(doc) = ingest::read_str("fuzz.md", data, format) {
        well_formed(&doc);
    }
}

/// Ingesting an HTML page.
pub fn ingest_html(data: &[u8]) {
    if let Ok(doc) = ingest::read_str("fuzz.html", data, Format::Html) {
        well_formed(&doc);
    }
}

/// The temporal tagger, with a document date chosen by the first two bytes (none, ordinary
/// days, and the calendar's extremes).
pub fn dates(data: &[u8]) {
    use chrono::NaiveDate;
    let (head, rest) = data.split_at(data.len().min(2));
    let dct = match head {
        [] | [0, ..] => None,
        [1, ..] => Some(NaiveDate::MIN),
        [2, ..] => Some(NaiveDate::MAX),
        [a, b, ..] => NaiveDate::from_yo_opt(1900 + i32::from(*a), 1 + u32::from(*b)),
        [a] => NaiveDate::from_yo_opt(1900 + i32::from(*a), 1),
    };
    let text = String::from_utf8_lossy(rest);
    for t in rashomon::dates::tag(&text, dct) {
        assert!(t.start <= t.end && t.end <= text.len(), "{t:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
    }
}

/// Tokenizer, tagger and parser on one piece of text: words inside it, heads inside the
/// sentence.
pub fn syntax(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let model = rashomon::syntax::model().expect("the built-in model loads");
    let words = rashomon::syntax::parse_text(model, &text, 0);
    for w in &words {
        assert!(w.start <= w.end && w.end <= text.len());
        assert_eq!(&text[w.start..w.end], w.form);
        assert!(w.head <= words.len());
    }
}

/// One document through the whole pipeline: the timeline it gives checks clean and renders.
pub fn extract(data: &[u8]) {
    let Ok(doc) = ingest::read_str("fuzz.md", data, Format::Markdown) else {
        return;
    };
    let options = Options {
        gazetteer: Gazetteer::builtin(),
        params: Params::default(),
        progress: &|| {},
    };
    let (t, _) = pipeline::extract(&[doc], Path::new("."), &options);
    let text = timeline::to_yaml(&t).expect("an extracted timeline saves");
    let checked = check::check_str("extracted.yaml", &text);
    assert!(
        checked.problems.is_empty(),
        "{:?}\n{text}",
        checked.problems
    );
    html::page(&t).expect("an extracted timeline renders");
}

/// Merging a candidate into a timeline file: the two texts are split at the first `\n===\n`.
/// A merge either refuses or gives a file that loads.
pub fn merge(data: &[u8]) {
    let Ok(all) = std::str::from_utf8(data) else {
        return;
    };
    let Some((target, candidate)) = all.split_once("\n===\n") else {
        return;
    };
    let Ok(candidate) = timeline::load_str("candidate.yaml", candidate) else {
        return;
    };
    let Ok((merged, _)) = merge::merge_into(
        "target.yaml",
        target,
        &candidate,
        &merge::SimpleMatcher,
        merge::DEFAULT_THRESHOLD,
    ) else {
        return;
    };
    if let Err(e) = timeline::load_str("merged.yaml", &merged) {
        panic!("a merge gives a file that loads: {e}\n{merged}");
    }
}
