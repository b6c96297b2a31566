//! A large document parsed in pieces, one a core, giving the tree the whole parse gives.
//!
//! A piece starts at a line `- ` at the indent `i` of the document's first list item under a
//! top-level key. It is parsed alone after a made-up top-level key (`x:`), so that the parser
//! is where it was at that line in the whole parse: in a top-level mapping, in the value of
//! a key, a block list at indent `i`. The pieces are then joined: the made-up key's items
//! extend the list under the last top-level key so far, the piece's other keys extend the
//! top-level mapping.
//!
//! Why the join is the whole parse: the text before a cut, parsed alone, ends at the cut. Had
//! the whole parse been inside a quoted scalar or a flow collection there, that piece ends
//! inside it and fails. A plain scalar continues only on lines indented more than the
//! collection that holds it, and inside an item at indent `i` that is more than `i`. So when
//! every piece parses, the list a piece extends is a block list at indent `i` under a
//! top-level key, and the text before the cut does not end with a block scalar or an empty
//! value (the parser ends those at what follows), the pieces are the whole parse's. Anything
//! else (a failed piece, an alias to an anchor in another piece, two documents) is parsed
//! whole, which also gives the message and place of any error.

use rayon::prelude::*;

use std::borrow::Cow;

use super::{Entry, Node, Value, build};

/// Below this a document is parsed whole: pieces would not pay for themselves.
const MIN_BYTES: usize = 4 << 20;
/// What a piece is parsed after: a top-level key whose value is the list the piece continues.
const KEY: &str = "x:\n";

/// The tree of `src` and whether it is plain, from pieces parsed in parallel; `None` when
/// `src` is small, cannot be cut, or a piece does not parse (then it is parsed whole).
pub(super) fn parse(src: &str) -> Option<(Node<'_>, bool)> {
    let threads = rayon::current_num_threads();
    if src.len() < MIN_BYTES || threads < 2 {
        return None;
    }
    parse_in(src, threads * 2)
}

/// [`parse`] in about `pieces` pieces, whatever the size of `src`.
fn parse_in(src: &str, pieces: usize) -> Option<(Node<'_>, bool)> {
    let indent = item_indent(src)?;
    let cuts = cuts(src, indent, pieces);
    if cuts.len() < 2 {
        return None;
    }
    let parsed: Vec<_> = cuts
        .par_iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = cuts.get(n + 1).map_or(src.len(), |&c| c);
            if start == 0 {
                return build(&src[..end], 0, 0).ok();
            }
            let text = format!("{KEY}{}", &src[start..end]);
            let (root, plain, events) = build(&text, start - KEY.len(), 0).ok()?;
            Some((root.map(|r| rebase(r, &text, src, start)), plain, events))
        })
        .collect();
    join(src, indent, &cuts, parsed)
}

/// The indent of the document's first list item under a top-level key: a line `- ` after
/// one or more spaces, whose nearest line before with text is a top-level key.
fn item_indent(src: &str) -> Option<usize> {
    let mut top_key = false;
    for line in src.lines().take(10_000) {
        let text = line.trim_start_matches(' ');
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let indent = line.len() - text.len();
        if indent == 0 {
            top_key = !text.starts_with("- ");
        } else if top_key && text.starts_with("- ") {
            return Some(indent);
        } else {
            top_key = false;
        }
    }
    None
}

/// Where the pieces start: the text's start and about `pieces - 1` item lines evenly spread,
/// each after an item that does not end with a block scalar or an empty value (those would
/// keep the pieces from joining).
fn cuts(src: &str, indent: usize, pieces: usize) -> Vec<usize> {
    let bytes = src.as_bytes();
    let item_at = |p: usize| {
        bytes.len() > p + indent + 2
            && bytes[p..p + indent].iter().all(|&b| b == b' ')
            && bytes[p + indent..p + indent + 2] == *b"- "
    };
    let mut cuts = vec![0];
    for k in 1..pieces {
        let target = (src.len() / pieces * k).max(cuts[cuts.len() - 1] + 1);
        let Some(from) = memchr::memchr(b'\n', &bytes[target - 1..]).map(|i| target + i) else {
            break;
        };
        let next = std::iter::once(from)
            .chain(memchr::memchr_iter(b'\n', &bytes[from..]).map(|i| from + i + 1))
            .take_while(|&p| p < bytes.len())
            .find(|&p| item_at(p) && ends_closed(&src[..p], indent));
        match next {
            Some(p) => cuts.push(p),
            None => break,
        }
    }
    cuts
}

