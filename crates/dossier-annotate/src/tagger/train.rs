//! Training the tagger: a greedy averaged perceptron (Collins 2002), deterministic.
//!
//! Each training document is tokenized and analysed by the rules exactly as at tagging time,
//! and the gold names (byte spans) are projected onto our tokens, so training and tagging see
//! the same features. Sentences are visited in an order shuffled by a fixed-seed generator; the
//! previous tags are the model's own predictions, as when tagging. Weights are averaged with
//! the usual lazy timestamps, then pruned and quantized by [`super::model::to_bytes`].

use std::collections::HashMap;
use std::ops::Range;

use dossier_core::{EntityKind, Span};

use super::best_allowed;
use super::features::{tag_features, token_infos, word_key, DocFeatures, TokenInfo};
use super::model::{begin, inside, to_bytes, O, TAGS};
use crate::entities::rules::RuleView;
use crate::entities::tokens::{tokenize, Shape};
use crate::entities::{with_context, Context};
use crate::split_sentences;

/// A document with its gold names: byte spans typed PERSON, ORG, LOC (GPE counts as LOC) or
/// MISC (NORP counts as MISC). Data without MISC annotation leaves such names untagged.
#[derive(Debug, Clone)]
pub struct TrainingDoc {
    pub text: String,
    pub gold: Vec<(Span, EntityKind)>,
}

/// One sentence ready for training: static features per token and gold tags.
struct Sentence {
    infos: Vec<TokenInfo>,
    /// Static features of token k: `features[offsets[k]..offsets[k + 1]]`.
    features: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
}

/// One feature's weights with what lazy averaging needs.
#[derive(Default, Clone)]
struct Param {
    weights: [f32; TAGS],
    totals: [f64; TAGS],
    stamps: [u32; TAGS],
}

/// Trains a model on `docs` for `epochs` passes and returns the model file, with features
/// whose weights all stay below `min_weight` pruned. The weights are the mean of [`RUNS`]
/// averaged perceptrons that saw the sentences in different orders: one run's F1 moves by about
/// a point with its order, so a single run makes small changes impossible to measure. `seed`
/// picks the orders (the committed model uses seed 0); training with other seeds shows how
/// much of a change in F1 is the orders' scatter (`bench/ner_seeds.sh`).
pub fn train(docs: &[TrainingDoc], epochs: usize, min_weight: f32, seed: u64) -> Vec<u8> {
    let vocabulary = vocabulary(docs);
    let sentences: Vec<Sentence> = docs
        .iter()
        .chain(&copies_with_capitals(docs))
        .flat_map(|doc| prepare(doc, &vocabulary))
        .collect();
    let mut mean: HashMap<u32, [f32; TAGS]> = HashMap::new();
    for run in 0..RUNS {
        let run_seed = 0x2545_f491_4f6c_dd1du64.wrapping_add(seed * RUNS + run);
        for (key, weights) in train_run(&sentences, epochs, run_seed) {
            let slot = mean.entry(key).or_default();
            for (total, w) in slot.iter_mut().zip(weights) {
                *total += w / RUNS as f32;
            }
        }
    }
    let mut weights: Vec<(u32, [f32; TAGS])> = mean.into_iter().collect();
    weights.sort_by_key(|&(key, _)| key);
    to_bytes(&weights, min_weight, &vocabulary)
}

/// How many perceptrons [`train`] averages.
const RUNS: u64 = 8;

/// One averaged perceptron over `sentences`, visited in an order shuffled from `seed`.
fn train_run(sentences: &[Sentence], epochs: usize, seed: u64) -> Vec<(u32, [f32; TAGS])> {
    let mut params: HashMap<u32, Param> = HashMap::new();
    let mut instances = 0u32;
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = seed;
    let mut features = Vec::with_capacity(48);
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &s in &order {
            let sentence = &sentences[s];
            let (mut prev, mut prev2) = (O, O);
            for k in 0..sentence.gold.len() {
                let info = &sentence.infos[k];
                let tag = if prev == O && !info.may_start_name() {
                    O
                } else {
                    features.clear();
                    features.extend_from_slice(
                        &sentence.features[sentence.offsets[k]..sentence.offsets[k + 1]],
                    );
                    tag_features(info, prev, prev2, &mut features);
                    let guess = predict(&params, &features, prev);
                    instances += 1;
                    update(&mut params, &features, sentence.gold[k], guess, instances);
                    guess
                };
                (prev2, prev) = (prev, tag);
            }
        }
    }
    params
        .iter()
        .map(|(&key, p)| (key, average(p, instances)))
        .collect()
}

/// One document in [`CAPITALS_EVERY`] again, with every [`CAPITALS_EVERY`]-th sentence (the
/// first among them) written in capitals, as headlines and wire slugs are: the training data
/// has almost none, and without them the tagger knows names only by their capital letter.
/// ASCII letters only, so the gold byte spans still hold.
fn copies_with_capitals(docs: &[TrainingDoc]) -> Vec<TrainingDoc> {
    docs.iter()
        .step_by(CAPITALS_EVERY)
        .map(|doc| {
            let mut text = doc.text.clone();
            for span in split_sentences(&doc.text).iter().step_by(CAPITALS_EVERY) {
                text[span.start..span.end].make_ascii_uppercase();
            }
            TrainingDoc {
                text,
                gold: doc.gold.clone(),
            }
        })
        .collect()
}

/// See [`copies_with_capitals`].
const CAPITALS_EVERY: usize = 2;

