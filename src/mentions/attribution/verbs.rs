//! Reporting verbs: their forms and what they say about the speaker's stance.

use crate::timeline::Stance;

/// What kind of speech act a verb reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    /// Neutral: said, added, noted, announced.
    Say,
    /// The speaker claims without the outlet vouching: claimed, alleged.
    Claim,
    /// accused (X of Y): a claim about someone.
    Accuse,
    /// denied, rejected, dismissed, refuted.
    Deny,
    /// questioned, doubted.
    Question,
    /// told/informed/warned someone: has a recipient before the content.
    Tell,
    /// quoted someone: passes speech on.
    Quote,
    /// called it X, described it as X.
    Call,
}

impl Act {
    pub fn stance(self) -> Stance {
        match self {
            Act::Claim | Act::Accuse => Stance::Alleges,
            Act::Deny => Stance::Denies,
            Act::Question => Stance::Questions,
            _ => Stance::Asserts,
        }
    }
}

/// How a verb form sits in its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// said, says, claimed: has a subject.
    Finite,
    /// saying, claiming: takes the subject of its clause.
    Participle,
    /// say, claim: after "to" or an auxiliary.
    Base,
}

/// Verb lemma, its act, and whether the bare form may be a noun ("claim", "report") so
/// that it needs more context before counting.
const LEMMAS: &[(&str, Act)] = &[
    ("say", Act::Say),
    ("add", Act::Say),
    ("stress", Act::Say),
    ("announce", Act::Say),
    ("declare", Act::Say),
    ("note", Act::Say),
    ("acknowledge", Act::Say),
    ("argue", Act::Say),
    ("insist", Act::Say),
    ("explain", Act::Say),
    ("reveal", Act::Say),
    ("confirm", Act::Say),
    ("assert", Act::Say),
    ("maintain", Act::Say),
    ("suggest", Act::Say),
    ("emphasize", Act::Say),
    ("emphasise", Act::Say),
    ("complain", Act::Say),
    ("remark", Act::Say),
    ("mock", Act::Say),
    ("express", Act::Say),
    ("admit", Act::Say),
    ("comment", Act::Say),
    ("predict", Act::Say),
    ("report", Act::Say),
    ("write", Act::Say),
    ("tweet", Act::Say),
    ("reiterate", Act::Say),
    ("urge", Act::Say),
    ("demand", Act::Say),
    ("vow", Act::Say),
    ("concede", Act::Say),
    ("mutter", Act::Say),
    ("recount", Act::Say),
    ("recall", Act::Say),
    ("state", Act::Say),
    ("blast", Act::Say),
    ("condemn", Act::Say),
    ("denounce", Act::Say),
    ("point out", Act::Say),
    ("conclude", Act::Say),
    ("estimate", Act::Say),
    ("speculate", Act::Say),
    ("agree", Act::Say),
    ("respond", Act::Say),
    ("reply", Act::Say),
    ("answer", Act::Say),
    ("promise", Act::Say),
    ("threaten", Act::Say),
    ("welcome", Act::Say),
    ("hail", Act::Say),
    ("boast", Act::Say),
    ("contend", Act::Say),
    ("observe", Act::Say),
    // "put the death toll at 23", "placed the toll at"
    ("put", Act::Say),
    ("place", Act::Say),
    ("claim", Act::Claim),
    ("allege", Act::Claim),
    ("accuse", Act::Accuse),
    ("blame", Act::Accuse),
    ("deny", Act::Deny),
    ("reject", Act::Deny),
    ("dismiss", Act::Deny),
    ("refute", Act::Deny),
    ("rebut", Act::Deny),
    ("question", Act::Question),
    ("doubt", Act::Question),
    ("tell", Act::Tell),
    ("inform", Act::Tell),
    ("warn", Act::Tell),
    ("notify", Act::Tell),
    ("assure", Act::Tell),
    ("brief", Act::Tell),
    ("quote", Act::Quote),
    ("cite", Act::Quote),
    ("call", Act::Call),
    ("describe", Act::Call),
    ("dub", Act::Call),
    ("brand", Act::Call),
    ("label", Act::Call),
];

/// Verbs that need "that", a colon or a quote after them to be speech, because their other
/// senses are common ("noted for", "stated goal", "maintained the road", "called in").
const NEEDS_COMPLEMENT: &[&str] = &[
    "note",
    "maintain",
    "state",
    "express",
    "observe",
    "answer",
    "reply",
    "respond",
    "agree",
    "promise",
    "threaten",
    "estimate",
    "conclude",
    "recall",
    "suggest",
    "write",
    "call",
    "describe",
    "welcome",
    "hail",
    "question",
    "doubt",
    "admit",
    "confirm",
    "brief",
    "assure",
    "urge",
    "demand",
    "cite",
    "blast",
    "comment",
    "predict",
    "vow",
    "reveal",
    "explain",
    "mock",
    "reiterate",
    "remark",
    "stress",
    "recount",
    "put",
    "place",
];

