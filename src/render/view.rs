//! What the page shows, computed from a timeline: every text the template prints, already
//! chosen, ordered and made safe to use as an id or a link, so that the template only lays
//! it out.
//!
//! Neutrality is decided here: accounts and positions keep the order in which they appear in
//! the timeline, never an order by how many hold them, and nothing marks a position as the
//! answer.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::timeline::{Account, Event, Point, Relation, RelationKind, Source, Timeline, When};

/// The whole page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub title: String,
    pub description: Option<String>,
    pub counts: Counts,
    pub events: Vec<EventView>,
    pub sources: Vec<SourceView>,
    pub filters: Filters,
    /// The overview chart above the list; `None` when no event has a date.
    pub chart: Option<super::chart::Chart>,
}

/// The figures in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub events: usize,
    pub accounts: usize,
    pub sources: usize,
    pub disputed: usize,
}

/// A date as text at its own precision, with a machine-readable form when HTML has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhenView {
    pub text: String,
    /// A valid HTML `datetime` value; `None` for intervals and unknown dates.
    pub datetime: Option<String>,
    /// The canonical EDTF text, for the tooltip.
    pub edtf: String,
}

/// A link to a place on the page: an anchor when the target exists, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub anchor: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EventView {
    pub id: String,
    pub anchor: String,
    pub title: String,
    /// The title, made unique on the page (with the date, then a number, when events share
    /// a title), for the names of the event's regions: "Accounts of <name>".
    pub name: String,
    pub when: WhenView,
    pub places: Vec<String>,
    pub actors: Vec<String>,
    pub tags: Vec<String>,
    /// Space-separated filter keys (see [`key`]) for the script.
    pub source_keys: String,
    pub claimant_keys: String,
    pub tag_keys: String,
    /// Facets on which accounts disagree; zero when the event is not disputed.
    pub disputed_facets: usize,
    /// "5 accounts from 4 sources, 3 independent".
    pub tally: String,
    pub accounts: Vec<AccountView>,
    pub disputes: Vec<DisputeView>,
    /// Notes people wrote on disputes that no longer arise from the accounts.
    pub dispute_notes: Vec<(String, String)>,
    pub relations: Vec<RelationView>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AccountView {
    pub anchor: String,
    /// Who the account is attributed to; the outlet when it speaks for itself.
    pub claimant: String,
    /// ", via BBC, via Reuters"; empty without an attribution chain.
    pub via_text: String,
    pub claimant_key: String,
    pub source_key: String,
    pub stance: String,
    pub summary: Option<String>,
    pub quote: Option<String>,
    pub facets: Vec<FacetView>,
    pub comment: bool,
    /// When the claimant said it, shown only when it differs from the source's date.
    pub stated_on: Option<WhenView>,
    pub source: SourceRef,
}

