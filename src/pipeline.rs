//! The whole pipeline from paths to events.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{self, Article, Corpus, DateSource, Problem};
use crate::extract::{Event, Extractor};
use crate::temporal::{self, Anchor, DocDate, Precision};

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
    extract_corpus(corpus::load(paths), extractor)
}

/// Extracts the events of loaded articles, in parallel. An article without a date gets an
/// estimated one (marked [`DateSource::Estimate`]) when its text has an explicit date.
/// Events come out in article order, then in text order.
#[must_use]
pub fn extract_corpus(corpus: Corpus, extractor: &Extractor) -> Extraction {
    let mut articles = corpus.articles;
    articles.par_iter_mut().for_each(estimate_date);
    let per_article: Vec<Vec<Event>> = articles.par_iter().map(|a| extractor.extract(a)).collect();
    Extraction {
        articles,
        events: per_article.into_iter().flatten().collect(),
        problems: corpus.problems,
    }
}

/// Gives an undated article the latest explicit, day-precise date in its text, marked as an
/// estimate. Relative expressions are resolved against it with anchor `estimate`.
pub fn estimate_date(article: &mut Article) {
    if article.published.is_some() {
        return;
    }
    if let Some(d) = latest_explicit_date(&article.text) {
        article.published = Some(d);
        article.published_source = DateSource::Estimate;
    }
}

/// The latest absolute, day-precise date written in `text`.
#[must_use]
pub fn latest_explicit_date(text: &str) -> Option<NaiveDate> {
    temporal::tag(text, DocDate::default())
        .into_iter()
        .filter(|t| t.anchor == Anchor::Absolute && t.precision == Precision::Day)
        .filter_map(|t| t.interval.map(|(_, end)| end))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates_are_kept() {
        let mut a = Article {
            path: "a.txt".into(),
            title: None,
            url: None,
            published: NaiveDate::from_ymd_opt(2024, 1, 2),
            published_source: DateSource::Sidecar,
            text: "On March 3, 2025 something happened.".into(),
        };
        estimate_date(&mut a);
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 1, 2));
        assert_eq!(a.published_source, DateSource::Sidecar);
    }
}
