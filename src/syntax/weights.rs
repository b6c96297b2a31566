//! Frozen weights of a classifier with many classes (the tagger's, the labeller's): rows of
//! 16-bit weights in an open-addressing table, so that scoring is one probe and a short run
//! of (class, weight) pairs per feature. (Eight bits cost the tagger 0.07 UPOS on dev and
//! were no faster.)

use super::codec::{Reader, Writer};
use super::mem::{home, huge_vec, prefetch};

/// Cells kept in the slot itself: most features have only a few classes.
const INLINE: usize = 3;

/// One feature's row in 16 bytes: a check on the key, then either the cells or where the
/// row lies in `overflow` or `dense`.
#[derive(Clone, Copy, Default)]
#[repr(C, align(16))]
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

    fn inline(&self) -> impl Iterator<Item = (usize, i16)> + '_ {
        let len = (self.len as usize).min(INLINE);
        (0..len).map(move |k| (self.classes[k] as usize, self.weights[k]))
    }
}

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
    overflow: Vec<(u8, i16)>,
    /// Rows of many cells, stored whole (`classes` weights each, zeros included): adding a
    /// whole row is a vector loop, faster than as many scattered additions.
    dense: Vec<i16>,
}

/// Rows with more cells than this are stored whole.
fn dense_from(classes: usize) -> usize {
    (classes / 4).max(INLINE)
}

/// Features probed together: enough for the memory system to fetch all of their slots in
/// parallel, few enough that the first have arrived when they are read.
const BATCH: usize = 32;

impl Weights {
    /// A table of rows in key order, cells in class order.
    pub fn build(classes: usize, scale: f32, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Self {
        assert!(classes <= 256, "classes fit in a byte");
        // A load factor of a third: a feature the model lacks usually finds its home slot
        // empty, and one it has, its row there (measured faster than 0.6 and than 0.25).
        let capacity = (rows.len() * 3).max(16);
        let mut slots: Vec<Slot> = huge_vec(capacity);
        let mut keys = Vec::with_capacity(rows.len());
        let mut overflow = Vec::new();
        let mut dense = Vec::new();
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
            let start = if row.len() <= INLINE {
                for (k, &(c, w)) in row.iter().enumerate() {
                    slot.classes[k] = c as u8;
                    slot.weights[k] = w;
                }
                None
            } else if row.len() > dense_from(classes) {
                let base = dense.len();
                dense.resize(base + classes, 0);
                for &(c, w) in &row {
                    dense[base + c as usize] = w;
                }
                Some(base / classes)
            } else {
                let base = overflow.len();
                overflow.extend(row.iter().map(|&(c, w)| (c as u8, w)));
                Some(base)
            };
            if let Some(start) = start {
                slot.weights[0] = start as u16 as i16;
                slot.weights[1] = (start >> 16) as u16 as i16;
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
        (len > dense_from(self.classes)).then(|| {
            let start = slot.start() * self.classes;
            &self.dense[start..start + self.classes]
        })
    }

    /// The row's cells in class order (a dense row's zeros left out).
    fn row<'a>(&'a self, slot: &'a Slot) -> Box<dyn Iterator<Item = (usize, i16)> + 'a> {
        let len = slot.len as usize;
        if let Some(d) = self.dense_row(slot) {
            Box::new(
                d.iter()
                    .enumerate()
                    .filter(|&(_, &w)| w != 0)
                    .map(|(c, &w)| (c, w)),
            )
        } else if len <= INLINE {
            Box::new(slot.inline())
        } else {
            let start = slot.start();
            Box::new(
                self.overflow[start..start + len]
                    .iter()
                    .map(|&(c, w)| (c as usize, w)),
            )
        }
    }

    /// Add a row to the scores.
    #[inline]
    fn add(&self, slot: &Slot, scores: &mut [i32]) {
        let len = slot.len as usize;
        if len <= INLINE {
            for (c, w) in slot.inline() {
                scores[c] += i32::from(w);
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
        self.add_rows(features, scores);
    }

    /// Ask for the home slots of `features` ahead of [`Weights::add_rows`], so that their
    /// misses overlap work on another table.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
        let n = self.slots.len();
        for &f in features {
            prefetch(&self.slots[home(f, n)]);
        }
    }

    /// Add the rows of `features` to `scores`: all home slots are fetched first, then the
    /// rows stored apart, so that the misses overlap.
    #[inline]
    pub fn add_rows(&self, features: &[u64], scores: &mut [i32]) {
        let n = self.slots.len();
        for batch in features.chunks(BATCH) {
            for &f in batch {
                prefetch(&self.slots[home(f, n)]);
            }
            let mut apart = [Slot::default(); BATCH];
            let mut k = 0;
            for &f in batch {
                let mut i = home(f, n);
                let want = check(f);
                let mut slot = self.slots[i];
                while slot.check != want && slot.check != 0 {
                    i = (i + 1) % n;
                    slot = self.slots[i];
                }
                if slot.check != want {
                    continue;
                }
                let len = slot.len as usize;
                if len <= INLINE {
                    for (c, w) in slot.inline() {
                        scores[c] += i32::from(w);
                    }
                    continue;
                }
                match self.dense_row(&slot) {
                    Some(d) => {
                        prefetch(&d[0]);
                        prefetch(&d[d.len() - 1]);
                    }
                    None => {
                        prefetch(&self.overflow[slot.start()]);
                        prefetch(&self.overflow[slot.start() + len - 1]);
                    }
                }
                apart[k] = slot;
                k += 1;
            }
            for slot in &apart[..k] {
                self.add(slot, scores);
            }
        }
    }

    /// Rows in key order, so that the same weights always give the same bytes: the key, the
    /// row's length, and each cell as a one-byte class and a two-byte weight.
    pub fn write(&self, w: &mut Writer) {
        w.len(self.classes);
        w.f32(self.scale);
        w.len(self.keys.len());
        for &(key, i) in &self.keys {
            let s = &self.slots[i as usize];
            w.u64(key);
            w.u16(s.len);
            for (c, v) in self.row(s) {
                w.u8(c as u8);
                w.u16(v as u16);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let classes = r.u32()? as usize;
        if classes > 256 {
            return Err(format!("model corrupt: {classes} classes"));
        }
        let scale = r.f32()?;
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
                let c = u16::from(r.u8()?);
                let v = r.u16()? as i16;
                if c as usize >= classes {
                    return Err(format!("model corrupt: class {c} of {classes}"));
                }
                row.push((c, v));
            }
            rows.push((key, row));
        }
        if rows.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err("model corrupt: feature keys out of order".into());
        }
        Ok(Weights::build(classes, scale, rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let mut saved = Writer::default();
        back.write(&mut saved);
        assert_eq!(saved.bytes, out.bytes);
        assert!(Weights::read(&mut Reader::new(&out.bytes[..out.bytes.len() - 3])).is_err());
    }
}
