//! The real app driven through egui_kittest (no display needed): open, filter, select,
//! correct a date, export. Counts are compared relative to each other so that the tests
//! survive changes in extraction.

use std::path::{Path, PathBuf};

use dateline::app::{Command, DatelineApp, Dialogs};
use dateline::export::Format;
use dateline::timeline::synthetic::synthetic_events;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Dialogs that answer from fields instead of opening windows.
struct FakeDialogs {
    folder: Option<PathBuf>,
    save: Option<PathBuf>,
}

impl Dialogs for FakeDialogs {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        self.folder.clone()
    }
    fn save_file(&mut self, _name: &str) -> Option<PathBuf> {
        self.save.clone()
    }
}

fn harness(app: DatelineApp) -> Harness<'static, DatelineApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut DatelineApp| app.frame_ui(ui), app)
}

fn app_with(paths: Vec<PathBuf>, folder: Option<PathBuf>, save: Option<PathBuf>) -> DatelineApp {
    DatelineApp::new(None, Box::new(FakeDialogs { folder, save }), paths)
}

/// Runs frames until no job is running (bounded), then a few more to settle the layout.
fn settle(h: &mut Harness<'_, DatelineApp>) {
    for _ in 0..3000 {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!h.state().is_busy(), "the background job did not finish");
    h.run_steps(3);
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-articles")
}

/// A copy of the samples in a temporary folder, so that date corrections don't touch the repo.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(samples()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

fn write_jsonl(dir: &Path, n: usize) -> PathBuf {
    let p = dir.join("events.jsonl");
    let mut text = String::new();
    for e in synthetic_events(n, 17) {
        text.push_str(&serde_json::to_string(&e).unwrap());
        text.push('\n');
    }
    std::fs::write(&p, text).unwrap();
    p
}

fn showing_label(n: usize, m: usize) -> String {
    format!("Showing {n} of {m} events")
}

#[test]
fn welcome_opens_the_samples_and_ctrl_o_uses_the_folder_dialog() {
    let mut h = harness(app_with(Vec::new(), Some(samples()), None));
    h.run_steps(2);
    h.get_by_label("Open sample articles").click();
    settle(&mut h);
    assert_eq!(
        h.state().data.articles.len(),
        5,
        "the five sample articles are read"
    );
    let m = h.state().data.store.len();
    h.get_by_label(&showing_label(m, m));
    if m > 0 {
        assert!(h.state().data.filtered.len() == m);
    }

    let mut h = harness(app_with(Vec::new(), Some(samples()), None));
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    settle(&mut h);
    assert_eq!(h.state().data.paths, vec![samples()]);
    assert_eq!(h.state().settings.recent.first(), Some(&samples()));
}

#[test]
fn type_filter_selection_and_source_on_jsonl_events() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_jsonl(dir.path(), 3000);
    let mut h = harness(app_with(vec![p], None, None));
    settle(&mut h);
    let m = h.state().data.store.len();
    assert_eq!(
        m, 3000,
        "events from a .jsonl file are shown without re-extraction"
    );
    h.get_by_label(&showing_label(m, m));

    // Untick one type: fewer events, and the count label follows.
    let visit = h
        .state()
        .data
        .store
        .types()
        .iter()
        .find(|t| t.0 == "visit")
        .map(|t| t.1)
        .unwrap() as usize;
    h.get_by_label_contains("visit (").click();
    h.run_steps(3);
    assert_eq!(h.state().data.filtered.len(), m - visit);
    h.get_by_label(&showing_label(m - visit, m));
    // The chip removes the filter again.
    h.get_by_label_contains("Clear all filters").click();
    h.run_steps(3);
    assert_eq!(h.state().data.filtered.len(), m);

    // j selects the first event in the list; its passage appears in the details panel.
    h.key_press(egui::Key::J);
    h.run_steps(3);
    let sel = h.state().ui.selected.expect("j selects an event");
    let passage = h.state().data.store.get(sel).unwrap().source.text.clone();
    h.get_by_label_contains(&passage);
    h.key_press(egui::Key::J);
    h.run_steps(2);
    assert_ne!(
        h.state().ui.selected,
        Some(sel),
        "j moves to the next event"
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().ui.selected, None);
}

