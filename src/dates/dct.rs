//! Document creation time (DCT) inference: when was an article written?
//!
//! The page may say so (front matter, `<meta>`, a byline or a dateline), but pages also
//! carry repost dates and site-wide copyright years, so what they say is checked against
//! what the text itself implies:
//! - explicit dates reported as past bound the DCT from below, and reports usually appear
//!   the day of, or the day after, the latest day they recount;
//! - yearless dates ("September 19") take their year from the comments, the years the text
//!   cites, or the page;
//! - relative expressions narrow it: a past-tense "on Tuesday" puts the DCT on or after that
//!   Tuesday; "yesterday (September 19)" gives it exactly;
//! - reader comments come after the article: the earliest one bounds it from above.
//!
//! A page date that contradicts the text (a repost date) is reported in `conflict`, and the
//! text's estimate is used with lower confidence.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use super::expr::{Amount, CalName, Expr, Rel, YearRef};
use super::lexicon::Unit;
use super::tense::Tense;
use super::{Detail, tag_document_detail};
use crate::ingest::{Document, Format, SegmentKind};
use crate::timeline::When;

/// Where the DCT came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DctSource {
    FrontMatter,
    PageMeta,
    Byline,
    Dateline,
    Copyright,
    TextEvidence,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// The inferred document date, with the reasons for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dct {
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    pub source: DctSource,
    pub confidence: Confidence,
    /// Short sentences saying what was found and how it was used.
    pub evidence: Vec<String>,
    /// Set when a date printed on the page contradicts the text.
    pub conflict: Option<String>,
    /// When the byline carries several dates ("Global Research, September 21, 2016 ...
    /// first published 20 September 2016"), the latest: this page republishes an earlier
    /// text on that day, and is not the original of any copy.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "iso_date")]
    pub republished: Option<NaiveDate>,
}

fn iso_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
        None => s.serialize_none(),
    }
}

/// "19 Sep 2016"
fn human(d: NaiveDate) -> String {
    When::date(d).human()
}

/// How far after the events a text recounts as recent ("last weekend", "on Monday") a
/// page date may be before it counts as a contradiction.
const RECENT_DAYS: i64 = 30;

/// A date printed on the page: front matter, page metadata, byline or dateline.
#[derive(Debug, Clone)]
struct Header {
    when: When,
    source: DctSource,
    text: String,
}

/// What the text implies, independently of the page's own dates.
#[derive(Debug, Default)]
struct TextEstimate {
    /// The latest day told in the past tense, and how it was written: a page date before
    /// it is impossible.
    latest: Option<(NaiveDate, String)>,
    /// The year of `latest` is the page's own: it cannot contradict the page.
    latest_year_from_page: bool,
    /// The DCT the text points to.
    date: Option<NaiveDate>,
    /// The DCT is known exactly ("yesterday (September 19)").
    exact: bool,
    /// Day-level expressions tied to the DCT ("last weekend", "on Monday", "yesterday").
    deictic: usize,
    /// The latest year the text cites explicitly.
    cited_year: Option<i32>,
    /// The longest stretch of time the text measures ("almost five years after", "three
    /// years ago"), in days: a text that measures how long ago something was is written
    /// that long after it.
    measured_days: i64,
    evidence: Vec<String>,
}

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:copyright|©|\(c\))([^\n]{0,80})").expect("copyright pattern")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:19|20)\d\d\b").expect("year pattern"));

/// The latest year in a copyright notice anywhere in the document ("© 2010-2016").
fn copyright_year(text: &str) -> Option<i32> {
    COPYRIGHT
        .captures_iter(text)
        .filter_map(|c| c.get(1))
        .flat_map(|m| YEAR.find_iter(m.as_str()))
        .filter_map(|y| y.as_str().parse::<i32>().ok())
        .max()
}

fn kind_at(doc: &Document, offset: usize) -> Option<&SegmentKind> {
    doc.segment_at(offset).map(|s| &s.kind)
}

