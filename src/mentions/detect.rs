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

use super::after;
use super::attribution;
use super::claim::{Claim, ClaimantKind};
use super::docevent::{DocEvent, Mention, TimeBasis, content_words};
use super::open;
use super::relational;
use super::sentences::{self, Sentence, Voice};
use super::triggers::{self, EventType, Trigger};
use crate::dates::{self, Anchor, Timex, TimexType};
use crate::gazetteer::{EntityKind, Gazetteer, Match};
use crate::ingest::{Document, SegmentKind};
use crate::timeline::{Bound, Point, Stance, When};

/// A byte range of the document.
type Span = (usize, usize);

/// Days after which an event told in a story is its past, not its news.
const LONG_PAST_DAYS: i64 = 31;

/// Paragraphs the focus survives without being mentioned again.
const FOCUS_REACH: usize = 2;

/// Where a trigger or date stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Region {
    /// The sentence's own business.
    Main,
    /// A subordinate clause that opens the sentence ("As soon as the ceasefire expired at 7
    /// pm, fighting began"): its triggers lead only when the main clause has none, its dates
    /// date the main clause too.
    Sub,
    /// Inside a phrase about another event: never leads, never dates.
    Object,
}

/// What a sentence says, read off its text.
struct Reading {
    /// The sentence is the article's lede.
    lede: bool,
    /// ... and tells its event in the present perfect.
    hot_news: bool,
    /// Triggers with their region.
    triggers: Vec<(Trigger, Region)>,
    /// Dates of what happened: value, basis, region, offset.
    dates: Vec<(When, TimeBasis, Region, usize)>,
    /// Dates of speech acts, by the span of the expression.
    speech_dates: BTreeMap<(usize, usize), When>,
    /// Starts of verbal triggers in "-ing" form.
    gerunds: Vec<usize>,
    /// Quoted speech in and around the sentence.
    quoted: Vec<(usize, usize)>,
    /// Clauses that describe a noun: background to the sentence's news.
    describing: Vec<(usize, usize)>,
    places: Vec<String>,
    actors: Vec<String>,
}

/// The working state of one document's reading.
struct State<'g> {
    gaz: &'g Gazetteer,
    events: Vec<DocEvent>,
    /// Paragraph of each event's latest mention.
    last_para: Vec<usize>,
    focus: Option<usize>,
    /// The latest date read in the current paragraph.
    para_date: Option<(usize, When, TimeBasis)>,
    /// Accounts of the opening paragraphs told before any event word was read: the lede
    /// sums up the story, so they belong to the first event the story tells.
    opening: Vec<Mention>,
    /// The paragraph the story's text starts in.
    first_para: Option<usize>,
    /// How many of the events are not statements.
    told: usize,
    /// The first event told after the latest subheading.
    section: usize,
    /// The lede's statement when it recalls a past event: the story's news, which keeps
    /// the focus while the story recalls the past.
    news: Option<usize>,
}

/// The events one document tells, in the order it first tells them.
pub fn document_events(doc: &Document, dct: Option<NaiveDate>, gaz: &Gazetteer) -> Vec<DocEvent> {
    let sentences = sentences::split(doc);
    let claims = attribution::attribute(doc, &sentences, gaz);
    let timexes = dates::tag_document(doc, dct);
    let names = gaz.find(&doc.text);
    let citations = citation_spans(doc, &timexes);
    let parsed = open::read(doc, &sentences, &timexes, dct);
    let mut st = State {
        gaz,
        events: Vec::new(),
        last_para: Vec::new(),
        focus: None,
        para_date: None,
        opening: Vec::new(),
        first_para: None,
        told: 0,
        section: 0,
        news: None,
    };

    // Each sentence reads the claims over it and its own line: indexed once, so that a text of
    // thousands of sentences (or one line of hundreds of kilobytes) is read in linear time.
    let claims_by_sentence = ClaimIndex::new(&claims, &sentences);
    let mut quotes = LineQuotes::default();
    let spans = Spans {
        timexes_sorted: timexes.is_sorted_by_key(|t| t.start),
        names_sorted: names.is_sorted_by_key(|m| m.start),
    };
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', doc.text.as_bytes()).map(|i| i + 1))
        .collect();
    for (sentence_no, sentence) in sentences.iter().enumerate() {
        // Headlines sum up and captions describe pictures (often file photos): neither tells
        // events of its own.
        if sentence.headline || doc.segments[sentence.segment].kind == SegmentKind::Caption {
            continue;
        }
        // A subheading ("Zones of silence", "What happens now?") opens a new topic.
        if is_heading(doc, &line_starts, sentence) {
            st.focus = None;
            st.section = st.events.len();
            continue;
        }
        let units: Vec<(usize, usize, &Claim)> = claims_by_sentence
            .of(&claims, sentence_no)
            .filter(|c| c.start < sentence.end && sentence.start < c.end)
            .map(|c| (c.start.max(sentence.start), c.end.min(sentence.end), c))
            .filter(|(s, e, _)| e > s)
            .collect();
        if units.is_empty() {
            continue;
        }
        let quoted = quotes.of(doc, &line_starts, sentence);
        let reading = read(
            doc,
            sentence,
            &units,
            spans.timexes(&timexes, sentence),
            &citations,
            spans.names(&names, sentence),
            quoted,
            starting_within(&parsed.triggers, true, sentence, |t| t.start),
            starting_within(&parsed.asides, true, sentence, |a| a.0),
            (parsed.lede == Some((sentence.start, sentence.end))).then_some(parsed.hot_news),
            starting_within(&parsed.nested, true, sentence, |a| a.0),
            starting_within(&parsed.describing, true, sentence, |a| a.0),
            &event_dates(
                starting_within(&parsed.by_event, true, sentence, |d| d.start),
                &st,
            ),
            dct.is_none(),
            gaz,
        );
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
        let main = main_trigger(&reading, None);
        // The sentence's own event, found or started once, when a piece needs it.
        let mut sentence_target: Option<Option<usize>> = None;
        let mut last_target = None;
        for (s, e, claim) in &units {
            let stated = claim
                .said_at
                .and_then(|sa| reading.speech_dates.get(&sa))
                .copied();
            // "The Netherlands and Australia have announced ...": in the lede, a present
            // perfect tells the news of the day or the day before.
            let stated = stated.or_else(|| {
                let d = dct?;
                let (cs, _) = claim.cue?;
                (reading.lede && perfect_before(&doc.text, cs))
                    .then(|| When::between(d - chrono::Duration::days(1), d))
            });
            let mut pieces = vec![(*s, *e)];
            // What a dated speaker said is placed by its own words or the focus, never by a
            // trigger in the saying of it ("... during a meeting with ...").
            let mut reported = false;
            // A dated speech act by a named speaker is an event of its own; what was said is
            // read on as its own piece.
            // In the lede, a body of people speaks for itself too ("prosecutors said on
            // Wednesday ...").
            let speaks = claim.claimant_kind == ClaimantKind::Named
                || reading.lede && claim.claimant_kind == ClaimantKind::Unnamed;
            if let Some(stated) = stated
                && speaks
                && claim.cue.is_some()
            {
                let named = claim.claimant_kind == ClaimantKind::Named;
                let (content, speech) = split_speech(&doc.text, *s, *e, claim.cue);
                let declared = content.and_then(|span| main_trigger(&reading, Some(span)));
                // Declaring a ceasefire over, or an agreement, is that event itself.
                if let Some((t, _)) = declared.filter(|(t, _)| named && t.kind.performative()) {
                    let idx = dated(
                        doc,
                        &mut st,
                        &t,
                        stated,
                        TimeBasis::Explicit,
                        &reading,
                        para,
                    );
                    let m = mention(doc, *s, *e, claim, Some(stated), Some(t.kind));
                    push(&mut st, idx, m, &reading, doc, para);
                    last_target = Some(idx);
                    continue;
                }
                // "X said on Wednesday that ..." is attribution: the account is of what was
                // said. Only a speech act with a setting of its own (a briefing, a meeting, an
                // interview) is an event worth a place on the timeline; it does not take the
                // focus from the event being talked about. So is a lede's saying today about
                // an event long past ("... are holding Russia responsible for the downing
                // four years ago"), which is the story's news and keeps the focus.
                let speech_text = speech.map_or("", |(a, b)| &doc.text[a..b]);
                let said = content.or(claim.cue.map(|(_, ce)| (ce, *e)));
                // Words that themselves tell the past event ("the plane was shot down by a
                // missile, the board concluded") are findings about it, not news of their own.
                let recalls = reading.lede
                    && said.is_some_and(|c| {
                        recalls_past(&reading, c, stated)
                            && main_trigger(&reading, Some(c)).is_none()
                    });
                // "Three crew will face charges, prosecutors said on Wednesday": what is still
                // to come has not happened; announcing it is the news.
                let foretells =
                    reading.lede && said.is_some_and(|(a, b)| foretold(&doc.text[a..b]));
                let news = recalls || foretells;
                if named && has_setting(speech_text) || news {
                    // What is foretold tells no event of its own: it is the announcement's.
                    let (ss, se) = if foretells {
                        (*s, *e)
                    } else {
                        speech.unwrap_or((*s, *e))
                    };
                    let idx = statement_event(doc, &mut st, &claim.claimant, stated, para);
                    let m = mention(doc, ss, se, claim, Some(stated), Some(EventType::Statement));
                    push(&mut st, idx, m, &reading, doc, para);
                    pieces = content.into_iter().filter(|_| !foretells).collect();
                    reported = true;
                    if news {
                        st.news = Some(idx);
                    }
                }
            }
            for (ps, pe) in pieces {
                let own = main_trigger(&reading, Some((ps, pe)));
                let sentence_main = if reported { None } else { main.as_ref() };
                let target = match (&own, sentence_main) {
                    // A clause with its own kind of event, different from the sentence's.
                    (Some((t, r)), Some((m, _)))
                        if !t.kind.compatible(m.kind) && t.kind != EventType::Statement =>
                    {
                        event_for(doc, dct, &mut st, t.clone(), *r, &reading, para)
                    }
                    (Some((t, r)), None) if reported && t.kind != EventType::Statement => {
                        event_for(doc, dct, &mut st, t.clone(), *r, &reading, para)
                    }
                    (_, Some((m, r))) if m.kind != EventType::Statement => *sentence_target
                        .get_or_insert_with(|| {
                            event_for(doc, dct, &mut st, m.clone(), *r, &reading, para)
                        }),
                    _ => None,
                };
                // A trigger that finds no event (a reference to nothing told before, a kind
                // too common to start one) leaves the piece to the event in focus.
                let target = match target {
                    Some(t) => Some(t),
                    None => st
                        .focus
                        .filter(|&f| {
                            // The reporter's own narration goes on telling the event in the
                            // paragraph that told it ("A fourth worker was unaccounted for.").
                            let narrates = st.last_para.get(f) == Some(&para);
                            (narrates || carries_claim(doc, ps, pe, claim)) && reaches(&st, f, para)
                        })
                        .or_else(|| {
                            // A named speaker's attributed words about no event in sight are
                            // a statement of their own; later words of that speaker join it.
                            let quotes = has_quotation(&doc.text[ps..pe])
                                || reading.quoted.iter().any(|&(a, b)| a < pe && ps < b);
                            (claim.claimant_kind == ClaimantKind::Named
                                && claim.cue.is_some()
                                && quotes)
                                .then(|| {
                                    let when = stated.unwrap_or_else(|| undated(dct).0);
                                    let basis = if stated.is_some() {
                                        TimeBasis::Explicit
                                    } else {
                                        undated(dct).1
                                    };
                                    // Not across a subheading: the speaker turned to
                                    // another subject.
                                    let found = (st.section..st.events.len()).rev().find(|&i| {
                                        st.events[i].kind == EventType::Statement
                                            && st.events[i]
                                                .mentions
                                                .iter()
                                                .any(|m| m.claimant == claim.claimant)
                                            && para <= st.last_para[i] + 2 * FOCUS_REACH
                                    });
                                    found.unwrap_or_else(|| {
                                        new_event(
                                            doc,
                                            &mut st,
                                            EventType::Statement,
                                            when,
                                            basis,
                                            para,
                                        )
                                    })
                                })
                        }),
                };
                let Some(target) = target else {
                    let first = *st.first_para.get_or_insert(para);
                    if st.events.is_empty() && para <= first + 1 {
                        let kind = own.as_ref().or(main.as_ref()).map(|(t, _)| t.kind);
                        st.opening.push(mention(doc, ps, pe, claim, stated, kind));
                    }
                    continue;
                };
                st.first_para.get_or_insert(para);
                let kind = own.as_ref().or(main.as_ref()).map(|(t, _)| t.kind);
                let m = mention(doc, ps, pe, claim, stated, kind);
                push(&mut st, target, m, &reading, doc, para);
                last_target = Some(target);
            }
        }
        if let Some(target) = last_target {
            st.focus = Some(
                st.news
                    .filter(|&n| recalled(&st.events[target], &st.events[n]))
                    .unwrap_or(target),
            );
        }
        if let Some(first) = st.events.first_mut()
            && !st.opening.is_empty()
        {
            // Before the event's own mentions: they come first in the text.
            let opening = std::mem::take(&mut st.opening);
            for m in &opening {
                first.words.extend(content_words(&doc.text[m.start..m.end]));
            }
            first.mentions.splice(0..0, opening);
        }
    }
    let mut events = st.events;
    let paragraph_of = |offset: usize| {
        let i = sentences.partition_point(|s| s.end <= offset);
        sentences.get(i).map_or(usize::MAX, |s| s.paragraph)
    };
    date_by_citations(&mut events, &cited_dates(doc, &timexes), paragraph_of);
    let mut events = consolidate(events, gaz);
    for e in &mut events {
        e.places = rank(&e.places);
        e.actors = rank(&e.actors);
    }
    events.retain(|e| !e.mentions.is_empty());
    events
}

