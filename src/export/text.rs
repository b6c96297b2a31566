//! Making untrusted text safe inside HTML and Markdown.

/// Whether `c` is a control character other than tab and line breaks: an error in HTML, a
/// trap in a spreadsheet or a terminal, and never meant in a timeline's text.
fn stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Text without stray control characters (see [`stray_control`]); a timeline may hold them,
/// our own templates have none.
pub fn without_controls(text: String) -> String {
    if text.chars().any(stray_control) {
        text.chars().filter(|&c| !stray_control(c)).collect()
    } else {
        text
    }
}

/// Writes text on to `out` without stray control characters, as [`without_controls`] does to
/// a whole text, so that a large page is never held whole. `fmt::Error` carries nothing: the
/// I/O error is kept in `error` for the caller.
pub struct WithoutControls<'w> {
    /// Where the text goes.
    pub out: &'w mut dyn std::io::Write,
    /// The first write that failed.
    pub error: Option<std::io::Error>,
}

impl std::fmt::Write for WithoutControls<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let written = if s.chars().any(stray_control) {
            let kept: String = s.chars().filter(|&c| !stray_control(c)).collect();
            self.out.write_all(kept.as_bytes())
        } else {
            self.out.write_all(s.as_bytes())
        };
        written.map_err(|e| {
            self.error = Some(e);
            std::fmt::Error
        })
    }
}

/// Text as HTML character data or a quoted attribute value, without stray control characters.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if stray_control(c) => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Runs of white space (line breaks included) as one space, ends trimmed.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text as Markdown inline content on one line: every character that could start emphasis,
/// a link, code, HTML, a table cell or strikethrough is escaped with a backslash (CommonMark
/// shows an escaped ASCII punctuation character as itself).
pub fn md(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Text as Markdown paragraphs: blank lines separate paragraphs, other line breaks join; a
/// paragraph that would start a list, a heading, a quote or a rule has its first character
/// escaped.
pub fn md_paragraphs(text: &str) -> String {
    let mut paragraphs = Vec::new();
    for block in text.split("\n\n") {
        let p = md(block);
        if p.is_empty() {
            continue;
        }
        paragraphs.push(escape_block_start(p));
    }
    paragraphs.join("\n\n")
}

fn escape_block_start(p: String) -> String {
    let first = p.chars().next();
    let starts_list_number = {
        let digits = p.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && matches!(p.as_bytes().get(digits), Some(b'.' | b')'))
    };
    // `#`, `>` and `*` are escaped everywhere already.
    if matches!(first, Some('-' | '+' | '=')) {
        format!("\\{p}")
    } else if starts_list_number {
        let digits = p.bytes().take_while(u8::is_ascii_digit).count();
        format!("{}\\{}", &p[..digits], &p[digits..])
    } else {
        p
    }
}

/// A URL for a Markdown link destination `(<...>)`: only http(s) (see
/// [`crate::render::view::http_url`]), with `<`, `>` and spaces percent-encoded.
pub fn md_url(url: &str) -> Option<String> {
    let url = crate::render::view::http_url(url)?;
    Some(
        url.replace('<', "%3C")
            .replace('>', "%3E")
            .replace(' ', "%20"),
    )
}

/// An account's facets on one line, `name: value; ...`, each part escaped by `escape` and a
/// disputed one followed by `disputed`.
pub fn facet_list(
    facets: &[crate::render::view::FacetView],
    escape: impl Fn(&str) -> String,
    disputed: &str,
) -> String {
    facets
        .iter()
        .map(|f| {
            let mark = if f.disputed { disputed } else { "" };
            format!("{}: {}{mark}", escape(&f.name), escape(&f.value))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn markdown_inline_is_inert() {
        assert_eq!(md("a *b* [c](d)\n<e> | f"), r"a \*b\* \[c\](d) \<e\> \| f");
        assert_eq!(md("  x\n\n y "), "x y");
    }

    #[test]
    fn markdown_paragraphs_never_start_blocks() {
        assert_eq!(
            md_paragraphs("- a\nb\n\n1. c\n\n# d"),
            "\\- a b\n\n1\\. c\n\n\\# d"
        );
        assert_eq!(md_paragraphs("2016 was long"), "2016 was long");
    }

    #[test]
    fn markdown_links_only_http() {
        assert_eq!(md_url("javascript:alert(1)"), None);
        assert_eq!(
            md_url("https://e.org/a>b").as_deref(),
            Some("https://e.org/a%3Eb")
        );
    }
}
