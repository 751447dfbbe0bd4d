//! Writing events out: json, jsonl, csv, timelinejs, markdown, one module each.
//!
//! Every format takes the events to write (already filtered with
//! [`crate::timeline::Filter`]) and the [`Extraction`] they came from, for its articles and
//! problems. Files are written through [`write_file`], which is atomic.

pub mod csv;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod timelinejs;

use std::borrow::Cow;
use std::path::Path;

use chrono::{Datelike as _, NaiveDate};

use crate::corpus::{Article, Problem};
use crate::extract::Event;
use crate::pipeline::Extraction;
use crate::temporal::{Anchor, Precision, When};

/// An export format.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    Timelinejs,
    Markdown,
}

impl Format {
    /// The usual file extension for the format, without the dot.
    #[must_use]
    pub fn extension(self) -> &'static str {
        match self {
            Self::Json | Self::Timelinejs => "json",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
            Self::Markdown => "md",
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("could not write the export: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not encode the export as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("could not encode the export as CSV: {0}")]
    Csv(#[from] ::csv::Error),
}

/// Writes `events` (already filtered) with the articles and problems of `extraction`.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(
    format: Format,
    extraction: &Extraction,
    events: &[Event],
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let mut sink = Sink::start(format, out)?;
    sink.events(events, &extraction.articles)?;
    sink.finish(&extraction.articles, &extraction.problems)
}

enum SinkState {
    Json(json::Writer),
    Jsonl,
    Csv,
    Timelinejs(timelinejs::Writer),
    /// The report groups events by date, so it is written at the end.
    Markdown(Vec<Event>),
}

/// An export written while extraction goes on: events arrive in batches and are written at
/// once (except for Markdown, which groups them by date and writes at the end), so a large
/// extraction need not hold all its events.
pub struct Sink<'a> {
    out: &'a mut dyn std::io::Write,
    state: SinkState,
}

impl<'a> Sink<'a> {
    /// Starts an export in `format` on `out`.
    ///
    /// # Errors
    /// Fails when the writer fails.
    pub fn start(format: Format, out: &'a mut dyn std::io::Write) -> Result<Self, ExportError> {
        let state = match format {
            Format::Json => SinkState::Json(json::Writer::start(out)?),
            Format::Jsonl => SinkState::Jsonl,
            Format::Csv => {
                csv::write_header(out)?;
                SinkState::Csv
            }
            Format::Timelinejs => SinkState::Timelinejs(timelinejs::Writer::start(out)?),
            Format::Markdown => SinkState::Markdown(Vec::new()),
        };
        Ok(Self { out, state })
    }

    /// Writes a batch of events (already filtered); `articles` are at least those the events
    /// come from.
    ///
    /// # Errors
    /// Fails when the writer fails.
    pub fn events(&mut self, events: &[Event], articles: &[Article]) -> Result<(), ExportError> {
        match &mut self.state {
            SinkState::Json(w) => w.events(events, self.out),
            SinkState::Jsonl => jsonl::write(events, self.out),
            SinkState::Csv => csv::write_rows(events, self.out),
            SinkState::Timelinejs(w) => w.events(events, articles, self.out),
            SinkState::Markdown(held) => {
                held.extend_from_slice(events);
                Ok(())
            }
        }
    }

    /// Flushes what was written so far (for streams read as they are written).
    ///
    /// # Errors
    /// Fails when the writer fails.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }

    /// Ends the export with every article read and the problems met.
    ///
    /// # Errors
    /// Fails when the writer fails.
    pub fn finish(self, articles: &[Article], problems: &[Problem]) -> Result<(), ExportError> {
        let result = match self.state {
            SinkState::Json(w) => w.finish(articles, problems, self.out),
            SinkState::Jsonl | SinkState::Csv => Ok(()),
            SinkState::Timelinejs(w) => w.finish(articles.len(), self.out),
            SinkState::Markdown(held) => markdown::write_parts(articles, problems, &held, self.out),
        };
        result?;
        self.out.flush()?;
        Ok(())
    }
}

/// Writes the export to `path` atomically: on any failure an existing file there is left
/// as it was, and the error says so.
///
/// # Errors
/// Fails when the folder is missing or not writable, the disk is full, or encoding fails.
pub fn write_file(
    format: Format,
    extraction: &Extraction,
    events: &[Event],
    path: &Path,
) -> std::io::Result<()> {
    crate::write::write_atomic_with(path, |out| {
        write(format, extraction, events, out).map_err(|e| match e {
            ExportError::Io(io) => io,
            other => std::io::Error::other(other),
        })
    })
}

/// Makes a spreadsheet cell safe to open: a value a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms,
/// possibly after spaces) gets a leading `'`, as the OWASP advice on CSV injection says.
#[must_use]
pub fn neutralize_formula(cell: &str) -> Cow<'_, str> {
    let first = cell.trim_start_matches(' ').chars().next();
    let risky = matches!(
        first,
        Some(
            '=' | '+' | '-' | '@' | '\t' | '\r' | '\u{FF1D}' | '\u{FF0B}' | '\u{FF0D}' | '\u{FF20}'
        )
    );
    if risky {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Escapes text for HTML element content and attribute values.
#[must_use]
pub fn escape_html(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// The URL when it is a plain `http(s)` address that is safe to link to, otherwise `None`.
#[must_use]
pub fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let scheme_ok = lower.starts_with("https://") || lower.starts_with("http://");
    let chars_ok = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '\''));
    (scheme_ok && chars_ok).then_some(url)
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month of `date`.
#[must_use]
pub fn month_name(date: NaiveDate) -> &'static str {
    MONTH_NAMES
        .get(date.month0() as usize)
        .copied()
        .unwrap_or("January")
}

