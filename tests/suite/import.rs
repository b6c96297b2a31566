//! `rashomon import`: TimelineJS3 JSON and Google Sheet CSV written for these tests in the
//! documented formats, located errors, and the spreadsheet round trip as a property.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rashomon::export::{self, Format};
use rashomon::import::{spreadsheet, timelinejs};
use rashomon::timeline::{
    self, Account, Event, FacetValue, Source, Stance, Timeline, When, schema::MODELINE,
};

use crate::support::{fixture, rashomon};

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(&format!("timelinejs/{name}"))).expect("fixture")
}

#[test]
fn timelinejs_json_becomes_a_timeline() {
    let imported = timelinejs::from_json("documented.json", &read("documented.json"), "fallback")
        .expect("imports");
    let t = &imported.timeline;
    assert_eq!(t.title, "Harbour & Bridge Works");
    assert_eq!(
        t.description.as_deref(),
        Some("How the Elmsford harbour bridge was closed, repaired and opened again.")
    );
    let summary: Vec<(&str, String, &str)> = t
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.when.to_string(), e.title.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "crack-found",
                "2021-03-02".into(),
                "Crack found in the east pier"
            ),
            ("council-meets", "2021-03-04T09:30".into(), "Council meets"),
            ("repairs", "2021-04/2021-06-30".into(), "Repairs"),
            (
                "bridge-opens-again",
                "2021-07-01".into(),
                "Bridge opens again"
            ),
        ]
    );
    // The slide's text is an account with no quote; paragraphs kept, markup gone.
    let crack = &t.events[0];
    assert_eq!(crack.tags, ["Closure"]);
    assert_eq!(crack.accounts.len(), 1);
    let a = &crack.accounts[0];
    assert_eq!(a.quote, None);
    assert_eq!(
        a.summary.as_deref(),
        Some(
            "Inspectors find a crack in the east pier and close the bridge.\n\nTraffic is sent round by the ring road."
        )
    );
    // Its source is made from the media credit; the credit shows two pictures, so it keeps
    // neither address.
    let source = t.source(&a.source).expect("source");
    assert_eq!(source.outlet.as_deref(), Some("Photo: County Herald"));
    assert_eq!(source.url, None);
    assert_eq!(t.events[2].accounts[0].source, a.source);
    // A slide without a credit: the source that stands for the imported timeline.
    let council = &t.events[1];
    let stand_in = t.source(&council.accounts[0].source).expect("source");
    assert_eq!(stand_in.kind, Some(timeline::SourceKind::Other));
    assert_eq!(stand_in.title.as_deref(), Some("Harbour & Bridge Works"));
    assert_eq!(
        council.notes.as_deref(),
        Some("Shown in TimelineJS as “4 March, morning”.")
    );
    // A slide with no text has no account.
    assert!(t.events[3].accounts.is_empty());
    assert_eq!(imported.warnings.len(), 1, "{:?}", imported.warnings);
    assert!(imported.warnings[0].contains("era"));

    // What comes in is a valid timeline.
    let yaml = timeline::to_yaml(t).expect("writes");
    assert!(yaml.starts_with(MODELINE));
    assert_eq!(timeline::load_str("t.yaml", &yaml).expect("loads"), *t);
}

#[test]
fn a_google_sheet_becomes_a_timeline() {
    let imported =
        timelinejs::from_sheet("sheet.csv", &read("sheet.csv"), "fallback").expect("imports");
    let t = &imported.timeline;
    assert_eq!(t.title, "Harbour Bridge Works");
    let when: Vec<String> = t.events.iter().map(|e| e.when.to_string()).collect();
    assert_eq!(
        when,
        [
            "2021-03-02",
            "2021-03-04T09:30",
            "2021-04/2021-06-30",
            "2021-07-01T17:00"
        ]
    );
    assert_eq!(
        t.events[1].accounts[0].summary.as_deref(),
        Some("The council votes, 7 to 2, to pay for the repair.")
    );
    let credited = t.source(&t.events[0].accounts[0].source).expect("source");
    assert_eq!(
        credited.url.as_deref(),
        Some("https://images.example/pier.jpg")
    );
    assert_eq!(credited.title.as_deref(), Some("The east pier"));
    assert!(imported.warnings.iter().any(|w| w.contains("1 era")));
}

