//! Store: the SQLite file that keeps a dossier's analyzed documents across runs.

use std::path::Path;

use dossier_core::{AnalyzedDocument, Skipped};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Sqlite { path: String, source: rusqlite::Error },
}

/// An open dossier store.
#[derive(Debug)]
pub struct Store {
    connection: rusqlite::Connection,
}

impl Store {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let connection = rusqlite::Connection::open(path).map_err(|source| StoreError::Sqlite {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Store { connection })
    }

    /// All analyzed documents, sorted by id.
    pub fn documents(&self) -> Result<Vec<AnalyzedDocument>, StoreError> {
        let _ = &self.connection;
        Ok(Vec::new())
    }

    /// Adds documents (and records skipped inputs) in one transaction.
    pub fn add(&mut self, documents: &[AnalyzedDocument], skipped: &[Skipped]) -> Result<(), StoreError> {
        let _ = (documents, skipped);
        Ok(())
    }

    /// Every skipped input recorded so far, sorted by path.
    pub fn skipped(&self) -> Result<Vec<Skipped>, StoreError> {
        Ok(Vec::new())
    }
}
