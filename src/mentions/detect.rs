//! From one document's sentences, claims, dates and names to the events it tells.
//!
//! The document is read a sentence at a time, keeping a focus: the event being talked about.
//! A sentence's main event comes from its heaviest trigger outside relational phrases ("...
//! distract attention from the bombing on 17 September": that bombing is another event,
//! and so is its date). With a date in the sentence (or earlier in its paragraph), the
//! trigger joins the event of that kind at that time, or starts one. Without one, it refers
//! back to an event already told (a definite "the strike", the same place, the focus); a
//! specific enough trigger (a kind of event with a named place or actor) starts an event
//! dated only by the document. A sentence without a trigger that carries someone's claim (a
//! quote, a "said", a denial, a figure) is an account of the event in focus. Each claim in
//! the sentence becomes one account (mention) of the sentence's event.
//!
//! A dated speech act by a named speaker ("said ... on Sunday during a meeting") is an event
//! of its own, while what was said stays an account of the event it is about. Reader comments
//! never join or start article events here: they become comment-only events that the graph
//! attaches to the events they discuss, or drops.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::attribution;
use super::claim::{Claim, ClaimantKind};
use super::docevent::{DocEvent, Mention, TimeBasis, content_words};
use super::sentences::{self, Sentence, Voice};
use super::triggers::{self, EventType, Trigger};
use crate::dates::{self, Anchor, Timex, TimexType};
use crate::gazetteer::{EntityKind, Gazetteer, Match};
use crate::ingest::Document;
use crate::timeline::{Bound, Point, Stance, When};

/// Paragraphs the focus survives without being mentioned again.
const FOCUS_REACH: usize = 2;

/// Phrases whose object is another event: a trigger or date after them, up to the end of the
/// sentence, belongs to that other event ("distract attention from the strike on 17 September",
/// "7 minutes after the airstrikes", "in response to the attack").
static OBJECT_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:distract\w*\s+(?:attention\s+)?(?:away\s+)?from|divert\w*\s+(?:attention\s+)?from|in\s+(?:response|reply|retaliation)\s+(?:to|for)|(?:minutes|hours|days|weeks|shortly|immediately|soon|just)\s+(?:after|before)|\bafter\s+(?:today|yesterday)'?’?s\b|following\s+the|since\s+the|similar\s+to|like\s+the|than\s+the|from\s+(?:the\s+)?(?:US|U\.S\.|American|coalition|its|their)\b[^.]{0,40}?(?:bombing|bombardment|strikes?|attacks?|massacre))",
    )
    .expect("valid pattern")
});

/// Where a trigger or date stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Region {
    /// The sentence's own business.
    Main,
    /// Inside a phrase about another event: used only when nothing else is there.
    Object,
}

/// What a sentence says, read off its text.
struct Reading {
    /// Triggers with their region.
    triggers: Vec<(Trigger, Region)>,
    /// Dates of what happened: value, basis, region, offset.
    dates: Vec<(When, TimeBasis, Region, usize)>,
    /// Dates of speech acts, by the span of the expression.
    speech_dates: BTreeMap<(usize, usize), When>,
    places: Vec<String>,
    actors: Vec<String>,
}

/// The working state of one document's reading.
struct State {
    events: Vec<DocEvent>,
    /// Paragraph of each event's latest mention.
    last_para: Vec<usize>,
    focus: Option<usize>,
    /// The latest date read in the current paragraph.
    para_date: Option<(usize, When, TimeBasis)>,
}

