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

#[derive(Serialize)]
struct Document<'a> {
    articles: Vec<ArticleRecord<'a>>,
    events: &'a [Event],
    problems: &'a [Problem],
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
    let doc = Document {
        articles: extraction
            .articles
            .iter()
            .map(ArticleRecord::from)
            .collect(),
        events,
        problems: &extraction.problems,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")?;
    Ok(())
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
