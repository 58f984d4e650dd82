//! Store tests: round trip of every field, replacement, skipped bookkeeping, atomicity, the
//! stored analysis (fingerprint and user gazetteer), migrations of older schemas and the
//! refusal of files that are not stores.

use chrono::NaiveDate;
use dossier_core::{
    AnalyzedDocument, Anchor, Annotations, AttributeClaim, AttributeValue, Claim, ClaimTime, Count,
    CountBound, Diagnostic, Document, EntityKind, GazetteerEntry, Mention, Metadata, Modality,
    Participant, Position, Quote, Role, Severity, Skipped, Span, TimeExpr, TimeKind, UserGazetteer,
};
use tempfile::TempDir;

use super::schema::SCHEMA_VERSION;
use super::{Analysis, Store, StoreError};

/// A document with every field and every enum variant set.
fn full(id: &str) -> AnalyzedDocument {
    let text = "Milàn Czerny said “we met in Rome” — in March 2006. A year later, talks failed.";
    let at = |needle: &str| {
        let start = text.find(needle).unwrap();
        Span::new(start, start + needle.len())
    };
    let kinds = [
        EntityKind::Person,
        EntityKind::Org,
        EntityKind::Gpe,
        EntityKind::Loc,
        EntityKind::Norp,
        EntityKind::Misc,
    ];
    let mentions = kinds
        .iter()
        .enumerate()
        .map(|(i, &kind)| Mention {
            span: Span::new(i, i + 1),
            kind,
            canonical: format!("name {i}"),
        })
        .chain([Mention {
            span: at("Milàn Czerny"),
            kind: EntityKind::Person,
            canonical: "Milàn Czerny".into(),
        }])
        .collect();
    let times = vec![
        TimeExpr {
            span: at("March 2006"),
            kind: TimeKind::Date,
            value: "2006-03".into(),
            anchor: Anchor::Absolute,
            anchored_to: None,
        },
        TimeExpr {
            span: at("A year later"),
            kind: TimeKind::Date,
            value: "2007".into(),
            anchor: Anchor::Narrative,
            anchored_to: Some(at("March 2006")),
        },
        TimeExpr {
            span: at("year"),
            kind: TimeKind::Duration,
            value: "P1Y".into(),
            anchor: Anchor::Document,
            anchored_to: None,
        },
        TimeExpr {
            span: at("talks"),
            kind: TimeKind::Set,
            value: "XXXX".into(),
            anchor: Anchor::Absolute,
            anchored_to: None,
        },
        TimeExpr {
            span: at("failed"),
            kind: TimeKind::Time,
            value: "T10:00".into(),
            anchor: Anchor::Absolute,
            anchored_to: None,
        },
    ];
    let quotes = vec![
        Quote {
            span: at("we met in Rome"),
            speaker: Some("Milàn Czerny".into()),
            speaker_span: Some(at("Milàn Czerny")),
        },
        Quote {
            span: at("talks"),
            speaker: None,
            speaker_span: None,
        },
    ];
    let modalities = [
        Modality::Asserted,
        Modality::Reported,
        Modality::Alleged,
        Modality::Denied,
        Modality::Uncertain,
    ];
    let claims = modalities
        .iter()
        .enumerate()
        .map(|(i, &modality)| Claim {
            sentence: i % 2,
            event_type: format!("meet{i}"),
            trigger: at("met"),
            participants: vec![
                Participant {
                    mention: at("Milàn Czerny"),
                    role: Role::Agent,
                },
                Participant {
                    mention: at("Rome"),
                    role: Role::Patient,
                },
                Participant {
                    mention: at("talks"),
                    role: Role::Recipient,
                },
            ],
            time: (i != 1).then(|| ClaimTime {
                span: at("March 2006"),
                value: "2006-03".into(),
                anchor: Anchor::Narrative,
            }),
            place: (i == 0).then(|| at("Rome")),
            speaker: (i == 0).then(|| "Milàn Czerny".to_string()),
            modality,
        })
        .collect();
    AnalyzedDocument {
        document: Document {
            id: id.into(),
            path: format!("/in/{id}.txt"),
            sha256: format!("{id:0>64}"),
            text: text.into(),
            meta: Metadata {
                title: Some("Talks “fail”".into()),
                published: NaiveDate::from_ymd_opt(2023, 11, 7),
                authors: vec!["B Author".into(), "A Author".into(), "".into()],
                outlet: Some("example.org".into()),
                url: Some("https://example.org/a?b=c".into()),
                language: Some("en".into()),
            },
        },
        annotations: Annotations {
            sentences: vec![
                at("Milàn Czerny said “we met in Rome” — in March 2006."),
                at("A year later, talks failed."),
            ],
            mentions,
            times,
            quotes,
        },
        claims,
        attributes: vec![
            AttributeClaim {
                sentence: 0,
                span: Span::new(0, 3),
                holder: None,
                position: Some(Position {
                    role: "head".into(),
                    of: Span::new(4, 6),
                }),
                value: AttributeValue::Kinship {
                    relation: "nephew".into(),
                    relative: Span::new(1, 2),
                },
                speaker: Some("a witness".into()),
                modality: Modality::Reported,
            },
            AttributeClaim {
                sentence: 0,
                span: Span::new(0, 5),
                holder: Some(Span::new(0, 2)),
                position: None,
                value: AttributeValue::Role {
                    role: "deputy head".into(),
                    of: None,
                },
                speaker: None,
                modality: Modality::Asserted,
            },
            AttributeClaim {
                sentence: 0,
                span: Span::new(2, 5),
                holder: None,
                position: None,
                value: AttributeValue::Count(Count {
                    value: 1033,
                    bound: CountBound::AtLeast,
                    what: "civilians".into(),
                    event_type: "kill".into(),
                }),
                speaker: None,
                modality: Modality::Uncertain,
            },
        ],
        diagnostics: vec![
            Diagnostic::info("no byline"),
            Diagnostic {
                severity: Severity::Warning,
                message: "odd ‘quote’".into(),
                span: Some(at("Rome")),
            },
        ],
    }
}

