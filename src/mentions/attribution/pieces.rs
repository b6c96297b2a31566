//! Cutting a sentence into claims: each piece of it belongs to the innermost frame over it,
//! a relaying frame's own words ("the article says that") join the claim they pass on, and
//! editorial asides inside reported speech ("(in reality ...)") are the outlet's.

use super::chain;
use super::cues::{Frame, MONTHS, WEEKDAYS, Who};
use super::quotes::{self, Quote};
use super::tokens::Toks;
use super::verbs;

/// Words that open an editorial aside inside reported speech: "(in reality ...)", "[sic]".
const EDITORIAL: &[&str] = &[
    "in",
    "sic",
    "actually",
    "correctly",
    "again",
    "wrongly",
    "falsely",
    "sorry",
    "read",
    "i.e.",
];

/// A frame over a whole paragraph: the speech a colon announced.
pub(super) fn pseudo_frame(n: usize) -> Frame {
    let mut f = Frame::new((0, 0), verbs::Act::Say, Who::Previous, (0, n));
    f.extent = (0, n);
    f
}

/// Is the paragraph a quotation: every word inside speech marks, or opening or closing with
/// a mark the other half of which is in another paragraph?
pub(super) fn is_quote_paragraph(t: &Toks, quotes: &[Quote]) -> bool {
    let words: Vec<usize> = (0..t.len()).filter(|&k| t.is_word(k)).collect();
    if words.is_empty() {
        return false;
    }
    let inside = words
        .iter()
        .filter(|&&k| quotes::at(quotes, k).is_some_and(Quote::is_speech))
        .count();
    inside * 10 >= words.len() * 8
}

/// Bracketed editorial asides inside reported content: "(in reality at X’s prompting)",
/// "(again correctly)", "[sic]". Token ranges.
pub(super) fn editorial_asides(t: &Toks, frames: &[Frame]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for k in 0..t.len() {
        if !(t.punct(k, "(") || t.punct(k, "[")) || k + 1 >= t.len() {
            continue;
        }
        let inside_content = frames.iter().any(|f| f.content.0 <= k && k < f.content.1);
        if !inside_content || !t.is(k + 1, EDITORIAL) {
            continue;
        }
        if t.is(k + 1, &["in"]) && !t.is(k + 2, &["reality", "fact", "truth"]) {
            continue;
        }
        let close = if t.punct(k, "(") { ")" } else { "]" };
        if let Some(e) = (k + 1..(k + 25).min(t.len())).find(|&m| t.punct(m, close)) {
            out.push((k, e + 1));
        }
    }
    out
}

