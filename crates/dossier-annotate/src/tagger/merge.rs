//! Combining the tagger's names with the rule layer's candidates into the document's
//! candidates: strong rule evidence first, the tagger elsewhere, the rules' weaker names in
//! what is left; then names the rules cut at a known place are joined ("Boston Bruins", "US
//! Navy"), head-word organizations take their title word ("Premier League") and a capitalized
//! "The" inside a sentence joins the name it opens ("The Hockey News").

use dossier_core::EntityKind;

use super::gazetteer::GAZETTEER;
use super::{is_common_surname, is_given_name, Tagged};
use crate::entities::rules::RuleView;
use crate::entities::runs::{second_body_after_and, COMPLEMENT_CONNECTORS, PARTICLES};
use crate::entities::tokens::Shape;
use crate::entities::typing::{
    is_any_given_name, is_group_word, is_possessive, is_quote, is_slug, modifies_artifact,
};
use crate::entities::{acronym_letters, initials, Candidate, Context, Evidence};
use crate::fast_hash::FastMap;
use crate::lexicon::LEXICON;

/// Combines the tagger's names with the rules' candidates. Rule candidates with strong
/// evidence (a gazetteer entry, a title, a given name, a head word) come first; the tagger
/// decides elsewhere where PER, ORG and LOC names are, the rules saying whether a LOC is a GPE;
/// the rules' weaker NORP, MISC and PERSON names ("according to X") and organizations'
/// acronyms fill what is left.
pub(crate) fn merge(ctx: &Context, rules: &RuleView, tagged: &[Tagged]) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(tagged.len() + rules.candidates.len());
    let mut covered = vec![false; rules.unit.len()];
    let trimmed: Vec<Tagged> = tagged
        .iter()
        .flat_map(|name| split_joined_names(ctx, *name))
        .filter_map(|name| trim(ctx, rules, name))
        .filter(|name| !is_forced_common_word(ctx, rules, name))
        .filter(|name| !is_common_acronym(ctx, name))
        .filter(|name| {
            rules.has_known_name(name.start, name.end) || !is_slug(ctx, name.start, name.end)
        })
        .collect();
    let longer = TaggedIndex::new(ctx.tokens.len(), &trimmed, &rules.candidates);
    let strong =
        |c: &&Candidate| c.evidence >= Evidence::Cue && !inside_longer_name(ctx, c, &longer);
    for candidate in rules.candidates.iter().filter(strong) {
        covered[candidate.start..candidate.end].fill(true);
        out.push(*candidate);
    }
    let pieces: Vec<Tagged> = trimmed
        .into_iter()
        .filter(|name| !covered[name.start..name.end].iter().any(|&c| c))
        .collect();
    let mut by_span: FastMap<(usize, usize), &Candidate> = FastMap::default();
    for c in &rules.candidates {
        by_span.entry((c.start, c.end)).or_insert(c);
    }
    for name in pieces {
        covered[name.start..name.end].fill(true);
        let same_span = by_span.get(&(name.start, name.end)).copied();
        let kind = match (name.label, same_span.map(|c| c.kind)) {
            // "Athenians", "a large Macedonian army": a group, not one person, body or place.
            _ if name.end - name.start == 1 && is_group_word(ctx, name.start) => EntityKind::Norp,
            // A name that modifies an artifact noun is a product's, not a person's ("Tarvel
            // anti-tank missiles"); its maker's ("Airbus jets") the tagger may still call ORG.
            (0, _) if modifies_artifact(ctx, name.end).is_some() => EntityKind::Misc,
            // A short acronym that no word list knows is an organization's far more often
            // than a person's or a place's ("EADS", "GAO"): known places ("UAE") and names
            // ("LEE") are in the lists.
            (0 | 2, _) if is_unknown_acronym(ctx, rules, &name) => EntityKind::Org,
            (0, _) if name.end - name.start >= 2 && ends_in_common_noun(ctx, name.end) => {
                EntityKind::Org
            }
            (0, _) => EntityKind::Person,
            (1, _) => EntityKind::Org,
            (3, Some(EntityKind::Norp)) => EntityKind::Norp,
            (3, _) => EntityKind::Misc,
            (_, Some(EntityKind::Loc)) => EntityKind::Loc,
            _ if rules.ends_in_place(ctx, name.end) => EntityKind::Loc,
            _ => EntityKind::Gpe,
        };
        let evidence = match same_span {
            Some(c) if c.kind == kind => c.evidence.max(Evidence::Model),
            _ => Evidence::Model,
        };
        out.push(Candidate {
            start: name.start,
            end: name.end,
            kind,
            evidence,
        });
    }
    let acronyms = initials_of_organizations(ctx, &out);
    for candidate in &rules.candidates {
        let free = !covered[candidate.start..candidate.end].iter().any(|&c| c);
        let kept = match candidate.kind {
            EntityKind::Norp | EntityKind::Misc => true,
            EntityKind::Person => candidate.evidence >= Evidence::Weak,
            EntityKind::Org => {
                candidate.end == candidate.start + 1
                    && (is_organization_acronym(ctx, candidate.start)
                        || acronym_letters(ctx.word(candidate.start))
                            .is_some_and(|letters| acronyms.contains(&letters)))
            }
            _ => false,
        };
        if free && kept {
            out.push(*candidate);
        }
    }
    join_teams(ctx, &mut out);
    join_fragments(ctx, &mut out);
    take_hyphenated_words(ctx, &mut out);
    join_nicknames(ctx, &mut out);
    take_regnal_one(ctx, &mut out);
    place_teams(ctx, &mut out);
    crate::entities::results::contest_teams(ctx, &mut out);
    crate::entities::results::cued_teams(ctx, &mut out);
    crate::entities::results::bracketed_affiliations(ctx, &mut out, |i| is_name_word(ctx, i));
    attach_company_suffixes(ctx, &mut out);
    take_capitalized_article(ctx, &mut out);
    for candidate in &mut out {
        take_title_into_organization(ctx, rules, candidate);
    }
    out
}

/// A capitalized "The" inside a sentence belongs to the name it opens: "in The Hockey News",
/// "for The Poker Channel" (its capital is the name's; at a sentence start it proves nothing).
/// `out` is sorted by position, so only the name before can already hold the "The".
fn take_capitalized_article(ctx: &Context, out: &mut [Candidate]) {
    for k in 0..out.len() {
        let Some(article) = out[k].start.checked_sub(1) else {
            continue;
        };
        let taken = k > 0 && out[k - 1].end > article;
        if ctx.word(article) == "The" && !ctx.unreliable[article] && !taken {
            out[k].start = article;
        }
    }
}

