//! Republished copies: one text published twice is one voice, not two confirmations.
//!
//! Each document's article text (body segments, folded to lower-case words) is cut into
//! overlapping word 5-shingles. MinHash signatures with LSH banding propose candidate pairs
//! in close to linear time; each candidate is then confirmed on the exact shingle sets by
//! containment (shared shingles over the smaller set), so a copy that adds a footer or drops
//! a paragraph still counts. Of a pair, the one that names the other as its source is the copy;
//! else the earlier-dated is the original.

use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

use crate::ingest::{Document, SegmentKind};

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

/// Most documents of one band's bucket that are all paired with each other. A larger
/// bucket is a story republished by hundreds of outlets, or phrases that many articles
/// share: ranked as originals (earliest first), each of its documents is paired with the
/// [`ANCHORS`] that rank first and with the [`NEIGHBOURS`] that rank next to it (a copy
/// follows its original closely), so that the pairs grow with the bucket, not its square.
const MAX_BUCKET: usize = 256;
const ANCHORS: usize = 16;
const NEIGHBOURS: usize = 32;

/// Pairs of documents (by index) whose signatures agree on at least one band; `rank` orders
/// each document's claim to be the original (see [`find_copies`]).
fn candidates<K: Ord>(
    prints: &[Fingerprint],
    rank: impl Fn(usize) -> K,
) -> BTreeSet<(usize, usize)> {
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
        for members in buckets.values_mut() {
            if members.len() > MAX_BUCKET {
                members.sort_by_cached_key(|&i| (rank(i), i));
                for (k, &b) in members.iter().enumerate() {
                    let near = k.saturating_sub(NEIGHBOURS)..k;
                    for &a in members[..ANCHORS.min(k)].iter().chain(&members[near]) {
                        pairs.insert((a.min(b), a.max(b)));
                    }
                }
                continue;
            }
            for (k, &a) in members.iter().enumerate() {
                for &b in &members[k + 1..] {
                    pairs.insert((a, b));
                }
            }
        }
    }
    pairs
}

/// Find copies among documents. A document that `credits` the other as its source is the
/// copy; else `order` ranks each document's claim to be the original (smaller is earlier or
/// more trustworthy); ties go to the document listed first.
pub fn find_copies<K: Ord>(
    docs: &[Document],
    order: impl Fn(usize) -> K,
    credits: impl Fn(usize, usize) -> bool,
) -> Vec<Copy> {
    let prints: Vec<Fingerprint> = docs.par_iter().map(fingerprint).collect();
    let pairs: Vec<(usize, usize)> = candidates(&prints, &order).into_iter().collect();
    let similar: Vec<(usize, usize, f64)> = pairs
        .par_iter()
        .map(|&(a, b)| (a, b, containment(&prints[a], &prints[b])))
        .filter(|&(_, _, c)| c >= COPY_THRESHOLD)
        .collect();
    let mut copies = Vec::new();
    for (a, b, c) in similar {
        let (a_credits, b_credits) = (credits(a, b), credits(b, a));
        let (original, copy) = if a_credits != b_credits {
            if a_credits { (b, a) } else { (a, b) }
        } else if (order(a), a) <= (order(b), b) {
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
    let original_of: BTreeMap<usize, usize> = best.values().map(|c| (c.copy, c.original)).collect();
    let mut out: Vec<Copy> = best.into_values().collect();
    for c in &mut out {
        let mut root = c.original;
        let mut hops = 0;
        while let Some(&next) = original_of.get(&root) {
            root = next;
            hops += 1;
            if hops > original_of.len() {
                break;
            }
        }
        c.original = root;
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
        let copies = find_copies(&docs, |i| [2, 1, 3][i], |_, _| false);
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
        assert!(find_copies(&docs, |i| i, |_, _| false).is_empty());
    }

    #[test]
    fn chains_point_at_the_first_text() {
        let docs = vec![doc("a", STORY), doc("b", STORY), doc("c", STORY)];
        let copies = find_copies(&docs, |i| i, |_, _| false);
        assert_eq!(
            copies
                .iter()
                .map(|c| (c.copy, c.original))
                .collect::<Vec<_>>(),
            [(1, 0), (2, 0)]
        );
    }

    #[test]
    fn a_story_republished_hundreds_of_times_has_one_original() {
        // More copies than a bucket pairs in full: the original is listed last but ranks
        // first, and every copy still finds it.
        let n = MAX_BUCKET * 2;
        let docs: Vec<Document> = (0..n).map(|i| doc(&format!("d{i}"), STORY)).collect();
        let rank = |i: usize| if i == n - 1 { 0 } else { i + 1 };
        let copies = find_copies(&docs, rank, |_, _| false);
        assert_eq!(copies.len(), n - 1);
        assert!(copies.iter().all(|c| c.original == n - 1));
        // Pairs grow with the documents, not with their square.
        let prints: Vec<Fingerprint> = docs.iter().map(fingerprint).collect();
        assert!(candidates(&prints, rank).len() <= n * (ANCHORS + NEIGHBOURS));
    }

    #[test]
    fn short_texts_are_never_copies() {
        let docs = vec![doc("a", "Short note."), doc("b", "Short note.")];
        assert!(find_copies(&docs, |i| i, |_, _| false).is_empty());
    }
}
