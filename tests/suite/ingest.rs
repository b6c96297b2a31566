//! `ingest`: reading articles and separating article, comments and furniture. One fixture
//! per phenomenon, written for these tests; the seed articles are checked for structure only.

use std::path::PathBuf;

use proptest::prelude::*;
use rashomon::ingest::{self, Document, Format, IngestError, SegmentKind};

use crate::support::{fixture, rashomon, shared};

fn read(name: &str) -> Document {
    ingest::read(&fixture(&format!("ingest/{name}"))).expect("fixture reads")
}

fn kind_name(k: &SegmentKind) -> &'static str {
    match k {
        SegmentKind::FrontMatter => "front-matter",
        SegmentKind::Headline => "headline",
        SegmentKind::Byline => "byline",
        SegmentKind::Body => "body",
        SegmentKind::Caption => "caption",
        SegmentKind::Boilerplate => "boilerplate",
        SegmentKind::Comment { .. } => "comment",
        SegmentKind::CommentMeta => "comment-meta",
    }
}

/// (kind, text) of every segment.
fn parts(doc: &Document) -> Vec<(&'static str, &str)> {
    doc.segments
        .iter()
        .map(|s| (kind_name(&s.kind), doc.slice(s)))
        .collect()
}

/// The kind of the segment whose text starts with `prefix`.
fn kind_of<'a>(doc: &'a Document, prefix: &str) -> &'a SegmentKind {
    &doc.segments
        .iter()
        .find(|s| doc.slice(s).starts_with(prefix))
        .unwrap_or_else(|| panic!("no segment starts with {prefix:?}: {:#?}", parts(doc)))
        .kind
}

fn texts_of<'a>(doc: &'a Document, kind: &str) -> Vec<&'a str> {
    parts(doc)
        .into_iter()
        .filter(|(k, _)| *k == kind)
        .map(|(_, t)| t)
        .collect()
}

/// Segments are ordered, disjoint, non-empty, trimmed, on character boundaries.
fn assert_well_formed(doc: &Document) {
    let mut at = 0;
    for s in &doc.segments {
        assert!(
            s.start >= at && s.start < s.end && s.end <= doc.text.len(),
            "{s:?}"
        );
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end));
        let t = doc.slice(s);
        assert_eq!(t, t.trim(), "segment not trimmed: {s:?}");
        at = s.end;
    }
}

