//! Reader of the CAT XML format of MEANTIME and ECB+: tokens, markables, instances, relations.
//!
//! The gold files hold tokens, not running text. The reader joins the tokens back into text
//! (one paragraph per sentence, spaces where English typesetting puts them) and remembers each
//! token's byte span, so that gold markables become [`Span`]s comparable with dossier's own.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use dossier_core::Span;

/// Errors reading one gold file.
#[derive(Debug, thiserror::Error)]
pub enum CatError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not well-formed XML: {source}")]
    Xml {
        path: String,
        source: roxmltree::Error,
    },
}

/// One gold markable (a mention of an entity or event, a time expression, …).
#[derive(Debug, Clone)]
pub struct Markable {
    /// The element name: `ENTITY_MENTION`, `EVENT_MENTION`, `TIMEX3`, …
    pub tag: String,
    pub m_id: String,
    /// The covered text, from the first to the last anchored token.
    pub span: Span,
    pub attributes: BTreeMap<String, String>,
}

impl Markable {
    pub fn attribute(&self, name: &str) -> &str {
        self.attributes.get(name).map(String::as_str).unwrap_or("")
    }
}

/// One gold document.
#[derive(Debug)]
pub struct CatDocument {
    /// The file stem.
    pub name: String,
    pub text: String,
    /// The document creation time (the TIMEX3 whose function is `CREATION_TIME`).
    pub creation_time: Option<NaiveDate>,
    /// The span of each gold sentence, in order.
    pub sentences: Vec<Span>,
    /// Markables anchored to tokens, in file order.
    pub markables: Vec<Markable>,
    /// `m_id` of a mention → cross-document instance id of what it refers to.
    pub instance_of: BTreeMap<String, String>,
    /// Instance id → its `ent_type` (PER, ORG, LOC, PRO, FIN, MIX), for entity instances.
    pub instance_type: BTreeMap<String, String>,
}

impl CatDocument {
    pub fn markables<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Markable> + 'a {
        self.markables.iter().filter(move |m| m.tag == tag)
    }

    /// The `ent_type` of the entity a mention refers to, when it refers to one.
    pub fn entity_type(&self, m_id: &str) -> Option<&str> {
        let instance = self.instance_of.get(m_id)?;
        self.instance_type.get(instance).map(String::as_str)
    }
}

/// Reads one CAT XML file.
pub fn read_cat_file(path: &Path) -> Result<CatDocument, CatError> {
    let display = path.display().to_string();
    let xml = std::fs::read_to_string(path).map_err(|source| CatError::Read {
        path: display.clone(),
        source,
    })?;
    let tree = roxmltree::Document::parse(&xml).map_err(|source| CatError::Xml {
        path: display.clone(),
        source,
    })?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(parse_tree(name, &tree))
}

fn parse_tree(name: String, tree: &roxmltree::Document) -> CatDocument {
    let root = tree.root_element();
    let (text, token_spans, sentences) = join_tokens(root);
    let mut markables = Vec::new();
    let mut instance_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut instance_type: BTreeMap<String, String> = BTreeMap::new();
    let mut creation_time = None;
    for element in root.descendants().filter(|n| n.is_element()) {
        let tag = element.tag_name().name();
        let m_id = element.attribute("m_id").unwrap_or_default().to_string();
        if tag == "TIMEX3" && element.attribute("functionInDocument") == Some("CREATION_TIME") {
            creation_time = element.attribute("value").and_then(parse_day);
            continue;
        }
        if let Some(instance) = element.attribute("instance_id") {
            instance_ids.insert(m_id.clone(), instance.to_string());
            if let Some(kind) = element.attribute("ent_type") {
                instance_type.insert(instance.to_string(), kind.to_string());
            }
        }
        if let Some(span) = anchored_span(element, &token_spans) {
            let attributes = element
                .attributes()
                .map(|a| (a.name().to_string(), a.value().to_string()))
                .collect();
            markables.push(Markable {
                tag: tag.to_string(),
                m_id,
                span,
                attributes,
            });
        }
    }
    let instance_of = refers_to(root, &instance_ids);
    CatDocument {
        name,
        text,
        creation_time,
        sentences,
        markables,
        instance_of,
        instance_type,
    }
}

/// Joins the `<token>`s into text, one paragraph per sentence; returns the text, the byte
/// span of every token by `t_id` and the span of every sentence.
fn join_tokens(root: roxmltree::Node) -> (String, BTreeMap<String, Span>, Vec<Span>) {
    let mut text = String::new();
    let mut spans = BTreeMap::new();
    let mut sentences: Vec<Span> = Vec::new();
    let mut sentence = None;
    let mut previous = "";
    for token in root.children().filter(|n| n.has_tag_name("token")) {
        let word = token.text().unwrap_or_default();
        let this_sentence = token.attribute("sentence");
        if sentence.is_some() && this_sentence != sentence {
            text.push_str("\n\n");
        } else if sentence.is_some() && space_between(previous, word) {
            text.push(' ');
        }
        if sentence.is_none() || this_sentence != sentence {
            sentences.push(Span::new(text.len(), text.len()));
        }
        sentence = this_sentence;
        let start = text.len();
        text.push_str(word);
        spans.insert(
            token.attribute("t_id").unwrap_or_default().to_string(),
            Span::new(start, text.len()),
        );
        previous = word;
        if let Some(last) = sentences.last_mut() {
            last.end = text.len();
        }
    }
    (text, spans, sentences)
}

