//! Merge newly extracted material into a timeline people have edited, losing none of their work.
//!
//! The extractor produces a *candidate* timeline; [`merge_into`] adds what is new in it to the
//! text of an existing timeline file and leaves everything else alone.
//!
//! # Semantics
//!
//! - **Identity.** An account is identified by (source, span); when either side has no span,
//!   by (source, quote), compared with runs of white space collapsed. A candidate whose span
//!   overlaps the span of an account already in the timeline (a person quoting part of the
//!   sentence the extractor offers) is that account. A candidate account whose
//!   identity is already anywhere in the timeline is *kept*: whatever a person did to it
//!   (claimant, summary, facets, stance, the event it sits in) stands, so human merges and
//!   splits of events, and edited titles, summaries, facets, notes and tags, all survive. A
//!   candidate account with neither span nor quote has no identity and is not merged (counted
//!   in the report).
//! - **Deletions stick.** `Source.extracted` is the tool's memory of the spans it has offered
//!   from a source. A candidate account whose span is in its source's `extracted` but which is
//!   nowhere in the timeline was deleted by a person: it is not added, and it is recorded in
//!   `rejected` (source, span, quote). Any account matching a `rejected` entry (written by the
//!   tool or by hand; an entry with neither span nor quote blocks nothing) never comes back.
//!   Deleting an event deletes its accounts, so it does not come back either. The span of every
//!   account added, and of every account found already present, is recorded in its source's
//!   `extracted`, never twice, each before the first pair greater than it (so a sorted ledger
//!   stays sorted; a list a person reordered is not reordered).
//! - **Sources.** A candidate source is an existing one when their `file` paths are equal
//!   after normalisation (`./a/../b.txt` = `b.txt`), or, when neither has a file, when their ids
//!   are equal. Otherwise it is added (`<id>-2`, `-3`, ... when its id is taken), with its
//!   `republishes` mapped to the timeline's ids. Existing sources are never altered except for
//!   their `extracted` ledger; a hand-written source without one still receives new accounts.
//! - **Placement.** New accounts of one candidate event stay together. If accounts of that
//!   candidate event are already in the timeline, the new ones join the event holding most of
//!   them (ties: earliest in the file). Otherwise the candidate event is scored against the
//!   file's events with the [`EventMatcher`]; the best score at or above the threshold joins
//!   (ties: earliest). Otherwise the candidate event is added as a new event (`<id>-2`, ...
//!   when its id is taken). A new account keeps its candidate id when that is free and its
//!   source kept its id, else gets `<source>-<n>`; new ids never collide with existing ones,
//!   including the ids assigned on load to accounts written without one, which therefore do
//!   not shift.
//! - **Relations** from the candidate are added when both ends resolve to timeline events
//!   (the event a candidate event's accounts went to, or hold most of its kept accounts), the
//!   ends differ, the same relation (or its before/after inverse) is not there yet, and one end
//!   received new accounts in this merge or a claiming account is new. The last condition is
//!   what makes a relation a person deleted stay deleted: there is no ledger for relations.
//! - **Text.** The file is changed only by insertion (new list items, new keys, new pairs in
//!   `extracted`), by turning an empty `[]` or empty value into a list, and by rewriting the
//!   `disputes:` block of an existing event that received accounts, when one is written and
//!   differs from the newly derived disputes (dispute notes are kept; comments inside that
//!   block are not). New events are written with their derived disputes. Everything else —
//!   comments, blank lines, key order, quoting, hand formatting — stays byte-identical.
//!   Constructs that cannot be spliced safely are refused with their place and nothing is
//!   written: see [`super::edit`]. The result is read back with `check`; if it does not load
//!   cleanly into exactly the expected timeline, the merge fails loudly.
//! - **Determinism.** Candidate order decides the order of everything added; the same inputs
//!   give the same bytes. Merging the same candidate twice changes nothing the second time.
//!
//! # Limits
//!
//! - Relations and events have no ledger of their own: a relation a person deleted comes back
//!   if a later candidate brings new accounts to one of its ends, and an account from a new
//!   article about an event a person deleted creates that event anew.
//! - An account whose span a person edited counts as deleted (its old span is recorded in
//!   `rejected`) plus a hand-written account; nothing is lost or duplicated.
//! - Items added to a flow list are written in JSON-style flow syntax (`{"id": "a", ...}`):
//!   exact, but more verbose than a person would write.
//! - A candidate's own `extracted`, `rejected` and `disputes` are ignored.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::check;
use super::diagnostic::Diagnostic;
use super::disputes;
use super::edit::{EditError, Editor, Item, Layout};
use super::model::{Account, Event, Rejection, Relation, RelationKind, Source, Timeline};
use super::yaml::{self, Node, YamlError};
use super::{LoadError, load_str, normalize};

