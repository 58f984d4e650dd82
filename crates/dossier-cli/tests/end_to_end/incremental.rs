//! Adding articles to an existing dossier, and surviving a killed run.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::{analyze_ok, read_json, stderr};

fn write_articles(dir: &Path, prefix: &str, count: usize) {
    for i in 0..count {
        let text = format!(
            "## Report {prefix} {i}\n\nMarch {}, 2024\n\nThe council of Tartu met on Monday to discuss bridge number {i}. \
             Mayor Anna Kivi said the {prefix} works would start in May {}.\n",
            1 + i % 28,
            2025 + i % 3
        );
        fs::write(dir.join(format!("{prefix}-{i:04}.txt")), text).unwrap();
    }
}

fn document_count(out: &Path) -> usize {
    read_json(out)["documents"].as_array().unwrap().len()
}

#[test]
fn a_second_run_adds_documents_without_rereading_the_old_ones() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(first.path(), "north", 3);
    write_articles(second.path(), "south", 2);
    analyze_ok(&[first.path()], out.path());
    assert_eq!(document_count(out.path()), 3);

    let output = analyze_ok(&[first.path(), second.path()], out.path());
    assert_eq!(document_count(out.path()), 5);
    let summary = stderr(&output);
    assert!(
        summary.contains("read 2 new document(s) (3 already in the dossier)"),
        "{summary}"
    );
}

#[test]
fn a_killed_run_leaves_a_store_the_next_run_finishes() {
    let input = tempfile::tempdir().unwrap();
    write_articles(input.path(), "east", 400);
    for delay_ms in [30, 120, 400] {
        let out = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["analyze", "--quiet", "--out"])
            .arg(out.path())
            .arg(input.path())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        analyze_ok(&[input.path()], out.path());
        assert_eq!(
            document_count(out.path()),
            400,
            "after a kill at {delay_ms} ms"
        );
    }
}

#[test]
fn documents_stored_by_another_analysis_are_analyzed_again() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    write_articles(input.path(), "west", 2);
    analyze_ok(&[input.path()], out.path());
    let unchanged = analyze_ok(&[input.path()], out.path());
    assert!(!stderr(&unchanged).contains("analyzing them again"));

    let mut store = dossier_store::Store::open(&out.path().join("dossier.sqlite")).unwrap();
    store.set_analysis_fingerprint("an older analysis").unwrap();
    drop(store);
    let output = analyze_ok(&[input.path()], out.path());
    assert!(stderr(&output).contains("the 2 stored document(s) were analyzed by another version"));
    assert_eq!(document_count(out.path()), 2);
    let again = analyze_ok(&[input.path()], out.path());
    assert!(
        !stderr(&again).contains("analyzing them again"),
        "the fingerprint is recorded"
    );
}
