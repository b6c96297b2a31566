//! Expressions built on a modifier: "last week", "the next day", "that same night",
//! "the past 24 hours", "early next year", "mid-1998", "the end of 2015", "yesterday",
//! "now", "recently".

use super::amount::{amount_unit, clause_end, unit_led};
use super::calendar::{
    day_month, edge_target, holiday_led, ordinal_unit, part_of_day, season_led, year_at,
};
use super::{Parser, core};
use crate::dates::expr::{Amount, CalName, Edge, Expr, Found, RefKind, Rel, YearRef};
use crate::dates::lexicon::{DayPart, Lex, Unit, W};

/// Words that may sit between a modifier and its unit: "the past full year".
fn filler(p: &Parser<'_>, mut k: usize) -> usize {
    while matches!(
        p.w(k),
        Some(
            W::Full
                | W::Whole
                | W::Entire
                | W::Straight
                | W::Consecutive
                | W::Trading
                | W::Business
                | W::Working
                | W::Calendar
                | W::Additional
        )
    ) {
        k += 1;
    }
    k
}

/// A duration after "the past", "the next", "the first": "24 hours", "few days",
/// "12 to 18 months".
fn modified_duration(p: &Parser<'_>, j: usize, start: usize) -> Option<Found> {
    if matches!(p.w(j), Some(W::A | W::An)) && !p.is(j + 1, W::Few) && !p.is(j + 1, W::Couple) {
        return None;
    }
    let (n, unit, mut e, hyphen) = amount_unit(p, filler(p, j))?;
    if hyphen || (n == Amount::N(1) && p.num(j).is_none() && p.lex(j) != Lex::Number(1)) {
        return None;
    }
    // "the next two years or so"
    if p.is(e, W::Or) && p.is(e + 1, W::So) {
        e += 2;
    }
    Some(Found::new(start, e, Expr::Duration { n, unit }))
}

