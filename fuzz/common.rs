//! Checks shared by the fuzz targets: a failed check panics, which libFuzzer reports as a crash.

#![allow(dead_code)]

use chrono::NaiveDate;
use dateline::temporal::DocDate;

/// The input as text: valid UTF-8 as it is, anything else decoded lossily (the readers
/// hand the pipeline valid UTF-8 only).
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `start..end` lies inside `text`, on char boundaries.
pub fn span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

/// An article date chosen by one byte: none, known, estimated, or the ends of the calendar.
pub fn doc_date(selector: u8) -> DocDate {
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    match selector % 5 {
        0 => DocDate::default(),
        1 => DocDate {
            date: date(2024, 4, 24),
            estimated: false,
        },
        2 => DocDate {
            date: date(2013, 3, 22),
            estimated: true,
        },
        3 => DocDate {
            date: date(1, 1, 1),
            estimated: false,
        },
        _ => DocDate {
            date: date(9999, 12, 31),
            estimated: false,
        },
    }
}
