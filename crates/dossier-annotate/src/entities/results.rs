//! Sports results and standings rows, as wire services print them: "Arsenal 2 West Ham 0",
//! "Chelsea 3 2 1 0 6 3 7". A name followed by a score in such a row is a team: an
//! organization ("Leicester" the club, not the city), except a country, which stays the
//! country (national teams). Rows are lines of names, numbers and punctuation only; a name
//! there opens its line, so without this its capital would prove nothing.

use dossier_core::EntityKind;

use super::runs::{Unit, UnitKind};
use super::tokens::Shape;
use super::{Candidate, Context, Evidence};
use crate::lexicon::LEXICON;

/// Lower-case words a results row may hold ("Leeds v Chelsea 1-1 aet").
const ROW_WORDS: [&str; 7] = ["v", "vs", "at", "aet", "pen", "pens", "agg"];

/// Punctuation a results row may hold besides brackets: no commas outside brackets (lists of
/// names and figures), no decimal points, currency or percent signs (financial tables).
const ROW_PUNCTUATION: [&str; 2] = ["-", "*"];

/// A name word of two letters or more ("P" in a table is a code).
fn is_word(ctx: &Context, i: usize) -> bool {
    ctx.word(i).chars().nth(1).is_some()
}

/// The team a run of a results row names, if the run is one: tokens `[start, end)` followed
/// by a score, in a row with two scored names or in a standings row the run opens. A
/// standings row may list a person instead ("Tiger Woods 68 70 72"): there `is_person` (a
/// given name or a common surname in a name of two words or more) or a title keeps the run
/// out.
pub(super) fn team(
    ctx: &Context,
    run: &[Unit],
    is_person: impl FnOnce() -> bool,
) -> Option<Candidate> {
    let start = run.first()?.start;
    let end = run.last()?.end;
    if !is_score(ctx, end) {
        return None;
    }
    let (row, bracketed) = row_kind(ctx, start)?;
    if bracketed {
        // "Feyenoord 2 ( Kessel 12 , Varnok 45 )": a scorer and the minute of the goal.
        return matches!(row, Row::Result).then_some(Candidate {
            start,
            end,
            kind: EntityKind::Person,
            evidence: Evidence::Cue,
        });
    }
    let teams = match row {
        Row::Result => true,
        Row::Standings => !is_person() && run.iter().all(|unit| unit.kind != UnitKind::Title),
    };
    if !teams {
        return None;
    }
    let (kind, evidence) = if names_a_country(ctx, start, end) {
        (EntityKind::Gpe, Evidence::Lexicon)
    } else {
        (EntityKind::Org, Evidence::Cue)
    };
    Some(Candidate {
        start,
        end,
        kind,
        evidence,
    })
}

/// What a row of names and numbers is.
enum Row {
    /// Two or more names, each followed by its score: "Arsenal 2 West Ham 0".
    Result,
    /// One name opening the line, then numbers: "Chelsea 3 2 1 0 6 3 7".
    Standings,
}

/// A score or a statistic: a number of at most three digits without a leading zero (not a
/// year, not a day of "01-Feb-02").
fn is_score(ctx: &Context, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| {
        let digits = t.text(ctx.text);
        t.shape == Shape::Number
            && digits.len() <= 3
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits.len() == 1 || !digits.starts_with('0'))
    })
}

