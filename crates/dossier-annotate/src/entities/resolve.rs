//! Document-level resolution: one type per name, and canonical forms for short forms.
//!
//! Two passes over the candidates of one document, both linear apart from hash lookups.
//! 1. *Type agreement*: every occurrence of the same name (compared case-insensitively) takes
//!    the type found with the strongest evidence anywhere in the document (majority among
//!    equals), so "Hamas militants" can type a sentence-initial "Hamas" elsewhere.
//! 2. *Short forms*: a one-word name that is the last (or, failing that, the first) word of
//!    exactly one longer PERSON name of the document is that person ("Putin" → "Vladimir
//!    Putin", wherever in the document the full form stands); a longer name that ends another
//!    person's name likewise ("Abu Marzouk" → "Moussa Abu Marzouk"); an acronym whose letters
//!    are the initials of exactly one organization name gets that name; a weakly typed word
//!    that ends exactly one other multi-word name takes its type and name ("the Strip" →
//!    "Gaza Strip"). Ambiguous short forms keep their own text.
//!
//! A name the user declared keeps its declared type and canonical name, and lends that name
//! to its short forms.

use crate::fast_hash::FastMap as HashMap;

use dossier_core::{EntityKind, Mention, Span};

use super::user_gazetteer::Found;
use super::{Candidate, Context, Evidence};

/// Turns candidates into mentions, in text order.
pub(super) fn resolve(ctx: &Context, candidates: &[Candidate], user: &Found) -> Vec<Mention> {
    let mut candidates = candidates.to_vec();
    candidates.sort_by_key(|c| (c.start, c.end));
    unify_types(ctx, &mut candidates);
    let words: Vec<Vec<&str>> = candidates.iter().map(|c| name_words(ctx, c)).collect();
    let persons = PersonIndex::new(&candidates, &words);
    let other_heads = head_index(&candidates, &words);
    let mut mentions = Vec::with_capacity(candidates.len());
    let full_name = |c: &Candidate| canonical_name(ctx, user, c);
    for (i, candidate) in candidates.iter().enumerate() {
        let span = Span::new(
            ctx.tokens[candidate.start].start,
            ctx.tokens[candidate.end - 1].end,
        );
        if let Some((canonical, kind)) = user.at(candidate.start, candidate.end) {
            mentions.push(Mention {
                span,
                kind,
                canonical: canonical.to_string(),
            });
            continue;
        }
        let mut kind = candidate.kind;
        let mut canonical = None;
        let may_be_person = kind == EntityKind::Person || candidate.evidence <= Evidence::Model;
        if may_be_person {
            if let Some(full) = persons.full_form(&words[i]) {
                kind = EntityKind::Person;
                canonical = Some(full_name(&candidates[full]));
            }
        }
        if canonical.is_none() && candidate.evidence <= Evidence::Model && words[i].len() == 1 {
            if let Some(full) = unique_head(&other_heads, &candidates, &words, words[i][0]) {
                kind = candidates[full].kind;
                canonical = Some(full_name(&candidates[full]));
            }
        }
        if canonical.is_none() && kind == EntityKind::Org && words[i].len() == 1 {
            canonical = expansion(&candidates, &words, words[i][0], full_name);
        }
        let canonical = canonical.unwrap_or_else(|| surface(ctx, candidate));
        mentions.push(Mention {
            span,
            kind,
            canonical,
        });
    }
    mentions
}

/// The name a candidate lends to its short forms: the canonical name of a user name, else
/// its [`surface`].
fn canonical_name(ctx: &Context, user: &Found, candidate: &Candidate) -> String {
    match user.at(candidate.start, candidate.end) {
        Some((canonical, _)) => canonical.to_string(),
        None => surface(ctx, candidate),
    }
}

/// The text of a candidate with its whitespace normalized to single spaces.
fn surface(ctx: &Context, candidate: &Candidate) -> String {
    let mut out = String::new();
    for word in ctx.slice(candidate.start, candidate.end).split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The name words of a candidate (no connectors or punctuation).
fn name_words<'a>(ctx: &Context<'a>, candidate: &Candidate) -> Vec<&'a str> {
    (candidate.start..candidate.end)
        .filter(|&i| ctx.tokens[i].is_name_like())
        .map(|i| ctx.word(i))
        .collect()
}

/// Gives every occurrence of a name the type with the strongest evidence.
fn unify_types(ctx: &Context, candidates: &mut [Candidate]) {
    let mut votes: HashMap<String, Vec<(Evidence, EntityKind)>> = HashMap::default();
    let keys: Vec<String> = candidates
        .iter()
        .map(|c| surface(ctx, c).to_lowercase())
        .collect();
    for (key, candidate) in keys.iter().zip(candidates.iter()) {
        votes
            .entry(key.clone())
            .or_default()
            .push((candidate.evidence, candidate.kind));
    }
    for (key, candidate) in keys.iter().zip(candidates.iter_mut()) {
        let (evidence, kind) = winner(&votes[key]);
        if candidate.evidence < evidence {
            candidate.kind = kind;
            candidate.evidence = evidence;
        }
    }
}

