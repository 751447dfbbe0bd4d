//! Background work: loading and extracting, and exporting. Each job runs on a named thread,
//! sends its results through a bounded channel, checks a cancel flag, and turns a panic into
//! a reported problem instead of taking the app down.

use std::io::BufRead as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::corpus::{self, Article, Problem};
use crate::export::{self, Format};
use crate::extract::{Event, Extractor};
use crate::pipeline::Extraction;
use crate::timeline::store::PreparedEvents;

use super::state::{Data, Snapshot, ViewSpec};

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
    /// Every event loaded so far: a store built off the UI thread, with its filtered view,
    /// lanes and list order for the [`ViewSpec`] of the time. Each one replaces the last.
    Store(Box<Snapshot>),
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
/// other path goes through the corpus reader and the extractor, file by file on all cores,
/// so that events appear while the rest is still being read. The store is built on the
/// loading thread, and its snapshots come filtered for what `view` says when they are made
/// (the UI keeps `view` current).
///
/// # Errors
/// Fails when the thread cannot be started.
pub fn start_load(
    paths: Vec<PathBuf>,
    view: Arc<Mutex<ViewSpec>>,
    waker: Waker,
) -> std::io::Result<Job<LoadMsg>> {
    spawn(
        "dateline-load",
        waker,
        move |tx, cancel| load_work(&paths, &view, tx, cancel),
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

/// Wait between two progress reports (files done, articles read) to the UI.
const NEWS_EVERY: Duration = Duration::from_millis(100);
/// Shortest wait between two snapshots of the store sent to the UI.
const PUBLISH_EVERY: Duration = Duration::from_millis(200);
/// A snapshot costs time linear in the store; the wait after one is this many times what it
/// took, so that snapshots take a bounded share of the loading time.
const PUBLISH_COST_FACTOR: u32 = 10;

/// Files read and extracted per task: each task's result wakes the loading thread, so a
/// few files at a time save most of the wake-ups (and prepare one batch of events for them)
/// while the first events still show at once.
const FILES_PER_TASK: usize = 8;

/// What a few files gave.
struct FileOut {
    files: usize,
    /// Each article with the root folder it was found under.
    articles: Vec<(Article, PathBuf)>,
    events: PreparedEvents,
    problems: Vec<Problem>,
}

/// A thread pool for loading, apart from the global one, so that the UI thread's own
/// parallel work (filtering) never waits behind extraction tasks.
fn load_pool() -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("dateline-extract-{i}"))
        .build()
        .ok()
}

fn in_pool<R: Send>(pool: Option<&rayon::ThreadPool>, work: impl FnOnce() -> R + Send) -> R {
    match pool {
        Some(p) => p.install(work),
        None => work(),
    }
}

/// The store being built on the loading thread, and when to send the UI a copy.
struct Builder<'a> {
    tx: &'a Sender<LoadMsg>,
    view: &'a Mutex<ViewSpec>,
    pool: Option<&'a rayon::ThreadPool>,
    /// The store so far; its filtered view and lanes are only filled while a snapshot is
    /// made.
    data: Data,
    /// Events not yet merged into the store, in batches.
    pending: Vec<PreparedEvents>,
    last_sent: Option<Instant>,
    wait: Duration,
}

impl<'a> Builder<'a> {
    fn new(
        tx: &'a Sender<LoadMsg>,
        view: &'a Mutex<ViewSpec>,
        pool: Option<&'a rayon::ThreadPool>,
    ) -> Self {
        Self {
            tx,
            view,
            pool,
            data: Data::default(),
            pending: Vec::new(),
            last_sent: None,
            wait: PUBLISH_EVERY,
        }
    }

    fn add(&mut self, events: PreparedEvents) {
        if !events.is_empty() {
            self.pending.push(events);
        }
    }

    /// True when events wait and a snapshot is due (the first one at once).
    fn due(&self) -> bool {
        !self.pending.is_empty() && self.last_sent.is_none_or(|t| t.elapsed() >= self.wait)
    }

