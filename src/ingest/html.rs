//! Article text out of an HTML page.
//!
//! The page is parsed by a real HTML parser (scraper/html5ever, which also decodes
//! entities). We pick the article's element (`<article>`, else `<main>`, else the body),
//! drop scripts, navigation, forms, sharing widgets and the like, and write block elements
//! as paragraphs so the text segments the same way as a plain-text article. What the page
//! structure says for sure (the `<h1>`, captions, bylines, comment sections) is passed on as
//! hints. The walk is iterative: a deeply nested page cannot overflow the stack.

use std::sync::LazyLock;

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use super::comment;
use super::document::{Meta, SegmentKind};
use super::html_meta;
use super::lines::Hint;

/// The text of a page, what its structure says about parts of it, and its metadata.
pub(crate) struct Extracted {
    pub text: String,
    pub hints: Vec<Hint>,
    pub meta: Meta,
    pub warnings: Vec<String>,
}

/// Elements never read: code, media, forms, navigation, side panels.
const SKIP_TAGS: &[&str] = &[
    "aside", "audio", "button", "canvas", "dialog", "embed", "footer", "form", "head", "iframe",
    "input", "label", "link", "map", "meta", "nav", "noscript", "object", "option", "picture",
    "script", "select", "style", "svg", "template", "textarea", "title", "video",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Class and id words (split at `-` and `_`) of page furniture.
const SKIP_WORDS: &[&str] = &[
    "ad",
    "addthis",
    "addtoany",
    "ads",
    "adsbygoogle",
    "advert",
    "advertisement",
    "advertising",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "consent",
    "cookie",
    "cookies",
    "donate",
    "donation",
    "gdpr",
    "login",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "promotion",
    "recommended",
    "related",
    "share",
    "sharedaddy",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "widget",
    "widgets",
];

/// Class and id words of a byline.
const BYLINE_WORDS: &[&str] = &[
    "author",
    "authors",
    "byline",
    "dateline",
    "posted",
    "pubdate",
    "published",
    "timestamp",
];

/// Class and id words of a caption.
const CAPTION_WORDS: &[&str] = &["caption", "credit", "credits", "figcaption"];

/// Whole class names or ids of a comment section.
const COMMENT_SECTIONS: &[&str] = &[
    "comment-list",
    "comment-section",
    "comment-thread",
    "commentlist",
    "comments",
    "comments-area",
    "comments-list",
    "comments-section",
    "comments-thread",
    "disqus_thread",
];

/// Class words of a comment's header (name, date, reply link).
const COMMENT_META_WORDS: &[&str] = &[
    "author", "date", "meta", "metadata", "reply", "time", "vcard",
];

static H1: LazyLock<Selector> = LazyLock::new(|| sel("h1"));
static AUTHOR: LazyLock<Selector> = LazyLock::new(|| {
    sel(
        ".comment-author .fn, .fn, [itemprop=author], .comment-author, .author, .username, .user-name, cite",
    )
});
static TIME: LazyLock<Selector> = LazyLock::new(|| sel("time"));
static BODY: LazyLock<Selector> = LazyLock::new(|| sel("body"));
static ROOTS: LazyLock<[Selector; 4]> = LazyLock::new(|| {
    [
        sel("article"),
        sel(
            "[itemprop=articleBody], .entry-content, .post-content, .article-body, .article-content",
        ),
        sel("main, [role=main]"),
        sel("#content, .content, #main"),
    ]
});

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Extract the article text of a page.
pub(crate) fn extract(page: &str) -> Extracted {
    let mut warnings = Vec::new();
    let flattened;
    let page = if nesting_depth(page) > MAX_DEPTH {
        // The parser's scope checks are quadratic in nesting depth; a page this deep is
        // broken or hostile. Read its text without the structure.
        warnings.push(format!(
            "page nested more than {MAX_DEPTH} elements deep: read as text without its structure"
        ));
        flattened = flatten(page);
        flattened.as_str()
    } else {
        page
    };
    let trimmed;
    let page = match limit_attributes(page) {
        Some((text, most)) => {
            // The parser compares each attribute with those before it in its tag.
            warnings.push(format!(
                "a tag with {most} attributes: read with its first {MAX_ATTRIBUTES} only"
            ));
            trimmed = text;
            trimmed.as_str()
        }
        None => page,
    };
    let doc = Html::parse_document(page);
    let meta = html_meta::read(&doc, &mut warnings);
    let root = choose_root(&doc);
    let mut w = Writer::default();
    if let Some(root) = root {
        // A headline outside the article element (common) still heads the text.
        if root.select(&H1).next().is_none()
            && let Some(h1) = doc.select(&H1).next()
        {
            walk(&mut w, h1, Some(SegmentKind::Headline), false);
        }
        walk(&mut w, root, None, false);
        for section in comment_sections_outside(&doc, root) {
            walk(&mut w, section, Some(SegmentKind::CommentMeta), true);
        }
    }
    w.finish();
    Extracted {
        text: w.text,
        hints: w.hints,
        meta,
        warnings,
    }
}

/// Deeper than any real page.
const MAX_DEPTH: usize = 2000;

/// Elements that do not nest (void, or closed implicitly by the next one of their kind).
const NON_NESTING: &[&str] = &[
    "area", "base", "br", "col", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "source", "td", "th", "tr", "track", "wbr",
];

/// An estimate of the deepest element nesting, from the tags alone (one pass, no parse).
fn nesting_depth(page: &str) -> usize {
    let b = page.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let i = at + i;
        at = i + 1;
        match b.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let end = b[i + 1..]
                    .iter()
                    .position(|c| !c.is_ascii_alphanumeric())
                    .map_or(b.len(), |n| i + 1 + n);
                let name = &b[i + 1..end];
                if !NON_NESTING
                    .iter()
                    .any(|n| n.as_bytes().eq_ignore_ascii_case(name))
                {
                    depth += 1;
                    max = max.max(depth);
                }
            }
            _ => {}
        }
    }
    max
}

