//! Extract: claims from one annotated document.
//!
//! A pure function of one document, its annotations and the word lists in
//! `resources/extract/`: every trigger ("met", "visited", "condemned", …) of every sentence
//! yields at most one claim with its participants, time, place, speaker and modality. The main
//! triggers (`triggers.tsv`) make claims; the general event words (`event_words.tsv`:
//! "signed", "delivered", "the deal") are event mentions only ([`event_mentions`]), never
//! claims: read by word order alone, their participants were too often wrong ("X continues Y")
//! for a timeline that must be trusted, so they serve the event-mention measure and later
//! deeper readers.
//!
//! The key design decision is to read roles from word order within a bounded clause instead of
//! parsing: the names before a trigger are its subject, the names right after it its object,
//! with passives, inverse triggers ("received praise from"), coordination, places and quotes
//! handled by small explicit rules (see [`roles`]). It is shallow but fast (one Aho-Corasick
//! pass per sentence, work per trigger bounded by its clause) and every decision can be read
//! back from the sentence. A claim needs at least one participant: a trigger without names
//! around it says nothing a dossier can use.

mod attributes;
mod context;
mod lexicon;
mod roles;
mod sentence;

use dossier_core::{
    Annotations, AttributeClaim, Claim, Diagnostic, Document, Participant, Role, Span, TimeExpr,
};

use crate::lexicon::LEXICON;
use crate::roles::Roles;
use crate::sentence::View;

/// Extracts the claims of one document. Never fails.
pub fn extract(doc: &Document, annotations: &Annotations) -> (Vec<Claim>, Vec<Diagnostic>) {
    let text = &doc.text;
    let mut claims = Vec::new();
    let mut diagnostics = Vec::new();
    let mut narrative: Option<&TimeExpr> = None;
    let mut next_time = 0;
    let mut previous_end = 0;
    for (index, &span) in annotations.sentences.iter().enumerate() {
        if text
            .get(previous_end.min(span.start)..span.start)
            .is_some_and(|gap| gap.contains('\n'))
        {
            narrative = None;
        }
        previous_end = span.end;
        let times = sentence_times(annotations, span, &mut next_time);
        let (mentions, quotes) = (&annotations.mentions, &annotations.quotes);
        let Some(main) = View::new(text, span, mentions, quotes, false) else {
            diagnostics.push(
                Diagnostic::warning("sentence span outside the text: no claims read from it")
                    .at(span),
            );
            continue;
        };
        claims.extend(sentence_claims(&main, index, &times, narrative));
        if let Some(last) = times.last() {
            narrative = Some(last);
        }
    }
    (claims, diagnostics)
}

/// Extracts the kinship, role and count statements of one document. Never fails.
pub fn attributes(doc: &Document, annotations: &Annotations) -> Vec<AttributeClaim> {
    attributes::extract(doc, annotations)
}

/// The dating time expressions inside `span`; `next` walks `annotations.times` in order.
fn sentence_times<'a>(
    annotations: &'a Annotations,
    span: Span,
    next: &mut usize,
) -> Vec<&'a TimeExpr> {
    let times = &annotations.times;
    while *next < times.len() && times[*next].span.start < span.start {
        *next += 1;
    }
    let mut inside = Vec::new();
    while *next < times.len() && times[*next].span.start < span.end {
        let t = &times[*next];
        if span.contains(t.span) && context::is_dating(t) {
            inside.push(t);
        }
        *next += 1;
    }
    inside
}

/// The event mentions of one document: every trigger, main or minor, whether or not it yields
/// a claim (MEANTIME-style event mention detection). Never fails.
pub fn event_mentions(doc: &Document, annotations: &Annotations) -> Vec<EventMention> {
    let (mentions, quotes) = (&annotations.mentions, &annotations.quotes);
    annotations
        .sentences
        .iter()
        .filter_map(|&span| View::new(&doc.text, span, mentions, quotes, true))
        .flat_map(|view| {
            view.hits
                .into_iter()
                .map(|hit| EventMention {
                    span: hit.span,
                    event_type: LEXICON.types[hit.trigger.event_type].name,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A word or phrase that names an event, with its event type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventMention {
    pub span: Span,
    pub event_type: &'static str,
}

/// The claims of one sentence, one per main trigger that has a participant.
fn sentence_claims(
    view: &View,
    index: usize,
    times: &[&TimeExpr],
    narrative: Option<&TimeExpr>,
) -> Vec<Claim> {
    let mut roles: Vec<Roles> = Vec::with_capacity(view.hits.len());
    for i in 0..view.hits.len() {
        let found = roles::find_roles(view, i, roles.last());
        roles.push(found);
    }
    let mut claims = Vec::new();
    for (i, hit) in view.hits.iter().enumerate() {
        let event_type = &LEXICON.types[hit.trigger.event_type];
        if hit.trigger.minor || event_type.mention_only {
            continue;
        }
        let object_role = event_type.object_role.unwrap_or(Role::Patient);
        let participants: Vec<Participant> = roles[i]
            .participants(object_role)
            .into_iter()
            .map(|(m, role)| Participant {
                mention: m.span,
                role,
            })
            .collect();
        let has_object = participants.iter().any(|p| p.role != Role::Agent);
        if participants.is_empty()
            || event_type.needs_object && !has_object && !roles::group_object(view, hit)
        {
            continue;
        }
        let speaker = context::speaker(view, i, &roles);
        let modality = context::modality(view, i, speaker.is_some());
        claims.push(Claim {
            sentence: index,
            event_type: event_type.name.to_string(),
            trigger: hit.span,
            participants,
            time: context::claim_time(view, hit.span, times, narrative),
            place: roles[i].place.map(|m| m.span),
            speaker,
            modality,
        });
    }
    claims
}

#[cfg(test)]
mod tests;
