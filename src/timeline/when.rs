//! `When`: a date at its own precision, in EDTF (ISO 8601-2) levels 0 and 1.
//!
//! Supported forms:
//! - day `2016-09-17`, month `2016-09`, year `2016`, negative years `-0044-03-15`;
//! - a time of day on a day, with an optional UTC offset: `2016-09-19T19:00+03:00`,
//!   `2016-09-19T19:00:30Z`, `2016-09-19T19:00` (local time, offset unknown);
//! - qualifiers on a date: approximate `2016-04~`, uncertain `2016-04?`, both `2016-04%`;
//! - seasons `2016-21` (spring), `-22` summer, `-23` autumn, `-24` winter;
//! - unspecified digits from the right: `201X` (the 2010s), `20XX`, `2016-XX` (a month of
//!   2016), `2016-09-XX` (a day of September), `2016-XX-XX`;
//! - years of more than four digits with a `Y`: `Y170000002`, `Y-170000002`;
//! - intervals `2016-09-17/2016-09-18`, open ends `2016-09-12/..` and `../2016`,
//!   unknown ends `2016-09-12/` and `/2016`, any of the dates above at either end;
//! - `unknown`.
//!
//! Level 2 (seasons 25-41, `X` elsewhere than at the right, a qualifier on one part, sets,
//! exponents) is refused with [`WhenError::Level2`].
//!
//! Seasons are read as the northern hemisphere's meteorological ones, as EDTF level 2 makes
//! explicit with codes 25-28: spring is March to May, summer June to August, autumn September
//! to November, and winter runs from December into the next year's February.
//!
//! Values order totally (earliest possible instant, then coarser precision first, then
//! latest possible instant), test for overlap, and display at their own precision
//! ("17 Sep 2016", "Sep 2016", "17–18 Sep 2016", "c. Apr 2016", "Spring 2016", "2010s").

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

/// How fine a point is: the finest calendar field it pins down. A season, or a field written
/// with `X`, pins down only the field above it (`2016-21` and `2016-XX` have year precision).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// A year (or a span of years: `201X`).
    Year,
    /// A month.
    Month,
    /// A day.
    Day,
    /// A time of day to the minute.
    Minute,
    /// A time of day to the second.
    Second,
}

/// A season in place of a month (EDTF level 1: `2016-21` is spring 2016).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// `21`: March to May.
    Spring,
    /// `22`: June to August.
    Summer,
    /// `23`: September to November.
    Autumn,
    /// `24`: December to the next year's February.
    Winter,
}

impl Season {
    /// Every season, in the order of the year.
    pub const ALL: [Season; 4] = [
        Season::Spring,
        Season::Summer,
        Season::Autumn,
        Season::Winter,
    ];

    /// The EDTF code: 21 to 24.
    pub fn code(self) -> u8 {
        match self {
            Season::Spring => 21,
            Season::Summer => 22,
            Season::Autumn => 23,
            Season::Winter => 24,
        }
    }

    /// The season of an EDTF level 1 code.
    pub fn from_code(code: u8) -> Option<Season> {
        Season::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Its name for people: "Spring".
    pub fn name(self) -> &'static str {
        match self {
            Season::Spring => "Spring",
            Season::Summer => "Summer",
            Season::Autumn => "Autumn",
            Season::Winter => "Winter",
        }
    }

    /// First and last month; past 12 is the next year (winter ends in month 14, February).
    fn months(self) -> (u32, u32) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Autumn => (9, 11),
            Season::Winter => (12, 14),
        }
    }
}

/// Which digits of a point are written `X` (EDTF level 1 allows them only on the right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Unspecified {
    /// How many of the year's last digits are `X`: 1 in `201X` (then `year` is 2010, the
    /// first year of the span), 2 in `20XX`; 0 otherwise.
    pub year_digits: u8,
    /// The month is `XX` (`2016-XX`, `2016-XX-XX`); `month` is then `None`.
    pub month: bool,
    /// The day is `XX` (`2016-09-XX`); `day` is then `None`.
    pub day: bool,
}

