//! Which document events are the same real-world event.
//!
//! Pairs are proposed by blocking: events meet in blocks keyed by a month their date touches
//! and one of their kind, places (by country, so that a village meets its province) or
//! actors; undated events meet by place and kind. A block larger than [`FULL_BLOCK`] pairs
//! each member only with its [`WINDOW`] nearest neighbours in time, so the pairs grow
//! linearly with the corpus whatever its span. Pairs are scored in parallel on time, place,
//! actors, type and words, and merged greedily from the best score down, as long as every
//! cluster stays consistent: its members' dates keep a common overlap. The result does not
//! depend on the number of threads.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use chrono::{Datelike, NaiveDate};

use crate::mentions::docevent::{DocEvent, TimeBasis, Words};
use crate::timeline::When;

/// Place knowledge the clustering needs: spelling variants and containment.
pub trait Places: Sync {
    /// True when two place names denote the same place or one lies within the other.
    fn same_place(&self, a: &str, b: &str) -> bool;
    /// Keys such that two names `same_place` joins share at least one.
    fn place_keys(&self, name: &str) -> Vec<String>;
}

/// Exact, case-insensitive comparison; for tests and when no gazetteer is at hand.
pub struct ExactPlaces;

impl Places for ExactPlaces {
    fn same_place(&self, a: &str, b: &str) -> bool {
        a.eq_ignore_ascii_case(b)
    }
    fn place_keys(&self, name: &str) -> Vec<String> {
        vec![name.to_lowercase()]
    }
}

/// Blocks up to this size compare all their pairs.
pub const FULL_BLOCK: usize = 48;
/// In a larger block, each event meets this many neighbours on each side in time.
pub const WINDOW: usize = 24;

/// Tuning of the clustering.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Pairs scoring below this are not merged.
    pub threshold: f64,
    /// Days of slack when comparing dates derived from relative expressions.
    pub slack_days: i64,
}

impl Default for Params {
    fn default() -> Params {
        Params {
            threshold: 0.55,
            slack_days: 1,
        }
    }
}

/// The input's view of document copies: copy source id → original source id.
pub type Copies = BTreeMap<String, String>;

