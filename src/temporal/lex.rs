//! Tokens and word tables for the time-expression tagger.
//!
//! The tagger never tokenizes a whole text: it finds trigger words in one walk over the text
//! and tokenizes a small window around each hit. Tokens keep their byte span and a lowercase
//! copy of short words in a fixed buffer, so no allocation happens per token.

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and apostrophes inside them).
    Word,
    /// ASCII digits, possibly with `,` thousands separators or a decimal point.
    Num,
    /// Any other single non-space character.
    Punct,
}

const LOW_CAP: usize = 16;

/// One token of a window.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    low: [u8; LOW_CAP],
    low_len: u8,
    /// The first character is an ASCII capital.
    pub cap: bool,
    /// For numbers: contains a `,` or `.`.
    pub grouped: bool,
}

impl Tok {
    /// The lowercase text of a short token (empty for longer ones).
    pub fn low(&self) -> &[u8] {
        self.low.get(..usize::from(self.low_len)).unwrap_or(&[])
    }

    pub fn is(&self, word: &str) -> bool {
        self.low() == word.as_bytes()
    }

    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    pub fn is_char(&self, c: u8) -> bool {
        self.kind == Kind::Punct && self.low() == [c]
    }

    /// The integer value of an ungrouped number token.
    pub fn num(&self) -> Option<u32> {
        if self.kind != Kind::Num || self.grouped || self.low_len > 9 {
            return None;
        }
        let mut v: u32 = 0;
        for &b in self.low() {
            v = v * 10 + u32::from(b - b'0');
        }
        Some(v)
    }

    pub fn digits(&self) -> usize {
        if self.kind == Kind::Num && !self.grouped {
            usize::from(self.low_len)
        } else {
            0
        }
    }
}

#[cfg(test)]
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// Length of a possessive `'s` (or curly `’s`) at `i`, followed by a non-letter.
fn possessive_at(bytes: &[u8], i: usize) -> Option<usize> {
    let n = match bytes.get(i..i + 3) {
        Some([0xE2, 0x80, 0x99]) => 3,
        _ if bytes.get(i) == Some(&b'\'') => 1,
        _ => return None,
    };
    let s = bytes.get(i + n)?;
    if (*s == b's' || *s == b'S') && !bytes.get(i + n + 1).is_some_and(u8::is_ascii_alphanumeric) {
        Some(n + 1)
    } else {
        None
    }
}

fn is_curly_apostrophe(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i..i + 3), Some([0xE2, 0x80, 0x99 | 0x98]))
}

/// Whether the number starting at `start` follows a hyphen after a capitalized word.
fn glued_to_name(bytes: &[u8], start: usize) -> bool {
    if start < 2 || bytes.get(start - 1) != Some(&b'-') {
        return false;
    }
    let mut j = start - 1;
    while j > 0 && bytes.get(j - 1).is_some_and(u8::is_ascii_alphabetic) {
        j -= 1;
    }
    j < start - 1 && bytes.get(j).is_some_and(u8::is_ascii_uppercase)
}

/// Tokenizes `text[from..to]` into `out` (cleared first); `lower` is `text` ASCII-lowercased.
/// `from` and `to` must be char boundaries; the caller guarantees it.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, lower: &[u8], from: usize, to: usize, out: &mut Vec<Tok>) {
    out.clear();
    tokenize_until(text, lower, from, to, usize::MAX, out);
}

/// The first tokens of `text[from..to]` into `out` (cleared first): those that start before
/// `need`, and maybe a few more. Returns where the tokenizer stopped; [`tokenize_until`]
/// from there, with the same `to`, makes the rest.
pub(crate) fn tokenize_prefix(
    text: &str,
    lower: &[u8],
    from: usize,
    to: usize,
    need: usize,
    out: &mut Vec<Tok>,
) -> usize {
    out.clear();
    tokenize_until(text, lower, from, to, need, out)
}

