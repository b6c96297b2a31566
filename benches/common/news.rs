//! Generated news: a seeded generator invents events (a kind, a place from a list of real
//! towns, a day, a toll, who is blamed) and articles that tell three to six of them, each
//! article dated a day or two after its latest event and written from sentence templates:
//! reports with relative dates ("on Tuesday"), attributions ("the governor said"), quotes,
//! denials and differing tolls, so that extraction, clustering and dispute derivation all
//! have work to do. One article in eight is a copy of another with a new footer.

use chrono::{Datelike, Duration as Days, NaiveDate};

use super::{Rng, WEEKDAYS};

const PLACES: &[&str] = &[
    "Aleppo",
    "Homs",
    "Hama",
    "Idlib",
    "Latakia",
    "Tartus",
    "Raqqa",
    "Mosul",
    "Kirkuk",
    "Basra",
    "Hodeidah",
    "Taiz",
    "Aden",
    "Sanaa",
    "Benghazi",
    "Misrata",
    "Sirte",
    "Tripoli",
    "Gaziantep",
    "Kobani",
];
const BLAMED: &[&str] = &[
    "the army",
    "rebel fighters",
    "the coalition",
    "militia units",
    "the air force",
];
const SPEAKERS: &[&str] = &[
    "the provincial governor",
    "a local rescue group",
    "the health ministry",
    "a spokesman for the army",
    "a monitoring group",
    "residents",
];
const KINDS: &[(&str, &str)] = &[
    ("An air strike hit a market in", "air strike"),
    ("Shelling struck a hospital in", "shelling"),
    ("A car bomb exploded near a bus station in", "bombing"),
    ("Fighters attacked an army checkpoint outside", "attack"),
];

struct Invented {
    kind: usize,
    place: &'static str,
    day: NaiveDate,
    toll: u64,
}

fn article(r: &mut Rng, events: &[&Invented], n: usize) -> String {
    let latest = events.iter().map(|e| e.day).max().unwrap_or(NaiveDate::MIN);
    let published = latest + Days::days(r.num(1, 2) as i64);
    let mut text = format!(
        "---\ntitle: Report {n}\noutlet: Desk {}\npublished: {published}\n---\n\nReport {n} on the fighting\n\n",
        r.num(1, 9)
    );
    for e in events {
        let weekday = WEEKDAYS[e.day.weekday().num_days_from_monday() as usize];
        let (opening, noun) = KINDS[e.kind];
        let speaker = r.pick(SPEAKERS);
        let toll = e.toll + r.num(0, 1) * r.num(1, 9);
        text.push_str(&format!(
            "{opening} {} on {weekday}, killing at least {toll} people, {speaker} said.\n\n",
            e.place
        ));
        let blamed = r.pick(BLAMED);
        text.push_str(&format!(
            "{} blamed {blamed} for the {noun}. {} denied any role and called the claims baseless.\n\n",
            capital(r.pick(SPEAKERS)),
            capital(blamed)
        ));
        text.push_str(&format!(
            "\u{201c}We counted {} dead by the evening,\u{201d} said a doctor at the main hospital in {}.\n\n",
            toll + r.num(0, 5),
            e.place
        ));
        text.push_str("Aid workers said the roads into the town remained closed and food was running short.\n\n");
    }
    text
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `articles` generated articles (Markdown with front matter) about events spread over
/// `days` days from 1 January 2018, about one event for every two articles.
pub fn texts(articles: usize, seed: u64, days: u64) -> Vec<String> {
    let mut r = Rng(seed);
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap_or(NaiveDate::MIN);
    // About one event for every two articles, so events are told several times.
    let events: Vec<Invented> = (0..articles.div_ceil(2).max(4))
        .map(|_| Invented {
            kind: r.num(0, KINDS.len() as u64 - 1) as usize,
            place: r.pick(PLACES),
            day: start + Days::days(r.num(0, days.max(1)) as i64),
            toll: r.num(3, 80),
        })
        .collect();
    let mut texts: Vec<String> = Vec::new();
    for n in 0..articles {
        if n % 8 == 7 && !texts.is_empty() {
            let original = texts[(r.next() % texts.len() as u64) as usize].clone();
            texts.push(format!(
                "{original}\nPlease support our reporting with a donation.\n"
            ));
            continue;
        }
        // Events close in time, as a report tells the news of a week or two.
        let anchor = &events[(r.next() % events.len() as u64) as usize];
        let mut told: Vec<&Invented> = events
            .iter()
            .filter(|e| (e.day - anchor.day).num_days().abs() <= 10)
            .take(r.num(3, 6) as usize)
            .collect();
        told.sort_by_key(|e| e.day);
        texts.push(article(&mut r, &told, n));
    }
    texts
}
