//! JSON Lines: one event per line, in the same shape as the JSON contract's `events`.
//! Streamable: `dateline extract - --format jsonl` writes these lines as it goes.
//!
//! Lines are written by hand rather than through serde: each event repeats its source
//! sentence, so the output is some three times the size of the articles and serde_json's
//! byte-at-a-time string escaping was a tenth of all extraction work. The bytes are the ones
//! serde_json writes (a test compares the two on arbitrary events).

use chrono::NaiveDate;

use super::{ExportError, anchor_name, precision_name, status_name};
use crate::extract::Event;
use crate::temporal::When;

/// Writes one event as a single JSON line (with its newline).
///
/// # Errors
/// Fails when the writer fails.
pub fn write_event(event: &Event, out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let mut buf = Vec::with_capacity(1024);
    push_event(&mut buf, event)?;
    out.write_all(&buf)?;
    Ok(())
}

/// How many bytes of lines are formatted before they are handed to the writer.
const WRITE_BATCH_BYTES: usize = 1 << 16;

/// Writes every event, one per line. The lines are formatted into a buffer and handed to
/// `out` some 64 KiB at a time.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(events: &[Event], out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let mut buf: Vec<u8> = Vec::with_capacity(WRITE_BATCH_BYTES + 4096);
    for e in events {
        push_event(&mut buf, e)?;
        if buf.len() >= WRITE_BATCH_BYTES {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(())
}

/// Appends `e` as one JSON line, newline included, with the fields in the order and form
/// serde's derive gives them.
fn push_event(buf: &mut Vec<u8>, e: &Event) -> Result<(), ExportError> {
    buf.extend_from_slice(b"{\"id\":");
    push_str(buf, &e.id);
    buf.extend_from_slice(b",\"type\":");
    push_str(buf, &e.event_type);
    buf.extend_from_slice(b",\"summary\":");
    push_str(buf, &e.summary);
    buf.extend_from_slice(b",\"actors\":[");
    for (i, a) in e.actors.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        push_str(buf, a);
    }
    buf.push(b']');
    if let Some(t) = &e.target {
        buf.extend_from_slice(b",\"target\":");
        push_str(buf, t);
    }
    buf.extend_from_slice(b",\"status\":\"");
    buf.extend_from_slice(status_name(e.status).as_bytes());
    buf.extend_from_slice(b"\",\"confidence\":");
    if e.confidence.is_finite() {
        buf.extend_from_slice(ryu::Buffer::new().format_finite(e.confidence).as_bytes());
    } else {
        buf.extend_from_slice(b"null");
    }
    buf.extend_from_slice(b",\"when\":");
    match &e.when {
        Some(w) => push_when(buf, w)?,
        None => buf.extend_from_slice(b"null"),
    }
    buf.extend_from_slice(b",\"source\":{\"article\":");
    push_str(buf, &e.source.article);
    buf.extend_from_slice(b",\"start\":");
    push_number(buf, e.source.start);
    buf.extend_from_slice(b",\"end\":");
    push_number(buf, e.source.end);
    buf.extend_from_slice(b",\"text\":");
    push_str(buf, &e.source.text);
    buf.push(b'}');
    if let Some((a, b)) = e.trigger {
        buf.extend_from_slice(b",\"trigger\":[");
        push_number(buf, a);
        buf.push(b',');
        push_number(buf, b);
        buf.push(b']');
    }
    buf.extend_from_slice(b"}\n");
    Ok(())
}

fn push_when(buf: &mut Vec<u8>, w: &When) -> Result<(), ExportError> {
    buf.push(b'{');
    if let Some(start) = &w.start {
        buf.extend_from_slice(b"\"start\":");
        push_date(buf, *start)?;
        buf.push(b',');
    }
    if let Some(end) = &w.end {
        buf.extend_from_slice(b"\"end\":");
        push_date(buf, *end)?;
        buf.push(b',');
    }
    buf.extend_from_slice(b"\"precision\":\"");
    buf.extend_from_slice(precision_name(w.precision).as_bytes());
    buf.extend_from_slice(b"\",\"expression\":");
    push_str(buf, &w.expression);
    buf.extend_from_slice(b",\"anchor\":\"");
    buf.extend_from_slice(anchor_name(w.anchor).as_bytes());
    buf.extend_from_slice(b"\",\"value\":");
    push_str(buf, &w.value);
    buf.push(b'}');
    Ok(())
}