/// An expression led by "this", "last", "next", "past", "coming", "previous",
/// "following", "that", "these", "current", "its" at `i`; the match starts at `start`
/// (the "the" before it, if any).
pub fn modified(p: &Parser<'_>, i: usize, start: usize) -> Option<Found> {
    let the = start < i;
    // "ABC's This Week": a capitalised modifier inside a sentence is part of a title.
    if !the && p.cap(i) && !p.sentence_start(i) && p.cap(i + 1) {
        return None;
    }
    let mut w = p.w(i)?;
    let mut j = i + 1;
    if w == W::This && p.is(j, W::Past) {
        w = W::Last;
        j += 1;
    } else if w == W::This && p.is(j, W::Coming) {
        w = W::Next;
        j += 1;
    } else if w == W::That && p.is(j, W::Same) {
        j += 1;
    }
    if matches!(w, W::Its | W::Our | W::Their) {
        let k = if p.is(j, W::Fiscal) { j + 1 } else { j };
        // "its third quarter": the determiner stays out.
        return ordinal_unit(p, k, YearRef::Implicit);
    }
    if w == W::These {
        return matches!(
            p.lex(j),
            Lex::Unit {
                unit: Unit::Day,
                plural: true
            }
        )
        .then(|| Found::new(start, j + 1, Expr::Ref(RefKind::Present)));
    }
    if matches!(
        w,
        W::Past | W::Last | W::Next | W::Coming | W::Previous | W::Following
    ) && let Some(f) = modified_duration(p, j, start)
    {
        return Some(f);
    }
    if p.is(j, W::Fiscal) {
        j += 1;
    }
    let rel = match w {
        W::Last | W::Previous | W::Past => Rel::Last,
        W::Next | W::Following | W::Coming => Rel::Next,
        _ => Rel::This,
    };
    let narrative =
        matches!(w, W::Previous | W::Following | W::That | W::Same) || (the && w == W::Next);
    let lex = p.lex(j);
    let f = match lex {
        Lex::Unit {
            unit,
            plural: false,
        } => unit_phrase(p, w, unit, the, start, j)?,
        Lex::Unit { unit, plural: true }
            if matches!(w, W::Past | W::Last | W::Next | W::Coming) && unit != Unit::Half =>
        {
            Found::new(start, j + 1, Expr::Duration { n: Amount::X, unit })
        }
        Lex::Weekday {
            day,
            plural: false,
            abbrev: false,
        } => {
            let rel = match w {
                W::That => Rel::Tense,
                W::Previous => Rel::Before,
                W::Following => Rel::After,
                _ => rel,
            };
            let mut f = Found::new(start, j + 1, Expr::Weekday { day, rel });
            part_of_day(p, &mut f);
            f
        }
        Lex::Month {
            month,
            abbrev: false,
        } if p.cap(j) => {
            let year = match w {
                W::Last | W::Previous | W::Past => YearRef::Past,
                W::Next | W::Following | W::Coming => YearRef::Future,
                W::This | W::Current => YearRef::Rel(0),
                _ => return None,
            };
            Found::new(
                start,
                j + 1,
                Expr::Cal {
                    name: CalName::Month(month),
                    year,
                },
            )
        }
        Lex::Season {
            season,
            plural: false,
        } => {
            let year = match w {
                W::Last | W::Previous | W::Past => YearRef::Past,
                W::Next | W::Following | W::Coming => YearRef::Future,
                W::This | W::Current => YearRef::Rel(0),
                _ => return None,
            };
            Found::new(
                start,
                j + 1,
                Expr::Cal {
                    name: CalName::Season(season),
                    year,
                },
            )
        }
        Lex::Part {
            part,
            plural: false,
        } => {
            let expr = match w {
                W::This => Expr::DayShift(0),
                W::Last if matches!(part, DayPart::Night | DayPart::Evening) => Expr::DayShift(-1),
                _ if narrative => Expr::Narrative {
                    n: Amount::N(u32::from(w != W::That && w != W::Same)),
                    unit: Unit::Day,
                    sign: if matches!(w, W::Previous) { -1 } else { 1 },
                },
                _ => return None,
            };
            let mut f = Found::new(start, j + 1, expr);
            f.part = Some(part);
            f
        }
        Lex::W(
            W::Christmas | W::Thanksgiving | W::Easter | W::Election | W::Independence | W::New,
        ) => {
            let mut f = holiday_led(p, j)?;
            if let Expr::Cal { year, .. } = &mut f.expr
                && *year == YearRef::Implicit
            {
                *year = match w {
                    W::Last | W::Past => YearRef::Past,
                    W::Next | W::Coming => YearRef::Future,
                    _ => YearRef::Implicit,
                };
            }
            f.start = start;
            f
        }
        Lex::W(W::Moment) if w == W::This || w == W::Current => {
            Found::new(start, j + 1, Expr::Ref(RefKind::Present))
        }
        // "current" as an adjective: the present.
        Lex::Other if w == W::Current && !the && p.is_word(j) && !p.cap(j) => {
            Found::new(i, i + 1, Expr::Ref(RefKind::Present))
        }
        _ => return None,
    };
    // "last year's third quarter", "this year's first half"
    if let Expr::UnitShift {
        unit: Unit::Year,
        n,
    } = f.expr
        && let Some(k) = p.possessive(f.end)
        && let Some(mut g) = ordinal_unit(
            p,
            if p.is(k, W::Fiscal) { k + 1 } else { k },
            YearRef::Rel(n),
        )
    {
        g.start = start;
        return Some(g);
    }
    Some(f)
}

