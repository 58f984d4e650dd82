//! Attribute claims: kinship ("a nephew of X"), positions ("X, the head of the bureau") and
//! counts ("at least 1,033 civilians were killed"), read from one sentence at a time.
//!
//! Like event claims, attributes are read from word order with small explicit patterns, never
//! from a parse. The key design decision is how an *unnamed* holder is kept: "The director is a
//! nephew of X" is about whoever holds the position `head` of the organisation the text is
//! talking about, so the claim records a [`Position`] (the class of the position from
//! `positions.tsv` and the organisation's name, found in the sentence or as the first
//! organisation of the previous sentence) instead of guessing a person. Fusion can then match
//! "the director of C" with "C is headed by ..." whatever the wording. Counts are read only for
//! people (`counts.tsv` lists the nouns) and only with what happened to them, so that a year or
//! a sum of money is never a count.

use std::collections::HashMap;
use std::sync::LazyLock;

use dossier_core::{
    Annotations, AttributeClaim, AttributeValue, Count, CountBound, Document, EntityKind, Mention,
    Modality, Position, Span,
};

const KINSHIP: &str = include_str!("../../../resources/extract/kinship.tsv");
const POSITIONS: &str = include_str!("../../../resources/extract/positions.tsv");
const COUNTS: &str = include_str!("../../../resources/extract/counts.tsv");

/// The word lists of this module, parsed once.
#[derive(Debug, Default)]
struct Lists {
    /// Kinship terms (their general terms are used by fusion).
    kinship: Vec<&'static str>,
    /// Position noun → class.
    position_nouns: HashMap<&'static str, &'static str>,
    /// Passive phrases ("headed by", as words) → class.
    position_passives: Vec<(Vec<&'static str>, &'static str)>,
    position_modifiers: Vec<&'static str>,
    institutions: Vec<&'static str>,
    bounds: Vec<(Vec<&'static str>, CountBound)>,
    persons: Vec<&'static str>,
    before: Vec<(Vec<&'static str>, &'static str)>,
    after: Vec<(Vec<&'static str>, &'static str)>,
}

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let rows = |source: &'static str| {
        source
            .lines()
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .map(|line| line.split('\t').map(str::trim).collect::<Vec<_>>())
    };
    let phrase = |s: &'static str| s.split(' ').collect::<Vec<_>>();
    let mut lists = Lists::default();
    for cols in rows(KINSHIP) {
        lists.kinship.push(cols[0]);
    }
    for cols in rows(POSITIONS) {
        match cols[..] {
            [word, class, "noun"] => {
                lists.position_nouns.insert(word, class);
            }
            [words, class, "passive"] => lists.position_passives.push((phrase(words), class)),
            [word, _, "modifier"] => lists.position_modifiers.push(word),
            [word, _, "institution"] => lists.institutions.push(word),
            _ => debug_assert!(false, "malformed positions.tsv row {cols:?}"),
        }
    }
    for cols in rows(COUNTS) {
        match cols[..] {
            ["bound", words, label] => {
                if let Some(bound) = CountBound::from_label(label) {
                    lists.bounds.push((phrase(words), bound));
                }
            }
            ["person", noun] => lists.persons.push(noun),
            ["before", words, event] => lists.before.push((phrase(words), event)),
            ["after", words, event] => lists.after.push((phrase(words), event)),
            _ => debug_assert!(false, "malformed counts.tsv row {cols:?}"),
        }
    }
    // Longest phrases first, so "taken hostage" wins over a shorter form.
    for list in [&mut lists.before, &mut lists.after] {
        list.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
    }
    lists
});

/// Words that make a following participle passive.
const BE: &[&str] = &[
    "is",
    "was",
    "are",
    "were",
    "has been",
    "have been",
    "had been",
];
/// Determiners that may open a kinship or position phrase.
const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "their"];

/// A word or a punctuation mark of a sentence.
#[derive(Debug, Clone, Copy)]
struct Token<'a> {
    span: Span,
    text: &'a str,
}