/// True for a tagged name that is one acronym used as a common noun ("TV", "BC": see
/// `common_acronyms.txt`).
fn is_common_acronym(ctx: &Context, name: &Tagged) -> bool {
    name.end == name.start + 1 && LEXICON.common_acronyms.contains(ctx.word(name.start))
}

/// Joins a place and the name right after it into one organization when that name is a plural
/// ("Boston Bruins", "Montreal Canadiens": teams, clubs, bands) or an organization ending in a
/// head word ("US" + "Navy", "New York" + "Stock Exchange"): the rules would otherwise cut it
/// at the known place. A plural place word ("Golan Heights") is no team, and an organization
/// without a head word ("Russia" + "Hamas") is no part of a longer name. An organization named
/// by one common word and the place right after it are one too ("Air" + "India"). Leaves `out`
/// sorted by position.
fn join_teams(ctx: &Context, out: &mut Vec<Candidate>) {
    out.sort_by_key(|c| (c.start, c.end));
    join_neighbours(out, |place, name| {
        is_team_name(ctx, place, name).then_some(Candidate {
            end: name.end,
            kind: EntityKind::Org,
            evidence: Evidence::Cue,
            ..*place
        })
    });
}

/// Replaces each pair of neighbours in `out` (sorted by position) that `join` makes one name
/// by that name, left to right: a joined name may take the next one too.
fn join_neighbours(
    out: &mut Vec<Candidate>,
    join: impl Fn(&Candidate, &Candidate) -> Option<Candidate>,
) {
    let mut joined: Vec<Candidate> = Vec::with_capacity(out.len());
    for candidate in out.drain(..) {
        match joined.last_mut() {
            Some(last) => match join(last, &candidate) {
                Some(name) => *last = name,
                None => joined.push(candidate),
            },
            None => joined.push(candidate),
        }
    }
    *out = joined;
}

/// Joins two names side by side in running text when one of them is a NORP or MISC
/// fragment that the other completes ("British" + "Isles", "Major League" + "Baseball"): two
/// pieces of one name that the rules and the tagger cut apart. Persons are left alone
/// ("Russian" and "Lavrov" are two), and so are a nationality after a name ("Fiji Indian": an
/// adjective), words in capitals or with digits and names whose capitals are forced. The name
/// takes the type of its last piece, or of its first when only the last is a fragment. `out`
/// is sorted by position.
fn join_fragments(ctx: &Context, out: &mut Vec<Candidate>) {
    join_neighbours(out, |first, second| {
        if !are_fragments_of_one_name(ctx, first, second) {
            return None;
        }
        let kind = if is_fragment(second.kind) && !is_fragment(first.kind) {
            first.kind
        } else {
            second.kind
        };
        Some(Candidate {
            end: second.end,
            kind,
            evidence: Evidence::Model,
            ..*first
        })
    });
}

/// A name takes a capitalized word that a hyphen without spaces joins to it and that no other
/// name holds: "Wal-Mart", "Saxony-Anhalt", "Faber-Castell" are one name each, whichever half
/// the tagger or the rules found. Two names so joined stay two ("Russia-Ukraine"), and common
/// words stay out ("Anti-", "Pro-"). A person's name also takes hyphenated syllables in lower
/// case ("Kim Young-sam", "Inzamam-ul-Haq": see [`is_hyphenated_syllable`]). `out` is sorted
/// by position.
fn take_hyphenated_words(ctx: &Context, out: &mut [Candidate]) {
    for k in 0..out.len() {
        let before = k.checked_sub(1).map_or(0, |j| out[j].end);
        let after = out.get(k + 1).map_or(usize::MAX, |next| next.start);
        let free = |i: usize| before <= i && i < after;
        let person = out[k].kind == EntityKind::Person;
        while free(out[k].end + 1)
            && hyphen_after(ctx, out[k].end - 1).is_some_and(|right| {
                is_joinable_name_word(ctx, right) || (person && is_hyphenated_syllable(ctx, right))
            })
        {
            out[k].end += 2;
        }
        while out[k].start >= 2 && free(out[k].start - 2) && joins_by_hyphen(ctx, out[k].start - 2)
        {
            out[k].start -= 2;
        }
    }
}

/// The token after the hyphen that joins token `left` to it without spaces, if any.
fn hyphen_after(ctx: &Context, left: usize) -> Option<usize> {
    let (hyphen, right) = (left + 1, left + 2);
    let tokens = &ctx.tokens;
    (right < tokens.len()
        && ctx.word(hyphen) == "-"
        && tokens[left].end == tokens[hyphen].start
        && tokens[hyphen].end == tokens[right].start)
        .then_some(right)
}

/// True when token `i` is a capitalized word, neither a common word nor holding a digit.
fn is_joinable_name_word(ctx: &Context, i: usize) -> bool {
    ctx.tokens[i].is_name_like()
        && !ctx.is_common_word(i)
        && !ctx.word(i).bytes().any(|b| b.is_ascii_digit())
}

/// True when token `i` is a lower-case word that is mostly written capitalized or unknown to
/// the word statistics: a syllable of a given name ("Kim Young-sam", "Inzamam-ul-Haq"), not
/// an English word ("Putin-backed", "Obama-era").
fn is_hyphenated_syllable(ctx: &Context, i: usize) -> bool {
    ctx.tokens[i].shape == Shape::Lower && super::is_mostly_capitalized(ctx.word(i))
}

/// True when token `left` and the token two after it are capitalized words, neither a common
/// word nor holding a digit, with only a hyphen between them ("Wal-Mart").
fn joins_by_hyphen(ctx: &Context, left: usize) -> bool {
    hyphen_after(ctx, left)
        .is_some_and(|right| is_joinable_name_word(ctx, left) && is_joinable_name_word(ctx, right))
}

