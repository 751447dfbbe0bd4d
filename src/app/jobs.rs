//! Background work: loading and extracting, and exporting. Each job runs on a named thread,
//! sends its results through a bounded channel, checks a cancel flag, and turns a panic into
//! a reported problem instead of taking the app down.

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};

use rayon::prelude::*;

use crate::corpus::{self, Article, Problem};
use crate::export::{self, Format};
use crate::extract::{Event, Extractor};
use crate::pipeline::Extraction;

/// What a loading job reports.
#[derive(Debug)]
pub enum LoadMsg {
    /// `done` of `total` units (files or articles) finished; `stage` says which.
    Progress {
        stage: &'static str,
        done: usize,
        total: usize,
    },
    /// Articles read, each with the folder it was found under (where its sidecar lives).
    Articles(Vec<(Article, PathBuf)>),
    Events(Vec<Event>),
    Problems(Vec<Problem>),
    /// The job ended (finished, cancelled or failed); nothing more follows.
    Finished {
        cancelled: bool,
    },
}

/// A running job: its channel, cancel flag and thread.
pub struct Job<M> {
    pub rx: Receiver<M>,
    cancel: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl<M> Job<M> {
    /// Asks the job to stop at the next safe point.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

impl<M> Drop for Job<M> {
    fn drop(&mut self) {
        self.cancel();
        // Detach: the thread ends on its own once it sees the flag or a closed channel.
        drop(self.thread.take());
    }
}

/// Something to call when a message was sent (to wake the UI).
pub type Waker = Arc<dyn Fn() + Send + Sync>;

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned())
}

/// Spawns `work` on a named thread with a bounded channel; a panic inside becomes a
/// problem message built by `on_panic`, followed by `finished`.
fn spawn<M: Send + 'static>(
    name: &str,
    waker: Waker,
    work: impl FnOnce(&Sender<M>, &AtomicBool) + Send + 'static,
    on_panic: impl FnOnce(String) -> M + Send + 'static,
    finished: impl FnOnce(bool) -> M + Send + 'static,
) -> std::io::Result<Job<M>> {
    let (tx, rx) = sync_channel(64);
    let cancel = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&cancel);
    let thread = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            let sender = Sender {
                tx,
                waker,
                cancel: Arc::clone(&flag),
            };
            let result =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&sender, &flag)));
            if let Err(payload) = result {
                sender.send(on_panic(panic_message(payload.as_ref())));
            }
            sender.send(finished(flag.load(Ordering::Relaxed)));
        })?;
    Ok(Job {
        rx,
        cancel,
        thread: Some(thread),
    })
}

/// The sending side given to job bodies.
pub struct Sender<M> {
    tx: SyncSender<M>,
    waker: Waker,
    cancel: Arc<AtomicBool>,
}

impl<M> Sender<M> {
    /// Sends `msg`, waiting while the channel is full; gives up when the UI went away or
    /// the job was cancelled. Returns false then.
    pub fn send(&self, mut msg: M) -> bool {
        loop {
            match self.tx.try_send(msg) {
                Ok(()) => {
                    (self.waker)();
                    return true;
                }
                Err(TrySendError::Disconnected(_)) => return false,
                Err(TrySendError::Full(m)) => {
                    if self.cancel.load(Ordering::Relaxed) {
                        return false;
                    }
                    (self.waker)();
                    msg = m;
                    std::thread::sleep(std::time::Duration::from_millis(2));
                }
            }
        }
    }
}

/// True for a JSON Lines file whose first record is an extracted event (has `type` and
/// `source`), as `dateline extract --format jsonl` writes; JSON Lines of articles go to the
/// corpus reader instead.
fn is_events_jsonl(p: &Path) -> bool {
    if !p
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
        || !p.is_file()
    {
        return false;
    }
    let Ok(file) = std::fs::File::open(p) else {
        return false;
    };
    // Look at the first non-empty line, reading at most 1 MB.
    let mut reader = std::io::BufReader::new(std::io::Read::take(file, 1 << 20));
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 0) {
        if !line.trim().is_empty() {
            return serde_json::from_str::<serde_json::Value>(line.trim())
                .ok()
                .and_then(|v| {
                    v.as_object()
                        .map(|o| o.contains_key("type") && o.contains_key("source"))
                })
                .unwrap_or(false);
        }
        line.clear();
    }
    false
}

