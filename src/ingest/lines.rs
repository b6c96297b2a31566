//! The text as lines: the unit every classifier looks at. Blank lines separate blocks
//! (paragraphs); `\r\n` endings are handled here so the text itself stays byte-exact.

use std::borrow::Cow;

use super::document::SegmentKind;

/// A non-blank line of the text.
#[derive(Debug)]
pub(crate) struct Line<'a> {
    /// Byte range of the line's content, surrounding white space excluded.
    pub start: usize,
    pub end: usize,
    /// The content with Markdown/HTML markup removed, for the classifiers.
    pub plain: Cow<'a, str>,
    /// Index of the block (run of lines without a blank line between them).
    pub block: usize,
    /// How many blank lines come right before this one.
    pub blanks_before: usize,
    /// What the page structure says this line is (HTML only).
    pub hint: Option<SegmentKind>,
}

/// A stretch of extracted text the page structure has already classified.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hint {
    pub start: usize,
    pub end: usize,
    pub kind: SegmentKind,
}

/// Split `text[from..]` into non-blank lines. `hints` must be sorted by start.
pub(crate) fn split<'a>(text: &'a str, from: usize, hints: &[Hint]) -> Vec<Line<'a>> {
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut offset = from;
    let mut block = 0usize;
    let mut blanks = 0usize;
    let mut hint_at = 0usize;
    for piece in text[from..].split('\n') {
        let piece_start = offset;
        offset += piece.len() + 1;
        let trimmed_start = piece.trim_start();
        let content = trimmed_start.trim_end();
        if content.is_empty() {
            blanks += 1;
            continue;
        }
        let start = piece_start + (piece.len() - trimmed_start.len());
        let end = start + content.len();
        if blanks > 0 && !lines.is_empty() {
            block += 1;
        }
        while hint_at < hints.len() && hints[hint_at].end <= start {
            hint_at += 1;
        }
        let hint = hints
            .get(hint_at)
            .filter(|h| h.start <= start)
            .map(|h| h.kind.clone());
        lines.push(Line {
            start,
            end,
            plain: strip_markup(content),
            block,
            blanks_before: blanks,
            hint,
        });
        blanks = 0;
    }
    lines
}

/// Remove what Markdown and stray inline HTML add to a line: heading and quote markers,
/// list bullets, emphasis markers, tags. Borrowed when there is nothing to remove.
pub(crate) fn strip_markup(line: &str) -> Cow<'_, str> {
    let mut s = line;
    // Most lines start with a letter, a digit or a quote: no markers to strip.
    let plain_start = s
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'"' || b == b'(');
    if !plain_start {
        loop {
            let before = s.len();
            s = s
                .trim_start_matches('#')
                .trim_start_matches('>')
                .trim_start();
            for bullet in [
                "- ", "* ", "+ ", "\u{2022}", "\u{b7}", "\u{25aa}", "\u{25cf}",
            ] {
                if let Some(rest) = s.strip_prefix(bullet) {
                    s = rest.trim_start();
                }
            }
            if s.len() == before {
                break;
            }
        }
    }
    let needs_work = memchr::memchr3(b'<', b'*', b'_', s.as_bytes()).is_some();
    if !needs_work {
        return Cow::Borrowed(s.trim_end_matches(['#', ' ']));
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(['<', '*', '_']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("**").or_else(|| tail.strip_prefix("__")) {
            rest = after;
        } else if let Some(after) = tail.strip_prefix('<') {
            match tag_len(tail) {
                Some(n) => rest = &tail[n..],
                None => {
                    out.push('<');
                    rest = after;
                }
            }
        } else {
            // A lone `*` or `_` is text (or single emphasis, harmless to keep).
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        Cow::Owned(out)
    } else {
        Cow::Owned(trimmed.to_string())
    }
}

/// Length of an inline tag such as `<u>`, `</u>`, `<a href="...">` at the start of `s`.
fn tag_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let first = *bytes.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/') {
        return None;
    }
    let close = s.bytes().take(300).position(|b| b == b'>')?;
    Some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_blocks_and_crlf() {
        let text = "Title\r\n\r\n  First line\r\nsecond\r\n\r\n\r\nlast";
        let lines = split(text, 0, &[]);
        let got: Vec<_> = lines
            .iter()
            .map(|l| (&text[l.start..l.end], l.block, l.blanks_before))
            .collect();
        assert_eq!(
            got,
            [
                ("Title", 0, 0),
                ("First line", 1, 1),
                ("second", 1, 0),
                ("last", 2, 2)
            ]
        );
    }

    #[test]
    fn markup_is_stripped() {
        assert_eq!(strip_markup("## **Become a Member**"), "Become a Member");
        assert_eq!(
            strip_markup("By <u>Jo Bloggs</u> Daily"),
            "By Jo Bloggs Daily"
        );
        assert_eq!(strip_markup("  \u{2022} a point"), "a point");
        assert_eq!(strip_markup("x < y and a_b"), "x < y and a_b");
    }
}
