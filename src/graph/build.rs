//! Clusters of document events become timeline events: ids, titles, dates, places, accounts.

use std::collections::{BTreeMap, BTreeSet};

use crate::mentions::docevent::{DocEvent, Mention, TimeBasis};
use crate::mentions::triggers::EventType;
use crate::timeline::{Account, Event, FacetValue, Facets, Stance, When};

/// One merged event before it becomes a timeline `Event`.
pub struct Merged<'a> {
    pub members: Vec<&'a DocEvent>,
}

impl Merged<'_> {
    /// The event type most of the members give, weightiest first on ties.
    pub fn kind(&self) -> EventType {
        let mut counts: BTreeMap<EventType, usize> = BTreeMap::new();
        for m in &self.members {
            *counts.entry(m.kind).or_default() += m.mentions.len().max(1);
        }
        counts
            .into_iter()
            .max_by_key(|(k, n)| (*n, k.weight(), std::cmp::Reverse(*k)))
            .map_or(EventType::Statement, |(k, _)| k)
    }

    /// The date: the strongest basis wins; dates on that basis are intersected, or, when they
    /// disagree, the most precise is taken (the disagreement shows up as a `date` dispute).
    pub fn when(&self) -> (When, TimeBasis) {
        let Some(best) = self
            .members
            .iter()
            .filter(|m| !m.when.is_unknown())
            .map(|m| m.basis)
            .min()
        else {
            return (When::Unknown, TimeBasis::Unknown);
        };
        let dates: Vec<&When> = self
            .members
            .iter()
            .filter(|m| m.basis == best && !m.when.is_unknown())
            .map(|m| &m.when)
            .collect();
        let mut range = dates[0].day_range();
        for w in &dates[1..] {
            range = match (range, w.day_range()) {
                (Some((a0, a1)), Some((b0, b1))) if a0.max(b0) <= a1.min(b1) => {
                    Some((a0.max(b0), a1.min(b1)))
                }
                _ => None,
            };
        }
        if let Some((lo, hi)) = range {
            // Keep the text's own precision when one of the dates is exactly the intersection.
            if let Some(w) = dates.iter().find(|w| w.day_range() == Some((lo, hi))) {
                return (**w, best);
            }
            if (hi - lo).num_days() < 400 {
                return (When::between(lo, hi), best);
            }
        }
        let most_precise = dates
            .iter()
            .min_by_key(|w| w.day_range().map(|(a, b)| (b - a).num_days()))
            .copied();
        (most_precise.copied().unwrap_or_default(), best)
    }

    /// Names ranked by how many members give them.
    fn ranked(&self, pick: impl Fn(&DocEvent) -> &[String]) -> Vec<String> {
        let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut order = 0;
        for m in &self.members {
            for name in pick(m) {
                order += 1;
                let e = counts.entry(name.as_str()).or_insert((0, order));
                e.0 += 1;
            }
        }
        let mut v: Vec<(&str, (usize, usize))> = counts.into_iter().collect();
        v.sort_by_key(|(_, (n, first))| (std::cmp::Reverse(*n), *first));
        v.into_iter().map(|(name, _)| name.to_string()).collect()
    }

    pub fn places(&self) -> Vec<String> {
        self.ranked(|m| &m.places)
    }

    /// The gazetteer's places, else the places the accounts give ("near the village of X"
    /// names a place the gazetteer may not know), most given first.
    pub fn places_given(&self, accounts: &[Account]) -> Vec<String> {
        let known = self.places();
        if !known.is_empty() {
            return known;
        }
        let mut counts: Vec<(String, usize)> = Vec::new();
        for a in accounts {
            if let Some(p) = a.facets.get("place") {
                let p = p.to_string();
                match counts.iter_mut().find(|(q, _)| *q == p) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((p, 1)),
                }
            }
        }
        // Stable: ties keep the order of first appearance.
        counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        counts.into_iter().map(|(p, _)| p).collect()
    }

    pub fn actors(&self) -> Vec<String> {
        self.ranked(|m| &m.actors)
    }

    /// The actors a title names as parties: not the people who speak about the event, nor
    /// the bodies they speak for ("Sergey Rudskoy (Russian General Staff)" names neither).
    fn parties(&self) -> Vec<String> {
        let mut speakers: BTreeSet<&str> = BTreeSet::new();
        for (_, m) in self.mentions() {
            if let Some((person, body)) = m.claimant.split_once(" (") {
                speakers.insert(person);
                speakers.insert(body.trim_end_matches(')'));
            }
        }
        self.actors()
            .into_iter()
            .filter(|a| !speakers.contains(a.as_str()))
            .collect()
    }

    /// Every mention, documents in member order, each in text order, duplicates removed.
    pub fn mentions(&self) -> Vec<(&str, &Mention)> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for m in &self.members {
            for mention in &m.mentions {
                if seen.insert((m.doc.as_str(), mention.start, mention.end)) {
                    out.push((m.doc.as_str(), mention));
                }
            }
        }
        out
    }

    /// The asserted value of a facet most mentions give, if any: whom a bare denial answers.
    fn majority_facet(&self, name: &str) -> Option<String> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (_, m) in self.mentions() {
            if m.stance == Stance::Denies {
                continue;
            }
            if let Some(v) = m.facets.get(name) {
                let v = v.to_string();
                if !v.starts_with("not ") {
                    *counts.entry(v).or_default() += 1;
                }
            }
        }
        counts
            .into_iter()
            .max_by_key(|(v, n)| (*n, std::cmp::Reverse(v.clone())))
            .map(|(v, _)| v)
    }

    /// The value of a facet for a title: only when every account that gives the facet gives
    /// that value and none denies it. A title never takes a side in a dispute.
    fn facet(accounts: &[Account], name: &str) -> Option<String> {
        let mut values: BTreeSet<String> = BTreeSet::new();
        for a in accounts {
            if let Some(v) = a.facets.get(name) {
                let v = v.to_string();
                if a.stance == Stance::Denies || v.starts_with("not ") {
                    return None;
                }
                values.insert(v);
            }
        }
        let mut values = values.into_iter();
        match (values.next(), values.next()) {
            (Some(v), None) => Some(v),
            _ => None,
        }
    }

    /// A short readable title from the type, the actors, the place, and the facets its
    /// accounts agree on.
    pub fn title(&self, accounts: &[Account]) -> String {
        let kind = self.kind();
        let place = self.places_given(accounts).into_iter().next();
        let actors = self.parties();
        let perpetrator = Self::facet(accounts, "perpetrator");
        let target = Self::facet(accounts, "target");
        let near =
            |p: &Option<String>| p.as_ref().map(|p| format!(" near {p}")).unwrap_or_default();
        let in_ = |p: &Option<String>| p.as_ref().map(|p| format!(" in {p}")).unwrap_or_default();
        let first_actor = actors.first().cloned();
        let title = match kind {
            EventType::Attack => {
                let what = if self.mentions_word(&[
                    "air strike",
                    "airstrike",
                    "air raid",
                    "warplane",
                    "jets",
                    "bombed",
                ]) {
                    "air strike"
                } else {
                    "attack"
                };
                // When the accounts do not agree on the target, the kind of thing hit, which
                // they all name, still tells this attack from others.
                let target = target.or_else(|| self.struck_thing().map(|t| format!("a {t}")));
                match (&perpetrator, &target) {
                    (Some(p), Some(t)) => format!("{p} {what} on {t}{}", near(&place)),
                    (Some(p), None) => format!("{p} {what}{}", near(&place)),
                    (None, Some(t)) => format!("{} on {t}{}", capitalise(what), near(&place)),
                    (None, None) => format!("{}{}", capitalise(what), near(&place)),
                }
            }
            EventType::Offensive => match &first_actor {
                Some(a) => format!("{a} offensive{}", near(&place)),
                None => format!("Offensive{}", near(&place)),
            },
            // Who brokered a truce and who is bound by it are often not the same: the title
            // names where it holds, else who is involved, without calling them its parties.
            EventType::Truce => match (&place, actors.as_slice()) {
                (Some(_), _) | (None, [] | [_]) => format!("Ceasefire{}", in_(&place)),
                (None, [a, b, ..]) => format!("Ceasefire involving {a} and {b}"),
            },
            EventType::TruceEnd => match &first_actor {
                Some(a) => format!("{a} declares the ceasefire over"),
                None => format!("Ceasefire ends{}", in_(&place)),
            },
            EventType::Agreement => match actors.as_slice() {
                [a, b, ..] => format!("Agreement between {a} and {b}"),
                _ => format!("Agreement{}", in_(&place)),
            },
            EventType::Meeting => match actors.as_slice() {
                [a, b, ..] => format!("{a} and {b} meet{}", in_(&place)),
                [a] => format!("{a} meeting{}", in_(&place)),
                [] => format!("Meeting{}", in_(&place)),
            },
            EventType::Walkout => {
                let talks = self.mentions_word(&["talks", "negotiations", "conference"]);
                let what = if talks { " of talks" } else { "" };
                match &first_actor {
                    Some(a) => format!("{a} walks out{what}{}", in_(&place)),
                    None => format!("Walk-out{what}{}", in_(&place)),
                }
            }
            EventType::Withdrawal => match &first_actor {
                Some(a) => format!("{a} withdraws{}", near(&place)),
                None => format!("Withdrawal{}", near(&place)),
            },
            EventType::Aid => {
                let what = if self.mentions_word(&["convoy"]) {
                    "Aid convoy"
                } else {
                    "Humanitarian aid"
                };
                match &place {
                    Some(p) => format!("{what} for {p}"),
                    None => what.to_string(),
                }
            }
            EventType::Defection => match &first_actor {
                Some(a) => format!("Defections from {a}"),
                None => "Defections".to_string(),
            },
            // An event of the open vocabulary: its class's noun, who did it, where.
            EventType::Open(_) => {
                let noun = kind.noun();
                match &first_actor {
                    Some(a) => format!("{a} {noun}{}", in_(&place)),
                    None => format!("{}{}", capitalise(noun), in_(&place)),
                }
            }
            EventType::Statement => {
                let speaker = self.main_speaker().or(first_actor);
                match speaker {
                    Some(s) => format!("Statement by {s}{}", in_(&place)),
                    None => format!("Statement{}", in_(&place)),
                }
            }
        };
        shorten(&title, 90)
    }

    /// The kind of thing attacked that most accounts telling the attack name: "convoy",
    /// "hospital".
    fn struck_thing(&self) -> Option<&'static str> {
        const THINGS: &[&str] = &[
            "convoy",
            "hospital",
            "clinic",
            "school",
            "market",
            "mosque",
            "church",
            "bakery",
            "checkpoint",
            "wedding",
            "funeral",
            "airport",
            "embassy",
            "bridge",
            "power station",
        ];
        // Lower-cased once: the quotes of the accounts that tell the attack.
        let quotes: Vec<String> = self
            .mentions()
            .iter()
            .filter(|(_, m)| m.trigger.is_some_and(|t| t.compatible(EventType::Attack)))
            .map(|(_, m)| m.quote.to_lowercase())
            .collect();
        THINGS
            .iter()
            .map(|&w| (w, quotes.iter().filter(|q| has_word(q, w)).count()))
            .filter(|&(_, n)| n > 0)
            .max_by_key(|&(w, n)| (n, std::cmp::Reverse(THINGS.iter().position(|&t| t == w))))
            .map(|(w, _)| w)
    }

    fn mentions_word(&self, words: &[&str]) -> bool {
        self.members.iter().any(|m| {
            let gist = m.gist.to_lowercase();
            words.iter().any(|w| gist.contains(w))
        })
    }

    /// The named claimant with most accounts in the event.
    fn main_speaker(&self) -> Option<String> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (_, m) in self.mentions() {
            if m.claimant_kind == crate::mentions::ClaimantKind::Named {
                *counts.entry(m.claimant.as_str()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c)))
            .map(|(c, _)| c.to_string())
    }
}

