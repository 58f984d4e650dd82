//! Who did what to whom: participants and place of one trigger, read from word order.
//!
//! The names of the trigger's clause are split at the trigger. Before it stands the subject: the
//! nearest name within a few words plus the names coordinated with it ("X, Y and Z met"). After
//! it stands the object: the first name within a few words, plus its coordinated names.
//! Passives ("was hosted by X") and inverse triggers ("received praise from X") swap the two
//! sides; a verb coordinated with the previous trigger ("X hosted Y and received ...") shares
//! its subject; a noun trigger after a determiner ("a meeting with") has no subject. A place
//! name after a locative word ("in Moscow"), or right after a trigger of a `place_object` type
//! ("visited Moscow"), is the place, not a participant. Names inside a quote only take part in
//! triggers inside the same quote. Everything is bounded by the clause, so the work per trigger
//! is small.

use dossier_core::{EntityKind, Mention, Role};

use crate::lexicon::{WordClass, LEXICON};
use crate::sentence::{has_phrase_break, is_participant_kind, is_place_kind, words, Hit, View};

/// At most this many names on one side of a trigger.
const MAX_GROUP: usize = 4;
/// The object must start within this many words after the trigger.
const MAX_OBJECT_GAP: usize = 6;
/// The subject must end within this many words before the trigger.
const MAX_SUBJECT_GAP: usize = 6;
/// The object of a `place_object` trigger must follow it within this many words.
const MAX_PLACE_OBJECT_GAP: usize = 2;

/// The participants and place found for one trigger.
#[derive(Debug, Default, Clone)]
pub(crate) struct Roles<'a> {
    pub agents: Vec<&'a Mention>,
    pub objects: Vec<&'a Mention>,
    pub place: Option<&'a Mention>,
    /// The names before the trigger (the grammatical subject), shared with a following
    /// coordinated verb ("X hosted Y, and received ...").
    pub subject: Vec<&'a Mention>,
}

impl<'a> Roles<'a> {
    /// The participants with their roles: agents first, then objects; no mention twice.
    pub fn participants(&self, object_role: Role) -> Vec<(&'a Mention, Role)> {
        let mut out: Vec<(&Mention, Role)> = Vec::new();
        let tagged = self
            .agents
            .iter()
            .map(|m| (*m, Role::Agent))
            .chain(self.objects.iter().map(|m| (*m, object_role)));
        for (m, role) in tagged {
            let is_place = self.place.is_some_and(|p| p.span == m.span);
            if !is_place && !out.iter().any(|(o, _)| o.span == m.span) {
                out.push((m, role));
            }
        }
        out
    }
}

/// Finds the roles of trigger `index` of the sentence; `previous` are the roles of the trigger
/// before it, if any.
pub(crate) fn find_roles<'a>(
    view: &View<'a>,
    index: usize,
    previous: Option<&Roles<'a>>,
) -> Roles<'a> {
    let hit = &view.hits[index];
    let event_type = &LEXICON.types[hit.trigger.event_type];
    let quote = view.quote_of(hit.span);
    let eligible: Vec<&Mention> = view
        .mentions_in(hit.clause)
        .iter()
        .copied()
        .filter(|m| hit.clause.contains(m.span) && view.quote_of(m.span) == quote)
        .collect();
    let split = eligible.partition_point(|m| m.span.end <= hit.span.start);
    let before = &eligible[..split];
    let after: Vec<&Mention> = eligible[split..]
        .iter()
        .copied()
        .filter(|m| m.span.start >= hit.span.end)
        .collect();

    let subject = match previous.filter(|p| !p.subject.is_empty()) {
        Some(previous) if shares_subject(view, hit, before) => previous.subject.clone(),
        _ if after_determiner(view, hit) => Vec::new(),
        _ => left_group(view, hit, before),
    };

    let mut place = None;
    let mut first_object = None;
    if event_type.place_object {
        // "visited Moscow", "arrived in Moscow": the name right after is the place or object.
        if let Some(&m) = after.first().filter(|m| {
            let gap = view.slice(hit.span.end, m.span.start);
            words(gap).count() <= MAX_PLACE_OBJECT_GAP && !has_phrase_break(gap)
        }) {
            if is_place_kind(m.kind) {
                place = Some(m);
            } else if is_participant_kind(m.kind) {
                first_object = Some(m);
            }
        }
    }
    place = place.or_else(|| {
        after
            .iter()
            .copied()
            .find(|m| is_place_kind(m.kind) && after_locative(view, hit, m))
    });
    place = place.or_else(|| place_before(view, hit, before, &subject));

    let objects_side: Vec<&Mention> = after
        .iter()
        .copied()
        .filter(|m| {
            is_participant_kind(m.kind)
                && place.is_none_or(|p| p.span != m.span)
                && !after_locative(view, hit, m)
        })
        .collect();
    let right = |accept: &dyn Fn(&Mention) -> bool| right_group(view, hit, &objects_side, accept);

    let by_agent = (subject.is_empty() && !hit.trigger.inverse && !is_passive(view, hit))
        .then(|| agent_after_by(view, hit, &objects_side))
        .flatten();
    let (agents, objects) = if let Some(agent) = by_agent {
        // "the massacre in X carried out by Y": Y acts; the objects are the other names.
        let objects = right(&|m| m.span != agent.span && !is_adjective(view, m));
        (
            vec![agent],
            objects
                .into_iter()
                .filter(|m| m.span.start < agent.span.start)
                .collect(),
        )
    } else if hit.trigger.inverse {
        (right(&|m| !is_adjective(view, m)), subject.clone())
    } else if is_passive(view, hit) {
        let by = |m: &Mention| {
            words(view.slice(hit.clause.start, m.span.start))
                .next_back()
                .is_some_and(|w| LEXICON.is(w, WordClass::By))
        };
        (right(&by), subject.clone())
    } else if event_type.speech {
        // "..., said X and Y": the speaker may follow a speech trigger.
        let agents = if subject.is_empty() {
            let close = |m: &Mention| words(view.slice(hit.span.end, m.span.start)).count() <= 3;
            right(&|_| true).into_iter().filter(|m| close(m)).collect()
        } else {
            subject.clone()
        };
        (agents, Vec::new())
    } else if event_type.object_role.is_none() {
        (subject.clone(), Vec::new())
    } else if event_type.place_object {
        (subject.clone(), first_object.into_iter().collect())
    } else {
        (subject.clone(), right(&|m| !is_adjective(view, m)))
    };
    Roles {
        agents,
        objects,
        place,
        subject,
    }
}

