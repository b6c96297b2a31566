//! Words, numbers, punctuation and quote marks with byte offsets into the document text.
//!
//! The attribution patterns work on these tokens rather than on raw text so that
//! "Russia’s", "U.S." and "al-Nusra" are single words, a possessive is its own token, and
//! quote marks carry whether they open or close.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// `’s`, `'s` or a bare `’` after a plural: "Russia’s", "rebels’".
    Possessive,
    /// Any other punctuation, dashes and ellipses included.
    Punct,
    /// An opening quote mark; `double` tells “ and " from ‘ and '.
    Open {
        double: bool,
    },
    /// A closing quote mark.
    Close {
        double: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The tokens of one stretch of a document.
#[derive(Debug, Clone)]
pub struct Toks<'a> {
    /// The whole document text; token offsets index into it.
    pub text: &'a str,
    pub v: Vec<Tok>,
    lower: Vec<String>,
}

/// Abbreviations that keep their full stop as part of the word.
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen",
    "rep", "rev", "st", "jr", "sr", "mme", "messrs", "cmdr", "brig", "no",
];

/// Words whose `’s` is "is"/"has", not a possessive.
const CONTRACTED: &[&str] = &[
    "it", "that", "there", "he", "she", "what", "who", "here", "let", "where", "this", "how",
];

impl<'a> Toks<'a> {
    /// Tokenise `text[start..end]`.
    pub fn new(text: &'a str, start: usize, end: usize) -> Toks<'a> {
        let v = tokenize(text, start, end);
        let lower = v
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase().replace('’', "'"))
            .collect();
        Toks { text, v, lower }
    }

    pub fn len(&self) -> usize {
        self.v.len()
    }

    pub fn is_empty(&self) -> bool {
        self.v.is_empty()
    }

    /// The token's text as written.
    pub fn s(&self, i: usize) -> &'a str {
        let t = self.v[i];
        &self.text[t.start..t.end]
    }

    /// The token's text in lower case, with ’ written as '.
    pub fn l(&self, i: usize) -> &str {
        &self.lower[i]
    }

    pub fn kind(&self, i: usize) -> Kind {
        self.v[i].kind
    }

    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.v[i].kind, Kind::Word | Kind::Number)
    }

    /// Lower-case comparison with one of several words.
    pub fn is(&self, i: usize, words: &[&str]) -> bool {
        i < self.v.len() && words.contains(&self.l(i))
    }

    /// A word starting with a capital letter ("Russia", "U.S.", "Jean-Pierre"; "al-Nusra" is
    /// not, nor is an adjective made of a name and a participle: "Dutch-led", "US-backed").
    pub fn cap(&self, i: usize) -> bool {
        let s = self.s(i);
        let compound_adjective = s
            .split_once('-')
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
        self.v[i].kind == Kind::Word
            && s.chars().next().is_some_and(char::is_uppercase)
            && !compound_adjective
    }

    /// All letters capitals: "UN", "SOHR", "U.S.".
    pub fn acronym(&self, i: usize) -> bool {
        let s = self.s(i);
        self.v[i].kind == Kind::Word
            && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().all(|c| !c.is_lowercase())
    }

    /// Is token `i` punctuation equal to `p`?
    pub fn punct(&self, i: usize, p: &str) -> bool {
        i < self.v.len() && self.v[i].kind == Kind::Punct && self.s(i) == p
    }

    pub fn is_open(&self, i: usize) -> bool {
        matches!(self.v[i].kind, Kind::Open { .. })
    }

    pub fn is_close(&self, i: usize) -> bool {
        matches!(self.v[i].kind, Kind::Close { .. })
    }

    /// The first token starting at or after `offset`.
    pub fn at(&self, offset: usize) -> usize {
        self.v.partition_point(|t| t.start < offset)
    }

    /// Text from the start of token `a` to the end of token `b - 1`.
    pub fn span_text(&self, a: usize, b: usize) -> &'a str {
        if a >= b {
            return "";
        }
        &self.text[self.v[a].start..self.v[b - 1].end]
    }
}

/// A closing single mark right after a plural with no single quote open before it is a
/// possessive: "the rebels’ claim", "the employers' statement".
fn plural_possessives(text: &str, toks: &mut [Tok]) {
    let mut open = false;
    for i in 0..toks.len() {
        match toks[i].kind {
            Kind::Open { double: false } => open = true,
            Kind::Close { double: false } => {
                let after_plural = i > 0
                    && toks[i - 1].end == toks[i].start
                    && toks[i - 1].kind == Kind::Word
                    && text[toks[i - 1].start..toks[i - 1].end].ends_with('s');
                let word_next = toks.get(i + 1).is_some_and(|n| n.kind == Kind::Word);
                if !open && after_plural && word_next {
                    toks[i].kind = Kind::Possessive;
                }
                open = false;
            }
            _ => {}
        }
    }
}

fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let mut toks = tokenize_raw(text, start, end);
    plural_possessives(text, &mut toks);
    toks
}

