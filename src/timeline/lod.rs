//! Lanes and level-of-detail layout: what to draw for a view, in pixels, merging events
//! closer than a few pixels into counted clusters (like Rerun's `compute_render_items`).
//! The cost follows the number of pixels, not the number of events.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::store::{EventStore, FilteredView, gallop};
use super::view::TimeView;

/// How events are split into horizontal lanes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum LaneMode {
    #[default]
    Type,
    Actor,
}

/// Events longer than this many days are kept apart so that culling stays tight.
const LONG_DAYS: f64 = 400.0;
/// Items whose starts are closer than this merge into one cluster.
pub const MERGE_PX: f64 = 8.0;
/// A cluster grows at most this wide before a new one starts.
pub const MAX_CLUSTER_PX: f64 = 44.0;
/// At most this many events overlapping the left edge are drawn one by one.
const MAX_SPANNING: usize = 6;

/// One lane: the filtered events of one type or actor, sorted by start.
#[derive(Clone, Debug, Default)]
pub struct Lane {
    pub label: String,
    /// Type id or actor id in the store.
    pub key: u32,
    starts: Vec<f64>,
    idx: Vec<u32>,
    max_len: f64,
    long: Vec<u32>,
    /// Latest end of the lane's events.
    max_end: f64,
}

impl Lane {
    /// Number of dated events in the lane.
    #[must_use]
    pub fn len(&self) -> usize {
        self.idx.len() + self.long.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lanes of the filtered, dated events.
#[derive(Clone, Debug, Default)]
pub struct Lanes {
    pub mode: LaneMode,
    pub lanes: Vec<Lane>,
}

impl Lanes {
    /// Splits the dated events of `view` into lanes: one per type (sorted by name), or one
    /// per actor for the `max_actor_lanes` actors with most events.
    #[must_use]
    pub fn build(
        store: &EventStore,
        view: &FilteredView,
        mode: LaneMode,
        max_actor_lanes: usize,
    ) -> Self {
        let mut lanes = Self::default();
        lanes.build_into(store, view, mode, max_actor_lanes);
        lanes
    }

    /// [`Lanes::build`] into `self`, reusing the memory of its lanes.
    pub fn build_into(
        &mut self,
        store: &EventStore,
        view: &FilteredView,
        mode: LaneMode,
        max_actor_lanes: usize,
    ) {
        let mut spare: Vec<Lane> = std::mem::take(&mut self.lanes);
        let dated = view.dated();
        let (keys, labels): (Vec<u32>, Vec<String>) = match mode {
            LaneMode::Type => {
                let mut types: Vec<(u32, String)> = store
                    .types()
                    .iter()
                    .enumerate()
                    .map(|(i, (t, _))| (u32::try_from(i).unwrap_or(u32::MAX), (*t).to_owned()))
                    .collect();
                types.sort_by(|a, b| a.1.cmp(&b.1));
                types.into_iter().unzip()
            }
            LaneMode::Actor => {
                let actors = store.actors();
                let mut counts = vec![0u32; actors.len()];
                for &i in dated {
                    for &a in store.actors_of(i) {
                        if let Some(c) = counts.get_mut(a as usize) {
                            *c += 1;
                        }
                    }
                }
                let mut ids: Vec<u32> = (0..u32::try_from(actors.len()).unwrap_or(u32::MAX))
                    .filter(|&a| counts.get(a as usize).is_some_and(|&c| c > 0))
                    .collect();
                ids.sort_by_key(|&a| {
                    std::cmp::Reverse(counts.get(a as usize).copied().unwrap_or(0))
                });
                ids.truncate(max_actor_lanes);
                ids.iter()
                    .map(|&a| {
                        (
                            a,
                            actors
                                .get(a as usize)
                                .map_or(String::new(), |x| x.0.to_owned()),
                        )
                    })
                    .unzip()
            }
        };
        // Map store key -> lane position.
        let max_key = keys.iter().copied().max().map_or(0, |k| k as usize + 1);
        let mut slot = vec![usize::MAX; max_key];
        for (pos, &k) in keys.iter().enumerate() {
            if let Some(s) = slot.get_mut(k as usize) {
                *s = pos;
            }
        }
        let mut lanes: Vec<Lane> = keys
            .iter()
            .zip(labels)
            .map(|(&key, label)| {
                let mut lane = spare.pop().unwrap_or_default();
                lane.clear();
                lane.label = label;
                lane.key = key;
                lane
            })
            .collect();
        // Type lanes of a view holding most events are read off the store's lists of each
        // type's events; a sparse view is sorted into lanes from its own list.
        if mode == LaneMode::Type && dated.len() >= store.n_dated() / 8 {
            lanes
                .par_iter_mut()
                .for_each(|lane| lane.fill_type(store, view));
        } else {
            // Chunks of events are sorted into lanes in parallel; concatenating the chunks
            // in order keeps every lane sorted by start.
            let parts: Vec<Vec<Lane>> = dated
                .par_chunks(1 << 16)
                .map(|ids| fill(store, ids, mode, &slot, keys.len()))
                .collect();
            for part in parts {
                for (l, p) in lanes.iter_mut().zip(part) {
                    if !p.is_empty() {
                        l.max_end = if l.is_empty() {
                            p.max_end
                        } else {
                            l.max_end.max(p.max_end)
                        };
                    }
                    l.starts.extend(p.starts);
                    l.idx.extend(p.idx);
                    l.long.extend(p.long);
                    l.max_len = l.max_len.max(p.max_len);
                }
            }
        }
        lanes.retain(|l| !l.is_empty());
        *self = Self { mode, lanes };
    }

    /// Updates type lanes built for a view to a view that differs in the types `added` and
    /// `removed` only (see `EventStore::types_delta`): the lanes of the other types stay as
    /// they are. Lanes by actor are rebuilt.
    pub fn update_types(
        &mut self,
        store: &EventStore,
        view: &FilteredView,
        (added, removed): (&[u16], &[u16]),
        max_actor_lanes: usize,
    ) {
        if self.mode != LaneMode::Type {
            *self = Self::build(store, view, self.mode, max_actor_lanes);
            return;
        }
        self.lanes
            .retain(|l| !removed.iter().any(|&t| u32::from(t) == l.key));
        let types = store.types();
        let new: Vec<Lane> = added
            .par_iter()
            .map(|&t| {
                let mut lane = Lane {
                    label: types
                        .get(usize::from(t))
                        .map_or_else(String::new, |x| x.0.to_owned()),
                    key: u32::from(t),
                    ..Lane::default()
                };
                lane.fill_type(store, view);
                lane
            })
            .collect();
        for lane in new {
            if !lane.is_empty() {
                let at = self.lanes.partition_point(|l| l.label < lane.label);
                self.lanes.insert(at, lane);
            }
        }
    }

    /// Earliest start and latest end of the events in the lanes, which in type lanes are
    /// all the dated events of the view (`view.starts` is the view's starts).
    #[must_use]
    pub fn extent(&self, starts: &[f64]) -> Option<(f64, f64)> {
        let first = *starts.first()?;
        let last = self
            .lanes
            .iter()
            .filter(|l| !l.is_empty())
            .map(|l| l.max_end)
            .fold(f64::NEG_INFINITY, f64::max);
        Some((first, last))
    }
}

impl Lane {
    /// Fills a type lane (`key` is the type id) with that type's dated events in `view`.
    fn fill_type(&mut self, store: &EventStore, view: &FilteredView) {
        let t = u16::try_from(self.key).unwrap_or(u16::MAX);
        let (positions, starts, ends) = store.dated_of_type(t);
        for ((&i, &start), &end) in positions.iter().zip(starts).zip(ends) {
            if view.contains(i) {
                self.push(i, start, end);
            }
        }
    }

    /// Empties the lane, keeping its memory.
    fn clear(&mut self) {
        self.starts.clear();
        self.idx.clear();
        self.long.clear();
        self.max_len = 0.0;
        self.max_end = 0.0;
    }

    fn push(&mut self, i: u32, start: f64, end: f64) {
        self.max_end = if self.is_empty() {
            end
        } else {
            self.max_end.max(end)
        };
        let len = end - start;
        if len > LONG_DAYS {
            self.long.push(i);
        } else {
            self.starts.push(start);
            self.idx.push(i);
            self.max_len = self.max_len.max(len);
        }
    }
}

/// Sorts the events `ids` into `n_lanes` unlabelled lanes (`slot` maps a type or actor id
/// to its lane).
fn fill(
    store: &EventStore,
    ids: &[u32],
    mode: LaneMode,
    slot: &[usize],
    n_lanes: usize,
) -> Vec<Lane> {
    let mut lanes = vec![Lane::default(); n_lanes];
    for &i in ids {
        let Some((start, end)) = store.span(i) else {
            continue;
        };
        let mut put = |key: usize| {
            let lane = slot.get(key).copied().unwrap_or(usize::MAX);
            if let Some(l) = lanes.get_mut(lane) {
                l.push(i, start, end);
            }
        };
        match mode {
            LaneMode::Type => put(store.type_of(i).map_or(usize::MAX, usize::from)),
            LaneMode::Actor => store.actors_of(i).iter().for_each(|&a| put(a as usize)),
        }
    }
    lanes
}

/// What an item on the canvas stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ItemKind {
    /// One event (store index).
    Event(u32),
    /// Several events merged; `first_day..last_day` covers their starts.
    Cluster {
        count: u32,
        first_day: f64,
        last_day: f64,
    },
}

/// One thing to draw, in pixels from the canvas's left edge.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Item {
    pub lane: usize,
    pub x0: f64,
    pub x1: f64,
    pub kind: ItemKind,
}

