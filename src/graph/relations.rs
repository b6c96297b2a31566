//! Relations between events: part-of, order, and causal links as someone claims them.
//!
//! A causal or response link is itself a claim, so it is read off one account's text and
//! carries that account in `claimed_by`:
//! - "the accusations are designed to distract attention from the bombing on 17 September":
//!   the account's event is a response to the bombing;
//! - "the strikes allowed ISIS to advance", "caused ISIS to advance": the advance was caused
//!   by the strikes (the account's event, or the event its subject names);
//! - "the offensive came in response to", "as a result of": the account's event was caused
//!   by the other;
//! - "minutes after the airstrikes": the account's event came after, and is part of, the
//!   episode of the airstrikes.
//!
//! The other end is the event the phrase names: by the kind of its trigger, its date when it
//! gives one, and its place, nearest in time; never the account's own event. The end of a
//! truce is part of that truce.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use regex::Regex;

use crate::dates;
use crate::gazetteer::Gazetteer;
use crate::mentions::triggers::{self, EventType};
use crate::timeline::{Event, Relation, RelationKind, Timeline};

/// How a cue ties the account's event to the event its phrase names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tie {
    /// The account's event responds to the named one (which follows the cue).
    RespondsTo,
    /// The account's event was caused by the named one (which follows the cue).
    CausedBy,
    /// The named event (after the cue) was caused by the account's event or the cue's subject.
    Causes,
    /// The account's event came shortly after the named one (which follows the cue).
    Follows,
}

static CUES: LazyLock<Vec<(Regex, Tie)>> = LazyLock::new(|| {
    let r = |p: &str| Regex::new(p).expect("valid cue pattern");
    vec![
        (
            r(
                r"(?i)\b(?:designed|meant|intended|aimed)\b[^.;]{0,40}?\b(?:to\s+)?(?:distract|divert)\w*\s+(?:attention\s+)?(?:away\s+)?from\b",
            ),
            Tie::RespondsTo,
        ),
        (
            r(r"(?i)\b(?:distract|divert)\w*\s+(?:attention\s+)?(?:away\s+)?from\b"),
            Tie::RespondsTo,
        ),
        (
            r(r"(?i)\bin\s+(?:response|retaliation|reply)\s+(?:to|for)\b"),
            Tie::RespondsTo,
        ),
        (
            r(r"(?i)\b(?:was|were|is|are|been)\s+(?:caused|triggered|prompted|provoked)\s+by\b"),
            Tie::CausedBy,
        ),
        (
            r(r"(?i)\b(?:as\s+a\s+(?:result|consequence)\s+of|because\s+of|due\s+to)\b"),
            Tie::CausedBy,
        ),
        (
            r(r"(?i)\b(?:caused|allowed|enabled|prompted|triggered|provoked)\b"),
            Tie::Causes,
        ),
        (
            r(
                r"(?i)\b(?:(?:\d+|a\s+few|several|some|two|three|just)\s+)?(?:minutes|hours)\s+after\b|\b(?:immediately|shortly|soon|moments)\s+after\b",
            ),
            Tie::Follows,
        ),
    ]
});

/// Relations among a timeline's events, in a stable order.
pub fn derive(timeline: &Timeline, gaz: &Gazetteer) -> Vec<Relation> {
    let mut graph: StableDiGraph<&str, (RelationKind, Vec<String>)> = StableDiGraph::new();
    let nodes: Vec<NodeIndex> = timeline
        .events
        .iter()
        .map(|e| graph.add_node(e.id.as_str()))
        .collect();

    let by_tag = ByTag::new(timeline);
    for (i, event) in timeline.events.iter().enumerate() {
        for (k, account) in event.accounts.iter().enumerate() {
            let Some(quote) = context(event, k) else {
                continue;
            };
            let quote = quote.as_str();
            let own_len = account.quote.as_ref().map_or(0, String::len);
            for (cue, tie) in CUES.iter() {
                // The cue must be in the account's own words; the next account only completes
                // the phrase it opens.
                let Some(m) = cue.find(quote).filter(|m| m.start() < own_len) else {
                    continue;
                };
                let (before, after) = (&quote[..m.start()], &quote[m.end()..]);
                let Some(j) = named(timeline, &by_tag, i, after, gaz) else {
                    continue;
                };
                let (from, to, kind) = match tie {
                    Tie::RespondsTo => (i, j, RelationKind::ResponseTo),
                    Tie::CausedBy => (i, j, RelationKind::CausedBy),
                    // "the strikes allowed ISIS to advance": the advance was caused by the
                    // strikes; the cause is the subject's event, else the account's own.
                    Tie::Causes => {
                        let cause = named(timeline, &by_tag, j, before, gaz)
                            .filter(|&c| c != j)
                            .unwrap_or(i);
                        (j, cause, RelationKind::CausedBy)
                    }
                    Tie::Follows => {
                        if !same_place(&timeline.events[i], &timeline.events[j], gaz) {
                            continue;
                        }
                        add(
                            &mut graph,
                            nodes[i],
                            nodes[j],
                            RelationKind::PartOf,
                            &account.id,
                        );
                        (i, j, RelationKind::After)
                    }
                };
                add(&mut graph, nodes[from], nodes[to], kind, &account.id);
                // One cue per account: the first in the list that finds an event wins.
                break;
            }
        }
    }
    truce_parts(timeline, gaz, &mut graph, &nodes);

    let mut out: Vec<Relation> = graph
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = graph.edge_endpoints(e)?;
            let (kind, claimed_by) = graph.edge_weight(e)?.clone();
            let mut claimed_by: Vec<String> =
                claimed_by.into_iter().filter(|c| !c.is_empty()).collect();
            claimed_by.sort();
            claimed_by.dedup();
            Some(Relation {
                from: graph[a].to_string(),
                to: graph[b].to_string(),
                kind,
                claimed_by,
                note: None,
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.from, &a.to, a.kind).cmp(&(&b.from, &b.to, b.kind)));
    out
}

