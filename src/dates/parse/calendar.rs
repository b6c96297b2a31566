//! Calendar expressions named in the text: months, days, weekdays, years, decades,
//! seasons, quarters and holidays.

use super::{Parser, amount, clock, core};
use crate::dates::expr::{CalName, Expr, Found, Holiday, Rel, YearRef};
use crate::dates::lexicon::{Lex, Unit, W};
use crate::dates::scan::Kind;

/// Words before a month or season that make it a date: "in May", "by March", "early June".
fn temporal_lead(p: &Parser<'_>, i: usize) -> bool {
    i > 0
        && (matches!(
            p.w(i - 1),
            Some(
                W::In
                    | W::Since
                    | W::Until
                    | W::By
                    | W::During
                    | W::Of
                    | W::Early
                    | W::Late
                    | W::Mid
                    | W::Last
                    | W::Next
                    | W::This
                    | W::From
                    | W::To
                    | W::Through
                    | W::Before
                    | W::After
                    | W::And
                    | W::Or
                    | W::Coming
                    | W::Past
                    | W::On
                    | W::Every
                    | W::Each
                    | W::Over
                    | W::Following
                    | W::Previous
                    | W::Fiscal
            )
        ) || p.word_is(i - 1, "between")
            || p.word_is(i - 1, "throughout")
            || p.word_is(i - 1, "as")
            || p.punct(i - 1, '-'))
}

/// A year written in digits at `i` ("2016", "'16"): the year and the index after it.
pub fn year_at(p: &Parser<'_>, i: usize) -> Option<(i32, usize)> {
    if let Some((v, 4)) = p.num(i)
        && (1000..=2199).contains(&v)
        && !((p.punct(i + 1, '.') || p.punct(i + 1, ','))
            && p.tight(i + 1)
            && p.tight(i + 2)
            && p.num(i + 2).is_some())
    {
        return Some((v as i32, i + 1));
    }
    if p.punct(i, '\'')
        && let Some((v, 2)) = p.num(i + 1)
        && p.tight(i + 1)
        && !p.is_word(i + 2)
    {
        let y = if v >= 30 { 1900 + v } else { 2000 + v };
        return Some((y as i32, i + 2));
    }
    None
}

