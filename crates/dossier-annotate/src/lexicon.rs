//! The word lists annotation relies on, compiled into the binary and parsed once.
//!
//! Every list lives in `resources/annotate/` as plain text with a `# source:` line, so that the
//! linguistic knowledge can be read and extended without touching code. Multi-word entries
//! (gazetteer names, titles) are keyed by their lower-cased tokens joined with single spaces,
//! tokenized by the same tokenizer as running text, so a lookup never depends on how the entry
//! was spelled in the file; the prefixes of entries are keys too, so finding the longest entry
//! at a token walks forward one hash probe per token and usually stops at the first.

use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};
use std::cell::RefCell;
use std::sync::LazyLock;

use dossier_core::EntityKind;

use crate::entities::tokens::word_pieces;

/// All word lists, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Abbreviations that end in a period ("Dr", "Oct", "e.g"), without the period.
    pub abbreviations: HashSet<&'static str>,
    /// Capitalized function words that open sentences ("The", "However").
    pub sentence_starters: HashSet<&'static str>,
    /// Known names: lower-cased token sequence → type.
    pub gazetteer: PhraseTable<EntityKind>,
    /// Titles and offices that precede a person's name, lower-cased.
    pub titles: PhraseTable<()>,
    /// The same titles keyed last token first, to find one that ends before a name.
    pub titles_backward: PhraseTable<()>,
    /// Phrases right before a name that say it names a place ("north of", "invaded"), keyed
    /// last token first.
    pub place_cues_backward: PhraseTable<()>,
    /// Phrases that join the two sides of a match ("beat", "drew with", "v").
    pub contest_verbs: PhraseTable<()>,
    /// Phrases right before an organization's name ("shares of", "analysts at"), keyed last
    /// token first.
    pub org_cues_backward: PhraseTable<()>,
    /// Phrases right before a team's name ("win over", "scored for"), keyed last token first.
    pub team_openers_backward: PhraseTable<()>,
    /// Role nouns right after a team's name, before a person's ("striker", "coach").
    pub team_roles: HashSet<&'static str>,
    /// Common given names, as written ("Sergei").
    pub given_names: HashSet<&'static str>,
    /// Head words of names and the type they give the name: "Ministry" (ORG), "Airport"
    /// (LOC), "Empire" (GPE), "War" (MISC).
    pub heads: HashMap<&'static str, EntityKind>,
    /// Head words that open a name, the rest following them ("Mount", "Lake", "Hurricane").
    pub leading_words: HashSet<&'static str>,
    /// Epithets that follow "the" in a ruler's or an artist's name ("Great", "Elder").
    pub epithets: HashSet<&'static str>,
    /// Capitalized words that are never names (months, weekdays).
    pub non_names: HashSet<&'static str>,
    /// Typical surname endings ("ov", "enko").
    pub surname_endings: Vec<&'static str>,
    /// Common nouns that say what kind of thing a name names ("agency", "minister",
    /// "missiles"), with that kind: read in appositions, before quoted names and after names.
    pub kind_nouns: HashMap<&'static str, EntityKind>,
    /// Acronyms used as common nouns ("CEO", "GDP", "DVD"), not as organizations' names.
    pub common_acronyms: HashSet<&'static str>,
    /// Legal-form suffixes of company names ("Inc", "PLC", "GmbH"), without a final period.
    pub company_suffixes: HashSet<&'static str>,
    /// Nouns for members of an organization ("militants", "officials").
    pub member_nouns: HashSet<&'static str>,
    /// Verbs of saying and attribution words ("said", "according"), each with whether it may
    /// come before its speaker ("…," said X).
    pub speech_verbs: HashMap<&'static str, bool>,
}

impl Lexicon {
    /// True for an organization's head word ("Ministry", "Foundation"; see `heads`).
    pub fn is_org_head(&self, word: &str) -> bool {
        self.heads.get(word) == Some(&EntityKind::Org)
    }

    /// True for a word of `non_names.txt` as written or in capitals ("October", "OCTOBER").
    pub fn is_non_name(&self, word: &str) -> bool {
        self.non_names.contains(word)
            || title_case_of_capitals(word).is_some_and(|w| self.non_names.contains(w.as_str()))
    }

    /// True for a word of `sentence_starters.txt` as written, or, when `capitals_too` (its
    /// capital is forced, as in a headline in capitals), in capitals ("THOSE", "WHO"; a "WHO"
    /// in a sentence of mixed case stays the organization's acronym).
    pub fn is_sentence_starter(&self, word: &str, capitals_too: bool) -> bool {
        self.sentence_starters.contains(word)
            || (capitals_too
                && title_case_of_capitals(word)
                    .is_some_and(|w| self.sentence_starters.contains(w.as_str())))
    }
}

/// A word of two letters or more in capitals, in title case ("OCTOBER" gives "October"); None
/// for any other word.
fn title_case_of_capitals(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let shouted = word.chars().nth(1).is_some()
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    shouted.then(|| {
        std::iter::once(first)
            .chain(chars.flat_map(char::to_lowercase))
            .collect()
    })
}

