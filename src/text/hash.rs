//! FxHash (the hasher of rustc), for hash maps keyed by short words and names: one
//! multiply and rotate per 8 bytes, where std's SipHash costs more than the look-up it
//! serves. Not resistant to crafted collisions; the maps it serves hold vocabulary words
//! and the names of one corpus.

use std::hash::BuildHasherDefault;

/// Builds [`FxHasher`]s: `HashMap<K, V, FxBuild>`.
pub type FxBuild = BuildHasherDefault<FxHasher>;

/// The hasher: a word of state, mixed with each 8 bytes of input.
#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            self.add(<[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            // The last bytes as a zero-padded little-endian word, shifted in (a copy into
            // a buffer would call `memcpy` for every word looked up).
            self.add(tail.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b)));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}
