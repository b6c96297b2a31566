//! The temporal tagger: finds temporal expressions in English news text and normalises
//! them to TIMEX3 values and EDTF [`When`]s, anchored to the document date (DCT) and to
//! each other.
//!
//! ```
//! use chrono::NaiveDate;
//! let dct = NaiveDate::from_ymd_opt(2016, 9, 20);
//! let found = rashomon::dates::tag("The strike on Saturday night killed 62.", dct);
//! assert_eq!(found[0].value, "2016-09-17TNI");
//! ```
//!
//! One pass tokenises the text and classifies each word against a lexicon; hand-written
//! rules then run only at words that can start an expression (see [`parse`]), and each
//! match is anchored in order, so "two days later" counts from the expression before it.
//!
//! # Limitations
//! English only. Tense is guessed from nearby auxiliaries and "-ed" forms, not parsed.
//! Ranges ("30 to 45 days", "September 17-18") keep their first value. Yearless dates
//! with no DCT stay unresolved (`XXXX-09-19`).

pub mod calendar;
pub mod dct;
pub mod expr;
pub mod lexicon;
pub mod normalize;
pub mod parse;
pub mod relative;
pub mod scan;
pub mod tense;
mod timex;

use chrono::NaiveDate;

use crate::ingest::{Document, SegmentKind};
pub use crate::timeline::When;
pub use dct::{Confidence, Dct, DctSource, infer_dct};
pub use timex::{Anchor, Timex, TimexType};

use relative::Context;
use scan::Token;

/// Texts longer than this are tagged in pieces split at line breaks (token offsets are
/// 32-bit).
const PIECE: usize = 1 << 30;

/// Temporal expressions in `text`, sorted by start and not overlapping, anchored to `dct`
/// when given.
pub fn tag(text: &str, dct: Option<NaiveDate>) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut ctx = Context::new(dct);
    let mut toks = Vec::new();
    tag_into(text, 0, &mut ctx, &mut toks, &mut out);
    out.into_iter().map(|d| d.timex).collect()
}

/// Temporal expressions in the parts of `doc` that carry prose (body, headline, byline,
/// captions, comments), with offsets into `doc.text`. The article shares one narrative
/// context anchored to `dct`; each comment is anchored to its own `posted` date when it
/// has one.
pub fn tag_document(doc: &Document, dct: Option<NaiveDate>) -> Vec<Timex> {
    tag_document_detail(doc, dct)
        .into_iter()
        .map(|d| d.timex)
        .collect()
}

/// A tagged expression with what the grammar saw in it, for the DCT inference.
#[derive(Debug, Clone)]
pub(crate) struct Detail {
    pub timex: Timex,
    pub expr: expr::Expr,
    pub tense: tense::Tense,
}

pub(crate) fn tag_document_detail(doc: &Document, dct: Option<NaiveDate>) -> Vec<Detail> {
    let mut out = Vec::new();
    let mut article = Context::new(dct);
    let mut toks = Vec::new();
    for seg in &doc.segments {
        let Some(slice) = doc.text.get(seg.start..seg.end) else {
            continue;
        };
        match &seg.kind {
            SegmentKind::Body
            | SegmentKind::Headline
            | SegmentKind::Byline
            | SegmentKind::Caption => {
                tag_into(slice, seg.start, &mut article, &mut toks, &mut out);
            }
            SegmentKind::Comment { posted, .. } => {
                let anchor = posted.map(|p| p.date()).or(dct);
                let mut ctx = Context::new(anchor);
                tag_into(slice, seg.start, &mut ctx, &mut toks, &mut out);
            }
            SegmentKind::FrontMatter | SegmentKind::Boilerplate | SegmentKind::CommentMeta => {}
        }
    }
    out.sort_by_key(|d| d.timex.start);
    out
}

/// Whether offset `at` of a paragraph starting at `para_start` lies inside a quotation: an
/// odd number of curly opening marks before it on the line, or a line that closes a quotation
/// it never opened (a quoted paragraph).
fn in_quotation(text: &str, para_start: usize, at: usize) -> bool {
    let before = &text[para_start..at];
    let opens = before.matches('“').count();
    let closes = before.matches('”').count();
    if opens > closes {
        return true;
    }
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let after = &text[at..line_end];
    opens == 0 && after.contains('”') && !after.contains('“')
}

/// Tag `text` (which sits at byte `base` of the document), appending to `out`.
fn tag_into(
    text: &str,
    base: usize,
    ctx: &mut Context,
    toks: &mut Vec<Token>,
    out: &mut Vec<Detail>,
) {
    let mut offset = 0;
    while offset < text.len() {
        let mut end = (offset + PIECE).min(text.len());
        if end < text.len() {
            end = text[..end]
                .rfind('\n')
                .filter(|&e| e > offset)
                .map_or(end, |e| e + 1);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        let piece = &text[offset..end];
        scan::tokenize(piece, toks);
        let p = parse::Parser::new(toks, piece);
        let mut paragraph = None;
        for f in parse::find_all(&p) {
            let s = toks[f.start].start as usize;
            let para_start = piece[..s].rfind('\n').map_or(0, |i| i + 1);
            if paragraph != Some(para_start) {
                if paragraph.is_some() || para_start > 0 || base + offset > 0 {
                    ctx.new_paragraph();
                }
                paragraph = Some(para_start);
            }
            ctx.set_opens_paragraph(piece[para_start..s].split_whitespace().count() <= 2);
            ctx.set_quoted(in_quotation(piece, para_start, s));
            let tense = tense::around(toks, piece, f.start, f.end);
            let r = ctx.resolve(&f, tense);
            let e = toks[f.end - 1].end as usize;
            out.push(Detail {
                timex: Timex {
                    start: base + offset + s,
                    end: base + offset + e,
                    text: piece[s..e].to_string(),
                    kind: r.kind,
                    value: r.value,
                    when: r.when,
                    anchor: r.anchor,
                },
                expr: f.expr,
                tense,
            });
        }
        offset = end;
    }
}