/// Dates given by an event told before ("arrested the day after the fire"): the date of
/// the latest event of the named kind dated firmly to a day or a month, moved by the
/// phrase's offset, with the phrase's span.
fn event_dates(phrases: &[after::EventDate], st: &State<'_>) -> Vec<(When, Span)> {
    phrases
        .iter()
        .filter_map(|d| {
            let day = st.events.iter().rev().find_map(|e| {
                let firm = matches!(
                    e.basis,
                    TimeBasis::Explicit | TimeBasis::Relative | TimeBasis::Narrative
                );
                let (lo, hi) = e.when.day_range()?;
                let close = (hi - lo).num_days() <= 31;
                (firm && close && same_kind(e.kind, d.kind)).then_some((lo, hi))
            })?;
            d.offset
                .from_range(day.0, day.1)
                .map(|when| (when, (d.start, d.end)))
        })
        .collect()
}

/// One document telling the same event in several places, without a date that tells them
/// apart: events of one kind whose dates can be the same days (with a week's slack for
/// week-wide expressions such as "last week") and whose places agree become one.
fn consolidate(events: Vec<DocEvent>, gaz: &Gazetteer) -> Vec<DocEvent> {
    let mut out: Vec<DocEvent> = Vec::new();
    for e in events {
        let same = out.iter().position(|o| {
            same_kind(o.kind, e.kind)
                && o.kind != EventType::Statement
                && e.kind != EventType::Statement
                && dates_agree(o, &e)
                && (o.places.is_empty()
                    || e.places.is_empty()
                    || o.places
                        .iter()
                        .any(|p| e.places.iter().any(|q| gaz.same_place(p, q))))
        });
        match same {
            Some(i) => {
                let o = &mut out[i];
                if e.basis < o.basis {
                    o.when = e.when;
                    o.basis = e.basis;
                }
                o.mentions.extend(e.mentions);
                o.mentions.sort_by_key(|m| (m.start, m.end));
                o.words.merge(e.words);
                o.places.extend(e.places);
                o.actors.extend(e.actors);
                for t in e.triggers {
                    if !o.triggers.contains(&t) {
                        o.triggers.push(t);
                    }
                }
                for n in e.nouns {
                    if !o.nouns.contains(&n) {
                        o.nouns.push(n);
                    }
                }
                if o.gist.is_empty() {
                    o.gist = e.gist;
                }
            }
            None => out.push(e),
        }
    }
    out
}

fn dates_agree(a: &DocEvent, b: &DocEvent) -> bool {
    let weak = |e: &DocEvent| matches!(e.basis, TimeBasis::Dct | TimeBasis::Unknown);
    if weak(a) && weak(b) {
        return true;
    }
    if weak(a) || weak(b) {
        // An undated mention of a dated event, told with the same noun ("the emergency
        // meeting", "the massacre"); verbs such as "killed" name too many events, and an event
        // told as another occurrence ("a strike in the same province last month") is not it.
        let firm = if weak(a) { b } else { a };
        let recurs = firm
            .mentions
            .iter()
            .any(|m| m.trigger.is_some() && RECURRENCE.is_match(&m.quote));
        return !recurs && a.nouns.iter().any(|t| b.nouns.contains(t));
    }
    match (a.when.day_range(), b.when.day_range()) {
        (Some((a0, a1)), Some((b0, b1))) => {
            let wide = (a1 - a0).num_days() >= 4 || (b1 - b0).num_days() >= 4;
            let exact = a.basis == TimeBasis::Explicit && b.basis == TimeBasis::Explicit;
            let slack = chrono::Duration::days(if exact {
                0
            } else if wide {
                7
            } else {
                1
            });
            a0 <= b1 + slack && b0 <= a1 + slack
        }
        _ => false,
    }
}

/// The heaviest trigger of the sentence's own business (within `span` when given). Triggers
/// inside a relational phrase belong to another event and never lead; speech acts lead only
/// when nothing happens otherwise.
fn main_trigger(reading: &Reading, span: Option<(usize, usize)>) -> Option<(Trigger, Region)> {
    let inside = |t: &Trigger| span.is_none_or(|(s, e)| t.start >= s && t.end <= e);
    let in_region = |region: Region| -> Vec<Trigger> {
        reading
            .triggers
            .iter()
            .filter(|(t, r)| *r == region && inside(t))
            .map(|(t, _)| t.clone())
            .collect()
    };
    // A noun inside quoted speech is something the speaker talks about ("al-Nusra is not
    // part of the cessation of hostilities"), not the event the sentence reports.
    let quoted_noun = |t: &Trigger| {
        t.nominal
            && reading
                .quoted
                .iter()
                .any(|&(s, e)| s <= t.start && t.end <= e)
    };
    let main: Vec<Trigger> = in_region(Region::Main)
        .into_iter()
        .filter(|t| !quoted_noun(t))
        .collect();
    let leads = |ts: &[Trigger]| ts.iter().any(|t| t.kind != EventType::Statement);
    let (own, region) = if !leads(&main) && leads(&in_region(Region::Sub)) {
        (in_region(Region::Sub), Region::Sub)
    } else {
        (main, Region::Main)
    };
    let events: Vec<Trigger> = own
        .iter()
        .filter(|t| t.kind != EventType::Statement)
        .cloned()
        .collect();
    // "Prosecutors charged two engineers over the collapse, which killed 43 people": what
    // happens in a clause describing a noun is background to the act the sentence's own
    // verb tells. Without such a verb, the clause tells the news ("the convoy, which was
    // attacked on Monday").
    let background = |t: &Trigger| {
        reading
            .describing
            .iter()
            .any(|&(s, e)| s <= t.start && t.end <= e)
    };
    let acts = |t: &Trigger| !t.nominal && !reading.gerunds.contains(&t.start) && !background(t);
    let events = if events.iter().any(acts) {
        events.into_iter().filter(|t| !background(t)).collect()
    } else {
        events
    };
    // A clause's verb says what it is about; a weighty noun in a phrase around it ("backed
    // by Russian airstrikes") does not outrank it.
    // Gerunds ("Attacking an army means ...") name an activity, not the clause's event.
    let verbs: Vec<Trigger> = events
        .iter()
        .filter(|t| !t.nominal && t.kind.weight() >= 3 && !reading.gerunds.contains(&t.start))
        .cloned()
        .collect();
    let events = if verbs.is_empty() { events } else { verbs };
    triggers::main_trigger(&events)
        .or_else(|| triggers::main_trigger(&own))
        .map(|t| (t.clone(), region))
}

