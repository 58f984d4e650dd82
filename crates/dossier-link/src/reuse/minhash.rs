//! Candidate pairs: a versioned threshold-sampled MinHash sketch, built for *containment*.
//!
//! **Why not banded Jaccard MinHash.** A rewrite shares few 3-grams with its source overall
//! (seed-like pairs: Jaccard 0.12 while 43% of the shorter text's 3-grams are in the longer),
//! and a passage lifted into a long article has a Jaccard near zero with it. Banded MinHash
//! finds pairs by Jaccard, so it misses both unless bands are so short that every article
//! on the same story becomes a candidate. (Tried: 256 one-permutation bins in 2-row bands
//! missed the seed rewrite.)
//!
//! **Scheme** ([`SCHEME_VERSION`] 1). A document's sample is every shingle hash below a
//! fixed threshold (one in [`Sampling::rate`]), the "MOD-m" sample of Broder (1997): a
//! bottom-k sketch whose threshold is shared by all documents. Two documents then share
//! about `|A ∩ B| / rate` sampled values *whatever their sizes*, so shared values measure
//! the overlap itself, which is what containment needs. Short texts keep at least
//! [`MIN_SAMPLE`] values (their smallest hashes) so that two short near-copies still meet.
//! Hashes are xxh3 with fixed seeds (`shingles`); there is no random generator, so stored
//! samples stay valid until the version changes.
//!
//! **Candidates.** Each sampled value is an index key (the database can store and index it
//! like an LSH band key). Pairs sharing at least [`Sampling::min_shared`] keys are
//! candidates; counting is linear in the postings. A key shared by more than [`MAX_BUCKET`]
//! documents is boilerplate or a syndicated text: each of its members is counted only with
//! the key's first [`STAR_LINKS`] members, which keeps the work linear and still connects
//! copies. Precision is the verifier's job, not this module's.

use std::collections::HashMap;

/// Version of the signature scheme (seeds, sampling). Bump on any change.
pub const SCHEME_VERSION: u32 = 1;

/// How densely a set is sampled and how many shared values make a candidate pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sampling {
    /// One value in `rate` is kept.
    pub rate: u64,
    /// Shared sampled values from which a pair is a candidate.
    pub min_shared: u32,
}

/// Sampling of word 3-gram shingles: 1 in 8, three shared (a shared passage of about 25
/// words is expected to make a candidate).
pub(crate) const SHINGLE_SAMPLING: Sampling = Sampling {
    rate: 8,
    min_shared: 3,
};
/// Fewest values kept from a non-empty set.
pub(crate) const MIN_SAMPLE: usize = 4;
/// Keys with more documents than this are linked as stars rather than all pairs.
pub(crate) const MAX_BUCKET: usize = 48;
/// Members of a big bucket each other member is counted with.
pub(crate) const STAR_LINKS: usize = 4;

/// The sample of a sorted, distinct set of hashes: its values below the sampling threshold,
/// or its [`MIN_SAMPLE`] smallest values when that is more.
pub(crate) fn sample(sorted: &[u64], sampling: Sampling) -> &[u64] {
    let threshold = u64::MAX / sampling.rate.max(1);
    let below = sorted.partition_point(|&h| h < threshold);
    &sorted[..below.max(MIN_SAMPLE.min(sorted.len()))]
}

/// Pairs `(i, j)`, `i < j`, of documents sharing at least `min_shared` sampled values;
/// sorted, distinct.
pub(crate) fn candidate_pairs(samples: &[&[u64]], sampling: Sampling) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    for (doc, sample) in samples.iter().enumerate() {
        for &value in *sample {
            buckets.entry(value).or_default().push(doc);
        }
    }
    let mut counts: HashMap<(usize, usize), u32> = HashMap::new();
    for members in buckets.values().filter(|m| m.len() > 1) {
        let links = if members.len() > MAX_BUCKET {
            STAR_LINKS
        } else {
            members.len()
        };
        for (n, &j) in members.iter().enumerate().skip(1) {
            for &i in &members[..n.min(links)] {
                *counts.entry((i, j)).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = counts
        .into_iter()
        .filter(|(_, n)| *n >= sampling.min_shared)
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::shingles::fingerprint;

    /// `n` pseudo-random words from a vocabulary of 5000; different seeds, different texts.
    fn words(seed: u64, n: usize) -> String {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                format!("w{}", x % 5000)
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn pairs(texts: &[&str]) -> Vec<(usize, usize)> {
        let prints: Vec<_> = texts.iter().map(|t| fingerprint(t)).collect();
        let samples: Vec<&[u64]> = prints
            .iter()
            .map(|p| sample(&p.shingles, SHINGLE_SAMPLING))
            .collect();
        candidate_pairs(&samples, SHINGLE_SAMPLING)
    }

    #[test]
    fn scheme_is_stable() {
        // Changing seeds or sampling must bump SCHEME_VERSION and these expectations.
        assert_eq!(
            (SCHEME_VERSION, SHINGLE_SAMPLING.rate, MIN_SAMPLE),
            (1, 8, 4)
        );
        let print = fingerprint(&words(1, 2000));
        let kept = sample(&print.shingles, SHINGLE_SAMPLING).len();
        assert!((200..300).contains(&kept), "{kept}");
        assert_eq!(sample(&[5, 9], SHINGLE_SAMPLING), [5, 9]);
        assert!(sample(&[], SHINGLE_SAMPLING).is_empty());
    }

    #[test]
    fn contained_passages_are_candidates_and_unrelated_texts_are_not() {
        let passage = words(1, 200);
        let long = format!("{} {} {}", words(2, 1500), passage, words(3, 1500));
        let other = words(4, 1000);
        let short_a = "the quick brown fox jumps over the lazy dog";
        let short_b = "The quick brown fox jumps over the lazy dog!";
        assert_eq!(
            pairs(&[&passage, &long, &other, short_a, short_b]),
            [(0, 1), (3, 4)]
        );
    }

    #[test]
    fn big_buckets_become_stars() {
        let text = words(9, 50);
        let texts: Vec<&str> = (0..MAX_BUCKET + 10).map(|_| text.as_str()).collect();
        let found = pairs(&texts);
        let n = texts.len();
        assert_eq!(
            found.len(),
            STAR_LINKS * (STAR_LINKS - 1) / 2 + (n - STAR_LINKS) * STAR_LINKS
        );
        assert!(found.iter().all(|&(i, _)| i < STAR_LINKS));
    }
}
