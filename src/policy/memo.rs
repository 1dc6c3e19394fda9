//! A key naming what one `Resource` element or one condition says, so that the evaluator can
//! decide an element once per request even when many statements repeat it (a set of
//! policies often gives the same `Resource` or condition in dozens of statements).
//!
//! The key is 128 bits of two SipHash states keyed at random for the process, over the
//! element's text as written and what changes its meaning (the policy's version decides
//! whether `${…}` is a variable). Two different elements share a key with a probability of
//! about n²/2¹²⁹ for n distinct elements (below 10⁻²⁵ for a million), and the keys are
//! secret, so a policy cannot be written to collide on purpose.

use std::hash::{BuildHasher, Hasher, RandomState};
use std::sync::LazyLock;

/// What an element says, as a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MemoKey(u128);

static KEYS: LazyLock<(RandomState, RandomState)> =
    LazyLock::new(|| (RandomState::new(), RandomState::new()));

impl MemoKey {
    /// The key of what `write` feeds a hasher. Each part written should end in a byte that
    /// cannot occur in it (see [`MemoKey::text`]), so that parts cannot run into each other.
    pub fn of(write: impl Fn(&mut dyn Hasher)) -> MemoKey {
        let (a, b) = &*KEYS;
        let mut ha = a.build_hasher();
        write(&mut ha);
        let mut hb = b.build_hasher();
        write(&mut hb);
        MemoKey((u128::from(ha.finish()) << 64) | u128::from(hb.finish()))
    }

    /// Its lowest 64 bits (a hash of their own), to pick a slot with.
    #[inline]
    pub fn low_bits(self) -> u64 {
        self.0 as u64
    }

    /// Writes a text part, ended by `0xff` (never a byte of UTF-8).
    pub fn text(h: &mut dyn Hasher, s: &str) {
        h.write(s.as_bytes());
        h.write_u8(0xff);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(parts: &[&str]) -> MemoKey {
        MemoKey::of(|h| parts.iter().for_each(|p| MemoKey::text(h, p)))
    }

    #[test]
    fn the_same_parts_give_the_same_key_and_a_moved_boundary_does_not() {
        assert_eq!(
            key(&["arn:aws:s3:::a/*", "b"]),
            key(&["arn:aws:s3:::a/*", "b"])
        );
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_ne!(key(&["a"]), key(&["a", ""]));
    }
}
