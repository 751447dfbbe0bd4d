//! The panels, one per file, and the frame layout that places them.

pub mod articles;
pub mod details;
pub mod filters;
pub mod help;
pub mod list;
pub mod overview;
pub mod problems;
pub mod timeline;
pub mod topbar;
pub mod undated;
pub mod welcome;

use egui::{Color32, Key, KeyboardShortcut, Modifiers};

use super::{BottomTab, Command, DatelineApp};

/// Readable lane colours for light backgrounds: twelve hues, then a near-black and three
/// lighter hues, so that the built-in types (13) and a few of the user's own get a colour
/// each.
const LIGHT: [Color32; 16] = [
    Color32::from_rgb(0x1f, 0x6f, 0xb4),
    Color32::from_rgb(0xd9, 0x5f, 0x02),
    Color32::from_rgb(0x1b, 0x9e, 0x4b),
    Color32::from_rgb(0xc4, 0x1e, 0x3a),
    Color32::from_rgb(0x75, 0x4f, 0xb0),
    Color32::from_rgb(0x8c, 0x56, 0x4b),
    Color32::from_rgb(0xc2, 0x3b, 0x9e),
    Color32::from_rgb(0x5a, 0x6b, 0x00),
    Color32::from_rgb(0x00, 0x8b, 0x8b),
    Color32::from_rgb(0x9a, 0x6a, 0x00),
    Color32::from_rgb(0x3b, 0x4c, 0xc0),
    Color32::from_rgb(0x60, 0x60, 0x60),
    Color32::from_rgb(0x14, 0x21, 0x3d),
    Color32::from_rgb(0xe7, 0x6f, 0x51),
    Color32::from_rgb(0x7a, 0xa8, 0x00),
    Color32::from_rgb(0x3f, 0x9f, 0xd8),
];

/// The same hues, brighter, for dark backgrounds (a near-white for the near-black).
const DARK: [Color32; 16] = [
    Color32::from_rgb(0x5d, 0xa8, 0xf0),
    Color32::from_rgb(0xff, 0x9a, 0x3c),
    Color32::from_rgb(0x4c, 0xd2, 0x7a),
    Color32::from_rgb(0xff, 0x6b, 0x7f),
    Color32::from_rgb(0xb3, 0x8c, 0xf5),
    Color32::from_rgb(0xd4, 0x9a, 0x8a),
    Color32::from_rgb(0xf2, 0x7c, 0xd2),
    Color32::from_rgb(0xc6, 0xd8, 0x3a),
    Color32::from_rgb(0x3c, 0xd6, 0xd6),
    Color32::from_rgb(0xf0, 0xc8, 0x4b),
    Color32::from_rgb(0x8f, 0x9c, 0xff),
    Color32::from_rgb(0xb0, 0xb0, 0xb0),
    Color32::from_rgb(0xee, 0xee, 0xee),
    Color32::from_rgb(0xff, 0xa0, 0x8a),
    Color32::from_rgb(0xc8, 0xf0, 0x4c),
    Color32::from_rgb(0x8f, 0xd3, 0xff),
];

/// Colour number `n` of the palette for the current theme.
#[must_use]
pub fn palette(n: usize, dark: bool) -> Color32 {
    let p = if dark { &DARK } else { &LIGHT };
    p.get(n % p.len()).copied().unwrap_or(Color32::GRAY)
}

/// The colour of an event type: by its rank among the store's type names, so a type keeps
/// its colour whatever the filter.
#[must_use]
pub fn type_color(app_types: &[String], event_type: &str, dark: bool) -> Color32 {
    let n = app_types
        .iter()
        .position(|t| t == event_type)
        .unwrap_or(usize::MAX / 2);
    palette(n, dark)
}

/// The store's type names sorted, which fixes each type's colour.
#[must_use]
pub fn sorted_types(app: &DatelineApp) -> Vec<String> {
    let mut t: Vec<String> = app
        .data
        .store
        .types()
        .iter()
        .map(|t| t.0.to_owned())
        .collect();
    t.sort();
    t
}

