//! Insert into a YAML file without disturbing what people wrote.
//!
//! Edits are computed against the located tree (`yaml::parse_tree`) and applied as splices at
//! its byte offsets; no byte outside a splice changes, so comments, blank lines, key order,
//! quoting and hand formatting survive. The operations are the few a merge needs:
//!
//! - add items to a list (at the end, or before a given item): in a block list as new
//!   `- ...` lines with the list's own dash indentation; in a flow list as `, {...}` on the
//!   line of its last item; an empty `[]` or empty value becomes a block list (or, for short
//!   flow-friendly values such as offset pairs, is filled in place);
//! - add a missing key at the end of a block mapping, at the mapping's indentation;
//! - replace the value of a key whose content the tool owns (derived `disputes:`).
//!
//! New text is `yaml::to_string` output re-indented, or `yaml::to_flow_string` inside flow
//! collections, in the file's line ending (LF or CRLF). Lines added after a node go below the
//! comments indented under it, and a list whose items are separated by blank lines gets its
//! new items separated the same way.
//!
//! # Refused
//!
//! Anything that cannot be edited safely is refused with its place, and nothing is changed:
//! - a mapping written in flow style (`{...}`) that needs a new key or a rewritten value
//!   (adding to a flow list inside one is fine);
//! - an anchor (`&`) on the edited node or any node around it, since aliases would see the
//!   change; an alias (`*`) inside an edited list; an anchor or alias inside a replaced value;
//!   an anchored flow item that something would be inserted before;
//! - a block list none of whose items has its `- ` on the line where the item starts (its
//!   indentation cannot be told), or an item to insert before whose `- ` is not on its line.
//!
//! Several documents in one file never reach this module: `check` refuses them.

use std::collections::HashMap;

use serde::Serialize;

use super::diagnostic::Lines;
use super::yaml::{self, Mark, Node, Value, YamlError};

/// Why an edit was not made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The file uses a construct at `at` that cannot be edited safely.
    #[error("{message}")]
    Refused {
        /// Why it cannot be edited.
        message: String,
        /// Where.
        at: Mark,
    },
    #[error(transparent)]
    /// The edited text is not valid YAML.
    Yaml(#[from] YamlError),
}

/// A value ready to be written into a list, in both styles.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// `- ...` lines at indentation 0, ending in a line break.
    block: String,
    /// One line of flow YAML.
    flow: String,
}

impl Item {
    /// The value's YAML, for insertion in block or flow style.
    pub fn new<T: Serialize>(value: &T) -> Result<Item, YamlError> {
        Ok(Item {
            block: yaml::to_string(&[value])?,
            flow: yaml::to_flow_string(value)?,
        })
    }

    /// An item whose block text is already written (`- ...` lines at indentation 0), with
    /// the value it must read back as for flow style.
    pub fn with_block<T: Serialize>(block: String, value: &T) -> Result<Item, YamlError> {
        Ok(Item {
            block,
            flow: yaml::to_flow_string(value)?,
        })
    }

    /// A pair of byte offsets, written `[start, end]` in either style.
    pub fn pair(pair: [usize; 2]) -> Item {
        Item {
            block: format!("- [{}, {}]\n", pair[0], pair[1]),
            flow: format!("[{}, {}]", pair[0], pair[1]),
        }
    }
}

/// How to write a list that is missing, empty or null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One `- item` per line: for lists of mappings.
    Block,
    /// `[a, b]` on the key's line: for short values such as offset pairs.
    Flow,
}

/// One change: replace `start..end` of the original text with `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    /// Byte offset where the replaced text starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive); equal to `start` for an insertion.
    pub end: usize,
    /// The new text.
    pub text: String,
    /// Indentation of the inserted lines; at one offset, deeper text goes first, because the
    /// structure it continues closes before the shallower one.
    indent: usize,
    order: usize,
}

/// What the editor knows about each node, by address.
#[derive(Debug, Clone, Copy, Default)]
struct Info {
    flow: bool,
    /// The node itself carries an anchor.
    anchored: bool,
    /// The node or one of its ancestors carries an anchor: a change would show through aliases.
    pinned: bool,
    /// An anchor lies in the node or below it.
    anchors: bool,
    /// An alias lies in the node or below it.
    aliases: bool,
}

/// Collects splices against one text and its tree.
pub struct Editor<'a> {
    src: &'a str,
    eol: &'static str,
    info: HashMap<usize, Info>,
    splices: Vec<Splice>,
}

fn addr(node: &Node) -> usize {
    std::ptr::from_ref(node) as usize
}

