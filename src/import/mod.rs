//! Timelines into Rashomon from the newsroom's other tools: TimelineJS3 (its JSON, or the CSV
//! a TimelineJS Google Sheet exports) and Rashomon's own spreadsheet (`export --format csv`).
//!
//! What comes in is a timeline like any other: it can be checked, rendered, edited, and can
//! receive extracted accounts with `extract --into`. Bad input is an error that names the file,
//! line and column; nothing is written unless the whole file reads.

pub mod spreadsheet;
pub mod timelinejs;

use crate::timeline::yaml::Mark;
use crate::timeline::{Diagnostic, Timeline};

/// Why a file could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", render(.0))]
    /// The problems, each located in the file.
    Invalid(Vec<Diagnostic>),
}

fn render(problems: &[Diagnostic]) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&p.to_string());
    }
    let n = problems.len();
    out.push_str(&format!("{n} problem{}", if n == 1 { "" } else { "s" }));
    out
}

/// An imported timeline and what could not come in.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The timeline made from the file.
    pub timeline: Timeline,
    /// What could not come in (eras, backgrounds...), for standard error.
    pub warnings: Vec<String>,
}

/// Problems collected while reading one file.
pub(crate) struct Problems<'a> {
    pub file: &'a str,
    pub src: &'a str,
    pub list: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    pub fn new(file: &'a str, src: &'a str) -> Problems<'a> {
        Problems {
            file,
            src,
            list: Vec::new(),
        }
    }

    pub fn at(&mut self, mark: Mark, width: usize, message: impl Into<String>) {
        let end = Mark {
            col: mark.col + width.max(1),
            ..mark
        };
        self.list
            .push(Diagnostic::at(self.file, self.src, mark, end, message));
    }

    pub fn whole(&mut self, message: impl Into<String>) {
        self.list.push(Diagnostic::whole(self.file, message));
    }

    /// The error for what has been found so far (at least one problem).
    pub fn fail(self) -> ImportError {
        let mut list = self.list;
        if list.is_empty() {
            list.push(Diagnostic::whole(self.file, "cannot be read"));
        }
        list.sort_by_key(|d| (d.line, d.col));
        ImportError::Invalid(list)
    }

    pub fn finish<T>(self, value: T) -> Result<T, ImportError> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            let mut list = self.list;
            list.sort_by_key(|d| (d.line, d.col));
            Err(ImportError::Invalid(list))
        }
    }
}

/// Where field `index` of the CSV record starting at byte `start` begins, and how many
/// characters it spans on its first line. Quoted fields may hold commas and line breaks.
pub(crate) fn csv_field(src: &str, start: usize, index: usize) -> (Mark, usize) {
    let mut start = start.min(src.len());
    // The reader may place a record at the line break that ends the one before.
    while matches!(src.as_bytes().get(start), Some(b'\r' | b'\n')) {
        start += 1;
    }
    let mut line = 1 + src[..start].matches('\n').count();
    let mut line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut field = 0;
    let mut in_quotes = false;
    let mut field_start = start;
    let mut field_line = (line, line_start);
    let mut iter = src[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let at = start + i;
        if field == index && !in_quotes && (c == ',' || c == '\n' || c == '\r') {
            let (l, ls) = field_line;
            let first_line = src[field_start..at]
                .split(['\n', '\r'])
                .next()
                .unwrap_or("");
            return (
                mark(src, l, ls, field_start),
                first_line.chars().count().max(1),
            );
        }
        match c {
            '"' if in_quotes && iter.peek().is_some_and(|(_, n)| *n == '"') => {
                iter.next();
            }
            '"' => in_quotes = !in_quotes,
            '\n' => {
                line += 1;
                line_start = at + 1;
                if !in_quotes {
                    break;
                }
            }
            ',' if !in_quotes => {
                field += 1;
                field_start = at + 1;
                field_line = (line, line_start);
            }
            _ => {}
        }
    }
    let (l, ls) = field_line;
    let end = src[field_start.min(src.len())..]
        .find(['\n', '\r'])
        .map_or(src.len(), |i| field_start + i);
    let width = src[field_start.min(end)..end].chars().count();
    (mark(src, l, ls, field_start.min(src.len())), width.max(1))
}

fn mark(src: &str, line: usize, line_start: usize, offset: usize) -> Mark {
    Mark {
        offset,
        line,
        col: src[line_start.min(offset)..offset].chars().count() + 1,
    }
}

/// A short, readable id from a text: lower-case ASCII letters and digits joined by `-`, at
/// most 48 characters, cut at a word; `fallback` when nothing is left.
pub fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if out.len() + word.len() + 1 > 48 && !out.is_empty() {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out.truncate(48);
    if out.is_empty() {
        fallback.to_string()
    } else {
        out
    }
}

/// `id`, or `id-2`, `id-3`... whichever is not taken yet; the result is then taken.
pub(crate) fn unique(id: String, taken: &mut std::collections::BTreeSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_and_readable() {
        assert_eq!(slug("Strike on Deir ez-Zor!", "x"), "strike-on-deir-ez-zor");
        assert_eq!(slug("« »", "slide-3"), "slide-3");
        assert!(slug(&"word ".repeat(40), "x").len() <= 48);
    }

    #[test]
    fn csv_fields_are_located() {
        let src = "a,b,c\r\n1,\"x,\ny\",3\r\n";
        let second = src.find("1,").unwrap();
        let (m, w) = csv_field(src, second, 2);
        assert_eq!((m.line, m.col, w), (3, 4, 1));
        let (m, w) = csv_field(src, second, 1);
        assert_eq!((m.line, m.col, w), (2, 3, 3));
        let (m, _) = csv_field(src, 0, 0);
        assert_eq!((m.line, m.col), (1, 1));
    }
}
