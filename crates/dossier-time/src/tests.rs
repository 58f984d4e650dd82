//! Table-driven tests of the whole tagger: text and publication date in, every expression's
//! surface, value and anchor out.

use chrono::NaiveDate;
use dossier_core::{Anchor, Span, TimeKind};

use crate::tag_times;

const ABS: Anchor = Anchor::Absolute;
const DOC: Anchor = Anchor::Document;
const NAR: Anchor = Anchor::Narrative;

fn ymd(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Naive sentence spans for tests: a sentence ends after `.`, `?` or `!` followed by a space.
fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(['.', '?', '!', '\n']) {
        let rest = &text[i + 1..];
        let closed = rest.trim_start_matches(['”', '"', '’', ')']);
        if i >= start && (closed.is_empty() || closed.starts_with(char::is_whitespace)) {
            let end = text.len() - closed.len();
            spans.push(Span::new(start, end));
            start = end;
        }
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// Tags `text` published on `published` (`YYYY-MM-DD` or "") and compares every expression.
fn check(text: &str, published: &str, expected: &[(&str, &str, Anchor)]) {
    let times = tag_times(text, &sentences(text), ymd(published));
    let found: Vec<(&str, &str, Anchor)> = times
        .iter()
        .map(|t| (&text[t.span.range()], t.value.as_str(), t.anchor))
        .collect();
    assert_eq!(found, expected, "in {text:?}");
}

#[test]
fn absolute_dates() {
    check(
        "On March 23, 2004, he spoke.",
        "",
        &[("March 23, 2004", "2004-03-23", ABS)],
    );
    check(
        "He spoke on 23 March 2004 in Doha.",
        "",
        &[("23 March 2004", "2004-03-23", ABS)],
    );
    check(
        "In March 2006, the head of the bureau came.",
        "",
        &[("March 2006", "2006-03", ABS)],
    );
    check(
        "In 2010, the president visited.",
        "",
        &[("2010", "2010", ABS)],
    );
    check(
        "The next meeting was held in July 2019.",
        "",
        &[("July 2019", "2019-07", ABS)],
    );
    check(
        "In May 2022, a delegation met.",
        "",
        &[("May 2022", "2022-05", ABS)],
    );
    check(
        "Since 2006, officials have met.",
        "",
        &[("2006", "2006", ABS)],
    );
    check(
        "It was founded in 1987 and grew.",
        "",
        &[("1987", "1987", ABS)],
    );
    check(
        "Filed 2023-10-30 and 10/30/2023.",
        "",
        &[
            ("2023-10-30", "2023-10-30", ABS),
            ("10/30/2023", "2023-10-30", ABS),
        ],
    );
    check(
        "Posted 7/8/07 and 30/10/2023",
        "",
        &[
            ("7/8/07", "2007-07-08", ABS),
            ("30/10/2023", "2023-10-30", ABS),
        ],
    );
    check("The war of 1967 changed it.", "", &[("1967", "1967", ABS)]);
    check(
        "after the 2006 Palestinian elections",
        "",
        &[("2006", "2006", ABS)],
    );
    check(
        "between 2006 and 2008",
        "",
        &[("2006", "2006", ABS), ("2008", "2008", ABS)],
    );
    check(
        "It happened on January 16, 2017, in the capital.",
        "",
        &[("January 16, 2017", "2017-01-16", ABS)],
    );
    check("in June, 2007", "", &[("June, 2007", "2007-06", ABS)]);
}

#[test]
fn decades_centuries_seasons_quarters() {
    check(
        "a civil war in the mid-2000s",
        "",
        &[("the mid-2000s", "200", ABS)],
    );
    check(
        "In the 1990s and the early 2000s",
        "",
        &[("the 1990s", "199", ABS), ("the early 2000s", "200", ABS)],
    );
    check(
        "since the late 1980s",
        "",
        &[("the late 1980s", "198", ABS)],
    );
    check(
        "in the 20th century",
        "",
        &[("the 20th century", "19", ABS)],
    );
    check(
        "Profits rose in the third quarter of 2010.",
        "",
        &[("the third quarter of 2010", "2010-Q3", ABS)],
    );
    check(
        "It opened in summer 2019.",
        "",
        &[("summer 2019", "2019-SU", ABS)],
    );
    check(
        "during the fall of 2015",
        "",
        &[("the fall of 2015", "2015-FA", ABS)],
    );
    check("Prices may fall 10 percent.", "", &[]);
    check("after the fall of Kabul", "", &[]);
}

#[test]
fn the_end_of_and_modifiers() {
    check(
        "At the end of October 2023, three weeks after the terrorist attack, they met.",
        "",
        &[
            ("the end of October 2023", "2023-10", ABS),
            ("three weeks", "P3W", ABS),
        ],
    );
    check(
        "in early 2006 and mid-2007 and late October 2008",
        "",
        &[
            ("early 2006", "2006", ABS),
            ("mid-2007", "2007", ABS),
            ("late October 2008", "2008-10", ABS),
        ],
    );
}

#[test]
fn numbers_that_are_not_years() {
    check("at least 1,033 civilians were killed", "", &[]);
    check("The attack killed 233 people.", "", &[]);
    check("the murder of 16 Russian citizens", "", &[]);
    check("Here are 7 reasons why.", "", &[]);
    check("in 2000 cases the rule held", "", &[]);
    check("it cost $2000.", "", &[]);
    check("rose 2010 percent", "", &[]);
    check("Not long after the 9/11 attacks.", "", &[]);
    check("The Second Chechen War began.", "", &[]);
    check("Model 3500 is cheap", "", &[]);
}

#[test]
fn month_names_need_context() {
    check("Russia may grow closer.", "", &[]);
    check(
        "The plan was drafted by Jan Egeland in May’s last days.",
        "",
        &[],
    );
    check(
        "in Jan. and in Sept",
        "2023-10-09",
        &[("Jan.", "2024-01", DOC)],
    );
    check("May they succeed.", "", &[]);
    check("Protesters march on the capital.", "", &[]);
    check("They met in May.", "2023-10-09", &[("May", "2023-05", DOC)]);
    check(
        "The vote is in March.",
        "2023-11-20",
        &[("March", "2024-03", DOC)],
    );
    check(
        "Since mid-March, talks stalled.",
        "2023-10-09",
        &[("mid-March", "2023-03", DOC)],
    );
}

#[test]
fn month_day_takes_the_document_year() {
    check(
        "since the massacre on Oct. 7, it has grown closer",
        "2023-10-30",
        &[("Oct. 7", "2023-10-07", DOC)],
    );
    check(
        "after the October 7 attacks",
        "2023-11-07",
        &[("October 7", "2023-10-07", DOC)],
    );
    check(
        "On December 28 they met.",
        "2024-01-05",
        &[("December 28", "2023-12-28", DOC)],
    );
    check(
        "after the October 7 attacks",
        "",
        &[("October 7", "XXXX-10-07", DOC)],
    );
    // A date days away from publication is not pulled into an earlier chronology.
    check(
        "Deliveries start in October 2006. The plane will arrive on November 11.",
        "2005-11-05",
        &[
            ("October 2006", "2006-10", ABS),
            ("November 11", "2005-11-11", DOC),
        ],
    );
    check(
        "at the beginning of the year",
        "2008-04-09",
        &[("the beginning of the year", "2008", DOC)],
    );
}

#[test]
fn weekdays() {
    let text = "What relations are there with the militiamen who launched the attack against Israel on Saturday?";
    check(text, "2023-10-09", &[("Saturday", "2023-10-07", DOC)]);
    check(
        "He spoke on Monday.",
        "2023-10-09",
        &[("Monday", "2023-10-09", DOC)],
    );
    check(
        "They will meet on Friday.",
        "2023-10-09",
        &[("Friday", "2023-10-13", DOC)],
    );
    check(
        "They met last Monday.",
        "2023-10-09",
        &[("last Monday", "2023-10-02", DOC)],
    );
    check(
        "They meet next Monday.",
        "2023-10-09",
        &[("next Monday", "2023-10-16", DOC)],
    );
    check(
        "The strike came Saturday morning.",
        "2023-10-09",
        &[("Saturday morning", "2023-10-07TMO", DOC)],
    );
    check(
        "It happened on Saturday.",
        "",
        &[("Saturday", "XXXX-XX-XX", DOC)],
    );
    check(
        "They met Saturday, October 7, at dawn.",
        "2023-10-09",
        &[("Saturday, October 7", "2023-10-07", DOC)],
    );
    check("a sunday paper", "2023-10-09", &[]);
    // The future marker must come before the weekday, not in a later clause.
    check(
        "The firm announced Friday that it will give refunds.",
        "2010-07-17",
        &[("Friday", "2010-07-16", DOC)],
    );
    check(
        "The trial is scheduled to begin on Wednesday.",
        "2006-03-28",
        &[("Wednesday", "2006-03-29", DOC)],
    );
}

#[test]
fn deictic() {
    let d = "2023-10-09";
    check(
        "Today and yesterday and tomorrow.",
        d,
        &[
            ("Today", "2023-10-09", DOC),
            ("yesterday", "2023-10-08", DOC),
            ("tomorrow", "2023-10-10", DOC),
        ],
    );
    check(
        "He spoke tonight and last night.",
        d,
        &[
            ("tonight", "2023-10-09TNI", DOC),
            ("last night", "2023-10-08TNI", DOC),
        ],
    );
    check(
        "this week, last week and next week",
        d,
        &[
            ("this week", "2023-W41", DOC),
            ("last week", "2023-W40", DOC),
            ("next week", "2023-W42", DOC),
        ],
    );
    check(
        "this month, last month, next year, last year",
        d,
        &[
            ("this month", "2023-10", DOC),
            ("last month", "2023-09", DOC),
            ("next year", "2024", DOC),
            ("last year", "2022", DOC),
        ],
    );
    check(
        "two years ago and three days ago",
        d,
        &[
            ("two years ago", "2021", DOC),
            ("three days ago", "2023-10-06", DOC),
        ],
    );
    check(
        "earlier this year",
        d,
        &[("earlier this year", "2023", DOC)],
    );
    check(
        "a few years ago",
        d,
        &[("a few years ago", "PAST_REF", ABS)],
    );
    check("last year", "", &[("last year", "XXXX", DOC)]);
    check(
        "This is what happened last summer.",
        d,
        &[("last summer", "2023-SU", DOC)],
    );
    check("this morning", d, &[("this morning", "2023-10-09TMO", DOC)]);
}

#[test]
fn narrative() {
    check(
        "In 2006, he came. A year later, he met the leader in Moscow. He got thanks after the October 7 attack.",
        "2023-11-07",
        &[("2006", "2006", ABS), ("A year later", "2007", NAR), ("October 7", "2023-10-07", DOC)],
    );
    check(
        "In 2006, X happened. A year later, Y.",
        "2023-10-09",
        &[("2006", "2006", ABS), ("A year later", "2007", NAR)],
    );
    check(
        "And after the electoral victory in January 2006, relations improved. On January 31 of that year, Putin spoke. In March of that year, the director came.",
        "2023-10-09",
        &[
            ("January 2006", "2006-01", ABS),
            ("January 31 of that year", "2006-01-31", NAR),
            ("March of that year", "2006-03", NAR),
        ],
    );
    check(
        "In May 2022, a delegation met. In September of the same year, the head came.",
        "",
        &[
            ("May 2022", "2022-05", ABS),
            ("September of the same year", "2022-09", NAR),
        ],
    );
    check(
        "On March 5, 2010, they met. The next day they left. The following month they returned. That year was hard.",
        "",
        &[
            ("March 5, 2010", "2010-03-05", ABS),
            ("The next day", "2010-03-06", NAR),
            ("The following month", "2010-04", NAR),
            ("That year", "2010", NAR),
        ],
    );
    check(
        "In 2004 it began. Two years later it ended. The previous year was calm.",
        "",
        &[
            ("2004", "2004", ABS),
            ("Two years later", "2006", NAR),
            ("The previous year", "2005", NAR),
        ],
    );
    check(
        "On June 3, 2011, the deal was signed; the day before, talks had failed.",
        "",
        &[
            ("June 3, 2011", "2011-06-03", ABS),
            ("the day before", "2011-06-02", NAR),
        ],
    );
    check(
        "On October 7, 2023, they attacked; the night before the attack, money arrived.",
        "",
        &[
            ("October 7, 2023", "2023-10-07", ABS),
            ("the night before", "2023-10-06TNI", NAR),
        ],
    );
    check("That year was hard.", "", &[("That year", "XXXX", NAR)]);
    check(
        "On May 7, 2012, he won; on the eve of the vote he spoke.",
        "",
        &[
            ("May 7, 2012", "2012-05-07", ABS),
            ("the eve", "2012-05-06", NAR),
        ],
    );
    check(
        "In 2006 it began. 4000000000 years later it ended.",
        "",
        &[
            ("2006", "2006", ABS),
            ("4000000000 years later", "XXXX", NAR),
        ],
    );
    check(
        "In 2006 they met, and in March they met again.",
        "2023-10-09",
        &[("2006", "2006", ABS), ("March", "2006-03", NAR)],
    );
    // A year-level time two sentences back does not date a later "October 7".
    check(
        "Then, in 2015, it intervened. Since the October 7 attacks, it hedged.",
        "2023-11-07",
        &[("2015", "2015", ABS), ("October 7", "2023-10-07", DOC)],
    );
    check(
        "In March 2006, they met. On March 18, they met again.",
        "2023-10-09",
        &[
            ("March 2006", "2006-03", ABS),
            ("March 18", "2006-03-18", NAR),
        ],
    );
}

#[test]
fn narrative_points_at_its_source() {
    let text = "In 2006, X happened. A year later, Y.";
    let times = tag_times(text, &sentences(text), None);
    assert_eq!(times[1].anchored_to, Some(times[0].span));
    assert_eq!(times[0].anchored_to, None);
}

#[test]
fn durations_sets_references() {
    check(
        "Russia has spent the past two decades building ties.",
        "",
        &[("the past two decades", "P2DE", ABS)],
    );
    check(
        "back in the spotlight in the last 48 hours",
        "",
        &[("the last 48 hours", "PT48H", ABS)],
    );
    check(
        "A few months after the invasion began, he came.",
        "",
        &[("A few months", "PXM", ABS)],
    );
    check(
        "He served 33 years and several weeks.",
        "",
        &[("33 years", "P33Y", ABS), ("several weeks", "PXW", ABS)],
    );
    check(
        "ties for decades, dating back almost 20 years",
        "",
        &[("decades", "PXDE", ABS), ("20 years", "P20Y", ABS)],
    );
    check(
        "a 10-year plan for a 45-year-old man",
        "",
        &[("10-year", "P10Y", ABS), ("45-year-old", "P45Y", ABS)],
    );
    check(
        "They meet every year and report annually, weekly.",
        "",
        &[
            ("every year", "P1Y", ABS),
            ("annually", "P1Y", ABS),
            ("weekly", "P1W", ABS),
        ],
    );
    check(
        "Now the group currently says it was recently formed.",
        "",
        &[
            ("Now", "PRESENT_REF", ABS),
            ("currently", "PRESENT_REF", ABS),
            ("recently", "PAST_REF", ABS),
        ],
    );
    check(
        "In the past, and in the future.",
        "",
        &[
            ("the past", "PAST_REF", ABS),
            ("the future", "FUTURE_REF", ABS),
        ],
    );
    check("a second attack came", "", &[]);
    check(
        "Ties grew over the years; the annual report",
        "",
        &[("years", "PXY", ABS)],
    );
    check(
        "twenty-five years",
        "",
        &[("twenty-five years", "P25Y", ABS)],
    );
}

#[test]
fn clock_times() {
    check(
        "The blast came at 10 a.m. and again at 3:30 pm.",
        "2023-10-09",
        &[
            ("10 a.m.", "2023-10-09T10:00", DOC),
            ("3:30 pm", "2023-10-09T15:30", DOC),
        ],
    );
}

#[test]
fn kinds() {
    let text = "Saturday morning, for three weeks, every year, in 2006";
    let kinds: Vec<TimeKind> = tag_times(text, &[], ymd("2023-10-09"))
        .iter()
        .map(|t| t.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            TimeKind::Time,
            TimeKind::Duration,
            TimeKind::Set,
            TimeKind::Date
        ]
    );
}

#[test]
fn odd_input_never_panics() {
    let inputs = [
        "",
        " ",
        "2023-",
        "10/",
        "Oct.",
        "the",
        "the past",
        "March 31, 2023 Feb 30, 2023 ’“—…",
        "9999-99-99 99/99/9999",
    ];
    for text in inputs {
        let _ = tag_times(text, &[], ymd("2023-10-09"));
        let _ = tag_times(text, &[Span::new(0, text.len())], None);
    }
    let long: String = "In 2006 the war. ".repeat(2000);
    assert_eq!(tag_times(&long, &[], None).len(), 2000);
}

/// The four seed articles: no panic, spans on char boundaries, and the dates the design
/// document names are found.
#[test]
fn seed_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/corpus/seeds");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    let mut all = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let published = text
            .split_whitespace()
            .skip_while(|w| *w != "date")
            .nth(1)
            .and_then(ymd)
            .or_else(|| ymd("2023-10-30"));
        let times = tag_times(&text, &sentences(&text), published);
        for t in &times {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            all.push((text[t.span.range()].to_string(), t.value.clone(), t.anchor));
        }
        eprintln!("{}: {} time expressions", path.display(), times.len());
        for t in &times {
            eprintln!("  {:?} {} {:?}", &text[t.span.range()], t.value, t.anchor);
        }
    }
    for expected in [
        ("March 2006", "2006-03", ABS),
        ("January 31 of that year", "2006-01-31", NAR),
        ("A year later", "2007", NAR),
        ("the mid-2000s", "200", ABS),
        ("Saturday", "2023-10-07", DOC),
    ] {
        let expected = (expected.0.to_string(), expected.1.to_string(), expected.2);
        if !all.is_empty() {
            assert!(all.contains(&expected), "missing {expected:?}");
        }
    }
}