/// "last week", "this month", "the next day", "that year", "the past year", "the
/// current quarter": a modifier word `w` and a singular unit at `j`.
fn unit_phrase(
    p: &Parser<'_>,
    w: W,
    unit: Unit,
    the: bool,
    start: usize,
    j: usize,
) -> Option<Found> {
    let e = j + 1;
    let expr = match (w, unit) {
        (_, Unit::Half) => return None,
        (W::This | W::Current, Unit::Weekend) => Expr::Weekend(Rel::This),
        (W::Last, Unit::Weekend) => Expr::Weekend(Rel::Last),
        (W::Next | W::Coming, Unit::Weekend) if !the => Expr::Weekend(Rel::Next),
        (W::This | W::Current, Unit::Day) => return None,
        (W::This | W::Current, u) => Expr::UnitShift { unit: u, n: 0 },
        (W::Last, Unit::Day) => return None,
        (W::Last, u) => Expr::UnitShift { unit: u, n: -1 },
        // "the past year" is last year; "past week" a length of time.
        (W::Past, Unit::Year) if the => Expr::UnitShift {
            unit: Unit::Year,
            n: -1,
        },
        (W::Past, u) => Expr::Duration {
            n: Amount::N(1),
            unit: u,
        },
        (W::Next | W::Coming, u) if !the => Expr::UnitShift { unit: u, n: 1 },
        (W::Coming, u) => Expr::UnitShift { unit: u, n: 1 },
        (W::Next | W::Following, Unit::Quarter) => Expr::QuarterRef {
            years: 0,
            context: true,
        },
        (W::Next | W::Following, u) => Expr::Narrative {
            n: Amount::N(1),
            unit: u,
            sign: 1,
        },
        (W::Previous, u) => Expr::Narrative {
            n: Amount::N(1),
            unit: u,
            sign: -1,
        },
        (W::That | W::Same, Unit::Quarter) => Expr::QuarterRef {
            years: 0,
            context: true,
        },
        (W::That | W::Same, u) => Expr::Narrative {
            n: Amount::N(0),
            unit: u,
            sign: 0,
        },
        _ => return None,
    };
    let mut f = Found::new(start, e, expr);
    if unit == Unit::Day {
        part_of_day(p, &mut f);
    }
    Some(f)
}

