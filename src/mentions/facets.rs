//! Facets a claim gives about its event, phrased so that the same meaning is the same value
//! and `timeline::disputes` can compare accounts: counts (`killed: at least 62`), `intent`,
//! `perpetrator`, `target`, `prior_notice`, `responsible`, `place`, `date`.

use std::collections::BTreeMap;

use super::attribution::tokens::{Kind, Toks};
use crate::timeline::FacetValue;
use crate::timeline::disputes::{is_number_word, words_to_number};

/// What the facet extractor needs to know beyond the words.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    /// The claim denies (or doubts) its content: "denied that X struck", "X did not strike".
    pub denies: bool,
    /// Who was told, when the claim is "X informed Y of ...".
    pub recipient: Option<&'a str>,
    /// Actors named earlier in the sentence, oldest first: what "they" can be.
    pub actors: Vec<String>,
    /// The claimant, which "they" in its own claim does not refer to.
    pub claimant: &'a str,
    /// The document date, which places a date written without its year ("on September 17").
    pub dct: Option<chrono::NaiveDate>,
    /// Actors named in the last few sentences, oldest first: what a bare "the coalition"
    /// stands for.
    pub recent: Vec<String>,
    /// The state the claimant speaks for, if any: a government that rejects "such
    /// allegations" denies its own part.
    pub claimant_state: Option<String>,
    /// Questioned rather than denied: "unclear whether it was A or B" names candidates.
    pub questions: bool,
}

/// Canonical spelling of an actor's name: the same actor is spelled the same way.
pub trait Names {
    /// The name of an actor, organisation or place as one entry spells it.
    fn canonical(&self, name: &str) -> String;
    /// Who did something, at the level of the state where a state acts ("Russian
    /// warplanes" → "Russia"); coalitions and groups keep their names.
    fn actor(&self, name: &str) -> String {
        self.canonical(name)
    }
    /// Whether a name is a place (a city, a region, a road): places do not act.
    fn is_place(&self, _name: &str) -> bool {
        false
    }
}

/// Spelling without a gazetteer: determiners and possessives go; "U.S.", "US", "America"
/// and "Washington" become "United States"; "US-led" coalitions are "US-led coalition".
#[derive(Debug, Clone, Copy, Default)]
pub struct Plain;

impl Names for Plain {
    fn canonical(&self, name: &str) -> String {
        plain_canonical(name)
    }
}

/// Determiners and possessives off; the United States' many spellings made one.
pub fn plain_canonical(name: &str) -> String {
    let mut n = name
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.')
        .to_string();
    for p in ["the ", "The ", "a ", "an "] {
        if let Some(rest) = n.strip_prefix(p) {
            n = rest.to_string();
        }
    }
    for s in ["’s", "'s", "’", "'"] {
        if let Some(rest) = n.strip_suffix(s) {
            n = rest.to_string();
        }
    }
    let lower = n.to_lowercase();
    let us = [
        "us",
        "u.s.",
        "u.s",
        "usa",
        "u.s.a.",
        "united states",
        "america",
        "american",
        "americans",
        "washington",
        "united states of america",
    ];
    if us.contains(&lower.as_str()) {
        return "United States".to_string();
    }
    if let Some(i) = n.find("-led").or_else(|| n.find("-Led")) {
        let leader = &n[..i];
        let leader = if us.contains(&leader.to_lowercase().as_str()) {
            "US"
        } else {
            leader
        };
        return format!("{leader}-led coalition");
    }
    if lower.starts_with("us ") || lower.starts_with("u.s. ") {
        let rest = n.split_once(' ').map_or("", |(_, r)| r);
        if matches!(
            rest.to_lowercase().as_str(),
            "government"
                | "military"
                | "forces"
                | "army"
                | "administration"
                | "air force"
                | "warplanes"
                | "aircraft"
        ) {
            return "United States".to_string();
        }
    }
    n
}