/// Starts loading `paths`: `.jsonl` files of extracted events are read as they are; every
/// other path goes through the corpus reader and the extractor, in batches of files, so
/// that events appear while the rest is still being read.
///
/// # Errors
/// Fails when the thread cannot be started.
pub fn start_load(paths: Vec<PathBuf>, waker: Waker) -> std::io::Result<Job<LoadMsg>> {
    spawn(
        "dateline-load",
        waker,
        move |tx, cancel| load_work(&paths, tx, cancel),
        |msg| {
            LoadMsg::Problems(vec![Problem {
                path: "(loading)".to_owned(),
                message: format!(
                    "Loading stopped on an internal error: {msg}. What was read so far is shown."
                ),
            }])
        },
        |cancelled| LoadMsg::Finished { cancelled },
    )
}

/// Files read and extracted per batch sent to the UI.
const BATCH: usize = 64;

fn load_work(paths: &[PathBuf], tx: &Sender<LoadMsg>, cancel: &AtomicBool) {
    let (jsonl, others): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| is_events_jsonl(p));
    for p in &jsonl {
        if cancel.load(Ordering::Relaxed) || !read_jsonl(p, tx, cancel) {
            return;
        }
    }
    if others.is_empty() {
        return;
    }
    tx.send(LoadMsg::Progress {
        stage: "Finding files",
        done: 0,
        total: 0,
    });
    let (entries, mut problems) = corpus::discover(&others);
    let (sidecars, sidecar_problems) = corpus::load_sidecars(&entries);
    problems.extend(sidecar_problems);
    if cancel.load(Ordering::Relaxed) || !tx.send(LoadMsg::Problems(problems)) {
        return;
    }
    let empty = corpus::Sidecar::empty();
    let extractor = Extractor::builtin();
    let total = entries.len();
    let mut done = 0;
    for chunk in entries.chunks(BATCH) {
        if cancel.load(Ordering::Relaxed) {
            return;
        }
        let reads: Vec<(corpus::FileRead, &PathBuf)> = chunk
            .par_iter()
            .map(|e| {
                (
                    corpus::read_file(e, sidecars.get(&e.root).unwrap_or(&empty)),
                    &e.root,
                )
            })
            .collect();
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for (read, root) in reads {
            problems.extend(read.problems);
            articles.extend(read.articles.into_iter().map(|a| (a, root.clone())));
        }
        let events: Vec<Event> = articles
            .par_iter()
            .flat_map_iter(|(a, _)| extractor.extract(a))
            .collect();
        done += chunk.len();
        if !tx.send(LoadMsg::Articles(articles))
            || !tx.send(LoadMsg::Events(events))
            || (!problems.is_empty() && !tx.send(LoadMsg::Problems(problems)))
            || !tx.send(LoadMsg::Progress {
                stage: "Reading files",
                done,
                total,
            })
        {
            return;
        }
    }
}

/// Reads one JSON Lines file of events (as written by `dateline extract --format jsonl`).
/// Returns false when the job should stop.
fn read_jsonl(path: &Path, tx: &Sender<LoadMsg>, cancel: &AtomicBool) -> bool {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return tx.send(LoadMsg::Problems(vec![Problem {
                path: path.display().to_string(),
                message: format!("Could not open {}: {e}.", path.display()),
            }]));
        }
    };
    let total = usize::try_from(file.metadata().map_or(0, |m| m.len())).unwrap_or(usize::MAX);
    let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
    let mut batch = Vec::with_capacity(10_000);
    let mut bad = 0usize;
    let mut first_bad: Option<String> = None;
    let (mut line, mut done, mut line_no) = (String::new(), 0usize, 0usize);
    loop {
        line.clear();
        match reader.read_line(&mut line) {
            Ok(0) => break,
            Ok(n) => {
                done += n;
                line_no += 1;
                let trimmed = line.trim();
                if trimmed.is_empty() {
                    continue;
                }
                match serde_json::from_str::<Event>(trimmed) {
                    Ok(ev) => batch.push(ev),
                    Err(e) => {
                        bad += 1;
                        first_bad.get_or_insert_with(|| format!("line {line_no}: {e}"));
                    }
                }
            }
            Err(e) => {
                bad += 1;
                first_bad.get_or_insert_with(|| format!("after line {line_no}: {e}"));
                break;
            }
        }
        if batch.len() >= 10_000
            && (cancel.load(Ordering::Relaxed)
                || !tx.send(LoadMsg::Events(std::mem::take(&mut batch)))
                || !tx.send(LoadMsg::Progress {
                    stage: "Reading events",
                    done,
                    total,
                }))
        {
            return false;
        }
    }
    if !batch.is_empty() && !tx.send(LoadMsg::Events(batch)) {
        return false;
    }
    if let Some(first) = first_bad {
        return tx.send(LoadMsg::Problems(vec![Problem {
            path: path.display().to_string(),
            message: format!(
                "{bad} line(s) of {} are not events and were skipped (first: {first}).",
                path.display()
            ),
        }]));
    }
    true
}