fn day_text(d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month_name(d), d.year())
}

fn month_text(d: NaiveDate) -> String {
    format!("{} {}", month_name(d), d.year())
}

fn span_text(start: NaiveDate, end: NaiveDate, part: fn(NaiveDate) -> String) -> String {
    let (a, b) = (part(start), part(end));
    if a == b { a } else { format!("{a} – {b}") }
}

fn month_span_text(start: NaiveDate, end: NaiveDate) -> String {
    if start.year() == end.year() {
        if start.month() == end.month() {
            month_text(start)
        } else {
            format!("{}–{} {}", month_name(start), month_name(end), start.year())
        }
    } else {
        format!("{} – {}", month_text(start), month_text(end))
    }
}

fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A human reading of a resolved interval at its precision: `10 April 2024`,
/// `week of 8 April 2024`, `April 2024`, `March–May 2024`, `Q2 2024`, `2024`, `the 2020s`,
/// `20th century`, `30 December 2023 – 7 February 2024`.
#[must_use]
pub fn interval_text(start: NaiveDate, end: NaiveDate, precision: Precision) -> String {
    match precision {
        Precision::Day | Precision::Range => span_text(start, end, day_text),
        Precision::Week => format!("week of {}", day_text(start)),
        Precision::Month | Precision::Season => month_span_text(start, end),
        Precision::Quarter => {
            let aligned = start.day() == 1
                && start.month0().is_multiple_of(3)
                && start.year() == end.year()
                && end.month0() == start.month0() + 2;
            if aligned {
                format!("Q{} {}", start.month0() / 3 + 1, start.year())
            } else {
                month_span_text(start, end)
            }
        }
        Precision::Year => span_text(start, end, |d| d.year().to_string()),
        Precision::Decade => {
            if start.year() % 10 == 0 && end.year() == start.year() + 9 {
                format!("the {}s", start.year())
            } else {
                span_text(start, end, |d| d.year().to_string())
            }
        }
        Precision::Century => {
            if start.year() % 100 == 0 && end.year() == start.year() + 99 {
                format!("{} century", ordinal(start.year() / 100 + 1))
            } else {
                span_text(start, end, |d| d.year().to_string())
            }
        }
    }
}

/// How an event's date reads for people: the interval at its precision, `about …` when it
/// rests on an estimated article date, and `undated` with the expression when it could not be
/// resolved (never shown as certain).
#[must_use]
pub fn when_text(when: Option<&When>) -> String {
    let Some(w) = when else {
        return "undated".to_owned();
    };
    match (w.start, w.end, w.anchor) {
        (Some(s), Some(e), Anchor::Estimate) => {
            format!("about {}", interval_text(s, e, w.precision))
        }
        (Some(s), Some(e), _) => interval_text(s, e, w.precision),
        _ => "undated".to_owned(),
    }
}

/// The resolved interval of an event, when it has one.
#[must_use]
pub fn interval(event: &Event) -> Option<(NaiveDate, NaiveDate)> {
    event.when.as_ref().and_then(|w| w.start.zip(w.end))
}

/// Precision as written in exports (`day`, `week`, …).
#[must_use]
pub fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Season => "season",
        Precision::Quarter => "quarter",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Century => "century",
        Precision::Range => "range",
    }
}

/// Anchor as written in exports (`absolute`, `article`, `estimate`, `none`).
#[must_use]
pub fn anchor_name(a: Anchor) -> &'static str {
    match a {
        Anchor::Absolute => "absolute",
        Anchor::Article => "article",
        Anchor::Estimate => "estimate",
        Anchor::None => "none",
    }
}