/// A Roman numeral "I" right after a person's name of one or two words is a regnal number
/// when what follows cannot follow the pronoun: punctuation, "of", "and" or a verb in the
/// past ("Amyntas I accepted", "Mojmír I ( ruled 830 )", "Henry I of England"; not "John I
/// think").
fn take_regnal_one(ctx: &Context, out: &mut [Candidate]) {
    for k in 0..out.len() {
        let candidate = out[k];
        let numeral = candidate.end;
        let person = candidate.kind == EntityKind::Person && candidate.end - candidate.start <= 2;
        // `out` is sorted by position: only the next name could hold the numeral.
        let free = || out.get(k + 1).is_none_or(|next| next.start > numeral);
        if person && numeral + 1 < ctx.tokens.len() && ctx.word(numeral) == "I" && free() {
            let next = ctx.word(numeral + 1);
            let no_pronoun = matches!(next, "," | "." | "(" | ")" | ";" | "of" | "and")
                || (next.len() > 4
                    && next.ends_with("ed")
                    && ctx.tokens[numeral + 1].shape == Shape::Lower);
            if no_pronoun {
                out[k].end += 1;
            }
        }
    }
}

/// Joins a person's name, a quoted nickname of one to three capitalized words and the name
/// right after it into one person: `William "Cowboy" Cowley`, `Joaquin "El Chapo" Guzman`.
/// Whatever the nickname and the surname were read as goes. `out` is sorted by position.
fn join_nicknames(ctx: &Context, out: &mut Vec<Candidate>) {
    let mut joined: Vec<Candidate> = Vec::with_capacity(out.len());
    let mut k = 0;
    while k < out.len() {
        let mut candidate = out[k];
        k += 1;
        if candidate.kind == EntityKind::Person {
            if let Some(surname_start) = after_quoted_nickname(ctx, candidate.end) {
                let skipped = out[k..]
                    .iter()
                    .take_while(|c| c.start < surname_start)
                    .count();
                if let Some(surname) = out.get(k + skipped).filter(|c| c.start == surname_start) {
                    candidate.end = surname.end;
                    candidate.evidence = candidate.evidence.max(Evidence::Cue);
                    k += skipped + 1;
                }
            }
        }
        joined.push(candidate);
    }
    *out = joined;
}

/// The token after a quoted nickname that starts at token `start` (an opening quote, one to
/// three capitalized words, the closing quote), when a capitalized word follows it.
fn after_quoted_nickname(ctx: &Context, start: usize) -> Option<usize> {
    let capitalized = |i: usize| {
        ctx.tokens
            .get(i)
            .is_some_and(|t| t.shape == Shape::Capitalized)
    };
    let quote = |i: usize| i < ctx.tokens.len() && is_quote(ctx.word(i));
    if !quote(start) {
        return None;
    }
    let words = (start + 1..ctx.tokens.len())
        .take_while(|&i| capitalized(i))
        .count();
    let close = start + 1 + words;
    ((1..=3).contains(&words) && quote(close) && capitalized(close + 1)).then_some(close + 1)
}

fn is_fragment(kind: EntityKind) -> bool {
    matches!(kind, EntityKind::Norp | EntityKind::Misc)
}

/// True when `first` and `second` are adjacent on one line, neither is a person, `first` is a
/// fragment or `second` a MISC name, and every word of both is a capitalized word of letters
/// in ordinary case, its capital not forced by position, except the first word of `first`.
fn are_fragments_of_one_name(ctx: &Context, first: &Candidate, second: &Candidate) -> bool {
    first.end == second.start
        && first.kind != EntityKind::Person
        && second.kind != EntityKind::Person
        && second.kind != EntityKind::Norp
        && (is_fragment(first.kind) || second.kind == EntityKind::Misc)
        && !ctx.text[ctx.tokens[first.end - 1].end..ctx.tokens[second.start].start].contains('\n')
        && (first.start..second.end).all(|i| {
            ctx.tokens[i].shape == Shape::Capitalized
                && ctx.word(i).chars().all(char::is_alphabetic)
        })
        && (first.start + 1..second.end).all(|i| !ctx.unreliable[i])
        // "Alaska Airlines Flight 1282": a word before a number goes with the number.
        && ctx
            .tokens
            .get(second.end)
            .is_none_or(|t| t.shape != Shape::Number)
}

/// Extends a name that is not a place over the company suffix after it, with or without a
/// comma ("Marvel Consultants, Inc.", "Aer Lingus Group PLC"), making it an organization, as
/// a name found with its suffix is ("EADS N.V.", which looks like a person's initials); a
/// suffix found as a name of its own goes. A suffix followed by a name is something else ("Co
/// Donegal"). `out` is sorted by position.
fn attach_company_suffixes(ctx: &Context, out: &mut Vec<Candidate>) {
    let mut attached: Vec<Candidate> = Vec::with_capacity(out.len());
    for mut candidate in out.drain(..) {
        let swallowed = attached
            .last()
            .is_some_and(|name| candidate.start < name.end);
        let lone_suffix =
            candidate.end == candidate.start + 1 && is_company_suffix(ctx, candidate.start);
        if swallowed || lone_suffix {
            continue;
        }
        if !matches!(candidate.kind, EntityKind::Gpe | EntityKind::Loc) {
            let after_comma = candidate.end < ctx.tokens.len() && ctx.word(candidate.end) == ",";
            let suffix = candidate.end + usize::from(after_comma);
            if is_company_suffix(ctx, suffix) {
                candidate.end = suffix + 1;
                candidate.kind = EntityKind::Org;
            } else if candidate.end - candidate.start >= 2
                && is_company_suffix(ctx, candidate.end - 1)
            {
                candidate.kind = EntityKind::Org;
            }
        }
        attached.push(candidate);
    }
    *out = attached;
}

/// True when token `i` is a company suffix that no name follows.
fn is_company_suffix(ctx: &Context, i: usize) -> bool {
    i < ctx.tokens.len()
        && LEXICON.company_suffixes.contains(ctx.word(i))
        && !ctx.tokens.get(i + 1).is_some_and(|t| t.is_name_like())
}

/// Extends an organization made of head words only ("League", "Assembly") over the title word
/// right before it: "Premier League", "General Assembly" are names, not a premier and a league.
fn take_title_into_organization(ctx: &Context, rules: &RuleView, candidate: &mut Candidate) {
    let only_heads = (candidate.start..candidate.end).all(|i| LEXICON.is_org_head(ctx.word(i)));
    if candidate.kind == EntityKind::Org
        && only_heads
        && candidate.start > 0
        && rules.is_title(candidate.start - 1)
        && ctx.tokens[candidate.start - 1].shape == Shape::Capitalized
    {
        candidate.start -= 1;
    }
}

