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
        .arg(format!("file://{}", page.display()))
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
