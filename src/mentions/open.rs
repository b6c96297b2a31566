//! Triggers of the open vocabulary, read off the parse: the predicates of the event
//! vocabulary (`data/events.yaml`), such as a plane that crashed, a court that convicted, an
//! election held, shares that fell, a bomb that exploded. The event reader keeps those the
//! fixed trigger list does not tell.
//!
//! Only predicates that say something happened count: not negated, not hypothetical, not a
//! kind of event ("any crash"), and not plain reporting, which attribution reads. A class
//! must weigh at least [`OWN_EVENT_WEIGHT`] to make an event of its own: deaths and
//! movements are told as parts of other events, and are returned so that the reader can
//! tell "killed" in "killed when fire tore through" from the event that killed.

use super::after;
use super::anchor::{self, Governor};
use super::predicate::{self, Pred};
use super::sentences::Sentence;
use super::tree::Tree;
use super::triggers::{EventType, Trigger};
use crate::dates::{Anchor, Timex, TimexType};
use crate::ingest::{Document, SegmentKind};
use crate::lexicon::{Lexicon, Phase};
use crate::syntax;
use chrono::NaiveDate;

/// The least class weight (1-5, from the vocabulary) of a predicate that tells an event of
/// its own; lighter ones (deaths, injuries, movements) tell what another event did.
pub const OWN_EVENT_WEIGHT: u8 = 3;

/// The fewest words of a lede: shorter first lines are bylines, datelines and furniture.
const LEDE_WORDS: usize = 8;

/// What the parse of a document's dated sentences tells the event reader.
#[derive(Debug, Default)]
pub struct Reading {
    /// Open-vocabulary triggers, in text order (byte offsets into the document).
    pub triggers: Vec<Trigger>,
    /// Clauses that describe a participant and hold a date ("Vell, who ran the firm from
    /// 2012 to 2021, ..."; "a man arrested in May"): byte spans, in text order. Such a date
    /// belongs to that clause, not to the event the sentence tells.
    pub asides: Vec<(usize, usize)>,
    /// The lede, the article's first sentence of news (byte span): what it tells happened
    /// is the story's event whether or not it carries a date ("The court has found three
    /// men guilty").
    pub lede: Option<(usize, usize)>,
    /// Dates that an event noun inside another event's argument governs ("found guilty of
    /// the downing in 2014"): byte spans. Such a date is that noun's, not the sentence's.
    pub nested: Vec<(usize, usize)>,
    /// The lede tells its event in the present perfect ("The court has convicted ..."):
    /// news of the day, told on the document's date or the day before.
    pub hot_news: bool,
    /// Phrases dated by a named event ("the day after the fire"), in text order, with
    /// offsets into the document.
    pub by_event: Vec<after::EventDate>,
    /// Clauses that describe a noun ("the missile that downed the plane", "the bridge
    /// collapse, which killed 43 people"): byte spans, in text order. What happens in them
    /// is background to the sentence's own news.
    pub describing: Vec<(usize, usize)>,
}

