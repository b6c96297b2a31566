//! Problems located in a file, printed as `file:line:col: message` with the line and a caret.

use std::fmt;

use super::yaml::Mark;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file's name, as given.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// The offending line, without its line break; a long line is cut to a window around
    /// the problem, with `…` where it was cut.
    pub source_line: String,
    /// How many characters of `source_line` come before the caret.
    pub caret: usize,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
    /// A warning does not make `check` fail.
    pub severity: Severity,
}

/// Whether a problem stops the file from being used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    /// The file cannot be used until it is fixed.
    #[default]
    Error,
    /// Worth a look; the file is used as it is.
    Warning,
}

/// Where each line of a text starts, found once, so that locating many problems in one file
/// costs no more than reading it.
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    src: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Index the line starts of a text.
    pub fn new(src: &'a str) -> Lines<'a> {
        // Counted first: a large file has millions of lines, and no growth slack is kept.
        let mut starts = Vec::with_capacity(memchr::memchr_iter(b'\n', src.as_bytes()).count() + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        Lines { src, starts }
    }

    /// The whole text.
    pub fn src(&self) -> &'a str {
        self.src
    }

    /// The 1-based line's text, without its line break (`\n` or `\r\n`); empty past the end.
    pub fn line(&self, line: usize) -> &'a str {
        self.bounds(line).map_or("", |(s, e)| &self.src[s..e])
    }

    /// Where the 1-based line's text starts and ends (before its line break).
    fn bounds(&self, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut end = self
            .starts
            .get(line)
            .map_or(self.src.len(), |next| next - 1);
        if end > start && self.src.as_bytes()[end - 1] == b'\r' {
            end -= 1;
        }
        Some((start, end.max(start)))
    }

    /// The place the YAML parser gives a byte offset: as [`Lines::locate`], except that a byte
    /// order mark opening the text is no column (the parser skips it).
    pub fn place(&self, offset: usize) -> Mark {
        let mut at = self.locate(offset);
        if at.line == 1 && at.offset > 0 && self.src.starts_with('\u{feff}') {
            at.col -= 1;
        }
        at
    }

    /// The place of a byte offset (rounded down to a character boundary).
    pub fn locate(&self, offset: usize) -> Mark {
        let mut offset = offset.min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        Mark {
            offset,
            line,
            col: self.src[start..offset].chars().count() + 1,
        }
    }
}

/// A line longer than this (in bytes) is located by offsets rather than walked.
const LONG_LINE: usize = 4096;

/// Characters of a long line shown before and after the problem.
const BEFORE: usize = 60;
const AFTER: usize = 100;

impl Diagnostic {
    /// A problem at `start`, underlining up to `end` on the same line (to the end of the line
    /// when `end` is not after `start` on it). For many problems in one text, use
    /// [`Diagnostic::located`] with one [`Lines`].
    pub fn at(
        file: &str,
        src: &str,
        start: Mark,
        end: Mark,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::located(file, &Lines::new(src), start, end, message)
    }

    /// [`Diagnostic::at`] with the text's lines already found. The work is bounded by the
    /// window of the line shown, however long the line.
    pub fn located(
        file: &str,
        lines: &Lines<'_>,
        start: Mark,
        end: Mark,
        message: impl Into<String>,
    ) -> Diagnostic {
        let line = start.line.max(1);
        let col = start.col.max(1);
        let (line_start, line_end) = lines.bounds(line).unwrap_or((0, 0));
        let text = &lines.src()[line_start..line_end];
        // The caret's byte offset in the line: counted from the column on an ordinary line;
        // on a very long one, the mark's own offset when it lies on the line, so that many
        // problems on one long line do not each walk it.
        let caret_byte = if text.len() > LONG_LINE
            && (line_start..=line_end).contains(&start.offset)
            && text.is_char_boundary(start.offset - line_start)
        {
            start.offset - line_start
        } else {
            text.char_indices()
                .nth(col - 1)
                .map_or(text.len(), |(i, _)| i)
        };
        let from = text[..caret_byte]
            .char_indices()
            .rev()
            .take(BEFORE)
            .last()
            .map_or(caret_byte, |(i, _)| i);
        let to = text[caret_byte..]
            .char_indices()
            .nth(AFTER)
            .map_or(text.len(), |(i, _)| caret_byte + i);
        let mut shown = String::new();
        let mut caret = text[from..caret_byte].chars().count();
        if from > 0 {
            shown.push('…');
            caret += 1;
        }
        shown.push_str(&text[from..to]);
        let visible = text[caret_byte..to].chars().count();
        if to < text.len() {
            shown.push('…');
        }
        let width = if end.line == start.line && end.col > col {
            (end.col - col).min(visible)
        } else {
            visible
        };
        Diagnostic {
            file: file.to_string(),
            line,
            col,
            message: message.into(),
            source_line: shown,
            caret,
            width: width.max(1),
            severity: Severity::Error,
        }
    }