/// The nearest name before the trigger (within a few words) plus the names coordinated with
/// it, in text order. A comma joins names only in a list that ends with "and" ("X, Y and Z"),
/// so an apposition ("the head of the bureau, X, visited") keeps only X.
fn left_group<'a>(view: &View<'a>, hit: &Hit, before: &[&'a Mention]) -> Vec<&'a Mention> {
    let candidates: Vec<&Mention> = before
        .iter()
        .copied()
        .filter(|m| is_participant_kind(m.kind) && !after_locative(view, hit, m))
        .collect();
    let Some(&nearest) = candidates.last() else {
        return Vec::new();
    };
    if is_attributive(view, hit, nearest) {
        // "The Freedonian fisheries agency welcomed ...": the agency acts, not Freedonia; the
        // agent stays unnamed rather than borrowing a name from further back.
        return Vec::new();
    }
    if words(view.slice(nearest.span.end, hit.span.start)).count() > MAX_SUBJECT_GAP {
        return Vec::new();
    }
    let mut group = vec![nearest];
    let mut seen_and = false;
    for pair in candidates.windows(2).rev() {
        if group.len() >= MAX_GROUP {
            break;
        }
        match coordination(view.slice(pair[0].span.end, pair[1].span.start)) {
            Some(true) => seen_and = true,
            Some(false) if seen_and => {}
            _ => break,
        }
        group.push(pair[0]);
    }
    group.reverse();
    group
}

/// The first name after the trigger (within a few words) that `accept`s, plus the names
/// coordinated with it. "Hamas leader X" and "Hamas's then-leader, X" yield X: an organisation
/// or country followed by a person's name through title words is a modifier of that name.
fn right_group<'a>(
    view: &View<'a>,
    hit: &Hit,
    after: &[&'a Mention],
    accept: &dyn Fn(&Mention) -> bool,
) -> Vec<&'a Mention> {
    let Some(mut first) = after.iter().position(|m| accept(m)) else {
        return Vec::new();
    };
    let gap = view.slice(hit.span.end, after[first].span.start);
    // A general event word followed by "that" opens a clause ("allegations that X ..."): the
    // names in it are that clause's, not the trigger's objects.
    let opens_clause = hit.trigger.minor && words(gap).any(|w| w.eq_ignore_ascii_case("that"));
    if words(gap).count() > MAX_OBJECT_GAP || has_phrase_break(gap) || opens_clause {
        return Vec::new();
    }
    while let Some(next) = after.get(first + 1) {
        if next.kind == EntityKind::Person
            && after[first].kind != EntityKind::Person
            && is_title_gap(view.slice(after[first].span.end, next.span.start))
        {
            first += 1;
        } else {
            break;
        }
    }
    let mut group = vec![after[first]];
    let mut pending = Vec::new();
    for pair in after[first..].windows(2) {
        if group.len() + pending.len() >= MAX_GROUP {
            break;
        }
        match coordination(view.slice(pair[0].span.end, pair[1].span.start)) {
            Some(true) => {
                group.append(&mut pending);
                group.push(pair[1]);
            }
            Some(false) => pending.push(pair[1]),
            None => break,
        }
    }
    group
}

