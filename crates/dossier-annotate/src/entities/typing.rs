//! Cutting a run into typed candidates.
//!
//! First the run loses the words whose capitalization proves nothing (sentence-initial function
//! words, or unknown words at an unreliable position). Then, in each remaining piece, an
//! organization head word claims the names before it and its complement ("Israel Defense
//! Forces", "Ministry of Foreign Affairs"); the rest is read left to right: gazetteer units are
//! typed by the gazetteer, titles mark the next name as a person, and consecutive plain words
//! form one name typed by its cues ("Russia Medvedev" is thus GPE + PERSON).
//!
//! Fallback, measured with `examples/eval_iob.rs` (typed exact-span F1, PER/ORG/LOC): an
//! unknown name of two or three words is a PERSON, single words and longer names are MISC.
//! MISC for single words beat ORG on Wikigold (0.527 vs 0.472) and on UNER PUD (0.523 vs
//! 0.453); PERSON for two or three words beat MISC on PUD (0.523 vs 0.511), tied on Wikigold.

use dossier_core::EntityKind;

use super::results;
use super::runs::{Unit, UnitKind, PARTICLES};
use super::tokens::{is_web_address, Shape};
use super::{Candidate, Context, Evidence};
use crate::lexicon::{PhraseTable, LEXICON};

/// Types the units of one run, pushing candidates.
pub(super) fn type_run(ctx: &Context, run: &[Unit], out: &mut Vec<Candidate>) {
    let known = run
        .iter()
        .any(|unit| matches!(unit.kind, UnitKind::Known(_)));
    if !known && is_slug(ctx, run[0].start, run[run.len() - 1].end) {
        return;
    }
    let is_person = || {
        let last = ctx.word(run[run.len() - 1].start);
        run.len() >= 2
            && (is_any_given_name(ctx.word(run[0].start)) || crate::tagger::is_common_surname(last))
    };
    if let Some(team) = results::team(ctx, run, is_person) {
        out.push(team);
        return;
    }
    // "a Terrorist Organization" in a Title-Case heading is a common noun, not a name.
    let after_indefinite = run[0].start >= 1 && matches!(ctx.word(run[0].start - 1), "a" | "an");
    let has_head = run.iter().any(|unit| unit.head.is_some()) && !after_indefinite;
    let mut piece_start = 0;
    for (i, unit) in run.iter().enumerate() {
        let after_given = || i > 0 && LEXICON.given_names.contains(ctx.word(run[i - 1].start));
        // An honorific, not a title that is also a common word ("HEAD", "CHIEF").
        let after_title = || {
            i > 0
                && run[i - 1].kind == UnitKind::Title
                && crate::tagger::is_mostly_capitalized(ctx.word(run[i - 1].start))
        };
        let named_after_quote = || i == 0 && kind_noun_before_quote(ctx, unit.start).is_some();
        let dateline = || is_dateline(ctx, run[0].start, run[run.len() - 1].end);
        let before_name = || starts_two_word_name(ctx, run, i);
        // "Aisby is a village …", "Jusman Syafii Djamal, minister of …": what the name is
        // follows it; not for a common word opening the sentence ("Naturally, the office …",
        // "Instead, a council …").
        let described = || {
            !ctx.is_forced_common_word(unit.start)
                && apposition_type(ctx, run[run.len() - 1].end).is_some()
        };
        if is_breaker(ctx, *unit, || {
            has_head
                || after_given()
                || after_title()
                || named_after_quote()
                || dateline()
                || before_name()
                || described()
        }) {
            type_piece(ctx, trim_connectors(&run[piece_start..i]), out);
            piece_start = i + 1;
        }
    }
    type_piece(ctx, trim_connectors(&run[piece_start..]), out);
}