/// Group document events into clusters (indices into `events`), each cluster sorted, the
/// clusters in order of their first member.
pub fn cluster(
    events: &[DocEvent],
    copies: &Copies,
    places: &dyn Places,
    params: Params,
) -> Vec<Vec<usize>> {
    let df = document_frequencies(events);
    let vectors: Vec<Vector<'_>> = events
        .iter()
        .map(|e| tf_idf(e, &df, events.len()))
        .collect();
    let score_of = |a: usize, b: usize| {
        score(
            &events[a],
            &events[b],
            &vectors[a],
            &vectors[b],
            copies,
            places,
            params,
        )
    };
    let blocks = blocks(events, copies, places);
    let mut scored: Vec<(f64, usize, usize)> = blocks
        .par_iter()
        .flat_map_iter(|members| {
            block_pairs(events, members)
                .into_iter()
                .map(|(a, b)| (score_of(a, b), a, b))
                .filter(|&(s, _, _)| s >= params.threshold)
        })
        .collect();
    // Best first; ties in input order, for determinism. A pair met in several blocks once.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    scored.dedup_by(|x, y| x.1 == y.1 && x.2 == y.2);

    let mut parent: Vec<usize> = (0..events.len()).collect();
    let mut range: Vec<Option<(NaiveDate, NaiveDate)>> = events.iter().map(firm_range).collect();
    // Each cluster's members by document, to find the pairs one document separated.
    let mut by_doc: Vec<HashMap<&str, Vec<usize>>> = events
        .iter()
        .enumerate()
        .map(|(i, e)| HashMap::from([(e.doc.as_str(), vec![i])]))
        .collect();
    for (_, a, b) in scored {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        if ra == rb {
            continue;
        }
        // A document that told two events apart keeps them apart: clusters joined through
        // other documents may not bring together what one document separated, unless those
        // two would merge on their own.
        let (small, large) = if by_doc[ra].len() <= by_doc[rb].len() {
            (&by_doc[ra], &by_doc[rb])
        } else {
            (&by_doc[rb], &by_doc[ra])
        };
        let separated = small.iter().any(|(doc, xs)| {
            large.get(doc).is_some_and(|ys| {
                xs.iter()
                    .any(|&x| ys.iter().any(|&y| score_of(x, y) < params.threshold))
            })
        });
        if separated {
            continue;
        }
        let merged = match (range[ra], range[rb]) {
            (Some((a0, a1)), Some((b0, b1))) => {
                let (lo, hi) = (a0.max(b0), a1.min(b1));
                if lo > hi + chrono::Duration::days(params.slack_days) {
                    continue;
                }
                Some((lo.min(hi), hi.max(lo)))
            }
            (x, y) => x.or(y),
        };
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[gone] = keep;
        range[keep] = merged;
        let moved = std::mem::take(&mut by_doc[gone]);
        for (doc, xs) in moved {
            by_doc[keep].entry(doc).or_default().extend(xs);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..events.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by_key(|g| g[0]);
    out
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The date range a member holds its cluster to: only dates read from the text itself.
fn firm_range(e: &DocEvent) -> Option<(NaiveDate, NaiveDate)> {
    match e.basis {
        TimeBasis::Explicit | TimeBasis::Relative | TimeBasis::Narrative => e.when.day_range(),
        _ => None,
    }
}

/// The blocks of candidate pairs, each a sorted list of event indices, in a fixed order.
fn blocks(events: &[DocEvent], copies: &Copies, places: &dyn Places) -> Vec<Vec<usize>> {
    let mut buckets: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut put = |key: String, i: usize| buckets.entry(key).or_default().push(i);
    for (i, e) in events.iter().enumerate() {
        let place_keys: BTreeSet<String> =
            e.places.iter().flat_map(|p| places.place_keys(p)).collect();
        let months = block_keys(e);
        // Undated events meet by place and kind, and by place any event of that place.
        for p in &place_keys {
            put(format!("place:{p}"), i);
        }
        let times = if months.is_empty() {
            vec!["undated".to_string()]
        } else {
            months
        };
        for t in &times {
            put(format!("{t}|kind:{:?}", e.kind.family()), i);
            for p in &place_keys {
                put(format!("{t}|place:{p}"), i);
            }
            for a in &e.actors {
                put(format!("{t}|actor:{}", a.to_lowercase()), i);
            }
        }
    }
    // Copies of one text are compared event by event, whatever their dates.
    let originals: BTreeSet<&str> = copies.values().map(String::as_str).collect();
    for (i, e) in events.iter().enumerate() {
        let root = copies.get(&e.doc).map_or(e.doc.as_str(), String::as_str);
        if copies.contains_key(&e.doc) || originals.contains(e.doc.as_str()) {
            put(format!("text:{root}"), i);
        }
    }
    buckets
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.dedup();
            m
        })
        .collect()
}

/// The pairs a block proposes: all of them in a small block; in a large one, each event with
/// its nearest neighbours in time (undated events last, in input order).
fn block_pairs(events: &[DocEvent], members: &[usize]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    if members.len() <= FULL_BLOCK {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                pairs.push((a.min(b), a.max(b)));
            }
        }
        return pairs;
    }
    // Dated members meet their neighbours in time; undated ones, having no time, their
    // neighbours in input order (documents read together sit together).
    let (mut dated, undated): (Vec<usize>, Vec<usize>) = members
        .iter()
        .partition(|&&i| events[i].when.day_range().is_some());
    dated.sort_by_key(|&i| (events[i].when.day_range().map(|r| r.0), i));
    for (k, &a) in dated.iter().enumerate() {
        for &b in dated.iter().skip(k + 1).take(WINDOW) {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    for &u in &undated {
        let at = members.partition_point(|&m| m < u);
        let lo = at.saturating_sub(WINDOW);
        for &m in &members[lo..(at + WINDOW + 1).min(members.len())] {
            if m != u {
                pairs.push((u.min(m), u.max(m)));
            }
        }
    }
    pairs
}

/// The blocks an event belongs to: the months its date touches; for an event known only to
/// precede its document, the month of that document's date and the one before (news tells
/// recent events).
fn block_keys(e: &DocEvent) -> Vec<String> {
    if e.basis == TimeBasis::Dct
        && let Some((_, dct)) = e.when.day_range()
    {
        let earlier = dct - chrono::Duration::days(31);
        return month_keys(&When::between(earlier, dct));
    }
    month_keys(&e.when)
}

/// Month keys a date range touches; none for unknown or very wide ranges (a year or more),
/// which would put everything in one block.
fn month_keys(when: &When) -> Vec<String> {
    let Some((lo, hi)) = when.day_range() else {
        return Vec::new();
    };
    if (hi - lo).num_days() > 92 {
        return Vec::new();
    }
    let mut keys = Vec::new();
    let (mut y, mut m) = (lo.year(), lo.month());
    while (y, m) <= (hi.year(), hi.month()) {
        keys.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    keys
}

fn document_frequencies(events: &[DocEvent]) -> BTreeMap<&str, usize> {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for e in events {
        for w in e.words.distinct() {
            *df.entry(w).or_default() += 1;
        }
    }
    df
}

/// An event's words weighed by tf-idf, in the order of its `Words` (byte order).
struct Vector<'a> {
    words: &'a Words,
    weights: Box<[f64]>,
}

fn tf_idf<'a>(e: &'a DocEvent, df: &BTreeMap<&str, usize>, n: usize) -> Vector<'a> {
    let mut weights: Box<[f64]> = e
        .words
        .counts()
        .map(|(w, c)| {
            let d = df.get(w).copied().unwrap_or(1) as f64;
            (1.0 + f64::from(c).ln()) * ((1.0 + n as f64) / d).ln()
        })
        .collect();
    let norm = weights.iter().map(|x| x * x).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in weights.iter_mut() {
            *x /= norm;
        }
    }
    Vector {
        words: &e.words,
        weights,
    }
}

