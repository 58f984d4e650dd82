//! The `dossier.json` contract (schema `dossier/1`) as transfer types.
//!
//! The core types stay free of serde: this module maps a [`Dossier`] onto borrowed structs
//! whose field order *is* the key order of the output, converting every byte span into
//! code-point offsets on the way. Unknown values are `null`, never omitted, and floats are
//! rounded to three decimals so that the output is byte-identical across runs and platforms.

use std::collections::BTreeMap;

use dossier_core::{
    AnalyzedDocument, AttributeRef, AttributeValue, ClaimRef, Contradiction, Derivation, Dossier,
    Entity, Event, Lineage, Skipped, Span,
};
use serde::Serialize;

use crate::offsets::CharOffsets;

/// The schema name written at the top of every `dossier.json`.
pub const SCHEMA: &str = "dossier/1";

#[derive(Serialize)]
pub struct DossierJson<'a> {
    schema: &'static str,
    documents: Vec<DocumentJson<'a>>,
    skipped: Vec<SkippedJson<'a>>,
    derivations: Vec<DerivationJson<'a>>,
    lineages: Vec<LineageJson<'a>>,
    entities: Vec<EntityJson<'a>>,
    events: Vec<EventJson<'a>>,
    contradictions: Vec<ContradictionJson<'a>>,
    // Added field.
    attributes: Vec<AttributeJson<'a>>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    id: &'a str,
    path: &'a str,
    sha256: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    authors: &'a [String],
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    language: Option<&'a str>,
    text: &'a str,
    times: Vec<TimeJson<'a>>,
    // Added fields.
    word_count: usize,
    diagnostics: Vec<DiagnosticJson<'a>>,
}

#[derive(Serialize)]
struct TimeJson<'a> {
    start: usize,
    end: usize,
    value: &'a str,
    anchor: &'static str,
    // Added fields.
    #[serde(rename = "type")]
    kind: &'static str,
    text: &'a str,
    /// `[start, end)` of the expression the value was computed from, when in this document.
    anchored_to: Option<[usize; 2]>,
}

#[derive(Serialize)]
struct DiagnosticJson<'a> {
    severity: &'static str,
    message: &'a str,
    start: Option<usize>,
    end: Option<usize>,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    path: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct DerivationJson<'a> {
    derived: &'a str,
    source: &'a str,
    kind: &'static str,
    score: f64,
    evidence: Vec<PassageJson>,
    altered_quotes: Vec<AlteredQuoteJson>,
    // Added fields.
    direction_known: bool,
    /// Numbers and dates of aligned passages that differ from the source's.
    changed_values: Vec<ChangedValueJson<'a>>,
    /// Sentences of the derived document with no counterpart in the source.
    unmatched: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct ChangedValueJson<'a> {
    derived: [usize; 2],
    source: [usize; 2],
    derived_text: &'a str,
    source_text: &'a str,
}

#[derive(Serialize)]
struct PassageJson {
    derived: [usize; 2],
    source: [usize; 2],
    similarity: f64,
}

#[derive(Serialize)]
struct AlteredQuoteJson {
    derived: [usize; 2],
    source: [usize; 2],
}

#[derive(Serialize)]
struct LineageJson<'a> {
    id: &'a str,
    origin: &'a str,
    documents: &'a [String],
}

#[derive(Serialize)]
struct EntityJson<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    mentions: Vec<LocationJson<'a>>,
    // Added fields.
    merge_evidence: &'a [String],
    /// Mentions of a capital or seat of government that stand for this entity as an actor.
    metonyms: Vec<MetonymJson<'a>>,
}

#[derive(Serialize)]
struct MetonymJson<'a> {
    doc: &'a str,
    /// `[start, end)` of `text`.
    start: usize,
    end: usize,
    /// The words as written, with a preceding article ("the Kremlin").
    text: &'a str,
}