/// A unit that cannot be part of a name here: a function word, a month or weekday, or an
/// unknown word whose capitalization is forced (unknown: no given name, head word, proper
/// noun, acronym in brackets or unlisted foreign word, and not seen capitalized elsewhere in
/// the document), unless the run is vouched for by a head word (not after "a" or "an") or is
/// a dateline's place, the word follows a given name ("By Anna Varga": a byline in Title Case)
/// or an honorific ("MR PANVALKAR SAID" in capitals), it opens a quoted
/// name after a kind noun ('the newspaper "Izvestia"') or an apposition or copula says what
/// it names ("Aisby is a village"). In capitals a word almost never capitalized elsewhere
/// ("TOLD") breaks the run whatever vouches for it, unless it is a head word.
fn is_breaker(ctx: &Context, unit: Unit, vouched: impl FnOnce() -> bool) -> bool {
    if unit.kind != UnitKind::Plain {
        return false;
    }
    let word = ctx.word(unit.start);
    if LEXICON.is_sentence_starter(word, ctx.unreliable[unit.start]) || LEXICON.is_non_name(word) {
        return true;
    }
    if !ctx.unreliable[unit.start] {
        return false;
    }
    // In capitals, a word almost never capitalized elsewhere ("TOLD", "WITH") is no part of a
    // name, whatever vouches for the run ("THE COMPANY TOLD THE BBC").
    let shouted = ctx.tokens[unit.start].shape == Shape::Upper;
    if shouted && ctx.is_common_word(unit.start) && !LEXICON.heads.contains_key(word) {
        return true;
    }
    let acronym_in_brackets = shouted && ctx.is_bracketed(unit.start);
    let known = LEXICON.given_names.contains(word)
        || LEXICON.heads.contains_key(word)
        || ctx.capitalized.contains(word)
        || is_proper_noun(word)
        || is_usual_organization_name(word)
        || acronym_in_brackets
        || is_unlisted_foreign_word(word);
    !known && !vouched()
}

/// True for a word of letters, some of them not ASCII, that the word statistics do not know:
/// a foreign name ("Kühn", "Durán"), since English words with accents ("café") are listed.
/// Measured: dropping the accent condition (any unknown word) did worse on EWT and Wikigold.
fn is_unlisted_foreign_word(word: &str) -> bool {
    !word.is_ascii()
        && word.chars().all(char::is_alphabetic)
        && crate::tagger::capitalized_percent(word).is_none()
}

/// True when `word` is a listed organization's name (`org_names.txt`) that is written
/// capitalized at least half the time: "Apple" (66 %) opening a sentence is the company, but
/// "Target" (14 %) may be the noun.
fn is_usual_organization_name(word: &str) -> bool {
    crate::tagger::is_listed_organization(std::iter::once(word))
        && crate::tagger::capitalized_percent(word).is_some_and(|percent| percent >= 50)
}

/// At or above this share of capitalized occurrences in the word statistics (which count
/// sentence starts too) a word is a proper noun: "Stalin" 95 %, "Napoleon" 93 %, against
/// "Meanwhile" 76 % and "Cotton" 16 %.
const PROPER_NOUN_PERCENT: u8 = 90;

/// True when `word` is nearly always written capitalized: a name even where its capital is
/// forced ("Stalin had begun …").
pub(crate) fn is_proper_noun(word: &str) -> bool {
    crate::tagger::capitalized_percent(word).is_some_and(|percent| percent >= PROPER_NOUN_PERCENT)
}

/// True for a given name of the hand-written list, or of the most common given names when
/// its capital says something (not "Will" or "May" opening a sentence).
fn is_given_name(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    LEXICON.given_names.contains(word)
        || (crate::tagger::is_common_given_name(word) && !ctx.is_forced_common_word(i))
}

/// True for a given name of the hand-written list or of the census lists, however rare.
pub(crate) fn is_any_given_name(word: &str) -> bool {
    LEXICON.given_names.contains(word) || crate::tagger::is_given_name(word)
}

/// True when unit `i` of `run` is a common given name ("Ludwig van Beethoven"), a
/// capitalized name particle ("De Gaulle") or an initial ("M. Atherton") followed by a plain
/// name word, or any given name of the lists followed by a listed surname ("Venus
/// Williams"), as at the start of a sentence.
fn starts_two_word_name(ctx: &Context, run: &[Unit], i: usize) -> bool {
    let word = ctx.word(run[i].start);
    let initial = word.len() == 2 && word.ends_with('.');
    let particle = initial || PARTICLES.contains(&word.to_lowercase().as_str());
    let next_plain = run
        .get(i + 1)
        .is_some_and(|next| matches!(next.kind, UnitKind::Plain | UnitKind::Connector));
    // "Venus Williams beat …": a rarer given name before a surname of the lists.
    let before_surname = || {
        is_any_given_name(word)
            && run[i + 1].end == run[i + 1].start + 1
            && crate::tagger::is_surname_or_famous(ctx.word(run[i + 1].start))
    };
    next_plain && (particle || is_given_name(ctx, run[i].start) || before_surname())
}

fn trim_connectors(units: &[Unit]) -> &[Unit] {
    let start = units
        .iter()
        .position(|u| u.kind != UnitKind::Connector)
        .unwrap_or(units.len());
    let end = units
        .iter()
        .rposition(|u| u.kind != UnitKind::Connector)
        .map_or(start, |i| i + 1);
    &units[start..end]
}