/// The sum, in the shorter vector's word order, of the products of the weights of the words
/// both have.
fn cosine(a: &Vector<'_>, b: &Vector<'_>) -> f64 {
    let (small, large) = if a.weights.len() <= b.weights.len() {
        (a, b)
    } else {
        (b, a)
    };
    let mut other = large.words.distinct().zip(large.weights.iter()).peekable();
    small
        .words
        .distinct()
        .zip(small.weights.iter())
        .filter_map(|(w, x)| {
            while other.next_if(|(v, _)| *v < w).is_some() {}
            other.next_if(|(v, _)| *v == w).map(|(_, y)| x * y)
        })
        .sum()
}

/// How alike two document events are, 0..=1.
fn score(
    a: &DocEvent,
    b: &DocEvent,
    va: &Vector<'_>,
    vb: &Vector<'_>,
    copies: &Copies,
    places: &dyn Places,
    params: Params,
) -> f64 {
    if !a.kind.compatible(b.kind) {
        return 0.0;
    }
    // Copies of one text: the same event is the one told in the same words.
    let root = |d: &str| copies.get(d).map_or(d.to_string(), Clone::clone);
    if a.doc != b.doc && root(&a.doc) == root(&b.doc) {
        return if shared_quotes(a, b) >= 0.5 { 1.0 } else { 0.0 };
    }
    let time = time_similarity(a, b, params);
    if time == 0.0 {
        return 0.0;
    }
    let place = set_similarity(&a.places, &b.places, |x, y| places.same_place(x, y));
    let actors = set_similarity(&a.actors, &b.actors, |x, y| x.eq_ignore_ascii_case(y));
    let words = cosine(va, vb);
    let place_score = place.unwrap_or(0.5);
    let actor_score = actors.unwrap_or(0.5);
    if place == Some(0.0) && words < 0.5 {
        // Different places named on both sides: different events, unless the words insist.
        return 0.0;
    }
    // An event dated only by its document joins a dated one on firm evidence only: the same
    // place, or much the same words.
    let dct_only = |e: &DocEvent| matches!(e.basis, TimeBasis::Dct | TimeBasis::Unknown);
    if (dct_only(a) || dct_only(b)) && place != Some(1.0) && words < 0.3 {
        return 0.0;
    }
    let s = 0.35 * time + 0.25 * place_score + 0.15 * actor_score + 0.25 * words.min(1.0);
    if a.doc == b.doc {
        // The document already separated these; merge only on strong agreement, and only
        // events of one kind (an offensive told beside an air strike is another event).
        if a.kind != b.kind {
            return 0.0;
        }
        return if time >= 0.9 && place_score >= 0.9 && s >= 0.75 {
            s
        } else {
            0.0
        };
    }
    s
}

/// Share of the smaller event's quotes that the other tells in the same words.
fn shared_quotes(a: &DocEvent, b: &DocEvent) -> f64 {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('’', "'")
            .to_lowercase()
    };
    let qa: BTreeSet<String> = a.mentions.iter().map(|m| norm(&m.quote)).collect();
    let qb: BTreeSet<String> = b.mentions.iter().map(|m| norm(&m.quote)).collect();
    let small = qa.len().min(qb.len());
    if small == 0 {
        return 0.0;
    }
    qa.intersection(&qb).count() as f64 / small as f64
}

