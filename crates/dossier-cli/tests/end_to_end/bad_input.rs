//! Bad input: each case gets a clear message naming the file, is listed under `skipped`, and
//! the run goes on (DESIGN.md, "What users get on bad input").

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::support::{analyze, analyze_ok, read_json, stderr};

const GOOD_ARTICLE: &str = "## A harbour reopens\n\nMarch 3, 2024\n\nThe harbour of Pärnu reopened on Monday after a storm, officials said.\n";

/// Writes `name` with `bytes` into `dir` beside one good article, runs the analysis and returns
/// the `skipped` entry for `name` and the run's stderr.
fn skipped_entry(name: &str, bytes: &[u8]) -> (Value, String) {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(input.path().join("good.txt"), GOOD_ARTICLE).unwrap();
    fs::write(input.path().join(name), bytes).unwrap();
    let output = analyze_ok(&[input.path()], out.path());
    (find_skipped(&read_json(out.path()), name), stderr(&output))
}

fn find_skipped(dossier: &Value, name: &str) -> Value {
    assert_eq!(
        dossier["documents"].as_array().unwrap().len(),
        1,
        "the good article is read"
    );
    dossier["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["path"].as_str().unwrap().contains(name))
        .unwrap_or_else(|| panic!("{name} not listed in skipped: {:#}", dossier["skipped"]))
        .clone()
}

fn check(name: &str, bytes: &[u8], reason_mentions: &str) {
    let (entry, stderr) = skipped_entry(name, bytes);
    let reason = entry["reason"].as_str().unwrap().to_lowercase();
    assert!(
        reason.contains(reason_mentions),
        "{name}: reason {reason:?} lacks {reason_mentions:?}"
    );
    assert!(
        stderr.contains(name),
        "{name} is not named on stderr: {stderr}"
    );
}

#[test]
fn empty_file() {
    check("empty.txt", b"", "empty");
    check("blank.txt", b"  \n\n \t\n", "empty");
}

#[test]
fn binary_file() {
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    bytes.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    check("picture.txt", &bytes, "binary");
}

#[test]
fn undecodable_bytes() {
    // A UTF-8 byte-order mark followed by bytes that are not UTF-8 at all.
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend((0..400u32).map(|i| [0xC3, 0x28, 0xA0, 0xE2, 0x82][i as usize % 5]));
    check("garbled.txt", &bytes, "undecodable");
}

#[test]
fn oversized_file() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(input.path().join("good.txt"), GOOD_ARTICLE).unwrap();
    fs::write(input.path().join("huge.txt"), "word ".repeat(100_000)).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["analyze", "--max-file-size", "10000", "--out"])
        .arg(out.path())
        .arg(input.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let entry = find_skipped(&read_json(out.path()), "huge.txt");
    assert!(
        entry["reason"].as_str().unwrap().contains("limit"),
        "{entry}"
    );
}

#[test]
fn broken_html_without_text() {
    check(
        "broken.html",
        b"<html><head><script>var a = '<p>';</script><nav>Home</nav>",
        "html",
    );
}

#[test]
fn jsonl_bad_lines_are_skipped_and_good_lines_read() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "first", "text": "The council met on Monday in Tartu.", "published": "2024-03-04"}"#,
        r#"{"id": "broken", "text": "#,
        r#"{"id": "no-text", "title": "Only a title"}"#,
        r#"{"maintext": "The mayor of Tartu opened a bridge on Friday.", "date_publish": "2024-03-01 10:00:00", "source_domain": "example.org"}"#,
    ];
    fs::write(input.path().join("feed.jsonl"), lines.join("\n")).unwrap();
    let output = analyze_ok(&[input.path()], out.path());
    let dossier = read_json(out.path());
    assert_eq!(
        dossier["documents"].as_array().unwrap().len(),
        2,
        "{}",
        stderr(&output)
    );
    let skipped: Vec<&str> = dossier["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert!(
        skipped.iter().any(|p| p.ends_with("feed.jsonl#2")),
        "{skipped:?}"
    );
    assert!(
        skipped.iter().any(|p| p.ends_with("feed.jsonl#3")),
        "{skipped:?}"
    );
}

#[test]
fn missing_path_is_reported_and_the_run_goes_on() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(input.path().join("good.txt"), GOOD_ARTICLE).unwrap();
    let missing = input.path().join("no-such-file.txt");
    let output = analyze_ok(&[&input.path().join("good.txt"), &missing], out.path());
    assert!(stderr(&output).contains("no-such-file.txt"));
    find_skipped(&read_json(out.path()), "no-such-file.txt");
}

#[cfg(unix)]
#[test]
fn unreadable_path_is_reported() {
    // A dangling symbolic link cannot be read even by root (permission bits would not stop it).
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(input.path().join("good.txt"), GOOD_ARTICLE).unwrap();
    std::os::unix::fs::symlink(
        input.path().join("gone.txt"),
        input.path().join("dangling.txt"),
    )
    .unwrap();
    let output = analyze_ok(&[input.path()], out.path());
    assert!(stderr(&output).contains("dangling.txt"));
    find_skipped(&read_json(out.path()), "dangling.txt");
}

#[test]
fn nothing_readable_exits_non_zero_with_a_message() {
    let input = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    fs::write(input.path().join("empty.txt"), "").unwrap();
    let output = analyze(&[input.path(), Path::new("/no/such/dir")], out.path());
    assert!(!output.status.success());
    let message = stderr(&output);
    assert!(
        message.contains("empty.txt") && message.contains("/no/such/dir"),
        "{message}"
    );
    assert!(message.contains("no article could be read"), "{message}");
}
