//! Events told without a date of their own find the event the corpus dates.
//!
//! A text often names an event it does not date: an undated article ("the downing of the
//! plane"), a later one that only recalls it, a sentence that gives no more than the year.
//! Pairwise clustering cannot place such an event, since nothing in time ties it to any one
//! dated event; nor a date no closer than a month ("last October"), which many events share.
//! The corpus can: when it tells one event of that kind, with those actors or
//! places, far more often than any other, the undated telling is of that event. When two
//! dated events compete, nothing is decided and the undated event stays on its own.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::cluster::Places;
use crate::mentions::docevent::{DocEvent, TimeBasis};
use crate::mentions::open::OWN_EVENT_WEIGHT;

/// Ranges wider than this many days are too coarse to place an event among others.
const COARSE_DAYS: i64 = 92;
/// A group dated no closer than this many days ("last October", "in March") is placed like
/// an undated one: a month holds many events, and the corpus's dated one may be this one.
const PRECISE_DAYS: i64 = 8;
/// The winner must be told by at least this many times the documents of the runner-up.
const DOMINANCE: usize = 2;
/// The fewest documents that make an event the corpus's own.
const MIN_SUPPORT: usize = 2;
/// Distinctive words a group is known by.
const TOP_WORDS: usize = 8;
/// Keys shared by more groups than this say too little to propose candidates by.
const KEY_CAP: usize = 256;

/// What the adoption needs to know of a group of document events.
struct Group<'a> {
    members: &'a [usize],
    docs: BTreeSet<&'a str>,
    /// The firm, precise day range all its dated members share; `None` when it has none.
    anchor: Option<(NaiveDate, NaiveDate)>,
}

/// Joins each group without a precise date of its own to the dominant dated group that fits
/// it, if there is one. Groups keep their input order; joined groups sit in their target.
pub fn adopt(
    events: &[DocEvent],
    mut groups: Vec<Vec<usize>>,
    places: &dyn Places,
) -> Vec<Vec<usize>> {
    let target = targets(events, &groups, places);
    for (gi, t) in target.into_iter().enumerate() {
        if let Some(c) = t {
            let moved = std::mem::take(&mut groups[gi]);
            groups[c].extend(moved);
        }
    }
    groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|mut g| {
            g.sort_unstable();
            g
        })
        .collect()
}

/// For each group without a precise date, the dated group it joins, if any.
fn targets(events: &[DocEvent], groups: &[Vec<usize>], places: &dyn Places) -> Vec<Option<usize>> {
    let info: Vec<Group<'_>> = groups
        .iter()
        .map(|g| Group {
            members: g,
            docs: g.iter().map(|&i| events[i].doc.as_str()).collect(),
            anchor: anchor(events, g),
        })
        .collect();
    let about = describe(events, groups, places);
    let precise = |g: &Group<'_>| {
        g.anchor
            .is_some_and(|(lo, hi)| (hi - lo).num_days() < PRECISE_DAYS)
    };
    // Dated groups by the actors, places and kinds they name.
    let mut index: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (gi, g) in info.iter().enumerate() {
        if precise(g) {
            for key in about[gi].entities.iter().chain(&about[gi].kinds) {
                index.entry(key).or_default().push(gi);
            }
        }
    }
    let mut target: Vec<Option<usize>> = vec![None; info.len()];
    for (gi, g) in info.iter().enumerate() {
        if precise(g) {
            continue;
        }
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for key in about[gi].entities.iter().chain(&about[gi].kinds) {
            if let Some(list) = index.get(key.as_str()).filter(|l| l.len() <= KEY_CAP) {
                candidates.extend(list);
            }
        }
        let mut fitting: Vec<(usize, usize)> = candidates
            .into_iter()
            .filter(|&c| about[gi].evidence(&about[c]) && fits(events, g, &info[c], places))
            .map(|c| (info[c].docs.len(), c))
            .collect();
        fitting.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let best = fitting.first().copied();
        let runner_up = fitting.get(1).map_or(0, |r| r.0);
        if let Some((support, c)) = best
            && support >= MIN_SUPPORT
            && support >= DOMINANCE * runner_up.max(1)
        {
            target[gi] = Some(c);
        }
    }
    target
}

/// The precise day range a group's firmly dated members share.
fn anchor(events: &[DocEvent], members: &[usize]) -> Option<(NaiveDate, NaiveDate)> {
    let mut range: Option<(NaiveDate, NaiveDate)> = None;
    for &i in members {
        let e = &events[i];
        if !matches!(
            e.basis,
            TimeBasis::Explicit | TimeBasis::Relative | TimeBasis::Narrative
        ) {
            continue;
        }
        let Some((lo, hi)) = e.when.day_range() else {
            continue;
        };
        if (hi - lo).num_days() > COARSE_DAYS {
            continue;
        }
        range = Some(match range {
            None => (lo, hi),
            Some((a, b)) => (a.max(lo), b.min(hi).max(a.max(lo))),
        });
    }
    range
}

