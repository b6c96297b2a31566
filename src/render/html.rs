//! The HTML page: one self-contained file, styles and script inline, nothing fetched.
//!
//! Every value from the timeline goes through askama's HTML escaping; only our own stylesheet
//! and script are inserted as they are, through [`Asset`], so the template never needs `|safe`.

use std::fmt;

use askama::Template;

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

#[derive(Template)]
#[template(path = "page.html", whitespace = "minimize")]
struct PageTemplate<'a> {
    page: &'a Page,
    css: Asset,
    js: Asset,
}

/// Render the whole timeline as one self-contained HTML page.
pub fn page(timeline: &Timeline) -> Result<String, RenderError> {
    let view = Page::new(timeline);
    let template = PageTemplate {
        page: &view,
        css: CSS,
        js: JS,
    };
    Ok(template.render()?)
}
