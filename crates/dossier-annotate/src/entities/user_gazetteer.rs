//! User gazetteers: every occurrence of a name the user declared becomes a mention of the
//! declared type, named by the entry's canonical name.
//!
//! Key decision: the user's word is final, but only for what the user wrote. Names are matched
//! on whole tokens of the shared tokenizer (so "Ford" never matches inside "Fordham"), exactly
//! as written; text in capitals ("HAMAS") also matches an entry written otherwise ("Hamas"),
//! since capitals say nothing about spelling. Where a user name and a built-in candidate
//! overlap, the longer one wins and the user name wins ties: the user's "Kyiv" (GPE) replaces
//! the recognizer's "Kyiv" (PERSON), but the recognizer's "Bank of America" keeps the user's
//! "America" inside it from being split off.
//!
//! Matching is a walk of chained token hashes over a table that holds every name and every
//! proper prefix of one, so a token costs one hash probe unless a name starts there; only a
//! complete hit is checked against the name's tokens, so hash collisions never match.

use std::hash::Hasher;

use dossier_core::{EntityKind, UserGazetteer};

use super::tokens::{shape_of, word_pieces, Shape};
use super::{Candidate, Context, Evidence};
use crate::fast_hash::{FastHasher, FastMap};

/// The names of a [`UserGazetteer`], compiled for matching. Build it once per run; the
/// default value knows no names and costs nothing to match.
#[derive(Debug, Default)]
pub struct UserNames {
    /// Per entry: its canonical name and type.
    entries: Vec<(String, EntityKind)>,
    /// Every name (canonical and alias) of every entry.
    names: Vec<Name>,
    /// Names as written.
    exact: PhraseIndex,
    /// Names lower-cased, for text in capitals.
    shouted: PhraseIndex,
}

/// One name: its tokens and the entry it names.
#[derive(Debug)]
struct Name {
    tokens: Vec<String>,
    entry: usize,
}

/// How a phrase index compares tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Fold {
    /// As written.
    #[default]
    Exact,
    /// Lower-cased.
    Lower,
}

/// Chained token hashes of names and their prefixes: `Some(name)` for a complete name (the
/// first name given with those tokens), `None` for a prefix only.
#[derive(Debug, Default)]
struct PhraseIndex {
    fold: Fold,
    slots: FastMap<u64, Option<usize>>,
    /// Tokens of the longest name.
    max_tokens: usize,
}

/// The start value of a phrase key.
const SEED: u64 = 0x7573_6572_6e61_6d65;

/// One occurrence of a user name: tokens `[start, end)` and the index of its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct UserMatch {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

/// The user names found in one document, with what they stand for.
#[derive(Debug)]
pub(crate) struct Found<'u> {
    names: &'u UserNames,
    /// Sorted by position, never overlapping.
    matches: Vec<UserMatch>,
}

impl UserNames {
    /// Compiles the names of all entries. Names without a word are ignored.
    pub fn new(gazetteer: &UserGazetteer) -> Self {
        let mut names = UserNames {
            shouted: PhraseIndex {
                fold: Fold::Lower,
                ..PhraseIndex::default()
            },
            ..UserNames::default()
        };
        for (entry, declared) in gazetteer.entries.iter().enumerate() {
            names
                .entries
                .push((declared.canonical.clone(), declared.kind));
            for name in declared.names() {
                names.add(name, entry);
            }
        }
        names
    }

    fn add(&mut self, name: &str, entry: usize) {
        let tokens: Vec<String> = word_pieces(name).map(str::to_string).collect();
        if tokens.is_empty() {
            return;
        }
        let index = self.names.len();
        self.exact.insert(&tokens, index);
        self.shouted.insert(&tokens, index);
        self.names.push(Name { tokens, entry });
    }

    /// Finds the user names of one document, sentence by sentence, longest first, left to right.
    pub(crate) fn find<'u>(&'u self, ctx: &Context) -> Found<'u> {
        let mut matches = Vec::new();
        if !self.names.is_empty() {
            for sentence in &ctx.sentences {
                let mut i = sentence.start;
                while i < sentence.end {
                    match self.longest_at(ctx, i, sentence.end) {
                        Some(found) => {
                            matches.push(found);
                            i = found.end;
                        }
                        None => i += 1,
                    }
                }
            }
        }
        Found {
            names: self,
            matches,
        }
    }

    /// The longest name starting at token `start` and ending by `limit`: as written, or, for
    /// text in capitals, lower-cased (as written wins a tie).
    fn longest_at(&self, ctx: &Context, start: usize, limit: usize) -> Option<UserMatch> {
        let exact = self.exact.longest(ctx, &self.names, start, limit);
        // In capitals as written: a headline's truecased copy is no longer.
        let shouted = (shape_of(ctx.written_word(start)) == Shape::Upper)
            .then(|| self.shouted.longest(ctx, &self.names, start, limit))
            .flatten();
        let (end, name) = match (exact, shouted) {
            (Some(e), Some(s)) if s.0 > e.0 => s,
            (Some(e), _) => e,
            (None, s) => s?,
        };
        Some(UserMatch {
            start,
            end,
            entry: self.names[name].entry,
        })
    }
}

