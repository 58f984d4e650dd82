//! Feature gazetteers: large name lists the tagger reads as evidence.
//!
//! Three lists: `geo_gazetteer.tsv` (countries, regions, continents and cities by population
//! class, generated from public data sets by `tools/gen_gazetteers.py`), `person_names.tsv`
//! (given names and surnames by frequency, from the US Census, and given names of other
//! countries from `nam_dict.txt`, and famous persons from WordNet, by
//! `tools/gen_person_names.py`)
//! and `org_names.txt` (widely known organizations, hand-written). A city called "Mobile", a
//! surname "Young" or a company called "Apple" must not turn those words into names by
//! themselves, so a match only becomes a feature ("starts a country name", "inside a big-city
//! name", "a common surname") whose weight the tagger learns. The rules ask the lists only
//! about names they have already found: is it exactly a place, a given name, a listed
//! organization (`typing::is_listed_organization`)?
//!
//! Key decision: phrases are keyed by a hash chained over the tokens' lower-case hashes (the
//! same [`super::features::hash_lower`] the features use), and every proper prefix of an entry
//! is stored too, so matching at a token walks forward one hash probe per token and stops at
//! the first key that is not a prefix: no string is built.

use crate::fast_hash::{FastMap, FastSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::entities::tokens::tokenize;
use crate::lexicon::data_lines;

/// Class bits of an entry; a phrase may have several.
pub(crate) const COUNTRY: u16 = 1;
pub(crate) const REGION: u16 = 2;
pub(crate) const CONTINENT: u16 = 4;
pub(crate) const CITY_LARGE: u16 = 8;
pub(crate) const CITY_MEDIUM: u16 = 16;
pub(crate) const CITY_SMALL: u16 = 32;
pub(crate) const ORG: u16 = 64;
pub(crate) const GIVEN_COMMON: u16 = 128;
pub(crate) const GIVEN_RARE: u16 = 256;
pub(crate) const SURNAME_COMMON: u16 = 512;
pub(crate) const SURNAME_RARE: u16 = 1024;
/// A given name of other countries that the census lists lack ("Rachida", "Corrado").
pub(crate) const GIVEN_OTHER: u16 = 2048;
/// A person WordNet lists by name ("Hitler", "Plato", "Boris Yeltsin").
pub(crate) const FAMOUS_PERSON: u16 = 4096;
/// A place WordNet lists by name that no other class has ("Danube", "Adirondacks").
pub(crate) const NAMED_PLACE: u16 = 8192;

/// Entries longer than this (in tokens) are not stored.
const MAX_TOKENS: usize = 6;

/// The chained-hash table of all entries and their prefixes (prefixes map to 0).
#[derive(Debug)]
pub(crate) struct Gazetteer {
    entries: FastMap<u64, u16>,
    /// The lower-case hashes of the words that open many place names ("New", "Upper",
    /// "Mount"): see [`PLACE_OPENER_NAMES`].
    place_openers: FastSet<u64>,
}

/// A word is a place opener when at least this many names of several words in the geographic
/// list begin with it.
const PLACE_OPENER_NAMES: usize = 5;

/// The start value of a phrase key.
const SEED: u64 = 0x6761_7a65_7474_6565;

pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let geo = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../resources/annotate/geo_gazetteer.tsv"
    ));
    let orgs = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../resources/annotate/org_names.txt"
    ));
    let persons = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../resources/annotate/person_names.tsv"
    ));
    let mut gazetteer = Gazetteer {
        entries: FastMap::with_capacity_and_hasher(64 * 1024, Default::default()),
        place_openers: FastSet::default(),
    };
    let mut openers: FastMap<u64, usize> = FastMap::default();
    for line in data_lines(geo) {
        if let Some((class, name)) = line.split_once('\t') {
            gazetteer.insert(name, class_bit(class));
            if let Some((first, _)) = name.split_once(' ') {
                *openers
                    .entry(super::features::hash_lower(first.chars()))
                    .or_default() += 1;
            }
        }
    }
    gazetteer.place_openers = openers
        .into_iter()
        .filter(|&(_, names)| names >= PLACE_OPENER_NAMES)
        .map(|(word, _)| word)
        .collect();
    for line in data_lines(persons) {
        if let Some((class, name)) = line.split_once('\t') {
            gazetteer.insert(name, class_bit(class));
        }
    }
    for line in data_lines(orgs) {
        gazetteer.insert(line, ORG);
    }
    gazetteer
});

/// The class bit of a class name of the generated lists.
fn class_bit(class: &str) -> u16 {
    match class {
        "country" => COUNTRY,
        "region" => REGION,
        "continent" => CONTINENT,
        "city1" => CITY_LARGE,
        "city2" => CITY_MEDIUM,
        "given1" => GIVEN_COMMON,
        "given2" => GIVEN_RARE,
        "given3" => GIVEN_OTHER,
        "famous" => FAMOUS_PERSON,
        "place" => NAMED_PLACE,
        "surname1" => SURNAME_COMMON,
        "surname2" => SURNAME_RARE,
        _ => CITY_SMALL,
    }
}

/// Chains one token's lower-case hash into a phrase key.
fn chain(key: u64, token: u64) -> u64 {
    super::features::mix(key, token)
}

impl Gazetteer {
    fn insert(&mut self, phrase: &str, class: u16) {
        let tokens = tokenize(phrase);
        if tokens.is_empty() || tokens.len() > MAX_TOKENS {
            return;
        }
        let mut key = SEED;
        for (k, token) in tokens.iter().enumerate() {
            key = chain(key, super::features::hash_lower(token.text(phrase).chars()));
            let slot = self.entries.entry(key).or_insert(0);
            if k + 1 == tokens.len() {
                *slot |= class;
            }
        }
    }

