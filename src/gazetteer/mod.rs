//! The gazetteer: places, actors and organisations with their aliases, and a fast matcher.
//!
//! The built-in table is the hand-made `data/gazetteer.yaml` (places, actors and
//! organisations of the Middle East, with aliases and demonyms) and the generated
//! `data/gazetteer-world.tsv` (countries, first-level subdivisions and towns of the world, see
//! `world.rs`), both compiled in. Where a name is in both, the hand-made entry wins. A user
//! file in the YAML format extends the table (entries whose id is already present add
//! aliases), or replaces it with `replace: true`. Spelling variants that no one listed still
//! match through the normalisation key in [`normalize`].
//!
//! Places form a hierarchy: a town lies within its province, a province within its country
//! ([`Gazetteer::ancestors`], [`Gazetteer::contains`]). A name several places share goes to
//! the one a user or the hand-made table gives, else the most populous, unless the text
//! says otherwise by naming, around it, a place that lies in another one of them or one that
//! contains it ("Paris, Texas").

mod entry;
mod matcher;
pub mod normalize;
mod world;

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};

pub use entry::{EntityKind, Entry, slug};
pub use matcher::Match;
pub use normalize::key;

use crate::timeline::yaml::{self, Mark, Node};
use entry::{RawEntry, RawFile};
use matcher::{Hit, Matcher};

/// A gazetteer file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read {}: {source}", path.display())]
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file could not be read, or is over its size limit.
    #[error(transparent)]
    Input(#[from] crate::input::InputError),
    /// A mistake in the file; `line` and `col` are 1-based, 0 when unknown.
    #[error("{}", located(file, *line, *col, message))]
    Invalid {
        /// The file's name, as given.
        file: String,
        /// 1-based; 0 when unknown.
        line: usize,
        /// 1-based; 0 when unknown.
        col: usize,
        /// What is wrong.
        message: String,
    },
}

fn located(file: &str, line: usize, col: usize, message: &str) -> String {
    if line == 0 {
        format!("{file}: {message}")
    } else {
        format!("{file}:{line}:{col}: {message}")
    }
}

/// Places, actors and organisations, and the matcher over their names. Cloning is cheap:
/// the tables are shared.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Arc<Vec<Entry>>,
    ids: Arc<IdMap>,
    /// Per entry: where it comes from, its population, whether its name needs context.
    meta: Arc<Vec<Meta>>,
    /// Per entry: the index of the place it lies in (`within`, else `country`), or `NONE`.
    parents: Arc<Vec<u32>>,
    matcher: Arc<Matcher>,
    not_names: Vec<String>,
    replace: bool,
}

/// Where an entry comes from; a name several entries share goes to the first tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Tier {
    User,
    HandMade,
    World,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Meta {
    pub tier: Tier,
    pub population: u32,
    /// The display name is a mention only with a related place named nearby.
    pub gated: bool,
}

impl Meta {
    const HAND: Meta = Meta {
        tier: Tier::HandMade,
        population: 0,
        gated: false,
    };
}

const NONE: u32 = u32::MAX;

const BUILTIN_FILE: &str = "data/gazetteer.yaml";
const BUILTIN_TEXT: &str = include_str!("../../data/gazetteer.yaml");

// The tables are part of the program and tested; a mistake in them is a bug, not bad input.
static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::parse_builtin);

