//! Triggers of the open vocabulary, read off the parse: the predicates of the event
//! vocabulary (`data/events.yaml`) that the fixed trigger list does not tell, such as a plane
//! that crashed, a court that convicted, an election held, shares that fell.
//!
//! Only predicates that say something happened count: not negated, not hypothetical, not a
//! kind of event ("any crash"), and not plain reporting, which attribution reads. A class
//! must weigh at least [`OWN_EVENT_WEIGHT`] to make an event of its own: deaths and
//! movements are told as parts of other events, and are returned so that the reader can
//! tell "killed" in "killed when fire tore through" from the event that killed.

use super::predicate::{self, Pred};
use super::sentences::Sentence;
use super::tree::Tree;
use super::triggers::{EventType, Trigger};
use crate::dates::{Timex, TimexType};
use crate::ingest::Document;
use crate::lexicon::{Lexicon, Phase};
use crate::syntax;

/// The least class weight (1-5, from the vocabulary) of a predicate that tells an event of
/// its own; lighter ones (deaths, injuries, movements) tell what another event did.
pub const OWN_EVENT_WEIGHT: u8 = 3;

/// What the parse of a document's dated sentences tells the event reader.
#[derive(Debug, Default)]
pub struct Reading {
    /// Open-vocabulary triggers, in text order (byte offsets into the document).
    pub triggers: Vec<Trigger>,
    /// Clauses that describe a participant and hold a date ("Vell, who ran the firm from
    /// 2012 to 2021, ..."; "a man arrested in May"): byte spans, in text order. Such a date
    /// belongs to that clause, not to the event the sentence tells.
    pub asides: Vec<(usize, usize)>,
}

/// The document's open-vocabulary triggers and dated asides. In a sentence with a date, the
/// predicates that tell something happened; in one without, the definite event nouns that
/// refer back to an event.
pub fn read(doc: &Document, sentences: &[Sentence], timexes: &[Timex]) -> Reading {
    let Ok(model) = syntax::model() else {
        return Reading::default();
    };
    let lex = Lexicon::active();
    let mut out = Vec::new();
    let mut asides = Vec::new();
    let mut dates = timexes
        .iter()
        .filter(|x| matches!(x.kind, TimexType::Date | TimexType::Time))
        .map(|x| x.start)
        .collect::<Vec<_>>();
    dates.sort_unstable();
    for sentence in sentences.iter().filter(|s| !s.headline) {
        let from = dates.partition_point(|&d| d < sentence.start);
        let dated = dates.get(from).is_some_and(|&d| d < sentence.end);
        let words = syntax::parse_text(model, sentence.text(doc), sentence.start);
        let t = Tree::new(&words);
        for p in predicate::find(&t, lex) {
            let found = if dated {
                trigger(&t, lex, &p)
            } else {
                reference(&t, &p)
            };
            out.extend(found);
        }
        for &d in dates[from..].iter().take_while(|&&d| d < sentence.end) {
            if let Some(c) = t.at_byte(d).and_then(|w| describing_clause(&t, w)) {
                let (a, b) = t.span(c);
                asides.push(t.bytes_of(a, b));
            }
        }
    }
    out.sort_by_key(|t| (t.start, t.end));
    asides.sort_unstable();
    asides.dedup();
    Reading {
        triggers: out,
        asides,
    }
}

/// The clause above word `w` that modifies a noun (a relative clause, a participle or
/// infinitive after a noun), if any: its head. A clause whose subject or object is a
/// relative pronoun is one however the parser attached it.
fn describing_clause(t: &Tree<'_, '_>, w: usize) -> Option<usize> {
    std::iter::once(w).chain(t.ancestors(w)).find(|&a| {
        t.upos(a) == "VERB"
            && (matches!(t.rel(a), "acl:relcl" | "acl")
                || t.children_with(a, &["nsubj", "nsubj:pass", "obj"])
                    .any(|c| matches!(t.xpos(c), "WP" | "WDT")))
    })
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
    let word = t.word(p.word);
    Some(Trigger {
        start: word.start,
        end: word.end,
        kind,
        nominal: true,
    })
}

fn trigger(t: &Tree<'_, '_>, lex: &Lexicon, p: &Pred) -> Option<Trigger> {
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
    let kind = EventType::of_class(class);
    if !matches!(kind, EventType::Open(_)) || !reports_happening(t, lex, p) {
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
fn reports_happening(t: &Tree<'_, '_>, lex: &Lexicon, p: &Pred) -> bool {
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
        let happened = |v: usize| {
            t.upos(v) == "VERB" && past(v) && clause(v) && lex.speech.verb(t.lemma(v)).is_none()
        };
        return matches!(t.base(word), "nsubj" | "obj") && verb.is_some_and(happened);
    }
    past(p.word) && clause(p.word) && !catenative(p.word) && describing_clause(t, p.word).is_none()
}

#[cfg(test)]
mod tests {
    use crate::ingest::{Format, read_str};
    use crate::mentions::triggers::EventType;

    fn found(text: &str) -> Vec<(String, String)> {
        let doc = read_str("t.txt", text.as_bytes(), Format::Text).expect("plain text reads");
        let dct = chrono::NaiveDate::from_ymd_opt(2021, 3, 4);
        let timexes = crate::dates::tag_document(&doc, dct);
        super::read(&doc, &crate::mentions::sentences::split(&doc), &timexes)
            .triggers
            .into_iter()
            .map(|t| {
                let EventType::Open(_) = t.kind else {
                    panic!("a fixed kind among open triggers")
                };
                (text[t.start..t.end].to_string(), t.kind.noun().to_string())
            })
            .collect()
    }

    #[test]
    fn events_of_other_stories() {
        let got = found("A freight train derailed outside Kelso on Tuesday.");
        assert_eq!(got, [("derailed".to_string(), "crash".to_string())]);
        let got = found("The jury convicted the former mayor of fraud on Monday.");
        assert!(got.iter().any(|(w, _)| w == "convicted"), "{got:?}");
        let got = found("Voters elected a new parliament in March.");
        assert!(got.iter().any(|(w, _)| w == "elected"), "{got:?}");
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
    fn fixed_kinds_are_left_to_others_and_light_classes_are_marked() {
        // "bombed" is told by the fixed list; "died" weighs too little to stand alone.
        let got = found("Jets bombed the depot on Monday and two guards died.");
        assert_eq!(got, [("died".to_string(), "deaths".to_string())]);
    }
}
