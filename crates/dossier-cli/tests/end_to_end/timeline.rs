//! `dossier timeline`: the terminal view of events, sources and contradictions.

use std::process::Command;

use crate::support::{analyze_ok, stderr};

/// Runs `dossier timeline ARGS` and returns (success, stdout, stderr).
fn timeline(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("timeline")
        .args(args)
        .output()
        .expect("dossier runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr(&output),
    )
}

/// Two invented articles that date one visit differently and describe one director's kinship
/// differently.
fn invented_dossier() -> tempfile::TempDir {
    let input = tempfile::tempdir().unwrap();
    std::fs::write(
        input.path().join("a.txt"),
        "date 2021-05-02\n\nIn March 2019, Anna Berg visited Ostrava and met Tomas Lind.\n\n\
         The Nordhall Institute opened in Ostrava in 2015. The director is a nephew of Karel Svoboda.\n",
    )
    .unwrap();
    std::fs::write(
        input.path().join("b.txt"),
        "date 2021-06-10\n\nIn April 2018, Anna Berg visited Ostrava and met Tomas Lind.\n\n\
         Back then, they opened the Nordhall Institute, a research centre in Ostrava. It is headed \
         by the grandson of Karel Svoboda.\n",
    )
    .unwrap();
    input
}

#[test]
fn prints_events_with_sources_and_contradictions() {
    let input = invented_dossier();
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[input.path()], out.path());
    let dir = out.path().to_str().unwrap();
    let (ok, text, err) = timeline(&[dir]);
    assert!(ok, "{err}");
    assert!(text.contains("Anna Berg"), "{text}");
    assert!(text.contains("source"), "{text}");
    assert!(
        text.contains("[attribute]"),
        "the kinship contradiction is listed:\n{text}"
    );
    assert!(
        text.contains("nephew (a)") && text.contains("grandson (b)"),
        "{text}"
    );
}

#[test]
fn filters_by_entity_and_type() {
    let input = invented_dossier();
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[input.path()], out.path());
    let dir = out.path().to_str().unwrap();
    let (ok, text, _) = timeline(&[dir, "--entity", "tomas"]);
    assert!(ok);
    assert!(text.contains("Tomas Lind"), "{text}");
    let (ok, text, _) = timeline(&[dir, "--type", "no_such_type"]);
    assert!(ok);
    assert!(text.contains("no events match"), "{text}");
    assert!(text.contains("0 of "), "{text}");
}

#[test]
fn a_folder_without_a_dossier_is_a_clear_error() {
    let empty = tempfile::tempdir().unwrap();
    let (ok, _, err) = timeline(&[empty.path().to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("no dossier in") && err.contains("dossier analyze"),
        "{err}"
    );
}

#[test]
fn the_seed_timeline_marks_the_disputed_visit() {
    let out = tempfile::tempdir().unwrap();
    analyze_ok(&[crate::support::seeds_dir().as_path()], out.path());
    let (ok, text, err) = timeline(&[out.path().to_str().unwrap(), "--entity", "Mashal"]);
    assert!(ok, "{err}");
    assert!(
        text.lines().any(|l| l.contains("! C")
            && l.contains("[date]")
            && l.contains("2006")
            && l.contains("2007")),
        "{text}"
    );
}