impl<'a> Editor<'a> {
    /// `tree` must be `yaml::parse_tree(src)`.
    pub fn new(src: &'a str, tree: &'a Node) -> Result<Editor<'a>, EditError> {
        let styles = yaml::node_styles(src)?;
        let mut info = HashMap::new();
        let mut next = styles.into_iter();
        let count = index(tree, false, &mut next, &mut info);
        if count.is_none() || next.next().is_some() {
            return Err(EditError::Refused {
                message: "cannot line up the file's nodes with its parse".into(),
                at: Lines::new(src).place(tree.start),
            });
        }
        Ok(Editor {
            src,
            eol: if src.contains("\r\n") { "\r\n" } else { "\n" },
            info,
            splices: Vec::new(),
        })
    }

    fn info(&self, node: &Node) -> Info {
        self.info.get(&addr(node)).copied().unwrap_or_default()
    }

    /// Refuse at the byte offset `at`.
    fn refuse<T>(&self, at: usize, message: impl Into<String>) -> Result<T, EditError> {
        Err(EditError::Refused {
            message: message.into(),
            at: Lines::new(self.src).place(at),
        })
    }

    /// Refuse to edit a node an alias could see, or one holding an alias (the model and the
    /// tree would not line up); with `replace`, also one holding an anchor that would vanish.
    fn guard(&self, node: &Node, replace: bool, what: &str) -> Result<(), EditError> {
        let info = self.info(node);
        if info.pinned {
            return self.refuse(
                node.start,
                format!("{what} is anchored (`&`) or inside an anchored node; edit it by hand"),
            );
        }
        if info.aliases || (replace && info.anchors) {
            return self.refuse(
                node.start,
                format!("{what} contains anchors or aliases (`&`, `*`); edit it by hand"),
            );
        }
        Ok(())
    }

    fn push(&mut self, start: usize, end: usize, text: String, indent: usize) {
        let order = self.splices.len();
        self.splices.push(Splice {
            start,
            end,
            text,
            indent,
            order,
        });
    }

    /// Past comment lines indented deeper than `indent` (with blank lines among them) that
    /// follow `at`: they belong to what precedes, so lines added after it go below them.
    fn past_inner_comments(&self, at: usize, indent: usize) -> usize {
        let src = self.src;
        let (mut pos, mut past) = (at, at);
        while pos < src.len() {
            let next = after_line(src, pos);
            let body = src[pos..next].trim_end_matches(['\n', '\r']);
            let text = body.trim_start_matches(' ');
            if text.starts_with('#') && body.len() - text.len() > indent {
                past = next;
            } else if !text.is_empty() {
                break;
            }
            pos = next;
        }
        past
    }

    /// Insert whole lines at a line start (or at the end of the text).
    fn insert_lines(&mut self, at: usize, text: &str, indent: usize) {
        let mut text = text.to_string();
        if at == self.src.len() && !self.src.is_empty() && !self.src.ends_with('\n') {
            text.insert_str(0, self.eol);
        }
        self.push(at, at, text, indent);
    }

    /// `- item` lines at `indent`, in the file's line ending.
    fn block_text(&self, items: &[&Item], indent: usize) -> String {
        let mut out = String::new();
        for item in items {
            out.push_str(&reindent(&item.block, indent, self.eol));
        }
        out
    }

    /// Add items to the list under `key` of `map`: each `(i, item)` goes before the list's
    /// i-th item, or at the end when i is the list's length. A missing key is added.
    pub fn insert_items(
        &mut self,
        map: &Node,
        key: &str,
        inserts: &[(usize, Item)],
        layout: Layout,
    ) -> Result<(), EditError> {
        if inserts.is_empty() {
            return Ok(());
        }
        let src = self.src;
        if !matches!(map.value, Value::Map(_)) {
            return self.refuse(map.start, format!("expected a mapping to hold `{key}`"));
        }
        let items: Vec<&Item> = inserts.iter().map(|(_, item)| item).collect();
        let in_flow = self.info(map).flow;
        let Some(entry) = map.entry(key) else {
            if in_flow {
                return self.refuse(
                    map.start,
                    format!("cannot add `{key}` to a mapping written in flow style ({{...}}); write it as a block mapping"),
                );
            }
            self.guard(map, false, "the mapping")?;
            return self.add_key(map, key, &items, layout);
        };
        // Inside a flow mapping every value is flow.
        let layout = if in_flow { Layout::Flow } else { layout };
        let value = &entry.value;
        self.guard(value, false, &format!("`{key}`"))?;
        match &value.value {
            Value::Scalar { .. } if value.is_null() => self.fill_empty(map, entry, &items, layout),
            Value::Seq(list) if self.info(value).flow => {
                if list.is_empty() {
                    return self.fill_empty(map, entry, &items, layout);
                }
                let last_end = self.content_end(list.last().unwrap_or(value))?;
                for (i, item) in inserts {
                    match list.get(*i) {
                        Some(before) => {
                            // Text put before an anchored item would take its anchor.
                            if self.info(before).anchored {
                                return self.refuse(
                                    before.start,
                                    "cannot insert before an anchored (`&`) item",
                                );
                            }
                            self.push(
                                before.start,
                                before.start,
                                format!("{}, ", item.flow),
                                usize::MAX,
                            );
                        }
                        None => self.push(last_end, last_end, format!(", {}", item.flow), 0),
                    }
                }
                Ok(())
            }
            Value::Seq(list) => {
                let Some(first) = list.first() else {
                    return self.fill_empty(map, entry, &items, layout);
                };
                let Some(indent) = list.iter().find_map(|item| dash_indent(src, item)) else {
                    return self.refuse(
                        first.start,
                        format!("cannot tell the indentation of `{key}`: write each `- ` on the line where its item starts"),
                    );
                };
                let end = self.past_inner_comments(self.insertion_point(value)?, indent);
                let spaced = spaced_items(src, list);
                for (i, item) in inserts {
                    let at = match list.get(*i) {
                        Some(before) => {
                            if dash_indent(src, before).is_none() {
                                return self.refuse(
                                    before.start,
                                    "cannot insert before this item: its `- ` is not on its line",
                                );
                            }
                            line_start(src, before.start)
                        }
                        None => end,
                    };
                    let mut text = self.block_text(&[item], indent);
                    if spaced {
                        // New items follow the list's own convention of blank lines between items.
                        if at == end {
                            text.insert_str(0, self.eol);
                        } else {
                            text.push_str(self.eol);
                        }
                    }
                    self.insert_lines(at, &text, indent);
                }
                Ok(())
            }
            _ => self.refuse(
                value.start,
                format!("`{key}` must be a list, found {}", value.kind()),
            ),
        }
    }

    /// Replace the list under `key` of `map` with `items` (a value the tool owns). A missing key
    /// is added only when there are items.
    pub fn replace_items(
        &mut self,
        map: &Node,
        key: &str,
        items: &[Item],
    ) -> Result<(), EditError> {
        let src = self.src;
        if self.info(map).flow {
            return self.refuse(
                map.start,
                format!("cannot rewrite `{key}` in a mapping written in flow style ({{...}})"),
            );
        }
        let items: Vec<&Item> = items.iter().collect();
        let Some(entry) = map.entry(key) else {
            if items.is_empty() {
                return Ok(());
            }
            self.guard(map, false, "the mapping")?;
            return self.add_key(map, key, &items, Layout::Block);
        };
        let value = &entry.value;
        self.guard(value, true, &format!("`{key}`"))?;
        match &value.value {
            Value::Seq(list) if !self.info(value).flow && !list.is_empty() => {
                let first = &list[0];
                let Some(indent) = dash_indent(src, first) else {
                    return self.refuse(
                        first.start,
                        format!("cannot tell the indentation of `{key}`: write each `- ` on the line where its item starts"),
                    );
                };
                let start = line_start(src, first.start);
                let end = self.insertion_point(value)?;
                if items.is_empty() {
                    self.push(start, end, String::new(), indent);
                    let colon = self.colon_after(&entry.key)?;
                    self.push(colon, colon, " []".into(), usize::MAX);
                } else {
                    let text = self.block_text(&items, indent);
                    self.push(start, end, text, indent);
                }
                Ok(())
            }
            Value::Seq(_) | Value::Scalar { .. }
                if value.is_null() || matches!(value.value, Value::Seq(_)) =>
            {
                // Empty, null or flow: the value sits on its key's line.
                if !items.is_empty() {
                    return self.fill_empty(map, entry, &items, Layout::Block);
                }
                if matches!(&value.value, Value::Seq(list) if list.is_empty()) {
                    return Ok(());
                }
                let (start, end) = self.value_text(entry)?;
                let text = if start == end { " []" } else { "[]" };
                self.push(start, end, text.into(), usize::MAX);
                Ok(())
            }
            _ => self.refuse(
                value.start,
                format!("`{key}` must be a list, found {}", value.kind()),
            ),
        }
    }

    /// The text of a value written on its key's line (a scalar or flow collection): its
    /// start and end; an empty value gives the place just after the colon.
    fn value_text(&self, entry: &yaml::Entry) -> Result<(usize, usize), EditError> {
        let value = &entry.value;
        let end = self.content_end(value)?;
        if value.start >= end {
            let colon = self.colon_after(&entry.key)?;
            return Ok((colon, colon));
        }
        Ok((value.start, end))
    }

    /// Replace an empty value (nothing, `~`, `null`, `[]`) with the items.
    fn fill_empty(
        &mut self,
        map: &Node,
        entry: &yaml::Entry,
        items: &[&Item],
        layout: Layout,
    ) -> Result<(), EditError> {
        let src = self.src;
        let (start, end) = self.value_text(entry)?;
        let flows: Vec<&str> = items.iter().map(|i| i.flow.as_str()).collect();
        let in_flow_brackets =
            matches!(&entry.value.value, Value::Seq(_)) && src[start..].starts_with('[');
        if layout == Layout::Flow {
            if in_flow_brackets {
                self.push(start + 1, start + 1, flows.join(", "), usize::MAX);
            } else {
                let lead = if start == end { " " } else { "" };
                self.push(
                    start,
                    end,
                    format!("{lead}[{}]", flows.join(", ")),
                    usize::MAX,
                );
            }
            return Ok(());
        }
        // Drop the empty value and the spaces before it, then write a block list below the key.
        let mut from = start;
        if start != end {
            while from > 0 && src.as_bytes()[from - 1] == b' ' {
                from -= 1;
            }
        }
        if from < end {
            self.push(from, end, String::new(), usize::MAX);
        }
        let Some(indent) = key_indent(src, map) else {
            return self.refuse(map.start, "cannot tell this mapping's indentation");
        };
        let indent = indent + 2;
        let text = self.block_text(items, indent);
        let at = after_line(src, end.max(entry.key.end));
        let at = self.past_inner_comments(at, indent);
        self.insert_lines(at, &text, indent);
        Ok(())
    }

    /// Add `key` with a list of items at the end of a block mapping.
    fn add_key(
        &mut self,
        map: &Node,
        key: &str,
        items: &[&Item],
        layout: Layout,
    ) -> Result<(), EditError> {
        let src = self.src;
        let Some(indent) = key_indent(src, map) else {
            return self.refuse(map.start, "cannot tell this mapping's indentation");
        };
        let at = self.past_inner_comments(self.insertion_point(map)?, indent);
        let pad = " ".repeat(indent);
        let text = match layout {
            Layout::Flow => {
                let flows: Vec<&str> = items.iter().map(|i| i.flow.as_str()).collect();
                format!("{pad}{key}: [{}]{}", flows.join(", "), self.eol)
            }
            Layout::Block => format!(
                "{pad}{key}:{}{}",
                self.eol,
                self.block_text(items, indent + 2)
            ),
        };
        self.insert_lines(at, &text, indent);
        Ok(())
    }

    /// Where a node's text really ends. The tree ends collections at their last child, which
    /// leaves out a flow collection's closing bracket, so that is found here.
    fn content_end(&self, node: &Node) -> Result<usize, EditError> {
        let src = self.src;
        let last = match &node.value {
            Value::Seq(items) => items.last(),
            Value::Map(entries) => entries.last().map(|e| &e.value),
            _ => return Ok(node.end),
        };
        let Some(last) = last else {
            return Ok(node.end);
        };
        let inner = self.content_end(last)?;
        if !self.info(node).flow {
            return Ok(inner);
        }
        let closer = if matches!(node.value, Value::Seq(_)) {
            b']'
        } else {
            b'}'
        };
        let bytes = src.as_bytes();
        let mut i = inner;
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'\r' | b'\n' | b',' => i += 1,
                b'#' => i = after_line(src, i),
                c if c == closer => return Ok(i + 1),
                _ => break,
            }
        }
        self.refuse(node.start, "cannot find the end of this flow collection")
    }

    /// Where to insert lines that follow a node: after the line its content ends on, or at the
    /// start of the line its end mark points into when only indentation precedes it (block
    /// scalars end at the next token, after their trailing blank lines, which may be content).
    fn insertion_point(&self, node: &Node) -> Result<usize, EditError> {
        let end = self.content_end(node)?;
        let start = line_start(self.src, end);
        if self.src[start..end].bytes().all(|b| b == b' ') {
            Ok(start)
        } else {
            Ok(after_line(self.src, end))
        }
    }

    /// Offset just past the `:` after a key.
    fn colon_after(&self, key: &Node) -> Result<usize, EditError> {
        let end = self.content_end(key)?;
        let rest = &self.src[end..];
        let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if rest[skipped..].starts_with(':') {
            Ok(end + skipped + 1)
        } else {
            self.refuse(key.start, "cannot find the `:` after this key")
        }
    }

    /// The edited text and the splices that made it, in text order.
    pub fn finish(mut self) -> Result<(String, Vec<Splice>), EditError> {
        self.splices.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.indent.cmp(&a.indent))
                .then(a.order.cmp(&b.order))
        });
        let mut out = String::with_capacity(self.src.len() + 1024);
        let mut at = 0;
        for s in &self.splices {
            if s.start < at || s.end < s.start || s.end > self.src.len() {
                return Err(EditError::Refused {
                    message: "internal: overlapping edits".into(),
                    at: Mark::default(),
                });
            }
            out.push_str(&self.src[at..s.start]);
            out.push_str(&s.text);
            at = s.end;
        }
        out.push_str(&self.src[at..]);
        Ok((out, self.splices))
    }
}

