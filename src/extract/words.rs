//! Small word-level helpers over byte offsets. Nothing here allocates (the word walks return
//! their spans in a fixed array on the stack), and every offset stays on a char boundary.

/// The most words one walk returns ([`next_words`], [`prev_words`]).
pub const MAX_WORDS: usize = 12;

/// Word spans `(start, end)` found by one walk: at most [`MAX_WORDS`], kept on the stack
/// (the walks run a few hundred thousand times per megabyte; a heap vector each time cost
/// more than the walk). Reads as a slice.
#[derive(Clone, Copy, Debug, Default)]
pub struct Spans {
    items: [(usize, usize); MAX_WORDS],
    len: usize,
}

impl Spans {
    /// Adds a span; returns false (and drops it) when the array is full.
    #[inline(always)]
    fn push(&mut self, span: (usize, usize)) -> bool {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = span;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    /// Keeps the first `len` spans.
    #[inline(always)]
    pub fn truncate(&mut self, len: usize) {
        self.len = self.len.min(len);
    }

    /// The spans as a slice.
    #[inline(always)]
    pub fn as_slice(&self) -> &[(usize, usize)] {
        self.items.get(..self.len).unwrap_or(&[])
    }
}

impl std::ops::Deref for Spans {
    type Target = [(usize, usize)];
    #[inline(always)]
    fn deref(&self) -> &Self::Target {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = &'a (usize, usize);
    type IntoIter = std::slice::Iter<'a, (usize, usize)>;
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl IntoIterator for Spans {
    type Item = (usize, usize);
    type IntoIter = std::iter::Take<std::array::IntoIter<(usize, usize), MAX_WORDS>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter().take(self.len)
    }
}

/// Spans are equal when their words are (whatever a truncation left past the end).
impl PartialEq for Spans {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl Eq for Spans {}

impl PartialEq<Vec<(usize, usize)>> for Spans {
    fn eq(&self, other: &Vec<(usize, usize)>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

/// A character that belongs to a word (letters, digits, inner hyphens and apostrophes).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'
}

/// True when the character just before `start` continues a word.
pub fn is_word_byte_before(text: &str, start: usize) -> bool {
    text.get(..start)
        .and_then(|s| s.chars().next_back())
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// True when `end` is at the end of a word (the next char is not a letter, digit or hyphen).
pub fn is_word_end(text: &str, end: usize) -> bool {
    !text
        .get(end..)
        .and_then(|s| s.chars().next())
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// Characters that close a clause for gap and window purposes.
fn is_clause_stop(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | ':' | '?' | '!' | '(' | ')' | '—' | '–')
}

/// The char that ends at byte `j` of `s` (a char boundary), where it starts, and whether it
/// is a word char. ASCII, the common case, is read without decoding.
#[inline(always)]
fn char_before(s: &str, j: usize) -> Option<(usize, char, bool)> {
    let bytes = s.as_bytes();
    let last = *bytes.get(j.checked_sub(1)?)?;
    if last.is_ascii() {
        let word = last.is_ascii_alphanumeric() || last == b'-' || last == b'\'';
        return Some((j - 1, char::from(last), word));
    }
    let c = s.get(..j)?.chars().next_back()?;
    Some((j - c.len_utf8(), c, is_word_char(c)))
}

/// The char that starts at byte `i` of `s` (a char boundary), and whether it is a word char.
#[inline(always)]
fn char_at(s: &str, i: usize) -> Option<(char, bool)> {
    let first = *s.as_bytes().get(i)?;
    if first.is_ascii() {
        let word = first.is_ascii_alphanumeric() || first == b'-' || first == b'\'';
        return Some((char::from(first), word));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((c, is_word_char(c)))
}

/// Up to `n` words after `from` (`n` at most [`MAX_WORDS`]), stopping at clause punctuation.
pub fn next_words(text: &str, from: usize, n: usize) -> Spans {
    next_words_while(text, from, n, |_| true)
}

/// The words of [`next_words`] up to the first one (excluded) that `keep` turns away: the
/// walk stops there instead of reading words that would be dropped.
#[inline(always)]
pub fn next_words_while(
    text: &str,
    from: usize,
    n: usize,
    mut keep: impl FnMut((usize, usize)) -> bool,
) -> Spans {
    let n = n.min(MAX_WORDS);
    let mut out = Spans::default();
    let Some(rest) = text.get(from..) else {
        return out;
    };
    let mut i = 0;
    while let Some((word, len)) = word_class_at(rest, i) {
        if word {
            // A whole run of word chars at once.
            let start = i;
            i = word_run_end(rest, i + len);
            if i >= rest.len() {
                // The text ends inside the word: it is kept whole.
                let word = (from + start, from + rest.len());
                if out.len() < n && keep(word) {
                    out.push(word);
                }
                return out;
            }
            let word = (from + start, from + trim_end(rest, start, i));
            if !keep(word) {
                return out;
            }
            out.push(word);
            if out.len() >= n {
                return out;
            }
            continue;
        }
        let at = i;
        i += len;
        let stop = match rest.as_bytes().get(at) {
            Some(&b) if b < 0x80 => is_clause_stop(char::from(b)),
            _ => rest
                .get(at..)
                .and_then(|r| r.chars().next())
                .is_some_and(is_clause_stop),
        };
        if stop
            && !(rest.as_bytes().get(at) == Some(&b'.') && is_abbrev_dot(rest, at))
            && !digit_separator(rest, at)
        {
            return out;
        }
    }
    out
}

/// Drops a trailing possessive `'s` / `’s` from a word ending at `end`.
#[inline(always)]
fn trim_end(s: &str, start: usize, end: usize) -> usize {
    // Every suffix ends in `s`, `'` or the last byte of `’`: other words are kept whole.
    if !matches!(
        end.checked_sub(1).and_then(|i| s.as_bytes().get(i)),
        Some(b's' | b'\'' | 0x99)
    ) {
        return end;
    }
    let w = s.get(start..end).unwrap_or("");
    for suf in ["'s", "’s", "'", "’"] {
        if let Some(stem) = w.strip_suffix(suf)
            && !stem.is_empty()
        {
            return start + stem.len();
        }
    }
    end
}

/// A comma or dot between digits (`10,000`, `1.5`) is part of the number.
fn digit_separator(s: &str, i: usize) -> bool {
    let before = s.get(..i).and_then(|b| b.chars().next_back());
    let after = s.get(i + 1..).and_then(|a| a.chars().next());
    before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit())
}

/// A dot inside `U.S.` / `U.N.` (or `u.s.` in lowercased text) is not a clause stop.
fn is_abbrev_dot(s: &str, i: usize) -> bool {
    let before = s.get(..i).and_then(|b| b.chars().next_back());
    let after = s.get(i + 1..).and_then(|a| a.chars().next());
    // Letters of either case: gapped triggers read the lowercased text (`u.s.-drafted`).
    before.is_some_and(|c| c.is_ascii_alphabetic())
        && after.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | ',' | '-'))
        && s.get(..i)
            .and_then(|b| b.chars().rev().nth(1))
            .is_some_and(|c| c == '.' || c == ' ' || c == '(')
}

/// Up to `n` words before `to` (`n` at most [`MAX_WORDS`]), not reaching before `floor`,
/// nearest first.
pub fn prev_words(text: &str, floor: usize, to: usize, n: usize) -> Spans {
    let n = n.min(MAX_WORDS);
    let mut out = Spans::default();
    let Some(seg) = text.get(floor..to) else {
        return out;
    };
    let mut j = seg.len();
    while let Some((i, _, word)) = char_before(seg, j) {
        if !word {
            j = i;
            continue;
        }
        // A whole run of word chars at once, back to its start.
        let end = j;
        j = word_run_start(seg, i);
        if j == 0 {
            // The segment starts inside (or at) the word.
            if out.len() < n {
                out.push((floor, floor + trim_end(seg, 0, end)));
            }
            return out;
        }
        out.push((floor + j, floor + trim_end(seg, j, end)));
        if out.len() >= n {
            return out;
        }
    }
    out
}

/// How many words [`Before`] walks back once for all its lookups.
const BEFORE_WORDS: usize = 6;

/// The words before one position of a sentence (a trigger's start), walked once and then
/// looked up by the rules with their own floors (clause or sentence start): each lookup
/// gives exactly what [`prev_words`] would, without walking the text again.
#[derive(Clone, Copy, Debug)]
pub struct Before<'a> {
    text: &'a str,
    base: usize,
    to: usize,
    /// `prev_words(text, base, to, BEFORE_WORDS)`.
    walk: Spans,
    /// `text[base..to]` is a valid range (else every lookup walks again).
    valid: bool,
}

impl<'a> Before<'a> {
    /// The words of `text[base..to]` before `to` (`base` is the sentence start).
    pub fn new(text: &'a str, base: usize, to: usize) -> Self {
        Before {
            text,
            base,
            to,
            walk: prev_words(text, base, to, BEFORE_WORDS),
            valid: text.get(base..to).is_some(),
        }
    }

