//! Finding time expressions: a hand-written grammar over classified tokens.
//!
//! The grammar runs once over the token list, left to right. At each token it tries only the
//! rules the token can start (a month name, a number, "the", "last", a count word, …: the
//! lexicon has already said which), keeps the longest hit, and jumps past it; tokens that start
//! no rule cost one check. This is leftmost-longest matching, so hits never overlap. A hit is
//! not yet a value: it is an [`Expr`], the meaning of the words ("the month of October with no
//! year", "one year after the narrative time"), which `anchor` turns into a TIMEX3 value once
//! the document date and the narrative time are known.
//!
//! Precision rules worth knowing: month and weekday names must be capitalized ("may" is a
//! verb); a month name alone needs a preposition or modifier before it ("in May"); a four-digit
//! number is a year only after a year-context word ("in", "since", "the", …, see
//! `resources/time/year_context.txt`) or, for 1900–2099, before closing punctuation, and never
//! before a count noun ("2000 people") or when written with a thousands separator ("1,033"),
//! or at the end of a headline line ("Developers Conference 2010"). Following TimeML, words
//! used as adjectives are not times ("the annual report", "the now-defunct firm"), but length
//! adjectives are durations ("decades-long").

use chrono::{NaiveDate, Weekday};

use crate::lexicon::{Kw, WordInfo, LEXICON};
use crate::normalize::{PartOfDay, Point, Season, Unit};
use crate::tokens::{Kind, Number, Suffix, Token};

/// What an expression's value is computed from, when it is relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Document,
    Narrative,
}

/// A part of a year named inside a relative year ("January 31 of that year").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refine {
    Month(u32),
    MonthDay(u32, u32),
    Season(Season),
    Quarter(u32),
    /// The weekend of the week: "this weekend".
    Weekend,
}

/// How a weekday name is placed relative to the document date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayRel {
    /// Bare "on Saturday": past, unless a future marker comes shortly before it.
    Tense,
    Last,
    This,
    Next,
}

/// The meaning of a time expression before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Fully given by its words: "March 23, 2004", "2006", "the 1990s".
    Fixed(Point),
    /// A month (and day) without a year: "October 7", "in March".
    Calendar {
        month: u32,
        day: Option<u32>,
    },
    /// `offset` units from the base time (`None`: an unknown count), then narrowed by `refine`.
    Relative {
        base: Base,
        unit: Unit,
        offset: Option<i32>,
        refine: Option<Refine>,
    },
    /// "last summer", "this fall", "next winter": `offset` is -1, 0 or 1.
    Season {
        season: Season,
        offset: i32,
    },
    Weekday {
        day: Weekday,
        rel: WeekdayRel,
    },
    /// "the weekend": the last one before the document date, or the next one in a future
    /// context.
    Weekend,
    /// A clock time: "10 a.m.", "14:30", "18:00 UTC" (`utc`: value ends in `Z`).
    Clock {
        hour: u32,
        minute: u32,
        utc: bool,
    },
    Duration(String),
    Set(String),
    Reference(&'static str),
}

/// A recognized expression: tokens `start..end` of the token list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub part_of_day: Option<PartOfDay>,
}

