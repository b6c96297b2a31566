//! What `check` verifies on disk: each source's `file:`, and with `--sources` each quote at
//! its span in that file.
//!
//! A `file:` must name a regular file that exists. It should lie inside the timeline's folder
//! or a folder beside it (under the timeline folder's parent): a path that leads elsewhere
//! (`../../etc/passwd`) is a warning, and `--sources` does not read it, so that a timeline
//! from someone else cannot make `check` read and quote files outside the project.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::diagnostic::{Diagnostic, Lines};
use super::yaml::Node;
use crate::input::FileType;

/// Problems with the files a timeline names, and (with `quotes`) with its quotes.
/// `timeline_path` is the timeline file; `tree` its located YAML tree.
pub fn check(
    file: &str,
    src: &str,
    tree: &Node,
    timeline_path: &Path,
    quotes: bool,
) -> Vec<Diagnostic> {
    let lines = Lines::new(src);
    let mut problems = Vec::new();
    let mut report = |node: &Node, message: String, warning: bool| {
        let (start, end) = (lines.place(node.start), lines.place(node.end));
        let d = Diagnostic::located(file, &lines, start, end, message);
        problems.push(if warning { d.warning() } else { d });
    };
    let base = timeline_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let root = std::fs::canonicalize(base)
        .ok()
        .map(|b| b.parent().map(Path::to_path_buf).unwrap_or(b));

    // Each source's file, when it may be read: source id → path.
    let mut readable: BTreeMap<&str, PathBuf> = BTreeMap::new();
    for s in tree.get("sources").map_or(&[][..], Node::items) {
        let (Some(id), Some(node)) = (text(s.get("id")), s.get("file")) else {
            continue;
        };
        let Some(name) = text(Some(node)) else {
            continue;
        };
        let path = base.join(name);
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                report(
                    node,
                    format!("source `{id}`: file `{name}` does not exist"),
                    false,
                );
                continue;
            }
            Err(e) => {
                report(
                    node,
                    format!("source `{id}`: cannot read file `{name}`: {e}"),
                    false,
                );
                continue;
            }
        };
        if let Some(what) = FileType::of(meta.file_type()) {
            report(
                node,
                format!("source `{id}`: file `{name}` is {what}, not a file"),
                false,
            );
            continue;
        }
        let inside = match (&root, std::fs::canonicalize(&path)) {
            (Some(root), Ok(real)) => real.starts_with(root),
            _ => false,
        };
        if !inside {
            report(
                node,
                format!(
                    "source `{id}`: file `{name}` is outside the timeline's folder and the folders beside it{}",
                    if quotes {
                        "; its quotes are not checked"
                    } else {
                        ""
                    }
                ),
                true,
            );
            continue;
        }
        readable.insert(id, path);
    }
    if quotes {
        check_quotes(tree, &readable, &mut report);
    }
    problems
}

/// Most mismatched quotes looked for elsewhere in their file, per check.
const SEARCHES: usize = 200;