const IRREGULAR: &[(&str, &str, Form)] = &[
    ("said", "say", Form::Finite),
    ("says", "say", Form::Finite),
    ("saying", "say", Form::Participle),
    ("told", "tell", Form::Finite),
    ("tells", "tell", Form::Finite),
    ("telling", "tell", Form::Participle),
    ("wrote", "write", Form::Finite),
    ("written", "write", Form::Finite),
    ("writes", "write", Form::Finite),
    ("writing", "write", Form::Participle),
    ("denies", "deny", Form::Finite),
    ("denied", "deny", Form::Finite),
    ("denying", "deny", Form::Participle),
    ("replied", "reply", Form::Finite),
    ("replies", "reply", Form::Finite),
    ("notified", "notify", Form::Finite),
    ("put", "put", Form::Finite),
];

/// A reporting verb at token text `word` (lower case): its lemma, act and form.
pub fn lookup(word: &str) -> Option<(&'static str, Act, Form)> {
    if let Some(&(_, lemma, form)) = IRREGULAR.iter().find(|(w, _, _)| *w == word) {
        let act = LEMMAS.iter().find(|(l, _)| *l == lemma).map(|(_, a)| *a)?;
        return Some((lemma, act, form));
    }
    for &(lemma, act) in LEMMAS {
        if lemma.contains(' ') {
            continue;
        }
        if let Some(form) = inflection(word, lemma) {
            return Some((lemma, act, form));
        }
    }
    None
}

/// Does `word` inflect `lemma`, and how?
fn inflection(word: &str, lemma: &str) -> Option<Form> {
    let stem = lemma.strip_suffix('e').unwrap_or(lemma);
    if word == lemma {
        return Some(Form::Base);
    }
    let rest = word.strip_prefix(stem)?;
    let doubled = |suffix: &str| {
        // "admitted", "admitting": a doubled final consonant.
        let last = lemma.chars().last()?;
        rest.strip_prefix(last).filter(|r| *r == suffix).map(|_| ())
    };
    match rest {
        "ed" | "d" if lemma.ends_with('e') || rest == "ed" => Some(Form::Finite),
        "es" | "s" => Some(Form::Finite),
        "ing" => Some(Form::Participle),
        _ if doubled("ed").is_some() => Some(Form::Finite),
        _ if doubled("ing").is_some() => Some(Form::Participle),
        _ => None,
    }
}

/// Whether a verb needs an explicit complement ("that", ":", a quote) to count as speech.
pub fn needs_complement(lemma: &str) -> bool {
    NEEDS_COMPLEMENT.contains(&lemma)
}

/// Verbs a report or article "does" when it passes on what it says: "the article reminds
/// us", "the report includes".
pub const REPORT_VERBS: &[&str] = &[
    "includes",
    "included",
    "mentions",
    "mentioned",
    "reminds",
    "reminded",
    "shows",
    "showed",
    "finds",
    "found",
    "details",
    "detailed",
    "describes",
    "described",
    "quotes",
    "quoted",
    "cites",
    "cited",
    "adds",
    "added",
    "suggests",
    "suggested",
    "concludes",
    "concluded",
    "indicates",
    "indicated",
    "claims",
    "claimed",
    "reports",
    "reported",
    "notes",
    "noted",
    "states",
    "stated",
    "explains",
    "explained",
];

/// Auxiliaries and adverbs that sit between a subject and its reporting verb.
pub const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "did",
    "does",
    "do",
    "also",
    "even",
    "later",
    "then",
    "again",
    "already",
    "first",
    "earlier",
    "once",
    "further",
    "himself",
    "herself",
    "itself",
    "themselves",
    "apparently",
    "however",
    "repeatedly",
    "publicly",
    "privately",
    "reportedly",
    "allegedly",
    "just",
    "recently",
    "previously",
    "initially",
    "openly",
    "immediately",
    "subsequently",
    "simply",
    "indeed",
    "never",
    "not",
    "n't",
    "always",
    "often",
    "still",
    "had",
    "been",
    "being",
    "can",
    "could",
    "may",
    "might",
    "should",
    "must",
    "ever",
    "quickly",
    "swiftly",
    "promptly",
    "at",
    "in",
    "the",
    "same",
    "breath",
    "yet",
    "now",
    "shall",
];

pub const NEGATIONS: &[&str] = &[
    "not", "never", "n't", "didn't", "don't", "doesn't", "won't", "hasn't", "haven't", "hadn't",
    "wasn't", "weren't", "cannot", "can't", "couldn't", "wouldn't",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections() {
        assert_eq!(lookup("said"), Some(("say", Act::Say, Form::Finite)));
        assert_eq!(
            lookup("claiming"),
            Some(("claim", Act::Claim, Form::Participle))
        );
        assert_eq!(lookup("denied"), Some(("deny", Act::Deny, Form::Finite)));
        assert_eq!(
            lookup("announced"),
            Some(("announce", Act::Say, Form::Finite))
        );
        assert_eq!(lookup("admitted"), Some(("admit", Act::Say, Form::Finite)));
        assert_eq!(
            lookup("stressing"),
            Some(("stress", Act::Say, Form::Participle))
        );
        assert_eq!(
            lookup("informed"),
            Some(("inform", Act::Tell, Form::Finite))
        );
        assert_eq!(
            lookup("accuses"),
            Some(("accuse", Act::Accuse, Form::Finite))
        );
        assert_eq!(lookup("sadness"), None);
        assert_eq!(lookup("stated"), Some(("state", Act::Say, Form::Finite)));
        assert_eq!(lookup("states"), Some(("state", Act::Say, Form::Finite)));
    }
}
