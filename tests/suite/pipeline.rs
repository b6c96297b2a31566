//! `extract`, `build` and `mentions` end to end, on three short articles written for these
//! tests: a Markdown report with front matter and a reader thread, a plain-text report with
//! a byline, and a copy of the second on another site.

use std::path::Path;

use predicates::prelude::*;

use rashomon::timeline::{self, Stance, Timeline};

use crate::support::{fixture, rashomon};

fn extract_to(dir: &Path) -> Timeline {
    let out = dir.join("timeline.yaml");
    rashomon()
        .arg("extract")
        .arg(fixture("pipeline"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    timeline::load(&out).expect("the extracted timeline passes check")
}

/// A source's publication date as written in the timeline.
fn published(t: &Timeline, id: &str) -> Option<String> {
    t.source(id)
        .and_then(|s| s.published)
        .map(|w| w.to_string())
}

#[test]
fn one_event_holds_every_account_of_the_strike() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = extract_to(dir.path());
    let strike = t
        .events
        .iter()
        .find(|e| e.when.to_string() == "2021-03-02")
        .expect("the strike, dated by 'on Tuesday' in a report of Thursday 4 March");
    let sources: std::collections::BTreeSet<&str> =
        strike.accounts.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    // Latakia and Lattakia are one place.
    assert_eq!(strike.places, ["Latakia"]);
    // The copy is not an independent confirmation.
    assert_eq!(t.independent_sources(strike), 2);
    // 12 killed and 19 killed are positions of one dispute, in order of appearance.
    let killed = strike
        .disputes
        .iter()
        .find(|d| d.facet == "killed")
        .expect("killed dispute");
    let values: Vec<&str> = killed.positions.iter().map(|p| p.value.as_str()).collect();
    assert_eq!(values, ["12", "19"]);
    // The ministry's denial is recorded as such.
    assert!(
        strike
            .accounts
            .iter()
            .any(|a| a.claimant.contains("ministry") && a.stance == Stance::Denies)
    );
}

#[test]
fn an_earlier_strike_at_the_same_place_stays_apart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = extract_to(dir.path());
    assert!(
        t.events.iter().any(|e| e.when.to_string() == "2019"),
        "{:?}",
        t.events
    );
}

#[test]
fn copies_and_dates_of_sources() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = extract_to(dir.path());
    let copy = t.source("valley-post-copy").expect("copy");
    assert_eq!(copy.republishes.as_deref(), Some("valley-post"));
    assert_eq!(published(&t, "valley-post").as_deref(), Some("2021-03-03"));
    assert_eq!(
        t.source("harbour-gazette")
            .and_then(|s| s.author.as_deref()),
        Some("Mina Osei")
    );
    // Paths are written relative to the timeline file.
    let file = t
        .source("harbour-gazette")
        .and_then(|s| s.file.clone())
        .expect("file");
    assert!(dir.path().join(&file).exists(), "{file}");
}

#[test]
fn reader_comments_never_speak_for_the_outlet() {
    let dir = tempfile::tempdir().expect("tempdir");
    let t = extract_to(dir.path());
    let text = std::fs::read_to_string(fixture("pipeline/harbour-gazette.md")).expect("fixture");
    let thread = text.find("Kofi Adjei").expect("thread");
    for a in t
        .events
        .iter()
        .flat_map(|e| &e.accounts)
        .filter(|a| a.source == "harbour-gazette")
    {
        let [start, _] = a.span.expect("span");
        if start >= thread {
            assert!(a.comment, "{a:?}");
            assert_ne!(a.claimant, "Mina Osei");
        }
    }
}

#[test]
fn extraction_is_deterministic() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    extract_to(a.path());
    extract_to(b.path());
    let read = |d: &Path| std::fs::read_to_string(d.join("timeline.yaml")).expect("read");
    assert_eq!(read(a.path()), read(b.path()));
}

#[test]
fn build_writes_the_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.html");
    rashomon()
        .arg("build")
        .arg(fixture("pipeline"))
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).expect("page");
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    assert!(html.contains("Lattakia") || html.contains("Latakia"));
}

