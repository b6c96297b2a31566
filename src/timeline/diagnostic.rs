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
    /// The offending line, without its line break.
    pub source_line: String,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
}

impl Diagnostic {
    /// A problem at `start`, underlining up to `end` on the same line.
    pub fn at(
        file: &str,
        src: &str,
        start: Mark,
        end: Mark,
        message: impl Into<String>,
    ) -> Diagnostic {
        let line_text = src
            .lines()
            .nth(start.line.saturating_sub(1))
            .unwrap_or("")
            .to_string();
        let line_chars = line_text.chars().count();
        let width = if end.line == start.line && end.col > start.col {
            end.col - start.col
        } else {
            line_chars
                .saturating_sub(start.col.saturating_sub(1))
                .max(1)
        };
        Diagnostic {
            file: file.to_string(),
            line: start.line.max(1),
            col: start.col.max(1),
            message: message.into(),
            source_line: line_text,
            width: width.max(1),
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
            width: 1,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
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
            .take(self.col - 1)
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        writeln!(f, "{pad} |")?;
        writeln!(f, "{gutter} | {}", self.source_line)?;
        writeln!(f, "{pad} | {lead}{}", "^".repeat(self.width))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
