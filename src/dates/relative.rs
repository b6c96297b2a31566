//! Anchoring: from a recognised expression to a calendar value, using the document date
//! (DCT), the tense of the clause, and the expressions met earlier in the text.

use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::holiday;
use super::expr::{Amount, CalName, Expr, Found, RefKind, Rel, YearRef};
use super::lexicon::Unit;
use super::normalize::{Cal, add_months, duration_value};
use super::tense::Tense;
use super::timex::{Anchor, TimexType};
use crate::timeline::When;
use crate::timeline::when::{Point, TimeOfDay};

/// A value worked out for one expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub when: Option<When>,
    pub anchor: Anchor,
}

/// What earlier expressions established: the anchors for "that day", "a year earlier",
/// "the quarter".
#[derive(Debug, Clone)]
pub struct Context {
    pub dct: Option<NaiveDate>,
    last: Option<Cal>,
    last_day: Option<NaiveDate>,
    last_quarter: Option<(i32, u8)>,
    /// The first day the current paragraph names: its frame.
    frame: Option<NaiveDate>,
    /// The frame of the last paragraph that had one.
    prev_frame: Option<NaiveDate>,
    /// The expression being resolved opens its paragraph ("A few hours later, ...").
    opens_paragraph: bool,
    /// The expression being resolved is inside a quotation: its "today" is the speaker's.
    quoted: bool,
}

/// A calendar value, or the TIMEX3 value with `X` placeholders when it cannot be anchored.
enum Got {
    Cal(Cal, Anchor),
    Open(String),
}

fn quarter_of(d: NaiveDate) -> (i32, u8) {
    (d.year(), (d.month0() / 3 + 1) as u8)
}

fn shift_quarter(y: i32, q: u8, n: i32) -> (i32, u8) {
    let idx = y * 4 + i32::from(q) - 1 + n;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u8)
}

fn day_distance(dct: NaiveDate, (a, b): (NaiveDate, NaiveDate)) -> i64 {
    if dct < a {
        (a - dct).num_days()
    } else if dct > b {
        (dct - b).num_days()
    } else {
        0
    }
}

