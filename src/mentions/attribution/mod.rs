//! Who says what. Every article and comment sentence is covered by claims, in order and not
//! overlapping; a sentence that mixes voices is cut into clause-level claims.
//!
//! A paragraph at a time: find the quotations and the attribution frames (`cues`), resolve
//! each frame's speaker against what the document has mentioned so far (`speakers`), nest
//! the frames into chains (`chain`), then cut each sentence into pieces owned by the
//! innermost frame over them. A frame that only passes speech on ("the article says that")
//! gives its words to the claim it relays; one that denies or doubts keeps its own piece.
//! Across paragraphs: a paragraph ending "…said that:" gives the next paragraph to its
//! speaker, and a paragraph opening "…said X" takes back the quotation before it.

pub(crate) mod chain;
pub(crate) mod cues;
pub(crate) mod lexicon;
pub(crate) mod memory;
pub(crate) mod names;
pub(crate) mod phrases;
pub(crate) mod pieces;
pub(crate) mod quotes;
pub(crate) mod speakers;
pub(crate) mod subjects;
pub(crate) mod tokens;
pub(crate) mod verbal;
pub(crate) mod verbs;

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use self::cues::Who;
use self::lexicon::Pronoun;
use self::memory::{EntKind, Entity, Memory, Role};
use self::pieces::{editorial_asides, is_quote_paragraph, pieces, pseudo_frame};
use self::quotes::Quote;
use self::speakers::Referent;
use self::tokens::Toks;
use super::claim::{Claim, ClaimantKind};
use super::facets::{self, Names};
use super::sentences::{Sentence, Voice as SentenceVoice};
use super::stance;
use crate::gazetteer::{EntityKind as GazKind, Gazetteer};
use crate::ingest::{Document, SegmentKind};
use crate::timeline::Stance;

/// Attribute every sentence of `doc` to a claimant. The gazetteer gives speakers the names
/// people know them by and facets their canonical actors.
/// How far back (in bytes) [`Run::recent_actors`] reads.
const RECENT_WINDOW: usize = 8 * 1024;

pub fn attribute(doc: &Document, sentences: &[Sentence], gaz: &Gazetteer) -> Vec<Claim> {
    let mut run = Run::new(doc, gaz);
    let mut i = 0;
    while i < sentences.len() {
        let mut j = i + 1;
        while j < sentences.len()
            && sentences[j].paragraph == sentences[i].paragraph
            && sentences[j].segment == sentences[i].segment
        {
            j += 1;
        }
        run.paragraph(&sentences[i..j]);
        i = j;
    }
    run.finish()
}

/// Who holds a stretch of text.
#[derive(Debug, Clone, PartialEq)]
struct Voice {
    speaker: usize,
    via: Vec<usize>,
    stance: Stance,
    cue: Option<(usize, usize)>,
    said_at: Option<(usize, usize)>,
    recipient: Option<usize>,
}

/// A claim before names are final.
#[derive(Debug, Clone)]
struct Draft {
    start: usize,
    end: usize,
    voice: Voice,
    comment: bool,
    commenter: Option<usize>,
    /// The text facets are read from (the claim, or the frame it is the outer part of).
    facet_span: (usize, usize),
    /// Actors named earlier in the sentence, for "they".
    actors: Vec<String>,
    /// Actors named in the last few sentences, for a bare "the coalition".
    recent: Vec<String>,
}

struct Run<'a> {
    doc: &'a Document,
    gaz: &'a Gazetteer,
    mem: Memory,
    outlet: usize,
    commenters: BTreeMap<String, usize>,
    sentence_no: usize,
    drafts: Vec<Draft>,
    /// A frame that ended its paragraph with a colon: the next paragraph is its speech.
    pending: Option<Voice>,
    /// The drafts of the last paragraph when it was a quotation nobody was given.
    orphan: Option<(usize, usize)>,
    /// The last voice of the last paragraph that had a frame.
    last_voice: Option<Voice>,
    last_segment: Option<usize>,
    /// Where the paragraph before this one starts, for nearby actors.
    prev_para_start: usize,
    para_start: usize,
    dct: Option<chrono::NaiveDate>,
}

