//! Dependency parsing: the arc-hybrid transition system (Kuhlmann et al. 2011) with labelled
//! arcs, a greedy averaged perceptron, trained with the dynamic oracle and exploration of
//! Goldberg & Nivre (2013).
//!
//! The configuration is a stack, a buffer of words, and the arcs built so far. The root sits
//! after the last word (Ballesteros & Nivre 2013), so that it is attached last. Moves:
//! `SHIFT` pushes the first buffer word; `LEFT(l)` makes the first buffer word the head of
//! the stack top and pops it; `RIGHT(l)` makes the word below the top its head and pops it.
//! Attaching to the root is allowed only for the last word left on the stack, so that every
//! parse has exactly one root, as UD requires.
//!
//! Feature templates (Zhang & Nivre 2011, adapted to arc-hybrid), over `s0 s1 s2` (stack,
//! top first), `b0 b1 b2` (buffer), the leftmost and rightmost children `L1 L2 R1 R2` of `s0`
//! and of `b0`; `W` a word, `P` its XPOS, `L` the label of its arc:
//!
//! | group | templates |
//! | --- | --- |
//! | single words | `W P WP` of s0 s1 b0 b1; `P` of s2; `W P` of b2 |
//! | children | `W P L` of s0L1 s0R1 b0L1; `P L` of s0L2 s0R2 b0L2 s1R1; `P` of s1L1 |
//! | pairs | s0·b0 in six combinations of `W`, `P`, `WP`; b0P b1P; s1·s0 as `P P` and `W W`; s1P b0P |
//! | triples | b0 b1 b2; s0 b0 b1; s1 s0 b0; s2 s1 s0; s0 with its children and b0; b0 with its children |
//! | distance | s0 to b0 (with s0W, s0P, b0W, b0P, s0P b0P); s1 to s0 with s1P s0P |
//! | valency | left and right child counts of s0, left count of b0, right count of s1 |
//! | label sets | the labels of s0's left and right children and b0's left children, with W and P |

use super::codec::{Reader, Writer};
use super::hash;
use super::perceptron::{Trainer, Weights, best};

const NONE: usize = usize::MAX;
const SHIFT: usize = 0;

/// Values of absent positions and of the root.
const ABSENT: u64 = 0x0ab5_e4e7;
const ROOT_WORD: u64 = 0x2007;

/// What the parser knows of each word: its word feature and its tag.
#[derive(Clone, Copy)]
pub struct Input {
    pub word: u64,
    /// The XPOS.
    pub tag: u64,
    /// The UPOS: coarser, so that combinations of several words are seen often enough.
    pub upos: u64,
}

struct State {
    /// Words, the root last (index `n`).
    n: usize,
    stack: Vec<usize>,
    front: usize,
    heads: Vec<usize>,
    labels: Vec<u16>,
    lefts: Vec<[usize; 2]>,
    rights: Vec<[usize; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
    left_set: Vec<u64>,
    right_set: Vec<u64>,
}

impl State {
    fn new(n: usize) -> Self {
        State {
            n,
            stack: Vec::with_capacity(n),
            front: 0,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            left_count: vec![0; n + 1],
            right_count: vec![0; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
        }
    }

    fn done(&self) -> bool {
        self.stack.is_empty() && self.front == self.n
    }

    fn s(&self, k: usize) -> usize {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    fn b(&self, k: usize) -> usize {
        let i = self.front + k;
        if i <= self.n { i } else { NONE }
    }

    fn can_shift(&self) -> bool {
        self.front < self.n
    }
    fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.front < self.n || self.stack.len() == 1)
    }
    fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    fn arc(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            // Arc-hybrid attaches left children from the nearest outwards.
            self.lefts[head] = [dep, self.lefts[head][0]];
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_set[head] |= bit;
        } else {
            // ...and right children from the nearest outwards too.
            self.rights[head] = [dep, self.rights[head][0]];
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_set[head] |= bit;
        }
    }

