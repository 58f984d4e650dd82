//! Values: the numbers and dates of a passage, and those that changed between two aligned
//! passages ("forty bridges" → "40 bridges" is kept; "in March 2006" → "in 2007" changed).
//!
//! A passage's values are read from its words (`crate::text`), with the month names, number
//! words and scale words of `resources/link/values.tsv`: digit groups ("1,000", "2.5", "7th"),
//! number words ("forty-two"), a scale after a number ("250 million"), and dates made of an
//! optional day, a month and an optional year ("4 May 2021", "May 4, 2021", "March 2006"),
//! or a year alone ("in 2006"). A bare month word counts only when capitalized, so that the
//! verb "march" is not a date.
//!
//! Key decision: values are compared by *compatibility*, not equality of text: a date keeps
//! its meaning when it loses precision ("March 2006" → "2006"), and a number when it is
//! written in words. A value of the derived passage with no compatible value in the source
//! passage, and a source value with none in the derived passage, of the same kind, make one
//! [`ChangedValue`]; a value that was only added or only dropped is not a change.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use dossier_core::{ChangedValue, Span};

use crate::resources::STOPWORDS;
use crate::text::for_each_word;

/// What a normalized word means as a value.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Lexeme {
    Month(u8),
    Number(f64),
    Scale(f64),
}

/// Month names, number words and scale words (`resources/link/values.tsv`).
static LEXICON: LazyLock<FxHashMap<&'static str, Lexeme>> =
    LazyLock::new(|| parse_lexicon(include_str!("../../../../resources/link/values.tsv")));

fn parse_lexicon(text: &'static str) -> FxHashMap<&'static str, Lexeme> {
    let mut map = FxHashMap::default();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        let (Some(kind), Some(value), Some(words)) = (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let Ok(value) = value.trim().parse::<f64>() else {
            continue;
        };
        let lexeme = match kind.trim() {
            "month" => Lexeme::Month(value as u8),
            "number" => Lexeme::Number(value),
            "scale" => Lexeme::Scale(value),
            _ => continue,
        };
        for word in words.split_whitespace() {
            map.insert(word, lexeme);
        }
    }
    map
}

/// The month (1–12) a word names in one of the languages of the lexicon ("maggio" → 5);
/// an English function word only when capitalized ("May", not "may").
pub(crate) fn month(norm: &str, capital: bool) -> Option<u8> {
    match LEXICON.get(norm) {
        Some(Lexeme::Month(m)) if capital || !STOPWORDS.contains(norm) => Some(*m),
        _ => None,
    }
}

/// The value of a number or date expression.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    Number(f64),
    /// At least one field is set.
    Date {
        year: Option<i32>,
        month: Option<u8>,
        day: Option<u8>,
    },
}

impl Value {
    /// True when both can describe the same quantity or day.
    fn compatible(self, other: Value) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            a.is_none() || b.is_none() || a == b
        }
        match (self, other) {
            (Value::Number(a), Value::Number(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
            (
                Value::Date { year, month, day },
                Value::Date {
                    year: y,
                    month: m,
                    day: d,
                },
            ) => agree(year, y) && agree(month, m) && agree(day, d),
            _ => false,
        }
    }

    fn same_kind(self, other: Value) -> bool {
        matches!(
            (self, other),
            (Value::Number(_), Value::Number(_)) | (Value::Date { .. }, Value::Date { .. })
        )
    }
}

/// A value and where it is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    pub span: Span,
    pub value: Value,
}

/// One word of a passage, with what it can mean.
#[derive(Debug, Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    /// Digits only: its value; digits then letters ("7th"): the value of the digits.
    digits: Option<(f64, bool)>,
    lexeme: Option<Lexeme>,
    capital: bool,
}