/// A day of the month at `i`: `16`, `16th`, `sixteenth`, `twenty-first`.
pub fn day_at(p: &Parser<'_>, i: usize) -> Option<(u8, usize)> {
    if let Some((v, d)) = p.num(i) {
        if d > 2 || !(1..=31).contains(&v) {
            return None;
        }
        let mut j = i + 1;
        if p.tight(j) && p.is_word(j) {
            let s = p.s(j).to_ascii_lowercase();
            if matches!(s.as_str(), "st" | "nd" | "rd" | "th") {
                j += 1;
            } else {
                return None;
            }
        }
        // "16:30" is a time, "16%" a share, "16.5" a decimal.
        if (p.punct(j, ':') || p.punct(j, '%') || p.punct(j, '.'))
            && p.tight(j)
            && p.num(j + 1).is_some()
        {
            return None;
        }
        return Some((v as u8, j));
    }
    match p.lex(i) {
        Lex::Ordinal(n) if (1..=31).contains(&n) => Some((n as u8, i + 1)),
        Lex::Number(tens @ (20 | 30)) if p.punct(i + 1, '-') && p.tight(i + 1) => {
            match p.lex(i + 2) {
                Lex::Ordinal(n) if n < 10 && tens + u32::from(n) <= 31 => {
                    Some(((tens + u32::from(n)) as u8, i + 3))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// A month name at `i` that really is a month, and the index after it (and its dot).
fn month_word(p: &Parser<'_>, i: usize, after_day: bool) -> Option<(u8, usize)> {
    let Lex::Month { month, abbrev } = p.lex(i) else {
        return None;
    };
    let mut j = i + 1;
    if abbrev {
        if !p.cap(i) {
            return None;
        }
        if p.punct(j, '.') && p.tight(j) {
            j += 1;
        } else if p.num(j).is_none() && !after_day {
            return None;
        }
        return Some((month, j));
    }
    let lower = !p.cap(i);
    let ambiguous = matches!(month, 3 | 5 | 8);
    if lower && ambiguous {
        return None;
    }
    Some((month, j))
}

/// Whether the word after a month makes it a name ("April Fools", "May Day" aside):
/// a capitalised word that is not itself temporal, with no preposition before the month.
fn looks_like_name(p: &Parser<'_>, i: usize, next: usize) -> bool {
    let prev_name = i > 0
        && p.is_word(i - 1)
        && p.cap(i - 1)
        && !p.sentence_start(i - 1)
        && matches!(p.lex(i - 1), Lex::Other)
        || (i > 0 && p.is(i - 1, W::Mr));
    let next_name = p.is_word(next)
        && p.cap(next)
        && matches!(p.lex(next), Lex::Other)
        && !p.t[next].has(crate::dates::scan::BREAK);
    prev_name || (next_name && !temporal_lead(p, i))
}

/// "September 19", "Sept. 19, 2016", "May 2016", "June of 2016", "April".
pub fn month_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (month, j) = month_word(p, i, false)?;
    if i > 0 && p.is(i - 1, W::Mr) {
        return None;
    }
    // Month day [,] [year]
    let (day, k) = match day_at(p, j) {
        Some((d, k)) if !p.punct(j, '.') => (Some(d), k),
        _ => (None, j),
    };
    if let Some(day) = day {
        // "May 5 people": an amount after all.
        if p.is(k, W::Quantity) {
            return None;
        }
        let mut m = k;
        if p.punct(m, ',') {
            m += 1;
        }
        if let Some((y, e)) = year_at(p, m)
            && valid_day(y, month, day)
        {
            return Some(Found::new(
                i,
                e,
                Expr::Cal {
                    name: CalName::Day(month, day),
                    year: YearRef::Explicit(y),
                },
            ));
        }
        if !valid_day(2000, month, day) {
            return None;
        }
        return Some(Found::new(
            i,
            k,
            Expr::Cal {
                name: CalName::Day(month, day),
                year: YearRef::Implicit,
            },
        ));
    }
    // Month [,|of] year
    let mut m = j;
    if p.punct(m, ',') || p.is(m, W::Of) {
        m += 1;
    }
    if let Some((y, e)) = year_at(p, m) {
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Month(month),
                year: YearRef::Explicit(y),
            },
        ));
    }
    // "March nineteen ninety-eight"
    if let Some((y, e)) = amount::spoken_year(p, j) {
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Month(month),
                year: YearRef::Explicit(y),
            },
        ));
    }
    // "January this year", "June last year"
    if let Some((n, e)) = this_last_next_year(p, j) {
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Month(month),
                year: YearRef::Rel(n),
            },
        ));
    }
    // A month alone: guard the words that are also verbs and names.
    if looks_like_name(p, i, j) {
        return None;
    }
    if matches!(month, 3 | 5 | 8) && !temporal_lead(p, i) {
        return None;
    }
    if p.upper(i) && !p.t[i].has(crate::dates::scan::BREAK) && !temporal_lead(p, i) {
        return None;
    }
    Some(Found::new(
        i,
        j,
        Expr::Cal {
            name: CalName::Month(month),
            year: YearRef::Implicit,
        },
    ))
}

/// "this year" (0), "last year" (-1), "next year" (1) at `i`.
pub fn this_last_next_year(p: &Parser<'_>, i: usize) -> Option<(i32, usize)> {
    let n = match p.w(i)? {
        W::This => 0,
        W::Last => -1,
        W::Next => 1,
        _ => return None,
    };
    matches!(
        p.lex(i + 1),
        Lex::Unit {
            unit: Unit::Year,
            plural: false
        }
    )
    .then_some((n, i + 2))
}

pub fn valid_day(year: i32, month: u8, day: u8) -> bool {
    chrono::NaiveDate::from_ymd_opt(year, month.into(), day.into()).is_some()
}