#[derive(Serialize)]
struct LocationJson<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    label: &'a str,
    participants: Vec<ParticipantJson<'a>>,
    time: TimeRangeJson<'a>,
    place: Option<&'a str>,
    claims: Vec<ClaimJson<'a>>,
    sources: usize,
    independent_sources: usize,
    // Added field.
    /// Ids of the count attributes stated in the event's sentences.
    counts: Vec<String>,
}

#[derive(Serialize)]
struct ParticipantJson<'a> {
    entity: &'a str,
    role: &'static str,
    // Added field.
    /// The metonyms that named the participant in the claims ("the Kremlin" for Russia).
    via: Vec<&'a str>,
}

#[derive(Serialize)]
struct TimeRangeJson<'a> {
    value: Option<&'a str>,
    earliest: Option<&'a str>,
    latest: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    doc: &'a str,
    /// The claim's sentence.
    start: usize,
    end: usize,
    time_text: Option<&'a str>,
    time_anchor: Option<&'static str>,
    speaker: Option<&'a str>,
    modality: &'static str,
    // Added fields.
    /// `[start, end)` of the trigger word(s).
    trigger: [usize; 2],
    time_value: Option<&'a str>,
}

#[derive(Serialize)]
struct ContradictionJson<'a> {
    id: &'a str,
    kind: &'static str,
    subject: &'a str,
    sides: Vec<SideJson<'a>>,
    // Added field.
    event: Option<&'a str>,
}

#[derive(Serialize)]
struct SideJson<'a> {
    value: &'a str,
    /// The sentences of the side's event claims, then of its attribute claims.
    claims: Vec<LocationJson<'a>>,
    // Added field.
    /// Ids of the side's attribute claims (`attribute` and `number` contradictions).
    attributes: Vec<String>,
}

/// An attribute claim: kinship, role or count, with its sentence and stating words.
#[derive(Serialize)]
struct AttributeJson<'a> {
    /// `A1`, `A2`, … in document order.
    id: String,
    /// `kinship`, `role` or `count`.
    kind: &'static str,
    doc: &'a str,
    /// The claim's sentence.
    start: usize,
    end: usize,
    /// `[start, end)` of the words that state it.
    text: [usize; 2],
    /// Entity id of the holder, when named.
    holder: Option<&'a str>,
    /// The position standing for an unnamed holder.
    position: Option<PositionJson<'a>>,
    /// The relation ("nephew"), role ("deputy head") or count ("at least 1,033").
    value: String,
    /// Entity id of the relative (kinship) or organisation (role).
    object: Option<&'a str>,
    count: Option<CountJson<'a>>,
    speaker: Option<&'a str>,
    modality: &'static str,
}

#[derive(Serialize)]
struct PositionJson<'a> {
    role: &'a str,
    /// Entity id of the organisation, or null when only its name is known.
    of: Option<&'a str>,
    of_text: &'a str,
}

#[derive(Serialize)]
struct CountJson<'a> {
    value: u64,
    bound: &'static str,
    what: &'a str,
    event_type: &'a str,
}

/// Maps a dossier onto the contract.
pub fn build(dossier: &Dossier) -> DossierJson<'_> {
    let docs = Docs::new(dossier);
    DossierJson {
        schema: SCHEMA,
        documents: dossier
            .documents
            .iter()
            .zip(&docs.offsets)
            .map(|(d, o)| document(d, o))
            .collect(),
        skipped: dossier.skipped.iter().map(skipped).collect(),
        derivations: dossier
            .derivations
            .iter()
            .map(|d| derivation(d, &docs))
            .collect(),
        lineages: dossier.lineages.iter().map(lineage).collect(),
        entities: dossier.entities.iter().map(|e| entity(e, &docs)).collect(),
        events: dossier.events.iter().map(|e| event(e, &docs)).collect(),
        contradictions: dossier
            .contradictions
            .iter()
            .map(|c| contradiction(c, &docs))
            .collect(),
        attributes: attributes(dossier, &docs),
    }
}

/// The id of attribute claim `r`: `A<n>`, numbering all attribute claims in document order.
pub fn attribute_id(dossier: &Dossier, r: AttributeRef) -> String {
    let before: usize = dossier.documents[..r.doc.min(dossier.documents.len())]
        .iter()
        .map(|d| d.attributes.len())
        .sum();
    format!("A{}", before + r.attribute + 1)
}

