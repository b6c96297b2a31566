//! The vocabulary of attribution: reporting verbs and their acts, claim nouns, documents
//! that speak, attributing phrases, and the words that tell what a speaker phrase names.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::{LexiconError, norm};
use crate::timeline::{Stance, yaml};

/// What kind of speech act a word reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Act {
    Say,
    Claim,
    Accuse,
    Deny,
    Question,
    Tell,
    Think,
    Quote,
    Call,
    Report,
}

impl Act {
    const ALL: [(&'static str, Act); 10] = [
        ("say", Act::Say),
        ("claim", Act::Claim),
        ("accuse", Act::Accuse),
        ("deny", Act::Deny),
        ("question", Act::Question),
        ("tell", Act::Tell),
        ("think", Act::Think),
        ("quote", Act::Quote),
        ("call", Act::Call),
        ("report", Act::Report),
    ];

    fn parse(name: &str) -> Option<Act> {
        Act::ALL.iter().find(|(n, _)| *n == name).map(|(_, a)| *a)
    }

    /// The stance of the one who performs it towards what is reported.
    pub fn stance(self) -> Stance {
        match self {
            Act::Claim | Act::Accuse => Stance::Alleges,
            Act::Deny => Stance::Denies,
            Act::Question => Stance::Questions,
            _ => Stance::Asserts,
        }
    }
}

/// What a pronoun can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PronounKind {
    Person,
    Group,
    Thing,
    /// "I", "me": the speaker of the quotation it stands in.
    Own,
}

/// The attribution vocabulary, ready for lookups.
#[derive(Debug, Clone, Default)]
pub struct Speech {
    verbs: HashMap<String, Act>,
    needs_complement: HashSet<String>,
    bare_object: HashSet<String>,
    after_clause: HashSet<String>,
    /// The last words of phrasal reporting verbs ("out" of "point out").
    particles: HashSet<String>,
    hedges: HashSet<String>,
    nouns: HashMap<String, Act>,
    documents: HashSet<String>,
    phrases: HashMap<String, Act>,
    alleging: HashSet<String>,
    doubting: HashSet<String>,
    titles: HashSet<String>,
    female: HashSet<String>,
    male: HashSet<String>,
    organisations: HashSet<String>,
    unnamed: HashSet<String>,
    persons: HashSet<String>,
    pronouns: HashMap<String, PronounKind>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    verbs: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    needs_complement: Vec<String>,
    #[serde(default)]
    bare_object: Vec<String>,
    #[serde(default)]
    after_clause: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    nouns: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    phrases: BTreeMap<String, String>,
    #[serde(default)]
    alleging: Vec<String>,
    #[serde(default)]
    doubting: Vec<String>,
    #[serde(default)]
    speakers: RawSpeakers,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpeakers {
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    female: Vec<String>,
    #[serde(default)]
    male: Vec<String>,
    #[serde(default)]
    organisations: Vec<String>,
    #[serde(default)]
    unnamed: Vec<String>,
    #[serde(default)]
    persons: Vec<String>,
    #[serde(default)]
    pronouns: BTreeMap<String, Vec<String>>,
}

impl Speech {
    pub(super) fn parse(
        file: &str,
        text: &str,
        base: Option<&Speech>,
    ) -> Result<Speech, LexiconError> {
        let raw: RawFile = yaml::from_str(text).map_err(|e| LexiconError::yaml(file, e))?;
        let mut sp = base.cloned().unwrap_or_default();
        let act = |name: &str| {
            Act::parse(name).ok_or_else(|| {
                LexiconError::invalid(
                    file,
                    format!(
                        "unknown act `{name}` (say, claim, accuse, deny, question, tell, think, quote, call, report)"
                    ),
                )
            })
        };
        // A word listed under several acts takes the first in the order of `Act`: "say" is
        // a reporting verb before it is what a report does.
        for (name, a) in Act::ALL {
            if let Some(words) = raw.verbs.get(name) {
                for w in words {
                    let w = norm(w);
                    if let Some((_, particle)) = w.rsplit_once(' ') {
                        sp.particles.insert(particle.to_string());
                    }
                    sp.verbs.entry(w).or_insert(a);
                }
            }
            if let Some(words) = raw.nouns.get(name) {
                for w in words {
                    sp.nouns.entry(norm(w)).or_insert(a);
                }
            }
        }
        for name in raw.verbs.keys().chain(raw.nouns.keys()) {
            act(name)?;
        }
        for (phrase, a) in &raw.phrases {
            sp.phrases.insert(norm(phrase), act(a)?);
        }
        let extend = |set: &mut HashSet<String>, words: &[String]| {
            set.extend(words.iter().map(|w| norm(w)));
        };
        extend(&mut sp.needs_complement, &raw.needs_complement);
        extend(&mut sp.bare_object, &raw.bare_object);
        extend(&mut sp.after_clause, &raw.after_clause);
        extend(&mut sp.hedges, &raw.hedges);
        extend(&mut sp.documents, &raw.documents);
        extend(&mut sp.alleging, &raw.alleging);
        extend(&mut sp.doubting, &raw.doubting);
        let s = &raw.speakers;
        extend(&mut sp.titles, &s.titles);
        extend(&mut sp.female, &s.female);
        extend(&mut sp.male, &s.male);
        extend(&mut sp.organisations, &s.organisations);
        extend(&mut sp.unnamed, &s.unnamed);
        extend(&mut sp.persons, &s.persons);
        for (kind, words) in &s.pronouns {
            let k = match kind.as_str() {
                "person" => PronounKind::Person,
                "group" => PronounKind::Group,
                "thing" => PronounKind::Thing,
                "self" => PronounKind::Own,
                other => {
                    return Err(LexiconError::invalid(
                        file,
                        format!("pronouns: unknown kind `{other}` (person, group, thing, self)"),
                    ));
                }
            };
            for w in words {
                sp.pronouns.insert(norm(w), k);
            }
        }
        Ok(sp)
    }

