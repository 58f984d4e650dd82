//! Publish: a dossier as `dossier.json` (schema `dossier/1`) and as a self-contained HTML report.
//!
//! The only crate that knows the JSON contract: it owns the transfer types (`json.rs`) and
//! converts byte spans to the Unicode code-point offsets the contract speaks in (`offsets.rs`).
//! The report (`report.rs`) reads the same [`Dossier`] directly. Both outputs are
//! deterministic: the same dossier always gives the same bytes.

mod json;
mod offsets;
mod report;

use std::io::Write as _;

use dossier_core::Dossier;

pub use json::SCHEMA;

/// The `dossier.json` text of a dossier: deterministic, pretty-printed, ending in a newline.
pub fn to_json(dossier: &Dossier) -> String {
    let mut bytes = Vec::new();
    write_json(dossier, &mut bytes).expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("serde_json writes UTF-8")
}

/// Streams the `dossier.json` text of a dossier to `out` (the same bytes as [`to_json`]),
/// without holding the whole text in memory.
pub fn write_json(dossier: &Dossier, out: impl std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, out);
    serde_json::to_writer_pretty(&mut out, &json::build(dossier)).map_err(std::io::Error::from)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// The HTML report: one self-contained file.
pub fn render_report(dossier: &Dossier) -> String {
    report::render(dossier)
}

#[cfg(test)]
mod tests;
