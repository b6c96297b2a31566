//! The event vocabulary: classes of events (PLOVER roots and extensions) with the verbs and
//! nouns that tell them, and the words that change how a predicate is read.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Deserialize;

use super::{LexiconError, norm};
use crate::timeline::yaml;

/// Index of a class in [`Events::classes`].
pub type ClassId = u16;

/// One class of events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Class {
    pub id: String,
    /// The PLOVER root it belongs to, `None` for an extension.
    pub plover: Option<String>,
    /// How a title names an event of the class: "attack", "verdict".
    pub noun: String,
    /// 1-5: how strongly a predicate of the class makes a clause about an event of its own.
    pub weight: u8,
    /// Facet names for the predicate's arguments (`agent`, `patient`, `instrument`).
    pub roles: BTreeMap<String, String>,
}

/// Where in its course an aspectual verb puts the event its argument names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Begin,
    Continue,
    End,
}

/// A word whose class depends on its modifiers.
#[derive(Debug, Clone, Default)]
struct Sense {
    default: Option<ClassId>,
    cues: Vec<(ClassId, HashSet<String>)>,
    /// Modifiers with which the word tells no event ("provided information").
    none: HashSet<String>,
}

/// The event vocabulary, ready for lookups.
#[derive(Debug, Clone, Default)]
pub struct Events {
    classes: Vec<Class>,
    ids: HashMap<String, ClassId>,
    /// Lemma (with its particle, "shoot down") to classes, in file order.
    verbs: HashMap<String, Vec<ClassId>>,
    /// First words of the verbs listed with more words ("go" of "go to the polls").
    phrase_heads: HashSet<String>,
    /// Noun lemma, or compound ("air strike"), to classes, in file order.
    nouns: HashMap<String, Vec<ClassId>>,
    states: HashSet<String>,
    light: HashSet<String>,
    aspectual: HashMap<String, Phase>,
    senses: HashMap<String, Sense>,
    instruments: HashSet<String>,
    recurrence: HashSet<String>,
    nominal_suffixes: Vec<String>,
    not_events: HashSet<String>,
    compatible: HashSet<(ClassId, ClassId)>,
    /// Predicate lemma to the head-count facet it gives ("kill" → "killed").
    counts: HashMap<String, String>,
    /// Word to the intent it states ("deliberately" → "deliberate").
    intent: HashMap<String, String>,
    causes: Vec<String>,
    notice: HashSet<String>,
    qualifiers: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacets {
    #[serde(default)]
    counts: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    intent: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    causes: Vec<String>,
    #[serde(default)]
    notice: Vec<String>,
    #[serde(default)]
    qualifiers: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    classes: BTreeMap<String, RawClass>,
    #[serde(default)]
    compatible: Vec<Vec<String>>,
    #[serde(default)]
    states: Vec<String>,
    #[serde(default)]
    light: Vec<String>,
    #[serde(default)]
    aspectual: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    senses: Vec<BTreeMap<String, serde_json::Value>>,
    #[serde(default)]
    instruments: Vec<String>,
    #[serde(default)]
    recurrence: Vec<String>,
    #[serde(default)]
    nominal_suffixes: Vec<String>,
    #[serde(default)]
    not_events: Vec<String>,
    #[serde(default)]
    facets: RawFacets,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    #[serde(default)]
    plover: Option<String>,
    #[serde(default)]
    noun: Option<String>,
    #[serde(default)]
    weight: Option<u8>,
    #[serde(default)]
    roles: BTreeMap<String, String>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    nouns: Vec<String>,
}

impl Events {
    /// Parse a vocabulary file; with `base`, the file extends it.
    pub(super) fn parse(
        file: &str,
        text: &str,
        base: Option<&Events>,
    ) -> Result<Events, LexiconError> {
        let raw: RawFile = yaml::from_str(text).map_err(|e| LexiconError::yaml(file, e))?;
        let mut ev = base.cloned().unwrap_or_default();
        // Classes keep the order of the file (a map in YAML, sorted here by serde): the
        // built-in order is by id, which only matters for ties.
        for (id, rc) in &raw.classes {
            let cid = match ev.ids.get(id) {
                Some(&c) => c,
                None => {
                    let Some(noun) = rc.noun.clone() else {
                        return Err(LexiconError::invalid(
                            file,
                            format!("class `{id}` needs a `noun`"),
                        ));
                    };
                    let c = ClassId::try_from(ev.classes.len())
                        .map_err(|_| LexiconError::invalid(file, "too many classes".to_string()))?;
                    ev.classes.push(Class {
                        id: id.clone(),
                        plover: None,
                        noun,
                        weight: 3,
                        roles: BTreeMap::new(),
                    });
                    ev.ids.insert(id.clone(), c);
                    c
                }
            };
            let class = &mut ev.classes[usize::from(cid)];
            if rc.plover.is_some() {
                class.plover.clone_from(&rc.plover);
            }
            if let Some(n) = &rc.noun {
                class.noun.clone_from(n);
            }
            if let Some(w) = rc.weight {
                if !(1..=5).contains(&w) {
                    return Err(LexiconError::invalid(
                        file,
                        format!("class `{id}`: weight {w} is not within 1-5"),
                    ));
                }
                class.weight = w;
            }
            for (role, facet) in &rc.roles {
                if !matches!(role.as_str(), "agent" | "patient" | "instrument") {
                    return Err(LexiconError::invalid(
                        file,
                        format!(
                            "class `{id}`: unknown role `{role}` (agent, patient or instrument)"
                        ),
                    ));
                }
                class.roles.insert(role.clone(), facet.clone());
            }
            for v in &rc.verbs {
                let v = norm(v);
                if let Some((head, _)) = v.split_once(' ') {
                    ev.phrase_heads.insert(head.to_string());
                }
                add(&mut ev.verbs, v, cid);
            }
            for n in &rc.nouns {
                add(&mut ev.nouns, norm(n), cid);
            }
        }
        for pair in &raw.compatible {
            let [a, b] = pair.as_slice() else {
                return Err(LexiconError::invalid(
                    file,
                    format!("compatible: `{pair:?}` is not a pair of classes"),
                ));
            };
            let (a, b) = (ev.class_id(file, a)?, ev.class_id(file, b)?);
            ev.compatible.insert((a.min(b), a.max(b)));
        }
        ev.states.extend(raw.states.iter().map(|s| norm(s)));
        ev.light.extend(raw.light.iter().map(|s| norm(s)));
        for (phase, words) in &raw.aspectual {
            let phase = match phase.as_str() {
                "begin" => Phase::Begin,
                "continue" => Phase::Continue,
                "end" => Phase::End,
                other => {
                    return Err(LexiconError::invalid(
                        file,
                        format!("aspectual: unknown phase `{other}` (begin, continue, end)"),
                    ));
                }
            };
            for w in words {
                ev.aspectual.insert(norm(w), phase);
            }
        }
        for s in &raw.senses {
            ev.add_sense(file, s)?;
        }
        ev.instruments
            .extend(raw.instruments.iter().map(|s| norm(s)));
        ev.recurrence.extend(raw.recurrence.iter().map(|s| norm(s)));
        ev.nominal_suffixes
            .extend(raw.nominal_suffixes.iter().map(|s| norm(s)));
        ev.not_events.extend(raw.not_events.iter().map(|s| norm(s)));
        for (facet, words) in &raw.facets.counts {
            for w in words {
                ev.counts.insert(norm(w), facet.clone());
            }
        }
        for (value, words) in &raw.facets.intent {
            for w in words {
                ev.intent.insert(norm(w), value.clone());
            }
        }
        ev.causes.extend(raw.facets.causes.iter().map(|s| norm(s)));
        ev.notice.extend(raw.facets.notice.iter().map(|s| norm(s)));
        ev.qualifiers
            .extend(raw.facets.qualifiers.iter().map(|s| norm(s)));
        // Longest qualifiers first, so "at least" wins over "least".
        ev.qualifiers.sort_by_key(|q| std::cmp::Reverse(q.len()));
        ev.qualifiers.dedup();
        Ok(ev)
    }