/// Each account's quote against its source's text: at its span when it has one (a person
/// may have cut the quote to a part of it), else anywhere. White space is compared
/// collapsed, as the merge compares quotes.
fn check_quotes(
    tree: &Node,
    readable: &BTreeMap<&str, PathBuf>,
    report: &mut impl FnMut(&Node, String, bool),
) {
    let mut texts: BTreeMap<&str, Option<(String, String)>> = BTreeMap::new();
    let mut searches = SEARCHES;
    for e in tree.get("events").map_or(&[][..], Node::items) {
        for a in e.get("accounts").map_or(&[][..], Node::items) {
            let (Some(source), Some(quote_node)) = (text(a.get("source")), a.get("quote")) else {
                continue;
            };
            let Some(quote) = text(Some(quote_node)) else {
                continue;
            };
            let Some(path) = readable.get(source) else {
                continue;
            };
            // The text spans refer to: for a page, the article text read from it.
            let entry = texts.entry(source).or_insert_with(|| {
                crate::ingest::read(path).ok().map(|doc| {
                    let folded = collapse(&doc.text);
                    (doc.text, folded)
                })
            });
            let Some((doc, folded)) = entry.as_ref() else {
                report(
                    quote_node,
                    format!(
                        "source `{source}`: its file cannot be read as an article, so this quote cannot be checked"
                    ),
                    true,
                );
                continue;
            };
            let wanted = collapse(quote);
            if wanted.is_empty() {
                continue;
            }
            let span = a.get("span").and_then(|n| {
                let items = n.items();
                match items {
                    [s, e] => Some((
                        s.as_str()?.parse::<usize>().ok()?,
                        e.as_str()?.parse::<usize>().ok()?,
                        n,
                    )),
                    _ => None,
                }
            });
            match span {
                Some((start, end, node)) => {
                    let at = doc
                        .get(start..end.min(doc.len()))
                        .filter(|_| end <= doc.len());
                    let Some(at) = at else {
                        report(
                            node,
                            format!(
                                "span [{start}, {end}] is outside the text of source `{source}` ({} bytes)",
                                doc.len()
                            ),
                            false,
                        );
                        continue;
                    };
                    if collapse(at).contains(&wanted) {
                        continue;
                    }
                    let mut message =
                        format!("the quote is no longer at [{start}, {end}] in source `{source}`");
                    if searches > 0 {
                        searches -= 1;
                        if let Some(i) = doc.find(quote) {
                            message.push_str(&format!("; it is now at [{i}, {}]", i + quote.len()));
                        } else if !folded.contains(&wanted) {
                            message.push_str("; it is not in the file at all");
                        }
                    }
                    report(quote_node, message, false);
                }
                None => {
                    if !folded.contains(&wanted) {
                        report(
                            quote_node,
                            format!("the quote is not in the text of source `{source}`"),
                            false,
                        );
                    }
                }
            }
        }
    }
}

/// Runs of white space as one space, ends trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A node's text, unless it is missing or null.
fn text<'n>(node: Option<&'n Node<'_>>) -> Option<&'n str> {
    node.filter(|n| !n.is_null()).and_then(Node::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::yaml;

    fn run(dir: &Path, src: &str, quotes: bool) -> Vec<String> {
        let path = dir.join("timelines/t.yaml");
        let tree = yaml::parse_tree(src).expect("parses");
        check("t.yaml", src, &tree, &path, quotes)
            .iter()
            .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
            .collect()
    }

    #[test]
    fn files_must_exist_be_files_and_stay_near() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("timelines")).expect("mkdir");
        std::fs::create_dir_all(dir.path().join("articles/sub")).expect("mkdir");
        std::fs::write(dir.path().join("articles/a.txt"), "Text.").expect("write");
        let src = "title: t\nsources:\n  - id: a\n    file: ../articles/a.txt\n  - id: b\n    file: ../articles/missing.txt\n  - id: c\n    file: ../articles/sub\n  - id: d\n    file: /dev/null\n  - id: e\n    file: ../../../../../../../../etc/hostname\n";
        let got = run(dir.path(), src, false);
        assert_eq!(
            got,
            [
                "6:11: source `b`: file `../articles/missing.txt` does not exist",
                "8:11: source `c`: file `../articles/sub` is a folder, not a file",
                "10:11: source `d`: file `/dev/null` is a character device, not a file",
                "12:11: source `e`: file `../../../../../../../../etc/hostname` is outside the timeline's folder and the folders beside it",
            ]
        );
    }

    #[test]
    fn quotes_are_checked_at_their_spans() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("timelines")).expect("mkdir");
        let article =
            "Headline\n\nThe mayor said the levee\nwas due for repair. Nobody else spoke.\n";
        std::fs::write(dir.path().join("timelines/a.txt"), article).expect("write");
        let src = "title: t\nsources:\n  - id: a\n    file: a.txt\nevents:\n  - id: e\n    title: E\n    accounts:\n      - source: a\n        quote: the levee was due\n        span: [10, 52]\n      - source: a\n        quote: Nobody else spoke.\n        span: [10, 30]\n      - source: a\n        quote: words nobody wrote\n      - source: a\n        quote: x\n        span: [10, 9999]\n";
        let got = run(dir.path(), src, true);
        assert_eq!(
            got,
            [
                "13:16: the quote is no longer at [10, 30] in source `a`; it is now at [55, 73]",
                "16:16: the quote is not in the text of source `a`",
                "19:15: span [10, 9999] is outside the text of source `a` (74 bytes)",
            ]
        );
    }
}
