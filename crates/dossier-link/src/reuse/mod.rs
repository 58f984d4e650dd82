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
//!
//! Finally the graph of derivations is reduced to each document's best sources (`graph`): in
//! a family of near-copies, a link bypassed by a chain of stronger links is not reported.

mod align;
mod direction;
mod formulaic;
mod graph;
mod minhash;
mod quotes;
mod sentences;
mod shingles;
mod values;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use dossier_core::{AlignedPassage, AnalyzedDocument, Derivation, DerivationKind, Span};
use rayon::prelude::*;

use align::{AlignConfig, Link, Mode, Sentence};
use direction::Direction;
use formulaic::Formula;
use minhash::Sampling;
use shingles::intersection_len;

pub use minhash::{candidate_pairs, signature, Signature, SCHEME_VERSION};

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
/// Least weight of evidence (see [`Alignment::weight`]) for any derivation found by
/// alignment: two identical sentences are not enough, nor three loosely similar ones.
const MIN_EVIDENCE: f64 = 2.0;
/// How much a link of a headline or a quotation weighs (see [`evidence_weight`]).
const FORMULAIC_WEIGHT: f64 = 0.5;
/// Share of the derived document's sentences aligned from which it is a rewrite of the source.
const PARAPHRASE_SHARE: f64 = 0.5;
/// Mean similarity of aligned sentences from which they are copied word for word.
const VERBATIM: f64 = 0.9;
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
/// Fewest words of an unmatched sentence worth listing (list numbers such as "2." are not).
const MIN_UNMATCHED_WORDS: usize = 3;
/// Share of the derived document's skeleton sentences (those with a name, number or date
/// found in the other document) aligned from which it is a translation. Translations align
/// nearly all of them (0.9–1 on invented parallel texts); an independent article on the same
/// story in another language, about two thirds.
const TRANSLATION_SHARE: f64 = 0.75;
/// Fewest aligned sentences for a translation (a skeleton aligns more easily than words).
const TRANSLATION_PASSAGES: usize = 4;
/// Least share of a document's skeleton found in the other for a translation to be checked.
const MIN_SKELETON_CONTAINMENT: f64 = 0.3;

/// See the module documentation.
pub(crate) fn find(documents: &[AnalyzedDocument]) -> Vec<Derivation> {
    let corpus = Corpus::new(documents);
    let (mut derivations, representative) = corpus.duplicates();
    let keys: Vec<&[u64]> = (0..documents.len())
        .map(|i| {
            if representative[i] == i {
                corpus.signatures[i].band_keys.as_slice()
            } else {
                &[]
            }
        })
        .collect();
    let pairs = minhash::candidate_pairs(&keys);
    derivations.par_extend(pairs.par_iter().filter_map(|&(a, b)| corpus.verify(a, b)));
    derivations.extend(corpus.translations(&representative));
    derivations.sort_by(|x, y| (&x.derived, &x.source).cmp(&(&y.derived, &y.source)));
    graph::reduce(derivations)
}

/// The documents with what has been computed about them.
struct Corpus<'a> {
    docs: &'a [AnalyzedDocument],
    signatures: Vec<Signature>,
    /// All 3-gram hashes, sorted, computed for the documents of candidate pairs only.
    shingles: Vec<OnceLock<Vec<u64>>>,
    /// Sentence features and quotes, computed on first use (most documents never need them).
    layouts: Vec<OnceLock<Layout>>,
}

/// The sentence-level view of one document.
#[derive(Debug)]
struct Layout {
    lexical: Vec<Sentence>,
    /// Where the features of the lexical sentences occur, made on first use as a source.
    lexical_index: OnceLock<align::SentenceIndex>,
    /// The numbers and dates of the lexical sentences, scanned on first use.
    values: OnceLock<values::SentenceValues>,
    /// Per sentence: a headline, a quotation or neither (see `formulaic`).
    formulaic: Vec<Formula>,
    /// The sentence spans the layout was made from.
    spans: Vec<Span>,
    /// Names, numbers and dates of each sentence, made on first use (translations only).
    skeleton: OnceLock<Vec<Sentence>>,
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
            lexical_index: OnceLock::new(),
            values: OnceLock::new(),
            formulaic: formulaic::formulaic(text, &spans),
            skeleton: OnceLock::new(),
            quotes: quotes::quote_spans(doc),
            spans,
        }
    }

    /// The numbers and dates of each lexical sentence of `text` (the layout's document).
    fn values(&self, text: &str) -> &values::SentenceValues {
        self.values
            .get_or_init(|| values::SentenceValues::new(text, self.lexical.iter().map(|s| s.span)))
    }

    /// The sentences of `text` (the layout's document) as `mode` sees them.
    fn sentences(&self, text: &str, mode: Mode) -> &[Sentence] {
        match mode {
            Mode::Lexical => &self.lexical,
            Mode::Skeleton => self
                .skeleton
                .get_or_init(|| align::sentences(text, &self.spans, Mode::Skeleton)),
        }
    }
}