/// Whether the reporting verb at `cue` is in the present perfect ("have announced", "has
/// also said").
fn perfect_before(text: &str, cue: usize) -> bool {
    let before = lower_tail(text, cue);
    let mut words = before.split_whitespace().rev();
    let first = words.next();
    let aux = |w: Option<&str>| matches!(w, Some("have" | "has" | "'ve" | "’ve"));
    aux(first) || first.is_some_and(|w| w.ends_with("ly") || w == "also") && aux(words.next())
}

/// Whether what was said (the span `content`) is about an event dated well before the
/// saying: a date in it that ends more than a month before the speech.
fn recalls_past(reading: &Reading, (start, end): (usize, usize), stated: When) -> bool {
    let Some((said, _)) = stated.day_range() else {
        return false;
    };
    reading.dates.iter().any(|d| {
        d.3 >= start
            && d.3 < end
            && d.1 <= TimeBasis::Relative
            && d.0
                .day_range()
                .is_some_and(|(_, last)| (said - last).num_days() > LONG_PAST_DAYS)
    })
}

/// Whether words tell what is still to come: a future ("will face", "would study") or a
/// plan ("is to stand trial", "are due to", "is set to").
fn foretold(said: &str) -> bool {
    let words: Vec<String> = said
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "will" | "would" | "won't" | "shall")
            || matches!(w.as_str(), "is" | "are" | "was" | "were")
                && words.get(i + 1).is_some_and(|n| {
                    n == "to"
                        || matches!(n.as_str(), "due" | "set")
                            && words.get(i + 2).is_some_and(|t| t == "to")
                })
    })
}

/// Whether `past` happened well before the story's `news`: recalled background.
fn recalled(past: &DocEvent, news: &DocEvent) -> bool {
    match (past.when.day_range(), news.when.day_range()) {
        (Some((_, last)), Some((first, _))) => (first - last).num_days() > LONG_PAST_DAYS,
        _ => false,
    }
}

/// Whether a speech act happens somewhere worth telling: a briefing, a meeting, a session, an
/// interview, a speech, a statement of its own.
fn has_setting(speech: &str) -> bool {
    static SETTING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:briefing|press conference|news conference|meeting|session|summit|interview|speech|address(?:ed)?|hearing|visit|talks with|in a statement|statement released|televised|broadcast)\b")
            .expect("valid pattern")
    });
    SETTING.is_match(speech)
}

/// The statement event of a speaker on a day, found or started.
fn statement_event(
    doc: &Document,
    st: &mut State<'_>,
    speaker: &str,
    when: When,
    para: usize,
) -> usize {
    st.events
        .iter()
        .position(|ev| {
            ev.kind == EventType::Statement
                && ev.when.overlaps(&when)
                && ev.mentions.iter().any(|m| m.claimant == speaker)
        })
        .unwrap_or_else(|| {
            new_event(
                doc,
                st,
                EventType::Statement,
                when,
                TimeBasis::Explicit,
                para,
            )
        })
}

/// The event a sentence's main trigger is about, found or started. In order: a date in the
/// clause; a definite reference ("the strike", "the convoy"); the paragraph's date; the same
/// place named again; the event in focus; else a new event when the trigger is specific.
fn event_for(
    doc: &Document,
    dct: Option<NaiveDate>,
    st: &mut State<'_>,
    t: Trigger,
    region: Region,
    reading: &Reading,
    para: usize,
) -> Option<usize> {
    let gaz = st.gaz;
    let compatible = |e: &DocEvent| e.kind.compatible(t.kind);
    let place_ok = |e: &DocEvent| {
        reading.places.is_empty()
            || e.places.is_empty()
            || reading
                .places
                .iter()
                .any(|p| e.places.iter().any(|q| gaz.same_place(p, q)))
    };
    // The sentence's date for this trigger: in its region and clause, nearest the trigger.
    let own_date = reading
        .dates
        .iter()
        .filter(|d| {
            (d.2 == region || d.2 == Region::Sub)
                && (d.2 != region || same_clause(&doc.text, d.3, t.start))
        })
        .min_by_key(|d| (d.3.abs_diff(t.start), d.1))
        .map(|d| (d.0, d.1));
    if let Some((w, basis)) = own_date {
        return Some(dated(doc, st, &t, w, basis, reading, para));
    }
    // "the strike", "this attack", "the convoy": the latest event told with that word, else
    // the latest of that kind.
    let before = lower_tail(&doc.text, t.start);
    // A possessive ("the coalition's massacre") makes a noun as definite as "the" does.
    let definite = t.nominal && definite_before(&before);
    if definite {
        let head = doc.text[t.start..t.end]
            .rsplit(' ')
            .next()
            .unwrap_or("")
            .to_lowercase();
        // The most recently mentioned event that fits, by word, then kind.
        let latest = |fits: &dyn Fn(&DocEvent) -> bool| {
            (0..st.events.len())
                .filter(|&i| fits(&st.events[i]) && place_ok(&st.events[i]))
                .max_by_key(|&i| (st.last_para[i], i))
        };
        let head = stem(&head);
        let by_word = latest(&|e| e.triggers.iter().any(|w| stem(w) == head));
        let by_kind = latest(&|e| e.kind == t.kind);
        let by_compatible = latest(&|e| compatible(e));
        if let Some(i) = by_word.or(by_kind).or(by_compatible) {
            return Some(i);
        }
    }
    // An undated noun of the open vocabulary only refers back ("the recount"): it dates
    // nothing and starts nothing, except in the lede, which tells the story's news.
    if matches!(t.kind, EventType::Open(_)) && !reading.lede {
        return None;
    }
    // The paragraph's date, when an earlier sentence set it.
    let inherited = st
        .para_date
        .filter(|(p, _, _)| *p == para && !reading.dates.iter().any(|d| d.2 == Region::Main))
        .map(|(_, w, b)| (w, b.max(TimeBasis::Narrative)));
    if let Some((w, basis)) = inherited {
        return Some(dated(doc, st, &t, w, basis, reading, para));
    }
    // The same place named again for the same kind of event.
    if let Some(i) = st.events.iter().rposition(|e| {
        same_kind(e.kind, t.kind)
            && reading
                .places
                .iter()
                .any(|p| e.places.iter().any(|q| gaz.same_place(p, q)))
    }) {
        return Some(i);
    }
    // The event in focus, when of the same kind: an offensive told after an air strike is
    // another event ("ISIL launched an offensive minutes after the airstrikes").
    if let Some(f) = st
        .focus
        .filter(|&f| same_kind(st.events[f].kind, t.kind) && reaches(st, f, para))
    {
        return Some(f);
    }
    // A new event only when it is specific: a kind of its own weight, in the sentence's own
    // business, with a place or a named actor, or told in the lede, which is the story's news
    // whether or not the gazetteer knows its places ("Rebels attacked a ferry near Vylkove").
    // "-ing" forms ("laying siege to places and killing people") describe what goes on, not
    // one event.
    let progressive = !t.nominal && doc.text[t.start..t.end].ends_with("ing");
    // An event of the open vocabulary starts only with a date of its own: its words are
    // too common in other senses to start an event on a place or a name alone.
    let open = matches!(t.kind, EventType::Open(_)) && !reading.lede;
    let specific = region == Region::Main
        && !open
        && !progressive
        && t.kind.weight() >= 2
        && (!reading.places.is_empty() || !reading.actors.is_empty() || reading.lede)
        && !generic(doc, &t);
    if !specific {
        return None;
    }
    // "7 minutes after the airstrikes", "immediately": told as following an event already
    // dated, it happened the same day.
    if let Some(i) = follows(doc, st, reading, para) {
        let (w, b) = (
            st.events[i].when,
            st.events[i].basis.max(TimeBasis::Narrative),
        );
        return Some(new_event(doc, st, t.kind, w, b, para));
    }
    let (when, basis) = match dct {
        // "The court has convicted ...": the news perfect tells what happened that day or
        // the day before.
        Some(d) if reading.hot_news => (
            When::between(d - chrono::Duration::days(1), d),
            TimeBasis::Relative,
        ),
        Some(d) => (
            When::Interval(Bound::Open, Bound::At(Point::from_date(d))),
            TimeBasis::Dct,
        ),
        None => (When::Unknown, TimeBasis::Unknown),
    };
    Some(new_event(doc, st, t.kind, when, basis, para))
}

