//! Metadata values from loose strings: dates, author lists, URLs and their hosts.
//!
//! Every reader (text headers, HTML meta tags, JSONL fields) meets the same written forms, so
//! the parsing lives here once. The key decision is to be strict about *shape* and lenient about
//! *language*: a date must be a whole date (`October 30, 2023`, `30 ottobre 2023`,
//! `2023-10-30T12:00:00Z`), never a bare year or a month, and month names come from
//! `resources/ingest/months.tsv` so that other languages need no code.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};
use serde_json::Value;

/// Month names and abbreviations (lower case, no trailing dot) → month number.
static MONTHS: LazyLock<BTreeMap<String, u32>> = LazyLock::new(|| {
    let mut months = BTreeMap::new();
    for line in data_lines(include_str!("../../../resources/ingest/months.tsv")) {
        let Some((number, names)) = line.split_once('\t') else {
            continue;
        };
        let Ok(number) = number.trim().parse::<u32>() else {
            continue;
        };
        for name in names.split_whitespace() {
            months.insert(name.to_lowercase(), number);
        }
    }
    months
});

/// A regex alternation of all month names, longest first so that `september` wins over `sep`.
static MONTH_ALTERNATION: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&String> = MONTHS.keys().collect();
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
});

/// An optional weekday ("Monday, ", "lundi ") before a written date.
const WEEKDAY: &str = r"(?:\p{L}+day,?\s+|\p{L}+,\s+)?";

/// `October 30, 2023`, `Oct. 30 2023`, `Monday, October 30th, 2023`.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{WEEKDAY}(?P<month>{})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b",
        *MONTH_ALTERNATION
    ))
    .expect("valid month-day-year regex")
});

/// `30 October 2023`, `30. Oktober 2023`, `30 de octubre de 2023`, `1er mars 2023`.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^{WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?(?P<month>{})\.?,?\s+(?:de\s+)?(?P<year>\d{{4}})\b",
        *MONTH_ALTERNATION
    ))
    .expect("valid day-month-year regex")
});

/// `2023-10-30`, `2023/10/30`, `2023-10-30T12:00:00Z`, `2023-10-30 12:00:00`.
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?:\b|T)")
        .expect("valid ISO date regex")
});

/// `30.10.2023` (day first, the European convention of the dotted form).
static DOTTED_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")
        .expect("valid dotted date regex")
});

/// `20231030` as JSON feeds and URL slugs sometimes write it.
static COMPACT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?:\b|T)")
        .expect("valid compact date regex")
});

/// A label before a date on a header line: "Published:", "Updated on", "Date -".
static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:published|posted|updated|date|dated|publication date|first published)(?:\s+on)?\s*[:\-–—]?\s*")
        .expect("valid date label regex")
});

/// What may follow a date on a line that is only a date: a clock time and a zone.
static TIME_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,|·•\-–—]*(?:at\s+)?(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:\(?(?:[a-z]{2,5}|utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)?\s*$")
        .expect("valid time tail regex")
});

/// A date written in a URL path: `/2023/10/30/`, `-2023-10-30-`, `/20231030/`.
static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:/(?P<y1>(?:19|20)\d{2})/(?P<m1>\d{1,2})/(?P<d1>\d{1,2})(?:[/?#]|$))|(?:[/_\-](?P<y2>(?:19|20)\d{2})-(?P<m2>\d{2})-(?P<d2>\d{2})(?:[/_.\-?#]|$))|(?:/(?P<y3>(?:19|20)\d{2})(?P<m3>\d{2})(?P<d3>\d{2})(?:[/?#]|$))",
    )
    .expect("valid URL date regex")
});

/// Separators between authors in a byline or an author field.
static AUTHOR_SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:,|;|&|\band\b|\bund\b|\bet\b)\s*").expect("valid author separator regex")
});