/// 1 when both dates are firm and precise and overlap; less when coarse or weak; 0 when they
/// cannot be the same time.
fn time_similarity(a: &DocEvent, b: &DocEvent, params: Params) -> f64 {
    let weak = |e: &DocEvent| {
        matches!(
            e.basis,
            TimeBasis::Dct | TimeBasis::Unknown | TimeBasis::Inherited
        )
    };
    if let Some(s) = recent(a, b).or_else(|| recent(b, a)) {
        return s;
    }
    match (a.when.day_range(), b.when.day_range()) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let width = |lo: NaiveDate, hi: NaiveDate| (hi - lo).num_days() + 1;
            let widest = width(a0, a1).max(width(b0, b1));
            // Dates read from the text exactly need no slack; relative ones ("last week",
            // "on Monday") may be a day, or for a week-long expression a week, off.
            let both_explicit = a.basis == TimeBasis::Explicit && b.basis == TimeBasis::Explicit;
            let slack = if both_explicit {
                0
            } else if (5..=8).contains(&widest) {
                params.slack_days.max(7)
            } else {
                params.slack_days
            };
            let slack = chrono::Duration::days(slack);
            if a0 > b1 + slack || b0 > a1 + slack {
                return if weak(a) || weak(b) { 0.2 } else { 0.0 };
            }
            let precise = match widest {
                1..=2 => 1.0,
                3..=8 => 0.8,
                9..=45 => 0.6,
                _ => 0.4,
            };
            if weak(a) || weak(b) {
                precise * 0.6
            } else {
                precise
            }
        }
        // One side undated: no evidence against, some for (the documents are about the
        // same period or they would not be read together).
        _ => 0.6,
    }
}

/// For an event known only to precede its document (`../DCT`) and an event with a firm date:
/// news tells recent events, so a firm date shortly before that document's date is likely the
/// same time, an old one unlikely. `None` when the pair is not of that sort.
fn recent(bounded: &DocEvent, firm: &DocEvent) -> Option<f64> {
    let firm_basis = matches!(
        firm.basis,
        TimeBasis::Explicit | TimeBasis::Relative | TimeBasis::Narrative
    );
    if bounded.basis != TimeBasis::Dct || !firm_basis {
        return None;
    }
    let (_, dct) = bounded.when.day_range()?;
    let (lo, hi) = firm.when.day_range()?;
    if lo > dct {
        return Some(0.0);
    }
    Some(match (dct - hi).num_days() {
        0..=14 => 0.7,
        15..=60 => 0.4,
        _ => 0.15,
    })
}

