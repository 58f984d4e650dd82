//! A small statistical name tagger: an averaged perceptron over BIO tags for PER, ORG, LOC
//! and MISC, trained greedily by this project on open-licence data (see
//! `resources/annotate/ner_model.md` and `examples/train_ner.rs`).
//!
//! Key decisions. Tagging is a beam-pruned Viterbi search ([`Decoder`]): each token's scores
//! given the previous tag become log-probabilities (a softmax over the tags allowed after it:
//! an I- tag only continues a name of its label), so a later word can revise an earlier
//! choice ("Bank" after "Lake"). Only tokens that could start a name (capitalized or all
//! capitals) or that follow a name are scored, which keeps it fast and keeps lower-case words
//! out of names. It does not replace the rule-based finder but
//! stacks on it: the rules' view of each token is a feature ([`features`]), and [`merge`] keeps
//! the rules' finer types (GPE vs LOC) and their NORP and MISC names where the tagger found
//! nothing. Word lists and corpus statistics are features too ([`gazetteer`], [`word_stats`]),
//! never rules. Without a model (an empty file) the rules alone are used.

pub(crate) mod features;
mod gazetteer;
mod merge;
pub(crate) mod model;
mod train;
mod word_stats;

use std::sync::LazyLock;

use crate::entities::rules::RuleView;
use crate::entities::Context;
use features::{tag_features, token_infos, DocFeatures};
use model::{allowed, is_begin, label_of, Model, O, TAGS};

pub(crate) use merge::merge;
pub use train::{train, TrainingDoc};

/// The committed model, loaded on first use; None if the file is empty or malformed.
pub(crate) static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../resources/annotate/ner_model.bin"
    )))
});

/// How often `word` is written capitalized, in percent of its occurrences in a large corpus
/// (None when the word statistics do not know it).
pub(crate) fn capitalized_percent(word: &str) -> Option<u8> {
    word_stats::WORD_STATS.capitalized_percent(features::hash_lower(word.chars()))
}

/// Below this share of capitalized occurrences a word is a common word, not a name's.
pub(crate) const COMMON_WORD_PERCENT: u8 = 50;

/// True when `word` is mostly written capitalized, or the word statistics do not know it.
pub(crate) fn is_mostly_capitalized(word: &str) -> bool {
    capitalized_percent(word).is_none_or(|percent| percent >= COMMON_WORD_PERCENT)
}

/// True when the committed model's training texts hold `word` in lower case at least twice
/// ("very", "why"): a common word, whatever its case here.
pub(crate) fn is_common_lowercase_word(word: &str) -> bool {
    MODEL.as_ref().is_some_and(|model| {
        model
            .vocabulary()
            .binary_search(&features::word_key(word))
            .is_ok()
    })
}

/// True when `words` are exactly a country's name in the feature gazetteer.
pub(crate) fn is_country<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    gazetteer::GAZETTEER.is_country(words)
}

/// True when `words` are exactly a place name of the feature gazetteer (country, region,
/// continent or city).
pub(crate) fn is_place<'a>(words: impl Iterator<Item = &'a str>) -> bool {
    gazetteer::GAZETTEER.is_place(words)
}

/// True when `word` names a country, region, continent or large or medium city of the
/// feature gazetteer.
pub(crate) fn is_prominent_place(word: &str) -> bool {
    gazetteer::GAZETTEER.is_prominent_place(word)
}

/// True when `words` are exactly an organization of `org_names.txt` and no place's name
/// ("Microsoft", "BBC"; not "Amazon" the river).
pub(crate) fn is_listed_organization<'a>(words: impl Iterator<Item = &'a str> + Clone) -> bool {
    gazetteer::GAZETTEER.is_organization(words.clone()) && !gazetteer::GAZETTEER.is_place(words)
}

/// True when `word` is one of the most common given names of the feature gazetteer.
pub(crate) fn is_common_given_name(word: &str) -> bool {
    gazetteer::GAZETTEER.is_common_given_name(word)
}

