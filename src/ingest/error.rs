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
    /// The file could not be read, or is over a limit.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
    /// A binary file with an article's extension: a PDF renamed `.txt`, an image.
    #[error("{file}: not an article: it looks like {what}")]
    Binary {
        /// The file's name, as given.
        file: String,
        /// What it looks like.
        what: &'static str,
    },
    /// Text that is not prose: a run of one character, an encoded blob, a dump of symbols.
    #[error("{file}: not an article: it {reason}")]
    NotProse {
        /// The file's name, as given.
        file: String,
        /// Why it is not taken for prose.
        reason: String,
    },
}
