//! Publication dates: parsing metadata date strings, and finding a dateline or byline date in
//! the first lines of an article's text.
//!
//! Only a date with a year fixes an article's date: `TOKYO, Sept 13 (KUNA) --` alone does not.
//! Copyright and footer lines (`© 2025 Benzinga.com`) are never used, nor the file's times.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

const MONTHS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// `March 12, 2024`, `Sept. 13 2024`, `12 March 2024`, `12th of March, 2024`, `2024-03-12`.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:(?P<m1>{MONTHS})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{MONTHS})\.?,?\s+(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-(?P<mo3>\d{{1,2}})-(?P<d3>\d{{1,2}}))\b"
    );
    Regex::new(&pattern).unwrap_or_else(|e| unreachable!("date pattern: {e}"))
});

/// A label that says the date on this line is the publication (rank 0) or update (rank 1) date.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\W_]*(?:(?P<pub>first published|published|posted|date|dated|created|filed)|(?P<upd>last updated|updated|last modified|modified))\b")
        .unwrap_or_else(|e| unreachable!("label pattern: {e}"))
});

/// A wire dateline before the date: `WASHINGTON, `, `Seoul, South Korea, `, `TOKYO, `. Part
/// lengths are checked by [`is_dateline_place`]: bounded repeats of Unicode classes take tens
/// of milliseconds to compile.
static DATELINE_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Lu}][\p{L}.'’\- ]+(?:,\s*[\p{Lu}][\p{L}.'’\- ]+){0,2},\s*$")
        .unwrap_or_else(|e| unreachable!("dateline pattern: {e}"))
});

/// Whether `s` is a wire dateline's place: [`DATELINE_PLACE`] with at most 41 characters in
/// the first part and 31 in each further one.
fn is_dateline_place(s: &str) -> bool {
    let shape = if s.is_ascii() {
        ascii_dateline_place(s.as_bytes())
    } else {
        DATELINE_PLACE.is_match(s)
    };
    shape
        && s.split(',').enumerate().all(|(i, part)| {
            let limit = if i == 0 { 41 } else { 31 };
            part.trim_start().chars().count() <= limit
        })
}

/// [`DATELINE_PLACE`] on ASCII text, where `\p{Lu}` is `A-Z`, `\p{L}` is `A-Za-z` and `\s`
/// is ASCII white space: one to three comma-separated parts, each a capital and one or more
/// letters, `.`, `'`, `-` or spaces (white space may open the second and third), then a comma
/// and only white space.
fn ascii_dateline_place(s: &[u8]) -> bool {
    let trailing = s.iter().rev().take_while(|&&b| is_space(b)).count();
    let Some(body) = s
        .get(..s.len() - trailing)
        .and_then(|t| t.strip_suffix(b","))
    else {
        return false;
    };
    let mut parts = 0;
    for (i, part) in body.split(|&b| b == b',').enumerate() {
        parts += 1;
        let part = if i == 0 {
            part
        } else {
            let spaces = part.iter().take_while(|&&b| is_space(b)).count();
            part.get(spaces..).unwrap_or_default()
        };
        let [first, rest @ ..] = part else {
            return false;
        };
        if !first.is_ascii_uppercase()
            || rest.is_empty()
            || !rest
                .iter()
                .all(|b| b.is_ascii_alphabetic() || matches!(b, b'.' | b'\'' | b'-' | b' '))
        {
            return false;
        }
    }
    parts <= 3
}

/// Words that may stand beside a date on a date-only line.
const DATE_LINE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "at",
    "on",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "ct",
    "cst",
    "cdt",
    "pt",
    "pst",
    "pdt",
    "bst",
    "cet",
    "cest",
    "kst",
    "jst",
    "ist",
    "hkt",
    "sgt",
    "aest",
    "msk",
    "local",
    "time",
];

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let n = match lower.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Plausible publication years: a year outside is a typo or not a year.
fn plausible(date: NaiveDate) -> Option<NaiveDate> {
    use chrono::Datelike as _;
    (1800..=2200).contains(&date.year()).then_some(date)
}

/// The first date with day, month and year in `s`, with its byte range.
fn find_date(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    // Every form has a four-digit year: most lines have none, and the pattern's captures are
    // costly to run.
    if !has_four_digits(s) || !may_hold_date(s.as_bytes()) {
        return None;
    }
    find_date_by_regex(s)
}

