//! TimelineJS3 JSON (<https://timeline.knightlab.com/docs/json-format.html>).
//!
//! Each dated event is a slide: `start_date` (and `end_date` when the interval spans more
//! than one unit of its precision) with only the parts the precision knows, `display_date`
//! for coarse or estimated dates, `text` (HTML, so everything from the articles is escaped),
//! `group` = the event type and a `unique_id`. Events without a resolved date cannot be
//! placed and are left out; the title slide says how many.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike as _, NaiveDate};
use serde::Serialize;

use super::json::write_indented;
use super::{ExportError, escape_html, interval, safe_url, status_name, when_text};
use crate::corpus::Article;
use crate::extract::Event;
use crate::pipeline::Extraction;
use crate::temporal::{Anchor, Precision};

#[derive(Serialize, Debug, PartialEq, Eq)]
struct DateParts {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
}

/// Which date parts a precision knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parts {
    Day,
    Month,
    Year,
}

fn parts_of(precision: Precision) -> Parts {
    match precision {
        Precision::Day | Precision::Week | Precision::Range => Parts::Day,
        Precision::Month | Precision::Season | Precision::Quarter => Parts::Month,
        Precision::Year | Precision::Decade | Precision::Century => Parts::Year,
    }
}

fn date_parts(d: NaiveDate, parts: Parts) -> DateParts {
    DateParts {
        year: d.year(),
        month: (parts != Parts::Year).then_some(d.month()),
        day: (parts == Parts::Day).then_some(d.day()),
    }
}

/// A TimelineJS `unique_id`: only `[A-Za-z0-9_-]` (it becomes an HTML id and a URL
/// fragment), unique within the timeline.
fn unique_id(id: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let base = format!("event-{clean}");
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

fn slide(event: &Event, article: Option<&Article>, taken: &mut HashSet<String>) -> Option<Slide> {
    let (start, end) = interval(event)?;
    let when = event.when.as_ref()?;
    let parts = parts_of(when.precision);
    let start_parts = date_parts(start, parts);
    let end_parts = date_parts(end, parts);
    let coarse = parts != Parts::Day || when.precision == Precision::Week;
    let display_date = (coarse || when.anchor == Anchor::Estimate).then(|| when_text(Some(when)));

    let mut body = String::new();
    if !event.actors.is_empty() {
        body.push_str("<p><b>Who:</b> ");
        body.push_str(&escape_html(&event.actors.join(", ")));
        body.push_str("</p>");
    }
    body.push_str(&format!(
        "<p><b>Status:</b> {} · <b>confidence</b> {:.2} · <b>date as written:</b> “{}”",
        status_name(event.status),
        event.confidence,
        escape_html(&when.expression)
    ));
    if when.anchor == Anchor::Estimate {
        body.push_str(" (resolved against an estimated article date)");
    }
    body.push_str("</p><blockquote>");
    body.push_str(&escape_html(&event.source.text));
    body.push_str("</blockquote><p>— ");
    let name = article
        .and_then(|a| a.title.as_deref())
        .unwrap_or(&event.source.article);
    match article.and_then(|a| a.url.as_deref()).and_then(safe_url) {
        Some(url) => body.push_str(&format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener noreferrer\">{}</a>",
            escape_html(url),
            escape_html(name)
        )),
        None => body.push_str(&escape_html(name)),
    }
    body.push_str("</p>");

    Some(Slide {
        end_date: (end_parts != start_parts).then_some(end_parts),
        start_date: Some(start_parts),
        display_date,
        text: Text {
            headline: escape_html(&event.summary).into_owned(),
            text: body,
        },
        group: Some(escape_html(&event.event_type).into_owned()),
        unique_id: Some(unique_id(&event.id, taken)),
    })
}

/// The timeline, written as events arrive: the slides first, then the title slide (which
/// counts them). JSON key order does not matter to TimelineJS.
#[derive(Default)]
pub(crate) struct Writer {
    slides: usize,
    undated: usize,
    taken: HashSet<String>,
}

impl Writer {
    pub(crate) fn start(out: &mut dyn std::io::Write) -> Result<Self, ExportError> {
        out.write_all(b"{\n  \"events\": [")?;
        Ok(Self::default())
    }

    /// Writes the slides of `events`; `articles` are those the events come from (for titles
    /// and links).
    pub(crate) fn events(
        &mut self,
        events: &[Event],
        articles: &[Article],
        out: &mut dyn std::io::Write,
    ) -> Result<(), ExportError> {
        let by_path: HashMap<&str, &Article> =
            articles.iter().map(|a| (a.path.as_str(), a)).collect();
        for e in events {
            let article = by_path.get(e.source.article.as_str()).copied();
            match slide(e, article, &mut self.taken) {
                Some(s) => {
                    out.write_all(if self.slides == 0 {
                        b"\n    "
                    } else {
                        b",\n    "
                    })?;
                    write_indented(&s, 4, out)?;
                    self.slides += 1;
                }
                None => self.undated += 1,
            }
        }
        Ok(())
    }