/// The hand-made table, then the world table's entries that it does not have.
fn builtin_table() -> Result<Gazetteer, GazetteerError> {
    let (mut entries, not_names, _) = parse_entries(BUILTIN_FILE, BUILTIN_TEXT, None)?;
    let hand: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let rows =
        world::rows(world::WORLD_TEXT).map_err(|(line, message)| GazetteerError::Invalid {
            file: world::WORLD_FILE.to_string(),
            line,
            col: 0,
            message,
        })?;
    let mut meta = vec![Meta::HAND; entries.len()];
    entries.reserve(rows.len());
    meta.reserve(rows.len());
    for row in rows {
        if let Some(&i) = hand.get(row.id) {
            // A link: the hand-made entry gets the world's province if it has none.
            let e = &mut entries[i];
            if e.within.is_none() && !row.within.is_empty() && row.within != e.id {
                e.within = Some(row.within.to_string());
            }
            continue;
        }
        if row.names.is_empty() {
            continue;
        }
        meta.push(Meta {
            tier: Tier::World,
            population: row.population,
            gated: row.gated(),
        });
        entries.push(row.entry());
    }
    Ok(Gazetteer::assemble(entries, meta, not_names, false))
}

impl Gazetteer {
    /// The built-in table, parsed once.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// The built-in table parsed anew, for measuring how long that takes; use [`builtin`].
    ///
    /// [`builtin`]: Gazetteer::builtin
    pub fn parse_builtin() -> Gazetteer {
        match builtin_table() {
            Ok(g) => g,
            Err(e) => panic!("built-in gazetteer: {e}"),
        }
    }

    /// Parse a gazetteer file. References (`country`, `within`, ...) may name entries of the
    /// file itself or, unless it says `replace: true`, of the built-in table.
    pub fn from_yaml(file: &str, text: &str) -> Result<Gazetteer, GazetteerError> {
        parse(file, text, Some(Gazetteer::builtin()))
    }

