//! `Claim`: who says something in a stretch of text, and how.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::timeline::{FacetValue, Stance};

/// Whose voice a claim is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimantKind {
    /// The outlet or the article's author, speaking for themselves.
    Outlet,
    /// A named person, office or organisation.
    Named,
    /// "reports say", "a senior official", "sources".
    Unnamed,
    /// A reader comment's author.
    Commenter,
}

/// One attributed stretch of text: a sentence, or a clause where a sentence mixes voices.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Byte offsets into `Document::text` of the text the claim covers.
    pub start: usize,
    pub end: usize,
    /// Display name: "Igor Konashenkov (Russian Defence Ministry)", "Syrian Observatory for Human
    /// Rights", the outlet, or the commenter.
    pub claimant: String,
    pub claimant_kind: ClaimantKind,
    /// The attribution chain, nearest first: SOHR via [BBC] in an Inquisitr article.
    pub via: Vec<String>,
    pub stance: Stance,
    /// The attribution cue ("said", "according to", "denied"), when there is one.
    pub cue: Option<(usize, usize)>,
    /// The temporal expression that dates the speech act ("said on Tuesday"), when there is one.
    pub said_at: Option<(usize, usize)>,
    /// Facets the text gives: `killed: at least 62`, `intent: deliberate`.
    pub facets: BTreeMap<String, FacetValue>,
    pub comment: bool,
}
