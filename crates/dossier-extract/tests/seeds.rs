//! End to end over the seed articles: annotate, then extract. Checks a few claims a reader
//! finds in them, rendered as `type agent=… patient=… place=… time=value/anchor modality`.

use dossier_core::{Document, Metadata};

fn claims_of(name: &str) -> Vec<String> {
    let path = format!(
        "{}/../../../shared/corpus/seeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).expect("seed file");
    let doc = Document {
        id: name.into(),
        path: name.into(),
        sha256: String::new(),
        text,
        meta: Metadata::default(),
    };
    let (annotations, _) = dossier_annotate::annotate(&doc);
    let (claims, _) = dossier_extract::extract(&doc, &annotations);
    claims
        .iter()
        .map(|c| {
            let mut line = c.event_type.clone();
            for p in &c.participants {
                line += &format!(" {}={}", p.role.label(), p.mention.slice(&doc.text));
            }
            if let Some(p) = c.place {
                line += &format!(" place={}", p.slice(&doc.text));
            }
            if let Some(t) = &c.time {
                line += &format!(" time={}/{}", t.value, t.anchor.label());
            }
            line + " " + c.modality.label()
        })
        .collect()
}

fn check(name: &str, expected: &[&str]) {
    let claims = claims_of(name);
    for want in expected {
        assert!(
            claims.iter().any(|c| c == want),
            "{name}: missing {want}\ngot: {claims:#?}"
        );
    }
}

#[test]
fn seed_claims() {
    check(
        "004_986aaf94c03a7e80.txt",
        &[
            "visit agent=Khaled Mashal place=Moscow time=2006-03/absolute asserted",
            "meet agent=Medvedev patient=Khaled Mashal time=2010/absolute asserted",
        ],
    );
    check(
        "000_431b692e30312d92.txt",
        &[
            "host agent=Putin patient=Khaled Mashal place=Moscow time=2007/narrative asserted",
            "supply_weapons agent=Russia recipient=Hamas alleged",
        ],
    );
}