/// True when `word` is a given name of the feature gazetteer, common or rare.
pub(crate) fn is_given_name(word: &str) -> bool {
    gazetteer::GAZETTEER.is_given_name(word)
}

/// True when `word` is a surname of the feature gazetteer, common or rare, or the name of a
/// famous person ("Hitler").
pub(crate) fn is_surname_or_famous(word: &str) -> bool {
    gazetteer::GAZETTEER.is_surname_or_famous(word)
}

/// True when `word` is one of the most common surnames of the feature gazetteer.
pub(crate) fn is_common_surname(word: &str) -> bool {
    gazetteer::GAZETTEER.is_common_surname(word)
}

/// A tagged name: tokens `[start, end)` and its label (0 PER, 1 ORG, 2 LOC, 3 MISC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tagged {
    pub start: usize,
    pub end: usize,
    pub label: u8,
}

/// Tags every sentence of the document, returning one tag per token.
pub(crate) fn tag_tokens(ctx: &Context, rules: &RuleView, model: &Model) -> Vec<u8> {
    let doc = DocFeatures {
        infos: token_infos(ctx, model.vocabulary()),
        rules,
    };
    let mut tags = vec![O; ctx.tokens.len()];
    let mut decoder = Decoder::default();
    for sentence in &ctx.sentences {
        decoder.decode(&doc, model, sentence.clone(), &mut tags);
    }
    tags
}

/// Log-probability below which a partial path is dropped (relative to the best one).
const BEAM: f32 = 2.0;
/// Divides scores (in weight units) before the per-token softmax.
const TEMPERATURE: f32 = 12.0;

/// Beam-pruned Viterbi search over the BIO tags of one sentence. Each token's scores, given
/// the previous tag, are turned into log-probabilities by a softmax over the tags allowed
/// after it; a token that cannot start a name is O with certainty after an O, as in training.
/// The tag before the previous one (a feature) is read from the surviving path.
#[derive(Default)]
struct Decoder {
    /// Per token of the sentence, per tag: the previous tag on the best path.
    back: Vec<[u8; TAGS]>,
    features: Vec<u32>,
}

impl Decoder {
    fn decode(
        &mut self,
        doc: &DocFeatures,
        model: &Model,
        sentence: std::ops::Range<usize>,
        tags: &mut [u8],
    ) {
        const DEAD: f32 = f32::NEG_INFINITY;
        self.back.clear();
        let mut best = [DEAD; TAGS];
        best[usize::from(O)] = 0.0;
        let unit = model.scale() / TEMPERATURE;
        for i in sentence.clone() {
            let info = &doc.infos[i];
            let k = i - sentence.start;
            let mut next = [DEAD; TAGS];
            let mut back = [O; TAGS];
            let top = best.iter().copied().fold(DEAD, f32::max);
            let mut statics: Option<[i32; TAGS]> = None;
            for prev in 0..TAGS as u8 {
                let base = best[usize::from(prev)];
                if base == DEAD || base < top - BEAM {
                    continue;
                }
                if prev == O && !info.may_start_name() {
                    if base > next[usize::from(O)] {
                        next[usize::from(O)] = base;
                        back[usize::from(O)] = prev;
                    }
                    continue;
                }
                let mut scores = *statics.get_or_insert_with(|| {
                    self.features.clear();
                    doc.static_features(i, &sentence, &mut self.features);
                    let mut scores = [0; TAGS];
                    model.score(&self.features, &mut scores);
                    scores
                });
                self.features.clear();
                let prev2 = match k {
                    0 => O,
                    _ => self.back[k - 1][usize::from(prev)],
                };
                tag_features(info, prev, prev2, &mut self.features);
                model.score(&self.features, &mut scores);
                let log_probs = log_softmax(prev, &scores, unit);
                for tag in 0..TAGS as u8 {
                    let total = base + log_probs[usize::from(tag)];
                    if total > next[usize::from(tag)] {
                        next[usize::from(tag)] = total;
                        back[usize::from(tag)] = prev;
                    }
                }
            }
            self.back.push(back);
            best = next;
        }
        let Some(mut tag) = (0..TAGS as u8)
            .filter(|&t| best[usize::from(t)] > DEAD)
            .max_by(|&a, &b| {
                best[usize::from(a)]
                    .total_cmp(&best[usize::from(b)])
                    .then(b.cmp(&a))
            })
        else {
            return;
        };
        for (k, i) in sentence.enumerate().rev() {
            tags[i] = tag;
            tag = self.back[k][usize::from(tag)];
        }
    }
}