    /// The act of a reporting verb lemma (or phrasal verb, "point out").
    pub fn verb(&self, lemma: &str) -> Option<Act> {
        self.verbs.get(lemma).copied()
    }

    /// The lemma as the lexicon holds it, and its act: a `'static` lemma for a lexicon that
    /// lives as long as the process.
    pub fn verb_entry(&self, lemma: &str) -> Option<(&str, Act)> {
        self.verbs
            .get_key_value(lemma)
            .map(|(l, a)| (l.as_str(), *a))
    }

    /// Whether the verb reports speech only with an explicit complement.
    pub fn needs_complement(&self, lemma: &str) -> bool {
        self.needs_complement.contains(lemma)
    }

    /// Whether `word` ends a phrasal reporting verb ("out", "off").
    pub fn is_particle(&self, word: &str) -> bool {
        self.particles.contains(word)
    }

    /// Whether the verb's bare object can be the words it reports ("declared the end of").
    pub fn bare_object(&self, lemma: &str) -> bool {
        self.bare_object.contains(lemma)
    }

    /// Whether the verb reports the clause before it when it follows that clause after a
    /// comma ("..., investigators concluded").
    pub fn after_clause(&self, lemma: &str) -> bool {
        self.after_clause.contains(lemma)
    }

    /// Whether the adverb marks the writer's guess at what someone thinks.
    pub fn is_hedge(&self, word: &str) -> bool {
        self.hedges.contains(word)
    }

    /// The act of a noun that carries someone's words ("claim", "statement").
    pub fn noun(&self, lemma: &str) -> Option<Act> {
        self.nouns.get(lemma).copied()
    }

    pub fn is_document(&self, lemma: &str) -> bool {
        self.documents.contains(lemma)
    }

    /// The act of an attributing phrase, by its words ("according to").
    pub fn phrase(&self, words: &str) -> Option<Act> {
        self.phrases.get(words).copied()
    }

    pub fn is_alleging(&self, lemma: &str) -> bool {
        self.alleging.contains(lemma)
    }

    pub fn is_doubting(&self, lemma: &str) -> bool {
        self.doubting.contains(lemma)
    }

    pub fn is_title(&self, word: &str) -> bool {
        self.titles.contains(word.trim_end_matches('.'))
    }

    pub fn is_female_title(&self, word: &str) -> bool {
        self.female.contains(word.trim_end_matches('.'))
    }

    pub fn is_male_title(&self, word: &str) -> bool {
        self.male.contains(word.trim_end_matches('.'))
    }

    pub fn is_organisation_head(&self, word: &str) -> bool {
        self.organisations.contains(word)
    }

    pub fn is_unnamed_head(&self, word: &str) -> bool {
        self.unnamed.contains(word)
    }

    pub fn is_person_head(&self, word: &str) -> bool {
        self.persons.contains(word)
    }

    pub fn pronoun(&self, word: &str) -> Option<PronounKind> {
        self.pronouns.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::{Act, PronounKind};
    use crate::lexicon::Lexicon;

    #[test]
    fn the_builtin_vocabulary_reads_and_answers() {
        let sp = &Lexicon::builtin().speech;
        assert_eq!(sp.verb("say"), Some(Act::Say));
        assert_eq!(sp.verb("deny"), Some(Act::Deny));
        assert_eq!(sp.verb("allege"), Some(Act::Claim));
        assert_eq!(sp.verb("point out"), Some(Act::Say));
        assert_eq!(sp.verb("bomb"), None);
        assert_eq!(sp.noun("allegation"), Some(Act::Claim));
        assert_eq!(sp.phrase("according to"), Some(Act::Say));
        assert!(sp.is_alleging("reportedly"));
        assert!(sp.is_title("lt.") && sp.is_organisation_head("ministry"));
        assert_eq!(sp.pronoun("she"), Some(PronounKind::Person));
        assert!(sp.needs_complement("confirm") && !sp.needs_complement("say"));
    }
}
