//! Relational phrases: the words after which a clause talks about another event ("distract
//! attention from the strike on 17 September", "7 minutes after the airstrikes", "in
//! response to the attack"). Triggers, dates, places and facets in the object of such a
//! phrase belong to that other event, not to the clause's own.

use std::sync::LazyLock;

use regex::Regex;

static CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:distract\w*\s+(?:attention\s+)?(?:away\s+)?from|divert\w*\s+(?:attention\s+)?from|in\s+(?:response|reply|retaliation)\s+(?:to|for)|(?:minutes|hours|days|weeks|shortly|immediately|soon|just)\s+(?:after|before)|after\s+(?:today|yesterday)['’]?s|following\s+the|since\s+the|similar\s+to|like\s+the|than\s+the)\b",
    )
    .expect("valid pattern")
});

static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i)(?:as soon as|when|once|after|before|while|since|until|following|in the aftermath of)\b")
        .expect("valid pattern")
});

/// For a sentence that opens with a subordinate clause ("As soon as the ceasefire expired at 7
/// pm, fighting began"), the byte offset where that clause ends (its first comma).
pub fn opening_subordinate(text: &str) -> Option<usize> {
    if !OPENING.is_match(text) {
        return None;
    }
    text.find(", ").filter(|&i| i < 200)
}

/// Byte offset in `text` where the object of its first relational phrase begins.
pub fn object_start(text: &str) -> Option<usize> {
    CUES.find(text).map(|m| m.end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_object_of_a_relational_phrase() {
        let t = "The claims are meant to distract attention from the bombing of the depot.";
        assert_eq!(&t[object_start(t).unwrap()..], " the bombing of the depot.");
        let t = "Rebels attacked just 7 minutes after the airstrikes ended.";
        assert_eq!(&t[object_start(t).unwrap()..], " the airstrikes ended.");
        assert_eq!(object_start("Jets bombed the depot after dark."), None);
    }

    #[test]
    fn an_opening_subordinate_clause_ends_at_its_comma() {
        let t = "As soon as the truce expired at dusk, shelling resumed.";
        assert_eq!(
            &t[..opening_subordinate(t).unwrap()],
            "As soon as the truce expired at dusk"
        );
        assert_eq!(
            opening_subordinate("Shelling resumed when the truce expired, they said."),
            None
        );
    }
}
