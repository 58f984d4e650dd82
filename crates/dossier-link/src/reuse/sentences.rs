//! A fallback sentence splitter, used only when a document arrives without sentence
//! annotations (e.g. when linking runs on bare ingested text).
//!
//! It is deliberately simple: a line break ends a sentence (headlines, bylines and list items
//! stand alone), and so does `.`, `!`, `?` or `…` (with any closing quotes or brackets) followed
//! by whitespace and an upper-case letter or an opening quote. "U.S. troops" and "Oct. 7" stay
//! whole; "Dr. Smith" splits, which costs alignment little.

use dossier_core::Span;

/// Sentence spans of `text`, trimmed, in order; spans without a letter or digit are dropped.
pub(crate) fn split(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, q)) = chars.peek() {
                    if !matches!(
                        q,
                        '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '.' | '!' | '?'
                    ) {
                        break;
                    }
                    end = j + q.len_utf8();
                    chars.next();
                }
                ends_sentence(&text[end..]).then_some(end)
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// True when what follows a terminal mark starts a new sentence.
fn ends_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    if !chars.next().is_some_and(char::is_whitespace) {
        return rest.is_empty();
    }
    chars
        .find(|c| !c.is_whitespace())
        .is_none_or(|c| c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '«' | '(' | '*' | '#'))
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(char::is_alphanumeric) {
        spans.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn splits() {
        check("One. Two! Three? Four", &["One.", "Two!", "Three?", "Four"]);
        check(
            "U.S. troops left on Oct. 7 at noon. Then more.",
            &["U.S. troops left on Oct. 7 at noon.", "Then more."],
        );
        check(
            "He said “serious concern.” Some may see.",
            &["He said “serious concern.”", "Some may see."],
        );
        check(
            "Title line\n\nBody text here.\n— \n",
            &["Title line", "Body text here."],
        );
        check("Wait… What?", &["Wait…", "What?"]);
        check("", &[]);
        check("  \n ... \n", &[]);
        check("Ends with a dot.", &["Ends with a dot."]);
    }
}
