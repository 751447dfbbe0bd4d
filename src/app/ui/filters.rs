//! The filter panel: types, status, confidence, dates, text, actors and articles. Edits a
//! copy of the filter and pushes it as a command when it changed.

use chrono::NaiveDate;

use super::{palette, sorted_types};
use crate::app::{Command, DatelineApp};
use crate::extract::Status;

/// The filters.
pub fn filters_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let mut f = app.settings.filter.clone();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading("Filters");
            ui.horizontal(|ui| {
                ui.label("Text:");
                ui.add(
                    egui::TextEdit::singleline(&mut f.query)
                        .hint_text("words in summary or source")
                        .desired_width(f32::INFINITY),
                )
                .on_hover_text("Search text");
            });
            ui.separator();
            ui.strong("Event types");
            let types = sorted_types(app);
            let counts: std::collections::HashMap<String, u32> = app
                .data
                .store
                .types()
                .iter()
                .map(|(t, c)| ((*t).to_owned(), *c))
                .collect();
            for (n, t) in types.iter().enumerate() {
                let mut on = f.types.is_empty() || f.types.contains(t);
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .circle_filled(rect.center(), 5.0, palette(n, app.settings.dark));
                    let label = format!(
                        "{} ({})",
                        t.replace('_', " "),
                        counts.get(t).copied().unwrap_or(0)
                    );
                    if ui.checkbox(&mut on, label).changed() {
                        if f.types.is_empty() {
                            f.types = types.iter().cloned().collect();
                        }
                        if on {
                            f.types.insert(t.clone());
                        } else {
                            f.types.remove(t);
                        }
                        if f.types.len() == types.len() {
                            f.types.clear();
                        }
                    }
                });
            }
            ui.separator();
            ui.strong("Status");
            for (s, label) in [
                (Status::Alleged, "Hide alleged"),
                (Status::Denied, "Hide denied"),
                (Status::Planned, "Hide planned"),
                (Status::Hypothetical, "Hide hypothetical"),
            ] {
                let mut hide = f.hidden_statuses.contains(&s);
                if ui.checkbox(&mut hide, label).changed() {
                    if hide {
                        f.hidden_statuses.insert(s);
                    } else {
                        f.hidden_statuses.remove(&s);
                    }
                }
            }
            ui.horizontal(|ui| {
                ui.add(
                    egui::Slider::new(&mut f.min_confidence, 0.0..=1.0)
                        .fixed_decimals(2)
                        .text("Min. confidence"),
                );
            });
            ui.separator();
            ui.strong("Dates");
            date_fields_ui(ui, app, &mut f);
            ui.checkbox(
                &mut f.keep_undated,
                "Keep undated events when a date range is set",
            );
            ui.separator();
            actors_ui(ui, app, &mut f);
            ui.separator();
            articles_filter_ui(ui, app, &mut f);
        });
    if f != app.settings.filter {
        app.commands.push(Command::SetFilter(f));
    }
}

fn date_fields_ui(ui: &mut egui::Ui, app: &mut DatelineApp, f: &mut crate::timeline::Filter) {
    if !ui.memory(|m| m.focused().is_some()) {
        app.ui.from_text = f.from.map(|d| d.to_string()).unwrap_or_default();
        app.ui.to_text = f.to.map(|d| d.to_string()).unwrap_or_default();
    }
    ui.horizontal(|ui| {
        ui.label("From");
        let r = ui.add(
            egui::TextEdit::singleline(&mut app.ui.from_text)
                .hint_text("YYYY-MM-DD")
                .desired_width(90.0),
        );
        if r.changed() {
            f.from = NaiveDate::parse_from_str(app.ui.from_text.trim(), "%Y-%m-%d").ok();
        }
    });
    ui.horizontal(|ui| {
        ui.label("To    ");
        let r = ui.add(
            egui::TextEdit::singleline(&mut app.ui.to_text)
                .hint_text("YYYY-MM-DD")
                .desired_width(90.0),
        );
        if r.changed() {
            f.to = NaiveDate::parse_from_str(app.ui.to_text.trim(), "%Y-%m-%d").ok();
        }
    });
    ui.weak("Or drag across the overview strip.");
}

fn actors_ui(ui: &mut egui::Ui, app: &mut DatelineApp, f: &mut crate::timeline::Filter) {
    ui.strong("Actors");
    ui.add(
        egui::TextEdit::singleline(&mut app.ui.actor_search)
            .hint_text("search actors")
            .desired_width(f32::INFINITY),
    );
    let q = app.ui.actor_search.to_lowercase();
    let mut actors = app.data.store.actors();
    actors.retain(|(a, _)| q.is_empty() || a.to_lowercase().contains(&q));
    actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for a in f.actors.clone() {
        let mut on = true;
        if ui.checkbox(&mut on, a.as_str()).changed() {
            f.actors.remove(&a);
        }
    }
    for (a, c) in actors.iter().take(30) {
        if f.actors.iter().any(|x| x.eq_ignore_ascii_case(a)) {
            continue;
        }
        let mut on = false;
        if ui.checkbox(&mut on, format!("{a} ({c})")).changed() && on {
            f.actors.insert((*a).to_owned());
        }
    }
    if actors.len() > 30 {
        ui.weak(format!("{} more: type to search", actors.len() - 30));
    }
}

fn articles_filter_ui(ui: &mut egui::Ui, app: &DatelineApp, f: &mut crate::timeline::Filter) {
    egui::CollapsingHeader::new(format!("Articles ({} selected)", f.articles.len())).show(ui, |ui| {
        for a in app.data.articles.iter().take(300) {
            let mut on = f.articles.contains(&a.path);
            if ui.checkbox(&mut on, a.title.as_deref().unwrap_or(&a.path)).changed() {
                if on {
                    f.articles.insert(a.path.clone());
                } else {
                    f.articles.remove(&a.path);
                }
            }
        }
        if app.data.articles.len() > 300 {
            ui.weak("Only the first 300 articles are listed here; use the text filter for the rest.");
        }
    });
}