/// True for a one-word tagged name whose capital is forced by its position and whose word is
/// almost never capitalized elsewhere ("AND Many Russian women"), when no rule supports it:
/// the rules would not start a name there either.
fn is_forced_common_word(ctx: &Context, rules: &RuleView, name: &Tagged) -> bool {
    name.end == name.start + 1
        && ctx.is_forced_common_word(name.start)
        && !rules.has_evidence_at(name.start, Evidence::Weak)
}

/// True when `name` follows `place` directly and completes it into an organization's name.
fn is_team_name(ctx: &Context, place: &Candidate, name: &Candidate) -> bool {
    if is_common_word_before_place(ctx, place, name) {
        return true;
    }
    let last = ctx.word(name.end - 1);
    let plural = is_plural_name_word(last);
    let headed = LEXICON.is_org_head(last);
    matches!(place.kind, EntityKind::Gpe | EntityKind::Loc)
        && name.start == place.end
        && matches!(
            name.kind,
            EntityKind::Misc | EntityKind::Org | EntityKind::Person
        )
        && (name.start..name.end).all(|i| ctx.tokens[i].shape == Shape::Capitalized)
        && (plural || headed)
}

/// True when `first` is an organization or a MISC name made of one common word ("Air") and a
/// place follows it directly: "Air India", "Air Canada" are airlines, not a word and a country.
/// A word that opens many place names makes a longer place instead ("Upper Egypt").
fn is_common_word_before_place(ctx: &Context, first: &Candidate, place: &Candidate) -> bool {
    matches!(first.kind, EntityKind::Org | EntityKind::Misc)
        && first.end == first.start + 1
        && place.start == first.end
        && matches!(place.kind, EntityKind::Gpe | EntityKind::Loc)
        && ctx.tokens[first.start].shape == Shape::Capitalized
        && !is_name_word(ctx, first.start)
        && !GAZETTEER.is_place_opener(ctx.word(first.start))
}

/// A capitalized plural that can end a team's or a paper's name ("Bruins", "Times"), not a
/// plural place word ("Heights", "Islands").
fn is_plural_name_word(word: &str) -> bool {
    word.len() >= 4
        && word.ends_with('s')
        && !word.ends_with("ss")
        && LEXICON.heads.get(word) != Some(&EntityKind::Loc)
}

/// Teams the tagger read as places: a place name that ends in a plural name after a known
/// place ("Pittsburgh Pirates" tagged as one place) becomes an organization, and a place
/// followed by capitalized words ending in a plural that no candidate covers ("Toronto" + "Blue
/// Jays") is extended over them. Only where capitals are reliable (not in Title-Case headings).
/// `out` is sorted by position.
fn place_teams(ctx: &Context, out: &mut [Candidate]) {
    for k in 0..out.len() {
        let candidate = out[k];
        if !matches!(candidate.kind, EntityKind::Gpe | EntityKind::Loc) {
            continue;
        }
        let next_start = out.get(k + 1).map_or(ctx.tokens.len(), |c| c.start);
        let team_end = if ends_in_team_word(ctx, candidate.start, candidate.end) {
            Some(candidate.end)
        } else {
            untagged_team_words_end(ctx, candidate.end, next_start)
        };
        if let Some(end) = team_end {
            out[k] = Candidate {
                end,
                kind: EntityKind::Org,
                evidence: Evidence::Cue,
                ..candidate
            };
        }
    }
}

/// True when tokens `[start, end)` are a known place followed by capitalized words ending in
/// a plural name word.
fn ends_in_team_word(ctx: &Context, start: usize, end: usize) -> bool {
    end - start >= 2
        && is_reliable_plural(ctx, end - 1)
        && (start + 1..end).any(|split| {
            GAZETTEER.is_place((start..split).map(|i| ctx.word(i)))
                && (split..end).all(|i| ctx.tokens[i].shape == Shape::Capitalized)
        })
}

/// The end of the capitalized words from token `start` (before `limit`) when they end in a
/// plural name word, at most three of them.
fn untagged_team_words_end(ctx: &Context, start: usize, limit: usize) -> Option<usize> {
    let end = (start..limit.min(start + 3))
        .take_while(|&i| ctx.tokens[i].shape == Shape::Capitalized)
        .last()?
        + 1;
    is_reliable_plural(ctx, end - 1).then_some(end)
}

fn is_reliable_plural(ctx: &Context, i: usize) -> bool {
    !ctx.unreliable[i] && is_plural_name_word(ctx.word(i))
}

/// True for a lone acronym where capitals are reliable ("the NHS", "the ECB") or in brackets
/// (after the name it abbreviates: "Singapore Airlines (SIA)"), unless it is used as a common
/// noun ("the CEO", "GDP": `common_acronyms.txt`), is a Roman numeral ("World War II") or a
/// common lower-case word in capitals for emphasis ("at VERY low prices"). Two letters or
/// more, letters only.
fn is_organization_acronym(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    let roman = word.chars().all(|c| "IVXLCDM".contains(c));
    let emphasis = crate::tagger::is_common_lowercase_word(word);
    ctx.tokens[i].shape == Shape::Upper
        && (!ctx.unreliable[i] || ctx.is_bracketed(i))
        && word.len() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !roman
        && !emphasis
        && !LEXICON.common_acronyms.contains(word)
}

/// True when the tagged name is one acronym ([`is_organization_acronym`]) of three or four
/// letters that neither the gazetteers nor the person-name lists know: a place's or a
/// person's short name is rarely one (two letters are often a state's code, "MA"; five a
/// surname in capitals, "ALITO").
fn is_unknown_acronym(ctx: &Context, rules: &RuleView, name: &Tagged) -> bool {
    let word = ctx.word(name.start);
    name.end == name.start + 1
        && (3..=4).contains(&word.len())
        && is_organization_acronym(ctx, name.start)
        && !rules.has_known_name(name.start, name.end)
        && !is_given_name(word)
        && !is_common_surname(word)
}

/// The initials of the multi-word organization names found ("PAC" for "Pan Arctic Council"),
/// so that an acronym the rules saw but the tagger did not is kept when it stands for one.
fn initials_of_organizations(ctx: &Context, found: &[Candidate]) -> Vec<String> {
    found
        .iter()
        .filter(|c| c.kind == EntityKind::Org && c.end - c.start >= 2)
        .map(|c| {
            initials(
                (c.start..c.end)
                    .filter(|&i| ctx.tokens[i].is_name_like())
                    .map(|i| ctx.word(i)),
            )
        })
        .collect()
}

