//! Fuse: claims about the same happening become events; disagreements become contradictions.
//!
//! A pure function of the analysed documents, the linked entities and the lineages. Claims are
//! first resolved to entity ids and lineages ([`records`]; an actor that is a state's metonym,
//! "the Kremlin refused", resolves to the state and keeps its words), then grouped by cross-document event
//! coreference ([`group`]: an inverted index plus a constrained union-find, never all pairs),
//! then clusters that independent sources date differently are joined and reported as `date`
//! contradictions ([`contradict`], whose rule is deliberately strict: a contradiction a careful
//! reader would not accept is worse than a missed one). Partial clusters (no actor, or nothing
//! acted upon, and no time) join a fuller cluster of their document or are left out
//! ([`partial`]). Each final cluster becomes an
//! [`Event`] whose `independent_sources` counts lineages, so a rewrite never corroborates its
//! original. Counts stated in an event's sentences are joined to it, and each event is checked
//! for `number` contradictions (two independent counts of the same people that cannot both
//! hold, [`attributes`]) and `assertion` contradictions (one source asserts what another denies
//! or calls unproven, [`assertions`]). Kinship claims give `attribute` contradictions ("nephew"
//! and "grandson" of one relative for one holder), which belong to no event.
//!
//! Ids are deterministic: events are sorted by (earliest day, type, label, first claim) and
//! numbered `V1`, `V2`, …; contradictions follow their events' order as `C1`, `C2`, ….

mod assertions;
mod attributes;
mod content;
mod contradict;
mod event;
mod group;
mod partial;
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
    let dropped = partial::absorb(&records, &mut clusters);

    let mut conflict_of: HashMap<usize, usize> = HashMap::new();
    for (n, conflict) in conflicts.iter().enumerate() {
        conflict_of.insert(clusters.find(conflict.member), n);
    }
    let mut built: Vec<(Event, Option<usize>, Vec<usize>)> = clusters
        .groups()
        .into_iter()
        // A cluster's root is its smallest member, its first.
        .filter(|members| !dropped.contains(&members[0]))
        .map(|members| {
            let root = clusters.find(members[0]);
            let conflict = conflict_of.get(&root).copied();
            let dates: Option<Vec<String>> =
                conflict.map(|n| conflicts[n].sides.iter().map(|(v, _)| v.clone()).collect());
            let agreed = clusters.time(root);
            let event = event::build(
                &records,
                &members,
                entities,
                agreed.as_deref(),
                dates.as_deref(),
            );
            (event, conflict, members)
        })
        .collect();
    built.sort_by(|(a, _, _), (b, _, _)| {
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
    let members: Vec<Vec<usize>> = built.iter().map(|(_, _, m)| m.clone()).collect();
    let counts = attributes::event_counts(documents, &records, &members);

    let mut events = Vec::with_capacity(built.len());
    let mut contradictions = Vec::new();
    for (n, ((mut event, conflict, members), counts)) in built.into_iter().zip(counts).enumerate() {
        event.id = format!("V{}", n + 1);
        event.counts = counts;
        let about = without_time(&event.label).to_string();
        if let Some(c) = conflict {
            let sides = conflicts[c]
                .sides
                .iter()
                .map(|(v, claims)| (v.clone(), claims.clone()));
            push_claims(
                &mut contradictions,
                ContradictionKind::Date,
                format!("date of: {about}"),
                Some(&event.id),
                sides,
            );
        }
        if let Some(sides) = assertions::assertion_conflict(&records, &members) {
            push_claims(
                &mut contradictions,
                ContradictionKind::Assertion,
                format!("whether: {about}"),
                Some(&event.id),
                sides.into_iter(),
            );
        }
        for found in attributes::number_conflicts(documents, lineages, &event.counts, &about) {
            push_attributes(&mut contradictions, found, Some(&event.id));
        }
        events.push(event);
    }
    for found in attributes::kinship_conflicts(documents, entities, lineages) {
        push_attributes(&mut contradictions, found, None);
    }
    (events, contradictions)
}

/// Adds a contradiction whose sides are event claims, numbered after the others.
fn push_claims(
    out: &mut Vec<Contradiction>,
    kind: ContradictionKind,
    subject: String,
    event: Option<&str>,
    sides: impl Iterator<Item = (String, Vec<dossier_core::ClaimRef>)>,
) {
    out.push(Contradiction {
        id: format!("C{}", out.len() + 1),
        kind,
        subject,
        event: event.map(str::to_string),
        sides: sides
            .map(|(value, claims)| ContradictionSide {
                value,
                claims,
                attributes: Vec::new(),
            })
            .collect(),
    });
}

/// Adds a contradiction whose sides are attribute claims, numbered after the others.
fn push_attributes(
    out: &mut Vec<Contradiction>,
    found: attributes::AttributeConflict,
    event: Option<&str>,
) {
    out.push(Contradiction {
        id: format!("C{}", out.len() + 1),
        kind: found.kind,
        subject: found.subject,
        event: event.map(str::to_string),
        sides: found
            .sides
            .into_iter()
            .map(|(value, attributes)| ContradictionSide {
                value,
                claims: Vec::new(),
                attributes,
            })
            .collect(),
    });
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