/// All facets the text gives.
pub fn extract(text: &str, ctx: &Context, names: &dyn Names) -> BTreeMap<String, FacetValue> {
    let t = Toks::new(text, 0, text.len());
    let mut out = BTreeMap::new();
    counts(&t, &mut out);
    if let Some(i) = intent(&t, text) {
        out.insert("intent".into(), FacetValue::Text(i.into()));
    }
    // In a Title Case Headline capitals say nothing about names.
    let title_case = {
        let long: Vec<usize> = (0..t.len())
            .filter(|&k| t.is_word(k) && t.s(k).len() > 3)
            .collect();
        long.len() >= 3 && long.iter().filter(|&&k| t.cap(k)).count() * 10 >= long.len() * 7
    };
    if !title_case {
        actors(&t, ctx, names, &mut out);
        place(&t, &mut out);
    }
    prior_notice(&t, ctx, names, &mut out);
    responsible(&t, names, &mut out);
    if let Some(d) = date(&t, ctx.dct) {
        out.insert("date".into(), FacetValue::Text(d));
    }
    // Text wrapped by hand ("the\naircraft") is one value with the same text unwrapped.
    for v in out.values_mut() {
        if let FacetValue::Text(s) = v
            && s.contains(char::is_whitespace)
        {
            *s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    }
    out
}

const QUALIFIERS: &[&[&str]] = &[
    &["at", "least"],
    &["more", "than"],
    &["fewer", "than"],
    &["less", "than"],
    &["up", "to"],
    &["as", "many", "as"],
    &["at", "most"],
    &["an", "estimated"],
    &["over"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["some"],
    &["approximately"],
    &["roughly"],
];

const VAGUE: &[&str] = &["dozens", "scores", "hundreds", "thousands"];

const UNITS: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "metres",
    "meters",
    "m",
    "minutes",
    "minute",
    "hours",
    "hour",
    "hrs",
    "days",
    "day",
    "weeks",
    "week",
    "months",
    "month",
    "years",
    "year",
    "pm",
    "am",
    "p.m.",
    "a.m.",
    "%",
    "percent",
    "per",
    "seconds",
    "times",
    "o'clock",
    "kg",
    "tonnes",
    "tons",
    "dollars",
    "euros",
    "million",
    "billion",
    "mm",
    "percentage",
];

/// A number at token `i`: (figure text, first token after it). "sixty-two" → "62".
fn number_at(t: &Toks, i: usize) -> Option<(String, usize)> {
    if i >= t.len() {
        return None;
    }
    if t.kind(i) == Kind::Number {
        let digits: String = t.s(i).chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() || t.s(i).contains('.') {
            return None;
        }
        let figure = digits.trim_start_matches('0');
        let figure = if figure.is_empty() { "0" } else { figure };
        return Some((figure.to_string(), i + 1));
    }
    if VAGUE.contains(&t.l(i)) {
        // "dozens of people were killed": the noun phrase after "of" is skipped later.
        let after = if t.is(i + 1, &["of"]) { i + 2 } else { i + 1 };
        return Some((t.l(i).to_string(), after));
    }
    if t.is(i, &["a"]) && t.is(i + 1, &["dozen"]) {
        return Some(("12".into(), i + 2));
    }
    // Number words, hyphenated or spaced: "sixty-two", "one hundred and five".
    let mut j = i;
    let mut words = Vec::new();
    while j < t.len() && t.is_word(j) {
        let parts: Vec<&str> = t.l(j).split('-').collect();
        if parts.iter().all(|p| is_number_word(p)) && !(t.l(j) == "and" && words.is_empty()) {
            words.push(t.l(j).to_string());
            j += 1;
        } else {
            break;
        }
    }
    while words.last().is_some_and(|w| w == "and") {
        words.pop();
        j -= 1;
    }
    if words.is_empty() || words == ["one"] {
        return None;
    }
    let n = words_to_number(&words.join(" "))?;
    Some((n.to_string(), j))
}

/// A qualifier ending right before token `i`: ("at least", its first token).
fn qualifier_before(t: &Toks, i: usize) -> Option<(String, usize)> {
    for q in QUALIFIERS {
        if i >= q.len() && (0..q.len()).all(|k| t.l(i - q.len() + k) == q[k]) {
            return Some((q.join(" "), i - q.len()));
        }
    }
    None
}

fn count_value(q: Option<&str>, figure: &str) -> FacetValue {
    match q {
        Some(q) => FacetValue::Text(format!("{q} {figure}")),
        None => match figure.parse::<i64>() {
            Ok(n) => FacetValue::Int(n),
            Err(_) => FacetValue::Text(figure.to_string()),
        },
    }
}

const KILL_VERBS: &[&str] = &[
    "killing",
    "killed",
    "kill",
    "kills",
    "slaying",
    "slew",
    "slain",
    "massacring",
    "massacred",
    "murdering",
    "murdered",
    "executing",
    "executed",
];
const INJURE_VERBS: &[&str] = &[
    "injuring", "injured", "wounding", "wounded", "injure", "wound", "injures", "wounds",
    "maiming", "maimed",
];
const KILLED_AFTER: &[&str] = &[
    "killed",
    "dead",
    "deaths",
    "died",
    "slain",
    "fatalities",
    "bodies",
    "lives",
    "murdered",
    "executed",
    "victims",
];
const INJURED_AFTER: &[&str] = &["injured", "wounded", "injuries", "hurt", "maimed"];

/// Whether the year-like figure at `i` is read as a year: after a month, a day, a comma of
/// a date, or a preposition of time.
fn dated_year(t: &Toks, i: usize) -> bool {
    let p = t.l(i - 1).trim_end_matches('.');
    let month = p.len() >= 3
        && crate::dates::lexicon::MONTHS
            .iter()
            .any(|m| m.starts_with(p));
    month
        || t.kind(i - 1) == Kind::Number
        || t.punct(i - 1, ",")
        || matches!(
            p,
            "in" | "since" | "of" | "by" | "until" | "from" | "during"
        )
}

/// Head counts: "killing at least 62", "80 deaths", "200 killed and injured".
fn counts(t: &Toks, out: &mut BTreeMap<String, FacetValue>) {
    let mut i = 0;
    while i < t.len() {
        let Some((figure, after)) = number_at(t, i) else {
            i += 1;
            continue;
        };
        if t.is(after, UNITS)
            || t.punct(after, "%")
            || t.s(after.min(t.len().saturating_sub(1))).starts_with('-')
                && after < t.len()
                && t.kind(after) == Kind::Punct
        {
            i = after;
            continue;
        }
        // A year is not a count unless a casualty word follows right away.
        let yearish =
            figure.len() == 4 && (1900..=2100).contains(&figure.parse::<i32>().unwrap_or(0));
        // "on 10 March 2019 killed 157", "in 2019 killed": a year a date or a preposition
        // puts in time is never a count, whatever follows it.
        if yearish && i > 0 && dated_year(t, i) {
            i = after;
            continue;
        }
        // "two more passengers died", "another three were found", "a further 12": what
        // adds to a toll is not the toll.
        let increment =
            t.is(after, &["more"]) || i > 0 && t.is(i - 1, &["another", "further", "additional"]);
        if increment {
            i = after;
            continue;
        }
        let (q, first) = match qualifier_before(t, i) {
            Some((q, s)) => (Some(q), s),
            None => (None, i),
        };
        let mut facet: Option<&str> = None;
        // Before: "killing (at least) 62", "has killed 62".
        if first > 0 && !yearish {
            let v = t.l(first - 1);
            // "put the toll at 31", "the death toll rose to 40", "a toll of 12"
            let toll = matches!(v, "at" | "of" | "to")
                && (first.saturating_sub(4)..first - 1).any(|k| t.is(k, &["toll", "tolls"]));
            if toll || KILL_VERBS.contains(&v) {
                facet = Some("killed");
            } else if INJURE_VERBS.contains(&v) {
                facet = Some("injured");
            }
        }
        // After: "62 dead", "80 deaths", "200 killed and injured", "62 Syrian troops were killed".
        if facet.is_none() {
            let mut j = after;
            let limit = (after + 5).min(t.len());
            while j < limit
                && t.is_word(j)
                && !KILLED_AFTER.contains(&t.l(j))
                && !INJURED_AFTER.contains(&t.l(j))
                && !t.is(j, &["casualties"])
            {
                if t.is(
                    j,
                    &[
                        "and", "or", "in", "on", "at", "of", "from", "by", "with", "to", "for",
                    ],
                ) || t.kind(j) == Kind::Number
                {
                    break;
                }
                j += 1;
            }
            if yearish && j != after {
                i = after;
                continue;
            }
            let mut k = j;
            if t.is(k, &["were", "have", "had", "are", "was", "been", "being"]) {
                k += 1;
                if t.is(k, &["been"]) {
                    k += 1;
                }
            }
            if t.is(k, &["casualties"]) {
                facet = Some("killed_or_injured");
            } else if t.is(k, KILLED_AFTER) {
                facet = Some(
                    if t.is(k + 1, &["and", "or"]) && t.is(k + 2, INJURED_AFTER) {
                        "killed_or_injured"
                    } else {
                        "killed"
                    },
                );
            } else if t.is(k, INJURED_AFTER) {
                facet = Some(
                    if t.is(k + 1, &["and", "or"]) && t.is(k + 2, KILLED_AFTER) {
                        "killed_or_injured"
                    } else {
                        "injured"
                    },
                );
            }
        }
        if let Some(f) = facet {
            out.entry(f.to_string())
                .or_insert_with(|| count_value(q.as_deref(), &figure));
        }
        i = after;
    }
}

const ACCIDENTAL: &[&str] = &[
    "accident",
    "accidental",
    "accidentally",
    "mistake",
    "mistaken",
    "mistakenly",
    "error",
    "erroneous",
    "erroneously",
    "misidentification",
    "misidentified",
    "unintentional",
    "unintentionally",
    "inadvertent",
    "inadvertently",
    "unintended",
];
const DELIBERATE: &[&str] = &[
    "intentional",
    "intentionally",
    "deliberate",
    "deliberately",
    "purposely",
    "premeditated",
    "knowingly",
    "purposeful",
    "purposefully",
    "calculated",
];

/// `accidental` or `deliberate`, with negation flipping it: "not a military mistake",
/// "no accident", "hard to believe ... accidental", a scare-quoted ‘error’.
fn intent(t: &Toks, text: &str) -> Option<&'static str> {
    // Lower-casing can change byte lengths: lower the prefix, not the whole text.
    let doubt_before = |offset: usize| {
        let before = text[..offset].to_lowercase();
        let before = before.as_str();
        [
            "hard to believe",
            "difficult to believe",
            "do not believe",
            "don't believe",
            "don’t believe",
            "doubt",
            "denied",
            "deny",
            "denies",
            "reject",
            "implausible",
            "not buy",
        ]
        .iter()
        .any(|c| before.contains(c))
    };
    for i in 0..t.len() {
        let w = t.l(i);
        let mut value = if ACCIDENTAL.contains(&w) {
            "accidental"
        } else if DELIBERATE.contains(&w) || w == "purpose" && i > 0 && t.is(i - 1, &["on"]) {
            "deliberate"
        } else if w == "coordinates"
            && i > 0
            && t.is(i - 1, &["wrong", "incorrect", "faulty", "erroneous"])
        {
            "accidental"
        } else {
            continue;
        };
        // "wrong coordinates" only speaks of intent in an "if" clause as a hypothesis; still
        // the speaker offers it as the explanation.
        let local_negation = (i.saturating_sub(4)..i).any(|k| {
            t.is(
                k,
                &[
                    "not", "no", "never", "n't", "nor", "hardly", "isn't", "wasn't", "weren't",
                    "aren't",
                ],
            ) || t.l(k).ends_with("n't")
        });
        let scare = i > 0
            && matches!(t.kind(i - 1), Kind::Open { .. })
            && matches!(t.kind((i + 1).min(t.len() - 1)), Kind::Close { .. });
        let start = t.v[i].start;
        if local_negation || scare || doubt_before(start) {
            value = if value == "accidental" {
                "deliberate"
            } else {
                "accidental"
            };
        }
        return Some(value);
    }
    None
}

