//! `rashomon merge`: new material goes into a hand-edited timeline and no hand edit is lost.
//!
//! Examples on fixtures written for this suite, then property tests: a generated candidate is
//! merged into an empty timeline, people edit the result at random, and the same candidate
//! (and one with extra material) is merged again.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use proptest::prelude::*;
use rashomon::timeline::merge::{
    DEFAULT_THRESHOLD, MergeError, MergeReport, SimpleMatcher, merge_into,
};
use rashomon::timeline::{
    self, Account, Event, FacetValue, Rejection, Relation, RelationKind, Source, Stance, Timeline,
    When, yaml,
};

use crate::support::{fixture, rashomon};

fn read(name: &str) -> String {
    fs::read_to_string(fixture(&format!("merge/{name}"))).expect("fixture")
}

fn load(name: &str) -> Timeline {
    timeline::load(&fixture(&format!("merge/{name}"))).expect("valid fixture")
}

fn merge(text: &str, candidate: &Timeline) -> Result<(String, MergeReport), MergeError> {
    merge_into(
        "timeline.yaml",
        text,
        candidate,
        &SimpleMatcher,
        DEFAULT_THRESHOLD,
    )
}

fn merged(text: &str, candidate: &Timeline) -> (String, MergeReport) {
    match merge(text, candidate) {
        Ok(out) => out,
        Err(e) => panic!("merge failed: {e}\n--- text:\n{text}"),
    }
}

/// Whether `old`'s lines, except those numbered in `skip` (0-based), appear in `new` in order.
/// The one change allowed on a kept line: an empty `[]` that receives items loses its brackets.
fn lines_kept(old: &str, new: &str, skip: &BTreeSet<usize>) -> Result<(), String> {
    let mut new_lines = new.split_inclusive('\n');
    for (n, line) in old.split_inclusive('\n').enumerate() {
        if skip.contains(&n) {
            continue;
        }
        let filled = line.replacen(": []", ":", 1);
        // The last line may gain a line break when something is appended after it.
        let found = new_lines.any(|l| {
            [line, filled.as_str()]
                .iter()
                .any(|want| l == *want || l.strip_suffix('\n') == Some(want))
        });
        if !found {
            return Err(format!("line {} lost or changed: {line:?}", n + 1));
        }
    }
    Ok(())
}

/// Line numbers (0-based) of what a merge may rewrite: each source's `extracted` ledger (new
/// pairs go into its flow list) and each event's derived `disputes:` block.
fn owned_lines(text: &str) -> BTreeSet<usize> {
    let tree = yaml::parse_tree(text).expect("parses");
    let mut out = BTreeSet::new();
    let sources = tree.get("sources").map_or(&[][..], |n| n.items());
    let events = tree.get("events").map_or(&[][..], |n| n.items());
    let owned = sources
        .iter()
        .filter_map(|s| s.entry("extracted"))
        .chain(events.iter().filter_map(|e| e.entry("disputes")));
    for entry in owned {
        out.extend(line_of(text, entry.key.start) - 1..last_line(text, &entry.value));
    }
    out
}

/// The 1-based line of a byte offset (the tree keeps offsets only).
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

fn last_line(text: &str, node: &yaml::Node) -> usize {
    let children = node
        .entries()
        .iter()
        .map(|e| last_line(text, &e.value))
        .chain(node.items().iter().map(|n| last_line(text, n)));
    children
        .max()
        .unwrap_or(line_of(text, node.end))
        .max(line_of(text, node.end))
}

// ---------------------------------------------------------------------------------------------
// Examples

#[test]
fn merges_new_material_into_a_hand_edited_timeline() {
    let before = read("timeline.yaml");
    let (after, report) = merged(&before, &load("candidate.yaml"));
    assert_eq!(
        report,
        MergeReport {
            sources_added: 1,
            accounts_added: 4,
            events_added: 1,
            events_joined: 2,
            accounts_kept: 1,
            newly_rejected: 1,
            relations_added: 1,
            disputes_updated: 1,
            spans_recorded: 4,
            ..MergeReport::default()
        }
    );
    lines_kept(&before, &after, &owned_lines(&before)).unwrap();
    insta::with_settings!({
        snapshot_path => "../fixtures/merge/snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("timeline_merged", after);
    });

    let t = timeline::load_str("merged.yaml", &after).expect("loads");
    let collapse = t.event("collapse").expect("kept");
    assert_eq!(
        collapse.title,
        "Footbridge gives way during the morning rush"
    );
    let ids: Vec<&str> = collapse.accounts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "courier-engineer",
            "courier-mayor",
            "courier-3",
            "bulletin-1"
        ]
    );
    // The human claimant stands; the extractor's "A. Moss" is not applied.
    assert_eq!(collapse.accounts[0].claimant, "Town engineer Ada Moss");
    assert_eq!(
        collapse.disputes[0].note.as_deref(),
        Some("The hospital had not yet published a figure.")
    );
    // The inquiry joined the hand-written event by date and title.
    assert_eq!(t.event("inquiry").expect("kept").accounts.len(), 1);
    assert_eq!(t.event("closure").expect("added").accounts.len(), 1);
    assert_eq!(
        t.rejected,
        [Rejection {
            source: "courier".into(),
            span: Some([400, 470]),
            quote: Some("I heard a crack like a gunshot.".into()),
        }]
    );
    assert_eq!(
        t.source("courier").expect("kept").extracted,
        [[10, 60], [200, 260], [400, 470], [520, 580]]
    );
    assert_eq!(
        t.source("bulletin").expect("added").extracted,
        [[0, 40], [90, 130], [150, 210]]
    );
    assert_eq!(t.relations.len(), 1);
    assert_eq!(
        (t.relations[0].from.as_str(), t.relations[0].to.as_str()),
        ("closure", "collapse")
    );
}

