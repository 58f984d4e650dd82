//! Tests of both outputs on a small hand-built dossier with non-ASCII text.

use chrono::NaiveDate;
use dossier_core::{
    AlignedPassage, AlteredQuote, AnalyzedDocument, Anchor, Annotations, Claim, ClaimRef,
    ClaimTime, Contradiction, ContradictionKind, ContradictionSide, Derivation, DerivationKind,
    Diagnostic, Document, Dossier, Entity, EntityKind, Event, EventTime, Lineage, Location,
    Mention, Metadata, Metonym, Modality, Participant, Quote, Role, Skipped, Span, TimeExpr,
    TimeKind,
};
use serde_json::Value;

use crate::{render_report, to_json};

const TEXT_A: &str = "Milàn said “hello” — 2006. A year later, Milàn met Ana in Rome.";
const TEXT_B: &str =
    "In 2006 Milan greeted the crowd. <script>alert(1)</script> Ana met Milan in 2008.";

/// The byte span of the `nth` occurrence of `needle` in `text`.
fn at(text: &str, needle: &str, nth: usize) -> Span {
    let start = text.match_indices(needle).nth(nth).expect(needle).0;
    Span::new(start, start + needle.len())
}

fn document(id: &str, text: &str, meta: Metadata) -> Document {
    Document {
        id: id.into(),
        path: format!("in/{id}.txt"),
        sha256: format!("{id:0>64}"),
        text: text.into(),
        meta,
    }
}