    /// Merges the waiting events and sends the UI a snapshot: a copy of the store (its
    /// events shared, not copied) or, when `last`, the store itself. False when the job
    /// should stop.
    fn publish(&mut self, last: bool) -> bool {
        if self.pending.is_empty() && !last {
            return true;
        }
        let started = Instant::now();
        let spec = self
            .view
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        // Not on the loading pool: its workers may be extracting, waiting for this thread
        // to take their results. Parallel parts go to the global pool (or, inside the
        // loading pool when reading JSON Lines, to that one).
        let data = &mut self.data;
        data.store
            .extend_prepared(PreparedEvents::concat(std::mem::take(&mut self.pending)));
        data.sort = spec.sort;
        data.applied = None;
        data.refilter(&spec.filter, spec.lane_mode);
        data.store.warm_caches();
        let mut snapshot = self.data.take_snapshot();
        if !last {
            self.data.store = snapshot.store.clone();
        }
        snapshot.applied = Some((spec.filter, spec.lane_mode));
        let sent = self.tx.send(LoadMsg::Store(Box::new(snapshot)));
        self.wait = (started.elapsed() * PUBLISH_COST_FACTOR).max(PUBLISH_EVERY);
        self.last_sent = Some(Instant::now());
        sent
    }
}

fn load_work(paths: &[PathBuf], view: &Mutex<ViewSpec>, tx: &Sender<LoadMsg>, cancel: &AtomicBool) {
    let (jsonl, others): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| is_events_jsonl(p));
    let pool = load_pool();
    let mut builder = Builder::new(tx, view, pool.as_ref());
    for p in &jsonl {
        if cancel.load(Ordering::Relaxed) || !read_jsonl_into(p, &mut builder, cancel) {
            return;
        }
    }
    if !others.is_empty() && !load_files(&others, &mut builder, cancel) {
        return;
    }
    if !cancel.load(Ordering::Relaxed) {
        builder.publish(true);
    }
}

/// Reads and extracts the files under `paths` into `builder`, sending articles, problems
/// and progress on the way. False when the job should stop.
fn load_files(paths: &[PathBuf], builder: &mut Builder<'_>, cancel: &AtomicBool) -> bool {
    let (tx, pool) = (builder.tx, builder.pool);
    tx.send(LoadMsg::Progress {
        stage: "Finding files",
        done: 0,
        total: 0,
    });
    // The extractor's vocabularies compile while the folders are walked.
    let (extractor, (entries, problems, sidecars)) = in_pool(pool, || {
        rayon::join(Extractor::builtin, || {
            let (entries, mut problems) = corpus::discover(paths);
            let (sidecars, sidecar_problems) = corpus::load_sidecars(&entries);
            problems.extend(sidecar_problems);
            (entries, problems, sidecars)
        })
    });
    if cancel.load(Ordering::Relaxed) || !tx.send(LoadMsg::Problems(problems)) {
        return false;
    }
    let empty = corpus::Sidecar::empty();
    let total = entries.len();
    // Workers read and extract one file per task, in parallel, and hand the results to
    // this thread, which merges them into the store and sends the UI a snapshot of it now
    // and then.
    let (out_tx, out_rx) = sync_channel::<FileOut>(256);
    let mut stopped = false;
    let mut news = News::default();
    let mut news_sent = Instant::now();
    std::thread::scope(|scope| {
        let (entries, sidecars, extractor, empty) = (&entries, &sidecars, &extractor, &empty);
        scope.spawn(move || {
            in_pool(pool, || {
                entries
                    .par_chunks(FILES_PER_TASK)
                    .for_each_with(out_tx, |out_tx, group| {
                        let (mut articles, mut events, mut problems) =
                            (Vec::new(), Vec::<Event>::new(), Vec::new());
                        for e in group {
                            if cancel.load(Ordering::Relaxed) {
                                return;
                            }
                            let sidecar = sidecars.get(&e.root).unwrap_or(empty);
                            let mut read = corpus::read_file(e, sidecar);
                            for a in &mut read.articles {
                                events.extend(crate::pipeline::date_and_extract(a, extractor));
                            }
                            articles.extend(read.articles.into_iter().map(|a| (a, e.root.clone())));
                            problems.extend(read.problems);
                        }
                        // The receiver is gone only when loading stopped.
                        let _ = out_tx.send(FileOut {
                            files: group.len(),
                            articles,
                            events: PreparedEvents::new(events),
                            problems,
                        });
                    });
            });
        });
        // Receives until every worker is done, also after stopping, so that no worker stays
        // blocked on a full channel.
        for out in &out_rx {
            if stopped {
                continue;
            }
            news.files_done += out.files;
            news.articles.extend(out.articles);
            news.problems.extend(out.problems);
            builder.add(out.events);
            // Progress and the article list go out often; a snapshot of the store (which
            // costs time linear in it) only when one is due.
            let going = if builder.due() {
                news_sent = Instant::now();
                news.send(tx, total) && builder.publish(false)
            } else if news_sent.elapsed() >= NEWS_EVERY {
                news_sent = Instant::now();
                news.send(tx, total)
            } else {
                true
            };
            if !going {
                cancel.store(true, Ordering::Relaxed);
                stopped = true;
            }
        }
    });
    !stopped && !cancel.load(Ordering::Relaxed) && news.send(tx, total)
}