/// The numbers and dates written in `span` of `text`, in order (nothing for a span that does
/// not fit the text).
pub(crate) fn scan(text: &str, span: Span) -> Vec<Found> {
    let Some(slice) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut tokens: Vec<Token> = Vec::new();
    for_each_word(slice, |w| {
        let capital = slice[w.start..].starts_with(char::is_uppercase);
        // "may" is a month only when written "May".
        let lexeme = LEXICON
            .get(w.norm)
            .copied()
            .filter(|_| capital || !STOPWORDS.contains(w.norm));
        tokens.push(Token {
            start: span.start + w.start,
            end: span.start + w.end,
            digits: digits_value(w.norm),
            lexeme,
            capital,
        });
    });
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match read_value(text, &tokens, i) {
            Some((value, next)) => {
                found.push(Found {
                    span: Span::new(tokens[i].start, tokens[next - 1].end),
                    value,
                });
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// `Some((value, is_pure_digits))` for a word starting with digits ("2006", "7th").
fn digits_value(norm: &str) -> Option<(f64, bool)> {
    let digits = norm.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 15 {
        return None;
    }
    let pure = digits == norm.len();
    if !pure && !norm[digits..].bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    norm[..digits].parse::<f64>().ok().map(|v| (v, pure))
}

/// The value starting at token `i`, with the index after its last token.
fn read_value(text: &str, tokens: &[Token], i: usize) -> Option<(Value, usize)> {
    if let Some(Lexeme::Month(month)) = tokens[i].lexeme {
        return read_month_first(tokens, i, month);
    }
    let (number, whole, next) = read_number(text, tokens, i)?;
    // "4 May 2021"
    if let Some(day) = day_of(number, whole) {
        if let Some(Lexeme::Month(month)) = tokens.get(next).and_then(|t| t.lexeme) {
            let (year, after) = year_at(tokens, next + 1);
            return Some((
                Value::Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
                after,
            ));
        }
    }
    if whole && tokens[i].digits.is_some_and(|(_, pure)| pure) && next == i + 1 {
        if let Some(year) = as_year(number) {
            return Some((
                Value::Date {
                    year: Some(year),
                    month: None,
                    day: None,
                },
                next,
            ));
        }
    }
    if let Some(Lexeme::Scale(scale)) = tokens.get(next).and_then(|t| t.lexeme) {
        return Some((Value::Number(number * scale), next + 1));
    }
    Some((Value::Number(number), next))
}

/// A date that starts with its month: "May 4, 2021", "March 2006", "May" (capitalized only).
fn read_month_first(tokens: &[Token], i: usize, month: u8) -> Option<(Value, usize)> {
    let mut next = i + 1;
    // A number after a month is its day when it can be one (a year is read next).
    let day = tokens
        .get(next)
        .and_then(|t| t.digits)
        .and_then(|(v, _)| day_of(v, true));
    if day.is_some() {
        next += 1;
    }
    let (year, after) = year_at(tokens, next);
    if day.is_none() && year.is_none() && !tokens[i].capital {
        return None;
    }
    Some((
        Value::Date {
            year,
            month: Some(month),
            day,
        },
        after,
    ))
}

/// The year at token `i` when there is one, and the index after it.
fn year_at(tokens: &[Token], i: usize) -> (Option<i32>, usize) {
    match tokens
        .get(i)
        .and_then(|t| t.digits)
        .filter(|(_, pure)| *pure)
        .and_then(|(v, _)| as_year(v))
    {
        Some(year) => (Some(year), i + 1),
        None => (None, i),
    }
}

fn as_year(v: f64) -> Option<i32> {
    (1000.0..=2199.0)
        .contains(&v)
        .then_some(v as i32)
        .filter(|_| v.fract() == 0.0)
}

fn day_of(v: f64, whole: bool) -> Option<u8> {
    (whole && (1.0..=31.0).contains(&v)).then_some(v as u8)
}

/// A number at token `i`: digit groups joined by one `,` or `.` ("1,000", "2.5"), or number
/// words joined by hyphens or spaces ("forty-two", "twenty one"). Returns the value, whether
/// it is whole, and the index after its last token.
fn read_number(text: &str, tokens: &[Token], i: usize) -> Option<(f64, bool, usize)> {
    if let Some((mut value, pure)) = tokens[i].digits {
        let mut next = i + 1;
        let mut whole = true;
        while pure && next < tokens.len() {
            let gap = text
                .get(tokens[next - 1].end..tokens[next].start)
                .unwrap_or("");
            let Some((group, true)) = tokens[next].digits else {
                break;
            };
            let width = tokens[next].end - tokens[next].start;
            if (gap != "," && gap != ".") || !whole {
                break;
            }
            if width == 3 {
                value = value * 1000.0 + group;
            } else {
                value += group / 10f64.powi(width as i32);
                whole = false;
            }
            next += 1;
        }
        return Some((value, whole && value.fract() == 0.0, next));
    }
    let Some(Lexeme::Number(mut value)) = tokens[i].lexeme else {
        return None;
    };
    let mut next = i + 1;
    // "forty-two", "forty two": a ten followed by a unit.
    if value >= 20.0 && value % 10.0 == 0.0 {
        if let Some(Lexeme::Number(unit)) = tokens.get(next).and_then(|t| t.lexeme) {
            if (1.0..10.0).contains(&unit) {
                value += unit;
                next += 1;
            }
        }
    }
    Some((value, true, next))
}

/// The values of each sentence of one document, scanned once and looked up by span: a
/// document takes part in many pairs, and scanning is the costly part of comparing values.
#[derive(Debug)]
pub(crate) struct SentenceValues {
    /// Sorted by span.
    by_span: Vec<(Span, Vec<Found>)>,
}

impl SentenceValues {
    pub(crate) fn new(text: &str, sentences: impl Iterator<Item = Span>) -> Self {
        let mut by_span: Vec<(Span, Vec<Found>)> = sentences.map(|s| (s, scan(text, s))).collect();
        by_span.sort_by_key(|(span, _)| *span);
        SentenceValues { by_span }
    }

    /// The values of `span` of `text` (the text the sentences were scanned in): from the scan
    /// when it is one of the sentences, else scanned now.
    fn of(&self, text: &str, span: Span) -> std::borrow::Cow<'_, [Found]> {
        match self.by_span.binary_search_by_key(&span, |(s, _)| *s) {
            Ok(i) => std::borrow::Cow::Borrowed(&self.by_span[i].1),
            Err(_) => std::borrow::Cow::Owned(scan(text, span)),
        }
    }
}

/// The values of the derived passages that replace a different value of the same kind in the
/// aligned source passage, for every aligned pair `(derived sentence, source sentence)`.
pub(crate) fn changed(
    (derived_text, derived): (&str, &SentenceValues),
    (source_text, source): (&str, &SentenceValues),
    pairs: &[(Span, Span)],
) -> Vec<ChangedValue> {
    let mut out = Vec::new();
    for &(d_span, s_span) in pairs {
        let (d, s) = (
            derived.of(derived_text, d_span),
            source.of(source_text, s_span),
        );
        let lonely = |mine: &[Found], theirs: &[Found]| -> Vec<Found> {
            mine.iter()
                .copied()
                .filter(|v| !theirs.iter().any(|t| v.value.compatible(t.value)))
                .collect()
        };
        let (d_left, mut s_left) = (lonely(&d, &s), lonely(&s, &d));
        for dv in d_left {
            if let Some(k) = s_left.iter().position(|sv| sv.value.same_kind(dv.value)) {
                let sv = s_left.remove(k);
                out.push(ChangedValue {
                    derived: dv.span,
                    source: sv.span,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.derived, c.source));
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[(&str, Value)]) {
        let got: Vec<(&str, Value)> = scan(text, Span::new(0, text.len()))
            .iter()
            .map(|f| (f.span.slice(text), f.value))
            .collect();
        assert_eq!(got, expected, "{text:?}");
    }

    fn date(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Value {
        Value::Date { year, month, day }
    }

    #[test]
    fn scanning() {
        use Value::Number as N;
        check(
            "On 4 May 2021, 1,500 people and forty-two dogs came.",
            &[
                ("4 May 2021", date(Some(2021), Some(5), Some(4))),
                ("1,500", N(1500.0)),
                ("forty-two", N(42.0)),
            ],
        );
        check(
            "In March 2006 he said May 4, 2021 was late; in 2007 it cost 2.5 million.",
            &[
                ("March 2006", date(Some(2006), Some(3), None)),
                ("May 4, 2021", date(Some(2021), Some(5), Some(4))),
                ("2007", date(Some(2007), None, None)),
                ("2.5 million", N(2_500_000.0)),
            ],
        );
        check(
            "They may march on the 7th of October.",
            &[("7th", N(7.0)), ("October", date(None, Some(10), None))],
        );
        check(
            "Il 4 maggio 2021 costava 250 milioni.",
            &[
                ("4 maggio 2021", date(Some(2021), Some(5), Some(4))),
                ("250 milioni", N(250_000_000.0)),
            ],
        );
        check("", &[]);
        check("— “ ” 99999999999999999999", &[]);
    }

    /// `(derived sentence, source sentence, expected changed (derived, source) texts)`.
    #[test]
    fn changes() {
        type Row<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let table: &[Row<'_>] = &[
            (
                "The mayor visited Oslo in 2007 with 40 aides.",
                "The mayor visited Oslo in March 2006 with forty aides.",
                &[("2007", "March 2006")],
            ),
            (
                "In 2006 the crowd numbered 16 thousand.",
                "In March 2006 the crowd numbered 16,000.",
                &[],
            ),
            (
                "At least 300 people died, officials said on Monday.",
                "At least 200 people died, officials said.",
                &[("300", "200")],
            ),
            (
                "The deal was signed on 5 May 2021.",
                "The deal was signed on 4 May 2021 in Bergen with 3 partners.",
                &[("5 May 2021", "4 May 2021")],
            ),
            ("He came back.", "He came back in 1999.", &[]),
        ];
        for (derived, source, expected) in table {
            let pairs = [(Span::new(0, derived.len()), Span::new(0, source.len()))];
            let (d, s) = (
                SentenceValues::new(derived, [pairs[0].0].into_iter()),
                SentenceValues::new(source, std::iter::empty()),
            );
            let got: Vec<(&str, &str)> = changed((derived, &d), (source, &s), &pairs)
                .iter()
                .map(|c| (c.derived.slice(derived), c.source.slice(source)))
                .collect();
            assert_eq!(&got, expected, "{derived:?}");
        }
    }
}
