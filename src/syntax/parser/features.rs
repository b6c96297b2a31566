//! Feature templates of the parser's two classifiers, and where their weights live.
//!
//! A template is a list of atoms, each a value read off the configuration: `W`, `P`, `U`
//! (a word's form, XPOS and UPOS), `L` (the label of its arc), `Lc`/`Rc` (its numbers of
//! left and right children), `Ls`/`Rs` (the sets of their labels), the distance between two
//! words, and the direction of an arc. A feature is the hash of the template's number and
//! its atoms' values.
//!
//! Templates split by what they read, which decides where their weights are kept:
//! - *token* templates read one word's `W`, `P` or `U` in one position: their weights are
//!   summed once per word and sentence, for every position, and each move then adds the
//!   sums of the words in its positions;
//! - *hot* templates read no word form: few distinct features, so their table stays in
//!   the caches;
//! - *cold* templates read a form with something else.

use super::super::hash;
use super::Input;
use super::state::{NONE, State};

/// Where a word is, relative to a configuration (for the moves) or to an arc (for the
/// labeller).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pos {
    /// The stack, top first, and the buffer.
    S0,
    S1,
    S2,
    B0,
    B1,
    B2,
    /// The nearest (1) and second nearest (2) left and right children of `s0`, `b0`, `s1`.
    S0L1,
    S0L2,
    S0R1,
    S0R2,
    B0L1,
    B0L2,
    S1L1,
    S1R1,
    B3,
    /// The head and the dependent of an arc, the words around them, and the dependent's
    /// nearest children.
    H,
    D,
    DPrev,
    DNext,
    HPrev,
    HNext,
    DL1,
    DR1,
    HL1,
    HR1,
}

/// Positions a move's templates read, in the order of [`Pos`].
pub const MOVE_POSITIONS: usize = 15;
const POSITIONS: usize = 25;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Atom {
    W(Pos),
    P(Pos),
    U(Pos),
    L(Pos),
    Lc(Pos),
    Rc(Pos),
    Ls(Pos),
    Rs(Pos),
    Dist(Pos, Pos),
    /// Whether the dependent precedes the head.
    Dir,
}

use Atom::*;
use Pos::*;

