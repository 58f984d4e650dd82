//! Running the `dossier` binary and reading what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// The seed corpus beside the checkout.
pub fn seeds_dir() -> PathBuf {
    workspace_root().join("../shared/corpus/seeds")
}

/// Runs `dossier analyze PATHS --out OUT --quiet` and returns its output.
pub fn analyze(paths: &[&Path], out: &Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.arg("analyze").args(paths).arg("--out").arg(out);
    command.output().expect("dossier runs")
}

/// Like [`analyze`], but fails the test unless the run succeeded.
pub fn analyze_ok(paths: &[&Path], out: &Path) -> Output {
    let output = analyze(paths, out);
    assert!(
        output.status.success(),
        "dossier analyze failed: {}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The parsed `dossier.json` in `out`.
pub fn read_json(out: &Path) -> Value {
    let text = std::fs::read_to_string(out.join("dossier.json")).expect("dossier.json written");
    serde_json::from_str(&text).expect("dossier.json is JSON")
}

/// The document whose id starts with `prefix`.
pub fn document<'a>(dossier: &'a Value, prefix: &str) -> &'a Value {
    let documents = dossier["documents"].as_array().expect("documents array");
    let mut found = documents
        .iter()
        .filter(|d| d["id"].as_str().unwrap().starts_with(prefix));
    let document = found
        .next()
        .unwrap_or_else(|| panic!("no document id starts with {prefix}"));
    assert!(
        found.next().is_none(),
        "several document ids start with {prefix}"
    );
    document
}

/// The text a `[start, end)` code-point range covers in a document's text.
pub fn text_at(document: &Value, start: u64, end: u64) -> String {
    document["text"]
        .as_str()
        .unwrap()
        .chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The values of a contradiction's sides, in order.
pub fn side_values(contradiction: &Value) -> Vec<&str> {
    contradiction["sides"]
        .as_array()
        .expect("sides array")
        .iter()
        .map(|s| s["value"].as_str().expect("a side's value"))
        .collect()
}
