//! Direction: which of two related documents is the source.
//!
//! Publication dates decide when both are known and differ: the earlier one is the source.
//! Otherwise containment decides when it is clearly asymmetric: the document more contained
//! in the other (a larger share of its 3-grams found there) is the derived one. Otherwise the
//! direction is unknown and the pair is ordered by document id, source first. (The reuse
//! search also calls a partial reuse undirected when only containment speaks and both
//! documents have much text of their own.)

use dossier_core::AnalyzedDocument;

/// Containment difference below which it says nothing about direction.
pub(crate) const MIN_ASYMMETRY: f64 = 0.1;

/// The decided roles of two documents (indices into the corpus).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Direction {
    pub derived: usize,
    pub source: usize,
    pub known: bool,
}

/// Decides the direction between documents `a` and `b`. `containment` is `(a in b, b in a)`
/// when it is meaningful (same language).
pub(crate) fn decide(
    docs: &[AnalyzedDocument],
    a: usize,
    b: usize,
    containment: Option<(f64, f64)>,
) -> Direction {
    let (da, db) = (
        docs[a].document.meta.published,
        docs[b].document.meta.published,
    );
    if let (Some(da), Some(db)) = (da, db) {
        if da != db {
            return if da < db {
                directed(b, a)
            } else {
                directed(a, b)
            };
        }
    }
    if let Some((a_in_b, b_in_a)) = containment {
        if (a_in_b - b_in_a).abs() >= MIN_ASYMMETRY {
            return if a_in_b > b_in_a {
                directed(a, b)
            } else {
                directed(b, a)
            };
        }
    }
    let (source, derived) = if docs[a].document.id <= docs[b].document.id {
        (a, b)
    } else {
        (b, a)
    };
    Direction {
        derived,
        source,
        known: false,
    }
}

/// True when publication dates alone decide between `a` and `b` (both known, different).
pub(crate) fn dated(docs: &[AnalyzedDocument], a: usize, b: usize) -> bool {
    let (da, db) = (
        docs[a].document.meta.published,
        docs[b].document.meta.published,
    );
    da.is_some() && db.is_some() && da != db
}

fn directed(derived: usize, source: usize) -> Direction {
    Direction {
        derived,
        source,
        known: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::doc;

    #[test]
    fn directions() {
        let docs = [
            doc("a", "x").published("2023-11-07").build(),
            doc("b", "x").published("2023-10-30").build(),
            doc("c", "x").build(),
            doc("d", "x").published("2023-10-30").build(),
        ];
        let check = |a, b, containment, expected: (usize, usize, bool)| {
            let d = decide(&docs, a, b, containment);
            assert_eq!(
                (d.derived, d.source, d.known),
                expected,
                "{a} {b} {containment:?}"
            );
        };
        check(0, 1, Some((0.1, 0.9)), (0, 1, true));
        check(1, 0, None, (0, 1, true));
        check(0, 2, Some((0.2, 0.6)), (2, 0, true));
        check(1, 3, Some((0.5, 0.52)), (3, 1, false));
        check(3, 1, None, (3, 1, false));
        check(2, 3, Some((0.9, 0.2)), (2, 3, true));
        assert!(dated(&docs, 0, 1) && !dated(&docs, 1, 3) && !dated(&docs, 0, 2));
    }
}