fn push_number(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// A date as `"YYYY-MM-DD"`; years outside 0–9999 as chrono's serde writes them.
fn push_date(buf: &mut Vec<u8>, d: NaiveDate) -> Result<(), ExportError> {
    match crate::temporal::iso_day(d) {
        Some(day) => {
            buf.push(b'"');
            buf.extend_from_slice(&day);
            buf.push(b'"');
        }
        None => serde_json::to_writer(&mut *buf, &d)?,
    }
    Ok(())
}

/// Appends `s` as a JSON string, escaped as serde_json escapes it: `"` and `\\`, control
/// characters as `\n`-style escapes or `\u00xx`, everything else as it is. Runs without
/// anything to escape, which is nearly all text, are found sixteen bytes at a time (see
/// [`safe_run_end`]) and copied whole.
fn push_str(buf: &mut Vec<u8>, s: &str) {
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = safe_run_end(bytes, 0);
    while let Some(&b) = bytes.get(i) {
        buf.extend_from_slice(bytes.get(copied..i).unwrap_or_default());
        push_escape(buf, b);
        copied = i + 1;
        i = safe_run_end(bytes, copied);
    }
    buf.extend_from_slice(bytes.get(copied..).unwrap_or_default());
    buf.push(b'"');
}

/// Appends the escape of byte `b`, one that [`needs_escape`] flags.
fn push_escape(buf: &mut Vec<u8>, b: u8) {
    let short: &[u8] = match b {
        b'"' => b"\\\"",
        b'\\' => b"\\\\",
        b'\n' => b"\\n",
        b'\r' => b"\\r",
        b'\t' => b"\\t",
        0x08 => b"\\b",
        0x0C => b"\\f",
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            buf.extend_from_slice(b"\\u00");
            buf.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
            buf.push(HEX.get(usize::from(b & 0xF)).copied().unwrap_or(b'0'));
            return;
        }
    };
    buf.extend_from_slice(short);
}