/// Types one piece of a run: first the organization its head word makes, then the rest.
fn type_piece(ctx: &Context, piece: &[Unit], out: &mut Vec<Candidate>) {
    if piece.is_empty() {
        return;
    }
    let person_cue = title_before(ctx, piece);
    if let Some((start, end, kind)) = headed_span(ctx, piece) {
        type_rest(ctx, trim_connectors(&piece[..start]), person_cue, out);
        let evidence = if end - start == 1 && matches!(piece[start].kind, UnitKind::Known(_)) {
            Evidence::Lexicon
        } else {
            Evidence::Cue
        };
        out.push(candidate(&piece[start..end], kind, evidence));
        type_piece(ctx, trim_connectors(&piece[end..]), out);
    } else {
        type_rest(ctx, piece, person_cue, out);
    }
}

/// The units `[start, end)` of `piece` that form a name around its first head word, with the
/// type the head gives, if any.
fn headed_span(ctx: &Context, piece: &[Unit]) -> Option<(usize, usize, EntityKind)> {
    let head = piece.iter().position(|unit| unit.head.is_some())?;
    let heads = piece[head..]
        .iter()
        .take_while(|unit| unit.head.is_some())
        .count();
    // In a row of head words the last one names what the thing is: "International Airport"
    // is a place, "Airport Authority" an organization.
    let kind = piece[head + heads - 1].head?;
    let has_complement = piece[head..].iter().any(|unit| {
        unit.kind == UnitKind::Connector && ctx.word(unit.start).chars().all(char::is_alphabetic)
    });
    // "Mount Kenya", "Hurricane Katrina": the head opens the name and the rest follows it.
    let leads_name = head == 0
        && piece.len() > 1
        && LEXICON.leading_words.contains(ctx.word(piece[0].start))
        && piece[1..].iter().all(|unit| unit.head.is_none());
    // "International Business Machines Corp": a company's legal form ends its whole name.
    let ends_in_legal_form = LEXICON
        .company_suffixes
        .contains(ctx.word(piece[piece.len() - 1].start));
    let end = if has_complement || leads_name || ends_in_legal_form {
        piece.len()
    } else {
        head + heads
    };
    // A title stays outside the name, unless the head word follows it right away: a person
    // is not named by a head word, but "General Motors" and "General Assembly" are names.
    let start = piece[..head]
        .iter()
        .rposition(|unit| unit.kind == UnitKind::Title)
        .map_or(0, |title| if title + 1 == head { title } else { title + 1 });
    let words = piece[start..end]
        .iter()
        .filter(|u| u.kind != UnitKind::Connector)
        .count();
    let lone_known = matches!(piece[head].kind, UnitKind::Known(_));
    // A lone head word may name an organization ("the Ministry said"), unless it is an
    // acronym used as a common noun ("radio and TV").
    let lone_organization = kind == EntityKind::Org
        && !ctx.unreliable[piece[head].start]
        && !LEXICON
            .common_acronyms
            .contains(ctx.word(piece[head].start));
    (words >= 2 || lone_known || lone_organization).then_some((start, end, kind))
}

/// Types a piece without organization head: gazetteer names, titles and plain names.
fn type_rest(ctx: &Context, units: &[Unit], mut person_cue: bool, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < units.len() {
        let unit = units[i];
        match unit.kind {
            UnitKind::Title => {
                person_cue = true;
                i += 1;
            }
            UnitKind::Connector => i += 1,
            UnitKind::Known(kind) if !starts_person(ctx, units, i) => {
                out.push(candidate(&units[i..i + 1], kind, Evidence::Lexicon));
                i += 1;
            }
            _ => {
                let mut end = plain_name_end(ctx, units, i);
                if is_word_before_full_name(ctx, &units[i..end]) {
                    end = i + 1;
                }
                let name = trim_connectors(&units[i..end]);
                let (kind, evidence) = type_plain(ctx, name, person_cue);
                out.push(candidate(name, kind, evidence));
                person_cue = false;
                i = end;
            }
        }
    }
}

/// True when the gazetteer unit at `i` is a given name that starts a person's name
/// ("Georgia Smith", not "Russia Medvedev").
fn starts_person(ctx: &Context, units: &[Unit], i: usize) -> bool {
    let unit = units[i];
    unit.end - unit.start == 1
        && is_given_name(ctx, unit.start)
        && units
            .get(i + 1)
            .is_some_and(|next| next.kind == UnitKind::Plain && next.head.is_none())
}