/// Files Rashomon writes start with the editor modeline; a merge keeps it and everything else.
#[test]
fn the_editor_modeline_is_kept_by_a_merge() {
    let modeline = timeline::schema::MODELINE;
    let before = format!("{modeline}{}", read("timeline.yaml"));
    let (after, _) = merged(&before, &load("candidate.yaml"));
    lines_kept(&before, &after, &owned_lines(&before)).unwrap();
    let (plain, _) = merged(&read("timeline.yaml"), &load("candidate.yaml"));
    assert_eq!(after, format!("{modeline}{plain}"));
}

#[test]
fn merging_the_same_candidate_again_changes_nothing() {
    let candidate = load("candidate.yaml");
    let (once, _) = merged(&read("timeline.yaml"), &candidate);
    let (twice, report) = merged(&once, &candidate);
    assert_eq!(twice, once);
    assert!(!report.changes_file(), "{report:?}");
    assert_eq!(report.accounts_kept, 5);
    assert_eq!(report.rejected_skipped, 1);
}

#[test]
fn hand_made_timeline_is_enriched_by_quote_identity() {
    let before = read("hand_made.yaml");
    let (after, report) = merged(&before, &load("hand_candidate.yaml"));
    // The engineer's account is known by its quote, the witness is blocked by a hand-written
    // rejection, the fire chief is new.
    assert_eq!(
        (
            report.accounts_kept,
            report.rejected_skipped,
            report.accounts_added
        ),
        (1, 1, 1)
    );
    lines_kept(&before, &after, &BTreeSet::new()).unwrap();
    insta::with_settings!({
        snapshot_path => "../fixtures/merge/snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("hand_made_merged", after);
    });
    let t = timeline::load_str("merged.yaml", &after).expect("loads");
    let accounts = &t.event("collapse").expect("kept").accounts;
    // The id assigned on load to the hand-written account does not shift.
    assert_eq!(accounts[0].id, "courier-1");
    assert_eq!(accounts[1].id, "courier-2");
    assert_eq!(
        t.source("courier").expect("kept").extracted,
        [[10, 60], [520, 580]]
    );
}

#[test]
fn odd_but_valid_formatting_survives() {
    let before = read("odd.yaml");
    let candidate = load("candidate.yaml");
    let (after, report) = merged(&before, &candidate);
    assert_eq!((report.accounts_added, report.newly_rejected), (4, 1));
    lines_kept(&before, &after, &BTreeSet::new()).unwrap();
    insta::with_settings!({
        snapshot_path => "../fixtures/merge/snapshots",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!("odd_merged", after);
    });
    let t = timeline::load_str("odd.yaml", &after).expect("loads");
    assert_eq!(
        t.event("collapse").expect("kept").notes.as_deref(),
        Some("Trailing blank lines are part of this note.\n\n\n")
    );
    assert_eq!(
        t.source("courier").expect("kept").extracted,
        [[10, 60], [400, 470], [520, 580]]
    );
    assert!(after.ends_with("\n...\n"));
    assert_eq!(merged(&after, &candidate).0, after);
}

#[test]
fn a_candidate_source_with_a_new_file_is_added_under_a_fresh_id() {
    let text = "title: T\nsources:\n  - id: courier\n    file: articles/other.txt\nevents: []\n";
    let candidate = load("hand_candidate.yaml");
    let mut candidate = candidate;
    candidate.sources[0].id = "courier".into();
    for a in &mut candidate.events[0].accounts {
        a.source = "courier".into();
    }
    let (after, report) = merged(text, &candidate);
    assert_eq!((report.sources_added, report.events_added), (1, 1));
    let t = timeline::load_str("m.yaml", &after).expect("loads");
    assert_eq!(t.sources[1].id, "courier-2");
    assert!(t.events[0].accounts.iter().all(|a| a.source == "courier-2"));
}

#[test]
fn a_deleted_event_does_not_come_back() {
    let candidate = load("candidate.yaml");
    let (once, _) = merged(&read("timeline.yaml"), &candidate);
    // A person deletes the `closure` event (the last one in the file) and its relation.
    let mut t = timeline::load_str("t.yaml", &once).expect("loads");
    t.events.retain(|e| e.id != "closure");
    t.relations.clear();
    let edited = timeline::to_yaml(&t).expect("writes");
    let (again, report) = merged(&edited, &candidate);
    assert_eq!(report.accounts_added, 0);
    assert_eq!(report.newly_rejected, 1);
    let back = timeline::load_str("t.yaml", &again).expect("loads");
    assert!(back.event("closure").is_none());
    assert!(back.relations.is_empty(), "{again}");
    lines_kept(&edited, &again, &BTreeSet::new()).unwrap();
}