/// Share of the smaller list matched in the other; `None` when either is empty.
fn set_similarity(a: &[String], b: &[String], same: impl Fn(&str, &str) -> bool) -> Option<f64> {
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let hits = small
        .iter()
        .filter(|x| large.iter().any(|y| same(x, y)))
        .count();
    Some(hits as f64 / small.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mentions::claim::ClaimantKind;
    use crate::mentions::docevent::{Mention, content_words};
    use crate::mentions::triggers::EventType;
    use crate::timeline::Stance;

    fn event(
        doc: &str,
        kind: EventType,
        when: &str,
        basis: TimeBasis,
        places: &[&str],
        text: &str,
    ) -> DocEvent {
        DocEvent {
            places: places.iter().map(|p| p.to_string()).collect(),
            mentions: vec![Mention {
                start: 0,
                end: text.len(),
                quote: text.into(),
                claimant: "x".into(),
                claimant_kind: ClaimantKind::Outlet,
                via: vec![],
                stance: Stance::Asserts,
                facets: Default::default(),
                comment: false,
                stated_on: None,
                trigger: Some(kind),
            }],
            words: content_words(text).into(),
            gist: text.into(),
            ..DocEvent::new(doc, kind, when.parse().expect("date"), basis)
        }
    }

    #[test]
    fn a_crowded_month_still_merges_the_same_event_and_bounds_its_pairs() {
        // Three hundred attacks in one month and place, each day's told by two documents:
        // the block is far over FULL_BLOCK, and every day's pair still merges.
        let mut events = Vec::new();
        for day in 0..150 {
            let date = format!("2021-03-{:02}", day % 28 + 1);
            let place = format!("Town{day}");
            for doc in ["a", "b"] {
                events.push(event(
                    &format!("{doc}{day}"),
                    EventType::Attack,
                    &date,
                    TimeBasis::Explicit,
                    &[place.as_str()],
                    &format!("Jets bombed the depot of {place}"),
                ));
            }
        }
        let clusters = cluster(&events, &Copies::new(), &ExactPlaces, Params::default());
        for day in 0..150 {
            assert!(
                clusters.contains(&vec![2 * day, 2 * day + 1]),
                "day {day}: {clusters:?}"
            );
        }
        let all: Vec<usize> = (0..events.len()).collect();
        let pairs = block_pairs(&events, &all);
        assert!(
            pairs.len() <= events.len() * WINDOW,
            "{} pairs",
            pairs.len()
        );
    }

    #[test]
    fn same_event_across_documents_merges_and_others_do_not() {
        let events = vec![
            event(
                "a",
                EventType::Attack,
                "2021-03-02",
                TimeBasis::Explicit,
                &["Elmsford"],
                "Jets bombed the Elmsford depot",
            ),
            event(
                "b",
                EventType::Attack,
                "2021-03-02",
                TimeBasis::Relative,
                &["Elmsford"],
                "The depot at Elmsford was bombed",
            ),
            event(
                "c",
                EventType::Attack,
                "2021-03-09",
                TimeBasis::Explicit,
                &["Elmsford"],
                "Jets bombed the Elmsford depot again",
            ),
            event(
                "d",
                EventType::Meeting,
                "2021-03-02",
                TimeBasis::Explicit,
                &["Elmsford"],
                "Leaders met in Elmsford",
            ),
        ];
        let clusters = cluster(&events, &Copies::new(), &ExactPlaces, Params::default());
        assert_eq!(clusters, vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn copies_align_by_their_words() {
        let events = vec![
            event(
                "orig",
                EventType::Attack,
                "2021-03-02",
                TimeBasis::Explicit,
                &[],
                "Jets bombed the depot",
            ),
            event(
                "orig",
                EventType::Attack,
                "2021-02",
                TimeBasis::Explicit,
                &[],
                "An earlier raid hit the depot",
            ),
            event(
                "copy",
                EventType::Attack,
                "unknown",
                TimeBasis::Unknown,
                &[],
                "An earlier raid hit the depot",
            ),
        ];
        let copies: Copies = [("copy".to_string(), "orig".to_string())].into();
        let clusters = cluster(&events, &copies, &ExactPlaces, Params::default());
        assert_eq!(clusters, vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn clusters_keep_a_common_date() {
        // b overlaps a and c, but a and c do not overlap: b joins one of them only.
        let events = vec![
            event(
                "a",
                EventType::Attack,
                "2021-03-01",
                TimeBasis::Explicit,
                &["Elmsford"],
                "depot bombed",
            ),
            event(
                "b",
                EventType::Attack,
                "2021-03-01/2021-03-05",
                TimeBasis::Explicit,
                &["Elmsford"],
                "depot bombed",
            ),
            event(
                "c",
                EventType::Attack,
                "2021-03-05",
                TimeBasis::Explicit,
                &["Elmsford"],
                "depot bombed",
            ),
        ];
        let clusters = cluster(
            &events,
            &Copies::new(),
            &ExactPlaces,
            Params {
                threshold: 0.3,
                slack_days: 0,
            },
        );
        assert_eq!(clusters.len(), 2);
    }

    #[test]
    fn what_one_document_separates_stays_apart() {
        // Document a tells a strike and an offensive on the same day at the same place; b
        // tells an attack that matches both. b joins one of them, never both.
        let events = vec![
            event(
                "a",
                EventType::Attack,
                "2021-03-02",
                TimeBasis::Explicit,
                &["Elmsford"],
                "jets bombed the depot",
            ),
            event(
                "a",
                EventType::Offensive,
                "2021-03-02",
                TimeBasis::Explicit,
                &["Elmsford"],
                "militias advanced on the depot",
            ),
            event(
                "b",
                EventType::Attack,
                "2021-03-02",
                TimeBasis::Relative,
                &["Elmsford"],
                "the depot was bombed and militias advanced",
            ),
        ];
        let clusters = cluster(
            &events,
            &Copies::new(),
            &ExactPlaces,
            Params {
                threshold: 0.3,
                slack_days: 1,
            },
        );
        assert!(
            clusters.iter().all(|c| !(c.contains(&0) && c.contains(&1))),
            "{clusters:?}"
        );
        assert_eq!(clusters.len(), 2);
    }

    #[test]
    fn month_keys_cover_the_range() {
        assert_eq!(
            month_keys(&"2016-08-30/2016-09-02".parse().unwrap()),
            ["2016-08", "2016-09"]
        );
        assert!(month_keys(&"2016".parse().unwrap()).is_empty());
    }
}
