//! Reading folders and files into articles: formats, encodings, article dates, the sidecar.
//!
//! [`discover`] lists the article files under some paths, [`read_entry`] reads one of them,
//! [`load`] does both (in parallel, output in a deterministic order). The app uses the two
//! steps separately for progress and cancelling ([`load_with`] does that for it too).
//!
//! Formats: `.txt`/`.text`, `.md`/`.markdown`, `.html`/`.htm`/`.xhtml`, `.json`, `.jsonl`/
//! `.ndjson` (see [`json`]). A file's date comes from, in order: the sidecar ([`sidecar`]),
//! the file's metadata (HTML meta tags and JSON-LD, JSON fields, Markdown front matter), a
//! dateline or byline in its first lines ([`dateline`]); otherwise it is unknown. Files are
//! only ever opened for reading.

pub mod dateline;
pub mod decode;
pub mod discover;
pub mod error;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sidecar;
pub mod title;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use discover::{FileEntry, discover};
pub use error::ReadError;
pub use sidecar::{SIDECAR_NAME, Sidecar, SidecarEntry, SidecarError};

/// Files larger than this are refused with a problem and not read at all (64 MiB: far more
/// than any article; a bigger file is a dump that should be split).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Where an article's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// `dateline.json` beside the articles (including the user's corrections).
    Sidecar,
    /// File metadata: HTML meta tags, JSON-LD, scraper JSON fields.
    Metadata,
    /// A dateline or byline in the text (`TOKYO, Sept 13 (KUNA) --`).
    Text,
    /// Estimated, e.g. from the latest explicit date in the text. Shown as uncertain.
    Estimate,
    #[default]
    Unknown,
}

/// A file or entry that could not be read, and why, in a sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// One article, decoded to UTF-8. Its file is never written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Path relative to the folder given (`/`-separated), or the file name for a single file.
    /// JSON collections with several articles get `file.json#N`.
    pub path: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_source: DateSource,
    pub text: String,
}

/// Everything read from some paths.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// What reading one file gave: its articles (several for a JSON collection) and the problems
/// of entries that gave none.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileRead {
    pub articles: Vec<Article>,
    pub problems: Vec<Problem>,
}

/// The file formats Dateline reads, by extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
}

impl Format {
    /// The format of a file name's extension (ASCII case-insensitive), if Dateline reads it.
    #[must_use]
    pub fn of(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            "html" | "htm" | "xhtml" => Self::Html,
            "json" | "jsonl" | "ndjson" => Self::Json,
            _ => return None,
        })
    }
}

/// Reads `entry` into its articles; for a JSON collection, an element that is no article is
/// a problem named `file.json#N` and the others are still read.
///
/// Article paths: the entry's relative path; when a JSON file holds a collection (an array,
/// a wrapped array or JSON Lines) every element gets `file.json#N`, N its 1-based position in
/// the file (stable while the file is unchanged; a sidecar entry may use either the `#N` path
/// or, for the whole file, the plain path).
#[must_use]
pub fn read_file(entry: &FileEntry, sidecar: &Sidecar) -> FileRead {
    match read_inner(entry, sidecar) {
        Ok(read) => read,
        Err(e) => FileRead {
            articles: Vec::new(),
            problems: vec![e.into_problem(&entry.rel)],
        },
    }
}

/// Reads `entry` into its articles, or the problem that kept it from giving any. Problems
/// of single elements of a JSON collection that still gave other articles are dropped here:
/// use [`read_file`] to get them too.
///
/// # Errors
/// The problem, naming the file and the reason, when the file gave no article.
pub fn read_entry(entry: &FileEntry, sidecar: &Sidecar) -> Result<Vec<Article>, Problem> {
    let read = read_file(entry, sidecar);
    if read.articles.is_empty() {
        if let Some(p) = read.problems.into_iter().next() {
            return Err(p);
        }
        return Err(ReadError::NoText.into_problem(&entry.rel));
    }
    Ok(read.articles)
}

struct Parsed {
    text: String,
    title: Option<String>,
    url: Option<String>,
    published: Option<NaiveDate>,
}

