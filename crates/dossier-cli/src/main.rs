//! The `dossier` command: the one place where the pipeline's stages are glued together.
//!
//! Command-line flags are turned into ready configuration objects before any work starts
//! (`Cli` → [`analyze::AnalyzeConfig`]); the stages themselves know nothing of the command line.

mod analyze;
mod gazetteer;
mod progress;
mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn a pile of news articles about one story into a sourced, cross-checked dossier.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyze articles into DIR/dossier.json, DIR/report.html and DIR/dossier.sqlite.
    ///
    /// PATH may be files or folders (read recursively): plain text or Markdown-ish text,
    /// HTML, or JSONL (one article per line; news-please, trafilatura or dossier fields).
    /// Running again with the same --out adds the new articles to the existing dossier
    /// without re-annotating the old ones.
    Analyze {
        /// Files or folders to read.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Folder for the outputs (created if missing).
        #[arg(long, short, value_name = "DIR")]
        out: PathBuf,
        /// Skip input files larger than this many bytes.
        #[arg(long, value_name = "BYTES", default_value_t = dossier_ingest::IngestConfig::default().max_file_bytes)]
        max_file_size: u64,
        /// Print no progress and no summary (errors and skipped files are still reported).
        #[arg(long, short)]
        quiet: bool,
        /// Declare names in a CSV or TSV file: canonical name, type, aliases (repeatable).
        ///
        /// One entry per line: canonical name, type (PERSON or PER, ORG, GPE, LOC, NORP, MISC)
        /// and aliases (separated by | or ; or in further columns); `#` starts a comment line,
        /// and a first line with "type" in the second column is a header. Every occurrence of a
        /// name is a mention of that type, and all names of an entry are one entity with the
        /// canonical name. A file that cannot be read or has a bad line stops the run before
        /// any work (exit status 2), naming the file, the line and the reason.
        ///
        /// The entries are saved in DIR/dossier.sqlite with the dossier: `dossier timeline`
        /// uses them, and so does a later `analyze` with the same --out given no --gazetteer
        /// (it says so on stderr). Giving --gazetteer again replaces the saved entries by those
        /// of the files given now; when the entries change, the stored documents are annotated
        /// again.
        #[arg(long = "gazetteer", value_name = "FILE")]
        gazetteers: Vec<PathBuf>,
        /// Drop the gazetteer entries saved with the dossier in DIR (the stored documents are
        /// annotated again without them).
        #[arg(long, conflicts_with = "gazetteers")]
        no_gazetteer: bool,
    },
    /// Print the timeline of the dossier in DIR: events with their sources and contradictions.
    Timeline {
        /// The output folder of `dossier analyze`.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Only events involving an entity whose name or alias contains NAME.
        #[arg(long, value_name = "NAME")]
        entity: Option<String>,
        /// Only events of this type (meet, visit, attack, …).
        #[arg(long = "type", value_name = "TYPE")]
        event_type: Option<String>,
    },
    /// Measure the stages against annotated corpora and print precision, recall and F1.
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Score time expressions, entity names, events and cross-document coreference against a
    /// folder of MEANTIME (or ECB+) CAT XML files; each sub-folder is one topic.
    Meantime {
        /// The folder, e.g. ../shared/bench/meantime
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Also list the gold entity names no mention overlaps (document and name, a line
        /// each), to see what recall misses.
        #[arg(long)]
        errors: bool,
    },
    /// Score the reuse search (duplicates, copies, rewrites, partial reuse) on a corpus
    /// generated from real articles with known ground truth; the untouched articles, several
    /// per story, are the negatives.
    Reuse {
        /// Base articles: CAT XML (e.g. ../shared/bench/ecbplus) or .txt/.md files; each
        /// sub-folder is one story.
        #[arg(value_name = "DIR", default_value = "../shared/bench/ecbplus")]
        dir: PathBuf,
        /// Seed of the generator (same seed, same corpus).
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze {
            paths,
            out,
            max_file_size,
            quiet,
            gazetteers,
            no_gazetteer,
        } => {
            let gazetteer = if no_gazetteer {
                analyze::GazetteerChoice::Given(dossier_core::UserGazetteer::default())
            } else if gazetteers.is_empty() {
                analyze::GazetteerChoice::Stored
            } else {
                match gazetteer::read_all(&gazetteers) {
                    Ok(gazetteer) => analyze::GazetteerChoice::Given(gazetteer),
                    Err(error) => {
                        eprintln!("error: {error}");
                        return ExitCode::from(2);
                    }
                }
            };
            let config = analyze::AnalyzeConfig {
                paths,
                out_dir: out,
                ingest: dossier_ingest::IngestConfig {
                    max_file_bytes: max_file_size,
                },
                quiet,
                gazetteer,
            };
            report_outcome(analyze::run(&config))
        }
        Command::Timeline {
            dir,
            entity,
            event_type,
        } => report_outcome(timeline::run(&timeline::TimelineConfig {
            dir,
            entity,
            event_type,
        })),
        Command::Eval(EvalCommand::Meantime { dir, errors }) => {
            report_outcome(eval_meantime(&dir, errors))
        }
        Command::Eval(EvalCommand::Reuse { dir, seed }) => report_outcome(eval_reuse(&dir, seed)),
    }
}

fn eval_meantime(dir: &std::path::Path, errors: bool) -> anyhow::Result<()> {
    use anyhow::Context;
    let evaluation = dossier_eval::evaluate_cat_corpus(dir)
        .with_context(|| format!("cannot evaluate against {}", dir.display()))?;
    anyhow::ensure!(
        evaluation.documents > 0,
        "no CAT XML files found under {}",
        dir.display()
    );
    print_stdout(&format!("{}: {evaluation}", dir.display()))?;
    if errors {
        let mut listing = format!("missed entity names ({}):\n", evaluation.missed_names.len());
        for missed in &evaluation.missed_names {
            listing.push_str(&format!("{}\t{}\n", missed.document, missed.text));
        }
        listing.push_str(&format!(
            "\nperson, organization and location names without a strict typed match ({}):\n",
            evaluation.mistyped_names.len()
        ));
        for name in &evaluation.mistyped_names {
            listing.push_str(&format!(
                "{}\t{}\t→ {}\n",
                name.document, name.gold, name.found
            ));
        }
        print_stdout(&listing)?;
    }
    Ok(())
}

fn eval_reuse(dir: &std::path::Path, seed: u64) -> anyhow::Result<()> {
    use anyhow::Context;
    let evaluation = dossier_eval::evaluate_reuse(dir, seed)
        .with_context(|| format!("cannot evaluate reuse with {}", dir.display()))?;
    anyhow::ensure!(
        evaluation.bases > 0,
        "no articles found under {}",
        dir.display()
    );
    print_stdout(&format!("{} (seed {seed}): {evaluation}", dir.display()))
}

/// Prints to stdout; a closed pipe (`dossier eval … | head`) ends the output quietly.
fn print_stdout(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}

/// Prints an error chain the way a person reads it and picks the exit code.
fn report_outcome(outcome: anyhow::Result<()>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}
