//! The syntax model: tagger, lemmatiser and parser in one file, read once per process.

use std::borrow::Cow;

use super::codec::{Reader, Writer};
use super::lemma::Lemmatizer;
use super::parser::{Input, Parser};
use super::tagger::{Lexeme, Tagger};

/// First bytes of a model file, then its format version.
const MAGIC: &[u8; 16] = b"RASHOMON-SYNTAX\0";
const VERSION: u32 = 2;

/// A trained model.
pub struct Model {
    tagger: Tagger,
    lemmatizer: Lemmatizer,
    parser: Parser,
}

/// The analysis of one word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation<'a> {
    pub lemma: Cow<'a, str>,
    pub upos: &'a str,
    pub xpos: &'a str,
    /// 0 for the root, else the 1-based index of the head word in the sentence.
    pub head: usize,
    pub deprel: &'a str,
}

/// The components of a model, borrowed (training evaluates before they are bundled).
pub struct Parts<'a> {
    pub tagger: &'a Tagger,
    pub lemmatizer: &'a Lemmatizer,
    pub parser: &'a Parser,
    /// Tag as prose, with a finite verb in every full sentence ([`Tagger::tag_prose`]).
    /// Training chooses its epochs on the plain greedy tags, so that the model file stays
    /// what the training command writes whatever the decoding does.
    pub prose: bool,
}

impl<'a> Parts<'a> {
    /// The words' features and their tag classes.
    fn tag(&self, forms: &[&str]) -> (Vec<Lexeme>, Vec<u16>) {
        let lex = self.tagger.lexemes(forms, self.lemmatizer);
        let tags = if self.prose {
            self.tagger.tag_prose(forms, &lex, self.lemmatizer)
        } else {
            self.tagger.tag(&lex)
        };
        (lex, tags)
    }

    fn input_of(&self, lex: &[Lexeme], tags: &[u16]) -> Vec<Input> {
        lex.iter()
            .zip(tags)
            .map(|(l, &t)| {
                let (tag, upos) = self.tagger.tag_features(t);
                Input {
                    word: l.word,
                    tag,
                    upos,
                }
            })
            .collect()
    }

    #[cfg(test)]
    pub fn input(&self, forms: &[&str]) -> Vec<Input> {
        let (lex, tags) = self.tag(forms);
        self.input_of(&lex, &tags)
    }

    /// Tag, lemmatise and parse one sentence given as its words.
    pub fn annotate(&self, forms: &[&'a str]) -> Vec<Annotation<'a>> {
        if forms.is_empty() {
            return Vec::new();
        }
        let (lex, tags) = self.tag(forms);
        let input = self.input_of(&lex, &tags);
        let mut parse = self.parser.parse(&input);
        if self.prose {
            let xpos: Vec<&str> = tags.iter().map(|&t| self.tagger.xpos(t)).collect();
            self.parser.finite_clauses(&mut parse, &xpos);
        }
        forms
            .iter()
            .zip(tags)
            .zip(parse)
            .map(|((&form, t), (head, label))| {
                let upos = self.tagger.upos(t);
                let xpos = self.tagger.xpos(t);
                // A past of the table of irregular verbs has its lemma there: the learnt
                // suffix rules guess at those the treebank never showed ("shot" → "shet").
                let lemma = match super::irregular::base(form, xpos) {
                    Some(b) if self.prose => b.into(),
                    _ => self.lemmatizer.lemma(form, upos, xpos),
                };
                Annotation {
                    lemma,
                    upos,
                    xpos,
                    head,
                    deprel: self.parser.label(label),
                }
            })
            .collect()
    }
}

impl Model {
    pub fn new(tagger: Tagger, lemmatizer: Lemmatizer, parser: Parser) -> Self {
        Model {
            tagger,
            lemmatizer,
            parser,
        }
    }

    #[cfg(test)]
    pub fn parser_mut(&mut self) -> &mut Parser {
        &mut self.parser
    }

    pub fn parts(&self) -> Parts<'_> {
        Parts {
            tagger: &self.tagger,
            lemmatizer: &self.lemmatizer,
            parser: &self.parser,
            prose: true,
        }
    }

    /// Tag, lemmatise and parse one sentence given as its words.
    pub fn annotate<'a>(&'a self, forms: &[&'a str]) -> Vec<Annotation<'a>> {
        self.parts().annotate(forms)
    }

    /// The (UPOS, XPOS) of each word, without parsing.
    pub fn tag(&self, forms: &[&str]) -> Vec<(&str, &str)> {
        self.parts()
            .tag(forms)
            .1
            .into_iter()
            .map(|t| (self.tagger.upos(t), self.tagger.xpos(t)))
            .collect()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.bytes.extend_from_slice(MAGIC);
        w.u32(VERSION);
        let mut lemmas = Vec::new();
        self.lemmatizer.write(&mut lemmas);
        w.block(&lemmas);
        self.tagger.write(&mut w);
        self.parser.write(&mut w);
        w.bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let mut r = Reader::new(bytes);
        if r.take(MAGIC.len()).ok() != Some(&MAGIC[..]) {
            return Err("not a Rashomon syntax model".into());
        }
        let version = r.u32()?;
        if version != VERSION {
            return Err(format!(
                "syntax model format {version}, this build reads {VERSION}"
            ));
        }
        let lemmatizer = Lemmatizer::read(r.block()?)?;
        let tagger = Tagger::read(&mut r)?;
        let parser = Parser::read(&mut r)?;
        if !r.done() {
            return Err("syntax model has trailing bytes".into());
        }
        Ok(Model::new(tagger, lemmatizer, parser))
    }
}
