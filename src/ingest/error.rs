//! Why an article could not be read.

use std::path::PathBuf;

/// A file that could not be ingested. Encoding problems are never errors (they become
/// warnings on the document); these are.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("cannot read {}: {source}", path.display())]
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    #[error("{file}:{line}:{col}: front matter: {message}")]
    /// The front matter is not valid YAML.
    FrontMatter {
        /// The file's name, as given.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        col: usize,
        /// What is wrong.
        message: String,
    },
    #[error("{file}: the file is empty")]
    /// The file has nothing in it.
    Empty {
        /// The file's name, as given.
        file: String,
    },
    #[error("{file}: no article text found in the page")]
    /// The page has no article text once navigation and furniture are set aside.
    NoText {
        /// The file's name, as given.
        file: String,
    },
}
