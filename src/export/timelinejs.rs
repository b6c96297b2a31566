//! TimelineJS3 JSON (`https://timeline.knightlab.com/docs/json-format.html`).
//!
//! One slide per dated event: `start_date` and `end_date` at the date's own precision (a
//! month-precision date gives only `year` and `month`), `display_date` with Rashomon's own text
//! ("c. Apr 2016", "17–18 Sep 2016"), `text.headline` the event's title and `text.text` every
//! account side by side (claimant, attribution chain, stance, quote, facets, a link to the
//! source) after the event's disputes. `group` is, of the event's tags, the one most events
//! share (TimelineJS has one group per slide and a row per group; all tags are listed in the
//! text). The title slide is the timeline's title
//! and description. `media` is given only when a source's address is itself a picture.
//!
//! All text is HTML-escaped; only http(s) addresses become links. `autolink` is off, so
//! TimelineJS turns nothing else into a link.

use std::collections::BTreeMap;

use serde::Serialize;

use super::text::{facet_list, html as esc};
use super::{ExportError, Exported};
use crate::render::view::{self, AccountView, EventView, Page};
use crate::timeline::{Bound, Event, Point, Timeline, When};

/// The whole TimelineJS document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The title slide: the timeline's title and description.
    pub title: Slide,
    /// A slide per dated event, in date order.
    pub events: Vec<Slide>,
}

/// A slide: an event, or the title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Slide {
    /// The event's id, so links and TimelineJS bookmarks are stable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
    /// When the event starts, at its own precision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    /// When an interval ends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    /// The date in Rashomon's words ("c. Apr 2016"), which TimelineJS shows as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    /// Headline and body.
    pub text: Text,
    /// A picture, when a source's address is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
    /// TimelineJS's row: the event's first tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// Always false: TimelineJS would otherwise turn any text that looks like an address into a link.
    pub autolink: bool,
}

/// A TimelineJS date object: only the fields the date's precision gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Date {
    /// The year (astronomical; may be negative).
    pub year: i32,
    /// 1 to 12, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
    /// 1 to 31, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u8>,
    /// 0 to 23, when the date has a time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<u8>,
    /// 0 to 59.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<u8>,
    /// 0 to 59, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub second: Option<u8>,
}

/// A slide's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Text {
    /// The event's title (escaped HTML).
    pub headline: String,
    /// The disputes and accounts (escaped HTML).
    pub text: String,
}

/// A slide's picture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Media {
    /// The picture's http(s) address.
    pub url: String,
    /// The source's title.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub caption: String,
    /// The source's name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub credit: String,
}

/// The TimelineJS JSON of a timeline whose events are in date order.
pub fn export(timeline: &Timeline) -> Result<Exported, ExportError> {
    let doc = document(timeline);
    let mut warnings = Vec::new();
    let undated: Vec<&str> = timeline
        .events
        .iter()
        .filter(|e| dates(&e.when).is_none())
        .map(|e| e.id.as_str())
        .collect();
    if !undated.is_empty() {
        warnings.push(format!(
            "{} event{} without a date left out (TimelineJS needs a start date): {}",
            undated.len(),
            if undated.len() == 1 { "" } else { "s" },
            undated.join(", ")
        ));
    }
    let mut text = serde_json::to_string_pretty(&doc)?;
    text.push('\n');
    Ok(Exported { text, warnings })
}

/// The document, for callers that want the structure rather than the text.
pub fn document(timeline: &Timeline) -> Document {
    let page = Page::new(timeline);
    let mut tag_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for tag in timeline.events.iter().flat_map(|e| e.tags.iter()) {
        *tag_counts.entry(tag).or_default() += 1;
    }
    let events = page
        .events
        .iter()
        .filter_map(|view| {
            let event = timeline.event(&view.id)?;
            let (start, end) = dates(&event.when)?;
            Some(Slide {
                unique_id: Some(view.anchor.clone()),
                start_date: Some(start),
                end_date: end,
                display_date: Some(event.when.human()),
                text: Text {
                    headline: esc(&view.title),
                    text: event_html(view),
                },
                media: media(timeline, event),
                group: group(&tag_counts, event),
                autolink: false,
            })
        })
        .collect();
    Document {
        title: Slide {
            unique_id: None,
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text {
                headline: esc(&page.title),
                text: title_html(&page),
            },
            media: None,
            group: None,
            autolink: false,
        },
        events,
    }
}

/// The slide's group: of the event's tags, the one the most events share (the first of
/// equals). TimelineJS gives each group a row of its own, so a few large groups read better
/// than one per tag.
fn group(counts: &BTreeMap<&str, usize>, event: &Event) -> Option<String> {
    let mut best: Option<(&String, usize)> = None;
    for tag in &event.tags {
        let n = counts.get(tag.as_str()).copied().unwrap_or(0);
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((tag, n));
        }
    }
    best.map(|(t, _)| t.clone())
}

/// A point as a TimelineJS date at its own precision. TimelineJS has no time zones: the clock
/// time is the local one, and `display_date` carries the offset.
pub fn date(p: &Point) -> Date {
    let time = p.time.filter(|_| p.day.is_some());
    Date {
        year: p.year,
        month: p.month,
        day: p.month.and(p.day),
        hour: time.map(|t| t.hour),
        minute: time.map(|t| t.minute),
        second: time.and_then(|t| t.second),
    }
}

/// Start and end dates; `None` when the event has no known date. An interval known only by
/// its end starts (for TimelineJS) at its end.
pub fn dates(when: &When) -> Option<(Date, Option<Date>)> {
    match when {
        When::Unknown => None,
        When::Point(p) => Some((date(p), None)),
        When::Interval(Bound::At(a), Bound::At(b)) => Some((date(a), Some(date(b)))),
        When::Interval(Bound::At(a), _) => Some((date(a), None)),
        When::Interval(_, Bound::At(b)) => Some((date(b), None)),
        When::Interval(_, _) => None,
    }
}

