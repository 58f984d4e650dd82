//! Reading analyzed documents (and the user gazetteer they were analyzed with) back: one scan
//! per table (ordered by document and index) rather than one query per document, so loading
//! thousands of documents costs a handful of queries.
//!
//! A label or date that does not parse is reported as a SQLite conversion error naming the
//! column; nothing is guessed.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use dossier_core::{
    AnalyzedDocument, Anchor, AttributeClaim, AttributeValue, Claim, ClaimTime, Count, CountBound,
    Diagnostic, Document, EntityKind, GazetteerEntry, Mention, Metadata, Modality, Participant,
    Position, Quote, Role, Skipped, Span, TimeExpr, UserGazetteer,
};
use rusqlite::{types::Type, Connection, Row};

use dossier_core::{Severity, TimeKind};

/// Every document, sorted by id, with all its rows.
pub fn documents(conn: &Connection) -> rusqlite::Result<Vec<AnalyzedDocument>> {
    let mut docs = bare_documents(conn)?;
    let index: BTreeMap<String, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.document.id.clone(), i))
        .collect();
    let mut tables = Tables {
        conn,
        docs: &mut docs,
        index: &index,
    };
    tables.attach(
        "SELECT doc, name FROM authors ORDER BY doc, idx",
        |r| r.get::<_, String>(1),
        |d, name| {
            d.document.meta.authors.push(name);
            Ok(())
        },
    )?;
    tables.attach(
        r#"SELECT doc, start, "end" FROM sentences ORDER BY doc, idx"#,
        |r| span(r, 1, 2),
        |d, s| {
            d.annotations.sentences.push(s);
            Ok(())
        },
    )?;
    tables.attach(
        r#"SELECT doc, start, "end", kind, canonical FROM mentions ORDER BY doc, idx"#,
        |r| {
            Ok(Mention {
                span: span(r, 1, 2)?,
                kind: label(r, 3, EntityKind::from_label)?,
                canonical: r.get(4)?,
            })
        },
        |d, m| {
            d.annotations.mentions.push(m);
            Ok(())
        },
    )?;
    tables.attach(
        r#"SELECT doc, start, "end", kind, value, anchor, anchored_start, anchored_end
           FROM times ORDER BY doc, idx"#,
        |r| {
            Ok(TimeExpr {
                span: span(r, 1, 2)?,
                kind: label(r, 3, TimeKind::from_label)?,
                value: r.get(4)?,
                anchor: label(r, 5, Anchor::from_label)?,
                anchored_to: optional_span(r, 6, 7)?,
            })
        },
        |d, t| {
            d.annotations.times.push(t);
            Ok(())
        },
    )?;
    tables.attach(
        r#"SELECT doc, start, "end", speaker, speaker_start, speaker_end FROM quotes ORDER BY doc, idx"#,
        |r| Ok(Quote { span: span(r, 1, 2)?, speaker: r.get(3)?, speaker_span: optional_span(r, 4, 5)? }),
        |d, q| {
            d.annotations.quotes.push(q);
            Ok(())
        },
    )?;
    tables.attach(
        "SELECT doc, sentence, event_type, trigger_start, trigger_end, time_start, time_end,
                time_value, time_anchor, place_start, place_end, speaker, modality
         FROM claims ORDER BY doc, idx",
        claim,
        |d, c| {
            d.claims.push(c);
            Ok(())
        },
    )?;
    tables.attach(
        "SELECT doc, claim_idx, mention_start, mention_end, role
         FROM claim_participants ORDER BY doc, claim_idx, idx",
        |r| {
            let participant = Participant {
                mention: span(r, 2, 3)?,
                role: label(r, 4, Role::from_label)?,
            };
            Ok((r.get::<_, usize>(1)?, participant))
        },
        |d, (claim, participant)| match d.claims.get_mut(claim) {
            Some(c) => {
                c.participants.push(participant);
                Ok(())
            }
            None => Err(conversion(1, format!("claim index {claim} out of range"))),
        },
    )?;
    tables.attach(
        r#"SELECT doc, sentence, start, "end", kind, holder_start, holder_end, position_role,
                  position_start, position_end, value, object_start, object_end, number, bound,
                  event_type, speaker, modality
           FROM attributes ORDER BY doc, idx"#,
        attribute,
        |d, a| {
            d.attributes.push(a);
            Ok(())
        },
    )?;
    tables.attach(
        r#"SELECT doc, severity, message, start, "end" FROM diagnostics ORDER BY doc, idx"#,
        |r| {
            Ok(Diagnostic {
                severity: label(r, 1, Severity::from_label)?,
                message: r.get(2)?,
                span: optional_span(r, 3, 4)?,
            })
        },
        |d, diagnostic| {
            d.diagnostics.push(diagnostic);
            Ok(())
        },
    )?;
    Ok(docs)
}

/// Every skipped input, sorted by path.
pub fn skipped(conn: &Connection) -> rusqlite::Result<Vec<Skipped>> {
    let mut select = conn.prepare_cached("SELECT path, reason FROM skipped ORDER BY path")?;
    let rows = select.query_map([], |r| {
        Ok(Skipped {
            path: r.get(0)?,
            reason: r.get(1)?,
        })
    })?;
    rows.collect()
}

