//! `dossier analyze`: ingest → annotate → extract (per document, in parallel) → store →
//! link → fuse → publish.
//!
//! The store is read first so that documents already in the dossier are neither re-read nor
//! re-annotated: only new documents go through the per-document stages, and the corpus stages
//! (link, fuse) then run over old and new together. The store is written in one transaction
//! and the outputs are written to temporary files and renamed into place, so a run killed at
//! any point leaves the previous dossier intact and the next run finishes the work.
//!
//! Key decision: the user gazetteer is part of the dossier. It is saved in the store with the
//! documents it annotated (one transaction, with the analysis fingerprint), `--gazetteer`
//! replaces it, `--no-gazetteer` drops it, and a run given neither keeps using it and says
//! so: a run that merely adds articles must not quietly undo the names the user declared, nor
//! annotate new articles differently from the stored ones.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use dossier_annotate::UserNames;
use dossier_core::{AnalyzedDocument, Diagnostic, Document, Dossier, Skipped, UserGazetteer};
use dossier_ingest::IngestConfig;
use dossier_store::Store;
use rayon::prelude::*;

use crate::progress::Progress;

/// Everything `dossier analyze` needs, decided before any work starts.
#[derive(Debug)]
pub struct AnalyzeConfig {
    pub paths: Vec<PathBuf>,
    pub out_dir: PathBuf,
    pub ingest: IngestConfig,
    pub quiet: bool,
    /// Which names the user declared.
    pub gazetteer: GazetteerChoice,
}

/// The user gazetteer a run of `dossier analyze` uses.
#[derive(Debug)]
pub enum GazetteerChoice {
    /// Neither `--gazetteer` nor `--no-gazetteer`: the one saved with the dossier, if any.
    Stored,
    /// The entries of the `--gazetteer` files, already read (none for `--no-gazetteer`): they
    /// replace those saved with the dossier.
    Given(UserGazetteer),
}

/// The file names of the outputs inside the output folder.
pub const JSON_FILE: &str = "dossier.json";
pub const REPORT_FILE: &str = "report.html";
pub const STORE_FILE: &str = "dossier.sqlite";