/// An account's text, run on into the next account of the same source when that one
/// continues the sentence (a clause cut at an attribution: "... just 7 minutes after" + "the
/// US-led airstrikes, who added ...").
fn context(event: &Event, k: usize) -> Option<String> {
    let account = &event.accounts[k];
    let mut text = account.quote.clone()?;
    if let (Some([_, end]), Some(next)) = (account.span, event.accounts.get(k + 1))
        && next.source == account.source
        && let (Some([start, _]), Some(q)) = (next.span, &next.quote)
        && start >= end
        && start - end <= 3
    {
        text.push(' ');
        text.push_str(q);
    }
    Some(text)
}

/// The end of a truce is part of the latest truce before it, in the same places.
fn truce_parts(
    timeline: &Timeline,
    gaz: &Gazetteer,
    graph: &mut StableDiGraph<&str, (RelationKind, Vec<String>)>,
    nodes: &[NodeIndex],
) {
    let tagged = |e: &Event, kind: EventType| e.tags.iter().any(|t| *t == tag_of(kind));
    for (i, end) in timeline.events.iter().enumerate() {
        if !tagged(end, EventType::TruceEnd) {
            continue;
        }
        let truce = timeline
            .events
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                (tagged(t, EventType::Truce) || tagged(t, EventType::Agreement))
                    && t.when < end.when
                    && !t.when.overlaps(&end.when)
                    && match (t.when.earliest(), end.when.earliest()) {
                        (Some(a), Some(b)) => (b - a).num_days() <= 60,
                        _ => false,
                    }
            })
            .filter(|(_, t)| same_place(t, end, gaz))
            .max_by(|a, b| a.1.when.cmp(&b.1.when));
        if let Some((j, _)) = truce {
            add(graph, nodes[i], nodes[j], RelationKind::PartOf, "");
        }
    }
}

/// The tag an event of this kind carries (see `graph::build::event`).
fn tag_of(kind: EventType) -> String {
    kind.noun().replace(' ', "-")
}

fn add(
    graph: &mut StableDiGraph<&str, (RelationKind, Vec<String>)>,
    from: NodeIndex,
    to: NodeIndex,
    kind: RelationKind,
    account: &str,
) {
    if from == to {
        return;
    }
    let existing = graph
        .edges_connecting(from, to)
        .find(|e| e.weight().0 == kind)
        .map(|e| e.id());
    match existing.and_then(|e| graph.edge_weight_mut(e)) {
        Some(w) => w.1.push(account.to_string()),
        None => {
            graph.add_edge(from, to, (kind, vec![account.to_string()]));
        }
    }
}

