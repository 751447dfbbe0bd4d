//! The event store: events sorted by start day with columns for fast filtering,
//! the filtered view, and lanes for drawing.

use std::collections::HashMap;

use rayon::prelude::*;

use super::filter::Filter;
use super::view::day_number;
use crate::extract::{Event, Status};
use crate::temporal::Anchor;

/// Events sorted by start day (dated first, then undated), with per-event columns.
///
/// Indices (`u32`) refer to positions in [`EventStore::events`]; they change whenever the
/// store is rebuilt, so long-lived references use the event id.
#[derive(Debug, Default)]
pub struct EventStore {
    events: Vec<Event>,
    n_dated: usize,
    /// Start day of each dated event (inclusive), see [`day_number`].
    start: Vec<f64>,
    /// End day of each dated event (exclusive: a one-day event covers `[d, d + 1)`).
    end: Vec<f64>,
    type_id: Vec<u16>,
    types: Vec<String>,
    type_counts: Vec<u32>,
    actor_off: Vec<u32>,
    actor_ids: Vec<u32>,
    actors: Vec<String>,
    actor_counts: Vec<u32>,
    article_id: Vec<u32>,
    articles: Vec<String>,
    article_lookup: HashMap<String, u32>,
    /// Events of each article (by article id), in store order.
    by_article: Vec<Vec<u32>>,
    status: Vec<Status>,
    confidence: Vec<f32>,
    /// Summary, source text and actors of each event, lowercased once for text search.
    text_lower: Vec<Box<str>>,
}

fn interval(e: &Event) -> Option<(f64, f64)> {
    let w = e.when.as_ref()?;
    let (s, t) = w.start.zip(w.end)?;
    let (s, t) = (day_number(s), day_number(t));
    Some((s.min(t), s.max(t) + 1.0))
}

fn intern(map: &mut HashMap<String, u32>, names: &mut Vec<String>, name: &str) -> u32 {
    if let Some(&id) = map.get(name) {
        return id;
    }
    let id = u32::try_from(names.len()).unwrap_or(u32::MAX);
    map.insert(name.to_owned(), id);
    names.push(name.to_owned());
    id
}

