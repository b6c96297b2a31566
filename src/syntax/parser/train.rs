//! Training the parser: both perceptrons learn together, following the moves of the
//! dynamic oracle (Goldberg & Nivre 2013) or, with exploration, the parser's own mistakes.

use rayon::prelude::*;

use super::features::{Context, Plan, Table};
use super::state::{SHIFT, State};
use super::{Input, Parser};
use crate::syntax::compact::{CLASSES, Compact};
use crate::syntax::perceptron::{Trainer, best, quantize};
use crate::syntax::train::Rng;
use crate::syntax::weights::Weights;

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
    /// Averaged weights below this (in units of one update) are dropped.
    pub prune: f64,
    /// From this epoch on, a wrong move is followed with probability `explore`.
    pub explore_from: usize,
    pub explore: f64,
    /// Parsers trained side by side from different seeds, whose weights are averaged.
    pub ensemble: usize,
}

/// The labeller's pruning threshold, relative to the moves'.
const LABEL_PRUNE: f64 = 0.5;

/// The parser of the weights learnt so far: the mean of the members'.
fn freeze(labels: &[String], root: usize, members: &[Member], prune: f64) -> Parser {
    let moves: Vec<&Trainer> = members.iter().map(|m| &m.moves).collect();
    let (_, rows) = quantize(&moves, prune);
    let mut tables: [Vec<(u64, [i16; CLASSES])>; 3] = Default::default();
    for (key, cells) in rows {
        let mut row = [0i16; CLASSES];
        for (c, w) in cells {
            row[c as usize] = w;
        }
        if row != [0; CLASSES] {
            tables[Table::of_key(key) as usize].push((key, row));
        }
    }
    let labeller: Vec<&Trainer> = members.iter().map(|m| &m.labeller).collect();
    // The labeller learns from one update per arc, the moves from one per move and more
    // features: its weights are smaller, and pruned less.
    let (scale, rows) = quantize(&labeller, prune * LABEL_PRUNE);
    let (hot, cold): (Vec<_>, Vec<_>) = rows
        .into_iter()
        .partition(|(k, _)| Table::of_key(*k) == Table::Hot);
    Parser {
        labels: labels.to_vec(),
        root,
        plan: Plan::new(),
        token: Compact::build(&tables[0]),
        hot: Compact::build(&tables[1]),
        cold: Compact::build(&tables[2]),
        labeller: [
            Weights::build(labels.len(), scale, hot),
            Weights::build(labels.len(), scale, cold),
        ],
    }
}

/// One parser being trained.
struct Member {
    moves: Trainer,
    labeller: Trainer,
    rng: Rng,
    order: Vec<usize>,
}

/// The gold tree of a sentence: heads (`n` for the root) and labels.
type Gold = (Vec<usize>, Vec<u16>);

impl Member {
    /// One pass over the examples.
    fn epoch(
        &mut self,
        plan: &Plan,
        examples: &[Example],
        gold: &[Gold],
        root: usize,
        epoch: usize,
        settings: &Settings,
    ) {
        let mut feats = Vec::new();
        let mut label_feats = Vec::new();
        let mut scores = [0f32; CLASSES];
        let mut label_scores = vec![0f32; self.labeller.classes()];
        self.rng.shuffle(&mut self.order);
        for &e in &self.order {
            let input = &examples[e].input;
            let (heads, ls) = &gold[e];
            let mut state = State::new(input.len());
            while !state.done() {
                plan.all(&Context::of_state(&state, input), &mut feats);
                self.moves.score(&feats, &mut scores);
                let cost = state.costs(heads);
                let ok = |m: usize| state.legal(m);
                let guess = best(&scores, ok).expect("a legal move");
                let least = (0..CLASSES).filter(|&m| ok(m)).map(|m| cost[m]).min();
                let truth = best(&scores, |m| ok(m) && Some(cost[m]) == least).expect("legal");
                self.moves.update(&feats, truth, guess);
                self.moves.tick();
                let follow = cost[guess] == cost[truth]
                    || (epoch >= settings.explore_from && self.rng.unit() < settings.explore);
                let mv = if follow { guess } else { truth };
                let mut label = root as u16;
                if mv != SHIFT {
                    let (head, dep) = state.arc_of(mv);
                    if head != state.n {
                        let cx = Context::of_arc(&state, input, head, dep);
                        plan.labels(&cx, &mut label_feats, None);
                        self.labeller.score(&label_feats, &mut label_scores);
                        let guess = best(&label_scores, |l| l != root).expect("labels");
                        if heads[dep] == head {
                            self.labeller.update(&label_feats, ls[dep] as usize, guess);
                            self.labeller.tick();
                        }
                        label = guess as u16;
                    }
                }
                state.apply(mv, label);
            }
        }
    }
}

/// A parser with no weights.
#[cfg(test)]
pub fn empty(labels: Vec<String>) -> Parser {
    let root = labels
        .iter()
        .position(|l| l == "root")
        .expect("a root label");
    let member = Member {
        moves: Trainer::new(CLASSES),
        labeller: Trainer::new(labels.len()),
        rng: Rng::new(0),
        order: Vec::new(),
    };
    freeze(&labels, root, &[member], 0.0)
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
    let root = names.iter().position(|l| l == "root").expect("pushed");
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
    let plan = Plan::new();
    let mut members: Vec<Member> = (0..settings.ensemble.max(1) as u64)
        .map(|k| Member {
            moves: Trainer::new(CLASSES),
            labeller: Trainer::new(names.len()),
            rng: Rng::new(settings.seed.wrapping_add(k)),
            order: (0..examples.len()).collect(),
        })
        .collect();
    let mut model = None;
    for epoch in 1..=settings.epochs {
        // Members are independent (each its own seed and weights): trained in parallel, the
        // result is the same at any thread count.
        members
            .par_iter_mut()
            .for_each(|m| m.epoch(&plan, examples, &gold, root, epoch, settings));
        let parser = freeze(&names, root, &members, settings.prune);
        report(epoch, &parser);
        model = Some(parser);
    }
    model.expect("at least one epoch")
}
