//! Writing analyzed documents (and the settings and user gazetteer they were analyzed with):
//! one row per annotation, every statement prepared once per connection (`prepare_cached`) and
//! run inside the caller's transaction.
//!
//! Replacing a document is "delete the document row, insert it again": the child rows go with
//! it through `ON DELETE CASCADE`, so a re-analyzed document never keeps stale annotations.

use dossier_core::{
    AnalyzedDocument, AttributeClaim, AttributeValue, Claim, Skipped, Span, UserGazetteer,
};
use rusqlite::{params, Transaction};

/// Records skipped inputs, then writes documents (see [`document`]).
pub fn documents<'a>(
    tx: &Transaction<'_>,
    documents: impl IntoIterator<Item = &'a AnalyzedDocument>,
    skipped_inputs: &[Skipped],
) -> rusqlite::Result<()> {
    skipped(tx, skipped_inputs)?;
    for analyzed in documents {
        document(tx, analyzed)?;
    }
    Ok(())
}

/// Records (or updates) skipped inputs.
pub fn skipped(tx: &Transaction<'_>, skipped: &[Skipped]) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT OR REPLACE INTO skipped (path, reason) VALUES (?1, ?2)")?;
    for s in skipped {
        insert.execute(params![s.path, s.reason])?;
    }
    Ok(())
}

/// Writes one document with all its rows, replacing any earlier version of the same id, and
/// forgets an earlier skip of its path.
pub fn document(tx: &Transaction<'_>, analyzed: &AnalyzedDocument) -> rusqlite::Result<()> {
    let doc = &analyzed.document;
    tx.prepare_cached("DELETE FROM documents WHERE id = ?1")?
        .execute([&doc.id])?;
    tx.prepare_cached("DELETE FROM skipped WHERE path = ?1")?
        .execute([&doc.path])?;
    tx.prepare_cached(
        "INSERT INTO documents (id, path, sha256, title, published, outlet, url, language, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        doc.id,
        doc.path,
        doc.sha256,
        doc.meta.title,
        doc.meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
        doc.meta.outlet,
        doc.meta.url,
        doc.meta.language,
        doc.text,
    ])?;
    authors(tx, &doc.id, &doc.meta.authors)?;
    annotations(tx, analyzed)?;
    claims(tx, &doc.id, &analyzed.claims)?;
    attributes(tx, &doc.id, &analyzed.attributes)?;
    diagnostics(tx, analyzed)
}

fn authors(tx: &Transaction<'_>, id: &str, authors: &[String]) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare_cached("INSERT INTO authors (doc, idx, name) VALUES (?1, ?2, ?3)")?;
    for (i, name) in authors.iter().enumerate() {
        insert.execute(params![id, i, name])?;
    }
    Ok(())
}

/// Sentences, mentions, times and quotes.
fn annotations(tx: &Transaction<'_>, analyzed: &AnalyzedDocument) -> rusqlite::Result<()> {
    let id = &analyzed.document.id;
    let a = &analyzed.annotations;
    let mut insert = tx.prepare_cached(
        r#"INSERT INTO sentences (doc, idx, start, "end") VALUES (?1, ?2, ?3, ?4)"#,
    )?;
    for (i, s) in a.sentences.iter().enumerate() {
        insert.execute(params![id, i, s.start, s.end])?;
    }
    let mut insert = tx.prepare_cached(
        r#"INSERT INTO mentions (doc, idx, start, "end", kind, canonical)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)"#,
    )?;
    for (i, m) in a.mentions.iter().enumerate() {
        insert.execute(params![
            id,
            i,
            m.span.start,
            m.span.end,
            m.kind.label(),
            m.canonical
        ])?;
    }
    let mut insert = tx.prepare_cached(
        r#"INSERT INTO times (doc, idx, start, "end", kind, value, anchor, anchored_start, anchored_end)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"#,
    )?;
    for (i, t) in a.times.iter().enumerate() {
        let (anchored_start, anchored_end) = split(t.anchored_to);
        insert.execute(params![
            id,
            i,
            t.span.start,
            t.span.end,
            t.kind.label(),
            t.value,
            t.anchor.label(),
            anchored_start,
            anchored_end,
        ])?;
    }
    let mut insert = tx.prepare_cached(
        r#"INSERT INTO quotes (doc, idx, start, "end", speaker, speaker_start, speaker_end)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"#,
    )?;
    for (i, q) in a.quotes.iter().enumerate() {
        let (speaker_start, speaker_end) = split(q.speaker_span);
        insert.execute(params![
            id,
            i,
            q.span.start,
            q.span.end,
            q.speaker,
            speaker_start,
            speaker_end
        ])?;
    }
    Ok(())
}

