use dossier_core::EntityKind::{Gpe, Org, Person};
use dossier_core::Role::{Agent, Patient};

use super::*;
use crate::entities::link;
use crate::test_support::doc;

fn find<'a>(entities: &'a [Entity], name: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name}: {entities:#?}"))
}

fn surfaces(entity: &Entity) -> Vec<&str> {
    entity.metonyms.iter().map(|m| m.surface.as_str()).collect()
}

#[test]
fn a_capital_as_actor_stands_for_its_state() {
    let docs = [doc("a", "Moscow condemned the raid.")
        .mention("Moscow", Gpe)
        .claim("condemn", &[("Moscow", Agent)])
        .build()];
    let entities = link(&docs);
    assert_eq!(entities.len(), 2, "{entities:#?}");
    let moscow = &entities[0];
    assert_eq!((moscow.id.as_str(), moscow.name.as_str()), ("E1", "Moscow"));
    assert_eq!(moscow.mentions.len(), 1, "the city keeps its mention");
    assert!(moscow.metonyms.is_empty());
    let russia = &entities[1];
    assert_eq!((russia.id.as_str(), russia.kind), ("E2", Gpe));
    assert_eq!(russia.name, "Russia");
    assert!(russia.mentions.is_empty() && russia.aliases.is_empty());
    assert_eq!(
        russia.metonyms,
        [Metonym {
            at: moscow.mentions[0].clone(),
            surface: "Moscow".into(),
        }]
    );
    assert_eq!(
        russia.merge_evidence,
        [
            "\"Moscow\" stands for \"Russia\": capital of Russia, as the actor of a claim",
            "\"Russia\" is named in no document: known from the places that stand for it",
        ]
    );
}

#[test]
fn a_capital_in_another_role_stays_the_city() {
    let docs = [doc("a", "Anna Berg visited Moscow.")
        .mention("Anna Berg", Person)
        .mention("Moscow", Gpe)
        .claim("visit", &[("Anna Berg", Agent), ("Moscow", Patient)])
        .build()];
    let entities = link(&docs);
    let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Anna Berg", "Moscow"]);
    assert!(entities.iter().all(|e| e.metonyms.is_empty()));
}

#[test]
fn a_seat_of_government_keeps_its_article() {
    let docs = [doc("a", "Talks stalled. The Kremlin refused the offer.")
        .mention("Kremlin", Org)
        .claim("reject", &[("Kremlin", Agent)])
        .build()];
    let entities = link(&docs);
    let russia = find(&entities, "Russia");
    assert_eq!(surfaces(russia), ["The Kremlin"]);
    assert_eq!(russia.metonyms[0].surface_span(), Span::new(15, 26));
    assert!(russia.merge_evidence.contains(
        &"\"Kremlin\" stands for \"Russia\": seat of the Russian presidency, as the actor of a claim"
            .to_string()
    ));
    assert_eq!(find(&entities, "Kremlin").mentions.len(), 1);
}

#[test]
fn a_city_that_is_no_capital_stays_itself() {
    let docs = [doc("a", "Lyon condemned the plan.")
        .mention("Lyon", Gpe)
        .claim("condemn", &[("Lyon", Agent)])
        .build()];
    let entities = link(&docs);
    assert_eq!(entities.len(), 1);
    assert!(entities[0].metonyms.is_empty());
}

#[test]
fn a_person_named_like_a_capital_is_no_place() {
    let docs = [doc("a", "Washington condemned the plan.")
        .mention("Washington", Person)
        .claim("condemn", &[("Washington", Agent)])
        .build()];
    assert_eq!(link(&docs).len(), 1);
}

#[test]
fn the_state_named_in_the_corpus_is_reused() {
    let docs = [
        doc("a", "Anna Berg visited Russia.")
            .mention("Anna Berg", Person)
            .mention("Russia", Gpe)
            .build(),
        doc("b", "Anna Berg visited Moscow. Moscow condemned the raid.")
            .mention("Anna Berg", Person)
            .mention("Moscow", Gpe)
            .claim("visit", &[("Anna Berg", Agent), ("Moscow", Patient)])
            .claim("condemn", &[("Moscow condemned", Agent)])
            .build(),
    ];
    let entities = link(&docs);
    assert_eq!(entities.len(), 3, "no entity is created: {entities:#?}");
    let russia = find(&entities, "Russia");
    assert_eq!(russia.mentions.len(), 1);
    assert_eq!(
        russia.metonyms,
        [Metonym {
            at: Location {
                doc: "b".into(),
                span: Span::new(26, 32),
            },
            surface: "Moscow".into(),
        }]
    );
    assert_eq!(find(&entities, "Moscow").mentions.len(), 2);
}

#[test]
fn the_state_is_found_under_its_short_names() {
    let docs = [
        doc("a", "The U.S. protested. Washington condemned the raid.")
            .mention("U.S.", Gpe)
            .mention("Washington", Gpe)
            .claim("condemn", &[("Washington", Agent)])
            .build(),
    ];
    let entities = link(&docs);
    assert_eq!(entities.len(), 2);
    assert_eq!(surfaces(find(&entities, "U.S.")), ["Washington"]);
}

#[test]
fn a_seat_of_a_union_gives_an_organization() {
    let docs = [doc("a", "Brussels condemned the plan.")
        .mention("Brussels", Gpe)
        .claim("condemn", &[("Brussels", Agent)])
        .build()];
    let entities = link(&docs);
    let union = find(&entities, "European Union");
    assert_eq!(union.kind, Org);
    assert_eq!(surfaces(union), ["Brussels"]);
}

#[test]
fn the_article_is_taken_only_as_a_word() {
    let at = |text: &str, word: &str| {
        let start = text.find(word).unwrap();
        with_article(text, Span::new(start, start + word.len())).to_string()
    };
    assert_eq!(at("Kremlin said", "Kremlin"), "Kremlin");
    assert_eq!(at("then the Kremlin said", "Kremlin"), "the Kremlin");
    assert_eq!(at("“The Kremlin", "Kremlin"), "The Kremlin");
    assert_eq!(at("bathe Kremlin", "Kremlin"), "Kremlin");
    assert_eq!(with_article("short", Span::new(2, 40)), "");
}
