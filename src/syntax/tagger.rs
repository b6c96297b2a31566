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
//!
//! Frequent words that the treebank tags one way almost always take that tag directly (a tag
//! dictionary, as in Honnibal's tagger): faster, and no less accurate.

use std::collections::HashMap;

use super::codec::{Reader, Writer};
use super::hash;
use super::perceptron::{Trainer, Weights, best};

/// What the features need of one word, hashed once.
#[derive(Clone, Copy, Default)]
pub struct Lexeme {
    /// The lower-cased form with digits as 0: the word feature of the tagger and the parser.
    pub word: u64,
    form: u64,
    shape: u64,
    suffix: [u64; 4],
    prefix: [u64; 3],
}

impl Lexeme {
    pub fn new(form: &str) -> Self {
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

/// Values standing for words beyond the sentence's ends.
const START: [u64; 2] = [0x5354_4152_5431, 0x5354_4152_5432];
const END: [u64; 2] = [0x454e_4431, 0x454e_4432];
/// The tag "before the sentence".
const NO_TAG: u64 = 0xffff;

/// The ambiguity class of a word: the set of tags it had in training, hashed (0: unknown).
type Classes = HashMap<u64, u64>;

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
}

/// A trained tagger.
pub struct Tagger {
    /// The (UPOS, XPOS) pair of each class.
    tags: Vec<(String, String)>,
    /// Exact form hash → class, for frequent unambiguous words.
    dictionary: HashMap<u64, u16>,
    /// Word feature → ambiguity class, for words seen often enough to have a reliable one.
    classes: Classes,
    weights: Weights,
}

impl Tagger {
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

    /// Tag the words of one sentence.
    pub fn tag(&self, lex: &[Lexeme]) -> Vec<u16> {
        let mut tags = Vec::with_capacity(lex.len());
        let mut history = Vec::with_capacity(lex.len());
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0i32; self.tags.len()];
        for i in 0..lex.len() {
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
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let n = r.len(8)?;
        let mut tags = Vec::with_capacity(n);
        for _ in 0..n {
            tags.push((r.str()?, r.str()?));
        }
        let n = r.len(10)?;
        let mut dictionary = HashMap::with_capacity(n);
        for _ in 0..n {
            let k = r.u64()?;
            let v = r.u16()?;
            if v as usize >= tags.len() {
                return Err(format!("model corrupt: tag {v} of {}", tags.len()));
            }
            dictionary.insert(k, v);
        }
        let n = r.len(16)?;
        let mut classes = HashMap::with_capacity(n);
        for _ in 0..n {
            classes.insert(r.u64()?, r.u64()?);
        }
        let weights = Weights::read(r)?;
        if weights.classes() != tags.len() {
            return Err("model corrupt: tagger classes disagree".into());
        }
        Ok(Tagger {
            tags,
            dictionary,
            classes,
            weights,
        })
    }
}

/// One training sentence: each word's form, UPOS and XPOS.
pub type Tagged<'a> = Vec<(&'a str, &'a str, &'a str)>;

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
    settings: &Settings,
    mut report: impl FnMut(usize, &Tagger),
) -> Tagger {
    let mut index: HashMap<(&str, &str), u16> = HashMap::new();
    let mut pairs: Vec<(&str, &str)> = sentences
        .iter()
        .flatten()
        .map(|&(_, u, x)| (u, x))
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
    let data: Vec<(Vec<Lexeme>, Vec<u16>)> = sentences
        .iter()
        .map(|s| {
            (
                s.iter().map(|(f, _, _)| Lexeme::new(f)).collect(),
                s.iter().map(|&(_, u, x)| index[&(u, x)]).collect(),
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
            tags: tags.clone(),
            dictionary: dictionary.clone(),
            classes: classes.clone(),
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
    for &(f, u, x) in sentences.iter().flatten() {
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
fn dictionary(sentences: &[Tagged], index: &HashMap<(&str, &str), u16>) -> HashMap<u64, u16> {
    let mut counts: HashMap<&str, HashMap<u16, u32>> = HashMap::new();
    for &(f, u, x) in sentences.iter().flatten() {
        *counts
            .entry(f)
            .or_default()
            .entry(index[&(u, x)])
            .or_default() += 1;
    }
    let mut out = HashMap::new();
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

    #[test]
    fn affixes_skip_whole_words_and_respect_characters() {
        let l = Lexeme::new("Ré");
        assert_eq!(l.suffix[0], hash::text("é"));
        assert_eq!(l.suffix[1], 0);
        assert_eq!(Lexeme::new("2016").word, hash::text("0000"));
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
                        (p.next().unwrap(), p.next().unwrap(), p.next().unwrap())
                    })
                    .collect()
            })
            .collect();
        let settings = Settings {
            epochs: 10,
            seed: 1,
            prune: 0.0,
        };
        let t = train(&sents, &settings, |_, _| {});
        let lex: Vec<Lexeme> = ["a", "jury", "destroyed", "the", "court"]
            .iter()
            .map(|f| Lexeme::new(f))
            .collect();
        let got: Vec<&str> = t.tag(&lex).into_iter().map(|c| t.upos(c)).collect();
        assert_eq!(got, ["DET", "NOUN", "VERB", "DET", "NOUN"]);
        let mut w = Writer::default();
        t.write(&mut w);
        let back = Tagger::read(&mut Reader::new(&w.bytes)).unwrap();
        assert_eq!(back.tag(&lex), t.tag(&lex));
    }
}
