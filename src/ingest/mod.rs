//! Reading articles: plain text, Markdown and HTML, with optional YAML front matter.
//! Separates the article from reader comments and page furniture.
//!
//! `read` / `read_all` / `read_str` give a [`Document`]: its text (for text and Markdown the
//! file itself, so offsets are file offsets; for HTML the extracted article text), metadata,
//! warnings, and ordered, non-overlapping [`Segment`]s saying what each part of the text is.

mod byline;
mod caption;
mod comment;
mod decode;
pub mod document;
mod error;
mod frontmatter;
mod furniture;
mod html;
mod html_meta;
pub(crate) mod lines;
mod prose;
mod read;
mod segment;
mod thread;

pub use document::{Document, Format, Meta, Segment, SegmentKind};
pub use error::IngestError;
pub use read::{Read, read, read_all, read_each, read_str};