/// End of the plain name starting at unit `i`: plain words and the connectors between them;
/// a one-word gazetteer name ends a name that starts with a given name ("Jack London").
fn plain_name_end(ctx: &Context, units: &[Unit], i: usize) -> usize {
    let mut end = i + 1;
    while end < units.len() {
        match units[end].kind {
            UnitKind::Plain | UnitKind::Connector => end += 1,
            UnitKind::Known(_)
                if end + 1 == units.len()
                    && units[end].end - units[end].start == 1
                    && LEXICON.given_names.contains(ctx.word(units[i].start)) =>
            {
                end += 1;
            }
            _ => break,
        }
    }
    end
}

/// True when a plain name of three words or more starts with a word that is no given name
/// before a listed given name and a surname: "Scotsman James Watt", "Democrat Nancy Lowell"
/// are a word and a person. A first word the word statistics do not know is a name's
/// ("Qayyum Abdul Jamal").
fn is_word_before_full_name(ctx: &Context, name: &[Unit]) -> bool {
    let plain = |k: usize| name.get(k).is_some_and(|u| u.kind == UnitKind::Plain);
    plain(0)
        && plain(1)
        && plain(2)
        && !is_given_name(ctx, name[0].start)
        && crate::tagger::capitalized_percent(ctx.word(name[0].start)).is_some()
        && LEXICON.given_names.contains(ctx.word(name[1].start))
}

fn candidate(units: &[Unit], kind: EntityKind, evidence: Evidence) -> Candidate {
    Candidate {
        start: units[0].start,
        end: units[units.len() - 1].end,
        kind,
        evidence,
    }
}

/// Whether the piece starting at unit 0 of `piece` names the holder of a title: the title
/// ends right before it ("leader Tarvo Essen"), or before its complement when that complement
/// is a known name followed by the person ("President of Finland Essen"). A plain name after
/// "Title of" is the complement itself ("the Mayor of Tarvelton").
fn title_before(ctx: &Context, piece: &[Unit]) -> bool {
    let start = piece[0].start;
    let mut end = start;
    if end >= 1 && ctx.word(end - 1) == "the" {
        end -= 1;
    }
    let through_complement = end >= 1 && ctx.word(end - 1) == "of";
    if through_complement {
        if !matches!(piece[0].kind, UnitKind::Known(_)) {
            return false;
        }
        end -= 1;
    } else {
        end = start;
    }
    phrase_ends_before(&LEXICON.titles_backward, ctx, end)
}

/// True when a phrase of `table` (keyed last token first) ends right before token `end`.
pub(crate) fn phrase_ends_before(table: &PhraseTable<()>, ctx: &Context, end: usize) -> bool {
    let last_first = (0..end).rev().map(|j| ctx.word(j));
    table.longest(last_first).is_some()
}

/// Types a plain name (no gazetteer entry, no head word) from its cues.
fn type_plain(ctx: &Context, name: &[Unit], person_cue: bool) -> (EntityKind, Evidence) {
    let start = name[0].start;
    let end = name[name.len() - 1].end;
    let words = name
        .iter()
        .filter(|u| u.kind != UnitKind::Connector)
        .count();
    if person_cue {
        return (EntityKind::Person, Evidence::Cue);
    }
    let listed = LEXICON.given_names.contains(ctx.word(start));
    if listed || (words >= 2 && is_given_name(ctx, start)) {
        let evidence = if words >= 2 && listed {
            Evidence::Cue
        } else {
            Evidence::Weak
        };
        return (EntityKind::Person, evidence);
    }
    if is_listed_organization(ctx, start, end, words) {
        return (EntityKind::Org, Evidence::Cue);
    }
    if let Some(kind) = listed_after_kind_noun(ctx, start) {
        return (kind, Evidence::Cue);
    }
    if let Some(kind) =
        apposition_type(ctx, end).or_else(|| quoted_after_kind_noun(ctx, start, end))
    {
        return (kind, Evidence::Cue);
    }
    // Weak for several words: "the manufacturer Georg Reichenbach" may be a person.
    if let Some(kind) = kind_noun_before(ctx, start) {
        let evidence = if words == 1 {
            Evidence::Cue
        } else {
            Evidence::Weak
        };
        return (kind, evidence);
    }
    // Weak: a maker is named the same way ("Airbus jets"), and its other mentions decide.
    if let Some(kind) = modifies_artifact(ctx, end) {
        return (kind, Evidence::Weak);
    }
    if is_dateline(ctx, start, end) {
        return (EntityKind::Gpe, Evidence::Cue);
    }
    let single = words == 1;
    if single && is_web_address(ctx.word(start)) {
        return (EntityKind::Org, Evidence::Cue);
    }
    if single && is_acronym(ctx, start) {
        return (EntityKind::Org, Evidence::Weak);
    }
    let next = next_word(ctx, end);
    let verb = next_verb(ctx, end);
    if single && next.is_some_and(|w| LEXICON.member_nouns.contains(w)) {
        return (EntityKind::Org, Evidence::Cue);
    }
    if words <= 3 && phrase_ends_before(&LEXICON.org_cues_backward, ctx, start) {
        return (EntityKind::Org, Evidence::Cue);
    }
    if single && has_surname_ending(ctx.word(start)) {
        return (EntityKind::Person, Evidence::Weak);
    }
    let speaks = verb.is_some_and(|w| w != "according" && LEXICON.speech_verbs.contains_key(w));
    if words <= 3 && (speaks || after_according_to(ctx, start)) {
        return (EntityKind::Person, Evidence::Weak);
    }
    if words <= 3 && after_place_cue(ctx, start) {
        return (EntityKind::Gpe, Evidence::Cue);
    }
    if words <= 3 && is_followed_by_which(ctx, end) {
        return (EntityKind::Org, Evidence::Cue);
    }
    if single && start >= 1 && ctx.word(start - 1) == "the" {
        return (EntityKind::Org, Evidence::Weak);
    }
    if single && is_lone_surname(ctx, start) {
        return (EntityKind::Person, Evidence::Weak);
    }
    match words {
        2 | 3 => (EntityKind::Person, Evidence::Fallback),
        _ => (EntityKind::Misc, Evidence::Fallback),
    }
}

