//! Lineages: the connected components of the derivation graph (union-find), so that a family
//! of copies and rewrites counts as one independent source. Every document is in exactly one
//! lineage, alone if nothing links it.
//!
//! The origin is the earliest published member; without dates (or among equally early ones),
//! a member that is a source and never derived, else the smallest id. Ids `L1…` follow the
//! origin's id; members are sorted.

use std::collections::{BTreeMap, HashMap, HashSet};

use dossier_core::{AnalyzedDocument, Derivation, DocId, Lineage};

use crate::union_find::UnionFind;

/// See the module documentation.
pub(crate) fn build(documents: &[AnalyzedDocument], derivations: &[Derivation]) -> Vec<Lineage> {
    let index: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.document.id.as_str(), i))
        .collect();
    let mut uf = UnionFind::new(documents.len());
    let mut derived: HashSet<usize> = HashSet::new();
    let mut sources: HashSet<usize> = HashSet::new();
    for d in derivations {
        if let (Some(&a), Some(&b)) = (index.get(d.derived.as_str()), index.get(d.source.as_str()))
        {
            uf.union(a, b);
            derived.insert(a);
            sources.insert(b);
        }
    }
    let mut families: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..documents.len() {
        families.entry(uf.find(i)).or_default().push(i);
    }
    let mut lineages: Vec<Lineage> = families
        .into_values()
        .map(|members| {
            let origin = origin(documents, &members, &derived, &sources);
            let mut ids: Vec<DocId> = members
                .iter()
                .map(|&i| documents[i].document.id.clone())
                .collect();
            ids.sort();
            ids.dedup();
            Lineage {
                id: String::new(),
                origin: documents[origin].document.id.clone(),
                documents: ids,
            }
        })
        .collect();
    lineages.sort_by(|a, b| (&a.origin, &a.documents).cmp(&(&b.origin, &b.documents)));
    for (n, lineage) in lineages.iter_mut().enumerate() {
        lineage.id = format!("L{}", n + 1);
    }
    lineages
}

/// The member that started the family (see the module documentation).
fn origin(
    documents: &[AnalyzedDocument],
    members: &[usize],
    derived: &HashSet<usize>,
    sources: &HashSet<usize>,
) -> usize {
    let doc = |i: usize| &documents[i].document;
    let earliest = members.iter().filter_map(|&i| doc(i).meta.published).min();
    let candidates = members
        .iter()
        .copied()
        .filter(|&i| earliest.is_none() || doc(i).meta.published == earliest);
    candidates
        .min_by_key(|&i| {
            let underived_source = sources.contains(&i) && !derived.contains(&i);
            (!underived_source, &doc(i).id)
        })
        .unwrap_or(members[0])
}

#[cfg(test)]
mod tests {
    use dossier_core::DerivationKind;

    use super::*;
    use crate::test_support::doc;

    fn derivation(derived: &str, source: &str) -> Derivation {
        Derivation {
            derived: derived.into(),
            source: source.into(),
            kind: DerivationKind::Copy,
            score: 1.0,
            direction_known: false,
            evidence: Vec::new(),
            altered_quotes: Vec::new(),
            changed_values: Vec::new(),
            unmatched: Vec::new(),
        }
    }

    fn summary(lineages: &[Lineage]) -> Vec<(String, String, Vec<String>)> {
        lineages
            .iter()
            .map(|l| (l.id.clone(), l.origin.clone(), l.documents.clone()))
            .collect()
    }

    fn row(id: &str, origin: &str, docs: &[&str]) -> (String, String, Vec<String>) {
        (
            id.into(),
            origin.into(),
            docs.iter().map(|d| d.to_string()).collect(),
        )
    }

    #[test]
    fn families_and_singletons() {
        let docs = [
            doc("d", "").published("2023-11-07").build(),
            doc("a", "").published("2023-10-30").build(),
            doc("c", "").build(),
            doc("b", "").build(),
            doc("e", "").build(),
        ];
        let derivations = [
            derivation("d", "a"),
            derivation("e", "b"),
            derivation("b", "x-unknown"),
        ];
        assert_eq!(
            summary(&build(&docs, &derivations)),
            [
                row("L1", "a", &["a", "d"]),
                row("L2", "b", &["b", "e"]),
                row("L3", "c", &["c"])
            ]
        );
    }

    #[test]
    fn origin_without_dates_is_the_underived_source() {
        let docs = [
            doc("a", "").build(),
            doc("b", "").build(),
            doc("c", "").build(),
        ];
        // c → b → a is wrong way round on purpose: b is derived from c, a from b.
        let derivations = [derivation("a", "b"), derivation("b", "c")];
        assert_eq!(
            summary(&build(&docs, &derivations)),
            [row("L1", "c", &["a", "b", "c"])]
        );
        // A cycle has no underived source: the smallest id.
        let cycle = [derivation("a", "b"), derivation("b", "a")];
        assert_eq!(
            summary(&build(&docs, &cycle)),
            [row("L1", "a", &["a", "b"]), row("L2", "c", &["c"])]
        );
    }

    #[test]
    fn empty_corpus() {
        assert!(build(&[], &[derivation("a", "b")]).is_empty());
    }
}