/// The document's open-vocabulary triggers and dated asides. In a sentence with a date, and
/// in the lede, the predicates that tell something happened; in others, the definite event
/// nouns that refer back to an event.
pub fn read(
    doc: &Document,
    sentences: &[Sentence],
    timexes: &[Timex],
    dct: Option<NaiveDate>,
) -> Reading {
    let Ok(model) = syntax::model() else {
        return Reading::default();
    };
    let lex = Lexicon::active();
    let mut out = Vec::new();
    let mut asides = Vec::new();
    let mut dates = timexes
        .iter()
        .filter(|x| matches!(x.kind, TimexType::Date | TimexType::Time))
        .map(|x| (x.start, x.end, x.anchor == Anchor::Absolute))
        .collect::<Vec<_>>();
    // Dates after the document's own name what is planned, not what happened.
    let past: Vec<(usize, usize)> = timexes
        .iter()
        .filter(|x| {
            let first = x.when.as_ref().and_then(|w| w.day_range()).map(|r| r.0);
            // Without a document date, "last October" is still a past date, if not which.
            matches!(x.kind, TimexType::Date | TimexType::Time)
                && match (first, dct) {
                    (Some(f), Some(d)) => f <= d,
                    (_, None) => true,
                    (None, Some(_)) => false,
                }
        })
        .map(|x| (x.start, x.end))
        .collect();
    dates.sort_unstable();
    let mut nested = Vec::new();
    let mut hot_news = false;
    let mut by_event = Vec::new();
    let mut describing = Vec::new();
    let lede = sentences
        .iter()
        .find(|s| {
            !s.headline
                && doc.segments[s.segment].kind == SegmentKind::Body
                && s.text(doc).split_whitespace().count() >= LEDE_WORDS
                // A sentence, not a title line or furniture.
                && s.text(doc).trim_end().trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!', '?'])
        })
        .map(|s| (s.start, s.end));
    for sentence in sentences.iter().filter(|s| !s.headline) {
        let from = dates.partition_point(|&(d, _, _)| d < sentence.start);
        // "arrested the day after the fire" is dated too, by the event it names.
        let phrases = after::find(sentence.text(doc), lex);
        let dated =
            dates.get(from).is_some_and(|&(d, _, _)| d < sentence.end) || !phrases.is_empty();
        by_event.extend(phrases.into_iter().map(|d| after::EventDate {
            start: sentence.start + d.start,
            end: sentence.start + d.end,
            ..d
        }));
        let words = syntax::parse_text(model, sentence.text(doc), sentence.start);
        let t = Tree::new(&words);
        let news = dated || lede == Some((sentence.start, sentence.end));
        describing.extend(
            (0..t.len())
                .filter(|&w| describes(&t, w))
                .map(|w| t.bytes(w)),
        );
        let preds = predicate::find(&t, lex);
        let is_lede = lede == Some((sentence.start, sentence.end));
        for p in &preds {
            let found = if news {
                trigger(&t, lex, &preds, p).or_else(|| reference(&t, p).filter(|_| !dated))
            } else {
                reference(&t, p)
            };
            if is_lede && found.is_some() && present_perfect(&t, p.word) {
                hot_news = true;
            }
            out.extend(found);
        }
        for &(d, e, absolute) in dates[from..]
            .iter()
            .take_while(|&&(d, _, _)| d < sentence.end)
        {
            if let Some(c) = t.at_byte(d).and_then(|w| describing_clause(&t, w)) {
                // "a report published on Monday", "a deal signed in June": a clause that
                // dates an event noun tells that event; about a participant ("a man
                // arrested in May"), it is an aside.
                match described_event(&t, &preds, c) {
                    Some(noun) if matches!(noun.kind, EventType::Open(_)) => out.push(noun),
                    // The fixed list tells it.
                    Some(_) => {}
                    None => {
                        let (a, b) = t.span(c);
                        asides.push(t.bytes_of(a, b));
                    }
                }
            }
            if within_argument(&t, lex, &preds, (d, e), absolute) {
                nested.push((d, e));
            } else if past.contains(&(d, e)) {
                out.extend(dated_noun(&t, lex, &preds, (d, e)));
            }
        }
    }
    out.sort_by_key(|t| (t.start, t.end));
    out.dedup_by_key(|t| (t.start, t.end));
    asides.sort_unstable();
    asides.dedup();
    describing.sort_unstable();
    describing.dedup();
    Reading {
        triggers: out,
        asides,
        lede,
        nested,
        hot_news,
        by_event,
        describing,
    }
}

/// The clause above word `w` that modifies a noun (a relative clause, a participle or
/// infinitive after a noun), if any: its head. A clause whose subject or object is a
/// relative pronoun is one however the parser attached it.
fn describing_clause(t: &Tree<'_, '_>, w: usize) -> Option<usize> {
    std::iter::once(w)
        .chain(t.ancestors(w))
        .find(|&a| describes(t, a))
}

