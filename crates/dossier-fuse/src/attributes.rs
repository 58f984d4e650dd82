//! Attribute claims across documents: counts joined to events, and `attribute` and `number`
//! contradictions.
//!
//! A kinship claim is about a holder — a named entity, or a position such as "head of C" — and
//! a relative. Two claims about the same holder and the same relative that name relations that
//! cannot both hold ("nephew" and "grandson"; "son" and "child" can) contradict each other, when
//! they come from different documents of different lineages. Organisations are matched by
//! entity, or by name when the tagger missed one of them (a quoted name); relatives by entity,
//! or when one is a one-word short form of the other ("Smith" and "Anna Smith").
//!
//! A count is joined to the event of a claim of its own sentence whose type it can count ("1,033
//! civilians were killed" in the sentence of an attack). Two counts of one event contradict when
//! they count the same people and the same outcome and their values cannot both hold (16 and
//! 17; "at least 1,033" and 900); approximate counts ("about 300") never contradict anything.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use dossier_core::{
    AnalyzedDocument, AttributeRef, AttributeValue, ContradictionKind, Count, CountBound, Entity,
    Lineage, Span,
};

use crate::records::Record;
use crate::types::TypeInfo;

const KINSHIP: &str = include_str!("../../../resources/extract/kinship.tsv");
const COUNTS: &str = include_str!("../../../resources/fuse/counts.tsv");

fn rows(source: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    source
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect())
}

/// Kinship term → general term.
static GENERAL: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(KINSHIP)
        .filter_map(|cols| Some((*cols.first()?, *cols.get(1)?)))
        .collect()
});

/// (count event type, event group) pairs a count may be joined to, and word synonyms.
static ATTACH: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    rows(COUNTS)
        .filter_map(|cols| match cols[..] {
            ["attach", count, group] => Some((count, group)),
            _ => None,
        })
        .collect()
});
static SAME: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    rows(COUNTS)
        .filter_map(|cols| match cols[..] {
            ["same", word, canonical] => Some((word, canonical)),
            _ => None,
        })
        .collect()
});

/// A contradiction found among attribute claims, before ids are assigned.
#[derive(Debug, Clone)]
pub(crate) struct AttributeConflict {
    pub kind: ContradictionKind,
    pub subject: String,
    /// `(value, claims)` per side, sorted by value.
    pub sides: Vec<(String, Vec<AttributeRef>)>,
}

/// Who or what an attribute is about, resolved to the corpus.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Subject {
    Entity(usize),
    /// A position (class) in an organisation (an entity, or a lower-cased name).
    Position(String, Result<usize, String>),
}

/// Entity lookups of one corpus.
struct Resolver<'a> {
    documents: &'a [AnalyzedDocument],
    entities: &'a [Entity],
    by_mention: HashMap<(&'a str, Span), usize>,
    by_name: HashMap<String, usize>,
    lineage_of: HashMap<&'a str, &'a str>,
}

impl<'a> Resolver<'a> {
    fn new(
        documents: &'a [AnalyzedDocument],
        entities: &'a [Entity],
        lineages: &'a [Lineage],
    ) -> Self {
        let mut by_mention = HashMap::new();
        let mut by_name = HashMap::new();
        for (index, entity) in entities.iter().enumerate() {
            for at in &entity.mentions {
                by_mention
                    .entry((at.doc.as_str(), at.span))
                    .or_insert(index);
            }
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                by_name.entry(name.to_lowercase()).or_insert(index);
            }
        }
        let mut lineage_of = HashMap::new();
        for lineage in lineages {
            for doc in &lineage.documents {
                lineage_of
                    .entry(doc.as_str())
                    .or_insert(lineage.id.as_str());
            }
        }
        Resolver {
            documents,
            entities,
            by_mention,
            by_name,
            lineage_of,
        }
    }

    fn doc_id(&self, doc: usize) -> &'a str {
        self.documents[doc].document.id.as_str()
    }

    fn entity(&self, doc: usize, span: Span) -> Option<usize> {
        self.by_mention.get(&(self.doc_id(doc), span)).copied()
    }

    /// An organisation: its entity, else the entity with that name, else the name itself.
    fn organisation(&self, doc: usize, span: Span) -> Result<usize, String> {
        if let Some(e) = self.entity(doc, span) {
            return Ok(e);
        }
        let name = self.documents[doc]
            .document
            .text
            .get(span.range())
            .unwrap_or("")
            .to_lowercase();
        self.by_name.get(&name).copied().ok_or(name)
    }

    fn lineage(&self, doc: usize) -> String {
        let id = self.doc_id(doc);
        self.lineage_of
            .get(id)
            .map_or_else(|| format!("doc:{id}"), |l| l.to_string())
    }

    fn name(&self, entity: usize) -> &str {
        self.entities.get(entity).map_or("", |e| e.name.as_str())
    }

    fn describe(&self, subject: &Subject) -> String {
        match subject {
            Subject::Entity(e) => self.name(*e).to_string(),
            Subject::Position(role, Ok(e)) => format!("the {role} of {}", self.name(*e)),
            Subject::Position(role, Err(name)) => format!("the {role} of {name}"),
        }
    }
}