/// The event of this kind at this date (and place), found or started.
fn dated(
    doc: &Document,
    st: &mut State<'_>,
    t: &Trigger,
    w: When,
    basis: TimeBasis,
    reading: &Reading,
    para: usize,
) -> usize {
    let gaz = st.gaz;
    let sentence = reading.triggers.first().map_or("", |(tr, _)| {
        let start = doc.text[..tr.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let end = doc.text[tr.end..]
            .find(['.', '\n'])
            .map_or(doc.text.len(), |i| tr.end + i);
        &doc.text[start..end]
    });
    let recurrence = RECURRENCE.is_match(sentence);
    let found = st.events.iter().rposition(|e| {
        let place_ok = reading.places.is_empty()
            || e.places.is_empty()
            || reading
                .places
                .iter()
                .any(|p| e.places.iter().any(|q| gaz.same_place(p, q)));
        // An event known only to precede the article takes the date, unless the sentence
        // says this is another occurrence ("hit once before, in 2019").
        // Same kind only: the convoy attack of Monday is not the fighting of Monday night.
        let kind_ok = same_kind(e.kind, t.kind);
        // An undated event adopts the date only when the sentence shares a place or an actor
        // with it: a meeting in Damascus on Monday is not the Security Council's meeting.
        let shares = || {
            reading
                .places
                .iter()
                .any(|p| e.places.iter().any(|q| gaz.same_place(p, q)))
                || reading.actors.iter().any(|a| e.actors.contains(a))
        };
        kind_ok
            && place_ok
            && (e.when.overlaps(&w) && e.basis < TimeBasis::Dct
                || e.basis >= TimeBasis::Dct && !recurrence && shares())
    });
    match found {
        Some(i) => {
            if basis < st.events[i].basis {
                st.events[i].when = w;
                st.events[i].basis = basis;
            }
            i
        }
        None => new_event(doc, st, t.kind, w, basis, para),
    }
}

/// Whether an event of kind `a` can be told by a trigger of kind `b` in one document: the
/// same kind; performatives of one family (a ceasefire declared, its agreement); or, with
/// an open class, kinds the vocabulary calls compatible (the crash of a plane shot down).
fn same_kind(a: EventType, b: EventType) -> bool {
    let open = matches!(a, EventType::Open(_)) || matches!(b, EventType::Open(_));
    a == b || (open || a.performative() && b.performative()) && a.compatible(b)
}

/// Words that say an event happened again: the clause is about another occurrence.
static RECURRENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:once before|twice before|previously|again|another|earlier (?:attack|strike|raid)s?|last time|a similar|in the past|in the same (?:province|city|area|region|district|town|village|place))\b")
        .expect("valid pattern")
});

/// Words that tie a clause to the event just told, on the same day.
static SEQUENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:immediately|(?:minutes|hours|shortly|soon|just)\s+(?:after|afterwards)|moments later|the same (?:day|night|evening)|that same (?:day|night|evening)|in response)\b")
        .expect("valid pattern")
});

/// The dated event a sentence says it follows closely ("immediately", "minutes after the
/// airstrikes"): the one its relational phrase names, else the event in focus.
fn follows(doc: &Document, st: &State<'_>, reading: &Reading, para: usize) -> Option<usize> {
    let sentence_start = reading.triggers.first().map(|(t, _)| t.start)?;
    let line_start = doc.text[..sentence_start]
        .rfind(['.', '\n'])
        .map_or(0, |i| i + 1);
    let line_end = doc.text[sentence_start..]
        .find('\n')
        .map_or(doc.text.len(), |i| sentence_start + i);
    if !SEQUENCE.is_match(&doc.text[line_start..line_end]) {
        return None;
    }
    let firm = |e: &DocEvent| e.basis <= TimeBasis::Narrative;
    let named = reading
        .triggers
        .iter()
        .filter(|(_, r)| *r == Region::Object)
        .find_map(|(t, _)| {
            st.events
                .iter()
                .rposition(|e| e.kind.compatible(t.kind) && firm(e))
        });
    named.or(st
        .focus
        .filter(|&f| firm(&st.events[f]) && reaches(st, f, para)))
}

/// A participle used as an adjective describes a thing, not an event of the clause: "the
/// downed aircraft", "with allegedly downed aircraft", "of bombed villages".
fn adjectival(before: &str) -> bool {
    const LEADS: &[&str] = &[
        "the", "a", "an", "with", "of", "by", "for", "its", "their", "his", "her",
    ];
    let words: Vec<String> = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2)
        .map(str::to_lowercase)
        .collect();
    match words.as_slice() {
        [w, ..] if LEADS.contains(&w.as_str()) => true,
        [adverb, w, ..] if adverb.ends_with("ly") && LEADS.contains(&w.as_str()) => true,
        _ => false,
    }
}

/// A verb after "to" or a modal names something that may happen, not something that did:
/// "allowed to attack", "would strike", "could be captured".
fn hypothetical(before: &str) -> bool {
    const MODALS: &[&str] = &[
        "to", "would", "could", "will", "may", "might", "should", "must", "can", "cannot",
    ];
    let words: Vec<String> = before
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    // "to attack", "would strike", "could be attacked", "will have struck", "to regroup and
    // attack"
    match words.as_slice() {
        [c, _, w, ..] if matches!(c.as_str(), "and" | "or") && w == "to" => true,
        [w, ..] if MODALS.contains(&w.as_str()) => true,
        [b, w, ..]
            if matches!(b.as_str(), "be" | "have" | "not") && MODALS.contains(&w.as_str()) =>
        {
            true
        }
        _ => false,
    }
}

/// A word without its commonest English endings, for matching "attack", "attacks",
/// "attacked" and "attacking".
fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 4
        {
            return base.to_string();
        }
    }
    w
}

