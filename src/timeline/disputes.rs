//! Disputes derived from the accounts' facets.
//!
//! A facet is disputed when the accounts of one event give it values that are not the same
//! position. Positions are listed in order of first appearance, never by how many hold them;
//! nothing is resolved, ranked or averaged. Counts are grouped by their figure, so "at least
//! 62" and "62" hold one position while "80" holds another; each account keeps its own wording.

use super::model::{Dispute, Event, FacetValue, Position};
use super::when::When;

/// Facets whose values are head counts.
const COUNT_FACETS: &[&str] = &[
    "killed",
    "injured",
    "wounded",
    "killed_or_injured",
    "dead",
    "casualties",
    "missing",
    "displaced",
    "arrested",
];

/// Facets whose values are dates.
const DATE_FACETS: &[&str] = &["date", "when"];

/// How two facet values are compared.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    Count(String),
    Date(When),
    Text(String),
}

/// Recompute every event's disputes from its accounts, keeping notes people wrote on them.
pub fn derive(event: &mut Event) {
    let mut facets: Vec<&str> = Vec::new();
    for account in &event.accounts {
        for name in account.facets.keys() {
            if !facets.contains(&name.as_str()) {
                facets.push(name);
            }
        }
    }
    let mut disputes = Vec::new();
    for facet in facets {
        let mut positions: Vec<(Key, Position)> = Vec::new();
        for account in &event.accounts {
            let Some(value) = account.facets.get(facet) else {
                continue;
            };
            let key = key_of(facet, value);
            match positions.iter_mut().find(|(k, _)| same_position(k, &key)) {
                Some((_, p)) => p.accounts.push(account.id.clone()),
                None => positions.push((
                    key.clone(),
                    Position {
                        value: display_of(&key, value),
                        accounts: vec![account.id.clone()],
                    },
                )),
            }
        }
        if positions.len() < 2 || !really_differ(&positions) {
            continue;
        }
        let note = event
            .disputes
            .iter()
            .find(|d| d.facet == facet)
            .and_then(|d| d.note.clone());
        disputes.push(Dispute {
            facet: facet.to_string(),
            positions: positions.into_iter().map(|(_, p)| p).collect(),
            note,
        });
    }
    // Notes on disputes that no longer arise are kept, so no human text is lost.
    for old in &event.disputes {
        if old.note.is_some() && !disputes.iter().any(|d| d.facet == old.facet) {
            disputes.push(Dispute {
                facet: old.facet.clone(),
                positions: Vec::new(),
                note: old.note.clone(),
            });
        }
    }
    event.disputes = disputes;
}

fn key_of(facet: &str, value: &FacetValue) -> Key {
    let text = value.to_string();
    if DATE_FACETS.contains(&facet)
        && let Ok(when) = text.parse::<When>()
    {
        return Key::Date(when);
    }
    if COUNT_FACETS.contains(&facet)
        && let Some(figure) = count_figure(&text)
    {
        return Key::Count(figure);
    }
    Key::Text(normalise(&text))
}

fn same_position(a: &Key, b: &Key) -> bool {
    a == b
}

/// Dates at different precisions that can be the same day are not a disagreement.
fn really_differ(positions: &[(Key, Position)]) -> bool {
    let dates: Vec<&When> = positions
        .iter()
        .filter_map(|(k, _)| match k {
            Key::Date(w) => Some(w),
            _ => None,
        })
        .collect();
    if dates.len() < positions.len() {
        return true;
    }
    dates
        .iter()
        .enumerate()
        .any(|(i, a)| dates[i + 1..].iter().any(|b| !a.overlaps(b)))
}

fn display_of(key: &Key, value: &FacetValue) -> String {
    match key {
        Key::Count(figure) => figure.clone(),
        _ => value.to_string(),
    }
}

/// Lower case, single spaces, no trailing full stop.
fn normalise(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .join(" ")
        .trim_end_matches(['.', ';', ','])
        .to_lowercase()
}

