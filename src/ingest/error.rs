//! Why an article could not be read.

use std::path::PathBuf;

/// A file that could not be ingested. Encoding problems are never errors (they become
/// warnings on the document); these are.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}:{line}:{col}: front matter: {message}")]
    FrontMatter {
        file: String,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{file}: the file is empty")]
    Empty { file: String },
    #[error("{file}: no article text found in the page")]
    NoText { file: String },
}
