//! Reading the user gazetteers given with `--gazetteer` into one [`UserGazetteer`].
//!
//! A gazetteer is a CSV or TSV file (by its extension `.csv` or `.tsv`, else by whether its
//! first data line has a tab), one entry per line: canonical name, type (PERSON or PER, ORG,
//! GPE, LOC, NORP, MISC, in any case), then aliases, separated by `|` or `;` within the third
//! field or given as further fields. Lines starting with `#` and blank lines are skipped; a
//! first line whose type field says `type` or `kind` is a header.
//!
//! Key decision: a bad file stops the run before any work, with the file, the line and the
//! reason. The user asked for these names explicitly; a dossier quietly made without some of
//! them would look right and be wrong.

use std::fmt;
use std::path::{Path, PathBuf};

use dossier_core::{EntityKind, GazetteerEntry, UserGazetteer};

/// Why a gazetteer file could not be used.
#[derive(Debug)]
pub struct GazetteerError {
    path: PathBuf,
    /// The 1-based line the problem is on, when it is on one.
    line: Option<u64>,
    reason: String,
}

impl fmt::Display for GazetteerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "gazetteer {}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for GazetteerError {}

/// The types a gazetteer may give, as help and error messages list them.
const TYPES: &str = "PERSON (or PER), ORG, GPE, LOC, NORP or MISC";

/// Reads the gazetteers in order; their entries keep the order of the files and lines.
pub fn read_all(paths: &[PathBuf]) -> Result<UserGazetteer, GazetteerError> {
    let mut gazetteer = UserGazetteer::default();
    for path in paths {
        gazetteer.entries.extend(read(path)?);
    }
    Ok(gazetteer)
}

fn read(path: &Path) -> Result<Vec<GazetteerEntry>, GazetteerError> {
    let error = |line, reason: String| GazetteerError {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let bytes = std::fs::read(path).map_err(|e| error(None, format!("cannot read it: {e}")))?;
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        error(Some(line as u64), "not UTF-8 text".into())
    })?;
    let source = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into(),
    );
    let entries = parse(text, delimiter(path, text), &source)
        .map_err(|(line, reason)| error(Some(line), reason))?;
    if entries.is_empty() {
        return Err(error(
            None,
            "no entries (expected lines of: canonical name, type, aliases)".into(),
        ));
    }
    Ok(entries)
}

/// A comma or a tab: by extension, else by the first data line.
fn delimiter(path: &Path, text: &str) -> u8 {
    let extension = path.extension().map(|e| e.to_ascii_lowercase());
    match extension.as_ref().and_then(|e| e.to_str()) {
        Some("csv") => b',',
        Some("tsv") => b'\t',
        _ => {
            let first = text
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty() && !l.starts_with('#'));
            if first.is_some_and(|l| l.contains('\t')) {
                b'\t'
            } else {
                b','
            }
        }
    }
}

/// The entries of one file's text, or the line and reason of its first bad line.
fn parse(text: &str, delimiter: u8, source: &str) -> Result<Vec<GazetteerEntry>, (u64, String)> {
    let text = text.trim_start_matches('\u{feff}');
    let line_at = |position: Option<&csv::Position>| {
        line_of_record(text, position.map_or(0, |p| p.byte() as usize))
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .comment(Some(b'#'))
        // TSV has no quoting: a quote mark is part of the name.
        .quoting(delimiter == b',')
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut entries = Vec::new();
    for (n, record) in reader.records().enumerate() {
        let record = record.map_err(|e| (line_at(e.position()), e.to_string()))?;
        let line = line_at(record.position());
        let fields: Vec<&str> = record.iter().collect();
        if fields.iter().all(|f| f.is_empty()) || (n == 0 && is_header(&fields)) {
            continue;
        }
        entries.push(entry(&fields, source).map_err(|reason| (line, reason))?);
    }
    Ok(entries)
}

/// The 1-based line of the record the reader places at byte `at`. The reader places a record
/// where the previous one ended, so the blank and comment lines in between are skipped here.
fn line_of_record(text: &str, mut at: usize) -> u64 {
    while let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        let line = rest.split_inclusive('\n').next().unwrap_or(rest);
        if !line.trim().is_empty() && !line.starts_with('#') {
            break;
        }
        at += line.len();
    }
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
        + 1
}

/// True for a header line: its type field says "type" or "kind".
fn is_header(fields: &[&str]) -> bool {
    fields
        .get(1)
        .is_some_and(|f| f.eq_ignore_ascii_case("type") || f.eq_ignore_ascii_case("kind"))
}

/// One entry from the fields of its line.
fn entry(fields: &[&str], source: &str) -> Result<GazetteerEntry, String> {
    let canonical = fields.first().copied().unwrap_or_default();
    if canonical.is_empty() {
        return Err("no canonical name in the first field".into());
    }
    let kind = match fields.get(1).copied().unwrap_or_default() {
        "" => return Err(format!("no type in the second field (expected {TYPES})")),
        label => {
            kind_of(label).ok_or_else(|| format!("unknown type {label:?} (expected {TYPES})"))?
        }
    };
    let mut aliases: Vec<String> = Vec::new();
    for alias in fields.iter().skip(2).flat_map(|f| f.split(['|', ';'])) {
        let alias = alias.trim();
        if !alias.is_empty() && alias != canonical && !aliases.iter().any(|a| a == alias) {
            aliases.push(alias.to_string());
        }
    }
    Ok(GazetteerEntry {
        canonical: canonical.to_string(),
        kind,
        aliases,
        source: source.to_string(),
    })
}

