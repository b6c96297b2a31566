//! Calendar values and how they are written: TIMEX3 value strings and EDTF [`When`]s.

use chrono::{Datelike, Duration, NaiveDate};

use super::calendar::iso_monday;
use super::expr::{Amount, Edge};
use super::lexicon::{Season, Unit};
use crate::timeline::When;
use crate::timeline::when::{Bound, Point};

/// A resolved calendar value at its own granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    Year(i32),
    Month(i32, u8),
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    Weekend(i32, u32),
    Quarter(i32, u8),
    Half(i32, u8),
    Season(i32, Season),
    /// `199` for the 1990s.
    Decade(i32),
    /// `19` for the 1900s.
    Century(i32),
}

fn month_start(y: i32, m: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m.clamp(1, 12), 1).unwrap_or(NaiveDate::MIN)
}

fn month_end(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    month_start(ny, nm).pred_opt().unwrap_or(NaiveDate::MIN)
}

/// The month `n` months after (year, month).
pub fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let idx = y * 12 + m as i32 - 1 + n;
    (idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)
}

impl Cal {
    pub fn day(d: NaiveDate) -> Cal {
        Cal::Day(d)
    }

    /// The ISO week holding a day.
    pub fn week_of(d: NaiveDate) -> Cal {
        let w = d.iso_week();
        Cal::Week(w.year(), w.week())
    }

    /// First and last day covered.
    pub fn span(&self) -> (NaiveDate, NaiveDate) {
        match *self {
            Cal::Year(y) => (month_start(y, 1), month_end(y, 12)),
            Cal::Month(y, m) => (month_start(y, m.into()), month_end(y, m.into())),
            Cal::Day(d) => (d, d),
            Cal::Week(y, w) => {
                let mon = iso_monday(y, w).unwrap_or(NaiveDate::MIN);
                (mon, mon + Duration::days(6))
            }
            Cal::Weekend(y, w) => {
                let mon = iso_monday(y, w).unwrap_or(NaiveDate::MIN);
                (mon + Duration::days(5), mon + Duration::days(6))
            }
            Cal::Quarter(y, q) => {
                let m = u32::from(q) * 3;
                (month_start(y, m - 2), month_end(y, m))
            }
            Cal::Half(y, h) => {
                let m = u32::from(h) * 6;
                (month_start(y, m - 5), month_end(y, m))
            }
            Cal::Season(y, s) => {
                let m = u32::from(s.first_month());
                let (ey, em) = add_months(y, m, 2);
                (month_start(y, m), month_end(ey, em))
            }
            Cal::Decade(d) => (month_start(d * 10, 1), month_end(d * 10 + 9, 12)),
            Cal::Century(c) => (month_start(c * 100, 1), month_end(c * 100 + 99, 12)),
        }
    }

    /// The year the value starts in.
    pub fn year(&self) -> i32 {
        self.span().0.year()
    }

    /// The TIMEX3 value.
    pub fn value(&self) -> String {
        match *self {
            Cal::Year(y) => format!("{y:04}"),
            Cal::Month(y, m) => format!("{y:04}-{m:02}"),
            Cal::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Cal::Week(y, w) => format!("{y:04}-W{w:02}"),
            Cal::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Cal::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Cal::Half(y, h) => format!("{y:04}-H{h}"),
            Cal::Season(y, s) => format!("{y:04}-{}", s.code()),
            Cal::Decade(d) => format!("{d:03}"),
            Cal::Century(c) => format!("{c:02}"),
        }
    }

    /// The EDTF value, narrowed to a third of the period for "early", "mid", "late".
    pub fn when(&self, edge: Option<Edge>) -> When {
        if let Some(e) = edge
            && let Some(w) = self.edge_when(e)
        {
            return w;
        }
        match *self {
            Cal::Year(y) => When::year(y),
            Cal::Month(y, m) => When::month(y, m),
            Cal::Day(d) => When::date(d),
            Cal::Week(..) | Cal::Weekend(..) => {
                let (a, b) = self.span();
                When::between(a, b)
            }
            Cal::Quarter(..) | Cal::Half(..) | Cal::Season(..) => {
                let (a, b) = self.span();
                months(a.year(), a.month(), b.year(), b.month(), false)
            }
            Cal::Decade(_) | Cal::Century(_) => {
                let (a, b) = self.span();
                When::Interval(
                    Bound::At(Point::year(a.year())),
                    Bound::At(Point::year(b.year())),
                )
            }
        }
    }