#[test]
fn bad_timelinejs_input_is_located() {
    let err = timelinejs::from_json("t.json", "{\"events\": [\n  {\"start_date\": }\n]}", "x")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("t.json:2:"), "{err}");

    let src = "{\"events\": [\n  {\"start_date\": {\"year\": 2016,\n    \"month\": 13}}\n]}";
    let err = timelinejs::from_json("t.json", src, "x")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("t.json:3:14: events[0].start_date.month: month 13"),
        "{err}"
    );
    assert!(err.contains("^^"), "a caret under the value: {err}");

    let sheet = "Year,Month,Day,Headline\r\n2016,9,17,Fine\r\n2016,2,30,Bad day\r\n";
    let err = timelinejs::from_sheet("s.csv", sheet, "x")
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("s.csv:3:8:"), "{err}");
    assert!(err.contains("not a real calendar date"), "{err}");

    let err = timelinejs::from_sheet("s.csv", "Date,Title\r\n1,2\r\n", "x")
        .unwrap_err()
        .to_string();
    assert!(err.contains("not a TimelineJS sheet"), "{err}");
}

#[test]
fn bad_spreadsheet_rows_are_located() {
    let header = export::spreadsheet::COLUMNS.join(",");
    let src = format!(
        "{header}\r\nfire,2021-03-12,Fire,,,wire,Wire,,asserts,,,,\r\nfire,2021-03-13,Fire,,,wire,Wire,,asserts,,,,\r\n"
    );
    let err = spreadsheet::from_csv("s.csv", &src, "t")
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("s.csv:3:6: event `fire` is dated 2021-03-12 on line 2"),
        "{err}"
    );

    let src = format!("{header}\r\nfire,2021-03-12,Fire,,,wire,Wire,,shouts,,,killed=,\r\n");
    let err = spreadsheet::from_csv("s.csv", &src, "t")
        .unwrap_err()
        .to_string();
    assert!(err.contains("stance `shouts`"), "{err}");
    assert!(err.contains("facet `killed` has no value"), "{err}");

    let err = spreadsheet::from_csv("s.csv", "event_id,colour\r\n", "t")
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown column `colour`"), "{err}");
    assert!(err.contains("`event_title`"), "{err}");
}

#[test]
fn import_command_writes_a_timeline_that_check_accepts() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (file, out) in [("documented.json", "a.yaml"), ("sheet.csv", "b.yaml")] {
        let target = dir.path().join(out);
        let run = rashomon()
            .args(["import", "timelinejs"])
            .arg(fixture(&format!("timelinejs/{file}")))
            .arg("-o")
            .arg(&target)
            .output()
            .expect("runs");
        assert!(run.status.success(), "{run:?}");
        let text = std::fs::read_to_string(&target).expect("written");
        assert!(text.starts_with(MODELINE), "{text}");
        rashomon().arg("check").arg(&target).assert().success();
    }
    // Bad input: a located error, exit 2, nothing written.
    let target = dir.path().join("c.yaml");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"events\": [{\"start_date\": {\"year\": \"x\"}}]}").expect("write");
    let run = rashomon()
        .args(["import", "timelinejs"])
        .arg(&bad)
        .arg("-o")
        .arg(&target)
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.json:1:"));
    assert!(!target.exists());
}

// The spreadsheet round trip, as a property: any timeline made of what the spreadsheet holds
// comes back the same, and its CSV comes back byte for byte.

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z][A-Za-z ,.'-]{0,20}[a-z]",
        1 => "[ -~]{1,12}",
        1 => Just("62".to_string()),
        1 => Just("true".to_string()),
        1 => Just("a; b = \"c\" \\ d".to_string()),
        1 => Just("line one\nline two".to_string()),
        1 => Just(" padded ".to_string()),
        1 => Just("Deir ez-Zor, «Syria» — 17 Sep".to_string()),
    ]
}

fn facet() -> impl Strategy<Value = FacetValue> {
    prop_oneof![
        any::<bool>().prop_map(FacetValue::Bool),
        (-1000i64..100_000).prop_map(FacetValue::Int),
        text().prop_map(FacetValue::Text),
    ]
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        Just(When::Unknown),
        (1990i32..2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| When::day(y, m, d)),
        (1990i32..2030, 1u8..=12).prop_map(|(y, m)| When::month(y, m)),
        Just("2016-09-12/2016-09-19".parse().expect("date")),
        Just("2016-04~".parse().expect("date")),
        Just("2016-09-19T19:00+03:00".parse().expect("date")),
    ]
}

#[derive(Debug, Clone)]
struct GenAccount {
    source: usize,
    claimant: String,
    via: Vec<String>,
    stance: Stance,
    summary: Option<String>,
    quote: Option<String>,
    facets: BTreeMap<String, FacetValue>,
}

