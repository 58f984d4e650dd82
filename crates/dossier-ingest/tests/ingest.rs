//! End-to-end tests of `ingest_paths`: bad inputs of every kind, formats, ids, and the seeds.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dossier_core::{Document, Severity};
use dossier_ingest::{ingest_paths, IngestConfig, Ingested};

fn ingest(paths: &[&Path]) -> Ingested {
    let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
    ingest_paths(&paths, &IngestConfig::default())
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

/// The single skip reason of ingesting `path` alone.
fn skip_reason(path: &Path) -> String {
    let ingested = ingest(&[path]);
    assert!(
        ingested.documents.is_empty(),
        "expected no document from {path:?}"
    );
    assert_eq!(ingested.skipped.len(), 1, "{:?}", ingested.skipped);
    assert_eq!(ingested.skipped[0].path, path.display().to_string());
    ingested.skipped[0].reason.clone()
}

fn only_document(ingested: &Ingested) -> &Document {
    assert_eq!(
        ingested.documents.len(),
        1,
        "skipped: {:?}",
        ingested.skipped
    );
    &ingested.documents[0].0
}

fn date(s: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
}

mod bad_inputs {
    use super::*;

    #[test]
    fn empty_and_blank_files() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            skip_reason(&write(dir.path(), "empty.txt", b"")),
            "empty file"
        );
        assert_eq!(
            skip_reason(&write(dir.path(), "blank.txt", b" \n\r\n\t ")),
            "empty file"
        );
    }

    #[test]
    fn binary_files() {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = b"some words".to_vec();
        bytes.extend([0, 1, 2, 0, 255, 0]);
        assert_eq!(
            skip_reason(&write(dir.path(), "blob.txt", &bytes)),
            "binary file"
        );
        assert_eq!(
            skip_reason(&write(dir.path(), "named.pdf", b"%PDF-1.4\n%\xE2\xE3")),
            "binary file (PDF document)"
        );
    }

    #[test]
    fn undecodable_bytes() {
        let dir = tempfile::tempdir().unwrap();
        // UTF-16 by its byte-order mark, but made of unpaired surrogates.
        let mut bytes = b"\xFF\xFE".to_vec();
        for _ in 0..50 {
            bytes.extend([0x00, 0xD8, 0x41, 0x00]);
        }
        let reason = skip_reason(&write(dir.path(), "broken.txt", &bytes));
        assert!(
            reason.starts_with("undecodable bytes: 50 of 100 characters"),
            "{reason}"
        );
    }

    #[test]
    fn oversized_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "big.txt", &b"word ".repeat(100));
        let config = IngestConfig {
            max_file_bytes: 100,
        };
        let ingested = ingest_paths(&[path], &config);
        assert!(ingested.documents.is_empty());
        assert_eq!(
            ingested.skipped[0].reason,
            "file is 500 bytes, over the limit of 100 bytes (--max-file-size)"
        );
    }

    #[test]
    fn broken_html() {
        let dir = tempfile::tempdir().unwrap();
        let no_text = write(
            dir.path(),
            "empty.html",
            b"<html><body><div><script>x()</script><span></div></sp",
        );
        assert_eq!(skip_reason(&no_text), "no article text found in HTML");
        // Unclosed tags still give their words.
        let unclosed = write(
            dir.path(),
            "unclosed.html",
            b"<html><body><p>Council <b>votes</p><p>Budget passes",
        );
        let ingested = ingest(&[&unclosed]);
        assert_eq!(
            only_document(&ingested).text,
            "Council votes\n\nBudget passes"
        );
    }

    #[test]
    fn jsonl_good_lines_survive_bad_ones() {
        let dir = tempfile::tempdir().unwrap();
        let lines = [
            r#"{"id": "first", "text": "The council met on Monday.", "published": "2021-03-04"}"#,
            r#"{"text": "broken"#,
            "",
            r#"{"title": "no text"}"#,
            r#"{"maintext": "   "}"#,
            r#"{"maintext": "The budget passed.", "date_publish": "2021-03-05 10:00:00", "source_domain": "www.daily.example"}"#,
        ];
        let path = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
        let ingested = ingest(&[&path]);
        let label = path.display().to_string();
        let docs: Vec<(&str, &str, &str)> = ingested
            .documents
            .iter()
            .map(|(d, _)| (d.id.as_str(), d.path.as_str(), d.text.as_str()))
            .collect();
        assert_eq!(
            docs,
            [
                (
                    "first",
                    format!("{label}#1").as_str(),
                    "The council met on Monday."
                ),
                (
                    "feed-6",
                    format!("{label}#6").as_str(),
                    "The budget passed."
                ),
            ]
        );
        let second = &ingested.documents[1].0;
        assert_eq!(second.meta.published, date("2021-03-05"));
        assert_eq!(second.meta.outlet.as_deref(), Some("daily.example"));
        assert_eq!(second.sha256.len(), 64);
        let skipped: Vec<(String, String)> = ingested
            .skipped
            .iter()
            .map(|s| (s.path.clone(), s.reason.clone()))
            .collect();
        assert_eq!(skipped.len(), 3, "{skipped:?}");
        assert_eq!(skipped[0].0, format!("{label}#2"));
        assert!(
            skipped[0].1.starts_with("invalid JSON: "),
            "{}",
            skipped[0].1
        );
        assert_eq!(
            skipped[1],
            (
                format!("{label}#4"),
                "no text field (expected one of: text, maintext, content, body, article)".into()
            )
        );
        assert_eq!(
            skipped[2],
            (
                format!("{label}#5"),
                "empty text in field \"maintext\"".into()
            )
        );
    }

    #[test]
    fn jsonl_lines_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!(r#"{{"text": "{}"}}"#, "word ".repeat(40));
        let content = format!("{long}\n{{\"text\": \"Short.\"}}\n");
        let path = write(dir.path(), "feed.ndjson", content.as_bytes());
        let ingested = ingest_paths(
            std::slice::from_ref(&path),
            &IngestConfig {
                max_file_bytes: 100,
            },
        );
        assert_eq!(only_document(&ingested).text, "Short.");
        assert_eq!(ingested.skipped[0].path, format!("{}#1", path.display()));
        assert_eq!(
            ingested.skipped[0].reason,
            format!(
                "line is {} bytes, over the limit of 100 bytes (--max-file-size)",
                long.len()
            )
        );
    }

    #[test]
    fn unreadable_paths() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = write(dir.path(), "locked.txt", b"Some words.");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&path).is_ok() {
            // Running as root: permissions do not stop reading, so there is nothing to test.
            return;
        }
        let reason = skip_reason(&path);
        assert!(
            reason.starts_with("cannot read: Permission denied"),
            "{reason}"
        );
    }

    #[test]
    fn missing_paths() {
        let dir = tempfile::tempdir().unwrap();
        let reason = skip_reason(&dir.path().join("nope.txt"));
        assert!(
            reason.starts_with("cannot read: No such file or directory"),
            "{reason}"
        );
    }

    #[test]
    fn windows_1252_text() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = b"Le caf\xe9 de la r\xe9publique\n\nLe maire a d\xe9clar\xe9 \xab\xa0c'est l'\xe9t\xe9\xa0\xbb \x96 et \x93voil\xe0\x94.";
        let ingested = ingest(&[&write(dir.path(), "latin.txt", bytes)]);
        let (document, diagnostics) = &ingested.documents[0];
        assert_eq!(
            document.meta.title.as_deref(),
            Some("Le café de la république")
        );
        assert_eq!(
            document.text,
            "Le maire a déclaré « c'est l'été » – et “voilà”."
        );
        assert!(
            diagnostics.iter().any(|d| d.severity == Severity::Warning
                && d.message.starts_with("decoded as windows-1252")),
            "{diagnostics:?}"
        );
    }

    #[test]
    fn utf16_and_declared_html_charsets() {
        let dir = tempfile::tempdir().unwrap();
        let mut utf16 = b"\xFF\xFE".to_vec();
        utf16.extend("Caffè ristretto.".encode_utf16().flat_map(u16::to_le_bytes));
        let ingested = ingest(&[&write(dir.path(), "wide.txt", &utf16)]);
        let (document, diagnostics) = &ingested.documents[0];
        assert_eq!(document.text, "Caffè ristretto.");
        assert_eq!(
            diagnostics[0].message,
            "decoded as UTF-16LE (byte-order mark)"
        );

        let html = b"<html><head><meta charset=\"koi8-r\"></head><body><p>\xf0\xd2\xc9\xd7\xc5\xd4</p></body></html>";
        let ingested = ingest(&[&write(dir.path(), "cyrillic.html", html)]);
        let (document, diagnostics) = &ingested.documents[0];
        assert_eq!(document.text, "Привет");
        assert_eq!(
            diagnostics[0].message,
            "decoded as KOI8-R (declared by the file)"
        );
    }

    #[test]
    fn header_only_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "stub.txt",
            "date 2023-01-02 loading…\n\nBy Ann Lee\n".as_bytes(),
        );
        assert_eq!(
            skip_reason(&path),
            "no article text left after removing the header lines (title, byline, date, URL)"
        );
    }
}

