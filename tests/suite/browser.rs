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

/// The inline scripts' bodies of a `<script>...</script>` block.
fn bodies(tags: &str) -> Vec<&str> {
    tags.split("<script>")
        .skip(1)
        .filter_map(|rest| rest.split("</script>").next())
        .collect()
}

/// A page with test scripts added (`head` first in the head, `tail` at the end of the body),
/// its content security policy extended with their hashes, as if they were the page's own.
fn with_scripts(html: &str, head: &str, tail: &str) -> String {
    let hashes: Vec<String> = bodies(head)
        .into_iter()
        .chain(bodies(tail))
        .map(rashomon::render::html::script_hash)
        .map(|h| h.replace('\'', "&#39;"))
        .collect();
    let html = html.replacen(
        "script-src ",
        &format!("script-src {} ", hashes.join(" ")),
        1,
    );
    // After the policy, so that it applies to them as to the page's own scripts.
    let policy = html.find("Content-Security-Policy").expect("a policy");
    let after = policy + html[policy..].find('>').expect("the meta ends") + 1;
    format!("{}{head}{}", &html[..after], &html[after..]).replacen(
        "</body>",
        &format!("{tail}</body>"),
        1,
    )
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
    let html = with_scripts(&html, HOOKS, probe);
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
    let html = with_scripts(&html, HOOKS, probe);
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

/// XSS payloads, put in every field of a timeline: markup, attribute breakouts, script URLs
/// in every spelling, template syntax, entities, CSS and odd characters. The ones that run
/// call `alert` or set `window.pwned`, which the test page traps.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "\"><script>alert(2)</script>",
    "'><img src=x onerror=alert(3)>",
    "<img src=x onerror=\"window.pwned=4\">",
    "<svg onload=alert(5)>",
    "<svg><script>alert(6)</script></svg>",
    "<iframe src=\"javascript:alert(7)\"></iframe>",
    "javascript:alert(8)",
    "JaVaScRiPt:alert(9)",
    " javascript:alert(10)",
    "java\tscript:alert(11)",
    "\u{0}javascript:alert(12)",
    "data:text/html,<script>alert(13)</script>",
    "vbscript:msgbox(14)",
    "</textarea><script>alert(15)</script>",
    "</title><script>alert(16)</script>",
    "</style><script>alert(17)</script>",
    "</script><script>alert(18)</script>",
    "<!--<script>alert(19)//-->",
    "\"onmouseover=\"alert(20)",
    "' autofocus onfocus='alert(21)",
    "<a href=\"javascript:alert(22)\">x</a>",
    "<math><mi xlink:href=\"javascript:alert(23)\">x</mi></math>",
    "<details open ontoggle=alert(24)>",
    "<video><source onerror=\"alert(25)\"></video>",
    "<body onload=alert(26)>",
    "<input autofocus onfocus=alert(27)>",
    "<marquee onstart=alert(28)>",
    "<object data=\"javascript:alert(29)\"></object>",
    "<embed src=\"javascript:alert(30)\">",
    "<form action=\"javascript:alert(31)\"><button>x</button></form>",
    "<base href=\"http://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(32)\">",
    "<link rel=stylesheet href=\"http://evil.example/x.css\">",
    "<style>@import 'http://evil.example/x.css';</style>",
    "<div style=\"background:url(http://evil.example/x)\">x</div>",
    "{{constructor.constructor('alert(33)')()}}",
    "${alert(34)}",
    "#{alert(35)}",
    "&lt;script&gt;alert(36)&lt;/script&gt;",
    "&#60;script&#62;alert(37)&#60;/script&#62;",
    "%3Cscript%3Ealert(38)%3C/script%3E",
    "\u{2028}alert(39)\u{2029}",
    "\u{202e}tpircs\u{202d}",
    "<scr<script>ipt>alert(40)</scr</script>ipt>",
    "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
    "<img src=\"x\" onerror=\"top.pwned=41\">",
    "<x onclick=alert(42)>click</x>",
    "http://evil.example/\"onmouseover=\"alert(43)",
    "https://evil.example/<script>alert(44)</script>",
    "HTTPS://evil.example/#\"><img src=x onerror=alert(45)>",
    "https://evil.example/x' onerror='alert(46)",
    "http://evil.example/\u{0}\"><svg onload=alert(47)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(48)>\">",
    "<template><script>alert(49)</script></template>",
    "<svg><animate onbegin=alert(50) attributeName=x dur=1s>",
    "<isindex action=javascript:alert(51) type=submit>",
    "<keygen autofocus onfocus=alert(52)>",
    "<select autofocus onfocus=alert(53)>",
    "<textarea autofocus onfocus=alert(54)>",
    "-->alert(55)<!--",
    "\"; alert(56); \"",
    "'; alert(57); '",
    "\\\"; alert(58); //",
    "<a id=foo-title>anchor clash</a>",
    "<script>document.title='PWNED'</script>",
];

