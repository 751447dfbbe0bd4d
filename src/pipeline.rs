//! The whole pipeline from paths to events.

use std::path::PathBuf;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::corpus::{self, Article, Corpus, DateSource, Problem};
use crate::extract::{Event, Extractor};
use crate::temporal::{self, Anchor, DocDate, Precision, TimeExpr};

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
    let per_article: Vec<Vec<Event>> = articles
        .par_iter_mut()
        .map(|a| date_and_extract(a, extractor))
        .collect();
    Extraction {
        articles,
        events: per_article.into_iter().flatten().collect(),
        problems: corpus.problems,
    }
}

/// Extracts `corpus` a chunk of `chunk_articles` articles at a time (each chunk on all cores)
/// and hands each chunk's [`Extraction`] to `consume`, in order. While `consume` writes one
/// chunk on the calling thread, the next chunk is already being extracted, so writing does not
/// leave the cores idle. What `consume` leaves of a chunk is dropped on the thread pool, where
/// it was allocated: freeing events on the calling thread took each allocation through the
/// allocator's slower cross-thread path. The corpus problems are left to the caller.
///
/// # Errors
/// Stops at the first error `consume` returns (after the chunk in flight is done).
pub fn extract_in_chunks<E>(
    corpus: Corpus,
    extractor: &Extractor,
    chunk_articles: usize,
    mut consume: impl FnMut(&mut Extraction) -> Result<(), E>,
) -> Result<(), E> {
    let mut rest = corpus.articles.into_iter();
    let mut pending: Option<Extraction> = None;
    let mut spent: Option<Extraction> = None;
    loop {
        let chunk: Vec<Article> = rest.by_ref().take(chunk_articles.max(1)).collect();
        if chunk.is_empty() {
            break;
        }
        let mut extracted: Option<Extraction> = None;
        let written = rayon::in_place_scope(|scope| {
            scope.spawn(|_| {
                drop(spent.take());
                extracted = Some(extract_corpus(
                    Corpus {
                        articles: chunk,
                        problems: Vec::new(),
                    },
                    extractor,
                ));
            });
            pending.as_mut().map_or(Ok(()), &mut consume)
        });
        spent = pending.take();
        written?;
        pending = extracted;
    }
    let written = pending.as_mut().map_or(Ok(()), &mut consume);
    drop_on_pool(spent);
    drop_on_pool(pending);
    written
}

/// Drops `value` on a thread of the pool (where extraction allocated it).
fn drop_on_pool<T: Send>(value: T) {
    rayon::in_place_scope(|scope| scope.spawn(move |_| drop(value)));
}

/// Gives an undated article the latest explicit, day-precise date in its text, marked as an
/// estimate. Relative expressions are resolved against it with anchor `estimate`.
pub fn estimate_date(article: &mut Article) {
    if article.published.is_none()
        && let Some(d) = latest_explicit_date(&article.text)
    {
        article.published = Some(d);
        article.published_source = DateSource::Estimate;
    }
}

/// [`estimate_date`], then the article's events: what every loader does with an article.
/// An undated article whose text gives no date is tagged once, not again to extract it; one
/// whose text gives a date is tagged again with it, reusing the first tagging's searches and
/// tokens.
pub fn date_and_extract(article: &mut Article, extractor: &Extractor) -> Vec<Event> {
    match estimate_date_tagging(article) {
        Some(times) => extractor.extract_tagged(article, times),
        None => extractor.extract(article),
    }
}

/// [`estimate_date`]; for an article that had no date, returns its time expressions as
/// extracting it would tag them (`temporal::tag` with the date it now has, if any).
fn estimate_date_tagging(article: &mut Article) -> Option<Vec<TimeExpr>> {
    if article.published.is_some() {
        return None;
    }
    let (tags, trace) = temporal::tag_traced(&article.text, DocDate::default());
    match latest_day(&tags) {
        Some(d) => {
            article.published = Some(d);
            article.published_source = DateSource::Estimate;
            let doc = DocDate {
                date: Some(d),
                estimated: true,
            };
            Some(temporal::tag_again(&article.text, doc, &trace))
        }
        None => Some(tags),
    }
}

/// The latest absolute, day-precise date written in `text`.
#[must_use]
pub fn latest_explicit_date(text: &str) -> Option<NaiveDate> {
    latest_day(&temporal::tag(text, DocDate::default()))
}

/// The latest absolute, day-precise date among `tags`.
fn latest_day(tags: &[TimeExpr]) -> Option<NaiveDate> {
    tags.iter()
        .filter(|t| t.anchor == Anchor::Absolute && t.precision == Precision::Day)
        .filter_map(|t| t.interval.map(|(_, end)| end))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_come_in_order_and_match_one_pass() {
        let extractor = Extractor::builtin();
        let articles = crate::generate::corpus_of_size(3, 60_000);
        let whole = extract_corpus(
            Corpus {
                articles: articles.clone(),
                problems: Vec::new(),
            },
            &extractor,
        );
        let mut events = Vec::new();
        let mut paths = Vec::new();
        let done: Result<(), ()> = extract_in_chunks(
            Corpus {
                articles,
                problems: Vec::new(),
            },
            &extractor,
            3,
            |x| {
                events.append(&mut x.events);
                paths.extend(x.articles.drain(..).map(|a| a.path));
                Ok(())
            },
        );
        assert!(done.is_ok());
        assert_eq!(events, whole.events);
        let whole_paths: Vec<String> = whole.articles.into_iter().map(|a| a.path).collect();
        assert_eq!(paths, whole_paths);
    }

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
