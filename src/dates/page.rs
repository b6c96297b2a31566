//! The dates a page prints for itself: front matter or page metadata, a date in its URL, a
//! byline, a dateline. They are the page's word on when it was published: text evidence may
//! question them (see `dct`), never replace them.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::Detail;
use super::dct::DctSource;
use super::expr::{CalName, Expr, YearRef};
use crate::ingest::{Document, Format, SegmentKind};
use crate::timeline::When;

/// A date printed on the page, at its own precision.
#[derive(Debug, Clone)]
pub(super) struct PageDate {
    pub when: When,
    pub source: DctSource,
    pub text: String,
}

/// A day printed without its year ("MOSCOW, July 21"), left for other evidence to complete.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct YearlessDay {
    pub month: u8,
    pub day: u8,
    pub text: String,
}

impl YearlessDay {
    /// The day in the year that puts it inside `lo..=hi`, when exactly one year does.
    pub fn within(&self, lo: NaiveDate, hi: NaiveDate) -> Option<NaiveDate> {
        use chrono::Datelike;
        let mut found = (lo.year()..=hi.year()).filter_map(|y| {
            NaiveDate::from_ymd_opt(y, self.month.into(), self.day.into())
                .filter(|d| lo <= *d && *d <= hi)
        });
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }
}

/// The page's dates, strongest first: front matter or metadata, then the URL, the byline
/// (the earliest of several: later ones are republications) and a dateline. Also a dateline
/// or byline day printed without its year.
pub(super) fn page_dates(
    doc: &Document,
    details: &[Detail],
    evidence: &mut Vec<String>,
) -> (Vec<PageDate>, Option<YearlessDay>) {
    let mut out = Vec::new();
    if let Some(w) = doc.meta.published {
        let (source, what) = if doc.format == Format::Html {
            (DctSource::PageMeta, "page metadata")
        } else {
            (DctSource::FrontMatter, "front matter")
        };
        evidence.push(format!("{what} gives the publication date {}", w.human()));
        out.push(PageDate {
            when: w,
            source,
            text: w.human(),
        });
    }
    if let Some((when, text)) = doc.meta.url.as_deref().and_then(url_date) {
        evidence.push(format!(
            "the URL carries the date {} (\"{text}\")",
            when.human()
        ));
        out.push(PageDate {
            when,
            source: DctSource::Url,
            text,
        });
    }
    let mut byline: Vec<(When, String)> = details
        .iter()
        .filter(|d| matches!(kind_at(doc, d.timex.start), Some(SegmentKind::Byline)))
        .filter(|d| {
            matches!(
                d.expr,
                Expr::Cal {
                    year: YearRef::Explicit(_),
                    ..
                }
            )
        })
        .filter_map(|d| d.timex.when.map(|w| (w, d.timex.text.clone())))
        .collect();
    byline.sort_by_key(|b| b.0);
    if let Some((first, text)) = byline.first() {
        if byline.len() > 1 {
            let all: Vec<String> = byline.iter().map(|(w, _)| w.human()).collect();
            evidence.push(format!(
                "the byline carries {}: the earliest is taken as the original, later ones as republications",
                all.join(", ")
            ));
        } else {
            evidence.push(format!("the byline carries the date {}", first.human()));
        }
        out.push(PageDate {
            when: *first,
            source: DctSource::Byline,
            text: text.clone(),
        });
    }
    let mut yearless = None;
    match dateline(doc, details) {
        Some(Dateline::Full(h)) => {
            evidence.push(format!("the dateline reads \"{}\"", h.text));
            out.push(h);
        }
        Some(Dateline::Yearless(y)) => {
            evidence.push(format!("the dateline \"{}\" gives no year", y.text));
            yearless = Some(y);
        }
        None => {}
    }
    (out, yearless)
}

fn kind_at(doc: &Document, offset: usize) -> Option<&SegmentKind> {
    doc.segment_at(offset).map(|s| &s.kind)
}

enum Dateline {
    Full(PageDate),
    Yearless(YearlessDay),
}

/// Lines of body text looked at for a dateline, and how far into the body.
const DATELINE_LINES: usize = 6;
const DATELINE_REACH: usize = 1500;

