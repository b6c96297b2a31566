//! Which of two copies says it is the copy: a repost names where it comes from ("reposting
//! TASS", "This article originally appeared on The Valley Post", "via Reuters"), in its
//! outlet line, byline or page furniture. That outranks the dates, which a repost often
//! shares with its original or lacks.

use crate::ingest::{Document, SegmentKind};

/// Words that, on one line with an outlet's name, credit that outlet as the text's source.
const CUES: &[&str] = &[
    "originally",
    "first published",
    "first appeared",
    "republished",
    "republishing",
    "reposted",
    "reposting",
    "reprinted",
    "via",
    "source:",
    "courtesy of",
    "syndicated from",
];

/// Whether document `a` credits document `b`'s outlet as its source.
pub fn credits(a: &Document, b: &Document) -> bool {
    let Some(name) = b
        .meta
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|n| n.len() >= 2)
    else {
        return false;
    };
    if a.meta.outlet.as_deref().map(str::trim) == Some(name) {
        return false;
    }
    let own = a.meta.outlet.iter().map(String::as_str);
    let furniture = a
        .segments
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Byline | SegmentKind::Boilerplate))
        .flat_map(|s| a.slice(s).lines());
    own.chain(furniture).any(|line| {
        let lower = line.to_lowercase();
        CUES.iter().any(|c| contains_word(&lower, c)) && contains_word(&lower, &name.to_lowercase())
    })
}

/// Whether `phrase` occurs in `text` between word boundaries (both lower case).
fn contains_word(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::credits;
    use crate::ingest::{Format, read_str};

    fn doc(front: &str, body: &str) -> crate::ingest::Document {
        let text = format!("---\n{front}\n---\n{body}\n");
        read_str("t.md", text.as_bytes(), Format::Markdown).expect("reads")
    }

    #[test]
    fn a_repost_names_its_source() {
        let original = doc("outlet: Harbour Gazette", "The ferry sank on Monday.");
        let repost = doc(
            "outlet: Coastal Digest, reposting Harbour Gazette",
            "The ferry sank on Monday.",
        );
        assert!(credits(&repost, &original));
        assert!(!credits(&original, &repost));
        let footer = doc(
            "outlet: Coastal Digest",
            "The ferry sank on Monday.\n\nThis article originally appeared on Harbour Gazette.",
        );
        assert!(credits(&footer, &original));
    }

    #[test]
    fn a_name_alone_or_inside_a_word_is_no_credit() {
        let original = doc("outlet: Post", "The ferry sank on Monday.");
        let other = doc("outlet: Postal Review", "The ferry sank on Monday.");
        assert!(!credits(&other, &original));
        let same = doc("outlet: Post", "The ferry sank on Monday.");
        assert!(!credits(&same, &original));
    }
}
