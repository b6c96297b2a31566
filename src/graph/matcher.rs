//! Matching a newly extracted event to an event of an edited timeline.

use std::collections::BTreeSet;

use crate::gazetteer::Gazetteer;
use crate::mentions::docevent::content_words;
use crate::timeline::merge::EventMatcher;
use crate::timeline::{Event, Timeline};

/// Scores with the same evidence the clustering uses: dates, kind (tags), places through the
/// gazetteer's spelling variants, actors, and the words of titles and quotes.
pub struct GraphMatcher<'a> {
    pub gazetteer: &'a Gazetteer,
}

impl EventMatcher for GraphMatcher<'_> {
    fn score(&self, existing: &Event, candidate: &Event, _timeline: &Timeline) -> f64 {
        let time = match (existing.when.is_unknown(), candidate.when.is_unknown()) {
            (false, false) if existing.when.overlaps(&candidate.when) => 1.0,
            (false, false) => return 0.0,
            _ => 0.5,
        };
        let kind = if existing.tags.iter().any(|t| candidate.tags.contains(t)) {
            1.0
        } else {
            0.0
        };
        let place = if existing.places.is_empty() || candidate.places.is_empty() {
            0.5
        } else if existing.places.iter().any(|a| {
            candidate
                .places
                .iter()
                .any(|b| self.gazetteer.same_place(a, b))
        }) {
            1.0
        } else {
            0.0
        };
        let actors = overlap(&existing.actors, &candidate.actors);
        let words = overlap(&words_of(existing), &words_of(candidate));
        0.3 * time + 0.2 * kind + 0.2 * place + 0.1 * actors + 0.2 * words
    }
}

fn words_of(e: &Event) -> Vec<String> {
    let mut text = e.title.clone();
    for a in &e.accounts {
        if let Some(q) = &a.quote {
            text.push(' ');
            text.push_str(q);
        }
    }
    content_words(&text)
}

/// Shared share of the smaller set; 0.5 when either is empty (no evidence either way).
fn overlap(a: &[String], b: &[String]) -> f64 {
    let a: BTreeSet<String> = a.iter().map(|s| s.to_lowercase()).collect();
    let b: BTreeSet<String> = b.iter().map(|s| s.to_lowercase()).collect();
    if a.is_empty() || b.is_empty() {
        return 0.5;
    }
    a.intersection(&b).count() as f64 / a.len().min(b.len()) as f64
}
