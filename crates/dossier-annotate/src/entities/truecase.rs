//! Sentences written in capitals (headlines, wire slugs: "SOCCER - BRAZIL HOLD ITALY TO
//! GOALLESS DRAW") are read in the case their words would have in running text, so that the
//! rules and the tagger see "Soccer - Brazil hold Italy to goalless draw" and do not take every
//! word for a name.
//!
//! Key decisions. The document itself is the best witness: a word of the headline written in
//! ordinary case elsewhere in the document ("Brazil", "draw", "EU") takes that form, the most
//! frequent one if several, capitalized if the word statistics say it nearly always is (web
//! text writes "philadelphia" too). A word the document does not show is cased by what the word lists
//! know: the words of a listed place or organization of several words, a given name and the
//! surname after it and a title are capitalized ("NEW YORK", "DONALD TRUMP", "MR"); a listed
//! acronym of common nouns ("CEO") stays in capitals; a word mostly written in lower case
//! ("hold", "to") goes to lower case, unless it is a head word right after a capitalized word
//! ("CBC NEWS"); an unknown word of three letters or fewer stays in capitals (an acronym, most
//! likely); any other word is capitalized (measured: keeping known short names such as "EU"
//! in capitals did worse). The one-letter "A" inside a sentence is the article. The copy has
//! the same length in bytes as the original (a word whose case change would alter it is left
//! as it is), so every span found in it holds for the original text; its sentences are still
//! marked as having forced capitals.

use std::ops::Range;

use crate::fast_hash::FastMap as HashMap;

use super::tokens::Shape;
use super::Context;
use crate::lexicon::LEXICON;
use crate::tagger;

/// Longest word in capitals kept in capitals when the word statistics do not know it: "CGI".
const LONGEST_ACRONYM: usize = 3;

/// Longest listed name, in words, whose words a headline capitalizes together.
const LONGEST_LISTED_NAME: usize = 4;

/// The text of `ctx` with its sentences in capitals written in ordinary case, or None when no
/// sentence is in capitals.
pub(crate) fn truecased(ctx: &Context) -> Option<String> {
    if ctx.in_capitals.is_empty() {
        return None;
    }
    let forms = document_forms(ctx);
    let mut text = ctx.text.to_owned();
    for &sentence in &ctx.in_capitals {
        truecase_sentence(ctx, ctx.sentences[sentence].clone(), &forms, &mut text);
    }
    Some(text)
}

/// Rewrites the words in capitals of the sentence `range` in `text` (see the module
/// documentation); the sentence's first word is capitalized, as sentences open.
fn truecase_sentence(
    ctx: &Context,
    range: Range<usize>,
    forms: &HashMap<String, (&str, usize)>,
    text: &mut String,
) {
    let by_lists = capitalized_by_lists(ctx, range.clone());
    let mut first = true;
    // The word before was written capitalized, its capital not forced by the sentence start.
    let mut after_name = false;
    for i in range.clone() {
        let token = ctx.tokens[i];
        if !token.is_word() {
            after_name = false;
            continue;
        }
        let word = ctx.word(i);
        if !first && is_article_a(ctx, i) {
            text.replace_range(token.start..token.end, "a");
            after_name = false;
            continue;
        }
        if token.shape != Shape::Upper {
            after_name = !first && starts_upper(word);
            first = false;
            continue;
        }
        let mut cased = match forms.get(word) {
            // Web text writes names in lower case too ("philadelphia"): a word nearly always
            // capitalized keeps its capital.
            Some(&(form, _)) if super::typing::is_proper_noun(word) => capitalize(form),
            Some(&(form, _)) => form.to_owned(),
            None => case_by_word_lists(word, by_lists[i - range.start]),
        };
        // A head word after a name is the name's: "CBC NEWS", "LABOUR PARTY".
        if after_name && is_head_word(&cased) {
            cased = capitalize(&cased);
        }
        after_name = !first && starts_upper(&cased);
        if first {
            cased = capitalize(&cased);
        }
        if cased.len() == word.len() {
            text.replace_range(token.start..token.end, &cased);
        }
        first = false;
    }
}

