//! `temporal/tag` throughput on news text: the sample articles plus TimeBank-like text.
//!
//! Run: `cargo bench --bench temporal`; throughput is reported in bytes/s (MB/s).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::temporal::{DocDate, tag};

/// TimeBank-style news sentences, written for this benchmark.
const NEWSWIRE: &str = "WASHINGTON (AP) _ The Senate voted 52-48 on Tuesday to approve the \
budget, sending it to the president, who is expected to sign it next week. Officials said \
last month that spending rose 4.5 percent in the third quarter of 1998 from a year earlier, \
to $138 million. The agency, which employs 2,000 people, said it would cut 10,000 jobs over \
the next three years. Talks began on Jan. 16, 1998, and ended nearly two weeks later, on \
Friday, Jan. 30. Prices have risen since September and will rise again early next year, \
analysts said. The plant opened in the 1990s and has run daily since. At 10:35 a.m. EDT \
Thursday, the index stood at 8,150.24, up 3 percent this year. ";

fn samples() -> String {
    let mut text = String::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample-articles");
    if let Ok(rd) = std::fs::read_dir(dir) {
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e == "txt")
                && let Ok(s) = std::fs::read_to_string(&p)
            {
                text.push_str(&s);
                text.push('\n');
            }
        }
    }
    text
}

/// The sample articles, then dense newswire text up to 1 MB.
fn corpus() -> String {
    let mut text = samples();
    while text.len() < 1_000_000 {
        text.push_str(NEWSWIRE);
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let doc = DocDate::known(NaiveDate::from_ymd_opt(2024, 4, 24).unwrap_or_default());
    let mut g = c.benchmark_group("temporal");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("tag", |b| b.iter(|| tag(black_box(&text), doc)));
    // Real articles only (less dense in dates and numbers than the newswire filler).
    let mut real = samples();
    let one = real.clone();
    while real.len() < 1_000_000 && !one.is_empty() {
        real.push_str(&one);
    }
    g.throughput(Throughput::Bytes(real.len() as u64));
    g.bench_function("tag_samples", |b| b.iter(|| tag(black_box(&real), doc)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
