//! Table-driven tests over hand-built corpora: each claim is one sentence of its document.

use std::collections::BTreeMap;

use dossier_core::{
    AnalyzedDocument, Anchor, Claim, ClaimTime, Document, Entity, EntityKind, Lineage, Location,
    Metadata, Metonym, Modality, Participant, Role, Span,
};

use super::fuse;
use crate::time::{bounds, iso_prefix};

use Role::{Agent, Patient, Recipient};

/// One claim to build: its sentence, type, `(name, role)`s, place, time and whether the time is
/// stated in the sentence itself.
struct C<'a> {
    doc: &'a str,
    sentence: &'a str,
    event_type: &'a str,
    who: &'a [(&'a str, Role)],
    place: Option<&'a str>,
    time: Option<(&'a str, bool)>,
    modality: Modality,
}

fn c<'a>(
    doc: &'a str,
    sentence: &'a str,
    event_type: &'a str,
    who: &'a [(&'a str, Role)],
) -> C<'a> {
    C {
        doc,
        sentence,
        event_type,
        who,
        place: None,
        time: None,
        modality: Modality::Asserted,
    }
}

impl<'a> C<'a> {
    fn at(mut self, place: &'a str) -> Self {
        self.place = Some(place);
        self
    }
    fn on(mut self, value: &'a str) -> Self {
        self.time = Some((value, true));
        self
    }
    fn inherited(mut self, value: &'a str) -> Self {
        self.time = Some((value, false));
        self
    }
    fn modality(mut self, modality: Modality) -> Self {
        self.modality = modality;
        self
    }
}

/// Builds documents, entities (one per distinct name) and lineages (`groups` of doc ids).
fn corpus<'a>(
    claims: &[C<'a>],
    groups: &[&[&str]],
) -> (Vec<AnalyzedDocument>, Vec<Entity>, Vec<Lineage>) {
    let mut docs: BTreeMap<&str, AnalyzedDocument> = BTreeMap::new();
    let mut names: BTreeMap<&str, (EntityKind, Vec<Location>)> = BTreeMap::new();
    for claim in claims {
        let doc = docs.entry(claim.doc).or_insert_with(|| {
            AnalyzedDocument::unanalyzed(Document {
                id: claim.doc.into(),
                path: String::new(),
                sha256: String::new(),
                text: "Intro.\n".into(),
                meta: Metadata::default(),
            })
        });
        let start = doc.document.text.len();
        doc.document.text += claim.sentence;
        doc.document.text += "\n";
        let sentence = Span::new(start, start + claim.sentence.len());
        let mut span_of = |name: &'a str, kind: EntityKind| {
            let at = claim
                .sentence
                .find(name)
                .unwrap_or_else(|| panic!("{name} not in sentence"));
            let span = Span::new(start + at, start + at + name.len());
            let entry = names.entry(name).or_insert((kind, Vec::new()));
            entry.1.push(Location {
                doc: claim.doc.into(),
                span,
            });
            span
        };
        let participants = claim
            .who
            .iter()
            .map(|&(name, role)| Participant {
                mention: span_of(name, EntityKind::Person),
                role,
            })
            .collect();
        let place = claim.place.map(|p| span_of(p, EntityKind::Gpe));
        let time = claim.time.map(|(value, explicit)| ClaimTime {
            span: if explicit {
                Span::new(start, start + 1)
            } else {
                Span::new(0, 5)
            },
            value: value.into(),
            anchor: if explicit {
                Anchor::Absolute
            } else {
                Anchor::Narrative
            },
        });
        doc.annotations.sentences.push(sentence);
        doc.claims.push(Claim {
            sentence: doc.annotations.sentences.len() - 1,
            event_type: claim.event_type.into(),
            // "said" is the trigger of a statement; the whole sentence stands for other triggers.
            trigger: claim.sentence.find(" said ").map_or(sentence, |at| {
                Span::new(start + at + 1, start + at + 1 + "said".len())
            }),
            participants,
            time,
            place,
            speaker: None,
            modality: claim.modality,
        });
    }
    let entities = names
        .into_iter()
        .enumerate()
        .map(|(i, (name, (kind, mut mentions)))| {
            mentions.sort();
            Entity {
                id: format!("E{}", i + 1),
                name: name.into(),
                kind,
                aliases: vec![name.into()],
                mentions,
                merge_evidence: Vec::new(),
                metonyms: Vec::new(),
            }
        })
        .collect();
    let lineages = groups
        .iter()
        .enumerate()
        .map(|(i, g)| Lineage {
            id: format!("L{}", i + 1),
            origin: g[0].into(),
            documents: g.iter().map(|d| d.to_string()).collect(),
        })
        .collect();
    (docs.into_values().collect(), entities, lineages)
}

