//! Finding names in text: a hash table of the folded forms of every alias, walked word by
//! word.
//!
//! The text is folded once (linear). From each word, the walk reads on while the words read
//! so far begin some alias (the table holds every alias's word prefixes too), so most words
//! cost one look-up; the longest alias found there that fits how the text is written wins
//! (leftmost-longest). Each hit is checked against the original spelling for case: short
//! acronyms must be written exactly ("US", not "us"), other names must be capitalised where
//! the alias is ("Turkey", not "turkey"), and aliases written with "the" need it ("the
//! Independent"). A table rather than an automaton, because it builds in a fraction of the
//! time for the world table's 60,000 aliases.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Serialize;

use super::entry::{EntityKind, Entry};
use super::normalize::{Folded, fold};
use super::{Meta, Tier};

/// A mention of an entry in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Match {
    /// Byte offsets into the text.
    pub start: usize,
    /// End of the mention (exclusive).
    pub end: usize,
    /// Index of the entry in `Gazetteer::entries`.
    pub entry: usize,
    /// Matched through a demonym ("Russian") rather than a name.
    pub demonym: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Case {
    /// The letters and digits as written in the alias, case and all ("US", "U.S.", "WHO").
    Exact(Box<str>),
    /// The n-th word of the match must start with a capital, as in the alias.
    Capital(u16),
    Any,
    /// The letters and digits, lower-cased: a spelling listed in `not_names`.
    Spelling(Box<str>),
}

/// A mention as the automaton finds it, before context decides shared and doubtful names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    /// The first candidate that fits how the text is written.
    pub m: Match,
    /// Its name needs a related place named nearby.
    pub gated: bool,
    /// Other places the same words may name, best first, and whether each needs context;
    /// empty unless `m` is a place.
    pub alternatives: Vec<(u32, bool)>,
}

/// What a hit of the automaton turns out to be.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    Mention(Hit),
    /// Spelt like a `not_names` entry.
    NotAName,
    /// No candidate fits how the text is written.
    Refused,
}

/// The entry index of a `not_names` candidate: a hit on it is no mention at all.
const BLOCK: u32 = u32::MAX;

#[derive(Debug, Clone)]
struct Candidate {
    entry: u32,
    demonym: bool,
    case: Case,
    /// An all-capital alias of four letters or more ("NATO", "ISIS"): matched when
    /// capitalised ("Nato") unless another name folds the same way ("SANA" / "Sanaa").
    acronym: bool,
    /// The alias begins with "the".
    the: bool,
    /// A short one-word name written with its article ("Al-Rai", "Al-Hol", "As-Salt"):
    /// without the article it would be an English word ("Ray", "Hull", "Salt").
    article: bool,
    /// The alias's letters and digits, kept for an acronym only.
    letters: Box<str>,
    /// An acronym that is also an English word ("IS", "US", "WHO"): refused inside a line
    /// written in capitals.
    common: bool,
    /// A generated name that is also a word or a person's name: a mention only in context.
    gated: bool,
    /// A place or country, not a demonym.
    place: bool,
    /// A person's one-word alias (a surname): refused when a capitalised word follows, as
    /// that is part of another name ("Dorian Vell" is not Dorrian).
    surname: bool,
    /// Where names collide: the user's before the hand-made before the world's, then the
    /// most populous.
    rank: (Tier, std::cmp::Reverse<u32>),
    /// For a name of the world table: the hash of its letters, lower case and without
    /// diacritics or article, which the text must spell. Transliteration folding is for the
    /// hand-made table; the world's spellings are listed ("Cheney" is not Chennai).
    spelt: Option<u64>,
}

/// English words that are also acronyms in the table.
const COMMON_WORDS: &[&str] = &[
    "is", "us", "who", "it", "an", "am", "as", "at", "be", "by", "do", "go", "he", "if", "in",
    "me", "my", "no", "of", "on", "or", "so", "to", "up", "we", "aid", "all", "and", "are", "arm",
    "can", "may", "new", "now", "one", "our", "out", "see", "she", "sun", "two", "was", "way",
    "why", "you",
];

#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    /// Candidates per pattern id, best first.
    candidates: Vec<Vec<Candidate>>,
    /// Hash of the folded text of a pattern or of the first words of one (`" w1  w2 "`) →
    /// what it is. Hashes rather than the texts: 64 bits make a collision among the table's
    /// 100,000 keys unlikely to the point of never, and the walk reads no string from memory.
    keys: HashMap<u64, Node, BuildHasherDefault<Identity>>,
    /// Most words in a pattern.
    longest: usize,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// The pattern spelt so, or `NO_PATTERN`.
    pattern: u32,
    /// Some longer pattern begins so.
    prefix: bool,
}