impl Token<'_> {
    fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Splits `span` of `text` into words (letters, digits, inner hyphens and apostrophes, digit
/// groups such as "1,033") and single punctuation marks.
fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    let Some(sentence) = text.get(span.range()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = sentence.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c.is_alphanumeric() {
            while let Some(&(at, next)) = chars.peek() {
                let joins = matches!(next, '-' | '\'' | '’' | ',' | '.');
                let continues = next.is_alphanumeric()
                    || joins && {
                        let rest = &sentence[at + next.len_utf8()..];
                        let following = rest.chars().next();
                        if matches!(next, ',' | '.') {
                            c.is_ascii_digit() && following.is_some_and(|f| f.is_ascii_digit())
                        } else {
                            following.is_some_and(char::is_alphanumeric)
                        }
                    };
                if !continues {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
        }
        out.push(Token {
            span: Span::new(span.start + start, span.start + end),
            text: &sentence[start..end],
        });
    }
    out
}

/// Extracts the attribute claims of one document.
pub(crate) fn extract(doc: &Document, annotations: &Annotations) -> Vec<AttributeClaim> {
    let text = &doc.text;
    let mut out = Vec::new();
    let mut first_mention = 0;
    for (index, &span) in annotations.sentences.iter().enumerate() {
        if text.get(span.range()).is_none() {
            continue;
        }
        while first_mention < annotations.mentions.len()
            && annotations.mentions[first_mention].span.start < span.start
        {
            first_mention += 1;
        }
        let mentions: Vec<&Mention> = annotations.mentions[first_mention..]
            .iter()
            .take_while(|m| m.span.end <= span.end)
            .collect();
        let previous = index
            .checked_sub(1)
            .and_then(|p| annotations.sentences.get(p).copied());
        let sentence = Sentence {
            text,
            index,
            tokens: tokenize(text, span),
            mentions,
            antecedent: previous.and_then(|p| organisation_in(text, p, &annotations.mentions)),
        };
        let mut claims = kinship(&sentence);
        claims.extend(roles(&sentence));
        claims.extend(counts(&sentence));
        for claim in &mut claims {
            if let Some(q) = annotations
                .quotes
                .iter()
                .find(|q| q.span.contains(claim.span))
            {
                claim.speaker.clone_from(&q.speaker);
                if claim.speaker.is_some() {
                    claim.modality = Modality::Reported;
                }
            }
        }
        claims.sort_by_key(|c| (c.span.start, c.span.end));
        out.extend(claims);
    }
    out
}

/// One sentence with what the patterns need.
#[derive(Debug)]
struct Sentence<'a> {
    text: &'a str,
    index: usize,
    tokens: Vec<Token<'a>>,
    mentions: Vec<&'a Mention>,
    /// The organisation the previous sentence was about, for "It is headed by" and "The
    /// director is".
    antecedent: Option<Span>,
}

impl<'a> Sentence<'a> {
    fn mention_starting(&self, offset: usize) -> Option<&'a Mention> {
        self.mentions
            .iter()
            .copied()
            .find(|m| m.span.start == offset)
    }

    fn mention_ending(&self, offset: usize) -> Option<&'a Mention> {
        self.mentions.iter().copied().find(|m| m.span.end == offset)
    }

    /// Index of the first token starting at or after `offset`.
    fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < offset)
    }

    /// Index of the last token ending at or before `offset`, if any.
    fn token_before(&self, offset: usize) -> Option<usize> {
        self.tokens
            .partition_point(|t| t.span.end <= offset)
            .checked_sub(1)
    }

    fn claim(&self, span: Span, value: AttributeValue) -> AttributeClaim {
        AttributeClaim {
            sentence: self.index,
            span,
            holder: None,
            position: None,
            value,
            speaker: None,
            modality: Modality::Asserted,
        }
    }
}

/// The first organisation named in sentence `span`: an ORG or MISC mention, a name described
/// as an institution by an apposition ("X, a cultural centre"), or a short quoted name the
/// tagger may have missed (a centre called “Name”), whichever comes first.
fn organisation_in(text: &str, span: Span, mentions: &[Mention]) -> Option<Span> {
    let first = mentions.partition_point(|m| m.span.start < span.start);
    let mention = mentions[first..]
        .iter()
        .take_while(|m| m.span.end <= span.end)
        .find(|m| {
            matches!(m.kind, EntityKind::Org | EntityKind::Misc)
                || described_as_institution(text, m.span.end, span.end)
        })
        .map(|m| m.span);
    let quoted = quoted_name(text, span);
    match (mention, quoted) {
        (Some(m), Some(q)) => Some(if q.start < m.start { q } else { m }),
        (m, q) => m.or(q),
    }
}

