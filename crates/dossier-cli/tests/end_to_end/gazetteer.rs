//! User gazetteers (`--gazetteer FILE`): declared names become one entity with the declared
//! name and type, a bad file stops the run before any work, and adding a gazetteer
//! re-annotates the stored documents.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

use crate::support::{analyze_ok, document, read_json, stderr, text_at};

/// Two invented articles naming one company three ways.
fn write_articles(dir: &Path) {
    fs::write(
        dir.join("contract.txt"),
        "## Varnel Dynamics wins a port contract\n\nMarch 3, 2024\n\n\
         Varnel Dynamics won a contract from the port of Kessa on Monday, its chief Olek \
         Varnaby said.\n",
    )
    .unwrap();
    fs::write(
        dir.join("plant.txt"),
        "## A new plant in Kessa\n\nMarch 5, 2024\n\n\
         VD opened a plant in Kessa on Tuesday. The Varnel group said the plant would \
         employ 200 people.\n",
    )
    .unwrap();
}

const GAZETTEER: &str = "canonical,type,aliases\n\
                         # invented names\n\
                         Varnel Dynamics,org,VD|Varnel group\n\
                         Olek Varnaby,PER,\n";

/// Runs `dossier analyze INPUT --out OUT --gazetteer G…`.
fn analyze_with(input: &Path, out: &Path, gazetteers: &[&Path]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.arg("analyze").arg(input).arg("--out").arg(out);
    for gazetteer in gazetteers {
        command.arg("--gazetteer").arg(gazetteer);
    }
    command.output().expect("dossier runs")
}

/// The entity named `name`.
fn entity<'a>(dossier: &'a Value, name: &str) -> &'a Value {
    dossier["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no entity {name}: {:#}", dossier["entities"]))
}

/// The texts of an entity's mentions, as "doc-prefix: text", sorted.
fn mention_texts(dossier: &Value, entity: &Value) -> Vec<String> {
    let mut texts: Vec<String> = entity["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let doc = m["doc"].as_str().unwrap();
            let text = text_at(
                document(dossier, doc),
                m["start"].as_u64().unwrap(),
                m["end"].as_u64().unwrap(),
            );
            format!("{doc}: {text}")
        })
        .collect();
    texts.sort();
    texts
}

#[test]
fn declared_names_are_one_entity_with_the_canonical_name() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let gazetteer = tempfile::tempdir().unwrap();
    write_articles(input.path());
    let names = gazetteer.path().join("names.csv");
    fs::write(&names, GAZETTEER).unwrap();
    let output = analyze_with(input.path(), out.path(), &[&names]);
    assert!(output.status.success(), "{}", stderr(&output));

    let dossier = read_json(out.path());
    let company = entity(&dossier, "Varnel Dynamics");
    assert_eq!(company["type"], "ORG");
    assert_eq!(
        mention_texts(&dossier, company),
        [
            "contract: Varnel Dynamics",
            "plant: VD",
            "plant: Varnel group"
        ]
    );
    let evidence = company["merge_evidence"].as_array().unwrap();
    assert_eq!(
        evidence,
        &[
            "user gazetteer names.csv: \"VD\" is an alias of \"Varnel Dynamics\"",
            "user gazetteer names.csv: \"Varnel group\" is an alias of \"Varnel Dynamics\"",
        ]
    );
    assert_eq!(entity(&dossier, "Olek Varnaby")["type"], "PERSON");
}

#[test]
fn a_bad_gazetteer_stops_the_run_before_any_work() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(input.path());
    let gazetteer = tempfile::tempdir().unwrap();
    let bad = gazetteer.path().join("names.tsv");
    fs::write(&bad, "name\ttype\n\nKessa\tTOWN\tCessa\n").unwrap();
    let output = analyze_with(input.path(), out.path(), &[&bad]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("names.tsv, line 3: unknown type \"TOWN\""),
        "{message}"
    );
    assert!(!out.path().join("dossier.json").exists());
    assert!(!out.path().join("dossier.sqlite").exists());

    let missing = gazetteer.path().join("missing.csv");
    let output = analyze_with(input.path(), out.path(), &[&missing]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.csv: cannot read it"));
}

#[test]
fn adding_a_gazetteer_reannotates_the_stored_documents() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(input.path());
    analyze_ok(&[input.path()], out.path());
    let before = read_json(out.path());
    let together = |dossier: &Value| {
        dossier["entities"].as_array().unwrap().iter().any(|e| {
            let aliases = e["aliases"].as_array().unwrap();
            aliases.contains(&"VD".into()) && aliases.contains(&"Varnel Dynamics".into())
        })
    };
    assert!(!together(&before), "apart without the gazetteer");

    let gazetteer = tempfile::tempdir().unwrap();
    let names = gazetteer.path().join("names.csv");
    fs::write(&names, GAZETTEER).unwrap();
    let output = analyze_with(input.path(), out.path(), &[&names]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("analyzing them again"));
    assert!(together(&read_json(out.path())));
}
