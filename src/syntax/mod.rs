//! Syntax: UD English words with byte offsets, part-of-speech tags (UPOS and Penn XPOS),
//! lemmas and labelled dependency trees, from a model trained on UD English-EWT.
//!
//! The stage sits between ingest and mentions: [`parse_document`] reads the sentences that
//! [`crate::mentions::sentences`] finds (headlines and captions stay sentences of their
//! own), cuts each into words ([`tokenize`]), and annotates them with the model. The model
//! ([`model()`]) is compiled into the binary and read once per process; `train-syntax`
//! (`src/bin/train-syntax.rs`) rebuilds it from the treebank, reproducibly.

pub mod codec;
pub mod compact;
pub mod conllu;
pub mod hash;
pub mod irregular;
pub mod lemma;
pub mod mem;
pub mod model;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod tokenize;
pub mod train;
pub mod weights;

use std::borrow::Cow;
use std::sync::OnceLock;

pub use model::{Annotation, Model};

use crate::ingest::{Document, Format};
use crate::mentions::sentences::{self, Sentence};

/// The trained model shipped with Rashomon (UD English-EWT, CC BY-SA 4.0).
pub const BUILTIN: &[u8] = include_bytes!("../../data/syntax/en_ewt.model");

/// The built-in model, decoded on first use.
pub fn model() -> Result<&'static Model, String> {
    static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(BUILTIN))
        .as_ref()
        .map_err(Clone::clone)
}

/// One word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offsets into `Document::text`.
    pub start: usize,
    pub end: usize,
    pub form: &'a str,
    pub lemma: Cow<'a, str>,
    pub upos: &'a str,
    pub xpos: &'a str,
    /// 0 for the root, else the 1-based index of the head in the sentence's words.
    pub head: usize,
    pub deprel: &'a str,
}

/// A sentence and its analysis.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    pub sentence: Sentence,
    pub words: Vec<Word<'a>>,
}

/// Parse one piece of text; offsets are shifted by `base`.
pub fn parse_text<'a>(model: &'a Model, text: &'a str, base: usize) -> Vec<Word<'a>> {
    let tokens = tokenize::tokenize(text);
    let forms: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    model
        .annotate(&forms)
        .into_iter()
        .zip(tokens.iter().zip(&forms))
        .map(|(a, (t, &form))| Word {
            start: base + t.start,
            end: base + t.end,
            form,
            lemma: a.lemma,
            upos: a.upos,
            xpos: a.xpos,
            head: a.head,
            deprel: a.deprel,
        })
        .collect()
}

/// Parse every sentence of the article and comment parts of a document.
pub fn parse_document<'a>(model: &'a Model, doc: &'a Document) -> Vec<Parsed<'a>> {
    sentences::split(doc)
        .into_iter()
        .map(|mut sentence| {
            if doc.format == Format::Markdown && sentence.headline {
                // A Markdown heading's marks ("## ") are markup, not words.
                let text = sentence.text(doc);
                let rest = text.trim_start_matches('#');
                if rest.len() < text.len() && rest.starts_with(char::is_whitespace) {
                    sentence.start += text.len() - rest.trim_start().len();
                }
            }
            let words = parse_text(model, sentence.text(doc), sentence.start);
            Parsed { sentence, words }
        })
        .collect()
}

/// Fill the LEMMA, UPOS, XPOS, HEAD and DEPREL of a CoNLL-U sentence, keeping its words;
/// FEATS and DEPS, which the model does not predict, are cleared.
pub fn fill(model: &Model, sentence: &mut conllu::Sentence) {
    let forms: Vec<String> = sentence.words.iter().map(|w| w.form.clone()).collect();
    let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
    for (w, a) in sentence.words.iter_mut().zip(model.annotate(&refs)) {
        w.lemma = a.lemma.into_owned();
        w.upos = a.upos.to_string();
        w.xpos = a.xpos.to_string();
        w.head = a.head;
        w.deprel = a.deprel.to_string();
        w.feats.clear();
        w.deps.clear();
    }
}

