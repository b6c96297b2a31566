//! `check`: every mistake a person can make in a timeline file, each with its place.
//!
//! Three passes. The located YAML tree is checked against the format's schema first, so that
//! all unknown fields, wrong shapes and bad dates are reported at once (serde would stop at
//! the first). Then the timeline is read from the tree. Then references between ids are
//! checked.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::diagnostic::{Diagnostic, Lines};
use super::model::Timeline;
use super::when::When;
use super::yaml::{self, Node, Value};

/// The shape a value must have.
#[derive(Debug, Clone, Copy)]
enum Shape {
    Text,
    When,
    Bool,
    Span,
    /// A list of spans.
    Spans,
    /// A list of texts, or (with `one`) a single text.
    Texts {
        one: bool,
    },
    Choice(&'static [&'static str]),
    Facets,
    List(&'static Record),
}

/// A mapping with known fields.
#[derive(Debug)]
struct Record {
    name: &'static str,
    fields: &'static [(&'static str, Shape, bool)],
}

pub(crate) const SOURCE_KINDS: &[&str] = &[
    "report",
    "analysis",
    "opinion",
    "official_statement",
    "wire_copy",
    "encyclopedia",
    "blog",
    "transcript",
    "social_media",
    "other",
];
pub(crate) const STANCES: &[&str] = &["asserts", "alleges", "denies", "questions"];
pub(crate) const RELATION_KINDS: &[&str] =
    &["before", "after", "part_of", "caused_by", "response_to"];

static TIMELINE: Record = Record {
    name: "timeline",
    fields: &[
        ("title", Shape::Text, true),
        ("description", Shape::Text, false),
        ("sources", Shape::List(&SOURCE), false),
        ("events", Shape::List(&EVENT), false),
        ("relations", Shape::List(&RELATION), false),
        ("rejected", Shape::List(&REJECTION), false),
    ],
};

static SOURCE: Record = Record {
    name: "source",
    fields: &[
        ("id", Shape::Text, true),
        ("title", Shape::Text, false),
        ("outlet", Shape::Text, false),
        ("author", Shape::Text, false),
        ("url", Shape::Text, false),
        ("published", Shape::When, false),
        ("kind", Shape::Choice(SOURCE_KINDS), false),
        ("republishes", Shape::Text, false),
        ("file", Shape::Text, false),
        ("notes", Shape::Text, false),
        ("extracted", Shape::Spans, false),
    ],
};

static EVENT: Record = Record {
    name: "event",
    fields: &[
        ("id", Shape::Text, true),
        ("title", Shape::Text, true),
        ("when", Shape::When, false),
        ("where", Shape::Texts { one: true }, false),
        ("actors", Shape::Texts { one: false }, false),
        ("tags", Shape::Texts { one: false }, false),
        ("accounts", Shape::List(&ACCOUNT), false),
        ("disputes", Shape::List(&DISPUTE), false),
        ("notes", Shape::Text, false),
    ],
};

static ACCOUNT: Record = Record {
    name: "account",
    fields: &[
        ("id", Shape::Text, false),
        ("source", Shape::Text, true),
        ("claimant", Shape::Text, false),
        ("via", Shape::Texts { one: false }, false),
        ("stated_on", Shape::When, false),
        ("stance", Shape::Choice(STANCES), false),
        ("summary", Shape::Text, false),
        ("quote", Shape::Text, false),
        ("span", Shape::Span, false),
        ("facets", Shape::Facets, false),
        ("comment", Shape::Bool, false),
    ],
};

static DISPUTE: Record = Record {
    name: "dispute",
    fields: &[
        ("facet", Shape::Text, true),
        ("positions", Shape::List(&POSITION), false),
        ("note", Shape::Text, false),
    ],
};

static POSITION: Record = Record {
    name: "position",
    fields: &[
        ("value", Shape::Text, true),
        ("accounts", Shape::Texts { one: false }, false),
    ],
};

static RELATION: Record = Record {
    name: "relation",
    fields: &[
        ("from", Shape::Text, true),
        ("to", Shape::Text, true),
        ("kind", Shape::Choice(RELATION_KINDS), true),
        ("claimed_by", Shape::Texts { one: false }, false),
        ("note", Shape::Text, false),
    ],
};