/// True when the text after a name (up to `limit`) is an apposition naming an institution:
/// ", a Russian cultural centre in …".
fn described_as_institution(text: &str, from: usize, limit: usize) -> bool {
    let Some(rest) = text.get(from..limit).and_then(|r| r.strip_prefix(", ")) else {
        return false;
    };
    let phrase = rest.split([',', ';', '.', '(']).next().unwrap_or("");
    let mut words = phrase.split_whitespace();
    words
        .next()
        .is_some_and(|w| ["a", "an", "the"].iter().any(|d| w.eq_ignore_ascii_case(d)))
        && words
            .take(5)
            .any(|w| LISTS.institutions.contains(&w.to_lowercase().as_str()))
}

/// The first quoted name of one to four capitalised words in `span` (“Name”, "Name").
fn quoted_name(text: &str, span: Span) -> Option<Span> {
    let sentence = text.get(span.range())?;
    let mut search = 0;
    while let Some(open) = sentence[search..].find(['“', '"', '«']) {
        let open = search + open;
        let start = open + sentence[open..].chars().next()?.len_utf8();
        let end = start + sentence[start..].find(['”', '"', '»'])?;
        let inner = &sentence[start..end];
        let words: Vec<&str> = inner.split_whitespace().collect();
        if (1..=4).contains(&words.len())
            && inner == inner.trim()
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            return Some(Span::new(span.start + start, span.start + end));
        }
        search = end;
    }
    None
}

/// "X, a nephew of Y", "the grandson of Y, X", "Y's nephew X", "X is a nephew of Y", "The
/// director is a nephew of Y", "It is headed by the grandson of Y".
fn kinship(s: &Sentence) -> Vec<AttributeClaim> {
    let mut out = Vec::new();
    for (i, token) in s.tokens.iter().enumerate() {
        let term = token.lower();
        let Some(&relation) = LISTS.kinship.iter().find(|k| **k == term) else {
            continue;
        };
        let (relative, start, end) = if let Some(relative) = relative_after(s, i) {
            let start = match i.checked_sub(1).map(|p| s.tokens[p]) {
                Some(t) if DETERMINERS.iter().any(|d| t.is(d)) => t.span.start,
                _ => token.span.start,
            };
            (relative, start, relative.span.end)
        } else if let Some(relative) = relative_before(s, token) {
            (relative, relative.span.start, token.span.end)
        } else {
            continue;
        };
        let mut claim = s.claim(
            Span::new(start, end),
            AttributeValue::Kinship {
                relation: relation.to_string(),
                relative: relative.span,
            },
        );
        let before = s.token_before(start);
        claim.holder = before
            .and_then(|b| apposition_before(s, b))
            .or_else(|| before.and_then(|b| copula_subject(s, b)))
            .or_else(|| apposition_after(s, end))
            .filter(|h| h.span != relative.span)
            .map(|h| h.span);
        if claim.holder.is_none() {
            claim.position = before.and_then(|b| described_position(s, b));
        }
        if claim.holder.is_some() || claim.position.is_some() {
            out.push(claim);
        }
    }
    out
}

/// "nephew of [the] [former Prime Minister] Y": the person named after "of".
fn relative_after<'a>(s: &Sentence<'a>, term: usize) -> Option<&'a Mention> {
    let of = s.tokens.get(term + 1)?;
    if !of.is("of") {
        return None;
    }
    for t in s.tokens.iter().skip(term + 2).take(4) {
        if let Some(m) = s.mention_starting(t.span.start) {
            return is_relative_kind(m.kind).then_some(m);
        }
        let lower = t.lower();
        let title = DETERMINERS.contains(&lower.as_str())
            || LISTS.position_modifiers.contains(&lower.as_str())
            || LISTS.position_nouns.contains_key(lower.as_str());
        if !title {
            return None;
        }
    }
    None
}

/// Whether a mention of this kind can be a relative. Only nationalities are refused: a surname
/// alone is often mistyped by the name tagger ("nephew of Smith" read as a place), and the
/// kinship term itself says that a person is meant.
fn is_relative_kind(kind: EntityKind) -> bool {
    kind != EntityKind::Norp
}

/// "Y's nephew": the person whose possessive stands right before the term.
fn relative_before<'a>(s: &Sentence<'a>, term: &Token) -> Option<&'a Mention> {
    s.mentions.iter().copied().find(|m| {
        is_relative_kind(m.kind)
            && matches!(s.text.get(m.span.end..term.span.start), Some("'s " | "’s "))
    })
}

