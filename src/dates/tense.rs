//! The tense of the clause around an expression, from auxiliaries and past-tense verb
//! forms nearby: enough to tell "said on Monday" from "will meet on Monday".

use super::lexicon::{Lex, W};
use super::scan::{BREAK, CAP, Kind, Token};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// Words ending in "-ed" that are not past forms.
const NOT_PAST: [&str; 16] = [
    "need", "speed", "feed", "seed", "bed", "red", "hundred", "indeed", "breed", "shed", "proceed",
    "exceed", "succeed", "embed", "creed", "greed",
];

fn word<'a>(t: &Token, text: &'a str) -> &'a str {
    &text[t.start as usize..t.end as usize]
}

/// Whether token `k` is a form of "be" or "have", which makes a participle after it
/// passive or perfect: the auxiliary, not the participle, carries the tense.
fn auxiliary(toks: &[Token], k: usize, text: &str) -> bool {
    const AUX: [&str; 11] = [
        "be", "been", "being", "is", "are", "was", "were", "has", "have", "had", "get",
    ];
    toks[k].kind == Kind::Word
        && AUX
            .iter()
            .any(|a| word(&toks[k], text).eq_ignore_ascii_case(a))
}

/// The tense token `k` marks, if any.
fn marker(toks: &[Token], k: usize, text: &str) -> Option<Tense> {
    let t = &toks[k];
    match t.lex {
        Lex::W(W::Will) => Some(Tense::Future),
        Lex::W(W::Would) => {
            // "scheduled to", "set for", "planned a rally": intentions.
            let next = toks.get(k + 1)?;
            let w = word(t, text).to_ascii_lowercase();
            let to = next.lex == Lex::W(W::To);
            // "scheduled for", "expected on", "due in"
            let when = (matches!(next.lex, Lex::W(W::On | W::In | W::At))
                || word(next, text).eq_ignore_ascii_case("for"))
                && matches!(
                    w.as_str(),
                    "scheduled" | "slated" | "set" | "due" | "planned" | "expected"
                );
            let object = matches!(next.lex, Lex::W(W::A | W::An | W::The))
                && matches!(w.as_str(), "planned" | "plans" | "scheduled" | "planning");
            (to || when || object).then_some(Tense::Future)
        }
        // "be paid", "was held": the auxiliary before a participle carries the tense.
        Lex::W(W::PastVerb) if k > 0 && auxiliary(toks, k - 1, text) => None,
        Lex::W(W::PastVerb | W::Has) => Some(Tense::Past),
        Lex::Other if t.kind == Kind::Word && t.len() > 4 && t.flags & CAP == 0 => {
            let w = word(t, text);
            let b = w.as_bytes();
            let ed = b[b.len() - 2..].eq_ignore_ascii_case(b"ed");
            if !ed || NOT_PAST.iter().any(|n| w.eq_ignore_ascii_case(n)) {
                return None;
            }
            if k > 0 && (auxiliary(toks, k - 1, text) || modifier_before(&toks[k - 1], text)) {
                return None;
            }
            Some(Tense::Past)
        }
        _ => None,
    }
}

/// Determiners and adverbs before an "-ed" word, which make it an adjective.
fn modifier_before(t: &Token, text: &str) -> bool {
    matches!(
        t.lex,
        Lex::W(W::A | W::An | W::The | W::Its | W::Their | W::Our | W::This)
    ) || [
        "still",
        "newly",
        "recently",
        "previously",
        "widely",
        "so",
        "very",
        "most",
    ]
    .iter()
    .any(|w| word(t, text).eq_ignore_ascii_case(w))
}

/// Whether token `k` ends a sentence or clause for the purpose of tense.
fn boundary(toks: &[Token], k: usize) -> bool {
    let t = &toks[k];
    if t.kind == Kind::Punct {
        let c = char::from_u32(t.num).unwrap_or(' ');
        if matches!(c, '!' | '?' | ';') {
            return true;
        }
        if c == '.' {
            // "Sept. 19", "a.m. Monday", "Mr. Smith" are not sentence ends.
            let prev_short = k > 0 && toks[k - 1].kind == Kind::Word && toks[k - 1].len() <= 2;
            let prev_abbrev = k > 0 && matches!(toks[k - 1].lex, Lex::Month { .. } | Lex::W(W::Mr));
            return !(prev_short || prev_abbrev);
        }
    }
    false
}

/// The tense of the clause around tokens `start..end`: the nearest marker to the left in
/// the same sentence, else the nearest to the right.
pub fn around(toks: &[Token], text: &str, start: usize, end: usize) -> Tense {
    // "until Tuesday", "as soon as Tuesday", "as early as next week": a time still to come.
    let before = |n: usize| start.checked_sub(n).map(|k| word(&toks[k], text));
    let is = |w: Option<&str>, x: &str| w.is_some_and(|w| w.eq_ignore_ascii_case(x));
    if is(before(1), "until")
        || is(before(1), "till")
        || (is(before(1), "as")
            && (is(before(2), "soon") || is(before(2), "early"))
            && is(before(3), "as"))
    {
        return Tense::Future;
    }
    let mut k = start;
    let mut steps = 0;
    while k > 0 && steps < 12 {
        if toks[k].flags & BREAK != 0 {
            break;
        }
        k -= 1;
        if boundary(toks, k) {
            break;
        }
        if let Some(t) = marker(toks, k, text) {
            return t;
        }
        steps += 1;
    }
    let mut k = end;
    steps = 0;
    while k < toks.len() && steps < 12 {
        if boundary(toks, k) || (k > end && toks[k].flags & BREAK != 0) {
            break;
        }
        if let Some(t) = marker(toks, k, text) {
            return t;
        }
        k += 1;
        steps += 1;
    }
    Tense::Unknown
}