#[test]
fn merging_into_an_empty_timeline_writes_everything() {
    let candidate = load("candidate.yaml");
    let (text, report) = merged("title: Varrow\n", &candidate);
    assert_eq!(report.accounts_added, 6);
    assert_eq!(report.events_added, 3);
    let t = timeline::load_str("t.yaml", &text).expect("loads");
    assert_eq!(t.sources.len(), 2);
    assert_eq!(t.events.len(), 3);
    assert_eq!(merged(&text, &candidate).0, text);
}

#[test]
fn invalid_timeline_is_refused_with_its_diagnostics() {
    let text = read("invalid.yaml");
    match merge(&text, &load("candidate.yaml")) {
        Err(MergeError::Invalid(problems)) => {
            let places: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.col)).collect();
            assert_eq!(places, [(6, 5), (7, 5)]);
            assert!(problems[1].message.contains("unknown field `titel`"));
        }
        other => panic!("expected refusal, got {other:?}"),
    }
}

#[test]
fn two_documents_are_refused() {
    let text = read("two_documents.yaml");
    match merge(&text, &load("candidate.yaml")) {
        Err(MergeError::Invalid(problems)) => {
            assert_eq!((problems[0].line, problems[0].col), (4, 1), "{problems:?}")
        }
        other => panic!("expected refusal, got {other:?}"),
    }
}

#[test]
fn anchors_where_the_merge_must_edit_are_refused() {
    let text = read("anchored.yaml");
    match merge(&text, &load("candidate.yaml")) {
        Err(MergeError::Refused(d)) => {
            assert_eq!((d.line, d.col), (13, 7));
            assert!(d.message.contains("anchored"), "{}", d.message);
        }
        other => panic!("expected refusal, got {other:?}"),
    }
    // An anchor elsewhere (the outlet) is no obstacle.
    let text = text.replace("accounts: &collapse-accounts", "accounts:");
    let (after, _) = merged(&text, &load("candidate.yaml"));
    assert!(after.contains("outlet: &paper Varrow Courier"));
}

#[test]
fn flow_mappings_that_need_new_keys_are_refused() {
    // The inquiry joins the flow-style `inquiry` event, which has no `accounts:` to add to.
    let text = read("flow_event.yaml");
    match merge(&text, &load("candidate.yaml")) {
        Err(MergeError::Refused(d)) => {
            assert_eq!((d.line, d.col), (5, 5));
            assert!(d.message.contains("cannot add `accounts`"), "{}", d.message);
        }
        other => panic!("expected refusal, got {other:?}"),
    }
}

#[test]
fn flow_lists_are_extended_in_flow_style() {
    // Without the event that needs a new key, every flow list takes flow items.
    let text: String = read("flow_event.yaml")
        .lines()
        .filter(|l| !l.contains("id: inquiry"))
        .map(|l| format!("{l}\n"))
        .collect();
    let (after, report) = merged(&text, &load("candidate.yaml"));
    assert_eq!((report.accounts_added, report.sources_added), (5, 1));
    lines_kept(&text, &after, &[1, 3].into()).unwrap();
    let lines: Vec<&str> = after.lines().collect();
    assert!(
        lines[1].starts_with(
            "sources: [{id: courier, file: articles/courier.txt, extracted: [[10, 60], [400, 470], [520, 580]]}, {\"id\": \"bulletin\", "
        ),
        "{after}"
    );
    assert!(
        lines[3]
            .contains("quote: The span failed at its northern bearing.}, {\"id\": \"courier-2\", "),
        "{after}"
    );
    let t = timeline::load_str("flow.yaml", &after).expect("loads");
    assert_eq!(t.event("collapse").expect("kept").accounts.len(), 4);
    assert_eq!(merged(&after, &load("candidate.yaml")).0, after);
}

#[test]
fn crlf_files_stay_crlf() {
    let before = read("timeline.yaml").replace('\n', "\r\n");
    let (after, _) = merged(&before, &load("candidate.yaml"));
    assert!(!after.replace("\r\n", "").contains('\n'), "bare line feed");
}

#[test]
fn merge_command_dry_run_writes_nothing_then_merge_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("timeline.yaml");
    let before = read("timeline.yaml");
    fs::write(&target, &before).expect("write");
    let candidate = fixture("merge/candidate.yaml");

    let out = rashomon()
        .args(["merge", "--dry-run", "--into"])
        .arg(&target)
        .arg(&candidate)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).expect("utf-8");
    assert!(stdout.starts_with("4 accounts added"), "{stdout}");
    assert!(stdout.contains("+rejected:\n"), "{stdout}");
    assert!(
        stdout.contains("-    accounts: []   # nothing yet\n+    accounts:   # nothing yet\n"),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(&target).expect("read"), before);

    let out = rashomon()
        .args(["merge", "--into"])
        .arg(&target)
        .arg(&candidate)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let written = fs::read_to_string(&target).expect("read");
    assert_eq!(written, merged(&before, &load("candidate.yaml")).0);

    let out = rashomon()
        .args(["merge", "--into"])
        .arg(&target)
        .arg(&candidate)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("nothing new to merge"));
    assert_eq!(fs::read_to_string(&target).expect("read"), written);
}

