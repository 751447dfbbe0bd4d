//! The event list: a sortable table that only lays out the rows on screen.

use egui_extras::{Column, TableBuilder};

use super::{sorted_types, type_color};
use crate::app::{Command, DatelineApp};
use crate::timeline::store::SortColumn;

fn when_text(e: &crate::extract::Event) -> String {
    match e.when.as_ref().and_then(|w| w.start.zip(w.end)) {
        Some((s, t)) if s == t => s.to_string(),
        Some((s, t)) => format!("{s} – {t}"),
        None => "undated".to_owned(),
    }
}

/// The sortable table of the filtered events.
pub fn list_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let types = sorted_types(app);
    let dark = app.settings.dark;
    let selected = app.ui.selected;
    let scroll_row = if app.ui.scroll_to_selected {
        selected.and_then(|s| app.data.list_order().iter().position(|&i| i == s))
    } else {
        None
    };
    let (sort_col, desc) = app.data.sort;
    // Columns start at a share of the width (up to a comfortable size), so that on a narrow
    // panel the table, summary included, stays inside it instead of widening the panel.
    let width = ui.available_width();
    let share = |part: f32, min: f32, max: f32| Column::initial((width * part).clamp(min, max));
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(share(0.24, 120.0, 170.0).at_least(80.0).clip(true))
        .column(share(0.14, 70.0, 110.0).clip(true))
        .column(share(0.26, 100.0, 200.0).clip(true))
        .column(share(0.18, 80.0, 170.0).clip(true))
        .column(Column::remainder().at_least(60.0).clip(true))
        .auto_shrink([false, false])
        .min_scrolled_height(0.0);
    if let Some(row) = scroll_row {
        table = table.scroll_to_row(row, Some(egui::Align::Center));
    }
    let mut commands = Vec::new();
    table
        .header(20.0, |mut header| {
            for (col, name) in [
                (SortColumn::Date, "Date"),
                (SortColumn::Type, "Type"),
                (SortColumn::Actors, "Actors"),
                (SortColumn::Article, "Article"),
                (SortColumn::Summary, "Summary"),
            ] {
                header.col(|ui| {
                    let arrow = if col == sort_col {
                        if desc { " (desc)" } else { " (asc)" }
                    } else {
                        ""
                    };
                    if ui
                        .button(format!("{name}{arrow}"))
                        .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                        .clicked()
                    {
                        commands.push(Command::SortList(col));
                    }
                });
            }
        })
        .body(|body| {
            let order = app.data.list_order();
            let store = &app.data.store;
            body.rows(20.0, order.len(), |mut row| {
                let Some(&i) = order.get(row.index()) else {
                    return;
                };
                let Some(e) = store.get(i) else { return };
                row.set_selected(selected == Some(i));
                row.col(|ui| {
                    ui.label(when_text(e));
                });
                row.col(|ui| {
                    ui.colored_label(
                        type_color(&types, &e.event_type, dark),
                        e.event_type.replace('_', " "),
                    );
                });
                row.col(|ui| {
                    ui.label(e.actors.join(", "));
                });
                row.col(|ui| {
                    ui.label(&e.source.article);
                });
                row.col(|ui| {
                    ui.label(&e.summary);
                });
                if row.response().clicked() {
                    commands.push(Command::Select(Some(i)));
                }
            });
        });
    app.commands.extend(commands);
}