fn comment_authors(doc: &Document) -> Vec<Option<&str>> {
    doc.comments()
        .map(|s| match &s.kind {
            SegmentKind::Comment { author, .. } => author.as_deref(),
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn thread_with_commenter_names() {
    let doc = read("comments_names.txt");
    assert_well_formed(&doc);
    assert_eq!(texts_of(&doc, "body").len(), 4, "{:#?}", parts(&doc));
    assert_eq!(
        comment_authors(&doc),
        [
            None, // the first comment lost its name line; it talks to the writer
            Some("Mara Quill"),
            Some("Tobias Wren"),
            Some("Mara Quill"),
            None, // after two blank lines: a new comment without a name
            Some("Tobias Wren"),
        ]
    );
    assert_eq!(texts_of(&doc, "comment-meta").len(), 4);
    assert_eq!(*kind_of(&doc, "The council will vote"), SegmentKind::Body);
}

#[test]
fn thread_with_timestamps_and_replies() {
    let doc = read("comments_timestamps.md");
    assert_well_formed(&doc);
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(*kind_of(&doc, "Talks are due to resume"), SegmentKind::Body);
    assert_eq!(
        *kind_of(&doc, "Mar 14, 2021 9:12 PM"),
        SegmentKind::CommentMeta
    );
    let posted = |prefix: &str| match kind_of(&doc, prefix) {
        SegmentKind::Comment { author, posted } => (author.clone(), posted.map(|p| p.to_string())),
        other => panic!("{prefix}: {other:?}"),
    };
    assert_eq!(
        posted("The operator made record profits"),
        (None, Some("2021-03-14 21:12:00".into()))
    );
    // "Reply to X" names the one replied to, not the writer.
    assert_eq!(
        posted("And who do you think"),
        (None, Some("2021-03-14 22:05:00".into()))
    );
    // A name printed twice by the template.
    assert_eq!(
        posted("We have had three cancelled"),
        (
            Some("Island Freight Co".into()),
            Some("2021-03-15 07:40:00".into())
        )
    );
    // A comment cut short by "Read more »" is still a comment.
    assert!(matches!(
        kind_of(&doc, "Same here"),
        SegmentKind::Comment { .. }
    ));
    assert_eq!(doc.meta.author.as_deref(), Some("Ines Calder"));
}

#[test]
fn footer_appeals_copyright_and_disclaimers() {
    let doc = read("footer.txt");
    assert_well_formed(&doc);
    assert_eq!(texts_of(&doc, "body").len(), 3, "{:#?}", parts(&doc));
    let furniture = texts_of(&doc, "boilerplate");
    assert_eq!(furniture.len(), 6, "{furniture:#?}");
    assert!(furniture[0].contains("please support"));
    assert!(furniture.iter().any(|t| t.starts_with("Articles by:")));
    assert!(furniture.last().unwrap().starts_with("For media inquiries"));
    assert_eq!(doc.comments().count(), 0);
    assert_eq!(
        texts_of(&doc, "byline"),
        ["By Oren Falk Valley Courier, August 3, 2022"]
    );
}

#[test]
fn photo_captions() {
    let doc = read("captions.txt");
    assert_well_formed(&doc);
    let captions = texts_of(&doc, "caption");
    assert_eq!(captions.len(), 3, "{:#?}", parts(&doc));
    // A descriptive line followed by a credit, as one caption.
    assert!(captions[0].starts_with("Smoke rises") && captions[0].ends_with("Wire]"));
    // A title line and a description, alone in their block.
    assert!(captions[1].starts_with("Fire chief"));
    assert_eq!(captions[2], "[Featured Image by Jon Marr/Example Wire]");
    assert_eq!(texts_of(&doc, "body").len(), 5);
}

#[test]
fn top_of_page_dateline_byline_widgets_and_tags() {
    let doc = read("header.txt");
    assert_well_formed(&doc);
    assert_eq!(
        parts(&doc)[..9].iter().map(|(k, _)| *k).collect::<Vec<_>>(),
        [
            "byline", // MARCH 2021: kept for date inference
            "headline",
            "body", // the standfirst is the outlet's prose
            "byline",
            "boilerplate",
            "caption",
            "byline",
            "boilerplate",
            "body",
        ]
    );
    assert_eq!(texts_of(&doc, "byline")[0], "MARCH 2021");
    assert!(
        texts_of(&doc, "boilerplate")
            .last()
            .unwrap()
            .starts_with("Region:")
    );
}

#[test]
fn bylines_carry_tag_lists_as_furniture() {
    let text = "Dam Talks Resume\n\nBy Ana Reis Example Post, May 2, 2020 Region: South Theme: Water\n\nNegotiators from both countries met again on Friday in the border town of Ilva to discuss the dam that has divided them for a decade, officials said.\n";
    let doc = ingest::read_str("dam.txt", text.as_bytes(), Format::Text).unwrap();
    let p = parts(&doc);
    assert_eq!(p[1], ("byline", "By Ana Reis Example Post, May 2, 2020"));
    assert_eq!(p[2], ("boilerplate", "Region: South Theme: Water"));
}

#[test]
fn front_matter_is_metadata_and_offsets_stay_file_offsets() {
    let path = fixture("ingest/frontmatter.md");
    let doc = ingest::read(&path).unwrap();
    assert_well_formed(&doc);
    assert_eq!(doc.text, std::fs::read_to_string(&path).unwrap());
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("Council Approves New Tram Line"));
    assert_eq!(m.outlet.as_deref(), Some("Example Gazette"));
    assert_eq!(m.author.as_deref(), Some("Pia Lund"));
    assert_eq!(m.url.as_deref(), Some("https://example.org/news/tram-line"));
    assert_eq!(
        m.published.map(|w| w.to_string()).as_deref(),
        Some("2021-04-09")
    );
    assert_eq!(m.language.as_deref(), Some("en"));
    let first = &doc.segments[0];
    assert_eq!(first.kind, SegmentKind::FrontMatter);
    assert!(doc.slice(first).starts_with("---\n") && doc.slice(first).ends_with("\n---"));
    assert_eq!(doc.segments[1].kind, SegmentKind::Headline);
    assert_eq!(
        doc.segments[2].kind,
        SegmentKind::Caption,
        "a Markdown image"
    );
}

#[test]
fn unknown_front_matter_key_names_file_line_and_column() {
    let err = ingest::read(&fixture("ingest/bad_frontmatter.md")).unwrap_err();
    assert!(
        matches!(
            err,
            IngestError::FrontMatter {
                line: 3,
                col: 1,
                ..
            }
        ),
        "{err:?}"
    );
    let msg = err.to_string();
    assert!(msg.ends_with("bad_frontmatter.md:3:1: front matter: unknown field `date`, expected one of title, outlet, author, url, published, language"), "{msg}");
}

#[test]
fn front_matter_values_are_checked() {
    let bad_date = "---\ntitle: X\npublished: next tuesday\n---\nText.\n";
    let err = ingest::read_str("d.md", bad_date.as_bytes(), Format::Markdown).unwrap_err();
    assert!(
        matches!(err, IngestError::FrontMatter { line: 3, .. }),
        "{err}"
    );
    let ftp = "---\nurl: ftp://example.org/x\n---\nSome text here.\n";
    let doc = ingest::read_str("u.md", ftp.as_bytes(), Format::Markdown).unwrap();
    assert_eq!(doc.meta.url, None);
    assert!(doc.warnings[0].contains("not an http(s) address"));
    let unclosed = "---\nA rule, then an article.\n";
    let doc = ingest::read_str("r.txt", unclosed.as_bytes(), Format::Text).unwrap();
    assert!(
        doc.segments
            .iter()
            .all(|s| s.kind != SegmentKind::FrontMatter)
    );
    assert!(doc.warnings[0].contains("no closing"));
}

#[test]
fn opinion_prose_stays_body() {
    // First person, "you", a "X says:" line and title-case subheadings are all article.
    let doc = read("opinion.txt");
    assert_well_formed(&doc);
    assert_eq!(doc.comments().count(), 0, "{:#?}", parts(&doc));
    let kinds: Vec<_> = parts(&doc).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds[..2], ["headline", "byline"]);
    assert!(kinds[2..].iter().all(|k| *k == "body"), "{kinds:?}");
}

#[test]
fn live_blog_timestamps_are_not_a_thread() {
    // Timestamped entries look like comment headers; reportage under them is not chat.
    let doc = read("liveblog.txt");
    assert_eq!(doc.comments().count(), 0, "{:#?}", parts(&doc));
    assert_eq!(texts_of(&doc, "body").len(), 5);
    assert_eq!(texts_of(&doc, "byline").len(), 4);
}

#[test]
fn chatty_paragraphs_at_the_end_are_a_thread() {
    let doc = read("chat_tail.txt");
    assert_eq!(doc.comments().count(), 3, "{:#?}", parts(&doc));
    assert_eq!(texts_of(&doc, "body").len(), 4);
}

#[test]
fn crlf_text_stays_byte_exact() {
    let path = fixture("ingest/crlf.txt");
    let doc = ingest::read(&path).unwrap();
    assert_well_formed(&doc);
    assert_eq!(doc.text.as_bytes(), std::fs::read(&path).unwrap());
    assert!(doc.segments.iter().all(|s| !doc.slice(s).contains('\r')));
    assert_eq!(
        comment_authors(&doc),
        [Some("Jonas Hale"), Some("Jonas Hale")]
    );
}

#[test]
fn windows_1252_is_decoded_with_a_warning() {
    let doc = read("cp1252.txt");
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0].contains("windows-1252"));
    assert!(doc.text.starts_with("Caf\u{e9} Owners"));
    assert!(doc.text.contains("\u{20ac}2 million") && doc.text.contains('\u{201c}'));
}

