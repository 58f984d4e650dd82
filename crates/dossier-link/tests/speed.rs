//! Throughput of the reuse search on a synthetic corpus of unrelated texts (fingerprints,
//! samples and candidates; almost no pair reaches alignment). Run in release mode:
//! `cargo test --release -p dossier-link --test speed -- --ignored --nocapture`.

use std::time::Instant;

use dossier_core::{AnalyzedDocument, Document, Metadata};

/// `docs` texts of `words` pseudo-random words from a 20,000-word vocabulary, with sentences.
fn corpus(docs: usize, words: usize) -> Vec<AnalyzedDocument> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..docs)
        .map(|d| {
            let mut text = String::with_capacity(words * 8);
            for w in 0..words {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(&format!("word{} ", x % 20_000));
                if w % 20 == 19 {
                    text.push_str("end. ");
                }
            }
            let document = Document {
                id: format!("d{d:05}"),
                path: String::new(),
                sha256: String::new(),
                text,
                meta: Metadata::default(),
            };
            AnalyzedDocument::unanalyzed(document)
        })
        .collect()
}

#[test]
#[ignore]
fn reuse_search_throughput() {
    let docs = corpus(2000, 800);
    let words: usize = docs.iter().map(|d| d.document.word_count()).sum();
    let start = Instant::now();
    let found = dossier_link::find_derivations(&docs);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "{words} words in {seconds:.3} s: {:.2} M words/s, {} derivations",
        words as f64 / seconds / 1e6,
        found.len()
    );
    assert!(found.is_empty());
}
