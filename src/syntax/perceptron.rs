//! The averaged perceptron (Collins 2002) over hashed sparse features.
//!
//! Training keeps, for every feature, the classes it has been updated for, with the running
//! weight and the lazily accumulated sum that averaging needs. A trained model is frozen:
//! the averaged weights, pruned of those too small to matter, quantised, and stored in a
//! table for scoring ([`Weights`], or [`super::compact::Compact`] for three classes).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::weights::Weights;

/// Feature keys are already hashes: use them as they are.
#[derive(Default)]
pub struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// A map from feature keys or other hashes.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

struct Cell {
    class: u16,
    weight: f32,
    /// Sum of the weight over all steps up to `stamp`.
    total: f64,
    stamp: u64,
}

/// Weights being learnt.
pub struct Trainer {
    classes: usize,
    index: KeyMap<u32>,
    rows: Vec<Vec<Cell>>,
    /// Training instances seen: the clock of the averaging.
    now: u64,
}

impl Trainer {
    pub fn new(classes: usize) -> Self {
        Trainer {
            classes,
            index: KeyMap::default(),
            rows: Vec::new(),
            now: 0,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Current (not averaged) scores of every class.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for c in &self.rows[row as usize] {
                    scores[c.class as usize] += c.weight;
                }
            }
        }
    }

    /// One training instance has been scored: advance the clock.
    pub fn tick(&mut self) {
        self.now += 1;
    }

    /// Move weight from the guessed class to the true one.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        let now = self.now;
        for &f in features {
            let next = self.rows.len() as u32;
            let row = *self.index.entry(f).or_insert(next);
            if row == next {
                self.rows.push(Vec::new());
            }
            let cells = &mut self.rows[row as usize];
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let cell = match cells.iter().position(|c| c.class as usize == class) {
                    Some(i) => &mut cells[i],
                    None => {
                        cells.push(Cell {
                            class: class as u16,
                            weight: 0.0,
                            total: 0.0,
                            stamp: now,
                        });
                        cells.last_mut().expect("just pushed")
                    }
                };
                cell.total += (now - cell.stamp) as f64 * f64::from(cell.weight);
                cell.stamp = now;
                cell.weight += delta;
            }
        }
    }

    /// The averaged weights, dropping those whose magnitude is below `prune` (in units of one
    /// perceptron update averaged over the run).
    pub fn freeze(&self, prune: f64) -> Weights {
        let (scale, rows) = quantize(&[self], prune);
        Weights::build(self.classes, scale, rows)
    }
}

/// A feature's key and its (class, weight) cells.
pub type Row = (u64, Vec<(u16, i16)>);

/// The mean of several trainers' averaged weights, dropping those below `prune` (in units of
/// one update), quantised to `i16` units of the returned scale; rows in key order, cells in
/// class order. The models are linear, so the mean is exactly the ensemble that adds up
/// their scores, at the cost of one.
pub fn quantize(trainers: &[&Trainer], prune: f64) -> (f32, Vec<Row>) {
    let mut sums: KeyMap<Vec<(u16, f64)>> = KeyMap::default();
    for t in trainers {
        let now = t.now.max(1) as f64;
        for (&key, &row) in &t.index {
            let cells = sums.entry(key).or_default();
            for c in &t.rows[row as usize] {
                let total = c.total + (t.now - c.stamp) as f64 * f64::from(c.weight);
                match cells.iter_mut().find(|(k, _)| *k == c.class) {
                    Some((_, w)) => *w += total / now,
                    None => cells.push((c.class, total / now)),
                }
            }
        }
    }
    let k = trainers.len().max(1) as f64;
    let mut rows: Vec<(u64, Vec<(u16, f64)>)> = sums
        .into_iter()
        .filter_map(|(key, cells)| {
            let mut cells: Vec<(u16, f64)> = cells
                .into_iter()
                .map(|(c, w)| (c, w / k))
                .filter(|&(_, w)| w.abs() >= prune)
                .collect();
            cells.sort_unstable_by_key(|&(c, _)| c);
            (!cells.is_empty()).then_some((key, cells))
        })
        .collect();
    rows.sort_unstable_by_key(|r| r.0);
    let max = rows
        .iter()
        .flat_map(|r| &r.1)
        .fold(0f64, |m, &(_, w)| m.max(w.abs()));
    let scale = if max > 0.0 {
        max / f64::from(i16::MAX)
    } else {
        1.0
    };
    let rows = rows
        .into_iter()
        .map(|(k, cells)| {
            let q = cells
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|&(_, w)| w != 0)
                .collect();
            (k, q)
        })
        .collect();
    (scale as f32, rows)
}

/// The best class among those `allowed`, ties going to the lowest class number.
pub fn best<T: PartialOrd + Copy>(scores: &[T], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if allowed(c) && best.is_none_or(|b| s > scores[b]) {
            best = Some(c);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::codec::{Reader, Writer};

    /// Three classes told apart by one feature each; a shared feature carries no signal.
    #[test]
    fn learns_separable_classes_and_survives_freezing() {
        let mut t = Trainer::new(3);
        let data = [
            (vec![10u64, 99], 0usize),
            (vec![20, 99], 1),
            (vec![30, 99], 2),
        ];
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (f, y) in &data {
                t.score(f, &mut scores);
                let g = best(&scores, |_| true).unwrap();
                t.update(f, *y, g);
                t.tick();
            }
        }
        let w = t.freeze(0.0);
        let mut s = vec![0i32; 3];
        for (f, y) in &data {
            w.score(f, &mut s);
            assert_eq!(best(&s, |_| true), Some(*y));
        }
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::read(&mut Reader::new(&out.bytes)).unwrap();
        let mut again = Writer::default();
        back.write(&mut again);
        assert_eq!(out.bytes, again.bytes);
        assert!(Weights::read(&mut Reader::new(&out.bytes[..out.bytes.len() - 3])).is_err());
    }

    #[test]
    fn best_respects_the_mask_and_breaks_ties_low() {
        assert_eq!(best(&[3, 5, 5], |_| true), Some(1));
        assert_eq!(best(&[3, 5, 5], |c| c != 1), Some(2));
        assert_eq!(best(&[3, 5, 5], |_| false), None);
    }
}