#[test]
fn html_page_keeps_the_article_and_its_comments() {
    let doc = read("page.html");
    assert_well_formed(&doc);
    assert_eq!(doc.format, Format::Html);
    for furniture in [
        "cookies",
        "Share on",
        "Tweet",
        "trackPageView",
        "font-family",
        "Sport",
        "Related",
        "Tags:",
        "Post Comment",
        "All rights",
    ] {
        assert!(
            !doc.text.contains(furniture),
            "{furniture} leaked into {:?}",
            doc.text
        );
    }
    // Entities decoded, inline spacing kept, <br> a line break.
    assert!(doc.text.contains("6 percent rise"));
    assert!(doc.text.contains("stoppage \u{2014} a cost"));
    assert!(doc.text.contains("\u{20ac}12 million"));
    assert!(doc.text.contains("Piet Dorn.\nWork resumed"));
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("Port Workers Agree Pay Deal"));
    assert_eq!(m.outlet.as_deref(), Some("Example Herald"));
    assert_eq!(m.author.as_deref(), Some("Rosa Ilves"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://herald.example.org/port-deal")
    );
    assert_eq!(
        m.published.map(|w| w.to_string()).as_deref(),
        Some("2019-11-04T08:30:00Z")
    );
    assert_eq!(m.language.as_deref(), Some("en-GB"));
    let p = parts(&doc);
    assert_eq!(p[0], ("headline", "Port Workers Agree Pay Deal"));
    assert_eq!(p[1], ("byline", "By Rosa Ilves, Harbour Correspondent"));
    assert!(matches!(
        kind_of(&doc, "Cranes stand idle"),
        SegmentKind::Caption
    ));
    assert_eq!(texts_of(&doc, "body").len(), 5, "{p:#?}");
    let comments: Vec<_> = doc
        .comments()
        .map(|s| match &s.kind {
            SegmentKind::Comment { author, posted } => (
                author.clone().unwrap_or_default(),
                posted.map(|p| p.to_string()).unwrap_or_default(),
                doc.slice(s),
            ),
            _ => unreachable!(),
        })
        .collect();
    assert_eq!(
        comments,
        [
            (
                "harbourfan".to_string(),
                "2019-11-04 10:15:00".to_string(),
                "About time. The stoppage hurt everyone in town."
            ),
            (
                "Mia K".to_string(),
                "2019-11-04 11:40:00".to_string(),
                "Six percent is less than they asked for, but better than nothing."
            ),
        ]
    );
}