/// Makes `out`, the first tokens of `text[old.0..old.1]` (all, or as many as
/// [`tokenize_prefix`] made), the first tokens of `text[from..to]` as [`tokenize_prefix`]
/// makes them (those that start before `need`), keeping the tokens both have: when the new
/// range starts inside the old one, at a token of it, the tokens from there are the same up
/// to the last one that ends clear of the old end (the tokenizer's only state is where it
/// is), and only the rest is tokenized. Returns where the tokenizer stopped.
pub(crate) fn retokenize(
    text: &str,
    lower: &[u8],
    out: &mut Vec<Tok>,
    old: (usize, usize),
    from: usize,
    to: usize,
    need: usize,
) -> usize {
    let (old_from, old_to) = old;
    if old_from <= from && from < old_to && old_to <= to {
        let bytes = text.as_bytes();
        let first = bytes.get(from..).map_or(from, |r| {
            from + r
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .unwrap_or(r.len())
        });
        let lo = out.partition_point(|t| t.start < from);
        // The number and word scans look at most one byte past a token's end.
        let keep = out.partition_point(|t| t.end + 1 < old_to);
        if out.get(lo).is_some_and(|t| t.start == first)
            && keep > lo
            && let Some(resume) = out.get(keep - 1).map(|t| t.end)
        {
            out.truncate(keep);
            out.drain(..lo);
            return tokenize_until(text, lower, resume, to, need, out);
        }
    }
    tokenize_prefix(text, lower, from, to, need, out)
}

/// Appends the tokens of `text[from..to]` to `out`, stopping before the first one that
/// would start at or after `need`; returns where it stopped (where the next token, if any,
/// is looked for).
pub(crate) fn tokenize_until(
    text: &str,
    lower: &[u8],
    from: usize,
    to: usize,
    need: usize,
    out: &mut Vec<Tok>,
) -> usize {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let stop = to.min(need);
    let mut i = from;
    while i < stop {
        let Some(&b) = bytes.get(i) else { break };
        let class = CLASS[usize::from(b)];
        if class == C_SPACE {
            i += 1;
            continue;
        }
        let start = i;
        let mut kind;
        let mut grouped = false;
        let mut possessive = false;
        if class == C_DIGIT {
            kind = Kind::Num;
            i = number_end(bytes, i + 1, to, &mut grouped);
            // `Joint Sword-2024A`, `Hwasong-18`, `Su-35`: a number glued to a capitalized
            // name is part of it, no year or count (`mid-2024`, `end-2012` stay numbers).
            if glued_to_name(bytes, start) {
                kind = Kind::Word;
            }
        } else if let Some(n) = (class == C_APOS || class == C_E2)
            .then(|| possessive_at(bytes, i))
            .flatten()
        {
            // `'s` (or a curly `’s`) is its own token: `Friday's` is `Friday` + `'s`.
            kind = Kind::Word;
            possessive = true;
            i += n;
        } else if class == C_LETTER
            || class == C_HIGH
            || (class == C_E2 && !is_curly_apostrophe(bytes, i))
        {
            kind = Kind::Word;
            i = word_end(bytes, i + 1, to);
            // Snap to a char boundary in case the window ends inside a multi-byte char (a
            // word ends before `to` only at an ASCII byte or the start of a character).
            while i >= to && i < bytes.len() && !text.is_char_boundary(i) {
                i += 1;
            }
        } else {
            kind = Kind::Punct;
            i += 1;
            while i < bytes.len() && !text.is_char_boundary(i) {
                i += 1;
            }
        }
        // Each branch makes the whole array: patching bytes of one already stored made the
        // compiler split it, and the push then stalled on reading it back.
        let (low, low_len) = if possessive {
            (POSSESSIVE_LOW, 2)
        } else if kind == Kind::Punct && b == 0xE2 {
            punct_e2_low(text, lower, start, i)
        } else if i - start <= LOW_CAP {
            (prefix(lower, start), u8::try_from(i - start).unwrap_or(0))
        } else {
            ([0u8; LOW_CAP], 0)
        };
        out.push(Tok {
            start,
            end: i,
            kind,
            low,
            low_len,
            cap: b.is_ascii_uppercase(),
            grouped,
        });
    }
    i
}

/// The lowercase bytes of a possessive `'s` token.
const POSSESSIVE_LOW: [u8; LOW_CAP] = {
    let mut low = [0u8; LOW_CAP];
    low[0] = b'\'';
    low[1] = b's';
    low
};

/// The lowercase bytes and length of the punctuation token `text[start..end]` that starts
/// with 0xE2: curly apostrophes and dashes are normalized to ASCII for matching.
#[inline(never)]
fn punct_e2_low(text: &str, lower: &[u8], start: usize, end: usize) -> ([u8; LOW_CAP], u8) {
    let mut low = prefix(lower, start);
    let mut low_len = u8::try_from(end - start).unwrap_or(0);
    match text.get(start..end) {
        Some("\u{2019}" | "\u{2018}") => {
            low[0] = b'\'';
            low_len = 1;
        }
        Some("\u{2013}" | "\u{2014}") => {
            low[0] = b'-';
            low_len = 1;
        }
        _ => {}
    }
    (low, low_len)
}