    /// A problem with the file as a whole (no place in it).
    pub fn whole(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_string(),
            line: 1,
            col: 1,
            message: message.into(),
            source_line: String::new(),
            caret: 0,
            width: 1,
            severity: Severity::Error,
        }
    }

    /// The same problem as a warning.
    pub fn warning(self) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..self
        }
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "",
            Severity::Warning => "warning: ",
        };
        writeln!(
            f,
            "{}:{}:{}: {label}{}",
            self.file,
            self.line,
            self.col,
            printable(&self.message)
        )?;
        if self.source_line.is_empty() {
            return Ok(());
        }
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        // Tabs keep their width so the caret stays under the right character.
        let lead: String = self
            .source_line
            .chars()
            .take(self.caret)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "{pad} |")?;
        writeln!(f, "{gutter} | {}", printable(&self.source_line))?;
        writeln!(f, "{pad} | {lead}{}", "^".repeat(self.width))
    }
}

/// Text safe to print on a terminal: control characters (an escape sequence in a hostile
/// file) are shown as `�`; tabs and line breaks stay.
fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n'))
    {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c.is_control() && !matches!(c, '\t' | '\n') {
                '\u{fffd}'
            } else {
                c
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_locate_offsets() {
        let lines = Lines::new("ab\r\ncé\n\nd");
        assert_eq!(lines.line(1), "ab");
        assert_eq!(lines.line(2), "cé");
        assert_eq!(lines.line(3), "");
        assert_eq!(lines.line(4), "d");
        assert_eq!(lines.line(5), "");
        assert_eq!(lines.line(0), "");
        let m = lines.locate(7);
        assert_eq!((m.line, m.col), (2, 3));
        assert_eq!(lines.locate(99).line, 4);
    }

    #[test]
    fn long_lines_are_cut_around_the_problem() {
        let src = format!("{}BAD{}\n", "x".repeat(500), "y".repeat(500));
        let start = Mark {
            offset: 500,
            line: 1,
            col: 501,
        };
        let end = Mark {
            offset: 503,
            line: 1,
            col: 504,
        };
        let d = Diagnostic::at("t.yaml", &src, start, end, "here");
        let shown = format!("…{}BAD{}…", "x".repeat(60), "y".repeat(97));
        assert_eq!(
            d.to_string(),
            format!(
                "t.yaml:1:501: here\n  |\n1 | {shown}\n  | {}^^^\n",
                " ".repeat(61)
            )
        );
    }

    #[test]
    fn control_characters_are_not_printed() {
        let src = "title: \u{1b}[2J\n";
        let m = Mark {
            offset: 7,
            line: 1,
            col: 8,
        };
        let d = Diagnostic::at("t.yaml", src, m, m, "bad \u{1b}[2J");
        assert!(!d.to_string().contains('\u{1b}'), "{d}");
    }

    #[test]
    fn prints_place_line_and_caret() {
        let src = "title: x\nevents:\n  - id: a\n    titel: b\n";
        let start = Mark {
            offset: 29,
            line: 4,
            col: 5,
        };
        let end = Mark {
            offset: 34,
            line: 4,
            col: 10,
        };
        let d = Diagnostic::at("t.yaml", src, start, end, "unknown field `titel`");
        assert_eq!(
            d.to_string(),
            "t.yaml:4:5: unknown field `titel`\n  |\n4 |     titel: b\n  |     ^^^^^\n"
        );
    }
}
