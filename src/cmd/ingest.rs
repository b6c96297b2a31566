use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::ingest::{self, Document, Format, SegmentKind};

/// Arguments of `rashomon ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (.txt, .md, .html) or folders of them
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

/// Shows how each article was read: id, format, metadata, warnings, and every segment.
pub fn execute(args: Args) -> anyhow::Result<ExitCode> {
    let docs = ingest::read_all(&args.paths)?;
    let out = if args.json {
        let views: Vec<DocView> = docs.iter().map(DocView::of).collect();
        let mut s = serde_json::to_string_pretty(&views)?;
        s.push('\n');
        s
    } else {
        docs.iter().map(text_report).collect()
    };
    out!("{out}")?;
    Ok(ExitCode::SUCCESS)
}

const PREVIEW_CHARS: usize = 60;

/// The first characters of a segment on one line.
fn preview(s: &str) -> String {
    let flat: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = flat.char_indices();
    match chars.nth(PREVIEW_CHARS) {
        Some((i, _)) => format!("{}\u{2026}", &flat[..i]),
        None => flat,
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Html => "html",
    }
}

fn kind_name(k: &SegmentKind) -> &'static str {
    match k {
        SegmentKind::FrontMatter => "front-matter",
        SegmentKind::Headline => "headline",
        SegmentKind::Byline => "byline",
        SegmentKind::Body => "body",
        SegmentKind::Caption => "caption",
        SegmentKind::Boilerplate => "boilerplate",
        SegmentKind::Comment { .. } => "comment",
        SegmentKind::CommentMeta => "comment-meta",
    }
}

fn text_report(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}  {}",
        doc.id,
        format_name(doc.format),
        doc.path.display()
    );
    let m = &doc.meta;
    let fields = [
        ("title", m.title.clone()),
        ("outlet", m.outlet.clone()),
        ("author", m.author.clone()),
        ("url", m.url.clone()),
        ("published", m.published.map(|w| w.to_string())),
        ("language", m.language.clone()),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            let _ = writeln!(out, "  {name}: {v}");
        }
    }
    for w in &doc.warnings {
        let _ = writeln!(out, "  warning: {w}");
    }
    for s in &doc.segments {
        let mut kind = kind_name(&s.kind).to_string();
        if let SegmentKind::Comment { author, posted } = &s.kind {
            let who = author.as_deref().unwrap_or("?");
            match posted {
                Some(p) => kind = format!("comment[{who} @ {}]", p.format("%Y-%m-%d %H:%M")),
                None => kind = format!("comment[{who}]"),
            }
        }
        let range = format!("{}..{}", s.start, s.end);
        let _ = writeln!(out, "  {kind:<14} {range:<13} {}", preview(doc.slice(s)));
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct DocView<'a> {
    id: &'a str,
    path: String,
    format: &'static str,
    meta: MetaView<'a>,
    warnings: &'a [String],
    segments: Vec<SegmentView<'a>>,
}

#[derive(Serialize)]
struct MetaView<'a> {
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    published: Option<String>,
    language: Option<&'a str>,
}

#[derive(Serialize)]
struct SegmentView<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    posted: Option<String>,
    preview: String,
}

impl<'a> DocView<'a> {
    fn of(doc: &'a Document) -> DocView<'a> {
        let m = &doc.meta;
        DocView {
            id: &doc.id,
            path: doc.path.display().to_string(),
            format: format_name(doc.format),
            meta: MetaView {
                title: m.title.as_deref(),
                outlet: m.outlet.as_deref(),
                author: m.author.as_deref(),
                url: m.url.as_deref(),
                published: m.published.map(|w| w.to_string()),
                language: m.language.as_deref(),
            },
            warnings: &doc.warnings,
            segments: doc
                .segments
                .iter()
                .map(|s| {
                    let (author, posted) = match &s.kind {
                        SegmentKind::Comment { author, posted } => (
                            author.as_deref(),
                            posted.map(|p| p.format("%Y-%m-%dT%H:%M:%S").to_string()),
                        ),
                        _ => (None, None),
                    };
                    SegmentView {
                        kind: kind_name(&s.kind),
                        start: s.start,
                        end: s.end,
                        author,
                        posted,
                        preview: preview(doc.slice(s)),
                    }
                })
                .collect(),
        }
    }
}
