//! A small statistical name tagger: an averaged perceptron over BIO tags for PER, ORG and
//! LOC, trained greedily by this project on open-licence data (see
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
//! nothing. Without a model (an empty file) the rules alone are used.

pub(crate) mod features;
mod gazetteer;
pub(crate) mod model;
mod train;
mod word_stats;

use std::sync::LazyLock;

use dossier_core::EntityKind;

use crate::entities::rules::RuleView;
use crate::entities::tokens::Shape;
use crate::entities::{acronym_letters, initials, Candidate, Context, Evidence};
use crate::fast_hash::FastMap;
use crate::lexicon::LEXICON;
use features::{tag_features, token_infos, DocFeatures};
use model::{allowed, is_begin, label_of, Model, O, TAGS};

pub use train::{train, TrainingDoc};

/// The committed model, loaded on first use; None if the file is empty or malformed.
pub(crate) static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| {
    Model::from_bytes(include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../resources/annotate/ner_model.bin"
    )))
});

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

/// Combines the tagger's names with the rules' candidates. Rule candidates with strong
/// evidence (a gazetteer entry, a title, a given name, a head word) come first; the tagger
/// decides elsewhere where PER, ORG and LOC names are, the rules saying whether a LOC is a GPE;
/// the rules' weaker NORP, MISC and PERSON names ("according to X") fill what is left.
pub(crate) fn merge(ctx: &Context, rules: &RuleView, tagged: &[Tagged]) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(tagged.len() + rules.candidates.len());
    let mut covered = vec![false; rules.unit.len()];
    let trimmed: Vec<Tagged> = tagged
        .iter()
        .filter_map(|name| trim(ctx, rules, *name))
        .collect();
    let longer = TaggedIndex::new(ctx.tokens.len(), &trimmed, &rules.candidates);
    let strong = |c: &&Candidate| {
        c.evidence >= Evidence::Cue && c.kind != EntityKind::Misc && !inside_longer_name(c, &longer)
    };
    for candidate in rules.candidates.iter().filter(strong) {
        covered[candidate.start..candidate.end].fill(true);
        out.push(*candidate);
    }
    let pieces: Vec<Tagged> = trimmed
        .into_iter()
        .filter(|name| !covered[name.start..name.end].iter().any(|&c| c))
        .collect();
    let mut by_span: FastMap<(usize, usize), &Candidate> = FastMap::default();
    for c in &rules.candidates {
        by_span.entry((c.start, c.end)).or_insert(c);
    }
    for name in pieces {
        covered[name.start..name.end].fill(true);
        let same_span = by_span.get(&(name.start, name.end)).copied();
        let kind = match (name.label, same_span.map(|c| c.kind)) {
            (0, _) => EntityKind::Person,
            (1, _) => EntityKind::Org,
            (3, Some(EntityKind::Norp)) => EntityKind::Norp,
            (3, _) => EntityKind::Misc,
            (_, Some(EntityKind::Loc)) => EntityKind::Loc,
            _ if rules.ends_in_place(ctx, name.end) => EntityKind::Loc,
            _ => EntityKind::Gpe,
        };
        let evidence = match same_span {
            Some(c) if c.kind == kind => c.evidence.max(Evidence::Model),
            _ => Evidence::Model,
        };
        out.push(Candidate {
            start: name.start,
            end: name.end,
            kind,
            evidence,
        });
    }
    let acronyms = initials_of_organizations(ctx, &out);
    for candidate in &rules.candidates {
        let free = !covered[candidate.start..candidate.end].iter().any(|&c| c);
        let kept = match candidate.kind {
            EntityKind::Norp | EntityKind::Misc => true,
            EntityKind::Person => candidate.evidence >= Evidence::Weak,
            EntityKind::Org => {
                candidate.end == candidate.start + 1
                    && acronym_letters(ctx.word(candidate.start))
                        .is_some_and(|letters| acronyms.contains(&letters))
            }
            _ => false,
        };
        if free && kept {
            out.push(*candidate);
        }
    }
    join_teams(ctx, &mut out);
    for candidate in &mut out {
        take_title_into_organization(ctx, rules, candidate);
    }
    out
}

/// Joins a place and the name right after it into one organization when that name is a plural
/// ("Boston Bruins", "Montreal Canadiens": teams, clubs, bands) or an organization ending in a
/// head word ("US" + "Navy", "New York" + "Stock Exchange"): the rules would otherwise cut it
/// at the known place. A plural place word ("Golan Heights") is no team, and an organization
/// without a head word ("Russia" + "Hamas") is no part of a longer name. Leaves `out` sorted by
/// position.
fn join_teams(ctx: &Context, out: &mut Vec<Candidate>) {
    out.sort_by_key(|c| (c.start, c.end));
    let mut joined: Vec<Candidate> = Vec::with_capacity(out.len());
    for candidate in out.drain(..) {
        match joined.last_mut() {
            Some(place) if is_team_name(ctx, place, &candidate) => {
                *place = Candidate {
                    end: candidate.end,
                    kind: EntityKind::Org,
                    evidence: Evidence::Cue,
                    ..*place
                };
            }
            _ => joined.push(candidate),
        }
    }
    *out = joined;
}

/// Extends an organization made of head words only ("League", "Assembly") over the title word
/// right before it: "Premier League", "General Assembly" are names, not a premier and a league.
fn take_title_into_organization(ctx: &Context, rules: &RuleView, candidate: &mut Candidate) {
    let only_heads = (candidate.start..candidate.end)
        .all(|i| LEXICON.heads.get(ctx.word(i)) == Some(&EntityKind::Org));
    if candidate.kind == EntityKind::Org
        && only_heads
        && candidate.start > 0
        && rules.is_title(candidate.start - 1)
        && ctx.tokens[candidate.start - 1].shape == Shape::Capitalized
    {
        candidate.start -= 1;
    }
}