static REJECTION: Record = Record {
    name: "rejected account",
    fields: &[
        ("source", Shape::Text, true),
        ("span", Shape::Span, false),
        ("quote", Shape::Text, false),
    ],
};

/// The result of checking one file.
#[derive(Debug)]
pub struct Checked<'a> {
    /// The timeline, normalised (ids assigned, disputes derived), when the file could be read.
    pub timeline: Option<Timeline>,
    /// The located YAML tree, when the file parsed.
    pub tree: Option<Node<'a>>,
    /// The tree alone gives the file's values: no tags, anchors or aliases
    /// ([`yaml::parse`]).
    pub plain: bool,
    /// Every problem found, in file order.
    pub problems: Vec<Diagnostic>,
}

/// Check a timeline file's bytes: text that is not UTF-8 is one problem, at its first bad
/// byte.
pub fn check_bytes<'a>(file: &str, bytes: &'a [u8]) -> Checked<'a> {
    let mut checked = check_bytes_tree(file, bytes);
    if let Ok(src) = std::str::from_utf8(bytes) {
        read_timeline(file, src, &mut checked);
    }
    checked
}

/// The first pass of [`check_bytes`]: the located tree and its problems, no timeline yet.
pub fn check_bytes_tree<'a>(file: &str, bytes: &'a [u8]) -> Checked<'a> {
    match crate::input::utf8(bytes) {
        Ok(src) => check_tree(file, src),
        Err(bad) => {
            let valid = std::str::from_utf8(&bytes[..bad.offset]).unwrap_or_default();
            let at = yaml::Mark {
                offset: bad.offset,
                line: bad.line,
                col: bad.col,
            };
            let message = format!(
                "byte 0x{:02X} (offset {}) is not UTF-8: save the file as UTF-8",
                bad.byte, bad.offset
            );
            Checked {
                timeline: None,
                tree: None,
                plain: false,
                problems: vec![Diagnostic::located(
                    file,
                    &Lines::new(valid),
                    at,
                    at,
                    message,
                )],
            }
        }
    }
}

/// Check a timeline's text. `file` names it in messages.
pub fn check_str<'a>(file: &str, src: &'a str) -> Checked<'a> {
    let mut checked = check_tree(file, src);
    read_timeline(file, src, &mut checked);
    checked
}

/// The first pass of [`check_str`]: the located tree and the problems it shows. A caller that
/// needs only the timeline drops the tree before [`read_timeline`], so that a large file is
/// never held as both.
pub fn check_tree<'a>(file: &str, src: &'a str) -> Checked<'a> {
    let mut out = Checker {
        file,
        lines: Lines::new(src),
        problems: Vec::new(),
        suggestions: SUGGESTION_BUDGET,
    };
    if let Some(at) = lone_carriage_return(src) {
        let at = out.lines.locate(at);
        let next = yaml::Mark {
            offset: at.offset + 1,
            col: at.col + 1,
            ..at
        };
        out.report_at(
            at,
            next,
            "a line here ends with a carriage return alone (old Mac line breaks), which \
             Rashomon does not read: save the file with LF or CRLF line breaks",
        );
        return Checked {
            timeline: None,
            tree: None,
            plain: false,
            problems: out.problems,
        };
    }
    let (tree, plain) = match yaml::parse(src) {
        Ok(parsed) => parsed,
        Err(e) => {
            let at = e.at.unwrap_or_default();
            out.report_at(at, at, format!("YAML syntax: {}", e.message));
            return Checked {
                timeline: None,
                tree: None,
                plain: false,
                problems: out.problems,
            };
        }
    };
    out.record(&tree, &TIMELINE);
    out.references(&tree);
    out.alike(&tree);
    let mut problems = out.problems;
    problems.sort_by_key(|d| (d.line, d.col));
    Checked {
        timeline: None,
        tree: Some(tree),
        plain,
        problems,
    }
}

