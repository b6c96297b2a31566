//! Event triggers: the words that say something happened, and what kind of thing.
//!
//! A lexicon of inflected forms, matched in one pass (aho-corasick, ASCII case-insensitive,
//! whole words). Multi-word triggers win over their parts ("air strike" over "strike").

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::lexicon::{ClassId, Events, Lexicon};

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventType {
    /// Air strikes, bombings, shelling, raids, massacres.
    Attack,
    /// An offensive, an advance, a capture, a counter-attack.
    Offensive,
    /// A truce or ceasefire agreed, brokered or taking effect.
    Truce,
    /// A truce declared over, collapsing or expiring.
    TruceEnd,
    /// An agreement, deal or accord (other than a truce).
    Agreement,
    /// A meeting, talks, a visit, an emergency session.
    Meeting,
    /// A party walks out of talks or suspends its part.
    Walkout,
    /// Troops withdraw or hand over positions.
    Withdrawal,
    /// Aid delivered, blocked or delayed; a convoy.
    Aid,
    /// Fighters defect or desert.
    Defection,
    /// Someone states, declares, denies, warns: a speech act.
    Statement,
    /// An event of a class of the event vocabulary (`data/events.yaml`) that none of the
    /// kinds above tells: a crash, a verdict, an election, a fire, a market fall.
    Open(ClassId),
}

/// The vocabulary classes that the kinds above already stand for: a predicate of one of
/// them is told by the trigger list, and compatibility with an open class goes through it.
const COVERED: &[(&str, EventType)] = &[
    ("assault", EventType::Attack),
    ("battle", EventType::Offensive),
    ("truce", EventType::Truce),
    ("agree", EventType::Agreement),
    ("consult", EventType::Meeting),
    ("retreat", EventType::Withdrawal),
    ("aid", EventType::Aid),
    ("statement", EventType::Statement),
];

fn vocabulary() -> &'static Events {
    &Lexicon::active().events
}

/// Each class's family: classes joined by the vocabulary's `compatible` pairs, directly or
/// through others, with a covered class standing for its kind's family.
static FAMILIES: LazyLock<Vec<EventType>> = LazyLock::new(|| {
    let ev = vocabulary();
    let n = ev.classes().len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for a in 0..n {
        for b in a + 1..n {
            if ev.compatible(a as ClassId, b as ClassId) {
                let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    // A group holding a covered class takes that kind's family; else its lowest class.
    let mut kind_of_root: Vec<Option<EventType>> = vec![None; n];
    for (id, kind) in COVERED {
        if let Some(c) = ev.by_name(id) {
            let r = root(&mut parent, c as usize);
            kind_of_root[r] = kind_of_root[r].or(Some(kind.family()));
        }
    }
    (0..n)
        .map(|c| {
            let r = root(&mut parent, c);
            kind_of_root[r].unwrap_or(EventType::Open(r as ClassId))
        })
        .collect()
});

/// Written as its name: "attack", "truce_end", or the vocabulary class ("accident").
impl Serialize for EventType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.name())
    }
}

impl EventType {
    /// The kind's name: a fixed kind in snake case, an open one by its vocabulary class.
    pub fn name(self) -> String {
        match self {
            EventType::Open(c) => vocabulary().class(c).id.clone(),
            EventType::TruceEnd => "truce_end".to_string(),
            k => format!("{k:?}").to_lowercase(),
        }
    }

    /// The kind for a vocabulary class: a covered class's kind, else an open one.
    pub fn of_class(class: ClassId) -> EventType {
        let id = &vocabulary().class(class).id;
        COVERED
            .iter()
            .find(|(c, _)| c == id)
            .map_or(EventType::Open(class), |(_, k)| *k)
    }

    /// The vocabulary class a kind stands for, if any.
    fn class(self) -> Option<ClassId> {
        match self {
            EventType::Open(c) => Some(c),
            k => COVERED
                .iter()
                .find(|(_, c)| *c == k)
                .and_then(|(id, _)| vocabulary().by_name(id)),
        }
    }
}

