//! `rashomon export`: TimelineJS3 JSON checked against the format as its documentation
//! describes it (a schema written for these tests), the spreadsheet and its byte-stable round
//! trip, the model as JSON, and the Markdown briefing.

use std::path::Path;

use rashomon::export::{self, Format};
use rashomon::timeline::{self, Account, Event, Source, Timeline};
use serde_json::Value;

use crate::support::{fixture, rashomon};

fn export_cli(file: &Path, format: &str) -> String {
    let out = rashomon()
        .arg("export")
        .arg(file)
        .args(["--format", format])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn small() -> Timeline {
    timeline::load(&fixture("render/small.yaml")).expect("valid fixture")
}

fn seeds_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/syria-2016.yaml")
}

/// The documented TimelineJS3 format, as a schema written from its documentation.
fn timelinejs_format() -> jsonschema::Validator {
    let text = std::fs::read_to_string(fixture("timelinejs/format.schema.json")).expect("schema");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn assert_valid(validator: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_documented_example_fits_the_format_schema() {
    // The schema is tested too: our own example of the documented format passes it...
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("timelinejs/documented.json")).expect("fixture"),
    )
    .expect("JSON");
    let v = timelinejs_format();
    assert_valid(&v, &doc);
    // ...and a slide without its start date does not.
    let mut broken = doc.clone();
    broken["events"][0]
        .as_object_mut()
        .expect("slide")
        .remove("start_date");
    assert!(!v.is_valid(&broken));
}

#[test]
fn timelinejs_follows_the_documented_format() {
    let text = export_cli(&fixture("render/small.yaml"), "timelinejs");
    let doc: Value = serde_json::from_str(&text).expect("JSON");
    assert_valid(&timelinejs_format(), &doc);

    let t = small();
    let events = doc["events"].as_array().expect("events");
    assert_eq!(events.len(), t.events.len());
    assert_eq!(
        doc["title"]["text"]["headline"],
        "The Veldmark harbour fire"
    );
    assert!(doc["title"].get("start_date").is_none());

    let slide = |id: &str| {
        events
            .iter()
            .find(|e| e["unique_id"] == format!("event-{id}"))
            .unwrap_or_else(|| panic!("slide for {id}"))
    };
    // Dates at their own precision: a day, an interval, an approximate month.
    let fire = slide("warehouse-fire");
    assert_eq!(
        fire["start_date"],
        serde_json::json!({"year": 2021, "month": 3, "day": 12})
    );
    assert!(fire.get("end_date").is_none());
    assert_eq!(fire["display_date"], "12 Mar 2021");
    let protest = slide("protest");
    assert_eq!(protest["end_date"]["day"], 18);
    assert_eq!(protest["group"], "protest");
    for e in events {
        assert_eq!(e["autolink"], false);
        assert!(e.get("media").is_none(), "no source gives media");
        for date in ["start_date", "end_date"] {
            if let Some(d) = e.get(date) {
                assert!(d["year"].is_i64(), "numbers, not strings: {d}");
                if d.get("day").is_some() {
                    assert!(d.get("month").is_some());
                }
            }
        }
    }
    // The accounts side by side: every claimant, the source linked, the quote.
    let html = fire["text"]["text"].as_str().expect("text");
    for account in &t.event("warehouse-fire").expect("event").accounts {
        let claimant = if account.claimant.is_empty() {
            t.source(&account.source)
                .and_then(|s| s.outlet.clone())
                .unwrap_or_default()
        } else {
            export::text::html(&account.claimant)
        };
        assert!(html.contains(&claimant), "{claimant} in {html}");
    }
    assert!(html.contains("<a href=\"https://north-wire.example/2021/03/13/veldmark-blaze\">"));
    assert!(html.contains("“At least three people died in the fire.”"));
    assert!(html.contains("Accounts disagree on killed"), "{html}");
    // Of its tags (fire, harbour), the one more events share.
    assert_eq!(fire["group"], "harbour");
}

