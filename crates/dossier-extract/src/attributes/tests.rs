//! Table-driven tests of attribute claims on invented sentences: one line per claim.

use dossier_core::{AttributeValue, EntityKind};

use super::extract;
use crate::tests::{annotate, document};

use EntityKind::{Gpe, Norp, Org, Person as Per};

/// `kind holder=X | position=ROLE of ORG value [stated words]`.
fn render(text: &str, names: &[(&str, EntityKind)]) -> Vec<String> {
    let annotations = annotate(text, names, &[], None);
    extract(&document(text), &annotations)
        .iter()
        .map(|a| {
            let t = |s: dossier_core::Span| s.slice(text);
            let holder = match (&a.holder, &a.position) {
                (Some(h), _) => format!("holder={}", t(*h)),
                (None, Some(p)) => format!("position={} of {}", p.role, t(p.of)),
                (None, None) => "-".to_string(),
            };
            let value = match &a.value {
                AttributeValue::Kinship { relation, relative } => {
                    format!("{relation} of {}", t(*relative))
                }
                AttributeValue::Role { role, of } => match of {
                    Some(of) => format!("{role} of {}", t(*of)),
                    None => role.clone(),
                },
                AttributeValue::Count(c) => {
                    format!(
                        "{} {} {} {}",
                        c.event_type,
                        c.bound.label(),
                        c.value,
                        c.what
                    )
                }
            };
            format!("{} {holder} {value} [{}]", a.value.kind_label(), t(a.span))
        })
        .collect()
}

fn check(text: &str, names: &[(&str, EntityKind)], expected: &[&str]) {
    assert_eq!(render(text, names), expected, "in {text:?}");
}

#[test]
fn kinship_with_a_named_holder() {
    let names = [("Ana Berg", Per), ("Tomas Lind", Per), ("Lind", Per)];
    check(
        "Ana Berg, a nephew of Tomas Lind, spoke.",
        &names,
        &["kinship holder=Ana Berg nephew of Tomas Lind [a nephew of Tomas Lind]"],
    );
    check(
        "Ana Berg is the granddaughter of Tomas Lind.",
        &names,
        &["kinship holder=Ana Berg granddaughter of Tomas Lind [the granddaughter of Tomas Lind]"],
    );
    check(
        "The grandson of former minister Tomas Lind, Ana Berg, spoke.",
        &names,
        &[
            "kinship holder=Ana Berg grandson of Tomas Lind [The grandson of former minister Tomas Lind]",
            "role holder=Tomas Lind former minister [former minister]",
        ],
    );
    check("Lind's nephew Ana Berg spoke.", &names, &[]);
    check(
        "Ana Berg, Lind's nephew, spoke.",
        &names,
        &["kinship holder=Ana Berg nephew of Lind [Lind's nephew]"],
    );
}

#[test]
fn kinship_of_an_unnamed_position_holder() {
    // The director of the organisation named first in the previous sentence.
    let names = [
        ("Tomas Lind", Per),
        ("Lind", Per),
        ("Nordhall", Org),
        ("Ostrava", Gpe),
    ];
    check(
        "Nordhall opened in Ostrava. The director is a nephew of Lind.",
        &names,
        &["kinship position=head of Nordhall nephew of Lind [a nephew of Lind]"],
    );
    check(
        "A museum “Blue Gate” opened, funded by Nordhall. The director is a nephew of Lind.",
        &names,
        &["kinship position=head of Blue Gate nephew of Lind [a nephew of Lind]"],
    );
    check(
        "They opened Nordhall, a school in Ostrava. It is headed by the grandson of Tomas Lind.",
        &names,
        &["kinship position=head of Nordhall grandson of Tomas Lind [the grandson of Tomas Lind]"],
    );
    check(
        "The director of Nordhall is a nephew of Lind.",
        &names,
        &["kinship position=head of Nordhall nephew of Lind [a nephew of Lind]"],
    );
    // No organisation to be the director of: nothing is claimed.
    check("It rained. The director is a nephew of Lind.", &names, &[]);
    // A kinship term without a named relative says nothing checkable.
    check(
        "Nordhall opened. The director is a nephew of the mayor.",
        &names,
        &[],
    );
}

#[test]
fn positions_of_named_people() {
    let names = [
        ("Ana Berg", Per),
        ("Tomas Lind", Per),
        ("Nordhall", Org),
        ("Ruritania", Gpe),
        ("Ruritanian", Norp),
    ];
    check(
        "Foreign Minister Ana Berg arrived.",
        &names,
        &["role holder=Ana Berg foreign minister [Foreign Minister]"],
    );
    check(
        "Deputy Head of Nordhall Ana Berg arrived.",
        &names,
        &["role holder=Ana Berg deputy head of Nordhall [Deputy Head of Nordhall]"],
    );
    check(
        "In May, the head of Nordhall, Ana Berg, arrived.",
        &names,
        &["role holder=Ana Berg head of Nordhall [the head of Nordhall]"],
    );
    check(
        "It quoted Tomas Lind, the former director of Nordhall.",
        &names,
        &["role holder=Tomas Lind former director of Nordhall [the former director of Nordhall]"],
    );
    // An apposition that is not closed is no title: "the prime minister, Berg said".
    check("He met the prime minister, Ana Berg said.", &names, &[]);
}

#[test]
fn counts_of_people_with_what_happened_to_them() {
    let names = [("Ruritanian", Norp), ("Nordhall", Org)];
    check(
        "At least 1,033 civilians were killed and 233 people were taken hostage.",
        &names,
        &[
            "count - kill at_least 1033 civilians [At least 1,033 civilians were killed]",
            "count - take_hostage exact 233 people [233 people were taken hostage]",
        ],
    );
    check(
        "Despite the killing of 16 Ruritanian nationals, Nordhall said nothing.",
        &names,
        &["count - kill exact 16 ruritanian nationals [killing of 16 Ruritanian nationals]"],
    );
    check(
        "The blast, which killed 17 people, shook Nordhall.",
        &names,
        &["count - kill exact 17 people [killed 17 people]"],
    );
    // Numbers that count no people, or say nothing happened to them, are no counts.
    check(
        "In 2004, 16 people met and 300 dollars were killed.",
        &names,
        &[],
    );
    check("Nordhall received 1,000,000 euros.", &names, &[]);
}

#[test]
fn never_panics_on_odd_text() {
    for text in [
        "",
        "“",
        "The director is",
        "’s nephew of",
        "1,0 people were killed",
        "a, , nephew",
    ] {
        render(text, &[("nephew", Per)]);
    }
}