    fn apply(&mut self, class: usize, labels: usize) {
        if class == SHIFT {
            self.stack.push(self.front);
            self.front += 1;
        } else if class <= labels {
            let dep = self.stack.pop().expect("LEFT needs a stack");
            self.arc(self.front, dep, (class - 1) as u16);
        } else {
            let dep = self.stack.pop().expect("RIGHT needs two on the stack");
            let head = *self.stack.last().expect("RIGHT needs two on the stack");
            self.arc(head, dep, (class - 1 - labels) as u16);
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

fn features(state: &State, input: &[Input], out: &mut Vec<u64>) {
    out.clear();
    let n = state.n;
    let w = |i: usize| match i {
        NONE => ABSENT,
        i if i == n => ROOT_WORD,
        i => input[i].word,
    };
    let p = |i: usize| match i {
        NONE => ABSENT,
        i if i == n => ROOT_WORD,
        i => input[i].tag,
    };
    let u = |i: usize| match i {
        NONE => ABSENT,
        i if i == n => ROOT_WORD,
        i => input[i].upos,
    };
    let l = |i: usize| {
        if i == NONE {
            ABSENT
        } else {
            u64::from(state.labels[i])
        }
    };
    let child = |i: usize, v: &[[usize; 2]], k: usize| if i == NONE { NONE } else { v[i][k] };
    let (s0, s1, s2) = (state.s(0), state.s(1), state.s(2));
    let (b0, b1, b2) = (state.b(0), state.b(1), state.b(2));
    let (s0l1, s0l2) = (child(s0, &state.lefts, 0), child(s0, &state.lefts, 1));
    let (s0r1, s0r2) = (child(s0, &state.rights, 0), child(s0, &state.rights, 1));
    let (b0l1, b0l2) = (child(b0, &state.lefts, 0), child(b0, &state.lefts, 1));
    let s1l1 = child(s1, &state.lefts, 0);
    let s1r1 = child(s1, &state.rights, 0);
    let count = |i: usize, v: &[u8]| if i == NONE { 99 } else { u64::from(v[i]) };
    let set = |i: usize, v: &[u64]| if i == NONE { ABSENT } else { v[i] };

    let (s0w, s0p, s1w, s1p, b0w, b0p) = (w(s0), p(s0), w(s1), p(s1), w(b0), p(b0));
    let mut t = 0u64;
    let mut f = |v: &[u64]| {
        t += 1;
        out.push(hash::key(t, v));
    };
    f(&[]);
    // Single words.
    for (wi, pi) in [(s0w, s0p), (s1w, s1p), (b0w, b0p), (w(b1), p(b1))] {
        f(&[wi]);
        f(&[pi]);
        f(&[wi, pi]);
    }
    f(&[p(s2)]);
    f(&[w(b2)]);
    f(&[p(b2)]);
    // Children.
    for c in [s0l1, s0r1, b0l1] {
        f(&[w(c)]);
        f(&[p(c)]);
        f(&[l(c)]);
    }
    for c in [s0l2, s0r2, b0l2, s1r1] {
        f(&[p(c)]);
        f(&[l(c)]);
    }
    f(&[p(s1l1)]);
    // Pairs.
    f(&[s0w, s0p, b0w, b0p]);
    f(&[s0w, s0p, b0w]);
    f(&[s0w, b0w, b0p]);
    f(&[s0w, s0p, b0p]);
    f(&[s0p, b0w, b0p]);
    f(&[s0w, b0w]);
    f(&[s0p, b0p]);
    f(&[b0p, p(b1)]);
    f(&[s1p, s0p]);
    f(&[s1w, s0w]);
    f(&[s1p, b0p]);
    // Triples.
    f(&[b0p, p(b1), p(b2)]);
    f(&[s0p, b0p, p(b1)]);
    f(&[s1p, s0p, b0p]);
    f(&[p(s2), s1p, s0p]);
    f(&[s0p, p(s0l1), b0p]);
    f(&[s0p, p(s0r1), b0p]);
    f(&[s0p, b0p, p(b0l1)]);
    f(&[s1p, s0p, p(s0l1)]);
    f(&[s1p, p(s1r1), s0p]);
    f(&[s0p, p(s0l1), p(s0l2)]);
    f(&[s0p, p(s0r1), p(s0r2)]);
    f(&[b0p, p(b0l1), p(b0l2)]);
    // Coarse tags.
    let (s0u, s1u, b0u, b1u) = (u(s0), u(s1), u(b0), u(b1));
    f(&[s0u]);
    f(&[b0u]);
    f(&[s0u, b0u]);
    f(&[s1u, s0u, b0u]);
    f(&[s0u, b0u, b1u]);
    f(&[b0u, b1u, u(b2)]);
    f(&[u(s2), s1u, s0u]);
    f(&[s0w, s0u, b0u]);
    f(&[s0u, b0w, b0u]);
    f(&[s0u, u(s0l1), b0u]);
    f(&[s0u, u(s0r1), b0u]);
    f(&[s0u, b0u, u(b0l1)]);
    f(&[s0u, b0u, distance(s0, b0)]);
    // Distance.
    let d = distance(s0, b0);
    f(&[s0w, d]);
    f(&[s0p, d]);
    f(&[b0w, d]);
    f(&[b0p, d]);
    f(&[s0p, b0p, d]);
    f(&[s1p, s0p, distance(s1, s0)]);
    // Valency.
    f(&[s0w, count(s0, &state.left_count)]);
    f(&[s0p, count(s0, &state.left_count)]);
    f(&[s0w, count(s0, &state.right_count)]);
    f(&[s0p, count(s0, &state.right_count)]);
    f(&[b0w, count(b0, &state.left_count)]);
    f(&[b0p, count(b0, &state.left_count)]);
    f(&[s1p, count(s1, &state.right_count)]);
    // Label sets.
    f(&[s0w, set(s0, &state.left_set)]);
    f(&[s0p, set(s0, &state.left_set)]);
    f(&[s0w, set(s0, &state.right_set)]);
    f(&[s0p, set(s0, &state.right_set)]);
    f(&[b0w, set(b0, &state.left_set)]);
    f(&[b0p, set(b0, &state.left_set)]);
}

/// Which moves are legal: `LEFT(root)` exactly when attaching the last word to the root,
/// no other arc labelled `root`.
fn legal(state: &State, class: usize, labels: usize, root: usize) -> bool {
    if class == SHIFT {
        return state.can_shift();
    }
    let (right, label) = if class <= labels {
        (false, class - 1)
    } else {
        (true, class - 1 - labels)
    };
    if right {
        state.can_right() && label != root
    } else {
        state.can_left() && ((state.front == state.n) == (label == root))
    }
}

/// A trained parser.
pub struct Parser {
    labels: Vec<String>,
    root: usize,
    weights: Weights,
}

/// A parse: for each word, its head (0 for the root, else 1-based) and its label.
pub type Parse = Vec<(usize, u16)>;

impl Parser {
    /// Features kept and (feature, class) weights.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    pub fn label(&self, l: u16) -> &str {
        &self.labels[l as usize]
    }

    pub fn parse(&self, input: &[Input]) -> Parse {
        let labels = self.labels.len();
        let mut state = State::new(input.len());
        let mut feats = Vec::with_capacity(96);
        let mut scores = vec![0i32; self.weights.classes()];
        while !state.done() {
            features(&state, input, &mut feats);
            self.weights.score(&feats, &mut scores);
            let class = best(&scores, |c| legal(&state, c, labels, self.root))
                .expect("a configuration that is not final has a legal move");
            state.apply(class, labels);
        }
        output(&state)
    }

    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.labels);
        self.weights.write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let labels = r.strs()?;
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or("model corrupt: no root label")?;
        let weights = Weights::read(r)?;
        if weights.classes() != 1 + 2 * labels.len() {
            return Err("model corrupt: parser classes disagree".into());
        }
        Ok(Parser {
            labels,
            root,
            weights,
        })
    }
}

