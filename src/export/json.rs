//! The JSON contract read by other tools and by our evaluation:
//!
//! ```text
//! {"articles": [{"path", "title", "published", "published_source", "url"}],
//!  "events": [{"id", "type", "summary", "actors", "status", "confidence",
//!              "when": null | {"start", "end", "precision", "expression", "anchor", "value"},
//!              "source": {"article", "start", "end", "text"}, "target"?, "trigger"?}],
//!  "problems": [{"path", "message"}]}
//! ```
//!
//! Dates are `YYYY-MM-DD`; `when.start`/`when.end` are absent for anchor `none`.

use chrono::NaiveDate;
use serde::Serialize;

use super::ExportError;
use crate::corpus::{Article, DateSource, Problem};
use crate::extract::Event;
use crate::pipeline::Extraction;

/// An article as the contract lists it (its text is not repeated).
#[derive(Serialize)]
pub struct ArticleRecord<'a> {
    pub path: &'a str,
    pub title: Option<&'a str>,
    pub published: Option<NaiveDate>,
    pub published_source: DateSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

impl<'a> From<&'a Article> for ArticleRecord<'a> {
    fn from(a: &'a Article) -> Self {
        Self {
            path: &a.path,
            title: a.title.as_deref(),
            published: a.published,
            published_source: a.published_source,
            url: a.url.as_deref(),
        }
    }
}

/// Writes `value` pretty-printed, every line after the first indented by `indent` spaces, so
/// it nests inside a document written piece by piece. (JSON strings never hold a raw line
/// break, so every `\n` in the output is layout.)
pub(crate) fn write_indented(
    value: &impl Serialize,
    indent: usize,
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let buf = serde_json::to_vec_pretty(value)?;
    let pad = " ".repeat(indent);
    let mut lines = buf.split(|b| *b == b'\n');
    if let Some(first) = lines.next() {
        out.write_all(first)?;
    }
    for line in lines {
        out.write_all(b"\n")?;
        out.write_all(pad.as_bytes())?;
        out.write_all(line)?;
    }
    Ok(())
}

/// The JSON document, written as events arrive: `{"events": [...], "articles": [...],
/// "problems": [...]}` (the articles come last because extraction may estimate their dates).
#[derive(Default)]
pub(crate) struct Writer {
    events: usize,
}

impl Writer {
    pub(crate) fn start(out: &mut dyn std::io::Write) -> Result<Self, ExportError> {
        out.write_all(b"{\n  \"events\": [")?;
        Ok(Self::default())
    }

    pub(crate) fn events(
        &mut self,
        events: &[Event],
        out: &mut dyn std::io::Write,
    ) -> Result<(), ExportError> {
        for e in events {
            out.write_all(if self.events == 0 {
                b"\n    "
            } else {
                b",\n    "
            })?;
            write_indented(e, 4, out)?;
            self.events += 1;
        }
        Ok(())
    }

    pub(crate) fn finish(
        self,
        articles: &[Article],
        problems: &[Problem],
        out: &mut dyn std::io::Write,
    ) -> Result<(), ExportError> {
        out.write_all(if self.events == 0 {
            b"],\n  \"articles\": "
        } else {
            b"\n  ],\n  \"articles\": "
        })?;
        let records: Vec<ArticleRecord> = articles.iter().map(ArticleRecord::from).collect();
        write_indented(&records, 2, out)?;
        out.write_all(b",\n  \"problems\": ")?;
        write_indented(&problems, 2, out)?;
        out.write_all(b"\n}\n")?;
        Ok(())
    }
}

/// Writes the whole extraction as one pretty-printed JSON document.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(
    extraction: &Extraction,
    events: &[Event],
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let mut w = Writer::start(out)?;
    w.events(events, out)?;
    w.finish(&extraction.articles, &extraction.problems, out)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::export::test_support::{events, extraction};

    fn render() -> Value {
        let mut out = Vec::new();
        let events = events();
        let ok = write(&extraction(), &events, &mut out);
        assert!(ok.is_ok(), "{ok:?}");
        serde_json::from_slice(&out).unwrap_or_default()
    }

    #[test]
    fn follows_the_contract() {
        let v = render();
        assert_eq!(
            v["articles"][0],
            json!({"path": "a/one.txt", "title": "Kim visits Moscow", "published": "2024-04-10",
                   "published_source": "sidecar", "url": "https://example.org/kim"})
        );
        let e = &v["events"][0];
        assert_eq!(e["id"], "e1");
        assert_eq!(e["type"], "visit");
        assert_eq!(e["summary"], "Kim Jong Un visits Vladivostok");
        assert_eq!(e["actors"], json!(["North Korea", "Russia"]));
        assert_eq!(e["status"], "reported");
        assert_eq!(e["confidence"], json!(0.75));
        assert_eq!(e["when"]["start"], "2024-04-09");
        assert_eq!(e["when"]["end"], "2024-04-09");
        assert_eq!(e["when"]["precision"], "day");
        assert_eq!(e["when"]["expression"], "April 9, 2024");
        assert_eq!(e["when"]["anchor"], "absolute");
        assert_eq!(
            e["source"],
            json!({"article": "a/one.txt", "start": 10, "end": 40,
                   "text": "Source sentence for Kim Jong Un visits Vladivostok."})
        );
        assert_eq!(
            v["problems"],
            json!([{"path": "bad.pdf", "message": "is a PDF, not an article"}])
        );
    }

    #[test]
    fn unresolved_dates_have_no_start_or_end() {
        let v = render();
        let when = &v["events"][2]["when"];
        assert_eq!(when["anchor"], "none");
        assert!(
            when.get("start").is_none() && when.get("end").is_none(),
            "{when}"
        );
    }

    #[test]
    fn an_empty_document_is_valid() {
        let mut out = Vec::new();
        assert!(write(&Extraction::default(), &[], &mut out).is_ok());
        let v: Value = serde_json::from_slice(&out).unwrap_or_default();
        assert_eq!(v, json!({"events": [], "articles": [], "problems": []}));
    }

    #[test]
    fn no_date_at_all_is_null() {
        let mut out = Vec::new();
        let mut e = events();
        if let Some(first) = e.first_mut() {
            first.when = None;
        }
        assert!(write(&extraction(), &e, &mut out).is_ok());
        let v: Value = serde_json::from_slice(&out).unwrap_or_default();
        assert!(v["events"][0]["when"].is_null());
        assert!(
            v["events"][0]
                .as_object()
                .is_some_and(|o| o.contains_key("when"))
        );
    }
}
