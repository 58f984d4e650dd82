//! The event-type table and recurrence cues of fusion, parsed once from `resources/fuse/`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

const TYPES: &str = include_str!("../../../resources/fuse/compatible_types.tsv");
const RECURRENCE: &str = include_str!("../../../resources/fuse/recurrence.tsv");
const DISPUTES: &str = include_str!("../../../resources/fuse/disputes.tsv");

/// What fusion knows about one event type.
#[derive(Debug, Clone)]
pub(crate) struct TypeInfo {
    /// Types of one group may describe one happening.
    pub group: String,
    /// Participants may swap roles ("X met Y" = "Y met X").
    pub symmetric: bool,
    /// A speech act: grouped only with its own type and content, never date-contradicted.
    pub speech: bool,
    /// A general event type: never date-contradicted.
    pub loose: bool,
    /// The type takes no object: an agent alone makes a complete event.
    pub no_object: bool,
    /// Label template with `{agent}`, `{object}`, `{place}`.
    pub template: String,
}

impl TypeInfo {
    /// The entry for `name`; a type missing from the table is its own group.
    pub fn of(name: &str) -> TypeInfo {
        TABLE
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| TypeInfo {
                group: name.to_string(),
                symmetric: false,
                speech: false,
                loose: true,
                no_object: false,
                template: format!("{{agent}} {} {{object}}", name.replace('_', " ")),
            })
    }
}

static TABLE: LazyLock<Vec<(String, TypeInfo)>> = LazyLock::new(|| {
    rows(TYPES)
        .filter_map(|cols| {
            let [name, group, flags, template] = cols[..] else {
                return None;
            };
            let has = |flag: &str| flags.split(',').any(|f| f == flag);
            Some((
                name.to_string(),
                TypeInfo {
                    group: group.to_string(),
                    symmetric: has("symmetric"),
                    speech: has("speech"),
                    loose: has("loose"),
                    no_object: has("no_object"),
                    template: template.to_string(),
                },
            ))
        })
        .collect()
});

/// Words that say a happening recurred ("again", "another"), matched on word boundaries.
static RECURRENCE_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| cue_automaton(RECURRENCE));

/// Words by which a source says a claim is not established ("unproven").
static DISPUTE_CUES: LazyLock<AhoCorasick> = LazyLock::new(|| cue_automaton(DISPUTES));

/// True when `sentence` holds a recurrence cue as a whole word.
pub(crate) fn says_recurrence(sentence: &str) -> bool {
    has_cue(&RECURRENCE_CUES, sentence)
}

/// True when `sentence` calls something unproven or unconfirmed.
pub(crate) fn says_dispute(sentence: &str) -> bool {
    has_cue(&DISPUTE_CUES, sentence)
}

fn cue_automaton(source: &'static str) -> AhoCorasick {
    let cues: Vec<&str> = rows(source)
        .filter_map(|cols| cols.first().copied())
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(cues)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton"))
}

fn has_cue(cues: &AhoCorasick, sentence: &str) -> bool {
    cues.find_iter(sentence).any(|m| {
        let before = sentence[..m.start()].chars().next_back();
        let after = sentence[m.end()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn rows(source: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

#[cfg(test)]
pub(crate) fn table_len() -> usize {
    TABLE.len()
}
