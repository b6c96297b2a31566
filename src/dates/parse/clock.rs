//! Times of day: "7 pm", "10:30 a.m. EST", "19:00 GMT", "noon Thursday", "7 pm Damascus
//! time", "4 in the morning".

use super::calendar::{day_month, month_led, weekday_led};
use super::{Parser, shift};
use crate::dates::calendar::place;
use crate::dates::expr::{CalName, Clock, Expr, Found, Zone};
use crate::dates::lexicon::{DayPart, Lex, W};

/// "am", "pm", "a.m.", "p.m", "AM": `Some(true)` for pm, and the index after it.
fn ampm(p: &Parser<'_>, i: usize) -> Option<(bool, usize)> {
    match p.w(i) {
        Some(W::Am) => return Some((false, i + 1)),
        Some(W::Pm) => return Some((true, i + 1)),
        _ => {}
    }
    let pm = if p.word_is(i, "a") {
        false
    } else if p.word_is(i, "p") {
        true
    } else {
        return None;
    };
    if p.punct(i + 1, '.') && p.tight(i + 1) && p.word_is(i + 2, "m") && p.tight(i + 2) {
        let e = if p.punct(i + 3, '.') && p.tight(i + 3) {
            i + 4
        } else {
            i + 3
        };
        return Some((pm, e));
    }
    None
}

/// A time zone at `i`: "GMT", "EST", "UTC+3", "(GMT)", "Damascus time", "local time".
fn zone(p: &Parser<'_>, i: usize) -> Option<(Zone, usize)> {
    if p.punct(i, '(')
        && let Some((z, e)) = zone(p, i + 1)
        && p.punct(e, ')')
    {
        return Some((z, e + 1));
    }
    match p.w(i) {
        Some(W::Gmt | W::Utc) if p.upper(i) || p.s(i) == "Z" => {
            // "GMT+3", "UTC-05:00"
            let sign = if p.punct(i + 1, '+') {
                1
            } else if p.punct(i + 1, '-') {
                -1
            } else {
                return Some((Zone::Fixed(0), i + 1));
            };
            // An offset has at most four digits ("+3", "+0530"); more is not a zone.
            if let Some((h, d)) = p.num(i + 2)
                && d <= 4
                && p.tight(i + 1)
                && p.tight(i + 2)
            {
                let h = i16::try_from(h).unwrap_or(i16::MAX);
                let (mut off, mut e) = if d <= 2 {
                    (h.saturating_mul(60), i + 3)
                } else {
                    ((h / 100) * 60 + h % 100, i + 3)
                };
                if d <= 2
                    && p.punct(e, ':')
                    && p.tight(e)
                    && let Some((m, 2)) = p.num(e + 1)
                {
                    off += m as i16;
                    e += 2;
                }
                if off.abs() <= 14 * 60 {
                    return Some((Zone::Fixed(sign * off), e));
                }
            }
            Some((Zone::Fixed(0), i + 1))
        }
        Some(W::Zone(off)) if p.upper(i) => Some((Zone::Fixed(off), i + 1)),
        Some(W::Local) if p.is(i + 1, W::Time) => Some((Zone::Local, i + 2)),
        _ => {
            if p.is_word(i) && p.cap(i) && p.is(i + 1, W::Time) {
                let w = p.s(i).to_ascii_lowercase();
                if let Some(pl) = place(&w) {
                    return Some((Zone::Place(pl), i + 2));
                }
            }
            // "New York time"
            if p.word_is(i, "new") && p.word_is(i + 1, "york") && p.is(i + 2, W::Time) {
                return place("york").map(|pl| (Zone::Place(pl), i + 3));
            }
            None
        }
    }
}

/// `HH:MM`, with an optional `:SS` (ignored); callers decide whether it is a time.
pub fn hh_mm(p: &Parser<'_>, i: usize) -> Option<(Clock, usize)> {
    let (h, dh) = p.num(i)?;
    if dh > 2 || h > 24 || !(p.punct(i + 1, ':') && p.tight(i + 1) && p.tight(i + 2)) {
        return None;
    }
    let (m, 2) = p.num(i + 2)? else { return None };
    if m > 59 {
        return None;
    }
    let mut e = i + 3;
    if p.punct(e, ':') && p.tight(e) && matches!(p.num(e + 1), Some((s, 2)) if s < 60) {
        e += 2;
    }
    Some((
        Clock {
            hour: h as u8,
            minute: m as u8,
            zone: None,
        },
        e,
    ))
}

