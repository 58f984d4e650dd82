//! The read-only word lists of extraction, parsed once from `resources/extract/`.
//!
//! Every list is a TSV file compiled in with `include_str!`; lines starting with `#` are
//! comments. The main triggers (`triggers.tsv`), the general event words (`event_words.tsv`,
//! a separate automaton so that they never change how main triggers match) and the modality
//! cues become leftmost-longest, ASCII case-insensitive
//! Aho-Corasick automata, so "held talks with" wins over "held talks" and a sentence is scanned
//! once whatever the size of the lexicon. Malformed lines are skipped (a debug assertion, run by the
//! tests, checks that there are none).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use dossier_core::{Modality, Role};

const TRIGGERS: &str = include_str!("../../../resources/extract/triggers.tsv");
const EVENT_TYPES: &str = include_str!("../../../resources/extract/event_types.tsv");
const MODALITY: &str = include_str!("../../../resources/extract/modality.tsv");
const FUNCTION_WORDS: &str = include_str!("../../../resources/extract/function_words.tsv");
const EVENT_WORDS: &str = include_str!("../../../resources/extract/event_words.tsv");
const GROUP_NOUNS: &str = include_str!("../../../resources/extract/group_nouns.tsv");

/// What the lexicon knows about one event type.
#[derive(Debug, Clone)]
pub(crate) struct EventType {
    pub name: &'static str,
    /// The role of participants named after the trigger; `None` when they are not participants.
    pub object_role: Option<Role>,
    /// A place name right after the trigger is where it happened ("visited Moscow").
    pub place_object: bool,
    /// A speech act ("said"): its speaker may follow the trigger.
    pub speech: bool,
    /// A claim needs an object: a participant after the trigger or a group noun right after it.
    pub needs_object: bool,
    /// An event mention only: never a claim.
    pub mention_only: bool,
}

/// One trigger form.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    /// Index into [`Lexicon::types`].
    pub event_type: usize,
    /// The words before the trigger name the one acted upon, those after it the actor.
    pub inverse: bool,
    /// A general event word of `event_words.tsv`: it never bounds the clause of a main trigger.
    pub minor: bool,
}

/// Where a modality cue must stand relative to the trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueScope {
    /// At most three words before the trigger, no punctuation between.
    Near,
    /// Anywhere in the trigger's clause.
    Clause,
    /// "according to X": the name after the cue is the speaker.
    Source,
}

/// One modality cue. `modality` is `None` for cues that cancel a shorter one ("not only").
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub modality: Option<Modality>,
    pub scope: CueScope,
}

/// The class of a closed-class word (see `function_words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    Be,
    Adverb,
    Participle,
    By,
    Coord,
    Locative,
    Title,
    Determiner,
    /// A direction word between a locative and a place ("in southern X").
    Modifier,
    /// A word that may follow a subject name without the name modifying it ("has", "on").
    Follower,
}

/// All lists, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub types: Vec<EventType>,
    pub triggers: AhoCorasick,
    /// Parallel to the patterns of `triggers`.
    pub trigger_info: Vec<Trigger>,
    /// The general event words (`event_words.tsv`).
    pub minor_triggers: AhoCorasick,
    /// Parallel to the patterns of `minor_triggers`.
    pub minor_info: Vec<Trigger>,
    pub cues: AhoCorasick,
    /// Parallel to the patterns of `cues`.
    pub cue_info: Vec<Cue>,
    words: HashMap<&'static str, WordClass>,
    group_nouns: HashSet<&'static str>,
}

impl Lexicon {
    /// The class of `word` (any case), if it is a listed function word.
    pub fn class(&self, word: &str) -> Option<WordClass> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.words.get(word.to_ascii_lowercase().as_str()).copied()
        } else {
            self.words.get(word).copied()
        }
    }

    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.class(word) == Some(class)
    }

    /// True when `word` (any case) names a person or a group ("delegation", "officials").
    pub fn is_group_noun(&self, word: &str) -> bool {
        self.group_nouns.contains(word.to_lowercase().as_str())
    }
}

