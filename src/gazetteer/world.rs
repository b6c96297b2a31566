//! The generated world table, `data/gazetteer-world.tsv`: countries and territories,
//! ISO 3166-2 subdivisions and GeoNames cities of 15,000 people or more, written by
//! `scripts/gazetteer/build_world.py`.
//!
//! One entry a line, tab-separated: `id kind role names within country population`, where
//! `names` is `|`-separated with the display name first. A display name written `?Name` needs
//! context: it is a mention only when the text names, nearby, a place it lies in or one that
//! lies in it ("Reading, England"; "Nice ... Alpes-Maritimes"). A line whose id is a
//! hand-made entry's is a link: it gives that entry its province when it has none, and
//! nothing else, for the hand-made table wins.

use super::entry::{EntityKind, Entry};

pub(crate) const WORLD_FILE: &str = "data/gazetteer-world.tsv";
pub(crate) const WORLD_TEXT: &str = include_str!("../../data/gazetteer-world.tsv");

/// One line of the world table.
pub(crate) struct Row<'a> {
    pub id: &'a str,
    pub kind: EntityKind,
    pub role: &'a str,
    /// Display name first; empty for a link to a hand-made entry.
    pub names: &'a str,
    pub within: &'a str,
    pub country: &'a str,
    pub population: u32,
}

impl Row<'_> {
    /// The display name needs a containing or contained place named nearby.
    pub fn gated(&self) -> bool {
        self.names.starts_with('?')
    }

    /// The entry this line describes (not for a link).
    pub fn entry(&self) -> Entry {
        let mut names = self.names.trim_start_matches('?').split('|');
        let name = names.next().unwrap_or_default().to_string();
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Entry {
            id: self.id.to_string(),
            name,
            kind: self.kind,
            aliases: names.map(str::to_string).collect(),
            demonyms: Vec::new(),
            country: some(self.country).filter(|c| c != self.id),
            within: some(self.within),
            affiliation: None,
            role: some(self.role),
            capital: None,
            seat_of: None,
            note: None,
        }
    }
}

/// The lines of a world table; a malformed line is an error naming it.
pub(crate) fn rows(text: &str) -> Result<Vec<Row<'_>>, (usize, String)> {
    let mut out = Vec::with_capacity(text.len() / 56);
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let mut next = || f.next().unwrap_or_default();
        let (id, kind, role, names, within, country, population) =
            (next(), next(), next(), next(), next(), next(), next());
        let kind = match kind {
            "country" => EntityKind::Country,
            "place" => EntityKind::Place,
            other => return Err((n + 1, format!("unknown kind `{other}` of `{id}`"))),
        };
        if id.is_empty() || (country.is_empty() && kind == EntityKind::Place && !names.is_empty()) {
            return Err((n + 1, format!("line needs an id and a country: {line:?}")));
        }
        let population = if population.is_empty() {
            0
        } else {
            population
                .parse()
                .map_err(|_| (n + 1, format!("population `{population}` of `{id}`")))?
        };
        out.push(Row {
            id,
            kind,
            role,
            names,
            within,
            country,
            population,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::gazetteer::{Gazetteer, key};

    #[test]
    fn a_line_reads_as_an_entry() {
        let text = "# comment\nsavar-bd\tplace\tcity\tSavar|Shavar\tbd-c\tbangladesh\t286008\n\
                    reading-gb\tplace\tcity\t?Reading\tengland\tunited-kingdom\t318014\n";
        let rows = rows(text).unwrap();
        assert_eq!(rows.len(), 2);
        let e = rows[0].entry();
        assert_eq!(
            (e.name.as_str(), e.aliases.clone()),
            ("Savar", vec!["Shavar".to_string()])
        );
        assert_eq!(e.within.as_deref(), Some("bd-c"));
        assert_eq!(e.country.as_deref(), Some("bangladesh"));
        assert_eq!(rows[0].population, 286_008);
        assert!(!rows[0].gated());
        assert!(rows[1].gated());
        assert_eq!(rows[1].entry().name, "Reading");
        assert!(super::rows("x\tvillage\tcity\tX\t\tsyria\t1\n").is_err());
        assert!(super::rows("x\tplace\tcity\tX\t\tsyria\tmany\n").is_err());
    }

    #[test]
    fn every_reference_of_the_world_table_names_an_entry() {
        let g = Gazetteer::builtin();
        let mut ids = HashSet::new();
        for row in rows(WORLD_TEXT).unwrap() {
            assert!(ids.insert(row.id), "duplicate id {}", row.id);
            for r in [row.within, row.country] {
                assert!(r.is_empty() || g.index_of(r).is_some(), "{}: {r}", row.id);
            }
        }
    }

    #[test]
    fn no_world_entry_lists_a_name_twice() {
        for row in rows(WORLD_TEXT)
            .unwrap()
            .iter()
            .filter(|r| !r.names.is_empty())
        {
            let mut seen = HashSet::new();
            for n in row.names.trim_start_matches('?').split('|') {
                assert!(!key(n).is_empty(), "{}: {n:?} has no letters", row.id);
                let spelt: String = n.chars().filter(|c| c.is_alphanumeric()).collect();
                assert!(seen.insert(spelt.to_lowercase()), "{}: {n} twice", row.id);
            }
        }
    }

    #[test]
    fn world_names_match_only_as_spelt() {
        let g = Gazetteer::builtin();
        let found = |t: &str| -> Vec<String> {
            g.find(t)
                .iter()
                .map(|m| g.entry(m.entry).id.clone())
                .collect()
        };
        assert_eq!(found("Floods in Chennai."), ["chennai-in"]);
        assert!(
            found("Dick Cheney spoke.")
                .iter()
                .all(|id| id != "chennai-in")
        );
        assert!(g.lookup("Cheney").is_none_or(|e| e.id != "chennai-in"));
    }

    #[test]
    fn every_world_place_lies_in_its_country() {
        let g = Gazetteer::builtin();
        for row in rows(WORLD_TEXT).unwrap() {
            if row.names.is_empty() || row.kind != EntityKind::Place {
                continue;
            }
            let (i, c) = (
                g.index_of(row.id).unwrap(),
                g.index_of(row.country).unwrap(),
            );
            assert!(g.contains(c, i), "{} not within {}", row.id, row.country);
        }
    }
}
