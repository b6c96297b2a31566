//! From one document's sentences, claims, dates and names to the events it tells.
//!
//! The document is read in order, keeping a focus: the event being talked about. A clause
//! with an event trigger either refers to an event already told (same kind and compatible
//! date, a definite "the strike", the same place) or starts a new one, dated by an expression
//! in the clause, else the paragraph's date, else the document date. A clause without a
//! trigger that carries someone's claim (a quote, a "said", a denial, a figure) is an account
//! of the event in focus. A speech act with its own date ("said on Sunday during a meeting")
//! is an event of its own, while what was said stays an account of the event it is about.
//! Reader comments never start events: their clauses become comment-only events that the
//! graph attaches to the article events they discuss, or drops.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::attribution;
use super::claim::{Claim, ClaimantKind};
use super::docevent::{DocEvent, Mention, TimeBasis, content_words};
use super::sentences::{self, Sentence, Voice};
use super::triggers::{self, EventType, Trigger};
use crate::dates::{self, Anchor, Timex, TimexType};
use crate::gazetteer::{EntityKind, Gazetteer};
use crate::ingest::Document;
use crate::timeline::{Stance, When};

/// Paragraphs a focus survives without being mentioned again.
const FOCUS_REACH: usize = 3;

/// One clause under consideration: a claim, or the part of a claim on one side of its cue.
struct Unit<'a> {
    start: usize,
    end: usize,
    claim: &'a Claim,
    sentence: &'a Sentence,
}

/// What a unit says, read off its text.
struct Reading {
    triggers: Vec<Trigger>,
    /// Dates in the clause that date what happened (not the speech act, not a citation).
    dates: Vec<(When, TimeBasis, usize)>,
    stated_on: Option<When>,
    places: Vec<String>,
    actors: Vec<String>,
}