fn is_body(doc: &Document, d: &Detail) -> bool {
    matches!(
        kind_at(doc, d.timex.start),
        Some(SegmentKind::Body | SegmentKind::Headline | SegmentKind::Caption)
    )
}

/// An explicit day: "December 6, 2015", "2016-09-17", "Monday, September 19, 2016".
fn explicit_day(d: &Detail) -> Option<NaiveDate> {
    match d.expr {
        Expr::Cal {
            name: CalName::Day(m, day),
            year: YearRef::Explicit(y),
        } => NaiveDate::from_ymd_opt(y, m.into(), day.into()),
        _ => None,
    }
}

/// A day written without its year: "September 19", "16 May".
fn yearless_day(d: &Detail) -> Option<(u8, u8)> {
    match d.expr {
        Expr::Cal {
            name: CalName::Day(m, day),
            year: YearRef::Implicit,
        } => Some((m, day)),
        _ => None,
    }
}

/// The latest of a set of yearless days placed in year `y`.
fn latest_in(days: &[(u8, u8, String)], y: i32) -> Option<NaiveDate> {
    days.iter()
        .filter_map(|(m, d, _)| NaiveDate::from_ymd_opt(y, (*m).into(), (*d).into()))
        .max()
}

/// Whether the text between two expressions joins them into one reference:
/// "yesterday (September 19)", "yesterday, September 19".
fn adjacent(between: &str) -> bool {
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.is_empty() || (words.len() == 1 && ["on", "of"].contains(&words[0]))
}

/// The first `weekday` (1 = Monday) on or after `from`.
fn weekday_on_or_after(from: NaiveDate, weekday: u8) -> NaiveDate {
    let have = i64::from(from.weekday().number_from_monday());
    from + Duration::days((i64::from(weekday) - have).rem_euclid(7))
}

/// Words before a date that make it a limit, not an event: "extended to Nov. 20", "due
/// Dec. 16", "until 5 May".
fn deadline(doc: &Document, start: usize) -> bool {
    let before = doc.text.get(..start).unwrap_or("");
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        word.as_str(),
        "to" | "until"
            | "till"
            | "through"
            | "by"
            | "before"
            | "due"
            | "from"
            | "between"
            | "expires"
            | "expire"
    )
}

/// The year of yearless days from the explicit dates around them: the year of the latest
/// explicit day when the yearless ones fall within weeks of it, or the next year when in
/// that year they would fall well before it (the text wrote the year because it was not
/// the current one). `None` when the text does not tie them to a year.
fn text_year(yearless: &[(u8, u8, String)], latest_explicit: Option<NaiveDate>) -> Option<i32> {
    let l = latest_explicit?;
    let base = l.year();
    let last = latest_in(yearless, base)?;
    if last < l - Duration::days(30) {
        let next = latest_in(yearless, base + 1)?;
        return ((next - l).num_days() <= 366).then_some(base + 1);
    }
    ((last - l).num_days().abs() <= 60).then_some(base)
}

/// A day the text tells of: "December 6, 2015", or "September 19" without its year.
struct Told<'a> {
    month: u8,
    day: u8,
    year: Option<i32>,
    past: bool,
    detail: &'a Detail,
}

/// Roughly how many days `n` units last; a vague amount ("several years") counts as two.
fn approximate_days(n: Amount, unit: Unit) -> i64 {
    let n = match n {
        Amount::N(n) | Amount::AndHalf(n) => i64::from(n),
        Amount::X => 2,
    };
    let days = match unit {
        Unit::Day => 1,
        Unit::Weekend => 2,
        Unit::Week => 7,
        Unit::Fortnight => 14,
        Unit::Month => 30,
        Unit::Quarter => 91,
        Unit::Half => 182,
        Unit::Year => 365,
        Unit::Decade => 3652,
        Unit::Century | Unit::Millennium => 36524,
        _ => 0,
    };
    n.saturating_mul(days)
}