    /// The text walked (the article's lowercased text).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The position the words are before.
    pub fn end(&self) -> usize {
        self.to
    }

    /// `prev_words(text, floor, end, n)`. The walk from the sentence start serves any floor
    /// at or after it that does not cut a word (a word cut by `floor` would be read from
    /// `floor` on); other floors, and more words than were walked, walk again.
    pub fn words(&self, floor: usize, n: usize) -> Words<'_> {
        let cuts_word = floor != self.base
            && (!self.text.is_char_boundary(floor)
                || (char_before(self.text, floor).is_some_and(|(_, _, w)| w)
                    && char_at(self.text, floor).is_some_and(|(_, w)| w)));
        if !self.valid
            || n == 0
            || n > BEFORE_WORDS
            || floor < self.base
            || floor > self.to
            || cuts_word
        {
            return Words::Own(prev_words(self.text, floor, self.to, n));
        }
        // (The walk is nearest first: the words from `floor` on are its first ones.)
        let walked = self.walk.as_slice();
        let keep = walked
            .iter()
            .take(n)
            .take_while(|&&(a, _)| a >= floor)
            .count();
        Words::Walked(walked.get(..keep).unwrap_or_default())
    }
}

/// The words one [`Before::words`] lookup gives, read as a slice: the first ones of the
/// walk made once (borrowed, not copied), or a walk of their own where that walk cannot
/// serve.
#[derive(Clone, Copy, Debug)]
pub enum Words<'a> {
    /// A prefix of the walk from the sentence start.
    Walked(&'a [(usize, usize)]),
    /// A walk made for this lookup.
    Own(Spans),
}

impl std::ops::Deref for Words<'_> {
    type Target = [(usize, usize)];
    #[inline(always)]
    fn deref(&self) -> &Self::Target {
        match self {
            Words::Walked(s) => s,
            Words::Own(spans) => spans.as_slice(),
        }
    }
}

