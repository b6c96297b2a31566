//! The memory of who has been mentioned in a document: entities with their names and
//! offices, mentions by sentence and role, and resolution of pronouns ("he", "it"),
//! definite descriptions ("the official", "the ministry") and short forms ("Churkin").

use std::collections::{BTreeMap, HashMap};

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
///
/// Entities and mentions are indexed as they are added ([`Memory::add`], [`Memory::mention`]:
/// the only ways in), so that resolving a name or a pronoun reads the few entities that share
/// its last word and the mentions of the few sentences it may reach, never everything
/// mentioned before: a text of thousands of names is read in time near-linear in its length.
/// Each lookup gives exactly what a scan of everything would.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    /// Read-only outside this module: add with [`Memory::add`].
    pub ents: Vec<Entity>,
    /// Read-only outside this module: add with [`Memory::mention`].
    pub mentions: Vec<Mention>,
    /// The publisher of the last report introduced ("One report by BBC" → BBC).
    pub last_report: Option<usize>,
    /// "HNC" → "High Negotiations Committee".
    acronyms: BTreeMap<String, String>,
    /// Each entity's [`key`], kept with its name.
    keys: Vec<String>,
    /// Entities by the last word of their key, in order of addition.
    by_last_word: HashMap<String, Vec<usize>>,
    /// Mentions by sentence, in order of mention.
    by_sentence: BTreeMap<usize, Vec<usize>>,
    /// Each entity's latest mention.
    last_mention: Vec<Option<usize>>,
    /// Speaker mentions, in order of mention.
    speakers: Vec<usize>,
    /// How many entities' lower-cased names hold each word.
    name_words: HashMap<String, usize>,
    /// Entities and mentions read by lookups, for tests that bound the work.
    #[cfg(test)]
    pub(super) reads: std::cell::Cell<usize>,
}