/// Where yearless days take their year when the text cites none: the page, else a
/// copyright notice.
struct Fallback {
    year: i32,
    why: &'static str,
    /// The page's own day, when it gives one: a yearless day after it is of the year before.
    page_day: Option<NaiveDate>,
    from_page: bool,
}

/// What the body text implies about its date; `upper` is the earliest comment, `fallback`
/// the year for yearless dates when the text cites none.
fn text_estimate(
    doc: &Document,
    details: &[Detail],
    upper: Option<NaiveDate>,
    fallback: Option<Fallback>,
) -> TextEstimate {
    let mut est = TextEstimate::default();
    let body: Vec<&Detail> = details
        .iter()
        .filter(|d| is_body(doc, d) && d.tense != Tense::Future)
        .collect();
    let mut told: Vec<Told<'_>> = Vec::new();
    for d in &body {
        let limit = deadline(doc, d.timex.start);
        let past = d.tense == Tense::Past;
        if let Some(day) = explicit_day(d) {
            if !limit {
                told.push(Told {
                    month: day.month() as u8,
                    day: day.day() as u8,
                    year: Some(day.year()),
                    past,
                    detail: d,
                });
            }
        } else if let Some((m, day)) = yearless_day(d)
            && !limit
        {
            told.push(Told {
                month: m,
                day,
                year: None,
                past,
                detail: d,
            });
        }
        if let Expr::Cal {
            year: YearRef::Explicit(y),
            ..
        } = d.expr
            && !limit
        {
            est.cited_year = est.cited_year.max(Some(y));
        }
        if let Expr::Duration { n, unit } | Expr::Ago { n, unit, sign: -1 } = d.expr {
            est.measured_days = est.measured_days.max(approximate_days(n, unit));
        }
        if matches!(
            d.expr,
            Expr::DayShift(_)
                | Expr::Weekday { .. }
                | Expr::Weekend(_)
                | Expr::UnitShift {
                    unit: Unit::Week | Unit::Day,
                    ..
                }
        ) {
            est.deictic += 1;
        }
    }
    let yearless: Vec<(u8, u8, String)> = told
        .iter()
        .filter(|t| t.year.is_none())
        .map(|t| (t.month, t.day, t.detail.timex.text.clone()))
        .collect();
    let latest_explicit = told
        .iter()
        .filter_map(|t| NaiveDate::from_ymd_opt(t.year?, t.month.into(), t.day.into()))
        .max();
    // The year of the yearless days: from the comments, else the years the text cites (the
    // yearless days come after the latest explicit one, give or take a month), else the page.
    let (mut page_day, mut page_year) = (None, false);
    let year = if yearless.is_empty() {
        None
    } else if let Some(u) = upper {
        let y = u.year();
        let y = if latest_in(&yearless, y).is_some_and(|d| d > u) {
            y - 1
        } else {
            y
        };
        est.evidence.push(format!(
            "yearless dates such as \"{}\" are taken in {y}, the year of the first comment",
            yearless[0].2
        ));
        Some(y)
    } else if let Some(y) = text_year(&yearless, latest_explicit) {
        let base = latest_explicit.map_or(y, |l| l.year());
        est.evidence.push(format!(
            "yearless dates such as \"{}\" are taken in {y}: {}",
            yearless[0].2,
            if y > base {
                format!("in {base} they would fall before its dated events")
            } else {
                "the text dates events of the same weeks with that year".to_string()
            }
        ));
        Some(y)
    } else if let Some(Fallback {
        year: y,
        why,
        page_day: day,
        from_page,
    }) = fallback
    {
        (page_day, page_year) = (day, from_page);
        est.evidence.push(format!(
            "yearless dates such as \"{}\" are taken in {y} ({why})",
            yearless[0].2
        ));
        Some(y)
    } else {
        None
    };
    let date_of = |t: &Told<'_>| {
        let y = t.year.or(year)?;
        let late = t.year.is_none()
            && page_day.is_some_and(|p| {
                NaiveDate::from_ymd_opt(y, t.month.into(), t.day.into()).is_some_and(|d| d > p)
            });
        NaiveDate::from_ymd_opt(y - i32::from(late), t.month.into(), t.day.into())
            .filter(|d| upper.is_none_or(|u| *d <= u))
    };
    let dated: Vec<(NaiveDate, &Told<'_>)> = told
        .iter()
        .filter_map(|t| date_of(t).map(|d| (d, t)))
        .collect();

    // "yesterday (September 19)": the DCT exactly.
    for d in &body {
        let Expr::DayShift(n) = d.expr else { continue };
        let near = dated.iter().find(|(_, t)| {
            let o = &t.detail.timex;
            let (a, b) = if o.start > d.timex.end {
                (d.timex.end, o.start)
            } else {
                (o.end, d.timex.start)
            };
            a <= b && doc.text.get(a..b).is_some_and(adjacent)
        });
        if let Some((day, t)) = near {
            let dct = *day - Duration::days(n.into());
            est.evidence.push(format!(
                "\"{}\" next to \"{}\" puts the DCT at {}",
                d.timex.text,
                t.detail.timex.text,
                human(dct)
            ));
            est.latest = Some((*day, t.detail.timex.text.clone()));
            est.date = Some(dct);
            est.exact = true;
            return est;
        }
    }

    let Some(&(latest, latest_told)) = dated.iter().filter(|(_, t)| t.past).max_by_key(|(d, _)| *d)
    else {
        return est;
    };
    let latest_text = latest_told.detail.timex.text.clone();
    est.latest = Some((latest, latest_text.clone()));
    est.latest_year_from_page = page_year && latest_told.year.is_none();
    est.evidence.push(format!(
        "the latest day the text reports as past is {} (\"{latest_text}\")",
        human(latest)
    ));
    // A report on recent events: its latest event is written without a year (news leaves
    // the year out for days of the current year), or several dated events crowd the weeks
    // before it. Otherwise the text may be much later than anything it mentions.
    let crowd = dated
        .iter()
        .filter(|(d, _)| *d <= latest && *d >= latest - Duration::days(45))
        .count();
    if latest_told.year.is_none() {
        est.evidence.push(format!(
            "\"{latest_text}\" is written without a year, as news does for recent days"
        ));
    } else if crowd >= 4 {
        est.evidence.push(format!(
            "{crowd} dated events fall in the weeks up to it: the text reports recent events"
        ));
    } else {
        est.evidence
            .push("nothing shows how long after it the text was written".to_string());
        return est;
    }

    // Reports appear the day of, or the day after, the latest day they recount; a weekday
    // told in the past tense lies within the week before the DCT.
    let mut date = latest + Duration::days(1);
    let mut weekday_bound: Option<NaiveDate> = None;
    let from = latest - Duration::days(3);
    for d in &body {
        if let Expr::Weekday {
            day,
            rel: Rel::Tense | Rel::Past,
        } = d.expr
        {
            let w = weekday_on_or_after(from, day);
            if w >= date && weekday_bound.is_none_or(|b| w > b) && upper.is_none_or(|u| w <= u) {
                weekday_bound = Some(w);
                est.evidence.push(format!(
                    "\"{}\" told in the past puts the DCT on or after {}",
                    d.timex.text,
                    human(w)
                ));
                date = w;
            }
        }
    }
    if let Some(u) = upper
        && date > u
    {
        date = u;
    }
    est.date = Some(date);
    est
}

