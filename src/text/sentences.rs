//! Sentence boundaries inside a paragraph, by a single byte scan.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets after
//! it) followed by whitespace and a word that can start a sentence. Abbreviations do not end
//! sentences: titles (`Mr.`, `Gen.`) never do, months and numbering words (`Jan. 2`, `No. 5`)
//! not before a number, and dotted acronyms, initials and company suffixes (`U.S.`, `a.m.`,
//! `John F. Kennedy`, `Inc.`) only before a word that typically starts a sentence (`The`, `He`,
//! …). A number's decimal point or a URL's dots are not followed by whitespace, so they never
//! split. A sentence longer than [`MAX_SENTENCE_BYTES`] is cut at a space so later stages
//! never see unbounded input.

use std::ops::Range;
use std::sync::LazyLock;

use super::word_key;

/// The longest sentence handed on; longer runs (a 1 MB line without punctuation) are cut at the
/// last whitespace before this length.
pub const MAX_SENTENCE_BYTES: usize = 2000;

/// Titles before a name: never the end of a sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt",
    "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt",
    "insp", "det", "fr", "st", "amb", "atty", "gens", "reps", "sens", "vs", "e.g", "i.e", "cf",
    "viz", "approx", "ca",
];
/// Words that precede a number: not the end before a digit.
const BEFORE_NUMBER: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no",
    "nos", "vol", "vols", "pp", "p", "fig", "figs", "art", "para", "ch", "chap", "sec", "op", "ed",
    "ref", "tel", "ext", "rm", "pt", "pts", "est",
];
/// Abbreviations that may also end a sentence: the end only before a sentence starter.
const AMBIGUOUS: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "dept", "univ", "assn",
    "ave", "blvd", "rd", "mt", "ft", "govt", "intl", "natl", "mon", "tue", "tues", "wed", "thu",
    "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "no", "al",
];
/// Words that commonly start a sentence, used to decide after an ambiguous abbreviation.
const STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Again",
    "Ahead",
    "All",
    "Also",
    "Although",
    "Amid",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Even",
    "Every",
    "Few",
    "First",
    "For",
    "From",
    "Further",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Last",
    "Later",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Nevertheless",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Officials",
    "On",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Previously",
    "Since",
    "She",
    "So",
    "Some",
    "Still",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Thus",
    "To",
    "Today",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "We",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Without",
    "Yet",
    "You",
    "Your",
];

#[inline]
fn is_space_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0C => Some(1),
        0xC2 if bytes.get(i + 1) == Some(&0xA0) => Some(2),
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && bytes
                .get(i + 2)
                .is_some_and(|b| matches!(b, 0x80..=0x8A | 0xAF)) =>
        {
            Some(3)
        }
        0xE3 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0x80) => Some(3),
        _ => None,
    }
}

/// Length of a closing quote or bracket at `i`: `"`, `'`, `)`, `]`, `”`, `’`, `»`.
#[inline]
fn closer_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' | b'\'' | b')' | b']' => Some(1),
        0xE2 if bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0x9D | 0x99)) =>
        {
            Some(3)
        }
        0xC2 if bytes.get(i + 1) == Some(&0xBB) => Some(2),
        _ => None,
    }
}

/// Length of a terminator at `i`: `.`, `!`, `?`, `…`.
#[inline]
fn terminator_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA6) => Some(3),
        _ => None,
    }
}

/// The word (letters, digits and inner dots) that ends right before byte `end`.
fn word_before(text: &str, start: usize, end: usize) -> &str {
    let bytes = text.as_bytes();
    let mut i = end;
    while i > start
        && bytes
            .get(i - 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.')
    {
        i -= 1;
    }
    text.get(i..end).unwrap_or_default().trim_start_matches('.')
}

/// The word starting at `i` (ASCII letters only).
fn word_at(text: &str, i: usize) -> &str {
    let bytes = text.as_bytes();
    let mut j = i;
    while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
        j += 1;
    }
    text.get(i..j).unwrap_or_default()
}

/// The lists a word belongs to, as bits.
const IS_TITLE: u8 = 1;
const IS_BEFORE_NUMBER: u8 = 1 << 1;
const IS_AMBIGUOUS: u8 = 1 << 2;

/// Every abbreviation of [`TITLES`], [`BEFORE_NUMBER`] and [`AMBIGUOUS`] by [`word_key`],
/// sorted, with the lists it is in.
static ABBREVIATIONS: LazyLock<Vec<(u64, u8)>> = LazyLock::new(|| {
    let mut all: Vec<(u64, u8)> = Vec::new();
    for (list, bit) in [
        (TITLES, IS_TITLE),
        (BEFORE_NUMBER, IS_BEFORE_NUMBER),
        (AMBIGUOUS, IS_AMBIGUOUS),
    ] {
        all.extend(list.iter().filter_map(|w| Some((word_key(w)?, bit))));
    }
    all.sort_unstable();
    let mut merged: Vec<(u64, u8)> = Vec::with_capacity(all.len());
    for (key, bit) in all {
        match merged.last_mut() {
            Some(last) if last.0 == key => last.1 |= bit,
            _ => merged.push((key, bit)),
        }
    }
    merged
});

