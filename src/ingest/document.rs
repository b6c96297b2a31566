//! An ingested article: its text, where each part of it is, and what we know about it.
//!
//! Offsets are byte offsets into `text`. For `.txt` and `.md` files `text` is the file itself
//! (front matter included), so spans are offsets into the file on disk; for `.html` it is the
//! article text extracted from the page.

use std::path::PathBuf;

use crate::timeline::When;

/// One article, read and segmented.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// A source id derived from the file name: lower case, `[a-z0-9-]`, unique in a run.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// How the file is written.
    pub format: Format,
    /// What the file says about itself.
    pub meta: Meta,
    /// The text that spans refer to.
    pub text: String,
    /// Parts of `text` in order, not overlapping; gaps are blank space.
    pub segments: Vec<Segment>,
    /// Things the user should know: a decoding fallback, a page date that contradicts the text.
    pub warnings: Vec<String>,
}

/// How an article file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Plain text (`.txt`).
    #[default]
    Text,
    /// Markdown (`.md`).
    Markdown,
    /// An HTML page (`.html`, `.htm`).
    Html,
}

/// What the file says about itself (front matter, HTML `<meta>`, or found in the text).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// The byline's author.
    pub author: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The publication date as given by front matter or page metadata, if any.
    pub published: Option<When>,
    /// The language tag, when given (`en`).
    pub language: Option<String>,
}

/// A part of the text and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// What the part is.
    pub kind: SegmentKind,
    /// Byte offset of its start in [`Document::text`].
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
}

/// What a part of an article is.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentKind {
    /// The `---` block at the top of a text or Markdown file.
    FrontMatter,
    /// The title line.
    Headline,
    /// "By X", "Proletarian writers", an author line; may carry a date. A date on a line of
    /// its own ("JUNE 2023", "Published 21 Sep 2016") is a byline too, so that date inference
    /// sees it.
    Byline,
    /// Article prose: the only text whose claims belong to the outlet.
    Body,
    /// A photo caption or credit.
    Caption,
    /// Page furniture: navigation, share widgets, donation appeals, copyright, disclaimers,
    /// "Read more", "Subscribe to our channel".
    Boilerplate,
    /// A reader comment; `author` and `posted` when the thread shows them.
    Comment {
        /// The commenter, when the thread names them.
        author: Option<String>,
        /// When it was posted, when the thread says.
        posted: Option<chrono::NaiveDateTime>,
    },
    /// A commenter's name, a comment timestamp or "Reply to" line on its own.
    CommentMeta,
}

impl Document {
    /// The text of a segment.
    pub fn slice(&self, segment: &Segment) -> &str {
        &self.text[segment.start..segment.end]
    }

    /// The segment holding a byte offset.
    pub fn segment_at(&self, offset: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.end <= offset);
        self.segments.get(i).filter(|s| s.start <= offset)
    }

    /// Body segments: article prose whose claims belong to the outlet.
    pub fn body(&self) -> impl Iterator<Item = &Segment> {
        self.segments.iter().filter(|s| s.kind == SegmentKind::Body)
    }

    /// Comment segments.
    pub fn comments(&self) -> impl Iterator<Item = &Segment> {
        self.segments
            .iter()
            .filter(|s| matches!(s.kind, SegmentKind::Comment { .. }))
    }
}