    /// Read and parse a gazetteer file (a regular file, within the gazetteer size limit).
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let bytes = crate::input::read(path, crate::input::Kind::Gazetteer)?;
        let file = path.display().to_string();
        let text = crate::input::utf8(&bytes).map_err(|bad| GazetteerError::Invalid {
            file: file.clone(),
            line: bad.line,
            col: bad.col,
            message: bad.to_string(),
        })?;
        Gazetteer::from_yaml(&file, text)
    }

    /// This table extended by a user's: entries with a known id add their aliases and
    /// demonyms and set the fields they give; new entries are appended, and where one of
    /// their names is also a built-in name, the user's entry wins. A user file with
    /// `replace: true` is returned as it is.
    pub fn with_user(&self, user: Gazetteer) -> Gazetteer {
        if user.replace {
            return user;
        }
        let mut entries = (*self.entries).clone();
        let mut meta = (*self.meta).clone();
        let mut ids = (*self.ids).clone();
        for e in Arc::unwrap_or_clone(user.entries) {
            match ids.get(&entries, &e.id) {
                Some(i) => merge(&mut entries[i], e),
                None => {
                    ids.insert(&e.id, entries.len());
                    entries.push(e);
                    meta.push(Meta {
                        tier: Tier::User,
                        ..Meta::HAND
                    });
                }
            }
        }
        let mut not_names = self.not_names.clone();
        for n in user.not_names {
            if !not_names.contains(&n) {
                not_names.push(n);
            }
        }
        Gazetteer::assemble(entries, meta, not_names, false)
    }

    /// True when this table was read from a file that says `replace: true`.
    pub fn replaces_builtin(&self) -> bool {
        self.replace
    }

    /// Every entry, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at an index from [`Match::entry`]. Panics on an index not from this table.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    /// The entry with this id.
    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.ids.get(&self.entries, id).map(|i| &self.entries[i])
    }

    /// Index of the entry with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.get(&self.entries, id)
    }

    /// Every mention in a text: whole words, leftmost-longest, sorted, non-overlapping.
    ///
    /// A name several places share is the one a user or the hand-made table gives, else the
    /// most populous, unless the text places it elsewhere: a place lying in another of them
    /// is named in the same paragraph ("Atlanta" for Georgia, the US state), or one containing
    /// it follows it ("Paris, Texas"). A name that is also a common word or a person's name
    /// ("Reading", "Mobile", "Victoria") is a place only with such context; a province
    /// named in the paragraph is enough for it, a country only right after it ("Nice, France").
    pub fn find(&self, text: &str) -> Vec<Match> {
        let hits = self.matcher.find(text);
        let mut found = self.resolve(text, &hits);
        found.retain(|m| !someone_else(&self.entries[m.entry], text, m));
        found
    }

    /// The entries of the hits, with shared and doubtful names decided by context.
    fn resolve(&self, text: &str, hits: &[Hit]) -> Vec<Match> {
        let plain = |h: &Hit| !h.gated && h.alternatives.is_empty();
        if hits.iter().all(plain) {
            return hits.iter().map(|h| h.m).collect();
        }
        let mut out = Vec::with_capacity(hits.len());
        for (i, h) in hits.iter().enumerate() {
            if plain(h) {
                out.push(h.m);
                continue;
            }
            let (from, to) = paragraph(text, h.m.start, h.m.end);
            let (lo, hi) = (
                hits.partition_point(|o| o.m.start < from),
                hits.partition_point(|o| o.m.start < to),
            );
            // Places named around it, whose own reading is not in doubt.
            let others: Vec<&Hit> = hits[lo..hi]
                .iter()
                .zip(lo..)
                .filter(|&(o, j)| {
                    j != i && !o.gated && !o.m.demonym && o.m.end <= to && self.is_place(o.m.entry)
                })
                .map(|(o, _)| o)
                .collect();
            // 2: a place in it is named, or one containing it follows it; 1: a province
            // containing it is named in the paragraph.
            let evidence = |c: usize| -> u8 {
                let mut best = 0;
                for o in &others {
                    let e = o.m.entry;
                    if e != c && self.contains(c, e) {
                        return 2;
                    }
                    if e != c && self.contains(e, c) {
                        if o.m.start >= h.m.end && adjacent(&text[h.m.end..o.m.start]) {
                            return 2;
                        }
                        if self.entries[e].kind != EntityKind::Country {
                            best = 1;
                        }
                    }
                }
                best
            };
            let candidates: Vec<(usize, bool)> = std::iter::once((h.m.entry, h.gated))
                .chain(h.alternatives.iter().map(|&(e, g)| (e as usize, g)))
                .collect();
            let scores: Vec<u8> = candidates.iter().map(|&(c, _)| evidence(c)).collect();
            let strong = scores.iter().position(|&s| s == 2);
            let pick = if !h.gated && (scores[0] == 2 || strong.is_none()) {
                Some(0)
            } else {
                strong
                    .or_else(|| scores.iter().position(|&s| s >= 1))
                    .or_else(|| candidates.iter().position(|&(_, g)| !g))
            };
            if let Some(k) = pick {
                out.push(Match {
                    entry: candidates[k].0,
                    ..h.m
                });
            }
        }
        out
    }

    fn is_place(&self, index: usize) -> bool {
        matches!(
            self.entries[index].kind,
            EntityKind::Place | EntityKind::Country
        )
    }

    /// The entry a name or any spelling of it stands for ("Deir Ezzor", "the Pentagon",
    /// "Russian"). Capitals do not matter except for short acronyms ("US" but not "us").
    pub fn lookup(&self, name: &str) -> Option<&Entry> {
        self.lookup_index(name).map(|i| &self.entries[i])
    }

    fn lookup_index(&self, name: &str) -> Option<usize> {
        self.matcher.lookup(name.trim()).map(|(i, _)| i)
    }

    /// The same place under two spellings, or one lying within the other (Jabal al-Tharda
    /// and Deir ez-Zor; Aleppo and Syria; Gazipur and Bangladesh). A name several places share
    /// may be any of them. Names not in the table compare by their key.
    pub fn same_place(&self, a: &str, b: &str) -> bool {
        match (self.lookup_index(a), self.lookup_index(b)) {
            (Some(x), Some(y)) => {
                if x == y {
                    return true;
                }
                // Any of the places a name may be: "Springfield" and "Illinois".
                let places = |name: &str| -> Vec<usize> {
                    self.matcher
                        .lookup_all(name.trim())
                        .filter(|&i| self.is_place(i))
                        .collect()
                };
                let (xs, ys) = (places(a), places(b));
                xs.iter().any(|&x| {
                    ys.iter()
                        .any(|&y| x == y || self.contains(x, y) || self.contains(y, x))
                })
            }
            _ => {
                let (ka, kb) = (key(a), key(b));
                !ka.is_empty() && ka == kb
            }
        }
    }

    /// Keys under which every pair of names that `same_place` could join meets: for a known
    /// place, the outermost place of each place the name may be (its country, or itself);
    /// for an unknown name, its normalised spelling. For blocking in clustering.
    pub fn place_keys(&self, name: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .matcher
            .lookup_all(name.trim())
            .filter(|&i| self.is_place(i))
            .map(|i| format!("#{}", self.ancestors(i).last().unwrap_or(i)))
            .collect();
        if keys.is_empty() {
            // A name the table knows only as something else is the same only as itself.
            match self.lookup_index(name) {
                Some(i) => keys.push(format!("#{i}")),
                None => keys.extend(Some(key(name)).filter(|k| !k.is_empty())),
            }
        }
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// True when the place at `inner` lies within the place at `outer`, following `within`
    /// and then `country`, transitively: a town within its province and its country.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        self.ancestors(inner).any(|a| a == outer)
    }

    /// The places the entry at `index` lies within, nearest first: for a town its province
    /// and then its country (each entry's `within`, else its `country`). Stops at a cycle.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = index;
        let mut steps = 0;
        std::iter::from_fn(move || {
            let p = *self.parents.get(at)?;
            steps += 1;
            if p == NONE || p as usize == index || steps > 32 {
                return None;
            }
            at = p as usize;
            Some(at)
        })
    }

    /// True when the place named `inner` lies within the place named `outer` ("Gazipur",
    /// "Bangladesh"); false when either name is unknown.
    pub fn within(&self, inner: &str, outer: &str) -> bool {
        match (self.lookup_index(inner), self.lookup_index(outer)) {
            (Some(i), Some(o)) => i != o && self.contains(o, i),
            _ => false,
        }
    }

    /// Spellings that are never a mention, though they fold like a name.
    pub fn not_names(&self) -> &[String] {
        &self.not_names
    }

    fn assemble(
        entries: Vec<Entry>,
        meta: Vec<Meta>,
        not_names: Vec<String>,
        replace: bool,
    ) -> Gazetteer {
        let mut ids = IdMap::default();
        ids.0.reserve(entries.len());
        for (i, e) in entries.iter().enumerate() {
            ids.insert(&e.id, i);
        }
        let parents = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                e.within
                    .as_deref()
                    .or(e.country.as_deref().filter(|c| *c != e.id))
                    .and_then(|p| ids.get(&entries, p))
                    .filter(|&p| p != i)
                    .map_or(NONE, |p| p as u32)
            })
            .collect();
        let matcher = Matcher::build(&entries, &not_names, &meta);
        Gazetteer {
            entries: Arc::new(entries),
            ids: Arc::new(ids),
            meta: Arc::new(meta),
            parents: Arc::new(parents),
            matcher: Arc::new(matcher),
            not_names,
            replace,
        }
    }
}

