//! `rashomon render`: the page for a small invented timeline (snapshots of its markup and of
//! its normalised YAML), escaping of hostile data, determinism, and a page that fetches nothing.

use std::collections::BTreeMap;

use rashomon::render::html::page;
use rashomon::timeline::{
    Account, Dispute, Event, FacetValue, Position, Relation, RelationKind, Source, Stance,
    Timeline, When,
};
use scraper::{Html, Selector};

use crate::support::{fixture, rashomon};

fn render(args: &[&str]) -> String {
    let out = rashomon().arg("render").args(args).assert().success();
    String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8 output")
}

fn small_html() -> String {
    render(&[fixture("render/small.yaml").to_str().expect("UTF-8 path")])
}

/// The markup without our stylesheet and script, so that a style tweak does not churn the
/// snapshot of what the page says.
fn markup_only(html: &str) -> String {
    let mut out = html.to_string();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        if let (Some(a), Some(b)) = (out.find(open), out.rfind(close)) {
            out.replace_range(a + open.len()..b, "…");
        }
    }
    out
}

fn select_in<'a>(el: &scraper::ElementRef<'a>, css: &str) -> Vec<scraper::ElementRef<'a>> {
    el.select(&Selector::parse(css).expect("valid selector"))
        .collect()
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("valid selector");
    doc.select(&selector).collect()
}

#[test]
fn small_timeline_page() {
    insta::assert_snapshot!("small_html", markup_only(&small_html()));
}

#[test]
fn small_timeline_normalised_yaml() {
    let yaml = render(&[
        fixture("render/small.yaml").to_str().expect("UTF-8 path"),
        "--format",
        "yaml",
    ]);
    insta::assert_snapshot!("small_yaml", yaml);
}

#[test]
fn writes_the_page_to_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("page.html");
    rashomon()
        .arg("render")
        .arg(fixture("render/small.yaml"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&out).expect("page written");
    assert_eq!(written, small_html());
}

#[test]
fn same_timeline_same_bytes() {
    assert_eq!(small_html(), small_html());
    let t = hostile();
    assert_eq!(page(&t).expect("renders"), page(&t).expect("renders"));
}

#[test]
fn page_references_nothing_external() {
    let html = small_html();
    for needle in [
        "src=\"http",
        "src='http",
        "<link",
        "@import",
        "url(",
        "<iframe",
        "<img",
        "//fonts.",
    ] {
        assert!(!html.contains(needle), "page contains {needle}");
    }
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "[src]").is_empty(), "nothing is loaded by src");
    assert_eq!(select(&doc, "style").len(), 1);
    // Our script, and the search index: data that is never run.
    assert_eq!(select(&doc, "script").len(), 2);
    assert_eq!(
        select(&doc, "script[type=\"application/json\"][data-search-index]").len(),
        1
    );
    let csp = select(&doc, "meta[http-equiv=\"Content-Security-Policy\"]");
    let policy = csp[0].value().attr("content").unwrap_or_default();
    assert!(policy.starts_with("default-src 'none'"), "{policy}");
}