const ATTACK_PAST: &[&str] = &[
    "struck",
    "bombed",
    "attacked",
    "hit",
    "shelled",
    "targeted",
    "targetted",
    "bombarded",
    "raided",
    "strafed",
    "destroyed",
    "killed",
    "massacred",
    "ambushed",
    "fired",
];
const ATTACK_ANY: &[&str] = &[
    "struck",
    "strike",
    "strikes",
    "striking",
    "bombed",
    "bomb",
    "bombs",
    "bombing",
    "attacked",
    "attack",
    "attacks",
    "attacking",
    "hit",
    "hits",
    "hitting",
    "shelled",
    "shelling",
    "targeted",
    "targeting",
    "targetted",
    "bombarded",
    "bombarding",
    "raided",
    "destroyed",
];
const WEAPON_NOUNS: &[&str] = &[
    "warplanes",
    "jets",
    "aircraft",
    "planes",
    "airstrikes",
    "airstrike",
    "air",
    "strikes",
    "strike",
    "bombs",
    "missiles",
    "missile",
    "attack",
    "attacks",
    "bombing",
    "bombardment",
    "drones",
    "drone",
    "artillery",
    "helicopters",
    "pilots",
    "forces",
    "troops",
    "raids",
];

/// The capitalised phrase ending at token `e` (exclusive), with "and"-coordination:
/// "Russia and Syria", "the US-led coalition".
fn actor_before(t: &Toks, e: usize) -> Option<(usize, usize)> {
    let mut s = e;
    while s > 0
        && (t.cap(s - 1)
            || t.acronym(s - 1)
            || t.s(s - 1).contains("-led")
            || t.is(s - 1, &["coalition", "and"])
                && s >= 2
                && (t.cap(s - 2) || t.s(s - 2).contains("-led")))
    {
        s -= 1;
    }
    while s < e && t.is(s, &["and"]) {
        s += 1;
    }
    // "a strike near Tessit killed 19", "in the town of Tessit": a place, whoever did it.
    let located = s > 0
        && (t.is(
            s - 1,
            &[
                "near", "in", "at", "outside", "around", "into", "inside", "across",
            ],
        ) || t.is(s - 1, &["of"])
            && s > 1
            && t.is(
                s - 2,
                &[
                    "village", "town", "city", "district", "province", "region", "area", "camp",
                ],
            ));
    (s < e && !located && (s..e).any(|k| t.cap(k) || t.acronym(k))).then_some((s, e))
}

/// The noun phrase starting at `s`: up to a preposition, a verb-ish word or punctuation.
fn phrase_after(t: &Toks, s: usize) -> Option<(usize, usize)> {
    let mut e = s;
    while e < t.len()
        && e < s + 7
        && t.is_word(e)
        && !t.is(
            e,
            &[
                "with",
                "in",
                "on",
                "near",
                "outside",
                "over",
                "at",
                "by",
                "from",
                "that",
                "which",
                "who",
                "and",
                "killing",
                "injuring",
                "wounding",
                "as",
                "during",
                "for",
                "to",
                "of",
                "after",
                "before",
                "while",
                "when",
                "supporting",
                // An auxiliary, a modal or a negation starts the verb of a clause.
                "could",
                "would",
                "can",
                "will",
                "may",
                "might",
                "must",
                "should",
                "not",
                "was",
                "were",
                "is",
                "are",
                "had",
                "has",
                "have",
            ],
        )
    {
        e += 1;
    }
    if e < t.len() && t.is(e, &["of"]) && e + 1 < t.len() && (t.cap(e + 1) || t.is(e + 1, &["the"]))
    {
        // "positions of the Syrian Army"
        let mut f = e + 1;
        while f < t.len()
            && f < e + 6
            && t.is_word(f)
            && !t.is(
                f,
                &[
                    "with", "in", "on", "near", "outside", "over", "at", "by", "from", "that",
                    "which", "who", "killing",
                ],
            )
        {
            f += 1;
        }
        e = f;
    }
    // "the village of Dere the same night": a time phrase is not part of it; nor is a
    // participle ("a convoy heading for the city").
    if let Some(k) = (s + 1..e).find(|&k| is_time_word(t, k) || participle(t, k)) {
        e = k;
    }
    // "a missile fired from ...": a past participle closing the phrase goes on about it.
    if e > s + 1 && !t.cap(e - 1) && t.l(e - 1).len() > 4 && t.l(e - 1).ends_with("ed") {
        e -= 1;
    }
    (e > s).then_some((s, e))
}

