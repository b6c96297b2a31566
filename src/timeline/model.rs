//! The timeline document: what people edit by hand and what every stage produces.
//!
//! Field names are part of the file format and shared with the scorers; do not rename them.
//! Ids are strings people choose and read. Graph indices never reach a file.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::when::When;
use super::yaml::{flow_list, flow_pair, flow_pairs, prose};

/// A whole timeline file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub title: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub description: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Accounts a person removed, so that re-extraction does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

/// A document that accounts come from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<When>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Id of the source whose text this one copies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub republishes: Option<String>,
    /// Path of the text, relative to the timeline file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub notes: Option<String>,
    /// Spans the extractor has offered from this source, kept by the tool so that re-extraction
    /// can tell an account a person deleted from one it has never offered.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_pairs"
    )]
    pub extracted: Vec<[usize; 2]>,
}

/// What sort of document a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Report,
    Analysis,
    Opinion,
    OfficialStatement,
    WireCopy,
    Encyclopedia,
    Blog,
    Transcript,
    SocialMedia,
    Other,
}

/// Something that happened, with every account of it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub when: When,
    #[serde(
        rename = "where",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many",
        serialize_with = "flow_list"
    )]
    pub places: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_list"
    )]
    pub actors: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_list"
    )]
    pub tags: Vec<String>,
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Derived from the accounts' facets on every load; only `note` is kept from the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub notes: Option<String>,
}

/// One version of an event, as one source tells it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Unique in the timeline; assigned on load when missing (`<source>-<n>`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    pub source: String,
    /// Who the source attributes the account to; the outlet when it speaks for itself.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub claimant: String,
    /// The attribution chain, nearest first: SOHR `via: [BBC]` in an Inquisitr article.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_list"
    )]
    pub via: Vec<String>,
    /// When the claimant said it, if that differs from the source's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_on: Option<When>,
    #[serde(default)]
    pub stance: Stance,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub summary: Option<String>,
    /// Exact text from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Byte offsets of the quote in the source file, end exclusive.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "flow_pair"
    )]
    pub span: Option<[usize; 2]>,
    /// The values this account gives: `killed: 62`, `intent: deliberate`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub facets: BTreeMap<String, FacetValue>,
    /// True when the account comes from a reader comment, not the article.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub comment: bool,
}

/// How the claimant holds the account.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    #[default]
    Asserts,
    Alleges,
    Denies,
    Questions,
}

/// A facet value as written: a number, a yes/no, or text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FacetValue {
    Bool(bool),
    Int(i64),
    Text(String),
}

/// A facet on which the accounts of an event disagree.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    pub facet: String,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub note: Option<String>,
}

/// One answer to a disputed facet and the accounts that give it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub value: String,
    /// Account ids.
    #[serde(default, serialize_with = "flow_list")]
    pub accounts: Vec<String>,
}

/// A link between two events, held by the accounts that claim it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    pub from: String,
    pub to: String,
    pub kind: RelationKind,
    /// Account ids; a causal link is itself someone's claim.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_list"
    )]
    pub claimed_by: Vec<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    Before,
    After,
    PartOf,
    CausedBy,
    ResponseTo,
}

/// An account a person removed; re-extraction must not bring it back.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    pub source: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "flow_pair"
    )]
    pub span: Option<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl fmt::Display for FacetValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FacetValue::Bool(b) => write!(f, "{}", if *b { "yes" } else { "no" }),
            FacetValue::Int(n) => write!(f, "{n}"),
            FacetValue::Text(s) => f.write_str(s),
        }
    }
}

impl From<&str> for FacetValue {
    fn from(s: &str) -> FacetValue {
        FacetValue::Text(s.to_string())
    }
}

impl From<i64> for FacetValue {
    fn from(n: i64) -> FacetValue {
        FacetValue::Int(n)
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stance::Asserts => "asserts",
            Stance::Alleges => "alleges",
            Stance::Denies => "denies",
            Stance::Questions => "questions",
        })
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RelationKind::Before => "before",
            RelationKind::After => "after",
            RelationKind::PartOf => "part of",
            RelationKind::CausedBy => "caused by",
            RelationKind::ResponseTo => "response to",
        })
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SourceKind::Report => "report",
            SourceKind::Analysis => "analysis",
            SourceKind::Opinion => "opinion",
            SourceKind::OfficialStatement => "official statement",
            SourceKind::WireCopy => "wire copy",
            SourceKind::Encyclopedia => "encyclopedia",
            SourceKind::Blog => "blog",
            SourceKind::Transcript => "transcript",
            SourceKind::SocialMedia => "social media",
            SourceKind::Other => "other",
        })
    }
}

impl Timeline {
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The source a text originally comes from, following `republishes` (cycle-safe).
    pub fn original_of<'a>(&'a self, id: &'a str) -> &'a str {
        let mut current = id;
        let mut seen = vec![id];
        while let Some(next) = self.source(current).and_then(|s| s.republishes.as_deref()) {
            if seen.contains(&next) || self.source(next).is_none() {
                break;
            }
            seen.push(next);
            current = next;
        }
        current
    }

    /// How many independent sources speak to an event: republished copies count once.
    pub fn independent_sources(&self, event: &Event) -> usize {
        let mut roots: Vec<&str> = event
            .accounts
            .iter()
            .map(|a| self.original_of(&a.source))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        roots.len()
    }
}

impl Event {
    pub fn account(&self, id: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    /// True when some facet has positions in disagreement (a dispute that keeps only a
    /// person's note does not count).
    pub fn is_disputed(&self) -> bool {
        self.disputes.iter().any(|d| d.positions.len() >= 2)
    }
}

/// `where:` takes one place or a list of them.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Visitor;
    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a place or a list of places")
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<String>, E> {
            Ok(vec![v.to_string()])
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Vec<String>, E> {
            Ok(Vec::new())
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut out = Vec::new();
            while let Some(place) = seq.next_element::<String>()? {
                out.push(place);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Visitor)
}
