//! The memory of who has been mentioned in a document: entities with their names and
//! offices, mentions by sentence and role, and resolution of pronouns ("he", "it"),
//! definite descriptions ("the official", "the ministry") and short forms ("Churkin").

use std::collections::BTreeMap;

use super::lexicon::Pronoun;
use super::speakers::Referent;

/// A name as the words of the text wrote it, with its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntKind {
    Outlet,
    Commenter,
    Person,
    Org,
    Actor,
    Unnamed,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub kind: EntKind,
    pub affiliation: Option<String>,
    pub female: Option<bool>,
    pub plural: bool,
    /// Unnamed phrases whose head is a person ("a senior official").
    pub person_like: bool,
}

impl Entity {
    /// The name people read: "Igor Konashenkov (Russian Defence Ministry)".
    pub fn display(&self) -> String {
        match &self.affiliation {
            Some(a) if self.kind == EntKind::Person => format!("{} ({a})", self.name),
            _ => self.name.clone(),
        }
    }

    fn is_person(&self) -> bool {
        self.kind == EntKind::Person || self.person_like
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Speaker,
    Subject,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub struct Mention {
    pub at: usize,
    pub ent: usize,
    pub sentence: usize,
    pub role: Role,
}

/// Everyone mentioned so far in a document.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    pub ents: Vec<Entity>,
    pub mentions: Vec<Mention>,
    /// The publisher of the last report introduced ("One report by BBC" → BBC).
    pub last_report: Option<usize>,
    /// "HNC" → "High Negotiations Committee".
    acronyms: BTreeMap<String, String>,
}

/// Lower case, ’ as ', no leading "the", single spaces.
pub(super) fn key(name: &str) -> String {
    let lower = name.to_lowercase().replace('’', "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let words = match words.first() {
        Some(&"the") => &words[1..],
        _ => &words[..],
    };
    words.join(" ")
}

impl Memory {
    pub fn new() -> Memory {
        Memory::default()
    }

    pub fn add(&mut self, e: Entity) -> usize {
        self.ents.push(e);
        self.ents.len() - 1
    }

    pub fn learn_acronym(&mut self, acronym: &str, long: &str) {
        self.acronyms
            .entry(acronym.to_string())
            .or_insert_with(|| long.trim().to_string());
    }

    pub fn mention(&mut self, at: usize, ent: usize, sentence: usize, role: Role) {
        self.mentions.push(Mention {
            at,
            ent,
            sentence,
            role,
        });
    }