/// Finds all time expressions in `tokens`, in order and non-overlapping.
pub fn recognize(text: &str, tokens: &[Token]) -> Vec<Hit> {
    let grammar = Grammar { text, tokens };
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match grammar.at(i) {
            Some(hit) => {
                i = hit.end;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// A part of the year a year phrase names ("March of that year", "summer last year"): the
/// phrase is `(end, base, offset)` as [`Grammar::year_phrase`] reads it.
fn in_year_phrase(
    start: usize,
    (end, base, offset): (usize, Base, i32),
    refine: Refine,
) -> Option<Hit> {
    hit(
        start,
        end,
        Expr::Relative {
            base,
            unit: Unit::Year,
            offset: Some(offset),
            refine: Some(refine),
        },
    )
}

fn hit(start: usize, end: usize, expr: Expr) -> Option<Hit> {
    Some(Hit {
        start,
        end,
        expr,
        part_of_day: None,
    })
}

/// The longer of two optional hits (the first on ties).
fn longer(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The weekend `offset` weeks from the base time.
fn weekend(base: Base, offset: i32) -> Expr {
    Expr::Relative {
        base,
        unit: Unit::Week,
        offset: Some(offset),
        refine: Some(Refine::Weekend),
    }
}

/// The quarter `offset` quarters from the base time.
fn quarter(base: Base, offset: i32) -> Expr {
    Expr::Relative {
        base,
        unit: Unit::Quarter,
        offset: Some(offset),
        refine: None,
    }
}

fn date(year: i32, month: u32, day: u32) -> Option<Point> {
    NaiveDate::from_ymd_opt(year, month, day).map(Point::Day)
}

fn signed(count: u32) -> i32 {
    i32::try_from(count).unwrap_or(i32::MAX)
}

struct Grammar<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Grammar<'_> {
    // ---- token tests -------------------------------------------------------------------------

    fn info(&self, i: usize) -> Option<&'static WordInfo> {
        self.tokens.get(i).and_then(|t| t.info)
    }

    fn kw(&self, i: usize) -> Option<Kw> {
        self.info(i).and_then(|info| info.keyword)
    }

    fn is_kw(&self, i: usize, kw: Kw) -> bool {
        self.kw(i) == Some(kw)
    }

    fn number(&self, i: usize) -> Option<Number> {
        match self.tokens.get(i)?.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The word at `i` is `word`, in any case.
    fn word_is(&self, i: usize, word: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| {
            t.kind == Kind::Word && self.text[t.start..t.end].eq_ignore_ascii_case(word)
        })
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// Token `i` follows token `i - 1` with no space.
    fn adjacent(&self, i: usize) -> bool {
        i > 0
            && self
                .tokens
                .get(i)
                .is_some_and(|t| t.start == self.tokens[i - 1].end)
    }

    /// Token `i` is the last of its line (a headline: "Developers Conference 2010"), and the
    /// next line does not continue the sentence (hard-wrapped text goes on in lowercase).
    fn line_ends_after(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        match self.tokens.get(i + 1) {
            None => true,
            Some(next) => {
                let continues = next.kind == Kind::Word && !next.capitalized;
                !continues
                    && self
                        .text
                        .get(token.end..next.start)
                        .is_some_and(|gap| gap.contains('\n'))
            }
        }
    }

    /// Token `i` follows a determiner or possessive ("the annual report", "its daily
    /// briefing", "the company's weekly show"): it is then an adjective, not a time.
    fn after_determiner(&self, i: usize) -> bool {
        const DETERMINERS: [&str; 10] = [
            "the", "a", "an", "its", "his", "her", "their", "our", "my", "your",
        ];
        i > 0
            && (DETERMINERS.iter().any(|d| self.word_is(i - 1, d))
                || i > 1
                    && self.word_is(i - 1, "s")
                    && (self.punct(i - 2, '\'') || self.punct(i - 2, '’')))
    }

    /// Token `i` ends a clause: end of text or punctuation.
    fn clause_end(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_none_or(|t| matches!(t.kind, Kind::Punct(_)))
    }

    /// A capitalized month name at `i`, with the index after it (and after an abbreviation's
    /// full stop).
    fn month(&self, i: usize) -> Option<(u32, usize)> {
        let token = self.tokens.get(i)?;
        let (month, abbreviated) = token.info?.month?;
        if !token.capitalized {
            return None;
        }
        let next = if abbreviated && self.punct(i + 1, '.') && self.adjacent(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((month, next))
    }

    /// A four-digit year at `i`.
    fn year(&self, i: usize) -> Option<i32> {
        let n = self.number(i)?;
        (n.plain && n.digits == 4 && n.suffix == Suffix::None && (1000..=2099).contains(&n.value))
            .then(|| signed(n.value))
    }

    /// A day of the month at `i` ("7", "31st").
    fn day(&self, i: usize) -> Option<u32> {
        let n = self.number(i)?;
        (n.plain
            && n.digits <= 2
            && matches!(n.suffix, Suffix::None | Suffix::Ordinal)
            && (1..=31).contains(&n.value))
        .then_some(n.value)
    }

    /// A count at `i` ("three", "48", "a few", "twenty-five", "a couple of"): the count
    /// (`None` for X) and the index after it.
    fn count(&self, i: usize) -> Option<(Option<u32>, usize)> {
        if let Some(n) = self.number(i) {
            return (n.suffix == Suffix::None && !n.decimal).then_some((Some(n.value), i + 1));
        }
        let value = self.info(i)?.count?;
        let next_count = self.info(i + 1).and_then(|info| info.count);
        match (value, next_count) {
            // "a few", "a couple (of)"
            (Some(1), Some(inner)) => {
                let after = if self.is_kw(i + 2, Kw::Of) {
                    i + 3
                } else {
                    i + 2
                };
                (inner != Some(1)).then_some((inner, after))
            }
            // "twenty-five"
            (Some(tens), _) if (20..100).contains(&tens) && self.punct(i + 1, '-') => {
                match self.info(i + 2).and_then(|info| info.count) {
                    Some(Some(unit)) if unit < 10 => Some((Some(tens + unit), i + 3)),
                    _ => Some((Some(tens), i + 1)),
                }
            }
            _ => Some((value, i + 1)),
        }
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        self.info(i)?.unit
    }

    fn part_of_day(&self, i: usize) -> Option<PartOfDay> {
        self.info(i)?.part_of_day
    }

    // ---- dispatch ----------------------------------------------------------------------------

    /// The longest expression starting at token `i`.
    fn at(&self, i: usize) -> Option<Hit> {
        let token = self.tokens.get(i)?;
        match token.kind {
            Kind::Number(n) => self.number_rules(i, n),
            Kind::Word => self.word_rules(i, token.info?),
            Kind::Punct(_) => None,
        }
    }

    fn word_rules(&self, i: usize, info: &'static WordInfo) -> Option<Hit> {
        let mut best = None;
        if info.month.is_some() {
            best = longer(best, self.month_rules(i));
        }
        if info.weekday.is_some() {
            best = longer(best, self.weekday_rule(i));
        }
        if info.count.is_some() {
            best = longer(best, self.count_rules(i));
        }
        if let Some(kw) = info.keyword {
            best = longer(best, self.keyword_rules(i, kw));
        }
        if let Some((offset, part)) = info.deictic_day {
            best = longer(best, self.deictic_day(i, offset, part));
        }
        if let Some(season) = info.season {
            best = longer(best, self.season_year(i, i + 1, season));
        }
        if let Some(value) = info.set.filter(|_| !self.after_determiner(i)) {
            best = longer(best, hit(i, i + 1, Expr::Set(value.to_string())));
        }
        if info.starts_reference {
            best = longer(best, self.reference(i));
        }
        if info.starts_holiday {
            best = longer(best, self.holiday(i));
        }
        if let Some((unit, plural)) = info.unit {
            best = longer(best, self.unit_long(i, unit, plural));
            if plural {
                best = longer(best, self.bare_plural_unit(i, unit));
            }
        }
        best
    }

    fn keyword_rules(&self, i: usize, kw: Kw) -> Option<Hit> {
        match kw {
            Kw::The => self.the_rules(i),
            Kw::That => self.that_rule(i),
            Kw::This | Kw::Last | Kw::Next => self.deictic_rules(i, kw),
            Kw::Earlier | Kw::Later => self.earlier_later(i),
            Kw::Early | Kw::Mid | Kw::Late => self.modifier(i),
            Kw::End | Kw::Beginning | Kw::Start | Kw::Middle => self.part_of(i),
            Kw::Every | Kw::Each => self.every(i),
            _ => None,
        }
    }

    // ---- dates -------------------------------------------------------------------------------

    /// "March 23, 2004", "Oct. 7", "June 2007", "March of 2006", "January 31 of that year",
    /// "in May".
    fn month_rules(&self, i: usize) -> Option<Hit> {
        let (month, j) = self.month(i)?;
        if let Some(day) = self.day(j) {
            let k = if self.punct(j + 1, ',') { j + 2 } else { j + 1 };
            if let Some(year) = self.year(k) {
                return hit(i, k + 1, Expr::Fixed(date(year, month, day)?));
            }
            if let Some(phrase) = self.year_phrase(j + 1) {
                return in_year_phrase(i, phrase, Refine::MonthDay(month, day));
            }
            return hit(
                i,
                j + 1,
                Expr::Calendar {
                    month,
                    day: Some(day),
                },
            );
        }
        let k = if self.punct(j, ',') || self.is_kw(j, Kw::Of) {
            j + 1
        } else {
            j
        };
        if let Some(year) = self.year(k) {
            return hit(i, k + 1, Expr::Fixed(Point::Month(year, month)));
        }
        if let Some(phrase) = self.year_phrase(j) {
            return in_year_phrase(i, phrase, Refine::Month(month));
        }
        // "by Jan Egeland", "in May's cabinet": a bare abbreviation needs its full stop, and a
        // possessive is a name.
        let abbreviated_alone = self
            .info(i)
            .and_then(|info| info.month)
            .is_some_and(|(_, abbr)| abbr)
            && j == i + 1;
        let possessive = self.punct(j, '\'') || self.punct(j, '’');
        (self.month_context(i) && !abbreviated_alone && !possessive).then_some(Hit {
            start: i,
            end: j,
            expr: Expr::Calendar { month, day: None },
            part_of_day: None,
        })
    }

    /// A bare month name at `i` is a month only after a preposition or modifier ("in May",
    /// "mid-March", "last October").
    fn month_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        if self.punct(i - 1, '-') && i >= 2 && self.is_kw(i - 2, Kw::Mid) {
            return true;
        }
        self.info(i - 1).is_some_and(|p| {
            (p.year_context && p.keyword != Some(Kw::The))
                || matches!(
                    p.keyword,
                    Some(Kw::Last | Kw::Next | Kw::This | Kw::Early | Kw::Late | Kw::Mid)
                )
        })
    }

    /// "[of] that year", "[of] the same year", "[of] last year", "[of] the following year":
    /// the end index, base and year offset.
    fn year_phrase(&self, j: usize) -> Option<(usize, Base, i32)> {
        let j = if self.is_kw(j, Kw::Of) { j + 1 } else { j };
        let (base, offset, k) = match self.kw(j)? {
            Kw::That if self.is_kw(j + 1, Kw::Same) => (Base::Narrative, 0, j + 2),
            Kw::That => (Base::Narrative, 0, j + 1),
            Kw::The => match self.kw(j + 1)? {
                Kw::Same => (Base::Narrative, 0, j + 2),
                Kw::Following | Kw::Next => (Base::Narrative, 1, j + 2),
                Kw::Previous => (Base::Narrative, -1, j + 2),
                _ => return None,
            },
            Kw::Last => (Base::Document, -1, j + 1),
            Kw::This => (Base::Document, 0, j + 1),
            Kw::Next => (Base::Document, 1, j + 1),
            _ => return None,
        };
        (self.unit(k) == Some((Unit::Year, false))).then_some((k + 1, base, offset))
    }

    /// Rules starting with a number: ISO and US dates, "23 March 2004", decades, years, counts,
    /// clock times, centuries.
    fn number_rules(&self, i: usize, n: Number) -> Option<Hit> {
        let mut best = self.numeric_date(i, n);
        best = longer(best, self.day_month(i));
        if n.plain
            && n.digits == 4
            && n.suffix == Suffix::S
            && n.value.is_multiple_of(10)
            && n.value >= 1000
        {
            best = longer(
                best,
                hit(i, i + 1, Expr::Fixed(Point::Decade(signed(n.value / 10)))),
            );
        }
        if let Some(year) = self.year(i).filter(|_| self.year_context(i, n)) {
            best = longer(best, hit(i, i + 1, Expr::Fixed(Point::Year(year))));
        }
        if n.suffix == Suffix::Ordinal
            && self.unit(i + 1) == Some((Unit::Century, false))
            && n.value >= 1
        {
            best = longer(
                best,
                hit(i, i + 2, Expr::Fixed(Point::Century(signed(n.value - 1)))),
            );
        }
        best = longer(best, self.count_rules(i));
        longer(best, self.clock(i, n).map(|h| self.with_zone(h)))
    }

    /// A clock time extended by a following "UTC" or "GMT" (`Z`); "GMT+3" keeps its offset
    /// out of the value, so the zone is left out.
    fn with_zone(&self, clock: Hit) -> Hit {
        let zone = self.word_is(clock.end, "UTC") || self.word_is(clock.end, "GMT");
        let offset = (self.punct(clock.end + 1, '+') || self.punct(clock.end + 1, '-'))
            && self.adjacent(clock.end + 1);
        match clock.expr {
            Expr::Clock { hour, minute, .. } if zone && !offset => Hit {
                end: clock.end + 1,
                expr: Expr::Clock {
                    hour,
                    minute,
                    utc: true,
                },
                ..clock
            },
            _ => clock,
        }
    }

    /// "2023-10-30", "2023/10/30", "10/30/2023" (and "30/10/2023" when the first number cannot
    /// be a month). All parts must touch.
    fn numeric_date(&self, i: usize, n: Number) -> Option<Hit> {
        let sep = match self.tokens.get(i + 1)?.kind {
            Kind::Punct(c @ ('-' | '/')) => c,
            _ => return None,
        };
        if !(1..=4).all(|k| self.adjacent(i + k)) || !self.punct(i + 3, sep) {
            return None;
        }
        let small = |k: usize| {
            self.number(k)
                .filter(|m| m.plain && m.digits <= 2 && m.suffix == Suffix::None)
                .map(|m| m.value)
        };
        if let (Some(year), Some(month), Some(day)) = (self.year(i), small(i + 2), small(i + 4)) {
            return hit(i, i + 5, Expr::Fixed(date(year, month, day)?));
        }
        if sep == '/' && n.digits <= 2 {
            // "7/8/07": a two-digit year is 20YY below 50, else 19YY.
            let short_year = small(i + 4)
                .filter(|_| self.number(i + 4).is_some_and(|m| m.digits == 2))
                .map(|y| signed(if y < 50 { 2000 + y } else { 1900 + y }));
            let year = self.year(i + 4).or(short_year)?;
            let (first, second) = (small(i)?, small(i + 2)?);
            let (month, day) = if first > 12 {
                (second, first)
            } else {
                (first, second)
            };
            return hit(i, i + 5, Expr::Fixed(date(year, month, day)?));
        }
        None
    }

    /// "23 March 2004", "7 October", "7th of October".
    fn day_month(&self, i: usize) -> Option<Hit> {
        let day = self.day(i)?;
        let j = if self.is_kw(i + 1, Kw::Of) {
            i + 2
        } else {
            i + 1
        };
        let (month, k) = self.month(j)?;
        if let Some(year) = self.year(if self.punct(k, ',') { k + 1 } else { k }) {
            let end = if self.punct(k, ',') { k + 2 } else { k + 1 };
            return hit(i, end, Expr::Fixed(date(year, month, day)?));
        }
        hit(
            i,
            k,
            Expr::Calendar {
                month,
                day: Some(day),
            },
        )
    }

    /// Whether the four-digit number at `i` stands in a year position.
    fn year_context(&self, i: usize, n: Number) -> bool {
        let next_blocks = match self.tokens.get(i + 1).map(|t| t.kind) {
            Some(Kind::Word) => self.info(i + 1).is_some_and(|info| info.not_year_after),
            Some(Kind::Punct('%')) => true,
            _ => false,
        };
        if next_blocks
            || i > 0 && matches!(self.tokens[i - 1].kind, Kind::Punct('$' | '€' | '£' | '#'))
        {
            return false;
        }
        let before = i.checked_sub(1).and_then(|p| self.tokens.get(p));
        let after_context = match before.map(|t| t.kind) {
            Some(Kind::Word) => {
                let info = self.info(i - 1);
                info.is_some_and(|p| p.year_context || p.month.is_some())
                    || info.is_some_and(|p| p.range_context) && i >= 2 && self.year(i - 2).is_some()
            }
            Some(Kind::Punct('-' | '–' | '/')) => {
                i >= 2
                    && (self.year(i - 2).is_some()
                        || matches!(self.kw(i - 2), Some(Kw::Early | Kw::Mid | Kw::Late)))
            }
            _ => false,
        };
        let before_close = (1900..=2099).contains(&n.value)
            && (self.line_ends_after(i)
                || self.tokens.get(i + 1).is_some_and(|t| {
                    matches!(t.kind, Kind::Punct(',' | '.' | ')' | ';' | ':' | '?' | '!'))
                }));
        after_context || before_close
    }

    /// "Saturday", "Saturday morning", "Saturday, October 7".
    fn weekday_rule(&self, i: usize) -> Option<Hit> {
        let token = &self.tokens[i];
        let day = token.info?.weekday?;
        if !token.capitalized {
            return None;
        }
        let j = if self.punct(i + 1, ',') { i + 2 } else { i + 1 };
        let dated = self
            .month_rules(j)
            .or_else(|| self.day_month(j))
            .filter(|h| {
                matches!(
                    h.expr,
                    Expr::Fixed(Point::Day(_)) | Expr::Calendar { day: Some(_), .. }
                )
            });
        if let Some(dated) = dated {
            return Some(Hit { start: i, ..dated });
        }
        self.with_part_of_day(
            i,
            i + 1,
            Expr::Weekday {
                day,
                rel: WeekdayRel::Tense,
            },
        )
    }

    /// A day-level hit `start..end`, extended by a following "morning", "night", ….
    fn with_part_of_day(&self, start: usize, end: usize, expr: Expr) -> Option<Hit> {
        match self.part_of_day(end) {
            Some(part) => Some(Hit {
                start,
                end: end + 1,
                expr,
                part_of_day: Some(part),
            }),
            None => hit(start, end, expr),
        }
    }

    /// "today", "yesterday morning", "tonight".
    fn deictic_day(&self, i: usize, offset: i32, part: Option<PartOfDay>) -> Option<Hit> {
        let expr = Expr::Relative {
            base: Base::Document,
            unit: Unit::Day,
            offset: Some(offset),
            refine: None,
        };
        match part {
            Some(part) => Some(Hit {
                start: i,
                end: i + 1,
                expr,
                part_of_day: Some(part),
            }),
            None => self.with_part_of_day(i, i + 1, expr),
        }
    }

    /// "this week", "last year", "next month", "last Saturday", "this morning", "last night",
    /// "last fall", "last March".
    fn deictic_rules(&self, i: usize, kw: Kw) -> Option<Hit> {
        let offset = match kw {
            Kw::Last => -1,
            Kw::Next => 1,
            _ => 0,
        };
        let j = i + 1;
        if self.word_is(j, "weekend") {
            return hit(i, j + 1, weekend(Base::Document, offset));
        }
        if self.is_kw(j, Kw::Quarter) {
            return hit(i, j + 1, quarter(Base::Document, offset));
        }
        let info = self.info(j)?;
        if let Some((unit, false)) = info.unit {
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                return None;
            }
            return hit(
                i,
                j + 1,
                Expr::Relative {
                    base: Base::Document,
                    unit,
                    offset: Some(offset),
                    refine: None,
                },
            );
        }
        if let Some(day) = info.weekday.filter(|_| self.tokens[j].capitalized) {
            let rel = match kw {
                Kw::Last => WeekdayRel::Last,
                Kw::Next => WeekdayRel::Next,
                _ => WeekdayRel::This,
            };
            return self.with_part_of_day(i, j + 1, Expr::Weekday { day, rel });
        }
        if let Some(part) = info.part_of_day.filter(|_| kw != Kw::Next) {
            let expr = Expr::Relative {
                base: Base::Document,
                unit: Unit::Day,
                offset: Some(offset),
                refine: None,
            };
            return Some(Hit {
                start: i,
                end: j + 1,
                expr,
                part_of_day: Some(part),
            });
        }
        if let Some(season) = info.season {
            return hit(i, j + 1, Expr::Season { season, offset });
        }
        let (month, end) = self.month(j)?;
        hit(i, end, Expr::Calendar { month, day: None })
    }

    /// "that year", "that same day", "that night", "that weekend".
    fn that_rule(&self, i: usize) -> Option<Hit> {
        let j = if self.is_kw(i + 1, Kw::Same) {
            i + 2
        } else {
            i + 1
        };
        if self.word_is(j, "weekend") {
            return hit(i, j + 1, weekend(Base::Narrative, 0));
        }
        self.narrative_unit(i, j, 0)
    }

    /// Unit (or part of day) at `j` taken `offset` units from the narrative time.
    fn narrative_unit(&self, start: usize, j: usize, offset: i32) -> Option<Hit> {
        let relative = |unit| Expr::Relative {
            base: Base::Narrative,
            unit,
            offset: Some(offset),
            refine: None,
        };
        if let Some(part) = self.part_of_day(j) {
            return Some(Hit {
                start,
                end: j + 1,
                expr: relative(Unit::Day),
                part_of_day: Some(part),
            });
        }
        match self.unit(j)? {
            (Unit::Hour | Unit::Minute | Unit::Second, _) | (_, true) => None,
            (unit, false) => hit(start, j + 1, relative(unit)),
        }
    }

    /// "earlier this year", "later that month": the adverb joins the expression.
    fn earlier_later(&self, i: usize) -> Option<Hit> {
        let inner = match self.kw(i + 1)? {
            Kw::This => self.deictic_rules(i + 1, Kw::This)?,
            Kw::That => self.that_rule(i + 1)?,
            _ => return None,
        };
        matches!(inner.expr, Expr::Relative { .. }).then_some(Hit { start: i, ..inner })
    }

    /// "early 2000s", "mid-2006", "late October", "early last year": the modifier joins a
    /// year-, decade- or month-level expression (TIMEX3's MOD is not kept).
    fn modifier(&self, i: usize) -> Option<Hit> {
        let j = if self.punct(i + 1, '-') && self.adjacent(i + 1) {
            i + 2
        } else {
            i + 1
        };
        let inner = self.at(j)?;
        let fits = match &inner.expr {
            Expr::Fixed(p) => matches!(
                p,
                Point::Century(_)
                    | Point::Decade(_)
                    | Point::Year(_)
                    | Point::Month(..)
                    | Point::Season(..)
            ),
            Expr::Calendar { day, .. } => day.is_none(),
            Expr::Relative { unit, refine, .. } => {
                refine.is_none()
                    && matches!(
                        unit,
                        Unit::Century | Unit::Decade | Unit::Year | Unit::Month | Unit::Week
                    )
            }
            _ => false,
        };
        fits.then_some(Hit { start: i, ..inner })
    }

    /// "end of October 2023", "beginning of the year": the part joins the date (MOD dropped).
    fn part_of(&self, i: usize) -> Option<Hit> {
        if !self.is_kw(i + 1, Kw::Of) {
            return None;
        }
        if self.is_kw(i + 2, Kw::The) {
            // "the end of the year": the current year, month or week.
            if let Some((unit @ (Unit::Year | Unit::Month | Unit::Week), false)) = self.unit(i + 3)
            {
                let expr = Expr::Relative {
                    base: Base::Document,
                    unit,
                    offset: Some(0),
                    refine: None,
                };
                return hit(i, i + 4, expr);
            }
        }
        let inner = self.at(i + 2)?;
        matches!(
            inner.expr,
            Expr::Fixed(_) | Expr::Calendar { .. } | Expr::Relative { .. } | Expr::Season { .. }
        )
        .then_some(Hit { start: i, ..inner })
    }

    /// "summer 2019", "summer of 2019", "fall 2019".
    fn season_year(&self, start: usize, j: usize, season: Season) -> Option<Hit> {
        let k = if self.is_kw(j, Kw::Of) { j + 1 } else { j };
        if let Some(year) = self.year(k) {
            return hit(start, k + 1, Expr::Fixed(Point::Season(year, season)));
        }
        in_year_phrase(start, self.year_phrase(j)?, Refine::Season(season))
    }

    /// Rules after "the": decades, centuries, quarters, "the past two decades", "the next day",
    /// "the same year", "the night before", "the end of October", "the summer of 2019",
    /// "the 7th of October".
    fn the_rules(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        let token = self.tokens.get(j)?;
        if let Kind::Number(_) = token.kind {
            let inner = self.at(j)?;
            let fits = matches!(
                inner.expr,
                Expr::Fixed(Point::Decade(_) | Point::Century(_)) | Expr::Calendar { .. }
            ) || matches!(inner.expr, Expr::Fixed(Point::Day(_)))
                && self.day(j).is_some();
            return fits.then_some(Hit { start: i, ..inner });
        }
        if self.word_is(j, "weekend") {
            return hit(i, j + 1, Expr::Weekend);
        }
        let info = token.info?;
        if let Some(kw) = info.keyword {
            let found = match kw {
                Kw::Early | Kw::Mid | Kw::Late => self.modifier(j).filter(|h| {
                    matches!(h.expr, Expr::Fixed(Point::Decade(_) | Point::Century(_)))
                }),
                Kw::End | Kw::Beginning | Kw::Start | Kw::Middle => self.part_of(j),
                Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Following | Kw::Previous => {
                    self.the_quarter(j, kw).or_else(|| self.the_span(j, kw))
                }
                Kw::Same => self.narrative_unit(i, j + 1, 0),
                // "the eve of the vote": the day before the narrative time.
                Kw::Eve if self.is_kw(j + 1, Kw::Of) => {
                    let expr = Expr::Relative {
                        base: Base::Narrative,
                        unit: Unit::Day,
                        offset: Some(-1),
                        refine: None,
                    };
                    hit(i, j + 1, expr)
                }
                _ => None,
            };
            if let Some(found) = found {
                return Some(Hit { start: i, ..found });
            }
        }
        if let Some(season) = info.season {
            return self.season_year(i, j + 1, season);
        }
        if let Some(n) = info.ordinal {
            return self.ordinal_period(i, j + 1, n);
        }
        let before_after = match self.kw(j + 1) {
            Some(Kw::Before | Kw::Earlier) => -1,
            Some(Kw::After | Kw::Later) => 1,
            _ => return None,
        };
        self.narrative_unit(i, j, before_after)
            .map(|h| Hit { end: j + 2, ..h })
    }

    /// "the last quarter", "the next quarter", "the previous quarter": a quarter, not a
    /// duration. `j` is the position of the keyword.
    fn the_quarter(&self, j: usize, kw: Kw) -> Option<Hit> {
        if !self.is_kw(j + 1, Kw::Quarter) {
            return None;
        }
        let expr = match kw {
            Kw::Past | Kw::Last => quarter(Base::Document, -1),
            Kw::Next | Kw::Coming => quarter(Base::Document, 1),
            Kw::Previous => quarter(Base::Narrative, -1),
            _ => quarter(Base::Narrative, 1),
        };
        hit(j, j + 2, expr)
    }

    /// "the past two decades", "the last 48 hours", "the coming weeks" (durations) and "the
    /// next day", "the previous year", "the following morning" (narrative shifts). `j` is the
    /// position of the keyword.
    fn the_span(&self, j: usize, kw: Kw) -> Option<Hit> {
        if let Some((count, k)) = self.count(j + 1) {
            let (unit, _) = self.unit(k)?;
            return hit(j, k + 1, Expr::Duration(unit.duration(count)));
        }
        match kw {
            Kw::Next | Kw::Following => self.narrative_unit(j, j + 1, 1),
            Kw::Previous => self.narrative_unit(j, j + 1, -1),
            _ => match self.unit(j + 1)? {
                (unit, false) => hit(j, j + 2, Expr::Duration(unit.duration(Some(1)))),
                (unit, true) => hit(j, j + 2, Expr::Duration(unit.duration(None))),
            },
        }
    }

    /// After "the <ordinal>": "the third quarter [of 2010 | of that year]", "the 20th century".
    fn ordinal_period(&self, start: usize, j: usize, n: u32) -> Option<Hit> {
        if self.unit(j) == Some((Unit::Century, false)) && n >= 1 {
            return hit(start, j + 1, Expr::Fixed(Point::Century(signed(n - 1))));
        }
        if !self.is_kw(j, Kw::Quarter) || !(1..=4).contains(&n) {
            return None;
        }
        if self.is_kw(j + 1, Kw::Of) {
            if let Some(year) = self.year(j + 2) {
                return hit(start, j + 3, Expr::Fixed(Point::Quarter(year, n)));
            }
        }
        let phrase = self
            .year_phrase(j + 1)
            .unwrap_or((j + 1, Base::Document, 0));
        in_year_phrase(start, phrase, Refine::Quarter(n))
    }

    // ---- durations, sets, references -------------------------------------------------------

    /// "three weeks", "48 hours", "a few months", "10-year", "two years ago", "a year later".
    fn count_rules(&self, i: usize) -> Option<Hit> {
        let (count, mut j) = self.count(i)?;
        if self.punct(j, '-') && self.adjacent(j) {
            j += 1;
        }
        let (unit, plural) = self.unit(j)?;
        if unit == Unit::Second && !plural {
            // "a second attack", "one second"-less ordinal use.
            return None;
        }
        let k = j + 1;
        let shift = |base, sign: i32| Expr::Relative {
            base,
            unit,
            offset: count.map(|n| sign * signed(n)),
            refine: None,
        };
        let expr = match self.kw(k) {
            Some(Kw::Ago) if count.is_none() => Expr::Reference("PAST_REF"),
            Some(Kw::Ago) => shift(Base::Document, -1),
            Some(Kw::Later) => shift(Base::Narrative, 1),
            Some(Kw::Earlier) => shift(Base::Narrative, -1),
            Some(Kw::Before) if self.clause_end(k + 1) => shift(Base::Narrative, -1),
            Some(Kw::After) if self.clause_end(k + 1) => shift(Base::Narrative, 1),
            _ => {
                if self.hyphen_long(k) && (self.word_is(i, "a") || self.word_is(i, "an")) {
                    // "a year-long war": the article belongs to the noun.
                    return hit(j, k + 2, Expr::Duration(unit.duration(count)));
                }
                let end = if self.punct(k, '-') && self.is_kw(k + 1, Kw::Old) || self.hyphen_long(k)
                {
                    k + 2
                } else {
                    k
                };
                return hit(i, end, Expr::Duration(unit.duration(count)));
            }
        };
        hit(i, k + 1, expr)
    }

    /// "-long" right after token `k - 1` ("decades-long", "year-long").
    fn hyphen_long(&self, k: usize) -> bool {
        self.punct(k, '-')
            && self.adjacent(k)
            && self.adjacent(k + 1)
            && self.word_is(k + 1, "long")
    }

    /// "decades-long", "year-long": a unit made an adjective of length is a duration.
    fn unit_long(&self, i: usize, unit: Unit, plural: bool) -> Option<Hit> {
        let count = if plural { None } else { Some(1) };
        self.hyphen_long(i + 1)
            .then(|| hit(i, i + 3, Expr::Duration(unit.duration(count))))?
    }

    /// "for decades", "over the years", "within hours": an uncounted plural unit is a duration
    /// of X.
    fn bare_plural_unit(&self, i: usize, unit: Unit) -> Option<Hit> {
        let preposition = |k: usize| matches!(self.kw(k), Some(Kw::For | Kw::Over | Kw::Within));
        // "for decades", "over the years"
        let after_preposition = i > 0 && preposition(i - 1)
            || i > 1 && self.is_kw(i - 1, Kw::The) && self.is_kw(i - 2, Kw::Over);
        after_preposition.then(|| Hit {
            start: i,
            end: i + 1,
            expr: Expr::Duration(unit.duration(None)),
            part_of_day: None,
        })
    }

    /// "every year", "each month", "every two years", "every few weeks".
    fn every(&self, i: usize) -> Option<Hit> {
        let (count, j) = self.count(i + 1).unwrap_or((Some(1), i + 1));
        let (unit, _) = self.unit(j)?;
        hit(i, j + 1, Expr::Set(unit.duration(count)))
    }

    /// A phrase of `resources/time/references.txt` ("now", "in the past", "recent years").
    fn reference(&self, i: usize) -> Option<Hit> {
        let text_is = |k: usize, word: &str| self.word_is(k, word);
        LEXICON.references.iter().find_map(|reference| {
            let matches = reference
                .words
                .iter()
                .enumerate()
                .all(|(n, w)| text_is(i + n, w))
                && reference.before.is_none_or(|b| i > 0 && text_is(i - 1, b));
            let end = i + reference.words.len();
            // "in the past two decades" is a duration, not the past; "the now-defunct firm"
            // is a compound adjective.
            let continues = self.count(end).is_some()
                || self.unit(end).is_some()
                || self.punct(end, '-') && self.adjacent(end) && self.adjacent(end + 1);
            (matches && !continues).then_some(Hit {
                start: i,
                end,
                expr: Expr::Reference(reference.value),
                part_of_day: None,
            })
        })
    }

    /// A capitalized fixed-date holiday ("Christmas", "New Year's Eve"), with a year when one
    /// follows ("Christmas 2010").
    fn holiday(&self, i: usize) -> Option<Hit> {
        if !self.tokens.get(i)?.capitalized {
            return None;
        }
        let token_is = |k: usize, word: &str| {
            self.tokens.get(k).is_some_and(|t| match t.kind {
                Kind::Punct(c) => word == "'" && (c == '\'' || c == '’'),
                _ => self.text[t.start..t.end].eq_ignore_ascii_case(word),
            })
        };
        let holiday = LEXICON
            .holidays
            .iter()
            .find(|h| h.words.iter().enumerate().all(|(n, w)| token_is(i + n, w)))?;
        let end = i + holiday.words.len();
        if let Some(year) = self.year(end) {
            return hit(
                i,
                end + 1,
                Expr::Fixed(date(year, holiday.month, holiday.day)?),
            );
        }
        hit(
            i,
            end,
            Expr::Calendar {
                month: holiday.month,
                day: Some(holiday.day),
            },
        )
    }

    /// "10 a.m.", "3pm", "14:30", "2:15 p.m.".
    fn clock(&self, i: usize, n: Number) -> Option<Hit> {
        if !n.plain || n.digits > 2 {
            return None;
        }
        let pm = |hour: u32, is_pm: bool| if is_pm { hour % 12 + 12 } else { hour % 12 };
        match n.suffix {
            Suffix::Am | Suffix::Pm if (1..=12).contains(&n.value) => {
                return hit(
                    i,
                    i + 1,
                    Expr::Clock {
                        hour: pm(n.value, n.suffix == Suffix::Pm),
                        minute: 0,
                        utc: false,
                    },
                );
            }
            Suffix::None => {}
            _ => return None,
        }
        let (minute, j) = match self.number(i + 2) {
            Some(m)
                if self.punct(i + 1, ':')
                    && self.adjacent(i + 1)
                    && self.adjacent(i + 2)
                    && m.digits == 2
                    && m.plain
                    && m.value < 60 =>
            {
                (m.value, i + 3)
            }
            _ => (0, i + 1),
        };
        match self.meridiem(j) {
            Some((is_pm, end)) if (1..=12).contains(&n.value) => hit(
                i,
                end,
                Expr::Clock {
                    hour: pm(n.value, is_pm),
                    minute,
                    utc: false,
                },
            ),
            None if j == i + 3 && n.value <= 23 => hit(
                i,
                j,
                Expr::Clock {
                    hour: n.value,
                    minute,
                    utc: false,
                },
            ),
            _ => None,
        }
    }

    /// "a.m.", "p.m.", "am", "PM" at `j`: whether it is p.m., and the index after it.
    fn meridiem(&self, j: usize) -> Option<(bool, usize)> {
        for (is_pm, short) in [(false, "am"), (true, "pm")] {
            if self.word_is(j, short) {
                return Some((is_pm, j + 1));
            }
            let letter = &short[..1];
            if self.word_is(j, letter) && self.punct(j + 1, '.') && self.word_is(j + 2, "m") {
                return Some((is_pm, if self.punct(j + 3, '.') { j + 4 } else { j + 3 }));
            }
        }
        None
    }
}