/// The events one document tells, in the order it first tells them.
pub fn document_events(doc: &Document, dct: Option<NaiveDate>, gaz: &Gazetteer) -> Vec<DocEvent> {
    let sentences = sentences::split(doc);
    let claims = attribution::attribute(doc, &sentences, gaz);
    let timexes = dates::tag_document(doc, dct);
    let names = gaz.find(&doc.text);
    let citations = citation_spans(doc, &timexes);
    let mut st = State {
        events: Vec::new(),
        last_para: Vec::new(),
        focus: None,
        para_date: None,
    };

    for sentence in &sentences {
        let units: Vec<(usize, usize, &Claim)> = claims
            .iter()
            .filter(|c| c.start < sentence.end && sentence.start < c.end)
            .map(|c| (c.start.max(sentence.start), c.end.min(sentence.end), c))
            .filter(|(s, e, _)| e > s)
            .collect();
        if units.is_empty() {
            continue;
        }
        let reading = read(doc, sentence, &units, &timexes, &citations, &names, gaz);
        let para = sentence.paragraph;
        if st.para_date.is_some_and(|(p, _, _)| p != para) {
            st.para_date = None;
        }
        // The paragraph's time is set by its first date, and reset by a sentence that opens
        // with one ("On Tuesday, ..."); dates inside a sentence are its own business.
        if let Some((w, b, _, at)) = reading.dates.iter().find(|d| d.2 == Region::Main) {
            let opens = doc.text[sentence.start..*at].split_whitespace().count() <= 2;
            if st.para_date.is_none() || opens {
                st.para_date = Some((para, *w, *b));
            }
        }
        if matches!(sentence.voice, Voice::Comment { .. }) {
            comment_events(doc, &units, &reading, para, &mut st);
            continue;
        }
        let main = main_trigger(&reading);
        let mut consumed = vec![false; units.len()];

        // Dated speech acts by named speakers are events of their own.
        if main
            .as_ref()
            .is_none_or(|(t, _)| matches!(t.kind, EventType::Statement | EventType::Meeting))
        {
            for (k, (s, e, claim)) in units.iter().enumerate() {
                let Some(stated) = claim
                    .said_at
                    .and_then(|sa| reading.speech_dates.get(&sa))
                    .copied()
                else {
                    continue;
                };
                if claim.claimant_kind != ClaimantKind::Named {
                    continue;
                }
                let (content, speech) = split_at_cue(*s, *e, claim.cue);
                if let (Some((cs, ce)), Some(f)) =
                    (content, st.focus.filter(|&f| reaches(&st, f, para)))
                {
                    let m = mention(doc, cs, ce, claim, Some(stated), None);
                    push(&mut st, f, m, &reading, doc, para);
                }
                let (ss, se) = speech.unwrap_or((*s, *e));
                let idx = st
                    .events
                    .iter()
                    .position(|ev| {
                        ev.kind == EventType::Statement
                            && ev.when.overlaps(&stated)
                            && ev.mentions.iter().any(|m| m.claimant == claim.claimant)
                    })
                    .unwrap_or_else(|| {
                        new_event(
                            doc,
                            &mut st,
                            EventType::Statement,
                            stated,
                            TimeBasis::Explicit,
                            para,
                        )
                    });
                let m = mention(doc, ss, se, claim, Some(stated), Some(EventType::Statement));
                push(&mut st, idx, m, &reading, doc, para);
                consumed[k] = true;
            }
        }

        let target = match main.clone() {
            Some((t, region)) if t.kind != EventType::Statement => {
                event_for(doc, dct, &mut st, t, region, &reading, para)
            }
            _ => {
                let claimy = units.iter().any(|(s, e, c)| carries_claim(doc, *s, *e, c));
                st.focus.filter(|&f| claimy && reaches(&st, f, para))
            }
        };
        let Some(target) = target else { continue };
        for (k, (s, e, claim)) in units.iter().enumerate() {
            if consumed[k] {
                continue;
            }
            let stated = claim
                .said_at
                .and_then(|sa| reading.speech_dates.get(&sa))
                .copied();
            let m = mention(
                doc,
                *s,
                *e,
                claim,
                stated,
                main.as_ref().map(|(t, _)| t.kind),
            );
            push(&mut st, target, m, &reading, doc, para);
        }
        st.focus = Some(target);
    }
    let mut events = st.events;
    for e in &mut events {
        e.places = rank(&e.places);
        e.actors = rank(&e.actors);
    }
    events.retain(|e| !e.mentions.is_empty());
    events
}

