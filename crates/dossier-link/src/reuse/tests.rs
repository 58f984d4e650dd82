use dossier_core::DerivationKind::{Copy, Duplicate, Paraphrase, Partial, Translation};

use dossier_core::Quote;

use super::*;
use crate::test_support::doc;

const STORY: &str = "The city council approved the new budget on Tuesday after a long debate. \
    Mayor Anna Berg said the plan would repair forty bridges before winter. \
    Opposition members argued that the repairs were badly overdue and poorly planned. \
    The budget also funds two new schools in the northern districts. \
    Teachers welcomed the decision but asked for more staff. \
    Construction is expected to start in the spring and last three years. \
    Residents can comment on the plans at the town hall until the end of the month. \
    The council will meet again in December to review the first contracts.";

/// The same story with most words swapped for synonyms, sentence by sentence.
const REWORDED: &str =
    "The municipal council passed the new budget on Tuesday after a lengthy debate. \
    Mayor Anna Berg said the plan would fix forty bridges before the winter. \
    Members of the opposition argued that the repairs were long overdue and poorly planned. \
    The budget additionally pays for two new schools in the northern districts. \
    Teachers applauded the decision but asked for more staff. \
    Building work is expected to begin in the spring and to last three years. \
    Residents may comment on the plans at the town hall until the end of this month. \
    The council will convene again in December to review the first contracts.";

/// An independent article on the same events: same names and numbers, other sentences.
const INDEPENDENT: &str = "Anna Berg won her budget vote on Tuesday. \
    Forty bridges are in a dangerous state, engineers warned last year, and winter is near. \
    Critics in the opposition accused the mayor of neglect. \
    Two schools will be built in the north, where classes are overcrowded. \
    A union spokesman wants more staff hired. \
    Work starts in spring; the whole programme runs for three years. \
    Citizens have until the end of the month to object. \
    Contracts come up for review in December.";

fn kinds(derivations: &[Derivation]) -> Vec<(&str, &str, DerivationKind, bool)> {
    derivations
        .iter()
        .map(|d| {
            (
                d.derived.as_str(),
                d.source.as_str(),
                d.kind,
                d.direction_known,
            )
        })
        .collect()
}

#[test]
fn exact_duplicate_up_to_punctuation_and_case() {
    let docs = [
        doc("a", STORY).published("2024-01-02").build(),
        doc("b", &STORY.to_uppercase().replace('.', " !"))
            .published("2024-01-03")
            .build(),
        doc("c", INDEPENDENT).build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("b", "a", Duplicate, true)]);
    assert_eq!(found[0].score, 1.0);
    assert_eq!(found[0].evidence.len(), 1);
}

#[test]
fn copy_with_one_sentence_changed() {
    let changed = STORY.replace(
        "Teachers welcomed the decision but asked for more staff.",
        "Nobody asked the nurses.",
    );
    let docs = [doc("a", STORY).build(), doc("b", &changed).build()];
    let found = find(&docs);
    // Same length, no dates: containment is symmetric, so the direction stays unknown.
    assert_eq!(kinds(&found), [("b", "a", Copy, false)]);
    assert!(found[0].score >= 0.8);
    assert_eq!(found[0].evidence.len(), 7);
}

#[test]
fn paraphrase_by_word_substitution() {
    let docs = [
        doc("orig", STORY).published("2024-01-02").build(),
        doc("rewrite", REWORDED).published("2024-01-05").build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("rewrite", "orig", Paraphrase, true)]);
    assert!(found[0].evidence.len() >= 7, "{:?}", found[0].evidence);
    assert!(found[0].score >= 0.85);
    // Evidence is in derived order and points at whole sentences.
    let first = &found[0].evidence[0];
    assert!(REWORDED[first.derived.range()].starts_with("The municipal council"));
    assert!(STORY[first.source.range()].starts_with("The city council"));
}

#[test]
fn same_story_written_independently_is_not_reuse() {
    let docs = [
        doc("a", STORY).build(),
        doc("b", INDEPENDENT).build(),
        doc("c", REWORDED).build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("c", "a", Paraphrase, false)]);
}

#[test]
fn passage_lifted_into_a_longer_article() {
    let longer = format!(
        "Elsewhere in the region, farmers counted their losses after the floods. {} \
         Meanwhile the football club announced a new coach, its third in two seasons. \
         Tickets for the derby sold out within an hour of going on sale. \
         The weather service expects a dry and sunny weekend across the valley. \
         Fishermen reported the largest salmon catch in a decade on the northern lakes. \
         The museum reopened its modern art wing after two years of renovation. \
         Local bakers protested against rising flour prices outside the market hall.",
        &STORY[..STORY.find("Teachers").unwrap()]
    );
    let docs = [
        doc("a", STORY).published("2024-01-02").build(),
        doc("b", &longer).published("2024-01-09").build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("b", "a", Partial, true)]);
    assert_eq!(found[0].evidence.len(), 4);
}