fn hostile() -> Timeline {
    let mut t = Timeline {
        title: "<script>alert(1)</script>".into(),
        sources: vec![Source {
            id: "s".into(),
            outlet: Some("<b>Outlet</b>".into()),
            url: Some("javascript:alert(1)".into()),
            ..Source::default()
        }],
        events: vec![Event {
            id: "e\"><img src=x>".into(),
            title: "Fire & <i>smoke</i> | *bold* [x](javascript:y)".into(),
            when: "2021-03-12".parse().expect("date"),
            accounts: vec![Account {
                source: "s".into(),
                claimant: "<img src=x onerror=alert(1)>".into(),
                quote: Some("\"quoted\" <script>".into()),
                ..Account::default()
            }],
            ..Event::default()
        }],
        ..Timeline::default()
    };
    timeline::normalize(&mut t);
    t
}

#[test]
fn exports_escape_hostile_text() {
    let t = hostile();
    let tl = export::export(&t, Format::TimelineJs)
        .expect("exports")
        .text;
    assert!(!tl.contains("<script"), "{tl}");
    assert!(!tl.contains("<img"), "{tl}");
    assert!(!tl.contains("href=\\\"javascript"), "{tl}");
    assert!(tl.contains("&lt;script&gt;"));

    let md = export::export(&t, Format::Markdown).expect("exports").text;
    // Every `<` is escaped, except where a link destination opens (`](<https://`).
    for (i, _) in md.match_indices('<') {
        let escaped = md[..i].ends_with('\\') || md[..i].ends_with("](");
        assert!(escaped, "raw `<` at {i}: {md}");
    }
    assert!(
        !md.contains("](<javascript") && !md.contains("x](javascript"),
        "{md}"
    );
    assert!(md.contains(r"\| \*bold\* \[x\]"), "{md}");
}

#[test]
fn no_control_character_reaches_a_spreadsheet_a_briefing_or_timelinejs() {
    let mut t = hostile();
    t.events[0].title = "Fire\u{0}at the\u{1b}[31m harbour\u{7f}".into();
    t.events[0].accounts[0].quote = Some("a quote\u{8} with\u{85} controls\tand a tab".into());
    for format in [Format::Csv, Format::Markdown, Format::TimelineJs] {
        let text = export::export(&t, format).expect("exports").text;
        let stray = |c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r');
        assert!(!text.chars().any(stray), "{format:?}: {text:?}");
        assert!(
            !text.contains("\\u0000") && !text.contains("\\u001b"),
            "{format:?}: {text}"
        );
        assert!(
            text.contains("harbour"),
            "{format:?}: the text around them stays"
        );
    }
}

#[test]
fn undated_events_are_left_out_of_timelinejs_with_a_warning() {
    let mut t = small();
    t.events[0].when = timeline::When::Unknown;
    let out = export::export(&t, Format::TimelineJs).expect("exports");
    let doc: Value = serde_json::from_str(&out.text).expect("JSON");
    assert_eq!(
        doc["events"].as_array().expect("events").len(),
        t.events.len() - 1
    );
    assert_eq!(out.warnings.len(), 1);
    assert!(out.warnings[0].contains(&t.events[0].id));
}

#[test]
fn pictures_given_by_a_source_become_media() {
    let mut t = small();
    let id = t.events[0].accounts[0].source.clone();
    let source = t.sources.iter_mut().find(|s| s.id == id).expect("source");
    source.url = Some("https://pictures.example/fire.jpg".into());
    let doc = export::timelinejs::document(&t);
    let with_media: Vec<_> = doc.events.iter().filter(|e| e.media.is_some()).collect();
    assert!(!with_media.is_empty());
    assert_eq!(
        with_media[0].media.as_ref().map(|m| m.url.as_str()),
        Some("https://pictures.example/fire.jpg")
    );
}

