//! What a statement says: the words a statement claim reports, for its label and its grouping.
//!
//! A claim carries no content of its own (the core `Claim` has no field for it), so the content
//! is read back from the claim's sentence: the quote of the sentence that its speaker (the
//! claim's agent, or nobody named) says, else the reported clause after the trigger ("said
//! (on Friday) (that) ..."), else — for "..., X said" — the words before the comma that ends
//! them. Labels show at most [`MAX_WORDS`] words of it. Two statements report the same content
//! when their content words (stop words of `resources/fuse/stopwords.tsv` left out) align: a
//! Dice coefficient of at least [`SAME_CONTENT`].

use std::collections::{BTreeSet, HashSet};
use std::sync::LazyLock;

use dossier_core::{AnalyzedDocument, Claim, Role, Span};

const STOPWORDS: &str = include_str!("../../../resources/fuse/stopwords.tsv");

/// A label shows at most this many words of a statement's content.
const MAX_WORDS: usize = 12;
/// The Dice coefficient of content words from which two statements report the same content.
const SAME_CONTENT: f64 = 0.6;
/// "that" opens the reported clause when it is among the first this many words after the
/// trigger ("said in a statement on Friday that ...").
const THAT_REACH: usize = 6;

static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    STOPWORDS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// What one statement claim reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Content {
    /// The words for the label: a quote with its marks, or the reported clause, shortened.
    pub shown: String,
    /// A quote of the speaker rather than a reported clause.
    pub quoted: bool,
    /// Lower-cased content words, for alignment.
    pub words: BTreeSet<String>,
}

impl Content {
    /// True when the two contents align well enough to be one statement.
    pub fn same_as(&self, other: &Content) -> bool {
        let shared = self.words.intersection(&other.words).count();
        let total = self.words.len() + other.words.len();
        total > 0 && 2.0 * shared as f64 / total as f64 >= SAME_CONTENT
    }
}

/// The content of a statement claim of `doc`, when its sentence shows one.
pub(crate) fn of_claim(doc: &AnalyzedDocument, claim: &Claim) -> Option<Content> {
    let text = &doc.document.text;
    let annotations = &doc.annotations;
    let sentence = *annotations.sentences.get(claim.sentence)?;
    let agents: Vec<Span> = claim
        .participants
        .iter()
        .filter(|p| p.role == Role::Agent)
        .map(|p| p.mention)
        .collect();
    let mentions = &annotations.mentions;
    let agent_names: Vec<&str> = agents
        .iter()
        .filter_map(|a| {
            let i = mentions.partition_point(|m| m.span < *a);
            mentions.get(i).filter(|m| m.span == *a)
        })
        .map(|m| m.canonical.as_str())
        .collect();
    let quotes = &annotations.quotes;
    let first = quotes.partition_point(|q| q.span.end <= sentence.start);
    let mut in_sentence = quotes[first..]
        .iter()
        .take_while(|q| q.span.start < sentence.end);
    let quote = in_sentence.find(|q| {
        !q.span.contains(claim.trigger)
            && q.speaker
                .as_deref()
                .is_none_or(|s| agent_names.iter().any(|a| s.contains(a) || a.contains(s)))
    });
    if let Some(q) = quote {
        let words = text.get(q.span.range())?;
        return Some(make(words, true));
    }
    let clause = reported_clause(text, claim, sentence, annotations)
        .or_else(|| clause_before(text, sentence, claim.trigger, &agents))?;
    Some(make(clause, false))
}

