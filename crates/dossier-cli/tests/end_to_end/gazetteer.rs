//! User gazetteers (`--gazetteer FILE`): declared names become one entity with the declared
//! name and type, a bad file stops the run before any work, adding a gazetteer re-annotates
//! the stored documents, and the gazetteer saved with the dossier is what `dossier timeline`
//! and later runs without `--gazetteer` use (`--no-gazetteer` drops it).

use std::fs;
use std::path::{Path, PathBuf};
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

/// A third article, by a man whose name differs from Olek Varnaby's only in a vowel (the
/// linker would take them for one person), which names the company by its short form.
fn write_visit(dir: &Path) {
    fs::write(
        dir.join("visit.txt"),
        "## A visit to Ostrava\n\nMarch 6, 2024\n\n\
         Olek Vernaby visited Ostrava on Wednesday. VD said the visit went well.\n",
    )
    .unwrap();
}

/// [`GAZETTEER`] with Olek Vernaby declared as a different person.
const GAZETTEER_TWO_MEN: &str = "canonical,type,aliases\n\
                                 Varnel Dynamics,org,VD|Varnel group\n\
                                 Olek Varnaby,PER,\n\
                                 Olek Vernaby,PER,\n";

/// Writes `text` as `names.csv` in a new folder, returned with the file's path.
fn gazetteer_file(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("names.csv");
    fs::write(&path, text).unwrap();
    (dir, path)
}

/// Runs `dossier timeline OUT ARGS…` and returns its stdout, failing unless it succeeded.
fn timeline(out: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("timeline")
        .arg(out)
        .args(args)
        .output()
        .expect("dossier runs");
    assert!(output.status.success(), "{}", stderr(&output));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The names of the entities whose mentions include one in a document whose id starts with
/// `doc`, with the text of that mention: "entity name <- text".
fn named_in(dossier: &Value, doc: &str) -> Vec<String> {
    let mut names: Vec<String> = dossier["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| {
            mention_texts(dossier, e)
                .into_iter()
                .filter_map(|t| Some(t.strip_prefix(&format!("{doc}: "))?.to_string()))
                .map(|text| format!("{} <- {text}", e["name"].as_str().unwrap()))
                .collect::<Vec<_>>()
        })
        .collect();
    names.sort();
    names
}

/// All merge evidence lines of the dossier that come from a user gazetteer.
fn gazetteer_evidence(dossier: &Value) -> Vec<String> {
    dossier["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["merge_evidence"].as_array().unwrap())
        .filter_map(Value::as_str)
        .filter(|line| line.starts_with("user gazetteer "))
        .map(str::to_string)
        .collect()
}

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

#[test]
fn timeline_links_with_the_gazetteer_saved_by_analyze() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(input.path());
    write_visit(input.path());
    let (_gazetteer, names) = gazetteer_file(GAZETTEER_TWO_MEN);
    let output = analyze_with(input.path(), out.path(), &[&names]);
    assert!(output.status.success(), "{}", stderr(&output));

    let text = timeline(out.path(), &[]);
    // "VD" and "Varnel group" are the declared company, under its canonical name.
    assert!(text.contains("Varnel Dynamics opened"), "{text}");
    assert!(!text.contains("VD "), "{text}");
    let company = timeline(out.path(), &["--entity", "varnel group"]);
    assert!(company.contains("Varnel Dynamics opened"), "{company}");
    // Two men the user told apart stay apart, although their names differ only in a vowel.
    let vernaby = timeline(out.path(), &["--entity", "Vernaby"]);
    assert!(vernaby.contains("Olek Vernaby visited"), "{vernaby}");
    assert!(!vernaby.contains("Olek Varnaby"), "{vernaby}");
    let varnaby = timeline(out.path(), &["--entity", "Varnaby"]);
    assert!(!varnaby.contains("Vernaby"), "{varnaby}");
    assert!(varnaby.contains("Olek Varnaby said"), "{varnaby}");
}

#[test]
fn a_later_run_without_gazetteer_keeps_the_saved_one_and_says_so() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(input.path());
    let (_gazetteer, names) = gazetteer_file(GAZETTEER_TWO_MEN);
    let output = analyze_with(input.path(), out.path(), &[&names]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = read_json(out.path());

    // A new article, added without --gazetteer.
    write_visit(input.path());
    let output = analyze_with(input.path(), out.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains(
            "note: using the 3 gazetteer entries saved with the dossier (from names.csv)"
        ),
        "{message}"
    );
    assert!(!message.contains("analyzing them again"), "{message}");

    let second = read_json(out.path());
    // The stored documents keep the gazetteer's merge and evidence …
    let company = entity(&second, "Varnel Dynamics");
    assert_eq!(
        mention_texts(&second, company),
        [
            "contract: Varnel Dynamics",
            "plant: VD",
            "plant: Varnel group",
            "visit: VD"
        ]
    );
    assert_eq!(gazetteer_evidence(&second), gazetteer_evidence(&first));
    assert_eq!(gazetteer_evidence(&second).len(), 2);
    // … and the new one is annotated and linked with it: its "VD" is the company and its
    // Olek Vernaby is not Olek Varnaby.
    assert_eq!(
        named_in(&second, "visit"),
        [
            "Olek Vernaby <- Olek Vernaby",
            "Ostrava <- Ostrava",
            "Varnel Dynamics <- VD"
        ]
    );
    assert_eq!(
        entity(&second, "Olek Varnaby")["aliases"],
        serde_json::json!(["Olek Varnaby"])
    );
}

#[test]
fn a_new_gazetteer_replaces_the_saved_one_and_no_gazetteer_drops_it() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(input.path());
    let (_first, names) = gazetteer_file(GAZETTEER);
    let output = analyze_with(input.path(), out.path(), &[&names]);
    assert!(output.status.success(), "{}", stderr(&output));

    // Another file: its entries replace the saved ones, for this run and the next.
    let other_dir = tempfile::tempdir().unwrap();
    let other = other_dir.path().join("other.tsv");
    fs::write(&other, "Varnel Group\tORG\tVarnel group|VD\n").unwrap();
    let output = analyze_with(input.path(), out.path(), &[&other]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("analyzing them again"));
    let output = analyze_with(input.path(), out.path(), &[]);
    assert!(
        stderr(&output)
            .contains("using the 1 gazetteer entry saved with the dossier (from other.tsv)"),
        "{}",
        stderr(&output)
    );
    let replaced = read_json(out.path());
    assert_eq!(
        mention_texts(&replaced, entity(&replaced, "Varnel Group")),
        ["plant: VD", "plant: Varnel group"]
    );
    assert!(
        gazetteer_evidence(&replaced)
            .iter()
            .all(|line| line.starts_with("user gazetteer other.tsv: ")),
        "{:?}",
        gazetteer_evidence(&replaced)
    );
    let text = timeline(out.path(), &["--entity", "VD"]);
    assert!(text.contains("Varnel Group opened"), "{text}");

    // --no-gazetteer: the documents are annotated again without one, and later runs agree.
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command
        .arg("analyze")
        .arg(input.path())
        .arg("--out")
        .arg(out.path());
    let output = command.arg("--no-gazetteer").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("analyzing them again"));
    let dropped = read_json(out.path());
    assert!(gazetteer_evidence(&dropped).is_empty());
    let output = analyze_with(input.path(), out.path(), &[]);
    let message = stderr(&output);
    assert!(!message.contains("gazetteer"), "{message}");
    assert!(!message.contains("analyzing them again"), "{message}");
    assert_eq!(read_json(out.path()), dropped);
}