/// Entry ids → indices, keyed by a 64-bit hash of the id (checked against the entry on every
/// look-up), so that building it copies no string.
#[derive(Debug, Clone, Default)]
struct IdMap(HashMap<u64, usize, BuildHasherDefault<matcher::Identity>>);

impl IdMap {
    fn get(&self, entries: &[Entry], id: &str) -> Option<usize> {
        self.0
            .get(&matcher::hash(id))
            .copied()
            .filter(|&i| entries[i].id == id)
    }

    /// A later entry with the same id takes its place, as in a map of strings.
    fn insert(&mut self, id: &str, index: usize) {
        self.0.insert(matcher::hash(id), index);
    }
}

/// The paragraph (line) around a byte range, at most `REACH` bytes either side.
fn paragraph(text: &str, start: usize, end: usize) -> (usize, usize) {
    const REACH: usize = 1500;
    let mut lo = start.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let from = text[lo..start].rfind('\n').map_or(lo, |i| lo + i + 1);
    let to = text[end..hi].find('\n').map_or(hi, |i| end + i);
    (from, to)
}

/// What stands between a place and the one placing it: "Paris, Texas", "Dayton (Ohio)".
fn adjacent(between: &str) -> bool {
    between.len() <= 3 && between.chars().all(|c| matches!(c, ' ' | ',' | '('))
}