/// The templates of the moves (Zhang & Nivre 2011, adapted to arc-hybrid).
pub const MOVES: &[&[Atom]] = &[
    // A bias.
    &[],
    // Single words.
    &[W(S0)],
    &[P(S0)],
    &[W(S0), P(S0)],
    &[W(S1)],
    &[P(S1)],
    &[W(S1), P(S1)],
    &[W(B0)],
    &[P(B0)],
    &[W(B0), P(B0)],
    &[W(B1)],
    &[P(B1)],
    &[W(B1), P(B1)],
    &[P(S2)],
    &[W(B2)],
    &[P(B2)],
    // Children.
    &[W(S0L1)],
    &[P(S0L1)],
    &[L(S0L1)],
    &[W(S0R1)],
    &[P(S0R1)],
    &[L(S0R1)],
    &[W(B0L1)],
    &[P(B0L1)],
    &[L(B0L1)],
    &[P(S0L2)],
    &[L(S0L2)],
    &[P(S0R2)],
    &[L(S0R2)],
    &[P(B0L2)],
    &[L(B0L2)],
    &[P(S1R1)],
    &[L(S1R1)],
    &[P(S1L1)],
    // Pairs.
    &[W(S0), P(S0), W(B0), P(B0)],
    &[W(S0), P(S0), W(B0)],
    &[W(S0), W(B0), P(B0)],
    &[W(S0), P(S0), P(B0)],
    &[P(S0), W(B0), P(B0)],
    &[W(S0), W(B0)],
    &[P(S0), P(B0)],
    &[P(B0), P(B1)],
    &[P(S1), P(S0)],
    &[W(S1), W(S0)],
    &[P(S1), P(B0)],
    // Triples.
    &[P(B0), P(B1), P(B2)],
    &[P(S0), P(B0), P(B1)],
    &[P(S1), P(S0), P(B0)],
    &[P(S2), P(S1), P(S0)],
    &[P(S0), P(S0L1), P(B0)],
    &[P(S0), P(S0R1), P(B0)],
    &[P(S0), P(B0), P(B0L1)],
    &[P(S1), P(S0), P(S0L1)],
    &[P(S1), P(S1R1), P(S0)],
    &[P(S0), P(S0L1), P(S0L2)],
    &[P(S0), P(S0R1), P(S0R2)],
    &[P(B0), P(B0L1), P(B0L2)],
    // Coarse tags.
    &[U(S0)],
    &[U(B0)],
    &[U(S0), U(B0)],
    &[U(S1), U(S0), U(B0)],
    &[U(S0), U(B0), U(B1)],
    &[U(B0), U(B1), U(B2)],
    &[U(S2), U(S1), U(S0)],
    &[W(S0), U(S0), U(B0)],
    &[U(S0), W(B0), U(B0)],
    &[U(S0), U(S0L1), U(B0)],
    &[U(S0), U(S0R1), U(B0)],
    &[U(S0), U(B0), U(B0L1)],
    &[U(S0), U(B0), Dist(S0, B0)],
    // Distance.
    &[W(S0), Dist(S0, B0)],
    &[P(S0), Dist(S0, B0)],
    &[W(B0), Dist(S0, B0)],
    &[P(B0), Dist(S0, B0)],
    &[P(S0), P(B0), Dist(S0, B0)],
    &[P(S1), P(S0), Dist(S1, S0)],
    // Valency.
    &[W(S0), Lc(S0)],
    &[P(S0), Lc(S0)],
    &[W(S0), Rc(S0)],
    &[P(S0), Rc(S0)],
    &[W(B0), Lc(B0)],
    &[P(B0), Lc(B0)],
    &[P(S1), Rc(S1)],
    // Label sets.
    &[W(S0), Ls(S0)],
    &[P(S0), Ls(S0)],
    &[W(S0), Rs(S0)],
    &[P(S0), Rs(S0)],
    &[W(B0), Ls(B0)],
    &[P(B0), Ls(B0)],
    // More tags and labels.
    &[P(B3)],
    &[P(S1), P(S0), P(B0), P(B1)],
    &[P(S0), L(S0L1), L(S0R1)],
    &[P(B0), L(B0L1), L(B0L2)],
    &[P(S1), L(S1R1), P(S0)],
    &[P(S1), Rs(S1)],
    &[P(S1), Ls(S1)],
    &[P(S0), P(B0), Ls(B0)],
    &[U(S1), U(S0), U(B0), U(B1)],
    &[P(B0), P(B1), P(B2), P(B3)],
];

/// The templates of the arc labeller, over the head `H` and dependent `D` of a new arc. The
/// dependent's subtree is complete when it is attached.
pub const LABELS: &[&[Atom]] = &[
    &[Dir],
    &[Dir, W(D)],
    &[Dir, P(D)],
    &[Dir, W(D), P(D)],
    &[Dir, W(H)],
    &[Dir, P(H)],
    &[Dir, W(H), P(H)],
    &[Dir, P(H), P(D)],
    &[Dir, W(H), P(D)],
    &[Dir, P(H), W(D)],
    &[Dir, W(H), W(D)],
    &[Dir, U(H), U(D), Dist(H, D)],
    &[Dir, P(D), Dist(H, D)],
    &[Dir, P(H), P(D), P(DPrev)],
    &[Dir, P(H), P(D), P(DNext)],
    &[Dir, P(D), P(DPrev), P(DNext)],
    &[Dir, P(H), P(HPrev), P(HNext)],
    &[Dir, P(D), L(DL1), L(DR1)],
    &[Dir, W(D), L(DL1), L(DR1)],
    &[Dir, P(H), P(D), Ls(D), Rs(D)],
    &[Dir, P(D), Ls(D)],
    &[Dir, P(D), Rs(D)],
    &[Dir, P(H), P(D), Ls(H), Rs(H)],
    &[Dir, P(H), L(HL1), L(HR1)],
    &[Dir, P(D), Lc(D), Rc(D)],
    &[Dir, U(D), U(H), Ls(H)],
    &[Dir, U(D), U(H), Rs(H)],
    &[Dir, P(D), P(H), L(HL1)],
    &[Dir, W(D), U(H), Ls(D)],
];

