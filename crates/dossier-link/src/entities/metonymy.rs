//! Metonymy: a capital or a seat of government standing for its state as the actor of a claim
//! ("Moscow declined", "the Kremlin refused").
//!
//! An entity of the place kinds (ORG, GPE, LOC) whose name is a capital or a seat of government
//! of `resources/link/` (`capitals.tsv`, generated; `seats.tsv`, by hand) is a *seat*. Every
//! mention of a seat that fills the agent role of a claim is recorded on the state's entity as
//! a [`Metonym`] with its surface form. The mention itself stays with the place, as does every
//! mention in another role ("visited Moscow", "in Moscow"): only who acts is the state. The
//! state's entity is the place-kind entity named by one of the state's names (the one with most
//! mentions); when no document names the state, an entity without mentions is created for it
//! (GPE for a country, ORG for a union without a capital such as the European Union). Each link
//! leaves a line of evidence on the state: `"Moscow" stands for "Russia": capital of Russia, as
//! the actor of a claim`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use dossier_core::{AnalyzedDocument, Entity, EntityKind, Location, Metonym, Role, Span};

use super::{kind_class, name_key, ORG_PLACE};
use crate::resources::{PlaceRole, PLACES};

/// A place that may stand for a state.
#[derive(Debug)]
struct Seat {
    state: &'static str,
    /// "capital of Russia", "seat of the Russian presidency".
    what: String,
}

/// The place tables, by [`place_key`].
#[derive(Debug, Default)]
struct Table {
    seats: HashMap<String, Seat>,
    /// The key of any name of a state → the state.
    states: HashMap<String, &'static str>,
    /// States with a capital: countries, as opposed to unions.
    countries: HashSet<&'static str>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table::default();
    for row in PLACES.iter() {
        table.states.insert(place_key(row.state), row.state);
        let what = match (row.role, row.what) {
            (PlaceRole::Name, _) => {
                table.states.insert(place_key(row.name), row.state);
                continue;
            }
            (_, Some(what)) => what.to_string(),
            (PlaceRole::Capital, None) => format!("capital of {}", row.state),
            (PlaceRole::Seat, None) => format!("seat of government of {}", row.state),
        };
        if row.role == PlaceRole::Capital {
            table.countries.insert(row.state);
        }
        let seat = Seat {
            state: row.state,
            what,
        };
        table.seats.insert(place_key(row.name), seat);
    }
    table
});

/// The name key without a leading article: "the Kremlin" and "Kremlin" are one place.
fn place_key(name: &str) -> String {
    let key = name_key(name);
    match key.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => key,
    }
}

/// One mention of a seat as the actor of a claim.
#[derive(Debug)]
struct Use {
    /// Index of the seat's entity.
    place: usize,
    seat: &'static Seat,
    metonym: Metonym,
}

/// See the module documentation. New entities are appended in name order and numbered after
/// the others, which is where the id order (mentions, then name) puts them.
pub(super) fn apply(documents: &[AnalyzedDocument], entities: &mut Vec<Entity>) {
    let mut by_state: BTreeMap<&'static str, Vec<Use>> = BTreeMap::new();
    for found in agent_uses(documents, entities) {
        by_state.entry(found.seat.state).or_default().push(found);
    }
    if by_state.is_empty() {
        return;
    }
    let named = named_states(entities);
    for (state, uses) in by_state {
        let target = match named.get(state) {
            Some(&found) => found,
            None => create(entities, state),
        };
        let uses: Vec<Use> = uses.into_iter().filter(|u| u.place != target).collect();
        let lines: Vec<String> = uses
            .iter()
            .map(|u| evidence(&entities[u.place], &entities[target], u.seat))
            .collect();
        let entity = &mut entities[target];
        entity.metonyms.extend(uses.into_iter().map(|u| u.metonym));
        entity.metonyms.sort();
        entity.metonyms.dedup();
        entity.merge_evidence.extend(lines);
        entity.merge_evidence.sort();
        entity.merge_evidence.dedup();
    }
}

/// The mentions of seats that fill the agent role of a claim, in document and claim order.
fn agent_uses(documents: &[AnalyzedDocument], entities: &[Entity]) -> Vec<Use> {
    let mut seat_at: HashMap<(&str, Span), (usize, &'static Seat)> = HashMap::new();
    for (place, entity) in entities.iter().enumerate() {
        if kind_class(entity.kind) != ORG_PLACE {
            continue;
        }
        if let Some(seat) = TABLE.seats.get(&place_key(&entity.name)) {
            for at in &entity.mentions {
                seat_at.insert((at.doc.as_str(), at.span), (place, seat));
            }
        }
    }
    if seat_at.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for analyzed in documents {
        let id = analyzed.document.id.as_str();
        let agents = analyzed
            .claims
            .iter()
            .flat_map(|c| &c.participants)
            .filter(|p| p.role == Role::Agent);
        for participant in agents {
            let span = participant.mention;
            let Some(&(place, seat)) = seat_at.get(&(id, span)) else {
                continue;
            };
            let surface = with_article(&analyzed.document.text, span);
            if surface.is_empty() {
                continue;
            }
            let at = Location {
                doc: id.to_string(),
                span,
            };
            let metonym = Metonym {
                at,
                surface: surface.to_string(),
            };
            out.push(Use {
                place,
                seat,
                metonym,
            });
        }
    }
    out
}

/// Each state some place-kind entity names, with the first such entity (the one with most
/// mentions, as entities are in id order).
fn named_states(entities: &[Entity]) -> HashMap<&'static str, usize> {
    let mut out = HashMap::new();
    for (index, entity) in entities.iter().enumerate() {
        if kind_class(entity.kind) != ORG_PLACE {
            continue;
        }
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            if let Some(&state) = TABLE.states.get(&place_key(name)) {
                out.entry(state).or_insert(index);
            }
        }
    }
    out
}

/// Appends an entity for a state no document names; returns its index.
fn create(entities: &mut Vec<Entity>, state: &str) -> usize {
    let kind = if TABLE.countries.contains(state) {
        EntityKind::Gpe
    } else {
        EntityKind::Org
    };
    entities.push(Entity {
        id: format!("E{}", entities.len() + 1),
        name: state.to_string(),
        kind,
        aliases: Vec::new(),
        mentions: Vec::new(),
        merge_evidence: vec![format!(
            "\"{state}\" is named in no document: known from the places that stand for it"
        )],
        metonyms: Vec::new(),
    });
    entities.len() - 1
}

fn evidence(place: &Entity, state: &Entity, seat: &Seat) -> String {
    format!(
        "\"{}\" stands for \"{}\": {}, as the actor of a claim",
        place.name, state.name, seat.what
    )
}

/// The mention's words, with the article before them when there is one ("the Kremlin");
/// empty when the span is not valid in the text.
fn with_article(text: &str, span: Span) -> &str {
    let before = text.get(..span.start).unwrap_or("");
    let start = before
        .len()
        .checked_sub("the ".len())
        .filter(|&at| {
            before
                .get(at..)
                .is_some_and(|w| w.eq_ignore_ascii_case("the "))
                && !before[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
        })
        .unwrap_or(span.start);
    text.get(start..span.end).unwrap_or("")
}

#[cfg(test)]
mod tests;
