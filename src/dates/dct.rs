//! Document creation time (DCT): when was an article written?
//!
//! A document's own date is what its page prints for itself: front matter `published` or
//! page metadata (the user's or the page's word), a date in its URL path, a byline or a
//! dateline with a full date (see `page`). That date is the DCT, always: the text is only
//! read to question it, and a contradiction is reported in `conflict`, never acted on:
//! - explicit dates reported as past cannot come after the DCT;
//! - a report of recent events ("last weekend", "on Monday") written long before the page's
//!   date suggests a repost date;
//! - reader comments come after the article: the earliest one bounds it from above.
//!
//! A page date coarser than a day (`2015-10` in a URL, a "JUNE 2023" line) takes its day from
//! a weaker page date inside it, or from what the text implies when that falls inside it.
//! A document with no date of its own has no DCT: its explicit dates stay, its relative ones
//! stay unresolved, and `note` says so. Only a dateline without its year ("MOSCOW, July 21")
//! may be completed, from the text's dated events when just one year fits (low confidence).
//! Copies lend each other dates in the pipeline, not here.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use super::expr::{CalName, Expr, Rel, YearRef};
use super::page::{PageDate, YearlessDay, page_dates};
use super::tense::Tense;
use super::{Detail, tag_document_detail};
use crate::ingest::{Document, SegmentKind};
use crate::timeline::When;

/// Where the DCT came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum DctSource {
    FrontMatter,
    PageMeta,
    Url,
    Byline,
    Dateline,
    /// Taken from the document it copies (set by the pipeline).
    Copy,
    None,
}

