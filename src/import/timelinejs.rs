//! TimelineJS3 into a timeline: its JSON, or the CSV a TimelineJS Google Sheet exports (the
//! template's columns: `Year`, `Month`, `Day`, `Time`, then `End Year`, `End Month`, `End Day`,
//! `End Time`, then `Display Date`, `Headline`, `Text`, `Media`, `Media Credit`,
//! `Media Caption`, `Media Thumbnail`, `Type`, `Group`, `Background`).
//!
//! Each slide becomes an event: `text.headline` its title, `start_date`/`end_date` its date at
//! the precision given, `group` a tag. The slide's text becomes one account (a summary, with no
//! quote, since it is not a quotation of an article). Its source is made from the slide's media
//! credit (caption as title, media address as url when it is http(s)); a slide without a credit
//! has the one source that stands for the imported timeline (`kind: other`, with the
//! timeline's title). The title slide gives the timeline's title and description. Eras,
//! backgrounds and thumbnails have no place in a Rashomon timeline and are left out, with a
//! warning.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::{ImportError, Imported, Problems, csv_field, slug, unique};
use crate::timeline::diagnostic::Lines;
use crate::timeline::yaml::{self, Mark, Node};
use crate::timeline::{Account, Event, Source, SourceKind, Timeline, When};

/// A slide as read, before it becomes an event.
#[derive(Debug, Clone, Default)]
struct Slide {
    unique_id: String,
    when: When,
    display_date: String,
    headline: String,
    text: String,
    media_url: String,
    credit: String,
    caption: String,
    group: String,
}

/// The id of the source that stands for the imported timeline.
pub const TIMELINE_SOURCE: &str = "timelinejs";

/// Read TimelineJS3 JSON. `file` names it in messages; `fallback_title` is used when there is
/// no title slide.
pub fn from_json(file: &str, src: &str, fallback_title: &str) -> Result<Imported, ImportError> {
    let mut problems = Problems::new(file, src);
    let doc: Value = match serde_json::from_str(src) {
        Ok(v) => v,
        Err(e) => {
            let mark = Mark {
                offset: yaml::offset_of(src, e.line(), e.column()),
                line: e.line(),
                col: e.column().max(1),
            };
            problems.at(
                mark,
                1,
                format!("not JSON: {}", strip_place(&e.to_string())),
            );
            return Err(problems.fail());
        }
    };
    // The same text as a located tree, to point at a value; JSON is YAML.
    let tree = yaml::parse_tree(src).ok();
    let mut place = Locator {
        tree: tree.as_ref(),
        lines: Lines::new(src),
        problems: &mut problems,
    };
    let Some(events) = doc.get("events").and_then(Value::as_array) else {
        place.report(
            &[],
            "a TimelineJS file is an object with an `events` list".to_string(),
        );
        return Err(problems.fail());
    };
    let mut slides = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let path = [Step::Key("events"), Step::Index(i)];
        if let Some(slide) = json_slide(e, &path, &mut place, true) {
            slides.push(slide);
        }
    }
    let title = doc
        .get("title")
        .and_then(|t| json_slide(t, &[Step::Key("title")], &mut place, false));
    let mut warnings = Vec::new();
    if let Some(eras) = doc.get("eras").and_then(Value::as_array)
        && !eras.is_empty()
    {
        warnings.push(format!(
            "{} era{} left out: a Rashomon timeline has no eras",
            eras.len(),
            if eras.len() == 1 { "" } else { "s" }
        ));
    }
    let timeline = build(title, slides, fallback_title, &mut warnings);
    problems.finish(Imported { timeline, warnings })
}