/// The events one document tells, in the order it first tells them.
pub fn document_events(doc: &Document, dct: Option<NaiveDate>, gaz: &Gazetteer) -> Vec<DocEvent> {
    let sentences = sentences::split(doc);
    let claims = attribution::attribute(doc, &sentences);
    let timexes = dates::tag_document(doc, dct);
    let names = gaz.find(&doc.text);
    let citations = citation_dates(doc, &timexes);

    let mut events: Vec<DocEvent> = Vec::new();
    let mut last_para: Vec<usize> = Vec::new();
    let mut focus: Option<usize> = None;
    let mut para_date: Option<(usize, When, TimeBasis)> = None;

    for unit in units(&claims, &sentences) {
        let reading = read(doc, &unit, &timexes, &citations, &names, gaz);
        let para = unit.sentence.paragraph;
        if let Some((p, _, _)) = &para_date
            && *p != para
        {
            para_date = None;
        }
        if let Some((w, b, _)) = reading.dates.first() {
            para_date = Some((para, *w, *b));
        }
        let comment = matches!(unit.sentence.voice, Voice::Comment { .. });
        let main = main_trigger(&reading.triggers);

        // A dated speech act by a named speaker is an event of its own; what it says goes to
        // the event in focus.
        if !comment
            && unit.claim.claimant_kind == ClaimantKind::Named
            && let Some(stated) = reading.stated_on
            && main.is_none_or(|t| t.kind == EventType::Statement || t.kind == EventType::Meeting)
            && let Some((cs, ce)) = unit.claim.cue
        {
            let (content, speech) = split_at_cue(&unit, cs, ce);
            let target = focus.filter(|&f| reaches(&last_para, f, para));
            if let (Some((s, e)), Some(f)) = (content, target) {
                let m = mention(doc, s, e, unit.claim, &reading, Some(stated), None);
                push(&mut events[f], m, &reading, doc);
                last_para[f] = para;
            }
            let (s, e) = speech.unwrap_or((unit.start, unit.end));
            let idx = find_statement(&events, &unit.claim.claimant, &stated).unwrap_or_else(|| {
                events.push(new_event(
                    doc,
                    EventType::Statement,
                    stated,
                    TimeBasis::Explicit,
                    comment,
                ));
                last_para.push(para);
                events.len() - 1
            });
            let m = mention(
                doc,
                s,
                e,
                unit.claim,
                &reading,
                Some(stated),
                Some(EventType::Statement),
            );
            push(&mut events[idx], m, &reading, doc);
            last_para[idx] = para;
            continue;
        }

        let target = match main {
            Some(t) if t.kind != EventType::Statement => {
                let date = reading.dates.first().map(|(w, b, _)| (*w, *b));
                let existing = find_event(
                    &events,
                    t,
                    date.as_ref(),
                    &reading,
                    focus,
                    &last_para,
                    para,
                    doc,
                    comment,
                );
                match existing {
                    Some(i) => Some(i),
                    None if comment => None,
                    None => {
                        let (when, basis) = date
                            .or_else(|| {
                                para_date
                                    .filter(|(p, _, _)| *p == para)
                                    .map(|(_, w, b)| (w, narrative(b)))
                            })
                            .unwrap_or_else(|| dct_guess(dct));
                        events.push(new_event(doc, t.kind, when, basis, comment));
                        last_para.push(para);
                        Some(events.len() - 1)
                    }
                }
            }
            _ => {
                let carries_claim = unit.claim.claimant_kind != ClaimantKind::Outlet
                    || unit.claim.stance != Stance::Asserts
                    || !unit.claim.facets.is_empty()
                    || has_quotation(&doc.text[unit.start..unit.end]);
                focus.filter(|&f| carries_claim && reaches(&last_para, f, para))
            }
        };
        let Some(target) = target else {
            if comment && (!reading.triggers.is_empty() || !unit.claim.facets.is_empty()) {
                // A comment about something: kept as a comment-only event for the graph.
                let kind = main.map_or(EventType::Statement, |t| t.kind);
                let (when, basis) = reading
                    .dates
                    .first()
                    .map_or((When::Unknown, TimeBasis::Unknown), |(w, b, _)| (*w, *b));
                let mut e = new_event(doc, kind, when, basis, true);
                let m = mention(
                    doc,
                    unit.start,
                    unit.end,
                    unit.claim,
                    &reading,
                    reading.stated_on,
                    main.map(|t| t.kind),
                );
                push(&mut e, m, &reading, doc);
                events.push(e);
                last_para.push(para);
            }
            continue;
        };
        let m = mention(
            doc,
            unit.start,
            unit.end,
            unit.claim,
            &reading,
            reading.stated_on,
            main.map(|t| t.kind),
        );
        // A firmer date than the event had so far replaces it.
        if let Some((w, b, _)) = reading.dates.first()
            && main.is_some_and(|t| t.kind.compatible(events[target].kind))
            && *b < events[target].basis
        {
            events[target].when = *w;
            events[target].basis = *b;
        }
        push(&mut events[target], m, &reading, doc);
        last_para[target] = para;
        if !comment {
            focus = Some(target);
        }
    }
    for e in &mut events {
        e.places = rank(&e.places);
        e.actors = rank(&e.actors);
    }
    events
}

/// Claims cut to the sentences they cover (a claim never spans sentences in the output).
fn units<'a>(claims: &'a [Claim], sentences: &'a [Sentence]) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    for claim in claims {
        for s in sentences
            .iter()
            .filter(|s| s.start < claim.end && claim.start < s.end)
        {
            let (start, end) = (claim.start.max(s.start), claim.end.min(s.end));
            if end > start {
                out.push(Unit {
                    start,
                    end,
                    claim,
                    sentence: s,
                });
            }
        }
    }
    out.sort_by_key(|u| (u.start, u.end));
    out
}

/// The heaviest trigger; speech acts only when nothing else happens in the clause.
fn main_trigger(triggers: &[Trigger]) -> Option<&Trigger> {
    triggers::main_trigger(triggers)
}

fn narrative(b: TimeBasis) -> TimeBasis {
    b.max(TimeBasis::Narrative)
}

/// With no date in sight, an event is known only to precede the document.
fn dct_guess(dct: Option<NaiveDate>) -> (When, TimeBasis) {
    match dct {
        Some(d) => (
            When::Interval(
                crate::timeline::Bound::Open,
                crate::timeline::Bound::At(crate::timeline::Point::from_date(d)),
            ),
            TimeBasis::Dct,
        ),
        None => (When::Unknown, TimeBasis::Unknown),
    }
}