/// How an account card names its source.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRef {
    pub anchor: String,
    pub name: String,
    pub published: Option<WhenView>,
    pub link: Option<String>,
    pub republishes: Option<Ref>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetView {
    pub name: String,
    pub value: String,
    pub disputed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DisputeView {
    pub facet: String,
    pub positions: Vec<PositionView>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PositionView {
    pub value: String,
    pub holders: Vec<Holder>,
}

/// An account that holds a position (or claims a relation), named by its claimant.
#[derive(Debug, Clone, PartialEq)]
pub struct Holder {
    pub anchor: Option<String>,
    pub claimant: String,
    pub source: String,
    /// The account's own wording of the value, when it is not the position's text.
    pub wording: Option<String>,
    /// The account comes from a reader comment.
    pub comment: bool,
    /// Further accounts by the same claimant in the same source with the same wording, which
    /// hold the position too: one row for all of them, with a link to each.
    pub also: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelationView {
    /// Read from this event: "Caused by", or "Led to" at the other end of a causal link.
    pub label: String,
    pub other: Ref,
    pub other_when: Option<WhenView>,
    pub claimed_by: Vec<Holder>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SourceView {
    pub id: String,
    pub anchor: String,
    pub heading: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<WhenView>,
    pub kind: Option<String>,
    pub link: Option<String>,
    /// A URL that is not http(s): shown as text, never as a link.
    pub url_text: Option<String>,
    pub republishes: Option<Ref>,
    pub republished_by: Vec<Ref>,
    pub events: Vec<Ref>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub sources: Vec<Choice>,
    pub claimants: Vec<Choice>,
    pub tags: Vec<Choice>,
}

/// One option of a filter: its key (as in the events' data attributes) and its label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Choice {
    pub key: String,
    pub label: String,
}

/// The timeline with maps from ids to what they name, so that building the page looks each
/// source, event, account and relation up in constant time instead of scanning for it.
struct Ix<'t> {
    timeline: &'t Timeline,
    source_by_id: HashMap<&'t str, &'t Source>,
    event_by_id: HashMap<&'t str, &'t Event>,
    account_by_id: HashMap<&'t str, &'t Account>,
    relations_by_event: HashMap<&'t str, Vec<usize>>,
    /// Copies of each source, in the timeline's order.
    republished_by: HashMap<&'t str, Vec<&'t Source>>,
    /// The original of each source, through any chain of copies.
    original: HashMap<&'t str, &'t str>,
}

impl<'t> Ix<'t> {
    fn new(timeline: &'t Timeline) -> Ix<'t> {
        let mut relations_by_event: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, r) in timeline.relations.iter().enumerate() {
            relations_by_event
                .entry(r.from.as_str())
                .or_default()
                .push(k);
            if r.to != r.from {
                relations_by_event.entry(r.to.as_str()).or_default().push(k);
            }
        }
        let mut republished_by: HashMap<&str, Vec<&Source>> = HashMap::new();
        for s in &timeline.sources {
            if let Some(original) = s.republishes.as_deref() {
                republished_by.entry(original).or_default().push(s);
            }
        }
        Ix {
            timeline,
            republished_by,
            original: timeline.originals(),
            // The first of duplicate ids wins, as `Timeline::source` and `event` find it.
            source_by_id: first_by_id(timeline.sources.iter().map(|s| (s.id.as_str(), s))),
            event_by_id: first_by_id(timeline.events.iter().map(|e| (e.id.as_str(), e))),
            account_by_id: first_by_id(
                timeline
                    .events
                    .iter()
                    .flat_map(|e| &e.accounts)
                    .map(|a| (a.id.as_str(), a)),
            ),
            relations_by_event,
        }
    }

    fn source(&self, id: &str) -> Option<&'t Source> {
        self.source_by_id.get(id).copied()
    }

    fn event(&self, id: &str) -> Option<&'t Event> {
        self.event_by_id.get(id).copied()
    }

    /// As [`Timeline::independent_sources`], following `republishes` through the map.
    fn independent_sources(&self, event: &Event) -> usize {
        let mut roots: Vec<&str> = event
            .accounts
            .iter()
            .map(|a| {
                self.original
                    .get(a.source.as_str())
                    .copied()
                    .unwrap_or(a.source.as_str())
            })
            .collect();
        roots.sort_unstable();
        roots.dedup();
        roots.len()
    }
}

impl std::ops::Deref for Ix<'_> {
    type Target = Timeline;
    fn deref(&self) -> &Timeline {
        self.timeline
    }
}

fn first_by_id<'t, T>(items: impl Iterator<Item = (&'t str, &'t T)>) -> HashMap<&'t str, &'t T> {
    let mut map = HashMap::new();
    for (id, item) in items {
        map.entry(id).or_insert(item);
    }
    map
}

impl Page {
    /// Everything the page shows about `timeline`, events in date order.
    pub fn new(timeline: &Timeline) -> Page {
        let ix = Ix::new(timeline);
        let timeline = &ix;
        let mut events: Vec<&Event> = timeline.events.iter().collect();
        events.sort_by(|a, b| a.when.cmp(&b.when).then_with(|| a.id.cmp(&b.id)));

        let mut views: Vec<EventView> = events.iter().map(|e| event_view(timeline, e)).collect();
        // The events each source has accounts in, in page order.
        let mut cited: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, e) in events.iter().enumerate() {
            for a in &e.accounts {
                let of = cited.entry(a.source.as_str()).or_default();
                if of.last() != Some(&k) {
                    of.push(k);
                }
            }
        }
        unique_names(&mut views);
        let counts = Counts {
            events: events.len(),
            accounts: events.iter().map(|e| e.accounts.len()).sum(),
            sources: timeline.sources.len(),
            disputed: views.iter().filter(|e| e.disputed_facets > 0).count(),
        };
        Page {
            title: timeline.title.clone(),
            description: timeline.description.clone(),
            counts,
            sources: timeline
                .sources
                .iter()
                .map(|s| {
                    let cites = cited.get(s.id.as_str()).map_or(&[][..], Vec::as_slice);
                    source_view(timeline, &events, cites, s)
                })
                .collect(),
            filters: filters(timeline, &events),
            chart: super::chart::chart(timeline),
            events: views,
        }
    }
}