/// The kind of row the line of token `start` is (within its sentence), and whether `start`
/// stands in brackets there, if the row holds only names, scores, the punctuation of
/// [`ROW_PUNCTUATION`], commas in brackets (the scorers: "( Kessel 12 , Varnok 45 )"), a final
/// period and the words of [`ROW_WORDS`]. Two names outside brackets followed by a score make
/// a result; when the row opens with `start`'s name, three numbers make a standings row. Only
/// read where a name is followed by a score, so prose rarely pays for it.
fn row_kind(ctx: &Context, start: usize) -> Option<(Row, bool)> {
    let row = row_tokens(ctx, start);
    let mut depth = 0usize;
    let mut bracketed = false;
    let mut scored_names = 0;
    let mut numbers = 0;
    for i in row.clone() {
        if i == start {
            bracketed = depth > 0;
        }
        let token = ctx.tokens[i];
        let word = ctx.word(i);
        match token.shape {
            Shape::Lower if !ROW_WORDS.contains(&word) => return None,
            Shape::Number if !is_score(ctx, i) => return None,
            Shape::Number => numbers += 1,
            Shape::Punct => match word {
                "(" => depth += 1,
                ")" => depth = depth.checked_sub(1)?,
                "," if depth > 0 => {}
                "." if i + 1 == row.end => {}
                _ if ROW_PUNCTUATION.contains(&word) => {}
                _ => return None,
            },
            Shape::Capitalized | Shape::Upper
                if depth == 0 && is_score(ctx, i + 1) && is_word(ctx, i) =>
            {
                scored_names += 1;
            }
            _ => {}
        }
    }
    if scored_names >= 2 {
        Some((Row::Result, bracketed))
    } else if row.start == start && numbers >= 3 {
        Some((Row::Standings, bracketed))
    } else {
        None
    }
}

/// The tokens of the line of token `start` that are in its sentence.
fn row_tokens(ctx: &Context, start: usize) -> std::ops::Range<usize> {
    let offset = ctx.tokens[start].start;
    let line_start = ctx.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = ctx.text[offset..]
        .find('\n')
        .map_or(ctx.text.len(), |i| offset + i);
    // Sentences are sorted and cover every token.
    let sentence = ctx.sentences[ctx.sentences.partition_point(|range| range.end <= start)].clone();
    let first = (sentence.start..start)
        .find(|&i| ctx.tokens[i].start >= line_start)
        .unwrap_or(start);
    let end = (start..sentence.end)
        .find(|&i| ctx.tokens[i].end > line_end)
        .unwrap_or(sentence.end);
    first..end
}

/// Places on both sides of a match verb are teams: "Leicestershire beat Somerset", "Essex
/// drew with Yorkshire". Names of no known type (MISC) there are teams too ("Rangers beat
/// Celtic"), and a place or such a name facing an organization is its rival club ("Manchester
/// United beat Chelsea"). Each side that is not a country becomes an organization (the club);
/// a country stays the country (national teams), as in results rows.
pub(crate) fn contest_teams(ctx: &Context, out: &mut [Candidate]) {
    let may_be_team = |c: &Candidate| {
        matches!(
            c.kind,
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Misc | EntityKind::Org
        )
    };
    for k in 1..out.len() {
        let (before, after) = (out[k - 1], out[k]);
        let sides = may_be_team(&before) && may_be_team(&after);
        if !sides || !joined_by_contest_verb(ctx, &before, &after) {
            continue;
        }
        for side in [k - 1, k] {
            let (start, end) = (out[side].start, out[side].end);
            if out[side].kind != EntityKind::Org && !names_a_country(ctx, start, end) {
                out[side].kind = EntityKind::Org;
                out[side].evidence = Evidence::Cue;
            }
        }
    }
}

/// Places and names of no sure type that sports phrases mark as teams: "a win over Porto",
/// "scored for Leeds", "Lyon coach Paul Girard" (see `team_cues.txt`). Each one that is not a
/// country becomes an organization (the club), taking the capitalized words between it and a
/// role noun ("Tottenham" + "Hotspur striker Teddy Sheringham", "Sheffield" + "Wednesday
/// manager …"). A person's name is retyped only where the tagger alone said so ("joined
/// Ajax"). `out` is sorted by position.
pub(crate) fn cued_teams(ctx: &Context, out: &mut [Candidate]) {
    for k in 0..out.len() {
        let candidate = out[k];
        let may_be_team = match candidate.kind {
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Misc => true,
            EntityKind::Person => candidate.evidence <= Evidence::Model,
            _ => false,
        };
        if !may_be_team {
            continue;
        }
        let next_start = out.get(k + 1).map_or(ctx.tokens.len(), |c| c.start);
        let Some(end) = cued_team_end(ctx, &candidate, next_start) else {
            continue;
        };
        if !names_a_country(ctx, candidate.start, end) {
            out[k] = Candidate {
                end,
                kind: EntityKind::Org,
                evidence: Evidence::Cue,
                ..candidate
            };
        }
    }
}

