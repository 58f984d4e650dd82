//! The seed corpus as bare documents (no annotations: linking falls back to its own sentence
//! and quote scans), with the publication dates of their header lines.

use chrono::NaiveDate;
use dossier_core::{AnalyzedDocument, DerivationKind, Document, Metadata};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds/");

fn seed(stem: &str, published: Option<&str>) -> AnalyzedDocument {
    let path = format!("{SEEDS}{stem}.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let id = stem[..3].to_string();
    let meta = Metadata {
        published: published.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        language: Some("en".into()),
        ..Metadata::default()
    };
    let document = Document {
        id,
        path,
        sha256: String::new(),
        text,
        meta,
    };
    AnalyzedDocument::unanalyzed(document)
}

fn seeds() -> Vec<AnalyzedDocument> {
    vec![
        seed("000_431b692e30312d92", Some("2023-11-07")),
        seed("001_69516f6f52f659f4", Some("2023-10-30")),
        seed("002_10bcc325802d3a77", Some("2023-10-09")),
        seed("004_986aaf94c03a7e80", None),
    ]
}

#[test]
fn seed_000_rewrites_001_and_nothing_else_is_reuse() {
    let docs = seeds();
    let found = dossier_link::find_derivations(&docs);
    let pairs: Vec<(&str, &str, DerivationKind, bool)> = found
        .iter()
        .map(|d| {
            (
                d.derived.as_str(),
                d.source.as_str(),
                d.kind,
                d.direction_known,
            )
        })
        .collect();
    assert_eq!(pairs, [("000", "001", DerivationKind::Paraphrase, true)]);

    let d = &found[0];
    let (derived, source) = (&docs[0].document.text, &docs[1].document.text);
    assert!(d.evidence.len() >= 10, "{} passages", d.evidence.len());
    assert!(d
        .evidence
        .windows(2)
        .all(|w| w[0].derived.start < w[1].derived.start));
    let altered: Vec<(&str, &str)> = d
        .altered_quotes
        .iter()
        .map(|q| (&derived[q.derived.range()], &source[q.source.range()]))
        .collect();
    assert!(
        altered
            .iter()
            .any(|(d, s)| d.contains("courage and masculinity")
                && s.contains("courage and manliness")),
        "{altered:?}"
    );
    assert!(
        altered
            .iter()
            .any(|(d, s)| d.contains("serious concern") && s.contains("grave concerns")),
        "{altered:?}"
    );
}

#[test]
fn seed_lineages() {
    let docs = seeds();
    let lineages = dossier_link::build_lineages(&docs, &dossier_link::find_derivations(&docs));
    let summary: Vec<(&str, &str, Vec<&str>)> = lineages
        .iter()
        .map(|l| {
            (
                l.id.as_str(),
                l.origin.as_str(),
                l.documents.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("L1", "001", vec!["000", "001"]),
            ("L2", "002", vec!["002"]),
            ("L3", "004", vec!["004"])
        ]
    );
}