/// Values of absent positions and of the root.
const ABSENT: u64 = 0x0ab5_e4e7;
const ROOT_WORD: u64 = 0x2007;

/// Which table a feature's weights are in: the low bits of its key.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Table {
    Token = 0,
    Hot = 1,
    Cold = 2,
}

impl Table {
    pub fn of_key(key: u64) -> Table {
        match (key >> 1) & 3 {
            0 => Table::Token,
            1 => Table::Hot,
            _ => Table::Cold,
        }
    }

    /// Where a template's weights go.
    fn of(template: &[Atom], moves: bool) -> Table {
        let word = |a: &Atom| match a {
            W(p) | P(p) | U(p) => Some(*p),
            _ => None,
        };
        let first = template.first().and_then(word);
        let one_word = first.is_some() && template.iter().all(|a| word(a) == first);
        if moves && one_word {
            Table::Token
        } else if template.iter().any(|a| matches!(a, W(_))) {
            Table::Cold
        } else {
            Table::Hot
        }
    }
}

fn distance(a: usize, b: usize) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    match a.abs_diff(b) {
        d @ 0..=4 => d as u64,
        5..=7 => 5,
        _ => 6,
    }
}

/// Where each position is (a word index, `n` for the root, or [`NONE`]).
pub struct Context<'a> {
    state: &'a State,
    input: &'a [Input],
    at: [usize; POSITIONS],
}

impl<'a> Context<'a> {
    /// The positions of a configuration.
    pub fn of_state(state: &'a State, input: &'a [Input]) -> Self {
        let mut at = [NONE; POSITIONS];
        let child = |i: usize, v: &[[usize; 2]], k: usize| if i == NONE { NONE } else { v[i][k] };
        let (s0, s1, b0) = (state.s(0), state.s(1), state.b(0));
        at[S0 as usize] = s0;
        at[S1 as usize] = s1;
        at[S2 as usize] = state.s(2);
        at[B0 as usize] = b0;
        at[B1 as usize] = state.b(1);
        at[B2 as usize] = state.b(2);
        at[S0L1 as usize] = child(s0, &state.lefts, 0);
        at[S0L2 as usize] = child(s0, &state.lefts, 1);
        at[S0R1 as usize] = child(s0, &state.rights, 0);
        at[S0R2 as usize] = child(s0, &state.rights, 1);
        at[B0L1 as usize] = child(b0, &state.lefts, 0);
        at[B0L2 as usize] = child(b0, &state.lefts, 1);
        at[S1L1 as usize] = child(s1, &state.lefts, 0);
        at[S1R1 as usize] = child(s1, &state.rights, 0);
        at[B3 as usize] = state.b(3);
        Context { state, input, at }
    }

    /// The positions around a new arc from `head` (never the root) to `dep`.
    pub fn of_arc(state: &'a State, input: &'a [Input], head: usize, dep: usize) -> Self {
        let mut at = [NONE; POSITIONS];
        let n = state.n;
        let prev = |i: usize| if i == 0 { NONE } else { i - 1 };
        let next = |i: usize| if i + 1 < n { i + 1 } else { NONE };
        at[H as usize] = head;
        at[D as usize] = dep;
        at[DPrev as usize] = prev(dep);
        at[DNext as usize] = next(dep);
        at[HPrev as usize] = prev(head);
        at[HNext as usize] = next(head);
        at[DL1 as usize] = state.lefts[dep][0];
        at[DR1 as usize] = state.rights[dep][0];
        at[HL1 as usize] = state.lefts[head][0];
        at[HR1 as usize] = state.rights[head][0];
        Context { state, input, at }
    }

    pub fn at(&self, p: usize) -> usize {
        self.at[p]
    }

