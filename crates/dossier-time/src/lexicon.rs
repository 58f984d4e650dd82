//! The word knowledge of the tagger: month, weekday, number, unit, season and reference words.
//!
//! Lexical data lives in `resources/time/*.txt` (compiled in with `include_str!`, parsed once).
//! All of it is folded into one table from a lowercase word to a [`WordInfo`] that says every
//! role the word can play ("second" is an ordinal and a unit, "may" a month), so the tokenizer
//! looks each word up once and the grammar never compares strings against lists. The few
//! grammar words the rules are written in ("the", "of", "ago", …) are the [`Kw`] enum, kept in
//! code because they are the grammar, not data.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::Weekday;

use crate::normalize::{PartOfDay, Season, Unit};

/// A grammar word of the recognizer's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    The,
    Of,
    That,
    Same,
    This,
    Last,
    Next,
    Past,
    Coming,
    Following,
    Previous,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Every,
    Each,
    For,
    Over,
    Within,
    Early,
    Mid,
    Late,
    End,
    Beginning,
    Start,
    Middle,
    Quarter,
    Old,
    Eve,
}

const KEYWORDS: &[(&str, Kw)] = &[
    ("the", Kw::The),
    ("of", Kw::Of),
    ("that", Kw::That),
    ("same", Kw::Same),
    ("this", Kw::This),
    ("last", Kw::Last),
    ("next", Kw::Next),
    ("past", Kw::Past),
    ("coming", Kw::Coming),
    ("following", Kw::Following),
    ("previous", Kw::Previous),
    ("ago", Kw::Ago),
    ("later", Kw::Later),
    ("earlier", Kw::Earlier),
    ("before", Kw::Before),
    ("after", Kw::After),
    ("every", Kw::Every),
    ("each", Kw::Each),
    ("for", Kw::For),
    ("over", Kw::Over),
    ("within", Kw::Within),
    ("early", Kw::Early),
    ("mid", Kw::Mid),
    ("late", Kw::Late),
    ("end", Kw::End),
    ("beginning", Kw::Beginning),
    ("start", Kw::Start),
    ("middle", Kw::Middle),
    ("quarter", Kw::Quarter),
    ("old", Kw::Old),
    ("eve", Kw::Eve),
];

/// Everything the tagger knows about one lowercase word.
#[derive(Debug, Default)]
pub struct WordInfo {
    pub keyword: Option<Kw>,
    /// Month number 1–12, and whether the word is an abbreviation ("Oct").
    pub month: Option<(u32, bool)>,
    pub weekday: Option<Weekday>,
    /// A cardinal: `Some(n)`, or `None` inside for "few", "several" (TIMEX3 `X`).
    pub count: Option<Option<u32>>,
    pub ordinal: Option<u32>,
    /// A calendar unit, and whether the form is plural.
    pub unit: Option<(Unit, bool)>,
    pub season: Option<Season>,
    pub part_of_day: Option<PartOfDay>,
    /// Day offset from the publication date ("yesterday" = -1), with an optional part of day.
    pub deictic_day: Option<(i32, Option<PartOfDay>)>,
    /// TIMEX3 value of a frequency adverb ("annually" = `P1Y`).
    pub set: Option<&'static str>,
    /// Some phrase of [`Lexicon::references`] starts with this word.
    pub starts_reference: bool,
    /// Some phrase of [`Lexicon::holidays`] starts with this word.
    pub starts_holiday: bool,
    pub year_context: bool,
    pub range_context: bool,
    pub not_year_after: bool,
    pub future: bool,
    /// Words after which this one marks the future ("set" in "set to", "set for").
    pub future_before: Vec<&'static str>,
}

/// A temporal reference phrase ("in the past" → `PAST_REF`).
#[derive(Debug)]
pub struct Reference {
    /// A word that must precede the phrase without being part of it ("in").
    pub before: Option<&'static str>,
    pub words: Vec<&'static str>,
    pub value: &'static str,
}

/// A fixed-date holiday ("Christmas Eve" → December 24).
#[derive(Debug)]
pub struct Holiday {
    /// The phrase's tokens, lowercase; `'` stands for any apostrophe.
    pub words: Vec<&'static str>,
    pub month: u32,
    pub day: u32,
}

/// The parsed resources.
#[derive(Debug)]
pub struct Lexicon {
    words: HashMap<&'static str, WordInfo>,
    /// Longest word in the table: longer tokens are not looked up.
    max_len: usize,
    pub references: Vec<Reference>,
    /// Longest phrases first, so the first match is the longest.
    pub holidays: Vec<Holiday>,
}

impl Lexicon {
    /// The information about `word`, whatever its case.
    pub fn lookup(&self, word: &str) -> Option<&WordInfo> {
        if word.len() > self.max_len || !word.is_ascii() {
            return None;
        }
        let mut buffer = [0u8; 32];
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lowercasing of ASCII keeps it valid UTF-8.
        std::str::from_utf8(lower)
            .ok()
            .and_then(|w| self.words.get(w))
    }
}

/// The lexicon, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

/// The data lines of a resource file: no comments, no blank lines, split on whitespace.
fn rows(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| line.split_whitespace().collect())
}