    fn edge_when(&self, edge: Edge) -> Option<When> {
        let third = |lo: i64, hi: i64| -> (i64, i64) {
            let len = hi - lo + 1;
            match edge {
                Edge::Early => (lo, lo + len / 3 - 1),
                Edge::Mid => (lo + len / 3, hi - len / 3),
                Edge::Late => (hi - len / 3 + 1, hi),
            }
        };
        Some(match *self {
            Cal::Year(y) => {
                let (a, b) = third(1, 12);
                months(y, a as u32, y, b as u32, true)
            }
            Cal::Quarter(..) | Cal::Half(..) | Cal::Season(..) => {
                let (s, e) = self.span();
                let lo = i64::from(s.year()) * 12 + i64::from(s.month0());
                let hi = i64::from(e.year()) * 12 + i64::from(e.month0());
                let (a, b) = third(lo, hi);
                let (a, b) = (a.max(lo), b.max(a));
                months(
                    (a / 12) as i32,
                    (a % 12) as u32 + 1,
                    (b / 12) as i32,
                    (b % 12) as u32 + 1,
                    true,
                )
            }
            Cal::Decade(_) | Cal::Century(_) => {
                let (s, e) = self.span();
                let (a, b) = third(i64::from(s.year()), i64::from(e.year()));
                let p = |y: i64| Point {
                    approximate: true,
                    ..Point::year(y as i32)
                };
                When::Interval(Bound::At(p(a)), Bound::At(p(b)))
            }
            Cal::Month(..) | Cal::Week(..) => {
                let (s, e) = self.span();
                let (a, b) = third(0, (e - s).num_days());
                let p = |d: i64| Point {
                    approximate: true,
                    ..Point::from_date(s + Duration::days(d))
                };
                When::Interval(Bound::At(p(a)), Bound::At(p(b)))
            }
            Cal::Day(_) | Cal::Weekend(..) => return None,
        })
    }
}

fn months(y0: i32, m0: u32, y1: i32, m1: u32, approximate: bool) -> When {
    let p = |y: i32, m: u32| Point {
        approximate,
        ..Point::month(y, m as u8)
    };
    if (y0, m0) == (y1, m1) {
        return When::Point(p(y0, m0));
    }
    When::Interval(Bound::At(p(y0, m0)), Bound::At(p(y1, m1)))
}

/// The TIMEX3 value of a duration: `P3D`, `PT24H`, `P2Y6M`, `PXY`.
pub fn duration_value(n: Amount, unit: Unit) -> String {
    let (time, letter, scale) = match unit {
        Unit::Second => (true, "S", 1),
        Unit::Minute => (true, "M", 1),
        Unit::Hour => (true, "H", 1),
        Unit::Day => (false, "D", 1),
        Unit::Weekend => (false, "D", 2),
        Unit::Week => (false, "W", 1),
        Unit::Fortnight => (false, "W", 2),
        Unit::Month => (false, "M", 1),
        Unit::Quarter => (false, "Q", 1),
        Unit::Half => (false, "M", 6),
        Unit::Year => (false, "Y", 1),
        Unit::Decade => (false, "Y", 10),
        Unit::Century => (false, "Y", 100),
        Unit::Millennium => (false, "Y", 1000),
    };
    let t = if time { "T" } else { "" };
    match n {
        Amount::N(v) => format!("P{t}{}{letter}", u64::from(v) * scale),
        Amount::X => match unit {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            Unit::Millennium => "PXML".to_string(),
            _ => format!("P{t}X{letter}"),
        },
        // "half an hour", "half a century"
        Amount::AndHalf(0) => match unit {
            Unit::Second => "PT1S".to_string(),
            Unit::Minute => "PT30S".to_string(),
            Unit::Hour => "PT30M".to_string(),
            Unit::Day => "PT12H".to_string(),
            Unit::Week => "P3DT12H".to_string(),
            Unit::Month => "P15D".to_string(),
            Unit::Year => "P6M".to_string(),
            Unit::Decade => "P5Y".to_string(),
            Unit::Century => "P50Y".to_string(),
            Unit::Millennium => "P500Y".to_string(),
            _ => format!("P{t}0.5{letter}"),
        },
        Amount::AndHalf(v) => {
            let v = u64::from(v);
            match unit {
                Unit::Year => format!("P{v}Y6M"),
                Unit::Month => format!("P{v}M15D"),
                Unit::Day => format!("P{v}DT12H"),
                Unit::Hour => format!("PT{v}H30M"),
                Unit::Minute => format!("PT{v}M30S"),
                Unit::Decade => format!("P{}Y", v * 10 + 5),
                Unit::Century => format!("P{}Y", v * 100 + 50),
                Unit::Week => format!("P{}DT12H", v * 7 + 3),
                _ => format!("P{t}{}.5{letter}", v * scale),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_whens() {
        let d = NaiveDate::from_ymd_opt(2016, 9, 17).unwrap();
        assert_eq!(Cal::Day(d).value(), "2016-09-17");
        assert_eq!(Cal::week_of(d).value(), "2016-W37");
        assert_eq!(
            Cal::Weekend(2016, 37).when(None).to_string(),
            "2016-09-17/2016-09-18"
        );
        assert_eq!(
            Cal::Quarter(1998, 3).when(None).to_string(),
            "1998-07/1998-09"
        );
        assert_eq!(
            Cal::Season(2015, Season::Winter).when(None).to_string(),
            "2015-12/2016-02"
        );
        assert_eq!(Cal::Decade(199).when(None).to_string(), "1990/1999");
        assert_eq!(
            Cal::Year(1998).when(Some(Edge::Mid)).to_string(),
            "1998-05~/1998-08~"
        );
        assert_eq!(
            Cal::Month(2016, 9).when(Some(Edge::Late)).to_string(),
            "2016-09-21~/2016-09-30~"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Amount::N(3), Unit::Day), "P3D");
        assert_eq!(duration_value(Amount::N(24), Unit::Hour), "PT24H");
        assert_eq!(duration_value(Amount::AndHalf(2), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Amount::X, Unit::Year), "PXY");
        assert_eq!(duration_value(Amount::N(2), Unit::Decade), "P20Y");
    }
}
