//! Date contradictions: one happening that independent sources date differently.
//!
//! Grouping keeps claims with incompatible dates apart, which is right for happenings that
//! recur (a meeting in 2006 and another in 2010). Two such clusters are instead *one happening
//! dated differently* — and are joined into one event with a `date` contradiction — only when a
//! careful reader would agree; every condition must hold:
//!
//! 1. their types share a group and are neither speech acts nor general (`loose`) types;
//! 2. the participants of one are a subset of the other's, sharing a person or organisation;
//! 3. they name the same place, or neither names one and they have the same two or more
//!    participants;
//! 4. both are dated in their own sentences (an inherited narrative time is too weak), the
//!    dates cannot both hold, and they are at most one year apart (years apart is another
//!    happening, not a slip);
//! 5. they come from different documents *and* different lineages: a document that states both
//!    dates speaks of two happenings, and a rewrite disagreeing with its source is an editing
//!    matter, not a disagreement between sources;
//! 6. no claim says the happening recurred ("again", "another") or is denied;
//! 7. neither cluster is already part of a contradiction.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::{ClaimRef, Entity, EntityKind};

use crate::group::Clusters;
use crate::records::Record;
use crate::time::{compatible, year};

/// Each member of an index bucket is compared with at most this many following members.
const WINDOW: usize = 16;

/// A cluster summarised for the contradiction test.
#[derive(Debug)]
struct Summary {
    group: String,
    speech: bool,
    participants: BTreeSet<usize>,
    place: Option<usize>,
    /// The most specific time stated in the cluster's own sentences, with its claims.
    time: Option<String>,
    dated: Vec<ClaimRef>,
    docs: BTreeSet<usize>,
    lineages: BTreeSet<String>,
    blocked: bool,
}

/// A date contradiction found between two clusters (before ids are assigned).
#[derive(Debug, Clone)]
pub(crate) struct DateConflict {
    /// A member record of the joined cluster.
    pub member: usize,
    /// `(value, claims)` per side, sorted by value.
    pub sides: Vec<(String, Vec<ClaimRef>)>,
}

/// Finds date contradictions between clusters and joins each contradicting pair.
pub(crate) fn date_conflicts(
    records: &[Record],
    entities: &[Entity],
    clusters: &mut Clusters,
) -> Vec<DateConflict> {
    let groups = clusters.groups();
    let summaries: Vec<Summary> = groups.iter().map(|g| summarise(records, g)).collect();
    let mut index: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
    for (n, s) in summaries.iter().enumerate() {
        if s.blocked || s.speech || s.time.is_none() {
            continue;
        }
        for &e in &s.participants {
            if matches!(
                entities.get(e).map(|x| x.kind),
                Some(EntityKind::Person | EntityKind::Org)
            ) {
                index.entry((&s.group, e)).or_default().push(n);
            }
        }
    }
    let mut pairs = BTreeSet::new();
    for members in index.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in members.iter().skip(k + 1).take(WINDOW) {
                pairs.insert((a, b));
            }
        }
    }
    let mut used = vec![false; summaries.len()];
    let mut out = Vec::new();
    for (a, b) in pairs {
        if used[a] || used[b] || !conflicting(&summaries[a], &summaries[b]) {
            continue;
        }
        used[a] = true;
        used[b] = true;
        clusters.union(groups[a][0], groups[b][0], true);
        let mut sides: Vec<(String, Vec<ClaimRef>)> = [a, b]
            .iter()
            .map(|&n| {
                (
                    summaries[n].time.clone().unwrap_or_default(),
                    summaries[n].dated.clone(),
                )
            })
            .collect();
        sides.sort();
        out.push(DateConflict {
            member: groups[a][0],
            sides,
        });
    }
    out
}

fn summarise(records: &[Record], members: &[usize]) -> Summary {
    let first = &records[members[0]];
    let mut s = Summary {
        group: first.info.group.clone(),
        speech: first.info.speech || first.info.loose,
        participants: BTreeSet::new(),
        place: None,
        time: None,
        dated: Vec::new(),
        docs: BTreeSet::new(),
        lineages: BTreeSet::new(),
        blocked: false,
    };
    for &m in members {
        let r = &records[m];
        s.participants.extend(r.entities());
        s.place = s.place.or(r.place);
        s.docs.insert(r.at.doc);
        s.lineages.insert(r.lineage.clone());
        s.blocked |= r.recurring || r.denied;
        if let (true, Some(t)) = (r.explicit_time, &r.time) {
            s.dated.push(r.at);
            if s.time.as_ref().is_none_or(|old| t.len() > old.len()) {
                s.time = Some(t.clone());
            }
        }
    }
    s.dated.sort();
    s
}

/// Conditions 1–6 of the module documentation.
fn conflicting(a: &Summary, b: &Summary) -> bool {
    let (Some(ta), Some(tb)) = (&a.time, &b.time) else {
        return false;
    };
    let subset =
        a.participants.is_subset(&b.participants) || b.participants.is_subset(&a.participants);
    let same_setting = match (a.place, b.place) {
        (Some(x), Some(y)) => x == y,
        (None, None) => a.participants == b.participants && a.participants.len() >= 2,
        _ => false,
    };
    let near = matches!((year(ta), year(tb)), (Some(x), Some(y)) if (x - y).abs() <= 1);
    a.group == b.group
        && !a.speech
        && !b.speech
        && subset
        && same_setting
        && !compatible(ta, tb)
        && near
        && a.docs.is_disjoint(&b.docs)
        && a.lineages.is_disjoint(&b.lineages)
        && !a.blocked
        && !b.blocked
}
