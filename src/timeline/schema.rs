//! The JSON Schema of the timeline format, generated from the model so that it cannot drift
//! from what Rashomon reads. Editors use it for completion and checking as you type: the files
//! Rashomon writes start with a [`MODELINE`] that points yaml-language-server (VS Code's YAML
//! extension, Neovim, Helix, Zed...) at a schema file saved next to them with
//! `rashomon schema -o rashomon.schema.json`.
//!
//! The schema is draft-07, which editors support best. It checks shapes, names and the form
//! of dates; `rashomon check` remains the full judge (references between ids, real calendar
//! dates, `republishes` cycles).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use super::model::Timeline;
use super::when::When;

/// Where the modeline looks for the schema: a file of this name beside the timeline.
pub const SCHEMA_FILE: &str = "rashomon.schema.json";

/// The first line of every timeline file Rashomon writes.
pub const MODELINE: &str = "# yaml-language-server: $schema=rashomon.schema.json\n";

/// An EDTF date in the subset Rashomon reads (see [`super::when`]): a point, an interval
/// with known, open (`..`) or unknown (empty) ends, or `unknown`.
pub const WHEN_PATTERN: &str = concat!(
    r"^\s*(unknown|Unknown|UNKNOWN|xxxx|XXXX|",
    r"(P)|(P)/((P)|\.\.)?|((P)|\.\.)?/(P))\s*$"
);

/// One EDTF level 1 point: a year, season, month or day, perhaps a time with an offset;
/// unspecified digits (`201X`, `2016-XX`, `2016-09-XX`); a `Y`-year; perhaps a qualifier.
const POINT: &str = concat!(
    r"(Y-?[1-9][0-9]{4,}|-?[0-9]{2}([0-9]X|XX)|-?[0-9]{4}(-(XX(-XX)?|[0-9]{2}(-XX|-[0-9]{2}",
    r"(T[0-9]{2}:[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?)?)?)?)[~?%]?"
);

/// The pattern with the point spelt out.
pub fn when_pattern() -> String {
    WHEN_PATTERN.replace("(P)", &format!("({POINT})"))
}

impl JsonSchema for When {
    fn schema_name() -> Cow<'static, str> {
        "When".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date at its own precision, in EDTF level 1: 2016-09-17, 2016-09, \
                2016, a time 2016-09-19T19:00+03:00, approximate 2016-04~, uncertain 2016-04?, \
                both 2016-04%, a season 2016-21 (spring; 22 summer, 23 autumn, 24 winter), \
                unspecified digits 201X, 2016-XX, 2016-09-XX, a long year Y170000002, an \
                interval 2016-09-17/2016-09-18, open 2016-09-12/.. or ../2016, unknown end \
                2016-09-12/, or unknown.",
            "anyOf": [
                { "type": "string", "pattern": when_pattern() },
                { "type": "integer", "minimum": -9999, "maximum": 9999 }
            ]
        })
    }
}

/// `where:` takes one place or a list of them.
pub fn one_or_many(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Where it happened: one place or a list.",
        "anyOf": [
            { "type": "string" },
            { "type": "array", "items": { "type": "string" } }
        ]
    })
}

/// The schema of a timeline file.
pub fn schema() -> Schema {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<Timeline>();
    let object = schema.ensure_object();
    object.insert("title".into(), "Rashomon timeline".into());
    object.insert(
        "description".into(),
        "A Rashomon timeline: events, every competing account of each, and their sources. \
         Disputes are derived from the accounts' facets on every load."
            .into(),
    );
    schema
}

/// The schema as pretty JSON with a final line break (what `rashomon schema` prints).
pub fn schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// `text` with the modeline in front, unless it already starts with one.
pub fn with_modeline(text: &str) -> String {
    if text.starts_with("# yaml-language-server:") {
        text.to_string()
    } else {
        format!("{MODELINE}{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_pattern_takes_what_the_parser_takes() {
        let re = regex::Regex::new(&when_pattern()).unwrap();
        for ok in [
            "2016",
            "2016-09",
            "2016-09-17",
            "-0500",
            "2016-04~",
            "2016-04?",
            "2016-04%",
            "2016-09-19T19:00+03:00",
            "2016-09-19T19:00:30Z",
            "2016-09-19T19:00",
            "2016-09-17/2016-09-18",
            "2016-09-12/..",
            "../2016",
            "2016-09-12/",
            "/2016",
            "unknown",
            "2016-21",
            "2016-24~",
            "201X",
            "20XX?",
            "-201X",
            "2016-XX",
            "2016-09-XX",
            "2016-XX-XX",
            "Y170000002",
            "Y-170000002",
            "2016-21/2016-09-XX",
            "Y-170000002/..",
        ] {
            assert!(ok.parse::<When>().is_ok(), "{ok}");
            assert!(re.is_match(ok), "pattern refuses {ok}");
        }
        for bad in [
            "16",
            "2016-9",
            "Sept 2016",
            "2016/2017/2018",
            "..",
            "/",
            "2016-09-17 12:00",
            "2XXX",
            "201X-09",
            "2016-XX-17",
            "Y2016",
            "Y01234",
            "2016-0X",
        ] {
            assert!(!re.is_match(bad), "pattern takes {bad}");
        }
    }

    #[test]
    fn schema_names_every_field() {
        let text = schema_json();
        for field in [
            "claimant",
            "republishes",
            "extracted",
            "claimed_by",
            "where",
        ] {
            assert!(text.contains(&format!("\"{field}\"")), "{field}");
        }
        assert!(text.contains("draft-07"));
        assert!(text.contains("\"additionalProperties\": false"));
    }
}
