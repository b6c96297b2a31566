//! Bylines ("By X", "X writers", "Posted on ..."), and lone date lines, which we keep as
//! bylines so the date inference can see them.

use std::sync::LazyLock;

use regex::Regex;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// A line that is only a date (optionally a time): "JUNE 2023", "Wednesday, September 21,
/// 2016", "Published 21 Sep 2016 10:30 GMT", "2016-09-21".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let date = format!(
        r"(?:{MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}\.?,?\s+\d{{4}}|{MONTH}\.?,?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
    );
    Regex::new(&format!(
        r"(?i)^(?:(?:published|updated|last updated|posted|date)\s*(?:on|:)?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?{date}(?:,?\s*(?:at\s+|-\s*)?\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?[a-z]{{2,5}}\)?)?)?\.?$"
    ))
    .expect("static regex")
});

const BY_PREFIXES: &[&str] = &[
    "by ",
    "by: ",
    "written by ",
    "posted by ",
    "words by ",
    "reporting by ",
    "story by ",
    "text by ",
];

const OTHER_PREFIXES: &[&str] = &[
    "author:",
    "authors:",
    "posted on ",
    "published on ",
    "published:",
    "updated:",
    "last updated",
];

/// Words that end a name in "By X from Y", "By X and Y", "By X in Moscow".
const CONNECTORS: &[&str] = &[
    "&", "-", "and", "at", "for", "from", "in", "of", "with", "|",
];

/// First words that make "By ..." a sentence, not a byline ("By Monday, ...").
const NOT_NAMES: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "this",
    "thursday",
    "tuesday",
    "wednesday",
];

/// The last word of a collective or role byline: "Proletarian writers", "Staff reporter".
const ROLES: &[&str] = &[
    "bureau",
    "columnist",
    "contributor",
    "contributors",
    "correspondent",
    "correspondents",
    "desk",
    "editor",
    "editors",
    "reporter",
    "reporters",
    "staff",
    "team",
    "writer",
    "writers",
];

/// Is this (markup-free) line a byline? Near the top (`header`) a byline may be long and
/// carry the outlet, dates and tags; further down only short sign-off lines count.
pub(crate) fn is_byline(plain: &str, header: bool) -> bool {
    let max = if header { 320 } else { 100 };
    if plain.len() > max {
        return false;
    }
    by_author(plain).is_some() || is_role_line(plain) || has_prefix(plain, OTHER_PREFIXES)
}

/// A line that is only a date.
pub(crate) fn is_dateline(plain: &str) -> bool {
    plain.len() <= 80 && plain.bytes().any(|b| b.is_ascii_digit()) && DATELINE.is_match(plain)
}

/// The name in a "By X ..." line; `None` when the line is not one.
pub(crate) fn by_author(plain: &str) -> Option<Vec<&str>> {
    let lower_head = plain.get(..12).unwrap_or(plain).to_ascii_lowercase();
    let prefix = BY_PREFIXES.iter().find(|p| lower_head.starts_with(**p))?;
    let rest = &plain[prefix.len()..];
    let mut name = Vec::new();
    for word in rest.split_whitespace() {
        let bare = word.trim_end_matches([',', ';', ':']);
        let lower = bare.to_lowercase();
        if CONNECTORS.contains(&lower.as_str()) {
            break;
        }
        let first = bare.chars().next()?;
        if !first.is_uppercase() {
            // "By Western standards, ..." is a sentence.
            return None;
        }
        if name.is_empty() && NOT_NAMES.contains(&lower.as_str()) {
            return None;
        }
        name.push(bare);
        if word != bare || name.len() == 4 {
            break;
        }
    }
    (!name.is_empty()).then_some(name)
}

/// The author of a clean "By First Last" byline, for the document's metadata.
pub(crate) fn author(plain: &str) -> Option<String> {
    let name = by_author(plain)?;
    (2..=3).contains(&name.len()).then(|| name.join(" "))
}

fn is_role_line(plain: &str) -> bool {
    if plain.len() > 60 || plain.contains(['.', '!', '?', ':', ';', '"']) {
        return false;
    }
    let words: Vec<&str> = plain.split_whitespace().collect();
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    !before.is_empty()
        && before.len() <= 4
        && ROLES.contains(&last.to_lowercase().as_str())
        && before
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || *w == "and" || *w == "&")
}

fn has_prefix(plain: &str, prefixes: &[&str]) -> bool {
    let head = plain.get(..16).unwrap_or(plain).to_ascii_lowercase();
    prefixes.iter().any(|p| head.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        for (line, header) in [
            ("By Jane Roe from The Example", false),
            ("By Jane Roe", false),
            (
                "By Example Wire Staff, September 21, 2016 Region: Europe",
                true,
            ),
            ("Foreign correspondent", false),
            ("Proletarian writers", false),
            ("Posted on 21 September 2016 by admin", false),
        ] {
            assert!(is_byline(line, header), "{line}");
        }
        for line in [
            "By Monday, the convoy had turned back.",
            "By Western standards, this is a small army.",
            "By the time the strike ended, the town had fallen.",
            "The truth about reporters",
        ] {
            assert!(!is_byline(line, true), "{line}");
        }
        assert_eq!(
            author("By Jane Roe from The Example").as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn datelines() {
        for line in [
            "JUNE 2023",
            "September 21, 2016",
            "Wednesday, 21 September 2016",
            "Published: Sep 21, 2016 10:30 AM",
            "2016-09-21",
        ] {
            assert!(is_dateline(line), "{line}");
        }
        for line in ["June", "In June 2023 the talks failed.", "2016"] {
            assert!(!is_dateline(line), "{line}");
        }
    }
}
