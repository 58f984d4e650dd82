//! Word-level normalization shared by names and texts: lower case, diacritics and non-Latin
//! scripts folded to ASCII (`deunicode`), punctuation dropped.
//!
//! The tokenizer walks bytes with an ASCII fast path and reuses one buffer, because it runs
//! over every word of the corpus when signatures are computed. The English possessive (`'s`,
//! `’s`) is dropped so that "Hamas's" and "Hamas’" give the same words.

/// One normalized word and the byte range of its original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    /// Lower-case ASCII letters and digits.
    pub norm: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Calls `f` for every word of `text`, in order.
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(Word<'_>)) {
    let bytes = text.as_bytes();
    let mut buf = String::new();
    let mut start = 0;
    let mut i = 0;
    let mut emit = |buf: &mut String, start: usize, end: usize| {
        if !buf.is_empty() {
            f(Word {
                norm: buf,
                start,
                end,
            });
            buf.clear();
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            if buf.is_empty() {
                start = i;
            }
            buf.push(b.to_ascii_lowercase() as char);
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        if (c == '\'' || c == '’') && !buf.is_empty() && is_possessive_s(bytes, i + len) {
            emit(&mut buf, start, i);
            i += len + 1;
            continue;
        }
        if !c.is_ascii() && c.is_alphanumeric() {
            if buf.is_empty() {
                start = i;
            }
            fold_char(c, &mut buf);
            i += len;
            continue;
        }
        emit(&mut buf, start, i);
        i += len;
    }
    emit(&mut buf, start, bytes.len());
}

/// True when `bytes[at]` is an `s` that ends a word.
fn is_possessive_s(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b's' | b'S'))
        && !bytes
            .get(at + 1)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b >= 0x80)
}

/// Appends the ASCII folding of one non-ASCII letter or digit ("à" → "a", "Ж" → "zh").
fn fold_char(c: char, buf: &mut String) {
    if let Some(folded) = deunicode::deunicode_char(c) {
        buf.extend(
            folded
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        );
    }
}

/// The normalized words of `text`, joined by single spaces ("Milàn  CZERNY!" → "milan czerny").
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_word(text, |word| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word.norm);
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(fold(input), expected, "input {input:?}");
    }

    #[test]
    fn folding() {
        check("Milàn  CZERNY!", "milan czerny");
        check("Hamas's actions", "hamas actions");
        check("Hamas’ actions", "hamas actions");
        check("Moscow’s goal", "moscow goal");
        check("it's", "it");
        check("“serious concern.”", "serious concern");
        check("9/11 attacks—in 2015,", "9 11 attacks in 2015");
        check("Сергей Лавров", "sergei lavrov");
        check("Be’er Sheva", "be er sheva");
        check("", "");
        check("— … “”", "");
    }

    #[test]
    fn word_offsets() {
        let text = "À Milàn, now";
        let mut words = Vec::new();
        for_each_word(text, |w| {
            words.push((w.norm.to_string(), &text[w.start..w.end]))
        });
        assert_eq!(
            words,
            vec![
                ("a".into(), "À"),
                ("milan".into(), "Milàn"),
                ("now".into(), "now")
            ]
        );
    }
}