/// Record each node's style in the tree's pre-order; returns whether the node holds
/// (anchors, aliases), or `None` when the styles run out.
fn index(
    node: &Node,
    pinned_above: bool,
    styles: &mut impl Iterator<Item = yaml::Style>,
    out: &mut HashMap<usize, Info>,
) -> Option<(bool, bool)> {
    let style = styles.next()?;
    let pinned = pinned_above || style.anchored;
    let (mut anchors, mut aliases) = (style.anchored, style.alias);
    let children = node
        .entries()
        .iter()
        .flat_map(|e| [&e.key, &e.value])
        .chain(node.items());
    for child in children {
        let (an, al) = index(child, pinned, styles, out)?;
        anchors |= an;
        aliases |= al;
    }
    out.insert(
        addr(node),
        Info {
            flow: style.flow,
            anchored: style.anchored,
            pinned,
            anchors,
            aliases,
        },
    );
    Some((anchors, aliases))
}

/// Offset of the start of the line holding `offset`.
pub fn line_start(src: &str, offset: usize) -> usize {
    src[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Offset just past the line break ending the line that holds `offset` (or the text's end).
pub fn after_line(src: &str, offset: usize) -> usize {
    src[offset..]
        .find('\n')
        .map_or(src.len(), |i| offset + i + 1)
}

/// Whether a block list puts a blank line between its items (judged by its last two).
fn spaced_items(src: &str, list: &[Node]) -> bool {
    let [.., _, last] = list else {
        return false;
    };
    let start = line_start(src, last.start);
    start > 0 && {
        let prev = line_start(src, start - 1);
        src[prev..start].trim().is_empty()
    }
}

/// Column (0-based) of the `- ` that introduces a block list item on its own line.
fn dash_indent(src: &str, item: &Node) -> Option<usize> {
    let start = line_start(src, item.start);
    let prefix = &src[start..item.start];
    let spaces = prefix.len() - prefix.trim_start_matches(' ').len();
    let rest = prefix[spaces..].strip_prefix('-')?;
    (!rest.is_empty() && rest.bytes().all(|b| b == b' ' || b == b'\t')).then_some(spaces)
}

/// Column (0-based) of a block mapping's keys.
fn key_indent(src: &str, map: &Node) -> Option<usize> {
    let key = &map.entries().first()?.key;
    let start = line_start(src, key.start);
    let prefix = &src[start..key.start];
    let spaces = prefix.len() - prefix.trim_start_matches(' ').len();
    if spaces == prefix.len() {
        return Some(spaces);
    }
    dash_indent(src, key).map(|_| prefix.len())
}

/// Indent every non-empty line by `indent` spaces, with the given line ending. Relative
/// indentation (nested values, block scalars) is kept.
fn reindent(text: &str, indent: usize, eol: &str) -> String {
    let pad = " ".repeat(indent);
    let mut out = String::with_capacity(text.len() + 8 * indent);
    for line in text.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        if !body.is_empty() {
            out.push_str(&pad);
            out.push_str(body);
        }
        out.push_str(eol);
    }
    out
}

/// A unified-diff-like view of what changed between two texts, with three lines of context.
pub fn unified_diff(name: &str, old: &str, new: &str) -> String {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = diff_lines(&a, &b);
    let mut out = String::new();
    if ops.iter().all(|op| matches!(op, Op::Same(..))) {
        return out;
    }
    out.push_str(&format!("--- {name}\n+++ {name} (merged)\n"));
    const CONTEXT: usize = 3;
    let mut i = 0;
    while i < ops.len() {
        if matches!(ops[i], Op::Same(..)) {
            i += 1;
            continue;
        }
        // A hunk runs from CONTEXT lines before a change to CONTEXT lines after the last
        // change that follows within 2 * CONTEXT lines of the one before.
        let start = i.saturating_sub(CONTEXT);
        let mut last = i;
        let mut j = i;
        while j < ops.len() && j - last <= 2 * CONTEXT {
            if !matches!(ops[j], Op::Same(..)) {
                last = j;
            }
            j += 1;
        }
        let stop = (last + 1 + CONTEXT).min(ops.len());
        let (mut a0, mut b0, mut na, mut nb) = (None, None, 0, 0);
        for op in &ops[start..stop] {
            if let Op::Same(x, _) | Op::Del(x) = op {
                a0.get_or_insert(*x);
                na += 1;
            }
            if let Op::Same(_, y) | Op::Add(y) = op {
                b0.get_or_insert(*y);
                nb += 1;
            }
        }
        out.push_str(&format!(
            "@@ -{},{na} +{},{nb} @@\n",
            a0.map_or(0, |x| x + 1),
            b0.map_or(0, |y| y + 1)
        ));
        for op in &ops[start..stop] {
            let (mark, line) = match op {
                Op::Same(x, _) => (' ', a[*x]),
                Op::Del(x) => ('-', a[*x]),
                Op::Add(y) => ('+', b[*y]),
            };
            out.push(mark);
            out.push_str(line.trim_end_matches(['\n', '\r']));
            out.push('\n');
        }
        i = stop;
    }
    out
}

#[derive(Debug, Clone, Copy)]
enum Op {
    Same(usize, usize),
    Del(usize),
    Add(usize),
}

/// Beyond this many changed lines the diff stops looking for the shortest edit and shows the
/// changed middle whole (Myers keeps O(D²) state).
const MAX_EDIT: usize = 2000;

/// Line diff: common ends trimmed, then Myers' O(ND) shortest edit on the middle.
fn diff_lines(a: &[&str], b: &[&str]) -> Vec<Op> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut ops: Vec<Op> = (0..head).map(|i| Op::Same(i, i)).collect();
    let (am, bm) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    match myers(am, bm) {
        Some(middle) => ops.extend(middle.into_iter().map(|op| match op {
            Op::Same(x, y) => Op::Same(x + head, y + head),
            Op::Del(x) => Op::Del(x + head),
            Op::Add(y) => Op::Add(y + head),
        })),
        None => {
            ops.extend((0..am.len()).map(|x| Op::Del(x + head)));
            ops.extend((0..bm.len()).map(|y| Op::Add(y + head)));
        }
    }
    let (ta, tb) = (a.len() - tail, b.len() - tail);
    ops.extend((0..tail).map(|i| Op::Same(ta + i, tb + i)));
    ops
}

/// The shortest edit script, or `None` when it is longer than `MAX_EDIT`. Only the diagonals
/// -d..=d of each frontier are kept, so memory is O(D²).
fn myers(a: &[&str], b: &[&str]) -> Option<Vec<Op>> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (a.len() + b.len()).min(MAX_EDIT) as isize;
    let off = max + 1;
    let mut v = vec![0isize; 2 * max as usize + 3];
    // trace[d] holds v[-d..=d] as it was before step d.
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut done = false;
    'outer: for d in 0..=max {
        trace.push(v[(off - d) as usize..=(off + d) as usize].to_vec());
        let mut k = -d;
        while k <= d {
            let idx = (k + off) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                done = true;
                break 'outer;
            }
            k += 2;
        }
    }
    if !done {
        return None;
    }
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize).rev() {
        let prev = &trace[d as usize];
        let at = |k: isize| prev[(k + d) as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && at(k - 1) < at(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
            ops.push(Op::Same(x as usize, y as usize));
        }
        if x == prev_x {
            y -= 1;
            ops.push(Op::Add(y as usize));
        } else {
            x -= 1;
            ops.push(Op::Del(x as usize));
        }
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        ops.push(Op::Same(x as usize, y as usize));
    }
    ops.reverse();
    Some(ops)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::yaml::parse_tree;

    fn edit(src: &str, f: impl FnOnce(&mut Editor, &Node) -> Result<(), EditError>) -> String {
        let tree = parse_tree(src).unwrap();
        let mut ed = Editor::new(src, &tree).unwrap();
        f(&mut ed, &tree).unwrap();
        ed.finish().unwrap().0
    }

    fn item(text: &str) -> Item {
        Item::new(&text.to_string()).unwrap()
    }

    #[test]
    fn appends_to_a_block_list_with_its_indentation() {
        let src = "a:\n    - x   # first\n    # trailing comment\nb: 1\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(t, "a", &[(1, item("v"))], Layout::Block)
        });
        assert_eq!(
            out,
            "a:\n    - x   # first\n    - v\n    # trailing comment\nb: 1\n"
        );
    }

    #[test]
    fn blank_lines_between_items_are_imitated() {
        let src = "a:\n\n  - x: 1\n\n  - x: 2\nb: 1\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(t, "a", &[(0, item("w")), (2, item("v"))], Layout::Block)
        });
        assert_eq!(out, "a:\n\n  - w\n\n  - x: 1\n\n  - x: 2\n\n  - v\nb: 1\n");
    }

    #[test]
    fn comments_indented_under_the_last_item_stay_with_it() {
        let src = "a:\n  - x: 1\n    # about x\n\n    # more about x\n\n  # about the list\nb: 1\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(t, "a", &[(1, item("v"))], Layout::Block)
        });
        assert_eq!(
            out,
            "a:\n  - x: 1\n    # about x\n\n    # more about x\n  - v\n\n  # about the list\nb: 1\n"
        );
    }

    #[test]
    fn appends_after_a_block_scalar_keeping_its_trailing_lines() {
        let src = "a:\n  - n: |+\n      kept\n\n  - m: 2\nb: 1\n";
        let out = edit(src, |ed, t| {
            let first = &t.get("a").unwrap().items()[0];
            ed.insert_items(first, "o", &[(0, item("z"))], Layout::Block)
        });
        assert_eq!(
            out,
            "a:\n  - n: |+\n      kept\n\n    o:\n      - z\n  - m: 2\nb: 1\n"
        );
    }

    #[test]
    fn flow_lists_get_flow_items_and_sorted_positions() {
        let src = "x: [[1, 2], [9, 10]]  # ledger\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(
                t,
                "x",
                &[(1, Item::pair([3, 4])), (2, Item::pair([11, 12]))],
                Layout::Flow,
            )
        });
        assert_eq!(out, "x: [[1, 2], [3, 4], [9, 10], [11, 12]]  # ledger\n");
    }

    #[test]
    fn zero_indented_block_lists_of_flow_pairs() {
        let src = "x:\n- [1, 2]\n- [3, 4]\ny: 1\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(
                t,
                "x",
                &[(0, Item::pair([0, 1])), (2, Item::pair([5, 6]))],
                Layout::Flow,
            )
        });
        assert_eq!(out, "x:\n- [0, 1]\n- [1, 2]\n- [3, 4]\n- [5, 6]\ny: 1\n");
    }

    #[test]
    fn empty_values_become_block_lists() {
        for (src, want) in [
            ("a: []  # none yet\nb: 1\n", "a:  # none yet\n  - v\nb: 1\n"),
            ("a:\nb: 1\n", "a:\n  - v\nb: 1\n"),
            ("a: ~\nb: 1", "a:\n  - v\nb: 1"),
        ] {
            let out = edit(src, |ed, t| {
                ed.insert_items(t, "a", &[(0, item("v"))], Layout::Block)
            });
            assert_eq!(out, want, "{src:?}");
        }
    }

    #[test]
    fn missing_keys_go_at_the_end_of_the_mapping() {
        let src = "list:\n  - id: a\n    t: 1\n  - id: b\nend: 2";
        let out = edit(src, |ed, t| {
            let a = &t.get("list").unwrap().items()[0];
            ed.insert_items(a, "k", &[(0, item("v"))], Layout::Block)?;
            ed.insert_items(t, "z", &[(0, Item::pair([1, 2]))], Layout::Flow)
        });
        assert_eq!(
            out,
            "list:\n  - id: a\n    t: 1\n    k:\n      - v\n  - id: b\nend: 2\nz: [[1, 2]]\n"
        );
    }

    #[test]
    fn deeper_insertions_come_first_at_one_offset() {
        let src = "list:\n  - id: a\n    sub:\n      - x\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(t, "more", &[(0, item("m"))], Layout::Block)?;
            ed.insert_items(t, "list", &[(1, item("b"))], Layout::Block)?;
            let a = &t.get("list").unwrap().items()[0];
            ed.insert_items(a, "sub", &[(1, item("v"))], Layout::Block)
        });
        assert_eq!(
            out,
            "list:\n  - id: a\n    sub:\n      - x\n      - v\n  - b\nmore:\n  - m\n"
        );
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let src = "a:\r\n  - x\r\nb: 1\r\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(t, "a", &[(1, item("v"))], Layout::Block)
        });
        assert_eq!(out, "a:\r\n  - x\r\n  - v\r\nb: 1\r\n");
    }

    #[test]
    fn replaces_an_owned_block_list() {
        let src = "d:  # derived\n  # about d\n  - a\n  # between\n  - b\ne: 1\n";
        let out = edit(src, |ed, t| ed.replace_items(t, "d", &[item("c")]));
        assert_eq!(out, "d:  # derived\n  # about d\n  - c\ne: 1\n");
        let out = edit(src, |ed, t| ed.replace_items(t, "d", &[]));
        assert_eq!(out, "d: []  # derived\n  # about d\ne: 1\n");
    }

    #[test]
    fn anchors_inside_untouched_items_are_no_obstacle() {
        let src = "a:\n  - x: &n 1\n";
        let out = edit(src, |ed, t| {
            ed.insert_items(t, "a", &[(1, item("v"))], Layout::Block)
        });
        assert_eq!(out, "a:\n  - x: &n 1\n  - v\n");
        let tree = parse_tree("a: [&p [1, 2]]\n").unwrap();
        let mut ed = Editor::new("a: [&p [1, 2]]\n", &tree).unwrap();
        let r = ed.insert_items(&tree, "a", &[(0, Item::pair([0, 1]))], Layout::Flow);
        assert!(matches!(r, Err(EditError::Refused { .. })), "{r:?}");
    }

    #[test]
    fn flow_lists_inside_flow_mappings_take_flow_items() {
        let src = "m: {a: [y], b: [], c: }\n";
        let out = edit(src, |ed, t| {
            let m = t.get("m").unwrap();
            for key in ["a", "b", "c"] {
                ed.insert_items(m, key, &[(9, item("z"))], Layout::Block)?;
            }
            Ok(())
        });
        assert_eq!(out, "m: {a: [y, \"z\"], b: [\"z\"], c: [\"z\"] }\n");
    }

    #[test]
    fn refuses_anchored_and_flow_mappings() {
        for src in ["a: &x\n  - v\n", "m: &m\n  a:\n    - v\n", "m: {b: [y]}\n"] {
            let tree = parse_tree(src).unwrap();
            let mut ed = Editor::new(src, &tree).unwrap();
            let target = tree.get("m").unwrap_or(&tree);
            let r = ed.insert_items(target, "a", &[(1, item("z"))], Layout::Block);
            assert!(
                matches!(r, Err(EditError::Refused { .. })),
                "{src:?}: {r:?}"
            );
        }
    }

    #[test]
    fn diff_agrees_with_the_texts() {
        let old: String = (0..300).map(|i| format!("line {i}\n")).collect();
        let mut new = String::new();
        for (i, line) in old.lines().enumerate() {
            if i % 7 == 0 {
                new.push_str("added\n");
            }
            if i % 11 != 5 {
                new.push_str(line);
                new.push('\n');
            }
        }
        let ops = diff_lines(
            &old.split_inclusive('\n').collect::<Vec<_>>(),
            &new.split_inclusive('\n').collect::<Vec<_>>(),
        );
        let adds = ops.iter().filter(|o| matches!(o, Op::Add(_))).count();
        let dels = ops.iter().filter(|o| matches!(o, Op::Del(_))).count();
        assert_eq!((adds, dels), (43, 27));
        let d = unified_diff("t", &old, &new);
        assert_eq!(d.lines().filter(|l| l.starts_with('+')).count(), 44);
    }

    #[test]
    fn huge_diffs_fall_back_to_the_changed_middle() {
        let old: String = (0..3000).map(|i| format!("a{i}\n")).collect();
        let new: String = (0..3000).map(|i| format!("b{i}\n")).collect();
        let ops = diff_lines(
            &old.split_inclusive('\n').collect::<Vec<_>>(),
            &new.split_inclusive('\n').collect::<Vec<_>>(),
        );
        assert_eq!(ops.len(), 6000);
    }

    #[test]
    fn diff_shows_added_lines_with_context() {
        let d = unified_diff("t.yaml", "a\nb\nc\n", "a\nb\nx\nc\n");
        assert_eq!(
            d,
            "--- t.yaml\n+++ t.yaml (merged)\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n"
        );
        assert_eq!(unified_diff("t", "a\n", "a\n"), "");
    }
}