/// The text before an item line ends with a value the parser ends by itself: looking back
/// over each line less indented than those after it, down to the indent of the items, none
/// opens a block scalar (`|`, `>`), and the last line does not leave its value empty.
fn ends_closed(before: &str, indent: usize) -> bool {
    let mut least = usize::MAX;
    let mut last = true;
    for line in before.lines().rev().take(100_000) {
        let text = line.trim_start_matches(' ').trim_end();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let at = line.len() - line.trim_start_matches(' ').len();
        if at >= least {
            last = false;
            continue;
        }
        least = at;
        let token = text.rsplit([' ', '\t']).next().unwrap_or(text);
        let block = token.starts_with(['|', '>'])
            && token[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'+' || b == b'-');
        if block || (last && (text.ends_with(':') || text == "-")) {
            return false;
        }
        last = false;
        if at <= indent {
            return true;
        }
    }
    false
}

/// A tree parsed from `text` (the made-up key, then the piece of `src` at `start`) made to
/// borrow from `src`: text it borrows from the piece is the same bytes of `src`.
fn rebase<'s>(node: Node<'_>, text: &str, src: &'s str, start: usize) -> Node<'s> {
    let value = match node.value {
        Value::Scalar {
            text: Cow::Borrowed(b),
            plain,
        } => {
            let at = (b.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
            let same = at
                .checked_sub(KEY.len())
                .and_then(|o| src.get(start + o..start + o + b.len()))
                .filter(|same| *same == b);
            Value::Scalar {
                text: same.map_or_else(|| Cow::Owned(b.to_string()), Cow::Borrowed),
                plain,
            }
        }
        Value::Scalar {
            text: Cow::Owned(o),
            plain,
        } => Value::Scalar {
            text: Cow::Owned(o),
            plain,
        },
        Value::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|n| rebase(n, text, src, start))
                .collect(),
        ),
        Value::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|e| Entry {
                    key: rebase(e.key, text, src, start),
                    value: rebase(e.value, text, src, start),
                })
                .collect(),
        ),
        Value::Alias => Value::Alias,
    };
    Node {
        value,
        start: node.start,
        end: node.end,
    }
}

/// A piece parsed: its tree, whether it is plain, how many events it took.
type Piece<'a> = Option<(Option<Node<'a>>, bool, usize)>;

/// The pieces joined into the document's tree, when each parsed and joins as argued above.
fn join<'a>(
    src: &'a str,
    indent: usize,
    cuts: &[usize],
    parsed: Vec<Piece<'a>>,
) -> Option<(Node<'a>, bool)> {
    let mut parsed = parsed.into_iter();
    let (root, mut plain, mut events) = parsed.next()??;
    let mut root = root?;
    for (&at, piece) in cuts[1..].iter().zip(parsed) {
        let (piece, piece_plain, piece_events) = piece?;
        plain &= piece_plain;
        events += piece_events;
        if ends_open(src, &root) {
            return None;
        }
        let (Value::Map(entries), Value::Map(more)) = (&mut root.value, piece?.value) else {
            return None;
        };
        let mut more = more.into_iter();
        let made_up = more.next()?.value;
        let Value::Seq(items) = made_up.value else {
            return None;
        };
        if made_up.start != at + indent {
            return None;
        }
        let list = &mut entries.last_mut()?.value;
        // A block list at the items' indent: its first `-` opens its line.
        let line = src[..list.start].rfind('\n').map_or(0, |i| i + 1);
        let block = list.start == line + indent
            && src[line..list.start].bytes().all(|b| b == b' ')
            && src[list.start..].starts_with("- ");
        let Value::Seq(list_items) = &mut list.value else {
            return None;
        };
        if !block {
            return None;
        }
        list_items.extend(items);
        list.end = list_items.last()?.end;
        entries.extend(more);
        root.end = entries.last()?.value.end;
    }
    // The bound `build` keeps on the whole text.
    if events > src.len() + 1_000 {
        return None;
    }
    if let Value::Map(entries) = &mut root.value {
        entries.shrink_to_fit();
        for e in entries {
            if let Value::Seq(items) = &mut e.value.value {
                items.shrink_to_fit();
            }
        }
    }
    Some((root, plain))
}