/// Which year a yearless month, day, quarter or season falls in, seen from the DCT.
fn pick_year(
    dct: NaiveDate,
    year: YearRef,
    tense: Tense,
    span: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<i32> {
    let y = dct.year();
    let cands: Vec<(i32, (NaiveDate, NaiveDate))> = (y - 1..=y + 1)
        .filter_map(|c| span(c).map(|s| (c, s)))
        .collect();
    let latest = |ok: &dyn Fn(&(NaiveDate, NaiveDate)) -> bool| {
        cands.iter().rev().find(|(_, s)| ok(s)).map(|(c, _)| *c)
    };
    let earliest = |ok: &dyn Fn(&(NaiveDate, NaiveDate)) -> bool| {
        cands.iter().find(|(_, s)| ok(s)).map(|(c, _)| *c)
    };
    let nearest = cands
        .iter()
        .min_by_key(|(c, s)| (day_distance(dct, *s), *c > y))
        .copied();
    match (year, tense) {
        (YearRef::Past, _) => latest(&|s| s.1 < dct),
        (YearRef::Future, _) => earliest(&|s| s.0 > dct),
        // The tense of the clause is weak evidence (reports tell of deadlines to come in the
        // past tense): it overrides the nearest reading only when that is far off.
        (_, Tense::Past) => match nearest {
            Some((_, s)) if (s.0 - dct).num_days() > FAR => latest(&|s| s.0 <= dct),
            n => n.map(|(c, _)| c),
        },
        (_, Tense::Future) => match nearest {
            Some((_, s)) if (dct - s.1).num_days() > FAR => earliest(&|s| s.1 >= dct),
            n => n.map(|(c, _)| c),
        },
        _ => nearest.map(|(c, _)| c),
    }
}

/// A day written without its year ("on October 2"), in the year the tagger gives it: the
/// nearest to the DCT.
pub fn yearless_day(dct: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let on = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    let y = pick_year(dct, YearRef::Implicit, Tense::Unknown, |y| {
        on(y).map(|d| (d, d))
    })?;
    on(y)
}

/// Days beyond which the tense may move a yearless date to the other side of the DCT.
const FAR: i64 = 60;

/// The month-day span of a named unit in a year.
fn name_span(name: CalName, y: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some(match name {
        CalName::Year => Cal::Year(y).span(),
        CalName::Month(m) => Cal::Month(y, m).span(),
        CalName::Day(m, d) => {
            let day = NaiveDate::from_ymd_opt(y, m.into(), d.into())?;
            (day, day)
        }
        CalName::Quarter(Some(q)) => Cal::Quarter(y, q).span(),
        CalName::Quarter(None) => return None,
        CalName::Half(h) => Cal::Half(y, h).span(),
        CalName::Season(s) => Cal::Season(y, s).span(),
        CalName::Holiday(h) => {
            let day = holiday(h, y)?;
            (day, day)
        }
        CalName::WeekOf(m, d) => {
            let day = NaiveDate::from_ymd_opt(y, m.into(), d.into())?;
            Cal::week_of(day).span()
        }
    })
}

/// The calendar value of a named unit once its year is known.
fn name_cal(name: CalName, y: i32) -> Option<Cal> {
    Some(match name {
        CalName::Year => Cal::Year(y),
        CalName::Month(m) => Cal::Month(y, m),
        CalName::Day(m, d) => Cal::Day(NaiveDate::from_ymd_opt(y, m.into(), d.into())?),
        CalName::Quarter(q) => Cal::Quarter(y, q?),
        CalName::Half(h) => Cal::Half(y, h),
        CalName::Season(s) => Cal::Season(y, s),
        CalName::Holiday(h) => Cal::Day(holiday(h, y)?),
        CalName::WeekOf(m, d) => Cal::week_of(NaiveDate::from_ymd_opt(y, m.into(), d.into())?),
    })
}

/// The value with an unknown year: `XXXX-09-19`, `XXXX-Q3`.
fn open_name(name: CalName) -> String {
    match name {
        CalName::Year => "XXXX".into(),
        CalName::Month(m) => format!("XXXX-{m:02}"),
        CalName::Day(m, d) => format!("XXXX-{m:02}-{d:02}"),
        CalName::Quarter(Some(q)) => format!("XXXX-Q{q}"),
        CalName::Quarter(None) => "XXXX-QX".into(),
        CalName::Half(h) => format!("XXXX-H{h}"),
        CalName::Season(s) => format!("XXXX-{}", s.code()),
        CalName::Holiday(h) => match holiday(h, 2001) {
            Some(d)
                if !matches!(
                    h,
                    super::expr::Holiday::Easter
                        | super::expr::Holiday::Thanksgiving
                        | super::expr::Holiday::ElectionDay
                ) =>
            {
                format!("XXXX-{:02}-{:02}", d.month(), d.day())
            }
            _ => "XXXX-XX-XX".into(),
        },
        CalName::WeekOf(..) => "XXXX-WXX".into(),
    }
}

fn open_unit(unit: Unit) -> String {
    match unit {
        Unit::Year | Unit::Decade | Unit::Century | Unit::Millennium => "XXXX".into(),
        Unit::Month => "XXXX-XX".into(),
        Unit::Quarter => "XXXX-QX".into(),
        Unit::Half => "XXXX-HX".into(),
        Unit::Week | Unit::Fortnight => "XXXX-WXX".into(),
        Unit::Weekend => "XXXX-WXX-WE".into(),
        _ => "XXXX-XX-XX".into(),
    }
}

/// The unit holding `d`, moved `n` units.
fn unit_shift(d: NaiveDate, unit: Unit, n: i32) -> Cal {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Cal::Day(d),
        Unit::Day => Cal::Day(d + Duration::days(n.into())),
        Unit::Week => Cal::week_of(d + Duration::days(7 * i64::from(n))),
        Unit::Fortnight => Cal::week_of(d + Duration::days(14 * i64::from(n))),
        Unit::Weekend => {
            let w = (d + Duration::days(7 * i64::from(n))).iso_week();
            Cal::Weekend(w.year(), w.week())
        }
        Unit::Month => {
            let (y, m) = add_months(d.year(), d.month(), n);
            Cal::Month(y, m as u8)
        }
        Unit::Quarter => {
            let (y, q) = quarter_of(d);
            let (y, q) = shift_quarter(y, q, n);
            Cal::Quarter(y, q)
        }
        Unit::Half => {
            let idx = d.year() * 2 + (d.month0() / 6) as i32 + n;
            Cal::Half(idx.div_euclid(2), (idx.rem_euclid(2) + 1) as u8)
        }
        Unit::Year => Cal::Year(d.year() + n),
        Unit::Decade => Cal::Decade(d.year().div_euclid(10) + n),
        Unit::Century => Cal::Century(d.year().div_euclid(100) + n),
        Unit::Millennium => Cal::Year(d.year() + 1000 * n),
    }
}