/// Two documents (the second a rewrite of the first), one event, one contradiction.
fn dossier() -> Dossier {
    let a = |needle, nth| at(TEXT_A, needle, nth);
    let b = |needle, nth| at(TEXT_B, needle, nth);
    let doc_a = AnalyzedDocument {
        document: document(
            "000",
            TEXT_A,
            Metadata {
                title: Some("Milàn’s “hello”".into()),
                published: NaiveDate::from_ymd_opt(2023, 11, 7),
                authors: vec!["Ana Author".into()],
                outlet: Some("example.org".into()),
                url: Some("https://example.org/a".into()),
                language: Some("en".into()),
            },
        ),
        annotations: Annotations {
            sentences: vec![
                a("Milàn said “hello” — 2006.", 0),
                a("A year later, Milàn met Ana in Rome.", 0),
            ],
            mentions: vec![
                Mention {
                    span: a("Milàn", 0),
                    kind: EntityKind::Person,
                    canonical: "Milàn".into(),
                },
                Mention {
                    span: a("Milàn", 1),
                    kind: EntityKind::Person,
                    canonical: "Milàn".into(),
                },
                Mention {
                    span: a("Ana", 0),
                    kind: EntityKind::Person,
                    canonical: "Ana".into(),
                },
                Mention {
                    span: a("Rome", 0),
                    kind: EntityKind::Gpe,
                    canonical: "Rome".into(),
                },
            ],
            times: vec![
                TimeExpr {
                    span: a("2006", 0),
                    kind: TimeKind::Date,
                    value: "2006".into(),
                    anchor: Anchor::Absolute,
                    anchored_to: None,
                },
                TimeExpr {
                    span: a("A year later", 0),
                    kind: TimeKind::Date,
                    value: "2007".into(),
                    anchor: Anchor::Narrative,
                    anchored_to: Some(a("2006", 0)),
                },
            ],
            quotes: vec![Quote {
                span: a("hello", 0),
                speaker: Some("Milàn".into()),
                speaker_span: Some(a("Milàn", 0)),
            }],
        },
        claims: vec![Claim {
            sentence: 1,
            event_type: "meet".into(),
            trigger: a("met", 0),
            participants: vec![
                Participant {
                    mention: a("Milàn", 1),
                    role: Role::Agent,
                },
                Participant {
                    mention: a("Ana", 0),
                    role: Role::Patient,
                },
            ],
            time: Some(ClaimTime {
                span: a("A year later", 0),
                value: "2007".into(),
                anchor: Anchor::Narrative,
            }),
            place: Some(a("Rome", 0)),
            speaker: None,
            modality: Modality::Asserted,
        }],
        attributes: Vec::new(),
        diagnostics: vec![Diagnostic::warning("odd quote “hello”").at(a("hello", 0))],
    };
    let doc_b = AnalyzedDocument {
        document: document("001", TEXT_B, Metadata::default()),
        annotations: Annotations {
            sentences: vec![
                b("In 2006 Milan greeted the crowd.", 0),
                b("<script>alert(1)</script> Ana met Milan in 2008.", 0),
            ],
            mentions: vec![
                Mention {
                    span: b("Milan", 0),
                    kind: EntityKind::Person,
                    canonical: "Milan".into(),
                },
                Mention {
                    span: b("Ana", 0),
                    kind: EntityKind::Person,
                    canonical: "Ana".into(),
                },
                Mention {
                    span: b("Milan", 1),
                    kind: EntityKind::Person,
                    canonical: "Milan".into(),
                },
            ],
            times: vec![TimeExpr {
                span: b("2008", 0),
                kind: TimeKind::Date,
                value: "2008".into(),
                anchor: Anchor::Absolute,
                anchored_to: None,
            }],
            quotes: vec![],
        },
        claims: vec![Claim {
            sentence: 1,
            event_type: "meet".into(),
            trigger: b("met", 0),
            participants: vec![Participant {
                mention: b("Ana", 0),
                role: Role::Agent,
            }],
            time: Some(ClaimTime {
                span: b("2008", 0),
                value: "2008".into(),
                anchor: Anchor::Absolute,
            }),
            place: None,
            speaker: Some("a <b>witness</b>".into()),
            modality: Modality::Reported,
        }],
        attributes: Vec::new(),
        diagnostics: vec![],
    };
    let both = vec![ClaimRef { doc: 0, claim: 0 }, ClaimRef { doc: 1, claim: 0 }];
    Dossier {
        documents: vec![doc_a, doc_b],
        skipped: vec![Skipped {
            path: "in/empty.txt".into(),
            reason: "empty file".into(),
        }],
        derivations: vec![Derivation {
            derived: "001".into(),
            source: "000".into(),
            kind: DerivationKind::Paraphrase,
            score: 0.71234,
            direction_known: true,
            evidence: vec![AlignedPassage {
                derived: b("In 2006 Milan greeted the crowd.", 0),
                source: a("Milàn said “hello” — 2006.", 0),
                similarity: 1.0 / 3.0,
            }],
            altered_quotes: vec![AlteredQuote {
                derived: b("greeted the crowd", 0),
                source: a("hello", 0),
            }],
            changed_values: vec![],
            unmatched: vec![],
        }],
        lineages: vec![Lineage {
            id: "L1".into(),
            origin: "000".into(),
            documents: vec!["000".into(), "001".into()],
        }],
        entities: vec![
            Entity {
                id: "E1".into(),
                name: "Milàn".into(),
                kind: EntityKind::Person,
                aliases: vec!["Milan".into(), "Milàn".into()],
                mentions: vec![
                    Location {
                        doc: "000".into(),
                        span: a("Milàn", 0),
                    },
                    Location {
                        doc: "000".into(),
                        span: a("Milàn", 1),
                    },
                    Location {
                        doc: "001".into(),
                        span: b("Milan", 0),
                    },
                ],
                merge_evidence: vec!["\"Milan\" = \"Milàn\": same key \"milan\"".into()],
                metonyms: vec![],
            },
            Entity {
                id: "E2".into(),
                name: "Ana".into(),
                kind: EntityKind::Person,
                aliases: vec!["Ana".into()],
                mentions: vec![Location {
                    doc: "000".into(),
                    span: a("Ana", 0),
                }],
                merge_evidence: vec![],
                metonyms: vec![],
            },
            Entity {
                id: "E3".into(),
                name: "Rome".into(),
                kind: EntityKind::Gpe,
                aliases: vec!["Rome".into()],
                mentions: vec![Location {
                    doc: "000".into(),
                    span: a("Rome", 0),
                }],
                merge_evidence: vec![],
                metonyms: vec![],
            },
        ],
        events: vec![Event {
            id: "V1".into(),
            event_type: "meet".into(),
            label: "Milàn met Ana in Rome (2007)".into(),
            participants: vec![("E1".into(), Role::Agent), ("E2".into(), Role::Patient)],
            via: vec![],
            time: EventTime {
                value: None,
                earliest: Some("2007-01-01".into()),
                latest: Some("2008-12-31".into()),
            },
            place: Some("E3".into()),
            claims: both,
            counts: Vec::new(),
            sources: 2,
            independent_sources: 1,
        }],
        contradictions: vec![Contradiction {
            id: "C1".into(),
            kind: ContradictionKind::Date,
            subject: "When Milàn met Ana".into(),
            event: Some("V1".into()),
            sides: vec![
                ContradictionSide {
                    value: "2007".into(),
                    claims: vec![ClaimRef { doc: 0, claim: 0 }],
                    attributes: Vec::new(),
                },
                ContradictionSide {
                    value: "2008".into(),
                    claims: vec![ClaimRef { doc: 1, claim: 0 }],
                    attributes: Vec::new(),
                },
            ],
        }],
    }
}