/// Events as `V1 label [docs] sources/independent`, contradictions as
/// `C1 V1 subject: value [docs] | value [docs]`.
fn render(claims: &[C], groups: &[&[&str]]) -> Vec<String> {
    let (docs, entities, lineages) = corpus(claims, groups);
    let (events, contradictions) = fuse(&docs, &entities, &lineages);
    let doc_names = |refs: &[dossier_core::ClaimRef]| {
        refs.iter()
            .map(|r| docs[r.doc].document.id.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut out: Vec<String> = events
        .iter()
        .map(|e| {
            format!(
                "{} {} [{}] {}/{}",
                e.id,
                e.label,
                doc_names(&e.claims),
                e.sources,
                e.independent_sources
            )
        })
        .collect();
    for c in &contradictions {
        let sides: Vec<String> = c
            .sides
            .iter()
            .map(|s| format!("{} [{}]", s.value, doc_names(&s.claims)))
            .collect();
        out.push(format!(
            "{} {} {}: {}",
            c.id,
            c.event.as_deref().unwrap_or("-"),
            c.subject,
            sides.join(" | ")
        ));
    }
    out
}

fn check(claims: &[C], groups: &[&[&str]], expected: &[&str]) {
    assert_eq!(render(claims, groups), expected);
}

const MEET: &[(&str, Role)] = &[("Anna Berg", Agent), ("Tomas Lind", Patient)];
const MEET_SWAPPED: &[(&str, Role)] = &[("Tomas Lind", Agent), ("Anna Berg", Patient)];

#[test]
fn one_meeting_from_independent_sources() {
    check(
        &[
            c("a", "In 2010 Anna Berg met Tomas Lind.", "meet", MEET).on("2010"),
            c(
                "b",
                "Tomas Lind met Anna Berg in 2010.",
                "meet",
                MEET_SWAPPED,
            )
            .on("2010-05"),
        ],
        &[],
        &["V1 Anna Berg met Tomas Lind (2010-05) [a,b] 2/2"],
    );
    check(
        &[
            c("a", "In 2010 Anna Berg met Tomas Lind.", "meet", MEET).on("2010"),
            c(
                "b",
                "Tomas Lind met Anna Berg in 2010.",
                "meet",
                MEET_SWAPPED,
            )
            .on("2010"),
        ],
        &[&["a", "b"]],
        &["V1 Anna Berg met Tomas Lind (2010) [a,b] 2/1"],
    );
}

#[test]
fn recurring_meetings_years_apart_stay_apart() {
    check(
        &[
            c(
                "a",
                "Tomas Lind visited Ostrava in 2006.",
                "visit",
                &[("Tomas Lind", Agent)],
            )
            .at("Ostrava")
            .on("2006"),
            c(
                "b",
                "Tomas Lind visited Ostrava in 2010.",
                "visit",
                &[("Tomas Lind", Agent)],
            )
            .at("Ostrava")
            .on("2010"),
            c(
                "c",
                "Tomas Lind was in Ostrava.",
                "visit",
                &[("Tomas Lind", Agent)],
            )
            .at("Ostrava"),
        ],
        &[],
        &[
            "V1 Tomas Lind visited Ostrava (2006) [a,c] 2/2",
            "V2 Tomas Lind visited Ostrava (2010) [b] 1/1",
        ],
    );
}

#[test]
fn visit_and_hosting_are_one_happening() {
    check(
        &[
            c(
                "a",
                "Tomas Lind visited Ostrava in March 2006.",
                "visit",
                &[("Tomas Lind", Agent)],
            )
            .at("Ostrava")
            .on("2006-03"),
            c(
                "b",
                "Anna Berg hosted Tomas Lind in Ostrava in 2006.",
                "host",
                MEET,
            )
            .at("Ostrava")
            .on("2006"),
        ],
        &[],
        &["V1 Anna Berg hosted Tomas Lind in Ostrava (2006-03) [a,b] 2/2"],
    );
}

#[test]
fn different_counterparts_are_different_events() {
    check(
        &[
            c("a", "Anna Berg met Tomas Lind in 2010.", "meet", MEET).on("2010"),
            c(
                "b",
                "Anna Berg met Olaf Dunn in 2010.",
                "meet",
                &[("Anna Berg", Agent), ("Olaf Dunn", Patient)],
            )
            .on("2010"),
            c(
                "c",
                "Freedonia condemned Sylvania.",
                "condemn",
                &[("Freedonia", Agent), ("Sylvania", Patient)],
            ),
            c(
                "d",
                "Sylvania condemned Freedonia.",
                "condemn",
                &[("Sylvania", Agent), ("Freedonia", Patient)],
            ),
        ],
        &[],
        &[
            "V1 Anna Berg met Olaf Dunn (2010) [b] 1/1",
            "V2 Anna Berg met Tomas Lind (2010) [a] 1/1",
            "V3 Freedonia condemned Sylvania [c] 1/1",
            "V4 Sylvania condemned Freedonia [d] 1/1",
        ],
    );
}

#[test]
fn statements_join_only_on_the_same_content() {
    let said: &[(&str, Role)] = &[("Anna Berg", Agent)];
    let day = "2006-05-02";
    check(
        &[
            c(
                "a",
                "Anna Berg said the plant will close in May.",
                "statement",
                said,
            )
            .on(day),
            c(
                "b",
                "Anna Berg said that the plant would close in May.",
                "statement",
                said,
            )
            .on(day),
            c("c", "Anna Berg said taxes must fall.", "statement", said).on(day),
            c("d", "Anna Berg said it.", "statement", said),
            c("e", "Anna Berg said it.", "statement", said),
            c(
                "f",
                "The port is shut for repairs, Anna Berg said on Friday.",
                "statement",
                said,
            ),
        ],
        &[],
        &[
            "V1 Anna Berg said taxes must fall (2006-05-02) [c] 1/1",
            "V2 Anna Berg said the plant will close in May (2006-05-02) [a,b] 2/2",
            "V3 Anna Berg made a statement [d] 1/1",
            "V4 Anna Berg made a statement [e] 1/1",
            "V5 Anna Berg said the port is shut for repairs [f] 1/1",
        ],
    );
}

#[test]
fn date_contradiction_between_lineages() {
    let hosted: &[(&str, Role)] = &[("Anna Berg", Agent), ("Tomas Lind", Patient)];
    let visited: &[(&str, Role)] = &[("Tomas Lind", Agent)];
    let claims = [
        c(
            "a",
            "In March 2006, Tomas Lind visited Ostrava.",
            "visit",
            visited,
        )
        .at("Ostrava")
        .on("2006-03"),
        c(
            "b",
            "A year later, Anna Berg hosted Tomas Lind in Ostrava.",
            "host",
            hosted,
        )
        .at("Ostrava")
        .on("2007"),
        c(
            "c",
            "A year later, Anna Berg hosted Tomas Lind in Ostrava.",
            "host",
            hosted,
        )
        .at("Ostrava")
        .on("2007"),
    ];
    check(
        &claims,
        &[&["b", "c"]],
        &[
            "V1 Anna Berg hosted Tomas Lind in Ostrava [a,b,c] 3/2",
            "C1 V1 date of: Anna Berg hosted Tomas Lind in Ostrava: 2006-03 [a] | 2007 [b,c]",
        ],
    );
    // The same claims within one lineage: two events, no contradiction.
    check(
        &claims,
        &[&["a", "b", "c"]],
        &[
            "V1 Tomas Lind visited Ostrava (2006-03) [a] 1/1",
            "V2 Anna Berg hosted Tomas Lind in Ostrava (2007) [b,c] 2/1",
        ],
    );
}

#[test]
fn no_date_contradiction_when_a_careful_reader_would_not_see_one() {
    let visited: &[(&str, Role)] = &[("Tomas Lind", Agent)];
    // Years apart, one document stating both, an inherited time, a recurrence cue.
    for claims in [
        vec![
            c("a", "Tomas Lind visited Ostrava in 2006.", "visit", visited)
                .at("Ostrava")
                .on("2006"),
            c("b", "Tomas Lind visited Ostrava in 2009.", "visit", visited)
                .at("Ostrava")
                .on("2009"),
        ],
        vec![
            c("a", "Tomas Lind visited Ostrava in 2006.", "visit", visited)
                .at("Ostrava")
                .on("2006"),
            c("a", "Tomas Lind visited Ostrava in 2007.", "visit", visited)
                .at("Ostrava")
                .on("2007"),
        ],
        vec![
            c("a", "Tomas Lind visited Ostrava in 2006.", "visit", visited)
                .at("Ostrava")
                .on("2006"),
            c("b", "Tomas Lind visited Ostrava then.", "visit", visited)
                .at("Ostrava")
                .inherited("2007"),
        ],
        vec![
            c("a", "Tomas Lind visited Ostrava in 2006.", "visit", visited)
                .at("Ostrava")
                .on("2006"),
            c(
                "b",
                "Tomas Lind visited Ostrava again in 2007.",
                "visit",
                visited,
            )
            .at("Ostrava")
            .on("2007"),
        ],
    ] {
        let lines = render(&claims, &[]);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| l.starts_with('V')), "{lines:?}");
    }
}

