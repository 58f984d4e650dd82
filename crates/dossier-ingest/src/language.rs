//! Language identification and language tags.
//!
//! whatlang guesses from character trigrams; we keep its answer only when it says the guess is
//! reliable, because a wrong language is worse than none for the stages downstream. Codes are
//! ISO 639-1 (`en`, `it`) through the table in `resources/ingest/iso639.tsv`; a language without
//! a two-letter code keeps whatlang's three-letter one.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use crate::metadata::data_lines;

/// ISO 639-3 → ISO 639-1.
static ISO639: LazyLock<BTreeMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../../resources/ingest/iso639.tsv"))
        .filter_map(|line| line.split_once('\t'))
        .map(|(three, two)| (three.trim(), two.trim()))
        .collect()
});

/// English function words (`resources/ingest/english_function_words.txt`).
static ENGLISH_FUNCTION_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    data_lines(include_str!(
        "../../../resources/ingest/english_function_words.txt"
    ))
    .map(str::trim)
    .collect()
});

/// How much text is enough to tell the language; more only costs time.
const SAMPLE_BYTES: usize = 1024;

/// How much text the cheap English test reads: more than whatlang, so that a headline or an
/// address line at the top does not hide the prose below it.
const ENGLISH_SAMPLE_BYTES: usize = 4096;

/// The language of `text` as an ISO 639-1 code, when it can be told with confidence.
///
/// Most news piles are English, and whatlang's cost is nearly fixed per call (it scores every
/// language profile), so English is recognised first by its function words: in English prose
/// about a third of the words are among them, in other languages almost none. Everything else
/// goes to whatlang, whose answer is kept only when it calls it reliable.
pub(crate) fn identify(text: &str) -> Option<String> {
    if is_english(prefix(text, ENGLISH_SAMPLE_BYTES)) {
        return Some("en".to_string());
    }
    let info = whatlang::detect(prefix(text, SAMPLE_BYTES))?;
    info.is_reliable().then(|| two_letter(info.lang().code()))
}

/// The longest prefix of `text` of at most `bytes` bytes that ends on a char boundary.
fn prefix(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// At least 20 words, of which at least a seventh are English function words (English prose
/// has about a third; Dutch, whose "is", "was" and "had" are on the list, a few in a hundred).
fn is_english(sample: &str) -> bool {
    // Longer words cannot be function words: they are counted without being looked up.
    let longest = ENGLISH_FUNCTION_WORDS
        .iter()
        .map(|w| w.len())
        .max()
        .unwrap_or(0);
    let mut words = 0;
    let mut function_words = 0;
    let mut lower = String::new();
    for word in sample
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if word.len() <= longest {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            function_words += usize::from(ENGLISH_FUNCTION_WORDS.contains(lower.as_str()));
        }
    }
    words >= 20 && function_words * 7 >= words
}

/// A language tag as a document declares it (`en-US`, `en_GB`, `ENG`, `it`) → `en`, `it`.
/// Returns `None` for values that are not language tags.
pub(crate) fn normalize_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.len() {
        2 if primary.chars().all(|c| c.is_ascii_lowercase()) => Some(primary),
        3 if primary.chars().all(|c| c.is_ascii_lowercase()) => Some(two_letter(&primary)),
        _ => None,
    }
}

fn two_letter(code: &str) -> String {
    ISO639.get(code).copied().unwrap_or(code).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifies_common_languages_reliably() {
        let check = |text: &str, expected: Option<&str>| {
            assert_eq!(identify(text).as_deref(), expected, "text {text:?}");
        };
        check(
            "The government announced on Monday that the new bridge across the river will open \
             next spring, after years of delays and rising costs.",
            Some("en"),
        );
        check(
            "Il governo ha annunciato lunedì che il nuovo ponte sul fiume sarà aperto la \
             prossima primavera, dopo anni di ritardi e costi crescenti.",
            Some("it"),
        );
        check(
            "Правительство объявило в понедельник, что новый мост через реку откроется \
             следующей весной после многих лет задержек.",
            Some("ru"),
        );
        check("", None);
    }

    #[test]
    fn english_is_told_by_its_function_words_alone() {
        let check = |text: &str, expected: bool| {
            assert_eq!(is_english(text), expected, "text {text:?}");
        };
        check(
            "The government announced on Monday that the new bridge across the river will open \
             next spring, after years of delays and rising costs.",
            true,
        );
        check("The bridge will open.", false); // too short to tell
        for other in [
            "Die Regierung hat am Montag angekündigt, dass die neue Brücke über den Fluss im \
             nächsten Frühjahr nach Jahren der Verzögerungen und steigender Kosten eröffnet wird.",
            "De regering heeft maandag aangekondigd dat de nieuwe brug over de rivier volgend \
             voorjaar wordt geopend, na jaren van vertraging en stijgende kosten.",
            "Le gouvernement a annoncé lundi que le nouveau pont sur la rivière ouvrira au \
             printemps prochain, après des années de retards et de hausse des coûts.",
            "El gobierno anunció el lunes que el nuevo puente sobre el río se abrirá la próxima \
             primavera, tras años de retrasos y costes crecientes.",
        ] {
            check(other, false);
        }
    }

    #[test]
    fn normalizes_declared_tags() {
        let check = |tag: &str, expected: Option<&str>| {
            assert_eq!(normalize_tag(tag).as_deref(), expected, "tag {tag:?}");
        };
        check("en-US", Some("en"));
        check("en_GB", Some("en"));
        check("IT", Some("it"));
        check("deu", Some("de"));
        check("english", None);
        check("", None);
    }
}