impl Parsed<'_> {
    /// The sentence as CoNLL-U, each word's byte range in MISC (`TokenRange=120:128`).
    pub fn to_conllu(&self, doc: &Document, id: &str) -> conllu::Sentence {
        let text: String = self
            .sentence
            .text(doc)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let words = self
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let joined = self.words.get(i + 1).is_some_and(|n| n.start == w.end);
                let mut misc = format!("TokenRange={}:{}", w.start, w.end);
                if joined {
                    misc.push_str("|SpaceAfter=No");
                }
                conllu::Word {
                    form: w.form.to_string(),
                    lemma: w.lemma.to_string(),
                    upos: w.upos.to_string(),
                    xpos: w.xpos.to_string(),
                    feats: String::new(),
                    head: w.head,
                    deprel: w.deprel.to_string(),
                    deps: String::new(),
                    misc,
                }
            })
            .collect();
        conllu::Sentence::from_words(
            words,
            &[format!("# sent_id = {id}"), format!("# text = {text}")],
        )
    }
}

/// One test per construction that extraction reads off the tree, on sentences written for
/// them, parsed with the shipped model.
#[cfg(test)]
mod constructions {
    use super::*;

    struct Tree<'a>(Vec<Word<'a>>);

    impl<'a> Tree<'a> {
        fn of(text: &'a str) -> Self {
            Tree(parse_text(model().expect("model"), text, 0))
        }
        fn at(&self, form: &str) -> usize {
            self.0
                .iter()
                .position(|w| w.form == form)
                .unwrap_or_else(|| panic!("no word {form:?}"))
        }
        /// The form of the head of `form`, "ROOT" for the root.
        fn head(&self, form: &str) -> &str {
            match self.0[self.at(form)].head {
                0 => "ROOT",
                h => self.0[h - 1].form,
            }
        }
        fn rel(&self, form: &str) -> &str {
            self.0[self.at(form)].deprel
        }
        fn show(&self) -> String {
            self.0
                .iter()
                .map(|w| format!("{}/{}<-{}:{}", w.form, w.upos, w.head, w.deprel))
                .collect::<Vec<_>>()
                .join(" ")
        }
    }

    #[test]
    fn passive_with_agent() {
        let t = Tree::of(
            "The airliner was shot down by a missile fired from a field near the village.",
        );
        let s = t.show();
        assert_eq!(t.head("airliner"), "shot", "{s}");
        assert_eq!(t.rel("airliner"), "nsubj:pass", "{s}");
        assert_eq!(t.rel("was"), "aux:pass", "{s}");
        assert_eq!(t.head("missile"), "shot", "{s}");
        assert_eq!(t.head("by"), "missile", "{s}");
        assert_eq!(t.head("fired"), "missile", "{s}");
        assert_eq!(t.head("field"), "fired", "{s}");
    }

    #[test]
    fn speaker_after_the_quote() {
        let t = Tree::of("\u{201c}The verdict is unjust,\u{201d} the lawyer said.");
        let s = t.show();
        assert_eq!(t.head("lawyer"), "said", "{s}");
        assert_eq!(t.rel("lawyer"), "nsubj", "{s}");
        // The quote and the speech verb are linked directly, whichever heads the other.
        assert!(
            t.head("said") == "unjust" || t.head("unjust") == "said",
            "{s}"
        );
    }

    #[test]
    fn speaker_before_the_claim() {
        let t = Tree::of("The electoral commission said the turnout had fallen to 52 percent.");
        let s = t.show();
        assert_eq!(t.head("commission"), "said", "{s}");
        assert_eq!(t.head("fallen"), "said", "{s}");
        assert_eq!(t.rel("fallen"), "ccomp", "{s}");
    }

    #[test]
    fn according_to() {
        let t = Tree::of("According to the police, the fire started in the warehouse.");
        let s = t.show();
        assert_eq!(t.head("police"), "started", "{s}");
        assert_eq!(t.head("According"), "police", "{s}");
        assert_eq!(t.rel("According"), "case", "{s}");
        assert_eq!(t.head("fire"), "started", "{s}");
    }

    #[test]
    #[ignore = "known miss of the greedy parser: it takes 'the men resigned' as a clause"]
    fn relative_clause() {
        let t = Tree::of("The judge who sentenced the men resigned on Monday.");
        let s = t.show();
        assert_eq!(t.head("judge"), "resigned", "{s}");
        assert_eq!(t.head("sentenced"), "judge", "{s}");
        assert_eq!(t.rel("sentenced"), "acl:relcl", "{s}");
        assert_eq!(t.head("men"), "sentenced", "{s}");
        assert_eq!(t.head("Monday"), "resigned", "{s}");
    }

    #[test]
    fn coordinated_verbs() {
        let t = Tree::of("Police arrested the driver and charged him with manslaughter.");
        let s = t.show();
        assert_eq!(t.head("charged"), "arrested", "{s}");
        assert_eq!(t.rel("charged"), "conj", "{s}");
        assert_eq!(t.head("and"), "charged", "{s}");
        assert_eq!(t.head("driver"), "arrested", "{s}");
        assert_eq!(t.head("manslaughter"), "charged", "{s}");
    }

    #[test]
    #[ignore = "known miss: 'in March' goes to 'plant', not to 'closed'"]
    fn each_date_on_its_own_verb() {
        let t = Tree::of("The company said on Tuesday that it had closed the plant in March.");
        let s = t.show();
        assert_eq!(t.head("Tuesday"), "said", "{s}");
        assert_eq!(t.head("March"), "closed", "{s}");
        assert_eq!(t.head("closed"), "said", "{s}");
    }

    /// Irregular past tenses, which the treebank has rarely (or never) as verbs, read as the
    /// verb of their clause in news sentences of several domains.
    fn past_tense_verb(text: &str, verb: &str) {
        let t = Tree::of(text);
        let s = t.show();
        assert_eq!(t.0[t.at(verb)].upos, "VERB", "{s}");
        assert_eq!(t.head(verb), "ROOT", "{s}");
    }

    #[test]
    fn irregular_past_tenses_are_verbs() {
        for (text, verb) in [
            (
                "Shares in the bank fell sharply after the announcement.",
                "fell",
            ),
            (
                "Protesters tore down the statue of the former governor.",
                "tore",
            ),
            (
                "Thousands of residents fled the city as the fighting spread.",
                "fled",
            ),
            (
                "A strong earthquake struck the coast early on Monday.",
                "struck",
            ),
            (
                "Rebels seized the airport and blocked the main road.",
                "seized",
            ),
        ] {
            past_tense_verb(text, verb);
        }
    }

    #[test]
    fn an_article_phrase_ends_in_a_noun() {
        // The treebank has "executive" as an adjective ("executive director"); heading its
        // phrase, before "of" or a verb, it is the noun of news.
        for (text, noun, verb) in [
            (
                "The former chief executive of the firm resigned on Tuesday.",
                "executive",
                "resigned",
            ),
            (
                "The chief executive of the hospital trust was cleared by the inquiry.",
                "executive",
                "cleared",
            ),
            (
                "An official at the ministry confirmed the figures on Monday.",
                "official",
                "confirmed",
            ),
        ] {
            let t = Tree::of(text);
            let s = t.show();
            assert_eq!(t.0[t.at(noun)].upos, "NOUN", "{s}");
            assert_eq!(t.head(noun), verb, "{s}");
            assert_eq!(t.head(verb), "ROOT", "{s}");
        }
        // Not after other determiners, nor before a hyphen or another adjective.
        for (text, adj) in [
            ("The two sides blamed each other on Monday.", "other"),
            ("They moved to a bigger, brighter office in May.", "bigger"),
            ("Profits rose in the third-quarter results.", "third"),
        ] {
            let t = Tree::of(text);
            assert_ne!(t.0[t.at(adj)].upos, "NOUN", "{}", t.show());
        }
    }

    #[test]
    fn a_quantifier_of_a_phrase_is_the_subject() {
        for (text, quantifier, verb) in [
            (
                "Some of the biggest gains came in the building trade.",
                "Some",
                "came",
            ),
            (
                "Later Monday, most of the striking miners returned to work.",
                "most",
                "returned",
            ),
        ] {
            let t = Tree::of(text);
            let s = t.show();
            assert_eq!(t.head(verb), "ROOT", "{s}");
            assert_eq!(t.head(quantifier), verb, "{s}");
        }
    }

    #[test]
    fn irregular_past_tenses_in_a_full_sentence() {
        // The greedy tags read these as nouns; a sentence needs a finite verb, and the table
        // of irregular verbs knows them as pasts.
        for (text, verb) in [
            (
                "A gunman shot two officers outside the station on Friday.",
                "shot",
            ),
            ("The family learnt of his death from a neighbour.", "learnt"),
            ("A fire destroyed the warehouse overnight.", "destroyed"),
            ("The storm tore through the town.", "tore"),
            ("The company raised prices last week.", "raised"),
        ] {
            past_tense_verb(text, verb);
        }
    }

    #[test]
    #[ignore = "known miss: 'ferry' read as an adjective and 'sank' as a noun, by more than the margin dev allows"]
    fn irregular_past_tenses_still_missed() {
        past_tense_verb(
            "The ferry sank off the island with 40 passengers on board.",
            "sank",
        );
    }

    #[test]
    fn headlines_keep_their_greedy_tags() {
        // Without a full stop a headline may have no verb; with one, the sentence needs one.
        let p = model().expect("model").parts();
        let tag = |forms: &[&str]| {
            let lex = p.tagger.lexemes(forms, p.lemmatizer);
            let greedy: Vec<&str> = p
                .tagger
                .tag(&lex)
                .iter()
                .map(|&c| p.tagger.xpos(c))
                .collect();
            let prose: Vec<&str> = p
                .tagger
                .tag_prose(forms, &lex, p.lemmatizer)
                .iter()
                .map(|&c| p.tagger.xpos(c))
                .collect();
            (greedy, prose)
        };
        let (greedy, prose) = tag(&["The", "storm", "tore", "through", "the", "town"]);
        assert_eq!(greedy, prose);
        let (greedy, prose) = tag(&["The", "storm", "tore", "through", "the", "town", "."]);
        assert_ne!(greedy[2], "VBD", "the greedy reading this test is about");
        assert_eq!(prose[2], "VBD", "{prose:?}");
    }

    #[test]
    fn headline_without_a_verb() {
        let t = Tree::of("Fire at chemical plant in Lyon");
        let s = t.show();
        assert_eq!(t.head("Fire"), "ROOT", "{s}");
        assert_eq!(t.head("plant"), "Fire", "{s}");
        assert_eq!(t.rel("chemical"), "amod", "{s}");
    }

    #[test]
    fn the_shipped_model_saves_back_to_its_own_bytes() {
        assert!(model().expect("model").to_bytes() == BUILTIN);
        assert!(Model::from_bytes(&BUILTIN[..BUILTIN.len() - 1]).is_err());
        assert!(Model::from_bytes(b"RASHOMON-SYNTAX\0\x09\0\0\0").is_err());
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Shares didn't recover, the bank's analysts said.";
        let words = parse_text(model().expect("model"), text, 100);
        let forms: Vec<&str> = words.iter().map(|w| w.form).collect();
        assert_eq!(
            forms,
            [
                "Shares", "did", "n't", "recover", ",", "the", "bank", "'s", "analysts", "said",
                "."
            ]
        );
        for w in &words {
            assert_eq!(&text[w.start - 100..w.end - 100], w.form);
        }
        assert_eq!(words.iter().filter(|w| w.head == 0).count(), 1);
        assert_eq!(words[2].lemma, "not");
    }
}