fn merge(base: &mut Entry, user: Entry) {
    for a in user.aliases {
        if !base.aliases.contains(&a) && a != base.name {
            base.aliases.push(a);
        }
    }
    for d in user.demonyms {
        if !base.demonyms.contains(&d) {
            base.demonyms.push(d);
        }
    }
    let fields = [
        (&mut base.country, user.country),
        (&mut base.within, user.within),
        (&mut base.affiliation, user.affiliation),
        (&mut base.role, user.role),
        (&mut base.capital, user.capital),
        (&mut base.seat_of, user.seat_of),
        (&mut base.note, user.note),
    ];
    for (slot, value) in fields {
        if value.is_some() {
            *slot = value;
        }
    }
}

/// Where a problem is in a file: an entry (of a group, or of the top-level `entries`), and
/// the field and list item when known. Turned into a line and column only when there is a
/// problem, so that reading a good file parses it once.
#[derive(Debug, Clone, Copy)]
struct At {
    group: Option<usize>,
    entry: usize,
    field: Option<&'static str>,
    item: Option<usize>,
}

impl At {
    fn field(self, field: &'static str) -> At {
        At {
            field: Some(field),
            ..self
        }
    }

    /// The place in the tree (a byte offset): the field's value (or the group's, for a field
    /// the entry takes from its group), the list item, or else the entry.
    fn mark(self, tree: &Node) -> Option<usize> {
        let group = self
            .group
            .and_then(|g| tree.get("groups").and_then(|n| n.items().get(g)));
        let list = match self.group {
            Some(_) => group.and_then(|g| g.get("entries")),
            None => tree.get("entries"),
        };
        let entry = list.and_then(|l| l.items().get(self.entry))?;
        let Some(field) = self.field else {
            return Some(entry.start);
        };
        let value = entry
            .get(field)
            .or_else(|| group.and_then(|g| g.get(field)));
        Some(match (value, self.item) {
            (Some(v), Some(i)) => v.items().get(i).unwrap_or(v).start,
            (Some(v), None) => v.start,
            (None, _) => entry.start,
        })
    }
}

/// A mistake found in a file, before it is given a line and column.
struct Problem {
    at: At,
    message: String,
    /// For a duplicate: where the first one is.
    first: Option<At>,
}

fn parse(file: &str, text: &str, base: Option<&Gazetteer>) -> Result<Gazetteer, GazetteerError> {
    let (entries, not_names, replace) = parse_entries(file, text, base)?;
    let meta = vec![Meta::HAND; entries.len()];
    Ok(Gazetteer::assemble(entries, meta, not_names, replace))
}

/// The entries of a YAML file, its `not_names` and whether it replaces the built-in table.
fn parse_entries(
    file: &str,
    text: &str,
    base: Option<&Gazetteer>,
) -> Result<(Vec<Entry>, Vec<String>, bool), GazetteerError> {
    let invalid = |at: Option<Mark>, message: String| {
        let (line, col) = at.map_or((0, 0), |m| (m.line, m.col));
        GazetteerError::Invalid {
            file: file.to_string(),
            line,
            col,
            message,
        }
    };
    let raw: RawFile = yaml::from_str(text).map_err(|e| invalid(e.at, e.message))?;
    match build(&raw, base) {
        Ok(entries) => Ok((entries, raw.not_names, raw.replace)),
        Err(p) => {
            let tree = yaml::parse_tree(text).ok();
            let lines = crate::timeline::diagnostic::Lines::new(text);
            let mark = |at: At| {
                tree.as_ref()
                    .and_then(|t| at.mark(t))
                    .map(|o| lines.place(o))
            };
            let mut message = p.message;
            if let Some(m) = p.first.and_then(mark) {
                message.push_str(&format!(" (first at line {})", m.line));
            }
            Err(invalid(mark(p.at), message))
        }
    }
}