/// Attributes a tag keeps: far more than any real page puts on one element.
const MAX_ATTRIBUTES: usize = 1000;

/// The page with every start tag cut to its first [`MAX_ATTRIBUTES`] attributes, and the
/// most attributes a tag had; `None` when no tag has more. One pass, reading tags as the
/// HTML tokenizer does (names, `=`, quoted and unquoted values).
fn limit_attributes(page: &str) -> Option<(String, usize)> {
    let b = page.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut most = 0;
    let mut at = 0;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let mut k = at + i + 1;
        at = k;
        if !b.get(k).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'/' && b[k] != b'>' {
            k += 1;
        }
        let mut count = 0;
        let mut cut_from = None;
        loop {
            while k < b.len() && (b[k].is_ascii_whitespace() || b[k] == b'/') {
                k += 1;
            }
            if k >= b.len() || b[k] == b'>' {
                break;
            }
            let attr_start = k;
            k += 1;
            while k < b.len() && !b[k].is_ascii_whitespace() && !matches!(b[k], b'/' | b'>' | b'=')
            {
                k += 1;
            }
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if b.get(k) == Some(&b'=') {
                k += 1;
                while k < b.len() && b[k].is_ascii_whitespace() {
                    k += 1;
                }
                match b.get(k) {
                    Some(&q @ (b'"' | b'\'')) => {
                        k = memchr::memchr(q, &b[k + 1..]).map_or(b.len(), |n| k + 1 + n + 1);
                    }
                    _ => {
                        while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                            k += 1;
                        }
                    }
                }
            }
            count += 1;
            if count == MAX_ATTRIBUTES + 1 {
                cut_from = Some(attr_start);
            }
        }
        if let Some(from) = cut_from {
            cuts.push((from, k.min(b.len())));
            most = most.max(count);
        }
        at = at.max(k);
    }
    if cuts.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(page.len());
    let mut last = 0;
    for (from, to) in cuts {
        out.push_str(&page[last..from]);
        last = to;
    }
    out.push_str(&page[last..]);
    Some((out, most))
}

