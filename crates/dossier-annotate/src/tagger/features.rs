//! Feature extraction for the name tagger: hashed, allocation-free, computed per token.
//!
//! Every feature is a 32-bit hash of a template number and a value (a word hashed
//! lower-cased, a shape code, a flag). Word values are hashed once per token into
//! [`TokenInfo`]; a feature is then a few integer mixes, so scoring a token allocates nothing.
//! The same code serves training and tagging, which is what keeps them consistent. Besides the
//! usual word, affix and shape features, the tagger sees what the rule-based finder thought of
//! each token (gazetteer unit, title, candidate type and evidence), so the model learns how far
//! to trust each rule instead of replacing it, and what the feature gazetteers and the word
//! statistics say of it (see [`super::gazetteer`], [`super::word_stats`]).

use std::ops::Range;
use std::sync::LazyLock;

use dossier_core::EntityKind;

use crate::entities::rules::RuleView;
use crate::entities::tokens::Shape;
use crate::entities::Context;
use crate::fast_hash::FastMap;
use crate::lexicon::LEXICON;

use super::gazetteer::GAZETTEER;
use super::word_stats::{cluster_prefix, ClusterCode, WORD_STATS};

/// Templates: the first argument of [`feature`]. Values are fixed: changing one invalidates the
/// committed model.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const SHAPE: u64 = 3;
    pub const PREFIX: u64 = 4;
    pub const SUFFIX: u64 = 5;
    pub const PREV_WORD: u64 = 6;
    pub const NEXT_WORD: u64 = 7;
    pub const PREV2_WORD: u64 = 8;
    pub const NEXT2_WORD: u64 = 9;
    pub const PREV_SHAPE: u64 = 10;
    pub const NEXT_SHAPE: u64 = 11;
    pub const POSITION: u64 = 12;
    pub const FLAGS: u64 = 13;
    pub const RULE_UNIT: u64 = 14;
    pub const RULE_CANDIDATE: u64 = 15;
    pub const PREV_UNIT: u64 = 16;
    pub const NEXT_UNIT: u64 = 17;
    pub const NEXT_HEAD: u64 = 18;
    pub const WORD_NEXT: u64 = 19;
    pub const PREV_WORD_WORD: u64 = 20;
    pub const PREV_TAG: u64 = 21;
    pub const PREV_TAGS: u64 = 22;
    pub const PREV_TAG_WORD: u64 = 23;
    pub const PREV_TAG_SHAPE: u64 = 24;
    pub const RULE_UNIT_SHAPE: u64 = 25;
    pub const SHAPES: u64 = 26;
    pub const GAZ: u64 = 27;
    pub const GAZ_CLASS: u64 = 28;
    pub const GAZ_AROUND: u64 = 29;
    pub const GAZ_SHAPE: u64 = 30;
    pub const CLUSTER: u64 = 31;
    pub const CAPITALIZED: u64 = 32;
    pub const PREV_CLUSTER: u64 = 33;
    pub const NEXT_CLUSTER: u64 = 34;
}

/// Marker values for positions outside the sentence.
const BEFORE_START: u64 = 0x5354_4152_5400;
const AFTER_END: u64 = 0x454e_4400;

/// What the features need to know about one token, computed once per document.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokenInfo {
    lower: u64,
    prefix: u64,
    suffix: u64,
    shape: u64,
    /// Bit set: see the `FLAG_*` constants.
    flags: u64,
    /// The kind of head word this is (`1 + EntityKind as u64`), or 0.
    head: u64,
    /// Feature-gazetteer classes: of entries starting here (low half), of entries continuing
    /// through here (high half); see [`super::gazetteer`].
    gaz: u32,
    /// The word form's Brown cluster, or 0; see [`super::word_stats`].
    cluster: ClusterCode,
    /// How often the word is written capitalized, in sixths (0-5), or 6 when not known.
    capitalized: u8,
}

const FLAG_UNRELIABLE: u64 = 1;
const FLAG_SEEN_CAPITALIZED: u64 = 2;
const FLAG_GIVEN_NAME: u64 = 4;
const FLAG_SURNAME_ENDING: u64 = 8;
const FLAG_NON_NAME: u64 = 16;
const FLAG_NAME_LIKE: u64 = 32;
const FLAG_COMMON_WORD: u64 = 64;