/// The entries of a parsed file, with group defaults applied and references checked.
fn build(raw: &RawFile, base: Option<&Gazetteer>) -> Result<Vec<Entry>, Box<Problem>> {
    let problem = |at: At, message: String| {
        Box::new(Problem {
            at,
            message,
            first: None,
        })
    };
    let mut raws: Vec<(At, &RawEntry, Option<&entry::RawGroup>)> = Vec::new();
    for (gi, group) in raw.groups.iter().enumerate() {
        for (ei, e) in group.entries.iter().enumerate() {
            let at = At {
                group: Some(gi),
                entry: ei,
                field: None,
                item: None,
            };
            raws.push((at, e, Some(group)));
        }
    }
    for (ei, e) in raw.entries.iter().enumerate() {
        let at = At {
            group: None,
            entry: ei,
            field: None,
            item: None,
        };
        raws.push((at, e, None));
    }

    let base = base.filter(|_| !raw.replace);
    let mut entries: Vec<Entry> = Vec::with_capacity(raws.len());
    let mut first_at: HashMap<String, At> = HashMap::new();
    for &(at, r, group) in &raws {
        let g = |f: fn(&entry::RawGroup) -> &Option<String>| group.and_then(|g| f(g).clone());
        let known_entry =
            r.id.as_deref()
                .and_then(|id| base.and_then(|b| b.by_id(id)));
        let name = match (&r.name, &r.id) {
            (Some(n), _) => n.trim().to_string(),
            (None, Some(id)) => known_entry.map_or_else(|| id.clone(), |e| e.name.clone()),
            (None, None) => {
                return Err(problem(at, "entry has neither `name` nor `id`".into()));
            }
        };
        let id = r.id.clone().unwrap_or_else(|| slug(&name));
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            return Err(problem(
                at.field("id"),
                format!("id `{id}` must be a non-empty slug without spaces"),
            ));
        }
        let Some(kind) = r
            .kind
            .or(group.and_then(|g| g.kind))
            .or(known_entry.map(|e| e.kind))
        else {
            return Err(problem(
                at,
                format!(
                    "entry `{id}` has no `kind` (country, place, organisation, armed_group, government, person or media)"
                ),
            ));
        };
        if let Some(&first) = first_at.get(&id) {
            return Err(Box::new(Problem {
                at: at.field("id"),
                message: format!("duplicate id `{id}`"),
                first: Some(first),
            }));
        }
        first_at.insert(id.clone(), at);
        for (field, list, listed) in [
            ("name", std::slice::from_ref(&name), false),
            ("aliases", &r.aliases[..], true),
            ("demonyms", &r.demonyms[..], true),
        ] {
            for (i, a) in list.iter().enumerate() {
                if key(a).is_empty() {
                    let mut at = at.field(field);
                    at.item = listed.then_some(i);
                    return Err(problem(
                        at,
                        format!("{field} {a:?} of `{id}` has no letters to match"),
                    ));
                }
            }
        }
        entries.push(Entry {
            id,
            name,
            kind,
            aliases: r.aliases.clone(),
            demonyms: r.demonyms.clone(),
            country: r.country.clone().or_else(|| g(|g| &g.country)),
            within: r.within.clone().or_else(|| g(|g| &g.within)),
            affiliation: r.affiliation.clone().or_else(|| g(|g| &g.affiliation)),
            role: r.role.clone().or_else(|| g(|g| &g.role)),
            capital: r.capital.clone(),
            seat_of: r.seat_of.clone(),
            note: r.note.clone(),
        });
    }

    // References name entries of this file or, when extending, of the base table.
    let known: HashSet<&str> = entries.iter().map(|e| e.id.as_str()).collect();
    for (e, &(at, _, _)) in entries.iter().zip(&raws) {
        let refs = [
            ("country", &e.country),
            ("within", &e.within),
            ("affiliation", &e.affiliation),
            ("capital", &e.capital),
            ("seat_of", &e.seat_of),
        ];
        for (field, value) in refs {
            let Some(v) = value else { continue };
            if !known.contains(v.as_str()) && base.is_none_or(|b| b.by_id(v).is_none()) {
                return Err(problem(
                    at.field(field),
                    format!("`{field}: {v}` of `{}` names no entry", e.id),
                ));
            }
        }
    }
    Ok(entries)
}