/// The default score at which a candidate event joins an existing one.
pub const DEFAULT_THRESHOLD: f64 = 0.6;

/// Scores whether a candidate event and an event of the timeline are the same real-world event.
pub trait EventMatcher {
    /// 0.0 (different) ..= 1.0 (same real-world event).
    fn score(&self, existing: &Event, candidate: &Event, timeline: &Timeline) -> f64;
}

/// A sensible default: the dates must overlap; then a shared place or actor gives 0.5, and the
/// titles' content-word overlap (Jaccard) the rest. Without a shared place or actor the score
/// is the title overlap alone, so at the default threshold two events on the same days join
/// when they share a place or actor and a title word, or most of their title words.
#[derive(Debug, Clone, Copy, Default)]
pub struct SimpleMatcher;

impl EventMatcher for SimpleMatcher {
    fn score(&self, existing: &Event, candidate: &Event, _timeline: &Timeline) -> f64 {
        if !existing.when.overlaps(&candidate.when) {
            return 0.0;
        }
        let title = title_overlap(&existing.title, &candidate.title);
        if shares(&existing.places, &candidate.places)
            || shares(&existing.actors, &candidate.actors)
        {
            0.5 + 0.5 * title
        } else {
            title
        }
    }
}

const STOPWORDS: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "onto", "over", "under", "after", "before",
    "during", "near", "that", "this", "has", "have", "had", "was", "were", "are", "its", "their",
    "says", "said", "say", "against", "amid", "about",
];

fn title_words(title: &str) -> BTreeSet<String> {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .collect()
}

fn title_overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (title_words(a), title_words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

fn shares(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| {
        b.iter()
            .any(|y| x.trim().to_lowercase() == y.trim().to_lowercase())
    })
}

/// What a merge did (or, for a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Sources new to the timeline.
    pub sources_added: usize,
    /// Accounts new to the timeline.
    pub accounts_added: usize,
    /// Events new to the timeline.
    pub events_added: usize,
    /// Candidate events whose new accounts joined an event already in the timeline.
    pub events_joined: usize,
    /// Candidate accounts already in the timeline, left as they are.
    pub accounts_kept: usize,
    /// Candidate accounts matching a `rejected` entry.
    pub rejected_skipped: usize,
    /// Candidate accounts a person deleted, now recorded in `rejected`.
    pub newly_rejected: usize,
    /// Relations new to the timeline.
    pub relations_added: usize,
    /// Existing events whose written `disputes:` block was rewritten.
    pub disputes_updated: usize,
    /// Spans newly recorded in sources' `extracted` ledgers.
    pub spans_recorded: usize,
    /// Candidate accounts with neither span nor quote, which cannot be identified.
    pub accounts_without_identity: usize,
    /// Candidate accounts repeating another candidate account's identity.
    pub duplicates_skipped: usize,
}

impl MergeReport {
    /// Whether the merge changes the file.
    pub fn changes_file(&self) -> bool {
        self.sources_added
            + self.accounts_added
            + self.newly_rejected
            + self.relations_added
            + self.spans_recorded
            > 0
    }
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let lines = [
            (
                self.accounts_added,
                format!(
                    "{} added ({} into existing events, {})",
                    plural(self.accounts_added, "account", "accounts"),
                    plural(self.events_joined, "candidate event", "candidate events"),
                    plural(self.events_added, "new event", "new events"),
                ),
            ),
            (
                self.sources_added,
                format!("{} added", plural(self.sources_added, "source", "sources")),
            ),
            (
                self.accounts_kept,
                format!(
                    "{} already in the timeline, left as they are",
                    plural(self.accounts_kept, "account", "accounts")
                ),
            ),
            (
                self.newly_rejected,
                format!(
                    "{} deleted by hand, now recorded in `rejected`",
                    plural(self.newly_rejected, "account", "accounts")
                ),
            ),
            (
                self.rejected_skipped,
                format!(
                    "{} rejected earlier, skipped",
                    plural(self.rejected_skipped, "account", "accounts")
                ),
            ),
            (
                self.relations_added,
                format!(
                    "{} added",
                    plural(self.relations_added, "relation", "relations")
                ),
            ),
            (
                self.disputes_updated,
                format!(
                    "{} rewritten",
                    plural(self.disputes_updated, "disputes block", "disputes blocks")
                ),
            ),
            (
                self.spans_recorded,
                format!(
                    "{} recorded in `extracted`",
                    plural(self.spans_recorded, "span", "spans")
                ),
            ),
            (
                self.accounts_without_identity,
                format!(
                    "{} without span or quote, not merged",
                    plural(self.accounts_without_identity, "account", "accounts")
                ),
            ),
            (
                self.duplicates_skipped,
                format!(
                    "{} repeated in the candidate, merged once",
                    plural(self.duplicates_skipped, "account", "accounts")
                ),
            ),
        ];
        if !self.changes_file() && lines.iter().all(|(n, _)| *n == 0) {
            return writeln!(f, "nothing to merge");
        }
        if !self.changes_file() {
            writeln!(f, "nothing new to merge")?;
        }
        for (n, line) in lines {
            if n > 0 {
                writeln!(f, "{line}")?;
            }
        }
        Ok(())
    }
}

