//! Sentence splitting.
//!
//! Two kinds of boundaries. *Hard* ones come from the layout: a blank line always ends a
//! sentence, and so does the end of a heading-like line (one without final punctuation whose
//! next line starts like a new sentence), because titles, datelines, list items and table rows
//! rarely end in a period, and the end of a line ending in a colon before such a line (the
//! list or table it opens). *Soft* ones come from punctuation: `.`, `!` or `?`, possibly followed by closing
//! quotes or brackets, then whitespace and something that can open a sentence (a capital, a
//! digit, an opening quote or bracket).
//!
//! The key decision is how abbreviations are handled: a period after an abbreviation from
//! `resources/annotate/abbreviations.txt` ("Oct.", "Dr."), after a single capital letter (an
//! initial, "J. R. Smith") or after a dotted acronym ("U.S.") ends a sentence only when the next
//! word is a typical sentence starter from `sentence_starters.txt` ("He", "The", "This"). So
//! "Oct. 7 attacks", "Dr. Smith" and "the U.S. troops" stay whole while "in the U.S. He said"
//! splits; "the U.S. Congress" stays whole, which is the usual case in news.

use dossier_core::Span;

use crate::lexicon::LEXICON;

/// Splits `text` into sentence spans (trimmed, in order, non-overlapping).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::with_capacity(text.len() / 100 + 1);
    for block in hard_blocks(text) {
        split_block(text, block, &mut spans);
    }
    spans
}

/// Words that end a wrapped line mid-sentence: a line ending in one of them is not a heading.
const LINE_CONTINUATIONS: [&str; 16] = [
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "as",
    "that",
];

/// Cuts `text` at blank lines and after heading-like lines.
fn hard_blocks(text: &str) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut block_start = 0;
    let mut line_start = 0;
    while line_start < text.len() {
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |i| line_start + i);
        let next_start = (line_end + 1).min(text.len());
        let line = text[line_start..line_end].trim();
        let next_line = text[next_start..].split('\n').next().unwrap_or("").trim();
        if line.is_empty() || is_heading_end(line, next_line) {
            blocks.push(Span::new(block_start, line_end));
            block_start = line_end;
        }
        line_start = next_start.max(line_end + 1);
    }
    blocks.push(Span::new(block_start.min(text.len()), text.len()));
    blocks
}

/// True when a line break after `line` ends a sentence although `line` has no final punctuation.
fn is_heading_end(line: &str, next_line: &str) -> bool {
    let Some(last) = line.chars().next_back() else {
        return false;
    };
    let Some(next_first) = next_line.chars().next() else {
        return false;
    };
    if next_first.is_lowercase() {
        return false;
    }
    // A colon ending a line introduces a list or a table ("Results on Saturday:").
    if last == ':' {
        return true;
    }
    if ".!?;,…\"”’)»]-–—/(".contains(last) {
        return false;
    }
    let last_word = line
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    !LINE_CONTINUATIONS.contains(&last_word)
}

/// Splits one block at sentence-final punctuation, pushing trimmed, non-empty sentences.
fn split_block(text: &str, block: Span, spans: &mut Vec<Span>) {
    let mut start = block.start;
    let slice = &text[block.range()];
    let mut chars = slice.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let at = block.start + offset;
        let Some(end) = boundary_after(text, at, block.end) else {
            continue;
        };
        push_trimmed(text, Span::new(start, end), spans);
        start = end;
        while chars.peek().is_some_and(|&(o, _)| block.start + o < end) {
            chars.next();
        }
    }
    push_trimmed(text, Span::new(start, block.end), spans);
}

/// If the terminal punctuation at `at` ends a sentence, the offset where that sentence ends.
fn boundary_after(text: &str, at: usize, limit: usize) -> Option<usize> {
    let rest = &text[at..limit];
    // The punctuation run ("?!", "...") and closing quotes or brackets belong to the sentence.
    let end = at
        + rest
            .char_indices()
            .find(|&(_, c)| !(".!?…\"”’'»)]".contains(c)))
            .map_or(rest.len(), |(i, _)| i);
    let after = &text[end..limit];
    let next_offset = after.char_indices().find(|&(_, c)| !c.is_whitespace())?.0;
    if next_offset == 0 {
        return None;
    }
    let next = &after[next_offset..];
    let next_char = next.chars().next()?;
    let opens_sentence =
        next_char.is_uppercase() || next_char.is_numeric() || "\"“‘«([*#".contains(next_char);
    if !opens_sentence {
        return None;
    }
    let single_period = text[at..].starts_with('.') && !text[at..].starts_with("..");
    if single_period && is_abbreviation(text, at) && !starts_with_starter(next) {
        return None;
    }
    Some(end)
}

