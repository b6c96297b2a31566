//! The grammar: from tokens to [`Found`] expressions, by hand-written rules tried only at
//! tokens that can start an expression (a month, a number, "last", "the", ...).
//!
//! Each rule reads forward from a token and returns the longest expression it can build
//! there; the driver keeps it and resumes after it, so matches never overlap.

mod amount;
mod calendar;
mod clock;
mod shift;

use super::expr::{Expr, Found};
use super::lexicon::{Lex, W};
use super::scan::{CAP, Kind, SPACE, Token, UPPER};

pub use amount::parse_amount;

/// A view of the tokens with small helpers the rules share.
pub struct Parser<'a> {
    pub t: &'a [Token],
    pub text: &'a str,
}

impl<'a> Parser<'a> {
    pub fn new(t: &'a [Token], text: &'a str) -> Parser<'a> {
        Parser { t, text }
    }

    pub fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::Other, |t| t.lex)
    }

    pub fn w(&self, i: usize) -> Option<W> {
        self.t.get(i).and_then(Token::w)
    }

    pub fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    pub fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.is_punct(c))
    }

    /// Token `i` exists and follows the previous one without space.
    pub fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.has(SPACE))
    }

    /// A number token: its value and digit count.
    pub fn num(&self, i: usize) -> Option<(u32, usize)> {
        self.t
            .get(i)
            .filter(|t| t.kind == Kind::Num)
            .map(|t| (t.num, t.len()))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn cap(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.has(CAP))
    }

    pub fn upper(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.has(UPPER))
    }

    pub fn s(&self, i: usize) -> &'a str {
        self.t
            .get(i)
            .map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }

    /// Case-insensitive test of a word's text.
    pub fn word_is(&self, i: usize, word: &str) -> bool {
        self.is_word(i) && self.s(i).eq_ignore_ascii_case(word)
    }

    /// Token `i` starts a sentence (or the text): the previous token ends one.
    pub fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let t = &self.t[i];
        if t.has(super::scan::BREAK) {
            return true;
        }
        let p = &self.t[i - 1];
        p.is_punct('.')
            || p.is_punct('!')
            || p.is_punct('?')
            || p.is_punct('"')
            || p.is_punct(':')
            || p.is_punct('(')
            || p.is_punct('\u{2022}')
    }

    /// The possessive `'s` at `i`; returns the index after it.
    pub fn possessive(&self, i: usize) -> Option<usize> {
        (self.punct(i, '\'') && self.tight(i) && self.word_is(i + 1, "s") && self.tight(i + 1))
            .then_some(i + 2)
    }

    /// Skip a tight full stop after an abbreviation ("Sept.", "a.m.").
    pub fn skip_dot(&self, i: usize) -> usize {
        if self.punct(i, '.') && self.tight(i) {
            i + 1
        } else {
            i
        }
    }
}

/// Every expression in the tokens, in order, not overlapping.
pub fn find_all(p: &Parser<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.t.len() {
        match at(p, i) {
            Some(f) if f.end > i => {
                i = f.end;
                out.push(f);
            }
            _ => i += 1,
        }
    }
    out
}

/// Whether a token can start an expression at all: a cheap test before the rules.
fn can_start(t: &Token) -> bool {
    match t.kind {
        Kind::Num => true,
        Kind::Punct => t.num == '\'' as u32,
        Kind::Word if t.lex == Lex::Other => t.len() == 1,
        Kind::Word => !matches!(
            t.lex,
            Lex::Part { .. }
                | Lex::W(
                    W::Of
                        | W::In
                        | W::On
                        | W::At
                        | W::By
                        | W::Since
                        | W::Until
                        | W::From
                        | W::To
                        | W::And
                        | W::Or
                        | W::Than
                        | W::Quantity
                        | W::Label
                        | W::Will
                        | W::Would
                        | W::Is
                        | W::Has
                        | W::PastVerb
                        | W::Mr
                )
        ),
    }
}