fn parsed(dossier: &Dossier) -> Value {
    serde_json::from_str(&to_json(dossier)).expect("valid JSON")
}

/// The code points `[start, end)` of `text`.
fn chars(text: &str, start: &Value, end: &Value) -> String {
    let (start, end) = (
        start.as_u64().unwrap() as usize,
        end.as_u64().unwrap() as usize,
    );
    text.chars().skip(start).take(end - start).collect()
}

#[test]
fn json_top_level_keys_in_contract_order() {
    let text = to_json(&dossier());
    let keys = [
        "schema",
        "documents",
        "skipped",
        "derivations",
        "lineages",
        "entities",
        "events",
        "contradictions",
    ];
    let positions: Vec<usize> = keys
        .iter()
        .map(|k| text.find(&format!("\n  \"{k}\":")).expect(k))
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    assert_eq!(parsed(&dossier())["schema"], "dossier/1");
}

#[test]
fn json_every_document_key_present_null_when_unknown() {
    let json = parsed(&dossier());
    let keys = [
        "id",
        "path",
        "sha256",
        "title",
        "published",
        "authors",
        "outlet",
        "url",
        "language",
        "text",
        "times",
    ];
    for doc in json["documents"].as_array().unwrap() {
        for key in keys {
            assert!(doc.get(key).is_some(), "missing {key} in {}", doc["id"]);
        }
    }
    let bare = &json["documents"][1];
    for key in ["title", "published", "outlet", "url", "language"] {
        assert!(bare[key].is_null(), "{key}: {}", bare[key]);
    }
    assert_eq!(bare["authors"], Value::Array(vec![]));
    assert_eq!(json["documents"][0]["published"], "2023-11-07");
}

#[test]
fn json_offsets_are_code_points() {
    let json = parsed(&dossier());
    // Every time expression: slicing the text by chars gives the expression's text.
    for doc in json["documents"].as_array().unwrap() {
        let text = doc["text"].as_str().unwrap();
        for time in doc["times"].as_array().unwrap() {
            assert_eq!(
                chars(text, &time["start"], &time["end"]),
                time["text"].as_str().unwrap()
            );
        }
    }
    let check = |doc: &str, start: &Value, end: &Value, expected: &str| {
        let text = if doc == "000" { TEXT_A } else { TEXT_B };
        assert_eq!(chars(text, start, end), expected);
    };
    let entity = &json["entities"][0]["mentions"][1];
    check(
        entity["doc"].as_str().unwrap(),
        &entity["start"],
        &entity["end"],
        "Milàn",
    );
    let claim = &json["events"][0]["claims"][0];
    check(
        "000",
        &claim["start"],
        &claim["end"],
        "A year later, Milàn met Ana in Rome.",
    );
    check("000", &claim["trigger"][0], &claim["trigger"][1], "met");
    let passage = &json["derivations"][0]["evidence"][0];
    check(
        "000",
        &passage["source"][0],
        &passage["source"][1],
        "Milàn said “hello” — 2006.",
    );
    let quote = &json["derivations"][0]["altered_quotes"][0];
    check("000", &quote["source"][0], &quote["source"][1], "hello");
    check(
        "001",
        &quote["derived"][0],
        &quote["derived"][1],
        "greeted the crowd",
    );
    let side = &json["contradictions"][0]["sides"][1]["claims"][0];
    check(
        "001",
        &side["start"],
        &side["end"],
        "<script>alert(1)</script> Ana met Milan in 2008.",
    );
}

#[test]
fn json_claims_carry_time_text_anchor_and_speaker() {
    let json = parsed(&dossier());
    let claims = &json["events"][0]["claims"];
    assert_eq!(claims[0]["doc"], "000");
    assert_eq!(claims[0]["time_text"], "A year later");
    assert_eq!(claims[0]["time_anchor"], "narrative");
    assert!(claims[0]["speaker"].is_null());
    assert_eq!(claims[1]["speaker"], "a <b>witness</b>");
    assert_eq!(claims[1]["modality"], "reported");
    assert_eq!(json["derivations"][0]["score"], 0.712);
    assert_eq!(json["derivations"][0]["evidence"][0]["similarity"], 0.333);
}

#[test]
fn json_is_deterministic_and_handles_an_empty_dossier() {
    assert_eq!(to_json(&dossier()), to_json(&dossier()));
    let empty = parsed(&Dossier::default());
    assert_eq!(empty["documents"], Value::Array(vec![]));
    assert_eq!(empty["contradictions"], Value::Array(vec![]));
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(to_json(&dossier()));
}