/// An "-ing" word that goes on about the noun before it ("a convoy heading for the city"),
/// not a noun itself ("a meeting", "the wedding party").
fn participle(t: &Toks, k: usize) -> bool {
    const NOUNS: &[&str] = &[
        "meeting",
        "wedding",
        "building",
        "gathering",
        "crossing",
        "briefing",
        "funding",
        "housing",
        "offering",
        "uprising",
    ];
    let w = t.l(k);
    !t.cap(k)
        && w.ends_with("ing")
        && w.len() > 5
        && !NOUNS.contains(&w)
        && !(k > 0
            && t.is(
                k - 1,
                &[
                    "a", "an", "the", "this", "that", "its", "their", "his", "her",
                ],
            ))
}

/// Words that start a time phrase after a noun phrase: "the same night", "last week".
fn is_time_word(t: &Toks, k: usize) -> bool {
    t.is(
        k,
        &[
            "yesterday",
            "today",
            "tonight",
            "last",
            "this",
            "earlier",
            "later",
            "overnight",
        ],
    ) || t.is(k, &["the"]) && t.is(k + 1, &["same", "next", "previous", "following"])
        || t.is(
            k,
            &["night", "morning", "evening", "afternoon", "week", "day"],
        ) && k > 0
            && !t.is(k - 1, &["of"])
        || t.is(
            k,
            &[
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ],
        )
}

fn resolve_they(ctx: &Context) -> Option<String> {
    let claimant = ctx.claimant.to_lowercase();
    ctx.actors
        .iter()
        .rev()
        .find(|a| {
            !claimant.contains(&a.to_lowercase())
                && !a.to_lowercase().contains(&claimant)
                && (a.contains(" and ") || a.ends_with('s'))
        })
        .or_else(|| {
            ctx.actors
                .iter()
                .rev()
                .find(|a| !claimant.contains(&a.to_lowercase()))
        })
        .cloned()
}