/// A place before the trigger ("In Ostrava, X met Y"): after a locative word, before the
/// subject, the first name of a clause that does not follow another trigger, within its first
/// words.
fn place_before<'a>(
    view: &View<'a>,
    hit: &Hit,
    before: &[&'a Mention],
    subject: &[&Mention],
) -> Option<&'a Mention> {
    let subject_start = subject.first().map_or(hit.span.start, |m| m.span.start);
    let m = *before.iter().find(|m| is_participant_kind(m.kind))?;
    let opens_clause = words(view.slice(hit.clause.start, m.span.start)).count() <= 3
        && !view.hits.iter().any(|h| h.span.end == hit.clause.start);
    (opens_clause
        && is_place_kind(m.kind)
        && m.span.end <= subject_start
        && after_locative(view, hit, m))
    .then_some(m)
}

/// `Some(true)` when `gap` joins two names with "and" (", and", "&"), `Some(false)` when it is
/// a bare comma, `None` when the names are not coordinated.
fn coordination(gap: &str) -> Option<bool> {
    let mut gap_words = words(gap);
    match (gap_words.next(), gap_words.next()) {
        (None, _) if gap.trim() == "," => Some(false),
        (Some(w), None) if LEXICON.is(w, WordClass::Coord) && !gap.contains([';', ':', '.']) => {
            Some(true)
        }
        _ => None,
    }
}

/// True when `gap` holds only a few title or capitalised words ("leader", "President"), or a
/// possessive with a title set off by commas ("'s then-leader,").
fn is_title_gap(gap: &str) -> bool {
    let trimmed = gap.trim_start();
    let possessive = trimmed.starts_with("'s") || trimmed.starts_with("’s");
    let rest = if possessive {
        &trimmed[trimmed.find('s').map_or(0, |i| i + 1)..]
    } else {
        gap
    };
    if has_phrase_break(&rest.replace(',', "")) || !possessive && has_phrase_break(gap) {
        return false;
    }
    let mut count = 0;
    for word in words(rest) {
        count += 1;
        let head = word.rsplit('-').next().unwrap_or(word);
        let capitalised = head.chars().next().is_some_and(char::is_uppercase);
        if count > 3 || !(capitalised || LEXICON.is(head, WordClass::Title)) {
            return false;
        }
    }
    true
}

/// The actor of a noun trigger named after a participle and "by" ("the massacre in X carried
/// out by Y", "an attack launched by Y"): the first name after the trigger whose preceding words
/// end with "<participle> [out] by [the]", within a few words of the trigger.
fn agent_after_by<'a>(view: &View, hit: &Hit, after: &[&'a Mention]) -> Option<&'a Mention> {
    let m = *after.iter().find(|m| is_participant_kind(m.kind))?;
    let gap: Vec<&str> = words(view.slice(hit.span.end, m.span.start))
        .filter(|w| !LEXICON.is(w, WordClass::Determiner))
        .collect();
    if gap.len() > MAX_OBJECT_GAP + 2 {
        return None;
    }
    let [.., before_by, by] = gap[..] else {
        return None;
    };
    let participle = match before_by {
        "out" | "up" => gap.len() >= 3 && is_participle(gap[gap.len() - 3]),
        word => is_participle(word),
    };
    (LEXICON.is(by, WordClass::By) && participle).then_some(m)
}

/// True when `word` looks like a past participle ("carried", "launched", "held").
fn is_participle(word: &str) -> bool {
    word.len() > 2 && word.to_ascii_lowercase().ends_with("ed")
        || LEXICON.is(word, WordClass::Participle)
}

/// True when the word right before `m` (skipping determiners and direction words) is a
/// locative preposition ("in", "at", "in southern").
fn after_locative(view: &View, hit: &Hit, m: &Mention) -> bool {
    words(view.slice(hit.clause.start, m.span.start))
        .rev()
        .find(|w| !LEXICON.is(w, WordClass::Determiner) && !LEXICON.is(w, WordClass::Modifier))
        .is_some_and(|w| LEXICON.is(w, WordClass::Locative))
}

/// True when the word right before the trigger is a determiner ("a meeting with").
fn after_determiner(view: &View, hit: &Hit) -> bool {
    words(view.slice(hit.clause.start, hit.span.start))
        .next_back()
        .is_some_and(|w| LEXICON.is(w, WordClass::Determiner))
}

