//! The desktop app (eframe/egui). The only module that imports egui.

use std::path::PathBuf;

/// Opens the desktop app on `paths` (or the welcome screen when empty).
///
/// # Errors
/// Fails when no window can be created.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let _ = paths;
    anyhow::bail!("the desktop app is not built yet")
}
