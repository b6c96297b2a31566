//! Who a speaker phrase names: a person with their office, an organisation, a country, an
//! unnamed source, a pronoun or a piece of reporting.

use super::lexicon::{
    self, CAP_STOP, NAME_CONNECTORS, Pronoun, is_doc_noun, is_female_title, is_male_title,
    is_org_head, is_person_head, is_unnamed_head,
};
use super::memory::key;
use super::quotes::{self, Quote};
use super::tokens::{Kind, Toks};

/// What a phrase refers to, before it is matched against the memory.
#[derive(Debug, Clone, PartialEq)]
pub enum Referent {
    Person {
        name: String,
        affiliation: Option<String>,
        female: Option<bool>,
    },
    Org {
        name: String,
    },
    /// A country, city or alliance speaking as one: "Russia", "Washington and its allies".
    Actor {
        name: String,
        plural: bool,
    },
    Unnamed {
        label: String,
        person: bool,
    },
    Pronoun(Pronoun),
    /// "the official", "the ministry": refers back.
    Definite {
        person: bool,
        head: String,
    },
    /// "One report by the BBC", "the article", "their report".
    Report {
        source: Option<String>,
    },
}

/// Capitalised words that are never part of a person's name.
const NOT_NAMES: &[&str] = &[
    "affairs",
    "policy",
    "rights",
    "relations",
    "security",
    "intelligence",
    "studies",
    "media",
    "war",
    "peace",
    "human",
    "republic",
    "democratic",
    "islamic",
    "national",
    "international",
    "civil",
    "united",
    "nations",
    "council",
    "aid",
    "development",
    "health",
    "world",
    "global",
    "north",
    "south",
    "east",
    "west",
    "eastern",
    "western",
    "northern",
    "southern",
    "central",
    "middle",
    "new",
    "old",
    "great",
    "grand",
    "supreme",
    "general",
    "high",
    "red",
    "white",
    "black",
    "green",
    "blue",
    "jihadist",
    "jihadists",
    "rebel",
    "rebels",
    "opposition",
    "syrian",
    "regime",
    "city",
    "province",
    "road",
    "street",
    "square",
    "river",
    "mountain",
    "valley",
    "airport",
    "base",
    "camp",
    "hospital",
    "school",
    "church",
    "mosque",
    "bridge",
    "station",
    "day",
    "week",
    "month",
    "year",
    "online",
    "video",
    "news",
    "daily",
    "times",
];

/// Is token `i` part of a name: capitalised and not a sentence word, an acronym, or
/// "al-Nusra"?
pub fn namey(t: &Toks, i: usize) -> bool {
    if t.kind(i) != Kind::Word {
        return false;
    }
    let l = t.l(i);
    if t.acronym(i) {
        return !matches!(l, "i" | "a");
    }
    if t.cap(i) {
        return !CAP_STOP.contains(&l);
    }
    // "al-Nusra", "el-Sisi", "bin Salman"
    let s = t.s(i);
    ["al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-"]
        .iter()
        .any(|p| {
            s.strip_prefix(p)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_uppercase)
        })
}

/// Capitalised runs in `a..b`: "Syrian Observatory for Human Rights", "Russia’s General
/// Staff", "Staffan de Mistura".
pub fn chunks(t: &Toks, a: usize, b: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = a;
    while i < b {
        let particle_start = t.is(
            i,
            &[
                "de", "al", "bin", "van", "von", "el", "ibn", "da", "du", "del",
            ],
        ) && i + 1 < b
            && namey(t, i + 1)
            && t.cap(i + 1);
        if !namey(t, i) && !particle_start {
            i += 1;
            continue;
        }
        let s = i;
        let mut e = i + 1;
        loop {
            if e < b && namey(t, e) {
                e += 1;
                continue;
            }
            // A possessive inside a name: "Russia’s General Staff".
            if e + 1 < b && t.kind(e) == Kind::Possessive && namey(t, e + 1) && t.cap(e + 1) {
                e += 2;
                continue;
            }
            // Connectors: "of", "for", "of the", "de", "without".
            if e + 1 < b && t.is(e, NAME_CONNECTORS) && !t.is(e, &["and", "on", "the"]) {
                let mut f = e + 1;
                if t.is(e, &["of"]) && t.is(f, &["the"]) {
                    f += 1;
                }
                if f < b && namey(t, f) && t.cap(f) {
                    e = f + 1;
                    continue;
                }
            }
            break;
        }
        out.push((s, e));
        i = e;
    }
    out
}

