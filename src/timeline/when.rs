//! `When`: a date at its own precision, in a subset of EDTF (ISO 8601-2).
//!
//! Supported forms:
//! - day `2016-09-17`, month `2016-09`, year `2016`;
//! - a time of day on a day, with an optional UTC offset: `2016-09-19T19:00+03:00`,
//!   `2016-09-19T19:00:30Z`, `2016-09-19T19:00` (local time, offset unknown);
//! - qualifiers on a date: approximate `2016-04~`, uncertain `2016-04?`, both `2016-04%`;
//! - intervals `2016-09-17/2016-09-18`, open ends `2016-09-12/..` and `../2016`,
//!   unknown ends `2016-09-12/` and `/2016`;
//! - `unknown`.
//!
//! Values order totally (earliest possible instant, then coarser precision first, then
//! latest possible instant), test for overlap, and display at their own precision
//! ("17 Sep 2016", "Sep 2016", "17–18 Sep 2016", "c. Apr 2016").

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// How fine a point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
    Minute,
    Second,
}

/// A time of day attached to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    pub hour: u8,
    pub minute: u8,
    pub second: Option<u8>,
    /// Offset from UTC in minutes; `None` when the text gives a local time without zone.
    pub offset_minutes: Option<i16>,
}

/// A calendar point at year, month or day precision, optionally with a time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Point {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub time: Option<TimeOfDay>,
    /// EDTF `~`: the value is an estimate ("about April").
    pub approximate: bool,
    /// EDTF `?`: the source is not sure of it ("possibly April").
    pub uncertain: bool,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `..`: the interval runs on without limit.
    Open,
    /// Empty: the end exists but is not known.
    Unknown,
    At(Point),
}

/// An EDTF-style date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum When {
    #[default]
    Unknown,
    Point(Point),
    Interval(Bound, Bound),
}

/// Why a string is not a `When`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error(
        "`{0}` is not an EDTF date (expected e.g. 2016-09-17, 2016-09, 2016, 2016-09-17/2016-09-18, 2016-04~ or unknown)"
    )]
    Syntax(String),
    #[error("`{0}` is not a real calendar date")]
    NoSuchDate(String),
    #[error("interval `{0}` ends before it starts")]
    Reversed(String),
    #[error("`{0}`: a time of day needs a full date")]
    TimeWithoutDay(String),
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Point {
    pub fn year(year: i32) -> Point {
        Point {
            year,
            month: None,
            day: None,
            time: None,
            approximate: false,
            uncertain: false,
        }
    }

    pub fn month(year: i32, month: u8) -> Point {
        Point {
            month: Some(month),
            ..Point::year(year)
        }
    }

    pub fn day(year: i32, month: u8, day: u8) -> Point {
        Point {
            month: Some(month),
            day: Some(day),
            ..Point::year(year)
        }
    }

    pub fn from_date(date: NaiveDate) -> Point {
        Point::day(date.year(), date.month() as u8, date.day() as u8)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (_, Some(_), Some(t)) if t.second.is_some() => Precision::Second,
            (_, Some(_), Some(_)) => Precision::Minute,
            (_, Some(_), None) => Precision::Day,
            (Some(_), None, _) => Precision::Month,
            (None, _, _) => Precision::Year,
        }
    }

    /// The first day this point may fall on.
    pub fn first_day(&self) -> NaiveDate {
        let month = u32::from(self.month.unwrap_or(1));
        let day = u32::from(self.day.unwrap_or(1));
        NaiveDate::from_ymd_opt(self.year, month, day).unwrap_or(NaiveDate::MIN)
    }

    /// The last day this point may fall on.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m.into(), d.into()),
            (Some(m), None) => last_day_of_month(self.year, m.into()),
            _ => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .unwrap_or(NaiveDate::MAX)
    }

    /// The earliest instant this point may denote (local time; offsets are not applied,
    /// since most news dates carry none and mixing would misorder same-day events).
    pub fn earliest(&self) -> NaiveDateTime {
        let time = self.time.map_or(NaiveTime::MIN, |t| t.naive());
        self.first_day().and_time(time)
    }

    /// The latest instant this point may denote.
    pub fn latest(&self) -> NaiveDateTime {
        match self.time {
            Some(t) => {
                let start = self.first_day().and_time(t.naive());
                let span = if t.second.is_some() {
                    Duration::seconds(1)
                } else {
                    Duration::minutes(1)
                };
                start + span - Duration::nanoseconds(1)
            }
            None => self
                .last_day()
                .and_hms_nano_opt(23, 59, 59, 999_999_999)
                .unwrap_or(NaiveDateTime::MAX),
        }
    }

    fn validate(&self, text: &str) -> Result<(), WhenError> {
        let bad = || WhenError::NoSuchDate(text.to_string());
        if !(-9999..=9999).contains(&self.year) {
            return Err(bad());
        }
        if let Some(m) = self.month
            && !(1..=12).contains(&m)
        {
            return Err(bad());
        }
        if let (Some(m), Some(d)) = (self.month, self.day)
            && NaiveDate::from_ymd_opt(self.year, m.into(), d.into()).is_none()
        {
            return Err(bad());
        }
        if let Some(t) = self.time {
            if self.day.is_none() {
                return Err(WhenError::TimeWithoutDay(text.to_string()));
            }
            let offset_ok = t.offset_minutes.is_none_or(|o| o.abs() <= 14 * 60);
            if t.hour > 23 || t.minute > 59 || t.second.is_some_and(|s| s > 59) || !offset_ok {
                return Err(bad());
            }
        }
        Ok(())
    }

    /// The date part in EDTF, without qualifiers or time.
    fn write_date(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.year < 0 {
            write!(f, "-{:04}", -self.year)?;
        } else {
            write!(f, "{:04}", self.year)?;
        }
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }

    fn qualifier(&self) -> &'static str {
        match (self.approximate, self.uncertain) {
            (true, true) => "%",
            (true, false) => "~",
            (false, true) => "?",
            (false, false) => "",
        }
    }

    /// Human text at this point's own precision: "17 Sep 2016", "Sep 2016", "2016".
    fn human(&self, out: &mut String) {
        if let Some(d) = self.day {
            out.push_str(&format!("{d} "));
        }
        if let Some(m) = self.month {
            out.push_str(MONTHS[usize::from(m - 1)]);
            out.push(' ');
        }
        out.push_str(&self.year.to_string());
        if let Some(t) = self.time {
            out.push_str(&format!(", {:02}:{:02}", t.hour, t.minute));
            if let Some(s) = t.second {
                out.push_str(&format!(":{s:02}"));
            }
            match t.offset_minutes {
                Some(0) => out.push_str(" UTC"),
                Some(o) => {
                    let sign = if o < 0 { '−' } else { '+' };
                    let (h, m) = (o.abs() / 60, o.abs() % 60);
                    if m == 0 {
                        out.push_str(&format!(" UTC{sign}{h}"));
                    } else {
                        out.push_str(&format!(" UTC{sign}{h}:{m:02}"));
                    }
                }
                None => {}
            }
        }
    }
}

