//! A byte trie stored as a double array, for looking up which of a set of phrases start at a
//! given position of a text (the longest one, or all of them).
//!
//! Dictionary matchers walk the text once and probe the trie only where a phrase may start
//! (a word start, a capital letter), instead of running an Aho-Corasick automaton over every
//! byte and paying for hits inside words. Building it is a few hundred thousand
//! instructions, far less than a full DFA.
//!
//! A dense table (a row per node, a column per distinct pattern byte) costs one load per
//! step too, but its rows are wide: a few thousand patterns make megabytes, and each step
//! past the top levels missed the cache. In the double array the children of a node sit at
//! `base + column` in one array of cells, interleaved with other nodes' children, and a cell
//! names its parent (`check`): the same one load per step, from a table about as many cells
//! long as there are nodes (tens of kilobytes).

/// A set of byte strings (patterns), numbered in the order given.
#[derive(Clone, Debug)]
pub struct Trie {
    /// Each byte's column; 0 for a byte no pattern contains (no child is ever there).
    class: [u16; 256],
    /// The nodes: the root is cell 0; the child of node `s` on column `c` is the cell
    /// `cells[s].base + c`, if that cell's `check` names `s`.
    cells: Vec<Cell>,
    /// For each cell, 1 + the smallest index of a pattern ending at that node, or 0.
    out: Vec<u32>,
    /// The byte pairs a pattern starts with (any pair after a one-byte pattern).
    starts: PairSet,
    /// The byte triples a pattern starts with, hashed: a walk starts only where one does.
    triples: TripleSet,
}

/// A cell of the double array.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// Where this node's children start (the cell of column 0, never a child).
    base: u32,
    /// The node this cell is a child of, with [`ENDS`] set when a pattern ends here; [`FREE`]
    /// for a cell that is no child (the root, a cell left over).
    check: u32,
}

/// A trie before it is laid out: node `n`'s children are `kids[first[n]..first[n + 1]]`, as
/// (column, node); `ends[n]` is 1 + the smallest index of a pattern ending at `n`, or 0.
struct Nodes {
    first: Vec<usize>,
    kids: Vec<(u16, usize)>,
    ends: Vec<u32>,
}

impl Nodes {
    /// The children of `node`.
    fn kids(&self, node: usize) -> &[(u16, usize)] {
        match (self.first.get(node), self.first.get(node + 1)) {
            (Some(&a), Some(&b)) => self.kids.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The `check` of a cell that is nobody's child (no node has this index).
const FREE: u32 = !ENDS;

/// The flag on a cell's `check` when a pattern ends at that node.
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
        let (cells, out) = Self::place(&Self::nodes(patterns, &class));
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
            cells,
            out,
            starts,
            triples,
        }
    }

    /// The plain trie of `patterns`, its nodes numbered so that a parent comes before its
    /// children (the root is 0).
    fn nodes<P: AsRef<[u8]>>(patterns: &[P], class: &[u16; 256]) -> Nodes {
        // In byte order, each pattern shares its path with the one before up to their
        // common prefix; of equal patterns the first index comes first.
        let mut order: Vec<(&[u8], usize)> = patterns
            .iter()
            .map(AsRef::as_ref)
            .enumerate()
            .filter(|(_, p)| !p.is_empty())
            .map(|(id, p)| (p, id))
            .collect();
        order.sort_unstable();
        // (parent, column, child) for every node but the root.
        let mut edges: Vec<(usize, u16, usize)> = Vec::new();
        let mut ends: Vec<u32> = vec![0];
        // The nodes on the path of the pattern before: `path[d]` at depth `d + 1`.
        let mut path: Vec<usize> = Vec::new();
        let mut prev: &[u8] = &[];
        for &(p, id) in &order {
            let common = p.iter().zip(prev).take_while(|(a, b)| a == b).count();
            path.truncate(common);
            for &b in p.get(common..).unwrap_or(&[]) {
                let parent = path.last().copied().unwrap_or(0);
                let child = ends.len();
                edges.push((parent, class[usize::from(b)], child));
                ends.push(0);
                path.push(child);
            }
            if let Some(o) = path.last().and_then(|&n| ends.get_mut(n))
                && *o == 0
            {
                *o = u32::try_from(id + 1).unwrap_or(u32::MAX);
            }
            prev = p;
        }
        // Children grouped by parent (a counting sort): node `n`'s are
        // `kids[first[n]..first[n + 1]]`.
        let mut first = vec![0usize; ends.len() + 1];
        for &(parent, _, _) in &edges {
            if let Some(f) = first.get_mut(parent + 1) {
                *f += 1;
            }
        }
        let mut sum = 0;
        for f in &mut first {
            sum += *f;
            *f = sum;
        }
        let mut fill = first.clone();
        let mut kids = vec![(0u16, 0usize); edges.len()];
        for &(parent, c, child) in &edges {
            if let Some(f) = fill.get_mut(parent)
                && let Some(k) = kids.get_mut(*f)
            {
                *k = (c, child);
                *f += 1;
            }
        }
        Nodes { first, kids, ends }
    }

