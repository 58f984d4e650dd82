//! Corpus-level results: what `dossier-link` and `dossier-fuse` compute over all documents.

use crate::{AnalyzedDocument, DocId, EntityKind, Role, Skipped, Span};

/// A place in one document: the unit of provenance of every corpus-level fact.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub doc: DocId,
    pub span: Span,
}

/// One real-world referent, merged from mentions across documents (`dossier-link`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id (`E1`, `E2`, … in a deterministic order).
    pub id: String,
    /// Canonical name: the most complete, most frequent surface form.
    pub name: String,
    pub kind: EntityKind,
    /// Distinct surface forms seen, sorted.
    pub aliases: Vec<String>,
    /// Every mention, sorted by document then offset.
    pub mentions: Vec<Location>,
    /// Why the aliases were merged: one line per merge step, such as
    /// `"Sergey Lavrov" = "Sergei Lavrov": same transliteration key "sergei lavrov"`.
    pub merge_evidence: Vec<String>,
    /// Mentions of other places that stand for this entity as an actor (see [`Metonym`]),
    /// sorted by location. They stay mentions of their place's entity.
    pub metonyms: Vec<Metonym>,
}

/// A mention of a capital or a seat of government that stands for its state as the actor of a
/// claim ("Moscow declined", "the Kremlin refused"), found by `dossier-link`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Metonym {
    /// The mention of the place.
    pub at: Location,
    /// The words as written, with a preceding article: "the Kremlin". They end where the
    /// mention ends.
    pub surface: String,
}

impl Metonym {
    /// The span of [`Metonym::surface`] in the document.
    pub fn surface_span(&self) -> Span {
        let end = self.at.span.end;
        Span::new(end.saturating_sub(self.surface.len()), end)
    }
}

/// The kind of reuse between two documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DerivationKind {
    /// Same normalized text.
    Duplicate,
    /// Near-identical text.
    Copy,
    /// Reworded but sentence-by-sentence aligned.
    Paraphrase,
    /// Same skeleton of names, numbers and dates in another language.
    Translation,
    /// A passage lifted into a longer article.
    Partial,
}

impl DerivationKind {
    pub fn label(self) -> &'static str {
        match self {
            DerivationKind::Duplicate => "duplicate",
            DerivationKind::Copy => "copy",
            DerivationKind::Paraphrase => "paraphrase",
            DerivationKind::Translation => "translation",
            DerivationKind::Partial => "partial",
        }
    }
}

/// A pair of aligned passages: the evidence of a derivation.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedPassage {
    pub derived: Span,
    pub source: Span,
    /// 0–1 lexical similarity of the two passages.
    pub similarity: f64,
}

/// A quote of the derived document that renders a quote of the source with other words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlteredQuote {
    pub derived: Span,
    pub source: Span,
}

/// A number or date of a derived passage that replaces a different one in the aligned source
/// passage ("40 bridges" for "forty-two bridges", "in 2007" for "in 2006").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedValue {
    pub derived: Span,
    pub source: Span,
}

/// "`derived` was made from `source`" (`dossier-link`).
#[derive(Debug, Clone, PartialEq)]
pub struct Derivation {
    pub derived: DocId,
    pub source: DocId,
    pub kind: DerivationKind,
    /// 0–1 confidence/strength of the reuse.
    pub score: f64,
    /// True when the direction was decided (by publication dates or containment asymmetry);
    /// false when `source`/`derived` is an arbitrary but deterministic order.
    pub direction_known: bool,
    pub evidence: Vec<AlignedPassage>,
    pub altered_quotes: Vec<AlteredQuote>,
    /// Numbers and dates changed between aligned passages, in derived order.
    pub changed_values: Vec<ChangedValue>,
    /// Sentences of the derived document with no counterpart in the source (added framing,
    /// new claims), in order; empty for exact duplicates.
    pub unmatched: Vec<Span>,
}

/// A family of documents that derive from one another; it counts as one independent source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lineage {
    /// Stable id (`L1`, `L2`, …).
    pub id: String,
    /// The earliest document of the family.
    pub origin: DocId,
    /// All members, origin included, sorted.
    pub documents: Vec<DocId>,
}

/// The time of a fused event: the most specific agreed value and the range it allows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventTime {
    /// An ISO prefix such as `2006`, `2006-03`, `2006-03-18`, or `None` when unknown.
    pub value: Option<String>,
    /// First and last day the value allows (`2006-03` → 2006-03-01..2006-03-31), ISO dates.
    pub earliest: Option<String>,
    pub latest: Option<String>,
}

/// A pointer to one claim: the document and the claim's index in
/// [`AnalyzedDocument::claims`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimRef {
    /// Index of the document in [`Dossier::documents`].
    pub doc: usize,
    /// Index of the claim in that document's `claims`.
    pub claim: usize,
}

