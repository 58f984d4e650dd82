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
//!    "Gaza Strip"), and so does an organization named by its head word alone ("the Ministry"
//!    → "Norwegian Foreign Ministry"); a weakly typed person or MISC word that is no given name
//!    and starts exactly one multi-word organization name is that organization ("Northrop" →
//!    "Northrop Grumman"). Ambiguous short forms keep their own text.
//!
//! A name the user declared keeps its declared type and canonical name, and lends that name
//! to its short forms.

use crate::fast_hash::FastMap as HashMap;
use std::ops::Range;

use dossier_core::{EntityKind, Mention, Span};

use super::typing::is_any_given_name;
use super::user_gazetteer::Found;
use super::{Candidate, Context, Evidence};
use crate::lexicon::LEXICON;

/// Turns candidates into mentions, in text order.
pub(super) fn resolve(ctx: &Context, candidates: &[Candidate], user: &Found) -> Vec<Mention> {
    let mut candidates = candidates.to_vec();
    // A piece of a tagged name may hold no name word ("22" of "Waheed zaman , 22"): no name.
    // Names the user declared may be written in lower case.
    candidates.retain(|c| {
        user.at(c.start, c.end).is_some() || (c.start..c.end).any(|i| ctx.tokens[i].is_name_like())
    });
    candidates.sort_by_key(|c| (c.start, c.end));
    let surfaces: Vec<String> = candidates
        .iter()
        .map(|c| normalized(ctx.slice(c.start, c.end)))
        .collect();
    unify_types(&surfaces, &mut candidates);
    // Names are written as the author wrote them, not as a headline's truecased copy has them
    // (only a truecased copy needs surfaces of its own).
    let written_surfaces: Option<Vec<String>> = ctx.is_truecased().then(|| {
        candidates
            .iter()
            .map(|c| normalized(ctx.written(c.start, c.end)))
            .collect()
    });
    let written = |i: usize| written_surfaces.as_ref().unwrap_or(&surfaces)[i].as_str();
    let words = NameWords::new(ctx, &candidates);
    let persons = PersonIndex::new(&candidates, &words);
    let other_heads = head_index(&candidates, &words);
    let organizations = first_word_index(&candidates, &words, EntityKind::Org);
    // The name a candidate lends to its short forms: a user name's canonical name, else its
    // surface.
    let full_name = |i: usize| match user.at(candidates[i].start, candidates[i].end) {
        Some((canonical, _)) => canonical,
        None => written(i),
    };
    let acronyms = AcronymIndex::new(&candidates, &words, full_name);
    let mut mentions = Vec::with_capacity(candidates.len());
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
        let name = words.of(i);
        let mut kind = candidate.kind;
        let mut full = None;
        let may_be_person = kind == EntityKind::Person || candidate.evidence <= Evidence::Model;
        let mut shared_surname = false;
        if may_be_person {
            if let Some(person) = persons.full_form(name) {
                kind = EntityKind::Person;
                full = Some(person);
            } else if persons.is_shared_surname(name) {
                // "Mendelssohn" after "Moses Mendelssohn" and "Felix Mendelssohn": a person,
                // though not which one.
                kind = EntityKind::Person;
                shared_surname = true;
            } else if persons.is_relative(name) && candidate.evidence <= Evidence::Model {
                // "Brende Mendelssohn" beside "Moses Mendelssohn": one of the family.
                kind = EntityKind::Person;
            }
        }
        let lone_head = || kind == EntityKind::Org && LEXICON.is_org_head(name[0]);
        let short_form = candidate.evidence <= Evidence::Model || lone_head();
        if full.is_none() && !shared_surname && name.len() == 1 && short_form {
            if let Some(head) = unique_head(&other_heads, &candidates, &words, name[0]) {
                kind = candidates[head].kind;
                full = Some(head);
            }
        }
        // "Northrop" after "Northrop Grumman", "Apple" or "China Eastern" (guessed places)
        // beside "Apple Computer" or "China Eastern Airlines"; not "Melinda" after "Melinda
        // Gates Foundation", nor a listed place ("Anguilla" beside "Anguilla United Front")
        // or an organization of its own ("Boeing" after "Boeing Capital").
        let organization_start = full.is_none()
            && candidate.evidence <= Evidence::Model
            && match kind {
                EntityKind::Person | EntityKind::Misc => {
                    name.len() == 1 && !is_any_given_name(name[0])
                }
                EntityKind::Gpe | EntityKind::Loc => !crate::tagger::is_place(name.iter().copied()),
                _ => false,
            };
        if organization_start {
            if let Some(organization) = unique_extension(&organizations, &candidates, &words, name)
            {
                kind = EntityKind::Org;
                full = Some(organization);
            }
        }
        if full.is_none() && kind == EntityKind::Org && name.len() == 1 {
            full = acronyms.expansion(name[0]);
        }
        let canonical = full.map_or(written(i), full_name).to_string();
        mentions.push(Mention {
            span,
            kind,
            canonical,
        });
    }
    mentions
}