/// The (up to) 16 bytes of `lower` from `start`; zeros past its end.
#[inline]
fn prefix(lower: &[u8], start: usize) -> [u8; LOW_CAP] {
    match lower
        .get(start..start + LOW_CAP)
        .and_then(|src| <[u8; LOW_CAP]>::try_from(src).ok())
    {
        Some(low) => low,
        None => prefix_near_end(lower, start),
    }
}

/// [`prefix`] within 16 bytes of the end, out of line so that the common case stays one
/// 16-byte load (merged, the two became a call to `memcpy` for every token).
#[cold]
#[inline(never)]
fn prefix_near_end(lower: &[u8], start: usize) -> [u8; LOW_CAP] {
    let mut low = [0u8; LOW_CAP];
    for (d, s) in low.iter_mut().zip(lower.get(start..).unwrap_or(&[])) {
        *d = *s;
    }
    low
}

/// Where a number token that continues at `i` ends: digits, and `,` or `.` between digits
/// (which make it `grouped`).
fn number_end(bytes: &[u8], mut i: usize, to: usize, grouped: &mut bool) -> usize {
    while i < to {
        match bytes.get(i) {
            Some(c) if c.is_ascii_digit() => i += 1,
            Some(b',' | b'.') if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && i + 1 < to => {
                *grouped = true;
                i += 1;
            }
            _ => break,
        }
    }
    i
}

/// Byte classes of the tokenizer.
const C_OTHER: u8 = 0;
const C_SPACE: u8 = 1;
const C_DIGIT: u8 = 2;
const C_LETTER: u8 = 3;
const C_APOS: u8 = 4;
/// 0xE2, which starts curly quotes and dashes.
const C_E2: u8 = 5;
/// Any other byte of a multi-byte character.
const C_HIGH: u8 = 6;

/// The class of each byte.
static CLASS: [u8; 256] = {
    let mut t = [C_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b.is_ascii_whitespace() {
            C_SPACE
        } else if b.is_ascii_digit() {
            C_DIGIT
        } else if b.is_ascii_alphabetic() {
            C_LETTER
        } else if b == b'\'' {
            C_APOS
        } else if b == 0xE2 {
            C_E2
        } else if b >= 0x80 {
            C_HIGH
        } else {
            C_OTHER
        };
        i += 1;
    }
    t
};

/// How many ASCII letters start at `i` (not reaching past `to`), looked at 8 bytes at a time.
fn letters_at(bytes: &[u8], i: usize, to: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let limit = to.saturating_sub(i);
    let mut n = 0;
    while n < limit {
        let Some(chunk) = bytes.get(i + n..i + n + 8) else {
            while n < limit && bytes.get(i + n).is_some_and(u8::is_ascii_alphabetic) {
                n += 1;
            }
            return n;
        };
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        let x = u64::from_le_bytes(b);
        // Per byte, the high bit says: an ASCII letter (`a`..=`z` once `0x20` is set).
        let folded = (x | (ONES * 0x20)) & !HIGH;
        let from_a = folded + ONES * (0x80 - u64::from(b'a'));
        let past_z = folded + ONES * (0x80 - u64::from(b'z') - 1);
        let letters = from_a & !past_z & !x & HIGH;
        let run = (!letters & HIGH).trailing_zeros() / 8;
        n += run as usize;
        if run < 8 {
            break;
        }
    }
    n.min(limit)
}

/// Where a word token that continues at `i` ends: letters and other non-ASCII bytes, and an
/// apostrophe between letters (`o'clock`); a possessive `'s` or a curly apostrophe ends it.
fn word_end(bytes: &[u8], mut i: usize, to: usize) -> usize {
    while i < to {
        i += letters_at(bytes, i, to);
        let Some(&c) = bytes.get(i).filter(|_| i < to) else {
            break;
        };
        match CLASS[usize::from(c)] {
            C_LETTER | C_HIGH => i += 1,
            C_APOS => {
                if possessive_at(bytes, i).is_none()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
                {
                    i += 1;
                } else {
                    break;
                }
            }
            C_E2 => {
                if possessive_at(bytes, i).is_some() || is_curly_apostrophe(bytes, i) {
                    break;
                }
                i += 1;
            }
            _ => break,
        }
    }
    i
}

