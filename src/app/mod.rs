//! The desktop app (eframe/egui). The only module that imports egui.
//!
//! [`DatelineApp`] owns the [`state`]; panels in [`ui`] draw it and push [`Command`]s that
//! are applied once per frame; [`jobs`] load, extract and export off the UI thread.

pub mod commands;
pub mod jobs;
pub mod state;
pub mod ui;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

pub use commands::Command;
use jobs::{ExportMsg, Job, LoadMsg, Waker};
use state::{Data, SETTINGS_KEY, Settings, Snapshot, ViewSpec};

use crate::export::Format;
use crate::extract::Extractor;
use crate::pipeline::Extraction;
use crate::timeline::{TimeView, view::date_of_day};

/// File dialogs, passed in so that tests never open one.
pub trait Dialogs {
    /// Asks for a folder to open.
    fn pick_folder(&mut self) -> Option<PathBuf>;
    /// Asks where to save an export, suggesting `file_name`.
    fn save_file(&mut self, file_name: &str) -> Option<PathBuf>;
}

/// The native dialogs (rfd).
pub struct NativeDialogs;

impl Dialogs for NativeDialogs {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Open a folder of articles")
            .pick_folder()
    }

    fn save_file(&mut self, file_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .set_title("Export events")
            .set_file_name(file_name)
            .save_file()
    }
}

/// Which tab the bottom panel shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BottomTab {
    #[default]
    Events,
    Articles,
    Undated,
    Problems,
}

/// Transient UI state (not saved).
pub struct UiState {
    pub view: TimeView,
    /// Fit the view to the data as it arrives until the user moves it.
    pub auto_fit: bool,
    pub selected: Option<u32>,
    pub selected_id: Option<String>,
    /// Scroll the list and the source text to the selection on the next frame.
    pub scroll_to_selected: bool,
    pub canvas_width: f64,
    /// Width of the lane labels at the canvas's left edge: a fitted view starts right of them.
    pub label_width: f64,
    pub show_help: bool,
    pub show_export: bool,
    pub export_format: Format,
    pub confirm_replace: Option<(PathBuf, Format)>,
    pub actor_search: String,
    pub article_search: String,
    pub date_edits: HashMap<String, String>,
    pub from_text: String,
    pub to_text: String,
    pub bottom_tab: BottomTab,
    pub progress: Option<(&'static str, usize, usize)>,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            view: TimeView::default(),
            auto_fit: true,
            selected: None,
            selected_id: None,
            scroll_to_selected: false,
            canvas_width: 1000.0,
            label_width: 0.0,
            show_help: false,
            show_export: false,
            export_format: Format::Csv,
            confirm_replace: None,
            actor_search: String::new(),
            article_search: String::new(),
            date_edits: HashMap::new(),
            from_text: String::new(),
            to_text: String::new(),
            bottom_tab: BottomTab::Events,
            progress: None,
        }
    }
}

impl UiState {
    /// A view fitted to `[first_day, last_day]` on the canvas, clear of the lane labels.
    #[must_use]
    pub fn fitted(&self, first_day: f64, last_day: f64) -> TimeView {
        TimeView::fit_right_of(first_day, last_day, self.canvas_width, self.label_width)
    }
}

/// The Dateline window.
pub struct DatelineApp {
    pub settings: Settings,
    pub data: Data,
    pub ui: UiState,
    /// Status messages, newest last.
    pub notices: Vec<String>,
    pub commands: Vec<Command>,
    dialogs: Box<dyn Dialogs>,
    load: Option<Job<LoadMsg>>,
    /// What the loading job filters its snapshots for; kept current while it runs.
    load_view: Arc<Mutex<ViewSpec>>,
    export: Option<Job<ExportMsg>>,
    waker: Waker,
    extractor: Option<Extractor>,
    /// Events of the articles whose date was corrected while loading: the loading job's
    /// snapshots don't know them, so they are put back into each one.
    corrected: HashMap<String, Vec<crate::extract::Event>>,
}