#[test]
fn csv_is_one_row_per_account_and_reads_back_byte_for_byte() {
    for path in [fixture("render/small.yaml"), seeds_path()] {
        let csv = export_cli(&path, "csv");
        assert!(csv.starts_with(
            "event_id,event_date,event_title,claimant,via,source,outlet,published,stance,summary,quote,facets,disputed\r\n"
        ));
        let t = timeline::load(&path).expect("valid");
        let accounts: usize = t.events.iter().map(|e| e.accounts.len().max(1)).sum();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        assert_eq!(reader.records().count(), accounts, "{}", path.display());

        let dir = tempfile::tempdir().expect("tempdir");
        let sheet = dir.path().join("sheet.csv");
        std::fs::write(&sheet, &csv).expect("write");
        let yaml = dir.path().join("back.yaml");
        let out = rashomon()
            .args(["import", "csv"])
            .arg(&sheet)
            .arg("-o")
            .arg(&yaml)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        assert_eq!(export_cli(&yaml, "csv"), csv, "{}", path.display());
    }
}

#[test]
fn csv_marks_the_disputed_facets_of_each_account() {
    let csv = export::export(&small(), Format::Csv).expect("exports").text;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let union = rows
        .iter()
        .find(|r| &r[3] == "Dock Workers' Union" && r[11].contains("killed=5"))
        .expect("the union's account");
    assert_eq!(&union[4], "Radio Veld");
    assert_eq!(&union[8], "alleges");
    assert!(union[12].contains("killed"), "{union:?}");
}

#[test]
fn json_is_the_normalised_model_and_loads_as_a_timeline() {
    let t = small();
    let text = export_cli(&fixture("render/small.yaml"), "json");
    let value: Value = serde_json::from_str(&text).expect("JSON");
    assert!(value["events"][0]["accounts"][0]["id"].is_string());
    assert!(
        value["events"]
            .as_array()
            .expect("events")
            .iter()
            .any(|e| e.get("disputes").is_some()),
        "disputes derived"
    );
    // JSON is YAML 1.2: the export is itself a timeline file.
    let mut back = timeline::load_str("export.json", &text).expect("loads");
    let mut sorted = t.clone();
    timeline::sort_events(&mut sorted);
    timeline::sort_events(&mut back);
    assert_eq!(back, sorted);
}

#[test]
fn markdown_briefing() {
    let md = export_cli(&fixture("render/small.yaml"), "markdown");
    insta::assert_snapshot!("small_markdown", md);
    assert_eq!(export_cli(&fixture("render/small.yaml"), "md"), md);
}

#[test]
fn export_writes_a_file_atomically_and_names_bad_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("t.json");
    rashomon()
        .arg("export")
        .arg(fixture("render/small.yaml"))
        .args(["--format", "timelinejs", "-o"])
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    assert!(
        std::fs::read_to_string(&out)
            .expect("written")
            .starts_with('{')
    );
    let bad = rashomon()
        .arg("export")
        .arg(fixture("check/bad_date.yaml"))
        .args(["--format", "csv"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("bad_date.yaml:"), "{err}");
}

#[test]
fn timelinejs_export_imports_back_with_its_events_and_dates() {
    for path in [fixture("render/small.yaml"), seeds_path()] {
        let json = export_cli(&path, "timelinejs");
        let doc: Value = serde_json::from_str(&json).expect("JSON");
        assert_valid(&timelinejs_format(), &doc);
        let back = rashomon::import::timelinejs::from_json("t.json", &json, "x")
            .expect("imports")
            .timeline;
        let mut t = timeline::load(&path).expect("valid");
        timeline::sort_events(&mut t);
        assert_eq!(back.title, t.title);
        assert_eq!(back.events.len(), t.events.len());
        for (b, e) in back.events.iter().zip(&t.events) {
            assert_eq!(b.id, format!("event-{}", e.id));
            assert_eq!(b.title, e.title);
            // TimelineJS has no qualifiers or offsets: the days stay, `~` and `+03:00` do not.
            assert_eq!(b.when.day_range(), e.when.day_range(), "{}", e.id);
            assert_eq!(b.accounts.len(), 1, "the slide's text is one account");
        }
    }
}