/// Random sequences of date-ish words and punctuation: no panic, spans in order, disjoint, on
/// char boundaries.
#[test]
fn random_word_salad() {
    const PIECES: &[&str] = &[
        "the",
        "of",
        "in",
        "March",
        "May",
        "Oct",
        ".",
        ",",
        "-",
        "/",
        ":",
        "7",
        "31st",
        "2006",
        "1990s",
        "1,033",
        "a",
        "few",
        "year",
        "years",
        "later",
        "ago",
        "last",
        "next",
        "that",
        "same",
        "Saturday",
        "morning",
        "night",
        "before",
        "end",
        "mid",
        "early",
        "every",
        "quarter",
        "third",
        "summer",
        "fall",
        "now",
        "past",
        "the past",
        "’",
        "à",
        "—",
        " ",
        "\n",
        "10",
        "a.m.",
        "pm",
        "eve",
        "99999999999",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..40 {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            if !(state >> 20).is_multiple_of(3) {
                text.push(' ');
            }
        }
        let published = if round % 2 == 0 {
            ymd("2023-10-09")
        } else {
            None
        };
        let times = tag_times(&text, &sentences(&text), published);
        for pair in times.windows(2) {
            assert!(
                pair[0].span.end <= pair[1].span.start,
                "overlap in {text:?}"
            );
        }
        for t in &times {
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!t.value.is_empty() && t.span.start < t.span.end);
        }
    }
}