/// The tagged names of a document by token, with the number of rule candidates each one
/// overlaps, so that [`inside_longer_name`] is one lookup (tagged names never overlap).
struct TaggedIndex<'t> {
    names: &'t [Tagged],
    /// Per token: the tagged name covering it.
    at: Vec<Option<usize>>,
    /// Per tagged name: how many rule candidates overlap it.
    overlaps: Vec<usize>,
}

impl<'t> TaggedIndex<'t> {
    fn new(tokens: usize, names: &'t [Tagged], candidates: &[Candidate]) -> Self {
        let mut at = vec![None; tokens];
        for (k, name) in names.iter().enumerate() {
            at[name.start..name.end].fill(Some(k));
        }
        let mut overlaps = vec![0; names.len()];
        for candidate in candidates {
            let mut last = None;
            for &k in at[candidate.start..candidate.end].iter().flatten() {
                if last != Some(k) {
                    overlaps[k] += 1;
                    last = Some(k);
                }
            }
        }
        TaggedIndex {
            names,
            at,
            overlaps,
        }
    }
}

/// True when `candidate` is the only rule candidate in a longer name the tagger found, and
/// that name wins: a known place or nationality inside an organization or place name
/// ("France" in "Air France", "Chicago" in "University of Chicago", "Mexico" in "New
/// Mexico"), an organization inside an organization ("United" in "United Auto Workers"), or a
/// person's name the tagger extends with more name words ("Matt Le" in "Matt Le Tissier").
/// Two candidates in one tagged name ("Russia-Ukraine") stay as they are.
fn inside_longer_name(ctx: &Context, candidate: &Candidate, tagged: &TaggedIndex) -> bool {
    let Some(k) = tagged.at[candidate.start] else {
        return false;
    };
    let name = tagged.names[k];
    let strictly_inside = candidate.end <= name.end
        && name.end - name.start > candidate.end - candidate.start
        && tagged.overlaps[k] == 1;
    strictly_inside
        && match candidate.kind {
            EntityKind::Gpe | EntityKind::Loc | EntityKind::Norp => name.label != 0,
            EntityKind::Org => name.label == 1,
            EntityKind::Person => {
                name.label == 0
                    && (name.start..name.end)
                        .filter(|i| !(candidate.start..candidate.end).contains(i))
                        .all(|i| is_name_word(ctx, i))
            }
            EntityKind::Misc => false,
        }
}

/// Cuts a tagged name where it joins two names: at a lower-case "and" ("Northrop Grumman and
/// Airbus"), unless the name has a complement before it ("Bank of Scotland and Wales") or an
/// organization head word after it ("Bill and Melinda Gates Foundation"); at a possessive after
/// a word that is mostly written capitalized ("Apple Computer's iTunes"), not after common
/// words only ("People's Republic"); and at any other lower-case word that is no connector or
/// name particle ("Microsoft Search using Encarta"; the titles of works that MISC names are
/// keep theirs).
fn split_joined_names(ctx: &Context, name: Tagged) -> Vec<Tagged> {
    let mut pieces = Vec::new();
    let mut start = name.start;
    let mut complement = false;
    for i in name.start..name.end {
        let word = ctx.word(i);
        complement |= COMPLEMENT_CONNECTORS.contains(&word);
        let cut = match ctx.tokens[i].shape {
            _ if word == "and" && complement => second_body_after_and(ctx, i, name.end),
            _ if word == "and" => !has_org_head(ctx, i + 1, name.end),
            Shape::Punct => is_possessive(word) && (start..i).any(|j| is_name_word(ctx, j)),
            Shape::Lower => name.label != MISC_LABEL && !may_join_name(word),
            _ => false,
        };
        if cut {
            if start < i {
                pieces.push(Tagged {
                    start,
                    end: i,
                    ..name
                });
            }
            start = i + 1;
        }
    }
    if start < name.end {
        pieces.push(Tagged { start, ..name });
    }
    pieces
}

/// The tagger's label of MISC names.
const MISC_LABEL: u8 = 3;

/// Lower-case words that names contain: complement connectors ("Bank of America"), name
/// particles ("Ludwig van Beethoven"), Arabic articles ("Mohammed al-Jadaan" written "al -
/// Jadaan") and a few more ("Newcastle upon Tyne", "Frankfurt am Main").
fn may_join_name(word: &str) -> bool {
    COMPLEMENT_CONNECTORS.contains(&word)
        || PARTICLES.contains(&word)
        || matches!(
            word,
            "the" | "upon" | "am" | "an" | "sur" | "en" | "et" | "al" | "el"
        )
}

/// True when token `i` is a word mostly written capitalized, or one the word statistics do
/// not know: a name's word, not a common one.
fn is_name_word(ctx: &Context, i: usize) -> bool {
    ctx.tokens[i].is_name_like() && super::is_mostly_capitalized(ctx.word(i))
}

/// True when the name ending before token `end` ends in a capitalized common word that is
/// neither a given name nor a surname of the lists: a company's or a product's ("Douglas
/// Aircraft", "Devil Rays"), hardly a person's ("Gordon Brown" ends in a surname).
fn ends_in_common_noun(ctx: &Context, end: usize) -> bool {
    let last = end - 1;
    let word = ctx.word(last);
    ctx.tokens[last].shape == Shape::Capitalized
        && !ctx.unreliable[last]
        && crate::tagger::is_common_lowercase_word(word)
        && !is_name_word(ctx, last)
        && !is_any_given_name(word)
        && !is_common_surname(word)
}

fn has_org_head(ctx: &Context, start: usize, end: usize) -> bool {
    (start..end).any(|i| LEXICON.is_org_head(ctx.word(i)))
}

