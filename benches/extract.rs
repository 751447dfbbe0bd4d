//! Extraction throughput over a generated corpus (`dateline::generate`), in bytes of article
//! text per second:
//!
//! - `extract/single_core`: every stage after loading (segmenting, time expressions, events)
//!   for each article in turn, on one thread;
//! - `extract/single_core_jsonl`: `single_core` plus writing the events as JSON Lines (to
//!   memory), the whole per-article work of `dateline extract --format jsonl`;
//! - `extract/parallel`: the same as `single_core` over all cores (rayon);
//! - `extract/folder`: `dateline extract` as run on a folder: reading and decoding the files,
//!   the sidecar, then extraction on all cores;
//! - `stages/segment` and `stages/time_expressions`: two stages of `single_core` alone
//!   (paragraphs and sentences; time expressions), to see where its time goes.
//!
//! Run: `cargo bench --bench extract` (add `-- --quick` for a faster, rougher run).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The allocator the `dateline` binary uses, so the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use dateline::Extractor;
use rayon::prelude::*;

/// Bytes of article text per run: large enough to smooth out per-article variety, small
/// enough for a quick run.
const CORPUS_BYTES: usize = 2_000_000;
const SEED: u64 = 1;

fn extract(c: &mut Criterion) {
    let articles = dateline::generate::corpus_of_size(SEED, CORPUS_BYTES);
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let extractor = Extractor::builtin();

    let mut group = c.benchmark_group("extract");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes));

    // One thread even if a stage uses rayon inside.
    match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
        Ok(one_core) => {
            group.bench_function("single_core", |b| {
                b.iter(|| {
                    one_core.install(|| {
                        articles
                            .iter()
                            .map(|a| extractor.extract(black_box(a)).len())
                            .sum::<usize>()
                    })
                });
            });
        }
        Err(e) => eprintln!("extract/single_core skipped: no one-thread pool ({e})"),
    }
    match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
        Ok(one_core) => {
            group.bench_function("single_core_jsonl", |b| {
                let mut out: Vec<u8> = Vec::new();
                b.iter(|| {
                    out.clear();
                    one_core.install(|| {
                        for a in &articles {
                            let events = extractor.extract(black_box(a));
                            if let Err(e) = dateline::export::jsonl::write(&events, &mut out) {
                                eprintln!("extract/single_core_jsonl: {e}");
                            }
                        }
                    });
                    out.len()
                });
            });
        }
        Err(e) => eprintln!("extract/single_core_jsonl skipped: no one-thread pool ({e})"),
    }

    group.bench_function("parallel", |b| {
        b.iter(|| {
            articles
                .par_iter()
                .map(|a| extractor.extract(black_box(a)).len())
                .sum::<usize>()
        });
    });

    // The same corpus as files with a sidecar, read from disk (the page cache, after the
    // first run) like `dateline extract FOLDER`.
    let folder = tempfile::tempdir().map(|dir| {
        let path = dir.path().join("corpus");
        let written = dateline::generate::write_corpus(&path, articles.len(), SEED);
        (dir, path, written)
    });
    match folder {
        Ok((_dir, path, Ok(written))) => {
            group.throughput(Throughput::Bytes(written.bytes));
            let paths = [path];
            group.bench_function("folder", |b| {
                b.iter(|| {
                    dateline::extract_paths(black_box(&paths), &extractor)
                        .events
                        .len()
                });
            });
        }
        Ok((_, _, Err(e))) => eprintln!("extract/folder skipped: {e}"),
        Err(e) => eprintln!("extract/folder skipped: no temporary folder ({e})"),
    }
    group.finish();

    let mut stages = c.benchmark_group("stages");
    stages
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(bytes));
    stages.bench_function("segment", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| dateline::text::segment(black_box(&a.text)).sentences.len())
                .sum::<usize>()
        });
    });
    stages.bench_function("time_expressions", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| {
                    let doc = dateline::temporal::DocDate {
                        date: a.published,
                        estimated: false,
                    };
                    dateline::temporal::tag(black_box(&a.text), doc).len()
                })
                .sum::<usize>()
        });
    });
    stages.finish();
}

criterion_group!(benches, extract);
criterion_main!(benches);