/// The word just before `start` (lowercase if `text` is), ignoring spaces only.
pub fn prev_word(text: &str, start: usize) -> Option<&str> {
    let Some((to, spaced)) = ascii_gap_before(text, start) else {
        return prev_word_by_chars(text, start);
    };
    if !spaced && to > 0 {
        return None;
    }
    // The word must end right at `to` (with no possessive to drop).
    let s = word_run_start(text, to);
    if s == to || trim_end(text, s, to) != to {
        return None;
    }
    text.get(s..to)
}

/// The gap before `start` that [`prev_word`] skips (straight quotes, then white space), read
/// from ASCII bytes: where the text before it ends and whether any white space was skipped.
/// `None` when a byte beyond ASCII is met first (a curly quote or a wide space may be there:
/// [`prev_word_by_chars`] reads it) or `start` is not a char boundary of the text.
#[inline]
fn ascii_gap_before(text: &str, start: usize) -> Option<(usize, bool)> {
    if !text.is_char_boundary(start) {
        return None;
    }
    let bytes = text.as_bytes();
    let mut j = start;
    while let Some(&b) = j.checked_sub(1).and_then(|k| bytes.get(k)) {
        match b {
            b'"' | b'\'' => j -= 1,
            0x80.. => return None,
            _ => break,
        }
    }
    let quotes_end = j;
    while let Some(&b) = j.checked_sub(1).and_then(|k| bytes.get(k)) {
        match b {
            // (`char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed,
            // carriage return and space.)
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => j -= 1,
            0x80.. => return None,
            _ => break,
        }
    }
    Some((j, j != quotes_end))
}

/// [`prev_word`] read char by char: any quotes and white space.
fn prev_word_by_chars(text: &str, start: usize) -> Option<&str> {
    let before = text.get(..start)?;
    // An opening quote between the words is ignored: `a “test site”`.
    let before = before.trim_end_matches(['“', '"', '‘', '\'']);
    let trimmed = before.trim_end();
    if trimmed.len() != before.len() || trimmed.is_empty() {
        // The word must end right at `trimmed`'s end (with no possessive to drop): walk back
        // over its chars only.
        let to = trimmed.len();
        let mut s = to;
        while let Some((i, _, true)) = char_before(trimmed, s) {
            s = i;
        }
        if s == to || trim_end(text, s, to) != to {
            return None;
        }
        return text.get(s..to);
    }
    None
}

