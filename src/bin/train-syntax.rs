//! Train the syntax model: `cargo run --release --bin train-syntax -- --ud ../shared/ud`.
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Train the tagger, lemmatiser and parser on UD English-EWT and write the model file.
#[derive(Parser)]
struct Args {
    /// Folder holding en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu.
    #[arg(long, default_value = "../shared/ud")]
    ud: PathBuf,
    /// Where to write the model.
    #[arg(short, long, default_value = "data/syntax/en_ewt.model")]
    output: PathBuf,
    #[arg(long, default_value_t = 8)]
    tagger_epochs: usize,
    #[arg(long, default_value_t = 12)]
    parser_epochs: usize,
    /// Folds of the jackknife that tags the parser's training data.
    #[arg(long, default_value_t = 5)]
    folds: usize,
    #[arg(long, default_value_t = 2016)]
    seed: u64,
    /// Averaged tagger weights smaller than this are left out of the model.
    #[arg(long, default_value_t = 0.05)]
    tagger_prune: f64,
    /// Averaged parser weights smaller than this are left out of the model: the parser has
    /// ten times the features, and most of its size is in rare ones.
    #[arg(long, default_value_t = 0.8)]
    parser_prune: f64,
    /// Parsers trained side by side from consecutive seeds, whose averaged weights are
    /// added up into one (an ensemble at the cost of one parser at run time).
    #[arg(long, default_value_t = 4)]
    ensemble: usize,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match rashomon::syntax::train::run(
        &args.ud,
        &args.output,
        &rashomon::syntax::train::Options {
            tagger_epochs: args.tagger_epochs,
            parser_epochs: args.parser_epochs,
            folds: args.folds,
            seed: args.seed,
            tagger_prune: args.tagger_prune,
            parser_prune: args.parser_prune,
            ensemble: args.ensemble,
        },
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