/// `text` with its whitespace normalized to single spaces.
fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The name words (no connectors or punctuation) of every candidate, stored one after another.
struct NameWords<'a> {
    words: Vec<&'a str>,
    /// Per candidate: the range of its words in `words`.
    ranges: Vec<Range<usize>>,
}

impl<'a> NameWords<'a> {
    fn new(ctx: &Context<'a>, candidates: &[Candidate]) -> Self {
        let mut names = NameWords {
            words: Vec::with_capacity(candidates.len() * 2),
            ranges: Vec::with_capacity(candidates.len()),
        };
        for candidate in candidates {
            let start = names.words.len();
            let name_like =
                (candidate.start..candidate.end).filter(|&i| ctx.tokens[i].is_name_like());
            names.words.extend(name_like.map(|i| ctx.word(i)));
            names.ranges.push(start..names.words.len());
        }
        names
    }

    /// The name words of candidate `i`.
    fn of(&self, i: usize) -> &[&'a str] {
        &self.words[self.ranges[i].clone()]
    }
}

/// Gives every occurrence of a name (its surface, compared case-insensitively) the type with
/// the strongest evidence.
fn unify_types(surfaces: &[String], candidates: &mut [Candidate]) {
    let keys: Vec<String> = surfaces.iter().map(|s| s.to_lowercase()).collect();
    let mut group_of: HashMap<&str, usize> = HashMap::default();
    let mut votes: Vec<Vec<(Evidence, EntityKind)>> = Vec::new();
    let mut groups = Vec::with_capacity(candidates.len());
    for (key, candidate) in keys.iter().zip(candidates.iter()) {
        let group = *group_of.entry(key).or_insert(votes.len());
        if group == votes.len() {
            votes.push(Vec::new());
        }
        votes[group].push((candidate.evidence, candidate.kind));
        groups.push(group);
    }
    let winners: Vec<(Evidence, EntityKind)> = votes.iter().map(|v| winner(v)).collect();
    for (&group, candidate) in groups.iter().zip(candidates.iter_mut()) {
        // The winner's evidence is the group's strongest, so at least this candidate's own.
        (candidate.evidence, candidate.kind) = winners[group];
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
    fn new(candidates: &[Candidate], words: &'w NameWords) -> Self {
        let mut index = PersonIndex {
            full: Vec::new(),
            by_last: HashMap::default(),
            by_first: HashMap::default(),
        };
        for (i, candidate) in candidates.iter().enumerate() {
            let name = words.of(i);
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

    /// True when `name` is one word that ends two or more different full person names.
    fn is_shared_surname(&self, name: &[&str]) -> bool {
        let [word] = name else { return false };
        let slots = self.by_last.get(word).map(Vec::as_slice).unwrap_or(&[]);
        slots
            .iter()
            .any(|&slot| self.full[slot].0 != self.full[slots[0]].0)
    }

    /// True when `name` is two words, no head word among them and no listed place or
    /// organization, that end as a person's name of the document ends: a relative, whatever
    /// its first word ("Brende Mendelssohn"; not "New York" beside "John York").
    fn is_relative(&self, name: &[&str]) -> bool {
        let [first, last] = name else { return false };
        let listed = crate::tagger::is_place(name.iter().copied())
            || crate::tagger::is_listed_organization(name.iter().copied());
        self.by_last.contains_key(last)
            && !listed
            && !LEXICON.heads.contains_key(first)
            && !LEXICON.heads.contains_key(last)
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
fn head_index<'w>(candidates: &[Candidate], words: &NameWords<'w>) -> HashMap<&'w str, Vec<usize>> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, candidate) in candidates.iter().enumerate() {
        let name = words.of(i);
        let contiguous = candidate.end - candidate.start == name.len();
        if candidate.kind != EntityKind::Person && name.len() >= 2 && contiguous {
            index.entry(name[name.len() - 1]).or_default().push(i);
        }
    }
    index
}

/// Multi-word names of `kind` without connectors, by their first word ("Northrop" for
/// "Northrop Grumman").
fn first_word_index<'w>(
    candidates: &[Candidate],
    words: &NameWords<'w>,
    kind: EntityKind,
) -> HashMap<&'w str, Vec<usize>> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::default();
    for (i, candidate) in candidates.iter().enumerate() {
        let name = words.of(i);
        let contiguous = candidate.end - candidate.start == name.len();
        if candidate.kind == kind && name.len() >= 2 && contiguous {
            index.entry(name[0]).or_default().push(i);
        }
    }
    index
}