/// Whether the words before a noun make it definite: a determiner, possibly with up to two
/// adjectives between ("this flagrant attack", "the same deadly raid"), or a possessive ("the
/// coalition's massacre").
fn definite_before(before: &str) -> bool {
    if before.ends_with("'s") || before.ends_with("’s") || before.ends_with("s'") {
        return true;
    }
    const DETERMINERS: &[&str] = &[
        "the", "this", "that", "these", "those", "its", "their", "such",
    ];
    let words: Vec<&str> = before
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    for (k, w) in words.iter().enumerate() {
        if DETERMINERS.contains(w) {
            return true;
        }
        // Only adjective-like words may stand between: not verbs of the clause.
        if k == 2
            || matches!(
                *w,
                "was" | "were" | "is" | "are" | "had" | "has" | "have" | "and" | "of" | "by" | "on"
            )
        {
            return false;
        }
    }
    false
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
    // "to attack" is a verb whatever the lexicon says of "attack"; "the downed aircraft" an
    // adjective.
    if hypothetical(&doc.text[..t.start]) || !t.nominal && adjectival(&doc.text[..t.start]) {
        return true;
    }
    let before = lower_tail(&doc.text, t.start);
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
    st: &mut State<'_>,
) {
    let main = main_trigger(reading, None);
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

/// What one sentence tells. `timexes` and `names` hold at least those inside the sentence
/// (see [`Spans::within`]); `quoted` is the quotations of its line ([`quoted_regions`]).
#[allow(clippy::too_many_arguments)]
fn read(
    doc: &Document,
    sentence: &Sentence,
    units: &[(usize, usize, &Claim)],
    timexes: &[Timex],
    citations: &[(usize, usize)],
    names: &[Match],
    quoted: &[(usize, usize)],
    open: &[Trigger],
    asides: &[(usize, usize)],
    lede: Option<bool>,
    nested: &[(usize, usize)],
    describing: &[(usize, usize)],
    by_event: &[(When, Span)],
    undated: bool,
    gaz: &Gazetteer,
) -> Reading {
    let (hot_news, lede) = (lede == Some(true), lede.is_some());
    let text = &doc.text[sentence.start..sentence.end];
    let object_from = relational::object_start(text).map(|o| sentence.start + o);
    let sub_until = relational::opening_subordinate(text).map(|o| sentence.start + o);
    let region = |at: usize| {
        if object_from.is_some_and(|o| at >= o) {
            Region::Object
        } else if sub_until.is_some_and(|o| at < o) {
            Region::Sub
        } else {
            Region::Main
        }
    };
    // Only the quotations this sentence touches: a line may hold thousands.
    let touching: Vec<(usize, usize)> = quoted
        .iter()
        .copied()
        .filter(|&(s, e)| s < sentence.end && e > sentence.start)
        .collect();
    let titles = quoted_titles(&doc.text, &touching);
    let mut fixed: Vec<Trigger> = triggers::find(text)
        .into_iter()
        .map(|t| Trigger {
            start: t.start + sentence.start,
            end: t.end + sentence.start,
            ..t
        })
        .collect();
    // The open vocabulary adds what the fixed list does not tell, never a second reading of
    // the same words.
    let (light, open): (Vec<&Trigger>, Vec<&Trigger>) = open
        .iter()
        .filter(|o| o.end <= sentence.end)
        .partition(|o| o.kind.weight() < open::OWN_EVENT_WEIGHT);
    let extra: Vec<Trigger> = open
        .into_iter()
        .chain(light.iter().copied())
        .filter(|o| !fixed.iter().any(|f| f.start < o.end && o.start < f.end))
        .cloned()
        .collect();
    fixed.extend(extra);
    fixed.sort_by_key(|t| (t.start, t.end));
    let triggers: Vec<(Trigger, Region)> = fixed
        .into_iter()
        // A dated citation ("(America is silent as Aleppo is massacred, Foreign Policy, 6 May
        // 2016)") names a publication, not an event.
        .filter(|t| {
            !citations
                .iter()
                .chain(&titles)
                .chain(by_event.iter().map(|(_, span)| span))
                .any(|&(s, e)| s <= t.start && t.end <= e)
        })
        .map(|t| {
            let r = region(t.start);
            (t, r)
        })
        .collect();
    let said: Vec<(usize, usize)> = units.iter().filter_map(|(_, _, c)| c.said_at).collect();
    let mut dates = Vec::new();
    let mut speech_dates = BTreeMap::new();
    for t in timexes
        .iter()
        .filter(|t| t.start >= sentence.start && t.end <= sentence.end)
    {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        // In a document with no date of its own, "on Tuesday" still says the clause tells
        // something that happened on a day, though not which: it dates the clause as unknown.
        let when = match t.when {
            Some(w) => w,
            None if undated && t.anchor == Anchor::Unresolved => When::Unknown,
            None => continue,
        };
        if citations.iter().any(|&(s, e)| t.start >= s && t.end <= e) {
            continue;
        }
        // A date in a clause about a participant ("Vell, who ran the firm from 2012") dates
        // only that clause, unless an event is told inside it.
        if asides.iter().any(|&(s, e)| {
            s <= t.start && t.end <= e && !triggers.iter().any(|(g, _)| s <= g.start && g.end <= e)
        }) {
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
        // "today" inside a quotation is the speaker's today, not the article's; a weekday
        // ("on Friday") names the same day whether said today or yesterday.
        if t.anchor != Anchor::Absolute
            && !names_weekday(&t.text)
            && quoted.iter().any(|&(s, e)| s <= t.start && t.end <= e)
        {
            continue;
        }
        let basis = match t.anchor {
            Anchor::Absolute => TimeBasis::Explicit,
            Anchor::Dct => TimeBasis::Relative,
            Anchor::Narrative => TimeBasis::Narrative,
            Anchor::Unresolved if undated => TimeBasis::Unknown,
            Anchor::Unresolved => continue,
        };
        // "since 2006", "until May", "by 2020" bound a period; they do not date an event.
        let lead = lower_tail(&doc.text, t.start);
        let last = lead.rsplit(|c: char| !c.is_alphanumeric()).next();
        if last.is_some_and(|w| ["since", "until", "till", "by", "through"].contains(&w)) {
            continue;
        }
        // Decades and longer say too little to date an event by; a year still tells an
        // event of 2019 from one of 2021.
        if when
            .day_range()
            .is_some_and(|(a, b)| (b - a).num_days() > 366)
        {
            continue;
        }
        // A date of an event noun inside another event's argument is that noun's business.
        let region = if nested.iter().any(|&(s, e)| s == t.start && e == t.end) {
            Region::Object
        } else {
            region(t.start)
        };
        dates.push((when, basis, region, t.start));
    }
    // "the day after the fire": dated by the event it names, which is not this sentence's.
    for &(when, (start, _)) in by_event {
        dates.push((when, TimeBasis::Relative, region(start), start));
    }
    let mut places = Vec::new();
    let mut actors = Vec::new();
    for m in names
        .iter()
        .filter(|m| m.start >= sentence.start && m.end <= sentence.end)
    {
        if region(m.start) == Region::Object || route_end(&doc.text, m.start, m.end) {
            continue;
        }
        let entry = gaz.entry(m.entry);
        match entry.kind {
            // "Arab and African Affairs" names no place.
            EntityKind::Place if m.demonym => {}
            // "Moscow's prompting", "Washington and Moscow agreed": a seat of government
            // stands for the government unless the text puts something there.
            EntityKind::Place
                if entry.seat_of.is_some()
                    && (!preceded_by_preposition(&doc.text, m.start)
                        || possessive(&doc.text[m.end..])) =>
            {
                let seat = entry.seat_of.as_deref().and_then(|id| gaz.by_id(id));
                actors.push(seat.unwrap_or(entry).name.clone())
            }
            EntityKind::Place => places.push(entry.name.clone()),
            EntityKind::Country if !m.demonym && preceded_by_preposition(&doc.text, m.start) => {
                places.push(entry.name.clone())
            }
            EntityKind::Media => {}
            _ => actors.push(entry.name.clone()),
        }
    }
    // A predicate of the open vocabulary is an event of its own only with a date in its
    // clause ("crashed on Friday evening") or in the lede, which tells the story's news;
    // undated elsewhere, its words are too often used in other senses ("contact was lost",
    // "failed to provide"), so the sentence reads as if it had no trigger.
    let triggers: Vec<(Trigger, Region)> = triggers
        .into_iter()
        .filter(|(t, r)| {
            let dated = || {
                dates
                    .iter()
                    .any(|d| d.2 != Region::Object && same_clause(&doc.text, d.3, t.start))
            };
            // A light kind ("apologised", "called for") only with a date of its own.
            let light = t.kind.weight() < open::OWN_EVENT_WEIGHT;
            !matches!(t.kind, EventType::Open(_))
                || *r != Region::Object
                    && if light {
                        !t.nominal && dated()
                    } else {
                        lede || dated()
                            || t.nominal && definite_before(&lower_tail(&doc.text, t.start))
                    }
        })
        .collect();
    // "Three were killed when fire tore through a factory": beside an event of the open
    // vocabulary, a fixed trigger that the vocabulary reads as a death or an injury tells
    // what that event did, not an attack.
    let opened = triggers
        .iter()
        .any(|(t, _)| matches!(t.kind, EventType::Open(_)));
    let triggers: Vec<(Trigger, Region)> = if opened {
        triggers
            .into_iter()
            .filter(|(t, _)| {
                matches!(t.kind, EventType::Open(_))
                    || !light.iter().any(|l| l.start < t.end && t.start < l.end)
            })
            .collect()
    } else {
        triggers
    };
    let gerunds = triggers
        .iter()
        .filter(|(t, _)| !t.nominal && doc.text[t.start..t.end].ends_with("ing"))
        .map(|(t, _)| t.start)
        .collect();
    Reading {
        lede,
        hot_news,
        gerunds,
        quoted: quoted.to_vec(),
        describing: describing.to_vec(),
        triggers,
        dates,
        speech_dates,
        places,
        actors,
    }
}

/// The few words before `at`, lower case and trimmed: enough for any look-behind here,
/// without lower-casing the whole text before each trigger and name.
fn lower_tail(text: &str, at: usize) -> String {
    let mut from = at.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at].trim_end().to_lowercase()
}

/// "Moscow's", "Moscow’s": the name is an owner, not a location.
fn possessive(after: &str) -> bool {
    after.starts_with("'s") || after.starts_with("’s")
}

/// A locative preposition before a name: "in Syria", "travelled to Damascus"; but not "handed
/// over to Russia", where "to" marks a recipient.
fn preceded_by_preposition(text: &str, start: usize) -> bool {
    const MOTION: &[&str] = &[
        "travelled",
        "traveled",
        "went",
        "came",
        "flew",
        "returned",
        "trip",
        "visit",
        "journey",
        "moved",
        "deployed",
        "sent",
        "fled",
        "headed",
        "heading",
        "arrived",
        "back",
        "way",
        "route",
        "road",
        "convoy",
        "convoys",
        "aid",
        "refugees",
    ];
    let before = lower_tail(text, start);
    let mut words = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty());
    match words.next() {
        Some("in" | "into" | "across" | "throughout" | "inside" | "at" | "near" | "outside") => {
            true
        }
        Some("to") => words.next().is_some_and(|w| MOTION.contains(&w)),
        _ => false,
    }
}

/// "Friday", "on Tuesday night": a weekday by name (the date tagger's lexicon says which
/// words are).
fn names_weekday(text: &str) -> bool {
    use crate::dates::lexicon::{Lex, classify};
    text.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| matches!(classify(w.as_bytes()), Lex::Weekday { plural: false, .. }))
}

/// A place named as the start or end of a journey: "a flight from Amsterdam to Kuala
/// Lumpur", "the Amsterdam-Kuala Lumpur flight". A route says where something travelled,
/// not where an event happened.
fn route_end(text: &str, start: usize, end: usize) -> bool {
    let before = lower_tail(text, start);
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    let after = &text[end..];
    let then = after.trim_start();
    let capital_after = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let from_to = last == Some("from")
        && then
            .strip_prefix("to ")
            .is_some_and(|rest| capital_after(rest.trim_start()));
    let to_after_from = last == Some("to")
        && before
            .rsplit_once(" from ")
            .is_some_and(|(_, between)| between.split_whitespace().count() <= 5);
    // A hyphenated pair of places before a noun: "the Amsterdam-Kuala Lumpur flight".
    let paired = after.strip_prefix(['-', '–']).is_some_and(capital_after)
        || before.ends_with(['-', '–'])
            && text[..start]
                .trim_end_matches(['-', '–'])
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(capital_after);
    from_to || to_after_from || paired
}

/// Parenthesised citations that end with a date: "(Some headline, RT, 29 April 2016)". Their
/// dates date a publication, not the events told before them.
fn citation_spans(doc: &Document, timexes: &[Timex]) -> Vec<(usize, usize)> {
    cited_dates(doc, timexes)
        .into_iter()
        .map(|(s, e, _)| (s, e))
        .collect()
}

/// Longest parenthesised citation, in bytes, before its date: a headline and an outlet.
const MAX_CITATION: usize = 400;

/// Dated citations with their dates.
fn cited_dates(doc: &Document, timexes: &[Timex]) -> Vec<(usize, usize, When)> {
    let text = doc.text.as_str();
    let mut out = Vec::new();
    for t in timexes {
        let Some(when) = t.when else { continue };
        let after = &text[t.end..];
        let closes = after.trim_start_matches([' ', '.']).starts_with(')');
        // A citation is short: look back a bounded way, so that a line of thousands of dates
        // costs each date the same.
        let mut from = t.start.saturating_sub(MAX_CITATION);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let back = &text[from..t.start];
        let line_start = back.rfind('\n').map_or(from, |i| from + i + 1);
        if let Some(o) = back.rfind('(').map(|i| from + i)
            && closes
            && o >= line_start
            && text[o..t.start].contains(',')
        {
            out.push((o, t.end + after.find(')').map_or(0, |i| i + 1), when));
        }
    }
    out
}

/// Spans of quoted speech in or around a sentence: “...” pairs, and the open ends of a
/// quotation that runs over several sentences or paragraphs (a line that closes a quote it
/// never opened is quoted from its start).
fn quoted_regions(text: &str, (line_start, line_end): (usize, usize)) -> Vec<(usize, usize)> {
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
    // Single marks: ‘...’ closes at a ’ that is not an apostrophe inside a word.
    let mut single: Option<usize> = None;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '‘' => single = Some(i),
            '’' if single.is_some()
                && !chars.get(k + 1).is_some_and(|(_, n)| n.is_alphabetic()) =>
            {
                out.push((
                    line_start + single.unwrap_or(0),
                    line_start + i + c.len_utf8(),
                ));
                single = None;
            }
            _ => {}
        }
    }
    out
}

/// Quoted titles of works ("under the headline ‘America is silent as Aleppo is massacred’")
/// name a publication, not an event.
fn quoted_titles(text: &str, quoted: &[(usize, usize)]) -> Vec<(usize, usize)> {
    const LEADS: &[&str] = &[
        "headline",
        "headlined",
        "titled",
        "entitled",
        "title",
        "article",
        "report",
        "book",
        "film",
        "documentary",
        "op-ed",
        "column",
    ];
    quoted
        .iter()
        .copied()
        .filter(|&(s, _)| {
            let before = lower_tail(text, s);
            let last = before
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or("");
            LEADS.contains(&last)
        })
        .collect()
}

