//! Store: the SQLite file (`dossier.sqlite`) that keeps a dossier's analyzed documents across
//! runs, so that adding articles never re-annotates the old ones.
//!
//! **Relational, not blobs.** Each annotation kind has its own table keyed by document id and
//! position (see `schema.rs`); enum columns hold the labels of the core enums (`PERSON`,
//! `narrative`, `asserted`, …). The file can be inspected and queried with any SQLite tool.
//!
//! **All or nothing.** [`Store::add`] writes everything it is given in ONE transaction, with
//! SQLite's default rollback journal (`journal_mode = DELETE`, `synchronous = FULL`): the store
//! stays a single file, and a crash or kill mid-run leaves it exactly as it was before the call.
//!
//! **Round trip.** [`Store::documents`] returns exactly what was written, field for field.

mod read;
mod schema;
mod write;

use std::path::{Path, PathBuf};

use dossier_core::{AnalyzedDocument, Skipped};
use rusqlite::{Connection, OptionalExtension};

use schema::Refusal;

/// Errors of the store. Each names the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed (I/O, disk full, locked, a row that does not convert, …).
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        source: rusqlite::Error,
    },
    /// The file exists but is not a dossier store.
    #[error("{path} is not a dossier store: {reason}")]
    NotAStore { path: String, reason: String },
    /// The store was written by an earlier version of dossier: its documents lack the
    /// kinship, role and count claims of schema 2, so it is refused rather than half-used.
    #[error("{path} was written by an older dossier (store schema {found}; this build needs {supported}, which adds kinship, role and count claims): delete it or analyze into a new folder")]
    OlderSchema {
        path: String,
        found: i64,
        supported: i64,
    },
    /// The store was written by a later version of dossier.
    #[error("{path} was written by a newer dossier (store schema {found}, this build reads up to {supported})")]
    NewerSchema {
        path: String,
        found: i64,
        supported: i64,
    },
}

/// An open dossier store.
#[derive(Debug)]
pub struct Store {
    connection: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) the store at `path`. Refuses a file that is not SQLite, a
    /// SQLite database holding other tables, and a store of a newer schema.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let connection = Connection::open(path).map_err(|source| match source {
            rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::NotAStore {
                    path: name.clone(),
                    reason: source.to_string(),
                }
            }
            source => StoreError::Sqlite {
                path: name.clone(),
                source,
            },
        })?;
        schema::prepare(&connection).map_err(|refusal| match refusal {
            Refusal::NotAStore(reason) => StoreError::NotAStore {
                path: name.clone(),
                reason,
            },
            Refusal::Newer(found) => StoreError::NewerSchema {
                path: name.clone(),
                found,
                supported: schema::SCHEMA_VERSION,
            },
            Refusal::Older(found) => StoreError::OlderSchema {
                path: name.clone(),
                found,
                supported: schema::SCHEMA_VERSION,
            },
            Refusal::Sqlite(source) => StoreError::Sqlite {
                path: name.clone(),
                source,
            },
        })?;
        Ok(Store {
            connection,
            path: path.to_path_buf(),
        })
    }

    /// The file this store lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// All analyzed documents, sorted by id.
    pub fn documents(&self) -> Result<Vec<AnalyzedDocument>, StoreError> {
        read::documents(&self.connection).map_err(|e| self.error(e))
    }

    /// Adds documents (and records skipped inputs) in one transaction. A document whose id is
    /// already stored replaces it; a skipped record whose path equals an added document's path
    /// is removed (the input ingests fine now).
    pub fn add<'a>(
        &mut self,
        documents: impl IntoIterator<Item = &'a AnalyzedDocument>,
        skipped: &[Skipped],
    ) -> Result<(), StoreError> {
        self.write(documents, skipped).map_err(|e| self.error(e))
    }

    /// Every skipped input recorded so far, sorted by path.
    pub fn skipped(&self) -> Result<Vec<Skipped>, StoreError> {
        read::skipped(&self.connection).map_err(|e| self.error(e))
    }

    /// The fingerprint of the analysis (annotate + extract) the stored documents were made
    /// with, if one was recorded. A caller whose analysis differs should analyze the stored
    /// documents again rather than mix old and new annotations.
    pub fn analysis_fingerprint(&self) -> Result<Option<String>, StoreError> {
        let query = || -> rusqlite::Result<Option<String>> {
            let mut select = self
                .connection
                .prepare_cached("SELECT value FROM settings WHERE key = 'analysis'")?;
            select.query_row([], |r| r.get(0)).optional()
        };
        query().map_err(|e| self.error(e))
    }

    /// Records the fingerprint of the analysis the stored documents were made with. Call it
    /// after the documents are added: a run killed in between analyzes them again next time.
    pub fn set_analysis_fingerprint(&mut self, fingerprint: &str) -> Result<(), StoreError> {
        self.connection
            .execute(
                "INSERT INTO settings (key, value) VALUES ('analysis', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [fingerprint],
            )
            .map(|_| ())
            .map_err(|e| self.error(e))
    }

    /// The ids of all stored documents, sorted.
    pub fn document_ids(&self) -> Result<Vec<String>, StoreError> {
        let query = || -> rusqlite::Result<Vec<String>> {
            let mut select = self
                .connection
                .prepare_cached("SELECT id FROM documents ORDER BY id")?;
            let ids = select.query_map([], |r| r.get(0))?;
            ids.collect()
        };
        query().map_err(|e| self.error(e))
    }

    /// True when a document with these raw bytes (SHA-256, lower-case hex) is stored.
    pub fn contains_sha256(&self, sha256: &str) -> Result<bool, StoreError> {
        let query = || -> rusqlite::Result<bool> {
            let mut select = self
                .connection
                .prepare_cached("SELECT 1 FROM documents WHERE sha256 = ?1 LIMIT 1")?;
            Ok(select.query_row([sha256], |_| Ok(())).optional()?.is_some())
        };
        query().map_err(|e| self.error(e))
    }

    fn write<'a>(
        &mut self,
        documents: impl IntoIterator<Item = &'a AnalyzedDocument>,
        skipped: &[Skipped],
    ) -> rusqlite::Result<()> {
        let tx = self.connection.transaction()?;
        write::skipped(&tx, skipped)?;
        for document in documents {
            write::document(&tx, document)?;
        }
        tx.commit()
    }

    fn error(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.display().to_string(),
            source,
        }
    }
}

#[cfg(test)]
mod tests;
