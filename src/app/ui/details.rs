//! The selected event: its fields, and its article's full text with the source passage
//! highlighted and scrolled into view, the article's other events marked in the margin.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Color32, FontId, Stroke, pos2};

use super::{sorted_types, type_color};
use crate::app::{Command, DatelineApp};

/// Byte offset clamped down to a char boundary of `text`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The details panel.
pub fn details_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let Some(i) = app.ui.selected else {
        ui.heading("Details");
        ui.weak("Click an event on the timeline or in the list to see where it comes from. Use the arrow keys (or j / k) to step through events.");
        return;
    };
    let Some(event) = app.data.store.get(i).cloned() else {
        return;
    };
    let types = sorted_types(app);
    let color = type_color(&types, &event.event_type, app.settings.dark);
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.heading(egui::RichText::new(event.event_type.replace('_', " ")).color(color));
        if ui
            .small_button("< Prev")
            .on_hover_text("Previous event (Left arrow or k)")
            .clicked()
        {
            commands.push(Command::SelectNext(-1));
        }
        if ui
            .small_button("Next >")
            .on_hover_text("Next event (Right arrow or j)")
            .clicked()
        {
            commands.push(Command::SelectNext(1));
        }
        if ui.small_button("Zoom to").clicked() {
            commands.push(Command::ZoomToSelection);
        }
        if ui
            .small_button("Clear")
            .on_hover_text("Clear the selection (Esc)")
            .clicked()
        {
            commands.push(Command::Select(None));
        }
    });
    egui::Grid::new("event-fields")
        .num_columns(2)
        .show(ui, |ui| {
            ui.weak("Summary");
            ui.label(&event.summary);
            ui.end_row();
            if let Some(w) = &event.when {
                ui.weak("Written");
                if w.expression.is_empty() {
                    ui.weak("(no expression: the article date)");
                } else {
                    ui.label(format!("“{}”", w.expression));
                }
                ui.end_row();
                ui.weak("Resolved");
                let resolved = match (w.start, w.end) {
                    (Some(s), Some(t)) if s == t => s.to_string(),
                    (Some(s), Some(t)) => format!("{s} – {t}"),
                    _ => "not resolved".to_owned(),
                };
                ui.label(
                    format!("{resolved}  ({:?}, from {:?})", w.precision, w.anchor).to_lowercase(),
                );
                ui.end_row();
            }
            ui.weak("Actors");
            ui.label(if event.actors.is_empty() {
                "—".to_owned()
            } else {
                event.actors.join(", ")
            });
            ui.end_row();
            if let Some(t) = &event.target {
                ui.weak("Target");
                ui.label(t);
                ui.end_row();
            }
            ui.weak("Status");
            ui.label(
                format!("{:?}, confidence {:.2}", event.status, event.confidence).to_lowercase(),
            );
            ui.end_row();
            ui.weak("Article");
            ui.label(&event.source.article);
            ui.end_row();
        });
    ui.separator();
    ui.label(format!("Source passage: “{}”", event.source.text));
    ui.separator();

    let Some(article) = app.data.article(&event.source.article) else {
        ui.weak("The article text is not available (events read from a .jsonl file).");
        app.commands.extend(commands);
        return;
    };
    let text = &article.text;
    let start = floor_boundary(text, event.source.start);
    let end = floor_boundary(text, event.source.end.max(start));
    let visuals = ui.visuals().clone();
    let font = FontId::proportional(13.5);
    let normal = TextFormat {
        font_id: font.clone(),
        color: visuals.text_color(),
        ..TextFormat::default()
    };
    let highlight = TextFormat {
        font_id: font,
        color: visuals.strong_text_color(),
        background: color.gamma_multiply(0.35),
        underline: Stroke::new(1.5, color),
        ..TextFormat::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = (ui.available_width() - 14.0).max(50.0);
    job.append(text.get(..start).unwrap_or(""), 0.0, normal.clone());
    job.append(text.get(start..end).unwrap_or(""), 0.0, highlight);
    job.append(text.get(end..).unwrap_or(""), 0.0, normal);
    // Other events of the same article, for margin marks.
    let others: Vec<(usize, Color32)> = app
        .data
        .store
        .events_of_article(&event.source.article)
        .iter()
        .filter(|&&k| k != i)
        .filter_map(|&k| app.data.store.get(k))
        .map(|e| {
            (
                floor_boundary(text, e.source.start),
                type_color(&types, &e.event_type, app.settings.dark),
            )
        })
        .take(2000)
        .collect();
    let scroll = app.ui.scroll_to_selected;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("source")
        .show(ui, |ui| {
            ui.horizontal_top(|ui| {
                let (margin, _) =
                    ui.allocate_exact_size(egui::vec2(8.0, 1.0), egui::Sense::hover());
                let galley = ui.painter().layout_job(job);
                let resp = ui.add(egui::Label::new(galley.clone()).selectable(true));
                let origin = resp.rect.min;
                let char_of = |byte: usize| text.get(..byte).map_or(0, |s| s.chars().count());
                for (b, c) in others {
                    let r = galley.pos_from_cursor(CCursor::new(char_of(b)));
                    ui.painter().rect_filled(
                        egui::Rect::from_min_max(
                            pos2(margin.left(), origin.y + r.top()),
                            pos2(margin.left() + 4.0, origin.y + r.bottom()),
                        ),
                        1.0,
                        c,
                    );
                }
                let r = galley.pos_from_cursor(CCursor::new(char_of(start)));
                let mark = egui::Rect::from_min_max(
                    pos2(margin.left(), origin.y + r.top()),
                    pos2(margin.left() + 6.0, origin.y + r.bottom()),
                );
                ui.painter().rect_filled(mark, 1.0, color);
                if scroll {
                    ui.scroll_to_rect(
                        mark.expand2(egui::vec2(0.0, 40.0)),
                        Some(egui::Align::Center),
                    );
                }
            });
        });
    app.commands.extend(commands);
}
