//! Training the syntax model from UD English-EWT: the lemmatiser, the tagger, then the
//! parser on tags predicted by taggers that did not see the sentence (jackknifing), so that
//! it learns from tags as good as it will get at run time. Seeded: a rerun writes the same
//! file, byte for byte.

use rayon::prelude::*;

use super::codec::{Reader, Writer};
use super::conllu::{self, Sentence};
use super::lemma::Lemmatizer;
use super::model::{Model, Parts};
use super::parser::{self, Example, Input, Parser};
use super::tagger::{self, Lexeme, Tagged};

/// SplitMix64: a small, fixed pseudo-random generator, so that runs are reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// A sentence's predicted tags, as the parser reads them: (XPOS, UPOS) features.
type Tags = Vec<(u64, u64)>;

/// Settings of a whole training run.
pub struct Options {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub folds: usize,
    pub seed: u64,
    /// Averaged weights below these are dropped from the tagger and from the parser.
    pub tagger_prune: f64,
    pub parser_prune: f64,
    /// Parsers trained side by side from different seeds, their weights averaged.
    pub ensemble: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tagger_epochs: 8,
            parser_epochs: 12,
            folds: 5,
            seed: 2016,
            tagger_prune: 0.05,
            parser_prune: 0.8,
            ensemble: 4,
        }
    }
}

/// Accuracy of a model on gold-tokenised sentences, as `../shared/ud/score.py` counts it.
#[derive(Debug, Default, Clone, Copy)]
pub struct Scores {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub uas: usize,
    pub las: usize,
    pub lemma: usize,
}

impl Scores {
    pub fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
}

fn base(label: &str) -> &str {
    label.split(':').next().unwrap_or(label)
}

/// Score a model on sentences with gold annotation.
pub fn evaluate(model: &Parts, gold: &[Sentence]) -> Scores {
    let mut s = Scores::default();
    for sent in gold {
        let forms: Vec<&str> = sent.words.iter().map(|w| w.form.as_str()).collect();
        let got = model.annotate(&forms);
        for (g, p) in sent.words.iter().zip(&got) {
            s.words += 1;
            s.upos += usize::from(g.upos == p.upos);
            s.xpos += usize::from(g.xpos == p.xpos);
            s.lemma += usize::from(g.lemma == p.lemma);
            if g.head == p.head {
                s.uas += 1;
                s.las += usize::from(base(&g.deprel) == base(p.deprel));
            }
        }
    }
    s
}

fn tagged(sents: &[Sentence]) -> Vec<Tagged<'_>> {
    sents
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| {
                    (
                        w.form.as_str(),
                        w.upos.as_str(),
                        w.xpos.as_str(),
                        w.lemma.as_str(),
                    )
                })
                .collect()
        })
        .collect()
}

fn tag_accuracy(t: &tagger::Tagger, lemmatizer: &Lemmatizer, gold: &[Tagged]) -> f64 {
    let (mut right, mut all) = (0usize, 0usize);
    for s in gold {
        let forms: Vec<&str> = s.iter().map(|w| w.0).collect();
        let lex = t.lexemes(&forms, lemmatizer);
        for (c, w) in t.tag(&lex).into_iter().zip(s) {
            all += 1;
            right += usize::from(t.upos(c) == w.1);
        }
    }
    100.0 * right as f64 / all.max(1) as f64
}

