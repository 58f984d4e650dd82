//! The read-only linguistic data of this crate, compiled in from `resources/link/` and parsed
//! once. Each file starts with a `# source:` line; `#` lines and blank lines are comments.

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// Where in a token a transliteration rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Where {
    Any,
    Initial,
    Final,
}

/// One step of the transliteration key (see `resources/link/translit.tsv`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TranslitRule {
    Replace {
        place: Where,
        from: String,
        to: String,
    },
    /// Fold runs of one repeated letter into a single letter.
    Collapse,
}

/// The transliteration rules, in the order they apply.
pub(crate) static TRANSLIT: LazyLock<Vec<TranslitRule>> =
    LazyLock::new(|| parse_translit(include_str!("../../../resources/link/translit.tsv")));

/// Function words skipped when the initials of a name are compared with an acronym.
pub(crate) static NAME_PARTICLES: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../../resources/link/name_particles.txt")));

/// Function words that carry no topic when two sentences are compared.
pub(crate) static STOPWORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| word_set(include_str!("../../../resources/link/stopwords.txt")));

/// What a row of the place tables says its name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceRole {
    /// A capital city of the state.
    Capital,
    /// A seat of government or a building standing for the state ("Kremlin").
    Seat,
    /// Another name of the state itself ("Russian Federation", "U.S.").
    Name,
}

/// One row of `resources/link/capitals.tsv` or `seats.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlaceRow {
    pub role: PlaceRole,
    pub name: &'static str,
    pub state: &'static str,
    /// What the place is, for evidence lines ("seat of the Russian presidency").
    pub what: Option<&'static str>,
}

/// Capitals, seats of government and other names of states: the generated capitals first,
/// then the hand-written rows, so that a later row for the same name wins.
pub(crate) static PLACES: LazyLock<Vec<PlaceRow>> = LazyLock::new(|| {
    let capitals = include_str!("../../../resources/link/capitals.tsv");
    let seats = include_str!("../../../resources/link/seats.tsv");
    data_lines(capitals)
        .chain(data_lines(seats))
        .filter_map(parse_place)
        .collect()
});

fn parse_place(line: &'static str) -> Option<PlaceRow> {
    let mut fields = line.split('\t').map(str::trim);
    let role = match fields.next()? {
        "capital" => PlaceRole::Capital,
        "seat" => PlaceRole::Seat,
        "name" => PlaceRole::Name,
        _ => return None,
    };
    let name = fields.next().filter(|f| !f.is_empty())?;
    let state = fields.next().filter(|f| !f.is_empty())?;
    let what = fields.next().filter(|f| !f.is_empty());
    Some(PlaceRow {
        role,
        name,
        state,
        what,
    })
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A set of words, hashed with a fast non-keyed hash: these sets are looked up for every word
/// compared, and their keys are our own resource files, not input.
fn word_set(text: &'static str) -> FxHashSet<&'static str> {
    data_lines(text).collect()
}

fn parse_translit(text: &str) -> Vec<TranslitRule> {
    data_lines(text)
        .filter_map(|line| {
            let mut fields = line.split('\t').map(str::trim);
            let place = match fields.next()? {
                "collapse" => return Some(TranslitRule::Collapse),
                "any" => Where::Any,
                "initial" => Where::Initial,
                "final" => Where::Final,
                _ => return None,
            };
            let from = fields.next().filter(|f| !f.is_empty())?.to_string();
            let to = fields.next().unwrap_or("").to_string();
            Some(TranslitRule::Replace { place, from, to })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_parse() {
        assert!(TRANSLIT.len() > 10);
        assert!(TRANSLIT.contains(&TranslitRule::Collapse));
        assert!(NAME_PARTICLES.contains("of"));
        assert!(STOPWORDS.contains("the"));
        assert!(!STOPWORDS.contains("#"));
        let row = |name: &str| PLACES.iter().rev().find(|r| r.name == name);
        assert_eq!(row("Moscow").map(|r| r.state), Some("Russia"));
        assert_eq!(row("Kremlin").map(|r| r.role), Some(PlaceRole::Seat));
        assert_eq!(row("U.S.").map(|r| r.role), Some(PlaceRole::Name));
        // The hand-written row overrides the generated one.
        assert_eq!(row("Brussels").map(|r| r.state), Some("European Union"));
    }

    #[test]
    fn place_lines() {
        assert_eq!(
            parse_place("seat\tKremlin\tRussia\tseat of the presidency"),
            Some(PlaceRow {
                role: PlaceRole::Seat,
                name: "Kremlin",
                state: "Russia",
                what: Some("seat of the presidency"),
            })
        );
        assert_eq!(
            parse_place("capital\tMoscow\tRussia").map(|r| r.what),
            Some(None)
        );
        assert_eq!(parse_place("capital\tMoscow"), None);
        assert_eq!(parse_place("town\tMoscow\tRussia"), None);
    }

    #[test]
    fn translit_lines() {
        let rules = parse_translit("# c\nany\tkh\th\nfinal\ty\ti\ncollapse\nbogus\tx\ty\n");
        assert_eq!(
            rules,
            vec![
                TranslitRule::Replace {
                    place: Where::Any,
                    from: "kh".into(),
                    to: "h".into()
                },
                TranslitRule::Replace {
                    place: Where::Final,
                    from: "y".into(),
                    to: "i".into()
                },
                TranslitRule::Collapse,
            ]
        );
    }
}
