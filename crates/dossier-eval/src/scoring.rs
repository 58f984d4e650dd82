//! Runs the pipeline over CAT XML topics and scores it task by task.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use dossier_core::{AnalyzedDocument, Document, EntityKind, Metadata, Span};

use crate::cat_xml::{read_cat_file, CatDocument, CatError, Markable};
use crate::metrics::{b_cubed, score_matches, span_score, Matching, Score};

/// The scores of every task over a corpus, summed over topics (micro-averaged).
#[derive(Debug, Default)]
pub struct CatEvaluation {
    pub topics: usize,
    pub documents: usize,
    pub time_extent_strict: Score,
    pub time_extent_relaxed: Score,
    pub time_value: Score,
    pub entity_names_strict: Score,
    pub entity_names_relaxed: Score,
    /// Names of persons, organizations and locations with their type (GPE counts as LOC):
    /// same span, or overlapping, and same type. Only system names on annotated names count
    /// on the precision side, since MEANTIME leaves many names unannotated.
    pub typed_names_strict: Score,
    pub typed_names_relaxed: Score,
    pub entity_coreference: Score,
    pub event_mentions_strict: Score,
    pub event_mentions_relaxed: Score,
    /// Event mentions that became claims (a trigger with a participant), strict extent.
    pub event_claims_strict: Score,
    pub event_coreference: Score,
    /// The gold names no system mention overlaps, in corpus order, for looking into recall.
    pub missed_names: Vec<MissedName>,
    /// The gold person, organization and location names without a strict typed match.
    pub mistyped_names: Vec<MistypedName>,
}

/// A gold PER, ORG or LOC name that no system name matches in span and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MistypedName {
    pub document: String,
    /// "LABEL name" as annotated.
    pub gold: String,
    /// The system's names overlapping it, "KIND name" joined by " | " (kinds as in
    /// `dossier.json`: PERSON, GPE, MISC…), or empty.
    pub found: String,
}

/// A gold entity name that no system mention overlaps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissedName {
    /// The gold file's name.
    pub document: String,
    /// The name as written.
    pub text: String,
}

/// A gold mention in a topic: (document index, gold `m_id`).
type MentionKey = (usize, String);

/// Evaluates every topic (sub-folder holding `.xml` files, or `dir` itself) under `dir`.
pub fn evaluate_cat_corpus(dir: &Path) -> Result<CatEvaluation, CatError> {
    let mut evaluation = CatEvaluation::default();
    for topic in topic_folders(dir) {
        let gold = read_topic(&topic)?;
        if gold.is_empty() {
            continue;
        }
        evaluation.topics += 1;
        evaluation.documents += gold.len();
        score_topic(&gold, &mut evaluation);
    }
    Ok(evaluation)
}

/// `dir`'s sub-folders with XML files in them, sorted; `dir` itself when it has XML files.
fn topic_folders(dir: &Path) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_dir())
        .collect();
    folders.push(dir.to_path_buf());
    folders.sort();
    folders.retain(|folder| !xml_files(folder).is_empty());
    folders
}

fn xml_files(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    files
}

fn read_topic(folder: &Path) -> Result<Vec<CatDocument>, CatError> {
    xml_files(folder)
        .iter()
        .map(|path| read_cat_file(path))
        .collect()
}

/// Runs the per-document stages on one gold document's text.
fn analyze(gold: &CatDocument) -> AnalyzedDocument {
    let document = Document {
        id: gold.name.clone(),
        path: gold.name.clone(),
        sha256: String::new(),
        text: gold.text.clone(),
        meta: Metadata {
            published: gold.creation_time,
            language: Some("en".into()),
            ..Metadata::default()
        },
    };
    let (annotations, mut diagnostics) = dossier_annotate::annotate(&document);
    let (claims, notes) = dossier_extract::extract(&document, &annotations);
    diagnostics.extend(notes);
    AnalyzedDocument {
        document,
        annotations,
        claims,
        attributes: Vec::new(),
        diagnostics,
    }
}

