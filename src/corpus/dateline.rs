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
    DATELINE_PLACE.is_match(s)
        && s.split(',').enumerate().all(|(i, part)| {
            let limit = if i == 0 { 41 } else { 31 };
            part.trim_start().chars().count() <= limit
        })
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
    if !has_four_digits(s) {
        return None;
    }
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

/// Whether `s` holds four ASCII digits in a row.
fn has_four_digits(s: &str) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
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

/// 0 for a publication date, 1 for an update date, `None` when the date is not the line's
/// purpose (a date inside a sentence).
fn line_rank(line: &str, range: std::ops::Range<usize>) -> Option<u8> {
    let before = line.get(..range.start).unwrap_or_default();
    let after = line.get(range.end..).unwrap_or_default();
    if let Some(caps) = LABEL.captures(line)
        && before.len() <= 40
        && line.len() <= 120
    {
        return Some(if caps.name("upd").is_some() { 1 } else { 0 });
    }
    let lower_before = before.trim_start().to_lowercase();
    if lower_before.starts_with("by ") && line.len() <= 160 {
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
    if is_dateline_place(before)
        && (after_agency.starts_with("--")
            || after_agency.starts_with('—')
            || after_agency.starts_with('–')
            || after_agency.starts_with("- ")
            || after_agency.starts_with(':'))
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