/// The result of aligning a derived document with its source.
#[derive(Debug, Clone)]
struct Alignment {
    /// The longest chain of aligned sentences in source order: the evidence.
    links: Vec<Link>,
    /// The weight of the evidence: the sum of [`evidence_weight`] over the links.
    weight: f64,
    /// Derived sentences (with features) aligned with no source sentence at all.
    unmatched: Vec<Span>,
    /// Sentences with features (that could align) in each document.
    derived_sentences: usize,
    source_sentences: usize,
}

impl Alignment {
    /// Shares of the derived and of the source document's sentences that are aligned.
    fn shares(&self) -> (f64, f64) {
        let sources: BTreeSet<usize> = self.links.iter().map(|l| l.source).collect();
        (
            self.links.len() as f64 / self.derived_sentences.max(1) as f64,
            sources.len() as f64 / self.source_sentences.max(1) as f64,
        )
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
        let signatures = docs
            .par_iter()
            .map(|d| minhash::signature(&d.document.text))
            .collect();
        Corpus {
            docs,
            signatures,
            shingles: docs.iter().map(|_| OnceLock::new()).collect(),
            layouts: docs.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    fn shingles(&self, i: usize) -> &[u64] {
        self.shingles[i].get_or_init(|| shingles::fingerprint(&self.docs[i].document.text).shingles)
    }

    fn layout(&self, i: usize) -> &Layout {
        self.layouts[i].get_or_init(|| Layout::new(&self.docs[i]))
    }

    /// Document `i`'s sentences as `mode` sees them.
    fn sentences(&self, i: usize, mode: Mode) -> &[Sentence] {
        self.layout(i).sentences(&self.docs[i].document.text, mode)
    }

    /// Exact duplicates, and for every document the representative of its duplicate group
    /// (the earliest published, then the smallest id; itself when it has no duplicate).
    fn duplicates(&self) -> (Vec<Derivation>, Vec<usize>) {
        let mut groups: BTreeMap<(u64, usize), Vec<usize>> = BTreeMap::new();
        for (i, sig) in self
            .signatures
            .iter()
            .enumerate()
            .filter(|(_, s)| s.words > 0)
        {
            groups
                .entry((sig.text_hash, sig.words))
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
        if !self.same_language(a, b) {
            return None;
        }
        let (sa, sb) = (self.shingles(a), self.shingles(b));
        let shared = intersection_len(sa, sb) as f64;
        let (a_in_b, b_in_a) = (
            shared / sa.len().max(1) as f64,
            shared / sb.len().max(1) as f64,
        );
        if a_in_b.max(b_in_a) < MIN_CONTAINMENT {
            return None;
        }
        let jaccard = shared / ((sa.len() + sb.len()) as f64 - shared).max(1.0);
        let dir = direction::decide(self.docs, a, b, Some((a_in_b, b_in_a)));
        let (d_in_s, s_in_d) = if dir.derived == a {
            (a_in_b, b_in_a)
        } else {
            (b_in_a, a_in_b)
        };
        let alignment = self.align(dir, Mode::Lexical);
        let judged = if d_in_s.min(s_in_d) >= COPY_CONTAINMENT || jaccard >= COPY_CONTAINMENT {
            Judged {
                kind: DerivationKind::Copy,
                score: d_in_s,
            }
        } else {
            Self::judge(&alignment, d_in_s)?
        };
        let mut dir = dir;
        if !direction::dated(self.docs, a, b) && !containment_tells(judged.kind, &alignment, d_in_s)
        {
            dir.known = false;
        }
        Some(self.aligned_derivation(dir, judged, &alignment, Mode::Lexical))
    }

    /// False when both languages are known and differ.
    fn same_language(&self, a: usize, b: usize) -> bool {
        let (la, lb) = (
            &self.docs[a].document.meta.language,
            &self.docs[b].document.meta.language,
        );
        la.is_none() || lb.is_none() || la == lb
    }

    /// The sentences of the derived document aligned with the source. Across languages, only
    /// the names, numbers and dates found in both documents count (German capitalizes every
    /// noun; those nouns are not a skeleton shared with an English text).
    fn align(&self, dir: Direction, mode: Mode) -> Alignment {
        let (derived, source) = (
            self.sentences(dir.derived, mode),
            self.sentences(dir.source, mode),
        );
        match mode {
            Mode::Lexical => {
                let layout = self.layout(dir.source);
                let index = layout
                    .lexical_index
                    .get_or_init(|| align::SentenceIndex::new(&layout.lexical));
                self.align_sentences(dir, (derived, source), index, LEXICAL, derived)
            }
            Mode::Skeleton => {
                let shared = intersection(&feature_set(derived), &feature_set(source));
                let (derived, source) = (
                    align::restrict(derived, &shared),
                    align::restrict(source, &shared),
                );
                // A sentence with a name or number is listed as unmatched even when none of
                // them is in the source: a new name is a new claim.
                let listed = self.sentences(dir.derived, mode);
                let index = align::SentenceIndex::new(&source);
                self.align_sentences(dir, (&derived, &source), &index, SKELETON, listed)
            }
        }
    }

    /// Aligns `(derived, source)` sentences; the derived sentences without any link are listed
    /// as unmatched when they have features in `listed` (the same sentences, maybe with more
    /// features) and enough words.
    fn align_sentences(
        &self,
        dir: Direction,
        (derived, source): (&[Sentence], &[Sentence]),
        source_index: &align::SentenceIndex,
        config: AlignConfig,
        listed: &[Sentence],
    ) -> Alignment {
        let best = align::best_links(derived, source, source_index, config);
        let mut linked = vec![false; derived.len()];
        for link in &best {
            linked[link.derived] = true;
        }
        let text = &self.docs[dir.derived].document.text;
        let unmatched = listed
            .iter()
            .zip(linked)
            .filter(|(sentence, linked)| !linked && !sentence.is_empty())
            .map(|(sentence, _)| sentence.span)
            .filter(|&span| words_in(text, span) >= MIN_UNMATCHED_WORDS)
            .collect();
        let non_empty = |sentences: &[Sentence]| sentences.iter().filter(|s| !s.is_empty()).count();
        let links = align::chain(&best);
        let (df, sf) = (
            &self.layout(dir.derived).formulaic,
            &self.layout(dir.source).formulaic,
        );
        let formula = |l: &Link| {
            let of = |kinds: &[Formula], i: usize| kinds.get(i).copied().unwrap_or(Formula::None);
            of(df, l.derived).max(of(sf, l.source))
        };
        Alignment {
            weight: links.iter().map(|l| evidence_weight(l, formula(l))).sum(),
            links,
            unmatched,
            derived_sentences: non_empty(derived),
            source_sentences: non_empty(source),
        }
    }

    /// The kind and score of a same-language pair from its alignment, or `None` when the
    /// alignment is too thin to call it reuse.
    fn judge(alignment: &Alignment, d_in_s: f64) -> Option<Judged> {
        let links = &alignment.links;
        let (d_share, s_share) = alignment.shares();
        if links.len() < MIN_PASSAGES || alignment.weight < MIN_EVIDENCE {
            return None;
        }
        let kind = if d_share >= PARAPHRASE_SHARE {
            // A derived text found nearly word for word inside a longer source is an excerpt,
            // and so is one whose aligned sentences are verbatim but cover a small part of
            // the source (a rewrite rewords; a lifted passage does not).
            let verbatim = s_share < PARAPHRASE_SHARE && mean_similarity(links) >= VERBATIM;
            if d_in_s >= COPY_CONTAINMENT || verbatim {
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
                    feature_set(self.sentences(i, Mode::Skeleton))
                } else {
                    Vec::new()
                }
            })
            .collect();
        let samples: Vec<&[u64]> = skeletons
            .iter()
            .map(|s| minhash::sample(s, SKELETON_SAMPLING))
            .collect();
        minhash::pairs_sharing(&samples, SKELETON_SAMPLING)
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
        let alignment = self.align(dir, Mode::Skeleton);
        let (d_share, _) = alignment.shares();
        if alignment.links.len() < TRANSLATION_PASSAGES || d_share < TRANSLATION_SHARE {
            return None;
        }
        let judged = Judged {
            kind: DerivationKind::Translation,
            score: d_share,
        };
        Some(self.aligned_derivation(dir, judged, &alignment, Mode::Skeleton))
    }

    /// A derivation with its aligned passages and altered quotes.
    fn aligned_derivation(
        &self,
        dir: Direction,
        judged: Judged,
        alignment: &Alignment,
        mode: Mode,
    ) -> Derivation {
        let (derived, source) = (
            self.sentences(dir.derived, mode),
            self.sentences(dir.source, mode),
        );
        let evidence: Vec<AlignedPassage> = alignment
            .links
            .iter()
            .map(|l| AlignedPassage {
                derived: derived[l.derived].span,
                source: source[l.source].span,
                similarity: l.similarity,
            })
            .collect();
        let pairs: Vec<(Span, Span)> = evidence.iter().map(|p| (p.derived, p.source)).collect();
        let mut derivation = self.derivation(dir, judged, evidence, &pairs);
        derivation.unmatched.clone_from(&alignment.unmatched);
        derivation
    }

    fn derivation(
        &self,
        dir: Direction,
        judged: Judged,
        evidence: Vec<AlignedPassage>,
        pairs: &[(Span, Span)],
    ) -> Derivation {
        let (d, s) = (&self.docs[dir.derived], &self.docs[dir.source]);
        let (altered_quotes, changed_values) = if pairs.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            let (dl, sl) = (self.layout(dir.derived), self.layout(dir.source));
            let (dt, st) = (&d.document.text, &s.document.text);
            (
                quotes::altered(dt, &dl.quotes, st, &sl.quotes, pairs),
                values::changed((dt, dl.values(dt)), (st, sl.values(st)), pairs),
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
            changed_values,
            unmatched: Vec::new(),
        }
    }
}

/// The distinct features of some sentences, sorted.
fn feature_set(sentences: &[Sentence]) -> Vec<u64> {
    let mut set: Vec<u64> = sentences
        .iter()
        .flat_map(Sentence::feature_hashes)
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// The values two sorted, distinct slices share, sorted.
fn intersection(a: &[u64], b: &[u64]) -> Vec<u64> {
    a.iter()
        .copied()
        .filter(|x| b.binary_search(x).is_ok())
        .collect()
}

/// True when, without dates, the containment asymmetry of a pair can be trusted to tell the
/// derived document from its source: when the derived text is nearly all inside the source
/// (an excerpt or a copy), or when it is an edited version of a source of comparable extent
/// (most of the source's sentences are aligned too). When both texts have much material of
/// their own around what they share, an excerpt padded with new text and a short article
/// lifted into a longer one look alike: the direction is unknown.
fn containment_tells(kind: DerivationKind, alignment: &Alignment, d_in_s: f64) -> bool {
    if d_in_s >= COPY_CONTAINMENT {
        return true;
    }
    let (_, s_share) = alignment.shares();
    kind != DerivationKind::Partial && s_share >= PARAPHRASE_SHARE
}

/// What a link weighs as evidence: its similarity, reduced for a quotation, and for a headline
/// unless repeated word for word (independent articles share neither a headline's words nor
/// a statement's exact phrasing by chance: they share them by covering the same news).
fn evidence_weight(link: &Link, formula: Formula) -> f64 {
    let weak = match formula {
        Formula::None => false,
        Formula::Headline => link.similarity < VERBATIM,
        Formula::Quotation => true,
    };
    link.similarity * if weak { FORMULAIC_WEIGHT } else { 1.0 }
}

/// The mean similarity of aligned sentences (0 without any).
fn mean_similarity(links: &[Link]) -> f64 {
    links.iter().map(|l| l.similarity).sum::<f64>() / links.len().max(1) as f64
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

/// Number of words of `span` in `text`.
fn words_in(text: &str, span: Span) -> usize {
    let mut n = 0;
    crate::text::for_each_word(text.get(span.range()).unwrap_or(""), |_| n += 1);
    n
}

/// The span of the whole text without surrounding whitespace.
fn whole(text: &str) -> Span {
    let start = text.len() - text.trim_start().len();
    Span::new(start, start + text.trim().len())
}

#[cfg(test)]
mod tests;