/// The candidate of the one distinct multi-word name in `index` under `word`.
fn unique_head(
    index: &HashMap<&str, Vec<usize>>,
    candidates: &[Candidate],
    words: &NameWords,
    word: &str,
) -> Option<usize> {
    let found = index.get(word)?;
    let first = *found.first()?;
    let same =
        |&i: &usize| words.of(i) == words.of(first) && candidates[i].kind == candidates[first].kind;
    found.iter().all(same).then_some(first)
}

/// The one longer name of `index` (by first word) whose words begin with all of `name`'s:
/// "China Eastern Airlines" for "China Eastern" beside "China Daily". None when there are
/// several different ones or none.
fn unique_extension(
    index: &HashMap<&str, Vec<usize>>,
    candidates: &[Candidate],
    words: &NameWords,
    name: &[&str],
) -> Option<usize> {
    let mut longer = index
        .get(name[0])?
        .iter()
        .copied()
        .filter(|&i| words.of(i).len() > name.len() && words.of(i).starts_with(name));
    let first = longer.next()?;
    let same =
        |i: usize| words.of(i) == words.of(first) && candidates[i].kind == candidates[first].kind;
    longer.all(same).then_some(first)
}

/// "Assad" for "al-Assad".
fn without_article(word: &str) -> Option<&str> {
    let (article, rest) = word.split_once('-')?;
    (article.chars().all(char::is_lowercase) && !rest.is_empty()).then_some(rest)
}

/// The multi-word organization names of a document by their initials ("PAC" for "Pan Arctic
/// Council"), to expand acronyms.
struct AcronymIndex {
    /// Initials → the candidate of the one full name they spell, or None when they spell
    /// several different ones.
    by_initials: HashMap<String, Option<usize>>,
}

impl AcronymIndex {
    fn new<'n>(
        candidates: &[Candidate],
        words: &NameWords,
        full_name: impl Fn(usize) -> &'n str,
    ) -> Self {
        let mut by_initials: HashMap<String, Option<usize>> = HashMap::default();
        for (i, candidate) in candidates.iter().enumerate() {
            let name = words.of(i);
            if candidate.kind != EntityKind::Org || name.len() < 2 {
                continue;
            }
            let slot = by_initials
                .entry(initials(name.iter().copied()))
                .or_insert(Some(i));
            if slot.is_some_and(|seen| full_name(seen) != full_name(i)) {
                *slot = None;
            }
        }
        AcronymIndex { by_initials }
    }

    /// The candidate of the unique organization name whose initials spell `acronym`.
    fn expansion(&self, acronym: &str) -> Option<usize> {
        self.by_initials
            .get(&acronym_letters(acronym)?)
            .copied()
            .flatten()
    }
}

/// The initials of a name's words: "PAC" for "Pan Arctic Council".
pub(crate) fn initials<'w>(words: impl IntoIterator<Item = &'w str>) -> String {
    words.into_iter().filter_map(|w| w.chars().next()).collect()
}

