//! The one place that knows which YAML library we use.
//!
//! serde_yaml is archived; we use serde-saphyr: safe Rust, located errors, and budgets
//! against alias bombs and deep nesting. Besides typed (de)serialisation this module builds
//! a located node tree from the parser's events (`granit_parser`, re-exported by
//! serde-saphyr), so that `check` can point at any value and edits can splice text into a
//! file without disturbing the rest of it. Typed values are read from that tree (`de`), so
//! that a file is parsed once, and a large file is parsed in pieces on all cores (`split`).

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span, StructureStyle};

mod de;
mod split;
pub use de::{NodeError, from_node};

/// A position in a YAML text: byte offset, 1-based line, 1-based column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Mark {
    /// Byte offset.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
}

/// A YAML problem with its place, when known.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    /// What is wrong.
    pub message: String,
    /// Where, when known.
    pub at: Option<Mark>,
}

/// A node of the located tree. A large timeline has millions of nodes, so a node is kept
/// small: byte offsets only (the line and column of the few that are reported come from
/// [`super::diagnostic::Lines::locate`]), and text borrowed from the source where the
/// scalar's text is the source's.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// What the node holds.
    pub value: Value<'a>,
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset where it ends.
    pub end: usize,
}

/// What a node holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// A scalar's text and whether it was written plain (unquoted, not a block scalar).
    Scalar {
        /// The text, unescaped.
        text: Cow<'a, str>,
        /// Written plain: unquoted, not a block scalar.
        plain: bool,
    },
    /// A sequence.
    Seq(Vec<Node<'a>>),
    /// A mapping, in file order.
    Map(Vec<Entry<'a>>),
    /// `*name`: the tree does not expand aliases.
    Alias,
}

/// A key and its value in a mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    /// The key.
    pub key: Node<'a>,
    /// The value.
    pub value: Node<'a>,
}

/// Budgets for files people write: generous for real timelines, tight enough that a
/// hostile file cannot exhaust memory. The size of a timeline is bounded by the input limit
/// ([`crate::input::limit`], 256 MiB unless `--max-file-size` says otherwise), aliases are
/// few (so nothing expands), and the counts scale with that limit, so that any file within
/// it loads, and every file Rashomon writes is read back (thousands of articles give tens of
/// megabytes, millions of nodes).
fn options() -> serde_saphyr::Options {
    let limit =
        usize::try_from(crate::input::limit(crate::input::Kind::Timeline)).unwrap_or(usize::MAX);
    // YAML 1.2 booleans only (`true`/`false`), matching how we write: a place called `yes`
    // or a facet value `no` stays text.
    // `.nan` and `.inf` reach the model as the text they are (a facet value keeps it).
    serde_saphyr::options! {
        with_snippet: false,
        strict_booleans: true,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
        budget: serde_saphyr::budget! {
            // A node takes two bytes at the least (`[a,b]`), an event half a node.
            max_reader_input_bytes: Some(limit.saturating_add(1)),
            max_nodes: limit / 2 + 1_000,
            max_events: limit + 1_000,
            max_total_scalar_bytes: limit.saturating_add(1),
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_depth: 64,
        },
    }
}

/// Deserialise a value; errors carry the line and column.
pub fn from_str<T: DeserializeOwned>(src: &str) -> Result<T, YamlError> {
    serde_saphyr::from_str_with_options(src, options()).map_err(|e| {
        let at = e.location().map(|l| {
            let line = l.line() as usize;
            let col = l.column() as usize;
            Mark {
                offset: offset_of(src, line, col),
                line,
                col,
            }
        });
        YamlError {
            message: clean_message(&e.to_string()),
            at,
        }
    })
}

/// Deserialise a value from `tree`, the located tree of `src`, without parsing `src` again.
/// `plain` says the document has no tags, anchors, aliases or `%YAML` directive, which the
/// tree does not keep ([`parse`]); otherwise, and whenever the tree cannot give the value, `src`
/// is read by serde-saphyr, so that the value and any message are serde-saphyr's.
pub fn from_tree<T: DeserializeOwned>(src: &str, tree: &Node, plain: bool) -> Result<T, YamlError> {
    match plain.then(|| from_node(tree)) {
        Some(Ok(value)) => Ok(value),
        _ => from_str(src),
    }
}

