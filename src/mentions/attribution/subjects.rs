//! The subject of a reporting verb: who "said", found by walking back from the verb over
//! auxiliaries and adverbs, past relative clauses ("X, who ..., said") and introductory
//! phrases ("On Monday, ...", "Sensing the mood, X said").

use super::cues::*;
use super::quotes::{self, Quote};
use super::tokens::{Kind, Toks};
use super::verbs::{self, BETWEEN, Form, NEGATIONS};

/// Linking words that open a sentence with a capital and are not part of its subject.
pub(super) const CAPITAL_LINKS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "then",
    "also",
    "still",
    "however",
    "meanwhile",
    "instead",
    "now",
    "thus",
    "hence",
    "indeed",
    "moreover",
    "later",
    "earlier",
    "initially",
    "finally",
];

/// Words that open a clause: a subject search stops before them.
/// The contrasting ones (see [`CONTRASTS`]) open a clause too.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "that", "when", "while", "whilst", "as", "because", "if", "after", "before", "since", "unless",
    "once", "until", "so", "where", "whether", "than", "despite", "instead",
];

/// Words that open a clause set against what came before: after a comma, with "and", they
/// end a claim ("..., the officer announced, but her rival refused").
pub(super) const CONTRASTS: &[&str] = &["but", "yet", "although", "though", "whereas"];

/// Prepositions and adverbs that open an introductory phrase ("On Monday,", "Meanwhile,").
pub(super) const INTRO_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "since",
    "by",
    "for",
    "from",
    "with",
    "without",
    "despite",
    "following",
    "amid",
    "under",
    "over",
    "meanwhile",
    "however",
    "moreover",
    "furthermore",
    "instead",
    "then",
    "now",
    "also",
    "still",
    "yet",
    "later",
    "earlier",
    "today",
    "yesterday",
    "last",
    "some",
    "a",
    "an",
    "few",
    "several",
    "hours",
    "days",
    "weeks",
    "months",
    "minutes",
    "ago",
    "initially",
    "finally",
    "first",
    "in",
    "fact",
    "indeed",
    "so",
    "thus",
    "hence",
    "therefore",
    "but",
    "and",
    "or",
    "when",
    "while",
    "whilst",
    "as",
    "if",
    "although",
    "though",
    "because",
    "sensing",
    "asked",
    "speaking",
    "summarizing",
    "summarising",
    "according",
    "unlike",
    "like",
    "to",
    "through",
    "once",
    "again",
    "recently",
    "shortly",
    "soon",
    "night",
    "morning",
    "evening",
    "afternoon",
    "week",
    "month",
    "year",
    "weekend",
    "clearly",
    "obviously",
    "of",
    "course",
    "naturally",
    "not",
    "surprisingly",
    "unsurprisingly",
    "importantly",
    "notably",
    "crucially",
    "only",
    "even",
    "just",
    "back",
    "around",
    "about",
    "this",
    "that",
    "the",
    "same",
    "moment",
];

/// Common finite verbs that end a subject phrase when searching forward.
pub(super) const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "came",
    "went",
    "took",
    "gave",
    "made",
    "put",
    "got",
    "saw",
    "began",
    "left",
    "kept",
    "held",
    "brought",
    "met",
    "sent",
    "stood",
    "ran",
    "fell",
    "became",
    "seems",
    "seemed",
    "appears",
    "appeared",
    "tried",
    "tries",
    "wants",
    "wanted",
    "needs",
    "needed",
    "continued",
    "continues",
    "remains",
    "remained",
    "lamely",
    "walked",
    "travelled",
    "traveled",
    "joined",
    "struck",
    "hit",
    "bombed",
    "attacked",
    "launched",
    "killed",
    "used",
    "showed",
    "shows",
    "sought",
    "seeks",
    "knew",
    "knows",
    "thinks",
    "thought",
    "believes",
    "believed",
    "expected",
    "agreed",
    "offered",
    "failed",
    "managed",
    "refused",
    "decided",
    "started",
    "stopped",
    "helped",
    "moved",
    "returned",
];

/// Tokens skipped backwards from `j` (exclusive) over auxiliaries and adverbs; reports
/// whether a negation was among them.
pub(super) fn skip_back(t: &Toks, sa: usize, mut j: usize) -> (usize, bool) {
    let mut negated = false;
    while j > sa {
        let w = t.l(j - 1);
        if NEGATIONS.contains(&w) {
            negated = true;
            j -= 1;
        } else if BETWEEN.contains(&w) || (w.ends_with("ly") && w.len() > 4 && !t.cap(j - 1)) {
            // "in the same breath", "at once": small adverbial phrases.
            j -= 1;
        } else if w == "once" || w == "flatly" {
            j -= 1;
        } else {
            break;
        }
    }
    (j, negated)
}

