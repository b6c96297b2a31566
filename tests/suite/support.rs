//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

/// The `rashomon` binary under test.
pub fn rashomon() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("rashomon").expect("binary built")
}

/// A path under `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// `../shared` next to the repository, when it is there (it is not in a fresh clone).
#[allow(dead_code)]
pub fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    p.is_dir().then_some(p)
}

/// Every claim of a document, as the extractor finds them: the syntax stage's trees, their
/// predicates, then `mentions::voice::attribute` (the steps `mentions::detect` takes).
#[allow(dead_code)]
pub fn attribute(doc: &rashomon::ingest::Document) -> Vec<rashomon::mentions::Claim> {
    use rashomon::gazetteer::Gazetteer;
    use rashomon::lexicon::Lexicon;
    use rashomon::mentions::{predicate, tree::Tree, voice};
    let model = rashomon::syntax::model().expect("the shipped syntax model loads");
    let lex = Lexicon::builtin();
    let parsed = rashomon::syntax::parse_document(model, doc);
    let trees: Vec<Tree<'_, '_>> = parsed.iter().map(|p| Tree::new(&p.words)).collect();
    let preds: Vec<Vec<predicate::Pred>> = trees.iter().map(|t| predicate::find(t, lex)).collect();
    let sentences: Vec<voice::Sentence<'_, '_, '_>> = parsed
        .iter()
        .zip(&trees)
        .zip(&preds)
        .map(|((parsed, tree), preds)| voice::Sentence {
            parsed,
            tree,
            preds,
        })
        .collect();
    voice::attribute(doc, &sentences, lex, Gazetteer::builtin())
}
