//! Entities: the mentions of all documents merged into real-world referents.
//!
//! Merging happens in three reversible steps, each leaving a line of evidence, after the
//! names of a user gazetteer are declared ([`user_gazetteer`]: the names of one entry become
//! one group, and groups of different entries never merge):
//! 1. **Same key.** Mentions are grouped by the name key of their in-document canonical form
//!    (`key::name_key`: case, diacritics, transliteration) and by *kind class* (PERSON alone;
//!    ORG, GPE and LOC together, since taggers confuse them; NORP; MISC). A name read as a
//!    PERSON in some documents and as an ORG/GPE/LOC in others is one entity when one reading
//!    holds in at least twice as many documents and has more mentions (or when the PERSON
//!    reading is an acronym, "ISIS"). A MISC group joins the
//!    typed groups of the same key when they are one entity.
//! 2. **Short forms.** A PERSON name that is the tail of longer PERSON names ("Lavrov",
//!    "Abu Marzouk") joins them only when all those longer names are already one entity;
//!    "Lavrov" beside both "Sergei Lavrov" and "Maria Lavrov" stays apart.
//! 3. **Acronyms.** An all-capitals ORG/GPE/LOC name joins a longer name of the same class
//!    whose initials it spells in the same document ("IDF", "Israel Defense Forces"), when
//!    the corpus offers only one such expansion.
//!
//! The entity's kind is the majority kind of its mentions; its name is the most complete,
//! most frequent form (see [`choose_name`]); a declared entry's mentions alone decide both
//! when there are any. Ids follow mention count, then name.
//!
//! Last, [`metonymy`] links a capital or a seat of government that acts in a claim ("Moscow
//! declined") to its state's entity, which it creates when no document names the state.

mod key;
mod metonymy;
mod user_gazetteer;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use dossier_core::{AnalyzedDocument, Entity, EntityKind, Location, Span, UserGazetteer};

use crate::resources::NAME_PARTICLES;

pub(crate) use key::name_key;
use key::{surname_skeleton_key, vowel_skeleton};
use user_gazetteer::Partition;

/// One mention with its document and texts.
#[derive(Debug, Clone, Copy)]
struct MentionRef<'a> {
    doc: usize,
    span: Span,
    kind: EntityKind,
    surface: &'a str,
    canonical: &'a str,
    /// The user gazetteer entry the mention is declared as.
    entry: Option<usize>,
}

/// Mentions whose canonical forms share one key and one kind class.
#[derive(Debug, Clone)]
struct Group<'a> {
    key: String,
    class: u8,
    /// Indices into the mention list.
    mentions: Vec<usize>,
    /// The most frequent canonical form, used in evidence lines.
    label: &'a str,
}

/// Kinds that may name one entity get one class: taggers confuse ORG, GPE and LOC.
fn kind_class(kind: EntityKind) -> u8 {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Org | EntityKind::Gpe | EntityKind::Loc => 1,
        EntityKind::Norp => 2,
        EntityKind::Misc => 3,
    }
}

const PERSON: u8 = 0;
const ORG_PLACE: u8 = 1;
const UNTYPED: u8 = 3;

/// See the module documentation.
pub(crate) fn link(documents: &[AnalyzedDocument]) -> Vec<Entity> {
    link_with(documents, &UserGazetteer::default())
}

/// [`link`] with the names of a user gazetteer declared.
pub(crate) fn link_with<'a>(
    documents: &'a [AnalyzedDocument],
    gazetteer: &'a UserGazetteer,
) -> Vec<Entity> {
    let mut mentions = collect_mentions(documents);
    let declared = user_gazetteer::declare(gazetteer, &mut mentions);
    let groups = group_by_key(&mentions);
    let mut uf = Partition::new(&groups, &mentions);
    let mut steps = user_gazetteer::group_lines(&groups, declared);
    merge_kind_readings(&mentions, &groups, &mut uf, &mut steps);
    merge_untyped(&groups, &mut uf, &mut steps);
    merge_vowel_variants(&groups, &mut uf, &mut steps);
    merge_short_forms(&groups, &mut uf, &mut steps);
    merge_acronyms(&mentions, &groups, &mut uf, &mut steps);
    let mut entities = assemble(documents, &mentions, &groups, &mut uf, &steps);
    metonymy::apply(documents, &mut entities);
    entities
}

