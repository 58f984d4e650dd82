use dossier_core::EntityKind::{Gpe, Misc, Org, Person};

use super::*;
use crate::test_support::doc;
use dossier_core::Mention;

/// The entities as (name, kind label, sorted aliases) triples, in id order.
fn summary(entities: &[Entity]) -> Vec<(String, &'static str, Vec<String>)> {
    entities
        .iter()
        .map(|e| (e.name.clone(), e.kind.label(), e.aliases.clone()))
        .collect()
}

fn names(entities: &[Entity]) -> Vec<&str> {
    entities.iter().map(|e| e.name.as_str()).collect()
}

#[test]
fn transliteration_and_case_merge_across_documents() {
    let docs = [
        doc("a", "Sergey Lavrov met HAMAS envoys. Lavrov smiled.")
            .mention("Sergey Lavrov", Person)
            .mention_as("Lavrov smiled", "Sergey Lavrov", Person)
            .mention("HAMAS", Org)
            .build(),
        doc("b", "Sergei Lavrov and Hamas. Milàn Czerny wrote.")
            .mention("Sergei Lavrov", Person)
            .mention("Hamas", Org)
            .mention("Milàn Czerny", Person)
            .build(),
        doc("c", "Hamas and Milan Czerny.")
            .mention("Hamas", Org)
            .mention("Milan Czerny", Person)
            .build(),
    ];
    let entities = link(&docs);
    assert_eq!(names(&entities), ["Hamas", "Sergey Lavrov", "Milàn Czerny"]);
    let lavrov = &entities[1];
    assert_eq!(lavrov.id, "E2");
    assert_eq!(lavrov.mentions.len(), 3);
    assert_eq!(
        lavrov.aliases,
        ["Lavrov smiled", "Sergei Lavrov", "Sergey Lavrov"]
    );
    assert_eq!(
        lavrov.merge_evidence,
        ["\"Sergei Lavrov\" = \"Sergey Lavrov\": same transliteration key \"sergei lavrov\""]
    );
    assert_eq!(
        entities[0].merge_evidence,
        ["\"HAMAS\" = \"Hamas\": same name up to case and diacritics \"hamas\""]
    );
    // A tie between "Milàn Czerny" and "Milan Czerny": the accented form wins.
    assert_eq!(entities[2].aliases, ["Milan Czerny", "Milàn Czerny"]);
    assert_eq!(
        entities[2].mentions[0],
        Location {
            doc: "b".into(),
            span: Span::new(25, 38)
        }
    );
}

#[test]
fn most_frequent_full_form_names_the_entity() {
    let docs = [
        doc("a", "Milàn Czerny said.")
            .mention("Milàn Czerny", Person)
            .build(),
        doc("b", "Milan Czerny said. Milan Czerny added.")
            .mention("Milan Czerny", Person)
            .build(),
    ];
    assert_eq!(names(&link(&docs)), ["Milan Czerny"]);
}

#[test]
fn single_token_joins_the_only_full_name() {
    let docs = [
        doc("a", "Foreign Minister Sergei Lavrov spoke.")
            .mention("Sergei Lavrov", Person)
            .build(),
        doc("b", "Lavrov met the delegation.")
            .mention("Lavrov", Person)
            .build(),
        doc("c", "Moussa Abu Marzouk visited.")
            .mention("Moussa Abu Marzouk", Person)
            .build(),
        doc("d", "Abu Marzook again.")
            .mention("Abu Marzook", Person)
            .build(),
    ];
    let entities = link(&docs);
    assert_eq!(
        summary(&entities),
        [
            (
                "Moussa Abu Marzouk".into(),
                "PERSON",
                vec!["Abu Marzook".into(), "Moussa Abu Marzouk".into()]
            ),
            (
                "Sergei Lavrov".into(),
                "PERSON",
                vec!["Lavrov".into(), "Sergei Lavrov".into()]
            ),
        ]
    );
    assert_eq!(
        entities[1].merge_evidence,
        ["\"Lavrov\" = \"Sergei Lavrov\": the only full name ending in \"lavrov\""]
    );
}

#[test]
fn ambiguous_single_token_stays_apart() {
    let docs = [
        doc("a", "Sergei Lavrov spoke.")
            .mention("Sergei Lavrov", Person)
            .build(),
        doc("b", "Maria Lavrov wrote.")
            .mention("Maria Lavrov", Person)
            .build(),
        doc("c", "Lavrov answered.")
            .mention("Lavrov", Person)
            .build(),
    ];
    let entities = link(&docs);
    assert_eq!(
        names(&entities),
        ["Lavrov", "Maria Lavrov", "Sergei Lavrov"]
    );
    assert!(entities
        .iter()
        .all(|e| e.mentions.len() == 1 && e.merge_evidence.is_empty()));
}

