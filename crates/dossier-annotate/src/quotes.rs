//! Quotations and their speakers.
//!
//! Quotations are text between “ and ”, between « and », or between two straight double quotes
//! paired in order within a paragraph. Single quotes are ignored: ’ is far more often an
//! apostrophe. The span excludes the marks.
//!
//! The speaker is looked for in the sentences the quotation starts and ends in, outside the
//! quotation, next to a verb of saying (`resources/annotate/speech_verbs.txt`): the nearest
//! PERSON, ORG or GPE mention right after the verb (`"…," said X`, `according to X`), else the
//! nearest one before it (`X said "…"`, `"…," X said`, `X told`, `X called it "…"`); `X: "…"`
//! counts as well. GPEs are accepted because governments speak through their capitals ("Moscow
//! called the attack …"). Two mentions joined by "and" are one speaker ("X and Y"). The
//! speaker string is built from the mentions' canonical names; its span covers what is written.

use dossier_core::{EntityKind, Mention, Quote, Span};

use crate::lexicon::LEXICON;

/// Finds quotations in `text` and, where the sentence says, who is quoted.
pub fn find_quotes(text: &str, sentences: &[Span], mentions: &[Mention]) -> Vec<Quote> {
    quote_spans(text)
        .into_iter()
        .map(|span| {
            let speaker = find_speaker(text, span, sentences, mentions);
            Quote {
                span,
                speaker: speaker.as_ref().map(|s| s.0.clone()),
                speaker_span: speaker.map(|s| s.1),
            }
        })
        .collect()
}

/// The spans of all quotations, marks excluded.
fn quote_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '"') => open = Some((c, i + c.len_utf8())),
            (Some(('“', start)), '”') | (Some(('«', start)), '»') | (Some(('"', start)), '"') =>
            {
                push_trimmed(text, Span::new(start, i), &mut spans);
                open = None;
            }
            // A paragraph break closes nothing: the opening mark was unbalanced.
            (Some(_), '\n') if text[i + 1..].starts_with('\n') => open = None,
            (Some(_), '“' | '«') => open = Some((c, i + c.len_utf8())),
            _ => {}
        }
    }
    spans
}

fn push_trimmed(text: &str, span: Span, spans: &mut Vec<Span>) {
    let slice = &text[span.range()];
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = span.start + (slice.len() - slice.trim_start().len());
        spans.push(Span::new(start, start + trimmed.len()));
    }
}

/// The region where the speaker of `quote` may be named: the sentences it starts and ends in.
fn speaker_region(quote: Span, sentences: &[Span]) -> Span {
    let first = sentences.partition_point(|s| s.end <= quote.start);
    let last = sentences.partition_point(|s| s.end < quote.end);
    let start = sentences
        .get(first)
        .map_or(quote.start, |s| s.start.min(quote.start));
    let end = sentences
        .get(last)
        .map_or(quote.end, |s| s.end.max(quote.end));
    Span::new(start, end)
}

/// The speaker's name and span for `quote`, if the sentence tells.
fn find_speaker(
    text: &str,
    quote: Span,
    sentences: &[Span],
    mentions: &[Mention],
) -> Option<(String, Span)> {
    let region = speaker_region(quote, sentences);
    let outside = |span: Span| span.end <= quote.start || span.start >= quote.end;
    let candidates: Vec<usize> = (0..mentions.len())
        .filter(|&i| {
            let m = &mentions[i];
            region.contains(m.span)
                && outside(m.span)
                && matches!(
                    m.kind,
                    EntityKind::Person | EntityKind::Org | EntityKind::Gpe
                )
        })
        .collect();
    let verbs = speech_verbs(text, region, quote);
    for verb in &verbs {
        let inverts = verb_inverts(verb.slice(text)).unwrap_or(false);
        let after = candidates.iter().copied().find(|&i| {
            let m = mentions[i].span;
            m.start >= verb.end && only_space_or_particles(&text[verb.end..m.start])
        });
        let before = || {
            candidates.iter().rev().copied().find(|&i| {
                let m = mentions[i].span;
                m.end <= verb.start && !is_possessive(&text[m.end..])
            })
        };
        if let Some(i) = after.filter(|_| inverts).or_else(before) {
            return Some(coordinated(text, mentions, &candidates, i));
        }
    }
    colon_speaker(text, quote, mentions, &candidates)
        .map(|i| coordinated(text, mentions, &candidates, i))
}

/// The verbs of saying in `region`, outside `quote`, nearest to the quote first.
fn speech_verbs(text: &str, region: Span, quote: Span) -> Vec<Span> {
    let mut verbs: Vec<Span> = words(text, region)
        .filter(|&span| {
            let inside = span.start >= quote.start && span.end <= quote.end;
            !inside && verb_inverts(span.slice(text)).is_some()
        })
        .collect();
    let distance = |v: &Span| {
        if v.end <= quote.start {
            quote.start - v.end
        } else {
            v.start.saturating_sub(quote.end)
        }
    };
    verbs.sort_by_key(|v| (distance(v), v.start));
    verbs
}

/// For a verb of saying (in any case), whether it may come before its speaker.
fn verb_inverts(word: &str) -> Option<bool> {
    LEXICON
        .speech_verbs
        .get(word)
        .or_else(|| {
            let lower = word.to_lowercase();
            LEXICON.speech_verbs.get(lower.as_str())
        })
        .copied()
}