#[test]
fn samples_select_correct_a_date_and_export() {
    let dir = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let export_path = out.path().join("events.json");
    let mut h = harness(app_with(
        vec![dir.path().to_path_buf()],
        None,
        Some(export_path.clone()),
    ));
    settle(&mut h);
    let m = h.state().data.store.len();
    eprintln!("the samples give {m} events");

    if m > 0 {
        // Select the first event: its passage is shown with the article text.
        h.state_mut().commands.push(Command::Select(Some(0)));
        h.run_steps(3);
        let passage = h.state().data.store.get(0).unwrap().source.text.clone();
        h.get_by_label_contains(&format!("Source passage: “{passage}”"));
    }

    // Correct the date of the article with most events by a year: its relative events move.
    let counts = h.state().data.events_per_article();
    let article = counts.iter().max_by_key(|(_, c)| **c).map_or_else(
        || h.state().data.articles[0].path.clone(),
        |(a, _)| (*a).to_owned(),
    );
    drop(counts);
    let before: Vec<_> = starts_of(h.state(), &article);
    let old = h
        .state()
        .data
        .article(&article)
        .and_then(|a| a.published)
        .unwrap_or_default();
    let new = old + chrono::Days::new(365);
    h.state_mut().commands.push(Command::SetArticleDate {
        article: article.clone(),
        date: new,
    });
    h.run_steps(3);
    assert_eq!(
        h.state().data.article(&article).unwrap().published,
        Some(new)
    );
    let sidecar = std::fs::read_to_string(dir.path().join("dateline.json")).unwrap();
    assert!(
        sidecar.contains(&new.to_string()),
        "the correction is saved: {sidecar}"
    );
    let after: Vec<_> = starts_of(h.state(), &article);
    if before.iter().any(|(_, relative)| *relative) {
        assert_ne!(
            before, after,
            "events resolved against the article date move"
        );
    }

    // Export through the (fake) save dialog and read the file back.
    h.state_mut()
        .commands
        .push(Command::ExportDialog(Format::Json));
    settle(&mut h);
    let text = std::fs::read_to_string(&export_path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let n = v
        .get("events")
        .and_then(serde_json::Value::as_array)
        .or_else(|| v.as_array())
        .map_or(0, Vec::len);
    assert_eq!(n, h.state().data.filtered.len());
    assert!(h.state().last_notice().unwrap().contains("Exported"));
    // A second export to the same file asks first.
    h.state_mut()
        .commands
        .push(Command::ExportDialog(Format::Json));
    h.run_steps(4);
    assert!(h.state().ui.confirm_replace.is_some());
    h.get_by_label("Replace").click();
    settle(&mut h);
    assert!(h.state().ui.confirm_replace.is_none());
}

fn starts_of(app: &DatelineApp, article: &str) -> Vec<(Option<chrono::NaiveDate>, bool)> {
    let mut v: Vec<_> = app
        .data
        .store
        .iter()
        .filter(|e| e.source.article == article)
        .map(|e| {
            let w = e.when.as_ref();
            (
                w.and_then(|w| w.start),
                w.is_some_and(|w| w.anchor == dateline::Anchor::Article),
            )
        })
        .collect();
    v.sort();
    v
}

#[test]
fn corrupt_saved_state_gives_defaults_and_says_so() {
    let app = DatelineApp::new(
        Some("{ not json"),
        Box::new(FakeDialogs {
            folder: None,
            save: None,
        }),
        Vec::new(),
    );
    let mut h = harness(app);
    h.run_steps(2);
    h.get_by_label_contains("could not be read");
    h.get_by_label("Open folder…");
}

#[test]
fn wheel_zooms_drag_pans_and_brushing_the_overview_filters_dates() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_jsonl(dir.path(), 2000);
    let mut h = harness(app_with(vec![p], None, None));
    settle(&mut h);
    let canvas = h.get_by_label_contains("Timeline:").rect();
    let center = canvas.center();

    let before = h.state().ui.view;
    h.hover_at(center);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    h.run_steps(20);
    let zoomed = h.state().ui.view;
    assert!(zoomed.px_per_day > before.px_per_day, "the wheel zooms in");
    // The day under the pointer stays put (within a pixel).
    let x = f64::from(center.x - canvas.left());
    assert!((zoomed.day_at(x) - before.day_at(x)).abs() * zoomed.px_per_day < 1.5);

    h.drag_at(center);
    h.step();
    h.hover_at(center + egui::vec2(120.0, 0.0));
    h.step();
    h.drop_at(center + egui::vec2(120.0, 0.0));
    h.run_steps(2);
    assert!(
        h.state().ui.view.left_day < zoomed.left_day,
        "dragging right shows earlier days"
    );

    // Brush the last part of the overview strip (outside the visible window, which the
    // zoom and the drag left nearer the start): a date filter.
    let strip = h.get_by_label("Overview of all events").rect();
    let a = egui::pos2(strip.right() - 4.0, strip.center().y);
    let b = egui::pos2(strip.left() + strip.width() * 0.8, strip.center().y);
    let all = h.state().data.filtered.len();
    h.drag_at(a);
    h.step();
    h.hover_at(b);
    h.step();
    h.drop_at(b);
    h.run_steps(3);
    let f = &h.state().settings.filter;
    assert!(
        f.from.is_some() && f.to.is_some(),
        "brushing sets a date range: {f:?}"
    );
    assert!(h.state().data.filtered.len() < all);
    h.get_by_label_contains("dates:");
}

#[test]
fn cancel_stops_loading_and_keeps_what_was_read() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_jsonl(dir.path(), 60_000);
    let mut h = harness(app_with(vec![p], None, None));
    h.run_steps(2);
    if h.state().is_loading() {
        h.get_by_label("Cancel").click();
    }
    settle(&mut h);
    let n = h.state().data.store.len();
    let notice = h.state().last_notice().unwrap_or_default().to_owned();
    assert!(
        notice.contains("cancelled") || n == 60_000,
        "either the cancel took effect or everything was already read: {notice}"
    );
    assert!(n <= 60_000);
}

#[test]
fn a_date_corrected_while_loading_survives_later_batches() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    dateline::generate::write_corpus(&root, 400, 5).unwrap();
    let mut h = harness(app_with(vec![root], None, None));
    // Until the first events are shown.
    for _ in 0..3000 {
        h.step();
        if !h.state().data.store.is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let article = h.state().data.store.get(0).unwrap().source.article.clone();
    let new = chrono::NaiveDate::from_ymd_opt(1999, 3, 4).unwrap();
    h.state_mut().commands.push(Command::SetArticleDate {
        article: article.clone(),
        date: new,
    });
    settle(&mut h);
    let corrected = h.state().data.article(&article).unwrap().clone();
    assert_eq!(corrected.published, Some(new));
    let mut want: Vec<_> = dateline::extract::Extractor::builtin()
        .extract(&corrected)
        .into_iter()
        .map(|e| (e.id, e.when))
        .collect();
    let mut got: Vec<_> = h
        .state()
        .data
        .store
        .iter()
        .filter(|e| e.source.article == article)
        .map(|e| (e.id.clone(), e.when.clone()))
        .collect();
    want.sort_by(|a, b| a.0.cmp(&b.0));
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!want.is_empty());
    assert_eq!(got, want);
}