impl DatelineApp {
    /// A new app with settings read from `saved` (JSON; corrupt settings give defaults and
    /// a notice), opening `paths` when given.
    #[must_use]
    pub fn new(saved: Option<&str>, dialogs: Box<dyn Dialogs>, paths: Vec<PathBuf>) -> Self {
        let (settings, note) = Settings::from_saved(saved);
        let mut app = Self {
            settings,
            data: Data::default(),
            ui: UiState::default(),
            notices: note.into_iter().collect(),
            commands: Vec::new(),
            dialogs,
            load: None,
            load_view: Arc::new(Mutex::new(ViewSpec::default())),
            export: None,
            waker: Arc::new(|| {}),
            extractor: None,
            corrected: HashMap::new(),
        };
        if !paths.is_empty() {
            app.commands.push(Command::Open(paths));
        }
        app
    }

    /// Wakes the UI from background threads when `ctx` is given.
    pub fn set_repaint_context(&mut self, ctx: &egui::Context) {
        let ctx = ctx.clone();
        self.waker = Arc::new(move || ctx.request_repaint());
    }

    /// True while files are being loaded or events exported.
    #[must_use]
    pub fn is_busy(&self) -> bool {
        self.load.is_some() || self.export.is_some() || !self.commands.is_empty()
    }

    /// True while files are being loaded.
    #[must_use]
    pub fn is_loading(&self) -> bool {
        self.load.is_some()
    }

    /// The most recent notice.
    #[must_use]
    pub fn last_notice(&self) -> Option<&str> {
        self.notices.last().map(String::as_str)
    }

