//! The welcome screen shown when nothing is open.

use crate::app::{Command, DatelineApp};

/// "Open folder…", "Open sample articles" and recent folders.
pub fn welcome_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() * 0.15);
        ui.heading(egui::RichText::new("Dateline").size(32.0));
        ui.label("Turn a folder of news articles into a timeline of events, each traced to its sentence.");
        ui.add_space(16.0);
        if ui.add(egui::Button::new("Open folder…").min_size(egui::vec2(220.0, 32.0))).clicked() {
            app.commands.push(Command::OpenFolderDialog);
        }
        if ui
            .add(egui::Button::new("Open sample articles").min_size(egui::vec2(220.0, 32.0)))
            .clicked()
        {
            app.commands.push(Command::OpenSamples);
        }
        ui.weak("…or drop a folder, article files or a .jsonl file of events onto this window.");
        if !app.settings.recent.is_empty() {
            ui.add_space(16.0);
            ui.strong("Recent folders");
            for p in app.settings.recent.clone() {
                if ui.link(p.display().to_string()).clicked() {
                    app.commands.push(Command::Open(vec![p]));
                }
            }
        }
    });
}