/// A timeline with a payload in every field, and ids chosen to clash with the page's own
/// (`foo` and `foo-title`, `acc` and `acc-who`).
fn payload_timeline() -> rashomon::timeline::Timeline {
    use rashomon::timeline::*;
    let mut t = Timeline {
        title: PAYLOADS[0].into(),
        description: Some(PAYLOADS[1].into()),
        ..Timeline::default()
    };
    let mut ids: Vec<String> = PAYLOADS.iter().map(|p| p.to_string()).collect();
    ids.extend(
        [
            "foo",
            "foo-title",
            "foo-disputes",
            "foo-accounts",
            "acc",
            "acc-who",
        ]
        .map(String::from),
    );
    for (i, id) in ids.iter().enumerate() {
        let p = PAYLOADS[i % PAYLOADS.len()];
        let q = PAYLOADS[(i + 1) % PAYLOADS.len()];
        let source = format!("{id}-src");
        t.sources.push(Source {
            id: source.clone(),
            title: Some(p.into()),
            outlet: Some(q.into()),
            author: Some(p.into()),
            url: Some(format!("https://evil.example/{q}")),
            published: Some(When::day(2016, 9, 1 + (i % 28) as u8)),
            notes: Some(p.into()),
            republishes: (i > 0).then(|| format!("{}-src", ids[i - 1])),
            ..Source::default()
        });
        let account = |suffix: &str, value: &str| Account {
            id: if id == "acc" || id == "acc-who" {
                format!("{id}{suffix}").trim_end_matches("-a").to_string()
            } else {
                format!("{id}{suffix}")
            },
            source: source.clone(),
            claimant: p.into(),
            via: vec![q.into()],
            summary: Some(q.into()),
            quote: Some(p.into()),
            facets: [
                (p.to_string(), FacetValue::Text(value.into())),
                ("killed".to_string(), FacetValue::Text(value.into())),
            ]
            .into(),
            ..Account::default()
        };
        t.events.push(Event {
            id: id.clone(),
            title: p.into(),
            when: When::day(2016, 9, 1 + (i % 28) as u8),
            places: vec![q.into()],
            actors: vec![p.into()],
            tags: vec![q.into(), p.into()],
            accounts: vec![account("-a", p), account("-b", q)],
            disputes: vec![Dispute {
                facet: "killed".into(),
                positions: Vec::new(),
                note: Some(p.into()),
            }],
            notes: Some(q.into()),
        });
        if i > 0 {
            t.relations.push(Relation {
                from: id.clone(),
                to: ids[i - 1].clone(),
                kind: RelationKind::CausedBy,
                claimed_by: vec![format!("{id}-b")],
                note: Some(p.into()),
            });
        }
    }
    t
}

/// Traps what a payload would do: alerts and friends, a setter on `window.pwned`, a changed
/// title. Goes in first, before the page's content.
const TRAPS: &str = r#"<script>
window.__ran = [];
["alert", "confirm", "prompt", "print"].forEach(function (name) {
  window[name] = function (m) { window.__ran.push(name + ": " + m); };
});
Object.defineProperty(window, "pwned", {
  set: function (v) { window.__ran.push("pwned = " + v); },
  get: function () { return undefined; }
});
</script>"#;