/// Words seen in lower case at least twice in the training texts, as sorted [`word_key`]s.
fn vocabulary(docs: &[TrainingDoc]) -> Vec<u32> {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for doc in docs {
        for token in tokenize(&doc.text) {
            if token.shape == Shape::Lower {
                *counts.entry(word_key(token.text(&doc.text))).or_default() += 1;
            }
        }
    }
    let mut keys: Vec<u32> = counts
        .into_iter()
        .filter(|&(_, count)| count >= 2)
        .map(|(key, _)| key)
        .collect();
    keys.sort_unstable();
    keys
}

/// Tokenizes one document, runs the rules and computes static features and gold tags.
fn prepare(doc: &TrainingDoc, vocabulary: &[u32]) -> Vec<Sentence> {
    let text = doc.text.as_str();
    with_context(text, &split_sentences(text), |ctx| {
        let rules = RuleView::new(ctx);
        let gold = gold_tags(ctx, &doc.gold);
        let features = DocFeatures {
            infos: token_infos(ctx, vocabulary),
            rules: &rules,
        };
        ctx.sentences
            .iter()
            .map(|range| sentence(&features, &gold, range))
            .collect()
    })
}

fn sentence(doc: &DocFeatures, gold: &[u8], range: &Range<usize>) -> Sentence {
    let mut features = Vec::new();
    let mut offsets = vec![0];
    for i in range.clone() {
        doc.static_features(i, range, &mut features);
        offsets.push(features.len());
    }
    Sentence {
        infos: doc.infos[range.clone()].to_vec(),
        features,
        offsets,
        gold: gold[range.clone()].to_vec(),
    }
}

/// The gold tag of every token: a token inside a gold span takes its label, B- on the span's
/// first token.
fn gold_tags(ctx: &Context, gold: &[(Span, EntityKind)]) -> Vec<u8> {
    let mut tags = vec![O; ctx.tokens.len()];
    let mut spans: Vec<(Span, u8)> = gold
        .iter()
        .filter_map(|&(span, kind)| Some((span, label(kind)?)))
        .collect();
    spans.sort_by_key(|(span, _)| span.start);
    let mut next = 0;
    for (i, token) in ctx.tokens.iter().enumerate() {
        while next < spans.len() && spans[next].0.end <= token.start {
            next += 1;
        }
        let Some(&(span, label)) = spans.get(next) else {
            break;
        };
        if span.start <= token.start && token.end <= span.end {
            let first = i == 0 || ctx.tokens[i - 1].end <= span.start;
            tags[i] = if first { begin(label) } else { inside(label) };
        }
    }
    tags
}

fn label(kind: EntityKind) -> Option<u8> {
    match kind {
        EntityKind::Person => Some(0),
        EntityKind::Org => Some(1),
        EntityKind::Gpe | EntityKind::Loc => Some(2),
        EntityKind::Norp | EntityKind::Misc => Some(3),
    }
}

fn predict(params: &HashMap<u32, Param>, features: &[u32], prev: u8) -> u8 {
    let mut scores = [0f32; TAGS];
    for key in features {
        if let Some(p) = params.get(key) {
            for (score, w) in scores.iter_mut().zip(&p.weights) {
                *score += w;
            }
        }
    }
    best_allowed(prev, &scores)
}

fn update(params: &mut HashMap<u32, Param>, features: &[u32], truth: u8, guess: u8, now: u32) {
    if truth == guess {
        return;
    }
    for &key in features {
        let p = params.entry(key).or_default();
        for (tag, delta) in [(truth, 1.0), (guess, -1.0)] {
            let t = usize::from(tag);
            p.totals[t] += f64::from(now - p.stamps[t]) * f64::from(p.weights[t]);
            p.stamps[t] = now;
            p.weights[t] += delta;
        }
    }
}

fn average(p: &Param, now: u32) -> [f32; TAGS] {
    let mut out = [0f32; TAGS];
    for (t, slot) in out.iter_mut().enumerate() {
        let total = p.totals[t] + f64::from(now - p.stamps[t]) * f64::from(p.weights[t]);
        *slot = (total / f64::from(now.max(1))) as f32;
    }
    out
}

/// Fisher–Yates with xorshift64: the same order on every platform and run.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        let j = (*state % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_spans_become_bio_tags_on_our_tokens() {
        let text = "Then Anna Berg visited Oslo .";
        let ctx = Context::new(text, &split_sentences(text));
        let gold = [
            (Span::new(5, 14), EntityKind::Person),
            (Span::new(23, 27), EntityKind::Gpe),
        ];
        assert_eq!(
            gold_tags(&ctx, &gold),
            [O, begin(0), inside(0), O, begin(2), O]
        );
    }

    #[test]
    fn training_is_deterministic_and_learns_the_data() {
        let docs: Vec<TrainingDoc> = ["Anna Berg", "Oslo"]
            .iter()
            .flat_map(|name| {
                ["visited", "left"].map(|verb| {
                    let text = format!("Yesterday {name} {verb} .");
                    TrainingDoc {
                        gold: vec![(
                            Span::new(10, 10 + name.len()),
                            if name.contains(' ') {
                                EntityKind::Person
                            } else {
                                EntityKind::Gpe
                            },
                        )],
                        text,
                    }
                })
            })
            .collect();
        let model = train(&docs, 5, 0.0, 0);
        assert_eq!(model, train(&docs, 5, 0.0, 0));
        let model = super::super::model::Model::from_bytes(&model).unwrap();
        let text = "Yesterday Anna Berg left .";
        let ctx = Context::new(text, &split_sentences(text));
        let rules = RuleView::new(&ctx);
        let tags = super::super::tag_tokens(&ctx, &rules, &model);
        assert_eq!(tags, [O, begin(0), inside(0), O, O]);
    }
}