/// Where the team `candidate` names ends, if sports phrases mark it as one: a phrase before a
/// team ends right before it, or a role noun follows it, after at most two more capitalized
/// words that no candidate holds (before `next_start`), and a name follows the role noun.
fn cued_team_end(ctx: &Context, candidate: &Candidate, next_start: usize) -> Option<usize> {
    let is_role = |i: usize| {
        LEXICON.team_roles.contains(ctx.word(i))
            && ctx.tokens.get(i + 1).is_some_and(|t| t.is_name_like())
    };
    let is_more_words =
        |i: usize| (candidate.end..i).all(|j| j < next_start && ctx.tokens[j].is_name_like());
    let role = (candidate.end..=candidate.end + 2)
        .take_while(|&i| i < ctx.tokens.len() && is_more_words(i))
        .find(|&i| is_role(i));
    role.or_else(|| {
        super::typing::phrase_ends_before(&LEXICON.team_openers_backward, ctx, candidate.start)
            .then_some(candidate.end)
    })
}

/// True when tokens `[start, end)` are exactly a country's name: national teams stay the
/// country.
fn names_a_country(ctx: &Context, start: usize, end: usize) -> bool {
    crate::tagger::is_country((start..end).map(|i| ctx.word(i)))
}

/// A name alone in brackets right after a person's is the person's side: "Alan Shearer (
/// Newcastle )", "Pete Sampras ( U.S. )", "Angela Merkel (CDU)". A country stays the country
/// (national teams, and nationality in results lists); any other place or name of no sure type
/// is the club, party or employer: an organization. A capital after a bracket proves nothing
/// elsewhere, so the name is added when no candidate holds it and its words are mostly written
/// capitalized. Persons and organizations already found there keep their type. Leaves `out`
/// sorted by position.
pub(crate) fn bracketed_affiliations(
    ctx: &Context,
    out: &mut Vec<Candidate>,
    is_name_word: impl Fn(usize) -> bool,
) {
    let mut k = 0;
    while k < out.len() {
        if out[k].kind == EntityKind::Person {
            if let Some((start, end)) = bracketed_name_after(ctx, out[k].end) {
                let next = out.get(k + 1).filter(|c| c.start <= end).copied();
                let side = Candidate {
                    start,
                    end,
                    kind: if names_a_country(ctx, start, end) {
                        EntityKind::Gpe
                    } else {
                        EntityKind::Org
                    },
                    evidence: Evidence::Cue,
                };
                match next {
                    Some(c) if (c.start, c.end) == (start, end) => {
                        if matches!(c.kind, EntityKind::Gpe | EntityKind::Loc | EntityKind::Misc) {
                            out[k + 1] = side;
                        }
                    }
                    None if (start..end).all(&is_name_word) => out.insert(k + 1, side),
                    _ => {}
                }
            }
        }
        k += 1;
    }
}

/// Tokens `[start, end)` of one to three capitalized words alone in brackets right after token
/// `end_of_name`: "( Aston Villa )".
fn bracketed_name_after(ctx: &Context, end_of_name: usize) -> Option<(usize, usize)> {
    if ctx.tokens.get(end_of_name).map(|t| t.text(ctx.text)) != Some("(") {
        return None;
    }
    let start = end_of_name + 1;
    let end = (start..ctx.tokens.len().min(start + 4)).find(|&i| !ctx.tokens[i].is_name_like())?;
    (end > start && ctx.word(end) == ")").then_some((start, end))
}