/// Serialise deterministically: two-space indent, list items indented under their key, no
/// block folding of long strings (a reflowed paragraph makes a noisy diff). Strings that a
/// YAML 1.1 reader such as PyYAML would take for something else (`yes`, `2016-09-20`, `62`)
/// are quoted, so other tools read the file as we do.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_saphyr::to_string_with_options(value, ser_options()).map_err(|e| YamlError {
        message: e.to_string(),
        at: None,
    })
}

/// [`to_string`], written as it is made: a large timeline is never held whole in memory as
/// text. An error of the writer comes back as itself.
pub fn to_writer<W: std::io::Write, T: Serialize>(out: &mut W, value: &T) -> std::io::Result<()> {
    serde_saphyr::to_io_writer_with_options(out, value, ser_options()).map_err(|e| match e {
        serde_saphyr::SerializeError::IO { error } => error,
        other => std::io::Error::other(other.to_string()),
    })
}

fn ser_options() -> serde_saphyr::SerializerOptions {
    serde_saphyr::ser_options! {
        indent_step: 2,
        compact_list_indent: false,
        prefer_block_scalars: false,
    }
}

/// Writes an optional pair of offsets as `[start, end]` on one line.
pub fn flow_pair<S: serde::Serializer>(pair: &Option<[usize; 2]>, s: S) -> Result<S::Ok, S::Error> {
    match pair {
        Some(p) => serde_saphyr::FlowSeq(p).serialize(s),
        None => s.serialize_none(),
    }
}

/// Writes text with line breaks as a literal block (`|`), which people can edit; other text
/// as a plain or quoted scalar.
pub fn prose<S: serde::Serializer>(text: &Option<String>, s: S) -> Result<S::Ok, S::Error> {
    match text {
        // Block scalars cannot hold every string faithfully (trailing spaces, tabs, CR).
        Some(t)
            if t.contains('\n')
                && !t.contains(['\r', '\t'])
                && !t.lines().any(|l| l.ends_with(' ')) =>
        {
            serde_saphyr::LitStr(t).serialize(s)
        }
        Some(t) => s.serialize_str(t),
        None => s.serialize_none(),
    }
}

/// Writes a list of offset pairs on one line: `[[0, 10], [42, 97]]`.
pub fn flow_pairs<S: serde::Serializer>(pairs: &[[usize; 2]], s: S) -> Result<S::Ok, S::Error> {
    // Inside a flow list everything is flow already. Wrapping the pairs in `FlowSeq` too
    // leaves serde-saphyr (2.1) in flow mode afterwards: the next list in the document came
    // out as `[...]`, with invalid block scalars inside.
    serde_saphyr::FlowSeq(pairs).serialize(s)
}

/// Writes a list of short texts on one line: `via: [BBC, Reuters]`.
pub fn flow_list<S: serde::Serializer>(list: &[String], s: S) -> Result<S::Ok, S::Error> {
    serde_saphyr::FlowSeq(list).serialize(s)
}

/// Drops serde-saphyr's own " at line X column Y" suffix: we print places ourselves.
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message);
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

/// Byte offset of a 1-based line and column.
pub fn offset_of(src: &str, line: usize, col: usize) -> usize {
    let line_start = src
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &src[line_start.min(src.len())..];
    line_start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

fn mark(src: &str, m: &serde_saphyr::granit_parser::Marker) -> Mark {
    let line = m.line();
    let col = m.col() + 1;
    let offset = m.byte_offset().unwrap_or_else(|| offset_of(src, line, col));
    Mark { offset, line, col }
}

/// The byte offset of a parser position.
fn offset(src: &str, m: &serde_saphyr::granit_parser::Marker) -> usize {
    m.byte_offset()
        .unwrap_or_else(|| offset_of(src, m.line(), m.col() + 1))
}

/// Parse YAML text into a located tree. An empty document gives an empty mapping.
pub fn parse_tree(src: &str) -> Result<Node<'_>, YamlError> {
    parse(src).map(|(tree, _)| tree)
}