/// True when a name is used as an adjective: a nationality followed by a lower-case word
/// ("Russian weapons"), or any name joined by a hyphen to one ("a Moscow-based exchange").
fn is_adjective(view: &View, m: &Mention) -> bool {
    let rest = view.slice(m.span.end, view.span.end);
    let next_lowercase = |s: Option<&str>| {
        s.and_then(|s| s.chars().next())
            .is_some_and(char::is_lowercase)
    };
    m.kind == EntityKind::Norp && next_lowercase(rest.strip_prefix(' '))
        || next_lowercase(rest.strip_prefix('-'))
}

/// True when a nationality or place name before the trigger modifies a common noun that is the
/// real subject ("the Freedonian fisheries agency welcomed", "Freedonian officials met"): the
/// word after the name is a lower-case word other than the trigger, an adverb, an auxiliary or
/// a preposition.
fn is_attributive(view: &View, hit: &Hit, m: &Mention) -> bool {
    if !matches!(m.kind, EntityKind::Norp | EntityKind::Gpe) || m.span.end >= hit.span.start {
        return false;
    }
    let rest = view.slice(m.span.end, hit.span.start);
    let Some(after) = rest.strip_prefix(' ') else {
        return false;
    };
    let Some(word) = words(after).next() else {
        return false;
    };
    word.chars().next().is_some_and(char::is_lowercase)
        && !word.ends_with("ly")
        && !matches!(
            LEXICON.class(word),
            Some(
                WordClass::Be
                    | WordClass::Adverb
                    | WordClass::Follower
                    | WordClass::Coord
                    | WordClass::Locative
                    | WordClass::By
            )
        )
}

/// True when the trigger is a participle after a form of "be" ("was hosted", "were warmly
/// received", "is recognized as").
fn is_passive(view: &View, hit: &Hit) -> bool {
    let first_word = words(view.slice(hit.span.start, hit.span.end))
        .next()
        .unwrap_or("");
    if !is_participle(first_word) {
        return false;
    }
    // A reduced relative: "a village attacked by X".
    let next = words(view.slice(hit.span.end, hit.clause.end)).next();
    if next.is_some_and(|w| LEXICON.is(w, WordClass::By)) {
        return true;
    }
    let mut before = words(view.slice(hit.clause.start, hit.span.start)).rev();
    match (before.next(), before.next()) {
        (Some(w), _) if LEXICON.is(w, WordClass::Be) => true,
        (Some(adverb), Some(be)) => {
            (LEXICON.is(adverb, WordClass::Adverb) || adverb.ends_with("ly"))
                && LEXICON.is(be, WordClass::Be)
        }
        _ => false,
    }
}

/// True when the trigger continues the previous trigger's subject ("X hosted Y, and received
/// ...", "X arrived in Y for the first time and had even met ...", "X arrived in Y to meet
/// ..."): after the last name (or quote) before it, the words hold "and"/"but", or start with
/// "to", followed by at most three words that do not open a new noun phrase.
fn shares_subject(view: &View, hit: &Hit, before: &[&Mention]) -> bool {
    let mut from = before
        .last()
        .map_or(hit.clause.start, |m| m.span.end.max(hit.clause.start));
    for q in &view.quotes {
        if q.span.end <= hit.span.start && q.span.end > from {
            from = q.span.end;
        }
    }
    let gap: Vec<&str> = words(view.slice(from, hit.span.start)).collect();
    let is = |w: &str, options: &[&str]| options.iter().any(|o| w.eq_ignore_ascii_case(o));
    if gap.first().is_some_and(|w| is(w, &["to"])) && gap.len() == 1 {
        return true;
    }
    let Some(coord) = gap.iter().rposition(|w| is(w, &["and", "but"])) else {
        return false;
    };
    let tail = &gap[coord + 1..];
    tail.len() <= 3 && !tail.iter().any(|w| LEXICON.is(w, WordClass::Determiner))
}

/// True when the trigger's object is a person or group named by a common noun ("hosted a
/// delegation", "welcomed the visiting ministers", "the delegation was welcomed"): a group
/// noun within the first three words after the trigger, or for a passive within the four
/// words before it, with no punctuation between.
pub(crate) fn group_object(view: &View, hit: &Hit) -> bool {
    let breaks = |c: char| ",;:.()".contains(c);
    if is_passive(view, hit) {
        let gap = view.slice(hit.clause.start, hit.span.start);
        let gap = gap.rsplit(breaks).next().unwrap_or("");
        return words(gap).rev().take(4).any(|w| LEXICON.is_group_noun(w));
    }
    let gap = view.slice(hit.span.end, hit.clause.end);
    let gap = gap.split(breaks).next().unwrap_or("");
    words(gap).take(3).any(|w| LEXICON.is_group_noun(w))
}