/// Every attribute claim of every document.
fn attributes<'a>(dossier: &'a Dossier, docs: &Docs<'a>) -> Vec<AttributeJson<'a>> {
    let mut entity_of: BTreeMap<(&str, Span), &str> = BTreeMap::new();
    for e in &dossier.entities {
        for at in &e.mentions {
            entity_of.entry((at.doc.as_str(), at.span)).or_insert(&e.id);
        }
    }
    let mut out = Vec::new();
    for (d, analyzed) in dossier.documents.iter().enumerate() {
        let id = analyzed.document.id.as_str();
        let text = &analyzed.document.text;
        let offsets = &docs.offsets[d];
        let entity = |span: Span| entity_of.get(&(id, span)).copied();
        for (a, claim) in analyzed.attributes.iter().enumerate() {
            let sentence = attribute_sentence(analyzed, claim);
            let [start, end] = offsets.span(sentence);
            let (value, object, count) = match &claim.value {
                AttributeValue::Kinship { relation, relative } => {
                    (relation.clone(), entity(*relative), None)
                }
                AttributeValue::Role { role, of } => (role.clone(), of.and_then(entity), None),
                AttributeValue::Count(c) => (
                    count_label(c),
                    None,
                    Some(CountJson {
                        value: c.value,
                        bound: c.bound.label(),
                        what: &c.what,
                        event_type: &c.event_type,
                    }),
                ),
            };
            out.push(AttributeJson {
                id: attribute_id(
                    dossier,
                    AttributeRef {
                        doc: d,
                        attribute: a,
                    },
                ),
                kind: claim.value.kind_label(),
                doc: id,
                start,
                end,
                text: offsets.span(claim.span),
                holder: claim.holder.and_then(entity),
                position: claim.position.as_ref().map(|p| PositionJson {
                    role: &p.role,
                    of: entity(p.of),
                    of_text: text.get(p.of.range()).unwrap_or(""),
                }),
                value,
                object,
                count,
                speaker: claim.speaker.as_deref(),
                modality: claim.modality.label(),
            });
        }
    }
    out
}

/// "16", "at least 1033": a count as a person would say it.
pub fn count_label(c: &dossier_core::Count) -> String {
    match c.bound {
        dossier_core::CountBound::Exact => c.value.to_string(),
        dossier_core::CountBound::AtLeast => format!("at least {}", c.value),
        dossier_core::CountBound::AtMost => format!("at most {}", c.value),
        dossier_core::CountBound::About => format!("about {}", c.value),
    }
}

/// The documents of the dossier with their offset converters, by index and by id.
struct Docs<'a> {
    dossier: &'a Dossier,
    offsets: Vec<CharOffsets>,
    by_id: BTreeMap<&'a str, usize>,
}

impl<'a> Docs<'a> {
    fn new(dossier: &'a Dossier) -> Self {
        Docs {
            dossier,
            offsets: dossier
                .documents
                .iter()
                .map(|d| CharOffsets::new(&d.document.text))
                .collect(),
            by_id: dossier
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.document.id.as_str(), i))
                .collect(),
        }
    }

    /// `span` of document `id` in code points. A span of an unknown document (a bug upstream)
    /// is passed through unconverted rather than dropped.
    fn span(&self, id: &str, span: Span) -> [usize; 2] {
        match self.by_id.get(id) {
            Some(&i) => self.offsets[i].span(span),
            None => [span.start, span.end],
        }
    }

    /// The claim a reference points to, with its document; `None` for a dangling reference.
    fn claim(
        &self,
        r: ClaimRef,
    ) -> Option<(&'a AnalyzedDocument, &'a dossier_core::Claim, &CharOffsets)> {
        let doc = self.dossier.documents.get(r.doc)?;
        Some((doc, doc.claims.get(r.claim)?, &self.offsets[r.doc]))
    }

    /// Document id and sentence span (code points) of an attribute claim.
    fn attribute_location(&self, r: AttributeRef) -> Option<LocationJson<'a>> {
        let doc = self.dossier.documents.get(r.doc)?;
        let claim = doc.attributes.get(r.attribute)?;
        let [start, end] = self.offsets[r.doc].span(attribute_sentence(doc, claim));
        Some(LocationJson {
            doc: &doc.document.id,
            start,
            end,
        })
    }

    /// Document id and sentence span (code points) of a claim.
    fn location(&self, r: ClaimRef) -> Option<LocationJson<'a>> {
        let (doc, claim, offsets) = self.claim(r)?;
        let [start, end] = offsets.span(claim_sentence(doc, claim));
        Some(LocationJson {
            doc: &doc.document.id,
            start,
            end,
        })
    }
}

