//! Annotate: the linguistic layer over one document.
//!
//! A pure function of one document and the read-only resources compiled into this crate: it
//! never does I/O and never fails. It finds sentences, entity mentions, time expressions
//! (through `dossier-time`, normalized to TIMEX3 values with their anchor) and quotations with
//! their speakers.

mod entities;
mod quotes;
mod sentences;

use dossier_core::{Annotations, Diagnostic, Document};

pub use sentences::split_sentences;

/// Annotates one document. Never fails: what it cannot do is reported as diagnostics.
pub fn annotate(doc: &Document) -> (Annotations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let sentences = split_sentences(&doc.text);
    let mentions = entities::find_mentions(&doc.text, &sentences);
    let times = dossier_time::tag_times(&doc.text, &sentences, doc.meta.published);
    let quotes = quotes::find_quotes(&doc.text, &sentences, &mentions);
    if doc.meta.published.is_none() {
        diagnostics.push(Diagnostic::info(
            "no publication date: expressions relative to it stay unresolved",
        ));
    }
    (Annotations { sentences, mentions, times, quotes }, diagnostics)
}
