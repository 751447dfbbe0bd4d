//! The app's state: settings persisted through eframe storage, and the loaded data with
//! its caches (store, filtered view, lanes, list order), rebuilt when something changes.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::corpus::{Article, Problem};
use crate::extract::Event;
use crate::timeline::{EventStore, Filter, FilteredView, LaneMode, Lanes};

/// Key of the settings in eframe storage.
pub const SETTINGS_KEY: &str = "dateline-settings";
/// How many actor lanes are drawn in actor mode.
pub const MAX_ACTOR_LANES: usize = 16;

/// What is remembered between sessions. Unknown or missing fields take their defaults.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub last_folder: Option<PathBuf>,
    pub recent: Vec<PathBuf>,
    pub filter: Filter,
    pub lane_mode: LaneMode,
    pub dark: bool,
}

impl Settings {
    /// Reads settings saved as JSON. A missing entry gives defaults silently; an unreadable
    /// one gives defaults and a sentence saying so.
    #[must_use]
    pub fn from_saved(saved: Option<&str>) -> (Self, Option<String>) {
        match saved {
            None => (Self::default(), None),
            Some(text) => match serde_json::from_str(text) {
                Ok(s) => (s, None),
                Err(e) => (
                    Self::default(),
                    Some(format!(
                        "The saved settings could not be read ({e}); starting with defaults."
                    )),
                ),
            },
        }
    }

    /// Puts `paths` first in the recent list (at most 8, no duplicates).
    pub fn remember(&mut self, paths: &[PathBuf]) {
        if let Some(first) = paths.first() {
            self.last_folder = Some(first.clone());
            self.recent.retain(|p| p != first);
            self.recent.insert(0, first.clone());
            self.recent.truncate(8);
        }
    }
}

pub use crate::timeline::store::SortColumn;

/// Everything loaded from the open paths, with caches derived from it.
#[derive(Default)]
pub struct Data {
    pub paths: Vec<PathBuf>,
    pub articles: Vec<Article>,
    /// Article path → index into `articles`.
    pub article_index: HashMap<String, usize>,
    /// Article path → the folder it was found under (where its `dateline.json` lives).
    pub roots: HashMap<String, PathBuf>,
    pub problems: Vec<Problem>,
    pub store: EventStore,
    pub filtered: FilteredView,
    pub lanes: Lanes,
    /// First start and last end day of the filtered, dated events.
    pub extent: Option<(f64, f64)>,
    /// The filtered events in list order, when it is not the store order (see
    /// [`Data::list_order`]).
    pub sorted_list: Option<Vec<u32>>,
    pub sort: (SortColumn, bool),
    /// The filter and lane mode `filtered` and `lanes` were computed for, while the store
    /// has not changed since.
    pub applied: Option<(Filter, LaneMode)>,
}

impl Data {
    /// Adds articles with the folder each was found under, keeping the indexes current.
    pub fn add_articles(&mut self, articles: Vec<(Article, PathBuf)>) {
        for (a, root) in articles {
            self.article_index
                .insert(a.path.clone(), self.articles.len());
            self.roots.insert(a.path.clone(), root);
            self.articles.push(a);
        }
    }

    #[must_use]
    pub fn article(&self, path: &str) -> Option<&Article> {
        self.articles.get(*self.article_index.get(path)?)
    }

    /// Makes `snapshot` the data shown: its store replaces the current one, and its
    /// filtered view, lanes and list order too when they were computed for `filter`,
    /// `lane_mode` and the current sort (else they are recomputed here). Returns what was
    /// replaced, to be dropped where it costs the UI nothing.
    pub fn install(
        &mut self,
        snapshot: Snapshot,
        filter: &Filter,
        lane_mode: LaneMode,
    ) -> Snapshot {
        let fits = snapshot.sort == self.sort
            && snapshot
                .applied
                .as_ref()
                .is_some_and(|(f, m)| f == filter && *m == lane_mode);
        let old = Snapshot {
            store: std::mem::replace(&mut self.store, snapshot.store),
            filtered: std::mem::replace(&mut self.filtered, snapshot.filtered),
            lanes: std::mem::replace(&mut self.lanes, snapshot.lanes),
            extent: std::mem::replace(&mut self.extent, snapshot.extent),
            sorted_list: std::mem::replace(&mut self.sorted_list, snapshot.sorted_list),
            applied: std::mem::replace(&mut self.applied, snapshot.applied),
            sort: snapshot.sort,
        };
        if !fits {
            self.applied = None;
            self.refilter(filter, lane_mode);
        }
        old
    }

