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
/// anything to escape, which is nearly all text, are found eight bytes at a time and copied
/// whole.
fn push_str(buf: &mut Vec<u8>, s: &str) {
    buf.reserve(s.len() + 2);
    buf.push(b'"');
    let bytes = s.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes
            .get(i..i + 8)
            .and_then(|c| <[u8; 8]>::try_from(c).ok())
            && !needs_escape_any(u64::from_le_bytes(chunk))
        {
            i += 8;
            continue;
        }
        let b = bytes.get(i).copied().unwrap_or(b' ');
        i += 1;
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0..0x20 => {
                buf.extend_from_slice(bytes.get(copied..i - 1).unwrap_or_default());
                copied = i;
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
                buf.push(HEX.get(usize::from(b & 0xF)).copied().unwrap_or(b'0'));
                continue;
            }
            _ => continue,
        };
        buf.extend_from_slice(bytes.get(copied..i - 1).unwrap_or_default());
        buf.extend_from_slice(escape);
        copied = i;
    }
    buf.extend_from_slice(bytes.get(copied..).unwrap_or_default());
    buf.push(b'"');
}

/// Whether any of the eight bytes in `w` is a control character, `"` or `\\`.
fn needs_escape_any(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    // A byte below 0x20 (bytes of 0x80 and above are never flagged: their high bit is set).
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
    below_space || has_zero(w ^ (ONES * u64::from(b'"'))) || has_zero(w ^ (ONES * u64::from(b'\\')))
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
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let input = "\n{\"not\": \"an event\"}\n";
        let (events, bad) = read(input.as_bytes()).unwrap_or_default();
        assert!(events.is_empty());
        assert_eq!(bad.first().map(|b| b.0), Some(2));
    }
}