#[test]
fn undated_claims_cannot_bridge_dates() {
    check(
        &[
            c("a", "Anna Berg met Tomas Lind in 2006.", "meet", MEET).on("2006"),
            c("b", "Anna Berg met Tomas Lind.", "meet", MEET),
            c("c", "Anna Berg met Tomas Lind in 2012.", "meet", MEET).on("2012"),
        ],
        &[],
        &[
            "V1 Anna Berg met Tomas Lind (2006) [a,b] 2/2",
            "V2 Anna Berg met Tomas Lind (2012) [c] 1/1",
        ],
    );
}

#[test]
fn unresolved_and_recipient_roles() {
    check(
        &[c(
            "a",
            "Freedonia funded the Red Brigade.",
            "fund",
            &[("Freedonia", Agent), ("Red Brigade", Recipient)],
        )],
        &[],
        &["V1 Freedonia funded Red Brigade [a] 1/1"],
    );
    let (docs, _, lineages) = corpus(&[c("a", "Anna Berg met Tomas Lind.", "meet", MEET)], &[]);
    assert_eq!(fuse(&docs, &[], &lineages).0, vec![]);
    assert_eq!(fuse(&[], &[], &[]).0, vec![]);
}

#[test]
fn iso_prefixes_and_bounds() {
    for (value, prefix) in [
        ("2006", Some("2006")),
        ("2006-03", Some("2006-03")),
        ("2006-03-18", Some("2006-03-18")),
        ("2006-03-18T10:00", Some("2006-03-18")),
        ("2006-W12", Some("2006")),
        ("2006-13", Some("2006")),
        ("2006-02-30", Some("2006-02")),
        ("XXXX-03", None),
        ("P1Y", None),
        ("", None),
        ("20é6", None),
    ] {
        assert_eq!(iso_prefix(value).as_deref(), prefix, "{value}");
    }
    assert_eq!(
        bounds("2008-02"),
        Some(("2008-02-01".into(), "2008-02-29".into()))
    );
    assert_eq!(
        bounds("2006-12"),
        Some(("2006-12-01".into(), "2006-12-31".into()))
    );
    assert_eq!(
        bounds("2006"),
        Some(("2006-01-01".into(), "2006-12-31".into()))
    );
    assert!(crate::types::table_len() >= 19);
}

