//! The arc-hybrid configuration (Kuhlmann et al. 2011), its moves, and the dynamic oracle's
//! costs (Goldberg & Nivre 2013).

pub const NONE: usize = usize::MAX;
pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;

/// A stack, a buffer of words, and the arcs built so far.
pub struct State {
    /// Words, the root last (index `n`).
    pub n: usize,
    pub stack: Vec<usize>,
    pub front: usize,
    pub heads: Vec<usize>,
    pub labels: Vec<u16>,
    /// The two nearest left and right children of each word, nearest first.
    pub lefts: Vec<[usize; 2]>,
    pub rights: Vec<[usize; 2]>,
    pub left_count: Vec<u8>,
    pub right_count: Vec<u8>,
    /// The labels of each word's left and right children, as bit sets.
    pub left_set: Vec<u64>,
    pub right_set: Vec<u64>,
}

impl State {
    pub fn new(n: usize) -> Self {
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

    pub fn done(&self) -> bool {
        self.stack.is_empty() && self.front == self.n
    }

    /// The `k`th word of the stack from the top.
    pub fn s(&self, k: usize) -> usize {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    /// The `k`th word of the buffer (the root is its last).
    pub fn b(&self, k: usize) -> usize {
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

    /// `SHIFT` pushes the first buffer word; `LEFT` makes it the head of the stack top and
    /// pops that; `RIGHT` makes the word below the top its head and pops it. Attaching to the
    /// root is allowed only for the last word left on the stack, so that every parse has
    /// exactly one root, as UD requires.
    pub fn legal(&self, mv: usize) -> bool {
        match mv {
            SHIFT => self.can_shift(),
            LEFT => self.can_left(),
            _ => self.can_right(),
        }
    }

    /// The only legal move, if there is only one.
    pub fn forced(&self) -> Option<usize> {
        let mut legal = (SHIFT..=RIGHT).filter(|&m| self.legal(m));
        let first = legal.next();
        if legal.next().is_none() { first } else { None }
    }

    /// The head and dependent of the arc that `LEFT` or `RIGHT` would make.
    pub fn arc_of(&self, mv: usize) -> (usize, usize) {
        if mv == LEFT {
            (self.front, self.s(0))
        } else {
            (self.s(1), self.s(0))
        }
    }

    pub fn apply(&mut self, mv: usize, label: u16) {
        if mv == SHIFT {
            self.stack.push(self.front);
            self.front += 1;
            return;
        }
        let (head, dep) = self.arc_of(mv);
        self.stack.pop();
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        // Arc-hybrid attaches children from the nearest outwards, on both sides.
        if dep < head {
            self.lefts[head] = [dep, self.lefts[head][0]];
            self.left_count[head] = self.left_count[head].saturating_add(1);
            self.left_set[head] |= bit;
        } else {
            self.rights[head] = [dep, self.rights[head][0]];
            self.right_count[head] = self.right_count[head].saturating_add(1);
            self.right_set[head] |= bit;
        }
    }

    /// Cost of each move: the gold arcs it makes unreachable (`gold` holds each word's head,
    /// `n` for the root).
    pub fn costs(&self, gold: &[usize]) -> [u32; 3] {
        let n = self.n;
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.front;
        let in_buffer = |x: usize| x != NONE && x >= b0;
        let mut out = [0; 3];
        if self.can_shift() {
            let mut shift = self.stack.iter().filter(|&&k| gold[k] == b0).count() as u32;
            let h = gold[b0];
            if h != s0 && self.stack.contains(&h) {
                shift += 1;
            }
            // A root word shifted onto others can never be the last on the stack.
            if h == n && !self.stack.is_empty() {
                shift += 1;
            }
            out[SHIFT] = shift;
        }
        // Gold children of s0 still in the buffer are lost by either reduction.
        let lost_children = if s0 == NONE {
            0
        } else {
            (b0..n).filter(|&d| gold[d] == s0).count() as u32
        };
        if self.can_left() {
            let h = gold[s0];
            let head_lost =
                h != b0 && (h == s1 || (in_buffer(h) && (h != n || self.stack.len() == 1)));
            out[LEFT] = lost_children + u32::from(head_lost);
        }
        if self.can_right() {
            let h = gold[s0];
            out[RIGHT] = lost_children + u32::from(in_buffer(h) && h != n);
        }
        out
    }

    /// Each word's head (0 for the root, else 1-based) and label.
    pub fn output(&self) -> Vec<(usize, u16)> {
        (0..self.n)
            .map(|i| {
                let h = self.heads[i];
                let head = if h == self.n { 0 } else { h + 1 };
                (head, self.labels[i])
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the zero-cost moves rebuilds any projective tree exactly.
    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "The jury convicted the man": heads 1-based, 0 root.
        let trees: [&[usize]; 3] = [&[2, 3, 0, 5, 3], &[0], &[3, 3, 0, 3, 6, 4]];
        for heads in trees {
            let n = heads.len();
            let gold: Vec<usize> = heads
                .iter()
                .map(|&h| if h == 0 { n } else { h - 1 })
                .collect();
            let mut s = State::new(n);
            while !s.done() {
                let cost = s.costs(&gold);
                let m = (0..3)
                    .find(|&m| s.legal(m) && cost[m] == 0)
                    .expect("a zero-cost move exists for a projective tree");
                s.apply(m, 0);
            }
            let got: Vec<usize> = s.output().iter().map(|p| p.0).collect();
            assert_eq!(got, heads);
        }
    }
}
