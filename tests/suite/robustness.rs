//! Property tests over the whole pipeline: articles assembled at random from news-like pieces
//! (dates, quotes, attributions, counts, places, comment threads, headings) never make it
//! panic, and what it produces is a valid timeline that survives saving, loading and rendering;
//! the syntax stage gives well-formed trees on the same articles.

use std::path::Path;

use proptest::prelude::*;
use rashomon::gazetteer::Gazetteer;
use rashomon::graph::cluster::Params;
use rashomon::ingest::{self, Format};
use rashomon::pipeline::{self, Options};
use rashomon::render::html;
use rashomon::syntax;
use rashomon::timeline::{self, check};

/// Pieces of sentences the extractor has rules for, and some it must tolerate.
const PIECES: &[&str] = &[
    "The",
    "the",
    "a",
    "strike",
    "air strike",
    "convoy",
    "attack",
    "ceasefire",
    "truce",
    "was hit",
    "struck",
    "killed",
    "wounded",
    "at least 62",
    "sixty-two",
    "hundred",
    "thousand",
    "and",
    "80",
    "dozens of",
    "soldiers",
    "civilians",
    "people",
    "near",
    "in",
    "on",
    "Deir ez-Zor",
    "Deir Ezzor",
    "Aleppo",
    "Moscow",
    "Washington",
    "Syria",
    "Russia",
    "the Pentagon",
    "Russian officials",
    "the ministry",
    "Sergei Lavrov",
    "Lavrov",
    "said",
    "told reporters",
    "denied",
    "claimed",
    "alleged",
    "according to",
    "via",
    "reported",
    "blamed",
    "accused",
    "deliberate",
    "by mistake",
    "was warned",
    "yesterday",
    "on Monday",
    "last weekend",
    "September 17",
    "2016",
    "a few hours later",
    "the next day",
    "earlier this week",
    "since",
    "until",
    "“",
    "”",
    "\"",
    "'",
    ",",
    ".",
    ":",
    "(",
    ")",
    "—",
    "\n",
    "\n\n",
    "\n\n## Update\n\n",
    "\n\nReply to Sam\n\n",
    "\n\nSam\nSeptember 20, 2016 at 7:15 pm\n",
    "Ünïcödé",
    "日本",
    "99999999999",
];

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec((0..PIECES.len(), any::<bool>()), 0..120).prop_map(|v| {
        let mut s = String::new();
        for (i, space) in v {
            s.push_str(PIECES[i]);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// An article, with front matter or without, dated or not.
fn article() -> impl Strategy<Value = String> {
    (body(), prop::option::of((0u8..3, 1u32..28))).prop_map(|(body, front)| match front {
        None => body,
        Some((outlet, day)) => {
            format!("---\ntitle: Report\noutlet: Desk {outlet}\npublished: 2016-09-{day:02}\n---\n\n{body}")
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_articles_give_a_valid_timeline(articles in prop::collection::vec(article(), 1..4)) {
        let docs: Vec<_> = articles
            .iter()
            .enumerate()
            // An article with no text is refused (with its name); that is tested elsewhere.
            .filter_map(|(i, text)| {
                match ingest::read_str(&format!("a{i}.md"), text.as_bytes(), Format::Markdown) {
                    Ok(doc) => Some(doc),
                    Err(ingest::IngestError::Empty { .. }) => None,
                    Err(e) => panic!("any UTF-8 text is readable: {e}"),
                }
            })
            .collect();
        let options = Options {
            gazetteer: Gazetteer::builtin(),
            params: Params::default(),
            progress: &|| {},
        };
        let (t, _) = pipeline::extract(&docs, Path::new("."), &options);
        let yaml = timeline::to_yaml(&t).expect("a timeline serialises");
        let checked = check::check_str("extracted.yaml", &yaml);
        prop_assert!(checked.problems.is_empty(), "{:?}\n{yaml}", checked.problems);
        let loaded = checked.timeline.expect("a checked timeline");
        // Saving again changes nothing: the output is stable.
        prop_assert_eq!(timeline::to_yaml(&loaded).expect("serialises"), yaml);
        html::page(&loaded).expect("the page renders");
        // The same input gives the same output.
        let (again, _) = pipeline::extract(&docs, Path::new("."), &options);
        prop_assert_eq!(timeline::to_yaml(&again).expect("serialises"), timeline::to_yaml(&t).expect("serialises"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// The syntax stage on the same random articles: every sentence gets words inside it, on
    /// character boundaries, one root, heads within the sentence, and the same parse again.
    #[test]
    fn any_article_parses_into_well_formed_trees(text in article()) {
        let Ok(doc) = ingest::read_str("a.md", text.as_bytes(), Format::Markdown) else {
            return Ok(());
        };
        let model = syntax::model().expect("the built-in model loads");
        let parsed = syntax::parse_document(model, &doc);
        for s in &parsed {
            if s.words.is_empty() {
                continue;
            }
            prop_assert_eq!(s.words.iter().filter(|w| w.head == 0).count(), 1);
            for w in &s.words {
                prop_assert!(s.sentence.start <= w.start && w.end <= s.sentence.end);
                prop_assert_eq!(&doc.text[w.start..w.end], w.form);
                prop_assert!(w.head <= s.words.len() && !w.deprel.is_empty());
            }
        }
        let again = syntax::parse_document(model, &doc);
        let heads = |p: &[syntax::Parsed]| -> Vec<usize> {
            p.iter().flat_map(|s| s.words.iter().map(|w| w.head)).collect()
        };
        prop_assert_eq!(heads(&parsed), heads(&again));
    }
}
