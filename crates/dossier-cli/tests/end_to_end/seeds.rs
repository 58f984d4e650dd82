//! What a careful reader of the four seed articles can check (issue 2).

use serde_json::Value;

use crate::support::{analyze_ok, document, read_json, seeds_dir, side_values, text_at};

fn analyze_seeds() -> (tempfile::TempDir, Value) {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[&seeds_dir()], out.path());
    let dossier = read_json(out.path());
    (out, dossier)
}

fn doc_id<'a>(dossier: &'a Value, prefix: &str) -> &'a str {
    document(dossier, prefix)["id"].as_str().unwrap()
}

#[test]
fn reads_four_documents_with_their_metadata() {
    let (_out, dossier) = analyze_seeds();
    assert_eq!(dossier["schema"], "dossier/1");
    assert_eq!(dossier["documents"].as_array().unwrap().len(), 4);
    assert_eq!(document(&dossier, "000_")["published"], "2023-11-07");
    assert_eq!(document(&dossier, "001_")["published"], "2023-10-30");
    assert_eq!(document(&dossier, "002_")["published"], "2023-10-09");
    let article = document(&dossier, "001_");
    assert_eq!(article["title"], "Why Russia and Hamas Are Growing Closer");
    assert_eq!(
        article["authors"],
        serde_json::json!(["Milan Czerny", "Dan Storyev"])
    );
    assert_eq!(
        article["url"],
        "https://www.themoscowtimes.com/2023/10/30/why-russia-and-hamas-are-growing-closer-a82938"
    );
}

#[test]
fn finds_the_paraphrased_rewrite_and_its_direction() {
    let (_out, dossier) = analyze_seeds();
    let (rewrite, original) = (doc_id(&dossier, "000_"), doc_id(&dossier, "001_"));
    let derivations = dossier["derivations"].as_array().unwrap();
    let found = derivations
        .iter()
        .find(|d| d["derived"] == rewrite && d["source"] == original)
        .unwrap_or_else(|| panic!("000 is not derived from 001: {derivations:#?}"));
    assert_eq!(found["kind"], "paraphrase");
    assert!(!derivations
        .iter()
        .any(|d| d["derived"] == original && d["source"] == rewrite));
    let independent = ["001_", "002_", "004_"].map(|p| doc_id(&dossier, p));
    for derivation in derivations {
        let pair = [
            derivation["derived"].as_str().unwrap(),
            derivation["source"].as_str().unwrap(),
        ];
        assert!(
            !(independent.contains(&pair[0]) && independent.contains(&pair[1])),
            "001, 002 and 004 are independent, yet: {derivation:#?}"
        );
    }
}

#[test]
fn merges_two_spellings_of_one_name() {
    let (_out, dossier) = analyze_seeds();
    let entities = dossier["entities"].as_array().unwrap();
    let has_alias = |entity: &Value, alias: &str| {
        entity["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == alias)
    };
    let lavrov = entities
        .iter()
        .find(|e| has_alias(e, "Sergei Lavrov"))
        .expect("an entity with the alias Sergei Lavrov");
    assert!(
        has_alias(lavrov, "Sergey Lavrov"),
        "not merged: {lavrov:#?}"
    );
    assert_eq!(lavrov["type"], "PERSON");
}

#[test]
fn each_name_is_one_entity_of_one_type() {
    let (_out, dossier) = analyze_seeds();
    let entities = dossier["entities"].as_array().unwrap();
    let mut owner: std::collections::BTreeMap<&str, &str> = Default::default();
    for entity in entities {
        let id = entity["id"].as_str().unwrap();
        for alias in entity["aliases"].as_array().unwrap() {
            let alias = alias.as_str().unwrap();
            if let Some(other) = owner.insert(alias, id) {
                panic!("\"{alias}\" names both {other} and {id}");
            }
        }
    }
    // The cultural centre is typed a person by the tagger in one article, an organization by
    // its apposition and its quoted name in the two others.
    let centre = entities
        .iter()
        .find(|e| e["name"] == "Kalinka")
        .expect("an entity named Kalinka");
    assert_eq!(centre["type"], "ORG");
    assert_eq!(centre["mentions"].as_array().unwrap().len(), 3);
}

#[test]
fn resolves_saturday_against_the_publication_date() {
    let (_out, dossier) = analyze_seeds();
    let article = document(&dossier, "002_");
    let saturday = article["times"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| {
            text_at(
                article,
                t["start"].as_u64().unwrap(),
                t["end"].as_u64().unwrap(),
            )
            .contains("Saturday")
        })
        .expect("a time expression covering 'Saturday'");
    assert_eq!(saturday["value"], "2023-10-07");
    assert_eq!(saturday["anchor"], "document");
}

#[test]
fn some_event_has_two_independent_sources() {
    let (_out, dossier) = analyze_seeds();
    let events = dossier["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .any(|e| e["independent_sources"].as_u64().unwrap() >= 2),
        "no event with two independent sources among {} events",
        events.len()
    );
    for event in events {
        assert!(event["independent_sources"].as_u64() <= event["sources"].as_u64());
    }
}

#[test]
fn two_runs_give_byte_identical_json() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    analyze_ok(&[&seeds_dir()], first.path());
    analyze_ok(&[&seeds_dir()], second.path());
    let read = |dir: &tempfile::TempDir| std::fs::read(dir.path().join("dossier.json")).unwrap();
    assert!(
        read(&first) == read(&second),
        "dossier.json differs between two runs"
    );
}