/// The figure of a count with its qualifier removed: "at least 62" → "62", "over 1,000" →
/// "1000", "sixty-two" → "62", "dozens" → "dozens". `None` when the text is not a count.
pub fn count_figure(text: &str) -> Option<String> {
    const QUALIFIERS: &[&str] = &[
        "at least",
        "at most",
        "more than",
        "fewer than",
        "less than",
        "up to",
        "over",
        "under",
        "about",
        "around",
        "approximately",
        "nearly",
        "almost",
        "some",
        "roughly",
        "some",
        "as many as",
        "~",
        ">",
        "<",
    ];
    let mut t = normalise(text);
    loop {
        let before = t.len();
        for q in QUALIFIERS {
            if let Some(rest) = t.strip_prefix(q) {
                t = rest.trim_start().to_string();
            }
        }
        if t.len() == before {
            break;
        }
    }
    let t = t.trim_end_matches('+').trim();
    let digits: String = t.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Some(digits.trim_start_matches('0').to_string())
            .filter(|s| !s.is_empty())
            .or(Some("0".into()));
    }
    if let Some(n) = words_to_number(t) {
        return Some(n.to_string());
    }
    const VAGUE: &[&str] = &[
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "several",
        "many",
        "a few",
        "few",
    ];
    VAGUE.contains(&t).then(|| t.to_string())
}

/// "sixty-two" → 62, "one hundred and five" → 105; English number words up to the millions.
pub fn words_to_number(text: &str) -> Option<u64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    for word in text
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if word == "and" {
            continue;
        }
        if let Some(n) = UNITS.iter().position(|u| *u == word) {
            current += n as u64;
        } else if let Some(n) = TENS.iter().position(|u| *u == word && !u.is_empty()) {
            current += 10 * n as u64;
        } else if word == "hundred" {
            current = current.max(1) * 100;
        } else if word == "thousand" {
            total += current.max(1) * 1_000;
            current = 0;
        } else if word == "million" {
            total += current.max(1) * 1_000_000;
            current = 0;
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::model::Account;

    fn account(id: &str, facets: &[(&str, FacetValue)]) -> Account {
        Account {
            id: id.into(),
            source: "s".into(),
            facets: facets
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect(),
            ..Account::default()
        }
    }

    #[test]
    fn counts_group_by_figure_keeping_order_of_appearance() {
        let mut e = Event {
            accounts: vec![
                account("a", &[("killed", "at least 62".into())]),
                account("b", &[("killed", 80.into())]),
                account("c", &[("killed", 62.into())]),
            ],
            ..Event::default()
        };
        derive(&mut e);
        assert_eq!(e.disputes.len(), 1);
        let d = &e.disputes[0];
        assert_eq!(d.positions[0].value, "62");
        assert_eq!(d.positions[0].accounts, ["a", "c"]);
        assert_eq!(d.positions[1].value, "80");
        assert_eq!(d.positions[1].accounts, ["b"]);
    }

    #[test]
    fn agreement_is_not_a_dispute_and_notes_survive() {
        let mut e = Event {
            accounts: vec![
                account(
                    "a",
                    &[("intent", "Deliberate".into()), ("date", "2016-09".into())],
                ),
                account(
                    "b",
                    &[
                        ("intent", "deliberate.".into()),
                        ("date", "2016-09-17".into()),
                    ],
                ),
            ],
            disputes: vec![Dispute {
                facet: "intent".into(),
                positions: vec![],
                note: Some("n".into()),
            }],
            ..Event::default()
        };
        derive(&mut e);
        assert_eq!(e.disputes.len(), 1);
        assert!(e.disputes[0].positions.is_empty());
        assert_eq!(e.disputes[0].note.as_deref(), Some("n"));
    }

    #[test]
    fn different_dates_are_disputed() {
        let mut e = Event {
            accounts: vec![
                account("a", &[("date", "2016-09-17".into())]),
                account("b", &[("date", "2016-09-19".into())]),
            ],
            ..Event::default()
        };
        derive(&mut e);
        assert_eq!(e.disputes[0].facet, "date");
    }

    #[test]
    fn count_figures() {
        assert_eq!(count_figure("at least 62").as_deref(), Some("62"));
        assert_eq!(count_figure("more than 1,000").as_deref(), Some("1000"));
        assert_eq!(count_figure("sixty-two").as_deref(), Some("62"));
        assert_eq!(
            count_figure("over one hundred and five").as_deref(),
            Some("105")
        );
        assert_eq!(count_figure("dozens").as_deref(), Some("dozens"));
        assert_eq!(count_figure("a convoy"), None);
    }
}