#[test]
fn altered_quotes_in_aligned_sentences() {
    let source = format!("{STORY} The mayor called the vote “a victory for common sense.”");
    let derived = format!("{REWORDED} The mayor called the vote “a triumph of common sense.”");
    let docs = [
        doc("s", &source).published("2024-01-02").build(),
        doc("d", &derived).published("2024-01-03").build(),
    ];
    let found = find(&docs);
    assert_eq!(found.len(), 1);
    let quotes: Vec<(&str, &str)> = found[0]
        .altered_quotes
        .iter()
        .map(|q| (&derived[q.derived.range()], &source[q.source.range()]))
        .collect();
    assert_eq!(
        quotes,
        [("a triumph of common sense.", "a victory for common sense.")]
    );
}

#[test]
fn translation_shares_its_skeleton() {
    let english = "On 4 May 2021 Anna Berg met Karl Lund in Bergen. \
        Berg and Lund signed the Nordic Water Treaty with 14 other mayors. \
        The treaty costs 250 million over 12 years, Lund said. \
        In 2023 Berg will host Greta Holm and the Baltic Council in Bergen.";
    let italian = "Il 4 maggio 2021 Anna Berg ha incontrato Karl Lund a Bergen. \
        Berg e Lund hanno firmato il Nordic Water Treaty con altri 14 sindaci. \
        Il trattato costa 250 milioni in 12 anni, ha detto Lund. \
        Nel 2023 Berg ospiterà Greta Holm e il Baltic Council a Bergen.";
    let docs = [
        doc("en", english)
            .language("en")
            .published("2021-05-05")
            .build(),
        doc("it", italian)
            .language("it")
            .published("2021-05-06")
            .build(),
        doc("other", STORY).language("it").build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("it", "en", Translation, true)]);
    assert_eq!(found[0].evidence.len(), 4);
}

#[test]
fn degenerate_inputs() {
    assert!(find(&[]).is_empty());
    let docs = [
        doc("a", "").build(),
        doc("b", "").build(),
        doc("c", "…").build(),
        doc("d", "word").build(),
    ];
    assert!(find(&docs).is_empty());
    let mut bad = doc("e", STORY).build();
    bad.annotations.sentences = vec![Span::new(1, 10_000)];
    assert!(find(&[bad, doc("f", STORY).build()])
        .iter()
        .all(|d| d.kind == Duplicate));
    // Annotated quotes that do not fit the text are ignored, not sliced.
    let mut quoted = doc("g", REWORDED).published("2024-01-05").build();
    let quote = |start, end| Quote {
        span: Span { start, end },
        speaker: None,
        speaker_span: None,
    };
    quoted.annotations.quotes = vec![
        quote(2, 1),
        quote(5, 100_000),
        quote(REWORDED.len(), REWORDED.len() + 3),
    ];
    let found = find(&[doc("h", STORY).published("2024-01-02").build(), quoted]);
    assert_eq!(kinds(&found), [("g", "h", Paraphrase, true)]);
    assert!(found[0].altered_quotes.is_empty());
}

/// An invented news story and its translations (written for these tests).
const EN_STORY: &str = "On 12 March 2024 the Nordic Energy Council met in Tromsø. \
    Council chair Ingrid Solberg announced that 420 million euros would go to wind farms. \
    Finnish minister Mikko Virtanen said the first turbines would start in October 2025. \
    According to Solberg, 36 coastal towns will be connected by 2030. \
    The plan was criticised by the Green Coast Alliance, whose spokesman Lars Eide called it rushed. \
    Eide said that only 12 of the towns had been consulted. \
    Virtanen replied that public hearings would be held in Oulu and Bergen in June. \
    The next meeting of the Nordic Energy Council is planned for 3 September 2024 in Reykjavik.";

const IT_STORY: &str = "Il 12 marzo 2024 il Nordic Energy Council si è riunito a Tromsø. \
    La presidente del consiglio Ingrid Solberg ha annunciato che 420 milioni di euro andranno ai parchi eolici. \
    Il ministro finlandese Mikko Virtanen ha detto che le prime turbine partiranno nell'ottobre 2025. \
    Secondo Solberg, 36 città costiere saranno collegate entro il 2030. \
    Il piano è stato criticato dalla Green Coast Alliance, il cui portavoce Lars Eide lo ha definito affrettato. \
    Eide ha detto che solo 12 delle città erano state consultate. \
    Virtanen ha risposto che a giugno si terranno audizioni pubbliche a Oulu e a Bergen. \
    La prossima riunione del Nordic Energy Council è prevista per il 3 settembre 2024 a Reykjavik.";

const FR_STORY: &str = "Le 12 mars 2024, le Nordic Energy Council s'est réuni à Tromsø. \
    La présidente du conseil, Ingrid Solberg, a annoncé que 420 millions d'euros iraient aux parcs éoliens. \
    Le ministre finlandais Mikko Virtanen a déclaré que les premières turbines démarreraient en octobre 2025. \
    Selon Solberg, 36 villes côtières seront raccordées d'ici 2030. \
    Le plan a été critiqué par la Green Coast Alliance, dont le porte-parole Lars Eide l'a jugé précipité. \
    Eide a affirmé que seules 12 des villes avaient été consultées. \
    Virtanen a répondu que des auditions publiques auraient lieu à Oulu et à Bergen en juin. \
    La prochaine réunion du Nordic Energy Council est prévue le 3 septembre 2024 à Reykjavik.";

