//! Sentences and paragraphs of the parts of a document that make claims.
//!
//! News text puts one paragraph per line, so every line break ends a paragraph. Within a
//! line, a sentence ends at `.`, `!` or `?` (after any closing quotes or brackets) followed by
//! space and a capital, a digit or an opening quote, unless the full stop belongs to an
//! abbreviation ("U.S.", "Lt. Gen.", "Sept.") or an initial ("J. Smith").

use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::{Document, SegmentKind};

/// A news dateline opening a paragraph: the place in capitals, then a date, a region or the
/// agency, and a dash ("NEW YORK (AP) — ", "MELBRIDGE, Feb 13 (NNS) - ", "GENEVA, Switzerland
/// -- "). It heads the story; read as part of the first sentence it would be parsed as its
/// subject.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\*{1,2}|_{1,2})?[\p{Lu}][\p{Lu}.'’-]+(?: [\p{Lu}][\p{Lu}.'’-]+){0,3}(?:(?:, [^()\n—–*]{1,40}?)?(?: ?\([\p{L}][\p{L} .&/-]{0,30}\))|, [^()\n—–*]{1,40}?|[\p{Lu}]{2})(?:\*{1,2}|_{1,2})?(?: ?(?:—|–|--) ?| - ?|- )\p{Lu}",
    )
    .expect("static regex")
});

/// A dateline whose agency and dash were lost on the way (a copied wire story): the place in
/// capitals, perhaps a region, and a month and day, then the story ("GILZE-RIJEN,
/// Netherlands, Oct 13 Malaysia Airlines Flight 17 was ..."). Its date is when the story was
/// filed, not when anything in it happened.
static DATED_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\*{1,2}|_{1,2})?[\p{Lu}][\p{Lu}.'’-]+(?: [\p{Lu}][\p{Lu}.'’-]+){0,3}(?:, [\p{Lu}][\p{L}.'’ -]{1,30}?)?, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:\*{1,2}|_{1,2})? \p{Lu}",
    )
    .expect("static regex")
});

/// What part of the document a sentence is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voice {
    /// Headline, body prose or caption: the outlet's own text.
    Article,
    /// A reader comment, with its author when the thread shows one.
    Comment { author: Option<String> },
}

/// One sentence, by byte offsets into `Document::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (counted over the whole document).
    pub paragraph: usize,
    /// Index of the segment in `Document::segments`.
    pub segment: usize,
    pub voice: Voice,
    /// True for a headline.
    pub headline: bool,
}

impl Sentence {
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.start..self.end]
    }
}

/// Longest sentence, in bytes, that is read whole: far above any sentence of prose (a
/// long one is 400), so that text with no full stops (a run-on line, a list of thousands
/// of clauses) is parsed in pieces in linear time.
pub const MAX_SENTENCE: usize = 2_000;

/// Most sentences read as one paragraph.
pub const MAX_PARAGRAPH: usize = 60;

/// The sentence `line[s..e]`, cut into pieces of at most [`MAX_SENTENCE`] bytes, each at
/// the last clause break (`;`, `,`) or space before the limit.
fn bounded(line: &str, mut s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    while e - s > MAX_SENTENCE {
        let mut limit = s + MAX_SENTENCE;
        while !line.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &line[s..limit];
        let clause = [window.rfind("; "), window.rfind(", ")]
            .into_iter()
            .flatten()
            .max();
        let cut = clause
            .map(|i| i + 1)
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&i| i > 0)
            .map_or(limit, |i| s + i);
        push_trimmed(line, s, cut, &mut out);
        s = cut;
    }
    push_trimmed(line, s, e, &mut out);
    out
}

