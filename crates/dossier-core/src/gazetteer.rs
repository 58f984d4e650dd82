//! User gazetteers: names the user declares, each with its canonical form, type and aliases.
//!
//! The CLI reads them from the files given with `--gazetteer` (the only place that knows the
//! file format); `dossier-annotate` finds every occurrence of their names and
//! `dossier-link` merges the names of one entry into one entity. Here they are plain data:
//! what the user said, in the order the user said it.

use crate::EntityKind;

/// The entries of all user gazetteers of a run, in command-line then file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserGazetteer {
    pub entries: Vec<GazetteerEntry>,
}

/// One referent declared by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerEntry {
    /// The name the entity is known by in the dossier.
    pub canonical: String,
    pub kind: EntityKind,
    /// Other names of the same referent, distinct from each other and from `canonical`.
    pub aliases: Vec<String>,
    /// Where the entry comes from, as merge evidence names it (the file name).
    pub source: String,
}

impl UserGazetteer {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl GazetteerEntry {
    /// The canonical name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.canonical.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}
