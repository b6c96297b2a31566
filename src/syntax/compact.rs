//! Weights of a classifier with three classes (the parser's moves): per feature, a 16-bit
//! check on its key and three 16-bit weights, eight features to a cache line. A third of
//! the size of the general table, so that three times as many rows share the caches, and a
//! probe is nearly always one load.

use super::codec::{Reader, Writer};
use super::mem::{home, huge_vec, prefetch};

pub const CLASSES: usize = 3;

/// Slots in a bucket: one cache line holds the checks of eight keys and their weights, so
/// that a probe is one load and a few word operations, with no loop in the common case.
const SLOTS: usize = 8;

#[derive(Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket {
    /// Sixteen bits of each key (never 0, which marks an empty slot), four to a word.
    checks: [u64; 2],
    weights: [[i16; CLASSES]; SLOTS],
}

const LANES: u64 = 0x0001_0001_0001_0001;

/// Features probed together: their buckets are all asked for before the first is read.
const BATCH: usize = 64;

impl Bucket {
    /// The first slot whose check is `want` (a word trick: the lanes that are zero after an
    /// exclusive or; a borrow can only mark lanes above the first true one).
    #[inline]
    fn find(&self, want: u16) -> Option<usize> {
        let w = u64::from(want) * LANES;
        let zero = |x: u64| x.wrapping_sub(LANES) & !x & (LANES << 15);
        let z = u128::from(zero(self.checks[0] ^ w)) | (u128::from(zero(self.checks[1] ^ w)) << 64);
        (z != 0).then(|| z.trailing_zeros() as usize / 16)
    }

    fn set(&mut self, slot: usize, check: u16, weights: [i16; CLASSES]) {
        self.checks[slot / 4] |= u64::from(check) << (16 * (slot % 4));
        self.weights[slot] = weights;
    }
}

/// Sixteen bits of a key, made odd so that they are never 0; the bucket comes from the
/// high bits, so two features are confused only if both collide.
#[inline]
fn check(key: u64) -> u16 {
    (key >> 16) as u16 | 1
}

/// Frozen three-class weights.
pub struct Compact {
    buckets: Vec<Bucket>,
    /// Each feature's key and where it is (bucket times `SLOTS` plus slot), in key order:
    /// read only to save the model.
    keys: Vec<(u64, u32)>,
}

impl Compact {
    /// A table of the given rows (keys distinct).
    pub fn build(rows: &[(u64, [i16; CLASSES])]) -> Self {
        // Two thirds full: a bucket overflows into the next one rarely enough that most
        // probes, of present and absent features alike, read one cache line.
        let n = (rows.len() * 3 / (2 * SLOTS)).max(1);
        let mut buckets: Vec<Bucket> = huge_vec(n);
        let mut keys = Vec::with_capacity(rows.len());
        for &(key, weights) in rows {
            let mut b = home(key, n);
            loop {
                if let Some(slot) = buckets[b].find(0) {
                    buckets[b].set(slot, check(key), weights);
                    keys.push((key, (b * SLOTS + slot) as u32));
                    break;
                }
                b = if b + 1 == n { 0 } else { b + 1 };
            }
        }
        keys.sort_unstable();
        Compact { buckets, keys }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The row of a feature whose home bucket is `b`, zeros if absent: absent when a
    /// bucket on its way has a free slot.
    #[inline]
    fn find(&self, mut b: usize, want: u16) -> [i16; CLASSES] {
        loop {
            let bucket = &self.buckets[b];
            if let Some(slot) = bucket.find(want) {
                return bucket.weights[slot];
            }
            if bucket.find(0).is_some() {
                return [0; CLASSES];
            }
            b = if b + 1 == self.buckets.len() {
                0
            } else {
                b + 1
            };
        }
    }

    /// Call `found` with the row of each feature, in order. All home buckets are asked
    /// for first, so that their cache misses overlap.
    #[inline]
    fn each(&self, features: &[u64], mut found: impl FnMut([i16; CLASSES])) {
        let n = self.buckets.len();
        let mut homes = [0u32; BATCH];
        for chunk in features.chunks(BATCH) {
            for (h, &f) in homes.iter_mut().zip(chunk) {
                *h = home(f, n) as u32;
                prefetch(&self.buckets[*h as usize]);
            }
            for (&h, &f) in homes.iter().zip(chunk) {
                found(self.find(h as usize, check(f)));
            }
        }
    }

    /// Ask for the home buckets of `features` ahead of [`Compact::add`], so that their
    /// misses overlap work on another table.
    #[inline]
    pub fn prefetch(&self, features: &[u64]) {
        let n = self.buckets.len();
        for &f in features {
            prefetch(&self.buckets[home(f, n)]);
        }
    }

    /// Add the rows of `features` to `scores`.
    #[inline]
    pub fn add(&self, features: &[u64], scores: &mut [i32; CLASSES]) {
        self.each(features, |w| {
            for c in 0..CLASSES {
                scores[c] += i32::from(w[c]);
            }
        });
    }

    /// The row of each feature, in order.
    pub fn rows(&self, features: &[u64], out: &mut Vec<[i16; CLASSES]>) {
        out.clear();
        self.each(features, |w| out.push(w));
    }

    /// Rows in key order: the key and the three weights.
    pub fn write(&self, w: &mut Writer) {
        w.len(self.keys.len());
        for &(key, i) in &self.keys {
            w.u64(key);
            let i = i as usize;
            for v in self.buckets[i / SLOTS].weights[i % SLOTS] {
                w.u16(v as u16);
            }
        }
    }

    pub fn read(r: &mut Reader) -> Result<Self, String> {
        let n = r.len(8 + 2 * CLASSES)?;
        let mut rows = Vec::with_capacity(n);
        for _ in 0..n {
            let key = r.u64()?;
            let mut weights = [0i16; CLASSES];
            for v in &mut weights {
                *v = r.u16()? as i16;
            }
            rows.push((key, weights));
        }
        if rows.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err("model corrupt: feature keys out of order".into());
        }
        Ok(Compact::build(&rows))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_found_and_absent_features_add_nothing() {
        let rows: Vec<(u64, [i16; 3])> = (1..500u64)
            .map(|k| {
                (
                    k.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                    [k as i16, -(k as i16), 7],
                )
            })
            .collect();
        let mut sorted = rows.clone();
        sorted.sort_unstable();
        let t = Compact::build(&sorted);
        let mut s = [0i32; 3];
        t.add(&[rows[3].0, rows[10].0, 12345], &mut s);
        assert_eq!(s, [4 + 11, -15, 14]);
        let mut w = Writer::default();
        t.write(&mut w);
        let back = Compact::read(&mut Reader::new(&w.bytes)).unwrap();
        let mut again = Writer::default();
        back.write(&mut again);
        assert_eq!(w.bytes, again.bytes);
        let mut out = Vec::new();
        back.rows(&[rows[0].0, 99], &mut out);
        assert_eq!(out, [[1, -1, 7], [0, 0, 0]]);
    }
}