/// The last value in the tree is one whose end the parser takes from what follows it: a
/// block scalar, or an empty value.
fn ends_open(src: &str, node: &Node<'_>) -> bool {
    match &node.value {
        Value::Map(entries) => entries.last().is_none_or(|e| ends_open(src, &e.value)),
        Value::Seq(items) => items.last().is_none_or(|n| ends_open(src, n)),
        Value::Scalar { text, plain: true } => text.is_empty(),
        Value::Scalar { plain: false, .. } => !src[node.start..].starts_with(['"', '\'']),
        Value::Alias => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(src: &str) -> (Node<'_>, bool) {
        let (root, plain, _) = build(src, 0, 0).unwrap();
        (root.unwrap(), plain)
    }

    /// Every cut a piece of the test texts allows gives the whole parse's tree, or none.
    fn same_or_none(src: &str) -> usize {
        let mut joined = 0;
        for pieces in 2..40 {
            if let Some(parsed) = parse_in(src, pieces) {
                assert_eq!(parsed, whole(src), "{pieces} pieces of {src:?}");
                joined += 1;
            }
        }
        joined
    }

    const TIMELINE: &str = "title: T\nsources:\n  - id: a\n    extracted: [[1, 2], [3, 4]]\n  - id: b\n    notes: |\n      two\n      lines\n\n  - id: c\n    notes: |+\n      kept\n\n\n  - id: d\n    title: \"quoted\n      on two lines\"\n  - id: e\n    title: plain\n      on two lines\n  # a comment\n  - id: f\n    url: x # trailing\nevents:\n  - id: e1\n    title: E\n    accounts:\n      - source: a\n        facets: {killed: 62}\n      - source: b\n  - id: e2\n    title: \u{e9}\u{e9}\n    notes: >\n      folded\n      text\n  - id: e3\n    title: x\n    where:\n  - id: e4\n    title: y\n    tags:\n      - t\nrelations:\n  - from: e1\n    to: e2\n    kind: before\nrejected: []\n";

    #[test]
    fn pieces_join_into_the_whole_tree() {
        assert!(same_or_none(TIMELINE) > 30);
        assert_eq!(item_indent(TIMELINE), Some(2));
        let crlf = TIMELINE.replace('\n', "\r\n");
        assert!(same_or_none(&crlf) > 30);
    }

    #[test]
    fn texts_that_cannot_be_cut_are_parsed_whole() {
        let texts = [
            // A quoted scalar with a line that looks like an item.
            "a:\n  - \"x\n  - y\"\n  - z\n",
            // A flow list over lines.
            "a:\n  - [x,\n  - y]\n  - z\n",
            // A plain scalar under a top-level key continues onto an item-like line.
            "a: x\n  - y\nb:\n  - z\n  - w\n",
            // An alias to an anchor in another piece.
            "a:\n  - &x v\n  - *x\n  - *x\n",
            // Two documents.
            "a:\n  - x\n---\nb:\n  - y\n",
            // Items at another indent than the first list's.
            "a:\n  - x\nb:\n    - y\n    - z\n",
            // A directive.
            "a:\n  - x\n  - y\n%YAML 1.2\n",
            // Indentless items.
            "a:\n- x\n- y\n",
        ];
        for src in texts {
            same_or_none(src);
        }
    }

    #[test]
    fn large_texts_are_cut() {
        let mut src = String::from("title: T\nevents:\n");
        while src.len() < 200_000 {
            src.push_str("  - id: e\n    title: \"an event\"\n    accounts:\n      - source: s\n");
        }
        src.push_str("relations: []\n");
        let (tree, plain) = parse_in(&src, 4).expect("cut in pieces");
        assert!(plain);
        assert_eq!(tree, whole(&src).0);
    }

    /// A large file's pieces against its whole parse:
    /// `RASHOMON_SPLIT_FILE=t.yaml cargo test --release split -- --ignored`.
    #[test]
    #[ignore = "reads the file RASHOMON_SPLIT_FILE names"]
    fn a_file_in_pieces() {
        let path = std::env::var("RASHOMON_SPLIT_FILE").expect("RASHOMON_SPLIT_FILE");
        let src = std::fs::read_to_string(path).expect("the file reads");
        let parsed = parse_in(&src, 4).expect("cut in pieces");
        assert!(parsed == whole(&src));
    }
}