/// Read the CSV a TimelineJS Google Sheet exports (File → Download → CSV).
pub fn from_sheet(file: &str, src: &str, fallback_title: &str) -> Result<Imported, ImportError> {
    let mut problems = Problems::new(file, src);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(src.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            problems.whole(format!("not CSV: {e}"));
            return Err(problems.fail());
        }
    };
    let col = |name: &str| headers.iter().position(|h| h == name);
    if col("year").is_none() || col("headline").is_none() {
        problems.at(
            Mark {
                offset: 0,
                line: 1,
                col: 1,
            },
            1,
            "not a TimelineJS sheet: the first row must name its columns (Year, Month, Day, \
             Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, \
             Media Credit, Media Caption, Media Thumbnail, Type, Group, Background)",
        );
        return Err(problems.fail());
    }
    let mut slides = Vec::new();
    let mut title = None;
    let mut eras = 0;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                problems.at(
                    Mark {
                        offset: 0,
                        line,
                        col: 1,
                    },
                    1,
                    format!("not CSV: {e}"),
                );
                continue;
            }
        };
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let cell = |name: &str| -> (String, Option<usize>) {
            match col(name) {
                Some(i) => (record.get(i).unwrap_or("").trim().to_string(), Some(i)),
                None => (String::new(), None),
            }
        };
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let kind = cell("type").0.to_ascii_lowercase();
        if kind == "era" {
            eras += 1;
            continue;
        }
        let mut date_of = |prefix: &str| -> Option<When> {
            let parts: Vec<(String, Option<usize>)> = ["year", "month", "day", "time"]
                .iter()
                .map(|p| cell(&format!("{prefix}{p}")))
                .collect();
            if parts[0].0.is_empty() {
                return None;
            }
            match sheet_point(&parts[0].0, &parts[1].0, &parts[2].0, &parts[3].0) {
                Ok(p) => Some(p),
                Err((which, message)) => {
                    let (mark, width) = csv_field(src, start, parts[which].1.unwrap_or(0));
                    problems.at(mark, width, message);
                    None
                }
            }
        };
        let start_point = date_of("");
        let end_point = date_of("end ");
        let slide = Slide {
            unique_id: String::new(),
            when: when_of(start_point, end_point),
            display_date: cell("display date").0,
            headline: cell("headline").0,
            text: cell("text").0,
            media_url: cell("media").0,
            credit: cell("media credit").0,
            caption: cell("media caption").0,
            group: cell("group").0,
        };
        if let (When::Interval(..), Some(s), Some(e)) = (slide.when, start_point, end_point)
            && !valid_interval(s, e)
        {
            let (mark, width) = csv_field(src, start, col("end year").unwrap_or(0));
            problems.at(mark, width, "the slide ends before it starts");
        }
        if kind == "title" {
            title = Some(slide);
        } else {
            slides.push(slide);
        }
    }
    let mut warnings = Vec::new();
    if eras > 0 {
        warnings.push(format!(
            "{eras} era{} left out: a Rashomon timeline has no eras",
            if eras == 1 { "" } else { "s" }
        ));
    }
    let timeline = build(title, slides, fallback_title, &mut warnings);
    problems.finish(Imported { timeline, warnings })
}

fn valid_interval(start: When, end: When) -> bool {
    match (start.earliest(), end.latest()) {
        (Some(a), Some(b)) => b >= a,
        _ => true,
    }
}

fn when_of(start: Option<When>, end: Option<When>) -> When {
    match (start, end) {
        (Some(When::Point(a)), Some(When::Point(b))) if a != b => {
            if valid_interval(When::Point(a), When::Point(b)) {
                When::Interval(crate::timeline::Bound::At(a), crate::timeline::Bound::At(b))
            } else {
                When::Point(a)
            }
        }
        (Some(s), _) => s,
        (None, _) => When::Unknown,
    }
}

