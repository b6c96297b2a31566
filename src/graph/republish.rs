//! Republished copies: one text published twice is one voice, not two confirmations.
//!
//! Each document's article text (body segments, folded to lower-case words) is cut into
//! overlapping word 5-shingles. MinHash signatures with LSH banding propose candidate pairs
//! in close to linear time; each candidate is then confirmed on the exact shingle sets by
//! containment (shared shingles over the smaller set), so a copy that adds a footer or drops
//! a paragraph still counts.
//!
//! Of two copies the original is the one published first. Without dates that tell them
//! apart, it is the one the other credits: a text that says it is a repost ("originally
//! published in", "Source: X", "via X") is the copy, and so is one that names the other's
//! outlet or author when the other does not name it back. Then a dated text precedes an
//! undated one (copies lose their dates more often than originals), then the one listed first.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::ingest::{Document, SegmentKind};
use crate::timeline::When;

/// Words per shingle: long enough that shared phrases of ordinary prose do not collide.
const SHINGLE: usize = 5;
/// MinHash functions, split into `BANDS` bands of `ROWS` rows.
const HASHES: usize = 128;
const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;
/// Containment at or above which one text is a copy of the other.
pub const COPY_THRESHOLD: f64 = 0.8;
/// Texts shorter than this many shingles are too short to call copies.
const MIN_SHINGLES: usize = 20;

/// One document's fingerprint.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    shingles: BTreeSet<u64>,
    signature: Vec<u64>,
}

/// A detected copy: `copy` republishes `original`.
#[derive(Debug, Clone, PartialEq)]
pub struct Copy {
    pub copy: usize,
    pub original: usize,
    /// Shared shingles over the smaller document's shingles.
    pub containment: f64,
}

/// FNV-1a: small, fast and the same on every run and machine.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// SplitMix64 finaliser, used to derive the MinHash family from one shingle hash.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Lower-case words of the article text; typographic quotes folded so that "it's" matches
/// "it’s".
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").to_lowercase())
        .collect()
}

/// The fingerprint of a document's article text (body, headline and captions).
pub fn fingerprint(doc: &Document) -> Fingerprint {
    let mut all = Vec::new();
    for segment in &doc.segments {
        if matches!(
            segment.kind,
            SegmentKind::Body | SegmentKind::Headline | SegmentKind::Caption
        ) {
            all.extend(words(doc.slice(segment)));
        }
    }
    fingerprint_words(&all)
}

fn fingerprint_words(words: &[String]) -> Fingerprint {
    let shingles: BTreeSet<u64> = words
        .windows(SHINGLE)
        .map(|w| fnv(w.join(" ").as_bytes()))
        .collect();
    let mut signature = vec![u64::MAX; HASHES];
    for &s in &shingles {
        for (i, slot) in signature.iter_mut().enumerate() {
            let h = mix(s ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *slot {
                *slot = h;
            }
        }
    }
    Fingerprint {
        shingles,
        signature,
    }
}

/// Shared shingles over the smaller set.
pub fn containment(a: &Fingerprint, b: &Fingerprint) -> f64 {
    let (small, large) = if a.shingles.len() <= b.shingles.len() {
        (a, b)
    } else {
        (b, a)
    };
    if small.shingles.is_empty() {
        return 0.0;
    }
    let shared = small
        .shingles
        .iter()
        .filter(|s| large.shingles.contains(s))
        .count();
    shared as f64 / small.shingles.len() as f64
}

/// Pairs of documents (by index) whose signatures agree on at least one band.
fn candidates(prints: &[Fingerprint]) -> BTreeSet<(usize, usize)> {
    let mut pairs = BTreeSet::new();
    for band in 0..BANDS {
        let mut buckets: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
        for (i, p) in prints.iter().enumerate() {
            if p.shingles.len() < MIN_SHINGLES {
                continue;
            }
            let rows = &p.signature[band * ROWS..(band + 1) * ROWS];
            let key = rows.iter().fold(0u64, |acc, r| mix(acc ^ r));
            buckets.entry(key).or_default().push(i);
        }
        for members in buckets.values() {
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    pairs.insert((a, b));
                }
            }
        }
    }
    pairs
}

/// What a document says about where it comes from.
#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// The date the page gives itself, at its own precision.
    pub published: Option<When>,
    /// The names it goes by (outlet, author, web host), lower-case.
    names: Vec<String>,
    /// Its own text outside reader comments and captions, and its outlet line, lower-case.
    text: String,
    /// It says it is a repost.
    repost: bool,
}

