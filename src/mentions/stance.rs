//! Stance: how a claimant holds what they report. A cue counts only outside the scope of a
//! negation ("did not deny" is not a denial), and a stronger family wins: a text that
//! denies and alleges denies.

use std::sync::LazyLock;

use regex::Regex;

use crate::timeline::Stance;

/// Cues that carry their own negation: they count as written.
static DENIES_FIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:do|does|did)(?: not|n['’]t) believe (?:that )?(?:it|this|they|he|she)\b|in reality\b|unconfirmed by any (?:facts?|evidence)|not (?:at all )?true|untrue|false pretext|baseless|groundless|unfounded|fabricat(?:ed|ion)|no basis in fact|without (?:any )?(?:basis|foundation)|nothing to do with|had no (?:role|part|involvement)|not (?:involved|responsible)|vehemently reject)",
    )
    .expect("denial regex")
});

/// Denial verbs and nouns, negatable.
static DENIES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?|debunk(?:s|ed|ing)?)\b")
        .expect("denial regex")
});

static QUESTIONS_FIXED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:hard|difficult|impossible) to believe|it (?:is|was|remains) (?:still )?unclear|unclear (?:to us )?(?:whether|if|who|what|how)|makes no sense|implausible|questionable|dubious|how can (?:anyone|one|we|they|you)|is it (?:really )?possible|hard to see how|remains to be seen)",
    )
    .expect("question regex")
});

static QUESTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:doubt(?:s|ed|ing|ful)?|question(?:s|ed|ing)? (?:whether|if|the)|questioned|sceptical|skeptical|unclear|mock(?:s|ed|ing)|ridicul(?:es|ed|ing)|derid(?:es|ed|ing)|scoff(?:s|ed|ing)?)\b")
        .expect("question regex")
});

static ALLEGES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:alleged(?:ly)?|reportedly|so-called|purported(?:ly)?|supposed(?:ly)?|claim(?:s|ed|ing)?|accus(?:e|es|ed|ing)|(?:is|are|was|were) said to|reports (?:say|said|suggest|claim)|rumou?r(?:s|ed)?)\b",
    )
    .expect("allegation regex")
});

static NEGATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|never|no|nor|without|hardly|neither)\b|n['’]t\b")
        .expect("negator regex")
});

/// Cancels a doubt: "there is no doubt that", "without doubt".
static NO_DOUBT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:no|without|beyond|little) (?:a )?doubts?\b|\bundoubtedly\b|\bdoubtless\b")
        .expect("no doubt regex")
});

/// Is the match at `start` in the scope of a negation: a negator among the three words
/// before it, within its clause?
pub fn negated(text: &str, start: usize) -> bool {
    let before = &text[..start];
    let clause_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, ',' | ';' | ':' | '.' | '—' | '(' | '“' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let window = &before[clause_start..];
    let words: Vec<(usize, &str)> = word_starts(window);
    let from = words.len().saturating_sub(3);
    let tail_start = words.get(from).map_or(window.len(), |w| w.0);
    NEGATOR.is_match(&window[tail_start..])
}

fn word_starts(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(b)) => {
                out.push((b, &s[b..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(b) = start {
        out.push((b, &s[b..]));
    }
    out
}

/// The stance the words of `text` express, if any cue is there.
pub fn lexical(text: &str) -> Option<Stance> {
    if DENIES_FIXED.is_match(text) {
        return Some(Stance::Denies);
    }
    if DENIES.find_iter(text).any(|m| !negated(text, m.start())) {
        return Some(Stance::Denies);
    }
    if QUESTIONS_FIXED.is_match(text) {
        return Some(Stance::Questions);
    }
    if !NO_DOUBT.is_match(text) && QUESTIONS.find_iter(text).any(|m| !negated(text, m.start())) {
        return Some(Stance::Questions);
    }
    if ALLEGES.find_iter(text).any(|m| !negated(text, m.start())) {
        return Some(Stance::Alleges);
    }
    None
}

/// Combine the stance a cue gives with the stance of the words: a neutral cue takes the
/// words' stance; a marked one ("denied", "claimed") keeps its own.
pub fn combine(cue: Stance, text: &str) -> Stance {
    match cue {
        Stance::Asserts => lexical(text).unwrap_or(Stance::Asserts),
        Stance::Alleges => match lexical(text) {
            Some(s @ (Stance::Denies | Stance::Questions)) => s,
            _ => Stance::Alleges,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families() {
        assert_eq!(
            lexical("The ministry denied any role."),
            Some(Stance::Denies)
        );
        assert_eq!(
            lexical("We vehemently reject such allegations"),
            Some(Stance::Denies)
        );
        assert_eq!(
            lexical("It is hard to believe the official story"),
            Some(Stance::Questions)
        );
        assert_eq!(
            lexical("the so-called moderate rebels"),
            Some(Stance::Alleges)
        );
        assert_eq!(lexical("The convoy was hit at dusk."), None);
        // Contempt for a position questions it; "in reality" contradicts what came before.
        assert_eq!(
            lexical("She mocked the request for a meeting."),
            Some(Stance::Questions)
        );
        assert_eq!(
            lexical("(in reality at the rebels' urging)"),
            Some(Stance::Denies)
        );
    }

    #[test]
    fn negation_scope() {
        assert_eq!(lexical("The minister did not deny the report."), None);
        assert_eq!(
            lexical("He never denied it, and he claimed more."),
            Some(Stance::Alleges)
        );
        assert_eq!(lexical("There is no doubt that the bridge fell."), None);
        assert_eq!(lexical("That is not true."), Some(Stance::Denies));
    }
}