fn has_quotation(text: &str) -> bool {
    text.contains('“') || text.contains('”') || text.matches('"').count() >= 2
}

/// Whether event `f` is still being talked about at this paragraph.
fn reaches(st: &State<'_>, f: usize, para: usize) -> bool {
    // A story that has told one event so far is still about it, however long it dwells on
    // reactions; the reach matters once there are events to choose between.
    let own = st
        .events
        .get(f)
        .is_some_and(|e| e.kind != EventType::Statement);
    let alone = st.told == usize::from(own);
    st.last_para
        .get(f)
        .is_some_and(|&last| alone || para <= last + FOCUS_REACH)
}

/// A dated speech act cut into what was said and the saying of it. When the quotation comes
/// first ("'...,' said X on Sunday"), the content is before the cue; when the speaker comes
/// first ("X announced on Monday that ..."), it follows the "that" or colon after the cue.
fn split_speech(
    text: &str,
    start: usize,
    end: usize,
    cue: Option<(usize, usize)>,
) -> (Option<Span>, Option<Span>) {
    let Some((cs, ce)) = cue.filter(|&(cs, _)| cs >= start && cs < end) else {
        return (None, None);
    };
    let before = text[start..cs].trim_end();
    let quote_first = before.ends_with([',', '”', '"', '’', '\'']) || before.ends_with(",”");
    if quote_first && cs > start {
        return (Some((start, cs)), Some((cs, end)));
    }
    let after = &text[ce.min(end)..end];
    let opener = [" that ", ": ", ":"]
        .iter()
        .filter_map(|m| after.find(m).map(|i| (i, m.len())))
        .min();
    if let Some((i, len)) = opener.filter(|&(i, _)| i <= 120) {
        let split = ce + i + len;
        return (Some((split, end)), Some((start, split)));
    }
    // "..., two of them officers, prosecutors said on Wednesday": a speaker's tag of a few
    // words after the last comma, with words said before it (not "Smith, the mayor, said").
    if let Some(comma) = before.rfind(',')
        && (1..=6).contains(&before[comma + 1..].split_whitespace().count())
        && before[..comma].split_whitespace().count() >= 4
    {
        return (Some((start, start + comma)), Some((start + comma + 1, end)));
    }
    (None, Some((start, end)))
}

fn new_event(
    doc: &Document,
    st: &mut State<'_>,
    kind: EventType,
    when: When,
    basis: TimeBasis,
    para: usize,
) -> usize {
    if kind != EventType::Statement {
        st.told += 1;
    }
    st.events.push(DocEvent::new(&doc.id, kind, when, basis));
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
        facets: claim.facets.clone().into(),
        comment: claim.comment,
        stated_on,
        trigger,
    }
}

/// Without surrounding spaces, commas and dangling punctuation.
/// The span without edge punctuation, and without quotation marks that open or close outside
/// it: a sentence of a quote that runs over several sentences starts with a “ that is closed
/// elsewhere, and the page sets every quote in marks of its own.
fn trim(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    let junk = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '…' | '—' | '–');
    loop {
        let before = (start, end);
        while let Some(c) = text[start..end].chars().next().filter(|&c| junk(c)) {
            start += c.len_utf8();
        }
        while let Some(c) = text[start..end].chars().next_back().filter(|&c| junk(c)) {
            end -= c.len_utf8();
        }
        let s = &text[start..end];
        let count = |c: char| s.matches(c).count();
        let (first, last) = (s.chars().next(), s.chars().next_back());
        let (opens, closes, straight) = (count('“'), count('”'), count('"'));
        if s.chars().count() >= 2
            && ((first == Some('“') && last == Some('”') && opens == 1 && closes == 1)
                || (first == Some('"') && last == Some('"') && straight == 2))
        {
            // Wholly enclosed: drop both marks.
            start += first.map_or(0, char::len_utf8);
            end -= last.map_or(0, char::len_utf8);
        } else if (first == Some('“') && opens > closes)
            || (first == Some('"') && straight % 2 == 1)
        {
            start += first.map_or(0, char::len_utf8);
        } else if (last == Some('”') && closes > opens) || (last == Some('"') && straight % 2 == 1)
        {
            end -= last.map_or(0, char::len_utf8);
        }
        if (start, end) == before {
            return (start, end);
        }
    }
}

fn push(
    st: &mut State<'_>,
    target: usize,
    m: Mention,
    reading: &Reading,
    doc: &Document,
    para: usize,
) {
    // ", while", "When in": a scrap between two voices says nothing on its own.
    let words = m
        .quote
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric));
    if m.end <= m.start || words.count() < 3 && m.facets.is_empty() && m.trigger.is_none() {
        return;
    }
    let event = &mut st.events[target];
    if event.gist.is_empty() && m.trigger.is_some_and(|t| t.compatible(event.kind)) {
        event.gist = m.quote.clone();
    }
    event.words.extend(content_words(&doc.text[m.start..m.end]));
    for (t, r) in &reading.triggers {
        if *r == Region::Main
            && t.start >= m.start
            && t.end <= m.end
            && (t.kind.compatible(event.kind) || !modifies_noun(&doc.text[t.end..]))
        {
            let head = doc.text[t.start..t.end]
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if t.nominal && !event.nouns.contains(&head) {
                event.nouns.push(head.clone());
            }
            if !event.triggers.contains(&head) {
                event.triggers.push(head);
            }
        }
    }
    // Where and who come from the mentions that name the event, not from the quotes and
    // comments riding on it.
    if m.trigger.is_some() && !m.comment {
        event.places.extend(reading.places.iter().cloned());
        event.actors.extend(reading.actors.iter().cloned());
    }
    // Only a mention that names the event (by a trigger) keeps it in focus; commentary and
    // quotes riding on the focus do not extend it.
    let refreshes = m.trigger.is_some() || event.kind == EventType::Statement;
    event.mentions.push(m);
    if refreshes {
        st.last_para[target] = para;
    }
}

/// "ceasefire violations", "strike talks": the trigger word modifies a noun that names
/// something else, so a later "the ceasefire" does not refer back to this event.
fn modifies_noun(after: &str) -> bool {
    const HEADS: &[&str] = &[
        "violation",
        "violations",
        "breach",
        "breaches",
        "monitor",
        "monitors",
        "monitoring",
        "talks",
        "negotiations",
        "negotiators",
        "line",
        "lines",
        "zone",
        "zones",
        "map",
        "maps",
        "terms",
        "proposal",
        "proposals",
        "plan",
        "plans",
    ];
    let next = after
        .trim_start_matches([' ', '\u{2019}', '\''])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    HEADS.contains(&next.to_lowercase().as_str())
}

/// A subheading: a short line of its own without a closing full stop.
/// `line_starts`: the offset of each line of the document's text (0, then after each `\n`).
fn is_heading(doc: &Document, line_starts: &[usize], sentence: &Sentence) -> bool {
    let (line_start, line_end) = line_of(doc, line_starts, sentence);
    let line = doc.text[line_start..line_end].trim();
    line == doc.text[sentence.start..sentence.end].trim()
        && (1..=10).contains(&line.split_whitespace().count())
        && !line.ends_with(['.', ':', ',', ';', '”', '"'])
        && !line.starts_with(['“', '"', '…'])
}

/// The line a sentence starts on, to the end of the line it ends on (without the `\n`):
/// the last line start at or before the sentence, and the first `\n` at or after its end.
fn line_of(doc: &Document, line_starts: &[usize], sentence: &Sentence) -> (usize, usize) {
    let start = line_starts[line_starts.partition_point(|&s| s <= sentence.start) - 1];
    let end = match line_starts.partition_point(|&s| s <= sentence.end) {
        i if i < line_starts.len() => line_starts[i] - 1,
        _ => doc.text.len(),
    };
    (start, end)
}

/// The quotations of the line of the last sentence asked about: the sentences of one line
/// share them, and a line of thousands of sentences is read once, not once per sentence.
#[derive(Default)]
struct LineQuotes {
    line: Option<(usize, usize)>,
    regions: Vec<(usize, usize)>,
}

impl LineQuotes {
    fn of(
        &mut self,
        doc: &Document,
        line_starts: &[usize],
        sentence: &Sentence,
    ) -> &[(usize, usize)] {
        let line = line_of(doc, line_starts, sentence);
        if self.line != Some(line) {
            self.regions = quoted_regions(&doc.text, line);
            self.line = Some(line);
        }
        &self.regions
    }
}

/// Looking up the dates and names inside a sentence: by binary search when they are in order
/// of start (as the tagger and the gazetteer give them), so that each sentence costs the
/// spans it holds, not all of the document's.
struct Spans {
    timexes_sorted: bool,
    names_sorted: bool,
}

impl Spans {
    fn timexes<'a>(&self, all: &'a [Timex], sentence: &Sentence) -> &'a [Timex] {
        starting_within(all, self.timexes_sorted, sentence, |t| t.start)
    }

    fn names<'a>(&self, all: &'a [Match], sentence: &Sentence) -> &'a [Match] {
        starting_within(all, self.names_sorted, sentence, |m| m.start)
    }
}

/// The items that start inside the sentence (from its start to its end, inclusive), in
/// order, when `sorted` by start; else all of them. Callers still test that each lies inside.
fn starting_within<'a, T>(
    items: &'a [T],
    sorted: bool,
    sentence: &Sentence,
    start: impl Fn(&T) -> usize,
) -> &'a [T] {
    if !sorted {
        return items;
    }
    let from = items.partition_point(|t| start(t) < sentence.start);
    let to = items.partition_point(|t| start(t) <= sentence.end);
    &items[from..to.max(from)]
}

/// The claims that may overlap each sentence, found once for all sentences: sentences come
/// in text order without overlapping, so each claim is listed under the sentences its span
/// reaches. Sentences out of order (never made by the splitter) fall back to every claim.
struct ClaimIndex {
    /// Claim indices by sentence, in claim order; `None`: read every claim.
    by_sentence: Option<Vec<Vec<usize>>>,
}