impl PhraseIndex {
    fn insert(&mut self, tokens: &[String], name: usize) {
        let mut key = SEED;
        for (k, token) in tokens.iter().enumerate() {
            key = chain(key, token, self.fold);
            let slot = self.slots.entry(key).or_insert(None);
            if k + 1 == tokens.len() && slot.is_none() {
                *slot = Some(name);
            }
        }
        self.max_tokens = self.max_tokens.max(tokens.len());
    }

    /// The end token and name of the longest name at `start` (ending by `limit`).
    fn longest(
        &self,
        ctx: &Context,
        names: &[Name],
        start: usize,
        limit: usize,
    ) -> Option<(usize, usize)> {
        let mut key = SEED;
        let mut best = None;
        for end in start..limit.min(start + self.max_tokens) {
            let word = ctx.written_word(end);
            if self.fold == Fold::Lower && word.chars().any(char::is_lowercase) {
                break;
            }
            key = chain(key, word, self.fold);
            match self.slots.get(&key) {
                None => break,
                Some(Some(name)) if self.spells(&names[*name], ctx, start) => {
                    best = Some((end + 1, *name));
                }
                Some(_) => {}
            }
        }
        best
    }

    /// True when the tokens from `start` on are the tokens of `name`.
    fn spells(&self, name: &Name, ctx: &Context, start: usize) -> bool {
        name.tokens.iter().enumerate().all(|(k, token)| {
            let word = ctx.written_word(start + k);
            match self.fold {
                Fold::Exact => word == token,
                Fold::Lower => lower(word).eq(lower(token)),
            }
        })
    }
}

fn lower(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase)
}

/// Chains one token into a phrase key.
fn chain(key: u64, token: &str, fold: Fold) -> u64 {
    let mut hasher = FastHasher::default();
    hasher.write_u64(key);
    match fold {
        Fold::Exact => hasher.write(token.as_bytes()),
        Fold::Lower => lower(token).for_each(|c| hasher.write_u32(u32::from(c))),
    }
    hasher.finish()
}

impl Found<'_> {
    /// The canonical name and type of the user name spanning tokens `[start, end)`, if any.
    pub fn at(&self, start: usize, end: usize) -> Option<(&str, EntityKind)> {
        let i = self
            .matches
            .binary_search_by_key(&(start, end), |m| (m.start, m.end))
            .ok()?;
        let (canonical, kind) = &self.names.entries[self.matches[i].entry];
        Some((canonical, *kind))
    }

    /// Settles the overlaps between the user names and the built-in `candidates` (see the
    /// module documentation) and adds the user names that stand as candidates.
    pub fn overrule(&mut self, ctx: &Context, candidates: &mut Vec<Candidate>) {
        if self.matches.is_empty() {
            return;
        }
        let mut covering: Vec<Option<usize>> = vec![None; ctx.tokens.len()];
        for (c, candidate) in candidates.iter().enumerate() {
            covering[candidate.start..candidate.end].fill(Some(c));
        }
        self.matches.retain(|m| {
            !covering[m.start].is_some_and(|c| {
                let around = candidates[c];
                around.start <= m.start
                    && m.end <= around.end
                    && around.end - around.start > m.end - m.start
            })
        });
        let mut taken = vec![false; ctx.tokens.len()];
        for m in &self.matches {
            taken[m.start..m.end].fill(true);
        }
        candidates.retain(|c| !taken[c.start..c.end].contains(&true));
        candidates.extend(self.matches.iter().map(|m| Candidate {
            start: m.start,
            end: m.end,
            kind: self.names.entries[m.entry].1,
            evidence: Evidence::User,
        }));
    }
}

#[cfg(test)]
mod tests {
    use dossier_core::GazetteerEntry;

    use super::*;
    use crate::entities::{find_mentions, find_mentions_with};
    use crate::split_sentences;

