//! Documents as ingest produces them, and inputs that could not become documents.

use chrono::NaiveDate;

/// The unique name of a document within a dossier: the file stem, or a JSONL record's id.
pub type DocId = String;

/// One article: clean text plus metadata. Produced by `dossier-ingest`; never modified after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocId,
    /// Where it came from: a file path, or `path#line` for a JSONL record.
    pub path: String,
    /// SHA-256 (lower-case hex) of the raw input bytes of this document.
    pub sha256: String,
    /// The clean article text. All spans of all later stages index into it.
    pub text: String,
    pub meta: Metadata,
}

/// What is known about a document besides its text. Every field is optional: a missing value is
/// `None`/empty, never a guess.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub authors: Vec<String>,
    /// The publishing outlet (site name or host, e.g. `themoscowtimes.com`).
    pub outlet: Option<String>,
    pub url: Option<String>,
    /// ISO 639-1 code when identified with confidence (e.g. `en`, `it`).
    pub language: Option<String>,
}

/// An input that was not ingested, with a reason a person can act on.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    /// The path given or found (for a JSONL line: `path#line`).
    pub path: String,
    pub reason: String,
}

impl Document {
    /// Number of whitespace-separated words in the text (the unit of throughput figures).
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}
