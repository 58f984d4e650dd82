//! Kinship and count contradictions over hand-built documents (invented names).

use dossier_core::{
    AnalyzedDocument, Annotations, AttributeClaim, AttributeValue, Count, CountBound, Document,
    Entity, EntityKind, Lineage, Location, Metadata, Modality, Position, Span,
};

use super::{counts_agree, kinship_conflicts, number_conflicts};
use dossier_core::AttributeRef;

/// A document whose one sentence is `text`.
fn doc(id: &str, text: &str) -> AnalyzedDocument {
    AnalyzedDocument {
        document: Document {
            id: id.into(),
            path: String::new(),
            sha256: String::new(),
            text: text.into(),
            meta: Metadata::default(),
        },
        annotations: Annotations {
            sentences: vec![Span::new(0, text.len())],
            ..Annotations::default()
        },
        claims: Vec::new(),
        attributes: Vec::new(),
        diagnostics: Vec::new(),
    }
}

fn span(d: &AnalyzedDocument, words: &str) -> Span {
    let at = d.document.text.find(words).expect("words in text");
    Span::new(at, at + words.len())
}

/// "The head of ORG is RELATION of RELATIVE", stated in `d`.
fn kin(d: &mut AnalyzedDocument, org: &str, relation: &str, relative: &str) {
    let claim = AttributeClaim {
        sentence: 0,
        span: span(d, relation),
        holder: None,
        position: Some(Position {
            role: "head".into(),
            of: span(d, org),
        }),
        value: AttributeValue::Kinship {
            relation: relation.into(),
            relative: span(d, relative),
        },
        speaker: None,
        modality: Modality::Asserted,
    };
    d.attributes.push(claim);
}

/// One entity per name, with its mentions in every document.
fn entities(docs: &[AnalyzedDocument], names: &[&str]) -> Vec<Entity> {
    names
        .iter()
        .enumerate()
        .map(|(i, name)| Entity {
            id: format!("E{}", i + 1),
            name: name.to_string(),
            kind: EntityKind::Person,
            aliases: vec![name.to_string()],
            mentions: docs
                .iter()
                .filter(|d| d.document.text.contains(name))
                .map(|d| Location {
                    doc: d.document.id.clone(),
                    span: span(d, name),
                })
                .collect(),
            merge_evidence: Vec::new(),
            metonyms: Vec::new(),
        })
        .collect()
}

fn lineages(groups: &[&[&str]]) -> Vec<Lineage> {
    groups
        .iter()
        .enumerate()
        .map(|(i, g)| Lineage {
            id: format!("L{}", i + 1),
            origin: g[0].into(),
            documents: g.iter().map(|d| d.to_string()).collect(),
        })
        .collect()
}

/// `subject: value [docs] | value [docs]` per conflict.
fn kinship_lines(docs: &[AnalyzedDocument], names: &[&str], groups: &[&[&str]]) -> Vec<String> {
    let entities = entities(docs, names);
    kinship_conflicts(docs, &entities, &lineages(groups))
        .iter()
        .map(|c| {
            let sides: Vec<String> = c
                .sides
                .iter()
                .map(|(v, refs)| {
                    let ids: Vec<&str> = refs
                        .iter()
                        .map(|r| docs[r.doc].document.id.as_str())
                        .collect();
                    format!("{v} [{}]", ids.join(","))
                })
                .collect();
            format!("{}: {}", c.subject, sides.join(" | "))
        })
        .collect()
}

#[test]
fn nephew_and_grandson_of_one_position_holder_contradict() {
    let mut a = doc("a", "Nordhall. The director is a nephew of Svoboda.");
    kin(&mut a, "Nordhall", "nephew", "Svoboda");
    let mut b = doc("b", "Nordhall is headed by the grandson of Karel Svoboda.");
    kin(&mut b, "Nordhall", "grandson", "Karel Svoboda");
    let docs = [a, b];
    // "Svoboda" is a short form of "Karel Svoboda"; the organisation is one entity.
    let names = ["Nordhall", "Karel Svoboda", "Svoboda"];
    assert_eq!(
        kinship_lines(&docs, &names, &[&["a"], &["b"]]),
        ["how the head of Nordhall is related to Karel Svoboda: grandson [b] | nephew [a]"]
    );
    // One lineage: an edit, not a disagreement between sources.
    assert!(kinship_lines(&docs, &names, &[&["a", "b"]]).is_empty());
}