/// Dates printed on the page: front matter or page metadata, bylines (the earliest of
/// several: later ones are republications), a dateline at the top of the body.
fn headers(
    doc: &Document,
    details: &[Detail],
    evidence: &mut Vec<String>,
    republished: &mut Option<NaiveDate>,
) -> Vec<Header> {
    let mut out = Vec::new();
    if let Some(w) = doc.meta.published {
        let source = if doc.format == Format::Html {
            DctSource::PageMeta
        } else {
            DctSource::FrontMatter
        };
        let what = if source == DctSource::PageMeta {
            "page metadata"
        } else {
            "front matter"
        };
        evidence.push(format!("{what} gives the publication date {}", w.human()));
        out.push(Header {
            when: w,
            source,
            text: w.human(),
        });
    }
    // The address's date is page metadata too, below what the page states outright.
    if let Some(w) = doc.meta.url.as_deref().and_then(super::url::date_in_url) {
        evidence.push(format!("the page address gives the date {}", w.human()));
        out.push(Header {
            when: w,
            source: DctSource::PageMeta,
            text: w.human(),
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
        *republished = byline
            .last()
            .filter(|(last, _)| last != first)
            .and_then(|(last, _)| last.day_range())
            .map(|(_, hi)| hi);
        if byline.len() > 1 {
            let all: Vec<String> = byline.iter().map(|(w, _)| w.human()).collect();
            evidence.push(format!(
                "the byline carries {}: the earliest is taken as the original, later ones as republications",
                all.join(", ")
            ));
        } else {
            evidence.push(format!("the byline carries the date {}", first.human()));
        }
        out.push(Header {
            when: *first,
            source: DctSource::Byline,
            text: text.clone(),
        });
    }
    if let Some(h) = dateline(doc, details) {
        evidence.push(format!("the dateline reads \"{}\"", h.text));
        out.push(h);
    }
    out
}

/// "WASHINGTON, Sept. 20, 2016 —": a full date at the very top of the body, after a place.
fn dateline(doc: &Document, details: &[Detail]) -> Option<Header> {
    let seg = doc.body().next()?;
    let d = details.iter().find(|d| {
        d.timex.start >= seg.start && d.timex.start < seg.start + 60 && explicit_day(d).is_some()
    })?;
    let prefix = doc.text.get(seg.start..d.timex.start)?.trim();
    let place = prefix
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() >= 3 && w.chars().all(|c| c.is_uppercase()));
    let day = explicit_day(d)?;
    let text = doc.text.get(seg.start..d.timex.end)?.trim().to_string();
    (place && prefix.ends_with(',') && prefix.len() <= 50).then(|| Header {
        when: When::date(day),
        source: DctSource::Dateline,
        text,
    })
}

/// Why a page date cannot be the DCT of this text, if it cannot.
fn contradiction(h: &Header, est: &TextEstimate, upper: Option<NaiveDate>) -> Option<String> {
    let (lo, hi) = h.when.day_range()?;
    if let Some(u) = upper
        && lo > u
    {
        return Some(format!(
            "the page date {} is after the first reader comment ({})",
            h.when.human(),
            human(u)
        ));
    }
    if let Some((past, past_text)) = &est.latest
        && hi < *past - Duration::days(1)
    {
        return Some(format!(
            "the page date {} is earlier than {} (\"{past_text}\"), which the text reports as past",
            h.when.human(),
            human(*past)
        ));
    }
    let (latest, latest_text) = est.latest.clone()?;
    // The text vouches for a page date it cites the year of, or a gap it measures itself
    // ("almost five years after the plane was downed"); a yearless day dated by the page's
    // own year says nothing against it.
    let vouched = est.latest_year_from_page
        || est.cited_year.is_some_and(|y| y >= lo.year())
        || est.measured_days * 4 >= (lo - latest).num_days() * 3;
    if est.deictic > 0 && !vouched && lo > latest + Duration::days(RECENT_DAYS) {
        let cited = est
            .cited_year
            .map(|y| format!(" and cites no year after {y}"))
            .unwrap_or_default();
        return Some(format!(
            "the page shows {}, but the text recounts {} (\"{latest_text}\") as recent{cited}; {} is probably a later repost date",
            h.when.human(),
            human(latest),
            h.when.human()
        ));
    }
    None
}

/// The document date of `doc`, from its page dates checked against its text.
pub fn infer_dct(doc: &Document) -> Dct {
    let details = tag_document_detail(doc, None);
    let mut evidence = Vec::new();

    let upper = doc
        .comments()
        .filter_map(|s| match &s.kind {
            SegmentKind::Comment {
                posted: Some(p), ..
            } => Some(p.date()),
            _ => None,
        })
        .min();
    if let Some(u) = upper {
        evidence.push(format!(
            "the first reader comment was posted {}: the article predates it",
            human(u)
        ));
    }
    let copyright = copyright_year(&doc.text);
    if let Some(c) = copyright {
        evidence.push(format!("a copyright notice names {c}"));
    }
    let mut republished = None;
    let heads = headers(doc, &details, &mut evidence, &mut republished);
    let fallback = heads
        .iter()
        .find_map(|h| {
            let day = h.when.day_range().filter(|(lo, hi)| lo == hi).map(|r| r.0);
            h.when.earliest().map(|t| Fallback {
                year: t.year(),
                why: "the year on the page",
                page_day: day,
                from_page: true,
            })
        })
        .or(copyright.map(|c| Fallback {
            year: c,
            why: "the copyright year",
            page_day: None,
            from_page: false,
        }));
    let est = text_estimate(doc, &details, upper, fallback);
    evidence.extend(est.evidence.iter().cloned());

    let text_confidence = if est.exact {
        Confidence::High
    } else if est.deictic > 0 {
        Confidence::Medium
    } else {
        Confidence::Low
    };

    let mut conflict = None;
    for h in &heads {
        match contradiction(h, &est, upper) {
            None => {
                let (lo, hi) = h
                    .when
                    .day_range()
                    .unwrap_or((NaiveDate::MIN, NaiveDate::MAX));
                let date = if lo == hi {
                    Some(lo)
                } else {
                    // A month or a year: the text's estimate when it falls inside.
                    est.date.filter(|d| lo <= *d && *d <= hi)
                };
                if let Some(date) = date {
                    evidence.push(format!(
                        "{} agrees with the text and is used",
                        h.when.human()
                    ));
                    return Dct {
                        republished,
                        date: Some(date),
                        source: h.source,
                        confidence: if lo == hi {
                            Confidence::High
                        } else {
                            Confidence::Medium
                        },
                        evidence,
                        conflict,
                    };
                }
            }
            // Front matter is the user's own word: kept, with the disagreement as a warning.
            Some(why) if h.source == DctSource::FrontMatter => {
                let (lo, hi) = h
                    .when
                    .day_range()
                    .unwrap_or((NaiveDate::MIN, NaiveDate::MAX));
                let date = if lo == hi {
                    lo
                } else {
                    est.date.filter(|d| lo <= *d && *d <= hi).unwrap_or(lo)
                };
                evidence.push(format!(
                    "{} is given by the front matter and is kept",
                    h.when.human()
                ));
                return Dct {
                    republished,
                    date: Some(date),
                    source: h.source,
                    confidence: Confidence::Medium,
                    evidence,
                    conflict: Some(format!(
                        "{why}; the front matter's date is kept (correct it there if it is wrong)"
                    )),
                };
            }
            Some(why) => {
                if conflict.is_none() {
                    conflict = Some(why);
                }
            }
        }
    }

    let lower = |c: Confidence| {
        if conflict.is_some() {
            match c {
                Confidence::High => Confidence::Medium,
                _ => Confidence::Low,
            }
        } else {
            c
        }
    };
    if let Some(date) = est.date {
        return Dct {
            republished,
            date: Some(date),
            source: DctSource::TextEvidence,
            confidence: lower(text_confidence),
            evidence,
            conflict,
        };
    }
    if let Some(u) = upper {
        evidence.push("with no other evidence, the date of the first comment is used".into());
        return Dct {
            republished,
            date: Some(u),
            source: DctSource::TextEvidence,
            confidence: Confidence::Low,
            evidence,
            conflict,
        };
    }
    if evidence.is_empty() {
        evidence.push("no date on the page and no dated event in the text".into());
    }
    Dct {
        republished,
        date: None,
        source: DctSource::None,
        confidence: Confidence::Low,
        evidence,
        conflict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Segment;
    use chrono::NaiveDateTime;

    /// A document from parts, each a segment, joined by blank lines.
    fn doc(parts: &[(SegmentKind, &str)]) -> Document {
        let mut text = String::new();
        let mut segments = Vec::new();
        for (kind, part) in parts {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(part);
            segments.push(Segment {
                kind: kind.clone(),
                start,
                end: text.len(),
            });
        }
        Document {
            text,
            segments,
            ..Document::default()
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn comment(posted: &str) -> SegmentKind {
        SegmentKind::Comment {
            author: None,
            posted: NaiveDateTime::parse_from_str(posted, "%Y-%m-%d %H:%M").ok(),
        }
    }

    const BODY: &str = "The coalition bombed the hill last weekend. On December 6, 2015 \
        four jets had hit the same camp. On September 19 the army said the truce was over.";

    #[test]
    fn front_matter_is_kept_when_the_text_disagrees_with_a_warning() {
        // The text reads "September 19" as 2016, after the front matter's date: the user's
        // date stands, and the disagreement is reported.
        let mut d = doc(&[(SegmentKind::Body, BODY)]);
        d.meta.published = Some(When::day(2016, 2, 1));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2016, 2, 1)));
        assert_eq!(dct.source, DctSource::FrontMatter);
        let conflict = dct.conflict.expect("a warning");
        assert!(conflict.contains("front matter"), "{conflict}");
    }

    #[test]
    fn front_matter_wins_when_the_text_agrees() {
        let mut d = doc(&[(SegmentKind::Body, BODY)]);
        d.meta.published = Some(When::day(2016, 9, 20));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.source, DctSource::FrontMatter);
        assert_eq!(dct.confidence, Confidence::High);
        assert_eq!(dct.conflict, None);
    }

    #[test]
    fn the_earliest_byline_date_is_the_original() {
        let d = doc(&[
            (
                SegmentKind::Byline,
                "By Field Desk, Daily Courier, September 21, 2016 (first published 20 September 2016)",
            ),
            (SegmentKind::Body, BODY),
        ]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.republished, Some(day(2016, 9, 21)));
        assert_eq!(dct.source, DctSource::Byline);
        assert!(
            dct.evidence.iter().any(|e| e.contains("republications")),
            "{:?}",
            dct.evidence
        );
    }

    #[test]
    fn a_page_date_that_contradicts_the_text_is_reported() {
        let d = doc(&[
            (SegmentKind::Byline, "JUNE 2023"),
            (SegmentKind::Body, BODY),
        ]);
        let dct = infer_dct(&d);
        // Yearless "September 19" falls after the 2015 event, so in 2016; the report comes
        // the day after it.
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.source, DctSource::TextEvidence);
        assert_eq!(dct.confidence, Confidence::Low);
        let conflict = dct.conflict.expect("a conflict");
        assert!(conflict.contains("Jun 2023"), "{conflict}");
        assert!(conflict.contains("no year after 2015"), "{conflict}");
    }

    #[test]
    fn a_page_date_the_text_vouches_for_is_no_repost() {
        // An old date recounted beside "today" is background when the text cites the page's
        // own year, or measures the gap itself.
        let cases = [
            (
                "On 12 March 2019 the dam collapsed. Today, 3 May 2022, the inquiry reported.",
                When::day(2022, 5, 3),
            ),
            (
                "Almost three years after the dam collapsed on 12 March 2019, the inquiry \
                 reported on Tuesday that the spillway had been blocked.",
                When::day(2022, 2, 15),
            ),
            (
                "The dam collapsed on 12 March 2019, four years ago. On Monday the owners were \
                 charged.",
                When::day(2023, 4, 5),
            ),
        ];
        for (text, published) in cases {
            let mut d = doc(&[(SegmentKind::Body, text)]);
            d.meta.published = Some(published);
            let dct = infer_dct(&d);
            assert_eq!(dct.conflict, None, "{text}");
        }
        // Without either, a page years after the latest day the text tells as recent is
        // still reported.
        let mut d = doc(&[(
            SegmentKind::Body,
            "The dam collapsed on 12 March 2019. On Monday the owners were charged.",
        )]);
        d.meta.published = Some(When::day(2023, 4, 5));
        let dct = infer_dct(&d);
        assert!(dct.conflict.is_some(), "{dct:?}");
    }

    #[test]
    fn a_yearless_day_after_the_page_date_is_of_the_year_before() {
        let mut d = doc(&[(
            SegmentKind::Body,
            "The inspectors said yesterday that the door was locked on the night of \
             October 2, when the warehouse burned.",
        )]);
        d.meta.published = Some(When::day(2025, 2, 20));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2025, 2, 20)));
        assert_eq!(dct.conflict, None, "{:?}", dct.evidence);
    }

    #[test]
    fn comments_bound_the_date_and_give_the_year() {
        let d = doc(&[
            (
                SegmentKind::Body,
                "The convoy was hit on September 17. The army said on Monday that \
                 the truce had ended, and the council met on Tuesday.",
            ),
            (
                comment("2016-09-22 10:00"),
                "A reader says this is all lies.",
            ),
            (comment("2016-09-23 08:00"), "Another reader disagrees."),
        ]);
        let dct = infer_dct(&d);
        // Monday and Tuesday after Saturday 17 September 2016.
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.confidence, Confidence::Medium);
        assert!(
            dct.evidence
                .iter()
                .any(|e| e.contains("first reader comment"))
        );
    }

    #[test]
    fn yesterday_next_to_a_date_gives_it_exactly() {
        let d = doc(&[(
            SegmentKind::Body,
            "The truce signed on September 9, 2016 ended yesterday (September 19) at dusk.",
        )]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.confidence, Confidence::High);
    }

    #[test]
    fn a_dateline_is_used() {
        let d = doc(&[(
            SegmentKind::Body,
            "GENEVA, September 20, 2016 - Talks resumed on Monday after a pause.",
        )]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.source, DctSource::Dateline);
    }

    #[test]
    fn no_evidence_gives_no_date() {
        let d = doc(&[(
            SegmentKind::Body,
            "The ceasefire collapsed last week and fighting resumed on Saturday.",
        )]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None);
        assert_eq!(dct.source, DctSource::None);
        let d = doc(&[
            (SegmentKind::Body, "Fighting resumed on Saturday."),
            (SegmentKind::Boilerplate, "Copyright 2010-2016 The Courier"),
        ]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None);
        assert!(dct.evidence.iter().any(|e| e.contains("2016")));
    }

    #[test]
    fn dates_to_come_do_not_contradict_the_page() {
        let mut d = doc(&[(
            SegmentKind::Body,
            "The offer was extended to October 10, 2016. The vote will be held on \
             October 12, 2016, and the talks last met on September 19, 2016.",
        )]);
        d.meta.published = Some(When::day(2016, 9, 20));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2016, 9, 20)));
        assert_eq!(dct.conflict, None, "{:?}", dct.evidence);
    }

    #[test]
    fn old_dates_alone_do_not_date_a_text() {
        // A text that mentions only distant events says nothing about when it was written.
        let d = doc(&[(
            SegmentKind::Body,
            "The bridge was opened on May 4, 1962, and closed in 1998. Repairs started on \
             Monday.",
        )]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None, "{:?}", dct.evidence);
    }
}