/// The per-token information of a whole document. `vocabulary` holds the [`word_key`]s of
/// words common in lower case: a capitalized word that is one ("Meanwhile", "Bank") is less
/// likely a name than one that is not ("Seagal").
///
/// All but the unreliable-capital flag depend on the word alone, so each distinct word of the
/// document is looked up once (a news article repeats about half its words).
pub(crate) fn token_infos(ctx: &Context, vocabulary: &[u32]) -> Vec<TokenInfo> {
    let mut by_word: FastMap<&str, TokenInfo> =
        FastMap::with_capacity_and_hasher(ctx.tokens.len() / 2, Default::default());
    let mut infos: Vec<TokenInfo> = (0..ctx.tokens.len())
        .map(|i| {
            let mut info = *by_word
                .entry(ctx.word(i))
                .or_insert_with(|| word_info(ctx, i, vocabulary));
            if ctx.unreliable[i] {
                info.flags |= FLAG_UNRELIABLE;
            }
            info
        })
        .collect();
    let mut gaz = vec![0u32; infos.len()];
    for sentence in &ctx.sentences {
        GAZETTEER.mark(
            sentence.clone(),
            |i| infos[i].lower,
            |i| infos[i].flags & FLAG_NAME_LIKE != 0,
            &mut gaz,
        );
    }
    for (info, gaz) in infos.iter_mut().zip(gaz) {
        info.gaz = gaz;
    }
    infos
}

/// The key of a word in the vocabulary of common lower-case words.
pub(crate) fn word_key(word: &str) -> u32 {
    key_of_lower(hash_lower(word.chars()))
}

/// [`word_key`] from the word's [`hash_lower`].
fn key_of_lower(lower: u64) -> u32 {
    (lower >> 32) as u32 ^ lower as u32
}

/// The [`TokenInfo`] of token `i`'s word, without the unreliable-capital flag.
fn word_info(ctx: &Context, i: usize, vocabulary: &[u32]) -> TokenInfo {
    let token = ctx.tokens[i];
    let word = ctx.word(i);
    let (lower, prefix, suffix) = word_hashes(word);
    let mut flags = 0;
    let mut head = 0;
    // Name-like words only: the word lists hold capitalized words.
    if token.is_name_like() {
        flags |= FLAG_NAME_LIKE;
        if vocabulary.binary_search(&key_of_lower(lower)).is_ok() {
            flags |= FLAG_COMMON_WORD;
        }
        if ctx.capitalized.contains(word) {
            flags |= FLAG_SEEN_CAPITALIZED;
        }
        if has_surname_ending(word) {
            flags |= FLAG_SURNAME_ENDING;
        }
        if let Some(known) = KNOWN_WORDS.get(word) {
            flags |= known.flags;
            head = known.head;
        }
    }
    let (cluster, capitalized) = WORD_STATS.lookup(lower, token.shape);
    let capitalized = capitalized.map_or(6, |percent| (u16::from(percent) * 6 / 101) as u8);
    TokenInfo {
        lower,
        prefix,
        suffix,
        shape: shape_code(word, token.shape),
        flags,
        head,
        gaz: 0,
        cluster,
        capitalized,
    }
}

/// What the word lists say about a capitalized word, for [`word_info`].
#[derive(Debug, Clone, Copy, Default)]
struct KnownWord {
    /// [`FLAG_GIVEN_NAME`] and/or [`FLAG_NON_NAME`].
    flags: u64,
    /// The kind of head word it is (`1 + EntityKind as u64`), or 0.
    head: u64,
}

/// The given names, non-names, sentence starters and head words of the lexicon in one table,
/// so that a token costs one lookup instead of four.
static KNOWN_WORDS: LazyLock<FastMap<&'static str, KnownWord>> = LazyLock::new(|| {
    let mut known: FastMap<&'static str, KnownWord> = FastMap::default();
    for &word in &LEXICON.given_names {
        known.entry(word).or_default().flags |= FLAG_GIVEN_NAME;
    }
    for &word in LEXICON.non_names.iter().chain(&LEXICON.sentence_starters) {
        known.entry(word).or_default().flags |= FLAG_NON_NAME;
    }
    for (&word, &kind) in &LEXICON.heads {
        known.entry(word).or_default().head = 1 + kind_code(kind);
    }
    known
});

fn has_surname_ending(word: &str) -> bool {
    word.len() >= 5
        && LEXICON
            .surname_endings
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// A small integer per entity kind.
pub(crate) fn kind_code(kind: EntityKind) -> u64 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Org => 1,
        EntityKind::Gpe => 2,
        EntityKind::Loc => 3,
        EntityKind::Norp => 4,
        EntityKind::Misc => 5,
    }
}

