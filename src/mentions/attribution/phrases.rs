//! Frames opened by phrases rather than verbs: "according to X", "in X's view", "X's
//! statement that", "the official American version that", "in a statement released by X",
//! "reports are coming in", "there have been reports of", "on the false pretext of", and a
//! colon before a quotation ("X was dismissive: “…”").

use super::cues::*;
use super::lexicon::{CAP_STOP, is_demonym, is_doc_noun, is_org_head};
use super::quotes::{self, Quote};
use super::subjects::*;
use super::tokens::{Kind, Toks};
use super::verbs::Act;
use crate::timeline::Stance;

/// Nouns that carry someone's claim: "X's statement", "the official version that".
pub(super) const CLAIM_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "claim",
    "claims",
    "version",
    "account",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "assertion",
    "assertions",
    "announcement",
    "denial",
    "admission",
    "view",
    "position",
    "remarks",
    "comments",
    "explanation",
    "argument",
    "warning",
    "insistence",
    "contention",
    "narrative",
    "line",
    "charge",
    "charges",
    "report",
    "reports",
    "release",
    "communique",
    "communiqué",
    "testimony",
    "words",
    "response",
    "reply",
    "answer",
    "message",
    "retort",
    "verdict",
    "conclusion",
];

/// Claim nouns that make the speaker's stance "alleges".
pub(super) const ALLEGING_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "assertion",
    "assertions",
    "contention",
    "narrative",
];

