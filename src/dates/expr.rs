//! What the grammar recognised, before it is anchored to a date: the bridge between
//! `parse` (which reads words) and `relative` (which works out calendar values).

use super::lexicon::{DayPart, Season, Unit};

/// How many units: `3`, `2 1/2`, `a few` (unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    N(u32),
    /// A whole number and a half: `2 1/2`, `an hour and a half`.
    AndHalf(u32),
    /// A vague amount: `a few`, `several`, `some`.
    X,
}

/// Which year a month, quarter or season belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Given in the text: `May 2016`.
    Explicit(i32),
    /// Relative to the DCT's year: `this year's third quarter` (0), `last year's` (-1).
    Rel(i32),
    /// Not given: the nearest to the DCT that fits the tense (`on September 19`).
    Implicit,
    /// The most recent one before the DCT: `last April`.
    Past,
    /// The first one after the DCT: `next April`.
    Future,
}

/// A named part of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CalName {
    Year,
    Month(u8),
    Day(u8, u8),
    /// `None`: a quarter whose number the text does not give.
    Quarter(Option<u8>),
    Half(u8),
    Season(Season),
    Holiday(Holiday),
    /// The ISO week holding a day: `the week of March 6`.
    WeekOf(u8, u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    NewYearsDay,
    NewYearsEve,
    Christmas,
    ChristmasEve,
    Thanksgiving,
    Easter,
    ElectionDay,
    IndependenceDay,
}

/// How a weekday or unit relates to the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// Decided by the tense of the sentence.
    Tense,
    Last,
    This,
    Next,
    /// The most recent one, the DCT included: `Friday's ruling`.
    Past,
    /// The one before the day the narrative is at: `the previous Friday`.
    Before,
    /// The one after it: `the following Monday`.
    After,
}

/// Vague references.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Present,
    Past,
    Future,
}

/// Where in a period: `early 1998`, `mid-September`, `the end of the year`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Early,
    Mid,
    Late,
}

/// A time zone as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Minutes east of UTC: `GMT`, `EST`.
    Fixed(i16),
    /// A place whose offset depends on the date: `Damascus time`.
    Place(super::calendar::Place),
    /// `local time`: no offset known.
    Local,
}

/// A time of day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub hour: u8,
    pub minute: u8,
    pub zone: Option<Zone>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A named calendar unit: a year, a month, a day, a quarter, a season, a holiday.
    Cal {
        name: CalName,
        year: YearRef,
    },
    /// A bare year, decade or century: `1998`, `the 1990s` (199), `the 20th century` (19).
    Decade(i32),
    Century(i32),
    Weekday {
        day: u8,
        rel: Rel,
    },
    /// Days from the DCT: `today` (0), `yesterday` (-1), `tomorrow` (+1).
    DayShift(i32),
    /// The unit holding the DCT, shifted: `this week` (0), `last month` (-1), `next year`.
    UnitShift {
        unit: Unit,
        n: i32,
    },
    /// A weekend relative to the DCT (`the weekend`, `last weekend`).
    Weekend(Rel),
    /// From the DCT: `three years ago` (-1), `two weeks from now` (+1).
    Ago {
        n: Amount,
        unit: Unit,
        sign: i8,
    },
    /// From the previous expression: `two days later` (+1), `the day before` (-1),
    /// `that day` (0).
    Narrative {
        n: Amount,
        unit: Unit,
        sign: i8,
    },
    /// A quarter known only from context: `the quarter` (the last one mentioned, when
    /// `context`), `the latest quarter` (the last one completed before the DCT); `years`
    /// shifts it.
    QuarterRef {
        years: i32,
        context: bool,
    },
    Ref(RefKind),
    Duration {
        n: Amount,
        unit: Unit,
    },
    /// A set, with its TIMEX3 value already written: `XXXX-WXX-1`, `P1D`.
    Set(String),
    /// A time of day with no date: anchored to the previous day mentioned, or the DCT.
    Clock,
}

/// One match of the grammar, in token indices (end exclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub part: Option<DayPart>,
    pub clock: Option<Clock>,
    pub edge: Option<Edge>,
}

impl Found {
    pub fn new(start: usize, end: usize, expr: Expr) -> Found {
        Found {
            start,
            end,
            expr,
            part: None,
            clock: None,
            edge: None,
        }
    }
}