/// True when `rest` starts with a possessive ending: "Moscow’s actions" names no speaker.
fn is_possessive(rest: &str) -> bool {
    ["’s", "'s", "’ ", "' "].iter().any(|p| rest.starts_with(p))
}

/// The spans of the words (runs of letters and digits) of `text` inside `region`.
fn words(text: &str, region: Span) -> impl Iterator<Item = Span> + '_ {
    let slice = &text[region.range()];
    let mut start = None;
    slice
        .char_indices()
        .chain(std::iter::once((slice.len(), ' ')))
        .filter_map(move |(i, c)| match (start, c.is_alphanumeric()) {
            (None, true) => {
                start = Some(i);
                None
            }
            (Some(s), false) => {
                start = None;
                Some(Span::new(region.start + s, region.start + i))
            }
            _ => None,
        })
}

/// True for the text between a verb and the speaker it introduces: spaces, "to" ("according
/// to"), "by", or a title word ("said Foreign Minister X" leaves the title outside the mention).
fn only_space_or_particles(between: &str) -> bool {
    between.split_whitespace().all(|w| {
        matches!(w, "to" | "by" | "the") || w.chars().next().is_some_and(char::is_uppercase)
    }) && between.split_whitespace().count() <= 3
}

/// `X: "…"`: the mention right before a colon that precedes the quote.
fn colon_speaker(
    text: &str,
    quote: Span,
    mentions: &[Mention],
    candidates: &[usize],
) -> Option<usize> {
    candidates.iter().rev().copied().find(|&i| {
        let m = mentions[i].span;
        m.end <= quote.start
            && text[m.end..quote.start]
                .trim_end_matches(['“', '"', '«', ' '])
                .trim()
                == ":"
    })
}

/// The speaker starting from mention `i`, extended to "X and Y" when two mentions are joined
/// by "and" (in either direction).
fn coordinated(text: &str, mentions: &[Mention], candidates: &[usize], i: usize) -> (String, Span) {
    let joined = |a: &Mention, b: &Mention| {
        a.span.end <= b.span.start && text[a.span.end..b.span.start].trim() == "and"
    };
    let position = candidates.iter().position(|&c| c == i).unwrap_or(0);
    let previous = position.checked_sub(1).map(|p| &mentions[candidates[p]]);
    let next = candidates.get(position + 1).map(|&n| &mentions[n]);
    let this = &mentions[i];
    let pair = match (previous, next) {
        (Some(p), _) if joined(p, this) => Some((p, this)),
        (_, Some(n)) if joined(this, n) => Some((this, n)),
        _ => None,
    };
    match pair {
        Some((a, b)) => (
            format!("{} and {}", a.canonical, b.canonical),
            Span::new(a.span.start, b.span.end),
        ),
        None => (this.canonical.clone(), this.span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_mentions;
    use crate::split_sentences;

    /// Quotes of `text` as "speaker | quoted words" ("-" when no speaker is found).
    fn check(text: &str, expected: &[&str]) {
        let sentences = split_sentences(text);
        let mentions = find_mentions(text, &sentences);
        let quotes: Vec<String> = find_quotes(text, &sentences, &mentions)
            .iter()
            .map(|q| {
                if let (Some(speaker), Some(span)) = (&q.speaker, q.speaker_span) {
                    assert!(span
                        .slice(text)
                        .contains(speaker.split(' ').next_back().unwrap_or("")));
                }
                format!(
                    "{} | {}",
                    q.speaker.as_deref().unwrap_or("-"),
                    q.span.slice(text)
                )
            })
            .collect();
        assert_eq!(quotes, expected, "quotes of {text:?}");
    }

    #[test]
    fn quote_marks_and_spans() {
        check(
            "It was “grave,” and «final» and \"done\".",
            &["- | grave,", "- | final", "- | done"],
        );
        check("The group’s leader didn’t say ‘no’.", &[]);
        check("An “unbalanced quote\n\nnext paragraph.", &[]);
    }

    #[test]
    fn speakers_before_and_after_the_quote() {
        check(
            "“We will win,” said Anna Kowalska.",
            &["Anna Kowalska | We will win,"],
        );
        check(
            "“We will win,” Anna Kowalska said.",
            &["Anna Kowalska | We will win,"],
        );
        check(
            "Anna Kowalska said “we will win” on Monday.",
            &["Anna Kowalska | we will win"],
        );
        check(
            "According to Ivan Petrov, it was “a mistake”.",
            &["Ivan Petrov | a mistake"],
        );
        check(
            "Ivan Petrov: “It was a mistake.”",
            &["Ivan Petrov | It was a mistake."],
        );
        check(
            "Moscow called the attack “barbaric”.",
            &["Moscow | barbaric"],
        );
    }

    #[test]
    fn coordinated_speakers_and_short_forms() {
        check(
            "Milan Novak and Dan Brody wrote a report. “It is over,” Novak and Brody said.",
            &["Milan Novak and Dan Brody | It is over,"],
        );
    }

    #[test]
    fn no_speaker_without_a_verb_of_saying() {
        check(
            "He expressed only “serious concern.”",
            &["- | serious concern."],
        );
        check(
            "Israel criticized Moscow’s actions, calling them “a nasty step”.",
            &["Israel | a nasty step"],
        );
    }
}