impl TimeOfDay {
    fn naive(&self) -> NaiveTime {
        NaiveTime::from_hms_opt(
            self.hour.into(),
            self.minute.into(),
            self.second.unwrap_or(0).into(),
        )
        .unwrap_or(NaiveTime::MIN)
    }
}

fn last_day_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_date(f)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}", t.hour, t.minute)?;
            if let Some(s) = t.second {
                write!(f, ":{s:02}")?;
            }
            match t.offset_minutes {
                Some(0) => f.write_str("Z")?,
                Some(o) => {
                    let sign = if o < 0 { '-' } else { '+' };
                    write!(f, "{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60)?;
                }
                None => {}
            }
        }
        f.write_str(self.qualifier())
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Open => f.write_str(".."),
            Bound::Unknown => Ok(()),
            Bound::At(p) => p.fmt(f),
        }
    }
}

impl fmt::Display for When {
    /// The canonical EDTF text; `parse(display(w)) == w`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            When::Unknown => f.write_str("unknown"),
            When::Point(p) => p.fmt(f),
            When::Interval(a, b) => write!(f, "{a}/{b}"),
        }
    }
}

impl When {
    pub fn day(year: i32, month: u8, day: u8) -> When {
        When::Point(Point::day(year, month, day))
    }

    pub fn month(year: i32, month: u8) -> When {
        When::Point(Point::month(year, month))
    }

    pub fn year(year: i32) -> When {
        When::Point(Point::year(year))
    }

    pub fn date(date: NaiveDate) -> When {
        When::Point(Point::from_date(date))
    }