/// Tokenizes `text[from..to]` into `out` (cleared first). `from` and `to` must be char
/// boundaries; the caller guarantees it.
#[cfg(test)]
pub(crate) fn tokenize_slow(text: &str, from: usize, to: usize, out: &mut Vec<Tok>) {
    out.clear();
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let mut i = from;
    while i < to {
        let Some(&b) = bytes.get(i) else { break };
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        let mut grouped = false;
        if b.is_ascii_digit() {
            kind = Kind::Num;
            i += 1;
            while i < to {
                match bytes.get(i) {
                    Some(c) if c.is_ascii_digit() => i += 1,
                    Some(b',' | b'.')
                        if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) && i + 1 < to =>
                    {
                        grouped = true;
                        i += 1;
                    }
                    _ => break,
                }
            }
        } else if let Some(n) = possessive_at(bytes, i) {
            // `'s` (or a curly `’s`) is its own token: `Friday's` is `Friday` + `'s`.
            kind = Kind::Word;
            i += n;
        } else if is_word_byte(b) && !is_curly_apostrophe(bytes, i) {
            kind = Kind::Word;
            i += 1;
            while i < to {
                if possessive_at(bytes, i).is_some() || is_curly_apostrophe(bytes, i) {
                    break;
                }
                match bytes.get(i) {
                    Some(&c) if is_word_byte(c) => i += 1,
                    // `o'clock`: an apostrophe between letters stays in the word.
                    Some(b'\'') if bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                        i += 1;
                    }
                    _ => break,
                }
            }
            // Snap to a char boundary in case the window ends inside a multi-byte char.
            while i < bytes.len() && !text.is_char_boundary(i) {
                i += 1;
            }
        } else {
            kind = Kind::Punct;
            i += 1;
            while i < bytes.len() && !text.is_char_boundary(i) {
                i += 1;
            }
        }
        // `Joint Sword-2024A`, `Hwasong-18`, `Su-35`: a number glued to a capitalized name
        // is part of it, no year or count (`mid-2024`, `end-2012` stay numbers).
        let kind = if kind == Kind::Num && glued_to_name(bytes, start) {
            Kind::Word
        } else {
            kind
        };
        let mut low = [0u8; LOW_CAP];
        let possessive = kind == Kind::Word && possessive_at(bytes, start) == Some(i - start);
        let len = i - start;
        let mut low_len = 0u8;
        if len <= LOW_CAP
            && let Some(src) = bytes.get(start..i)
        {
            for (d, s) in low.iter_mut().zip(src) {
                *d = s.to_ascii_lowercase();
            }
            low_len = u8::try_from(len).unwrap_or(0);
        }
        if possessive {
            low = [0u8; LOW_CAP];
            low[0] = b'\'';
            low[1] = b's';
            low_len = 2;
        }
        // Curly apostrophes and dashes: normalize to ASCII for matching.
        if kind == Kind::Punct {
            match text.get(start..i) {
                Some("\u{2019}" | "\u{2018}") => {
                    low[0] = b'\'';
                    low_len = 1;
                }
                Some("\u{2013}" | "\u{2014}") => {
                    low[0] = b'-';
                    low_len = 1;
                }
                _ => {}
            }
        }
        out.push(Tok {
            start,
            end: i,
            kind,
            low,
            low_len,
            cap: b.is_ascii_uppercase(),
            grouped,
        });
    }
}

/// Month number of a full or abbreviated month name.
pub(crate) fn month_of(w: &[u8]) -> Option<(u32, bool)> {
    // (month, is_abbreviation)
    Some(match w {
        b"january" => (1, false),
        b"february" => (2, false),
        b"march" => (3, false),
        b"april" => (4, false),
        b"may" => (5, false),
        b"june" => (6, false),
        b"july" => (7, false),
        b"august" => (8, false),
        b"september" => (9, false),
        b"october" => (10, false),
        b"november" => (11, false),
        b"december" => (12, false),
        b"jan" => (1, true),
        b"feb" => (2, true),
        b"mar" => (3, true),
        b"apr" => (4, true),
        b"jun" => (6, true),
        b"jul" => (7, true),
        b"aug" => (8, true),
        b"sep" | b"sept" => (9, true),
        b"oct" => (10, true),
        b"nov" => (11, true),
        b"dec" => (12, true),
        _ => return None,
    })
}