/// `perpetrator` and `target`.
fn actors(t: &Toks, ctx: &Context, names: &dyn Names, out: &mut BTreeMap<String, FacetValue>) {
    let mut perp: Option<String> = None;
    let mut target: Option<String> = None;
    let n = t.len();
    for i in 0..n {
        let w = t.l(i);
        // Passive: "was struck by X", "being bombed by the Russians".
        if ATTACK_PAST.contains(&w)
            && i > 0
            && t.is(i - 1, &["was", "were", "being", "been", "is", "are", "be"])
            && t.is(i + 1, &["by"])
        {
            if let Some((s, e)) = phrase_after(t, i + 2) {
                // "hit by a missile": a weapon names what was used, not who used it.
                let head = t.l(e - 1);
                let events = &crate::lexicon::Lexicon::active().events;
                let weapon = events.is_instrument(head)
                    || head
                        .strip_suffix('s')
                        .is_some_and(|h| events.is_instrument(h));
                if !weapon {
                    perp.get_or_insert_with(|| t.span_text(s, e).to_string());
                }
                // The target is the subject before the be-form.
                let mut b = i - 1;
                while b > 0
                    && t.is(
                        b - 1,
                        &[
                            "been", "has", "have", "had", "was", "were", "could", "would", "can",
                            "will", "may", "might", "must", "should", "not", "never",
                        ],
                    )
                {
                    b -= 1;
                }
                let mut s = b;
                while s > 0
                    && s + 6 > b
                    && t.is_word(s - 1)
                    && !t.is(s - 1, &["that", "which", "when", "as", "of"])
                {
                    s -= 1;
                }
                if s < b {
                    target.get_or_insert_with(|| t.span_text(s, b).to_string());
                }
            }
            continue;
        }
        // Active: "X (had) struck Y", "they bombed Y".
        if ATTACK_PAST.contains(&w) && !t.is(i + 1, &["by"]) && i > 0 {
            let mut b = i;
            while b > 0
                && t.is(
                    b - 1,
                    &[
                        "had",
                        "has",
                        "have",
                        "also",
                        "then",
                        "reportedly",
                        "allegedly",
                        "deliberately",
                        "intentionally",
                        "repeatedly",
                        "again",
                        "that",
                    ],
                )
            {
                if t.is(b - 1, &["that"]) {
                    break;
                }
                b -= 1;
            }
            let subject = if b > 0 && t.is(b - 1, &["they", "it"]) {
                resolve_they(ctx)
            } else if b > 0
                && t.is(
                    b - 1,
                    &[
                        "warplanes",
                        "jets",
                        "aircraft",
                        "planes",
                        "pilots",
                        "drones",
                        "helicopters",
                        "forces",
                        "troops",
                    ],
                )
            {
                // "four coalition warplanes hit", "US warplanes that had struck"
                let mut s = b - 1;
                while s > 0
                    && (t.cap(s - 1)
                        || t.is(s - 1, &["coalition"])
                        || t.kind(s - 1) == Kind::Number
                        || t.s(s - 1).contains("-led"))
                {
                    s -= 1;
                }
                (s < b - 1).then(|| t.span_text(s, b - 1).to_string())
            } else {
                actor_before(t, b).map(|(s, e)| t.span_text(s, e).to_string())
            };
            if let Some(s) = subject {
                perp.get_or_insert(s);
                if let Some((s, e)) = phrase_after(t, i + 1) {
                    target.get_or_insert_with(|| t.span_text(s, e).to_string());
                }
            }
            continue;
        }
        // "X’s warplanes", "the coalition’s warplanes bombed".
        if t.kind(i) == Kind::Possessive
            && t.is(i + 1, WEAPON_NOUNS)
            && (t.is(
                i + 1,
                &[
                    "warplanes",
                    "jets",
                    "aircraft",
                    "planes",
                    "airstrikes",
                    "strikes",
                    "bombing",
                    "bombardment",
                    "missiles",
                    "drones",
                    "attack",
                    "raids",
                ],
            ))
        {
            let mut s = i;
            while s > 0
                && (t.cap(s - 1)
                    || t.acronym(s - 1)
                    || t.is(s - 1, &["coalition"])
                    || t.s(s - 1).contains("-led"))
            {
                s -= 1;
            }
            if s < i {
                perp.get_or_insert_with(|| t.span_text(s, i).to_string());
            }
            continue;
        }
        // "US-led airstrikes", "US warplanes", "American strikes".
        if t.s(i).contains("-led")
            && t.is(
                i + 1,
                &[
                    "airstrikes",
                    "strikes",
                    "coalition",
                    "bombing",
                    "raids",
                    "air",
                ],
            )
        {
            perp.get_or_insert_with(|| t.s(i).to_string());
            continue;
        }
        if (t.acronym(i) || super::attribution::lexicon::is_demonym(t.l(i)))
            && t.is(
                i + 1,
                &[
                    "warplanes",
                    "jets",
                    "airstrikes",
                    "strikes",
                    "aircraft",
                    "planes",
                    "drones",
                    "missiles",
                    "bombing",
                ],
            )
            && !(i > 0 && t.is(i - 1, &["against", "on"]))
        {
            perp.get_or_insert_with(|| t.s(i).to_string());
            continue;
        }
        // "accused X of striking", and a bare "accused X" in an account of an attack.
        if t.is(
            i,
            &[
                "accused", "accusing", "accuse", "accuses", "blamed", "blaming",
            ],
        ) && i + 1 < n
        {
            if let Some(of) = (i + 1..(i + 8).min(n)).find(|&k| t.is(k, &["of", "for"])) {
                if of + 1 < n && ATTACK_ANY.contains(&t.l(of + 1)) {
                    perp.get_or_insert_with(|| t.span_text(i + 1, of).to_string());
                }
            } else if let Some((s, e)) = phrase_after(t, i + 1)
                && (s..e).any(|k| t.cap(k))
                && (e >= n || t.kind(e) == Kind::Punct)
            {
                perp.get_or_insert_with(|| t.span_text(s, e).to_string());
            }
        }
        // "used its air power against Y", "launched airstrikes on Y".
        if t.is(
            i,
            &[
                "used",
                "uses",
                "using",
                "launched",
                "launches",
                "carried",
                "conducted",
            ],
        ) && let Some(against) = (i + 1..(i + 5).min(n)).find(|&k| t.is(k, &["against", "on"]))
            && (i + 1..against).any(|k| {
                t.is(
                    k,
                    &[
                        "power",
                        "airpower",
                        "airstrikes",
                        "strikes",
                        "force",
                        "warplanes",
                        "missiles",
                        "raids",
                        "bombs",
                    ],
                )
            })
        {
            // The subject: back to the clause start ("the US-led coalition against ISIS used").
            let mut s = i;
            while s > 0
                && !(t.kind(s - 1) == Kind::Punct || t.is(s - 1, &["that", "and", "when", "as"]))
            {
                s -= 1;
            }
            if s < i {
                perp.get_or_insert_with(|| t.span_text(s, i).to_string());
            } else if let Some(a) = ctx.actors.last() {
                perp.get_or_insert_with(|| a.clone());
            }
            if let Some((s, e)) = phrase_after(t, against + 1) {
                target.get_or_insert_with(|| t.span_text(s, e).to_string());
            }
        }
    }
    // "unclear whether it was the Russian aircraft, Syrian aircraft or a Russian missile":
    // candidates, not a denial.
    if ctx.questions
        && let Some(w) = (0..n).find(|&k| {
            t.is(k, &["whether"]) && t.is(k + 1, &["it", "they"]) && t.is(k + 2, &["was", "were"])
        })
    {
        let mut found: Vec<String> = Vec::new();
        for k in w + 3..n.min(w + 30) {
            if t.cap(k) || t.acronym(k) {
                let a = names.actor(t.s(k));
                if a != t.s(k) && !found.contains(&a) {
                    found.push(a);
                }
            }
        }
        if found.len() >= 2 {
            out.insert("perpetrator".into(), FacetValue::Text(found.join(" or ")));
            perp = None;
        } else if found.len() == 1 {
            perp = None;
        }
    }
    // "We vehemently reject such allegations": a government denies its own part.
    if perp.is_none()
        && ctx.denies
        && !ctx.questions
        && let Some(state) = &ctx.claimant_state
        && (0..n).any(|k| {
            t.is(
                k,
                &[
                    "allegations",
                    "accusations",
                    "allegation",
                    "accusation",
                    "claims",
                    "responsibility",
                    "involvement",
                    "blame",
                ],
            )
        })
    {
        out.insert(
            "perpetrator".into(),
            FacetValue::Text(format!("not {state}")),
        );
    }
    // "... near the city of X killed 12": a place is where, never who.
    let perp = perp.filter(|p| !names.is_place(p));
    if let Some(p) = perp {
        let mut p = names.actor(&p);
        // A bare "coalition" or "army": the one named just before.
        if !p.contains(' ')
            && p.chars().next().is_some_and(char::is_lowercase)
            && let Some(r) = ctx
                .recent
                .iter()
                .rev()
                .find(|r| r.to_lowercase().contains(&p))
        {
            p = names.actor(r);
        }
        if !p.is_empty() {
            let value = if ctx.denies { format!("not {p}") } else { p };
            out.insert("perpetrator".into(), FacetValue::Text(value));
        }
    }
    // "not a food convoy that was hit, but rather a fuel convoy": the account corrects the
    // target; its own version is what it asserts.
    if let Some(corrected) = corrected_target(t) {
        target = Some(corrected);
    }
    if let Some(tg) = target {
        // "killed 62 Syrian troops": the target is the troops; the figure is a count facet.
        let tg = tg.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == ' ');
        let tg = names.canonical(tg);
        let generic = matches!(
            tg.to_lowercase().as_str(),
            "people" | "persons" | "others" | "them" | "it"
        );
        if !tg.is_empty() && !generic && !ctx.denies {
            out.insert("target".into(), FacetValue::Text(tg));
        }
    }
}

/// The target of "it was not (even) a X that was attacked, but (rather) (it was) a Y": Y.
/// Only in a sentence about an attack, so that "not a victory but a draw" is left alone.
fn corrected_target(t: &Toks) -> Option<String> {
    let n = t.len();
    if !(0..n).any(|k| t.is(k, ATTACK_ANY)) {
        return None;
    }
    let not = (0..n).find(|&k| t.is(k, &["not"]))?;
    let mut k = not + 1;
    while t.is(k, &["even", "just", "really", "actually"]) {
        k += 1;
    }
    if !t.is(k, &["a", "an", "the"]) {
        return None;
    }
    let but = (k + 1..n.min(k + 16)).find(|&b| t.is(b, &["but"]))?;
    let mut y = but + 1;
    while t.is(
        y,
        &[
            "rather", "instead", "in", "fact", "it", "this", "that", "was", "were",
        ],
    ) {
        y += 1;
    }
    if !t.is(y, &["a", "an", "the"]) {
        return None;
    }
    let (s, e) = phrase_after(t, y + 1)?;
    (s < e).then(|| t.span_text(s, e).to_string())
}

const OPERATION_NOUNS: &[&str] = &[
    "strike",
    "strikes",
    "airstrike",
    "airstrikes",
    "attack",
    "bombardment",
    "bombing",
    "raid",
    "operation",
    "offensive",
    "assault",
    "mission",
];