#[test]
fn html_without_article_element_and_with_outside_headline() {
    let page = r#"<!doctype html><html><head><title>Quay Works</title></head><body>
      <nav>Home | World | Sport</nav>
      <h1>Quay Works Begin</h1>
      <div id="content"><p>Work to strengthen the old quay began on Monday and will last until the spring, the harbour office said in a statement.</p>
      <p>The quay was built in 1887 and last repaired in 1962, when a storm broke part of its outer wall.</p></div>
      <div class="social-share">Share this article</div>
    </body></html>"#;
    let doc = ingest::read_str("quay.html", page.as_bytes(), Format::Html).unwrap();
    assert_eq!(parts(&doc)[0], ("headline", "Quay Works Begin"));
    assert_eq!(texts_of(&doc, "body").len(), 2);
    assert!(!doc.text.contains("Sport") && !doc.text.contains("Share"));
    assert_eq!(doc.meta.title.as_deref(), Some("Quay Works"));
}

#[test]
fn absurdly_deep_pages_are_read_flat_and_fast() {
    let depth = 50_000;
    let page = format!(
        "<html><body>{}<p>Deep &amp; buried.</p><p>Still here.</p>{}<script>x()</script></body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let doc = ingest::read_str("deep.html", page.as_bytes(), Format::Html).unwrap();
    assert!(
        doc.warnings[0].contains("nested more than"),
        "{:?}",
        doc.warnings
    );
    assert_eq!(doc.text, "Deep & buried.\n\nStill here.");
}

#[test]
fn folders_are_walked_sorted_with_unique_ids() {
    let docs = ingest::read_all(&[fixture("ingest/folder")]).unwrap();
    let got: Vec<(&str, Format)> = docs.iter().map(|d| (d.id.as_str(), d.format)).collect();
    assert_eq!(
        got,
        [
            ("a", Format::Text),
            ("a-2", Format::Markdown),
            ("page", Format::Html)
        ]
    );
    // The same file named twice is read once.
    let twice = ingest::read_all(&[
        fixture("ingest/folder/a.txt"),
        fixture("ingest/folder/a.txt"),
    ])
    .unwrap();
    assert_eq!(twice.len(), 1);
}

#[test]
fn unknown_extensions_are_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("story.data");
    std::fs::write(&page, "<!DOCTYPE html><html><body><p>The ferry ran again on Sunday after a week in dry dock for repairs to its hull.</p></body></html>").unwrap();
    let text = dir.path().join("notes.data");
    std::fs::write(&text, "The ferry ran again on Sunday.").unwrap();
    let docs = ingest::read_all(&[page, text]).unwrap();
    assert_eq!(docs[0].format, Format::Text);
    assert_eq!(docs[1].format, Format::Html);
    assert_eq!(docs[1].id, "story");
}

