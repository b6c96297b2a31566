//! In a real browser (headless Chromium): the TimelineJS export of the example timeline loads
//! into the real TimelineJS3 library (npm `@knight-lab/timelinejs`) without console errors, and
//! Rashomon's own page, chart included, runs under its content security policy without errors.
//!
//! These tests skip, saying why, when Chromium or the library is not installed. `.ci/run`
//! installs both: Chromium from Debian, TimelineJS from npm into `target/timelinejs`. Set
//! `RASHOMON_CHROMIUM` or `RASHOMON_TIMELINEJS` (the package's `dist` folder) to use others.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{fixture, rashomon};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("RASHOMON_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn timelinejs() -> Option<PathBuf> {
    let dist = match std::env::var_os("RASHOMON_TIMELINEJS") {
        Some(p) => PathBuf::from(p),
        None => root().join("target/timelinejs/node_modules/@knight-lab/timelinejs/dist"),
    };
    dist.join("js/timeline.js").exists().then_some(dist)
}

/// Load `page` headless; the DOM after scripts have run (and timers, in virtual time), and
/// the browser's log.
fn run_page(browser: &Path, page: &Path, width: u32) -> (String, String) {
    run_url(browser, &format!("file://{}", page.display()), width)
}

/// [`run_page`] for an address, which may carry a query and a fragment.
fn run_url(browser: &Path, url: &str, width: u32) -> (String, String) {
    let profile = tempfile::tempdir().expect("tempdir");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=8000",
            &format!("--window-size={width},900"),
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What the page's hooks reported, from the `<pre id="report">` they wrote.
fn report(dom: &str) -> serde_json::Value {
    let doc = scraper::Html::parse_document(dom);
    let sel = scraper::Selector::parse("#report").expect("selector");
    let text = doc
        .select(&sel)
        .next()
        .map(|e| e.text().collect::<String>())
        .unwrap_or_else(|| panic!("no report in the page:\n{dom}"));
    serde_json::from_str(&text).expect("report is JSON")
}

/// Console messages the browser logged that are errors whatever the page's hooks saw:
/// uncaught exceptions and content security policy refusals.
fn logged_errors(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains("CONSOLE") && (l.contains("Uncaught") || l.contains("Refused to")))
        .collect()
}

/// Installed before anything else on a test page: collects console errors, uncaught
/// exceptions, rejected promises and resources that failed to load.
const HOOKS: &str = r#"<script>
window.__errors = [];
(function () {
  var original = console.error;
  console.error = function () {
    window.__errors.push("console.error: " + Array.prototype.map.call(arguments, String).join(" "));
    return original.apply(console, arguments);
  };
  window.addEventListener("error", function (e) {
    var t = e.target;
    window.__errors.push(t && t !== window ? "failed to load " + (t.src || t.href) : "error: " + e.message);
  }, true);
  window.addEventListener("unhandledrejection", function (e) {
    window.__errors.push("unhandled rejection: " + e.reason);
  });
})();
</script>"#;

