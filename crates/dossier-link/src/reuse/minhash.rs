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
//! **Candidates.** Each sampled value is a band key: the store can keep `(key, document)`
//! rows indexed by key, and [`Signature`] is what it stores. Pairs sharing at least
//! [`Sampling::min_shared`] keys are candidates. The postings are one sorted vector of
//! `(key, document)`; each document then counts, in its own small buffer, the earlier
//! documents it meets in its keys' buckets (in parallel), so memory is linear in the postings
//! and never holds a table of all pairs. A key shared by more than [`MAX_BUCKET`] documents
//! is boilerplate or a syndicated text: each of its members is counted only with the key's
//! first [`STAR_LINKS`] members, which keeps the work linear and still connects copies.
//! Precision is the verifier's job, not this module's.

use rayon::prelude::*;

use crate::reuse::shingles::fingerprint;

/// Version of the signature scheme (seeds, sampling). Bump on any change.
pub const SCHEME_VERSION: u32 = 1;

/// What the reuse search keeps of a document: enough to find exact duplicates and candidate
/// pairs without the text. Valid as long as [`Signature::scheme`] equals [`SCHEME_VERSION`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Signature {
    /// The [`SCHEME_VERSION`] that made it.
    pub scheme: u32,
    /// Hash of the normalized word sequence (equal for exact duplicates).
    pub text_hash: u64,
    /// Number of words.
    pub words: usize,
    /// Band keys: the sampled word 3-gram hashes, sorted and distinct.
    pub band_keys: Vec<u64>,
}

/// The signature of one text under the current scheme.
pub fn signature(text: &str) -> Signature {
    let print = fingerprint(text);
    Signature {
        scheme: SCHEME_VERSION,
        text_hash: print.text_hash,
        words: print.words,
        band_keys: sample(&print.shingles, SHINGLE_SAMPLING).to_vec(),
    }
}

/// Candidate pairs `(i, j)`, `i < j`, among documents given by their band keys (indices into
/// `band_keys`); sorted, distinct. Sub-quadratic: see the module documentation.
pub fn candidate_pairs(band_keys: &[&[u64]]) -> Vec<(usize, usize)> {
    pairs_sharing(band_keys, SHINGLE_SAMPLING)
}

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
/// sorted, distinct. `samples` must be sorted and distinct.
pub(crate) fn pairs_sharing(samples: &[&[u64]], sampling: Sampling) -> Vec<(usize, usize)> {
    let index = Postings::new(samples);
    let mut pairs: Vec<(usize, usize)> = (0..samples.len())
        .into_par_iter()
        .flat_map_iter(|j| {
            let mut met: Vec<u32> = Vec::new();
            index.push_earlier_members(j, &mut met);
            met.sort_unstable();
            runs_at_least(&met, sampling.min_shared)
                .map(move |i| (i as usize, j))
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.par_sort_unstable();
    pairs
}

/// The inverted index of the samples, laid out for sequential reads: every `(key, document)`
/// posting sorted, the bucket (run of one key) of every posting, and every document's
/// postings. No binary search: at 100,000 documents those cache misses cost more than all
/// the rest.
struct Postings {
    /// `(key, document)`, sorted.
    postings: Vec<(u64, u32)>,
    /// For each posting, the start and length of its key's run in `postings`.
    buckets: Vec<(u32, u32)>,
    /// Posting indices grouped by document: document `d`'s are `by_doc[offsets[d]..offsets[d + 1]]`.
    by_doc: Vec<u32>,
    offsets: Vec<u32>,
}

impl Postings {
    fn new(samples: &[&[u64]]) -> Self {
        let mut postings: Vec<(u64, u32)> = samples
            .iter()
            .enumerate()
            .flat_map(|(doc, sample)| sample.iter().map(move |&key| (key, doc as u32)))
            .collect();
        postings.par_sort_unstable();
        let mut buckets = vec![(0u32, 0u32); postings.len()];
        for run in postings
            .chunk_by(|a, b| a.0 == b.0)
            .scan(0usize, |at, run| {
                let start = *at;
                *at += run.len();
                Some(start..*at)
            })
        {
            let bucket = (run.start as u32, run.len() as u32);
            buckets[run].fill(bucket);
        }
        let mut offsets = vec![0u32; samples.len() + 1];
        for &(_, doc) in &postings {
            offsets[doc as usize + 1] += 1;
        }
        for d in 0..samples.len() {
            offsets[d + 1] += offsets[d];
        }
        let mut fill = offsets.clone();
        let mut by_doc = vec![0u32; postings.len()];
        for (p, &(_, doc)) in postings.iter().enumerate() {
            by_doc[fill[doc as usize] as usize] = p as u32;
            fill[doc as usize] += 1;
        }
        Postings {
            postings,
            buckets,
            by_doc,
            offsets,
        }
    }

    /// Appends to `met` the documents `doc` is counted with in each of its buckets: the members
    /// before it, or only the bucket's first [`STAR_LINKS`] members when the bucket is big.
    fn push_earlier_members(&self, doc: usize, met: &mut Vec<u32>) {
        let mine = &self.by_doc[self.offsets[doc] as usize..self.offsets[doc + 1] as usize];
        for &p in mine {
            let (start, len) = self.buckets[p as usize];
            let position = p - start;
            let links = if len as usize > MAX_BUCKET {
                position.min(STAR_LINKS as u32)
            } else {
                position
            };
            let members = &self.postings[start as usize..(start + links) as usize];
            met.extend(members.iter().map(|&(_, d)| d));
        }
    }
}

/// The values occurring at least `min` times in a sorted slice.
fn runs_at_least(sorted: &[u32], min: u32) -> impl Iterator<Item = u32> + '_ {
    sorted
        .chunk_by(|a, b| a == b)
        .filter(move |run| run.len() >= min as usize)
        .map(|run| run[0])
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
        let signatures: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        let keys: Vec<&[u64]> = signatures.iter().map(|s| s.band_keys.as_slice()).collect();
        candidate_pairs(&keys)
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
