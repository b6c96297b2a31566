//! What the page's search reads: for each event, in page order, the words of its own text and
//! the days its date may cover. The script finds events by these alone, so a search matches
//! the timeline (titles, quotes, summaries, claimants, sources, places, actors, tags, facets,
//! notes) and dates in any written form ("2016-09-17", "17 Sep", "September 17, 2016"),
//! never the page's labels ("accounts", "independent", "where").
//!
//! The index is JSON in a `<script type="application/json">` element: data, never run, so it
//! needs no allowance in the page's content security policy.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::view::{EventView, Page};
use crate::timeline::{Bound, Point, When};

/// One event's entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// The event's distinct words, lower-cased, in order of first appearance, separated by
    /// spaces.
    pub w: String,
    /// First and last possible day as `yyyymmdd` numbers (`None` for an open or unknown end),
    /// and 1 when the date is an interval (a search for a day inside it finds it) rather than
    /// a point (found by a search for a span that holds it). `None` without a date.
    pub d: Option<(Option<i64>, Option<i64>, u8)>,
}

/// The index as JSON that is safe inside a `<script>` element: `<`, `>` and `&` are written
/// as `\u003c`, `\u003e` and `\u0026`, so no text in it can close the element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex(String);

impl fmt::Display for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Safe by construction: see the type's documentation.
impl askama::filters::HtmlSafe for SearchIndex {}

/// The entries of a page's events, in the page's order.
pub fn entries(page: &Page) -> Vec<Entry> {
    page.events.iter().map(entry).collect()
}

/// The index of a page's events.
pub fn index(page: &Page) -> SearchIndex {
    let json = serde_json::to_string(&entries(page)).unwrap_or_else(|_| "[]".to_string());
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            c => safe.push(c),
        }
    }
    SearchIndex(safe)
}

fn entry(e: &EventView) -> Entry {
    let mut words = Words::default();
    words.add(&e.title);
    e.places.iter().for_each(|p| words.add(p));
    e.actors.iter().for_each(|a| words.add(a));
    e.tags.iter().for_each(|t| words.add(t));
    if let Some(n) = &e.notes {
        words.add(n);
    }
    for a in &e.accounts {
        words.add(&a.claimant);
        // ", via BBC, via Reuters": the names, not the word "via".
        a.via_text.split(", via ").for_each(|v| words.add(v));
        words.add(&a.stance);
        words.add(&a.source.name);
        for text in a.summary.iter().chain(&a.quote) {
            words.add(text);
        }
        for f in &a.facets {
            words.add(&f.name);
            words.add(&f.value);
        }
    }
    for d in &e.disputes {
        words.add(&d.facet);
        d.positions.iter().for_each(|p| words.add(&p.value));
        if let Some(n) = &d.note {
            words.add(n);
        }
    }
    for (facet, note) in &e.dispute_notes {
        words.add(facet);
        words.add(note);
    }
    Entry {
        w: words.list.join(" "),
        d: e.when.edtf.parse::<When>().ok().and_then(|w| days(&w)),
    }
}

/// Distinct lower-cased words in order of first appearance.
#[derive(Default)]
struct Words {
    seen: BTreeSet<String>,
    list: Vec<String>,
}

impl Words {
    fn add(&mut self, text: &str) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.is_empty() {
                continue;
            }
            let word = word.to_lowercase();
            if self.seen.insert(word.clone()) {
                self.list.push(word);
            }
        }
    }
}

/// The days a date may cover, as the script compares them.
fn days(when: &When) -> Option<(Option<i64>, Option<i64>, u8)> {
    let first = |p: &Point| number(p.first_day());
    let last = |p: &Point| number(p.last_day());
    match when {
        When::Unknown => None,
        When::Point(p) => {
            Some((first(p), last(p), 0)).filter(|(a, b, _)| a.is_some() && b.is_some())
        }
        When::Interval(a, b) => {
            let lo = match a {
                Bound::At(p) => first(p),
                _ => None,
            };
            let hi = match b {
                Bound::At(p) => last(p),
                _ => None,
            };
            Some((lo, hi, 1))
        }
    }
}

/// `2016-09-17` as 20160917; `None` beyond the calendar (a clamped day).
fn number(d: NaiveDate) -> Option<i64> {
    if d == NaiveDate::MIN || d == NaiveDate::MAX {
        return None;
    }
    Some(i64::from(d.year()) * 10_000 + i64::from(d.month()) * 100 + i64::from(d.day()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Account, Event, FacetValue, Source, Stance, Timeline};

    fn timeline() -> Timeline {
        let mut t = Timeline {
            title: "T".into(),
            ..Timeline::default()
        };
        t.sources.push(Source {
            id: "gazette".into(),
            outlet: Some("Elmsford Gazette".into()),
            ..Source::default()
        });
        let mut account = Account {
            id: "a".into(),
            source: "gazette".into(),
            claimant: "Mayor Ilse Brändt".into(),
            via: vec!["Radio Elm".into()],
            stance: Stance::Denies,
            quote: Some("The levee <held> & the board lied".into()),
            ..Account::default()
        };
        account
            .facets
            .insert("killed".into(), FacetValue::Text("at least 62".into()));
        t.events.push(Event {
            id: "breach".into(),
            title: "Levee breaks north of the town".into(),
            when: "2021-03-02".parse().unwrap(),
            places: vec!["Elmsford".into()],
            accounts: vec![account],
            ..Event::default()
        });
        t.events.push(Event {
            id: "later".into(),
            title: "Inquiry".into(),
            when: "2021-03-04/..".parse().unwrap(),
            ..Event::default()
        });
        t.events.push(Event {
            id: "undated".into(),
            title: "Rumour".into(),
            when: When::Unknown,
            ..Event::default()
        });
        crate::timeline::normalize(&mut t);
        t
    }

    #[test]
    fn words_are_the_timelines_own_and_never_labels() {
        let page = Page::new(&timeline());
        let e = &entries(&page)[0];
        let words: Vec<&str> = e.w.split(' ').collect();
        for w in [
            "levee", "breaks", "elmsford", "mayor", "brändt", "radio", "elm", "denies", "gazette",
            "held", "killed", "62",
        ] {
            assert!(words.contains(&w), "{w} missing from {words:?}");
        }
        for label in [
            "accounts",
            "account",
            "independent",
            "where",
            "via",
            "source",
            "tags",
        ] {
            assert!(!words.contains(&label), "{label} is a label: {words:?}");
        }
        // Each word once.
        let distinct: BTreeSet<&&str> = words.iter().collect();
        assert_eq!(distinct.len(), words.len());
    }

    #[test]
    fn days_of_points_intervals_and_unknown_dates() {
        let page = Page::new(&timeline());
        let e = entries(&page);
        assert_eq!(e[0].d, Some((Some(20210302), Some(20210302), 0)));
        assert_eq!(e[1].d, Some((Some(20210304), None, 1)));
        assert_eq!(e[2].d, None);
        let w = |s: &str| days(&s.parse().unwrap());
        assert_eq!(w("2016-09"), Some((Some(20160901), Some(20160930), 0)));
        assert_eq!(w("2016-24"), Some((Some(20161201), Some(20170228), 0)));
        assert_eq!(w("-0044-03-15"), Some((Some(-439685), Some(-439685), 0)));
        assert_eq!(w("Y170000002"), None);
    }

    #[test]
    fn the_index_cannot_close_its_script_element() {
        let page = Page::new(&timeline());
        let json = index(&page).to_string();
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert!(back[0]["w"].as_str().unwrap().contains("held"));
    }
}