/// The heaviest trigger of the sentence's own business; one inside a relational phrase only
/// when there is nothing else. Speech acts count only when nothing happens otherwise.
fn main_trigger(reading: &Reading) -> Option<(Trigger, Region)> {
    for region in [Region::Main, Region::Object] {
        let found: Vec<Trigger> = reading
            .triggers
            .iter()
            .filter(|(t, r)| *r == region && t.kind != EventType::Statement)
            .map(|(t, _)| t.clone())
            .collect();
        if let Some(t) = triggers::main_trigger(&found) {
            return Some((t.clone(), region));
        }
    }
    let speech: Vec<Trigger> = reading
        .triggers
        .iter()
        .filter(|(t, _)| t.kind == EventType::Statement)
        .map(|(t, _)| t.clone())
        .collect();
    triggers::main_trigger(&speech).map(|t| (t.clone(), Region::Main))
}

/// The event a sentence's main trigger is about, found or started.
fn event_for(
    doc: &Document,
    dct: Option<NaiveDate>,
    st: &mut State,
    t: Trigger,
    region: Region,
    reading: &Reading,
    para: usize,
) -> Option<usize> {
    let compatible = |e: &DocEvent| e.kind.compatible(t.kind);
    let place_ok = |e: &DocEvent| {
        reading.places.is_empty()
            || e.places.is_empty()
            || reading.places.iter().any(|p| e.places.contains(p))
    };
    // The sentence's date for this trigger: in its region and clause, nearest the trigger.
    let own_date = reading
        .dates
        .iter()
        .filter(|d| d.2 == region && same_clause(&doc.text, d.3, t.start))
        .min_by_key(|d| (d.3.abs_diff(t.start), d.1))
        .map(|d| (d.0, d.1));
    // Else the paragraph's date, when an earlier sentence set it.
    let inherited = st
        .para_date
        .filter(|(p, _, _)| *p == para && !reading.dates.iter().any(|d| d.2 == Region::Main))
        .map(|(_, w, b)| (w, b.max(TimeBasis::Narrative)));
    let date = own_date.or(inherited);
    if let Some((w, basis)) = date {
        let found = st
            .events
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| {
                compatible(e) && place_ok(e) && (e.when.overlaps(&w) || e.basis >= TimeBasis::Dct)
            })
            .map(|(i, _)| i);
        return Some(match found {
            Some(i) => {
                if basis < st.events[i].basis {
                    st.events[i].when = w;
                    st.events[i].basis = basis;
                }
                i
            }
            None => new_event(doc, st, t.kind, w, basis, para),
        });
    }
    // "the strike", "this attack": the latest event of that kind.
    let before = doc.text[..t.start].trim_end().to_lowercase();
    let definite = t.nominal
        && ["the", "this", "that", "these", "its", "their", "such"]
            .iter()
            .any(|d| before.ends_with(&format!(" {d}")));
    if definite
        && let Some(i) = st
            .events
            .iter()
            .enumerate()
            .rev()
            .find(|(_, e)| compatible(e) && place_ok(e))
            .map(|(i, _)| i)
    {
        return Some(i);
    }
    // The same place named again for the same kind of event.
    if let Some(i) = st
        .events
        .iter()
        .enumerate()
        .rev()
        .find(|(_, e)| compatible(e) && reading.places.iter().any(|p| e.places.contains(p)))
        .map(|(i, _)| i)
    {
        return Some(i);
    }
    if let Some(f) = st
        .focus
        .filter(|&f| compatible(&st.events[f]) && reaches(st, f, para))
    {
        return Some(f);
    }
    // A new undated event only when it is specific: a weighty kind, in the sentence's own
    // business, with a place or a named actor.
    let specific = region == Region::Main
        && t.kind.weight() >= 3
        && (!reading.places.is_empty() || !reading.actors.is_empty())
        && !generic(doc, &t);
    if specific {
        let (when, basis) = match dct {
            Some(d) => (
                When::Interval(Bound::Open, Bound::At(Point::from_date(d))),
                TimeBasis::Dct,
            ),
            None => (When::Unknown, TimeBasis::Unknown),
        };
        return Some(new_event(doc, st, t.kind, when, basis, para));
    }
    None
}