/// A date from the sheet's four columns. On error, which of them (0 year, 1 month, 2 day,
/// 3 time) and why.
fn sheet_point(year: &str, month: &str, day: &str, time: &str) -> Result<When, (usize, String)> {
    let number = |s: &str, which: usize, name: &str| -> Result<Option<i64>, (usize, String)> {
        let clean: String = s
            .chars()
            .filter(|c| !c.is_whitespace() && *c != ',')
            .collect();
        if clean.is_empty() {
            return Ok(None);
        }
        clean
            .parse::<i64>()
            .map(Some)
            .map_err(|_| (which, format!("{name} `{s}` is not a whole number")))
    };
    let y = number(year, 0, "year")?.unwrap_or_default();
    let m = number(month, 1, "month")?;
    let d = number(day, 2, "day")?;
    let t = if time.is_empty() {
        None
    } else {
        Some(parse_time(time).ok_or_else(|| {
            (
                3,
                format!("time `{time}` is not a time of day (13:45, 1:45 PM)"),
            )
        })?)
    };
    point(y, m, d, t).map_err(|(field, message)| {
        let which = match field {
            Field::Year => 0,
            Field::Month => 1,
            Field::Day => 2,
            Field::Time => 3,
        };
        (which, message)
    })
}

#[derive(Debug, Clone, Copy)]
enum Field {
    Year,
    Month,
    Day,
    Time,
}

/// A date at the precision given, checked by Rashomon's own date parser.
fn point(
    year: i64,
    month: Option<i64>,
    day: Option<i64>,
    time: Option<(i64, i64, Option<i64>)>,
) -> Result<When, (Field, String)> {
    if !(-9999..=9999).contains(&year) {
        return Err((
            Field::Year,
            format!("year {year} is outside the years a Rashomon timeline holds (-9999 to 9999)"),
        ));
    }
    let mut text = if year < 0 {
        format!("-{:04}", -year)
    } else {
        format!("{year:04}")
    };
    let mut field = Field::Year;
    if let Some(m) = month {
        if !(1..=12).contains(&m) {
            return Err((Field::Month, format!("month {m} is not between 1 and 12")));
        }
        text.push_str(&format!("-{m:02}"));
        field = Field::Month;
        if let Some(d) = day {
            if !(1..=31).contains(&d) {
                return Err((Field::Day, format!("day {d} is not between 1 and 31")));
            }
            text.push_str(&format!("-{d:02}"));
            field = Field::Day;
            if let Some((h, min, s)) = time {
                if !(0..=23).contains(&h) || !(0..=59).contains(&min) {
                    return Err((Field::Time, format!("{h}:{min:02} is not a time of day")));
                }
                text.push_str(&format!("T{h:02}:{min:02}"));
                if let Some(s) = s.filter(|s| (0..=59).contains(s)) {
                    text.push_str(&format!(":{s:02}"));
                }
                field = Field::Time;
            }
        }
    } else if day.is_some() {
        return Err((Field::Day, "a day needs a month".to_string()));
    }
    text.parse::<When>().map_err(|e| (field, format!("{e}")))
}

/// `13:45`, `13:45:10`, `1:45 PM`, `1345`, as TimelineJS reads them.
fn parse_time(text: &str) -> Option<(i64, i64, Option<i64>)> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let (clock, pm) = if let Some(c) = lower
        .strip_suffix("p.m.")
        .or_else(|| lower.strip_suffix("pm"))
    {
        (c.trim().to_string(), Some(true))
    } else if let Some(c) = lower
        .strip_suffix("a.m.")
        .or_else(|| lower.strip_suffix("am"))
    {
        (c.trim().to_string(), Some(false))
    } else {
        (lower.clone(), None)
    };
    let parts: Vec<&str> = if clock.len() == 4 && clock.bytes().all(|b| b.is_ascii_digit()) {
        vec![&clock[..2], &clock[2..]]
    } else if clock.contains(':') {
        clock.split(':').collect()
    } else {
        clock.split('.').collect()
    };
    let num = |s: &str| -> Option<i64> {
        let s = s.split('.').next()?;
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let mut hour = num(parts.first()?)?;
    let minute = parts.get(1).map_or(Some(0), |m| num(m))?;
    let second = match parts.get(2) {
        Some(s) => Some(num(s)?),
        None => None,
    };
    match pm {
        Some(true) if hour < 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    Some((hour, minute, second))
}

#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Points at values of the JSON text, by path, in messages.
struct Locator<'t, 'p, 'a> {
    tree: Option<&'t Node<'t>>,
    lines: Lines<'t>,
    problems: &'p mut Problems<'a>,
}