    /// The interval between two dates, collapsed to a single day when they are equal.
    pub fn between(start: NaiveDate, end: NaiveDate) -> When {
        if start == end {
            When::date(start)
        } else {
            When::Interval(
                Bound::At(Point::from_date(start)),
                Bound::At(Point::from_date(end)),
            )
        }
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, When::Unknown)
    }

    /// The earliest instant the value allows; `None` when unbounded or unknown.
    pub fn earliest(&self) -> Option<NaiveDateTime> {
        match self {
            When::Unknown => None,
            When::Point(p) => Some(p.earliest()),
            When::Interval(Bound::At(p), _) => Some(p.earliest()),
            When::Interval(_, _) => None,
        }
    }

    /// The latest instant the value allows; `None` when unbounded or unknown.
    pub fn latest(&self) -> Option<NaiveDateTime> {
        match self {
            When::Unknown => None,
            When::Point(p) => Some(p.latest()),
            When::Interval(_, Bound::At(p)) => Some(p.latest()),
            When::Interval(_, _) => None,
        }
    }

    /// First and last day the value allows, with unbounded ends widened to the calendar's
    /// limits; `None` for `unknown`.
    pub fn day_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        if self.is_unknown() {
            return None;
        }
        let lo = self.earliest().map_or(NaiveDate::MIN, |t| t.date());
        let hi = self.latest().map_or(NaiveDate::MAX, |t| t.date());
        Some((lo, hi))
    }

    /// The finest precision among the value's ends.
    pub fn precision(&self) -> Option<Precision> {
        match self {
            When::Unknown => None,
            When::Point(p) => Some(p.precision()),
            When::Interval(a, b) => {
                let pa = match a {
                    Bound::At(p) => Some(p.precision()),
                    _ => None,
                };
                let pb = match b {
                    Bound::At(p) => Some(p.precision()),
                    _ => None,
                };
                pa.max(pb)
            }
        }
    }

    /// Whether two values can denote the same time: their ranges of possible days share a day.
    /// `unknown` overlaps nothing.
    pub fn overlaps(&self, other: &When) -> bool {
        match (self.day_range(), other.day_range()) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => false,
        }
    }

    /// Whether every day this value allows lies inside `outer`.
    pub fn within(&self, outer: &When) -> bool {
        match (self.day_range(), outer.day_range()) {
            (Some((a0, a1)), Some((b0, b1))) => b0 <= a0 && a1 <= b1,
            _ => false,
        }
    }

    /// Text for people, at the value's own precision.
    pub fn human(&self) -> String {
        match self {
            When::Unknown => "date unknown".to_string(),
            When::Point(p) => point_human(p),
            When::Interval(Bound::At(a), Bound::At(b)) => interval_human(a, b),
            When::Interval(Bound::At(a), Bound::Open) => format!("from {}", point_human(a)),
            When::Interval(Bound::At(a), Bound::Unknown) => format!("{} – ?", point_human(a)),
            When::Interval(Bound::Open, Bound::At(b)) => format!("until {}", point_human(b)),
            When::Interval(Bound::Unknown, Bound::At(b)) => format!("? – {}", point_human(b)),
            When::Interval(_, _) => "date unknown".to_string(),
        }
    }

    fn sort_key(&self) -> (u8, NaiveDateTime, bool, Option<Precision>, NaiveDateTime) {
        // Unknown values go last. A value with no known start ("until 24 May 2016") sits where
        // its end is known, just before what starts there: at the head of the whole timeline it
        // would read as the oldest event.
        let rank = u8::from(self.is_unknown());
        let (anchor, has_start) = match self {
            When::Interval(Bound::Open | Bound::Unknown, Bound::At(end)) => (end.earliest(), false),
            _ => (self.earliest().unwrap_or(NaiveDateTime::MIN), true),
        };
        let end = self.latest().unwrap_or(NaiveDateTime::MAX);
        (rank, anchor, has_start, self.precision(), end)
    }
}

fn point_human(p: &Point) -> String {
    let mut s = String::new();
    if p.approximate {
        s.push_str("c. ");
    }
    p.human(&mut s);
    if p.uncertain {
        s.push('?');
    }
    s
}

/// "17–18 Sep 2016", "30 Sep – 2 Oct 2016", "Apr–May 2016", "Dec 2015 – Jan 2016".
fn interval_human(a: &Point, b: &Point) -> String {
    let plain = |p: &Point| !p.approximate && !p.uncertain && p.time.is_none();
    if plain(a) && plain(b) && a.precision() == b.precision() && a.year == b.year {
        match (a.month, a.day, b.month, b.day) {
            (Some(am), Some(ad), Some(bm), Some(bd)) if am == bm => {
                return format!("{ad}–{bd} {} {}", MONTHS[usize::from(am - 1)], a.year);
            }
            (Some(am), Some(ad), Some(bm), Some(bd)) => {
                return format!(
                    "{ad} {} – {bd} {} {}",
                    MONTHS[usize::from(am - 1)],
                    MONTHS[usize::from(bm - 1)],
                    a.year
                );
            }
            (Some(am), None, Some(bm), None) => {
                return format!(
                    "{}–{} {}",
                    MONTHS[usize::from(am - 1)],
                    MONTHS[usize::from(bm - 1)],
                    a.year
                );
            }
            _ => {}
        }
    }
    if plain(a) && plain(b) && a.precision() == Precision::Year && b.precision() == Precision::Year
    {
        return format!("{}–{}", a.year, b.year);
    }
    format!("{} – {}", point_human(a), point_human(b))
}