/// Cut sentence `sa..sb` into pieces, each owned by the innermost frame over it (`None`: the
/// default voice). A relaying frame's own words join the claim they pass on.
pub(super) fn pieces(
    t: &Toks,
    frames: &[Frame],
    parents: &[Option<usize>],
    editorial: &[(usize, usize)],
    sa: usize,
    sb: usize,
) -> Vec<(usize, usize, Option<usize>)> {
    if sb <= sa {
        return vec![(sa, sa, None)];
    }
    let mut bounds = vec![sa, sb];
    for f in frames {
        for b in [f.extent.0, f.extent.1] {
            if b > sa && b < sb {
                bounds.push(b);
            }
        }
    }
    for &(x, y) in editorial {
        for b in [x, y] {
            if b > sa && b < sb {
                bounds.push(b);
            }
        }
    }
    bounds.sort_unstable();
    bounds.dedup();
    const EDITORIAL_OWNER: usize = usize::MAX;
    let mut raw: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for w in bounds.windows(2) {
        let (x, y) = (w[0], w[1]);
        let owner = if editorial.iter().any(|&(a, b)| a <= x && y <= b) {
            Some(EDITORIAL_OWNER)
        } else {
            frames
                .iter()
                .enumerate()
                .filter(|(_, f)| f.extent.0 <= x && y <= f.extent.1)
                .min_by_key(|&(i, f)| (f.extent.1 - f.extent.0, usize::MAX - i))
                .map(|(i, _)| i)
        };
        match raw.last_mut() {
            Some(last) if last.2 == owner => last.1 = y,
            _ => raw.push((x, y, owner)),
        }
    }
    // The outer part of a relaying frame ("It also says that") joins the claim it relays.
    let mut i = 0;
    while i + 1 < raw.len() {
        let (x, y, owner) = raw[i];
        let next = raw[i + 1].2;
        if let (Some(o), Some(nx)) = (owner, next)
            && o != EDITORIAL_OWNER
            && nx != EDITORIAL_OWNER
            && frames[o].relays()
            && chain::descends(parents, nx, o)
            && !(x < frames[o].content.1
                && frames[o].content.0 < y
                && has_own_content(t, &frames[o], frames, x, y))
        {
            raw[i + 1].0 = x;
            raw.remove(i);
            continue;
        }
        i += 1;
    }
    // Pieces with no words join a neighbour.
    let mut out: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for p in raw {
        let mut words = (p.0..p.1).filter(|&k| t.is_word(k));
        let (first, more) = (words.next(), words.next().is_some());
        // ", but" between two claims: a link, not a claim of its own.
        let trivial = first.is_none_or(|w| {
            !more && t.is(w, &["and", "but", "as", "while", "or", "so", "yet", "that"])
        });
        match out.last_mut() {
            Some(last) if trivial => last.1 = p.1,
            Some(last) if last.2 == p.2 => last.1 = p.1,
            _ => out.push(p),
        }
    }
    // A trivial first piece, or an opening adverbial of the outlet's ("On Thursday,", "In a
    // statement,", "At a news conference in Leeds,"), joins the claim it introduces.
    if out.len() > 1 {
        let words = (out[0].0..out[0].1).filter(|&k| t.is_word(k)).count();
        if words <= 1 || out[0].2.is_none() && out[1].2.is_some() && introduces(t, out[0]) {
            let x = out[0].0;
            out.remove(0);
            out[0].0 = x;
        }
    }
    out.into_iter()
        .map(|(x, y, o)| (x, y, o.filter(|&o| o != EDITORIAL_OWNER)))
        .collect()
}

/// Words that open an adverbial before the clause it sets: "On Thursday, police said".
const OPENERS: &[&str] = &[
    "in",
    "at",
    "on",
    "during",
    "after",
    "before",
    "speaking",
    "writing",
    "asked",
    "earlier",
    "later",
    "late",
    "early",
    "last",
    "this",
    "yesterday",
    "today",
    "separately",
    "meanwhile",
];

/// Is piece `x..y` a short adverbial ending in a comma that opens with a preposition or a
/// time ("In a statement,", "Late on Friday,")?
fn introduces(t: &Toks, (x, y, _): (usize, usize, Option<usize>)) -> bool {
    let words: Vec<usize> = (x..y).filter(|&k| t.is_word(k)).collect();
    let opens = |k: usize| t.is(k, OPENERS) || t.is(k, WEEKDAYS) || t.is(k, MONTHS);
    words.len() <= 8 && words.first().is_some_and(|&k| opens(k)) && y > x && t.punct(y - 1, ",")
}

/// Does frame `f` own words in `x..y` that are its content and not inside a nested frame?
fn has_own_content(t: &Toks, f: &Frame, frames: &[Frame], x: usize, y: usize) -> bool {
    let (c0, c1) = (f.content.0.max(x), f.content.1.min(y));
    // "It also says that it is [the ministry who quoted ...]": "it is" says nothing.
    (c0..c1).any(|k| {
        t.is_word(k)
            && !t.is(
                k,
                &[
                    "it", "is", "was", "that", "there", "the", "a", "an", "and", "also", "were",
                    "are",
                ],
            )
            && !frames.iter().any(|g| {
                !std::ptr::eq(g, f)
                    && g.extent.0 <= k
                    && k < g.extent.1
                    && f.content.0 <= g.extent.0
            })
    })
}
