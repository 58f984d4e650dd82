//! Assertion contradictions: within one event, a claim that one source asserts and another
//! source denies or calls unproven ("allegations that X ... remain unproven").
//!
//! Both claims must name exactly the same participants in the same roles (an event may gather
//! claims that only overlap), come from different documents of different lineages, and the
//! asserting claim must carry no hedge, allegation or denial of its own.

use dossier_core::ClaimRef;

use crate::records::Record;

/// The sides (`asserted`, then `denied` / `called unproven`) of the assertion contradiction
/// among `members` (indices into `records`), if there is one.
pub(crate) fn assertion_conflict(
    records: &[Record],
    members: &[usize],
) -> Option<Vec<(String, Vec<ClaimRef>)>> {
    let disputes = |r: &Record| r.denied || r.disputed;
    let clashes = |a: &Record, b: &Record| {
        a.asserted
            && !a.disputed
            && disputes(b)
            && a.participants == b.participants
            && a.at.doc != b.at.doc
            && a.lineage != b.lineage
    };
    let mut asserted: Vec<ClaimRef> = Vec::new();
    let mut disputed: Vec<ClaimRef> = Vec::new();
    for &i in members {
        for &j in members {
            if clashes(&records[i], &records[j]) {
                asserted.push(records[i].at);
                disputed.push(records[j].at);
            }
        }
    }
    if asserted.is_empty() {
        return None;
    }
    asserted.sort();
    asserted.dedup();
    disputed.sort();
    disputed.dedup();
    let denied = disputed.iter().all(|at| {
        members
            .iter()
            .any(|&m| records[m].at == *at && records[m].denied)
    });
    let label = if denied { "denied" } else { "called unproven" };
    Some(vec![
        ("asserted".to_string(), asserted),
        (label.to_string(), disputed),
    ])
}
