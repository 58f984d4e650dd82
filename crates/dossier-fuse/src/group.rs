//! Cross-document event coreference: which claims speak of one happening.
//!
//! Two claims are *compatible* when their types share a group (speech acts: the same type),
//! they share a participant entity, no place or counterpart tells them apart, and their times
//! can both hold (one ISO prefix of the other, or one missing). The evidence must be enough:
//! two shared entities (participants or place), or one shared participant and two agreeing
//! dates. Speech acts are one only when they report the same content (aligned wording, see
//! [`crate::content`]), never just because the speaker is the same. A recurring kind of
//! meeting is not the same happening just because the same people appear in it.
//!
//! Candidates come from an inverted index — keys (group, entity pair), (group, entity,
//! year) and, for speech acts, (group, speaker) — and each bucket compares only a bounded window of neighbours, so the work grows
//! linearly with the corpus, never with all pairs of claims. Pairs are merged strongest first
//! into a union-find whose clusters keep the most specific time and the place they agreed on,
//! and a merge that would put two incompatible times or places into one cluster is refused, so
//! an undated claim cannot bridge a 2006 meeting and a 2010 one.

use std::collections::BTreeMap;

use crate::records::Record;
use crate::time::{compatible, year};

/// Each member of an index bucket is compared with at most this many following members.
const WINDOW: usize = 32;

/// What a cluster of claims has agreed on so far.
#[derive(Debug, Clone)]
pub(crate) struct ClusterState {
    /// The most specific time of its claims (all others are prefixes of it).
    pub time: Option<String>,
    pub place: Option<usize>,
}

/// Union-find over records with merge constraints.
#[derive(Debug)]
pub(crate) struct Clusters {
    parent: Vec<usize>,
    state: Vec<ClusterState>,
}

impl Clusters {
    pub fn new(records: &[Record]) -> Self {
        Clusters {
            parent: (0..records.len()).collect(),
            state: records
                .iter()
                .map(|r| ClusterState {
                    time: r.time.clone(),
                    place: r.place,
                })
                .collect(),
        }
    }

    pub fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Merges the clusters of `a` and `b` when their times and places agree, or always when
    /// `force` (a date contradiction joins two clusters on purpose). True when merged.
    pub fn union(&mut self, a: usize, b: usize, force: bool) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let (sa, sb) = (&self.state[ra], &self.state[rb]);
        let time_ok = match (&sa.time, &sb.time) {
            (Some(x), Some(y)) => compatible(x, y),
            _ => true,
        };
        let place_ok = sa.place.is_none() || sb.place.is_none() || sa.place == sb.place;
        let agree = time_ok && place_ok;
        if !force && !agree {
            return false;
        }
        let time = match (&sa.time, &sb.time) {
            (Some(x), Some(y)) if time_ok => Some(if x.len() >= y.len() {
                x.clone()
            } else {
                y.clone()
            }),
            (Some(x), None) | (None, Some(x)) => Some(x.clone()),
            _ => None,
        };
        let place = sa.place.or(sb.place);
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        self.state[root] = ClusterState { time, place };
        true
    }

    /// The agreed time of the cluster rooted at `root`.
    pub fn time(&self, root: usize) -> Option<String> {
        self.state[root].time.clone()
    }

    /// The members of every cluster, clusters ordered by their first member.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.parent.len() {
            let root = self.find(i);
            by_root.entry(root).or_default().push(i);
        }
        by_root.into_values().collect()
    }
}

/// Groups records into clusters of one happening each.
pub(crate) fn cluster(records: &[Record]) -> Clusters {
    let mut clusters = Clusters::new(records);
    let mut pairs: Vec<(u8, usize, usize)> = candidate_pairs(records)
        .into_iter()
        .filter_map(|(i, j)| strength(&records[i], &records[j]).map(|s| (s, i, j)))
        .collect();
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in pairs {
        clusters.union(i, j, false);
    }
    clusters
}

/// Pairs of records that share an index key, each bucket compared within a bounded window.
fn candidate_pairs(records: &[Record]) -> Vec<(usize, usize)> {
    let mut index: BTreeMap<(&str, usize, i64), Vec<usize>> = BTreeMap::new();
    for (i, r) in records.iter().enumerate() {
        let mut keys: Vec<usize> = r.entities().chain(r.place).collect();
        keys.sort_unstable();
        keys.dedup();
        for (n, &a) in keys.iter().enumerate() {
            for &b in &keys[n + 1..] {
                index
                    .entry((&r.info.group, a, b as i64))
                    .or_default()
                    .push(i);
            }
        }
        if r.info.speech {
            // Statements of one speaker meet whatever their dates; their content decides.
            for e in r.entities() {
                index
                    .entry((&r.info.group, e, i64::MIN))
                    .or_default()
                    .push(i);
            }
        }
        if let Some(y) = r.time.as_deref().and_then(year) {
            for e in r.entities() {
                index
                    .entry((&r.info.group, e, -1 - i64::from(y)))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut pairs = Vec::new();
    for members in index.values() {
        for (n, &i) in members.iter().enumerate() {
            for &j in members.iter().skip(n + 1).take(WINDOW) {
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How strongly two claims support being one happening; `None` when they are not compatible.
/// Shared entities count twice, an agreeing date once.
pub(crate) fn strength(a: &Record, b: &Record) -> Option<u8> {
    if a.info.group != b.info.group
        || (a.info.speech || b.info.speech) && a.event_type != b.event_type
    {
        return None;
    }
    if a.place.is_some() && b.place.is_some() && a.place != b.place {
        return None;
    }
    let shared = a.entities().filter(|&e| b.has(e)).count();
    if shared == 0 || counterparts_differ(a, b) {
        return None;
    }
    let dates_agree = match (&a.time, &b.time) {
        (Some(x), Some(y)) if !compatible(x, y) => return None,
        (Some(x), Some(y)) => x == y || !a.info.speech && compatible(x, y),
        _ => false,
    };
    let same_place = a.place.is_some() && a.place == b.place;
    let same_content = match (&a.content, &b.content) {
        (Some(x), Some(y)) => x.same_as(y),
        _ => false,
    };
    let enough = if a.info.speech {
        same_content
    } else {
        shared + usize::from(same_place) >= 2 || dates_agree
    };
    enough.then(|| {
        let entities = (shared + usize::from(same_place)).min(100) as u8;
        2 * entities + u8::from(dates_agree)
    })
}

/// True when the two claims name different counterparts: for one asymmetric type, disjoint
/// agents or disjoint objects; otherwise, each names a participant the other lacks.
fn counterparts_differ(a: &Record, b: &Record) -> bool {
    let disjoint = |agent: bool| {
        let side = |r: &Record| -> Vec<usize> {
            r.participants
                .iter()
                .filter(|(_, role)| (*role == dossier_core::Role::Agent) == agent)
                .map(|(e, _)| *e)
                .collect()
        };
        let (x, y) = (side(a), side(b));
        !x.is_empty() && !y.is_empty() && !x.iter().any(|e| y.contains(e))
    };
    if a.event_type == b.event_type && !a.info.symmetric {
        // The same entity on opposite sides ("X condemned Y" / "Y condemned X") differs too.
        let crossed = a.participants.iter().any(|(e, role)| {
            b.participants.iter().any(|(f, other)| {
                e == f
                    && (*role == dossier_core::Role::Agent) != (*other == dossier_core::Role::Agent)
            })
        });
        return crossed || disjoint(true) || disjoint(false);
    }
    a.entities().any(|e| !b.has(e)) && b.entities().any(|e| !a.has(e))
}