#[test]
fn empty_and_missing_files_are_errors_naming_the_file() {
    let err = ingest::read_str("blank.txt", b"  \n\n", Format::Text).unwrap_err();
    assert_eq!(err.to_string(), "blank.txt: the file is empty");
    let err =
        ingest::read_str("s.html", b"<html><script>x()</script></html>", Format::Html).unwrap_err();
    assert_eq!(err.to_string(), "s.html: no article text found in the page");
    let missing = PathBuf::from("no/such/file.txt");
    let err = ingest::read_all(std::slice::from_ref(&missing)).unwrap_err();
    assert!(
        err.to_string().starts_with("cannot read no/such/file.txt:"),
        "{err}"
    );
}

#[test]
fn utf8_bom_and_utf16_are_read() {
    let doc = ingest::read_str(
        "b.txt",
        "\u{feff}Headline\n\nText.".as_bytes(),
        Format::Text,
    )
    .unwrap();
    // The mark stays in the text, outside every segment, so offsets are file offsets.
    assert!(doc.text.starts_with("\u{feff}Headline") && doc.warnings.is_empty());
    assert_eq!(doc.segments[0].start, 3);
    assert_eq!(doc.slice(&doc.segments[0]), "Headline");
    let mut utf16 = vec![0xfe, 0xff];
    for u in "Headline\n\nText.".encode_utf16() {
        utf16.extend_from_slice(&u.to_be_bytes());
    }
    let doc = ingest::read_str("w.txt", &utf16, Format::Text).unwrap();
    assert_eq!(doc.text, "Headline\n\nText.");
    assert!(doc.warnings[0].contains("UTF-16BE"));
}

/// The seed articles (when `../shared` is present): checked for structure, not text.
#[test]
fn seeds_article_and_thread_separate() {
    let Some(shared) = shared() else { return };
    let docs = ingest::read_all(&[shared.join("corpus/seeds")]).unwrap();
    assert_eq!(docs.len(), 5);
    for doc in &docs {
        assert_well_formed(doc);
        assert!(doc.body().count() >= 8, "{}: {:#?}", doc.id, parts(doc));
        let last_body = doc.body().last().unwrap().end;
        let has_thread = doc.comments().next().is_some();
        if has_thread {
            let first_comment = doc
                .segments
                .iter()
                .find(|s| {
                    matches!(
                        s.kind,
                        SegmentKind::Comment { .. } | SegmentKind::CommentMeta
                    )
                })
                .unwrap();
            assert!(
                first_comment.start > last_body,
                "{}: comment before body end",
                doc.id
            );
        }
        let expect_thread = doc.id.starts_with("000") || doc.id.starts_with("002");
        assert_eq!(has_thread, expect_thread, "{}", doc.id);
    }
    let footer = &docs[1];
    let furniture_after_body = footer
        .segments
        .iter()
        .filter(|s| {
            s.kind == SegmentKind::Boilerplate && s.start > footer.body().last().unwrap().end
        })
        .count();
    assert!(furniture_after_body >= 6, "{:#?}", parts(footer));
}