impl Locator<'_, '_, '_> {
    fn report(&mut self, path: &[Step], message: String) {
        let mut node = self.tree;
        for step in path {
            node = node.and_then(|n| match step {
                Step::Key(k) => n.get(k),
                Step::Index(i) => n.items().get(*i),
            });
        }
        let label = path_text(path);
        let message = if label.is_empty() {
            message
        } else {
            format!("{label}: {message}")
        };
        match node {
            Some(n) => {
                let (start, end) = (self.lines.place(n.start), self.lines.place(n.end));
                let width = if end.line == start.line {
                    end.col.saturating_sub(start.col)
                } else {
                    1
                };
                self.problems.at(start, width, message);
            }
            None => self.problems.whole(message),
        }
    }
}

fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(k) if out.is_empty() => out.push_str(k),
            Step::Key(k) => out.push_str(&format!(".{k}")),
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn json_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// A slide from JSON; `None` (with a problem reported) when it cannot be read.
fn json_slide(v: &Value, path: &[Step], place: &mut Locator, needs_date: bool) -> Option<Slide> {
    let Some(obj) = v.as_object() else {
        place.report(path, "a slide must be an object".to_string());
        return None;
    };
    let text = obj.get("text");
    let media = obj.get("media");
    let mut ok = true;
    let mut date = |key: &'static str| -> Option<When> {
        let d = obj.get(key)?;
        let mut sub = path.to_vec();
        sub.push(Step::Key(key));
        match json_point(d) {
            Ok(w) => Some(w),
            Err((field, message)) => {
                if let Some(f) = field {
                    sub.push(Step::Key(f));
                }
                place.report(&sub, message);
                ok = false;
                None
            }
        }
    };
    let start = date("start_date");
    let end = date("end_date");
    if needs_date && start.is_none() && obj.get("start_date").is_none() && end.is_some() {
        let mut sub = path.to_vec();
        sub.push(Step::Key("end_date"));
        place.report(
            &sub,
            "a slide with an end date needs a start_date".to_string(),
        );
        ok = false;
    }
    if let (Some(s), Some(e)) = (start, end)
        && !valid_interval(s, e)
    {
        let mut sub = path.to_vec();
        sub.push(Step::Key("end_date"));
        place.report(&sub, "the slide ends before it starts".to_string());
        ok = false;
    }
    if !ok {
        return None;
    }
    Some(Slide {
        unique_id: json_text(obj.get("unique_id")),
        when: when_of(start, end),
        display_date: json_text(obj.get("display_date")),
        headline: json_text(text.and_then(|t| t.get("headline"))),
        text: json_text(text.and_then(|t| t.get("text"))),
        media_url: json_text(media.and_then(|m| m.get("url"))),
        credit: json_text(media.and_then(|m| m.get("credit"))),
        caption: json_text(media.and_then(|m| m.get("caption"))),
        group: json_text(obj.get("group")),
    })
}

/// A TimelineJS date object. Its numbers may be JSON numbers or numeric strings; empty
/// strings count as absent, as TimelineJS counts them.
fn json_point(d: &Value) -> Result<When, (Option<&'static str>, String)> {
    if !d.is_object() {
        return Err((None, "a date must be an object with a `year`".to_string()));
    }
    let field = |name: &'static str| -> Result<Option<i64>, (Option<&'static str>, String)> {
        match d.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n
                .as_i64()
                .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
                .map(Some)
                .ok_or_else(|| (Some(name), format!("`{n}` is not a whole number"))),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => {
                let clean: String = s
                    .chars()
                    .filter(|c| !c.is_whitespace() && *c != ',')
                    .collect();
                clean
                    .parse::<i64>()
                    .map(Some)
                    .map_err(|_| (Some(name), format!("`{s}` is not a whole number")))
            }
            Some(_) => Err((Some(name), "must be a number".to_string())),
        }
    };
    let Some(year) = field("year")? else {
        return Err((Some("year"), "a date needs a year".to_string()));
    };
    let month = field("month")?;
    let day = field("day")?;
    let hour = field("hour")?;
    let minute = field("minute")?;
    let second = field("second")?;
    let time = hour.map(|h| (h, minute.unwrap_or(0), second));
    point(year, month, day, time).map_err(|(f, m)| {
        let name = match f {
            Field::Year => "year",
            Field::Month => "month",
            Field::Day => "day",
            Field::Time => "hour",
        };
        (Some(name), m)
    })
}

