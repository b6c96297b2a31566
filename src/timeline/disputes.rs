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
        hold_by_claimant(event, &mut positions);
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
    if let Some(d) = stance_dispute(event, &disputes) {
        disputes.push(d);
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

/// Who an account speaks for: its source and claimant.
fn voice(a: &super::model::Account) -> (&str, &str) {
    (a.source.as_str(), a.claimant.as_str())
}

/// A position is held by a claimant: the claimant's other accounts of the event, in the same
/// source, that give no value of their own join the one position the claimant holds.
fn hold_by_claimant(event: &Event, positions: &mut [(Key, Position)]) {
    let position_of = |id: &str| {
        positions
            .iter()
            .position(|(_, p)| p.accounts.iter().any(|a| a == id))
    };
    let mut additions: Vec<(usize, String)> = Vec::new();
    for account in &event.accounts {
        if position_of(&account.id).is_some() {
            continue;
        }
        let held: Vec<usize> = event
            .accounts
            .iter()
            .filter(|o| voice(o) == voice(account))
            .filter_map(|o| position_of(&o.id))
            .collect();
        if let Some(&first) = held.first()
            && held.iter().all(|&p| p == first)
        {
            additions.push((first, account.id.clone()));
        }
    }
    for (p, id) in additions {
        positions[p].1.accounts.push(id);
    }
    // Accounts in the order the event lists them.
    let order = |id: &String| event.accounts.iter().position(|a| &a.id == id);
    for (_, p) in positions.iter_mut() {
        p.accounts.sort_by_key(order);
    }
}

/// A denial or questioning that no facet captures is still a disagreement: some claimants
/// affirm the account, others deny or question it.
fn stance_dispute(event: &Event, facet_disputes: &[Dispute]) -> Option<Dispute> {
    use super::model::Stance;
    let in_dispute = |id: &str| {
        facet_disputes.iter().any(|d| {
            d.positions
                .iter()
                .any(|p| p.accounts.iter().any(|a| a == id))
        })
    };
    let dissent: Vec<&super::model::Account> = event
        .accounts
        .iter()
        .filter(|a| matches!(a.stance, Stance::Denies | Stance::Questions) && !in_dispute(&a.id))
        .collect();
    if dissent.is_empty() {
        return None;
    }
    let dissenters: Vec<(&str, &str)> = dissent.iter().map(|a| voice(a)).collect();
    let affirmed: Vec<String> = event
        .accounts
        .iter()
        .filter(|a| {
            matches!(a.stance, Stance::Asserts | Stance::Alleges) && !dissenters.contains(&voice(a))
        })
        .map(|a| a.id.clone())
        .collect();
    if affirmed.is_empty() {
        return None;
    }
    let mut positions = vec![Position {
        value: "affirmed".into(),
        accounts: affirmed,
    }];
    for (value, stance) in [
        ("denied", Stance::Denies),
        ("questioned", Stance::Questions),
    ] {
        let ids: Vec<String> = dissent
            .iter()
            .filter(|a| a.stance == stance)
            .map(|a| a.id.clone())
            .collect();
        if !ids.is_empty() {
            positions.push(Position {
                value: value.into(),
                accounts: ids,
            });
        }
    }
    let note = event
        .disputes
        .iter()
        .find(|d| d.facet == STANCE)
        .and_then(|d| d.note.clone());
    Some(Dispute {
        facet: STANCE.into(),
        positions,
        note,
    })
}

/// The name of the dispute derived from stances rather than facets.
pub const STANCE: &str = "stance";

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
const SCALES: &[&str] = &["hundred", "thousand", "million"];

/// A word `words_to_number` reads ("sixty", "hundred", "and"; not "zero").
pub fn is_number_word(word: &str) -> bool {
    word == "and"
        || UNITS[1..].contains(&word)
        || TENS.contains(&word) && !word.is_empty()
        || SCALES.contains(&word)
}

/// "sixty-two" → 62, "one hundred and five" → 105; English number words up to the millions.
/// Nonsense such as "hundred hundred hundred ..." saturates instead of overflowing.
pub fn words_to_number(text: &str) -> Option<u64> {
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
            current = current.saturating_add(n as u64);
        } else if let Some(n) = TENS.iter().position(|u| *u == word && !u.is_empty()) {
            current = current.saturating_add(10 * n as u64);
        } else if word == "hundred" {
            current = current.max(1).saturating_mul(100);
        } else if word == "thousand" {
            total = total.saturating_add(current.max(1).saturating_mul(1_000));
            current = 0;
        } else if word == "million" {
            total = total.saturating_add(current.max(1).saturating_mul(1_000_000));
            current = 0;
        } else {
            return None;
        }
        any = true;
    }
    any.then_some(total.saturating_add(current))
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
    fn a_claimant_holds_its_position_with_all_its_accounts() {
        let mut e = Event {
            accounts: vec![
                account("a1", &[("intent", "deliberate".into())]),
                Account {
                    id: "a2".into(),
                    source: "s".into(),
                    ..Account::default()
                },
                Account {
                    id: "b1".into(),
                    source: "t".into(),
                    claimant: "Other".into(),
                    facets: [("intent".to_string(), FacetValue::from("accidental"))].into(),
                    ..Account::default()
                },
            ],
            ..Event::default()
        };
        derive(&mut e);
        assert_eq!(e.disputes[0].positions[0].accounts, ["a1", "a2"]);
        assert_eq!(e.disputes[0].positions[1].accounts, ["b1"]);
    }

    #[test]
    fn a_denial_without_facets_is_a_stance_dispute() {
        use crate::timeline::model::Stance;
        let mut e = Event {
            accounts: vec![
                Account {
                    id: "a".into(),
                    source: "s".into(),
                    claimant: "Mayor".into(),
                    ..Account::default()
                },
                Account {
                    id: "b".into(),
                    source: "s".into(),
                    claimant: "Board".into(),
                    stance: Stance::Denies,
                    ..Account::default()
                },
                Account {
                    id: "c".into(),
                    source: "t".into(),
                    claimant: "Union".into(),
                    stance: Stance::Questions,
                    ..Account::default()
                },
            ],
            ..Event::default()
        };
        derive(&mut e);
        let d = &e.disputes[0];
        assert_eq!(d.facet, STANCE);
        let shape: Vec<(&str, Vec<&str>)> = d
            .positions
            .iter()
            .map(|p| {
                (
                    p.value.as_str(),
                    p.accounts.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                ("affirmed", vec!["a"]),
                ("denied", vec!["b"]),
                ("questioned", vec!["c"])
            ]
        );
    }

    #[test]
    fn a_denial_captured_by_a_facet_is_not_repeated_as_stance() {
        use crate::timeline::model::Stance;
        let mut e = Event {
            accounts: vec![
                Account {
                    id: "a".into(),
                    source: "s".into(),
                    claimant: "Mayor".into(),
                    facets: [("cause".to_string(), FacetValue::from("neglect"))].into(),
                    ..Account::default()
                },
                Account {
                    id: "b".into(),
                    source: "s".into(),
                    claimant: "Board".into(),
                    stance: Stance::Denies,
                    facets: [("cause".to_string(), FacetValue::from("rain"))].into(),
                    ..Account::default()
                },
            ],
            ..Event::default()
        };
        derive(&mut e);
        assert_eq!(e.disputes.len(), 1);
        assert_eq!(e.disputes[0].facet, "cause");
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

    #[test]
    fn number_words_saturate_rather_than_overflow() {
        assert_eq!(words_to_number("two thousand and sixteen"), Some(2016));
        assert_eq!(words_to_number(&"hundred ".repeat(40)), Some(u64::MAX));
        assert_eq!(words_to_number(&"million ".repeat(40)), Some(40_000_000));
        assert!(is_number_word("ninety") && is_number_word("and") && !is_number_word(""));
    }
}
