//! A small, allocation-free word tokenizer for name finding.
//!
//! Words are runs of letters and digits; an inner apostrophe stays inside ("O'Brien",
//! "Be’er") except for the possessive "’s", which becomes its own token so that it is never part
//! of a name. Dotted acronyms ("U.S.", "e.g.") are one token, and so is an initial with its
//! period before a name ("D." in "James D. Watson", "M. Atherton"). A hyphen is its own token (so
//! "Moscow-based" yields "Moscow", and "Russia-Hamas" two names), except after the Arabic
//! article ("al-Assad"). An ampersand between capitals stays inside ("AT&T"). Everything else that is not whitespace is a one-character punctuation
//! token. Gazetteer entries are tokenized the same way, so both sides always agree.

/// The shape of a token, which is all name finding needs to know about its spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Starts with an upper-case letter: "Moscow", "McDonald", "al-Assad".
    Capitalized,
    /// Two or more letters, all upper case: "HAMAS", "U.S.", "NATO".
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    /// Starts with a digit.
    Number,
    /// Anything else: one punctuation or symbol character, or the possessive "’s".
    Punct,
}

/// One token: its byte range in the text and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// A word that can be (part of) a name.
    pub fn is_name_like(self) -> bool {
        matches!(self.shape, Shape::Capitalized | Shape::Upper)
    }

    pub fn is_word(self) -> bool {
        !matches!(self.shape, Shape::Punct)
    }
}

/// Arabic articles that stay attached by their hyphen ("al-Assad", "AL-AIN").
const ARTICLES: [&str; 6] = ["al", "el", "ad", "ash", "as", "ar"];

fn is_article(word: &str) -> bool {
    ARTICLES
        .iter()
        .any(|article| word.eq_ignore_ascii_case(article))
}

/// Splits `text` into tokens, in order.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < text.len() {
        let c = match bytes[i] {
            b if b.is_ascii() => char::from(b),
            _ => char_at(text, i),
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            if is_apostrophe(c) && possessive_s_at(text, i) {
                i += 1;
            }
            tokens.push(Token {
                start,
                end: i,
                shape: Shape::Punct,
            });
            continue;
        }
        let end = dotted_acronym_end(bytes, i)
            .or_else(|| middle_initial_end(bytes, i, tokens.last()))
            .unwrap_or_else(|| word_end(text, i));
        tokens.push(Token {
            start,
            end,
            shape: shape_of(&text[start..end]),
        });
        i = end;
    }
    tokens
}

/// The texts of the tokens of `text` (used to key word lists like running text).
pub(crate) fn word_pieces(text: &str) -> impl Iterator<Item = &str> {
    tokenize(text)
        .into_iter()
        .map(move |token| token.text(text))
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// True when `text[i..]` is "s" not followed by a letter or digit (the possessive after an
/// apostrophe).
fn possessive_s_at(text: &str, i: usize) -> bool {
    let rest = &text[i..];
    let mut chars = rest.chars();
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(char::is_alphanumeric)
}

/// End of a dotted acronym ("U.S.", "e.g.") starting at `i`: two or more single ASCII letters
/// each followed by a period.
fn dotted_acronym_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut letters = 0;
    while j + 1 < bytes.len() && bytes[j].is_ascii_alphabetic() && bytes[j + 1] == b'.' {
        letters += 1;
        j += 2;
    }
    let next_is_word = j < bytes.len() && bytes[j].is_ascii_alphanumeric();
    (letters >= 2 && !next_is_word).then_some(j)
}

/// End of an initial starting at `i`: one capital letter and its period before a capitalized
/// word, after a capitalized word ("D." in "James D. Watson"), after punctuation or at the
/// start of a line ("M. Atherton" in a scorecard); `previous` is the token before it.
fn middle_initial_end(bytes: &[u8], i: usize, previous: Option<&Token>) -> Option<usize> {
    let initial = bytes.get(i..i + 4)?;
    let opens_line = bytes[..i]
        .iter()
        .rev()
        .find(|&&b| b != b' ' && b != b'\t')
        .is_none_or(|&b| b == b'\n');
    let after_name_or_mark =
        previous.is_some_and(|p| matches!(p.shape, Shape::Capitalized | Shape::Punct));
    ((opens_line || after_name_or_mark)
        && initial[0].is_ascii_uppercase()
        && initial[1] == b'.'
        && initial[2] == b' '
        && initial[3].is_ascii_uppercase())
    .then_some(i + 2)
}

/// End of the word starting at `start` (a letter or digit).
fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    loop {
        // ASCII letters and digits byte by byte; anything else as a character.
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let Some(c) = text[i..].chars().next() else {
            return i;
        };
        let after = i + c.len_utf8();
        if c.is_alphanumeric() {
            i = after;
            continue;
        }
        let next = text[after..].chars().next();
        let joins = match c {
            '\'' | '’' => {
                next.is_some_and(char::is_alphanumeric) && !possessive_s_at(text, after)
            }
            '-' => is_article(&text[start..i]) && next.is_some_and(char::is_uppercase),
            // "Detik.com": a web address is one word (the name of a site or its company).
            '.' => web_suffix_at(text, after),
            // "AT&T", "S&P": an ampersand between capitals, without spaces.
            '&' => {
                bytes[i - 1].is_ascii_uppercase() && next.is_some_and(|n| n.is_ascii_uppercase())
            }
            _ => false,
        };
        if !joins {
            return i;
        }
        i = after;
    }
}

/// The endings of web addresses that news names sites and companies by ("Amazon.com").
const WEB_SUFFIXES: [&str; 3] = ["com", "net", "org"];