/// Why a merge did not happen. The file is never changed when there is an error.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The timeline text is not a valid timeline.
    #[error("{}", render(.0, "the timeline has problems; fix them before merging"))]
    Invalid(Vec<Diagnostic>),
    /// The file uses a construct where the merge must edit that it cannot edit safely.
    #[error("{0}cannot merge into this file safely; nothing was changed")]
    Refused(Diagnostic),
    /// The candidate is not a consistent timeline.
    #[error("candidate timeline: {0}")]
    Candidate(String),
    /// The merged text did not read back as the expected timeline: a bug in the merge.
    #[error("{}", render(.problems, &format!("internal error: {}; nothing was changed", .message)))]
    Unexpected {
        /// What went wrong.
        message: String,
        /// The problems of the merged text.
        problems: Vec<Diagnostic>,
    },
    #[error("writing YAML: {0}")]
    /// The merged timeline could not be written as YAML.
    Yaml(#[from] YamlError),
}

fn render(problems: &[Diagnostic], last: &str) -> String {
    let mut out = String::new();
    for p in problems {
        out.push_str(&p.to_string());
    }
    out.push_str(last);
    out
}

/// Merge `candidate` into the timeline text `text` (named `file` in messages). Returns the new
/// text, equal to `text` when there is nothing to merge, and what was done.
pub fn merge_into(
    file: &str,
    text: &str,
    candidate: &Timeline,
    matcher: &dyn EventMatcher,
    threshold: f64,
) -> Result<(String, MergeReport), MergeError> {
    let checked = check::check_str(file, text);
    if checked.problems.iter().any(Diagnostic::is_error) {
        let errors = checked.problems.into_iter().filter(Diagnostic::is_error);
        return Err(MergeError::Invalid(errors.collect()));
    }
    let plain = checked.plain;
    let (Some(timeline), Some(tree)) = (checked.timeline, checked.tree) else {
        return Err(MergeError::Invalid(vec![Diagnostic::whole(
            file,
            "cannot read the timeline",
        )]));
    };
    let candidate = prepare(candidate)?;
    let mut plan = plan(&timeline, &candidate, matcher, threshold);
    if !plan.report.changes_file() {
        return Ok((text.to_string(), plan.report));
    }
    let expected = expected(&timeline, &plan);
    // The file as written (disputes not re-derived), to see which disputes blocks are stale.
    let written: Timeline = yaml::from_tree(text, &tree, plain)?;
    let new_text = splice(file, text, &tree, &timeline, &written, &expected, &mut plan)?;
    verify(file, &new_text, &expected)?;
    Ok((new_text, plan.report))
}

/// The candidate with ids assigned, after checking that its references hold.
fn prepare(candidate: &Timeline) -> Result<Timeline, MergeError> {
    let mut sources = BTreeSet::new();
    for s in &candidate.sources {
        if !sources.insert(s.id.as_str()) {
            return Err(MergeError::Candidate(format!(
                "duplicate source id `{}`",
                s.id
            )));
        }
    }
    let mut events = BTreeSet::new();
    for e in &candidate.events {
        if !events.insert(e.id.as_str()) {
            return Err(MergeError::Candidate(format!(
                "duplicate event id `{}`",
                e.id
            )));
        }
        if let Some(a) = e
            .accounts
            .iter()
            .find(|a| !sources.contains(a.source.as_str()))
        {
            return Err(MergeError::Candidate(format!(
                "an account of event `{}` names unknown source `{}`",
                e.id, a.source
            )));
        }
    }
    if let Some(r) = candidate
        .relations
        .iter()
        .find(|r| !events.contains(r.from.as_str()) || !events.contains(r.to.as_str()))
    {
        return Err(MergeError::Candidate(format!(
            "relation `{}` → `{}` names an unknown event",
            r.from, r.to
        )));
    }
    let mut candidate = candidate.clone();
    normalize(&mut candidate);
    Ok(candidate)
}

