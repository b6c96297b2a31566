//! One pass over the text: words, numbers and punctuation with their byte offsets and the
//! lexicon class of each word. No allocation per token.

use super::lexicon::{self, Lex, W};

/// Whitespace came before the token.
pub const SPACE: u8 = 1;
/// A line break came before the token.
pub const BREAK: u8 = 2;
/// A blank line (paragraph break) came before the token.
pub const PARA: u8 = 4;
/// The word starts with a capital letter.
pub const CAP: u8 = 8;
/// The word is all capitals and longer than one letter.
pub const UPPER: u8 = 16;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub lex: Lex,
    /// The value of a number (saturating), or the character of a punctuation mark with
    /// typographic variants folded (’ to ', – and — to -, “ ” to ").
    pub num: u32,
    pub flags: u8,
}

impl Token {
    #[allow(clippy::len_without_is_empty)] // a token is never empty
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.num == c as u32
    }

    pub fn w(&self) -> Option<W> {
        match self.lex {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }

    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

fn fold(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => '"',
        c => c,
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Byte classes for the scanner's inner loop.
const C_OTHER: u8 = 0;
const C_SPACE: u8 = 1;
const C_NEWLINE: u8 = 2;
const C_DIGIT: u8 = 3;
const C_UPPER: u8 = 4;
const C_LOWER: u8 = 5;
const C_HIGH: u8 = 6;

static CLASS: [u8; 256] = {
    let mut t = [C_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b' ' | b'\t' | b'\r' => C_SPACE,
            b'\n' => C_NEWLINE,
            b'0'..=b'9' => C_DIGIT,
            b'A'..=b'Z' => C_UPPER,
            b'a'..=b'z' => C_LOWER,
            0x80..=0xFF => C_HIGH,
            _ => C_OTHER,
        };
        b += 1;
    }
    t
};

/// Tokens of `text`, in order. Offsets must fit in `u32`: callers split longer texts.
pub fn tokenize(text: &str, out: &mut Vec<Token>) {
    out.clear();
    out.reserve(text.len() / 5);
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut flags = 0u8;
    let mut newlines = 0u32;
    while i < n {
        let b = bytes[i];
        let class = CLASS[b as usize];
        if class == C_SPACE {
            flags |= SPACE;
            i += 1;
            continue;
        }
        if class == C_NEWLINE {
            flags |= SPACE | BREAK;
            newlines += 1;
            if newlines >= 2 {
                flags |= PARA;
            }
            i += 1;
            continue;
        }
        let start = i;
        if class == C_DIGIT {
            let mut v: u64 = 0;
            while i < n && CLASS[bytes[i] as usize] == C_DIGIT {
                v = (v * 10 + u64::from(bytes[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Num,
                lex: Lex::Other,
                num: v as u32,
                flags,
            });
        } else if class == C_UPPER || class == C_LOWER {
            let mut upper = 0usize;
            let mut ascii = true;
            while i < n {
                let c = CLASS[bytes[i] as usize];
                if c == C_LOWER {
                    i += 1;
                } else if c == C_UPPER {
                    upper += 1;
                    i += 1;
                } else if c == C_HIGH {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => {
                            ascii = false;
                            i += ch.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let word = &bytes[start..i];
            let lex = if ascii {
                lexicon::classify_in(bytes, start, word.len())
            } else {
                Lex::Other
            };
            let mut f = flags;
            if class == C_UPPER {
                f |= CAP;
                if upper == word.len() && word.len() > 1 {
                    f |= UPPER;
                }
            }
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Word,
                lex,
                num: 0,
                flags: f,
            });
        } else if b < 0x80 {
            i += 1;
            out.push(Token {
                start: start as u32,
                end: i as u32,
                kind: Kind::Punct,
                lex: Lex::Other,
                num: u32::from(fold(b as char)),
                flags,
            });
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8().max(1);
            if is_space(ch) {
                flags |= SPACE;
                continue;
            }
            if ch.is_alphabetic() {
                // A word that starts with a non-ASCII letter: never in the lexicon.
                while i < n {
                    let c = bytes[i];
                    if c.is_ascii_alphabetic() {
                        i += 1;
                    } else if c >= 0x80 {
                        match text[i..].chars().next() {
                            Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                out.push(Token {
                    start: start as u32,
                    end: i as u32,
                    kind: Kind::Word,
                    lex: Lex::Other,
                    num: 0,
                    flags: flags | if ch.is_uppercase() { CAP } else { 0 },
                });
            } else {
                out.push(Token {
                    start: start as u32,
                    end: i as u32,
                    kind: Kind::Punct,
                    lex: Lex::Other,
                    num: u32::from(fold(ch)),
                    flags,
                });
            }
        }
        flags = 0;
        newlines = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind, u8)> {
        let mut v = Vec::new();
        tokenize(text, &mut v);
        v.iter()
            .map(|t| {
                (
                    text[t.start as usize..t.end as usize].to_string(),
                    t.kind,
                    t.flags,
                )
            })
            .collect()
    }

    #[test]
    fn splits_words_numbers_and_marks() {
        let k = kinds("On 16 May, 2016’s\n\nmid-1998 Café");
        let words: Vec<&str> = k.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(
            words,
            [
                "On", "16", "May", ",", "2016", "’", "s", "mid", "-", "1998", "Café"
            ]
        );
        assert_eq!(k[0].2, CAP);
        assert_eq!(k[1].1, Kind::Num);
        assert!(k[7].2 & PARA != 0);
        assert!(k[9].2 & SPACE == 0);
    }

    #[test]
    fn folds_typographic_marks() {
        let mut v = Vec::new();
        tokenize("a’b–c", &mut v);
        assert!(v[1].is_punct('\''));
        assert!(v[3].is_punct('-'));
    }
}