fn tokenize_raw(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let s = &text[start..end];
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let off = |k: usize| chars.get(k).map_or(s.len(), |&(o, _)| o) + start;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // A web address is one punctuation token: it is neither words nor a name.
        let rest = &s[chars[i].0..];
        if rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.") {
            let mut j = i;
            while j < chars.len() && !chars[j].1.is_whitespace() {
                j += 1;
            }
            out.push(Tok {
                start: off(i),
                end: off(j),
                kind: Kind::Punct,
            });
            i = j;
            continue;
        }
        if c.is_alphanumeric() {
            let begin = i;
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if matches!(d, '-' | '.' | '\'' | '’' | '&' | ',' | '/')
                    && at(j + 1).is_some_and(char::is_alphanumeric)
                {
                    // Keep "1,000" and "24/7" whole, but split "Aleppo,Hama" after letters.
                    if d == ','
                        && !(chars[j - 1].1.is_ascii_digit()
                            && at(j + 1).is_some_and(|c| c.is_ascii_digit()))
                    {
                        break;
                    }
                    if d == '/' && !chars[j - 1].1.is_ascii_digit() {
                        break;
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            let word: String = chars[begin..j].iter().map(|&(_, c)| c).collect();
            // A trailing full stop belongs to "U.S." and "Lt." but not to a sentence end.
            if at(j) == Some('.')
                && (word.contains('.') && word.chars().all(|c| c.is_uppercase() || c == '.')
                    || DOTTED.contains(&word.to_lowercase().as_str()))
            {
                j += 1;
            }
            let word_end = off(j);
            let word_start = off(begin);
            let kind = if word
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            {
                Kind::Number
            } else {
                Kind::Word
            };
            // Split a possessive "’s" off the word.
            let w = &text[word_start..word_end];
            let lower = w.to_lowercase();
            let poss = ["’s", "'s"]
                .iter()
                .find(|p| lower.ends_with(*p) && w.len() > p.len());
            match poss {
                Some(p) if !CONTRACTED.contains(&&lower[..lower.len() - p.len()]) => {
                    let cut = word_end - p.len();
                    out.push(Tok {
                        start: word_start,
                        end: cut,
                        kind,
                    });
                    out.push(Tok {
                        start: cut,
                        end: word_end,
                        kind: Kind::Possessive,
                    });
                }
                _ => out.push(Tok {
                    start: word_start,
                    end: word_end,
                    kind,
                }),
            }
            i = j;
            continue;
        }
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let next = at(i + 1);
        let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
        let space_after = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–-…".contains(n));
        let kind = match c {
            '“' | '«' | '„' => Kind::Open { double: true },
            '”' | '»' => Kind::Close { double: true },
            '"' => {
                if space_before && !space_after {
                    Kind::Open { double: true }
                } else if space_after && !space_before {
                    Kind::Close { double: true }
                } else if space_before {
                    Kind::Open { double: true }
                } else {
                    Kind::Close { double: true }
                }
            }
            '‘' => Kind::Open { double: false },
            '’' | '\'' => {
                if prev.is_some_and(|p| p == 's' || p == 'S') && space_after && c == '’' {
                    // "rebels’ leaders": a plural possessive; the quote finder may still use
                    // it to close a ‘…’ pair.
                    Kind::Close { double: false }
                } else if c == '\'' && space_before && !space_after {
                    Kind::Open { double: false }
                } else {
                    Kind::Close { double: false }
                }
            }
            _ => Kind::Punct,
        };
        // Runs of dots make one ellipsis token.
        let mut j = i + 1;
        if c == '.' {
            while at(j) == Some('.') {
                j += 1;
            }
        }
        out.push(Tok {
            start: off(i),
            end: off(j),
            kind,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        let t = Toks::new(s, 0, s.len());
        (0..t.len()).map(|i| t.s(i).to_string()).collect()
    }

    #[test]
    fn a_name_and_a_participle_make_an_adjective_not_a_name() {
        let s = "A Dutch-led team, US-backed forces and Jean-Pierre Lamy met.";
        let t = Toks::new(s, 0, s.len());
        let caps: Vec<&str> = (0..t.len()).filter(|&i| t.cap(i)).map(|i| t.s(i)).collect();
        assert_eq!(caps, ["A", "Jean-Pierre", "Lamy"]);
    }

    #[test]
    fn keeps_names_and_abbreviations_whole() {
        assert_eq!(
            words("Lt. Gen. Rudskoy told U.S. envoys in al-Nusra’s area."),
            [
                "Lt.", "Gen.", "Rudskoy", "told", "U.S.", "envoys", "in", "al-Nusra", "’s", "area",
                "."
            ]
        );
    }

    #[test]
    fn quote_marks_open_and_close() {
        let s = "He said \"no,\" and ‘maybe’.";
        let t = Toks::new(s, 0, s.len());
        let kinds: Vec<Kind> = t.v.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[2], Kind::Open { double: true });
        assert_eq!(kinds[5], Kind::Close { double: true });
        assert_eq!(kinds[7], Kind::Open { double: false });
        assert_eq!(kinds[9], Kind::Close { double: false });
    }

    #[test]
    fn contractions_are_not_possessives() {
        assert_eq!(words("It’s Russia’s"), ["It’s", "Russia", "’s"]);
        assert_eq!(
            words("1,000 people, 24/7"),
            ["1,000", "people", ",", "24/7"]
        );
    }
}
