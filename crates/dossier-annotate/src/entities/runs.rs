//! Candidate name runs: maximal sequences of capitalized words, cut into typed units.
//!
//! A run is scanned once, left to right, inside one sentence. At each capitalized token the
//! longest gazetteer entry and the longest title starting there are tried (the gazetteer wins
//! ties), so "Middle East" or "Prime Minister" become one unit; any other capitalized word is a
//! plain unit. Lower-case connectors join a run only where names really contain them: "of",
//! "for", "on" (and "the" after them) once the run holds a head word ("Bank of
//! America", "Committee on International Relations"), "and" only inside such a complement
//! ("Center for Strategic Communication and Information Security"), name particles ("van",
//! "bin") between plain words, hyphens or "&" written without spaces, and an "&" before a
//! company word ("Kessel & Associates").

use dossier_core::EntityKind;

use super::tokens::{Shape, Token};
use super::Context;
use crate::lexicon::{PhraseTable, LEXICON};

/// What one unit of a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitKind {
    /// A gazetteer entry of this type.
    Known(EntityKind),
    /// A title or office ("Foreign Minister").
    Title,
    /// A lower-case connector or a hyphen between name words.
    Connector,
    /// Any other capitalized word.
    Plain,
}

/// A unit: tokens `[start, end)` of the document's token list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    pub start: usize,
    pub end: usize,
    pub kind: UnitKind,
    /// The type the unit gives, as a head word, to the name it ends: a known organization or
    /// an organization head word ("Politburo", "Ministry") gives ORG, "Airport" LOC, "War" MISC.
    pub head: Option<EntityKind>,
}

impl Unit {
    fn new(ctx: &Context, start: usize, end: usize, kind: UnitKind) -> Self {
        let head = match kind {
            UnitKind::Known(EntityKind::Org) => Some(EntityKind::Org),
            UnitKind::Plain => LEXICON.heads.get(ctx.word(start)).copied(),
            _ => None,
        };
        Unit {
            start,
            end,
            kind,
            head,
        }
    }
}

pub(crate) const COMPLEMENT_CONNECTORS: [&str; 3] = ["of", "for", "on"];
pub(crate) const PARTICLES: [&str; 16] = [
    "van", "von", "de", "der", "den", "du", "da", "di", "del", "della", "dos", "la", "le", "bin",
    "ibn", "y",
];

/// Finds the runs of one sentence, whose tokens are `[first, end)`.
pub(super) fn sentence_runs(ctx: &Context, first: usize, end: usize, runs: &mut Vec<Vec<Unit>>) {
    let mut i = first;
    while i < end {
        if !ctx.tokens[i].is_name_like() {
            i += 1;
            continue;
        }
        let run = read_run(ctx, i, end);
        i = run.last().map_or(i + 1, |unit| unit.end);
        runs.push(run);
    }
}

/// Reads the run starting at the name-like token `start`.
fn read_run(ctx: &Context, start: usize, end: usize) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut i = start;
    let mut has_head = false;
    let mut in_complement = false;
    loop {
        let mut unit = read_unit(ctx, i, end);
        if is_surname_not_title(ctx, &units, unit, end) {
            unit = Unit::new(ctx, unit.start, unit.end, UnitKind::Plain);
        }
        has_head |= unit.head.is_some();
        units.push(unit);
        i = unit.end;
        let Some(connector_len) = connector_at(ctx, i, end, &units, has_head, in_complement) else {
            break;
        };
        if connector_len > 0 {
            // An "and" outside a complement joins one body's name: a title word before it
            // is part of that name ("Justice and Development Party").
            if ctx.word(i) == "and" && !in_complement {
                for unit in units.iter_mut().filter(|u| u.kind == UnitKind::Title) {
                    *unit = Unit::new(ctx, unit.start, unit.end, UnitKind::Plain);
                }
            }
            in_complement |= COMPLEMENT_CONNECTORS.contains(&ctx.word(i));
            units.push(Unit::new(ctx, i, i + connector_len, UnitKind::Connector));
            i += connector_len;
        }
    }
    units
}