impl EventType {
    /// A readable noun phrase for titles.
    pub fn noun(self) -> &'static str {
        match self {
            EventType::Attack => "attack",
            EventType::Offensive => "offensive",
            EventType::Truce => "ceasefire",
            EventType::TruceEnd => "end of the ceasefire",
            EventType::Agreement => "agreement",
            EventType::Meeting => "meeting",
            EventType::Walkout => "walk-out",
            EventType::Withdrawal => "withdrawal",
            EventType::Aid => "aid",
            EventType::Defection => "defections",
            EventType::Statement => "statement",
            EventType::Open(c) => &vocabulary().class(c).noun,
        }
    }

    /// How strongly a trigger of this type makes a clause about an event of its own; speech
    /// acts are weakest, because most of them report on some other event.
    pub fn weight(self) -> u8 {
        match self {
            EventType::Attack | EventType::TruceEnd => 5,
            EventType::Offensive | EventType::Walkout | EventType::Defection => 4,
            EventType::Truce | EventType::Agreement | EventType::Withdrawal | EventType::Aid => 3,
            EventType::Meeting => 2,
            EventType::Statement => 1,
            EventType::Open(c) => vocabulary().class(c).weight,
        }
    }

    /// Kinds of event that a speech act can itself be: declaring a ceasefire, or its end, or an
    /// agreement, or walking out.
    pub fn performative(self) -> bool {
        matches!(
            self,
            EventType::Truce | EventType::TruceEnd | EventType::Agreement | EventType::Walkout
        )
    }

    /// Types that can be the same real-world event. Between the fixed kinds, those of one
    /// family; with an open class, the vocabulary's `compatible` pairs decide.
    pub fn compatible(self, other: EventType) -> bool {
        use EventType::*;
        match (self, other) {
            (Open(_), _) | (_, Open(_)) => {
                self == other
                    || match (self.class(), other.class()) {
                        (Some(a), Some(b)) => vocabulary().compatible(a, b),
                        _ => false,
                    }
            }
            _ => self.family() == other.family(),
        }
    }

    /// The type standing for all the types that can be compatible with this one (a key for
    /// blocking, coarser than [`EventType::compatible`] for open classes).
    pub fn family(self) -> EventType {
        use EventType::*;
        match self {
            Offensive => Attack,
            Agreement => Truce,
            Open(c) => FAMILIES.get(c as usize).copied().unwrap_or(self),
            k => k,
        }
    }
}

/// One trigger found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trigger {
    pub start: usize,
    pub end: usize,
    pub kind: EventType,
    /// True when the trigger is a noun ("the strike"), which can refer back to an event
    /// already told; false for a verb ("struck").
    pub nominal: bool,
}

