//! Link: corpus-level identity of names and of texts.
//!
//! Entity mentions across documents become [`Entity`]s; documents that reuse one another
//! become [`Derivation`]s, grouped into [`Lineage`]s.

use dossier_core::{AnalyzedDocument, Derivation, Entity, Lineage};

/// Merges the mentions of all documents into entities.
pub fn link_entities(documents: &[AnalyzedDocument]) -> Vec<Entity> {
    let _ = documents;
    Vec::new()
}

/// Finds which documents reuse which.
pub fn find_derivations(documents: &[AnalyzedDocument]) -> Vec<Derivation> {
    let _ = documents;
    Vec::new()
}

/// Groups documents into lineages: every document belongs to exactly one.
pub fn build_lineages(documents: &[AnalyzedDocument], derivations: &[Derivation]) -> Vec<Lineage> {
    let _ = (documents, derivations);
    Vec::new()
}
