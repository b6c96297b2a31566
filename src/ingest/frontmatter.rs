//! Optional YAML front matter at the top of a text or Markdown article:
//! a `---` line, YAML, and a closing `---` (or `...`) line.

use serde::Deserialize;

use super::document::Meta;
use super::error::IngestError;
use crate::timeline::{When, yaml};

/// The keys an article may declare; anything else is a mistake worth reporting.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    url: Option<String>,
    published: Option<When>,
    language: Option<String>,
}

/// Front matter found at the top of a text.
pub(crate) struct Parsed {
    pub meta: Meta,
    /// End of the closing `---` line (its line break excluded): the block is `0..end`;
    /// 0 when there is no block after all (see `warnings`).
    pub end: usize,
    pub warnings: Vec<String>,
}

/// Parse the front matter of `text`, if it has any. `file` names the file in errors.
/// A `---` first line that is never closed is not front matter (an article may open with a
/// rule); we say so in a warning rather than guess where YAML would end.
pub(crate) fn parse(file: &str, text: &str) -> Result<Option<Parsed>, IngestError> {
    let Some(first_end) = text.find('\n') else {
        return Ok(None);
    };
    if text[..first_end].trim_end() != "---" {
        return Ok(None);
    }
    let body_start = first_end + 1;
    let mut at = body_start;
    let mut close = None;
    while at < text.len() {
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        let line = text[at..line_end].trim_end();
        if line == "---" || line == "..." {
            close = Some((at, at + line.len()));
            break;
        }
        at = line_end + 1;
    }
    let Some((close_start, end)) = close else {
        return Ok(Some(Parsed {
            meta: Meta::default(),
            end: 0,
            warnings: vec![
                "the first line is `---` but no closing `---` follows: read as article text, not front matter".into(),
            ],
        }));
    };
    let src = &text[body_start..close_start];
    let fm: FrontMatter = if src.trim().is_empty() {
        FrontMatter::default()
    } else {
        yaml::from_str(src).map_err(|e| {
            // The YAML starts on line 2 of the file.
            let (line, col) = e.at.map_or((2, 1), |m| (m.line.max(1) + 1, m.col.max(1)));
            IngestError::FrontMatter {
                file: file.to_string(),
                line,
                col,
                message: crate::timeline::check::plain_message(&e.message),
            }
        })?
    };
    let mut warnings = Vec::new();
    let url = match fm.url.map(|u| u.trim().to_string()) {
        Some(u) if is_http(&u) => Some(u),
        Some(u) => {
            warnings.push(format!(
                "front matter url `{u}` is not an http(s) address: ignored"
            ));
            None
        }
        None => None,
    };
    let meta = Meta {
        title: non_empty(fm.title),
        outlet: non_empty(fm.outlet),
        author: non_empty(fm.author),
        url,
        published: fm.published,
        language: non_empty(fm.language),
    };
    Ok(Some(Parsed {
        meta,
        end,
        warnings,
    }))
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Only web addresses are kept as a source's URL.
pub(crate) fn is_http(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(char::is_whitespace)
}
