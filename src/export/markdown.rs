//! A readable Markdown report: events grouped by month (events spanning more than a month
//! under their year, unresolved ones under "Undated"), each with its date, type, actors,
//! status, summary and the quoted source passage with its article; then the articles and
//! the problems as tables.
//!
//! Everything taken from articles is escaped: HTML-significant characters become entities
//! (no raw HTML, no `<script>`), Markdown punctuation is backslash-escaped, line breaks are
//! folded so a passage cannot start a heading, list or table of its own, and table cells that
//! a spreadsheet would read as formulas are neutralized.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use chrono::{Datelike as _, NaiveDate};

use super::{
    ExportError, interval, month_name, neutralize_formula, safe_url, status_name, when_text,
};
use crate::corpus::{Article, DateSource, Problem};
use crate::extract::Event;
use crate::pipeline::Extraction;
use crate::temporal::Anchor;

/// Escapes text for inline Markdown: folds whitespace runs (including line breaks) to one
/// space, turns `&`, `<`, `>` into entities and backslash-escapes Markdown punctuation.
#[must_use]
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A table cell: formula-like starts neutralized, then escaped.
fn cell(text: &str) -> String {
    escape_inline(&neutralize_formula(text.trim()))
}

/// Where an event is listed, in this order: by year, within a year first the events that span
/// more than a month (`month == 0`), then month by month; undated events last.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Dated { year: i32, month: u32 },
    Undated,
}

fn group_of(event: &Event) -> Group {
    match interval(event) {
        Some((s, e)) if s.year() == e.year() && s.month() == e.month() => Group::Dated {
            year: s.year(),
            month: s.month(),
        },
        Some((s, _)) => Group::Dated {
            year: s.year(),
            month: 0,
        },
        None => Group::Undated,
    }
}

fn group_heading(g: Group) -> String {
    match g {
        Group::Dated { year, month: 0 } => format!("{year} (spans longer than a month)"),
        Group::Dated { year, month } => {
            let d = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
            format!("{} {year}", month_name(d))
        }
        Group::Undated => "Undated".to_owned(),
    }
}

fn date_source_name(s: DateSource) -> &'static str {
    match s {
        DateSource::Sidecar => "sidecar",
        DateSource::Metadata => "file metadata",
        DateSource::Text => "dateline in the text",
        DateSource::Estimate => "estimate",
        DateSource::Unknown => "unknown",
    }
}

fn write_event(out: &mut String, e: &Event, article: Option<&Article>) {
    let _ = writeln!(
        out,
        "### {} · {}\n",
        escape_inline(&when_text(e.when.as_ref())),
        escape_inline(&e.event_type)
    );
    let _ = writeln!(out, "**{}**\n", escape_inline(&e.summary));
    if !e.actors.is_empty() {
        let actors: Vec<String> = e.actors.iter().map(|a| escape_inline(a)).collect();
        let _ = writeln!(out, "- Who: {}", actors.join(", "));
    }
    let _ = writeln!(
        out,
        "- Status: {} · confidence {:.2}",
        status_name(e.status),
        e.confidence
    );
    if let Some(w) = &e.when {
        let basis = match w.anchor {
            Anchor::Absolute => "",
            Anchor::Article => " (resolved against the article date)",
            Anchor::Estimate => " (resolved against an estimated article date)",
            Anchor::None => " (relative, and the article date is unknown)",
        };
        let _ = writeln!(
            out,
            "- Date as written: “{}”{basis}",
            escape_inline(&w.expression)
        );
    }
    let _ = writeln!(out, "\n> {}", escape_inline(&e.source.text));
    let name = escape_inline(&e.source.article);
    let link = article
        .and_then(|a| a.url.as_deref())
        .and_then(safe_url)
        .map(|u| format!(" <{u}>"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        ">\n> — {name}, bytes {}–{}{link}\n",
        e.source.start, e.source.end
    );
}

/// Writes the report.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(
    extraction: &Extraction,
    events: &[Event],
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    write_parts(&extraction.articles, &extraction.problems, events, out)
}

