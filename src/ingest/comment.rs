//! Reading the parts of a reader-comment thread: commenter names, comment timestamps,
//! "Reply to X" and button lines, section headers, and how conversational a paragraph is.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use regex::Regex;

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// A comment timestamp on a line of its own: "Sep 26, 2016 12:16 AM", "26 September 2016 at
/// 09:15", "2016-09-26 00:16", "Sep 26, 2016 | Reply".
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?ix-u)^(?:posted\s+|on\s+)?
        (?:(?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
          |(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})\.?,?\s+(?P<y2>\d{{4}})
          |(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}})
          |(?P<a4>\d{{1,2}})/(?P<b4>\d{{1,2}})/(?P<y4>\d{{2,4}}))
        (?:\s*(?:,|at|@|-|\u{{2013}}|\u{{b7}}|\u{{2022}}|T)?\s*
           (?P<h>\d{{1,2}})[:.](?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?\s*(?:(?P<ap>[ap])\.?m\.?)?(?:\s*[a-z]{{2,5}})?)?
        (?:\s*(?:\||\u{{2022}}|\u{{b7}}|-)\s*(?:reply|permalink|edit|link|report))*\s*$"
    ))
    .expect("static regex")
});

/// A relative comment time: "2 days ago", "about an hour ago", "yesterday at 3:15 pm".
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:posted\s+)?(?:
            (?:about\s+|over\s+|almost\s+)?(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few)\s+
              (?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago(?:\s+edited)?
            |(?:yesterday|today)(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?
            |just\s+now)\s*$",
    )
    .expect("static regex")
});

/// Reply links and vote buttons on a line of their own.
static BUTTONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            reply(?:\s+to\s+.{1,40})?
            |in\s+reply\s+to\s+.{1,40}
            |replying\s+to\s+.{1,40}
            |(?:\d+\s+)?(?:replies|reply|likes?|upvotes?|downvotes?|points?|votes?)
            |like\s*[\u{b7}\u{2022}|]?\s*reply
            |report(?:\s+abuse)?
            |flag
            |load\s+more\s+comments
            |show\s+more\s+replies
            |view\s+all\s+comments
            |hide\s+replies
            |see\s+more
            |read\s+more\s*[\u{bb}\u{2192}>]*
        )\s*[\u{2191}\u{2193}\u{bb}]?\s*$",
    )
    .expect("static regex")
});

/// The heading that opens a comment section.
static SECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:\d+\s+)?(?:comments?|responses?|replies|reader\s+comments|discussion)(?:\s*\(\d+\))?:?
            |(?:\d+|one)\s+(?:comments?|responses?|replies|thoughts)\s+(?:to|on)\s+.{0,160}
            |(?:leave|post|add|write)\s+a\s+(?:reply|comment|response).{0,60}
            |join\s+the\s+(?:discussion|conversation).{0,60}
            |comments\s+are\s+closed.{0,60}
        )\s*$",
    )
    .expect("static regex")
});

/// "Jane Roe says:", "jroe wrote:", "Jane Roe on Sep 26, 2016 at 12:16 am said:",
/// "Jane Roe \u{2022} 2 days ago".
static SAYS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?P<name>[^\s:|\u{2022}\u{b7}][^:|\u{2022}\u{b7}]{0,39}?)\s*(?:
            \s(?i:says|wrote|writes|commented|replied)(?:\s+(?i:on|at)\s+(?P<ts1>.+?))?\s*:
            |\s*[|\u{2022}\u{b7}]\s*(?P<ts2>.+)
            |\s+(?i:on)\s+(?P<ts3>.+?)\s+(?i:said):
        )\s*$",
    )
    .expect("static regex")
});