fn read(
    doc: &Document,
    unit: &Unit<'_>,
    timexes: &[Timex],
    citations: &[(usize, usize)],
    names: &[crate::gazetteer::Match],
    gaz: &Gazetteer,
) -> Reading {
    let text = &doc.text[unit.start..unit.end];
    let triggers: Vec<Trigger> = triggers::find(text)
        .into_iter()
        .map(|t| Trigger {
            start: t.start + unit.start,
            end: t.end + unit.start,
            ..t
        })
        .collect();
    let said_at = unit.claim.said_at;
    let mut stated_on = None;
    let mut dates = Vec::new();
    for t in timexes
        .iter()
        .filter(|t| t.start >= unit.start && t.end <= unit.end)
    {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let Some(when) = t.when else { continue };
        if citations.iter().any(|&(s, e)| t.start >= s && t.end <= e) {
            continue;
        }
        if said_at == Some((t.start, t.end)) {
            stated_on = Some(when);
            continue;
        }
        let basis = match t.anchor {
            Anchor::Absolute => TimeBasis::Explicit,
            Anchor::Dct => TimeBasis::Relative,
            Anchor::Narrative => TimeBasis::Narrative,
            _ => continue,
        };
        // Nearest to the main trigger first.
        let anchor = triggers::main_trigger(&triggers).map_or(t.start, |m| m.start);
        dates.push((when, basis, t.start.abs_diff(anchor)));
    }
    dates.sort_by_key(|(_, b, d)| (*d, *b));
    let mut places = Vec::new();
    let mut actors = Vec::new();
    for m in names
        .iter()
        .filter(|m| m.start >= unit.start && m.end <= unit.end)
    {
        let entry = gaz.entry(m.entry);
        match entry.kind {
            EntityKind::Place => places.push(entry.name.clone()),
            EntityKind::Country if !m.demonym && preceded_by_preposition(&doc.text, m.start) => {
                places.push(entry.name.clone())
            }
            EntityKind::Media => {}
            _ => actors.push(entry.name.clone()),
        }
    }
    Reading {
        triggers,
        dates,
        stated_on,
        places,
        actors,
    }
}

fn preceded_by_preposition(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end().to_lowercase();
    ["in", "into", "across", "throughout", "inside", "to"]
        .iter()
        .any(|p| before.ends_with(&format!(" {p}")))
}

/// Parenthesised citations that end with a date: "(Some headline, RT, 29 April 2016)". Their
/// dates date a publication, not the events told before them.
fn citation_dates(doc: &Document, timexes: &[Timex]) -> Vec<(usize, usize)> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for t in timexes {
        let after = &text[t.end..];
        let closes = after.trim_start_matches([' ', '.']).starts_with(')');
        let open = text[..t.start].rfind('(');
        let line_start = text[..t.start].rfind('\n').map_or(0, |i| i + 1);
        if let Some(o) = open
            && closes
            && o >= line_start
            && text[o..t.start].contains(',')
        {
            out.push((o, t.end + after.find(')').unwrap_or(0) + 1));
        }
    }
    out
}

fn has_quotation(text: &str) -> bool {
    text.contains('“') || text.contains('”') || text.matches('"').count() >= 2
}

/// Whether event `f` is still being talked about at this paragraph.
fn reaches(last_para: &[usize], f: usize, para: usize) -> bool {
    last_para
        .get(f)
        .is_some_and(|&last| para <= last + FOCUS_REACH)
}

/// The content before the attribution cue, and the speech act from the cue on.
fn split_at_cue(
    unit: &Unit<'_>,
    cue_start: usize,
    _cue_end: usize,
) -> (Option<(usize, usize)>, Option<(usize, usize)>) {
    if cue_start <= unit.start || cue_start >= unit.end {
        return (None, None);
    }
    // Walk back over the speaker's name and the comma that joins quote and cue.
    let content = (unit.start, cue_start);
    (Some(content), Some((cue_start, unit.end)))
}

fn find_statement(events: &[DocEvent], claimant: &str, when: &When) -> Option<usize> {
    events.iter().position(|e| {
        e.kind == EventType::Statement
            && e.when.overlaps(when)
            && e.mentions.iter().any(|m| m.claimant == claimant)
    })
}