/// "the ...": decades, quarters, "the weekend", "the future", "the day before", "the end
/// of 2015", "the past 24 hours", "the first nine months", "the 16th of May".
pub fn the_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let mut j = i + 1;
    if p.is(j, W::Fiscal) {
        j += 1;
    }
    let with_start = |mut f: Found| {
        f.start = i;
        f
    };
    match p.lex(j) {
        Lex::W(
            W::Last
            | W::Next
            | W::Past
            | W::Coming
            | W::Previous
            | W::Following
            | W::Same
            | W::Current
            | W::This,
        ) => {
            if let Some(f) = modified(p, j, i) {
                return Some(f);
            }
            if p.is(j, W::Past) {
                return Some(Found::new(i, j + 1, Expr::Ref(RefKind::Past)));
            }
            None
        }
        Lex::W(W::Latest) => {
            if let Some(f) = modified_duration(p, j + 1, i) {
                return Some(f);
            }
            let k = if p.is(j + 1, W::Fiscal) { j + 2 } else { j + 1 };
            match p.lex(k) {
                Lex::Unit {
                    unit: Unit::Quarter,
                    plural: false,
                }
                | Lex::W(W::Period) => Some(Found::new(
                    i,
                    k + 1,
                    Expr::QuarterRef {
                        years: 0,
                        context: false,
                    },
                )),
                _ => None,
            }
        }
        Lex::W(W::Final) | Lex::Ordinal(1) if modified_duration(p, j + 1, i).is_some() => {
            modified_duration(p, j + 1, i)
        }
        // "the first hours of the war", "the final weeks"
        Lex::W(W::Final) | Lex::Ordinal(1) if matches!(p.lex(j + 1), Lex::Unit { unit, plural: true } if !matches!(unit, Unit::Half | Unit::Quarter)) =>
        {
            let Lex::Unit { unit, .. } = p.lex(j + 1) else {
                return None;
            };
            Some(Found::new(i, j + 2, Expr::Duration { n: Amount::X, unit }))
        }
        Lex::W(W::Final) => None,
        // "the third quarter", but "the third-quarter results": an adjective keeps its
        // article out.
        Lex::Ordinal(_) => match ordinal_unit(p, j, YearRef::Implicit) {
            Some(f) if p.punct(j + 1, '-') => Some(f),
            Some(f) => Some(with_start(f)),
            None => day_month(p, j).map(with_start),
        },
        Lex::W(W::Early | W::Late | W::Mid) => {
            let f = edge_led(p, j)?;
            matches!(
                f.expr,
                Expr::Decade(_)
                    | Expr::Century(_)
                    | Expr::Cal {
                        name: CalName::Season(_),
                        ..
                    }
            )
            .then(|| with_start(f))
        }
        Lex::W(W::End | W::Beginning | W::Start | W::Middle) => edge_of(p, j).map(with_start),
        Lex::W(W::Future) => Some(Found::new(i, j + 1, Expr::Ref(RefKind::Future))),
        Lex::W(W::Present) if !p.is_word(j + 1) || p.word_is(j + 1, "day") => {
            Some(Found::new(i, j + 1, Expr::Ref(RefKind::Present)))
        }
        Lex::W(W::Near) if p.is(j + 1, W::Future) || p.is(j + 1, W::Term) => {
            Some(Found::new(i, j + 2, Expr::Ref(RefKind::Future)))
        }
        Lex::W(W::Short) if p.is(j + 1, W::Term) => {
            Some(Found::new(i, j + 2, Expr::Ref(RefKind::Future)))
        }
        Lex::Decade(d) => Some(Found::new(i, j + 1, Expr::Decade(190 + i32::from(d)))),
        Lex::Season { .. } => season_led(p, j, true).map(with_start),
        Lex::Unit {
            unit,
            plural: false,
        } => the_unit(p, i, j, unit),
        Lex::Unit { unit, plural: true } => the_units(p, i, j, unit),
        Lex::Part {
            part,
            plural: false,
        } if p.is(j + 1, W::Of) => {
            // "the night of September 17"
            let mut f = day_month(p, j + 2).or_else(|| core(p, j + 2))?;
            if !matches!(
                f.expr,
                Expr::Cal {
                    name: CalName::Day(..),
                    ..
                } | Expr::Weekday { .. }
            ) {
                return None;
            }
            f.start = i;
            f.part = Some(part);
            Some(f)
        }
        _ => {
            if let Some((y, e)) = year_at(p, j) {
                // "the 1988 second quarter", "the 1988 period"
                if let Some(f) = ordinal_unit(p, e, YearRef::Explicit(y)) {
                    return Some(with_start(f));
                }
                if p.is(e, W::Period) {
                    return Some(Found::new(
                        i,
                        e + 1,
                        Expr::Cal {
                            name: CalName::Year,
                            year: YearRef::Explicit(y),
                        },
                    ));
                }
                if matches!(
                    p.lex(e),
                    Lex::Unit {
                        unit: Unit::Quarter,
                        plural: false
                    }
                ) {
                    return Some(Found::new(
                        i,
                        e + 1,
                        Expr::Cal {
                            name: CalName::Quarter(None),
                            year: YearRef::Explicit(y),
                        },
                    ));
                }
            }
            let f = core(p, j)?;
            // "the nine months", "the four days"
            if matches!(f.expr, Expr::Duration { .. })
                && f.start == j
                && !p.t[j..f.end].iter().any(|t| t.is_punct('-'))
            {
                return Some(with_start(f));
            }
            matches!(f.expr, Expr::Decade(_) | Expr::Century(_))
                .then(|| with_start(f))
                .or_else(|| day_month(p, j).map(with_start))
        }
    }
}