/// "16 May", "16th of May 2016", "the 16th of May".
pub fn day_month(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (day, j) = day_at(p, i)?;
    let k = if p.is(j, W::Of) { j + 1 } else { j };
    let (month, m) = month_word(p, k, true)?;
    let mut e = m;
    if p.punct(e, ',') && year_at(p, e + 1).is_some() {
        e += 1;
    }
    if let Some((y, end)) = year_at(p, e)
        && valid_day(y, month, day)
    {
        return Some(Found::new(
            i,
            end,
            Expr::Cal {
                name: CalName::Day(month, day),
                year: YearRef::Explicit(y),
            },
        ));
    }
    valid_day(2000, month, day).then(|| {
        Found::new(
            i,
            m,
            Expr::Cal {
                name: CalName::Day(month, day),
                year: YearRef::Implicit,
            },
        )
    })
}

/// Capitalised words after a weekday that make it a name: "the Sunday Times".
const WEEKDAY_NAMES: [&str; 14] = [
    "times",
    "telegraph",
    "express",
    "mirror",
    "post",
    "herald",
    "tribune",
    "mail",
    "star",
    "independent",
    "observer",
    "sport",
    "school",
    "people",
];

/// "Monday", "Saturday night", "Friday, Oct. 13", "Mondays".
pub fn weekday_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Lex::Weekday {
        day,
        plural,
        abbrev,
    } = p.lex(i)
    else {
        return None;
    };
    let mut j = i + 1;
    if abbrev {
        if !(p.cap(i) && p.punct(j, '.') && p.tight(j)) {
            return None;
        }
        j += 1;
    }
    if p.is_word(j) && p.cap(j) && !p.t[j].has(crate::dates::scan::BREAK) {
        let next = p.s(j).to_ascii_lowercase();
        let name = WEEKDAY_NAMES.contains(&next.as_str())
            || (i > 0 && p.is(i - 1, W::The) && matches!(p.lex(j), Lex::Other));
        if name {
            return None;
        }
    }
    if plural {
        let mut value = format!("XXXX-WXX-{day}");
        if let Lex::Part { part, .. } = p.lex(j) {
            value.push('T');
            value.push_str(part.code());
            j += 1;
        }
        return Some(Found::new(i, j, Expr::Set(value)));
    }
    // "Friday, Oct. 13", "Monday 19 September"
    let k = if p.punct(j, ',') { j + 1 } else { j };
    if let Some(mut f) = month_led(p, k).or_else(|| day_month(p, k))
        && matches!(
            f.expr,
            Expr::Cal {
                name: CalName::Day(..),
                ..
            }
        )
    {
        f.start = i;
        return Some(f);
    }
    // "Wednesday's ruling": news speaks of past days this way.
    let rel = if p.possessive(j).is_some() {
        Rel::Past
    } else {
        Rel::Tense
    };
    let mut f = Found::new(i, j, Expr::Weekday { day, rel });
    part_of_day(p, &mut f);
    Some(f)
}

/// Extend a day expression with "night", "morning": "Saturday night", "yesterday morning".
pub fn part_of_day(p: &Parser<'_>, f: &mut Found) {
    if let Lex::Part {
        part,
        plural: false,
    } = p.lex(f.end)
    {
        f.part = Some(part);
        f.end += 1;
    } else if (p.is(f.end, W::Noon) || p.is(f.end, W::Midday)) && f.clock.is_none() {
        f.clock = Some(crate::dates::expr::Clock {
            hour: 12,
            minute: 0,
            zone: None,
        });
        f.end += 1;
    }
}