/// "X, a nephew of": the person before a comma that ends at token `b`.
fn apposition_before<'a>(s: &Sentence<'a>, b: usize) -> Option<&'a Mention> {
    let comma = s.tokens[b];
    if comma.text != "," {
        return None;
    }
    let name = s.tokens.get(b.checked_sub(1)?)?;
    s.mention_ending(name.span.end)
        .filter(|m| m.kind == EntityKind::Person)
}

/// "the nephew of Y, X": the person right after a comma that follows the phrase.
fn apposition_after<'a>(s: &Sentence<'a>, end: usize) -> Option<&'a Mention> {
    let at = s.token_at(end);
    let comma = s.tokens.get(at)?;
    let name = s.tokens.get(at + 1)?;
    (comma.text == ",")
        .then(|| s.mention_starting(name.span.start))
        .flatten()
        .filter(|m| m.kind == EntityKind::Person)
}

/// "X is a nephew of": the person right before a form of "be" ending at token `b`.
fn copula_subject<'a>(s: &Sentence<'a>, b: usize) -> Option<&'a Mention> {
    let be = copula_start(s, b)?;
    let name = s.tokens.get(be.checked_sub(1)?)?;
    s.mention_ending(name.span.end)
        .filter(|m| m.kind == EntityKind::Person)
}

/// When tokens ending at `b` are a form of "be" ("is", "has been"), the index of its first word.
fn copula_start(s: &Sentence, b: usize) -> Option<usize> {
    BE.iter().find_map(|form| {
        let words: Vec<&str> = form.split(' ').collect();
        let first = (b + 1).checked_sub(words.len())?;
        s.tokens[first..=b]
            .iter()
            .zip(&words)
            .all(|(t, w)| t.is(w))
            .then_some(first)
    })
}

/// An unnamed holder described by a position: "The director is a …" (the director of the
/// organisation of the previous sentence), "the director of C is a …", "It is headed by a …",
/// "C, which is headed by a …".
fn described_position(s: &Sentence, b: usize) -> Option<Position> {
    if let Some(be) = copula_start(s, b) {
        return position_subject(s, be);
    }
    let (words, class) = LISTS.position_passives.iter().find(|(words, _)| {
        let first = (b + 1).checked_sub(words.len());
        first.is_some_and(|f| {
            s.tokens[f..=b]
                .iter()
                .zip(words.iter())
                .all(|(t, w)| t.is(w))
        })
    })?;
    let be = copula_start(s, (b + 1).checked_sub(words.len() + 1)?)?;
    let of = organisation_subject(s, be)?;
    Some(Position {
        role: (*class).to_string(),
        of,
    })
}

/// The subject of "… is": "The director" (of the antecedent), "the director of C" (of C).
fn position_subject(s: &Sentence, be: usize) -> Option<Position> {
    let head = s.tokens.get(be.checked_sub(1)?)?;
    if let Some(&class) = LISTS.position_nouns.get(head.lower().as_str()) {
        let det = s.tokens.get(be.checked_sub(2)?)?;
        let opens = be == 2 || s.tokens.get(be - 3).is_some_and(|t| t.text == ",");
        let of = s.antecedent.filter(|_| det.is("the") && opens)?;
        return Some(Position {
            role: class.to_string(),
            of,
        });
    }
    let org = s
        .mention_ending(head.span.end)
        .filter(|m| matches!(m.kind, EntityKind::Org | EntityKind::Misc))?;
    let at = s.token_at(org.span.start);
    let mut k = at.checked_sub(1)?;
    if s.tokens[k].is("the") {
        k = k.checked_sub(1)?;
    }
    if !s.tokens[k].is("of") {
        return None;
    }
    let noun = s.tokens.get(k.checked_sub(1)?)?;
    let &class = LISTS.position_nouns.get(noun.lower().as_str())?;
    Some(Position {
        role: class.to_string(),
        of: org.span,
    })
}

/// The organisation before "… is headed by": "It" (the antecedent), "C", "C, which".
fn organisation_subject(s: &Sentence, be: usize) -> Option<Span> {
    let mut k = be.checked_sub(1)?;
    if s.tokens[k].is("which") || s.tokens[k].is("that") {
        k = k.checked_sub(1)?;
        if s.tokens[k].text == "," {
            k = k.checked_sub(1)?;
        }
    }
    let t = s.tokens[k];
    if t.is("it") && k == 0 {
        return s.antecedent;
    }
    s.mention_ending(t.span.end)
        .filter(|m| matches!(m.kind, EntityKind::Org | EntityKind::Misc))
        .map(|m| m.span)
}

