//! Ingest: files and records become [`Document`]s.
//!
//! The only per-document stage that touches the outside world. It reads plain text and
//! Markdown-ish text (with header lines such as `date 2023-11-07`, `By A and B`,
//! `Original url:`), HTML (article text extracted), and JSONL (one article per line, with the
//! field names of news-please, trafilatura and dossier's own). Every input that cannot become a
//! document is returned as a [`Skipped`] with a reason a person can act on; one bad file never
//! stops the run.
//!
//! The flow is walk → read → finish → name. [`walk`] lists the files (or refuses paths) in a
//! deterministic order; each file is then read independently and in parallel: checked against
//! the size limit, decoded ([`decode`]), given to the reader its extension or content selects
//! ([`format`]: [`text`], [`html`], [`jsonl`]), and finished (outlet and date from the URL,
//! language). Only the last step is sequential: documents get unique ids in input order, so the
//! same inputs always give the same ids.

mod decode;
mod format;
mod html;
mod jsonl;
mod language;
mod markdown;
mod metadata;
mod problem;
mod text;
mod walk;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use dossier_core::{Diagnostic, Document, Metadata, Skipped};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::format::Format;
use crate::problem::Problem;
use crate::walk::Entry;

/// Limits and options of ingest.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Files larger than this many bytes are skipped (JSONL files: each line is held to it).
    pub max_file_bytes: u64,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_file_bytes: 20 * 1024 * 1024,
        }
    }
}

/// What ingest made of the given paths.
#[derive(Debug, Default)]
pub struct Ingested {
    /// Documents in a deterministic order (by path, then line), with their ingest diagnostics.
    pub documents: Vec<(Document, Vec<Diagnostic>)>,
    pub skipped: Vec<Skipped>,
}

/// Reads every file named or found (recursively, in sorted order) under `paths`.
pub fn ingest_paths(paths: &[PathBuf], config: &IngestConfig) -> Ingested {
    let entries = walk::collect(paths);
    let outcomes: Vec<Vec<Outcome>> = entries
        .par_iter()
        .map(|entry| match entry {
            Entry::File { path, format } => read_file(path, *format, config)
                .into_iter()
                .map(Outcome::finish)
                .collect(),
            Entry::Skipped(skipped) => vec![Outcome::Skipped(skipped.clone())],
        })
        .collect();
    name_documents(outcomes.into_iter().flatten())
}

/// A document before it has its final id.
#[derive(Debug)]
pub(crate) struct Draft {
    /// The id it asks for: the file stem or the record's id.
    pub base_id: String,
    pub path: String,
    pub sha256: String,
    pub text: String,
    pub meta: Metadata,
    pub diagnostics: Vec<Diagnostic>,
}

/// What one input (a file, or a line of a JSONL file) became.
#[derive(Debug)]
pub(crate) enum Outcome {
    Document(Draft),
    Skipped(Skipped),
}

impl Outcome {
    pub(crate) fn skip(path: &str, problem: Problem) -> Outcome {
        Outcome::Skipped(Skipped {
            path: path.to_string(),
            reason: problem.to_string(),
        })
    }

    /// Completes a draft's metadata from its URL and text, noting what is missing.
    fn finish(self) -> Outcome {
        let Outcome::Document(mut draft) = self else {
            return self;
        };
        let meta = &mut draft.meta;
        if let Some(url) = meta.url.as_deref() {
            if meta.outlet.is_none() {
                meta.outlet = metadata::url_host(url);
            }
            if meta.published.is_none() {
                meta.published = metadata::date_in_url(url);
                if meta.published.is_some() {
                    draft
                        .diagnostics
                        .push(Diagnostic::info("publication date taken from the URL"));
                }
            }
        }
        if meta.language.is_none() {
            meta.language = language::identify(&draft.text);
            if meta.language.is_none() {
                draft
                    .diagnostics
                    .push(Diagnostic::info("language not identified with confidence"));
            }
        }
        if meta.published.is_none() {
            draft
                .diagnostics
                .push(Diagnostic::info("no publication date found"));
        }
        if meta.title.is_none() {
            draft.diagnostics.push(Diagnostic::info("no title found"));
        }
        Outcome::Document(draft)
    }
}