/// `word` in lower-case `text` as a whole word (or its plural).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..]
            .trim_start_matches('s')
            .chars()
            .next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Cut at a word boundary, with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    // Words from text wrapped by hand keep one space between them.
    let joined;
    let s = if s.contains(['\n', '\r', '\t']) || s.contains("  ") {
        joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.as_str()
    } else {
        s
    };
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end_matches([',', ';', ':']))
}

/// A slug for ids: lower case ASCII letters and digits joined by single hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

/// A readable event id: `2016-09-17-air-strike-deir-ez-zor`, made unique with a suffix.
pub fn event_id(when: &When, title: &str, taken: &mut BTreeSet<String>) -> String {
    let date = match when {
        When::Unknown => "undated".to_string(),
        w => w.earliest().map_or("undated".to_string(), |t| {
            let d = t.date().to_string();
            match w.precision() {
                Some(crate::timeline::Precision::Year) => d[..4].to_string(),
                Some(crate::timeline::Precision::Month) => d[..7].to_string(),
                _ => d,
            }
        }),
    };
    let words: Vec<&str> = title.split_whitespace().take(6).collect();
    let base = format!("{date}-{}", slug(&words.join(" ")));
    let base = base.trim_end_matches('-').to_string();
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Accounts for the mentions of an event; ids are `<source>-<n>` in text order per source,
/// numbered by the caller's counter so they are unique in the timeline.
pub fn accounts(
    merged: &Merged<'_>,
    counters: &mut BTreeMap<String, usize>,
    event_when: &When,
) -> Vec<Account> {
    let mentions = merged.mentions();
    // An account that dates the event itself, differently from the others, keeps its date as
    // a facet, so the disagreement is visible as a `date` dispute.
    let own_dates: Vec<Option<When>> = mentions
        .iter()
        .map(|(_, m)| {
            m.facets
                .get("date")
                .and_then(|v| v.to_string().parse::<When>().ok())
        })
        .collect();
    let disagree = own_dates
        .iter()
        .flatten()
        .any(|w| !w.overlaps(event_when) || own_dates.iter().flatten().any(|o| !o.overlaps(w)));
    let accused = merged.majority_facet("perpetrator");
    let denied: Vec<Option<Facets>> = mentions
        .iter()
        .map(|&(doc, m)| denied_claim(doc, m, &mentions, accused.as_deref()))
        .collect();
    mentions
        .into_iter()
        .zip(own_dates)
        .zip(denied)
        .map(|(((doc, m), own), denied)| {
            let n = counters.entry(doc.to_string()).or_default();
            *n += 1;
            let mut facets = m.facets.clone();
            if let Some(denied) = denied {
                facets = denied;
            }
            if !disagree {
                facets.remove("date");
            } else if let Some(w) = own {
                facets.insert("date".into(), FacetValue::Text(w.to_string()));
            }
            Account {
                id: format!("{doc}-{n}"),
                source: doc.to_string(),
                claimant: m.claimant.clone(),
                via: m.via.clone(),
                stated_on: m.stated_on,
                stance: m.stance,
                summary: None,
                quote: Some(m.quote.clone()),
                span: Some([m.start, m.end]),
                facets,
                comment: m.comment,
            }
        })
        .collect()
}

/// Facets a claim can be denied on; counts and places are contradicted with figures instead.
const DENIABLE: &[&str] = &["perpetrator", "intent", "prior_notice", "responsible"];

/// What a denial that names nothing of its own ("Obviously, this is not true", "We reject
/// such allegations") denies: the nearest claim before it in the same text, by someone else,
/// that has a deniable facet; else the event's accusation. `None` for other accounts.
fn denied_claim(
    doc: &str,
    m: &Mention,
    mentions: &[(&str, &Mention)],
    accused: Option<&str>,
) -> Option<Facets> {
    if m.stance != Stance::Denies || !m.facets.is_empty() {
        return None;
    }
    let negate = |facet: &str, v: &str| match (facet, v) {
        // Intent has two values: saying "it was no accident" is saying it was deliberate.
        ("intent", "accidental") => "deliberate".to_string(),
        ("intent", "deliberate") => "accidental".to_string(),
        // "Y informed" and "Y not informed", as the facet extractor writes them.
        ("prior_notice", v) => match v.strip_suffix(" not informed") {
            Some(who) => format!("{who} informed"),
            None => format!("{} not informed", v.trim_end_matches(" informed")),
        },
        _ => v
            .strip_prefix("not ")
            .map_or_else(|| format!("not {v}"), str::to_string),
    };
    let previous = mentions
        .iter()
        .filter(|(d, p)| {
            *d == doc
                && p.start < m.start
                && p.claimant != m.claimant
                && p.stance != Stance::Denies
                && DENIABLE.iter().any(|f| p.facets.contains_key(f))
        })
        .max_by_key(|(_, p)| p.start);
    let mut out = Facets::new();
    match previous {
        Some((_, p)) => {
            for f in DENIABLE {
                if let Some(v) = p.facets.get(f) {
                    out.insert(
                        (*f).to_string(),
                        FacetValue::Text(negate(f, &v.to_string())),
                    );
                }
            }
        }
        None => {
            out.insert(
                "perpetrator".into(),
                FacetValue::Text(negate("perpetrator", accused?)),
            );
        }
    }
    Some(out)
}

/// A timeline event for a merged cluster.
pub fn event(
    merged: &Merged<'_>,
    taken: &mut BTreeSet<String>,
    counters: &mut BTreeMap<String, usize>,
) -> Event {
    let (when, _) = merged.when();
    let accounts = accounts(merged, counters, &when);
    let title = merged.title(&accounts);
    let id = event_id(&when, &title, taken);
    let kind = merged.kind();
    Event {
        id,
        title,
        when,
        places: merged.places_given(&accounts),
        actors: merged.actors().into_iter().take(6).collect(),
        tags: vec![kind.noun().replace(' ', "-")],
        accounts,
        disputes: Vec::new(),
        notes: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_ids() {
        assert_eq!(
            slug("Air strike near Deir ez-Zor!"),
            "air-strike-near-deir-ez-zor"
        );
        assert_eq!(slug("Ma'arrat an-Nu'mān"), "ma-arrat-an-nu-man");
        let mut taken = BTreeSet::new();
        let w: When = "2016-09-17".parse().unwrap();
        assert_eq!(
            event_id(&w, "Air strike near Deir ez-Zor", &mut taken),
            "2016-09-17-air-strike-near-deir-ez-zor"
        );
        assert_eq!(
            event_id(&w, "Air strike near Deir ez-Zor", &mut taken),
            "2016-09-17-air-strike-near-deir-ez-zor-2"
        );
        let m: When = "2016-02".parse().unwrap();
        assert_eq!(event_id(&m, "Strike", &mut taken), "2016-02-strike");
    }

    fn mention(start: usize, claimant: &str, stance: Stance, facets: &[(&str, &str)]) -> Mention {
        Mention {
            start,
            end: start + 10,
            quote: String::new(),
            claimant: claimant.into(),
            claimant_kind: crate::mentions::ClaimantKind::Named,
            via: Vec::new(),
            stance,
            facets: facets
                .iter()
                .map(|(k, v)| ((*k).to_string(), FacetValue::Text((*v).to_string())))
                .collect(),
            comment: false,
            stated_on: None,
            trigger: None,
        }
    }

    #[test]
    fn a_bare_denial_denies_the_claim_before_it() {
        let us = mention(0, "Pentagon", Stance::Asserts, &[("intent", "accidental")]);
        let notice = mention(
            20,
            "Pentagon",
            Stance::Asserts,
            &[("prior_notice", "Russia informed")],
        );
        let monitor = mention(40, "Monitor", Stance::Asserts, &[("killed", "62")]);
        let denial = mention(60, "Columnist", Stance::Denies, &[]);
        let elsewhere = mention(0, "Ministry", Stance::Denies, &[]);
        let all = [
            ("a", &us),
            ("a", &notice),
            ("a", &monitor),
            ("a", &denial),
            ("b", &elsewhere),
        ];
        let got = |all: &[(&str, &Mention)], doc: &str, m: &Mention| {
            denied_claim(doc, m, all, Some("United States")).map(|f| {
                f.into_iter()
                    .map(|(k, v)| format!("{k}: {v}"))
                    .collect::<Vec<_>>()
            })
        };
        // The nearest deniable claim is the notice; counts are contradicted, not denied.
        assert_eq!(
            got(&all, "a", &denial),
            Some(vec!["prior_notice: Russia not informed".into()])
        );
        // Denying that it was an accident is saying it was deliberate.
        let no_notice = [("a", &us), ("a", &monitor), ("a", &denial)];
        assert_eq!(
            got(&no_notice, "a", &denial),
            Some(vec!["intent: deliberate".into()])
        );
        // With nothing before it in its own text, it denies the event's accusation.
        assert_eq!(
            got(&all, "b", &elsewhere),
            Some(vec!["perpetrator: not United States".into()])
        );
        // Accounts that are not bare denials are left alone.
        assert_eq!(got(&all, "a", &us), None);
    }

    fn doc_event(kind: EventType, places: &[&str], actors: &[&str], ms: Vec<Mention>) -> DocEvent {
        DocEvent {
            places: places.iter().map(|p| (*p).to_string()).collect(),
            actors: actors.iter().map(|a| (*a).to_string()).collect(),
            mentions: ms,
            ..DocEvent::new("a", kind, When::Unknown, TimeBasis::Unknown)
        }
    }

    fn title_of(e: &DocEvent) -> String {
        let merged = Merged { members: vec![e] };
        let mut counters = BTreeMap::new();
        let accounts = accounts(&merged, &mut counters, &When::Unknown);
        merged.title(&accounts)
    }

    #[test]
    fn titles_take_no_side_and_name_no_speaker() {
        let mut struck = mention(0, "Ministry", Stance::Asserts, &[("perpetrator", "Peru")]);
        struck.quote = "Peru shelled the convoy".into();
        struck.trigger = Some(EventType::Attack);
        let agreed = doc_event(EventType::Attack, &["Arica"], &[], vec![struck.clone()]);
        assert_eq!(title_of(&agreed), "Peru attack on a convoy near Arica");
        // Another account names someone else: the title names neither.
        let other = mention(30, "Monitor", Stance::Asserts, &[("perpetrator", "Chile")]);
        let disputed = doc_event(
            EventType::Attack,
            &["Arica"],
            &[],
            vec![struck.clone(), other],
        );
        assert_eq!(title_of(&disputed), "Attack on a convoy near Arica");
        // A denial of the accusation is a dispute too.
        let denial = mention(30, "Lima", Stance::Denies, &[("perpetrator", "not Peru")]);
        let denied = doc_event(EventType::Attack, &["Arica"], &[], vec![struck, denial]);
        assert_eq!(title_of(&denied), "Attack on a convoy near Arica");
        // A place the gazetteer does not know, given by the accounts.
        let mut local = mention(0, "Mayor", Stance::Asserts, &[("place", "Tessit")]);
        local.quote = "a drone hit a wedding party near Tessit".into();
        local.trigger = Some(EventType::Attack);
        let unknown = doc_event(EventType::Attack, &[], &[], vec![local]);
        assert_eq!(title_of(&unknown), "Attack on a wedding near Tessit");
        // The spokesman announcing a truce and his ministry are not its parties.
        let said = mention(0, "Ana Ruiz (Defence Ministry)", Stance::Asserts, &[]);
        let truce = doc_event(
            EventType::Truce,
            &[],
            &["Defence Ministry", "Ana Ruiz", "Peru", "Chile"],
            vec![said],
        );
        assert_eq!(title_of(&truce), "Ceasefire involving Peru and Chile");
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten("short", 12), "short");
        assert_eq!(
            shorten("attack on the\naircraft", 90),
            "attack on the aircraft"
        );
    }
}
