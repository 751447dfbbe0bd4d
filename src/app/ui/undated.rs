//! Events without a resolved date, grouped by article, so none is lost.

use std::collections::BTreeMap;

use crate::app::{Command, DatelineApp};

/// The undated tray.
pub fn undated_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let undated = app.data.filtered.undated();
    if undated.is_empty() {
        ui.weak("Every shown event has a date.");
        return;
    }
    let mut by_article: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for &i in undated {
        if let Some(e) = app.data.store.get(i) {
            by_article
                .entry(e.source.article.as_str())
                .or_default()
                .push(i);
        }
    }
    let mut commands = Vec::new();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (article, events) in by_article.iter().take(2000) {
                egui::CollapsingHeader::new(format!("{article} ({})", events.len()))
                    .id_salt(article)
                    .show(ui, |ui| {
                        for &i in events.iter().take(500) {
                            if let Some(e) = app.data.store.get(i) {
                                let text =
                                    format!("{}: {}", e.event_type.replace('_', " "), e.summary);
                                if ui
                                    .selectable_label(app.ui.selected == Some(i), text)
                                    .clicked()
                                {
                                    commands.push(Command::Select(Some(i)));
                                }
                            }
                        }
                    });
            }
        });
    app.commands.extend(commands);
}