#[test]
fn partial_events_join_a_fuller_one_or_are_left_out() {
    let full: &[(&str, Role)] = &[("Anna Berg", Agent), ("Tomas Lind", Patient)];
    let no_agent: &[(&str, Role)] = &[("Tomas Lind", Patient)];
    let no_object: &[(&str, Role)] = &[("Vera Holm", Agent)];
    check(
        &[
            c("a", "Anna Berg attacked Tomas Lind.", "attack", full).on("2010"),
            c(
                "a",
                "The attack on Tomas Lind shocked many.",
                "attack",
                no_agent,
            ),
            c("b", "Vera Holm condemned it.", "condemn", no_object),
            c("c", "Vera Holm condemned it in 2011.", "condemn", no_object).on("2011"),
        ],
        &[],
        &[
            "V1 Anna Berg attacked Tomas Lind (2010) [a,a] 1/1",
            "V2 Vera Holm condemned (2011) [c] 1/1",
        ],
    );
}

#[test]
fn labels_never_state_as_fact_what_no_source_asserts() {
    const CONDEMN: &[(&str, Role)] = &[("Anna Berg", Agent), ("Tomas Lind", Patient)];
    let denied = c(
        "a",
        "Anna Berg refused to condemn Tomas Lind.",
        "condemn",
        CONDEMN,
    )
    .modality(Modality::Denied);
    check(
        std::slice::from_ref(&denied),
        &[],
        &["V1 Anna Berg condemned Tomas Lind [denied] [a] 1/1"],
    );
    let alleged = c(
        "b",
        "Anna Berg allegedly condemned Tomas Lind.",
        "condemn",
        CONDEMN,
    )
    .modality(Modality::Alleged);
    check(
        &[alleged],
        &[],
        &["V1 Anna Berg condemned Tomas Lind [unconfirmed] [b] 1/1"],
    );
    let asserted = c("c", "Anna Berg condemned Tomas Lind.", "condemn", CONDEMN);
    let rendered = render(&[denied, asserted], &[]);
    assert!(
        rendered.iter().all(|line| !line.contains("[denied]")),
        "{rendered:?}"
    );
}

