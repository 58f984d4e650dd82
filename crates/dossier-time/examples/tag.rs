//! Tags a text read from stdin, one sentence per line, and prints one expression per line:
//! `start<TAB>end<TAB>type<TAB>value<TAB>anchor<TAB>surface` (byte offsets).
//!
//! `cargo run -p dossier-time --example tag -- 2023-10-09 < article.txt` (the date is optional).

use std::io::Read;

use chrono::NaiveDate;
use dossier_core::Span;

fn main() {
    let published = std::env::args()
        .nth(1)
        .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("stdin is not UTF-8 text");
        std::process::exit(1);
    }
    let mut sentences = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.is_empty() {
            sentences.push(Span::new(start, start + trimmed.len()));
        }
        start += line.len();
    }
    for t in dossier_time::tag_times(&text, &sentences, published) {
        let surface = &text[t.span.range()];
        println!(
            "{}\t{}\t{}\t{}\t{}\t{surface}",
            t.span.start,
            t.span.end,
            t.kind.label(),
            t.value,
            t.anchor.label()
        );
    }
}
