//! Formulaic sentences: those that resemble each other across independent articles on one
//! story, and so are weak evidence of reuse.
//!
//! Two kinds: **headlines** (a short line without final punctuation: "Storm hits coast,
//! thousands without power" is what any outlet would title; and web address lines, whose words
//! are the story's keywords) and **quotations** (a sentence
//! mostly inside quotation marks: outlets that never saw each other's copy carry the same
//! statement of the same official word for word). Such sentences still align and still count
//! in the shares of aligned sentences, but a derivation needs enough aligned sentences that are
//! neither (see `MIN_PASSAGES` in the module above).
//!
//! Quotation marks are scanned leniently, unlike the altered-quote scan: `` and '' pairs
//! count, a straight quote opens or closes by the characters around it, a quotation may span
//! several lines (bounded by `MAX_QUOTE_BYTES`), and a closing mark with nothing open closes
//! a quotation that began at the start of its line.

use dossier_core::Span;

use crate::text::for_each_word;

/// Most words of a headline.
const HEADLINE_WORDS: usize = 15;
/// Share of a sentence's word characters inside quotation marks from which it is a quotation.
const QUOTED_SHARE: f64 = 0.5;

/// What kind of sentence it is, as evidence of reuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Formula {
    /// An ordinary sentence.
    None,
    /// A headline or an address line: weak evidence unless repeated word for word.
    Headline,
    /// Mostly quoted speech: weak evidence even word for word.
    Quotation,
}

/// The kind of each sentence of `spans` in `text` (see the module documentation).
pub(crate) fn formulaic(text: &str, spans: &[Span]) -> Vec<Formula> {
    let quoted = quoted_ranges(text);
    spans
        .iter()
        .map(|&span| {
            if is_headline(text, span) {
                Formula::Headline
            } else if is_quotation(text, span, &quoted) {
                Formula::Quotation
            } else {
                Formula::None
            }
        })
        .collect()
}

/// A short sentence that does not end with sentence punctuation, or a web address line.
fn is_headline(text: &str, span: Span) -> bool {
    let slice = text.get(span.range()).unwrap_or("").trim_end();
    if is_url(slice) {
        return true;
    }
    let ends = slice.chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | '"' | '”' | '\'' | '’' | '»' | ')' | ':' | ';' | ','
        )
    });
    let mut words = 0;
    for_each_word(slice, |_| words += 1);
    !ends && words <= HEADLINE_WORDS
}

/// True when the sentence starts with a web address.
fn is_url(slice: &str) -> bool {
    let mut first = None;
    for_each_word(slice, |word| {
        if first.is_none() {
            first = Some(matches!(word.norm, "http" | "https" | "www"));
        }
    });
    first == Some(true)
}

/// True when most of the sentence's word characters are inside `quoted` (sorted ranges).
fn is_quotation(text: &str, span: Span, quoted: &[Span]) -> bool {
    let slice = text.get(span.range()).unwrap_or("");
    let (mut inside, mut all) = (0usize, 0usize);
    for_each_word(slice, |word| {
        let at = span.start + word.start;
        let len = word.end - word.start;
        all += len;
        let k = quoted.partition_point(|q| q.end <= at);
        if quoted.get(k).is_some_and(|q| q.start <= at) {
            inside += len;
        }
    });
    all > 0 && inside as f64 >= QUOTED_SHARE * all as f64
}

/// The ranges of `text` inside quotation marks, sorted and disjoint.
fn quoted_ranges(text: &str) -> Vec<Span> {
    let mut quotes = Quotes {
        text,
        spans: Vec::new(),
        open: None,
    };
    let bytes = text.as_bytes();
    let doubled = |i: usize, b: u8| bytes.get(i) == Some(&b) && bytes.get(i + 1) == Some(&b);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let (opening, closing) = match c {
            '“' | '«' => (true, false),
            '”' | '»' => (false, true),
            '`' | '\'' if doubled(i, c as u8) => {
                chars.next();
                (c == '`', c == '\'')
            }
            '"' => straight_quote(text, i),
            _ => continue,
        };
        let after = i + c.len_utf8() + usize::from(doubled(i, b'`') || doubled(i, b'\''));
        match quotes.open {
            Some(_) if !opening => quotes.close(i),
            Some(_) => {
                quotes.abandon();
                quotes.open = Some(after);
            }
            None if !closing => quotes.open = Some(after),
            // A closing mark with nothing open: the quotation began at the start of its line
            // (a quotation continued from an earlier paragraph).
            None => {
                let start = text[..i].rfind('\n').map_or(0, |n| n + 1);
                quotes.spans.push(Span::new(start, i));
            }
        }
    }
    quotes.abandon();
    quotes.spans.sort_by_key(|s| (s.start, s.end));
    quotes.spans
}

/// Longest quotation from its opening mark to its closing mark; an opening mark left unclosed
/// for longer only quotes the rest of its line.
const MAX_QUOTE_BYTES: usize = 1000;

/// The state of the quotation scan.
struct Quotes<'a> {
    text: &'a str,
    spans: Vec<Span>,
    /// Where the open quotation's text starts.
    open: Option<usize>,
}

impl Quotes<'_> {
    /// Closes the open quotation at `end`.
    fn close(&mut self, end: usize) {
        match self.open.take() {
            Some(start) if end - start <= MAX_QUOTE_BYTES => self.spans.push(Span::new(start, end)),
            Some(start) => {
                self.open = Some(start);
                self.abandon();
            }
            None => {}
        }
    }

    /// Gives up the open quotation: it quotes the rest of its line.
    fn abandon(&mut self) {
        if let Some(start) = self.open.take() {
            let end = self.text[start..]
                .find('\n')
                .map_or(self.text.len(), |n| start + n);
            self.spans.push(Span::new(start, end));
        }
    }
}

/// Whether a straight quote at byte `i` is clearly `(opening, closing)` from the characters
/// around it (neither when spaces or letters are on both sides).
fn straight_quote(text: &str, i: usize) -> (bool, bool) {
    let before = text[..i].chars().next_back();
    let after = text[i + 1..].chars().next();
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    (
        space(before) && word(after),
        word(before) && (space(after) || after.is_some_and(|c| c.is_ascii_punctuation())),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::sentences::split;

    #[test]
    fn formulaic_sentences() {
        use Formula::{Headline as H, None as N, Quotation as Q};
        let check = |text: &str, expected: &[Formula]| {
            assert_eq!(formulaic(text, &split(text)), expected, "{text:?}");
        };
        check(
            "Storm hits the coast, thousands without power\nThe storm cut power to homes.",
            &[H, N],
        );
        check(
            "https://example.org/news/2024/05/storm-hits-the-coast-and-the-harbour-towns-of-the-north-tonight.html\nThe storm cut power.",
            &[H, N],
        );
        check(
            "“We will rebuild every house,” the governor said. Crews worked all night.",
            &[Q, N],
        );
        check(
            "``Decisions like this are never easy,'' the manager said on Friday.",
            &[Q],
        );
        // A quotation spanning two sentences: both are mostly quoted.
        check(
            "He added: \"The bridge is safe. We checked it twice.\" Then he left the room.",
            &[Q, Q, N],
        );
        // One sentence per paragraph, a quotation running over two of them; then a
        // continued quotation without its opening mark.
        check(
            "\"We are ready.\n\nThe work starts now, \" she said.\n\nShe left.\n\nIt is over,\" he said.",
            &[Q, Q, N, Q],
        );
        // A short quoted phrase inside a long sentence does not make it a quotation.
        check(
            "The mayor called the plan “reckless” in a long speech to the council on Monday.",
            &[N],
        );
        check("", &[]);
    }
}