/// A document with nothing but the required fields.
fn bare(id: &str, path: &str) -> AnalyzedDocument {
    AnalyzedDocument::unanalyzed(Document {
        id: id.into(),
        path: path.into(),
        sha256: "ab".into(),
        text: String::new(),
        meta: Metadata::default(),
    })
}

fn skip(path: &str, reason: &str) -> Skipped {
    Skipped {
        path: path.into(),
        reason: reason.into(),
    }
}

fn temp() -> (TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.sqlite");
    (dir, path)
}

#[test]
fn round_trip_keeps_every_field() {
    let (_dir, path) = temp();
    let docs = vec![full("b"), bare("a", "/in/a.txt"), full("c")];
    Store::open(&path).unwrap().add(&docs, &[]).unwrap();
    // Reopen: what is read comes from the file, not from a cache.
    let read = Store::open(&path).unwrap().documents().unwrap();
    let mut expected = docs.clone();
    expected.sort_by(|x, y| x.document.id.cmp(&y.document.id));
    assert_eq!(read, expected);
}

#[test]
fn adding_an_existing_id_replaces_all_its_rows() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    store.add(&[full("x")], &[]).unwrap();
    let mut smaller = bare("x", "/in/x2.txt");
    smaller.document.text = "new".into();
    store.add(&[smaller.clone()], &[]).unwrap();
    assert_eq!(store.documents().unwrap(), vec![smaller]);
    let leftover: i64 = store
        .connection
        .query_row("SELECT count(*) FROM claim_participants", [], |r| r.get(0))
        .unwrap();
    assert_eq!(leftover, 0);
}

#[test]
fn skipped_inputs_are_kept_sorted_and_forgotten_once_ingested() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    store
        .add(
            &[],
            &[
                skip("z.bin", "binary file"),
                skip("a.txt", "empty file"),
                skip("f.jsonl#3", "broken JSON"),
            ],
        )
        .unwrap();
    store
        .add(&[bare("a", "a.txt")], &[skip("z.bin", "still binary")])
        .unwrap();
    assert_eq!(
        store.skipped().unwrap(),
        vec![
            skip("f.jsonl#3", "broken JSON"),
            skip("z.bin", "still binary")
        ]
    );
}

#[test]
fn ids_and_hashes_are_queryable() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    store.add(&[full("b"), full("a")], &[]).unwrap();
    assert_eq!(
        store.document_ids().unwrap(),
        vec!["a".to_string(), "b".to_string()]
    );
    assert!(store.contains_sha256(&full("a").document.sha256).unwrap());
    assert!(!store.contains_sha256("ab").unwrap());
}

#[test]
fn a_failing_add_writes_nothing() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    store.add(&[full("old")], &[]).unwrap();
    // Make the insert of one particular document fail half-way through the call.
    store
        .connection
        .execute_batch("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END;")
        .unwrap();
    let error = store
        .add(&[full("new"), full("bad")], &[skip("s", "r")])
        .unwrap_err();
    assert!(error.to_string().contains("refused"), "{error}");
    assert_eq!(store.document_ids().unwrap(), vec!["old".to_string()]);
    assert!(store.skipped().unwrap().is_empty());
}

