//! Speed and scale of the reuse search on synthetic news-like corpora (word frequencies follow
//! Zipf's law, so common 3-grams such as "of the said" make big buckets, as in real news),
//! with known near copies and lifted passages mixed in. Run in release mode, one at a time:
//! `cargo test --release -p dossier-link --test scale -- --ignored --nocapture --test-threads=1`.

use std::time::Instant;

use dossier_core::{AnalyzedDocument, DerivationKind, Document, Metadata};

/// A deterministic xorshift generator (no `rand`: the corpus must never change).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A word rank from a Zipf-like (log-uniform) law over `vocabulary` words.
    fn zipf(&mut self, vocabulary: f64) -> u64 {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        vocabulary.powf(u) as u64
    }
}

/// One article of `words` words in sentences of 12–30 words.
fn article(rng: &mut Rng, words: usize) -> String {
    let mut text = String::with_capacity(words * 7);
    let mut left_in_sentence = 0;
    for _ in 0..words {
        // Sentences start with a capital, as the fallback sentence splitter expects.
        let initial = if left_in_sentence == 0 {
            if !text.is_empty() {
                text.push_str(". ");
            }
            left_in_sentence = 12 + rng.next() % 19;
            'Q'
        } else {
            text.push(' ');
            'q'
        };
        left_in_sentence -= 1;
        text.push(initial);
        push_letters(rng.zipf(50_000.0), &mut text);
    }
    text.push('.');
    text
}

/// Writes a word rank in letters (digits would make every word a number to the aligner).
fn push_letters(mut rank: u64, text: &mut String) {
    loop {
        text.push(char::from(b'a' + (rank % 26) as u8));
        rank /= 26;
        if rank == 0 {
            break;
        }
    }
}

/// `n` articles of about 300 words: every 50th is a near copy of the article 7 before it
/// (three words changed), every 100th (offset 25) embeds a 100-word passage of the article
/// 13 before it. Returns the documents and the numbers of planted copies and passages.
fn corpus(n: usize) -> (Vec<AnalyzedDocument>, (usize, usize)) {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut texts: Vec<String> = Vec::with_capacity(n);
    let mut planted = (0, 0);
    for i in 0..n {
        let text = if i % 50 == 49 {
            planted.0 += 1;
            let mut words: Vec<String> = texts[i - 7].split(' ').map(String::from).collect();
            for _ in 0..3 {
                let at = (rng.next() % words.len() as u64) as usize;
                words[at] = String::from("changed");
            }
            words.join(" ")
        } else if i % 100 == 25 && i >= 13 {
            planted.1 += 1;
            let passage: Vec<&str> = texts[i - 13].split(' ').skip(100).take(100).collect();
            format!(
                "{} {}. {}",
                article(&mut rng, 150),
                passage.join(" "),
                article(&mut rng, 150)
            )
        } else {
            article(&mut rng, 300)
        };
        texts.push(text);
    }
    let docs = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            AnalyzedDocument::unanalyzed(Document {
                id: format!("d{i:06}"),
                path: String::new(),
                sha256: String::new(),
                text,
                meta: Metadata::default(),
            })
        })
        .collect();
    (docs, planted)
}

/// Peak resident memory of this process so far (`VmHWM`), in MB.
fn peak_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn words(docs: &[AnalyzedDocument]) -> usize {
    docs.iter().map(|d| d.document.word_count()).sum()
}

#[test]
#[ignore]
fn signatures_and_candidates_throughput() {
    use rayon::prelude::*;
    let (docs, _) = corpus(20_000);
    let n_words = words(&docs);
    let start = Instant::now();
    let signatures: Vec<dossier_link::Signature> = docs
        .par_iter()
        .map(|d| dossier_link::signature(&d.document.text))
        .collect();
    let signed = start.elapsed().as_secs_f64();
    let keys: Vec<&[u64]> = signatures.iter().map(|s| s.band_keys.as_slice()).collect();
    let pairs = dossier_link::candidate_pairs(&keys);
    let seconds = start.elapsed().as_secs_f64();
    println!(
        "signatures + candidates: {n_words} words in {seconds:.3} s ({signed:.3} s signing): \
         {:.1} M words/s on {} threads; {} candidate pairs",
        n_words as f64 / seconds / 1e6,
        rayon::current_num_threads(),
        pairs.len()
    );
    assert!(pairs.len() < docs.len(), "{} candidates", pairs.len());
}

#[test]
#[ignore]
fn hundred_thousand_articles() {
    let (docs, planted) = corpus(100_000);
    let n_words = words(&docs);
    let before = peak_mb();
    let start = Instant::now();
    let found = dossier_link::find_derivations(&docs);
    let seconds = start.elapsed().as_secs_f64();
    let count = |kind| found.iter().filter(|d| d.kind == kind).count();
    println!(
        "{} articles, {n_words} words: reuse search in {seconds:.2} s ({:.2} M words/s); \
         peak memory {before:.0} MB after generating the corpus, {:.0} MB after the search; \
         {} derivations ({} copies, {} partial) for {planted:?} planted",
        docs.len(),
        n_words as f64 / seconds / 1e6,
        peak_mb(),
        found.len(),
        count(DerivationKind::Copy),
        count(DerivationKind::Partial),
    );
    assert_eq!(
        (found.len(), count(DerivationKind::Copy)),
        (planted.0 + planted.1, planted.0)
    );
}
