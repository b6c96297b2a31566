//! Dates given by an event the text names: "the day after the fire", "two weeks after the
//! election", "hours before the crash", "the night before the vote". The date tagger cannot
//! resolve them, since they hang on an event rather than the calendar; the event reader
//! can, once it knows when that event happened ([`Offset::from`]).

use chrono::{Days, Months, NaiveDate};

use super::triggers::{self, EventType};
use crate::dates::lexicon::{self, DayPart, Lex, Unit};
use crate::lexicon::Lexicon;
use crate::timeline::when::When;

/// How far from the named event, and how precisely that is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    /// So many days after (negative: before); the same day for hours and minutes.
    Days(i64),
    /// So many months after or before: the month is known, not the day.
    Months(i32),
}

impl Offset {
    /// The date this far from an event known to lie between `lo` and `hi`: a day from a
    /// day; from a month, the month it falls in, or the days it may be.
    pub fn from_range(self, lo: NaiveDate, hi: NaiveDate) -> Option<When> {
        if lo == hi {
            return self.from(lo);
        }
        let (a, b) = (self.from(lo)?, self.from(hi)?);
        let (a, _) = a.day_range()?;
        let (_, b) = b.day_range()?;
        use chrono::Datelike;
        Some(if (a.year(), a.month()) == (b.year(), b.month()) {
            When::month(a.year(), a.month() as u8)
        } else {
            When::between(a, b)
        })
    }

    /// The date this far from an event on `day`.
    pub fn from(self, day: NaiveDate) -> Option<When> {
        match self {
            Offset::Days(n) if n >= 0 => day.checked_add_days(Days::new(n as u64)).map(When::date),
            Offset::Days(n) => day
                .checked_sub_days(Days::new(n.unsigned_abs()))
                .map(When::date),
            Offset::Months(n) => {
                let shifted = if n >= 0 {
                    day.checked_add_months(Months::new(n as u32))
                } else {
                    day.checked_sub_months(Months::new(n.unsigned_abs()))
                }?;
                use chrono::Datelike;
                Some(When::month(shifted.year(), shifted.month() as u8))
            }
        }
    }
}

/// A phrase dated by an event: where it is, the event noun it hangs on, and the offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate {
    pub start: usize,
    pub end: usize,
    /// The kind of event the noun names.
    pub kind: EventType,
    pub offset: Offset,
}

/// Words of the phrase with their byte offsets, lower case.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        // "5%" and "$5" are amounts, not numbers of days.
        let inside = c.is_alphanumeric() || matches!(c, '-' | '\'' | '%' | '$' | '£' | '€');
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The span of days (or months) a quantity and unit name: "the day" 1, "two weeks" 14,
/// "hours" 0 (the same day); `None` for what is too vague ("days", "weeks").
fn amount(quantity: Option<u32>, unit: &str) -> Option<Offset> {
    let n = i64::from(quantity.unwrap_or(1));
    match lexicon::classify(unit.as_bytes()) {
        Lex::Unit { unit, plural } => match unit {
            Unit::Hour | Unit::Minute => Some(Offset::Days(0)),
            _ if plural && quantity.is_none() => None,
            Unit::Day => Some(Offset::Days(n)),
            Unit::Week => Some(Offset::Days(7 * n)),
            Unit::Fortnight => Some(Offset::Days(14 * n)),
            Unit::Month => Some(Offset::Months(n as i32)),
            _ => None,
        },
        // "the morning after", "the night before": the next or the previous day.
        Lex::Part {
            part,
            plural: false,
        } if quantity.is_none()
            && matches!(part, DayPart::Morning | DayPart::Evening | DayPart::Night) =>
        {
            Some(Offset::Days(1))
        }
        _ => None,
    }
}

/// What kind of event a noun names: the fixed list's, else the vocabulary's.
fn noun_kind(word: &str, lex: &Lexicon) -> Option<EventType> {
    if let Some(t) = triggers::find(word).into_iter().find(|t| t.nominal) {
        return Some(t.kind);
    }
    let lemma = word
        .strip_suffix('s')
        .filter(|_| lex.events.noun(word).is_empty());
    let class = *lex.events.noun(lemma.unwrap_or(word)).first()?;
    Some(EventType::of_class(class))
}

