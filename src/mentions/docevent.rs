//! `DocEvent`: one event as one document tells it, with the accounts (mentions) about it.

use serde::Serialize;

use super::claim::ClaimantKind;
use super::triggers::EventType;
use crate::timeline::{Facets, Stance, When};

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
    pub facets: Facets,
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
    pub words: Words,
    /// Lower-case head words of the triggers in its accounts ("strike", "convoy"), by which a
    /// later "the convoy" refers back to it.
    pub triggers: Vec<String>,
    /// The nominal ones among them ("strike", "meeting", "massacre").
    pub nouns: Vec<String>,
    /// A short text that says what happened, for titles: the trigger's clause.
    pub gist: String,
}

impl DocEvent {
    /// An event of this document, kind and date, with nothing told of it yet.
    pub fn new(doc: &str, kind: EventType, when: When, basis: TimeBasis) -> DocEvent {
        DocEvent {
            doc: doc.to_string(),
            kind,
            when,
            basis,
            places: Vec::new(),
            actors: Vec::new(),
            mentions: Vec::new(),
            words: Words::default(),
            triggers: Vec::new(),
            nouns: Vec::new(),
            gist: String::new(),
        }
    }
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

/// Content words with the number of times each occurs, in byte order of the word: one entry
/// per distinct word, not per occurrence, for the hundreds of thousands of events an archive
/// holds at once. The words share one string, in the order first seen; the entries, sorted
/// by word, point into it (a word of its own would cost an allocation of at least 32 bytes).
#[derive(Debug, Clone, Default)]
pub struct Words {
    text: String,
    entries: Vec<Entry>,
}

/// A word of [`Words`]: where it is in the shared text, and how often it occurs.
#[derive(Debug, Clone, Copy)]
struct Entry {
    start: usize,
    len: u32,
    count: u32,
}

impl Words {
    fn word(&self, e: &Entry) -> &str {
        self.text
            .get(e.start..e.start + e.len as usize)
            .unwrap_or_default()
    }

    fn add(&mut self, word: &str, count: u32) {
        match self.entries.binary_search_by(|e| self.word(e).cmp(word)) {
            Ok(i) => self.entries[i].count += count,
            Err(i) => {
                // A word is shorter than 4 GiB: it is part of an article.
                let Ok(len) = u32::try_from(word.len()) else {
                    return;
                };
                let start = self.text.len();
                self.text.push_str(word);
                self.entries.insert(i, Entry { start, len, count });
            }
        }
    }

    pub fn extend(&mut self, words: impl IntoIterator<Item = String>) {
        for w in words {
            self.add(&w, 1);
        }
    }

    /// Add another event's words.
    pub fn merge(&mut self, other: Words) {
        for (w, c) in other.counts() {
            self.add(w, c);
        }
    }

    /// Each distinct word and how often it occurs, in byte order.
    pub fn counts(&self) -> impl Iterator<Item = (&str, u32)> {
        self.entries.iter().map(|e| (self.word(e), e.count))
    }

    /// Each distinct word, in byte order.
    pub fn distinct(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| self.word(e))
    }

    /// How many distinct words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn shrink_to_fit(&mut self) {
        self.text.shrink_to_fit();
        self.entries.shrink_to_fit();
    }
}

/// The same words with the same counts, wherever each is kept.
impl PartialEq for Words {
    fn eq(&self, other: &Words) -> bool {
        self.counts().eq(other.counts())
    }
}

impl From<Vec<String>> for Words {
    fn from(words: Vec<String>) -> Self {
        let mut out = Words::default();
        out.extend(words);
        out
    }
}

/// As the list of the words, each as often as it occurs.
impl Serialize for Words {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.counts()
                .flat_map(|(w, c)| std::iter::repeat_n(w, c as usize)),
        )
    }
}

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

    #[test]
    fn words_keep_counts_in_byte_order_and_merge() {
        let mut a = Words::from(content_words("Strike hit the convoy; the convoy burned."));
        let b = Words::from(content_words("Another convoy, another strike."));
        a.merge(b);
        let counts: Vec<(&str, u32)> = a.counts().collect();
        assert_eq!(
            counts,
            [
                ("another", 2),
                ("burned", 1),
                ("convoy", 3),
                ("hit", 1),
                ("strike", 2)
            ]
        );
        let json = serde_json::to_string(&Words::from(content_words("convoy strike convoy")))
            .expect("json");
        assert_eq!(json, r#"["convoy","convoy","strike"]"#);
    }

    use super::*;

    #[test]
    fn content_words_drop_function_words_and_numbers() {
        assert_eq!(
            content_words("The strike on 17 September killed 62 soldiers."),
            ["strike", "september", "killed", "soldiers"]
        );
    }
}
