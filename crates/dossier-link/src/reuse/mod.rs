//! Reuse: which documents copy, rewrite, excerpt or translate which.
//!
//! The search runs in three stages, cheapest first:
//! 1. **Fingerprints** (`shingles`, parallel): the hash of the normalized text and the set of
//!    word 3-gram hashes of every document. Equal text hashes are exact duplicates; only one
//!    document of each duplicate group goes on.
//! 2. **Candidates** (`minhash`): a threshold-sampled MinHash sketch whose shared values
//!    measure the *overlap* of two texts, not their Jaccard similarity, so that a rewrite or a
//!    lifted passage is found even when the texts differ in length. Sub-quadratic: pairs come
//!    only from shared sample values (index keys).
//! 3. **Verification** (parallel over candidate pairs): exact 3-gram containment both ways,
//!    the direction (`direction`), then a sentence alignment (`align`) from the derived
//!    document to the source. The alignment is what separates a rewrite (its sentences follow
//!    the source's, word choices aside) from an independent article on the same story (same
//!    names and numbers, different sentences), and it yields the evidence passages and the
//!    altered quotes (`quotes`).
//!
//! Documents in different languages (by `meta.language`) are compared separately on their
//! *skeleton* of names and numbers, which survives translation.

mod align;
mod direction;
mod minhash;
mod quotes;
mod sentences;
mod shingles;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use dossier_core::{AlignedPassage, AnalyzedDocument, Derivation, DerivationKind, Span};
use rayon::prelude::*;

use align::{AlignConfig, Link, Mode, Sentence};
use direction::Direction;
use minhash::{Sampling, SHINGLE_SAMPLING};
use shingles::{intersection_len, Fingerprint};

pub use minhash::SCHEME_VERSION;

/// When two sentences of one language align.
const LEXICAL: AlignConfig = AlignConfig {
    threshold: 0.35,
    min_shared: 2.0,
    min_ordinary: 1.0,
};
/// When two sentences of different languages align (names and numbers only).
const SKELETON: AlignConfig = AlignConfig {
    threshold: 0.5,
    min_shared: 2.0,
    min_ordinary: 0.0,
};
/// A candidate pair is aligned only when this share of one document's 3-grams is in the other.
const MIN_CONTAINMENT: f64 = 0.08;
/// Containment both ways (or Jaccard) from which a pair is a copy.
const COPY_CONTAINMENT: f64 = 0.8;
/// Fewest aligned sentences for any derivation found by alignment.
const MIN_PASSAGES: usize = 3;
/// Share of the derived document's sentences aligned from which it is a rewrite of the source.
const PARAPHRASE_SHARE: f64 = 0.5;
/// Share of the derived document's sentences aligned from which reuse is certain.
const MIN_SHARE: f64 = 0.3;
/// Below [`MIN_SHARE`], a partial reuse needs this many aligned sentences, of which
/// [`PARTIAL_RUN`] consecutive in both documents.
const PARTIAL_PASSAGES: usize = 4;
const PARTIAL_RUN: usize = 3;
/// Skeletons (names and numbers) are small: all of their values are keys, and a pair in
/// different languages needs several shared names or numbers to be checked.
const SKELETON_SAMPLING: Sampling = Sampling {
    rate: 1,
    min_shared: 5,
};
/// Least share of a document's skeleton found in the other for a translation to be checked.
const MIN_SKELETON_CONTAINMENT: f64 = 0.3;

/// See the module documentation.
pub(crate) fn find(documents: &[AnalyzedDocument]) -> Vec<Derivation> {
    let corpus = Corpus::new(documents);
    let (mut derivations, representative) = corpus.duplicates();
    let samples: Vec<&[u64]> = (0..documents.len())
        .map(|i| {
            if representative[i] == i {
                minhash::sample(&corpus.prints[i].shingles, SHINGLE_SAMPLING)
            } else {
                &[]
            }
        })
        .collect();
    let pairs = minhash::candidate_pairs(&samples, SHINGLE_SAMPLING);
    derivations.par_extend(pairs.par_iter().filter_map(|&(a, b)| corpus.verify(a, b)));
    derivations.extend(corpus.translations(&representative));
    derivations.sort_by(|x, y| (&x.derived, &x.source).cmp(&(&y.derived, &y.source)));
    derivations
}