/// Abbreviations whose full stop does not end a sentence (compared case-insensitively, without
/// the final dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "adm",
    "cmdr", "gov", "sen", "rep", "rev", "st", "mt", "ft", "jr", "sr", "inc", "ltd", "co", "corp",
    "no", "nos", "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "est", "dept", "univ", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "a.m", "p.m", "u.s", "u.k", "u.n",
    "u.s.a", "e.u", "u.s.s.r", "d.c", "fig", "vol", "pp", "op", "ed", "eds",
];

/// Split the article and comment segments of a document into sentences.
pub fn split(doc: &Document) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0usize;
    for (index, segment) in doc.segments.iter().enumerate() {
        let (voice, headline) = match &segment.kind {
            SegmentKind::Body | SegmentKind::Caption => (Voice::Article, false),
            SegmentKind::Headline => (Voice::Article, true),
            SegmentKind::Comment { author, .. } => (
                Voice::Comment {
                    author: author.clone(),
                },
                false,
            ),
            _ => continue,
        };
        let text = &doc.text[segment.start..segment.end];
        for (offset, line) in paragraphs(text) {
            let base = segment.start + offset;
            let mut held = 0;
            for (s, e) in split_line(line)
                .into_iter()
                .flat_map(|(s, e)| bounded(line, s, e))
            {
                // Text with no paragraph breaks is read in bounded paragraphs, so that work
                // over a paragraph (attribution) stays linear in the document.
                if held == MAX_PARAGRAPH {
                    paragraph += 1;
                    held = 0;
                }
                held += 1;
                out.push(Sentence {
                    start: base + s,
                    end: base + e,
                    paragraph,
                    segment: index,
                    voice: voice.clone(),
                    headline,
                });
            }
            paragraph += 1;
        }
    }
    out
}

/// The paragraphs of a segment, with their offsets: its lines, or in text wrapped by hand at
/// a fixed width (wire copy, e-mail: most lines break mid-sentence), runs of lines that end
/// at a blank line or at a line that stops short of the width after a full stop.
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !line.trim().is_empty() {
            lines.push((at, line));
        }
        at += line.len();
    }
    let width = lines
        .iter()
        .map(|(_, l)| l.trim_end().chars().count())
        .max()
        .unwrap_or(0);
    let ends_sentence = |l: &str| {
        l.trim_end()
            .ends_with(['.', '!', '?', ':', '"', '”', '’', '\''])
    };
    let broken = lines.iter().filter(|(_, l)| !ends_sentence(l)).count();
    let wrapped = lines.len() >= 6 && width <= 100 && broken * 3 >= lines.len();
    if !wrapped {
        return lines;
    }
    let mut out: Vec<(usize, &str)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &(start, line)) in lines.iter().enumerate() {
        // A bulleted line opens a paragraph of its own; after a bullet, so does a line that
        // starts with a capital (a bullet's own lines run on in lower case).
        let after_bullet = |from: usize| {
            bulleted(&text[from..]) && line.trim_start().starts_with(char::is_uppercase)
        };
        if let Some((from, to)) = open.filter(|&(from, _)| bulleted(line) || after_bullet(from)) {
            out.push((from, &text[from..to]));
            open = None;
        }
        let (from, _) = open.unwrap_or((start, start));
        let end = start + line.len();
        // A blank line between this line and the next ends the paragraph too.
        let gap = lines.get(i + 1).is_none_or(|&(next, _)| next != end);
        let short = line.trim_end().chars().count() + 12 < width;
        if gap || ends_sentence(line) && short {
            out.push((from, &text[from..end]));
            open = None;
        } else {
            open = Some((from, end));
        }
    }
    out
}

/// A line that begins with a bullet: "* ", "- ", "• ".
fn bulleted(line: &str) -> bool {
    let l = line.trim_start();
    ["* ", "- ", "• ", "· "].iter().any(|b| l.starts_with(b))
}