/// `prior_notice`: "X informed Y of the upcoming strike" → "Y informed"; a denial of that
/// knowledge → "Y not informed".
fn prior_notice(
    t: &Toks,
    ctx: &Context,
    names: &dyn Names,
    out: &mut BTreeMap<String, FacetValue>,
) {
    let n = t.len();
    let mentions_operation = (0..n).any(|k| t.is(k, OPERATION_NOUNS));
    let mut who: Option<String> = None;
    // Told of the operation itself ("of the upcoming strike"), or told in advance.
    let of_operation = (0..n).any(|k| {
        t.is(k, &["of", "about"]) && (k + 1..(k + 5).min(n)).any(|m| t.is(m, OPERATION_NOUNS))
    });
    let in_advance = (0..n).any(|k| {
        t.is(k, &["beforehand", "advance", "ahead"]) || t.is(k, &["prior"]) && t.is(k + 1, &["to"])
    });
    if let Some(r) = ctx.recipient
        && mentions_operation
        && (of_operation || in_advance)
    {
        who = Some(r.to_string());
    }
    for i in 0..n {
        if who.is_some() {
            break;
        }
        // "informed Russian forces of the upcoming strike"
        if t.is(
            i,
            &[
                "informed",
                "warned",
                "told",
                "notified",
                "alerted",
                "informing",
                "warning",
                "notifying",
            ],
        ) && let Some(of) = (i + 1..(i + 7).min(n)).find(|&k| t.is(k, &["of", "about"]))
        {
            let mut k = of + 1;
            while k < n
                && t.is(
                    k,
                    &[
                        "the",
                        "an",
                        "a",
                        "upcoming",
                        "planned",
                        "impending",
                        "imminent",
                        "coming",
                        "forthcoming",
                    ],
                )
            {
                k += 1;
            }
            if t.is(k, OPERATION_NOUNS) && of > i + 1 {
                who = Some(t.span_text(i + 1, of).to_string());
            }
        }
        // "Russian knowledge about the bombardment beforehand", "advance knowledge".
        if t.is(i, &["knowledge", "warning", "notice", "notification"])
            && (i + 1..(i + 6).min(n)).any(|k| t.is(k, OPERATION_NOUNS))
        {
            let mut s = i;
            while s > 0 && (t.cap(s - 1) || t.is(s - 1, &["prior", "advance", "any", "no"])) {
                s -= 1;
            }
            let name_start = (s..i).find(|&k| t.cap(k));
            if let Some(ns) = name_start {
                let ne = (ns..i).rev().find(|&k| t.cap(k)).map_or(ns + 1, |k| k + 1);
                who = Some(t.span_text(ns, ne).to_string());
            } else if ctx.denies && !ctx.claimant.is_empty() {
                // "X denied any prior knowledge of the strike": X is the one not told.
                who = Some(ctx.claimant.to_string());
            }
        }
    }
    if let Some(w) = who {
        let w = names.actor(&w);
        let negated = ctx.denies;
        let value = if negated {
            format!("{w} not informed")
        } else {
            format!("{w} informed")
        };
        out.insert("prior_notice".into(), FacetValue::Text(value));
    }
}

/// `responsible`: who is blamed for an outcome.
fn responsible(t: &Toks, names: &dyn Names, out: &mut BTreeMap<String, FacetValue>) {
    let n = t.len();
    let mut found: Option<String> = None;
    for i in 0..n {
        if found.is_some() {
            break;
        }
        // "X were the ones who were guilty of", "X is responsible for", "X is to blame".
        if t.is(i, &["guilty", "responsible", "blame"])
            && (i + 1 < n && t.is(i + 1, &["of", "for"])
                || t.is(i, &["blame"]) && i > 0 && t.is(i - 1, &["to"]))
        {
            let mut b = i;
            while b > 0
                && t.is(
                    b - 1,
                    &[
                        "were", "was", "is", "are", "the", "ones", "one", "who", "to", "solely",
                        "fully", "directly", "also", "entirely",
                    ],
                )
            {
                b -= 1;
            }
            let mut s = b;
            while s > 0
                && s + 6 > b
                && (t.is_word(s - 1)
                    || matches!(t.kind(s - 1), Kind::Open { .. } | Kind::Close { .. }))
                && !t.is(
                    s - 1,
                    &["that", "which", "when", "as", "reported", "said", "claimed"],
                )
            {
                s -= 1;
            }
            if s < b && b < i {
                found = Some(t.span_text(s, b).to_string());
            }
        }
        // "put the blame for X on Y", "lay the blame on Y".
        if t.is(i, &["blame"])
            && i > 0
            && t.is(i - 1, &["the"])
            && let Some(on) = (i + 1..(i + 14).min(n)).find(|&k| t.is(k, &["on", "at"]))
            && let Some((s, e)) = phrase_after(t, on + 1)
        {
            let mut e = e;
            // "on Russia and the Syrian government"
            if t.is(e, &["and"])
                && let Some((_, e2)) = phrase_after(t, e + 1)
            {
                e = e2;
            }
            found = Some(t.span_text(s, e).to_string());
        }
        // "blamed X for"
        if t.is(i, &["blamed", "blaming", "blames"])
            && let Some(f) = (i + 1..(i + 7).min(n)).find(|&k| t.is(k, &["for"]))
            && f > i + 1
        {
            found = Some(t.span_text(i + 1, f).to_string());
        }
        // "reports of the government preventing aid from reaching", "X blocked the convoys".
        if t.is(
            i,
            &[
                "preventing",
                "prevented",
                "prevents",
                "blocking",
                "blocked",
                "blocks",
                "obstructing",
                "obstructed",
                "disrupting",
                "disrupted",
                "withholding",
                "withheld",
            ],
        ) && (i + 1..(i + 5).min(n)).any(|k| {
            t.is(
                k,
                &[
                    "aid",
                    "delivery",
                    "deliveries",
                    "convoys",
                    "convoy",
                    "access",
                    "supplies",
                ],
            )
        }) && i > 0
        {
            let mut s = i;
            while s > 0
                && s + 6 > i
                && (t.is_word(s - 1)
                    || matches!(t.kind(s - 1), Kind::Open { .. } | Kind::Close { .. }))
                && !t.is(
                    s - 1,
                    &[
                        "of", "that", "which", "who", "by", "and", "were", "was", "had", "have",
                        "has", "is", "are",
                    ],
                )
            {
                s -= 1;
            }
            if s < i {
                found = Some(t.span_text(s, i).to_string());
            }
        }
        // "due to constant attacks on the Marines by the Jihadists"
        if t.is(i, &["due", "owing", "because"]) && t.is(i + 1, &["to", "of"]) {
            let limit = (i + 14).min(n);
            if (i + 2..limit).any(|k| {
                t.is(
                    k,
                    &[
                        "attacks",
                        "attack",
                        "shelling",
                        "violations",
                        "fire",
                        "obstruction",
                        "interference",
                    ],
                )
            }) && let Some(by) = (i + 2..limit).find(|&k| t.is(k, &["by"]))
                && let Some((s, e)) = phrase_after(t, by + 1)
            {
                found = Some(t.span_text(s, e).to_string());
            }
        }
        // "violations committed by X"
        if t.is(i, &["committed", "carried", "perpetrated"])
            && i > 0
            && t.is(
                i - 1,
                &["violations", "attacks", "crimes", "abuses", "breaches"],
            )
        {
            let by = if t.is(i + 1, &["by"]) {
                Some(i + 1)
            } else if t.is(i + 1, &["out"]) && t.is(i + 2, &["by"]) {
                Some(i + 2)
            } else {
                None
            };
            if let Some(by) = by
                && let Some((s, e)) = phrase_after(t, by + 1)
            {
                found = Some(t.span_text(s, e).to_string());
            }
        }
    }
    if let Some(f) = found {
        let f = names.canonical(f.trim_matches(|c: char| !c.is_alphanumeric()));
        if !f.is_empty() {
            out.insert("responsible".into(), FacetValue::Text(f));
        }
    }
}