/// True when the name is exactly a widely known organization's (`org_names.txt`), unless it
/// is one word that is also a common surname or given name ("Ford", "Dell").
fn is_listed_organization(ctx: &Context, start: usize, end: usize, words: usize) -> bool {
    let word = ctx.word(start);
    let personal = words == 1
        && (crate::tagger::is_common_surname(word) || crate::tagger::is_common_given_name(word));
    !personal && crate::tagger::is_listed_organization((start..end).map(|i| ctx.word(i)))
}

/// True for one word inside a sentence that the name lists know as a surname or a famous
/// person's name and not as a country, region or big city, nearly always written capitalized
/// or unknown to the word statistics ("Barroso", "Plato", "Kerber"; not "Cotton"). Measured:
/// a lower bar than [`PROPER_NOUN_PERCENT`] (80, 60 or 35 %) did worse.
fn is_lone_surname(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    !ctx.unreliable[i]
        && crate::tagger::is_surname_or_famous(word)
        && !crate::tagger::is_prominent_place(word)
        && crate::tagger::capitalized_percent(word)
            .is_none_or(|percent| percent >= PROPER_NOUN_PERCENT)
}

/// Endings of the plural of a people's or a group's name ("Athenians", "Achaeans", "Hittites").
const GROUP_PLURAL_ENDINGS: [&str; 3] = ["ians", "eans", "ites"];

/// Endings of the adjective of a people, a language or a style ("Germanic", "Macedonian",
/// "Mycenaean", "Sudanese").
const GROUP_ADJECTIVE_ENDINGS: [&str; 4] = ["ic", "ian", "ean", "ese"];

/// Determiners that may open a sentence before a group adjective ("The Macedonian army").
const DETERMINERS: [&str; 6] = ["The", "A", "An", "This", "Its", "Their"];

/// True when the unknown word at `i` names a group or says what group something belongs to:
/// the plural of a people's name, or such an adjective between a lower-case word or a
/// determiner and a lower-case word ("a large Macedonian army", "of Germanic and Slavic
/// tribes", "The Canaanite city"), where a surname would not stand.
pub(crate) fn is_group_word(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    let ends_in = |endings: &[&str]| {
        word.chars().count() >= 5 && endings.iter().any(|ending| word.ends_with(ending))
    };
    if ends_in(&GROUP_PLURAL_ENDINGS) {
        return true;
    }
    let lower = |j: usize| ctx.tokens.get(j).is_some_and(|t| t.shape == Shape::Lower);
    let opens = |j: usize| lower(j) || DETERMINERS.contains(&ctx.word(j));
    ends_in(&GROUP_ADJECTIVE_ENDINGS) && i >= 1 && opens(i - 1) && lower(i + 1)
}