/// The last word of a key ("" for an empty one).
fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or_default()
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
        let id = self.ents.len();
        let k = key(&e.name);
        self.by_last_word
            .entry(last_word(&k).to_string())
            .or_default()
            .push(id);
        self.count_words(&e.name, true);
        self.keys.push(k);
        self.ents.push(e);
        self.last_mention.push(None);
        id
    }

    /// Give an entity a new name. Its key keeps its last word (a longer form of the same
    /// name: "Churkin" → "Vitaly Churkin"), so it stays where it is indexed.
    fn rename(&mut self, id: usize, name: String) {
        let old = std::mem::take(&mut self.ents[id].name);
        self.count_words(&old, false);
        self.count_words(&name, true);
        self.keys[id] = key(&name);
        debug_assert_eq!(last_word(&self.keys[id]), last_word(&key(&old)));
        self.ents[id].name = name;
    }

    fn count_words(&mut self, name: &str, add: bool) {
        for w in name.to_lowercase().split_whitespace() {
            if add {
                *self.name_words.entry(w.to_string()).or_default() += 1;
            } else if let Some(n) = self.name_words.get_mut(w) {
                *n -= 1;
                if *n == 0 {
                    self.name_words.remove(w);
                }
            }
        }
    }

    /// Whether a word (lower-cased) is a word of some entity's lower-cased name.
    pub fn is_name_word(&self, lower: &str) -> bool {
        self.name_words.contains_key(lower)
    }

    /// The entities whose key ends with `last`, latest first.
    fn sharing_last_word(&self, last: &str) -> impl Iterator<Item = usize> + '_ {
        self.by_last_word
            .get(last)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .rev()
            .copied()
            .inspect(|_| self.count_read())
    }

    /// The latest entity of these kinds whose key ends with the last word of `k` and passes
    /// `matches` (given the entity's key).
    fn latest_named(
        &self,
        k: &str,
        kinds: &[EntKind],
        matches: impl Fn(&str) -> bool,
    ) -> Option<usize> {
        self.sharing_last_word(last_word(k))
            .find(|&id| kinds.contains(&self.ents[id].kind) && matches(&self.keys[id]))
    }

    /// Mentions of sentences from `first` on, latest first (as a scan back from the end of
    /// all mentions would meet them).
    fn mentions_from(&self, first: usize) -> impl Iterator<Item = &Mention> + '_ {
        let mut ids: Vec<usize> = self
            .by_sentence
            .range(first..)
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        ids.into_iter().map(|i| {
            self.count_read();
            &self.mentions[i]
        })
    }

    /// The mentions of one sentence, latest first.
    fn mentions_in(&self, sentence: usize) -> impl Iterator<Item = &Mention> + '_ {
        self.by_sentence
            .get(&sentence)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .rev()
            .map(|&i| {
                self.count_read();
                &self.mentions[i]
            })
    }

    /// The mentions of one sentence, in order.
    pub fn sentence_mentions(&self, sentence: usize) -> impl Iterator<Item = &Mention> + '_ {
        self.by_sentence
            .get(&sentence)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&i| &self.mentions[i])
    }

    #[inline]
    fn count_read(&self) {
        #[cfg(test)]
        self.reads.set(self.reads.get() + 1);
    }

    pub fn learn_acronym(&mut self, acronym: &str, long: &str) {
        self.acronyms
            .entry(acronym.to_string())
            .or_insert_with(|| long.trim().to_string());
    }

    pub fn mention(&mut self, at: usize, ent: usize, sentence: usize, role: Role) {
        let i = self.mentions.len();
        self.by_sentence.entry(sentence).or_default().push(i);
        self.last_mention[ent] = Some(i);
        if role == Role::Speaker {
            self.speakers.push(i);
        }
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
                // The same name, or one the end of the other: both end with the same word.
                let found = self.latest_named(&k, &[EntKind::Person], |ek| {
                    ek == k || ek.ends_with(&format!(" {k}")) || k.ends_with(&format!(" {ek}"))
                });
                let id = match found {
                    Some(id) => {
                        if name.split_whitespace().count()
                            > self.ents[id].name.split_whitespace().count()
                        {
                            self.rename(id, name.clone());
                        }
                        let e = &mut self.ents[id];
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
                // Each way of matching ends the entity's key with `k`: the same last word.
                let found = self.latest_named(&k, ORG_LIKE, |ek| {
                    ek == k
                        || k.split(' ').count() >= 2 && ek.ends_with(&format!(" {k}"))
                        || ek.ends_with(&format!("'s {k}"))
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
                let found = self.latest_named(&k, ORG_LIKE, |ek| ek == k);
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
                let found = self.latest_named(&k, &[EntKind::Unnamed], |ek| ek == k);
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
        self.mentions_in(sentence)
            .filter(|m| m.role == role && m.at < before)
            .map(|m| m.ent)
            .find(|&id| fits(id))
    }

    /// The publisher of the report last introduced, if it was mentioned in the last few
    /// sentences: what "it" says, when "it" says something.
    pub fn recent_report(&self, sentence: usize) -> Option<usize> {
        let r = self.last_report?;
        self.last_mention
            .get(r)
            .copied()
            .flatten()
            .map(|i| &self.mentions[i])
            .filter(|m| sentence.saturating_sub(m.sentence) <= 10)
            .map(|_| r)
    }

    /// A person whose surname is `word`: "Churkin" after "Vitaly Churkin".
    pub fn person_by_surname(&self, word: &str) -> Option<usize> {
        let w = key(word);
        // Only a one-word key can be a last word.
        self.sharing_last_word(&w)
            .find(|&id| self.ents[id].kind == EntKind::Person && last_word(&self.keys[id]) == w)
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
                && let Some(m) = self
                    .mentions_in(s)
                    .find(|m| fits(m.ent) && self.ents[m.ent].kind == EntKind::Person)
            {
                return Some(m.ent);
            }
        }
        self.mentions_from(sentence.saturating_sub(12))
            .filter(|m| m.at < at)
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
        // "the council's election officer" is not "the county's returning officer": with
        // words of its own before the head, a description needs one of them too.
        let own: Vec<&String> = modifiers
            .iter()
            .filter(|w| w.len() > 2 && w.chars().all(char::is_alphabetic))
            .collect();
        let head_match = |id: usize| {
            let e = &self.ents[id];
            let hay =
                format!("{} {}", e.name, e.affiliation.as_deref().unwrap_or("")).to_lowercase();
            hay.contains(head)
                && (!strict
                    || own.is_empty()
                    || own.iter().any(|w| {
                        let stem: String = w.chars().take(5).collect();
                        hay.split(|c: char| !c.is_alphanumeric())
                            .any(|h| h == w.as_str())
                            || stem.chars().count() >= 5 && hay.contains(&stem)
                    }))
        };
        let recent = self
            .mentions_from(sentence.saturating_sub(8))
            .filter(|m| m.at < at);
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

    /// "inspectors" after "the Industrial Safety Inspectorate", "investigators" after "the
    /// Joint Investigation Team": people named in the plural by their trade stand for the
    /// body of that trade named shortly before (the stem without its agent suffix starts a word of the
    /// body's name; six letters at least, so "officers" is not any "Office").
    pub fn resolve_member(&self, head: &str, at: usize, sentence: usize) -> Option<usize> {
        // Plural only: "the minister" is one person, not the ministry.
        let singular = head.strip_suffix('s')?;
        let stem = singular
            .strip_suffix("or")
            .or_else(|| singular.strip_suffix("er"))?;
        if stem.chars().count() < 6 {
            return None;
        }
        self.mentions_from(sentence.saturating_sub(8))
            .filter(|m| m.at < at && self.ents[m.ent].kind == EntKind::Org)
            .find(|m| {
                self.ents[m.ent]
                    .name
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.starts_with(stem))
            })
            .map(|m| m.ent)
    }

    /// The speaker or subject most recently recorded before `at`.
    pub fn last_speaker(&self, at: usize) -> Option<usize> {
        self.speakers
            .iter()
            .rev()
            .map(|&i| &self.mentions[i])
            .find(|m| m.at < at)
            .map(|m| m.ent)
    }
}

/// Organisations, actors and outlets: what an organisation's name may refer back to.
const ORG_LIKE: &[EntKind] = &[EntKind::Org, EntKind::Actor, EntKind::Outlet];

pub(super) fn strip_the(name: &str) -> String {
    let n = name.trim();
    for p in ["the ", "The "] {
        if let Some(rest) = n.strip_prefix(p) {
            return rest.to_string();
        }
    }
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Referent {
        Referent::Person {
            name: name.to_string(),
            affiliation: None,
            female: None,
        }
    }

    /// Thousands of different people, each named and then referred back to: the work per
    /// lookup stays the same however many were mentioned before (a scan of every entity or
    /// mention would read millions here).
    #[test]
    fn lookups_read_a_bounded_number_of_entries() {
        let mut mem = Memory::new();
        let n = 5_000;
        for i in 0..n {
            let id = mem
                .intern(&person(&format!("Person{i} Surname{i}")))
                .expect("interned");
            mem.mention(i * 10, id, i, Role::Speaker);
            assert_eq!(mem.intern(&person(&format!("Surname{i}"))), Some(id));
            assert_eq!(mem.person_by_surname(&format!("Surname{i}")), Some(id));
            let org = mem
                .intern(&Referent::Org {
                    name: format!("Ministry of Things {i}"),
                })
                .expect("interned");
            mem.mention(i * 10 + 5, org, i, Role::Subject);
            assert_eq!(mem.resolve(Pronoun::He, i * 10 + 8, i), Some(id));
            assert_eq!(mem.resolve(Pronoun::It, i * 10 + 8, i), Some(org));
            assert_eq!(mem.last_speaker(i * 10 + 9), Some(id));
        }
        let per_step = mem.reads.get() / n;
        assert!(per_step <= 20, "{per_step} entries read per step");
    }

    #[test]
    fn a_short_name_finds_the_latest_person_and_a_longer_one_renames() {
        let mut mem = Memory::new();
        let a = mem.intern(&person("Churkin")).expect("a");
        let b = mem.intern(&person("Vitaly Churkin")).expect("b");
        assert_eq!(a, b);
        assert_eq!(mem.ents[a].name, "Vitaly Churkin");
        assert_eq!(mem.intern(&person("Churkin")), Some(a));
        assert!(mem.is_name_word("vitaly") && mem.is_name_word("churkin"));
        let other = mem.intern(&person("Anna Churkin")).expect("other");
        assert_ne!(other, a, "a different first name is a different person");
        assert_eq!(mem.person_by_surname("Churkin"), Some(other));
        let ministry = mem
            .intern(&Referent::Org {
                name: "Russia's defence ministry".into(),
            })
            .expect("org");
        assert_eq!(
            mem.intern(&Referent::Org {
                name: "the defence ministry".into()
            }),
            Some(ministry)
        );
    }
}