/// What a group is about, for finding and weighing candidates.
struct About<'a> {
    /// Its actors and places (by the gazetteer's keys, so that a village meets its province).
    entities: BTreeSet<String>,
    /// The families of its kinds: candidates in a corpus small enough to have few of them.
    kinds: BTreeSet<String>,
    /// Its most distinctive words: repeated, and used by few other groups (but some: a word
    /// of its own tells nothing about another group).
    top: Vec<&'a str>,
    words: BTreeSet<&'a str>,
}

impl About<'_> {
    /// Something in common beyond the kind: an actor, a place, or two of its distinctive
    /// words (its only one, when it has one).
    fn evidence(&self, other: &About<'_>) -> bool {
        let shared = self.top.iter().filter(|w| other.words.contains(*w)).count();
        self.entities.intersection(&other.entities).next().is_some()
            || shared > 0 && shared >= self.top.len().min(2)
    }
}

fn describe<'a>(
    events: &'a [DocEvent],
    groups: &[Vec<usize>],
    places: &dyn Places,
) -> Vec<About<'a>> {
    let words: Vec<BTreeMap<&str, u32>> = groups
        .iter()
        .map(|g| {
            let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
            for &i in g {
                for (w, c) in events[i].words.counts() {
                    *counts.entry(w).or_default() += c;
                }
            }
            counts
        })
        .collect();
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for counts in &words {
        for w in counts.keys() {
            *df.entry(w).or_default() += 1;
        }
    }
    groups
        .iter()
        .zip(&words)
        .map(|(g, counts)| {
            let mut entities = BTreeSet::new();
            let mut kinds = BTreeSet::new();
            for &i in g {
                for a in &events[i].actors {
                    entities.insert(format!("actor:{}", a.to_lowercase()));
                }
                for p in &events[i].places {
                    for k in places.place_keys(p) {
                        entities.insert(format!("place:{k}"));
                    }
                }
                kinds.insert(format!("kind:{:?}", events[i].kind.family()));
            }
            let mut ranked: Vec<(f64, &str)> = counts
                .iter()
                .filter(|&(w, &c)| c >= 2 && df[w] >= 2)
                .map(|(&w, &c)| {
                    let idf = ((1 + groups.len()) as f64 / df[w] as f64).ln();
                    (f64::from(c).ln_1p() * idf, w)
                })
                .filter(|&(x, _)| x > 0.0)
                .collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
            About {
                entities,
                kinds,
                top: ranked.iter().take(TOP_WORDS).map(|&(_, w)| w).collect(),
                words: counts.keys().copied().collect(),
            }
        })
        .collect()
}

/// Whether the undated group `g` can be the dated group `d`: kinds that fit, no document
/// that told them apart, no place against it, and what dates it has allow `d`'s.
fn fits(events: &[DocEvent], g: &Group<'_>, d: &Group<'_>, places: &dyn Places) -> bool {
    if g.docs.iter().any(|doc| d.docs.contains(doc)) {
        return false;
    }
    // Statements, meetings and appeals recur through a story: only kinds of event that
    // happen once to the same participants are placed by dominance.
    let weighty = |i: usize| events[i].kind.weight() >= OWN_EVENT_WEIGHT;
    let kinds = g.members.iter().all(|&i| {
        weighty(i)
            && d.members
                .iter()
                .any(|&j| weighty(j) && events[i].kind.compatible(events[j].kind))
    });
    if !kinds {
        return false;
    }
    let place_of = |members: &[usize]| -> Vec<&str> {
        members
            .iter()
            .flat_map(|&i| events[i].places.iter().map(String::as_str))
            .collect()
    };
    let (pg, pd) = (place_of(g.members), place_of(d.members));
    if !pg.is_empty()
        && !pd.is_empty()
        && !pg
            .iter()
            .any(|a| pd.iter().any(|b| places.same_place(a, b)))
    {
        return false;
    }
    let Some((lo, hi)) = d.anchor else {
        return false;
    };
    g.members
        .iter()
        .filter_map(|&i| events[i].when.day_range())
        .all(|(a, b)| a <= hi && lo <= b)
}

#[cfg(test)]
mod tests {
    use super::adopt;
    use crate::graph::cluster::ExactPlaces;
    use crate::mentions::docevent::{DocEvent, TimeBasis};
    use crate::mentions::triggers::EventType;