/// True for a capitalized word with a typical surname ending ("Lavrov", "Shevchenko").
fn has_surname_ending(word: &str) -> bool {
    word.chars().count() >= 5
        && word.chars().skip(1).all(char::is_lowercase)
        && LEXICON
            .surname_endings
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// Adverbs that may stand between a subject and its verb ("Putin first publicly stated").
const ADVERBS: [&str; 8] = [
    "first", "also", "then", "later", "never", "once", "again", "still",
];

/// The first word after token `end - 1` that is not an adverb, within three words.
fn next_verb<'a>(ctx: &Context<'a>, end: usize) -> Option<&'a str> {
    (end..ctx.tokens.len().min(end + 3))
        .take_while(|&i| ctx.tokens[i].is_word())
        .map(|i| ctx.word(i))
        .find(|w| !(w.ends_with("ly") || ADVERBS.contains(w)))
}

/// An all-capitals word of 2 to 6 letters ("HAMAS", "ISIS").
fn is_acronym(ctx: &Context, i: usize) -> bool {
    let letters = ctx.word(i).chars().filter(|c| c.is_alphabetic()).count();
    ctx.tokens[i].shape == Shape::Upper && (2..=6).contains(&letters)
}

/// The word right after token `end - 1`, if the next token is a word.
fn next_word<'a>(ctx: &Context<'a>, end: usize) -> Option<&'a str> {
    (end < ctx.tokens.len() && ctx.tokens[end].is_word()).then(|| ctx.word(end))
}

/// True when ", which" follows the name ending before `end`: "Varnokia, which makes paper" is
/// no person's name (that would take "who"), and what names a place has a cue of its own.
fn is_followed_by_which(ctx: &Context, end: usize) -> bool {
    let word = |i: usize| ctx.tokens.get(i).map(|t| t.text(ctx.text));
    word(end) == Some(",") && word(end + 1) == Some("which")
}

/// True when a place cue ends right before token `start`: "north of X", "invaded X".
fn after_place_cue(ctx: &Context, start: usize) -> bool {
    phrase_ends_before(&LEXICON.place_cues_backward, ctx, start)
}

fn after_according_to(ctx: &Context, start: usize) -> bool {
    start >= 2
        && ctx.word(start - 1) == "to"
        && ctx.word(start - 2).eq_ignore_ascii_case("according")
}

/// The type an apposition or a copula right after the name gives it: ", the government agency
/// that", ", a former minister", ", who", ", 27,", " is a village in", " was a German novelist".
fn apposition_type(ctx: &Context, end: usize) -> Option<EntityKind> {
    let opener = ctx.tokens.get(end).map(|_| ctx.word(end))?;
    if !matches!(opener, "," | "is" | "was") {
        return None;
    }
    if opener == "," && is_age_between_commas(ctx, end + 1) {
        return Some(EntityKind::Person);
    }
    let window = ctx.tokens[end + 1..]
        .iter()
        .take(6)
        .take_while(|t| t.is_word());
    for (offset, token) in window.enumerate() {
        let word = token.text(ctx.text);
        if offset == 0 && opener == "," && (word == "who" || opens_title_apposition(ctx, end + 1)) {
            return Some(EntityKind::Person);
        }
        if offset == 0 && !matches!(word, "the" | "a" | "an") {
            return None;
        }
        // "X was the team's star": a possessor is not what the name is.
        let possessor = ctx
            .tokens
            .get(end + 2 + offset)
            .is_some_and(|t| is_possessive(t.text(ctx.text)));
        if let Some(&kind) = LEXICON.kind_nouns.get(word).filter(|_| !possessor) {
            return Some(kind);
        }
    }
    None
}

/// True when token `i` is a person's age set off by commas: "Tarvo Kessel, 27, who …".
fn is_age_between_commas(ctx: &Context, i: usize) -> bool {
    let age = ctx.tokens.get(i).filter(|t| t.shape == Shape::Number);
    age.is_some_and(|t| {
        t.text(ctx.text)
            .parse::<u8>()
            .is_ok_and(|years| (1..=110).contains(&years))
    }) && ctx
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.text(ctx.text) == ",")
}

/// True when a title without an article starts at token `start` and no name follows it:
/// "X, minister of transport for Y", "X, chairman and chief executive". (", President Obama
/// said" titles the next name instead.)
fn opens_title_apposition(ctx: &Context, start: usize) -> bool {
    let words = ctx.tokens[start..].iter().map(|t| t.text(ctx.text));
    let Some((len, ())) = LEXICON.titles.longest(words) else {
        return false;
    };
    let after = start + len;
    after < ctx.tokens.len() && !ctx.tokens[after].is_name_like()
}

