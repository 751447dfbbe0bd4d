//! Where the tagger looks: numbers, and trigger words that stand as whole words.
//!
//! The tagger's hits were those of a leftmost-longest, ASCII-case-insensitive Aho-Corasick
//! search over [`TRIGGERS`], restarted after every match inside a word or number (`mar` in
//! `summary`) or followed by more of one (`may` in `mayor`). [`Triggers::next_hit`] gives the
//! same hits by walking the starts of the runs of ASCII letters and digits eight bytes at a
//! time: a run whose first byte is a digit is a hit of one byte, a run that is a trigger word
//! as a whole is a hit, and no other run is. Only `new year`, with its space, can reach past a
//! run (`renew year` matches inside a word and hides `year`); a text with `new year` anywhere
//! is searched with the automaton.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Input, MatchKind};

use super::lex::TRIGGERS;

static TRIGGER_AC: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(TRIGGERS)
        .ok()
});

/// Index of each byte as a lowercase letter (1 to 26), 0 for any other byte.
static LETTER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = b'a';
    while b <= b'z' {
        t[b as usize] = b - b'a' + 1;
        b += 1;
    }
    t
};

fn letter_index(b: u8) -> usize {
    usize::from(LETTER[usize::from(b)])
}

/// Bits of the hashed trigram table.
const TRIGRAM_BITS: u32 = 14;

/// The first three bytes of `lower` from `p` (zeros past its end), hashed to
/// `TRIGRAM_BITS` bits.
fn trigram(lower: &[u8], p: usize) -> usize {
    let key = match lower.get(p..p + 4) {
        Some(&[a, b, c, _]) => u32::from_le_bytes([a, b, c, 0]),
        _ => {
            let at = |i: usize| lower.get(i).copied().unwrap_or(0);
            u32::from_le_bytes([at(p), at(p + 1), at(p + 2), 0])
        }
    };
    (key.wrapping_mul(0x9E37_79B1) >> (32 - TRIGRAM_BITS)) as usize
}

/// The trigger words made of letters, as lengths and lowercase bytes (little-endian, zeros
/// past the end) sorted by first letter, and a bit per hashed trigram saying whether one of
/// them may start with it (a set bit can also be another trigram's; a clear one is none of
/// the words').
struct Words {
    words: Vec<(usize, u128)>,
    /// `words[by_letter[i]..by_letter[i + 1]]` start with the letter of index `i`.
    by_letter: [usize; 28],
    trigrams: Vec<u64>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let mut words = Vec::new();
    let mut trigrams = vec![0u64; (1usize << TRIGRAM_BITS) / 64];
    for t in TRIGGERS.iter().map(|t| t.as_bytes()) {
        if t.len() < 3 || t.len() > 16 || !t.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut b = [0u8; 16];
        for (d, s) in b.iter_mut().zip(t) {
            *d = s.to_ascii_lowercase();
        }
        let g = trigram(&b, 0);
        if let Some(w) = trigrams.get_mut(g / 64) {
            *w |= 1 << (g % 64);
        }
        words.push((letter_index(b[0]), t.len(), u128::from_le_bytes(b)));
    }
    words.sort_unstable();
    let mut by_letter = [0usize; 28];
    for (l, _, _) in &words {
        if let Some(n) = by_letter.get_mut(l + 1) {
            *n += 1;
        }
    }
    for i in 1..by_letter.len() {
        let before = by_letter.get(i - 1).copied().unwrap_or(0);
        if let Some(n) = by_letter.get_mut(i) {
            *n += before;
        }
    }
    Words {
        words: words.into_iter().map(|(_, n, w)| (n, w)).collect(),
        by_letter,
        trigrams,
    }
});

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGH: u64 = ONES * 0x80;

/// The high bit of each byte of `x` (ASCII-lowercased text) that is a letter or a digit.
fn alnum_mask(x: u64) -> u64 {
    let low = x & !HIGH;
    let letter =
        (low + ONES * (0x80 - u64::from(b'a'))) & !(low + ONES * (0x80 - u64::from(b'z') - 1));
    let digit =
        (low + ONES * (0x80 - u64::from(b'0'))) & !(low + ONES * (0x80 - u64::from(b'9') - 1));
    (letter | digit) & !x & HIGH
}