    /// One frame: take results from jobs, handle input, draw, apply commands.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        ctx.set_theme(if self.settings.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.drain_jobs(&ctx);
        ui::shortcuts_input(&ctx, self);
        ui::draw_ui(ui, self);
        // Every panel has had its chance to scroll to a new selection.
        self.ui.scroll_to_selected = false;
        let commands = std::mem::take(&mut self.commands);
        for c in commands {
            self.apply(c);
        }
        if self.load.is_some() {
            self.update_load_view();
        }
        if self.load.is_some() || self.export.is_some() {
            ctx.request_repaint_after(Duration::from_millis(50));
        }
    }

    /// Tells the loading job the filter, lane mode and sort its snapshots are for.
    fn update_load_view(&self) {
        let mut view = self
            .load_view
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if view.filter != self.settings.filter
            || view.lane_mode != self.settings.lane_mode
            || view.sort != self.data.sort
        {
            *view = ViewSpec {
                filter: self.settings.filter.clone(),
                lane_mode: self.settings.lane_mode,
                sort: self.data.sort,
            };
        }
    }

    fn drain_jobs(&mut self, ctx: &egui::Context) {
        let deadline = Instant::now() + Duration::from_millis(6);
        let mut finished = false;
        let mut latest: Option<Box<Snapshot>> = None;
        if let Some(job) = &self.load {
            // Repaint soon when something arrived (more may be waiting); the job wakes the
            // UI when it sends, and a slow repaint keeps the progress moving meanwhile.
            let mut received = false;
            while Instant::now() < deadline {
                let msg = job.rx.try_recv();
                received |= msg.is_ok();
                match msg {
                    Ok(LoadMsg::Progress { stage, done, total }) => {
                        self.ui.progress = Some((stage, done, total));
                    }
                    Ok(LoadMsg::Articles(a)) => self.data.add_articles(a),
                    // Each snapshot holds every event so far: only the newest is shown.
                    Ok(LoadMsg::Store(s)) => latest = Some(s),
                    Ok(LoadMsg::Problems(p)) => self.data.problems.extend(p),
                    Ok(LoadMsg::Finished { cancelled }) => {
                        finished = true;
                        let n = latest
                            .as_ref()
                            .map_or(self.data.store.len(), |s| s.store.len());
                        self.notices.push(if cancelled {
                            format!("Loading cancelled; {n} events loaded.")
                        } else if self.data.articles.is_empty() {
                            format!("Loaded {n} events.")
                        } else {
                            format!("Loaded {} articles, {n} events.", self.data.articles.len())
                        });
                        break;
                    }
                    Err(std::sync::mpsc::TryRecvError::Empty) => break,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        finished = true;
                        break;
                    }
                }
            }
            if received {
                ctx.request_repaint();
            }
        }
        if finished {
            self.load = None;
            self.ui.progress = None;
        }
        if let Some(snapshot) = latest {
            self.install(*snapshot);
        }
        if let Some(job) = &self.export {
            let mut done = false;
            while let Ok(msg) = job.rx.try_recv() {
                match msg {
                    ExportMsg::Done(Ok(path)) => self.notices.push(format!(
                        "Exported {} events to {}.",
                        self.data.filtered.len(),
                        path.display()
                    )),
                    ExportMsg::Done(Err(e)) => self.notices.push(e),
                    ExportMsg::Finished => done = true,
                }
            }
            if done {
                self.export = None;
            }
        }
    }

    /// Shows a snapshot from the loading job: the store grew, events already there kept
    /// their arrival index, by which the selection is found again.
    fn install(&mut self, snapshot: Snapshot) {
        let arrival = self.ui.selected.and_then(|i| self.data.store.arrival_of(i));
        let old = self
            .data
            .install(snapshot, &self.settings.filter, self.settings.lane_mode);
        if !self.corrected.is_empty() {
            // Rare (a date corrected while loading) and costly: a rebuild per snapshot.
            self.data.replace_events_of(&self.corrected);
            self.data
                .refilter(&self.settings.filter, self.settings.lane_mode);
        }
        // Freeing the old store's columns and names is left to another thread.
        if old.store.len() > 10_000 {
            let _ = std::thread::Builder::new()
                .name("dateline-free".to_owned())
                .spawn(move || drop(old));
        }
        let store = &self.data.store;
        let id = self.ui.selected_id.as_deref();
        self.ui.selected = arrival
            .and_then(|k| store.position_of_arrival(k))
            .filter(|&i| store.get(i).map(|e| e.id.as_str()) == id)
            .or_else(|| id.and_then(|id| store.find_id(id)));
        if self.ui.auto_fit {
            self.fit_all();
        }
    }

    /// After the store was rebuilt: refilter, find the selection again, fit if untouched.
    fn after_store_change(&mut self) {
        self.data
            .refilter(&self.settings.filter, self.settings.lane_mode);
        self.ui.selected = self
            .ui
            .selected_id
            .as_deref()
            .and_then(|id| self.data.store.find_id(id));
        if self.ui.auto_fit {
            self.fit_all();
        }
    }

    /// Fits the view to the filtered events. With many events, the 1% at either end are
    /// left out so that a stray old date doesn't squeeze the story into a corner (the
    /// overview strip still shows them).
    fn fit_all(&mut self) {
        let starts = &self.data.filtered.starts;
        let n = starts.len();
        let range = if n >= 200 {
            let q = |f: usize| starts.get(n * f / 100).copied();
            q(1).zip(q(99)).map(|(a, b)| (a, b + 1.0))
        } else {
            self.data.extent
        };
        if let Some((lo, hi)) = range {
            self.ui.view = self.ui.fitted(lo, hi);
        }
    }

    fn select(&mut self, i: Option<u32>) {
        self.ui.selected = i.filter(|&i| (i as usize) < self.data.store.len());
        self.ui.selected_id = self
            .ui
            .selected
            .and_then(|i| self.data.store.get(i))
            .map(|e| e.id.clone());
        self.ui.scroll_to_selected = true;
        // Keep the selected event in view.
        if let Some((s, e)) = self.ui.selected.and_then(|i| self.data.store.span(i)) {
            let w = self.ui.canvas_width;
            let v = self.ui.view;
            if v.x_of(e) < 0.0 || v.x_of(s) > w {
                self.ui.view = v.centered_on((s + e) / 2.0, w);
                self.ui.auto_fit = false;
            }
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::Open(paths) => self.open(paths),
            Command::OpenFolderDialog => {
                if let Some(p) = self.dialogs.pick_folder() {
                    self.open(vec![p]);
                }
            }
            Command::OpenSamples => match find_samples() {
                Some(p) => self.open(vec![p]),
                None => self.notices.push(
                    "The sample articles (assets/sample-articles) were not found next to Dateline."
                        .to_owned(),
                ),
            },
            Command::Reload => {
                let paths = self.data.paths.clone();
                if !paths.is_empty() {
                    self.open(paths);
                }
            }
            Command::CancelLoad => {
                if let Some(job) = &self.load {
                    job.cancel();
                }
            }
            Command::Select(i) => self.select(i),
            Command::SelectNext(step) => {
                let order = self.data.list_order();
                let pos = self
                    .ui
                    .selected
                    .and_then(|s| order.iter().position(|&i| i == s));
                let next = match pos {
                    None if step >= 0 => order.first().copied(),
                    None => order.last().copied(),
                    Some(p) => {
                        let q = i64::try_from(p).unwrap_or(0) + i64::from(step);
                        usize::try_from(q).ok().and_then(|q| order.get(q)).copied()
                    }
                };
                if next.is_some() {
                    self.select(next);
                }
            }
            Command::SetView(v) => {
                self.ui.view = v;
                self.ui.auto_fit = false;
            }
            Command::FitAll => {
                self.fit_all();
                self.ui.auto_fit = true;
            }
            Command::ZoomToSelection => {
                if let Some((s, e)) = self.ui.selected.and_then(|i| self.data.store.span(i)) {
                    self.ui.view = self.ui.fitted(s - 15.0, e + 15.0);
                    self.ui.auto_fit = false;
                }
            }
            Command::SetFilter(f) => {
                if f != self.settings.filter {
                    self.settings.filter = f;
                    self.data
                        .refilter(&self.settings.filter, self.settings.lane_mode);
                }
            }
            Command::SetLaneMode(m) => {
                self.settings.lane_mode = m;
                self.data.refilter(&self.settings.filter, m);
            }
            Command::SetDark(d) => self.settings.dark = d,
            Command::SetArticleDate { article, date } => self.set_article_date(&article, date),
            Command::ExportDialog(format) => {
                let name = format!("dateline-events.{}", extension(format));
                if let Some(path) = self.dialogs.save_file(&name) {
                    self.apply(Command::Export {
                        path,
                        format,
                        replace: false,
                    });
                }
            }
            Command::Export {
                path,
                format,
                replace,
            } => {
                if path.exists() && !replace {
                    self.ui.confirm_replace = Some((path, format));
                } else {
                    self.start_export(path, format);
                }
            }
            Command::ShowHelp(b) => self.ui.show_help = b,
            Command::SortList(col) => {
                let (cur, desc) = self.data.sort;
                self.data.sort = (col, cur == col && !desc);
                self.data.resort();
            }
        }
    }

    fn open(&mut self, paths: Vec<PathBuf>) {
        self.load = None; // dropping a job cancels it
        let sort = self.data.sort;
        self.data = Data {
            paths: paths.clone(),
            sort,
            ..Data::default()
        };
        self.ui.selected = None;
        self.ui.selected_id = None;
        self.ui.auto_fit = true;
        self.ui.date_edits.clear();
        self.corrected.clear();
        self.settings.remember(&paths);
        self.load_view = Arc::new(Mutex::new(ViewSpec {
            filter: self.settings.filter.clone(),
            lane_mode: self.settings.lane_mode,
            sort: self.data.sort,
        }));
        match jobs::start_load(paths, Arc::clone(&self.load_view), Arc::clone(&self.waker)) {
            Ok(job) => {
                self.load = Some(job);
                self.ui.progress = Some(("Starting", 0, 0));
            }
            Err(e) => self.notices.push(format!("Could not start loading: {e}.")),
        }
    }

    fn set_article_date(&mut self, path: &str, date: chrono::NaiveDate) {
        let Some(&i) = self.data.article_index.get(path) else {
            self.notices.push(format!("No article {path} is open."));
            return;
        };
        let Some(article) = self.data.articles.get_mut(i) else {
            return;
        };
        article.published = Some(date);
        article.published_source = crate::corpus::DateSource::Sidecar;
        let article = article.clone();
        let extractor = self.extractor.get_or_insert_with(Extractor::builtin);
        // One article extracts in milliseconds from text already in memory; no file is read.
        let events = extractor.extract(&article);
        if self.load.is_some() {
            self.corrected.insert(path.to_owned(), events.clone());
        }
        self.data.replace_article_events(path, events);
        self.after_store_change_keep_view();
        let root = self.data.roots.get(path).filter(|p| p.is_dir()).cloned();
        let Some(root) = root else {
            self.notices.push(format!(
                "{path} is now dated {date} for this session (it was not read from a folder, so there is no dateline.json to save it in)."
            ));
            return;
        };
        let (mut sidecar, problems) = crate::corpus::Sidecar::load(&root);
        self.data.problems.extend(problems);
        sidecar.set_published(path, Some(date));
        let file = root.join(crate::corpus::SIDECAR_NAME);
        match sidecar.save() {
            Ok(()) => self.notices.push(format!(
                "{path} is now dated {date}; saved in {}.",
                file.display()
            )),
            Err(e) => self.notices.push(format!(
                "{path} is now dated {date} for this session, but {e}."
            )),
        }
    }

    fn after_store_change_keep_view(&mut self) {
        let auto = self.ui.auto_fit;
        self.ui.auto_fit = false;
        self.after_store_change();
        self.ui.auto_fit = auto;
    }

    fn start_export(&mut self, path: PathBuf, format: Format) {
        let extraction = Extraction {
            articles: self.data.articles.clone(),
            events: Vec::new(),
            problems: self.data.problems.clone(),
        };
        let events = self
            .data
            .filtered
            .indices
            .iter()
            .filter_map(|&i| self.data.store.get(i).cloned())
            .collect();
        match jobs::start_export(path, format, extraction, events, Arc::clone(&self.waker)) {
            Ok(job) => self.export = Some(job),
            Err(e) => self
                .notices
                .push(format!("Could not start the export: {e}.")),
        }
    }

    /// The date of the selected event as a calendar day, for tests and the status bar.
    #[must_use]
    pub fn selected_start(&self) -> Option<chrono::NaiveDate> {
        self.ui
            .selected
            .and_then(|i| self.data.store.span(i))
            .and_then(|(s, _)| date_of_day(s))
    }
}

