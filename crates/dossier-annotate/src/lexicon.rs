//! The word lists annotation relies on, compiled into the binary and parsed once.
//!
//! Every list lives in `resources/annotate/` as plain text with a `# source:` line, so that the
//! linguistic knowledge can be read and extended without touching code. Multi-word entries
//! (gazetteer names, titles) are keyed by their lower-cased tokens joined with single spaces,
//! tokenized by the same tokenizer as running text, so a lookup is one hash probe per candidate
//! length and never depends on how the entry was spelled in the file.

use crate::fast_hash::{FastMap as HashMap, FastSet as HashSet};
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
    /// Common given names, as written ("Sergei").
    pub given_names: HashSet<&'static str>,
    /// Head words of names and the type they give the name: "Ministry" (ORG), "Airport"
    /// (LOC), "War" (MISC).
    pub heads: HashMap<&'static str, EntityKind>,
    /// Capitalized words that are never names (months, weekdays).
    pub non_names: HashSet<&'static str>,
    /// Typical surname endings ("ov", "enko").
    pub surname_endings: Vec<&'static str>,
    /// Apposition head nouns and the type they give to the name before them.
    pub appositive_heads: HashMap<&'static str, EntityKind>,
    /// Nouns for members of an organization ("militants", "officials").
    pub member_nouns: HashSet<&'static str>,
    /// Verbs of saying and attribution words ("said", "according"), each with whether it may
    /// come before its speaker ("…," said X).
    pub speech_verbs: HashMap<&'static str, bool>,
}

/// A table of multi-word phrases keyed by lower-cased tokens joined with spaces.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    entries: HashMap<String, V>,
    /// Lower-cased first tokens of all entries, to skip hopeless lookups cheaply.
    first_tokens: HashSet<String>,
    /// Number of tokens of the longest entry.
    pub max_tokens: usize,
}

impl<V: Copy> PhraseTable<V> {
    fn new() -> Self {
        PhraseTable {
            entries: HashMap::default(),
            first_tokens: HashSet::default(),
            max_tokens: 0,
        }
    }

    fn insert(&mut self, phrase: &str, value: V) {
        let pieces: Vec<&str> = word_pieces(phrase).collect();
        if pieces.is_empty() {
            return;
        }
        let key = pieces.join(" ").to_lowercase();
        self.first_tokens.insert(pieces[0].to_lowercase());
        self.max_tokens = self.max_tokens.max(pieces.len());
        self.entries.insert(key, value);
    }

    /// True when some entry starts with `token` (compared lower-cased).
    pub fn has_first(&self, token: &str, buffer: &mut String) -> bool {
        lowercase_into(token, buffer);
        self.first_tokens.contains(buffer.as_str())
    }

    /// Looks up the phrase made of `tokens` (compared lower-cased).
    pub fn get<'a>(&self, tokens: impl Iterator<Item = &'a str>, buffer: &mut String) -> Option<V> {
        buffer.clear();
        for (i, token) in tokens.enumerate() {
            if i > 0 {
                buffer.push(' ');
            }
            buffer.extend(token.chars().flat_map(char::to_lowercase));
        }
        self.entries.get(buffer.as_str()).copied()
    }
}

/// Writes the lower-cased `text` into `buffer`, replacing its contents.
fn lowercase_into(text: &str, buffer: &mut String) {
    buffer.clear();
    buffer.extend(text.chars().flat_map(char::to_lowercase));
}

/// The lines of a resource file that carry data: trimmed, without blanks and `#` comments.
fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
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

/// The lexicon, parsed on first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Self {
        let mut gazetteer = PhraseTable::new();
        for (file, kind) in [
            (resource!("gpe.txt"), EntityKind::Gpe),
            (resource!("loc.txt"), EntityKind::Loc),
            (resource!("norp.txt"), EntityKind::Norp),
            (resource!("org.txt"), EntityKind::Org),
        ] {
            for line in data_lines(file) {
                gazetteer.insert(line, kind);
            }
        }
        let mut titles = PhraseTable::new();
        for line in data_lines(resource!("titles.txt")) {
            titles.insert(line, ());
        }
        let appositive_heads = data_lines(resource!("appositive_heads.txt"))
            .filter_map(|line| {
                let (label, noun) = line.split_once('\t')?;
                Some((noun.trim(), EntityKind::from_label(label.trim())?))
            })
            .collect();
        Lexicon {
            abbreviations: data_lines(resource!("abbreviations.txt")).collect(),
            sentence_starters: data_lines(resource!("sentence_starters.txt")).collect(),
            gazetteer,
            titles,
            given_names: data_lines(resource!("given_names.txt"))
                .flat_map(str::split_whitespace)
                .collect(),
            heads: heads(),
            non_names: data_lines(resource!("non_names.txt")).collect(),
            surname_endings: data_lines(resource!("surname_endings.txt")).collect(),
            appositive_heads,
            member_nouns: data_lines(resource!("member_nouns.txt")).collect(),
            speech_verbs: data_lines(resource!("speech_verbs.txt"))
                .map(|line| match line.strip_suffix('*') {
                    Some(verb) => (verb.trim(), true),
                    None => (line, false),
                })
                .collect(),
        }
    }
}

/// The head-word lists, by the type they give.
fn heads() -> HashMap<&'static str, EntityKind> {
    let mut heads = HashMap::default();
    for (file, kind) in [
        (resource!("misc_heads.txt"), EntityKind::Misc),
        (resource!("place_heads.txt"), EntityKind::Loc),
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
    fn lists_are_loaded_and_keyed_by_lowercase_tokens() {
        let lexicon = &*LEXICON;
        let mut buffer = String::new();
        assert!(lexicon.abbreviations.contains("Oct"));
        assert!(lexicon.given_names.contains("Sergei"));
        assert_eq!(lexicon.heads.get("Ministry"), Some(&EntityKind::Org));
        assert_eq!(
            lexicon
                .gazetteer
                .get(["Middle", "East"].into_iter(), &mut buffer),
            Some(EntityKind::Loc)
        );
        assert_eq!(
            lexicon.gazetteer.get(["U.S."].into_iter(), &mut buffer),
            Some(EntityKind::Gpe)
        );
        assert_eq!(
            lexicon.gazetteer.get(["Russians"].into_iter(), &mut buffer),
            Some(EntityKind::Norp)
        );
        assert!(lexicon
            .titles
            .get(["foreign", "minister"].into_iter(), &mut buffer)
            .is_some());
        assert_eq!(
            lexicon.appositive_heads.get("agency"),
            Some(&EntityKind::Org)
        );
    }
}