fn output(state: &State) -> Parse {
    (0..state.n)
        .map(|i| {
            let h = state.heads[i];
            let head = if h == state.n { 0 } else { h + 1 };
            (head, state.labels[i])
        })
        .collect()
}

/// One training sentence: the parser's input (with the tags it will see at run time) and the
/// gold heads (0 for the root, else 1-based) and labels.
pub struct Example {
    pub input: Vec<Input>,
    pub heads: Vec<usize>,
    pub labels: Vec<String>,
}

pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    pub prune: f64,
    /// From this epoch on, a wrong move is followed with probability `explore`.
    pub explore_from: usize,
    pub explore: f64,
}

/// Cost of each move: the gold arcs it makes unreachable (Goldberg & Nivre 2013, arc-hybrid),
/// plus one for a right arc with a wrong label.
fn costs(state: &State, gold: &[usize], gold_labels: &[u16], labels: usize, out: &mut [u32]) {
    let n = state.n;
    let s0 = state.s(0);
    let s1 = state.s(1);
    let b0 = state.front;
    let in_buffer = |x: usize| x != NONE && x >= b0;
    // Gold children of s0 still in the buffer are lost by either reduction.
    let buffer_children = |x: usize| {
        if x == NONE {
            return 0;
        }
        (b0..n).filter(|&d| gold[d] == x).count() as u32
    };
    let mut shift = 0;
    if state.can_shift() {
        shift = state.stack.iter().filter(|&&k| gold[k] == b0).count() as u32;
        let h = gold[b0];
        if h != s0 && state.stack.contains(&h) {
            shift += 1;
        }
        // A root word shifted onto others can never be the last on the stack.
        if h == n && !state.stack.is_empty() {
            shift += 1;
        }
    }
    out[SHIFT] = shift;
    let lost_children = buffer_children(s0);
    let left = if state.can_left() {
        let h = gold[s0];
        let head_lost =
            h != b0 && (h == s1 || (in_buffer(h) && (h != n || state.stack.len() == 1)));
        lost_children + u32::from(head_lost)
    } else {
        0
    };
    let right = if state.can_right() {
        let h = gold[s0];
        lost_children + u32::from(in_buffer(h) && h != n)
    } else {
        0
    };
    for l in 0..labels {
        let wrong =
            |head: usize| u32::from(s0 != NONE && gold[s0] == head && gold_labels[s0] != l as u16);
        out[1 + l] = left + wrong(b0);
        out[1 + labels + l] = right + wrong(s1);
    }
}

