//! Fuse: claims about the same happening become events; disagreements become contradictions.
//!
//! A pure function of the analysed documents, the linked entities and the lineages. Claims are
//! first resolved to entity ids and lineages ([`records`]), then grouped by cross-document event
//! coreference ([`group`]: an inverted index plus a constrained union-find, never all pairs),
//! then clusters that independent sources date differently are joined and reported as `date`
//! contradictions ([`contradict`], whose rule is deliberately strict: a contradiction a careful
//! reader would not accept is worse than a missed one). Each final cluster becomes an
//! [`Event`] whose `independent_sources` counts lineages, so a rewrite never corroborates its
//! original.
//!
//! Ids are deterministic: events are sorted by (earliest day, type, label, first claim) and
//! numbered `V1`, `V2`, …; contradictions follow their events' order as `C1`, `C2`, ….

mod contradict;
mod event;
mod group;
mod records;
mod time;
mod types;

use std::collections::HashMap;

use dossier_core::{
    AnalyzedDocument, Contradiction, ContradictionKind, ContradictionSide, Entity, Event, Lineage,
};

/// Groups the claims of all documents into events and finds contradictions between them.
pub fn fuse(
    documents: &[AnalyzedDocument],
    entities: &[Entity],
    lineages: &[Lineage],
) -> (Vec<Event>, Vec<Contradiction>) {
    let records = records::records(documents, entities, lineages);
    let mut clusters = group::cluster(&records);
    let conflicts = contradict::date_conflicts(&records, entities, &mut clusters);

    let mut conflict_of: HashMap<usize, usize> = HashMap::new();
    for (n, conflict) in conflicts.iter().enumerate() {
        conflict_of.insert(clusters.find(conflict.member), n);
    }
    let mut built: Vec<(Event, Option<usize>)> = clusters
        .groups()
        .into_iter()
        .map(|members| {
            let root = clusters.find(members[0]);
            let conflict = conflict_of.get(&root).copied();
            let dates: Option<Vec<String>> =
                conflict.map(|n| conflicts[n].sides.iter().map(|(v, _)| v.clone()).collect());
            let agreed = clusters.time(root);
            (
                event::build(
                    &records,
                    &members,
                    entities,
                    agreed.as_deref(),
                    dates.as_deref(),
                ),
                conflict,
            )
        })
        .collect();
    built.sort_by(|(a, _), (b, _)| {
        let key = |e: &Event| {
            (
                e.time.earliest.clone().unwrap_or_else(|| "9999".into()),
                e.event_type.clone(),
                e.label.clone(),
                e.claims.first().copied(),
            )
        };
        key(a).cmp(&key(b))
    });

    let mut events = Vec::with_capacity(built.len());
    let mut contradictions = Vec::new();
    for (n, (mut event, conflict)) in built.into_iter().enumerate() {
        event.id = format!("V{}", n + 1);
        if let Some(c) = conflict {
            contradictions.push(Contradiction {
                id: format!("C{}", contradictions.len() + 1),
                kind: ContradictionKind::Date,
                subject: format!("date of: {}", without_time(&event.label)),
                event: Some(event.id.clone()),
                sides: conflicts[c]
                    .sides
                    .iter()
                    .map(|(value, claims)| ContradictionSide {
                        value: value.clone(),
                        claims: claims.clone(),
                    })
                    .collect(),
            });
        }
        events.push(event);
    }
    (events, contradictions)
}

/// The label without its trailing " (time)".
fn without_time(label: &str) -> &str {
    match label.rfind(" (") {
        Some(at) if label.ends_with(')') => &label[..at],
        _ => label,
    }
}

#[cfg(test)]
mod tests;