    /// The `W`, `P` and `U` of a word (`n` the root, anything above none), and a 0.
    #[inline]
    pub fn word(&self, i: usize) -> [u64; 4] {
        if i < self.state.n {
            let x = &self.input[i];
            [x.word, x.tag, x.upos, 0]
        } else if i == self.state.n {
            [ROOT_WORD, ROOT_WORD, ROOT_WORD, 0]
        } else {
            [ABSENT, ABSENT, ABSENT, 0]
        }
    }

    #[inline]
    fn value(&self, atom: Atom) -> u64 {
        let s = self.state;
        let at = |p: Pos| self.at[p as usize];
        match atom {
            W(p) => self.word(at(p))[0],
            P(p) => self.word(at(p))[1],
            U(p) => self.word(at(p))[2],
            Dist(a, b) => distance(at(a), at(b)),
            Dir => u64::from(at(D) < at(H)),
            L(p) | Lc(p) | Rc(p) | Ls(p) | Rs(p) => {
                let i = at(p);
                if i == NONE {
                    return if matches!(atom, Lc(_) | Rc(_)) {
                        99
                    } else {
                        ABSENT
                    };
                }
                match atom {
                    L(_) => u64::from(s.labels[i]),
                    Lc(_) => u64::from(s.left_count[i]),
                    Rc(_) => u64::from(s.right_count[i]),
                    Ls(_) => s.left_set[i],
                    _ => s.right_set[i],
                }
            }
        }
    }
}

/// Templates made ready, by number of atoms: each one's seed, and where its atoms' values
/// are in a list worked out once per configuration. Keys then cost a few multiplications
/// each, with no loop of unknown length.
#[derive(Clone, Default)]
struct Compiled {
    /// The table, in the bits of the keys that name it.
    table: u64,
    one: Vec<(u64, [u8; 1])>,
    two: Vec<(u64, [u8; 2])>,
    three: Vec<(u64, [u8; 3])>,
    four: Vec<(u64, [u8; 4])>,
    five: Vec<(u64, [u8; 5])>,
    none: Vec<u64>,
}

/// Keys of templates with `N` atoms; `M`, the length of the list of values, is a power of
/// two so that an index needs no bounds check.
#[inline]
fn keys_of<const N: usize, const M: usize>(
    templates: &[(u64, [u8; N])],
    values: &[u64; M],
    table: u64,
    out: &mut Vec<u64>,
) {
    out.extend(templates.iter().map(|&(seed, atoms)| {
        let mut h = seed;
        for a in atoms {
            h = hash::mix(h, values[a as usize % M]);
        }
        ((hash::finish(h) | 1) & !6) | table
    }));
}

impl Compiled {
    fn new(table: Table) -> Self {
        Compiled {
            table: (table as u64) << 1,
            ..Compiled::default()
        }
    }

    /// Add template number `t`, its atoms at `atoms` in the list of values.
    fn push(&mut self, t: usize, atoms: &[u8]) {
        let seed = hash::seed(t as u64 + 1);
        match *atoms {
            [] => self.none.push(seed),
            [a] => self.one.push((seed, [a])),
            [a, b] => self.two.push((seed, [a, b])),
            [a, b, c] => self.three.push((seed, [a, b, c])),
            [a, b, c, d] => self.four.push((seed, [a, b, c, d])),
            [a, b, c, d, e] => self.five.push((seed, [a, b, c, d, e])),
            _ => panic!("a template reads at most five values"),
        }
    }

    #[inline]
    fn keys<const M: usize>(&self, values: &[u64; M], out: &mut Vec<u64>) {
        out.extend(
            self.none
                .iter()
                .map(|&seed| ((hash::finish(seed) | 1) & !6) | self.table),
        );
        keys_of(&self.one, values, self.table, out);
        keys_of(&self.two, values, self.table, out);
        keys_of(&self.three, values, self.table, out);
        keys_of(&self.four, values, self.table, out);
        keys_of(&self.five, values, self.table, out);
    }
}

const MAX_ATOMS: usize = 64;