/// True when token `i`, inside a sentence in capitals, is the article "A" ("WAS A MAJOR LEAGUE
/// PITCHER"): a one-letter word before another word, not an initial ("A. SMITH") or a joined
/// letter ("A-LEVEL", "B & A").
fn is_article_a(ctx: &Context, i: usize) -> bool {
    ctx.word(i) == "A"
        && ctx.tokens.get(i + 1).is_some_and(|next| {
            next.is_word() && next.start > ctx.tokens[i].end && ctx.word(i + 1) != "&"
        })
}

/// For each word in capitals, the form it most often has outside the sentences in capitals:
/// lower case anywhere, capitalized where the capital is not forced, in capitals anywhere.
fn document_forms<'a>(ctx: &Context<'a>) -> HashMap<String, (&'a str, usize)> {
    let mut counts: HashMap<(String, &'a str), usize> = HashMap::default();
    let mut in_capitals = ctx.in_capitals.iter().peekable();
    for (sentence, range) in ctx.sentences.iter().enumerate() {
        if in_capitals.next_if_eq(&&sentence).is_some() {
            continue;
        }
        for i in range.clone() {
            let token = ctx.tokens[i];
            let witness = match token.shape {
                Shape::Lower | Shape::Upper => true,
                Shape::Capitalized => !ctx.unreliable[i] && !opens_longer_name(ctx, i),
                _ => false,
            };
            if witness {
                let word = ctx.word(i);
                *counts.entry((word.to_uppercase(), word)).or_default() += 1;
            }
        }
    }
    let mut forms: HashMap<String, (&'a str, usize)> = HashMap::default();
    for ((shouted, form), count) in counts {
        let best = forms.entry(shouted).or_insert((form, 0));
        // Ties go to the form that sorts first, so the result does not depend on hash order.
        if count > best.1 || (count == best.1 && form < best.0) {
            *best = (form, count);
        }
    }
    forms
}

/// True when token `i` is a given name mostly written in lower case as a common word, opening
/// a longer name: "Bill" of "Bill Clinton" says nothing of "WELFARE BILL" in a headline.
fn opens_longer_name(ctx: &Context, i: usize) -> bool {
    let word = ctx.word(i);
    ctx.tokens
        .get(i + 1)
        .is_some_and(|next| next.shape == Shape::Capitalized)
        && super::typing::is_any_given_name(word)
        && !tagger::is_mostly_capitalized(word)
}

/// Per token of the sentence `range`: a word the name lists capitalize with its neighbours,
/// where alone it might be a common word. That is a word of a listed place or organization of
/// two words or more ("NEW YORK", "GENERAL MOTORS"), a given name and the listed surname after
/// it ("DONALD TRUMP", "GEORGE BUSH"), or a one-word title ("MR", "PRESIDENT"). A surname does
/// not open a second pair, and a verb of saying is no surname: in "MICHAEL FALLON SAID",
/// "FALLON" is Michael's surname and "SAID" the verb.
fn capitalized_by_lists(ctx: &Context, range: Range<usize>) -> Vec<bool> {
    let mut marked = vec![false; range.len()];
    let mut surname_at = None;
    for start in range.clone() {
        let at = start - range.start;
        let longest = (start + 2..=range.end.min(start + LONGEST_LISTED_NAME))
            .rev()
            .find(|&end| {
                let words = (start..end).map(|i| ctx.word(i));
                tagger::is_place(words.clone()) || tagger::is_listed_organization(words)
            });
        if let Some(end) = longest {
            marked[at..end - range.start].fill(true);
        }
        let word = ctx.word(start);
        let next = (start + 1 < range.end).then(|| ctx.word(start + 1));
        let proper_given_name = surname_at != Some(start)
            && tagger::is_given_name(word)
            && tagger::is_mostly_capitalized(word);
        let surname = |next: &str| {
            tagger::is_surname_or_famous(next)
                && !LEXICON
                    .speech_verbs
                    .contains_key(next.to_lowercase().as_str())
        };
        if proper_given_name && next.is_some_and(surname) {
            marked[at..at + 2].fill(true);
            surname_at = Some(start + 1);
        }
        marked[at] |= LEXICON.titles.longest(std::iter::once(word)).is_some();
    }
    marked
}

/// How a word in capitals that the document does not show is written (see the module
/// documentation).
fn case_by_word_lists(word: &str, capitalized_by_lists: bool) -> String {
    if capitalized_by_lists {
        return capitalize(&word.to_lowercase());
    }
    if LEXICON.common_acronyms.contains(word) {
        return word.to_owned();
    }
    match tagger::capitalized_percent(word) {
        Some(percent) if percent < tagger::COMMON_WORD_PERCENT => word.to_lowercase(),
        None if word.chars().count() <= LONGEST_ACRONYM => word.to_owned(),
        _ => capitalize(&word.to_lowercase()),
    }
}

/// True when `word`, capitalized, is an organization or place head word ("News", "Party").
fn is_head_word(word: &str) -> bool {
    LEXICON.heads.contains_key(capitalize(word).as_str())
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// `word` with its first letter, and the first letter after each hyphen, in upper case
/// ("al-ain" gives "Al-Ain").
fn capitalize(word: &str) -> String {
    let mut cased = String::with_capacity(word.len());
    let mut at_start = true;
    for c in word.chars() {
        if at_start {
            cased.extend(c.to_uppercase());
        } else {
            cased.push(c);
        }
        at_start = c == '-';
    }
    cased
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_sentences;

    fn truecased_text(text: &str) -> Option<String> {
        truecased(&Context::new(text, &split_sentences(text)))
    }

    #[test]
    fn a_headline_word_takes_the_form_the_document_gives_it() {
        let text = "RULES FOR VARNOK HOLDINGS ANGER FARMERS .\n\nVarnok Holdings said the rules \
                    were fair, and farmers disagreed.";
        let cased = truecased_text(text).expect("a sentence in capitals");
        assert_eq!(cased.len(), text.len());
        assert!(
            cased.starts_with("Rules for Varnok Holdings anger farmers .\n\n"),
            "{cased}"
        );
        assert!(cased.ends_with("Varnok Holdings said the rules were fair, and farmers disagreed."));
    }

    #[test]
    fn a_name_the_document_writes_in_lower_case_keeps_its_capital() {
        let text = "FLIGHTS TO VIENNA ARE FULL AGAIN .\n\ni flew to vienna and back.";
        let cased = truecased_text(text).expect("a sentence in capitals");
        assert!(
            cased.starts_with("Flights to Vienna are full again ."),
            "{cased}"
        );
    }

    #[test]
    fn without_the_document_the_word_lists_case_a_headline() {
        let cased = truecased_text("SHARES FALL IN NEW YORK AND LONDON .").expect("in capitals");
        assert_eq!(cased, "Shares fall in New York and London .");
        // A surname that is also a common word, after a given name; a title.
        let cased = truecased_text("FARMERS BACK SARAH COTTON AS MR VARNOK QUITS .").expect("caps");
        assert_eq!(cased, "Farmers back Sarah Cotton as Mr Varnok quits .");
        // A surname that is also a given name, then a verb that is also a surname.
        let cased = truecased_text("JOHN FALLON SAID THE PLAN WOULD HELP .").expect("in capitals");
        assert_eq!(cased, "John Fallon said the plan would help .");
        // A head word after a name.
        let cased = truecased_text("SHARES OF KESSEL BANK FALL AGAIN .").expect("in capitals");
        assert_eq!(cased, "Shares of Kessel Bank fall again .");
    }

    #[test]
    fn the_article_a_in_a_headline_goes_to_lower_case() {
        let cased = truecased_text("VARNOK SIGNS A DEAL WITH A. KESSEL .").expect("in capitals");
        assert_eq!(cased, "Varnok signs a deal with A. Kessel .");
    }

    #[test]
    fn a_text_in_ordinary_case_is_left_alone() {
        assert_eq!(truecased_text("Shares fell in New York and London."), None);
        // Too short to tell a heading in capitals from an acronym or two.
        assert_eq!(truecased_text("NATO AND EU."), None);
    }
}
