//! Prints the claims and attribute claims extraction finds in a text file, one a line.
//!
//! `cargo run -p dossier-extract --example claims -- FILE [YYYY-MM-DD]`

use dossier_core::{AttributeValue, Document, Metadata};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: claims FILE [PUBLISHED]");
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
        meta: Metadata {
            published: args.next().and_then(|d| d.parse().ok()),
            ..Metadata::default()
        },
    };
    let (annotations, _) = dossier_annotate::annotate(&doc);
    let (claims, _) = dossier_extract::extract(&doc, &annotations);
    let t = |s: dossier_core::Span| s.slice(&doc.text).replace('\n', " ");
    for c in &claims {
        let participants: Vec<String> = c
            .participants
            .iter()
            .map(|p| format!("{}:{}", p.role.label(), t(p.mention)))
            .collect();
        println!(
            "C\t{}\t{}\t{}\ttime={:?}\tplace={:?}\tspeaker={:?}\t{}",
            c.event_type,
            t(c.trigger),
            participants.join(", "),
            c.time.as_ref().map(|x| (x.value.clone(), x.anchor.label())),
            c.place.map(t),
            c.speaker,
            c.modality.label()
        );
    }
    for a in dossier_extract::attributes(&doc, &annotations) {
        let value = match &a.value {
            AttributeValue::Kinship { relation, relative } => {
                format!("{relation} of {}", t(*relative))
            }
            AttributeValue::Role { role, of } => format!("{role} of {:?}", of.map(t)),
            AttributeValue::Count(c) => format!(
                "{} {} {} ({})",
                c.bound.label(),
                c.value,
                c.what,
                c.event_type
            ),
        };
        println!(
            "A\t{}\tholder={:?}\tposition={:?}\t{value}\t[{}]",
            a.value.kind_label(),
            a.holder.map(t),
            a.position
                .as_ref()
                .map(|p| format!("{} of {}", p.role, t(p.of))),
            t(a.span)
        );
    }
}
