//! Quotations in a paragraph: paired marks, and quotes left open or closed at a paragraph
//! edge (a quote block that runs over several paragraphs often has only one of its marks).

use super::tokens::{Kind, Toks};

/// One quotation, by token indices into the paragraph's tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// First token of the quote (its opening mark, or the paragraph's first token).
    pub a: usize,
    /// One past the last token (past the closing mark, or the paragraph's end).
    pub b: usize,
    pub double: bool,
    /// The opening mark is missing: the quote runs in from an earlier paragraph.
    pub open_left: bool,
    /// The closing mark is missing: the quote runs on into the next paragraph.
    pub open_right: bool,
    /// Words inside the marks.
    pub words: usize,
}

impl Quote {
    /// Direct speech rather than a scare quote around a term: long enough to say something.
    pub fn is_speech(&self) -> bool {
        self.words >= 4 || self.open_left || self.open_right
    }

    pub fn contains(&self, i: usize) -> bool {
        self.a <= i && i < self.b
    }
}

/// Longest single-mark quote: longer ones are apostrophes that happen to pair.
const MAX_SINGLE_WORDS: usize = 14;

/// The quotes of a paragraph, in order, not overlapping (inner single quotes inside double
/// ones are left out).
pub fn find(t: &Toks) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let n = t.len();
    let words = |a: usize, b: usize| (a..b).filter(|&i| t.is_word(i)).count();
    // Double quotes first.
    let mut open: Option<usize> = None;
    for i in 0..n {
        match t.kind(i) {
            Kind::Open { double: true } => {
                if let Some(o) = open {
                    // Two openings in a row: the first quote ran to here.
                    out.push(Quote {
                        a: o,
                        b: i,
                        double: true,
                        open_left: false,
                        open_right: true,
                        words: words(o, i),
                    });
                }
                open = Some(i);
            }
            Kind::Close { double: true } => match open.take() {
                Some(o) => out.push(Quote {
                    a: o,
                    b: i + 1,
                    double: true,
                    open_left: false,
                    open_right: false,
                    words: words(o, i),
                }),
                None => {
                    let a = out.last().map_or(0, |q| q.b);
                    out.push(Quote {
                        a,
                        b: i + 1,
                        double: true,
                        open_left: true,
                        open_right: false,
                        words: words(a, i),
                    });
                }
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        out.push(Quote {
            a: o,
            b: n,
            double: true,
            open_left: false,
            open_right: true,
            words: words(o, n),
        });
    }
    // Single quotes outside the double ones.
    let inside = |i: usize, out: &[Quote]| out.iter().any(|q| q.double && q.contains(i));
    let mut singles = Vec::new();
    let mut open: Option<usize> = None;
    for i in 0..n {
        if inside(i, &out) {
            continue;
        }
        match t.kind(i) {
            Kind::Open { double: false } => open = Some(i),
            Kind::Close { double: false } => {
                if let Some(o) = open.take() {
                    let w = words(o, i);
                    if w > 0 && w <= MAX_SINGLE_WORDS {
                        singles.push(Quote {
                            a: o,
                            b: i + 1,
                            double: false,
                            open_left: false,
                            open_right: false,
                            words: w,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out.extend(singles);
    out.sort_by_key(|q| q.a);
    out
}

/// The quote holding token `i`, if any.
pub fn at(quotes: &[Quote], i: usize) -> Option<&Quote> {
    quotes.iter().find(|q| q.contains(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(s: &str) -> Vec<String> {
        let t = Toks::new(s, 0, s.len());
        find(&t)
            .iter()
            .map(|q| t.span_text(q.a, q.b).to_string())
            .collect()
    }

    #[test]
    fn pairs_and_scare_quotes() {
        assert_eq!(
            quoted("“We will stay,” she said of the ‘so-called’ truce."),
            ["“We will stay,”", "‘so-called’"]
        );
    }

    #[test]
    fn quotes_open_at_paragraph_edges() {
        assert_eq!(
            quoted("the talks went on as planned,”"),
            ["the talks went on as planned,”"]
        );
        let s = "He said: “It will hold. Nobody doubts it";
        let t = Toks::new(s, 0, s.len());
        let q = find(&t);
        assert!(q[0].open_right);
        assert_eq!(
            t.span_text(q[0].a, q[0].b),
            "“It will hold. Nobody doubts it"
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(quoted("The rebels’ leaders didn’t come.").is_empty());
    }
}
