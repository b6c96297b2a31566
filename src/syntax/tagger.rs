//! Part-of-speech tagging: a greedy left-to-right averaged perceptron that predicts the UPOS
//! and the Penn XPOS together, as one of the (UPOS, XPOS) pairs seen in training.
//!
//! Feature templates (Collins 2002; Ratnaparkhi 1996 for the affixes and shapes), for word
//! `i` with `w` its lower-cased form (digits read as 0) and `t` the tags already predicted:
//!
//! | template | values |
//! | --- | --- |
//! | word | `w[i]`, the exact form, its shape, the shapes of `i-1` and `i+1` |
//! | affixes | suffixes of 1-4 characters, prefixes of 1-3 |
//! | context words | `w[i-2]`, `w[i-1]`, `w[i+1]`, `w[i+2]`; `w[i-1]+w[i]`, `w[i]+w[i+1]` |
//! | context affixes | 3-character suffixes of `i-1` and `i+1` |
//! | history | `t[i-1]`, `t[i-2]+t[i-1]`, `t[i-1]+w[i]` |
//! | position | first word of the sentence, with the shape |
//! | readings | for words with no ambiguity class: which inflectional readings (VB, VBD, VBN, VBZ, VBG, NN, NNS) give a lemma the training lexicon has from another form (see [`Lexicon`]), alone, with the 2-character suffix, and with `t[i-1]` |
//!
//! Frequent words that the treebank tags one way almost always take that tag directly (a tag
//! dictionary, as in Honnibal's tagger): faster, and no less accurate.

use std::collections::HashMap;

use super::codec::{Reader, Writer};
use super::hash;
use super::lemma::Lemmatizer;
use super::perceptron::{KeyMap, Trainer, best};
use super::weights::Weights;

/// What the features need of one word, hashed once.
#[derive(Clone, Copy, Default)]
pub struct Lexeme {
    /// The lower-cased form with digits as 0: the word feature of the tagger and the parser.
    pub word: u64,
    form: u64,
    shape: u64,
    suffix: [u64; 4],
    prefix: [u64; 3],
    /// The word's inflectional readings that the lexicon attests (see [`Lexicon`]), as bits
    /// of [`READINGS`]; [`UNREAD`] for words with an ambiguity class, which need none.
    readings: u64,
}

/// `Lexeme::readings` of a word not looked up.
const UNREAD: u64 = 1 << 63;

/// The inflectional readings a word is tried in: the (UPOS, XPOS) pairs of regular
/// inflection whose lemma the [`Lexicon`] may know.
const READINGS: [(&str, &str); 7] = [
    ("VERB", "VB"),
    ("VERB", "VBD"),
    ("VERB", "VBN"),
    ("VERB", "VBZ"),
    ("VERB", "VBG"),
    ("NOUN", "NN"),
    ("NOUN", "NNS"),
];

/// A lemma attested by more than one form.
const MANY: u64 = u64::MAX;

/// The verb and noun lemmas of the training treebank, each with the one form that attests
/// it, or [`MANY`]. A rare or unseen word is lemmatised in each of [`READINGS`] (the
/// lemmatiser's learnt exceptions and suffix rules, then regular inflection), and a reading
/// holds when the lexicon knows its lemma from *another* form: "fell" read as VBD gives
/// "fall", a verb the treebank has as "falls"; "seizes" read as VBZ gives "seize", known
/// from "seized". Counting only other forms makes the feature mean in training what it
/// means for a word training never saw.
#[derive(Clone, Default)]
pub struct Lexicon(KeyMap<u64>);

/// The hash of a lower-cased string, allocating only for capitals.
fn lower_hash(s: &str) -> u64 {
    if s.bytes().any(|b| b.is_ascii_uppercase()) || !s.is_ascii() {
        hash::text(&s.to_lowercase())
    } else {
        hash::text(s)
    }
}

impl Lexicon {
    fn key(upos: &str, lemma: &str) -> u64 {
        hash::key(98, &[hash::text(upos), lower_hash(lemma)])
    }