// Issue 5: claims, events and contradictions.

/// The names of an event's participants and place, lower-cased.
fn event_names(dossier: &Value, event: &Value) -> Vec<String> {
    let entities = dossier["entities"].as_array().unwrap();
    let name = |id: &Value| {
        entities
            .iter()
            .find(|e| &e["id"] == id)
            .map(|e| e["name"].as_str().unwrap().to_lowercase())
            .unwrap_or_default()
    };
    let mut names: Vec<String> = event["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| name(&p["entity"]))
        .collect();
    names.push(name(&event["place"]));
    names
}

/// The events of `kind` whose participants or place include every one of `names` (surnames).
fn events_with<'a>(dossier: &'a Value, kind: &str, names: &[&str]) -> Vec<&'a Value> {
    dossier["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == kind)
        .filter(|e| {
            let have = event_names(dossier, e);
            names.iter().all(|n| have.iter().any(|h| h.contains(n)))
        })
        .collect()
}

#[test]
fn the_2006_and_2007_datings_of_the_moscow_visit_contradict() {
    let (_out, dossier) = analyze_seeds();
    let date = dossier["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "date" && c["subject"].as_str().unwrap().contains("Mashal"))
        .expect("a date contradiction about Mashal's visit");
    let values = side_values(date);
    assert!(values.iter().any(|v| v.starts_with("2006")), "{values:?}");
    assert!(values.iter().any(|v| v.starts_with("2007")), "{values:?}");
}

#[test]
fn nephew_and_grandson_of_the_centre_director_contradict() {
    let (_out, dossier) = analyze_seeds();
    let attribute = dossier["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "attribute")
        .expect("an attribute contradiction");
    let subject = attribute["subject"].as_str().unwrap();
    assert!(
        subject.contains("Kalinka") && subject.contains("Primakov"),
        "{subject}"
    );
    let values = side_values(attribute);
    assert_eq!(values, ["grandson", "nephew"]);
    let docs: Vec<&str> = attribute["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["claims"][0]["doc"].as_str().unwrap())
        .collect();
    assert_eq!(docs, [doc_id(&dossier, "004"), doc_id(&dossier, "002")]);
}

#[test]
fn only_the_two_real_contradictions_are_reported() {
    let (_out, dossier) = analyze_seeds();
    let kinds: Vec<&str> = dossier["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["date", "attribute"],
        "{:#}",
        dossier["contradictions"]
    );
}

#[test]
fn the_2010_meeting_with_medvedev_has_two_independent_sources() {
    let (_out, dossier) = analyze_seeds();
    let meetings = events_with(&dossier, "meet", &["medvedev", "mashal"]);
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    assert_eq!(meetings[0]["time"]["value"], "2010");
    assert_eq!(meetings[0]["independent_sources"], 2);
}

#[test]
fn the_october_7_attack_has_three_independent_sources() {
    let (_out, dossier) = analyze_seeds();
    let attacks: Vec<&Value> = events_with(&dossier, "attack", &["hamas"])
        .into_iter()
        .filter(|e| e["time"]["value"] == "2023-10-07")
        .collect();
    assert_eq!(attacks.len(), 1, "{attacks:#?}");
    // 000 rewrites 001: four documents, three independent sources.
    assert_eq!(attacks[0]["sources"], 4);
    assert_eq!(attacks[0]["independent_sources"], 3);
    assert!(!attacks[0]["counts"].as_array().unwrap().is_empty());
}