fn score_topic(gold: &[CatDocument], evaluation: &mut CatEvaluation) {
    let analyzed: Vec<AnalyzedDocument> = gold.iter().map(analyze).collect();
    for (gold, system) in gold.iter().zip(&analyzed) {
        score_times(gold, system, evaluation);
        score_mentions(gold, system, evaluation);
    }
    let entities = dossier_link::link_entities(&analyzed);
    let derivations = dossier_link::find_derivations(&analyzed);
    let lineages = dossier_link::build_lineages(&analyzed, &derivations);
    let (events, _) = dossier_fuse::fuse(&analyzed, &entities, &lineages);

    let mut entity_of: BTreeMap<(&str, Span), &str> = BTreeMap::new();
    for entity in &entities {
        for location in &entity.mentions {
            entity_of.insert((location.doc.as_str(), location.span), &entity.id);
        }
    }
    let entity_clusters = coreference(gold, &analyzed, "ENTITY_MENTION", |doc, span| {
        let system = &analyzed[doc];
        system
            .annotations
            .mentions
            .iter()
            .find(|m| m.span.overlaps(span))
            .and_then(|m| {
                entity_of
                    .get(&(system.document.id.as_str(), m.span))
                    .map(|id| id.to_string())
            })
    });
    evaluation.entity_coreference.add(b_cubed(&entity_clusters));

    let mut event_of: BTreeMap<(usize, usize), &str> = BTreeMap::new();
    for event in &events {
        for claim in &event.claims {
            event_of.insert((claim.doc, claim.claim), &event.id);
        }
    }
    let event_clusters = coreference(gold, &analyzed, "EVENT_MENTION", |doc, span| {
        let claims = &analyzed[doc].claims;
        let index = claims.iter().position(|c| c.trigger.overlaps(span))?;
        event_of.get(&(doc, index)).map(|id| id.to_string())
    });
    evaluation.event_coreference.add(b_cubed(&event_clusters));
}

/// Gold mentions of `tag` that refer to a cross-document instance, each with its gold instance
/// and the system cluster `system_cluster(document index, span)` puts it in.
fn coreference(
    gold: &[CatDocument],
    analyzed: &[AnalyzedDocument],
    tag: &str,
    system_cluster: impl Fn(usize, Span) -> Option<String>,
) -> Vec<(MentionKey, String, Option<String>)> {
    debug_assert_eq!(gold.len(), analyzed.len());
    let mut mentions = Vec::new();
    for (doc, gold) in gold.iter().enumerate() {
        for markable in gold.markables(tag) {
            if tag == "ENTITY_MENTION" && markable.attribute("syntactic_type") != "NAM" {
                continue;
            }
            if let Some(instance) = gold.instance_of.get(&markable.m_id) {
                let system = system_cluster(doc, markable.span);
                mentions.push(((doc, markable.m_id.clone()), instance.clone(), system));
            }
        }
    }
    mentions
}

/// MEANTIME annotates time expressions only in the title and the first sentences of each
/// article (no TIMEX3 of the corpus lies beyond gold sentence 5, counting the title as 0), so
/// system expressions after that are neither right nor wrong and are not scored.
const TIMEX_ANNOTATED_SENTENCES: usize = 6;

/// Scores time expressions (extent and value) in the annotated sentences. The document
/// creation time is excluded on both sides: the reader drops the gold one, and the system's
/// tag of the dateline (a sentence that is exactly one expression whose value is the creation
/// date) is dropped here.
fn score_times(gold: &CatDocument, system: &AnalyzedDocument, evaluation: &mut CatEvaluation) {
    let annotated_end = gold
        .sentences
        .get(TIMEX_ANNOTATED_SENTENCES - 1)
        .or(gold.sentences.last())
        .map_or(0, |s| s.end);
    let creation_value = gold.creation_time.map(|d| d.format("%Y-%m-%d").to_string());
    let is_dateline = |span: Span, value: &str| {
        creation_value.as_deref() == Some(value) && gold.sentences.contains(&span)
    };
    let gold_times: Vec<(Span, &str)> = gold
        .markables("TIMEX3")
        .map(|m| (m.span, m.attribute("value")))
        .collect();
    let system_times: Vec<(Span, &str)> = system
        .annotations
        .times
        .iter()
        .filter(|t| t.span.start < annotated_end && !is_dateline(t.span, &t.value))
        .map(|t| (t.span, t.value.as_str()))
        .collect();
    let gold_spans: Vec<Span> = gold_times.iter().map(|t| t.0).collect();
    let system_spans: Vec<Span> = system_times.iter().map(|t| t.0).collect();
    evaluation
        .time_extent_strict
        .add(span_score(&gold_spans, &system_spans, Matching::Strict));
    evaluation
        .time_extent_relaxed
        .add(span_score(&gold_spans, &system_spans, Matching::Relaxed));
    let same = |a: &(Span, &str), b: &(Span, &str)| a.0.overlaps(b.0) && a.1 == b.1;
    evaluation
        .time_value
        .add(score_matches(&gold_times, &system_times, same));
}

