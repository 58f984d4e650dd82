//! Scores entity mentions against an IOB-tagged NER file: typed exact-span precision, recall
//! and F1 for PER, ORG and LOC (our GPE and LOC both count as LOC; MISC and NORP are left out
//! on both sides, as in the usual PER/ORG/LOC evaluation).
//!
//! `cargo run -p dossier-annotate --example eval_iob -- FILE [FILE...]`
//!
//! Reads Wikigold-style files (`token TAG` a line, `-DOCSTART-` between documents) and UNER
//! `.iob2` files (tab-separated CoNLL-U-like columns, `# newdoc` between documents). Each
//! document's text is rebuilt by joining tokens with spaces and sentences with blank lines, so
//! sentence splitting follows the gold sentences; only the name finder is measured.

use std::collections::BTreeMap;

use dossier_annotate::split_sentences;
use dossier_core::EntityKind;

/// One gold or predicted name: byte range and label.
type Labeled = (usize, usize, &'static str);

#[derive(Default)]
struct Doc {
    text: String,
    gold: Vec<Labeled>,
    open: Option<(usize, usize, &'static str)>,
}

impl Doc {
    fn push_token(&mut self, token: &str, tag: &str) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(token);
        let end = self.text.len();
        let (prefix, label) = tag.split_once('-').unwrap_or(("O", ""));
        let label = match label {
            "PER" => Some("PER"),
            "ORG" => Some("ORG"),
            "LOC" => Some("LOC"),
            _ => None,
        };
        match (label, self.open.as_mut()) {
            (Some(l), Some(open)) if open.2 == l && prefix == "I" => open.1 = end,
            (Some(l), _) => {
                self.close();
                self.open = Some((start, end, l));
            }
            (None, _) => self.close(),
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
    }

    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            self.gold.push(open);
        }
    }
}

fn read_docs(content: &str) -> Vec<Doc> {
    let mut docs = vec![Doc::default()];
    for line in content.lines() {
        let line = line.trim_end();
        let new_doc = line.starts_with("-DOCSTART-") || line.starts_with("# newdoc");
        if new_doc {
            docs.last_mut().map(Doc::end_sentence);
            docs.push(Doc::default());
            continue;
        }
        if line.starts_with('#') && line.contains(" = ") {
            continue;
        }
        if line.is_empty() {
            docs.last_mut().map(Doc::end_sentence);
            continue;
        }
        let columns: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').collect()
        };
        let (token, tag) = match columns.as_slice() {
            [_, token, tag, ..] if line.contains('\t') => (*token, *tag),
            [token, tag] => (*token, *tag),
            _ => continue,
        };
        if let Some(doc) = docs.last_mut() {
            doc.push_token(token, tag);
        }
    }
    docs.last_mut().map(Doc::end_sentence);
    docs.retain(|d| !d.text.is_empty());
    docs
}

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
    let mut words = 0;
    let mut elapsed = std::time::Duration::ZERO;
    for path in std::env::args().skip(1) {
        let content = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        for doc in read_docs(&content) {
            let started = std::time::Instant::now();
            let sentences = split_sentences(&doc.text);
            let mentions = dossier_annotate::find_mentions(&doc.text, &sentences);
            elapsed += started.elapsed();
            words += doc.text.split_whitespace().count();
            let predicted: Vec<Labeled> = mentions
                .iter()
                .filter_map(|m| Some((m.span.start, m.span.end, label(m.kind)?)))
                .collect();
            for &(s, e, l) in &doc.gold {
                counts.entry(l).or_default()[2] += 1;
                if predicted.contains(&(s, e, l)) {
                    counts.entry(l).or_default()[0] += 1;
                }
            }
            for &(_, _, l) in &predicted {
                counts.entry(l).or_default()[1] += 1;
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
    println!("{words} words in {elapsed:?} (sentences + entities)");
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
