//! A parsed sentence as a tree to walk: heads, children, subtree spans and the few
//! questions extraction asks of a word (its relation, its lemma, whether it is negated).

use crate::syntax::Word;

/// One parsed sentence, 0-based word indices.
#[derive(Debug)]
pub struct Tree<'p, 'a> {
    words: &'p [Word<'a>],
    heads: Vec<Option<usize>>,
    /// Relations and Penn tags, as the parser gave them or as [`finite_root`] read them.
    rels: Vec<&'a str>,
    xpos: Vec<&'a str>,
    children: Vec<Vec<usize>>,
    /// Lower-cased lemmas, for lookups.
    lemmas: Vec<String>,
    /// The first and last word of each word's subtree.
    spans: Vec<(usize, usize)>,
}

/// A sentence of prose has a finite verb. When the parser read a news subject as the whole
/// sentence, its verb as a participle describing it ("Sales increased 36%", "Shares in
/// Caldera closed down 38%", "The decision touched off protests": the past tense taken for
/// a participle), the verb is read as the root and the noun as its subject. Only when the
/// noun has nothing that would make it a predicate (a copula, a subject, an auxiliary), and
/// the participle has nothing of a reduced relative clause's own (an auxiliary, a subject,
/// a marker, a "by" agent: "a manhunt conducted by the FBI").
fn finite_root<'a>(
    words: &[Word<'a>],
    heads: &mut [Option<usize>],
    rels: &mut [&'a str],
    xpos: &mut [&'a str],
) {
    subordinate_misread(words, heads, rels, xpos);
    let Some((r, v)) = misread_verb(words, heads, rels, xpos) else {
        return;
    };
    heads[v] = None;
    rels[v] = "root";
    xpos[v] = "VBD";
    heads[r] = Some(v);
    rels[r] = "nsubj";
    // What the noun governed after the verb is the verb's: its objects' phrases, the full stop.
    for c in v + 1..words.len() {
        if heads[c] == Some(r) {
            heads[c] = Some(v);
            if rels[c] == "nmod" {
                rels[c] = "obl";
            }
        }
    }
}

/// "It is with great sadness that we confirm ...", "It was in May that the plant closed": a
/// cleft puts one phrase in focus and tells its news in the "that" clause, which the parser
/// reads as a relative clause describing the focused noun. The clause is the sentence's own
/// business: its verb becomes the root, the focused phrase its adverbial.
fn cleft<'a>(words: &[Word<'a>], heads: &mut [Option<usize>], rels: &mut [&'a str]) {
    let Some(r) = heads.iter().position(Option::is_none) else {
        return;
    };
    let child = |rel: &str| (0..words.len()).find(|&c| heads[c] == Some(r) && rels[c] == rel);
    let expletive = (0..words.len()).any(|c| {
        heads[c] == Some(r)
            && matches!(rels[c], "nsubj" | "expl")
            && words[c].form.eq_ignore_ascii_case("it")
            && c < r
    });
    if !expletive || child("cop").is_none() {
        return;
    }
    let Some(v) = child("acl:relcl") else {
        return;
    };
    // The clause opens with "that": the cleft's marker, not a relative pronoun.
    let Some(that) = (r + 1..v).find(|&c| words[c].form.eq_ignore_ascii_case("that")) else {
        return;
    };
    if heads[that] != Some(v) {
        return;
    }
    heads[v] = None;
    rels[v] = "root";
    heads[r] = Some(v);
    rels[r] = "obl";
    rels[that] = "mark";
}

/// "Police yesterday arrested two men", "Caldera Minerals Ltd today rejects the claims":
/// the parser may read the day as the subject, or as the head of the noun phrase before it.
/// The noun phrase before the day (the words the day or its verb governs, up to the last
/// noun) is the subject or argument in the day's place, and the day an adverbial of time.
fn day_after_subject<'a>(words: &[Word<'a>], heads: &mut [Option<usize>], rels: &mut [&'a str]) {
    for d in 1..words.len() {
        if !crate::dates::lexicon::deictic_day(words[d].form) {
            continue;
        }
        let above = heads[d];
        let misread = rels[d].starts_with("nsubj") || heads[d - 1] == Some(d);
        if !misread {
            continue;
        }
        // The phrase before the day: words the day, its head or each other govern.
        let mut from = d;
        while from > 0 {
            let w = from - 1;
            let inside =
                heads[w].is_some_and(|h| h == d || (w..d).contains(&h)) || heads[w] == above;
            if !inside || !matches!(words[w].upos, "NOUN" | "PROPN" | "ADJ" | "DET" | "NUM") {
                break;
            }
            from = w;
        }
        let Some(h) = (from..d)
            .rev()
            .find(|&w| matches!(words[w].upos, "NOUN" | "PROPN"))
        else {
            continue;
        };
        heads[h] = above;
        rels[h] = if above.is_some() { rels[d] } else { "root" };
        for w in from..d {
            if w == h || !(heads[w] == Some(d) || heads[w] == above) {
                continue;
            }
            heads[w] = Some(h);
            rels[w] = match words[w].upos {
                "DET" => "det",
                "ADJ" => "amod",
                "NUM" => "nummod",
                _ if w < h => "compound",
                _ => "flat",
            };
        }
        for (c, x) in heads.iter_mut().enumerate() {
            if c != h && *x == Some(d) {
                *x = Some(h);
            }
        }
        heads[d] = above.or(Some(h));
        rels[d] = if above.is_some_and(|v| words[v].upos == "VERB") {
            "obl:tmod"
        } else {
            "nmod:tmod"
        };
    }
}

