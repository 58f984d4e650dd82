//! Sentence alignment: the verifier that tells a rewrite from an article on the same story.
//!
//! Each sentence becomes a small weighted set of features. In [`Mode::Lexical`]: content words
//! (not in `resources/link/stopwords.txt`) and word bigrams (unless both words are function
//! words). Names and numbers weigh a quarter of an ordinary word, and two sentences align only
//! if they share some *ordinary* vocabulary: independent articles on one story share names
//! and numbers all the time, while a rewrite keeps the ordinary words and phrasing around them.
//! In [`Mode::Skeleton`] (for translations) only names, numbers and month names (as their
//! number, in any language of `resources/link/values.tsv`) count, since nothing else survives
//! a change of language.
//!
//! Similarity is the weighted Dice coefficient. For each sentence of the derived document the
//! best sentence of the source is found through an inverted index of the source's features
//! (features posted in more than [`POSTING_CAP`] sentences are skipped), so the cost is linear
//! in the size of the documents, not in the product of their sentence counts. Links at or
//! above the threshold are then reduced to their longest chain in source order ([`chain`]):
//! a rewrite follows its source; coincidental matches scatter.

use dossier_core::Span;
use rustc_hash::FxHashMap;

use crate::resources::STOPWORDS;
use crate::reuse::shingles::{combine, word_hash};
use crate::reuse::values;
use crate::text::for_each_word;

/// Weight of an ordinary content word.
const WORD_WEIGHT: f32 = 1.0;
/// Weight of a name (capitalized inside the sentence) or a number.
const NAME_WEIGHT: f32 = 0.25;
/// Weight of a word bigram with an ordinary content word.
const BIGRAM_WEIGHT: f32 = 0.5;
/// Weight of a bigram of names, numbers and function words.
const NAME_BIGRAM_WEIGHT: f32 = 0.25;
/// Mixed into the feature of a month, so that it differs from any word's.
const MONTH_SALT: u64 = 0x6d6f_6e74_6873_0001;
/// Source features found in more sentences than this are ignored when searching.
pub(crate) const POSTING_CAP: usize = 64;

/// Which features describe a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Content words and bigrams: for texts in one language.
    Lexical,
    /// Names and numbers only: for texts in different languages.
    Skeleton,
}

/// A sentence as a weighted feature set.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence {
    pub span: Span,
    /// Distinct features, sorted by hash.
    features: Vec<Feature>,
    total: f32,
}

/// One feature of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Feature {
    hash: u64,
    weight: f32,
    /// Made of an ordinary content word (not a name, number or function word).
    ordinary: bool,
}

impl Sentence {
    /// True when the sentence has no feature (it can never align).
    pub(crate) fn is_empty(&self) -> bool {
        self.features.is_empty()
    }

    /// The sentence's feature hashes.
    pub(crate) fn feature_hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.features.iter().map(|f| f.hash)
    }
}

/// One aligned sentence pair: indices into the two documents' sentence lists.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Link {
    pub derived: usize,
    pub source: usize,
    pub similarity: f64,
}

/// When two sentences align.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct AlignConfig {
    /// Minimum weighted Dice similarity.
    pub threshold: f32,
    /// Minimum total weight of the shared features, so that two short headlines sharing two
    /// names do not align.
    pub min_shared: f32,
    /// Minimum weight of the shared ordinary features (words that are not names or numbers).
    pub min_ordinary: f32,
}

/// The feature sets of the sentences `spans` of `text`.
pub(crate) fn sentences(text: &str, spans: &[Span], mode: Mode) -> Vec<Sentence> {
    spans
        .iter()
        .map(|&span| sentence(text, span, mode))
        .collect()
}