/// The sentence a claim stands in (its trigger alone if the sentence index is out of range).
pub fn claim_sentence(doc: &AnalyzedDocument, claim: &dossier_core::Claim) -> Span {
    doc.annotations
        .sentences
        .get(claim.sentence)
        .copied()
        .unwrap_or(claim.trigger)
}

/// The sentence an attribute claim stands in (its own words if the sentence index is out of
/// range).
pub fn attribute_sentence(doc: &AnalyzedDocument, claim: &dossier_core::AttributeClaim) -> Span {
    doc.annotations
        .sentences
        .get(claim.sentence)
        .copied()
        .unwrap_or(claim.span)
}

fn document<'a>(analyzed: &'a AnalyzedDocument, offsets: &CharOffsets) -> DocumentJson<'a> {
    let doc = &analyzed.document;
    let meta = &doc.meta;
    DocumentJson {
        id: &doc.id,
        path: &doc.path,
        sha256: &doc.sha256,
        title: meta.title.as_deref(),
        published: meta.published.map(|d| d.to_string()),
        authors: &meta.authors,
        outlet: meta.outlet.as_deref(),
        url: meta.url.as_deref(),
        language: meta.language.as_deref(),
        text: &doc.text,
        times: analyzed
            .annotations
            .times
            .iter()
            .map(|t| {
                let [start, end] = offsets.span(t.span);
                TimeJson {
                    start,
                    end,
                    value: &t.value,
                    anchor: t.anchor.label(),
                    kind: t.kind.label(),
                    text: doc.text.get(t.span.range()).unwrap_or(""),
                    anchored_to: t.anchored_to.map(|s| offsets.span(s)),
                }
            })
            .collect(),
        word_count: doc.word_count(),
        diagnostics: analyzed
            .diagnostics
            .iter()
            .map(|d| DiagnosticJson {
                severity: d.severity.label(),
                message: &d.message,
                start: d.span.map(|s| offsets.char_offset(s.start)),
                end: d.span.map(|s| offsets.char_offset(s.end)),
            })
            .collect(),
    }
}

fn skipped(s: &Skipped) -> SkippedJson<'_> {
    SkippedJson {
        path: &s.path,
        reason: &s.reason,
    }
}

fn derivation<'a>(d: &'a Derivation, docs: &Docs<'a>) -> DerivationJson<'a> {
    DerivationJson {
        derived: &d.derived,
        source: &d.source,
        kind: d.kind.label(),
        score: round3(d.score),
        evidence: d
            .evidence
            .iter()
            .map(|p| PassageJson {
                derived: docs.span(&d.derived, p.derived),
                source: docs.span(&d.source, p.source),
                similarity: round3(p.similarity),
            })
            .collect(),
        altered_quotes: d
            .altered_quotes
            .iter()
            .map(|q| AlteredQuoteJson {
                derived: docs.span(&d.derived, q.derived),
                source: docs.span(&d.source, q.source),
            })
            .collect(),
        direction_known: d.direction_known,
        changed_values: d
            .changed_values
            .iter()
            .map(|c| ChangedValueJson {
                derived: docs.span(&d.derived, c.derived),
                source: docs.span(&d.source, c.source),
                derived_text: span_text(docs, &d.derived, c.derived),
                source_text: span_text(docs, &d.source, c.source),
            })
            .collect(),
        unmatched: d
            .unmatched
            .iter()
            .map(|&s| docs.span(&d.derived, s))
            .collect(),
    }
}