/// ISO weekday number (Monday = 1) of a weekday name.
pub(crate) fn weekday_of(w: &[u8]) -> Option<(u32, bool)> {
    Some(match w {
        b"monday" | b"mondays" => (1, false),
        b"tuesday" | b"tuesdays" => (2, false),
        b"wednesday" | b"wednesdays" => (3, false),
        b"thursday" | b"thursdays" => (4, false),
        b"friday" | b"fridays" => (5, false),
        b"saturday" | b"saturdays" => (6, false),
        b"sunday" | b"sundays" => (7, false),
        b"mon" => (1, true),
        b"tue" | b"tues" => (2, true),
        b"wed" => (3, true),
        b"thu" | b"thur" | b"thurs" => (4, true),
        b"fri" => (5, true),
        b"sat" => (6, true),
        b"sun" => (7, true),
        _ => return None,
    })
}

/// Calendar units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Unit of a unit noun, and whether it is plural.
pub(crate) fn unit_of(w: &[u8]) -> Option<(Unit, bool)> {
    Some(match w {
        b"minute" => (Unit::Minute, false),
        b"minutes" => (Unit::Minute, true),
        b"hour" => (Unit::Hour, false),
        b"hours" => (Unit::Hour, true),
        b"day" => (Unit::Day, false),
        b"days" => (Unit::Day, true),
        b"week" => (Unit::Week, false),
        b"weeks" => (Unit::Week, true),
        b"weekend" => (Unit::Weekend, false),
        b"weekends" => (Unit::Weekend, true),
        b"month" => (Unit::Month, false),
        b"months" => (Unit::Month, true),
        b"quarter" => (Unit::Quarter, false),
        b"quarters" => (Unit::Quarter, true),
        b"year" => (Unit::Year, false),
        b"years" => (Unit::Year, true),
        b"decade" => (Unit::Decade, false),
        b"decades" => (Unit::Decade, true),
        b"century" => (Unit::Century, false),
        b"centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Value of a cardinal number word.
pub(crate) fn number_word(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"one" | b"a" | b"an" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        b"hundred" => 100,
        b"dozen" => 12,
        _ => return None,
    })
}

/// Value of an ordinal word (`first` .. `thirty-first` parts).
pub(crate) fn ordinal_word(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        b"twentieth" => 20,
        b"twenty-first" => 21,
        _ => return None,
    })
}

/// Words that can start a time expression's trigger: the Aho-Corasick patterns.
pub(crate) const TRIGGERS: &[&str] = &[
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9", //
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec", //
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "saturdays",
    "sundays",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun", //
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "weekend",
    "weekends",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries", //
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
    "now",
    "currently",
    "recently",
    "lately",
    "soon",
    "current",
    "recent",
    "future",
    "past",
    "nowadays",
    "present", //
    "morning",
    "afternoon",
    "evening",
    "night",
    "noon",
    "midnight",
    "midday",
    "overnight",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter", //
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "quarterly",
    "hourly",
    "nightly",
    "biweekly",
    "fortnight",
    "fortnightly", //
    "fiscal",
    "christmas",
    "thanksgiving",
    "new year",
    "halloween",
    "easter",
    "period",
    "nineties",
    "eighties",
    "seventies",
    "sixties",
    "fifties",
    "forties",
    "thirties",
    "twenties",
    "half",
    "term",
    "nineteen",
];

#[cfg(test)]
mod tokenize_tests {
    use super::*;

    fn same(text: &str) {
        let lower = text.to_ascii_lowercase().into_bytes();
        let mut a = Vec::new();
        let mut b = Vec::new();
        let idx: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &f in &idx {
            for &t in &idx {
                if t < f {
                    continue;
                }
                tokenize(text, &lower, f, t, &mut a);
                tokenize_slow(text, f, t, &mut b);
                let fa: Vec<_> = a
                    .iter()
                    .map(|x| (x.start, x.end, x.kind, x.low().to_vec(), x.cap, x.grouped))
                    .collect();
                let fb: Vec<_> = b
                    .iter()
                    .map(|x| (x.start, x.end, x.kind, x.low().to_vec(), x.cap, x.grouped))
                    .collect();
                assert_eq!(fa, fb, "{text:?} {f} {t}");
            }
        }
    }