#[test]
fn cli_prints_segments_as_text_and_json() {
    let out = rashomon()
        .args(["ingest", "--json"])
        .arg(fixture("ingest/comments_names.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &v[0];
    assert_eq!(doc["id"], "comments-names");
    assert_eq!(doc["format"], "text");
    assert_eq!(doc["segments"][0]["kind"], "headline");
    let authors: Vec<&str> = doc["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["author"].as_str())
        .collect();
    assert_eq!(authors[0], "Mara Quill");

    let text = rashomon()
        .arg("ingest")
        .arg(fixture("ingest/folder"))
        .output()
        .unwrap();
    assert!(text.status.success());
    let s = String::from_utf8(text.stdout.clone()).unwrap();
    assert!(s.contains("a-2  markdown"), "{s}");
    assert!(
        s.contains("  headline       0..20         First Folder Article"),
        "{s}"
    );
    // Same input, same bytes.
    let again = rashomon()
        .arg("ingest")
        .arg(fixture("ingest/folder"))
        .output()
        .unwrap();
    assert_eq!(text.stdout, again.stdout);

    let bad = rashomon()
        .arg("ingest")
        .arg(fixture("ingest/bad_frontmatter.md"))
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("bad_frontmatter.md:3:1"));
}

/// Lines that look like parts of pages, to throw at the segmenter in any order.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("\r".to_string()),
        Just("Jane Roe".to_string()),
        Just("Sep 26, 2016 12:16 AM".to_string()),
        Just("Reply to  jroe".to_string()),
        Just("12 Comments".to_string()),
        Just("By Jane Roe from The Example".to_string()),
        Just("Copyright \u{a9} Example".to_string()),
        Just("[Photo by A/B]".to_string()),
        Just("---".to_string()),
        Just("Thanks, you are right! I agree.".to_string()),
        Just("The minister said on Monday that the talks would continue next week in Geneva, and that both sides had agreed to a ceasefire.".to_string()),
        "[ -~\u{e9}\u{201c}\u{2019}<>*#_]{0,80}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_segments_cleanly(lines in prop::collection::vec(page_line(), 0..40)) {
        let text = lines.join("\n");
        if let Ok(doc) = ingest::read_str("p.txt", text.as_bytes(), Format::Text) {
            assert_well_formed(&doc);
            prop_assert_eq!(&doc.text, &text);
        }
        let html = lines.iter().map(|l| format!("<p>{l}</p>")).collect::<String>();
        if let Ok(doc) = ingest::read_str("p.html", html.as_bytes(), Format::Html) {
            assert_well_formed(&doc);
        }
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for format in [Format::Text, Format::Markdown, Format::Html] {
            if let Ok(doc) = ingest::read_str("b", &bytes, format) {
                assert_well_formed(&doc);
            }
        }
    }
}

#[test]
fn an_editors_note_above_the_story_is_not_its_headline() {
    let text = "(Updates with the mayor's statement)\n\
                Flood waters close the ring road\n\n\
                The river burst its banks on Sunday night, closing the ring road and flooding \
                two hundred homes in the lower town.";
    let doc = ingest::read_str("w.txt", text.as_bytes(), Format::Text).expect("reads");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Flood waters close the ring road")
    );
    // A bracketed aside in a headline keeps it a headline.
    let text = "Ferry (and crew) missing off Vylkove\n\nThe ferry left the harbour on Sunday \
                morning with eleven crew and has not been heard from since then.";
    let doc = ingest::read_str("w.txt", text.as_bytes(), Format::Text).expect("reads");
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Ferry (and crew) missing off Vylkove")
    );
}
