//! The overview chart above the list: a date axis with a mark per event, drawn as inline SVG
//! so that it works without JavaScript, each mark a link to its event.
//!
//! A mark's size grows with the number of accounts (its area, roughly); a disputed event is a
//! diamond, as in the list below, and every other event a circle. Marks have one neutral colour
//! each: nothing on the chart ranks accounts or positions. A date coarser than a day, or an
//! interval, is drawn as a bar over the days it may cover, with the mark in its middle. Marks
//! that would overlap are stacked in rows. Ticks are days, months or years, as the span needs.
//!
//! When many events crowd into a short stretch (the week of 12 September 2016 in the example
//! timeline), a second axis shows that stretch in detail. The chart comes in a wide and a
//! narrow drawing; the stylesheet shows the one that fits the screen.

use chrono::{Datelike, Months, NaiveDate};

use crate::timeline::{Bound, Timeline, When};

use super::view::event_anchor;

/// The chart: the overview axis, perhaps a detail axis, in a wide and a narrow drawing.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub wide: Vec<Axis>,
    pub narrow: Vec<Axis>,
    /// "28 events, Oct 2015 to Sep 2016".
    pub summary: String,
    /// Events without a date, which the chart cannot place.
    pub undated: usize,
}

/// One axis drawn as an SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// "12–19 Sep 2016 in detail" for a detail axis.
    pub caption: Option<String>,
    pub width: u32,
    pub height: u32,
    /// The axis line's y, where tick lines end, and where tick labels sit.
    pub base: String,
    pub tick_end: String,
    pub label_y: String,
    pub left: String,
    pub right: String,
    pub ticks: Vec<Tick>,
    pub marks: Vec<Mark>,
    /// On the overview, the stretch the detail axis shows: x and width of a shaded band.
    pub window: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: String,
    pub label: String,
    /// Year (or month, on a day axis) boundaries are drawn stronger.
    pub major: bool,
    /// `text-anchor`: labels near the ends do not run off the drawing.
    pub anchor: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub anchor: String,
    /// For the tooltip and screen readers: date, title, accounts, disputed.
    pub label: String,
    pub x: String,
    pub y: String,
    pub r: String,
    /// The radius of the invisible disc that takes clicks and taps: bigger than small marks.
    pub hit: String,
    /// The diamond's points, for a disputed event.
    pub diamond: Option<String>,
    /// No accounts yet: drawn hollow.
    pub empty: bool,
    /// The days the date may cover, when wider than the mark.
    pub bar: Option<(String, String)>,
}

/// An event as the chart sees it: days since the common era, end exclusive.
#[derive(Debug, Clone)]
struct Item {
    anchor: String,
    label: String,
    start: f64,
    end: f64,
    accounts: usize,
    disputed: bool,
}

/// Sizes of one drawing.
#[derive(Debug, Clone, Copy)]
struct Frame {
    width: f64,
    /// Minimum pixels between two tick labels.
    tick_gap: f64,
    max_rows: usize,
}

const WIDE: Frame = Frame {
    width: 1000.0,
    tick_gap: 56.0,
    max_rows: 9,
};
const NARROW: Frame = Frame {
    width: 360.0,
    tick_gap: 44.0,
    max_rows: 9,
};
const PAD: f64 = 14.0;
/// Room for a tick label that names its year ("Jan 2016") at 11 px.
const YEAR_LABEL: f64 = 58.0;
const AXIS_SPACE: f64 = 30.0;