/// A line that says its text was published elsewhere first.
static REPOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        ^[\s*_\#>(\[-]*
        (?: (?:this\ (?:article|story|post|piece|report|essay|column)\ (?:was|is|has\ been|first)\s+)?
            (?:originally|first)\ (?:published|appeared|posted|ran)\b
          | (?:re(?:posted|published|printed)|cross-?posted|syndicated)\ (?:from|with|by|courtesy|under)\b
          | the\ original\ source\ of\ this\ (?:article|story|post)\ is\b
          | (?:source|courtesy\ of|via)\s*:\s*\S
          | via\ [^\n]{1,50}$
        )
        | \b(?:reposting|republishing|reprinting)\b
        | \(via\ [^)\n]{1,60}\)
        ",
    )
    .expect("repost pattern")
});

impl Provenance {
    /// Read from a document; `published` is the date its page gives itself.
    pub fn of(doc: &Document, published: Option<When>) -> Provenance {
        let mut text = String::new();
        for line in [&doc.meta.outlet, &doc.meta.author].into_iter().flatten() {
            text.push_str(line);
            text.push('\n');
        }
        for s in &doc.segments {
            if !matches!(
                s.kind,
                SegmentKind::FrontMatter
                    | SegmentKind::Caption
                    | SegmentKind::Comment { .. }
                    | SegmentKind::CommentMeta
            ) {
                text.push_str(doc.slice(s));
                text.push('\n');
            }
        }
        let text = text.to_lowercase();
        let repost = text.lines().any(|l| REPOST.is_match(l));
        let mut names: Vec<String> = [&doc.meta.outlet, &doc.meta.author]
            .into_iter()
            .flatten()
            .map(|n| name_of(n))
            .collect();
        if let Some(host) = doc.meta.url.as_deref().and_then(host_of) {
            names.push(host);
        }
        names.retain(|n| n.chars().filter(|c| c.is_alphanumeric()).count() >= 3);
        Provenance {
            published,
            names,
            text,
            repost,
        }
    }

    /// Whether this text names `other` by one of its names that is not also its own.
    fn credits(&self, other: &Provenance) -> bool {
        other
            .names
            .iter()
            .filter(|n| !self.names.contains(n))
            .any(|n| has_words(&self.text, n))
    }
}

/// "Daily Courier (Leeds), reposting X" -> "daily courier": the name before any aside.
fn name_of(s: &str) -> String {
    s.split(['(', ',', '|', ';'])
        .next()
        .unwrap_or("")
        .trim()
        .to_lowercase()
}

/// "https://www.example.com/a" -> "example.com".
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