    /// The entity a named referent is, creating it when new.
    pub fn intern(&mut self, r: &Referent) -> Option<usize> {
        match r {
            Referent::Person {
                name,
                affiliation,
                female,
            } => {
                let k = key(name);
                let found = self.ents.iter().rposition(|e| {
                    e.kind == EntKind::Person && {
                        let ek = key(&e.name);
                        ek == k || ek.ends_with(&format!(" {k}")) || k.ends_with(&format!(" {ek}"))
                    }
                });
                let id = match found {
                    Some(id) => {
                        let e = &mut self.ents[id];
                        if name.split_whitespace().count() > e.name.split_whitespace().count() {
                            e.name = name.clone();
                        }
                        if e.affiliation.is_none() {
                            e.affiliation = affiliation.clone();
                        }
                        if e.female.is_none() {
                            e.female = *female;
                        }
                        id
                    }
                    None => self.add(Entity {
                        name: name.clone(),
                        kind: EntKind::Person,
                        affiliation: affiliation.clone(),
                        female: *female,
                        plural: false,
                        person_like: true,
                    }),
                };
                Some(id)
            }
            Referent::Org { name } => {
                let name = self
                    .acronyms
                    .get(name.trim())
                    .cloned()
                    .unwrap_or_else(|| name.clone());
                let k = key(&name);
                let found = self.ents.iter().rposition(|e| {
                    matches!(e.kind, EntKind::Org | EntKind::Actor | EntKind::Outlet) && {
                        let ek = key(&e.name);
                        ek == k
                            || k.split(' ').count() >= 2 && ek.ends_with(&format!(" {k}"))
                            || ek.ends_with(&format!("'s {k}"))
                    }
                });
                Some(found.unwrap_or_else(|| {
                    self.add(Entity {
                        name: strip_the(&name),
                        kind: EntKind::Org,
                        affiliation: None,
                        female: None,
                        plural: false,
                        person_like: false,
                    })
                }))
            }
            Referent::Actor { name, plural } => {
                let name = self
                    .acronyms
                    .get(name.trim())
                    .cloned()
                    .unwrap_or_else(|| name.clone());
                let k = key(&name);
                let found = self.ents.iter().rposition(|e| {
                    matches!(e.kind, EntKind::Org | EntKind::Actor | EntKind::Outlet)
                        && key(&e.name) == k
                });
                Some(found.unwrap_or_else(|| {
                    self.add(Entity {
                        name: strip_the(&name),
                        kind: EntKind::Actor,
                        affiliation: None,
                        female: None,
                        plural: *plural,
                        person_like: false,
                    })
                }))
            }
            Referent::Unnamed { label, person } => {
                let k = key(label);
                let found = self
                    .ents
                    .iter()
                    .rposition(|e| e.kind == EntKind::Unnamed && key(&e.name) == k);
                Some(found.unwrap_or_else(|| {
                    self.add(Entity {
                        name: label.clone(),
                        kind: EntKind::Unnamed,
                        affiliation: None,
                        female: None,
                        plural: label.ends_with('s') && !label.ends_with("ss"),
                        person_like: *person,
                    })
                }))
            }
            Referent::Report { source: Some(s) } => {
                let id = self.intern(&Referent::Org { name: s.clone() })?;
                self.last_report = Some(id);
                Some(id)
            }
            Referent::Report { source: None } => self.last_report,
            Referent::Pronoun(_) | Referent::Definite { .. } => None,
        }
    }

    /// The last speaker, subject or mention recorded for a sentence that fits.
    fn in_sentence(
        &self,
        sentence: usize,
        role: Role,
        before: usize,
        fits: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.sentence == sentence && m.role == role && m.at < before)
            .map(|m| m.ent)
            .find(|&id| fits(id))
    }

    /// The publisher of the report last introduced, if it was mentioned in the last few
    /// sentences: what "it" says, when "it" says something.
    pub fn recent_report(&self, sentence: usize) -> Option<usize> {
        let r = self.last_report?;
        self.mentions
            .iter()
            .rev()
            .find(|m| m.ent == r)
            .filter(|m| sentence.saturating_sub(m.sentence) <= 10)
            .map(|_| r)
    }

    /// A person whose surname is `word`: "Churkin" after "Vitaly Churkin".
    pub fn person_by_surname(&self, word: &str) -> Option<usize> {
        let w = key(word);
        self.ents.iter().rposition(|e| {
            e.kind == EntKind::Person && key(&e.name).rsplit(' ').next() == Some(w.as_str())
        })
    }