fn score_mentions(gold: &CatDocument, system: &AnalyzedDocument, evaluation: &mut CatEvaluation) {
    let names: Vec<Span> = gold
        .markables("ENTITY_MENTION")
        .filter(|m| m.attribute("syntactic_type") == "NAM")
        .map(|m| m.span)
        .collect();
    let mentions: Vec<Span> = system.annotations.mentions.iter().map(|m| m.span).collect();
    evaluation
        .entity_names_strict
        .add(span_score(&names, &mentions, Matching::Strict));
    evaluation
        .entity_names_relaxed
        .add(span_score(&names, &mentions, Matching::Relaxed));
    score_typed_names(gold, system, evaluation);
    let missed = names
        .iter()
        .filter(|&&name| !mentions.iter().any(|&m| Matching::Relaxed.matches(name, m)));
    evaluation
        .missed_names
        .extend(missed.map(|name| MissedName {
            document: gold.name.clone(),
            text: name.slice(&gold.text).to_string(),
        }));
    // Like time expressions, MEANTIME annotates every event only in the first sentences; later
    // ones only when they corefer with an earlier one. Mentions are scored in those sentences
    // only, on both sides.
    let annotated_end = gold
        .sentences
        .get(TIMEX_ANNOTATED_SENTENCES - 1)
        .or(gold.sentences.last())
        .map_or(0, |s| s.end);
    let events: Vec<Span> = gold
        .markables("EVENT_MENTION")
        .map(|m| m.span)
        .filter(|span| span.start < annotated_end)
        .collect();
    let detected: Vec<Span> =
        dossier_extract::event_mentions(&system.document, &system.annotations)
            .into_iter()
            .map(|m| m.span)
            .filter(|span| span.start < annotated_end)
            .collect();
    evaluation
        .event_mentions_strict
        .add(span_score(&events, &detected, Matching::Strict));
    evaluation
        .event_mentions_relaxed
        .add(span_score(&events, &detected, Matching::Relaxed));
    let triggers: Vec<Span> = system
        .claims
        .iter()
        .map(|c| c.trigger)
        .filter(|span| span.start < annotated_end)
        .collect();
    evaluation
        .event_claims_strict
        .add(span_score(&events, &triggers, Matching::Strict));
}

