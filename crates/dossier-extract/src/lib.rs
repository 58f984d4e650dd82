//! Extract: claims from one annotated document.
//!
//! A pure function of one document, its annotations and the trigger lexicon in `resources/`:
//! each sentence with a trigger ("met", "visited", "condemned", …) yields a claim with its
//! participants, time, place, speaker and modality.

use dossier_core::{Annotations, Claim, Diagnostic, Document};

/// Extracts the claims of one document. Never fails.
pub fn extract(doc: &Document, annotations: &Annotations) -> (Vec<Claim>, Vec<Diagnostic>) {
    let _ = (doc, annotations);
    (Vec::new(), Vec::new())
}