/// Is token `k` one that ends a subject phrase when walking backwards?
pub(super) fn stops_subject(t: &Toks, k: usize) -> bool {
    let w = t.l(k);
    if t.kind(k) == Kind::Punct {
        return matches!(
            t.s(k),
            ";" | ":" | "—" | "–" | "." | "!" | "?" | "(" | "[" | "…" | "..."
        ) || t.s(k).len() > 3;
    }
    if t.is_open(k) || t.is_close(k) {
        return false;
    }
    (CLAUSE_OPENERS.contains(&w) || CONTRASTS.contains(&w)) && !t.cap(k)
        || matches!(w, "which" | "who" | "whom" | "whose")
        || FINITE.contains(&w)
        || verbs::lookup(w).is_some_and(|(_, _, f)| f == Form::Finite) && !t.cap(k)
}

/// The subject phrase right before a verb at `j` (exclusive end): token range, or `None`
/// when the verb has no subject of its own.
pub fn subject_before(t: &Toks, quotes: &[Quote], sa: usize, j: usize) -> Option<(usize, usize)> {
    subject_before_rel(t, quotes, sa, j).map(|(s, e, _)| (s, e))
}

/// `subject_before`, also telling whether the phrase is the antecedent of "who"/"which".
pub(super) fn subject_before_rel(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    j: usize,
) -> Option<(usize, usize, bool)> {
    if j <= sa {
        return None;
    }
    let mut relative = false;
    let mut e = j;
    // "X, who of all people should know, was reported": skip a relative clause in commas.
    if e > sa + 2 && t.punct(e - 1, ",") {
        let mut k = e - 2;
        while k > sa && k + 30 > e {
            if t.punct(k, ";") || t.punct(k, ".") {
                break;
            }
            if t.is(k, &["who", "which", "whose"]) && t.punct(k - 1, ",") {
                e = k - 1;
                break;
            }
            k -= 1;
        }
    }
    // "X, who in a moment of candour pointed out": the antecedent of "who".
    let mut k = e;
    while k > sa && k + 8 > e {
        let w = t.l(k - 1);
        if matches!(w, "who" | "which") {
            let mut a = k - 1;
            if a > sa && t.punct(a - 1, ",") {
                a -= 1;
            }
            if a > sa && (t.is_word(a - 1) || t.is_close(a - 1) || t.punct(a - 1, ")")) {
                // The antecedent ends at `a`; walk back from there.
                e = a;
                relative = w == "who";
            }
            break;
        }
        if t.punct(k - 1, ",") || t.kind(k - 1) != Kind::Word || t.cap(k - 1) {
            break;
        }
        k -= 1;
    }
    // Walk back to the start of the phrase; inside a quotation when the verb is in it too.
    let own = quotes::at(quotes, j - 1).copied();
    let mut s = e;
    let mut depth = 0i32;
    while s > sa {
        let k = s - 1;
        if let Some(q) = quotes::at(quotes, k)
            && Some(*q) != own
        {
            if q.is_speech() {
                break;
            }
            // A scare quote inside the subject ("the “spiritual leader” of ...").
            s = q.a.max(sa);
            continue;
        }
        match t.s(k) {
            ")" | "]" if t.kind(k) == Kind::Punct => depth += 1,
            "(" | "[" if t.kind(k) == Kind::Punct => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                s = k;
                continue;
            }
            _ => {}
        }
        if depth > 0 {
            s = k;
            continue;
        }
        if stops_subject(t, k) {
            break;
        }
        // "and" joins names ("Kerry and Lavrov said") but also clauses.
        if t.is(k, &["and", "or"]) && !(k > sa && (t.cap(k - 1) || t.is(k - 1, &["i"]))) {
            break;
        }
        if t.punct(k, ",") && k > sa && t.is(k - 1, &["and", "but"]) {
            break;
        }
        if e - k > 30 {
            // The walk gave up inside the clause before the speaker ("... on the day
            // it crashed on July 17, General X, head of the ... of the ..., said"): that
            // clause's tail, up to its comma, is no part of the subject.
            if let Some(c) = (s..e).find(|&c| t.punct(c, ",")) {
                s = c + 1;
            }
            break;
        }
        s = k;
    }
    // "... on the day it crashed on July 17, General X, head of ..., said": a segment with a
    // finite verb of its own is the clause before the speaker, not part of the subject.
    while let Some(c) = (s..e).find(|&c| t.punct(c, ",") && quotes::at(quotes, c).is_none())
        && finite_verb(t, s, c).is_some()
    {
        s = c + 1;
    }
    let (s, e) = trim_phrase(t, quotes, s, e)?;
    Some((s, e, relative))
}