/// "the crash, which occurred on 17 July": a clause opened by "which" or "who" after a
/// comma describes the noun before the comma, though the parser may hang it on the
/// sentence's verb as a loose clause. Re-hung on that noun as a relative clause. After a
/// verb or a number ("He resigned, which surprised nobody") it is left as it is.
fn comma_relative<'a>(words: &[Word<'a>], heads: &mut [Option<usize>], rels: &mut [&'a str]) {
    for v in 2..words.len() {
        if words[v].upos != "VERB"
            || !matches!(rels[v], "parataxis" | "conj" | "ccomp" | "advcl")
            || heads[v].is_none_or(|h| h > v)
        {
            continue;
        }
        let Some(w) = (0..v)
            .rev()
            .find(|&c| heads[c] == Some(v) && matches!(rels[c], "nsubj" | "nsubj:pass"))
        else {
            continue;
        };
        let relative = matches!(words[w].form.to_lowercase().as_str(), "which" | "who");
        if !relative || w < 2 || words[w - 1].form != "," {
            continue;
        }
        // The noun before the comma, or the head of the name it ends.
        let mut n = w - 2;
        if !matches!(words[n].upos, "NOUN" | "PROPN") {
            continue;
        }
        while matches!(rels[n], "compound" | "flat")
            && let Some(h) = heads[n].filter(|&h| h > n && h < w)
        {
            n = h;
        }
        // Only a noun outside the clause, and not the clause's own ancestor.
        let mut x = heads[n];
        let mut steps = 0;
        while let Some(h) = x {
            if h == v || steps > words.len() {
                break;
            }
            x = heads[h];
            steps += 1;
        }
        if x == Some(v) {
            continue;
        }
        heads[v] = Some(n);
        rels[v] = "acl:relcl";
    }
}

/// "A company that makes radars and the defence ministry presented data": the parser may
/// read the first subject as the sentence, with the verb joined to its relative clause.
/// When a verb joined to a relative clause of the root noun has a subject of its own, that
/// verb is the sentence's, and its subject is joined to the root noun.
fn coordinated_subject<'a>(words: &[Word<'a>], heads: &mut [Option<usize>], rels: &mut [&'a str]) {
    let n = words.len();
    let Some(r) = (0..n).find(|&i| heads[i].is_none()) else {
        return;
    };
    let kids = |heads: &[Option<usize>], h: usize| -> Vec<usize> {
        (0..n).filter(|&c| heads[c] == Some(h)).collect()
    };
    if !matches!(words[r].upos, "NOUN" | "PROPN")
        || kids(heads, r)
            .iter()
            .any(|&c| matches!(rels[c], "cop" | "nsubj" | "aux" | "nsubj:pass"))
    {
        return;
    }
    let Some(a) = kids(heads, r)
        .into_iter()
        .find(|&c| rels[c] == "acl:relcl" && c > r)
    else {
        return;
    };
    let finite = |v: usize| matches!(words[v].xpos, "VBD" | "VBZ" | "VBP");
    let Some(v) = kids(heads, a)
        .into_iter()
        .find(|&c| rels[c] == "conj" && words[c].upos == "VERB" && finite(c))
    else {
        return;
    };
    let Some(s) = kids(heads, v)
        .into_iter()
        .find(|&c| rels[c] == "nsubj" && c < v && !matches!(words[c].xpos, "WDT" | "WP"))
    else {
        return;
    };
    heads[v] = None;
    rels[v] = "root";
    heads[r] = Some(v);
    rels[r] = "nsubj";
    heads[s] = Some(r);
    rels[s] = "conj";
    for c in kids(heads, v) {
        if rels[c] == "cc" && c < s {
            heads[c] = Some(s);
        }
    }
    // The full stop is the sentence's.
    for c in kids(heads, r) {
        if rels[c] == "punct" && c + 1 == n {
            heads[c] = Some(v);
        }
    }
}