impl Ord for When {
    fn cmp(&self, other: &When) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            // Ties (e.g. `2016-09~` vs `2016-09`) fall back to the text, so the order is total
            // and consistent with equality.
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

impl PartialOrd for When {
    fn partial_cmp(&self, other: &When) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for When {
    type Err = WhenError;

    fn from_str(s: &str) -> Result<When, WhenError> {
        let text = s.trim();
        if text.eq_ignore_ascii_case("unknown") || text.eq_ignore_ascii_case("xxxx") {
            return Ok(When::Unknown);
        }
        let when = match text.split_once('/') {
            None => When::Point(parse_point(text, text)?),
            Some((a, b)) => {
                if b.contains('/') {
                    return Err(WhenError::Syntax(text.to_string()));
                }
                let start = parse_bound(a, text)?;
                let end = parse_bound(b, text)?;
                if matches!(start, Bound::Open | Bound::Unknown)
                    && matches!(end, Bound::Open | Bound::Unknown)
                {
                    return Err(WhenError::Syntax(text.to_string()));
                }
                if let (Bound::At(p), Bound::At(q)) = (start, end)
                    && q.latest() < p.earliest()
                {
                    return Err(WhenError::Reversed(text.to_string()));
                }
                When::Interval(start, end)
            }
        };
        Ok(when)
    }
}

fn parse_bound(s: &str, whole: &str) -> Result<Bound, WhenError> {
    match s {
        ".." => Ok(Bound::Open),
        "" => Ok(Bound::Unknown),
        _ => parse_point(s, whole).map(Bound::At),
    }
}

fn parse_point(s: &str, whole: &str) -> Result<Point, WhenError> {
    let syntax = || WhenError::Syntax(whole.to_string());
    let (body, approximate, uncertain) = match s.as_bytes().last() {
        Some(b'~') => (&s[..s.len() - 1], true, false),
        Some(b'?') => (&s[..s.len() - 1], false, true),
        Some(b'%') => (&s[..s.len() - 1], true, true),
        _ => (s, false, false),
    };
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, Some(parse_time(t).ok_or_else(syntax)?)),
        None => (body, None),
    };
    let (negative, digits) = match date.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, date),
    };
    let parts: Vec<&str> = digits.split('-').collect();
    let number = |p: &str, len: usize| -> Option<i32> {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let year = number(parts.first().copied().unwrap_or(""), 4).ok_or_else(syntax)?;
    let year = if negative { -year } else { year };
    let month = match parts.get(1) {
        Some(p) => Some(number(p, 2).ok_or_else(syntax)? as u8),
        None => None,
    };
    let day = match parts.get(2) {
        Some(p) => Some(number(p, 2).ok_or_else(syntax)? as u8),
        None => None,
    };
    if parts.len() > 3 {
        return Err(syntax());
    }
    let point = Point {
        year,
        month,
        day,
        time,
        approximate,
        uncertain,
    };
    point.validate(whole)?;
    Ok(point)
}

/// `HH:MM[:SS][Z|±HH:MM|±HHMM|±HH]`
fn parse_time(t: &str) -> Option<TimeOfDay> {
    let (clock, offset_minutes) = if let Some(c) = t.strip_suffix('Z') {
        (c, Some(0))
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (c, o) = t.split_at(i);
        let sign: i16 = if o.starts_with('-') { -1 } else { 1 };
        let o = o[1..].replace(':', "");
        let (h, m) = match o.len() {
            2 => (o.parse::<i16>().ok()?, 0),
            4 => (o[..2].parse::<i16>().ok()?, o[2..].parse::<i16>().ok()?),
            _ => return None,
        };
        (c, Some(sign * (h * 60 + m)))
    } else {
        (t, None)
    };
    let fields: Vec<&str> = clock.split(':').collect();
    let two = |p: &str| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u8>().ok())
            .flatten()
    };
    match fields.as_slice() {
        [h, m] => Some(TimeOfDay {
            hour: two(h)?,
            minute: two(m)?,
            second: None,
            offset_minutes,
        }),
        [h, m, s] => Some(TimeOfDay {
            hour: two(h)?,
            minute: two(m)?,
            second: Some(two(s)?),
            offset_minutes,
        }),
        _ => None,
    }
}