/// Everything the merge adds, decided on the models before any text is touched.
#[derive(Debug, Default)]
struct Plan {
    new_sources: Vec<Source>,
    /// New spans for existing sources, by source index, sorted.
    spans: BTreeMap<usize, Vec<[usize; 2]>>,
    /// New accounts for existing events, by event index, in candidate order.
    joins: BTreeMap<usize, Vec<Account>>,
    new_events: Vec<Event>,
    relations: Vec<Relation>,
    rejected: Vec<Rejection>,
    report: MergeReport,
}

/// Accounts (or rejections) found by identity.
struct Ledger<T> {
    spans: BTreeMap<(String, [usize; 2]), T>,
    quotes: BTreeMap<(String, String), T>,
    /// Quotes of entries without a span: the only ones a candidate with a span can match.
    spanless_quotes: BTreeMap<(String, String), T>,
}

impl<T> Ledger<T> {
    fn new() -> Ledger<T> {
        Ledger {
            spans: BTreeMap::new(),
            quotes: BTreeMap::new(),
            spanless_quotes: BTreeMap::new(),
        }
    }

    /// The first entry inserted under an identity wins.
    fn insert(&mut self, source: &str, span: Option<[usize; 2]>, quote: Option<&str>, value: T)
    where
        T: Clone,
    {
        if let Some(span) = span {
            self.spans
                .entry((source.to_string(), span))
                .or_insert_with(|| value.clone());
        }
        if let Some(quote) = quote {
            let key = (source.to_string(), squash(quote));
            if span.is_none() {
                self.spanless_quotes
                    .entry(key.clone())
                    .or_insert_with(|| value.clone());
            }
            self.quotes.entry(key).or_insert(value);
        }
    }

    fn find(&self, source: &str, span: Option<[usize; 2]>, quote: Option<&str>) -> Option<&T> {
        let key = |q: &str| (source.to_string(), squash(q));
        match span {
            Some(span) => self
                .spans
                .get(&(source.to_string(), span))
                .or_else(|| quote.and_then(|q| self.spanless_quotes.get(&key(q))))
                .or_else(|| self.overlapping(source, span)),
            None => quote.and_then(|q| self.quotes.get(&key(q))),
        }
    }

    /// An entry of the same source whose span overlaps `span`: a passage a person has already
    /// taken (a hand-made account quoting part of an extracted sentence) is the same account.
    fn overlapping(&self, source: &str, span: [usize; 2]) -> Option<&T> {
        let from = (source.to_string(), [0, 0]);
        self.spans
            .range(from..)
            .take_while(|((s, _), _)| s == source)
            .find(|((_, [a, b]), _)| *a < span[1] && span[0] < *b)
            .map(|(_, v)| v)
    }
}