/// The words of `text[from..to]` (lowercase if `text` is): the runs of [`is_word_char`].
pub fn words_in(text: &str, from: usize, to: usize) -> WordsIn<'_> {
    WordsIn {
        s: text.get(from..to).unwrap_or(""),
        at: 0,
    }
}

/// The iterator of [`words_in`]: walks bytes, decoding only non-ASCII chars.
pub struct WordsIn<'a> {
    s: &'a str,
    at: usize,
}

/// ASCII bytes that are word chars (letters, digits, `-`, `'`), by byte value.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0u8;
    while b < 128 {
        t[b as usize] = b.is_ascii_alphanumeric() || b == b'-' || b == b'\'';
        b += 1;
    }
    t
};

/// Class of a byte for the word walks: an ASCII word byte, another ASCII byte, or a byte of
/// a non-ASCII char (which is decoded to tell).
const WORD_BYTE: u8 = 1;
const OTHER_BYTE: u8 = 0;
const NON_ASCII_BYTE: u8 = 2;

/// [`WORD_BYTE`], [`OTHER_BYTE`] or [`NON_ASCII_BYTE`] for every byte value: one load
/// classifies a byte in the walks' inner loops.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [OTHER_BYTE; 256];
    let mut b = 0usize;
    while b < 256 {
        t[b] = if b >= 0x80 {
            NON_ASCII_BYTE
        } else if ASCII_WORD[b] {
            WORD_BYTE
        } else {
            OTHER_BYTE
        };
        b += 1;
    }
    t
};

/// The class of byte `b` (see [`BYTE_CLASS`]).
#[inline(always)]
fn byte_class(b: u8) -> u8 {
    BYTE_CLASS
        .get(usize::from(b))
        .copied()
        .unwrap_or(NON_ASCII_BYTE)
}

/// Whether the char at byte `i` of `s` (a char boundary) is a word char, and its length
/// in bytes; `None` at the end.
#[inline(always)]
fn word_class_at(s: &str, i: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((ASCII_WORD.get(usize::from(b)).copied().unwrap_or(false), 1));
    }
    let c = s.get(i..)?.chars().next()?;
    Some((is_word_char(c), c.len_utf8()))
}

/// The end of the run of word chars starting at byte `i` of `s` (a char boundary): ASCII
/// word bytes are skipped by their class, other chars decoded.
#[inline(always)]
fn word_run_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(i) {
        match byte_class(b) {
            WORD_BYTE => i += 1,
            OTHER_BYTE => break,
            _ => match word_class_at(s, i) {
                Some((true, len)) => i += len,
                _ => break,
            },
        }
    }
    i
}

/// The start of the run of word chars ending at byte `j` of `s` (a char boundary), walking
/// back as [`word_run_end`] walks forward.
#[inline(always)]
fn word_run_start(s: &str, mut j: usize) -> usize {
    let bytes = s.as_bytes();
    while let Some(&b) = j.checked_sub(1).and_then(|k| bytes.get(k)) {
        match byte_class(b) {
            WORD_BYTE => j -= 1,
            OTHER_BYTE => break,
            _ => match char_before(s, j) {
                Some((i, _, true)) => j = i,
                _ => break,
            },
        }
    }
    j
}

impl<'a> Iterator for WordsIn<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.s.as_bytes();
        let mut i = self.at;
        // Skip separators (ASCII ones by their class alone).
        loop {
            match byte_class(*bytes.get(i)?) {
                WORD_BYTE => break,
                OTHER_BYTE => i += 1,
                _ => {
                    let (word, len) = word_class_at(self.s, i)?;
                    if word {
                        break;
                    }
                    i += len;
                }
            }
        }
        let start = i;
        i = word_run_end(self.s, i);
        self.at = i;
        self.s.get(start..i)
    }
}