/// Sentence ranges within one line, trimmed of surrounding space and bullets.
pub fn split_line(line: &str) -> Vec<(usize, usize)> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let opening = line.trim_start();
    if let Some(m) = DATELINE
        .find(opening)
        .or_else(|| DATED_DATELINE.find(opening))
    {
        let lead = line.len() - line.trim_start().len();
        // The match ends on the capital that opens the story.
        let story = lead + m.end() - m.as_str().chars().last().map_or(0, char::len_utf8);
        let dash = line[..story]
            .trim_end()
            .trim_end_matches(['-', '—', '–'])
            .trim_end()
            .trim_end_matches(['*', '_']);
        push_trimmed(line, 0, dash.len(), &mut out);
        start = story;
    }
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if matches!(c, b'.' | b'!' | b'?') {
            // Extend over runs like "?!" or "..." and closing quotes/brackets.
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                end += 1;
            }
            end = skip_closers(line, end);
            if is_boundary(line, start, i, end) {
                push_trimmed(line, start, end, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(line, start, line.len(), &mut out);
    out
}

/// Past closing quotes and brackets: `.”`, `.)`, `.’”`.
fn skip_closers(line: &str, mut end: usize) -> usize {
    loop {
        let rest = &line[end..];
        let Some(c) = rest.chars().next() else {
            return end;
        };
        if matches!(c, '"' | '\'' | ')' | ']' | '”' | '’' | '»') {
            end += c.len_utf8();
        } else {
            return end;
        }
    }
}

fn is_boundary(line: &str, start: usize, dot: usize, end: usize) -> bool {
    let rest = &line[end..];
    // A boundary needs space after it, then something that can start a sentence.
    let after = rest.trim_start_matches([' ', '\t', '\u{a0}', '\n', '\r']);
    if after.len() == rest.len() {
        return rest.trim().is_empty();
    }
    let Some(next) = after.chars().next() else {
        return true;
    };
    let starts_sentence = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(
            next,
            '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '…' | '-' | '—' | '•'
        );
    if !starts_sentence {
        return false;
    }
    if line.as_bytes()[dot] != b'.' || end - dot > 1 && line.as_bytes()[dot + 1] == b'.' {
        // "?" and "!" end sentences; so does an ellipsis followed by a capital.
        return true;
    }
    let word = last_word(&line[start..dot]);
    let lower = word.to_lowercase();
    // "No. 5" is a number; "No." on its own is an answer.
    if matches!(lower.as_str(), "no" | "nos") && !next.is_ascii_digit() {
        return true;
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "U.S. officials" continues; "in the U.S. The next day" is ambiguous: a following
        // capitalised function word suggests a new sentence.
        return next_word_is_sentence_opener(after)
            && matches!(lower.as_str(), "u.s" | "u.k" | "u.n" | "etc" | "d.c");
    }
    // Initials: "J. Smith", "Sergey V. Lavrov".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return false;
    }
    true
}

/// The word right before a full stop, dots inside it included ("U.S", "e.g").
fn last_word(text: &str) -> &str {
    let trimmed = text.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '.'));
    let begin = trimmed
        .char_indices()
        .rfind(|(_, c)| !(c.is_alphanumeric() || *c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    trimmed[begin..].trim_start_matches('.')
}

fn next_word_is_sentence_opener(after: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "But", "And", "This",
        "That", "These", "Those", "There", "Its", "His", "Her", "Their", "Our", "As", "At",
        "After", "Before", "When", "While", "If",
    ];
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    OPENERS.contains(&word.as_str())
}