/// Words that open a clause of time or cause ("after the regulator opened an inquiry").
const SUBORDINATORS: &[&str] = &[
    "after", "before", "when", "as", "because", "while", "since", "until", "once",
];

/// "Shares in Caldera closed down 38% after a short seller accused the miner": read with
/// "closed" as a participle under the subject and "accused" as the sentence's verb, with
/// "after a short seller" as its phrase. When the subject's participle (no auxiliary,
/// subject, marker or "by" agent of its own) comes before a subordinator that the parser
/// hung under the root verb, the participle is the sentence's verb and the root verb heads
/// the subordinate clause. A true reduced relative keeps its subordinate clause in its own
/// subtree ("the man arrested after police raided the house denied it").
fn subordinate_misread<'a>(
    words: &[Word<'a>],
    heads: &mut [Option<usize>],
    rels: &mut [&'a str],
    xpos: &mut [&'a str],
) {
    let n = words.len();
    let Some(root) = (0..n).find(|&i| heads[i].is_none()) else {
        return;
    };
    if words[root].upos != "VERB" {
        return;
    }
    let base = |rels: &[&str], c: usize| rels[c].split(':').next().unwrap_or(rels[c]).to_string();
    let kids = |heads: &[Option<usize>], h: usize| -> Vec<usize> {
        (0..n).filter(|&c| heads[c] == Some(h)).collect()
    };
    let Some(subject) = kids(heads, root)
        .into_iter()
        .find(|&c| c < root && base(rels, c) == "nsubj")
    else {
        return;
    };
    // Within the subject's phrase: the subject or a noun that modifies it.
    let under_subject = |heads: &[Option<usize>], mut w: usize| {
        for _ in 0..4 {
            match heads[w] {
                Some(h) if h == subject => return true,
                Some(h) if base(rels, w) == "nmod" || base(rels, w) == "acl" => w = h,
                _ => return false,
            }
        }
        false
    };
    let participle = (subject + 1..root).find(|&a| {
        words[a].upos == "VERB"
            && rels[a] == "acl"
            && matches!(xpos[a], "VBD" | "VBN")
            && heads[a].is_some_and(|h| h == subject || under_subject(heads, h))
            && !kids(heads, a).into_iter().any(|c| {
                matches!(base(rels, c).as_str(), "aux" | "nsubj" | "mark")
                    || base(rels, c) == "obl"
                        && kids(heads, c)
                            .into_iter()
                            .any(|m| words[m].form.eq_ignore_ascii_case("by"))
            })
    });
    let Some(a) = participle else { return };
    let opener = (a + 1..root).find(|&k| {
        SUBORDINATORS.contains(&words[k].form.to_lowercase().as_str())
            && matches!(base(rels, k).as_str(), "case" | "mark")
            && heads[k].is_some_and(|h| h == root || heads[h] == Some(root))
    });
    let Some(k) = opener else { return };
    let phrase = heads[k].filter(|&h| h != root);
    heads[a] = None;
    rels[a] = "root";
    xpos[a] = "VBD";
    heads[subject] = Some(a);
    heads[root] = Some(a);
    rels[root] = "advcl";
    heads[k] = Some(root);
    rels[k] = "mark";
    // The phrase "after" headed was the clause's subject, unless it has one.
    if let Some(h) = phrase
        && base(rels, h) == "obl"
        && !kids(heads, root)
            .into_iter()
            .any(|c| base(rels, c) == "nsubj")
    {
        rels[h] = "nsubj";
    }
    // The full stop and what follows the clause stay with the sentence's verb.
    for c in kids(heads, root) {
        if rels[c] == "punct" && c + 1 == n {
            heads[c] = Some(a);
        }
    }
}

/// The root noun and the past tense the parser attached to it as a participle, if any.
fn misread_verb(
    words: &[Word<'_>],
    heads: &[Option<usize>],
    rels: &[&str],
    xpos: &[&str],
) -> Option<(usize, usize)> {
    let n = words.len();
    let r = (0..n).find(|&i| heads[i].is_none())?;
    if !matches!(words[r].upos, "NOUN" | "PROPN" | "PRON" | "NUM") {
        return None;
    }
    let kids = |h: usize| (0..n).filter(move |&c| heads[c] == Some(h));
    let base = |c: usize| rels[c].split(':').next().unwrap_or(rels[c]);
    if kids(r).any(|c| matches!(base(c), "cop" | "nsubj" | "aux" | "expl")) {
        return None;
    }
    let by_agent = |v: usize| {
        kids(v).any(|c| {
            rels[c] == "obl:agent"
                || base(c) == "obl"
                    && kids(c)
                        .any(|m| rels[m] == "case" && words[m].form.eq_ignore_ascii_case("by"))
        })
    };
    let candidate = |v: usize| {
        v > r
            && heads[v] == Some(r)
            && words[v].upos == "VERB"
            && rels[v] == "acl"
            && matches!(xpos[v], "VBD" | "VBN")
            && !kids(v).any(|c| matches!(base(c), "aux" | "nsubj" | "mark"))
            && !by_agent(v)
    };
    let v = (0..n)
        .filter(|&v| candidate(v))
        .min_by_key(|&v| (xpos[v] != "VBD", v))?;
    Some((r, v))
}

impl<'p, 'a> Tree<'p, 'a> {
    pub fn new(words: &'p [Word<'a>]) -> Tree<'p, 'a> {
        let n = words.len();
        let mut heads: Vec<Option<usize>> = words
            .iter()
            .map(|w| (w.head > 0 && w.head <= n).then(|| w.head - 1))
            .collect();
        let mut rels: Vec<&'a str> = words.iter().map(|w| w.deprel).collect();
        let mut xpos: Vec<&'a str> = words.iter().map(|w| w.xpos).collect();
        day_after_subject(words, &mut heads, &mut rels);
        comma_relative(words, &mut heads, &mut rels);
        coordinated_subject(words, &mut heads, &mut rels);
        finite_root(words, &mut heads, &mut rels, &mut xpos);
        cleft(words, &mut heads, &mut rels);
        let mut children = vec![Vec::new(); n];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                children[h].push(i);
            }
        }
        let lemmas = words.iter().map(|w| w.lemma.to_lowercase()).collect();
        let mut spans: Vec<(usize, usize)> = (0..n).map(|i| (i, i)).collect();
        // Widen each head's span by its descendants': walk up from every word, with a step
        // limit so that a malformed tree (a cycle) cannot loop.
        for i in 0..n {
            let mut h = heads[i];
            let mut steps = 0;
            while let Some(j) = h {
                spans[j].0 = spans[j].0.min(i);
                spans[j].1 = spans[j].1.max(i);
                h = heads[j];
                steps += 1;
                if steps > n {
                    break;
                }
            }
        }
        Tree {
            words,
            heads,
            rels,
            xpos,
            children,
            lemmas,
            spans,
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn word(&self, i: usize) -> &Word<'a> {
        &self.words[i]
    }

    pub fn words(&self) -> &'p [Word<'a>] {
        self.words
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The full relation, "nsubj:pass".
    pub fn rel(&self, i: usize) -> &str {
        self.rels[i]
    }

    /// The universal part of the relation, "nsubj".
    pub fn base(&self, i: usize) -> &str {
        let r = self.rels[i];
        r.split(':').next().unwrap_or(r)
    }

    pub fn lemma(&self, i: usize) -> &str {
        &self.lemmas[i]
    }

    pub fn form(&self, i: usize) -> &str {
        self.words[i].form
    }

    pub fn upos(&self, i: usize) -> &str {
        self.words[i].upos
    }

    pub fn xpos(&self, i: usize) -> &str {
        self.xpos[i]
    }

    pub fn root(&self) -> Option<usize> {
        (0..self.len()).find(|&i| self.heads[i].is_none())
    }

    /// Children with one of these relations (full or universal part).
    pub fn children_with<'s>(
        &'s self,
        i: usize,
        rels: &'s [&'s str],
    ) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| rels.contains(&self.rel(c)) || rels.contains(&self.base(c)))
    }

    pub fn child(&self, i: usize, rels: &[&str]) -> Option<usize> {
        self.children_with(i, rels).next()
    }

    /// The first and last word of the subtree.
    pub fn span(&self, i: usize) -> (usize, usize) {
        self.spans[i]
    }

    /// Byte offsets of the subtree's text.
    pub fn bytes(&self, i: usize) -> (usize, usize) {
        let (a, b) = self.spans[i];
        (self.words[a].start, self.words[b].end)
    }

    /// Byte offsets of a run of words.
    pub fn bytes_of(&self, a: usize, b: usize) -> (usize, usize) {
        (self.words[a].start, self.words[b].end)
    }

    /// Whether `a` is `b` or one of its ancestors.
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut x = Some(b);
        let mut steps = 0;
        while let Some(j) = x {
            if j == a {
                return true;
            }
            x = self.heads[j];
            steps += 1;
            if steps > self.len() {
                return false;
            }
        }
        false
    }

    /// Ancestors from the head up, bounded.
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut x = self.heads[i];
        let mut steps = 0;
        std::iter::from_fn(move || {
            let j = x?;
            steps += 1;
            if steps > self.len() {
                return None;
            }
            x = self.heads[j];
            Some(j)
        })
    }

    /// The word covering a byte offset.
    pub fn at_byte(&self, b: usize) -> Option<usize> {
        let i = self.words.partition_point(|w| w.end <= b);
        (i < self.len() && self.words[i].start <= b).then_some(i)
    }

    /// The words whose bytes lie within `[start, end)`.
    pub fn within(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let a = self.words.partition_point(|w| w.start < start);
        let b = self.words.partition_point(|w| w.end <= end);
        a..b.max(a)
    }

    /// The word of a run whose head lies outside it: the run's head.
    pub fn head_of(&self, run: std::ops::Range<usize>) -> Option<usize> {
        run.clone()
            .find(|&i| self.heads[i].is_none_or(|h| !run.contains(&h)))
    }

    /// Negated by "not", "n't", "never", "no" (or "without" over it).
    pub fn negated(&self, i: usize) -> bool {
        self.children[i].iter().any(|&c| {
            matches!(
                self.lemma(c),
                "not" | "never" | "n't" | "no" | "neither" | "nor"
            ) && matches!(self.base(c), "advmod" | "det" | "cc" | "neg")
        })
    }

    /// The auxiliaries of a verb, lemmas.
    pub fn auxiliaries(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        self.children[i]
            .iter()
            .filter(|&&c| self.base(c) == "aux")
            .map(|&c| self.lemma(c))
    }

    /// Whether the verb is passive.
    pub fn passive(&self, i: usize) -> bool {
        self.children[i]
            .iter()
            .any(|&c| matches!(self.rel(c), "aux:pass" | "nsubj:pass" | "csubj:pass"))
    }

    /// The case marker of a nominal ("on", "according to"), lower-case, multiword joined.
    pub fn case(&self, i: usize) -> Option<String> {
        let c = self.children[i]
            .iter()
            .copied()
            .find(|&c| matches!(self.base(c), "case" | "mark") && c < i)?;
        // Forms, not lemmas: "according to" is a marker, not a form of "accord".
        let mut words = vec![self.form(c).to_lowercase()];
        words.extend(
            self.children_with(c, &["fixed"])
                .map(|f| self.form(f).to_lowercase()),
        );
        Some(words.join(" "))
    }

    /// The word and its flat, compound and fixed parts: a name's whole run ("Igor
    /// Konashenkov", "Dutch Safety Board").
    pub fn name_span(&self, i: usize) -> (usize, usize) {
        let mut lo = i;
        let mut hi = i;
        let mut stack = vec![i];
        while let Some(x) = stack.pop() {
            for &c in &self.children[x] {
                if matches!(self.rel(c), "flat" | "flat:name" | "compound" | "fixed")
                    || self.rel(c) == "amod" && self.upos(c) == "PROPN"
                {
                    lo = lo.min(c);
                    hi = hi.max(c);
                    stack.push(c);
                }
            }
        }
        (lo, hi)
    }
}