#[test]
fn compatible_or_unrelated_kinship_is_no_contradiction() {
    // "son" and "child" can both hold.
    let mut a = doc("a", "Nordhall: a son of Svoboda.");
    kin(&mut a, "Nordhall", "son", "Svoboda");
    let mut b = doc("b", "Nordhall: a child of Svoboda.");
    kin(&mut b, "Nordhall", "child", "Svoboda");
    assert!(kinship_lines(&[a, b], &["Nordhall", "Svoboda"], &[&["a"], &["b"]]).is_empty());
    // Different relatives: two facts, not one disputed.
    let mut a = doc("a", "Nordhall: a nephew of Svoboda.");
    kin(&mut a, "Nordhall", "nephew", "Svoboda");
    let mut b = doc("b", "Nordhall: a grandson of Lind.");
    kin(&mut b, "Nordhall", "grandson", "Lind");
    let names = ["Nordhall", "Svoboda", "Lind"];
    assert!(kinship_lines(&[a, b], &names, &[&["a"], &["b"]]).is_empty());
    // Different organisations: different people.
    let mut a = doc("a", "Nordhall: a nephew of Svoboda.");
    kin(&mut a, "Nordhall", "nephew", "Svoboda");
    let mut b = doc("b", "Westlake: a grandson of Svoboda.");
    kin(&mut b, "Westlake", "grandson", "Svoboda");
    let names = ["Nordhall", "Westlake", "Svoboda"];
    assert!(kinship_lines(&[a, b], &names, &[&["a"], &["b"]]).is_empty());
}

fn count(value: u64, bound: CountBound) -> Count {
    Count {
        value,
        bound,
        what: "people".into(),
        event_type: "kill".into(),
    }
}

#[test]
fn counts_agree_unless_their_ranges_exclude_each_other() {
    use CountBound::{About, AtLeast, AtMost, Exact};
    let check = |x: Count, y: Count, expected: bool| {
        assert_eq!(counts_agree(&x, &y), expected, "{x:?} vs {y:?}");
        assert_eq!(counts_agree(&y, &x), expected, "{y:?} vs {x:?}");
    };
    check(count(16, Exact), count(16, Exact), true);
    check(count(16, Exact), count(17, Exact), false);
    check(count(1033, AtLeast), count(1200, Exact), true);
    check(count(1033, AtLeast), count(900, Exact), false);
    check(count(100, AtMost), count(101, Exact), false);
    check(count(100, AtMost), count(50, AtLeast), true);
    check(count(300, About), count(17, Exact), true);
}

#[test]
fn different_counts_of_one_event_from_independent_sources_contradict() {
    let with_count = |id: &str, text: &str, value: u64| {
        let mut d = doc(id, text);
        d.attributes.push(AttributeClaim {
            sentence: 0,
            span: Span::new(0, text.len()),
            holder: None,
            position: None,
            value: AttributeValue::Count(count(value, CountBound::Exact)),
            speaker: None,
            modality: Modality::Asserted,
        });
        d
    };
    let docs = [
        with_count("a", "16 people were killed.", 16),
        with_count("b", "17 people were killed.", 17),
        with_count("c", "16 people were killed.", 16),
    ];
    let refs: Vec<AttributeRef> = (0..3)
        .map(|doc| AttributeRef { doc, attribute: 0 })
        .collect();
    let found = number_conflicts(
        &docs,
        &lineages(&[&["a"], &["b"], &["c"]]),
        &refs,
        "the blast",
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].subject, "number of people (kill) in: the blast");
    let values: Vec<&str> = found[0].sides.iter().map(|(v, _)| v.as_str()).collect();
    assert_eq!(values, ["16", "17"]);
    // Within one lineage the same numbers are no contradiction.
    let one = lineages(&[&["a", "b", "c"]]);
    assert!(number_conflicts(&docs, &one, &refs, "the blast").is_empty());
}