/// True when exactly one contest phrase of `contest_verbs.txt` stands between the two names.
fn joined_by_contest_verb(ctx: &Context, before: &Candidate, after: &Candidate) -> bool {
    let between = before.end..after.start;
    let words = between.clone().map(|i| ctx.word(i));
    LEXICON
        .contest_verbs
        .longest(words)
        .is_some_and(|(len, ())| len == between.len())
}

#[cfg(test)]
mod tests {
    use crate::entities::tests::labelled;
    use crate::{find_mentions, split_sentences};

    fn names(text: &str) -> Vec<String> {
        labelled(text, &find_mentions(text, &split_sentences(text)))
    }

    #[test]
    fn names_with_scores_in_results_rows_are_teams_and_countries_stay_countries() {
        let text = "Results of the matches on Saturday:\nLeeds 0 Newcastle 1\nKorvath 2 Oslo 2\n\
                    Japan 2 Syria 1\n";
        assert_eq!(
            names(text),
            [
                "ORG Leeds",
                "ORG Newcastle",
                "ORG Korvath",
                "ORG Oslo",
                "GPE Japan",
                "GPE Syria"
            ]
        );
    }

    #[test]
    fn scorers_in_brackets_are_persons_and_the_row_ends_with_its_sentence() {
        let text = "Results on Sunday:\nKorvath 2 ( Kessel 12 , Varnok 45 ) Tarvesby 1 ( Essen \
                    60 ) . Attendance 40,000 .\n";
        assert_eq!(
            names(text),
            [
                "ORG Korvath",
                "PERSON Kessel",
                "PERSON Varnok",
                "ORG Tarvesby",
                "PERSON Essen"
            ]
        );
    }

    #[test]
    fn places_joined_by_a_match_verb_are_teams_and_countries_stay_countries() {
        use super::contest_teams;
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{self, Gpe, Misc, Org, Person};
        let kinds_after = |text: &str, found: &[(usize, usize, EntityKind, Evidence)]| {
            let ctx = Context::new(text, &split_sentences(text));
            let mut candidates = Candidate::from_tuples(found);
            contest_teams(&ctx, &mut candidates);
            candidates.iter().map(|c| c.kind).collect::<Vec<_>>()
        };
        let kinds = kinds_after(
            "Korvath beat Oslo, Japan drew with Tarvesby and Oslo hosted Korvath.",
            &[
                (0, 1, Gpe, Evidence::Model),
                (2, 3, Gpe, Evidence::Lexicon),
                (4, 5, Gpe, Evidence::Lexicon),
                (7, 8, Misc, Evidence::Fallback),
                (9, 10, Gpe, Evidence::Lexicon),
                (11, 12, Gpe, Evidence::Model),
            ],
        );
        // "hosted" is no match verb: the last two stay places.
        assert_eq!(kinds, [Org, Org, Gpe, Org, Gpe, Gpe]);
        // A club's rival is a club too; a person stays a person.
        let kinds = kinds_after(
            "Korvath United beat Tarvesby, and Korvath United beat Kessel.",
            &[
                (0, 2, Org, Evidence::Model),
                (3, 4, Misc, Evidence::Fallback),
                (6, 8, Org, Evidence::Model),
                (9, 10, Person, Evidence::Model),
            ],
        );
        assert_eq!(kinds, [Org, Org, Org, Person]);
        // Two names of no known type across a match verb are two teams.
        let kinds = kinds_after(
            "Varmo beat Tarsk.",
            &[
                (0, 1, Misc, Evidence::Fallback),
                (2, 3, Misc, Evidence::Model),
            ],
        );
        assert_eq!(kinds, [Org, Org]);
    }