/// The lexicon, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// The rows of a trigger file (`form<TAB>event type[<TAB>inverse]`) as patterns and their
/// triggers; `minor` marks the general event words, which take no `inverse` flag. Rows naming
/// an unknown event type go to `bad_lines`.
fn read_triggers(
    text: &'static str,
    minor: bool,
    types: &[EventType],
    bad_lines: &mut Vec<String>,
) -> (Vec<&'static str>, Vec<Trigger>) {
    let mut patterns = Vec::new();
    let mut triggers = Vec::new();
    for (line, cols) in rows(text) {
        let Some(event_type) = cols
            .get(1)
            .and_then(|t| types.iter().position(|e| e.name == *t))
        else {
            bad_lines.push(line.to_string());
            continue;
        };
        patterns.push(cols[0]);
        triggers.push(Trigger {
            event_type,
            inverse: !minor && cols.get(2) == Some(&"inverse"),
            minor,
        });
    }
    (patterns, triggers)
}

/// Non-comment, non-empty lines split on tabs.
fn rows(source: &'static str) -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| (line, line.split('\t').map(str::trim).collect()))
}

fn automaton(patterns: &[&str]) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(patterns)
        .unwrap_or_else(|_| AhoCorasick::new(Vec::<&str>::new()).expect("empty automaton"))
}

fn build() -> Lexicon {
    let mut bad_lines = Vec::new();
    let mut types = Vec::new();
    for (line, cols) in rows(EVENT_TYPES) {
        let object_role = match cols.get(1).copied() {
            Some("none") => None,
            Some(label) => match Role::from_label(label) {
                Some(role) => Some(role),
                None => {
                    bad_lines.push(line.to_string());
                    continue;
                }
            },
            None => {
                bad_lines.push(line.to_string());
                continue;
            }
        };
        let flags = cols.get(2).copied().unwrap_or("-");
        let has = |flag: &str| flags.split(',').any(|f| f == flag);
        types.push(EventType {
            name: cols[0],
            object_role,
            place_object: has("place_object"),
            speech: has("speech"),
            needs_object: has("needs_object"),
            mention_only: has("mention_only"),
        });
    }

    let (patterns, trigger_info) = read_triggers(TRIGGERS, false, &types, &mut bad_lines);
    let (minor_patterns, minor_info) = read_triggers(EVENT_WORDS, true, &types, &mut bad_lines);
    let group_nouns = rows(GROUP_NOUNS).map(|(_, cols)| cols[0]).collect();

    let mut cue_patterns = Vec::new();
    let mut cue_info = Vec::new();
    for (line, cols) in rows(MODALITY) {
        let modality = match cols.get(1).copied() {
            Some("none") => None,
            Some(label) => Modality::from_label(label),
            None => None,
        };
        let scope = match cols.get(2).copied() {
            Some("near") => CueScope::Near,
            Some("clause") => CueScope::Clause,
            Some("source") => CueScope::Source,
            _ => {
                bad_lines.push(line.to_string());
                continue;
            }
        };
        if modality.is_none() && cols.get(1) != Some(&"none") {
            bad_lines.push(line.to_string());
            continue;
        }
        cue_patterns.push(cols[0]);
        cue_info.push(Cue { modality, scope });
    }

    let mut words = HashMap::new();
    for (line, cols) in rows(FUNCTION_WORDS) {
        let class = match cols.get(1).copied() {
            Some("be") => WordClass::Be,
            Some("adverb") => WordClass::Adverb,
            Some("participle") => WordClass::Participle,
            Some("by") => WordClass::By,
            Some("coord") => WordClass::Coord,
            Some("locative") => WordClass::Locative,
            Some("title") => WordClass::Title,
            Some("determiner") => WordClass::Determiner,
            Some("modifier") => WordClass::Modifier,
            Some("follower") => WordClass::Follower,
            _ => {
                bad_lines.push(line.to_string());
                continue;
            }
        };
        words.insert(cols[0], class);
    }

    debug_assert!(
        bad_lines.is_empty(),
        "malformed lines in resources/extract: {bad_lines:?}"
    );
    Lexicon {
        types,
        triggers: automaton(&patterns),
        trigger_info,
        minor_triggers: automaton(&minor_patterns),
        minor_info,
        cues: automaton(&cue_patterns),
        cue_info,
        words,
        group_nouns,
    }
}