/// "summer", "the summer of 2016", "spring 2015".
pub fn season_led(p: &Parser<'_>, i: usize, context: bool) -> Option<Found> {
    let Lex::Season { season, plural } = p.lex(i) else {
        return None;
    };
    if plural {
        return None;
    }
    let mut j = i + 1;
    if p.is(j, W::Of) && year_at(p, j + 1).is_some() {
        j += 1;
    }
    if let Some((y, e)) = year_at(p, j) {
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Season(season),
                year: YearRef::Explicit(y),
            },
        ));
    }
    if let Some((n, e)) = this_last_next_year(p, i + 1) {
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Season(season),
                year: YearRef::Rel(n),
            },
        ));
    }
    if !(context || temporal_lead(p, i)) {
        return None;
    }
    // "the fall of the Berlin Wall", "the spring offensive" stay untagged when the season
    // word is followed by "of" + non-year or used as a verb after "to".
    if p.is(i + 1, W::Of) || (i > 0 && p.is(i - 1, W::To)) {
        return None;
    }
    Some(Found::new(
        i,
        i + 1,
        Expr::Cal {
            name: CalName::Season(season),
            year: YearRef::Implicit,
        },
    ))
}

/// The year a quarter or half belongs to when the text gives one after it: "of 1990",
/// "of this year", "of fiscal 1990".
fn year_suffix(p: &Parser<'_>, j: usize) -> Option<(YearRef, usize)> {
    let mut k = j;
    if p.is(k, W::Of) {
        k += 1;
        if p.is(k, W::Fiscal) {
            k += 1;
        }
        if let Some((y, e)) = year_at(p, k) {
            return Some((YearRef::Explicit(y), e));
        }
        if let Some((n, e)) = this_last_next_year(p, k) {
            return Some((YearRef::Rel(n), e));
        }
        if p.is(k, W::The)
            && matches!(
                p.lex(k + 1),
                Lex::Unit {
                    unit: Unit::Year,
                    plural: false
                }
            )
        {
            return Some((YearRef::Rel(0), k + 2));
        }
        return None;
    }
    if let Some((y, e)) = year_at(p, k) {
        return Some((YearRef::Explicit(y), e));
    }
    None
}

/// A quarter or half named by an ordinal at `i`: "third quarter", "third-quarter",
/// "first half of 1990", "the 20th century". Returns the expression and its end.
pub fn ordinal_unit(p: &Parser<'_>, i: usize, year: YearRef) -> Option<Found> {
    let (n, mut j) = match p.lex(i) {
        Lex::Ordinal(n) => (n, i + 1),
        _ => match p.num(i) {
            Some((v, d)) if d <= 2 && p.tight(i + 1) => {
                let s = p.s(i + 1).to_ascii_lowercase();
                if !matches!(s.as_str(), "st" | "nd" | "rd" | "th") {
                    return None;
                }
                (v as u16, i + 2)
            }
            _ => return None,
        },
    };
    if p.is(j, W::Fiscal) {
        j += 1;
    }
    if p.punct(j, '-') && p.tight(j) {
        j += 1;
    }
    let Lex::Unit { unit, plural } = p.lex(j) else {
        return None;
    };
    let j = j + 1;
    let name = match unit {
        Unit::Quarter if (1..=4).contains(&n) => CalName::Quarter(Some(n as u8)),
        Unit::Half if (1..=2).contains(&n) => CalName::Half(n as u8),
        Unit::Century if (1..=30).contains(&n) && !plural => {
            return Some(Found::new(i, j, Expr::Century(i32::from(n) - 1)));
        }
        _ => return None,
    };
    if plural {
        // "the first and fourth quarters" are sets of quarters; leave them.
        return None;
    }
    let (year, end) = match year_suffix(p, j) {
        Some((y, e)) if year == YearRef::Implicit => (y, e),
        _ => (year, j),
    };
    Some(Found::new(i, end, Expr::Cal { name, year }))
}

pub fn ordinal_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    ordinal_unit(p, i, YearRef::Implicit)
}

/// "fiscal 1989", "fiscal 1990's first quarter", "fiscal second-quarter".
pub fn fiscal(p: &Parser<'_>, i: usize) -> Option<Found> {
    let mut j = i + 1;
    if matches!(
        p.lex(j),
        Lex::Unit {
            unit: Unit::Year,
            plural: false
        }
    ) && year_at(p, j + 1).is_some()
    {
        j += 1;
    }
    if let Some((y, e)) = year_at(p, j) {
        let k = p.possessive(e).unwrap_or(e);
        if let Some(mut f) = ordinal_unit(p, k, YearRef::Explicit(y)) {
            f.start = i;
            return Some(f);
        }
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Year,
                year: YearRef::Explicit(y),
            },
        ));
    }
    let mut f = ordinal_unit(p, j, YearRef::Implicit)?;
    f.start = i;
    Some(f)
}

