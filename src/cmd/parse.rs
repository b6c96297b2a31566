use std::io::Read as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::ingest;
use crate::syntax::{self, conllu};

/// Arguments of `rashomon parse`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// An article (.txt, .md, .html); not with --conllu
    #[arg(required_unless_present = "conllu", conflicts_with = "conllu")]
    pub file: Option<PathBuf>,
    /// Read CoNLL-U on standard input, keep its words, and fill LEMMA, UPOS, XPOS, HEAD and
    /// DEPREL
    #[arg(long)]
    pub conllu: bool,
    /// A model file to use instead of the built-in one (as written by `train-syntax`)
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// Prints the syntax of an article, or of given words, as CoNLL-U.
pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let loaded;
    let model = match &args.model {
        Some(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            loaded = syntax::Model::from_bytes(&bytes)
                .map_err(|e| anyhow::anyhow!("loading {}: {e}", path.display()))?;
            &loaded
        }
        None => syntax::model().map_err(|e| anyhow::anyhow!("loading the syntax model: {e}"))?,
    };
    let mut out = String::new();
    if args.conllu {
        let mut text = String::new();
        let limit = crate::input::limit(crate::input::Kind::Import);
        std::io::stdin()
            .take(limit + 1)
            .read_to_string(&mut text)
            .context("reading standard input")?;
        if text.len() as u64 > limit {
            anyhow::bail!(
                "standard input is longer than {} (raise the limit with --max-file-size)",
                crate::input::Size(limit)
            );
        }
        let mut sentences = conllu::read(&text).map_err(|e| anyhow::anyhow!("<stdin>:{e}"))?;
        for s in &mut sentences {
            syntax::fill(model, s);
            s.write(&mut out);
        }
    } else {
        let path = args.file.expect("clap requires a file without --conllu");
        let doc = ingest::read(&path)?;
        for (i, s) in syntax::parse_document(model, &doc).iter().enumerate() {
            s.to_conllu(&doc, &format!("{}-{}", doc.id, i + 1))
                .write(&mut out);
        }
    }
    out!("{out}")?;
    Ok(ExitCode::SUCCESS)
}