impl Unspecified {
    /// No digit is unspecified.
    pub fn is_none(&self) -> bool {
        *self == Unspecified::default()
    }
}

/// A time of day attached to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeOfDay {
    /// 0 to 23.
    pub hour: u8,
    /// 0 to 59.
    pub minute: u8,
    /// 0 to 59, when given.
    pub second: Option<u8>,
    /// Offset from UTC in minutes; `None` when the text gives a local time without zone.
    pub offset_minutes: Option<i16>,
}

/// A calendar point at year, season, month or day precision, optionally with a time of day.
///
/// Build one with [`Point::year`], [`Point::month`], [`Point::day`] or [`Point::season`] and
/// struct update syntax (`Point { approximate: true, ..Point::year(2016) }`), or parse a
/// [`When`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Point {
    /// The year (astronomical: 0 is 1 BCE); with unspecified digits, the span's first year.
    pub year: i32,
    /// 1 to 12.
    pub month: Option<u8>,
    /// 1 to 31, a real day of the month.
    pub day: Option<u8>,
    /// A time of day, only on a day.
    pub time: Option<TimeOfDay>,
    /// EDTF `~`: the value is an estimate ("about April").
    pub approximate: bool,
    /// EDTF `?`: the source is not sure of it ("possibly April").
    pub uncertain: bool,
    /// A season in place of the month (`month` and `day` are then `None`).
    pub season: Option<Season>,
    /// Digits written `X`.
    pub unspecified: Unspecified,
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `..`: the interval runs on without limit.
    Open,
    /// Empty: the end exists but is not known.
    Unknown,
    /// A known point.
    At(Point),
}

/// An EDTF-style date value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum When {
    /// No date is known.
    #[default]
    Unknown,
    /// One point at its own precision.
    Point(Point),
    /// From one end to the other.
    Interval(Bound, Bound),
}

/// Why a string is not a `When`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    #[error(
        "`{0}` is not an EDTF date (expected e.g. 2016-09-17, 2016-09, 2016, 2016-09-17/2016-09-18, 2016-04~, 2016-21, 201X, 2016-XX, Y170000002 or unknown)"
    )]
    /// Not EDTF at all.
    Syntax(String),
    #[error("`{0}` is not a real calendar date")]
    /// A date that is not on the calendar (30 February, month 13).
    NoSuchDate(String),
    #[error("interval `{0}` ends before it starts")]
    /// An interval that ends before it starts.
    Reversed(String),
    #[error("`{0}`: a time of day needs a full date")]
    /// A time of day without a full date.
    TimeWithoutDay(String),
    #[error(
        "`{0}` is EDTF level 2, which Rashomon does not read (level 1 has seasons 21-24, `X` \
         only as the last one or two digits of a year or as a whole month or day, and a \
         qualifier only at the end)"
    )]
    /// Valid EDTF of level 2, which Rashomon does not read.
    Level2(String),
    #[error("`{0}`: the year is beyond the range Rashomon reads (±2147483647)")]
    /// A year beyond what Rashomon can hold.
    OutOfRange(String),
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The years chrono can place on its calendar, with a margin: beyond them (`Y`-years), days are
/// clamped and comparisons go by the year.
const CALENDAR_YEARS: std::ops::RangeInclusive<i32> = -262_000..=262_000;

impl Point {
    /// A year: `2016`.
    pub fn year(year: i32) -> Point {
        Point {
            year,
            month: None,
            day: None,
            time: None,
            approximate: false,
            uncertain: false,
            season: None,
            unspecified: Unspecified::default(),
        }
    }

    /// A season of a year: `2016-21`.
    pub fn season(year: i32, season: Season) -> Point {
        Point {
            season: Some(season),
            ..Point::year(year)
        }
    }

    /// A month: `2016-09`.
    pub fn month(year: i32, month: u8) -> Point {
        Point {
            month: Some(month),
            ..Point::year(year)
        }
    }

