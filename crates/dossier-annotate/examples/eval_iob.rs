//! Scores entity mentions against an IOB-tagged NER file: typed exact-span precision, recall
//! and F1 for PER, ORG and LOC (our GPE and LOC both count as LOC; MISC and NORP are left out
//! on both sides, as in the usual PER/ORG/LOC evaluation).
//!
//! `cargo run --release -p dossier-annotate --example eval_iob -- FILE[@N] [FILE...]`
//!
//! See `common/iob.rs` for the formats read. Sentence splitting follows the gold sentences
//! (rebuilt with blank lines between them); only the name finder is measured. `FILE@N` scores
//! only every N-th document: the part `train_ner` holds out of `FILE@N`. `--errors` prints
//! each missed (`-`) and wrong (`+`) name with its sentence; `--hits` adds the right ones (`=`), to
//! measure the precision of one kind of name. `--capitals` writes every text in
//! capitals first (ASCII letters only, so offsets hold), as headlines and wire slugs are: a
//! measure of how much the tagger leans on capitalization. `--headlines` writes only each
//! document's first sentence in capitals and scores only its names, as a headline over a body
//! in ordinary case (the body may show how the headline's words are written). `--confusion` counts, for each gold
//! label, what was found on its span: a kind, a name with other bounds, or nothing.
//!
//! Scoring another tool with the same scorer (see `bench/ner_peer.sh`): `--write-texts DIR`
//! writes each document's rebuilt text to `DIR/N.txt` (N counts documents over all files, from
//! 0); `--predictions FILE` then scores the names in FILE instead of ours, one per line as
//! `N<TAB>start<TAB>end<TAB>LABEL` (byte offsets into `N.txt`, labels PER, ORG, LOC).

use std::collections::BTreeMap;

#[path = "common/iob.rs"]
mod iob;

use dossier_annotate::split_sentences;
use dossier_core::EntityKind;
use iob::{read_path, Labeled, Part};

fn label(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Org => Some("ORG"),
        EntityKind::Gpe | EntityKind::Loc => Some("LOC"),
        EntityKind::Norp | EntityKind::Misc => None,
    }
}

fn main() {
    let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new(); // true pos, predicted, gold
    let mut confusion: BTreeMap<(&str, &str), usize> = BTreeMap::new(); // (gold, found) → count
    let mut words = 0;
    let mut elapsed = std::time::Duration::ZERO;
    let mut names_elapsed = std::time::Duration::ZERO;
    // Load the word lists and the model before timing.
    dossier_annotate::find_mentions("Warm up in Oslo.", &split_sentences("Warm up in Oslo."));
    let options = Options::parse();
    let mut doc_number = 0;
    for path in &options.paths {
        for mut doc in read_path(path, Part::HeldOut) {
            if options.capitals {
                doc.text.make_ascii_uppercase();
            }
            // With --headlines, only the names of the first sentence count.
            let scored_end = if options.headlines {
                let end = doc.text.find("\n\n").unwrap_or(doc.text.len());
                doc.text[..end].make_ascii_uppercase();
                end
            } else {
                usize::MAX
            };
            if let Some(dir) = &options.write_texts {
                let file = dir.join(format!("{doc_number}.txt"));
                std::fs::write(&file, &doc.text)
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            }
            let started = std::time::Instant::now();
            let predicted: Vec<Labeled> = match &options.predictions {
                Some(names) => names.get(&doc_number).cloned().unwrap_or_default(),
                None => {
                    let sentences = split_sentences(&doc.text);
                    let names_started = std::time::Instant::now();
                    let mentions = dossier_annotate::find_mentions(&doc.text, &sentences);
                    names_elapsed += names_started.elapsed();
                    if options.confusion {
                        count_confusions(&doc.gold, &mentions, &mut confusion);
                    }
                    mentions
                        .iter()
                        .filter_map(|m| Some((m.span.start, m.span.end, label(m.kind)?)))
                        .collect()
                }
            };
            elapsed += started.elapsed();
            let predicted: Vec<Labeled> = predicted
                .into_iter()
                .filter(|&(start, _, _)| start < scored_end)
                .collect();
            words += doc.text.split_whitespace().count();
            doc_number += 1;
            let gold: Vec<Labeled> = doc
                .gold
                .iter()
                .copied()
                .filter(|&(start, _, l)| l != "MISC" && start < scored_end)
                .collect();
            for &(s, e, l) in &gold {
                counts.entry(l).or_default()[2] += 1;
                if predicted.contains(&(s, e, l)) {
                    counts.entry(l).or_default()[0] += 1;
                }
            }
            for &(_, _, l) in &predicted {
                counts.entry(l).or_default()[1] += 1;
            }
            if options.show_errors || options.show_hits {
                print_errors(&doc.text, &gold, &predicted, options.show_hits);
            }
        }
    }
    let mut total = [0; 3];
    for (label, [tp, predicted, gold]) in &counts {
        print_line(label, *tp, *predicted, *gold);
        total[0] += tp;
        total[1] += predicted;
        total[2] += gold;
    }
    print_line("all", total[0], total[1], total[2]);
    for ((gold, found), n) in &confusion {
        println!("gold {gold:<4} found {found:<8} {n}");
    }
    if options.predictions.is_some() {
        return;
    }
    let rate = |d: std::time::Duration| words as f64 / d.as_secs_f64().max(1e-9) / 1e6;
    println!(
        "{words} words in {elapsed:?} (sentences + entities, {:.2} M words/s; entities alone {:.2} M words/s)",
        rate(elapsed),
        rate(names_elapsed)
    );
}