/// The second pass: when the tree showed no error, read the typed timeline (normalised) from
/// the tree, or add the problem that keeps it from being read. The tree is kept.
pub fn read_timeline(file: &str, src: &str, checked: &mut Checked<'_>) {
    // A file that did not parse has its syntax error already.
    if checked.problems.iter().any(Diagnostic::is_error) {
        return;
    }
    let read = match &checked.tree {
        Some(tree) => yaml::from_tree::<Timeline>(src, tree, checked.plain),
        None => yaml::from_str::<Timeline>(src),
    };
    add_timeline(file, src, checked, read);
}

/// [`read_timeline`] for a caller done with the tree: it is used up, its long lists read on
/// all cores (`timeline::read`).
pub fn read_timeline_from_tree(file: &str, src: &str, checked: &mut Checked<'_>) {
    let tree = checked.tree.take();
    if checked.problems.iter().any(Diagnostic::is_error) {
        return;
    }
    let read = match tree {
        Some(tree) => super::read::timeline(src, tree, checked.plain),
        None => yaml::from_str::<Timeline>(src),
    };
    add_timeline(file, src, checked, read);
}

fn add_timeline(
    file: &str,
    src: &str,
    checked: &mut Checked<'_>,
    read: Result<Timeline, yaml::YamlError>,
) {
    match read {
        Ok(mut t) => {
            super::normalize(&mut t);
            checked.timeline = Some(t);
        }
        Err(e) => {
            let at = e.at.unwrap_or_default();
            checked.problems.push(Diagnostic::located(
                file,
                &Lines::new(src),
                at,
                at,
                plain_message(&e.message),
            ));
            checked.problems.sort_by_key(|d| (d.line, d.col));
        }
    }
}

/// The first carriage return not followed by a line feed.
fn lone_carriage_return(src: &str) -> Option<usize> {
    let bytes = src.as_bytes();
    memchr::memchr_iter(b'\r', bytes).find(|&i| bytes.get(i + 1) != Some(&b'\n'))
}

/// A message from the YAML library in words a person can use: nothing about Rust types or
/// the library's options. The tree pass catches nearly every mistake first; this is for the
/// rest.
/// A YAML reader's message in plain words: the parser's own terms ("mapping start",
/// "string scalar") named as a person editing the file sees them, and type names never shown.
pub(crate) fn plain_message(message: &str) -> String {
    const PARSER_TERMS: [(&str, &str); 5] = [
        (
            "expected mapping start",
            "expected keys and values (`key: value`) here",
        ),
        ("expected sequence start", "expected a list here"),
        ("expected string scalar", "expected text here"),
        ("expected scalar", "expected a single value here"),
        (
            "expected mapping",
            "expected keys and values (`key: value`) here",
        ),
    ];
    if let Some((_, plain)) = PARSER_TERMS
        .iter()
        .find(|(term, _)| message.starts_with(term))
    {
        return (*plain).to_string();
    }
    let internal = [
        "untagged",
        "enum ",
        "struct ",
        "Options",
        "::",
        "DuplicateKeyPolicy",
    ];
    if message.contains("duplicate") {
        return "a key appears twice in this mapping".to_string();
    }
    if internal.iter().any(|w| message.contains(w)) {
        return "this value has a form Rashomon cannot read here".to_string();
    }
    message.to_string()
}

/// How many "did you mean" comparisons one check may make: a file with thousands of unknown
/// ids gets hints for the first ones and plain messages after, in time linear in its size.
const SUGGESTION_BUDGET: usize = 200_000;
/// Ids longer than this get no suggestion (the comparison is quadratic in the length).
const SUGGEST_MAX_CHARS: usize = 64;

struct Checker<'a> {
    file: &'a str,
    lines: Lines<'a>,
    problems: Vec<Diagnostic>,
    /// Comparisons left for suggestions.
    suggestions: usize,
}