/// Whether nothing between two offsets of a sentence ends a clause: a dash, a semicolon, or
/// a conjunction that starts a new clause.
fn same_clause(text: &str, a: usize, b: usize) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    let between = &text[lo..hi];
    ![
        " — ", " – ", ";", ", as ", " while ", ", but ", ", which ", ", and ",
    ]
    .iter()
    .any(|sep| between.contains(sep))
}

/// Plural or habitual uses that name a kind of thing, not one event: "constant attacks",
/// "any attacks", "attacks on civilians have become common".
fn generic(doc: &Document, t: &Trigger) -> bool {
    let word = doc.text[t.start..t.end].to_lowercase();
    let before = doc.text[..t.start].trim_end().to_lowercase();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    (word.ends_with('s')
        && !word.ends_with("ss")
        && !matches!(word.as_str(), "talks" | "consultations" | "clashes"))
        && matches!(
            prev,
            "constant"
                | "frequent"
                | "any"
                | "more"
                | "many"
                | "such"
                | "repeated"
                | "several"
                | "of"
                | "against"
                | ""
        )
        || matches!(
            prev,
            "any" | "every" | "no" | "future" | "possible" | "potential"
        )
}

/// Reader comments: each comment sentence about something becomes a comment-only event.
fn comment_events(
    doc: &Document,
    units: &[(usize, usize, &Claim)],
    reading: &Reading,
    para: usize,
    st: &mut State,
) {
    let main = main_trigger(reading);
    let about_something = main.is_some() || units.iter().any(|(_, _, c)| !c.facets.is_empty());
    if !about_something {
        return;
    }
    let kind = main.as_ref().map_or(EventType::Statement, |(t, _)| t.kind);
    let (when, basis) = reading
        .dates
        .iter()
        .find(|d| d.2 == Region::Main)
        .map_or((When::Unknown, TimeBasis::Unknown), |d| (d.0, d.1));
    let idx = new_event(doc, st, kind, when, basis, para);
    for (s, e, claim) in units {
        let m = mention(doc, *s, *e, claim, None, main.as_ref().map(|(t, _)| t.kind));
        push(st, idx, m, reading, doc, para);
    }
}

fn carries_claim(doc: &Document, start: usize, end: usize, claim: &Claim) -> bool {
    claim.claimant_kind != ClaimantKind::Outlet
        || claim.stance != Stance::Asserts
        || !claim.facets.is_empty()
        || has_quotation(&doc.text[start..end])
}