/// Whether word `a` heads a clause that modifies a noun.
fn describes(t: &Tree<'_, '_>, a: usize) -> bool {
    t.upos(a) == "VERB"
        && (matches!(t.rel(a), "acl:relcl" | "acl")
            || t.children_with(a, &["nsubj", "nsubj:pass", "obj"])
                .any(|c| matches!(t.xpos(c), "WP" | "WDT")))
}

/// The event noun a dated describing clause `c` is about, as a trigger: a noun of an event
/// class of its own weight, told as having happened (the clause is past and asserted).
fn described_event(t: &Tree<'_, '_>, preds: &[Pred], c: usize) -> Option<Trigger> {
    let noun = t.head(c)?;
    let p = preds.iter().find(|p| p.word == noun && p.nominal)?;
    let kind = EventType::of_class(p.class?);
    let past = matches!(t.xpos(c), "VBD" | "VBN");
    let clause = preds.iter().find(|q| q.word == c);
    let asserted = clause.is_none_or(|q| !q.negated && !q.hypothetical);
    if kind.weight() < OWN_EVENT_WEIGHT || p.negated || p.generic || !past || !asserted {
        return None;
    }
    Some(noun_trigger(t, noun, kind))
}

/// An event noun whose own phrase holds a past date ("the fire at the plant last October",
/// "Tuesday's crash", "the vote of 3 May"): that event happened then, whatever the clause
/// around it tells ("... contributed to the deaths of four workers in the fire ...").
fn dated_noun(
    t: &Tree<'_, '_>,
    lex: &Lexicon,
    preds: &[Pred],
    (start, end): (usize, usize),
) -> Option<Trigger> {
    let Some(Governor::Pred(i)) = anchor::governor(t, lex, preds, start, end) else {
        return None;
    };
    let weighty = |q: &Pred| {
        q.class
            .is_some_and(|c| EventType::of_class(c).weight() >= OWN_EVENT_WEIGHT)
    };
    let mut p = &preds[i];
    // "the deaths of four workers in the fire in October": deaths are told as what an event
    // did, so the date is that event's.
    if p.nominal && !weighty(p) {
        p = preds
            .iter()
            .filter(|q| q.nominal && weighty(q) && t.dominates(p.word, q.word))
            .min_by_key(|q| q.word.abs_diff(p.word))?;
    }
    let kind = EventType::of_class(p.class?);
    let told = matches!(p.phase, None | Some(Phase::Begin | Phase::Continue));
    // A date that opens the sentence ("Today, the results were presented") dates its clause
    // however the parser hung it; a noun at the root is a misread clause.
    let run = t.within(start, end);
    let opens_clause = run.start <= 1 && run.end < t.len() && t.form(run.end) == ",";
    // "said in her opening speech in January": the setting of a speech act, which
    // attribution dates.
    let speech_setting = t
        .head(p.word)
        .is_some_and(|h| lex.speech.verb(t.lemma(h)).is_some());
    if opens_clause || speech_setting || t.head(p.word).is_none() {
        return None;
    }
    if !p.nominal
        || !matches!(kind, EventType::Open(_))
        || kind.weight() < OWN_EVENT_WEIGHT
        || p.negated
        || p.hypothetical
        || p.generic
        || !told
        || describing_clause(t, p.word).is_some()
    {
        return None;
    }
    Some(noun_trigger(t, p.word, kind))
}

/// The trigger of an event noun, word `w`.
fn noun_trigger(t: &Tree<'_, '_>, w: usize, kind: EventType) -> Trigger {
    let word = t.word(w);
    Trigger {
        start: word.start,
        end: word.end,
        kind,
        nominal: true,
    }
}