fn account() -> impl Strategy<Value = GenAccount> {
    (
        0usize..3,
        prop_oneof![Just(String::new()), text()],
        prop::collection::vec(text(), 0..3),
        prop_oneof![
            Just(Stance::Asserts),
            Just(Stance::Alleges),
            Just(Stance::Denies),
            Just(Stance::Questions)
        ],
        prop::option::of(text()),
        prop::option::of(text()),
        prop::collection::btree_map(
            prop_oneof!["killed", "intent", "place", "warned"].prop_map(String::from),
            facet(),
            0..3,
        ),
    )
        .prop_map(
            |(source, claimant, via, stance, summary, quote, facets)| GenAccount {
                source,
                claimant,
                via,
                stance,
                summary,
                quote,
                facets,
            },
        )
}

fn sheet_timeline() -> impl Strategy<Value = Timeline> {
    (
        prop::collection::vec(
            (text(), when(), prop::collection::vec(account(), 0..4)),
            1..6,
        ),
        prop::collection::vec((prop::option::of(text()), prop::option::of(when())), 3),
    )
        .prop_map(|(events, sources)| {
            let sources: Vec<Source> = sources
                .into_iter()
                .enumerate()
                .map(|(i, (outlet, published))| Source {
                    id: format!("source-{i}"),
                    outlet,
                    published: published.filter(|w| !w.is_unknown()),
                    ..Source::default()
                })
                .collect();
            let events: Vec<Event> = events
                .into_iter()
                .enumerate()
                .map(|(i, (title, when, accounts))| Event {
                    id: format!("event-{i}"),
                    title: title.trim().to_string() + " x",
                    when,
                    accounts: accounts
                        .into_iter()
                        .map(|a| Account {
                            source: format!("source-{}", a.source),
                            claimant: a.claimant,
                            via: a.via,
                            stance: a.stance,
                            summary: a.summary,
                            quote: a.quote,
                            facets: a.facets.into(),
                            ..Account::default()
                        })
                        .collect(),
                    ..Event::default()
                })
                .collect();
            // Only sources that an account names reach the spreadsheet.
            let used: std::collections::BTreeSet<String> = events
                .iter()
                .flat_map(|e| e.accounts.iter().map(|a| a.source.clone()))
                .collect();
            let mut t = Timeline {
                title: "Generated".into(),
                sources: sources
                    .into_iter()
                    .filter(|s| used.contains(&s.id))
                    .collect(),
                events,
                ..Timeline::default()
            };
            // Ids are given in the order the spreadsheet lists accounts: by date.
            timeline::sort_events(&mut t);
            timeline::normalize(&mut t);
            t
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn spreadsheet_round_trip(t in sheet_timeline()) {
        let csv = export::export(&t, Format::Csv).map_err(|e| TestCaseError::fail(e.to_string()))?.text;
        let back = spreadsheet::from_csv("g.csv", &csv, "Generated")
            .map_err(|e| TestCaseError::fail(format!("{e}\n{csv}")))?
            .timeline;
        // Sources come back in the order the rows name them.
        let mut expected = t.clone();
        expected.sources.sort_by_key(|s| {
            t.events
                .iter()
                .flat_map(|e| e.accounts.iter())
                .position(|a| a.source == s.id)
        });
        let mut got = back.clone();
        timeline::sort_events(&mut got);
        prop_assert_eq!(&got, &expected);
        let again = export::export(&back, Format::Csv).map_err(|e| TestCaseError::fail(e.to_string()))?.text;
        prop_assert_eq!(again, csv);
    }
}

#[test]
fn an_imported_timeline_receives_extracted_accounts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("bridge.yaml");
    rashomon()
        .args(["import", "timelinejs"])
        .arg(fixture("timelinejs/documented.json"))
        .arg("-o")
        .arg(&target)
        .assert()
        .success();
    let before = std::fs::read_to_string(&target).expect("written");
    rashomon()
        .arg("extract")
        .arg(fixture("pipeline/harbour-gazette.md"))
        .arg("--into")
        .arg(&target)
        .arg("--quiet")
        .assert()
        .success();
    let after = timeline::load(&target).expect("loads");
    let imported = timeline::load_str("before.yaml", &before).expect("loads");
    for e in &imported.events {
        let kept = after.event(&e.id).expect("imported event kept");
        assert_eq!(kept.accounts[..e.accounts.len()], e.accounts[..]);
    }
    assert!(
        after.sources.len() > imported.sources.len(),
        "the article came in"
    );
    let text = std::fs::read_to_string(&target).expect("written");
    assert!(text.starts_with(MODELINE));
}