/// Phrase patterns: "according to X", "in X's view", "X's statement that", "the official
/// American version that", "in a statement released by X", "reports are coming in", "there
/// have been reports of", "on the false pretext of", "X quoted Y as saying".
pub(super) fn phrases(t: &Toks, quotes: &[Quote], sa: usize, sb: usize, frames: &mut Vec<Frame>) {
    let mut i = sa;
    while i < sb {
        let w = t.l(i);
        // according to X
        if w == "according" && t.is(i + 1, &["to"]) {
            if let Some(f) = according(t, quotes, sa, sb, i) {
                frames.push(f);
            }
            i += 2;
            continue;
        }
        // in X's view / from X's point of view
        if (w == "in" || w == "from")
            && i + 1 < sb
            && let Some(p) = (i + 1..(i + 8).min(sb)).find(|&k| t.kind(k) == Kind::Possessive)
        {
            let head = p + 1;
            if t.is(head, &["view", "eyes", "opinion", "words"])
                || t.is(head, &["point"]) && t.is(head + 1, &["of"]) && t.is(head + 2, &["view"])
            {
                let hend = if t.is(head, &["point"]) {
                    head + 3
                } else {
                    head + 1
                };
                let mut c0 = hend;
                if t.punct(c0, ",") {
                    c0 += 1;
                }
                let end = clause_end(t, quotes, c0, sb);
                let mut f = Frame::new((i, hend), Act::Say, Who::Phrase(i + 1, p), (c0, end));
                f.nominal = true;
                frames.push(f);
                i = hend;
                continue;
            }
        }
        // reports are coming in (saying that)
        if w == "reports"
            && t.is(i + 1, &["are", "were", "is"])
            && t.is(i + 2, &["coming"])
            && t.is(i + 3, &["in"])
        {
            let mut c = i + 4;
            if t.is(c, &["saying", "suggesting", "claiming", "indicating"]) {
                c += 1;
            }
            if t.is(c, &["that"]) {
                c += 1;
            }
            let end = clause_end(t, quotes, c, sb);
            let mut f = Frame::new((i, c), Act::Say, Who::Unnamed("unnamed reports"), (c, end));
            f.stance = Stance::Alleges;
            frames.push(f);
            i = c;
            continue;
        }
        // there have been reports of / that
        if w == "there" {
            let mut k = i + 1;
            while k < sb
                && k < i + 4
                && t.is(
                    k,
                    &[
                        "have", "has", "had", "been", "are", "were", "is", "was", "also", "now",
                        "already",
                    ],
                )
            {
                k += 1;
            }
            while k < sb
                && k < i + 6
                && t.is_word(k)
                && !t.is(
                    k,
                    &[
                        "reports",
                        "claims",
                        "allegations",
                        "suggestions",
                        "rumours",
                        "rumors",
                        "accounts",
                    ],
                )
                && (t.l(k).ends_with("ed")
                    || t.l(k).ends_with("ing")
                    || t.l(k).ends_with("ous")
                    || t.l(k).ends_with("al")
                    || t.is(
                        k,
                        &[
                            "new",
                            "many",
                            "some",
                            "several",
                            "unconfirmed",
                            "other",
                            "numerous",
                            "fresh",
                            "conflicting",
                        ],
                    ))
            {
                k += 1;
            }
            if k > i + 1
                && t.is(
                    k,
                    &[
                        "reports",
                        "claims",
                        "allegations",
                        "suggestions",
                        "rumours",
                        "rumors",
                        "accounts",
                    ],
                )
                && t.is(k + 1, &["of", "that"])
            {
                let c = k + 2;
                let end = clause_end(t, quotes, c, sb);
                let label = if t.is(k, &["reports", "accounts"]) {
                    "unnamed reports"
                } else {
                    "unnamed sources"
                };
                let mut f = Frame::new((i, c), Act::Claim, Who::Unnamed(label), (c, end));
                f.stance = Stance::Alleges;
                f.nominal = true;
                frames.push(f);
                i = c;
                continue;
            }
        }
        // "reportedly": unnamed reports over the clause.
        if w == "reportedly" {
            let s = clause_start(t, quotes, sa, i);
            let end = clause_end(t, quotes, i, sb);
            let mut f = Frame::new(
                (i, i + 1),
                Act::Say,
                Who::Unnamed("unnamed reports"),
                (s, end),
            );
            f.stance = Stance::Alleges;
            frames.push(f);
            i += 1;
            continue;
        }
        // on the (false) pretext of / under the pretext that
        if (w == "pretext" || w == "pretence" || w == "guise" || w == "excuse")
            && t.is(i + 1, &["of", "that"])
        {
            let mut a = i;
            while a > sa
                && t.is(
                    a - 1,
                    &[
                        "the",
                        "a",
                        "false",
                        "flimsy",
                        "dubious",
                        "spurious",
                        "so-called",
                        "on",
                        "under",
                        "convenient",
                        "bogus",
                    ],
                )
            {
                a -= 1;
            }
            if a < i && t.is(a, &["on", "under"]) {
                let who = match main_subject(t, quotes, sa, a) {
                    Some((s, e)) => Who::Phrase(s, e),
                    None => Who::Previous,
                };
                let c0 = i + 2;
                let mut end = c0;
                // The pretext itself: a quote or a short phrase.
                if let Some(q) = quotes::at(quotes, c0) {
                    end = q.b;
                } else {
                    while end < sb
                        && end < c0 + 8
                        && !t.punct(end, ",")
                        && !t.punct(end, ".")
                        && !t.punct(end, ";")
                    {
                        end += 1;
                    }
                }
                let mut f = Frame::new((a, c0), Act::Claim, who, (c0, end));
                f.nominal = true;
                frames.push(f);
                i = end;
                continue;
            }
        }
        // "if a report from X is to be believed": X over the clause before.
        if w == "if" && i > sa {
            let mut k = i + 1;
            while k < sb && k < i + 12 && !t.is(k, &["is", "are"]) {
                k += 1;
            }
            if t.is(k, &["is", "are"])
                && t.is(k + 1, &["to"])
                && t.is(k + 2, &["be"])
                && t.is(k + 3, &["believed", "trusted"])
                && (i + 1..k).any(|m| is_doc_noun(t.l(m)))
            {
                let mut c1 = i;
                while c1 > sa && t.punct(c1 - 1, ",") {
                    c1 -= 1;
                }
                let s = clause_start(t, quotes, sa, i);
                let mut f = Frame::new((i, k + 4), Act::Say, Who::Phrase(i + 1, k), (s, c1));
                f.stance = Stance::Alleges;
                f.postposed = true;
                f.nominal = true;
                frames.push(f);
                i = k + 4;
                continue;
            }
        }
        // in a statement (released) by X / a statement from X / response from X
        if is_doc_noun(w) || CLAIM_NOUNS.contains(&w) {
            let mut k = i + 1;
            if t.is(
                k,
                &[
                    "released",
                    "issued",
                    "published",
                    "posted",
                    "put",
                    "sent",
                    "carried",
                    "aired",
                    "broadcast",
                    "made",
                ],
            ) {
                k += 1;
                if t.is(k, &["out"]) {
                    k += 1;
                }
            }
            if t.is(k, &["by", "from"])
                && k + 1 < sb
                && (t.cap(k + 1) || t.is(k + 1, &["the"]) && k + 2 < sb && t.cap(k + 2))
            {
                let s = k + 1;
                let mut e = s;
                while e < sb
                    && (t.cap(e)
                        || t.acronym(e)
                        || t.is(e, &["the", "of", "for", "and"]) && e + 1 < sb && t.cap(e + 1)
                        || t.kind(e) == Kind::Possessive)
                {
                    e += 1;
                }
                if e > s {
                    // Where is the content? "In a statement by X, it said ..." → after;
                    // "a response from X (“…”)" → the bracketed quote.
                    let mut a = i;
                    while a > sa
                        && t.is(
                            a - 1,
                            &[
                                "a", "an", "the", "in", "one", "new", "latest", "recent", "joint",
                                "official", "obvious", "earlier", "brief",
                            ],
                        )
                    {
                        a -= 1;
                    }
                    let intro = a == sa || t.is(a, &["in"]) || a > sa && t.punct(a - 1, ",");
                    let mut c0 = e;
                    if t.punct(c0, ",") {
                        c0 += 1;
                    }
                    if t.punct(c0, "(") && c0 + 1 < sb && t.is_open(c0 + 1) {
                        let q = quotes::at(quotes, c0 + 1).copied();
                        if let Some(q) = q {
                            let mut f =
                                Frame::new((i, k + 1), Act::Say, Who::Phrase(s, e), (q.a, q.b));
                            f.nominal = true;
                            frames.push(f);
                            i = q.b;
                            continue;
                        }
                    }
                    if t.is(
                        c0,
                        &[
                            "that",
                            "says",
                            "said",
                            "claims",
                            "claimed",
                            "states",
                            "stated",
                            "reads",
                            "read",
                            "shows",
                            "showed",
                            "suggests",
                            "suggested",
                        ],
                    ) {
                        c0 += 1;
                        if t.is(c0, &["that"]) {
                            c0 += 1;
                        }
                    } else if !intro {
                        // "One report by BBC says" is handled by the verb pass.
                        i = e;
                        continue;
                    }
                    let end = clause_end(t, quotes, c0, sb);
                    let stance = if ALLEGING_NOUNS.contains(&w) {
                        Stance::Alleges
                    } else {
                        Stance::Asserts
                    };
                    let mut f = Frame::new((a, k + 1), Act::Say, Who::Phrase(s, e), (c0, end));
                    f.stance = stance;
                    f.nominal = true;
                    frames.push(f);
                    i = e;
                    continue;
                }
            }
        }
        // X's statement/claim (that ...)
        if t.kind(i) == Kind::Possessive && i > sa {
            let mut h = i + 1;
            while h < sb
                && h < i + 4
                && t.is_word(h)
                && !CLAIM_NOUNS.contains(&t.l(h))
                && !t.cap(h)
                && (t.l(h).ends_with("ed")
                    || t.l(h).ends_with("al")
                    || t.l(h).ends_with("ous")
                    || t.l(h).ends_with("est")
                    || t.is(
                        h,
                        &[
                            "new", "latest", "own", "earlier", "first", "press", "widely", "false",
                            "official", "public", "main",
                        ],
                    ))
            {
                h += 1;
            }
            if t.is(h, CLAIM_NOUNS)
                && !t.is(
                    h,
                    &[
                        "view",
                        "words",
                        "line",
                        "position",
                        "account",
                        "report",
                        "reports",
                        "release",
                        "response",
                        "reply",
                        "answer",
                        "message",
                        "conclusion",
                    ],
                )
            {
                let (s, e) = possessor(t, sa, i);
                if e > s
                    && let Some(f) = nominal_frame(t, quotes, sa, sb, s, e, (s, h + 1), h)
                {
                    frames.push(f);
                    i = h + 1;
                    continue;
                }
            }
        }
        // the (official) American version that / the official version of X
        if t.is(
            i,
            &[
                "version",
                "account",
                "claim",
                "claims",
                "statement",
                "position",
                "allegation",
                "allegations",
                "accusation",
                "accusations",
                "assertion",
                "narrative",
                "denial",
                "explanation",
            ],
        ) {
            // DEMONYM + noun
            let mut a = i;
            while a > sa
                && t.is(
                    a - 1,
                    &[
                        "official",
                        "public",
                        "latest",
                        "new",
                        "earlier",
                        "initial",
                        "first",
                        "original",
                        "press",
                        "release",
                        "government",
                        "military",
                    ],
                )
            {
                a -= 1;
            }
            if a > sa
                && (is_demonym(t.l(a - 1))
                    || t.acronym(a - 1)
                    || t.cap(a - 1) && is_org_head(t.l(a - 1))
                    // "an Equinor press release claim": a name issuing a release.
                    || t.cap(a - 1) && a < i && !CAP_STOP.contains(&t.l(a - 1)))
                && t.is_word(a - 1)
                && !t.is(a - 1, &["the", "a"])
            {
                // "the official American version", "CENTCOM press release claim".
                let mut s = a - 1;
                while s > sa
                    && (t.cap(s - 1) || t.acronym(s - 1))
                    && !t.is(s - 1, &["the", "a", "an", "this", "that", "The"])
                {
                    s -= 1;
                }
                if !crate::mentions::attribution::lexicon::CAP_STOP.contains(&t.l(s))
                    || is_demonym(t.l(s))
                {
                    let mut d = s;
                    while d > sa
                        && t.is(d - 1, &["the", "a", "an", "official", "earlier", "latest"])
                    {
                        d -= 1;
                    }
                    if let Some(f) = nominal_frame(t, quotes, sa, sb, s, a.min(i), (d, i + 1), i) {
                        frames.push(f);
                        i += 1;
                        continue;
                    }
                }
            }
            // noun of X (that|about|,)
            if t.is(i + 1, &["of"])
                && i + 2 < sb
                && (t.cap(i + 2) || t.is(i + 2, &["the"]) && i + 3 < sb && t.cap(i + 3))
            {
                let s = i + 2;
                let mut e = s;
                while e < sb
                    && (t.cap(e) || t.acronym(e) || t.is(e, &["the"]) && e + 1 < sb && t.cap(e + 1))
                {
                    e += 1;
                }
                if e > s && t.is(e, &["about", "that", "on", "of"]) || t.punct(e, ",") {
                    let mut d = i;
                    while d > sa
                        && t.is(d - 1, &["the", "a", "an", "official", "earlier", "latest"])
                    {
                        d -= 1;
                    }
                    let c0 = if t.punct(e, ",") { e } else { e + 1 };
                    let mut end = clause_end(t, quotes, c0, sb);
                    end = end.min(nominal_end(t, c0, end));
                    let mut f = Frame::new((d, i + 2), Act::Say, Who::Phrase(s, e), (c0, end));
                    f.nominal = true;
                    if ALLEGING_NOUNS.contains(&w) {
                        f.stance = Stance::Alleges;
                    }
                    frames.push(f);
                    i = e;
                    continue;
                }
            }
        }
        // accusations were made by X (against Y)
        if t.is(
            i,
            &["made", "levelled", "leveled", "raised", "voiced", "issued"],
        ) && i > sa + 1
            && t.is(i - 1, &["were", "was", "been"])
            && t.is(i + 1, &["by"])
        {
            let noun = (sa..i)
                .rev()
                .find(|&k| t.is(k, CLAIM_NOUNS) || t.is(k, &["threats", "demands", "complaints"]));
            if let Some(n) = noun {
                let s = i + 2;
                let mut e = s;
                while e < sb
                    && !t.punct(e, ",")
                    && !t.punct(e, ".")
                    && !t.is(
                        e,
                        &[
                            "against", "that", "on", "in", "over", "about", "at", "during",
                        ],
                    )
                {
                    e += 1;
                }
                if e > s {
                    let c0 = clause_start(t, quotes, sa, n);
                    let end = clause_end(t, quotes, e, sb);
                    let mut f =
                        Frame::new((i - 1, i + 2), Act::Claim, Who::Phrase(s, e), (c0, end));
                    if !ALLEGING_NOUNS.contains(&t.l(n)) {
                        f.stance = Stance::Asserts;
                    }
                    f.nominal = true;
                    frames.push(f);
                    i = e;
                    continue;
                }
            }
        }
        i += 1;
    }
}

