//! The circumstances of a claim: its time, who asserts it, and how firmly.
//!
//! Time: the DATE expression of the claim's sentence nearest to the trigger, else the narrative
//! time — the last DATE of an earlier sentence of the same paragraph (anchor `Narrative`).
//! Paragraphs bound the inheritance: a date three paragraphs back is a guess, not a reading.
//! Durations, sets and values without a year ("XXXX-03", "PRESENT_REF") are never claim times.
//!
//! Speaker: the speaker of a quote holding the trigger, else "according to X", else the agent
//! of another speech trigger of the sentence ("X said that ...") who is not the claim's agent.
//!
//! Modality: cues from `modality.tsv`; denial outranks allegation, which outranks hedging; a
//! claim with a speaker and no cue is `Reported`, else `Asserted`.

use dossier_core::{Anchor, ClaimTime, Mention, Modality, Span, TimeExpr, TimeKind};

use crate::lexicon::{CueScope, LEXICON};
use crate::roles::Roles;
use crate::sentence::{has_phrase_break, words, View};

/// A speech trigger lends its speaker to claims at most this many triggers away.
const SPEAKER_REACH: usize = 8;

/// True when `t` can date a claim: a DATE whose value starts with a four-digit year.
pub(crate) fn is_dating(t: &TimeExpr) -> bool {
    t.kind == TimeKind::Date
        && t.value.len() >= 4
        && t.value.as_bytes()[..4].iter().all(u8::is_ascii_digit)
}

/// The time of a claim whose trigger is `trigger`: the nearest dating expression among
/// `in_sentence` that is inside the same quote as the trigger (or outside quotes with it), else
/// the inherited narrative time.
pub(crate) fn claim_time(
    view: &View,
    trigger: Span,
    in_sentence: &[&TimeExpr],
    narrative: Option<&TimeExpr>,
) -> Option<ClaimTime> {
    let quote = view.quote_of(trigger);
    let distance = |t: &TimeExpr| {
        if t.span.end <= trigger.start {
            trigger.start - t.span.end
        } else {
            t.span.start.saturating_sub(trigger.end)
        }
    };
    if let Some(t) = in_sentence
        .iter()
        .copied()
        .filter(|t| view.quote_of(t.span) == quote)
        .min_by_key(|t| (distance(t), t.span.start))
    {
        return Some(ClaimTime {
            span: t.span,
            value: t.value.clone(),
            anchor: t.anchor,
        });
    }
    narrative.map(|t| ClaimTime {
        span: t.span,
        value: t.value.clone(),
        anchor: Anchor::Narrative,
    })
}

/// The names of a group as written, joined with "and" ("Czerny and Storyev").
fn names(view: &View, group: &[&Mention]) -> String {
    let names: Vec<&str> = group
        .iter()
        .map(|m| view.slice(m.span.start, m.span.end))
        .collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// Who asserts the claim of trigger `index`; `roles` are the roles of all triggers.
pub(crate) fn speaker(view: &View, index: usize, roles: &[Roles]) -> Option<String> {
    let hit = &view.hits[index];
    if let Some(q) = view.quote_of(hit.span) {
        if let Some(speaker) = &view.quotes[q].speaker {
            return Some(speaker.clone());
        }
    }
    for (span, cue) in &view.cues {
        if cue.scope != CueScope::Source {
            continue;
        }
        let after = view.mentions.partition_point(|m| m.span.start < span.end);
        let source = view
            .mentions
            .get(after)
            .copied()
            .filter(|m| words(view.slice(span.end, m.span.start)).count() <= 2);
        if let Some(source) = source {
            return Some(names(view, &[source]));
        }
    }
    let own: Vec<Span> = roles[index].agents.iter().map(|m| m.span).collect();
    let near = index.saturating_sub(SPEAKER_REACH)..(index + SPEAKER_REACH + 1).min(roles.len());
    near.filter(|&i| {
        let r = &roles[i];
        i != index
            && LEXICON.types[view.hits[i].trigger.event_type].speech
            && !r.agents.is_empty()
            && r.agents.iter().all(|a| !own.contains(&a.span))
    })
    .min_by_key(|&i| view.hits[i].span.start.abs_diff(hit.span.start))
    .map(|i| names(view, &roles[i].agents))
}

/// The modality of the claim of trigger `index`.
pub(crate) fn modality(view: &View, index: usize, has_speaker: bool) -> Modality {
    let hit = &view.hits[index];
    let mut best: Option<Modality> = None;
    for &(span, cue) in &view.cues {
        let Some(modality) = cue.modality else {
            continue;
        };
        if span.overlaps(hit.span) {
            continue;
        }
        let applies = match cue.scope {
            CueScope::Near => {
                let gap = view.slice(span.end, hit.span.start);
                span.end <= hit.span.start && !has_phrase_break(gap) && words(gap).count() <= 3
            }
            CueScope::Clause => hit.clause.contains(span),
            CueScope::Source => false,
        };
        if applies && best.is_none_or(|b| rank(modality) > rank(b)) {
            best = Some(modality);
        }
    }
    match best {
        Some(m) => m,
        None if has_speaker => Modality::Reported,
        None => Modality::Asserted,
    }
}

/// Which modality wins when several cues apply.
fn rank(m: Modality) -> u8 {
    match m {
        Modality::Asserted => 0,
        Modality::Reported => 1,
        Modality::Uncertain => 2,
        Modality::Alleged => 3,
        Modality::Denied => 4,
    }
}