/// [`find_date`] without the quick checks.
fn find_date_by_regex(s: &str) -> Option<(NaiveDate, std::ops::Range<usize>)> {
    for caps in DATE.captures_iter(s) {
        let whole = caps.get(0)?;
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let (year, month, day, month_word) = if let Some(m) = caps.name("m1") {
            (
                num("y1"),
                month_number(m.as_str()),
                num("d1"),
                Some(m.as_str()),
            )
        } else if let Some(m) = caps.name("m2") {
            (
                num("y2"),
                month_number(m.as_str()),
                num("d2"),
                Some(m.as_str()),
            )
        } else {
            (num("y3"), num("mo3"), num("d3"), None)
        };
        // "may 12 2024" in lower case is the verb, not the month.
        if month_word.is_some_and(|w| !w.starts_with(char::is_uppercase)) {
            continue;
        }
        let date = year
            .and_then(|y| i32::try_from(y).ok())
            .zip(month)
            .zip(day)
            .and_then(|((y, m), d)| NaiveDate::from_ymd_opt(y, m, d))
            .and_then(plausible);
        if let Some(date) = date {
            return Some((date, whole.range()));
        }
    }
    None
}

/// Whether [`DATE`] may find a date in `s` whose numbers are ASCII digits (the only ones
/// [`find_date`] accepts): the pattern followed over ASCII text from each month name at a
/// word start and each run of four digits, so that lines with a year but no date skip the
/// regex. Wherever the pattern needs to know about a character beyond ASCII (a letter, a
/// digit or white space in Unicode's sense), the answer is yes, and a line holding `ſ` (which
/// matches `s` regardless of case) always may hold a date.
///
/// The walk looks at the first byte of each word only and skips the rest of the word (no
/// byte inside a word can start a date or be the `ſ`, which is beyond ASCII).
fn may_hold_date(s: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if is_word_byte(b) {
            // A word starts here: every word byte reached by this loop follows a non-word
            // byte or the start of the line.
            if matches!(
                b | 0x20,
                b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's'
            ) && month_date_from(s, i)
                || b.is_ascii_digit() && iso_date_from(s, i)
            {
                return true;
            }
            i += 1 + s
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| is_word_byte(b))
                .count();
            continue;
        }
        if b == 0xC5 && s.get(i + 1) == Some(&0xBF) {
            return true;
        }
        i += 1;
    }
    false
}

/// An ASCII letter, digit or `_`, a word character in any sense; other bytes are not (bytes
/// beyond ASCII are checked by the callers first).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// What following the date pattern over ASCII bytes gives: it cannot match, it may (a byte
/// beyond ASCII where the pattern needs a Unicode class), or it goes on at an index.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    No,
    Maybe,
    At(usize),
}

impl Step {
    fn then(self, f: impl FnOnce(usize) -> Step) -> Step {
        match self {
            Step::At(i) => f(i),
            other => other,
        }
    }

    fn possible(self) -> bool {
        self != Step::No
    }
}

/// `\s` over ASCII.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// `\s+` from `i`.
fn spaces(s: &[u8], i: usize) -> Step {
    let rest = s.get(i..).unwrap_or_default();
    let n = rest.iter().take_while(|&&b| is_space(b)).count();
    match rest.get(n) {
        Some(b) if !b.is_ascii() => Step::Maybe,
        _ if n == 0 => Step::No,
        _ => Step::At(i + n),
    }
}

/// `\d{min,max}` from `i`, greedy, where a further digit would make the rest fail.
fn digits(s: &[u8], i: usize, min: usize, max: usize) -> Step {
    let rest = s.get(i..).unwrap_or_default();
    let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    match rest.get(n) {
        Some(b) if !b.is_ascii() => Step::Maybe,
        _ if n < min || n > max => Step::No,
        _ => Step::At(i + n),
    }
}

/// `\b` after a word character at `i`.
fn word_end(s: &[u8], i: usize) -> Step {
    match s.get(i) {
        Some(b) if !b.is_ascii() => Step::Maybe,
        Some(&b) if is_word_byte(b) => Step::No,
        _ => Step::At(i),
    }
}

