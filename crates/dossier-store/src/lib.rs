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
//!
//! **What the documents were analyzed with.** Beside the documents, the store keeps the
//! fingerprint of the analysis that made them and the user gazetteer it used
//! ([`Store::add_analyzed`] writes both with the documents, in the same transaction), so that
//! every later command over the store — another `analyze`, `timeline` — links and fuses with
//! the names the analysis was given, and never pairs documents with a gazetteer they were not
//! annotated with.

mod read;
mod schema;
mod write;

use std::path::{Path, PathBuf};

use dossier_core::{AnalyzedDocument, Skipped, UserGazetteer};
use rusqlite::{Connection, OptionalExtension, Transaction};

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
    /// (Stores of schema 2 and later are migrated.)
    #[error("{path} was written by an older dossier (store schema {found}, without the kinship, role and count claims of schema 2; this build uses schema {supported}): delete it or analyze into a new folder")]
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

/// What stored documents were analyzed with, recorded with them by [`Store::add_analyzed`].
#[derive(Debug, Clone, Copy)]
pub struct Analysis<'a> {
    /// The fingerprint of the analysis (annotate + extract), see
    /// [`Store::analysis_fingerprint`].
    pub fingerprint: &'a str,
    /// The user gazetteer the documents were annotated with, which the corpus stages must
    /// link them with (empty when none was given).
    pub gazetteer: &'a UserGazetteer,
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
        self.transaction(|tx| write::documents(tx, documents, skipped))
    }

    /// Like [`Store::add`], and records in the same transaction the analysis the documents
    /// were made with (its fingerprint and user gazetteer, replacing those stored): a run
    /// killed at any point leaves either the old documents with the old record or the new
    /// ones with the new record.
    pub fn add_analyzed<'a>(
        &mut self,
        documents: impl IntoIterator<Item = &'a AnalyzedDocument>,
        skipped: &[Skipped],
        analysis: Analysis<'_>,
    ) -> Result<(), StoreError> {
        self.transaction(|tx| {
            write::documents(tx, documents, skipped)?;
            write::setting(tx, "analysis", analysis.fingerprint)?;
            write::gazetteer(tx, analysis.gazetteer)
        })
    }

    /// The user gazetteer the stored documents were analyzed with: its entries in the order
    /// they were given, each with its canonical name, type, aliases and source file name.
    /// Empty when none was given (and for stores of schema 3 and earlier, which did not keep
    /// it).
    pub fn gazetteer(&self) -> Result<UserGazetteer, StoreError> {
        read::gazetteer(&self.connection).map_err(|e| self.error(e))
    }

    /// Replaces the stored user gazetteer, in one transaction. Prefer
    /// [`Store::add_analyzed`] when documents analyzed with it are written too.
    pub fn set_gazetteer(&mut self, gazetteer: &UserGazetteer) -> Result<(), StoreError> {
        self.transaction(|tx| write::gazetteer(tx, gazetteer))
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
    /// ([`Store::add_analyzed`] records it with the documents, in one transaction.)
    pub fn set_analysis_fingerprint(&mut self, fingerprint: &str) -> Result<(), StoreError> {
        self.transaction(|tx| write::setting(tx, "analysis", fingerprint))
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

    /// Runs `write` in one transaction: everything it writes is stored, or nothing.
    fn transaction(
        &mut self,
        write: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<()>,
    ) -> Result<(), StoreError> {
        let run = || {
            let tx = self.connection.transaction()?;
            write(&tx)?;
            tx.commit()
        };
        run().map_err(|e| self.error(e))
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