/// "According to X, A." / "A, according to X." / "It is no surprise that according to X, A".
pub(super) fn according(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    i: usize,
) -> Option<Frame> {
    let s = i + 2;
    let mut e = s;
    while e < sb
        && e < s + 14
        && !t.punct(e, ",")
        && !t.punct(e, ".")
        && !t.punct(e, ";")
        && !t.is(e, &["that"])
        && !t.is_open(e)
    {
        e += 1;
    }
    if e == s {
        return None;
    }
    let rest_words = (e..sb).filter(|&k| t.is_word(k)).count();
    let content = if t.punct(e, ",") && rest_words >= 3 {
        let c0 = e + 1;
        (c0, clause_end(t, quotes, c0, sb))
    } else if t.is(e, &["that"]) && rest_words >= 3 {
        (e + 1, clause_end(t, quotes, e + 1, sb))
    } else {
        let c0 = clause_start(t, quotes, sa, i);
        let mut c1 = i;
        while c1 > c0 && t.punct(c1 - 1, ",") {
            c1 -= 1;
        }
        (c0, c1)
    };
    let mut f = Frame::new((i, i + 2), Act::Say, Who::Phrase(s, e), content);
    f.nominal = true;
    Some(f)
}

/// The possessor before a possessive token: "the Russian ministry's" → "the Russian ministry".
pub(super) fn possessor(t: &Toks, sa: usize, p: usize) -> (usize, usize) {
    let mut s = p;
    while s > sa
        && (t.cap(s - 1)
            || t.acronym(s - 1)
            || t.is(s - 1, &["of", "for"]) && s >= sa + 2 && t.cap(s - 2))
    {
        s -= 1;
    }
    if s == p && p > sa && t.is_word(p - 1) {
        // A lower-case possessor: "the ministry's", "the official's".
        s = p - 1;
        while s > sa
            && t.is_word(s - 1)
            && !t.is(s - 1, &["the", "a", "an", "this", "that"])
            && !t.cap(s - 1)
            && s + 4 > p
        {
            s -= 1;
        }
    }
    (s, p)
}

