//! What a page says about itself: `<title>`, Open Graph and article `<meta>` tags, the
//! canonical link, `<html lang>`, and the simple cases of JSON-LD.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime};
use scraper::{Html, Selector};
use serde_json::Value;

use super::document::Meta;
use super::frontmatter::is_http;
use crate::timeline::When;

static META: LazyLock<Selector> = LazyLock::new(|| sel("meta"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| sel("title"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| sel("link[rel~=canonical]"));
static HTML: LazyLock<Selector> = LazyLock::new(|| sel("html"));
static LD_JSON: LazyLock<Selector> = LazyLock::new(|| sel("script[type=\"application/ld+json\"]"));
static TIME_PUBLISHED: LazyLock<Selector> =
    LazyLock::new(|| sel("time[itemprop=datePublished], time[pubdate], [itemprop=datePublished]"));

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selector")
}

/// Candidates found on the page, first found first.
#[derive(Default)]
struct Found {
    title: Vec<String>,
    outlet: Vec<String>,
    author: Vec<String>,
    published: Vec<String>,
    url: Vec<String>,
    language: Vec<String>,
}

/// Read the metadata of a parsed page. Dates that cannot be read become warnings.
pub(crate) fn read(doc: &Html, warnings: &mut Vec<String>) -> Meta {
    let mut f = Found::default();
    let mut og_title = Vec::new();
    let mut og_url = Vec::new();
    for m in doc.select(&META) {
        let v = m.value();
        let key = v
            .attr("property")
            .or(v.attr("name"))
            .or(v.attr("itemprop"))
            .or(v.attr("http-equiv"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let Some(content) = v.attr("content").map(clean).filter(|c| !c.is_empty()) else {
            continue;
        };
        match key.as_str() {
            "og:title" | "twitter:title" => og_title.push(content),
            "og:site_name" | "application-name" => f.outlet.push(content),
            "author" | "article:author" | "dc.creator" | "parsely-author" | "sailthru.author" => {
                f.author.push(content)
            }
            "article:published_time"
            | "datepublished"
            | "og:published_time"
            | "pubdate"
            | "publishdate"
            | "dc.date"
            | "dc.date.issued"
            | "parsely-pub-date"
            | "date" => f.published.push(content),
            "og:url" => og_url.push(content),
            "content-language" | "og:locale" => f.language.push(content.replace('_', "-")),
            _ => {}
        }
    }
    f.title.extend(og_title);
    if let Some(t) = doc.select(&TITLE).next() {
        f.title.push(clean(&t.text().collect::<String>()));
    }
    for l in doc.select(&CANONICAL) {
        if let Some(href) = l.value().attr("href") {
            f.url.push(href.trim().to_string());
        }
    }
    f.url.extend(og_url);
    if let Some(lang) = doc
        .select(&HTML)
        .next()
        .and_then(|h| h.value().attr("lang"))
    {
        f.language.insert(0, lang.trim().to_string());
    }
    for t in doc.select(&TIME_PUBLISHED) {
        let v = t.value();
        if let Some(d) = v.attr("datetime").or(v.attr("content")) {
            f.published.push(d.trim().to_string());
        }
    }
    for script in doc.select(&LD_JSON) {
        let src: String = script.text().collect();
        if src.len() > 1_000_000 {
            continue;
        }
        if let Ok(value) = serde_json::from_str::<Value>(&src) {
            json_ld(&value, &mut f, 0);
        }
    }

    let outlet = first(&f.outlet);
    let title = first(&f.title).map(|t| strip_outlet(&t, outlet.as_deref()));
    let published = f.published.iter().find_map(|d| published_when(d));
    if published.is_none()
        && let Some(d) = f.published.first()
    {
        warnings.push(format!("page publication date `{d}` could not be read"));
    }
    Meta {
        title,
        outlet,
        author: f
            .author
            .iter()
            .find(|a| !a.contains("://") && a.len() <= 120)
            .cloned(),
        url: f.url.iter().find(|u| is_http(u)).cloned(),
        published,
        language: first(&f.language),
    }
}

fn first(v: &[String]) -> Option<String> {
    v.iter().find(|s| !s.is_empty()).cloned()
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Outlet" -> "Headline" when the outlet is known.
fn strip_outlet(title: &str, outlet: Option<&str>) -> String {
    if let Some(outlet) = outlet {
        for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: "] {
            if let Some(head) = title.strip_suffix(outlet).and_then(|t| t.strip_suffix(sep)) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Collect from a JSON-LD value: an article object, a list of them, or an `@graph`.
fn json_ld(value: &Value, f: &mut Found, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, f, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                json_ld(graph, f, depth + 1);
            }
            if let Some(Value::String(d)) = map.get("datePublished") {
                f.published.push(d.trim().to_string());
            }
            if let Some(Value::String(h)) = map.get("headline") {
                f.title.push(clean(h));
            }
            if let Some(name) = map.get("author").and_then(name_of) {
                f.author.push(name);
            }
            if let Some(name) = map.get("publisher").and_then(name_of) {
                f.outlet.push(name);
            }
        }
        _ => {}
    }
}

fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(clean),
        Value::Array(items) => items.first().and_then(name_of),
        _ => None,
    }
}

/// A page date as a `When`: `2016-09-21`, `2016-09-21T10:30:00Z`,
/// `2016-09-21T10:30:00.000+0000`. The time of day is kept when it parses.
pub(crate) fn published_when(s: &str) -> Option<When> {
    let s = s.trim();
    if let Some(dt) = normalise_datetime(s)
        && let Ok(w) = dt.parse::<When>()
    {
        return Some(w);
    }
    let day = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(When::date(day))
}

/// `2016-09-21T10:30:00.123+0000` -> `2016-09-21T10:30:00+00:00`.
fn normalise_datetime(s: &str) -> Option<String> {
    let (date, rest) = s.split_once(['T', ' '])?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    let zone_at = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(zone_at);
    let clock = clock.split('.').next()?.trim();
    let zone = match zone {
        "" => String::new(),
        "Z" | "z" => "Z".to_string(),
        z if z.len() == 5 && z.is_ascii() && !z.contains(':') => format!("{}:{}", &z[..3], &z[3..]),
        z => z.to_string(),
    };
    Some(format!("{date}T{clock}{zone}"))
}

/// A comment's `datetime` attribute as local date and time (the offset dropped).
pub(crate) fn parse_datetime(s: &str) -> Option<NaiveDateTime> {
    let n = normalise_datetime(s.trim())?;
    let (date, rest) = n.split_once('T')?;
    let clock = &rest[..rest.find(['Z', '+', '-']).unwrap_or(rest.len())];
    let fmt = if clock.len() > 5 {
        "%Y-%m-%dT%H:%M:%S"
    } else {
        "%Y-%m-%dT%H:%M"
    };
    NaiveDateTime::parse_from_str(&format!("{date}T{clock}"), fmt).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_dates() {
        assert_eq!(
            published_when("2016-09-21T10:30:00.000+0000").map(|w| w.to_string()),
            Some("2016-09-21T10:30:00Z".to_string())
        );
        assert_eq!(
            published_when("2016-09-21").map(|w| w.to_string()),
            Some("2016-09-21".to_string())
        );
        assert_eq!(
            published_when("2016-09-21 garbage").map(|w| w.to_string()),
            Some("2016-09-21".to_string())
        );
        assert_eq!(published_when("yesterday"), None);
        assert_eq!(
            parse_datetime("2016-09-26T00:16:00+03:00").map(|d| d.to_string()),
            Some("2016-09-26 00:16:00".to_string())
        );
    }

    #[test]
    fn titles_lose_the_outlet() {
        assert_eq!(
            strip_outlet("Talks fail | Example Times", Some("Example Times")),
            "Talks fail"
        );
    }
}
