//! User gazetteers in linking: the names of one declared entry are one entity, named and
//! typed as the user said.
//!
//! Before grouping, every mention whose canonical form is a name of an entry (compared by
//! [`name_key`], so case, diacritics and transliteration do not matter) is *declared*: it
//! takes the entry's canonical name and type, so the names of one entry fall into one group,
//! and every other name of the entry seen (as written, or as the mention's canonical form)
//! leaves a line of evidence naming the file. The annotate stage already gives declared
//! mentions their canonical name; doing it again here makes linking right for documents
//! annotated without the gazetteer too.
//!
//! Key decision: an entry is also a *cannot-link* constraint. Groups declared as two different
//! entries never merge, whatever a later step (short forms, vowel variants, acronyms) would
//! say: the user has told them apart. [`Partition`] enforces it.

use std::collections::{BTreeMap, HashMap};

use dossier_core::UserGazetteer;

use super::{name_key, Group, MentionRef};
use crate::union_find::UnionFind;

/// Declares the mentions whose canonical form names an entry of `gazetteer` (first entry wins
/// for a name given twice) and returns the distinct evidence lines, each with a mention. A name
/// is looked up as written first, then by its folded key: two entries whose names fold alike
/// ("Andrei Kalmus", "Andrey Kalmus" declared as two people) stay two.
pub(super) fn declare<'a>(
    gazetteer: &'a UserGazetteer,
    mentions: &mut [MentionRef<'a>],
) -> Vec<(usize, String)> {
    if gazetteer.is_empty() {
        return Vec::new();
    }
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (e, entry) in gazetteer.entries.iter().enumerate() {
        for name in entry.names() {
            by_name.entry(name).or_insert(e);
            by_key.entry(name_key(name)).or_insert(e);
        }
    }
    let entry_of = |name: &str| {
        by_name
            .get(name)
            .or_else(|| by_key.get(&name_key(name)))
            .copied()
    };
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for (i, mention) in mentions.iter_mut().enumerate() {
        let Some(e) = entry_of(mention.canonical) else {
            continue;
        };
        let entry = &gazetteer.entries[e];
        for name in [mention.surface, mention.canonical] {
            if name != entry.canonical && entry_of(name) == Some(e) {
                let line = format!(
                    "user gazetteer {}: \"{name}\" is an alias of \"{}\"",
                    entry.source, entry.canonical
                );
                lines.entry(line).or_insert(i);
            }
        }
        mention.canonical = &entry.canonical;
        mention.kind = entry.kind;
        mention.entry = Some(e);
    }
    lines.into_iter().map(|(line, i)| (i, line)).collect()
}

/// The evidence lines of [`declare`] moved from mentions to their groups.
pub(super) fn group_lines(
    groups: &[Group<'_>],
    lines: Vec<(usize, String)>,
) -> Vec<(usize, String)> {
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        group_of.extend(group.mentions.iter().map(|&i| (i, g)));
    }
    lines
        .into_iter()
        .filter_map(|(i, line)| Some((*group_of.get(&i)?, line)))
        .collect()
}

/// The union-find of name groups, where a set holding mentions declared as one entry never
/// joins a set declared as another.
#[derive(Debug)]
pub(super) struct Partition {
    sets: UnionFind,
    /// Per group (and, after unions, per representative): the entry declared in its set.
    entry: Vec<Option<usize>>,
}

impl Partition {
    pub(super) fn new(groups: &[Group<'_>], mentions: &[MentionRef<'_>]) -> Self {
        let entry = groups
            .iter()
            .map(|g| g.mentions.iter().find_map(|&i| mentions[i].entry))
            .collect();
        Partition {
            sets: UnionFind::new(groups.len()),
            entry,
        }
    }

    /// The representative of `g`'s set.
    pub(super) fn find(&mut self, g: usize) -> usize {
        self.sets.find(g)
    }

    /// The first of `groups` when they all belong to one set (one entity), else None.
    pub(super) fn one_set<'g>(
        &mut self,
        groups: impl IntoIterator<Item = &'g usize>,
    ) -> Option<usize> {
        let mut groups = groups.into_iter();
        let first = *groups.next()?;
        let root = self.find(first);
        groups.all(|&g| self.find(g) == root).then_some(first)
    }

    /// Joins the sets of `a` and `b` unless they hold different entries; returns false when
    /// they were not joined (already one set, or told apart by the user).
    pub(super) fn union(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        let entry = match (self.entry[a], self.entry[b]) {
            (Some(x), Some(y)) if x != y => return false,
            (x, y) => x.or(y),
        };
        if !self.sets.union(a, b) {
            return false;
        }
        let root = self.find(a);
        self.entry[root] = entry;
        true
    }
}