#[test]
fn kinds_must_agree_except_org_and_place() {
    let docs = [
        doc("a", "Georgia sang. Hamas rules.")
            .mention("Georgia", Person)
            .mention("Hamas", Org)
            .build(),
        doc("b", "Georgia voted. Hamas ruled. Hamas won.")
            .mention("Georgia", Gpe)
            .mention("Hamas", Org)
            .build(),
        doc("c", "Hamas territory.").mention("Hamas", Gpe).build(),
    ];
    let entities = link(&docs);
    assert_eq!(
        summary(&entities),
        [
            ("Hamas".into(), "ORG", vec!["Hamas".into()]),
            ("Georgia".into(), "PERSON", vec!["Georgia".into()]),
            ("Georgia".into(), "GPE", vec!["Georgia".into()]),
        ]
    );
    assert_eq!(
        entities[0].merge_evidence,
        ["\"Hamas\" tagged ORG 3, GPE 1: kind by majority"]
    );
}

#[test]
fn a_name_read_alike_in_most_documents_is_one_entity() {
    let docs = [
        doc("a", "Volnarka opened.")
            .mention("Volnarka", Org)
            .build(),
        doc("b", "Volnarka, a school.")
            .mention("Volnarka", Org)
            .build(),
        doc("c", "Volnarka said.")
            .mention("Volnarka", Person)
            .build(),
        // One document each: no majority, the readings stay apart.
        doc("d", "Sandor spoke.").mention("Sandor", Person).build(),
        doc("e", "Sandor hired.").mention("Sandor", Org).build(),
        // A person's reading spelled as an acronym gives way whatever the counts.
        doc("i", "ZANU won. ZANU lost.")
            .mention("ZANU", Org)
            .build(),
        doc("j", "ZANU said.").mention("ZANU", Person).build(),
        // More documents but fewer mentions: no majority either.
        doc("f", "Tallis said. Tallis left. Tallis won.")
            .mention("Tallis", Person)
            .build(),
        doc("g", "Tallis hired.").mention("Tallis", Org).build(),
        doc("h", "Tallis fired.").mention("Tallis", Org).build(),
    ];
    let entities = link(&docs);
    let volnarka: Vec<&Entity> = entities.iter().filter(|e| e.name == "Volnarka").collect();
    assert_eq!(volnarka.len(), 1);
    assert_eq!((volnarka[0].kind, volnarka[0].mentions.len()), (Org, 3));
    assert_eq!(
        volnarka[0].merge_evidence,
        ["\"Volnarka\" (PERSON in 1 document) = \"Volnarka\" (ORG in 2 documents): same key \"volnarka\", read so in most documents"]
    );
    assert_eq!(entities.iter().filter(|e| e.name == "Sandor").count(), 2);
    assert_eq!(entities.iter().filter(|e| e.name == "Tallis").count(), 2);
    let acronym: Vec<&Entity> = entities.iter().filter(|e| e.name == "ZANU").collect();
    assert_eq!((acronym.len(), acronym[0].kind), (1, Org));
}

#[test]
fn untyped_names_join_the_only_typed_one() {
    let docs = [
        doc("a", "Fatah won.").mention("Fatah", Org).build(),
        doc("b", "Fatah lost. Kornet sold.")
            .mention("Fatah", Misc)
            .mention("Kornet", Misc)
            .build(),
        doc("c", "Jordan river, Jordan Smith.")
            .mention("Jordan", Gpe)
            .build(),
        doc("d", "Jordan said.").mention("Jordan", Person).build(),
        doc("e", "Jordan again.").mention("Jordan", Misc).build(),
    ];
    let entities = link(&docs);
    let fatah = entities.iter().find(|e| e.name == "Fatah").expect("Fatah");
    assert_eq!((fatah.kind, fatah.mentions.len()), (Org, 2));
    assert_eq!(
        fatah.merge_evidence,
        ["\"Fatah\" (MISC) = \"Fatah\": same key \"fatah\", the one typed entity with it"]
    );
    // "Jordan" is both a place and a person: the untyped mention stays alone.
    assert_eq!(entities.iter().filter(|e| e.name == "Jordan").count(), 3);
    assert_eq!(entities.len(), 5);
}

#[test]
fn acronyms_join_their_expansion_in_the_same_document() {
    let docs = [
        doc("a", "The Israel Defense Forces said the IDF would act.")
            .mention("Israel Defense Forces", Org)
            .mention("IDF", Org)
            .build(),
        doc(
            "b",
            "The IDF struck. The U.S. and the United States of America.",
        )
        .mention("IDF", Org)
        .mention("U.S.", Gpe)
        .mention("United States of America", Gpe)
        .build(),
        doc("c", "The IMF and the FBI.")
            .mention("IMF", Org)
            .mention("FBI", Org)
            .build(),
    ];
    let entities = link(&docs);
    let idf = entities
        .iter()
        .find(|e| e.name == "Israel Defense Forces")
        .expect("merged");
    assert_eq!(idf.mentions.len(), 3);
    assert_eq!(
        idf.merge_evidence,
        ["\"IDF\" = \"Israel Defense Forces\": acronym of the name in the same document"]
    );
    // "U.S." spells "US", not "USA": no merge; unrelated acronyms stay alone.
    assert_eq!(entities.len(), 5);
}