/// Positions of named people: "Deputy Head of the Bureau X", "the head of the Bureau, X,",
/// "X, the former head of the Service".
fn roles(s: &Sentence) -> Vec<AttributeClaim> {
    let mut out = Vec::new();
    for m in s.mentions.iter().copied() {
        if m.kind != EntityKind::Person {
            continue;
        }
        let found = title_before(s, m).or_else(|| title_after(s, m));
        if let Some((span, role, of)) = found {
            let mut claim = s.claim(span, AttributeValue::Role { role, of });
            claim.holder = Some(m.span);
            out.push(claim);
        }
    }
    out
}

type Title = (Span, String, Option<Span>);

/// A title ending right before person `m`: "Foreign Minister X", "the head of the Bureau, X,".
fn title_before(s: &Sentence, m: &Mention) -> Option<Title> {
    let at = s.token_at(m.span.start);
    let mut end = at.checked_sub(1)?;
    let comma = s.tokens[end].text == ",";
    if comma {
        // An apposition must be closed: "the head of the Bureau, X, visited".
        let after = s.tokens.get(s.token_at(m.span.end))?;
        if after.text != "," {
            return None;
        }
        end = end.checked_sub(1)?;
    }
    let (of, title_end) = of_organisation_before(s, end);
    let (start, role) = title_words_before(s, title_end?)?;
    let first = &s.tokens[start];
    let opened_by_the = start
        .checked_sub(1)
        .map(|p| s.tokens[p])
        .filter(|t| t.is("the") || t.is("a"));
    if comma && opened_by_the.is_none() {
        return None;
    }
    let span_start = opened_by_the.map_or(first.span.start, |t| t.span.start);
    let span_end = of.map_or(s.tokens[end].span.end, |o| {
        o.end.max(s.tokens[end].span.end)
    });
    Some((Span::new(span_start, span_end), role, of))
}

/// When token `end` closes "of [the] C", the organisation and the index of the token before
/// "of"; else no organisation and `end` itself.
fn of_organisation_before(s: &Sentence, end: usize) -> (Option<Span>, Option<usize>) {
    let org = s.mention_ending(s.tokens[end].span.end).filter(|o| {
        matches!(
            o.kind,
            EntityKind::Org | EntityKind::Gpe | EntityKind::Misc | EntityKind::Loc
        )
    });
    let Some(org) = org else {
        return (None, Some(end));
    };
    let mut k = s.token_at(org.span.start).checked_sub(1);
    if k.is_some_and(|k| s.tokens[k].is("the")) {
        k = k.and_then(|k| k.checked_sub(1));
    }
    match k {
        Some(k) if s.tokens[k].is("of") => (Some(org.span), k.checked_sub(1)),
        _ => (None, Some(end)),
    }
}

/// The title words ending at token `end` ("Deputy Head", "Foreign Minister"): their first index
/// and the lower-cased title, when they hold a position noun.
fn title_words_before(s: &Sentence, end: usize) -> Option<(usize, String)> {
    let mut start = end + 1;
    let mut has_noun = false;
    while start > 0 && end + 1 - start < 4 {
        let lower = s.tokens[start - 1].lower();
        let head = lower.rsplit('-').next().unwrap_or(&lower);
        let noun = LISTS.position_nouns.contains_key(head);
        if !noun && !LISTS.position_modifiers.contains(&head) {
            break;
        }
        has_noun |= noun;
        start -= 1;
    }
    // The title must end with its noun ("head", not "head of the").
    let last = s.tokens[end].lower();
    let ends_with_noun = LISTS
        .position_nouns
        .contains_key(last.rsplit('-').next().unwrap_or(&last));
    (has_noun && ends_with_noun && start <= end).then(|| {
        let words: Vec<String> = s.tokens[start..=end]
            .iter()
            .map(|t| {
                let lower = t.lower();
                lower.rsplit('-').next().unwrap_or(&lower).to_string()
            })
            .collect();
        (start, words.join(" "))
    })
}