/// Drop introductory phrases and leading adverbs from a subject phrase; `None` if nothing
/// that can speak is left.
pub(super) fn trim_phrase(
    t: &Toks,
    quotes: &[Quote],
    mut s: usize,
    mut e: usize,
) -> Option<(usize, usize)> {
    while e > s && (t.punct(e - 1, ",") || t.punct(e - 1, "—")) {
        e -= 1;
    }
    // Comma segments at depth 0.
    let mut cuts = Vec::new();
    let mut depth = 0i32;
    let mut k = s;
    while k < e {
        if let Some(q) = quotes::at(quotes, k) {
            k = q.b.max(k + 1);
            continue;
        }
        match t.s(k) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            "," if depth == 0 && t.kind(k) == Kind::Punct => cuts.push(k),
            _ => {}
        }
        k += 1;
    }
    // Leading segments that are introductory phrases go.
    for &c in &cuts {
        if is_intro(t, s, c) {
            s = c + 1;
        } else {
            break;
        }
    }
    // Within the first segment: "Some hours later Russia", "In fact the ministry".
    let seg_end = cuts.iter().copied().find(|&c| c > s).unwrap_or(e);
    let mut k = s;
    while k < seg_end
        && t.is_word(k)
        && (!t.cap(k) || t.is(k, CAPITAL_LINKS))
        && INTRO_WORDS.contains(&t.l(k))
        && !t.is(
            k,
            &["the", "a", "an", "this", "that", "some", "several", "few"],
        )
    {
        k += 1;
    }
    // "Some hours later", "a few hours later": a time phrase before the subject.
    if let Some(later) = (s..seg_end.min(s + 5)).find(|&m| t.is(m, &["later", "earlier", "ago"]))
        && (s..later).all(|m| t.is_word(m) && !t.cap(m) || t.kind(m) == Kind::Number)
    {
        k = k.max(later + 1);
    }
    // "On 16 May," without a comma split or "In April the HNC": a preposition and date.
    if t.is(k, &["on", "in", "at", "during", "by"]) {
        let mut m = k + 1;
        while m < seg_end && (t.kind(m) == Kind::Number || t.is(m, MONTHS) || t.is(m, WEEKDAYS)) {
            m += 1;
        }
        if m > k + 1 {
            k = m;
        }
    }
    s = k;
    while s < e && (t.punct(s, ",") || t.kind(s) == Kind::Punct && !t.punct(s, "(")) {
        s += 1;
    }
    (e > s && (s..e).any(|k| t.is_word(k))).then_some((s, e))
}

/// Does tokens `a..b` look like an introductory phrase: "On Monday", "However",
/// "Sensing the way the wind was blowing", "In a statement released by X"?
pub(super) fn is_intro(t: &Toks, a: usize, b: usize) -> bool {
    if a >= b {
        return true;
    }
    // "despite this,", "so,": a linking word on its own.
    if (a..b).all(|k| {
        t.is(
            k,
            &[
                "this", "that", "so", "then", "now", "too", "also", "however", "though", "instead",
                "despite", "yet", "still", "thus", "hence", "well", "just", "as",
            ],
        )
    }) {
        return true;
    }
    // A segment with a finite verb is a clause, not an introductory phrase.
    if (a + 1..b).any(|k| FINITE.contains(&t.l(k)) && !t.cap(k)) {
        return false;
    }
    let w = t.l(a);
    if t.kind(a) == Kind::Number || t.is(a, MONTHS) || t.is(a, WEEKDAYS) {
        return true;
    }
    if matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "since"
            | "by"
            | "for"
            | "from"
            | "with"
            | "without"
            | "despite"
            | "following"
            | "amid"
            | "under"
            | "meanwhile"
            | "however"
            | "moreover"
            | "furthermore"
            | "instead"
            | "then"
            | "now"
            | "still"
            | "yet"
            | "later"
            | "earlier"
            | "today"
            | "yesterday"
            | "last"
            | "initially"
            | "finally"
            | "first"
            | "indeed"
            | "so"
            | "thus"
            | "hence"
            | "therefore"
            | "but"
            | "and"
            | "when"
            | "while"
            | "whilst"
            | "if"
            | "although"
            | "though"
            | "because"
            | "unlike"
            | "like"
            | "as"
            | "once"
            | "again"
            | "to"
            | "through"
            | "summarizing"
            | "summarising"
            | "clearly"
            | "obviously"
            | "naturally"
            | "surprisingly"
            | "notably"
            | "also"
            | "what"
            | "asked"
    ) {
        return true;
    }
    // A participial clause: "Sensing the way ...", "enacted,".
    t.l(a).ends_with("ing") && !t.cap(a)
        || t.l(a).ends_with("ing") && a + 1 < b && !t.cap(a + 1)
        || t.l(a).ends_with("ed") && !t.cap(a) && b - a <= 3
}