    /// Takes the store with its filtered view, lanes and list order out, leaving them empty.
    #[must_use]
    pub fn take_snapshot(&mut self) -> Snapshot {
        Snapshot {
            store: std::mem::take(&mut self.store),
            filtered: std::mem::take(&mut self.filtered),
            lanes: std::mem::take(&mut self.lanes),
            extent: self.extent.take(),
            sorted_list: self.sorted_list.take(),
            applied: self.applied.take(),
            sort: self.sort,
        }
    }

    /// Replaces the events of `article` with `events`.
    pub fn replace_article_events(&mut self, article: &str, events: Vec<Event>) {
        let mut all = std::mem::take(&mut self.store).into_events();
        all.retain(|e| e.source.article != article);
        all.extend(events);
        self.store = EventStore::new(all);
        self.applied = None;
    }

    /// Replaces the events of every article in `replacements` with the events given for it,
    /// in one rebuild of the store.
    pub fn replace_events_of(&mut self, replacements: &HashMap<String, Vec<Event>>) {
        let mut all = std::mem::take(&mut self.store).into_events();
        all.retain(|e| !replacements.contains_key(&e.source.article));
        all.extend(replacements.values().flatten().cloned());
        self.store = EventStore::new(all);
        self.applied = None;
    }

    /// Recomputes the filtered view, lanes and list order. When only the event types changed
    /// (a click on a type), only the events of the types added or removed are looked at.
    pub fn refilter(&mut self, filter: &Filter, lane_mode: LaneMode) {
        let delta = match &self.applied {
            Some((old, mode)) if *mode == lane_mode => self.store.types_delta(old, filter),
            _ => None,
        };
        if let Some((added, removed)) = delta {
            self.store
                .reapply_types(&mut self.filtered, filter, &added, &removed);
            self.lanes.update_types(
                &self.store,
                &self.filtered,
                (&added, &removed),
                MAX_ACTOR_LANES,
            );
        } else {
            self.store.apply_into(filter, &mut self.filtered);
            self.lanes
                .build_into(&self.store, &self.filtered, lane_mode, MAX_ACTOR_LANES);
        }
        self.extent = match lane_mode {
            LaneMode::Type => self.lanes.extent(&self.filtered.starts),
            LaneMode::Actor => self.store.extent(&self.filtered),
        };
        self.applied = Some((filter.clone(), lane_mode));
        self.resort();
    }

    /// Recomputes the list order for the current sort (each column's order over the whole
    /// store is computed once and then only filtered).
    pub fn resort(&mut self) {
        let (col, descending) = self.sort;
        self.sorted_list = (col != SortColumn::Date || descending).then(|| {
            let mut order = self.store.order_by(col, &self.filtered);
            if descending {
                order.reverse();
            }
            order
        });
    }

    /// The filtered events in list order.
    #[must_use]
    pub fn list_order(&self) -> &[u32] {
        self.sorted_list
            .as_deref()
            .unwrap_or(&self.filtered.indices)
    }

    /// Number of events of each article (by path).
    #[must_use]
    pub fn events_per_article(&self) -> HashMap<&str, usize> {
        self.articles
            .iter()
            .map(|a| (a.path.as_str(), self.store.events_of_article(&a.path).len()))
            .collect()
    }
}

/// A store with what is derived from it for one filter, lane mode and sort, built by a
/// loading thread and installed by the UI in one step ([`Data::install`]).
#[derive(Debug, Default)]
pub struct Snapshot {
    pub store: EventStore,
    pub filtered: FilteredView,
    pub lanes: Lanes,
    pub extent: Option<(f64, f64)>,
    pub sorted_list: Option<Vec<u32>>,
    /// The filter and lane mode `filtered` and `lanes` were computed for (none: not
    /// computed).
    pub applied: Option<(Filter, LaneMode)>,
    pub sort: (SortColumn, bool),
}

/// What the filtered view, lanes and list order of a loading thread's snapshots are computed
/// for: the UI keeps it current while a load runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewSpec {
    pub filter: Filter,
    pub lane_mode: LaneMode,
    pub sort: (SortColumn, bool),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrupt_settings_fall_back_to_defaults_and_say_so() {
        let (s, note) = Settings::from_saved(Some("{ this is not json"));
        assert_eq!(s, Settings::default());
        assert!(note.unwrap().contains("could not be read"));
        let (s, note) = Settings::from_saved(Some(r#"{"dark": true, "unknown": 1}"#));
        assert!(s.dark && note.is_none());
        assert_eq!(Settings::from_saved(None).0, Settings::default());
    }

    #[test]
    fn recent_folders_are_unique_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(&[PathBuf::from(format!("/f{}", i % 10))]);
        }
        assert_eq!(s.recent.len(), 8);
        assert_eq!(s.recent[0], PathBuf::from("/f1"));
    }
}
