//! A byte trie with dense transitions, for looking up which of a set of phrases start at a
//! given position of a text (the longest one, or all of them).
//!
//! Dictionary matchers walk the text once and probe the trie only where a phrase may start
//! (a word start, a capital letter), instead of running an Aho-Corasick automaton over every
//! byte and paying for hits inside words. Building it is a few hundred thousand
//! instructions, far less than a full DFA.

/// A set of byte strings (patterns), numbered in the order given.
#[derive(Clone, Debug)]
pub struct Trie {
    /// Each byte's column in `next`; 0 for a byte no pattern contains.
    class: [u16; 256],
    /// Columns per node: one per distinct pattern byte, plus column 0 (never set).
    stride: usize,
    /// `next[node * stride + class]`: the child node, or 0 for none (the root, node 0, is
    /// never a child); [`ENDS`] is set on a child where a pattern ends.
    next: Vec<u32>,
    /// For each node, 1 + the smallest index of a pattern ending there, or 0.
    out: Vec<u32>,
    /// The byte pairs a pattern starts with (any pair after a one-byte pattern).
    starts: PairSet,
    /// The byte triples a pattern starts with, hashed: a walk starts only where one does.
    triples: TripleSet,
}

/// The flag on a transition to a node where a pattern ends.
const ENDS: u32 = 1 << 31;

/// 65,536 bits, indexed by a `u16`.
#[derive(Clone, Debug)]
struct Bits(Box<[u64; 1024]>);

impl Default for Bits {
    fn default() -> Self {
        Self(Box::new([0; 1024]))
    }
}

impl Bits {
    fn set(&mut self, i: u16) {
        let i = usize::from(i);
        if let Some(w) = self.0.get_mut(i >> 6) {
            *w |= 1 << (i & 63);
        }
    }

    #[inline]
    fn get(&self, i: u16) -> bool {
        let i = usize::from(i);
        self.0.get(i >> 6).is_some_and(|w| w >> (i & 63) & 1 != 0)
    }
}

/// A set of byte pairs: 65,536 bits, so a scanning loop tests two bytes with one lookup.
#[derive(Clone, Debug, Default)]
pub struct PairSet {
    bits: Bits,
}

impl PairSet {
    /// Adds the pair (`a`, `b`).
    pub fn insert(&mut self, a: u8, b: u8) {
        self.bits.set(u16::from_be_bytes([a, b]));
    }

    /// Whether the pair (`a`, `b`) is in the set.
    #[inline]
    #[must_use]
    pub fn contains(&self, a: u8, b: u8) -> bool {
        self.bits.get(u16::from_be_bytes([a, b]))
    }

    /// The first `i` from `at` on with (`hay[i]`, `hay[i + 1]`) in the set.
    #[inline]
    #[must_use]
    pub fn find(&self, hay: &[u8], at: usize) -> Option<usize> {
        let rest = hay.get(at..)?;
        let mut prev = *rest.first()?;
        let mut i = 1;
        while let Some(&b) = rest.get(i) {
            if self.contains(prev, b) {
                return Some(at + i - 1);
            }
            prev = b;
            i += 1;
        }
        None
    }

    /// The pairs in either set.
    #[must_use]
    pub fn union(&self, other: &Self) -> Self {
        let mut bits = self.bits.clone();
        for (w, o) in bits.0.iter_mut().zip(other.bits.0.iter()) {
            *w |= *o;
        }
        Self { bits }
    }
}

/// A set of byte triples hashed to 65,536 bits, with no false negatives: a triple that was
/// inserted is always found; one that was not is usually not.
#[derive(Clone, Debug, Default)]
struct TripleSet {
    bits: Bits,
}

impl TripleSet {
    /// The bit of (`a`, `b`, `c`): the high half of a multiplicative hash.
    #[inline]
    fn index(a: u8, b: u8, c: u8) -> u16 {
        let key = u32::from_be_bytes([0, a, b, c]);
        let [hi, lo, ..] = key.wrapping_mul(0x9E37_79B1).to_be_bytes();
        u16::from_be_bytes([hi, lo])
    }

    fn insert(&mut self, a: u8, b: u8, c: u8) {
        self.bits.set(Self::index(a, b, c));
    }