impl EventStore {
    /// Builds the store from events in any order.
    #[must_use]
    pub fn new(mut events: Vec<Event>) -> Self {
        let mut keyed: Vec<(f64, f64, usize)> = events
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (s, t) = interval(e).unwrap_or((f64::INFINITY, f64::INFINITY));
                (s, t, i)
            })
            .collect();
        keyed.par_sort_unstable_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then(a.1.total_cmp(&b.1))
                .then(a.2.cmp(&b.2))
        });
        let mut slots: Vec<Option<Event>> = events.drain(..).map(Some).collect();
        let sorted: Vec<Event> = keyed
            .iter()
            .filter_map(|&(_, _, i)| slots.get_mut(i).and_then(Option::take))
            .collect();
        let n_dated = keyed.iter().take_while(|k| k.0.is_finite()).count();
        let start = keyed.iter().take(n_dated).map(|k| k.0).collect();
        let end = keyed.iter().take(n_dated).map(|k| k.1).collect();

        let mut store = Self {
            n_dated,
            start,
            end,
            ..Self::default()
        };
        let (mut type_map, mut actor_map, mut article_map) =
            (HashMap::new(), HashMap::new(), HashMap::new());
        let mut lower_actor: HashMap<String, u32> = HashMap::new();
        store.actor_off.push(0);
        for e in &sorted {
            let t = intern(&mut type_map, &mut store.types, &e.event_type);
            store.type_id.push(u16::try_from(t).unwrap_or(u16::MAX));
            for a in &e.actors {
                // Actors are matched case-insensitively, like `Filter::matches`.
                let key = a.to_lowercase();
                let id = match lower_actor.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = intern(&mut actor_map, &mut store.actors, a);
                        lower_actor.insert(key, id);
                        id
                    }
                };
                store.actor_ids.push(id);
            }
            store
                .actor_off
                .push(u32::try_from(store.actor_ids.len()).unwrap_or(u32::MAX));
            store.article_id.push(intern(
                &mut article_map,
                &mut store.articles,
                &e.source.article,
            ));
            store.status.push(e.status);
            store.confidence.push(e.confidence);
        }
        store.text_lower = sorted
            .par_iter()
            .map(|e| {
                let mut s = String::with_capacity(e.summary.len() + e.source.text.len() + 32);
                s.push_str(&e.summary);
                s.push('\u{1}');
                s.push_str(&e.source.text);
                for a in &e.actors {
                    s.push('\u{1}');
                    s.push_str(a);
                }
                s.to_lowercase().into_boxed_str()
            })
            .collect();
        store.type_counts = vec![0; store.types.len()];
        for &t in &store.type_id {
            if let Some(c) = store.type_counts.get_mut(usize::from(t)) {
                *c += 1;
            }
        }
        store.actor_counts = vec![0; store.actors.len()];
        for &a in &store.actor_ids {
            if let Some(c) = store.actor_counts.get_mut(a as usize) {
                *c += 1;
            }
        }
        store.by_article = vec![Vec::new(); store.articles.len()];
        for (i, &a) in store.article_id.iter().enumerate() {
            if let (Some(list), Ok(i)) = (store.by_article.get_mut(a as usize), u32::try_from(i)) {
                list.push(i);
            }
        }
        store.article_lookup = article_map;
        store.events = sorted;
        store
    }

    /// All events, dated ones first in order of start day.
    #[must_use]
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Takes the events out, leaving the store empty.
    #[must_use]
    pub fn into_events(self) -> Vec<Event> {
        self.events
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.events.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// How many events have a resolved date (they come first).
    #[must_use]
    pub fn n_dated(&self) -> usize {
        self.n_dated
    }

    #[must_use]
    pub fn get(&self, i: u32) -> Option<&Event> {
        self.events.get(i as usize)
    }

    /// Start (inclusive) and end (exclusive) day of event `i`, when dated.
    #[must_use]
    pub fn span(&self, i: u32) -> Option<(f64, f64)> {
        Some((*self.start.get(i as usize)?, *self.end.get(i as usize)?))
    }

    /// True when event `i`'s date rests on an estimated article date.
    #[must_use]
    pub fn is_estimated(&self, i: u32) -> bool {
        self.get(i)
            .and_then(|e| e.when.as_ref())
            .is_some_and(|w| w.anchor == Anchor::Estimate)
    }

    /// Event types in order of first appearance, with their counts.
    #[must_use]
    pub fn types(&self) -> Vec<(&str, u32)> {
        self.types
            .iter()
            .map(String::as_str)
            .zip(self.type_counts.iter().copied())
            .collect()
    }

    /// Type id of event `i` (an index into [`EventStore::types`]).
    #[must_use]
    pub fn type_of(&self, i: u32) -> Option<u16> {
        self.type_id.get(i as usize).copied()
    }

    /// Actors (first spelling seen) with their event counts.
    #[must_use]
    pub fn actors(&self) -> Vec<(&str, u32)> {
        self.actors
            .iter()
            .map(String::as_str)
            .zip(self.actor_counts.iter().copied())
            .collect()
    }

    /// Actor ids of event `i`.
    #[must_use]
    pub fn actors_of(&self, i: u32) -> &[u32] {
        let i = i as usize;
        match (self.actor_off.get(i), self.actor_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self.actor_ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Earliest start and latest end over the dated events of `indices` (sorted).
    #[must_use]
    pub fn extent(&self, view: &FilteredView) -> Option<(f64, f64)> {
        let first = *view.starts.first()?;
        let last_end = view
            .indices
            .iter()
            .take(view.starts.len())
            .filter_map(|&i| self.end.get(i as usize))
            .fold(f64::NEG_INFINITY, |a, &b| a.max(b));
        Some((first, last_end))
    }

    /// The events of the article with this path, in store order.
    #[must_use]
    pub fn events_of_article(&self, path: &str) -> &[u32] {
        self.article_lookup
            .get(path)
            .and_then(|&a| self.by_article.get(a as usize))
            .map_or(&[], Vec::as_slice)
    }

    /// The position of the event with this id.
    #[must_use]
    pub fn find_id(&self, id: &str) -> Option<u32> {
        self.events
            .iter()
            .position(|e| e.id == id)
            .and_then(|p| u32::try_from(p).ok())
    }

    /// Applies `filter` over the columns; the result equals keeping the events for which
    /// [`Filter::matches`] is true, in store order.
    #[must_use]
    pub fn apply(&self, filter: &Filter) -> FilteredView {
        let compiled = Compiled::new(self, filter);
        let n = u32::try_from(self.events.len()).unwrap_or(u32::MAX);
        let chunk = 1 << 16;
        // Each chunk keeps its passing indices and, for dated ones, their start days.
        let parts: Vec<(Vec<u32>, Vec<f64>)> = (0..n.div_ceil(chunk))
            .into_par_iter()
            .map(|c| {
                let lo = c * chunk;
                let hi = (lo + chunk).min(n);
                let kept: Vec<u32> = (lo..hi).filter(|&i| compiled.keep(self, i)).collect();
                let starts = kept
                    .iter()
                    .map_while(|&i| self.start.get(i as usize).copied())
                    .collect();
                (kept, starts)
            })
            .collect();
        let total: usize = parts.iter().map(|p| p.0.len()).sum();
        let mut indices = Vec::with_capacity(total);
        let mut starts = Vec::with_capacity(total);
        for (kept, s) in parts {
            indices.extend(kept);
            starts.extend(s);
        }
        FilteredView { indices, starts }
    }
}

/// A filter turned into lookups over the store's columns.
struct Compiled<'a> {
    filter: &'a Filter,
    /// Per type id: kept? `None` keeps all.
    types: Option<Vec<bool>>,
    actors: Option<Vec<bool>>,
    articles: Option<Vec<bool>>,
    from: Option<f64>,
    to: Option<f64>,
    query: String,
    /// Per status (by discriminant): hidden?
    hidden: [bool; 5],
}

fn status_slot(s: Status) -> usize {
    match s {
        Status::Reported => 0,
        Status::Alleged => 1,
        Status::Denied => 2,
        Status::Planned => 3,
        Status::Hypothetical => 4,
    }
}

impl<'a> Compiled<'a> {
    fn new(store: &EventStore, filter: &'a Filter) -> Self {
        let types = (!filter.types.is_empty()).then(|| {
            store
                .types
                .iter()
                .map(|t| filter.types.contains(t))
                .collect()
        });
        let actors = (!filter.actors.is_empty()).then(|| {
            store
                .actors
                .iter()
                .map(|a| filter.actors.iter().any(|f| f.eq_ignore_ascii_case(a)))
                .collect()
        });
        let articles = (!filter.articles.is_empty()).then(|| {
            store
                .articles
                .iter()
                .map(|a| filter.articles.contains(a))
                .collect()
        });
        Self {
            filter,
            types,
            actors,
            articles,
            from: filter.from.map(day_number),
            to: filter.to.map(day_number),
            query: filter.query.to_lowercase(),
            hidden: {
                let mut h = [false; 5];
                for &st in &filter.hidden_statuses {
                    if let Some(slot) = h.get_mut(status_slot(st)) {
                        *slot = true;
                    }
                }
                h
            },
        }
    }

    fn keep(&self, store: &EventStore, i: u32) -> bool {
        let u = i as usize;
        if let Some(types) = &self.types {
            let t = store.type_id.get(u).copied().unwrap_or(u16::MAX);
            if !types.get(usize::from(t)).copied().unwrap_or(false) {
                return false;
            }
        }
        if let Some(articles) = &self.articles {
            let a = store.article_id.get(u).copied().unwrap_or(u32::MAX);
            if !articles.get(a as usize).copied().unwrap_or(false) {
                return false;
            }
        }
        let status = store.status.get(u).copied().unwrap_or_default();
        if self
            .hidden
            .get(status_slot(status))
            .copied()
            .unwrap_or(false)
            || store.confidence.get(u).copied().unwrap_or(0.0) < self.filter.min_confidence
        {
            return false;
        }
        if let Some(actors) = &self.actors
            && !store
                .actors_of(i)
                .iter()
                .any(|&a| actors.get(a as usize).copied().unwrap_or(false))
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            match store.span(i) {
                Some((s, e)) => {
                    // `end` is exclusive; the filter compares inclusive last days.
                    let last = e - 1.0;
                    if self.from.is_some_and(|f| last < f) || self.to.is_some_and(|t| s > t) {
                        return false;
                    }
                }
                None => {
                    if !self.filter.keep_undated {
                        return false;
                    }
                }
            }
        }
        if !self.query.is_empty() {
            let text = store.text_lower.get(u).map_or("", |s| s);
            if !text.contains(self.query.as_str()) {
                return false;
            }
        }
        true
    }
}