    /// The lexicon of training sentences.
    pub fn learn(sentences: &[Tagged]) -> Self {
        let mut map = KeyMap::default();
        for &(form, upos, _, lemma) in sentences.iter().flatten() {
            if upos != "VERB" && upos != "NOUN" {
                continue;
            }
            let word = Lexeme::new(form).word;
            map.entry(Lexicon::key(upos, lemma))
                .and_modify(|by: &mut u64| {
                    if *by != word {
                        *by = MANY;
                    }
                })
                .or_insert(word);
        }
        Lexicon(map)
    }

    /// Whether `form` is an inflection (`xpos`) of a `upos` lemma the lexicon knows, other
    /// than the form itself.
    pub fn inflects(&self, form: &str, upos: &str, xpos: &str, lemmatizer: &Lemmatizer) -> bool {
        // The table of irregular verbs first: the learnt suffix rules guess at pasts the
        // treebank never showed ("shot" → "shet").
        if upos == "VERB" && super::irregular::base(form, xpos).is_some() {
            return true;
        }
        let lemma = lemmatizer.lemma(form, upos, xpos);
        !lemma.eq_ignore_ascii_case(form) && self.0.contains_key(&Lexicon::key(upos, &lemma))
    }

    /// Whether the treebank has `lemma` as a `upos` (a verb or a noun).
    pub fn knows(&self, upos: &str, lemma: &str) -> bool {
        self.0.contains_key(&Lexicon::key(upos, lemma))
    }

    /// The readings of `form` (whose word feature is `word`) that the lexicon attests.
    pub fn readings(&self, form: &str, word: u64, lemmatizer: &Lemmatizer) -> u64 {
        let mut bits = 0;
        for (k, &(upos, xpos)) in READINGS.iter().enumerate() {
            let lemma = lemmatizer.lemma(form, upos, xpos);
            if let Some(&by) = self.0.get(&Lexicon::key(upos, &lemma))
                && by != word
            {
                bits |= 1 << k;
            }
        }
        bits
    }
}

impl Lexeme {
    pub fn new(form: &str) -> Self {
        if form.len() <= 32 && form.is_ascii() {
            Lexeme::ascii(form.as_bytes())
        } else {
            Lexeme::general(form)
        }
    }

    fn general(form: &str) -> Self {
        let norm: String = form
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if c.is_ascii_digit() { '0' } else { c })
            .collect();
        let ends: Vec<usize> = norm
            .char_indices()
            .map(|(i, _)| i)
            .chain([norm.len()])
            .collect();
        let chars = ends.len() - 1;
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            // A suffix as long as the word is the word itself: leave it out.
            if k + 1 < chars {
                *s = hash::text(&norm[ends[chars - k - 1]..]);
            }
        }
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            if k + 1 < chars {
                *p = hash::text(&norm[..ends[k + 1]]);
            }
        }
        Lexeme {
            word: hash::text(&norm),
            form: hash::text(form),
            shape: hash::text(&shape(form)),
            suffix,
            prefix,
            readings: UNREAD,
        }
    }
}

impl Lexeme {
    /// [`Lexeme::new`] for a short ASCII word, the common case, without allocating.
    fn ascii(form: &[u8]) -> Self {
        let mut norm = [0u8; 32];
        let mut shape = [0u8; 32];
        let (mut last, mut run, mut s) = (0u8, 0, 0);
        for (i, &b) in form.iter().enumerate() {
            norm[i] = if b.is_ascii_digit() {
                b'0'
            } else {
                b.to_ascii_lowercase()
            };
            let k = match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            };
            run = if k == last { run + 1 } else { 1 };
            last = k;
            if run <= 2 {
                shape[s] = k;
                s += 1;
            }
        }
        let n = form.len();
        let norm = &norm[..n];
        let text = |b: &[u8]| hash::bytes(b);
        let mut suffix = [0u64; 4];
        let mut prefix = [0u64; 3];
        for k in 0..4 {
            if k + 1 < n {
                suffix[k] = text(&norm[n - k - 1..]);
                if k < 3 {
                    prefix[k] = text(&norm[..k + 1]);
                }
            }
        }
        Lexeme {
            word: text(norm),
            form: text(form),
            shape: text(&shape[..s]),
            suffix,
            prefix,
            readings: UNREAD,
        }
    }
}

