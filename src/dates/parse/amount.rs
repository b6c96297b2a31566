//! Amounts of time: durations ("60 days", "a 7-day period", "the past 24 hours" via
//! `shift`), "three years ago", "two days later", and sets ("every Monday", "weekly").

use super::Parser;
use crate::dates::expr::{Amount, CalName, Expr, Found, YearRef};
use crate::dates::lexicon::{Lex, Unit, W};
use crate::dates::scan::Kind;

/// Number words: "twenty four", "twenty-four", "one hundred", "two thousand".
fn number_words(p: &Parser<'_>, i: usize) -> Option<(u32, usize)> {
    let mut total = 0u32;
    let mut cur = 0u32;
    let mut j = i;
    let mut any = false;
    while let Lex::Number(n) = p.lex(j) {
        match n {
            100 => cur = cur.max(1).saturating_mul(100),
            1000 => {
                total = total.saturating_add(cur.max(1).saturating_mul(1000));
                cur = 0;
            }
            n if cur == 0 || (cur % 100 == 0) || (cur % 100 >= 20 && cur % 10 == 0 && n < 10) => {
                if cur % 100 != 0 && n >= 10 {
                    break;
                }
                cur = cur.saturating_add(n);
            }
            _ => break,
        }
        any = true;
        j += 1;
        // "twenty-four" (a hyphen inside a number, not before a unit), "hundred and five".
        let hyphen =
            p.punct(j, '-') && p.tight(j) && matches!(p.lex(j + 1), Lex::Number(n) if n < 10);
        let and =
            p.is(j, W::And) && matches!(p.lex(j + 1), Lex::Number(n) if n < 100) && cur >= 100;
        if hyphen || and {
            j += 1;
        }
    }
    any.then_some((total.saturating_add(cur), j))
}

/// "nineteen ninety-six", "two thousand", "two thousand and sixteen".
pub fn spoken_year(p: &Parser<'_>, i: usize) -> Option<(i32, usize)> {
    let Lex::Number(first) = p.lex(i) else {
        return None;
    };
    if (11..=20).contains(&first) {
        if let Lex::Number(tens) = p.lex(i + 1)
            && (10..100).contains(&tens)
        {
            let (rest, e) = number_words(p, i + 1)?;
            if (10..100).contains(&rest) {
                return Some(((first * 100 + rest) as i32, e));
            }
        }
        return None;
    }
    if first == 2 && p.lex(i + 1) == Lex::Number(1000) {
        let (v, e) = number_words(p, i)?;
        return (2000..2100).contains(&v).then_some((v as i32, e));
    }
    None
}

/// An amount at `i`: digits, number words, "a", "a few", "several", "a couple of".
pub fn parse_amount(p: &Parser<'_>, i: usize) -> Option<(Amount, usize)> {
    if let Some((mut v, d)) = p.num(i) {
        if d > 6 {
            return None;
        }
        let mut j = i + 1;
        while p.punct(j, ',')
            && p.tight(j)
            && p.tight(j + 1)
            && matches!(p.num(j + 1), Some((_, 3)))
        {
            v = v.saturating_mul(1000).saturating_add(p.num(j + 1)?.0);
            j += 2;
        }
        if p.punct(j, '.') && p.tight(j) && p.tight(j + 1) && p.num(j + 1).is_some() {
            let half = p.s(j + 1) == "5";
            return Some((
                if half {
                    Amount::AndHalf(v)
                } else {
                    Amount::N(v)
                },
                j + 2,
            ));
        }
        if p.num(j) == Some((1, 1))
            && p.punct(j + 1, '/')
            && p.tight(j + 1)
            && p.num(j + 2) == Some((2, 1))
            && p.tight(j + 2)
        {
            return Some((Amount::AndHalf(v), j + 3));
        }
        if p.punct(j, '\u{BD}') {
            return Some((Amount::AndHalf(v), j + 1));
        }
        return Some((Amount::N(v), j));
    }
    match p.lex(i) {
        Lex::Number(_) => number_words(p, i).map(|(v, j)| (Amount::N(v), j)),
        Lex::W(W::A | W::An) => match p.lex(i + 1) {
            Lex::W(W::Few) => Some((Amount::X, i + 2)),
            Lex::W(W::Couple) => {
                Some((Amount::N(2), if p.is(i + 2, W::Of) { i + 3 } else { i + 2 }))
            }
            Lex::W(W::Dozen) => Some((Amount::N(12), i + 2)),
            Lex::Number(n @ (100 | 1000)) => Some((Amount::N(n), i + 2)),
            _ => Some((Amount::N(1), i + 1)),
        },
        Lex::W(W::Few | W::Several | W::Some | W::Many) => Some((Amount::X, i + 1)),
        // "half an hour", "half a century"
        Lex::Unit {
            unit: Unit::Half, ..
        } if matches!(p.w(i + 1), Some(W::A | W::An)) => Some((Amount::AndHalf(0), i + 2)),
        Lex::W(W::Couple) if p.is(i + 1, W::Of) => Some((Amount::N(2), i + 2)),
        _ => {
            let s = p.s(i);
            if (s.eq_ignore_ascii_case("dozens")
                || s.eq_ignore_ascii_case("hundreds")
                || s.eq_ignore_ascii_case("thousands"))
                && p.is(i + 1, W::Of)
            {
                return Some((Amount::X, i + 2));
            }
            None
        }
    }
}

