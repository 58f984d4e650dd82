//! Language identification and language tags.
//!
//! whatlang guesses from character trigrams; we keep its answer only when it says the guess is
//! reliable, because a wrong language is worse than none for the stages downstream. Codes are
//! ISO 639-1 (`en`, `it`) through the table in `resources/ingest/iso639.tsv`; a language without
//! a two-letter code keeps whatlang's three-letter one.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::metadata::data_lines;

/// ISO 639-3 → ISO 639-1.
static ISO639: LazyLock<BTreeMap<&'static str, &'static str>> = LazyLock::new(|| {
    data_lines(include_str!("../../../resources/ingest/iso639.tsv"))
        .filter_map(|line| line.split_once('\t'))
        .map(|(three, two)| (three.trim(), two.trim()))
        .collect()
});

/// How much text is enough to tell the language; more only costs time.
const SAMPLE_BYTES: usize = 2 * 1024;

/// The language of `text` as an ISO 639-1 code, when whatlang is confident.
pub(crate) fn identify(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    info.is_reliable().then(|| two_letter(info.lang().code()))
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