/// An id made safe for HTML ids, URL fragments and space-separated lists, without
/// collisions: ASCII letters, digits and `-` stay, every other byte becomes `_xx`.
pub fn key(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

pub fn event_anchor(id: &str) -> String {
    format!("event-{}", key(id))
}

pub fn source_anchor(id: &str) -> String {
    format!("source-{}", key(id))
}

pub fn account_anchor(id: &str) -> String {
    format!("account-{}", key(id))
}

/// The URL if it may become an `href`: absolute http or https with something after the
/// scheme, and no spaces or control characters. Anything else is shown as text.
pub fn http_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let clean = !rest.is_empty()
        && !rest.starts_with('/')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    clean.then(|| url.to_string())
}

/// What a source is called on the page: its outlet, else its title, else its id.
pub fn source_name(source: &Source) -> String {
    source
        .outlet
        .as_ref()
        .or(source.title.as_ref())
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .unwrap_or_else(|| source.id.clone())
}

fn source_name_of(timeline: &Ix<'_>, id: &str) -> String {
    timeline
        .source(id)
        .map_or_else(|| id.to_string(), source_name)
}

/// Who an account is attributed to: its claimant, or its source when it speaks for itself.
fn claimant_of(timeline: &Ix<'_>, account: &Account) -> String {
    if account.claimant.trim().is_empty() {
        source_name_of(timeline, &account.source)
    } else {
        account.claimant.clone()
    }
}

/// ", via BBC, via Reuters": the attribution chain after the claimant, nearest first.
pub fn via_text(via: &[String]) -> String {
    via.iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| format!(", via {v}"))
        .collect()
}

/// "5 accounts from 4 sources, 3 independent"; "2 accounts from 2 independent sources".
pub fn tally(accounts: usize, sources: usize, independent: usize) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if accounts == 0 {
        return "No accounts yet".to_string();
    }
    let accounts = plural(accounts, "account", "accounts");
    if independent == sources {
        let sources = plural(sources, "independent source", "independent sources");
        format!("{accounts} from {sources}")
    } else {
        let sources = plural(sources, "source", "sources");
        format!("{accounts} from {sources}, {independent} independent")
    }
}

/// A date for people, and for machines when HTML can express it.
pub fn when_view(when: &When) -> WhenView {
    WhenView {
        text: when.human(),
        datetime: match when {
            When::Point(p) => html_datetime(p),
            _ => None,
        },
        edtf: when.to_string(),
    }
}

/// The HTML `datetime` form of a point: `2016`, `2016-09`, `2016-09-17`,
/// `2016-09-17T19:00+03:00`. HTML has none for years before 1, seasons, spans of years
/// (`201X`) or intervals.
fn html_datetime(p: &Point) -> Option<String> {
    if p.year < 1 || p.season.is_some() || p.unspecified.year_digits > 0 {
        return None;
    }
    let mut s = format!("{:04}", p.year);
    if let Some(m) = p.month {
        s.push_str(&format!("-{m:02}"));
        if let Some(d) = p.day {
            s.push_str(&format!("-{d:02}"));
            if let Some(t) = p.time {
                s.push_str(&format!("T{:02}:{:02}", t.hour, t.minute));
                if let Some(sec) = t.second {
                    s.push_str(&format!(":{sec:02}"));
                }
                match t.offset_minutes {
                    Some(0) => s.push('Z'),
                    Some(o) => {
                        let sign = if o < 0 { '-' } else { '+' };
                        s.push_str(&format!("{sign}{:02}:{:02}", o.abs() / 60, o.abs() % 60));
                    }
                    None => {}
                }
            }
        }
    }
    Some(s)
}

