//! The timeline document: what people edit by hand and what every stage produces.
//!
//! Field names are part of the file format and shared with the scorers; do not rename them.
//! Ids are strings people choose and read. Graph indices never reach a file.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::facets::Facets;
use super::when::When;
use super::yaml::{flow_list, flow_pair, flow_pairs, prose};

/// A whole timeline file.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// What the timeline is about; the page's heading.
    pub title: String,
    /// A paragraph or two under the title.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub description: Option<String>,
    /// The documents that accounts come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// What happened, each with every account of it.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Links between events (part of, caused by...), each held by the accounts that claim it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
    /// Accounts a person removed, so that re-extraction does not bring them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejection>,
}

/// A document that accounts come from.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short, readable and unique: accounts name their source by it.
    pub id: String,
    /// The document's headline or title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Who published it: the name the page shows for the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Where it can be read: http:// or https:// only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published (EDTF).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<When>,
    /// What sort of document it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<SourceKind>,
    /// Id of the source whose text this one copies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub republishes: Option<String>,
    /// Path of the text, relative to the timeline file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Free text.
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
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// News reporting.
    Report,
    /// Analysis or an explainer.
    Analysis,
    /// Opinion or commentary.
    Opinion,
    /// A statement by a government, army or organisation.
    OfficialStatement,
    /// An agency's wire copy.
    WireCopy,
    /// An encyclopedia article.
    Encyclopedia,
    /// A blog post.
    Blog,
    /// A transcript of speech.
    Transcript,
    /// A social media post.
    SocialMedia,
    /// Anything else.
    Other,
}

/// Something that happened, with every account of it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Short, readable and unique: relations and permalinks name the event by it.
    pub id: String,
    /// What happened, in a line.
    pub title: String,
    /// When it happened, at its own precision (EDTF); `unknown` when no account says.
    #[serde(default)]
    pub when: When,
    /// Where it happened: one place or a list.
    #[serde(
        rename = "where",
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many",
        serialize_with = "flow_list"
    )]
    #[schemars(schema_with = "super::schema::one_or_many")]
    pub places: Vec<String>,
    /// Who took part.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_list"
    )]
    pub actors: Vec<String>,
    /// Words to filter by.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "flow_list"
    )]
    pub tags: Vec<String>,
    /// Every version of the event, each as one source tells it, in the order people wrote them.
    #[serde(default)]
    pub accounts: Vec<Account>,
    /// Derived from the accounts' facets on every load; only `note` is kept from the file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputes: Vec<Dispute>,
    /// Free text.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub notes: Option<String>,
}

/// One version of an event, as one source tells it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Account {
    /// Unique in the timeline; assigned on load when missing (`<source>-<n>`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The id of the source that gives this account.
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
    /// How the claimant holds the account (asserts when left out).
    #[serde(default)]
    pub stance: Stance,
    /// The account in a sentence of your own.
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
    #[serde(default, skip_serializing_if = "Facets::is_empty")]
    pub facets: Facets,
    /// True when the account comes from a reader comment, not the article.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub comment: bool,
}

/// How the claimant holds the account.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// States it as fact.
    #[default]
    Asserts,
    /// Claims it without proof, or accuses someone of it.
    Alleges,
    /// Says it did not happen, or not so.
    Denies,
    /// Doubts it.
    Questions,
}

/// A facet value as written: a number, a yes/no, or text.
///
/// Any other scalar is read as text: a decimal (`0.5`), a number too large for a whole
/// number, an exponent (`1e3`) or `.nan` are kept as text rather than refused.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum FacetValue {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number, such as a count.
    Int(i64),
    /// Any text.
    Text(String),
}

