//! A single-pass tokenizer made for date grammar.
//!
//! The text is cut into words, numbers and single punctuation marks, each with its byte span.
//! Numbers keep their digit count and whether they are plain digits: "1,033" and "2.5" are one
//! non-plain token each, so they can never be read as years, and "1990s" or "7th" carry their
//! suffix. Every word is looked up in the lexicon once, here, so the grammar works on
//! pre-classified tokens. Non-ASCII letters belong to words ("Milàn"); non-ASCII punctuation
//! (’ “ — …) is punctuation, so "Hamas’" ends before the apostrophe.

use crate::lexicon::{WordInfo, LEXICON};

/// What a number token ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    None,
    /// "1990s"
    S,
    /// "7th", "1st", "22nd", "3rd"
    Ordinal,
    /// "10am"
    Am,
    /// "3pm"
    Pm,
    Other,
}

/// The digits of a number token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number {
    /// Value of the digits (commas skipped, decimals dropped), saturating.
    pub value: u32,
    /// Number of digits before any comma group or decimal point.
    pub digits: u8,
    /// Only digits: no thousands separator, no decimal part.
    pub plain: bool,
    /// Has a decimal part ("2.5").
    pub decimal: bool,
    pub suffix: Suffix,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number(Number),
    Punct(char),
}

/// One token with its byte span in the text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lexicon entry of a word.
    pub info: Option<&'static WordInfo>,
    /// The first character is uppercase ("March", "MARCH").
    pub capitalized: bool,
}

/// Cuts `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
        } else if b.is_ascii_digit() {
            let (end, number) = scan_number(text, i);
            tokens.push(Token {
                start: i,
                end,
                kind: Kind::Number(number),
                info: None,
                capitalized: false,
            });
            i = end;
        } else if b.is_ascii_alphabetic() {
            i = push_word(text, i, &mut tokens);
        } else if b < 0x80 {
            tokens.push(punct(i, i + 1, char::from(b)));
            i += 1;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                i = push_word(text, i, &mut tokens);
            } else {
                if !c.is_whitespace() {
                    tokens.push(punct(i, i + c.len_utf8(), c));
                }
                i += c.len_utf8();
            }
        }
    }
    tokens
}

fn punct(start: usize, end: usize, c: char) -> Token {
    Token {
        start,
        end,
        kind: Kind::Punct(c),
        info: None,
        capitalized: false,
    }
}

/// True for bytes and characters that continue a word.
fn word_char_at(text: &str, i: usize) -> Option<usize> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii_alphanumeric() {
        return Some(1);
    }
    if b < 0x80 {
        return None;
    }
    let c = text[i..].chars().next()?;
    c.is_alphanumeric().then_some(c.len_utf8())
}

fn push_word(text: &str, start: usize, tokens: &mut Vec<Token>) -> usize {
    let mut end = start;
    while let Some(len) = word_char_at(text, end) {
        end += len;
    }
    let word = &text[start..end];
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    tokens.push(Token {
        start,
        end,
        kind: Kind::Word,
        info: LEXICON.lookup(word),
        capitalized,
    });
    end
}

/// Reads the number starting at `start`: digits, then `,ddd` groups, a decimal part, and a
/// letter suffix.
fn scan_number(text: &str, start: usize) -> (usize, Number) {
    let bytes = text.as_bytes();
    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let mut end = start;
    let mut value: u32 = 0;
    while digit(end) {
        value = value
            .saturating_mul(10)
            .saturating_add(u32::from(bytes[end] - b'0'));
        end += 1;
    }
    let digits = u8::try_from(end - start).unwrap_or(u8::MAX);
    let mut plain = true;
    let mut decimal = false;
    while bytes.get(end) == Some(&b',') && (1..=3).all(|k| digit(end + k)) && !digit(end + 4) {
        for k in 1..=3 {
            value = value
                .saturating_mul(10)
                .saturating_add(u32::from(bytes[end + k] - b'0'));
        }
        end += 4;
        plain = false;
    }
    if bytes.get(end) == Some(&b'.') && digit(end + 1) {
        end += 1;
        while digit(end) {
            end += 1;
        }
        plain = false;
        decimal = true;
    }
    let suffix_start = end;
    while let Some(len) = word_char_at(text, end) {
        end += len;
    }
    let tail = &text[suffix_start..end];
    let is = |s: &str| tail.eq_ignore_ascii_case(s);
    let suffix = if tail.is_empty() {
        Suffix::None
    } else if is("s") {
        Suffix::S
    } else if is("st") || is("nd") || is("rd") || is("th") {
        Suffix::Ordinal
    } else if is("am") {
        Suffix::Am
    } else if is("pm") {
        Suffix::Pm
    } else {
        Suffix::Other
    };
    (
        end,
        Number {
            value,
            digits,
            plain,
            decimal,
            suffix,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, Kind)> {
        tokenize(text)
            .iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect()
    }

    #[test]
    fn numbers_keep_their_shape() {
        let number = |value, digits, plain, suffix| {
            Kind::Number(Number {
                value,
                digits,
                plain,
                decimal: false,
                suffix,
            })
        };
        assert_eq!(
            kinds("1,033 in 2006, 1990s 7th 2.5"),
            vec![
                ("1,033", number(1033, 1, false, Suffix::None)),
                ("in", Kind::Word),
                ("2006", number(2006, 4, true, Suffix::None)),
                (",", Kind::Punct(',')),
                ("1990s", number(1990, 4, true, Suffix::S)),
                ("7th", number(7, 1, true, Suffix::Ordinal)),
                (
                    "2.5",
                    Kind::Number(Number {
                        value: 2,
                        digits: 1,
                        plain: false,
                        decimal: true,
                        suffix: Suffix::None
                    })
                ),
            ]
        );
    }

    #[test]
    fn unicode_words_and_punctuation() {
        assert_eq!(
            kinds("Hamas’ Milàn—mid-2000s"),
            vec![
                ("Hamas", Kind::Word),
                ("’", Kind::Punct('’')),
                ("Milàn", Kind::Word),
                ("—", Kind::Punct('—')),
                ("mid", Kind::Word),
                ("-", Kind::Punct('-')),
                (
                    "2000s",
                    Kind::Number(Number {
                        value: 2000,
                        digits: 4,
                        plain: true,
                        decimal: false,
                        suffix: Suffix::S
                    })
                ),
            ]
        );
    }
}
