//! One sentence under analysis: its mentions, quotes, triggers and clause bounds.
//!
//! Extraction never parses: it reads the words between a trigger and the names around it. This
//! module holds that shallow machinery: finding triggers on word boundaries, the clause of a
//! trigger (bounded by `;`, `:` and the neighbouring triggers, so one clause never lends its
//! names to another), and small helpers over the words of a gap between two offsets.

use dossier_core::{EntityKind, Mention, Quote, Span};

use crate::lexicon::{Cue, Trigger, LEXICON};

/// A sentence of the document with the annotations that fall inside it.
#[derive(Debug)]
pub(crate) struct View<'a> {
    /// The whole document text (spans are offsets into it).
    pub text: &'a str,
    pub span: Span,
    /// Mentions inside the sentence, in text order.
    pub mentions: Vec<&'a Mention>,
    /// Quotes overlapping the sentence.
    pub quotes: Vec<&'a Quote>,
    pub hits: Vec<Hit>,
    /// Modality and attribution cues on word boundaries (only read when there are hits).
    pub cues: Vec<(Span, &'static Cue)>,
}

/// A trigger found in the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub span: Span,
    pub trigger: &'static Trigger,
    /// The clause around the trigger: where its participants and cues may stand.
    pub clause: Span,
}

impl<'a> View<'a> {
    /// Builds the view of `span`; `None` when the span is not a valid range of `text`. With
    /// `minor`, the general event words join the main triggers; without, the view is exactly
    /// what the main triggers alone make of the sentence.
    pub fn new(
        text: &'a str,
        span: Span,
        mentions: &'a [Mention],
        quotes: &'a [Quote],
        minor: bool,
    ) -> Option<Self> {
        text.get(span.range())?;
        let first = mentions.partition_point(|m| m.span.start < span.start);
        let mentions: Vec<&Mention> = mentions[first..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| span.contains(m.span) && text.get(m.span.range()).is_some())
            .collect();
        // Quotes are in text order and do not overlap, so their ends are sorted too.
        let first = quotes.partition_point(|q| q.span.end <= span.start);
        let quotes = quotes[first..]
            .iter()
            .take_while(|q| q.span.start < span.end)
            .filter(|q| q.span.overlaps(span))
            .collect();
        let mut view = View {
            text,
            span,
            mentions,
            quotes,
            hits: Vec::new(),
            cues: Vec::new(),
        };
        view.hits = view.find_triggers(minor);
        if !view.hits.is_empty() {
            view.cues = view.find_cues();
        }
        Some(view)
    }

