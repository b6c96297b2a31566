//! Dependency parsing: the arc-hybrid transition system (Kuhlmann et al. 2011), greedy, with
//! two averaged perceptrons: one chooses among the three moves, the other labels each arc
//! as it is made. Trained with the dynamic oracle and exploration of Goldberg & Nivre (2013).
//!
//! The root sits after the last word (Ballesteros & Nivre 2013), so that it is attached last
//! ([`state`]). Moves are unlabelled so that a move's weights are three numbers, one cache
//! load; the labeller runs once per arc, and labels are known to the features of later
//! moves. Feature templates are listed in [`features`].

mod features;
mod state;
mod train;

pub use train::{Example, Settings, train};

use super::codec::{Reader, Writer};
use super::compact::{CLASSES, Compact};
use super::perceptron::best;
use super::weights::Weights;
use features::{Context, MOVE_POSITIONS, Plan};
use state::{NONE, SHIFT, State};

/// What the parser knows of each word: its word feature and its tags.
#[derive(Clone, Copy)]
pub struct Input {
    pub word: u64,
    /// The XPOS.
    pub tag: u64,
    /// The UPOS: coarser, so that combinations of several words are seen often enough.
    pub upos: u64,
}

/// A trained parser.
pub struct Parser {
    labels: Vec<String>,
    root: usize,
    plan: Plan,
    /// The moves' weights, by table (see [`features`]).
    token: Compact,
    hot: Compact,
    cold: Compact,
    /// The labeller's weights: hot then cold features, in the same units.
    labeller: [Weights; 2],
}

/// A parse: for each word, its head (0 for the root, else 1-based) and its label.
pub type Parse = Vec<(usize, u16)>;

/// Scratch space, reused from move to move.
struct Scratch {
    hot: Vec<u64>,
    cold: Vec<u64>,
    label_scores: Vec<i32>,
}

impl Parser {
    /// Features kept: of the moves' token, hot and cold tables, and of the labeller.
    pub fn size(&self) -> [usize; 4] {
        [
            self.token.len(),
            self.hot.len(),
            self.cold.len(),
            self.labeller[0].size().0 + self.labeller[1].size().0,
        ]
    }

    pub fn label(&self, l: u16) -> &str {
        &self.labels[l as usize]
    }

    /// The label of a new arc: `root` exactly for the root's.
    fn choose_label(
        &self,
        state: &State,
        input: &[Input],
        (head, dep): (usize, usize),
        scratch: &mut Scratch,
    ) -> u16 {
        if head == state.n {
            return self.root as u16;
        }
        let cx = Context::of_arc(state, input, head, dep);
        let (hot, cold) = (&mut scratch.hot, &mut scratch.cold);
        self.plan.labels(&cx, hot, Some(&mut *cold));
        let scores = &mut scratch.label_scores;
        scores.iter_mut().for_each(|s| *s = 0);
        // As for the moves: the cold rows are asked for first.
        self.labeller[1].prefetch(cold);
        self.labeller[0].add_rows(hot, scores);
        self.labeller[1].add_rows(cold, scores);
        best(scores, |l| l != self.root).expect("labels besides root") as u16
    }

    /// The summed token weights of every word (the root `n`, none `n + 1`) in every
    /// position, `MOVE_POSITIONS` rows per word.
    fn token_sums(&self, state: &State, input: &[Input]) -> Vec<[i32; CLASSES]> {
        let words = state.n + 2;
        let cx = Context::of_state(state, input);
        let mut keys = Vec::with_capacity(words * 40);
        let mut ends = Vec::with_capacity(words * MOVE_POSITIONS);
        for i in 0..words {
            let word = cx.word(i);
            for p in 0..MOVE_POSITIONS {
                self.plan.token(&word, p, &mut keys);
                ends.push(keys.len());
            }
        }
        let mut rows = Vec::with_capacity(keys.len());
        self.token.rows(&keys, &mut rows);
        let mut start = 0;
        ends.iter()
            .map(|&end| {
                let mut sum = [0i32; CLASSES];
                for row in &rows[start..end] {
                    for c in 0..CLASSES {
                        sum[c] += i32::from(row[c]);
                    }
                }
                start = end;
                sum
            })
            .collect()
    }

    /// The best legal move by the moves' weights.
    fn choose_move(
        &self,
        state: &State,
        input: &[Input],
        sums: &[[i32; CLASSES]],
        scratch: &mut Scratch,
    ) -> usize {
        let n = state.n;
        let cx = Context::of_state(state, input);
        self.plan.moves(&cx, &mut scratch.hot, &mut scratch.cold);
        // The cold rows are the likeliest misses: asked for first, they arrive meanwhile.
        self.cold.prefetch(&scratch.cold);
        let mut scores = [0i32; CLASSES];
        for p in 0..MOVE_POSITIONS {
            let i = match cx.at(p) {
                NONE => n + 1,
                i => i,
            };
            let row = &sums[i * MOVE_POSITIONS + p];
            for c in 0..CLASSES {
                scores[c] += row[c];
            }
        }
        self.hot.add(&scratch.hot, &mut scores);
        self.cold.add(&scratch.cold, &mut scores);
        best(&scores, |m| state.legal(m))
            .expect("a configuration that is not final has a legal move")
    }