impl Checker<'_> {
    fn report(&mut self, node: &Node, message: impl Into<String>) {
        self.report_at(
            self.lines.place(node.start),
            self.lines.place(node.end),
            message,
        );
    }

    fn report_at(&mut self, start: yaml::Mark, end: yaml::Mark, message: impl Into<String>) {
        self.problems.push(Diagnostic::located(
            self.file,
            &self.lines,
            start,
            end,
            message,
        ));
    }

    fn warn(&mut self, node: &Node, message: impl Into<String>) {
        let (start, end) = (self.lines.place(node.start), self.lines.place(node.end));
        let d = Diagnostic::located(self.file, &self.lines, start, end, message);
        self.problems.push(d.warning());
    }

    fn record(&mut self, node: &Node, record: &Record) {
        let Value::Map(entries) = &node.value else {
            if !(record.name == "timeline" && node.is_null()) {
                self.report(
                    node,
                    format!(
                        "expected a mapping for the {}, found {}",
                        record.name,
                        node.kind()
                    ),
                );
            }
            return;
        };
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        for entry in entries {
            let Some(key) = entry.key.as_str() else {
                self.report(
                    &entry.key,
                    format!("a {} field name must be text", record.name),
                );
                continue;
            };
            if !seen.insert(key) {
                self.report(
                    &entry.key,
                    format!("field `{key}` appears twice in this {}", record.name),
                );
                continue;
            }
            match record.fields.iter().find(|(name, _, _)| *name == key) {
                Some((_, shape, _)) => self.value(&entry.value, *shape, key),
                None => {
                    let names: Vec<&str> = record.fields.iter().map(|(n, _, _)| *n).collect();
                    let message = match closest(key, &names) {
                        Some(best) => format!(
                            "unknown field `{key}` in {}; did you mean `{best}`?",
                            record.name
                        ),
                        None => format!(
                            "unknown field `{key}` in {}; expected one of: {}",
                            record.name,
                            names.join(", ")
                        ),
                    };
                    self.report(&entry.key, message);
                }
            }
        }
        for (name, _, required) in record.fields {
            if *required && !seen.contains(name) {
                // Underlined to the end of the line.
                let at = self.lines.place(node.start);
                self.report_at(at, at, format!("this {} has no `{name}`", record.name));
            }
        }
    }

    fn value(&mut self, node: &Node, shape: Shape, key: &str) {
        match shape {
            Shape::Text => {
                self.scalar(node, key);
            }
            Shape::Bool => {
                if !matches!(node.as_str(), Some("true" | "false")) {
                    self.report(node, format!("`{key}` must be true or false"));
                }
            }
            Shape::When => {
                if self.scalar(node, key)
                    && let Some(text) = node.as_str()
                    && let Err(e) = text.parse::<When>()
                {
                    self.report(node, format!("bad date in `{key}`: {e}"));
                }
            }
            Shape::Choice(options) => {
                if self.scalar(node, key)
                    && let Some(text) = node.as_str()
                    && !options.contains(&text)
                {
                    let hint = match closest(text, options) {
                        Some(best) => format!("did you mean `{best}`?"),
                        None => format!("expected one of: {}", options.join(", ")),
                    };
                    self.report(node, format!("`{text}` is not a valid `{key}`; {hint}"));
                }
            }
            Shape::Span => {
                let ok = match &node.value {
                    Value::Seq(items) => {
                        let nums: Vec<Option<usize>> = items
                            .iter()
                            .map(|n| n.as_str().and_then(|s| s.parse().ok()))
                            .collect();
                        match nums.as_slice() {
                            [Some(a), Some(b)] if a <= b => true,
                            [Some(_), Some(_)] => {
                                self.report(node, "`span` ends before it starts");
                                return;
                            }
                            _ => false,
                        }
                    }
                    _ => false,
                };
                if !ok {
                    self.report(node, "`span` must be two byte offsets, [start, end]");
                }
            }
            Shape::Spans => match &node.value {
                Value::Seq(items) => {
                    for item in items {
                        self.value(item, Shape::Span, key);
                    }
                }
                _ => self.report(
                    node,
                    format!(
                        "`{key}` must be a list of [start, end] pairs, found {}",
                        node.kind()
                    ),
                ),
            },
            Shape::Texts { one } => match &node.value {
                Value::Seq(items) => {
                    for item in items {
                        self.scalar(item, key);
                    }
                }
                Value::Scalar { .. } if one || node.is_null() => {
                    self.scalar(node, key);
                }
                _ => self.report(
                    node,
                    format!("`{key}` must be a list, found {}", node.kind()),
                ),
            },
            Shape::Facets => match &node.value {
                Value::Map(entries) => {
                    let mut names: BTreeSet<&str> = BTreeSet::new();
                    for e in entries {
                        let Some(name) = e.key.as_str().filter(|_| !e.key.is_null()) else {
                            self.report(&e.key, "a facet name must be text");
                            continue;
                        };
                        if !names.insert(name) {
                            self.report(&e.key, format!("facet `{name}` appears twice"));
                            continue;
                        }
                        if !matches!(e.value.value, Value::Scalar { .. }) || e.value.is_null() {
                            let name = e.key.as_str().unwrap_or("?");
                            self.report(
                                &e.value,
                                format!(
                                    "facet `{name}` must be a single value, found {}",
                                    e.value.kind()
                                ),
                            );
                        }
                    }
                }
                _ if node.is_null() => {}
                _ => self.report(
                    node,
                    format!(
                        "`facets` must be a mapping of names to values, found {}",
                        node.kind()
                    ),
                ),
            },
            Shape::List(record) => match &node.value {
                Value::Seq(items) => {
                    for item in items {
                        self.record(item, record);
                    }
                }
                _ if node.is_null() => {}
                _ => self.report(
                    node,
                    format!(
                        "`{key}` must be a list of {}s, found {}",
                        record.name,
                        node.kind()
                    ),
                ),
            },
        }
    }

    /// A single value; reports and returns false otherwise.
    fn scalar(&mut self, node: &Node, key: &str) -> bool {
        match &node.value {
            Value::Scalar { .. } if node.is_null() => {
                self.report(node, format!("`{key}` is empty"));
                false
            }
            Value::Scalar { .. } => true,
            _ => {
                self.report(
                    node,
                    format!("`{key}` must be a single value, found {}", node.kind()),
                );
                false
            }
        }
    }

    /// Ids and references between them, read from the tree so they are checked even when
    /// other problems keep the file from deserialising.
    fn references(&mut self, tree: &Node) {
        let sources = tree.get("sources").map_or(&[][..], Node::items);
        let events = tree.get("events").map_or(&[][..], Node::items);

        let mut source_ids: BTreeSet<&str> = BTreeSet::new();
        let mut links: BTreeMap<&str, &str> = BTreeMap::new();
        for s in sources {
            if let Some(id_node) = s.get("id")
                && let Some(id) = text(Some(id_node))
                && !source_ids.insert(id)
            {
                self.report(id_node, format!("duplicate source id `{id}`"));
            }
            if let (Some(id), Some(target)) = (text(s.get("id")), text(s.get("republishes"))) {
                links.insert(id, target);
            }
        }
        let known_sources = Known::new(source_ids.iter().copied());
        let cycles = republish_cycles(&links);
        for s in sources {
            let id = text(s.get("id")).unwrap_or("?");
            if let Some(url_node) = s.get("url")
                && let Some(url) = text(Some(url_node))
                && !is_http(url)
            {
                self.report(
                    url_node,
                    format!("source `{id}`: url must start with http:// or https://"),
                );
            }
            let Some(node) = s.get("republishes") else {
                continue;
            };
            let Some(target) = text(Some(node)) else {
                continue;
            };
            if !source_ids.contains(target) {
                let hint = self.did_you_mean(target, &known_sources);
                self.report(
                    node,
                    format!("source `{id}` republishes unknown source `{target}`{hint}"),
                );
            } else if let Some(cycle) = cycles.get(id)
                && links.get(id) == Some(&target)
            {
                // Reported once, at the cycle's smallest id.
                self.report(node, format!("republishes cycle: {}", cycle_text(cycle)));
            }
        }

        let mut event_ids: BTreeSet<&str> = BTreeSet::new();
        let mut account_ids: BTreeSet<&str> = BTreeSet::new();
        for e in events {
            if let Some(id_node) = e.get("id")
                && let Some(id) = text(Some(id_node))
                && !event_ids.insert(id)
            {
                self.report(id_node, format!("duplicate event id `{id}`"));
            }
            let accounts = e.get("accounts").map_or(&[][..], Node::items);
            let mut here: BTreeSet<&str> = BTreeSet::new();
            for a in accounts {
                if let Some(id_node) = a.get("id")
                    && let Some(id) = text(Some(id_node))
                {
                    here.insert(id);
                    if !account_ids.insert(id) {
                        self.report(id_node, format!("duplicate account id `{id}`"));
                    }
                }
                if let Some(node) = a.get("source")
                    && let Some(source) = text(Some(node))
                    && !source_ids.contains(source)
                {
                    let hint = self.did_you_mean(source, &known_sources);
                    self.report(
                        node,
                        format!("account names unknown source `{source}`{hint}"),
                    );
                }
            }
            let event_id = text(e.get("id")).unwrap_or("?");
            for d in e.get("disputes").map_or(&[][..], Node::items) {
                let facet = text(d.get("facet")).unwrap_or("?");
                for p in d.get("positions").map_or(&[][..], Node::items) {
                    let value = text(p.get("value")).unwrap_or("?");
                    for n in p.get("accounts").map_or(&[][..], Node::items) {
                        if let Some(id) = text(Some(n))
                            && !here.contains(id)
                        {
                            self.report(
                                n,
                                format!("position `{value}` of dispute `{facet}` names account `{id}`, which is not in event `{event_id}`"),
                            );
                        }
                    }
                }
            }
        }

        let known_events = Known::new(event_ids.iter().copied());
        for r in tree.get("relations").map_or(&[][..], Node::items) {
            for key in ["from", "to"] {
                if let Some(node) = r.get(key)
                    && let Some(id) = text(Some(node))
                    && !event_ids.contains(id)
                {
                    let hint = self.did_you_mean(id, &known_events);
                    self.report(node, format!("relation names unknown event `{id}`{hint}"));
                }
            }
            if let (Some(from), Some(to)) = (text(r.get("from")), r.get("to"))
                && text(Some(to)) == Some(from)
            {
                self.report(to, format!("relation links event `{from}` to itself"));
            }
            for n in r.get("claimed_by").map_or(&[][..], Node::items) {
                if let Some(id) = text(Some(n))
                    && !account_ids.contains(id)
                {
                    self.report(n, format!("relation is claimed by unknown account `{id}`"));
                }
            }
        }

        for r in tree.get("rejected").map_or(&[][..], Node::items) {
            if let Some(node) = r.get("source")
                && let Some(source) = text(Some(node))
                && !source_ids.contains(source)
            {
                self.report(
                    node,
                    format!("rejected account names unknown source `{source}`"),
                );
            }
        }
    }
}