const NO_PATTERN: u32 = u32::MAX;

/// A 64-bit hash of a folded text: multiply-rotate over 8-byte words, then the MurmurHash3
/// finaliser so that all bits depend on all input.
pub(crate) fn hash(text: &str) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let bytes = text.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().unwrap_or_default());
        h = (h ^ v).wrapping_mul(K).rotate_left(26);
    }
    let mut last = 0u64;
    for (i, &b) in chunks.remainder().iter().enumerate() {
        last |= (b as u64) << (8 * i);
    }
    h = (h ^ last).wrapping_mul(K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// The keys are hashes already.
#[derive(Default, Clone, Copy)]
pub(crate) struct Identity(u64);

impl Hasher for Identity {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | b as u64;
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Matcher {
    pub fn build(entries: &[Entry], not_names: &[String], meta: &[Meta]) -> Matcher {
        let mut m = Matcher::default();
        m.candidates.reserve(entries.len() * 2);
        m.keys.reserve(entries.len() * 3);
        let block = Meta {
            tier: Tier::User,
            ..Meta::HAND
        };
        for spelling in not_names {
            m.add(spelling, BLOCK as usize, false, None, block);
        }
        for (index, entry) in entries.iter().enumerate() {
            let meta = meta.get(index).copied().unwrap_or(Meta::HAND);
            let kind = Some(entry.kind);
            for (k, name) in entry.names().enumerate() {
                let meta = Meta {
                    gated: meta.gated && k == 0,
                    ..meta
                };
                m.add(name, index, false, kind, meta);
            }
            let ungated = Meta {
                gated: false,
                ..meta
            };
            for name in governorate_forms(entry) {
                m.add(&name, index, false, kind, ungated);
            }
            for demonym in &entry.demonyms {
                m.add(demonym, index, true, kind, ungated);
            }
        }
        for list in &mut m.candidates {
            // An acronym that folds like an ordinary name must be written exactly.
            if list.iter().any(|c| !c.acronym) {
                for c in list.iter_mut().filter(|c| c.acronym) {
                    c.acronym = false;
                    c.case = Case::Exact(c.letters.clone());
                }
            }
            list.sort_by_key(|c| {
                (
                    c.entry != BLOCK,
                    c.rank.0,
                    !matches!(c.case, Case::Exact(_)),
                    !c.the,
                    !c.article,
                    c.rank.1,
                )
            });
        }
        m
    }

    fn add(
        &mut self,
        alias: &str,
        entry: usize,
        demonym: bool,
        kind: Option<EntityKind>,
        meta: Meta,
    ) {
        let folded = fold(alias);
        if folded.words.is_empty() {
            return;
        }
        let letters: String = alias.chars().filter(|c| c.is_alphanumeric()).collect();
        let alphabetic = letters.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps =
            alphabetic > 0 && letters.chars().all(|c| c.is_uppercase() || c.is_numeric());
        let n = letters.chars().count();
        let case = if entry == BLOCK as usize {
            Case::Spelling(letters.to_lowercase().into())
        } else if all_caps && n <= 3 {
            Case::Exact(letters.clone().into())
        } else {
            folded
                .words
                .iter()
                .position(|w| starts_upper(alias, w.core as usize))
                .map_or(Case::Any, |k| Case::Capital(k as u16))
        };
        let common = matches!(case, Case::Exact(_))
            && COMMON_WORDS.contains(&letters.to_lowercase().as_str());
        let candidate = Candidate {
            entry: entry as u32,
            demonym,
            acronym: all_caps && n > 3,
            case,
            the: folded.words[0].the,
            article: folded.words.len() == 1
                && folded.words[0].start != folded.words[0].core
                && folded.words[0].fend - folded.words[0].fstart <= 4,
            common,
            letters: if all_caps {
                letters.into()
            } else {
                Box::default()
            },
            gated: meta.gated,
            place: !demonym && matches!(kind, Some(EntityKind::Place | EntityKind::Country)),
            surname: !demonym
                && folded.words.len() == 1
                && matches!(kind, Some(EntityKind::Person)),
            rank: (meta.tier, std::cmp::Reverse(meta.population)),
            spelt: (meta.tier == Tier::World)
                .then(|| hash(&plain_letters(&alias[folded.words[0].core as usize..]))),
        };
        let id = match self.keys.get_mut(&hash(&folded.text)) {
            Some(node) if node.pattern != NO_PATTERN => node.pattern as usize,
            found => {
                let id = self.candidates.len();
                self.candidates.push(Vec::new());
                match found {
                    Some(node) => node.pattern = id as u32,
                    None => {
                        let node = Node {
                            pattern: id as u32,
                            prefix: false,
                        };
                        self.keys.insert(hash(&folded.text), node);
                    }
                }
                // Its first words, so that a walk reads on towards it.
                for w in &folded.words[..folded.words.len() - 1] {
                    let prefix = hash(&folded.text[..w.fend as usize + 1]);
                    match self.keys.get_mut(&prefix) {
                        Some(node) => node.prefix = true,
                        None => {
                            let node = Node {
                                pattern: NO_PATTERN,
                                prefix: true,
                            };
                            self.keys.insert(prefix, node);
                        }
                    }
                }
                self.longest = self.longest.max(folded.words.len());
                id
            }
        };
        let list = &mut self.candidates[id];
        match list.iter_mut().find(|c| {
            c.entry == candidate.entry
                && c.demonym == demonym
                && c.case == candidate.case
                && c.the == candidate.the
        }) {
            // The same name twice: matched freely if either spelling is.
            Some(c) => c.gated &= candidate.gated,
            None => list.push(candidate),
        }
    }

    /// All mentions, leftmost-longest, non-overlapping, in text order.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        if self.keys.is_empty() {
            return out;
        }
        let folded = fold(text);
        let (ft, words) = (folded.text.as_str(), &folded.words);
        // Patterns beginning at the current word: (its last word, pattern id).
        let mut ends: Vec<(usize, usize)> = Vec::with_capacity(self.longest);
        let mut i = 0;
        while i < words.len() {
            ends.clear();
            let from = words[i].fstart as usize - 1;
            for j in i..words.len().min(i + self.longest) {
                let Some(node) = self.keys.get(&hash(&ft[from..words[j].fend as usize + 1])) else {
                    break;
                };
                if node.pattern != NO_PATTERN {
                    ends.push((j, node.pattern as usize));
                }
                if !node.prefix {
                    break;
                }
            }
            // The longest that the spelling allows; a refused long name may leave a shorter
            // one ("IS" refused in "this is" leaves nothing).
            let mut next = i + 1;
            for &(j, pattern) in ends.iter().rev() {
                match self.accept(text, &folded, i, j, pattern) {
                    Verdict::Mention(hit) => {
                        out.push(hit);
                        next = j + 1;
                        break;
                    }
                    // "New Guinea" is not Guinea: skip the whole phrase.
                    Verdict::NotAName => {
                        next = j + 1;
                        break;
                    }
                    Verdict::Refused => {}
                }
            }
            i = next;
        }
        out
    }

    /// The candidate of a pattern that the original spelling allows, as a match.
    fn accept(
        &self,
        text: &str,
        folded: &Folded,
        first: usize,
        last: usize,
        pattern: usize,
    ) -> Verdict {
        let words = &folded.words;
        let span = &text[words[first].core as usize..words[last].end as usize];
        let mut spelt: Option<u64> = None;
        // The next word continues the name: capitalised, after nothing but spaces.
        let named_on = words.get(last + 1).is_some_and(|w| {
            text[words[last].end as usize..w.start as usize]
                .chars()
                .all(|c| c == ' ')
                && starts_upper(text, w.core as usize)
        });
        let mut fits = |c: &Candidate| {
            if (c.the && !words[first].the)
                || (c.surname && named_on)
                || (c.article && words[first].start == words[first].core)
            {
                return false;
            }
            if let Some(letters) = c.spelt
                && letters != *spelt.get_or_insert_with(|| hash(&plain_letters(span)))
            {
                return false;
            }
            match &c.case {
                Case::Exact(letters) => {
                    let same = span
                        .chars()
                        .filter(|c| c.is_alphanumeric())
                        .eq(letters.chars());
                    same && !(c.common && shouting_around(text, folded, first, last))
                }
                Case::Capital(k) => words
                    .get(first + *k as usize)
                    .is_none_or(|w| starts_upper(text, w.core as usize)),
                Case::Any => true,
                Case::Spelling(letters) => lower_letters_eq(span, letters),
            }
        };
        let list = &self.candidates[pattern];
        let Some(cand) = list.iter().find(|c| fits(c)) else {
            return Verdict::Refused;
        };
        if cand.entry == BLOCK {
            return Verdict::NotAName;
        }
        let mut alternatives = Vec::new();
        if cand.place && list.len() > 1 {
            for c in list
                .iter()
                .filter(|c| c.place && c.entry != cand.entry && fits(c))
            {
                if c.entry != BLOCK && !alternatives.iter().any(|&(e, _)| e == c.entry) {
                    alternatives.push((c.entry, c.gated));
                }
            }
        }
        Verdict::Mention(Hit {
            m: Match {
                start: words[first].start as usize,
                end: words[last].end as usize,
                entry: cand.entry as usize,
                demonym: cand.demonym,
            },
            gated: cand.gated,
            alternatives,
        })
    }

    /// The entry a name stands for, ignoring capitals except for exact acronyms and names
    /// that are also words ("Reading", not "reading").
    pub fn lookup(&self, name: &str) -> Option<(usize, bool)> {
        self.lookups(name)
            .first()
            .map(|c| (c.entry as usize, c.demonym))
    }

    /// Every entry (not demonym) a name may stand for, best first.
    pub fn lookup_all(&self, name: &str) -> impl Iterator<Item = usize> + '_ {
        self.lookups(name)
            .into_iter()
            .filter(|c| !c.demonym)
            .map(|c| c.entry as usize)
    }

    /// The candidates a name may be, best first; none for a spelling in `not_names`.
    fn lookups(&self, name: &str) -> Vec<&Candidate> {
        let folded = fold(name);
        let Some(id) = self
            .keys
            .get(&hash(&folded.text))
            .filter(|n| n.pattern != NO_PATTERN)
            .map(|n| n.pattern as usize)
        else {
            return Vec::new();
        };
        let letters: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        let core = folded.words.first().map_or(0, |w| w.core as usize);
        let spelt = hash(&plain_letters(&name[core..]));
        let mut out: Vec<&Candidate> = self.candidates[id]
            .iter()
            .filter(|c| c.spelt.is_none_or(|h| h == spelt))
            .filter(|c| match &c.case {
                Case::Exact(l) => **l == *letters,
                Case::Spelling(l) => lower_letters_eq(name, l),
                _ => !c.gated || capital,
            })
            .collect();
        if out.first().is_some_and(|c| c.entry == BLOCK) {
            out.clear();
        }
        out
    }
}