/// Numbers: ISO and numeric dates, "16 May", years, "1990s", times, durations.
pub fn number_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (v, digits) = p.num(i)?;
    if let Some(f) = iso_date(p, i) {
        return Some(f);
    }
    if let Some(f) = numeric_date(p, i) {
        return Some(f);
    }
    if digits <= 2 {
        if let Some(f) = day_month(p, i) {
            return Some(f);
        }
        if let Some(f) = ordinal_unit(p, i, YearRef::Implicit) {
            return Some(f);
        }
    }
    if let Some(f) = clock::clock_at(p, i) {
        return Some(f);
    }
    if digits == 4 && (1000..=2190).contains(&v) {
        // "1990s"
        if p.tight(i + 1) && p.word_is(i + 1, "s") && v % 10 == 0 {
            return Some(Found::new(i, i + 2, Expr::Decade(v as i32 / 10)));
        }
        // "the 1980's"
        if v % 10 == 0
            && p.possessive(i + 1).is_some()
            && i > 0
            && matches!(p.w(i - 1), Some(W::The | W::Early | W::Late | W::Mid))
        {
            return Some(Found::new(i, i + 3, Expr::Decade(v as i32 / 10)));
        }
    }
    if let Some(f) = amount::amount_led(p, i) {
        return Some(f);
    }
    if digits == 4 && is_year(p, i) {
        return Some(Found::new(
            i,
            i + 1,
            Expr::Cal {
                name: CalName::Year,
                year: YearRef::Explicit(v as i32),
            },
        ));
    }
    None
}

/// Whether a four-digit number is a year and not an amount, a label or part of a longer
/// number ("resolution 2254", "$2016", "2,016", "555-2016", "2000 people").
pub fn is_year(p: &Parser<'_>, i: usize) -> bool {
    let Some((v, 4)) = p.num(i) else {
        return false;
    };
    if !(1000..=2100).contains(&v) {
        return false;
    }
    if i > 0 {
        let prev = &p.t[i - 1];
        if prev.kind == Kind::Punct && p.tight(i) {
            let c = char::from_u32(prev.num).unwrap_or(' ');
            if matches!(c, '$' | '£' | '€' | '¥' | '#' | '+') {
                return false;
            }
            if matches!(c, ',' | '.' | '-' | '/' | ':')
                && i >= 2
                && p.num(i - 2).is_some()
                && p.tight(i - 1)
            {
                // "2015-2016" is still a year; "555-2016" is not.
                if !(c == '-'
                    && p.num(i - 2)
                        .is_some_and(|(a, d)| d == 4 && (1000..=2100).contains(&a)))
                {
                    return false;
                }
            }
        }
        if prev.kind == Kind::Num {
            return false;
        }
        match prev.lex {
            Lex::W(
                W::Label
                | W::About
                | W::Around
                | W::Nearly
                | W::Almost
                | W::Than
                | W::Some
                | W::Approximately
                | W::Roughly
                | W::Over
                | W::Under,
            ) => return false,
            Lex::W(W::To) if i >= 2 && p.is(i - 2, W::Up) => return false,
            Lex::Other if prev.kind == Kind::Word && p.cap(i - 1) && !p.sentence_start(i - 1) => {
                return false;
            }
            _ => {}
        }
    }
    if let Some(next) = p.t.get(i + 1) {
        if next.is_punct('%') {
            return false;
        }
        if matches!(next.lex, Lex::W(W::Quantity)) {
            return false;
        }
        if next.kind == Kind::Punct && p.tight(i + 1) && p.tight(i + 2) {
            let c = char::from_u32(next.num).unwrap_or(' ');
            if let Some((_, d)) = p.num(i + 2)
                && (matches!(c, ',' | '.' | ':' | '/')
                    || (c == '-' && d == 3)
                    || (c == '-' && d > 4))
            {
                return false;
            }
        }
    }
    true
}