impl serde::Serialize for When {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for When {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<When, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = When;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an EDTF date such as 2016-09-17, 2016-09, 2016 or 2016-09-17/2016-09-18",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<When, E> {
                v.parse().map_err(E::custom)
            }
            // A bare year in YAML (`when: 2016`) arrives as an integer.
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<When, E> {
                self.visit_str(&format!("{v:04}"))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<When, E> {
                self.visit_str(&format!("{v:04}"))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> When {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn parses_and_prints_every_form() {
        for s in [
            "2016-09-17",
            "2016-09",
            "2016",
            "2016-09-17/2016-09-18",
            "2016-09-12/..",
            "../2016",
            "2016-09-12/",
            "/2016",
            "2016-04~",
            "2016-04?",
            "2016-04%",
            "2016-09-19T19:00+03:00",
            "2016-09-19T19:00:30Z",
            "2016-09-19T19:00",
            "2016-09-19T19:00-05:30",
            "unknown",
            "-0044-03-15",
        ] {
            assert_eq!(w(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_bad_values() {
        assert!(matches!(
            "2016-13".parse::<When>(),
            Err(WhenError::NoSuchDate(_))
        ));
        assert!(matches!(
            "2016-02-30".parse::<When>(),
            Err(WhenError::NoSuchDate(_))
        ));
        assert!(matches!(
            "2016-09-18/2016-09-17".parse::<When>(),
            Err(WhenError::Reversed(_))
        ));
        assert!(matches!(
            "2016-09T10:00".parse::<When>(),
            Err(WhenError::TimeWithoutDay(_))
        ));
        for s in [
            "17 Sep 2016",
            "16",
            "2016-9-17",
            "../..",
            "2016/2017/2018",
            "",
            "2016-09-17T25",
            "2016~~",
        ] {
            assert!(s.parse::<When>().is_err(), "{s} should be rejected");
        }
    }

    #[test]
    fn human_text_uses_own_precision() {
        assert_eq!(w("2016-09-17").human(), "17 Sep 2016");
        assert_eq!(w("2016-09").human(), "Sep 2016");
        assert_eq!(w("2016").human(), "2016");
        assert_eq!(w("2016-09-17/2016-09-18").human(), "17–18 Sep 2016");
        assert_eq!(w("2016-09-30/2016-10-02").human(), "30 Sep – 2 Oct 2016");
        assert_eq!(w("2016-04/2016-05").human(), "Apr–May 2016");
        assert_eq!(w("2015-12/2016-01").human(), "Dec 2015 – Jan 2016");
        assert_eq!(w("2016-04~").human(), "c. Apr 2016");
        assert_eq!(w("2016-04?").human(), "Apr 2016?");
        assert_eq!(w("2016-09-12/..").human(), "from 12 Sep 2016");
        assert_eq!(
            w("2016-09-19T19:00+03:00").human(),
            "19 Sep 2016, 19:00 UTC+3"
        );
        assert_eq!(w("unknown").human(), "date unknown");
    }

    #[test]
    fn orders_by_earliest_known_instant_then_precision() {
        let mut v: Vec<When> = [
            "unknown",
            "2016-09-17",
            "2016-09",
            "2016",
            "2016-09-12/2016-09-19",
            "2015-12-06",
            "../2016",
            "../2016-09-17",
        ]
        .iter()
        .map(|s| w(s))
        .collect();
        v.sort();
        let got: Vec<String> = v.iter().map(ToString::to_string).collect();
        // A value with no start sits where its end is known, just before what starts there.
        assert_eq!(
            got,
            [
                "2015-12-06",
                "../2016",
                "2016",
                "2016-09",
                "2016-09-12/2016-09-19",
                "../2016-09-17",
                "2016-09-17",
                "unknown"
            ]
        );
    }

    #[test]
    fn overlap_allows_for_precision() {
        assert!(w("2016-09").overlaps(&w("2016-09-17")));
        assert!(w("2016-09-17/2016-09-18").overlaps(&w("2016-09-18")));
        assert!(!w("2016-09-17").overlaps(&w("2016-09-19")));
        assert!(w("2016-09-12/..").overlaps(&w("2020")));
        assert!(!w("unknown").overlaps(&w("2016")));
        assert!(w("2016-09-17").within(&w("2016-09")));
        assert!(!w("2016").within(&w("2016-09")));
    }
}