fn build() -> Lexicon {
    let mut words: HashMap<&'static str, WordInfo> = HashMap::new();
    for &(word, kw) in KEYWORDS {
        words.entry(word).or_default().keyword = Some(kw);
    }
    for row in rows(include_str!("../../../resources/time/months.txt")) {
        if let Some(month) = row.get(1).and_then(|m| m.parse().ok()) {
            words.entry(row[0]).or_default().month = Some((month, row.get(2) == Some(&"abbr")));
        }
    }
    for row in rows(include_str!("../../../resources/time/weekdays.txt")) {
        let day = row.get(1).and_then(|d| d.parse::<u8>().ok());
        if let Some(day) = day.and_then(|d| Weekday::try_from(d - 1).ok()) {
            words.entry(row[0]).or_default().weekday = Some(day);
        }
    }
    for row in rows(include_str!("../../../resources/time/numbers.txt")) {
        if let Some(&value) = row.get(1) {
            words.entry(row[0]).or_default().count = Some(value.parse().ok());
        }
    }
    for row in rows(include_str!("../../../resources/time/ordinals.txt")) {
        if let Some(value) = row.get(1).and_then(|v| v.parse().ok()) {
            words.entry(row[0]).or_default().ordinal = Some(value);
        }
    }
    for row in rows(include_str!("../../../resources/time/units.txt")) {
        if let Some(unit) = row.get(1).and_then(|c| Unit::from_code(c)) {
            words.entry(row[0]).or_default().unit = Some((unit, row[0].ends_with('s')));
        }
    }
    for row in rows(include_str!("../../../resources/time/seasons.txt")) {
        if let Some(season) = row.get(1).and_then(|c| Season::from_code(c)) {
            words.entry(row[0]).or_default().season = Some(season);
        }
    }
    for row in rows(include_str!("../../../resources/time/parts_of_day.txt")) {
        if let Some(part) = row.get(1).and_then(|c| PartOfDay::from_code(c)) {
            words.entry(row[0]).or_default().part_of_day = Some(part);
        }
    }
    for row in rows(include_str!("../../../resources/time/deictic.txt")) {
        if let Some(offset) = row.get(1).and_then(|o| o.parse().ok()) {
            let part = row.get(2).and_then(|c| PartOfDay::from_code(c));
            words.entry(row[0]).or_default().deictic_day = Some((offset, part));
        }
    }
    for row in rows(include_str!("../../../resources/time/sets.txt")) {
        if let Some(&value) = row.get(1) {
            words.entry(row[0]).or_default().set = Some(value);
        }
    }
    type SetFlag = fn(&mut WordInfo);
    let flags: [(&'static str, SetFlag); 3] = [
        (
            include_str!("../../../resources/time/year_context.txt"),
            |i| i.year_context = true,
        ),
        (
            include_str!("../../../resources/time/range_context.txt"),
            |i| i.range_context = true,
        ),
        (
            include_str!("../../../resources/time/not_year_after.txt"),
            |i| i.not_year_after = true,
        ),
    ];
    for (file, set) in flags {
        for row in rows(file) {
            set(words.entry(row[0]).or_default());
        }
    }
    for row in rows(include_str!("../../../resources/time/future_markers.txt")) {
        let info = words.entry(row[0]).or_default();
        match row.get(1) {
            Some(&next) => info.future_before.push(next),
            None => info.future = true,
        }
    }
    let mut references = Vec::new();
    for row in rows(include_str!("../../../resources/time/references.txt")) {
        let Some((&value, phrase)) = row.split_first() else {
            continue;
        };
        let before = phrase
            .first()
            .and_then(|w| w.strip_prefix('[')?.strip_suffix(']'));
        let phrase: Vec<&'static str> = phrase[usize::from(before.is_some())..].to_vec();
        if let Some(&first) = phrase.first() {
            words.entry(first).or_default().starts_reference = true;
            references.push(Reference {
                before,
                words: phrase,
                value,
            });
        }
    }
    let mut holidays = Vec::new();
    for row in rows(include_str!("../../../resources/time/holidays.txt")) {
        let (Some(month), Some(day)) = (
            row.first().and_then(|m| m.parse().ok()),
            row.get(1).and_then(|d| d.parse().ok()),
        ) else {
            continue;
        };
        let phrase: Vec<&'static str> = row[2..].to_vec();
        if let Some(&first) = phrase.first() {
            words.entry(first).or_default().starts_holiday = true;
            holidays.push(Holiday {
                words: phrase,
                month,
                day,
            });
        }
    }
    holidays.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
    let max_len = words.keys().map(|w| w.len()).max().unwrap_or(0);
    Lexicon {
        words,
        max_len,
        references,
        holidays,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_carry_all_their_roles() {
        let second = LEXICON.lookup("Second").unwrap();
        assert_eq!(second.ordinal, Some(2));
        assert_eq!(second.unit, Some((Unit::Second, false)));
        assert_eq!(LEXICON.lookup("OCT").unwrap().month, Some((10, true)));
        assert_eq!(LEXICON.lookup("several").unwrap().count, Some(None));
        assert_eq!(
            LEXICON.lookup("saturday").unwrap().weekday,
            Some(Weekday::Sat)
        );
        assert!(LEXICON.lookup("Hamas").is_none());
        assert!(LEXICON
            .references
            .iter()
            .any(|r| r.before == Some("in") && r.words == ["the", "past"]));
    }
}