#[test]
fn refuses_files_that_are_not_stores() {
    let (dir, path) = temp();
    std::fs::write(
        &path,
        "just some text, certainly not SQLite, long enough to have a header ....",
    )
    .unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::NotAStore { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.starts_with(&format!("{} is not a dossier store: ", path.display())),
        "{message}"
    );

    let other = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x)")
        .unwrap();
    let error = Store::open(&other).unwrap_err();
    assert!(
        error.to_string().contains("is not a dossier store"),
        "{error}"
    );

    let newer = dir.path().join("newer.sqlite");
    rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let error = Store::open(&newer).unwrap_err();
    assert!(
        matches!(error, StoreError::NewerSchema { found: 99, .. }),
        "{error:?}"
    );

    // A store of an older schema (here 1, without attribute claims) is refused with a message
    // saying what to do.
    let older = dir.path().join("older.sqlite");
    rusqlite::Connection::open(&older)
        .unwrap()
        .execute_batch("CREATE TABLE documents (id TEXT); PRAGMA user_version = 1")
        .unwrap();
    let error = Store::open(&older).unwrap_err();
    assert!(
        matches!(
            error,
            StoreError::OlderSchema {
                found: 1,
                supported: SCHEMA_VERSION,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("analyze into a new folder"),
        "{error}"
    );
}

#[test]
fn reopening_keeps_the_schema() {
    let (_dir, path) = temp();
    Store::open(&path)
        .unwrap()
        .add(&[bare("a", "a")], &[])
        .unwrap();
    let store = Store::open(&path).unwrap();
    assert_eq!(store.document_ids().unwrap(), vec!["a".to_string()]);
}

#[test]
fn thousands_of_documents_in_one_call() {
    let (_dir, path) = temp();
    let docs: Vec<_> = (0..2000).map(|i| full(&format!("{i:05}"))).collect();
    let mut store = Store::open(&path).unwrap();
    let started = std::time::Instant::now();
    store.add(&docs, &[]).unwrap();
    let read = store.documents().unwrap();
    assert_eq!(read.len(), 2000);
    assert_eq!(read[1234], docs[1234]);
    // Generous bound for a debug build on a shared machine: catches per-row commits.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

#[test]
fn the_analysis_fingerprint_is_kept_across_openings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.sqlite");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.analysis_fingerprint().unwrap(), None);
    store.set_analysis_fingerprint("first").unwrap();
    store.set_analysis_fingerprint("second").unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.analysis_fingerprint().unwrap().as_deref(),
        Some("second")
    );
}

/// Writes an empty store of an earlier schema `version` at `path`, plus `extra` SQL.
fn old_store(path: &std::path::Path, version: i64, extra: &str) {
    let connection = rusqlite::Connection::open(path).unwrap();
    connection
        .execute_batch(&crate::schema::tables_of_version(version))
        .unwrap();
    connection.execute_batch(extra).unwrap();
    connection
        .execute_batch(&format!("PRAGMA user_version = {version}"))
        .unwrap();
}

fn user_version(path: &std::path::Path) -> i64 {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_version_2_store_gains_the_settings_and_gazetteer_tables() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite");
    old_store(&path, 2, "");
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.analysis_fingerprint().unwrap(), None);
    store.set_analysis_fingerprint("x").unwrap();
    assert!(store.documents().unwrap().is_empty());
    assert!(store.gazetteer().unwrap().is_empty());
    store.set_gazetteer(&gazetteer()).unwrap();
    assert_eq!(store.gazetteer().unwrap(), gazetteer());
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
}

/// Entries of two files, in an order that is not sorted, with every kind, no aliases, repeated
/// and non-ASCII names.
fn gazetteer() -> UserGazetteer {
    let entry = |canonical: &str, kind, aliases: &[&str], source: &str| GazetteerEntry {
        canonical: canonical.into(),
        kind,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        source: source.into(),
    };
    UserGazetteer {
        entries: vec![
            entry(
                "Varnel Dynamics",
                EntityKind::Org,
                &["VD", "Varnel group"],
                "names.csv",
            ),
            entry("Olek Varnaby", EntityKind::Person, &[], "names.csv"),
            entry(
                "Kyiv",
                EntityKind::Gpe,
                &["Kiev", "Kijów", "Київ"],
                "places.tsv",
            ),
            entry("Baltic Sea", EntityKind::Loc, &["Ostsee"], "places.tsv"),
            entry("Estonians", EntityKind::Norp, &["Eesti"], "places.tsv"),
            entry(
                "The \"Fox\" Inn",
                EntityKind::Misc,
                &["Fox Inn"],
                "names.csv",
            ),
            // The same name in two entries: kept as given, the first one wins when used.
            entry("Ålesund", EntityKind::Gpe, &["Kyiv"], "places.tsv"),
        ],
    }
}