/// A name without what names never include: a leading title ("Mrs", "President", "Foreign
/// Minister"; organizations keep theirs: "General Motors", "Major League Baseball"), leading
/// punctuation (the hyphen of "Russia-Ukraine"), leading function words ("Today" of "Today
/// Apple", "The" of "The Davis Cup"; organizations may own theirs: "The Hockey News", "First
/// Union"),
/// and trailing punctuation (the possessive "’s"), lower-case words ("of herring" in "empty
/// the Baltic of herring": a name may have "of" inside but never ends in it) or months and
/// weekdays ("on Tuesday" after "Boeing Commercial Airplanes"). None when nothing is left,
/// when only an organization's "The" is, or when an organization is only the first words of a
/// title.
fn trim(ctx: &Context, rules: &RuleView, mut name: Tagged) -> Option<Tagged> {
    let organization = name.label == 1;
    let title = |i: usize| !organization && rules.is_title(i);
    let function_word =
        |i: usize| !organization && LEXICON.is_sentence_starter(ctx.word(i), ctx.unreliable[i]);
    while name.start < name.end
        && (title(name.start) || !ctx.tokens[name.start].is_word() || function_word(name.start))
    {
        name.start += 1;
    }
    while name.start < name.end
        && (matches!(ctx.tokens[name.end - 1].shape, Shape::Punct | Shape::Lower)
            || LEXICON.is_non_name(ctx.word(name.end - 1)))
    {
        name.end -= 1;
    }
    // A name never ends inside a title: "Israeli Prime" of "Israeli Prime Minister Benjamin
    // Netanyahu" is "Israeli".
    while name.start < name.end && rules.continues_title(name.end) {
        name.end -= 1;
    }
    // An organization of title words that a title continues is a piece of that title
    // ("Deputy" of "Deputy Foreign Minister").
    let title_piece =
        organization && (name.start..=name.end).all(|i| i < ctx.tokens.len() && rules.is_title(i));
    // "The" cut off "New York Times".
    let lone_function_word = name.end == name.start + 1
        && LEXICON.is_sentence_starter(ctx.word(name.start), ctx.unreliable[name.start]);
    (name.start < name.end && !title_piece && !lone_function_word).then_some(name)
}

#[cfg(test)]
mod tests {
    /// The names found in `text`, as "KIND name".
    fn names(text: &str) -> Vec<String> {
        crate::find_mentions(text, &crate::split_sentences(text))
            .iter()
            .map(|m| format!("{} {}", m.kind.label(), m.span.slice(text)))
            .collect()
    }

    /// The index of the first token of `ctx` that is `word`.
    fn token_of(ctx: &crate::entities::Context, word: &str) -> usize {
        (0..ctx.tokens.len())
            .find(|&i| ctx.word(i) == word)
            .unwrap_or_else(|| panic!("no token {word:?}"))
    }

    #[test]
    fn a_quoted_nickname_joins_the_names_around_it_into_one_person() {
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind;
        let joined = |text: &str, found: &[(usize, usize, EntityKind, Evidence)]| {
            let ctx = Context::new(text, &crate::split_sentences(text));
            let mut out = Candidate::from_tuples(found);
            super::join_nicknames(&ctx, &mut out);
            out.iter()
                .map(|c| format!("{} {}", c.kind.label(), ctx.slice(c.start, c.end)))
                .collect::<Vec<_>>()
        };
        let person = (0, 2, EntityKind::Person, Evidence::Model);
        assert_eq!(
            joined(
                "Tarvo Essen \"Cowboy\" Varga left.",
                &[
                    person,
                    (3, 4, EntityKind::Misc, Evidence::Model),
                    (5, 6, EntityKind::Org, Evidence::Model),
                ],
            ),
            ["PERSON Tarvo Essen \"Cowboy\" Varga"]
        );
        // A quoted word then a verb: a quotation, not a nickname.
        assert_eq!(
            joined(
                "Tarvo Essen \"Yes\" said Varga.",
                &[person, (6, 7, EntityKind::Person, Evidence::Model)],
            ),
            ["PERSON Tarvo Essen", "PERSON Varga"]
        );
    }