/// [`parse_tree`], and whether the document is plain: no tags, anchors, aliases or `%YAML`
/// directive, so that the tree alone gives its values ([`from_tree`]). A large document is
/// parsed in pieces on all cores when it can be cut safely ([`split`]); the tree is the same.
pub fn parse(src: &str) -> Result<(Node<'_>, bool), YamlError> {
    if let Some(parsed) = split::parse(src) {
        return Ok(parsed);
    }
    let (root, plain, _) = build(src, 0, 0)?;
    let tree = root.unwrap_or(Node {
        value: Value::Map(Vec::new()),
        start: 0,
        end: 0,
    });
    Ok((tree, plain))
}

/// The tree of `src`, a piece of a text that starts at byte `base` of it, nested `depth` deep
/// in the text's tree; whether it is plain, and how many events it took.
fn build(
    src: &str,
    base: usize,
    depth: usize,
) -> Result<(Option<Node<'_>>, bool, usize), YamlError> {
    enum Frame<'a> {
        Seq(usize, Vec<Node<'a>>),
        Map(usize, Vec<Entry<'a>>, Option<Node<'a>>),
    }
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut plain = true;
    let mut events = 0usize;
    let mut parser = Parser::new_from_str(src);
    let place = |src: &str, span: &Span| {
        (
            base + offset(src, &span.start),
            base + offset(src, &span.end),
        )
    };

    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| YamlError {
            message: e.info().to_string(),
            at: Some(mark(src, e.marker())),
        })?;
        events += 1;
        // The text was read within its size limit; an event takes a byte of it at the least
        // (as in `options`), so this bounds the tree by the text, whatever its size.
        if events > src.len() + 1_000 || stack.len() + depth > 64 {
            return Err(YamlError {
                message: "document too large or nested too deeply".into(),
                at: Some(mark(src, &span.start)),
            });
        }
        let (start, end) = place(src, &span);
        plain &= match &event {
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(_, anchor, tag)
            | Event::MappingStart(_, anchor, tag) => *anchor == 0 && tag.is_none(),
            Event::DocumentStart(_, version) => version.is_none(),
            Event::Alias(_) => false,
            _ => true,
        };
        let finished = match event {
            Event::Scalar(text, style, _, _) => Some(Node {
                value: Value::Scalar {
                    text,
                    plain: style == ScalarStyle::Plain,
                },
                start,
                end,
            }),
            Event::Alias(_) => Some(Node {
                value: Value::Alias,
                start,
                end,
            }),
            Event::SequenceStart(..) => {
                stack.push(Frame::Seq(start, Vec::new()));
                None
            }
            Event::MappingStart(..) => {
                stack.push(Frame::Map(start, Vec::new(), None));
                None
            }
            // Collections lose their growth slack: most are short (`[start, end]`).
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq(s, mut items)) => {
                    items.shrink_to_fit();
                    Some(Node {
                        end: items.last().map_or(end, |n| n.end),
                        value: Value::Seq(items),
                        start: s,
                    })
                }
                _ => None,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map(s, mut entries, _)) => {
                    entries.shrink_to_fit();
                    Some(Node {
                        end: entries.last().map_or(end, |e| e.value.end),
                        value: Value::Map(entries),
                        start: s,
                    })
                }
                _ => None,
            },
            _ => None,
        };
        let Some(node) = finished else { continue };
        match stack.last_mut() {
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending)) => match pending.take() {
                None => *pending = Some(node),
                Some(key) => entries.push(Entry { key, value: node }),
            },
            None => {
                if root.is_some() {
                    return Err(YamlError {
                        message: "a timeline file holds one YAML document".into(),
                        at: Some(super::diagnostic::Lines::new(src).place(node.start - base)),
                    });
                }
                root = Some(node);
            }
        }
    }
    Ok((root, plain, events))
}