/// Whether the date at bytes `[start, end)` belongs to an event noun that is an argument of
/// another event's verb: "found three men guilty of the downing in 2014" (the downing's
/// year, not the verdict's), "released data on the crash of 17 July".
fn within_argument(
    t: &Tree<'_, '_>,
    lex: &Lexicon,
    preds: &[Pred],
    (start, end): (usize, usize),
    absolute: bool,
) -> bool {
    let noun = match anchor::governor(t, lex, preds, start, end) {
        Some(Governor::Pred(p)) if preds[p].nominal => preds[p].word,
        Some(Governor::Noun(n)) => n,
        // "has found them guilty of the downing in 2014": a present perfect takes no
        // calendar date of the past, so the parser hung the date too high; it is the
        // nearest event noun's before it.
        Some(Governor::Pred(p)) if absolute && present_perfect(t, preds[p].word) => {
            let Some(date) = t.at_byte(start) else {
                return false;
            };
            let Some(n) = preds
                .iter()
                .filter(|q| q.nominal && q.word > preds[p].word && q.word < date)
                .map(|q| q.word)
                .max()
            else {
                return false;
            };
            n
        }
        _ => return false,
    };
    let mut x = noun;
    for _ in 0..6 {
        if !matches!(t.base(x), "obj" | "obl" | "nmod" | "xcomp" | "conj") {
            return false;
        }
        let Some(h) = t.head(x) else { return false };
        if t.upos(h) == "VERB" {
            return preds.iter().any(|p| {
                p.word == h
                    && !p.nominal
                    && p.reporting.is_none()
                    && p.class
                        .is_some_and(|c| EventType::of_class(c).weight() >= OWN_EVENT_WEIGHT)
            });
        }
        x = h;
    }
    false
}

/// "The company today rejects the allegations", "the board today announces": the present
/// of a press release, told on the day it happens.
fn today_present(t: &Tree<'_, '_>, v: usize) -> bool {
    matches!(t.xpos(v), "VBZ" | "VBP")
        && t.children_with(v, &["obl", "advmod", "nmod"])
            .any(|c| crate::dates::lexicon::names_today(t.form(c)))
}

/// "has found", "have been charged": a perfect of the present.
fn present_perfect(t: &Tree<'_, '_>, v: usize) -> bool {
    t.xpos(v) == "VBN"
        && t.children_with(v, &["aux"])
            .any(|a| t.lemma(a) == "have" && matches!(t.xpos(a), "VBZ" | "VBP"))
}

/// In a sentence without a date, a definite event noun of the open vocabulary ("died in the
/// fire", "the recount took nine hours", "the verdict"): it refers back to an event already
/// told, which the reader finds; it never starts one.
fn reference(t: &Tree<'_, '_>, p: &Pred) -> Option<Trigger> {
    let class = p.class?;
    if !p.nominal || p.negated || p.hypothetical || p.generic || p.recurrence {
        return None;
    }
    let kind = EventType::of_class(class);
    if !matches!(kind, EventType::Open(_)) || kind.weight() < OWN_EVENT_WEIGHT {
        return None;
    }
    let definite = t.children(p.word).iter().any(|&c| {
        t.base(c) == "nmod:poss"
            || t.base(c) == "det"
                && matches!(
                    t.lemma(c).to_lowercase().as_str(),
                    "the" | "this" | "that" | "these" | "those"
                )
    });
    if !definite || describing_clause(t, p.word).is_some() {
        return None;
    }
    Some(noun_trigger(t, p.word, kind))
}

fn trigger(t: &Tree<'_, '_>, lex: &Lexicon, preds: &[Pred], p: &Pred) -> Option<Trigger> {
    let class = p.class?;
    // "A fire broke out", "the vote took place": an event that begins or goes on is told as
    // happening, by its noun; one that ends ("the talks collapsed") is another matter.
    let told = matches!(p.phase, None | Some(Phase::Begin | Phase::Continue));
    if p.negated || p.hypothetical || p.generic || p.reporting.is_some() || !told {
        return None;
    }
    // "the ceasefire was enacted", "the deal was signed": a verb done to an event tells
    // that event, which its noun already triggers.
    if !p.nominal
        && p.event_noun.is_none()
        && p.patient
            .is_some_and(|x| predicate::noun_class(t, lex, x).is_some())
    {
        return None;
    }
    // Of a class the fixed list stands for too ("exploded", "stabbed"), the reader keeps it
    // only where the fixed list found nothing.
    let kind = EventType::of_class(class);
    if !reports_happening(t, lex, preds, p) {
        return None;
    }
    // A light verb's event is its noun: "held an election" is told by "election".
    let word = t.word(p.event_noun.unwrap_or(p.word));
    Some(Trigger {
        start: word.start,
        end: word.end,
        kind,
        nominal: p.nominal || p.event_noun.is_some(),
    })
}

