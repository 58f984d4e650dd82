//! Table-driven tests: hand-built annotations, claims rendered as one line each.

use dossier_core::{
    Anchor, Annotations, Document, EntityKind, Mention, Metadata, Quote, Span, TimeExpr, TimeKind,
};

use super::extract;
use crate::lexicon::LEXICON;

use EntityKind::{Gpe, Norp, Org, Person as Per};

/// Sentences end at `.`, `!` or `?` before a space or the end, and at newlines.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let end_here = b == b'\n'
            || (matches!(b, b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()));
        if end_here || i + 1 == bytes.len() {
            let end = if b == b'\n' { i } else { i + 1 };
            let piece = &text[start..end];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            if lead < piece.len() {
                out.push(Span::new(start + lead, end - trail));
            }
            start = i + 1;
        }
    }
    out
}

/// Every word-bounded occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, _)| Span::new(i, i + needle.len()))
        .filter(|s| {
            let before = text[..s.start].chars().next_back();
            let after = text[s.end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .collect()
}

/// Builds annotations: mentions from `(surface, kind)`, dates from `(surface, value, anchor)`,
/// quotes from the text between “ and ” with an optional speaker.
pub(crate) fn annotate(
    text: &str,
    names: &[(&str, EntityKind)],
    dates: &[(&str, &str, Anchor)],
    quote_speaker: Option<&str>,
) -> Annotations {
    let mut mentions = Vec::new();
    for &(surface, kind) in names {
        for span in find_all(text, surface) {
            mentions.push(Mention {
                span,
                kind,
                canonical: surface.to_string(),
            });
        }
    }
    mentions.sort_by_key(|m| m.span);
    let mut times = Vec::new();
    for &(surface, value, anchor) in dates {
        let kind = if value.starts_with('P') {
            TimeKind::Duration
        } else {
            TimeKind::Date
        };
        for span in find_all(text, surface) {
            times.push(TimeExpr {
                span,
                kind,
                value: value.to_string(),
                anchor,
                anchored_to: None,
            });
        }
    }
    times.sort_by_key(|t| t.span);
    let mut quotes = Vec::new();
    for (open, _) in text.match_indices('“') {
        if let Some(len) = text[open..].find('”') {
            quotes.push(Quote {
                span: Span::new(open + '“'.len_utf8(), open + len),
                speaker: quote_speaker.map(str::to_string),
                speaker_span: None,
            });
        }
    }
    Annotations {
        sentences: sentences(text),
        mentions,
        times,
        quotes,
    }
}

pub(crate) fn document(text: &str) -> Document {
    Document {
        id: "d".into(),
        path: "d.txt".into(),
        sha256: String::new(),
        text: text.into(),
        meta: Metadata::default(),
    }
}

/// One line per claim: `type agent=X patient=Y place=Z time=V/anchor speaker=S modality`.
fn render(text: &str, annotations: &Annotations) -> Vec<String> {
    let (claims, _) = extract(&document(text), annotations);
    claims
        .iter()
        .map(|c| {
            let mut line = c.event_type.clone();
            for p in &c.participants {
                line += &format!(" {}={}", p.role.label(), p.mention.slice(text));
            }
            if let Some(place) = c.place {
                line += &format!(" place={}", place.slice(text));
            }
            if let Some(t) = &c.time {
                line += &format!(" time={}/{}", t.value, t.anchor.label());
            }
            if let Some(s) = &c.speaker {
                line += &format!(" speaker={s}");
            }
            line + " " + c.modality.label()
        })
        .collect()
}

fn check(
    text: &str,
    names: &[(&str, EntityKind)],
    dates: &[(&str, &str, Anchor)],
    expected: &[&str],
) {
    let got = render(text, &annotate(text, names, dates, None));
    assert_eq!(got, expected, "\ntext: {text}");
}

const ABS: Anchor = Anchor::Absolute;

#[test]
fn resources_parse_without_bad_lines() {
    assert!(LEXICON.trigger_info.len() > 100);
}

#[test]
fn active_voice_and_objects() {
    check(
        "In 2010, Anna Berg met with Tomas Lind.",
        &[("Anna Berg", Per), ("Tomas Lind", Per)],
        &[("2010", "2010", ABS)],
        &["meet agent=Anna Berg patient=Tomas Lind time=2010/absolute asserted"],
    );
    check(
        "The Ministry condemned Freedonia on Monday.",
        &[("Ministry", Org), ("Freedonia", Gpe)],
        &[],
        &["condemn agent=Ministry patient=Freedonia asserted"],
    );
    check(
        "Freedonia transferred weapons to the Red Brigade.",
        &[("Freedonia", Gpe), ("Red Brigade", Org)],
        &[],
        &["supply_weapons agent=Freedonia recipient=Red Brigade asserted"],
    );
    check(
        "Vera Holm congratulated the Union Party on its victory.",
        &[("Vera Holm", Per), ("Union Party", Org)],
        &[],
        &["congratulate agent=Vera Holm recipient=Union Party asserted"],
    );
}

#[test]
fn passive_and_inverse_swap_roles() {
    check(
        "Tomas Lind was hosted by Anna Berg.",
        &[("Anna Berg", Per), ("Tomas Lind", Per)],
        &[],
        &["host agent=Anna Berg patient=Tomas Lind asserted"],
    );
    check(
        "The delegation was warmly welcomed by Anna Berg and Olaf Dunn.",
        &[("Anna Berg", Per), ("Olaf Dunn", Per)],
        &[],
        &["host agent=Anna Berg agent=Olaf Dunn asserted"],
    );
    check(
        "Tomas Lind was thanked by Anna Berg and Olaf Dunn.",
        &[("Anna Berg", Per), ("Olaf Dunn", Per), ("Tomas Lind", Per)],
        &[],
        &["praise agent=Anna Berg agent=Olaf Dunn recipient=Tomas Lind asserted"],
    );
    check(
        "Anna Berg received praise from Tomas Lind for her courage.",
        &[("Anna Berg", Per), ("Tomas Lind", Per)],
        &[],
        &["praise agent=Tomas Lind recipient=Anna Berg asserted"],
    );
    check(
        "The Red Brigade is recognized as a terrorist group in Freedonia.",
        &[("Red Brigade", Org), ("Freedonia", Gpe)],
        &[],
        &["designate patient=Red Brigade place=Freedonia asserted"],
    );
}

#[test]
fn coordination_and_appositions() {
    check(
        "Anna Berg, Olaf Dunn and Vera Holm met Tomas Lind.",
        &[
            ("Anna Berg", Per),
            ("Olaf Dunn", Per),
            ("Vera Holm", Per),
            ("Tomas Lind", Per),
        ],
        &[],
        &["meet agent=Anna Berg agent=Olaf Dunn agent=Vera Holm patient=Tomas Lind asserted"],
    );
    check(
        "The head of the Bureau, Tomas Lind, visited Ostrava.",
        &[("Bureau", Org), ("Tomas Lind", Per), ("Ostrava", Gpe)],
        &[],
        &["visit agent=Tomas Lind place=Ostrava asserted"],
    );
    check(
        "Anna Berg hosted then-Bureau leader Tomas Lind in Ostrava, and received praise from Lind.",
        &[
            ("Anna Berg", Per),
            ("Bureau", Org),
            ("Tomas Lind", Per),
            ("Lind", Per),
            ("Ostrava", Gpe),
        ],
        &[],
        &[
            "host agent=Anna Berg patient=Tomas Lind place=Ostrava asserted",
            "praise agent=Lind recipient=Anna Berg asserted",
        ],
    );
    check(
        "Anna Berg met Tomas Lind and Olaf Dunn.",
        &[("Anna Berg", Per), ("Olaf Dunn", Per), ("Tomas Lind", Per)],
        &[],
        &["meet agent=Anna Berg patient=Tomas Lind patient=Olaf Dunn asserted"],
    );
}

#[test]
fn places() {
    check(
        "In March 2006, Tomas Lind visited Ostrava.",
        &[("Tomas Lind", Per), ("Ostrava", Gpe)],
        &[("March 2006", "2006-03", ABS)],
        &["visit agent=Tomas Lind place=Ostrava time=2006-03/absolute asserted"],
    );
    check(
        "Tomas Lind arrived in Ostrava to meet Anna Berg.",
        &[("Tomas Lind", Per), ("Ostrava", Gpe), ("Anna Berg", Per)],
        &[],
        &[
            "visit agent=Tomas Lind place=Ostrava asserted",
            "meet agent=Tomas Lind patient=Anna Berg asserted",
        ],
    );
    check(
        "Anna Berg met Tomas Lind in Ostrava.",
        &[("Tomas Lind", Per), ("Ostrava", Gpe), ("Anna Berg", Per)],
        &[],
        &["meet agent=Anna Berg patient=Tomas Lind place=Ostrava asserted"],
    );
    check(
        "A Bureau delegation visited Ostrava.",
        &[("Bureau", Org), ("Ostrava", Gpe)],
        &[],
        &["visit agent=Bureau place=Ostrava asserted"],
    );
}

#[test]
fn narrative_time_within_the_paragraph() {
    let text = "In 2004 the Bureau was founded.\nIn 2006 the Bureau won the election. \
                Anna Berg congratulated the Bureau. Tomas Lind was pleased for three years.\n\
                Olaf Dunn condemned the Bureau.";
    check(
        text,
        &[
            ("Bureau", Org),
            ("Anna Berg", Per),
            ("Olaf Dunn", Per),
            ("Tomas Lind", Per),
        ],
        &[
            ("2004", "2004", ABS),
            ("2006", "2006", ABS),
            ("three years", "P3Y", ABS),
        ],
        &[
            "found patient=Bureau time=2004/absolute asserted",
            "win_election agent=Bureau time=2006/absolute asserted",
            "congratulate agent=Anna Berg recipient=Bureau time=2006/narrative asserted",
            "condemn agent=Olaf Dunn patient=Bureau asserted",
        ],
    );
    check(
        "In 2006, Anna Berg met Tomas Lind. A year later, Anna Berg hosted Tomas Lind.",
        &[("Anna Berg", Per), ("Tomas Lind", Per)],
        &[
            ("2006", "2006", ABS),
            ("A year later", "2007", Anchor::Narrative),
        ],
        &[
            "meet agent=Anna Berg patient=Tomas Lind time=2006/absolute asserted",
            "host agent=Anna Berg patient=Tomas Lind time=2007/narrative asserted",
        ],
    );
}

#[test]
fn speakers() {
    check(
        "Anna Berg said that Freedonia funded the Red Brigade.",
        &[("Anna Berg", Per), ("Freedonia", Gpe), ("Red Brigade", Org)],
        &[],
        &[
            "statement agent=Anna Berg asserted",
            "fund agent=Freedonia recipient=Red Brigade speaker=Anna Berg reported",
        ],
    );
    check(
        "According to Olaf Dunn, Freedonia attacked Ostrava.",
        &[("Olaf Dunn", Per), ("Freedonia", Gpe), ("Ostrava", Gpe)],
        &[],
        &["attack agent=Freedonia patient=Ostrava speaker=Olaf Dunn reported"],
    );
    check(
        "“Freedonia funded the Red Brigade,” said Vera Holm and Olaf Dunn.",
        &[
            ("Vera Holm", Per),
            ("Olaf Dunn", Per),
            ("Freedonia", Gpe),
            ("Red Brigade", Org),
        ],
        &[],
        &[
            "fund agent=Freedonia recipient=Red Brigade speaker=Vera Holm and Olaf Dunn reported",
            "statement agent=Vera Holm agent=Olaf Dunn asserted",
        ],
    );
    let text = "“Freedonia funded the Red Brigade.”";
    let names = [("Freedonia", Gpe), ("Red Brigade", Org)];
    assert_eq!(
        render(text, &annotate(text, &names, &[], Some("Vera Holm"))),
        ["fund agent=Freedonia recipient=Red Brigade speaker=Vera Holm reported"]
    );
}

#[test]
fn modality_cues() {
    let names = [
        ("Freedonia", Gpe),
        ("Red Brigade", Org),
        ("Anna Berg", Per),
        ("Kremlin", Org),
    ];
    check(
        "While allegations that Freedonia transferred weapons to the Red Brigade remain unproven, \
         Freedonia has helped the group: the Red Brigade received millions from Anna Berg.",
        &names,
        &[],
        &[
            "supply_weapons agent=Freedonia recipient=Red Brigade alleged",
            "fund agent=Anna Berg recipient=Red Brigade asserted",
        ],
    );
    check(
        "Freedonia reportedly funded the Red Brigade.",
        &names,
        &[],
        &["fund agent=Freedonia recipient=Red Brigade uncertain"],
    );
    check(
        "Freedonia may have funded the Red Brigade.",
        &names,
        &[],
        &["fund agent=Freedonia recipient=Red Brigade uncertain"],
    );
    check(
        "The Kremlin refused to condemn the Red Brigade.",
        &names,
        &[],
        &["condemn agent=Kremlin patient=Red Brigade denied"],
    );
    check(
        "Anna Berg denied that Freedonia funded the Red Brigade.",
        &names,
        &[],
        &["fund agent=Freedonia recipient=Red Brigade denied"],
    );
    check(
        "Freedonia not only funded the Red Brigade but also armed it.",
        &names,
        &[],
        &["fund agent=Freedonia recipient=Red Brigade asserted"],
    );
}

#[test]
fn noise_is_dropped() {
    check("He said nothing new.", &[], &[], &[]);
    check("The meeting with nobody.", &[("Freedonia", Gpe)], &[], &[]);
    // "meet" inside "meeting" and a trigger inside a name are no triggers.
    check(
        "The Freedonian Founded Society held a meeting.",
        &[("Freedonian Founded Society", Org)],
        &[],
        &[],
    );
}

#[test]
fn never_panics_on_odd_input() {
    let text = "Ünïcode — “quoted” said; met: visited… Αθήνα hosted 東京.";
    let names = [("Αθήνα", Gpe), ("東京", Gpe)];
    let mut annotations = annotate(text, &names, &[], None);
    let _ = render(text, &annotations);
    annotations
        .sentences
        .push(Span::new(text.len() - 2, text.len() + 10));
    annotations.mentions.push(Mention {
        span: Span::new(1, 2),
        kind: Per,
        canonical: "x".into(),
    });
    let (_, diagnostics) = extract(&document(text), &annotations);
    assert_eq!(diagnostics.len(), 1);
    let (claims, _) = extract(&document(""), &Annotations::default());
    assert!(claims.is_empty());
}

#[test]
fn norp_participants() {
    check(
        "Freedonian officials met the Red Brigade.",
        &[("Freedonian", Norp), ("Red Brigade", Org)],
        &[],
        &["meet patient=Red Brigade asserted"],
    );
}

#[test]
fn attributive_names_are_not_agents() {
    let names = [
        ("Freedonian", Norp),
        ("Freedonia", Gpe),
        ("Red Brigade", Org),
        ("Anna Berg", Per),
    ];
    check(
        // The agency acts, not Freedonia; no agent is borrowed from further back.
        "After Anna Berg left, the Freedonian fisheries agency condemned the Red Brigade.",
        &names,
        &[],
        &["condemn patient=Red Brigade asserted"],
    );
    for (text, expected) in [
        (
            "Freedonia on Monday condemned the Red Brigade.",
            "condemn agent=Freedonia patient=Red Brigade asserted",
        ),
        (
            "Freedonia has condemned the Red Brigade.",
            "condemn agent=Freedonia patient=Red Brigade asserted",
        ),
        (
            "Freedonia officially condemned the Red Brigade.",
            "condemn agent=Freedonia patient=Red Brigade asserted",
        ),
    ] {
        check(text, &names, &[], &[expected]);
    }
}

#[test]
fn hosting_needs_a_guest() {
    let names = [("Freedonia", Gpe), ("Anna Berg", Per)];
    check(
        "Freedonia welcomed the agreement on Tuesday.",
        &names,
        &[],
        &[],
    );
    check(
        "Freedonia welcomed a delegation from the north.",
        &names,
        &[],
        &["host agent=Freedonia asserted"],
    );
    check(
        "Freedonia welcomed Anna Berg.",
        &names,
        &[],
        &["host agent=Freedonia patient=Anna Berg asserted"],
    );
}

#[test]
fn general_event_words_make_no_claims() {
    let names = [("Acme", Org), ("Globex", Org), ("Anna Berg", Per)];
    for (text, expected) in [
        // General event words are event mentions only (see `event_mentions`).
        ("Acme acquired Globex.", vec![]),
        ("Acme signed a contract.", vec![]),
        ("Acme shares rose sharply.", vec![]),
        // A general word that is a modality cue qualifies the main claim.
        (
            "Acme refused to condemn Globex.",
            vec!["condemn agent=Acme patient=Globex denied"],
        ),
        // A main trigger keeps its subject across a general word ("plans").
        (
            "Anna Berg, who plans ahead, met Globex.",
            vec!["meet agent=Anna Berg patient=Globex asserted"],
        ),
    ] {
        check(text, &names, &[], &expected);
    }
}

#[test]
fn event_mentions_include_words_without_claims() {
    let text = "Sales rose after the launch, and the deal was signed.";
    let annotations = annotate(text, &[], &[], None);
    let found: Vec<(&str, &str)> = super::event_mentions(&document(text), &annotations)
        .iter()
        .map(|m| (m.span.slice(text), m.event_type))
        .collect();
    assert_eq!(
        found,
        [
            ("Sales", "trade"),
            ("rose", "change"),
            ("launch", "produce"),
            ("deal", "agree"),
            ("signed", "agree"),
        ]
    );
}