impl Checker<'_> {
    /// Ids of one kind that a person would read as the same (`Strike-1`, `strike_1`,
    /// `strike 1`): a warning at each later one. The page keeps them apart; readers and
    /// links may not.
    fn alike(&mut self, tree: &Node) {
        let sources = tree.get("sources").map_or(&[][..], Node::items);
        let events = tree.get("events").map_or(&[][..], Node::items);
        let accounts: Vec<&Node> = events
            .iter()
            .flat_map(|e| e.get("accounts").map_or(&[][..], Node::items))
            .collect();
        let groups: [(&str, Vec<&Node>); 3] = [
            ("source", sources.iter().collect()),
            ("event", events.iter().collect()),
            ("account", accounts),
        ];
        for (kind, items) in groups {
            let mut seen: HashMap<String, (&str, usize)> = HashMap::new();
            for item in items {
                let Some(node) = item.get("id") else { continue };
                let Some(id) = text(Some(node)) else { continue };
                match seen.get(&fold_id(id)) {
                    Some(&(first, line)) if first != id => self.warn(
                        node,
                        format!(
                            "{kind} id `{id}` reads like `{first}` (line {line}): a reader or a link can take one for the other"
                        ),
                    ),
                    Some(_) => {}
                    None => {
                        seen.insert(fold_id(id), (id, self.lines.place(node.start).line));
                    }
                }
            }
        }
    }
}