#[test]
fn extract_into_keeps_hand_edits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("timeline.yaml");
    rashomon()
        .arg("extract")
        .arg(fixture("pipeline"))
        .arg("--into")
        .arg(&path)
        .assert()
        .success();
    let t = timeline::load(&path).expect("loads");
    let strike = t
        .events
        .iter()
        .find(|e| e.when.to_string() == "2021-03-02")
        .expect("strike");
    let victim = strike.accounts.last().expect("an account").id.clone();
    let kept = strike.accounts.first().expect("an account").id.clone();

    // A person retitles the event, writes a summary, deletes one account and comments the file.
    let text = std::fs::read_to_string(&path).expect("read");
    let text = text.replacen(
        &format!("title: {}", strike.title),
        "title: Depot strike (checked by desk)",
        1,
    );
    let text = text.replacen(
        &format!("      - id: {kept}\n"),
        &format!("      - id: {kept}\n        summary: Confirmed by two calls.\n"),
        1,
    );
    let start = text
        .find(&format!("      - id: {victim}\n"))
        .expect("victim");
    let end = text[start + 8..]
        .find("      - id: ")
        .map_or(text.len(), |i| start + 8 + i);
    let end = text[start..end]
        .find("\n  - id: ")
        .map_or(end, |i| start + i + 1);
    let text = format!("# edited by the desk\n{}{}", &text[..start], &text[end..]);
    std::fs::write(&path, &text).expect("write");
    timeline::load(&path).expect("the hand-edited file is valid");

    rashomon()
        .arg("extract")
        .arg(fixture("pipeline"))
        .arg("--into")
        .arg(&path)
        .assert()
        .success();
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(after.starts_with("# edited by the desk\n"));
    assert!(after.contains("title: Depot strike (checked by desk)"));
    assert!(after.contains("summary: Confirmed by two calls."));
    let t = timeline::load(&path).expect("loads");
    assert!(
        t.events
            .iter()
            .flat_map(|e| &e.accounts)
            .all(|a| a.id != victim),
        "deleted account came back"
    );
    assert!(!t.rejected.is_empty(), "the deletion is recorded");
}

/// The same articles reached through a symbolic link, or merged from a candidate written in
/// another folder, are the timeline's own sources, not new ones.
#[cfg(unix)]
#[test]
fn sources_are_the_same_files_whatever_the_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("mkdir");
    for entry in std::fs::read_dir(fixture("pipeline")).expect("fixtures") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), articles.join(entry.file_name())).expect("copy");
    }
    let desk = dir.path().join("desk");
    std::fs::create_dir(&desk).expect("mkdir");
    std::os::unix::fs::symlink(&articles, dir.path().join("linked")).expect("symlink");
    let path = desk.join("timeline.yaml");
    let sources_of = |path: &Path| {
        let t = timeline::load(path).expect("loads");
        t.sources
            .iter()
            .map(|s| s.file.clone().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    rashomon()
        .args(["extract", "../articles", "--into", "timeline.yaml"])
        .current_dir(&desk)
        .assert()
        .success();
    let first = sources_of(&path);
    assert!(
        first.iter().all(|f| f.starts_with("../articles/")),
        "{first:?}"
    );
    // The desk writes its paths through the link; extracting the real folder again finds
    // the same files.
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("../articles/", "../linked/")).expect("write");
    let linked = sources_of(&path);
    rashomon()
        .args(["extract", "../articles", "--into", "timeline.yaml"])
        .current_dir(&desk)
        .assert()
        .success()
        .stdout(predicates::str::contains("sources added").not());
    assert_eq!(sources_of(&path), linked);

    // A candidate written elsewhere names its files from there.
    rashomon()
        .args(["extract", "articles", "-o", "candidate.yaml"])
        .current_dir(dir.path())
        .assert()
        .success();
    let candidate = sources_of(&dir.path().join("candidate.yaml"));
    assert!(
        candidate.iter().all(|f| f.starts_with("articles/")),
        "{candidate:?}"
    );
    rashomon()
        .args(["merge", "../candidate.yaml", "--into", "timeline.yaml"])
        .current_dir(&desk)
        .assert()
        .success()
        .stdout(predicates::str::contains("sources added").not());
    assert_eq!(sources_of(&path), linked);
}

