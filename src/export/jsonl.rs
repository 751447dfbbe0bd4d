//! JSON Lines: one event per line, in the same shape as the JSON contract's `events`.
//! Streamable: `dateline extract - --format jsonl` writes these lines as it goes.

use super::ExportError;
use crate::extract::Event;

/// Writes one event as a single JSON line (with its newline).
///
/// # Errors
/// Fails when the writer fails.
pub fn write_event(event: &Event, out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    serde_json::to_writer(&mut *out, event)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// How many bytes of lines are formatted before they are handed to the writer.
const WRITE_BATCH_BYTES: usize = 1 << 16;

/// Writes every event, one per line. The lines are formatted into a buffer and handed to
/// `out` some 64 KiB at a time: serde_json then writes to memory directly rather than one
/// small piece at a time through `dyn Write`.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(events: &[Event], out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let mut buf: Vec<u8> = Vec::with_capacity(WRITE_BATCH_BYTES + 4096);
    for e in events {
        serde_json::to_writer(&mut buf, e)?;
        buf.push(b'\n');
        if buf.len() >= WRITE_BATCH_BYTES {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)?;
    Ok(())
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
    fn bad_lines_are_reported_with_their_number() {
        let input = "\n{\"not\": \"an event\"}\n";
        let (events, bad) = read(input.as_bytes()).unwrap_or_default();
        assert!(events.is_empty());
        assert_eq!(bad.first().map(|b| b.0), Some(2));
    }
}