    #[test]
    fn sports_phrases_mark_clubs_but_countries_stay_countries() {
        use super::cued_teams;
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Gpe, Org, Person};
        let text = "After a win over Korvath, Tarvesby coach Ilse Varnok said Japan had lost to \
                    Brazil and Oslo had joined Kessel, while Arvo Essen visited Oslo.";
        let ctx = Context::new(text, &split_sentences(text));
        let word = |w: &str| ctx.tokens.iter().position(|t| t.text(text) == w).unwrap();
        let one = |w: &str, kind, evidence| (word(w), word(w) + 1, kind, evidence);
        let mut candidates = Candidate::from_tuples(&[
            one("Korvath", Gpe, Evidence::Model),
            one("Tarvesby", Gpe, Evidence::Model),
            (word("Ilse"), word("Varnok") + 1, Person, Evidence::Cue),
            one("Japan", Gpe, Evidence::Lexicon),
            one("Brazil", Gpe, Evidence::Lexicon),
            one("Oslo", Gpe, Evidence::Lexicon),
            one("Kessel", Person, Evidence::Model),
            (word("Arvo"), word("Essen") + 1, Person, Evidence::Cue),
        ]);
        cued_teams(&ctx, &mut candidates);
        let kinds: Vec<_> = candidates.iter().map(|c| c.kind).collect();
        // "Oslo had joined" has Oslo before the phrase, not after it; Brazil is a country.
        assert_eq!(kinds, [Org, Org, Person, Gpe, Gpe, Gpe, Org, Person]);
    }

    #[test]
    fn a_club_takes_the_capitalized_words_before_its_role_noun() {
        use super::cued_teams;
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Gpe, Org, Person};
        let text = "Korvath Wednesday striker Ilse Tamm scored in Oslo Harbour today.";
        let ctx = Context::new(text, &split_sentences(text));
        let mut candidates = Candidate::from_tuples(&[
            (0, 1, Gpe, Evidence::Model),
            (3, 5, Person, Evidence::Cue),
            (7, 8, Gpe, Evidence::Lexicon),
        ]);
        cued_teams(&ctx, &mut candidates);
        let found: Vec<_> = candidates
            .iter()
            .map(|c| (c.start, c.end, c.kind))
            .collect();
        // No role noun follows "Oslo Harbour": it stays a place.
        assert_eq!(found, [(0, 2, Org), (3, 5, Person), (7, 8, Gpe)]);
    }

    #[test]
    fn a_name_in_brackets_after_a_person_is_the_side_and_a_country_stays_the_country() {
        let text = "Leading scorers: Arvo Tamm ( Tarvesby ) 5 , Ilse Varnok (Japan) 4 , Tomas \
                    Kessel (Korvath United) 3 and Mira Lind (Oslo).\n\nThe film starred Jon Barr \
                    ( Anna Kessel ) and was shot ( Monday ) in town.";
        assert_eq!(
            names(text),
            [
                "PERSON Arvo Tamm",
                "ORG Tarvesby",
                "PERSON Ilse Varnok",
                "GPE Japan",
                "PERSON Tomas Kessel",
                "ORG Korvath United",
                "PERSON Mira Lind",
                "ORG Oslo",
                "PERSON Jon Barr",
                "PERSON Anna Kessel",
            ]
        );
    }

    #[test]
    fn a_standings_row_opens_with_a_team_unless_a_person_is_named() {
        let text = "Standings:\nLiverpool 3 2 1 0 5 2 7\nErnie Els 69 71 70\n";
        assert_eq!(names(text), ["ORG Liverpool", "PERSON Ernie Els"]);
    }

    #[test]
    fn prose_and_datelines_are_no_rows() {
        use super::{row_kind, Row};
        use crate::entities::Context;
        let text = "LONDON 1996-08-24\nIn May Leeds won 2 of 3 games.\nLeeds 0 Newcastle 1\n";
        let ctx = Context::new(text, &split_sentences(text));
        let row = |word: &str| {
            let at = text.find(word).unwrap();
            let token = ctx.tokens.iter().position(|t| t.start == at).unwrap();
            row_kind(&ctx, token)
        };
        assert!(row("Leeds won").is_none());
        assert!(matches!(row("Newcastle"), Some((Row::Result, false))));
        // A dateline's date is no score.
        assert_eq!(names(text)[0], "GPE LONDON");
    }
}