/// End of a nominal claim's content: "the official version that A because B" stops at
/// "because".
pub(super) fn nominal_end(t: &Toks, from: usize, end: usize) -> usize {
    (from..end)
        .find(|&k| {
            t.is(
                k,
                &["because", "since", "although", "though", "while", "whereas"],
            ) || t.punct(k, ";")
        })
        .unwrap_or(end)
}

/// A nominal frame: `who` owns the claim noun at `noun`; content after "that"/"of"/"about".
#[allow(clippy::too_many_arguments)]
pub(super) fn nominal_frame(
    t: &Toks,
    quotes: &[Quote],
    _sa: usize,
    sb: usize,
    s: usize,
    e: usize,
    cue: (usize, usize),
    noun: usize,
) -> Option<Frame> {
    let mut c0 = noun + 1;
    if t.is(c0, &["that", "of", "about", "on", "regarding"]) || t.punct(c0, ":") {
        c0 += 1;
    } else if !(t.punct(c0, ",") || t.punct(c0, ".") || c0 >= sb) {
        // "X's claim was" – the content is not attached; the claim noun alone.
        c0 = noun + 1;
        let mut f = Frame::new(cue, Act::Say, Who::Phrase(s, e), (cue.0, noun + 1));
        f.nominal = true;
        if ALLEGING_NOUNS.contains(&t.l(noun)) {
            f.stance = Stance::Alleges;
        }
        return Some(f).filter(|_| c0 > 0);
    }
    let mut end = clause_end(t, quotes, c0, sb);
    end = end.min(nominal_end(t, c0, end));
    let mut f = Frame::new(cue, Act::Say, Who::Phrase(s, e), (c0, end));
    f.nominal = true;
    if ALLEGING_NOUNS.contains(&t.l(noun)) {
        f.stance = Stance::Alleges;
    }
    Some(f)
}

