//! Time expressions: find them in running English news text and normalize them to TIMEX3
//! values, resolving relative ones against the right anchor.
//!
//! Usable on its own: give it a text, its sentence spans and the publication date, and it
//! returns every time expression (text order, non-overlapping) with its TIMEX3 type and value
//! and the anchor the value was computed from: its own words (`Absolute`: "March 23, 2004"),
//! the publication date (`Document`: "on Saturday", "last week") or the narrative time, the last
//! date the text itself established (`Narrative`: "that year", "a year later").
//!
//! ```
//! use chrono::NaiveDate;
//! use dossier_core::{Anchor, Span};
//! use dossier_time::tag_times;
//!
//! let text = "In 2006, the talks began. A year later, they met on Saturday.";
//! let sentences = [Span::new(0, 25), Span::new(26, text.len())];
//! let published = NaiveDate::from_ymd_opt(2023, 10, 9);
//! let times = tag_times(text, &sentences, published);
//! let found: Vec<_> = times.iter().map(|t| (&text[t.span.range()], t.value.as_str(), t.anchor)).collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("2006", "2006", Anchor::Absolute),
//!         ("A year later", "2007", Anchor::Narrative),
//!         ("Saturday", "2023-10-07", Anchor::Document),
//!     ]
//! );
//! ```
//!
//! How it works, stage by stage (one module each):
//! - `lexicon`: month, weekday, number, unit, season and reference words,
//!   loaded from `resources/time/*.txt`.
//! - `tokens`: one pass cuts the text into classified tokens.
//! - `recognize`: a hand-written grammar finds expressions (leftmost-longest) and says what they
//!   mean, without resolving them.
//! - `anchor`: resolves them in text order against the publication date and the narrative time.
//! - `normalize`: calendar points, their arithmetic and TIMEX3 strings.
//!
//! No regular expressions: the grammar looks at each token once or twice, which keeps the
//! tagger far above the pipeline's speed budget. Spans are byte offsets on char boundaries
//! (tokens only start and end at ASCII bytes or whole characters).

mod anchor;
mod lexicon;
mod normalize;
mod recognize;
mod tokens;

use chrono::NaiveDate;
use dossier_core::{Span, TimeExpr};

/// Finds and normalizes the time expressions of `text`.
///
/// `sentences` are the sentence spans of `text` (in order; may be empty, then sentence-level
/// decisions use a window around the expression); `published` is the document creation time
/// that deictic expressions ("on Saturday", "last week") are resolved against. Never panics.
pub fn tag_times(text: &str, sentences: &[Span], published: Option<NaiveDate>) -> Vec<TimeExpr> {
    let tokens = tokens::tokenize(text);
    let hits = recognize::recognize(text, &tokens);
    let mut resolver = anchor::Resolver::new(text, &tokens, sentences, published);
    hits.iter().map(|hit| resolver.resolve(hit)).collect()
}

#[cfg(test)]
mod tests;