impl ClaimIndex {
    fn new(claims: &[Claim], sentences: &[Sentence]) -> ClaimIndex {
        let ordered = sentences
            .windows(2)
            .all(|w| w[0].start <= w[0].end && w[0].end <= w[1].start);
        if !ordered {
            return ClaimIndex { by_sentence: None };
        }
        let mut by_sentence = vec![Vec::new(); sentences.len()];
        for (i, c) in claims.iter().enumerate() {
            // The first sentence that ends after the claim starts, then on while they start
            // before it ends.
            let first = sentences.partition_point(|s| s.end <= c.start);
            for (j, s) in sentences.iter().enumerate().skip(first) {
                if s.start >= c.end {
                    break;
                }
                by_sentence[j].push(i);
            }
        }
        ClaimIndex {
            by_sentence: Some(by_sentence),
        }
    }

    /// The claims to test against the sentence numbered `j` (those that overlap it, or all
    /// of them), in order.
    fn of<'c>(&'c self, claims: &'c [Claim], j: usize) -> Box<dyn Iterator<Item = &'c Claim> + 'c> {
        match &self.by_sentence {
            Some(by) => Box::new(by[j].iter().map(move |&i| &claims[i])),
            None => Box::new(claims.iter()),
        }
    }
}

/// The date of an event known only to precede its document.
fn undated(dct: Option<NaiveDate>) -> (When, TimeBasis) {
    match dct {
        Some(d) => (
            When::Interval(Bound::Open, Bound::At(Point::from_date(d))),
            TimeBasis::Dct,
        ),
        None => (When::Unknown, TimeBasis::Unknown),
    }
}