    #[test]
    fn a_rule_name_inside_a_longer_tagged_name_gives_way_to_it() {
        use super::{inside_longer_name, Tagged, TaggedIndex};
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Gpe, Org, Person};
        let tagged = |spans: &[(usize, usize, u8)]| -> Vec<Tagged> {
            spans
                .iter()
                .map(|&(start, end, label)| Tagged { start, end, label })
                .collect()
        };
        let text = "Air France , United Auto Workers and Tarvo Varga .";
        let ctx = Context::new(text, &crate::split_sentences(text));
        // "Air France", "United Auto Workers" (ORG) and a two-word person.
        let names = tagged(&[(0, 2, 1), (3, 6, 1), (7, 9, 0)]);
        let candidates = Candidate::from_tuples(&[
            (1, 2, Gpe, Evidence::Lexicon),
            (3, 4, Org, Evidence::Cue),
            (8, 9, Org, Evidence::Cue),
        ]);
        let index = TaggedIndex::new(ctx.tokens.len(), &names, &candidates);
        assert!(inside_longer_name(&ctx, &candidates[0], &index));
        assert!(inside_longer_name(&ctx, &candidates[1], &index));
        // An organization inside a person's name keeps its place.
        assert!(!inside_longer_name(&ctx, &candidates[2], &index));
        // A person the tagger extends by a name word, not by a common word.
        let text = "Mira Le Varga met Ivo Kessel today .";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let names = tagged(&[(0, 3, 0), (4, 7, 0)]);
        let candidates =
            Candidate::from_tuples(&[(0, 2, Person, Evidence::Cue), (4, 6, Person, Evidence::Cue)]);
        let index = TaggedIndex::new(ctx.tokens.len(), &names, &candidates);
        assert!(inside_longer_name(&ctx, &candidates[0], &index));
        assert!(!inside_longer_name(&ctx, &candidates[1], &index));
    }

    #[test]
    fn a_word_joined_by_a_hyphen_without_spaces_belongs_to_the_name() {
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Gpe, Org, Person};
        let taken = |text: &str, found: &[(usize, usize, dossier_core::EntityKind)]| {
            let ctx = Context::new(text, &crate::split_sentences(text));
            let found: Vec<_> = found
                .iter()
                .map(|&(start, end, kind)| (start, end, kind, Evidence::Model))
                .collect();
            let mut out = Candidate::from_tuples(&found);
            super::take_hyphenated_words(&ctx, &mut out);
            out.iter()
                .map(|c| format!("{} {}", c.kind.label(), ctx.slice(c.start, c.end)))
                .collect::<Vec<_>>()
        };
        // Either half found: the name takes the other.
        assert_eq!(
            taken("They shop at Varmo-Kessel daily.", &[(3, 4, Org)]),
            ["ORG Varmo-Kessel"]
        );
        assert_eq!(
            taken("They shop at Varmo-Kessel daily.", &[(5, 6, Org)]),
            ["ORG Varmo-Kessel"]
        );
        // Two names so joined stay two; a spaced hyphen is a dash; common words stay out.
        assert_eq!(
            taken("The Varmo-Kessel talks.", &[(1, 2, Gpe), (3, 4, Gpe)]),
            ["GPE Varmo", "GPE Kessel"]
        );
        assert_eq!(
            taken("They met in Varmo - Kessel spoke.", &[(3, 4, Gpe)]),
            ["GPE Varmo"]
        );
        assert_eq!(taken("An Anti-Varmo rally.", &[(3, 4, Gpe)]), ["GPE Varmo"]);
        // A person's name takes a lower-case syllable, not an English word.
        assert_eq!(
            taken(
                "Kim Young-sam met Kessel-backed rebels.",
                &[(0, 2, Person), (5, 6, Person)]
            ),
            ["PERSON Kim Young-sam", "PERSON Kessel"]
        );
        assert_eq!(
            taken("Varmo-ul-Tarsk met them.", &[(0, 1, Person)]),
            ["PERSON Varmo-ul-Tarsk"]
        );
    }

    #[test]
    fn a_group_word_is_a_group_and_a_surname_is_not() {
        use crate::entities::typing::is_group_word;
        use crate::entities::Context;
        let text = "The Athenians fled, and a large Macedonian army came. Petrosian said \
                    the Varnic script was old. The Tarvanian city burned. Then Dorian \
                    left.";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let group = |word: &str| is_group_word(&ctx, token_of(&ctx, word));
        assert!(group("Athenians"));
        assert!(group("Macedonian"));
        assert!(group("Varnic"));
        // After a sentence-initial determiner too.
        assert!(group("Tarvanian"));
        // An "-ian" word opening a clause is more likely a surname.
        assert!(!group("Petrosian"));
        assert!(!group("Dorian"));
    }

    #[test]
    fn a_fragment_beside_a_name_is_part_of_it_but_a_nationality_after_one_is_not() {
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Gpe, Misc, Norp, Org, Person};
        let text = "They met the British Isles team, the Fiji Indian vote and Russian Lavrov \
                    at Major League Baseball.";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let [british, fiji, russian, major] =
            ["British", "Fiji", "Russian", "Major"].map(|word| token_of(&ctx, word));
        let model = Evidence::Model;
        let mut found = Candidate::from_tuples(&[
            (british, british + 1, Norp, model),
            (british + 1, british + 2, Misc, model),
            (fiji, fiji + 1, Gpe, model),
            (fiji + 1, fiji + 2, Norp, model),
            (russian, russian + 1, Norp, model),
            (russian + 1, russian + 2, Person, model),
            (major, major + 2, Org, model),
            (major + 2, major + 3, Misc, model),
        ]);
        super::join_fragments(&ctx, &mut found);
        let names: Vec<String> = found
            .iter()
            .map(|c| format!("{} {}", c.kind.label(), ctx.slice(c.start, c.end)))
            .collect();
        assert_eq!(
            names,
            [
                "MISC British Isles",
                "GPE Fiji",
                "NORP Indian",
                "NORP Russian",
                "PERSON Lavrov",
                "ORG Major League Baseball"
            ]
        );
    }

    #[test]
    fn a_forced_capital_on_a_common_word_is_no_name() {
        use super::{is_forced_common_word, Tagged};
        use crate::entities::{rules::RuleView, Context};
        let forced = |text: &str, word: usize| {
            let ctx = Context::new(text, &crate::split_sentences(text));
            let rules = RuleView::new(&ctx);
            let name = Tagged {
                start: word,
                end: word + 1,
                label: 0,
            };
            is_forced_common_word(&ctx, &rules, &name)
        };
        // "Many" after a shouted opener; "Cotton" is capitalized often enough to be a name;
        // a common word inside a sentence keeps its capital's meaning.
        assert!(forced("AND Many women live there.", 1));
        assert!(!forced("Cotton was born in 1832.", 0));
        assert!(!forced("They met Many at noon.", 2));
        // In capitals the shape says nothing, not even of a common word.
        assert!(!forced("MANY TROOPS LEFT THE BASE.", 0));
    }

    #[test]
    fn places_read_into_teams_become_organizations() {
        use super::place_teams;
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Gpe, Org};
        let text = "He joined the Pittsburgh Pirates, then the Toronto Blue Jays in Los Angeles.";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let span = |words: &str| {
            let start = ctx
                .tokens
                .iter()
                .position(|t| text[t.start..].starts_with(words));
            let start = start.expect(words);
            let end = start + words.split(' ').count();
            Candidate {
                start,
                end,
                kind: Gpe,
                evidence: Evidence::Model,
            }
        };
        let mut found = [
            span("Pittsburgh Pirates"),
            span("Toronto"),
            span("Los Angeles"),
        ];
        place_teams(&ctx, &mut found);
        let read: Vec<(&str, _)> = found
            .iter()
            .map(|c| (ctx.slice(c.start, c.end), c.kind))
            .collect();
        assert_eq!(
            read,
            [
                ("Pittsburgh Pirates", Org),
                ("Toronto Blue Jays", Org),
                ("Los Angeles", Gpe)
            ]
        );
    }

    #[test]
    fn tagged_names_are_cut_where_they_join_two_names() {
        use super::{split_joined_names, Tagged};
        use crate::entities::Context;
        let pieces = |text: &str| {
            let ctx = Context::new(text, &crate::split_sentences(text));
            let whole = Tagged {
                start: 0,
                end: ctx.tokens.len() - 1,
                label: 1,
            };
            split_joined_names(&ctx, whole)
                .iter()
                .map(|t| ctx.slice(t.start, t.end).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            pieces("Northrop Grumman and Airbus."),
            ["Northrop Grumman", "Airbus"]
        );
        assert_eq!(
            pieces("Boeing's Launch Systems."),
            ["Boeing", "Launch Systems"]
        );
        // A complement or a head word after "and" keeps the name whole, as does a possessive
        // after a common word.
        assert_eq!(
            pieces("Bank of Scotland and Wales."),
            ["Bank of Scotland and Wales"]
        );
        assert_eq!(
            pieces("Health and Hospitals Corporation."),
            ["Health and Hospitals Corporation"]
        );
        assert_eq!(
            pieces("People's Republic of Kordavia."),
            ["People's Republic of Kordavia"]
        );
        assert_eq!(
            pieces("Varnex Search using Encarta."),
            ["Varnex Search", "Encarta"]
        );
        assert_eq!(pieces("Newcastle upon Tyne."), ["Newcastle upon Tyne"]);
    }

    #[test]
    fn company_suffixes_belong_to_the_name_before_them() {
        assert_eq!(
            names("It hired Kessler Holdings, Inc. and Aer Lingus Group PLC in May."),
            ["ORG Kessler Holdings, Inc.", "ORG Aer Lingus Group PLC"]
        );
        // Found with its suffix, a name is an organization, not a person with initials.
        assert_eq!(
            names("EADS N.V. said on Friday it would appeal."),
            ["ORG EADS N.V."]
        );
        // Not after a place, nor before a name.
        assert_eq!(
            names("They met in Adelaide, SA and in Letterkenny, Co Donegal."),
            ["GPE Adelaide", "GPE Letterkenny", "GPE Co Donegal"]
        );
    }

    #[test]
    fn a_lone_acronym_is_an_organization_unless_a_common_noun() {
        assert_eq!(
            names("The DFB and the NHS hired a CEO for chapter II at VERY low cost."),
            ["ORG DFB", "ORG NHS"]
        );
        assert!(names("It flies Singapore Airlines (SIA) jets.").contains(&"ORG SIA".to_string()));
        // Whatever the tagger thought of it, unless a list knows it as a place or a name.
        assert_eq!(
            names("Northrop Grumman and Airbus parent EADS defeat Boeing for a contract."),
            [
                "ORG Northrop Grumman",
                "ORG Airbus",
                "ORG EADS",
                "ORG Boeing"
            ]
        );
        assert_eq!(names("The contract went to EADS on Friday."), ["ORG EADS"]);
        assert_eq!(names("They flew to the UAE on Friday."), ["GPE UAE"]);
    }

    #[test]
    fn a_name_ending_in_a_common_word_is_no_person() {
        assert_eq!(
            names("He pitched for the Devil Rays in 2003."),
            ["ORG Devil Rays"]
        );
        assert_eq!(
            names("She founded Tarvel Forums in 2007."),
            ["ORG Tarvel Forums"]
        );
        // A surname that is also a common word is still a surname.
        assert_eq!(
            names("The report was written by Gordon Brown in 2003."),
            ["PERSON Gordon Brown"]
        );
    }

    #[test]
    fn a_tagged_name_never_ends_inside_a_title() {
        use super::{trim, Tagged};
        use crate::entities::rules::RuleView;
        use crate::entities::Context;
        let text = "Israeli Prime Minister Tarvo Kessel met reporters .";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let rules = RuleView::new(&ctx);
        let trimmed = |start, end| {
            trim(
                &ctx,
                &rules,
                Tagged {
                    start,
                    end,
                    label: 1,
                },
            )
        };
        // "Israeli Prime" loses "Prime"; a title word alone is no name.
        assert_eq!(
            trimmed(0, 2),
            Some(Tagged {
                start: 0,
                end: 1,
                label: 1
            })
        );
        assert_eq!(trimmed(1, 2), None);
        assert_eq!(
            trimmed(3, 5),
            Some(Tagged {
                start: 3,
                end: 5,
                label: 1
            })
        );
    }

    #[test]
    fn a_function_word_opening_a_tagged_name_is_not_part_of_it() {
        let text =
            "During his speech he stated that `` Today Apple is going to reinvent the phone .";
        assert!(names(text).iter().all(|name| !name.contains("Today")));
    }

    #[test]
    fn a_capitalized_the_inside_a_sentence_opens_the_name_after_it() {
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::{Misc, Org};
        let text = "The Tarvel Times said it read The Tarvel News and the Tarvel Post.";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let model = Evidence::Model;
        let mut found = Candidate::from_tuples(&[
            (1, 3, Org, model),
            (7, 9, Org, model),
            (11, 13, Misc, model),
        ]);
        super::take_capitalized_article(&ctx, &mut found);
        let names: Vec<&str> = found.iter().map(|c| ctx.slice(c.start, c.end)).collect();
        // At the sentence start the capital is forced; a lower-case "the" is no part.
        assert_eq!(names, ["Tarvel Times", "The Tarvel News", "Tarvel Post"]);
    }

    #[test]
    fn a_numeral_one_after_a_person_is_regnal_unless_a_pronoun_may_follow() {
        use crate::entities::{Candidate, Context, Evidence};
        use dossier_core::EntityKind::Person;
        let text = "Then Tarvel I accepted it, and Varnok I think left.";
        let ctx = Context::new(text, &crate::split_sentences(text));
        let mut found = Candidate::from_tuples(&[
            (1, 2, Person, Evidence::Model),
            (7, 8, Person, Evidence::Model),
        ]);
        super::take_regnal_one(&ctx, &mut found);
        let names: Vec<&str> = found.iter().map(|c| ctx.slice(c.start, c.end)).collect();
        assert_eq!(names, ["Tarvel I", "Varnok"]);
    }

    #[test]
    fn a_weekday_after_a_name_is_not_part_of_it() {
        assert_eq!(
            names("Boeing Commercial Airplanes on Tuesday said it would build a plane."),
            ["ORG Boeing Commercial Airplanes"]
        );
    }

    #[test]
    fn a_place_and_a_plural_name_make_a_team() {
        assert_eq!(
            names("The Boston Bruins beat the Vancouver Canucks on Sunday."),
            ["ORG Boston Bruins", "ORG Vancouver Canucks"]
        );
        assert_eq!(
            names("Troops withdrew from the Golan Heights."),
            ["LOC Golan Heights"]
        );
        assert_eq!(
            names("He played in the Premier League and then joined the US Navy."),
            ["ORG Premier League", "ORG US Navy"]
        );
        assert_eq!(
            names("The airline Air Canada said it would buy jets."),
            ["ORG Air Canada"]
        );
        assert_eq!(
            names("Air China and Air India will order more jets."),
            ["ORG Air China", "ORG Air India"]
        );
        // A word that opens many place names makes no airline.
        let places = names("Rebels control Upper Egypt and New France.");
        assert!(
            places.iter().all(|name| !name.starts_with("ORG")),
            "{places:?}"
        );
    }
}