/// The page with scripts and styles removed and every tag turned into a paragraph break;
/// the parser then only decodes entities.
fn flatten(page: &str) -> String {
    static CODE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->")
            .expect("static regex")
    });
    static TAG: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"<[^>]*>").expect("static regex"));
    let without_code = CODE.replace_all(page, "");
    let text = TAG.replace_all(&without_code, "<p>");
    format!("<html><body>{text}</body></html>")
}

/// The element holding the article: the `<article>` with the most text, else a main-content
/// container, else the body.
fn choose_root(doc: &Html) -> Option<ElementRef<'_>> {
    for selector in ROOTS.iter() {
        let best = doc
            .select(selector)
            .filter(|e| !is_comment_section(e))
            .map(|e| (text_len(&e), e))
            .filter(|(n, _)| *n >= 200)
            .max_by_key(|(n, _)| *n);
        if let Some((_, e)) = best {
            return Some(e);
        }
    }
    doc.select(&BODY).next().or(Some(doc.root_element()))
}

fn text_len(e: &ElementRef) -> usize {
    e.text().map(|t| t.trim().len()).sum()
}

/// Comment sections that are not inside the article element (nor contain it).
fn comment_sections_outside<'a>(doc: &'a Html, root: ElementRef<'a>) -> Vec<ElementRef<'a>> {
    let root_id = root.id();
    let mut out: Vec<ElementRef> = Vec::new();
    for e in doc.root_element().descendent_elements() {
        if !is_comment_section(&e) {
            continue;
        }
        let mut ancestors = e.ancestors().map(|a| a.id());
        let inside = ancestors.any(|a| a == root_id || out.iter().any(|o| o.id() == a));
        let contains = root.ancestors().any(|a| a.id() == e.id());
        if !inside && !contains && e.id() != root_id {
            out.push(e);
        }
    }
    out
}

fn is_comment_section(e: &ElementRef) -> bool {
    let v = e.value();
    v.id()
        .is_some_and(|id| COMMENT_SECTIONS.contains(&id.to_ascii_lowercase().as_str()))
        || v.classes()
            .any(|c| COMMENT_SECTIONS.contains(&c.to_ascii_lowercase().as_str()))
}

/// One comment in a comment section.
fn is_comment_item(e: &ElementRef) -> bool {
    let v = e.value();
    if !matches!(v.name(), "li" | "article" | "div" | "section") {
        return false;
    }
    v.classes().any(|c| {
        let c = c.to_ascii_lowercase();
        c == "comment" || c == "comment-item" || c == "single-comment" || c == "comment-body"
    }) || v.attr("itemtype").is_some_and(|t| t.ends_with("/Comment"))
}

/// Lower-case words of an element's class names and id, split at `-` and `_`.
fn has_word(e: &ElementRef, words: &[&str]) -> bool {
    let v = e.value();
    v.classes()
        .chain(v.id())
        .flat_map(|c| c.split(['-', '_']))
        .any(|w| words.contains(&w.to_ascii_lowercase().as_str()))
}

fn is_hidden(e: &ElementRef) -> bool {
    let v = e.value();
    v.attr("hidden").is_some()
        || v.attr("aria-hidden") == Some("true")
        || v.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
        || matches!(
            v.attr("role"),
            Some("navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog")
        )
}

/// What to do with an element met during the walk.
enum Action {
    Skip,
    Read(Option<SegmentKind>),
}