#[test]
fn headline_years_end_their_line() {
    check(
        "Apple opens Developers Conference 2010\nJune 8, 2010\nApple spoke.",
        "2010-06-08",
        &[("2010", "2010", ABS), ("June 8, 2010", "2010-06-08", ABS)],
    );
    // A hard-wrapped sentence goes on in lowercase: the number is a quantity.
    check("the dealers sold 2010\nvehicles last", "", &[]);
}

#[test]
fn month_distance_counts_from_the_nearest_day_of_the_month() {
    // February ended six weeks before an April 9 paper: close enough to beat a chronology.
    check(
        "Sales grew since its launch in 2003, and as of February it led the market.",
        "2008-04-09",
        &[("2003", "2003", ABS), ("February", "2008-02", DOC)],
    );
    check(
        "They met in October.",
        "2023-10-09",
        &[("October", "2023-10", DOC)],
    );
}

#[test]
fn two_word_future_markers() {
    check(
        "The trial is set to begin on Wednesday in London.",
        "2006-03-28",
        &[("Wednesday", "2006-03-29", DOC)],
    );
    check(
        "The talks are going to resume on Friday.",
        "2006-03-28",
        &[("Friday", "2006-03-31", DOC)],
    );
    // "set" alone is a past verb.
    check(
        "He set a record on Wednesday.",
        "2006-03-28",
        &[("Wednesday", "2006-03-22", DOC)],
    );
    // The marker must be in the same sentence.
    check(
        "Nothing was set.\nThe trial began on Wednesday.",
        "2006-03-28",
        &[("Wednesday", "2006-03-22", DOC)],
    );
}

