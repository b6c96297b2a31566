//! Splitting a text into segments: headline, bylines, article body, captions, page
//! furniture, and the reader-comment thread.
//!
//! Everything works on lines and blocks (paragraphs) in one pass each: classify each line from
//! its own text, find the thread, then fix up lines from their neighbours (a caption's first
//! line, a short line between two furniture lines). No step looks further than a few blocks,
//! so the whole is linear in the text.

use std::ops::Range;

use super::byline;
use super::caption;
use super::comment;
use super::document::{Segment, SegmentKind};
use super::furniture;
use super::lines::{self, Hint, Line};
use super::thread;

/// A line this long (or a shorter one with two sentences) is article prose: the top of the
/// article (headline, bylines, standfirst) ends before it.
const BODY_LINE_BYTES: usize = 200;
/// The top of the article is at most this many lines.
const MAX_HEADER_LINES: usize = 12;

/// What a line is; a byline may end in a tag list that is furniture.
#[derive(Debug, Clone)]
struct Label {
    kind: SegmentKind,
    /// From this byte offset on, the rest of the line is furniture.
    furniture_from: Option<usize>,
}

impl Label {
    fn of(kind: SegmentKind) -> Label {
        Label {
            kind,
            furniture_from: None,
        }
    }
}

/// Segment `text[from..]`. `hints` (sorted) are stretches the page structure has classified.
pub(crate) fn segment(text: &str, from: usize, hints: &[Hint]) -> Vec<Segment> {
    let lines = lines::split(text, from, hints);
    if lines.is_empty() {
        return Vec::new();
    }
    let blocks = blocks(&lines);
    let furniture: Vec<bool> = lines
        .iter()
        .map(|l| l.hint.is_none() && furniture::is_furniture(&l.plain))
        .collect();
    let header_end = header_end(&lines, &furniture);
    let thread_start = thread::detect(&lines, &blocks, header_end, &furniture);
    let article_end = thread_start.unwrap_or(lines.len());

    let mut labels = Vec::with_capacity(lines.len());
    let mut headline_seen = lines.iter().any(|l| l.hint == Some(SegmentKind::Headline));
    for (i, line) in lines[..article_end].iter().enumerate() {
        let label = if let Some(hint) = &line.hint {
            Label::of(hint.clone())
        } else if furniture[i] {
            Label::of(SegmentKind::Boilerplate)
        } else if i < header_end {
            header_line(text, line, &mut headline_seen)
        } else {
            body_line(line)
        };
        if matches!(label.kind, SegmentKind::Body | SegmentKind::Headline) {
            headline_seen = true;
        }
        labels.push(label);
    }
    if let Some(start) = thread_start {
        labels.extend(
            thread::label(&lines, start, &furniture)
                .into_iter()
                .map(Label::of),
        );
    }
    captions(&lines, &blocks, &mut labels, article_end);
    header_captions(&lines, &blocks, &mut labels, header_end.min(article_end));
    furniture_between(&lines, &mut labels, article_end);
    assemble(text, &lines, &labels)
}

/// Line ranges of blocks.
fn blocks(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(b) if lines[b.start].block == line.block => b.end = i + 1,
            _ => out.push(i..i + 1),
        }
    }
    out
}

/// Index of the first line of article prose: a long line, or failing that (short
/// articles) the first full sentence of some length, or failing that the second line.
fn header_end(lines: &[Line], furniture: &[bool]) -> usize {
    let candidates = || {
        lines
            .iter()
            .enumerate()
            .take(MAX_HEADER_LINES)
            .filter(|(i, l)| !furniture[*i] && matches!(l.hint, None | Some(SegmentKind::Body)))
    };
    candidates()
        .find(|(_, l)| is_prose(&l.plain))
        .or_else(|| {
            candidates().find(|(_, l)| l.plain.len() >= 80 && caption::ends_sentence(&l.plain))
        })
        .map_or(lines.len().min(1), |(i, _)| i)
}

fn is_prose(plain: &str) -> bool {
    plain.len() >= BODY_LINE_BYTES || (plain.len() >= 100 && sentences(plain) >= 2)
}

/// A rough sentence count: terminal punctuation followed by a space and a capital.
fn sentences(plain: &str) -> usize {
    let b = plain.as_bytes();
    let inner = b
        .windows(3)
        .filter(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1] == b' ' && w[2].is_ascii_uppercase())
        .count();
    inner + usize::from(caption::ends_sentence(plain))
}

/// A line at the top of the article.
fn header_line(text: &str, line: &Line, headline_seen: &mut bool) -> Label {
    let p: &str = &line.plain;
    if byline::is_dateline(p) {
        return Label::of(SegmentKind::Byline);
    }
    if byline::is_byline(p, true) {
        // "By X Outlet, date Region: ... Theme: ...": the tag list is furniture.
        let raw = &text[line.start..line.end];
        let furniture_from = furniture::tag_line_at(raw)
            .filter(|&at| at > 0)
            .map(|at| line.start + at);
        return Label {
            kind: SegmentKind::Byline,
            furniture_from,
        };
    }
    if caption::is_credit(p) || caption::is_markdown_image(p) {
        return Label::of(SegmentKind::Caption);
    }
    // "(Repeats story published late Tuesday)", "[Updated with police statement]": an
    // editor's note on the copy, not its headline; like a byline, it may carry a date.
    if editors_note(p) {
        return Label::of(SegmentKind::Byline);
    }
    if !*headline_seen {
        *headline_seen = true;
        if p.len() <= 250 && !p.ends_with('.') {
            return Label::of(SegmentKind::Headline);
        }
        return Label::of(SegmentKind::Body);
    }
    if p.split_whitespace().count() >= 2 && comment::is_name_like(p, false) {
        // An author's name under the headline.
        return Label::of(SegmentKind::Byline);
    }
    Label::of(SegmentKind::Body)
}