/// The documents with what has been computed about them.
struct Corpus<'a> {
    docs: &'a [AnalyzedDocument],
    prints: Vec<Fingerprint>,
    /// Sentence features and quotes, computed on first use (most documents never need them).
    layouts: Vec<OnceLock<Layout>>,
}

/// The sentence-level view of one document.
#[derive(Debug)]
struct Layout {
    lexical: Vec<Sentence>,
    skeleton: Vec<Sentence>,
    quotes: Vec<Span>,
}

impl Layout {
    fn new(doc: &AnalyzedDocument) -> Self {
        let text = &doc.document.text;
        let annotated: Vec<Span> = doc
            .annotations
            .sentences
            .iter()
            .copied()
            .filter(|s| text.get(s.range()).is_some())
            .collect();
        let spans = if annotated.is_empty() {
            sentences::split(text)
        } else {
            annotated
        };
        Layout {
            lexical: align::sentences(text, &spans, Mode::Lexical),
            skeleton: align::sentences(text, &spans, Mode::Skeleton),
            quotes: quotes::quote_spans(doc),
        }
    }

    fn sentences(&self, mode: Mode) -> &[Sentence] {
        match mode {
            Mode::Lexical => &self.lexical,
            Mode::Skeleton => &self.skeleton,
        }
    }
}

/// How an aligned pair is judged.
#[derive(Debug, Clone, Copy)]
struct Judged {
    kind: DerivationKind,
    score: f64,
}