/// The event (other than `own`) a phrase names: one of the kind of the phrase's first event
/// trigger, at the date the phrase gives if any, in a place the phrase names if any; the
/// nearest in time to `own` wins. A phrase that names the account's own event (same kind,
/// same days) names no other.
fn named(
    timeline: &Timeline,
    by_tag: &ByTag<'_>,
    own: usize,
    phrase: &str,
    gaz: &Gazetteer,
) -> Option<usize> {
    let phrase = phrase.split(['.', ';']).next().unwrap_or(phrase);
    let phrase: String = phrase.chars().take(200).collect();
    let trigger = triggers::find(&phrase)
        .into_iter()
        .find(|t| t.kind != EventType::Statement)?;
    let kinds: BTreeSet<EventType> = [EventType::Attack, EventType::Offensive]
        .into_iter()
        .filter(|k| k.compatible(trigger.kind))
        .chain([trigger.kind])
        .collect();
    let own_event = &timeline.events[own];
    let dct = own_event.when.latest().map(|t| t.date());
    let dates: Vec<crate::timeline::When> = dates::tag(&phrase, dct)
        .into_iter()
        .filter_map(|t| t.when)
        .collect();
    let places: Vec<String> = gaz
        .find(&phrase)
        .iter()
        .map(|m| gaz.entry(m.entry))
        .filter(|e| e.kind == crate::gazetteer::EntityKind::Place)
        .map(|e| e.name.clone())
        .collect();
    let exact = |e: &Event| e.tags.contains(&tag_of(trigger.kind));
    let dated = |e: &Event| dates.is_empty() || dates.iter().any(|d| d.overlaps(&e.when));
    let placed = |e: &Event| {
        places.is_empty()
            || e.places.is_empty()
            || places
                .iter()
                .any(|p| e.places.iter().any(|q| gaz.same_place(p, q)))
    };
    // The phrase is about the account's own event.
    if exact(own_event) && dated(own_event) && !dates.is_empty() {
        return None;
    }
    let day = own_event.when.earliest().map(|t| t.date());
    let wanted = |j: usize| {
        let e = &timeline.events[j];
        j != own && dated(e) && placed(e)
    };
    // The exact kind wins over a compatible one; then the nearest in time, then the first.
    by_tag
        .nearest(&[tag_of(trigger.kind)], day, &wanted)
        .or_else(|| {
            let others: Vec<String> = kinds
                .iter()
                .filter(|&&k| k != trigger.kind)
                .map(|&k| tag_of(k))
                .collect();
            by_tag.nearest(&others, day, &wanted)
        })
}

/// The timeline's events by tag, each list in order of their first day (undated last), so
/// that the event a phrase names is found near its date instead of by a scan of all events.
struct ByTag<'t> {
    lists: HashMap<&'t str, Vec<(i64, usize)>>,
}

impl<'t> ByTag<'t> {
    fn new(timeline: &'t Timeline) -> ByTag<'t> {
        let mut lists: HashMap<&str, Vec<(i64, usize)>> = HashMap::new();
        for (j, e) in timeline.events.iter().enumerate() {
            let day = e
                .when
                .earliest()
                .map_or(i64::MAX, |t| i64::from(t.date().num_days_from_ce()));
            for tag in &e.tags {
                lists.entry(tag.as_str()).or_default().push((day, j));
            }
        }
        for list in lists.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        ByTag { lists }
    }

    /// Among the events carrying any of `tags` that `wanted` accepts, the nearest to `day`
    /// (any, when `day` is unknown), ties to the earliest in the timeline.
    fn nearest(
        &self,
        tags: &[String],
        day: Option<NaiveDate>,
        wanted: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        let mut best: Option<(i64, usize)> = None;
        let consider = |best: &mut Option<(i64, usize)>, distance: i64, j: usize| {
            if best.is_none_or(|b| (distance, j) < b) && wanted(j) {
                *best = Some((distance, j));
            }
        };
        for tag in tags {
            let Some(list) = self.lists.get(tag.as_str()) else {
                continue;
            };
            let dated = list.partition_point(|&(d, _)| d != i64::MAX);
            match day {
                Some(day) => {
                    let day = i64::from(day.num_days_from_ce());
                    let at = list[..dated].partition_point(|&(d, _)| d < day);
                    // Walk outwards; stop each side once it is farther than the best found.
                    for &(d, j) in &list[at..dated] {
                        if best.is_some_and(|b| d - day > b.0) {
                            break;
                        }
                        consider(&mut best, d - day, j);
                    }
                    for &(d, j) in list[..at].iter().rev() {
                        if best.is_some_and(|b| day - d > b.0) {
                            break;
                        }
                        consider(&mut best, day - d, j);
                    }
                    for &(_, j) in &list[dated..] {
                        consider(&mut best, i64::MAX, j);
                    }
                }
                None => {
                    for &(_, j) in list {
                        consider(&mut best, i64::MAX, j);
                    }
                }
            }
        }
        best.map(|(_, j)| j)
    }
}

fn same_place(a: &Event, b: &Event, gaz: &Gazetteer) -> bool {
    a.places.is_empty()
        || b.places.is_empty()
        || a.places
            .iter()
            .any(|p| b.places.iter().any(|q| gaz.same_place(p, q)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Account, When};

    fn event(id: &str, tag: &str, when: &str, place: &str, quotes: &[&str]) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            when: when.parse::<When>().expect("date"),
            places: vec![place.into()],
            tags: vec![tag.into()],
            accounts: quotes
                .iter()
                .enumerate()
                .map(|(k, q)| Account {
                    id: format!("{id}-{k}"),
                    source: "s".into(),
                    quote: Some(q.to_string()),
                    ..Account::default()
                })
                .collect(),
            ..Event::default()
        }
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        Timeline {
            title: "t".into(),
            events,
            ..Timeline::default()
        }
    }