/// The events that pass the current filter.
#[derive(Clone, Debug, Default)]
pub struct FilteredView {
    /// Store indices, ascending: dated events (by start day) then undated ones.
    pub indices: Vec<u32>,
    /// Start days of the dated events among `indices` (a prefix of it), ascending.
    pub starts: Vec<f64>,
}

impl FilteredView {
    /// How many events pass.
    #[must_use]
    pub fn len(&self) -> usize {
        self.indices.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.indices.is_empty()
    }

    /// The dated events that pass.
    #[must_use]
    pub fn dated(&self) -> &[u32] {
        self.indices.get(..self.starts.len()).unwrap_or(&[])
    }

    /// The undated events that pass.
    #[must_use]
    pub fn undated(&self) -> &[u32] {
        self.indices.get(self.starts.len()..).unwrap_or(&[])
    }

    /// Event counts per one-pixel column of a strip `width_px` wide showing
    /// `[first_day, last_day)`: one binary search per column.
    #[must_use]
    pub fn density(&self, first_day: f64, last_day: f64, width_px: usize) -> Vec<u32> {
        let mut out = Vec::with_capacity(width_px);
        if width_px == 0 || last_day <= first_day {
            return out;
        }
        #[allow(clippy::cast_precision_loss)] // pixel counts are small
        let per_px = (last_day - first_day) / width_px as f64;
        let mut prev = self.starts.partition_point(|&s| s < first_day);
        for px in 1..=width_px {
            #[allow(clippy::cast_precision_loss)]
            let edge = first_day + per_px * px as f64;
            let next = prev
                + self
                    .starts
                    .get(prev..)
                    .map_or(0, |s| s.partition_point(|&d| d < edge));
            out.push(u32::try_from(next - prev).unwrap_or(u32::MAX));
            prev = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::synthetic::synthetic_events;

    #[test]
    fn sorted_by_start_with_undated_last() {
        let store = EventStore::new(synthetic_events(2000, 7));
        assert_eq!(store.len(), 2000);
        assert!(store.n_dated() > 0 && store.n_dated() < 2000);
        let starts: Vec<f64> = (0..store.n_dated())
            .map(|i| store.span(u32::try_from(i).unwrap()).unwrap().0)
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
        for i in store.n_dated()..store.len() {
            assert!(store.span(u32::try_from(i).unwrap()).is_none());
        }
    }

    #[test]
    fn apply_equals_filter_matches() {
        let store = EventStore::new(synthetic_events(3000, 11));
        let types: Vec<String> = store.types().iter().map(|t| t.0.to_owned()).collect();
        let actors: Vec<String> = store.actors().iter().map(|a| a.0.to_owned()).collect();
        let mut filters = vec![Filter::default()];
        let mut f = Filter::default();
        f.types.insert(types[0].clone());
        filters.push(f.clone());
        f.actors.insert(actors[3].to_uppercase());
        filters.push(f);
        let mut f = Filter {
            from: chrono::NaiveDate::from_ymd_opt(2005, 1, 1),
            to: chrono::NaiveDate::from_ymd_opt(2010, 6, 30),
            ..Filter::default()
        };
        filters.push(f.clone());
        f.keep_undated = false;
        filters.push(f);
        let mut f = Filter {
            query: "MISSILE".into(),
            ..Filter::default()
        };
        f.hidden_statuses.insert(Status::Alleged);
        f.min_confidence = 0.5;
        filters.push(f);
        let mut f = Filter::default();
        f.articles.insert(store.events()[5].source.article.clone());
        filters.push(f);
        for f in &filters {
            let expected: Vec<u32> = (0..store.len())
                .filter(|&i| f.matches(&store.events()[i]))
                .map(|i| u32::try_from(i).unwrap())
                .collect();
            let got = store.apply(f);
            assert_eq!(got.indices, expected, "{f:?}");
            assert!(got.starts.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn events_of_article_lists_exactly_its_events() {
        let store = EventStore::new(synthetic_events(1000, 8));
        let path = store.events()[10].source.article.clone();
        let got = store.events_of_article(&path);
        assert!(!got.is_empty());
        assert!(
            got.iter()
                .all(|&i| store.get(i).unwrap().source.article == path)
        );
        let n = store
            .events()
            .iter()
            .filter(|e| e.source.article == path)
            .count();
        assert_eq!(got.len(), n);
        assert!(store.events_of_article("nope").is_empty());
    }

    #[test]
    fn density_counts_every_visible_event_once() {
        let store = EventStore::new(synthetic_events(5000, 3));
        let view = store.apply(&Filter::default());
        let (lo, hi) = store.extent(&view).unwrap();
        let bins = view.density(lo, hi + 1.0, 300);
        assert_eq!(bins.len(), 300);
        assert_eq!(
            bins.iter().map(|&b| b as usize).sum::<usize>(),
            view.starts.len()
        );
        assert!(view.density(5.0, 1.0, 10).is_empty());
    }
}