/// Keyboard shortcuts listed in the help window.
pub const SHORTCUTS: [(&str, &str); 12] = [
    ("Ctrl+O", "Open a folder"),
    ("F5", "Reload the folder"),
    ("Ctrl+E", "Export the shown events"),
    ("Right arrow or j", "Next event"),
    ("Left arrow or k", "Previous event"),
    ("Esc", "Clear the selection"),
    ("F", "Fit all events"),
    ("Z", "Zoom to the selected event"),
    ("Wheel / pinch", "Zoom the timeline at the pointer"),
    (
        "Drag",
        "Pan the timeline; drag the overview to move, or brush outside the window to filter dates",
    ),
    ("Ctrl+D", "Toggle the dark theme"),
    ("F1", "This help"),
];

/// Global keyboard shortcuts and dropped files.
pub fn shortcuts_input(ctx: &egui::Context, app: &mut DatelineApp) {
    let typing = ctx.egui_wants_keyboard_input();
    let mut push = Vec::new();
    ctx.input_mut(|i| {
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
            push.push(Command::OpenFolderDialog);
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::E)) {
            app.ui.show_export = true;
        }
        if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::D)) {
            push.push(Command::SetDark(!app.settings.dark));
        }
        if i.consume_key(Modifiers::NONE, Key::F5) {
            push.push(Command::Reload);
        }
        if i.consume_key(Modifiers::NONE, Key::F1) {
            push.push(Command::ShowHelp(!app.ui.show_help));
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            push.push(Command::Select(None));
        }
        if !typing {
            if i.consume_key(Modifiers::NONE, Key::ArrowRight)
                || i.consume_key(Modifiers::NONE, Key::J)
            {
                push.push(Command::SelectNext(1));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft)
                || i.consume_key(Modifiers::NONE, Key::K)
            {
                push.push(Command::SelectNext(-1));
            }
            if i.consume_key(Modifiers::NONE, Key::F) {
                push.push(Command::FitAll);
            }
            if i.consume_key(Modifiers::NONE, Key::Z) {
                push.push(Command::ZoomToSelection);
            }
        }
        let dropped: Vec<_> = i
            .raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect();
        if !dropped.is_empty() {
            push.push(Command::Open(dropped));
        }
    });
    app.commands.extend(push);
}

/// Lays out the whole window.
pub fn draw_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    let ctx = ui.ctx().clone();
    egui::Panel::top("menu").show(ui, |ui| topbar::menu_ui(ui, app));
    egui::Panel::top("status").show(ui, |ui| topbar::status_ui(ui, app));
    let has_data = !app.data.paths.is_empty();
    if has_data {
        egui::Panel::left("filters")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| filters::filters_ui(ui, app));
        egui::Panel::right("details")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| details::details_ui(ui, app));
        egui::Panel::bottom("tabs")
            .resizable(true)
            .default_size(250.0)
            .min_size(140.0)
            .show(ui, |ui| bottom_ui(ui, app));
        egui::CentralPanel::default().show(ui, |ui| timeline::timeline_panel_ui(ui, app));
    } else {
        egui::CentralPanel::default().show(ui, |ui| welcome::welcome_ui(ui, app));
    }
    help::help_window(&ctx, app);
    topbar::export_window(&ctx, app);
}

fn bottom_ui(ui: &mut egui::Ui, app: &mut DatelineApp) {
    ui.horizontal(|ui| {
        let tabs = [
            (
                BottomTab::Events,
                format!("Events ({})", app.data.filtered.len()),
            ),
            (
                BottomTab::Articles,
                format!("Articles ({})", app.data.articles.len()),
            ),
            (
                BottomTab::Undated,
                format!("Undated ({})", app.data.filtered.undated().len()),
            ),
            (
                BottomTab::Problems,
                format!("Problems ({})", app.data.problems.len()),
            ),
        ];
        for (tab, label) in tabs {
            if ui
                .selectable_label(app.ui.bottom_tab == tab, label)
                .clicked()
            {
                app.ui.bottom_tab = tab;
            }
        }
    });
    ui.separator();
    match app.ui.bottom_tab {
        BottomTab::Events => list::list_ui(ui, app),
        BottomTab::Articles => articles::articles_ui(ui, app),
        BottomTab::Undated => undated::undated_ui(ui, app),
        BottomTab::Problems => problems::problems_ui(ui, app),
    }
}