/// Whether the predicate is what its sentence tells as having happened: a verb in a past or
/// perfect form heading the sentence, a clause joined to its head, or what a reporting head
/// reports ("police said the plane crashed", "... killed when a bus overturned"); an event
/// noun that such a clause is about ("the crash killed 19"). A verb in a relative clause, an
/// infinitive or the present tense describes, intends or generalises.
fn reports_happening(t: &Tree<'_, '_>, lex: &Lexicon, preds: &[Pred], p: &Pred) -> bool {
    let clause = |i: usize| -> bool {
        match t.head(i) {
            None => true,
            Some(h) => match t.base(i) {
                "conj" | "advcl" => t.head(h).is_none(),
                "ccomp" | "parataxis" => {
                    t.head(h).is_none() && lex.speech.verb(t.lemma(h)).is_some()
                }
                _ => false,
            },
        }
    };
    // A finite past: "crashed", "was convicted", "has resigned". A participle with neither
    // an auxiliary nor a subject of its own ("a man arrested on Monday"), or passive with
    // an agent but no "be" ("the agreement enacted by both sides"), modifies a noun.
    let past = |v: usize| {
        t.xpos(v) == "VBD"
            || today_present(t, v)
            || t.xpos(v) == "VBN"
                && (t.child(v, &["aux", "aux:pass"]).is_some()
                    || t.child(v, &["nsubj"]).is_some()
                        && !t
                            .children_with(v, &["obl"])
                            .any(|c| t.case(c).as_deref() == Some("by")))
    };
    // "failed to provide", "refused to accept": a verb with an infinitive tells of that
    // other act, not an event of its own class.
    let catenative = |v: usize| t.children_with(v, &["xcomp"]).any(|c| t.upos(c) == "VERB");
    let word = p.event_noun.unwrap_or(p.word);
    if p.nominal || p.event_noun.is_some() {
        let verb = if p.event_noun.is_some() {
            Some(p.word)
        } else {
            t.head(word)
        };
        // The subject of "said" or "suggests" is a source ("the report said"), not an event.
        // The verb's own reading where it is a predicate ("pointed out" with its particle).
        let reports = |v: usize| match preds.iter().find(|q| q.word == v && !q.nominal) {
            Some(q) => q.reporting.is_some(),
            None => predicate::reports_words(t, lex, v),
        };
        let happened = |v: usize| t.upos(v) == "VERB" && past(v) && clause(v) && !reports(v);
        return matches!(t.base(word), "nsubj" | "obj") && verb.is_some_and(happened);
    }
    past(p.word) && clause(p.word) && !catenative(p.word) && describing_clause(t, p.word).is_none()
}

#[cfg(test)]
mod tests {
    use crate::ingest::{Format, read_str};

    /// What the parse of `text` tells, read on the document date `dct`.
    fn reading(text: &str, dct: Option<chrono::NaiveDate>) -> super::Reading {
        let doc = read_str("t.txt", text.as_bytes(), Format::Text).expect("plain text reads");
        let timexes = crate::dates::tag_document(&doc, dct);
        super::read(
            &doc,
            &crate::mentions::sentences::split(&doc),
            &timexes,
            dct,
        )
    }