/// Nouns that may follow a hyphenated duration and belong to it: "a 7-day period".
fn period_noun(p: &Parser<'_>, i: usize) -> bool {
    p.is(i, W::Period)
        || ["span", "stretch", "window", "interval", "spell"]
            .iter()
            .any(|w| p.word_is(i, w))
}

/// Durations, "N units ago/later", and spoken years, starting with an amount.
pub fn amount_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    if let Some((y, e)) = spoken_year(p, i)
        && !matches!(p.lex(e), Lex::Unit { .. })
        && !p.punct(e, '-')
    {
        return Some(Found::new(
            i,
            e,
            Expr::Cal {
                name: CalName::Year,
                year: YearRef::Explicit(y),
            },
        ));
    }
    // "a 7-day period" takes its article; "a two-hour flight" is just "two-hour".
    if matches!(p.w(i), Some(W::A | W::An))
        && let Some(mut f) = duration(p, i + 1)
        && f.start == i + 1
        && p.t[..f.end].iter().rev().take(3).any(|t| t.is_punct('-'))
    {
        if period_noun(p, f.end - 1) {
            f.start = i;
        }
        return Some(f);
    }
    duration(p, i)
}

/// An amount and its unit at `i`: "30 to 45 days", "seven straight days", "24-hour",
/// "an hour and a half". Returns the amount, the unit, the end, and whether the unit was
/// joined by a hyphen.
pub fn amount_unit(p: &Parser<'_>, i: usize) -> Option<(Amount, Unit, usize, bool)> {
    let (mut n, j) = parse_amount(p, i)?;
    let from_article = matches!(p.w(i), Some(W::A | W::An)) && j == i + 1;
    let mut k = j;
    // "two and a half years"
    if let Amount::N(v) = n
        && p.is(k, W::And)
        && matches!(p.w(k + 1), Some(W::A))
        && matches!(
            p.lex(k + 2),
            Lex::Unit {
                unit: Unit::Half,
                ..
            }
        )
    {
        n = Amount::AndHalf(v);
        k += 3;
    }
    // "30 to 45 days", "two or three weeks", "12-18 months": keep the lower bound.
    if (p.is(k, W::To) || p.is(k, W::Or) || (p.punct(k, '-') && p.num(k + 1).is_some()))
        && let Some((_, e)) = parse_amount(p, k + 1)
        && matches!(p.lex(e), Lex::Unit { .. })
    {
        k = e;
    }
    while matches!(
        p.w(k),
        Some(
            W::More
                | W::Additional
                | W::Straight
                | W::Consecutive
                | W::Running
                | W::Full
                | W::Whole
                | W::Trading
                | W::Business
                | W::Working
                | W::Calendar
        )
    ) {
        k += 1;
    }
    let hyphen = p.punct(k, '-') && p.tight(k) && p.tight(k + 1);
    if hyphen {
        k += 1;
    }
    let Lex::Unit { unit, plural } = p.lex(k) else {
        return None;
    };
    if unit == Unit::Half || (from_article && plural) {
        return None;
    }
    // "three-quarters of", "a quarter of": fractions.
    if unit == Unit::Quarter && (hyphen || p.is(k + 1, W::Of)) {
        return None;
    }
    let mut e = k + 1;
    if p.is(e, W::And)
        && p.is(e + 1, W::A)
        && matches!(
            p.lex(e + 2),
            Lex::Unit {
                unit: Unit::Half,
                ..
            }
        )
        && let Amount::N(v) = n
    {
        n = Amount::AndHalf(v);
        e += 3;
    }
    // "year-earlier", "year-ago": the same period a year before (see `unit_led`).
    if p.punct(e, '-') && p.tight(e) && matches!(p.w(e + 1), Some(W::Ago | W::Earlier)) {
        return None;
    }
    // Ages are not times: "a 35-year-old man", "52 years old".
    if (p.punct(e, '-') && p.tight(e) && p.is(e + 1, W::Old)) || p.is(e, W::Old) {
        return None;
    }
    if p.punct(e, '-') && p.tight(e) && p.word_is(e + 1, "long") {
        e += 2;
    }
    Some((n, unit, e, hyphen))
}