    /// Adds the triples a text starting with `pattern` can begin with. A byte past the end
    /// of the text reads as 0, so a pattern shorter than three bytes adds every triple it
    /// starts.
    fn insert_prefix(&mut self, pattern: &[u8]) {
        match *pattern {
            [] => {}
            [a] => (0..=u8::MAX).for_each(|b| (0..=u8::MAX).for_each(|c| self.insert(a, b, c))),
            [a, b] => (0..=u8::MAX).for_each(|c| self.insert(a, b, c)),
            [a, b, c, ..] => self.insert(a, b, c),
        }
    }

    /// False when no pattern can start at `hay[at..]`.
    #[inline]
    fn may_start(&self, hay: &[u8], at: usize) -> bool {
        let byte = |i: usize| hay.get(at.saturating_add(i)).copied().unwrap_or(0);
        self.bits.get(Self::index(byte(0), byte(1), byte(2)))
    }
}

impl Trie {
    /// A trie of `patterns`. An empty pattern is left out (it would match everywhere); of
    /// two equal patterns the first one's index is kept.
    #[must_use]
    pub fn new<P: AsRef<[u8]>>(patterns: &[P]) -> Self {
        let mut class = [0u16; 256];
        let mut classes = 1usize;
        for p in patterns {
            for &b in p.as_ref() {
                if let Some(c) = class.get_mut(usize::from(b))
                    && *c == 0
                {
                    // At most 256 distinct bytes: columns 1 to 256.
                    *c = u16::try_from(classes).unwrap_or(u16::MAX);
                    classes += 1;
                }
            }
        }
        let stride = classes;
        // At most one node per pattern byte: room for all of them up front, so the table
        // is never copied while it grows.
        let most: usize = patterns.iter().map(|p| p.as_ref().len()).sum::<usize>() + 1;
        let mut next: Vec<u32> = Vec::with_capacity(most * stride);
        next.resize(stride, 0);
        let mut out: Vec<u32> = Vec::with_capacity(most);
        out.push(0);
        for (id, p) in patterns.iter().enumerate() {
            let bytes = p.as_ref();
            if bytes.is_empty() {
                continue;
            }
            let mut node = 0usize;
            // The transition into `node`, to be flagged when the pattern ends there.
            let mut into = 0usize;
            for &b in bytes {
                let slot = node * stride + usize::from(class[usize::from(b)]);
                into = slot;
                let child = next.get(slot).copied().unwrap_or(0) & !ENDS;
                node = if child == 0 {
                    let new = out.len();
                    out.push(0);
                    next.resize(next.len() + stride, 0);
                    if let Some(s) = next.get_mut(slot) {
                        *s = u32::try_from(new).unwrap_or(u32::MAX) & !ENDS;
                    }
                    new
                } else {
                    child as usize
                };
            }
            if let Some(o) = out.get_mut(node)
                && *o == 0
            {
                *o = u32::try_from(id + 1).unwrap_or(u32::MAX);
            }
            if let Some(t) = next.get_mut(into) {
                *t |= ENDS;
            }
        }
        let mut starts = PairSet::default();
        let mut triples = TripleSet::default();
        for p in patterns {
            match *p.as_ref() {
                [a] => (0..=u8::MAX).for_each(|b| starts.insert(a, b)),
                [a, b, ..] => starts.insert(a, b),
                [] => {}
            }
            triples.insert_prefix(p.as_ref());
        }
        Self {
            class,
            stride,
            next,
            out,
            starts,
            triples,
        }
    }

    /// The byte pairs a pattern starts with.
    #[must_use]
    pub fn starts(&self) -> &PairSet {
        &self.starts
    }

    /// Whether some pattern starts with byte `b`.
    #[inline]
    #[must_use]
    pub fn may_start(&self, b: u8) -> bool {
        self.step(0, b).is_some()
    }

    /// A table of the bytes some pattern starts with, for scanning loops.
    #[must_use]
    pub fn first_bytes(&self) -> [bool; 256] {
        let mut t = [false; 256];
        for (b, slot) in t.iter_mut().enumerate() {
            *slot = u8::try_from(b).is_ok_and(|b| self.may_start(b));
        }
        t
    }

    /// The child of `node` on byte `b`, if any, and whether a pattern ends there.
    #[inline]
    fn step(&self, node: usize, b: u8) -> Option<(usize, bool)> {
        // A byte no pattern holds reads column 0, which is never set.
        let c = usize::from(self.class[usize::from(b)]);
        match self.next.get(node * self.stride + c) {
            Some(&n) if n != 0 => Some(((n & !ENDS) as usize, n & ENDS != 0)),
            _ => None,
        }
    }