/// A pointer to one attribute claim: the document and the claim's index in
/// [`AnalyzedDocument::attributes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AttributeRef {
    /// Index of the document in [`Dossier::documents`].
    pub doc: usize,
    /// Index of the attribute claim in that document's `attributes`.
    pub attribute: usize,
}

/// One happening, fused from the claims of one or more documents (`dossier-fuse`).
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Stable id (`V1`, `V2`, … in timeline order).
    pub id: String,
    pub event_type: String,
    /// One human-readable line: "Vladimir Putin hosted Khaled Mashal in Moscow (2007)".
    pub label: String,
    /// Entity ids with their roles.
    pub participants: Vec<(String, Role)>,
    /// Participants named in the claims through a metonym (a capital or a seat of government):
    /// the entity id and the words as written ("the Kremlin" for Russia), sorted, one pair per
    /// distinct form. A participant only named directly has none.
    pub via: Vec<(String, String)>,
    pub time: EventTime,
    /// Entity id of the place.
    pub place: Option<String>,
    pub claims: Vec<ClaimRef>,
    /// Counts stated in the sentences of its claims ("233 people were taken hostage").
    pub counts: Vec<AttributeRef>,
    /// Number of distinct documents among the claims.
    pub sources: usize,
    /// Number of distinct lineages among those documents.
    pub independent_sources: usize,
}

impl Event {
    /// The words of the metonyms that named participant `entity` (an id): "the Kremlin".
    pub fn named_via<'a>(&'a self, entity: &'a str) -> impl Iterator<Item = &'a str> {
        self.via
            .iter()
            .filter(move |(id, _)| id == entity)
            .map(|(_, words)| words.as_str())
    }
}

/// The kind of disagreement between sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ContradictionKind {
    Date,
    Number,
    Attribute,
    Assertion,
}

impl ContradictionKind {
    pub fn label(self) -> &'static str {
        match self {
            ContradictionKind::Date => "date",
            ContradictionKind::Number => "number",
            ContradictionKind::Attribute => "attribute",
            ContradictionKind::Assertion => "assertion",
        }
    }
}

/// One side of a contradiction: a value and the claims that support it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContradictionSide {
    pub value: String,
    /// The event claims of this side (`date` and `assertion` contradictions).
    pub claims: Vec<ClaimRef>,
    /// The attribute claims of this side (`attribute` and `number` contradictions).
    pub attributes: Vec<AttributeRef>,
}

/// Claims that cannot all hold (`dossier-fuse`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    /// Stable id (`C1`, `C2`, …).
    pub id: String,
    pub kind: ContradictionKind,
    /// One line saying what the sides disagree about.
    pub subject: String,
    /// The event it is about, when it is about one.
    pub event: Option<String>,
    /// At least two sides.
    pub sides: Vec<ContradictionSide>,
}

/// Everything the pipeline knows about a pile of articles: the input of `dossier-publish`.
#[derive(Debug, Clone, Default)]
pub struct Dossier {
    /// Sorted by document id.
    pub documents: Vec<AnalyzedDocument>,
    pub skipped: Vec<Skipped>,
    pub derivations: Vec<Derivation>,
    pub lineages: Vec<Lineage>,
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub contradictions: Vec<Contradiction>,
}

impl Dossier {
    /// The document with this id: a binary search, as `documents` is sorted by id (a dossier
    /// built out of order is still answered, by a scan).
    pub fn document(&self, id: &str) -> Option<&AnalyzedDocument> {
        let index = self
            .documents
            .partition_point(|d| d.document.id.as_str() < id);
        match self.documents.get(index) {
            Some(found) if found.document.id == id => Some(found),
            _ => self.documents.iter().find(|d| d.document.id == id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Metadata};

    fn dossier(ids: &[&str]) -> Dossier {
        let documents = ids
            .iter()
            .map(|id| {
                AnalyzedDocument::unanalyzed(Document {
                    id: id.to_string(),
                    path: String::new(),
                    sha256: String::new(),
                    text: String::new(),
                    meta: Metadata::default(),
                })
            })
            .collect();
        Dossier {
            documents,
            ..Dossier::default()
        }
    }

    #[test]
    fn finds_documents_by_id_sorted_or_not() {
        let check = |ids: &[&str], id: &str, found: bool| {
            let dossier = dossier(ids);
            assert_eq!(
                dossier.document(id).map(|d| d.document.id.as_str()),
                found.then_some(id)
            );
        };
        check(&["a", "b", "c"], "b", true);
        check(&["a", "b", "c"], "c", true);
        check(&["a", "b", "c"], "d", false);
        check(&["c", "a", "b"], "a", true);
        check(&[], "a", false);
    }
}
