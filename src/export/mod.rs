//! Timelines out of Rashomon, for the newsroom's other tools: TimelineJS3 JSON, a spreadsheet
//! (one row per account), the normalised model as JSON, and a Markdown briefing.
//!
//! Every format keeps all accounts of an event together and every position of a dispute in the
//! order it first appears; none marks a position as the answer. Output is deterministic: the
//! same timeline gives the same bytes.

pub mod markdown;
pub mod spreadsheet;
pub mod text;
pub mod timelinejs;

use crate::timeline::Timeline;

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TimelineJS3 JSON.
    TimelineJs,
    /// A spreadsheet, one row per account (RFC 4180 CSV).
    Csv,
    /// The normalised model, disputes derived, as JSON.
    Json,
    /// A briefing document in GitHub-flavoured Markdown.
    Markdown,
}

/// Why a timeline could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("writing JSON: {0}")]
    /// The JSON writer failed.
    Json(#[from] serde_json::Error),
    #[error("writing CSV: {0}")]
    /// The CSV writer failed.
    Csv(#[from] csv::Error),
    #[error("writing CSV: {0}")]
    /// The CSV writer's buffer was not UTF-8.
    CsvBuffer(String),
}

/// An exported text and what the format could not carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// The exported text, whole.
    pub text: String,
    /// Things left out, for standard error ("2 events without a date are not in TimelineJS").
    pub warnings: Vec<String>,
}

/// Export a loaded timeline (ids assigned, disputes derived). Events come out in date order.
pub fn export(timeline: &Timeline, format: Format) -> Result<Exported, ExportError> {
    let mut sorted = timeline.clone();
    crate::timeline::sort_events(&mut sorted);
    match format {
        Format::TimelineJs => timelinejs::export(&sorted),
        // A control character in a cell or a briefing is a trap for what opens it (a
        // spreadsheet, a terminal); JSON escapes them and keeps the text as it is.
        Format::Csv => Ok(Exported {
            text: text::without_controls(spreadsheet::export(&sorted)?),
            warnings: Vec::new(),
        }),
        Format::Json => Ok(Exported {
            text: json(&sorted)?,
            warnings: Vec::new(),
        }),
        Format::Markdown => Ok(Exported {
            text: text::without_controls(markdown::export(&sorted)),
            warnings: Vec::new(),
        }),
    }
}

/// The model as pretty JSON with a final line break. JSON is YAML 1.2, so the result is
/// itself a timeline file Rashomon can load.
pub fn json(timeline: &Timeline) -> Result<String, serde_json::Error> {
    let mut text = serde_json::to_string_pretty(timeline)?;
    text.push('\n');
    Ok(text)
}