#[test]
fn merge_command_creates_a_missing_timeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("new.yaml");
    let out = rashomon()
        .args(["merge", "--into"])
        .arg(&target)
        .arg(fixture("merge/candidate.yaml"))
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = fs::read_to_string(&target).expect("written");
    assert!(text.starts_with(timeline::schema::MODELINE), "{text}");
    let t = timeline::load(&target).expect("valid");
    assert_eq!(t.title, "Extracted from two articles");
    assert_eq!(t.events.len(), 3);
}

#[test]
fn merge_command_refuses_an_invalid_timeline_and_leaves_it_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("invalid.yaml");
    let before = read("invalid.yaml");
    fs::write(&target, &before).expect("write");
    let out = rashomon()
        .args(["merge", "--into"])
        .arg(&target)
        .arg(fixture("merge/candidate.yaml"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("utf-8");
    let name = target.display().to_string();
    assert!(
        stderr.contains(&format!(
            "{name}:7:5: unknown field `titel` in event; did you mean `title`?\n  |\n7 |     titel: Footbridge gives way\n  |     ^^^^^\n"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("fix them before merging"), "{stderr}");
    assert_eq!(fs::read_to_string(&target).expect("read"), before);
}

// ---------------------------------------------------------------------------------------------
// Properties

const WORDS: &[&str] = &[
    "bridge", "quay", "council", "fire", "inquiry", "collapse", "harbour", "closure", "rescue",
    "storm", "ferry", "mayor",
];
const PLACES: &[&str] = &["Varrow", "Old Quay", "Harbour"];

fn words(n: usize, seed: &[usize]) -> String {
    (0..n)
        .map(|i| WORDS[seed[i % seed.len()] % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text a person might type, including characters YAML cares about.
fn prose() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.'’()-]{1,30}",
        Just("yes".to_string()),
        Just("62".to_string()),
        Just("key: value # not a comment".to_string()),
        Just("two lines\nof notes".to_string()),
        Just("— «quoted» —".to_string()),
    ]
}

#[derive(Debug, Clone)]
struct GenAccount {
    source: usize,
    claimant: String,
    stance: u8,
    injured: Option<u8>,
    summary: Option<String>,
}

fn gen_account() -> impl Strategy<Value = GenAccount> {
    (
        0usize..3,
        prose(),
        0u8..4,
        prop::option::of(0u8..5),
        prop::option::of(prose()),
    )
        .prop_map(|(source, claimant, stance, injured, summary)| GenAccount {
            source,
            claimant,
            stance,
            injured,
            summary,
        })
}

#[derive(Debug, Clone)]
struct GenEvent {
    title: Vec<usize>,
    day: u8,
    place: Option<usize>,
    accounts: Vec<GenAccount>,
}

fn gen_event() -> impl Strategy<Value = GenEvent> {
    (
        prop::collection::vec(0usize..12, 2..4),
        1u8..29,
        prop::option::of(0usize..3),
        prop::collection::vec(gen_account(), 1..4),
    )
        .prop_map(|(title, day, place, accounts)| GenEvent {
            title,
            day,
            place,
            accounts,
        })
}

/// Spans count up from `first`, so every generated account has its own identity.
fn account(g: &GenAccount, sources: usize, k: usize, first: usize) -> Account {
    let start = first + k * 100;
    Account {
        source: format!("s{}", g.source % sources),
        claimant: g.claimant.clone(),
        stance: [
            Stance::Asserts,
            Stance::Alleges,
            Stance::Denies,
            Stance::Questions,
        ][g.stance as usize % 4],
        summary: g.summary.clone(),
        quote: Some(format!("q{start} {}", g.claimant)),
        span: Some([start, start + 60]),
        facets: g
            .injured
            .map(|n| ("injured".to_string(), FacetValue::Int(i64::from(n))))
            .into_iter()
            .collect(),
        ..Account::default()
    }
}

fn event(id: String, g: &GenEvent) -> Event {
    Event {
        id,
        title: words(3, &g.title),
        when: When::day(2022, 5, g.day),
        places: g.place.map(|p| PLACES[p].to_string()).into_iter().collect(),
        ..Event::default()
    }
}

fn source(i: usize) -> Source {
    Source {
        id: format!("s{i}"),
        outlet: Some(format!("Outlet {i}")),
        file: Some(format!("./articles/s{i}.txt")),
        ..Source::default()
    }
}

/// A candidate: 1 to 3 sources, 1 to 4 events, 1 to 3 accounts each, maybe a relation.
fn gen_candidate() -> impl Strategy<Value = Timeline> {
    (
        1usize..4,
        prop::collection::vec(gen_event(), 1..5),
        any::<bool>(),
    )
        .prop_map(|(n_sources, events, relate)| {
            let mut k = 0;
            let events: Vec<Event> = events
                .iter()
                .enumerate()
                .map(|(i, g)| {
                    let mut e = event(format!("e{i}"), g);
                    for a in &g.accounts {
                        e.accounts.push(account(a, n_sources, k, 0));
                        k += 1;
                    }
                    e
                })
                .collect();
            let relations = if relate && events.len() > 1 {
                vec![Relation {
                    from: "e1".into(),
                    to: "e0".into(),
                    kind: RelationKind::After,
                    claimed_by: vec![],
                    note: None,
                }]
            } else {
                vec![]
            };
            Timeline {
                title: "Extracted".into(),
                sources: (0..n_sources).map(source).collect(),
                events,
                relations,
                ..Timeline::default()
            }
        })
}

/// New material: accounts added to some candidate events, new events, maybe a new source.
#[derive(Debug, Clone)]
struct Extra {
    into: Vec<(usize, GenAccount)>,
    events: Vec<GenEvent>,
    new_source: bool,
}

fn gen_extra() -> impl Strategy<Value = Extra> {
    (
        prop::collection::vec((0usize..4, gen_account()), 0..4),
        prop::collection::vec(gen_event(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(into, events, new_source)| Extra {
            into,
            events,
            new_source,
        })
}

fn with_extra(candidate: &Timeline, extra: &Extra) -> Timeline {
    let mut c = candidate.clone();
    let n = c.sources.len() + usize::from(extra.new_source);
    if extra.new_source {
        c.sources.push(source(9));
        c.sources.last_mut().expect("pushed").id = format!("s{}", n - 1);
    }
    let mut k = 0;
    for (e, g) in &extra.into {
        let e = e % c.events.len();
        c.events[e].accounts.push(account(g, n, k, 100_000));
        k += 1;
    }
    for (i, g) in extra.events.iter().enumerate() {
        let mut e = event(format!("x{i}"), g);
        for a in &g.accounts {
            e.accounts.push(account(a, n, k, 100_000));
            k += 1;
        }
        c.events.push(e);
    }
    c
}

/// A person's edit to the model, with indices taken modulo what exists.
#[derive(Debug, Clone)]
enum Edit {
    Retitle(usize, String),
    Summary(usize, usize, String),
    Facet(usize, usize, u8),
    Notes(usize, String),
    Tags(usize, String),
    Claimant(usize, usize, String),
    DeleteAccount(usize, usize),
    DeleteEvent(usize),
    MoveAccount(usize, usize, usize),
    Split(usize, usize),
    MergeEvents(usize, usize),
    SourceTitle(usize, String),
    /// Block one of the extra candidate's accounts by hand, by span or by quote.
    Reject(usize, bool),
}

fn gen_edit() -> impl Strategy<Value = Edit> {
    let i = || 0usize..8;
    prop_oneof![
        (i(), prose()).prop_map(|(e, t)| Edit::Retitle(e, t)),
        (i(), i(), prose()).prop_map(|(e, a, t)| Edit::Summary(e, a, t)),
        (i(), i(), 0u8..9).prop_map(|(e, a, n)| Edit::Facet(e, a, n)),
        (i(), prose()).prop_map(|(e, t)| Edit::Notes(e, t)),
        (i(), "[a-z]{3,8}").prop_map(|(e, t)| Edit::Tags(e, t)),
        (i(), i(), prose()).prop_map(|(e, a, t)| Edit::Claimant(e, a, t)),
        (i(), i()).prop_map(|(e, a)| Edit::DeleteAccount(e, a)),
        i().prop_map(Edit::DeleteEvent),
        (i(), i(), i()).prop_map(|(e, a, to)| Edit::MoveAccount(e, a, to)),
        (i(), i()).prop_map(|(e, a)| Edit::Split(e, a)),
        (i(), i()).prop_map(|(e, to)| Edit::MergeEvents(e, to)),
        (i(), prose()).prop_map(|(s, t)| Edit::SourceTitle(s, t)),
        (i(), any::<bool>()).prop_map(|(k, by_span)| Edit::Reject(k, by_span)),
    ]
}

fn drop_event(t: &mut Timeline, e: usize) {
    let gone = t.events.remove(e);
    let ids: BTreeSet<&str> = gone.accounts.iter().map(|a| a.id.as_str()).collect();
    t.relations.retain(|r| r.from != gone.id && r.to != gone.id);
    for r in &mut t.relations {
        r.claimed_by.retain(|id| !ids.contains(id.as_str()));
    }
}

/// Apply edits to a loaded timeline. `extra` lists accounts a `Reject` may block.
fn apply(t: &mut Timeline, edits: &[Edit], extra: &[Account]) {
    let mut splits = 0;
    for edit in edits {
        let n = t.events.len();
        match edit {
            Edit::Retitle(e, s) if n > 0 => t.events[e % n].title = s.clone(),
            Edit::Notes(e, s) if n > 0 => t.events[e % n].notes = Some(s.clone()),
            Edit::Tags(e, s) if n > 0 => t.events[e % n].tags.push(s.clone()),
            Edit::Summary(e, a, s) | Edit::Claimant(e, a, s) if n > 0 => {
                let ev = &mut t.events[e % n];
                if ev.accounts.is_empty() {
                    continue;
                }
                let m = ev.accounts.len();
                let acc = &mut ev.accounts[a % m];
                if matches!(edit, Edit::Summary(..)) {
                    acc.summary = Some(s.clone());
                } else {
                    acc.claimant = s.clone();
                }
            }
            Edit::Facet(e, a, v) if n > 0 => {
                let ev = &mut t.events[e % n];
                let m = ev.accounts.len();
                if m > 0 {
                    ev.accounts[a % m]
                        .facets
                        .insert("injured".into(), FacetValue::Int(i64::from(*v)));
                }
            }
            Edit::DeleteAccount(e, a) if n > 0 => {
                let ev = &mut t.events[e % n];
                let m = ev.accounts.len();
                if m > 0 {
                    let gone = ev.accounts.remove(a % m);
                    for r in &mut t.relations {
                        r.claimed_by.retain(|id| *id != gone.id);
                    }
                }
            }
            Edit::DeleteEvent(e) if n > 0 => drop_event(t, e % n),
            Edit::MoveAccount(e, a, to) if n > 0 => {
                let (e, to) = (e % n, to % n);
                let m = t.events[e].accounts.len();
                if m > 0 && e != to {
                    let acc = t.events[e].accounts.remove(a % m);
                    t.events[to].accounts.push(acc);
                }
            }
            Edit::Split(e, a) if n > 0 => {
                let e = e % n;
                let m = t.events[e].accounts.len();
                if m > 1 {
                    let acc = t.events[e].accounts.remove(a % m);
                    splits += 1;
                    let split = Event {
                        id: format!("split-{splits}"),
                        title: format!("Split from {}", t.events[e].id),
                        when: t.events[e].when,
                        accounts: vec![acc],
                        ..Event::default()
                    };
                    t.events.insert(e + 1, split);
                }
            }
            Edit::MergeEvents(e, to) if n > 1 => {
                let (e, to) = (e % n, to % n);
                if e != to {
                    let moved = std::mem::take(&mut t.events[e].accounts);
                    t.events[to].accounts.extend(moved);
                    let (gone, kept) = (t.events[e].id.clone(), t.events[to].id.clone());
                    for r in &mut t.relations {
                        if r.from == gone {
                            r.from = kept.clone();
                        }
                        if r.to == gone {
                            r.to = kept.clone();
                        }
                    }
                    t.relations.retain(|r| r.from != r.to);
                    drop_event(t, e);
                }
            }
            Edit::SourceTitle(s, title) => {
                let m = t.sources.len();
                t.sources[s % m].title = Some(title.clone());
            }
            Edit::Reject(k, by_span) if !extra.is_empty() => {
                let a = &extra[k % extra.len()];
                if t.source(&a.source).is_some() {
                    t.rejected.push(Rejection {
                        source: a.source.clone(),
                        span: by_span.then_some(a.span).flatten(),
                        quote: (!by_span).then(|| a.quote.clone()).flatten(),
                    });
                }
            }
            _ => {}
        }
    }
    timeline::normalize(t);
}

/// Some plain `title`, `claimant` and `outlet` values rewritten in single quotes, as people do.
fn requote(text: &str, picks: &[(usize, u8)]) -> String {
    let tree = yaml::parse_tree(text).expect("parses");
    let mut spans = Vec::new();
    fn walk(n: &yaml::Node, text: &str, out: &mut Vec<(usize, usize)>) {
        for e in n.entries() {
            let v = &e.value;
            if matches!(e.key.as_str(), Some("title" | "claimant" | "outlet"))
                && matches!(v.value, yaml::Value::Scalar { plain: true, .. })
                && line_of(text, v.start) == line_of(text, v.end)
                && !text[v.start..v.end].contains('\'')
            {
                out.push((v.start, v.end));
            }
            walk(v, text, out);
        }
        for i in n.items() {
            walk(i, text, out);
        }
    }
    walk(&tree, text, &mut spans);
    if spans.is_empty() {
        return text.to_string();
    }
    let chosen: BTreeSet<(usize, usize)> = picks
        .iter()
        .filter(|(_, kind)| kind % 2 == 0)
        .map(|(n, _)| spans[n % spans.len()])
        .collect();
    let mut out = text.to_string();
    for (start, end) in chosen.into_iter().rev() {
        out.insert(end, '\'');
        out.insert(start, '\'');
    }
    out
}

/// Comments, blank lines and end-of-line comments, placed only where YAML allows them: before
/// lines where a key starts, and after one-line scalar values.
fn decorate(text: &str, picks: &[(usize, u8)]) -> String {
    let tree = yaml::parse_tree(text).expect("parses");
    let mut key_lines = BTreeSet::new();
    let mut value_lines = BTreeSet::new();
    fn walk(n: &yaml::Node, text: &str, keys: &mut BTreeSet<usize>, values: &mut BTreeSet<usize>) {
        for e in n.entries() {
            keys.insert(line_of(text, e.key.start) - 1);
            let v = &e.value;
            let rest = text[v.end..].split('\n').next().unwrap_or("");
            if matches!(v.value, yaml::Value::Scalar { .. })
                && line_of(text, v.start) == line_of(text, e.key.start)
                && line_of(text, v.end) == line_of(text, v.start)
                && rest.is_empty()
            {
                values.insert(line_of(text, v.start) - 1);
            }
            walk(v, text, keys, values);
        }
        for i in n.items() {
            walk(i, text, keys, values);
        }
    }
    walk(&tree, text, &mut key_lines, &mut value_lines);
    let keys: Vec<usize> = key_lines.into_iter().collect();
    let values: Vec<usize> = value_lines.into_iter().collect();
    let mut before: BTreeMap<usize, String> = BTreeMap::new();
    let mut after: BTreeMap<usize, String> = BTreeMap::new();
    for (n, kind) in picks {
        match kind % 3 {
            0 if !keys.is_empty() => {
                let line = keys[n % keys.len()];
                let indent = text
                    .lines()
                    .nth(line)
                    .map_or(0, |l| l.len() - l.trim_start_matches([' ', '-']).len());
                before
                    .entry(line)
                    .or_default()
                    .push_str(&format!("{}# hand note {n}\n", " ".repeat(indent)));
            }
            1 if !keys.is_empty() => {
                before.entry(keys[n % keys.len()]).or_default().push('\n');
            }
            2 if !values.is_empty() => {
                after
                    .entry(values[n % values.len()])
                    .or_insert_with(|| format!("  # why {n}"));
            }
            _ => {}
        }
    }
    let mut out = String::new();
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if let Some(b) = before.get(&i) {
            out.push_str(b);
        }
        match after.get(&i) {
            Some(c) => {
                out.push_str(line.trim_end_matches('\n'));
                out.push_str(c);
                out.push('\n');
            }
            None => out.push_str(line),
        }
    }
    out
}

type Identity = (String, [usize; 2]);

fn identity(a: &Account) -> Identity {
    (
        a.source.clone(),
        a.span.expect("generated accounts have spans"),
    )
}

fn identities(t: &Timeline) -> Vec<Identity> {
    t.events
        .iter()
        .flat_map(|e| e.accounts.iter().map(identity))
        .collect()
}

fn ok<T>(r: Result<T, MergeError>, text: &str) -> Result<T, TestCaseError> {
    r.map_err(|e| TestCaseError::fail(format!("{e}\n--- text:\n{text}")))
}

fn loads(text: &str) -> Result<Timeline, TestCaseError> {
    timeline::load_str("t.yaml", text)
        .map_err(|e| TestCaseError::fail(format!("{e}\n--- text:\n{text}")))
}

proptest! {
    // 256 cases by default; PROPTEST_CASES raises it.
    /// Human edits survive re-merging, deletions stick, and merging is idempotent.
    #[test]
    fn human_edits_survive_a_second_merge(
        candidate in gen_candidate(),
        extra in gen_extra(),
        edits in prop::collection::vec(gen_edit(), 0..8),
        picks in prop::collection::vec((0usize..1000, 0u8..3), 0..12),
    ) {
        // 1. Into an empty timeline, and again: the second merge changes nothing.
        let (text1, report) = ok(merge("title: Varrow\n", &candidate), "title: Varrow\n")?;
        let total: usize = candidate.events.iter().map(|e| e.accounts.len()).sum();
        prop_assert_eq!(report.accounts_added, total);
        prop_assert_eq!(ok(merge(&text1, &candidate), &text1)?.0, text1.clone());

        // 2. A person edits the model, then adds comments and blank lines to the text.
        let candidate2 = with_extra(&candidate, &extra);
        let known: BTreeSet<Identity> = candidate.events.iter()
            .flat_map(|e| e.accounts.iter().map(identity)).collect();
        let extra_accounts: Vec<Account> = candidate2.events.iter()
            .flat_map(|e| e.accounts.iter())
            .filter(|a| !known.contains(&identity(a)))
            .cloned().collect();
        let mut model = loads(&text1)?;
        apply(&mut model, &edits, &extra_accounts);
        let plain = timeline::to_yaml(&model).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let text2 = decorate(&requote(&plain, &picks), &picks);
        let model2 = loads(&text2)?;
        let present: BTreeSet<Identity> = identities(&model2).into_iter().collect();
        let deleted: Vec<Rejection> = candidate.events.iter()
            .flat_map(|e| e.accounts.iter())
            .filter(|a| !present.contains(&identity(a)))
            .map(|a| Rejection { source: a.source.clone(), span: a.span, quote: a.quote.clone() })
            .collect();

        // 3. The same candidate again: only rejections are added, every edit stands.
        let (text3, report3) = ok(merge(&text2, &candidate), &text2)?;
        prop_assert_eq!(report3.accounts_added, 0);
        prop_assert_eq!(report3.newly_rejected, deleted.len());
        lines_kept(&text2, &text3, &BTreeSet::new()).map_err(TestCaseError::fail)?;
        let model3 = loads(&text3)?;
        let mut without = model3.clone();
        prop_assert_eq!(&without.rejected[model2.rejected.len()..], &deleted[..]);
        without.rejected.truncate(model2.rejected.len());
        prop_assert_eq!(&without, &model2);
        prop_assert_eq!(ok(merge(&text3, &candidate), &text3)?.0, text3.clone());

        // 4. A candidate with extra material: added once, in place; nothing else moves.
        let (text4, _) = ok(merge(&text2, &candidate2), &text2)?;
        lines_kept(&text2, &text4, &owned_lines(&text2)).map_err(TestCaseError::fail)?;
        let model4 = loads(&text4)?;
        prop_assert_eq!(&model4.title, &model2.title);
        prop_assert_eq!(&model4.sources[..model2.sources.len()].iter().map(|s| Source { extracted: vec![], ..s.clone() }).collect::<Vec<_>>(),
            &model2.sources.iter().map(|s| Source { extracted: vec![], ..s.clone() }).collect::<Vec<_>>());
        for (old, new) in model2.sources.iter().zip(&model4.sources) {
            let new_spans: BTreeSet<_> = new.extracted.iter().collect();
            prop_assert!(old.extracted.iter().all(|s| new_spans.contains(s)));
        }
        for (old, new) in model2.events.iter().zip(&model4.events) {
            prop_assert_eq!(
                Event { accounts: vec![], disputes: vec![], ..old.clone() },
                Event { accounts: vec![], disputes: vec![], ..new.clone() });
            prop_assert_eq!(&new.accounts[..old.accounts.len()], &old.accounts[..]);
        }
        prop_assert_eq!(&model4.relations[..model2.relations.len()], &model2.relations[..]);
        prop_assert_eq!(&model4.rejected[..model2.rejected.len()], &model2.rejected[..]);
        prop_assert_eq!(&model4.rejected[model2.rejected.len()..], &deleted[..]);
        let blocked = |a: &Account| model2.rejected.iter().any(|r| r.source == a.source
            && (r.span == a.span || (r.span.is_none() && r.quote == a.quote)));
        let ids4 = identities(&model4);
        for d in &deleted {
            let gone = (d.source.clone(), d.span.expect("span"));
            prop_assert!(!ids4.contains(&gone), "deleted account {:?} came back", gone);
        }
        for a in &extra_accounts {
            // The new source was renamed into the timeline only if its id was taken.
            let count = ids4.iter().filter(|i| i.1 == a.span.expect("span")).count();
            prop_assert_eq!(count, usize::from(!blocked(a)), "account {:?}", a.span);
        }
        for new in &model4.events[model2.events.len()..] {
            prop_assert!(new.accounts.iter().all(|a| !known.contains(&identity(a))));
        }
        prop_assert_eq!(ok(merge(&text4, &candidate2), &text4)?.0, text4.clone());
    }
}

/// A note a person folded (`note: >-`) in a disputes block the merge rewrites keeps its lines.
#[test]
fn a_folded_dispute_note_keeps_its_lines() {
    let before = read("timeline.yaml").replace(
        "        note: The hospital had not yet published a figure.\n",
        "        note: >-\n          The hospital had not yet\n          published a figure.\n",
    );
    let (after, report) = merged(&before, &load("candidate.yaml"));
    assert_eq!(report.disputes_updated, 1);
    assert!(
        after.contains(
            "        note: >-\n          The hospital had not yet\n          published a figure.\n"
        ),
        "{after}"
    );
    let t = timeline::load_str("merged.yaml", &after).expect("loads");
    assert_eq!(
        t.event("collapse").expect("kept").disputes[0]
            .note
            .as_deref(),
        Some("The hospital had not yet published a figure.")
    );
}

/// An account deleted from a timeline that `extract -o` wrote, before any `--into` run, does
/// not come back: the file already remembers what was offered.
#[test]
fn an_account_deleted_before_any_merge_stays_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = dir.path().join("t.yaml");
    let article = fixture("market/daily.txt");
    rashomon()
        .arg("extract")
        .arg(&article)
        .arg("-o")
        .arg(&t)
        .assert()
        .success();
    let mut timeline = timeline::load(&t).expect("loads");
    let event = timeline
        .events
        .iter_mut()
        .find(|e| !e.accounts.is_empty())
        .expect("an event with accounts");
    let gone = event.accounts.remove(0);
    fs::write(&t, timeline::to_yaml(&timeline).expect("saves")).expect("write");
    rashomon()
        .arg("extract")
        .arg(&article)
        .arg("--into")
        .arg(&t)
        .assert()
        .success();
    let after = timeline::load(&t).expect("loads");
    let back = after
        .events
        .iter()
        .flat_map(|e| &e.accounts)
        .any(|a| a.source == gone.source && a.span == gone.span);
    assert!(!back, "the deleted account came back: {gone:?}");
    assert!(
        after
            .rejected
            .iter()
            .any(|r| r.source == gone.source && r.span == gone.span),
        "{:?}",
        after.rejected
    );
}
