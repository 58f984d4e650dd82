//! Shingles: the set of word 3-grams of a text, as 64-bit hashes, and the hash of the whole
//! normalized text (for exact duplicates).
//!
//! Words are normalized by `crate::text` (lower case, diacritics folded, punctuation dropped).
//! Each word is hashed once with xxh3 and a 3-gram's hash is xxh3 of its three word hashes, so
//! no string is built per shingle. Seeds are fixed constants of the versioned scheme
//! (`minhash::SCHEME_VERSION`): changing them changes every stored signature.

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::text::for_each_word;

/// Words per shingle.
pub(crate) const SHINGLE_WORDS: usize = 3;

const WORD_SEED: u64 = 0x243f_6a88_85a3_08d3;
const SHINGLE_SEED: u64 = 0x1319_8a2e_0370_7344;

/// What the reuse search knows about a text before comparing it with others.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    /// Hash of the normalized word sequence: equal texts up to case, accents, punctuation and
    /// spacing have equal hashes.
    pub text_hash: u64,
    /// Number of words.
    pub words: usize,
    /// Distinct shingle hashes, sorted.
    pub shingles: Vec<u64>,
}

/// The hash of one normalized word.
pub(crate) fn word_hash(norm: &str) -> u64 {
    xxh3_64_with_seed(norm.as_bytes(), WORD_SEED)
}

/// The hash of a run of word hashes (a shingle, or a bigram feature).
pub(crate) fn combine(hashes: &[u64]) -> u64 {
    let mut bytes = [0u8; 8 * SHINGLE_WORDS];
    let n = hashes.len().min(SHINGLE_WORDS);
    for (chunk, h) in bytes.chunks_exact_mut(8).zip(&hashes[..n]) {
        chunk.copy_from_slice(&h.to_le_bytes());
    }
    xxh3_64_with_seed(&bytes[..8 * n], SHINGLE_SEED)
}

/// Fingerprints one text. A text shorter than a shingle has one shingle of all its words.
pub(crate) fn fingerprint(text: &str) -> Fingerprint {
    let mut window = [0u64; SHINGLE_WORDS];
    let mut words = 0usize;
    let mut text_hash = WORD_SEED;
    let mut shingles = Vec::with_capacity(text.len() / 6);
    for_each_word(text, |word| {
        let h = word_hash(word.norm);
        text_hash = (text_hash.rotate_left(23) ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        window.rotate_left(1);
        window[SHINGLE_WORDS - 1] = h;
        words += 1;
        if words >= SHINGLE_WORDS {
            shingles.push(combine(&window));
        }
    });
    if (1..SHINGLE_WORDS).contains(&words) {
        shingles.push(combine(&window[SHINGLE_WORDS - words..]));
    }
    shingles.sort_unstable();
    shingles.dedup();
    Fingerprint {
        text_hash,
        words,
        shingles,
    }
}

/// Number of elements two sorted, distinct slices share.
pub(crate) fn intersection_len(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_counts() {
        let table = [
            ("", 0),
            ("one", 1),
            ("one two", 1),
            ("one two three", 1),
            ("a b c d e", 3),
            ("a b c a b c", 3),
        ];
        for (text, expected) in table {
            assert_eq!(fingerprint(text).shingles.len(), expected, "{text:?}");
        }
    }

    #[test]
    fn normalization_makes_duplicates() {
        let a = fingerprint("The Kremlin’s goal:  Milàn said “no”.");
        let b = fingerprint("the kremlin's GOAL - Milan said \"no\"");
        assert_eq!(a, b);
        assert_ne!(
            a.text_hash,
            fingerprint("the kremlin goal milan said yes").text_hash
        );
        // Order matters for the text hash, not for the count of words.
        let (x, y) = (fingerprint("a b c d"), fingerprint("d c b a"));
        assert_eq!(x.words, y.words);
        assert_ne!(x.text_hash, y.text_hash);
    }

    #[test]
    fn intersections() {
        assert_eq!(intersection_len(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(intersection_len(&[], &[1]), 0);
        let a = fingerprint("the cat sat on the mat today");
        let b = fingerprint("yesterday the cat sat on the mat");
        assert_eq!(intersection_len(&a.shingles, &b.shingles), 4);
    }
}
