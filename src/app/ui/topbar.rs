//! The menu bar, the status row (progress, filter chips, counts, notices) and the export
//! window.

use crate::app::{Command, DatelineApp};
use crate::export::Format;
use crate::timeline::{Filter, LaneMode};

/// File, View and Help menus.
pub fn menu_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui.button("Open folder…  (Ctrl+O)").clicked() {
                app.commands.push(Command::OpenFolderDialog);
            }
            if ui.button("Open sample articles").clicked() {
                app.commands.push(Command::OpenSamples);
            }
            if !app.settings.recent.is_empty() {
                ui.menu_button("Recent folders", |ui| {
                    for p in app.settings.recent.clone() {
                        if ui.button(p.display().to_string()).clicked() {
                            app.commands.push(Command::Open(vec![p]));
                        }
                    }
                });
            }
            if ui.button("Reload  (F5)").clicked() {
                app.commands.push(Command::Reload);
            }
            ui.separator();
            if ui.button("Export…  (Ctrl+E)").clicked() {
                app.ui.show_export = true;
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Fit all  (F)").clicked() {
                app.commands.push(Command::FitAll);
            }
            if ui.button("Zoom to selection  (Z)").clicked() {
                app.commands.push(Command::ZoomToSelection);
            }
            ui.separator();
            let mode = app.settings.lane_mode;
            if ui.radio(mode == LaneMode::Type, "Lanes by type").clicked() {
                app.commands.push(Command::SetLaneMode(LaneMode::Type));
            }
            if ui
                .radio(mode == LaneMode::Actor, "Lanes by actor")
                .clicked()
            {
                app.commands.push(Command::SetLaneMode(LaneMode::Actor));
            }
            ui.separator();
            let mut dark = app.settings.dark;
            if ui.checkbox(&mut dark, "Dark theme  (Ctrl+D)").changed() {
                app.commands.push(Command::SetDark(dark));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui.button("Keyboard shortcuts  (F1)").clicked() {
                app.commands.push(Command::ShowHelp(true));
            }
        });
        if !app.data.paths.is_empty() {
            ui.separator();
            if ui.button("Fit all").clicked() {
                app.commands.push(Command::FitAll);
            }
            if ui.button("Export…").clicked() {
                app.ui.show_export = true;
            }
            let mode = app.settings.lane_mode;
            let other = if mode == LaneMode::Type {
                LaneMode::Actor
            } else {
                LaneMode::Type
            };
            let label = if mode == LaneMode::Type {
                "Lanes: by type"
            } else {
                "Lanes: by actor"
            };
            if ui
                .button(label)
                .on_hover_text("Switch between lanes by event type and by actor")
                .clicked()
            {
                app.commands.push(Command::SetLaneMode(other));
            }
        }
    });
}

/// One removable chip per active part of the filter.
fn chips(filter: &Filter) -> Vec<(String, Filter)> {
    let mut out = Vec::new();
    for t in &filter.types {
        let mut f = filter.clone();
        f.types.remove(t);
        out.push((format!("type: {t}"), f));
    }
    for a in &filter.actors {
        let mut f = filter.clone();
        f.actors.remove(a);
        out.push((format!("actor: {a}"), f));
    }
    for a in &filter.articles {
        let mut f = filter.clone();
        f.articles.remove(a);
        out.push((format!("article: {a}"), f));
    }
    if filter.from.is_some() || filter.to.is_some() {
        let mut f = filter.clone();
        f.from = None;
        f.to = None;
        let show =
            |d: Option<chrono::NaiveDate>| d.map_or_else(|| "…".to_owned(), |d| d.to_string());
        out.push((
            format!("dates: {} – {}", show(filter.from), show(filter.to)),
            f,
        ));
    }
    if !filter.query.is_empty() {
        let mut f = filter.clone();
        f.query.clear();
        out.push((format!("text: \"{}\"", filter.query), f));
    }
    for s in &filter.hidden_statuses {
        let mut f = filter.clone();
        f.hidden_statuses.remove(s);
        out.push((format!("hide {s:?}").to_lowercase(), f));
    }
    if filter.min_confidence > 0.0 {
        let mut f = filter.clone();
        f.min_confidence = 0.0;
        out.push((format!("confidence >= {:.2}", filter.min_confidence), f));
    }
    out
}

/// Progress, counts, filter chips and the latest notice.
pub fn status_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    ui.horizontal_wrapped(|ui| {
        if let Some((stage, done, total)) = app.ui.progress {
            let events = app.data.store.len();
            #[allow(clippy::cast_precision_loss)] // a progress fraction
            let frac = if total > 0 {
                done as f32 / total as f32
            } else {
                0.0
            };
            let text = if total > 0 {
                format!("{stage}: {done} of {total}, {events} events found")
            } else {
                format!("{stage}…, {events} events found")
            };
            ui.add(
                egui::ProgressBar::new(frac)
                    .desired_width(320.0)
                    .text(text)
                    .animate(total == 0),
            );
            if ui
                .button("Cancel")
                .on_hover_text("Stop loading; keep what was read")
                .clicked()
            {
                app.commands.push(Command::CancelLoad);
            }
            ui.separator();
        }
        if !app.data.paths.is_empty() {
            ui.label(format!(
                "Showing {} of {} events",
                app.data.filtered.len(),
                app.data.store.len()
            ));
            let chips = chips(&app.settings.filter);
            if !chips.is_empty() {
                ui.separator();
                for (label, without) in chips {
                    if ui
                        .small_button(format!("{label} ×"))
                        .on_hover_text("Remove this filter")
                        .clicked()
                    {
                        app.commands.push(Command::SetFilter(without));
                    }
                }
                if ui.small_button("Clear all filters").clicked() {
                    app.commands.push(Command::SetFilter(Filter::default()));
                }
            }
        }
        if let Some(n) = app.last_notice() {
            ui.separator();
            ui.weak(n);
        }
    });
}

const FORMATS: [(Format, &str); 4] = [
    (Format::Csv, "CSV (spreadsheet)"),
    (Format::Json, "JSON"),
    (Format::Timelinejs, "TimelineJS JSON"),
    (Format::Markdown, "Markdown"),
];

/// The export window and the "replace existing file?" question.
pub fn export_window(ctx: &egui::Context, app: &mut DatelineApp) {
    if app.ui.show_export {
        let mut open = true;
        egui::Window::new("Export events")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(format!(
                    "Exports the {} events shown (the current filter).",
                    app.data.filtered.len()
                ));
                for (f, label) in FORMATS {
                    if ui.radio(app.ui.export_format == f, label).clicked() {
                        app.ui.export_format = f;
                    }
                }
                if ui.button("Save as…").clicked() {
                    app.commands
                        .push(Command::ExportDialog(app.ui.export_format));
                    app.ui.show_export = false;
                }
            });
        if !open {
            app.ui.show_export = false;
        }
    }
    if let Some((path, format)) = app.ui.confirm_replace.clone() {
        let modal = egui::Modal::new(egui::Id::unique("confirm-replace")).show(ctx, |ui| {
            ui.heading("Replace the existing file?");
            ui.label(format!("{} already exists.", path.display()));
            ui.horizontal(|ui| {
                if ui.button("Replace").clicked() {
                    app.commands.push(Command::Export {
                        path: path.clone(),
                        format,
                        replace: true,
                    });
                    app.ui.confirm_replace = None;
                }
                if ui.button("Cancel").clicked() {
                    app.ui.confirm_replace = None;
                }
            });
        });
        if modal.should_close() {
            app.ui.confirm_replace = None;
        }
    }
}