/// The letters and digits of `text`, lower-cased and without diacritics.
fn plain_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| c.is_alphanumeric()) {
        super::normalize::push_folded_char(c, &mut out);
    }
    out
}

/// The letters and digits of `text`, lower-cased, are `letters`.
fn lower_letters_eq(text: &str, letters: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .eq(letters.chars())
}

fn starts_upper(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_uppercase)
}

/// Both neighbours of words `first..=last` (those that exist, at least one) are written in
/// capitals: "THIS IS NOT", where "IS" is not the group.
fn shouting_around(text: &str, folded: &Folded, first: usize, last: usize) -> bool {
    let shouting = |i: usize| {
        let w = &folded.words[i];
        let s = &text[w.core as usize..w.end as usize];
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
    };
    let before = first.checked_sub(1).map(shouting);
    let after = (last + 1 < folded.words.len()).then(|| shouting(last + 1));
    match (before, after) {
        (None, None) => false,
        (b, a) => b.unwrap_or(true) && a.unwrap_or(true),
    }
}

/// "X province", "X governorate", "province of X" for governorates and provinces.
fn governorate_forms(entry: &Entry) -> Vec<String> {
    if entry.kind != EntityKind::Place
        || !matches!(entry.role.as_deref(), Some("governorate" | "province"))
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for name in entry.names() {
        let mut base = name;
        for suffix in [" Governorate", " governorate", " Province", " province"] {
            if let Some(b) = name.strip_suffix(suffix) {
                base = b;
            }
        }
        if base.is_empty() {
            continue;
        }
        for form in [
            format!("{base} governorate"),
            format!("{base} province"),
            format!("province of {base}"),
            format!("governorate of {base}"),
        ] {
            if !out.contains(&form) {
                out.push(form);
            }
        }
    }
    out
}
