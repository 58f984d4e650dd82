//! The files to read: named paths, and folders walked recursively in sorted order.
//!
//! Everything the user names explicitly is either read or reported: a missing path, an
//! unreadable folder, a file named twice. Inside folders we follow the usual conventions of
//! tools that walk trees: hidden entries (dot-files such as `.DS_Store`, `.git/`) are passed
//! over silently, and files of types ingest does not read are reported as unsupported. Entries
//! are visited in byte order of their names, and every folder once (symlink loops end), so the
//! same tree always gives the same list.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use dossier_core::Skipped;

use crate::format::{by_name, Format, Named};
use crate::problem::Problem;

/// One thing found: a file to read, or an input already refused.
#[derive(Debug)]
pub(crate) enum Entry {
    File {
        path: PathBuf,
        /// The format the name tells, `None` when the content must tell.
        format: Option<Format>,
    },
    Skipped(Skipped),
}

/// The entries under `paths`, in order.
pub(crate) fn collect(paths: &[PathBuf]) -> Vec<Entry> {
    let mut walk = Walk::default();
    for path in paths {
        walk.named(path);
    }
    walk.entries
}

#[derive(Default)]
struct Walk {
    entries: Vec<Entry>,
    /// Canonical paths of the files and folders already taken.
    seen: BTreeSet<PathBuf>,
}

impl Walk {
    /// A path the user named: a file of any type, or a folder.
    fn named(&mut self, path: &Path) {
        match fs::metadata(path) {
            Err(error) => self.skip(path, error.into()),
            Ok(meta) if meta.is_dir() => {
                if self.first_time(path) {
                    self.folder(path);
                } else {
                    self.skip(path, Problem::NamedTwice);
                }
            }
            Ok(meta) if meta.is_file() => {
                let format = match by_name(path) {
                    Named::Known(format) => Some(format),
                    Named::Unknown | Named::Unsupported(_) => None,
                };
                self.file(path, format);
            }
            Ok(_) => self.skip(path, Problem::NotAFile),
        }
    }

    /// Walks a folder met for the first time.
    fn folder(&mut self, dir: &Path) {
        let names = match fs::read_dir(dir) {
            Ok(entries) => entries
                .map(|e| e.map(|e| e.file_name()))
                .collect::<Result<Vec<_>, _>>(),
            Err(error) => Err(error),
        };
        let mut names = match names {
            Ok(names) => names,
            Err(error) => return self.skip(dir, error.into()),
        };
        names.sort();
        for name in names
            .iter()
            .filter(|n| !n.to_string_lossy().starts_with('.'))
        {
            let path = dir.join(name);
            match fs::metadata(&path) {
                Err(error) => self.skip(&path, error.into()),
                // A folder met again through a symlink is passed over: loops end.
                Ok(meta) if meta.is_dir() => {
                    if self.first_time(&path) {
                        self.folder(&path);
                    }
                }
                Ok(meta) if meta.is_file() => match by_name(&path) {
                    Named::Known(format) => self.file(&path, Some(format)),
                    Named::Unknown => self.file(&path, None),
                    Named::Unsupported(extension) => {
                        self.skip(&path, Problem::Unsupported(extension));
                    }
                },
                Ok(_) => self.skip(&path, Problem::NotAFile),
            }
        }
    }

    fn file(&mut self, path: &Path, format: Option<Format>) {
        if self.first_time(path) {
            self.entries.push(Entry::File {
                path: path.to_path_buf(),
                format,
            });
        } else {
            self.skip(path, Problem::NamedTwice);
        }
    }

    /// True the first time a file or folder is met, by its canonical path.
    fn first_time(&mut self, path: &Path) -> bool {
        let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.seen.insert(canonical)
    }

    fn skip(&mut self, path: &Path, problem: Problem) {
        self.entries.push(Entry::Skipped(Skipped {
            path: path.display().to_string(),
            reason: problem.to_string(),
        }));
    }
}