/// `2016-09-17`, `2016-09-17T19:00`, `2016-09`.
fn iso_date(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (y, 4) = p.num(i)? else { return None };
    if !(p.punct(i + 1, '-') && p.tight(i + 1) && p.tight(i + 2)) {
        return None;
    }
    let (m, 2) = p.num(i + 2)? else { return None };
    if !(1..=12).contains(&m) {
        return None;
    }
    if p.punct(i + 3, '-') && p.tight(i + 3) && p.tight(i + 4) {
        let (d, 2) = p.num(i + 4)? else { return None };
        if !valid_day(y as i32, m as u8, d as u8) {
            return None;
        }
        let mut f = Found::new(
            i,
            i + 5,
            Expr::Cal {
                name: CalName::Day(m as u8, d as u8),
                year: YearRef::Explicit(y as i32),
            },
        );
        // "2016-09-17T19:00" or "2016-09-17 19:00"
        let k = i + 5;
        let t = if p.tight(k) && p.word_is(k, "t") {
            k + 1
        } else {
            k
        };
        if let Some((c, e)) = clock::hh_mm(p, t) {
            f.clock = Some(c);
            f.end = e;
        }
        return Some(f);
    }
    (y >= 1000).then(|| {
        Found::new(
            i,
            i + 3,
            Expr::Cal {
                name: CalName::Month(m as u8),
                year: YearRef::Explicit(y as i32),
            },
        )
    })
}

/// `17/09/2016`, `9/17/2016`, `17.09.2016`: day first when the first part cannot be a
/// month or a dot separates the parts, month first otherwise (US style).
fn numeric_date(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (a, da) = p.num(i)?;
    if let Some(f) = slashed_iso(p, i) {
        return Some(f);
    }
    let sep = if p.punct(i + 1, '/') {
        '/'
    } else if p.punct(i + 1, '.') {
        '.'
    } else {
        return None;
    };
    if da > 2
        || !(p.tight(i + 1)
            && p.tight(i + 2)
            && p.punct(i + 3, sep)
            && p.tight(i + 3)
            && p.tight(i + 4))
    {
        return None;
    }
    let (b, db) = p.num(i + 2)?;
    let (y, dy) = p.num(i + 4)?;
    if db > 2 || !(dy == 4 || dy == 2) {
        return None;
    }
    // Part of a longer run ("1/2/3/4") or a version number.
    if p.tight(i + 5) && (p.punct(i + 5, sep) || p.num(i + 6).is_some()) {
        return None;
    }
    let year = if dy == 2 {
        if y >= 50 { 1900 + y } else { 2000 + y }
    } else {
        y
    } as i32;
    let (month, day) = if sep == '.' || a > 12 { (b, a) } else { (a, b) };
    if !valid_day(year, month as u8, day as u8) {
        return None;
    }
    Some(Found::new(
        i,
        i + 5,
        Expr::Cal {
            name: CalName::Day(month as u8, day as u8),
            year: YearRef::Explicit(year),
        },
    ))
}

/// `2016/09/17`: year first, month, day.
fn slashed_iso(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (y, 4) = p.num(i)? else { return None };
    let tight = (i + 1..=i + 4).all(|k| p.tight(k));
    if !(tight && p.punct(i + 1, '/') && p.punct(i + 3, '/')) {
        return None;
    }
    let (m, dm) = p.num(i + 2)?;
    let (d, dd) = p.num(i + 4)?;
    if dm > 2 || dd > 2 || !valid_day(y as i32, m as u8, d as u8) {
        return None;
    }
    Some(Found::new(
        i,
        i + 5,
        Expr::Cal {
            name: CalName::Day(m as u8, d as u8),
            year: YearRef::Explicit(y as i32),
        },
    ))
}