/// A quote with runs of white space collapsed, for comparing.
fn squash(quote: &str) -> String {
    quote.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A path compared lexically: `\` as `/`, no `.` or empty parts, `a/..` removed.
pub fn normalize_path(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let joined = parts.join("/");
    if path.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

/// `base` when free, else `base-2`, `base-3`, ...
fn fresh(base: &str, taken: &BTreeSet<String>) -> String {
    if !base.is_empty() && !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

fn plan(
    timeline: &Timeline,
    candidate: &Timeline,
    matcher: &dyn EventMatcher,
    threshold: f64,
) -> Plan {
    let mut plan = Plan::default();

    // Sources: candidate id → timeline id.
    let mut source_ids: BTreeMap<&str, String> = BTreeMap::new();
    let mut taken_sources: BTreeSet<String> =
        timeline.sources.iter().map(|s| s.id.clone()).collect();
    for cs in &candidate.sources {
        let file = cs.file.as_deref().map(normalize_path);
        let same = |s: &Source| match (&file, s.file.as_deref().map(normalize_path)) {
            (Some(a), Some(b)) => *a == b,
            (None, None) => s.id == cs.id,
            _ => false,
        };
        let found = timeline
            .sources
            .iter()
            .chain(plan.new_sources.iter())
            .find(|s| same(s))
            .map(|s| s.id.clone());
        let id = found.unwrap_or_else(|| {
            let id = fresh(&cs.id, &taken_sources);
            taken_sources.insert(id.clone());
            plan.new_sources.push(Source {
                id: id.clone(),
                extracted: Vec::new(),
                ..cs.clone()
            });
            plan.report.sources_added += 1;
            id
        });
        source_ids.insert(&cs.id, id);
    }
    for s in &mut plan.new_sources {
        s.republishes = s
            .republishes
            .as_deref()
            .and_then(|r| source_ids.get(r).cloned())
            .filter(|r| *r != s.id);
    }

    // What the timeline already holds.
    let mut present: Ledger<(usize, String)> = Ledger::new();
    for (ei, e) in timeline.events.iter().enumerate() {
        for a in &e.accounts {
            present.insert(&a.source, a.span, a.quote.as_deref(), (ei, a.id.clone()));
        }
    }
    let mut rejected: Ledger<()> = Ledger::new();
    for r in &timeline.rejected {
        rejected.insert(&r.source, r.span, r.quote.as_deref(), ());
    }
    let extracted: BTreeMap<&str, BTreeSet<[usize; 2]>> = timeline
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.extracted.iter().copied().collect()))
        .collect();
    let mut taken_accounts: BTreeSet<String> = timeline
        .events
        .iter()
        .flat_map(|e| e.accounts.iter().map(|a| a.id.clone()))
        .collect();
    let mut taken_events: BTreeSet<String> = timeline.events.iter().map(|e| e.id.clone()).collect();

    let mut added: Ledger<String> = Ledger::new();
    let mut recorded: BTreeMap<String, BTreeSet<[usize; 2]>> = BTreeMap::new();
    let mut account_ids: BTreeMap<&str, String> = BTreeMap::new();
    let mut new_account_ids: BTreeSet<String> = BTreeSet::new();
    let mut event_ids: BTreeMap<&str, String> = BTreeMap::new();
    let mut fed: BTreeSet<String> = BTreeSet::new();
    let mut record = |source: &str, span: Option<[usize; 2]>| {
        if let Some(span) = span
            && !extracted.get(source).is_some_and(|s| s.contains(&span))
        {
            recorded.entry(source.to_string()).or_default().insert(span);
        }
    };

    for ce in &candidate.events {
        let mut siblings: BTreeMap<usize, usize> = BTreeMap::new();
        let mut fresh_accounts: Vec<Account> = Vec::new();
        for ca in &ce.accounts {
            let Some(source) = source_ids.get(ca.source.as_str()).cloned() else {
                continue;
            };
            let quote = ca.quote.as_deref();
            if ca.span.is_none() && quote.is_none() {
                plan.report.accounts_without_identity += 1;
                continue;
            }
            if let Some((ei, id)) = present.find(&source, ca.span, quote) {
                plan.report.accounts_kept += 1;
                *siblings.entry(*ei).or_default() += 1;
                account_ids.insert(&ca.id, id.clone());
                record(&source, ca.span);
                continue;
            }
            if let Some(id) = added.find(&source, ca.span, quote) {
                plan.report.duplicates_skipped += 1;
                account_ids.insert(&ca.id, id.clone());
                continue;
            }
            if rejected.find(&source, ca.span, quote).is_some() {
                plan.report.rejected_skipped += 1;
                continue;
            }
            if let Some(span) = ca.span
                && extracted
                    .get(source.as_str())
                    .is_some_and(|s| s.contains(&span))
            {
                plan.report.newly_rejected += 1;
                rejected.insert(&source, ca.span, quote, ());
                plan.rejected.push(Rejection {
                    source,
                    span: ca.span,
                    quote: ca.quote.clone(),
                });
                continue;
            }
            // The candidate's id names its own source; keep it only when that is ours too.
            let id = if !ca.id.is_empty() && source == ca.source && !taken_accounts.contains(&ca.id)
            {
                ca.id.clone()
            } else {
                (1..)
                    .map(|n| format!("{source}-{n}"))
                    .find(|id| !taken_accounts.contains(id))
                    .unwrap_or_default()
            };
            taken_accounts.insert(id.clone());
            new_account_ids.insert(id.clone());
            added.insert(&source, ca.span, quote, id.clone());
            account_ids.insert(&ca.id, id.clone());
            record(&source, ca.span);
            fresh_accounts.push(Account {
                id,
                source,
                ..ca.clone()
            });
        }

        // Most siblings, then earliest in the file.
        let home = siblings
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(ei, _)| *ei);
        if fresh_accounts.is_empty() {
            if let Some(ei) = home {
                event_ids.insert(&ce.id, timeline.events[ei].id.clone());
            }
            continue;
        }
        plan.report.accounts_added += fresh_accounts.len();
        match home.or_else(|| best_match(timeline, ce, matcher, threshold)) {
            Some(ei) => {
                let id = timeline.events[ei].id.clone();
                fed.insert(id.clone());
                event_ids.insert(&ce.id, id);
                plan.joins.entry(ei).or_default().extend(fresh_accounts);
                plan.report.events_joined += 1;
            }
            None => {
                let id = fresh(&ce.id, &taken_events);
                taken_events.insert(id.clone());
                let mut event = Event {
                    id: id.clone(),
                    accounts: fresh_accounts,
                    disputes: Vec::new(),
                    ..ce.clone()
                };
                disputes::derive(&mut event);
                plan.new_events.push(event);
                fed.insert(id.clone());
                event_ids.insert(&ce.id, id);
                plan.report.events_added += 1;
            }
        }
    }

    // Ledgers.
    for (source, spans) in recorded {
        plan.report.spans_recorded += spans.len();
        if let Some(si) = timeline.sources.iter().position(|s| s.id == source) {
            plan.spans.insert(si, spans.into_iter().collect());
        } else if let Some(s) = plan.new_sources.iter_mut().find(|s| s.id == source) {
            s.extracted = spans.into_iter().collect();
        }
    }

    // Relations.
    for r in &candidate.relations {
        let (Some(from), Some(to)) = (event_ids.get(r.from.as_str()), event_ids.get(r.to.as_str()))
        else {
            continue;
        };
        if from == to {
            continue;
        }
        let claimed_by: Vec<String> = r
            .claimed_by
            .iter()
            .filter_map(|id| account_ids.get(id.as_str()).cloned())
            .collect();
        let new_material = fed.contains(from)
            || fed.contains(to)
            || claimed_by.iter().any(|id| new_account_ids.contains(id));
        let exists = timeline
            .relations
            .iter()
            .chain(plan.relations.iter())
            .any(|x| same_relation(x, from, to, r.kind));
        if new_material && !exists {
            plan.relations.push(Relation {
                from: from.clone(),
                to: to.clone(),
                kind: r.kind,
                claimed_by,
                note: r.note.clone(),
            });
            plan.report.relations_added += 1;
        }
    }
    plan
}

fn best_match(
    timeline: &Timeline,
    candidate: &Event,
    matcher: &dyn EventMatcher,
    threshold: f64,
) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (ei, e) in timeline.events.iter().enumerate() {
        let score = matcher.score(e, candidate, timeline);
        if score.is_finite() && best.is_none_or(|(_, b)| score > b) {
            best = Some((ei, score));
        }
    }
    best.filter(|(_, s)| *s >= threshold).map(|(ei, _)| ei)
}

fn same_relation(x: &Relation, from: &str, to: &str, kind: RelationKind) -> bool {
    let inverse = match kind {
        RelationKind::Before => Some(RelationKind::After),
        RelationKind::After => Some(RelationKind::Before),
        _ => None,
    };
    (x.from == from && x.to == to && x.kind == kind)
        || (x.from == to && x.to == from && Some(x.kind) == inverse)
}

/// Where each new span goes in an existing list: before the first item greater than it.
fn placements(existing: &[[usize; 2]], new: &[[usize; 2]]) -> Vec<(usize, [usize; 2])> {
    new.iter()
        .map(|p| {
            let at = existing
                .iter()
                .position(|e| e > p)
                .unwrap_or(existing.len());
            (at, *p)
        })
        .collect()
}

fn with_spans(existing: &[[usize; 2]], new: &[[usize; 2]]) -> Vec<[usize; 2]> {
    let places = placements(existing, new);
    let mut out = Vec::with_capacity(existing.len() + new.len());
    for i in 0..=existing.len() {
        out.extend(places.iter().filter(|(at, _)| *at == i).map(|(_, p)| *p));
        if let Some(e) = existing.get(i) {
            out.push(*e);
        }
    }
    out
}

/// The timeline the merged file must load as.
fn expected(timeline: &Timeline, plan: &Plan) -> Timeline {
    let mut t = timeline.clone();
    for (si, spans) in &plan.spans {
        let s = &mut t.sources[*si];
        s.extracted = with_spans(&s.extracted, spans);
    }
    t.sources.extend(plan.new_sources.iter().cloned());
    for (ei, accounts) in &plan.joins {
        t.events[*ei].accounts.extend(accounts.iter().cloned());
    }
    t.events.extend(plan.new_events.iter().cloned());
    t.relations.extend(plan.relations.iter().cloned());
    t.rejected.extend(plan.rejected.iter().cloned());
    normalize(&mut t);
    t
}

fn items<T: serde::Serialize>(values: &[T]) -> Result<Vec<(usize, Item)>, YamlError> {
    values
        .iter()
        .map(|v| Ok((usize::MAX, Item::new(v)?)))
        .collect()
}

/// Write the plan into the text.
fn splice(
    file: &str,
    text: &str,
    tree: &Node,
    timeline: &Timeline,
    written: &Timeline,
    expected: &Timeline,
    plan: &mut Plan,
) -> Result<String, MergeError> {
    let refused = |e: EditError| match e {
        EditError::Refused { message, at } => {
            MergeError::Refused(Diagnostic::at(file, text, at, at, message))
        }
        EditError::Yaml(e) => MergeError::Yaml(e),
    };
    let lost = |what: &str| MergeError::Unexpected {
        message: format!("cannot find {what} in the file"),
        problems: Vec::new(),
    };
    let mut ed = Editor::new(text, tree).map_err(refused)?;
    let sources = tree.get("sources").map_or(&[][..], Node::items);
    let events = tree.get("events").map_or(&[][..], Node::items);

    // Inner structures first: at one offset the editor puts deeper text first anyway.
    for (si, spans) in &plan.spans {
        let node = sources.get(*si).ok_or_else(|| lost("a source"))?;
        let inserts: Vec<(usize, Item)> = placements(&timeline.sources[*si].extracted, spans)
            .into_iter()
            .map(|(at, p)| (at, Item::pair(p)))
            .collect();
        ed.insert_items(node, "extracted", &inserts, Layout::Flow)
            .map_err(refused)?;
    }
    ed.insert_items(tree, "sources", &items(&plan.new_sources)?, Layout::Block)
        .map_err(refused)?;
    for (ei, accounts) in &plan.joins {
        let node = events.get(*ei).ok_or_else(|| lost("an event"))?;
        ed.insert_items(node, "accounts", &items(accounts)?, Layout::Block)
            .map_err(refused)?;
        let now = &expected.events[*ei].disputes;
        let was = written.events.get(*ei).map(|e| &e.disputes);
        if let Some(old) = node.get("disputes")
            && was != Some(now)
        {
            let blocks: Vec<Item> = now
                .iter()
                .map(|d| dispute_item(text, old, was.map_or(&[][..], Vec::as_slice), d))
                .collect::<Result<_, _>>()?;
            ed.replace_items(node, "disputes", &blocks)
                .map_err(refused)?;
            plan.report.disputes_updated += 1;
        }
    }
    ed.insert_items(tree, "events", &items(&plan.new_events)?, Layout::Block)
        .map_err(refused)?;
    ed.insert_items(tree, "relations", &items(&plan.relations)?, Layout::Block)
        .map_err(refused)?;
    ed.insert_items(tree, "rejected", &items(&plan.rejected)?, Layout::Block)
        .map_err(refused)?;
    Ok(ed.finish().map_err(refused)?.0)
}

/// A derived dispute to write in place of the old block: a note the person wrote, unchanged,
/// keeps its own lines (a folded `note: >-` stays folded). Falls back to the serialised
/// dispute whenever the old lines cannot be reused exactly.
fn dispute_item(
    text: &str,
    old: &Node,
    was: &[super::model::Dispute],
    d: &super::model::Dispute,
) -> Result<Item, YamlError> {
    let kept = || -> Option<String> {
        let note = d.note.as_ref()?;
        let i = was
            .iter()
            .position(|w| w.facet == d.facet && w.note.as_ref() == Some(note))?;
        let item = old.items().get(i)?;
        let entry = item.entry("note")?;
        // The item's dash sits two columns before its keys ("- facet: ...").
        let line = text
            .get(..entry.key.start)?
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let keys = text.get(line..entry.key.start)?.chars().count();
        let dash = keys.checked_sub(2)?;
        let original = text
            .get(entry.key.start..entry.value.end)?
            .trim_end_matches(['\n', '\r', ' ']);
        let header = original.lines().next()?;
        if header.contains('+') || header.contains('#') {
            // Trailing lines kept by `+`, or a comment: not worth the risk.
            return None;
        }
        let mut without = d.clone();
        without.note = None;
        let mut block = yaml::to_string(&[&without]).ok()?;
        for (n, line) in original.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let line = if n == 0 {
                line
            } else if line.trim().is_empty() {
                ""
            } else {
                line.get(dash..)
                    .filter(|_| line[..dash].trim().is_empty())?
            };
            if n == 0 {
                block.push_str("  ");
            }
            block.push_str(line);
            block.push('\n');
        }
        // It must read back as the dispute, or it is not used.
        let back: Vec<super::model::Dispute> = yaml::from_str(&block).ok()?;
        (back.as_slice() == std::slice::from_ref(d)).then_some(block)
    };
    match kept() {
        Some(block) => Item::with_block(block, d),
        None => Item::new(d),
    }
}

/// The merged text must load cleanly into exactly the expected timeline.
fn verify(file: &str, text: &str, expected: &Timeline) -> Result<(), MergeError> {
    let back = match load_str(file, text) {
        Ok(t) => t,
        Err(LoadError::Invalid(problems)) => {
            return Err(MergeError::Unexpected {
                message: "the merged text does not pass check".into(),
                problems,
            });
        }
        Err(e) => {
            return Err(MergeError::Unexpected {
                message: e.to_string(),
                problems: Vec::new(),
            });
        }
    };
    let differs = if back.sources != expected.sources {
        Some("sources")
    } else if back.events != expected.events {
        Some("events")
    } else if back.relations != expected.relations {
        Some("relations")
    } else if back.rejected != expected.rejected {
        Some("rejected")
    } else if back != *expected {
        Some("title or description")
    } else {
        None
    };
    match differs {
        Some(what) => Err(MergeError::Unexpected {
            message: format!("the merged text reads back with different {what}"),
            problems: Vec::new(),
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::When;

    fn event(id: &str, title: &str, when: When, places: &[&str]) -> Event {
        Event {
            id: id.into(),
            title: title.into(),
            when,
            places: places.iter().map(|p| p.to_string()).collect(),
            ..Event::default()
        }
    }

    #[test]
    fn simple_matcher_needs_overlapping_dates() {
        let t = Timeline::default();
        let a = event(
            "a",
            "Levee breaks north of town",
            When::day(2021, 3, 2),
            &["Elmsford"],
        );
        let same = event(
            "b",
            "Levee breach floods town",
            When::day(2021, 3, 2),
            &["elmsford"],
        );
        let later = event(
            "c",
            "Levee breaks north of town",
            When::day(2021, 4, 2),
            &["Elmsford"],
        );
        let other = event("d", "Mayor resigns", When::day(2021, 3, 2), &[]);
        let m = SimpleMatcher;
        assert!(m.score(&a, &same, &t) >= DEFAULT_THRESHOLD);
        assert_eq!(m.score(&a, &later, &t), 0.0);
        assert!(m.score(&a, &other, &t) < DEFAULT_THRESHOLD);
        assert_eq!(m.score(&a, &a, &t), 1.0);
    }

    #[test]
    fn paths_compare_lexically() {
        assert_eq!(
            normalize_path("./articles/../articles/a.txt"),
            "articles/a.txt"
        );
        assert_eq!(normalize_path("articles\\a.txt"), "articles/a.txt");
        assert_eq!(normalize_path("../x//y/./z"), "../x/y/z");
        assert_eq!(normalize_path("/abs/./p"), "/abs/p");
    }

    #[test]
    fn new_spans_go_before_the_first_greater_pair() {
        let existing = [[0, 5], [20, 30]];
        assert_eq!(
            with_spans(&existing, &[[1, 2], [40, 41], [50, 51]]),
            vec![[0, 5], [1, 2], [20, 30], [40, 41], [50, 51]]
        );
        assert_eq!(with_spans(&[], &[[1, 2]]), vec![[1, 2]]);
    }

    #[test]
    fn quotes_identify_accounts_without_spans() {
        let mut l: Ledger<u8> = Ledger::new();
        l.insert("s", None, Some("the  river rose"), 1);
        l.insert("s", Some([0, 4]), Some("other"), 2);
        assert_eq!(l.find("s", Some([9, 9]), Some("the river rose")), Some(&1));
        assert_eq!(l.find("s", None, Some("other")), Some(&2));
        // An overlapping span is the same passage; a touching one is not.
        assert_eq!(l.find("s", Some([1, 4]), Some("other")), Some(&2));
        assert_eq!(l.find("s", Some([4, 9]), Some("other")), None);
        assert_eq!(l.find("t", Some([0, 4]), None), None);
    }
}