fn text(t: &Toks, a: usize, b: usize) -> String {
    t.span_text(a, b).to_string()
}

fn is_title(t: &Toks, i: usize) -> bool {
    lexicon::is_title(t.l(i))
}

fn is_org_word(t: &Toks, i: usize) -> bool {
    is_org_head(t.l(i))
}

/// A noun for a person: "official", "inspector", "engineer", "resident".
pub fn person_noun(word: &str) -> bool {
    const NOT_PEOPLE: &[&str] = &[
        "water",
        "border",
        "order",
        "number",
        "power",
        "matter",
        "center",
        "letter",
        "paper",
        "quarter",
        "winter",
        "summer",
        "shelter",
        "corner",
        "river",
        "chapter",
        "cover",
        "tower",
        "layer",
        "filter",
        "meter",
        "other",
        "either",
        "neither",
        "never",
        "together",
        "however",
        "whether",
        "rather",
        "further",
        "later",
        "after",
        "over",
        "under",
        "dollar",
        "error",
        "factor",
        "sector",
        "floor",
        "door",
        "color",
        "colour",
        "mirror",
        "terror",
        "motor",
        "anchor",
        "harbour",
        "harbor",
        "labour",
        "labor",
        "favour",
        "behaviour",
        "honour",
        "humour",
        "rumour",
        "vapour",
        "armour",
        "tumor",
        "tumour",
        "theater",
        "theatre",
        "register",
        "disaster",
        "barrier",
        "trigger",
        "counter",
        "poster",
        "container",
        "manner",
        "answer",
        "member-state",
        "humanitarian",
        "german",
        "woman's",
        "man's",
    ];
    const PEOPLE_ENT: &[&str] = &[
        "president",
        "resident",
        "student",
        "agent",
        "servant",
        "lieutenant",
        "sergeant",
        "assistant",
        "merchant",
        "participant",
        "correspondent",
        "dissident",
        "opponent",
        "respondent",
        "superintendent",
        "commandant",
        "informant",
        "militant",
        "combatant",
        "insurgent",
        "attendant",
        "consultant",
        "accountant",
        "claimant",
        "defendant",
        "immigrant",
        "migrant",
        "parent",
        "client",
        "patient",
        "regent",
        "envoy",
        "chief",
        "head",
        "source",
        "staff",
        "witness",
        "diplomat",
        "pilot",
        "medic",
        "police",
        "nurse",
        "judge",
        "mayor",
        "governor",
        "official",
        "spokesperson",
        "spokesman",
        "spokeswoman",
    ];
    let w = word.trim_end_matches('s');
    if PEOPLE_ENT.contains(&word)
        || PEOPLE_ENT.contains(&w)
        || is_person_head(word)
        || is_person_head(w)
    {
        return true;
    }
    if NOT_PEOPLE.contains(&word) || NOT_PEOPLE.contains(&w) || w.len() < 5 {
        return false;
    }
    ["or", "er", "ist", "ian", "man", "woman"]
        .iter()
        .any(|x| w.ends_with(x))
}