fn duration(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (n, unit, mut e, hyphen) = amount_unit(p, i)?;
    let from_article = matches!(p.w(i), Some(W::A | W::An)) && parse_amount(p, i)?.1 == i + 1;
    if hyphen && period_noun(p, e) && !from_article {
        e += 1;
    }
    // "a week or so ago"
    let so = if !hyphen && p.is(e, W::Or) && p.is(e + 1, W::So) {
        e + 2
    } else {
        e
    };
    let narrative = |sign: i8, end: usize| Found::new(i, end, Expr::Narrative { n, unit, sign });
    if !hyphen {
        match p.w(so) {
            Some(W::Ago) => return Some(Found::new(i, so + 1, Expr::Ago { n, unit, sign: -1 })),
            Some(W::Hence) => return Some(Found::new(i, so + 1, Expr::Ago { n, unit, sign: 1 })),
            Some(W::From) if p.is(so + 1, W::Now) => {
                return Some(Found::new(i, so + 2, Expr::Ago { n, unit, sign: 1 }));
            }
            Some(W::Later) => return Some(narrative(1, so + 1)),
            Some(W::Earlier) => return Some(narrative(-1, so + 1)),
            Some(W::Before | W::After) if clause_end(p, so + 1) => {
                let sign = if p.is(so, W::Before) { -1 } else { 1 };
                return Some(narrative(sign, so + 1));
            }
            _ => {}
        }
    }
    // "twice a year", "$5 million a year": a rate, not a length.
    if from_article && i > 0 {
        let prev = &p.t[i - 1];
        let rate = prev.kind == Kind::Num
            || prev.is_punct('%')
            || matches!(
                prev.lex,
                Lex::W(W::Quantity | W::Twice | W::Once | W::Times)
            );
        if rate {
            let start = if matches!(prev.lex, Lex::W(W::Twice | W::Once)) {
                i - 1
            } else {
                i
            };
            return Some(Found::new(start, e, Expr::Set(set_value(1, unit))));
        }
    }
    Some(Found::new(i, e, Expr::Duration { n, unit }))
}

/// Whether token `i` ends a clause: punctuation or the end of the text.
pub fn clause_end(p: &Parser<'_>, i: usize) -> bool {
    match p.t.get(i) {
        None => true,
        Some(t) => {
            t.kind == Kind::Punct && !t.is_punct('\'') && !t.is_punct('-')
                || t.has(crate::dates::scan::BREAK)
        }
    }
}

/// "years", "for months", "year-end", "year-ago", "day-long".
pub fn unit_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Lex::Unit { unit, plural } = p.lex(i) else {
        return None;
    };
    if unit == Unit::Half {
        return amount_led(p, i);
    }
    let hy = p.punct(i + 1, '-') && p.tight(i + 1) && p.tight(i + 2);
    if unit == Unit::Year && !plural {
        // "year-end", "year end", "year's end"
        let poss = p.possessive(i + 1);
        if (hy && p.is(i + 2, W::End))
            || p.is(i + 1, W::End)
            || poss.is_some_and(|k| p.is(k, W::End))
        {
            let e = match poss {
                Some(k) if p.is(k, W::End) => k + 1,
                _ if hy => i + 3,
                _ => i + 2,
            };
            let mut f = Found::new(
                i,
                e,
                Expr::Cal {
                    name: CalName::Year,
                    year: YearRef::Rel(0),
                },
            );
            f.edge = Some(crate::dates::expr::Edge::Late);
            return Some(f);
        }
        // "year-ago", "year-earlier": the same period a year before.
        if hy && matches!(p.w(i + 2), Some(W::Ago | W::Earlier)) {
            let mut e = i + 3;
            if matches!(
                p.lex(e),
                Lex::Unit {
                    unit: Unit::Quarter,
                    plural: false
                }
            ) || p.is(e, W::Period)
            {
                e += 1;
            }
            return Some(Found::new(
                i,
                e,
                Expr::Ago {
                    n: Amount::N(1),
                    unit: Unit::Year,
                    sign: -1,
                },
            ));
        }
    }
    if hy && p.word_is(i + 2, "long") {
        let n = if plural { Amount::X } else { Amount::N(1) };
        return Some(Found::new(i, i + 3, Expr::Duration { n, unit }));
    }
    // Bare plurals after "for", "in", "over", "within": "for years", "in months".
    let lead = i > 0
        && (matches!(p.w(i - 1), Some(W::In | W::Over | W::Within | W::After))
            || p.word_is(i - 1, "for"));
    if plural && lead && !matches!(unit, Unit::Half | Unit::Quarter | Unit::Weekend) {
        if p.is(i + 1, W::Ago) {
            return Some(Found::new(
                i,
                i + 2,
                Expr::Ago {
                    n: Amount::X,
                    unit,
                    sign: -1,
                },
            ));
        }
        return Some(Found::new(i, i + 1, Expr::Duration { n: Amount::X, unit }));
    }
    None
}