/// "the" + a singular unit at `j`.
fn the_unit(p: &Parser<'_>, i: usize, j: usize, unit: Unit) -> Option<Found> {
    match unit {
        Unit::Weekend => Some(Found::new(i, j + 1, Expr::Weekend(Rel::Tense))),
        Unit::Quarter => Some(Found::new(
            i,
            j + 1,
            Expr::QuarterRef {
                years: 0,
                context: true,
            },
        )),
        Unit::Year => {
            if let Some((y, e)) = year_at(p, j + 1).or_else(|| super::amount::spoken_year(p, j + 1))
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
            if let Some(mut f) = unit_led(p, j) {
                // "the year-ago quarter" takes its article, "the year-ago $4 million" not.
                if f.end > j + 3 || !p.punct(j + 1, '-') {
                    f.start = i;
                }
                return Some(f);
            }
            if p.punct(j + 1, '-') {
                return None;
            }
            // "the year before": a year before the narrative's.
            if p.is(j + 1, W::Before) && clause_end(p, j + 2) {
                return Some(Found::new(
                    i,
                    j + 2,
                    Expr::Narrative {
                        n: Amount::N(1),
                        unit: Unit::Year,
                        sign: -1,
                    },
                ));
            }
            // "the year ended March 31" is a fiscal year: a length; "for the year" is this one.
            let fiscal = p.word_is(j + 1, "ended") || p.word_is(j + 1, "ending");
            let expr = if fiscal {
                Expr::Duration {
                    n: Amount::N(1),
                    unit: Unit::Year,
                }
            } else {
                Expr::UnitShift {
                    unit: Unit::Year,
                    n: 0,
                }
            };
            Some(Found::new(i, j + 1, expr))
        }
        Unit::Day => {
            let b = p.w(j + 1)?;
            let sign = match b {
                W::Before => -1,
                W::After => 1,
                _ => return None,
            };
            match p.w(j + 2) {
                Some(W::Yesterday) if sign < 0 => Some(Found::new(i, j + 3, Expr::DayShift(-2))),
                Some(W::Tomorrow) if sign > 0 => Some(Found::new(i, j + 3, Expr::DayShift(2))),
                _ if clause_end(p, j + 2) => Some(Found::new(
                    i,
                    j + 2,
                    Expr::Narrative {
                        n: Amount::N(1),
                        unit: Unit::Day,
                        sign,
                    },
                )),
                _ => None,
            }
        }
        Unit::Week if p.is(j + 1, W::Of) => {
            let f = day_month(p, j + 2).or_else(|| super::calendar::month_led(p, j + 2))?;
            match f.expr {
                Expr::Cal {
                    name: CalName::Day(m, d),
                    year,
                } => Some(Found::new(
                    i,
                    f.end,
                    Expr::Cal {
                        name: CalName::WeekOf(m, d),
                        year,
                    },
                )),
                _ => None,
            }
        }
        _ => None,
    }
}

/// "the weeks ahead", "in the days before the vote": an unknown stretch of time.
fn the_units(p: &Parser<'_>, i: usize, j: usize, unit: Unit) -> Option<Found> {
    if !matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
        return None;
    }
    let e = match p.w(j + 1) {
        Some(W::Ahead) => j + 2,
        Some(W::Before | W::After | W::Since) => j + 1,
        _ if p.word_is(j + 1, "that") && p.word_is(j + 2, "followed") => j + 1,
        _ => return None,
    };
    Some(Found::new(i, e, Expr::Duration { n: Amount::X, unit }))
}

/// "end of 2015", "the beginning of the month", "the middle of October", "end-2016".
fn edge_of(p: &Parser<'_>, i: usize) -> Option<Found> {
    let edge = match p.w(i)? {
        W::End => Edge::Late,
        W::Beginning | W::Start => Edge::Early,
        W::Middle => Edge::Mid,
        _ => return None,
    };
    let of = p.is(i + 1, W::Of);
    let hyphen = p.punct(i + 1, '-') && p.tight(i + 1) && p.tight(i + 2);
    if !(of || hyphen) {
        return None;
    }
    let j = i + 2;
    // "the end of the month/year/week/quarter": the one holding the DCT.
    let mut f = if p.is(j, W::The)
        && let Lex::Unit {
            unit,
            plural: false,
        } = p.lex(j + 1)
        && !matches!(unit, Unit::Half | Unit::Day)
    {
        Found::new(j, j + 2, Expr::UnitShift { unit, n: 0 })
    } else {
        edge_target(p, j)?
    };
    f.start = i;
    f.edge = Some(edge);
    Some(f)
}