/// The word's shape: X for capitals, x for small letters, d for digits, runs cut at two
/// ("Kharkiv" → "Xxx", "MH17" → "XXdd", "1,200" → "d,dd").
fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        run = if k == last { run + 1 } else { 1 };
        last = k;
        if run <= 2 {
            out.push(k);
        }
    }
    out
}

/// Sentences shorter than this (words and punctuation) are left as tagged: "Thanks again.".
const MIN_PROSE: usize = 5;

/// How far (in quantised weight units) a finite reading may trail the greedy tag and still
/// be taken in a sentence that needs one; chosen on the treebank's dev set.
const FINITE_MARGIN: i32 = 30_000;

/// How far a noun reading may trail the greedy adjective at the end of an article's phrase
/// and still be taken: the finite verb's margin (on the treebank's dev set any from 10,000
/// to 40,000 scores the same).
const NOUN_MARGIN: i32 = FINITE_MARGIN;

/// Values standing for words beyond the sentence's ends.
const START: [u64; 2] = [0x5354_4152_5431, 0x5354_4152_5432];
const END: [u64; 2] = [0x454e_4431, 0x454e_4432];
/// The tag "before the sentence".
const NO_TAG: u64 = 0xffff;

/// The ambiguity class of a word: the set of tags it had in training, hashed (0: unknown).
type Classes = KeyMap<u64>;

fn features(lex: &[Lexeme], classes: &Classes, tags: &[u64], i: usize, out: &mut Vec<u64>) {
    out.clear();
    let amb = |d: isize| -> u64 {
        let j = i as isize + d;
        if j < 0 || j as usize >= lex.len() {
            return 1;
        }
        classes.get(&lex[j as usize].word).copied().unwrap_or(0)
    };
    let at = |d: isize| -> Option<&Lexeme> {
        let j = i as isize + d;
        (j >= 0 && (j as usize) < lex.len()).then(|| &lex[j as usize])
    };
    let word = |d: isize| match at(d) {
        Some(l) => l.word,
        None if d < 0 => START[(-d - 1) as usize],
        None => END[(d - 1) as usize],
    };
    let tag = |d: usize| if i >= d { tags[i - d] } else { NO_TAG };
    let me = &lex[i];
    let f = |t: u64, v: &[u64]| hash::key(t, v);
    out.push(f(0, &[]));
    out.push(f(1, &[me.word]));
    out.push(f(2, &[me.form]));
    out.push(f(3, &[me.shape]));
    for (k, &s) in me.suffix.iter().enumerate() {
        if s != 0 {
            out.push(f(10 + k as u64, &[s]));
        }
    }
    for (k, &p) in me.prefix.iter().enumerate() {
        if p != 0 {
            out.push(f(20 + k as u64, &[p]));
        }
    }
    out.push(f(30, &[tag(1)]));
    out.push(f(31, &[tag(2), tag(1)]));
    out.push(f(32, &[tag(1), me.word]));
    out.push(f(40, &[word(-1)]));
    out.push(f(41, &[word(-2)]));
    out.push(f(42, &[word(1)]));
    out.push(f(43, &[word(2)]));
    out.push(f(44, &[word(-1), me.word]));
    out.push(f(45, &[me.word, word(1)]));
    out.push(f(50, &[at(-1).map_or(START[0], |l| l.suffix[2])]));
    out.push(f(51, &[at(1).map_or(END[0], |l| l.suffix[2])]));
    out.push(f(52, &[at(-1).map_or(START[0], |l| l.shape)]));
    out.push(f(53, &[at(1).map_or(END[0], |l| l.shape)]));
    if i == 0 {
        out.push(f(60, &[me.shape]));
    }
    let (a0, a1) = (amb(0), amb(1));
    out.push(f(70, &[a0]));
    out.push(f(71, &[a1]));
    out.push(f(72, &[amb(2)]));
    out.push(f(73, &[amb(-1)]));
    out.push(f(74, &[tag(1), a0]));
    out.push(f(75, &[a0, a1]));
    out.push(f(76, &[tag(1), a0, a1]));
    out.push(f(77, &[me.word, a1]));
    if me.readings != UNREAD {
        out.push(f(80, &[me.readings]));
        out.push(f(81, &[me.readings, me.suffix[1]]));
        out.push(f(82, &[tag(1), me.readings]));
    }
}