#[test]
fn the_user_gazetteer_round_trips_in_order_and_is_replaced_whole() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.gazetteer().unwrap(), UserGazetteer::default());
    store.set_gazetteer(&gazetteer()).unwrap();
    drop(store);
    // Reopen: what is read comes from the file.
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.gazetteer().unwrap(), gazetteer());

    let mut smaller = gazetteer();
    smaller.entries.drain(..2);
    smaller.entries[0].aliases.pop();
    store.set_gazetteer(&smaller).unwrap();
    assert_eq!(Store::open(&path).unwrap().gazetteer().unwrap(), smaller);
    let aliases: i64 = store
        .connection
        .query_row("SELECT count(*) FROM gazetteer_aliases", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        aliases,
        2 + 1 + 1 + 1 + 1,
        "no alias of a removed entry is left"
    );

    store.set_gazetteer(&UserGazetteer::default()).unwrap();
    assert!(store.gazetteer().unwrap().is_empty());
}

#[test]
fn an_unknown_type_in_the_stored_gazetteer_is_an_error_naming_the_file() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    store.set_gazetteer(&gazetteer()).unwrap();
    store
        .connection
        .execute(
            "UPDATE gazetteer_entries SET kind = 'TOWN' WHERE idx = 2",
            [],
        )
        .unwrap();
    let message = store.gazetteer().unwrap_err().to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("unknown label \"TOWN\""), "{message}");
}

#[test]
fn documents_are_added_with_their_analysis_in_one_transaction() {
    let (_dir, path) = temp();
    let mut store = Store::open(&path).unwrap();
    let first = gazetteer();
    let none = UserGazetteer::default();
    let analysis = |fingerprint, gazetteer| Analysis {
        fingerprint,
        gazetteer,
    };
    store
        .add_analyzed(&[full("old")], &[skip("s", "r")], analysis("first", &first))
        .unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.document_ids().unwrap(), ["old"]);
    assert_eq!(store.skipped().unwrap(), [skip("s", "r")]);
    assert_eq!(
        store.analysis_fingerprint().unwrap().as_deref(),
        Some("first")
    );
    assert_eq!(store.gazetteer().unwrap(), first);

    // A write failing half-way through leaves the documents and their analysis as they were.
    store
        .connection
        .execute_batch("CREATE TRIGGER refuse BEFORE INSERT ON documents WHEN NEW.id = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END;")
        .unwrap();
    let error = store
        .add_analyzed(&[full("new"), full("bad")], &[], analysis("second", &none))
        .unwrap_err();
    assert!(error.to_string().contains("refused"), "{error}");
    assert_eq!(store.document_ids().unwrap(), ["old"]);
    assert_eq!(
        store.analysis_fingerprint().unwrap().as_deref(),
        Some("first")
    );
    assert_eq!(store.gazetteer().unwrap(), first);

    // A later analysis without a gazetteer replaces the stored one with none.
    store
        .add_analyzed(&[], &[], analysis("third", &none))
        .unwrap();
    assert!(store.gazetteer().unwrap().is_empty());
    assert_eq!(
        store.analysis_fingerprint().unwrap().as_deref(),
        Some("third")
    );
}

#[test]
fn a_version_3_store_keeps_its_documents_and_fingerprint_and_gains_the_gazetteer_tables() {
    let (_dir, path) = temp();
    old_store(
        &path,
        3,
        "INSERT INTO documents (id, path, sha256, text) VALUES ('a', '/in/a.txt', 'ab', '');
         INSERT INTO settings (key, value) VALUES ('analysis', 'made by schema 3');",
    );
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.documents().unwrap(), [bare("a", "/in/a.txt")]);
    assert_eq!(
        store.analysis_fingerprint().unwrap().as_deref(),
        Some("made by schema 3")
    );
    assert!(store.gazetteer().unwrap().is_empty());
    store
        .add_analyzed(
            &[full("b")],
            &[],
            Analysis {
                fingerprint: "made by schema 4",
                gazetteer: &gazetteer(),
            },
        )
        .unwrap();
    drop(store);
    assert_eq!(user_version(&path), SCHEMA_VERSION);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.gazetteer().unwrap(), gazetteer());
    assert_eq!(store.document_ids().unwrap(), ["a", "b"]);
}

#[test]
fn a_migration_that_fails_changes_nothing() {
    let (_dir, path) = temp();
    // A version-3 file that (oddly) already has a table of the name version 4 adds: the
    // migration fails after creating the first of its tables.
    old_store(&path, 3, "CREATE TABLE gazetteer_aliases (x);");
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, StoreError::Sqlite { .. }), "{error:?}");
    assert!(error.to_string().contains("gazetteer_aliases"), "{error}");
    assert_eq!(user_version(&path), 3);
    let created: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'gazetteer_entries'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(created, 0, "the migration's first table was rolled back");
}