/// Facet names as words: `killed_or_injured` → "killed or injured".
pub fn facet_label(name: &str) -> String {
    name.replace('_', " ")
}

/// Where an account sits in the timeline, for disputes and relations that name it.
fn find_account<'t>(timeline: &Ix<'t>, id: &str) -> Option<&'t Account> {
    timeline.account_by_id.get(id).copied()
}

fn holder(timeline: &Ix<'_>, account_id: &str, account: Option<&Account>) -> Holder {
    match account {
        Some(a) => {
            let claimant = claimant_of(timeline, a);
            let source = source_name_of(timeline, &a.source);
            Holder {
                anchor: Some(account_anchor(&a.id)),
                // An outlet speaking for itself is not named twice.
                source: if source == claimant {
                    String::new()
                } else {
                    source
                },
                claimant,
                wording: None,
                comment: a.comment,
                also: Vec::new(),
            }
        }
        None => Holder {
            anchor: None,
            claimant: account_id.to_string(),
            source: String::new(),
            wording: None,
            comment: false,
            also: Vec::new(),
        },
    }
}

/// Holders in order of first appearance, one per claimant, source, wording and kind: a
/// columnist who says "deliberate" six times holds the position once, with six links.
fn grouped(holders: impl Iterator<Item = Holder>) -> Vec<Holder> {
    let mut out: Vec<Holder> = Vec::new();
    for h in holders {
        let same = |g: &&mut Holder| {
            g.anchor.is_some()
                && h.anchor.is_some()
                && (&g.claimant, &g.source, &g.wording, g.comment)
                    == (&h.claimant, &h.source, &h.wording, h.comment)
        };
        match (out.iter_mut().find(same), h.anchor) {
            (Some(g), Some(anchor)) => g.also.push(anchor),
            (_, anchor) => out.push(Holder { anchor, ..h }),
        }
    }
    out
}

fn event_view(timeline: &Ix<'_>, event: &Event) -> EventView {
    let disputes: Vec<DisputeView> = event
        .disputes
        .iter()
        .filter(|d| !d.positions.is_empty())
        .map(|d| DisputeView {
            facet: facet_label(&d.facet),
            note: d.note.clone(),
            positions: d
                .positions
                .iter()
                .map(|p| PositionView {
                    value: p.value.clone(),
                    holders: grouped(p.accounts.iter().map(|id| {
                        let account = event.account(id);
                        let mut h = holder(timeline, id, account);
                        h.wording = account
                            .and_then(|a| a.facets.get(&d.facet))
                            .map(ToString::to_string)
                            .filter(|w| w.trim() != p.value.trim());
                        h
                    })),
                })
                .collect(),
        })
        .collect();
    let dispute_notes = event
        .disputes
        .iter()
        .filter(|d| d.positions.is_empty())
        .filter_map(|d| Some((facet_label(&d.facet), d.note.clone()?)))
        .collect();
    let disputed: BTreeSet<&str> = event
        .disputes
        .iter()
        .filter(|d| !d.positions.is_empty())
        .map(|d| d.facet.as_str())
        .collect();

    let accounts: Vec<AccountView> = event
        .accounts
        .iter()
        .map(|a| account_view(timeline, a, &disputed))
        .collect();

    let distinct_sources: BTreeSet<&str> =
        event.accounts.iter().map(|a| a.source.as_str()).collect();
    EventView {
        id: event.id.clone(),
        anchor: event_anchor(&event.id),
        title: event.title.clone(),
        name: event.title.clone(),
        when: when_view(&event.when),
        places: event.places.clone(),
        actors: event.actors.clone(),
        tags: event.tags.clone(),
        source_keys: key_list(distinct_sources.iter().map(|s| key(s))),
        claimant_keys: key_list(accounts.iter().map(|a| a.claimant_key.clone())),
        tag_keys: key_list(event.tags.iter().map(|t| key(t))),
        disputed_facets: disputes.len(),
        tally: tally(
            event.accounts.len(),
            distinct_sources.len(),
            timeline.independent_sources(event),
        ),
        accounts,
        disputes,
        dispute_notes,
        relations: relations_of(timeline, event),
        notes: event.notes.clone(),
    }
}