/// Whether byte `b` is escaped in a JSON string: a control character, `"` or `\\`.
#[inline(always)]
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The first byte at or after `from` that [`needs_escape`], or the length when there is
/// none: sixteen bytes, then eight, are tested at a time, the last few one by one.
#[inline]
fn safe_run_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
        let mask = escape_mask(u128::from_le_bytes(*chunk));
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 16;
    }
    if let Some(chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        let mask = escape_mask(u128::from(u64::from_le_bytes(*chunk)) | PAD_HIGH);
        if mask != 0 {
            return i + (mask.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if needs_escape(b) {
            return i;
        }
        i += 1;
    }
    i
}

/// Sixteen bytes of value 0x01.
const ONES: u128 = u128::MAX / 0xFF;
/// The high bit of each of sixteen bytes.
const HIGH: u128 = ONES * 0x80;
/// The upper eight bytes filled with spaces (which need no escape), below which eight text
/// bytes are tested.
const PAD_HIGH: u128 = (ONES * 0x20) << 64;

/// The high bit of each byte of `w` (little-endian) that [`needs_escape`], exact up to the
/// lowest such byte (the bits above it may be false alarms, from the borrows of the
/// subtractions): only the lowest set bit is read.
#[inline(always)]
fn escape_mask(w: u128) -> u128 {
    let zero_byte = |x: u128| x.wrapping_sub(ONES) & !x;
    // A byte below 0x20 (bytes of 0x80 and above are never flagged: their high bit is set).
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = zero_byte(w ^ (ONES * u128::from(b'"')));
    let backslash = zero_byte(w ^ (ONES * u128::from(b'\\')));
    (below_space | quote | backslash) & HIGH
}

/// A line of a JSON Lines file that is not an event: its 1-based number and why.
pub type BadLine = (usize, String);

/// Reads events written by [`write`] (blank lines are skipped). Returns the events and, for
/// each line that is not an event, its 1-based line number and why.
///
/// # Errors
/// Fails when the reader fails.
pub fn read(input: impl std::io::BufRead) -> std::io::Result<(Vec<Event>, Vec<BadLine>)> {
    let mut events = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Event>(&line) {
            Ok(e) => events.push(e),
            Err(e) => bad.push((i + 1, format!("not an event: {e}"))),
        }
    }
    Ok((events, bad))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::events;

    #[test]
    fn one_event_per_line_and_back() {
        let events = events();
        let mut out = Vec::new();
        assert!(write(&events, &mut out).is_ok());
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text.lines().count(), events.len());
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            for key in [
                "id",
                "type",
                "summary",
                "actors",
                "status",
                "confidence",
                "when",
                "source",
            ] {
                assert!(v.get(key).is_some(), "{key} missing in {line}");
            }
        }
        let (back, bad) = read(text.as_bytes()).unwrap_or_default();
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(back, events);
    }

    #[test]
    fn lines_are_the_bytes_serde_json_writes() {
        let mut events = events();
        let nasty = "tab\there \"quoted\" back\\slash \u{1}\u{1f}\u{7f} é 日本 \r\n\u{8}\u{c}end";
        if let Some(e) = events.first_mut() {
            e.summary = nasty.to_string();
            e.source.text = format!("{nasty}{nasty}");
            e.actors.push("Ünïcode \"Name\"".to_string());
            e.when = None;
            e.trigger = None;
            e.target = None;
            e.confidence = 0.123_456_7;
        }
        if let Some(e) = events.last_mut() {
            e.confidence = f32::NAN;
        }
        for e in &events {
            let mut ours = Vec::new();
            assert!(push_event(&mut ours, e).is_ok());
            let mut theirs = serde_json::to_vec(e).unwrap_or_default();
            theirs.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&theirs)
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        // Every byte value below 0x80 at every offset of an eight-byte window.
        for b in 0u8..0x80 {
            for pad in 0..9 {
                let s = format!(
                    "{}{}{}",
                    "a".repeat(pad),
                    char::from(b),
                    "b".repeat(9 - pad)
                );
                let mut ours = Vec::new();
                push_str(&mut ours, &s);
                let theirs = serde_json::to_vec(&s).unwrap_or_default();
                assert_eq!(ours, theirs, "byte {b:#x} after {pad} letters");
            }
        }
    }

    #[test]
    fn names_and_dates_are_the_ones_serde_writes() {
        use crate::extract::Status;
        use crate::temporal::{Anchor, Precision};
        for s in [
            Status::Reported,
            Status::Alleged,
            Status::Denied,
            Status::Planned,
            Status::Hypothetical,
        ] {
            assert_eq!(format!("\"{}\"", status_name(s)), json(&s));
        }
        for p in [
            Precision::Day,
            Precision::Week,
            Precision::Month,
            Precision::Season,
            Precision::Quarter,
            Precision::Year,
            Precision::Decade,
            Precision::Century,
            Precision::Range,
        ] {
            assert_eq!(format!("\"{}\"", precision_name(p)), json(&p));
        }
        for a in [
            Anchor::Absolute,
            Anchor::Article,
            Anchor::Estimate,
            Anchor::None,
        ] {
            assert_eq!(format!("\"{}\"", anchor_name(a)), json(&a));
        }
        for (y, m, d) in [
            (2024, 1, 5),
            (1, 12, 31),
            (999, 3, 9),
            (9999, 12, 31),
            (-44, 3, 15),
            (12000, 1, 1),
        ] {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                let mut ours = Vec::new();
                assert!(push_date(&mut ours, date).is_ok());
                assert_eq!(String::from_utf8_lossy(&ours), json(&date));
            }
        }
    }

    /// `v` as serde_json writes it.
    fn json(v: &impl serde::Serialize) -> String {
        serde_json::to_string(v).unwrap_or_default()
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in "\\PC*|[\\x00-\\x7f]{0,40}") {
            let mut ours = Vec::new();
            push_str(&mut ours, &s);
            proptest::prop_assert_eq!(ours, serde_json::to_vec(&s).unwrap_or_default());
        }

        #[test]
        fn safe_runs_end_at_the_first_byte_to_escape(
            s in proptest::collection::vec(proptest::sample::select(
                vec![b'a', b' ', b'"', b'\\', b'\n', 0x1f, 0x20, 0x7f, 0x80, 0xa0, 0xe2, 0xff, 0x00]
            ), 0..70),
            from in 0usize..70,
        ) {
            let from = from.min(s.len());
            let expected = s.iter().skip(from).position(|&b| needs_escape(b)).map_or(s.len(), |p| from + p);
            proptest::prop_assert_eq!(safe_run_end(&s, from), expected);
        }
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let input = "\n{\"not\": \"an event\"}\n";
        let (events, bad) = read(input.as_bytes()).unwrap_or_default();
        assert!(events.is_empty());
        assert_eq!(bad.first().map(|b| b.0), Some(2));
    }
}
