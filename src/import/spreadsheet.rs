//! Rashomon's spreadsheet back into a timeline: the columns `export --format csv` writes, in
//! any order (see [`crate::export::spreadsheet`]). `event_id` and `event_title` are required;
//! the other columns may be left out. A row with no `source` is an event without accounts.
//!
//! Rows of one event repeat its date and title (or leave them empty); rows of one source repeat
//! its outlet and published date (or leave them empty). Saying two different things about one
//! event or source is an error that names both rows. The `disputed` column is derived, and
//! ignored on the way in: disputes are worked out from the facets on every load.

use std::collections::BTreeMap;

use super::{ImportError, Imported, Problems, csv_field};
use crate::export::spreadsheet::{COLUMNS, read_facets, read_list};
use crate::timeline::{Account, Event, Facets, Source, Stance, Timeline, When};

/// Read a spreadsheet. `file` names it in messages; the timeline gets `title`.
pub fn from_csv(file: &str, src: &str, title: &str) -> Result<Imported, ImportError> {
    let mut problems = Problems::new(file, src);
    let mut reader = csv::ReaderBuilder::new().from_reader(src.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => {
            problems.whole(format!("not CSV: {e}"));
            return Err(problems.fail());
        }
    };
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, h) in headers.iter().enumerate() {
        let (mark, width) = csv_field(src, 0, i);
        match COLUMNS.iter().find(|c| **c == h) {
            Some(c) if index.contains_key(c) => {
                problems.at(mark, width, format!("column `{h}` appears twice"))
            }
            Some(c) => {
                index.insert(c, i);
            }
            None => problems.at(
                mark,
                width,
                format!("unknown column `{h}` (known: {})", COLUMNS.join(", ")),
            ),
        }
    }
    for required in ["event_id", "event_title"] {
        if !index.contains_key(required) {
            problems.at(
                crate::timeline::yaml::Mark {
                    offset: 0,
                    line: 1,
                    col: 1,
                },
                1,
                format!("the first row must name a column `{required}`"),
            );
        }
    }
    if !problems.list.is_empty() {
        return Err(problems.fail());
    }

    let mut timeline = Timeline {
        title: title.to_string(),
        ..Timeline::default()
    };
    // Where each event and source was first described: (index, line); for events, also
    // whether a date was given yet.
    let mut events: BTreeMap<String, (usize, usize, bool)> = BTreeMap::new();
    let mut sources: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                problems.at(
                    crate::timeline::yaml::Mark {
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
        let line = csv_field(src, start, 0).0.line;
        if record.iter().all(|c| c.is_empty()) {
            continue;
        }
        let cell = |name: &str| index.get(name).and_then(|i| record.get(*i)).unwrap_or("");
        let report = |problems: &mut Problems, name: &str, message: String| {
            let (mark, width) = csv_field(src, start, index.get(name).copied().unwrap_or(0));
            problems.at(mark, width, message);
        };

        let event_id = cell("event_id");
        if event_id.trim().is_empty() {
            report(
                &mut problems,
                "event_id",
                "every row needs an `event_id`".into(),
            );
            continue;
        }
        let date = cell("event_date");
        let when = if date.trim().is_empty() {
            None
        } else {
            match date.parse::<When>() {
                Ok(w) => Some(w),
                Err(e) => {
                    report(&mut problems, "event_date", e.to_string());
                    continue;
                }
            }
        };
        let title = cell("event_title");
        let event_index = match events.get_mut(event_id) {
            Some((i, first_line, dated)) => {
                let (i, first_line) = (*i, *first_line);
                let e = &mut timeline.events[i];
                if let Some(w) = when
                    && w != e.when
                {
                    if !*dated {
                        e.when = w;
                        *dated = true;
                    } else {
                        report(
                            &mut problems,
                            "event_date",
                            format!(
                                "event `{event_id}` is dated {} on line {first_line}",
                                e.when
                            ),
                        );
                    }
                }
                if !title.is_empty() && title != e.title {
                    if e.title.is_empty() {
                        e.title = title.to_string();
                    } else {
                        report(
                            &mut problems,
                            "event_title",
                            format!(
                                "event `{event_id}` has the title “{}” on line {first_line}",
                                e.title
                            ),
                        );
                    }
                }
                i
            }
            None => {
                if title.trim().is_empty() {
                    report(
                        &mut problems,
                        "event_title",
                        format!("event `{event_id}` needs a title"),
                    );
                }
                timeline.events.push(Event {
                    id: event_id.to_string(),
                    title: title.to_string(),
                    when: when.unwrap_or_default(),
                    ..Event::default()
                });
                let i = timeline.events.len() - 1;
                events.insert(event_id.to_string(), (i, line, when.is_some()));
                i
            }
        };

        let source_id = cell("source");
        let account_cells = [
            "claimant",
            "via",
            "outlet",
            "published",
            "stance",
            "summary",
            "quote",
            "facets",
        ];
        if source_id.is_empty() {
            if let Some(name) = account_cells.iter().find(|c| !cell(c).is_empty()) {
                report(
                    &mut problems,
                    name,
                    "an account needs a `source` (the id of the document it comes from)".into(),
                );
            }
            continue;
        }
        let outlet = cell("outlet");
        let published = cell("published");
        let published = if published.trim().is_empty() {
            None
        } else {
            match published.parse::<When>() {
                Ok(w) => Some(w),
                Err(e) => {
                    report(&mut problems, "published", e.to_string());
                    None
                }
            }
        };
        match sources.get(source_id) {
            Some(&(i, first_line)) => {
                let s = &mut timeline.sources[i];
                match (&s.outlet, outlet) {
                    (_, "") => {}
                    (None, o) => s.outlet = Some(o.to_string()),
                    (Some(o), new) if o != new => report(
                        &mut problems,
                        "outlet",
                        format!("source `{source_id}` has the outlet “{o}” on line {first_line}"),
                    ),
                    _ => {}
                }
                match (s.published, published) {
                    (_, None) => {}
                    (None, p) => s.published = p,
                    (Some(p), Some(new)) if p != new => report(
                        &mut problems,
                        "published",
                        format!("source `{source_id}` is dated {p} on line {first_line}"),
                    ),
                    _ => {}
                }
            }
            None => {
                timeline.sources.push(Source {
                    id: source_id.to_string(),
                    outlet: (!outlet.is_empty()).then(|| outlet.to_string()),
                    published,
                    ..Source::default()
                });
                sources.insert(source_id.to_string(), (timeline.sources.len() - 1, line));
            }
        }

        let stance = match cell("stance").trim() {
            "" => Stance::Asserts,
            s => match crate::timeline::yaml::from_str::<Stance>(s) {
                Ok(stance) => stance,
                Err(_) => {
                    report(
                        &mut problems,
                        "stance",
                        format!("stance `{s}` is not one of asserts, alleges, denies, questions"),
                    );
                    Stance::Asserts
                }
            },
        };
        let via = match read_list(cell("via")) {
            Ok(items) => items.into_iter().map(|i| i.text).collect(),
            Err(e) => {
                report(&mut problems, "via", format!("`via`: {e}"));
                Vec::new()
            }
        };
        let facets = match read_facets(cell("facets")) {
            Ok(f) => f.into_iter().collect(),
            Err(e) => {
                report(&mut problems, "facets", format!("`facets`: {e}"));
                Facets::new()
            }
        };
        let text = |name: &str| Some(cell(name).to_string()).filter(|s| !s.is_empty());
        timeline.events[event_index].accounts.push(Account {
            source: source_id.to_string(),
            claimant: cell("claimant").to_string(),
            via,
            stance,
            summary: text("summary"),
            quote: text("quote"),
            facets,
            ..Account::default()
        });
    }
    crate::timeline::normalize(&mut timeline);
    problems.finish(Imported {
        timeline,
        warnings: Vec::new(),
    })
}