/// HTML tags and Markdown emphasis left in a byline line.
static MARKUP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<[^>]*>|\*\*|__").expect("markup regex"));

static ACRONYM_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b((?:[A-Z][\w’'\-]*\s+)(?:(?:of|for|the|and|on|without|de|[A-Z][\w’'\-]*)\s+){0,6}[A-Z][\w’'\-]*)\s+\(([A-Z]{2,8})\)")
        .expect("acronym regex")
});

static ACRONYM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b([A-Z]{2,8})\s+\(((?:[A-Z][\w’'\-]*)(?:\s+(?:of|for|the|and|on|without|de|[A-Z][\w’'\-]*)){1,7})")
        .expect("acronym regex")
});

impl<'a> Run<'a> {
    fn new(doc: &'a Document, gaz: &'a Gazetteer) -> Run<'a> {
        let mut mem = Memory::new();
        let name = outlet_name(doc);
        let outlet = mem.add(Entity {
            name,
            kind: EntKind::Outlet,
            affiliation: None,
            female: None,
            plural: false,
            person_like: false,
        });
        Run {
            doc,
            gaz,
            mem,
            outlet,
            commenters: BTreeMap::new(),
            sentence_no: 0,
            drafts: Vec::new(),
            pending: None,
            orphan: None,
            last_voice: None,
            last_segment: None,
            prev_para_start: 0,
            para_start: 0,
            dct: doc
                .meta
                .published
                .as_ref()
                .and_then(|w| w.earliest())
                .map(|d| d.date()),
        }
    }

    fn commenter(&mut self, author: Option<&str>) -> usize {
        let name = author.map_or_else(|| "a reader".to_string(), |a| a.trim().to_string());
        if let Some(&id) = self.commenters.get(&name) {
            return id;
        }
        let id = self.mem.add(Entity {
            name: name.clone(),
            kind: EntKind::Commenter,
            affiliation: None,
            female: None,
            plural: false,
            person_like: true,
        });
        self.commenters.insert(name, id);
        id
    }

    fn default_voice(&self, default: usize, text: &str) -> Voice {
        Voice {
            speaker: default,
            via: Vec::new(),
            stance: stance::lexical(text).unwrap_or(Stance::Asserts),
            cue: None,
            said_at: None,
            recipient: None,
        }
    }

    fn learn_acronyms(&mut self, text: &str) {
        for c in ACRONYM_AFTER.captures_iter(text) {
            let long = c[1].trim();
            // "Doctors Without Borders (MSF)": drop a leading article or stray sentence word.
            let long = long.strip_prefix("The ").unwrap_or(long);
            self.mem.learn_acronym(&c[2], long);
        }
        for c in ACRONYM_BEFORE.captures_iter(text) {
            self.mem.learn_acronym(&c[1], c[2].trim());
        }
    }

    /// A speaker the text describes but names no one by ("A person familiar with the
    /// matter said", "The coastguard said"), in a phrase the speaker analysis makes nothing
    /// of: somebody of that description, not whoever spoke last. (A phrase it reads as a
    /// reference back, "the report", "the official", still falls back to the last speaker.)
    fn described(&mut self, t: &Toks, s: usize, e: usize) -> Option<usize> {
        let words: Vec<usize> = (s..e).filter(|&k| t.is_word(k)).collect();
        let (&first, rest) = words.split_first()?;
        if !t.is(first, &["a", "an", "the", "one", "another"]) || !(1..=7).contains(&rest.len()) {
            return None;
        }
        let label = t
            .span_text(rest[0], e)
            .trim_end_matches([',', ' '])
            .to_string();
        let person = rest.iter().any(|&k| speakers::person_noun(t.l(k)));
        self.mem.intern(&Referent::Unnamed { label, person })
    }

    /// Resolve a speaker phrase to an entity.
    #[allow(clippy::too_many_arguments)]
    fn resolve_phrase(
        &mut self,
        t: &Toks,
        quotes: &[Quote],
        s: usize,
        e: usize,
        at: usize,
        sno: usize,
        default: usize,
    ) -> Option<usize> {
        let r = speakers::analyse(t, quotes, s, e)?;
        match r {
            Referent::Pronoun(Pronoun::First) => Some(default),
            Referent::Pronoun(Pronoun::Relative) => None,
            // "It also says that": the report being discussed.
            Referent::Pronoun(Pronoun::It) => self
                .mem
                .recent_report(sno)
                .or_else(|| self.mem.resolve(Pronoun::It, at, sno)),
            Referent::Pronoun(p) => self.mem.resolve(p, at, sno),
            Referent::Definite { person, ref head } => {
                // "the group" refers back to the last organisation; "the labour ministry"
                // only to one whose name has "ministry" in it.
                let words: Vec<String> = (s..e)
                    .filter(|&k| {
                        t.is_word(k) && !t.is(k, &["the", "this", "that", "these", "those"])
                    })
                    .map(|k| t.l(k).to_string())
                    .collect();
                let strict = words.len() > 1;
                let modifiers: Vec<String> = words[..words.len().saturating_sub(1)].to_vec();
                self.mem
                    .resolve_definite(person, head, at, sno, strict, &modifiers)
                    .or_else(|| self.mem.resolve_member(head, at, sno))
                    .or_else(|| {
                        // A body or office the text identifies without a proper name.
                        let label = t
                            .span_text(s, e)
                            .trim_start_matches("the ")
                            .trim_start_matches("The ")
                            .to_string();
                        if person {
                            self.mem.intern(&Referent::Person {
                                name: label,
                                affiliation: None,
                                female: None,
                            })
                        } else {
                            self.mem.intern(&Referent::Org { name: label })
                        }
                    })
            }
            Referent::Actor { ref name, .. } if !name.contains(' ') => {
                // "Churkin" after "Vitaly Churkin", or a surname the gazetteer knows.
                self.mem
                    .person_by_surname(name)
                    .or_else(|| {
                        let e = self
                            .gaz
                            .lookup(name)
                            .filter(|e| e.kind == GazKind::Person)?;
                        self.mem.intern(&Referent::Person {
                            name: e.name.clone(),
                            affiliation: None,
                            female: None,
                        })
                    })
                    .or_else(|| {
                        // "Inspectors found ...": a plural trade opening the sentence.
                        let lower = name.to_lowercase();
                        (lower.ends_with("ors") || lower.ends_with("ers"))
                            .then(|| self.mem.resolve_member(&lower, at, sno))
                            .flatten()
                    })
                    .or_else(|| self.mem.intern(&r))
            }
            Referent::Unnamed { ref label, .. } => {
                let head = label.rsplit(' ').next().unwrap_or(label).to_lowercase();
                self.mem
                    .resolve_member(&head, at, sno)
                    .or_else(|| self.mem.intern(&r))
            }
            ref other => self.mem.intern(other),
        }
    }

    fn paragraph(&mut self, para: &[Sentence]) {
        let doc = self.doc;
        let (comment, author) = match &para[0].voice {
            SentenceVoice::Comment { author } => (true, author.clone()),
            SentenceVoice::Article => (false, None),
        };
        let default = if comment {
            self.commenter(author.as_deref())
        } else {
            self.outlet
        };
        // Each comment is its own discourse: pronouns do not reach into the one before.
        if comment && self.last_segment != Some(para[0].segment) {
            self.sentence_no += 100;
            self.pending = None;
            self.orphan = None;
            self.last_voice = None;
        }
        self.last_segment = Some(para[0].segment);
        let commenter = comment.then_some(default);
        let a = para[0].start;
        let b = para[para.len() - 1].end;
        self.prev_para_start = self.para_start;
        self.para_start = a;
        let t = Toks::new(&doc.text, a, b);
        let quotes = quotes::find(&t);
        let sents: Vec<(usize, usize)> =
            para.iter().map(|s| (t.at(s.start), t.at(s.end))).collect();
        self.learn_acronyms(&doc.text[a..b]);
        let mut frames = cues::find(&t, &quotes, &sents);

        // Speakers, sentence by sentence, so that pronouns see what came before them.
        let mut speakers: Vec<Option<usize>> = vec![None; frames.len()];
        let mut channels: Vec<Option<usize>> = vec![None; frames.len()];
        let mut recipients: Vec<Option<usize>> = vec![None; frames.len()];
        let mut drop = vec![false; frames.len()];
        for (k, &(sa, sb)) in sents.iter().enumerate() {
            let sno = self.sentence_no + k;
            self.mentions(&t, &quotes, sa, sb, sno);
            // A headline's capitals say little about who its subject is.
            if let Some((s, e)) = subjects::main_subject(&t, &quotes, sa, sb)
                && !para[k].headline
                && !quotes::at(&quotes, s).is_some_and(Quote::is_speech)
            {
                let at = t.v[s].start;
                if let Some(id) = self.resolve_phrase(&t, &quotes, s, e, at, sno, default)
                    && id != default
                {
                    self.mem.mention(at, id, sno, Role::Subject);
                }
            }
            let mut last_here: Option<usize> = None;
            for fi in 0..frames.len() {
                let f = &frames[fi];
                if f.cue.0 < sa || f.cue.0 >= sb {
                    continue;
                }
                let at = t.v[f.cue.0].start;
                let in_quote =
                    quotes::at(&quotes, f.cue.0).is_some_and(Quote::is_speech) && !f.postposed;
                let id = match f.who {
                    Who::Phrase(s, e) => {
                        let r = speakers::analyse(&t, &quotes, s, e);
                        if in_quote && matches!(r, Some(Referent::Pronoun(Pronoun::First))) {
                            // "I said" inside a quote: the quote's own speaker.
                            drop[fi] = true;
                            continue;
                        }
                        // "the airstrikes, who added": "who" needs someone who can speak.
                        let can_speak = !f.relative
                            || matches!(
                                r,
                                Some(
                                    Referent::Person { .. }
                                        | Referent::Org { .. }
                                        | Referent::Unnamed { person: true, .. }
                                        | Referent::Definite { person: true, .. }
                                )
                            );
                        if can_speak {
                            let described = || r.is_none().then_some((s, e));
                            self.resolve_phrase(&t, &quotes, s, e, at, sno, default)
                                .or_else(|| described().and_then(|(s, e)| self.described(&t, s, e)))
                        } else {
                            None
                        }
                    }
                    Who::Previous => None,
                    Who::Unnamed(label) => self.mem.intern(&Referent::Unnamed {
                        label: label.to_string(),
                        person: false,
                    }),
                };
                let id = id
                    .or(last_here)
                    .or_else(|| self.mem.last_speaker(at))
                    .unwrap_or(default);
                speakers[fi] = Some(id);
                last_here = Some(id);
                if id != default {
                    self.mem.mention(at, id, sno, Role::Speaker);
                }
                let f = &frames[fi];
                if let Some((s, e)) = f.via {
                    channels[fi] = self.resolve_phrase(&t, &quotes, s, e, at, sno, default);
                }
                if let Some((s, e)) = f.recipient {
                    recipients[fi] = self.resolve_phrase(&t, &quotes, s, e, at, sno, default);
                }
            }
        }
        // "Russia denied A, with Major General X of the Defence Ministry adding that B": the
        // spokesman is the channel of the state's claim.
        for b in 0..frames.len() {
            let Who::Phrase(s, _) = frames[b].who else {
                continue;
            };
            if drop[b] || s == 0 || !t.is(s - 1, &["with"]) {
                continue;
            }
            let Some(person) = speakers[b].filter(|&p| self.mem.ents[p].kind == EntKind::Person)
            else {
                continue;
            };
            let person_state = names::state_of(self.gaz, &self.mem.ents[person].name);
            // Someone the gazetteer does not know, but whose office is a state's.
            let official = self.mem.ents[person]
                .affiliation
                .as_deref()
                .is_some_and(|a| {
                    let a = a.to_lowercase();
                    [
                        "ministry",
                        "government",
                        "defence",
                        "defense",
                        "foreign",
                        "army",
                        "military",
                        "presidency",
                        "kremlin",
                        "pentagon",
                    ]
                    .iter()
                    .any(|w| a.contains(w))
                });
            for a in 0..b {
                let Some(sp) = speakers[a] else { continue };
                let same_sentence = sents.iter().any(|&(sa, sb)| {
                    (sa..sb).contains(&frames[a].cue.0) && (sa..sb).contains(&frames[b].cue.0)
                });
                if same_sentence
                    && matches!(self.mem.ents[sp].kind, EntKind::Actor | EntKind::Org)
                    && names::state_of(self.gaz, &self.mem.ents[sp].name).is_some_and(|st| {
                        person_state.as_ref() == Some(&st) || person_state.is_none() && official
                    })
                    && channels[a].is_none()
                {
                    channels[a] = Some(person);
                }
            }
        }
        // Frames dropped above go.
        let mut keep_idx = Vec::new();
        for (i, d) in drop.iter().enumerate() {
            if !d {
                keep_idx.push(i);
            }
        }
        frames = keep_idx.iter().map(|&i| frames[i].clone()).collect();
        let mut speakers: Vec<Option<usize>> = keep_idx.iter().map(|&i| speakers[i]).collect();
        let mut channels: Vec<Option<usize>> = keep_idx.iter().map(|&i| channels[i]).collect();
        let mut recipients: Vec<Option<usize>> = keep_idx.iter().map(|&i| recipients[i]).collect();

        // A paragraph given by a colon at the end of the one before.
        let quote_para = is_quote_paragraph(&t, &quotes);
        let pending = self.pending.take();
        let mut pseudo: Option<usize> = None;
        if let Some(v) = pending.clone()
            && !t.is_empty()
        {
            let mut f = pseudo_frame(t.len());
            f.stance = v.stance;
            frames.push(f);
            speakers.push(Some(v.speaker));
            channels.push(None);
            recipients.push(v.recipient);
            pseudo = Some(frames.len() - 1);
            // A quote that runs on keeps the speaker for the next paragraph.
            if quotes.last().is_some_and(|q| q.open_right) {
                self.pending = Some(v);
            }
        }

        // A paragraph opening "…said X" takes back the orphan quotation before it.
        if let Some(bi) = frames.iter().position(|f| f.backward)
            && let (Some((o0, o1)), Some(sp)) = (self.orphan.take(), speakers[bi])
        {
            let voice = Voice {
                speaker: sp,
                via: channels[bi].into_iter().collect(),
                stance: frames[bi].stance,
                cue: Some((t.v[frames[bi].cue.0].start, t.v[frames[bi].cue.1 - 1].end)),
                said_at: frames[bi]
                    .said_at
                    .map(|(s, e)| (t.v[s].start, t.v[e - 1].end)),
                recipient: None,
            };
            for d in &mut self.drafts[o0..o1] {
                let text = &doc.text[d.start..d.end];
                d.voice = Voice {
                    stance: stance::combine(voice.stance, text),
                    ..voice.clone()
                };
                if let Some(c) = d.commenter
                    && !d.voice.via.contains(&c)
                    && d.voice.speaker != c
                {
                    d.voice.via.push(c);
                }
            }
        }
        self.orphan = None;

        let parents = chain::parents(&frames);
        let vias: Vec<Vec<usize>> = (0..frames.len())
            .map(|i| chain::via(&frames, &parents, &speakers, &channels, i))
            .collect();
        let editorial = editorial_asides(&t, &frames);

        let first_draft = self.drafts.len();
        for (k, s) in para.iter().enumerate() {
            let (sa, sb) = sents[k];
            let sno = self.sentence_no + k;
            let pieces = pieces(&t, &frames, &parents, &editorial, sa, sb);
            let n = pieces.len();
            for (pi, &(x, y, owner)) in pieces.iter().enumerate() {
                let start = if pi == 0 { s.start } else { t.v[x].start };
                let end = if pi + 1 == n { s.end } else { t.v[y - 1].end };
                let text = &doc.text[start..end];
                let (voice, facet_span) = match owner {
                    Some(fi) => {
                        let f = &frames[fi];
                        let sp = speakers[fi].unwrap_or(default);
                        let mut via = vias[fi].clone();
                        via.retain(|&v| v != sp);
                        let cue = (f.cue.1 > f.cue.0 && Some(fi) != pseudo)
                            .then(|| (t.v[f.cue.0].start, t.v[f.cue.1 - 1].end));
                        let voice = Voice {
                            speaker: sp,
                            via,
                            stance: stance::combine(f.stance, text),
                            cue,
                            said_at: f.said_at.map(|(s, e)| (t.v[s].start, t.v[e - 1].end)),
                            recipient: recipients[fi],
                        };
                        // The outer part of a denial reads its facets from what it denies.
                        let holds_content = x < f.content.1 && f.content.0 < y;
                        let span = if !holds_content || !f.relays() {
                            let (fs, fe) = f.extent;
                            let fs = fs.max(sa.min(x));
                            let fe = fe.min(t.len()).max(fs + 1);
                            (t.v[fs].start.min(start), t.v[fe - 1].end.max(end))
                        } else {
                            (start, end)
                        };
                        (voice, span)
                    }
                    // “…,” he said. “More words.” A quotation going on after its speaker
                    // was given, in the same paragraph, is that speaker's.
                    None if quotes::at(&quotes, x).is_some_and(|q| q.is_speech())
                        && let Some(v) = self.drafts[first_draft..]
                            .iter()
                            .rev()
                            .find(|d| d.voice.speaker != default && d.voice.cue.is_some())
                            .map(|d| d.voice.clone()) =>
                    {
                        let voice = Voice {
                            stance: stance::combine(Stance::Asserts, text),
                            said_at: None,
                            ..v
                        };
                        (voice, (start, end))
                    }
                    None => {
                        let v = self.default_voice(default, text);
                        // "It is hard to believe the official version that ...": the doubt
                        // covers the claim that follows.
                        let span = if matches!(v.stance, Stance::Questions | Stance::Denies)
                            && pi + 1 < n
                        {
                            (start, t.v[pieces[pi + 1].1 - 1].end)
                        } else {
                            (start, end)
                        };
                        (v, span)
                    }
                };
                let mut voice = voice;
                // A voice that no one vouches for is known only through the outlet.
                if self.mem.ents[voice.speaker].kind == EntKind::Unnamed
                    && voice.via.is_empty()
                    && !comment
                {
                    voice.via.push(self.outlet);
                }
                if let Some(c) = commenter
                    && voice.speaker != c
                    && !voice.via.contains(&c)
                {
                    voice.via.push(c);
                }
                let actors = self.actors_before(sno, end);
                let recent = self.recent_actors(end);
                self.drafts.push(Draft {
                    start,
                    end,
                    voice,
                    comment,
                    commenter,
                    facet_span,
                    actors,
                    recent,
                });
            }
        }

        // Bookkeeping for the paragraphs after this one.
        let real_frames = frames
            .iter()
            .enumerate()
            .filter(|&(i, _)| Some(i) != pseudo)
            .count();
        if real_frames == 0 && pending.is_none() && quote_para {
            // A quotation nobody was given: the last speaker for now; a "…said X" opening
            // the next paragraph may take it.
            if let Some(v) = self.last_voice.clone() {
                for d in &mut self.drafts[first_draft..] {
                    let text = &doc.text[d.start..d.end];
                    d.voice = Voice {
                        stance: stance::combine(Stance::Asserts, text),
                        ..v.clone()
                    };
                    if let Some(c) = commenter
                        && d.voice.speaker != c
                        && !d.voice.via.contains(&c)
                    {
                        d.voice.via.push(c);
                    }
                }
            }
            self.orphan = Some((first_draft, self.drafts.len()));
        }
        // A frame whose content is empty at the end of the paragraph ("She added:").
        if let Some(fi) = frames.iter().rposition(|f| {
            let empty = (f.content.0..f.content.1.min(t.len())).all(|k| !t.is_word(k));
            empty
                && (f.forward
                    || f.content.1 >= t.len() && !t.is_empty() && t.punct(t.len() - 1, ":"))
        }) && Some(fi) != pseudo
        {
            let f = &frames[fi];
            self.pending = Some(Voice {
                speaker: speakers[fi].unwrap_or(default),
                via: vias[fi].clone(),
                stance: f.stance,
                cue: Some((t.v[f.cue.0].start, t.v[f.cue.1 - 1].end)),
                said_at: None,
                recipient: recipients[fi],
            });
        }
        if real_frames > 0 || pending.is_some() {
            self.last_voice = self.drafts[first_draft..]
                .iter()
                .rev()
                .find(|d| d.voice.speaker != default)
                .map(|d| d.voice.clone());
        } else if !quote_para {
            self.last_voice = None;
        }
        self.sentence_no += para.len();
    }

    /// Record the names in a sentence as mentions, for pronouns later on.
    fn mentions(&mut self, t: &Toks, quotes: &[Quote], sa: usize, sb: usize, sno: usize) {
        let chunks = speakers::chunks(t, sa, sb);
        for (ci, &(cs, ce)) in chunks.iter().enumerate() {
            // Sentence-initial single words are often not names ("Attacking", "Several").
            if cs == sa && ce - cs == 1 && !t.acronym(cs) && !self.known(t.s(cs)) {
                continue;
            }
            let at = t.v[cs].start;
            // A bare name chunk says little about office: speaker phrases give that.
            let r = match speakers::analyse(t, quotes, cs, ce) {
                Some(Referent::Person { name, female, .. }) => Some(Referent::Person {
                    name,
                    affiliation: None,
                    female,
                }),
                r => r,
            };
            if let Some(r) = r
                && matches!(
                    r,
                    Referent::Person { .. } | Referent::Org { .. } | Referent::Actor { .. }
                )
                && let Some(id) = self.mem.intern(&r)
            {
                self.mem.mention(at, id, sno, Role::Other);
            }
            // "Russia and Syria": the pair as one plural actor.
            if let Some(&(ns, ne)) = chunks.get(ci + 1)
                && ns == ce + 1
                && t.is(ce, &["and"])
            {
                let name = t.span_text(cs, ne).to_string();
                if let Some(id) = self.mem.intern(&Referent::Actor { name, plural: true }) {
                    self.mem.mention(t.v[ns].start, id, sno, Role::Other);
                }
            }
        }
    }

    fn known(&self, word: &str) -> bool {
        self.mem.is_name_word(&word.to_lowercase())
    }

    /// Names of countries, organisations and groups mentioned in a sentence before `end`.
    fn actors_before(&self, sno: usize, end: usize) -> Vec<String> {
        self.mem
            .sentence_mentions(sno)
            .filter(|m| m.at < end)
            .filter(|m| matches!(self.mem.ents[m.ent].kind, EntKind::Actor | EntKind::Org))
            .map(|m| self.mem.ents[m.ent].name.clone())
            .collect()
    }

    /// The name a reader knows an entity by.
    fn display(&self, id: usize) -> String {
        let e = &self.mem.ents[id];
        match e.kind {
            EntKind::Person => names::person_display(self.gaz, &e.name, e.affiliation.as_deref()),
            EntKind::Org | EntKind::Actor => {
                names::speaker_name(self.gaz, &e.name).unwrap_or_else(|| e.display())
            }
            _ => e.display(),
        }
    }

    /// Actors the gazetteer finds in this paragraph and the one before, up to `end`,
    /// oldest first.
    ///
    /// At most [`RECENT_WINDOW`] bytes are read: two paragraphs of prose are far shorter, and
    /// a "paragraph" of hundreds of kilobytes (text that is not prose) is not read again in
    /// full for each of its claims.
    fn recent_actors(&self, end: usize) -> Vec<String> {
        let mut from = self
            .prev_para_start
            .min(end)
            .max(end.saturating_sub(RECENT_WINDOW));
        while !self.doc.text.is_char_boundary(from) {
            from += 1;
        }
        self.gaz
            .find(&self.doc.text[from..end])
            .into_iter()
            .map(|m| self.gaz.entry(m.entry))
            .filter(|e| e.kind != GazKind::Place && e.kind != GazKind::Person)
            .map(|e| e.name.clone())
            .collect()
    }

    fn finish(self) -> Vec<Claim> {
        let names = names::GazetteerNames(self.gaz);
        let mut out = Vec::with_capacity(self.drafts.len());
        for d in &self.drafts {
            let speaker = &self.mem.ents[d.voice.speaker];
            let claimant = self.display(d.voice.speaker);
            let kind = match speaker.kind {
                EntKind::Outlet => ClaimantKind::Outlet,
                EntKind::Commenter => ClaimantKind::Commenter,
                EntKind::Unnamed => ClaimantKind::Unnamed,
                EntKind::Person | EntKind::Org | EntKind::Actor => ClaimantKind::Named,
            };
            let mut via: Vec<String> = Vec::new();
            for &v in &d.voice.via {
                let name = self.display(v);
                if name != claimant && !via.contains(&name) {
                    via.push(name);
                }
            }
            let recipient = d.voice.recipient.map(|r| self.mem.ents[r].name.clone());
            let d = d.clone();
            let ctx = facets::Context {
                denies: matches!(d.voice.stance, Stance::Denies | Stance::Questions),
                recipient: recipient.as_deref(),
                actors: d.actors.clone(),
                claimant: &claimant,
                dct: self.dct,
                recent: d.recent.clone(),
                claimant_state: names::state_of(self.gaz, &self.mem.ents[d.voice.speaker].name),
                questions: d.voice.stance == Stance::Questions,
            };
            let text = &self.doc.text[d.facet_span.0..d.facet_span.1];
            // Facets describe the clause's own event: a phrase about another event ("to
            // distract attention from the coalition's bombing") is left out.
            let text =
                &text[..crate::mentions::relational::object_start(text).unwrap_or(text.len())];
            let facets = facets::extract(text, &ctx, &names as &dyn Names);
            out.push(Claim {
                start: d.start,
                end: d.end,
                claimant,
                claimant_kind: kind,
                via,
                stance: d.voice.stance,
                cue: d.voice.cue,
                said_at: d.voice.said_at,
                facets,
                comment: d.comment,
            });
        }
        out
    }
}

