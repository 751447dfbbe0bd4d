//! Loader and segmenter throughput.
//!
//! `cargo bench --bench load`: segmenting the sample articles (MB/s of text), parsing HTML,
//! loading a folder of 500 articles (discover + read + decode + dates, in parallel), and what
//! the app's loading thread does with each batch of events: preparing 20,000 events for the
//! store, merging them into a store of 1,000,000, and copying that store for the window.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dateline::corpus::{self, html};
use dateline::text::segment;
use dateline::timeline::EventStore;
use dateline::timeline::store::PreparedEvents;
use dateline::timeline::synthetic::synthetic_events;

fn samples_text() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample-articles");
    let mut all = String::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    for p in names {
        all.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        all.push_str("\n\n");
    }
    all
}

fn bench(c: &mut Criterion) {
    let text = samples_text();
    let big = text.repeat(40); // about 1 MB
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("segment 1 MB of sample articles", |b| {
        b.iter(|| segment(black_box(&big)))
    });
    g.finish();

    let page = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/site/wire.html"),
    )
    .unwrap_or_default();
    let body: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            format!(
                "<p class=\"para\">{}</p>\n<div class=\"ad\"><a href=\"/x\">Ad</a></div>\n",
                l.trim()
            )
        })
        .collect();
    let html_doc = page.replace(
        "<p class=\"credit\">",
        &format!("{}<p class=\"credit\">", body.repeat(20)),
    );
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Bytes(html_doc.len() as u64));
    g.bench_function("parse a 1 MB page", |b| {
        b.iter(|| html::parse(black_box(&html_doc)))
    });
    g.finish();

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..500 {
        let sub = dir.path().join(format!("part{}", i % 10));
        std::fs::create_dir_all(&sub).unwrap_or_default();
        let piece = text.get(..text.len().min(4000 + i * 7)).unwrap_or(&text);
        std::fs::write(sub.join(format!("a{i:04}.txt")), piece).unwrap_or_default();
    }
    let total: u64 = (0..500).map(|i| text.len().min(4000 + i * 7) as u64).sum();
    let mut g = c.benchmark_group("load");
    g.throughput(Throughput::Bytes(total));
    g.sample_size(20);
    g.bench_function("load 500 files", |b| {
        b.iter(|| corpus::load(&[dir.path().to_path_buf()]))
    });
    g.finish();
}

fn store(c: &mut Criterion) {
    let mut all = synthetic_events(1_020_000, 3);
    let batch = all.split_off(1_000_000);
    let store = EventStore::new(all);
    let mut g = c.benchmark_group("store");
    g.sample_size(10);
    g.bench_function("prepare 20k events", |b| {
        b.iter_batched(|| batch.clone(), PreparedEvents::new, BatchSize::LargeInput);
    });
    g.bench_function("merge 20k events into 1M", |b| {
        b.iter_batched(
            || (store.clone(), PreparedEvents::new(batch.clone())),
            |(mut s, p)| {
                s.extend_prepared(p);
                s
            },
            BatchSize::LargeInput,
        );
    });
    g.bench_function("copy a store of 1M", |b| {
        b.iter(|| black_box(store.clone()))
    });
    g.finish();
}

criterion_group!(benches, bench, store);
criterion_main!(benches);