/// The lexemes of a sentence's words, with the readings of those that need them: words
/// neither in the tag dictionary nor frequent enough for an ambiguity class.
fn lexemes(
    forms: &[&str],
    dictionary: &KeyMap<u16>,
    classes: &Classes,
    lexicon: &Lexicon,
    lemmatizer: &Lemmatizer,
) -> Vec<Lexeme> {
    forms
        .iter()
        .map(|form| {
            let mut l = Lexeme::new(form);
            if !dictionary.contains_key(&l.form) && !classes.contains_key(&l.word) {
                l.readings = lexicon.readings(form, l.word, lemmatizer);
            }
            l
        })
        .collect()
}

/// A trained tagger.
pub struct Tagger {
    /// The (UPOS, XPOS) pair of each class.
    tags: Vec<(String, String)>,
    /// Exact form hash → class, for frequent unambiguous words.
    dictionary: KeyMap<u16>,
    /// Word feature → ambiguity class, for words seen often enough to have a reliable one.
    classes: Classes,
    lexicon: Lexicon,
    weights: Weights,
    /// The parser's features of each class's XPOS and UPOS, hashed once.
    hashed: Vec<(u64, u64)>,
}

/// The parser's feature of a tag: the tag, hashed.
pub fn tag_feature(tag: &str) -> u64 {
    hash::text(tag)
}

fn hashed(tags: &[(String, String)]) -> Vec<(u64, u64)> {
    tags.iter()
        .map(|(u, x)| (tag_feature(x), tag_feature(u)))
        .collect()
}

impl Tagger {
    /// The parser's features of a class's XPOS and UPOS.
    pub fn tag_features(&self, class: u16) -> (u64, u64) {
        self.hashed[class as usize]
    }

    pub fn upos(&self, class: u16) -> &str {
        &self.tags[class as usize].0
    }
    pub fn xpos(&self, class: u16) -> &str {
        &self.tags[class as usize].1
    }
    /// Features kept and (feature, class) weights.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// The lexemes of a sentence's words, as [`Tagger::tag`] needs them.
    pub fn lexemes(&self, forms: &[&str], lemmatizer: &Lemmatizer) -> Vec<Lexeme> {
        lexemes(
            forms,
            &self.dictionary,
            &self.classes,
            &self.lexicon,
            lemmatizer,
        )
    }

    /// Tag the words of one sentence, greedily: each word's best tag given those before it.
    pub fn tag(&self, lex: &[Lexeme]) -> Vec<u16> {
        self.tag_from(lex, Vec::with_capacity(lex.len()))
    }