/// The kind a plural kind noun before "such as" or "including" gives the names listed after
/// it: "companies such as Tesla, Uber and Snapchat", "cities such as Falluja". Only names,
/// commas, "and" and "or" may stand between the list's opening and the name.
fn listed_after_kind_noun(ctx: &Context, start: usize) -> Option<EntityKind> {
    let mut i = start;
    let lowest = start.saturating_sub(MAX_LIST_LOOKBACK);
    while i > lowest {
        i -= 1;
        let word = ctx.word(i);
        let opener = match word {
            "including" => Some(1),
            "as" if i >= 1 && ctx.word(i - 1) == "such" => Some(2),
            _ => None,
        };
        if let Some(len) = opener {
            let noun = i.checked_sub(len).map(|j| ctx.word(j).to_lowercase())?;
            return plural_kind(&noun);
        }
        let in_list = matches!(word, "," | "and" | "or") || ctx.tokens[i].is_name_like();
        if !in_list {
            return None;
        }
    }
    None
}

/// How far back from a name [`listed_after_kind_noun`] looks for the list's opening.
const MAX_LIST_LOOKBACK: usize = 16;

/// The kind of a plural kind noun ("companies" ORG, "cities" GPE, "artists" PERSON).
fn plural_kind(noun: &str) -> Option<EntityKind> {
    let singulars = [
        noun.strip_suffix("ies").map(|stem| format!("{stem}y")),
        noun.strip_suffix("es").map(str::to_string),
        noun.strip_suffix('s').map(str::to_string),
    ];
    singulars
        .into_iter()
        .flatten()
        .find_map(|singular| LEXICON.kind_nouns.get(singular.as_str()).copied())
        .filter(|kind| *kind != EntityKind::Misc)
}

/// The kind of a quoted name right after an ORG or MISC noun ('the newspaper "Izvestia"').
fn quoted_after_kind_noun(ctx: &Context, start: usize, end: usize) -> Option<EntityKind> {
    let closed = end < ctx.tokens.len() && is_quote(ctx.word(end));
    closed.then(|| kind_noun_before_quote(ctx, start)).flatten()
}

/// The ORG or MISC kind of the noun before the opening quote that precedes token `start`
/// ('the newspaper "…').
fn kind_noun_before_quote(ctx: &Context, start: usize) -> Option<EntityKind> {
    if start < 2 || !is_quote(ctx.word(start - 1)) {
        return None;
    }
    let kind = *LEXICON.kind_nouns.get(ctx.word(start - 2))?;
    matches!(kind, EntityKind::Org | EntityKind::Misc).then_some(kind)
}

/// The kind of the organization or place noun right before token `start` when an article
/// opens its noun phrase ("the company Amuseworld", "a South Korean band Deadsy", "the
/// Dagestani capital Makhachkala"; not "to fund Government", "taking office Jokowi"), unless
/// the name opens with a given name ("the manufacturer Anna Varga"). Artifact nouns are left
/// out: "an aircraft Boeing has built".
fn kind_noun_before(ctx: &Context, start: usize) -> Option<EntityKind> {
    let noun = start.checked_sub(1)?;
    let kind = *LEXICON.kind_nouns.get(ctx.word(noun))?;
    let opened = (noun.saturating_sub(4)..noun)
        .rev()
        .take_while(|&j| ctx.tokens[j].is_word())
        .any(|j| matches!(ctx.word(j), "the" | "The" | "a" | "A" | "an" | "An"));
    (matches!(kind, EntityKind::Org | EntityKind::Gpe)
        && opened
        && !is_any_given_name(ctx.word(start)))
    .then_some(kind)
}

/// True for the possessive ending, its own token ("’s", "'s"; "'S" in capitals).
pub(crate) fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S")
}

pub(crate) fn is_quote(token: &str) -> bool {
    matches!(token, "\"" | "“" | "”" | "«" | "»" | "'" | "‘" | "’")
}

/// Tokens that may stand between a name and the artifact noun it modifies ("anti", "-",
/// "tank", "ballistic").
const MAX_MODIFIER_TOKENS: usize = 4;

/// MISC when an artifact noun ends the lower-case noun phrase after token `end - 1`, the
/// words before it being adjectives or hyphenated ("Javelin anti-tank missiles"); a noun that
/// itself modifies a following kind noun ("tank commander") does not end the phrase.
pub(crate) fn modifies_artifact(ctx: &Context, end: usize) -> Option<EntityKind> {
    let last = ctx.tokens.len().min(end + MAX_MODIFIER_TOKENS + 1);
    for i in end..last {
        let word = ctx.word(i);
        if ctx.tokens[i].shape != Shape::Lower && word != "-" {
            return None;
        }
        let next_is_kind_noun = i + 1 < ctx.tokens.len()
            && ctx.tokens[i + 1].shape == Shape::Lower
            && LEXICON.kind_nouns.contains_key(ctx.word(i + 1));
        if LEXICON.kind_nouns.get(word) == Some(&EntityKind::Misc) && !next_is_kind_noun {
            return Some(EntityKind::Misc);
        }
        let hyphenated = word == "-"
            || (i + 1 < ctx.tokens.len() && ctx.word(i + 1) == "-")
            || (i > end && ctx.word(i - 1) == "-");
        let compound = next_is_kind_noun && LEXICON.kind_nouns.contains_key(word);
        if !(hyphenated || compound || is_adjective_like(word)) {
            return None;
        }
    }
    None
}

