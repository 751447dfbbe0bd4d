//! The event store: events sorted by start day with columns for fast filtering,
//! the filtered view, and lanes for drawing.
//!
//! Events are kept in the order they arrived (so that a batch arriving while a folder loads
//! is appended, never moved), one shared segment per batch, and reached through `ev`, the
//! arrival index of each store position. Cloning a store copies its columns but shares the
//! segments, so a loading thread can hand out copies of the store it is growing. The columns used for filtering and drawing (start, end, type, actors, article,
//! status, confidence) are in store order; merging a new batch in is one linear pass over
//! them. The text searched by the free-text filter is one lowercased buffer in arrival
//! order, searched with a SIMD substring finder.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;

use super::filter::Filter;
use super::view::day_number;
use crate::extract::{Event, Status};
use crate::temporal::Anchor;
use crate::text::hash::FxBuild;

/// Events per unit of parallel work.
const CHUNK: usize = 1 << 15;
/// Words of the keep mask per unit of parallel work (`CHUNK` events).
const CHUNK_WORDS: usize = CHUNK / 64;
/// Separates the fields of one event in the search buffer. A query containing it is
/// checked field by field instead.
const FIELD_SEP: char = '\u{1}';

/// Columns the event list can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortColumn {
    #[default]
    Date,
    Type,
    Actors,
    Article,
    Summary,
}

/// A batch of events made ready to be added to a store: sorted among themselves, their
/// search text lowercased, their types, articles and actors numbered within the batch.
/// Built where it costs nothing to the UI (a loading thread), in parallel where it can be,
/// so that adding it to a store looks up each distinct name once, not each event's.
#[derive(Debug, Default)]
pub struct PreparedEvents {
    /// The events with their search text, in pieces that become the store's segments as
    /// they are (so that events are not moved again to make one list).
    parts: Vec<Segment>,
    /// Number of events over the parts.
    n: usize,
    /// Sort key of each event (the third field is its index over the parts), in sorted runs.
    keyed: Vec<Key>,
    types: Names,
    /// Each event's type, an id into `types`.
    type_of: Vec<u32>,
    articles: Names,
    article_of: Vec<u32>,
    /// Actor spellings; each event's actors are `actor_ids[actor_off[k]..actor_off[k + 1]]`.
    actors: Names,
    actor_off: Vec<u32>,
    actor_ids: Vec<u32>,
    status: Vec<Status>,
    confidence: Vec<f32>,
}

/// Distinct names of a batch, numbered in order of first appearance.
#[derive(Debug, Default)]
struct Names {
    names: Vec<String>,
    /// Name → id, while names are being added (dropped once a batch is prepared, and
    /// rebuilt when another batch is appended to it).
    lookup: HashMap<String, u32, FxBuild>,
}

impl Names {
    /// Drops the lookup table (a prepared batch keeps only its names until it is merged).
    fn seal(&mut self) {
        self.lookup = HashMap::default();
    }

    fn id(&mut self, name: &str) -> u32 {
        if self.lookup.len() != self.names.len() {
            self.lookup = self
                .names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.clone(), to_u32(i)))
                .collect();
        }
        if let Some(&id) = self.lookup.get(name) {
            return id;
        }
        let id = to_u32(self.names.len());
        self.lookup.insert(name.to_owned(), id);
        self.names.push(name.to_owned());
        id
    }

    /// The ids in `self` of `other`'s names, adding the new ones.
    fn absorb(&mut self, other: &Self) -> Vec<u32> {
        other.names.iter().map(|n| self.id(n)).collect()
    }
}

/// `ids` mapped through `map` (ids out of range become 0, which cannot happen for ids a
/// batch made itself).
fn remap<'a>(ids: &'a [u32], map: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    ids.iter()
        .map(move |&i| map.get(i as usize).copied().unwrap_or(0))
}

/// Each id's place when `names` (indexed by id) are sorted.
fn rank_by_name(names: &[String]) -> Vec<usize> {
    let mut by_name: Vec<usize> = (0..names.len()).collect();
    by_name.sort_by(|&a, &b| names.get(a).cmp(&names.get(b)));
    let mut rank = vec![0usize; names.len()];
    for (r, &id) in by_name.iter().enumerate() {
        if let Some(x) = rank.get_mut(id) {
            *x = r;
        }
    }
    rank
}

impl PreparedEvents {
    /// Prepares `events` (any order). Big batches are prepared in pieces on all cores.
    #[must_use]
    pub fn new(events: Vec<Event>) -> Self {
        if events.len() <= 4 * PREPARE_CHUNK {
            return Self::prepare(events);
        }
        let mut rest = events.into_iter();
        let mut pieces: Vec<Vec<Event>> = Vec::new();
        loop {
            let piece: Vec<Event> = rest.by_ref().take(PREPARE_CHUNK).collect();
            if piece.is_empty() {
                break;
            }
            pieces.push(piece);
        }
        Self::concat(pieces.into_par_iter().map(Self::prepare).collect())
    }

    /// The batches one after the other, as one batch (room for all of it is made at once).
    #[must_use]
    pub fn concat(batches: Vec<Self>) -> Self {
        let mut batches = batches.into_iter();
        let Some(mut out) = batches.next() else {
            return Self::default();
        };
        let rest: Vec<Self> = batches.collect();
        let n: usize = rest.iter().map(Self::len).sum();
        out.keyed.reserve(n);
        out.type_of.reserve(n);
        out.article_of.reserve(n);
        out.actor_off.reserve(n);
        out.status.reserve(n);
        out.confidence.reserve(n);
        for b in rest {
            out.append(b);
        }
        out
    }

    fn prepare(events: Vec<Event>) -> Self {
        let mut keyed: Vec<Key> = events
            .iter()
            .enumerate()
            .map(|(k, e)| {
                let (s, t) = interval(e).unwrap_or((f64::INFINITY, f64::INFINITY));
                (s, t, to_u32(k))
            })
            .collect();
        keyed.sort_unstable_by(key_cmp);
        let mut out = Self {
            keyed,
            n: events.len(),
            ..Self::default()
        };
        out.type_of.reserve(events.len());
        out.article_of.reserve(events.len());
        out.actor_off.reserve(events.len() + 1);
        out.actor_off.push(0);
        for e in &events {
            out.type_of.push(out.types.id(&e.event_type));
            out.article_of.push(out.articles.id(&e.source.article));
            for a in &e.actors {
                let id = out.actors.id(a);
                out.actor_ids.push(id);
            }
            out.actor_off.push(to_u32(out.actor_ids.len()));
        }
        out.types.seal();
        out.articles.seal();
        out.actors.seal();
        out.status = events.iter().map(|e| e.status).collect();
        out.confidence = events.iter().map(|e| e.confidence).collect();
        if !events.is_empty() {
            let (text, ends) = search_texts(&events);
            out.parts.push(Segment { events, text, ends });
        }
        out
    }

