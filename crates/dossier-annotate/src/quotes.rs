//! Quotations and their speakers.

use dossier_core::{Mention, Quote, Span};

/// Finds quotations in `text` and, where the sentence says, who is quoted.
pub fn find_quotes(text: &str, sentences: &[Span], mentions: &[Mention]) -> Vec<Quote> {
    let _ = (text, sentences, mentions);
    Vec::new()
}