fn kind_of(label: &str) -> Option<EntityKind> {
    match label.to_ascii_uppercase().as_str() {
        "PER" => Some(EntityKind::Person),
        label => EntityKind::from_label(label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries of `text` as "TYPE canonical = alias | alias" lines, or the error.
    fn parsed(text: &str, delimiter: u8) -> Result<Vec<String>, (u64, String)> {
        let entries = parse(text, delimiter, "test")?;
        Ok(entries
            .iter()
            .map(|e| {
                format!(
                    "{} {} = {}",
                    e.kind.label(),
                    e.canonical,
                    e.aliases.join(" | ")
                )
            })
            .collect())
    }

    #[test]
    fn csv_with_header_comments_quotes_and_alias_separators() {
        let text = "\u{feff}name,type,aliases\n\
                    # a comment\n\
                    \n\
                    Ford Motor Company, org, Ford|FoMoCo\n\
                    \"Varnaby, Olek\",PER,O. Varnaby;the Pilot\n\
                    Kyiv,GPE,Kiev,Kiew\n\
                    Hamas,ORG\n";
        assert_eq!(
            parsed(text, b',').unwrap(),
            [
                "ORG Ford Motor Company = Ford | FoMoCo",
                "PERSON Varnaby, Olek = O. Varnaby | the Pilot",
                "GPE Kyiv = Kiev | Kiew",
                "ORG Hamas = ",
            ]
        );
    }

    #[test]
    fn tsv_without_header_keeps_quote_marks_and_drops_repeated_aliases() {
        let text = "The \"Fox\" Inn\tLOC\tFox Inn|Fox Inn|The \"Fox\" Inn\nNorth Sea\tloc\n";
        assert_eq!(
            parsed(text, b'\t').unwrap(),
            ["LOC The \"Fox\" Inn = Fox Inn", "LOC North Sea = "]
        );
    }

    #[test]
    fn bad_lines_are_named_with_their_reason() {
        let unknown = parsed("Kyiv,GPE\n# comment\nOslo,CITY,Christiania\n", b',');
        let (line, reason) = unknown.unwrap_err();
        assert_eq!(line, 3);
        assert!(reason.contains("unknown type \"CITY\""), "{reason}");
        assert!(reason.contains("PERSON (or PER), ORG, GPE"), "{reason}");
        assert_eq!(parsed(",ORG,Acme\n", b',').unwrap_err().0, 1);
        let after_blanks = parsed("Kyiv\tGPE\n\n# c\n\nOslo\tcity\n", b'\t');
        assert_eq!(after_blanks.unwrap_err().0, 5);
        let (line, reason) = parsed("Kyiv,GPE\nOslo\n", b',').unwrap_err();
        assert_eq!((line, reason.starts_with("no type")), (2, true));
    }

    #[test]
    fn the_delimiter_comes_from_the_extension_else_the_first_data_line() {
        let tabbed = "# names\nKyiv\tGPE\tKiev, Kiew\n";
        assert_eq!(delimiter(Path::new("names.csv"), tabbed), b',');
        assert_eq!(delimiter(Path::new("names.TSV"), "a,b"), b'\t');
        assert_eq!(delimiter(Path::new("names.txt"), tabbed), b'\t');
        assert_eq!(delimiter(Path::new("names"), "Kyiv,GPE"), b',');
    }

    #[test]
    fn files_that_cannot_be_used_are_errors_naming_them() {
        let dir = tempfile::tempdir().unwrap();
        let message = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            read_all(&[path]).unwrap_err().to_string()
        };
        let latin1 = message("latin1.tsv", b"Kyiv\tGPE\nM\xfcnchen\tGPE\n");
        assert!(
            latin1.ends_with("latin1.tsv, line 2: not UTF-8 text"),
            "{latin1}"
        );
        let empty = message("empty.csv", b"name,type\n# nothing yet\n");
        assert!(
            empty.ends_with(
                "empty.csv: no entries (expected lines of: canonical name, type, aliases)"
            ),
            "{empty}"
        );
        let missing = read_all(&[dir.path().join("missing.tsv")])
            .unwrap_err()
            .to_string();
        assert!(missing.contains("missing.tsv: cannot read it"), "{missing}");
    }

    #[test]
    fn the_bundled_example_reads() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/gazetteer.tsv");
        let gazetteer = read_all(&[path]).unwrap();
        assert_eq!(gazetteer.entries.len(), 7);
        let kalmus = &gazetteer.entries[1];
        assert_eq!(kalmus.canonical, "Andrei Kalmus");
        assert_eq!(kalmus.kind, EntityKind::Person);
        assert_eq!(kalmus.aliases, ["Andrey Kalmus", "A. Kalmus"]);
        assert_eq!(kalmus.source, "gazetteer.tsv");
    }

    #[test]
    fn entries_of_several_files_keep_their_order_and_source() {
        let dir = tempfile::tempdir().unwrap();
        let first = dir.path().join("people.tsv");
        let second = dir.path().join("places.csv");
        std::fs::write(&first, "Olek Varnaby\tPERSON\n").unwrap();
        std::fs::write(&second, "Kyiv,GPE,Kiev\n").unwrap();
        let gazetteer = read_all(&[first, second]).unwrap();
        let got: Vec<(&str, &str)> = gazetteer
            .entries
            .iter()
            .map(|e| (e.canonical.as_str(), e.source.as_str()))
            .collect();
        assert_eq!(
            got,
            [("Olek Varnaby", "people.tsv"), ("Kyiv", "places.csv")]
        );
    }
}