/// An id as it reads: lower case, letters and digits, any run of other characters one `-`.
fn fold_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A node's text, unless it is missing or null.
fn text<'n>(node: Option<&'n Node<'_>>) -> Option<&'n str> {
    node.filter(|n| !n.is_null()).and_then(Node::as_str)
}

/// An absolute http(s) address; the scheme in any case (`HTTPS://` is as good).
pub(crate) fn is_http(url: &str) -> bool {
    let head = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// Every `republishes` cycle, once, keyed by its smallest id and listed from it: found in
/// one walk over the links, each source visited once, however long the chains.
fn republish_cycles<'a>(links: &BTreeMap<&'a str, &'a str>) -> BTreeMap<&'a str, Vec<&'a str>> {
    // 0: not seen; 1: on the path being walked; 2: done.
    let mut state: HashMap<&str, u8> = HashMap::with_capacity(links.len());
    let mut cycles = BTreeMap::new();
    for &start in links.keys() {
        if state.contains_key(start) {
            continue;
        }
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashMap<&str, usize> = HashMap::new();
        let mut current = start;
        loop {
            match state.get(current) {
                Some(1) => {
                    let from = on_path[current];
                    let cycle = &path[from..];
                    let (min_at, &min) = cycle
                        .iter()
                        .enumerate()
                        .min_by_key(|(_, id)| **id)
                        .expect("a cycle has members");
                    let mut listed: Vec<&str> = cycle[min_at..]
                        .iter()
                        .chain(&cycle[..min_at])
                        .copied()
                        .collect();
                    listed.push(min);
                    cycles.insert(min, listed);
                    break;
                }
                Some(_) => break,
                None => {}
            }
            state.insert(current, 1);
            on_path.insert(current, path.len());
            path.push(current);
            match links.get(current) {
                Some(&next) => current = next,
                None => break,
            }
        }
        for id in path {
            state.insert(id, 2);
        }
    }
    cycles
}