/// A line wholly in brackets.
fn editors_note(p: &str) -> bool {
    let p = p.trim();
    let inner = p
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| p.strip_prefix('[').and_then(|r| r.strip_suffix(']')));
    inner.is_some_and(|i| !i.contains([')', ']', '(', '[']) && i.split_whitespace().count() >= 2)
}

/// A line of the article after its top.
fn body_line(line: &Line) -> Label {
    let p: &str = &line.plain;
    if caption::is_credit(p) || caption::is_markdown_image(p) {
        Label::of(SegmentKind::Caption)
    } else if byline::is_dateline(p) || byline::is_byline(p, false) {
        Label::of(SegmentKind::Byline)
    } else {
        Label::of(SegmentKind::Body)
    }
}

/// Caption lines that are only captions because of their neighbours: the short line above a
/// credit, and two short lines alone in a block ("title" + description) in a text whose
/// paragraphs are otherwise single lines.
fn captions(lines: &[Line], blocks: &[Range<usize>], labels: &mut [Label], end: usize) {
    let is_body =
        |labels: &[Label], i: usize| labels[i].kind == SegmentKind::Body && lines[i].hint.is_none();
    for i in 1..end {
        if labels[i].kind == SegmentKind::Caption
            && lines[i - 1].block == lines[i].block
            && is_body(labels, i - 1)
            && caption::is_short_caption_line(&lines[i - 1].plain)
        {
            labels[i - 1].kind = SegmentKind::Caption;
        }
    }
    let body_blocks: Vec<&Range<usize>> = blocks
        .iter()
        .filter(|b| b.end <= end && (b.start..b.end).all(|i| is_body(labels, i)))
        .collect();
    let single = body_blocks.iter().filter(|b| b.len() == 1).count();
    if body_blocks.len() < 4 || single * 10 < body_blocks.len() * 7 {
        return;
    }
    for b in body_blocks {
        if b.len() == 2
            && b.clone()
                .all(|i| caption::is_short_caption_line(&lines[i].plain))
            && !caption::ends_sentence(&lines[b.start].plain)
        {
            for i in b.clone() {
                labels[i].kind = SegmentKind::Caption;
            }
        }
    }
}

/// At the top, a one-sentence line between bylines and furniture is a photo's caption.
fn header_captions(
    lines: &[Line],
    blocks: &[Range<usize>],
    labels: &mut [Label],
    header_end: usize,
) {
    let framing = |k: &SegmentKind| matches!(k, SegmentKind::Byline | SegmentKind::Boilerplate);
    for b in blocks
        .iter()
        .filter(|b| b.len() == 1 && b.start < header_end)
    {
        let i = b.start;
        if i == 0 || i + 1 >= labels.len() || lines[i].hint.is_some() {
            continue;
        }
        if labels[i].kind == SegmentKind::Body
            && lines[i].plain.len() <= 160
            && sentences(&lines[i].plain) <= 1
            && !reports_speech(&lines[i].plain)
            && framing(&labels[i - 1].kind)
            && framing(&labels[i + 1].kind)
        {
            labels[i].kind = SegmentKind::Caption;
        }
    }
}

/// A lede reports who said what; a caption describes a picture.
fn reports_speech(plain: &str) -> bool {
    [" said", " says", " told", "according to", " announced"]
        .iter()
        .any(|w| plain.contains(w))
}

/// A short line between two furniture lines (or after furniture at the very end) is
/// furniture too: "Articles by: X", a bare outlet name in a footer.
fn furniture_between(lines: &[Line], labels: &mut [Label], end: usize) {
    for i in 1..end {
        let next_is_furniture =
            i + 1 >= labels.len() || labels[i + 1].kind == SegmentKind::Boilerplate;
        if labels[i].kind == SegmentKind::Body
            && lines[i].hint.is_none()
            && lines[i].plain.len() <= 120
            && labels[i - 1].kind == SegmentKind::Boilerplate
            && next_is_furniture
        {
            labels[i].kind = SegmentKind::Boilerplate;
        }
    }
}

/// Turn line labels into segments, merging lines of one block with the same label.
fn assemble(text: &str, lines: &[Line], labels: &[Label]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(lines.len());
    let mut last_block = usize::MAX;
    for (line, label) in lines.iter().zip(labels) {
        let mut push = |kind: &SegmentKind, start: usize, end: usize, same_block: bool| {
            if start >= end {
                return;
            }
            match out.last_mut() {
                Some(prev) if same_block && prev.kind == *kind => prev.end = end,
                _ => out.push(Segment {
                    kind: kind.clone(),
                    start,
                    end,
                }),
            }
        };
        let same_block = line.block == last_block;
        match label.furniture_from {
            Some(at) => {
                let head_end = line.start + text[line.start..at].trim_end().len();
                push(&label.kind, line.start, head_end, same_block);
                push(&SegmentKind::Boilerplate, at, line.end, false);
            }
            None => push(&label.kind, line.start, line.end, same_block),
        }
        last_block = line.block;
    }
    out
}
