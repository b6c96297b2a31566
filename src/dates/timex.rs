//! The tagger's output: one temporal expression, typed and normalised.

use std::fmt;

use crate::timeline::When;

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        })
    }
}

/// What a value was worked out from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// Fully specified by the text itself ("December 6, 2015", "for 60 days").
    Absolute,
    /// Relative to the document date ("yesterday", "on Monday", "September 19").
    Dct,
    /// Relative to the expression before it ("two days later", "that same night").
    Narrative,
    /// Needs an anchor that was not available; the value carries `X` placeholders.
    Unresolved,
}

/// A temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Timex {
    /// Byte offset of the first byte, into the text that was tagged.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value: `2016-09-17`, `2016-W37-WE`, `1998-Q3`, `P3D`, `PRESENT_REF`, ...
    pub value: String,
    /// The calendar time denoted, for dates and times that denote one; `None` for durations,
    /// sets, `PAST_REF` and the like, and for values that could not be anchored.
    pub when: Option<When>,
    pub anchor: Anchor,
}
