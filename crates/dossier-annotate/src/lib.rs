//! Annotate: the linguistic layer over one document.
//!
//! A pure function of one document and the read-only resources compiled into this crate: it
//! never does I/O and never fails. It finds sentences, entity mentions, time expressions
//! (through `dossier-time`, normalized to TIMEX3 values with their anchor) and quotations with
//! their speakers. Names the user declared (a [`dossier_core::UserGazetteer`], compiled once
//! into [`UserNames`]) come in as one more read-only value: see [`annotate_with`].

mod entities;
mod fast_hash;
mod lexicon;
mod quotes;
mod sentences;
pub mod tagger;

use dossier_core::{Annotations, Diagnostic, Document};

pub use entities::{find_mentions, find_mentions_with, UserNames};
pub use quotes::find_quotes;
pub use sentences::split_sentences;

/// Annotates one document. Never fails: what it cannot do is reported as diagnostics.
pub fn annotate(doc: &Document) -> (Annotations, Vec<Diagnostic>) {
    annotate_with(doc, &UserNames::default())
}

/// Like [`annotate`], with the names the user declared: every occurrence of one is a mention
/// of the declared type whose canonical form is the entry's canonical name.
pub fn annotate_with(doc: &Document, user: &UserNames) -> (Annotations, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let sentences = split_sentences(&doc.text);
    let mentions = entities::find_mentions_with(&doc.text, &sentences, user);
    let times = dossier_time::tag_times(&doc.text, &sentences, doc.meta.published);
    let quotes = quotes::find_quotes(&doc.text, &sentences, &mentions);
    if doc.meta.published.is_none() {
        diagnostics.push(Diagnostic::info(
            "no publication date: expressions relative to it stay unresolved",
        ));
    }
    (
        Annotations {
            sentences,
            mentions,
            times,
            quotes,
        },
        diagnostics,
    )
}

#[cfg(test)]
mod seed_tests {
    use super::*;
    use dossier_core::{EntityKind, Metadata};

    macro_rules! seed {
        ($name:literal) => {
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/corpus/seeds/",
                $name
            ))
        };
    }

    fn annotations(text: &str) -> Annotations {
        let doc = Document {
            id: "seed".into(),
            path: "seed".into(),
            sha256: String::new(),
            text: text.into(),
            meta: Metadata::default(),
        };
        annotate(&doc).0
    }

    /// The kinds given to every mention whose text is `surface`.
    fn kinds_of(text: &str, annotations: &Annotations, surface: &str) -> Vec<EntityKind> {
        annotations
            .mentions
            .iter()
            .filter(|m| m.span.slice(text) == surface)
            .map(|m| m.kind)
            .collect()
    }

    fn check_kind(text: &str, annotations: &Annotations, surface: &str, kind: EntityKind) {
        let kinds = kinds_of(text, annotations, surface);
        assert!(!kinds.is_empty(), "{surface:?} not found");
        assert!(
            kinds.iter().all(|&k| k == kind),
            "{surface:?}: {kinds:?}, expected {kind:?}"
        );
    }

    #[test]
    fn seed_002_names() {
        let text = seed!("002_10bcc325802d3a77.txt");
        let annotations = annotations(text);
        check_kind(text, &annotations, "Sergei Lavrov", EntityKind::Person);
        check_kind(text, &annotations, "Ramzan Kadyrov", EntityKind::Person);
        check_kind(text, &annotations, "Rossotrudnichestvo", EntityKind::Org);
        check_kind(text, &annotations, "Primakov", EntityKind::Person);
        check_kind(text, &annotations, "Dmitry Medvedev", EntityKind::Person);
        check_kind(text, &annotations, "Gaza Strip", EntityKind::Loc);
        let primakov = annotations
            .mentions
            .iter()
            .find(|m| m.span.slice(text) == "Primakov");
        assert_eq!(
            primakov.map(|m| m.canonical.as_str()),
            Some("Evgheny Primakov")
        );
    }

    #[test]
    fn seed_004_names() {
        let text = seed!("004_986aaf94c03a7e80.txt");
        let annotations = annotations(text);
        check_kind(text, &annotations, "Kyiv", EntityKind::Gpe);
        check_kind(text, &annotations, "Medvedev", EntityKind::Person);
        check_kind(text, &annotations, "Mikhail Margelov", EntityKind::Person);
        check_kind(text, &annotations, "HAMAS", EntityKind::Org);
        check_kind(
            text,
            &annotations,
            "Federation Council Committee on International Relations",
            EntityKind::Org,
        );
        assert!(annotations
            .mentions
            .iter()
            .all(|m| !m.span.slice(text).contains("Russia Medvedev")));
    }

    #[test]
    fn seed_000_quotes_have_their_speakers() {
        let text = seed!("000_431b692e30312d92.txt");
        let annotations = annotations(text);
        let speakers: Vec<Option<&str>> = annotations
            .quotes
            .iter()
            .map(|q| q.speaker.as_deref())
            .collect();
        assert_eq!(
            speakers
                .iter()
                .filter(|s| **s == Some("Milàn Czerny and Dan Storyev"))
                .count(),
            2
        );
    }

    #[test]
    fn seed_001_abbreviated_dates_stay_in_their_sentence() {
        let text = seed!("001_69516f6f52f659f4.txt");
        let annotations = annotations(text);
        for span in &annotations.sentences {
            let sentence = span.slice(text);
            assert!(
                !sentence.ends_with("Oct."),
                "split after Oct.: {sentence:?}"
            );
            assert!(
                !sentence.ends_with(" U.S."),
                "split after U.S.: {sentence:?}"
            );
        }
        check_kind(text, &annotations, "Israel Defense Forces", EntityKind::Org);
        check_kind(text, &annotations, "Sergey Lavrov", EntityKind::Person);
    }
}