#[test]
fn mentions_prints_events_and_json() {
    let out = rashomon()
        .arg("mentions")
        .arg(fixture("pipeline/valley-post.txt"))
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("document date 2021-03-03"), "{text}");
    assert!(text.contains(" attack "), "{text}");
    let out = rashomon()
        .args(["mentions", "--json"])
        .arg(fixture("pipeline/valley-post.txt"))
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(json["events"].as_array().is_some_and(|e| !e.is_empty()));
}

/// A second set in a different setting: a wire report with front matter, a next-day report
/// with a byline and other figures, and an undated opinion piece.
mod market {
    use super::*;

    fn extract() -> (tempfile::TempDir, Timeline) {
        let dir = tempfile::tempdir().expect("tempdir");
        let out = dir.path().join("timeline.yaml");
        rashomon()
            .arg("extract")
            .arg(fixture("market"))
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let t = timeline::load(&out).expect("loads");
        (dir, t)
    }

    #[test]
    fn three_articles_tell_one_strike_with_three_tolls() {
        let (_dir, t) = extract();
        let strike = t
            .events
            .iter()
            .find(|e| e.when.to_string() == "2019-03-10")
            .expect("Sunday's strike");
        let sources: std::collections::BTreeSet<&str> =
            strike.accounts.iter().map(|a| a.source.as_str()).collect();
        assert_eq!(
            sources.into_iter().collect::<Vec<_>>(),
            ["daily", "opinion", "wire"]
        );
        let killed = strike
            .disputes
            .iter()
            .find(|d| d.facet == "killed")
            .expect("killed");
        let mut values: Vec<&str> = killed.positions.iter().map(|p| p.value.as_str()).collect();
        values.sort_unstable();
        assert_eq!(values, ["23", "31", "9"]);
        assert_eq!(strike.places, ["Hodeidah"]);
    }

    #[test]
    fn last_months_strike_and_next_weeks_talks_are_other_events() {
        let (_dir, t) = extract();
        let dates: Vec<String> = t.events.iter().map(|e| e.when.to_string()).collect();
        assert!(dates.contains(&"2019-02".to_string()), "{dates:?}");
        assert!(
            dates.contains(&"2019-03-18/2019-03-24".to_string()),
            "{dates:?}"
        );
    }

    #[test]
    fn an_undated_opinion_piece_borrows_no_date_from_what_it_discusses() {
        // It may be written long after the events it shares with the dated articles: it
        // stays undated (its accounts still join the strike, above).
        let (_dir, t) = extract();
        let opinion = t.source("opinion").expect("opinion");
        assert_eq!(opinion.published, None);
    }
}

/// `extract ../shared/corpus/seeds --into timelines/syria-2016.yaml` adds what the extractor
/// finds and keeps every hand edit: run on a copy beside the original, so that the `file:`
/// paths written by hand still resolve.
#[test]
fn extracting_the_seeds_into_the_hand_made_example_keeps_every_edit() {
    let Some(shared) = crate::support::shared() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let original_path = root.join("timelines/syria-2016.yaml");
    let original_text = std::fs::read_to_string(&original_path).expect("example");
    let copy = tempfile::Builder::new()
        .prefix(".merge-test-")
        .suffix(".yaml")
        .tempfile_in(root.join("timelines"))
        .expect("temp file beside the example");
    std::fs::write(copy.path(), &original_text).expect("copy");

    rashomon()
        .arg("extract")
        .arg(shared.join("corpus/seeds"))
        .arg("--into")
        .arg(copy.path())
        .arg("--quiet")
        .assert()
        .success();

    let before = timeline::load(&original_path).expect("example loads");
    let after = timeline::load(copy.path()).expect("merged file loads");
    let merged_text = std::fs::read_to_string(copy.path()).expect("merged");
    // Every comment line written by hand is still there.
    for line in original_text
        .lines()
        .filter(|l| l.trim_start().starts_with('#'))
    {
        assert!(merged_text.contains(line), "comment lost: {line}");
    }
    assert_eq!(after.title, before.title);
    assert_eq!(after.description, before.description);
    for s in &before.sources {
        let m = after.source(&s.id).expect("source kept");
        assert_eq!(
            (
                &m.title,
                &m.outlet,
                &m.author,
                &m.url,
                &m.published,
                &m.kind,
                &m.republishes,
                &m.file,
                &m.notes
            ),
            (
                &s.title,
                &s.outlet,
                &s.author,
                &s.url,
                &s.published,
                &s.kind,
                &s.republishes,
                &s.file,
                &s.notes
            )
        );
    }
    assert_eq!(
        after.sources.len(),
        before.sources.len(),
        "the seeds are the example's own sources"
    );
    for e in &before.events {
        let m = after.event(&e.id).expect("event kept");
        assert_eq!(
            (&m.title, &m.when, &m.places, &m.actors, &m.tags, &m.notes),
            (&e.title, &e.when, &e.places, &e.actors, &e.tags, &e.notes)
        );
        for a in &e.accounts {
            assert_eq!(
                m.account(&a.id),
                Some(a),
                "account {} of {} changed",
                a.id,
                e.id
            );
        }
        for d in e.disputes.iter().filter(|d| d.note.is_some()) {
            let kept = m
                .disputes
                .iter()
                .find(|x| x.facet == d.facet)
                .expect("dispute kept");
            assert_eq!(kept.note, d.note);
        }
    }
    for r in &before.relations {
        assert!(after.relations.contains(r), "relation lost: {r:?}");
    }
    let count = |t: &Timeline| t.events.iter().map(|e| e.accounts.len()).sum::<usize>();
    assert!(
        count(&after) > count(&before),
        "the extractor added nothing"
    );

    // A second run changes nothing.
    let once = std::fs::read_to_string(copy.path()).expect("merged");
    rashomon()
        .arg("extract")
        .arg(shared.join("corpus/seeds"))
        .arg("--into")
        .arg(copy.path())
        .arg("--quiet")
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(copy.path()).expect("merged"), once);
}

