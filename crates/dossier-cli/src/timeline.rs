//! `dossier timeline`: the cross-checked timeline of a dossier, in the terminal.
//!
//! The dossier is rebuilt from `DIR/dossier.sqlite` (the corpus stages, link and fuse, are
//! cheap; annotation is not redone), with the user gazetteer saved there by `dossier analyze`,
//! so the view always agrees with the stored documents and with `dossier.json`. Each
//! event is one line — date, id, label, type — followed by its sources (how many, how many
//! independent, which documents), the counts stated in its sentences, and a `!` line for every
//! contradiction that touches it. Contradictions about no event (kinship, for instance) follow
//! the timeline. Filters select events by entity (any name or alias, case-insensitive,
//! substring) and by event type.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use dossier_core::{Contradiction, Dossier, Event};
use dossier_store::Store;

use crate::analyze::{build_dossier, STORE_FILE};

/// What `dossier timeline` shows, decided before any work starts.
#[derive(Debug, Default)]
pub struct TimelineConfig {
    pub dir: PathBuf,
    /// Only events with a participant or place whose name or alias contains this.
    pub entity: Option<String>,
    /// Only events of this type (`meet`, `attack`, …).
    pub event_type: Option<String>,
}

pub fn run(config: &TimelineConfig) -> Result<()> {
    let store_path = config.dir.join(STORE_FILE);
    if !store_path.is_file() {
        bail!(
            "no dossier in {}: run `dossier analyze PATH --out {}` first",
            config.dir.display(),
            config.dir.display()
        );
    }
    let store = Store::open(&store_path)?;
    let documents = store
        .documents()
        .with_context(|| format!("cannot read {}", store_path.display()))?;
    let gazetteer = store.gazetteer()?;
    let dossier = build_dossier(documents, store.skipped()?, &gazetteer);
    crate::print_stdout(render(&dossier, config).trim_end())
}

/// The timeline as text.
pub fn render(dossier: &Dossier, config: &TimelineConfig) -> String {
    let mut out = String::new();
    let events: Vec<&Event> = dossier
        .events
        .iter()
        .filter(|e| {
            config
                .event_type
                .as_deref()
                .is_none_or(|t| e.event_type == t)
        })
        .filter(|e| {
            config
                .entity
                .as_deref()
                .is_none_or(|n| involves(dossier, e, n))
        })
        .collect();
    if events.is_empty() {
        out.push_str("no events match\n");
    }
    for event in &events {
        event_lines(dossier, event, &mut out);
    }
    let shown: BTreeSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    let others: Vec<&Contradiction> = dossier
        .contradictions
        .iter()
        .filter(|c| c.event.is_none() && config.event_type.is_none())
        .filter(|c| {
            config
                .entity
                .as_deref()
                .is_none_or(|n| c.subject.to_lowercase().contains(&n.to_lowercase()))
        })
        .collect();
    if !others.is_empty() {
        out.push_str("\nother contradictions\n");
        for c in others {
            let _ = writeln!(out, "  ! {}", contradiction_line(dossier, c));
        }
    }
    let _ = writeln!(
        out,
        "\n{} of {} events; {} contradiction(s) in the dossier",
        shown.len(),
        dossier.events.len(),
        dossier.contradictions.len()
    );
    out
}

/// True when a participant or the place of `event` has `name` in its name or aliases.
fn involves(dossier: &Dossier, event: &Event, name: &str) -> bool {
    let name = name.to_lowercase();
    let ids = event
        .participants
        .iter()
        .map(|(id, _)| id)
        .chain(event.place.as_ref());
    ids.filter_map(|id| dossier.entities.iter().find(|e| &e.id == id))
        .any(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|n| n.to_lowercase().contains(&name))
        })
}

fn event_lines(dossier: &Dossier, event: &Event, out: &mut String) {
    let date = match (&event.time.value, &event.time.earliest, &event.time.latest) {
        (Some(value), _, _) => value.clone(),
        (None, Some(first), Some(last)) => format!(
            "{}..{}",
            &first[..4.min(first.len())],
            &last[..4.min(last.len())]
        ),
        _ => "undated".to_string(),
    };
    let _ = writeln!(
        out,
        "{date:<10}  {:<4} {}  [{}]",
        event.id, event.label, event.event_type
    );
    let docs: BTreeSet<&str> = event
        .claims
        .iter()
        .filter_map(|r| dossier.documents.get(r.doc))
        .map(|d| d.document.id.as_str())
        .collect();
    let _ = writeln!(
        out,
        "{:16}{} source{}, {} independent: {}",
        "",
        event.sources,
        if event.sources == 1 { "" } else { "s" },
        event.independent_sources,
        docs.into_iter().collect::<Vec<_>>().join(", ")
    );
    for r in &event.counts {
        if let Some((doc, claim)) = dossier
            .documents
            .get(r.doc)
            .and_then(|d| Some((d, d.attributes.get(r.attribute)?)))
        {
            let words = doc.document.text.get(claim.span.range()).unwrap_or("");
            let _ = writeln!(out, "{:16}count: “{words}” ({})", "", doc.document.id);
        }
    }
    for c in dossier
        .contradictions
        .iter()
        .filter(|c| c.event.as_deref() == Some(event.id.as_str()))
    {
        let _ = writeln!(out, "{:16}! {}", "", contradiction_line(dossier, c));
    }
}

/// "C1 [date] date of: … — 2006-03 (002, 004) vs 2007 (000, 001)".
fn contradiction_line(dossier: &Dossier, c: &Contradiction) -> String {
    let sides: Vec<String> = c
        .sides
        .iter()
        .map(|side| {
            let docs: BTreeSet<&str> = side
                .claims
                .iter()
                .map(|r| r.doc)
                .chain(side.attributes.iter().map(|r| r.doc))
                .filter_map(|d| dossier.documents.get(d))
                .map(|d| d.document.id.as_str())
                .collect();
            format!(
                "{} ({})",
                side.value,
                docs.into_iter().collect::<Vec<_>>().join(", ")
            )
        })
        .collect();
    format!(
        "{} [{}] {} — {}",
        c.id,
        c.kind.label(),
        c.subject,
        sides.join(" vs ")
    )
}