    /// Lays the trie out as a double array, breadth first from the root (cell 0): each
    /// node's children go at the first base where all their cells are free, among the first
    /// few gaps left so far, or else past the end.
    fn place(nodes: &Nodes) -> (Vec<Cell>, Vec<u32>) {
        /// How many gaps are tried for the lowest child of a node.
        const TRIES: usize = 64;
        let free = Cell {
            base: 0,
            check: FREE,
        };
        let count = nodes.ends.len();
        let mut cells = vec![free];
        let mut out = vec![nodes.ends.first().copied().unwrap_or(0)];
        // Whether each cell holds a node; the free ones before the end, in order.
        let mut used = vec![true];
        let mut gaps: Vec<usize> = Vec::new();
        // Each node's cell.
        let mut cell_of = vec![0usize; count];
        // Breadth first: the nodes with many children, near the root, take their cells
        // first, and the long chains below fill the gaps they leave.
        let mut queue: Vec<usize> = Vec::with_capacity(count);
        queue.push(0);
        let mut next = 0;
        while let Some(&node) = queue.get(next) {
            next += 1;
            let kids = nodes.kids(node);
            queue.extend(kids.iter().map(|&(_, kid)| kid));
            let Some(lowest) = kids.iter().map(|&(c, _)| usize::from(c)).min() else {
                continue;
            };
            let top = cells.len();
            let fits = |base: usize| {
                kids.iter()
                    .all(|&(c, _)| !used.get(base + usize::from(c)).copied().unwrap_or(false))
            };
            let from = gaps.partition_point(|&g| g <= lowest);
            let base = gaps
                .get(from..)
                .unwrap_or(&[])
                .iter()
                .take(TRIES)
                .map(|&g| g - lowest)
                .find(|&base| fits(base))
                .unwrap_or_else(|| top.saturating_sub(lowest).max(1));
            let cell = cell_of.get(node).copied().unwrap_or(0);
            if let Some(slot) = cells.get_mut(cell) {
                slot.base = u32::try_from(base).unwrap_or(u32::MAX);
            }
            let parent = u32::try_from(cell).unwrap_or(FREE);
            for &(c, kid) in kids {
                let at = base + usize::from(c);
                if cells.len() <= at {
                    gaps.extend(cells.len()..at);
                    cells.resize(at + 1, free);
                    out.resize(at + 1, 0);
                    used.resize(at + 1, false);
                } else if let Ok(g) = gaps.binary_search(&at) {
                    gaps.remove(g);
                }
                if let Some(u) = used.get_mut(at) {
                    *u = true;
                }
                let end = nodes.ends.get(kid).copied().unwrap_or(0);
                if let (Some(slot), Some(o), Some(k)) =
                    (cells.get_mut(at), out.get_mut(at), cell_of.get_mut(kid))
                {
                    slot.check = if end == 0 { parent } else { parent | ENDS };
                    *o = end;
                    *k = at;
                }
            }
        }
        (cells, out)
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
        self.step(0, self.root_base(), b).is_some()
    }

    /// Where the root's children start.
    #[inline]
    fn root_base(&self) -> usize {
        self.cells.first().map_or(0, |c| c.base as usize)
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

    /// The child of `node` (whose children start at `base`) on byte `b`, if any: the
    /// child, where its own children start, and whether a pattern ends there.
    #[inline]
    fn step(&self, node: usize, base: usize, b: u8) -> Option<(usize, usize, bool)> {
        // A byte no pattern holds reads column 0, which is never a child.
        let t = base + usize::from(self.class[usize::from(b)]);
        match self.cells.get(t) {
            Some(cell) if (cell.check & !ENDS) as usize == node => {
                Some((t, cell.base as usize, cell.check & ENDS != 0))
            }
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
        let (mut node, mut base) = (0usize, self.root_base());
        let mut i = end;
        while let Some(&b) = i.checked_sub(1).and_then(|j| hay.get(j)) {
            let Some((n, next, ends)) = self.step(node, base, b) else {
                break;
            };
            (node, base) = (n, next);
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
        let (mut node, mut base) = (0usize, self.root_base());
        let mut i = at;
        while let Some(&b) = hay.get(i) {
            let Some((n, next, ends)) = self.step(node, base, b) else {
                break;
            };
            (node, base) = (n, next);
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

    /// Every (first index of a pattern, end) with `hay[at..]` starting with the pattern,
    /// shortest first: what [`Trie::all_at`] gives, read off the patterns one by one.
    fn naive_all_at(pats: &[Vec<u8>], hay: &[u8], at: usize) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (i, p) in pats.iter().enumerate() {
            let first = pats.iter().position(|q| q == p) == Some(i);
            if first && !p.is_empty() && hay[at..].starts_with(p) {
                found.push((i, at + p.len()));
            }
        }
        found.sort_by_key(|&(_, end)| end);
        found
    }

    proptest::proptest! {
        /// Every match at each position, forwards and backwards, agrees with a plain search,
        /// on patterns over many byte values (wide and narrow nodes in the double array).
        #[test]
        fn all_matches_agree_with_a_plain_search(
            pats in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![0u8, 1, 2, 7, 64, 65, 200, 255]), 0..5),
                1..40,
            ),
            hay in proptest::collection::vec(proptest::sample::select(vec![0u8, 1, 2, 7, 64, 65, 200, 255]), 0..24),
        ) {
            let t = Trie::new(&pats);
            let reversed: Vec<Vec<u8>> = pats.iter().map(|p| p.iter().rev().copied().collect()).collect();
            let rev = Trie::new(&reversed);
            for at in 0..=hay.len() {
                let want = naive_all_at(&pats, &hay, at);
                let mut got = Vec::new();
                t.all_at(&hay, at, &mut got);
                proptest::prop_assert_eq!(&got, &want);
                proptest::prop_assert_eq!(t.longest(&hay, at), want.last().copied());
                let back: Vec<u8> = hay[..at].iter().rev().copied().collect();
                let want_back: Vec<(usize, usize)> = naive_all_at(&reversed, &back, 0)
                    .into_iter()
                    .map(|(p, len)| (p, at - len))
                    .collect();
                let mut got_back = Vec::new();
                rev.all_ending_at(&hay, at, &mut got_back);
                proptest::prop_assert_eq!(got_back, want_back);
            }
            for b in 0..=u8::MAX {
                proptest::prop_assert_eq!(t.may_start(b), pats.iter().any(|p| p.first() == Some(&b)));
            }
        }
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