/// (form, type, nominal). Inflections are listed: the lexicon is small and explicit beats a
/// stemmer that turns "strikes" and "striking workers" into the same thing.
const LEXICON: &[(&str, EventType, bool)] = {
    use EventType::*;
    &[
        // Attacks
        ("air strike", Attack, true),
        ("air strikes", Attack, true),
        ("airstrike", Attack, true),
        ("airstrikes", Attack, true),
        ("air raid", Attack, true),
        ("air raids", Attack, true),
        ("strike", Attack, true),
        ("strikes", Attack, true),
        ("struck", Attack, false),
        ("bombed", Attack, false),
        ("bombing", Attack, true),
        ("bombings", Attack, true),
        ("bombardment", Attack, true),
        ("bombarded", Attack, false),
        ("car bomb", Attack, true),
        ("car bombs", Attack, true),
        ("carbombers", Attack, true),
        ("car bombers", Attack, true),
        ("suicide bombing", Attack, true),
        ("attack", Attack, true),
        ("attacks", Attack, true),
        ("attacked", Attack, false),
        ("attacking", Attack, false),
        ("shelled", Attack, false),
        ("shelling", Attack, true),
        ("massacre", Attack, true),
        ("massacred", Attack, false),
        ("raid", Attack, true),
        ("raids", Attack, true),
        ("ambush", Attack, true),
        ("ambushed", Attack, false),
        ("explosion", Attack, true),
        ("blast", Attack, true),
        ("hit", Attack, false),
        ("targeted", Attack, false),
        ("shot down", Attack, false),
        ("downed", Attack, false),
        ("killed", Attack, false),
        ("killing", Attack, false),
        ("slaying", Attack, false),
        ("opened fire", Attack, false),
        ("fired on", Attack, false),
        ("incident", Attack, true),
        ("air power", Attack, true),
        ("airpower", Attack, true),
        ("warplanes", Attack, true),
        // Offensives
        ("offensive", Offensive, true),
        ("offensives", Offensive, true),
        ("assault", Offensive, true),
        ("advance", Offensive, true),
        ("advanced", Offensive, false),
        ("captured", Offensive, false),
        ("recaptured", Offensive, false),
        ("seized", Offensive, false),
        ("overran", Offensive, false),
        ("counterattack", Offensive, true),
        ("counter-attack", Offensive, true),
        ("counteroffensive", Offensive, true),
        ("repelled", Offensive, false),
        ("fighting", Offensive, true),
        ("clashes", Offensive, true),
        ("took control", Offensive, false),
        // Truces
        ("ceasefire", Truce, true),
        ("cease-fire", Truce, true),
        ("ceasefire agreement", Truce, true),
        ("truce", Truce, true),
        ("cessation of hostilities", Truce, true),
        ("armistice", Truce, true),
        ("zones of silence", Truce, true),
        ("zone of silence", Truce, true),
        ("truce collapsed", TruceEnd, false),
        ("ceasefire collapsed", TruceEnd, false),
        ("ceasefire is over", TruceEnd, false),
        ("ceasefire was over", TruceEnd, false),
        ("ceasefire expired", TruceEnd, false),
        ("truce expired", TruceEnd, false),
        ("end of the ceasefire", TruceEnd, true),
        ("end of the truce", TruceEnd, true),
        ("end of the nationwide ceasefire", TruceEnd, true),
        ("ceasefire regime collapsed", TruceEnd, false),
        // Agreements
        ("agreement", Agreement, true),
        ("agreed", Agreement, false),
        ("deal", Agreement, true),
        ("accord", Agreement, true),
        ("signed", Agreement, false),
        ("brokered", Agreement, false),
        // Meetings
        ("meeting", Meeting, true),
        ("emergency meeting", Meeting, true),
        ("met", Meeting, false),
        ("talks", Meeting, true),
        ("peace talks", Meeting, true),
        ("summit", Meeting, true),
        ("visited", Meeting, false),
        ("travelled", Meeting, false),
        ("traveled", Meeting, false),
        ("press briefing", Meeting, true),
        ("briefing", Meeting, true),
        ("press conference", Meeting, true),
        ("summoned", Meeting, false),
        ("convened", Meeting, false),
        ("consultations", Meeting, true),
        // Walk-outs
        ("walked out", Walkout, false),
        ("walk-out", Walkout, true),
        ("walkout", Walkout, true),
        ("walk out", Walkout, false),
        ("boycotted", Walkout, false),
        // Withdrawals
        ("withdrew", Withdrawal, false),
        ("withdrawing", Withdrawal, false),
        ("withdrawal", Withdrawal, true),
        ("pulled back", Withdrawal, false),
        ("pulled out", Withdrawal, false),
        ("retreated", Withdrawal, false),
        ("handing over", Withdrawal, false),
        ("handed over", Withdrawal, false),
        // Aid
        ("aid convoy", Aid, true),
        ("relief convoy", Aid, true),
        ("humanitarian convoy", Aid, true),
        ("convoy", Aid, true),
        ("humanitarian aid", Aid, true),
        ("aid", Aid, true),
        // Defections
        ("defected", Defection, false),
        ("defections", Defection, true),
        ("defection", Defection, true),
        ("deserted", Defection, false),
        ("desertions", Defection, true),
        // Speech acts
        ("declared", Statement, false),
        ("announced", Statement, false),
        ("statement", Statement, true),
        ("press release", Statement, true),
        ("denied", Statement, false),
        ("warned", Statement, false),
        ("accused", Statement, false),
        ("condemned", Statement, false),
        ("denounced", Statement, false),
        ("denounce", Statement, false),
        ("demanded", Statement, false),
        ("admitted", Statement, false),
        ("admission", Statement, true),
        ("reiterated", Statement, false),
        ("complained", Statement, false),
        ("remarked", Statement, false),
        ("rejected", Statement, false),
        ("dismissed", Statement, false),
    ]
};

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(LEXICON.iter().map(|(form, _, _)| *form))
        .expect("the trigger lexicon is a valid automaton")
});

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// All triggers in a text, in order, whole words only.
pub fn find(text: &str) -> Vec<Trigger> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for m in MATCHER.find_iter(text) {
        let (s, e) = (m.start(), m.end());
        if s > 0 && is_word_byte(bytes[s - 1]) || e < bytes.len() && is_word_byte(bytes[e]) {
            continue;
        }
        let (_, kind, nominal) = LEXICON[m.pattern().as_usize()];
        if kind == EventType::Attack && !attack_sense(text, s, e)
            || !fighting_sense(text, s, e)
            || !meeting_sense(text, s, e)
        {
            continue;
        }
        out.push(Trigger {
            start: s,
            end: e,
            kind,
            nominal,
        });
    }
    out
}

