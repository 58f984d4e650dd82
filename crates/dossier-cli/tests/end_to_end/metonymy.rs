//! Metonymy: a capital or a seat of government acting in an event stands for its state, which
//! keeps the words that named it; the same place in another role stays the place.

use serde_json::Value;

use crate::support::{analyze_ok, document, read_json, text_at};

/// Two invented articles: one names Moscow as the actor and as the place visited, the other
/// the Kremlin as the actor; a city that is no capital acts too. No article names Russia.
fn analyze_invented() -> (tempfile::TempDir, Value) {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("a.txt"),
        "date 2021-05-02\n\nIn March 2021, Moscow condemned Kyiv over the blockade. \
         Anna Berg visited Moscow in April 2021.\n",
    )
    .unwrap();
    std::fs::write(
        input.path().join("b.txt"),
        "date 2021-05-03\n\nThe Kremlin condemned Kyiv over the blockade in March 2021. \
         Lyon condemned the plan in April 2021.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[input.path()], out.path());
    let dossier = read_json(out.path());
    (out, dossier)
}

fn entity<'a>(dossier: &'a Value, name: &str) -> Option<&'a Value> {
    let entities = dossier["entities"].as_array().unwrap();
    entities.iter().find(|e| e["name"] == name)
}

fn strings(value: &Value) -> Vec<&str> {
    let items = value.as_array().expect("an array");
    items.iter().map(|v| v.as_str().unwrap()).collect()
}

#[test]
fn capital_and_seat_of_government_act_for_the_state() {
    let (out, dossier) = analyze_invented();
    let russia = entity(&dossier, "Russia").expect("an entity for Russia");
    assert_eq!(russia["type"], "GPE");
    assert_eq!(
        russia["mentions"],
        Value::Array(vec![]),
        "no article names it"
    );
    let metonyms = russia["metonyms"].as_array().unwrap();
    let words: Vec<String> = metonyms
        .iter()
        .map(|m| {
            let doc = document(&dossier, m["doc"].as_str().unwrap());
            let start = m["start"].as_u64().unwrap();
            let text = text_at(doc, start, m["end"].as_u64().unwrap());
            assert_eq!(text, m["text"].as_str().unwrap(), "offsets cover the words");
            text
        })
        .collect();
    assert_eq!(words, ["Moscow", "The Kremlin"]);
    let evidence = strings(&russia["merge_evidence"]);
    assert!(
        evidence.iter().any(|l| l.contains("capital of Russia")),
        "{evidence:?}"
    );

    let condemned = dossier["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "condemn" && e["label"].as_str().unwrap().contains("Kyiv"))
        .expect("the condemnation of Kyiv");
    assert_eq!(condemned["sources"], 2, "{condemned:#}");
    let actor = &condemned["participants"][0];
    assert_eq!(actor["entity"], russia["id"]);
    assert_eq!(actor["role"], "agent");
    assert_eq!(strings(&actor["via"]), ["Moscow", "The Kremlin"]);
    assert!(condemned["label"]
        .as_str()
        .unwrap()
        .starts_with("Russia condemned Kyiv"));

    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(
        html.contains("Russia</a> (agent, as “Moscow”, “The Kremlin”)"),
        "the report shows the words that named the actor"
    );
}

#[test]
fn a_place_in_another_role_and_other_cities_stay_themselves() {
    let (_out, dossier) = analyze_invented();
    let moscow = entity(&dossier, "Moscow").expect("an entity for Moscow");
    assert_eq!(moscow["mentions"].as_array().unwrap().len(), 2);
    let visit = dossier["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "visit")
        .expect("the visit");
    let named: Vec<&Value> = visit["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["entity"])
        .chain([&visit["place"]])
        .collect();
    assert!(named.contains(&&moscow["id"]), "{visit:#}");
    let russia = entity(&dossier, "Russia").unwrap();
    assert!(!named.contains(&&russia["id"]), "{visit:#}");
    assert!(entity(&dossier, "France").is_none(), "Lyon is no capital");
    assert!(entity(&dossier, "Lyon").is_some());
}