    /// A day: `2016-09-17`.
    pub fn day(year: i32, month: u8, day: u8) -> Point {
        Point {
            month: Some(month),
            day: Some(day),
            ..Point::year(year)
        }
    }

    /// The day of a calendar date.
    pub fn from_date(date: NaiveDate) -> Point {
        Point::day(date.year(), date.month() as u8, date.day() as u8)
    }

    /// The finest calendar field the point pins down.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day, self.time) {
            (_, Some(_), Some(t)) if t.second.is_some() => Precision::Second,
            (_, Some(_), Some(_)) => Precision::Minute,
            (_, Some(_), None) => Precision::Day,
            (Some(_), None, _) => Precision::Month,
            (None, _, _) => Precision::Year,
        }
    }

    /// The first and last year the point may fall in: one year, or ten for `201X`.
    pub fn years(&self) -> (i32, i32) {
        let width = match self.unspecified.year_digits {
            0 => 0,
            n => 10i32.saturating_pow(u32::from(n)) - 1,
        };
        if self.year < 0 {
            (self.year.saturating_sub(width), self.year)
        } else {
            (self.year, self.year.saturating_add(width))
        }
    }

    /// The first day this point may fall on (for a year beyond the calendar's reach, its
    /// first or last representable day).
    pub fn first_day(&self) -> NaiveDate {
        let (year, _) = self.years();
        let (month, day) = match (self.season, self.month) {
            (Some(s), _) => (s.months().0, 1),
            (None, Some(m)) => (u32::from(m), u32::from(self.day.unwrap_or(1))),
            (None, None) => (1, 1),
        };
        NaiveDate::from_ymd_opt(year, month, day).unwrap_or_else(|| beyond_calendar(year))
    }

    /// The last day this point may fall on.
    pub fn last_day(&self) -> NaiveDate {
        let (_, year) = self.years();
        match (self.season, self.month, self.day) {
            (Some(s), _, _) => match s.months().1 {
                m if m > 12 => last_day_of_month(year.saturating_add(1), m - 12),
                m => last_day_of_month(year, m),
            },
            (None, Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m.into(), d.into()),
            (None, Some(m), None) => last_day_of_month(year, m.into()),
            (None, None, _) => NaiveDate::from_ymd_opt(year, 12, 31),
        }
        .unwrap_or_else(|| beyond_calendar(year))
    }

    /// The first day as (year, day of the year), exact for every year: what comparisons use.
    fn first_key(&self) -> (i32, u32) {
        let (year, _) = self.years();
        if CALENDAR_YEARS.contains(&year) {
            let d = self.first_day();
            (d.year(), d.ordinal())
        } else {
            (year, 0)
        }
    }

    /// The last day as (year, day of the year).
    fn last_key(&self) -> (i32, u32) {
        let (_, year) = self.years();
        if CALENDAR_YEARS.contains(&year) {
            let d = self.last_day();
            (d.year(), d.ordinal())
        } else {
            (year, 367)
        }
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
        if self.year.unsigned_abs() > 9999 {
            write!(f, "Y{}", self.year)?;
        } else {
            if self.year < 0 {
                f.write_str("-")?;
            }
            let digits = format!("{:04}", self.year.unsigned_abs());
            let masked = usize::from(self.unspecified.year_digits).min(4);
            f.write_str(&digits[..4 - masked])?;
            for _ in 0..masked {
                f.write_str("X")?;
            }
        }
        if let Some(s) = self.season {
            write!(f, "-{}", s.code())?;
        } else if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        } else if self.unspecified.month {
            f.write_str("-XX")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        } else if self.unspecified.day {
            f.write_str("-XX")?;
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

    /// Human text at this point's own precision: "17 Sep 2016", "Sep 2016", "2016",
    /// "Spring 2016", "Winter 2016–17", "2010s".
    fn human(&self, out: &mut String) {
        if self.unspecified.year_digits > 0 {
            let (first, last) = self.years();
            if self.unspecified.year_digits == 1 && first >= 0 {
                out.push_str(&format!("{first}s"));
            } else {
                out.push_str(&format!("{}–{}", year_text(first), year_text(last)));
            }
            return;
        }
        if let Some(s) = self.season {
            out.push_str(&format!("{} {}", s.name(), year_text(self.year)));
            if s == Season::Winter {
                let next = self.year.saturating_add(1);
                if (1000..=9999).contains(&self.year) && next / 100 == self.year / 100 {
                    out.push_str(&format!("–{:02}", next % 100));
                } else {
                    out.push_str(&format!("–{}", year_text(next)));
                }
            }
            return;
        }
        if let Some(d) = self.day {
            out.push_str(&format!("{d} "));
        }
        if let Some(m) = self.month
            && let Some(name) = MONTHS.get(usize::from(m).wrapping_sub(1))
        {
            out.push_str(name);
            out.push(' ');
        }
        out.push_str(&year_text(self.year));
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

/// A year for people: as written up to four digits, grouped by thousands beyond.
fn year_text(year: i32) -> String {
    let digits = year.unsigned_abs().to_string();
    if digits.len() <= 4 {
        return year.to_string();
    }
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if year < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// Where a day beyond chrono's calendar is clamped to: its first or last day.
fn beyond_calendar(year: i32) -> NaiveDate {
    if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
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
    /// A day: `2016-09-17`.
    pub fn day(year: i32, month: u8, day: u8) -> When {
        When::Point(Point::day(year, month, day))
    }

    /// A month: `2016-09`.
    pub fn month(year: i32, month: u8) -> When {
        When::Point(Point::month(year, month))
    }

    /// A year: `2016`.
    pub fn year(year: i32) -> When {
        When::Point(Point::year(year))
    }

    /// The day of a calendar date.
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

    /// Whether it is `unknown`.
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
        match (self.key_range(), other.key_range()) {
            (Some((a0, a1)), Some((b0, b1))) => a0 <= b1 && b0 <= a1,
            _ => false,
        }
    }

    /// Whether every day this value allows lies inside `outer`.
    pub fn within(&self, outer: &When) -> bool {
        match (self.key_range(), outer.key_range()) {
            (Some((a0, a1)), Some((b0, b1))) => b0 <= a0 && a1 <= b1,
            _ => false,
        }
    }

    /// First and last possible day as (year, day of the year), exact at any year: the same
    /// days as [`When::day_range`] within the calendar, and still ordered beyond it.
    fn key_range(&self) -> Option<((i32, u32), (i32, u32))> {
        match self {
            When::Unknown => None,
            When::Point(p) => Some((p.first_key(), p.last_key())),
            When::Interval(a, b) => {
                let first = match a {
                    Bound::At(p) => p.first_key(),
                    _ => (i32::MIN, 0),
                };
                let last = match b {
                    Bound::At(p) => p.last_key(),
                    _ => (i32::MAX, 367),
                };
                Some((first, last))
            }
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
    match (p.unspecified.month, p.unspecified.day) {
        (true, true) => s.push_str(" (month and day unknown)"),
        (true, false) => s.push_str(" (month unknown)"),
        (false, true) => s.push_str(" (day unknown)"),
        (false, false) => {}
    }
    s
}

/// "17–18 Sep 2016", "30 Sep – 2 Oct 2016", "Apr–May 2016", "Dec 2015 – Jan 2016".
fn interval_human(a: &Point, b: &Point) -> String {
    let plain = |p: &Point| {
        !p.approximate
            && !p.uncertain
            && p.time.is_none()
            && p.season.is_none()
            && p.unspecified.is_none()
            && p.year.unsigned_abs() <= 9999
    };
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
            // Years beyond the calendar share its clamped days: their own years order them.
            .then_with(|| self.key_range().cmp(&other.key_range()))
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
                    && (q.latest() < p.earliest() || q.last_key() < p.first_key())
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
    let level2 = || WhenError::Level2(whole.to_string());
    let (body, approximate, uncertain) = match s.as_bytes().last() {
        Some(b'~') => (&s[..s.len() - 1], true, false),
        Some(b'?') => (&s[..s.len() - 1], false, true),
        Some(b'%') => (&s[..s.len() - 1], true, true),
        _ => (s, false, false),
    };
    let qualified = |point: Point| Point {
        approximate,
        uncertain,
        ..point
    };
    // A qualifier on one part (`2004-06~-11`, `?2004`), an exponent or significant digits
    // (`Y17E7`, `1950S2`), a set: level 2.
    if body.contains(['~', '?', '%', '[', ']', '{', '}', 'E', 'S']) {
        return Err(level2());
    }
    if let Some(digits) = body.strip_prefix('Y') {
        return parse_y_year(digits, whole).map(qualified);
    }
    let (date, time) = match body.split_once('T') {
        Some((d, t)) => (d, Some(parse_time(t).ok_or_else(syntax)?)),
        None => (body, None),
    };
    let (negative, digits) = match date.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, date),
    };
    let parts: Vec<&str> = digits.split('-').collect();
    if parts.len() > 3 {
        return Err(syntax());
    }
    let mut point = qualified(Point::year(0));
    // The year: four digits, the last one or two of which may be `X`.
    let year = parts[0];
    let known = year.trim_end_matches('X');
    let masked = year.len() - known.len();
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err(syntax());
    }
    if known.contains('X') || masked > 2 || (masked > 0 && parts.len() > 1) {
        // `1X99`, `1XXX`, `201X-09`: unspecified digits elsewhere than at the right.
        return Err(level2());
    }
    let value: i32 = format!("{known:0<4}").parse().map_err(|_| syntax())?;
    point.year = if negative { -value } else { value };
    point.unspecified.year_digits = masked as u8;
    // The month: two digits, a season code or `XX`.
    if let Some(m) = parts.get(1) {
        match two_digits(m) {
            Some(Digits::Masked) => point.unspecified.month = true,
            Some(Digits::Value(v @ 21..=24)) => point.season = Season::from_code(v),
            Some(Digits::Value(25..=41)) | Some(Digits::Partial) => return Err(level2()),
            Some(Digits::Value(v)) => point.month = Some(v),
            None => return Err(syntax()),
        }
    }
    // The day: two digits or `XX`, after a month (`XX` day after an `XX` month).
    if let Some(d) = parts.get(2) {
        if point.season.is_some() {
            return Err(syntax());
        }
        match two_digits(d) {
            Some(Digits::Masked) => point.unspecified.day = true,
            Some(Digits::Value(_)) | Some(Digits::Partial) if point.unspecified.month => {
                return Err(level2());
            }
            Some(Digits::Value(v)) => point.day = Some(v),
            Some(Digits::Partial) => return Err(level2()),
            None => return Err(syntax()),
        }
    }
    if let Some(t) = time {
        if point.day.is_none() {
            return Err(WhenError::TimeWithoutDay(whole.to_string()));
        }
        point.time = Some(t);
    }
    point.validate(whole)?;
    Ok(point)
}

/// Two digits of a month or day: a number, `XX`, or `X` mixed with a digit (level 2).
enum Digits {
    Value(u8),
    Masked,
    Partial,
}

fn two_digits(p: &str) -> Option<Digits> {
    if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return None;
    }
    Some(match p {
        "XX" => Digits::Masked,
        _ if p.contains('X') => Digits::Partial,
        _ => Digits::Value(p.parse().ok()?),
    })
}