pub fn run(config: &AnalyzeConfig) -> Result<()> {
    let started = Instant::now();
    let progress = Progress::new(config.quiet);
    fs::create_dir_all(&config.out_dir)
        .with_context(|| format!("cannot create output folder {}", config.out_dir.display()))?;
    let store_path = config.out_dir.join(STORE_FILE);
    progress.stage("opening the store");
    let mut store = Store::open(&store_path)?;
    let gazetteer = match &config.gazetteer {
        GazetteerChoice::Given(gazetteer) => gazetteer.clone(),
        GazetteerChoice::Stored => {
            let stored = store.gazetteer()?;
            if !stored.is_empty() && !config.quiet {
                eprintln!("note: {}", stored_gazetteer_note(&stored));
            }
            stored
        }
    };
    let names = UserNames::new(&gazetteer);
    let fingerprint = analysis_fingerprint(&gazetteer, &names);
    let analysis = dossier_store::Analysis {
        fingerprint: &fingerprint,
        gazetteer: &gazetteer,
    };
    let mut stored = store.documents()?;
    if !stored.is_empty() && store.analysis_fingerprint()?.as_deref() != Some(fingerprint.as_str())
    {
        if !config.quiet {
            eprintln!(
                "note: the {} stored document(s) were analyzed by another version of dossier or with other gazetteers; analyzing them again",
                stored.len()
            );
        }
        stored = reanalyze(stored, &names, &progress);
        store
            .add_analyzed(&stored, &[], analysis)
            .with_context(|| format!("cannot save to {}", store_path.display()))?;
    }

    progress.stage("reading");
    let ingested = dossier_ingest::ingest_paths(&config.paths, &config.ingest);
    for skipped in &ingested.skipped {
        eprintln!("skipped {}: {}", skipped.path, skipped.reason);
    }
    let read_count = ingested.documents.len();
    if read_count == 0 {
        bail!(
            "no article could be read from the {} path(s) given ({} skipped); nothing was written",
            config.paths.len(),
            ingested.skipped.len()
        );
    }
    let (new_documents, already_stored) = separate_new(ingested.documents, &stored);

    let analyzed = analyze_documents(new_documents, &names, "annotating", &progress);
    let new_ids: HashSet<String> = analyzed.iter().map(|d| d.document.id.clone()).collect();
    let mut documents = stored;
    documents.extend(analyzed);
    documents.sort_by(|a, b| a.document.id.cmp(&b.document.id));
    let new_count = read_count - already_stored;

    // Saving (one core, mostly SQLite) overlaps the corpus stages, which leave a core idle at
    // times; the outputs are written only once both are done.
    progress.stage("saving, linking and fusing");
    let (saved, corpus) = std::thread::scope(|scope| {
        let saving = scope.spawn(|| {
            let new = documents
                .iter()
                .filter(|d| new_ids.contains(&d.document.id));
            store.add_analyzed(new, &ingested.skipped, analysis)
        });
        let corpus = CorpusFindings::of(&documents, &gazetteer);
        (
            saving.join().expect("the saving thread does not panic"),
            corpus,
        )
    });
    saved.with_context(|| format!("cannot save to {}", store_path.display()))?;
    let dossier = corpus.into_dossier(documents, store.skipped()?);

    progress.stage("writing");
    let (json, report) = rayon::join(
        || {
            write_atomically(&config.out_dir.join(JSON_FILE), |file| {
                dossier_publish::write_json(&dossier, file)
            })
        },
        || {
            let report = dossier_publish::render_report(&dossier);
            write_atomically(&config.out_dir.join(REPORT_FILE), |file| {
                file.write_all(report.as_bytes())
            })
        },
    );
    json?;
    report?;
    let stage_times = progress.finish();

    if !config.quiet {
        print_summary(
            &dossier,
            new_count,
            already_stored,
            &ingested.skipped,
            config,
        );
        eprintln!(
            "done in {:.2}s ({stage_times})",
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// What a run given no `--gazetteer` says about the entries saved with the dossier.
fn stored_gazetteer_note(stored: &UserGazetteer) -> String {
    let mut sources: Vec<&str> = Vec::new();
    for entry in &stored.entries {
        if !sources.contains(&entry.source.as_str()) {
            sources.push(&entry.source);
        }
    }
    format!(
        "using the {} gazetteer entr{} saved with the dossier (from {}); --gazetteer FILE replaces them, --no-gazetteer drops them",
        stored.entries.len(),
        if stored.entries.len() == 1 { "y" } else { "ies" },
        sources.join(", ")
    )
}

/// Splits freshly ingested documents into those new to the dossier and those already stored
/// (same bytes), and renames new documents whose id is taken by a different stored document.
fn separate_new(
    ingested: Vec<(Document, Vec<Diagnostic>)>,
    stored: &[AnalyzedDocument],
) -> (Vec<(Document, Vec<Diagnostic>)>, usize) {
    let stored_hashes: HashSet<&str> = stored.iter().map(|d| d.document.sha256.as_str()).collect();
    let mut taken_ids: BTreeSet<String> = stored.iter().map(|d| d.document.id.clone()).collect();
    let mut new_documents = Vec::new();
    let mut already_stored = 0;
    for (mut document, diagnostics) in ingested {
        if stored_hashes.contains(document.sha256.as_str()) {
            already_stored += 1;
            continue;
        }
        document.id = unique_id(&document.id, &taken_ids);
        taken_ids.insert(document.id.clone());
        new_documents.push((document, diagnostics));
    }
    (new_documents, already_stored)
}

/// `id` itself when free, else `id-2`, `id-3`, … whichever is free first.
fn unique_id(id: &str, taken: &BTreeSet<String>) -> String {
    if !taken.contains(id) {
        return id.to_string();
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("an unbounded range always yields a free id")
}

/// Runs the per-document stages (annotate, extract) over documents, in parallel, under the
/// progress `stage` name.
fn analyze_documents(
    documents: Vec<(Document, Vec<Diagnostic>)>,
    names: &UserNames,
    stage: &'static str,
    progress: &Progress,
) -> Vec<AnalyzedDocument> {
    let bar = progress.bar(stage, documents.len() as u64);
    let analyzed = documents
        .into_par_iter()
        .map(|(document, diagnostics)| {
            let analyzed = analyze_document(document, diagnostics, names);
            bar.inc(1);
            analyzed
        })
        .collect();
    bar.finish_and_clear();
    analyzed
}

/// The per-document stages: annotate, then extract claims and attributes.
fn analyze_document(
    document: Document,
    mut diagnostics: Vec<Diagnostic>,
    names: &UserNames,
) -> AnalyzedDocument {
    let (annotations, annotate_notes) = dossier_annotate::annotate_with(&document, names);
    let (claims, extract_notes) = dossier_extract::extract(&document, &annotations);
    let attributes = dossier_extract::attributes(&document, &annotations);
    diagnostics.extend(annotate_notes);
    diagnostics.extend(extract_notes);
    AnalyzedDocument {
        document,
        annotations,
        claims,
        attributes,
        diagnostics,
    }
}

/// Analyzes stored documents again from their stored text, keeping their earlier notes (those
/// of ingest among them) without repeating the ones the new analysis gives again.
fn reanalyze(
    stored: Vec<AnalyzedDocument>,
    names: &UserNames,
    progress: &Progress,
) -> Vec<AnalyzedDocument> {
    let documents = stored
        .into_iter()
        .map(|d| (d.document, d.diagnostics))
        .collect();
    let mut analyzed = analyze_documents(documents, names, "re-annotating", progress);
    for document in &mut analyzed {
        let mut seen = HashSet::new();
        document
            .diagnostics
            .retain(|d| seen.insert((d.severity, d.message.clone())));
    }
    analyzed
}

/// Identifies the analysis this build performs with these gazetteers: a hash of the version,
/// of the full analysis of a built-in probe article (the bundled example's first article) and
/// of the gazetteers' entries. When the annotators, their resources, the extractor or the
/// gazetteers change, the fingerprint changes, and stored documents made by the older
/// analysis are analyzed again instead of being mixed with new ones.
fn analysis_fingerprint(gazetteer: &UserGazetteer, names: &UserNames) -> String {
    let probe = Document {
        id: "probe".into(),
        path: "probe".into(),
        sha256: String::new(),
        text: include_str!("../../../examples/baltic-quota/harbour-daily.txt").into(),
        meta: dossier_core::Metadata {
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 12),
            ..Default::default()
        },
    };
    let analysis = analyze_document(probe, Vec::new(), names);
    let entries: Vec<_> = gazetteer
        .entries
        .iter()
        .map(|e| (&e.canonical, e.kind, &e.aliases))
        .collect();
    let description = format!(
        "{} {:?} {:?} {:?} {:?} {entries:?}",
        env!("CARGO_PKG_VERSION"),
        analysis.annotations,
        analysis.claims,
        analysis.attributes,
        analysis.diagnostics
    );
    format!(
        "{:016x}",
        xxhash_rust::xxh3::xxh3_64(description.as_bytes())
    )
}

/// What the corpus stages (link, fuse) find over all documents of a dossier.
#[derive(Debug)]
struct CorpusFindings {
    entities: Vec<dossier_core::Entity>,
    derivations: Vec<dossier_core::Derivation>,
    lineages: Vec<dossier_core::Lineage>,
    events: Vec<dossier_core::Event>,
    contradictions: Vec<dossier_core::Contradiction>,
}

impl CorpusFindings {
    fn of(documents: &[AnalyzedDocument], gazetteer: &UserGazetteer) -> Self {
        let (entities, derivations) = rayon::join(
            || dossier_link::link_entities_with(documents, gazetteer),
            || dossier_link::find_derivations(documents),
        );
        let lineages = dossier_link::build_lineages(documents, &derivations);
        let (events, contradictions) = dossier_fuse::fuse(documents, &entities, &lineages);
        CorpusFindings {
            entities,
            derivations,
            lineages,
            events,
            contradictions,
        }
    }

    fn into_dossier(self, documents: Vec<AnalyzedDocument>, skipped: Vec<Skipped>) -> Dossier {
        Dossier {
            documents,
            skipped,
            derivations: self.derivations,
            lineages: self.lineages,
            entities: self.entities,
            events: self.events,
            contradictions: self.contradictions,
        }
    }
}

/// Runs the corpus stages (link, fuse) over all documents of the dossier, with the user
/// gazetteer they were analyzed with (its merge evidence and its rule that different entries
/// never merge are the linker's, not in the stored mentions).
pub fn build_dossier(
    documents: Vec<AnalyzedDocument>,
    skipped: Vec<Skipped>,
    gazetteer: &UserGazetteer,
) -> Dossier {
    CorpusFindings::of(&documents, gazetteer).into_dossier(documents, skipped)
}

/// Writes a file through `write` into a temporary file beside `path` and renames it over
/// `path`, so that a reader never sees a half-written file.
fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<()> {
    let temporary = path.with_extension("partial");
    let mut file = fs::File::create(&temporary)
        .with_context(|| format!("cannot write {}", temporary.display()))?;
    write(&mut file).with_context(|| format!("cannot write {}", temporary.display()))?;
    fs::rename(&temporary, path).with_context(|| format!("cannot write {}", path.display()))
}

fn print_summary(
    dossier: &Dossier,
    new_count: usize,
    already_stored: usize,
    skipped_now: &[Skipped],
    config: &AnalyzeConfig,
) {
    let words: usize = dossier
        .documents
        .iter()
        .map(|d| d.document.word_count())
        .sum();
    let independent = dossier
        .events
        .iter()
        .filter(|e| e.independent_sources >= 2)
        .count();
    eprintln!(
        "read {new_count} new document(s){}; skipped {} input(s)",
        if already_stored > 0 {
            format!(" ({already_stored} already in the dossier)")
        } else {
            String::new()
        },
        skipped_now.len()
    );
    eprintln!(
        "dossier: {} documents ({words} words), {} entities, {} events ({independent} with 2+ independent sources), {} derivations in {} lineages, {} contradictions",
        dossier.documents.len(),
        dossier.entities.len(),
        dossier.events.len(),
        dossier.derivations.len(),
        dossier.lineages.len(),
        dossier.contradictions.len(),
    );
    eprintln!("report: {}", config.out_dir.join(REPORT_FILE).display());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_id_appends_the_first_free_suffix() {
        let taken: BTreeSet<String> = ["a", "a-2", "b"].iter().map(|s| s.to_string()).collect();
        let check = |id: &str, expected: &str| assert_eq!(unique_id(id, &taken), expected);
        check("c", "c");
        check("a", "a-3");
        check("b", "b-2");
    }
}