/// The chart of a timeline; `None` when no event has a date.
pub fn chart(timeline: &Timeline) -> Option<Chart> {
    let mut items: Vec<Item> = timeline.events.iter().filter_map(item).collect();
    if items.is_empty() {
        return None;
    }
    items.sort_by(|a, b| {
        a.start
            .total_cmp(&b.start)
            .then(a.end.total_cmp(&b.end))
            .then_with(|| a.anchor.cmp(&b.anchor))
    });
    let t0 = items.iter().map(|i| i.start).fold(f64::INFINITY, f64::min);
    let t1 = items
        .iter()
        .map(|i| i.end)
        .fold(f64::NEG_INFINITY, f64::max);
    let detail = crowded(&items, t0, t1);
    let draw = |frame: Frame| {
        let mut overview = axis(&items, t0, t1, frame, None);
        if let Some((a, b)) = detail {
            let (l, r) = (num_f(&overview.left), num_f(&overview.right));
            let x_of = |t: f64| l + (t - t0) / (t1 - t0).max(1.0) * (r - l);
            let (x0, x1) = (x_of(a) - 3.0, x_of(b) + 3.0);
            overview.window = Some((num(x0), num(x1 - x0)));
        }
        let mut axes = vec![overview];
        if let Some((a, b)) = detail {
            let inside: Vec<Item> = items
                .iter()
                .filter(|i| i.start >= a && i.end <= b)
                .cloned()
                .collect();
            let caption = format!("{} in detail", span_text(a, b));
            let margin = ((b - a) * 0.08).max(0.5);
            axes.push(axis(&inside, a - margin, b + margin, frame, Some(caption)));
        }
        axes
    };
    let n = items.len();
    Some(Chart {
        wide: draw(WIDE),
        narrow: draw(NARROW),
        summary: format!(
            "{n} dated event{}, {}",
            if n == 1 { "" } else { "s" },
            span_text(t0, t1)
        ),
        undated: timeline.events.len() - n,
    })
}

fn item(event: &crate::timeline::Event) -> Option<Item> {
    let (first, last) = match event.when {
        When::Unknown => return None,
        When::Interval(Bound::At(a), Bound::At(b)) => (a.first_day(), b.last_day()),
        When::Interval(Bound::At(a), _) => (a.first_day(), a.last_day()),
        When::Interval(_, Bound::At(b)) => (b.first_day(), b.last_day()),
        When::Interval(_, _) => return None,
        When::Point(p) => (p.first_day(), p.last_day()),
    };
    // A year beyond the calendar (`Y170000002`) has no place on a day axis.
    if first == NaiveDate::MIN || last == NaiveDate::MAX {
        return None;
    }
    let start = f64::from(first.num_days_from_ce());
    let end = f64::from(last.num_days_from_ce()) + 1.0;
    let disputed = event.is_disputed();
    let n = event.accounts.len();
    let label = format!(
        "{}: {} ({} account{}{})",
        event.when.human(),
        event.title,
        n,
        if n == 1 { "" } else { "s" },
        if disputed { ", disputed" } else { "" }
    );
    Some(Item {
        anchor: event_anchor(&event.id),
        label,
        start,
        end,
        accounts: n,
        disputed,
    })
}

/// The stretch to show in detail: the shortest window (at most a 40th of the span and at
/// least a week) holding the most events, when it holds at least five of them.
fn crowded(items: &[Item], t0: f64, t1: f64) -> Option<(f64, f64)> {
    let span = t1 - t0;
    let limit = (span / 40.0).max(7.0);
    if span <= limit * 2.0 {
        return None;
    }
    let mut best: Option<(usize, f64, f64)> = None;
    for (i, a) in items.iter().enumerate() {
        let mut end = a.start;
        let mut count = 0;
        for b in &items[i..] {
            if b.end - a.start > limit {
                continue;
            }
            end = end.max(b.end);
            count += 1;
        }
        let better = match best {
            None => true,
            Some((c, s, e)) => count > c || (count == c && end - a.start < e - s),
        };
        if better {
            best = Some((count, a.start, end));
        }
    }
    let (count, s, e) = best?;
    (count >= 5).then_some((s, e))
}

fn radius(accounts: usize) -> f64 {
    (2.5 + 1.5 * (accounts as f64).sqrt()).min(10.0)
}

/// Whether a date is drawn as a bar: it covers more than a day, and more than its mark.
/// (A day-precision date is not a span worth drawing, however wide a day is on the axis.)
fn has_bar(it: &Item, x0: f64, x1: f64, r: f64) -> bool {
    it.end - it.start > 1.0 && x1 - x0 > 2.0 * r
}

fn num_f(s: &str) -> f64 {
    s.parse().unwrap_or_default()
}