/// Plain text from a slide's HTML: tags dropped, entities decoded, paragraphs and line breaks
/// kept as line breaks, other white space collapsed.
pub fn plain_text(html: &str) -> String {
    use ego_tree::iter::Edge;
    use scraper::Node as H;
    if !html.contains(['<', '&']) {
        return lines(html);
    }
    let fragment = scraper::Html::parse_fragment(html);
    let mut out = String::new();
    let block = |name: &str| {
        matches!(
            name,
            "p" | "div"
                | "li"
                | "ul"
                | "ol"
                | "blockquote"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "tr"
                | "table"
                | "section"
                | "article"
                | "header"
                | "footer"
                | "figure"
                | "figcaption"
                | "pre"
        )
    };
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                // In HTML a line break in the text is a space; breaks come from the tags.
                H::Text(t) => {
                    out.extend(t.chars().map(|c| if c.is_whitespace() { ' ' } else { c }))
                }
                H::Element(e) if e.name() == "br" => out.push('\n'),
                H::Element(e) if block(e.name()) => out.push_str("\n\n"),
                H::Element(e) if matches!(e.name(), "script" | "style") => {}
                _ => {}
            },
            Edge::Close(node) => {
                if let H::Element(e) = node.value()
                    && block(e.name())
                {
                    out.push_str("\n\n");
                }
            }
        }
    }
    lines(&out)
}

/// Each line's white space collapsed; paragraphs (blank lines) kept, at most one in a row.
fn lines(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut blank = false;
    for line in text.lines() {
        let l = crate::export::text::one_line(line);
        if l.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push(String::new());
            blank = false;
        }
        out.push(l);
    }
    out.join("\n")
}