/// One kinship claim, resolved.
#[derive(Debug)]
struct Kin {
    at: AttributeRef,
    subject: Subject,
    relative: usize,
    relation: String,
    lineage: String,
}

/// `attribute` contradictions between kinship claims of different lineages.
pub(crate) fn kinship_conflicts(
    documents: &[AnalyzedDocument],
    entities: &[Entity],
    lineages: &[Lineage],
) -> Vec<AttributeConflict> {
    let resolver = Resolver::new(documents, entities, lineages);
    let mut by_subject: BTreeMap<Subject, Vec<Kin>> = BTreeMap::new();
    for (d, analyzed) in documents.iter().enumerate() {
        for (a, claim) in analyzed.attributes.iter().enumerate() {
            let AttributeValue::Kinship { relation, relative } = &claim.value else {
                continue;
            };
            let Some(relative) = resolver.entity(d, *relative) else {
                continue;
            };
            let subject = match (&claim.holder, &claim.position) {
                (Some(h), _) => resolver.entity(d, *h).map(Subject::Entity),
                (None, Some(p)) => Some(Subject::Position(
                    p.role.clone(),
                    resolver.organisation(d, p.of),
                )),
                (None, None) => None,
            };
            let Some(subject) = subject else { continue };
            by_subject.entry(subject.clone()).or_default().push(Kin {
                at: AttributeRef {
                    doc: d,
                    attribute: a,
                },
                subject,
                relative,
                relation: relation.clone(),
                lineage: resolver.lineage(d),
            });
        }
    }
    let mut out = Vec::new();
    for kins in by_subject.values() {
        let Some(first) = kins.first() else { continue };
        // Relatives that are the same person: the relative of the first conflicting pair.
        let conflicting = kins.iter().enumerate().find_map(|(i, a)| {
            kins[i + 1..]
                .iter()
                .find(|b| {
                    same_person(entities, a.relative, b.relative)
                        && a.at.doc != b.at.doc
                        && a.lineage != b.lineage
                        && !compatible_relations(&a.relation, &b.relation)
                })
                .map(|b| (a, b))
        });
        let Some((a, _)) = conflicting else { continue };
        let mut sides: BTreeMap<String, Vec<AttributeRef>> = BTreeMap::new();
        for k in kins
            .iter()
            .filter(|k| same_person(entities, a.relative, k.relative))
        {
            sides.entry(k.relation.clone()).or_default().push(k.at);
        }
        let relative = longest_name(entities, kins, a.relative);
        out.push(AttributeConflict {
            kind: ContradictionKind::Attribute,
            subject: format!(
                "how {} is related to {relative}",
                resolver.describe(&first.subject)
            ),
            sides: sides.into_iter().collect(),
        });
    }
    out
}

/// The fullest name among the relatives that are the same person as `relative`.
fn longest_name(entities: &[Entity], kins: &[Kin], relative: usize) -> String {
    kins.iter()
        .filter(|k| same_person(entities, relative, k.relative))
        .filter_map(|k| entities.get(k.relative).map(|e| e.name.clone()))
        .max_by_key(|n| (n.split_whitespace().count(), n.len()))
        .unwrap_or_default()
}

/// Same entity, or one name is a single word equal to the other's last word.
fn same_person(entities: &[Entity], a: usize, b: usize) -> bool {
    if a == b {
        return true;
    }
    let (Some(x), Some(y)) = (entities.get(a), entities.get(b)) else {
        return false;
    };
    let last = |n: &str| n.split_whitespace().last().unwrap_or("").to_lowercase();
    let single = |n: &str| n.split_whitespace().count() == 1;
    (single(&x.name) || single(&y.name))
        && last(&x.name) == last(&y.name)
        && !last(&x.name).is_empty()
}

/// Equal terms, or one is the general term of the other ("son" and "child").
fn compatible_relations(a: &str, b: &str) -> bool {
    let general = |t: &str| GENERAL.get(t).copied().unwrap_or("");
    a == b || general(a) == b || general(b) == a
}