    /// Adds `other`'s events after this batch's.
    pub fn append(&mut self, other: Self) {
        if self.n == 0 {
            *self = other;
            return;
        }
        let base = to_u32(self.n);
        self.n += other.n;
        // Small parts (a file's events) are gathered into bigger ones; big ones stay apart.
        for part in other.parts {
            match self.parts.last_mut() {
                Some(last) if last.events.len() + part.events.len() <= PREPARE_CHUNK => {
                    last.absorb(part);
                }
                _ => self.parts.push(part),
            }
        }
        // Two sorted runs; they are merged when the batch is added to a store, once for
        // however many batches were appended.
        self.keyed
            .extend(other.keyed.into_iter().map(|(s, t, k)| (s, t, base + k)));
        let map = self.types.absorb(&other.types);
        self.type_of.extend(remap(&other.type_of, &map));
        let map = self.articles.absorb(&other.articles);
        self.article_of.extend(remap(&other.article_of, &map));
        let map = self.actors.absorb(&other.actors);
        let ids_base = to_u32(self.actor_ids.len());
        self.actor_ids.extend(remap(&other.actor_ids, &map));
        self.actor_off
            .extend(other.actor_off.iter().skip(1).map(|&o| ids_base + o));
        self.status.extend(other.status);
        self.confidence.extend(other.confidence);
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.n
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

/// One added batch of events with their search text, shared by the copies of a store.
#[derive(Debug, Default)]
struct Segment {
    events: Vec<Event>,
    /// Lowercased summary, source text and actors of each event, fields separated by
    /// [`FIELD_SEP`]; event `j` ends at `ends[j]` and starts where event `j - 1` ends.
    text: String,
    ends: Vec<usize>,
}

impl Segment {
    /// Adds `other`'s events after this one's.
    fn absorb(&mut self, other: Self) {
        let at = self.text.len();
        self.events.extend(other.events);
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.into_iter().map(|e| at + e));
    }

    /// The searched text of the segment's event `j`.
    fn text_of(&self, j: usize) -> &str {
        let start = match j.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(usize::MAX),
            None => 0,
        };
        self.ends
            .get(j)
            .and_then(|&end| self.text.get(start..end))
            .unwrap_or("")
    }
}

/// Events sorted by start day (dated first, then undated), with per-event columns.
///
/// Indices (`u32`) refer to store positions; they change whenever events are added, so
/// long-lived references use the event id or the arrival index
/// ([`EventStore::arrival_of`]), which stays while events are added.
#[derive(Clone, Debug, Default)]
pub struct EventStore {
    /// Events in arrival order, a segment per batch added.
    segments: Vec<Arc<Segment>>,
    /// Arrival index of the first event of each segment.
    seg_first: Vec<u32>,
    /// Number of events (over all segments).
    n_events: usize,
    /// Arrival index of each store position.
    ev: Vec<u32>,
    /// Store position of each arrival index (the inverse of `ev`).
    pos: Vec<u32>,
    n_dated: usize,
    /// Start day of each dated event (inclusive), see [`day_number`].
    start: Vec<f64>,
    /// End day of each dated event (exclusive: a one-day event covers `[d, d + 1)`).
    end: Vec<f64>,
    type_id: Vec<u16>,
    types: Vec<String>,
    type_lookup: HashMap<String, u16, FxBuild>,
    type_counts: Vec<u32>,
    /// Store positions of each type, ascending.
    type_pos: Vec<Vec<u32>>,
    /// Start and end days of each type's dated events, in the order of `type_pos` (whose
    /// dated events come first), so that a lane reads one type's days in sequence.
    type_days: Vec<(Vec<f64>, Vec<f64>)>,
    actor_off: Vec<u32>,
    actor_ids: Vec<u32>,
    actors: Vec<String>,
    /// ASCII-lowercased actor name → actor id (actors match ignoring ASCII case).
    actor_lookup: HashMap<String, u32, FxBuild>,
    /// Every spelling seen → actor id (spares lowercasing a name seen before).
    actor_spelling: HashMap<String, u32, FxBuild>,
    actor_counts: Vec<u32>,
    article_id: Vec<u32>,
    articles: Vec<String>,
    article_lookup: HashMap<String, u32, FxBuild>,
    /// Store positions of each article as CSR offsets and positions, computed when first
    /// asked for.
    by_article: OnceLock<(Vec<u32>, Vec<u32>)>,
    status: Vec<Status>,
    confidence: Vec<f32>,
    /// The store order sorted by each list column, computed when first asked for.
    sorted: [OnceLock<Vec<u32>>; 4],
}