#[cfg(test)]
mod tests {
    use dossier_core::EntityKind::{Gpe, Org, Person};
    use dossier_core::{Entity, EntityKind, GazetteerEntry};

    use super::super::{link, link_with};
    use super::*;
    use crate::test_support::doc;

    fn gazetteer(entries: &[(&str, EntityKind, &[&str])]) -> UserGazetteer {
        UserGazetteer {
            entries: entries
                .iter()
                .map(|&(canonical, kind, aliases)| GazetteerEntry {
                    canonical: canonical.into(),
                    kind,
                    aliases: aliases.iter().map(|a| a.to_string()).collect(),
                    source: "names.tsv".into(),
                })
                .collect(),
        }
    }

    fn summary(entities: &[Entity]) -> Vec<(&str, &str, usize)> {
        entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind.label(), e.mentions.len()))
            .collect()
    }

    #[test]
    fn the_names_of_one_entry_are_one_entity_with_evidence() {
        let docs = [
            doc("a", "Ford Motor Company opened a plant.")
                .mention("Ford Motor Company", Org)
                .build(),
            // As annotated with the gazetteer: the alias already has the canonical name.
            doc("b", "Ford hired workers.")
                .mention_as("Ford", "Ford Motor Company", Org)
                .build(),
            // As annotated without it.
            doc("c", "FoMoCo sold cars.").mention("FoMoCo", Org).build(),
        ];
        let names = gazetteer(&[("Ford Motor Company", Org, &["Ford", "FoMoCo"])]);
        let entities = link_with(&docs, &names);
        assert_eq!(summary(&entities), [("Ford Motor Company", "ORG", 3)]);
        assert_eq!(
            entities[0].merge_evidence,
            [
                "user gazetteer names.tsv: \"FoMoCo\" is an alias of \"Ford Motor Company\"",
                "user gazetteer names.tsv: \"Ford\" is an alias of \"Ford Motor Company\"",
            ]
        );
        assert_eq!(
            entities[0].aliases,
            ["FoMoCo", "Ford", "Ford Motor Company"]
        );
    }

    #[test]
    fn the_declared_name_and_type_win() {
        let docs = [
            doc("a", "Kiev said no. Kiev said yes.")
                .mention("Kiev", Person)
                .build(),
            doc("b", "Talks in Kyiv.").mention("Kyiv", Gpe).build(),
        ];
        assert_eq!(link(&docs).len(), 2, "apart without the gazetteer");
        let names = gazetteer(&[("Kyiv", Gpe, &["Kiev"])]);
        assert_eq!(summary(&link_with(&docs, &names)), [("Kyiv", "GPE", 3)]);
    }

    #[test]
    fn different_entries_never_merge() {
        // Same given name, surnames differing only in vowels: one person unless told apart.
        let docs = [
            doc("a", "Tarek Hamdal spoke.")
                .mention("Tarek Hamdal", Person)
                .build(),
            doc("b", "Tarek Hemdaal spoke.")
                .mention("Tarek Hemdaal", Person)
                .build(),
        ];
        assert_eq!(link(&docs).len(), 1);
        let names = gazetteer(&[
            ("Tarek Hamdal", Person, &[]),
            ("Tarek Hemdaal", Person, &[]),
        ]);
        let entities = link_with(&docs, &names);
        assert_eq!(
            summary(&entities),
            [
                ("Tarek Hamdal", "PERSON", 1),
                ("Tarek Hemdaal", "PERSON", 1)
            ]
        );
        assert!(entities.iter().all(|e| e.merge_evidence.is_empty()));
    }

    #[test]
    fn entries_whose_names_fold_alike_stay_apart() {
        let docs = [
            doc("a", "Milàn Czerny spoke.")
                .mention("Milàn Czerny", Person)
                .build(),
            doc("b", "Milan Czerny spoke.")
                .mention("Milan Czerny", Person)
                .build(),
        ];
        let names = gazetteer(&[("Milàn Czerny", Person, &[]), ("Milan Czerny", Person, &[])]);
        assert_eq!(
            summary(&link_with(&docs, &names)),
            [("Milan Czerny", "PERSON", 1), ("Milàn Czerny", "PERSON", 1)]
        );
    }
}
