//! The keyboard shortcuts window.

use super::SHORTCUTS;
use crate::app::DatelineApp;

/// Lists the keyboard shortcuts.
pub fn help_window(ctx: &egui::Context, app: &mut DatelineApp) {
    let mut open = app.ui.show_help;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
                for (keys, what) in SHORTCUTS {
                    ui.strong(keys);
                    ui.label(what);
                    ui.end_row();
                }
            });
        });
    app.ui.show_help = open;
}