/// A person's short name preceded by another given name is someone else: "Turki al-Maliki" is
/// not Nouri al-Maliki, "Ahmad Warren" not Steve Warren. Titles ("Colonel", "President") and
/// the start of a sentence do not count as given names.
fn someone_else(entry: &Entry, text: &str, m: &Match) -> bool {
    if entry.kind != EntityKind::Person {
        return false;
    }
    let matched = &text[m.start..m.end];
    if entry.name.eq_ignore_ascii_case(matched)
        || matched.split_whitespace().count() > 1 && !matched.contains('-')
    {
        return false;
    }
    let before = text[..m.start].trim_end();
    let word: &str = before
        .rsplit(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
        .next()
        .unwrap_or("");
    const TITLES: &[&str] = &[
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "President",
        "Prime",
        "Minister",
        "Secretary",
        "General",
        "Gen",
        "Colonel",
        "Col",
        "Major",
        "Maj",
        "Lieutenant",
        "Lt",
        "Captain",
        "Capt",
        "Admiral",
        "Adm",
        "Sheikh",
        "Senator",
        "Sen",
        "Governor",
        "Ambassador",
        "Envoy",
        "Spokesman",
        "Spokeswoman",
        "King",
        "Queen",
        "Prince",
        "Emir",
        "Ayatollah",
        "Imam",
        "Bishop",
        "Pope",
        "Chancellor",
        "Judge",
        "Professor",
        "Prof",
        "Sergeant",
    ];
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    let sentence_start = before.len() == word.len()
        || before[..before.len() - word.len()]
            .trim_end()
            .ends_with(['.', '!', '?', '“', '"', '\n']);
    capitalised
        && !sentence_start
        && !TITLES.contains(&word)
        && !entry
            .name
            .split_whitespace()
            .any(|n| n.eq_ignore_ascii_case(word))
        && !entry
            .aliases
            .iter()
            .any(|a| a.split_whitespace().any(|n| n.eq_ignore_ascii_case(word)))
}

#[cfg(test)]
mod someone_else_tests {
    use super::*;

    #[test]
    fn a_short_name_after_another_given_name_is_someone_else() {
        let gaz = Gazetteer::builtin();
        let names = |t: &str| -> Vec<String> {
            gaz.find(t)
                .iter()
                .map(|m| gaz.entry(m.entry).name.clone())
                .collect()
        };
        assert!(
            !names("Spokesman Colonel Turki al-Maliki said so.")
                .contains(&"Nouri al-Maliki".to_string())
        );
        assert!(names("Nouri al-Maliki said so.").contains(&"Nouri al-Maliki".to_string()));
        // A surname alone, spelt another way and followed by a second name, is a first name.
        assert!(!names("A jury convicted Dorian Vell.").contains(&"John Dorrian".to_string()));
        assert!(names("Dorrian said so.").contains(&"John Dorrian".to_string()));
        assert!(
            names("The former premier, al-Maliki, said so.")
                .contains(&"Nouri al-Maliki".to_string())
        );
    }
}

#[cfg(test)]
mod world_tests {
    use super::*;

    /// A small table: a country, two provinces, towns sharing a name, a doubtful name.
    fn table() -> Gazetteer {
        let hand =
            "entries:\n  - {name: Ruritania, kind: country}\n  - {name: Borduria, kind: country}\n";
        let (mut entries, not_names, _) = parse_entries("t", hand, None).unwrap();
        let mut meta = vec![Meta::HAND; entries.len()];
        let world = "north-ru\tplace\tprovince\tNorth Province\t\truritania\t900000\n\
                     south-ru\tplace\tprovince\tSouth Province\t\truritania\t100000\n\
                     strel-ru\tplace\tcity\tStrel\tnorth-ru\truritania\t500000\n\
                     strel-ru-south\tplace\tcity\tStrel\tsouth-ru\truritania\t20000\n\
                     lake-ru\tplace\tcity\tLake\tsouth-ru\truritania\t30000\n\
                     mill-bo\tplace\tcity\t?Mill\t\tborduria\t200000\n";
        for row in world::rows(world).unwrap() {
            meta.push(Meta {
                tier: Tier::World,
                population: row.population,
                gated: row.gated(),
            });
            entries.push(row.entry());
        }
        Gazetteer::assemble(entries, meta, not_names, false)
    }

    fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text)
            .iter()
            .map(|m| g.entry(m.entry).id.clone())
            .collect()
    }

    #[test]
    fn a_town_lies_in_its_province_and_country() {
        let g = table();
        let strel = g.index_of("strel-ru-south").unwrap();
        let chain: Vec<&str> = g.ancestors(strel).map(|i| g.entry(i).id.as_str()).collect();
        assert_eq!(chain, ["south-ru", "ruritania"]);
        assert!(g.contains(g.index_of("ruritania").unwrap(), strel));
        assert!(!g.contains(g.index_of("north-ru").unwrap(), strel));
        assert!(g.within("Lake", "Ruritania"));
        assert!(!g.within("Ruritania", "Lake"));
    }

    #[test]
    fn a_shared_name_is_the_largest_place_unless_the_text_says_otherwise() {
        let g = table();
        assert_eq!(ids(&g, "They met in Strel."), ["strel-ru"]);
        assert_eq!(
            ids(&g, "They met in Strel, South Province."),
            ["strel-ru-south", "south-ru"]
        );
        assert_eq!(
            ids(&g, "They met in Strel, near Lake."),
            ["strel-ru", "lake-ru"]
        );
    }

    #[test]
    fn a_doubtful_name_needs_a_related_place() {
        let g = table();
        assert!(ids(&g, "They met at the Mill.").is_empty());
        assert_eq!(
            ids(&g, "They met in Mill, Borduria."),
            ["mill-bo", "borduria"]
        );
        // A country named elsewhere in the paragraph is not enough.
        assert_eq!(ids(&g, "Mill said Borduria would pay."), ["borduria"]);
        // Lookups keep to the capitalised spelling.
        assert!(g.lookup("Mill").is_some());
        assert!(g.lookup("mill").is_none());
    }

    #[test]
    fn the_built_in_table_has_the_world_after_the_hand_made() {
        let g = Gazetteer::builtin();
        let hand = g
            .meta
            .iter()
            .take_while(|m| m.tier == Tier::HandMade)
            .count();
        assert!(hand > 1500 && g.entries().len() > hand + 30_000);
        assert!(g.meta[hand..].iter().all(|m| m.tier == Tier::World));
        // Hand-made names win: "Georgia" is the country, "Aleppo" the hand-made city.
        assert_eq!(g.lookup("Georgia").unwrap().id, "georgia");
        assert_eq!(g.lookup("Aleppo").unwrap().id, "aleppo");
        // A spelling in `not_names` is no name, though places are written so.
        assert!(g.lookup("Columbia").is_none());
        assert!(g.index_of("columbia-us").is_some());
    }
}