/// `place`: "took place in X", or an attack "in/near/outside X".
/// Words between a preposition and a place name: "in the besieged eastern city of".
const PLACE_LEAD: &[&str] = &[
    "the",
    "eastern",
    "western",
    "northern",
    "southern",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "central",
    "besieged",
    "market",
    "square",
    "centre",
    "center",
    "suburbs",
    "port",
    "city",
    "town",
    "village",
    "province",
    "area",
    "region",
    "district",
    "of",
    "outskirts",
    "governorate",
    "countryside",
    "rural",
];

/// A capitalised adjective of nationality, as its ending shows ("Yemeni", "Chilean",
/// "Lebanese", "Kurdish").
fn demonym_like(lower: &str) -> bool {
    super::attribution::lexicon::is_demonym(lower)
        || ["an", "ian", "ese", "ish", "i"]
            .iter()
            .any(|e| lower.ends_with(e))
            && lower.len() > 4
}

fn place(t: &Toks, out: &mut BTreeMap<String, FacetValue>) {
    let n = t.len();
    let event_verb = |k: usize| {
        t.is(k, ATTACK_ANY)
            || t.is(
                k,
                &[
                    "place", "happened", "occurred", "killing", "killed", "exploded", "clashes",
                    "fighting",
                ],
            )
    };
    for i in 0..n {
        if !t.is(i, &["in", "near", "outside", "over", "at"]) {
            continue;
        }
        if !(i.saturating_sub(12)..i).any(event_verb) {
            continue;
        }
        let mut k = i + 1;
        loop {
            if k < n && t.is(k, PLACE_LEAD) {
                k += 1;
            } else if k + 1 < n && t.cap(k) && demonym_like(t.l(k)) && t.is(k + 1, PLACE_LEAD) {
                // "the Yemeni port city of Hodeidah": the demonym describes the place to come.
                k += 1;
            } else {
                break;
            }
        }
        let s = k;
        while k < n
            && (t.cap(k)
                || t.s(k).starts_with("al-")
                // "ez-Zor", "ad-Dana": an article joined to a capitalised name.
                || k > s && t.s(k).split_once('-').is_some_and(|(a, b)| a.len() <= 3 && b.starts_with(char::is_uppercase))
                || t.is(k, &["al-", "el", "al"]) && k + 1 < n && t.cap(k + 1)
                || t.punct(k, "-") && k + 1 < n && t.cap(k + 1))
        {
            k += 1;
        }
        if k > s && k - s <= 4 {
            let name = t.span_text(s, k).to_string();
            let first = t.l(s);
            if super::attribution::lexicon::CAP_STOP.contains(&first)
                || t.is(k, &["Army", "army", "forces", "troops"])
            {
                continue;
            }
            out.entry("place".into()).or_insert(FacetValue::Text(name));
            return;
        }
    }
}

