//! Partial events: clusters that name no actor, or an actor and nothing acted upon, and no time.
//!
//! "attacked X", "X condemned" or "Y designated" tell a reader little on their own, and most
//! often repeat a fuller statement of the same document ("X attacked Y on Monday. ... the
//! attack on Y"). Such a cluster is joined to a fuller cluster of its type group that shares a
//! document and a participant when the merge is consistent (times, places); otherwise it is
//! left out of the timeline. A cluster is complete when it names an agent and an object or
//! place (or only an agent, for a type that takes no object, such as a statement), or when it
//! is dated — except for the general (`loose`) types, whose words ("began", "opposition") say
//! too little without both an actor and what they act on.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::Role;

use crate::group::Clusters;
use crate::records::Record;

/// What a cluster names, for the completeness test.
#[derive(Debug, Default)]
struct Shape {
    agent: bool,
    object: bool,
    dated: bool,
    loose: bool,
    no_object: bool,
    docs: BTreeSet<usize>,
    entities: BTreeSet<usize>,
    group: String,
}

/// Joins the partial clusters to fuller ones where possible; returns the roots of those left
/// partial (to be dropped).
pub(crate) fn absorb(records: &[Record], clusters: &mut Clusters) -> BTreeSet<usize> {
    let mut shapes: BTreeMap<usize, Shape> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let shape = shapes.entry(clusters.find(i)).or_default();
        shape.agent |= r.participants.iter().any(|(_, role)| *role == Role::Agent);
        // A place is what a visit or an intervention is about ("X visited Moscow").
        shape.object |=
            r.place.is_some() || r.participants.iter().any(|(_, role)| *role != Role::Agent);
        shape.dated |= r.time.is_some();
        shape.loose |= r.info.loose;
        shape.no_object |= r.info.no_object;
        shape.docs.insert(r.at.doc);
        shape.entities.extend(r.entities());
        shape.group.clone_from(&r.info.group);
    }
    let complete = |shape: &Shape| {
        let roles = shape.agent && (shape.object || shape.no_object);
        roles || shape.dated && !shape.loose
    };
    // Fuller clusters by (document, group), in root order.
    let mut fuller: BTreeMap<(usize, &str), Vec<usize>> = BTreeMap::new();
    let mut partial = Vec::new();
    for (&root, shape) in &shapes {
        if complete(shape) {
            for &doc in &shape.docs {
                fuller.entry((doc, &shape.group)).or_default().push(root);
            }
        } else {
            partial.push(root);
        }
    }
    let mut dropped = BTreeSet::new();
    for root in partial {
        let shape = &shapes[&root];
        let target = shape
            .docs
            .iter()
            .filter_map(|&doc| fuller.get(&(doc, shape.group.as_str())))
            .flatten()
            .copied()
            .find(|f| !shapes[f].entities.is_disjoint(&shape.entities));
        let joined = target.is_some_and(|f| clusters.union(root, f, false));
        if !joined {
            dropped.insert(root);
        }
    }
    dropped
}
