//! Relations between events: part-of, order, and causal links as someone claims them.
//!
//! A causal or response link is itself a claim, so it is read off one account's text ("...
//! are designed to distract attention from the bombing on September 17", "the strikes
//! allowed ISIS to advance") and carries that account in `claimed_by`. The other end is the
//! event the cue's object names: by its kind and, when the object gives one, its date.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use regex::Regex;

use crate::dates;
use crate::gazetteer::Gazetteer;
use crate::mentions::triggers::{self, EventType};
use crate::timeline::{Event, Relation, RelationKind, Timeline};

/// Cues that link what the account is about to another event, with the link's kind and
/// direction: `Forward` means the account's event is the effect/response.
static CAUSAL: LazyLock<Vec<(Regex, RelationKind, bool)>> = LazyLock::new(|| {
    let r = |p: &str| Regex::new(p).expect("valid cue pattern");
    vec![
        (
            r(
                r"(?i)\b(?:designed|meant|intended|aimed)\b[^.;]{0,40}?\b(?:to\s+)?(?:distract|divert)\w*\s+(?:attention\s+)?(?:away\s+)?from\b",
            ),
            RelationKind::ResponseTo,
            true,
        ),
        (
            r(r"(?i)\bin\s+(?:response|retaliation|reply)\s+(?:to|for)\b"),
            RelationKind::ResponseTo,
            true,
        ),
        (
            r(r"(?i)\b(?:as\s+a\s+(?:result|consequence)\s+of|because\s+of|due\s+to|following)\b"),
            RelationKind::CausedBy,
            true,
        ),
        (
            r(r"(?i)\b(?:caused|allowed|enabled|led|prompted|triggered|provoked)\b"),
            RelationKind::CausedBy,
            false,
        ),
    ]
});

/// Words after "X minutes/hours after the" that tie an event to an earlier one.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d+|a few|several|some|two|three)\s+(?:minutes|hours|days)\s+after\s+the\b|\bimmediately\s+after\s+the\b|\bshortly\s+after\s+the\b").expect("valid pattern")
});

/// Relations among a timeline's events, in a stable order.
pub fn derive(timeline: &Timeline, _gaz: &Gazetteer) -> Vec<Relation> {
    let mut graph: StableDiGraph<&str, (RelationKind, Vec<String>)> = StableDiGraph::new();
    let nodes: Vec<NodeIndex> = timeline
        .events
        .iter()
        .map(|e| graph.add_node(e.id.as_str()))
        .collect();
    let index_of = |id: &str| timeline.events.iter().position(|e| e.id == id);

    for (i, event) in timeline.events.iter().enumerate() {
        for account in &event.accounts {
            let Some(quote) = &account.quote else {
                continue;
            };
            for (cue, kind, forward) in CAUSAL.iter() {
                let Some(m) = cue.find(quote) else { continue };
                let (object, subject) = (&quote[m.end()..], &quote[..m.start()]);
                let target_text = if *forward { object } else { subject };
                let Some(j) = referenced(timeline, i, target_text) else {
                    continue;
                };
                let (from, to) = if *forward { (i, j) } else { (j, i) };
                add(&mut graph, nodes[from], nodes[to], *kind, &account.id);
            }
            if let Some(m) = AFTER.find(quote)
                && let Some(j) = referenced(timeline, i, &quote[m.end()..])
                && same_place(event, &timeline.events[j])
            {
                add(
                    &mut graph,
                    nodes[i],
                    nodes[j],
                    RelationKind::After,
                    &account.id,
                );
                add(
                    &mut graph,
                    nodes[i],
                    nodes[j],
                    RelationKind::PartOf,
                    &account.id,
                );
            }
        }
    }
    // The end of a truce is part of that truce: the latest truce before it, in the same
    // places or with no places on either side.
    for (i, e) in timeline.events.iter().enumerate() {
        if !e.tags.iter().any(|t| t == "end-of-the-ceasefire") {
            continue;
        }
        let truce = timeline
            .events
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.tags.iter().any(|g| g == "ceasefire")
                    && t.when < e.when
                    && t.when.overlaps(&e.when).then_some(()).is_none()
            })
            .filter(|(_, t)| t.places.is_empty() || e.places.is_empty() || same_place(t, e))
            .max_by(|a, b| a.1.when.cmp(&b.1.when));
        if let Some((j, _)) = truce {
            add(&mut graph, nodes[i], nodes[j], RelationKind::PartOf, "");
        }
    }
    let _ = index_of;
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
    if let Some(e) = graph
        .edges_connecting(from, to)
        .find(|e| e.weight().0 == kind)
        .map(|e| petgraph::visit::EdgeRef::id(&e))
    {
        if let Some(w) = graph.edge_weight_mut(e) {
            w.1.push(account.to_string());
        }
        return;
    }
    graph.add_edge(from, to, (kind, vec![account.to_string()]));
}

/// The event (other than `own`) a phrase refers to: by the kind of its trigger and, if the
/// phrase carries a date, by that date; the nearest in time to `own` wins ties.
fn referenced(timeline: &Timeline, own: usize, phrase: &str) -> Option<usize> {
    let phrase = phrase.split(['.', ';']).next().unwrap_or(phrase);
    let phrase: String = phrase.chars().take(160).collect();
    let kinds: BTreeSet<EventType> = triggers::find(&phrase)
        .into_iter()
        .map(|t| t.kind)
        .filter(|k| *k != EventType::Statement)
        .collect();
    if kinds.is_empty() {
        return None;
    }
    let dct = timeline.events[own].when.latest().map(|t| t.date());
    let dates: Vec<crate::timeline::When> = dates::tag(&phrase, dct)
        .into_iter()
        .filter_map(|t| t.when)
        .collect();
    let own_when = timeline.events[own].when;
    timeline
        .events
        .iter()
        .enumerate()
        .filter(|(j, e)| {
            *j != own
                && e.tags
                    .iter()
                    .any(|t| kinds.iter().any(|k| k.noun().replace(' ', "-") == *t))
        })
        .filter(|(_, e)| dates.is_empty() || dates.iter().any(|d| d.overlaps(&e.when)))
        .min_by_key(|(_, e)| match (e.when.earliest(), own_when.earliest()) {
            (Some(a), Some(b)) => (a - b).num_days().abs(),
            _ => i64::MAX,
        })
        .map(|(j, _)| j)
}

fn same_place(a: &Event, b: &Event) -> bool {
    a.places.is_empty() || b.places.is_empty() || a.places.iter().any(|p| b.places.contains(p))
}