/// Articles and problems gathered since the last snapshot, and the files done.
#[derive(Default)]
struct News {
    articles: Vec<(Article, PathBuf)>,
    problems: Vec<Problem>,
    files_done: usize,
}

impl News {
    /// Sends what was gathered (the article list before the events that refer to it);
    /// false when the job should stop.
    fn send(&mut self, tx: &Sender<LoadMsg>, total: usize) -> bool {
        let articles = std::mem::take(&mut self.articles);
        let problems = std::mem::take(&mut self.problems);
        (articles.is_empty() || tx.send(LoadMsg::Articles(articles)))
            && (problems.is_empty() || tx.send(LoadMsg::Problems(problems)))
            && tx.send(LoadMsg::Progress {
                stage: "Reading files",
                done: self.files_done,
                total,
            })
    }
}

/// Bytes of a JSON Lines file parsed per step (cut at a line end).
const JSONL_BLOCK: usize = 8 << 20;
/// Lines parsed and prepared as one unit of parallel work.
const JSONL_PIECE_LINES: usize = 4096;

/// Reads one JSON Lines file of events into `builder`: a reader thread parses it on the
/// loading pool while this thread merges what was parsed and sends snapshots. Returns
/// false when the job should stop.
fn read_jsonl_into(path: &Path, builder: &mut Builder<'_>, cancel: &AtomicBool) -> bool {
    let (tx, pool) = (builder.tx, builder.pool);
    let (out_tx, out_rx) = sync_channel::<PreparedEvents>(64);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || in_pool(pool, || read_jsonl(path, tx, &out_tx, cancel)));
        let mut stopped = false;
        // Receives until the reader is done, so that it never stays blocked.
        for batch in &out_rx {
            if stopped {
                continue;
            }
            builder.add(batch);
            if builder.due() && !builder.publish(false) {
                cancel.store(true, Ordering::Relaxed);
                stopped = true;
            }
        }
        match reader.join() {
            Ok(read) => read && !stopped,
            Err(payload) => std::panic::resume_unwind(payload),
        }
    })
}