/// An existing event this trigger refers to, if any.
#[allow(clippy::too_many_arguments)]
fn find_event(
    events: &[DocEvent],
    trigger: &Trigger,
    date: Option<&(When, TimeBasis)>,
    reading: &Reading,
    focus: Option<usize>,
    last_para: &[usize],
    para: usize,
    doc: &Document,
    comment: bool,
) -> Option<usize> {
    let compatible = |e: &DocEvent| e.kind.compatible(trigger.kind);
    let place_ok = |e: &DocEvent| {
        reading.places.is_empty()
            || e.places.is_empty()
            || reading.places.iter().any(|p| e.places.contains(p))
    };
    // A date in the clause: the event of that kind at that time.
    if let Some((w, _)) = date {
        return events
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| {
                compatible(e) && place_ok(e) && (e.when.overlaps(w) || e.basis >= TimeBasis::Dct)
            })
            .map(|(i, _)| i);
    }
    // "the strike", "this attack": the latest event of that kind.
    let before = doc.text[..trigger.start].trim_end().to_lowercase();
    let definite = trigger.nominal
        && ["the", "this", "that", "these", "its", "their", "his", "her"]
            .iter()
            .any(|d| before.ends_with(&format!(" {d}")) || before == *d);
    if definite || comment {
        if let Some(i) = events
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| compatible(e) && place_ok(e))
            .map(|(i, _)| i)
        {
            return Some(i);
        }
    }
    // The same place named again for the same kind of event.
    if !reading.places.is_empty()
        && let Some(i) = events
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| compatible(e) && reading.places.iter().any(|p| e.places.contains(p)))
            .map(|(i, _)| i)
    {
        return Some(i);
    }
    // Otherwise the event in focus, when it is of this kind and still being talked about.
    focus.filter(|&f| compatible(&events[f]) && reaches(last_para, f, para))
}

fn new_event(
    doc: &Document,
    kind: EventType,
    when: When,
    basis: TimeBasis,
    _comment: bool,
) -> DocEvent {
    DocEvent {
        doc: doc.id.clone(),
        kind,
        when,
        basis,
        places: Vec::new(),
        actors: Vec::new(),
        mentions: Vec::new(),
        words: Vec::new(),
        gist: String::new(),
    }
}

fn mention(
    doc: &Document,
    start: usize,
    end: usize,
    claim: &Claim,
    _reading: &Reading,
    stated_on: Option<When>,
    trigger: Option<EventType>,
) -> Mention {
    let (start, end) = trim(&doc.text, start, end);
    Mention {
        start,
        end,
        quote: doc.text[start..end].to_string(),
        claimant: claim.claimant.clone(),
        claimant_kind: claim.claimant_kind,
        via: claim.via.clone(),
        stance: claim.stance,
        facets: claim.facets.clone(),
        comment: claim.comment,
        stated_on,
        trigger,
    }
}

/// Without surrounding spaces, commas and dangling quote marks.
fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '…' | '—' | '–');
    while start < end {
        let c = text[start..].chars().next().unwrap_or(' ');
        if !junk(c) {
            break;
        }
        start += c.len_utf8();
    }
    while end > start {
        let c = text[..end].chars().next_back().unwrap_or(' ');
        if !junk(c) {
            break;
        }
        end -= c.len_utf8();
    }
    (start, end)
}

fn push(event: &mut DocEvent, m: Mention, reading: &Reading, doc: &Document) {
    if event.gist.is_empty() && m.trigger.is_some_and(|t| t.compatible(event.kind)) {
        event.gist = m.quote.clone();
    }
    event.words.extend(content_words(&doc.text[m.start..m.end]));
    event.places.extend(reading.places.iter().cloned());
    event.actors.extend(reading.actors.iter().cloned());
    event.mentions.push(m);
}

/// Names by frequency, first mention breaking ties, without repeats.
fn rank(names: &[String]) -> Vec<String> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        let e = counts.entry(n.as_str()).or_insert((0, i));
        e.0 += 1;
    }
    let mut v: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
    v.sort_by_key(|(_, (n, first))| (std::cmp::Reverse(*n), *first));
    v.into_iter().map(|(n, _)| n.to_string()).collect()
}