/// The TIMEX3 value of "every N units".
pub fn set_value(n: u32, unit: Unit) -> String {
    crate::dates::normalize::duration_value(Amount::N(n), unit)
}

/// "every Monday", "each year", "every two weeks", "daily", "per year", "twice a week".
pub fn set_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let w = p.w(i)?;
    let fixed = |v: &str| Some(Found::new(i, i + 1, Expr::Set(v.to_string())));
    match w {
        W::Daily => return fixed("P1D"),
        W::Weekly => return fixed("P1W"),
        W::Monthly => return fixed("P1M"),
        W::Yearly | W::Annually => return fixed("P1Y"),
        W::Hourly => return fixed("PT1H"),
        // "quarterly dividend", "quarterly results": almost always an adjective.
        W::Quarterly => return None,
        W::Nightly => return fixed("XXXX-XX-XXTNI"),
        W::Per => {
            let Lex::Unit {
                unit,
                plural: false,
            } = p.lex(i + 1)
            else {
                return None;
            };
            return Some(Found::new(i, i + 2, Expr::Set(set_value(1, unit))));
        }
        W::Twice | W::Once => {
            if matches!(p.w(i + 1), Some(W::A | W::Per | W::Every))
                && let Lex::Unit {
                    unit,
                    plural: false,
                } = p.lex(i + 2)
            {
                return Some(Found::new(i, i + 3, Expr::Set(set_value(1, unit))));
            }
            return None;
        }
        W::Every | W::Each => {}
        _ => return None,
    }
    let mut j = i + 1;
    let other = p.word_is(j, "other");
    if other {
        j += 1;
    }
    let (n, k) = match parse_amount(p, j) {
        Some((Amount::N(n), k)) if !matches!(p.w(j), Some(W::A | W::An)) => (n, k),
        _ => (1, j),
    };
    let n = if other { n.saturating_mul(2) } else { n };
    let value = match p.lex(k) {
        Lex::Unit { unit, .. } if unit != Unit::Half => set_value(n, unit),
        Lex::Weekday {
            day, abbrev: false, ..
        } => format!("XXXX-WXX-{day}"),
        Lex::Month {
            month,
            abbrev: false,
        } => format!("XXXX-{month:02}"),
        Lex::Season { season, .. } => format!("XXXX-{}", season.code()),
        Lex::Part { part, .. } => format!("XXXX-XX-XXT{}", part.code()),
        _ => return None,
    };
    let mut end = k + 1;
    // "every Monday night"
    if let Lex::Part { part, .. } = p.lex(end)
        && value.starts_with("XXXX-WXX")
    {
        end += 1;
        return Some(Found::new(
            i,
            end,
            Expr::Set(format!("{value}T{}", part.code())),
        ));
    }
    Some(Found::new(i, end, Expr::Set(value)))
}

/// "all day", "all week", "all year": the whole unit.
pub fn all_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let Lex::Unit {
        unit,
        plural: false,
    } = p.lex(i + 1)
    else {
        return None;
    };
    if !matches!(
        unit,
        Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Weekend
    ) {
        return None;
    }
    // "all year round" keeps its "round".
    let e = if p.word_is(i + 2, "round") || p.word_is(i + 2, "long") {
        i + 3
    } else {
        i + 2
    };
    Some(Found::new(
        i,
        e,
        Expr::Duration {
            n: Amount::N(1),
            unit,
        },
    ))
}
