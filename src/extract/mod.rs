//! Events: types, triggers, actors, status, confidence, and the date each one takes.

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::temporal::When;

/// How the text presents an event.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Reported,
    Alleged,
    Denied,
    Planned,
    Hypothetical,
}

/// Where an event came from: `text == article_text[start..end]` exactly.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Article path relative to the folder given.
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub summary: String,
    pub actors: Vec<String>,
    /// Who the event is aimed at, where stated (also listed in `actors`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub status: Status,
    pub confidence: f32,
    pub when: Option<When>,
    pub source: Source,
    /// The word or phrase that signals the event, as a byte range in the article text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<(usize, usize)>,
}

/// The event extractor with its vocabularies (event types, actors and aliases).
#[derive(Clone, Debug, Default)]
pub struct Extractor {}

impl Extractor {
    /// The extractor with the vocabularies shipped in `assets/`.
    #[must_use]
    pub fn builtin() -> Self {
        Self {}
    }

    /// Extracts the events of one article.
    #[must_use]
    pub fn extract(&self, article: &Article) -> Vec<Event> {
        let _ = article;
        Vec::new()
    }
}