/// Words mapped to bit flags (which lists hold them): one hash lookup answers "is this word
/// in list A, B or C" where [`listed`] would compare it with every entry of each list.
#[derive(Debug)]
pub struct Lexicon {
    /// The words (as bytes) and their flags.
    flags: std::collections::HashMap<&'static [u8], u32, crate::text::hash::FxBuild>,
    /// For each ASCII first byte, a bit per word length (lengths from 31 share the last
    /// bit) of the words held: most words are turned away here without hashing.
    shapes: [u32; 128],
    /// The same for each ASCII last byte: a word must pass both tables to be hashed.
    end_shapes: [u32; 128],
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            flags: Default::default(),
            shapes: [0; 128],
            end_shapes: [0; 128],
        }
    }
}

impl Lexicon {
    /// Adds every word of `list` with the bit `flag`.
    pub fn add(&mut self, list: &[&'static str], flag: u32) {
        for w in list {
            let w = w.as_bytes();
            *self.flags.entry(w).or_insert(0) |= flag;
            if let Some((i, bit)) = Self::shape(w, w.first())
                && let Some(slot) = self.shapes.get_mut(i)
            {
                *slot |= bit;
            }
            if let Some((i, bit)) = Self::shape(w, w.last())
                && let Some(slot) = self.end_shapes.get_mut(i)
            {
                *slot |= bit;
            }
        }
    }

    /// The slot and length bit of a word by one of its bytes (`byte`), when that is ASCII.
    #[inline(always)]
    fn shape(w: &[u8], byte: Option<&u8>) -> Option<(usize, u32)> {
        let b = *byte?;
        (b < 0x80).then(|| (usize::from(b), 1u32 << w.len().min(31)))
    }

    /// The flags of `w` (0 when no list holds it).
    #[inline(always)]
    pub fn flags(&self, w: &str) -> u32 {
        self.flags_of_bytes(w.as_bytes())
    }

    /// The flags of the word whose bytes are `w`: the shape tables first (a few
    /// instructions, inlined into the walks), the hash table only for the words they pass.
    #[inline(always)]
    fn flags_of_bytes(&self, w: &[u8]) -> u32 {
        if let Some((i, bit)) = Self::shape(w, w.first())
            && self.shapes.get(i).is_some_and(|s| s & bit == 0)
        {
            return 0;
        }
        if let Some((i, bit)) = Self::shape(w, w.last())
            && self.end_shapes.get(i).is_some_and(|s| s & bit == 0)
        {
            return 0;
        }
        self.hashed(w)
    }

    /// The flags of `w` from the hash table.
    #[inline(never)]
    fn hashed(&self, w: &[u8]) -> u32 {
        self.flags.get(w).copied().unwrap_or(0)
    }
}

/// The words of one sentence that some [`Lexicon`] list holds, found in one walk, with
/// their flags: "does a word of `[from, to)` belong to list X" is then answered from them
/// for every trigger of the sentence, without walking its words again.
#[derive(Debug)]
pub struct Marked<'a> {
    text: &'a str,
    span: (usize, usize),
    /// `(start, end, flags)` of each listed word, in text order.
    marks: Vec<(usize, usize, u32)>,
}

impl<'a> Marked<'a> {
    /// Walks the words of `text[span.0..span.1]` once and keeps those `lexicon` lists.
    pub fn new(text: &'a str, span: (usize, usize), lexicon: &Lexicon) -> Self {
        let mut marks = Vec::new();
        let s = text.get(span.0..span.1).unwrap_or("");
        if s.is_ascii() {
            Self::mark_ascii(s, span.0, lexicon, &mut marks);
        } else {
            Self::mark_any(s, span.0, lexicon, &mut marks);
        }
        Marked { text, span, marks }
    }