    fn class_id(&self, file: &str, id: &str) -> Result<ClassId, LexiconError> {
        self.ids
            .get(id)
            .copied()
            .ok_or_else(|| LexiconError::invalid(file, format!("unknown class `{id}`")))
    }

    fn add_sense(
        &mut self,
        file: &str,
        raw: &BTreeMap<String, serde_json::Value>,
    ) -> Result<(), LexiconError> {
        let Some(word) = raw.get("word").and_then(|w| w.as_str()) else {
            return Err(LexiconError::invalid(
                file,
                "senses: each entry needs a `word`".to_string(),
            ));
        };
        let mut sense = self.senses.get(&norm(word)).cloned().unwrap_or_default();
        for (key, value) in raw {
            match key.as_str() {
                "word" => {}
                "default" => {
                    let id = value.as_str().unwrap_or_default();
                    sense.default = Some(self.class_id(file, id)?);
                }
                "none" => sense.none.extend(
                    value
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(|v| v.as_str())
                        .map(norm),
                ),
                class => {
                    let c = self.class_id(file, class)?;
                    let words: HashSet<String> = value
                        .as_array()
                        .map(|a| a.iter().filter_map(|v| v.as_str()).map(norm).collect())
                        .unwrap_or_default();
                    sense.cues.push((c, words));
                }
            }
        }
        self.senses.insert(norm(word), sense);
        Ok(())
    }