/// Every mention whose span is valid in its document.
fn collect_mentions(documents: &[AnalyzedDocument]) -> Vec<MentionRef<'_>> {
    let mut out = Vec::new();
    for (doc, analyzed) in documents.iter().enumerate() {
        let text = &analyzed.document.text;
        for mention in &analyzed.annotations.mentions {
            let Some(surface) = text.get(mention.span.range()) else {
                continue;
            };
            let canonical = if mention.canonical.trim().is_empty() {
                surface
            } else {
                &mention.canonical
            };
            out.push(MentionRef {
                doc,
                span: mention.span,
                kind: mention.kind,
                surface,
                canonical,
                entry: None,
            });
        }
    }
    out
}

/// Step 1: groups by (name key, kind class, declared entry), in order of first mention.
fn group_by_key<'a>(mentions: &[MentionRef<'a>]) -> Vec<Group<'a>> {
    let mut keys: HashMap<&str, String> = HashMap::new();
    let mut index: HashMap<(String, u8, Option<usize>), usize> = HashMap::new();
    let mut groups: Vec<Group<'a>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let key = keys
            .entry(m.canonical)
            .or_insert_with(|| name_key(m.canonical));
        if key.is_empty() {
            continue;
        }
        let class = kind_class(m.kind);
        let g = *index
            .entry((key.clone(), class, m.entry))
            .or_insert_with(|| {
                groups.push(Group {
                    key: key.clone(),
                    class,
                    mentions: Vec::new(),
                    label: m.canonical,
                });
                groups.len() - 1
            });
        groups[g].mentions.push(i);
    }
    for group in &mut groups {
        group.label = most_frequent(group.mentions.iter().map(|&i| mentions[i].canonical));
    }
    groups
}

/// The most frequent string; ties go to the smallest.
fn most_frequent<'a>(items: impl Iterator<Item = &'a str>) -> &'a str {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_default() += 1;
    }
    counts
        .iter()
        .max_by_key(|(s, n)| (**n, Reverse(**s)))
        .map_or("", |(s, _)| s)
}

/// Step 1c: a MISC group (the tagger's "some name") joins the typed groups of its key when
/// they are one entity.
fn merge_untyped(groups: &[Group<'_>], uf: &mut Partition, steps: &mut Vec<(usize, String)>) {
    let mut typed: HashMap<&str, Vec<usize>> = HashMap::new();
    for (g, group) in groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.class != UNTYPED)
    {
        typed.entry(group.key.as_str()).or_default().push(g);
    }
    for (g, group) in groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.class == UNTYPED)
    {
        let Some(targets) = typed.get(group.key.as_str()) else {
            continue;
        };
        if let Some(target) = uf.one_set(targets) {
            if uf.union(g, target) {
                let line = format!(
                    "\"{}\" (MISC) = \"{}\": same key \"{}\", the one typed entity with it",
                    group.label, groups[target].label, group.key
                );
                steps.push((g, line));
            }
        }
    }
}