/// True when `text[i..]` is a [`WEB_SUFFIXES`] entry that ends the address: no letter, digit
/// or further ".part" follows ("Kessel.org.uk" stays apart).
fn web_suffix_at(text: &str, i: usize) -> bool {
    let rest = &text.as_bytes()[i..];
    let goes_on = |at: usize| match rest.get(at) {
        Some(b'.') => rest.get(at + 1).is_some_and(u8::is_ascii_alphanumeric),
        Some(b) => b.is_ascii_alphanumeric(),
        None => false,
    };
    WEB_SUFFIXES
        .iter()
        .any(|suffix| rest.starts_with(suffix.as_bytes()) && !goes_on(suffix.len()))
}

/// True when `word` is a web address ("Detik.com"; see [`WEB_SUFFIXES`]).
pub(crate) fn is_web_address(word: &str) -> bool {
    word.rsplit_once('.')
        .is_some_and(|(_, suffix)| WEB_SUFFIXES.contains(&suffix))
}

/// The shape of a word (a letter or digit first).
pub(crate) fn shape_of(word: &str) -> Shape {
    if word.is_ascii() {
        ascii_shape_of(word)
    } else {
        unicode_shape_of(word)
    }
}

/// [`shape_of`] for any word, character by character.
fn unicode_shape_of(word: &str) -> Shape {
    let first = word.chars().next().unwrap_or(' ');
    if first.is_numeric() {
        return Shape::Number;
    }
    let (mut letters, mut lower, mut hyphen) = (0, false, false);
    for c in word.chars() {
        letters += usize::from(c.is_alphabetic());
        lower |= c.is_lowercase();
        hyphen |= c == '-';
    }
    if letters >= 2 && !lower {
        return Shape::Upper;
    }
    if first.is_uppercase() || hyphen || is_camel_case(word) {
        // "al-Assad": the article is lower case, the name is not.
        Shape::Capitalized
    } else {
        Shape::Lower
    }
}

/// [`shape_of`] for an ASCII word, byte by byte.
fn ascii_shape_of(word: &str) -> Shape {
    let bytes = word.as_bytes();
    let first = bytes.first().copied().unwrap_or(b' ');
    if first.is_ascii_digit() {
        return Shape::Number;
    }
    let letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let lower = bytes.iter().any(u8::is_ascii_lowercase);
    if letters >= 2 && !lower {
        return Shape::Upper;
    }
    if first.is_ascii_uppercase() || bytes.contains(&b'-') || is_camel_case(word) {
        Shape::Capitalized
    } else {
        Shape::Lower
    }
}

/// A brand written with a lower-case first letter and a capital second one, followed by
/// more letters: "iPhone", "eBay", "iOS". English words are never spelled so.
fn is_camel_case(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(a), Some(b), Some(c)) if a.is_lowercase() && b.is_uppercase() && c.is_alphabetic()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let pieces: Vec<&str> = word_pieces(text).collect();
        assert_eq!(pieces, expected, "tokens of {text:?}");
    }

    #[test]
    fn the_ascii_shape_is_the_unicode_shape() {
        for word in [
            "Moscow", "NATO", "U.S.", "al-Assad", "iPhone", "eBay", "1987", "x", "A",
        ] {
            assert_eq!(ascii_shape_of(word), unicode_shape_of(word), "{word}");
        }
    }

    #[test]
    fn tokenizes_names_possessives_acronyms_and_hyphens() {
        check("James D. Watson", &["James", "D.", "Watson"]);
        check("AL-AIN, Al-Ain", &["AL-AIN", ",", "Al-Ain"]);
        check("plan D. Then", &["plan", "D", ".", "Then"]);
        check(
            "31\nM. Atherton, A. Stewart",
            &["31", "M.", "Atherton", ",", "A.", "Stewart"],
        );
        check("Moscow’s goal", &["Moscow", "’s", "goal"]);
        check("Hamas's actions", &["Hamas", "'s", "actions"]);
        check("Hamas’ actions", &["Hamas", "’", "actions"]);
        check("the U.S. troops", &["the", "U.S.", "troops"]);
        check("Be’er Sheva", &["Be’er", "Sheva"]);
        check(
            "a Moscow-based exchange",
            &["a", "Moscow", "-", "based", "exchange"],
        );
        check("Bashar al-Assad", &["Bashar", "al-Assad"]);
        check(
            "AT&T and R & D, Q&a",
            &["AT&T", "and", "R", "&", "D", ",", "Q", "&", "a"],
        );
        check(
            "Milàn Czerny, 3.5",
            &["Milàn", "Czerny", ",", "3", ".", "5"],
        );
        // A web address is one word; a period before other words is not.
        check(
            "Varmo.com said. Then Kessel.org.uk and end.Com",
            &[
                "Varmo.com",
                "said",
                ".",
                "Then",
                "Kessel",
                ".",
                "org",
                ".",
                "uk",
                "and",
                "end",
                ".",
                "Com",
            ],
        );
        assert!(is_web_address("Varmo.com") && !is_web_address("Varmo"));
    }

    #[test]
    fn shapes() {
        let text = "HAMAS Hamas hamas 1987 U.S. al-Assad , iPhone pH";
        let shapes: Vec<Shape> = tokenize(text).iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Upper,
                Shape::Capitalized,
                Shape::Lower,
                Shape::Number,
                Shape::Upper,
                Shape::Capitalized,
                Shape::Punct,
                Shape::Capitalized,
                Shape::Lower
            ]
        );
    }
}