    pub fn classes(&self) -> &[Class] {
        &self.classes
    }

    pub fn class(&self, id: ClassId) -> &Class {
        &self.classes[usize::from(id)]
    }

    /// The class with this id ("assault").
    pub fn by_name(&self, id: &str) -> Option<ClassId> {
        self.ids.get(id).copied()
    }

    /// Classes of a verb lemma, or of a phrasal verb ("shoot down"), in file order.
    pub fn verb(&self, lemma: &str) -> &[ClassId] {
        self.verbs.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// Whether some verb of more words than one starts with this lemma: only then is it worth
    /// reading a verb with its arguments' words.
    pub fn heads_phrase(&self, lemma: &str) -> bool {
        self.phrase_heads.contains(lemma)
    }

    /// Classes of a noun lemma or compound ("air strike"), in file order.
    pub fn noun(&self, lemma: &str) -> &[ClassId] {
        self.nouns.get(lemma).map_or(&[], Vec::as_slice)
    }

    /// The class a word takes with these modifier lemmas, when its sense depends on them.
    pub fn sense(&self, word: &str, modifiers: &[&str]) -> Option<ClassId> {
        let s = self.senses.get(word)?;
        s.cues
            .iter()
            .find(|(_, cues)| modifiers.iter().any(|m| cues.contains(*m)))
            .map(|(c, _)| *c)
            .or(s.default)
    }

    /// The class these modifier lemmas select for the word, its default aside ("lose" with
    /// "life" is a death, whatever else losing is).
    pub fn cued_sense(&self, word: &str, modifiers: &[&str]) -> Option<ClassId> {
        let s = self.senses.get(word)?;
        s.cues
            .iter()
            .find(|(_, cues)| modifiers.iter().any(|m| cues.contains(*m)))
            .map(|(c, _)| *c)
    }

    /// Whether a word with these modifier lemmas tells no event at all ("provide" with
    /// "information": a giving of words, not of aid).
    pub fn no_event(&self, word: &str, modifiers: &[&str]) -> bool {
        self.senses
            .get(word)
            .is_some_and(|s| modifiers.iter().any(|m| s.none.contains(*m)))
    }

    pub fn is_state(&self, lemma: &str) -> bool {
        self.states.contains(lemma)
    }

    pub fn is_light(&self, lemma: &str) -> bool {
        self.light.contains(lemma)
    }

    pub fn aspect(&self, lemma: &str) -> Option<Phase> {
        self.aspectual.get(lemma).copied()
    }

    pub fn is_instrument(&self, lemma: &str) -> bool {
        self.instruments.contains(lemma)
    }

    pub fn marks_recurrence(&self, lemma: &str) -> bool {
        self.recurrence.contains(lemma)
    }

    /// Whether a noun outside the classes still names an event when a date governs it: a
    /// noun formed from a verb ("departure", "capture") or one with a verb's lemma.
    pub fn eventive_noun(&self, lemma: &str) -> bool {
        if self.not_events.contains(lemma) || lemma.len() < 5 && !self.verbs.contains_key(lemma) {
            return false;
        }
        self.verbs.contains_key(lemma)
            || self
                .nominal_suffixes
                .iter()
                .any(|s| lemma.len() > s.len() + 2 && lemma.ends_with(s.as_str()))
    }

    /// The head-count facet a predicate or noun gives its number ("kill" → "killed").
    pub fn count_facet(&self, lemma: &str) -> Option<&str> {
        self.counts.get(lemma).map(String::as_str)
    }

    /// The intent a word states ("deliberately" → "deliberate").
    pub fn intent(&self, lemma: &str) -> Option<&str> {
        self.intent.get(lemma).map(String::as_str)
    }

    /// Whether a case marker ("because of", "caused by") introduces a cause.
    pub fn is_cause_marker(&self, marker: &str) -> bool {
        self.causes.iter().any(|c| c == marker)
    }

    pub fn is_notice_word(&self, lemma: &str) -> bool {
        self.notice.contains(lemma)
    }

    /// Qualifiers of numbers, longest first.
    pub fn qualifiers(&self) -> &[String] {
        &self.qualifiers
    }

    /// Whether events of the two classes can be the same real event.
    pub fn compatible(&self, a: ClassId, b: ClassId) -> bool {
        a == b || self.compatible.contains(&(a.min(b), a.max(b)))
    }
}

fn add(map: &mut HashMap<String, Vec<ClassId>>, key: String, c: ClassId) {
    let v = map.entry(key).or_default();
    if !v.contains(&c) {
        v.push(c);
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicon;

    #[test]
    fn the_builtin_vocabulary_reads_and_answers() {
        let ev = &Lexicon::builtin().events;
        let assault = ev.by_name("assault").expect("assault class");
        assert_eq!(ev.class(assault).plover.as_deref(), Some("ASSAULT"));
        assert!(ev.verb("shoot down").contains(&assault));
        assert!(ev.noun("air strike").contains(&assault));
        assert!(ev.is_state("be") && !ev.is_state("bomb"));
        // Giving words is no aid; giving food is.
        assert!(ev.no_event("provide", &["information"]) && ev.no_event("supply", &["detail"]));
        assert!(!ev.no_event("provide", &["food"]) && !ev.no_event("strike", &["hunger"]));
        let protest = ev.by_name("protest").expect("protest class");
        assert_eq!(ev.sense("strike", &["hunger"]), Some(protest));
        assert_eq!(ev.sense("strike", &["missile"]), Some(assault));
        let accident = ev.by_name("accident").expect("accident class");
        assert!(ev.compatible(assault, accident));
        assert!(ev.compatible(accident, assault));
        assert_eq!(ev.aspect("collapse"), Some(super::Phase::End));
        assert!(ev.is_instrument("missile"));
    }

    #[test]
    fn a_user_file_adds_words_and_classes_and_errors_are_located() {
        let base = &Lexicon::builtin().events;
        let user = "classes:\n  sport:\n    noun: match\n    verbs: [score]\n  assault:\n    verbs: [kneecap]\n";
        let ev = super::Events::parse("user.yaml", user, Some(base)).expect("reads");
        let sport = ev.by_name("sport").expect("new class");
        assert_eq!(ev.verb("score"), [sport]);
        assert!(!ev.verb("kneecap").is_empty());
        let err = super::Events::parse("bad.yaml", "classes:\n  x:\n    nouns: [a]\n", None)
            .expect_err("a new class needs a noun");
        assert!(err.to_string().contains("bad.yaml"), "{err}");
        let err = super::Events::parse("bad.yaml", "classes: [\n", None).expect_err("bad yaml");
        assert!(err.to_string().starts_with("bad.yaml:"), "{err}");
        let err = super::Events::parse("bad.yaml", "colours: []\n", None).expect_err("unknown key");
        assert!(err.to_string().contains("colours"), "{err}");
    }
}