/// The words after the trigger, past a time expression and "that": "said (on Friday) (that) X".
fn reported_clause<'a>(
    text: &'a str,
    claim: &Claim,
    sentence: Span,
    annotations: &dossier_core::Annotations,
) -> Option<&'a str> {
    let mut from = claim.trigger.end;
    let rest = text.get(from..sentence.end)?;
    let words: Vec<(usize, &str)> = word_offsets(rest).take(THAT_REACH + 1).collect();
    if let Some(&(at, w)) = words.iter().find(|(_, w)| w.eq_ignore_ascii_case("that")) {
        from += at + w.len();
    } else {
        // Skip a time expression ("on Friday") and the preposition before it.
        let times = &annotations.times;
        if let Some(t) = times.get(times.partition_point(|t| t.span.start < from)) {
            let gap = text.get(from..t.span.start).unwrap_or("x");
            let gap_words: Vec<&str> = gap.split_whitespace().collect();
            if t.span.end <= sentence.end
                && gap_words.len() <= 1
                && gap_words.iter().all(|w| w.len() <= 4 && is_lower(w))
            {
                from = t.span.end;
            }
        }
    }
    let clause = text.get(from..sentence.end)?.trim_start();
    if clause.starts_with([',', '.', ';', ':']) || clause.split_whitespace().count() < 2 {
        return None;
    }
    let first = clause.split_whitespace().next().unwrap_or("");
    // "said on Friday." / "said last week": a short adverbial, not a reported clause.
    let adverbial = [
        "on", "in", "at", "last", "during", "after", "before", "earlier", "later",
    ];
    if clause.split_whitespace().count() <= 3 && adverbial.contains(&first.to_lowercase().as_str())
    {
        return None;
    }
    // "said Marta Kask, the chair": a name after the trigger is its speaker, not its content;
    // so is "said by X" in a passive.
    let speaker_follows = first.starts_with(char::is_uppercase) && first != "I" || first == "by";
    (!speaker_follows).then_some(clause)
}

/// For "X, the chair, said" / "..., said X": the words before the last comma that precedes
/// both the trigger and its named speaker.
fn clause_before<'a>(
    text: &'a str,
    sentence: Span,
    trigger: Span,
    agents: &[Span],
) -> Option<&'a str> {
    let end = agents
        .iter()
        .map(|a| a.start)
        .chain([trigger.start])
        .min()?;
    let before = text.get(sentence.start..end)?;
    let comma = before.rfind(',')?;
    let clause = before[..comma].trim();
    (clause.split_whitespace().count() >= 3).then_some(clause)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_lowercase().chain(chars).collect::<String>()
    })
}

fn is_lower(word: &str) -> bool {
    word.chars().all(char::is_lowercase)
}

/// The words of `text` with their byte offsets.
fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// Closes a quotation the shown words open but no longer close (the closing mark was cut
/// with the trailing punctuation or the word limit).
fn close_open_quote(shown: &mut String) {
    let count = |mark: char| shown.chars().filter(|&c| c == mark).count();
    if count('“') > count('”') {
        shown.push('”');
    } else if count('"') % 2 == 1 {
        shown.push('"');
    }
}

/// The shown form and the content words of `words`.
fn make(words: &str, quoted: bool) -> Content {
    let all: Vec<&str> = words.split_whitespace().collect();
    let mut shown = all[..all.len().min(MAX_WORDS)].join(" ");
    shown = shown
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    if all.len() > MAX_WORDS {
        shown.push('…');
    }
    close_open_quote(&mut shown);
    if quoted {
        shown = format!("“{shown}”");
    } else if all
        .first()
        .is_some_and(|w| STOP.contains(w.to_lowercase().as_str()))
    {
        // "said the cooperative ...", not "said The cooperative ...".
        shown = lower_first(&shown);
    }
    let words = all
        .iter()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !STOP.contains(w.as_str()))
        .collect();
    Content {
        shown,
        quoted,
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_content_closes_the_quotes_it_opens() {
        let check = |words: &str, expected: &str| assert_eq!(make(words, false).shown, expected);
        check(
            "for “respect for the choice of the people.”",
            "for “respect for the choice of the people”",
        );
        check(
            "that the plan was “fair”, officials said.",
            "that the plan was “fair”, officials said",
        );
        check("the \"new deal\" will start", "the \"new deal\" will start");
        check(
            "he called it \"a nasty step.\"",
            "he called it \"a nasty step\"",
        );
    }
}