/// How a node of the located tree was written: facts the tree leaves out but a tool that
/// splices text into a file must respect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// A `[...]` or `{...}` collection.
    pub flow: bool,
    /// The node carries an anchor (`&name`).
    pub anchored: bool,
    /// The node is an alias (`*name`).
    pub alias: bool,
}

/// The style of every node `parse_tree(src)` builds, in the tree's pre-order (a node, then
/// its keys and values or its items), which is the order of the parser's events.
pub fn node_styles(src: &str) -> Result<Vec<Style>, YamlError> {
    let mut out = Vec::new();
    let mut parser = Parser::new_from_str(src);
    while let Some(next) = parser.next_event() {
        let (event, _) = next.map_err(|e| YamlError {
            message: e.info().to_string(),
            at: Some(mark(src, e.marker())),
        })?;
        if out.len() > src.len() + 1_000 {
            return Err(YamlError {
                message: "document too large".into(),
                at: None,
            });
        }
        match event {
            Event::Scalar(_, _, anchor, _) => out.push(Style {
                anchored: anchor != 0,
                ..Style::default()
            }),
            Event::SequenceStart(style, anchor, _) | Event::MappingStart(style, anchor, _) => out
                .push(Style {
                    flow: style == StructureStyle::Flow,
                    anchored: anchor != 0,
                    alias: false,
                }),
            Event::Alias(_) => out.push(Style {
                alias: true,
                ..Style::default()
            }),
            _ => {}
        }
    }
    Ok(out)
}

/// Serialise a value in flow style on one line (`{"id": "a", "span": [1, 2]}`), for adding
/// to a list a person wrote in flow style. JSON is YAML 1.2 flow syntax and double-quotes
/// every string, so no value can be misread (a block scalar is not allowed in flow style).
pub fn to_flow_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    struct OneLine;
    impl serde_json::ser::Formatter for OneLine {
        fn begin_array_value<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            if first {
                Ok(())
            } else {
                writer.write_all(b", ")
            }
        }
        fn begin_object_key<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
            first: bool,
        ) -> std::io::Result<()> {
            if first {
                Ok(())
            } else {
                writer.write_all(b", ")
            }
        }
        fn begin_object_value<W: ?Sized + std::io::Write>(
            &mut self,
            writer: &mut W,
        ) -> std::io::Result<()> {
            writer.write_all(b": ")
        }
    }
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, OneLine);
    value.serialize(&mut ser).map_err(|e| YamlError {
        message: e.to_string(),
        at: None,
    })?;
    String::from_utf8(out).map_err(|e| YamlError {
        message: e.to_string(),
        at: None,
    })
}

