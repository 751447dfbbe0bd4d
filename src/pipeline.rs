//! The whole pipeline from paths to events.

use std::path::PathBuf;

use rayon::prelude::*;

use crate::corpus::{self, Article, Problem};
use crate::extract::{Event, Extractor};

/// The result of extracting a set of paths.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub articles: Vec<Article>,
    pub events: Vec<Event>,
    pub problems: Vec<Problem>,
}

/// Loads `paths` and extracts the events of every article, in parallel.
#[must_use]
pub fn extract_paths(paths: &[PathBuf], extractor: &Extractor) -> Extraction {
    let corpus = corpus::load(paths);
    let events = corpus
        .articles
        .par_iter()
        .flat_map_iter(|a| extractor.extract(a))
        .collect();
    Extraction {
        articles: corpus.articles,
        events,
        problems: corpus.problems,
    }
}
