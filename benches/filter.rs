//! Changing the filter over 1,000,000 events: what the app does on a filter change
//! (`state::Data::refilter`): the filtered view, the lanes and the extent (the list in date
//! order is the view itself).
//!
//! `cargo bench --bench filter`
//!
//! - `filter/type_toggle`: a click on a type checkbox, as the app handles it: only the
//!   events of that type are looked at (every iteration unticks or ticks it again).
//! - `filter/type_toggle_full`: the same filter computed from scratch.
//! - `filter/query`: a free-text filter, from scratch.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::timeline::synthetic::synthetic_events;
use dateline::timeline::{EventStore, Filter, FilteredView, LaneMode, Lanes};

/// Filters from scratch, as after a change other than the types (into the view and lanes
/// shown before, as the app does).
fn refilter(
    store: &EventStore,
    filter: &Filter,
    view: &mut FilteredView,
    lanes: &mut Lanes,
) -> usize {
    store.apply_into(filter, view);
    lanes.build_into(store, view, LaneMode::Type, 16);
    let extent = lanes.extent(&view.starts);
    view.len() + lanes.lanes.len() + usize::from(extent.is_some())
}

/// The shown view, updated from filter `old` to `new` as the app does.
fn toggle(
    store: &EventStore,
    view: &mut FilteredView,
    lanes: &mut Lanes,
    old: &Filter,
    new: &Filter,
) -> usize {
    match store.types_delta(old, new) {
        Some((added, removed)) => {
            store.reapply_types(view, new, &added, &removed);
            lanes.update_types(store, view, (&added, &removed), 16);
        }
        None => {
            store.apply_into(new, view);
            lanes.build_into(store, view, LaneMode::Type, 16);
        }
    }
    let extent = lanes.extent(&view.starts);
    view.len() + lanes.lanes.len() + usize::from(extent.is_some())
}

fn bench(c: &mut Criterion) {
    let store = EventStore::new(synthetic_events(1_000_000, 42));
    let types: Vec<String> = store.types().iter().map(|t| t.0.to_owned()).collect();
    let mut group = c.benchmark_group("filter");
    group.sample_size(20);
    // Untick one type (the others stay): what a click on a type checkbox costs.
    let all = Filter::default();
    let toggled = Filter {
        types: types.iter().skip(1).cloned().collect(),
        ..Filter::default()
    };
    let mut view = store.apply(&all);
    let mut lanes = Lanes::build(&store, &view, LaneMode::Type, 16);
    let mut on = true;
    group.bench_function("type_toggle", |b| {
        b.iter(|| {
            let (old, new) = if on {
                (&all, &toggled)
            } else {
                (&toggled, &all)
            };
            on = !on;
            black_box(toggle(&store, &mut view, &mut lanes, old, new))
        });
    });
    group.bench_function("type_toggle_full", |b| {
        b.iter(|| black_box(refilter(&store, &toggled, &mut view, &mut lanes)));
    });
    let query = Filter {
        query: "putin".to_owned(),
        ..Filter::default()
    };
    group.bench_function("query", |b| {
        b.iter(|| black_box(refilter(&store, &query, &mut view, &mut lanes)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