    /// Tag the words after those already tagged in `tags`.
    fn tag_from(&self, lex: &[Lexeme], mut tags: Vec<u16>) -> Vec<u16> {
        let mut history: Vec<u64> = tags.iter().map(|&c| u64::from(c)).collect();
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0i32; self.tags.len()];
        for i in tags.len()..lex.len() {
            let class = match self.dictionary.get(&lex[i].form) {
                Some(&c) => c,
                None => {
                    features(lex, &self.classes, &history, i, &mut feats);
                    self.weights.score(&feats, &mut scores);
                    best(&scores, |_| true).unwrap_or(0) as u16
                }
            };
            tags.push(class);
            history.push(u64::from(class));
        }
        tags
    }

    /// Tag a sentence of prose, which has a finite verb: when the greedy tags give a
    /// sentence that ends in a full stop none ("A fire destroyed/VBN the warehouse.", "The
    /// storm tore/NN through the town."), the word whose finite reading lost by the smallest
    /// margin takes it, if the margin is small, and the words after it are tagged again.
    /// Headlines and captions, with no full stop, may stay verbless.
    pub fn tag_prose(&self, forms: &[&str], lex: &[Lexeme], lemmatizer: &Lemmatizer) -> Vec<u16> {
        // The noun heads after a finite verb is found, and the finite verb again if tagging
        // the words after a new noun lost it; a noun found may show the next phrase's end.
        let mut tags = self.with_finite(forms, lex, lemmatizer, self.tag(lex));
        for _ in 0..2 {
            let Some(again) = self.with_noun_heads(forms, lex, lemmatizer, &tags) else {
                break;
            };
            tags = self.with_finite(forms, lex, lemmatizer, again);
        }
        tags
    }

    /// A determiner's phrase has a noun at its head. When the greedy tags end one with an
    /// adjective before a word that cannot go on in it ("The former chief executive/JJ of
    /// the firm", "the firm/JJ resigned"), the adjective whose noun reading lost by a small
    /// margin takes it, if the treebank knows that noun, and the words after it are tagged
    /// again. "The injured were", "the same as" keep their adjectives: no such noun. The new
    /// tags, if any changed.
    fn with_noun_heads(
        &self,
        forms: &[&str],
        lex: &[Lexeme],
        lemmatizer: &Lemmatizer,
        greedy: &[u16],
    ) -> Option<Vec<u16>> {
        let mut tags = std::borrow::Cow::Borrowed(greedy);
        let (mut feats, mut scores) = (Vec::new(), Vec::new());
        let mut i = 1;
        while i + 1 < tags.len() {
            // What follows cannot go on in the phrase: a preposition, a verb, or the end of a
            // clause (not a hyphen, nor a comma between two adjectives).
            let after = |k: usize| tags.get(k).map_or("", |&c| self.upos(c));
            let ends = self.upos(tags[i]) == "ADJ"
                && match after(i + 1) {
                    "ADP" | "AUX" | "PART" => true,
                    // A finite verb, not a participle that may be an adjective ("the new
                    // fixed price").
                    "VERB" => matches!(self.xpos(tags[i + 1]), "VBD" | "VBZ" | "VBP"),
                    "PUNCT" => match forms[i + 1] {
                        "." | ";" | ":" | "?" | "!" => true,
                        "," => !matches!(after(i + 2), "ADJ" | "ADV" | "CCONJ"),
                        _ => false,
                    },
                    _ => false,
                };
            if !ends || !self.opens_phrase(&forms[..i], &tags[..i]) {
                i += 1;
                continue;
            }
            let history: Vec<u64> = tags[..i].iter().map(|&c| u64::from(c)).collect();
            features(lex, &self.classes, &history, i, &mut feats);
            scores.resize(self.tags.len(), 0);
            self.weights.score(&feats, &mut scores);
            let noun = |c: usize| {
                let (upos, xpos) = (self.upos(c as u16), self.xpos(c as u16));
                upos == "NOUN"
                    && self
                        .lexicon
                        .knows(upos, &lemmatizer.lemma(forms[i], upos, xpos))
            };
            if let Some(n) = best(&scores, noun)
                && scores[tags[i] as usize] - scores[n] <= NOUN_MARGIN
            {
                let mut head = tags[..i].to_vec();
                head.push(n as u16);
                tags = std::borrow::Cow::Owned(self.tag_from(lex, head));
            }
            i += 1;
        }
        match tags {
            std::borrow::Cow::Owned(t) if t != greedy => Some(t),
            _ => None,
        }
    }

    /// Whether the words before a phrase-final adjective are an article (or a possessive)
    /// and the phrase's modifiers only. Other determiners head phrases of their own ("none
    /// of the above", "each other", "no good").
    fn opens_phrase(&self, forms: &[&str], tags: &[u16]) -> bool {
        for (form, &c) in forms.iter().zip(tags).rev() {
            match (self.upos(c), self.xpos(c)) {
                ("ADJ" | "NOUN" | "PROPN" | "NUM", _) => continue,
                (_, "DT") => {
                    return matches!(form.to_ascii_lowercase().as_str(), "the" | "a" | "an");
                }
                (_, "PRP$" | "POS" | "WP$") => return true,
                _ => return false,
            }
        }
        false
    }

    /// [`Tagger::tag_prose`]'s finite verb: see there.
    fn with_finite(
        &self,
        forms: &[&str],
        lex: &[Lexeme],
        lemmatizer: &Lemmatizer,
        tags: Vec<u16>,
    ) -> Vec<u16> {
        if lex.len() < MIN_PROSE || !self.wants_finite(&tags) {
            return tags;
        }
        let history: Vec<u64> = tags.iter().map(|&c| u64::from(c)).collect();
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0i32; self.tags.len()];
        let mut pick: Option<(i32, usize, u16)> = None;
        // Words of the tag dictionary are candidates too: unambiguous in the treebank is not
        // unambiguous in news ("shot" is a noun there).
        for i in 0..lex.len() - 1 {
            // A noun, verb or adjective misread: the tense of a full verb is what is missing.
            if !matches!(self.upos(tags[i]), "NOUN" | "VERB" | "ADJ") {
                continue;
            }
            features(lex, &self.classes, &history[..i], i, &mut feats);
            self.weights.score(&feats, &mut scores);
            // Only a tense the word can have: an inflected form of a verb the treebank knows
            // ("destroyed", "shot", "rejects"; not "good" or "place" as a past).
            let tense = |c: usize| {
                let (upos, xpos) = (self.upos(c as u16), self.xpos(c as u16));
                upos == "VERB"
                    && matches!(xpos, "VBD" | "VBZ")
                    && self.lexicon.inflects(forms[i], upos, xpos, lemmatizer)
            };
            let Some(f) = best(&scores, tense) else {
                continue;
            };
            let margin = scores[tags[i] as usize] - scores[f];
            if pick.is_none_or(|(m, _, _)| margin < m) {
                pick = Some((margin, i, f as u16));
            }
        }
        match pick {
            Some((margin, i, f)) if margin <= FINITE_MARGIN => {
                let mut head = tags[..i].to_vec();
                head.push(f);
                self.tag_from(lex, head)
            }
            _ => tags,
        }
    }

    /// Whether class `c` is a finite verb form after the class `before`: a past or present
    /// tense, a modal, or a base form that is no infinitive (an imperative).
    fn finite(&self, c: u16, before: Option<&u16>) -> bool {
        match self.xpos(c) {
            "VBD" | "VBZ" | "VBP" | "MD" => true,
            "VB" => before.is_none_or(|&b| !matches!(self.xpos(b), "TO" | "MD")),
            _ => false,
        }
    }

    /// Whether tags end a sentence with a full stop and hold no finite verb.
    fn wants_finite(&self, tags: &[u16]) -> bool {
        let stop = tags.last().is_some_and(|&c| self.xpos(c) == ".");
        stop && !(0..tags.len()).any(|i| self.finite(tags[i], i.checked_sub(1).map(|j| &tags[j])))
    }

    pub fn write(&self, w: &mut Writer) {
        w.len(self.tags.len());
        for (u, x) in &self.tags {
            w.str(u);
            w.str(x);
        }
        let mut dict: Vec<(u64, u16)> = self.dictionary.iter().map(|(&k, &v)| (k, v)).collect();
        dict.sort_unstable();
        w.len(dict.len());
        for (k, v) in dict {
            w.u64(k);
            w.u16(v);
        }
        let mut classes: Vec<(u64, u64)> = self.classes.iter().map(|(&k, &v)| (k, v)).collect();
        classes.sort_unstable();
        w.len(classes.len());
        for (k, v) in classes {
            w.u64(k);
            w.u64(v);
        }
        let mut lexicon: Vec<(u64, u64)> = self.lexicon.0.iter().map(|(&k, &v)| (k, v)).collect();
        lexicon.sort_unstable();
        w.len(lexicon.len());
        for (k, v) in lexicon {
            w.u64(k);
            w.u64(v);
        }
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let n = r.len(8)?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let n = r.len(10)?;
        let mut dictionary = KeyMap::default();
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= tags.len() {
                return Err(format!("model corrupt: tag {v} of {}", tags.len()));
            }
            dictionary.insert(k, v);
        }
        let n = r.len(16)?;
        let mut classes = KeyMap::default();
        for _ in 0..n {
            classes.insert(r.u64()?, r.u64()?);
        }
        let n = r.len(16)?;
        let mut lexicon = KeyMap::default();
        for _ in 0..n {
            lexicon.insert(r.u64()?, r.u64()?);
        }
        let lexicon = Lexicon(lexicon);
        let weights = Weights::read(r)?;
        if weights.classes() != tags.len() {
            return Err("model corrupt: tagger classes disagree".into());
        }
        Ok(Tagger {
            hashed: hashed(&tags),
            tags,
            dictionary,
            classes,
            lexicon,
            weights,
        })
    }
}