fn interval(e: &Event) -> Option<(f64, f64)> {
    let w = e.when.as_ref()?;
    let (s, t) = w.start.zip(w.end)?;
    let (s, t) = (day_number(s), day_number(t));
    Some((s.min(t), s.max(t) + 1.0))
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Sort key of an event: start, end (undated last), arrival index.
type Key = (f64, f64, u32);

fn key_cmp(a: &Key, b: &Key) -> std::cmp::Ordering {
    a.0.total_cmp(&b.0)
        .then(a.1.total_cmp(&b.1))
        .then(a.2.cmp(&b.2))
}

/// Merges `new` into `col` (both in store order) following `from_new`, in place: the
/// column grows by `new.len()` and is filled from the back, so nothing is allocated once
/// the capacity is there.
fn merge_into<T: Copy>(col: &mut Vec<T>, new: &[T], from_new: &[bool]) {
    let old_len = col.len();
    col.extend_from_slice(new);
    let (mut o, mut n) = (old_len, new.len());
    for (w, &take_new) in from_new.iter().enumerate().rev() {
        if n == 0 {
            break; // the rest of the old values are in place already
        }
        let v = if take_new {
            n -= 1;
            new.get(n).copied()
        } else {
            o -= 1;
            col.get(o).copied()
        };
        if let (Some(v), Some(slot)) = (v, col.get_mut(w)) {
            *slot = v;
        }
    }
}

/// Groups store positions by a per-position key below `n_keys` (a counting sort, so each
/// group stays ascending): CSR offsets and positions.
fn group_positions(keys: &[u32], n_keys: usize) -> (Vec<u32>, Vec<u32>) {
    let mut off = vec![0u32; n_keys + 1];
    for &k in keys {
        if let Some(c) = off.get_mut(k as usize + 1) {
            *c += 1;
        }
    }
    for i in 1..off.len() {
        let prev = off.get(i - 1).copied().unwrap_or(0);
        if let Some(c) = off.get_mut(i) {
            *c += prev;
        }
    }
    let mut fill = off.clone();
    let mut pos = vec![0u32; keys.len()];
    for (p, &k) in keys.iter().enumerate() {
        if let Some(at) = fill.get_mut(k as usize)
            && let Some(slot) = pos.get_mut(*at as usize)
        {
            *slot = to_u32(p);
            *at += 1;
        }
    }
    (off, pos)
}

/// Events per unit of parallel work when preparing a big batch.
const PREPARE_CHUNK: usize = 4096;

/// The search text of `events`, each followed by [`FIELD_SEP`], and where each one ends.
fn search_texts(events: &[Event]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut ends = Vec::with_capacity(events.len());
    for e in events {
        search_text(e, &mut text);
        // Between events too, so that no hit runs from one into the next.
        text.push(FIELD_SEP);
        ends.push(text.len());
    }
    (text, ends)
}

/// The lowercased fields of `e` as they are searched, joined by [`FIELD_SEP`].
fn search_text(e: &Event, out: &mut String) {
    push_lowercase(out, &e.summary);
    out.push(FIELD_SEP);
    push_lowercase(out, &e.source.text);
    for a in &e.actors {
        out.push(FIELD_SEP);
        push_lowercase(out, a);
    }
}

/// Appends `s` lowercased (as [`str::to_lowercase`] does), without a new string for the
/// common all-ASCII text.
fn push_lowercase(out: &mut String, s: &str) {
    if s.is_ascii() {
        let at = out.len();
        out.push_str(s);
        if let Some(tail) = out.get_mut(at..) {
            tail.make_ascii_lowercase();
        }
    } else {
        out.push_str(&s.to_lowercase());
    }
}

impl EventStore {
    /// Builds the store from events in any order.
    #[must_use]
    pub fn new(events: Vec<Event>) -> Self {
        let mut store = Self::default();
        store.extend(events);
        store
    }

    /// Adds events (in any order), keeping the store sorted. See [`EventStore::extend_prepared`].
    pub fn extend(&mut self, new: Vec<Event>) {
        self.extend_prepared(PreparedEvents::new(new));
    }

    /// Adds a prepared batch, keeping the store sorted: the batch's events are merged into
    /// the columns in one linear pass, in place; events already in the store are not moved.
    /// The costly part of adding events (sorting them, lowercasing their text) was done by
    /// [`PreparedEvents::new`], which a loading thread runs.
    pub fn extend_prepared(&mut self, batch: PreparedEvents) {
        let PreparedEvents {
            parts,
            n: n_new,
            mut keyed,
            types,
            type_of,
            articles,
            article_of,
            actors,
            actor_off: n_actor_off,
            actor_ids: batch_actor_ids,
            status,
            confidence,
        } = batch;
        // Appended batches leave sorted runs, which this stable sort merges.
        if keyed.len() > 4 * PREPARE_CHUNK {
            keyed.par_sort_by(key_cmp);
        } else {
            keyed.sort_by(key_cmp);
        }
        if n_new == 0 {
            return;
        }
        let base = to_u32(self.n_events);

        // The batch's names looked up once each, and its columns in arrival order.
        let type_map: Vec<u32> = types
            .names
            .iter()
            .map(|n| u32::from(self.intern_type(n)))
            .collect();
        let article_map: Vec<u32> = articles
            .names
            .iter()
            .map(|n| self.intern_article(n))
            .collect();
        let actor_map: Vec<u32> = actors.names.iter().map(|n| self.intern_actor(n)).collect();
        let n_type: Vec<u16> = remap(&type_of, &type_map)
            .map(|t| u16::try_from(t).unwrap_or(u16::MAX))
            .collect();
        let n_article: Vec<u32> = remap(&article_of, &article_map).collect();
        let n_actor_ids: Vec<u32> = remap(&batch_actor_ids, &actor_map).collect();
        for &t in &n_type {
            if let Some(c) = self.type_counts.get_mut(usize::from(t)) {
                *c += 1;
            }
        }
        for &a in &n_actor_ids {
            if let Some(c) = self.actor_counts.get_mut(a as usize) {
                *c += 1;
            }
        }

        // The new events' columns in their sorted order.
        let sorted_new: Vec<usize> = keyed.iter().map(|k| k.2 as usize).collect();
        let new_type: Vec<u16> = sorted_new
            .iter()
            .map(|&k| n_type.get(k).copied().unwrap_or(u16::MAX))
            .collect();
        let new_article: Vec<u32> = sorted_new
            .iter()
            .map(|&k| n_article.get(k).copied().unwrap_or(u32::MAX))
            .collect();
        let new_status: Vec<Status> = sorted_new
            .iter()
            .map(|&k| status.get(k).copied().unwrap_or_default())
            .collect();
        let new_conf: Vec<f32> = sorted_new
            .iter()
            .map(|&k| confidence.get(k).copied().unwrap_or(0.0))
            .collect();
        let new_ev: Vec<u32> = keyed.iter().map(|k| base + k.2).collect();
        let new_dated = keyed.iter().take_while(|k| k.0.is_finite()).count();
        let new_start: Vec<f64> = keyed.iter().take(new_dated).map(|k| k.0).collect();
        let new_end: Vec<f64> = keyed.iter().take(new_dated).map(|k| k.1).collect();

        // Where each merged position comes from.
        let old_n = self.ev.len();
        let mut from_new = Vec::with_capacity(old_n + keyed.len());
        {
            let (mut o, mut n) = (0usize, 0usize);
            while n < keyed.len() {
                let take_new = match (self.key_at(o), keyed.get(n)) {
                    (Some(a), Some(b)) => key_cmp(&(b.0, b.1, base + b.2), &a).is_lt(),
                    (None, Some(_)) => true,
                    _ => false,
                };
                from_new.push(take_new);
                if take_new {
                    n += 1;
                } else {
                    o += 1;
                }
            }
            // The rest of the old positions stay where they are.
            from_new.resize(old_n + keyed.len(), false);
        }
        let n_dated = self.n_dated + new_dated;
        let dated_plan = from_new.get(..n_dated).unwrap_or(&from_new);
        merge_into(&mut self.start, &new_start, dated_plan);
        merge_into(&mut self.end, &new_end, dated_plan);
        self.n_dated = n_dated;
        merge_into(&mut self.ev, &new_ev, &from_new);
        merge_into(&mut self.type_id, &new_type, &from_new);
        merge_into(&mut self.article_id, &new_article, &from_new);
        merge_into(&mut self.status, &new_status, &from_new);
        merge_into(&mut self.confidence, &new_conf, &from_new);
        // Actor lists: variable length, merged in the same pass.
        let mut actor_off = Vec::with_capacity(self.ev.len() + 1);
        let mut actor_ids = Vec::with_capacity(self.actor_ids.len() + n_actor_ids.len());
        actor_off.push(0u32);
        let (mut o, mut n) = (0usize, 0usize);
        for &take_new in &from_new {
            let ids = if take_new {
                let k = sorted_new.get(n).copied().unwrap_or(usize::MAX);
                n += 1;
                slice_csr(&n_actor_off, &n_actor_ids, k)
            } else {
                o += 1;
                slice_csr(&self.actor_off, &self.actor_ids, o - 1)
            };
            actor_ids.extend_from_slice(ids);
            actor_off.push(to_u32(actor_ids.len()));
        }
        self.actor_off = actor_off;
        self.actor_ids = actor_ids;
        for part in parts {
            self.seg_first.push(to_u32(self.n_events));
            self.n_events += part.events.len();
            self.segments.push(Arc::new(part));
        }

        // Positions of each type, refilled in place.
        self.type_pos.resize_with(self.types.len(), Vec::new);
        for (t, list) in self.type_pos.iter_mut().enumerate() {
            list.clear();
            list.reserve(self.type_counts.get(t).copied().unwrap_or(0) as usize);
        }
        for (p, &t) in self.type_id.iter().enumerate() {
            if let Some(list) = self.type_pos.get_mut(usize::from(t)) {
                list.push(to_u32(p));
            }
        }
        self.type_days
            .resize_with(self.types.len(), Default::default);
        for (list, (starts, ends)) in self.type_pos.iter().zip(self.type_days.iter_mut()) {
            starts.clear();
            ends.clear();
            for &p in list {
                match (self.start.get(p as usize), self.end.get(p as usize)) {
                    (Some(&a), Some(&b)) => {
                        starts.push(a);
                        ends.push(b);
                    }
                    _ => break,
                }
            }
        }
        self.pos.resize(self.ev.len(), 0);
        for (p, &k) in self.ev.iter().enumerate() {
            if let Some(slot) = self.pos.get_mut(k as usize) {
                *slot = to_u32(p);
            }
        }
        self.by_article = OnceLock::new();
        self.sorted = Default::default();
    }

    fn key_at(&self, p: usize) -> Option<Key> {
        let arrival = *self.ev.get(p)?;
        Some(match (self.start.get(p), self.end.get(p)) {
            (Some(&s), Some(&e)) => (s, e, arrival),
            _ => (f64::INFINITY, f64::INFINITY, arrival),
        })
    }

    fn intern_type(&mut self, name: &str) -> u16 {
        if let Some(&id) = self.type_lookup.get(name) {
            return id;
        }
        let id = u16::try_from(self.types.len()).unwrap_or(u16::MAX);
        self.type_lookup.insert(name.to_owned(), id);
        self.types.push(name.to_owned());
        self.type_counts.push(0);
        id
    }

    fn intern_article(&mut self, path: &str) -> u32 {
        if let Some(&id) = self.article_lookup.get(path) {
            return id;
        }
        let id = to_u32(self.articles.len());
        self.article_lookup.insert(path.to_owned(), id);
        self.articles.push(path.to_owned());
        id
    }

    fn intern_actor(&mut self, name: &str) -> u32 {
        // Actors are matched ignoring ASCII case, like `Filter::matches`; the first
        // spelling seen names the actor.
        if let Some(&id) = self.actor_spelling.get(name) {
            return id;
        }
        let key = name.to_ascii_lowercase();
        let id = match self.actor_lookup.get(&key) {
            Some(&id) => id,
            None => {
                let id = to_u32(self.actors.len());
                self.actor_lookup.insert(key, id);
                self.actors.push(name.to_owned());
                self.actor_counts.push(0);
                id
            }
        };
        self.actor_spelling.insert(name.to_owned(), id);
        id
    }

    /// The segment holding arrival index `k`, and `k`'s index in it.
    fn locate(&self, k: u32) -> Option<(&Segment, usize)> {
        let s = self.seg_first.partition_point(|&f| f <= k).checked_sub(1)?;
        let seg = self.segments.get(s)?;
        Some((seg, (k - self.seg_first.get(s)?) as usize))
    }

    /// The event at arrival index `k`.
    fn event_at(&self, k: u32) -> Option<&Event> {
        let (seg, j) = self.locate(k)?;
        seg.events.get(j)
    }

    /// All events in store order: dated ones first in order of start day.
    pub fn iter(&self) -> impl Iterator<Item = &Event> + '_ {
        self.ev.iter().filter_map(|&k| self.event_at(k))
    }

    /// All events in the order they were added.
    fn arrivals(&self) -> impl Iterator<Item = &Event> + '_ {
        self.segments.iter().flat_map(|s| s.events.iter())
    }

    /// Takes the events out (in the order they were added), leaving the store empty. Events
    /// still shared with a copy of the store are cloned.
    #[must_use]
    pub fn into_events(self) -> Vec<Event> {
        let mut out = Vec::with_capacity(self.n_events);
        for seg in self.segments {
            match Arc::try_unwrap(seg) {
                Ok(seg) => out.extend(seg.events),
                Err(shared) => out.extend(shared.events.iter().cloned()),
            }
        }
        out
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.n_events
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.n_events == 0
    }

    /// The arrival index of event `i`: its place in the order events were added, which
    /// does not change when more events are added (store positions do).
    #[must_use]
    pub fn arrival_of(&self, i: u32) -> Option<u32> {
        self.ev.get(i as usize).copied()
    }

    /// The store position of the event with arrival index `k`.
    #[must_use]
    pub fn position_of_arrival(&self, k: u32) -> Option<u32> {
        self.pos.get(k as usize).copied()
    }

    /// How many events have a resolved date (they come first).
    #[must_use]
    pub fn n_dated(&self) -> usize {
        self.n_dated
    }

    #[must_use]
    pub fn get(&self, i: u32) -> Option<&Event> {
        self.event_at(*self.ev.get(i as usize)?)
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

    /// Bytes of lowercased text searched by the free-text filter.
    #[must_use]
    pub fn text_len(&self) -> usize {
        self.segments.iter().map(|s| s.text.len()).sum()
    }

    /// The dated events of type id `t`: store positions (ascending), start days and end
    /// days, side by side.
    #[must_use]
    pub fn dated_of_type(&self, t: u16) -> (&[u32], &[f64], &[f64]) {
        match self.type_days.get(usize::from(t)) {
            Some((starts, ends)) => (
                self.positions_of_type(t).get(..starts.len()).unwrap_or(&[]),
                starts,
                ends,
            ),
            None => (&[], &[], &[]),
        }
    }

    /// Store positions of the events of type id `t`, ascending.
    #[must_use]
    pub fn positions_of_type(&self, t: u16) -> &[u32] {
        self.type_pos.get(usize::from(t)).map_or(&[], Vec::as_slice)
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
        slice_csr(&self.actor_off, &self.actor_ids, i as usize)
    }

    /// Earliest start and latest end over the dated events of `view`.
    #[must_use]
    pub fn extent(&self, view: &FilteredView) -> Option<(f64, f64)> {
        let first = *view.starts.first()?;
        let last_end = view
            .dated()
            .par_chunks(CHUNK)
            .map(|ids| {
                ids.iter()
                    .filter_map(|&i| self.end.get(i as usize))
                    .fold(f64::NEG_INFINITY, |a, &b| a.max(b))
            })
            .reduce(|| f64::NEG_INFINITY, f64::max);
        Some((first, last_end))
    }

    /// The events of the article with this path, in store order.
    #[must_use]
    pub fn events_of_article(&self, path: &str) -> &[u32] {
        self.article_lookup.get(path).map_or(&[], |&a| {
            let (off, pos) = self.by_article();
            slice_csr(off, pos, a as usize)
        })
    }

    fn by_article(&self) -> &(Vec<u32>, Vec<u32>) {
        self.by_article
            .get_or_init(|| group_positions(&self.article_id, self.articles.len()))
    }

    /// Computes now what is otherwise computed when first asked for (the events of each
    /// article), so that a store built on another thread costs its user nothing.
    pub fn warm_caches(&self) {
        self.by_article();
    }

    /// The position of the event with this id.
    #[must_use]
    pub fn find_id(&self, id: &str) -> Option<u32> {
        let arrival = to_u32(self.arrivals().position(|e| e.id == id)?);
        self.position_of_arrival(arrival)
    }

    /// Applies `filter` over the columns; the result equals keeping the events for which
    /// [`Filter::matches`] is true, in store order.
    #[must_use]
    pub fn apply(&self, filter: &Filter) -> FilteredView {
        let mut view = FilteredView::default();
        self.apply_into(filter, &mut view);
        view
    }

    /// [`EventStore::apply`] into `view`, reusing its memory (filtering again and again
    /// then allocates nothing new).
    pub fn apply_into(&self, filter: &Filter, view: &mut FilteredView) {
        let compiled = Compiled::new(self, filter);
        let n = self.ev.len();
        let n_words = n.div_ceil(64);
        let query_hits = compiled.query_mask(self);
        let mut mask = std::mem::take(&mut view.mask);
        mask.clear();
        mask.resize(n_words, 0);
        let counts: Vec<usize> = mask
            .par_chunks_mut(CHUNK_WORDS)
            .enumerate()
            .map(|(c, words)| {
                let mut count = 0;
                for (w, word) in words.iter_mut().enumerate() {
                    let first = (c * CHUNK_WORDS + w) * 64;
                    let mut bits = match &query_hits {
                        Some(q) => q.get(c * CHUNK_WORDS + w).copied().unwrap_or(0),
                        None => u64::MAX,
                    };
                    let mut todo = bits;
                    while todo != 0 {
                        let j = todo.trailing_zeros();
                        todo &= todo - 1;
                        let i = first + j as usize;
                        if i >= n || !compiled.keep(self, i) {
                            bits &= !(1u64 << j);
                        }
                    }
                    *word = bits;
                    count += bits.count_ones() as usize;
                }
                count
            })
            .collect();
        self.view_of_mask(mask, &counts, view);
    }

    /// Makes `view` the view of a keep mask (`counts` are the set bits of each `CHUNK_WORDS`
    /// words), reusing the memory of its vectors.
    fn view_of_mask(&self, mask: Vec<u64>, counts: &[usize], view: &mut FilteredView) {
        // Positions of the set bits, written in parallel into one vector.
        let total: usize = counts.iter().sum();
        let mut indices = std::mem::take(&mut view.indices);
        indices.clear();
        indices.resize(total, 0);
        {
            let mut rest = indices.as_mut_slice();
            let mut outs = Vec::with_capacity(counts.len());
            for &c in counts {
                let (head, tail) = rest.split_at_mut(c.min(rest.len()));
                outs.push(head);
                rest = tail;
            }
            mask.par_chunks(CHUNK_WORDS)
                .zip(outs)
                .enumerate()
                .for_each(|(c, (words, out))| {
                    let mut slots = out.iter_mut();
                    for (w, &word) in words.iter().enumerate() {
                        let first = (c * CHUNK_WORDS + w) * 64;
                        let mut todo = word;
                        while todo != 0 {
                            let j = todo.trailing_zeros() as usize;
                            todo &= todo - 1;
                            if let Some(slot) = slots.next() {
                                *slot = to_u32(first + j);
                            }
                        }
                    }
                });
        }
        let n_dated = indices.partition_point(|&i| (i as usize) < self.n_dated);
        let mut starts = std::mem::take(&mut view.starts);
        starts.clear();
        starts.resize(n_dated, 0.0);
        starts
            .par_chunks_mut(CHUNK)
            .zip(indices.par_chunks(CHUNK))
            .for_each(|(out, ids)| {
                for (slot, &i) in out.iter_mut().zip(ids) {
                    *slot = self.start.get(i as usize).copied().unwrap_or(f64::NAN);
                }
            });
        *view = FilteredView {
            indices,
            starts,
            mask,
        };
    }

    /// When `old` and `new` differ in their event types only: the type ids `new` adds and
    /// the ones it removes. `None` when anything else differs.
    #[must_use]
    pub fn types_delta(&self, old: &Filter, new: &Filter) -> Option<(Vec<u16>, Vec<u16>)> {
        let same_rest = Filter {
            types: new.types.clone(),
            ..old.clone()
        } == *new;
        if !same_rest {
            return None;
        }
        let kept = |f: &Filter, t: &String| f.types.is_empty() || f.types.contains(t);
        let (mut added, mut removed) = (Vec::new(), Vec::new());
        for (id, t) in self.types.iter().enumerate() {
            let id = u16::try_from(id).unwrap_or(u16::MAX);
            match (kept(old, t), kept(new, t)) {
                (false, true) => added.push(id),
                (true, false) => removed.push(id),
                _ => {}
            }
        }
        Some((added, removed))
    }

    /// Turns `view`, the result of [`EventStore::apply`] with a filter that differs from
    /// `new` in its types only (see [`EventStore::types_delta`]), into the result of
    /// `apply(new)`: only the events of the types added or removed are looked at.
    pub fn reapply_types(
        &self,
        view: &mut FilteredView,
        new: &Filter,
        added: &[u16],
        removed: &[u16],
    ) {
        let mut mask = std::mem::take(&mut view.mask);
        mask.resize(self.ev.len().div_ceil(64), 0);
        for &t in removed {
            for &i in self.positions_of_type(t) {
                if let Some(w) = mask.get_mut(i as usize / 64) {
                    *w &= !(1u64 << (i % 64));
                }
            }
        }
        if !added.is_empty() {
            let compiled = Compiled::new(self, new);
            let finder = memchr::memmem::Finder::new(compiled.query.as_bytes());
            for &t in added {
                let kept: Vec<u32> = self
                    .positions_of_type(t)
                    .par_iter()
                    .with_min_len(4096)
                    .copied()
                    .filter(|&i| {
                        compiled.keep(self, i as usize) && compiled.text_keep(self, i, &finder)
                    })
                    .collect();
                for i in kept {
                    if let Some(w) = mask.get_mut(i as usize / 64) {
                        *w |= 1u64 << (i % 64);
                    }
                }
            }
        }
        let counts: Vec<usize> = mask
            .par_chunks(CHUNK_WORDS)
            .map(|words| words.iter().map(|w| w.count_ones() as usize).sum())
            .collect();
        self.view_of_mask(mask, &counts, view);
    }

    /// The filtered events in the order of `column` (ascending; ties in store order). The
    /// store order sorted by each column is computed once per store and reused.
    #[must_use]
    pub fn order_by(&self, column: SortColumn, view: &FilteredView) -> Vec<u32> {
        let slot = match column {
            SortColumn::Date => return view.indices.clone(),
            SortColumn::Type => 0,
            SortColumn::Actors => 1,
            SortColumn::Article => 2,
            SortColumn::Summary => 3,
        };
        let Some(cell) = self.sorted.get(slot) else {
            return view.indices.clone();
        };
        let order = cell.get_or_init(|| self.sorted_by(column));
        order
            .par_chunks(CHUNK)
            .flat_map_iter(|ids| ids.iter().copied().filter(|&i| view.contains(i)))
            .collect()
    }

    fn sorted_by(&self, column: SortColumn) -> Vec<u32> {
        let mut order: Vec<u32> = (0..to_u32(self.ev.len())).collect();
        match column {
            SortColumn::Date => {}
            SortColumn::Type => {
                let rank = rank_by_name(&self.types);
                order.par_sort_by_key(|&i| {
                    let t = self.type_of(i).map_or(usize::MAX, usize::from);
                    (rank.get(t).copied().unwrap_or(usize::MAX), i)
                });
            }
            SortColumn::Article => {
                let rank = rank_by_name(&self.articles);
                order.par_sort_by_key(|&i| {
                    let a = self
                        .article_id
                        .get(i as usize)
                        .map_or(usize::MAX, |&a| a as usize);
                    (rank.get(a).copied().unwrap_or(usize::MAX), i)
                });
            }
            SortColumn::Summary => {
                order.par_sort_by(|&a, &b| {
                    self.summary_lower(a)
                        .cmp(self.summary_lower(b))
                        .then(a.cmp(&b))
                });
            }
            SortColumn::Actors => {
                let keys: Vec<String> = order
                    .par_iter()
                    .map(|&i| {
                        self.get(i)
                            .map_or_else(String::new, |e| e.actors.join(", ").to_lowercase())
                    })
                    .collect();
                order.par_sort_by(|&a, &b| {
                    keys.get(a as usize)
                        .cmp(&keys.get(b as usize))
                        .then(a.cmp(&b))
                });
            }
        }
        order
    }

    /// The searched text of the event at arrival index `k`.
    fn text_of_arrival(&self, k: u32) -> &str {
        self.locate(k).map_or("", |(seg, j)| seg.text_of(j))
    }

    /// The lowercased summary of event `i`.
    fn summary_lower(&self, i: u32) -> &str {
        let k = self.ev.get(i as usize).copied().unwrap_or(u32::MAX);
        let text = self.text_of_arrival(k);
        text.split(FIELD_SEP).next().unwrap_or("")
    }
}