/// Step 1b: a name read as a PERSON in some documents and as an organization or place in
/// others is one entity when one reading holds in at least twice as many documents and has
/// more mentions, or when the PERSON reading is spelled as an acronym: within one story a name
/// seldom names both, and the odd reading is usually a tagger's guess on an unfamiliar name.
/// Declared names are left as declared.
fn merge_kind_readings(
    mentions: &[MentionRef<'_>],
    groups: &[Group<'_>],
    uf: &mut Partition,
    steps: &mut Vec<(usize, String)>,
) {
    let mut readings: BTreeMap<&str, [Option<usize>; 2]> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        let slot = match group.class {
            PERSON => 0,
            ORG_PLACE => 1,
            _ => continue,
        };
        if group.mentions.iter().all(|&i| mentions[i].entry.is_none()) {
            readings.entry(group.key.as_str()).or_default()[slot] = Some(g);
        }
    }
    for [person, other] in readings.into_values() {
        let (Some(person), Some(other)) = (person, other) else {
            continue;
        };
        let weight = |g: usize| {
            let documents: BTreeSet<usize> = groups[g]
                .mentions
                .iter()
                .map(|&i| mentions[i].doc)
                .collect();
            (documents.len(), groups[g].mentions.len())
        };
        // A person's name in capitals ("ISIS" tagged a person once) is a tagger's slip.
        let spelled_as_acronym = groups[person]
            .mentions
            .iter()
            .all(|&i| acronym_letters(mentions[i].surface).is_some());
        let most_documents = "read so in most documents";
        let (won, lost, why) = match (weight(person), weight(other)) {
            _ if spelled_as_acronym => (other, person, "a person's name in capitals is a slip"),
            (p, o) if p.0 >= 2 * o.0 && p.1 > o.1 => (person, other, most_documents),
            (p, o) if o.0 >= 2 * p.0 && o.1 > p.1 => (other, person, most_documents),
            _ => continue,
        };
        if uf.union(lost, won) {
            let reading = |g: usize| {
                let kinds = kind_counts(groups[g].mentions.iter().map(|&i| mentions[i].kind));
                let kind = majority_kind(&kinds).map_or("", EntityKind::label);
                let documents = weight(g).0;
                let plural = if documents == 1 { "" } else { "s" };
                format!(
                    "\"{}\" ({kind} in {documents} document{plural})",
                    groups[g].label
                )
            };
            let line = format!(
                "{} = {}: same key \"{}\", {why}",
                reading(lost),
                reading(won),
                groups[won].key
            );
            steps.push((lost, line));
        }
    }
}

/// Step 1d: PERSON names with the same given names whose surnames differ only in vowels
/// ("Tarek Hamdal", "Tarek Hemdaal"): one bucket per [`surname_skeleton_key`], all joined.
/// Different given names never meet here.
fn merge_vowel_variants(
    groups: &[Group<'_>],
    uf: &mut Partition,
    steps: &mut Vec<(usize, String)>,
) {
    let mut first_of: BTreeMap<String, usize> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate().filter(|(_, g)| g.class == PERSON) {
        let Some(skeleton) = surname_skeleton_key(&group.key) else {
            continue;
        };
        match first_of.get(&skeleton) {
            Some(&target) => {
                if uf.union(g, target) {
                    let line = format!(
                        "\"{}\" = \"{}\": same given names, surnames differing only in vowels \"{}\"",
                        group.label, groups[target].label, skeleton
                    );
                    steps.push((g, line));
                }
            }
            None => {
                first_of.insert(skeleton, g);
            }
        }
    }
}

/// Step 2: a PERSON name joins the longer PERSON names it ends, when they are one entity.
fn merge_short_forms(groups: &[Group<'_>], uf: &mut Partition, steps: &mut Vec<(usize, String)>) {
    let mut by_tail: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_surname_skeleton: HashMap<String, Vec<usize>> = HashMap::new();
    for (g, group) in groups.iter().enumerate().filter(|(_, g)| g.class == PERSON) {
        let starts = group.key.match_indices(' ').map(|(at, _)| at + 1);
        for start in starts {
            by_tail.entry(&group.key[start..]).or_default().push(g);
        }
        if let Some((_, surname)) = group.key.rsplit_once(' ') {
            if let Some(skeleton) = vowel_skeleton(surname) {
                by_surname_skeleton.entry(skeleton).or_default().push(g);
            }
        }
    }
    let mut order: Vec<usize> = (0..groups.len())
        .filter(|&g| groups[g].class == PERSON)
        .collect();
    order.sort_by_key(|&g| (Reverse(groups[g].key.split(' ').count()), g));
    for g in order {
        let key = groups[g].key.as_str();
        let (longer, how) = match by_tail.get(key) {
            Some(longer) => (longer.as_slice(), format!("ending in \"{key}\"")),
            None => {
                // "Mishal" for "Khaled Mashal": a one-word name, vowels aside.
                let skeleton = (!key.contains(' ')).then(|| vowel_skeleton(key)).flatten();
                match skeleton.and_then(|s| Some((by_surname_skeleton.get(&s)?, s))) {
                    Some((longer, s)) => (
                        longer.as_slice(),
                        format!("whose surname differs from \"{key}\" only in vowels \"{s}\""),
                    ),
                    None => continue,
                }
            }
        };
        let Some(target) = uf.one_set(longer) else {
            continue;
        };
        if uf.union(g, target) {
            let line = format!(
                "\"{}\" = \"{}\": the only full name {how}",
                groups[g].label, groups[target].label
            );
            steps.push((g, line));
        }
    }
}

/// Step 3: an acronym joins the one same-class name whose initials it spells in its document.
fn merge_acronyms(
    mentions: &[MentionRef<'_>],
    groups: &[Group<'_>],
    uf: &mut Partition,
    steps: &mut Vec<(usize, String)>,
) {
    // Per document: acronym letters → groups, and initials → groups.
    let mut acronyms: BTreeSet<(usize, String, usize)> = BTreeSet::new();
    let mut names: HashMap<(usize, String), BTreeSet<usize>> = HashMap::new();
    for (g, group) in groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.class == ORG_PLACE)
    {
        for &i in &group.mentions {
            let m = mentions[i];
            if let Some(letters) = acronym_letters(m.canonical) {
                acronyms.insert((m.doc, letters, g));
            } else if let Some(initials) = initials(m.canonical) {
                names.entry((m.doc, initials)).or_default().insert(g);
            }
        }
    }
    let mut expansions: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (doc, letters, g) in acronyms {
        if let Some(found) = names.get(&(doc, letters)) {
            expansions
                .entry(g)
                .or_default()
                .extend(found.iter().copied());
        }
    }
    for (g, found) in expansions {
        let Some(target) = uf.one_set(&found) else {
            continue;
        };
        if uf.union(g, target) {
            let line = format!(
                "\"{}\" = \"{}\": acronym of the name in the same document",
                groups[g].label, groups[target].label
            );
            steps.push((g, line));
        }
    }
}

/// The letters of an acronym-shaped name ("IDF", "U.S." → "US"), else `None`.
fn acronym_letters(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|c| *c != '.').collect();
    let shaped = (2..=10).contains(&letters.chars().count())
        && letters
            .chars()
            .all(|c| c.is_alphabetic() && c.is_uppercase());
    shaped.then_some(letters)
}

/// The upper-cased initials of a name of two or more words, skipping particles
/// ("Islamic State of Iraq and Syria" → "ISIS").
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() < 2 {
        return None;
    }
    let out: String = words
        .iter()
        .filter(|w| !NAME_PARTICLES.contains(w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .collect();
    (out.chars().count() >= 2).then_some(out)
}

/// Builds one entity per set of merged groups, with sorted mentions, aliases and evidence.
fn assemble(
    documents: &[AnalyzedDocument],
    mentions: &[MentionRef<'_>],
    groups: &[Group<'_>],
    uf: &mut Partition,
    steps: &[(usize, String)],
) -> Vec<Entity> {
    let mut members: BTreeMap<usize, (Vec<usize>, Vec<String>)> = BTreeMap::new();
    for (g, group) in groups.iter().enumerate() {
        let entry = members.entry(uf.find(g)).or_default();
        entry.0.extend(&group.mentions);
        entry.1.extend(key_evidence(group, mentions));
    }
    for (g, line) in steps {
        members.entry(uf.find(*g)).or_default().1.push(line.clone());
    }
    let mut entities: Vec<Entity> = members
        .into_values()
        .map(|(indices, evidence)| entity(documents, mentions, &indices, evidence))
        .collect();
    entities.sort_by(|a, b| {
        (Reverse(a.mentions.len()), &a.name, a.kind).cmp(&(
            Reverse(b.mentions.len()),
            &b.name,
            b.kind,
        ))
    });
    for (n, entity) in entities.iter_mut().enumerate() {
        entity.id = format!("E{}", n + 1);
    }
    entities
}

/// Why the distinct canonical forms of one key group were merged, and how its kind was chosen.
fn key_evidence(group: &Group<'_>, mentions: &[MentionRef<'_>]) -> Vec<String> {
    let forms: BTreeSet<&str> = group
        .mentions
        .iter()
        .map(|&i| mentions[i].canonical)
        .collect();
    let mut lines: Vec<String> = forms
        .into_iter()
        .filter(|form| *form != group.label)
        .map(|form| {
            let reason = if key::needs_transliteration(form, group.label) {
                "same transliteration key"
            } else {
                "same name up to case and diacritics"
            };
            format!(
                "\"{form}\" = \"{}\": {reason} \"{}\"",
                group.label, group.key
            )
        })
        .collect();
    let kinds = kind_counts(group.mentions.iter().map(|&i| mentions[i].kind));
    if kinds.len() > 1 {
        let counts: Vec<String> = kinds
            .iter()
            .map(|(k, n)| format!("{} {n}", k.label()))
            .collect();
        lines.push(format!(
            "\"{}\" tagged {}: kind by majority",
            group.label,
            counts.join(", ")
        ));
    }
    lines
}

/// The most frequent kind; ties go to the first in [`EntityKind`] order.
fn majority_kind(kinds: &BTreeMap<EntityKind, usize>) -> Option<EntityKind> {
    kinds
        .iter()
        .max_by_key(|(k, n)| (**n, Reverse(**k)))
        .map(|(k, _)| *k)
}

fn kind_counts(kinds: impl Iterator<Item = EntityKind>) -> BTreeMap<EntityKind, usize> {
    let mut counts = BTreeMap::new();
    for kind in kinds {
        *counts.entry(kind).or_default() += 1;
    }
    counts
}

fn entity(
    documents: &[AnalyzedDocument],
    mentions: &[MentionRef<'_>],
    indices: &[usize],
    mut merge_evidence: Vec<String>,
) -> Entity {
    let refs: Vec<MentionRef<'_>> = indices.iter().map(|&i| mentions[i]).collect();
    let declared: Vec<MentionRef<'_>> =
        refs.iter().filter(|m| m.entry.is_some()).copied().collect();
    let voters = if declared.is_empty() {
        &refs
    } else {
        &declared
    };
    let kinds = kind_counts(voters.iter().map(|m| m.kind));
    let kind = majority_kind(&kinds).unwrap_or(EntityKind::Misc);
    let aliases: BTreeSet<&str> = refs.iter().map(|m| m.surface).collect();
    let mut locations: Vec<Location> = refs
        .iter()
        .map(|m| Location {
            doc: documents[m.doc].document.id.clone(),
            span: m.span,
        })
        .collect();
    locations.sort();
    locations.dedup();
    merge_evidence.sort();
    merge_evidence.dedup();
    Entity {
        id: String::new(),
        name: choose_name(voters.iter().map(|m| m.canonical)).to_string(),
        kind,
        aliases: aliases.into_iter().map(str::to_string).collect(),
        mentions: locations,
        merge_evidence,
        metonyms: Vec::new(),
    }
}

/// The canonical name among the mentions' canonical forms: prefer more words, then a form
/// that is not all capitals (house style, "HAMAS"), then the most frequent, then the one with
/// more non-ASCII letters (diacritics are often lost, rarely added), then the smallest.
fn choose_name<'a>(forms: impl Iterator<Item = &'a str>) -> &'a str {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for form in forms {
        *counts.entry(form).or_default() += 1;
    }
    let rank = |form: &str, count: usize| {
        let words = form.split_whitespace().count();
        let shouting = form.chars().filter(|c| c.is_alphabetic()).count() > 1
            && !form.chars().any(char::is_lowercase);
        let accented = form
            .chars()
            .filter(|c| c.is_alphabetic() && !c.is_ascii())
            .count();
        (words, !shouting, count, accented)
    };
    counts
        .iter()
        .max_by(|(a, na), (b, nb)| rank(a, **na).cmp(&rank(b, **nb)).then_with(|| b.cmp(a)))
        .map_or("", |(form, _)| form)
}

#[cfg(test)]
mod tests;
