//! Issue 3: the time expressions DESIGN.md quotes from the seed articles resolve correctly
//! through the whole pipeline (ingest's publication dates included).

use crate::support::{analyze_ok, document, read_json, seeds_dir, text_at};

#[test]
fn quoted_expressions_resolve_on_the_seeds() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[&seeds_dir()], out.path());
    let dossier = read_json(out.path());
    let check = |prefix: &str, surface: &str, value: &str, anchor: &str| {
        let article = document(&dossier, prefix);
        let found: Vec<(String, String, String)> = article["times"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let text = text_at(
                    article,
                    t["start"].as_u64().unwrap(),
                    t["end"].as_u64().unwrap(),
                );
                (
                    text,
                    t["value"].as_str().unwrap().into(),
                    t["anchor"].as_str().unwrap().into(),
                )
            })
            .collect();
        assert!(
            found
                .iter()
                .any(|(text, v, a)| text == surface && v == value && a == anchor),
            "{prefix}: no {surface:?} = {value} ({anchor}) among {found:#?}"
        );
    };
    check("004_", "March 2006", "2006-03", "absolute");
    check("002_", "January 31 of that year", "2006-01-31", "narrative");
    check("001_", "A year later", "2007", "narrative");
    check("000_", "A year later", "2007", "narrative");
    check("002_", "Saturday", "2023-10-07", "document");
    check("000_", "the night before", "2023-10-06TNI", "narrative");
    check("004_", "the end of October 2023", "2023-10", "absolute");
    check("004_", "three weeks", "P3W", "absolute");
    check("001_", "the mid-2000s", "200", "absolute");
    check("004_", "2006", "2006", "absolute");
    check("001_", "the past two decades", "P2DE", "absolute");
    check("000_", "October 7", "2023-10-07", "document");
}
