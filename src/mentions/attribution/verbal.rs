//! Frames opened by reporting verbs: "X said that", "“…,” said X", "…, X said on Tuesday",
//! "claiming that", "was announced by X", "is said to have", "quoted X as saying".

use super::cues::*;
use super::lexicon::{is_doc_noun, is_org_head, is_person_head, is_unnamed_head};
use super::quotes::{self, Quote};
use super::speakers;
use super::subjects::*;
use super::tokens::{Kind, Toks};
use super::verbs::{self, Act, BETWEEN, Form, REPORT_VERBS};
use crate::timeline::Stance;

/// Pronouns that can stand for a speaker.
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "you", "it", "this", "who"];

/// Where the content of a preposed cue starts: past a recipient, a date, "that" or a colon.
/// Returns (content start, recipient, date).
pub(super) fn content_start(
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
pub(super) fn has_complement(
    t: &Toks,
    quotes: &[Quote],
    lemma: &str,
    after: usize,
    sb: usize,
) -> bool {
    if lemma == "call" {
        // "calling it a stunt", "called them liars": a pronoun object and what it is called.
        if t.is(after, &["it", "them", "him", "her", "this", "these"]) {
            return after + 1 < sb
                && (t.is_open(after + 1)
                    || t.is(after + 1, &["a", "an", "the"])
                    || t.is_word(after + 1));
        }
        // "called the downing an act of terrorism", "called the verdict 'a travesty'": a
        // definite object, then an indefinite or quoted name for it ("called the police"
        // and "called for" name nothing).
        return t.is(
            after,
            &["the", "this", "that", "its", "their", "his", "her"],
        ) && (after + 2..(after + 6).min(sb))
            .take_while(|&j| !t.punct(j, ",") && !t.punct(j, "."))
            .any(|j| t.is(j, &["a", "an"]) || t.is_open(j));
    }
    if matches!(lemma, "put" | "place" | "estimate") {
        // "put the death toll at 23": a figure given is a claim about it.
        let toll = (after..(after + 5).min(sb)).find(|&j| {
            t.is(
                j,
                &[
                    "toll",
                    "tally",
                    "figure",
                    "number",
                    "count",
                    "death",
                    "casualties",
                ],
            )
        });
        if let Some(j) = toll
            && (j + 1..(j + 5).min(sb)).any(|k| t.is(k, &["at"]))
        {
            return true;
        }
        // "as the spokesman has put it: “…”", but not "to put it plainly".
        if lemma != "estimate" {
            return t.is(after, &["it"])
                && after + 1 < sb
                && (t.punct(after + 1, ":") || t.punct(after + 1, ",") || t.is_open(after + 1));
        }
    }
    // Cognition ("believe", "found", "know") and counting report a claim only when the
    // clause starts right after them: "found that ...", "believe the fire was set"; not
    // "knew the area well, and that ...".
    if matches!(verbs::lookup(lemma), Some((_, Act::Think, _)))
        || matches!(lemma, "count" | "tally")
    {
        let mut k = after;
        while k < sb && t.is_word(k) && t.l(k).ends_with("ly") && !t.cap(k) {
            k += 1;
        }
        if k >= sb {
            return false;
        }
        if t.is(k, &["that"]) || t.punct(k, ":") || t.is_open(k) && quotes::at(quotes, k).is_some()
        {
            return true;
        }
        let end = (k + 6).min(sb);
        // "don't know what ...": an indirect question claims nothing.
        return !t.is(
            k,
            &[
                "to", "of", "in", "on", "at", "for", "with", "about", "as", "what", "whether",
                "if", "how", "why", "who", "when", "where", "which",
            ],
        ) && t.is_word(k)
            && finite_verb(t, k + 1, end)
                .is_some_and(|v| (k..v).all(|j| t.kind(j) != Kind::Punct));
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
pub(super) fn verbs_pass(
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
        let word = t.l(i);
        // "pointed out", "ruled out": a phrasal verb takes its particle into the cue.
        let phrasal = (i + 1 < sb && t.is_word(i + 1))
            .then(|| verbs::lookup_phrasal(word, t.l(i + 1)))
            .flatten();
        let cue_end = if phrasal.is_some() { i + 2 } else { i + 1 };
        let Some((lemma, act, form)) = phrasal.or_else(|| verbs::lookup(word)) else {
            // Reports and articles "include", "remind us", "mention".
            if (REPORT_VERBS.contains(&word) || word == "reminds" || word == "includes")
                && let Some(f) = report_subject_frame(t, quotes, sa, sb, i)
            {
                frames.push(f);
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
pub(super) fn cited_frame(t: &Toks, quotes: &[Quote], sb: usize, after: usize) -> Option<Frame> {
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
pub(super) fn report_subject_frame(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    sb: usize,
    i: usize,
) -> Option<Frame> {
    let (j, _) = skip_back(t, sa, i);
    let (s, e) = subject_before(t, quotes, sa, j)?;
    if !(s..e).any(|k| is_doc_noun(t.l(k))) {
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
pub(super) fn verb_frame(
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
    // Cognition reports a claim only as a clause and only as someone's own: "hard to
    // believe", "decided to resign", "it is seen", "Moscow should understand", "if a judge
    // decides", "few expected" are no one's words, and in "Washington most likely believes" the guess is
    // the writer's. Inside a quotation or another's reported words ("said his team had
    // concluded that"), that speaker speaks.
    if act == Act::Think
        && ((sa..i).rev().take(3).any(|k| {
            matches!(
                t.l(k),
                "to" | "can"
                    | "cannot"
                    | "could"
                    | "should"
                    | "must"
                    | "may"
                    | "might"
                    | "would"
                    | "will"
                    | "been"
                    | "be"
                    | "is"
                    | "was"
                    | "are"
                    | "were"
                    | "having"
                    | "one"
                    | "few"
                    | "many"
                    | "some"
                    | "most"
                    | "nobody"
                    | "everyone"
                    | "everybody"
                    | "anyone"
                    | "none"
            )
        }) || t.is(cue_end, &["to"])
            || quotes::at(quotes, i).is_some_and(Quote::is_speech)
            || earlier.iter().any(|f| f.content.0 <= i && i < f.content.1)
            || (sa..i).any(|k| verbs::is_hedge(t.l(k)) || t.is(k, &["if", "unless", "whether"])))
    {
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
    let has_own_complement = t.is(cue_end, &["that"])
        || (cue_end..(cue_end + 9).min(sb))
            .any(|k| t.is(k, &["that", "of", "about"]) || t.punct(k, ":") || t.is_open(k));
    if matches!(act, Act::Tell) && !after_quote_cue && !has_own_complement {
        // "…, the manager, Olav Brun, told reporters (on Tuesday).": the one told closes the
        // sentence, and what was said ends at the earliest comma within a short phrase of
        // the verb (the speaker's phrase may hold commas of its own).
        if form == Form::Finite
            && sb - cue_end <= 8
            && let Some(comma) =
                (sa + 1..i.saturating_sub(1)).find(|&k| t.punct(k, ",") && i - k <= 9)
        {
            let who_end = if t.punct(i - 1, ",") { i - 1 } else { i };
            let mut f = Frame::new(
                (i, cue_end),
                act,
                Who::Phrase(comma + 1, who_end),
                (sa, comma),
            );
            f.postposed = true;
            f.extent = (comma, sb);
            f.tail = Some(sb);
            return Some(f);
        }
        return None;
    }
    // Without a complement of its own, such a verb is speech only when it follows the
    // quotation it reports ("“…,” the report noted"), or, for some, the clause it reports
    // ("The fire was set, investigators concluded").
    let only_postposed =
        verbs::needs_complement(lemma) && !has_complement(t, quotes, lemma, cue_end, sb);
    if only_postposed {
        let before_quote = i > sa
            && (t.is_close(i - 1) || (i >= sa + 2 && t.punct(i - 1, ",") && t.is_close(i - 2)));
        if !before_quote && !verbs::after_clause(lemma) {
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

    // "Russia on Monday denied", "the ministry yesterday said": a date between the speaker
    // and the verb is when it was said.
    let mut date_before = None;
    let who = match form {
        Form::Participle => (participle_subject(t, quotes, sa, i, earlier), false, false),
        _ => {
            let (mut j, mut negated) = skip_back(t, sa, i);
            if let Some(k) =
                (j.saturating_sub(3).max(sa)..j).find(|&k| date_at(t, k, j) == Some((k, j)))
            {
                date_before = Some((k, j));
                let (before, neg) = skip_back(t, sa, k);
                j = before;
                negated |= neg;
            }
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
    // "These attacks suggest that", "the figures confirm that": a thing is evidence in the
    // writer's argument, not a speaker to look for further back.
    if let Who::Phrase(s, e) = who.0
        && matches!(
            lemma,
            "confirm" | "suggest" | "reveal" | "conclude" | "explain" | "show" | "prove"
        )
        && e > s
        && t.kind(e - 1) == Kind::Word
        && !t.cap(e - 1)
        && !t.acronym(e - 1)
        && !t.is(e - 1, PRONOUNS)
        && !{
            let w = t.l(e - 1);
            is_org_head(w) || is_person_head(w) || is_unnamed_head(w) || is_doc_noun(w)
        }
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
    f.said_at = date.or(date_before);
    f.forward = forward;
    Some(f)
}

/// The subject of a participle: "with X adding that", else the clause's subject, else the
/// speaker of an earlier frame in the sentence.
pub(super) fn participle_subject(
    t: &Toks,
    quotes: &[Quote],
    sa: usize,
    i: usize,
    earlier: &[Frame],
) -> Who {
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
pub(super) fn passive_frame(
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
    // "Nikolai Parshin, quoted by RIA Novosti": no be-form, the participle modifies the
    // speaker and names the outlet his words came through; it reports no words of its own.
    if b == i && matches!(lemma, "quote" | "cite") {
        return None;
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
pub(super) fn postposed(
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
    // "…,” said X, quoted by RIA Novosti": the outlet the words came through.
    let channel_after = |k: usize| -> Option<(usize, usize)> {
        let k = if t.punct(k, ",") { k + 1 } else { k };
        if !(t.is(k, &["quoted", "cited"]) && t.is(k + 1, &["by"])) {
            return None;
        }
        let s = k + 2;
        let mut e = s;
        while e < sb && !t.punct(e, ".") && !t.punct(e, ",") && !t.punct(e, ";") && e < s + 8 {
            e += 1;
        }
        (e > s).then_some((s, e))
    };
    let date_after = |k: usize| -> Option<(usize, usize)> {
        let mut k = k;
        if t.punct(k, ",") {
            k += 1;
        }
        date_at(t, k, sb).or_else(|| setting_date(t, quotes, k, sb))
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
        f.via = channel_after(e);
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
    if e - s > 12 && !named_in_apposition(t, s, e) {
        return None;
    }
    let rest_is_end = {
        let mut k = cue_end;
        // "said shortly after", "announced early on Friday": adverbs of the saying.
        while k < sb && t.is_word(k) && !t.cap(k) && t.l(k).ends_with("ly") && t.l(k).len() > 3 {
            k += 1;
        }
        if let Some(d) = date_at(t, k, sb) {
            k = d.1;
        }
        let comma = t.punct(k, ",");
        while k < sb && t.kind(k) == Kind::Punct && !t.punct(k, ":") {
            k += 1;
        }
        k >= sb
            // "..., the officer announced, but her rival refused": a clause of its own.
            || comma && clause_link(t, k)
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
            let tail = tail_end(t, quotes, cue_end, sb);
            let mut f = Frame::new((i, cue_end), act, Who::Phrase(s, e), (c0, c1));
            // "The hall lost power, she said, and voters were let in": a "she said" between
            // commas before "and" speaks for the rest of the sentence too (before "but",
            // the reporter usually turns to another voice).
            if t.punct(tail, ",")
                && t.is(tail + 1, &["and"])
                && (tail + 2..sb).any(|k| t.is_word(k))
            {
                f.content.1 = sb;
            }
            f.postposed = true;
            f.negated = negated;
            f.said_at = date_after(cue_end);
            f.tail = Some(tail);
            return Some(f);
        }
    }
    None
}

/// Is tokens `s..e` a short name and an apposition after it ("General X, head of the ... of
/// the ...")? A subject that long is usually a clause misread as one; a name with its office
/// is not.
fn named_in_apposition(t: &Toks, s: usize, e: usize) -> bool {
    let Some(c) = (s..e).find(|&k| t.punct(k, ",")) else {
        return false;
    };
    t.cap(s) && c - s <= 6 && e - s <= 30 && !(c + 1..e).any(|k| stops_subject(t, k))
}

/// After a postposed "said X": words up to the next quote or sentence end still describe the
/// speech ("on Sunday during a meeting with ...").
pub(super) fn tail_end(t: &Toks, quotes: &[Quote], from: usize, sb: usize) -> usize {
    let mut k = from;
    while k < sb {
        if t.is_open(k) && quotes::at(quotes, k).is_some_and(Quote::is_speech) {
            break;
        }
        if t.punct(k, ";") || t.punct(k, ",") && clause_link(t, k + 1) {
            break;
        }
        if t.punct(k, ".") {
            return k + 1;
        }
        k += 1;
    }
    k
}

/// The date of the setting a speech was made in, after the verb and its speaker: "said at a
/// news conference on Monday, July 21", "told reporters in Geneva on Friday". Token span,
/// over a date written after a weekday too ("Monday, July 21").
fn setting_date(t: &Toks, quotes: &[Quote], k: usize, sb: usize) -> Option<(usize, usize)> {
    if !t.is(k, &["at", "in", "during", "to", "after", "before"]) {
        return None;
    }
    let end = tail_end(t, quotes, k, sb);
    let (a, mut b) = (k + 1..end).find_map(|m| date_at(t, m, end))?;
    if t.punct(b, ",") && t.is(b + 1, MONTHS) && t.kind(b + 2) == Kind::Number {
        b += 3;
    }
    Some((a, b))
}

/// Whether token `k` opens a clause of its own after a comma: a contrast, or "and".
fn clause_link(t: &Toks, k: usize) -> bool {
    t.is(k, CONTRASTS) || t.is(k, &["and"])
}