#[test]
fn timelinejs_renders_the_export_without_console_errors() {
    let (Some(browser), Some(dist)) = (chromium(), timelinejs()) else {
        eprintln!(
            "skipped: needs Chromium and TimelineJS3 (npm @knight-lab/timelinejs in \
             target/timelinejs; .ci/run installs both)"
        );
        return;
    };
    let seeds = root().join("timelines/syria-2016.yaml");
    let out = rashomon()
        .arg("export")
        .arg(&seeds)
        .args(["--format", "timelinejs"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let json = String::from_utf8(out.stdout).expect("UTF-8");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let slides = doc["events"].as_array().expect("events").len();

    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("timelinejs.html");
    let html = format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>TimelineJS</title>
{HOOKS}
<link rel="stylesheet" href="file://{dist}/css/timeline.css">
<script src="file://{dist}/js/timeline.js"></script>
</head><body style="margin:0">
<div id="timeline-embed" style="width:100%;height:880px"></div>
<script>
var data = {data};
var done = false;
function finish() {{
  if (done) return;
  done = true;
  var r = document.createElement("pre");
  r.id = "report";
  r.hidden = true;
  r.textContent = JSON.stringify({{
    errors: window.__errors,
    configErrors: (timeline && timeline.config && timeline.config.messages) ? timeline.config.messages.errors.map(String) : ["no config"],
    slides: document.querySelectorAll(".tl-slide").length,
    markers: document.querySelectorAll(".tl-timemarker").length,
    headline: (document.querySelector(".tl-slide-titleslide .tl-headline-title, .tl-slide-titleslide h2") || {{}}).textContent || ""
  }});
  document.body.appendChild(r);
}}
var timeline = null;
try {{
  // Self-hosted, as a newsroom page would embed it offline: scripts from the package, and a
  // font set that uses the reader's own fonts (the default one fetches web fonts).
  timeline = new TL.Timeline("timeline-embed", data, {{
    hash_bookmark: false,
    script_path: "file://{dist}/js/",
    font: "georgia-helvetica"
  }});
  timeline.on("loaded", function () {{ setTimeout(finish, 1500); }});
}} catch (e) {{
  window.__errors.push("constructor: " + e);
}}
setTimeout(finish, 6000);
</script>
</body></html>"#,
        dist = dist.display(),
        data = json.replace("</", "<\\/"),
    );
    std::fs::write(&page, html).expect("write");
    let (dom, log) = run_page(&browser, &page, 1300);
    let r = report(&dom);
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    assert_eq!(r["configErrors"], serde_json::json!([]), "{r}");
    assert!(logged_errors(&log).is_empty(), "{:#?}", logged_errors(&log));
    assert_eq!(r["markers"], slides, "{r}");
    assert_eq!(
        r["slides"],
        slides + 1,
        "a slide per event and the title: {r}"
    );
}

#[test]
fn the_page_and_its_chart_run_without_errors_under_their_policy() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: needs Chromium (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = dir.path().join("page.html");
    rashomon()
        .arg("render")
        .arg(fixture("render/small.yaml"))
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    // The hooks go in front of the page's own script, as if they were part of it.
    let html = std::fs::read_to_string(&page).expect("page");
    let probe = r#"<script>
setTimeout(function () {
  var wide = document.querySelector(".chart-wide");
  var r = document.createElement("pre");
  r.id = "report";
  r.textContent = JSON.stringify({
    errors: window.__errors,
    wide: wide ? getComputedStyle(wide).display : "missing",
    marks: document.querySelectorAll(".chart-wide a[data-event]").length,
    filterShown: !document.getElementById("filter-box").hidden
  });
  document.body.appendChild(r);
}, 500);
</script>"#;
    let html = html
        .replacen("<style>", &format!("{HOOKS}<style>"), 1)
        .replacen("</body>", &format!("{probe}</body>"), 1);
    std::fs::write(&page, html).expect("write");
    let (dom, log) = run_page(&browser, &page, 1300);
    let r = report(&dom);
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    assert!(logged_errors(&log).is_empty(), "{:#?}", logged_errors(&log));
    assert_eq!(r["wide"], "block", "the wide chart at 1300 px: {r}");
    let dated = rashomon::timeline::load(&fixture("render/small.yaml"))
        .expect("valid")
        .events
        .iter()
        .filter(|e| !e.when.is_unknown())
        .count();
    assert_eq!(r["marks"], dated, "a mark per dated event: {r}");
    assert_eq!(r["filterShown"], true);
}

/// The seeds page with the error hooks and a probe that reports, once the page's script has
/// run, what the filters show.
fn probed_seeds_page(dir: &Path) -> PathBuf {
    let page = dir.join("seeds.html");
    rashomon()
        .arg("render")
        .arg(root().join("timelines/syria-2016.yaml"))
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    let probe = r#"<script>
setTimeout(function () {
  var text = function (sel) { return Array.prototype.map.call(document.querySelectorAll(sel), function (e) { return e.textContent.trim(); }); };
  var r = document.createElement("pre");
  r.id = "report";
  r.textContent = JSON.stringify({
    errors: window.__errors,
    search: location.search,
    q: document.getElementById("f-q").value,
    disputed: document.getElementById("f-disputed").checked,
    status: document.getElementById("f-status").textContent,
    shown: Array.prototype.filter.call(document.querySelectorAll("article.event"), function (e) { return !e.parentNode.hidden; })
      .map(function (e) { return e.querySelector("h3").textContent.trim(); }),
    gaps: text("li.gap > p"),
    pinned: Array.prototype.map.call(document.querySelectorAll(".pin-note"), function (p) { return p.closest("article").querySelector("h3").textContent.trim(); }),
    none: text(".no-results p")
  });
  document.body.appendChild(r);
}, 300);
</script>"#;
    let html = std::fs::read_to_string(&page).expect("page");
    let html = html
        .replacen("<style>", &format!("{HOOKS}<style>"), 1)
        .replacen("</body>", &format!("{probe}</body>"), 1);
    std::fs::write(&page, html).expect("write");
    page
}

const STRIKE: &str = "US-led coalition bombs Syrian troops on Jabal al-Tharda near Deir ez-Zor";

#[test]
fn search_reads_dates_and_the_timelines_words_and_lives_in_the_address() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: needs Chromium (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = probed_seeds_page(dir.path());
    let url = |query: &str| format!("file://{}?{query}", page.display());
    let check = |r: &serde_json::Value, log: &str| {
        assert_eq!(r["errors"], serde_json::json!([]), "{r}");
        assert!(logged_errors(log).is_empty(), "{:#?}", logged_errors(log));
    };

    // A day in ISO form finds the strike (and the truce intervals that hold the day, and the
    // other events of that day), and nothing else.
    let (dom, log) = run_url(&browser, &url("q=2016-09-17"), 1300);
    let r = report(&dom);
    check(&r, &log);
    let shown: Vec<&str> = r["shown"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(shown.contains(&STRIKE), "{r}");
    assert_eq!(shown.len(), 7, "{r}");
    assert_eq!(r["status"], "Showing 7 of 28 events.", "{r}");
    assert_eq!(
        r["gaps"][0], "14 events hidden here · Oct 2015 – 12 Sep 2016",
        "{r}"
    );

    // "17 Sep" too; the filters come back from the address (as after a reload or from a
    // shared link), and a link to an event they hide shows it, saying why.
    let kunduz = rashomon::render::view::event_anchor("kunduz-hospital-strike");
    let (dom, log) = run_url(
        &browser,
        &url(&format!("q=17+Sep&disputed=1#{kunduz}")),
        1300,
    );
    let r = report(&dom);
    check(&r, &log);
    assert_eq!(
        (r["q"].as_str(), r["disputed"].as_bool()),
        (Some("17 Sep"), Some(true)),
        "{r}"
    );
    let shown: Vec<&str> = r["shown"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(shown.contains(&STRIKE), "{r}");
    assert_eq!(r["pinned"].as_array().map(Vec::len), Some(1), "{r}");
    assert!(
        shown.contains(&r["pinned"][0].as_str().expect("title")),
        "{r}"
    );
    assert!(
        r["status"]
            .as_str()
            .expect("status")
            .ends_with("The event the address points to is shown too."),
        "{r}"
    );

    // The page's own labels find nothing ("independent" is in every tally, "accounts" and
    // "where" are headings); no result says so, and shows where the events were.
    let (dom, log) = run_url(&browser, &url("q=independent&disputed=1"), 1300);
    let r = report(&dom);
    check(&r, &log);
    assert_eq!(r["shown"], serde_json::json!([]), "{r}");
    assert_eq!(r["status"], "No event matches.", "{r}");
    assert_eq!(
        r["gaps"][0]
            .as_str()
            .map(|g| g.starts_with("28 events hidden here · Oct 2015 – ")),
        Some(true),
        "{r}"
    );
    assert_eq!(
        r["none"],
        serde_json::json!([
            "No event matches \u{201c}independent\u{201d} with disputed only.",
            "\u{201c}independent\u{201d} alone: 0 events; disputed only alone: 14 events."
        ]),
        "{r}"
    );
}