/// The text of `span` in document `id`; empty when either is unknown (a bug upstream).
fn span_text<'a>(docs: &Docs<'a>, id: &str, span: Span) -> &'a str {
    docs.by_id
        .get(id)
        .and_then(|&i| docs.dossier.documents[i].document.text.get(span.range()))
        .unwrap_or("")
}

fn lineage(l: &Lineage) -> LineageJson<'_> {
    LineageJson {
        id: &l.id,
        origin: &l.origin,
        documents: &l.documents,
    }
}

fn entity<'a>(e: &'a Entity, docs: &Docs<'a>) -> EntityJson<'a> {
    EntityJson {
        id: &e.id,
        name: &e.name,
        kind: e.kind.label(),
        aliases: &e.aliases,
        mentions: e
            .mentions
            .iter()
            .map(|m| {
                let [start, end] = docs.span(&m.doc, m.span);
                LocationJson {
                    doc: &m.doc,
                    start,
                    end,
                }
            })
            .collect(),
        merge_evidence: &e.merge_evidence,
        metonyms: e
            .metonyms
            .iter()
            .map(|m| {
                let [start, end] = docs.span(&m.at.doc, m.surface_span());
                MetonymJson {
                    doc: &m.at.doc,
                    start,
                    end,
                    text: &m.surface,
                }
            })
            .collect(),
    }
}

fn event<'a>(e: &'a Event, docs: &Docs<'a>) -> EventJson<'a> {
    EventJson {
        id: &e.id,
        kind: &e.event_type,
        label: &e.label,
        participants: e
            .participants
            .iter()
            .map(|(entity, role)| ParticipantJson {
                entity,
                role: role.label(),
                via: e.named_via(entity).collect(),
            })
            .collect(),
        time: TimeRangeJson {
            value: e.time.value.as_deref(),
            earliest: e.time.earliest.as_deref(),
            latest: e.time.latest.as_deref(),
        },
        place: e.place.as_deref(),
        claims: e.claims.iter().filter_map(|&r| claim(r, docs)).collect(),
        sources: e.sources,
        independent_sources: e.independent_sources,
        counts: e
            .counts
            .iter()
            .map(|&r| attribute_id(docs.dossier, r))
            .collect(),
    }
}

fn claim<'a>(r: ClaimRef, docs: &Docs<'a>) -> Option<ClaimJson<'a>> {
    let (doc, claim, offsets) = docs.claim(r)?;
    let [start, end] = offsets.span(claim_sentence(doc, claim));
    let text = &doc.document.text;
    Some(ClaimJson {
        doc: &doc.document.id,
        start,
        end,
        time_text: claim.time.as_ref().and_then(|t| text.get(t.span.range())),
        time_anchor: claim.time.as_ref().map(|t| t.anchor.label()),
        speaker: claim.speaker.as_deref(),
        modality: claim.modality.label(),
        trigger: offsets.span(claim.trigger),
        time_value: claim.time.as_ref().map(|t| t.value.as_str()),
    })
}

fn contradiction<'a>(c: &'a Contradiction, docs: &Docs<'a>) -> ContradictionJson<'a> {
    ContradictionJson {
        id: &c.id,
        kind: c.kind.label(),
        subject: &c.subject,
        sides: c
            .sides
            .iter()
            .map(|s| SideJson {
                value: &s.value,
                claims: s
                    .claims
                    .iter()
                    .filter_map(|&r| docs.location(r))
                    .chain(
                        s.attributes
                            .iter()
                            .filter_map(|&r| docs.attribute_location(r)),
                    )
                    .collect(),
                attributes: s
                    .attributes
                    .iter()
                    .map(|&r| attribute_id(docs.dossier, r))
                    .collect(),
            })
            .collect(),
        event: c.event.as_deref(),
    }
}

/// `x` rounded to three decimals (non-finite values become `null` in JSON).
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
