//! Which predicate a temporal expression dates: the word it attaches to in the parse ("the
//! plane crashed on Monday", "the 17 September strike", "talks last week"), walked up past
//! words that are not events ("prices in March rose": the rise).

use super::predicate::{self, Pred};
use super::tree::Tree;
use crate::lexicon::Lexicon;

/// Relations by which a phrase modifies the word above it and may pass a date up to it.
const PASS_UP: &[&str] = &[
    "nsubj", "obj", "obl", "nmod", "compound", "amod", "appos", "conj", "advmod", "xcomp",
];

/// What a date governs: a predicate (its index), or a noun outside the vocabulary that
/// names an event by its form ("his capture on 26 March").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Governor {
    Pred(usize),
    Noun(usize),
}

/// What the expression at bytes `[start, end)` dates.
pub fn governor(
    t: &Tree<'_, '_>,
    lex: &Lexicon,
    preds: &[Pred],
    start: usize,
    end: usize,
) -> Option<Governor> {
    let run = t.within(start, end);
    if run.is_empty() {
        return None;
    }
    let h = t.head_of(run.clone())?;
    let at = |w: usize| preds.iter().position(|p| p.word == w);
    // A noun that names an event by its form ("his capture on 26 March", "last month's
    // discovery") takes the date before any predicate above it.
    let eventive = |w: usize| {
        t.upos(w) == "NOUN"
            && !matches!(t.base(w), "compound" | "flat")
            && lex.events.eventive_noun(t.lemma(w))
            && !predicate::figure(t, w)
    };
    // "learnt of his capture on 26 March", "its report on the crash in July 2014": a date
    // right after an event noun inside a phrase (not the verb's subject or object) is that
    // event's, wherever the parser hung it.
    let before = run
        .start
        .checked_sub(1)
        .filter(|&w| t.upos(w) == "ADP" && t.head(w) == Some(h))
        .map_or(run.start.checked_sub(1), |w| w.checked_sub(1));
    // Only a noun with a determiner of its own names one event ("in composite trading
    // yesterday" is an activity, and the date the verb's); and only a noun of an event
    // class that stands on its own.
    let determined = |n: usize| t.children_with(n, &["det", "nmod:poss"]).next().is_some();
    // A noun the vocabulary lists as an event noun, not one that shares a verb's form
    // ("the back", "its board", "their shares").
    let weighty = |p: &Pred| {
        p.nominal
            && lex
                .events
                .noun(t.lemma(p.word))
                .iter()
                .any(|&c| lex.events.class(c).weight >= super::open::OWN_EVENT_WEIGHT)
    };
    if let Some(n) = before.filter(|&n| {
        t.upos(n) == "NOUN"
            && matches!(t.base(n), "nmod" | "obl")
            && t.head(h) != Some(n)
            && determined(n)
    }) {
        if let Some(p) = at(n).filter(|&p| weighty(&preds[p])) {
            return Some(Governor::Pred(p));
        }
        // An event by its form ("redemption", "announcement"), not a noun that shares a
        // verb's form.
        if eventive(n) && at(n).is_none() && lex.events.verb(t.lemma(n)).is_empty() {
            return Some(Governor::Noun(n));
        }
    }
    let mut x = t.head(h)?;
    // A date inside the event noun's own phrase ("the strike of 17 September") or on the
    // verb; else up through a few non-event words.
    for _ in 0..3 {
        if let Some(p) = at(x) {
            return Some(Governor::Pred(p));
        }
        if eventive(x) {
            return Some(Governor::Noun(x));
        }
        // A verb that tells no event, in the present passive, dates its subject when that
        // names one, an event still to come: "a decision is expected next week", "the
        // ruling, which is expected in May" (not "the report was considered in May").
        if t.upos(x) == "VERB"
            && t.children_with(x, &["aux:pass", "aux"])
                .any(|a| matches!(t.xpos(a), "VBZ" | "VBP" | "MD"))
            && let Some(s) = t.child(x, &["nsubj:pass"])
        {
            let s = predicate::relative_antecedent(t, s);
            if let Some(p) = at(s).filter(|&p| preds[p].nominal) {
                return Some(Governor::Pred(p));
            }
            if eventive(s) {
                return Some(Governor::Noun(s));
            }
        }
        if !PASS_UP.contains(&t.base(x)) {
            return None;
        }
        x = t.head(x)?;
    }
    at(x).map(Governor::Pred)
}

#[cfg(test)]
mod tests {
    use super::governor;
    use crate::lexicon::Lexicon;
    use crate::mentions::{predicate, tree::Tree};
    use crate::syntax;

    fn dated(text: &str, date: &str) -> Option<String> {
        let model = syntax::model().expect("model");
        let words = syntax::parse_text(model, text, 0);
        let t = Tree::new(&words);
        let preds = predicate::find(&t, Lexicon::builtin());
        let s = text.find(date).expect("date in text");
        governor(&t, Lexicon::builtin(), &preds, s, s + date.len()).map(|g| match g {
            super::Governor::Pred(p) => t.form(preds[p].word).to_string(),
            super::Governor::Noun(n) => t.form(n).to_string(),
        })
    }

    #[test]
    fn dates_attach_to_their_predicates() {
        assert_eq!(
            dated("The plane crashed on Monday near the border.", "Monday").as_deref(),
            Some("crashed")
        );
        assert_eq!(
            dated(
                "The jury returned its verdict after the trial ended in March.",
                "March"
            )
            .as_deref(),
            Some("ended")
        );
        assert_eq!(
            dated("Workers fled the blaze on Tuesday night.", "Tuesday night").as_deref(),
            Some("fled")
        );
    }

    #[test]
    fn a_date_expected_for_an_event_is_its_own() {
        assert_eq!(
            dated("A decision is expected next week.", "next week").as_deref(),
            Some("decision")
        );
        assert_eq!(
            dated(
                "Both sides await the ruling, which is expected in May.",
                "in May"
            )
            .as_deref(),
            Some("ruling")
        );
        assert_ne!(
            dated("The report was considered in January.", "January").as_deref(),
            Some("report")
        );
    }

    #[test]
    fn a_date_after_an_event_noun_is_its_own() {
        assert_eq!(
            dated("The family learnt of his capture on 26 March.", "26 March").as_deref(),
            Some("capture")
        );
        assert_eq!(
            dated(
                "The board concluded on Tuesday in its final report on the explosion in \
                 July 2019 that the valve had failed.",
                "July 2019"
            )
            .as_deref(),
            Some("explosion")
        );
        // A bare activity noun leaves the date to the verb.
        assert_eq!(
            dated(
                "Shares fell 20 cents in heavy trading yesterday.",
                "yesterday"
            )
            .as_deref(),
            Some("fell")
        );
        // The verb's own object keeps its verb's date.
        assert_eq!(
            dated("Rebels launched the offensive on Monday.", "Monday").as_deref(),
            Some("launched")
        );
    }
}