/// Reads one JSON Lines file of events (as written by `dateline extract --format jsonl`):
/// blocks of whole lines are read in turn, their lines parsed and prepared in parallel, and
/// sent to `out`. Returns false when the job should stop.
fn read_jsonl(
    path: &Path,
    tx: &Sender<LoadMsg>,
    out: &SyncSender<PreparedEvents>,
    cancel: &AtomicBool,
) -> bool {
    use std::io::Read as _;
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => {
            return tx.send(LoadMsg::Problems(vec![Problem {
                path: path.display().to_string(),
                message: format!("Could not open {}: {e}.", path.display()),
            }]));
        }
    };
    let total = usize::try_from(file.metadata().map_or(0, |m| m.len())).unwrap_or(usize::MAX);
    let mut buf: Vec<u8> = Vec::with_capacity(JSONL_BLOCK + (1 << 16));
    let (mut done, mut lines_before, mut bad) = (0usize, 0usize, 0usize);
    let mut first_bad: Option<String> = None;
    let mut at_end = false;
    while !at_end {
        // Fill the buffer up to a block, keeping the unfinished line from last time.
        let kept = buf.len();
        buf.resize(kept + JSONL_BLOCK, 0);
        let mut filled = kept;
        while filled < buf.len() {
            match file.read(buf.get_mut(filled..).unwrap_or_default()) {
                Ok(0) => {
                    at_end = true;
                    break;
                }
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    bad += 1;
                    first_bad.get_or_insert_with(|| format!("after line {lines_before}: {e}"));
                    at_end = true;
                    break;
                }
            }
        }
        buf.truncate(filled);
        // Whole lines only, unless the file ended (a line longer than a block is read on).
        let cut = if at_end {
            buf.len()
        } else {
            match memchr::memrchr(b'\n', &buf) {
                Some(p) => p + 1,
                None => continue,
            }
        };
        let block = buf.get(..cut).unwrap_or_default();
        let mut starts = vec![0usize];
        starts.extend(memchr::memchr_iter(b'\n', block).map(|p| p + 1));
        if starts.last() != Some(&block.len()) {
            starts.push(block.len());
        }
        // Pieces of lines are parsed and prepared for the store on all cores; each piece
        // gives its events and its bad lines (line number and error).
        let pieces: Vec<(PreparedEvents, Vec<(usize, String)>)> = starts
            .par_windows(2)
            .enumerate()
            .chunks(JSONL_PIECE_LINES)
            .map(|lines| {
                let mut events = Vec::with_capacity(lines.len());
                let mut errors = Vec::new();
                for (n, w) in lines {
                    let (Some(&a), Some(&b)) = (w.first(), w.last()) else {
                        continue;
                    };
                    let line = block.get(a..b).unwrap_or_default().trim_ascii();
                    if line.is_empty() {
                        continue;
                    }
                    match serde_json::from_slice::<Event>(line) {
                        Ok(ev) => events.push(ev),
                        Err(e) => errors.push((n, e.to_string())),
                    }
                }
                (PreparedEvents::new(events), errors)
            })
            .collect();
        for (events, errors) in pieces {
            if out.send(events).is_err() {
                return false;
            }
            for (n, e) in errors {
                bad += 1;
                first_bad.get_or_insert_with(|| format!("line {}: {e}", lines_before + n + 1));
            }
        }
        lines_before += starts.len().saturating_sub(1);
        done += cut;
        buf.drain(..cut);
        if cancel.load(Ordering::Relaxed)
            || !tx.send(LoadMsg::Progress {
                stage: "Reading events",
                done,
                total,
            })
        {
            return false;
        }
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

    fn view() -> Arc<Mutex<ViewSpec>> {
        Arc::new(Mutex::new(ViewSpec::default()))
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
        let job = start_load(vec![gone], view(), Arc::new(|| {})).unwrap();
        let msgs = drain(&job);
        assert!(
            msgs.iter()
                .any(|m| matches!(m, LoadMsg::Problems(p) if !p.is_empty()))
        );
        assert!(matches!(msgs.last(), Some(LoadMsg::Finished { .. })));
    }

    #[test]
    fn a_folder_streams_the_same_events_as_the_pipeline() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        crate::generate::write_corpus(&root, 40, 3).unwrap();
        let job = start_load(vec![root.clone()], view(), Arc::new(|| {})).unwrap();
        let msgs = drain(&job);
        let mut articles = 0;
        let mut store = crate::timeline::EventStore::default();
        let mut sizes = Vec::new();
        for m in msgs {
            match m {
                LoadMsg::Store(s) => {
                    sizes.push(s.store.len());
                    store = s.store;
                }
                LoadMsg::Articles(a) => articles += a.len(),
                _ => {}
            }
        }
        // Every snapshot holds the events of the one before.
        assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
        let mut ids: Vec<String> = store.iter().map(|e| e.id.clone()).collect();
        let expected = crate::pipeline::extract_paths(&[root], &Extractor::builtin());
        assert_eq!(articles, expected.articles.len());
        let mut want: Vec<String> = expected.events.iter().map(|e| e.id.clone()).collect();
        ids.sort();
        want.sort();
        assert!(!want.is_empty());
        assert_eq!(ids, want);
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
        let job = start_load(vec![p], view(), Arc::new(|| {})).unwrap();
        let msgs = drain(&job);
        let got = msgs.iter().rev().find_map(|m| match m {
            LoadMsg::Store(s) => Some(s.store.len()),
            _ => None,
        });
        assert_eq!(got, Some(25));
        assert!(
            msgs.iter()
                .any(|m| matches!(m, LoadMsg::Problems(p) if p[0].message.contains("1 line(s)")))
        );
    }
}