/// Lays out every lane for `view` over `width_px`, appending to `out`.
pub fn layout(
    store: &EventStore,
    lanes: &Lanes,
    view: &TimeView,
    width_px: f64,
    out: &mut Vec<Item>,
) {
    for (n, lane) in lanes.lanes.iter().enumerate() {
        layout_lane(store, n, lane, view, width_px, out);
    }
}

fn push_events(store: &EventStore, lane: usize, ids: &[u32], view: &TimeView, out: &mut Vec<Item>) {
    if ids.len() <= MAX_SPANNING {
        for &i in ids {
            if let Some((s, e)) = store.span(i) {
                out.push(Item {
                    lane,
                    x0: view.x_of(s),
                    x1: view.x_of(e),
                    kind: ItemKind::Event(i),
                });
            }
        }
    } else {
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for &i in ids {
            if let Some((s, e)) = store.span(i) {
                lo = lo.min(s);
                hi = hi.max(e);
            }
        }
        out.push(Item {
            lane,
            x0: view.x_of(lo),
            x1: view.x_of(hi),
            kind: ItemKind::Cluster {
                count: u32::try_from(ids.len()).unwrap_or(u32::MAX),
                first_day: lo,
                last_day: hi,
            },
        });
    }
}

fn layout_lane(
    store: &EventStore,
    n: usize,
    lane: &Lane,
    view: &TimeView,
    width_px: f64,
    out: &mut Vec<Item>,
) {
    let left = view.left_day;
    let right = view.right_day(width_px);
    // Long events overlapping the view.
    let long: Vec<u32> = lane
        .long
        .iter()
        .copied()
        .filter(|&i| store.span(i).is_some_and(|(s, e)| s < right && e > left))
        .collect();
    push_events(store, n, &long, view, out);
    // Events starting before the left edge that reach into the view.
    let a0 = lane.starts.partition_point(|&s| s < left - lane.max_len);
    let a1 = lane.starts.partition_point(|&s| s < left);
    let spanning: Vec<u32> = lane
        .idx
        .get(a0..a1)
        .unwrap_or(&[])
        .iter()
        .copied()
        .filter(|&i| store.span(i).is_some_and(|(_, e)| e > left))
        .collect();
    push_events(store, n, &spanning, view, out);
    // Events starting in the view, merged when closer than MERGE_PX.
    let hi = lane.starts.partition_point(|&s| s < right);
    let starts = lane.starts.get(..hi).unwrap_or(&[]);
    let next_at = |from: usize, limit_day: f64| -> usize { gallop(starts, from, limit_day) };
    let mut i = a1;
    while i < hi {
        let Some(&s) = starts.get(i) else { break };
        let x = view.x_of(s);
        let mut j = next_at(i, view.day_at(x + MERGE_PX)).max(i + 1);
        if j == i + 1 {
            if let (Some(&idx), Some((_, e))) = (
                lane.idx.get(i),
                lane.idx.get(i).and_then(|&k| store.span(k)),
            ) {
                out.push(Item {
                    lane: n,
                    x0: x,
                    x1: view.x_of(e),
                    kind: ItemKind::Event(idx),
                });
            }
            i = j;
            continue;
        }
        loop {
            let last_x = starts.get(j - 1).map_or(x, |&d| view.x_of(d));
            let limit = (last_x + MERGE_PX).min(x + MAX_CLUSTER_PX);
            let k = next_at(j, view.day_at(limit));
            if k == j {
                break;
            }
            j = k;
        }
        let last = starts.get(j - 1).copied().unwrap_or(s);
        out.push(Item {
            lane: n,
            x0: x,
            x1: view.x_of(last),
            kind: ItemKind::Cluster {
                count: u32::try_from(j - i).unwrap_or(u32::MAX),
                first_day: s,
                last_day: last + 1.0,
            },
        });
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::Filter;
    use crate::timeline::synthetic::synthetic_events;

    fn count(items: &[Item]) -> u64 {
        items
            .iter()
            .map(|it| match it.kind {
                ItemKind::Event(_) => 1,
                ItemKind::Cluster { count, .. } => u64::from(count),
            })
            .sum()
    }

    #[test]
    fn zoomed_out_every_event_is_counted_once_and_items_stay_few() {
        let store = EventStore::new(synthetic_events(20_000, 5));
        let view = store.apply(&Filter::default());
        let lanes = Lanes::build(&store, &view, LaneMode::Type, 12);
        assert_eq!(
            lanes.lanes.iter().map(Lane::len).sum::<usize>(),
            view.dated().len()
        );
        let (lo, hi) = store.extent(&view).unwrap();
        let tv = TimeView::fit(lo, hi, 1000.0);
        let mut items = Vec::new();
        layout(&store, &lanes, &tv, 1000.0, &mut items);
        assert_eq!(count(&items), view.dated().len() as u64);
        assert!(items.len() < 10 * 1000 / 4, "{} items", items.len());
    }

    #[test]
    fn clusters_split_when_zooming_in() {
        let store = EventStore::new(synthetic_events(20_000, 5));
        let view = store.apply(&Filter::default());
        let lanes = Lanes::build(&store, &view, LaneMode::Type, 12);
        let (lo, hi) = store.extent(&view).unwrap();
        let mut tv = TimeView::fit(lo, hi, 1000.0);
        let mut singles = Vec::new();
        for _ in 0..12 {
            let mut items = Vec::new();
            layout(&store, &lanes, &tv, 1000.0, &mut items);
            singles.push(
                items
                    .iter()
                    .filter(|i| matches!(i.kind, ItemKind::Event(_)))
                    .count(),
            );
            tv = tv.zoom_at(500.0, 2.0);
        }
        assert!(singles.last() > singles.first(), "{singles:?}");
    }

    #[test]
    fn actor_lanes_are_the_busiest_actors() {
        let store = EventStore::new(synthetic_events(5_000, 2));
        let view = store.apply(&Filter::default());
        let lanes = Lanes::build(&store, &view, LaneMode::Actor, 5);
        assert_eq!(lanes.lanes.len(), 5);
        assert!(lanes.lanes.windows(2).all(|w| w[0].len() >= w[1].len()));
    }
}