/// A capital acting in a claim is the state it stands for, with its words kept; the same place
/// in another role stays the city.
#[test]
fn a_metonym_acts_for_its_state_only_as_the_actor() {
    let claims = [
        c(
            "a",
            "Russia condemned Tomas Lind in 2010.",
            "condemn",
            &[("Russia", Agent), ("Tomas Lind", Patient)],
        )
        .on("2010"),
        c(
            "b",
            "Moscow condemned Tomas Lind in 2010.",
            "condemn",
            &[("Moscow", Agent), ("Tomas Lind", Patient)],
        )
        .on("2010"),
        c(
            "c",
            "Tomas Lind praised Moscow in 2011.",
            "praise",
            &[("Tomas Lind", Agent), ("Moscow", Patient)],
        )
        .on("2011"),
    ];
    let (docs, mut entities, lineages) = corpus(&claims, &[]);
    // Entities are numbered by name: E1 Moscow, E2 Russia, E3 Tomas Lind. Every mention of
    // Moscow is marked, so that only the role decides.
    let metonyms: Vec<Metonym> = entities[0]
        .mentions
        .iter()
        .map(|at| Metonym {
            at: at.clone(),
            surface: "Moscow".into(),
        })
        .collect();
    entities[1].metonyms = metonyms;
    let (events, _) = fuse(&docs, &entities, &lineages);
    let labels: Vec<&str> = events.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Russia condemned Tomas Lind (2010)",
            "Tomas Lind praised Moscow (2011)"
        ]
    );
    let condemned = &events[0];
    assert_eq!(
        condemned.participants,
        [("E2".to_string(), Agent), ("E3".to_string(), Patient)]
    );
    assert_eq!(condemned.via, [("E2".to_string(), "Moscow".to_string())]);
    let praised = &events[1];
    assert_eq!(
        praised.participants,
        [("E3".to_string(), Agent), ("E1".to_string(), Patient)]
    );
    assert!(praised.via.is_empty());
    assert_eq!(events[0].sources, 2);
}