/// The subject of the clause holding token `i`: the first phrase after introductory ones,
/// up to the first finite verb. Used for participles ("…, saying that") and pretexts.
pub fn main_subject(t: &Toks, quotes: &[Quote], sa: usize, i: usize) -> Option<(usize, usize)> {
    // Start at the last clause opener before `i` that begins the sentence or follows ";".
    let mut start = sa;
    while start < i && (t.kind(start) == Kind::Punct) {
        start += 1;
    }
    if t.is(
        start,
        &[
            "when", "while", "whilst", "as", "after", "although", "though", "if", "because",
            "since", "but", "and", "so", "once", "until", "unless", "before",
        ],
    ) {
        let subordinate = !t.is(start, &["but", "and", "so"]);
        start += 1;
        // "Whilst he floundered, X put the record straight:": the main clause's subject, when
        // the main clause begins before `i`.
        if subordinate {
            let mut depth = 0i32;
            let mut k = start;
            while k < i {
                if let Some(q) = quotes::at(quotes, k) {
                    k = q.b.max(k + 1);
                    continue;
                }
                match t.s(k) {
                    "(" | "[" => depth += 1,
                    ")" | "]" => depth -= 1,
                    "," if depth == 0 && t.kind(k) == Kind::Punct => {
                        let rest_words = (k + 1..i).filter(|&m| t.is_word(m)).count();
                        if rest_words >= 2 && !is_intro(t, k + 1, i) {
                            start = k + 1;
                        }
                        break;
                    }
                    _ => {}
                }
                k += 1;
            }
        }
    }
    // Skip introductory segments.
    let mut k = start;
    let mut seg_start = start;
    let mut depth = 0i32;
    while k < i {
        if let Some(q) = quotes::at(quotes, k) {
            k = q.b.max(k + 1);
            continue;
        }
        match t.s(k) {
            "(" => depth += 1,
            ")" => depth -= 1,
            "," if depth == 0 && t.kind(k) == Kind::Punct => {
                if is_intro(t, seg_start, k) {
                    seg_start = k + 1;
                } else {
                    break;
                }
            }
            _ => {}
        }
        k += 1;
    }
    // "…said X": a sentence that opens with its verb has no subject before it.
    if seg_start < i
        && t.is_word(seg_start)
        && !t.cap(seg_start)
        && (FINITE.contains(&t.l(seg_start)) || verbs::lookup(t.l(seg_start)).is_some())
    {
        return None;
    }
    // The subject runs to the first finite verb (or the participle itself): one the tagger
    // reads as a past or present verb ("won", "took"), or one of the word lists below.
    let tagged = finite_verb(t, seg_start, i);
    let mut e = seg_start;
    let mut depth = 0i32;
    while e < i {
        if let Some(q) = quotes::at(quotes, e) {
            if q.is_speech() {
                break;
            }
            e = q.b.max(e + 1);
            continue;
        }
        match t.s(e) {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ => {}
        }
        if depth == 0 && t.is_word(e) && !t.cap(e) && e > seg_start {
            let w = t.l(e);
            if tagged == Some(e)
                || FINITE.contains(&w)
                || BETWEEN.contains(&w) && !matches!(w, "the" | "at" | "in" | "same")
                || verbs::lookup(w).is_some()
                || w.ends_with("ed") && !t.is(e - 1, &["the", "a", "an"])
            {
                break;
            }
        }
        e += 1;
    }
    trim_phrase(t, quotes, seg_start, e)
}

/// The first token of `a..b` that the tagger reads as a finite verb (VBD, VBZ, VBP, MD),
/// tagged with a few words before it for context ("when it crashed").
pub(super) fn finite_verb(t: &Toks, a: usize, b: usize) -> Option<usize> {
    let model = crate::syntax::model().ok()?;
    let from = a.saturating_sub(3);
    let forms: Vec<&str> = (from..b).map(|k| t.s(k)).collect();
    let tags = model.tag(&forms);
    // A participle right after a subject pronoun is a past tense ("it crashed"), however
    // the tagger read it.
    let after_subject =
        |k: usize| k > 0 && t.is(from + k - 1, &["i", "we", "you", "he", "she", "it", "they"]);
    (a - from..tags.len())
        .find(|&k| {
            let (upos, xpos) = tags[k];
            matches!(upos, "VERB" | "AUX")
                && (matches!(xpos, "VBD" | "VBZ" | "VBP" | "MD")
                    || xpos == "VBN" && after_subject(k))
        })
        .map(|k| from + k)
}
