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
pub mod url;

use chrono::{Datelike, NaiveDate};

use crate::ingest::{Document, SegmentKind};
pub use crate::timeline::When;
pub use dct::{Confidence, Dct, DctSource, infer_dct};
pub use timex::{Anchor, Timex, TimexType};

use relative::Context;
use scan::Token;

/// Texts longer than this are tagged in pieces split at line breaks (token offsets are
/// 32-bit).
const PIECE: usize = 1 << 30;

/// Whether a date can anchor relative expressions: years 1 to 9999, as ISO 8601 writes them
/// without signs. Outside them, "tomorrow" may not exist.
pub fn in_range(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

/// A document date as given on the command line (`--dct 2016-09-17`): a day between the years
/// 1 and 9999.
pub fn parse_dct(text: &str) -> Result<NaiveDate, String> {
    let d: NaiveDate = text
        .parse()
        .map_err(|_| format!("`{text}` is not a day as YYYY-MM-DD"))?;
    if in_range(d) {
        Ok(d)
    } else {
        Err(format!("`{text}` is outside the years 1 to 9999"))
    }
}

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

/// What the tagger asks about the text before each expression (where its paragraph starts,
/// whether it opens it, whether it sits in a quotation), kept up to date as expressions come
/// in order, so that each answer costs the text since the last one: a paragraph of 20,000
/// dates is read once, not once per date.
#[derive(Debug, Default)]
struct Before {
    /// Everything before `pos` has been counted.
    pos: usize,
    para_start: usize,
    /// Words (runs of non-space) between `para_start` and `pos`, and whether `pos` is inside one.
    words: usize,
    in_word: bool,
    /// Curly quotation marks between `para_start` and `pos`.
    opens: usize,
    closes: usize,
    /// The next line break, closing and opening mark at or after some earlier position (the
    /// text's length when there is none): still right while they are not before `pos`.
    next_break: Option<usize>,
    next_close: Option<usize>,
    next_open: Option<usize>,
}

/// What [`Before`] tells about one expression.
struct Around {
    para_start: usize,
    opens_paragraph: bool,
    quoted: bool,
}

impl Before {
    /// Facts about offset `at` of `text`. Offsets come in increasing order; one before the last
    /// starts the count again.
    fn at(&mut self, text: &str, at: usize) -> Around {
        if at < self.pos {
            *self = Before::default();
        }
        let mut from = self.pos;
        if let Some(i) = memchr::memrchr(b'\n', &text.as_bytes()[from..at]) {
            from += i + 1;
            self.para_start = from;
            self.words = 0;
            self.in_word = false;
            self.opens = 0;
            self.closes = 0;
        }
        for c in text[from..at].chars() {
            if c.is_whitespace() {
                self.in_word = false;
            } else {
                if !self.in_word {
                    self.words += 1;
                }
                self.in_word = true;
                match c {
                    '“' => self.opens += 1,
                    '”' => self.closes += 1,
                    _ => {}
                }
            }
        }
        self.pos = at;
        // Inside a quotation: more marks opened than closed before it in the paragraph, or a
        // line that closes a quotation it never opened (a quoted paragraph).
        let quoted = self.opens > self.closes || {
            let next = |cache: &mut Option<usize>, needle: &str| {
                if cache.is_none_or(|p| p < at) {
                    *cache = Some(text[at..].find(needle).map_or(text.len(), |i| at + i));
                }
                cache.unwrap_or(text.len())
            };
            let line_end = next(&mut self.next_break, "\n");
            let close = next(&mut self.next_close, "”");
            let open = next(&mut self.next_open, "“");
            self.opens == 0 && close < line_end && open >= line_end
        };
        Around {
            para_start: self.para_start,
            opens_paragraph: self.words <= 2,
            quoted,
        }
    }
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
        let mut before = Before::default();
        for f in parse::find_all(&p) {
            let s = toks[f.start].start as usize;
            let around = before.at(piece, s);
            let para_start = around.para_start;
            if paragraph != Some(para_start) {
                if paragraph.is_some() || para_start > 0 || base + offset > 0 {
                    ctx.new_paragraph();
                }
                paragraph = Some(para_start);
            }
            ctx.set_opens_paragraph(around.opens_paragraph);
            ctx.set_quoted(around.quoted);
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

#[cfg(test)]
mod tests {
    use super::Before;

    /// The answers as they were computed before they were kept up to date: from scratch.
    fn from_scratch(text: &str, at: usize) -> (usize, bool, bool) {
        let para_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let opens_paragraph = text[para_start..at].split_whitespace().count() <= 2;
        let before = &text[para_start..at];
        let opens = before.matches('“').count();
        let closes = before.matches('”').count();
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let after = &text[at..line_end];
        let quoted = opens > closes || (opens == 0 && after.contains('”') && !after.contains('“'));
        (para_start, opens_paragraph, quoted)
    }

    #[test]
    fn kept_up_to_date_answers_are_the_answers_from_scratch() {
        let pieces = [
            "a", "word", " ", "  ", "\n", "“", "”", "é", "\t", "x”", "“y",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..300 {
            let mut text = String::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let mut before = Before::default();
            let mut at = 0;
            while at <= text.len() {
                if text.is_char_boundary(at) {
                    let got = before.at(&text, at);
                    assert_eq!(
                        (got.para_start, got.opens_paragraph, got.quoted),
                        from_scratch(&text, at),
                        "{text:?} at {at}"
                    );
                }
                at += 1 + (seed % 3) as usize;
            }
        }
    }
}
