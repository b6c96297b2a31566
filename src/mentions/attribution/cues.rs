//! Attribution cues and the frames they open: who speaks, with what verb, over which text.
//!
//! A frame is one act of attribution in a paragraph: a speaker phrase (or a stand-in such as
//! "the previous speaker" or "unnamed reports"), the cue ("said", "according to", "denied"),
//! and the content it covers. Frames nest: "the article says that the ministry quoted a
//! commander who said that ..." gives three frames, each inside the one before.
//!
//! This module holds the frame and the clause arithmetic; `verbal` finds frames opened by
//! reporting verbs, `phrases` those opened by phrases, `subjects` the speaker before a verb.

use super::phrases::*;
use super::quotes::{self, Quote};
use super::tokens::{Kind, Toks};
use super::verbal::*;
use super::verbs::{self, Act};
use crate::timeline::Stance;

/// A token range, end exclusive.
pub(super) type Span = (usize, usize);

/// Who a frame's speaker is, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// A phrase to analyse: token range.
    Phrase(usize, usize),
    /// No subject of its own ("Before stressing:", "and added that"): the last speaker.
    Previous,
    /// Nobody named: the label to show ("unnamed reports").
    Unnamed(&'static str),
}

/// One act of attribution, by token indices into the paragraph's tokens (end exclusive).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    pub cue: (usize, usize),
    pub act: Act,
    pub stance: Stance,
    pub who: Who,
    pub content: (usize, usize),
    pub extent: (usize, usize),
    /// Who was told ("informed Russian forces of ...").
    pub recipient: Option<(usize, usize)>,
    /// A channel named in the same construction ("was reported by the New York Times as").
    pub via: Option<(usize, usize)>,
    /// "on Tuesday" in "said on Tuesday".
    pub said_at: Option<(usize, usize)>,
    /// "did not deny", "never claimed".
    pub negated: bool,
    /// The speaker comes after the content ("“…,” she said"): a sibling of what precedes.
    pub postposed: bool,
    /// A paragraph that opens with "…said X" with nothing before: it attributes the
    /// quotation in the paragraph before.
    pub backward: bool,
    /// The frame ends its paragraph with a colon and no content: the next paragraph is what
    /// was said.
    pub forward: bool,
    /// A noun ("the official version that", "X's statement") rather than a verb.
    pub nominal: bool,
    /// The speaker phrase is the antecedent of "who": it must be able to speak.
    pub relative: bool,
    /// Words after a postposed cue that still describe the speech ("in a meeting with ...").
    pub tail: Option<usize>,
    /// "was rejected by X": the cue starts at the auxiliary and the subject is the content.
    pub passive: bool,
}

impl Frame {
    pub(super) fn new(cue: (usize, usize), act: Act, who: Who, content: (usize, usize)) -> Frame {
        Frame {
            cue,
            act,
            stance: act.stance(),
            who,
            content,
            extent: cue,
            recipient: None,
            via: None,
            said_at: None,
            negated: false,
            postposed: false,
            backward: false,
            forward: false,
            nominal: false,
            relative: false,
            tail: None,
            passive: false,
        }
    }

    /// Passes speech on without taking a position: the outer part of a chain.
    pub fn relays(&self) -> bool {
        !self.negated
            && matches!(self.stance, Stance::Asserts | Stance::Alleges)
            && !matches!(self.act, Act::Deny | Act::Question)
    }

    pub(super) fn finish(&mut self) {
        let mut a = self.cue.0.min(self.content.0);
        let mut b = self.cue.1.max(self.content.1);
        if let Who::Phrase(s, e) = self.who {
            a = a.min(s);
            b = b.max(e);
        }
        for (s, e) in [self.recipient, self.via, self.said_at]
            .into_iter()
            .flatten()
        {
            a = a.min(s);
            b = b.max(e);
        }
        if let Some(t) = self.tail {
            b = b.max(t);
        }
        self.extent = (a, b);
    }
}

pub(super) const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

pub(super) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub(super) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "sep.",
    "oct.",
    "nov.",
    "dec.",
];

/// Frames in one paragraph. `sents` are the sentences as token ranges.
pub fn find(t: &Toks, quotes: &[Quote], sents: &[(usize, usize)]) -> Vec<Frame> {
    let mut all = Vec::new();
    for (k, &(sa, sb)) in sents.iter().enumerate() {
        let first_in_paragraph = k == 0;
        let mut frames = Vec::new();
        phrases(t, quotes, sa, sb, &mut frames);
        verbs_pass(t, quotes, sa, sb, first_in_paragraph, &mut frames);
        colons(t, quotes, sa, sb, &mut frames);
        // Two cues over the same words: keep the first found (phrases beat verbs).
        let mut kept: Vec<Frame> = Vec::new();
        for f in frames {
            if kept.iter().any(|g| g.cue.0 < f.cue.1 && f.cue.0 < g.cue.1) {
                continue;
            }
            kept.push(f);
        }
        kept.sort_by_key(|f| (f.cue.0, f.cue.1));
        trim_siblings(t, &mut kept);
        for f in &mut kept {
            f.finish();
        }
        all.extend(kept);
    }
    all
}