/// The lists (`IS_*` bits) `word` is in, ignoring ASCII case: one binary search instead of a
/// scan of each list.
fn abbreviation_lists(word: &str) -> u8 {
    let Some(key) = word_key(word) else {
        return 0;
    };
    ABBREVIATIONS
        .binary_search_by_key(&key, |&(k, _)| k)
        .ok()
        .and_then(|i| ABBREVIATIONS.get(i))
        .map_or(0, |&(_, bits)| bits)
}

/// Does a sentence end after the single `.` at `dot`, given the next sentence would start at
/// `next`?
fn period_ends(text: &str, from: usize, dot: usize, next: usize) -> bool {
    let word = word_before(text, from, dot);
    if word.is_empty() {
        return true;
    }
    let next_byte = text.as_bytes().get(next).copied().unwrap_or(b' ');
    let starter = || {
        let w = word_at(text, next);
        STARTERS.contains(&w) || matches!(next_byte, b'"' | b'\'' | 0xE2)
    };
    let lists = abbreviation_lists(word);
    if lists & IS_TITLE != 0 {
        return false;
    }
    if next_byte.is_ascii_digit() && lists & IS_BEFORE_NUMBER != 0 {
        return false;
    }
    let dotted = word.contains('.');
    let initial = word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase());
    if dotted || initial || lists & IS_AMBIGUOUS != 0 {
        return starter();
    }
    true
}

/// Splits the paragraph `span` of `text` into trimmed sentence spans, appended to `out`.
pub fn split(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let end = span.end.min(bytes.len());
    let mut start = span.start.min(end);
    let mut i = start;
    let para = bytes.get(..end).unwrap_or_default();
    // The next `…` at or after `i` (found lazily; `usize::MAX` when there is none).
    let mut next_ellipsis: Option<usize> = None;
    while i < end {
        // Jump to the next `.`, `!`, `?` or `…`.
        if next_ellipsis.is_none_or(|p| p < i) {
            next_ellipsis = Some(find_ellipsis(para, i).unwrap_or(usize::MAX));
        }
        let next_mark = memchr::memchr3(b'.', b'!', b'?', para.get(i..).unwrap_or_default())
            .map_or(usize::MAX, |p| i + p);
        i = next_mark.min(next_ellipsis.unwrap_or(usize::MAX));
        if i >= end {
            break;
        }
        let Some(len) = terminator_at(bytes, i) else {
            i += 1;
            continue;
        };
        let single_period = bytes.get(i) == Some(&b'.') && terminator_at(bytes, i + 1).is_none();
        let mut j = i + len;
        // A run of terminators and closers: `?!`, `...`, `.”`, `.)`, `!"’`.
        while j < end {
            if let Some(l) = terminator_at(bytes, j).or_else(|| closer_at(bytes, j)) {
                j += l;
            } else {
                break;
            }
        }
        let ends_here = if j >= end {
            false // the paragraph end closes the sentence anyway
        } else if let Some(mut k) = is_space_at(bytes, j).map(|l| j + l) {
            while let Some(l) = is_space_at(bytes, k) {
                k += l;
            }
            if k >= end {
                false
            } else {
                let rest = text.get(k..).unwrap_or_default();
                let next = rest.chars().next().unwrap_or(' ');
                // `iPhone`, `eBay`: lower-case brand names still start sentences.
                let camel = rest
                    .chars()
                    .take(4)
                    .skip(1)
                    .take_while(|c| c.is_alphabetic())
                    .any(char::is_uppercase);
                if next.is_lowercase() && !camel {
                    false
                } else if single_period {
                    period_ends(text, start, i, k)
                } else {
                    true
                }
            }
        } else {
            false
        };
        if ends_here {
            push_trimmed(text, start..j, out);
            start = j;
        }
        i = j.max(i + 1);
    }
    push_trimmed(text, start..end, out);
}