/// A repost that names its source is the copy, whatever the dates say; the undated original
/// takes the copy's date, and its words keep their own outlet's voice.
#[test]
fn a_repost_that_credits_its_source_is_the_copy() {
    let dir = tempfile::tempdir().expect("tempdir");
    let story = "The ferry Marta Leone ran aground on a sandbank off Pellow Point on Monday \
        night with 212 passengers aboard, the coastguard said. Lifeboats from two stations \
        took everyone ashore by dawn, and four people were treated in hospital for cold. The \
        operator said the captain had followed the charted channel, but the harbour authority \
        said the channel had been marked as shallow since a storm in January and that the \
        warning had been sent to every operator on the route.";
    std::fs::write(
        dir.path().join("gazette.md"),
        format!("---\noutlet: Harbour Gazette\n---\n{story}\n"),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("digest.md"),
        format!(
            "---\noutlet: Coastal Digest, reposting Harbour Gazette\npublished: 2023-11-14\n---\n{story}\n"
        ),
    )
    .expect("write");
    let out = dir.path().join("timeline.yaml");
    rashomon()
        .arg("extract")
        .arg(dir.path())
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let t = timeline::load(&out).expect("loads");
    assert_eq!(
        t.source("digest").and_then(|s| s.republishes.as_deref()),
        Some("gazette")
    );
    assert_eq!(published(&t, "gazette").as_deref(), Some("2023-11-14"));
    let aground = t
        .events
        .iter()
        .find(|e| e.when.to_string() == "2023-11-13")
        .unwrap_or_else(|| panic!("Monday before the copy's date: {:?}", t.events));
    assert!(aground.accounts.iter().any(|a| a.source == "gazette"));
}

/// Three reports of one mill fire (written for this test): two dated, one a blog post with no
/// date at all. The post's telling joins the dated event instead of standing apart as an
/// undated one.
#[test]
fn an_undated_telling_joins_the_event_the_dated_reports_tell() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("timeline.yaml");
    rashomon()
        .arg("extract")
        .arg(fixture("undated"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("03_blog.txt: no date found"));
    let t = timeline::load(&out).expect("the extracted timeline passes check");
    let blog = t
        .events
        .iter()
        .find(|e| e.accounts.iter().any(|a| a.source == "03-blog"))
        .expect("the blog post tells the fire");
    assert_eq!(blog.when.to_string(), "2023-05-09", "{blog:?}");
    let sources: std::collections::BTreeSet<&str> =
        blog.accounts.iter().map(|a| a.source.as_str()).collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
}