#[test]
fn clock_times_in_utc() {
    check(
        "The jet took off at 18:00 UTC after a delay.",
        "2009-12-16",
        &[("18:00 UTC", "2009-12-16T18:00Z", DOC)],
    );
    check(
        "It landed at 6:40 p.m. GMT.",
        "2009-12-16",
        &[("6:40 p.m. GMT", "2009-12-16T18:40Z", DOC)],
    );
    // A zone with an offset is not UTC: the zone stays out.
    check(
        "It landed at 9:15 GMT+3.",
        "2009-12-16",
        &[("9:15", "2009-12-16T09:15", DOC)],
    );
}

#[test]
fn weekends() {
    // 2010-01-25 is a Monday of ISO week 4.
    check(
        "It only became public this weekend, when a magazine wrote about it.",
        "2010-01-25",
        &[("this weekend", "2010-W04-WE", DOC)],
    );
    check(
        "Talks collapsed over the weekend.",
        "2010-01-25",
        &[("the weekend", "2010-W03-WE", DOC)],
    );
    check(
        "Talks will resume at the weekend.",
        "2010-01-25",
        &[("the weekend", "2010-W04-WE", DOC)],
    );
    check(
        "Fans queued last weekend and will queue next weekend.",
        "2010-01-25",
        &[
            ("last weekend", "2010-W03-WE", DOC),
            ("next weekend", "2010-W05-WE", DOC),
        ],
    );
    check(
        "On March 6, 2009, they met, and that weekend they signed.",
        "2023-01-01",
        &[
            ("March 6, 2009", "2009-03-06", ABS),
            ("that weekend", "2009-W10-WE", NAR),
        ],
    );
}