/// One training sentence: each word's form, UPOS, XPOS and lemma.
pub type Tagged<'a> = Vec<(&'a str, &'a str, &'a str, &'a str)>;

/// Settings of a training run.
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Averaged weights below this are dropped from the model.
    pub prune: f64,
}

/// Train a tagger; `report` is called after each epoch with the model so far.
pub fn train(
    sentences: &[Tagged],
    lemmatizer: &Lemmatizer,
    settings: &Settings,
    mut report: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut index: HashMap<(&str, &str), u16> = HashMap::new();
    let mut pairs: Vec<(&str, &str)> = sentences
        .iter()
        .flatten()
        .map(|&(_, u, x, _)| (u, x))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    for (i, p) in pairs.iter().enumerate() {
        index.insert(*p, i as u16);
    }
    let tags: Vec<(String, String)> = pairs
        .iter()
        .map(|(u, x)| (u.to_string(), x.to_string()))
        .collect();
    let dictionary = dictionary(sentences, &index);
    let classes = ambiguity_classes(sentences, &index);
    let lexicon = Lexicon::learn(sentences);
    let data: Vec<(Vec<Lexeme>, Vec<u16>)> = sentences
        .iter()
        .map(|s| {
            let forms: Vec<&str> = s.iter().map(|w| w.0).collect();
            (
                lexemes(&forms, &dictionary, &classes, &lexicon, lemmatizer),
                s.iter().map(|&(_, u, x, _)| index[&(u, x)]).collect(),
            )
        })
        .collect();
    let mut trainer = Trainer::new(tags.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = super::train::Rng::new(settings.seed);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; tags.len()];
    let mut model = None;
    for epoch in 1..=settings.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let (lex, gold) = &data[s];
            let mut history = Vec::with_capacity(lex.len());
            for i in 0..lex.len() {
                let class = match dictionary.get(&lex[i].form) {
                    Some(&c) => c as usize,
                    None => {
                        features(lex, &classes, &history, i, &mut feats);
                        trainer.score(&feats, &mut scores);
                        let guess = best(&scores, |_| true).unwrap_or(0);
                        trainer.update(&feats, gold[i] as usize, guess);
                        trainer.tick();
                        guess
                    }
                };
                history.push(class as u64);
            }
        }
        let tagger = Tagger {
            hashed: hashed(&tags),
            tags: tags.clone(),
            dictionary: dictionary.clone(),
            classes: classes.clone(),
            lexicon: lexicon.clone(),
            weights: trainer.freeze(settings.prune),
        };
        report(epoch, &tagger);
        model = Some(tagger);
    }
    model.expect("at least one epoch")
}