/// The counts joined to each event, in event order: `events_claims[i]` are the records of
/// event `i`.
pub(crate) fn event_counts(
    documents: &[AnalyzedDocument],
    records: &[Record],
    event_records: &[Vec<usize>],
) -> Vec<Vec<AttributeRef>> {
    // (doc, sentence) → the events with a claim there, with the claim's group.
    let mut at_sentence: BTreeMap<(usize, usize), Vec<(usize, &str)>> = BTreeMap::new();
    for (e, members) in event_records.iter().enumerate() {
        for &m in members {
            let r = &records[m];
            at_sentence
                .entry((r.at.doc, r.sentence))
                .or_default()
                .push((e, r.info.group.as_str()));
        }
    }
    let mut out = vec![Vec::new(); event_records.len()];
    for (d, analyzed) in documents.iter().enumerate() {
        for (a, claim) in analyzed.attributes.iter().enumerate() {
            let AttributeValue::Count(count) = &claim.value else {
                continue;
            };
            let groups = |group: &str| {
                ATTACH
                    .iter()
                    .any(|(c, g)| *c == count.event_type && *g == group)
                    || TypeInfo::of(&count.event_type).group == group
            };
            let event = at_sentence
                .get(&(d, claim.sentence))
                .and_then(|events| events.iter().find(|(_, g)| groups(g)))
                .map(|(e, _)| *e);
            if let Some(e) = event {
                out[e].push(AttributeRef {
                    doc: d,
                    attribute: a,
                });
            }
        }
    }
    for counts in &mut out {
        counts.sort();
        counts.dedup();
    }
    out
}

/// `number` contradictions among the counts of one event labelled `label`.
pub(crate) fn number_conflicts(
    documents: &[AnalyzedDocument],
    lineages: &[Lineage],
    counts: &[AttributeRef],
    label: &str,
) -> Vec<AttributeConflict> {
    let lineage_of = |doc: usize| {
        let id = &documents[doc].document.id;
        lineages
            .iter()
            .find(|l| l.documents.contains(id))
            .map_or_else(|| format!("doc:{id}"), |l| l.id.clone())
    };
    let count_of = |at: &AttributeRef| match &documents[at.doc].attributes[at.attribute].value {
        AttributeValue::Count(c) => Some(c),
        _ => None,
    };
    let mut by_kind: BTreeMap<(String, String), Vec<(AttributeRef, &Count)>> = BTreeMap::new();
    for at in counts {
        if let Some(c) = count_of(at) {
            by_kind
                .entry((c.event_type.clone(), counted(&c.what)))
                .or_default()
                .push((*at, c));
        }
    }
    let mut out = Vec::new();
    for ((event_type, what), items) in by_kind {
        let conflict = items.iter().enumerate().any(|(i, (a, x))| {
            items[i + 1..].iter().any(|(b, y)| {
                a.doc != b.doc && lineage_of(a.doc) != lineage_of(b.doc) && !counts_agree(x, y)
            })
        });
        if !conflict {
            continue;
        }
        let mut sides: BTreeMap<String, Vec<AttributeRef>> = BTreeMap::new();
        for (at, c) in &items {
            sides.entry(count_label(c)).or_default().push(*at);
        }
        let outcome = event_type.replace('_', " ");
        out.push(AttributeConflict {
            kind: ContradictionKind::Number,
            subject: format!("number of {what} ({outcome}) in: {label}"),
            sides: sides.into_iter().collect(),
        });
    }
    out
}

/// The counted phrase with synonyms made equal ("russian citizens" → "russian nationals").
fn counted(what: &str) -> String {
    what.split_whitespace()
        .map(|w| SAME.get(w).copied().unwrap_or(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when both counts can hold; approximate counts always can.
fn counts_agree(x: &Count, y: &Count) -> bool {
    let range = |c: &Count| match c.bound {
        CountBound::Exact => Some((c.value, c.value)),
        CountBound::AtLeast => Some((c.value, u64::MAX)),
        CountBound::AtMost => Some((0, c.value)),
        CountBound::About => None,
    };
    match (range(x), range(y)) {
        (Some((a, b)), Some((c, d))) => a <= d && c <= b,
        _ => true,
    }
}

/// "16", "at least 1,033".
fn count_label(c: &Count) -> String {
    let digits = c.value.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match c.bound {
        CountBound::Exact => grouped,
        CountBound::AtLeast => format!("at least {grouped}"),
        CountBound::AtMost => format!("at most {grouped}"),
        CountBound::About => format!("about {grouped}"),
    }
}

#[cfg(test)]
mod tests;