/// `n` units before or after the calendar value `base`, at the unit's granularity; a
/// quarter or half moved by years stays a quarter ("a year earlier" after "the third
/// quarter" is the year-ago quarter).
fn move_cal(base: Cal, n: Amount, unit: Unit, sign: i8) -> Option<Cal> {
    let k = match n {
        Amount::N(k) | Amount::AndHalf(k) => i32::try_from(k).ok()?,
        Amount::X => return None,
    } * i32::from(sign);
    // Far beyond any calendar a news text needs; keeps the arithmetic below in range.
    if k.abs() > 10_000 {
        return None;
    }
    let d = base.span().0;
    Some(match (unit, base) {
        (Unit::Year, Cal::Quarter(y, q)) => Cal::Quarter(y + k, q),
        (Unit::Year, Cal::Half(y, h)) => Cal::Half(y + k, h),
        (Unit::Year, Cal::Season(y, s)) => Cal::Season(y + k, s),
        (Unit::Year, Cal::Month(y, m)) if k == 0 => Cal::Month(y, m),
        (Unit::Second | Unit::Minute | Unit::Hour, _) => {
            let per_day = match unit {
                Unit::Hour => 24,
                Unit::Minute => 24 * 60,
                _ => 24 * 3600,
            };
            Cal::Day(d + Duration::days(i64::from(k / per_day)))
        }
        (Unit::Week, _) if k == 0 => Cal::week_of(d),
        (Unit::Week, _) => Cal::Day(d + Duration::days(7 * i64::from(k))),
        (Unit::Fortnight, _) => Cal::Day(d + Duration::days(14 * i64::from(k))),
        (Unit::Decade, _) | (Unit::Century, _) | (Unit::Millennium, _) => {
            let years = match unit {
                Unit::Decade => 10,
                Unit::Century => 100,
                _ => 1000,
            };
            Cal::Year(d.year() + years * k)
        }
        _ => unit_shift(d, unit, k),
    })
}

/// The day a weekday falls on, seen from the DCT.
fn weekday_date(dct: NaiveDate, day: u8, rel: Rel, tense: Tense) -> NaiveDate {
    let dw = i64::from(dct.weekday().number_from_monday());
    let day = i64::from(day);
    let back = (dw - day).rem_euclid(7);
    let fwd = (day - dw).rem_euclid(7);
    match rel {
        Rel::Last => dct - Duration::days(if back == 0 { 7 } else { back }),
        Rel::Next => dct + Duration::days(if fwd == 0 { 7 } else { fwd }),
        Rel::This => dct + Duration::days(day - dw),
        Rel::Past => dct - Duration::days(back),
        Rel::Before | Rel::After | Rel::Tense => match tense {
            Tense::Future => dct + Duration::days(fwd),
            _ => dct - Duration::days(back),
        },
    }
}