/// Reads one file into documents or skips.
fn read_file(path: &Path, named: Option<Format>, config: &IngestConfig) -> Vec<Outcome> {
    let label = path.display().to_string();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "document".to_string());
    if named == Some(Format::Jsonl) {
        return jsonl::read_jsonl_file(path, &label, &stem, config.max_file_bytes);
    }
    let bytes = match read_bytes(path, config.max_file_bytes) {
        Ok(bytes) => bytes,
        Err(problem) => return vec![Outcome::skip(&label, problem)],
    };
    let declared = match named {
        Some(Format::Html) | None => decode::html_declared_encoding(&bytes),
        _ => None,
    };
    let decoded = match decode::decode(&bytes, declared) {
        Ok(decoded) => decoded,
        Err(problem) => return vec![Outcome::skip(&label, problem)],
    };
    let document = |text: String, meta: Metadata| {
        Outcome::Document(Draft {
            base_id: stem.clone(),
            path: label.clone(),
            sha256: sha256_hex(&bytes),
            text,
            meta,
            diagnostics: Vec::new(),
        })
    };
    let mut outcomes = match format::sniff(&decoded.text, named) {
        Format::Text => {
            let parsed = text::parse(&decoded.text);
            if parsed.text.is_empty() {
                vec![Outcome::skip(&label, Problem::OnlyHeader)]
            } else {
                vec![document(parsed.text, parsed.meta)]
            }
        }
        Format::Html => match html::parse(&decoded.text) {
            Ok(parsed) => vec![document(parsed.text, parsed.meta)],
            Err(problem) => vec![Outcome::skip(&label, problem)],
        },
        Format::Json => jsonl::read_json_text(&decoded.text, &bytes, &label, &stem),
        Format::Jsonl => jsonl::read_jsonl_text(&decoded.text, &label, &stem),
    };
    for outcome in &mut outcomes {
        if let Outcome::Document(draft) = outcome {
            draft.diagnostics = decoded.diagnostics.clone();
        }
    }
    outcomes
}

/// The bytes of a file no larger than `limit` (the file may grow while it is read).
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, Problem> {
    let file = fs::File::open(path)?;
    let size = file.metadata()?.len();
    if size > limit {
        return Err(Problem::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Problem::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Lower-case hex SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Gives drafts unique ids in input order: a taken id gets `-2`, `-3`, … appended.
fn name_documents(outcomes: impl Iterator<Item = Outcome>) -> Ingested {
    let mut ingested = Ingested::default();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Skipped(skipped) => ingested.skipped.push(skipped),
            Outcome::Document(mut draft) => {
                let id = unique_id(&draft.base_id, &mut taken);
                if id != draft.base_id {
                    draft.diagnostics.push(Diagnostic::warning(format!(
                        "id \"{}\" was already taken; this document is \"{id}\"",
                        draft.base_id
                    )));
                }
                let document = Document {
                    id,
                    path: draft.path,
                    sha256: draft.sha256,
                    text: draft.text,
                    meta: draft.meta,
                };
                ingested.documents.push((document, draft.diagnostics));
            }
        }
    }
    ingested
}

fn unique_id(base: &str, taken: &mut BTreeSet<String>) -> String {
    if taken.insert(base.to_string()) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| taken.insert(candidate.clone()))
        .expect("an unused suffix exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_deterministic() {
        let mut taken = BTreeSet::new();
        let ids: Vec<String> = ["a", "a", "a-2", "b", "a"]
            .iter()
            .map(|b| unique_id(b, &mut taken))
            .collect();
        assert_eq!(ids, ["a", "a-2", "a-2-2", "b", "a-3"]);
    }

    /// A tiny deterministic generator of awkward inputs (xorshift over a token list).
    fn awkward_inputs(count: usize) -> Vec<String> {
        const TOKENS: &[&str] = &[
            "#",
            "## ",
            "*",
            "**",
            "_",
            "[",
            "]",
            "(",
            ")",
            "<",
            ">",
            "<u>",
            "</u>",
            "&",
            "&amp;",
            "&#",
            ";",
            "`",
            "\\",
            "-",
            "•",
            " ",
            "  ",
            "\n",
            "\n\n",
            "\r",
            "\t",
            "é",
            "’",
            "“",
            "—",
            "…",
            "\u{FFFD}",
            "\u{00A0}",
            "0",
            "2023",
            "-10-",
            "30",
            ":",
            "/",
            ".",
            ",",
            "date ",
            "By ",
            "Ann Lee",
            " and ",
            "https://www.x.example/2023/10/30/a",
            "Original url:",
            "loading…",
            "October",
            "Title: ",
            "<p>",
            "<article>",
            "<script>",
            "<!doctype html>",
            "{",
            "}",
            "\"text\"",
            "word",
            "Word",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        (0..count)
            .map(|_| {
                let len = (next() % 60) as usize;
                (0..len)
                    .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn readers_never_panic_and_keep_their_text_invariants() {
        for input in awkward_inputs(3000) {
            for text in [text::parse(&input).text, text::normalize_plain(&input)] {
                assert!(!text.contains("\n\n\n"), "{input:?} gave {text:?}");
                assert_eq!(text.trim(), text, "{input:?}");
            }
            if let Ok(parsed) = html::parse(&input) {
                assert!(!parsed.text.is_empty());
            }
            let _ = decode::decode(input.as_bytes(), None);
            let _ = markdown::clean_line(&input);
            let _ = metadata::date_line(&input);
            let _ = metadata::split_authors(&input);
            let _ = metadata::date_in_url(&input);
        }
    }

    #[test]
    fn hashes_bytes() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
