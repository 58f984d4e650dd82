//! Hand-built documents for unit tests: the annotate stage is not needed to test linking.

use chrono::NaiveDate;
use dossier_core::{
    AnalyzedDocument, Claim, Document, EntityKind, Mention, Metadata, Modality, Participant, Role,
    Span,
};

/// Builds one [`AnalyzedDocument`] step by step.
#[derive(Debug, Clone)]
pub(crate) struct DocBuilder {
    doc: AnalyzedDocument,
}

/// A document with this id and text, no metadata and no annotations.
pub(crate) fn doc(id: &str, text: &str) -> DocBuilder {
    let document = Document {
        id: id.to_string(),
        path: format!("{id}.txt"),
        sha256: String::new(),
        text: text.to_string(),
        meta: Metadata::default(),
    };
    DocBuilder {
        doc: AnalyzedDocument::unanalyzed(document),
    }
}

impl DocBuilder {
    pub(crate) fn published(mut self, date: &str) -> Self {
        self.doc.document.meta.published = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        self
    }

    pub(crate) fn language(mut self, code: &str) -> Self {
        self.doc.document.meta.language = Some(code.to_string());
        self
    }

    /// Marks every occurrence of `surface` as a mention of `kind` with canonical `canonical`.
    pub(crate) fn mention_as(mut self, surface: &str, canonical: &str, kind: EntityKind) -> Self {
        let text = &self.doc.document.text;
        let found: Vec<Span> = text
            .match_indices(surface)
            .map(|(at, s)| Span::new(at, at + s.len()))
            .collect();
        assert!(!found.is_empty(), "{surface:?} not in the text");
        let mentions = &mut self.doc.annotations.mentions;
        mentions.extend(found.into_iter().map(|span| Mention {
            span,
            kind,
            canonical: canonical.to_string(),
        }));
        mentions.sort_by_key(|m| m.span);
        self
    }

    /// Marks every occurrence of `surface` as a mention of `kind`, canonical form itself.
    pub(crate) fn mention(self, surface: &str, kind: EntityKind) -> Self {
        self.mention_as(surface, surface, kind)
    }

    /// Adds a claim of `event_type` whose participants are the mentions that start where each
    /// text fragment first occurs ("Moscow condemned" for the second of two "Moscow"s).
    pub(crate) fn claim(mut self, event_type: &str, participants: &[(&str, Role)]) -> Self {
        let participants = participants
            .iter()
            .map(|&(fragment, role)| Participant {
                mention: self.mention_at(fragment),
                role,
            })
            .collect();
        self.doc.claims.push(Claim {
            sentence: 0,
            event_type: event_type.to_string(),
            trigger: Span::new(0, 0),
            participants,
            time: None,
            place: None,
            speaker: None,
            modality: Modality::Asserted,
        });
        self
    }

    /// The span of the mention that starts where `fragment` first occurs.
    fn mention_at(&self, fragment: &str) -> Span {
        let at = self.doc.document.text.find(fragment);
        let found = self
            .doc
            .annotations
            .mentions
            .iter()
            .find(|m| Some(m.span.start) == at);
        found
            .unwrap_or_else(|| panic!("no mention starts at {fragment:?}"))
            .span
    }

    pub(crate) fn build(self) -> AnalyzedDocument {
        self.doc
    }
}
