//! Finding names in text: one Aho-Corasick automaton over the folded forms of every alias.
//!
//! The text is folded once (linear), the automaton runs leftmost-longest over the folded
//! text, and each hit is checked against the original spelling for case: short acronyms
//! must be written exactly ("US", not "us"), other names must be capitalised where the alias
//! is ("Turkey", not "turkey"), and aliases written with "the" need it ("the Independent").

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
use serde::Serialize;

use super::entry::{EntityKind, Entry};
use super::normalize::{Folded, fold};
use super::{Meta, Tier};

/// A mention of an entry in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Match {
    /// Byte offsets into the text.
    pub start: usize,
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
    /// The alias's letters and digits.
    letters: Box<str>,
    /// An acronym that is also an English word ("IS", "US", "WHO"): refused inside a line
    /// written in capitals.
    common: bool,
    /// A generated name that is also a word or a person's name: a mention only in context.
    gated: bool,
    /// A place or country, not a demonym.
    place: bool,
    /// Where names collide: the user's before the hand-made before the world's, then the
    /// most populous.
    rank: (Tier, std::cmp::Reverse<u32>),
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
    ac: Option<AhoCorasick>,
    /// Candidates per pattern id, best first.
    candidates: Vec<Vec<Candidate>>,
    /// Folded pattern text → pattern id.
    keys: HashMap<String, usize>,
}

impl Matcher {
    pub fn build(entries: &[Entry], not_names: &[String], meta: &[Meta]) -> Matcher {
        let mut m = Matcher::default();
        let mut patterns: Vec<String> = Vec::with_capacity(entries.len() * 2);
        m.candidates.reserve(entries.len() * 2);
        m.keys.reserve(entries.len() * 2);
        let block = Meta {
            tier: Tier::User,
            ..Meta::HAND
        };
        for spelling in not_names {
            m.add(&mut patterns, spelling, BLOCK as usize, false, None, block);
        }
        for (index, entry) in entries.iter().enumerate() {
            let meta = meta.get(index).copied().unwrap_or(Meta::HAND);
            let kind = Some(entry.kind);
            for (k, name) in entry.names().enumerate() {
                let meta = Meta {
                    gated: meta.gated && k == 0,
                    ..meta
                };
                m.add(&mut patterns, name, index, false, kind, meta);
            }
            let ungated = Meta {
                gated: false,
                ..meta
            };
            for name in governorate_forms(entry) {
                m.add(&mut patterns, &name, index, false, kind, ungated);
            }
            for demonym in &entry.demonyms {
                m.add(&mut patterns, demonym, index, true, kind, ungated);
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
        m.ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .start_kind(StartKind::Both)
            .build(&patterns)
            .ok();
        m
    }

    fn add(
        &mut self,
        patterns: &mut Vec<String>,
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
            letters: letters.into(),
            gated: meta.gated,
            place: !demonym && matches!(kind, Some(EntityKind::Place | EntityKind::Country)),
            rank: (meta.tier, std::cmp::Reverse(meta.population)),
        };
        let id = *self.keys.entry(folded.text.clone()).or_insert_with(|| {
            patterns.push(folded.text);
            self.candidates.push(Vec::new());
            patterns.len() - 1
        });
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
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
        let folded = fold(text);
        let hay = folded.text.as_bytes();
        let words = &folded.words;
        let mut out = Vec::new();
        let mut pos = 0;
        // Index of the first word at or after `pos`: hits come in text order, so finding the
        // words of a hit is a walk forward, not a search.
        let mut cursor = 0usize;
        let locate = |cursor: &mut usize, fstart: usize, fend: usize| -> Option<(usize, usize)> {
            while *cursor < words.len() && (words[*cursor].fstart as usize) <= fstart {
                *cursor += 1;
            }
            if words.get(*cursor)?.fstart as usize != fstart + 1 {
                return None;
            }
            let mut last = *cursor;
            while (words.get(last)?.fend as usize) < fend - 1 {
                last += 1;
            }
            (words[last].fend as usize == fend - 1).then_some((*cursor, last))
        };
        while pos < hay.len() {
            let Some(m) = ac.find(Input::new(hay).span(pos..hay.len())) else {
                break;
            };
            let mut hit = locate(&mut cursor, m.start(), m.end())
                .map_or(Verdict::Refused, |(a, b)| {
                    self.accept(text, &folded, a, b, m.pattern().as_usize())
                });
            // A refused hit may hide a shorter one from the same place ("IS" refused in "this
            // is" leaves nothing, but a refused long name may leave a shorter one): look for
            // the next longest pattern anchored there.
            let mut end = m.end();
            while hit == Verdict::Refused {
                let shorter = Input::new(hay)
                    .span(m.start()..end - 1)
                    .anchored(Anchored::Yes);
                match ac.find(shorter) {
                    Some(s) => {
                        end = s.end();
                        hit = locate(&mut cursor, s.start(), s.end())
                            .map_or(Verdict::Refused, |(a, b)| {
                                self.accept(text, &folded, a, b, s.pattern().as_usize())
                            });
                    }
                    None => break,
                }
            }
            match hit {
                Verdict::Mention(found) => {
                    out.push(found);
                    pos = end;
                }
                // "New Mexico" is not Mexico: skip the whole phrase.
                Verdict::NotAName => pos = end,
                Verdict::Refused => pos = m.start() + 1,
            }
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
        let fits = |c: &Candidate| {
            if (c.the && !words[first].the)
                || (c.article && words[first].start == words[first].core)
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
        let Some(&id) = self.keys.get(&folded.text) else {
            return Vec::new();
        };
        let letters: String = name.chars().filter(|c| c.is_alphanumeric()).collect();
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        let mut out: Vec<&Candidate> = self.candidates[id]
            .iter()
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
