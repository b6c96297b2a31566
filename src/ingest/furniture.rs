//! Page furniture: donation appeals, copyright and disclaimer lines, sharing and subscription
//! prompts, tag lines, lone links. Decided per line from phrases that news prose does not use.

use std::sync::LazyLock;

use std::cmp::Ordering;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// Lines longer than this are never furniture.
const MAX_FURNITURE_BYTES: usize = 1200;
/// Lines longer than this need two furniture phrases, one of them in their first
/// `HEAD_BYTES`.
const LONG_LINE_BYTES: usize = 400;
const HEAD_BYTES: usize = 160;

/// Phrases that mark a line as furniture even in a sentence (donation appeals and copyright
/// notices are full sentences).
const STRONG: &[&str] = &[
    "please support",
    "support our work",
    "support independent",
    "support the project",
    "make a donation",
    "donate now",
    "paypal:",
    "via paypal",
    "patreon.com",
    "become a patron",
    "become a member",
    "subscribe to our",
    "subscribe now",
    "sign up for our",
    "sign up to our",
    "our newsletter",
    "mailing list",
    "follow us on",
    "like us on facebook",
    "our facebook page",
    "join us on",
    "copyright \u{a9}",
    "copyright (c)",
    "\u{a9}",
    "all rights reserved",
    "the original source of this article",
    "this article was originally published",
    "article originally appeared",
    "originally appeared on",
    "originally appeared at",
    "republished with permission",
    "reprinted with permission",
    "republished from",
    "copyrighted material",
    "fair use",
    "disclaimer:",
    "the views expressed in this",
    "do not necessarily reflect",
    "sole responsibility of the author",
    "for media inquiries",
    "media inquiries",
    "press inquiries",
    "we use cookies",
    "uses cookies",
    "accept cookies",
    "cookie policy",
    "cookie settings",
    "privacy policy",
    "terms of service",
    "terms of use",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share this:",
    "click to share",
    "click here to",
    "read more \u{bb}",
    "continue reading",
    "related articles",
    "related posts",
    "related stories",
    "you may also like",
    "recommended for you",
    "sponsored content",
    "skip to content",
    "skip to main content",
    "articles by:",
    "download our app",
    "already a subscriber",
    "all comments are moderated",
];

/// Words that, making up most of a short line, make it a widget or a menu ("Share", "Tweet",
/// "Print this page", "Home | Login").
const WEAK: &[&str] = &[
    "about",
    "advertisement",
    "advertising",
    "comments",
    "contact",
    "cookies",
    "donate",
    "donation",
    "email",
    "facebook",
    "home",
    "linkedin",
    "loading",
    "login",
    "menu",
    "newsletter",
    "patreon",
    "paypal",
    "pinterest",
    "print",
    "reddit",
    "search",
    "share",
    "sharing",
    "subscribe",
    "telegram",
    "tweet",
    "twitter",
    "vk",
    "whatsapp",
];

/// Words that do not count either way when judging a short line ("Share *this* article").
const FILLER: &[&str] = &[
    "a", "and", "article", "by", "for", "in", "it", "more", "now", "on", "or", "our", "page",
    "post", "story", "the", "this", "to", "up", "us", "via", "with",
];

/// Prefixes of tag and category lines ("Region: ... Theme: ...").
const TAG_PREFIXES: &[&str] = &[
    "region:",
    "theme:",
    "tags:",
    "tagged:",
    "tagged with",
    "topics:",
    "filed under",
    "categories:",
    "category:",
    "in-depth report:",
    "keywords:",
    "related:",
    "see also:",
    "share:",
];

static STRONG_AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .build(STRONG)
        .expect("static patterns")
});

/// Is this (markup-free) line page furniture?
pub(crate) fn is_furniture(plain: &str) -> bool {
    let len = plain.len();
    // Notices run to a few hundred bytes; a longer line is prose (and scanning it is the
    // bulk of this function's cost).
    if len == 0 || len > MAX_FURNITURE_BYTES {
        return false;
    }
    if is_lone_url(plain) || is_tag_line(plain) {
        return true;
    }
    // A long line is a notice only if it says so early ("Disclaimer: ...", "X contains
    // copyrighted material ...") and again later; looking at its head first spares
    // scanning whole paragraphs of prose.
    if len > LONG_LINE_BYTES {
        let mut head = HEAD_BYTES;
        while !plain.is_char_boundary(head) {
            head -= 1;
        }
        if !STRONG_AC.is_match(&plain[..head]) {
            return false;
        }
    }
    let mut strong = 0u128; // bit set of distinct phrases
    for m in STRONG_AC.find_iter(plain) {
        strong |= 1u128 << (m.pattern().as_usize() % 128);
    }
    let strong = strong.count_ones();
    if strong > 0 && (len <= LONG_LINE_BYTES || strong >= 2) {
        return true;
    }
    len <= 80 && mostly_weak_words(plain)
}

/// Does the line hold one of the phrases that mark furniture even inside a sentence?
pub(crate) fn has_strong_phrase(plain: &str) -> bool {
    STRONG_AC.is_match(plain)
}

/// A line that is nothing but a link.
pub(crate) fn is_lone_url(plain: &str) -> bool {
    let s = plain.trim_matches(|c: char| c == '<' || c == '>' || c == '(' || c == ')');
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www."))
        && !s.contains(char::is_whitespace)
}

/// A line that starts with a tag or category label.
fn is_tag_line(plain: &str) -> bool {
    TAG_PREFIXES.iter().any(|p| {
        plain
            .as_bytes()
            .get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// Where a tag/category list starts in a line, if it has one (at 0: the whole line is one).
pub(crate) fn tag_line_at(plain: &str) -> Option<usize> {
    static AC: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(TAG_PREFIXES)
            .expect("static patterns")
    });
    AC.find_iter(plain)
        .map(|m| m.start())
        .find(|&i| i == 0 || plain[..i].ends_with(' '))
}

fn mostly_weak_words(plain: &str) -> bool {
    if plain.ends_with('.') {
        return false;
    }
    let (mut weak, mut counted) = (0, 0);
    for word in plain
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if FILLER.binary_search_by(|w| cmp_lower(w, word)).is_ok() {
            continue;
        }
        counted += 1;
        if WEAK.binary_search_by(|w| cmp_lower(w, word)).is_ok() {
            weak += 1;
        }
    }
    weak > 0 && weak * 2 >= counted
}

/// Compare a lower-case list word with a word of any case, without allocating.
fn cmp_lower(list_word: &str, word: &str) -> Ordering {
    list_word
        .bytes()
        .cmp(word.bytes().map(|b| b.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(WEAK.windows(2).all(|w| w[0] < w[1]));
        assert!(FILLER.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn furniture_lines() {
        for line in [
            "If you like what we do, please support us: PayPal: me@example.org",
            "Copyright \u{a9} Example Times, 2019",
            "The original source of this article is Example Times",
            "Disclaimer: The contents of this article are the author's alone.",
            "Subscribe to our channel",
            "Share on WhatsApp",
            "Tweet",
            "https://example.org/some/page",
            "Region: Europe Theme: Politics",
            "For media inquiries: press@example.org",
        ] {
            assert!(is_furniture(line), "{line}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for line in [
            "Home front in crisis",
            "The minister said the deal would hold.",
            "Saudi Arabia donated aid to the region.",
            "He posted the claim on his Facebook page on Monday, and supporters shared it widely.",
        ] {
            assert!(!is_furniture(line), "{line}");
        }
    }
}
