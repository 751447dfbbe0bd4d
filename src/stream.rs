//! Streaming extraction, `dateline extract -`: inputs arrive on stdin one per line, events
//! leave as JSON Lines as soon as their chunk is done, and memory stays constant, so the
//! command runs unchanged as a map step under Apache Spark's `RDD.pipe` and similar.
//!
//! A line is either a JSON Lines article (`{"id", "text", "published", "title", "url", ...}`,
//! read with the scraper field names [`crate::corpus::json`] knows) or the path of an article
//! file or folder. A file given alone takes its date from the nearest `dateline.json` in its
//! folder or above (the corpus root of a nested layout), so paths listed from a generated or
//! annotated corpus keep their sidecar dates.

use std::collections::HashMap;
use std::io::{BufRead, Read as _};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{self, Article, DateSource, FileEntry, Problem, ReadError, Sidecar};
use crate::extract::{Event, Extractor};
use crate::timeline::Filter;

/// How many lines are extracted at once: enough to keep every core busy, few enough that
/// memory stays constant whatever the input size.
pub const CHUNK_LINES: usize = 256;

/// Lines longer than this (one article of JSON, or a path) are skipped with a problem, so
/// memory stays bounded whatever arrives on stdin. The same limit as for one article file.
pub const MAX_LINE_BYTES: u64 = corpus::MAX_FILE_BYTES;

/// Reads and drops the rest of a line, a bounded piece at a time.
fn skip_line(input: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let (done, used) = {
            let available = input.fill_buf()?;
            if available.is_empty() {
                return Ok(());
            }
            match available.iter().position(|b| *b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, available.len()),
            }
        };
        input.consume(used);
        if done {
            return Ok(());
        }
    }
}

/// What a streaming run read and wrote.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Non-blank input lines.
    pub lines: usize,
    pub articles: usize,
    /// Events kept by the filter.
    pub events: usize,
}

/// What one input line gave.
#[derive(Debug, Default)]
pub struct LineOutcome {
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub problems: Vec<Problem>,
}

/// Options of a streaming run.
#[derive(Clone, Copy, Debug)]
pub struct Options<'a> {
    pub extractor: &'a Extractor,
    pub filter: &'a Filter,
    /// The article date of every input, over sidecars and metadata (`--published`).
    pub published: Option<NaiveDate>,
}

/// Sidecars found for files given one by one, loaded once each.
#[derive(Default)]
struct Sidecars {
    /// Folder → the nearest folder at or above it holding a `dateline.json`.
    roots: Mutex<HashMap<PathBuf, Option<PathBuf>>>,
    loaded: Mutex<HashMap<PathBuf, Arc<Sidecar>>>,
}

impl Sidecars {
    fn root_for(&self, dir: &Path) -> Option<PathBuf> {
        let mut roots = self.roots.lock().unwrap_or_else(PoisonError::into_inner);
        let mut walked = Vec::new();
        let mut found = None;
        let mut current = Some(dir);
        while let Some(d) = current {
            if let Some(known) = roots.get(d) {
                found = known.clone();
                break;
            }
            walked.push(d.to_path_buf());
            if d.join(corpus::SIDECAR_NAME).is_file() {
                found = Some(d.to_path_buf());
                break;
            }
            current = d.parent();
        }
        for d in walked {
            roots.insert(d, found.clone());
        }
        found
    }

    /// The sidecar of `root`, with its problems the first time it is loaded.
    fn get(&self, root: &Path) -> (Arc<Sidecar>, Vec<Problem>) {
        let mut loaded = self.loaded.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(s) = loaded.get(root) {
            return (Arc::clone(s), Vec::new());
        }
        let (sidecar, problems) = Sidecar::load(root);
        let sidecar = Arc::new(sidecar);
        loaded.insert(root.to_path_buf(), Arc::clone(&sidecar));
        (sidecar, problems)
    }
}