fn sentence(text: &str, span: Span, mode: Mode) -> Sentence {
    let slice = text.get(span.range()).unwrap_or("");
    let mut features: Vec<Feature> = Vec::new();
    let mut previous: Option<(u64, Class)> = None;
    let mut index = 0;
    for_each_word(slice, |word| {
        let hash = word_hash(word.norm);
        let capital = slice[word.start..]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let class = if STOPWORDS.contains(word.norm) {
            Class::Function
        } else if (capital && (index > 0 || mode == Mode::Skeleton))
            || word.norm.bytes().any(|b| b.is_ascii_digit())
        {
            Class::Name
        } else {
            Class::Ordinary
        };
        match mode {
            Mode::Lexical => {
                match class {
                    Class::Ordinary => features.push(Feature {
                        hash,
                        weight: WORD_WEIGHT,
                        ordinary: true,
                    }),
                    Class::Name => features.push(Feature {
                        hash,
                        weight: NAME_WEIGHT,
                        ordinary: false,
                    }),
                    Class::Function => {}
                }
                if let Some((p_hash, p_class)) = previous {
                    let ordinary = class == Class::Ordinary || p_class == Class::Ordinary;
                    let weight = if ordinary {
                        BIGRAM_WEIGHT
                    } else {
                        NAME_BIGRAM_WEIGHT
                    };
                    if class != Class::Function || p_class != Class::Function {
                        features.push(Feature {
                            hash: combine(&[p_hash, hash]),
                            weight,
                            ordinary,
                        });
                    }
                }
            }
            Mode::Skeleton => {
                if let Some(month) = values::month(word.norm, capital) {
                    // Month names differ across languages; their number does not.
                    features.push(Feature {
                        hash: combine(&[MONTH_SALT, u64::from(month)]),
                        weight: WORD_WEIGHT,
                        ordinary: false,
                    });
                } else if class == Class::Name {
                    features.push(Feature {
                        hash,
                        weight: WORD_WEIGHT,
                        ordinary: false,
                    });
                }
            }
        }
        previous = Some((hash, class));
        index += 1;
    });
    features.sort_by(|a, b| a.hash.cmp(&b.hash).then(b.weight.total_cmp(&a.weight)));
    features.dedup_by_key(|f| f.hash);
    let total = features.iter().map(|f| f.weight).sum();
    Sentence {
        span,
        features,
        total,
    }
}

/// What a word is, for weighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Function,
    Name,
    Ordinary,
}

/// The sentences with only the features in `keep` (sorted, distinct); indices and spans stay.
pub(crate) fn restrict(sentences: &[Sentence], keep: &[u64]) -> Vec<Sentence> {
    sentences
        .iter()
        .map(|s| {
            let features: Vec<Feature> = s
                .features
                .iter()
                .copied()
                .filter(|f| keep.binary_search(&f.hash).is_ok())
                .collect();
            Sentence {
                span: s.span,
                total: features.iter().map(|f| f.weight).sum(),
                features,
            }
        })
        .collect()
}

/// Where each feature occurs in a document's sentences: `(feature, sentence)` pairs sorted so
/// that the posting of a feature is one run, and a map from each feature to its run. Built once
/// per document (a document takes part in many pairs); one flat vector rather than a map of
/// small vectors.
#[derive(Debug)]
pub(crate) struct SentenceIndex {
    entries: Vec<(u64, usize)>,
    /// Feature → (start, length) of its run in `entries`.
    runs: FxHashMap<u64, (usize, usize)>,
}

impl SentenceIndex {
    pub(crate) fn new(sentences: &[Sentence]) -> Self {
        let mut entries: Vec<(u64, usize)> = sentences
            .iter()
            .enumerate()
            .flat_map(|(s, sentence)| sentence.features.iter().map(move |f| (f.hash, s)))
            .collect();
        entries.sort_unstable();
        let mut runs = FxHashMap::default();
        for (i, &(hash, _)) in entries.iter().enumerate() {
            runs.entry(hash).or_insert((i, 0)).1 += 1;
        }
        SentenceIndex { entries, runs }
    }

    /// The sentences holding `hash`, as `(hash, sentence)` pairs in sentence order.
    fn posting(&self, hash: u64) -> &[(u64, usize)] {
        match self.runs.get(&hash) {
            Some(&(start, len)) => &self.entries[start..start + len],
            None => &[],
        }
    }
}