/// `(?:st|nd|rd|th)?` at `i`, any case.
fn ordinal(s: &[u8], i: usize) -> usize {
    match s.get(i..i + 2) {
        Some([a, b])
            if matches!(
                [a | 0x20, b | 0x20],
                [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
            ) =>
        {
            i + 2
        }
        _ => i,
    }
}

/// Whether a date of the first two forms may be matched around the month name that may start
/// at `m` (preceded by no word character).
fn month_date_from(s: &[u8], m: usize) -> bool {
    let rest = s.get(m..).unwrap_or_default();
    let [a, b, c, rest @ ..] = rest else {
        return false;
    };
    let endings: &[&[u8]] = match [a | 0x20, b | 0x20, c | 0x20] {
        [b'j', b'a', b'n'] => &[b"", b"uary"],
        [b'f', b'e', b'b'] => &[b"", b"ruary"],
        [b'm', b'a', b'r'] => &[b"", b"ch"],
        [b'a', b'p', b'r'] => &[b"", b"il"],
        [b'm', b'a', b'y'] => &[b""],
        [b'j', b'u', b'n'] => &[b"", b"e"],
        [b'j', b'u', b'l'] => &[b"", b"y"],
        [b'a', b'u', b'g'] => &[b"", b"ust"],
        [b's', b'e', b'p'] => &[b"", b"t", b"tember"],
        [b'o', b'c', b't'] => &[b"", b"ober"],
        [b'n', b'o', b'v'] | [b'd', b'e', b'c'] => &[b"", b"ember"],
        _ => return false,
    };
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if rest.get(letters).is_some_and(|b| !b.is_ascii()) {
        // `Auguſt`, or a letter beyond ASCII: let the regex decide.
        return true;
    }
    let word = rest.get(..letters).unwrap_or_default();
    if !endings.iter().any(|e| e.eq_ignore_ascii_case(word)) {
        return false;
    }
    let mut i = m + 3 + letters;
    if s.get(i) == Some(&b'.') {
        i += 1;
    }
    // `March 12, 2024`: `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`.
    let day_first = spaces(s, i)
        .then(|i| digits(s, i, 1, 2))
        .then(|i| {
            let i = ordinal(s, i);
            spaces(s, if s.get(i) == Some(&b',') { i + 1 } else { i })
        })
        .then(|i| digits(s, i, 4, 4))
        .then(|i| word_end(s, i));
    if day_first.possible() {
        return true;
    }
    // `12 March, 2024`: `,?\s+\d{4}\b` after the month and a day before it.
    spaces(s, if s.get(i) == Some(&b',') { i + 1 } else { i })
        .then(|i| digits(s, i, 4, 4))
        .then(|i| word_end(s, i))
        .possible()
        && day_before(s, m)
}

/// Whether `\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` may end at `m`.
fn day_before(s: &[u8], m: usize) -> bool {
    let head = s.get(..m).unwrap_or_default();
    // Back over `\s+`, and `of\s+` before it.
    let spaces_back = |end: usize| -> Step {
        let part = head.get(..end).unwrap_or_default();
        let n = part.iter().rev().take_while(|&&b| is_space(b)).count();
        match part.len().checked_sub(n + 1).and_then(|k| part.get(k)) {
            Some(b) if !b.is_ascii() => Step::Maybe,
            _ if n == 0 => Step::No,
            _ => Step::At(end - n),
        }
    };
    let before_of = |end: usize| -> Step {
        match end.checked_sub(2).and_then(|k| head.get(k..end)) {
            Some([o, f]) if [o | 0x20, f | 0x20] == *b"of" => spaces_back(end - 2),
            _ => Step::At(end),
        }
    };
    let day_end = spaces_back(m).then(before_of);
    let Step::At(end) = day_end else {
        return day_end.possible();
    };
    // Back over the ordinal suffix, then one or two digits with no word character before.
    let end = match end.checked_sub(2).and_then(|k| head.get(k..end)) {
        Some([a, b])
            if matches!(
                [a | 0x20, b | 0x20],
                [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
            ) =>
        {
            end - 2
        }
        _ => end,
    };
    let part = head.get(..end).unwrap_or_default();
    let n = part.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    match part.len().checked_sub(n + 1).and_then(|k| part.get(k)) {
        Some(b) if !b.is_ascii() => true,
        Some(&b) if is_word_byte(b) => false,
        _ => (1..=2).contains(&n),
    }
}

/// Whether `\d{4}-\d{1,2}-\d{1,2}\b` may match from `i` (preceded by no word character).
fn iso_date_from(s: &[u8], i: usize) -> bool {
    let dash = |i: usize| {
        if s.get(i) == Some(&b'-') {
            Step::At(i + 1)
        } else {
            Step::No
        }
    };
    digits(s, i, 4, 4)
        .then(dash)
        .then(|i| digits(s, i, 1, 2))
        .then(dash)
        .then(|i| digits(s, i, 1, 2))
        .then(|i| word_end(s, i))
        .possible()
}

/// Whether `s` holds four ASCII digits in a row. Eight bytes at a time: most header lines
/// have few digits, and a word without any is skipped at once.
fn has_four_digits(s: &str) -> bool {
    /// Goes on counting the run of digits over `bytes`; true when it reaches four.
    fn count(run: &mut usize, bytes: &[u8]) -> bool {
        for &b in bytes {
            *run = if b.is_ascii_digit() { *run + 1 } else { 0 };
            if *run == 4 {
                return true;
            }
        }
        false
    }
    let mut run = 0;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let word = chunk.try_into().map_or(u64::MAX, u64::from_le_bytes);
        if !has_digit_byte(word) {
            run = 0;
        } else if count(&mut run, chunk) {
            return true;
        }
    }
    count(&mut run, chunks.remainder())
}

/// Whether one of the eight bytes of `word` is an ASCII digit: the classic test for a byte
/// strictly between `/` and `:`, all bytes at once.
fn has_digit_byte(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = word & (ONES * 127);
    let below_colon = (ONES * (127 + u64::from(b':'))).wrapping_sub(low7);
    let above_slash = low7 + ONES * (127 - u64::from(b'/'));
    below_colon & !word & above_slash & HIGH != 0
}

/// Parses a date as metadata gives it: ISO 8601 / RFC 3339 (`2024-03-12T10:31:00+09:00`, the
/// calendar date as written, not converted to UTC), `2024/03/12`, `20240312`, RFC 2822
/// (`Tue, 12 Mar 2024 10:31:00 GMT`), `March 12, 2024`, `12 March 2024`. Ambiguous numeric
/// forms such as `03/04/2024` give `None`.
#[must_use]
pub fn parse_date_str(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let bytes = s.as_bytes();
    match plain_iso_date(bytes) {
        Some(date) => date,
        None => parse_date_general(s),
    }
}

/// [`parse_date_str`] for every form, on trimmed `s`.
fn parse_date_general(s: &str) -> Option<NaiveDate> {
    let bytes = s.as_bytes();
    // 2024-03-12, 2024/03/12, 2024.03.12 (with anything after: time, zone).
    if let (Some(y), Some(sep)) = (s.get(..4), bytes.get(4))
        && y.bytes().all(|b| b.is_ascii_digit())
        && matches!(sep, b'-' | b'/' | b'.')
    {
        let mut parts = s
            .get(5..)?
            .splitn(3, |c: char| c == char::from(*sep) || !c.is_ascii_digit());
        let m = parts.next().and_then(|p| p.parse::<u32>().ok());
        let d = parts.next().and_then(|p| {
            let digits: String = p.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().ok()
        });
        if let (Ok(y), Some(m), Some(d)) = (y.parse::<i32>(), m, d) {
            return NaiveDate::from_ymd_opt(y, m, d).and_then(plausible);
        }
    }
    // 20240312 or 20240312T103100
    if bytes.len() >= 8
        && bytes.iter().take(8).all(u8::is_ascii_digit)
        && bytes.get(8).is_none_or(|b| !b.is_ascii_digit())
    {
        let n = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
        if let (Some(y), Some(m), Some(d)) = (n(0..4), n(4..6), n(6..8)) {
            return NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).and_then(plausible);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return plausible(dt.date_naive());
    }
    find_date(s).map(|(d, _)| d)
}

/// The most common metadata form, `2024-03-12` (or with `/` or `.`) with two-digit month and
/// day and no digit after them, read without the general path's splitting: `Some(date)`
/// exactly when the general path would return at its first step.
fn plain_iso_date(bytes: &[u8]) -> Option<Option<NaiveDate>> {
    let [y0, y1, y2, y3, sep, m0, m1, sep2, d0, d1, rest @ ..] = bytes else {
        return None;
    };
    let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
    if !matches!(sep, b'-' | b'/' | b'.')
        || sep2 != sep
        || !digits.iter().all(|b| b.is_ascii_digit())
        || rest.first().is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let n = |bs: &[&u8]| bs.iter().fold(0u32, |n, &&b| n * 10 + u32::from(b - b'0'));
    let year = i32::try_from(n(&[y0, y1, y2, y3])).ok()?;
    Some(NaiveDate::from_ymd_opt(year, n(&[m0, m1]), n(&[d0, d1])).and_then(plausible))
}

/// A Unix timestamp (seconds, or milliseconds when it is too large for seconds) as a UTC date.
#[must_use]
pub fn date_from_timestamp(t: f64) -> Option<NaiveDate> {
    if !t.is_finite() || t <= 0.0 {
        return None;
    }
    let secs = if t > 1.0e11 { t / 1000.0 } else { t };
    // Truncation is intended: whole seconds are enough for a date.
    #[allow(clippy::cast_possible_truncation)]
    let secs = secs as i64;
    DateTime::from_timestamp(secs, 0).and_then(|d| plausible(d.date_naive()))
}

/// How many leading non-empty lines are searched for a dateline or byline.
const HEADER_LINES: usize = 12;
/// How many leading bytes are searched at most.
const HEADER_BYTES: usize = 4000;

fn is_footer(line: &str) -> bool {
    let lower = line.to_lowercase();
    line.contains('©')
        || lower.contains("copyright")
        || lower.contains("all rights reserved")
        || lower.contains("(c) ")
}

/// The publication date stated in the first lines of `text`: a labelled date (`Published 12
/// March 2024`, `Updated: March 12, 2024 10:31 AM`, a published date wins over an updated one),
/// a byline (`By Jane Doe | March 12, 2024`), a wire dateline (`WASHINGTON, March 12, 2024
/// (Reuters) -`) or a line holding only a date. Dates inside prose are not publication dates.
#[must_use]
pub fn date_from_text(text: &str) -> Option<NaiveDate> {
    let head = match text.get(..HEADER_BYTES) {
        Some(h) => h,
        None => {
            let mut end = HEADER_BYTES.min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.get(..end).unwrap_or_default()
        }
    };
    let mut best: Option<(u8, NaiveDate)> = None;
    for line in head
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
    {
        let Some((date, range)) = find_date(line) else {
            continue;
        };
        if is_footer(line) {
            continue;
        }
        let rank = line_rank(line, range);
        if let Some(rank) = rank
            && best.is_none_or(|(r, _)| rank < r)
        {
            best = Some((rank, date));
        }
    }
    best.map(|(_, d)| d)
}

/// Whether [`LABEL`] may match `line`: after the punctuation it skips, the first word is one
/// a label starts with (any ASCII case). Anything beyond ASCII there, where the regex would
/// need Unicode classes (`ſ` matches `s` regardless of case), lets the regex decide.
fn may_start_with_label(line: &[u8]) -> bool {
    let start = line
        .iter()
        .position(|b| b.is_ascii_alphanumeric() || !b.is_ascii())
        .unwrap_or(line.len());
    let rest = line.get(start..).unwrap_or_default();
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if rest.get(letters).is_some_and(|b| !b.is_ascii()) {
        return true;
    }
    let word = rest.get(..letters).unwrap_or_default();
    [
        "first",
        "published",
        "posted",
        "date",
        "dated",
        "created",
        "filed",
        "last",
        "updated",
        "modified",
    ]
    .iter()
    .any(|w| w.as_bytes().eq_ignore_ascii_case(word))
}

/// What [`LABEL`] says about `line`: 0 for a publication label, 1 for an update label.
fn label_rank(line: &str) -> Option<u8> {
    if line.is_ascii() {
        return ascii_label_rank(line.as_bytes());
    }
    if !may_start_with_label(line.as_bytes()) {
        return None;
    }
    let caps = LABEL.captures(line)?;
    Some(if caps.name("upd").is_some() { 1 } else { 0 })
}

/// [`label_rank`] on ASCII text: after the leading punctuation, the first label (in the
/// regex's order, any case) that ends at a word boundary.
fn ascii_label_rank(line: &[u8]) -> Option<u8> {
    const LABELS: &[(&str, u8)] = &[
        ("first published", 0),
        ("published", 0),
        ("posted", 0),
        ("date", 0),
        ("dated", 0),
        ("created", 0),
        ("filed", 0),
        ("last updated", 1),
        ("updated", 1),
        ("last modified", 1),
        ("modified", 1),
    ];
    let start = line
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(line.len());
    let rest = line.get(start..).unwrap_or_default();
    LABELS.iter().find_map(|&(label, rank)| {
        let head = rest.get(..label.len())?;
        let ends_word = !rest.get(label.len()).copied().is_some_and(is_word_byte);
        (head.eq_ignore_ascii_case(label.as_bytes()) && ends_word).then_some(rank)
    })
}

/// 0 for a publication date, 1 for an update date, `None` when the date is not the line's
/// purpose (a date inside a sentence).
fn line_rank(line: &str, range: std::ops::Range<usize>) -> Option<u8> {
    let before = line.get(..range.start).unwrap_or_default();
    let after = line.get(range.end..).unwrap_or_default();
    if before.len() <= 40
        && line.len() <= 120
        && let Some(rank) = label_rank(line)
    {
        return Some(rank);
    }
    // Only ASCII letters lower-case to `b` and `y`.
    let by = before
        .trim_start()
        .get(..3)
        .is_some_and(|h| h.eq_ignore_ascii_case("by "));
    if by && line.len() <= 160 {
        return Some(0);
    }
    // Wire dateline: place, date, optional (Agency), then a dash.
    let after_trim = after.trim_start();
    let after_agency = if after_trim.starts_with('(') {
        after_trim
            .find(')')
            .and_then(|i| after_trim.get(i + 1..))
            .unwrap_or(after_trim)
    } else {
        after_trim
    };
    let after_agency = after_agency.trim_start();
    if (after_agency.starts_with("--")
        || after_agency.starts_with('—')
        || after_agency.starts_with('–')
        || after_agency.starts_with("- ")
        || after_agency.starts_with(':'))
        && is_dateline_place(before)
    {
        return Some(0);
    }
    // A line that is only a date (with weekday, time, zone).
    if line.len() <= 80 {
        let rest = format!("{before} {after}");
        let words_ok = rest
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .all(|w| DATE_LINE_WORDS.contains(&w.to_lowercase().as_str()));
        if words_ok {
            return Some(0);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-by-byte walk that [`may_hold_date`] does word by word.
    fn may_hold_date_by_byte(s: &[u8]) -> bool {
        let mut prev = b' ';
        for (i, &b) in s.iter().enumerate() {
            let word_start = !is_word_byte(prev);
            if word_start
                && matches!(
                    b | 0x20,
                    b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's'
                )
                && month_date_from(s, i)
                || word_start && b.is_ascii_digit() && iso_date_from(s, i)
                || b == 0xC5 && s.get(i + 1) == Some(&0xBF)
            {
                return true;
            }
            prev = b;
        }
        false
    }

    proptest::proptest! {
        #[test]
        fn word_walk_agrees_with_the_byte_walk(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "March", "mar", "Sept.", "May", "12", "3rd", "2024", "2024-03-12", "of",
                    " ", "  ", ",", "-", "_", "x", "ſ", "é", "\u{a0}", "A12", "12March", "/",
                ]),
                0..14,
            ),
        ) {
            let line = parts.concat();
            proptest::prop_assert_eq!(
                may_hold_date(line.as_bytes()),
                may_hold_date_by_byte(line.as_bytes()),
                "{:?}", line
            );
        }
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn metadata_strings() {
        assert_eq!(parse_date_str("2024-03-12T10:31:00+09:00"), d(2024, 3, 12));
        assert_eq!(parse_date_str("2024-03-12 10:31:00"), d(2024, 3, 12));
        assert_eq!(parse_date_str("2024/3/2"), d(2024, 3, 2));
        assert_eq!(parse_date_str("20240312"), d(2024, 3, 12));
        assert_eq!(
            parse_date_str("Tue, 12 Mar 2024 10:31:00 GMT"),
            d(2024, 3, 12)
        );
        assert_eq!(parse_date_str("March 12, 2024"), d(2024, 3, 12));
        assert_eq!(parse_date_str("12th of March 2024"), d(2024, 3, 12));
        assert_eq!(parse_date_str("03/04/2024"), None);
        assert_eq!(parse_date_str("2024-02-30"), None);
        assert_eq!(parse_date_str("99999-01-01"), None);
        assert_eq!(parse_date_str("2024.03.12"), d(2024, 3, 12));
        assert_eq!(parse_date_str("2024-03/12"), d(2024, 3, 12));
        assert_eq!(parse_date_str("2024-03-123"), None);
        assert_eq!(parse_date_str("2024-03-12T00:00Z"), d(2024, 3, 12));
        assert_eq!(parse_date_str("1700-03-12"), None);
        assert_eq!(parse_date_str(""), None);
        assert_eq!(date_from_timestamp(1_710_239_460.0), d(2024, 3, 12));
        assert_eq!(date_from_timestamp(1_710_239_460_000.0), d(2024, 3, 12));
    }

    #[test]
    fn plain_iso_dates_read_as_the_general_path_reads_them() {
        let mut checked = 0;
        for y in ["2024", "1799", "0000", "2201", "12x4"] {
            for sep in ["-", "/", ".", " ", "x"] {
                for m in ["01", "12", "13", "00", "1", "1a"] {
                    for sep2 in ["-", "/", ".", "é", ""] {
                        for day in ["01", "29", "30", "31", "00", "7"] {
                            for rest in ["", "T10:31", "0", " x", "Z"] {
                                let s = format!("{y}{sep}{m}{sep2}{day}{rest}");
                                if let Some(fast) = plain_iso_date(s.as_bytes()) {
                                    assert_eq!(fast, parse_date_general(&s), "{s}");
                                    checked += 1;
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn digit_words() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'a'; 8];
                bytes[at] = b;
                assert_eq!(
                    has_digit_byte(u64::from_le_bytes(bytes)),
                    b.is_ascii_digit(),
                    "{b} at {at}"
                );
                let mut bytes = [0xFFu8; 8];
                bytes[at] = b;
                assert_eq!(
                    has_digit_byte(u64::from_le_bytes(bytes)),
                    b.is_ascii_digit(),
                    "{b} at {at} among 0xFF"
                );
            }
        }
        for (s, four) in [
            ("abc 2024", true),
            ("abcdefg2024", true),
            ("abcdefg202 4", false),
            ("1234567", true),
            ("12 34 56 78 90 12", false),
            ("xxxxxxxxxxxxxx1xxxxxx", false),
            ("xxxxxx12", false),
            ("xxxxxx1234xxxxxx", true),
            ("", false),
        ] {
            assert_eq!(has_four_digits(s), four, "{s}");
        }
    }

    #[test]
    fn only_s_and_k_match_ascii_letters_beyond_ascii() {
        let letter = Regex::new("(?i)^[a-z]$").unwrap_or_else(|e| panic!("{e}"));
        let odd: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        // `K` (Kelvin) is in no month name.
        assert_eq!(odd, ['\u{17F}', '\u{212A}']);
    }

    const QUICK_CHECK_LINES: usize = 60_000;

    #[test]
    fn quick_checks_never_hide_a_date() {
        const PIECES: &[&str] = &[
            "March",
            "Mar",
            "MARCH",
            "march",
            "Sept",
            "Sep",
            "sept.",
            "September",
            "Augu",
            "st",
            "ſt",
            "ſept",
            "May",
            "may",
            "mayday",
            "Dec",
            "Decision",
            "jun",
            "of",
            "1st",
            "12",
            "3",
            "2024",
            "20245",
            "1999",
            "-",
            "--",
            ",",
            ".",
            " ",
            "  ",
            "\t",
            "\n",
            "\u{A0}",
            "\u{2009}",
            "é",
            "’",
            "x",
            "_",
            "٢",
            "٢٠٢٤",
            "K",
            "th",
            "(",
            "nd",
        ];
        let mut rng = crate::generate::Rng::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| rng.below(n);
        const MONTHS: &[&str] = &[
            "March",
            "Mar",
            "MAR",
            "march",
            "Sept",
            "Sep",
            "September",
            "Auguſt",
            "ſept",
            "May",
            "may",
            "Mayday",
            "Dec",
            "Decision",
            "Jan",
            "June",
            "Juni",
        ];
        const GAPS: &[&str] = &[
            " ",
            ".",
            ". ",
            ", ",
            ",",
            "\u{A0}",
            "",
            "  ",
            " of ",
            "\n",
            "th ",
            "st, ",
            " of\u{A0}",
            "\u{A0}of ",
            " prof ",
            " OF ",
            "_",
            "-",
        ];
        const DAYS: &[&str] = &["12", "3", "31", "30", "1st", "12th", "123", "٢", "0"];
        const YEARS: &[&str] = &["2024", "1999", "20245", "٢٠٢٤", "1700", "2024x", "2024é"];
        let (mut found, mut skipped) = (0, 0);
        for _ in 0..QUICK_CHECK_LINES {
            let mut line = String::new();
            for _ in 0..next(3) {
                line.push_str(PIECES[next(PIECES.len())]);
            }
            match next(4) {
                0 => {
                    for part in [
                        MONTHS[next(MONTHS.len())],
                        GAPS[next(GAPS.len())],
                        DAYS[next(DAYS.len())],
                        GAPS[next(GAPS.len())],
                        YEARS[next(YEARS.len())],
                    ] {
                        line.push_str(part);
                    }
                }
                1 => {
                    for part in [
                        DAYS[next(DAYS.len())],
                        GAPS[next(GAPS.len())],
                        MONTHS[next(MONTHS.len())],
                        GAPS[next(GAPS.len())],
                        YEARS[next(YEARS.len())],
                    ] {
                        line.push_str(part);
                    }
                }
                2 => {
                    for part in [
                        YEARS[next(YEARS.len())],
                        ["-", "--", "/"][next(3)],
                        DAYS[next(DAYS.len())],
                        ["-", "", "."][next(3)],
                        DAYS[next(DAYS.len())],
                    ] {
                        line.push_str(part);
                    }
                }
                _ => {
                    for _ in 0..3 + next(9) {
                        line.push_str(PIECES[next(PIECES.len())]);
                    }
                }
            }
            for _ in 0..next(3) {
                line.push_str(PIECES[next(PIECES.len())]);
            }
            let quick = find_date(&line);
            let full = if has_four_digits(&line) {
                find_date_by_regex(&line)
            } else {
                None
            };
            assert_eq!(quick, full, "{line:?}");
            found += usize::from(full.is_some());
            skipped += usize::from(has_four_digits(&line) && !may_hold_date(line.as_bytes()));
        }
        assert!(found > 100 && skipped > 1000, "{found} {skipped}");
    }

    #[test]
    fn label_check_never_hides_a_label() {
        const PIECES: &[&str] = &[
            "Published",
            "published",
            "POSTED",
            "poſted",
            "Date",
            "dated",
            "datetime",
            "Created",
            "filed",
            "First",
            "first",
            "Last",
            "last",
            "updated",
            "Modified",
            "modified2",
            " ",
            "first published",
            "Last Updated",
            "last  updated",
            "LAST MODIFIED",
            "dated_",
            ":",
            "_",
            "-",
            "•",
            "—",
            "\u{A0}",
            "é",
            "2024",
            "x",
            "By",
            "(",
            "*",
            "\t",
        ];
        let mut rng = crate::generate::Rng::new(0x2545_F491_4F6C_DD1D);
        let mut next = |n: usize| rng.below(n);
        let (mut labels, mut skipped) = (0, 0);
        for _ in 0..20_000 {
            let line: String = (0..1 + next(5))
                .map(|_| PIECES[next(PIECES.len())])
                .collect();
            if line.is_ascii() {
                let by_regex = LABEL
                    .captures(&line)
                    .map(|c| if c.name("upd").is_some() { 1 } else { 0 });
                assert_eq!(ascii_label_rank(line.as_bytes()), by_regex, "{line:?}");
            }
            let quick = may_start_with_label(line.as_bytes());
            if LABEL.is_match(&line) {
                assert!(quick, "{line:?}");
                labels += 1;
            }
            skipped += usize::from(!quick);
        }
        assert!(labels > 1000 && skipped > 1000, "{labels} {skipped}");
    }

    #[test]
    fn ascii_places_read_as_the_regex_reads_them() {
        const PIECES: &[&str] = &[
            "Seoul",
            "SEOUL",
            "seoul",
            "S",
            "New York",
            "St. John's",
            "Al-Quds",
            ",",
            ", ",
            ",\t",
            ",\u{B}",
            " ",
            "\t",
            "\u{B}",
            "Korea",
            "K",
            "x",
            "1",
            "(",
            "-",
            ".",
            "'",
            "_",
        ];
        let mut rng = crate::generate::Rng::new(0x1234_5678_9ABC_DEF1);
        let mut next = |n: usize| rng.below(n);
        let mut places = 0;
        for _ in 0..30_000 {
            let s: String = (0..1 + next(7))
                .map(|_| PIECES[next(PIECES.len())])
                .collect();
            let regex = DATELINE_PLACE.is_match(&s);
            assert_eq!(ascii_dateline_place(s.as_bytes()), regex, "{s:?}");
            places += usize::from(regex);
        }
        assert!(places > 300, "{places}");
    }

    #[test]
    fn header_dates() {
        assert_eq!(
            date_from_text("Title\nPublished 12 March 2024\nBody."),
            d(2024, 3, 12)
        );
        assert_eq!(
            date_from_text("Updated: March 14, 2024 10:31 AM\nPublished: March 12, 2024\nText"),
            d(2024, 3, 12)
        );
        assert_eq!(
            date_from_text("By Jane Doe | March 12, 2024\nText."),
            d(2024, 3, 12)
        );
        assert_eq!(
            date_from_text("WASHINGTON, March 12, 2024 (Reuters) - The U.S. said."),
            d(2024, 3, 12)
        );
        assert_eq!(
            date_from_text("Tuesday 12 March 2024 14.05 GMT\nText."),
            d(2024, 3, 12)
        );
        assert_eq!(
            date_from_text("SEOUL, Jan. 16, 2024 (Yonhap) -- North Korea"),
            d(2024, 1, 16)
        );
    }

    #[test]
    fn no_year_no_date() {
        assert_eq!(date_from_text("TOKYO, Sept 13 (KUNA) -- Japan said"), None);
        assert_eq!(date_from_text("WASHINGTON (Reuters) - The U.S. said"), None);
    }

    #[test]
    fn footers_and_prose_are_not_dates() {
        assert_eq!(
            date_from_text("Text.\n© 2025 Benzinga.com. All rights reserved."),
            None
        );
        assert_eq!(
            date_from_text(
                "Putin met Choe in Moscow, Russia, on January 16, 2024, officials said."
            ),
            None
        );
        assert_eq!(date_from_text("It may 12 2024 be so"), None);
        assert_eq!(
            date_from_text("Kim to visit Russia on May 9, 2024 - report\nText."),
            None
        );
    }

    #[test]
    fn dateline_places_are_short() {
        assert!(is_dateline_place("Seoul, South Korea, "));
        assert!(is_dateline_place("TOKYO, "));
        assert!(is_dateline_place(&format!("A{}, ", "b".repeat(40))));
        assert!(!is_dateline_place(&format!("A{}, ", "b".repeat(41))));
        assert!(is_dateline_place(&format!("Paris, B{}, ", "c".repeat(30))));
        assert!(!is_dateline_place(&format!("Paris, B{}, ", "c".repeat(31))));
        assert!(!is_dateline_place("Paris, France, Europe, Earth, "));
        assert!(!is_dateline_place("the city, "));
    }
}
