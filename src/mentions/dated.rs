//! Dated event mentions: each predicate that a temporal expression of the text dates, with
//! that date. What `rashomon mentions --jsonl` reports for evaluation.

use chrono::NaiveDate;

use super::predicate::{self, Pred};
use super::{anchor, tree::Tree};
use crate::dates::{self, Anchor, TimexType};
use crate::ingest::Document;
use crate::lexicon::Lexicon;
use crate::syntax;
use crate::timeline::When;

/// One event word and the date the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// Byte offsets of the trigger word.
    pub start: usize,
    pub end: usize,
    pub when: When,
}

/// The predicates that share the time of predicate `p`: itself, verbs conjoined with it
/// ("went into hiding or fled the capital"), and those an aspectual verb joins in one act
/// ("began to arrive on Friday", "will begin withdrawing troops on Friday"), followed along
/// the chain. What a verb of intent or speech governs ("vowed on Saturday to bring them to
/// justice", "planned to leave on Thursday") is meant, not done, at that time; a `future`
/// date is the other way round.
fn sharing(t: &Tree<'_, '_>, lex: &Lexicon, preds: &[Pred], p: usize, future: bool) -> Vec<usize> {
    let at = |w: usize| preds.iter().position(|q| q.word == w);
    let mut out = vec![p];
    let mut i = 0;
    while let Some(&q) = out.get(i) {
        i += 1;
        let w = preds[q].word;
        let aspectual = lex.events.aspect(t.lemma(w)).is_some();
        let below = t.children(w).iter().copied().filter(|&c| {
            t.upos(c) == "VERB"
                && (t.base(c) == "conj"
                    || t.base(c) == "xcomp" && aspectual
                    || t.base(c) == "advcl"
                        && t.children_with(c, &["mark", "advmod"])
                            .any(|m| matches!(t.lemma(m), "when" | "as" | "while")))
        });
        // A day to come is the planned act's, not the planning's ("is scheduled to vote on
        // Friday"); an aspectual verb above is the same act.
        let above = t.head(w).filter(|&h| {
            t.base(w) == "xcomp"
                && !preds[q].nominal
                && (!future || lex.events.aspect(t.lemma(h)).is_some())
        });
        for r in below.chain(above).filter_map(at) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// The verb, of no reporting at all, whose setting the event noun `n` is: an adverbial "in",
/// "at" or "during" phrase of it.
fn setting(t: &Tree<'_, '_>, preds: &[Pred], n: usize) -> Option<usize> {
    if t.base(n) != "obl" || !matches!(t.case(n).as_deref(), Some("in" | "at" | "during")) {
        return None;
    }
    let v = t.head(n)?;
    preds
        .iter()
        .position(|q| q.word == v && !q.nominal && q.reporting.is_none())
}

/// Every predicate of the document that a concrete date of the text governs.
pub fn find(doc: &Document, dct: Option<NaiveDate>, lex: &Lexicon) -> Vec<Dated> {
    let Ok(model) = syntax::model() else {
        return Vec::new();
    };
    let timexes = dates::tag_document(doc, dct);
    let mut out = Vec::new();
    for parsed in syntax::parse_document(model, doc) {
        let t = Tree::new(&parsed.words);
        let preds = predicate::find(&t, lex);
        let (s, e) = (parsed.sentence.start, parsed.sentence.end);
        let own: Vec<_> = timexes
            .iter()
            .filter(|x| x.start >= s && x.end <= e)
            .filter(|x| matches!(x.kind, TimexType::Date | TimexType::Time))
            .filter(|x| x.anchor != Anchor::Unresolved && x.when.is_some())
            .collect();
        for x in own {
            let Some(when) = x.when else { continue };
            let governor = anchor::governor(&t, lex, &preds, x.start, x.end);
            let noun = match governor {
                Some(anchor::Governor::Noun(n)) => Some(n),
                Some(anchor::Governor::Pred(p)) if preds[p].nominal => Some(preds[p].word),
                _ => None,
            };
            // "closed at $23 in composite trading yesterday", "said at a news conference on
            // Monday": an occasion in whose setting the verb's act took place dates it too.
            if let Some(v) = noun.and_then(|n| setting(&t, &preds, n)) {
                let w = t.word(preds[v].word);
                out.push(Dated {
                    start: w.start,
                    end: w.end,
                    when,
                });
            }
            let p = match governor {
                Some(anchor::Governor::Pred(p)) => p,
                Some(anchor::Governor::Noun(n)) => {
                    let w = t.word(n);
                    out.push(Dated {
                        start: w.start,
                        end: w.end,
                        when,
                    });
                    continue;
                }
                None => continue,
            };
            // "is scheduled to appear on Friday", "plans to hold a news conference on
            // Tuesday": a day still to come is when the planned act happens, not the plan.
            let future = dct.is_some_and(|d| when.earliest().is_some_and(|e| e.date() > d));
            let planned = t
                .children_with(preds[p].word, &["xcomp"])
                .filter_map(|c| preds.iter().position(|q| q.word == c))
                .find(|&q| !preds[q].nominal);
            let p = match planned {
                Some(q) if future => q,
                _ => p,
            };
            let pred = &preds[p];
            // Plain reporting ("said", "reported") is how a claim reaches us, not an event,
            // even with a class of its own ("reported its earnings"); a speech act that takes
            // a side with a class ("condemned", "warned") is one.
            let plain = pred.reporting == Some(crate::lexicon::Act::Report);
            if plain || pred.reporting.is_some() && pred.class.is_none() {
                continue;
            }
            for q in sharing(&t, lex, &preds, p, future) {
                let q = &preds[q];
                if q.reporting.is_some() && q.class.is_none()
                    || q.nominal && predicate::figure(&t, q.word)
                {
                    continue;
                }
                let w = t.word(q.word);
                out.push(Dated {
                    start: w.start,
                    end: w.end,
                    when,
                });
            }
        }
    }
    out.sort_by_key(|d| (d.start, d.end));
    out.dedup_by_key(|d| (d.start, d.end));
    out
}

#[cfg(test)]
mod tests {
    use super::find;
    use crate::ingest::{Format, read_str};
    use crate::lexicon::Lexicon;

    /// The dated words of `text` (written 2021-03-04, a Thursday), with their dates.
    fn dated(text: &str) -> Vec<(String, String)> {
        let doc = read_str("t.txt", text.as_bytes(), Format::Text).expect("plain text reads");
        let dct = chrono::NaiveDate::from_ymd_opt(2021, 3, 4);
        find(&doc, dct, Lexicon::builtin())
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.when.to_string()))
            .collect()
    }

    fn words(text: &str) -> Vec<String> {
        dated(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn a_catenative_verb_and_its_complement_share_the_date() {
        let got = words("Hundreds of supporters began to arrive on Friday.");
        assert!(
            got.contains(&"began".into()) && got.contains(&"arrive".into()),
            "{got:?}"
        );
    }

    #[test]
    fn what_is_vowed_or_planned_is_not_done_then() {
        let got = words("The mayor vowed on Saturday to rebuild the bridge.");
        assert!(got.contains(&"vowed".into()), "{got:?}");
        assert!(!got.contains(&"rebuild".into()), "{got:?}");
        let got = words("The team planned on Monday to leave the city.");
        assert!(!got.contains(&"leave".into()), "{got:?}");
    }

    #[test]
    fn a_when_clause_shares_the_date_of_its_head() {
        let got = words("Two guards were injured on Monday when the roof collapsed.");
        assert!(got.contains(&"injured".into()), "{got:?}");
        assert!(got.contains(&"collapsed".into()), "{got:?}");
    }

    #[test]
    fn verbs_of_doing_are_events_and_states_are_not() {
        let got = words("The company went public on June 3 and paid a dividend in July.");
        assert!(got.contains(&"went".into()), "{got:?}");
        let got = words("The firm owned three plants in 2019.");
        assert!(!got.contains(&"owned".into()), "{got:?}");
    }

    #[test]
    fn an_event_noun_takes_its_own_date_before_the_verb_above_it() {
        let got = dated("Police said last month's discovery of a rifle was a breakthrough.");
        assert!(
            got.iter().any(|(w, d)| w == "discovery" && d == "2021-02"),
            "{got:?}"
        );
        assert!(!got.iter().any(|(w, _)| w == "said"), "{got:?}");
    }

    #[test]
    fn reporting_passes_words_on_and_taking_a_side_is_an_act() {
        let got = words("The Herald reported on Friday that the factory had closed.");
        assert!(!got.contains(&"reported".into()), "{got:?}");
        let got = words("The minister condemned the attack on Friday.");
        assert!(got.contains(&"condemned".into()), "{got:?}");
    }

    #[test]
    fn an_occasion_dates_what_was_done_at_it() {
        let got = words("The plan was approved at a special meeting on Monday.");
        assert!(got.contains(&"approved".into()), "{got:?}");
        let got = words("The mayor said at a news conference on Monday that she would stay.");
        assert!(!got.contains(&"said".into()), "{got:?}");
    }

    #[test]
    fn amounts_are_no_events() {
        let got = words("The brewer posted a loss of $4 million in March.");
        assert!(!got.contains(&"loss".into()), "{got:?}");
        let got = words("The bank paid a dividend of 10 cents a share on June 1.");
        assert!(!got.contains(&"share".into()), "{got:?}");
        assert!(got.contains(&"paid".into()), "{got:?}");
    }

    #[test]
    fn the_bounds_of_a_period_and_amounts_held_are_no_events() {
        let got = words("Net income for the quarter ended Sept. 30 rose 5% in October.");
        assert!(!got.contains(&"ended".into()), "{got:?}");
        let got = words("The unit had a loss of $5 million in March.");
        assert!(!got.contains(&"had".into()), "{got:?}");
        // A clause about a day with a subject of its own tells an event; "last week" before
        // a verb is a time adverbial, not the verb's subject.
        let got = words("The mill closed on the day the strike began in 1984.");
        assert!(got.contains(&"began".into()), "{got:?}");
        let got = words("The company earlier this year adopted a new plan.");
        assert!(got.contains(&"adopted".into()), "{got:?}");
    }

    #[test]
    fn appearing_in_court_is_an_event_and_seeming_is_not() {
        let got = words("The two men appeared in court on Monday.");
        assert!(got.contains(&"appeared".into()), "{got:?}");
        let got = words("The defendant appeared before magistrates in January.");
        assert!(got.contains(&"appeared".into()), "{got:?}");
        let got = words("The mayor appeared tired on Monday.");
        assert!(!got.contains(&"appeared".into()), "{got:?}");
    }

    #[test]
    fn an_opening_adverbial_is_not_a_quotation() {
        // "…, X put": a speech tag only after something said.
        let got = words("In the main square, workers put up a stage on Monday.");
        assert!(got.contains(&"put".into()), "{got:?}");
    }

    #[test]
    fn a_day_to_come_dates_what_is_planned() {
        let got = words("The council is scheduled to vote on the plan on March 9.");
        assert!(got.contains(&"vote".into()), "{got:?}");
        assert!(!got.contains(&"scheduled".into()), "{got:?}");
        let got = words("The union plans to hold a strike next week.");
        assert!(got.contains(&"hold".into()), "{got:?}");
    }

    #[test]
    fn a_comparison_is_no_event() {
        let got = words("Sales rose 4% in May, compared with a year earlier.");
        assert!(!got.contains(&"compared".into()), "{got:?}");
    }
}