    #[test]
    fn the_named_event_is_the_exact_kind_nearest_in_time_then_the_first() {
        let t = timeline(vec![
            event("own", "attack", "2021-03-10", "Hama", &[]),
            event("far", "attack", "2021-01-01", "Hama", &[]),
            event("near-a", "attack", "2021-03-12", "Hama", &[]),
            event("near-b", "attack", "2021-03-08", "Hama", &[]),
            event("closest-other-kind", "offensive", "2021-03-10", "Hama", &[]),
            event("undated", "attack", "unknown", "Hama", &[]),
        ]);
        let by_tag = ByTag::new(&t);
        let any = |_: usize| true;
        let day = NaiveDate::from_ymd_opt(2021, 3, 10);
        let own = |j: usize| j != 0;
        // Two days either side: the one listed first wins the tie.
        assert_eq!(by_tag.nearest(&["attack".into()], day, &own), Some(2));
        assert_eq!(
            by_tag.nearest(&["attack".into()], day, &|j| j != 0 && j != 2 && j != 3),
            Some(1)
        );
        assert_eq!(
            by_tag.nearest(&["attack".into()], day, &|j| j == 5),
            Some(5)
        );
        assert_eq!(by_tag.nearest(&["attack".into()], None, &own), Some(1));
        assert_eq!(by_tag.nearest(&["offensive".into()], day, &any), Some(4));
        assert_eq!(by_tag.nearest(&["truce".into()], day, &any), None);
    }

    #[test]
    fn a_response_claimed_by_its_account() {
        let t = timeline(vec![
            event(
                "bombing",
                "attack",
                "2021-03-02",
                "Latakia",
                &["Jets bombed the depot."],
            ),
            event(
                "accusations",
                "attack",
                "2021-03-04",
                "Hama",
                &["The claims are meant to distract attention from the bombing on March 2."],
            ),
        ]);
        let r = derive(&t, Gazetteer::builtin());
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].from.as_str(), r[0].to.as_str(), r[0].kind),
            ("accusations", "bombing", RelationKind::ResponseTo)
        );
        assert_eq!(r[0].claimed_by, ["accusations-0"]);
    }

    #[test]
    fn causes_point_from_the_effect_to_the_cause() {
        let t = timeline(vec![
            event(
                "strike",
                "attack",
                "2021-03-02",
                "Latakia",
                &["The strikes allowed the militias to advance."],
            ),
            event(
                "advance",
                "offensive",
                "2021-03-02",
                "Latakia",
                &["Militias advanced on the town."],
            ),
        ]);
        let r = derive(&t, Gazetteer::builtin());
        assert_eq!(r.len(), 1);
        assert_eq!(
            (r[0].from.as_str(), r[0].to.as_str(), r[0].kind),
            ("advance", "strike", RelationKind::CausedBy)
        );
    }

    #[test]
    fn passive_causes_keep_their_direction() {
        let t = timeline(vec![
            event(
                "advance",
                "offensive",
                "2021-03-02",
                "Latakia",
                &["The advance was caused by the air strikes on the ridge."],
            ),
            event(
                "strike",
                "attack",
                "2021-03-02",
                "Latakia",
                &["Jets struck the ridge."],
            ),
        ]);
        let r = derive(&t, Gazetteer::builtin());
        assert_eq!(
            (r[0].from.as_str(), r[0].to.as_str(), r[0].kind),
            ("advance", "strike", RelationKind::CausedBy)
        );
    }

    #[test]
    fn minutes_after_is_order_and_part_of() {
        let t = timeline(vec![
            event(
                "strike",
                "attack",
                "2021-03-02",
                "Latakia",
                &["Jets struck the ridge."],
            ),
            event(
                "assault",
                "offensive",
                "2021-03-02",
                "Latakia",
                &["Militias attacked the ridge minutes after the air strikes."],
            ),
        ]);
        let kinds: Vec<(String, RelationKind)> = derive(&t, Gazetteer::builtin())
            .into_iter()
            .map(|r| (r.from, r.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("assault".to_string(), RelationKind::After),
                ("assault".to_string(), RelationKind::PartOf)
            ]
        );
    }

    #[test]
    fn the_end_of_a_truce_is_part_of_it() {
        let t = timeline(vec![
            event(
                "truce",
                "ceasefire",
                "2021-03-01",
                "Latakia",
                &["A truce began."],
            ),
            event(
                "end",
                "end-of-the-ceasefire",
                "2021-03-09",
                "Latakia",
                &["The truce is over."],
            ),
        ]);
        let r = derive(&t, Gazetteer::builtin());
        assert_eq!(
            (r[0].from.as_str(), r[0].to.as_str(), r[0].kind),
            ("end", "truce", RelationKind::PartOf)
        );
    }
}