/// The name of the document's own voice: its author and outlet ("Tom Hesketh (Melbridge
/// Chronicle)"), either one alone, or the document's id when it names neither.
pub fn outlet_name(doc: &Document) -> String {
    let outlet = doc
        .meta
        .outlet
        .as_deref()
        .map(str::trim)
        .filter(|o| !o.is_empty());
    match (byline_name(doc), outlet) {
        (Some(a), Some(o)) if !a.eq_ignore_ascii_case(o) => format!("{a} ({o})"),
        (Some(a), _) => a,
        (None, Some(o)) => o.to_string(),
        (None, None) => doc.id.clone(),
    }
}

/// Who wrote the document, from its metadata or its byline ("By Tom Hesketh, Crime
/// Reporter").
pub fn byline_name(doc: &Document) -> Option<String> {
    if let Some(a) = doc
        .meta
        .author
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
    {
        return Some(a.to_string());
    }
    for seg in &doc.segments {
        if seg.kind == SegmentKind::Byline {
            let line = MARKUP.replace_all(doc.slice(seg), "");
            let line = line.trim();
            let rest = line
                .strip_prefix("By ")
                .or_else(|| line.strip_prefix("by "))
                .unwrap_or(line);
            let name = rest
                .split([',', '|', '\n'])
                .next()
                .unwrap_or(rest)
                .split(" from ")
                .next()
                .unwrap_or(rest)
                .trim();
            // A byline that is a date ("JUNE 2023") names nobody.
            let words = name.split_whitespace().count();
            if (1..=6).contains(&words)
                && !name.chars().any(|c| c.is_ascii_digit())
                && name.chars().next().is_some_and(char::is_uppercase)
            {
                return Some(name.to_string());
            }
        }
    }
    None
}