/// Where the first `…` at or after `from` in `bytes` starts: a search for its last byte
/// (`0xA6`, rare in text), then a check of the two bytes before it.
fn find_ellipsis(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    memchr::memchr_iter(0xA6, rest)
        .filter_map(|p| p.checked_sub(2))
        .find(|&start| rest.get(start..start + 2) == Some(&[0xE2, 0x80]))
        .map(|start| from + start)
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let after_lead = slice.trim_start();
    let lead = slice.len() - after_lead.len();
    let trimmed = after_lead.trim_end();
    if trimmed.is_empty() {
        return;
    }
    let mut s = range.start + lead;
    let e = s + trimmed.len();
    // Cut overlong runs at whitespace so no later stage sees an unbounded sentence.
    while e - s > MAX_SENTENCE_BYTES {
        let mut cut = s + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = text.get(s..cut).unwrap_or_default();
        let at_space = window
            .rfind(char::is_whitespace)
            .filter(|&p| p > MAX_SENTENCE_BYTES / 2);
        let piece_end = at_space.map_or(cut, |p| s + p);
        if let Some(piece) = text.get(s..piece_end) {
            let t = piece.trim_end();
            if !t.is_empty() {
                out.push(s..s + t.len());
            }
        }
        s = piece_end;
        while let Some(c) = text
            .get(s..e)
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
        {
            s += c.len_utf8();
        }
    }
    if s < e {
        out.push(s..e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan of a list that [`abbreviation_lists`] replaces.
    fn in_list(word: &str, list: &[&str]) -> bool {
        word.len() <= 8 && list.iter().any(|w| w.eq_ignore_ascii_case(word))
    }

    fn lists_by_scan(word: &str) -> u8 {
        [
            (TITLES, IS_TITLE),
            (BEFORE_NUMBER, IS_BEFORE_NUMBER),
            (AMBIGUOUS, IS_AMBIGUOUS),
        ]
        .into_iter()
        .filter(|(list, _)| in_list(word, list))
        .fold(0, |bits, (_, bit)| bits | bit)
    }

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        for word in TITLES.iter().chain(BEFORE_NUMBER).chain(AMBIGUOUS) {
            for w in [
                word.to_string(),
                word.to_ascii_uppercase(),
                capitalized(word),
            ] {
                assert_eq!(abbreviation_lists(&w), lists_by_scan(&w), "{w}");
                assert_ne!(abbreviation_lists(&w), 0, "{w}");
            }
        }
    }

    fn capitalized(word: &str) -> String {
        let mut w = word.to_string();
        w.get_mut(..1).map(str::make_ascii_uppercase);
        w
    }

    proptest! {
        #[test]
        fn ellipsis_search_agrees_with_memmem(
            text in "[a. …\u{2026}\u{2025}\u{A6}\u{E2}\u{80}\u{2080}]{0,20}",
            from in 0usize..30,
        ) {
            let bytes = text.as_bytes();
            let expected = bytes
                .get(from..)
                .and_then(|rest| memchr::memmem::find(rest, "…".as_bytes()))
                .map(|p| from + p);
            prop_assert_eq!(find_ellipsis(bytes, from), expected);
        }

        #[test]
        fn abbreviation_lookup_agrees_with_the_lists(word in "[a-zA-Z.]{0,10}") {
            prop_assert_eq!(abbreviation_lists(&word), lists_by_scan(&word));
        }

        #[test]
        fn listed_prefixes_and_extensions_agree(
            i in 0usize..200,
            extra in "[a-zA-Z.]{0,3}",
            cut in 0usize..4,
        ) {
            let all: Vec<&str> = TITLES.iter().chain(BEFORE_NUMBER).chain(AMBIGUOUS).copied().collect();
            let base = all.get(i % all.len()).copied().unwrap_or("mr");
            let shorter = base.get(..base.len().saturating_sub(cut)).unwrap_or(base);
            for w in [format!("{base}{extra}"), shorter.to_string()] {
                prop_assert_eq!(abbreviation_lists(&w), lists_by_scan(&w), "{}", w);
            }
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, 0..text.len(), &mut out);
        out.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences(
                "The U.S. Secretary of State met Mr. Kim on Jan. 2 at 10 a.m. local time. He left."
            ),
            [
                "The U.S. Secretary of State met Mr. Kim on Jan. 2 at 10 a.m. local time.",
                "He left."
            ]
        );
        assert_eq!(
            sentences("Sanctions hit the U.S. The U.N. Security Council met. Gen. Smith spoke."),
            [
                "Sanctions hit the U.S.",
                "The U.N. Security Council met.",
                "Gen. Smith spoke."
            ]
        );
        assert_eq!(
            sentences("John F. Kennedy visited No. 5 Sept. 13 Street."),
            ["John F. Kennedy visited No. 5 Sept. 13 Street."]
        );
        assert_eq!(
            sentences("Growth was 3.5 percent. Prices rose."),
            ["Growth was 3.5 percent.", "Prices rose."]
        );
    }

    #[test]
    fn quotes_and_punctuation() {
        assert_eq!(
            sentences("He said it would not “change the course of the war.” He added more."),
            [
                "He said it would not “change the course of the war.”",
                "He added more."
            ]
        );
        assert_eq!(
            sentences("“Is it over?” he asked. Yes!"),
            ["“Is it over?” he asked.", "Yes!"]
        );
        assert_eq!(
            sentences("Wait... The end…  Next one"),
            ["Wait...", "The end…", "Next one"]
        );
        assert_eq!(
            sentences("See bbc.co.uk for more. Done."),
            ["See bbc.co.uk for more.", "Done."]
        );
        assert_eq!(
            sentences("(It ended.) Then more."),
            ["(It ended.)", "Then more."]
        );
    }

    #[test]
    fn long_runs_are_cut() {
        let text = "word ".repeat(100_000);
        let out = sentences(&text);
        assert!(out.len() > 100);
        assert!(out.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        let one = "x".repeat(5000);
        let out = sentences(&one);
        assert_eq!(out.concat(), one);
        let wide = "é".repeat(3000);
        assert_eq!(sentences(&wide).concat(), wide);
    }
}
