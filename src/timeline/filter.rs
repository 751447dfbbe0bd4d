//! The one filter shared by the timeline, the event list, the CLI and every export.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::extract::{Event, Status};

/// Which events to show. The default shows everything.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Filter {
    /// Event types to keep; empty keeps all.
    pub types: BTreeSet<String>,
    /// Keep events involving any of these actors (case-insensitive); empty keeps all.
    pub actors: BTreeSet<String>,
    /// Article paths to keep; empty keeps all.
    pub articles: BTreeSet<String>,
    /// Keep dated events whose interval ends on or after this day.
    pub from: Option<NaiveDate>,
    /// Keep dated events whose interval starts on or before this day.
    pub to: Option<NaiveDate>,
    /// Case-insensitive text that must occur in the summary, an actor, or the source text.
    pub query: String,
    /// Statuses to hide.
    pub hidden_statuses: BTreeSet<Status>,
    /// Hide events below this confidence.
    pub min_confidence: f32,
    /// Keep events with no resolved date when a date range is set.
    pub keep_undated: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Self {
            types: BTreeSet::new(),
            actors: BTreeSet::new(),
            articles: BTreeSet::new(),
            from: None,
            to: None,
            query: String::new(),
            hidden_statuses: BTreeSet::new(),
            min_confidence: 0.0,
            keep_undated: true,
        }
    }
}

impl Filter {
    /// True when the filter keeps every event.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Whether `event` passes.
    #[must_use]
    pub fn matches(&self, event: &Event) -> bool {
        if !self.types.is_empty() && !self.types.contains(&event.event_type) {
            return false;
        }
        if !self.articles.is_empty() && !self.articles.contains(&event.source.article) {
            return false;
        }
        if self.hidden_statuses.contains(&event.status) || event.confidence < self.min_confidence {
            return false;
        }
        if !self.actors.is_empty()
            && !event
                .actors
                .iter()
                .any(|a| self.actors.iter().any(|f| f.eq_ignore_ascii_case(a)))
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            match event.when.as_ref().and_then(|w| w.start.zip(w.end)) {
                Some((a, b)) => {
                    let (start, end) = (a.min(b), a.max(b));
                    if self.from.is_some_and(|f| end < f) || self.to.is_some_and(|t| start > t) {
                        return false;
                    }
                }
                None => {
                    if !self.keep_undated {
                        return false;
                    }
                }
            }
        }
        if !self.query.is_empty() && !Self::text_matches(event, &self.query.to_lowercase()) {
            return false;
        }
        true
    }

    /// Whether the lowercased query `q` occurs in the summary, the source text or an actor
    /// of `event` (each lowercased).
    #[must_use]
    pub fn text_matches(event: &Event, q: &str) -> bool {
        event.summary.to_lowercase().contains(q)
            || event.source.text.to_lowercase().contains(q)
            || event.actors.iter().any(|a| a.to_lowercase().contains(q))
    }
}
