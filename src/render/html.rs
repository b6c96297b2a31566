//! The HTML page (placeholder until the page lands; see the render work).

use crate::timeline::Timeline;

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
#[error("template error: {0}")]
pub struct RenderError(String);

/// Render the whole timeline as one self-contained HTML page.
pub fn page(timeline: &Timeline) -> Result<String, RenderError> {
    Err(RenderError(format!(
        "HTML rendering of `{}` is not built yet",
        timeline.title
    )))
}
