//! Tagger throughput over the seed articles (words per second).
//!
//! Run with `cargo bench -p dossier-time`. The seed texts are repeated to about a million
//! words so the measurement is not dominated by per-call overhead; sentences are left empty,
//! as the tagger must be fast without them too.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn seeds() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let mut text: String = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if text.is_empty() {
        text = "In March 2006, the delegation met. A year later, on Saturday, they met again. "
            .to_string();
    }
    text
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let copies = (1_000_000 / seeds.split_whitespace().count().max(1)).max(1);
    let text = seeds.repeat(copies);
    let words = text.split_whitespace().count() as u64;
    let published = NaiveDate::from_ymd_opt(2023, 10, 30);
    let mut group = c.benchmark_group("tag_times");
    group.throughput(Throughput::Elements(words));
    group.sample_size(10);
    group.bench_function("seeds", |b| {
        b.iter(|| dossier_time::tag_times(black_box(&text), &[], published))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