fn claims(tx: &Transaction<'_>, id: &str, claims: &[Claim]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO claims (doc, idx, sentence, event_type, trigger_start, trigger_end,
             time_start, time_end, time_value, time_anchor, place_start, place_end, speaker, modality)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut participant = tx.prepare_cached(
        "INSERT INTO claim_participants (doc, claim_idx, idx, mention_start, mention_end, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (i, c) in claims.iter().enumerate() {
        let (time_start, time_end) = split(c.time.as_ref().map(|t| t.span));
        let (place_start, place_end) = split(c.place);
        insert.execute(params![
            id,
            i,
            c.sentence,
            c.event_type,
            c.trigger.start,
            c.trigger.end,
            time_start,
            time_end,
            c.time.as_ref().map(|t| &t.value),
            c.time.as_ref().map(|t| t.anchor.label()),
            place_start,
            place_end,
            c.speaker,
            c.modality.label(),
        ])?;
        for (j, p) in c.participants.iter().enumerate() {
            participant.execute(params![
                id,
                i,
                j,
                p.mention.start,
                p.mention.end,
                p.role.label()
            ])?;
        }
    }
    Ok(())
}

fn attributes(
    tx: &Transaction<'_>,
    id: &str,
    attributes: &[AttributeClaim],
) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        r#"INSERT INTO attributes (doc, idx, sentence, start, "end", kind, holder_start, holder_end,
             position_role, position_start, position_end, value, object_start, object_end,
             number, bound, event_type, speaker, modality)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"#,
    )?;
    for (i, a) in attributes.iter().enumerate() {
        let (holder_start, holder_end) = split(a.holder);
        let (position_start, position_end) = split(a.position.as_ref().map(|p| p.of));
        let (value, object, count) = match &a.value {
            AttributeValue::Kinship { relation, relative } => (relation, Some(*relative), None),
            AttributeValue::Role { role, of } => (role, *of, None),
            AttributeValue::Count(c) => (&c.what, None, Some(c)),
        };
        let (object_start, object_end) = split(object);
        insert.execute(params![
            id,
            i,
            a.sentence,
            a.span.start,
            a.span.end,
            a.value.kind_label(),
            holder_start,
            holder_end,
            a.position.as_ref().map(|p| &p.role),
            position_start,
            position_end,
            value,
            object_start,
            object_end,
            count.map(|c| c.value),
            count.map(|c| c.bound.label()),
            count.map(|c| &c.event_type),
            a.speaker,
            a.modality.label(),
        ])?;
    }
    Ok(())
}

fn diagnostics(tx: &Transaction<'_>, analyzed: &AnalyzedDocument) -> rusqlite::Result<()> {
    let mut insert = tx.prepare_cached(
        r#"INSERT INTO diagnostics (doc, idx, severity, message, start, "end")
           VALUES (?1, ?2, ?3, ?4, ?5, ?6)"#,
    )?;
    for (i, d) in analyzed.diagnostics.iter().enumerate() {
        let (start, end) = split(d.span);
        insert.execute(params![
            analyzed.document.id,
            i,
            d.severity.label(),
            d.message,
            start,
            end
        ])?;
    }
    Ok(())
}

/// An optional span as two nullable columns.
fn split(span: Option<Span>) -> (Option<usize>, Option<usize>) {
    (span.map(|s| s.start), span.map(|s| s.end))
}

/// Sets one row of `settings`.
pub fn setting(tx: &Transaction<'_>, key: &str, value: &str) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])
    .map(|_| ())
}

/// Replaces the stored user gazetteer: every entry with its position, then its aliases.
pub fn gazetteer(tx: &Transaction<'_>, gazetteer: &UserGazetteer) -> rusqlite::Result<()> {
    // The aliases go with their entries (ON DELETE CASCADE).
    tx.prepare_cached("DELETE FROM gazetteer_entries")?
        .execute([])?;
    let mut entry = tx.prepare_cached(
        "INSERT INTO gazetteer_entries (idx, canonical, kind, source) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut alias =
        tx.prepare_cached("INSERT INTO gazetteer_aliases (entry, idx, alias) VALUES (?1, ?2, ?3)")?;
    for (i, e) in gazetteer.entries.iter().enumerate() {
        entry.execute(params![i, e.canonical, e.kind.label(), e.source])?;
        for (j, a) in e.aliases.iter().enumerate() {
            alias.execute(params![i, j, a])?;
        }
    }
    Ok(())
}