/// The stored user gazetteer, entries in their stored order, each with its aliases in order.
pub fn gazetteer(conn: &Connection) -> rusqlite::Result<UserGazetteer> {
    let mut select = conn.prepare_cached(
        "SELECT idx, canonical, kind, source FROM gazetteer_entries ORDER BY idx",
    )?;
    let mut index: BTreeMap<i64, usize> = BTreeMap::new();
    let mut entries = Vec::new();
    let mut rows = select.query([])?;
    while let Some(r) = rows.next()? {
        index.insert(r.get(0)?, entries.len());
        entries.push(GazetteerEntry {
            canonical: r.get(1)?,
            kind: label(r, 2, EntityKind::from_label)?,
            aliases: Vec::new(),
            source: r.get(3)?,
        });
    }
    let mut select =
        conn.prepare_cached("SELECT entry, alias FROM gazetteer_aliases ORDER BY entry, idx")?;
    let mut rows = select.query([])?;
    while let Some(r) = rows.next()? {
        let entry: i64 = r.get(0)?;
        // Foreign keys guarantee the entry exists.
        if let Some(&i) = index.get(&entry) {
            entries[i].aliases.push(r.get(1)?);
        }
    }
    Ok(UserGazetteer { entries })
}

/// The documents table alone, sorted by id, with empty annotations.
fn bare_documents(conn: &Connection) -> rusqlite::Result<Vec<AnalyzedDocument>> {
    let mut select = conn.prepare_cached(
        "SELECT id, path, sha256, title, published, outlet, url, language, text
         FROM documents ORDER BY id",
    )?;
    let rows = select.query_map([], |r| {
        let published = match r.get::<_, Option<String>>(4)? {
            Some(text) => Some(
                NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_err(|e| conversion(4, format!("published {text:?}: {e}")))?,
            ),
            None => None,
        };
        Ok(AnalyzedDocument::unanalyzed(Document {
            id: r.get(0)?,
            path: r.get(1)?,
            sha256: r.get(2)?,
            text: r.get(8)?,
            meta: Metadata {
                title: r.get(3)?,
                published,
                authors: Vec::new(),
                outlet: r.get(5)?,
                url: r.get(6)?,
                language: r.get(7)?,
            },
        }))
    })?;
    rows.collect()
}

/// One row of `claims` (without participants, which come from their own table).
fn claim(r: &Row<'_>) -> rusqlite::Result<Claim> {
    let time = match (optional_span(r, 5, 6)?, r.get::<_, Option<String>>(7)?) {
        (Some(span), Some(value)) => Some(ClaimTime {
            span,
            value,
            anchor: label(r, 8, Anchor::from_label)?,
        }),
        _ => None,
    };
    Ok(Claim {
        sentence: r.get(1)?,
        event_type: r.get(2)?,
        trigger: span(r, 3, 4)?,
        participants: Vec::new(),
        time,
        place: optional_span(r, 9, 10)?,
        speaker: r.get(11)?,
        modality: label(r, 12, Modality::from_label)?,
    })
}

/// One row of `attributes`.
fn attribute(r: &Row<'_>) -> rusqlite::Result<AttributeClaim> {
    let kind: String = r.get(4)?;
    let value: String = r.get(10)?;
    let object = optional_span(r, 11, 12)?;
    let value = match kind.as_str() {
        "kinship" => AttributeValue::Kinship {
            relation: value,
            relative: object.ok_or_else(|| conversion(11, "kinship without a relative".into()))?,
        },
        "role" => AttributeValue::Role {
            role: value,
            of: object,
        },
        "count" => AttributeValue::Count(Count {
            value: r.get(13)?,
            bound: label(r, 14, CountBound::from_label)?,
            what: value,
            event_type: r.get(15)?,
        }),
        other => return Err(conversion(4, format!("unknown attribute kind {other:?}"))),
    };
    let position = match (r.get::<_, Option<String>>(7)?, optional_span(r, 8, 9)?) {
        (Some(role), Some(of)) => Some(Position { role, of }),
        _ => None,
    };
    Ok(AttributeClaim {
        sentence: r.get(1)?,
        span: span(r, 2, 3)?,
        holder: optional_span(r, 5, 6)?,
        position,
        value,
        speaker: r.get(16)?,
        modality: label(r, 17, Modality::from_label)?,
    })
}

/// The documents being filled and the way to find one by id.
struct Tables<'a> {
    conn: &'a Connection,
    docs: &'a mut [AnalyzedDocument],
    index: &'a BTreeMap<String, usize>,
}

impl Tables<'_> {
    /// Runs `sql` (whose first column is the document id), turns each row into a value with
    /// `row_to` and hands it to `put` with its document.
    fn attach<T>(
        &mut self,
        sql: &str,
        row_to: impl Fn(&Row<'_>) -> rusqlite::Result<T>,
        mut put: impl FnMut(&mut AnalyzedDocument, T) -> rusqlite::Result<()>,
    ) -> rusqlite::Result<()> {
        let mut select = self.conn.prepare_cached(sql)?;
        let mut rows = select.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            // Foreign keys guarantee the document exists.
            if let Some(&i) = self.index.get(&id) {
                put(&mut self.docs[i], row_to(row)?)?;
            }
        }
        Ok(())
    }
}

fn span(r: &Row<'_>, start: usize, end: usize) -> rusqlite::Result<Span> {
    Ok(Span {
        start: r.get(start)?,
        end: r.get(end)?,
    })
}

fn optional_span(r: &Row<'_>, start: usize, end: usize) -> rusqlite::Result<Option<Span>> {
    let pair: (Option<usize>, Option<usize>) = (r.get(start)?, r.get(end)?);
    Ok(match pair {
        (Some(start), Some(end)) => Some(Span { start, end }),
        _ => None,
    })
}

/// A text column holding one of an enum's labels.
fn label<T>(
    r: &Row<'_>,
    column: usize,
    from_label: impl Fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    let text: String = r.get(column)?;
    from_label(&text).ok_or_else(|| conversion(column, format!("unknown label {text:?}")))
}

fn conversion(column: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, Type::Text, message.into())
}