/// For each derived sentence, its best source sentence when similar enough; in derived order.
/// `index` is the [`SentenceIndex`] of `source`.
pub(crate) fn best_links(
    derived: &[Sentence],
    source: &[Sentence],
    index: &SentenceIndex,
    config: AlignConfig,
) -> Vec<Link> {
    // Shared weight (all features, ordinary ones) per source sentence, reset after each use.
    let mut shared = vec![(0f32, 0f32); source.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut links = Vec::new();
    for (d, sentence) in derived.iter().enumerate() {
        for feature in &sentence.features {
            let posting = index.posting(feature.hash);
            if posting.len() > POSTING_CAP {
                continue;
            }
            for &(_, s) in posting {
                if shared[s].0 == 0.0 {
                    touched.push(s);
                }
                shared[s].0 += feature.weight;
                if feature.ordinary {
                    shared[s].1 += feature.weight;
                }
            }
        }
        touched.sort_unstable();
        let mut best: Option<(usize, f32)> = None;
        for &s in &touched {
            let (all, ordinary) = shared[s];
            let sim = 2.0 * all / (sentence.total + source[s].total);
            let enough = all >= config.min_shared
                && ordinary >= config.min_ordinary
                && sim >= config.threshold;
            if enough && best.is_none_or(|(_, b)| sim > b) {
                best = Some((s, sim));
            }
            shared[s] = (0.0, 0.0);
        }
        touched.clear();
        if let Some((s, sim)) = best {
            links.push(Link {
                derived: d,
                source: s,
                similarity: f64::from(sim.min(1.0)),
            });
        }
    }
    links
}

/// The longest subsequence of `links` (given in derived order) whose source indices never
/// decrease (patience sorting, O(n log n)); ties between equally long chains are broken
/// deterministically.
pub(crate) fn chain(links: &[Link]) -> Vec<Link> {
    // tails[k]: index of the link ending the best chain of length k + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; links.len()];
    for (i, link) in links.iter().enumerate() {
        let k = tails.partition_point(|&t| links[t].source <= link.source);
        previous[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(links[i]);
        at = previous[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::sentences::split;

    const CONFIG: AlignConfig = AlignConfig {
        threshold: 0.35,
        min_shared: 2.0,
        min_ordinary: 1.0,
    };

    /// The similarity of two sentences when they align under [`CONFIG`], else 0.
    fn similarity(a: &str, b: &str) -> f64 {
        let sa = sentences(a, &[Span::new(0, a.len())], Mode::Lexical);
        let sb = sentences(b, &[Span::new(0, b.len())], Mode::Lexical);
        best_links(&sa, &sb, &SentenceIndex::new(&sb), CONFIG)
            .first()
            .map_or(0.0, |l| l.similarity)
    }

    #[test]
    fn sentence_similarity() {
        let table = [
            // Reworded sentence: high.
            (
                "Despite the murder of 16 citizens, the council refused to condemn the actions.",
                "Despite the killing of 16 nationals, the council declined to condemn the actions.",
                0.4,
                1.0,
            ),
            // Same names and numbers, different sentence: no alignment.
            (
                "In March 2006, Anna Berg of the Northern Union visited Oslo.",
                "Anna Berg, who led the Northern Union until 2006, was born near Oslo.",
                0.0,
                0.0,
            ),
            (
                "Identical words here, really.",
                "identical words here really",
                0.99,
                1.0,
            ),
            (
                "Nothing shared at all.",
                "Completely different sentence.",
                0.0,
                0.0,
            ),
        ];
        for (a, b, low, high) in table {
            let sim = similarity(a, b);
            assert!(
                (low..=high).contains(&sim),
                "{sim} not in {low}..={high}: {a:?} / {b:?}"
            );
        }
    }

    #[test]
    fn links_follow_the_best_match() {
        let source =
            "The mayor opened a new bridge over the river. Rain fell all week in the valley. \
                      Farmers worried about the harvest of wheat.";
        let derived = "Farmers are worried about their wheat harvest. The mayor opened the new bridge over the river.";
        let s = sentences(source, &split(source), Mode::Lexical);
        let d = sentences(derived, &split(derived), Mode::Lexical);
        let links = best_links(&d, &s, &SentenceIndex::new(&s), CONFIG);
        let pairs: Vec<(usize, usize)> = links.iter().map(|l| (l.derived, l.source)).collect();
        assert_eq!(pairs, [(0, 2), (1, 0)]);
    }

    #[test]
    fn chains_keep_source_order() {
        let link = |derived, source| Link {
            derived,
            source,
            similarity: 1.0,
        };
        let check = |sources: &[usize], expected: &[usize]| {
            let links: Vec<Link> = sources
                .iter()
                .enumerate()
                .map(|(d, &s)| link(d, s))
                .collect();
            let got: Vec<usize> = chain(&links).iter().map(|l| l.source).collect();
            assert_eq!(got, expected, "{sources:?}");
        };
        check(&[0, 1, 2, 3], &[0, 1, 2, 3]);
        check(&[5, 0, 1, 1, 9, 2], &[0, 1, 1, 2]);
        check(&[3, 2, 1], &[1]);
        check(&[], &[]);
    }

    #[test]
    fn skeleton_keeps_names_and_numbers() {
        // "Il" (capitalized, first word), 4, May, Mario, Rossi, Parigi, 2019; the first word
        // counts because only features found in both documents are compared.
        let text = "Il 4 maggio il presidente Mario Rossi ha visitato Parigi nel 2019.";
        let s = sentence(text, Span::new(0, text.len()), Mode::Skeleton);
        assert_eq!(s.features.len(), 7);
        let english = "On 4 May 2019 Mario Rossi visited Paris.";
        let e = sentence(english, Span::new(0, english.len()), Mode::Skeleton);
        let shared = e
            .feature_hashes()
            .filter(|h| s.feature_hashes().any(|x| x == *h));
        assert_eq!(shared.count(), 5);
    }
}