/// Every phrase of `text` dated by a named event ("the day after the fire"), offsets
/// relative to `text`.
pub fn find(text: &str, lex: &Lexicon) -> Vec<EventDate> {
    let w = words(text);
    let mut out = Vec::new();
    for (i, (_, _, rel)) in w.iter().enumerate() {
        let sign = match rel.as_str() {
            "after" | "following" => 1,
            "before" => -1,
            // "on the day of the crash", "on the eve of the vote".
            "of" => 0,
            _ => continue,
        };
        // [quantity] unit: "the day", "two weeks", "a month", "hours", "48 hours".
        let Some((_, _, unit)) = i.checked_sub(1).map(|u| &w[u]) else {
            continue;
        };
        let on = match unit.as_str() {
            "day" if sign == 0 => Some(Offset::Days(0)),
            "eve" if sign == 0 => Some(Offset::Days(-1)),
            _ => None,
        };
        if sign == 0 && (on.is_none() || i < 2 || w[i - 2].2 != "the") {
            continue;
        }
        let (quantity, first) = match i.checked_sub(2).map(|q| (q, w[q].2.as_str())) {
            Some((q, "the" | "a" | "an" | "one")) => (None, q),
            Some((q, number)) => {
                match (number.parse::<u32>(), lexicon::classify(number.as_bytes())) {
                    (Ok(n), _) | (_, Lex::Number(n)) => (Some(n), q),
                    _ => (None, i - 1),
                }
            }
            None => (None, i - 1),
        };
        let Some(offset) = on.or_else(|| amount(quantity, unit)) else {
            continue;
        };
        // A definite event noun right after: "the fire", "its launch", "Sunday's vote" is
        // left to the date tagger.
        let Some((_, _, det)) = w.get(i + 1) else {
            continue;
        };
        if !matches!(
            det.as_str(),
            "the" | "this" | "that" | "its" | "his" | "her" | "their"
        ) {
            continue;
        }
        // The noun, after at most one modifier ("the deadly fire", "the first vote").
        let Some((end, kind)) = w[i + 2..w.len().min(i + 4)]
            .iter()
            .find_map(|(_, e, word)| noun_kind(word, lex).map(|k| (*e, k)))
        else {
            continue;
        };
        let offset = match offset {
            _ if sign == 0 => offset,
            Offset::Days(n) => Offset::Days(sign * n),
            Offset::Months(n) => Offset::Months(sign as i32 * n),
        };
        out.push(EventDate {
            start: w[first].0,
            end,
            kind,
            offset,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn found(text: &str) -> Vec<(String, Offset)> {
        find(text, Lexicon::active())
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.offset))
            .collect()
    }

    #[test]
    fn phrases_dated_by_a_named_event() {
        assert_eq!(
            found("He was arrested the day after the fire on suspicion of manslaughter."),
            [("the day after the fire".to_string(), Offset::Days(1))]
        );
        assert_eq!(
            found("Two weeks after the election, the coalition collapsed."),
            [("Two weeks after the election".to_string(), Offset::Days(14))]
        );
        assert_eq!(
            found("Shares fell 5% hours before the crash."),
            [("hours before the crash".to_string(), Offset::Days(0))]
        );
        assert_eq!(
            found("Voters queued the night before the referendum."),
            [(
                "the night before the referendum".to_string(),
                Offset::Days(-1)
            )]
        );
        assert_eq!(
            found("A month after the deadly earthquake, aid had not arrived."),
            [(
                "A month after the deadly earthquake".to_string(),
                Offset::Months(1)
            )]
        );
    }

    #[test]
    fn the_day_of_an_event_is_its_day() {
        assert_eq!(
            found("The launcher was moved on the day of the crash."),
            vec![("the day of the crash".to_string(), Offset::Days(0))]
        );
        assert_eq!(
            found("Rebels shelled the town on the eve of the vote."),
            vec![("the eve of the vote".to_string(), Offset::Days(-1))]
        );
        assert!(found("A day of mourning followed the crash.").is_empty());
    }

    #[test]
    fn vague_or_eventless_phrases_are_not_dates() {
        // Too vague to date by; not an event; not a time before or after.
        assert!(found("Days after the fire, the site was still closed.").is_empty());
        assert!(found("He arrived the day after the manager.").is_empty());
        assert!(found("A week after Christmas the shops reopened.").is_empty());
        assert!(found("The morning of the crash was foggy.").is_empty());
    }

    #[test]
    fn offsets_give_days_and_months() {
        let day = NaiveDate::from_ymd_opt(2024, 10, 2).expect("a date");
        assert_eq!(Offset::Days(1).from(day), Some(When::day(2024, 10, 3)));
        assert_eq!(Offset::Days(-3).from(day), Some(When::day(2024, 9, 29)));
        assert_eq!(Offset::Months(4).from(day), Some(When::month(2025, 2)));
        // From a month: the day after a day of October is in October or on 1 November.
        let (lo, hi) = (
            day.with_day(1).expect("a day"),
            day.with_day(31).expect("a day"),
        );
        assert_eq!(
            Offset::Days(1).from_range(lo, hi),
            Some(When::between(
                NaiveDate::from_ymd_opt(2024, 10, 2).expect("a date"),
                NaiveDate::from_ymd_opt(2024, 11, 1).expect("a date")
            ))
        );
        assert_eq!(
            Offset::Days(0).from_range(lo, hi),
            Some(When::month(2024, 10))
        );
    }
}