impl<'de> Deserialize<'de> for FacetValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<FacetValue, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = FacetValue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text, a whole number or true/false")
            }
            fn visit_bool<E>(self, v: bool) -> Result<FacetValue, E> {
                Ok(FacetValue::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<FacetValue, E> {
                Ok(FacetValue::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<FacetValue, E> {
                Ok(i64::try_from(v)
                    .map_or_else(|_| FacetValue::Text(v.to_string()), FacetValue::Int))
            }
            fn visit_i128<E>(self, v: i128) -> Result<FacetValue, E> {
                Ok(i64::try_from(v)
                    .map_or_else(|_| FacetValue::Text(v.to_string()), FacetValue::Int))
            }
            fn visit_u128<E>(self, v: u128) -> Result<FacetValue, E> {
                Ok(i64::try_from(v)
                    .map_or_else(|_| FacetValue::Text(v.to_string()), FacetValue::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<FacetValue, E> {
                Ok(FacetValue::Text(v.to_string()))
            }
            fn visit_str<E>(self, v: &str) -> Result<FacetValue, E> {
                Ok(FacetValue::Text(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<FacetValue, E> {
                Ok(FacetValue::Text(v))
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A facet on which the accounts of an event disagree.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dispute {
    /// The facet the accounts disagree on.
    pub facet: String,
    /// Derived on every load.
    #[serde(default)]
    pub positions: Vec<Position>,
    /// Kept from the file: a person's note on the dispute.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "prose"
    )]
    pub note: Option<String>,
}

/// One answer to a disputed facet and the accounts that give it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// The answer, as the first account gives it.
    pub value: String,
    /// Account ids.
    #[serde(default, serialize_with = "flow_list")]
    pub accounts: Vec<String>,
}

/// A link between two events, held by the accounts that claim it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// An event id.
    pub from: String,
    /// An event id.
    pub to: String,
    /// How `from` stands to `to`.
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
    /// A person's note on the relation.
    pub note: Option<String>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
/// How one event relates to another.
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// `from` happened before `to`.
    Before,
    /// `from` happened after `to`.
    After,
    /// `from` is part of `to`.
    PartOf,
    /// `from` was caused by `to`.
    CausedBy,
    /// `from` was a response to `to`.
    ResponseTo,
}

/// An account a person removed; re-extraction must not bring it back.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// The id of the source the account came from.
    pub source: String,
    /// Byte offsets of the removed account's quote.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "flow_pair"
    )]
    pub span: Option<[usize; 2]>,
    /// The removed account's quote.
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
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The event with this id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// The source a text originally comes from, following `republishes` (cycle-safe: in a
    /// cycle, the last source before it closes).
    pub fn original_of<'a>(&'a self, id: &'a str) -> &'a str {
        Originals::new(self).of(id)
    }

    /// The original of every source (as [`Timeline::original_of`]), found in time linear in
    /// the lengths of the `republishes` chains.
    pub fn originals(&self) -> std::collections::HashMap<&str, &str> {
        let mut originals = Originals::new(self);
        self.sources
            .iter()
            .map(|s| (s.id.as_str(), originals.memo(&s.id)))
            .collect()
    }

    /// How many independent sources speak to an event: republished copies count once.
    pub fn independent_sources(&self, event: &Event) -> usize {
        let mut originals = Originals::new(self);
        let mut roots: Vec<&str> = event
            .accounts
            .iter()
            .map(|a| originals.memo(&a.source))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        roots.len()
    }
}

/// The `republishes` links of a timeline's sources, indexed once, with the originals found so
/// far: finding every account's original costs the length of the chains, once.
struct Originals<'a> {
    links: std::collections::HashMap<&'a str, &'a str>,
    found: std::collections::HashMap<&'a str, &'a str>,
}

impl<'a> Originals<'a> {
    fn new(timeline: &'a Timeline) -> Originals<'a> {
        let known: std::collections::HashSet<&str> =
            timeline.sources.iter().map(|s| s.id.as_str()).collect();
        let mut links = std::collections::HashMap::new();
        for s in &timeline.sources {
            if let Some(next) = s.republishes.as_deref()
                && known.contains(next)
            {
                // The first source of an id speaks for it, as `Timeline::source` finds it.
                links.entry(s.id.as_str()).or_insert(next);
            }
        }
        Originals {
            links,
            found: std::collections::HashMap::new(),
        }
    }

    /// Follow the links from `id` until a source that republishes nothing known, or until the
    /// next step would close a cycle.
    fn of(&self, id: &'a str) -> &'a str {
        let mut seen = std::collections::HashSet::from([id]);
        let mut current = id;
        while let Some(&next) = self.links.get(current) {
            if !seen.insert(next) {
                break;
            }
            current = next;
        }
        current
    }

    /// [`Originals::of`], remembered for every source on the way when it is not in a cycle.
    fn memo(&mut self, id: &'a str) -> &'a str {
        if let Some(&root) = self.found.get(id) {
            return root;
        }
        let mut path = vec![id];
        let mut seen = std::collections::HashSet::from([id]);
        let mut current = id;
        while let Some(&next) = self.links.get(current) {
            if let Some(&root) = self.found.get(next) {
                current = root;
                break;
            }
            if !seen.insert(next) {
                // A cycle: each member's answer depends on where it is entered.
                return current;
            }
            path.push(next);
            current = next;
        }
        for p in path {
            self.found.insert(p, current);
        }
        current
    }
}

impl Event {
    /// The account with this id.
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