/// Words a commenter's name line never is (sentences, headings, buttons, one-word replies).
const NOT_IN_NAMES: &[&str] = &[
    "a",
    "about",
    "advertisement",
    "agreed",
    "amen",
    "an",
    "analysis",
    "and",
    "are",
    "as",
    "at",
    "background",
    "be",
    "been",
    "bingo",
    "breaking",
    "but",
    "by",
    "cheers",
    "comment",
    "comments",
    "conclusion",
    "contact",
    "contents",
    "correct",
    "email",
    "exactly",
    "facebook",
    "for",
    "from",
    "good",
    "great",
    "he",
    "her",
    "here",
    "his",
    "home",
    "how",
    "i",
    "if",
    "in",
    "indeed",
    "introduction",
    "is",
    "it",
    "its",
    "live",
    "login",
    "lol",
    "me",
    "menu",
    "more",
    "my",
    "news",
    "next",
    "nice",
    "no",
    "nonsense",
    "not",
    "notes",
    "now",
    "of",
    "on",
    "opinion",
    "or",
    "our",
    "photo",
    "photos",
    "previous",
    "print",
    "read",
    "references",
    "regards",
    "related",
    "reply",
    "rubbish",
    "sad",
    "search",
    "share",
    "she",
    "so",
    "sources",
    "subscribe",
    "summary",
    "tags",
    "than",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "true",
    "tweet",
    "twitter",
    "update",
    "updated",
    "video",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "with",
    "wow",
    "yes",
    "you",
    "your",
];

/// What a line in a comment thread says about the comments.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Meta {
    /// A commenter's name on its own.
    Name(String),
    /// A timestamp; parsed when it is absolute and has a time of day.
    Time(Option<NaiveDateTime>),
    /// Name and time together.
    Header {
        author: String,
        posted: Option<NaiveDateTime>,
    },
    /// "Reply to X", "Reply", "3 likes", "Comments", ...
    Other,
}

/// A timestamp line: its value (when absolute with a time of day) and whether it is clearly
/// a comment's (has a time of day, or is relative: "2 days ago").
pub(crate) fn timestamp(plain: &str) -> Option<(Option<NaiveDateTime>, bool)> {
    if plain.len() > 60 {
        return None;
    }
    let first = first_word(plain);
    let relative = || {
        (ends_with_ci(plain, "ago")
            || ends_with_ci(plain, "edited")
            || ["yesterday", "today", "just"]
                .iter()
                .any(|w| first.eq_ignore_ascii_case(w)))
            && RELATIVE.is_match(plain)
    };
    // Cheap tests first: most lines are prose, and the regex would only say no.
    let may_be_date = plain.bytes().any(|b| b.is_ascii_digit())
        && (first.starts_with(|c: char| c.is_ascii_digit())
            || starts_with_month(first)
            || first.eq_ignore_ascii_case("posted")
            || first.eq_ignore_ascii_case("on"));
    if !may_be_date {
        return relative().then_some((None, true));
    }
    if let Some(c) = TIMESTAMP.captures(plain) {
        let has_time = c.name("h").is_some();
        return Some((posted(&c), has_time));
    }
    relative().then_some((None, true))
}

/// Like [`timestamp`] without reading the value (no captures: faster, for detection):
/// `Some(clear)` for a timestamp line.
pub(crate) fn is_timestamp(plain: &str) -> Option<bool> {
    if plain.len() > 60 {
        return None;
    }
    let first = first_word(plain);
    let may_be_date = plain.bytes().any(|b| b.is_ascii_digit())
        && (first.starts_with(|c: char| c.is_ascii_digit())
            || starts_with_month(first)
            || first.eq_ignore_ascii_case("posted")
            || first.eq_ignore_ascii_case("on"));
    if may_be_date && TIMESTAMP.is_match(plain) {
        // A time of day: digits, a colon or dot, two digits.
        let b = plain.as_bytes();
        let timed = b.windows(4).any(|w| {
            w[0].is_ascii_digit()
                && matches!(w[1], b':' | b'.')
                && w[2].is_ascii_digit()
                && w[3].is_ascii_digit()
        });
        return Some(timed);
    }
    timestamp(plain).map(|(_, clear)| clear)
}