#[test]
fn report_is_self_contained_and_escaped() {
    let html = render_report(&dossier());
    for external in ["<script src", "<link", "<img", "@import", "url(http"] {
        assert!(!html.contains(external), "external asset: {external}");
    }
    // The only http(s) address is the document's own link.
    assert_eq!(
        html.matches("https://").count(),
        2,
        "href and text of the source URL"
    );
    assert!(!html.contains("http://"));
    assert!(
        !html.contains("<script>alert"),
        "document text must be escaped"
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("a &lt;b&gt;witness&lt;/b&gt;"));
    assert_eq!(
        html.matches("<script>").count(),
        1,
        "only the filter script"
    );
}

#[test]
fn report_has_every_section_and_the_key_facts() {
    let html = render_report(&dossier());
    for section in [
        "sources",
        "timeline",
        "contradictions",
        "derivations",
        "entities",
        "skipped",
    ] {
        assert!(
            html.contains(&format!("<section id=\"{section}\">")),
            "{section}"
        );
        assert!(
            html.contains(&format!("href=\"#{section}\"")),
            "nav link to {section}"
        );
    }
    for fact in [
        "<h1>Dossier</h1>",
        "rewrite of <a href=\"#doc-000\">000</a>",
        "2 sources · 1 independent",
        "disputed · C1",
        "dated by “A year later” = 2007, counted from “2006” earlier in the article",
        "<mark class=\"trigger\">met</mark>",
        "<mark class=\"time\">A year later</mark>",
        "direction known",
        "score 0.71",
        "<mark class=\"altered\">greeted the crowd</mark>",
        "why merged",
        "empty file",
        "2007-01-01 – 2008-12-31",
    ] {
        assert!(html.contains(fact), "missing {fact:?}");
    }
    assert_eq!(html, render_report(&dossier()), "deterministic");
}

/// The dossier with "Rome" standing for Italy, a fourth entity, as an actor of the meeting.
fn dossier_with_metonym() -> Dossier {
    let mut dossier = dossier();
    let rome = Location {
        doc: "000".into(),
        span: at(TEXT_A, "Rome", 0),
    };
    dossier.entities.push(Entity {
        id: "E4".into(),
        name: "Italy".into(),
        kind: EntityKind::Gpe,
        aliases: vec![],
        mentions: vec![],
        merge_evidence: vec!["\"Rome\" stands for \"Italy\": capital of Italy".into()],
        metonyms: vec![Metonym {
            at: rome,
            surface: "Rome".into(),
        }],
    });
    let event = &mut dossier.events[0];
    event.participants.push(("E4".into(), Role::Agent));
    event.via = vec![("E4".into(), "Rome".into())];
    dossier
}

#[test]
fn json_shows_metonyms_on_the_state_and_its_participation() {
    let json = parsed(&dossier_with_metonym());
    let participants = &json["events"][0]["participants"];
    assert_eq!(participants[0]["via"], Value::Array(vec![]));
    assert_eq!(participants[2]["entity"], "E4");
    assert_eq!(participants[2]["via"], serde_json::json!(["Rome"]));
    let italy = &json["entities"][3];
    assert_eq!(italy["mentions"], Value::Array(vec![]));
    let metonym = &italy["metonyms"][0];
    assert_eq!(metonym["doc"], "000");
    assert_eq!(metonym["text"], "Rome");
    assert_eq!(chars(TEXT_A, &metonym["start"], &metonym["end"]), "Rome");
    assert_eq!(json["entities"][0]["metonyms"], Value::Array(vec![]));
}

#[test]
fn report_shows_the_words_that_named_a_participant() {
    let html = render_report(&dossier_with_metonym());
    assert!(
        html.contains("<a href=\"#E4\">Italy</a> (agent, as “Rome”)"),
        "{html}"
    );
    assert!(html.contains("(acting as “Rome”)"));
    assert!(!render_report(&dossier()).contains(", as “"));
}

#[test]
fn report_of_an_empty_dossier_says_so() {
    let html = render_report(&Dossier::default());
    for note in [
        "No documents.",
        "No events.",
        "No contradictions found.",
        "Every input was read.",
    ] {
        assert!(html.contains(note), "{note}");
    }
}

#[test]
fn report_shows_passages_of_the_first_derivations_and_lists_the_rest() {
    let mut many = dossier();
    let template = many.derivations[0].clone();
    many.derivations = vec![template; crate::report::DETAILED_DERIVATIONS + 7];
    let html = render_report(&many);
    let cards = html.matches("<article class=\"card derivation\"").count();
    assert_eq!(cards, crate::report::DETAILED_DERIVATIONS);
    assert!(
        html.contains("the other 7 are listed below"),
        "the rest are listed"
    );
}