/// True when the word right before the period at `period` is an abbreviation, an initial or a
/// dotted acronym.
fn is_abbreviation(text: &str, period: usize) -> bool {
    let before = &text[..period];
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || "(\"“‘«[".contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    word.contains('.') || is_abbreviation_or_initial(word)
}

/// True for a word that a period abbreviates ("Dr", "Oct") or a single capital (an initial).
pub(crate) fn is_abbreviation_or_initial(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_capital || LEXICON.abbreviations.contains(word)
}

/// True when `text` starts with a word from the sentence-starter list.
fn starts_with_starter(text: &str) -> bool {
    let word_end = text
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(text.len());
    LEXICON.sentence_starters.contains(&text[..word_end])
}

fn push_trimmed(text: &str, span: Span, spans: &mut Vec<Span>) {
    let slice = &text[span.range()];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = span.start + trimmed_start;
        spans.push(Span::new(start, start + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let spans = split_sentences(text);
        let sentences: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
        assert_eq!(sentences, expected, "sentences of {text:?}");
    }

    #[test]
    fn splits_at_terminal_punctuation() {
        check(
            "He left. She stayed! Why? Nobody knows.",
            &["He left.", "She stayed!", "Why?", "Nobody knows."],
        );
        check(
            "It ended in 1993. 2006 was different.",
            &["It ended in 1993.", "2006 was different."],
        );
        check("No split here.lowercase", &["No split here.lowercase"]);
        check("", &[]);
        check("  \n\n  ", &[]);
    }

    #[test]
    fn abbreviations_initials_and_numbers_do_not_end_sentences() {
        check(
            "After the Oct. 7 attacks, Dr. Smith met Mr. Jones.",
            &["After the Oct. 7 attacks, Dr. Smith met Mr. Jones."],
        );
        check(
            "J. R. Smith wrote it, e.g. in No. 5 at 3.5 p.m. yesterday.",
            &["J. R. Smith wrote it, e.g. in No. 5 at 3.5 p.m. yesterday."],
        );
        check(
            "The U.S. Congress voted. Gen. Lee agreed.",
            &["The U.S. Congress voted.", "Gen. Lee agreed."],
        );
        check(
            "Troops went to the U.S. He said so.",
            &["Troops went to the U.S.", "He said so."],
        );
        check(
            "They met on St. Patrick's Day.",
            &["They met on St. Patrick's Day."],
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        check(
            "He said: “It is over.” Then he left.",
            &["He said: “It is over.”", "Then he left."],
        );
        check(
            "It was \"grave.\" (It was.) “Next,” he said.",
            &["It was \"grave.\"", "(It was.)", "“Next,” he said."],
        );
    }

    #[test]
    fn paragraphs_and_headings_always_end_sentences() {
        check(
            "First paragraph without period\n\nSecond one.",
            &["First paragraph without period", "Second one."],
        );
        check(
            "## Why Russia Matters\nThe Kremlin said so.",
            &["## Why Russia Matters", "The Kremlin said so."],
        );
        check(
            "A line wrapped in the\nmiddle of a sentence.",
            &["A line wrapped in the\nmiddle of a sentence."],
        );
        check(
            "Wrapped before the\nKremlin spoke.",
            &["Wrapped before the\nKremlin spoke."],
        );
        check("Title\r\nBody text.", &["Title", "Body text."]);
        // A colon ending a line opens a list or a table; a wrapped line goes on.
        check(
            "Results on Saturday:\nLeeds 0 Newcastle 1",
            &["Results on Saturday:", "Leeds 0 Newcastle 1"],
        );
        check(
            "They named three:\nmilk, bread and tea.",
            &["They named three:\nmilk, bread and tea."],
        );
    }

    #[test]
    fn sentences_are_trimmed_ordered_and_cover_all_text() {
        let text = " Café “Milàn” closed. Über alles?  Ja!\n\n— dash";
        let spans = split_sentences(text);
        for pair in spans.windows(2) {
            assert!(pair[0].end <= pair[1].start);
        }
        let covered: String = spans.iter().map(|s| s.slice(text)).collect();
        let all: String = text.split_whitespace().collect();
        assert_eq!(covered.replace(' ', ""), all);
    }
}