/// The first account whose source's address is a picture gives the slide its media.
fn media(timeline: &Timeline, event: &Event) -> Option<Media> {
    event.accounts.iter().find_map(|a| {
        let source = timeline.source(&a.source)?;
        let url = view::http_url(source.url.as_deref()?)?;
        is_picture(&url).then(|| Media {
            caption: source.title.clone().unwrap_or_default(),
            credit: view::source_name(source),
            url,
        })
    })
}

/// An address whose path ends in a picture's extension.
pub fn is_picture(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg"]
        .iter()
        .any(|ext| path.ends_with(ext))
}

fn title_html(page: &Page) -> String {
    let mut h = String::new();
    if let Some(d) = &page.description {
        for p in d.split("\n\n").filter(|p| !p.trim().is_empty()) {
            h.push_str(&format!("<p>{}</p>", esc(p.trim())));
        }
    }
    let c = &page.counts;
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    h.push_str(&format!(
        "<p>{}, {}, {}; {}.</p>",
        plural(c.events, "event"),
        plural(c.accounts, "account"),
        plural(c.sources, "source"),
        plural(c.disputed, "disputed event")
    ));
    h.push_str(
        "<p>Every account is shown with who gave it and where it was published. Where accounts \
         disagree, each position is listed in the order it first appears. None is marked as \
         correct.</p>",
    );
    h
}

/// The slide's text: where and who, the tally, the disputes, then every account.
fn event_html(e: &EventView) -> String {
    let mut h = String::new();
    let mut meta = Vec::new();
    for (label, list) in [("Where", &e.places), ("Who", &e.actors), ("Tags", &e.tags)] {
        if !list.is_empty() {
            meta.push(format!("{label}: {}", esc(&list.join("; "))));
        }
    }
    if !meta.is_empty() {
        h.push_str(&format!("<p>{}</p>", meta.join(" · ")));
    }
    h.push_str(&format!("<p><em>{}</em></p>", esc(&e.tally)));
    if let Some(n) = &e.notes {
        h.push_str(&format!("<p>Note: {}</p>", esc(n)));
    }
    for d in &e.disputes {
        let positions: Vec<String> = d
            .positions
            .iter()
            .map(|p| {
                let mut holders: Vec<&str> = Vec::new();
                for holder in &p.holders {
                    if !holders.contains(&holder.claimant.as_str()) {
                        holders.push(&holder.claimant);
                    }
                }
                format!(
                    "<strong>{}</strong> ({})",
                    esc(&p.value),
                    esc(&holders.join("; "))
                )
            })
            .collect();
        h.push_str(&format!(
            "<p>≠ Accounts disagree on {}: {}.</p>",
            esc(&d.facet),
            positions.join(" · ")
        ));
    }
    if !e.accounts.is_empty() {
        h.push_str("<ul>");
        for a in &e.accounts {
            h.push_str(&account_html(a));
        }
        h.push_str("</ul>");
    }
    h
}

fn account_html(a: &AccountView) -> String {
    let mut h = format!(
        "<li><strong>{}</strong>{} <em>({})</em>",
        esc(&a.claimant),
        esc(&a.via_text),
        esc(&a.stance)
    );
    if a.comment {
        h.push_str(", a reader comment");
    }
    if let Some(s) = &a.summary {
        h.push_str(&format!("<br>{}", esc(s)));
    }
    if let Some(q) = &a.quote {
        h.push_str(&format!("<br>“{}”", esc(q)));
    }
    if !a.facets.is_empty() {
        let facets = facet_list(&a.facets, esc, " (disputed)");
        h.push_str(&format!("<br><small>{facets}</small>"));
    }
    if let Some(w) = &a.stated_on {
        h.push_str(&format!("<br>Said {}", esc(&w.text)));
    }
    let name = esc(&a.source.name);
    let source = match &a.source.link {
        Some(l) => format!("<a href=\"{}\">{name}</a>", esc(l)),
        None => name,
    };
    h.push_str(&format!("<br>— {source}"));
    if let Some(p) = &a.source.published {
        h.push_str(&format!(", {}", esc(&p.text)));
    }
    if let Some(r) = &a.source.republishes {
        h.push_str(&format!(", a copy of {}", esc(&r.text)));
    }
    h.push_str("</li>");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::when::TimeOfDay;

    #[test]
    fn dates_keep_their_precision() {
        let month = date(&Point::month(2016, 9));
        assert_eq!(
            serde_json::to_string(&month).unwrap(),
            r#"{"year":2016,"month":9}"#
        );
        let mut p = Point::day(2016, 9, 19);
        p.time = Some(TimeOfDay {
            hour: 19,
            minute: 0,
            second: None,
            offset_minutes: Some(180),
        });
        assert_eq!(
            serde_json::to_string(&date(&p)).unwrap(),
            r#"{"year":2016,"month":9,"day":19,"hour":19,"minute":0}"#
        );
        let w: When = "2016-09-12/..".parse().unwrap();
        let (start, end) = dates(&w).unwrap();
        assert_eq!((start.day, end), (Some(12), None));
        let w: When = "../2016-09".parse().unwrap();
        assert_eq!(dates(&w).unwrap().0.month, Some(9));
        assert!(dates(&When::Unknown).is_none());
    }

    #[test]
    fn pictures_by_extension() {
        assert!(is_picture("https://e.org/a/B.JPG?w=3"));
        assert!(!is_picture("https://e.org/story.html"));
    }
}
