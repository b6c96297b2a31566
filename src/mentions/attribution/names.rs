//! Names people recognise, through the gazetteer: "the Russian ministry of defense" →
//! "Russian Defence Ministry", "Konashenkov" → "Igor Konashenkov (Russian Defence Ministry)",
//! "the Russians" → "Russia". Names the gazetteer does not know stay as the text wrote them.

use crate::gazetteer::{EntityKind, Entry, Gazetteer};
use crate::mentions::facets::{Names, plain_canonical};

/// The entry a name stands for: the whole name, else the one entry found inside it
/// ("the heavily-relied-on Syrian Observatory for Human Rights organization").
pub fn entry_for<'g>(gaz: &'g Gazetteer, name: &str) -> Option<&'g Entry> {
    let trimmed = name
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    if let Some(e) = gaz.lookup(trimmed).or_else(|| gaz.lookup(name.trim())) {
        return Some(e);
    }
    let found = gaz.find(trimmed);
    let [m] = found.as_slice() else {
        return None;
    };
    // The match must be most of the name: "Russian" in "Russian ministry of defense" is not.
    let covered = m.end - m.start;
    let letters = trimmed.chars().filter(|c| c.is_alphanumeric()).count();
    (covered * 10 >= letters * 6 && !m.demonym).then(|| gaz.entry(m.entry))
}

/// The name a speaker goes by: seats of government speak for their government
/// ("Damascus" → "Syrian government"); everything else by the entry's name.
pub fn speaker_name(gaz: &Gazetteer, name: &str) -> Option<String> {
    let e = entry_for(gaz, name)?;
    if let Some(seat) = e.seat_of.as_deref().and_then(|id| gaz.by_id(id)) {
        return Some(seat.name.clone());
    }
    Some(e.name.clone())
}

/// A person's name and office: the gazetteer's, else the text's office made canonical.
pub fn person_display(gaz: &Gazetteer, name: &str, office: Option<&str>) -> String {
    if let Some(e) = gaz.lookup(name).filter(|e| e.kind == EntityKind::Person) {
        let aff = e
            .affiliation
            .as_deref()
            .or(e.country.as_deref())
            .and_then(|id| gaz.by_id(id))
            .map(|a| a.name.clone());
        return match aff {
            Some(a) => format!("{} ({a})", e.name),
            None => e.name.clone(),
        };
    }
    // Text wrapped by hand breaks names across lines: "Safety\nBoard" is "Safety Board".
    let one_line = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    match office.map(|o| office_name(gaz, o)) {
        Some(o) if !o.is_empty() => format!("{} ({})", one_line(name), one_line(&o)),
        _ => one_line(name),
    }
}

/// An office as the text gives it, made canonical: an institution the gazetteer knows, else
/// the country of a demonym ("Iranian Parliamentary Director General" → "Iran"), else the
/// words as written.
fn office_name(gaz: &Gazetteer, office: &str) -> String {
    if let Some(e) = entry_for(gaz, office) {
        return e.name.clone();
    }
    let found = gaz.find(office);
    if let Some(m) = found.iter().find(|m| {
        !m.demonym
            && matches!(
                gaz.entry(m.entry).kind,
                EntityKind::Government
                    | EntityKind::Organisation
                    | EntityKind::Media
                    | EntityKind::ArmedGroup
            )
    }) {
        return gaz.entry(m.entry).name.clone();
    }
    if let Some(m) = found
        .iter()
        .find(|m| gaz.entry(m.entry).kind == EntityKind::Country)
    {
        return gaz.entry(m.entry).name.clone();
    }
    office.to_string()
}

/// The state an entity speaks for: a country, a government body's country, a person's
/// institution's country.
pub fn state_of(gaz: &Gazetteer, name: &str) -> Option<String> {
    let mut e = entry_for(gaz, name)?;
    for _ in 0..8 {
        if e.kind == EntityKind::Country {
            return Some(e.name.clone());
        }
        if matches!(e.kind, EntityKind::Government)
            && let Some(c) = e.country.as_deref().and_then(|id| gaz.by_id(id))
        {
            return Some(c.name.clone());
        }
        if let Some(seat) = e.seat_of.as_deref().and_then(|id| gaz.by_id(id)) {
            e = seat;
            continue;
        }
        match e.affiliation.as_deref().and_then(|id| gaz.by_id(id)) {
            Some(a) if e.kind == EntityKind::Person => e = a,
            _ => return None,
        }
    }
    None
}

/// Canonical actor names for facets, through the gazetteer.
#[derive(Debug, Clone, Copy)]
pub struct GazetteerNames<'g>(pub &'g Gazetteer);

impl GazetteerNames<'_> {
    fn one(&self, name: &str, country_level: bool) -> String {
        let gaz = self.0;
        let plain = plain_canonical(name);
        let Some(e) = entry_for(gaz, name).or_else(|| entry_for(gaz, &plain)) else {
            // "Syrian Aerospace Forces", "Russian pilots": the country of the demonym.
            if country_level {
                let found = gaz.find(name);
                if let Some(m) = found.first()
                    && m.demonym
                    && name[..m.start]
                        .trim()
                        .trim_start_matches("the")
                        .trim()
                        .is_empty()
                {
                    let e = gaz.entry(m.entry);
                    let country = if e.kind == EntityKind::Country {
                        Some(e)
                    } else {
                        e.country.as_deref().and_then(|id| gaz.by_id(id))
                    };
                    if let Some(c) = country {
                        return c.name.clone();
                    }
                }
            }
            return plain;
        };
        // Perpetrators compare at the level of the state: "Russian Aerospace Forces" and
        // "the Russians" are both Russia. A coalition stays a coalition.
        if country_level
            && matches!(e.kind, EntityKind::Government)
            && !e.name.to_lowercase().contains("coalition")
            && let Some(c) = e.country.as_deref().and_then(|id| gaz.by_id(id))
        {
            return c.name.clone();
        }
        if let Some(seat) = e.seat_of.as_deref().and_then(|id| gaz.by_id(id)) {
            if country_level && let Some(c) = seat.country.as_deref().and_then(|id| gaz.by_id(id)) {
                return c.name.clone();
            }
            return seat.name.clone();
        }
        e.name.clone()
    }

    fn names(&self, name: &str, country_level: bool) -> String {
        // "Russia and Syria", "Russia/Syria", "the Russian and Syrian Aerospace Forces".
        let parts: Vec<&str> = name
            .split(" and ")
            .flat_map(|p| p.split('/'))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            return self.one(name, country_level);
        }
        let mut out: Vec<String> = Vec::new();
        for p in parts {
            let n = self.one(p, country_level);
            if !out.contains(&n) {
                out.push(n);
            }
        }
        out.join(" and ")
    }
}

impl Names for GazetteerNames<'_> {
    fn canonical(&self, name: &str) -> String {
        self.names(name, false)
    }

    fn actor(&self, name: &str) -> String {
        self.names(name, true)
    }

    fn is_place(&self, name: &str) -> bool {
        entry_for(self.0, name).is_some_and(|e| e.kind == EntityKind::Place)
    }
}
