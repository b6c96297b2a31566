//! `DocEvent`: one event as one document tells it, with the accounts (mentions) about it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::claim::ClaimantKind;
use super::triggers::EventType;
use crate::timeline::{FacetValue, Stance, When};

/// How an event's date was found, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeBasis {
    /// A date written out in the clause: "on 16 May", "December 6, 2015".
    Explicit,
    /// Relative to the document date: "yesterday", "on Monday", "last week".
    Relative,
    /// Carried over from the paragraph or the event it follows: "a few hours later".
    Narrative,
    /// From another account of the same event, or another document.
    Inherited,
    /// Only the document date bounds it.
    Dct,
    Unknown,
}

/// One account of an event in one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offsets into the document's text.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    pub claimant: String,
    pub claimant_kind: ClaimantKind,
    pub via: Vec<String>,
    pub stance: Stance,
    pub facets: BTreeMap<String, FacetValue>,
    pub comment: bool,
    pub stated_on: Option<When>,
    /// The event type of the trigger in this account's text, if it has one.
    pub trigger: Option<EventType>,
}

/// One event as one document tells it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocEvent {
    /// Source id of the document.
    pub doc: String,
    pub kind: EventType,
    pub when: When,
    pub basis: TimeBasis,
    /// Canonical place names, most mentioned first.
    pub places: Vec<String>,
    /// Canonical actor names (people, organisations, governments, armed groups, countries).
    pub actors: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Lower-case content words of the event's text, for lexical similarity.
    pub words: Vec<String>,
    /// Lower-case head words of the triggers in its accounts ("strike", "convoy"), by which a
    /// later "the convoy" refers back to it.
    pub triggers: Vec<String>,
    /// The nominal ones among them ("strike", "meeting", "massacre").
    pub nouns: Vec<String>,
    /// A short text that says what happened, for titles: the trigger's clause.
    pub gist: String,
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "during",
    "each",
    "even",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "may",
    "more",
    "most",
    "much",
    "must",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "week",
    "day",
    "days",
    "year",
    "years",
    "time",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Lower-case content words of a text: no stopwords, no numbers, at least three letters.
pub fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_function_words_and_numbers() {
        assert_eq!(
            content_words("The strike on 17 September killed 62 soldiers."),
            ["strike", "september", "killed", "soldiers"]
        );
    }
}