/// The first index at or after `from` whose value is not below `limit`, in ascending
/// `values`: an exponential search from `from`, then a binary search, so that finding a
/// near index touches only memory near `from`.
pub(crate) fn gallop(values: &[f64], from: usize, limit: f64) -> usize {
    let mut lo = from;
    let mut hi = from;
    let mut step = 1usize;
    // Every value in `from..lo` is below `limit`; the one at `hi` (if any) is not.
    while let Some(&v) = values.get(hi) {
        if v >= limit {
            break;
        }
        lo = hi + 1;
        hi = hi.saturating_add(step);
        step = step.saturating_mul(2);
    }
    let hi = hi.min(values.len());
    lo + values
        .get(lo..hi)
        .map_or(0, |s| s.partition_point(|&d| d < limit))
}

fn slice_csr<'a>(off: &[u32], ids: &'a [u32], i: usize) -> &'a [u32] {
    match (off.get(i), off.get(i + 1)) {
        (Some(&a), Some(&b)) => ids.get(a as usize..b as usize).unwrap_or(&[]),
        _ => &[],
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

    /// The store positions whose text contains the query, as a bit mask (`None` without a
    /// query). The buffer is searched in parallel chunks; after a hit the search goes on
    /// from the next event.
    fn query_mask(&self, store: &EventStore) -> Option<Vec<u64>> {
        if self.filter.query.is_empty() {
            return None;
        }
        let n = store.n_events;
        let mut mask = vec![0u64; n.div_ceil(64)];
        // Pieces of at most `CHUNK` events within one segment: (first arrival index of the
        // segment, the segment, first and end index in it).
        let pieces: Vec<(u32, &Segment, usize, usize)> = store
            .segments
            .iter()
            .zip(&store.seg_first)
            .flat_map(|(seg, &first)| {
                (0..seg.events.len().div_ceil(CHUNK)).map(move |c| {
                    (
                        first,
                        seg.as_ref(),
                        c * CHUNK,
                        ((c + 1) * CHUNK).min(seg.events.len()),
                    )
                })
            })
            .collect();
        let hits: Vec<u32> = if self.query.contains(FIELD_SEP) {
            // The separator itself is searched for: check the fields one by one.
            pieces
                .par_iter()
                .flat_map_iter(|&(first, seg, lo, hi)| {
                    seg.events
                        .get(lo..hi)
                        .unwrap_or(&[])
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| Filter::text_matches(e, &self.query))
                        .map(move |(j, _)| first + to_u32(lo + j))
                })
                .collect()
        } else {
            let finder = memchr::memmem::Finder::new(self.query.as_bytes());
            let parts: Vec<Vec<u32>> = pieces
                .par_iter()
                .map(|&(first, seg, lo, hi)| {
                    let a = match lo.checked_sub(1) {
                        Some(before) => seg.ends.get(before).copied().unwrap_or(0),
                        None => 0,
                    };
                    // Ends of the piece's events.
                    let offs = seg.ends.get(lo..hi).unwrap_or(&[]);
                    let b = offs.last().copied().unwrap_or(a);
                    let hay = seg.text.as_bytes().get(a..b).unwrap_or(&[]);
                    let mut out = Vec::new();
                    let mut at = 0;
                    while let Some(p) = hay.get(at..).and_then(|h| finder.find(h)) {
                        let abs = a + at + p;
                        // The event holding the hit: the first one ending after it.
                        let j = offs.partition_point(|&o| o <= abs);
                        out.push(first + to_u32(lo + j));
                        match offs.get(j) {
                            Some(&end) => at = end - a,
                            None => break,
                        }
                    }
                    out
                })
                .collect();
            parts.concat()
        };
        for k in hits {
            if let Some(&p) = store.pos.get(k as usize)
                && let Some(w) = mask.get_mut(p as usize / 64)
            {
                *w |= 1u64 << (p % 64);
            }
        }
        Some(mask)
    }

    /// Whether event `i` passes the query, `finder` being a finder for it (one event at a
    /// time, for the few events `reapply_types` looks at).
    fn text_keep(&self, store: &EventStore, i: u32, finder: &memchr::memmem::Finder<'_>) -> bool {
        if self.filter.query.is_empty() {
            return true;
        }
        let Some(&k) = store.ev.get(i as usize) else {
            return false;
        };
        if self.query.contains(FIELD_SEP) {
            store
                .event_at(k)
                .is_some_and(|e| Filter::text_matches(e, &self.query))
        } else {
            finder.find(store.text_of_arrival(k).as_bytes()).is_some()
        }
    }

    /// Whether event `i` passes everything but the query (checked by `query_mask`).
    fn keep(&self, store: &EventStore, i: usize) -> bool {
        if let Some(types) = &self.types {
            let t = store.type_id.get(i).copied().unwrap_or(u16::MAX);
            if !types.get(usize::from(t)).copied().unwrap_or(false) {
                return false;
            }
        }
        if let Some(articles) = &self.articles {
            let a = store.article_id.get(i).copied().unwrap_or(u32::MAX);
            if !articles.get(a as usize).copied().unwrap_or(false) {
                return false;
            }
        }
        let status = store.status.get(i).copied().unwrap_or_default();
        if self
            .hidden
            .get(status_slot(status))
            .copied()
            .unwrap_or(false)
            || store.confidence.get(i).copied().unwrap_or(0.0) < self.filter.min_confidence
        {
            return false;
        }
        if let Some(actors) = &self.actors
            && !store
                .actors_of(to_u32(i))
                .iter()
                .any(|&a| actors.get(a as usize).copied().unwrap_or(false))
        {
            return false;
        }
        if self.from.is_some() || self.to.is_some() {
            match (store.start.get(i), store.end.get(i)) {
                (Some(&s), Some(&e)) => {
                    // `end` is exclusive; the filter compares inclusive last days.
                    let last = e - 1.0;
                    if self.from.is_some_and(|f| last < f) || self.to.is_some_and(|t| s > t) {
                        return false;
                    }
                }
                _ => {
                    if !self.filter.keep_undated {
                        return false;
                    }
                }
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
    /// One bit per store position: kept?
    mask: Vec<u64>,
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

    /// Whether the event at store position `i` passes.
    #[must_use]
    pub fn contains(&self, i: u32) -> bool {
        self.mask
            .get(i as usize / 64)
            .is_some_and(|w| w & (1u64 << (i % 64)) != 0)
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
            // The next edge is near: galloping stays in cache where a binary search over
            // the rest would not.
            let next = gallop(&self.starts, prev, edge);
            out.push(u32::try_from(next - prev).unwrap_or(u32::MAX));
            prev = next;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;
    use crate::timeline::synthetic::synthetic_events;
    use crate::timeline::{LaneMode, Lanes};

    fn positions_matching(store: &EventStore, f: &Filter) -> Vec<u32> {
        store
            .iter()
            .enumerate()
            .filter(|(_, e)| f.matches(e))
            .map(|(i, _)| to_u32(i))
            .collect()
    }

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
        f.articles
            .insert(store.get(5).unwrap().source.article.clone());
        filters.push(f);
        for f in &filters {
            let got = store.apply(f);
            assert_eq!(got.indices, positions_matching(&store, f), "{f:?}");
            assert!(got.starts.windows(2).all(|w| w[0] <= w[1]));
        }
    }

    #[test]
    fn gallop_finds_what_a_binary_search_finds() {
        let values: Vec<f64> = [0.0, 1.0, 1.0, 2.0, 5.0, 5.0, 5.0, 9.0, 12.0]
            .into_iter()
            .chain((13..200).map(f64::from))
            .collect();
        for from in 0..=values.len() + 2 {
            for limit in [
                -1.0, 0.0, 0.5, 1.0, 2.0, 4.0, 5.0, 9.5, 12.0, 57.0, 199.0, 500.0,
            ] {
                let want = values
                    .get(from..)
                    .map_or(from, |s| from + s.partition_point(|&d| d < limit));
                assert_eq!(
                    gallop(&values, from, limit),
                    want,
                    "from {from} limit {limit}"
                );
            }
        }
    }

    #[test]
    fn a_copy_stays_as_it_was_while_the_original_grows() {
        let events = synthetic_events(3000, 5);
        let (first, second) = events.split_at(1000);
        let mut store = EventStore::new(first.to_vec());
        let copy = store.clone();
        let selected = 17;
        let arrival = store.arrival_of(selected).unwrap();
        store.extend(second.to_vec());
        let alone = EventStore::new(first.to_vec());
        let ids = |s: &EventStore| s.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&copy), ids(&alone));
        let filter = Filter {
            query: "missile".to_owned(),
            ..Filter::default()
        };
        assert_eq!(copy.apply(&filter).indices, alone.apply(&filter).indices);
        // The same event is found again by its arrival index after the store grew.
        let moved = store.position_of_arrival(arrival).unwrap();
        assert_eq!(store.get(moved).unwrap().id, copy.get(selected).unwrap().id);
        assert_eq!(store.find_id(&store.get(moved).unwrap().id), Some(moved));
        assert_eq!(store.len(), 3000);
        assert_eq!(store.clone().into_events().len(), 3000);
    }

    #[test]
    fn events_of_article_lists_exactly_its_events() {
        let store = EventStore::new(synthetic_events(1000, 8));
        let path = store.get(10).unwrap().source.article.clone();
        let got = store.events_of_article(&path);
        assert!(!got.is_empty());
        assert!(
            got.iter()
                .all(|&i| store.get(i).unwrap().source.article == path)
        );
        let n = store.iter().filter(|e| e.source.article == path).count();
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

    #[test]
    fn find_id_and_list_orders() {
        let store = EventStore::new(synthetic_events(500, 21));
        let i = store.find_id("e42").unwrap();
        assert_eq!(store.get(i).unwrap().id, "e42");
        assert!(store.find_id("nope").is_none());
        let mut f = Filter::default();
        f.hidden_statuses.insert(Status::Reported);
        let view = store.apply(&f);
        let by_summary = store.order_by(SortColumn::Summary, &view);
        let mut expected = view.indices.clone();
        expected.sort_by_key(|&i| (store.get(i).unwrap().summary.to_lowercase(), i));
        assert_eq!(by_summary, expected);
        let by_type = store.order_by(SortColumn::Type, &view);
        expected.sort_by_key(|&i| (store.get(i).unwrap().event_type.clone(), i));
        assert_eq!(by_type, expected);
        assert_eq!(store.order_by(SortColumn::Date, &view), view.indices);
    }

    /// Synthetic events with the awkward cases mixed in: reversed intervals, no `when`,
    /// actors in other cases, non-ASCII text, no actors.
    fn awkward_events(n: usize, seed: u64) -> Vec<Event> {
        let mut events = synthetic_events(n, seed);
        for (k, e) in events.iter_mut().enumerate() {
            match k % 7 {
                0 => {
                    if let Some(w) = e.when.as_mut() {
                        std::mem::swap(&mut w.start, &mut w.end);
                    }
                }
                1 => e.when = None,
                2 => {
                    for a in &mut e.actors {
                        *a = a.to_uppercase();
                    }
                }
                3 => {
                    e.summary = format!("ΣΟΦΊΑ Éric {}", e.summary);
                    e.actors.push("Éric Zemmour".to_owned());
                }
                4 => e.actors.clear(),
                _ => {}
            }
        }
        events
    }

    fn arb_filter() -> impl Strategy<Value = Filter> {
        let words = prop::sample::select(vec![
            "",
            "missile",
            "PUTIN",
            "russia and",
            "éric",
            "σοφία",
            "\u{1}",
            "day 1",
            "zzz",
        ]);
        (
            prop::collection::btree_set(
                prop::sample::select(crate::timeline::synthetic::TYPES.to_vec()),
                0..4,
            ),
            prop::collection::btree_set(
                prop::sample::select(vec![
                    "russia",
                    "NORTH KOREA",
                    "Actor 17",
                    "éric zemmour",
                    "Éric Zemmour",
                ]),
                0..3,
            ),
            prop::option::of(0i64..11_000),
            prop::option::of(0i64..11_000),
            words,
            prop::collection::btree_set(
                prop::sample::select(vec![Status::Alleged, Status::Denied, Status::Planned]),
                0..3,
            ),
            0u8..4,
            any::<bool>(),
            prop::collection::btree_set(
                prop::sample::select(vec!["article_00001.txt", "article_00003.txt"]),
                0..2,
            ),
        )
            .prop_map(
                |(types, actors, from, to, query, hidden, conf, keep_undated, articles)| {
                    let base = chrono::NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default();
                    let day = |d: i64| base.checked_add_signed(chrono::Duration::days(d));
                    Filter {
                        types: types.into_iter().map(str::to_owned).collect(),
                        actors: actors.into_iter().map(str::to_owned).collect(),
                        articles: articles.into_iter().map(str::to_owned).collect(),
                        from: from.and_then(day),
                        to: to.and_then(day),
                        query: query.to_owned(),
                        hidden_statuses: hidden,
                        min_confidence: f32::from(conf) * 0.3,
                        keep_undated,
                    }
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// A type toggle updated incrementally gives what filtering from scratch gives:
        /// the same view, the same lanes, the same extent.
        #[test]
        fn incremental_type_changes_equal_full_filtering(
            n in 1usize..400,
            seed in 0u64..1000,
            filter in arb_filter(),
            new_types in prop::collection::btree_set(
                prop::sample::select(crate::timeline::synthetic::TYPES.to_vec()), 0..5),
        ) {
            let store = EventStore::new(awkward_events(n, seed));
            let new = Filter {
                types: new_types.into_iter().map(str::to_owned).collect(),
                ..filter.clone()
            };
            let (added, removed) = store.types_delta(&filter, &new).unwrap_or_default();
            let mut view = store.apply(&filter);
            let mut lanes = Lanes::build(&store, &view, LaneMode::Type, 16);
            store.reapply_types(&mut view, &new, &added, &removed);
            lanes.update_types(&store, &view, (&added, &removed), 16);
            let full = store.apply(&new);
            prop_assert_eq!(&view.indices, &full.indices);
            prop_assert_eq!(&view.starts, &full.starts);
            let full_lanes = Lanes::build(&store, &full, LaneMode::Type, 16);
            let shape = |l: &Lanes| l.lanes.iter().map(|x| (x.key, x.label.clone(), x.len())).collect::<Vec<_>>();
            prop_assert_eq!(shape(&lanes), shape(&full_lanes));
            prop_assert_eq!(lanes.extent(&view.starts), store.extent(&full));
            let other = Filter { min_confidence: filter.min_confidence + 0.1, ..new.clone() };
            prop_assert!(store.types_delta(&filter, &other).is_none());
        }

        /// Adding events in batches gives the same store as adding them at once, and the
        /// column filter keeps exactly what `Filter::matches` keeps.
        #[test]
        fn batches_and_filters_agree(
            n in 1usize..400,
            seed in 0u64..1000,
            cuts in prop::collection::vec(0usize..400, 0..5),
            filter in arb_filter(),
        ) {
            let events = awkward_events(n, seed);
            let whole = EventStore::new(events.clone());
            let mut cuts: BTreeSet<usize> = cuts.into_iter().map(|c| c % n).collect();
            cuts.insert(n);
            let mut batched = EventStore::default();
            let mut rest = events;
            let mut taken = 0;
            for c in cuts {
                let tail = rest.split_off(c - taken);
                batched.extend(std::mem::replace(&mut rest, tail));
                taken = c;
            }
            let ids = |s: &EventStore| s.iter().map(|e| e.id.clone()).collect::<Vec<_>>();
            prop_assert_eq!(ids(&whole), ids(&batched));
            prop_assert_eq!(whole.types(), batched.types());
            prop_assert_eq!(whole.actors(), batched.actors());
            for store in [&whole, &batched] {
                let view = store.apply(&filter);
                prop_assert_eq!(&view.indices, &positions_matching(store, &filter));
                prop_assert!(view.starts.windows(2).all(|w| w[0] <= w[1]));
                prop_assert_eq!(view.starts.len(), view.indices.iter().filter(|&&i| store.span(i).is_some()).count());
                for &i in &view.indices {
                    prop_assert!(view.contains(i));
                }
                let lanes = Lanes::build(store, &view, LaneMode::Type, 16);
                prop_assert_eq!(lanes.lanes.iter().map(|l| l.len()).sum::<usize>(), view.dated().len());
                let e = store.get(0).map(|e| e.source.article.clone()).unwrap_or_default();
                let of_article = store.events_of_article(&e);
                prop_assert!(of_article.windows(2).all(|w| w[0] < w[1]));
                prop_assert!(of_article.iter().all(|&i| store.get(i).is_some_and(|x| x.source.article == e)));
                let mut sorted = store.order_by(SortColumn::Article, &view);
                sorted.sort_unstable();
                prop_assert_eq!(&sorted, &view.indices);
            }
        }
    }
}