impl Context {
    pub fn new(dct: Option<NaiveDate>) -> Context {
        Context {
            // A date far outside any news calendar anchors nothing: its neighbours may not
            // exist in the calendar type.
            dct: dct.filter(|d| super::in_range(*d)),
            last: None,
            last_day: None,
            last_quarter: None,
            frame: None,
            prev_frame: None,
            opens_paragraph: false,
            quoted: false,
        }
    }

    /// Whether the next expression is inside a quotation. A quoted expression relative to
    /// the document date ("what I saw today") speaks from the speaker's day, so it does not
    /// anchor the narrative that follows.
    pub fn set_quoted(&mut self, quoted: bool) {
        self.quoted = quoted;
    }

    /// A new paragraph begins: the old one's frame becomes the anchor for a paragraph that
    /// opens with "a few hours later".
    pub fn new_paragraph(&mut self) {
        if self.frame.is_some() {
            self.prev_frame = self.frame.take();
        }
    }

    /// Whether the next expression opens its paragraph.
    pub fn set_opens_paragraph(&mut self, opens: bool) {
        self.opens_paragraph = opens;
    }

    /// The day narrative expressions count from: the last day mentioned, else the DCT.
    fn narrative_day(&self) -> Option<(NaiveDate, Anchor)> {
        // "A few hours later" opening a paragraph continues the story the previous paragraph
        // set in time, not a date mentioned in passing at its end.
        let opening = if self.opens_paragraph && self.frame.is_none() {
            self.prev_frame
        } else {
            None
        };
        opening
            .or(self.last_day)
            .map(|d| (d, Anchor::Narrative))
            .or(self.dct.map(|d| (d, Anchor::Dct)))
    }

    fn narrative_cal(&self, unit: Unit) -> Option<(Cal, Anchor)> {
        if matches!(
            unit,
            Unit::Second
                | Unit::Minute
                | Unit::Hour
                | Unit::Day
                | Unit::Week
                | Unit::Weekend
                | Unit::Fortnight
        ) {
            return self.narrative_day().map(|(d, a)| (Cal::Day(d), a));
        }
        self.last
            .map(|c| (c, Anchor::Narrative))
            .or(self.dct.map(|d| (Cal::Day(d), Anchor::Dct)))
    }