/// A cycle for a message: every id when it is short, else its ends and its length.
fn cycle_text(cycle: &[&str]) -> String {
    const SHOWN: usize = 8;
    if cycle.len() <= SHOWN + 2 {
        return cycle.join(" → ");
    }
    format!(
        "{} → … → {} ({} sources)",
        cycle[..SHOWN / 2].join(" → "),
        cycle[cycle.len() - SHOWN / 2..].join(" → "),
        cycle.len() - 1
    )
}

/// Known ids by length in characters, for suggestions: a typo changes the length by a third
/// at most, so only ids of near lengths are compared.
struct Known<'a> {
    by_len: BTreeMap<usize, Vec<&'a str>>,
}

impl<'a> Known<'a> {
    fn new(ids: impl Iterator<Item = &'a str>) -> Known<'a> {
        let mut by_len: BTreeMap<usize, Vec<&str>> = BTreeMap::new();
        for id in ids {
            let n = id.chars().count();
            if n <= SUGGEST_MAX_CHARS * 2 {
                by_len.entry(n).or_default().push(id);
            }
        }
        Known { by_len }
    }
}

impl Checker<'_> {
    /// "; did you mean `x`?" for the known id closest to a misspelt one, while the check's
    /// budget of comparisons lasts.
    fn did_you_mean(&mut self, wrong: &str, known: &Known<'_>) -> String {
        let n = wrong.chars().count();
        if n > SUGGEST_MAX_CHARS || self.suggestions == 0 {
            return String::new();
        }
        let lo = (n * 3 / 4).saturating_sub(1);
        let hi = n * 3 / 2 + 2;
        let mut best: Option<(usize, &str)> = None;
        for (&m, ids) in known.by_len.range(lo..=hi) {
            for &k in ids {
                let cost = (n * m).max(1);
                if self.suggestions < cost {
                    self.suggestions = 0;
                    return hint(best);
                }
                self.suggestions -= cost;
                let d = strsim::damerau_levenshtein(wrong, k);
                if d < n && d <= 1.max(m / 3) && best.is_none_or(|b| (d, k) < b) {
                    best = Some((d, k));
                }
            }
        }
        hint(best)
    }
}

fn hint(best: Option<(usize, &str)>) -> String {
    best.map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}

