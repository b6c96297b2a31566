//! The HTML page: one self-contained file, styles and script inline, nothing fetched.
//!
//! Every value from the timeline goes through askama's HTML escaping; only our own stylesheet
//! and script are inserted as they are, through [`Asset`], so the template never needs `|safe`.

use std::fmt;

use askama::Template;

use super::search::{self, SearchIndex};
use super::view::Page;
use crate::timeline::Timeline;

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
#[error("template error: {0}")]
pub struct RenderError(#[from] askama::Error);

/// Text that ships inside the binary (our CSS and JS), trusted as it is: never data.
#[derive(Debug, Clone, Copy)]
pub struct Asset(&'static str);

impl fmt::Display for Asset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl askama::filters::HtmlSafe for Asset {}

const CSS: Asset = Asset(include_str!("../../templates/page.css"));
const JS: Asset = Asset(include_str!("../../templates/page.js"));
/// The reload script of pages served by `rashomon watch`.
pub const LIVE_JS: Asset = Asset(include_str!("../../templates/live.js"));

#[derive(Template)]
#[template(path = "page.html", whitespace = "minimize")]
struct PageTemplate<'a> {
    page: &'a Page,
    css: Asset,
    js: Asset,
    /// The version of a page served by `watch`; `None` for a page written to a file.
    live: Option<u64>,
    live_js: Asset,
    /// What the search reads (see [`search`]).
    search: SearchIndex,
}

/// Render the whole timeline as one self-contained HTML page.
pub fn page(timeline: &Timeline) -> Result<String, RenderError> {
    render(timeline, None)
}

/// The page as `rashomon watch` serves it: the same page, plus a script that reloads it when
/// the server has a newer `version`, and a policy that lets it ask its own server (only).
pub fn live_page(timeline: &Timeline, version: u64) -> Result<String, RenderError> {
    render(timeline, Some(version))
}

fn render(timeline: &Timeline, live: Option<u64>) -> Result<String, RenderError> {
    let view = Page::new(timeline);
    let template = PageTemplate {
        page: &view,
        css: CSS,
        js: JS,
        live,
        live_js: LIVE_JS,
        search: search::index(&view),
    };
    Ok(template.render()?)
}