/// The eight bytes of `lower` from `i` as a little-endian number, zeros past its end.
#[inline]
fn load8(lower: &[u8], i: usize) -> u64 {
    match lower
        .get(i..i + 8)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
    {
        Some(b) => u64::from_le_bytes(b),
        None => load8_near_end(lower, i),
    }
}

/// [`load8`] within eight bytes of the end, out of line so that the common case stays one
/// load.
#[cold]
#[inline(never)]
fn load8_near_end(lower: &[u8], i: usize) -> u64 {
    let mut b = [0u8; 8];
    for (d, s) in b.iter_mut().zip(lower.get(i..).unwrap_or(&[])) {
        *d = *s;
    }
    u64::from_le_bytes(b)
}

/// Where the run of letters and digits of `lower` that continues at `i` ends.
fn run_end(lower: &[u8], mut i: usize) -> usize {
    loop {
        let run = ((alnum_mask(load8(lower, i)) ^ HIGH).trailing_zeros() / 8) as usize;
        i += run;
        if run < 8 || i >= lower.len() {
            return i.min(lower.len());
        }
    }
}

/// Whether a trigger word may start with the three bytes of `lower` at `p` (no when none
/// does).
fn may_start_word(words: &Words, lower: &[u8], p: usize) -> bool {
    let g = trigram(lower, p);
    words
        .trigrams
        .get(g / 64)
        .is_some_and(|w| w & (1 << (g % 64)) != 0)
}

/// Whether the run `lower[start..end]` is a trigger word.
fn is_word(words: &Words, lower: &[u8], start: usize, end: usize) -> bool {
    let len = end - start;
    if len > 16 {
        return false;
    }
    let mut w = [0u8; 16];
    match lower.get(start..start + 16) {
        Some(s) => w.copy_from_slice(s),
        None => {
            for (d, s) in w.iter_mut().zip(lower.get(start..end).unwrap_or(&[])) {
                *d = *s;
            }
        }
    }
    let w = u128::from_le_bytes(w) & (u128::MAX >> (128 - 8 * len));
    let l = lower.get(start).copied().map_or(0, letter_index);
    let (Some(&lo), Some(&hi)) = (words.by_letter.get(l), words.by_letter.get(l + 1)) else {
        return false;
    };
    words
        .words
        .get(lo..hi)
        .is_some_and(|ws| ws.iter().any(|&(n, x)| n == len && x == w))
}

/// The trigger hits of one text.
pub(crate) struct Triggers<'t> {
    text: &'t str,
    /// `text` ASCII-lowercased.
    lower: &'t [u8],
    /// The text has `new year` somewhere: hits come from the automaton.
    searched: bool,
}

impl<'t> Triggers<'t> {
    pub(crate) fn new(text: &'t str, lower: &'t [u8]) -> Self {
        Self {
            text,
            lower,
            searched: memchr::memmem::find(lower, b"new year").is_some(),
        }
    }

    /// The next hit at or after byte `from`, as `(start, end)`: what a leftmost-longest,
    /// case-insensitive search for [`TRIGGERS`], restarted after each rejected match, gives
    /// (a match is rejected when a letter or digit comes just before it, or when it starts
    /// with a letter and one comes just after it).
    pub(crate) fn next_hit(&self, from: usize) -> Option<(usize, usize)> {
        if self.searched {
            return searched_hit(self.text, from);
        }
        let lower = self.lower;
        let words = &*WORDS;
        let alnum = |i: usize| lower.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let mut q = from;
        // A search starting inside a run: every match up to its end is rejected.
        if q > 0 && alnum(q - 1) {
            q = run_end(lower, q);
        }
        // Runs that start in the eight bytes from `q`, as the high bits of their first bytes.
        let mut carry = 0u64;
        while q < lower.len() {
            let m = alnum_mask(load8(lower, q));
            let mut starts = m & !((m << 8) | carry);
            carry = (m >> 56) & 0x80;
            while starts != 0 {
                let p = q + (starts.trailing_zeros() / 8) as usize;
                starts &= starts - 1;
                if lower.get(p).is_some_and(u8::is_ascii_digit) {
                    return Some((p, p + 1));
                }
                if may_start_word(words, lower, p) {
                    let end = run_end(lower, p + 1);
                    if is_word(words, lower, p, end) {
                        return Some((p, end));
                    }
                }
            }
            q += 8;
        }
        None
    }
}

