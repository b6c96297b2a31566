//! The averaged perceptron (Collins 2002) over hashed sparse features.
//!
//! Training keeps, for every feature, the classes it has been updated for, with the running
//! weight and the lazily accumulated sum that averaging needs. A trained model is frozen into
//! [`Weights`]: the averaged weights, pruned of those too small to matter, quantised to `i16`
//! and stored in an open-addressing table, so that scoring is one probe and a short run of
//! (class, weight) pairs per feature.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::codec::{Reader, Writer};

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

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<Identity>>;

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
        let now = self.now.max(1) as f64;
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut rows: Vec<(u64, Vec<(u16, f64)>)> = Vec::new();
        let mut max = 0f64;
        for (key, row) in keys {
            let mut cells: Vec<(u16, f64)> = self.rows[row as usize]
                .iter()
                .map(|c| {
                    let total = c.total + (self.now - c.stamp) as f64 * f64::from(c.weight);
                    (c.class, total / now)
                })
                .filter(|&(_, w)| w.abs() >= prune)
                .collect();
            if cells.is_empty() {
                continue;
            }
            cells.sort_unstable_by_key(|&(c, _)| c);
            max = cells.iter().fold(max, |m, &(_, w)| m.max(w.abs()));
            rows.push((key, cells));
        }
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
        Weights::build(self.classes, scale as f32, rows)
    }
}

/// Cells kept in the slot itself: most features have only a few classes, so one probe of
/// one 32-byte slot usually finds the whole row.
const INLINE: usize = 5;

/// One feature's row: the key, then either its cells or where they lie in `overflow`.
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    len: u16,
    /// Cells `(class, weight)` when `len <= INLINE`; else `classes[0]` and `weights[0..2]`
    /// hold nothing and `start` gives the row's place in the overflow table.
    classes: [u8; INLINE],
    weights: [i16; INLINE],
    start: u32,
}

/// Frozen, quantised weights.
pub struct Weights {
    classes: usize,
    scale: f32,
    slots: Vec<Slot>,
    overflow: Vec<(u16, i16)>,
}

/// Map a hash onto `0..n` without a division (Lemire's multiply-shift).
#[inline]
fn home(key: u64, n: usize) -> usize {
    ((u128::from(key) * n as u128) >> 64) as usize
}

/// Most probes this many features at a time, loading their home slots together so that the
/// memory system fetches them in parallel rather than one miss after another.
const BATCH: usize = 16;

impl Weights {
    fn build(classes: usize, scale: f32, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Self {
        // Load factor about 0.6: most rows sit in their home slot.
        let capacity = (rows.len() * 5 / 3).max(16);
        let mut slots = vec![Slot::default(); capacity];
        let mut overflow = Vec::new();
        let fits_u8 = classes <= 256;
        for (key, row) in rows {
            let mut i = home(key, capacity);
            while slots[i].key != 0 {
                i = (i + 1) % capacity;
            }
            let mut slot = Slot {
                key,
                len: row.len() as u16,
                ..Slot::default()
            };
            if fits_u8 && row.len() <= INLINE {
                for (k, &(c, w)) in row.iter().enumerate() {
                    slot.classes[k] = c as u8;
                    slot.weights[k] = w;
                }
            } else {
                slot.start = overflow.len() as u32;
                overflow.extend(row);
            }
            slots[i] = slot;
        }
        Weights {
            classes,
            scale,
            slots,
            overflow,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features kept and of (feature, class) weights.
    pub fn size(&self) -> (usize, usize) {
        let used = self.slots.iter().filter(|s| s.key != 0);
        (used.clone().count(), used.map(|s| s.len as usize).sum())
    }

    fn row<'a>(&'a self, slot: &'a Slot) -> impl Iterator<Item = (u16, i16)> + 'a {
        let len = slot.len as usize;
        let inline = self.classes <= 256 && len <= INLINE;
        let (a, b) = if inline {
            (&slot.classes[..len], &slot.weights[..len])
        } else {
            (&[][..], &[][..])
        };
        let spill = if inline {
            &[][..]
        } else {
            &self.overflow[slot.start as usize..slot.start as usize + len]
        };
        a.iter()
            .zip(b)
            .map(|(&c, &w)| (u16::from(c), w))
            .chain(spill.iter().copied())
    }

    /// Scores of every class, in quantised units (only their order matters).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let n = self.slots.len();
        for batch in features.chunks(BATCH) {
            let mut found = [Slot::default(); BATCH];
            for (slot, &f) in found.iter_mut().zip(batch) {
                *slot = self.slots[home(f, n)];
            }
            for (slot, &f) in found.iter().zip(batch) {
                let mut slot = *slot;
                let mut i = home(f, n);
                while slot.key != f && slot.key != 0 {
                    i = (i + 1) % n;
                    slot = self.slots[i];
                }
                if slot.key == f {
                    for (c, w) in self.row(&slot) {
                        scores[c as usize] += i32::from(w);
                    }
                }
            }
        }
    }

    /// Rows in key order, so that the same weights always give the same bytes: the key, the
    /// row's length, and each cell as a one-byte class (two when there are more than 256)
    /// and a two-byte weight.
    pub fn write(&self, w: &mut Writer) {
        w.len(self.classes);
        w.f32(self.scale);
        let wide = self.classes > 256;
        let mut used: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        used.sort_unstable_by_key(|s| s.key);
        w.len(used.len());
        for s in used {
            w.u64(s.key);
            w.u16(s.len);
            for (c, v) in self.row(s) {
                if wide {
                    w.u16(c);
                } else {
                    w.u8(c as u8);
                }
                w.u16(v as u16);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let classes = r.u32()? as usize;
        let scale = r.f32()?;
        let wide = classes > 256;
        let n = r.len(10)?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let len = r.u16()? as usize;
            if key == 0 {
                return Err("model corrupt: empty feature key".into());
            }
            let mut row = Vec::with_capacity(len);
            for _ in 0..len {
                let c = if wide { r.u16()? } else { u16::from(r.u8()?) };
                let v = r.u16()? as i16;
                if c as usize >= classes {
                    return Err(format!("model corrupt: class {c} of {classes}"));
                }
                row.push((c, v));
            }
            rows.push((key, row));
        }
        Ok(Weights::build(classes, scale, rows))
    }
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
