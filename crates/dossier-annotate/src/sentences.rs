//! Sentence splitting.

use dossier_core::Span;

/// Splits `text` into sentence spans (trimmed, in order, non-overlapping).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let _ = text;
    Vec::new()
}