    fn entry(canonical: &str, kind: EntityKind, aliases: &[&str]) -> GazetteerEntry {
        GazetteerEntry {
            canonical: canonical.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            source: "test.tsv".into(),
        }
    }

    fn names() -> UserNames {
        use EntityKind::*;
        UserNames::new(&UserGazetteer {
            entries: vec![
                entry("Ford Motor Company", Org, &["Ford", "FoMoCo"]),
                entry("Kyiv", Gpe, &["Kiev"]),
                entry("Olek Varnaby", Person, &["O. Varnaby", "the Pilot"]),
                entry("Hamas", Org, &[]),
                entry("America", Gpe, &[]),
                entry("Varga Holdings", Org, &["Varga"]),
            ],
        })
    }

    /// Mentions of `text` with the test gazetteer, as "LABEL text" (plus " => canonical").
    fn mentions(text: &str) -> Vec<String> {
        let found = find_mentions_with(text, &split_sentences(text), &names());
        crate::entities::tests::labelled(text, &found)
    }

    fn check(text: &str, expected: &[&str]) {
        assert_eq!(mentions(text), expected, "mentions of {text:?}");
    }

    #[test]
    fn aliases_become_mentions_named_by_the_canonical_name() {
        check(
            "Ford and FoMoCo are one firm.",
            &[
                "ORG Ford => Ford Motor Company",
                "ORG FoMoCo => Ford Motor Company",
            ],
        );
        check(
            "O. Varnaby flew; the Pilot landed.",
            &[
                "PERSON O. Varnaby => Olek Varnaby",
                "PERSON the Pilot => Olek Varnaby",
            ],
        );
    }

    #[test]
    fn the_declared_type_overrides_the_built_in_one() {
        let text = "The deal, Varga said, was fair.";
        let built_in: Vec<(&str, EntityKind)> = find_mentions(text, &split_sentences(text))
            .iter()
            .map(|m| (m.span.slice(text), m.kind))
            .collect();
        assert_eq!(built_in, [("Varga", EntityKind::Person)]);
        check(text, &["ORG Varga => Varga Holdings"]);
        check("Kiev was quiet.", &["GPE Kiev => Kyiv"]);
    }

    /// The texts the test gazetteer matches in `text`.
    fn matched(text: &str) -> Vec<&str> {
        let ctx = Context::new(text, &split_sentences(text));
        let names = names();
        let found = names.find(&ctx);
        found
            .matches
            .iter()
            .map(|m| ctx.slice(m.start, m.end))
            .collect()
    }

    #[test]
    fn names_match_whole_tokens_only() {
        assert_eq!(matched("He studied at Fordham in Kievanrus."), [""; 0]);
        assert_eq!(
            matched("Ford’s plant and Ford-made cars."),
            ["Ford", "Ford"]
        );
        check(
            "Ford’s plant reopened.",
            &["ORG Ford => Ford Motor Company"],
        );
    }

    #[test]
    fn capitals_match_but_other_spellings_do_not() {
        check(
            "HAMAS and KYIV",
            &["ORG HAMAS => Hamas", "GPE KYIV => Kyiv"],
        );
        check("the ford was shallow", &[]);
        // A headline in capitals is truecased for the rules and the tagger, but user names
        // match what was written.
        check(
            "FORD MOTOR COMPANY SHARES FALL AGAIN IN KYIV .\n\nShares fell on Monday.",
            &[
                "ORG FORD MOTOR COMPANY => Ford Motor Company",
                "GPE KYIV => Kyiv",
            ],
        );
    }

    #[test]
    fn the_longest_name_wins() {
        // The user's longer name beats the alias inside it.
        check(
            "The Ford Motor Company said so.",
            &["ORG Ford Motor Company"],
        );
        // A longer built-in name around a user name stays whole.
        check("The Bank of America lent it.", &["ORG Bank of America"]);
    }

    #[test]
    fn short_forms_of_user_names_take_the_canonical_name() {
        check(
            "O. Varnaby flew. Later Varnaby landed.",
            &[
                "PERSON O. Varnaby => Olek Varnaby",
                "PERSON Varnaby => Olek Varnaby",
            ],
        );
    }

    #[test]
    fn no_names_no_matches() {
        let text = "Ford and Kyiv.";
        let ctx = Context::new(text, &split_sentences(text));
        assert!(UserNames::default().find(&ctx).matches.is_empty());
        assert_eq!(matched(text), ["Ford", "Kyiv"]);
    }
}
