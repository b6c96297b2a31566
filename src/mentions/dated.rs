//! Dated event mentions: each predicate that a temporal expression of the text dates, with
//! that date. What `rashomon mentions --jsonl` reports for evaluation.

use chrono::NaiveDate;

use super::{anchor, predicate, tree::Tree};
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
            let p = match anchor::governor(&t, lex, &preds, x.start, x.end) {
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
            let pred = &preds[p];
            // Plain reporting ("said", "told") is how a claim reaches us, not an event; a
            // speech act of a class of its own ("condemned", "warned") is one.
            if pred.reporting.is_some() && pred.class.is_none() {
                continue;
            }
            // Predicates conjoined with the dated one share its date: "went into hiding or
            // fled the capital".
            for q in std::iter::once(pred).chain(preds.iter().filter(|q| {
                t.rel(q.word) == "conj" && t.head(q.word) == Some(pred.word) && !q.nominal
            })) {
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
