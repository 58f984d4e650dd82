//! Trains the statistical name tagger and writes its model file.
//!
//! `cargo run --release -p dossier-annotate --example train_ner -- [--seed S] OUT FILE[@N] [FILE...]`
//!
//! The committed `resources/annotate/ner_model.bin` was made by (from the workspace root, with
//! B=../shared/bench/ner-train):
//!
//! ```text
//! cargo run --release -p dossier-annotate --example train_ner -- \
//!   resources/annotate/ner_model.bin \
//!   $B/uner-en-ewt/en_ewt-ud-train.prelim-0c7ce0d.iob2 $B/uner-en-ewt/en_ewt-ud-dev.iob2 \
//!   $B/wikigold/wikigold.conll.txt@4
//! ```
//!
//! `FILE@N` trains on all documents but every N-th, which `eval_iob FILE@N` scores. Training
//! is deterministic: the same files and seed give the same bytes. `--seed S` (default 0, the
//! committed model's) visits the sentences in other orders; `bench/ner_seeds.sh` trains and
//! scores several seeds to tell a real change from the orders' scatter.

#[path = "common/iob.rs"]
mod iob;

use dossier_annotate::tagger::{train, TrainingDoc};
use dossier_core::{EntityKind, Span};
use iob::{read_path, Part};

/// Passes over the data.
const EPOCHS: usize = 5;
/// Features whose averaged weights all stay below this (in perceptron updates) are dropped from
/// the file: they change almost no decision, and a smaller table is faster to probe.
const MIN_WEIGHT: f32 = 1.0;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let seed = match args.iter().position(|arg| arg == "--seed") {
        Some(at) => {
            let value = args.get(at + 1).and_then(|value| value.parse().ok());
            let Some(seed) = value else { usage() };
            args.drain(at..at + 2);
            seed
        }
        None => 0,
    };
    let Some((out, inputs)) = args.split_first().filter(|(_, inputs)| !inputs.is_empty()) else {
        usage()
    };
    let started = std::time::Instant::now();
    let docs: Vec<TrainingDoc> = inputs
        .iter()
        .flat_map(|path| read_path(path, Part::Rest))
        .map(|doc| TrainingDoc {
            gold: doc
                .gold
                .iter()
                .filter_map(|&(start, end, label)| Some((Span::new(start, end), kind(label)?)))
                .collect(),
            text: doc.text,
        })
        .collect();
    let model = train(&docs, EPOCHS, MIN_WEIGHT, seed);
    if let Err(error) = std::fs::write(out, &model) {
        eprintln!("{out}: {error}");
        std::process::exit(1);
    }
    eprintln!(
        "{} documents, {} bytes written to {out} in {:?}",
        docs.len(),
        model.len(),
        started.elapsed()
    );
}

fn usage() -> ! {
    eprintln!("usage: train_ner [--seed S] OUT FILE[@N] [FILE...]");
    std::process::exit(2);
}

fn kind(label: &str) -> Option<EntityKind> {
    match label {
        "PER" => Some(EntityKind::Person),
        "ORG" => Some(EntityKind::Org),
        "LOC" => Some(EntityKind::Loc),
        "MISC" => Some(EntityKind::Misc),
        _ => None,
    }
}