fn action(e: &ElementRef, in_comments: bool, headline_done: bool) -> Action {
    let name = e.value().name();
    if in_comments {
        if matches!(
            name,
            "script" | "style" | "form" | "noscript" | "template" | "button" | "svg"
        ) || is_hidden(e)
        {
            return Action::Skip;
        }
        if is_comment_item(e) {
            return Action::Read(Some(comment_item_kind(e)));
        }
        if matches!(name, "footer" | "header" | "time" | "cite") || has_word(e, COMMENT_META_WORDS)
        {
            return Action::Read(Some(SegmentKind::CommentMeta));
        }
        return Action::Read(None);
    }
    if is_comment_section(e) {
        return Action::Read(Some(SegmentKind::CommentMeta));
    }
    if name == "header" {
        // A page header is furniture; an article's header holds its headline and byline.
        return if e.select(&H1).next().is_some() {
            Action::Read(None)
        } else {
            Action::Skip
        };
    }
    if SKIP_TAGS.contains(&name) || is_hidden(e) || has_word(e, SKIP_WORDS) {
        return Action::Skip;
    }
    if name == "h1" && !headline_done {
        return Action::Read(Some(SegmentKind::Headline));
    }
    if matches!(name, "figure" | "figcaption") || has_word(e, CAPTION_WORDS) {
        return Action::Read(Some(SegmentKind::Caption));
    }
    if name == "address" || has_word(e, BYLINE_WORDS) {
        return Action::Read(Some(SegmentKind::Byline));
    }
    Action::Read(None)
}