/// Does chunk `s..e` name an organisation: an organisation word in a name of two words or
/// more ("Russian Defence Ministry"), or a single word that is one ("Kremlin"), not a
/// capitalised common noun ("Union leader").
fn proper_org(t: &Toks, s: usize, e: usize) -> bool {
    let has_head = (s..e).any(|m| is_org_word(t, m) && t.cap(m));
    has_head
        && (e - s >= 2
            || t.is(
                s,
                &[
                    "kremlin", "pentagon", "reuters", "unicef", "interpol", "nato",
                ],
            ))
}

/// A person inside a name chunk: the longest run of name words not made of titles,
/// organisation words or demonyms, with at least two words or a title before it.
fn person_in(t: &Toks, a: usize, b: usize) -> Option<(usize, usize)> {
    let name_word = |i: usize| {
        t.kind(i) == Kind::Word
            && (namey(t, i)
                || t.is(
                    i,
                    &[
                        "de", "al", "bin", "van", "von", "el", "ibn", "da", "du", "del", "der",
                        "le", "la",
                    ],
                ))
            && !is_title(t, i)
            && !is_org_word(t, i)
            && !lexicon::is_demonym(t.l(i))
            && !NOT_NAMES.contains(&t.l(i))
            && !(t.acronym(i) && t.s(i).chars().filter(|c| c.is_alphabetic()).count() <= 5)
    };
    let mut best: Option<(usize, usize)> = None;
    let mut i = a;
    while i < b {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let s = i;
        let mut e = i;
        while e < b && name_word(e) {
            e += 1;
        }
        let words = (s..e).filter(|&k| t.cap(k) || namey(t, k)).count();
        let after_connector = s > a && t.is(s - 1, &["of", "for", "the", "without"]);
        // "Doctors Without Borders": a run followed by a connector into an organisation.
        let before_org = e < b
            && (is_org_word(t, e)
                || t.is(e, &["without", "and"])
                || (e..b).any(|k| is_org_word(t, k)) && !t.is(e, &["of", "for"]));
        let common = words == 1 && (is_unnamed_head(t.l(s)) || NOT_NAMES.contains(&t.l(s)));
        let titled = s > a && (is_title(t, s - 1) || t.acronym(s - 1));
        if !after_connector && !before_org && !common && (words >= 2 || titled && words >= 1) {
            best = Some((s, e));
        }
        i = e;
    }
    best
}