/// Adjective endings that rarely end verbs or nouns ("ballistic", "cultural", "Iranian").
fn is_adjective_like(word: &str) -> bool {
    ["al", "ic", "ary", "ive", "ian", "ese"]
        .iter()
        .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// True when tokens `[start, end)` are the place of a wire dateline: words in capitals opening
/// a line, followed by the agency in brackets ("OSLO (Reuters)"), a comma and a region in
/// ordinary case ("BERGEN, Norway"), a dash and a sentence ("WASHINGTON - The …") or a full
/// numeric date ("BRUSSELS 1996-08-22"). A slug before a headline ("SOCCER - JAPAN WIN"), a
/// phone number or a line in capitals is none.
fn is_dateline(ctx: &Context, start: usize, end: usize) -> bool {
    let opens_line = opens_line(ctx, start);
    let in_capitals = (start..end).all(|i| ctx.tokens[i].shape == Shape::Upper);
    if !opens_line || !in_capitals || end + 1 >= ctx.tokens.len() {
        return false;
    }
    match ctx.word(end) {
        "(" => {
            ctx.tokens[end + 1].is_word()
                && ctx
                    .tokens
                    .get(end + 2)
                    .is_some_and(|t| t.text(ctx.text) == ")")
        }
        "," => is_ordinary_capitalized(ctx, end + 1),
        "-" | "–" | "—" => {
            is_ordinary_capitalized(ctx, end + 1) && !is_headline_word(ctx, end + 1)
        }
        _ => is_numeric_date(ctx, end),
    }
}

/// True when tokens `[start, end)` are a wire slug: words in capitals opening a line before a
/// dash and a headline in capitals ("RUGBY UNION - CUTTITTA BACK FOR ITALY"), naming a topic,
/// not an entity (unless a word list knows the name: "RUSSIA - YELTSIN …", which callers
/// check). Read in the case the document is written in, not its truecased copy.
pub(crate) fn is_slug(ctx: &Context, start: usize, end: usize) -> bool {
    opens_line(ctx, start)
        && (start..end).all(|i| is_written_in_capitals(ctx, i))
        && end + 1 < ctx.tokens.len()
        && matches!(ctx.word(end), "-" | "–" | "—")
        && is_written_in_capitals(ctx, end + 1)
}

/// True when token `i` is a word written in capitals in the document ("RUGBY", "U.S."),
/// whatever case its truecased copy gives it.
fn is_written_in_capitals(ctx: &Context, i: usize) -> bool {
    let word = ctx.written_word(i);
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// True when token `i` is the first of its line.
fn opens_line(ctx: &Context, i: usize) -> bool {
    ctx.text[..ctx.tokens[i].start]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n')
}

/// A capitalized word in ordinary case ("Ukraine", "The"), not "I" or a word in capitals.
fn is_ordinary_capitalized(ctx: &Context, i: usize) -> bool {
    ctx.tokens[i].shape == Shape::Capitalized
        && ctx.word(i).chars().nth(1).is_some_and(char::is_lowercase)
}

/// Three numbers joined by hyphens or slashes from token `i` ("1996-08-22", "22/08/1996"), not
/// a phone number ("555-1234").
fn is_numeric_date(ctx: &Context, i: usize) -> bool {
    let is_number = |k: usize| ctx.tokens.get(k).is_some_and(|t| t.shape == Shape::Number);
    let is_separator = |k: usize| {
        ctx.tokens
            .get(k)
            .is_some_and(|t| matches!(t.text(ctx.text), "-" | "/"))
    };
    is_number(i)
        && is_separator(i + 1)
        && is_number(i + 2)
        && is_separator(i + 3)
        && is_number(i + 4)
}

/// True when the word after token `i` is not in lower case: a headline in Title Case or in
/// capitals ("WASHINGTON - Senate Votes …"), not a sentence.
fn is_headline_word(ctx: &Context, i: usize) -> bool {
    ctx.tokens
        .get(i + 1)
        .is_some_and(|t| t.is_word() && t.shape != Shape::Lower)
}