/// Whether English typesetting puts a space between two tokens.
fn space_between(previous: &str, next: &str) -> bool {
    const NO_SPACE_BEFORE: &[&str] = &[
        ",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'", "''", "’s",
    ];
    const NO_SPACE_AFTER: &[&str] = &["(", "[", "$", "``", "#"];
    !(NO_SPACE_BEFORE.contains(&next) || NO_SPACE_AFTER.contains(&previous))
}

/// The span from the first to the last token a markable anchors to.
fn anchored_span(element: roxmltree::Node, token_spans: &BTreeMap<String, Span>) -> Option<Span> {
    let spans: Vec<Span> = element
        .children()
        .filter(|n| n.has_tag_name("token_anchor"))
        .filter_map(|n| token_spans.get(n.attribute("t_id")?).copied())
        .collect();
    let start = spans.iter().map(|s| s.start).min()?;
    let end = spans.iter().map(|s| s.end).max()?;
    Some(Span::new(start, end))
}

/// Mention `m_id` → instance id, from the `REFERS_TO` relations.
fn refers_to(
    root: roxmltree::Node,
    instance_ids: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut instance_of = BTreeMap::new();
    for relation in root
        .descendants()
        .filter(|n| n.has_tag_name("REFERS_TO") || n.has_tag_name("CROSS_DOC_COREF"))
    {
        let target = relation
            .children()
            .find(|n| n.has_tag_name("target"))
            .and_then(|n| n.attribute("m_id"))
            .and_then(|m| instance_ids.get(m));
        let Some(instance) = target else { continue };
        for source in relation.children().filter(|n| n.has_tag_name("source")) {
            if let Some(m_id) = source.attribute("m_id") {
                instance_of.insert(m_id.to_string(), instance.clone());
            }
        }
    }
    instance_of
}

/// `2008-03-01` (or a longer ISO value starting with a day) → the day.
fn parse_day(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<Document doc_name="sample">
<token t_id="1" sentence="0" number="0">Boeing</token>
<token t_id="2" sentence="0" number="1">wins</token>
<token t_id="3" sentence="1" number="0">On</token>
<token t_id="4" sentence="1" number="1">Monday</token>
<token t_id="5" sentence="1" number="2">,</token>
<token t_id="6" sentence="1" number="3">Boeing</token>
<token t_id="7" sentence="1" number="4">said</token>
<token t_id="8" sentence="1" number="5">.</token>
<Markables>
<TIMEX3 m_id="9" functionInDocument="CREATION_TIME" type="DATE" value="2008-03-01"></TIMEX3>
<TIMEX3 m_id="10" functionInDocument="NONE" type="DATE" value="2008-02-25"><token_anchor t_id="4"/></TIMEX3>
<ENTITY_MENTION m_id="11" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="12" syntactic_type="NAM"><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY m_id="13" ent_type="ORG" instance_id="ORG1" TAG_DESCRIPTOR="Boeing"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="11"/><source m_id="12"/><target m_id="13"/></REFERS_TO>
</Relations>
</Document>"#;

    #[test]
    fn joins_tokens_and_anchors_markables() {
        let tree = roxmltree::Document::parse(SAMPLE).unwrap();
        let document = parse_tree("sample".into(), &tree);
        assert_eq!(document.text, "Boeing wins\n\nOn Monday, Boeing said.");
        let sentences: Vec<&str> = document
            .sentences
            .iter()
            .map(|s| s.slice(&document.text))
            .collect();
        assert_eq!(sentences, ["Boeing wins", "On Monday, Boeing said."]);
        assert_eq!(document.creation_time, NaiveDate::from_ymd_opt(2008, 3, 1));
        let timex: Vec<&Markable> = document.markables("TIMEX3").collect();
        assert_eq!(
            timex.len(),
            1,
            "the creation time has no tokens and is not a markable"
        );
        assert_eq!(timex[0].span.slice(&document.text), "Monday");
        assert_eq!(timex[0].attribute("value"), "2008-02-25");
        let mentions: Vec<&str> = document
            .markables("ENTITY_MENTION")
            .map(|m| m.span.slice(&document.text))
            .collect();
        assert_eq!(mentions, ["Boeing", "Boeing"]);
        assert_eq!(
            document.instance_of.get("12").map(String::as_str),
            Some("ORG1")
        );
        assert_eq!(document.entity_type("12"), Some("ORG"));
        assert_eq!(document.entity_type("10"), None, "a time is no entity");
    }
}