/// Log-probabilities of the tags allowed after `prev` (DEAD for the others).
fn log_softmax(prev: u8, scores: &[i32; TAGS], unit: f32) -> [f32; TAGS] {
    let mut out = [f32::NEG_INFINITY; TAGS];
    let mut top = f32::NEG_INFINITY;
    for tag in 0..TAGS as u8 {
        if allowed(prev, tag) {
            let x = scores[usize::from(tag)] as f32 * unit;
            out[usize::from(tag)] = x;
            top = top.max(x);
        }
    }
    // Tags not allowed add exp(-inf) = 0: skip them (the sum is the same, bit for bit).
    let sum: f32 = out
        .iter()
        .filter(|&&x| x > f32::NEG_INFINITY)
        .map(|&x| (x - top).exp())
        .sum();
    let log_sum = top + sum.ln();
    for x in &mut out {
        *x -= log_sum;
    }
    out
}

/// The highest-scoring tag that may follow `prev` (ties go to the lower tag, O first).
pub(crate) fn best_allowed<T: PartialOrd + Copy>(prev: u8, scores: &[T; TAGS]) -> u8 {
    let mut best = O;
    for tag in 1..TAGS as u8 {
        if allowed(prev, tag) && scores[usize::from(tag)] > scores[usize::from(best)] {
            best = tag;
        }
    }
    best
}

/// The names a tag sequence spells.
pub(crate) fn spans(tags: &[u8]) -> Vec<Tagged> {
    let mut out: Vec<Tagged> = Vec::new();
    let mut open: Option<Tagged> = None;
    for (i, &tag) in tags.iter().enumerate() {
        match (label_of(tag), open.as_mut()) {
            (Some(label), Some(name)) if !is_begin(tag) && name.label == label => name.end = i + 1,
            (Some(label), _) => {
                out.extend(open.take());
                open = Some(Tagged {
                    start: i,
                    end: i + 1,
                    label,
                });
            }
            (None, _) => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{begin, inside};

    #[test]
    fn spans_follow_bio_tags() {
        let tags = [O, begin(0), inside(0), begin(0), O, begin(2), inside(2)];
        let found: Vec<(usize, usize, u8)> = spans(&tags)
            .iter()
            .map(|t| (t.start, t.end, t.label))
            .collect();
        assert_eq!(found, [(1, 3, 0), (3, 4, 0), (5, 7, 2)]);
    }

    #[test]
    fn log_probabilities_cover_only_allowed_tags() {
        let scores = [0, 40, 10, 0, 30, 0, 0, 0, 0];
        let log_probs = log_softmax(O, &scores, 0.1);
        let total: f32 = log_probs.iter().map(|x| x.exp()).sum();
        assert!((total - 1.0).abs() < 1e-5);
        assert_eq!(log_probs[usize::from(inside(0))], f32::NEG_INFINITY);
        assert!(log_probs[usize::from(begin(0))] > log_probs[usize::from(O)]);
        let after_org = log_softmax(begin(1), &scores, 0.1);
        assert!(after_org[usize::from(inside(1))] > after_org[usize::from(O)]);
    }

    #[test]
    fn decoding_respects_transitions() {
        let mut scores = [0i32; TAGS];
        scores[usize::from(inside(1))] = 10;
        scores[usize::from(begin(0))] = 5;
        assert_eq!(best_allowed(O, &scores), begin(0));
        assert_eq!(best_allowed(begin(1), &scores), inside(1));
    }
}