    /// True when `words` are exactly the name of a country, region, continent or city.
    pub fn is_place<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        let places = COUNTRY | REGION | CONTINENT | CITY_LARGE | CITY_MEDIUM | CITY_SMALL;
        self.has_class(words, places)
    }

    /// True when `word` is the name of a country, region, continent or large or medium city
    /// (not of a small town, which many surnames are).
    pub fn is_prominent_place(&self, word: &str) -> bool {
        let places = COUNTRY | REGION | CONTINENT | CITY_LARGE | CITY_MEDIUM;
        self.has_class(std::iter::once(word), places)
    }

    /// True when many place names of several words begin with `word` ("New", "Upper", "Mount").
    pub fn is_place_opener(&self, word: &str) -> bool {
        self.place_openers
            .contains(&super::features::hash_lower(word.chars()))
    }

    /// True when `words` are exactly the name of a listed organization ("Microsoft", "BBC").
    pub fn is_organization<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        self.has_class(words, ORG)
    }

    /// True when `words` are exactly a country's name.
    pub fn is_country<'a>(&self, words: impl Iterator<Item = &'a str>) -> bool {
        self.has_class(words, COUNTRY)
    }

    /// True when `word` is one of the most common given names ("Chad", "Florence").
    pub fn is_common_given_name(&self, word: &str) -> bool {
        self.has_class(std::iter::once(word), GIVEN_COMMON)
    }

    /// True when `word` is a given name of the lists, common or rare.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.has_class(std::iter::once(word), GIVEN_COMMON | GIVEN_RARE)
    }

    /// True when `word` is a surname of the lists, common or rare, or a famous person's name.
    pub fn is_surname_or_famous(&self, word: &str) -> bool {
        self.has_class(
            std::iter::once(word),
            SURNAME_COMMON | SURNAME_RARE | FAMOUS_PERSON,
        )
    }

    /// True when `word` is one of the most common surnames ("King", "Bishop").
    pub fn is_common_surname(&self, word: &str) -> bool {
        self.has_class(std::iter::once(word), SURNAME_COMMON)
    }

    /// True when `words` are exactly an entry of one of the `classes`.
    fn has_class<'a>(&self, words: impl Iterator<Item = &'a str>, classes: u16) -> bool {
        let key = words.fold(SEED, |key, word| {
            chain(key, super::features::hash_lower(word.chars()))
        });
        self.entries
            .get(&key)
            .is_some_and(|&class| class & classes != 0)
    }

    /// Marks the matches in one sentence: `out[i]` gets the classes of the entries starting at
    /// token `i` in its low half and of those continuing through it in its high half.
    /// `lower[i]` is token i's lower-case hash; `may_start[i]` says whether an entry may
    /// start there.
    pub fn mark(
        &self,
        sentence: Range<usize>,
        lower: impl Fn(usize) -> u64,
        may_start: impl Fn(usize) -> bool,
        out: &mut [u32],
    ) {
        for start in sentence.clone() {
            if !may_start(start) {
                continue;
            }
            let mut key = SEED;
            for end in start..sentence.end.min(start + MAX_TOKENS) {
                key = chain(key, lower(end));
                let Some(&class) = self.entries.get(&key) else {
                    break;
                };
                if class != 0 {
                    out[start] |= u32::from(class);
                    for slot in &mut out[start + 1..=end] {
                        *slot |= u32::from(class) << 16;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tagger::features::hash_lower;

    /// The place and organization classes marked in `text` (person-name classes left out).
    fn marks(text: &str) -> Vec<u32> {
        let persons = u32::from(
            GIVEN_COMMON | GIVEN_RARE | GIVEN_OTHER | SURNAME_COMMON | SURNAME_RARE | FAMOUS_PERSON,
        );
        let tokens = tokenize(text);
        let mut out = vec![0; tokens.len()];
        GAZETTEER.mark(
            0..tokens.len(),
            |i| hash_lower(tokens[i].text(text).chars()),
            |i| tokens[i].is_name_like(),
            &mut out,
        );
        out.iter().map(|m| m & !(persons | persons << 16)).collect()
    }

    #[test]
    fn multi_token_entries_mark_begin_and_inside() {
        let org = u32::from(ORG);
        assert_eq!(
            marks("the World Health Organization said"),
            [0, org, org << 16, org << 16, 0]
        );
        let country = u32::from(COUNTRY);
        assert_eq!(marks("in France"), [0, country]);
        // A prefix of an entry alone is no match; lower-case words never start one.
        assert_eq!(marks("World Health said"), [0, 0, 0]);
        assert_eq!(marks("france"), [0]);
    }

    #[test]
    fn person_names_are_marked_by_frequency_class() {
        let tokens = tokenize("Mary Smith");
        let mut out = vec![0; tokens.len()];
        GAZETTEER.mark(
            0..tokens.len(),
            |i| hash_lower(tokens[i].text("Mary Smith").chars()),
            |_| true,
            &mut out,
        );
        assert_ne!(out[0] & u32::from(GIVEN_COMMON), 0);
        assert_ne!(out[1] & u32::from(SURNAME_COMMON), 0);
    }

    #[test]
    fn the_longest_entry_and_its_prefixes_are_both_marked() {
        let (country, city) = (u32::from(COUNTRY), u32::from(CITY_LARGE));
        assert_eq!(marks("Mexico City"), [country | city, city << 16]);
    }
}