/// Reports what ran, every id used twice, event-handler attributes, non-http(s) links and
/// resources fetched.
const INSPECT: &str = r#"<script>
setTimeout(function () {
  var seen = {}, dup = [], handlers = [], links = [];
  Array.prototype.forEach.call(document.querySelectorAll("*"), function (el) {
    if (el.id) { if (seen[el.id]) dup.push(el.id); seen[el.id] = true; }
    Array.prototype.forEach.call(el.attributes, function (a) {
      if (/^on/i.test(a.name)) handlers.push(el.tagName + " " + a.name);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("[href]"), function (a) {
    var h = a.getAttribute("href");
    if (!/^(https?:\/\/|#)/i.test(h)) links.push(h);
  });
  var r = document.createElement("pre");
  r.id = "report";
  r.textContent = JSON.stringify({
    ran: window.__ran,
    title: document.title,
    duplicates: dup,
    handlers: handlers,
    links: links,
    resources: performance.getEntriesByType("resource").map(function (e) { return e.name; }),
    scripts: document.scripts.length,
    filtersReady: !document.getElementById("filter-box").hidden
  });
  document.body.appendChild(r);
}, 1000);
</script>"#;

fn render_payloads(dir: &Path) -> PathBuf {
    let yaml = dir.join("payloads.yaml");
    let text = rashomon::timeline::to_yaml(&payload_timeline()).expect("saves");
    std::fs::write(&yaml, text).expect("write");
    let page = dir.join("payloads.html");
    rashomon()
        .arg("render")
        .arg(&yaml)
        .arg("-o")
        .arg(&page)
        .assert()
        .success();
    page
}

/// The payload timeline, rendered and loaded: with its policy, and again without any (so
/// escaping alone is tested), nothing runs, no id repeats, no handler attribute or script
/// link exists and nothing is fetched; the page's own script runs under its policy.
#[test]
fn the_payload_timeline_runs_nothing() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: needs Chromium (.ci/run installs it)");
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let page = render_payloads(dir.path());
    let html = std::fs::read_to_string(&page).expect("page");
    let title = {
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("title").expect("selector");
        doc.select(&sel)
            .next()
            .expect("a title")
            .text()
            .collect::<String>()
    };
    let policy_start = html
        .find("<meta http-equiv=\"Content-Security-Policy\"")
        .expect("policy");
    let policy_end = policy_start + html[policy_start..].find('>').expect("end") + 1;
    let without_policy = format!("{}{TRAPS}{}", &html[..policy_start], &html[policy_end..])
        .replacen("</body>", &format!("{INSPECT}</body>"), 1);
    for (name, html) in [
        ("with its policy", with_scripts(&html, TRAPS, INSPECT)),
        ("without a policy", without_policy),
    ] {
        let test_page = dir.path().join("test.html");
        std::fs::write(&test_page, html).expect("write");
        let (dom, log) = run_page(&browser, &test_page, 1300);
        let r = report(&dom);
        assert_eq!(r["ran"], serde_json::json!([]), "{name}: {r}");
        assert_eq!(r["title"], title.as_str(), "{name}: {r}");
        assert_eq!(r["duplicates"], serde_json::json!([]), "{name}: {r}");
        assert_eq!(r["handlers"], serde_json::json!([]), "{name}: {r}");
        assert_eq!(r["links"], serde_json::json!([]), "{name}: {r}");
        assert_eq!(r["resources"], serde_json::json!([]), "{name}: {r}");
        assert_eq!(
            r["scripts"], 4,
            "the page's two (its search data and its script) and the test's, no other: {name}: {r}"
        );
        assert_eq!(
            r["filtersReady"], true,
            "the page's script ran: {name}: {r}"
        );
        assert!(
            logged_errors(&log).is_empty(),
            "{name}: {:#?}",
            logged_errors(&log)
        );
    }
}

fn axe() -> Option<PathBuf> {
    let path = match std::env::var_os("RASHOMON_AXE") {
        Some(p) => PathBuf::from(p),
        None => root().join("target/axe/node_modules/axe-core/axe.min.js"),
    };
    path.exists().then_some(path)
}

/// axe-core finds no violation on the example page, the small fixture and the payload page.
/// axe is a test tool loaded from disk, so the page's policy is left out for this run.
#[test]
fn axe_core_reports_no_violation() {
    let (Some(browser), Some(axe)) = (chromium(), axe()) else {
        eprintln!(
            "skipped: needs Chromium and axe-core (npm axe-core in target/axe; .ci/run installs both)"
        );
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut pages = vec![render_payloads(dir.path())];
    for (name, yaml) in [
        ("small.html", fixture("render/small.yaml")),
        ("example.html", root().join("timelines/syria-2016.yaml")),
    ] {
        let page = dir.path().join(name);
        rashomon()
            .arg("render")
            .arg(&yaml)
            .arg("-o")
            .arg(&page)
            .assert()
            .success();
        pages.push(page);
    }
    let runner = r#"<script>
axe.run(document, { resultTypes: ["violations"] }).then(function (r) {
  var out = document.createElement("pre");
  out.id = "report";
  out.textContent = JSON.stringify(r.violations.map(function (v) {
    return v.id + ": " + v.help + " (" + v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); }).join("; ") + ")";
  }));
  document.body.appendChild(out);
}, function (e) {
  var out = document.createElement("pre");
  out.id = "report";
  out.textContent = JSON.stringify(["axe failed: " + e]);
  document.body.appendChild(out);
});
</script>"#;
    for page in pages {
        let html = std::fs::read_to_string(&page).expect("page");
        let start = html
            .find("<meta http-equiv=\"Content-Security-Policy\"")
            .expect("policy");
        let end = start + html[start..].find('>').expect("end") + 1;
        let html = format!("{}{}", &html[..start], &html[end..]).replacen(
            "</body>",
            &format!(
                "<script src=\"file://{}\"></script>{runner}</body>",
                axe.display()
            ),
            1,
        );
        let test_page = dir.path().join("axe.html");
        std::fs::write(&test_page, html).expect("write");
        let (dom, _) = run_page(&browser, &test_page, 1300);
        assert_eq!(report(&dom), serde_json::json!([]), "{}", page.display());
    }
}