    fn calendar(&self, f: &Found, tense: Tense) -> Got {
        let dct = self.dct;
        let from_dct = |g: Option<Cal>, open: String| match (dct, g) {
            (Some(_), Some(c)) => Got::Cal(c, Anchor::Dct),
            _ => Got::Open(open),
        };
        match f.expr {
            Expr::Cal { name, year } => {
                let y = match (year, dct) {
                    (YearRef::Explicit(y), _) => {
                        if let CalName::Quarter(None) = name
                            && let Some((_, q)) = self.last_quarter
                        {
                            return Got::Cal(Cal::Quarter(y, q), Anchor::Narrative);
                        }
                        return match name_cal(name, y) {
                            Some(c) => Got::Cal(c, Anchor::Absolute),
                            None => Got::Open(format!("{y:04}-QX")),
                        };
                    }
                    (YearRef::Rel(n), Some(d)) => Some(d.year() + n),
                    (_, Some(d)) => pick_year(d, year, tense, |y| name_span(name, y)),
                    (_, None) => None,
                };
                match y.and_then(|y| name_cal(name, y)) {
                    Some(c) => Got::Cal(c, Anchor::Dct),
                    None => Got::Open(open_name(name)),
                }
            }
            Expr::Decade(d) => Got::Cal(Cal::Decade(d), Anchor::Absolute),
            Expr::Century(c) => Got::Cal(Cal::Century(c), Anchor::Absolute),
            Expr::Weekday {
                day,
                rel: rel @ (Rel::Before | Rel::After),
            } => match self.narrative_day() {
                Some((d, a)) => {
                    let r = if rel == Rel::Before {
                        Rel::Last
                    } else {
                        Rel::Next
                    };
                    Got::Cal(Cal::Day(weekday_date(d, day, r, tense)), a)
                }
                None => Got::Open(format!("XXXX-WXX-{day}")),
            },
            Expr::Weekday { day, rel } => from_dct(
                dct.map(|d| Cal::Day(weekday_date(d, day, rel, tense))),
                format!("XXXX-WXX-{day}"),
            ),
            Expr::DayShift(n) => from_dct(
                dct.map(|d| Cal::Day(d + Duration::days(n.into()))),
                "XXXX-XX-XX".into(),
            ),
            Expr::UnitShift { unit, n } => {
                from_dct(dct.map(|d| unit_shift(d, unit, n)), open_unit(unit))
            }
            Expr::Weekend(rel) => {
                let n = |d: NaiveDate| {
                    let wd = d.weekday().number_from_monday();
                    match rel {
                        Rel::Last | Rel::Before => -1,
                        Rel::Past => -i32::from(wd < 6),
                        Rel::Next | Rel::After => 1,
                        Rel::This => 0,
                        Rel::Tense if tense == Tense::Future => i32::from(wd > 5),
                        Rel::Tense => -i32::from(wd < 6),
                    }
                };
                from_dct(
                    dct.map(|d| unit_shift(d, Unit::Weekend, n(d))),
                    "XXXX-WXX-WE".into(),
                )
            }
            Expr::Ago { n, unit, sign } => {
                let base = match (unit, self.last_quarter) {
                    (Unit::Year, Some((y, q))) => Some(Cal::Quarter(y, q)),
                    _ => dct.map(Cal::Day),
                };
                let g = match (dct, base) {
                    (Some(_), Some(b)) => move_cal(b, n, unit, sign),
                    _ => None,
                };
                from_dct(g, open_unit(unit))
            }
            Expr::Narrative { n, unit, sign } => {
                // "a year earlier" in a report on a quarter: the same quarter a year before.
                let base = match (unit, self.last_quarter) {
                    (Unit::Year, Some((y, q))) => Some((Cal::Quarter(y, q), Anchor::Narrative)),
                    _ => self.narrative_cal(unit),
                };
                match base {
                    Some((base, anchor)) => {
                        let sub_day = matches!(unit, Unit::Second | Unit::Minute | Unit::Hour);
                        let n = if sub_day && n == Amount::X {
                            Amount::N(0)
                        } else {
                            n
                        };
                        match move_cal(base, n, unit, sign) {
                            Some(c) => Got::Cal(c, anchor),
                            None => Got::Open(open_unit(unit)),
                        }
                    }
                    None => Got::Open(open_unit(unit)),
                }
            }
            Expr::QuarterRef { years, context } => {
                let base = self
                    .last_quarter
                    .filter(|_| context)
                    .map(|q| (q, Anchor::Narrative))
                    .or(dct.map(|d| {
                        let (y, q) = quarter_of(d);
                        (shift_quarter(y, q, -1), Anchor::Dct)
                    }));
                match base {
                    Some(((y, q), a)) => Got::Cal(Cal::Quarter(y + years, q), a),
                    None => Got::Open("XXXX-QX".into()),
                }
            }
            Expr::Clock => match self.narrative_day() {
                Some((d, a)) => Got::Cal(Cal::Day(d), a),
                None => Got::Open("XXXX-XX-XX".into()),
            },
            Expr::Ref(_) | Expr::Duration { .. } | Expr::Set(_) => Got::Open(String::new()),
        }
    }