/// `needle` in `hay` as whole words.
fn has_words(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// `Less` when `a` is the original of the pair, `Greater` when `b` is, `Equal` when nothing
/// tells them apart.
pub fn original_first(a: &Provenance, b: &Provenance) -> Ordering {
    let range = |p: &Provenance| p.published.and_then(|w| w.day_range());
    if let (Some((a0, a1)), Some((b0, b1))) = (range(a), range(b)) {
        if a1 < b0 {
            return Ordering::Less;
        }
        if b1 < a0 {
            return Ordering::Greater;
        }
    }
    a.repost
        .cmp(&b.repost)
        .then_with(|| a.credits(b).cmp(&b.credits(a)))
        .then_with(|| range(b).is_some().cmp(&range(a).is_some()))
}

/// Find copies among documents, given each one's provenance; ties go to the document listed
/// first.
pub fn find_copies(docs: &[Document], provenance: &[Provenance]) -> Vec<Copy> {
    let prints: Vec<Fingerprint> = docs.iter().map(fingerprint).collect();
    let mut copies = Vec::new();
    for (a, b) in candidates(&prints) {
        let c = containment(&prints[a], &prints[b]);
        if c < COPY_THRESHOLD {
            continue;
        }
        let order = match (provenance.get(a), provenance.get(b)) {
            (Some(pa), Some(pb)) => original_first(pa, pb),
            _ => Ordering::Equal,
        };
        let (original, copy) = if order.then(a.cmp(&b)) == Ordering::Less {
            (a, b)
        } else {
            (b, a)
        };
        copies.push(Copy {
            copy,
            original,
            containment: c,
        });
    }
    // A document that copies several originals keeps the one it shares most with; chains
    // (a copy of a copy) point at the earliest text.
    let mut best: BTreeMap<usize, Copy> = BTreeMap::new();
    for c in copies {
        match best.get(&c.copy) {
            Some(old) if old.containment >= c.containment => {}
            _ => {
                best.insert(c.copy, c);
            }
        }
    }
    let mut out: Vec<Copy> = best.into_values().collect();
    for i in 0..out.len() {
        let mut root = out[i].original;
        let mut hops = 0;
        while let Some(next) = out.iter().find(|c| c.copy == root) {
            root = next.original;
            hops += 1;
            if hops > docs.len() {
                break;
            }
        }
        out[i].original = root;
    }
    out.retain(|c| c.copy != c.original);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Segment;

    fn doc(id: &str, body: &str) -> Document {
        Document {
            id: id.into(),
            text: body.into(),
            segments: vec![Segment {
                kind: SegmentKind::Body,
                start: 0,
                end: body.len(),
            }],
            ..Document::default()
        }
    }

    const STORY: &str = "The river rose four metres overnight and broke through the old levee north of \
        the town shortly before dawn. Emergency crews moved two hundred families from the lower \
        streets to the school on the hill, where volunteers handed out blankets and hot soup. The \
        mayor said the levee had been due for repair since the spring and that the county had \
        delayed the work twice. The water board rejected that account and blamed record rainfall in \
        the hills for the breach, adding that its engineers had inspected the embankment in June.";

    #[test]
    fn a_copy_with_a_footer_and_other_quotes_is_found() {
        let copy = format!(
            "{} Please support our work with a donation. Copyright the Valley Post.",
            STORY.replace('\'', "’")
        );
        let other = "Farmers in the east of the county began the harvest early this year after a \
            dry summer, and prices for barley rose at the weekly market for the third week running, \
            traders said, while dairy farmers warned that feed would be scarce by the winter.";
        let docs = vec![
            doc("later", &copy),
            doc("first", STORY),
            doc("other", other),
        ];
        let dates = [
            When::day(2021, 3, 5),
            When::day(2021, 3, 4),
            When::day(2021, 3, 9),
        ];
        let copies = find_copies(&docs, &provenance(&docs, &dates.map(Some)));
        assert_eq!(copies.len(), 1);
        assert_eq!((copies[0].copy, copies[0].original), (0, 1));
        assert!(copies[0].containment > 0.9);
    }

    #[test]
    fn stories_on_the_same_topic_are_not_copies() {
        let retold = "Overnight the river broke the levee north of town. About two hundred families \
            left their homes for the hill school. Officials from the water board said heavy rain in \
            the hills caused the breach, while the mayor blamed years of delayed repairs by the \
            county, which has not commented on the matter so far this week.";
        let docs = vec![doc("a", STORY), doc("b", retold)];
        assert!(find_copies(&docs, &provenance(&docs, &[None, None])).is_empty());
    }

    #[test]
    fn chains_point_at_the_first_text() {
        let docs = vec![doc("a", STORY), doc("b", STORY), doc("c", STORY)];
        let copies = find_copies(&docs, &provenance(&docs, &[None, None, None]));
        assert_eq!(
            copies
                .iter()
                .map(|c| (c.copy, c.original))
                .collect::<Vec<_>>(),
            [(1, 0), (2, 0)]
        );
    }

    #[test]
    fn short_texts_are_never_copies() {
        let docs = vec![doc("a", "Short note."), doc("b", "Short note.")];
        assert!(find_copies(&docs, &provenance(&docs, &[None, None])).is_empty());
    }

    fn provenance(docs: &[Document], dates: &[Option<When>]) -> Vec<Provenance> {
        docs.iter()
            .zip(dates)
            .map(|(d, w)| Provenance::of(d, *w))
            .collect()
    }

    /// A document with an outlet and a body, plus lines around the body.
    fn page(outlet: &str, head: &str, body: &str, foot: &str) -> Document {
        let text = format!("{head}\n\n{body}\n\n{foot}");
        let mut segments = Vec::new();
        let mut at = 0;
        for (kind, part) in [
            (SegmentKind::Byline, head),
            (SegmentKind::Body, body),
            (SegmentKind::Boilerplate, foot),
        ] {
            segments.push(Segment {
                kind,
                start: at,
                end: at + part.len(),
            });
            at += part.len() + 2;
        }
        let mut d = Document {
            id: slug(outlet),
            text,
            segments,
            ..Document::default()
        };
        d.meta.outlet = Some(outlet.to_string());
        d
    }

    fn slug(s: &str) -> String {
        s.to_lowercase().replace(' ', "-")
    }

    /// (copy, original) ids, whichever way round the documents are listed.
    fn direction(
        a: &Document,
        b: &Document,
        da: Option<When>,
        db: Option<When>,
    ) -> [(String, String); 2] {
        let run = |docs: Vec<Document>, dates: Vec<Option<When>>| {
            let c = find_copies(&docs, &provenance(&docs, &dates));
            assert_eq!(c.len(), 1);
            (docs[c[0].copy].id.clone(), docs[c[0].original].id.clone())
        };
        [
            run(vec![a.clone(), b.clone()], vec![da, db]),
            run(vec![b.clone(), a.clone()], vec![db, da]),
        ]
    }

    const MATCH: &str = "The visitors scored twice in the last ten minutes to win the cup final \
        at a packed stadium on Saturday evening. Their coach said the players had kept their \
        nerve after conceding early, and praised the goalkeeper who saved a penalty just before \
        half time. The home captain blamed the referee for a late free kick that led to the \
        equaliser and said his team would appeal the red card shown to their striker.";

    #[test]
    fn the_first_published_is_the_original_and_a_later_copy_is_normal() {
        let original = page(
            "Evening Echo",
            "By Sam Reed",
            MATCH,
            "Copyright Evening Echo",
        );
        let copy = page(
            "Sports Roundup",
            "Sports Roundup staff",
            MATCH,
            "Share this story",
        );
        let want = ("sports-roundup".to_string(), "evening-echo".to_string());
        let got = direction(
            &original,
            &copy,
            Some(When::day(2022, 5, 14)),
            Some(When::day(2022, 5, 16)),
        );
        assert_eq!(got, [want.clone(), want.clone()]);
        // Dates overrule the text: the page that says "originally published" yet is dated
        // first is the original.
        let reposted = page(
            "Sports Roundup",
            "Originally published by Evening Echo",
            MATCH,
            "",
        );
        let got = direction(
            &reposted,
            &original,
            Some(When::day(2022, 5, 13)),
            Some(When::day(2022, 5, 14)),
        );
        let want = ("evening-echo".to_string(), "sports-roundup".to_string());
        assert_eq!(got, [want.clone(), want]);
    }

    #[test]
    fn without_dates_a_text_that_says_it_is_a_repost_is_the_copy() {
        let original = page("Evening Echo", "By Sam Reed", MATCH, "");
        let want = ("sports-roundup".to_string(), "evening-echo".to_string());
        for foot in [
            "This article was originally published on the Evening Echo website.",
            "Source: Evening Echo",
            "Reposted with permission.",
            "(via Evening Echo)",
            "This story first appeared in The Evening Echo.",
        ] {
            let copy = page("Sports Roundup", "Sports desk", MATCH, foot);
            let got = direction(&original, &copy, None, None);
            assert_eq!(got, [want.clone(), want.clone()], "{foot}");
        }
    }

    #[test]
    fn without_dates_the_text_that_names_the_other_is_the_copy() {
        // A wire story on a newspaper site: its byline names the agency.
        let wire = page("Harbour Press Agency", "HPA", MATCH, "");
        let paper = page(
            "County Times",
            "By Harbour Press Agency reporters",
            MATCH,
            "",
        );
        let want = (
            "county-times".to_string(),
            "harbour-press-agency".to_string(),
        );
        assert_eq!(
            direction(&wire, &paper, None, None),
            [want.clone(), want.clone()]
        );
        // A dated original beats an undated copy when nothing else tells.
        let quiet = page("County Times", "Sport", MATCH, "");
        assert_eq!(
            direction(&wire, &quiet, Some(When::month(2022, 5)), None),
            [want.clone(), want]
        );
    }

    #[test]
    fn prose_that_mentions_publishing_is_no_repost_notice() {
        for line in [
            "The report was first published in 2019 and revised twice.",
            "Sources close to the club said the coach would stay.",
            "Source of the leak remains unknown, he said, adding that the inquiry would take months.",
        ] {
            assert!(!REPOST.is_match(&line.to_lowercase()), "{line}");
        }
    }
}