/// Train every component; `log` receives one line per step (epochs with dev accuracy).
pub fn train(
    train_text: &str,
    dev_text: &str,
    options: &Options,
    mut log: impl FnMut(&str),
) -> Result<Model, conllu::Error> {
    let train = conllu::read(train_text)?;
    let dev = conllu::read(dev_text)?;
    let words = train.iter().flat_map(|s| &s.words).map(|w| {
        (
            w.form.as_str(),
            w.upos.as_str(),
            w.xpos.as_str(),
            w.lemma.as_str(),
        )
    });
    let lemmatizer = Lemmatizer::train(words);
    log(&format!(
        "train: {} sentences, {} words; dev: {} sentences",
        train.len(),
        train.iter().map(|s| s.words.len()).sum::<usize>(),
        dev.len()
    ));

    let (tagger, predicted) = {
        let train_tags = tagged(&train);
        let dev_tags = tagged(&dev);
        let tag_settings = tagger::Settings {
            epochs: options.tagger_epochs,
            seed: options.seed,
            prune: options.tagger_prune,
        };
        let tagger = tagger::train(&train_tags, &lemmatizer, &tag_settings, |epoch, t| {
            log(&format!(
                "tagger epoch {epoch}: dev UPOS {:.2}",
                tag_accuracy(t, &lemmatizer, &dev_tags)
            ));
        });
        let (features, weights) = tagger.size();
        log(&format!("tagger: {features} features, {weights} weights"));

        // Jackknifed tags for the parser's training data: folds are independent, so they
        // are trained in parallel with the same result at any thread count.
        let mut predicted: Vec<Tags> = vec![Vec::new(); train.len()];
        let folds = options.folds.max(2);
        let tagged_folds: Vec<Vec<(usize, Tags)>> = (0..folds)
            .into_par_iter()
            .map(|fold| {
                let rest: Vec<Tagged> = train_tags
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds != fold)
                    .map(|(_, s)| s.clone())
                    .collect();
                let t = tagger::train(&rest, &lemmatizer, &tag_settings, |_, _| {});
                train_tags
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % folds == fold)
                    .map(|(i, s)| {
                        let forms: Vec<&str> = s.iter().map(|w| w.0).collect();
                        let lex = t.lexemes(&forms, &lemmatizer);
                        let tags = t.tag(&lex).into_iter().map(|c| t.tag_features(c));
                        (i, tags.collect())
                    })
                    .collect()
            })
            .collect();
        for (i, tags) in tagged_folds.into_iter().flatten() {
            predicted[i] = tags;
        }
        log(&format!("jackknife: {folds} folds tagged"));
        (tagger, predicted)
    };
    let examples: Vec<Example> = train
        .iter()
        .zip(&predicted)
        .map(|(s, tags)| Example {
            input: s
                .words
                .iter()
                .zip(tags)
                .map(|(w, &(tag, upos))| Input {
                    word: Lexeme::new(&w.form).word,
                    tag,
                    upos,
                })
                .collect(),
            heads: s.words.iter().map(|w| w.head).collect(),
            labels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        })
        .collect();
    let parse_settings = parser::Settings {
        epochs: options.parser_epochs,
        seed: options.seed,
        prune: options.parser_prune,
        explore_from: 2,
        explore: 0.9,
        ensemble: options.ensemble,
    };
    // Keep the parser of the epoch that does best on dev, as bytes.
    let mut best: Option<(f64, usize, Vec<u8>)> = None;
    let _ = parser::train(&examples, &parse_settings, |epoch, p| {
        let s = evaluate(
            &Parts {
                tagger: &tagger,
                lemmatizer: &lemmatizer,
                parser: p,
                prose: false,
            },
            &dev,
        );
        log(&format!(
            "parser epoch {epoch}: dev UPOS {:.2} UAS {:.2} LAS {:.2} LEMMA {:.2}",
            s.pct(s.upos),
            s.pct(s.uas),
            s.pct(s.las),
            s.pct(s.lemma)
        ));
        let [token, hot, cold, labels] = p.size();
        log(&format!(
            "parser: moves {token} token, {hot} hot, {cold} cold features; labeller {labels}"
        ));
        let las = s.pct(s.las);
        if best.as_ref().is_none_or(|b| las > b.0) {
            let mut w = Writer::default();
            p.write(&mut w);
            best = Some((las, epoch, w.bytes));
        }
    });
    let (_, epoch, bytes) = best.expect("at least one epoch");
    log(&format!("kept the parser of epoch {epoch}"));
    let parser = Parser::read(&mut Reader::new(&bytes)).expect("written just now");
    let model = Model::new(tagger, lemmatizer, parser);
    Ok(model)
}

/// Read the treebank from `ud`, train, report on standard error, and write the model
/// whole or not at all.
pub fn run(
    ud: &std::path::Path,
    output: &std::path::Path,
    options: &Options,
) -> anyhow::Result<()> {
    use anyhow::Context as _;
    let read = |name: &str| {
        let path = ud.join(name);
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
    };
    let train_text = read("en_ewt-ud-train.conllu")?;
    let dev_text = read("en_ewt-ud-dev.conllu")?;
    let start = std::time::Instant::now();
    let model = train(&train_text, &dev_text, options, |line| {
        eprintln!("[{:>6.1}s] {line}", start.elapsed().as_secs_f64());
    })
    .context("reading the treebank")?;
    let bytes = model.to_bytes();
    if let Some(dir) = output.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    crate::output::write_atomic(output, &bytes)
        .with_context(|| format!("writing {}", output.display()))?;
    eprintln!("wrote {} ({} bytes)", output.display(), bytes.len());
    Ok(())
}