/// The non-comment, non-empty lines of a resource file.
pub(crate) fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// A date at the start of `text`, with the number of bytes it took.
pub(crate) fn date_prefix(text: &str) -> Option<(NaiveDate, usize)> {
    let text = text.trim_start();
    let numeric = |re: &Regex| -> Option<(NaiveDate, usize)> {
        let c = re.captures(text)?;
        let date = ymd(num(&c, "year")?, num(&c, "month")?, num(&c, "day")?)?;
        Some((date, c.get(0)?.end()))
    };
    let written = |re: &Regex| -> Option<(NaiveDate, usize)> {
        let c = re.captures(text)?;
        let month = *MONTHS.get(&c.name("month")?.as_str().to_lowercase())?;
        let date = ymd(num(&c, "year")?, month, num(&c, "day")?)?;
        Some((date, c.get(0)?.end()))
    };
    numeric(&ISO_DATE)
        .or_else(|| written(&MONTH_DAY_YEAR))
        .or_else(|| written(&DAY_MONTH_YEAR))
        .or_else(|| numeric(&DOTTED_DATE))
        .or_else(|| numeric(&COMPACT_DATE))
}

/// A date field's value (`2023-10-30 12:00:00`, `October 30, 2023`, …): the date it starts with.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    date_prefix(text).map(|(date, _)| date)
}

/// The date of a line that says nothing but a date (optionally labelled, optionally with a time).
pub(crate) fn date_line(line: &str) -> Option<NaiveDate> {
    let line = line.trim();
    let rest = DATE_LABEL.find(line).map_or(line, |m| &line[m.end()..]);
    let (date, used) = date_prefix(rest)?;
    let rest = rest.trim_start();
    TIME_TAIL.is_match(&rest[used..]).then_some(date)
}

/// A publication date written in a URL's path.
pub(crate) fn date_in_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/').unwrap_or(path.len())..];
    URL_DATE.captures_iter(path).find_map(|c| {
        let group = |names: [&str; 3]| names.iter().find_map(|n| num(&c, n));
        ymd(
            group(["y1", "y2", "y3"])?,
            group(["m1", "m2", "m3"])?,
            group(["d1", "d2", "d3"])?,
        )
    })
}

fn num(c: &Captures, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// A plausible calendar date of a news article.
fn ymd(year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// True when `text` is an absolute http(s) URL and nothing else.
pub(crate) fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !text.contains(char::is_whitespace)
        && url_host(text).is_some()
}

/// The host of an http(s) URL, lower case, without `www.` (`themoscowtimes.com`).
pub(crate) fn url_host(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let valid = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    valid.then(|| host.to_string())
}

/// Author names from a byline or an author field: `By A and B`, `A, B and C`, `A; B`.
/// Parts that do not look like a name (lower-case start, digits, long phrases) are dropped.
pub(crate) fn split_authors(text: &str) -> Vec<String> {
    let text = text.trim();
    let text = strip_prefix_ignore_case(text, "by ").unwrap_or(text);
    let mut authors: Vec<String> = Vec::new();
    for part in AUTHOR_SEPARATOR.split(text) {
        let name = part
            .trim()
            .trim_matches(|c: char| c == '.' || c == '"')
            .trim();
        if looks_like_name(name) && !authors.iter().any(|a| a == name) {
            authors.push(name.to_string());
        }
    }
    authors
}

/// The authors named in a byline (`Jane Roe and John Doe`) when every part is a name;
/// `None` for a sentence that merely starts with "By" ("By Monday, the council had voted").
pub(crate) fn byline_authors(names: &str) -> Option<Vec<String>> {
    let mut authors: Vec<String> = Vec::new();
    for part in AUTHOR_SEPARATOR.split(names.trim()) {
        let name = part.trim().trim_end_matches('.').trim();
        if name.is_empty() {
            continue;
        }
        let capitalized = name
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) || w.chars().count() <= 3);
        if !looks_like_name(name) || !capitalized {
            return None;
        }
        if !authors.iter().any(|a| a == name) {
            authors.push(name.to_string());
        }
    }
    (!authors.is_empty()).then_some(authors)
}

/// A person's name as bylines write it: 1–6 words, starting upper case, no digits.
pub(crate) fn looks_like_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && text.chars().count() <= 60
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | ':'))
}