/// Events dated only by their document take the date of the first dated citation that follows
/// them closely ("(..., RT, 29 April 2016)"): what the article reports from a publication
/// happened on or shortly before its date.
fn date_by_citations(
    events: &mut [DocEvent],
    citations: &[(usize, usize, When)],
    paragraph_of: impl Fn(usize) -> usize,
) {
    for e in events
        .iter_mut()
        .filter(|e| matches!(e.basis, TimeBasis::Dct | TimeBasis::Unknown))
    {
        let (Some(first), Some(last)) = (e.mentions.first(), e.mentions.last()) else {
            continue;
        };
        let last_para = paragraph_of(last.start);
        let cited = citations
            .iter()
            .filter(|(s, _, _)| *s >= first.start && paragraph_of(*s) <= last_para + 3)
            .min_by_key(|(s, _, _)| *s);
        if let Some((_, _, When::Point(p))) = cited {
            e.when = When::Point(Point {
                approximate: true,
                ..*p
            });
            e.basis = TimeBasis::Inherited;
        }
    }
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

#[cfg(test)]
mod tests {
    use super::{document_events, modifies_noun, route_end, trim};

    #[test]
    fn the_ends_of_a_route_are_not_where_an_event_happened() {
        let ends = |text: &str| -> Vec<&str> {
            ["Amsterdam", "Kuala Lumpur", "Grabovo", "Lyon"]
                .into_iter()
                .filter(|p| {
                    text.find(p)
                        .is_some_and(|s| route_end(text, s, s + p.len()))
                })
                .collect()
        };
        let text = "A flight from Amsterdam to Kuala Lumpur was shot down near Grabovo.";
        assert_eq!(ends(text), ["Amsterdam", "Kuala Lumpur"]);
        let text = "The missile that downed the Amsterdam-Kuala Lumpur flight near Grabovo.";
        assert_eq!(ends(text), ["Amsterdam", "Kuala Lumpur"]);
        // Where the event happened, and a place one comes from without a route.
        assert!(ends("Fighters from Grabovo attacked a convoy in Lyon.").is_empty());
    }
    use crate::gazetteer::Gazetteer;
    use crate::ingest::{Format, read_str};

    fn events(text: &str) -> Vec<super::DocEvent> {
        let doc = read_str("t.txt", text.as_bytes(), Format::Text).expect("plain text reads");
        let dct = chrono::NaiveDate::from_ymd_opt(2021, 3, 4);
        document_events(&doc, dct, Gazetteer::builtin())
    }

    /// The days of the first event of kind `noun` (panics when there is none).
    fn day_of(e: &[super::DocEvent], noun: &str) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        e.iter()
            .find(|e| e.kind.noun() == noun)
            .unwrap_or_else(|| panic!("no {noun} in {e:?}"))
            .when
            .day_range()
    }

    /// A day of March 2021 as a range of one day.
    fn march(day: u32) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let d = chrono::NaiveDate::from_ymd_opt(2021, 3, day).expect("valid");
        (d, d)
    }

    #[test]
    fn events_outside_the_fixed_list_are_told_with_their_date() {
        // A crash, a verdict: kinds of the open vocabulary, dated by their own clause.
        let e = events(
            "A regional airliner crashed short of the runway at Ostby on Tuesday evening, \
             police said. Investigators recovered both flight recorders.",
        );
        assert_eq!(day_of(&e, "crash"), Some(march(2)), "{e:?}");
        let e = events("A jury in Vell convicted the former mayor of fraud on Monday.");
        assert!(e.iter().any(|e| e.kind.noun() == "verdict"), "{e:?}");
    }

    #[test]
    fn a_date_given_by_an_event_told_before_dates_its_clause() {
        // "two days after the crash": the crash was on Tuesday, 2 March; the arrest on the 4th.
        let e = events(
            "A regional airliner crashed short of the runway at Ostby on Tuesday evening, \
             police said.\n\nThe airline's maintenance chief was arrested two days after the \
             crash.",
        );
        assert_eq!(day_of(&e, "crash"), Some(march(2)), "{e:?}");
        let arrest = e.iter().find(|e| e.kind.noun() != "crash");
        let arrest = arrest.unwrap_or_else(|| panic!("no arrest in {e:?}"));
        assert_eq!(arrest.when.day_range(), Some(march(4)), "{e:?}");
    }

    #[test]
    fn a_clause_describing_a_noun_is_background_to_the_sentence_s_act() {
        // The verb of the sentence tells its news; what the relative clause tells (a
        // collapse that killed, a fire that destroyed) happened before and elsewhere.
        let e = events(
            "Prosecutors on Tuesday charged two engineers over the collapse of the Arden \
             bridge in 2018, which killed 43 people.",
        );
        assert_eq!(e.first().map(|e| e.kind.noun()), Some("charges"), "{e:?}");
        assert_eq!(day_of(&e, "charges"), Some(march(2)), "{e:?}");
        let e = events(
            "The insurer on Monday sued the owners of the Harlow mill that burned down in \
             2019.",
        );
        assert_eq!(e.first().map(|e| e.kind.noun()), Some("lawsuit"), "{e:?}");
        // Without an act of the sentence's own, the clause tells the news.
        let e = events("The convoy that was bombed near Ostby on Tuesday had carried flour.");
        assert_eq!(day_of(&e, "attack"), Some(march(2)), "{e:?}");
    }

    #[test]
    fn a_lede_that_recalls_a_past_event_tells_the_saying_as_news() {
        // What was announced today about a crash two years ago is the story's news; the
        // quotes that follow are about it, while the crash keeps its own date.
        let text = "State to sue\n\nTransport minister Lena Berg has announced the state is \
                    suing the airline for its part in the crash of Flight 412 near Ostby two \
                    years ago.\n\nThe crash on 10 March 2019 killed 157 people.\n\n\
                    \"We want the truth, not money,\" said Ana Ruiz, whose husband died.";
        let e = events(text);
        let news = e
            .iter()
            .find(|e| e.kind == super::EventType::Statement)
            .unwrap_or_else(|| panic!("no statement in {e:?}"));
        let day = chrono::NaiveDate::from_ymd_opt(2021, 3, 4).expect("valid");
        assert_eq!(news.when.day_range().map(|r| r.1), Some(day), "{e:?}");
        assert!(
            news.mentions.iter().any(|m| m.claimant == "Ana Ruiz"),
            "{e:?}"
        );
        let crash = chrono::NaiveDate::from_ymd_opt(2019, 3, 10).expect("valid");
        assert!(
            e.iter().any(|e| e.kind != super::EventType::Statement
                && e.when.day_range() == Some((crash, crash))),
            "{e:?}"
        );
        // A finding about the past event told as a clause of its own is an account of it.
        let text = "Report out\n\nThe ferry sank after its hull cracked, investigators \
                    concluded on Tuesday in their final report on the sinking in May 2019.";
        let e = events(text);
        assert!(
            e.iter().all(|e| e.kind != super::EventType::Statement),
            "{e:?}"
        );
    }

    #[test]
    fn a_lede_that_announces_what_is_to_come_tells_the_announcement() {
        // Charges still to be brought have not happened: announcing them is the news, and
        // the whole sentence is its account, the speaker's tag after the last comma.
        let text = "Charges over ferry sinking\n\nThree crew members will face manslaughter \
                    charges over the sinking of the Aldra ferry, two of them officers, \
                    prosecutors said on Wednesday.";
        let e = events(text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].kind, super::EventType::Statement, "{e:?}");
        assert_eq!(day_of(&e, "statement"), Some(march(3)), "{e:?}");
        assert_eq!(e[0].mentions[0].claimant, "prosecutors", "{e:?}");
        assert!(e[0].mentions[0].quote.starts_with("Three crew"), "{e:?}");
    }

    #[test]
    fn a_speech_tag_after_a_comma_ends_what_was_said() {
        let text = "Three crew members will face charges, prosecutors said on Wednesday.";
        let cue = text.find("said").map(|c| (c, c + 4));
        let (content, _) = super::split_speech(text, 0, text.len(), cue);
        assert_eq!(
            content.map(|(a, b)| &text[a..b]),
            Some("Three crew members will face charges")
        );
        // A speaker set off by commas is no words said; "that" opens them.
        let text = "Smith, the mayor said on Monday that the plant will close.";
        let cue = text.find("said").map(|c| (c, c + 4));
        let (content, _) = super::split_speech(text, 0, text.len(), cue);
        assert_eq!(
            content.map(|(a, b)| &text[a..b]),
            Some("the plant will close.")
        );
        let text = "Smith, the mayor said so on Monday.";
        let cue = text.find("said").map(|c| (c, c + 4));
        assert_eq!(super::split_speech(text, 0, text.len(), cue).0, None);
    }

    #[test]
    fn the_lede_tells_its_event_wherever_it_happened() {
        // No date and a place no gazetteer knows: the lede is still the story's news.
        let text = "Ferry hit\n\nGunmen attacked a passenger ferry off Vylkove harbour, \
                    the port authority said.\n\nTwo crew members were hurt.";
        let e = events(text);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].kind.noun(), "attack", "{e:?}");
        // Later in the story, the same sentence is no news of its own.
        let text = "Ferry hit\n\nThis is the third of our letters from the coast, written for \
                    readers far from it.\n\nGunmen attacked a passenger ferry off Vylkove \
                    harbour, the port authority said.";
        assert!(events(text).is_empty(), "{:?}", events(text));
    }

    #[test]
    fn an_undated_document_still_tells_what_happened_on_a_day() {
        // No date of its own: "on Thursday" cannot be resolved, but it still says the
        // clause tells something that happened then.
        let text = "Market notes\n\nShares in the group fell sharply in early trading. \
                    On Thursday the regulator confirmed that it had opened an inquiry into \
                    trading in the shares.";
        let doc = read_str("t.txt", text.as_bytes(), Format::Text).expect("plain text reads");
        let e = document_events(&doc, None, Gazetteer::builtin());
        let inquiry = e
            .iter()
            .find(|e| e.kind.noun() == "investigation")
            .unwrap_or_else(|| panic!("no inquiry in {e:?}"));
        assert!(inquiry.when.is_unknown(), "{inquiry:?}");
    }

    #[test]
    fn the_reporters_narration_goes_on_telling_the_event_of_its_paragraph() {
        let e = events(
            "A warehouse in Leeds burned down on Tuesday, the fire service said. A \
             fourth worker was unaccounted for.\n\nThe company makes furniture.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        let quotes: Vec<&str> = e[0].mentions.iter().map(|m| m.quote.as_str()).collect();
        assert!(
            quotes.iter().any(|q| q.contains("fourth worker")),
            "{quotes:?}"
        );
        // Background in a paragraph of its own is no account of the fire.
        assert!(
            !quotes.iter().any(|q| q.contains("furniture")),
            "{quotes:?}"
        );
    }

    #[test]
    fn a_story_of_one_event_stays_about_it() {
        // Three paragraphs after the fire was last named, a named speaker's words are still
        // about it: the story has told no other event.
        let e = events(
            "A warehouse in Leeds burned down on Tuesday, the fire service said.\n\n\
             Neighbours said they had complained about the site.\n\n\
             The council said it would review its records.\n\n\
             A union official said staff had raised concerns.\n\n\
             \"We are devastated,\" said the owner, Ann Lee.",
        );
        assert_eq!(e.len(), 1, "{e:?}");
        assert!(
            e[0].mentions.iter().any(|m| m.quote.contains("devastated")),
            "{e:?}"
        );
    }

    #[test]
    fn the_opening_sums_up_the_first_event_told() {
        // The lede names no event word the reader can use; the story's first event, told
        // in the next sentence, is what it sums up.
        let e = events(
            "The town will have a new bridge by summer, and the mayor is delighted about it.\n\n\
             Councillors voted to approve the plan on Monday, the council said.\n\n\
             Nothing else was decided.\n\n\
             The bridge will cost four million pounds, the treasurer said.",
        );
        let first = e.first().unwrap_or_else(|| panic!("no event in {e:?}"));
        let quotes: Vec<&str> = first.mentions.iter().map(|m| m.quote.as_str()).collect();
        assert!(quotes[0].starts_with("The town will have"), "{quotes:?}");
        assert!(quotes.iter().any(|q| q.contains("voted")), "{quotes:?}");
    }

    #[test]
    fn a_light_kind_with_a_date_of_its_own_is_an_event() {
        // Dated and asserted, an apology or a call is told; undated, it is talk.
        let e = events("The hospital trust apologised to the families on Tuesday.");
        assert_eq!(day_of(&e, "concession"), Some(march(2)), "{e:?}");
        let e = events("The union called for a public inquiry on Monday.");
        assert_eq!(day_of(&e, "appeal"), Some(march(1)), "{e:?}");
        assert!(events("The union called for a public inquiry.").is_empty());
    }

    #[test]
    fn a_date_between_speaker_and_verb_is_when_it_was_said() {
        // DCT Thursday 4 March 2021: "on Monday" dates the saying, not the arrest.
        let text = "Police on Monday said the driver had been arrested.";
        let e = events(text);
        assert!(
            e.iter().all(|e| e.when.day_range() != Some(march(1))),
            "{e:?}"
        );
        let stated = e.iter().flat_map(|e| &e.mentions).find_map(|m| m.stated_on);
        assert_eq!(stated.and_then(|w| w.day_range()), Some(march(1)), "{e:?}");
    }

    #[test]
    fn a_weekday_in_a_quotation_dates_what_the_speaker_tells() {
        // DCT Thursday 4 March 2021: "on Monday" is 1 March whoever says it; "today" in a
        // quotation is the speaker's day, which the text does not give.
        let e = events("“Our candidate was elected on Monday,” the party's spokeswoman said.");
        assert_eq!(day_of(&e, "election"), Some(march(1)), "{e:?}");
        let e = events("“Our candidate was elected today,” the party's spokeswoman said.");
        assert!(
            e.iter().all(|e| e.when.day_range() != Some(march(4))),
            "{e:?}"
        );
    }

    #[test]
    fn a_definite_event_noun_without_a_date_refers_back() {
        // "the fire", "the recount": the event already told, not a new one and not nothing.
        let e = events(
            "A fire broke out at the Brookside plant on Monday night. \
             Two night-shift workers died in the fire.",
        );
        let fires: Vec<_> = e.iter().filter(|e| e.kind.noun() == "disaster").collect();
        assert_eq!(fires.len(), 1, "{e:?}");
        assert_eq!(fires[0].mentions.len(), 2, "{e:?}");
        // Without an event to refer to, the noun starts none.
        let e = events("Two night-shift workers died in the fire.");
        assert!(e.iter().all(|e| e.kind.noun() != "disaster"), "{e:?}");
    }

    #[test]
    fn a_date_in_a_clause_about_a_participant_does_not_date_the_event() {
        let e = events(
            "On Monday the court convicted the former director, who ran the charity from \
             2012 to 2019, of fraud.",
        );
        assert_eq!(day_of(&e, "verdict"), Some(march(1)), "{e:?}");
    }

    #[test]
    fn capitals_standing_for_governments_are_actors_and_adjectives_name_no_place() {
        let e = events(
            "On Monday the deputy minister for Arab and African Affairs travelled to Damascus \
             for a meeting with Moscow's envoy.",
        );
        assert_eq!(e[0].places, ["Damascus"]);
        assert!(
            e[0].actors.iter().any(|a| a == "Russian government"),
            "{e:?}"
        );
        // A recipient is not a location: "handed the list to Russia".
        let e = events("On Monday Syria handed a list to Russia and held a meeting in Geneva.");
        assert_eq!(e[0].places, ["Geneva"]);
    }

    #[test]
    fn a_speakers_words_after_a_subheading_are_another_statement() {
        let text = "Harbour strike enters its second week\n\n\
                    \"We will not go back without a contract,\" said Maria Lund, the union's \
                    negotiator.\n\n\
                    \"The pension fund has been short for years,\" Lund said.\n\n\
                    The pension gap\n\n\
                    \"Nobody told the members how large the gap was,\" Lund said.\n";
        let statements: Vec<usize> = events(text)
            .iter()
            .filter(|e| e.kind == super::EventType::Statement)
            .map(|e| e.mentions.len())
            .collect();
        assert_eq!(statements, [2, 1], "{statements:?}");
    }

    #[test]
    fn scraps_between_voices_are_no_accounts() {
        let e = events(
            "A shell hit the bakery in Arica on Monday. The clinic put the death toll at four, \
             while a charity put the toll at six.",
        );
        let quotes: Vec<&str> = e[0].mentions.iter().map(|m| m.quote.as_str()).collect();
        assert_eq!(quotes.len(), 3, "{quotes:?}");
        assert!(
            quotes.iter().all(|q| q.split(' ').count() >= 3),
            "{quotes:?}"
        );
    }

    #[test]
    fn a_trigger_that_modifies_another_noun_is_no_antecedent() {
        assert!(modifies_noun(" violations, it said"));
        assert!(modifies_noun("’ talks"));
        assert!(!modifies_noun(" held for a week"));
    }

    fn trimmed(text: &str) -> &str {
        let (s, e) = trim(text, 0, text.len());
        &text[s..e]
    }

    #[test]
    fn trim_drops_quotation_marks_that_belong_outside_the_span() {
        // The first sentence of a quote that runs on: its mark closes elsewhere.
        assert_eq!(trimmed(" “It was planned, "), "It was planned");
        // The last sentence of one.
        assert_eq!(trimmed("Nobody was warned.”"), "Nobody was warned.");
        // Wholly enclosed, in curly or straight marks.
        assert_eq!(trimmed("“We deny it.”"), "We deny it.");
        assert_eq!(trimmed("\"We deny it.\","), "We deny it.");
        // Marks that pair inside the span stay.
        assert_eq!(
            trimmed("“A mistake,” he said, “and we regret it.”"),
            "“A mistake,” he said, “and we regret it.”"
        );
        assert_eq!(
            trimmed("the so-called “moderates”"),
            "the so-called “moderates”"
        );
        // A lone mark is nothing to quote.
        assert_eq!(trimmed(" “ "), "");
    }
}