/// `date`: an event dated in the account itself ("the bombardment ... on September 17").
fn date(t: &Toks, dct: Option<chrono::NaiveDate>) -> Option<String> {
    let n = t.len();
    let month = |k: usize| {
        let l = t.l(k).trim_end_matches('.');
        crate::dates::lexicon::MONTHS
            .iter()
            .position(|m| *m == l || l.len() >= 3 && m.starts_with(l))
    };
    let event_near = |k: usize| {
        (k.saturating_sub(12)..(k + 12).min(n))
            .any(|m| t.is(m, ATTACK_ANY) || t.is(m, &["killing", "killed", "exploded", "slaying"]))
    };
    for i in 0..n {
        if !t.is(i, &["on"]) || i + 2 >= n {
            continue;
        }
        let (m, d, mut k) = if let Some(m) = month(i + 1)
            && t.kind(i + 2) == Kind::Number
        {
            (m, t.s(i + 2).parse::<u32>().ok()?, i + 3)
        } else if t.kind(i + 1) == Kind::Number
            && let Some(m) = month(i + 2)
        {
            (m, t.s(i + 1).parse::<u32>().ok()?, i + 3)
        } else {
            continue;
        };
        if !(1..=31).contains(&d) || !event_near(i) {
            continue;
        }
        if t.punct(k, ",") {
            k += 1;
        }
        if k < n && t.kind(k) == Kind::Number && t.s(k).len() == 4 {
            let y = t.s(k).parse::<i32>().ok()?;
            return Some(format!("{y:04}-{:02}-{d:02}", m + 1));
        }
        return crate::dates::relative::yearless_day(dct?, m as u32 + 1, d)
            .map(|day| day.format("%Y-%m-%d").to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facets(text: &str) -> BTreeMap<String, FacetValue> {
        extract(text, &Context::default(), &Plain)
    }

    fn get(text: &str, facet: &str) -> Option<String> {
        facets(text).get(facet).map(ToString::to_string)
    }

    #[test]
    fn counts_with_qualifiers_and_words() {
        let f = facets("Shells hit the depot, killing at least 41 and injuring over 90 guards.");
        assert_eq!(f["killed"], FacetValue::Text("at least 41".into()));
        assert_eq!(f["injured"], FacetValue::Text("over 90".into()));
        assert_eq!(
            facets("The raid killed 12 police officers.")["killed"],
            FacetValue::Int(12)
        );
        assert_eq!(
            get("Medics counted forty-one dead.", "killed").as_deref(),
            Some("41")
        );
        assert_eq!(
            get("Rebel media put the toll at 31.", "killed").as_deref(),
            Some("31")
        );
        assert_eq!(
            get("The crash on 10 March 2019 killed 157 people.", "killed").as_deref(),
            Some("157")
        );
        assert_eq!(
            get("A fire in 2019 killed six.", "killed").as_deref(),
            Some("6")
        );
        assert_eq!(
            get("Two more passengers died in hospital on Sunday.", "killed"),
            None
        );
        assert_eq!(
            get("Divers found another three dead on Monday.", "killed"),
            None
        );
        assert_eq!(
            get("The death toll rose to 40 on Friday.", "killed").as_deref(),
            Some("40")
        );
        assert_eq!(
            get(
                "Monitors reported 55 deaths and 150 killed and injured.",
                "killed"
            )
            .as_deref(),
            Some("55")
        );
        assert_eq!(
            get("a total of 150 killed and injured", "killed_or_injured").as_deref(),
            Some("150")
        );
        assert_eq!(
            get("the blasts left dozens dead", "killed").as_deref(),
            Some("dozens")
        );
        assert_eq!(
            get("There were more than 300 casualties", "killed_or_injured").as_deref(),
            Some("more than 300")
        );
    }

    #[test]
    fn not_counts() {
        let f = facets(
            "In 2014 the 51st Brigade withdrew 2 km, 7 minutes after the shelling killed in 2015 nobody.",
        );
        assert!(!f.contains_key("killed"), "{f:?}");
        assert!(facets("Troops advanced 10 km on 3 May 2015.").is_empty());
    }

    #[test]
    fn intent_and_negation() {
        assert_eq!(
            get("The army called the shelling a mistake.", "intent").as_deref(),
            Some("accidental")
        );
        assert_eq!(
            get("It was an error caused by wrong coordinates.", "intent").as_deref(),
            Some("accidental")
        );
        assert_eq!(
            get("This was no accident.", "intent").as_deref(),
            Some("deliberate")
        );
        assert_eq!(
            get("we do not believe it was a military mistake", "intent").as_deref(),
            Some("deliberate")
        );
        assert_eq!(
            get(
                "It is hard to believe the claim that the raid was accidental",
                "intent"
            )
            .as_deref(),
            Some("deliberate")
        );
        assert_eq!(
            get("the attack was deliberate", "intent").as_deref(),
            Some("deliberate")
        );
        assert_eq!(
            get("a strange ‘error’ by the pilots", "intent").as_deref(),
            Some("deliberate")
        );
    }

    #[test]
    fn perpetrators_and_targets() {
        assert_eq!(
            get(
                "Yesterday the US-led coalition struck army positions.",
                "perpetrator"
            )
            .as_deref(),
            Some("US-led coalition")
        );
        assert_eq!(
            get("the depot was bombed by the U.S. Air Force", "perpetrator").as_deref(),
            Some("United States")
        );
        assert_eq!(
            get("Chile’s warplanes hit the port", "perpetrator").as_deref(),
            Some("Chile")
        );
        let ctx = Context {
            actors: vec!["Peru and Chile".into()],
            claimant: "Bolivia",
            ..Context::default()
        };
        let f = extract("claiming that they had struck a food convoy", &ctx, &Plain);
        assert_eq!(f["perpetrator"], FacetValue::Text("Peru and Chile".into()));
        assert_eq!(f["target"], FacetValue::Text("food convoy".into()));
        // A hard line break inside the phrase, and the verb after it, are no part of it.
        let f = extract(
            "claiming that they had struck a food\nconvoy could not",
            &ctx,
            &Plain,
        );
        assert_eq!(f["target"], FacetValue::Text("food convoy".into()));
        let f = extract(
            "the aircraft could not have been hit by a rocket fired from the hills",
            &Context::default(),
            &Plain,
        );
        assert_eq!(f["target"], FacetValue::Text("aircraft".into()), "{f:?}");
        assert!(
            !f.contains_key("perpetrator"),
            "a weapon is no perpetrator: {f:?}"
        );
        let denial = Context {
            denies: true,
            ..Context::default()
        };
        let f = extract(
            "This was not even a food convoy that had been hit, but rather it was a fuel convoy \
             that was carrying arms.",
            &Context::default(),
            &Plain,
        );
        assert_eq!(f["target"], FacetValue::Text("fuel convoy".into()));
        let f = extract(
            "It was not a victory but a draw, and nobody was hurt.",
            &Context::default(),
            &Plain,
        );
        assert!(!f.contains_key("target"));
        // A place before the verb did nothing: "a strike near Arica killed".
        let f = extract(
            "A drone strike near the village of Arica killed 19 people on Sunday.",
            &Context::default(),
            &Plain,
        );
        assert!(!f.contains_key("perpetrator"), "{f:?}");
        // "-ing" nouns stay in the phrase; a participle after a noun does not.
        assert_eq!(
            get("Peru struck a meeting of commanders", "target").as_deref(),
            Some("meeting")
        );
        assert_eq!(
            get("Peru struck a convoy heading north", "target").as_deref(),
            Some("convoy")
        );
        let f = extract("claims that Peru bombed the convoy", &denial, &Plain);
        assert_eq!(f["perpetrator"], FacetValue::Text("not Peru".into()));
    }

    #[test]
    fn prior_notice_and_responsibility() {
        assert_eq!(
            get(
                "the command informed Chilean forces of the upcoming strike",
                "prior_notice"
            )
            .as_deref(),
            Some("Chilean forces informed")
        );
        let denial = Context {
            denies: true,
            ..Context::default()
        };
        let f = extract(
            "denied the claim of Chilean knowledge about the bombardment beforehand",
            &denial,
            &Plain,
        );
        assert_eq!(
            f["prior_notice"],
            FacetValue::Text("Chilean not informed".into())
        );
        assert_eq!(
            get(
                "aid was delayed due to constant attacks on the convoy by the rebels",
                "responsible"
            )
            .as_deref(),
            Some("rebels")
        );
        assert_eq!(
            get(
                "they tried to put the blame for the failure on Peru",
                "responsible"
            )
            .as_deref(),
            Some("Peru")
        );
        assert_eq!(
            get(
                "the police were the ones who were guilty of the violence",
                "responsible"
            )
            .as_deref(),
            Some("police")
        );
    }

    #[test]
    fn place_and_date() {
        assert_eq!(
            get(
                "the attack took place in Tal Abyad, officials said",
                "place"
            )
            .as_deref(),
            Some("Tal Abyad")
        );
        assert_eq!(
            get(
                "shells hit a market in the Chilean port city of Arica",
                "place"
            )
            .as_deref(),
            Some("Arica")
        );
        let ctx = Context {
            dct: chrono::NaiveDate::from_ymd_opt(2016, 9, 20),
            ..Context::default()
        };
        let f = extract("its planes bombed the troops on September 17", &ctx, &Plain);
        assert_eq!(f["date"], FacetValue::Text("2016-09-17".into()));
        assert!(!facets("its planes bombed the troops on September 17").contains_key("date"));
        // Written in February, "October 2" was last October.
        let ctx = Context {
            dct: chrono::NaiveDate::from_ymd_opt(2025, 2, 20),
            ..Context::default()
        };
        let f = extract("a fire killed four workers on October 2", &ctx, &Plain);
        assert_eq!(f["date"], FacetValue::Text("2024-10-02".into()));
        assert_eq!(
            get("On 23 May, 2016 car bombs exploded in the port", "date").as_deref(),
            Some("2016-05-23")
        );
    }
}