/// The slides as a timeline.
fn build(
    title: Option<Slide>,
    slides: Vec<Slide>,
    fallback_title: &str,
    warnings: &mut Vec<String>,
) -> Timeline {
    let title_text = title
        .as_ref()
        .map(|t| plain_text(&t.headline))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| fallback_title.to_string());
    let description = title
        .as_ref()
        .map(|t| plain_text(&t.text))
        .filter(|t| !t.is_empty());
    let mut timeline = Timeline {
        title: title_text.clone(),
        description,
        ..Timeline::default()
    };
    let mut event_ids = BTreeSet::new();
    let mut source_ids = BTreeSet::from([TIMELINE_SOURCE.to_string()]);
    // One source per media credit. It keeps the media's address (and caption, as its title)
    // only when all its slides show the same media: a credit names who, not which picture.
    let mut media_of: BTreeMap<String, BTreeSet<(String, String)>> = BTreeMap::new();
    for slide in &slides {
        let credit = plain_text(&slide.credit);
        if credit.is_empty() || plain_text(&slide.text).is_empty() {
            continue;
        }
        let url = crate::render::view::http_url(&slide.media_url).unwrap_or_default();
        let caption = plain_text(&slide.caption);
        let media = media_of.entry(credit).or_default();
        // A credit without media on a slide names who, and shows nothing.
        if !url.is_empty() || !caption.is_empty() {
            media.insert((url, caption));
        }
    }
    let mut credited: BTreeMap<String, String> = BTreeMap::new();
    let mut uncredited_media = 0;
    let mut timeline_source_used = false;
    for (n, slide) in slides.into_iter().enumerate() {
        let headline = plain_text(&slide.headline);
        let summary = plain_text(&slide.text);
        let fallback = format!("slide-{}", n + 1);
        let wanted = if slide.unique_id.is_empty() {
            slug(&headline, &fallback)
        } else {
            slide.unique_id.clone()
        };
        let id = unique(wanted, &mut event_ids);
        let title = if headline.is_empty() {
            summary
                .lines()
                .next()
                .map(|l| l.chars().take(80).collect::<String>())
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| format!("Slide {}", n + 1))
        } else {
            headline
        };
        let credit = plain_text(&slide.credit);
        let mut accounts = Vec::new();
        if !summary.is_empty() {
            let source = if credit.is_empty() {
                if !slide.media_url.is_empty() {
                    uncredited_media += 1;
                }
                timeline_source_used = true;
                TIMELINE_SOURCE.to_string()
            } else if let Some(id) = credited.get(&credit) {
                id.clone()
            } else {
                let id = unique(slug(&credit, "credit"), &mut source_ids);
                let media = media_of.get(&credit).filter(|m| m.len() == 1);
                let (url, caption) = media
                    .and_then(|m| m.iter().next().cloned())
                    .unwrap_or_default();
                timeline.sources.push(Source {
                    id: id.clone(),
                    outlet: Some(credit.clone()),
                    title: (!caption.is_empty()).then_some(caption),
                    url: (!url.is_empty()).then_some(url),
                    ..Source::default()
                });
                credited.insert(credit.clone(), id.clone());
                id
            };
            accounts.push(Account {
                source,
                summary: Some(summary),
                ..Account::default()
            });
        }
        let display = plain_text(&slide.display_date);
        let notes = (!display.is_empty() && display != slide.when.human())
            .then(|| format!("Shown in TimelineJS as “{display}”."));
        let group = plain_text(&slide.group);
        timeline.events.push(Event {
            id,
            title,
            when: slide.when,
            tags: if group.is_empty() {
                vec![]
            } else {
                vec![group]
            },
            accounts,
            notes,
            ..Event::default()
        });
    }
    if timeline_source_used {
        timeline.sources.insert(
            0,
            Source {
                id: TIMELINE_SOURCE.to_string(),
                title: Some(title_text),
                kind: Some(SourceKind::Other),
                notes: Some("The TimelineJS timeline these events were imported from.".into()),
                ..Source::default()
            },
        );
    }
    if uncredited_media > 0 {
        warnings.push(format!(
            "{uncredited_media} slide{} media without a credit: the media address is left out",
            if uncredited_media == 1 {
                " has"
            } else {
                "s have"
            }
        ));
    }
    crate::timeline::normalize(&mut timeline);
    timeline
}

/// serde_json's message without its " at line X column Y" (we print the place ourselves).
fn strip_place(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_timelinejs_reads_them() {
        assert_eq!(parse_time("13:45"), Some((13, 45, None)));
        assert_eq!(parse_time("1:45 PM"), Some((13, 45, None)));
        assert_eq!(parse_time("12:05 a.m."), Some((0, 5, None)));
        assert_eq!(parse_time("1345"), Some((13, 45, None)));
        assert_eq!(parse_time("7:00:30"), Some((7, 0, Some(30))));
        assert_eq!(parse_time("noon"), None);
    }

    #[test]
    fn dates_at_their_precision() {
        let w = json_point(&serde_json::json!({"year": "2016", "month": 9, "day": ""})).unwrap();
        assert_eq!(w.to_string(), "2016-09");
        let w = json_point(&serde_json::json!({"year": 2016, "month": 2, "day": 30}));
        assert!(w.is_err());
        let w = json_point(&serde_json::json!({"month": 2}));
        assert_eq!(w.unwrap_err().0, Some("year"));
        let w = sheet_point("-500", "", "", "").unwrap();
        assert_eq!(w.to_string(), "-0500");
    }

    #[test]
    fn slide_html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>One &amp; <b>two</b></p><p>Three<br>four</p>"),
            "One & two\n\nThree\nfour"
        );
        assert_eq!(plain_text("<p>a\nb</p>"), "a b");
        assert_eq!(plain_text("  plain\n text "), "plain\ntext");
    }
}
