//! Throughput of entity recognition and in-document linking, in words per second.
//!
//! Run with `cargo bench -p dossier-annotate --bench entities`. Criterion runs on one thread,
//! so the figures are per core (the target of issue 4 is 2 million words/s per core).
//!
//! The corpus is news-like English: the bundled articles `examples/baltic-quota/*.txt` and,
//! when present, the seed articles in `../shared/corpus/seeds/` (skipped silently otherwise),
//! each one document, the set repeated to about 200,000 words. Two measurements:
//! - `find_mentions`: sentences are split beforehand, so this is name finding alone
//!   (tokenizer, rules, tagger, repeats and in-document resolution of short forms);
//! - `split_sentences+find_mentions`: the same with sentence splitting included.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use dossier_annotate::{find_mentions, split_sentences};
use dossier_core::Span;

/// About this many words are annotated per iteration.
const CORPUS_WORDS: usize = 200_000;

/// The `.txt` files of `dir`, in name order; none when it does not exist.
fn articles_in(dir: &Path) -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// The bundled and seed articles, repeated to about [`CORPUS_WORDS`] words.
fn corpus() -> Vec<String> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut articles = articles_in(&manifest.join("../../examples/baltic-quota"));
    articles.extend(articles_in(&manifest.join("../../../shared/corpus/seeds")));
    assert!(!articles.is_empty(), "no bundled articles found");
    let copies = CORPUS_WORDS.div_ceil(word_count(&articles).max(1));
    let count = articles.len() * copies;
    articles.iter().cycle().take(count).cloned().collect()
}

/// Words of `docs`, counted as whitespace-separated pieces.
fn word_count(docs: &[String]) -> usize {
    docs.iter().map(|d| d.split_whitespace().count()).sum()
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let words = word_count(&docs);
    let split: Vec<(&str, Vec<Span>)> = docs
        .iter()
        .map(|text| (text.as_str(), split_sentences(text)))
        .collect();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Elements(words as u64));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("find_mentions", |b| {
        b.iter(|| {
            for (text, sentences) in &split {
                black_box(find_mentions(black_box(text), black_box(sentences)));
            }
        })
    });
    group.bench_function("split_sentences+find_mentions", |b| {
        b.iter(|| {
            for text in &docs {
                let sentences = split_sentences(black_box(text));
                black_box(find_mentions(text, &sentences));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