/// The next hit by the automaton itself.
fn searched_hit(text: &str, mut pos: usize) -> Option<(usize, usize)> {
    let ac = TRIGGER_AC.as_ref()?;
    let bytes = text.as_bytes();
    while let Some(m) = ac.find(Input::new(text).span(pos..text.len())) {
        let (hs, he) = (m.start(), m.end());
        pos = he;
        let first = bytes.get(hs).copied().unwrap_or(0);
        let prev = if hs == 0 {
            b' '
        } else {
            bytes.get(hs - 1).copied().unwrap_or(b' ')
        };
        if prev.is_ascii_alphanumeric() {
            // Inside a word or number (`A380`, `B52s`): skip to its end.
            while bytes.get(pos).is_some_and(u8::is_ascii_alphanumeric) {
                pos += 1;
            }
            continue;
        }
        if first.is_ascii_alphabetic() && bytes.get(he).is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        return Some((hs, he));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        let lower = text.to_ascii_lowercase().into_bytes();
        let t = Triggers::new(text, &lower);
        for from in 0..=text.len() {
            assert_eq!(
                t.next_hit(from),
                searched_hit(text, from),
                "{text:?} from {from}"
            );
        }
    }

    #[test]
    fn walk_finds_what_the_automaton_finds() {
        for t in [
            "",
            "On Jan. 16, 1998, talks began; the summary of May 5 mayor MAYDAY Sept. SEPTEMBER",
            "renew year renew years, New Year's Day, new years, New  Year, xnew year5 new yearly",
            "daynew year, xdaynew year, A380 B52s 5pm 10:35 a.m. mid-2024 Su-35 30-day",
            "São Paulo’s Friday’s l’État 2024年 Zürich3 café2024 ÉtéMonday Mondays mondaysx",
            "the past, pastime, fiscal-year, half-term, nineteen-eighty, nineties, Christmas!",
            "WEDNESDAYS thurs. Thur Tues TUE sat satellite sun sunday's fortnightly now newyear",
            "thanksgivingx thanksgiving THANKSGIVING1 september1 1september a b c 12345678901234567",
            "new year",
            "new yea",
            "2",
            "a2",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa today",
        ] {
            check(t);
        }
    }

    #[test]
    fn walk_finds_what_the_automaton_finds_in_articles() {
        for a in crate::generate::corpus_of_size(11, 60_000) {
            let text = a.text.as_str();
            let lower = text.to_ascii_lowercase().into_bytes();
            let t = Triggers::new(text, &lower);
            assert!(!t.searched);
            for from in (0..=text.len()).step_by(3) {
                assert_eq!(t.next_hit(from), searched_hit(text, from), "from {from}");
            }
        }
    }

    proptest! {
        #[test]
        fn walk_matches_automaton_on_word_soup(
            words in proptest::collection::vec(
                prop_oneof![
                    proptest::sample::select(TRIGGERS.to_vec()).prop_map(str::to_string),
                    proptest::sample::select(TRIGGERS.to_vec()).prop_map(|t| t.to_ascii_uppercase()),
                    "[a-zA-Z0-9]{0,9}",
                    Just("new".to_string()),
                    Just("re".to_string()),
                    Just("é".to_string()),
                ],
                0..14,
            ),
            seps in proptest::collection::vec(
                proptest::sample::select(vec!["", " ", "  ", ".", "-", "'", "’", "\n", ", "]),
                14,
            ),
        ) {
            let mut text = String::new();
            for (w, s) in words.iter().zip(seps.iter().cycle()) {
                text.push_str(w);
                text.push_str(s);
            }
            let lower = text.to_ascii_lowercase().into_bytes();
            let t = Triggers::new(&text, &lower);
            for from in 0..=text.len() {
                prop_assert_eq!(t.next_hit(from), searched_hit(&text, from));
            }
        }
    }
}