mod folders {
    use super::*;

    #[test]
    fn walks_sorted_skips_hidden_and_reports_unsupported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.txt", b"Second file.");
        write(dir.path(), "a.md", b"First file.");
        write(dir.path(), "sub/c", b"No extension.");
        write(dir.path(), "photo.png", b"\x89PNG....");
        write(dir.path(), ".DS_Store", b"\0\0\0");
        write(dir.path(), ".git/config", b"[core]");
        let explicit_hidden = write(dir.path(), "other/.notes", b"Named explicitly.");
        let ingested = ingest(&[dir.path(), &explicit_hidden]);
        let ids: Vec<&str> = ingested
            .documents
            .iter()
            .map(|(d, _)| d.id.as_str())
            .collect();
        // The walk passes over `other/.notes`; named explicitly, it is read.
        assert_eq!(ids, ["a", "b", "c", ".notes"]);
        let skipped: Vec<String> = ingested
            .skipped
            .iter()
            .map(|s| format!("{}: {}", s.path, s.reason))
            .collect();
        assert_eq!(
            skipped,
            [format!(
                "{}: unsupported file type .png",
                dir.path().join("photo.png").display()
            )]
        );
    }

    #[test]
    fn same_ids_get_suffixes_and_same_file_twice_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let one = write(dir.path(), "x/story.txt", b"One.");
        let two = write(dir.path(), "y/story.html", b"<p>Two.</p>");
        let three = write(dir.path(), "z/story.md", b"Three.");
        let ingested = ingest(&[&one, &two, &three, &one]);
        let ids: Vec<&str> = ingested
            .documents
            .iter()
            .map(|(d, _)| d.id.as_str())
            .collect();
        assert_eq!(ids, ["story", "story-2", "story-3"]);
        assert_eq!(ingested.skipped.len(), 1);
        assert_eq!(
            ingested.skipped[0].reason,
            "named more than once; read only the first time"
        );
    }

    #[test]
    fn symlink_loops_end_and_folders_named_twice_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a/story.txt", b"Words.");
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/loop")).unwrap();
        let folder = dir.path().join("a");
        let ingested = ingest(&[&folder, &folder]);
        assert_eq!(only_document(&ingested).id, "story");
        let reasons: Vec<&str> = ingested.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(reasons, ["named more than once; read only the first time"]);
    }

    #[test]
    fn explicit_files_are_sniffed_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let html = write(
            dir.path(),
            "page.data",
            b"<!DOCTYPE html><html><body><p>Hello there.</p></body></html>",
        );
        let json = write(
            dir.path(),
            "record.out",
            br#"{"text": "From JSON.", "title": "T"}"#,
        );
        let ingested = ingest(&[&html, &json]);
        let texts: Vec<&str> = ingested
            .documents
            .iter()
            .map(|(d, _)| d.text.as_str())
            .collect();
        assert_eq!(texts, ["Hello there.", "From JSON."]);
    }

    #[test]
    fn json_arrays_are_read_as_records() {
        let dir = tempfile::tempdir().unwrap();
        let path = write(
            dir.path(),
            "batch.json",
            br#"[{"text": "One.", "url": "https://www.daily.example/2022/01/02/one"}, {"title": "none"}]"#,
        );
        let ingested = ingest(&[&path]);
        let document = only_document(&ingested);
        assert_eq!(document.id, "batch-1");
        assert_eq!(document.meta.outlet.as_deref(), Some("daily.example"));
        assert_eq!(document.meta.published, date("2022-01-02"));
        assert_eq!(ingested.skipped[0].path, format!("{}#2", path.display()));
    }
}

