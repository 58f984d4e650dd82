//! The bundled example (`examples/baltic-quota`), as the README's first command runs it.

use serde_json::Value;

use crate::support::{analyze_ok, document, read_json, side_values, workspace_root};

fn analyze_example() -> (tempfile::TempDir, Value) {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(
        &[&workspace_root().join("examples/baltic-quota")],
        out.path(),
    );
    let dossier = read_json(out.path());
    (out, dossier)
}

#[test]
fn reads_every_article_of_the_example() {
    let (out, dossier) = analyze_example();
    assert_eq!(dossier["documents"].as_array().unwrap().len(), 5);
    assert_eq!(dossier["skipped"].as_array().unwrap().len(), 0);
    let html = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(
        html.contains("Kalmus"),
        "the report shows the story's names"
    );
}

#[test]
fn finds_the_rewrite_and_the_altered_quote() {
    let (_out, dossier) = analyze_example();
    let derivations = dossier["derivations"].as_array().unwrap();
    let rewrite = derivations
        .iter()
        .find(|d| d["derived"] == "coastal-voice" && d["source"] == "harbour-daily")
        .unwrap_or_else(|| panic!("rewrite not found: {derivations:#?}"));
    assert_eq!(rewrite["kind"], "paraphrase");
    assert!(
        !rewrite["altered_quotes"].as_array().unwrap().is_empty(),
        "{rewrite:#}"
    );
    assert_eq!(
        derivations.len(),
        1,
        "only one pair reuses text: {derivations:#?}"
    );
}

#[test]
fn merges_the_two_spellings_and_counts_independent_sources() {
    let (_out, dossier) = analyze_example();
    let entities = dossier["entities"].as_array().unwrap();
    let minister = entities
        .iter()
        .find(|e| {
            e["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == "Andrey Kalmus")
        })
        .expect("an entity for Andrey Kalmus");
    assert!(minister["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Andrei Kalmus"));
    let meeting = dossier["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["type"] == "meet")
        .max_by_key(|e| e["sources"].as_u64())
        .expect("a meeting event");
    assert_eq!(meeting["sources"], 3, "{meeting:#}");
    assert_eq!(meeting["independent_sources"], 2, "{meeting:#}");
}

#[test]
fn resolves_monday_and_a_year_later() {
    let (_out, dossier) = analyze_example();
    let values = |prefix: &str| -> Vec<(String, String)> {
        let article = document(&dossier, prefix);
        article["times"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["value"].as_str().unwrap().to_string(),
                    t["anchor"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let harbour = values("harbour-daily");
    assert!(
        harbour.contains(&("2024-03-11".into(), "document".into())),
        "{harbour:?}"
    );
    assert!(
        harbour.contains(&("2020".into(), "narrative".into())),
        "{harbour:?}"
    );
    assert!(values("coastal-voice").contains(&("2024-03-11".into(), "document".into())));
}

#[test]
fn reports_the_contradicting_visit_dates() {
    let (_out, dossier) = analyze_example();
    let contradictions = dossier["contradictions"].as_array().unwrap();
    let date = contradictions
        .iter()
        .find(|c| c["kind"] == "date")
        .unwrap_or_else(|| panic!("no date contradiction: {contradictions:#?}"));
    let values = side_values(date);
    assert!(
        values.contains(&"2020") && values.iter().any(|v| v.starts_with("2019")),
        "{values:?}"
    );
}

/// A human-readable digest of the example's dossier: what a reader checks first. Reviewed as an
/// insta snapshot, so any change in what the pipeline finds on the example shows up in review.
#[test]
fn digest_snapshot() {
    let (_out, dossier) = analyze_example();
    insta::assert_snapshot!("example_digest", digest(&dossier));
}

fn digest(dossier: &Value) -> String {
    let list = |key: &str| dossier[key].as_array().unwrap().clone();
    let text = |value: &Value| value.as_str().unwrap_or("-").to_string();
    let mut lines = vec!["documents:".to_string()];
    for d in list("documents") {
        lines.push(format!(
            "  {} | {} | {} | {} | {} times",
            text(&d["id"]),
            text(&d["published"]),
            text(&d["outlet"]),
            text(&d["title"]),
            d["times"].as_array().unwrap().len()
        ));
    }
    lines.push("derivations:".into());
    for d in list("derivations") {
        lines.push(format!(
            "  {} <- {} | {} | {} passages | {} altered quotes",
            text(&d["derived"]),
            text(&d["source"]),
            text(&d["kind"]),
            d["evidence"].as_array().unwrap().len(),
            d["altered_quotes"].as_array().unwrap().len()
        ));
    }
    lines.push("lineages:".into());
    for l in list("lineages") {
        lines.push(format!(
            "  {} | origin {} | {}",
            text(&l["id"]),
            text(&l["origin"]),
            l["documents"]
        ));
    }
    lines.push("entities:".into());
    for e in list("entities") {
        lines.push(format!(
            "  {} [{}] {}",
            text(&e["name"]),
            text(&e["type"]),
            e["aliases"]
        ));
    }
    lines.push("events:".into());
    for e in list("events") {
        lines.push(format!(
            "  {} | {} | {} sources, {} independent",
            text(&e["time"]["value"]),
            text(&e["label"]),
            e["sources"],
            e["independent_sources"]
        ));
    }
    lines.push("contradictions:".into());
    for c in list("contradictions") {
        let sides: Vec<String> = c["sides"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| text(&s["value"]))
            .collect();
        lines.push(format!(
            "  {} | {} | {}",
            text(&c["kind"]),
            text(&c["subject"]),
            sides.join(" vs ")
        ));
    }
    lines.join("\n") + "\n"
}