    /// The walk of [`Marked::new`] over any text `s` (starting at byte `base` of the text):
    /// the walk of `words_in`, written out, separators skipped by their byte class, each run
    /// of word chars looked up.
    fn mark_any(s: &str, base: usize, lexicon: &Lexicon, marks: &mut Vec<(usize, usize, u32)>) {
        let bytes = s.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            match byte_class(b) {
                WORD_BYTE => {}
                OTHER_BYTE => {
                    i += 1;
                    continue;
                }
                _ => match word_class_at(s, i) {
                    Some((true, _)) => {}
                    Some((false, len)) => {
                        i += len;
                        continue;
                    }
                    None => break,
                },
            }
            let start = i;
            i = word_run_end(s, i);
            let flags = s.get(start..i).map_or(0, |w| lexicon.flags(w));
            if flags != 0 {
                marks.push((base + start, base + i, flags));
            }
        }
    }

    /// The walk of [`Marked::new`] over ASCII text `s` (starting at byte `base` of the
    /// text), where every byte is a char: one pass over the bytes, a word closed at each
    /// separator after word bytes.
    fn mark_ascii(s: &str, base: usize, lexicon: &Lexicon, marks: &mut Vec<(usize, usize, u32)>) {
        let bytes = s.as_bytes();
        let mut word_start = None;
        for (i, &b) in bytes.iter().enumerate() {
            if byte_class(b) == WORD_BYTE {
                word_start.get_or_insert(i);
            } else if let Some(start) = word_start.take() {
                let flags = bytes.get(start..i).map_or(0, |w| lexicon.flags_of_bytes(w));
                if flags != 0 {
                    marks.push((base + start, base + i, flags));
                }
            }
        }
        if let Some(start) = word_start {
            let flags = bytes.get(start..).map_or(0, |w| lexicon.flags_of_bytes(w));
            if flags != 0 {
                marks.push((base + start, base + bytes.len(), flags));
            }
        }
    }

    /// Whether a word of `words_in(text, from, to)` has a flag of `mask`; `None` when the
    /// sentence's words cannot tell (the range leaves the sentence, is not on char
    /// boundaries, or cuts a word, whose piece would be a word of its own).
    pub fn any(&self, from: usize, to: usize, mask: u32) -> Option<bool> {
        let inside = self.span.0 <= from
            && from <= to
            && to <= self.span.1
            && self.text.get(self.span.0..self.span.1).is_some();
        if !inside || !self.text.is_char_boundary(from) || !self.text.is_char_boundary(to) {
            return None;
        }
        let cuts = |i: usize| {
            char_before(self.text, i).is_some_and(|(_, _, w)| w)
                && char_at(self.text, i).is_some_and(|(_, w)| w)
        };
        if (from > self.span.0 && cuts(from)) || (to < self.span.1 && cuts(to)) {
            return None;
        }
        Some(
            self.marks
                .iter()
                .any(|&(a, b, f)| a >= from && b <= to && f & mask != 0),
        )
    }
}

/// Whether `s` holds a double quotation mark (`"`, `“` or `”`): a byte search, the curly
/// marks read as chars only after their lead byte 0xE2 is found.
pub fn has_double_quote(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr(b'"', b).is_some()
        || (memchr::memchr(0xE2, b).is_some() && s.contains(['“', '”']))
}

/// Whether `w` is one of `list`: the first byte is compared before the whole word, which
/// settles most misses without a call to `memcmp`.
#[inline]
pub fn listed(list: &[&str], w: &str) -> bool {
    let first = w.as_bytes().first();
    list.iter()
        .any(|x| x.len() == w.len() && x.as_bytes().first() == first && *x == w)
}

/// Titles written short with a period (`Gen.`), which the title scanner can read as a name.
pub const ABBREVIATED_TITLES: &[&str] = &[
    "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen", "Rep", "Prof", "Mr", "Mrs",
    "Ms", "Dr", "Cmdr", "Brig",
];

/// A noun counting events before `of`: `waves of air strikes`, `a series of attacks`.
pub fn is_count_noun(w: &str) -> bool {
    const COUNTS: &[&str] = &[
        "wave",
        "waves",
        "series",
        "spate",
        "string",
        "barrage",
        "round",
        "rounds",
        "flurry",
        "volley",
        "dozens",
        "hundreds",
        "thousands",
        "number",
        "couple",
    ];
    listed(COUNTS, w)
}

