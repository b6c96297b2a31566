//! Feature keys: every feature is a 64-bit hash of its template number and its values.
//!
//! Strings are hashed once per token (FNV-1a, fixed, so keys are the same on every machine
//! and every run); templates then mix those hashes with small integers. Collisions between
//! millions of 64-bit keys are vanishingly rare and would only merge two features.

/// FNV-1a over bytes, then a finaliser so that short strings spread over all 64 bits.
pub fn text(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// [`text`] of raw bytes.
#[inline]
pub fn bytes(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    finish(h)
}

/// The murmur3 64-bit finaliser.
#[inline]
pub fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Mix one more value into a key.
#[inline]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(23) ^ v)
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(0x632b_e59b_d9b4_e019)
}

/// A feature key from a template number and its values. Never 0: 0 marks an empty slot.
#[inline]
pub fn key(template: u64, values: &[u64]) -> u64 {
    key_seeded(seed(template), values)
}

/// What a template's keys start from, to work out once.
pub fn seed(template: u64) -> u64 {
    finish(template.wrapping_add(0x1234_5678))
}

/// [`key`] from the template's [`seed`].
#[inline]
pub fn key_seeded(seed: u64, values: &[u64]) -> u64 {
    let mut h = seed;
    for &v in values {
        h = mix(h, v);
    }
    finish(h) | 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_and_distinct() {
        // Pinned: a model file depends on these exact values.
        assert_eq!(text("court"), text("court"));
        assert_ne!(text("court"), text("Court"));
        assert_ne!(key(1, &[5]), key(2, &[5]));
        assert_ne!(key(1, &[5, 6]), key(1, &[6, 5]));
        assert_eq!(key(3, &[text("verdict")]) & 1, 1);
        assert_eq!(text(""), finish(0xcbf2_9ce4_8422_2325));
    }
}
