//! Publish: a dossier as `dossier.json` (schema `dossier/1`) and as a self-contained HTML report.
//!
//! The only crate that knows the JSON contract: it owns the transfer types (`json.rs`) and
//! converts byte spans to the Unicode code-point offsets the contract speaks in (`offsets.rs`).
//! The report (`report.rs`) reads the same [`Dossier`] directly. Both outputs are
//! deterministic: the same dossier always gives the same bytes.

mod json;
mod offsets;
mod report;

use dossier_core::Dossier;

pub use json::SCHEMA;

/// The `dossier.json` text of a dossier: deterministic, pretty-printed, ending in a newline.
pub fn to_json(dossier: &Dossier) -> String {
    let mut text = serde_json::to_string_pretty(&json::build(dossier))
        .expect("the transfer types hold only strings, numbers, options and lists");
    text.push('\n');
    text
}

/// The HTML report: one self-contained file.
pub fn render_report(dossier: &Dossier) -> String {
    report::render(dossier)
}

#[cfg(test)]
mod tests;
