//! The gazetteer: places, actors and organisations with their aliases, and a fast matcher.
//!
//! The built-in table is `data/gazetteer.yaml`, compiled in. A user file in the same format
//! extends it (entries whose id is already present add aliases), or replaces it with
//! `replace: true`. Spelling variants that no one listed still match through the
//! normalisation key in [`normalize`].

mod entry;
mod matcher;
pub mod normalize;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub use entry::{EntityKind, Entry, slug};
pub use matcher::Match;
pub use normalize::key;

use crate::timeline::yaml::{self, Mark, Node};
use entry::{RawEntry, RawFile};
use matcher::Matcher;

/// A gazetteer file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum GazetteerError {
    #[error("cannot read {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A mistake in the file; `line` and `col` are 1-based, 0 when unknown.
    #[error("{}", located(file, *line, *col, message))]
    Invalid {
        file: String,
        line: usize,
        col: usize,
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

/// Places, actors and organisations, and the matcher over their names.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    ids: HashMap<String, usize>,
    matcher: Matcher,
    not_names: Vec<String>,
    replace: bool,
}

const BUILTIN_FILE: &str = "data/gazetteer.yaml";
const BUILTIN_TEXT: &str = include_str!("../../data/gazetteer.yaml");

static BUILTIN: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The table is part of the program and tested; a mistake in it is a bug, not bad input.
    match parse(BUILTIN_FILE, BUILTIN_TEXT, None) {
        Ok(g) => g,
        Err(e) => panic!("built-in gazetteer: {e}"),
    }
});

impl Gazetteer {
    /// The built-in table, parsed once.
    pub fn builtin() -> &'static Gazetteer {
        &BUILTIN
    }

    /// Parse a gazetteer file. References (`country`, `within`, ...) may name entries of the
    /// file itself or, unless it says `replace: true`, of the built-in table.
    pub fn from_yaml(file: &str, text: &str) -> Result<Gazetteer, GazetteerError> {
        parse(file, text, Some(Gazetteer::builtin()))
    }

    /// Read and parse a gazetteer file.
    pub fn load(path: &Path) -> Result<Gazetteer, GazetteerError> {
        let text = std::fs::read_to_string(path).map_err(|source| GazetteerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Gazetteer::from_yaml(&path.display().to_string(), &text)
    }

    /// This table extended by a user's: entries with a known id add their aliases and
    /// demonyms and set the fields they give; new entries are appended, and where one of
    /// their names is also a built-in name, the user's entry wins. A user file with
    /// `replace: true` is returned as it is.
    pub fn with_user(&self, user: Gazetteer) -> Gazetteer {
        if user.replace {
            return user;
        }
        let mut entries = self.entries.clone();
        let mut ids = self.ids.clone();
        let user_from = entries.len();
        for e in user.entries {
            match ids.get(&e.id) {
                Some(&i) => merge(&mut entries[i], e),
                None => {
                    ids.insert(e.id.clone(), entries.len());
                    entries.push(e);
                }
            }
        }
        let mut not_names = self.not_names.clone();
        for n in user.not_names {
            if !not_names.contains(&n) {
                not_names.push(n);
            }
        }
        Gazetteer::assemble(entries, not_names, false, user_from)
    }

    /// True when this table was read from a file that says `replace: true`.
    pub fn replaces_builtin(&self) -> bool {
        self.replace
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry at an index from [`Match::entry`]. Panics on an index not from this table.
    pub fn entry(&self, index: usize) -> &Entry {
        &self.entries[index]
    }

    pub fn by_id(&self, id: &str) -> Option<&Entry> {
        self.ids.get(id).map(|&i| &self.entries[i])
    }

    /// Index of the entry with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.ids.get(id).copied()
    }

    /// Every mention in a text: whole words, leftmost-longest, sorted, non-overlapping.
    pub fn find(&self, text: &str) -> Vec<Match> {
        let mut found = self.matcher.find(text);
        found.retain(|m| !someone_else(&self.entries[m.entry], text, m));
        found
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
    /// and Deir ez-Zor; Aleppo and Syria). Names not in the table compare by their key.
    pub fn same_place(&self, a: &str, b: &str) -> bool {
        match (self.lookup_index(a), self.lookup_index(b)) {
            (Some(x), Some(y)) => {
                let place = |i: usize| {
                    matches!(
                        self.entries[i].kind,
                        EntityKind::Place | EntityKind::Country
                    )
                };
                x == y || (place(x) && place(y) && (self.contains(x, y) || self.contains(y, x)))
            }
            _ => {
                let (ka, kb) = (key(a), key(b));
                !ka.is_empty() && ka == kb
            }
        }
    }

    /// True when the place at `inner` lies within the place at `outer`, following `within`
    /// and then `country`.
    pub fn contains(&self, outer: usize, inner: usize) -> bool {
        let mut at = inner;
        for _ in 0..32 {
            let e = &self.entries[at];
            let parent = e
                .within
                .as_deref()
                .or(e.country.as_deref().filter(|c| *c != e.id));
            match parent.and_then(|p| self.ids.get(p)) {
                Some(&p) if p == outer => return true,
                Some(&p) if p != at => at = p,
                _ => return false,
            }
        }
        false
    }

    /// Spellings that are never a mention, though they fold like a name.
    pub fn not_names(&self) -> &[String] {
        &self.not_names
    }

    /// Entries from `preferred` on win where their names collide with earlier ones.
    fn assemble(
        entries: Vec<Entry>,
        not_names: Vec<String>,
        replace: bool,
        preferred: usize,
    ) -> Gazetteer {
        let ids = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        let matcher = Matcher::build(&entries, &not_names, preferred);
        Gazetteer {
            entries,
            ids,
            matcher,
            not_names,
            replace,
        }
    }
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

    /// The place in the tree: the field's value (or the group's, for a field the entry takes
    /// from its group), the list item, or else the entry.
    fn mark(self, tree: &Node) -> Option<Mark> {
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
        Ok(entries) => Ok(Gazetteer::assemble(entries, raw.not_names, raw.replace, 0)),
        Err(p) => {
            let tree = yaml::parse_tree(text).ok();
            let mark = |at: At| tree.as_ref().and_then(|t| at.mark(t));
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
        assert!(
            names("The former premier, al-Maliki, said so.")
                .contains(&"Nouri al-Maliki".to_string())
        );
    }
}