/// The year of `Y170000002` or `Y-170000002` (after the `Y`): more than four digits, written
/// without leading zeros, a year only.
fn parse_y_year(s: &str, whole: &str) -> Result<Point, WhenError> {
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    if digits.len() < 5 || digits.starts_with('0') || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(WhenError::Syntax(whole.to_string()));
    }
    let year: i32 = format!("{}{digits}", if negative { "-" } else { "" })
        .parse()
        .map_err(|_| WhenError::OutOfRange(whole.to_string()))?;
    Ok(Point::year(year))
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

    #[test]
    fn level_one_forms_round_trip() {
        for s in [
            "2016-21",
            "2016-22",
            "2016-23",
            "2016-24",
            "2016-21~",
            "201X",
            "20XX",
            "-201X",
            "201X?",
            "2016-XX",
            "2016-09-XX",
            "2016-XX-XX",
            "2016-XX%",
            "Y170000002",
            "Y-170000002",
            "Y17000",
            "Y170000002~",
            "2016-21/2016-23",
            "201X/2016-09-17",
            "Y-170000002/..",
            "../2016-XX",
            "2016-24/2017-09",
        ] {
            assert_eq!(w(s).to_string(), s, "{s}");
        }
    }

    #[test]
    fn level_one_display_text() {
        assert_eq!(w("2016-21").human(), "Spring 2016");
        assert_eq!(w("2016-22").human(), "Summer 2016");
        assert_eq!(w("2016-23").human(), "Autumn 2016");
        assert_eq!(w("2016-24").human(), "Winter 2016–17");
        assert_eq!(w("1999-24").human(), "Winter 1999–2000");
        assert_eq!(w("2016-21~").human(), "c. Spring 2016");
        assert_eq!(w("201X").human(), "2010s");
        assert_eq!(w("20XX").human(), "2000–2099");
        assert_eq!(w("-201X").human(), "-2019–-2010");
        assert_eq!(w("201X?").human(), "2010s?");
        assert_eq!(w("2016-XX").human(), "2016 (month unknown)");
        assert_eq!(w("2016-09-XX").human(), "Sep 2016 (day unknown)");
        assert_eq!(w("2016-XX-XX").human(), "2016 (month and day unknown)");
        assert_eq!(w("Y170000002").human(), "170,000,002");
        assert_eq!(w("Y-170000002").human(), "-170,000,002");
        assert_eq!(w("2016-21/2016-23").human(), "Spring 2016 – Autumn 2016");
        assert_eq!(w("201X/2016-09-17").human(), "2010s – 17 Sep 2016");
    }

    #[test]
    fn level_one_days() {
        let days = |s: &str| {
            let (a, b) = w(s).day_range().unwrap();
            (a.to_string(), b.to_string())
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(days("2016-21"), pair("2016-03-01", "2016-05-31"));
        assert_eq!(days("2016-24"), pair("2016-12-01", "2017-02-28"));
        assert_eq!(days("2015-24"), pair("2015-12-01", "2016-02-29"));
        assert_eq!(days("201X"), pair("2010-01-01", "2019-12-31"));
        assert_eq!(days("20XX"), pair("2000-01-01", "2099-12-31"));
        assert_eq!(days("-201X"), pair("-2019-01-01", "-2010-12-31"));
        assert_eq!(days("2016-XX"), pair("2016-01-01", "2016-12-31"));
        assert_eq!(days("2016-02-XX"), pair("2016-02-01", "2016-02-29"));
        assert!(w("2016-09-17").within(&w("2016-23")));
        assert!(w("2016-23").overlaps(&w("2016-11")));
        assert!(!w("2016-23").overlaps(&w("2016-12")));
        assert!(w("2017-02-10").within(&w("2016-24")));
        assert!(w("2016-09-17").within(&w("201X")));
        // Beyond the calendar, years still order and tell apart.
        assert!(!w("Y170000002").overlaps(&w("Y180000000")));
        assert!(w("Y170000002") < w("Y180000000"));
        assert!(w("Y-180000000") < w("Y-170000002"));
        assert!(w("Y-170000002") < w("-0044-03-15"));
        assert!(w("2016") < w("Y17000"));
        assert!(w("Y170000002").within(&w("Y170000002/..")));
        assert_eq!(w("2016-21").precision(), Some(Precision::Year));
        assert_eq!(w("2016-09-XX").precision(), Some(Precision::Month));
        // Coarser first when two values start on the same day.
        assert!(w("2016-23") < w("2016-09"));
        assert!(w("2010") < w("201X"));
    }

    #[test]
    fn level_two_and_nonsense_are_refused() {
        for s in [
            "2016-25",
            "2016-41",
            "2XXX",
            "1X99",
            "201X-09",
            "2016-XX-17",
            "2016-0X",
            "2016-09-1X",
            "2004-06~-11",
            "?2004",
            "Y17E7",
            "1950S2",
            "[1667,1668]",
            "{1667,1668}",
            "XXXX/2016",
        ] {
            assert!(
                matches!(s.parse::<When>(), Err(WhenError::Level2(_))),
                "{s}: {:?}",
                s.parse::<When>()
            );
        }
        for s in [
            "Y2016",
            "Y01234",
            "Y1234a",
            "2016-21-05",
            "201x",
            "2016-xx",
            "YY17000",
            "2016-XXX",
            "Y-",
            "Y",
        ] {
            assert!(
                matches!(s.parse::<When>(), Err(WhenError::Syntax(_))),
                "{s}: {:?}",
                s.parse::<When>()
            );
        }
        assert!(matches!(
            "Y99999999999".parse::<When>(),
            Err(WhenError::OutOfRange(_))
        ));
        assert!(matches!(
            "2016-09-XXT10:00".parse::<When>(),
            Err(WhenError::TimeWithoutDay(_))
        ));
        assert!(matches!(
            "2016-20".parse::<When>(),
            Err(WhenError::NoSuchDate(_))
        ));
        assert!(matches!(
            "2017-21/2016-24".parse::<When>(),
            Err(WhenError::Reversed(_))
        ));
        assert!(matches!(
            "Y300000/Y290000".parse::<When>(),
            Err(WhenError::Reversed(_))
        ));
        // Unchanged: `XXXX` alone is the unknown date.
        assert_eq!(w("XXXX"), When::Unknown);
    }

    proptest::proptest! {
        /// Any level 1 point prints as EDTF that reads back as itself, and its display text
        /// never fails.
        #[test]
        fn level_one_points_round_trip(
            year in -9999i32..=9999,
            big in 10_000i32..=i32::MAX,
            kind in 0u8..8,
            month in 1u8..=12,
            day in 1u8..=28,
            season in 0usize..4,
            q in 0u8..4,
            negative in proptest::bool::ANY,
        ) {
            let base = match kind {
                0 => Point::year(year),
                1 => Point::season(year, Season::ALL[season]),
                2 => Point { unspecified: Unspecified { year_digits: 1, ..Default::default() }, ..Point::year(year - year % 10) },
                3 => Point { unspecified: Unspecified { year_digits: 2, ..Default::default() }, ..Point::year(year - year % 100) },
                4 => Point { unspecified: Unspecified { month: true, ..Default::default() }, ..Point::year(year) },
                5 => Point { unspecified: Unspecified { day: true, ..Default::default() }, ..Point::month(year, month) },
                6 => Point { unspecified: Unspecified { month: true, day: true, ..Default::default() }, ..Point::year(year) },
                _ => Point::year(if negative { -big } else { big }),
            };
            let p = Point { approximate: q & 1 == 1, uncertain: q & 2 == 2, ..base };
            let when = When::Point(p);
            let text = when.to_string();
            let back: When = text.parse().map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text}: {e}")))?;
            proptest::prop_assert_eq!(back, when);
            proptest::prop_assert!(!when.human().is_empty());
            let (first, last) = when.day_range().unwrap();
            proptest::prop_assert!(first <= last);
            // A day inside it lies within it.
            if year > 0 && kind == 5 {
                proptest::prop_assert!(When::day(year, month, day).within(&when));
            }
        }
    }
}