impl DctSource {
    /// "the front matter", for messages.
    pub fn name(self) -> &'static str {
        match self {
            DctSource::FrontMatter => "the front matter",
            DctSource::PageMeta => "the page metadata",
            DctSource::Url => "the URL",
            DctSource::Byline => "the byline",
            DctSource::Dateline => "the dateline",
            DctSource::Copy => "the original it copies",
            DctSource::None => "nothing",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

/// The document date, with the reasons for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dct {
    /// The day relative expressions are anchored to.
    #[serde(serialize_with = "iso_date")]
    pub date: Option<NaiveDate>,
    pub source: DctSource,
    pub confidence: Confidence,
    /// The date the page prints for itself, at its own precision (a month from a URL, say).
    pub page: Option<When>,
    /// The latest the document can have been published: its first reader comment, or a
    /// dated copy of it.
    #[serde(serialize_with = "iso_date")]
    pub before: Option<NaiveDate>,
    /// Short sentences saying what was found and how it was used.
    pub evidence: Vec<String>,
    /// Set when the text seems to contradict the page's date: a warning, never acted on.
    pub conflict: Option<String>,
    /// Set when the document has no date of its own, or one derived with low confidence.
    pub note: Option<String>,
    /// A dateline day printed without its year, for a copy's date to complete.
    pub yearless: Option<YearlessDay>,
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

/// What the text implies, independently of the page's own dates.
#[derive(Debug, Default)]
struct TextEstimate {
    /// The latest day told in the past tense, and how it was written.
    latest: Option<(NaiveDate, String)>,
    /// The same among days written with their year: a page date before it is impossible.
    latest_written: Option<(NaiveDate, String)>,
    /// Yearless days took the page's year: they cannot then question the page's date.
    year_from_page: bool,
    /// The DCT the text points to.
    date: Option<NaiveDate>,
    /// Day-level expressions tied to the DCT ("last weekend", "on Monday", "yesterday").
    deictic: usize,
    /// The latest year the text cites explicitly.
    cited_year: Option<i32>,
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
/// Dec. 16", "until 5 May", "the year ending June 30".
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
            | "ending"
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

/// What the body text implies about its date; `upper` is the earliest comment, `fallback`
/// a year from the page for yearless dates when the text cites none.
fn text_estimate(
    doc: &Document,
    details: &[Detail],
    upper: Option<NaiveDate>,
    fallback: Option<(i32, &str)>,
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
        if matches!(
            d.expr,
            Expr::DayShift(_)
                | Expr::Weekday { .. }
                | Expr::Weekend(_)
                | Expr::UnitShift {
                    unit: super::lexicon::Unit::Week | super::lexicon::Unit::Day,
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
    } else if let Some((y, why)) = fallback {
        est.year_from_page = true;
        est.evidence.push(format!(
            "yearless dates such as \"{}\" are taken in {y} ({why})",
            yearless[0].2
        ));
        Some(y)
    } else {
        None
    };
    let date_of = |t: &Told<'_>| {
        NaiveDate::from_ymd_opt(t.year.or(year)?, t.month.into(), t.day.into())
            .filter(|d| upper.is_none_or(|u| *d <= u))
    };
    let dated: Vec<(NaiveDate, &Told<'_>)> = told
        .iter()
        .filter_map(|t| date_of(t).map(|d| (d, t)))
        .collect();

    est.latest_written = dated
        .iter()
        .filter(|(_, t)| t.past && t.year.is_some())
        .max_by_key(|(d, _)| *d)
        .map(|(d, t)| (*d, t.detail.timex.text.clone()));

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
            return est;
        }
    }

    let Some(&(latest, latest_told)) = dated.iter().filter(|(_, t)| t.past).max_by_key(|(d, _)| *d)
    else {
        return est;
    };
    let latest_text = latest_told.detail.timex.text.clone();
    est.latest = Some((latest, latest_text.clone()));
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

/// Why the page's date seems wrong for this text, if it does.
fn contradiction(when: &When, est: &TextEstimate, upper: Option<NaiveDate>) -> Option<String> {
    let (lo, hi) = when.day_range()?;
    if let Some(u) = upper
        && lo > u
    {
        return Some(format!(
            "the first reader comment was posted before it, on {}",
            human(u)
        ));
    }
    if let Some((past, past_text)) = &est.latest_written
        && hi < *past - Duration::days(1)
    {
        return Some(format!(
            "the text reports {} (\"{past_text}\") as past",
            human(*past)
        ));
    }
    // Only a text shown to report recent events (its estimate), dated by itself and citing
    // no year as late as the page's, makes a later page date look like a repost: a deictic
    // "on Monday" beside an old dated event says nothing.
    let recent = est.date.filter(|_| !est.year_from_page)?;
    let (latest, latest_text) = est.latest.clone()?;
    if est.deictic > 0
        && lo > recent + Duration::days(RECENT_DAYS)
        && est.cited_year.is_none_or(|y| y < lo.year())
    {
        let cited = est
            .cited_year
            .map(|y| format!(" and cites no year after {y}"))
            .unwrap_or_default();
        return Some(format!(
            "the text recounts {} (\"{latest_text}\") as recent{cited}: it may be a later repost date",
            human(latest)
        ));
    }
    None
}

/// How far after the latest dated event of its text a dateline without a year may fall.
const DATELINE_WINDOW: i64 = 45;

/// The latest explicit day ("July 17, 2014") the body tells of, not a deadline or a plan.
fn latest_explicit(doc: &Document, details: &[Detail]) -> Option<(NaiveDate, String)> {
    details
        .iter()
        .filter(|d| is_body(doc, d) && d.tense != Tense::Future && !deadline(doc, d.timex.start))
        .filter_map(|d| explicit_day(d).map(|day| (day, d.timex.text.clone())))
        .max_by_key(|(day, _)| *day)
}

/// The DCT of a document whose page gives a date.
fn dated(dct: &mut Dct, pages: &[PageDate], est: &TextEstimate, upper: Option<NaiveDate>) {
    let Some(page) = pages.first() else { return };
    let Some((lo, hi)) = page.when.day_range() else {
        return;
    };
    let day = |p: &PageDate| p.when.day_range().filter(|(a, b)| a == b).map(|r| r.0);
    let weaker = pages[1..]
        .iter()
        .filter_map(|p| day(p).map(|d| (d, p)))
        .find(|(d, _)| lo <= *d && *d <= hi);
    for p in &pages[1..] {
        if !p.when.overlaps(&page.when) {
            dct.evidence.push(format!(
                "{} ({}) differs from {}, which is used",
                p.source.name(),
                p.when.human(),
                page.source.name()
            ));
        }
    }
    let strength = |s: DctSource| {
        if s == DctSource::Url {
            Confidence::Medium
        } else {
            Confidence::High
        }
    };
    if lo == hi {
        dct.date = Some(lo);
        dct.source = page.source;
        dct.confidence = strength(page.source);
    } else if let Some((d, p)) = weaker {
        dct.evidence.push(format!(
            "{} gives the day within {}",
            p.source.name(),
            page.when.human()
        ));
        dct.date = Some(d);
        dct.source = p.source;
        dct.confidence = strength(p.source);
    } else if let Some(d) = est.date.filter(|d| lo <= *d && *d <= hi) {
        dct.evidence.push(format!(
            "the text points to {} within {}",
            human(d),
            page.when.human()
        ));
        dct.date = Some(d);
        dct.source = page.source;
        dct.confidence = Confidence::Medium;
    } else {
        dct.note = Some(format!(
            "{} gives only {}: relative dates (\"yesterday\", \"on Tuesday\") stay unresolved",
            page.source.name(),
            page.when.human()
        ));
    }
    if let Some(why) = contradiction(&page.when, est, upper) {
        let kept = if dct.date.is_some() {
            "it is kept as the document date"
        } else {
            "it is kept as the page's date"
        };
        dct.conflict = Some(format!(
            "{} gives {}, but {why}; {kept}",
            page.source.name(),
            page.when.human()
        ));
        dct.confidence = dct.confidence.min(Confidence::Medium);
    }
}

/// A document with no date of its own: a dateline without its year may take the one year
/// that puts it just after the latest dated event of the text, or just before the first
/// comment; otherwise there is no DCT.
fn undated(dct: &mut Dct, doc: &Document, details: &[Detail], upper: Option<NaiveDate>) {
    let window = Duration::days(DATELINE_WINDOW);
    if let Some(y) = &dct.yearless {
        let from_text = latest_explicit(doc, details).and_then(|(l, text)| {
            y.within(l, l + window)
                .map(|d| (d, format!("\"{text}\", the latest dated event of the text")))
        });
        let from_comments = || {
            upper.and_then(|u| {
                y.within(u - window, u)
                    .map(|d| (d, format!("the first reader comment ({})", human(u))))
            })
        };
        if let Some((d, why)) = from_text.or_else(from_comments) {
            dct.date = Some(d);
            dct.source = DctSource::Dateline;
            dct.confidence = Confidence::Low;
            dct.note = Some(format!(
                "the dateline \"{}\" has no year: {} is taken from {why} (low confidence)",
                y.text,
                d.year()
            ));
            dct.evidence.push(dct.note.clone().unwrap_or_default());
            return;
        }
    }
    let why = match &dct.yearless {
        Some(y) => format!(
            "the dateline \"{}\" has no year, and nothing fixes one",
            y.text
        ),
        None => "no front matter, page metadata, URL, byline or dateline date".to_string(),
    };
    dct.note = Some(format!(
        "no date of its own ({why}): explicit dates are kept, relative ones (\"yesterday\", \
         \"on Tuesday\") stay unresolved"
    ));
}

/// The date of `doc`: its page's own date, checked against its text but never replaced.
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
    let (pages, yearless) = page_dates(doc, &details, &mut evidence);
    let pages: Vec<PageDate> = pages
        .into_iter()
        .filter(|p| p.when.day_range().is_some())
        .collect();
    let fallback = pages
        .iter()
        .find_map(|p| {
            p.when
                .earliest()
                .map(|t| (t.year(), "the year on the page"))
        })
        .or(copyright.map(|c| (c, "the copyright year")));
    let est = text_estimate(doc, &details, upper, fallback);
    evidence.extend(est.evidence.iter().cloned());

    let mut dct = Dct {
        date: None,
        source: DctSource::None,
        confidence: Confidence::Low,
        page: pages.first().map(|p| p.when),
        before: upper,
        evidence,
        conflict: None,
        note: None,
        yearless,
    };
    if pages.is_empty() {
        undated(&mut dct, doc, &details, upper);
    } else {
        dated(&mut dct, &pages, &est, upper);
    }
    dct
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
        assert_eq!(dct.source, DctSource::Byline);
        assert!(
            dct.evidence.iter().any(|e| e.contains("republications")),
            "{:?}",
            dct.evidence
        );
    }

    #[test]
    fn a_month_line_that_contradicts_the_text_is_reported_and_gives_no_day() {
        let d = doc(&[
            (SegmentKind::Byline, "JUNE 2023"),
            (SegmentKind::Body, BODY),
        ]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None);
        assert_eq!(dct.page, Some(When::month(2023, 6)));
        let conflict = dct.conflict.expect("a conflict");
        assert!(conflict.contains("Jun 2023"), "{conflict}");
        assert!(conflict.contains("no year after 2015"), "{conflict}");
        assert!(dct.note.is_some_and(|n| n.contains("only Jun 2023")));
    }

    #[test]
    fn front_matter_is_kept_when_the_text_seems_to_contradict_it() {
        // A repost date over a report of recent events: warned about, still the date.
        let mut d = doc(&[(SegmentKind::Body, BODY)]);
        d.meta.published = Some(When::day(2019, 6, 19));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2019, 6, 19)));
        assert_eq!(dct.source, DctSource::FrontMatter);
        assert_eq!(dct.confidence, Confidence::Medium);
        let conflict = dct.conflict.expect("a warning");
        assert!(
            conflict.contains("front matter gives 19 Jun 2019"),
            "{conflict}"
        );
        assert!(conflict.contains("kept"), "{conflict}");
        // A page date before what the text reports as past: kept too.
        let mut d = doc(&[(
            SegmentKind::Body,
            "The orchestra played its last concert on 3 March 2021 before the hall closed.",
        )]);
        d.meta.published = Some(When::day(2021, 2, 1));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2021, 2, 1)));
        assert!(dct.conflict.is_some_and(|c| c.contains("as past")));
    }

    #[test]
    fn a_text_without_a_date_of_its_own_is_not_dated_by_its_evidence() {
        // Comments bound it, "yesterday (September 19)" points at the 20th: still no DCT.
        let d = doc(&[
            (
                SegmentKind::Body,
                "The truce signed on September 9, 2016 ended yesterday (September 19). The \
                 army said on Monday that it had ended, and the council met on Tuesday.",
            ),
            (
                comment("2016-09-22 10:00"),
                "A reader says this is all lies.",
            ),
        ]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None);
        assert_eq!(dct.source, DctSource::None);
        assert_eq!(dct.before, Some(day(2016, 9, 22)));
        assert!(dct.note.is_some_and(|n| n.contains("unresolved")));
    }

    #[test]
    fn a_url_date_is_the_pages_word() {
        let mut d = doc(&[(
            SegmentKind::Body,
            "The home side won the derby on Saturday with a late penalty.",
        )]);
        d.meta.url = Some("https://sport.example/football/2022/oct/09/derby-report".into());
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2022, 10, 9)));
        assert_eq!(dct.source, DctSource::Url);
        // Front matter outranks it; the difference is noted, not acted on.
        d.meta.published = Some(When::day(2022, 10, 10));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2022, 10, 10)));
        assert_eq!(dct.source, DctSource::FrontMatter);
        assert!(dct.evidence.iter().any(|e| e.contains("the URL")));
    }

    #[test]
    fn a_month_takes_its_day_from_a_weaker_page_date_or_the_text() {
        let mut d = doc(&[
            (SegmentKind::Byline, "By Lea Park, 14 March 2023"),
            (
                SegmentKind::Body,
                "Shares in the chipmaker fell 9% on Monday after its results.",
            ),
        ]);
        d.meta.published = Some(When::month(2023, 3));
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2023, 3, 14)));
        assert_eq!(dct.source, DctSource::Byline);
        assert_eq!(dct.page, Some(When::month(2023, 3)));
        // A month alone, with nothing in the text to place a day: no DCT, said so.
        let mut d = doc(&[(
            SegmentKind::Body,
            "Shares in the chipmaker fell 9% on Monday after its results.",
        )]);
        d.meta.url = Some("https://markets.example/2023/03/chipmaker-shares-fall".into());
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None);
        assert_eq!(dct.page, Some(When::month(2023, 3)));
        assert!(
            dct.note
                .is_some_and(|n| n.contains("the URL gives only Mar 2023"))
        );
    }

    #[test]
    fn a_dateline_without_a_year_takes_it_only_when_one_fits() {
        // The text dates an event a few days before: that year.
        let d = doc(&[(
            SegmentKind::Body,
            "LYON, March 12. The court adjourned the fraud trial that opened on March 2, 2021, \
             the prosecutor said on Friday.",
        )]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2021, 3, 12)));
        assert_eq!(dct.source, DctSource::Dateline);
        assert_eq!(dct.confidence, Confidence::Low);
        assert!(dct.note.is_some_and(|n| n.contains("has no year")));
        // Only a long-past event is dated: the year stays open, and so does the date.
        let d = doc(&[(
            SegmentKind::Body,
            "LYON, September 28. The prosecutor appealed against the verdict on the fraud \
             of March 2, 2019, saying the court had ignored the evidence.",
        )]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, None);
        let y = dct.yearless.expect("the yearless dateline is kept");
        assert_eq!((y.month, y.day), (9, 28));
    }

    #[test]
    fn a_date_then_the_issuer_is_a_dateline() {
        let d = doc(&[
            (SegmentKind::Headline, "Flood warning lifted for the valley"),
            (
                SegmentKind::Body,
                "11 February 2020 - Regional Water Authority\nThe warning issued on Sunday was \
                 lifted this morning.",
            ),
        ]);
        let dct = infer_dct(&d);
        assert_eq!(dct.date, Some(day(2020, 2, 11)));
        assert_eq!(dct.source, DctSource::Dateline);
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
