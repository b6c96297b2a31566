//! Reporting verbs: their forms and what they say about the speaker's stance.

use crate::lexicon::Lexicon;
use crate::syntax::irregular;

/// The act a reporting verb performs: the lexicon's (`data/speech.yaml`). Cognition and
/// publication ("concluded", "the report found") assert as "said" does.
pub use crate::lexicon::Act;

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

/// A reporting verb at token text `word` (lower case): its lemma in the speech lexicon, its
/// act and form. Irregular pasts come from the irregular-verb table ("told", "found").
pub fn lookup(word: &str) -> Option<(&'static str, Act, Form)> {
    let speech = &Lexicon::active().speech;
    forms(word, &|lemma: &str| {
        speech.verb_entry(lemma).filter(|(l, _)| !l.contains(' '))
    })
}

/// "pointed out", "rules out": a phrasal reporting verb at `word` and the particle after it.
pub fn lookup_phrasal(word: &str, particle: &str) -> Option<(&'static str, Act, Form)> {
    let speech = &Lexicon::active().speech;
    // Most words end no phrasal verb: nothing to build or look up for them.
    if particle == "that" || !speech.is_particle(particle) {
        return None;
    }
    forms(word, &|base: &str| {
        speech.verb_entry(&format!("{base} {particle}"))
    })
}

/// `word` as a form of a lemma `known` knows: an irregular past (a past the same as its base,
/// "put", reads as the past, as news tells it), the base itself, or a regular inflection.
fn forms(
    word: &str,
    known: &dyn Fn(&str) -> Option<(&'static str, Act)>,
) -> Option<(&'static str, Act, Form)> {
    for xpos in ["VBD", "VBN"] {
        if let Some((lemma, act)) = irregular::base(word, xpos).and_then(known) {
            return Some((lemma, act, Form::Finite));
        }
    }
    if let Some((lemma, act)) = known(word) {
        return Some((lemma, act, Form::Base));
    }
    inflected(word, known)
}

/// A regular inflection of a known lemma: "-s", "-es", "-ies", "-ed", "-d", "-ied", "-ing",
/// with a final "e" restored or a doubled consonant undone ("noted", "admitted").
fn inflected(
    word: &str,
    known: &dyn Fn(&str) -> Option<(&'static str, Act)>,
) -> Option<(&'static str, Act, Form)> {
    let try_stem = |stem: &str, form: Form| -> Option<(&'static str, Act, Form)> {
        if stem.len() < 2 {
            return None;
        }
        let hit = |l: &str| known(l).map(|(lemma, act)| (lemma, act, form));
        hit(stem).or_else(|| hit(&format!("{stem}e"))).or_else(|| {
            let b = stem.as_bytes();
            let n = b.len();
            (n >= 3 && b[n - 1] == b[n - 2])
                .then(|| hit(&stem[..n - 1]))
                .flatten()
        })
    };
    if let Some(s) = word
        .strip_suffix("ies")
        .or_else(|| word.strip_suffix("ied"))
        && let Some((lemma, act)) = known(&format!("{s}y"))
    {
        return Some((lemma, act, Form::Finite));
    }
    if let Some(s) = word.strip_suffix('s') {
        if let Some((lemma, act)) = known(s) {
            return Some((lemma, act, Form::Finite));
        }
        if let Some((lemma, act)) = word.strip_suffix("es").and_then(known) {
            return Some((lemma, act, Form::Finite));
        }
    }
    if let Some(s) = word.strip_suffix("ed") {
        return try_stem(s, Form::Finite);
    }
    if let Some(s) = word.strip_suffix('d')
        && s.ends_with('e')
        && let Some((lemma, act)) = known(s)
    {
        return Some((lemma, act, Form::Finite));
    }
    if let Some(s) = word.strip_suffix("ing") {
        return try_stem(s, Form::Participle);
    }
    None
}

/// Whether a verb needs an explicit complement ("that", ":", a quote) to count as speech,
/// because its other senses are common ("noted for", "stated goal", "maintained the road").
/// In a sentence's own words the object of some still is what was said ("announced the end
/// of the truce").
pub fn needs_complement(lemma: &str) -> bool {
    let speech = &Lexicon::active().speech;
    speech.needs_complement(lemma) && !speech.bare_object(lemma)
}

/// Whether the verb, after a clause and a comma, reports that clause ("..., the board
/// concluded").
pub fn after_clause(lemma: &str) -> bool {
    Lexicon::active().speech.after_clause(lemma)
}

/// Whether the adverb marks the writer's guess at what someone thinks ("most likely").
pub fn is_hedge(word: &str) -> bool {
    Lexicon::active().speech.is_hedge(word)
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
        // Irregular pasts come from the irregular-verb table, a past like its base reads as
        // the past, and "-ies"/"-ied" restore the "y".
        assert_eq!(lookup("thought"), Some(("think", Act::Think, Form::Finite)));
        assert_eq!(lookup("put"), Some(("put", Act::Say, Form::Finite)));
        assert_eq!(lookup("replied"), Some(("reply", Act::Say, Form::Finite)));
        assert_eq!(lookup("denies"), Some(("deny", Act::Deny, Form::Finite)));
        assert_eq!(
            lookup_phrasal("ruled", "out"),
            Some(("rule out", Act::Deny, Form::Finite))
        );
        assert_eq!(lookup_phrasal("said", "that"), None);
        assert_eq!(lookup("stated"), Some(("state", Act::Say, Form::Finite)));
        assert_eq!(lookup("states"), Some(("state", Act::Say, Form::Finite)));
    }
}
