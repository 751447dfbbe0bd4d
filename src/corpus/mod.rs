//! Reading folders and files into articles: formats, encodings, article dates, the sidecar.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// Reads every article under `paths` (folders recursively, or single files).
#[must_use]
pub fn load(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    for p in paths {
        load_one(p, p, &mut corpus);
    }
    corpus
}

fn load_one(root: &Path, path: &Path, corpus: &mut Corpus) {
    if path.is_dir() {
        let Ok(rd) = std::fs::read_dir(path) else {
            return;
        };
        let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            load_one(root, &e, corpus);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        let rel = path
            .strip_prefix(root)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
            .unwrap_or(path);
        match std::fs::read_to_string(path) {
            Ok(text) => corpus.articles.push(Article {
                path: rel.to_string_lossy().replace('\\', "/"),
                title: None,
                url: None,
                published: None,
                published_source: DateSource::Unknown,
                text,
            }),
            Err(e) => corpus.problems.push(Problem {
                path: path.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
}
