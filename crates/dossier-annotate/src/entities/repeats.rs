//! Document-level recall: an untagged exact repeat of a multi-word name found elsewhere in the
//! same document is that name again ("Lake Varen" tagged in one sentence but missed in the
//! next).
//!
//! Key decision: only names of two or more capitalized words are repeated, matched exactly
//! (same words, same case) and only where the repeat stands alone, not inside a longer run of
//! capitalized words and not overlapping a candidate; one-word names are too ambiguous ("May",
//! "Bush"). One pass over the tokens with a hash lookup on the first word keeps it linear.

use crate::fast_hash::FastMap as HashMap;

use dossier_core::EntityKind;

use super::tokens::Shape;
use super::{Candidate, Context, Evidence};

/// A name to look for: its tokens' texts and its type.
struct Pattern<'a> {
    words: Vec<&'a str>,
    kind: EntityKind,
}

/// Adds a candidate for every free, standalone exact repeat of a multi-word PERSON, ORG, GPE
/// or LOC candidate typed by a cue, a gazetteer or the tagger.
pub(super) fn add_repeats(ctx: &Context, candidates: &mut Vec<Candidate>) {
    let mut patterns: HashMap<&str, Vec<Pattern>> = HashMap::default();
    // The shapes of the patterns' first tokens: tokens of other shapes are skipped unhashed.
    let mut first_shapes = 0u8;
    for c in candidates.iter() {
        if c.evidence < Evidence::Model || matches!(c.kind, EntityKind::Norp | EntityKind::Misc) {
            continue;
        }
        let name_words = (c.start..c.end)
            .filter(|&i| ctx.tokens[i].is_name_like())
            .count();
        if name_words < 2 {
            continue;
        }
        let words: Vec<&str> = (c.start..c.end).map(|i| ctx.word(i)).collect();
        first_shapes |= shape_bit(ctx.tokens[c.start].shape);
        let list = patterns.entry(words[0]).or_default();
        if !list.iter().any(|p| p.words == words) {
            list.push(Pattern {
                words,
                kind: c.kind,
            });
        }
    }
    if patterns.is_empty() {
        return;
    }
    let mut covered = vec![false; ctx.tokens.len()];
    for c in candidates.iter() {
        covered[c.start..c.end].fill(true);
    }
    let mut added = Vec::new();
    for sentence in &ctx.sentences {
        let mut i = sentence.start;
        while i < sentence.end {
            if first_shapes & shape_bit(ctx.tokens[i].shape) == 0 {
                i += 1;
                continue;
            }
            let found = patterns.get(ctx.word(i)).and_then(|list| {
                list.iter()
                    .filter(|p| standalone_match(ctx, &covered, sentence.clone(), i, &p.words))
                    .max_by_key(|p| p.words.len())
            });
            match found {
                Some(pattern) => {
                    let end = i + pattern.words.len();
                    added.push(Candidate {
                        start: i,
                        end,
                        kind: pattern.kind,
                        evidence: Evidence::Model,
                    });
                    i = end;
                }
                None => i += 1,
            }
        }
    }
    candidates.extend(added);
}

/// A token shape as one bit of a set of shapes.
fn shape_bit(shape: Shape) -> u8 {
    1 << shape as u8
}

/// True when `words` stand at token `i`, inside the sentence, on tokens no candidate covers,
/// with no capitalized word right after, nor right before unless its capitalization is forced
/// ("Later" opening the sentence).
fn standalone_match(
    ctx: &Context,
    covered: &[bool],
    sentence: std::ops::Range<usize>,
    i: usize,
    words: &[&str],
) -> bool {
    let end = i + words.len();
    end <= sentence.end
        && !covered[i..end].iter().any(|&c| c)
        && words.iter().enumerate().all(|(k, w)| ctx.word(i + k) == *w)
        && (i == sentence.start || !ctx.tokens[i - 1].is_name_like() || ctx.unreliable[i - 1])
        && (end == sentence.end || !ctx.tokens[end].is_name_like())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_sentences;

    /// The names added to `text` when the candidates are the given (start word, end word,
    /// kind, evidence), as "KIND text".
    fn added(text: &str, given: &[(usize, usize, EntityKind, Evidence)]) -> Vec<String> {
        let ctx = Context::new(text, &split_sentences(text));
        let mut candidates = Candidate::from_tuples(given);
        add_repeats(&ctx, &mut candidates);
        candidates[given.len()..]
            .iter()
            .map(|c| format!("{} {}", c.kind.label(), ctx.slice(c.start, c.end)))
            .collect()
    }

    fn check(text: &str, given: &[(usize, usize, EntityKind, Evidence)], expected: &[&str]) {
        assert_eq!(added(text, given), expected, "repeats in {text:?}");
    }

    #[test]
    fn standalone_repeats_of_multi_word_names_are_added() {
        use EntityKind::*;
        // Tokens: Talia(0) Renkova(1) spoke(2) .(3) Later(4) Talia(5) Renkova(6) left(7) .(8)
        let text = "Talia Renkova spoke. Later Talia Renkova left.";
        check(
            text,
            &[(0, 2, Person, Evidence::Model)],
            &["PERSON Talia Renkova"],
        );
        // Already found: nothing to add.
        check(
            text,
            &[
                (0, 2, Person, Evidence::Model),
                (5, 7, Person, Evidence::Cue),
            ],
            &[],
        );
    }

    #[test]
    fn weak_single_word_and_embedded_names_are_not_repeated() {
        use EntityKind::*;
        let text = "Talia Renkova spoke. Then Talia Renkova Street was closed.";
        check(text, &[(0, 2, Person, Evidence::Model)], &[]);
        let text = "Talia Renkova spoke. Later Talia Renkova left.";
        check(text, &[(0, 2, Person, Evidence::Fallback)], &[]);
        check(text, &[(0, 2, Misc, Evidence::Lexicon)], &[]);
        let text = "Renkova spoke. Later Renkova left.";
        check(text, &[(0, 1, Person, Evidence::Cue)], &[]);
    }
}
