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
const INLINE: usize = 3;

/// One feature's row in 16 bytes, so that the table stays small for the caches: a check on
/// the key, then either the cells or where the row lies in `overflow` or `dense`.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// The key's low 32 bits, made odd so that it is never 0 (empty); the home slot comes
    /// from the high bits, so two features are confused only if both halves collide.
    check: u32,
    len: u16,
    classes: [u8; INLINE],
    /// The weights of an inline row; for a longer one, the first two hold where it starts.
    weights: [i16; INLINE],
}

impl Slot {
    fn start(&self) -> usize {
        (self.weights[0] as u16 as usize) | ((self.weights[1] as u16 as usize) << 16)
    }

    fn set_start(&mut self, start: usize) {
        self.weights[0] = start as u16 as i16;
        self.weights[1] = (start >> 16) as u16 as i16;
    }
}

/// The in-slot check of a key.
fn check(key: u64) -> u32 {
    key as u32 | 1
}

/// Frozen, quantised weights.
pub struct Weights {
    classes: usize,
    scale: f32,
    slots: Vec<Slot>,
    /// Each feature's whole key and its slot, in key order: read only to save the model.
    keys: Vec<(u64, u32)>,
    overflow: Vec<(u16, i16)>,
    /// Rows of many cells, stored whole (`classes` weights each, zeros included): adding a
    /// whole row is a vector loop, much faster than as many scattered additions.
    dense: Vec<i16>,
}

/// Rows with more cells than this are stored whole.
fn dense_from(classes: usize) -> usize {
    (classes / 4).max(INLINE)
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
        // A load factor of a third: a feature the model lacks (one in seven of those asked
        // for) usually finds its home slot empty, and one it has, its row there. Measured
        // on the parser, a third is 30% faster than 0.6, a quarter slower again.
        let capacity = (rows.len() * 3).max(16);
        let mut slots = vec![Slot::default(); capacity];
        let mut keys = Vec::with_capacity(rows.len());
        let mut overflow = Vec::new();
        let mut dense = Vec::new();
        let fits_u8 = classes <= 256;
        for (key, row) in rows {
            let mut i = home(key, capacity);
            while slots[i].check != 0 {
                i = (i + 1) % capacity;
            }
            keys.push((key, i as u32));
            let mut slot = Slot {
                check: check(key),
                len: row.len() as u16,
                ..Slot::default()
            };
            if fits_u8 && row.len() <= INLINE {
                for (k, &(c, w)) in row.iter().enumerate() {
                    slot.classes[k] = c as u8;
                    slot.weights[k] = w;
                }
            } else if row.len() > dense_from(classes) {
                slot.set_start(dense.len() / classes);
                let base = dense.len();
                dense.resize(base + classes, 0);
                for &(c, w) in &row {
                    dense[base + c as usize] = w;
                }
            } else {
                slot.set_start(overflow.len());
                overflow.extend(row);
            }
            slots[i] = slot;
        }
        keys.sort_unstable();
        Weights {
            classes,
            scale,
            slots,
            keys,
            overflow,
            dense,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Number of features kept and of (feature, class) weights.
    pub fn size(&self) -> (usize, usize) {
        let used = self.slots.iter().filter(|s| s.check != 0);
        (used.clone().count(), used.map(|s| s.len as usize).sum())
    }

    fn dense_row(&self, slot: &Slot) -> Option<&[i16]> {
        let len = slot.len as usize;
        (len > INLINE && len > dense_from(self.classes)).then(|| {
            let start = slot.start() * self.classes;
            &self.dense[start..start + self.classes]
        })
    }

    /// The row's cells in class order (a dense row's zeros left out).
    fn row<'a>(&'a self, slot: &'a Slot) -> Box<dyn Iterator<Item = (u16, i16)> + 'a> {
        if let Some(d) = self.dense_row(slot) {
            return Box::new(
                d.iter()
                    .enumerate()
                    .filter(|&(_, &w)| w != 0)
                    .map(|(c, &w)| (c as u16, w)),
            );
        }
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
            &self.overflow[slot.start()..slot.start() + len]
        };
        Box::new(
            a.iter()
                .zip(b)
                .map(|(&c, &w)| (u16::from(c), w))
                .chain(spill.iter().copied()),
        )
    }

    /// Add a row to the scores.
    #[inline]
    fn add(&self, slot: &Slot, scores: &mut [i32]) {
        let len = slot.len as usize;
        if self.classes <= 256 && len <= INLINE {
            for k in 0..len {
                scores[slot.classes[k] as usize] += i32::from(slot.weights[k]);
            }
        } else if let Some(d) = self.dense_row(slot) {
            for (s, &w) in scores.iter_mut().zip(d) {
                *s += i32::from(w);
            }
        } else {
            let start = slot.start();
            for &(c, w) in &self.overflow[start..start + len] {
                scores[c as usize] += i32::from(w);
            }
        }
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
                let want = check(f);
                while slot.check != want && slot.check != 0 {
                    i = (i + 1) % n;
                    slot = self.slots[i];
                }
                if slot.check == want {
                    self.add(&slot, scores);
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
        w.len(self.keys.len());
        for &(key, i) in &self.keys {
            let s = &self.slots[i as usize];
            w.u64(key);
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

    /// Short rows sit in the slot, middling ones in the overflow table, long ones whole:
    /// all three score the same as adding the cells one by one, and save the same.
    #[test]
    fn every_row_layout_scores_alike() {
        let classes = 40;
        let rows = vec![
            (11u64, vec![(3u16, 5i16), (39, -2)]),
            (22, (0..6).map(|c| (c * 5, c as i16 + 1)).collect()),
            (33, (0..40).map(|c| (c, 100 - c as i16)).collect()),
            (1 << 40, vec![(7, 9)]),
        ];
        let w = Weights::build(classes, 1.0, rows.clone());
        let mut got = vec![0i32; classes];
        w.score(&[11, 22, 33, 1 << 40, 44], &mut got);
        let mut want = vec![0i32; classes];
        for (_, row) in &rows {
            for &(c, v) in row {
                want[c as usize] += i32::from(v);
            }
        }
        assert_eq!(got, want);
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::read(&mut Reader::new(&out.bytes)).unwrap();
        let mut again = vec![0i32; classes];
        back.score(&[11, 22, 33, 1 << 40], &mut again);
        assert_eq!(again, want);
        assert_eq!(back.size(), (4, 2 + 6 + 40 + 1));
    }

    #[test]
    fn best_respects_the_mask_and_breaks_ties_low() {
        assert_eq!(best(&[3, 5, 5], |_| true), Some(1));
        assert_eq!(best(&[3, 5, 5], |c| c != 1), Some(2));
        assert_eq!(best(&[3, 5, 5], |_| false), None);
    }
}