    pub fn parse(&self, input: &[Input]) -> Parse {
        let n = input.len();
        let mut state = State::new(n);
        let sums = self.token_sums(&state, input);
        let mut scratch = Scratch {
            hot: Vec::with_capacity(64),
            cold: Vec::with_capacity(32),
            label_scores: vec![0; self.labels.len()],
        };
        while !state.done() {
            // A configuration with one legal move (an empty stack, say) needs no scores.
            let mv = match state.forced() {
                Some(mv) => mv,
                None => self.choose_move(&state, input, &sums, &mut scratch),
            };
            let mut label = 0;
            if mv != SHIFT {
                label = self.choose_label(&state, input, state.arc_of(mv), &mut scratch);
            }
            state.apply(mv, label);
        }
        state.output()
    }

    /// A finite verb with no subject of its own cannot modify a noun (UD's `acl` is for
    /// participles and infinitives): read so, under a root that is no verb ("Some of the
    /// biggest gains came in ...", "Two of the men were ..." hung under "Some", "Two"), it
    /// is the sentence's verb, and the root's phrase its subject. Greedy parsing makes this
    /// error when a quantifier's "of" phrase comes before the verb.
    pub fn finite_clauses(&self, parse: &mut Parse, xpos: &[&str]) {
        // Most sentences have a verb at the root: nothing to look up for them.
        let Some(root) = parse.iter().position(|&(h, _)| h == 0) else {
            return;
        };
        if xpos[root].starts_with("VB") || xpos[root] == "MD" {
            return;
        }
        let id = |name: &str| self.labels.iter().position(|l| l == name).map(|i| i as u16);
        let (Some(acl), Some(nsubj), Some(nmod)) = (id("acl"), id("nsubj"), id("nmod")) else {
            return;
        };
        let children = |w: usize, parse: &Parse| -> Vec<usize> {
            (0..parse.len()).filter(|&c| parse[c].0 == w + 1).collect()
        };
        let subject = |w: usize, parse: &Parse| {
            children(w, parse)
                .iter()
                .any(|&c| self.labels[parse[c].1 as usize].starts_with("nsubj"))
        };
        let finite = |w: usize, parse: &Parse| {
            matches!(xpos[w], "VBD" | "VBZ" | "VBP")
                || children(w, parse).iter().any(|&c| {
                    self.labels[parse[c].1 as usize].starts_with("aux")
                        && matches!(xpos[c], "VBD" | "VBZ" | "VBP" | "MD")
                })
        };
        let Some(verb) = (root + 1..parse.len()).find(|&v| {
            parse[v].1 == acl
                && xpos[v].starts_with("VB")
                && finite(v, parse)
                && !subject(v, parse)
                // Its noun lies in the root's phrase, reached through "of" phrases.
                && {
                    let mut h = parse[v].0 - 1;
                    while parse[h].1 == nmod && parse[h].0 != 0 {
                        h = parse[h].0 - 1;
                    }
                    h == root
                }
        }) else {
            return;
        };
        // The root's own punctuation and words after the verb go with the verb.
        let root_label = parse[root].1;
        for c in children(root, parse) {
            if c > verb {
                parse[c].0 = verb + 1;
            }
        }
        parse[verb] = (0, root_label);
        parse[root] = (verb + 1, nsubj);
    }

    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.labels);
        self.token.write(w);
        self.hot.write(w);
        self.cold.write(w);
        self.labeller[0].write(w);
        self.labeller[1].write(w);
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let labels = r.strs()?;
        let root = labels
            .iter()
            .position(|l| l == "root")
            .ok_or("model corrupt: no root label")?;
        let token = Compact::read(r)?;
        let hot = Compact::read(r)?;
        let cold = Compact::read(r)?;
        let labeller = [Weights::read(r)?, Weights::read(r)?];
        if labeller.iter().any(|w| w.classes() != labels.len()) {
            return Err("model corrupt: labeller classes disagree".into());
        }
        Ok(Parser {
            labels,
            root,
            plan: Plan::new(),
            token,
            hot,
            cold,
            labeller,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parse_has_exactly_one_root() {
        // With no weights every score ties; legality alone must still give one root.
        let p = train::empty(vec!["dep".into(), "root".into()]);
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
