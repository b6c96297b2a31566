//! Entries of the gazetteer and the file format they are written in.

use serde::{Deserialize, Serialize};

/// What an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A country or territory.
    Country,
    /// City, region, district, site, road, camp, base.
    Place,
    /// UN bodies, NGOs, ministries' international counterparts, agencies, parties.
    #[serde(alias = "organization")]
    Organisation,
    /// An armed group or militia.
    ArmedGroup,
    /// Institutions that speak: "Washington", "the Kremlin", "the Pentagon", a ministry.
    Government,
    /// A named person.
    Person,
    /// A newspaper, channel or agency.
    Media,
}

impl EntityKind {
    /// Every kind, in the order they are listed.
    pub const ALL: [EntityKind; 7] = [
        EntityKind::Country,
        EntityKind::Place,
        EntityKind::Organisation,
        EntityKind::ArmedGroup,
        EntityKind::Government,
        EntityKind::Person,
        EntityKind::Media,
    ];

    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::ArmedGroup => "armed_group",
            EntityKind::Government => "government",
            EntityKind::Person => "person",
            EntityKind::Media => "media",
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One place, actor or organisation with the names it goes by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Stable slug, unique in a gazetteer.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the entry names.
    pub kind: EntityKind,
    /// Other names and spellings (the display name is always matched too).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Adjectives and plurals for the people of a country or group: "Russian", "Russians".
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub demonyms: Vec<String>,
    /// Entry id of the country this is in or belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Place id this place lies within: Jabal al-Tharda within Deir ez-Zor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// Entry id of the body a person or unit speaks for: Konashenkov → russian-defence-ministry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Office, rank or function: "spokesman", "foreign minister", "governorate".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// For a country: the place id of its capital.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capital: Option<String>,
    /// For a capital or seat: the entry id of the institution its name stands for when it
    /// "says" something ("Moscow said" → russian-government).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat_of: Option<String>,
    /// A fact worth keeping with the entry: a rename, a merger, a former name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Entry {
    /// The display name and every alias.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A gazetteer file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    /// A user file with `replace: true` replaces the built-in table instead of extending it.
    #[serde(default)]
    pub replace: bool,
    /// Entries sharing defaults (kind, country, ...), one group per section.
    #[serde(default)]
    pub groups: Vec<RawGroup>,
    #[serde(default)]
    pub entries: Vec<RawEntry>,
    /// Spellings that fold like a name but are something else ("Columbia" is not Colombia):
    /// a hit spelt exactly so is no mention.
    #[serde(default)]
    pub not_names: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGroup {
    /// What the group holds, for people reading the file.
    #[allow(dead_code)]
    #[serde(default)]
    pub section: Option<String>,
    pub kind: Option<EntityKind>,
    pub country: Option<String>,
    pub within: Option<String>,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    #[serde(default)]
    pub entries: Vec<RawEntry>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawEntry {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<EntityKind>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    pub country: Option<String>,
    pub within: Option<String>,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub capital: Option<String>,
    pub seat_of: Option<String>,
    pub note: Option<String>,
}

/// A stable slug from a name: "Deir ez-Zor" → "deir-ez-zor".
pub fn slug(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_alphanumeric() {
            super::normalize::push_folded_char(c, &mut folded);
        } else if matches!(
            c,
            '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{2bf}' | '\u{2be}'
        ) {
            // "Ma'arrat" → "maarrat"
        } else {
            folded.push('-');
        }
    }
    let mut out = String::with_capacity(folded.len());
    for part in folded.split('-').filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out
}