/// Status as written in exports.
#[must_use]
pub fn status_name(s: crate::extract::Status) -> &'static str {
    use crate::extract::Status;
    match s {
        Status::Reported => "reported",
        Status::Alleged => "alleged",
        Status::Denied => "denied",
        Status::Planned => "planned",
        Status::Hypothetical => "hypothetical",
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Synthetic events for the exporters' tests, independent of extraction quality.

    use chrono::NaiveDate;

    use crate::corpus::{Article, DateSource, Problem};
    use crate::extract::{Event, Source, Status};
    use crate::pipeline::Extraction;
    use crate::temporal::{Anchor, Precision, When};

    pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    pub fn when(start: NaiveDate, end: NaiveDate, precision: Precision, expr: &str) -> When {
        When {
            start: Some(start),
            end: Some(end),
            precision,
            expression: expr.to_owned(),
            anchor: Anchor::Absolute,
            value: String::new(),
        }
    }

    pub fn event(id: &str, kind: &str, summary: &str, when: Option<When>) -> Event {
        Event {
            id: id.to_owned(),
            event_type: kind.to_owned(),
            summary: summary.to_owned(),
            actors: vec!["North Korea".to_owned(), "Russia".to_owned()],
            target: None,
            status: Status::Reported,
            confidence: 0.75,
            when,
            source: Source {
                article: "a/one.txt".to_owned(),
                start: 10,
                end: 40,
                text: format!("Source sentence for {summary}."),
            },
            trigger: None,
        }
    }

    pub fn extraction() -> Extraction {
        Extraction {
            articles: vec![Article {
                path: "a/one.txt".to_owned(),
                title: Some("Kim visits Moscow".to_owned()),
                url: Some("https://example.org/kim".to_owned()),
                published: Some(date(2024, 4, 10)),
                published_source: DateSource::Sidecar,
                text: String::new(),
            }],
            events: Vec::new(),
            problems: vec![Problem {
                path: "bad.pdf".to_owned(),
                message: "is a PDF, not an article".to_owned(),
            }],
        }
    }

    pub fn events() -> Vec<Event> {
        let mut undated = event("e3", "denial", "Moscow denies the shipments", None);
        undated.status = Status::Denied;
        undated.when = Some(When {
            start: None,
            end: None,
            precision: Precision::Day,
            expression: "last Tuesday".to_owned(),
            anchor: Anchor::None,
            value: "XXXX-XX-XX".to_owned(),
        });
        vec![
            event(
                "e1",
                "visit",
                "Kim Jong Un visits Vladivostok",
                Some(when(
                    date(2024, 4, 9),
                    date(2024, 4, 9),
                    Precision::Day,
                    "April 9, 2024",
                )),
            ),
            event(
                "e2",
                "military_drill",
                "Joint drills",
                Some(when(
                    date(2024, 3, 1),
                    date(2024, 3, 31),
                    Precision::Month,
                    "in March",
                )),
            ),
            undated,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::date;
    use super::*;

    #[test]
    fn formula_cells_are_neutralized() {
        for risky in [
            "=1+1",
            "+SUM(A1)",
            "-2+3",
            "@cmd",
            "\tx",
            "\rx",
            "  =x",
            "＝HYPERLINK()",
        ] {
            assert!(neutralize_formula(risky).starts_with('\''), "{risky:?}");
        }
        for safe in ["Kim", "2024-04-10", "0.75", "", "a=b"] {
            assert_eq!(neutralize_formula(safe), safe);
        }
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert!(matches!(escape_html("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn only_plain_web_urls_are_linked() {
        assert_eq!(
            safe_url("https://example.org/a?b=1"),
            Some("https://example.org/a?b=1")
        );
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url("https://x.org/\"onmouseover=1"), None);
        assert_eq!(safe_url("ftp://x"), None);
    }

    #[test]
    fn intervals_read_at_their_precision() {
        let d = date;
        assert_eq!(
            interval_text(d(2024, 4, 10), d(2024, 4, 10), Precision::Day),
            "10 April 2024"
        );
        assert_eq!(
            interval_text(d(2024, 4, 8), d(2024, 4, 14), Precision::Week),
            "week of 8 April 2024"
        );
        assert_eq!(
            interval_text(d(2024, 4, 1), d(2024, 4, 30), Precision::Month),
            "April 2024"
        );
        assert_eq!(
            interval_text(d(2024, 3, 1), d(2024, 5, 31), Precision::Season),
            "March–May 2024"
        );
        assert_eq!(
            interval_text(d(2023, 12, 1), d(2024, 2, 29), Precision::Season),
            "December 2023 – February 2024"
        );
        assert_eq!(
            interval_text(d(2024, 4, 1), d(2024, 6, 30), Precision::Quarter),
            "Q2 2024"
        );
        assert_eq!(
            interval_text(d(2024, 1, 1), d(2024, 12, 31), Precision::Year),
            "2024"
        );
        assert_eq!(
            interval_text(d(2020, 1, 1), d(2029, 12, 31), Precision::Decade),
            "the 2020s"
        );
        assert_eq!(
            interval_text(d(1900, 1, 1), d(1999, 12, 31), Precision::Century),
            "20th century"
        );
        assert_eq!(
            interval_text(d(2023, 12, 30), d(2024, 2, 7), Precision::Range),
            "30 December 2023 – 7 February 2024"
        );
    }

    #[test]
    fn unresolved_dates_are_never_shown_as_certain() {
        let events = test_support::events();
        assert_eq!(
            when_text(events.get(2).and_then(|e| e.when.as_ref())),
            "undated"
        );
        let mut w = test_support::when(
            date(2024, 4, 9),
            date(2024, 4, 9),
            Precision::Day,
            "Tuesday",
        );
        w.anchor = Anchor::Estimate;
        assert_eq!(when_text(Some(&w)), "about 9 April 2024");
    }
}