    /// The type, value and calendar time of an expression; remembers it as an anchor.
    pub fn resolve(&mut self, f: &Found, tense: Tense) -> Resolved {
        match &f.expr {
            Expr::Ref(k) => {
                let value = match k {
                    RefKind::Present => "PRESENT_REF",
                    RefKind::Past => "PAST_REF",
                    RefKind::Future => "FUTURE_REF",
                };
                return Resolved {
                    kind: TimexType::Date,
                    value: value.into(),
                    when: None,
                    anchor: Anchor::Dct,
                };
            }
            Expr::Duration { n, unit } => {
                return Resolved {
                    kind: TimexType::Duration,
                    value: duration_value(*n, *unit),
                    when: None,
                    anchor: Anchor::Absolute,
                };
            }
            Expr::Set(v) => {
                return Resolved {
                    kind: TimexType::Set,
                    value: v.clone(),
                    when: None,
                    anchor: Anchor::Absolute,
                };
            }
            Expr::Ago {
                n: Amount::X, sign, ..
            } => {
                return Resolved {
                    kind: TimexType::Date,
                    value: if *sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                    when: None,
                    anchor: Anchor::Dct,
                };
            }
            _ => {}
        }
        let kind = if f.clock.is_some() || f.part.is_some() {
            TimexType::Time
        } else {
            TimexType::Date
        };
        match self.calendar(f, tense) {
            Got::Cal(cal, anchor) => {
                let (value, when) = self.decorate(cal, f);
                if !(self.quoted && anchor == Anchor::Dct) {
                    self.remember(cal, f);
                }
                Resolved {
                    kind,
                    value,
                    when: Some(when),
                    anchor,
                }
            }
            Got::Open(mut value) => {
                if let Some(c) = f.clock {
                    value = format!("{}T{:02}:{:02}", day_part(&value), c.hour, c.minute);
                } else if let Some(p) = f.part {
                    value = format!("{}T{}", day_part(&value), p.code());
                }
                Resolved {
                    kind,
                    value,
                    when: None,
                    anchor: Anchor::Unresolved,
                }
            }
        }
    }

    /// The value and `When` with the time of day or part of day added.
    fn decorate(&self, cal: Cal, f: &Found) -> (String, When) {
        if let (Cal::Day(d), Some(c)) = (cal, f.clock) {
            let (d2, hour) = if c.hour == 24 {
                (d + Duration::days(1), 0)
            } else {
                (d, c.hour)
            };
            let offset = c.zone.and_then(|z| match z {
                super::expr::Zone::Fixed(o) => Some(o),
                super::expr::Zone::Place(pl) => super::calendar::offset(pl, d),
                super::expr::Zone::Local => None,
            });
            let p = Point {
                time: Some(TimeOfDay {
                    hour,
                    minute: c.minute,
                    second: None,
                    offset_minutes: offset,
                }),
                ..Point::from_date(d2)
            };
            let value = format!("{}T{:02}:{:02}", Cal::Day(d).value(), c.hour, c.minute);
            return (value, When::Point(p));
        }
        if let (Cal::Day(_), Some(p)) = (cal, f.part) {
            return (format!("{}T{}", cal.value(), p.code()), cal.when(None));
        }
        (cal.value(), cal.when(f.edge))
    }

    fn remember(&mut self, cal: Cal, f: &Found) {
        let derived = matches!(
            f.expr,
            Expr::Ago { unit, .. }
                if !matches!(unit, Unit::Second | Unit::Minute | Unit::Hour | Unit::Day | Unit::Week)
        ) || matches!(f.expr, Expr::QuarterRef { .. });
        if derived {
            return;
        }
        self.last = Some(cal);
        if let Cal::Day(d) = cal {
            self.last_day = Some(d);
            if self.frame.is_none() {
                self.frame = Some(d);
            }
        }
        let direct = matches!(
            f.expr,
            Expr::Cal { .. }
                | Expr::UnitShift {
                    unit: Unit::Quarter,
                    ..
                }
        );
        if let (Cal::Quarter(y, q), true) = (cal, direct) {
            self.last_quarter = Some((y, q));
        }
    }
}

/// The date part of an open value, for adding a time: `XXXX-WXX-1` stays, `XXXX` grows.
fn day_part(v: &str) -> &str {
    if v.len() >= 10 || v.contains('W') {
        v
    } else {
        "XXXX-XX-XX"
    }
}