/// A name with the PER/ORG/LOC label it is scored under.
type TypedName = (Span, &'static str);

/// Scores persons, organizations and locations with their types (see
/// [`CatEvaluation::typed_names_strict`]).
fn score_typed_names(
    gold: &CatDocument,
    system: &AnalyzedDocument,
    evaluation: &mut CatEvaluation,
) {
    let gold_names: Vec<&Markable> = gold
        .markables("ENTITY_MENTION")
        .filter(|m| m.attribute("syntactic_type") == "NAM")
        .collect();
    let gold_typed: Vec<TypedName> = gold_names
        .iter()
        .filter_map(|m| {
            let label = match gold.entity_type(&m.m_id)? {
                "PER" => "PER",
                "ORG" => "ORG",
                "LOC" => "LOC",
                _ => return None,
            };
            Some((m.span, label))
        })
        .collect();
    let system_typed: Vec<TypedName> = system
        .annotations
        .mentions
        .iter()
        .filter(|m| gold_names.iter().any(|g| g.span.overlaps(m.span)))
        .filter_map(|m| {
            let label = match m.kind {
                EntityKind::Person => "PER",
                EntityKind::Org => "ORG",
                EntityKind::Gpe | EntityKind::Loc => "LOC",
                EntityKind::Norp | EntityKind::Misc => return None,
            };
            Some((m.span, label))
        })
        .collect();
    let show = |(span, label): &TypedName| format!("{label} {}", span.slice(&gold.text));
    for name in &gold_typed {
        if !system_typed.contains(name) {
            let found: Vec<String> = system
                .annotations
                .mentions
                .iter()
                .filter(|m| m.span.overlaps(name.0))
                .map(|m| format!("{} {}", m.kind.label(), m.span.slice(&gold.text)))
                .collect();
            evaluation.mistyped_names.push(MistypedName {
                document: gold.name.clone(),
                gold: show(name),
                found: found.join(" | "),
            });
        }
    }
    for (matching, score) in [
        (Matching::Strict, &mut evaluation.typed_names_strict),
        (Matching::Relaxed, &mut evaluation.typed_names_relaxed),
    ] {
        let same = |a: &TypedName, b: &TypedName| a.1 == b.1 && matching.matches(a.0, b.0);
        score.add(score_matches(&gold_typed, &system_typed, same));
    }
}

impl fmt::Display for CatEvaluation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} topics, {} documents (document creation times not scored)",
            self.topics, self.documents
        )?;
        let rows: [(&str, &Score); 12] = [
            ("time extent, strict", &self.time_extent_strict),
            ("time extent, relaxed", &self.time_extent_relaxed),
            ("time value (relaxed extent, equal value)", &self.time_value),
            (
                "entity names, strict (P indicative)",
                &self.entity_names_strict,
            ),
            (
                "entity names, relaxed (P indicative)",
                &self.entity_names_relaxed,
            ),
            (
                "typed names PER/ORG/LOC, strict (on gold)",
                &self.typed_names_strict,
            ),
            (
                "typed names PER/ORG/LOC, relaxed (on gold)",
                &self.typed_names_relaxed,
            ),
            (
                "entity coreference, cross-document B3",
                &self.entity_coreference,
            ),
            ("event mentions, strict", &self.event_mentions_strict),
            ("event mentions, relaxed", &self.event_mentions_relaxed),
            (
                "event mentions as claims, strict",
                &self.event_claims_strict,
            ),
            (
                "event coreference, cross-document B3",
                &self.event_coreference,
            ),
        ];
        for (task, score) in rows {
            writeln!(f, "{task:<44} {score}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One topic with two gold names: "France", which the recognizer finds, and "the plan",
    /// which no recognizer calls a name.
    const TOPIC: &str = r#"<Document doc_name="plan">
<token t_id="1" sentence="0" number="0">Officials</token>
<token t_id="2" sentence="0" number="1">in</token>
<token t_id="3" sentence="0" number="2">France</token>
<token t_id="4" sentence="0" number="3">backed</token>
<token t_id="5" sentence="0" number="4">the</token>
<token t_id="6" sentence="0" number="5">plan</token>
<token t_id="7" sentence="0" number="6">.</token>
<Markables>
<ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12" syntactic_type="NAM"><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY m_id="13" ent_type="LOC" instance_id="LOC1"/>
<ENTITY m_id="14" ent_type="ORG" instance_id="ORG1"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="11"/><target m_id="13"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="12"/><target m_id="14"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn names_that_no_mention_overlaps_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("plan.xml"), TOPIC).unwrap();
        let evaluation = evaluate_cat_corpus(dir.path()).unwrap();
        assert_eq!(evaluation.documents, 1);
        assert_eq!(evaluation.entity_names_relaxed.recall(), 0.5);
        assert_eq!(
            evaluation.missed_names,
            [MissedName {
                document: "plan".into(),
                text: "the plan".into(),
            }]
        );
        // Typed: "France" found as a place; "the plan", annotated ORG, not found.
        assert_eq!(evaluation.typed_names_strict.recall(), 0.5);
        assert_eq!(evaluation.typed_names_strict.precision(), 1.0);
        assert_eq!(
            evaluation.mistyped_names,
            [MistypedName {
                document: "plan".into(),
                gold: "ORG the plan".into(),
                found: String::new(),
            }]
        );
    }
}