/// Train a parser; `report` is called after each epoch with the model so far.
pub fn train(
    examples: &[Example],
    settings: &Settings,
    mut report: impl FnMut(usize, &Parser),
) -> Parser {
    let mut names: Vec<String> = examples
        .iter()
        .flat_map(|e| e.labels.iter().cloned())
        .collect();
    names.push("root".into());
    names.sort_unstable();
    names.dedup();
    let labels = names.len();
    let root = names.iter().position(|l| l == "root").expect("pushed");
    let classes = 1 + 2 * labels;
    let gold: Vec<(Vec<usize>, Vec<u16>)> = examples
        .iter()
        .map(|e| {
            let n = e.input.len();
            let heads = e
                .heads
                .iter()
                .map(|&h| if h == 0 { n } else { h - 1 })
                .collect();
            let ls = e
                .labels
                .iter()
                .map(|l| names.binary_search(l).expect("collected") as u16)
                .collect();
            (heads, ls)
        })
        .collect();
    let mut trainer = Trainer::new(classes);
    let mut rng = super::train::Rng::new(settings.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; classes];
    let mut cost = vec![0u32; classes];
    let mut model = None;
    for epoch in 1..=settings.epochs {
        rng.shuffle(&mut order);
        for &e in &order {
            let input = &examples[e].input;
            let (heads, ls) = &gold[e];
            let mut state = State::new(input.len());
            while !state.done() {
                features(&state, input, &mut feats);
                trainer.score(&feats, &mut scores);
                costs(&state, heads, ls, labels, &mut cost);
                let ok = |c: usize| legal(&state, c, labels, root);
                let guess = best(&scores, ok).expect("a legal move");
                let least = (0..classes)
                    .filter(|&c| ok(c))
                    .map(|c| cost[c])
                    .min()
                    .unwrap_or(0);
                let truth = best(&scores, |c| ok(c) && cost[c] == least).expect("a legal move");
                trainer.update(&feats, truth, guess);
                trainer.tick();
                let follow = cost[guess] == least
                    || (epoch >= settings.explore_from && rng.unit() < settings.explore);
                state.apply(if follow { guess } else { truth }, labels);
            }
        }
        let parser = Parser {
            labels: names.clone(),
            root,
            weights: trainer.freeze(settings.prune),
        };
        report(epoch, &parser);
        model = Some(parser);
    }
    model.expect("at least one epoch")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_after(n: usize, moves: &[usize], labels: usize) -> State {
        let mut s = State::new(n);
        for &m in moves {
            s.apply(m, labels);
        }
        s
    }

    /// Following the zero-cost moves rebuilds any projective tree exactly.
    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "The jury convicted the man": heads 1-based, 0 root.
        let trees: [&[usize]; 3] = [&[2, 3, 0, 5, 3], &[0], &[3, 3, 0, 3, 6, 4]];
        let labels = 3; // 0 dep, 1 other, 2 root
        for heads in trees {
            let n = heads.len();
            let gold: Vec<usize> = heads
                .iter()
                .map(|&h| if h == 0 { n } else { h - 1 })
                .collect();
            let gl: Vec<u16> = heads.iter().map(|&h| if h == 0 { 2 } else { 0 }).collect();
            let mut s = State::new(n);
            let mut cost = vec![0; 1 + 2 * labels];
            while !s.done() {
                costs(&s, &gold, &gl, labels, &mut cost);
                let c = (0..cost.len())
                    .find(|&c| legal(&s, c, labels, 2) && cost[c] == 0)
                    .expect("a zero-cost move exists for a projective tree");
                s.apply(c, labels);
            }
            let got: Vec<usize> = output(&s).iter().map(|p| p.0).collect();
            assert_eq!(got, heads);
        }
    }

    #[test]
    fn a_parse_has_exactly_one_root() {
        // With no weights every score ties; legality alone must still give one root.
        let s = state_after(0, &[], 1);
        assert!(s.done());
        let p = Parser {
            labels: vec!["dep".into(), "root".into()],
            root: 1,
            weights: Trainer::new(5).freeze(0.0),
        };
        let input = vec![
            Input {
                word: 1,
                tag: 2,
                upos: 3
            };
            7
        ];
        let parse = p.parse(&input);
        assert_eq!(parse.iter().filter(|x| x.0 == 0).count(), 1);
        assert!(parse.iter().all(|&(h, l)| (h == 0) == (l == 1)));
    }
}