    /// The pattern ending at `node` (one does).
    #[inline]
    fn pattern_at(&self, node: usize) -> Option<usize> {
        match self.out.get(node) {
            Some(&o) if o != 0 => Some(o as usize - 1),
            _ => None,
        }
    }

    /// The longest pattern that `hay[at..]` starts with: (pattern index, end offset in
    /// `hay`).
    #[inline]
    #[must_use]
    pub fn longest(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut best = None;
        self.each_at(hay, at, |p, end| best = Some((p, end)));
        best
    }

    /// For a trie of reversed patterns: every pattern that `hay[..end]` ends with, shortest
    /// first, pushed onto `found` as (pattern index, start offset in `hay`).
    pub fn all_ending_at(&self, hay: &[u8], end: usize, found: &mut Vec<(usize, usize)>) {
        let mut node = 0usize;
        let mut i = end;
        while let Some(&b) = i.checked_sub(1).and_then(|j| hay.get(j)) {
            let Some((n, ends)) = self.step(node, b) else {
                break;
            };
            node = n;
            i -= 1;
            if ends && let Some(p) = self.pattern_at(node) {
                found.push((p, i));
            }
        }
    }

    /// Every pattern that `hay[at..]` starts with, shortest first, pushed onto `found` as
    /// (pattern index, end offset in `hay`).
    pub fn all_at(&self, hay: &[u8], at: usize, found: &mut Vec<(usize, usize)>) {
        self.each_at(hay, at, |p, end| found.push((p, end)));
    }

    /// Calls `f(pattern, end)` for every pattern that `hay[at..]` starts with, shortest
    /// first.
    #[inline]
    fn each_at(&self, hay: &[u8], at: usize, mut f: impl FnMut(usize, usize)) {
        // Most probes fail within three bytes; the triple set answers that from one small
        // table instead of three rows of the trie, which miss the cache.
        if !self.triples.may_start(hay, at) {
            return;
        }
        let mut node = 0usize;
        let mut i = at;
        while let Some(&b) = hay.get(i) {
            let Some((n, ends)) = self.step(node, b) else {
                break;
            };
            node = n;
            i += 1;
            if ends && let Some(p) = self.pattern_at(node) {
                f(p, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_and_all_prefixes() {
        let t = Trie::new(&["Mr", "Mr.", "Minister", "", "Mr"]);
        assert_eq!(t.longest(b"Mr. Kim", 0), Some((1, 3)));
        assert_eq!(t.longest(b"xMr Kim", 1), Some((0, 3)));
        assert_eq!(t.longest(b"Mi", 0), None);
        let mut all = Vec::new();
        t.all_at(b"Mr. Kim", 0, &mut all);
        assert_eq!(all, [(0, 2), (1, 3)]);
        assert!(t.may_start(b'M') && !t.may_start(b'r') && !t.may_start(b'x'));
        let rev = Trie::new(&["rM", ".rM", "retsiniM"]);
        let mut ends = Vec::new();
        rev.all_ending_at(b"x Mr. Kim", 5, &mut ends);
        assert_eq!(ends, [(1, 2)]);
        ends.clear();
        rev.all_ending_at(b"Mr", 2, &mut ends);
        assert_eq!(ends, [(0, 0)]);
        // Every byte value in the patterns: 256 columns.
        let all: Vec<Vec<u8>> = (0..=u8::MAX).map(|b| vec![b, b]).collect();
        let full = Trie::new(&all);
        assert_eq!(full.longest(&[255, 255, 0], 0), Some((255, 2)));
        assert_eq!(full.longest(&[254, 255], 0), None);
    }

    proptest::proptest! {
        /// The longest match at each position agrees with a leftmost-longest Aho-Corasick
        /// automaton searched anchored there.
        #[test]
        fn longest_agrees_with_aho_corasick(
            pats in proptest::collection::vec("[abé ]{1,4}", 1..12),
            hay in "[abé ]{0,20}",
        ) {
            let t = Trie::new(&pats);
            let ac = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(&pats)
                .unwrap();
            for at in 0..=hay.len() {
                let input = aho_corasick::Input::new(hay.as_bytes())
                    .range(at..)
                    .anchored(aho_corasick::Anchored::Yes);
                let want = ac.find(input).map(|m| (m.end(), pats[m.pattern().as_usize()].clone()));
                let got = t.longest(hay.as_bytes(), at).map(|(p, e)| (e, pats[p].clone()));
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}