/// A dateline at the top of the body: a place then a day ("WASHINGTON, Sept. 20, 2016 —",
/// "MOSCOW, July 21. /TASS/.", "GILZE-RIJEN, Netherlands, Oct 13"), or a day then an issuer
/// on a short line of its own ("28 September 2016 - Public Prosecution Service").
fn dateline(doc: &Document, details: &[Detail]) -> Option<Dateline> {
    let first = doc.body().next()?.start;
    let mut lines = Vec::new();
    for seg in doc.body() {
        let mut at = seg.start;
        for line in doc.slice(seg).split('\n') {
            if !line.trim().is_empty() {
                lines.push((at, at + line.len()));
            }
            at += line.len() + 1;
        }
        if lines.len() >= DATELINE_LINES || seg.end > first + DATELINE_REACH {
            break;
        }
    }
    for &(start, end) in lines.iter().take(DATELINE_LINES) {
        if start > first + DATELINE_REACH {
            break;
        }
        let Some(d) = details
            .iter()
            .find(|d| d.timex.start >= start && d.timex.start < (start + 60).min(end))
        else {
            continue;
        };
        let Expr::Cal {
            name: CalName::Day(month, day),
            year,
        } = d.expr
        else {
            continue;
        };
        let prefix = doc.text.get(start..d.timex.start)?.trim();
        let rest = doc.text.get(d.timex.end..end)?.trim();
        let place = prefix.ends_with(',')
            && prefix.len() <= 50
            && prefix
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.len() >= 3 && w.chars().all(char::is_uppercase));
        let issuer = prefix.is_empty()
            && rest.len() <= 60
            && rest.starts_with(['-', '\u{2013}', '\u{2014}', '|', '/']);
        if !place && !issuer {
            continue;
        }
        let text = doc.text.get(start..d.timex.end)?.trim().to_string();
        return Some(match year {
            YearRef::Explicit(y) => Dateline::Full(PageDate {
                when: When::date(NaiveDate::from_ymd_opt(y, month.into(), day.into())?),
                source: DctSource::Dateline,
                text,
            }),
            _ => Dateline::Yearless(YearlessDay { month, day, text }),
        });
    }
    None
}

const MONTH_NAMES: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static URL_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)
        /(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2}|[a-z]{3,9})/(?:(?P<d>\d{1,2})/)?   # /2016/12/07/, /2019/jun/19/, /2015/10/
        | /(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)(?:[/_-]|$)          # /2018-05-25/
        | /(?P<y3>(?:19|20)\d\d)(?P<m3>\d\d)(?P<d3>\d\d)(?:/|$)                # /20160926/
        ",
    )
    .expect("URL date pattern")
});

/// The date in a URL's path: `/2016/12/07/`, `/2019/jun/19/`, `/20160926/`, `/2018-05-25/`,
/// or a month from `/2015/10/slug`. Numbers inside a segment (`idINL8N12D4XI20151013`) and
/// the query are not dates.
pub(super) fn url_date(url: &str) -> Option<(When, String)> {
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let path_start = after_scheme.find('/')?;
    let path = after_scheme[path_start..]
        .split(['?', '#'])
        .next()
        .unwrap_or("");
    let c = URL_DAY.captures(path)?;
    let text = c
        .get(0)?
        .as_str()
        .trim_end_matches(['/', '-', '_'])
        .to_string();
    let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = if let Some(y) = num("y") {
        let m = c.name("m")?.as_str().to_ascii_lowercase();
        let m = match m.parse::<u32>() {
            Ok(n) => n,
            Err(_) => {
                let i = MONTH_NAMES.iter().position(|n| m.starts_with(n))?;
                // "june" and "jun", not "junk".
                if m.len() > 3 && !full_month(i).starts_with(&m) {
                    return None;
                }
                i as u32 + 1
            }
        };
        (y, m, num("d"))
    } else if let Some(y) = num("y2") {
        (y, num("m2")?, num("d2"))
    } else {
        (num("y3")?, num("m3")?, num("d3"))
    };
    let y = i32::try_from(y).ok()?;
    let when = match d {
        Some(d) => When::date(NaiveDate::from_ymd_opt(y, m, d)?),
        None => {
            NaiveDate::from_ymd_opt(y, m, 1)?;
            When::month(y, u8::try_from(m).ok()?)
        }
    };
    Some((when, text))
}

fn full_month(i: usize) -> &'static str {
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ][i]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(u: &str) -> Option<String> {
        url_date(u).map(|(w, _)| w.to_string())
    }

    #[test]
    fn dates_in_urls() {
        let day = Some("2016-12-07".to_string());
        assert_eq!(url("https://news.example/2016/12/07/talks-resume"), day);
        assert_eq!(url("https://news.example/world/2016/dec/07/talks"), day);
        assert_eq!(url("https://news.example/20161207/talks-123.html"), day);
        assert_eq!(url("https://news.example/news/2016-12-07/talks"), day);
        assert_eq!(url("http://blog.example/2016-12-07-talks-resume"), day);
        assert_eq!(
            url("https://blog.example/2015/10/a-report-is-biased/").as_deref(),
            Some("2015-10")
        );
    }

    #[test]
    fn numbers_that_are_not_dates_in_urls() {
        assert_eq!(url("http://wire.example/article/idUSKBN20151013"), None);
        assert_eq!(url("https://shop.example/items/20161399/"), None);
        assert_eq!(url("https://news.example/2016/13/07/x"), None);
        assert_eq!(url("https://news.example/story?date=2016-12-07"), None);
        assert_eq!(url("https://news.example/2016/junk/x"), None);
        assert_eq!(url("https://2016.example/"), None);
        assert_eq!(url("not a url"), None);
    }

    #[test]
    fn a_yearless_day_takes_the_only_year_in_a_range() {
        let y = YearlessDay {
            month: 7,
            day: 21,
            text: "MOSCOW, July 21".into(),
        };
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            y.within(d(2014, 6, 1), d(2014, 7, 21)),
            Some(d(2014, 7, 21))
        );
        assert_eq!(y.within(d(2014, 7, 22), d(2014, 9, 1)), None);
        assert_eq!(y.within(d(2013, 6, 1), d(2014, 9, 1)), None);
    }
}
