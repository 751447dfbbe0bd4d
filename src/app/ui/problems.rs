//! Files that could not be read, with the reason.

use crate::app::DatelineApp;

/// The problems list.
pub fn problems_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    if app.data.problems.is_empty() {
        ui.weak("No problems: every file was read.");
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("problems")
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for p in &app.data.problems {
                        ui.monospace(&p.path);
                        ui.label(&p.message);
                        ui.end_row();
                    }
                });
        });
}
