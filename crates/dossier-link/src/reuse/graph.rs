//! The derivation graph, reduced to each document's best sources.
//!
//! In a family of N near-copies every pair is verified as reuse, but reporting all N·(N−1)/2
//! pairs says nothing more than a chain through the family. A derivation A←B is dropped when
//! some C gives a path A←C←B whose two links are both stronger than A←B (and agree with
//! the known directions: A is derived from C, C from B). This keeps the strongest links; in
//! particular every link of the maximum spanning forest of the graph (with strengths made a
//! strict order by a deterministic tie-break) survives, since no stronger path can bypass it,
//! so the documents stay connected exactly as before and the lineages do not change.
//!
//! Strength: the kind first (a duplicate beats a copy beats a rewrite, an excerpt or a
//! translation), then the closeness (the score weighted by the similarity of the aligned
//! passages), then the number of aligned passages, then the ids.

use std::collections::HashMap;

use dossier_core::{Derivation, DerivationKind};

/// Most neighbours of a document examined for a bypass (the cost is the number of links times
/// this). A document with more links keeps those it has no time to check.
const MAX_NEIGHBOURS: usize = 512;

/// Keeps the derivations no stronger path bypasses (see the module documentation); the order
/// of the kept ones is preserved.
pub(crate) fn reduce(derivations: Vec<Derivation>) -> Vec<Derivation> {
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for d in &derivations {
        for id in [d.derived.as_str(), d.source.as_str()] {
            let n = ids.len();
            ids.entry(id).or_insert(n);
        }
    }
    let ends: Vec<(usize, usize)> = derivations
        .iter()
        .map(|d| (ids[d.derived.as_str()], ids[d.source.as_str()]))
        .collect();
    // Per document, its links: neighbour → index of the derivation.
    let mut links: Vec<HashMap<usize, usize>> = vec![HashMap::new(); ids.len()];
    for (i, &(a, b)) in ends.iter().enumerate() {
        let keep_stronger = |slot: &mut usize| {
            if stronger(&derivations[i], &derivations[*slot]) {
                *slot = i;
            }
        };
        links[a].entry(b).and_modify(keep_stronger).or_insert(i);
        links[b].entry(a).and_modify(keep_stronger).or_insert(i);
    }
    let bypassed: Vec<bool> = (0..derivations.len())
        .map(|i| {
            let (a, b) = ends[i];
            let weakest = &derivations[i];
            links[a].len() <= MAX_NEIGHBOURS
                && links[a].iter().any(|(&c, &ac)| {
                    c != b
                        && links[c].get(&b).is_some_and(|&cb| {
                            let agrees = |link: usize, derived: usize, source: usize| {
                                !derivations[link].direction_known
                                    || ends[link] == (derived, source)
                            };
                            let forward = agrees(ac, a, c) && agrees(cb, c, b);
                            // A link of unknown direction may be bypassed either way.
                            let backward =
                                !weakest.direction_known && agrees(ac, c, a) && agrees(cb, b, c);
                            stronger(&derivations[ac], weakest)
                                && stronger(&derivations[cb], weakest)
                                && (forward || backward)
                        })
                })
        })
        .collect();
    derivations
        .into_iter()
        .zip(bypassed)
        .filter(|(_, bypassed)| !bypassed)
        .map(|(d, _)| d)
        .collect()
}

/// A strict order on derivations (see the module documentation).
fn stronger(x: &Derivation, y: &Derivation) -> bool {
    let key = |d: &Derivation| (rank(d.kind), closeness(d), d.evidence.len());
    match key(x).partial_cmp(&key(y)) {
        Some(std::cmp::Ordering::Equal) | None => (&x.derived, &x.source) < (&y.derived, &y.source),
        Some(order) => order == std::cmp::Ordering::Greater,
    }
}

/// How much of the derived text is its source's, word for word: the score (the share
/// reused) times the mean similarity of the aligned passages. A rewrite of a rewrite aligns
/// with the original less closely than with its direct source, even when as many of its
/// sentences align with both.
fn closeness(d: &Derivation) -> f64 {
    if d.evidence.is_empty() {
        return d.score;
    }
    let mean = d.evidence.iter().map(|p| p.similarity).sum::<f64>() / d.evidence.len() as f64;
    d.score * mean
}

/// How close a kind of reuse keeps to its source.
fn rank(kind: DerivationKind) -> u8 {
    match kind {
        DerivationKind::Duplicate => 3,
        DerivationKind::Copy => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(derived: &str, source: &str, kind: DerivationKind, score: f64) -> Derivation {
        Derivation {
            derived: derived.into(),
            source: source.into(),
            kind,
            score,
            direction_known: false,
            evidence: Vec::new(),
            altered_quotes: Vec::new(),
            changed_values: Vec::new(),
            unmatched: Vec::new(),
        }
    }

    fn pairs(derivations: &[Derivation]) -> Vec<(&str, &str)> {
        derivations
            .iter()
            .map(|d| (d.derived.as_str(), d.source.as_str()))
            .collect()
    }

    #[test]
    fn a_family_of_copies_becomes_a_tree() {
        use DerivationKind::{Copy, Paraphrase};
        let all = vec![
            link("b", "a", Copy, 0.95),
            link("c", "b", Copy, 0.9),
            link("c", "a", Copy, 0.85),
            link("d", "c", Paraphrase, 0.7),
            link("d", "a", Paraphrase, 0.6),
            link("d", "b", Paraphrase, 0.5),
        ];
        assert_eq!(pairs(&reduce(all)), [("b", "a"), ("c", "b"), ("d", "c")]);
        // Equal strengths: ties are broken by ids, and a triangle keeps two links.
        let tie = vec![
            link("b", "a", Copy, 0.9),
            link("c", "a", Copy, 0.9),
            link("c", "b", Copy, 0.9),
        ];
        assert_eq!(pairs(&reduce(tie)), [("b", "a"), ("c", "a")]);
    }

    #[test]
    fn known_directions_must_agree() {
        use DerivationKind::{Copy, Paraphrase};
        let mut ab = link("a", "b", Paraphrase, 0.5);
        ab.direction_known = true;
        let mut ac = link("c", "a", Copy, 0.9);
        ac.direction_known = true;
        // The path a–c–b runs against the known direction of c ← a: a ← b stays.
        let all = vec![ab, ac, link("c", "b", Copy, 0.9)];
        assert_eq!(pairs(&reduce(all)), [("a", "b"), ("c", "a"), ("c", "b")]);
        assert!(reduce(Vec::new()).is_empty());
    }
}