/// "'80s": a decade.
pub fn apostrophe_decade(p: &Parser<'_>, i: usize) -> Option<Found> {
    if !p.punct(i, '\'') {
        return None;
    }
    let (v, 2) = p.num(i + 1)? else { return None };
    if !(p.tight(i + 1) && p.tight(i + 2) && p.word_is(i + 2, "s") && v % 10 == 0) {
        return None;
    }
    let y = if v >= 30 { 1900 + v } else { 2000 + v };
    Some(Found::new(i, i + 3, Expr::Decade(y as i32 / 10)))
}

/// "Christmas", "Christmas Eve", "Thanksgiving", "New Year's Day", "Election Day".
pub fn holiday_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    if !p.cap(i) {
        return None;
    }
    let day = |k: usize| p.word_is(k, "day") && p.cap(k);
    let (h, mut j) = match p.w(i)? {
        W::Christmas if p.is(i + 1, W::Eve) => (Holiday::ChristmasEve, i + 2),
        W::Christmas => (Holiday::Christmas, if day(i + 1) { i + 2 } else { i + 1 }),
        W::Thanksgiving => (
            Holiday::Thanksgiving,
            if day(i + 1) { i + 2 } else { i + 1 },
        ),
        W::Easter => (
            Holiday::Easter,
            if p.word_is(i + 1, "sunday") {
                i + 2
            } else {
                i + 1
            },
        ),
        W::Election if day(i + 1) => (Holiday::ElectionDay, i + 2),
        W::Independence if day(i + 1) => (Holiday::IndependenceDay, i + 2),
        W::New
            if p.cap(i + 1)
                && matches!(
                    p.lex(i + 1),
                    Lex::Unit {
                        unit: Unit::Year,
                        ..
                    }
                ) =>
        {
            let k = p.possessive(i + 2).unwrap_or(i + 2);
            if p.is(k, W::Eve) {
                (Holiday::NewYearsEve, k + 1)
            } else if day(k) {
                (Holiday::NewYearsDay, k + 1)
            } else {
                return None;
            }
        }
        _ => return None,
    };
    // "Christmas tree", "Easter egg": a lower-case noun after the name.
    if j == i + 1 && p.is_word(j) && !p.cap(j) && matches!(p.lex(j), Lex::Other) {
        return None;
    }
    let mut year = YearRef::Implicit;
    if let Some((y, e)) = year_at(p, j) {
        year = YearRef::Explicit(y);
        j = e;
    }
    Some(Found::new(
        i,
        j,
        Expr::Cal {
            name: CalName::Holiday(h),
            year,
        },
    ))
}

/// "Q3", "Q3 2016", "H1 2017": written by businesses.
pub fn quarter_code(p: &Parser<'_>, i: usize) -> Option<Found> {
    let s = p.s(i);
    let half = match s {
        "Q" => false,
        "H" => true,
        _ => return None,
    };
    let (n, 1) = p.num(i + 1)? else { return None };
    if !p.tight(i + 1) || p.tight(i + 2) && p.is_word(i + 2) {
        return None;
    }
    let name = match (half, n) {
        (false, 1..=4) => CalName::Quarter(Some(n as u8)),
        (true, 1..=2) => CalName::Half(n as u8),
        _ => return None,
    };
    let (year, end) = match year_at(p, i + 2) {
        Some((y, e)) => (YearRef::Explicit(y), e),
        None => (YearRef::Implicit, i + 2),
    };
    Some(Found::new(i, end, Expr::Cal { name, year }))
}

/// Whether `f` is a calendar expression that can take "early", "mid", "late".
pub fn takes_edge(f: &Found) -> bool {
    matches!(
        f.expr,
        Expr::Cal { .. }
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::UnitShift { .. }
            | Expr::DayShift(_)
            | Expr::Weekday { .. }
            | Expr::Weekend(_)
            | Expr::Narrative { .. }
    )
}

/// A calendar expression at `i` for "early", "mid-", "the end of".
pub fn edge_target(p: &Parser<'_>, i: usize) -> Option<Found> {
    let f = core(p, i)?;
    takes_edge(&f).then_some(f)
}