#[cfg(test)]
mod tests {
    use super::Tree;
    use crate::syntax::{self, Word};

    /// Words as a parser might give them: (form, UPOS, XPOS, head, relation).
    fn words(
        rows: &[(
            &'static str,
            &'static str,
            &'static str,
            usize,
            &'static str,
        )],
    ) -> Vec<Word<'static>> {
        let mut at = 0;
        rows.iter()
            .map(|&(form, upos, xpos, head, deprel)| {
                let w = Word {
                    start: at,
                    end: at + form.len(),
                    form,
                    lemma: form.into(),
                    upos,
                    xpos,
                    head,
                    deprel,
                };
                at += form.len() + 1;
                w
            })
            .collect()
    }

    #[test]
    fn a_past_tense_read_as_a_participle_is_the_sentence_verb() {
        // "Sales increased 36%." parsed as the noun "Sales" described by "increased".
        let w = words(&[
            ("Sales", "NOUN", "NNS", 0, "root"),
            ("increased", "VERB", "VBN", 1, "acl"),
            ("36", "NUM", "CD", 4, "nummod"),
            ("%", "SYM", "NN", 2, "obj"),
            (".", "PUNCT", ".", 1, "punct"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(1));
        assert_eq!((t.rel(0), t.head(0)), ("nsubj", Some(1)));
        assert_eq!((t.xpos(1), t.head(4)), ("VBD", Some(1)));
    }

    #[test]
    fn a_cleft_tells_its_that_clause() {
        // "It is with regret that we announce the closure." parsed as "regret" described by
        // a relative clause.
        let w = words(&[
            ("It", "PRON", "PRP", 4, "nsubj"),
            ("is", "AUX", "VBZ", 4, "cop"),
            ("with", "ADP", "IN", 4, "case"),
            ("regret", "NOUN", "NN", 0, "root"),
            ("that", "PRON", "WDT", 7, "obj"),
            ("we", "PRON", "PRP", 7, "nsubj"),
            ("announce", "VERB", "VBP", 4, "acl:relcl"),
            ("the", "DET", "DT", 9, "det"),
            ("closure", "NOUN", "NN", 7, "obj"),
            (".", "PUNCT", ".", 4, "punct"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(6));
        assert_eq!((t.rel(3), t.head(3)), ("obl", Some(6)));
        assert_eq!(t.rel(4), "mark");
        // A relative clause of a noun that is no cleft's focus stays one.
        let w = words(&[
            ("This", "PRON", "DT", 3, "nsubj"),
            ("is", "AUX", "VBZ", 3, "cop"),
            ("regret", "NOUN", "NN", 0, "root"),
            ("that", "PRON", "WDT", 6, "obj"),
            ("we", "PRON", "PRP", 6, "nsubj"),
            ("feel", "VERB", "VBP", 3, "acl:relcl"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(2));
        assert_eq!(t.rel(5), "acl:relcl");
    }

    #[test]
    fn a_which_clause_after_a_comma_describes_the_noun_before_it() {
        // "Crews reached the mill fire, which started on Sunday." with the clause hung on
        // the sentence's verb.
        let w = words(&[
            ("Crews", "NOUN", "NNS", 2, "nsubj"),
            ("reached", "VERB", "VBD", 0, "root"),
            ("the", "DET", "DT", 5, "det"),
            ("mill", "NOUN", "NN", 5, "compound"),
            ("fire", "NOUN", "NN", 2, "obj"),
            (",", "PUNCT", ",", 8, "punct"),
            ("which", "PRON", "WDT", 8, "nsubj"),
            ("started", "VERB", "VBD", 2, "parataxis"),
            ("on", "ADP", "IN", 10, "case"),
            ("Sunday", "PROPN", "NNP", 8, "obl"),
        ]);
        let t = Tree::new(&w);
        assert_eq!((t.rel(7), t.head(7)), ("acl:relcl", Some(4)));
        // After a verb, "which" takes up the whole clause: left alone.
        let w = words(&[
            ("He", "PRON", "PRP", 2, "nsubj"),
            ("resigned", "VERB", "VBD", 0, "root"),
            (",", "PUNCT", ",", 5, "punct"),
            ("which", "PRON", "WDT", 5, "nsubj"),
            ("surprised", "VERB", "VBD", 2, "parataxis"),
            ("nobody", "PRON", "NN", 5, "obj"),
        ]);
        let t = Tree::new(&w);
        assert_eq!((t.rel(4), t.head(4)), ("parataxis", Some(1)));
    }

    #[test]
    fn a_second_subject_joined_to_a_relative_clause_is_the_sentence_s() {
        // "A firm that insures ships and the port authority published a report." read as
        // "firm" described by "insures ... and the port authority published".
        let w = words(&[
            ("A", "DET", "DT", 2, "det"),
            ("firm", "NOUN", "NN", 0, "root"),
            ("that", "PRON", "WDT", 4, "nsubj"),
            ("insures", "VERB", "VBZ", 2, "acl:relcl"),
            ("ships", "NOUN", "NNS", 4, "obj"),
            ("and", "CCONJ", "CC", 10, "cc"),
            ("the", "DET", "DT", 9, "det"),
            ("port", "NOUN", "NN", 9, "compound"),
            ("authority", "NOUN", "NN", 10, "nsubj"),
            ("published", "VERB", "VBD", 4, "conj"),
            ("a", "DET", "DT", 12, "det"),
            ("report", "NOUN", "NN", 10, "obj"),
            (".", "PUNCT", ".", 2, "punct"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(9));
        assert_eq!((t.rel(1), t.head(1)), ("nsubj", Some(9)));
        assert_eq!((t.rel(8), t.head(8)), ("conj", Some(1)));
        assert_eq!((t.head(5), t.head(12)), (Some(8), Some(9)));
        // A verb joined to the relative clause without a subject of its own is the
        // clause's: "a firm that insures ships and sells them" stays a noun phrase.
        let w = words(&[
            ("A", "DET", "DT", 2, "det"),
            ("firm", "NOUN", "NN", 0, "root"),
            ("that", "PRON", "WDT", 4, "nsubj"),
            ("insures", "VERB", "VBZ", 2, "acl:relcl"),
            ("ships", "NOUN", "NNS", 4, "obj"),
            ("and", "CCONJ", "CC", 7, "cc"),
            ("sells", "VERB", "VBZ", 4, "conj"),
            ("them", "PRON", "PRP", 7, "obj"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(1));
    }

    #[test]
    fn a_day_after_the_subject_is_no_head_of_it() {
        // "Police yesterday arrested two men." parsed with "Police" a compound of the day.
        let w = words(&[
            ("Police", "NOUN", "NN", 2, "compound"),
            ("yesterday", "NOUN", "NN", 3, "nsubj"),
            ("arrested", "VERB", "VBD", 0, "root"),
            ("two", "NUM", "CD", 5, "nummod"),
            ("men", "NOUN", "NNS", 3, "obj"),
            (".", "PUNCT", ".", 3, "punct"),
        ]);
        let t = Tree::new(&w);
        assert_eq!((t.rel(0), t.head(0)), ("nsubj", Some(2)));
        assert_eq!((t.rel(1), t.head(1)), ("obl:tmod", Some(2)));
        // "Harlow Mining Ltd today rejects the claims": the day read as the subject, the
        // company's name hung partly under the verb.
        let w = words(&[
            ("Harlow", "PROPN", "NNP", 2, "compound"),
            ("Mining", "NOUN", "NN", 4, "nsubj"),
            ("Ltd", "ADJ", "JJ", 5, "amod"),
            ("today", "NOUN", "NN", 5, "nsubj"),
            ("rejects", "VERB", "VBZ", 0, "root"),
            ("the", "DET", "DT", 7, "det"),
            ("claims", "NOUN", "NNS", 5, "obj"),
        ]);
        let t = Tree::new(&w);
        assert_eq!((t.rel(1), t.head(1)), ("nsubj", Some(4)));
        assert_eq!((t.head(0), t.head(2)), (Some(1), Some(1)));
        assert_eq!((t.rel(3), t.head(3)), ("obl:tmod", Some(4)));
        // A compound of another noun stays one: "the Monday meeting" has no deictic day.
        let w = words(&[
            ("the", "DET", "DT", 3, "det"),
            ("Monday", "PROPN", "NNP", 3, "compound"),
            ("meeting", "NOUN", "NN", 0, "root"),
        ]);
        let t = Tree::new(&w);
        assert_eq!((t.rel(1), t.head(1)), ("compound", Some(2)));
    }

    #[test]
    fn a_reduced_relative_clause_stays_one() {
        // A heading "Manhunt conducted by the FBI": the participle has its agent.
        let w = words(&[
            ("Manhunt", "NOUN", "NN", 0, "root"),
            ("conducted", "VERB", "VBN", 1, "acl"),
            ("by", "ADP", "IN", 5, "case"),
            ("the", "DET", "DT", 5, "det"),
            ("FBI", "PROPN", "NNP", 2, "obl"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(0));
        // A noun with a copula is a predicate: "It is a plot hatched abroad".
        let w = words(&[
            ("It", "PRON", "PRP", 4, "nsubj"),
            ("is", "AUX", "VBZ", 4, "cop"),
            ("a", "DET", "DT", 4, "det"),
            ("plot", "NOUN", "NN", 0, "root"),
            ("hatched", "VERB", "VBN", 4, "acl"),
            ("abroad", "ADV", "RB", 5, "advmod"),
        ]);
        assert_eq!(Tree::new(&w).root(), Some(3));
    }

    #[test]
    fn a_clause_after_a_subordinator_is_not_the_sentence_verb() {
        // "Shares in Acme fell after a rival sued Acme." parsed with "fell" under the
        // subject and "after a rival" as a phrase of "sued".
        let w = words(&[
            ("Shares", "NOUN", "NNS", 8, "nsubj"),
            ("in", "ADP", "IN", 3, "case"),
            ("Acme", "PROPN", "NNP", 1, "nmod"),
            ("fell", "VERB", "VBN", 3, "acl"),
            ("after", "ADP", "IN", 7, "case"),
            ("a", "DET", "DT", 7, "det"),
            ("rival", "NOUN", "NN", 8, "obl"),
            ("sued", "VERB", "VBD", 0, "root"),
            ("Acme", "PROPN", "NNP", 8, "obj"),
            (".", "PUNCT", ".", 8, "punct"),
        ]);
        let t = Tree::new(&w);
        assert_eq!(t.root(), Some(3));
        assert_eq!((t.rel(0), t.head(0)), ("nsubj", Some(3)));
        assert_eq!((t.rel(7), t.head(7)), ("advcl", Some(3)));
        assert_eq!((t.rel(4), t.head(4)), ("mark", Some(7)));
        assert_eq!((t.rel(6), t.head(6)), ("nsubj", Some(7)));
        assert_eq!(t.head(9), Some(3));
        // A reduced relative whose own clause holds the subordinator stays one: "The man
        // arrested after police came denied it."
        let w = words(&[
            ("The", "DET", "DT", 2, "det"),
            ("man", "NOUN", "NN", 7, "nsubj"),
            ("arrested", "VERB", "VBN", 2, "acl"),
            ("after", "SCONJ", "IN", 6, "mark"),
            ("police", "NOUN", "NNS", 6, "nsubj"),
            ("came", "VERB", "VBD", 3, "advcl"),
            ("denied", "VERB", "VBD", 0, "root"),
            ("it", "PRON", "PRP", 7, "obj"),
        ]);
        assert_eq!(Tree::new(&w).root(), Some(6));
    }

    #[test]
    fn heads_children_and_spans() {
        let model = syntax::model().expect("model");
        let text = "The court convicted three men on Thursday.";
        let words = syntax::parse_text(model, text, 0);
        let t = Tree::new(&words);
        let root = t.root().expect("a root");
        assert_eq!(t.lemma(root), "convict");
        let obj = t.child(root, &["obj"]).expect("object");
        assert_eq!(t.form(obj), "men");
        assert_eq!(t.span(obj), (3, 4));
        let when = t.within(text.find("Thursday").unwrap_or(0), text.len() - 1);
        let h = t.head_of(when).expect("head");
        assert_eq!(t.head(h), Some(root));
        assert_eq!(t.case(h).as_deref(), Some("on"));
        assert!(t.dominates(root, h) && !t.dominates(h, root));
        assert_eq!(t.at_byte(5), Some(1));
    }
}