/// Analyse a speaker phrase (token range) into a referent.
pub fn analyse(t: &Toks, quotes: &[Quote], a: usize, b: usize) -> Option<Referent> {
    let mut a = a;
    let mut b = b;
    while a < b && !t.is_word(a) && !t.is_open(a) {
        a += 1;
    }
    while b > a && (t.kind(b - 1) == Kind::Punct && !t.punct(b - 1, ")")) {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    let first = t.l(a);
    if b - a == 1
        || b - a == 2
            && t.is(
                a + 1,
                &["himself", "herself", "itself", "themselves", "too", "also"],
            )
    {
        if let Some(p) = lexicon::pronoun(first) {
            // "US" is not "us".
            if !(first == "us" && t.acronym(a)) {
                return Some(Referent::Pronoun(p));
            }
        }
        if first == "one" {
            return Some(Referent::Pronoun(Pronoun::First));
        }
    }
    if (a..b).any(|k| t.s(k) == "I" || t.is(k, &["we"]) && !t.acronym(k)) {
        return Some(Referent::Pronoun(Pronoun::First));
    }
    // Segments at commas; relative clauses and brackets go.
    let mut keep: Vec<(usize, usize)> = Vec::new();
    let mut s = a;
    let mut depth = 0i32;
    let mut k = a;
    while k <= b {
        let at_end = k == b;
        if !at_end {
            if let Some(q) = quotes::at(quotes, k)
                && !q.is_speech()
            {
                k = q.b.max(k + 1);
                continue;
            }
            match t.s(k) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
        }
        if at_end || depth == 0 && t.punct(k, ",") {
            let mut e = k;
            if let Some(r) = (s..e).find(|&m| t.is(m, &["who", "which", "whose"])) {
                e = r;
            }
            // "Russia, furious with the Americans,": an adjective phrase, not a name.
            let adjective = |w: &str| {
                [
                    "ous", "ful", "ic", "ed", "ing", "ive", "ent", "ant", "ble", "less",
                ]
                .iter()
                .any(|x| w.ends_with(x))
                    || [
                        "keen", "eager", "aware", "unable", "able", "ready", "quick", "busy",
                        "angry", "silent", "alone",
                    ]
                    .contains(&w)
            };
            let modifier =
                !keep.is_empty() && e > s && t.is_word(s) && !t.cap(s) && adjective(t.l(s));
            if e > s && !modifier {
                keep.push((s, e));
            }
            s = k + 1;
        }
        k += 1;
    }
    if keep.is_empty() {
        return None;
    }
    // Report nouns: "One report by BBC", "the BBC article", "their report".
    let &head_seg = keep.last()?;
    if let Some(r) = report(t, head_seg.0, head_seg.1) {
        return Some(r);
    }
    // Persons, closest to the verb first.
    let all_chunks: Vec<(usize, usize)> = keep.iter().flat_map(|&(s, e)| chunks(t, s, e)).collect();
    let mut person: Option<(usize, usize, usize)> = None; // (chunk index, start, end)
    for (ci, &(cs, ce)) in all_chunks.iter().enumerate().rev() {
        if let Some((ps, pe)) = person_in(t, cs, ce) {
            person = Some((ci, ps, pe));
            break;
        }
    }
    let female = (a..b).find_map(|i| {
        if is_female_title(t.l(i)) {
            Some(true)
        } else if is_male_title(t.l(i)) {
            Some(false)
        } else {
            None
        }
    });
    if let Some((ci, ps, pe)) = person {
        let name = text(t, ps, pe);
        let affiliation = affiliation(t, &keep, &all_chunks, ci, ps, pe);
        return Some(Referent::Person {
            name,
            affiliation,
            female,
        });
    }
    // The head segment's last noun decides between organisation and unnamed.
    let (hs, he) = head_seg;
    let head_end = (hs..he)
        .find(|&m| {
            m > hs
                && t.is(
                    m,
                    &[
                        "of", "in", "from", "for", "at", "with", "to", "on", "speaking", "who",
                        "which",
                    ],
                )
                && !(t.is(m, &["of", "for"]) && m + 1 < he && t.cap(m + 1))
        })
        .unwrap_or(he);
    let head = (hs..head_end).rev().find(|&m| t.is_word(m));
    let head_word = head.map(|m| t.l(m).to_string()).unwrap_or_default();
    let definite = t.is(hs, &["the", "this", "that", "these", "those"]);
    let head_chunks: Vec<(usize, usize)> = chunks(t, hs, he);
    // Organisation: a chunk with an organisation word, or a capitalised modifier before a
    // lower-case organisation noun ("the Russian ministry of defense").
    if let Some(&(cs, ce)) = head_chunks
        .iter()
        .rev()
        .find(|&&(cs, ce)| proper_org(t, cs, ce))
        && head.is_none_or(|h| h < ce || !is_unnamed_head(&head_word) || is_org_word(t, h))
    {
        return Some(Referent::Org {
            name: text(t, cs, ce),
        });
    }
    if let Some(h) = head
        && is_org_word(t, h)
        && !t.cap(h)
        && let Some(&(cs, _)) = head_chunks.first()
        && cs < h
    {
        let mut e = head_end;
        // "ministry of defense": keep a short "of" phrase.
        if t.is(e, &["of"]) && e + 1 < he && he - e <= 3 {
            e = he;
        }
        return Some(Referent::Org {
            name: text(t, cs, e),
        });
    }
    let head_is_unnamed =
        is_unnamed_head(&head_word) || person_noun(&head_word) && head.is_some_and(|h| !t.cap(h));
    if head_is_unnamed || head_word == "reports" {
        let person_like = is_person_head(head_word.trim_end_matches('s'))
            || person_noun(&head_word)
            || matches!(
                head_word.as_str(),
                "officials"
                    | "sources"
                    | "diplomats"
                    | "experts"
                    | "analysts"
                    | "witnesses"
                    | "residents"
                    | "activists"
            );
        let only_head = head.is_some_and(|h| h == hs || h == hs + 1 && definite);
        if definite
            && (person_noun(&head_word) || is_org_word(t, head.unwrap_or(hs)))
            && head_chunks.is_empty()
        {
            return Some(Referent::Definite {
                person: person_noun(&head_word),
                head: head_word,
            });
        }
        if definite
            && head_chunks
                .iter()
                .all(|&(cs, ce)| ce - cs == 1 && lexicon::is_demonym(t.l(cs)))
            && is_person_head(&head_word)
        {
            // "the Russian military official": refers back to someone.
            return Some(Referent::Definite {
                person: true,
                head: head_word,
            });
        }
        let mut ls = hs;
        while ls < he
            && t.is(
                ls,
                &[
                    "a", "an", "the", "one", "some", "this", "that", "these", "those", "another",
                    "its", "their", "his", "her",
                ],
            )
        {
            ls += 1;
        }
        let mut le = he;
        if let Some(m) =
            (ls..he).find(|&m| t.is(m, &["speaking", "who", "which", "on", "with", "at", "to"]))
        {
            le = m;
        }
        let label =
            if only_head && matches!(head_word.as_str(), "reports" | "sources" | "officials") {
                format!("unnamed {head_word}")
            } else {
                text(t, ls, le)
            };
        if label.is_empty() {
            return None;
        }
        return Some(Referent::Unnamed {
            label,
            person: person_like,
        });
    }
    // A country, city or alliance: the capitalised head, with coordination kept.
    if let Some(&(cs, ce)) = head_chunks.last() {
        let mut ls = hs;
        while ls < he && t.is(ls, &["the", "a", "an"]) {
            ls += 1;
        }
        let short = he - ls <= 6;
        // "Russia and Syria", "the Russians".
        let plural = (ls..he).any(|m| t.is(m, &["and"]))
            || ce - cs == 1 && t.s(cs).ends_with('s') && cs > hs && t.is(cs - 1, &["the"]);
        let name = if short && plural {
            text(t, ls, he)
        } else {
            text(t, cs, ce)
        };
        if lexicon::is_demonym(&key(&name)) {
            // "the official American version": the country's government.
            return Some(Referent::Actor {
                name: format!("{name} government"),
                plural: false,
            });
        }
        return Some(Referent::Actor { name, plural });
    }
    if definite && (is_person_head(&head_word) || head.is_some_and(|h| is_org_word(t, h))) {
        return Some(Referent::Definite {
            person: is_person_head(&head_word),
            head: head_word,
        });
    }
    if head.is_some_and(|h| is_org_word(t, h)) {
        let mut ls = hs;
        while ls < he && t.is(ls, &["a", "an", "the"]) {
            ls += 1;
        }
        return Some(Referent::Unnamed {
            label: text(t, ls, head_end),
            person: false,
        });
    }
    None
}

/// A report phrase: a document noun as head, with its publisher if named.
fn report(t: &Toks, a: usize, b: usize) -> Option<Referent> {
    let noun = (a..b).rev().find(|&m| is_doc_noun(t.l(m)) && !t.cap(m))?;
    // The noun must be the head: nothing but "by/from X" after it.
    let after = noun + 1;
    if after < b
        && !t.is(
            after,
            &["by", "from", "in", "on", "published", "released", "posted"],
        )
    {
        return None;
    }
    // "press release" and "statement" name a channel only with a publisher.
    let chunk_after = chunks(t, after, b).into_iter().next();
    let chunk_before = chunks(t, a, noun).into_iter().last();
    let source = chunk_after.or(chunk_before).map(|(s, e)| {
        let mut e = e;
        while e > s && t.is(e - 1, &["magazine", "newspaper"]) {
            e -= 1;
        }
        text(t, s, e)
    });
    if source.is_none() && !t.is(a, &["the", "their", "its", "this", "that", "his", "her"]) {
        return None;
    }
    Some(Referent::Report { source })
}

/// The office of a person: an organisation in the same chunk ("Russian Defense Ministry
/// Spokesman X", "X of the Russian Defense Ministry"), a nearby organisation ("Kremlin
/// spokesman X"), or a short role phrase ("Russia’s deputy foreign minister, X").
fn affiliation(
    t: &Toks,
    segs: &[(usize, usize)],
    chunks_all: &[(usize, usize)],
    ci: usize,
    ps: usize,
    pe: usize,
) -> Option<String> {
    let (cs, ce) = chunks_all[ci];
    // Same chunk, before the person: strip trailing titles.
    let mut pre_end = ps;
    while pre_end > cs && (is_title(t, pre_end - 1) || t.is(pre_end - 1, &["of", "the"])) {
        pre_end -= 1;
    }
    if pre_end > cs && (cs..pre_end).any(|m| is_org_word(t, m)) {
        return Some(text(t, cs, pre_end));
    }
    // Same chunk, after: "X of the Russian Defense Ministry".
    if pe < ce && t.is(pe, &["of", "for"]) {
        let mut s = pe + 1;
        if t.is(s, &["the"]) {
            s += 1;
        }
        if s < ce {
            return Some(text(t, s, ce));
        }
    }
    // Other chunks with an organisation word or an acronym: nearest to the person.
    let mut orgs: Vec<(usize, usize)> = chunks_all
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != ci)
        .map(|(_, &c)| c)
        .filter(|&(s, e)| {
            proper_org(t, s, e)
                || e - s == 1
                    && t.acronym(s)
                    && !matches!(t.l(s), "us" | "u.s." | "un" | "uk" | "u.k." | "eu")
        })
        .collect();
    orgs.sort_by_key(|&(s, _)| s.abs_diff(ps));
    if let Some(&(s, e)) = orgs.first() {
        // "the Jaysh al-Fateh coalition": keep a lower-case organisation noun after the chunk.
        let mut e = e;
        if e < t.len() && is_org_word(t, e) && !t.cap(e) {
            e += 1;
        }
        return Some(text(t, s, e));
    }
    // A role phrase before the person in their segment: "U.S. Secretary of State John
    // Kerry", "Russia’s permanent representative to the UN Churkin".
    if let Some(&(ss, _)) = segs.iter().find(|&&(s, e)| s <= ps && ps < e) {
        let mut r = ss;
        while r < ps && t.is(r, &["the", "a", "an", "one", "former", "then"]) {
            r += 1;
        }
        let words = (r..ps).filter(|&m| t.is_word(m)).count();
        if (1..=9).contains(&words)
            && (r..ps).any(|m| !is_title(t, m) && !t.is(m, &["of", "the", "to", "for"]))
            && (r..ps).any(|m| t.cap(m) || t.kind(m) == Kind::Possessive)
        {
            return Some(text(t, r, ps));
        }
    }
    if pe < ce && ce - pe <= 6 {
        let s = if t.is(pe, &["of", "for"]) { pe + 1 } else { pe };
        return Some(text(t, s, ce));
    }
    // A role in another segment or just before the chunk: "Russia’s deputy foreign minister".
    for &(s, e) in segs.iter() {
        if s <= ps && ps < e {
            // The person's own segment: a lower-case role right before the chunk.
            let mut r = cs;
            while r > s
                && t.is_word(r - 1)
                && !t.is(r - 1, &["the", "a", "an", "one"])
                && cs - r < 6
            {
                r -= 1;
            }
            let words = cs - r;
            if words >= 1
                && (r..cs).any(|m| !is_title(t, m) && !t.is(m, &["one", "former", "then"]))
                && (r..cs).any(|m| t.cap(m) || t.kind(m) == Kind::Possessive)
            {
                return Some(text(t, r, cs));
            }
            continue;
        }
        let mut s = s;
        while s < e && t.is(s, &["the", "a", "an"]) {
            s += 1;
        }
        let words = (s..e).filter(|&m| t.is_word(m)).count();
        if (1..=8).contains(&words) && (s..e).any(|m| t.cap(m) || t.kind(m) == Kind::Possessive) {
            return Some(text(t, s, e));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn who(s: &str) -> Option<Referent> {
        let t = Toks::new(s, 0, s.len());
        let q = quotes::find(&t);
        analyse(&t, &q, 0, t.len())
    }

    fn person(name: &str, aff: Option<&str>) -> Option<Referent> {
        Some(Referent::Person {
            name: name.into(),
            affiliation: aff.map(String::from),
            female: None,
        })
    }

    #[test]
    fn persons_with_offices() {
        assert_eq!(
            who("the Danish Foreign Ministry spokesman Lars Holm"),
            person("Lars Holm", Some("Danish Foreign Ministry"))
        );
        assert_eq!(
            who("Brigadier General Anna Vik of the Norwegian Defence Staff"),
            person("Anna Vik", Some("Norwegian Defence Staff"))
        );
        assert_eq!(
            who("the head of the planning department of Norway’s General Staff, Lt. Gen. Ola Berg"),
            person("Ola Berg", Some("Norway’s General Staff"))
        );
        assert_eq!(
            who("Kremlin spokesman Pavel Orlov"),
            person("Pavel Orlov", Some("Kremlin"))
        );
        assert_eq!(who("Colonel Tom Hale"), person("Tom Hale", None));
        assert_eq!(
            who("Staffan de Mistura"),
            person("Staffan de Mistura", None)
        );
        assert_eq!(
            who("Chile’s deputy foreign minister, Rosa Pinto"),
            person("Rosa Pinto", Some("Chile’s deputy foreign minister"))
        );
    }

    #[test]
    fn organisations_and_unnamed() {
        assert_eq!(
            who("the Chilean Interior Ministry"),
            Some(Referent::Org {
                name: "Chilean Interior Ministry".into()
            })
        );
        assert_eq!(
            who("the Chilean ministry of defense"),
            Some(Referent::Org {
                name: "Chilean ministry of defense".into()
            })
        );
        assert_eq!(
            who("a senior Chilean military source"),
            Some(Referent::Unnamed {
                label: "senior Chilean military source".into(),
                person: true
            })
        );
        assert_eq!(
            who("reports"),
            Some(Referent::Unnamed {
                label: "unnamed reports".into(),
                person: false
            })
        );
        assert_eq!(
            who("Peru and Chile"),
            Some(Referent::Actor {
                name: "Peru and Chile".into(),
                plural: true
            })
        );
        assert_eq!(who("she"), Some(Referent::Pronoun(Pronoun::She)));
        // No one's name begins with a demonym the gazetteer knows: not a person, so "he"
        // cannot be it.
        assert!(
            !matches!(who("the Malaysian Boeing"), Some(Referent::Person { .. })),
            "{:?}",
            who("the Malaysian Boeing")
        );
        assert_eq!(
            who("the official"),
            Some(Referent::Definite {
                person: true,
                head: "official".into()
            })
        );
    }

    #[test]
    fn reports_as_channels() {
        assert_eq!(
            who("One report by Reuters"),
            Some(Referent::Report {
                source: Some("Reuters".into())
            })
        );
        assert_eq!(who("The article"), Some(Referent::Report { source: None }));
        assert_eq!(who("their report"), Some(Referent::Report { source: None }));
    }
}
