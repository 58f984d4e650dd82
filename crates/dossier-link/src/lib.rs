//! Link: corpus-level identity of names and of texts.
//!
//! Three questions are answered over the whole corpus, each in its own module:
//!
//! - [`link_entities`] (`entities`): which mentions, across documents, name the same thing.
//!   Names are compared through a *key* that folds case, diacritics and transliteration
//!   variants (rules in `resources/link/translit.tsv`); short forms and acronyms join a full
//!   name only when that is unambiguous in the corpus. Every merge keeps a line of evidence.
//!   A capital or a seat of government acting in a claim ("the Kremlin refused") is linked to
//!   its state's entity as a metonym (tables in `resources/link/capitals.tsv` and `seats.tsv`).
//! - [`find_derivations`] (`reuse`): which documents reuse which. Candidates come from a
//!   versioned MinHash/LSH scheme tuned for *containment* (a rewrite shares few 3-grams with its
//!   source overall, but many of its own), then every candidate pair is verified by exact
//!   shingle containment and a sentence alignment, which is where precision comes from.
//! - [`build_lineages`] (`lineage`): families of documents connected by derivations; a family
//!   counts as one independent source.
//!
//! All three are pure functions of their inputs: no I/O, no panics, deterministic output.

mod entities;
mod lineage;
mod resources;
mod reuse;
mod text;
mod union_find;

#[cfg(test)]
mod test_support;

use dossier_core::{AnalyzedDocument, Derivation, Entity, Lineage, UserGazetteer};

pub use reuse::{candidate_pairs, signature, Signature, SCHEME_VERSION};

/// Merges the mentions of all documents into entities.
pub fn link_entities(documents: &[AnalyzedDocument]) -> Vec<Entity> {
    entities::link(documents)
}

/// Like [`link_entities`], with the names the user declared: the names of one entry are one
/// entity with the entry's canonical name and type, and different entries never merge.
pub fn link_entities_with(
    documents: &[AnalyzedDocument],
    gazetteer: &UserGazetteer,
) -> Vec<Entity> {
    entities::link_with(documents, gazetteer)
}

/// Finds which documents reuse which.
pub fn find_derivations(documents: &[AnalyzedDocument]) -> Vec<Derivation> {
    reuse::find(documents)
}

/// Groups documents into lineages: every document belongs to exactly one.
pub fn build_lineages(documents: &[AnalyzedDocument], derivations: &[Derivation]) -> Vec<Lineage> {
    lineage::build(documents, derivations)
}