    #[test]
    fn counts_letters_8_bytes_at_once() {
        let all: Vec<u8> = (0..=255u8).collect();
        for &c in &all {
            for k in 0..12 {
                let mut v = vec![b'x'; k];
                v.push(c);
                v.extend_from_slice(b"abcdefghij");
                let want = v.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                assert_eq!(letters_at(&v, 0, v.len()), want);
                assert_eq!(letters_at(&v, 0, 3), want.min(3));
            }
        }
    }

    fn key(t: &Tok) -> (usize, usize, Kind, Vec<u8>, bool, bool) {
        (t.start, t.end, t.kind, t.low().to_vec(), t.cap, t.grouped)
    }

    /// Checks that `buf`, made by a tokenizer that stopped at `made` after being asked for
    /// the tokens before `need` of `text[f..t]`, holds those, and that tokenizing on from
    /// `made` gives all of them.
    fn prefix_then_rest(
        text: &str,
        lower: &[u8],
        mut buf: Vec<Tok>,
        made: usize,
        f: usize,
        t: usize,
        need: usize,
    ) {
        let mut full = Vec::new();
        tokenize(text, lower, f, t, &mut full);
        let before = |v: &[Tok]| {
            v.iter()
                .filter(|x| x.start < need)
                .map(key)
                .collect::<Vec<_>>()
        };
        assert_eq!(before(&buf), before(&full), "{text:?} {f}..{t} need {need}");
        tokenize_until(text, lower, made, t, usize::MAX, &mut buf);
        let a: Vec<_> = buf.iter().map(key).collect();
        let b: Vec<_> = full.iter().map(key).collect();
        assert_eq!(a, b, "{text:?} {f}..{t} need {need} made {made}");
    }

    /// Retokenizing a chunk (made whole or only in part) into another.
    fn retokenize_check(text: &str, step: usize) {
        let lower = text.to_ascii_lowercase().into_bytes();
        let idx: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let mut buf = Vec::new();
        for &of in idx.iter().step_by(5 * step) {
            for &ot in idx.iter().filter(|&&t| t >= of).step_by(3 * step) {
                for &on in idx
                    .iter()
                    .filter(|&&n| n >= of)
                    .step_by(23 * step)
                    .chain([&usize::MAX])
                {
                    let old_made = tokenize_prefix(text, &lower, of, ot, on, &mut buf);
                    let old = buf.clone();
                    prefix_then_rest(text, &lower, old.clone(), old_made, of, ot, on);
                    for &f in idx
                        .iter()
                        .filter(|&&f| f >= of && f <= ot)
                        .step_by(2 * step)
                    {
                        for &t in idx.iter().filter(|&&t| t >= ot).step_by(7 * step) {
                            for &n in idx
                                .iter()
                                .filter(|&&n| n >= f && n <= t)
                                .step_by(29 * step)
                                .chain([&usize::MAX])
                            {
                                buf.clone_from(&old);
                                let made = retokenize(text, &lower, &mut buf, (of, ot), f, t, n);
                                prefix_then_rest(text, &lower, buf.clone(), made, f, t, n);
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn retokenizing_keeps_only_what_tokenizing_makes() {
        for text in [
            "Friday's o'clock 1,000.5 Su-35 mid-2024 A380 x'y 'S Friday’s l’État ‘quote’ – — 3.",
            "On Jan. 16, 1998, talks began;  12,3 1.2.3 rock’n’roll  São Paulo’s   5pm 10:35 a.m.",
            "abcdefghijklmnopqrstuvwxyz0123456789 1,2,3,4,5 it's   ’s x",
        ] {
            retokenize_check(text, 1);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// A tokenizer stopped early and resumed makes what one run makes, on any text.
        #[test]
        fn prefix_and_retokenize_on_any_text(
            text in "([a-zA-Z0-9 ,.'\\-]|’|–|é|\\n){0,40}",
        ) {
            retokenize_check(&text, 2);
        }
    }

    #[test]
    fn fast_tokenize_matches() {
        for t in [
            "Friday's o'clock 1,000.5 Su-35 mid-2024 A380 x'y 'S ’s Friday’s l’État don’t ‘quote’ – — naïve Zürich 2024A, 3.",
            "Hwasong-18 end-2012 12,3 1.2.3 '' ''s’ ’’s rock’n’roll São Paulo’s EXTRAORDINARILYLONGWORDHERE ok",
            "“Hi,” he said—“now’s” 5pm 10:35 a.m. It's ITS'S café’ x’ ’",
        ] {
            same(t);
        }
    }
}