/// "early", "late", "mid", "earlier", "later" before a calendar expression.
pub fn edge_led(p: &Parser<'_>, i: usize) -> Option<Found> {
    let w = p.w(i)?;
    let mut j = i + 1;
    if p.punct(j, '-') && p.tight(j) && p.tight(j + 1) {
        j += 1;
    }
    let edge = match w {
        W::Early => Some(Edge::Early),
        W::Late => Some(Edge::Late),
        W::Mid => Some(Edge::Mid),
        W::Earlier | W::Later => None,
        _ => return edge_of(p, i),
    };
    // "mid-afternoon", "late morning": a part of the day the text anchors elsewhere.
    if let Lex::Part {
        part,
        plural: false,
    } = p.lex(j)
        && edge.is_some()
    {
        let mut f = match p.w(j + 1) {
            Some(W::Yesterday | W::Today | W::Tomorrow) => {
                let mut f = deictic(p, j + 1)?;
                f.start = i;
                f
            }
            _ => Found::new(
                i,
                j + 1,
                Expr::Narrative {
                    n: Amount::N(0),
                    unit: Unit::Day,
                    sign: 0,
                },
            ),
        };
        f.part = Some(part);
        return Some(f);
    }
    if edge.is_none() {
        // "earlier this year", "later that day", "earlier in the week", "later today"
        if p.is(j, W::In)
            && p.is(j + 1, W::The)
            && let Lex::Unit {
                unit,
                plural: false,
            } = p.lex(j + 2)
            && matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        {
            return Some(Found::new(i, j + 3, Expr::UnitShift { unit, n: 0 }));
        }
        let mut f = core(p, j)?;
        let ok = matches!(
            &f.expr,
            Expr::UnitShift { n: 0, .. }
                | Expr::DayShift(_)
                | Expr::Weekday { .. }
                | Expr::Narrative {
                    n: Amount::N(0),
                    ..
                }
        );
        if !ok
            || !matches!(
                p.w(j),
                Some(W::This | W::That | W::Today | W::Yesterday | W::Tomorrow | W::Tonight) | None
            )
        {
            return None;
        }
        f.start = i;
        return Some(f);
    }
    let mut f = edge_target(p, j)?;
    if matches!(f.expr, Expr::Narrative { .. }) && f.part.is_none() {
        return None;
    }
    f.start = i;
    f.edge = edge;
    Some(f)
}

/// "today", "yesterday morning", "tomorrow night", "tonight".
pub fn deictic(p: &Parser<'_>, i: usize) -> Option<Found> {
    let (n, part) = match p.w(i)? {
        W::Today => (0, None),
        W::Yesterday => (-1, None),
        W::Tomorrow => (1, None),
        W::Tonight => (0, Some(DayPart::Night)),
        _ => return None,
    };
    let mut f = Found::new(i, i + 1, Expr::DayShift(n));
    f.part = part;
    if part.is_none() {
        part_of_day(p, &mut f);
    }
    Some(f)
}

/// "now", "currently", "recently", "right now", "nowadays", "in future".
pub fn vague(p: &Parser<'_>, i: usize) -> Option<Found> {
    let r = |k: RefKind, e: usize| Some(Found::new(i, e, Expr::Ref(k)));
    match p.w(i)? {
        // "Now, he says": a discourse marker.
        W::Now if p.cap(i) && p.punct(i + 1, ',') => None,
        W::Now => r(RefKind::Present, i + 1),
        W::Right if p.is(i + 1, W::Now) => r(RefKind::Present, i + 2),
        W::Currently | W::Nowadays => r(RefKind::Present, i + 1),
        W::Recently | W::Lately => r(RefKind::Past, i + 1),
        W::Recent => {
            if let Lex::Unit { unit, plural: true } = p.lex(i + 1)
                && unit != Unit::Half
            {
                return Some(Found::new(i, i + 2, Expr::Duration { n: Amount::X, unit }));
            }
            r(RefKind::Past, i + 1)
        }
        W::Future => {
            let unit_next = matches!(p.lex(i + 1), Lex::Unit { plural: true, .. });
            let in_future = i > 0 && p.is(i - 1, W::In) && !p.is_word(i + 1);
            if unit_next {
                r(RefKind::Future, i + 2)
            } else if in_future {
                r(RefKind::Future, i + 1)
            } else {
                None
            }
        }
        _ => None,
    }
}