/// A table of multi-word phrases keyed by lower-cased tokens joined with spaces, read by
/// walking along the tokens of a text: every proper prefix of an entry (cut between tokens) is
/// stored too, so a walk stops at the first token that no entry continues with.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    /// Entries with their values, and prefixes of entries (None when not an entry themselves).
    entries: HashMap<String, Option<V>>,
}

impl<V: Copy> PhraseTable<V> {
    /// The table of `phrases`, each keyed by its tokens in text order, or last token first when
    /// `backward` (to find the phrases that end at a given token).
    fn new<'a>(phrases: impl IntoIterator<Item = (&'a str, V)>, backward: bool) -> Self {
        let mut table = PhraseTable {
            entries: HashMap::default(),
        };
        for (phrase, value) in phrases {
            let mut pieces: Vec<&str> = word_pieces(phrase).collect();
            if backward {
                pieces.reverse();
            }
            table.insert(&pieces, value);
        }
        table
    }

    fn insert(&mut self, pieces: &[&str], value: V) {
        if pieces.is_empty() {
            return;
        }
        let key = pieces.join(" ").to_lowercase();
        for (cut, _) in key.match_indices(' ') {
            self.entries.entry(key[..cut].to_string()).or_insert(None);
        }
        self.entries.insert(key, Some(value));
    }

    /// The longest entry made of the first tokens of `tokens` (compared lower-cased), with its
    /// length in tokens.
    pub fn longest<'a>(&self, tokens: impl IntoIterator<Item = &'a str>) -> Option<(usize, V)> {
        KEY.with_borrow_mut(|key| {
            key.clear();
            let mut found = None;
            for (i, token) in tokens.into_iter().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                push_lowercase(key, token);
                match self.entries.get(key.as_str()) {
                    None => break,
                    Some(Some(value)) => found = Some((i + 1, *value)),
                    Some(None) => {}
                }
            }
            found
        })
    }
}

