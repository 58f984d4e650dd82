//! From a cluster of claims to an [`Event`]: type, participants, place, time, label, counts.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::{Entity, Event, EventTime, Role};

use crate::content::Content;
use crate::records::Record;
use crate::time::{bounds, common_prefix};
use crate::types::TypeInfo;

/// Builds the event of one cluster (its id is assigned later). `dates` are the conflicting
/// values when the cluster joins a date contradiction.
pub(crate) fn build(
    records: &[Record],
    members: &[usize],
    entities: &[Entity],
    agreed_time: Option<&str>,
    dates: Option<&[String]>,
) -> Event {
    let rs: Vec<&Record> = members.iter().map(|&m| &records[m]).collect();
    let event_type = majority_type(&rs);
    let participants = participants(&rs, &event_type);
    let place = most_common(rs.iter().filter_map(|r| r.place));
    let time = match dates {
        Some(values) => disputed_time(values),
        None => agreed_time.map_or_else(EventTime::default, agreed),
    };
    let mut ordered = rs.clone();
    ordered.sort_by_key(|r| r.at);
    let own = ordered.iter().filter(|r| r.event_type == event_type);
    let words = Words {
        trigger: own.clone().next().map_or("", |r| r.trigger.as_str()),
        content: own.filter_map(|r| r.content.as_ref()).next(),
        qualifier: qualifier(&rs),
    };
    let label = label(&event_type, &participants, place, &time, entities, &words);
    let via = via(&rs, &participants, entities);
    let mut claims: Vec<_> = rs.iter().map(|r| r.at).collect();
    claims.sort();
    let sources = rs.iter().map(|r| r.at.doc).collect::<BTreeSet<_>>().len();
    let independent_sources = rs
        .iter()
        .map(|r| r.lineage.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    Event {
        id: String::new(),
        event_type,
        label,
        participants: participants
            .into_iter()
            .map(|(e, role)| {
                (
                    entities.get(e).map_or_else(String::new, |x| x.id.clone()),
                    role,
                )
            })
            .collect(),
        via,
        time,
        place: place.and_then(|p| entities.get(p)).map(|x| x.id.clone()),
        claims,
        counts: Vec::new(),
        sources,
        independent_sources,
    }
}

/// The most frequent type; ties go to the type of the claim with most participants, then to
/// the first name.
fn majority_type(rs: &[&Record]) -> String {
    let mut count: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for r in rs {
        let entry = count.entry(r.event_type.as_str()).or_default();
        entry.0 += 1;
        entry.1 = entry.1.max(r.participants.len());
    }
    let best = count.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)));
    best.map(|(t, _)| t.to_string()).unwrap_or_default()
}

/// Participants: each entity once, with its most frequent role in the claims of the event's
/// type (other claims add only entities not seen there); a tie goes to the role of the first
/// claim, so "A met B" and "B met A" give "A met B". Agents first.
fn participants(rs: &[&Record], event_type: &str) -> Vec<(usize, Role)> {
    let mut ordered: Vec<&Record> = rs.to_vec();
    ordered.sort_by_key(|r| r.at);
    // Per entity: role → (count, -order of first use).
    let mut roles: BTreeMap<usize, BTreeMap<Role, (usize, isize)>> = BTreeMap::new();
    let mut order: isize = 0;
    for r in ordered.iter().filter(|r| r.event_type == event_type) {
        for &(e, role) in &r.participants {
            order += 1;
            let entry = roles
                .entry(e)
                .or_default()
                .entry(role)
                .or_insert((0, -order));
            entry.0 += 1;
        }
    }
    for r in ordered.iter().filter(|r| r.event_type != event_type) {
        for &(e, role) in &r.participants {
            roles
                .entry(e)
                .or_insert_with(|| BTreeMap::from([(role, (1, 0))]));
        }
    }
    let mut out: Vec<(usize, Role)> = roles
        .into_iter()
        .filter_map(|(e, counts)| {
            counts
                .into_iter()
                .max_by_key(|&(_, rank)| rank)
                .map(|(role, _)| (e, role))
        })
        .collect();
    out.sort_by_key(|&(e, role)| (role, e));
    out
}

