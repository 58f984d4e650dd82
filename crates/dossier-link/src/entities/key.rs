//! The name key: one string per name up to case, diacritics and transliteration.
//!
//! A name is folded word by word (`crate::text::fold`), then each token is rewritten by the
//! ordered letter-pattern rules of `resources/link/translit.tsv` (e.g. a final "y" becomes "i",
//! "kh" becomes "h", doubled letters collapse). The rules are deliberately about spelling, not
//! about particular people: "Sergey"/"Sergei" and "Moussa"/"Musa" meet because of them, while
//! "Sergei"/"Maria" can never meet.

use crate::resources::{TranslitRule, Where, TRANSLIT};
use crate::text;

/// The key of a name: its tokens after folding and transliteration, joined by spaces, without
/// a leading "the" ("The Beatles" is "Beatles" written as a title). Empty when the name has no
/// letters or digits.
pub(crate) fn name_key(name: &str) -> String {
    let folded = text::fold(name);
    let mut tokens: Vec<&str> = folded.split(' ').filter(|t| !t.is_empty()).collect();
    if tokens.len() > 1 && tokens[0] == "the" {
        tokens.remove(0);
    }
    tokens
        .into_iter()
        .map(token_key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The vowel skeleton of one key token: its first and last letters and the consonants between
/// them ("mashal", "meshal" and "mishal" all give "mshl"). Romanizations of Arabic-origin
/// names disagree mostly on short vowels, which Arabic script does not write. None for tokens
/// shorter than five letters, where dropping vowels would join different names ("musa",
/// "mesa"). Keeping the last letter keeps "ivan" apart from "ivana".
pub(crate) fn vowel_skeleton(token: &str) -> Option<String> {
    let chars: Vec<char> = token.chars().collect();
    if chars.len() < 5 || !chars.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let last = chars.len() - 1;
    Some(
        chars
            .iter()
            .enumerate()
            .filter(|&(i, c)| i == 0 || i == last || !"aeiouy".contains(*c))
            .map(|(_, c)| c)
            .collect(),
    )
}

/// The key of a multi-token person name with its last token (the surname) reduced to its
/// [`vowel_skeleton`]; None for single tokens and short surnames.
pub(crate) fn surname_skeleton_key(key: &str) -> Option<String> {
    let (given, surname) = key.rsplit_once(' ')?;
    Some(format!("{given} {}", vowel_skeleton(surname)?))
}

/// True when the key differs from the plain folding, i.e. transliteration rules were needed.
pub(crate) fn needs_transliteration(a: &str, b: &str) -> bool {
    text::fold(a) != text::fold(b)
}

fn token_key(token: &str) -> String {
    let mut token = token.to_string();
    for rule in TRANSLIT.iter() {
        match rule {
            TranslitRule::Collapse => token = collapse_doubles(&token),
            TranslitRule::Replace { place, from, to } => apply(&mut token, *place, from, to),
        }
    }
    token
}

fn apply(token: &mut String, place: Where, from: &str, to: &str) {
    // A rule never empties a token: "y" alone stays "y".
    if token.len() <= from.len() {
        return;
    }
    match place {
        Where::Any => {
            if token.contains(from) {
                *token = token.replace(from, to);
            }
        }
        Where::Initial => {
            if token.starts_with(from) {
                token.replace_range(..from.len(), to);
            }
        }
        Where::Final => {
            if token.ends_with(from) {
                let cut = token.len() - from.len();
                token.replace_range(cut.., to);
            }
        }
    }
}

fn collapse_doubles(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        if !out.ends_with(c) || c.is_ascii_digit() {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: names that must share one key.
    #[test]
    fn variants_share_a_key() {
        let table: &[&[&str]] = &[
            &[
                "Sergei Lavrov",
                "Sergey Lavrov",
                "SERGEI LAVROV",
                "Сергей Лавров",
            ],
            &[
                "Yevgeny Primakov",
                "Evgeny Primakov",
                "Evgheny Primakov",
                "Jevgenij Primakov",
            ],
            &["Moussa", "Musa"],
            &["Marzouk", "Marzook", "Marzuk"],
            &["Milàn Czerny", "Milan Czerny"],
            &["HAMAS", "Hamas", "Hamas’s"],
            &["Dmitry", "Dmitriy", "Dmitrii", "Dmitrij"],
            &["Alexei", "Alexey", "Aleksei", "Aleksey"],
            &["Mikhail", "Mihail"],
            &["Romanov", "Romanoff"],
            &["Haniyeh", "Haniya", "Haniyya"],
            &["Yuri", "Iurii"],
            &["The Beatles", "Beatles"],
        ];
        for row in table {
            let key = name_key(row[0]);
            for name in &row[1..] {
                assert_eq!(name_key(name), key, "{name:?} vs {:?}", row[0]);
            }
        }
    }

    /// Each row: names that must keep different keys.
    #[test]
    fn different_names_differ() {
        let table = [
            ("Sergei Lavrov", "Maria Lavrov"),
            ("Sergei", "Maria"),
            ("Musa", "Mesa"),
            ("Ivan", "Ivana"),
            ("Putin", "Puttin Center"),
        ];
        for (a, b) in table {
            assert_ne!(name_key(a), name_key(b), "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn keys() {
        let table = [
            ("Sergey Lavrov", "sergei lavrov"),
            ("Evgheny", "evgeni"),
            ("Moussa Abu Marzouk", "musa abu marzuk"),
            ("y", "y"),
            ("—", ""),
            ("", ""),
        ];
        for (name, key) in table {
            assert_eq!(name_key(name), key, "{name:?}");
        }
    }

    /// Each row: a key token and its vowel skeleton (None: too short to reduce).
    #[test]
    fn vowel_skeletons() {
        let table = [
            ("mashal", Some("mshl")),
            ("meshal", Some("mshl")),
            ("mishal", Some("mshl")),
            ("hamdal", Some("hmdl")),
            ("ivana", Some("ivna")),
            ("petrova", Some("ptrva")),
            ("petrov", Some("ptrv")),
            ("musa", None),
            ("al-x1", None),
        ];
        for (token, skeleton) in table {
            assert_eq!(vowel_skeleton(token).as_deref(), skeleton, "{token:?}");
        }
        assert_eq!(
            surname_skeleton_key(&name_key("Tarek Hemdaal")).as_deref(),
            Some("tarek hmdl")
        );
        assert_eq!(surname_skeleton_key("hemdal"), None);
    }

    #[test]
    fn transliteration_flag() {
        assert!(!needs_transliteration("HAMAS", "Hamas"));
        assert!(!needs_transliteration("Milàn Czerny", "Milan Czerny"));
        assert!(needs_transliteration("Sergey Lavrov", "Sergei Lavrov"));
    }
}