/// Templates compiled over a shared list of atoms.
struct Group {
    atoms: Vec<Atom>,
    templates: Compiled,
}

impl Group {
    fn new(templates: &[&[Atom]], table: Table, pick: &[usize]) -> Self {
        let mut atoms: Vec<Atom> = Vec::new();
        let mut compiled = Compiled::new(table);
        for &t in pick {
            let at: Vec<u8> = templates[t]
                .iter()
                .map(|a| {
                    let i = atoms.iter().position(|b| b == a);
                    i.unwrap_or_else(|| {
                        atoms.push(*a);
                        atoms.len() - 1
                    }) as u8
                })
                .collect();
            compiled.push(t, &at);
        }
        assert!(atoms.len() <= MAX_ATOMS, "too many atoms for one group");
        Group {
            atoms,
            templates: compiled,
        }
    }

    #[inline]
    fn keys(&self, cx: &Context, out: &mut Vec<u64>) {
        let mut values = [0u64; MAX_ATOMS];
        for (v, &a) in values.iter_mut().zip(&self.atoms) {
            *v = cx.value(a);
        }
        self.templates.keys(&values, out);
    }
}

/// The templates sorted by table, worked out once.
pub struct Plan {
    /// Each move position's token templates, over the word's `W`, `P`, `U`.
    token: Vec<Compiled>,
    hot: Group,
    cold: Group,
    label_hot: Group,
    label_cold: Group,
}

impl Plan {
    pub fn new() -> Self {
        let mut token = vec![Compiled::new(Table::Token); MOVE_POSITIONS];
        let (mut hot, mut cold) = (Vec::new(), Vec::new());
        for (t, tpl) in MOVES.iter().enumerate() {
            match Table::of(tpl, true) {
                Table::Token => {
                    let (W(p) | P(p) | U(p)) = tpl[0] else {
                        unreachable!("a token template reads a word")
                    };
                    let at: Vec<u8> = tpl
                        .iter()
                        .map(|a| match a {
                            W(_) => 0,
                            P(_) => 1,
                            _ => 2,
                        })
                        .collect();
                    token[p as usize].push(t, &at);
                }
                Table::Hot => hot.push(t),
                Table::Cold => cold.push(t),
            }
        }
        let (label_hot, label_cold): (Vec<usize>, Vec<usize>) =
            (0..LABELS.len()).partition(|&t| Table::of(LABELS[t], false) == Table::Hot);
        Plan {
            token,
            hot: Group::new(MOVES, Table::Hot, &hot),
            cold: Group::new(MOVES, Table::Cold, &cold),
            label_hot: Group::new(LABELS, Table::Hot, &label_hot),
            label_cold: Group::new(LABELS, Table::Cold, &label_cold),
        }
    }

    /// Every move feature of a configuration (training scores them all directly).
    pub fn all(&self, cx: &Context, out: &mut Vec<u64>) {
        out.clear();
        for (p, ts) in self.token.iter().enumerate() {
            ts.keys(&cx.word(cx.at(p)), out);
        }
        self.hot.keys(cx, out);
        self.cold.keys(cx, out);
    }

    /// The hot and the cold features of a configuration.
    pub fn moves(&self, cx: &Context, hot: &mut Vec<u64>, cold: &mut Vec<u64>) {
        hot.clear();
        cold.clear();
        self.hot.keys(cx, hot);
        self.cold.keys(cx, cold);
    }

    /// The token features of a word (its `W`, `P`, `U`) in position `p`, appended.
    pub fn token(&self, word: &[u64; 4], p: usize, out: &mut Vec<u64>) {
        self.token[p].keys(word, out);
    }

    /// The labeller's hot and cold features of an arc; all in `hot` if `cold` is `None`.
    pub fn labels(&self, cx: &Context, hot: &mut Vec<u64>, cold: Option<&mut Vec<u64>>) {
        hot.clear();
        self.label_hot.keys(cx, hot);
        match cold {
            Some(cold) => {
                cold.clear();
                self.label_cold.keys(cx, cold);
            }
            None => self.label_cold.keys(cx, hot),
        }
    }
}