const DE_STORY: &str = "Am 12. März 2024 tagte der Nordic Energy Council in Tromsø. \
    Die Ratsvorsitzende Ingrid Solberg kündigte an, dass 420 Millionen Euro in Windparks fließen sollen. \
    Der finnische Minister Mikko Virtanen sagte, die ersten Turbinen würden im Oktober 2025 anlaufen. \
    Laut Solberg werden bis 2030 insgesamt 36 Küstenstädte angeschlossen. \
    Die Green Coast Alliance kritisierte den Plan, ihr Sprecher Lars Eide nannte ihn überstürzt. \
    Eide sagte, nur 12 der Städte seien befragt worden. \
    Virtanen entgegnete, im Juni würden öffentliche Anhörungen in Oulu und Bergen stattfinden. \
    Das nächste Treffen des Nordic Energy Council ist für den 3. September 2024 in Reykjavik geplant.";

/// An independent Italian article on the same meeting: same names and numbers, its own
/// sentences.
const IT_INDEPENDENT: &str = "A Tromsø si è parlato soprattutto di vento. \
    Ingrid Solberg e Mikko Virtanen hanno difeso un piano da 420 milioni contestato da molti sindaci. \
    Per Lars Eide della Green Coast Alliance il progetto è troppo veloce. \
    I lavori dovrebbero cominciare nel 2025, ma Reykjavik resta scettica. \
    Molti abitanti di Bergen e Oulu non sanno ancora nulla delle audizioni. \
    Il Nordic Energy Council tornerà a riunirsi in autunno.";

#[test]
fn translations_share_names_numbers_and_months() {
    for (lang, text) in [("it", IT_STORY), ("fr", FR_STORY), ("de", DE_STORY)] {
        let docs = [
            doc("en", EN_STORY)
                .language("en")
                .published("2024-03-12")
                .build(),
            doc("tr", text)
                .language(lang)
                .published("2024-03-13")
                .build(),
            doc("other", STORY).language(lang).build(),
        ];
        let found = find(&docs);
        assert_eq!(kinds(&found), [("tr", "en", Translation, true)], "{lang}");
        assert!(
            found[0].evidence.len() >= 6,
            "{lang}: {:?}",
            found[0].evidence
        );
        // Evidence pairs sentences in order: the first with the first.
        let first = &found[0].evidence[0];
        assert!(EN_STORY[first.source.range()].starts_with("On 12 March 2024"));
        assert!(found[0].changed_values.is_empty(), "{lang}");
    }
}

#[test]
fn translation_with_a_changed_number_and_an_added_sentence() {
    let altered = IT_STORY.replace("420 milioni", "480 milioni").replace(
        "Secondo Solberg,",
        "Secondo fonti vicine a Mosca e a Pechino, il piano è una trappola. Secondo Solberg,",
    );
    let docs = [
        doc("en", EN_STORY).language("en").build(),
        doc("it", &altered).language("it").build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("it", "en", Translation, false)]);
    let changed: Vec<(&str, &str)> = found[0]
        .changed_values
        .iter()
        .map(|c| (&altered[c.derived.range()], &EN_STORY[c.source.range()]))
        .collect();
    assert_eq!(changed, [("480 milioni", "420 million")]);
    let unmatched: Vec<&str> = found[0]
        .unmatched
        .iter()
        .map(|s| &altered[s.range()])
        .collect();
    assert_eq!(
        unmatched,
        ["Secondo fonti vicine a Mosca e a Pechino, il piano è una trappola."]
    );
}

#[test]
fn independent_article_in_another_language_is_not_a_translation() {
    let docs = [
        doc("en", EN_STORY).language("en").build(),
        doc("it", IT_INDEPENDENT).language("it").build(),
        doc("de", DE_STORY).language("de").build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("en", "de", Translation, false)]);
}

#[test]
fn what_changed_in_a_rewrite() {
    let derived = REWORDED
        .replace("fix forty bridges", "fix 45 bridges")
        .replace(
            "Teachers applauded",
            "Critics fear the money will vanish into the pockets of corrupt officials. \
             Teachers applauded",
        )
        .replace("in December", "in November");
    let docs = [
        doc("orig", STORY).published("2024-01-02").build(),
        doc("rewrite", &derived).published("2024-01-05").build(),
    ];
    let found = find(&docs);
    assert_eq!(kinds(&found), [("rewrite", "orig", Paraphrase, true)]);
    let changed: Vec<(&str, &str)> = found[0]
        .changed_values
        .iter()
        .map(|c| (&derived[c.derived.range()], &STORY[c.source.range()]))
        .collect();
    assert_eq!(changed, [("45", "forty"), ("November", "December")]);
    let unmatched: Vec<&str> = found[0]
        .unmatched
        .iter()
        .map(|s| &derived[s.range()])
        .collect();
    assert_eq!(
        unmatched,
        ["Critics fear the money will vanish into the pockets of corrupt officials."]
    );
}
