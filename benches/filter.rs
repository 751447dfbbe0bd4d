//! Changing the filter over 1,000,000 events: the filtered view and the lanes are rebuilt.
//!
//! `cargo bench --bench filter`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::timeline::synthetic::synthetic_events;
use dateline::timeline::{EventStore, Filter, LaneMode, Lanes};

fn refilter(store: &EventStore, filter: &Filter) -> usize {
    let view = store.apply(filter);
    let lanes = Lanes::build(store, &view, LaneMode::Type, 16);
    view.len() + lanes.lanes.len()
}

fn bench(c: &mut Criterion) {
    let store = EventStore::new(synthetic_events(1_000_000, 42));
    let types: Vec<String> = store.types().iter().map(|t| t.0.to_owned()).collect();
    let mut group = c.benchmark_group("filter");
    group.sample_size(20);
    // Untick one type (the others stay): what a click on a type checkbox costs.
    let toggled = Filter {
        types: types.iter().skip(1).cloned().collect(),
        ..Filter::default()
    };
    group.bench_function("type_toggle", |b| {
        b.iter(|| black_box(refilter(&store, &toggled)))
    });
    let query = Filter {
        query: "putin".to_owned(),
        ..Filter::default()
    };
    group.bench_function("query", |b| b.iter(|| black_box(refilter(&store, &query))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