fn push_trimmed(line: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &line[start..end];
    let lead = piece.len()
        - piece
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '·' | '*'))
            .len();
    let trail = piece.len() - piece.trim_end().len();
    // A lone "- " bullet marker at the start of a line is not part of the sentence.
    let mut s = start + lead;
    if line[s..end].starts_with("- ") {
        s += 2;
    }
    let e = end - trail;
    if e > s && line[s..e].chars().any(char::is_alphanumeric) {
        out.push((s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_past_the_bound_is_read_in_pieces() {
        let clause = "the council met again, ";
        let line = clause.repeat(MAX_SENTENCE / clause.len() * 3);
        let pieces = bounded(&line, 0, line.len());
        assert!(pieces.len() >= 3, "{}", pieces.len());
        for &(s, e) in &pieces {
            assert!(e - s <= MAX_SENTENCE, "{}", e - s);
            // Cut after a comma, never inside a word.
            assert!(
                line[..e].ends_with(',') || e == line.trim_end().len(),
                "{}",
                &line[s..e]
            );
        }
        // No break at all: cut at the bound, on a character boundary.
        let line = "é".repeat(MAX_SENTENCE);
        for (s, e) in bounded(&line, 0, line.len()) {
            assert!(e - s <= MAX_SENTENCE && line.is_char_boundary(s) && line.is_char_boundary(e));
        }
        let short = "The council met on Monday.";
        assert_eq!(bounded(short, 0, short.len()), vec![(0, short.len())]);
    }

    #[test]
    fn a_paragraph_past_the_bound_is_read_in_pieces() {
        use crate::ingest::{Format, read_str};
        let text = "The council met on Monday. ".repeat(MAX_PARAGRAPH * 2 + 1);
        let doc = read_str("t.txt", text.as_bytes(), Format::Text).expect("plain text reads");
        let sentences = split(&doc);
        assert_eq!(sentences.len(), MAX_PARAGRAPH * 2 + 1);
        let paragraphs: Vec<usize> = sentences.iter().map(|s| s.paragraph).collect();
        assert_eq!(paragraphs[MAX_PARAGRAPH - 1], paragraphs[0]);
        assert_eq!(paragraphs[MAX_PARAGRAPH], paragraphs[0] + 1);
        assert_eq!(paragraphs[MAX_PARAGRAPH * 2], paragraphs[0] + 2);
    }

    fn pieces(line: &str) -> Vec<&str> {
        split_line(line)
            .into_iter()
            .map(|(s, e)| &line[s..e])
            .collect()
    }

    #[test]
    fn text_wrapped_by_hand_is_read_in_paragraphs() {
        let text = "* Pump failure flooded the lower deck, says\n\
            inspector\n\
            * Owner disputes the finding\n\
            The ferry Marta Leone sank in the harbour after its bilge\n\
            pumps failed, the maritime inspector concluded on Monday\n\
            in a report that took eleven months.\n\
            Divers recovered the logbook from the wheelhouse in the\n\
            spring, and the report quotes it at length over several\n\
            pages.\n";
        let sentences: Vec<String> = paragraphs(text)
            .into_iter()
            .flat_map(|(_, p)| {
                split_line(p)
                    .into_iter()
                    .map(|(s, e)| p[s..e].replace('\n', " "))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            sentences,
            [
                "Pump failure flooded the lower deck, says inspector",
                "Owner disputes the finding",
                "The ferry Marta Leone sank in the harbour after its bilge pumps failed, the \
                 maritime inspector concluded on Monday in a report that took eleven months.",
                "Divers recovered the logbook from the wheelhouse in the spring, and the report \
                 quotes it at length over several pages.",
            ]
        );
        // Ordinary text keeps one paragraph a line.
        let plain = "One.\nTwo.\nThree.\nFour.\nFive.\nSix.\n";
        assert_eq!(paragraphs(plain).len(), 6);
    }

    #[test]
    fn a_dateline_is_its_own_sentence() {
        assert_eq!(
            pieces("MELBRIDGE, Feb 13 (NNS) - The jury found him guilty. He left."),
            [
                "MELBRIDGE, Feb 13 (NNS)",
                "The jury found him guilty.",
                "He left."
            ]
        );
        assert_eq!(
            pieces("NEW YORK (AP) — Shares fell on Monday."),
            ["NEW YORK (AP)", "Shares fell on Monday."]
        );
        assert_eq!(
            pieces("PORT ALDER, Ontario -- A fire destroyed the mill."),
            ["PORT ALDER, Ontario", "A fire destroyed the mill."]
        );
        assert_eq!(
            pieces("WASHINGTON — The Senate voted."),
            ["WASHINGTON", "The Senate voted."]
        );
        // Markdown sets datelines in bold.
        assert_eq!(
            pieces("**OSLO, March 3 (NTB)** - Prices rose on Monday."),
            ["OSLO, March 3 (NTB)", "Prices rose on Monday."]
        );
        // A wire dateline that lost its agency and dash still heads the story.
        assert_eq!(
            pieces("HALDEN, Norway, Oct 13 The ferry ran aground on Monday."),
            ["HALDEN, Norway, Oct 13", "The ferry ran aground on Monday."]
        );
        // A hyphen inside a place name is no dash.
        assert_eq!(
            pieces("AIX-EN-PROVENCE, France, May 2 The strike ended."),
            ["AIX-EN-PROVENCE, France, May 2", "The strike ended."]
        );
        assert_eq!(
            pieces("STOKE-ON-TRENT - The kiln exploded."),
            ["STOKE-ON-TRENT", "The kiln exploded."]
        );
        assert_eq!(
            pieces("LYON, March 4 Shares fell."),
            ["LYON, March 4", "Shares fell."]
        );
        // Capitals that open a sentence are no dateline.
        assert_eq!(
            pieces("NATO said it would act."),
            ["NATO said it would act."]
        );
        assert_eq!(
            pieces("NATO, on Oct 13, said it would act."),
            ["NATO, on Oct 13, said it would act."]
        );
        assert_eq!(
            pieces("US - China talks ended."),
            ["US - China talks ended."]
        );
        assert_eq!(
            pieces("The UN - and Russia - agreed."),
            ["The UN - and Russia - agreed."]
        );
    }

    #[test]
    fn splits_at_full_stops_before_capitals() {
        assert_eq!(
            pieces(
                "The bridge fell on Monday. Nobody was hurt! Was it planned? Engineers doubt it."
            ),
            [
                "The bridge fell on Monday.",
                "Nobody was hurt!",
                "Was it planned?",
                "Engineers doubt it."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_together() {
        assert_eq!(
            pieces("Lt. Gen. Anna K. Berg met U.S. envoys on Sept. 3 in Oslo. Talks went on."),
            [
                "Lt. Gen. Anna K. Berg met U.S. envoys on Sept. 3 in Oslo.",
                "Talks went on."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            pieces("“We will rebuild.” The mayor said so twice. (She meant it.) Others did not."),
            [
                "“We will rebuild.”",
                "The mayor said so twice.",
                "(She meant it.)",
                "Others did not."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_dot_does_not_split() {
        assert_eq!(
            pieces("It cost approx. ten million in 2019."),
            ["It cost approx. ten million in 2019."]
        );
        assert_eq!(
            pieces("He paused... and went on."),
            ["He paused... and went on."]
        );
    }

    #[test]
    fn abbreviation_at_the_end_of_a_sentence() {
        assert_eq!(
            pieces("The aid came from the U.S. The convoy left at dawn."),
            ["The aid came from the U.S.", "The convoy left at dawn."]
        );
    }

    #[test]
    fn a_multi_byte_mark_before_a_full_stop_is_safe() {
        // Regression: the word before a full stop was cut at a byte inside “.
        assert_eq!(
            pieces("He said only “No.” Then he left."),
            ["He said only “No.”", "Then he left."]
        );
        assert_eq!(
            pieces("«Non.» Puis il partit."),
            ["«Non.»", "Puis il partit."]
        );
    }

    #[test]
    fn bullets_are_trimmed() {
        assert_eq!(pieces("  • Troops moved north."), ["Troops moved north."]);
        assert_eq!(pieces("- Troops moved north."), ["Troops moved north."]);
    }
}