/// Words (lower-cased, as the word feature reads them) seen at least three times, with the
/// set of tags they had.
fn ambiguity_classes(sentences: &[Tagged], index: &HashMap<(&str, &str), u16>) -> Classes {
    let mut seen: HashMap<u64, (u32, u128)> = HashMap::new();
    for &(f, u, x, _) in sentences.iter().flatten() {
        let e = seen.entry(Lexeme::new(f).word).or_default();
        e.0 += 1;
        e.1 |= 1u128 << (index[&(u, x)] % 128);
    }
    seen.into_iter()
        .filter(|(_, (n, _))| *n >= 3)
        .map(|(w, (_, set))| (w, hash::key(99, &[set as u64, (set >> 64) as u64])))
        .collect()
}

/// Forms seen at least 20 times with one tag pair 97% of the time or more.
fn dictionary(sentences: &[Tagged], index: &HashMap<(&str, &str), u16>) -> KeyMap<u16> {
    let mut counts: HashMap<&str, HashMap<u16, u32>> = HashMap::new();
    for &(f, u, x, _) in sentences.iter().flatten() {
        *counts
            .entry(f)
            .or_default()
            .entry(index[&(u, x)])
            .or_default() += 1;
    }
    let mut out = KeyMap::default();
    for (form, tags) in counts {
        let total: u32 = tags.values().sum();
        let (&tag, &n) = tags
            .iter()
            .max_by_key(|&(&t, &n)| (n, std::cmp::Reverse(t)))
            .expect("seen at least once");
        if total >= 20 && f64::from(n) / f64::from(total) >= 0.97 {
            out.insert(hash::text(form), tag);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Kharkiv"), "Xxx");
        assert_eq!(shape("MH17"), "XXdd");
        assert_eq!(shape("1,200"), "d,dd");
        assert_eq!(shape(""), "");
    }

    /// The fast path for ASCII words gives what the general one does.
    #[test]
    fn ascii_words_hash_as_any_other() {
        for w in [
            "Kharkiv",
            "MH17",
            "1,200",
            "a",
            "",
            "U.S.",
            "don't",
            "AAAbbb99x",
        ] {
            let fast = Lexeme::ascii(w.as_bytes());
            let slow = Lexeme::general(w);
            assert_eq!(
                (fast.word, fast.form, fast.shape, fast.suffix, fast.prefix),
                (slow.word, slow.form, slow.shape, slow.suffix, slow.prefix),
                "{w}"
            );
        }
    }

    #[test]
    fn affixes_skip_whole_words_and_respect_characters() {
        let l = Lexeme::new("Ré");
        assert_eq!(l.suffix[0], hash::text("é"));
        assert_eq!(l.suffix[1], 0);
        assert_eq!(Lexeme::new("2016").word, hash::text("0000"));
    }

    /// A reading holds when another form attests its lemma: learnt exceptions ("fell" →
    /// "fall") and regular inflection ("seizes" → "seize") both find it; a word attesting
    /// only itself reads as nothing, as an unseen word would.
    #[test]
    fn readings_come_from_other_forms_of_a_lemma() {
        let raw: [(&str, &str, &str, &str); 6] = [
            ("falls", "VERB", "VBZ", "fall"),
            ("fell", "VERB", "VBD", "fall"),
            ("fell", "VERB", "VBD", "fall"),
            ("seized", "VERB", "VBD", "seize"),
            ("rises", "NOUN", "NNS", "rise"),
            ("vote", "VERB", "VB", "vote"),
        ];
        let sents: Vec<Tagged> = vec![raw.to_vec()];
        let lemmatizer = Lemmatizer::train(raw);
        let lexicon = Lexicon::learn(&sents);
        let bit = |x: &str| 1u64 << READINGS.iter().position(|r| r.1 == x).unwrap();
        let read = |f: &str| lexicon.readings(f, Lexeme::new(f).word, &lemmatizer);
        assert_eq!(read("fell"), bit("VBD"));
        assert_eq!(read("seizes"), bit("VBZ"));
        assert_eq!(read("seized"), 0, "its only attestation is itself");
        assert_eq!(read("votes") & bit("VBZ"), bit("VBZ"));
        assert_eq!(read("table"), 0);
    }

    /// A toy treebank in two domains: the tagger learns determiners, nouns and verbs well
    /// enough to tag a sentence it has not seen.
    #[test]
    fn learns_a_toy_language() {
        let raw = [
            "the/DET/DT jury/NOUN/NN convicted/VERB/VBD the/DET/DT man/NOUN/NN",
            "the/DET/DT court/NOUN/NN adjourned/VERB/VBD",
            "a/DET/DT fire/NOUN/NN destroyed/VERB/VBD the/DET/DT factory/NOUN/NN",
            "the/DET/DT voters/NOUN/NNS elected/VERB/VBD a/DET/DT mayor/NOUN/NN",
        ];
        let sents: Vec<Tagged> = raw
            .iter()
            .map(|s| {
                s.split(' ')
                    .map(|w| {
                        let mut p = w.split('/');
                        let form = p.next().unwrap();
                        (form, p.next().unwrap(), p.next().unwrap(), form)
                    })
                    .collect()
            })
            .collect();
        let settings = Settings {
            epochs: 10,
            seed: 1,
            prune: 0.0,
        };
        let lemmatizer = Lemmatizer::train(sents.iter().flatten().copied());
        let t = train(&sents, &lemmatizer, &settings, |_, _| {});
        let lex = t.lexemes(&["a", "jury", "destroyed", "the", "court"], &lemmatizer);
        let got: Vec<&str> = t.tag(&lex).into_iter().map(|c| t.upos(c)).collect();
        assert_eq!(got, ["DET", "NOUN", "VERB", "DET", "NOUN"]);
        let mut w = Writer::default();
        t.write(&mut w);
        let back = Tagger::read(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back.tag(&lex), t.tag(&lex));
    }
}