fn read_inner(entry: &FileEntry, sidecar: &Sidecar) -> Result<FileRead, ReadError> {
    let format = match Format::of(&entry.path) {
        Some(f) => f,
        None if entry.explicit && entry.path.extension().is_none() => Format::Text,
        None => return Err(ReadError::Unsupported),
    };
    let bytes = decode::read_bounded(&entry.path, MAX_FILE_BYTES)?;
    // A web page saved as `.txt` is still a web page.
    let format = if format == Format::Text && is_html_document(&bytes) {
        Format::Html
    } else {
        format
    };
    let parsed: Vec<(String, Result<Parsed, ReadError>)> = match format {
        Format::Text => {
            let text = decode::decode(&bytes, None)?;
            let title = title::headline(&text);
            vec![(
                entry.rel.clone(),
                Ok(Parsed {
                    text,
                    title,
                    url: None,
                    published: None,
                }),
            )]
        }
        Format::Markdown => {
            let md = markdown::convert(&decode::decode(&bytes, None)?);
            vec![(
                entry.rel.clone(),
                Ok(Parsed {
                    // Without front matter, a `# Heading` first line is the title.
                    title: md.title.or_else(|| title::headline(&md.text)),
                    text: md.text,
                    url: md.url,
                    published: md.published,
                }),
            )]
        }
        Format::Html => {
            let declared = decode::html_declared_charset(&bytes);
            let page = html::parse(&decode::decode(&bytes, declared)?);
            vec![(
                entry.rel.clone(),
                Ok(Parsed {
                    text: page.text,
                    title: page.title,
                    url: page.url,
                    published: page.published,
                }),
            )]
        }
        Format::Json => {
            let text = decode::decode(&bytes, None)?;
            let convert = |r: Result<json::JsonArticle, ReadError>| {
                r.map(|a| Parsed {
                    text: a.text,
                    title: a.title,
                    url: a.url,
                    published: a.published,
                })
            };
            match json::parse(&text)? {
                json::JsonFile::Single(r) => vec![(entry.rel.clone(), convert(r))],
                json::JsonFile::Collection(items) if items.len() == 1 => items
                    .into_iter()
                    .map(|r| (entry.rel.clone(), convert(r)))
                    .collect(),
                json::JsonFile::Collection(items) => items
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (format!("{}#{}", entry.rel, i + 1), convert(r)))
                    .collect(),
            }
        }
    };
    if parsed.is_empty() {
        return Err(ReadError::NoText);
    }
    let mut out = FileRead::default();
    for (path, result) in parsed {
        match result.and_then(|p| {
            if p.text.trim().is_empty() {
                Err(ReadError::NoText)
            } else {
                Ok(p)
            }
        }) {
            Ok(p) => out.articles.push(finish(path, p, entry, sidecar)),
            Err(e) => out.problems.push(e.into_problem(&path)),
        }
    }
    Ok(out)
}

/// Starts like an HTML document (`<!DOCTYPE html`, `<html`), after a BOM and whitespace.
fn is_html_document(bytes: &[u8]) -> bool {
    let b = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(bytes)
        .trim_ascii_start();
    let head = b.get(..14).unwrap_or(b);
    head.len() >= 5
        && (head.eq_ignore_ascii_case(b"<!doctype html")
            || head
                .get(..5)
                .is_some_and(|h| h.eq_ignore_ascii_case(b"<html")))
}

/// Applies the date order: sidecar, metadata, dateline in the text, unknown.
fn finish(path: String, p: Parsed, entry: &FileEntry, sidecar: &Sidecar) -> Article {
    let side = sidecar.get(&path).or_else(|| sidecar.get(&entry.rel));
    let (published, published_source) = if let Some(d) = side.and_then(|s| s.published) {
        (Some(d), DateSource::Sidecar)
    } else if let Some(d) = p.published {
        (Some(d), DateSource::Metadata)
    } else if let Some(d) = dateline::date_from_text(&p.text) {
        (Some(d), DateSource::Text)
    } else {
        (None, DateSource::Unknown)
    };
    Article {
        title: side.and_then(|s| s.title.clone()).or(p.title),
        url: side.and_then(|s| s.url.clone()).or(p.url),
        path,
        published,
        published_source,
        text: p.text,
    }
}

/// Loads the sidecar of every root folder in `entries`.
#[must_use]
pub fn load_sidecars(entries: &[FileEntry]) -> (HashMap<PathBuf, Sidecar>, Vec<Problem>) {
    let mut sidecars = HashMap::new();
    let mut problems = Vec::new();
    for e in entries {
        if !sidecars.contains_key(&e.root) {
            let (s, p) = Sidecar::load(&e.root);
            problems.extend(p);
            sidecars.insert(e.root.clone(), s);
        }
    }
    (sidecars, problems)
}

/// Reads every article under `paths` (folders recursively, or single files).
#[must_use]
pub fn load(paths: &[PathBuf]) -> Corpus {
    load_with(paths, &AtomicBool::new(false), |_, _| {})
}

/// [`load`] with a cancel flag (checked between files; a cancelled load returns what was read)
/// and a progress callback `(files done, files in total)`, called from worker threads.
#[must_use]
pub fn load_with(
    paths: &[PathBuf],
    cancel: &AtomicBool,
    progress: impl Fn(usize, usize) + Sync,
) -> Corpus {
    let (entries, mut problems) = discover(paths);
    let (sidecars, sidecar_problems) = load_sidecars(&entries);
    problems.extend(sidecar_problems);
    let empty = Sidecar::empty();
    let done = AtomicUsize::new(0);
    let total = entries.len();
    let reads: Vec<FileRead> = entries
        .par_iter()
        .map(|e| {
            if cancel.load(Ordering::Relaxed) {
                return FileRead::default();
            }
            let read = read_file(e, sidecars.get(&e.root).unwrap_or(&empty));
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            read
        })
        .collect();
    let mut corpus = Corpus {
        articles: Vec::new(),
        problems,
    };
    for r in reads {
        corpus.articles.extend(r.articles);
        corpus.problems.extend(r.problems);
    }
    corpus
}