/// Words before a bare `HH:MM` that make it a time: "at 10:30", "by 19:00".
fn time_lead(p: &Parser<'_>, i: usize) -> bool {
    i > 0
        && (matches!(
            p.w(i - 1),
            Some(
                W::At
                    | W::Around
                    | W::About
                    | W::By
                    | W::Until
                    | W::From
                    | W::Before
                    | W::After
                    | W::Since
                    | W::Approximately
                    | W::To
            )
        ) || p.word_is(i - 1, "between"))
}

/// A time of day starting with a number at `i`.
pub fn clock_at(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (h, d) = p.num(i)?;
    let (mut hour, minute, mut e);
    if let Some((c, k)) = hh_mm(p, i) {
        hour = c.hour;
        minute = c.minute;
        e = k;
        if let Some((pm, k2)) = ampm(p, e) {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + if pm { 12 } else { 0 };
            e = k2;
        } else if !(hour >= 13
            || time_lead(p, i)
            || zone(p, e).is_some()
            || p.word_is(e, "hours")
            || p.word_is(e, "hrs"))
        {
            return None;
        }
    } else if d <= 2 {
        hour = h as u8;
        minute = 0;
        if let Some((pm, k)) = ampm(p, i + 1) {
            if !(1..=12).contains(&hour) {
                return None;
            }
            hour = hour % 12 + if pm { 12 } else { 0 };
            e = k;
        } else if p.word_is(i + 1, "o")
            && p.punct(i + 2, '\'')
            && p.word_is(i + 3, "clock")
            && hour <= 12
        {
            e = i + 4;
        } else if p.is(i + 1, W::In) && p.is(i + 2, W::The) && hour <= 12 {
            // "4 in the morning"
            let Lex::Part {
                part,
                plural: false,
            } = p.lex(i + 3)
            else {
                return None;
            };
            if matches!(part, DayPart::Afternoon | DayPart::Evening) && hour < 12 {
                hour += 12;
            }
            if part == DayPart::Night && (6..12).contains(&hour) {
                hour += 12;
            }
            e = i + 4;
        } else {
            return None;
        }
    } else if d == 4 && h / 100 < 24 && h % 100 < 60 {
        // "0700 GMT", "1900 hours"
        hour = (h / 100) as u8;
        minute = (h % 100) as u8;
        e = i + 1;
        if p.word_is(e, "hours") || p.word_is(e, "hrs") {
            e += 1;
        } else if zone(p, e).is_none() {
            return None;
        }
    } else {
        return None;
    }
    if hour > 24 {
        return None;
    }
    let mut z = None;
    if let Some((zz, k)) = zone(p, e) {
        z = Some(zz);
        e = k;
    }
    Some(with_day(
        p,
        i,
        e,
        Clock {
            hour,
            minute,
            zone: z,
        },
    ))
}

/// A clock time, extended with a day written right after it: "10 p.m. Wednesday",
/// "5 p.m. EST Nov. 9", "noon today".
fn with_day(p: &Parser<'_>, start: usize, end: usize, clock: Clock) -> Found {
    let k = if p.punct(end, ',') { end + 1 } else { end };
    let day = match p.lex(k) {
        Lex::Weekday { plural: false, .. } => weekday_led(p, k),
        Lex::Month { .. } => month_led(p, k).filter(|f| {
            matches!(
                f.expr,
                Expr::Cal {
                    name: CalName::Day(..),
                    ..
                }
            )
        }),
        Lex::W(W::Today | W::Yesterday | W::Tomorrow) => shift::deictic(p, k),
        _ => day_month(p, k),
    };
    match day {
        Some(mut f) if f.clock.is_none() => {
            f.start = start;
            f.clock = Some(clock);
            f.part = None;
            f
        }
        _ => {
            let mut f = Found::new(start, end, Expr::Clock);
            f.clock = Some(clock);
            f
        }
    }
}

/// "noon", "midnight", "midday", with a zone or a day after them.
pub fn clock_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let hour = match p.w(i)? {
        W::Noon | W::Midday => 12,
        W::Midnight => 24,
        _ => return None,
    };
    let mut e = i + 1;
    let mut z = None;
    if let Some((zz, k)) = zone(p, e) {
        z = Some(zz);
        e = k;
    }
    Some(with_day(
        p,
        i,
        e,
        Clock {
            hour,
            minute: 0,
            zone: z,
        },
    ))
}