#[test]
fn page_shows_what_the_timeline_says() {
    let html = small_html();
    let doc = Html::parse_document(&html);
    let text = |css: &str| -> Vec<String> {
        select(&doc, css)
            .iter()
            .map(|e| {
                e.text()
                    .collect::<String>()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    };
    // Events in date order, each at its own precision.
    assert_eq!(
        text("article.event .event-when"),
        ["c. Nov 2020", "12 Mar 2021", "17–18 Mar 2021"]
    );
    let datetimes: Vec<&str> = select(&doc, "article.event > .event-when time")
        .iter()
        .filter_map(|t| t.value().attr("datetime"))
        .collect();
    assert_eq!(
        datetimes,
        ["2020-11", "2021-03-12"],
        "intervals have no datetime"
    );
    assert_eq!(
        text("#event-warehouse-fire .tally"),
        ["6 accounts from 4 sources, 3 independent"]
    );
    assert_eq!(
        text("#event-warehouse-fire .disputed-badge"),
        ["≠ Disputed: cause, killed"]
    );
    assert_eq!(select(&doc, "article.event.is-disputed").len(), 1);
    // Positions in order of first appearance, each with who holds it and in what words.
    assert_eq!(
        text("#event-warehouse-fire table.dispute tbody th[scope=row]"),
        ["electrical fault", "arson", "insurance fraud", "3", "5"]
    );
    assert_eq!(
        text("#event-warehouse-fire table.dispute caption"),
        ["cause", "killed"]
    );
    assert!(html.contains("in North Wire</span>: <q>at least 3</q>"));
    // A claimant who holds a position in two accounts of one source holds it in one row.
    let arson = select(&doc, "#event-warehouse-fire table.dispute tbody tr")[1];
    assert_eq!(select_in(&arson, "li").len(), 1);
    let links: Vec<&str> = select_in(&arson, ".also a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links, ["#account-post-fire", "#account-post-fire-again"]);
    assert!(html.contains("in Coastal Post, a reader comment</span>"));
    assert_eq!(
        text("#account-post-fire .claimant"),
        ["Dock Workers' Union, via Radio Veld"]
    );
    assert_eq!(
        text("#account-post-comment .comment-mark"),
        ["Reader comment"]
    );
    assert_eq!(text("#account-post-march .stated"), ["Said 15 Mar 2021"]);
    assert!(text("#account-daily-fire .account-source")[0].contains("a copy of North Wire"));
    assert!(
        text("#event-protest .relations")[0].contains("In response to Fire destroys warehouse 7")
    );
    assert!(text("#source-veldmark-daily")[0].contains("Republishes North Wire"));
    // Semantic landmarks and headers.
    for css in [
        "header.masthead",
        "main",
        "nav",
        "footer",
        "table th[scope=col]",
    ] {
        assert!(!select(&doc, css).is_empty(), "no {css}");
    }
    assert_eq!(select(&doc, "a.skip[href=\"#events\"]").len(), 1);
    for control in select(&doc, "form input, form select") {
        let id = control.value().id().expect("control has an id");
        let label = format!("label[for=\"{id}\"]");
        assert_eq!(select(&doc, &label).len(), 1, "no label for {id}");
    }
}

#[test]
fn example_timeline_renders_every_event() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/syria-2016.yaml");
    if !path.is_file() {
        return;
    }
    let timeline = rashomon::timeline::load(&path).expect("example loads");
    let html = render(&[path.to_str().expect("UTF-8 path")]);
    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "article.event").len(), timeline.events.len());
    assert_eq!(
        select(&doc, "#sources li[id^=source-]").len(),
        timeline.sources.len()
    );
    assert!(select(&doc, "[src]").is_empty());
    let mut ids = std::collections::BTreeSet::new();
    for el in select(&doc, "[id]") {
        let id = el.value().attr("id").unwrap_or_default();
        assert!(ids.insert(id), "duplicate id {id}");
    }
    for a in select(&doc, "a[href^=\"#\"]") {
        let target = &a.value().attr("href").unwrap_or_default()[1..];
        let by_id = format!("[id=\"{target}\"]");
        assert_eq!(select(&doc, &by_id).len(), 1, "dangling link #{target}");
    }
}

/// A timeline written by someone trying to break the page.
fn hostile() -> Timeline {
    let evil = "<script>alert(1)</script>\"onmouseover=\"alert(2)</style>'";
    let source = |id: &str, url: &str| Source {
        id: id.into(),
        outlet: Some(format!("{evil} outlet {id}")),
        title: Some(format!("{evil} title")),
        author: Some(evil.into()),
        url: Some(url.into()),
        published: Some(When::day(2020, 1, 2)),
        notes: Some(evil.into()),
        ..Source::default()
    };
    let mut facets = BTreeMap::new();
    facets.insert(format!("{evil}facet"), FacetValue::Text(evil.into()));
    facets.insert(
        "killed".into(),
        FacetValue::Text(format!("at least 3 {evil}")),
    );
    let account = |id: &str, source: &str| Account {
        id: id.into(),
        source: source.into(),
        claimant: format!("{evil} claimant"),
        via: vec![evil.into()],
        stance: Stance::Alleges,
        summary: Some(evil.into()),
        quote: Some(evil.into()),
        facets: facets.clone().into(),
        comment: true,
        ..Account::default()
    };
    let mut other = facets.clone();
    other.insert("killed".into(), FacetValue::Int(9));
    Timeline {
        title: format!("{evil} title"),
        description: Some(evil.into()),
        sources: vec![
            source("js", "javascript:alert(1)"),
            source("js2", " JavaScript:alert(1)"),
            source("data", "data:text/html,<script>alert(1)</script>"),
            source("rel", "/relative/page"),
            source("bad", "not a url at all"),
            source(
                "quote\"id",
                "https://good.example/a?x=\"onmouseover=\"alert(3)",
            ),
            source("fine", "https://good.example/story"),
        ],
        events: vec![Event {
            id: format!("{evil} id"),
            title: evil.into(),
            when: When::day(2020, 1, 1),
            places: vec![evil.into()],
            actors: vec![evil.into()],
            tags: vec![evil.into(), "plain".into()],
            accounts: vec![
                account("a<1>", "js"),
                account("a2", "data"),
                account("a3", "rel"),
                account("a4", "bad"),
                Account {
                    facets: other.into(),
                    ..account("a5\" x=\"", "quote\"id")
                },
                account("a6", "fine"),
                account("a7", "js2"),
            ],
            disputes: vec![Dispute {
                facet: "killed".into(),
                positions: vec![
                    Position {
                        value: evil.into(),
                        accounts: vec!["a<1>".into(), "ghost<b>".into()],
                    },
                    Position {
                        value: "9".into(),
                        accounts: vec!["a5\" x=\"".into()],
                    },
                ],
                note: Some(evil.into()),
            }],
            notes: Some(evil.into()),
        }],
        relations: vec![Relation {
            from: format!("{evil} id"),
            to: "<nowhere>".into(),
            kind: RelationKind::CausedBy,
            claimed_by: vec!["a<1>".into()],
            note: Some(evil.into()),
        }],
        rejected: vec![],
    }
}