/// The word's shape: character classes (upper, lower, digit, other) with repeats collapsed,
/// at most six classes, plus the token's coarse shape and a length bucket.
fn shape_code(word: &str, shape: Shape) -> u64 {
    let mut code = 0u64;
    let mut last = 0;
    let mut classes = 0;
    let class_of = |c: char| {
        if c.is_ascii() {
            match c {
                'A'..='Z' => 1,
                'a'..='z' => 2,
                '0'..='9' => 3,
                '.' => 4,
                '-' => 5,
                _ => 6,
            }
        } else if c.is_uppercase() {
            1
        } else if c.is_lowercase() {
            2
        } else if c.is_numeric() {
            3
        } else {
            6
        }
    };
    for c in word.chars() {
        let class = class_of(c);
        if class != last && classes < 6 {
            code = code * 8 + class;
            classes += 1;
            last = class;
        }
    }
    let length = word.chars().count().min(6) as u64;
    (code << 8) | (length << 4) | shape as u64
}

/// The [`hash_lower`] of the word, of its first three and of its last three characters, in
/// one pass over an ASCII word (the common case) and three otherwise.
fn word_hashes(word: &str) -> (u64, u64, u64) {
    if !word.is_ascii() {
        let chars = word.chars().count();
        return (
            hash_lower(word.chars()),
            hash_lower(word.chars().take(3)),
            hash_lower(word.chars().skip(chars.saturating_sub(3))),
        );
    }
    let bytes = word.as_bytes();
    let (mut lower, mut prefix) = (FNV_OFFSET, FNV_OFFSET);
    for (i, &b) in bytes.iter().enumerate() {
        lower = fnv_step(lower, b.to_ascii_lowercase());
        if i == 2 {
            prefix = lower;
        }
    }
    if bytes.len() < 3 {
        prefix = lower;
    }
    let suffix = bytes[bytes.len().saturating_sub(3)..]
        .iter()
        .fold(FNV_OFFSET, |h, &b| fnv_step(h, b.to_ascii_lowercase()));
    (lower, prefix, suffix)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv_step(hash: u64, c: u8) -> u64 {
    (hash ^ u64::from(c)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// FNV-1a over the lower-cased characters: the same value on every platform and run.
pub(crate) fn hash_lower(chars: impl Iterator<Item = char>) -> u64 {
    let mut hash = FNV_OFFSET;
    for c in chars.flat_map(char::to_lowercase) {
        hash ^= u64::from(c);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Mixes two values into one (the finalizer of SplitMix64 over a combination).
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(b)
        .wrapping_add(0x632b_e59b_d9b4_e019);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The 32-bit key of a feature; never 0 (the empty slot of the weight table).
fn feature(template: u64, value: u64) -> u32 {
    let h = mix(template, value);
    ((h >> 32) as u32 ^ h as u32).max(1)
}

/// Everything the features of one document look at.
#[derive(Debug)]
pub(crate) struct DocFeatures<'a> {
    pub infos: Vec<TokenInfo>,
    pub rules: &'a RuleView,
}

impl DocFeatures<'_> {
    /// Pushes the features of token `i` that do not depend on earlier tags.
    pub fn static_features(&self, i: usize, sentence: &Range<usize>, out: &mut Vec<u32>) {
        let info = &self.infos[i];
        let at = |offset: isize| -> Option<&TokenInfo> {
            let j = i.checked_add_signed(offset)?;
            sentence.contains(&j).then(|| &self.infos[j])
        };
        let word_at = |offset: isize, outside: u64| at(offset).map_or(outside, |t| t.lower);
        let shape_at = |offset: isize, outside: u64| at(offset).map_or(outside, |t| t.shape);
        let unit_at = |offset: isize| {
            i.checked_add_signed(offset)
                .filter(|j| sentence.contains(j))
                .map_or(0xff, |j| u64::from(self.rules.unit[j]))
        };
        let prev_word = word_at(-1, BEFORE_START);
        let next_word = word_at(1, AFTER_END);
        out.extend([
            feature(template::BIAS, 0),
            feature(template::WORD, info.lower),
            feature(template::SHAPE, info.shape),
            feature(template::PREFIX, info.prefix),
            feature(template::SUFFIX, info.suffix),
            feature(template::PREV_WORD, prev_word),
            feature(template::NEXT_WORD, next_word),
            feature(template::PREV2_WORD, word_at(-2, BEFORE_START)),
            feature(template::NEXT2_WORD, word_at(2, AFTER_END)),
            feature(template::PREV_SHAPE, shape_at(-1, BEFORE_START)),
            feature(template::NEXT_SHAPE, shape_at(1, AFTER_END)),
            feature(
                template::SHAPES,
                mix(
                    mix(shape_at(-1, BEFORE_START), info.shape),
                    shape_at(1, AFTER_END),
                ),
            ),
            feature(
                template::POSITION,
                mix((i - sentence.start).min(3) as u64, info.shape),
            ),
            feature(template::FLAGS, info.flags),
            feature(template::RULE_UNIT, unit_at(0)),
            feature(template::RULE_UNIT_SHAPE, mix(unit_at(0), info.shape)),
            feature(template::RULE_CANDIDATE, u64::from(self.rules.candidate[i])),
            feature(template::PREV_UNIT, unit_at(-1)),
            feature(template::NEXT_UNIT, unit_at(1)),
            feature(
                template::NEXT_HEAD,
                mix(
                    mix(info.head, at(1).map_or(0, |t| t.head)),
                    at(2).map_or(0, |t| t.head),
                ),
            ),
            feature(template::WORD_NEXT, mix(info.lower, next_word)),
            feature(template::PREV_WORD_WORD, mix(prev_word, info.lower)),
        ]);
        if info.gaz != 0 {
            out.push(feature(template::GAZ, u64::from(info.gaz)));
            out.push(feature(
                template::GAZ_SHAPE,
                mix(u64::from(info.gaz), info.shape),
            ));
            for bit in 0..32 {
                if info.gaz & (1 << bit) != 0 {
                    out.push(feature(template::GAZ_CLASS, bit));
                }
            }
        }
        let gaz_at = |offset: isize| at(offset).map_or(0xffff_ffff, |t| u64::from(t.gaz));
        out.push(feature(template::GAZ_AROUND, mix(gaz_at(-1), gaz_at(1))));
        self.word_stats_features(info, &at, out);
    }

    /// Features of the word statistics: cluster prefixes of the token and its neighbours, and
    /// how often the word is capitalized, with its shape and position.
    fn word_stats_features<'a>(
        &self,
        info: &TokenInfo,
        at: &impl Fn(isize) -> Option<&'a TokenInfo>,
        out: &mut Vec<u32>,
    ) {
        for bits in [4, 6, 10, 20] {
            let prefix = cluster_prefix(info.cluster, bits);
            out.push(feature(
                template::CLUSTER,
                mix(u64::from(bits), u64::from(prefix)),
            ));
        }
        let neighbour = |offset: isize| {
            at(offset).map_or(u64::MAX, |t| u64::from(cluster_prefix(t.cluster, 6)))
        };
        out.push(feature(template::PREV_CLUSTER, neighbour(-1)));
        out.push(feature(template::NEXT_CLUSTER, neighbour(1)));
        out.push(feature(
            template::CAPITALIZED,
            mix(
                u64::from(info.capitalized),
                info.shape ^ (info.flags & FLAG_UNRELIABLE) << 40,
            ),
        ));
    }
}

/// Pushes the features of a token that depend on the two tags before it.
pub(crate) fn tag_features(info: &TokenInfo, prev: u8, prev2: u8, out: &mut Vec<u32>) {
    let prev = u64::from(prev);
    out.extend([
        feature(template::PREV_TAG, prev),
        feature(template::PREV_TAGS, mix(prev, u64::from(prev2))),
        feature(template::PREV_TAG_WORD, mix(prev, info.lower)),
        feature(template::PREV_TAG_SHAPE, mix(prev, info.shape)),
    ]);
}

impl TokenInfo {
    /// True when the token may begin a name (only such tokens are scored after an O tag).
    pub fn may_start_name(&self) -> bool {
        self.flags & FLAG_NAME_LIKE != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_ignore_case_and_keys_are_never_zero() {
        assert_eq!(hash_lower("Moscow".chars()), hash_lower("MOSCOW".chars()));
        assert_ne!(hash_lower("Moscow".chars()), hash_lower("Moskva".chars()));
        assert_ne!(feature(template::WORD, 1), feature(template::PREFIX, 1));
        for value in 0..1000 {
            assert_ne!(feature(template::BIAS, value), 0);
        }
    }

    #[test]
    fn one_pass_hashes_match_the_general_ones() {
        for word in ["Moscow", "UN", "a", "Zürich", "McDonald", "abc"] {
            let chars = word.chars().count();
            assert_eq!(
                word_hashes(word),
                (
                    hash_lower(word.chars()),
                    hash_lower(word.chars().take(3)),
                    hash_lower(word.chars().skip(chars.saturating_sub(3))),
                ),
                "{word}"
            );
        }
    }

    #[test]
    fn shapes_tell_names_acronyms_and_numbers_apart() {
        let code = |w: &str, s: Shape| shape_code(w, s);
        assert_eq!(
            code("Moscow", Shape::Capitalized),
            code("Berlin", Shape::Capitalized)
        );
        assert_ne!(
            code("Moscow", Shape::Capitalized),
            code("NATO", Shape::Upper)
        );
        assert_ne!(code("1987", Shape::Number), code("moscow", Shape::Lower));
    }
}