/// The command line.
struct Options {
    paths: Vec<String>,
    show_errors: bool,
    show_hits: bool,
    capitals: bool,
    headlines: bool,
    confusion: bool,
    write_texts: Option<std::path::PathBuf>,
    /// Names found by another tool, by document number.
    predictions: Option<BTreeMap<usize, Vec<Labeled>>>,
}

impl Options {
    fn parse() -> Self {
        let mut options = Options {
            paths: Vec::new(),
            show_errors: false,
            show_hits: false,
            capitals: false,
            headlines: false,
            confusion: false,
            write_texts: None,
            predictions: None,
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--errors" => options.show_errors = true,
                "--hits" => options.show_hits = true,
                "--capitals" => options.capitals = true,
                "--headlines" => options.headlines = true,
                "--confusion" => options.confusion = true,
                "--write-texts" => {
                    let dir = std::path::PathBuf::from(args.next().expect("--write-texts DIR"));
                    std::fs::create_dir_all(&dir)
                        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
                    options.write_texts = Some(dir);
                }
                "--predictions" => {
                    let file = args.next().expect("--predictions FILE");
                    options.predictions = Some(read_predictions(&file));
                }
                _ => options.paths.push(arg),
            }
        }
        options
    }
}

/// Reads `N<TAB>start<TAB>end<TAB>LABEL` lines; other labels than PER, ORG and LOC are skipped.
fn read_predictions(file: &str) -> BTreeMap<usize, Vec<Labeled>> {
    let content = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut names: BTreeMap<usize, Vec<Labeled>> = BTreeMap::new();
    for (number, line) in content.lines().enumerate() {
        let fields: Vec<&str> = line.split('\t').collect();
        let bad = || {
            panic!(
                "{file}:{}: expected N, start, end, label: {line:?}",
                number + 1
            )
        };
        let [doc, start, end, label] = fields.as_slice() else {
            bad()
        };
        let label = match *label {
            "PER" => "PER",
            "ORG" => "ORG",
            "LOC" => "LOC",
            _ => continue,
        };
        let number = |field: &str| field.parse::<usize>().unwrap_or_else(|_| bad());
        names
            .entry(number(doc))
            .or_default()
            .push((number(start), number(end), label));
    }
    names
}

/// Counts, for each gold name, what we found on it: the kind on the same span, "overlap" for
/// a name that overlaps it with other bounds, or "nothing".
fn count_confusions(
    gold: &[Labeled],
    mentions: &[dossier_core::Mention],
    confusion: &mut BTreeMap<(&'static str, &'static str), usize>,
) {
    for &(start, end, gold_label) in gold {
        let same = mentions
            .iter()
            .find(|m| m.span.start == start && m.span.end == end);
        let overlapping = mentions
            .iter()
            .any(|m| m.span.start < end && start < m.span.end);
        let found = match same {
            Some(m) => m.kind.label(),
            None if overlapping => "overlap",
            None => "nothing",
        };
        *confusion.entry((gold_label, found)).or_default() += 1;
    }
}

/// Prints the gold names missed (`-`), the names predicted wrongly (`+`) and, `with_hits`,
/// the names predicted right (`=`). Stops the program
/// quietly when standard output is closed (`eval_iob --errors FILE | head`).
fn print_errors(text: &str, gold: &[Labeled], predicted: &[Labeled], with_hits: bool) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let select = |from: &[Labeled], found: &[Labeled], wanted: bool| -> Vec<Labeled> {
        let keep = |x: &&Labeled| found.contains(x) == wanted;
        from.iter().filter(keep).copied().collect()
    };
    let hits = if with_hits {
        select(predicted, gold, true)
    } else {
        Vec::new()
    };
    for (sign, names) in [
        ("-", select(gold, predicted, false)),
        ("+", select(predicted, gold, false)),
        ("=", hits),
    ] {
        for (s, e, l) in names {
            let line_start = text[..s].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[e..].find('\n').map_or(text.len(), |i| e + i);
            let context = &text[line_start..line_end];
            if writeln!(out, "{sign} {l} {:?} in {context:?}", &text[s..e]).is_err() {
                std::process::exit(0);
            }
        }
    }
}

fn print_line(label: &str, tp: usize, predicted: usize, gold: usize) {
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("{label:4} P {p:.3} R {r:.3} F1 {f:.3} (tp {tp}, predicted {predicted}, gold {gold})");
}