    /// The sentence text from `start` to `end` (clamped to the sentence; empty if invalid).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let start = start.max(self.span.start);
        let end = end.min(self.span.end);
        if start >= end {
            return "";
        }
        self.text.get(start..end).unwrap_or("")
    }

    /// The word-bounded matches of one automaton that overlap no mention and no span of
    /// `taken`.
    fn matches(
        &self,
        automaton: &aho_corasick::AhoCorasick,
        info: &'static [Trigger],
        taken: &[(Span, &'static Trigger)],
    ) -> Vec<(Span, &'static Trigger)> {
        let sentence = self.slice(self.span.start, self.span.end);
        automaton
            .find_iter(sentence)
            .map(|m| {
                let span = Span::new(self.span.start + m.start(), self.span.start + m.end());
                (span, &info[m.pattern().as_usize()])
            })
            .filter(|(span, _)| {
                on_word_boundaries(self.text, *span)
                    && !self.mentions.iter().any(|x| x.span.overlaps(*span))
                    && !taken.iter().any(|(t, _)| t.overlaps(*span))
            })
            .collect()
    }

    /// The triggers of the sentence with their clauses. A main trigger's clause is bounded by
    /// the neighbouring main triggers only, a minor one's by every neighbouring trigger.
    fn find_triggers(&self, minor: bool) -> Vec<Hit> {
        let sentence = self.slice(self.span.start, self.span.end);
        let mut spans = self.matches(&LEXICON.triggers, &LEXICON.trigger_info, &[]);
        if minor {
            let extra = self.matches(&LEXICON.minor_triggers, &LEXICON.minor_info, &spans);
            spans.extend(extra);
            spans.sort_by_key(|(span, _)| *span);
        }
        let stops: Vec<usize> = sentence
            .match_indices([';', ':'])
            .map(|(i, _)| self.span.start + i)
            .collect();
        // A main trigger is bounded by the main triggers around it, a minor one by any trigger
        // (computed in two linear passes, so a long sentence never costs quadratic time).
        let mut previous_main = vec![None; spans.len()];
        let mut last_main = None;
        for (i, (_, trigger)) in spans.iter().enumerate() {
            previous_main[i] = last_main;
            if !trigger.minor {
                last_main = Some(i);
            }
        }
        let mut next_main = vec![None; spans.len()];
        let mut following_main = None;
        for (i, (_, trigger)) in spans.iter().enumerate().rev() {
            next_main[i] = following_main;
            if !trigger.minor {
                following_main = Some(i);
            }
        }
        (0..spans.len())
            .map(|i| {
                let (span, trigger) = spans[i];
                let (before, after) = if trigger.minor {
                    (i.checked_sub(1), Some(i + 1).filter(|&j| j < spans.len()))
                } else {
                    (previous_main[i], next_main[i])
                };
                let mut start = before.map_or(self.span.start, |j| spans[j].0.end);
                let mut end = after.map_or(self.span.end, |j| spans[j].0.start);
                let after = stops.partition_point(|&stop| stop < span.start);
                if let Some(&stop) = after.checked_sub(1).and_then(|i| stops.get(i)) {
                    start = start.max(stop + 1);
                }
                if let Some(&stop) = stops[after..].iter().find(|&&stop| stop >= span.end) {
                    end = end.min(stop);
                }
                Hit {
                    span,
                    trigger,
                    clause: Span::new(start.min(span.start), end.max(span.end)),
                }
            })
            .collect()
    }

    fn find_cues(&self) -> Vec<(Span, &'static Cue)> {
        let sentence = self.slice(self.span.start, self.span.end);
        LEXICON
            .cues
            .find_iter(sentence)
            .map(|m| {
                let span = Span::new(self.span.start + m.start(), self.span.start + m.end());
                (span, &LEXICON.cue_info[m.pattern().as_usize()])
            })
            .filter(|(span, _)| on_word_boundaries(self.text, *span))
            .collect()
    }

    /// The mentions lying inside `clause`.
    pub fn mentions_in(&self, clause: Span) -> &[&'a Mention] {
        let first = self
            .mentions
            .partition_point(|m| m.span.start < clause.start);
        let last = self.mentions.partition_point(|m| m.span.start < clause.end);
        &self.mentions[first..last.max(first)]
    }

    /// The quote containing `span`, if any (as an index into `quotes`).
    pub fn quote_of(&self, span: Span) -> Option<usize> {
        self.quotes.iter().position(|q| q.span.contains(span))
    }
}

/// True when `span` neither starts nor ends inside a word.
fn on_word_boundaries(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).and_then(|t| t.chars().next_back());
    let after = text.get(span.end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Whether a mention of this kind can take part in an event. MISC is admitted because a name
/// the tagger could not type ("Hamas" without an organisation cue) is still a name.
pub(crate) fn is_participant_kind(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person
            | EntityKind::Org
            | EntityKind::Gpe
            | EntityKind::Norp
            | EntityKind::Misc
    )
}

/// Whether a mention of this kind can be where an event happened.
pub(crate) fn is_place_kind(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Gpe | EntityKind::Loc)
}

/// The words of `gap`, stripped of surrounding punctuation (empty words dropped).
pub(crate) fn words(gap: &str) -> impl DoubleEndedIterator<Item = &str> {
    gap.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&' && c != '\''))
        .filter(|w| !w.is_empty())
}

/// True when `gap` holds punctuation that ends a phrase (`,` `;` `:` `.` brackets, quotes).
pub(crate) fn has_phrase_break(gap: &str) -> bool {
    gap.contains([',', ';', ':', '.', '(', ')', '"', '“', '”', '!', '?'])
}