/// A preposed frame's content stops where a sibling frame begins: "X denied A, with Y adding
/// that B"; "“A,” said X. “B,” he added".
pub(super) fn trim_siblings(t: &Toks, frames: &mut [Frame]) {
    // "X's claim that A was rejected by Y": the claim's content stops before "was rejected".
    for b in 0..frames.len() {
        if !frames[b].passive {
            continue;
        }
        let (cue0, c0) = (frames[b].cue.0, frames[b].content.0);
        for f in frames.iter_mut() {
            if f.nominal && f.content.0 < cue0 && cue0 < f.content.1 && c0 <= f.cue.0 {
                f.content.1 = cue0;
            }
        }
    }
    let n = frames.len();
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let (a, b) = (&frames[i], &frames[j]);
            let b_start = match b.who {
                Who::Phrase(s, _) => s.min(b.cue.0),
                _ => b.cue.0,
            };
            let b_start = if b.postposed {
                b.content.0.min(b_start)
            } else {
                b_start
            };
            // "…, an incident that X dismissed as": a relative clause on a noun, not speech
            // passed on.
            let relative_on_noun = matches!(b.who, Who::Phrase(s, _) if s > 1
                && t.is(s - 1, &["that", "which"])
                && t.is_word(s - 2)
                && verbs::lookup(t.l(s - 2)).is_none()
                && !t.is(s - 2, &["so", "such", "now", "and", "but"]));
            let sibling = b.postposed
                || relative_on_noun
                || matches!(b.who, Who::Phrase(s, _) if s > 0 && t.is(s - 1, &["with"]));
            if sibling && b_start > a.content.0 && b_start < a.content.1 && b.cue.0 > a.cue.1 {
                let mut end = b_start;
                if matches!(b.who, Who::Phrase(s, _) if s > 0 && t.is(s - 1, &["with"])) {
                    end = end.saturating_sub(1).max(a.content.0);
                }
                if relative_on_noun {
                    // Leave "an incident that" with the frame before.
                    end = b_start;
                }
                frames[i].content.1 = end;
            }
        }
    }
}

/// End of the clause that starts at `from`: the sentence end, a semicolon, or past a quote
/// that runs on beyond the sentence.
pub(super) fn clause_end(t: &Toks, quotes: &[Quote], from: usize, sb: usize) -> usize {
    let mut i = from;
    let mut end = sb;
    while i < sb {
        if let Some(q) = quotes::at(quotes, i)
            && q.a == i
        {
            if q.b > end {
                end = q.b;
            }
            i = q.b.max(i + 1);
            continue;
        }
        if t.punct(i, ";") {
            return i.max(from);
        }
        // ", yet ..." and ", but ..." start another clause in the writer's voice.
        if t.punct(i, ",")
            && t.is(i + 1, &["yet", "but", "whereas"])
            && !t.is(i + 2, &["that", "also", "added", "said"])
            && i > from
        {
            return i;
        }
        // "X put the toll at 23, while Y put it at 30": Y speaks beside X, not through X;
        // "while insisting that" goes on with X's words.
        if t.punct(i, ",")
            && t.is(i + 1, &["while"])
            && i + 2 < t.len()
            && !t.l(i + 2).ends_with("ing")
            && i > from
        {
            return i;
        }
        i += 1;
    }
    end.max(from)
}

/// End of the content of a frame inside a sentence-initial subordinate clause ("While
/// welcomed by X as A (B), others ..."): the first comma outside quotes and brackets.
pub(super) fn subordinate_end(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    from: usize,
    sb: usize,
) -> Option<usize> {
    if !t.is(
        sa,
        &[
            "while", "whilst", "although", "though", "when", "if", "as", "after", "because",
            "since", "despite",
        ],
    ) {
        return None;
    }
    let mut depth = 0i32;
    let mut i = from;
    while i < sb {
        if let Some(q) = quotes::at(quotes, i)
            && q.a == i
        {
            i = q.b.max(i + 1);
            continue;
        }
        match t.s(i) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            "," if depth <= 0 && t.kind(i) == Kind::Punct => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// A date or day right after `i`: "on Monday", "on September 17", "yesterday".
pub(super) fn date_at(t: &Toks, i: usize, limit: usize) -> Option<(usize, usize)> {
    if i >= limit {
        return None;
    }
    if t.is(i, &["yesterday", "today", "tonight"]) {
        return Some((i, i + 1));
    }
    if t.is(i, &["on", "last", "this", "earlier", "late", "early"]) && i + 1 < limit {
        let j = i + 1;
        if t.is(j, WEEKDAYS) {
            let mut e = j + 1;
            if t.is(e, &["night", "morning", "evening", "afternoon"]) {
                e += 1;
            }
            return Some((i, e));
        }
        if t.is(j, MONTHS) && j + 1 < limit && t.kind(j + 1) == Kind::Number {
            return Some((i, j + 2));
        }
        if t.kind(j) == Kind::Number && j + 1 < limit && t.is(j + 1, MONTHS) {
            return Some((i, j + 2));
        }
        if t.is(j, &["week", "month", "weekend", "night"]) {
            return Some((i, j + 1));
        }
    }
    None
}

/// Where the clause holding `i` starts: the sentence start, or after ";", ":" or "that".
pub(super) fn clause_start(t: &Toks, quotes: &[Quote], sa: usize, i: usize) -> usize {
    let mut k = i;
    while k > sa {
        if let Some(q) = quotes::at(quotes, k - 1)
            && q.is_speech()
            && q.b <= i
        {
            return k;
        }
        if t.punct(k - 1, ";") || t.punct(k - 1, ":") || t.is(k - 1, &["that"]) {
            return k;
        }
        k -= 1;
    }
    sa
}