#[test]
fn hostile_data_is_escaped_and_never_linked() {
    let html = page(&hostile()).expect("renders");
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only our own script and the search index"
    );
    assert_eq!(
        html.matches("</script").count(),
        2,
        "nothing closes a script early"
    );
    assert_eq!(
        html.matches("</style").count(),
        1,
        "only our own stylesheet ends"
    );
    assert!(!html.contains("\"onmouseover"));
    assert!(!html.contains("<nowhere>"));

    let doc = Html::parse_document(&html);
    assert_eq!(select(&doc, "script").len(), 2);
    assert_eq!(select(&doc, "style").len(), 1);
    // The hostile text reaches the search index as words, and the index stays JSON.
    let index = select(&doc, "script[data-search-index]");
    let index: serde_json::Value =
        serde_json::from_str(&index[0].text().collect::<String>()).expect("JSON");
    assert!(index.to_string().contains("onmouseover"), "{index}");
    for el in select(&doc, "*") {
        for (name, value) in el.value().attrs() {
            assert!(
                !name.starts_with("on"),
                "event handler attribute {name}={value}"
            );
            if name == "id" {
                assert!(
                    value
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                    "unsafe id {value}"
                );
            }
            if name == "href" || name == "cite" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://"),
                    "{name}={value}"
                );
            }
        }
    }
    let hrefs: Vec<&str> = select(&doc, "a[href^=http]")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"https://good.example/story"));
    assert!(hrefs.contains(&"https://good.example/a?x=\"onmouseover=\"alert(3)"));
    assert!(
        !hrefs
            .iter()
            .any(|h| h.contains("javascript") || h.contains("data:")),
        "{hrefs:?}"
    );
    // Addresses that are not web links are still shown, as text.
    let shown: Vec<String> = select(&doc, ".url-text code")
        .iter()
        .map(|c| c.text().collect())
        .collect();
    assert_eq!(
        shown,
        [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "/relative/page",
            "not a url at all"
        ]
    );
    // The hostile text is there for people to read, as text.
    let title: String = select(&doc, "h1")[0].text().collect();
    assert!(title.starts_with("<script>alert(1)</script>\"onmouseover="));
}

#[test]
fn hostile_yaml_through_the_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("hostile.yaml");
    std::fs::write(
        &file,
        concat!(
            "title: \"</title><script>alert(1)</script>\"\n",
            "sources:\n",
            "  - id: s\n",
            "    outlet: \"<img src=x onerror=alert(1)>\"\n",
            "events:\n",
            "  - id: \"e\\\"><svg onload=alert(1)>\"\n",
            "    title: \"</style><script>alert(2)</script>\"\n",
            "    when: 2020-01-01\n",
            "    tags: [\"\\\" onfocus=\\\"alert(3)\"]\n",
            "    accounts:\n",
            "      - source: s\n",
            "        claimant: \"<b>bold</b>\"\n",
            "        quote: \"</blockquote><script>alert(4)</script>\"\n",
        ),
    )
    .expect("write fixture");
    let html = render(&[file.to_str().expect("UTF-8 path")]);
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script").count(), 2);
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "img, b").is_empty());
    // The only SVG is the overview chart's own drawing.
    assert_eq!(
        select(&doc, "svg").len(),
        select(&doc, ".chart > svg, svg.key-mark").len()
    );
    for el in select(&doc, "*") {
        assert!(el.value().attrs().all(|(name, _)| !name.starts_with("on")));
    }
}