/// [`write`] from the parts of an extraction.
///
/// # Errors
/// Fails when the writer fails.
pub fn write_parts(
    all_articles: &[Article],
    problems: &[Problem],
    events: &[Event],
    out: &mut dyn std::io::Write,
) -> Result<(), ExportError> {
    let articles: HashMap<&str, &Article> =
        all_articles.iter().map(|a| (a.path.as_str(), a)).collect();
    let mut groups: BTreeMap<Group, Vec<&Event>> = BTreeMap::new();
    for e in events {
        groups.entry(group_of(e)).or_default().push(e);
    }

    let mut text = String::new();
    let _ = writeln!(
        text,
        "# Dateline report\n\n{} events from {} articles.\n",
        events.len(),
        all_articles.len()
    );
    out.write_all(text.as_bytes())?;
    for (group, mut list) in groups {
        // Undated events keep the order they were found in.
        if group != Group::Undated {
            list.sort_by(|a, b| interval(a).cmp(&interval(b)).then_with(|| a.id.cmp(&b.id)));
        }
        text.clear();
        let _ = writeln!(text, "## {}\n", group_heading(group));
        for e in list {
            write_event(
                &mut text,
                e,
                articles.get(e.source.article.as_str()).copied(),
            );
            if text.len() > 1 << 16 {
                out.write_all(text.as_bytes())?;
                text.clear();
            }
        }
        out.write_all(text.as_bytes())?;
    }

    text.clear();
    if !all_articles.is_empty() {
        text.push_str(
            "## Articles\n\n| Article | Title | Published | Date from |\n|---|---|---|---|\n",
        );
        for a in all_articles {
            let published = a
                .published
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default();
            let _ = writeln!(
                text,
                "| {} | {} | {} | {} |",
                cell(&a.path),
                cell(a.title.as_deref().unwrap_or("")),
                cell(&published),
                date_source_name(a.published_source)
            );
        }
        text.push('\n');
    }
    if !problems.is_empty() {
        text.push_str("## Problems\n\n| File | Problem |\n|---|---|\n");
        for p in problems {
            let _ = writeln!(text, "| {} | {} |", cell(&p.path), cell(&p.message));
        }
        text.push('\n');
    }
    out.write_all(text.as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::test_support::{events, extraction};

    fn render(extraction: &Extraction, events: &[Event]) -> String {
        let mut out = Vec::new();
        assert!(write(extraction, events, &mut out).is_ok());
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn groups_by_month_in_order_with_undated_last() {
        let md = render(&extraction(), &events());
        let march = md.find("## March 2024").unwrap_or(usize::MAX);
        let april = md.find("## April 2024").unwrap_or(usize::MAX);
        let undated = md.find("## Undated").unwrap_or(usize::MAX);
        assert!(
            march < april && april < undated && undated < usize::MAX,
            "{md}"
        );
        assert!(md.contains("### 9 April 2024 · visit"), "{md}");
        assert!(md.contains("### undated · denial"), "{md}");
        assert!(
            md.contains("relative, and the article date is unknown"),
            "{md}"
        );
        assert!(
            md.contains("> Source sentence for Kim Jong Un visits Vladivostok."),
            "{md}"
        );
        assert!(
            md.contains("— a/one.txt, bytes 10–40 <https://example.org/kim>"),
            "{md}"
        );
        assert!(
            md.contains("| bad.pdf | is a PDF, not an article |"),
            "{md}"
        );
    }

    #[test]
    fn years_come_in_order_with_long_spans_first() {
        use crate::export::test_support::{date, event, when};
        use crate::temporal::Precision;
        let e = [
            event(
                "m",
                "visit",
                "May visit",
                Some(when(
                    date(2024, 5, 2),
                    date(2024, 5, 2),
                    Precision::Day,
                    "May 2",
                )),
            ),
            event(
                "y",
                "statement",
                "Year",
                Some(when(
                    date(2024, 1, 1),
                    date(2024, 12, 31),
                    Precision::Year,
                    "this year",
                )),
            ),
            event(
                "o",
                "visit",
                "Old",
                Some(when(
                    date(2023, 1, 1),
                    date(2023, 12, 31),
                    Precision::Year,
                    "2023",
                )),
            ),
            event(
                "j",
                "visit",
                "January",
                Some(when(
                    date(2024, 1, 5),
                    date(2024, 1, 5),
                    Precision::Day,
                    "Jan. 5",
                )),
            ),
        ];
        let md = render(&extraction(), &e);
        let at = |h: &str| md.find(h).unwrap_or(usize::MAX);
        let order = [
            at("## 2023 (spans"),
            at("## 2024 (spans"),
            at("## January 2024"),
            at("## May 2024"),
        ];
        assert!(
            order.windows(2).all(|w| w[0] < w[1]) && order[3] < usize::MAX,
            "{md}"
        );
    }

    #[test]
    fn hostile_text_cannot_inject_markup_or_structure() {
        let mut e = events();
        if let Some(first) = e.first_mut() {
            first.summary =
                "<script>alert(1)</script> **bold** [x](javascript:alert(1))".to_owned();
            first.source.text =
                "line one\n# Heading\n| a | b |\n<img src=x onerror=alert(1)>".to_owned();
            first.actors = vec!["`code`".to_owned()];
        }
        let md = render(&extraction(), &e);
        assert!(!md.contains("<script"), "{md}");
        assert!(!md.contains("<img"), "{md}");
        assert!(!md.contains("\n# Heading"), "{md}");
        assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* \\[x\\](javascript:alert(1))"), "{md}");
        assert!(
            md.contains("> line one \\# Heading \\| a \\| b \\| &lt;img"),
            "{md}"
        );
        assert!(md.contains("Who: \\`code\\`"), "{md}");
    }

    #[test]
    fn table_cells_are_neutralized_and_escaped() {
        let mut x = extraction();
        x.problems = vec![Problem {
            path: "=HYPERLINK(\"http://evil\")|x".to_owned(),
            message: "@SUM(1)".to_owned(),
        }];
        let md = render(&x, &[]);
        assert!(
            md.contains("| '=HYPERLINK(\"http://evil\")\\|x | '@SUM(1) |"),
            "{md}"
        );
    }
}