fn read(
    doc: &Document,
    sentence: &Sentence,
    units: &[(usize, usize, &Claim)],
    timexes: &[Timex],
    citations: &[(usize, usize)],
    names: &[Match],
    gaz: &Gazetteer,
) -> Reading {
    let text = &doc.text[sentence.start..sentence.end];
    let object_from = OBJECT_CUES.find(text).map(|m| sentence.start + m.end());
    let region = |at: usize| {
        if object_from.is_some_and(|o| at >= o) {
            Region::Object
        } else {
            Region::Main
        }
    };
    let triggers = triggers::find(text)
        .into_iter()
        .map(|t| Trigger {
            start: t.start + sentence.start,
            end: t.end + sentence.start,
            ..t
        })
        .map(|t| {
            let r = region(t.start);
            (t, r)
        })
        .collect();
    let said: Vec<(usize, usize)> = units.iter().filter_map(|(_, _, c)| c.said_at).collect();
    let quoted = quoted_regions(&doc.text, sentence);
    let mut dates = Vec::new();
    let mut speech_dates = BTreeMap::new();
    for t in timexes
        .iter()
        .filter(|t| t.start >= sentence.start && t.end <= sentence.end)
    {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        let Some(when) = t.when else { continue };
        if citations.iter().any(|&(s, e)| t.start >= s && t.end <= e) {
            continue;
        }
        if said.iter().any(|&(s, e)| s <= t.start && t.end <= e) {
            speech_dates.insert(
                said.iter()
                    .copied()
                    .find(|&(s, e)| s <= t.start && t.end <= e)
                    .unwrap_or((t.start, t.end)),
                when,
            );
            continue;
        }
        // "today" inside a quotation is the speaker's today, not the article's.
        if t.anchor != Anchor::Absolute && quoted.iter().any(|&(s, e)| s <= t.start && t.end <= e) {
            continue;
        }
        let basis = match t.anchor {
            Anchor::Absolute => TimeBasis::Explicit,
            Anchor::Dct => TimeBasis::Relative,
            Anchor::Narrative => TimeBasis::Narrative,
            Anchor::Unresolved => continue,
        };
        // Years alone and wide spans say too little to date an event by.
        if when
            .day_range()
            .is_some_and(|(a, b)| (b - a).num_days() > 62)
        {
            continue;
        }
        dates.push((when, basis, region(t.start), t.start));
    }
    let mut places = Vec::new();
    let mut actors = Vec::new();
    for m in names
        .iter()
        .filter(|m| m.start >= sentence.start && m.end <= sentence.end)
    {
        if region(m.start) == Region::Object {
            continue;
        }
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
        speech_dates,
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
fn citation_spans(doc: &Document, timexes: &[Timex]) -> Vec<(usize, usize)> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for t in timexes {
        let after = &text[t.end..];
        let closes = after.trim_start_matches([' ', '.']).starts_with(')');
        let line_start = text[..t.start].rfind('\n').map_or(0, |i| i + 1);
        if let Some(o) = text[..t.start].rfind('(')
            && closes
            && o >= line_start
            && text[o..t.start].contains(',')
        {
            out.push((o, t.end + after.find(')').map_or(0, |i| i + 1)));
        }
    }
    out
}

/// Spans of quoted speech in or around a sentence: “...” pairs, and the open ends of a
/// quotation that runs over several sentences or paragraphs (a line that closes a quote it
/// never opened is quoted from its start).
fn quoted_regions(text: &str, sentence: &Sentence) -> Vec<(usize, usize)> {
    let line_start = text[..sentence.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[sentence.end..]
        .find('\n')
        .map_or(text.len(), |i| sentence.end + i);
    let line = &text[line_start..line_end];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in line.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                out.push((
                    line_start + open.unwrap_or(0),
                    line_start + i + c.len_utf8(),
                ));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push((line_start + o, line_end));
    }
    out
}

fn has_quotation(text: &str) -> bool {
    text.contains('“') || text.contains('”') || text.matches('"').count() >= 2
}

/// Whether event `f` is still being talked about at this paragraph.
fn reaches(st: &State, f: usize, para: usize) -> bool {
    st.last_para
        .get(f)
        .is_some_and(|&last| para <= last + FOCUS_REACH)
}

/// The content before the attribution cue, and the speech act from the cue on.
fn split_at_cue(
    start: usize,
    end: usize,
    cue: Option<(usize, usize)>,
) -> (Option<(usize, usize)>, Option<(usize, usize)>) {
    match cue {
        Some((cs, _)) if cs > start && cs < end => (Some((start, cs)), Some((cs, end))),
        _ => (None, None),
    }
}

fn new_event(
    doc: &Document,
    st: &mut State,
    kind: EventType,
    when: When,
    basis: TimeBasis,
    para: usize,
) -> usize {
    st.events.push(DocEvent {
        doc: doc.id.clone(),
        kind,
        when,
        basis,
        places: Vec::new(),
        actors: Vec::new(),
        mentions: Vec::new(),
        words: Vec::new(),
        gist: String::new(),
    });
    st.last_para.push(para);
    st.events.len() - 1
}

fn mention(
    doc: &Document,
    start: usize,
    end: usize,
    claim: &Claim,
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

/// Without surrounding spaces, commas and dangling punctuation.
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

fn push(st: &mut State, target: usize, m: Mention, reading: &Reading, doc: &Document, para: usize) {
    if m.end <= m.start {
        return;
    }
    let event = &mut st.events[target];
    if event.gist.is_empty() && m.trigger.is_some_and(|t| t.compatible(event.kind)) {
        event.gist = m.quote.clone();
    }
    event.words.extend(content_words(&doc.text[m.start..m.end]));
    event.places.extend(reading.places.iter().cloned());
    event.actors.extend(reading.actors.iter().cloned());
    event.mentions.push(m);
    st.last_para[target] = para;
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