/// A capitalized word that never names an actor: a function word opening a sentence (`The`,
/// `After`, `They`) or a weekday or month (`Monday`, `May`, months from
/// [`crate::export::MONTH_NAMES`]).
pub fn never_a_name(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "He",
        "She",
        "It",
        "They",
        "We",
        "This",
        "That",
        "But",
        "And",
        "Last",
        "Next",
        "After",
        "Before",
        "While",
        "When",
        "As",
        "If",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    WORDS.contains(&w) || crate::export::MONTH_NAMES.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-iterator versions `next_words` and `prev_words` replaced (kept to check the
    /// byte-level ones against).
    fn next_words_reference(text: &str, from: usize, n: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let Some(rest) = text.get(from..) else {
            return out;
        };
        let mut start: Option<usize> = None;
        for (i, c) in rest.char_indices() {
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
                continue;
            }
            if let Some(s) = start.take() {
                out.push((from + s, from + trim_end(rest, s, i)));
                if out.len() >= n {
                    return out;
                }
            }
            if is_clause_stop(c)
                && !(c == '.' && is_abbrev_dot(rest, i))
                && !digit_separator(rest, i)
            {
                return out;
            }
        }
        if let Some(s) = start
            && out.len() < n
        {
            out.push((from + s, from + rest.len()));
        }
        out
    }

    fn prev_words_reference(text: &str, floor: usize, to: usize, n: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let Some(seg) = text.get(floor..to) else {
            return out;
        };
        let mut end: Option<usize> = None;
        for (i, c) in seg.char_indices().rev() {
            if is_word_char(c) {
                if end.is_none() {
                    end = Some(i + c.len_utf8());
                }
                continue;
            }
            if let Some(e) = end.take() {
                let s = i + c.len_utf8();
                out.push((floor + s, floor + trim_end(seg, s, e)));
                if out.len() >= n {
                    return out;
                }
            }
        }
        if let Some(e) = end
            && out.len() < n
        {
            out.push((floor, floor + trim_end(seg, 0, e)));
        }
        out
    }

    fn trim_end_reference(s: &str, start: usize, end: usize) -> usize {
        let w = s.get(start..end).unwrap_or("");
        for suf in ["'s", "’s", "'", "’"] {
            if let Some(stem) = w.strip_suffix(suf)
                && !stem.is_empty()
            {
                return start + stem.len();
            }
        }
        end
    }

    #[test]
    fn lexicon_flags_are_list_membership() {
        let mut lex = Lexicon::default();
        lex.add(
            &[
                "may",
                "might",
                "if",
                "a-very-long-word-of-more-than-31-bytes",
            ],
            1,
        );
        lex.add(&["may", "not", "é"], 2);
        for (w, f) in [
            ("may", 3),
            ("might", 1),
            ("if", 1),
            ("not", 2),
            ("é", 2),
            ("a-very-long-word-of-more-than-31-bytes", 1),
            ("a-very-long-word-of-more-than-31-bytez", 0),
            ("ma", 0),
            ("", 0),
            ("nor", 0),
            ("è", 0),
        ] {
            assert_eq!(lex.flags(w), f, "{w}");
        }
    }

    #[test]
    fn listed_is_contains() {
        let list = ["a", "an", "the", "their", ""];
        for w in ["a", "an", "the", "thei", "their", "theirs", "", "b", "x"] {
            assert_eq!(listed(&list, w), list.contains(&w), "{w}");
        }
    }

    fn prev_word_reference(text: &str, start: usize) -> Option<&str> {
        let before = text.get(..start)?;
        let before = before.trim_end_matches(['“', '"', '‘', '\'']);
        let trimmed = before.trim_end();
        if trimmed.len() != before.len() || trimmed.is_empty() {
            let (s, e) = *prev_words_reference(text, 0, trimmed.len(), 1).first()?;
            if e != trimmed.len() {
                return None;
            }
            return text.get(s..e);
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn words_in_is_split_on_non_word_chars(
            text in "[a-zA-Z0-9 .,;:'’“”\\-—–()éİK]{0,40}",
            a in 0usize..48,
            b in 0usize..48,
        ) {
            let (from, to) = (a.min(b), a.max(b));
            let reference: Vec<&str> = text
                .get(from..to)
                .unwrap_or("")
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(words_in(&text, from, to).collect::<Vec<_>>(), reference);
        }

        #[test]
        fn before_words_are_prev_words(
            text in "[a-zA-Z0-9 .,;:'’“”\\-—–()éİK]{0,40}",
            base in 0usize..48,
            to in 0usize..48,
            floor in 0usize..48,
            n in 0usize..14,
        ) {
            let before = Before::new(&text, base, to);
            proptest::prop_assert_eq!(
                before.words(floor, n).to_vec(),
                prev_words(&text, floor, to, n).to_vec()
            );
        }

        #[test]
        fn marked_words_answer_as_a_walk_would(
            text in "[a-z0-9 .,;:'’“”\\-—–()éİK]{0,20}(may|not|if|x| |'){0,6}[a-z .,'é]{0,10}",
            s0 in 0usize..40,
            s1 in 0usize..40,
            a in 0usize..40,
            b in 0usize..40,
        ) {
            let mut lex = Lexicon::default();
            lex.add(&["may", "if"], 1);
            lex.add(&["not", "x", "'"], 2);
            let span = (s0.min(s1), s0.max(s1));
            let marked = Marked::new(&text, span, &lex);
            for mask in [1, 2, 3] {
                if let Some(got) = marked.any(a, b, mask) {
                    let walked = words_in(&text, a, b).any(|w| lex.flags(w) & mask != 0);
                    proptest::prop_assert_eq!(got, walked);
                }
            }
        }

        #[test]
        fn prev_word_reads_the_gap_as_the_char_walk_does(
            text in "[a-zA-Z0-9 \t\n\r\u{0B}\u{0C}\u{A0}\u{2003}.,'’“”‘\"\\-é]{0,24}",
            start in 0usize..30,
        ) {
            proptest::prop_assert_eq!(prev_word(&text, start), prev_word_by_chars(&text, start));
        }

        #[test]
        fn ascii_marks_are_the_general_walks_marks(
            text in "[a-zA-Z0-9 .,;:'\\-()]{0,30}(may|not|if|x| |'|-){0,6}[a-z .,']{0,10}",
            base in 0usize..100,
        ) {
            let mut lex = Lexicon::default();
            lex.add(&["may", "not", "if", "x", "'", "-", "a", "may-not", "don't"], 1);
            lex.add(&["not", "if", "b", "x-"], 2);
            let (mut ascii, mut any) = (Vec::new(), Vec::new());
            Marked::mark_ascii(&text, base, &lex, &mut ascii);
            Marked::mark_any(&text, base, &lex, &mut any);
            proptest::prop_assert_eq!(ascii, any);
        }

        #[test]
        fn a_bounded_walk_is_the_walk_cut_at_its_first_refused_word(
            text in "[a-zA-Z0-9 .,;:'’“”\\-—–()éİK]{0,40}",
            from in 0usize..48,
            limit in 0usize..48,
            budget in 0usize..48,
            n in 0usize..14,
        ) {
            let keep = |(s, e): (usize, usize)| e <= limit && e - from.min(e) <= budget && s < limit;
            let mut expected = next_words(&text, from, n);
            expected.truncate(expected.iter().position(|&w| !keep(w)).unwrap_or(expected.len()));
            proptest::prop_assert_eq!(next_words_while(&text, from, n, keep), expected);
        }

        #[test]
        fn byte_level_word_walks_match_the_char_iterators(
            text in "[a-zA-Z0-9 .,;:'’“”\\-—–()éİK]{0,40}",
            a in 0usize..48,
            b in 0usize..48,
            n in 0usize..6,
        ) {
            let (from, to) = (a.min(b), a.max(b));
            proptest::prop_assert_eq!(
                next_words(&text, from, n),
                next_words_reference(&text, from, n)
            );
            proptest::prop_assert_eq!(
                prev_words(&text, from, to, n),
                prev_words_reference(&text, from, to, n)
            );
            proptest::prop_assert_eq!(prev_word(&text, a), prev_word_reference(&text, a));
            let walked: Vec<&str> = words_in(&text, from, to).collect();
            let expected: Vec<&str> = text
                .get(from..to)
                .unwrap_or("")
                .split(|c: char| !is_word_char(c))
                .filter(|w| !w.is_empty())
                .collect();
            proptest::prop_assert_eq!(walked, expected);
            proptest::prop_assert_eq!(has_double_quote(&text), text.contains(['"', '“', '”']));
            for s in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                for e in (s..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                    proptest::prop_assert_eq!(trim_end(&text, s, e), trim_end_reference(&text, s, e));
                }
            }
        }
    }

    #[test]
    fn next_words_stop_at_commas_but_not_in_abbreviations() {
        let t = "fired two U.S. missiles, then left";
        let w: Vec<&str> = next_words(t, 5, 10)
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(w, ["two", "U", "S", "missiles"]);
    }

    #[test]
    fn prev_words_nearest_first_and_possessives_trimmed() {
        let t = "Russia’s defense sector";
        let w: Vec<&str> = prev_words(t, 0, t.len(), 3)
            .iter()
            .map(|&(a, b)| &t[a..b])
            .collect();
        assert_eq!(w, ["sector", "defense", "Russia"]);
        assert_eq!(prev_word(t, 19), Some("defense"));
    }
}