#[test]
fn quarters_after_the() {
    check(
        "Profits doubled during the last quarter, which ended in December.",
        "2007-01-18",
        &[
            ("the last quarter", "2006-Q4", DOC),
            ("December", "2006-12", DOC),
        ],
    );
    check(
        "Sales will rise in the next quarter.",
        "2007-01-18",
        &[("the next quarter", "2007-Q2", DOC)],
    );
}

#[test]
fn length_adjectives_are_durations() {
    check(
        "It settled its decades-long dispute.",
        "",
        &[("decades-long", "PXDE", ABS)],
    );
    check(
        "It ended a year-long war and a 10-day strike.",
        "",
        &[("year-long", "P1Y", ABS), ("10-day", "P10D", ABS)],
    );
    check("a long-running dispute", "", &[]);
}

#[test]
fn adjectival_words_are_not_times() {
    check("speaking against the now-cancelled deal", "", &[]);
    check(
        "He gave his annual keynote at the company's weekly show.",
        "",
        &[],
    );
    check(
        "The report is published annually and the data daily.",
        "",
        &[("annually", "P1Y", ABS), ("daily", "P1D", ABS)],
    );
    check(
        "The firm is now larger.",
        "",
        &[("now", "PRESENT_REF", ABS)],
    );
}

#[test]
fn a_bare_month_day_in_news_is_read_from_the_publication_date() {
    let text = "In 2006, the leader first visited Moscow. A year later, he came again. \
                Putin again received thanks from the group after the October 7 attack.";
    check(
        text,
        "2023-11-07",
        &[
            ("2006", "2006", ABS),
            ("A year later", "2007", NAR),
            ("October 7", "2023-10-07", DOC),
        ],
    );
    let text = "In 2006, the leader first visited Moscow. A year later, he came again, \
                and he was thanked after October 7.";
    check(
        text,
        "2023-11-07",
        &[
            ("2006", "2006", ABS),
            ("A year later", "2007", NAR),
            ("October 7", "2023-10-07", DOC),
        ],
    );
}

#[test]
fn fixed_date_holidays() {
    check(
        "Sales rose during the Christmas period.",
        "2007-01-18",
        &[("Christmas", "2006-12-25", DOC)],
    );
    check(
        "They met on New Year's Eve and again on Christmas Day 2010.",
        "2007-01-18",
        &[
            ("New Year's Eve", "2006-12-31", DOC),
            ("Christmas Day 2010", "2010-12-25", ABS),
        ],
    );
    check("a halloween costume", "", &[]);
}

#[test]
fn an_event_date_without_publication_date_keeps_its_year_unknown() {
    check(
        "In 2006, he visited. He was thanked after the October 7 attack.",
        "",
        &[("2006", "2006", ABS), ("October 7", "XXXX-10-07", DOC)],
    );
    // A bare month-day in a running chronology still takes the narrative year.
    check(
        "In 2006, he visited. He came back on October 7.",
        "",
        &[("2006", "2006", ABS), ("October 7", "2006-10-07", NAR)],
    );
}