/// The strongest evidence among `votes` and the most voted type at that strength (ties go to
/// the first type in [`EntityKind`] order, for determinism).
fn winner(votes: &[(Evidence, EntityKind)]) -> (Evidence, EntityKind) {
    let best = votes
        .iter()
        .map(|v| v.0)
        .max()
        .unwrap_or(Evidence::Fallback);
    let mut counts: Vec<(EntityKind, usize)> = Vec::new();
    for &(_, kind) in votes.iter().filter(|v| v.0 == best) {
        match counts.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, count)) => *count += 1,
            None => counts.push((kind, 1)),
        }
    }
    counts.sort_by_key(|&(kind, count)| (std::cmp::Reverse(count), kind));
    (best, counts.first().map_or(EntityKind::Misc, |c| c.0))
}

/// The multi-word person names of a document, indexed by their first and last words.
struct PersonIndex<'w> {
    /// (word list, candidate index) of every PERSON name of two or more words.
    full: Vec<(&'w [&'w str], usize)>,
    by_last: HashMap<&'w str, Vec<usize>>,
    by_first: HashMap<&'w str, Vec<usize>>,
}

impl<'w> PersonIndex<'w> {
    fn new(candidates: &[Candidate], words: &'w [Vec<&'w str>]) -> Self {
        let mut index = PersonIndex {
            full: Vec::new(),
            by_last: HashMap::default(),
            by_first: HashMap::default(),
        };
        for (i, candidate) in candidates.iter().enumerate() {
            let name = &words[i];
            if candidate.kind != EntityKind::Person || name.len() < 2 {
                continue;
            }
            let slot = index.full.len();
            index.full.push((name, i));
            let last = name[name.len() - 1];
            index.by_last.entry(last).or_default().push(slot);
            if let Some(bare) = without_article(last) {
                index.by_last.entry(bare).or_default().push(slot);
            }
            index.by_first.entry(name[0]).or_default().push(slot);
        }
        index
    }

    /// The candidate index of the unique longer person name that `name` is a short form of.
    fn full_form(&self, name: &[&str]) -> Option<usize> {
        match name {
            [] => None,
            [word] => self
                .unique(
                    self.by_last.get(word).map(Vec::as_slice).unwrap_or(&[]),
                    name,
                )
                .or_else(|| {
                    self.unique(
                        self.by_first.get(word).map(Vec::as_slice).unwrap_or(&[]),
                        name,
                    )
                }),
            _ => {
                let last = name[name.len() - 1];
                let slots = self.by_last.get(last).map(Vec::as_slice).unwrap_or(&[]);
                let longer: Vec<usize> = slots
                    .iter()
                    .copied()
                    .filter(|&slot| self.full[slot].0.ends_with(name))
                    .collect();
                self.unique(&longer, name)
            }
        }
    }

    /// The candidate of the one distinct full form among `slots` that is longer than `name`.
    fn unique(&self, slots: &[usize], name: &[&str]) -> Option<usize> {
        let mut found: Option<(&[&str], usize)> = None;
        for &slot in slots {
            let (words, candidate) = self.full[slot];
            if words.len() <= name.len() {
                continue;
            }
            match found {
                Some((seen, _)) if seen != words => return None,
                Some(_) => {}
                None => found = Some((words, candidate)),
            }
        }
        found.map(|(_, candidate)| candidate)
    }
}

/// Multi-word names other than persons and without connectors ("Gaza Strip", not "Bank of
/// America"), by their last word.
fn head_index<'w>(
    candidates: &[Candidate],
    words: &'w [Vec<&'w str>],
) -> HashMap<&'w str, Vec<usize>> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, candidate) in candidates.iter().enumerate() {
        let contiguous = candidate.end - candidate.start == words[i].len();
        if candidate.kind != EntityKind::Person && words[i].len() >= 2 && contiguous {
            index
                .entry(words[i][words[i].len() - 1])
                .or_default()
                .push(i);
        }
    }
    index
}

/// The candidate of the one distinct multi-word name in `index` that ends with `word`.
fn unique_head(
    index: &HashMap<&str, Vec<usize>>,
    candidates: &[Candidate],
    words: &[Vec<&str>],
    word: &str,
) -> Option<usize> {
    let found = index.get(word)?;
    let first = *found.first()?;
    let same =
        |&i: &usize| words[i] == words[first] && candidates[i].kind == candidates[first].kind;
    found.iter().all(same).then_some(first)
}

/// "Assad" for "al-Assad".
fn without_article(word: &str) -> Option<&str> {
    let (article, rest) = word.split_once('-')?;
    (article.chars().all(char::is_lowercase) && !rest.is_empty()).then_some(rest)
}

/// The unique organization name of the document whose initials spell `acronym`.
fn expansion(
    candidates: &[Candidate],
    words: &[Vec<&str>],
    acronym: &str,
    full_name: impl Fn(&Candidate) -> String,
) -> Option<String> {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.chars().any(char::is_lowercase) {
        return None;
    }
    let mut found: Option<String> = None;
    for (candidate, name) in candidates.iter().zip(words) {
        if candidate.kind != EntityKind::Org || name.len() < 2 {
            continue;
        }
        let initials: String = name.iter().filter_map(|w| w.chars().next()).collect();
        if initials != letters {
            continue;
        }
        let full = full_name(candidate);
        match &found {
            Some(seen) if *seen != full => return None,
            Some(_) => {}
            None => found = Some(full),
        }
    }
    found
}
