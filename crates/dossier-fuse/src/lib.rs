//! Fuse: claims about the same happening become events; disagreements become contradictions.

use dossier_core::{AnalyzedDocument, Contradiction, Entity, Event, Lineage};

/// Groups the claims of all documents into events and finds contradictions between them.
pub fn fuse(
    documents: &[AnalyzedDocument],
    entities: &[Entity],
    lineages: &[Lineage],
) -> (Vec<Event>, Vec<Contradiction>) {
    let _ = (documents, entities, lineages);
    (Vec::new(), Vec::new())
}
