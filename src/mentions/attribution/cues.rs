//! Attribution cues and the frames they open: who speaks, with what verb, over which text.
//!
//! A frame is one act of attribution in a paragraph: a speaker phrase (or a stand-in such as
//! "the previous speaker" or "unnamed reports"), the cue ("said", "according to", "denied"),
//! and the content it covers. Frames nest: "the article says that the ministry quoted a
//! commander who said that ..." gives three frames, each inside the one before.

use super::lexicon::{CAP_STOP, DEMONYMS, DOC_NOUNS, ORG_HEADS};
use super::quotes::{self, Quote};
use super::speakers;
use super::tokens::{Kind, Toks};
use super::verbs::{self, Act, BETWEEN, Form, NEGATIONS, REPORT_VERBS};
use crate::timeline::Stance;

/// A token range, end exclusive.
type Span = (usize, usize);

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
    fn new(cue: (usize, usize), act: Act, who: Who, content: (usize, usize)) -> Frame {
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

    fn finish(&mut self) {
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

/// Nouns that carry someone's claim: "X's statement", "the official version that".
const CLAIM_NOUNS: &[&str] = &[
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
const ALLEGING_NOUNS: &[&str] = &[
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

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];

/// Linking words that open a sentence with a capital and are not part of its subject.
const CAPITAL_LINKS: &[&str] = &[
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
const CLAUSE_OPENERS: &[&str] = &[
    "that", "when", "while", "whilst", "as", "because", "although", "though", "if", "after",
    "before", "since", "whereas", "unless", "once", "until", "but", "yet", "so", "where",
    "whether", "than", "despite", "instead",
];

/// Prepositions and adverbs that open an introductory phrase ("On Monday,", "Meanwhile,").
const INTRO_WORDS: &[&str] = &[
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

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
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

/// Common finite verbs that end a subject phrase when searching forward.
const FINITE: &[&str] = &[
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
fn trim_siblings(t: &Toks, frames: &mut [Frame]) {
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

/// Tokens skipped backwards from `j` (exclusive) over auxiliaries and adverbs; reports
/// whether a negation was among them.
fn skip_back(t: &Toks, sa: usize, mut j: usize) -> (usize, bool) {
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

/// End of the clause that starts at `from`: the sentence end, a semicolon, or past a quote
/// that runs on beyond the sentence.
fn clause_end(t: &Toks, quotes: &[Quote], from: usize, sb: usize) -> usize {
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
        i += 1;
    }
    end.max(from)
}

/// End of the content of a frame inside a sentence-initial subordinate clause ("While
/// welcomed by X as A (B), others ..."): the first comma outside quotes and brackets.
fn subordinate_end(t: &Toks, quotes: &[Quote], sa: usize, from: usize, sb: usize) -> Option<usize> {
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
fn date_at(t: &Toks, i: usize, limit: usize) -> Option<(usize, usize)> {
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
        if t.is(j, MONTHS) && t.kind(j + 1.min(limit - 1)) == Kind::Number && j + 1 < limit {
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

/// Where the content of a preposed cue starts: past a recipient, a date, "that" or a colon.
/// Returns (content start, recipient, date).
fn content_start(
    t: &Toks,
    quotes: &[Quote],
    act: Act,
    after: usize,
    sb: usize,
) -> (usize, Option<Span>, Option<Span>) {
    let mut i = after;
    let mut recipient = None;
    let mut date = None;
    // A recipient: "told reporters", "informed Russian forces of", "warned the US that".
    if act == Act::Tell {
        let r0 = i;
        while i < sb && i < r0 + 8 {
            if t.is(i, &["that", "of", "about", "on"])
                || t.punct(i, ":")
                || t.punct(i, ",")
                || t.is_open(i)
            {
                break;
            }
            i += 1;
        }
        if i > r0 && i < sb {
            recipient = Some((r0, i));
        } else {
            i = r0;
        }
        if t.is(i, &["of", "about"]) {
            return (i + 1, recipient, date);
        }
    }
    // Look a few tokens ahead for "that" or ":" past a date or a short phrase.
    let look = (i + 10).min(sb);
    let mut j = i;
    while j < look {
        if let Some(d) = date_at(t, j, sb) {
            date = Some(d);
            j = d.1;
            continue;
        }
        if t.is(j, &["that"]) {
            // "said that that": the second is the content's first word.
            return (j + 1, recipient, date);
        }
        if t.punct(j, ":") {
            return (j + 1, recipient, date);
        }
        if t.is_open(j) && quotes::at(quotes, j).is_some_and(Quote::is_speech) {
            return (j, recipient, date);
        }
        let w = t.l(j);
        // Only a short prepositional phrase may come between: "during a press briefing".
        if !(t.is_word(j)
            && (INTRO_WORDS.contains(&w)
                || t.cap(j)
                || w == "press"
                || w == "briefing"
                || w == "conference"
                || w == "statement"
                || w == "interview"
                || w == "meeting"
                || w == "a"
                || w == "news"
                || w == "reporters"
                || w == "journalists"
                || t.kind(j) == Kind::Number)
            || t.punct(j, ","))
        {
            break;
        }
        j += 1;
    }
    if let Some(d) = date_at(t, i, sb) {
        date = Some(d);
        i = d.1;
        if t.punct(i, ",") {
            i += 1;
        }
    }
    (i, recipient, date)
}

/// Is there a complement that makes this verb speech: "that", a colon, a quote, "as", or a
/// clause, within a few tokens?
fn has_complement(t: &Toks, quotes: &[Quote], lemma: &str, after: usize, sb: usize) -> bool {
    if lemma == "call" {
        // "calling it a stunt", "called them liars": only with a pronoun object.
        return t.is(after, &["it", "them", "him", "her", "this", "these"])
            && after + 1 < sb
            && (t.is_open(after + 1)
                || t.is(after + 1, &["a", "an", "the"])
                || t.is_word(after + 1));
    }
    let look = (after + 9).min(sb);
    for j in after..look {
        if t.is(j, &["that"]) || t.punct(j, ":") {
            return true;
        }
        if t.is_open(j) && quotes::at(quotes, j).is_some() {
            return true;
        }
        if matches!(
            lemma,
            "describe" | "welcome" | "hail" | "dismiss" | "brand" | "label"
        ) && t.is(j, &["as"])
        {
            return true;
        }
        if matches!(lemma, "question" | "doubt")
            && j == after
            && t.is(j, &["whether", "if", "why", "how"])
        {
            return true;
        }
        if lemma == "call" && j == after && t.is(j, &["it", "them", "him", "her", "this", "the"]) {
            return j + 1 < sb && (t.is_open(j + 1) || t.is_word(j + 1));
        }
        if t.punct(j, ".") || t.punct(j, ";") {
            return false;
        }
    }
    false
}

/// The verb pass: "X said that", "“…,” said X", "X, who added that", "claiming that".
fn verbs_pass(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    first_in_paragraph: bool,
    frames: &mut Vec<Frame>,
) {
    let mut i = sa;
    while i < sb {
        if !t.is_word(i) || t.cap(i) && i > sa {
            i += 1;
            continue;
        }
        let mut word = t.l(i).to_string();
        let mut cue_end = i + 1;
        // "pointed out", "points out".
        if word.starts_with("point") && t.is(i + 1, &["out"]) {
            word = word.replacen("point", "remark", 1);
            cue_end = i + 2;
        }
        let Some((lemma, act, form)) = verbs::lookup(&word) else {
            // Reports and articles "include", "remind us", "mention".
            if REPORT_VERBS.contains(&word.as_str()) || word == "reminds" || word == "includes" {
                if let Some(f) = report_subject_frame(t, quotes, sa, sb, i) {
                    frames.push(f);
                }
            }
            i += 1;
            continue;
        };
        if let Some(f) = verb_frame(
            t,
            quotes,
            sa,
            sb,
            i,
            cue_end,
            lemma,
            act,
            form,
            first_in_paragraph,
            frames,
        ) {
            // "citing an official: ...", "quoted a commander as saying ...": the one cited
            // speaks, through the one citing.
            let cited = (act == Act::Quote)
                .then(|| cited_frame(t, quotes, sb, cue_end))
                .flatten();
            frames.push(f);
            if let Some(c) = cited {
                frames.push(c);
            }
        }
        i = cue_end;
    }
}

/// The person cited after "citing"/"quoted": "citing an anonymous official: A", "quoted a
/// commander as saying A". (The "who said" form is found by the verb pass on its own.)
fn cited_frame(t: &Toks, quotes: &[Quote], sb: usize, after: usize) -> Option<Frame> {
    let s = after;
    let mut e = s;
    while e < sb
        && e < s + 10
        && !t.punct(e, ":")
        && !t.punct(e, ",")
        && !t.is(e, &["as", "who", "that"])
        && !t.is_open(e)
    {
        e += 1;
    }
    if e == s || e >= sb {
        return None;
    }
    let c0 = if t.punct(e, ":") {
        e + 1
    } else if t.is(e, &["as"]) && e + 1 < sb && t.l(e + 1).ends_with("ing") {
        if t.is(e + 2, &["that"]) { e + 3 } else { e + 2 }
    } else {
        return None;
    };
    let end = clause_end(t, quotes, c0, sb);
    let cue = if t.punct(e, ":") {
        (e, e + 1)
    } else {
        (e, (e + 2).min(sb))
    };
    Some(Frame::new(cue, Act::Say, Who::Phrase(s, e), (c0, end)))
}

/// "The article reminds us that ...": a frame only when the subject is a piece of reporting.
fn report_subject_frame(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    i: usize,
) -> Option<Frame> {
    let (j, _) = skip_back(t, sa, i);
    let (s, e) = subject_before(t, quotes, sa, j)?;
    if !(s..e).any(|k| DOC_NOUNS.contains(&t.l(k))) {
        return None;
    }
    let mut after = i + 1;
    if t.is(after, &["us", "readers"]) {
        after += 1;
    }
    let (c0, _, date) = content_start(t, quotes, Act::Say, after, sb);
    let end = clause_end(t, quotes, c0, sb);
    let mut f = Frame::new((i, i + 1), Act::Say, Who::Phrase(s, e), (c0, end));
    f.said_at = date;
    Some(f)
}

#[allow(clippy::too_many_arguments)]
fn verb_frame(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    i: usize,
    cue_end: usize,
    lemma: &str,
    act: Act,
    form: Form,
    first_in_paragraph: bool,
    earlier: &[Frame],
) -> Option<Frame> {
    let prev = if i > sa { Some(t.l(i - 1)) } else { None };
    // Nouns that look like verbs: "the report", "a claim", "his statement".
    if matches!(form, Form::Base | Form::Finite)
        && prev.is_some_and(|p| {
            [
                "the", "a", "an", "this", "that", "its", "their", "his", "her", "one", "press",
                "release", "such", "these", "those", "new", "earlier", "other", "no", "any",
            ]
            .contains(&p)
        })
        && !t.is(
            i,
            &[
                "said", "told", "denied", "claimed", "accused", "added", "warned",
            ],
        )
    {
        return None;
    }
    if t.l(i) == "states" && prev == Some("united") {
        return None;
    }
    // "expressed doubts that": a noun after a reporting verb in the past.
    if t.l(i).ends_with('s')
        && prev.is_some_and(|p| {
            p.ends_with("ed") && verbs::lookup(p).is_some_and(|(_, _, f)| f == Form::Finite)
        })
    {
        return None;
    }
    // "as reports are coming in", "claims have surfaced": a plural noun before its verb.
    if form == Form::Finite
        && t.l(i).ends_with('s')
        && t.is(
            cue_end,
            &[
                "are",
                "were",
                "have",
                "had",
                "say",
                "said",
                "suggest",
                "suggested",
                "claim",
                "indicate",
                "emerged",
                "surfaced",
            ],
        )
    {
        return None;
    }
    // Passive without an agent: "is said to", "have been accused of", "it is reported that".
    let passive = prev.is_some_and(|p| BE.contains(&p) || p == "been" || p == "get" || p == "got");
    if passive && form == Form::Finite {
        return passive_frame(t, quotes, sa, sb, i, lemma, act);
    }
    // A reduced passive: "welcomed by X as", "dismissed by X as".
    if form == Form::Finite && t.is(cue_end, &["by"]) && t.l(i).ends_with("ed") {
        return passive_frame(t, quotes, sa, sb, i, lemma, act);
    }
    // "are saying", "was claiming": a progressive is finite.
    let progressive = prev.is_some_and(|p| BE.contains(&p))
        || i >= sa + 2 && BE.contains(&t.l(i - 2)) && BETWEEN.contains(&t.l(i - 1));
    let form = if form == Form::Participle && progressive {
        Form::Finite
    } else {
        form
    };
    let after_quote_cue = i > sa
        && (t.is_close(i - 1)
            || (i >= sa + 2 && t.punct(i - 1, ",") && t.is_close(i - 2))
            || (sa..i).rev().take(8).any(|k| t.is_close(k))
                && (i..sb).skip(1).take(4).all(|k| !t.is(k, &["that"])));
    if matches!(act, Act::Tell)
        && !after_quote_cue
        && !(t.is(cue_end, &["that"])
            || (cue_end..(cue_end + 9).min(sb))
                .any(|k| t.is(k, &["that", "of", "about"]) || t.punct(k, ":") || t.is_open(k)))
    {
        return None;
    }
    // Without a complement of its own, such a verb is speech only when it follows the
    // quotation it reports: "“…,” the report noted."
    let only_postposed =
        verbs::needs_complement(lemma) && !has_complement(t, quotes, lemma, cue_end, sb);
    if only_postposed {
        let before_quote = i > sa
            && (t.is_close(i - 1) || (i >= sa + 2 && t.punct(i - 1, ",") && t.is_close(i - 2)));
        if !before_quote {
            return None;
        }
    }
    // The base form needs "to", an auxiliary or a plural subject: "to say", "did not deny",
    // "officials say", "they claim".
    let form = if form == Form::Base {
        let (j, _) = skip_back(t, sa, i);
        let plural_subject = prev.is_some_and(|p| {
            matches!(p, "they" | "we" | "you" | "i")
                || p.ends_with('s') && !matches!(p, "is" | "was" | "has" | "this" | "us" | "its")
        }) && !t.is(i.saturating_sub(2), &["to"]);
        if j < i || prev == Some("to") || plural_subject {
            Form::Finite
        } else {
            return None;
        }
    } else {
        form
    };

    // Postposed and inverted speaker: “…,” said X / “…,” X said / …, X said.
    if form == Form::Finite
        && let Some(f) = postposed(t, quotes, sa, sb, i, cue_end, act, first_in_paragraph)
    {
        return Some(f);
    }
    if only_postposed {
        return None;
    }

    let (c0, recipient, date) = content_start(t, quotes, act, cue_end, sb);
    let mut c1 = clause_end(t, quotes, c0, sb);
    if let Some(e) = subordinate_end(t, quotes, sa, c0, sb) {
        c1 = c1.min(e);
    }
    let forward =
        c0 >= c1 && (t.punct(c0.saturating_sub(1), ":") || t.is(c0.saturating_sub(1), &["that"]));

    let who = match form {
        Form::Participle => (participle_subject(t, quotes, sa, i, earlier), false, false),
        _ => {
            let (mut j, negated) = skip_back(t, sa, i);
            // "was correct to say", "went on to say", "leading him to tell".
            if j > sa && t.is(j - 1, &["to"]) {
                let before_to = j - 1;
                if before_to > sa && t.is(before_to - 1, &["him", "her", "them", "us", "me"]) {
                    let p = before_to - 1;
                    let mut f = Frame::new((i, cue_end), act, Who::Phrase(p, p + 1), (c0, c1));
                    f.recipient = recipient;
                    f.said_at = date;
                    f.forward = forward;
                    return Some(f);
                }
                let mut k = before_to;
                let mut steps = 0;
                while k > sa
                    && steps < 3
                    && !t.cap(k - 1)
                    && t.is_word(k - 1)
                    && !t.is(k - 1, &["who", "which", "that"])
                {
                    k -= 1;
                    steps += 1;
                    if BE.contains(&t.l(k))
                        || ["went", "continued", "wanted", "refused", "tried"].contains(&t.l(k))
                    {
                        break;
                    }
                }
                j = skip_back(t, sa, k).0;
            }
            match subject_before_rel(t, quotes, sa, j) {
                Some((s, e, rel)) => (Who::Phrase(s, e), negated, rel),
                None => (Who::Previous, negated, false),
            }
        }
    };
    // "it confirms that", "this shows that": evidence, not someone speaking.
    if let (Who::Phrase(s, e), true) = (
        who.0,
        matches!(
            lemma,
            "confirm" | "suggest" | "reveal" | "conclude" | "note" | "explain"
        ),
    ) && e == s + 1
        && t.is(s, &["it", "this", "that", "which"])
        && s > sa
        && !t.is(s - 1, &["but", "and"])
    {
        return None;
    }
    let (who, negated, relative) = who;
    let mut f = Frame::new((i, cue_end), act, who, (c0, c1));
    f.relative = relative;
    f.negated = negated;
    if negated {
        f.stance = Stance::Asserts;
    }
    f.recipient = recipient;
    f.said_at = date;
    f.forward = forward;
    Some(f)
}

/// The subject of a participle: "with X adding that", else the clause's subject, else the
/// speaker of an earlier frame in the sentence.
fn participle_subject(t: &Toks, quotes: &[Quote], sa: usize, i: usize, earlier: &[Frame]) -> Who {
    // "with the Pentagon claiming that", "with Major General X of the Y adding that".
    let mut k = i;
    while k > sa && k + 14 > i {
        let p = k - 1;
        if t.is(p, &["with"]) {
            if p + 1 < i {
                return Who::Phrase(p + 1, i);
            }
            break;
        }
        if t.kind(p) == Kind::Punct || t.is_open(p) || t.is_close(p) || stops_subject(t, p) {
            break;
        }
        k -= 1;
    }
    if let Some(f) = earlier.iter().rev().find(|f| f.cue.1 <= i) {
        return f.who;
    }
    match main_subject(t, quotes, sa, i) {
        Some((s, e)) => Who::Phrase(s, e),
        None => Who::Previous,
    }
}

/// Passive reporting: "it is reported that", "are said to have", "have been accused of",
/// "was announced by X".
fn passive_frame(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    i: usize,
    lemma: &str,
    act: Act,
) -> Option<Frame> {
    // Find the be-form and the subject before it.
    let mut b = i;
    while b > sa
        && (BE.contains(&t.l(b - 1))
            || [
                "been", "has", "have", "had", "also", "widely", "himself", "herself", "itself",
                "get", "got", "being", "not", "never",
            ]
            .contains(&t.l(b - 1)))
    {
        b -= 1;
    }
    let expletive = b > sa && t.is(b - 1, &["it"]);
    let mut k = i + 1;
    // Agent: "by X" (possibly after "as" for "welcomed by X as").
    let mut agent = None;
    if t.is(k, &["by"]) {
        let s = k + 1;
        let mut e = s;
        while e < sb
            && e < s + 12
            && !t.is(
                e,
                &[
                    "as", "that", "on", "in", "during", "about", "after", "before", "when", "while",
                ],
            )
            && !t.punct(e, ",")
            && !t.punct(e, ".")
            && !t.is_open(e)
            && !t.punct(e, ";")
            && !t.punct(e, ":")
        {
            if let Some(q) = quotes::at(quotes, e) {
                if q.is_speech() {
                    break;
                }
                e = q.b;
                continue;
            }
            e += 1;
        }
        if e > s {
            agent = Some((s, e));
            k = e;
        }
    }
    // "reported by the New York Times as suggesting": the subject speaks, via the agent.
    if t.is(k, &["as"]) && k + 1 < sb && t.l(k + 1).ends_with("ing") {
        let subj = subject_before(t, quotes, sa, b)?;
        let c0 = if t.is(k + 2, &["that"]) { k + 3 } else { k + 2 };
        let end = clause_end(t, quotes, c0, sb);
        let mut f = Frame::new((i, k + 2), Act::Say, Who::Phrase(subj.0, subj.1), (c0, end));
        if matches!(lemma, "report" | "quote" | "cite" | "say") {
            f.via = agent;
        } else if let Some(a) = agent {
            f.who = Who::Phrase(a.0, a.1);
        }
        return Some(f);
    }
    if expletive {
        // "it was announced (by X) that ...".
        let c0 = if t.is(k, &["that"]) { k + 1 } else { k };
        let end = clause_end(t, quotes, c0, sb);
        let who = match agent {
            Some((s, e)) => Who::Phrase(s, e),
            None => Who::Unnamed(if lemma == "report" {
                "unnamed reports"
            } else {
                "unnamed sources"
            }),
        };
        let mut f = Frame::new((b - 1, k.min(c0)), act, who, (c0, end));
        if agent.is_none() && matches!(lemma, "say" | "report" | "claim" | "allege") {
            f.stance = Stance::Alleges;
        }
        return Some(f);
    }
    // "X is said to have", "X was accused of": the clause is about X, said by someone.
    let subj_start = subject_before(t, quotes, sa, b).map_or(b, |(s, _)| s);
    let cs = subj_start;
    let mut end = clause_end(t, quotes, i, sb);
    if let Some(e) = subordinate_end(t, quotes, sa, i, sb) {
        end = end.min(e);
    }
    match agent {
        Some((s, e)) => {
            if !matches!(
                lemma,
                "announce"
                    | "declare"
                    | "deny"
                    | "reject"
                    | "dismiss"
                    | "welcome"
                    | "claim"
                    | "report"
                    | "say"
                    | "state"
                    | "confirm"
                    | "describe"
                    | "question"
                    | "condemn"
                    | "denounce"
                    | "accuse"
                    | "blame"
                    | "quote"
                    | "cite"
                    | "hail"
            ) {
                return None;
            }
            // "A was rejected by X": what was rejected is the subject, which may hold a
            // clause of its own ("the claim that B was ..."); the clause runs from its start.
            let clause = if b < i {
                // Back to a "said that" that opens the clause, else the sentence start.
                (sa..cs)
                    .rev()
                    .find(|&k| {
                        t.is(k, &["that"])
                            && k > sa
                            && verbs::lookup(t.l(k - 1)).is_some_and(|(_, _, f)| f == Form::Finite)
                    })
                    .map_or(sa, |k| k + 1)
            } else {
                cs
            };
            let mut f = Frame::new((b, i + 1), act, Who::Phrase(s, e), (clause, end));
            f.passive = b < i;
            if t.is(k, &["as"]) {
                f.content = (k, end);
            }
            Some(f)
        }
        None => {
            // "will be blamed": a forecast, not an accusation.
            if (b.saturating_sub(2)..b).any(|k| {
                k >= sa
                    && t.is(
                        k,
                        &[
                            "will", "would", "could", "might", "may", "can", "should", "must",
                        ],
                    )
            }) {
                return None;
            }
            let followed_by_to = t.is(i + 1, &["to", "of"]);
            let label = match lemma {
                "say" | "report" | "claim" | "allege" if followed_by_to => "unnamed sources",
                "accuse" | "blame" => "unnamed accusers",
                _ => return None,
            };
            let mut f = Frame::new((b, i + 1), act, Who::Unnamed(label), (cs, end));
            f.stance = Stance::Alleges;
            Some(f)
        }
    }
}

/// “…,” said X / “…,” X said / …, X said on Tuesday. / a paragraph opening "…said X".
#[allow(clippy::too_many_arguments)]
fn postposed(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    i: usize,
    cue_end: usize,
    act: Act,
    first_in_paragraph: bool,
) -> Option<Frame> {
    let (j, negated) = skip_back(t, sa, i);
    let mut start = sa;
    while start < sb && (t.punct(start, "…") || t.punct(start, "...") || t.punct(start, "..")) {
        start += 1;
    }
    // Inverted: the verb comes right after a closing quote (and comma) or opens the paragraph.
    let after_quote = |k: usize| {
        let mut k = k;
        while k > sa
            && t.kind(k - 1) == Kind::Punct
            && matches!(t.s(k - 1), "," | "…" | "..." | "—" | "–" | "-")
        {
            k -= 1;
        }
        if k > sa && t.is_close(k - 1) {
            return quotes::at(quotes, k - 1).copied();
        }
        None
    };
    let tail = |k: usize| -> usize {
        // The speaker phrase after an inverted verb runs to a preposition, a date or the end.
        let mut e = k;
        let mut commas = 0;
        while e < sb {
            if t.punct(e, ".")
                || t.punct(e, ";")
                || t.punct(e, ":")
                || t.is_open(e)
                || t.is(
                    e,
                    &[
                        "that",
                        "who",
                        "which",
                        "and",
                        "as",
                        "when",
                        "while",
                        "after",
                        "before",
                        "during",
                        "about",
                        "in",
                        "at",
                        "on",
                        "from",
                        "yesterday",
                        "today",
                        "last",
                        "earlier",
                        "later",
                        "adding",
                        "saying",
                        "noting",
                        "with",
                    ],
                )
            {
                break;
            }
            if t.punct(e, ",") {
                commas += 1;
                if commas > 1 {
                    break;
                }
            }
            e += 1;
        }
        while e > k && t.punct(e - 1, ",") {
            e -= 1;
        }
        e
    };
    let speaker_after = |k: usize| -> Option<(usize, usize)> {
        let e = tail(k);
        (e > k).then_some((k, e))
    };
    let date_after = |k: usize| -> Option<(usize, usize)> {
        let mut k = k;
        if t.punct(k, ",") {
            k += 1;
        }
        date_at(t, k, sb)
    };
    // Inverted, the verb right after the quote: “…,” said X.
    // The words after the verb must name someone: "“…,” said the minister", not
    // "“…”, demanded an inquiry".
    if let Some(q) = after_quote(j)
        && let Some((s, e)) = speaker_after(cue_end)
        && speakers::analyse(t, quotes, s, e)
            .is_some_and(|r| !matches!(r, speakers::Referent::Unnamed { person: false, .. }))
    {
        let mut f = Frame::new((i, cue_end), act, Who::Phrase(s, e), (q.a, q.b));
        f.postposed = true;
        f.negated = negated;
        f.said_at = date_after(e);
        f.tail = Some(tail_end(t, quotes, e, sb));
        return Some(f);
    }
    if j == start || j == sa {
        if j == start && first_in_paragraph && start > sa
            || j == sa
                && first_in_paragraph
                && !t.is(cue_end, &["that"])
                && speaker_after(cue_end).is_some()
                && !t.punct(cue_end, ":")
        {
            // "…said the minister." opening a paragraph: the quote is the paragraph before.
            let (s, e) = speaker_after(cue_end)?;
            if !t.cap(s) && !t.is(s, &["the", "a", "an"]) && !t.l(s).ends_with('s') {
                return None;
            }
            let mut f = Frame::new((i, cue_end), act, Who::Phrase(s, e), (sa, sa));
            f.backward = true;
            f.postposed = true;
            f.said_at = date_after(e);
            return Some(f);
        }
        return None;
    }
    // "X said" after the content: a short subject after the last comma (or quote) before it.
    let comma = (sa.max(j.saturating_sub(14))..j).rev().find(|&k| {
        (t.punct(k, ",") || t.is_close(k))
            && !quotes::at(quotes, k).is_some_and(|q| q.a < k && k + 1 < q.b)
    });
    let subject = match comma {
        Some(c)
            if c + 1 < j
                && (c + 1..j).any(|k| t.is_word(k))
                && !(c + 1..j).any(|k| stops_subject(t, k)) =>
        {
            trim_phrase(t, quotes, c + 1, j)
        }
        _ => subject_before(t, quotes, sa, j),
    };
    let (s, e) = subject?;
    if e - s > 12 {
        return None;
    }
    let rest_is_end = {
        let mut k = cue_end;
        if let Some(d) = date_at(t, k, sb) {
            k = d.1;
        }
        while k < sb && t.kind(k) == Kind::Punct && !t.punct(k, ":") {
            k += 1;
        }
        k >= sb
            || t.is(
                k,
                &[
                    "in",
                    "at",
                    "during",
                    "when",
                    "while",
                    "after",
                    "as",
                    "adding",
                    "speaking",
                    "according",
                ],
            )
    };
    if let Some(q) = after_quote(s) {
        let mut f = Frame::new((i, cue_end), act, Who::Phrase(s, e), (q.a, q.b));
        f.postposed = true;
        f.negated = negated;
        f.said_at = date_after(cue_end);
        f.tail = Some(tail_end(t, quotes, cue_end, sb));
        return Some(f);
    }
    // A paragraph that opens with "…the High Command added." after a quote paragraph.
    if s == start && first_in_paragraph && rest_is_end && start > sa {
        let mut f = Frame::new((i, cue_end), act, Who::Phrase(s, e), (sa, sa));
        f.backward = true;
        f.postposed = true;
        return Some(f);
    }
    // "The convoy was hit, the ministry said on Tuesday."
    if s > sa && t.punct(s - 1, ",") && rest_is_end && t.is_word(s) {
        let c0 = sa;
        let c1 = s - 1;
        if c1 > c0 + 2 {
            let mut f = Frame::new((i, cue_end), act, Who::Phrase(s, e), (c0, c1));
            f.postposed = true;
            f.negated = negated;
            f.said_at = date_after(cue_end);
            f.tail = Some(tail_end(t, quotes, cue_end, sb));
            return Some(f);
        }
    }
    None
}

/// After a postposed "said X": words up to the next quote or sentence end still describe the
/// speech ("on Sunday during a meeting with ...").
fn tail_end(t: &Toks, quotes: &[Quote], from: usize, sb: usize) -> usize {
    let mut k = from;
    while k < sb {
        if t.is_open(k) && quotes::at(quotes, k).is_some_and(Quote::is_speech) {
            break;
        }
        if t.punct(k, ";") {
            break;
        }
        if t.punct(k, ".") {
            return k + 1;
        }
        k += 1;
    }
    k
}

/// Is token `k` one that ends a subject phrase when walking backwards?
fn stops_subject(t: &Toks, k: usize) -> bool {
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
    CLAUSE_OPENERS.contains(&w) && !t.cap(k)
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
fn subject_before_rel(
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
            break;
        }
        s = k;
    }
    let (s, e) = trim_phrase(t, quotes, s, e)?;
    Some((s, e, relative))
}

/// Drop introductory phrases and leading adverbs from a subject phrase; `None` if nothing
/// that can speak is left.
fn trim_phrase(t: &Toks, quotes: &[Quote], mut s: usize, mut e: usize) -> Option<(usize, usize)> {
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
    if let Some(later) = (s..seg_end.min(s + 5)).find(|&m| t.is(m, &["later", "earlier", "ago"])) {
        if (s..later).all(|m| t.is_word(m) && !t.cap(m) || t.kind(m) == Kind::Number) {
            k = k.max(later + 1);
        }
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
fn is_intro(t: &Toks, a: usize, b: usize) -> bool {
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
    // The subject runs to the first finite verb (or the participle itself).
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
            if FINITE.contains(&w)
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

/// Phrase patterns: "according to X", "in X's view", "X's statement that", "the official
/// American version that", "in a statement released by X", "reports are coming in", "there
/// have been reports of", "on the false pretext of", "X quoted Y as saying".
fn phrases(t: &Toks, quotes: &[Quote], sa: usize, sb: usize, frames: &mut Vec<Frame>) {
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
        if (w == "in" || w == "from") && i + 1 < sb {
            if let Some(p) = (i + 1..(i + 8).min(sb)).find(|&k| t.kind(k) == Kind::Possessive) {
                let head = p + 1;
                if t.is(head, &["view", "eyes", "opinion", "words"])
                    || t.is(head, &["point"])
                        && t.is(head + 1, &["of"])
                        && t.is(head + 2, &["view"])
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
                && (i + 1..k).any(|m| DOC_NOUNS.contains(&t.l(m)))
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
        if DOC_NOUNS.contains(&w) || CLAIM_NOUNS.contains(&w) {
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
                if e > s {
                    if let Some(f) = nominal_frame(t, quotes, sa, sb, s, e, (s, h + 1), h) {
                        frames.push(f);
                        i = h + 1;
                        continue;
                    }
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
                && (t.is(a - 1, DEMONYMS)
                    || t.acronym(a - 1)
                    || t.cap(a - 1) && ORG_HEADS.contains(&t.l(a - 1))
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
                    || t.is(s, DEMONYMS)
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
fn according(t: &Toks, quotes: &[Quote], sa: usize, sb: usize, i: usize) -> Option<Frame> {
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
fn possessor(t: &Toks, sa: usize, p: usize) -> (usize, usize) {
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
fn nominal_end(t: &Toks, from: usize, end: usize) -> usize {
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
fn nominal_frame(
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

/// Where the clause holding `i` starts: the sentence start, or after ";", ":" or "that".
fn clause_start(t: &Toks, quotes: &[Quote], sa: usize, i: usize) -> usize {
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

/// "X was dismissive: “…”", "Kremlin spokesman Y put the record straight: “…”": a colon
/// before a quote (or at the paragraph end) with no cue of its own.
fn colons(t: &Toks, quotes: &[Quote], sa: usize, sb: usize, frames: &mut Vec<Frame>) {
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
