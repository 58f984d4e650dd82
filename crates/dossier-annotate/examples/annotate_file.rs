//! Prints what annotation finds in a text file: sentences, mentions and quotes, one a line.
//!
//! `cargo run -p dossier-annotate --example annotate_file -- FILE`

use dossier_core::{Document, Metadata};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: annotate_file FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    let doc = Document {
        id: path.clone(),
        path: path.clone(),
        sha256: String::new(),
        text,
        meta: Metadata::default(),
    };
    let (annotations, _) = dossier_annotate::annotate(&doc);
    for span in &annotations.sentences {
        println!("S\t{}", span.slice(&doc.text).replace('\n', " "));
    }
    for mention in &annotations.mentions {
        println!(
            "M\t{}\t{}\t{}",
            mention.kind.label(),
            mention.span.slice(&doc.text),
            mention.canonical
        );
    }
    for quote in &annotations.quotes {
        println!(
            "Q\t{}\t{}",
            quote.speaker.as_deref().unwrap_or("-"),
            quote.span.slice(&doc.text).replace('\n', " ")
        );
    }
}