/// Rules out the commonest non-violent senses of attack words: "hit the market", "a general
/// strike", "strike a deal", "attack on his policies".
fn attack_sense(text: &str, start: usize, end: usize) -> bool {
    let word = text[start..end].to_ascii_lowercase();
    let before = text[..start].trim_end().to_ascii_lowercase();
    let after = text[end..].trim_start().to_ascii_lowercase();
    match word.as_str() {
        "strike" | "strikes" => {
            !(before.ends_with("general")
                || before.ends_with("hunger")
                || after.starts_with("a deal")
                || after.starts_with("a balance"))
        }
        "hit" => {
            !(after.starts_with("a record")
                || after.starts_with("the market")
                || after.starts_with("a low")
                || after.starts_with("a high"))
        }
        "attack" | "attacks" => !(before.ends_with("heart") || before.ends_with("panic")),
        "incident" => {
            before.ends_with("the") || before.ends_with("this") || before.ends_with("that")
        }
        _ => true,
    }
}

/// "Fighting" is an event as a noun ("heavy fighting", "fighting broke out"), not as a verb
/// with an object ("troops fighting ISIS", "fighting together against").
fn fighting_sense(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].eq_ignore_ascii_case("fighting") {
        return true;
    }
    let before = text[..start].trim_end().to_ascii_lowercase();
    let next: String = text[end..]
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    let prev = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        prev,
        "the" | "heavy" | "fierce" | "renewed" | "intense" | "street" | "of" | "new" | "fresh"
    ) || matches!(
        next.as_str(),
        "began"
            | "broke"
            | "erupted"
            | "raged"
            | "resumed"
            | "continued"
            | "intensified"
            | "flared"
            | "has"
            | "had"
            | "was"
            | "is"
            | "in"
            | "around"
            | "near"
    )
}

/// "met" is a meeting when someone met someone ("met with", "met Assad", "met in Geneva"),
/// not when a demand was met ("have not met any of the commitments").
fn meeting_sense(text: &str, start: usize, end: usize) -> bool {
    if !text[start..end].eq_ignore_ascii_case("met") {
        return true;
    }
    let after = text[end..].trim_start();
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    matches!(
        next.to_ascii_lowercase().as_str(),
        "with" | "in" | "at" | "on" | "for" | "privately" | "separately" | "again"
    ) || next.chars().next().is_some_and(char::is_uppercase)
}

/// The strongest trigger of a text, if any: heaviest type, then first.
pub fn main_trigger(triggers: &[Trigger]) -> Option<&Trigger> {
    triggers
        .iter()
        .min_by_key(|t| (std::cmp::Reverse(t.kind.weight()), t.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, EventType)> {
        find(text)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t.kind))
            .collect()
    }

    #[test]
    fn finds_longest_forms_as_whole_words() {
        assert_eq!(
            kinds("Warplanes carried out air strikes on the depot; the strike killed four."),
            [
                ("Warplanes".to_string(), EventType::Attack),
                ("air strikes".to_string(), EventType::Attack),
                ("strike".to_string(), EventType::Attack),
                ("killed".to_string(), EventType::Attack)
            ]
        );
        assert!(kinds("The strikers' hitherto unknown aide").is_empty());
    }

    #[test]
    fn truce_phases() {
        assert_eq!(
            kinds("The ceasefire expired at midnight.")[0].1,
            EventType::TruceEnd
        );
        assert_eq!(
            kinds("A ceasefire brokered by both sides")[0].1,
            EventType::Truce
        );
    }

    #[test]
    fn non_violent_senses_are_skipped() {
        assert!(kinds("Dockers began a general strike.").is_empty());
        assert!(kinds("Prices hit a record in May.").is_empty());
        assert!(kinds("He died of a heart attack.").is_empty());
        assert!(kinds("Troops fighting the militia held the town.").is_empty());
        assert!(kinds("They have not met any of their commitments.").is_empty());
        assert_eq!(kinds("The ministers met in Oslo.")[0].1, EventType::Meeting);
        assert_eq!(
            kinds("Heavy fighting broke out at dawn.")[0].1,
            EventType::Offensive
        );
    }

    #[test]
    fn kinds_are_named_by_their_class() {
        assert_eq!(EventType::TruceEnd.name(), "truce_end");
        assert_eq!(EventType::Attack.to_string(), "attack");
        let crash = Lexicon::builtin()
            .events
            .by_name("accident")
            .expect("a class of the built-in vocabulary");
        assert_eq!(EventType::of_class(crash).to_string(), "accident");
        assert_eq!(
            serde_json::to_string(&EventType::Open(crash)).expect("serialises"),
            "\"accident\""
        );
    }

    #[test]
    fn main_trigger_prefers_events_over_speech() {
        let text = "The ministry denied that its jets bombed the market.";
        let t = find(text);
        assert_eq!(
            main_trigger(&t).map(|t| &text[t.start..t.end]),
            Some("bombed")
        );
    }
}