fn num(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// Lay out one axis over days `[a, b)`.
fn axis(items: &[Item], a: f64, b: f64, frame: Frame, caption: Option<String>) -> Axis {
    let r_max = items.iter().map(|i| radius(i.accounts)).fold(3.0, f64::max);
    let left = PAD + r_max;
    let right = frame.width - PAD - r_max;
    let (a, b) = if b - a < 1.0 {
        (a - 0.5, b + 0.5)
    } else {
        (a, b)
    };
    let x_of = |t: f64| left + (t - a) / (b - a) * (right - left);

    // Rows: each mark goes into the lowest row where it overlaps nothing. A row is as tall as
    // its largest mark, so rows of small marks stay low.
    let half = |it: &Item| radius(it.accounts) * if it.disputed { 1.25 } else { 1.0 };
    // Short dates first, so that points sit by the axis and long spans float above them.
    let mut order: Vec<&Item> = items.iter().collect();
    order.sort_by(|a, b| {
        let wide = |i: &Item| i.end - i.start > 1.0;
        wide(a).cmp(&wide(b)).then(a.start.total_cmp(&b.start))
    });
    let mut rows_taken: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut placed = Vec::new();
    for it in order {
        let r = radius(it.accounts);
        let (x0, x1) = (x_of(it.start), x_of(it.end));
        let x = (x0 + x1) / 2.0;
        let d = r * if it.disputed { 1.25 } else { 1.0 };
        let (lo, hi) = if has_bar(it, x0, x1, r) {
            (x0.min(x - d) - 1.5, x1.max(x + d) + 1.5)
        } else {
            (x - d - 1.5, x + d + 1.5)
        };
        let free = |row: &Vec<(f64, f64)>| row.iter().all(|(a, b)| hi <= *a || *b <= lo);
        let row = match rows_taken.iter().position(free) {
            Some(row) => row,
            None if rows_taken.len() < frame.max_rows => {
                rows_taken.push(Vec::new());
                rows_taken.len() - 1
            }
            // Out of rows: the one where it overlaps least.
            None => (0..rows_taken.len())
                .min_by_key(|&k| {
                    rows_taken[k]
                        .iter()
                        .filter(|(a, b)| !(hi <= *a || *b <= lo))
                        .count()
                })
                .unwrap_or(0),
        };
        rows_taken[row].push((lo, hi));
        placed.push((it, x, x0, x1, r, row));
    }
    // In date order again, so the drawing (and the order of links) follows the timeline.
    placed.sort_by(|p, q| {
        p.0.start
            .total_cmp(&q.0.start)
            .then(p.0.end.total_cmp(&q.0.end))
            .then_with(|| p.0.anchor.cmp(&q.0.anchor))
    });
    let row_ends = rows_taken;
    let rows = row_ends.len().max(1);
    let mut row_half = vec![3.0f64; rows];
    for (it, .., row) in &placed {
        row_half[*row] = row_half[*row].max(half(it));
    }
    // Centre of each row, counted up from the axis.
    let mut centre = Vec::with_capacity(rows);
    let mut y = 4.0;
    for h in &row_half {
        centre.push(y + h);
        y += 2.0 * h + 3.0;
    }
    let top = 6.0;
    let base = top + y;
    let height = base + AXIS_SPACE;
    let marks = placed
        .into_iter()
        .map(|(it, x, x0, x1, r, row)| {
            let y = base - centre[row];
            // A diamond of the same area as the circle would be, a little larger to read.
            let d = r * 1.25;
            Mark {
                anchor: it.anchor.clone(),
                label: it.label.clone(),
                x: num(x),
                y: num(y),
                r: num(r),
                hit: num((r + 4.0).max(9.0)),
                diamond: it.disputed.then(|| {
                    format!(
                        "{},{} {},{} {},{} {},{}",
                        num(x),
                        num(y - d),
                        num(x + d),
                        num(y),
                        num(x),
                        num(y + d),
                        num(x - d),
                        num(y)
                    )
                }),
                empty: it.accounts == 0,
                bar: has_bar(it, x0, x1, r).then(|| (num(x0), num(x1))),
            }
        })
        .collect();
    Axis {
        caption,
        width: frame.width as u32,
        height: height.ceil() as u32,
        base: num(base),
        tick_end: num(base + 5.0),
        label_y: num(base + 18.0),
        left: num(left),
        right: num(right),
        ticks: ticks(a, b, left, right, frame.tick_gap),
        marks,
        window: None,
    }
}

fn date_of(day: f64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(day.floor() as i32).unwrap_or(NaiveDate::MIN)
}

fn day_of(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(d: NaiveDate) -> &'static str {
    MONTHS[d.month0() as usize]
}

/// "Oct 2015 to Sep 2016", "12–19 Sep 2016".
fn span_text(a: f64, b: f64) -> String {
    let (s, e) = (date_of(a), date_of((b - 1.0).max(a)));
    if b - a <= 62.0 {
        if (s.year(), s.month()) == (e.year(), e.month()) {
            if s.day() == e.day() {
                format!("{} {} {}", s.day(), month_name(s), s.year())
            } else {
                format!("{}–{} {} {}", s.day(), e.day(), month_name(e), e.year())
            }
        } else {
            format!(
                "{} {} to {} {} {}",
                s.day(),
                month_name(s),
                e.day(),
                month_name(e),
                e.year()
            )
        }
    } else if s.year() == e.year() && s.month() == 1 && e.month() == 12 {
        s.year().to_string()
    } else {
        format!(
            "{} {} to {} {}",
            month_name(s),
            s.year(),
            month_name(e),
            e.year()
        )
    }
}

/// Ticks for days `[a, b)` drawn between `left` and `right`: days, months or years, spaced at
/// least `gap` pixels apart.
fn ticks(a: f64, b: f64, left: f64, right: f64, gap: f64) -> Vec<Tick> {
    let px_per_day = (right - left) / (b - a);
    let x_of = |t: f64| left + (t - a) * px_per_day;
    let anchor = |x: f64| {
        if x < left + gap / 2.0 {
            "start"
        } else if x > right - gap / 2.0 {
            "end"
        } else {
            "middle"
        }
    };
    let mut out = Vec::new();
    let (start, end) = (date_of(a.ceil()), date_of(b));
    let mut push = |x: f64, label: String, major: bool| {
        out.push(Tick {
            x: num(x),
            label,
            major,
            anchor: anchor(x),
        })
    };
    let px_per_month = px_per_day * 30.44;
    if b - a <= 92.0 {
        // Days: every day, every other day, or the 1st, 8th, 15th, 22nd (and 29th) of the
        // month, or the 1st and 15th; the first tick of a month names it.
        let step = [1u32, 2, 7, 14]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_day >= gap)
            .unwrap_or(30);
        let mut d = start;
        let mut last_month = None;
        let mut n = 0u32;
        while d < end {
            let show = match step {
                1 | 2 => n.is_multiple_of(step),
                7 => matches!(d.day(), 1 | 8 | 15 | 22 | 29),
                14 => matches!(d.day(), 1 | 15),
                _ => d.day() == 1,
            };
            if show {
                let new_month = last_month != Some((d.year(), d.month()));
                let label = if new_month {
                    format!("{} {}", d.day(), month_name(d))
                } else {
                    d.day().to_string()
                };
                push(x_of(day_of(d) + 0.5), label, new_month);
                last_month = Some((d.year(), d.month()));
            }
            n += 1;
            d = d.succ_opt().unwrap_or(NaiveDate::MAX);
        }
    } else if px_per_month * 6.0 >= gap.max(YEAR_LABEL) {
        // Months, every `step` months counted from January; January (and the first tick)
        // names its year, so ticks are spaced for the longer label.
        let step = [1u32, 2, 3, 6]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_month >= gap.max(YEAR_LABEL))
            .unwrap_or(6);
        let mut d = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
        if d < start {
            d = d
                .checked_add_months(Months::new(1))
                .unwrap_or(NaiveDate::MAX);
        }
        let mut first = true;
        while d < end {
            if d.month0().is_multiple_of(step) {
                let label = if d.month() == 1 || first {
                    format!("{} {}", month_name(d), d.year())
                } else {
                    month_name(d).to_string()
                };
                push(x_of(day_of(d)), label, d.month() == 1);
                first = false;
            }
            d = d
                .checked_add_months(Months::new(1))
                .unwrap_or(NaiveDate::MAX);
        }
    } else {
        // Years, every `step` years.
        let px_per_year = px_per_day * 365.25;
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_year >= gap)
            .unwrap_or(2000);
        let mut year = if start.month() == 1 && start.day() == 1 {
            start.year()
        } else {
            start.year() + 1
        };
        while let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
            if d >= end {
                break;
            }
            if year.rem_euclid(step) == 0 {
                push(x_of(day_of(d)), year.to_string(), true);
            }
            year += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Account, Event};

    fn event(id: &str, when: &str, accounts: usize) -> Event {
        Event {
            id: id.into(),
            title: format!("Event {id}"),
            when: when.parse().unwrap(),
            accounts: (0..accounts)
                .map(|i| Account {
                    id: format!("{id}-{i}"),
                    source: "s".into(),
                    ..Account::default()
                })
                .collect(),
            ..Event::default()
        }
    }

    fn timeline(events: Vec<Event>) -> Timeline {
        Timeline {
            title: "t".into(),
            events,
            ..Timeline::default()
        }
    }

    #[test]
    fn no_dates_no_chart() {
        assert!(chart(&timeline(vec![event("a", "unknown", 1)])).is_none());
    }

    #[test]
    fn marks_grow_with_accounts_and_link_to_events() {
        let c = chart(&timeline(vec![
            event("a", "2016-01-10", 1),
            event("b", "2016-06-10", 23),
            event("c", "unknown", 0),
        ]))
        .unwrap();
        assert_eq!(c.undated, 1);
        let marks = &c.wide[0].marks;
        assert_eq!(marks[0].anchor, "event-a");
        let r: Vec<f64> = marks.iter().map(|m| m.r.parse().unwrap()).collect();
        assert!(r[1] > r[0]);
        assert!(marks[1].label.contains("23 accounts"));
    }

    #[test]
    fn month_ticks_for_a_year_year_ticks_for_decades() {
        let c = chart(&timeline(vec![
            event("a", "2015-10", 1),
            event("b", "2016-09-17", 1),
        ]))
        .unwrap();
        let labels: Vec<&str> = c.wide[0].ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"Jan 2016"), "{labels:?}");
        assert!(labels.contains(&"Sep"), "{labels:?}");
        let c = chart(&timeline(vec![
            event("a", "1950", 1),
            event("b", "2016", 1),
        ]))
        .unwrap();
        let labels: Vec<&str> = c.wide[0].ticks.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"1960"), "{labels:?}");
        assert!(!labels.iter().any(|l| l.contains("Jan")));
    }

    #[test]
    fn same_day_events_stack_and_crowds_get_a_detail_axis() {
        let mut events = vec![
            event("early", "2015-01-01", 1),
            event("late", "2016-12-31", 1),
        ];
        for i in 0..6 {
            events.push(event(&format!("d{i}"), "2016-09-17", 2));
        }
        let c = chart(&timeline(events)).unwrap();
        assert_eq!(c.wide.len(), 2, "a detail axis");
        let detail = &c.wide[1];
        assert_eq!(detail.marks.len(), 6);
        let ys: std::collections::BTreeSet<&str> =
            detail.marks.iter().map(|m| m.y.as_str()).collect();
        assert_eq!(ys.len(), 6, "stacked, not on top of each other");
        assert_eq!(detail.caption.as_deref(), Some("17 Sep 2016 in detail"));
    }

    #[test]
    fn disputed_events_are_diamonds() {
        let mut e = event("a", "2016-09-17", 2);
        e.disputes = vec![crate::timeline::Dispute {
            facet: "killed".into(),
            positions: vec![
                crate::timeline::Position {
                    value: "62".into(),
                    accounts: vec!["a-0".into()],
                },
                crate::timeline::Position {
                    value: "80".into(),
                    accounts: vec!["a-1".into()],
                },
            ],
            note: None,
        }];
        let c = chart(&timeline(vec![e, event("b", "2016-10-01", 1)])).unwrap();
        assert!(c.wide[0].marks[0].diamond.is_some());
        assert!(c.wide[0].marks[1].diamond.is_none());
    }
}