/// The metonyms that named the event's participants: (entity id, words as written), sorted,
/// each once.
fn via(
    rs: &[&Record],
    participants: &[(usize, Role)],
    entities: &[Entity],
) -> Vec<(String, String)> {
    let named: BTreeSet<(String, String)> = rs
        .iter()
        .flat_map(|r| &r.via)
        .filter(|(e, _)| participants.iter().any(|(p, _)| p == e))
        .filter_map(|(e, surface)| Some((entities.get(*e)?.id.clone(), surface.clone())))
        .collect();
    named.into_iter().collect()
}

fn most_common(items: impl Iterator<Item = usize>) -> Option<usize> {
    let mut count: BTreeMap<usize, usize> = BTreeMap::new();
    for item in items {
        *count.entry(item).or_default() += 1;
    }
    count
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(item, _)| item)
}

fn agreed(value: &str) -> EventTime {
    let (earliest, latest) = bounds(value).unzip();
    EventTime {
        value: Some(value.to_string()),
        earliest,
        latest,
    }
}

/// The time of a disputed event: what all sides share, over the range of all of them.
fn disputed_time(values: &[String]) -> EventTime {
    let value = values
        .iter()
        .skip(1)
        .try_fold(values.first().cloned().unwrap_or_default(), |acc, v| {
            common_prefix(&acc, v)
        });
    let ranges: Vec<(String, String)> = values.iter().filter_map(|v| bounds(v)).collect();
    EventTime {
        value: value.filter(|v| !v.is_empty()),
        earliest: ranges.iter().map(|r| r.0.clone()).min(),
        latest: ranges.iter().map(|r| r.1.clone()).max(),
    }
}

/// The words of an event's first claim that its label may show.
#[derive(Debug, Default)]
pub(crate) struct Words<'a> {
    /// The trigger as written, lower-cased, for `{trigger}`.
    pub trigger: &'a str,
    /// What a statement reports.
    pub content: Option<&'a Content>,
    /// Said of the happening when no source asserts it: "denied" or "unconfirmed".
    pub qualifier: Option<&'static str>,
}

/// "denied" when every source denies the happening ("refused to condemn"), "unconfirmed" when
/// none asserts it (alleged, uncertain), else nothing: a label never states as fact what no
/// source states as fact.
fn qualifier(records: &[&Record]) -> Option<&'static str> {
    if records.iter().any(|r| r.asserted) {
        None
    } else if records.iter().all(|r| r.denied) {
        Some("denied")
    } else {
        Some("unconfirmed")
    }
}

/// "Anna Berg met Tomas Lind in Ostrava (2006-03)", from the type's template; a statement
/// shows what was said: "Anna Berg: “…”" or "Anna Berg said the plant would close".
pub(crate) fn label(
    event_type: &str,
    participants: &[(usize, Role)],
    place: Option<usize>,
    time: &EventTime,
    entities: &[Entity],
    words: &Words,
) -> String {
    let info = TypeInfo::of(event_type);
    let template = match words.content {
        Some(c) if info.speech && c.quoted => "{agent}: {content}".to_string(),
        Some(_) if info.speech => "{agent} said {content}".to_string(),
        _ => info.template,
    };
    let names = |pick: &dyn Fn(Role) -> bool| {
        let names: Vec<&str> = participants
            .iter()
            .filter(|(_, role)| pick(*role))
            .filter_map(|(e, _)| entities.get(*e).map(|x| x.name.as_str()))
            .collect();
        join(&names)
    };
    let agent = names(&|r| r == Role::Agent);
    let object = names(&|r| r != Role::Agent);
    // A place that is also a participant ("attacked Israel" / "in Israel") is said once.
    let place_name = place
        .filter(|p| !participants.iter().any(|(e, _)| e == p))
        .and_then(|p| entities.get(p))
        .map(|x| x.name.clone());
    let content = words.content.map_or("", |c| c.shown.as_str());
    let mut line = template
        .replace("{agent}", &agent)
        .replace("{trigger}", words.trigger)
        .replace("{content}", content);
    if line.contains("{place}") {
        line = line
            .replace("{place}", place_name.as_deref().unwrap_or(&object))
            .replace("{object}", "");
    } else {
        line = line.replace("{object}", &object);
        if let Some(place) = &place_name {
            line += &format!(" in {place}");
        }
    }
    if let Some(qualifier) = words.qualifier {
        line += &format!(" [{qualifier}]");
    }
    if let Some(value) = &time.value {
        line += &format!(" ({value})");
    }
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    line.trim_start_matches([':', ' ']).to_string()
}

/// "A", "A and B", "A, B and C".
fn join(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        None => String::new(),
    }
}