/// `text` without `prefix`, compared ASCII-case-insensitively.
pub(crate) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// A person or organization named in JSON metadata: `"Jane Roe"` or `{"name": "Jane Roe"}`.
pub(crate) fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| s.trim().to_string()),
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap())
    }

    #[test]
    fn parses_date_values() {
        let check = |input: &str, expected: Option<NaiveDate>| {
            assert_eq!(parse_date(input), expected, "input {input:?}");
        };
        check("2023-10-30", d("2023-10-30"));
        check("2023-10-30 12:00:00", d("2023-10-30"));
        check("2023-10-30T12:00:00+03:00", d("2023-10-30"));
        check("2023/10/30", d("2023-10-30"));
        check("October 30, 2023", d("2023-10-30"));
        check("Oct. 30, 2023", d("2023-10-30"));
        check("Monday, October 30th, 2023", d("2023-10-30"));
        check("30 October 2023", d("2023-10-30"));
        check("30. Oktober 2023", d("2023-10-30"));
        check("30 de octubre de 2023", d("2023-10-30"));
        check("9 ottobre 2023", d("2023-10-09"));
        check("30.10.2023", d("2023-10-30"));
        check("20231030", d("2023-10-30"));
        check("2023-02-30", None);
        check("October 2023", None);
        check("2023", None);
        check("in 1999 there were", None);
        check("", None);
    }

    #[test]
    fn recognizes_date_only_lines() {
        let check = |input: &str, expected: Option<NaiveDate>| {
            assert_eq!(date_line(input), expected, "input {input:?}");
        };
        check("October 30, 2023", d("2023-10-30"));
        check("  30 October 2023  ", d("2023-10-30"));
        check("2023-10-30", d("2023-10-30"));
        check("Published: October 30, 2023", d("2023-10-30"));
        check("Updated on 30 October 2023, 14:05 GMT", d("2023-10-30"));
        check("October 30, 2023 at 5:30 p.m.", d("2023-10-30"));
        check("October 30, 2023 was a cold day.", None);
        check("On October 30, 2023 the talks began", None);
        check("The talks began", None);
    }

    #[test]
    fn finds_dates_in_urls() {
        let check = |input: &str, expected: Option<NaiveDate>| {
            assert_eq!(date_in_url(input), expected, "input {input:?}");
        };
        check(
            "https://example.com/2023/10/30/some-story-a123",
            d("2023-10-30"),
        );
        check(
            "https://example.com/news/2023-10-30-some-story",
            d("2023-10-30"),
        );
        check(
            "https://example.com/news/20231030/story.html",
            d("2023-10-30"),
        );
        check("https://example.com/story-123456", None);
        check("https://example2023.com/2023/13/40/x", None);
    }

    #[test]
    fn extracts_url_hosts() {
        let check = |input: &str, expected: Option<&str>| {
            assert_eq!(url_host(input).as_deref(), expected, "input {input:?}");
        };
        check("https://www.example.com/a/b", Some("example.com"));
        check(
            "http://News.Example.co.uk:8080/x?y#z",
            Some("news.example.co.uk"),
        );
        check("https://user@example.org", Some("example.org"));
        check("ftp://example.org/file", None);
        check("example.org/file", None);
        check("https://localhost/", None);
    }

    #[test]
    fn reads_bylines() {
        let check = |input: &str, expected: Option<&[&str]>| {
            let expected = expected.map(|names| names.iter().map(|n| n.to_string()).collect());
            assert_eq!(byline_authors(input), expected, "input {input:?}");
        };
        check("Jane Roe and John Doe", Some(&["Jane Roe", "John Doe"]));
        check("Ludwig van Beethoven.", Some(&["Ludwig van Beethoven"]));
        check("Monday, the council had voted.", None);
        check("the way", None);
        check("", None);
    }

    #[test]
    fn splits_author_lists() {
        let check = |input: &str, expected: &[&str]| {
            assert_eq!(split_authors(input), expected, "input {input:?}");
        };
        check("By Jane Roe and John Doe", &["Jane Roe", "John Doe"]);
        check(
            "By Ann Lee, Bo Kim and Cy Park",
            &["Ann Lee", "Bo Kim", "Cy Park"],
        );
        check("Ann Lee; Bo Kim", &["Ann Lee", "Bo Kim"]);
        check("Ann Lee & Bo Kim", &["Ann Lee", "Bo Kim"]);
        check("Ann Lee, Ann Lee", &["Ann Lee"]);
        check("by staff reporters", &[]);
        check("", &[]);
    }
}
