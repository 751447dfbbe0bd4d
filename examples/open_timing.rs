//! Opens a folder (or JSON Lines file of events) in the real app, headless, and reports how
//! long until the first events are on screen and until everything is loaded, with the frame
//! times meanwhile (the window must stay responsive).
//!
//! ```sh
//! cargo run --release --example open_timing -- /tmp/corpus-10k --generate 10000
//! ```
//!
//! Frames run when the app asks for one, as under eframe; `--continuous` runs them back to
//! back (60 per second) instead, as when the user keeps moving the mouse over the window.
//!
//! `--generate N` first writes N generated articles (seed 1) into the folder when it does not
//! exist yet, like `dateline generate FOLDER --articles N --seed 1`. `--events N` writes N
//! synthetic events as JSON Lines to the path instead (for opening a file of extracted events):
//!
//! ```sh
//! cargo run --release --example open_timing -- /tmp/events-1m.jsonl --events 1000000
//! ```

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dateline::app::{DatelineApp, Dialogs};

/// The allocator the `dateline` binary uses, so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

struct NoDialogs;

impl Dialogs for NoDialogs {
    fn pick_folder(&mut self) -> Option<PathBuf> {
        None
    }
    fn save_file(&mut self, _file_name: &str) -> Option<PathBuf> {
        None
    }
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..egui::RawInput::default()
    }
}

/// Writes `n` synthetic events to `path` as JSON Lines.
fn write_events(path: &std::path::Path, n: usize) {
    use std::io::Write as _;
    let file = std::fs::File::create(path).unwrap_or_else(|e| {
        eprintln!("could not create {}: {e}", path.display());
        std::process::exit(1);
    });
    let mut out = std::io::BufWriter::new(file);
    for e in dateline::timeline::synthetic::synthetic_events(n, 7) {
        let line = serde_json::to_string(&e).unwrap_or_default();
        if writeln!(out, "{line}").is_err() {
            eprintln!("could not write {}", path.display());
            std::process::exit(1);
        }
    }
    println!("wrote {n} events to {}", path.display());
}

/// Peak resident memory of this process (Linux), for the report.
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MB", kb / 1024.0))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = |flag: &str| {
        args.iter().position(|a| a == flag).map(|at| {
            let n = args
                .get(at + 1)
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(10_000);
            args.drain(at..(at + 2).min(args.len()));
            n
        })
    };
    let generate = take("--generate");
    let events = take("--events");
    let continuous = args.iter().any(|a| a == "--continuous");
    args.retain(|a| a != "--continuous");
    let paths: Vec<PathBuf> = args.iter().map(PathBuf::from).collect();
    let Some(first) = paths.first() else {
        eprintln!("usage: open_timing FOLDER_OR_JSONL... [--generate N | --events N]");
        std::process::exit(2);
    };
    if let Some(n) = generate
        && !first.exists()
    {
        let t = Instant::now();
        if let Err(e) = dateline::generate::write_corpus(first, n, 1) {
            eprintln!("could not generate the corpus: {e}");
            std::process::exit(1);
        }
        println!(
            "generated {n} articles in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    if let Some(n) = events
        && !first.exists()
    {
        write_events(first, n);
    }
    let ctx = egui::Context::default();
    // Like eframe, run a frame only when one was asked for (by the app, by egui, or by the
    // loading job's waker), at most one per display refresh. `--continuous` runs frames
    // back to back instead, as when the user keeps moving the mouse: the worst case.
    let (wake_tx, wake_rx) = std::sync::mpsc::channel::<Instant>();
    ctx.set_request_repaint_callback(move |info| {
        let _ = wake_tx.send(Instant::now() + info.delay);
    });
    let started = Instant::now();
    let mut app = DatelineApp::new(None, Box::new(NoDialogs), paths);
    app.set_repaint_context(&ctx);
    let mut first_events: Option<(Duration, usize)> = None;
    let mut frames: Vec<Duration> = Vec::new();
    let frame_budget = Duration::from_millis(16);
    loop {
        let t = Instant::now();
        let out = ctx.run_ui(raw_input(), |ui| app.frame_ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        let took = t.elapsed();
        frames.push(took);
        let shown = app.data.filtered.len();
        if first_events.is_none() && shown > 0 {
            first_events = Some((started.elapsed(), shown));
        }
        if !app.is_busy() {
            break;
        }
        if started.elapsed() > Duration::from_secs(600) {
            eprintln!("gave up after 10 minutes");
            break;
        }
        let mut due = t + frame_budget;
        if !continuous {
            let Ok(asked) = wake_rx.recv_timeout(Duration::from_secs(600)) else {
                eprintln!("no repaint was asked for in 10 minutes");
                break;
            };
            due = due.max(wake_rx.try_iter().fold(asked, Instant::min));
        }
        std::thread::sleep(due.saturating_duration_since(Instant::now()));
    }
    let all = started.elapsed();
    let mut sorted = frames.clone();
    sorted.sort();
    let pick = |q: f64| {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let i = ((sorted.len() as f64 - 1.0) * q).round() as usize;
        sorted.get(i).copied().unwrap_or_default()
    };
    match first_events {
        Some((d, n)) => println!("first events on screen: {:.0} ms ({n} events)", ms(d)),
        None => println!("no events were shown"),
    }
    println!(
        "everything loaded:      {:.0} ms ({} events, {} articles)",
        ms(all),
        app.data.store.len(),
        app.data.articles.len()
    );
    println!(
        "frames: {} (median {:.1} ms, p95 {:.1} ms, max {:.1} ms, over 50 ms: {})",
        frames.len(),
        ms(pick(0.5)),
        ms(pick(0.95)),
        ms(pick(1.0)),
        frames
            .iter()
            .filter(|f| **f > Duration::from_millis(50))
            .count()
    );
    if let Some(rss) = peak_rss() {
        println!("peak memory:            {rss}");
    }
}