    pub(crate) fn finish(
        self,
        articles: usize,
        out: &mut dyn std::io::Write,
    ) -> Result<(), ExportError> {
        let mut summary = format!("{} events from {articles} articles.", self.slides);
        if self.undated > 0 {
            summary.push_str(&format!(
                " {} events without a resolved date are not shown.",
                self.undated
            ));
        }
        let title = Slide {
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text {
                headline: "Dateline".to_owned(),
                text: format!("<p>{summary}</p>"),
            },
            group: None,
            unique_id: None,
        };
        out.write_all(if self.slides == 0 {
            b"],\n  \"title\": "
        } else {
            b"\n  ],\n  \"title\": "
        })?;
        write_indented(&title, 2, out)?;
        out.write_all(b"\n}\n")?;
        Ok(())
    }
}

/// Writes a TimelineJS3 timeline of the dated events.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(
    extraction: &Extraction,
    events: &[Event],
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let mut w = Writer::start(out)?;
    w.events(events, &extraction.articles, out)?;
    w.finish(extraction.articles.len(), out)
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::export::test_support::{date, event, events, extraction, when};

    fn render(events: &[Event]) -> Value {
        let mut out = Vec::new();
        assert!(write(&extraction(), events, &mut out).is_ok());
        serde_json::from_slice(&out).unwrap_or_default()
    }

    #[test]
    fn dated_events_become_slides_with_known_parts_only() {
        let v = render(&events());
        let slides = v["events"].as_array().cloned().unwrap_or_default();
        assert_eq!(slides.len(), 2, "the undated event is left out");
        let day = &slides[0];
        assert_eq!(
            day["start_date"],
            json!({"year": 2024, "month": 4, "day": 9})
        );
        assert!(day.get("end_date").is_none());
        assert!(day.get("display_date").is_none());
        assert_eq!(day["group"], "visit");
        assert_eq!(day["unique_id"], "event-e1");
        assert_eq!(day["text"]["headline"], "Kim Jong Un visits Vladivostok");
        let month = &slides[1];
        assert_eq!(month["start_date"], json!({"year": 2024, "month": 3}));
        assert!(month.get("end_date").is_none());
        assert_eq!(month["display_date"], "March 2024");
        let title = v["title"]["text"]["text"].as_str().unwrap_or_default();
        assert!(
            title.contains("1 events without a resolved date"),
            "{title}"
        );
    }

    #[test]
    fn spans_get_an_end_date_and_a_display_date() {
        let season = event(
            "s",
            "military_drill",
            "Spring drills",
            Some(when(
                date(2024, 3, 1),
                date(2024, 5, 31),
                Precision::Season,
                "this spring",
            )),
        );
        let week = event(
            "w",
            "meeting",
            "Talks",
            Some(when(
                date(2024, 4, 8),
                date(2024, 4, 14),
                Precision::Week,
                "last week",
            )),
        );
        let decade = event(
            "d",
            "statement",
            "Ties",
            Some(when(
                date(2020, 1, 1),
                date(2029, 12, 31),
                Precision::Decade,
                "the 2020s",
            )),
        );
        let v = render(&[season, week, decade]);
        let s = &v["events"];
        assert_eq!(s[0]["start_date"], json!({"year": 2024, "month": 3}));
        assert_eq!(s[0]["end_date"], json!({"year": 2024, "month": 5}));
        assert_eq!(s[0]["display_date"], "March–May 2024");
        assert_eq!(
            s[1]["end_date"],
            json!({"year": 2024, "month": 4, "day": 14})
        );
        assert_eq!(s[1]["display_date"], "week of 8 April 2024");
        assert_eq!(s[2]["start_date"], json!({"year": 2020}));
        assert_eq!(s[2]["end_date"], json!({"year": 2029}));
        assert_eq!(s[2]["display_date"], "the 2020s");
    }

    #[test]
    fn markup_from_articles_is_escaped() {
        let mut e = events();
        if let Some(first) = e.first_mut() {
            first.summary = "<script>alert(1)</script>".to_owned();
            first.source.text = "<img src=x onerror=alert(1)>".to_owned();
            first.actors = vec!["<b>Kim</b>".to_owned()];
            first.event_type = "<i>visit</i>".to_owned();
        }
        let v = render(&e);
        let slide = &v["events"][0];
        let all = slide.to_string();
        assert!(!all.contains("<script"), "{all}");
        assert!(!all.contains("<img"), "{all}");
        assert!(!all.contains("<b>Kim"), "{all}");
        assert_eq!(
            slide["text"]["headline"],
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(slide["group"], "&lt;i&gt;visit&lt;/i&gt;");
        // The article's plain web address is linked.
        assert!(
            all.contains("href=\\\"https://example.org/kim\\\""),
            "{all}"
        );
    }

    #[test]
    fn unique_ids_are_safe_and_unique() {
        let mut taken = HashSet::new();
        assert_eq!(unique_id("a/b.txt#3", &mut taken), "event-a_b_txt_3");
        assert_eq!(unique_id("a/b.txt#3", &mut taken), "event-a_b_txt_3-2");
        assert_eq!(unique_id("a_b.txt#3", &mut taken), "event-a_b_txt_3-3");
    }
}