/// The known name closest to a misspelt one, if it is close enough to be a typo (for the
/// few names of a format: fields, choices).
fn closest<'a>(wrong: &str, known: &[&'a str]) -> Option<&'a str> {
    if wrong.chars().count() > SUGGEST_MAX_CHARS {
        return None;
    }
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(wrong, k), *k))
        .filter(|(d, k)| *d < wrong.chars().count() && *d <= 1.max(k.chars().count() / 3))
        .min()
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::model::*;

    #[test]
    fn parser_terms_read_plainly() {
        assert_eq!(
            plain_message("expected mapping start"),
            "expected keys and values (`key: value`) here"
        );
        assert_eq!(
            plain_message("expected string scalar"),
            "expected text here"
        );
        assert_eq!(
            plain_message("untagged enum FacetValue"),
            "this value has a form Rashomon cannot read here"
        );
        assert_eq!(
            plain_message("unknown field `titel`"),
            "unknown field `titel`"
        );
    }

    /// Every field the model writes is known to the schema, and the other way round.
    #[test]
    fn schema_matches_the_model() {
        let account = Account {
            id: "a1".into(),
            source: "s".into(),
            claimant: "c".into(),
            via: vec!["v".into()],
            stated_on: Some(When::year(2016)),
            stance: Stance::Denies,
            summary: Some("x".into()),
            quote: Some("q".into()),
            span: Some([1, 2]),
            facets: [("killed".to_string(), FacetValue::Int(3))].into(),
            comment: true,
        };
        let t = Timeline {
            title: "t".into(),
            description: Some("d".into()),
            sources: vec![
                Source {
                    id: "s".into(),
                    title: Some("x".into()),
                    outlet: Some("x".into()),
                    author: Some("x".into()),
                    url: Some("https://e.org".into()),
                    published: Some(When::year(2016)),
                    kind: Some(SourceKind::WireCopy),
                    republishes: None,
                    file: Some("f".into()),
                    notes: Some("n".into()),
                    extracted: vec![[1, 2], [3, 4]],
                },
                Source {
                    id: "copy".into(),
                    republishes: Some("s".into()),
                    ..Source::default()
                },
            ],
            events: vec![
                Event {
                    id: "e".into(),
                    title: "t".into(),
                    when: When::year(2016),
                    places: vec!["p".into()],
                    actors: vec!["a".into()],
                    tags: vec!["t".into()],
                    accounts: vec![account],
                    disputes: vec![Dispute {
                        facet: "f".into(),
                        positions: vec![Position {
                            value: "v".into(),
                            accounts: vec!["a1".into()],
                        }],
                        note: Some("n".into()),
                    }],
                    notes: Some("n".into()),
                },
                Event {
                    id: "f".into(),
                    title: "u".into(),
                    ..Event::default()
                },
            ],
            relations: vec![Relation {
                from: "f".into(),
                to: "e".into(),
                kind: RelationKind::PartOf,
                claimed_by: vec!["a1".into()],
                note: Some("n".into()),
            }],
            rejected: vec![Rejection {
                source: "s".into(),
                span: Some([1, 2]),
                quote: Some("q".into()),
            }],
        };
        let text = yaml::to_string(&t).unwrap();
        let checked = check_str("t.yaml", &text);
        assert!(
            checked.problems.is_empty(),
            "{text}\n{:?}",
            checked.problems
        );
        let tree = yaml::parse_tree(&text).unwrap();
        let mut used = BTreeSet::new();
        collect_keys(&tree, &mut used);
        for record in [
            &TIMELINE, &SOURCE, &EVENT, &ACCOUNT, &DISPUTE, &POSITION, &RELATION, &REJECTION,
        ] {
            for (name, _, _) in record.fields {
                assert!(
                    used.contains(*name),
                    "schema field `{name}` of {} never written",
                    record.name
                );
            }
        }
    }

    fn collect_keys(node: &Node, out: &mut BTreeSet<String>) {
        for e in node.entries() {
            if let Some(k) = e.key.as_str() {
                out.insert(k.to_string());
            }
            collect_keys(&e.value, out);
        }
        for item in node.items() {
            collect_keys(item, out);
        }
    }

    #[test]
    fn choices_match_serde() {
        for s in STANCES {
            let _: Stance = yaml::from_str(s).unwrap();
        }
        for s in SOURCE_KINDS {
            let _: SourceKind = yaml::from_str(s).unwrap();
        }
        for s in RELATION_KINDS {
            let _: RelationKind = yaml::from_str(s).unwrap();
        }
    }

    #[test]
    fn suggestions_only_for_near_misses() {
        assert_eq!(closest("titel", &["title", "when"]), Some("title"));
        assert_eq!(closest("colour", &["title", "when"]), None);
    }
}