/// A title set off after person `m`: "X, the former head of the Service", "X, Chairman of C".
fn title_after(s: &Sentence, m: &Mention) -> Option<Title> {
    let at = s.token_at(m.span.end);
    if s.tokens.get(at)?.text != "," {
        return None;
    }
    let mut k = at + 1;
    let opened = s.tokens.get(k)?;
    if opened.is("the") || opened.is("a") {
        k += 1;
    }
    let first = k;
    while s.tokens.get(k).is_some_and(|t| {
        let lower = t.lower();
        let head = lower.rsplit('-').next().unwrap_or(&lower).to_string();
        LISTS.position_nouns.contains_key(head.as_str())
            || LISTS.position_modifiers.contains(&head.as_str())
    }) && k - first < 4
    {
        k += 1;
    }
    let (start, role) = title_words_before(s, k.checked_sub(1)?)?;
    if start != first {
        return None;
    }
    let mut end = s.tokens[k - 1].span.end;
    let mut of = None;
    let mut j = k;
    if s.tokens.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if s.tokens.get(j).is_some_and(|t| t.is("the")) {
            j += 1;
        }
        if let Some(org) = s
            .tokens
            .get(j)
            .and_then(|t| s.mention_starting(t.span.start))
        {
            if org.kind != EntityKind::Person {
                of = Some(org.span);
                end = org.span.end;
            }
        }
    }
    Some((Span::new(s.tokens[at + 1].span.start, end), role, of))
}

/// Counts of people with what happened to them: "at least 1,033 civilians were killed", "the
/// killing of 16 Russian nationals", "which killed 17 people".
fn counts(s: &Sentence) -> Vec<AttributeClaim> {
    let mut out = Vec::new();
    for (i, token) in s.tokens.iter().enumerate() {
        let Some(value) = number(token.text) else {
            continue;
        };
        let Some(head) = (i + 1..(i + 4).min(s.tokens.len()))
            .take_while(|&k| s.tokens[k].text.chars().all(char::is_alphanumeric))
            .find(|&k| LISTS.persons.contains(&s.tokens[k].lower().as_str()))
        else {
            continue;
        };
        let (bound, mut start) = bound_before(s, i);
        let what: Vec<String> = s.tokens[i + 1..=head].iter().map(Token::lower).collect();
        let after = event_after(s, head + 1);
        let before = after.is_none().then(|| event_before(s, start)).flatten();
        let (event_type, end) = match (after, before) {
            (Some((event, end)), _) => (event, end),
            (None, Some((event, from))) => {
                start = from;
                (event, s.tokens[head].span.end)
            }
            (None, None) => continue,
        };
        out.push(s.claim(
            Span::new(s.tokens[start].span.start, end),
            AttributeValue::Count(Count {
                value,
                bound,
                what: what.join(" "),
                event_type: event_type.to_string(),
            }),
        ));
    }
    out
}

/// The value of a written number: digits with optional thousands commas ("1,033").
fn number(word: &str) -> Option<u64> {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    let groups_ok = word.split(',').skip(1).all(|g| g.len() == 3);
    (groups_ok && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// The bound words before the number at token `i`, and the index where the count starts.
fn bound_before(s: &Sentence, i: usize) -> (CountBound, usize) {
    for (words, bound) in &LISTS.bounds {
        if let Some(first) = i.checked_sub(words.len()) {
            if matches_words(&s.tokens[first..i], words) {
                return (*bound, first);
            }
        }
    }
    (CountBound::Exact, i)
}

/// "were killed", "taken hostage" after the counted phrase (from token `k`): the event type and
/// where the phrase ends.
fn event_after(s: &Sentence, mut k: usize) -> Option<(&'static str, usize)> {
    for form in BE {
        let words: Vec<&str> = form.split(' ').collect();
        if s.tokens
            .get(k..k + words.len())
            .is_some_and(|t| matches_words(t, &words))
        {
            k += words.len();
            break;
        }
    }
    LISTS.after.iter().find_map(|(words, event)| {
        let tokens = s.tokens.get(k..k + words.len())?;
        matches_words(tokens, words).then(|| (*event, tokens[tokens.len() - 1].span.end))
    })
}

/// "the killing of", "killed" right before token `start`: the event type and the index where
/// the phrase starts.
fn event_before(s: &Sentence, start: usize) -> Option<(&'static str, usize)> {
    LISTS.before.iter().find_map(|(words, event)| {
        let first = start.checked_sub(words.len())?;
        matches_words(&s.tokens[first..start], words).then_some((*event, first))
    })
}

fn matches_words(tokens: &[Token], words: &[&str]) -> bool {
    tokens.len() == words.len() && tokens.iter().zip(words).all(|(t, w)| t.is(w))
}

#[cfg(test)]
mod tests;