/// If the run can go on at token `i`: how many connector tokens come first (0 when the next
/// token is itself a name word).
fn connector_at(
    ctx: &Context,
    i: usize,
    end: usize,
    units: &[Unit],
    has_head: bool,
    in_complement: bool,
) -> Option<usize> {
    let name_at = |j: usize| j < end && ctx.tokens[j].is_name_like();
    if name_at(i) {
        return Some(0);
    }
    if i >= end {
        return None;
    }
    let token = ctx.tokens[i];
    let word = ctx.word(i);
    let glued = |a: Token, b: Token| a.end == b.start;
    if matches!(token.shape, Shape::Punct) {
        let joins = (glued(ctx.tokens[i - 1], token)
            && match word {
                "-" | "&" => i + 1 < end && glued(token, ctx.tokens[i + 1]),
                // "Mt. Hood", "St. Louis": the period of a leading place word's abbreviation.
                "." => LEXICON.leading_words.contains(ctx.word(i - 1)),
                _ => false,
            })
            || (word == "&" && i + 1 < end && is_company_word(ctx.word(i + 1)));
        return (joins && name_at(i + 1)).then_some(1);
    }
    if token.shape != Shape::Lower {
        return None;
    }
    let last_plain = units.last().is_some_and(|u| u.kind == UnitKind::Plain);
    // "Gulf of Mexico" but not "Square on Easter": only organizations have complements with
    // "for" and "on" ("Center for Strategic Studies", "Committee on Foreign Relations").
    let complement_fits = word == "of" || units.iter().any(|u| u.head == Some(EntityKind::Org));
    if COMPLEMENT_CONNECTORS.contains(&word) && has_head && complement_fits {
        let len = if name_at(i + 1) {
            1
        } else if i + 2 < end && ctx.word(i + 1) == "the" && name_at(i + 2) {
            2
        } else {
            return None;
        };
        return (word == "of" || !names_place_based_body(ctx, i + len, end)).then_some(len);
    }
    let joins_complement = || in_complement && !second_body_after_and(ctx, i, end);
    if word == "and"
        && name_at(i + 1)
        && (joins_complement() || and_joins_one_body(ctx, units, i, end))
    {
        return Some(1);
    }
    (PARTICLES.contains(&word) && last_plain && name_at(i + 1)).then_some(1)
}

/// True when the name at token `start` is a place's name followed by more name words: a team,
/// a paper or a company named after its home ("Boston Bruins", "New York Times", "St. Louis
/// Eagles"), which a "for" or "on" does not join to the organization before it ("the National
/// Hockey League for the Boston Bruins"), unlike a place alone ("Economic Commission for
/// Europe").
fn names_place_based_body(ctx: &Context, start: usize, end: usize) -> bool {
    (1..=3).any(|len| {
        let after = start + len;
        after < end
            && (start..after).all(|j| ctx.tokens[j].is_name_like() || ctx.word(j) == ".")
            && ctx.tokens[after].is_name_like()
            && crate::tagger::is_place((start..after).map(|j| ctx.word(j)))
    })
}

/// True when the "and" at token `and` joins two halves of one organization's name: plain words
/// before it, and after it a capitalized organization head word among the next three words
/// ("Securities and Exchange Commission", "Food and Drug Administration", "Bill and Melinda
/// Gates Foundation"). Two organizations stay two: neither half may be a listed organization
/// ("Ford and General Motors"), and the first may not be a lone singular head word ("the Court
/// and National Assembly") or a word and a head word ("Korvath HC and Varmo FC").
fn and_joins_one_body(ctx: &Context, units: &[Unit], and: usize, end: usize) -> bool {
    let plain_or_title = |u: &Unit| matches!(u.kind, UnitKind::Plain | UnitKind::Title);
    if units.len() > 2 || !units.iter().all(plain_or_title) {
        return false;
    }
    let Some(head) = organization_head_after_and(ctx, and, end) else {
        return false;
    };
    let listed = |start: usize, end: usize| {
        crate::tagger::is_listed_organization((start..end).map(|j| ctx.word(j)))
    };
    // A lone singular head word names a body by itself: "the Court and National Assembly".
    let first = units[0].start;
    let lone_body =
        units.len() == 1 && LEXICON.is_org_head(ctx.word(first)) && !ctx.word(first).ends_with('s');
    let headed_body = units.len() == 2 && LEXICON.is_org_head(ctx.word(units[1].start));
    !lone_body && !headed_body && !listed(first, and) && !listed(and + 1, head + 1)
}

/// The organization head word among the (up to three) capitalized words after the "and" at
/// token `and`.
fn organization_head_after_and(ctx: &Context, and: usize, end: usize) -> Option<usize> {
    (and + 1..end.min(and + 4))
        .take_while(|&j| ctx.tokens[j].is_name_like())
        .find(|&j| LEXICON.is_org_head(ctx.word(j)))
}

/// True when a second organization's name starts after the "and" at token `and`: a listed
/// organization or a known place, then an organization head word ("Massachusetts Institute of
/// Technology and Harvard Medical School"; not "Department of Health and Human Services").
pub(crate) fn second_body_after_and(ctx: &Context, and: usize, end: usize) -> bool {
    let next = std::iter::once(ctx.word(and + 1));
    let known =
        crate::tagger::is_listed_organization(next.clone()) || crate::tagger::is_place(next);
    known && organization_head_after_and(ctx, and, end).is_some()
}