    fn found(text: &str) -> Vec<(String, String)> {
        reading(text, chrono::NaiveDate::from_ymd_opt(2021, 3, 4))
            .triggers
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind.noun().to_string()))
            .collect()
    }

    #[test]
    fn the_vocabulary_tells_every_kind_and_the_use_picks_the_class() {
        // Verbs the fixed list lacks make events of the kinds it has.
        let got = found("A bomb exploded in the market on Tuesday.");
        assert_eq!(got, [("exploded".to_string(), "attack".to_string())]);
        // Used without an object or an agent, a verb that may be done to something tells
        // what befell its subject.
        let got = found("The warehouse burned on Tuesday.");
        assert_eq!(got, [("burned".to_string(), "disaster".to_string())]);
        let got = found("Rioters burned the warehouse on Tuesday.");
        assert_eq!(got, [("burned".to_string(), "attack".to_string())]);
    }

    #[test]
    fn events_of_other_stories() {
        let got = found("A freight train derailed outside Kelso on Tuesday.");
        assert_eq!(got, [("derailed".to_string(), "crash".to_string())]);
        let got = found("The jury convicted the former mayor of fraud on Monday.");
        assert!(got.iter().any(|(w, _)| w == "convicted"), "{got:?}");
        // The parser hangs "guilty" under the object; the phrase is still "find guilty".
        let got =
            found("The court on Thursday found three of the four defendants guilty of murder.");
        assert!(got.iter().any(|(w, _)| w == "found"), "{got:?}");
        let got = found("Voters elected a new parliament in March.");
        assert!(got.iter().any(|(w, _)| w == "elected"), "{got:?}");
    }

    #[test]
    fn an_event_noun_with_a_past_date_of_its_own_tells_that_event() {
        // The clause is about something else; the noun's own phrase dates what it names.
        let got = found(
            "Faulty wiring contributed to the deaths of two workers in the fire at the mill \
             last October, inspectors said yesterday.",
        );
        assert!(
            got.iter().any(|(w, k)| w == "fire" && k == "disaster"),
            "{got:?}"
        );
        // A date hung on deaths is the date of the event they died in.
        let got = found(
            "The deaths of three climbers in the avalanche in January were avoidable, the \
             coroner wrote.",
        );
        assert!(got.iter().any(|(w, _)| w == "avalanche"), "{got:?}");
        // Not the noun's date: a speech act's setting, a date still to come.
        let none = |text: &str, word: &str| {
            // After a lede, which tells its news whatever its form.
            let text = format!("The inquiry was chaired by a retired judge from the north. {text}");
            let got = found(&text);
            assert!(!got.iter().any(|(w, _)| w == word), "{text}: {got:?}");
        };
        none(
            "The firm was paid for work never done, the prosecutor said in her opening speech \
             in January.",
            "speech",
        );
        none(
            "Officials are preparing for the referendum on 12 May.",
            "referendum",
        );
    }

    #[test]
    fn a_speech_verb_with_a_thing_for_object_tells_an_act() {
        // Words reported make no event; a report published or sanctions announced do.
        let got = found("The safety board published its final report on Thursday.");
        assert!(got.iter().any(|(w, _)| w == "report"), "{got:?}");
        let got = found("The government announced new sanctions on Monday.");
        assert!(got.iter().any(|(w, _)| w == "sanctions"), "{got:?}");
        let got = found("A second count on Tuesday confirmed the result.");
        assert!(got.iter().any(|(w, _)| w == "count"), "{got:?}");
        let got = found("The board said on Thursday that its report was ready.");
        assert!(got.iter().all(|(w, _)| w != "board"), "{got:?}");
    }

    #[test]
    fn a_press_release_tells_today_in_the_present() {
        let got = found("Harlow Mining Ltd today rejects the terms in full.");
        assert_eq!(got, [("rejects".to_string(), "rejection".to_string())]);
        // Without "today", the present generalises.
        assert!(found("Harlow Mining rejects such terms.").is_empty());
    }

    #[test]
    fn a_verb_with_its_preposition_or_phrase() {
        let got = found("Voters went to the polls on Thursday.");
        assert_eq!(got, [("went".to_string(), "election".to_string())]);
        let got = found("The retailer filed for bankruptcy on Monday.");
        assert_eq!(got, [("filed".to_string(), "market move".to_string())]);
    }

    #[test]
    fn undated_sentences_give_only_definite_event_nouns() {
        assert!(found("A freight train derailed outside Kelso.").is_empty());
        // "the fire" refers to a fire already told; "a fire" would be a new one, undated.
        let got = found("Two workers died in the fire.");
        assert_eq!(got, [("fire".to_string(), "disaster".to_string())]);
        assert!(found("Two workers died in a fire.").is_empty());
    }

    #[test]
    fn the_lede_tells_its_event_without_a_date() {
        // The story's news, undated: an event of its own; the same words later refer back.
        let text = "The regional court has convicted two former directors of fraud. \
            The board convicted the wrong men, their lawyers said.";
        let got = found(text);
        assert_eq!(
            got,
            [("convicted".to_string(), "verdict".to_string())],
            "{text}"
        );
        // Told in the present perfect, it is the news of the day; in the past, not said.
        let hot = |text: &str| reading(text, None).hot_news;
        assert!(hot(text));
        assert!(!hot(
            "The regional court convicted two former directors of fraud."
        ));
        // A title line and a short byline are not the lede.
        let got = found("Court convicts two directors\n\nBy Ann Lee\n\nThe two men deny it.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_date_of_an_event_noun_in_an_argument_is_not_the_sentence_s() {
        let text = "The court has found three of the four defendants guilty of their part in \
                    the bombing of the station in 2014.";
        let r = reading(text, chrono::NaiveDate::from_ymd_opt(2022, 11, 17));
        let nested: Vec<&str> = r.nested.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(nested, ["2014"]);
    }

    #[test]
    fn a_dated_clause_about_an_event_noun_tells_that_event() {
        let got = found("In a report published on Monday, the board said the brakes failed.");
        assert!(got.iter().any(|(w, _)| w == "report"), "{got:?}");
        // About a participant, the clause is an aside; about an event the fixed list tells
        // ("deal"), it is not.
        let asides = |text: &str| {
            reading(text, chrono::NaiveDate::from_ymd_opt(2021, 3, 4))
                .asides
                .len()
        };
        assert_eq!(asides("A man arrested on Monday remains in custody."), 1);
        assert_eq!(
            asides("The shares had doubled on a supply deal signed in June."),
            0
        );
    }

    #[test]
    fn what_did_not_happen_is_no_trigger() {
        assert!(found("The plane did not crash on Monday.").is_empty());
        assert!(found("Officials fear the dam could collapse on Friday.").is_empty());
    }

    #[test]
    fn an_event_that_breaks_out_or_takes_place_happened() {
        let got = found("A fire broke out at the Brookside plant on Monday night.");
        assert_eq!(got, [("fire".to_string(), "disaster".to_string())]);
        let got = found("The referendum took place on 4 March.");
        assert!(got.iter().any(|(w, _)| w == "referendum"), "{got:?}");
        assert!(found("The strike by dockers ended on Friday.").is_empty());
    }

    #[test]
    fn descriptions_are_no_events() {
        // A participle modifying a noun, a present tense, an infinitive after a verb.
        assert_eq!(found("A man arrested on Monday remains in custody."), []);
        assert!(found("Trains derail often on this line in January.").is_empty());
        assert!(found("The truce enacted by both armies last week is fragile.").is_empty());
        assert!(found("The company failed to publish the accounts in 2020.").is_empty());
    }

    #[test]
    fn light_classes_are_marked() {
        // "died" weighs too little to stand alone; the reader tells it from the attack.
        let got = found("Jets bombed the depot on Monday and two guards died.");
        assert_eq!(
            got,
            [
                ("bombed".to_string(), "attack".to_string()),
                ("died".to_string(), "deaths".to_string())
            ]
        );
    }
}