mod seeds {
    use super::*;

    const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");

    fn seed_documents() -> Vec<(Document, Vec<dossier_core::Diagnostic>)> {
        let ingested = ingest(&[Path::new(SEEDS)]);
        assert!(ingested.skipped.is_empty(), "{:?}", ingested.skipped);
        ingested.documents
    }

    fn by_prefix<'a>(
        docs: &'a [(Document, Vec<dossier_core::Diagnostic>)],
        prefix: &str,
    ) -> &'a Document {
        &docs
            .iter()
            .find(|(d, _)| d.id.starts_with(prefix))
            .expect("seed document")
            .0
    }

    #[test]
    fn reads_the_four_seeds_with_their_metadata() {
        let docs = seed_documents();
        assert_eq!(docs.len(), 4);
        assert_eq!(by_prefix(&docs, "000_").meta.published, date("2023-11-07"));
        assert_eq!(by_prefix(&docs, "001_").meta.published, date("2023-10-30"));
        assert_eq!(by_prefix(&docs, "002_").meta.published, date("2023-10-09"));
        assert_eq!(by_prefix(&docs, "004_").meta.published, None);

        let d001 = by_prefix(&docs, "001_");
        assert_eq!(
            d001.meta.title.as_deref(),
            Some("Why Russia and Hamas Are Growing Closer")
        );
        assert_eq!(d001.meta.authors, ["Milan Czerny", "Dan Storyev"]);
        assert_eq!(
            d001.meta.url.as_deref(),
            Some("https://www.themoscowtimes.com/2023/10/30/why-russia-and-hamas-are-growing-closer-a82938")
        );
        assert_eq!(d001.meta.outlet.as_deref(), Some("themoscowtimes.com"));

        let d004 = by_prefix(&docs, "004_");
        let raw004 = fs::read_to_string(Path::new(SEEDS).join(format!("{}.txt", d004.id))).unwrap();
        assert_eq!(
            d004.meta.title.as_deref(),
            raw004.lines().next().map(str::trim)
        );
        assert!(
            d004.text.starts_with("Despite publicly declaring"),
            "{}",
            &d004.text[..80]
        );

        assert!(by_prefix(&docs, "002_")
            .text
            .starts_with("Does Russia have relations with Hamas?"));
        for (document, _) in &docs {
            assert_eq!(
                document.meta.language.as_deref(),
                Some("en"),
                "{}",
                document.id
            );
            for junk in ["<u>", "loading…", "Original url", "## ", "**"] {
                assert!(
                    !document.text.contains(junk),
                    "{} contains {junk:?}",
                    document.id
                );
            }
            assert!(!document.text.contains("\n\n\n"), "{}", document.id);
        }
    }

    #[test]
    fn seed_header_lines_leave_the_text() {
        let docs = seed_documents();
        let d001 = by_prefix(&docs, "001_");
        assert!(
            d001.text.starts_with("The Kremlin purports"),
            "{}",
            &d001.text[..80]
        );
        assert!(!d001.text.contains("By Milan"));
        assert!(!d001.text.contains("themoscowtimes.com/2023"));
        let d000 = by_prefix(&docs, "000_");
        assert!(
            d000.text.starts_with("GAZA – The Kremlin"),
            "{}",
            &d000.text[..80]
        );
    }
}