/// What an export job reports.
#[derive(Debug)]
pub enum ExportMsg {
    Done(Result<PathBuf, String>),
    Finished,
}

/// Writes `events` as `format` to `path` (atomically) on a background thread.
///
/// # Errors
/// Fails when the thread cannot be started.
pub fn start_export(
    path: PathBuf,
    format: Format,
    extraction: Extraction,
    events: Vec<Event>,
    waker: Waker,
) -> std::io::Result<Job<ExportMsg>> {
    spawn(
        "dateline-export",
        waker,
        move |tx, _cancel| {
            let mut bytes = Vec::new();
            let result = export::write(format, &extraction, &events, &mut bytes)
                .map_err(|e| format!("Could not export to {}: {e:#}.", path.display()))
                .and_then(|()| {
                    crate::write::write_atomic(&path, &bytes).map_err(|e| format!("{e}."))
                })
                .map(|()| path.clone());
            tx.send(ExportMsg::Done(result));
        },
        |msg| {
            ExportMsg::Done(Err(format!(
                "The export stopped on an internal error: {msg}."
            )))
        },
        |_| ExportMsg::Finished,
    )
}

/// The export format for a file name (by extension), if it names one.
#[must_use]
pub fn format_for(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        "jsonl" => Some(Format::Jsonl),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain<M>(job: &Job<M>) -> Vec<M> {
        let mut out = Vec::new();
        while let Ok(m) = job.rx.recv_timeout(std::time::Duration::from_secs(20)) {
            out.push(m);
        }
        out
    }

    #[test]
    fn a_panicking_job_reports_and_finishes() {
        let job = spawn::<LoadMsg>(
            "test-panic",
            Arc::new(|| {}),
            |_, _| panic!("boom"),
            |m| {
                LoadMsg::Problems(vec![Problem {
                    path: String::new(),
                    message: m,
                }])
            },
            |cancelled| LoadMsg::Finished { cancelled },
        )
        .unwrap();
        let msgs = drain(&job);
        assert!(matches!(&msgs[0], LoadMsg::Problems(p) if p[0].message.contains("boom")));
        assert!(matches!(msgs[1], LoadMsg::Finished { cancelled: false }));
    }

    #[test]
    fn missing_folder_is_a_problem_not_a_crash() {
        // A folder renamed or deleted before (or while) it is read.
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("renamed-away");
        let job = start_load(vec![gone], Arc::new(|| {})).unwrap();
        let msgs = drain(&job);
        assert!(
            msgs.iter()
                .any(|m| matches!(m, LoadMsg::Problems(p) if !p.is_empty()))
        );
        assert!(matches!(msgs.last(), Some(LoadMsg::Finished { .. })));
    }

    #[test]
    fn jsonl_events_load_directly_and_bad_lines_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("events.jsonl");
        let events = crate::timeline::synthetic::synthetic_events(25, 4);
        let mut text = String::new();
        for e in &events {
            text.push_str(&serde_json::to_string(e).unwrap());
            text.push('\n');
        }
        text.push_str("{not json\n");
        std::fs::write(&p, text).unwrap();
        let job = start_load(vec![p], Arc::new(|| {})).unwrap();
        let msgs = drain(&job);
        let got: usize = msgs
            .iter()
            .map(|m| {
                if let LoadMsg::Events(e) = m {
                    e.len()
                } else {
                    0
                }
            })
            .sum();
        assert_eq!(got, 25);
        assert!(
            msgs.iter()
                .any(|m| matches!(m, LoadMsg::Problems(p) if p[0].message.contains("1 line(s)")))
        );
    }
}
