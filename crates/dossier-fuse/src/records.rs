//! Claims resolved to the corpus: entity ids instead of mention spans, lineage, ISO time.
//!
//! A participant whose mention no entity lists is dropped (it cannot be matched across
//! documents); a claim left without participants takes no part in fusion. An actor whose
//! mention is the metonym of a state ("the Kremlin refused", see [`Entity::metonyms`]) is the
//! state, and the record keeps the words that named it; in any other role the place stays.

use std::collections::HashMap;

use dossier_core::{
    AnalyzedDocument, ClaimRef, Entity, Lineage, Modality, Participant, Role, Span,
};

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
    /// Participants named through a metonym: entity index and the words as written.
    pub via: Vec<(usize, String)>,
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

/// Mentions resolved to entities.
struct EntityIndex<'a> {
    /// The entity each mention names.
    of_mention: HashMap<(&'a str, Span), usize>,
    /// The state a mention stands for as an actor, with the words as written.
    stands_for: HashMap<(&'a str, Span), (usize, &'a str)>,
}

impl<'a> EntityIndex<'a> {
    fn new(entities: &'a [Entity]) -> Self {
        let mut of_mention = HashMap::new();
        let mut stands_for = HashMap::new();
        for (index, entity) in entities.iter().enumerate() {
            for at in &entity.mentions {
                of_mention
                    .entry((at.doc.as_str(), at.span))
                    .or_insert(index);
            }
            for m in &entity.metonyms {
                let key = (m.at.doc.as_str(), m.at.span);
                stands_for.entry(key).or_insert((index, m.surface.as_str()));
            }
        }
        EntityIndex {
            of_mention,
            stands_for,
        }
    }

    /// The entity of a mention in document `doc`.
    fn entity(&self, doc: &str, span: Span) -> Option<usize> {
        self.of_mention.get(&(doc, span)).copied()
    }

    /// The entity a participant stands for, with the words of a metonym when it is one.
    fn participant(&self, doc: &str, p: &Participant) -> Option<(usize, Option<&'a str>)> {
        let state = self.stands_for.get(&(doc, p.mention));
        match state.filter(|_| p.role == Role::Agent) {
            Some(&(entity, surface)) => Some((entity, Some(surface))),
            None => self.entity(doc, p.mention).map(|e| (e, None)),
        }
    }
}

/// Resolves every claim of every document.
pub(crate) fn records(
    documents: &[AnalyzedDocument],
    entities: &[Entity],
    lineages: &[Lineage],
) -> Vec<Record> {
    let index = EntityIndex::new(entities);
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
            let mut participants = Vec::new();
            let mut via = Vec::new();
            for p in &claim.participants {
                let Some((e, surface)) = index.participant(id, p) else {
                    continue;
                };
                participants.push((e, p.role));
                via.extend(surface.map(|s| (e, s.to_string())));
            }
            participants.sort();
            participants.dedup_by_key(|(e, _)| *e);
            let place = claim.place.and_then(|span| index.entity(id, span));
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
                via,
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