/// The letters an acronym spells ("US" for "U.S."); None for fewer than two letters or any
/// lower-case one.
pub(crate) fn acronym_letters(acronym: &str) -> Option<String> {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    (letters.chars().count() >= 2 && !letters.chars().any(char::is_lowercase)).then_some(letters)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(kind: EntityKind, evidence: Evidence) -> Candidate {
        Candidate {
            start: 0,
            end: 1,
            kind,
            evidence,
        }
    }

    #[test]
    fn every_occurrence_of_a_name_takes_the_type_of_its_strongest_majority() {
        use EntityKind::{Org, Person};
        use Evidence::{Cue, Model, Weak};
        let surfaces = ["Varga", "varga", "Varga", "Okonkwo", "Okonkwo"].map(String::from);
        let mut candidates = [
            candidate(Org, Model),
            candidate(Person, Model),
            candidate(Person, Model),
            candidate(Person, Weak),
            candidate(Org, Cue),
        ];
        unify_types(&surfaces, &mut candidates);
        let kinds: Vec<EntityKind> = candidates.iter().map(|c| c.kind).collect();
        // Equal evidence: the majority; stronger evidence: the strongest.
        assert_eq!(kinds, [Person, Person, Person, Org, Org]);
    }

    /// Resolves `candidates` (token ranges `(start, end)`, kind, evidence) of `text` into
    /// (surface, kind, canonical name) triples.
    fn resolved(
        text: &str,
        candidates: &[(usize, usize, EntityKind, Evidence)],
    ) -> Vec<(String, EntityKind, String)> {
        let ctx = crate::entities::Context::new(text, &crate::split_sentences(text));
        let candidates = Candidate::from_tuples(candidates);
        let no_user_names = crate::UserNames::default();
        resolve(&ctx, &candidates, &no_user_names.find(&ctx))
            .into_iter()
            .map(|m| (m.span.slice(text).to_string(), m.kind, m.canonical))
            .collect()
    }

    #[test]
    fn a_candidate_without_a_name_word_is_dropped_not_resolved() {
        use EntityKind::{Org, Person};
        // "Waheed zaman , 22": a tagged name cut down to its number.
        let found = resolved(
            "Tarvo Kessel , 22 , joined Varnok .",
            &[
                (0, 2, Person, Evidence::Cue),
                (3, 4, Person, Evidence::Model),
                (6, 7, Org, Evidence::Model),
            ],
        );
        let surfaces: Vec<&str> = found.iter().map(|(s, _, _)| s.as_str()).collect();
        assert_eq!(surfaces, ["Tarvo Kessel", "Varnok"]);
    }

    #[test]
    fn a_surname_of_several_persons_is_a_person_named_by_none() {
        use EntityKind::{Org, Person};
        let found = resolved(
            "Felix Varga met Moses Varga. Then Varga left.",
            &[
                (0, 2, Person, Evidence::Cue),
                (3, 5, Person, Evidence::Cue),
                // The tagger's ORG for the short form.
                (7, 8, Org, Evidence::Model),
            ],
        );
        assert_eq!(found[2], ("Varga".into(), Person, "Varga".into()));
    }

    #[test]
    fn a_relative_and_a_shared_surname_stay_persons_beside_an_organization_guess() {
        use EntityKind::{Org, Person};
        let text = "Brenda Varga met Moses Varga and Felix Varga. Then Varga left.";
        let found = resolved(
            text,
            &[
                // The tagger's ORG for a relative with an unknown given name.
                (0, 2, Org, Evidence::Model),
                (3, 5, Person, Evidence::Cue),
                (6, 8, Person, Evidence::Cue),
                (10, 11, Org, Evidence::Model),
            ],
        );
        assert_eq!(
            found[0],
            ("Brenda Varga".into(), Person, "Brenda Varga".into())
        );
        assert_eq!(found[3], ("Varga".into(), Person, "Varga".into()));
    }

    #[test]
    fn the_first_word_of_one_organization_name_is_that_organization() {
        use EntityKind::{Org, Person};
        let found = resolved(
            "Tarvel Grumman won. Then Tarvel sued, and Melinda left Melinda Varga Trust.",
            &[
                (0, 2, Org, Evidence::Model),
                (5, 6, Person, Evidence::Model),
                (9, 10, Person, Evidence::Model),
                (11, 14, Org, Evidence::Cue),
            ],
        );
        let expected = [
            ("Tarvel Grumman", Org, "Tarvel Grumman"),
            ("Tarvel", Org, "Tarvel Grumman"),
            ("Melinda", Person, "Melinda"),
            ("Melinda Varga Trust", Org, "Melinda Varga Trust"),
        ]
        .map(|(surface, kind, canonical)| (surface.to_string(), kind, canonical.to_string()));
        assert_eq!(found, expected);
    }

    #[test]
    fn a_word_guessed_a_place_that_starts_one_organization_name_is_it_unless_listed() {
        use EntityKind::{Gpe, Org};
        let found = resolved(
            "Tarvel unveils a phone. Tarvel Computer said so. Canada Tarvel Front and Canada.",
            &[
                (0, 1, Gpe, Evidence::Model),
                (5, 7, Org, Evidence::Cue),
                (10, 13, Org, Evidence::Cue),
                (14, 15, Gpe, Evidence::Model),
            ],
        );
        assert_eq!(found[0], ("Tarvel".into(), Org, "Tarvel Computer".into()));
        // A listed country stays a place beside an organization named after it.
        assert_eq!(found[3], ("Canada".into(), Gpe, "Canada".into()));
    }

    #[test]
    fn several_words_guessed_a_place_that_begin_one_organization_name_are_it() {
        use EntityKind::{Gpe, Org};
        let text = "Canada Tarvel Airlines flew. Canada Tarvel grew. Canada Daily said so.";
        let found = resolved(
            text,
            &[
                (0, 3, Org, Evidence::Cue),
                (5, 7, Gpe, Evidence::Model),
                (9, 11, Org, Evidence::Cue),
            ],
        );
        // "Canada Daily" begins with "Canada" too, but not with "Canada Tarvel".
        assert_eq!(
            found[1],
            ("Canada Tarvel".into(), Org, "Canada Tarvel Airlines".into())
        );
    }
}
