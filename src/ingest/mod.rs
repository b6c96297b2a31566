//! Reading articles: plain text, Markdown and HTML, with optional YAML front matter.
//! Separates the article from reader comments and page furniture.

pub mod document;

pub use document::{Document, Format, Meta, Segment, SegmentKind};
