//! Claims resolved to the corpus: entity ids instead of mention spans, lineage, ISO time.
//!
//! A participant whose mention no entity lists is dropped (it cannot be matched across
//! documents); a claim left without participants takes no part in fusion.

use std::collections::HashMap;

use dossier_core::{AnalyzedDocument, ClaimRef, Entity, Lineage, Modality, Role, Span};

use crate::content::{self, Content};
use crate::time::iso_prefix;
use crate::types::{says_dispute, says_recurrence, TypeInfo};

/// One claim, ready for fusion.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub at: ClaimRef,
    pub event_type: String,
    pub info: TypeInfo,
    /// Entity indices with roles, sorted by entity, one role per entity.
    pub participants: Vec<(usize, Role)>,
    pub place: Option<usize>,
    /// ISO prefix of the claim's time.
    pub time: Option<String>,
    /// The time is stated in the claim's own sentence (not inherited from an earlier one).
    pub explicit_time: bool,
    /// Lineage key (a lineage id, or the document id for a document in no lineage).
    pub lineage: String,
    pub recurring: bool,
    pub denied: bool,
    /// Stated as fact by the outlet or a named speaker (no hedge, allegation or denial).
    pub asserted: bool,
    /// The claim is called unproven or unconfirmed ("allegations ... remain unproven").
    pub disputed: bool,
    /// Index of the claim's sentence in its document.
    pub sentence: usize,
    /// The trigger as written, lower-cased ("delivered").
    pub trigger: String,
    /// What a speech act reports, when its sentence shows it.
    pub content: Option<Content>,
}

impl Record {
    pub fn has(&self, entity: usize) -> bool {
        self.participants.iter().any(|(e, _)| *e == entity)
    }

    pub fn entities(&self) -> impl Iterator<Item = usize> + '_ {
        self.participants.iter().map(|(e, _)| *e)
    }
}

/// Resolves every claim of every document.
pub(crate) fn records(
    documents: &[AnalyzedDocument],
    entities: &[Entity],
    lineages: &[Lineage],
) -> Vec<Record> {
    let mut entity_of: HashMap<(&str, Span), usize> = HashMap::new();
    for (index, entity) in entities.iter().enumerate() {
        for at in &entity.mentions {
            entity_of.entry((at.doc.as_str(), at.span)).or_insert(index);
        }
    }
    let mut lineage_of: HashMap<&str, &str> = HashMap::new();
    for lineage in lineages {
        for doc in &lineage.documents {
            lineage_of
                .entry(doc.as_str())
                .or_insert(lineage.id.as_str());
        }
    }
    let mut out = Vec::new();
    for (d, analyzed) in documents.iter().enumerate() {
        let id = analyzed.document.id.as_str();
        let lineage = lineage_of
            .get(id)
            .map_or_else(|| format!("doc:{id}"), |l| l.to_string());
        let text = &analyzed.document.text;
        for (c, claim) in analyzed.claims.iter().enumerate() {
            let mut participants: Vec<(usize, Role)> = claim
                .participants
                .iter()
                .filter_map(|p| entity_of.get(&(id, p.mention)).map(|&e| (e, p.role)))
                .collect();
            participants.sort();
            participants.dedup_by_key(|(e, _)| *e);
            let place = claim
                .place
                .and_then(|span| entity_of.get(&(id, span)).copied());
            participants.retain(|(e, _)| Some(*e) != place);
            if participants.is_empty() {
                continue;
            }
            let sentence = analyzed.annotations.sentences.get(claim.sentence).copied();
            let sentence_text = sentence.and_then(|s| text.get(s.range())).unwrap_or("");
            let time = claim.time.as_ref().and_then(|t| iso_prefix(&t.value));
            let explicit_time = claim
                .time
                .as_ref()
                .is_some_and(|t| sentence.is_some_and(|s| s.contains(t.span)));
            let info = TypeInfo::of(&claim.event_type);
            let content = info
                .speech
                .then(|| content::of_claim(analyzed, claim))
                .flatten();
            out.push(Record {
                at: ClaimRef { doc: d, claim: c },
                event_type: claim.event_type.clone(),
                info,
                participants,
                place,
                time,
                explicit_time,
                lineage: lineage.clone(),
                recurring: says_recurrence(sentence_text),
                denied: claim.modality == Modality::Denied,
                asserted: matches!(claim.modality, Modality::Asserted | Modality::Reported),
                disputed: says_dispute(sentence_text),
                sentence: claim.sentence,
                trigger: text.get(claim.trigger.range()).unwrap_or("").to_lowercase(),
                content,
            });
        }
    }
    out
}
