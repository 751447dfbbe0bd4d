//! The articles: each with its date and where the date came from; the date can be set.

use crate::app::{Command, DatelineApp};
use crate::corpus::DateSource;

fn source_label(s: DateSource) -> &'static str {
    match s {
        DateSource::Sidecar => "sidecar",
        DateSource::Metadata => "metadata",
        DateSource::Text => "text",
        DateSource::Estimate => "estimate",
        DateSource::Unknown => "unknown",
    }
}

/// The articles table with date editing.
pub fn articles_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    if app.data.articles.is_empty() {
        ui.weak("No articles (events opened from a .jsonl file carry no article text).");
        return;
    }
    ui.horizontal(|ui| {
        ui.label("Find:");
        ui.add(
            egui::TextEdit::singleline(&mut app.ui.article_search)
                .hint_text("article path or title")
                .desired_width(220.0),
        );
    });
    let counts = app.data.events_per_article();
    let query = app.ui.article_search.to_lowercase();
    let rows: Vec<usize> = app
        .data
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            query.is_empty()
                || a.path.to_lowercase().contains(&query)
                || a.title
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(&query))
        })
        .map(|(i, _)| i)
        .collect();
    let mut commands = Vec::new();
    let row_h = ui.spacing().interact_size.y + 4.0;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, row_h, rows.len(), |ui, range| {
            egui::Grid::new("articles")
                .striped(true)
                .num_columns(5)
                .min_row_height(row_h - 4.0)
                .show(ui, |ui| {
                    for &i in rows.get(range).unwrap_or(&[]) {
                        let Some(a) = app.data.articles.get(i) else {
                            continue;
                        };
                        ui.label(a.title.as_deref().unwrap_or(&a.path))
                            .on_hover_text(&a.path);
                        ui.label(format!(
                            "{} events",
                            counts.get(a.path.as_str()).copied().unwrap_or(0)
                        ));
                        let date = a
                            .published
                            .map_or_else(|| "no date".to_owned(), |d| d.to_string());
                        ui.label(format!("{date} ({})", source_label(a.published_source)));
                        let edit = app.ui.date_edits.entry(a.path.clone()).or_insert_with(|| {
                            a.published.map(|d| d.to_string()).unwrap_or_default()
                        });
                        let resp = ui.add(
                            egui::TextEdit::singleline(edit)
                                .hint_text("YYYY-MM-DD")
                                .desired_width(90.0),
                        );
                        let resp = resp.on_hover_text(format!("Publication date of {}", a.path));
                        let parsed = chrono::NaiveDate::parse_from_str(edit.trim(), "%Y-%m-%d");
                        let enter =
                            resp.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        let button = ui.add_enabled(parsed.is_ok(), egui::Button::new("Set date"));
                        if (button.clicked() || enter)
                            && let Ok(date) = parsed
                        {
                            commands.push(Command::SetArticleDate {
                                article: a.path.clone(),
                                date,
                            });
                        }
                        ui.end_row();
                    }
                });
        });
    app.commands.extend(commands);
}