#[derive(serde::Deserialize)]
struct Names {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// The name a JSON article goes by: its `id` (string or number), else `path`, else `url`.
fn json_name(text: &str) -> Option<String> {
    let names: Names = serde_json::from_str(text).ok()?;
    let id = match names.id {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    [id, names.path, names.url]
        .into_iter()
        .flatten()
        .map(|s| s.trim().to_owned())
        .find(|s| !s.is_empty())
}

/// Reads one JSON Lines article (or an array of them on one line). `fallback` names it when
/// it has no `id`, `path` or `url`. The date order is the corpus's: metadata, then a dateline
/// in the text, else unknown.
#[must_use]
pub fn read_json_line(line: &[u8], fallback: &str) -> LineOutcome {
    let mut out = LineOutcome::default();
    let text = match corpus::decode::decode(line, None) {
        Ok(t) => t,
        Err(e) => {
            out.problems.push(e.into_problem(fallback));
            return out;
        }
    };
    let name = json_name(&text).unwrap_or_else(|| fallback.to_owned());
    let items = match corpus::json::parse(&text) {
        Ok(corpus::json::JsonFile::Single(r)) => vec![(name, r)],
        Ok(corpus::json::JsonFile::Collection(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, r)| (format!("{name}#{}", i + 1), r))
            .collect(),
        Err(e) => vec![(name, Err(e))],
    };
    for (path, item) in items {
        match item {
            Ok(a) if !a.text.trim().is_empty() => {
                let (published, published_source) = match a.published {
                    Some(d) => (Some(d), DateSource::Metadata),
                    None => match corpus::dateline::date_from_text(&a.text) {
                        Some(d) => (Some(d), DateSource::Text),
                        None => (None, DateSource::Unknown),
                    },
                };
                out.articles.push(Article {
                    path,
                    title: a.title,
                    url: a.url,
                    published,
                    published_source,
                    text: a.text,
                });
            }
            Ok(_) => out.problems.push(ReadError::NoText.into_problem(&path)),
            Err(e) => out.problems.push(e.into_problem(&path)),
        }
    }
    out
}

fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Replaces a leading `from` (a whole path or one followed by `#N`) with `to`.
fn rename(path: &mut String, from: &str, to: &str) {
    if path == from {
        *path = to.to_owned();
    } else if let Some(suffix) = path.strip_prefix(from).filter(|s| s.starts_with('#')) {
        *path = format!("{to}{suffix}");
    }
}

/// Reads a path line: a file (with the nearest sidecar) or a folder (as `dateline extract`
/// reads one). Articles and problems are named by the path as given.
fn read_path_line(line: &[u8], sidecars: &Sidecars) -> LineOutcome {
    let given = path_from_bytes(line);
    let shown = given.display().to_string();
    let mut out = LineOutcome::default();
    let abs = std::path::absolute(&given).unwrap_or_else(|_| given.clone());
    match std::fs::metadata(&abs) {
        Err(e) => out.problems.push(Problem {
            path: shown.clone(),
            message: format!("could not read `{shown}`: {e}"),
        }),
        Ok(meta) if meta.is_dir() => {
            let loaded = corpus::load(std::slice::from_ref(&given));
            out.articles = loaded.articles;
            out.problems = loaded.problems;
            let folder = shown.trim_end_matches('/');
            for a in &mut out.articles {
                a.path = format!("{folder}/{}", a.path);
            }
        }
        Ok(_) if corpus::Format::of(&abs).is_none() && abs.extension().is_some() => {
            out.problems
                .push(ReadError::Unsupported.into_problem(&shown));
        }
        Ok(_) => {
            let dir = abs.parent().unwrap_or(Path::new("/"));
            let root = sidecars.root_for(dir).unwrap_or_else(|| dir.to_path_buf());
            let rel = abs.strip_prefix(&root).map_or_else(
                |_| shown.clone(),
                |r| {
                    r.iter()
                        .map(|c| c.to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/")
                },
            );
            let (sidecar, sidecar_problems) = sidecars.get(&root);
            out.problems = sidecar_problems;
            let entry = FileEntry {
                path: abs.clone(),
                root,
                rel: rel.clone(),
                explicit: true,
            };
            let read = corpus::read_file(&entry, &sidecar);
            out.articles = read.articles;
            out.problems.extend(read.problems);
            for a in &mut out.articles {
                rename(&mut a.path, &rel, &shown);
            }
            for p in &mut out.problems {
                rename(&mut p.path, &rel, &shown);
            }
        }
    }
    if out.articles.is_empty() && out.problems.is_empty() {
        out.problems.push(Problem {
            path: shown.clone(),
            message: format!("could not read `{shown}`: no article found there"),
        });
    }
    out
}

fn read_line(line_no: usize, line: &[u8], sidecars: &Sidecars, opts: &Options) -> LineOutcome {
    let mut out = if line.first() == Some(&b'{') || line.first() == Some(&b'[') {
        read_json_line(line, &format!("stdin line {line_no}"))
    } else {
        read_path_line(line, sidecars)
    };
    for a in &mut out.articles {
        if let Some(d) = opts.published {
            a.published = Some(d);
            a.published_source = DateSource::Sidecar;
        }
    }
    out.events = out
        .articles
        .iter_mut()
        .flat_map(|a| crate::pipeline::date_and_extract(a, opts.extractor))
        .filter(|e| opts.filter.matches(e))
        .collect();
    out
}

/// Reads `input` in chunks of [`CHUNK_LINES`] lines, reads and extracts each chunk in
/// parallel and hands the outcomes, in input order, to `handle`, which returns `false` to
/// stop. Blank lines are skipped; events are already filtered.
///
/// # Errors
/// Fails when reading `input` fails, or with the error `handle` returns.
pub fn for_each_chunk(
    input: impl BufRead,
    opts: &Options,
    handle: impl FnMut(Vec<LineOutcome>) -> std::io::Result<bool>,
) -> std::io::Result<Summary> {
    chunks_with_limit(input, opts, MAX_LINE_BYTES, handle)
}

fn chunks_with_limit(
    mut input: impl BufRead,
    opts: &Options,
    max_line_bytes: u64,
    mut handle: impl FnMut(Vec<LineOutcome>) -> std::io::Result<bool>,
) -> std::io::Result<Summary> {
    let sidecars = Sidecars::default();
    let mut summary = Summary::default();
    let mut reader = LineReader {
        line_no: 0,
        buf: Vec::new(),
        max_line_bytes,
    };
    // The chunk extracted last, handed over while the next one is extracted, so writing its
    // events does not leave the cores idle: its outcomes and its number of lines.
    let mut pending: Option<(Vec<LineOutcome>, usize)> = None;
    loop {
        let (chunk, eof) = match reader.chunk(&mut input) {
            Ok(read) => read,
            Err(e) => {
                // What was read before the failure is still written.
                if let Some(p) = pending.take()
                    && !hand_over(&mut summary, p, &mut handle)?
                {
                    return Ok(summary);
                }
                return Err(e);
            }
        };
        let mut extracted: Vec<LineOutcome> = Vec::new();
        let go_on = rayon::in_place_scope(|scope| {
            scope.spawn(|_| extracted = extract_chunk(&chunk, &sidecars, opts, max_line_bytes));
            pending
                .take()
                .map_or(Ok(true), |p| hand_over(&mut summary, p, &mut handle))
        })?;
        if !go_on {
            return Ok(summary);
        }
        if eof {
            hand_over(&mut summary, (extracted, chunk.len()), &mut handle)?;
            return Ok(summary);
        }
        pending = Some((extracted, chunk.len()));
    }
}

/// Counts a chunk of `lines` lines into `summary` and hands its outcomes to `handle`.
fn hand_over(
    summary: &mut Summary,
    (outcomes, lines): (Vec<LineOutcome>, usize),
    handle: &mut impl FnMut(Vec<LineOutcome>) -> std::io::Result<bool>,
) -> std::io::Result<bool> {
    summary.lines += lines;
    summary.articles += outcomes.iter().map(|o| o.articles.len()).sum::<usize>();
    summary.events += outcomes.iter().map(|o| o.events.len()).sum::<usize>();
    handle(outcomes)
}

/// One input line: its number, and its bytes (`None` when it was over the size limit).
type Line = (usize, Option<Vec<u8>>);

/// Reads input lines a chunk at a time, numbering them and skipping over-long ones.
struct LineReader {
    line_no: usize,
    buf: Vec<u8>,
    max_line_bytes: u64,
}

impl LineReader {
    /// Up to [`CHUNK_LINES`] non-blank lines (`None` for one over the limit), and whether the
    /// input ended.
    fn chunk(&mut self, input: &mut impl BufRead) -> std::io::Result<(Vec<Line>, bool)> {
        let mut chunk: Vec<Line> = Vec::with_capacity(CHUNK_LINES);
        while chunk.len() < CHUNK_LINES {
            self.buf.clear();
            let read = input
                .take(self.max_line_bytes + 1)
                .read_until(b'\n', &mut self.buf)?;
            if read == 0 {
                return Ok((chunk, true));
            }
            self.line_no += 1;
            if self.buf.len() as u64 > self.max_line_bytes && self.buf.last() != Some(&b'\n') {
                skip_line(input)?;
                chunk.push((self.line_no, None));
                continue;
            }
            let line = self.buf.trim_ascii();
            if !line.is_empty() {
                chunk.push((self.line_no, Some(line.to_vec())));
            }
        }
        Ok((chunk, false))
    }
}

/// Reads and extracts the lines of one chunk on all cores, in input order.
fn extract_chunk(
    chunk: &[Line],
    sidecars: &Sidecars,
    opts: &Options,
    max_line_bytes: u64,
) -> Vec<LineOutcome> {
    chunk
        .par_iter()
        .map(|(n, line)| match line {
            Some(line) => read_line(*n, line, sidecars, opts),
            None => LineOutcome {
                problems: vec![Problem {
                    path: format!("stdin line {n}"),
                    message: format!(
                        "could not read `stdin line {n}`: it is over the {max_line_bytes}-byte limit for one article; it was skipped"
                    ),
                }],
                ..LineOutcome::default()
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts<'a>(extractor: &'a Extractor, filter: &'a Filter) -> Options<'a> {
        Options {
            extractor,
            filter,
            published: None,
        }
    }

    #[test]
    fn json_lines_articles_are_read_with_their_names_and_dates() {
        let line = br#"{"id": "a-1", "text": "Kim visited Moscow on Tuesday.", "published": "2024-04-10T08:00:00Z", "title": "T", "url": "https://x.org/1", "extra": 3}"#;
        let out = read_json_line(line, "stdin line 1");
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let a = out.articles.first().cloned();
        assert_eq!(a.as_ref().map(|a| a.path.as_str()), Some("a-1"));
        assert_eq!(
            a.as_ref().and_then(|a| a.published),
            NaiveDate::from_ymd_opt(2024, 4, 10)
        );
        assert_eq!(a.map(|a| a.published_source), Some(DateSource::Metadata));

        let out = read_json_line(br#"{"id": 7, "content": "x"}"#, "l");
        assert_eq!(out.articles.first().map(|a| a.path.as_str()), Some("7"));
        let out = read_json_line(br#"{"content": "x"}"#, "stdin line 9");
        assert_eq!(
            out.articles.first().map(|a| a.path.as_str()),
            Some("stdin line 9")
        );

        for bad in [
            &br#"{"id": 1}"#[..],
            b"{not json",
            br#"{"id": "e", "text": "  "}"#,
        ] {
            let out = read_json_line(bad, "l");
            assert!(
                out.articles.is_empty() && out.problems.len() == 1,
                "{out:?}"
            );
        }
    }

    #[test]
    fn overlong_lines_are_skipped_with_a_problem() {
        let long = format!("{{\"id\": \"big\", \"text\": \"{}\"}}", "word ".repeat(100));
        let input =
            format!("{long}\n{{\"id\": \"small\", \"text\": \"Kim visited Moscow.\"}}\n{long}");
        let (extractor, filter) = (Extractor::builtin(), Filter::default());
        let mut names = Vec::new();
        let mut problems = Vec::new();
        let summary = chunks_with_limit(
            input.as_bytes(),
            &opts(&extractor, &filter),
            100,
            |outcomes| {
                for o in outcomes {
                    names.extend(o.articles.into_iter().map(|a| a.path));
                    problems.extend(o.problems);
                }
                Ok(true)
            },
        )
        .unwrap_or_default();
        assert_eq!(names, ["small"]);
        assert_eq!(summary.lines, 3);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .all(|p| p.message.contains("100-byte limit"))
        );
        assert_eq!(
            problems.first().map(|p| p.path.as_str()),
            Some("stdin line 1")
        );
        assert_eq!(
            problems.get(1).map(|p| p.path.as_str()),
            Some("stdin line 3")
        );
    }

    #[test]
    fn files_take_the_nearest_sidecar_above_them() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        let nested = dir.path().join("2024/04");
        std::fs::create_dir_all(&nested)?;
        std::fs::write(nested.join("a.txt"), "Kim visited Moscow on Tuesday.\n")?;
        std::fs::write(
            dir.path().join("dateline.json"),
            r#"{"articles": {"2024/04/a.txt": {"published": "2024-04-10", "title": "A"}}}"#,
        )?;
        let sidecars = Sidecars::default();
        let path = nested.join("a.txt");
        let shown = path.display().to_string();
        let out = read_path_line(shown.as_bytes(), &sidecars);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        let a = out.articles.first().cloned();
        assert_eq!(a.as_ref().map(|a| a.path.as_str()), Some(shown.as_str()));
        assert_eq!(
            a.as_ref().and_then(|a| a.published),
            NaiveDate::from_ymd_opt(2024, 4, 10)
        );
        assert_eq!(a.map(|a| a.published_source), Some(DateSource::Sidecar));
        Ok(())
    }

    #[test]
    fn mixed_lines_are_read_in_chunks_in_order_and_bad_ones_reported() {
        let mut input = Vec::new();
        let n = CHUNK_LINES * 2 + 3;
        for i in 0..n {
            input.extend_from_slice(
                format!(
                    "{{\"id\": \"a{i}\", \"text\": \"North Korea fired a ballistic missile on April 9, 2024.\", \"published\": \"2024-04-10\"}}\n"
                )
                .as_bytes(),
            );
        }
        input.extend_from_slice(b"\n{broken\n/nonexistent/dateline/file.txt\n");
        let (extractor, filter) = (Extractor::builtin(), Filter::default());
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let summary = for_each_chunk(input.as_slice(), &opts(&extractor, &filter), |outcomes| {
            for o in outcomes {
                problems.extend(o.problems);
                for e in &o.events {
                    serde_json::to_writer(&mut out, e)?;
                    out.push(b'\n');
                }
            }
            Ok(true)
        })
        .unwrap_or_default();
        assert_eq!(summary.lines, n + 2);
        assert_eq!(summary.articles, n);
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(summary.events, text.lines().count());
        // Events come out in input order.
        let order: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["source"]["article"].as_str().map(str::to_owned))
            .collect();
        let numbers: Vec<usize> = order
            .iter()
            .filter_map(|a| a.trim_start_matches('a').parse().ok())
            .collect();
        assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.path == format!("stdin line {}", n + 2))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.path == "/nonexistent/dateline/file.txt")
        );
    }
}
