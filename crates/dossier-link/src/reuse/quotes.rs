//! Altered quotes: a quotation of the derived document whose words differ from the quotation
//! it renders in the aligned source sentence ("courage and masculinity" for "courage and
//! manliness").
//!
//! Quotes come from the annotations; a document without any gets its quotes from a simple
//! scan for “…”, «…» and "…" pairs, so the check works on bare text too. Within one aligned
//! sentence pair, each derived quote is matched with the source quote sharing most words (by
//! position when none share any), and is altered when their normalized words differ and
//! neither is a part of the other (quoting part of a quote is not altering it).

use dossier_core::{AlteredQuote, AnalyzedDocument, Span};

use crate::text::fold;

/// The quotation spans of a document (text inside the marks), from its annotations or a scan.
pub(crate) fn quote_spans(doc: &AnalyzedDocument) -> Vec<Span> {
    let quotes = &doc.annotations.quotes;
    if quotes.is_empty() {
        scan(&doc.document.text)
    } else {
        let text = &doc.document.text;
        quotes
            .iter()
            .map(|q| q.span)
            .filter(|s| text.get(s.range()).is_some())
            .collect()
    }
}

/// Quotations found by their marks: curly pairs, guillemets, and straight quotes taken two by
/// two within a line.
pub(crate) fn scan(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“' | '«' | '"') => open = Some((c, i + c.len_utf8())),
            (Some(('“', start)), '”') | (Some(('«', start)), '»') | (Some(('"', start)), '"') =>
            {
                if text[start..i].chars().any(char::is_alphanumeric) {
                    spans.push(Span::new(start, i));
                }
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    spans
}

/// The altered quotes among the aligned sentence pairs `(derived sentence, source sentence)`.
pub(crate) fn altered(
    derived_text: &str,
    derived_quotes: &[Span],
    source_text: &str,
    source_quotes: &[Span],
    pairs: &[(Span, Span)],
) -> Vec<AlteredQuote> {
    let mut out = Vec::new();
    for &(d_sentence, s_sentence) in pairs {
        let d_quotes = starting_in(derived_quotes, d_sentence);
        let s_quotes = starting_in(source_quotes, s_sentence);
        if d_quotes.is_empty() || s_quotes.is_empty() {
            continue;
        }
        let s_words: Vec<String> = s_quotes.iter().map(|q| words_in(source_text, *q)).collect();
        for (n, dq) in d_quotes.iter().enumerate() {
            let d_words = words_in(derived_text, *dq);
            let best =
                best_match(&d_words, &s_words).or((d_quotes.len() == s_quotes.len()).then_some(n));
            let Some(m) = best else { continue };
            let s_words = &s_words[m];
            if !d_words.is_empty()
                && !s_words.contains(&d_words)
                && !d_words.contains(s_words.as_str())
            {
                out.push(AlteredQuote {
                    derived: *dq,
                    source: s_quotes[m],
                });
            }
        }
    }
    out.sort_by_key(|q| (q.derived, q.source));
    out.dedup();
    out
}

/// The normalized words of `span` in `text` (none for a span that does not fit the text).
fn words_in(text: &str, span: Span) -> String {
    fold(text.get(span.range()).unwrap_or(""))
}

/// Quotes that start inside `sentence`.
fn starting_in(quotes: &[Span], sentence: Span) -> Vec<Span> {
    quotes
        .iter()
        .copied()
        .filter(|q| sentence.start <= q.start && q.start < sentence.end)
        .collect()
}

/// The candidate sharing most words with `words`, when any shares one.
fn best_match(words: &str, candidates: &[String]) -> Option<usize> {
    let mine: Vec<&str> = words.split(' ').collect();
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (
                i,
                c.split(' ')
                    .filter(|w| !w.is_empty() && mine.contains(w))
                    .count(),
            )
        })
        .filter(|(_, shared)| *shared > 0)
        .max_by_key(|(i, shared)| (*shared, std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanning() {
        let check = |text: &str, expected: &[&str]| {
            let got: Vec<&str> = scan(text).iter().map(|s| s.slice(text)).collect();
            assert_eq!(got, expected, "{text:?}");
        };
        check(
            "He said “serious concern.” and \"grave\" too",
            &["serious concern.", "grave"],
        );
        check("«Ciao» and “unclosed\nline” here", &["Ciao"]);
        check("“ — ”", &[]);
        check("", &[]);
    }

    /// `(derived sentence, source sentence, expected altered (derived, source) quote texts)`.
    #[test]
    fn alterations() {
        type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let table: &[Row<'_>] = &[
            (
                "He praised his “courage and masculinity.” and his “position on the war.”",
                "He praised his \"courage and manliness.\" and his \"position on the war\".",
                &[("courage and masculinity.", "courage and manliness.")],
            ),
            (
                "They expressed only “serious concern.”",
                "They expressed only \"grave concerns.\"",
                &[("serious concern.", "grave concerns.")],
            ),
            (
                "She called it “a barbaric attack”.",
                "She called it “a barbaric attack by extremists”.",
                &[],
            ),
            (
                "She called it “a barbaric attack”.",
                "She called it a barbaric attack.",
                &[],
            ),
        ];
        for (derived, source, expected) in table {
            let pairs = [(Span::new(0, derived.len()), Span::new(0, source.len()))];
            let got: Vec<(&str, &str)> =
                altered(derived, &scan(derived), source, &scan(source), &pairs)
                    .iter()
                    .map(|q| (q.derived.slice(derived), q.source.slice(source)))
                    .collect();
            assert_eq!(&got, expected, "{derived:?}");
        }
    }
}