/// True for an organization head word or a company's legal form, which an "&" between spaces
/// joins to the name before it: "Marvel & Associates", "Savings & Investments", "Dow & Co".
fn is_company_word(word: &str) -> bool {
    LEXICON.is_org_head(word) || LEXICON.company_suffixes.contains(word)
}

/// True for a one-word title that ends a plain name and is a common surname or follows a given
/// name with only titles before it: "Stephen King", "Martin Luther King Jr.", "John Major", but not
/// "King Abdullah" (a name follows), "Jordan King" (no plain name before) or "Holy Roman
/// Emperor".
fn is_surname_not_title(ctx: &Context, units: &[Unit], unit: Unit, end: usize) -> bool {
    let next = unit.end;
    let ends_name = next >= end
        || !ctx.tokens[next].is_name_like()
        || is_abbreviation_with_period(ctx, next, end);
    // Only titles come before the given name: "Holy Roman Emperor" is a title.
    let after_given_name = || {
        matches!(units, [titles @ .., u] if u.end == u.start + 1
            && titles.iter().all(|t| t.kind == UnitKind::Title)
            && super::typing::is_any_given_name(ctx.word(u.start)))
    };
    unit.kind == UnitKind::Title
        && unit.end == unit.start + 1
        && units.last().is_some_and(|u| u.kind == UnitKind::Plain)
        && ends_name
        && (crate::tagger::is_common_surname(ctx.word(unit.start)) || after_given_name())
}

/// True when token `i` is an abbreviation written with its period ("Jr.").
fn is_abbreviation_with_period(ctx: &Context, i: usize, end: usize) -> bool {
    LEXICON.abbreviations.contains(ctx.word(i)) && i + 1 < end && ctx.word(i + 1) == "."
}

/// Reads one unit at the name-like token `i`: the longest gazetteer entry or title, or a plain
/// word.
fn read_unit(ctx: &Context, i: usize, end: usize) -> Unit {
    // A one-word entry is no evidence where its capital is forced on a common word ("Who …").
    let known = longest_match(&LEXICON.gazetteer, ctx, i, end)
        .filter(|&(len, _)| len > 1 || !ctx.is_forced_common_word(i));
    let title = title_at(ctx, i, end);
    let known_len = known.map_or(0, |(len, _)| len);
    match (known, title) {
        (Some((len, kind)), _) if len >= title.map_or(0, |(len, ())| len) => {
            Unit::new(ctx, i, i + len, UnitKind::Known(kind))
        }
        (_, Some((len, ()))) if len > known_len => Unit::new(ctx, i, i + len, UnitKind::Title),
        _ => Unit::new(ctx, i, i + 1, UnitKind::Plain),
    }
}

/// The title starting at token `i`: a listed one ([`listed_title_at`]), or a common word
/// naming a portfolio before a listed one: "Trade Commissioner", "Transport Secretary" (the
/// list cannot hold every portfolio).
fn title_at(ctx: &Context, i: usize, end: usize) -> Option<(usize, ())> {
    listed_title_at(ctx, i, end).or_else(|| {
        let office_follows = i + 1 < end && ctx.tokens[i + 1].is_name_like();
        if !office_follows || ctx.tokens[i].shape != Shape::Capitalized {
            return None;
        }
        let (len, ()) = listed_title_at(ctx, i + 1, end)?;
        let portfolio = !LEXICON.heads.contains_key(ctx.word(i))
            && crate::tagger::capitalized_percent(ctx.word(i))
                .is_some_and(|percent| percent < PORTFOLIO_CAPITALIZED_PERCENT);
        portfolio.then_some((len + 1, ()))
    })
}

/// Below this share of capitalized occurrences a word before a title names a portfolio
/// ("trade" 6 %, "labour" 40 %), not a name ("Treasury" 53 %, "Mike" 91 %).
const PORTFOLIO_CAPITALIZED_PERCENT: u8 = 45;

/// The longest title of the list starting at token `i` that ends in a name word: "Mr" of
/// "Mr.", since the period is no part of a name.
fn listed_title_at(ctx: &Context, i: usize, mut end: usize) -> Option<(usize, ())> {
    loop {
        let (len, ()) = longest_match(&LEXICON.titles, ctx, i, end)?;
        if ctx.tokens[i + len - 1].is_name_like() {
            return Some((len, ()));
        }
        end = i + len - 1;
    }
}

/// The longest entry of `table` that starts at token `i` (and ends before `end`), with its
/// length in tokens.
fn longest_match<V: Copy>(
    table: &PhraseTable<V>,
    ctx: &Context,
    i: usize,
    end: usize,
) -> Option<(usize, V)> {
    table.longest((i..end).map(|j| ctx.word(j)))
}
