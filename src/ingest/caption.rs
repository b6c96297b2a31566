//! Photo captions and credits: "[Photo by X/Agency]", "(Image: X)", "Photo: X",
//! "... Getty Images".

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder};
use regex::Regex;

/// A credit in brackets anywhere in the line, or a credit label at its start, or a picture
/// agency's name.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        [\[(]\s*(?:featured\s+|top\s+|main\s+|header\s+)?(?:photo|image|picture|photograph|video|illustration|credit)s?(?-u:\b)[^\])]{0,150}[\])]
        | ^(?:photo|image|picture|photograph|pictured|credit|illustration)s?\s*(?:credit)?\s*(?:by(?-u:\b)|:)
        | (?-u:\b)(?:getty\s+images|ap\s+photo|afp\s+photo|shutterstock|epa-efe|anadolu\s+agency\s+via)(?-u:\b)
        ",
    )
    .expect("static regex")
});

/// Does this (markup-free) line carry a photo credit?
pub(crate) fn is_credit(plain: &str) -> bool {
    const LABELS: &[&str] = &[
        "credit",
        "illustration",
        "image",
        "photo",
        "photograph",
        "picture",
        "pictured",
    ];
    static AGENCIES: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(["getty", "photo", "shutterstock", "epa-efe", "anadolu"])
            .expect("static patterns")
    });
    if plain.len() > 400 {
        return false;
    }
    // The regex only matches with brackets, a label first, or an agency name.
    let first = plain.split([' ', ':']).next().unwrap_or("");
    let first = first.strip_suffix('s').unwrap_or(first);
    let may = memchr::memchr2(b'[', b'(', plain.as_bytes()).is_some()
        || LABELS.iter().any(|l| l.eq_ignore_ascii_case(first))
        || (plain.len() <= 250 && AGENCIES.is_match(plain));
    may && CREDIT.is_match(plain)
}

/// A Markdown image on a line of its own: `![alt text](picture.jpg)`.
pub(crate) fn is_markdown_image(plain: &str) -> bool {
    plain.starts_with("![") && plain.ends_with(')') && plain.contains("](")
}

/// A short line that can be the descriptive part of a caption.
pub(crate) fn is_short_caption_line(plain: &str) -> bool {
    plain.len() <= 200
}

/// Ends like a sentence (terminal punctuation, possibly inside quotes or brackets).
pub(crate) fn ends_sentence(plain: &str) -> bool {
    let t = plain.trim_end_matches(['"', '\u{201d}', '\u{2019}', '\'', ')', ']', '*', ' ']);
    t.ends_with(['.', '!', '?', '\u{2026}', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits() {
        for line in [
            "Rescue workers at the site. [Photo by Jo Bloggs/Example Images]",
            "[Featured Image by A. Person/Wire]",
            "Photo: Example Agency",
            "The minister arrives in Geneva. (Image credit: Example)",
            "A soldier on patrol. John Doe/Getty Images",
        ] {
            assert!(is_credit(line), "{line}");
        }
        for line in [
            "The photograph was taken on Monday, officials said.",
            "A Reuters/Ipsos poll found broad support.",
        ] {
            assert!(!is_credit(line), "{line}");
        }
    }
}