/// Event names that no two events share: a title used more than once takes the event's
/// date ("Strike (17 Sep 2016)"), and a name still shared a number ("Strike (2)").
fn unique_names(views: &mut [EventView]) {
    // Names are compared as assistive technology compares them: without case, and with runs
    // of space read as one.
    let fold = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut titles: HashMap<String, usize> = HashMap::new();
    for v in views.iter() {
        *titles.entry(fold(&v.title)).or_default() += 1;
    }
    for v in views.iter_mut() {
        if titles[&fold(&v.title)] > 1 {
            v.name = format!("{} ({})", v.title, v.when.text);
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut next: HashMap<String, usize> = HashMap::new();
    for v in views.iter_mut() {
        if seen.insert(fold(&v.name)) {
            continue;
        }
        let n = next.entry(fold(&v.name)).or_insert(1);
        loop {
            *n += 1;
            let candidate = format!("{} ({n})", v.name);
            if seen.insert(fold(&candidate)) {
                v.name = candidate;
                break;
            }
        }
    }
}

/// Distinct keys, sorted, separated by spaces: the form the script matches against.
fn key_list(keys: impl Iterator<Item = String>) -> String {
    let set: BTreeSet<String> = keys.collect();
    set.into_iter().collect::<Vec<_>>().join(" ")
}

fn account_view(timeline: &Ix<'_>, a: &Account, disputed: &BTreeSet<&str>) -> AccountView {
    let source = timeline.source(&a.source);
    let published = source.and_then(|s| s.published);
    let claimant = claimant_of(timeline, a);
    AccountView {
        anchor: account_anchor(&a.id),
        claimant_key: key(&claimant),
        claimant,
        via_text: via_text(&a.via),
        source_key: key(&a.source),
        stance: a.stance.to_string(),
        summary: a.summary.clone(),
        quote: a.quote.clone(),
        facets: a
            .facets
            .iter()
            .map(|(name, value)| FacetView {
                name: facet_label(name),
                value: value.to_string(),
                disputed: disputed.contains(name.as_str()),
            })
            .collect(),
        comment: a.comment,
        stated_on: a
            .stated_on
            .filter(|w| Some(*w) != published)
            .map(|w| when_view(&w)),
        source: SourceRef {
            anchor: source_anchor(&a.source),
            name: source_name_of(timeline, &a.source),
            published: published.map(|w| when_view(&w)),
            link: source.and_then(|s| s.url.as_deref()).and_then(http_url),
            republishes: source
                .and_then(|s| s.republishes.as_deref())
                .map(|id| source_ref(timeline, id)),
        },
    }
}

fn source_ref(timeline: &Ix<'_>, id: &str) -> Ref {
    Ref {
        anchor: timeline.source(id).map(|s| source_anchor(&s.id)),
        text: source_name_of(timeline, id),
    }
}

/// The relations that touch an event, read from its side, in the timeline's order.
fn relations_of(timeline: &Ix<'_>, event: &Event) -> Vec<RelationView> {
    let mut out = Vec::new();
    let relations = timeline.relations_by_event.get(event.id.as_str());
    for r in relations
        .into_iter()
        .flatten()
        .map(|&k| &timeline.relations[k])
    {
        if r.from == event.id {
            out.push(relation_view(timeline, r, label(r.kind), &r.to));
        }
        if r.to == event.id && r.from != r.to {
            out.push(relation_view(timeline, r, inverse_label(r.kind), &r.from));
        }
    }
    out
}

/// The label of a relation read from its `from` end.
fn label(kind: RelationKind) -> String {
    match kind {
        RelationKind::Before => "Before",
        RelationKind::After => "After",
        RelationKind::PartOf => "Part of",
        RelationKind::CausedBy => "Caused by",
        RelationKind::ResponseTo => "In response to",
    }
    .to_string()
}

/// The label of a relation read from its `to` end.
fn inverse_label(kind: RelationKind) -> String {
    match kind {
        RelationKind::Before => "After",
        RelationKind::After => "Before",
        RelationKind::PartOf => "Includes",
        RelationKind::CausedBy => "Led to",
        RelationKind::ResponseTo => "Prompted",
    }
    .to_string()
}

fn relation_view(timeline: &Ix<'_>, r: &Relation, label: String, other: &str) -> RelationView {
    let target = timeline.event(other);
    RelationView {
        label,
        other: Ref {
            anchor: target.map(|e| event_anchor(&e.id)),
            text: target.map_or_else(|| other.to_string(), |e| e.title.clone()),
        },
        other_when: target.map(|e| when_view(&e.when)),
        claimed_by: r
            .claimed_by
            .iter()
            .map(|id| holder(timeline, id, find_account(timeline, id)))
            .collect(),
        note: r.note.clone(),
    }
}

fn source_view(timeline: &Ix<'_>, events: &[&Event], cites: &[usize], s: &Source) -> SourceView {
    let url = s.url.as_deref().filter(|u| !u.trim().is_empty());
    let link = url.and_then(http_url);
    SourceView {
        id: s.id.clone(),
        anchor: source_anchor(&s.id),
        heading: s
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| source_name(s)),
        outlet: s.outlet.clone(),
        author: s.author.clone(),
        published: s.published.map(|w| when_view(&w)),
        kind: s.kind.map(|k| k.to_string()),
        url_text: if link.is_none() {
            url.map(str::to_string)
        } else {
            None
        },
        link,
        republishes: s.republishes.as_deref().map(|id| source_ref(timeline, id)),
        republished_by: timeline
            .republished_by
            .get(s.id.as_str())
            .into_iter()
            .flatten()
            .map(|o| source_ref(timeline, &o.id))
            .collect(),
        events: cites
            .iter()
            .map(|&k| events[k])
            .map(|e| Ref {
                anchor: Some(event_anchor(&e.id)),
                text: e.title.clone(),
            })
            .collect(),
        notes: s.notes.clone(),
    }
}

/// The filters' options: sources that have accounts, claimants and tags, by label.
fn filters(timeline: &Ix<'_>, events: &[&Event]) -> Filters {
    let accounts = || events.iter().flat_map(|e| e.accounts.iter());
    let used: BTreeSet<&str> = accounts().map(|a| a.source.as_str()).collect();
    // Two sources from one outlet would share a label; their ids tell them apart.
    let mut by_label: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for id in &used {
        by_label
            .entry(source_name_of(timeline, id))
            .or_default()
            .push(id);
    }
    let mut sources = Vec::new();
    for (label, ids) in &by_label {
        for id in ids {
            let label = if ids.len() > 1 {
                format!("{label} ({id})")
            } else {
                label.clone()
            };
            sources.push(Choice {
                key: key(id),
                label,
            });
        }
    }
    let claimants: BTreeSet<String> = accounts().map(|a| claimant_of(timeline, a)).collect();
    let tags: BTreeSet<&String> = events.iter().flat_map(|e| e.tags.iter()).collect();
    let choices = |labels: &mut dyn Iterator<Item = String>| {
        let mut v: Vec<Choice> = labels
            .map(|l| Choice {
                key: key(&l),
                label: l,
            })
            .collect();
        v.sort_by(|a, b| {
            a.label
                .to_lowercase()
                .cmp(&b.label.to_lowercase())
                .then_with(|| a.cmp(b))
        });
        v
    };
    sources.sort_by(|a, b| {
        a.label
            .to_lowercase()
            .cmp(&b.label.to_lowercase())
            .then_with(|| a.cmp(b))
    });
    Filters {
        sources,
        claimants: choices(&mut claimants.into_iter()),
        tags: choices(&mut tags.into_iter().cloned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::{Dispute, Position, Stance};

    fn source(id: &str, outlet: &str, republishes: Option<&str>) -> Source {
        Source {
            id: id.into(),
            outlet: Some(outlet.into()),
            republishes: republishes.map(Into::into),
            ..Source::default()
        }
    }

    fn account(id: &str, source: &str, claimant: &str) -> Account {
        Account {
            id: id.into(),
            source: source.into(),
            claimant: claimant.into(),
            ..Account::default()
        }
    }

    fn event(id: &str, when: &str, accounts: Vec<Account>) -> Event {
        Event {
            id: id.into(),
            title: format!("Event {id}"),
            when: when.parse().unwrap_or_default(),
            accounts,
            ..Event::default()
        }
    }

    fn timeline() -> Timeline {
        Timeline {
            title: "T".into(),
            sources: vec![
                source("wire", "Wire", None),
                source("copy", "Daily", Some("wire")),
                source("other", "Other", None),
            ],
            events: vec![
                event("late", "2016-09-19", vec![account("l1", "wire", "")]),
                event(
                    "early",
                    "2016-09",
                    vec![
                        account("e1", "wire", "Monitor"),
                        account("e2", "copy", "Monitor"),
                        account("e3", "other", "Ministry"),
                        account("e4", "other", ""),
                    ],
                ),
                event("day", "2016-09-17", vec![]),
            ],
            ..Timeline::default()
        }
    }

    #[test]
    fn names_differ_whatever_their_case() {
        let mut t = timeline();
        t.events[0].title = "Strike on the market".into();
        t.events[1].title = "Strike on  the Market".into();
        t.events[2].title = "strike on the market".into();
        let page = Page::new(&t);
        let names: HashSet<String> = page.events.iter().map(|e| e.name.to_lowercase()).collect();
        assert_eq!(names.len(), 3, "{names:?}");
    }

    #[test]
    fn events_in_date_order_coarse_first() {
        let page = Page::new(&timeline());
        let ids: Vec<&str> = page.events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["early", "day", "late"]);
        assert_eq!(page.events[0].when.text, "Sep 2016");
        assert_eq!(page.events[0].when.datetime.as_deref(), Some("2016-09"));
    }

    #[test]
    fn republished_copies_are_not_independent() {
        let page = Page::new(&timeline());
        assert_eq!(
            page.events[0].tally,
            "4 accounts from 3 sources, 2 independent"
        );
        assert_eq!(page.events[1].tally, "No accounts yet");
        assert_eq!(page.events[2].tally, "1 account from 1 independent source");
        assert_eq!(tally(2, 2, 2), "2 accounts from 2 independent sources");
    }

    #[test]
    fn chain_text_and_claimant_fallback() {
        assert_eq!(via_text(&["BBC".into()]), ", via BBC");
        assert_eq!(
            via_text(&["BBC".into(), "Reuters".into()]),
            ", via BBC, via Reuters"
        );
        assert_eq!(via_text(&[]), "");
        let t = timeline();
        let page = Page::new(&t);
        let late = &page.events[2].accounts[0];
        assert_eq!(late.claimant, "Wire", "the outlet speaks for itself");
        let e4 = &page.events[0].accounts[3];
        assert_eq!(e4.claimant, "Other");
    }

    #[test]
    fn positions_keep_model_order_and_own_wording() {
        let mut t = timeline();
        let e = &mut t.events[1];
        e.accounts[0]
            .facets
            .insert("killed".into(), "at least 62".into());
        e.accounts[1].facets.insert("killed".into(), 80.into());
        e.accounts[2].facets.insert("killed".into(), 80.into());
        e.accounts[3].facets.insert("killed".into(), 62.into());
        e.disputes = vec![Dispute {
            facet: "killed".into(),
            positions: vec![
                Position {
                    value: "62".into(),
                    accounts: vec!["e1".into(), "e4".into()],
                },
                Position {
                    value: "80".into(),
                    accounts: vec!["e2".into(), "e3".into()],
                },
            ],
            note: None,
        }];
        // Reverse the second position's weight: order must still follow the model.
        e.disputes[0].positions[1].accounts.push("e9".into());
        let page = Page::new(&t);
        let ev = &page.events[0];
        assert_eq!(ev.disputed_facets, 1);
        assert_eq!(page.counts.disputed, 1);
        let d = &ev.disputes[0];
        let values: Vec<&str> = d.positions.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(values, ["62", "80"]);
        let first = &d.positions[0].holders;
        assert_eq!(first[0].claimant, "Monitor");
        assert_eq!(first[0].source, "Wire");
        assert_eq!(first[0].wording.as_deref(), Some("at least 62"));
        assert_eq!(first[1].wording, None);
        let unknown = &d.positions[1].holders[2];
        assert_eq!(
            (unknown.anchor.as_ref(), unknown.claimant.as_str()),
            (None, "e9")
        );
        assert!(ev.accounts[0].facets[0].disputed);
    }

    #[test]
    fn a_claimant_repeating_a_position_holds_it_once() {
        let h = |anchor: Option<&str>, claimant: &str, wording: Option<&str>| Holder {
            anchor: anchor.map(String::from),
            claimant: claimant.into(),
            source: "Wire".into(),
            wording: wording.map(String::from),
            comment: false,
            also: Vec::new(),
        };
        let got = grouped(
            [
                h(Some("a1"), "Monitor", None),
                h(Some("a2"), "Ministry", None),
                h(Some("a3"), "Monitor", None),
                h(Some("a4"), "Monitor", Some("at least 62")),
                h(None, "gone", None),
                h(None, "gone", None),
            ]
            .into_iter(),
        );
        let rows: Vec<(&str, Vec<&str>)> = got
            .iter()
            .map(|g| {
                (
                    g.claimant.as_str(),
                    g.also.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        // First appearance decides the order; other wording or a dangling id stays its own row.
        assert_eq!(
            rows,
            [
                ("Monitor", vec!["a3"]),
                ("Ministry", vec![]),
                ("Monitor", vec![]),
                ("gone", vec![]),
                ("gone", vec![]),
            ]
        );
    }

    #[test]
    fn keys_are_safe_and_distinct() {
        assert_eq!(key("deir-ez-zor"), "deir-ez-zor");
        assert_eq!(key("a b"), "a_20b");
        assert_ne!(key("a_20b"), key("a b"));
        assert_eq!(key("\"><script>"), "_22_3e_3cscript_3e");
        assert_eq!(key("é"), "_c3_a9");
        assert_eq!(event_anchor(""), "event-");
    }

    #[test]
    fn only_http_urls_become_links() {
        assert_eq!(
            http_url("https://example.org/a?b=1").as_deref(),
            Some("https://example.org/a?b=1")
        );
        assert!(http_url("HTTP://example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "/relative/path",
            "example.org",
            "https://",
            "https:///path",
            "http://exa mple.org",
            " jAvAsCrIpT:alert(1)",
            "vbscript:x",
        ] {
            assert_eq!(http_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn stated_on_only_when_it_differs() {
        let mut t = timeline();
        t.sources[0].published = Some(When::day(2016, 9, 19));
        t.events[0].accounts[0].stated_on = Some(When::day(2016, 9, 19));
        t.events[1].accounts[0].stated_on = Some(When::day(2016, 9, 18));
        t.events[1].accounts[0].stance = Stance::Denies;
        let page = Page::new(&t);
        assert_eq!(page.events[2].accounts[0].stated_on, None);
        let a = &page.events[0].accounts[0];
        assert_eq!(
            a.stated_on.as_ref().map(|w| w.text.as_str()),
            Some("18 Sep 2016")
        );
        assert_eq!(a.stance, "denies");
    }

    #[test]
    fn relations_read_from_both_ends() {
        let mut t = timeline();
        t.relations = vec![Relation {
            from: "late".into(),
            to: "early".into(),
            kind: RelationKind::CausedBy,
            claimed_by: vec!["e3".into()],
            note: None,
        }];
        let page = Page::new(&t);
        let early = &page.events[0].relations[0];
        assert_eq!(early.label, "Led to");
        assert_eq!(early.other.anchor.as_deref(), Some("event-late"));
        assert_eq!(early.claimed_by[0].claimant, "Ministry");
        let late = &page.events[2].relations[0];
        assert_eq!(late.label, "Caused by");
        assert_eq!(late.other.text, "Event early");
    }

    #[test]
    fn sources_list_copies_and_events() {
        let page = Page::new(&timeline());
        let wire = &page.sources[0];
        assert_eq!(wire.republished_by[0].text, "Daily");
        let titles: Vec<&str> = wire.events.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(titles, ["Event early", "Event late"]);
        assert_eq!(
            page.sources[1]
                .republishes
                .as_ref()
                .map(|r| r.text.as_str()),
            Some("Wire")
        );
        let labels: Vec<&str> = page
            .filters
            .claimants
            .iter()
            .map(|c| c.label.as_str())
            .collect();
        assert_eq!(labels, ["Ministry", "Monitor", "Other", "Wire"]);
    }
}