    /// Resolve a pronoun at byte offset `at` in sentence number `sentence`.
    pub fn resolve(&self, p: Pronoun, at: usize, sentence: usize) -> Option<usize> {
        let fits = |id: usize| {
            let e = &self.ents[id];
            if matches!(e.kind, EntKind::Outlet | EntKind::Commenter) {
                return false;
            }
            match p {
                Pronoun::He => e.is_person() && e.female != Some(true),
                Pronoun::She => e.is_person() && e.female != Some(false),
                Pronoun::They => !e.is_person() || e.plural,
                Pronoun::It => !e.is_person() && !e.plural,
                Pronoun::First | Pronoun::Relative => false,
            }
        };
        // The same sentence: an earlier speaker, subject or mention. "It" and "they" prefer
        // subjects, "he" and "she" speakers.
        let order = if matches!(p, Pronoun::It | Pronoun::They) {
            [Role::Subject, Role::Speaker, Role::Other]
        } else {
            [Role::Speaker, Role::Subject, Role::Other]
        };
        for role in order {
            if let Some(id) = self.in_sentence(sentence, role, at, &fits) {
                return Some(id);
            }
        }
        // Earlier sentences: speaker, then subject, going back a few sentences.
        for back in 1..=6 {
            let Some(s) = sentence.checked_sub(back) else {
                break;
            };
            for role in &order[..2] {
                if let Some(id) = self.in_sentence(s, *role, usize::MAX, &fits) {
                    return Some(id);
                }
            }
            if back <= 2
                && let Some(m) = self.mentions.iter().rev().find(|m| {
                    m.sentence == s && fits(m.ent) && self.ents[m.ent].kind == EntKind::Person
                })
            {
                return Some(m.ent);
            }
        }
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.at < at && sentence.saturating_sub(m.sentence) <= 12)
            .map(|m| m.ent)
            .find(|&id| fits(id))
    }

    /// Resolve "the official", "the ministry", "the source".
    pub fn resolve_definite(
        &self,
        person: bool,
        head: &str,
        at: usize,
        sentence: usize,
        strict: bool,
        modifiers: &[String],
    ) -> Option<usize> {
        let fits = |id: usize| {
            let e = &self.ents[id];
            if matches!(e.kind, EntKind::Outlet | EntKind::Commenter) {
                return false;
            }
            if person {
                e.is_person()
            } else {
                matches!(e.kind, EntKind::Org | EntKind::Actor)
                    || e.kind == EntKind::Unnamed && !e.person_like
            }
        };
        let head_match = |id: usize| {
            let e = &self.ents[id];
            let name = e.name.to_lowercase();
            name.contains(head)
                || e.affiliation
                    .as_ref()
                    .is_some_and(|a| a.to_lowercase().contains(head))
        };
        let recent = self
            .mentions
            .iter()
            .rev()
            .filter(|m| m.at < at && sentence.saturating_sub(m.sentence) <= 8);
        let candidates: Vec<&Mention> = recent.collect();
        let matched = candidates
            .iter()
            .find(|m| fits(m.ent) && head_match(m.ent))
            .or_else(|| {
                // "the Russian military official": a modifier in the name or office.
                candidates.iter().find(|m| {
                    person
                        && fits(m.ent)
                        && m.role != Role::Other
                        && modifiers.iter().any(|w| {
                            let e = &self.ents[m.ent];
                            let hay =
                                format!("{} {}", e.name, e.affiliation.as_deref().unwrap_or(""))
                                    .to_lowercase();
                            // Whole words, or a country and its adjective ("Russian", "Russia's").
                            let stem: String = w.chars().take(5).collect();
                            hay.split(|c: char| !c.is_alphanumeric()).any(|h| h == w)
                                || stem.chars().count() >= 5 && w.len() > 5 && hay.contains(&stem)
                        })
                })
            });
        // "the union" is a union named before, not any organisation; only generic words
        // ("the group", "the organisation") stand for the last one named.
        let generic = matches!(
            head,
            "group" | "organisation" | "organization" | "body" | "institution" | "outlet"
        );
        if strict || !person && !generic {
            return matched.map(|m| m.ent);
        }
        matched
            .or_else(|| {
                candidates
                    .iter()
                    .find(|m| fits(m.ent) && m.role != Role::Other)
            })
            .or_else(|| candidates.iter().find(|m| fits(m.ent)))
            .map(|m| m.ent)
    }

    /// The speaker or subject most recently recorded before `at`.
    pub fn last_speaker(&self, at: usize) -> Option<usize> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.at < at && m.role == Role::Speaker)
            .map(|m| m.ent)
            .next()
    }
}

pub(super) fn strip_the(name: &str) -> String {
    let n = name.trim();
    for p in ["the ", "The "] {
        if let Some(rest) = n.strip_prefix(p) {
            return rest.to_string();
        }
    }
    n.to_string()
}