/// A comment's kind with its author and time, read from its header.
fn comment_item_kind(e: &ElementRef) -> SegmentKind {
    let author = e
        .select(&AUTHOR)
        .map(|a| collapse(&a.text().collect::<String>()))
        .map(|a| {
            let a = a.trim_end_matches(':');
            a.strip_suffix(" says").unwrap_or(a).trim().to_string()
        })
        .find(|a| !a.is_empty() && a.len() <= 80);
    let posted = e.select(&TIME).next().and_then(|t| {
        let datetime = t.value().attr("datetime").map(str::to_string);
        datetime
            .as_deref()
            .and_then(html_meta::parse_datetime)
            .or_else(|| {
                comment::timestamp(&collapse(&t.text().collect::<String>())).and_then(|(p, _)| p)
            })
    });
    SegmentKind::Comment { author, posted }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Walk an element's subtree, writing its text. The root itself is read whatever it is
/// (the caller chose it), under `root_hint`.
fn walk(w: &mut Writer, root: ElementRef, root_hint: Option<SegmentKind>, in_comments: bool) {
    let mut skip_until: Option<NodeId> = None;
    // Hints in force: (element, kind); the innermost wins.
    let mut hints: Vec<(NodeId, SegmentKind)> = Vec::new();
    let mut comments_depth: Vec<NodeId> = Vec::new();
    if let Some(kind) = root_hint {
        if kind == SegmentKind::Headline {
            w.headline_done = true;
        }
        hints.push((root.id(), kind));
    }
    w.paragraph();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.text(t, hints.last().map(|(_, k)| k)),
                    Node::Element(el) => {
                        let Some(e) = ElementRef::wrap(node) else {
                            continue;
                        };
                        if node.id() == root.id() {
                            continue;
                        }
                        let inside = in_comments || !comments_depth.is_empty();
                        match action(&e, inside, w.headline_done) {
                            Action::Skip => skip_until = Some(node.id()),
                            Action::Read(kind) => {
                                let name = el.name();
                                if name == "br" {
                                    w.line();
                                } else if BLOCK_TAGS.contains(&name) || matches!(name, "td" | "th")
                                {
                                    w.block(name);
                                }
                                if !inside && is_comment_section(&e) {
                                    comments_depth.push(node.id());
                                }
                                if let Some(kind) = kind {
                                    if kind == SegmentKind::Headline {
                                        w.headline_done = true;
                                    }
                                    w.paragraph();
                                    hints.push((node.id(), kind));
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skip_until {
                    if id == node.id() {
                        skip_until = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if BLOCK_TAGS.contains(&name) || matches!(name, "td" | "th") {
                        w.block(name);
                    }
                    if hints.last().is_some_and(|(id, _)| *id == node.id()) {
                        hints.pop();
                        w.paragraph();
                    }
                    if comments_depth.last() == Some(&node.id()) {
                        comments_depth.pop();
                    }
                }
            }
        }
    }
    w.paragraph();
}

/// Writes collapsed text with paragraph and line breaks, and records hint runs.
#[derive(Default)]
struct Writer {
    text: String,
    /// Break owed before the next word: 0 none, 1 line, 2 paragraph.
    pending: u8,
    space: bool,
    hints: Vec<Hint>,
    /// The open hint run: its start and kind.
    run: Option<(usize, SegmentKind)>,
    headline_done: bool,
}

impl Writer {
    fn paragraph(&mut self) {
        self.pending = 2;
    }

    fn line(&mut self) {
        self.pending = self.pending.max(1);
    }

    fn block(&mut self, name: &str) {
        // Table cells sit on their own lines; everything else is a paragraph.
        if matches!(name, "td" | "th") {
            self.line();
        } else {
            self.paragraph();
        }
    }

    fn text(&mut self, t: &str, hint: Option<&SegmentKind>) {
        if t.starts_with(char::is_whitespace) {
            self.space = true;
        }
        for word in t.split_whitespace() {
            if self.pending > 0 || self.text.is_empty() {
                let breaking = !self.text.is_empty();
                if breaking {
                    self.text
                        .push_str(if self.pending >= 2 { "\n\n" } else { "\n" });
                }
                self.pending = 0;
                self.space = false;
                self.set_hint(hint);
            } else if self.space {
                self.text.push(' ');
                self.space = false;
            }
            self.text.push_str(word);
            self.space = true;
        }
        if !t.ends_with(char::is_whitespace) {
            self.space = false;
        }
    }

    /// Start a new hint run at a line start when the hint changes.
    fn set_hint(&mut self, hint: Option<&SegmentKind>) {
        let same = match (&self.run, hint) {
            (Some((_, k)), Some(h)) => k == h,
            (None, None) => true,
            _ => false,
        };
        if same {
            return;
        }
        self.close_run();
        self.run = hint.map(|h| (self.text.len(), h.clone()));
    }

    fn close_run(&mut self) {
        if let Some((start, kind)) = self.run.take() {
            let end = self.text.trim_end().len();
            if end > start {
                self.hints.push(Hint { start, end, kind });
            }
        }
    }

    fn finish(&mut self) {
        self.close_run();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_their_first_attributes_only() {
        assert_eq!(
            limit_attributes("<p class=a id='b' x=\"c>d\">Text</p>"),
            None
        );
        let many: String = (0..MAX_ATTRIBUTES + 5)
            .map(|i| format!(" a{i}=\"v>{i}\""))
            .collect();
        let page = format!("<html><body><p{many} >Words é</p><p b=1>More</p></body></html>");
        let (cut, most) = limit_attributes(&page).expect("cut");
        assert_eq!(most, MAX_ATTRIBUTES + 5);
        assert!(cut.contains(&format!(
            " a{}=\"v>{}\"",
            MAX_ATTRIBUTES - 1,
            MAX_ATTRIBUTES - 1
        )));
        assert!(!cut.contains(&format!(" a{}=", MAX_ATTRIBUTES)));
        assert!(
            cut.ends_with(">Words é</p><p b=1>More</p></body></html>"),
            "{}",
            &cut[cut.len() - 60..]
        );
        let page = extract(&page);
        assert!(page.text.contains("Words é") && page.text.contains("More"));
        assert_eq!(
            page.warnings,
            [format!(
                "a tag with {} attributes: read with its first {MAX_ATTRIBUTES} only",
                MAX_ATTRIBUTES + 5
            )]
        );
    }
}