/// True when `name` follows `place` directly and completes it into an organization's name.
fn is_team_name(ctx: &Context, place: &Candidate, name: &Candidate) -> bool {
    let last = ctx.word(name.end - 1);
    let plural = last.len() >= 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && LEXICON.heads.get(last) != Some(&EntityKind::Loc);
    let headed = LEXICON.heads.get(last) == Some(&EntityKind::Org);
    matches!(place.kind, EntityKind::Gpe | EntityKind::Loc)
        && name.start == place.end
        && matches!(
            name.kind,
            EntityKind::Misc | EntityKind::Org | EntityKind::Person
        )
        && (name.start..name.end).all(|i| ctx.tokens[i].shape == Shape::Capitalized)
        && (plural || headed)
}

/// The initials of the multi-word organization names found ("PAC" for "Pan Arctic Council"),
/// so that an acronym the rules saw but the tagger did not is kept when it stands for one.
fn initials_of_organizations(ctx: &Context, found: &[Candidate]) -> Vec<String> {
    found
        .iter()
        .filter(|c| c.kind == EntityKind::Org && c.end - c.start >= 2)
        .map(|c| {
            initials(
                (c.start..c.end)
                    .filter(|&i| ctx.tokens[i].is_name_like())
                    .map(|i| ctx.word(i)),
            )
        })
        .collect()
}

/// The tagged names of a document by token, with the number of rule candidates each one
/// overlaps, so that [`inside_longer_name`] is one lookup (tagged names never overlap).
struct TaggedIndex<'t> {
    names: &'t [Tagged],
    /// Per token: the tagged name covering it.
    at: Vec<Option<usize>>,
    /// Per tagged name: how many rule candidates overlap it.
    overlaps: Vec<usize>,
}

impl<'t> TaggedIndex<'t> {
    fn new(tokens: usize, names: &'t [Tagged], candidates: &[Candidate]) -> Self {
        let mut at = vec![None; tokens];
        for (k, name) in names.iter().enumerate() {
            at[name.start..name.end].fill(Some(k));
        }
        let mut overlaps = vec![0; names.len()];
        for candidate in candidates {
            let mut last = None;
            for &k in at[candidate.start..candidate.end].iter().flatten() {
                if last != Some(k) {
                    overlaps[k] += 1;
                    last = Some(k);
                }
            }
        }
        TaggedIndex {
            names,
            at,
            overlaps,
        }
    }
}

/// True when `candidate` is a known place or nationality strictly inside an organization or
/// place name the tagger found, and the only rule candidate in it: "France" in "Air France",
/// "Chicago" in "University of Chicago", "Mexico" in "New Mexico". The longer name wins. Two
/// candidates in one tagged name ("Russia-Ukraine") stay as they are.
fn inside_longer_name(candidate: &Candidate, tagged: &TaggedIndex) -> bool {
    let place = matches!(
        candidate.kind,
        EntityKind::Gpe | EntityKind::Loc | EntityKind::Norp
    );
    place
        && tagged.at[candidate.start].is_some_and(|k| {
            let name = tagged.names[k];
            name.label != 0
                && candidate.end <= name.end
                && name.end - name.start > candidate.end - candidate.start
                && tagged.overlaps[k] == 1
        })
}

/// A name without what names never include: a leading title ("Mrs", "President", "Foreign
/// Minister"; organizations keep theirs: "General Motors", "Major League Baseball"), leading
/// punctuation (the hyphen of "Russia-Ukraine"), a sentence-initial "The"
/// before a person or place ("The Davis Cup"; organizations may own theirs: "The Hockey News"),
/// and trailing punctuation (the possessive "’s") or lower-case words ("of herring" in "empty
/// the Baltic of herring"): a name may have "of" inside but never ends in it. None when nothing
/// is left.
fn trim(ctx: &Context, rules: &RuleView, mut name: Tagged) -> Option<Tagged> {
    let organization = name.label == 1;
    let title = |i: usize| !organization && rules.is_title(i);
    let article = |i: usize| !organization && ctx.word(i) == "The";
    while name.start < name.end
        && (title(name.start) || !ctx.tokens[name.start].is_word() || article(name.start))
    {
        name.start += 1;
    }
    while name.start < name.end
        && matches!(ctx.tokens[name.end - 1].shape, Shape::Punct | Shape::Lower)
    {
        name.end -= 1;
    }
    (name.start < name.end).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{begin, inside};

    /// The names found in `text`, as "KIND name".
    fn names(text: &str) -> Vec<String> {
        crate::find_mentions(text, &crate::split_sentences(text))
            .iter()
            .map(|m| format!("{} {}", m.kind.label(), m.span.slice(text)))
            .collect()
    }

    #[test]
    fn a_place_and_a_plural_name_make_a_team() {
        assert_eq!(
            names("The Boston Bruins beat the Vancouver Canucks on Sunday."),
            ["ORG Boston Bruins", "ORG Vancouver Canucks"]
        );
        assert_eq!(
            names("Troops withdrew from the Golan Heights."),
            ["LOC Golan Heights"]
        );
        assert_eq!(
            names("He played in the Premier League and then joined the US Navy."),
            ["ORG Premier League", "ORG US Navy"]
        );
    }

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