/// File extension for an export format.
#[must_use]
pub fn extension(format: Format) -> &'static str {
    match format {
        Format::Csv => "csv",
        Format::Json | Format::Timelinejs => "json",
        Format::Jsonl => "jsonl",
        Format::Markdown => "md",
    }
}

/// The sample articles: next to the executable (or its ancestors), in the source tree, or
/// under the current directory.
#[must_use]
pub fn find_samples() -> Option<PathBuf> {
    let rel = Path::new("assets").join("sample-articles");
    let mut bases: Vec<PathBuf> = Vec::new();
    if let Ok(exe) = std::env::current_exe() {
        bases.extend(exe.ancestors().skip(1).take(4).map(Path::to_path_buf));
    }
    bases.push(PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    if let Ok(cwd) = std::env::current_dir() {
        bases.push(cwd);
    }
    bases.into_iter().map(|b| b.join(&rel)).find(|p| p.is_dir())
}

impl eframe::App for DatelineApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Ok(text) = serde_json::to_string(&self.settings) {
            storage.set_string(SETTINGS_KEY, text);
        }
    }
}

/// Opens the desktop app on `paths` (or the welcome screen when empty).
///
/// # Errors
/// Fails when no window can be created.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Dateline")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native(
        "Dateline",
        options,
        Box::new(move |cc| {
            let saved = cc.storage.and_then(|s| s.get_string(SETTINGS_KEY));
            let mut app = DatelineApp::new(saved.as_deref(), Box::new(NativeDialogs), paths);
            app.set_repaint_context(&cc.egui_ctx);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("could not open the Dateline window: {e}"))
}