impl<'a> Corpus<'a> {
    fn new(docs: &'a [AnalyzedDocument]) -> Self {
        let prints = docs
            .par_iter()
            .map(|d| shingles::fingerprint(&d.document.text))
            .collect();
        Corpus {
            docs,
            prints,
            layouts: docs.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    fn layout(&self, i: usize) -> &Layout {
        self.layouts[i].get_or_init(|| Layout::new(&self.docs[i]))
    }

    /// Exact duplicates, and for every document the representative of its duplicate group
    /// (the earliest published, then the smallest id; itself when it has no duplicate).
    fn duplicates(&self) -> (Vec<Derivation>, Vec<usize>) {
        let mut groups: BTreeMap<(u64, usize), Vec<usize>> = BTreeMap::new();
        for (i, print) in self.prints.iter().enumerate().filter(|(_, p)| p.words > 0) {
            groups
                .entry((print.text_hash, print.words))
                .or_default()
                .push(i);
        }
        let mut representative: Vec<usize> = (0..self.docs.len()).collect();
        let mut derivations = Vec::new();
        for members in groups.values().filter(|m| m.len() > 1) {
            let doc = |i: usize| &self.docs[i].document;
            let Some(&first) = members.iter().min_by_key(|&&i| {
                (
                    doc(i).meta.published.is_none(),
                    doc(i).meta.published,
                    &doc(i).id,
                )
            }) else {
                continue;
            };
            for &i in members.iter().filter(|&&i| i != first) {
                representative[i] = first;
                let dir = direction::decide(self.docs, i, first, None);
                let evidence = vec![AlignedPassage {
                    derived: whole(&self.docs[dir.derived].document.text),
                    source: whole(&self.docs[dir.source].document.text),
                    similarity: 1.0,
                }];
                derivations.push(self.derivation(
                    dir,
                    Judged {
                        kind: DerivationKind::Duplicate,
                        score: 1.0,
                    },
                    evidence,
                    &[],
                ));
            }
        }
        (derivations, representative)
    }

    /// Checks one candidate pair of same-language documents.
    fn verify(&self, a: usize, b: usize) -> Option<Derivation> {
        let (sa, sb) = (&self.prints[a].shingles, &self.prints[b].shingles);
        let shared = intersection_len(sa, sb) as f64;
        let (a_in_b, b_in_a) = (
            shared / sa.len().max(1) as f64,
            shared / sb.len().max(1) as f64,
        );
        if a_in_b.max(b_in_a) < MIN_CONTAINMENT || !self.same_language(a, b) {
            return None;
        }
        let jaccard = shared / ((sa.len() + sb.len()) as f64 - shared).max(1.0);
        let dir = direction::decide(self.docs, a, b, Some((a_in_b, b_in_a)));
        let (d_in_s, s_in_d) = if dir.derived == a {
            (a_in_b, b_in_a)
        } else {
            (b_in_a, a_in_b)
        };
        let links = self.align(dir, Mode::Lexical);
        let judged = if d_in_s.min(s_in_d) >= COPY_CONTAINMENT || jaccard >= COPY_CONTAINMENT {
            Judged {
                kind: DerivationKind::Copy,
                score: d_in_s,
            }
        } else {
            self.judge(dir, &links, d_in_s)?
        };
        Some(self.aligned_derivation(dir, judged, &links, Mode::Lexical))
    }

    /// False when both languages are known and differ.
    fn same_language(&self, a: usize, b: usize) -> bool {
        let (la, lb) = (
            &self.docs[a].document.meta.language,
            &self.docs[b].document.meta.language,
        );
        la.is_none() || lb.is_none() || la == lb
    }

    /// The chain of aligned sentences from the derived document to the source.
    fn align(&self, dir: Direction, mode: Mode) -> Vec<Link> {
        let config = if mode == Mode::Lexical {
            LEXICAL
        } else {
            SKELETON
        };
        let (derived, source) = (
            self.layout(dir.derived).sentences(mode),
            self.layout(dir.source).sentences(mode),
        );
        align::chain(&align::best_links(derived, source, config))
    }

    /// The kind and score of a same-language pair from its alignment, or `None` when the
    /// alignment is too thin to call it reuse.
    fn judge(&self, dir: Direction, links: &[Link], d_in_s: f64) -> Option<Judged> {
        let (d_share, s_share) = self.shares(dir, links, Mode::Lexical);
        if links.len() < MIN_PASSAGES {
            return None;
        }
        let kind = if d_share >= PARAPHRASE_SHARE {
            // A derived text found nearly word for word inside a longer source is an excerpt.
            if d_in_s >= COPY_CONTAINMENT {
                DerivationKind::Partial
            } else {
                DerivationKind::Paraphrase
            }
        } else if d_share >= MIN_SHARE
            || (links.len() >= PARTIAL_PASSAGES && longest_run(links) >= PARTIAL_RUN)
        {
            DerivationKind::Partial
        } else {
            return None;
        };
        let score = if kind == DerivationKind::Paraphrase {
            d_share
        } else {
            d_share.max(s_share)
        };
        Some(Judged { kind, score })
    }

    /// Shares of the derived and of the source document's (non-empty) sentences aligned.
    fn shares(&self, dir: Direction, links: &[Link], mode: Mode) -> (f64, f64) {
        let count = |i: usize| {
            self.layout(i)
                .sentences(mode)
                .iter()
                .filter(|s| !s.is_empty())
                .count()
                .max(1) as f64
        };
        let sources: BTreeSet<usize> = links.iter().map(|l| l.source).collect();
        (
            links.len() as f64 / count(dir.derived),
            sources.len() as f64 / count(dir.source),
        )
    }

    /// Translations: pairs in different known languages sharing their skeleton of names and
    /// numbers sentence by sentence.
    fn translations(&self, representative: &[usize]) -> Vec<Derivation> {
        let languages: BTreeSet<&String> = self
            .docs
            .iter()
            .filter_map(|d| d.document.meta.language.as_ref())
            .collect();
        if languages.len() < 2 {
            return Vec::new();
        }
        let skeletons: Vec<Vec<u64>> = (0..self.docs.len())
            .into_par_iter()
            .map(|i| {
                let keep = representative[i] == i && self.docs[i].document.meta.language.is_some();
                if keep {
                    self.layout(i).skeleton_set()
                } else {
                    Vec::new()
                }
            })
            .collect();
        let samples: Vec<&[u64]> = skeletons
            .iter()
            .map(|s| minhash::sample(s, SKELETON_SAMPLING))
            .collect();
        minhash::candidate_pairs(&samples, SKELETON_SAMPLING)
            .into_par_iter()
            .filter(|&(a, b)| !self.same_language(a, b))
            .filter_map(|(a, b)| self.verify_translation(a, b, &skeletons))
            .collect()
    }

    fn verify_translation(&self, a: usize, b: usize, skeletons: &[Vec<u64>]) -> Option<Derivation> {
        let (ka, kb) = (&skeletons[a], &skeletons[b]);
        let shared = intersection_len(ka, kb) as f64;
        if shared / (ka.len().min(kb.len()).max(1) as f64) < MIN_SKELETON_CONTAINMENT {
            return None;
        }
        let dir = direction::decide(self.docs, a, b, None);
        let links = self.align(dir, Mode::Skeleton);
        let (d_share, _) = self.shares(dir, &links, Mode::Skeleton);
        if links.len() < MIN_PASSAGES || d_share < MIN_SHARE {
            return None;
        }
        let judged = Judged {
            kind: DerivationKind::Translation,
            score: d_share,
        };
        Some(self.aligned_derivation(dir, judged, &links, Mode::Skeleton))
    }

    /// A derivation with its aligned passages and altered quotes.
    fn aligned_derivation(
        &self,
        dir: Direction,
        judged: Judged,
        links: &[Link],
        mode: Mode,
    ) -> Derivation {
        let (derived, source) = (
            self.layout(dir.derived).sentences(mode),
            self.layout(dir.source).sentences(mode),
        );
        let evidence: Vec<AlignedPassage> = links
            .iter()
            .map(|l| AlignedPassage {
                derived: derived[l.derived].span,
                source: source[l.source].span,
                similarity: l.similarity,
            })
            .collect();
        let pairs: Vec<(Span, Span)> = evidence.iter().map(|p| (p.derived, p.source)).collect();
        self.derivation(dir, judged, evidence, &pairs)
    }

    fn derivation(
        &self,
        dir: Direction,
        judged: Judged,
        evidence: Vec<AlignedPassage>,
        pairs: &[(Span, Span)],
    ) -> Derivation {
        let (d, s) = (&self.docs[dir.derived], &self.docs[dir.source]);
        let altered_quotes = if pairs.is_empty() {
            Vec::new()
        } else {
            let (dl, sl) = (self.layout(dir.derived), self.layout(dir.source));
            quotes::altered(
                &d.document.text,
                &dl.quotes,
                &s.document.text,
                &sl.quotes,
                pairs,
            )
        };
        Derivation {
            derived: d.document.id.clone(),
            source: s.document.id.clone(),
            kind: judged.kind,
            score: judged.score.clamp(0.0, 1.0),
            direction_known: dir.known,
            evidence,
            altered_quotes,
        }
    }
}

impl Layout {
    /// The distinct skeleton features of the whole document, sorted.
    fn skeleton_set(&self) -> Vec<u64> {
        let mut set: Vec<u64> = self
            .skeleton
            .iter()
            .flat_map(|s| s.feature_hashes())
            .collect();
        set.sort_unstable();
        set.dedup();
        set
    }
}

/// The longest run of links consecutive in both documents (gaps of at most one sentence).
fn longest_run(links: &[Link]) -> usize {
    let mut best = usize::from(!links.is_empty());
    let mut run = best;
    for w in links.windows(2) {
        let close = w[1].derived - w[0].derived <= 2 && w[1].source.abs_diff(w[0].source) <= 2;
        run = if close { run + 1 } else { 1 };
        best = best.max(run);
    }
    best
}

/// The span of the whole text without surrounding whitespace.
fn whole(text: &str) -> Span {
    let start = text.len() - text.trim_start().len();
    Span::new(start, start + text.trim().len())
}

#[cfg(test)]
mod tests;
