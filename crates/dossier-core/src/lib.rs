//! The shared vocabulary of the dossier pipeline.
//!
//! Every stage crate (`dossier-ingest`, `-annotate`, `-extract`, `-link`, `-fuse`, `-publish`,
//! `-store`) speaks in the types defined here and in nothing else, so that a stage can be tested
//! and replaced alone. The types are plain data: no I/O, no serialization. Serialization happens
//! only at the boundaries (`dossier-publish` for `dossier.json`, `dossier-store` for SQLite),
//! through transfer types those crates own.
//!
//! **Offsets.** Every [`Span`] is a half-open range of *byte* offsets into
//! [`Document::text`], always on `char` boundaries, so that `&doc.text[span.range()]` is the
//! covered text. The `dossier.json` contract speaks in Unicode code points; `dossier-publish`
//! converts at the boundary. The text of a document is never rewritten after ingest.
//!
//! **Identity.** A document is named by its [`DocId`] (the file stem or the record id, unique
//! within a dossier). Entities, events and lineages get ids assigned by the corpus stages in a
//! deterministic order, so the same input always yields the same ids.

mod analysis;
mod corpus;
mod document;
mod gazetteer;

pub use analysis::*;
pub use corpus::*;
pub use document::*;
pub use gazetteer::*;

/// A half-open byte range `[start, end)` into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers in `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }
}

/// How serious a diagnostic is. Diagnostics never stop a run; they are reported to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing (e.g. "no publication date found").
    Info,
    /// Something was probably lost or guessed (e.g. "invalid UTF-8 replaced").
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "info" => Severity::Info,
            "warning" => Severity::Warning,
            _ => return None,
        })
    }
}

/// A note produced by a stage about one document: what it could not do or had to guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub message: String,
    /// Where in the document text, when the note is about a place.
    pub span: Option<Span>,
}

impl Diagnostic {
    pub fn info(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Info,
            message: message.into(),
            span: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            span: None,
        }
    }

    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }
}