thread_local! {
    /// The key [`PhraseTable::longest`] builds, kept to reuse its allocation.
    static KEY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Appends the lower-cased `text` to `buffer` (as `char::to_lowercase` does, with a fast path
/// for ASCII).
fn push_lowercase(buffer: &mut String, text: &str) {
    if text.is_ascii() {
        let start = buffer.len();
        buffer.push_str(text);
        buffer[start..].make_ascii_lowercase();
    } else {
        buffer.extend(text.chars().flat_map(char::to_lowercase));
    }
}

/// The lines of a resource file that carry data: trimmed, without blanks and `#` comments.
pub(crate) fn data_lines(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

macro_rules! resource {
    ($name:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../resources/annotate/",
            $name
        ))
    };
}

/// The names of several words in `org_names.txt` ("Air France", "Standard & Poor's"): found
/// as gazetteer names even where their capitals are forced ("Air France chairman …" opening a
/// sentence). One-word entries are left to the tagger's features and the exact-name rule, as
/// many are surnames or common words too ("Ford", "Shell").
fn listed_organizations_of_several_words() -> impl Iterator<Item = (&'static str, EntityKind)> {
    data_lines(resource!("org_names.txt"))
        .filter(|line| line.contains(' '))
        .map(|line| (line, EntityKind::Org))
}

/// The lexicon, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Self {
        let names = [
            (resource!("gpe.txt"), EntityKind::Gpe),
            (resource!("loc.txt"), EntityKind::Loc),
            (resource!("norp.txt"), EntityKind::Norp),
            (resource!("org.txt"), EntityKind::Org),
        ]
        .into_iter()
        .flat_map(|(file, kind)| data_lines(file).map(move |line| (line, kind)))
        .chain(major_cities())
        .chain(listed_organizations_of_several_words());
        let compass_groups = compass_groups();
        let mut names: Vec<(&str, EntityKind)> = names.collect();
        names.extend(
            compass_groups
                .iter()
                .map(|name| (name.as_str(), EntityKind::Norp)),
        );
        let titles = || data_lines(resource!("titles.txt")).map(|line| (line, ()));
        let kind_nouns = data_lines(resource!("kind_nouns.txt"))
            .filter_map(|line| {
                let (label, noun) = line.split_once('\t')?;
                Some((noun.trim(), EntityKind::from_label(label.trim())?))
            })
            .collect();
        Lexicon {
            abbreviations: data_lines(resource!("abbreviations.txt")).collect(),
            sentence_starters: data_lines(resource!("sentence_starters.txt")).collect(),
            epithets: data_lines(resource!("epithets.txt")).collect(),
            gazetteer: PhraseTable::new(names, false),
            titles: PhraseTable::new(titles(), false),
            titles_backward: PhraseTable::new(titles(), true),
            place_cues_backward: PhraseTable::new(
                data_lines(resource!("place_cues.txt")).map(|line| (line, ())),
                true,
            ),
            contest_verbs: PhraseTable::new(
                data_lines(resource!("contest_verbs.txt")).map(|line| (line, ())),
                false,
            ),
            org_cues_backward: PhraseTable::new(
                data_lines(resource!("org_cues.txt")).map(|line| (line, ())),
                true,
            ),
            team_openers_backward: PhraseTable::new(
                data_lines(resource!("team_cues.txt"))
                    .filter_map(|line| line.strip_prefix("> "))
                    .map(|line| (line, ())),
                true,
            ),
            team_roles: data_lines(resource!("team_cues.txt"))
                .filter(|line| !line.starts_with("> "))
                .collect(),
            given_names: data_lines(resource!("given_names.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            heads: heads(),
            leading_words: data_lines(resource!("leading_words.txt")).collect(),
            non_names: data_lines(resource!("non_names.txt")).collect(),
            surname_endings: data_lines(resource!("surname_endings.txt")).collect(),
            kind_nouns,
            member_nouns: data_lines(resource!("member_nouns.txt")).collect(),
            company_suffixes: data_lines(resource!("company_suffixes.txt")).collect(),
            common_acronyms: data_lines(resource!("common_acronyms.txt")).collect(),
            speech_verbs: data_lines(resource!("speech_verbs.txt"))
                .map(|line| match line.strip_suffix('*') {
                    Some(verb) => (verb.trim(), true),
                    None => (line, false),
                })
                .collect(),
        }
    }
}

/// The cities of a million people or more in the generated place list (class `city1` of
/// `geo_gazetteer.tsv`), as GPE names; smaller ones only inform the tagger. Measured with
/// `examples/eval_iob.rs` (mean of three trainings): these cities gain 0.005 F1 on Wikigold at
/// no cost on UNER PUD and EWT; all cities of 100,000 or more would cost 0.025 on EWT and
/// 0.007 on PUD.
fn major_cities() -> impl Iterator<Item = (&'static str, EntityKind)> {
    data_lines(resource!("geo_gazetteer.tsv"))
        .filter_map(|line| line.strip_prefix("city1\t"))
        .map(|name| (name, EntityKind::Gpe))
}

/// Every group name of `norp.txt` after every compass word ("North Korean", "South
/// Africans"): one NORP name, not a place and a group.
fn compass_groups() -> Vec<String> {
    let groups: Vec<&str> = data_lines(resource!("norp.txt")).collect();
    data_lines(resource!("compass_words.txt"))
        .flat_map(|compass| groups.iter().map(move |group| format!("{compass} {group}")))
        .collect()
}

/// The head-word lists, by the type they give.
fn heads() -> HashMap<&'static str, EntityKind> {
    let mut heads = HashMap::default();
    for (file, kind) in [
        (resource!("misc_heads.txt"), EntityKind::Misc),
        (resource!("place_heads.txt"), EntityKind::Loc),
        (resource!("polity_heads.txt"), EntityKind::Gpe),
        (resource!("org_heads.txt"), EntityKind::Org),
    ] {
        heads.extend(data_lines(file).map(|word| (word, kind)));
    }
    heads
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_months_are_known_in_capitals_where_capitals_are_forced() {
        assert!(LEXICON.is_non_name("OCTOBER") && LEXICON.is_non_name("October"));
        assert!(LEXICON.is_sentence_starter("WHO", true));
        // In a sentence of mixed case "WHO" is the acronym.
        assert!(!LEXICON.is_sentence_starter("WHO", false));
        assert!(LEXICON.is_sentence_starter("Who", false));
    }

    #[test]
    fn lists_are_loaded_and_keyed_by_lowercase_tokens() {
        let lexicon = &*LEXICON;
        assert!(lexicon.abbreviations.contains("Oct"));
        assert!(lexicon.given_names.contains("Sergei"));
        assert_eq!(lexicon.heads.get("Ministry"), Some(&EntityKind::Org));
        assert_eq!(
            lexicon.gazetteer.longest(["Middle", "East", "peace"]),
            Some((2, EntityKind::Loc))
        );
        assert_eq!(
            lexicon.gazetteer.longest(["U.S."]),
            Some((1, EntityKind::Gpe))
        );
        assert_eq!(
            lexicon.gazetteer.longest(["Russians", "and"]),
            Some((1, EntityKind::Norp))
        );
        assert_eq!(
            lexicon.titles.longest(["foreign", "minister"]),
            Some((2, ()))
        );
        assert_eq!(
            lexicon
                .titles_backward
                .longest(["Minister", "Foreign", "the"]),
            Some((2, ()))
        );
        assert_eq!(lexicon.gazetteer.longest(["Middle"]), None);
        assert_eq!(lexicon.kind_nouns.get("agency"), Some(&EntityKind::Org));
    }

    #[test]
    fn a_compass_word_and_a_group_name_are_one_group_name() {
        let gazetteer = &LEXICON.gazetteer;
        assert_eq!(
            gazetteer.longest(["North", "Korean", "army"]),
            Some((2, EntityKind::Norp))
        );
        assert_eq!(
            gazetteer.longest(["South", "Africans"]),
            Some((2, EntityKind::Norp))
        );
        assert_eq!(
            gazetteer.longest(["South", "Korea"]),
            Some((2, EntityKind::Gpe))
        );
    }
}
