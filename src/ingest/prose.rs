//! Telling an article from what is not one: a binary file given a text extension (a PDF
//! renamed `.txt`, an image, random bytes), or text that is not prose (a long run of one
//! character, an encoded blob, a dump of symbols). Both are refused with a message that says
//! what the file looks like, instead of being read for hours as if it were news.
//!
//! The tests are cheap (one pass) and lenient: a page of real prose with a table of numbers,
//! some URLs or a few words of another script passes easily.

/// Files known by their first bytes.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (
        b"PK\x03\x04",
        "a ZIP archive (an Office document or EPUB is one)",
    ),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Word or Excel document",
    ),
];

/// Share of control bytes (other than tab, line breaks, form feed and escape) above which a
/// file is binary: text has none, random bytes about 11%.
const MAX_CONTROL_SHARE: f64 = 0.01;

/// What a file is, when its bytes say it is not text. UTF-16 with a byte-order mark is text
/// (its zero bytes are half of each character).
pub(crate) fn binary(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return None;
    }
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(what);
    }
    if memchr::memchr(0, bytes).is_some() {
        return Some("binary data");
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    (controls as f64 > bytes.len() as f64 * MAX_CONTROL_SHARE).then_some("binary data")
}

/// Texts shorter than this are always read: they cost nothing, and a short note may well be
/// mostly numbers.
const MIN_JUDGED: usize = 2_000;
/// A word longer than this (in characters) is not a word of a language written with spaces.
const MAX_WORD: usize = 40;
/// Share of non-space characters that must be in words.
const MIN_WORDY_SHARE: f64 = 0.5;

/// Texts at least this long (in characters) must break into sentences or lines.
const MIN_RUN_ON: usize = 100_000;
/// Fewest characters per sentence end or line break that prose has, on average, far above
/// any real text (a sentence is rarely over 400): beyond it, a text is one run-on stream.
const MAX_RUN: usize = 10_000;

/// Why a text is not prose, when it is not: most of it is not words, or it has neither
/// sentence ends nor line breaks over a length no article reaches without them.
pub(crate) fn not_prose(text: &str) -> Option<String> {
    let mut total = 0usize;
    let mut wordy = 0usize;
    for token in text.split_whitespace() {
        let n = token.chars().count();
        total += n;
        if is_wordy(token, n) {
            wordy += n;
        }
    }
    if total < MIN_JUDGED {
        return None;
    }
    if wordy as f64 >= total as f64 * MIN_WORDY_SHARE {
        let ends = text
            .chars()
            .filter(|c| {
                matches!(
                    c,
                    '.' | '!' | '?' | '\n' | '。' | '！' | '？' | '।' | '؟' | '۔'
                )
            })
            .count();
        if total >= MIN_RUN_ON && ends < total / MAX_RUN {
            let kib = text.len() / 1024;
            return Some(format!(
                "does not read as prose: {kib} KiB with {ends} sentence ends or line breaks \
                 (is it a word list or text with its punctuation stripped?)"
            ));
        }
        return None;
    }
    let share = wordy * 100 / total.max(1);
    Some(format!(
        "does not read as prose: {share}% of it is words (is it data, code or an encoded file?)"
    ))
}

/// A word, a number or an abbreviation, possibly with punctuation around it; or a run of a
/// script written without spaces (Chinese, Japanese, Thai).
fn is_wordy(token: &str, chars: usize) -> bool {
    let core = token.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        // Punctuation on its own (a dash, a bullet) is part of prose.
        return chars <= 3;
    }
    let inner = |c: char| {
        c.is_alphanumeric() || "-'’.,&/:".contains(c) || is_mark(c) || is_cjk_punctuation(c)
    };
    if !core.chars().all(inner) {
        return false;
    }
    chars <= MAX_WORD || {
        let letters = core.chars().filter(|c| c.is_alphabetic()).count();
        let unspaced = core
            .chars()
            .filter(|&c| c.is_alphabetic() && u32::from(c) >= 0x0e00)
            .count();
        unspaced * 2 >= letters.max(1)
    }
}

/// The punctuation of scripts written without spaces: ideographic full stop and comma,
/// corner brackets, full-width forms.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(u32::from(c), 0x3000..=0x303f | 0xff00..=0xffef)
}

/// Combining marks (accents written as separate characters).
fn is_mark(c: char) -> bool {
    matches!(u32::from(c), 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x20d0..=0x20ff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_files_are_known() {
        assert_eq!(binary(b"%PDF-1.4\n..."), Some("a PDF document"));
        assert_eq!(binary(b"\x89PNG\r\n\x1a\n...."), Some("a PNG image"));
        assert_eq!(binary(b"words\0more words"), Some("binary data"));
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(binary(&noise), Some("binary data"));
        assert_eq!(
            binary("Plain words, caf\u{e9}.\r\n\tIndented.".as_bytes()),
            None
        );
        assert_eq!(binary(b"\xff\xfeh\0i\0"), None);
        assert_eq!(binary(b"caf\xe9 \x93quoted\x94"), None);
    }

    #[test]
    fn prose_passes_and_noise_does_not() {
        let prose = "The strike near Deir ez-Zor on 17 September 2016 killed at least 62 \
                     soldiers, the U.S.-led coalition said at 7:30 p.m. (see https://example.org/a?b=1). "
            .repeat(40);
        assert_eq!(not_prose(&prose), None);
        let numbers = "12 14 16, 3.5% and 1,200 — 2016/09/17. ".repeat(100);
        assert_eq!(not_prose(&numbers), None);
        let chinese = "叙利亚代尔祖尔附近的空袭造成至少六十二名士兵死亡。".repeat(100);
        assert_eq!(not_prose(&chinese), None);
        assert!(not_prose(&"a".repeat(1 << 20)).is_some());
        let symbols: String = (0..5000u32)
            .map(|i| char::from(33 + (i * 7919 % 94) as u8))
            .collect::<String>()
            .chars()
            .enumerate()
            .flat_map(|(i, c)| if i % 7 == 6 { vec![c, ' '] } else { vec![c] })
            .collect();
        let why = not_prose(&symbols).expect("not prose");
        assert!(why.starts_with("does not read as prose: "), "{why}");
        assert_eq!(not_prose("short #### $$$$"), None);
    }

    #[test]
    fn a_run_on_stream_of_words_is_no_prose() {
        let words = "the council met again and the mayor spoke ";
        let why = not_prose(&words.repeat(4_000)).expect("no sentence ends in 168 KB");
        assert!(why.contains("sentence ends"), "{why}");
        // The same words in sentences, or one per line, or short: prose.
        assert_eq!(not_prose(&"The council met again. ".repeat(8_000)), None);
        assert_eq!(not_prose(&(words.to_string() + "\n").repeat(4_000)), None);
        assert_eq!(not_prose(&words.repeat(100)), None);
    }
}