impl<'a> Node<'a> {
    /// The value under a mapping key.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.entry(key).map(|e| &e.value)
    }

    /// The entry (key and value) under a mapping key.
    pub fn entry(&self, key: &str) -> Option<&Entry<'a>> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|e| e.key.as_str() == Some(key)),
            _ => None,
        }
    }

    /// A mapping's entries; none for anything else.
    pub fn entries(&self) -> &[Entry<'a>] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    /// A sequence's items; none for anything else.
    pub fn items(&self) -> &[Node<'a>] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    /// A scalar's text; `None` for anything else.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }

    /// A scalar written plain as `null`, `~` or nothing.
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar { text, plain: true } if matches!(text.as_ref(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// What kind of YAML value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            Value::Scalar { .. } if self.is_null() => "nothing",
            Value::Scalar { .. } => "a single value",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
            Value::Alias => "an alias",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::diagnostic::Lines;

    #[test]
    fn tree_locates_keys_and_values() {
        let src = "title: T\nevents:\n  - id: a\n    when: 2016-09-17\n  - id: b\n";
        let tree = parse_tree(src).unwrap();
        let events = tree.get("events").unwrap();
        assert_eq!(events.items().len(), 2);
        let when = events.items()[0].get("when").unwrap();
        assert_eq!(when.as_str(), Some("2016-09-17"));
        let lines = Lines::new(src);
        let at = lines.place(when.start);
        assert_eq!((at.line, at.col), (4, 11));
        assert_eq!(&src[when.start..when.end], "2016-09-17");
        let key = &events.items()[1].entries()[0].key;
        let at = lines.place(key.start);
        assert_eq!((at.line, at.col), (5, 5));
    }

    /// Nodes keep byte offsets only; the line and column found from one must be the parser's
    /// own, whatever the text: several bytes to a character, tabs, CRLF, block scalars, flow.
    #[test]
    fn places_from_offsets_match_the_parser() {
        let texts = [
            "title: Ünïcödé ✓\nevents:\n  - id: é-1\n    notes: \"日本語 \\u00e9\"\n",
            "a: \"x\"\r\nb: [1, 2, {c: ü}]\r\nd: |\r\n  line\r\n  ẞ\r\ne: 'q'\r\n",
            "a:\t\"tab\"\nb:\n- x\n- - ÿ\n  - z\nc: >\n  folded\n  text\n\nd: ~\n",
            "\u{feff}a: 1\nb: 😀😀 x\n",
        ];
        for src in texts {
            let lines = Lines::new(src);
            let mut parser = Parser::new_from_str(src);
            while let Some(next) = parser.next_event() {
                let (_, span) = next.unwrap();
                for m in [span.start, span.end] {
                    let at = lines.place(m.byte_offset().unwrap());
                    assert_eq!((at.line, at.col), (m.line(), m.col() + 1), "{src:?} {m:?}");
                }
            }
        }
    }

    #[test]
    fn plain_scalars_borrow_the_source() {
        let tree = parse_tree("a: plain text\nb: \"quoted\\tescape\"\n").unwrap();
        let Value::Scalar { text, plain } = &tree.get("a").unwrap().value else {
            panic!("a scalar")
        };
        assert!(*plain && matches!(text, Cow::Borrowed("plain text")));
        assert_eq!(tree.get("b").unwrap().as_str(), Some("quoted\tescape"));
    }

    #[test]
    fn deep_nesting_is_refused_with_a_place() {
        let src = format!("a: {}x{}\n", "[".repeat(100), "]".repeat(100));
        let err = parse_tree(&src).unwrap_err();
        let at = err.at.unwrap();
        assert_eq!(at.line, 1);
        assert!(at.col > 60 && at.col < 70, "{at:?}");
        let err = from_str::<serde_json::Value>(&src).unwrap_err();
        assert_eq!(err.at.map(|m| m.line), Some(1), "{err:?}");
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let err = parse_tree("title: [unclosed\nevents: x\n").unwrap_err();
        assert!(err.at.is_some(), "{err:?}");
    }

    #[test]
    fn offsets_count_characters_per_line() {
        let src = "a: é\nbé: c\n";
        assert_eq!(offset_of(src, 2, 1), 6);
        assert_eq!(&src[offset_of(src, 2, 5)..], "c\n");
    }

    #[test]
    fn lists_after_offset_pairs_stay_block() {
        use crate::timeline::model::{Event, Source, Timeline};
        let t = Timeline {
            title: "t".into(),
            sources: vec![Source {
                id: "s".into(),
                extracted: vec![[1, 2], [3, 4]],
                ..Source::default()
            }],
            events: vec![Event {
                id: "e".into(),
                title: "x".into(),
                notes: Some("two\nlines".into()),
                ..Event::default()
            }],
            ..Timeline::default()
        };
        let text = to_string(&t).unwrap();
        assert!(
            text.contains("extracted: [[1, 2], [3, 4]]\nevents:\n  - id: e\n"),
            "{text}"
        );
        let back: Timeline = from_str(&text).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            src.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let r: Result<std::collections::BTreeMap<String, serde_json::Value>, _> = from_str(&src);
        let err = r.unwrap_err();
        assert!(err.at.is_some_and(|m| m.line > 1), "{err:?}");
    }
}