    fn event(
        doc: &str,
        kind: EventType,
        when: &str,
        basis: TimeBasis,
        actors: &[&str],
    ) -> DocEvent {
        DocEvent {
            actors: actors.iter().map(|a| (*a).to_string()).collect(),
            ..DocEvent::new(doc, kind, when.parse().expect("valid EDTF"), basis)
        }
    }

    #[test]
    fn an_undated_telling_joins_the_event_the_corpus_tells_most() {
        let d = |doc: &str| {
            event(
                doc,
                EventType::Attack,
                "2014-07-17",
                TimeBasis::Explicit,
                &["Russia"],
            )
        };
        let events = vec![
            d("a"),
            d("b"),
            d("c"),
            event(
                "x",
                EventType::Attack,
                "2014-05-02",
                TimeBasis::Explicit,
                &["Russia"],
            ),
            event(
                "u",
                EventType::Attack,
                "unknown",
                TimeBasis::Unknown,
                &["Russia"],
            ),
            // Only the year: too coarse to tell which attack, but it allows 2014-07-17.
            event(
                "y",
                EventType::Attack,
                "2014",
                TimeBasis::Explicit,
                &["Russia"],
            ),
            // Known only to come before its 2019 document: it may be the 2014 event too.
            event(
                "z",
                EventType::Attack,
                "../2019-06-19",
                TimeBasis::Dct,
                &["Russia"],
            ),
            // Another kind, a kind that recurs, and a date that rules the event out.
            event(
                "v",
                EventType::Truce,
                "unknown",
                TimeBasis::Unknown,
                &["Russia"],
            ),
            event(
                "s",
                EventType::Statement,
                "unknown",
                TimeBasis::Unknown,
                &["Russia"],
            ),
            event(
                "w",
                EventType::Attack,
                "2015",
                TimeBasis::Explicit,
                &["Russia"],
            ),
            // Only the month ("last July"): placed like an undated telling; another month
            // rules the event out.
            event(
                "m",
                EventType::Attack,
                "2014-07",
                TimeBasis::Relative,
                &["Russia"],
            ),
            event(
                "n",
                EventType::Attack,
                "2014-06",
                TimeBasis::Relative,
                &["Russia"],
            ),
        ];
        let groups = (3..events.len()).map(|i| vec![i]);
        let groups: Vec<Vec<usize>> = std::iter::once(vec![0, 1, 2]).chain(groups).collect();
        let got = adopt(&events, groups, &ExactPlaces);
        assert_eq!(
            got,
            vec![
                vec![0, 1, 2, 4, 5, 6, 10],
                vec![3],
                vec![7],
                vec![8],
                vec![9],
                vec![11]
            ]
        );
    }

    #[test]
    fn rivals_of_like_support_leave_it_alone() {
        let d = |doc: &str, when: &str| {
            event(
                doc,
                EventType::Attack,
                when,
                TimeBasis::Explicit,
                &["Russia"],
            )
        };
        let events = vec![
            d("a", "2014-07-17"),
            d("b", "2014-07-17"),
            d("c", "2014-08-01"),
            event(
                "u",
                EventType::Attack,
                "unknown",
                TimeBasis::Unknown,
                &["Russia"],
            ),
            // Nothing in common with the dated ones: nothing to go on.
            event(
                "v",
                EventType::Attack,
                "unknown",
                TimeBasis::Unknown,
                &["Chile"],
            ),
        ];
        let groups = vec![vec![0, 1], vec![2], vec![3], vec![4]];
        let got = adopt(&events, groups.clone(), &ExactPlaces);
        assert_eq!(got, vec![vec![0, 1, 3], vec![2], vec![4]]);
        let events = [&events[..2], &[d("d", "2014-08-01")], &events[2..]].concat();
        let groups = vec![vec![0, 1], vec![2, 3], vec![4], vec![5]];
        assert_eq!(adopt(&events, groups.clone(), &ExactPlaces), groups);
    }

    #[test]
    fn a_document_that_told_them_apart_keeps_them_apart() {
        let events = vec![
            event(
                "a",
                EventType::Attack,
                "2014-07-17",
                TimeBasis::Explicit,
                &["Russia"],
            ),
            event(
                "b",
                EventType::Attack,
                "2014-07-17",
                TimeBasis::Explicit,
                &["Russia"],
            ),
            event(
                "a",
                EventType::Attack,
                "unknown",
                TimeBasis::Unknown,
                &["Russia"],
            ),
        ];
        let groups = vec![vec![0, 1], vec![2]];
        assert_eq!(adopt(&events, groups.clone(), &ExactPlaces), groups);
    }
}
