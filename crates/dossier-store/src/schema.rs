//! The relational schema of a dossier store and how a file is checked before use.
//!
//! The schema version lives in SQLite's `PRAGMA user_version`, so a store can be recognised
//! without reading any table: `0` with no tables is a fresh file (the schema is created), our
//! version is ready to use, anything else is refused with a message naming the file.
//!
//! Every per-document table carries the document id in `doc` and an `idx` that keeps the order
//! of the annotation vectors, so reading back gives exactly what was written. Child rows go
//! away with their document through `ON DELETE CASCADE` (foreign keys are switched on for each
//! connection).
//!
//! Versions: 1 had no `attributes` (refused: its documents lack data this build needs), 2 no
//! `settings`, 3 no user gazetteer tables. Stores of versions 2 and 3 are migrated in place, in
//! one transaction, by creating the tables they lack.

use rusqlite::Connection;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = 4;

/// The tables of the documents (and skipped inputs), unchanged since version 2. Offsets are
/// byte offsets into `documents.text`.
const DOCUMENT_TABLES: &str = r#"
CREATE TABLE documents (
    id        TEXT PRIMARY KEY,
    path      TEXT NOT NULL,
    sha256    TEXT NOT NULL,
    title     TEXT,
    published TEXT,
    outlet    TEXT,
    url       TEXT,
    language  TEXT,
    text      TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_path ON documents(path);

CREATE TABLE authors (
    doc  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx  INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE sentences (
    doc   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE mentions (
    doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    canonical TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE times (
    doc            TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    value          TEXT NOT NULL,
    anchor         TEXT NOT NULL,
    anchored_start INTEGER,
    anchored_end   INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE quotes (
    doc           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    speaker       TEXT,
    speaker_start INTEGER,
    speaker_end   INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE claims (
    doc           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    sentence      INTEGER NOT NULL,
    event_type    TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end   INTEGER NOT NULL,
    time_start    INTEGER,
    time_end      INTEGER,
    time_value    TEXT,
    time_anchor   TEXT,
    place_start   INTEGER,
    place_end     INTEGER,
    speaker       TEXT,
    modality      TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE claim_participants (
    doc           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_idx     INTEGER NOT NULL,
    idx           INTEGER NOT NULL,
    mention_start INTEGER NOT NULL,
    mention_end   INTEGER NOT NULL,
    role          TEXT NOT NULL,
    PRIMARY KEY (doc, claim_idx, idx)
);

CREATE TABLE attributes (
    doc            TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx            INTEGER NOT NULL,
    sentence       INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    kind           TEXT NOT NULL,      -- kinship, role, count
    holder_start   INTEGER,
    holder_end     INTEGER,
    position_role  TEXT,
    position_start INTEGER,
    position_end   INTEGER,
    value          TEXT NOT NULL,      -- relation, role, or counted phrase
    object_start   INTEGER,            -- the relative, or the role's organisation
    object_end     INTEGER,
    number         INTEGER,            -- count only
    bound          TEXT,
    event_type     TEXT,
    speaker        TEXT,
    modality       TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE diagnostics (
    doc      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    severity TEXT NOT NULL,
    message  TEXT NOT NULL,
    start    INTEGER,
    "end"    INTEGER,
    PRIMARY KEY (doc, idx)
);

CREATE TABLE skipped (
    path   TEXT PRIMARY KEY,
    reason TEXT NOT NULL
);
"#;

/// Version 3: settings of the store, such as the fingerprint of the analysis (`analysis`).
const SETTINGS_TABLE: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"#;

/// Version 4: the user gazetteer the stored documents were analyzed with, entry by entry in
/// the order the user gave them (command line, then file order).
const GAZETTEER_TABLES: &str = r#"
CREATE TABLE gazetteer_entries (
    idx       INTEGER PRIMARY KEY,
    canonical TEXT NOT NULL,
    kind      TEXT NOT NULL,      -- PERSON, ORG, GPE, LOC, NORP, MISC
    source    TEXT NOT NULL       -- the file name, as merge evidence names it
);

CREATE TABLE gazetteer_aliases (
    entry INTEGER NOT NULL REFERENCES gazetteer_entries(idx) ON DELETE CASCADE,
    idx   INTEGER NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (entry, idx)
);
"#;

/// The statements creating the tables a store of `version` (2 or 3) lacks.
fn tables_added_after(version: i64) -> String {
    let mut script = String::new();
    if version < 3 {
        script.push_str(SETTINGS_TABLE);
    }
    if version < 4 {
        script.push_str(GAZETTEER_TABLES);
    }
    script
}

/// Why a file cannot be used as a store (the caller adds the path).
#[derive(Debug)]
pub enum Refusal {
    /// Not SQLite, or SQLite holding something else.
    NotAStore(String),
    /// A store of a later schema version.
    Newer(i64),
    /// A store of an earlier schema version, whose documents lack data this build needs.
    Older(i64),
    /// SQLite failed while setting up.
    Sqlite(rusqlite::Error),
}

/// Checks that `connection` is a dossier store of our version, creating the schema in an empty
/// database, and sets the per-connection pragmas.
pub fn prepare(connection: &Connection) -> Result<(), Refusal> {
    // The first read of the file: a non-SQLite file fails here ("file is not a database").
    let version: i64 = connection
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(|e| Refusal::NotAStore(e.to_string()))?;
    connection
        .execute_batch("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
        .map_err(Refusal::Sqlite)?;
    // Room for every statement of the store, so that a long `add` never re-prepares.
    connection.set_prepared_statement_cache_capacity(32);
    match version {
        SCHEMA_VERSION => Ok(()),
        0 => create(connection),
        2 | 3 => migrate(connection, version),
        v if v > SCHEMA_VERSION => Err(Refusal::Newer(v)),
        v @ 1.. => Err(Refusal::Older(v)),
        v => Err(Refusal::NotAStore(format!("unknown schema version {v}"))),
    }
}

/// The complete schema of `version` (2 or later; the tests build older stores with it).
pub(crate) fn tables_of_version(version: i64) -> String {
    let mut script = DOCUMENT_TABLES.to_string();
    if version >= 3 {
        script.push_str(SETTINGS_TABLE);
    }
    if version >= 4 {
        script.push_str(GAZETTEER_TABLES);
    }
    script
}

/// Migrates a store of version 2 or 3 in one transaction: it only lacks tables (the settings
/// of version 3, the gazetteer of version 4), which start empty. A version-2 store carries no
/// analysis fingerprint, so the caller analyzes its documents again; a version-3 store keeps
/// its fingerprint and has no stored gazetteer.
fn migrate(connection: &Connection, version: i64) -> Result<(), Refusal> {
    let tables = tables_added_after(version);
    connection
        .execute_batch(&format!(
            "BEGIN; {tables} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
        ))
        .map_err(Refusal::Sqlite)
}

/// Creates the schema in a database that has no tables yet.
fn create(connection: &Connection) -> Result<(), Refusal> {
    let tables: i64 = connection
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |row| row.get(0),
        )
        .map_err(|e| Refusal::NotAStore(e.to_string()))?;
    if tables > 0 {
        return Err(Refusal::NotAStore(format!(
            "it is a SQLite database with {tables} other table(s) and no dossier schema"
        )));
    }
    let tables = tables_of_version(SCHEMA_VERSION);
    let script = format!("BEGIN; {tables} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;");
    connection.execute_batch(&script).map_err(Refusal::Sqlite)
}
