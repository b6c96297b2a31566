//! The HTML page: one self-contained file, styles and script inline, nothing fetched.
//!
//! Every value from the timeline goes through askama's HTML escaping; only our own stylesheet
//! and script are inserted as they are, through [`Asset`], so the template never needs `|safe`.
//! The content security policy allows exactly the page's own scripts, by their SHA-256 hashes
//! (no `'unsafe-inline'`), so escaping is not the only defence. Control characters, which a
//! timeline may hold (`"\0"` in a field), never reach the page.

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

/// Our own script text made at render time (the live page's reload call): trusted as it is.
#[derive(Debug, Clone)]
struct Script(String);

impl fmt::Display for Script {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Script {}

#[derive(Template)]
#[template(path = "page.html", whitespace = "minimize")]
struct PageTemplate<'a> {
    page: &'a Page,
    css: Asset,
    js: Asset,
    /// What the search reads (see [`search`]).
    search: SearchIndex,
    /// The script of a page served by `watch`; `None` for a page written to a file.
    live: Option<Script>,
    /// The policy's `script-src` sources: the hash of each script on the page.
    script_src: String,
}

/// The `'sha256-…'` source that lets exactly this inline script run.
pub fn script_hash(script: &str) -> String {
    use base64::Engine as _;
    use sha2::Digest as _;
    let digest = sha2::Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
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
    with_template(timeline, live, |template| {
        Ok(crate::export::text::without_controls(template.render()?))
    })
}

/// [`page`], written as it is made: the page of a large timeline (several times the size of
/// its YAML) is never held whole in memory. The same bytes.
pub fn write_page(timeline: &Timeline, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    with_template(timeline, None, |template| {
        let mut to = crate::export::text::WithoutControls { out, error: None };
        template.render_into(&mut to).map_err(|e| {
            to.error.take().unwrap_or_else(|| {
                std::io::Error::other(format!("rendering the page: {}", RenderError(e)))
            })
        })
    })
}

fn with_template<T>(
    timeline: &Timeline,
    live: Option<u64>,
    then: impl FnOnce(&PageTemplate<'_>) -> T,
) -> T {
    let view = Page::new(timeline);
    let live = live.map(|version| Script(format!("{LIVE_JS}\nrashomonLive(\"{version}\");")));
    let mut script_src = script_hash(JS.0);
    if let Some(live) = &live {
        script_src.push(' ');
        script_src.push_str(&script_hash(&live.0));
    }
    let template = PageTemplate {
        page: &view,
        css: CSS,
        js: JS,
        live,
        search: search::index(&view),
        script_src,
    };
    then(&template)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_written_as_made_is_the_same_page() {
        let timeline = Timeline {
            title: "Flood \u{0}in\u{7} <town> é".into(),
            ..Timeline::default()
        };
        let mut written = Vec::new();
        write_page(&timeline, &mut written).expect("renders");
        let page = page(&timeline).expect("renders");
        assert!(!page.contains('\u{0}') && !page.contains('\u{7}'));
        assert_eq!(String::from_utf8(written).unwrap(), page);
    }

    #[test]
    fn hashes_are_the_sha256_of_the_script() {
        // The hash of the empty string, as browsers compute it for `<script></script>`.
        assert_eq!(
            script_hash(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }

    #[test]
    fn the_policy_allows_the_pages_own_scripts_only() {
        let page = page(&Timeline::default()).expect("renders");
        assert!(
            !page.contains("unsafe-inline'; img") && !page.contains("script-src 'unsafe-inline'")
        );
        let script = page
            .split("<script>")
            .nth(1)
            .and_then(|rest| rest.split("</script>").next())
            .expect("a script");
        assert_eq!(script, JS.0);
        let hash = script_hash(script).replace('\'', "&#39;");
        assert!(
            page.contains(&format!("script-src {hash};")),
            "{}",
            &page[..600]
        );
        let live = live_page(&Timeline::default(), 7).expect("renders");
        assert_eq!(
            live.matches("'sha256-").count() + live.matches("&#39;sha256-").count(),
            2
        );
    }

    #[test]
    fn control_characters_do_not_reach_the_page() {
        let t = Timeline {
            title: "A\u{0}B\u{1b}[31mC\u{7f}D\u{85}E".into(),
            ..Timeline::default()
        };
        let page = page(&t).expect("renders");
        assert!(page.contains("AB[31mCDE"), "{page}");
        assert!(
            !page
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        );
    }
}