/// The date and time of a matched timestamp, when it has a time of day and is a real date.
/// (A date alone says little about when within a thread a comment came.)
fn posted(c: &regex::Captures) -> Option<NaiveDateTime> {
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = |name: &str| {
        let m = c.name(name)?.as_str().get(..3)?;
        const NAMES: [&str; 12] = [
            "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
        ];
        NAMES
            .iter()
            .position(|n| n.eq_ignore_ascii_case(m))
            .map(|i| i as u32 + 1)
    };
    let mut hour = num("h")?;
    let minute = num("mi")?;
    let second = num("s").unwrap_or(0);
    match c.name("ap").map(|m| m.as_str().eq_ignore_ascii_case("p")) {
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(pm) => hour = hour % 12 + if pm { 12 } else { 0 },
        None => {}
    }
    let (year, month, day) = if c.name("y1").is_some() {
        (num("y1")?, month("m1")?, num("d1")?)
    } else if c.name("y2").is_some() {
        (num("y2")?, month("m2")?, num("d2")?)
    } else if c.name("y3").is_some() {
        (num("y3")?, num("m3")?, num("d3")?)
    } else {
        // a/b/yy: month first (US comment systems), unless that cannot be a date.
        let year = num("y4")?;
        let year = if year < 100 { 2000 + year } else { year };
        let (a, b) = (num("a4")?, num("b4")?);
        if a <= 12 { (year, a, b) } else { (year, b, a) }
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?
        .and_hms_opt(hour, minute, second)
}

/// A reply link, vote count or "Read more" on a line of its own.
pub(crate) fn is_button(plain: &str) -> bool {
    const FIRST: &[&str] = &[
        "flag", "hide", "in", "like", "likes", "load", "read", "replies", "reply", "replying",
        "report", "see", "show", "view",
    ];
    plain.len() <= 60 && first_word_in(plain, FIRST) && BUTTONS.is_match(plain)
}

/// The heading that opens a comment section: "12 Comments", "Leave a Reply".
pub(crate) fn is_section_header(plain: &str) -> bool {
    const FIRST: &[&str] = &[
        "add",
        "comment",
        "comments",
        "discussion",
        "join",
        "leave",
        "one",
        "post",
        "reader",
        "replies",
        "response",
        "responses",
        "thoughts",
        "write",
    ];
    plain.len() <= 200 && first_word_in(plain, FIRST) && SECTION.is_match(plain)
}

/// The first word, up to a space or punctuation.
fn first_word(plain: &str) -> &str {
    let end = plain
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(plain.len());
    &plain[..end]
}

/// Does the line start with a number or one of `words` (lower case, sorted)?
fn first_word_in(plain: &str, words: &[&str]) -> bool {
    let first = first_word(plain);
    first.starts_with(|c: char| c.is_ascii_digit())
        || words.iter().any(|w| w.eq_ignore_ascii_case(first))
}

fn starts_with_month(word: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    word.get(..3)
        .is_some_and(|head| MONTHS.iter().any(|m| m.eq_ignore_ascii_case(head)))
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// A comment cut short with a "Read more" link.
pub(crate) fn ends_read_more(plain: &str) -> bool {
    let t = plain.trim_end_matches([' ', '\u{bb}', '\u{2192}', '>', '.', '\u{2026}']);
    t.len() > 9
        && t.get(t.len() - 9..)
            .is_some_and(|end| end.eq_ignore_ascii_case("read more"))
}

/// A name (and maybe time) introducing a comment: "Jane Roe says:", "jroe \u{2022} 2 days ago".
pub(crate) fn says(plain: &str) -> Option<(String, Option<NaiveDateTime>)> {
    // Every form ends in a colon or has a separator; prose lines mostly do not.
    if plain.len() > 120 || !(plain.ends_with(':') || plain.contains(['|', '\u{2022}', '\u{b7}'])) {
        return None;
    }
    let c = SAYS.captures(plain)?;
    let name = c.name("name")?.as_str().trim();
    if !is_name_like(name, true) {
        return None;
    }
    if let Some(ts) = c.name("ts2").or(c.name("ts3")) {
        let (posted, _) = timestamp(ts.as_str().trim())?;
        return Some((name.to_string(), posted));
    }
    let posted = c
        .name("ts1")
        .and_then(|ts| timestamp(ts.as_str().trim()))
        .and_then(|(p, _)| p);
    Some((name.to_string(), posted))
}

/// A line printed twice in a row by a comment template is a name whatever its words
/// ("Daily News Online"), as long as it is short and not a sentence.
pub(crate) fn is_doubled_name(plain: &str, neighbour: Option<&str>) -> bool {
    neighbour == Some(plain)
        && plain.len() <= 60
        && !plain.contains(['.', ',', ';', ':', '!', '?', '"', '\u{201c}', '\u{201d}'])
}

/// What a line in a thread is, if it is not comment text. Names may be single words and
/// lower-case handles here, which only a thread makes likely.
pub(crate) fn meta(plain: &str) -> Option<Meta> {
    if is_section_header(plain) || is_button(plain) {
        return Some(Meta::Other);
    }
    if let Some((posted, _)) = timestamp(plain) {
        return Some(Meta::Time(posted));
    }
    if let Some((author, posted)) = says(plain) {
        return Some(Meta::Header { author, posted });
    }
    is_name_like(plain, true).then(|| Meta::Name(plain.to_string()))
}

/// Does the line look like a person's name or handle on its own? Short, no sentence
/// punctuation, no function words; capitalised words ("Jane Roe", "Real Anti-War Action"),
/// all lower case ("jane roe"), or a handle ("jroe1954", "BigB"). `relaxed` also admits a
/// single plain word.
pub(crate) fn is_name_like(plain: &str, relaxed: bool) -> bool {
    if plain.is_empty() || plain.len() > 40 {
        return false;
    }
    if has_name_breaker(plain) {
        return false;
    }
    let mut count = 0;
    let (mut caps, mut lower, mut digits) = (true, true, false);
    for word in plain.split_whitespace() {
        count += 1;
        if count > 4 {
            return false;
        }
        if word.contains('.') && !(word.len() <= 4 && word.ends_with('.')) {
            return false;
        }
        let lowered = word.to_lowercase();
        if NOT_IN_NAMES.binary_search(&lowered.as_str()).is_ok() {
            return false;
        }
        let first = word.chars().next().unwrap_or(' ');
        caps &= first.is_uppercase();
        lower &= !word.chars().any(char::is_uppercase);
        digits |= word.bytes().any(|b| b.is_ascii_digit());
    }
    if count == 1 {
        let handle = (digits && plain.chars().any(char::is_alphabetic))
            || plain.contains('_')
            || (plain.chars().skip(1).any(char::is_uppercase)
                && plain.chars().any(char::is_lowercase));
        return handle
            || (relaxed
                && (caps || lower)
                && plain
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'));
    }
    !digits && (caps || lower)
}

/// Punctuation a name line does not have: sentence marks, quotes, brackets, symbols.
fn has_name_breaker(plain: &str) -> bool {
    plain.chars().any(|c| {
        if c.is_ascii() {
            matches!(
                c,
                ',' | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '"'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '/'
                    | '|'
                    | '='
                    | '+'
                    | '*'
                    | '#'
                    | '%'
                    | '$'
                    | '&'
                    | '<'
                    | '>'
            )
        } else {
            matches!(
                c,
                '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{ab}' | '\u{bb}'
            )
        }
    })
}

/// How much a paragraph talks to someone: second person, thanks and agreement, first person
/// singular, exclamations and questions. Article prose scores low; replies score high.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Talk {
    pub score: u32,
    /// Addresses someone (you, thanks, lol, agree): what article prose rarely does.
    pub addressed: bool,
}

impl Talk {
    pub(crate) fn add(self, other: Talk) -> Talk {
        Talk {
            score: self.score + other.score,
            addressed: self.addressed || other.addressed,
        }
    }

    /// Conversational enough to be a reader comment.
    pub(crate) fn is_chat(self) -> bool {
        self.addressed && self.score >= 3
    }
}

/// Words that address someone: second person, thanks, agreement, chat.
const ADDRESS: &[&str] = &[
    "agree", "agreed", "btw", "disagree", "haha", "imho", "imo", "lmao", "lol", "thank", "thanks",
    "thx", "u", "ur", "ya", "you", "your", "youre", "yours", "yourself",
];
/// First person singular.
const SELF: &[&str] = &["i", "id", "im", "ive", "me", "my", "myself"];

pub(crate) fn talk(plain: &str) -> Talk {
    let mut t = Talk::default();
    let mut marks = 0;
    // Words are lower-cased ASCII with apostrophes dropped ("you're" -> "youre"); longer
    // words than any marker are skipped.
    let mut word = [0u8; 12];
    let mut len = 0usize;
    let flush = |len: &mut usize, word: &[u8; 12], t: &mut Talk| {
        // Every marker starts with one of these letters; skip the lookups for other words.
        if *len > 0
            && *len <= word.len()
            && matches!(
                word[0],
                b'a' | b'b' | b'd' | b'h' | b'i' | b'l' | b'm' | b't' | b'u' | b'y'
            )
        {
            let w = std::str::from_utf8(&word[..*len]).unwrap_or("");
            if ADDRESS.binary_search(&w).is_ok() {
                t.score += 2;
                t.addressed = true;
            } else if SELF.binary_search(&w).is_ok() {
                t.score += 1;
            }
        }
        *len = 0;
    };
    let bytes = plain.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            if len < word.len() {
                word[len] = b.to_ascii_lowercase();
            }
            len += 1;
        } else if b == b'\'' {
        } else if b == 0xE2 && bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x99) {
            // U+2019, the typographic apostrophe.
            i += 2;
        } else {
            if b == b'!' || b == b'?' {
                marks += 1;
            }
            flush(&mut len, &word, &mut t);
        }
        i += 1;
    }
    flush(&mut len, &word, &mut t);
    t.score += marks.min(3);
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Option<NaiveDateTime> {
        NaiveDate::from_ymd_opt(y, mo, d).and_then(|x| x.and_hms_opt(h, mi, 0))
    }

    #[test]
    fn stop_words_are_sorted() {
        for list in [NOT_IN_NAMES, ADDRESS, SELF] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn timestamps() {
        assert_eq!(
            timestamp("Mar 3, 2019 12:16 AM"),
            Some((at(2019, 3, 3, 0, 16), true))
        );
        assert_eq!(
            timestamp("3 March 2019 at 21:05"),
            Some((at(2019, 3, 3, 21, 5), true))
        );
        assert_eq!(
            timestamp("Sept 3rd, 2019 9:05 p.m."),
            Some((at(2019, 3 + 6, 3, 21, 5), true))
        );
        assert_eq!(timestamp("2 days ago"), Some((None, true)));
        assert_eq!(timestamp("about an hour ago"), Some((None, true)));
        assert_eq!(timestamp("Mar 3, 2019"), Some((None, false)));
        assert_eq!(timestamp("In March 2019 the talks failed."), None);
    }

    #[test]
    fn names() {
        for name in [
            "Jane Roe",
            "Real Anti-War Action",
            "jane roe",
            "jroe1954",
            "BigB",
            "J. Roe",
        ] {
            assert!(is_name_like(name, false), "{name}");
        }
        for line in [
            "Zones of silence",
            "What happens now?",
            "She added:",
            "Syria",
            "The \u{201c}Ceasefire\u{201d}",
            "JUNE 2023",
            "Thanks Tom",
        ] {
            assert!(!is_name_like(line, false), "{line}");
        }
        assert!(is_name_like("Sav", true));
    }

    #[test]
    fn thread_lines() {
        assert!(is_button("Reply to  jroe1954"));
        assert!(is_button("Reply"));
        assert!(is_button("12 likes"));
        assert!(is_section_header("14 Comments"));
        assert!(is_section_header("Leave a Reply"));
        assert!(!is_section_header(
            "Comment on our articles on our Facebook page"
        ));
        assert_eq!(says("Jane Roe says:"), Some(("Jane Roe".to_string(), None)));
        assert_eq!(
            says("jroe \u{2022} 2 days ago"),
            Some(("jroe".to_string(), None))
        );
        assert_eq!(says("The Foreign Ministry said:"), None);
        assert!(ends_read_more(
            "and that is why I think so \u{2026} Read more \u{bb}"
        ));
    }

    #[test]
    fn talk_scores() {
        assert!(talk("Thanks. Your analysis is the best I have read, keep it up!").is_chat());
        assert!(!talk("The army said on Monday that the convoy had been hit.").is_chat());
        assert!(!talk("I was in Aleppo when the strike came.").is_chat());
    }
}