/// The expression starting at token `i`, if any.
fn at(p: &Parser<'_>, i: usize) -> Option<Found> {
    if !can_start(&p.t[i]) {
        return None;
    }
    if let Some(j) = approximator(p, i)
        && let Some(mut f) = core(p, j)
        && matches!(
            f.expr,
            Expr::Duration { .. } | Expr::Ago { .. } | Expr::Narrative { .. } | Expr::Clock
        )
    {
        f.start = i;
        return Some(f);
    }
    core(p, i)
}

/// "about", "nearly", "more than", "at least", "up to", "no more than": words that qualify
/// an amount and belong to the expression. Returns the index after them.
fn approximator(p: &Parser<'_>, i: usize) -> Option<usize> {
    // "over the past year": the preposition is not part of the expression.
    if matches!(p.w(i)?, W::Over | W::Under | W::Within) && p.is(i + 1, W::The) {
        return None;
    }
    let j = match p.w(i)? {
        W::About
        | W::Around
        | W::Nearly
        | W::Almost
        | W::Approximately
        | W::Roughly
        | W::Over
        | W::Under => i + 1,
        W::More | W::Less if p.is(i + 1, W::Than) => i + 2,
        W::At if matches!(p.w(i + 1), Some(W::Least)) || p.word_is(i + 1, "most") => i + 2,
        W::Up if p.is(i + 1, W::To) => i + 2,
        W::Some if p.num(i + 1).is_some() => i + 1,
        _ => return None,
    };
    // "well over", "just under", "about a"
    Some(j)
}

/// The expression at `i` without a leading approximator.
pub fn core(p: &Parser<'_>, i: usize) -> Option<Found> {
    let t = p.t.get(i)?;
    match t.lex {
        Lex::Month { .. } => calendar::month_led(p, i),
        Lex::Weekday { .. } => calendar::weekday_led(p, i),
        Lex::Season { .. } => calendar::season_led(p, i, false),
        Lex::Ordinal(_) => calendar::ordinal_led(p, i),
        Lex::Number(_) => amount::amount_led(p, i),
        Lex::Unit { .. } => amount::unit_led(p, i),
        Lex::Decade(_) => None,
        Lex::Part { .. } => None,
        Lex::W(w) => match w {
            W::The => shift::the_led(p, i),
            W::A | W::An | W::Few | W::Several | W::Couple | W::Some | W::Many | W::Dozen => {
                amount::amount_led(p, i)
            }
            W::This
            | W::Last
            | W::Next
            | W::Coming
            | W::Past
            | W::Previous
            | W::Following
            | W::That
            | W::These
            | W::Current
            | W::Its
            | W::Our
            | W::Their => shift::modified(p, i, i),
            W::Early
            | W::Late
            | W::Mid
            | W::Middle
            | W::Earlier
            | W::Later
            | W::End
            | W::Beginning
            | W::Start => shift::edge_led(p, i),
            W::Today | W::Yesterday | W::Tomorrow | W::Tonight => shift::deictic(p, i),
            W::Now
            | W::Currently
            | W::Recently
            | W::Recent
            | W::Lately
            | W::Nowadays
            | W::Right
            | W::Future => shift::vague(p, i),
            W::Every
            | W::Each
            | W::Per
            | W::Daily
            | W::Weekly
            | W::Monthly
            | W::Yearly
            | W::Annually
            | W::Hourly
            | W::Quarterly
            | W::Nightly
            | W::Twice
            | W::Once => amount::set_led(p, i),
            W::Fiscal => calendar::fiscal(p, i),
            W::All => amount::all_led(p, i),
            W::Noon | W::Midnight | W::Midday => clock::clock_led(p, i),
            W::Christmas | W::Thanksgiving | W::Easter | W::Election | W::Independence | W::New => {
                calendar::holiday_led(p, i)
            }
            _ => None,
        },
        Lex::Other => match t.kind {
            Kind::Num => calendar::number_led(p, i),
            Kind::Punct => calendar::apostrophe_decade(p, i),
            Kind::Word => calendar::quarter_code(p, i),
        },
    }
}