#[test]
fn initials_and_acronym_shapes() {
    assert_eq!(
        initials("Islamic State of Iraq and Syria").as_deref(),
        Some("ISIS")
    );
    assert_eq!(initials("Israel Defense Forces").as_deref(), Some("IDF"));
    assert_eq!(initials("Hamas"), None);
    assert_eq!(acronym_letters("U.S.").as_deref(), Some("US"));
    assert_eq!(acronym_letters("Hamas"), None);
    assert_eq!(acronym_letters("A"), None);
}

#[test]
fn bad_spans_and_empty_names_are_skipped() {
    let mut broken = doc("a", "Zoë met Ivan.").mention("Ivan", Person).build();
    broken.annotations.mentions.push(Mention {
        span: Span::new(2, 3),
        kind: Person,
        canonical: String::new(),
    });
    broken.annotations.mentions.push(Mention {
        span: Span::new(5, 99),
        kind: Person,
        canonical: "X".into(),
    });
    broken.annotations.mentions.push(Mention {
        span: Span::new(7, 8),
        kind: Person,
        canonical: "—".into(),
    });
    let entities = link(&[broken]);
    assert_eq!(names(&entities), ["Ivan"]);
    assert!(link(&[]).is_empty());
}

#[test]
fn vowel_variants_of_a_surname_merge_only_under_the_same_given_name() {
    let docs = [
        doc("a", "Tarek Hamdal spoke. Omar Hamdal too.")
            .mention("Tarek Hamdal", Person)
            .mention("Omar Hamdal", Person)
            .build(),
        doc("b", "Tarek Hemdaal answered.")
            .mention("Tarek Hemdaal", Person)
            .build(),
        doc("c", "Mousa Barzook, Yevgeny Tarasenko.")
            .mention("Mousa Barzook", Person)
            .mention("Yevgeny Tarasenko", Person)
            .build(),
        doc(
            "d",
            "Musa Barzouk and Evgheny Tarasenko; Evgenia Tarasenko.",
        )
        .mention("Musa Barzouk", Person)
        .mention("Evgheny Tarasenko", Person)
        .mention("Evgenia Tarasenko", Person)
        .build(),
    ];
    let entities = link(&docs);
    // Omar stays apart from Tarek, Evgenia from Evgheny.
    assert_eq!(
        names(&entities),
        [
            "Evgheny Tarasenko",
            "Mousa Barzook",
            "Tarek Hamdal",
            "Evgenia Tarasenko",
            "Omar Hamdal"
        ]
    );
    let tarek = &entities[2];
    assert_eq!(tarek.aliases, ["Tarek Hamdal", "Tarek Hemdaal"]);
    assert_eq!(
        tarek.merge_evidence,
        ["\"Tarek Hemdaal\" = \"Tarek Hamdal\": same given names, surnames differing only in vowels \"tarek hmdl\""]
    );
    assert_eq!(entities[1].aliases, ["Mousa Barzook", "Musa Barzouk"]);
    assert_eq!(
        entities[0].aliases,
        ["Evgheny Tarasenko", "Yevgeny Tarasenko"]
    );
}

#[test]
fn one_word_vowel_variant_joins_the_only_full_name() {
    let docs = [
        doc("a", "Khalil Mashour arrived.")
            .mention("Khalil Mashour", Person)
            .build(),
        doc("b", "Meshour left.").mention("Meshour", Person).build(),
        doc("c", "Nadia Solvan and Ivan Solvan; Selvan.")
            .mention("Nadia Solvan", Person)
            .mention("Ivan Solvan", Person)
            .mention("Selvan", Person)
            .build(),
    ];
    let entities = link(&docs);
    let khalil = entities
        .iter()
        .find(|e| e.name == "Khalil Mashour")
        .unwrap();
    assert_eq!(khalil.aliases, ["Khalil Mashour", "Meshour"]);
    assert_eq!(
        khalil.merge_evidence,
        ["\"Meshour\" = \"Khalil Mashour\": the only full name whose surname differs from \"meshur\" only in vowels \"mshr\""]
    );
    // Two full names fit "Selvan": it stays apart.
    assert_eq!(
        names(&entities),
        ["Khalil Mashour", "Ivan Solvan", "Nadia Solvan", "Selvan"]
    );
}