/// "X was dismissive: “…”", "Kremlin spokesman Y put the record straight: “…”": a colon
/// before a quote (or at the paragraph end) with no cue of its own.
pub(super) fn colons(t: &Toks, quotes: &[Quote], sa: usize, sb: usize, frames: &mut Vec<Frame>) {
    for k in sa..sb {
        if !t.punct(k, ":") {
            continue;
        }
        if quotes::at(quotes, k).is_some_and(Quote::is_speech) {
            continue;
        }
        // Already covered by a cue frame ending here ("She added:").
        if frames.iter().any(|f| {
            f.cue.1 <= k && f.content.0 >= k && f.content.0 <= k + 1
                || f.cue.1 == k + 1
                || f.cue.1 == k
        }) {
            continue;
        }
        let next = k + 1;
        let quote_next =
            next < sb && t.is_open(next) && quotes::at(quotes, next).is_some_and(Quote::is_speech);
        let para_end = next >= t.len();
        if !(quote_next || para_end) {
            continue;
        }
        let Some((s, e)) = main_subject(t, quotes, sa, k) else {
            continue;
        };
        let content = match quotes::at(quotes, next).copied() {
            Some(q) if quote_next => (q.a, q.b.max(clause_end(t, quotes, next, sb))),
            _ => (next, next),
        };
        let mut f = Frame::new((k, k + 1), Act::Say, Who::Phrase(s, e), content);
        f.forward = para_end;
        frames.push(f);
    }
}
