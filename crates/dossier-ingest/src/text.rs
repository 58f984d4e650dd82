//! Plain and Markdown-ish text: header lines become metadata, the rest becomes clean text.
//!
//! Scraped news files start with a few header lines in loose conventions: `date 2023-11-07`
//! (maybe followed by junk such as `loading…`, or by the first sentence), a `## Title`, a
//! `By A and B` byline, a date on its own line, an `Original url:` line; or simply a short first
//! line that is the title. We read the header as a sequence of such lines and stop at the first
//! line that is none of them: header lines are metadata and leave the text, everything after is
//! the article. Footer URL lines (`Original url:` with the URL on the same or the next line)
//! are metadata wherever they are. Body lines lose their Markdown/HTML markup, and lines that
//! are page furniture (related-article links, photo credits, widget placeholders; lists in
//! `resources/ingest/`) are dropped.

use std::sync::LazyLock;

use dossier_core::Metadata;
use regex::Regex;

use crate::markdown::{clean_line, collapse_whitespace, is_heading};
use crate::metadata::{
    byline_authors, data_lines, date_line, is_url, parse_date, split_authors,
    strip_prefix_ignore_case,
};

/// At most this many non-blank lines are looked at as header lines.
const MAX_HEADER_LINES: usize = 12;
/// A plain first line longer than this is a paragraph, not a title.
const MAX_TITLE_CHARS: usize = 200;
/// A photo credit is a short line.
const MAX_CAPTION_CHARS: usize = 200;

/// Placeholder phrases that page widgets leave behind (lower case), longest first.
static ARTIFACTS: LazyLock<Vec<String>> = LazyLock::new(|| {
    load_phrases(include_str!(
        "../../../resources/ingest/scraper-artifacts.txt"
    ))
});

/// Starts of lines that are page furniture (lower case).
static BOILERPLATE: LazyLock<Vec<String>> = LazyLock::new(|| {
    load_phrases(include_str!(
        "../../../resources/ingest/boilerplate-prefixes.txt"
    ))
});

/// Agencies that end a photo credit after a `/` (lower case).
static PHOTO_CREDITS: LazyLock<Vec<String>> =
    LazyLock::new(|| load_phrases(include_str!("../../../resources/ingest/photo-credits.txt")));

/// `date 2023-11-07 rest of line` as some scrapers write the first line.
static DATE_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^date\s*:?\s+(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s+(?P<rest>.*))?$")
        .expect("valid date header regex")
});

/// `Original url: …`, `URL: …`, `Source: …` (the value may be empty: the URL is on the next line).
static URL_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:original\s+url|source\s+url|canonical\s+url|original\s+link|url|link|source|original)\s*:\s*(?P<value>.*)$")
        .expect("valid URL label regex")
});

/// `Title: …`, `Author: …`, `Outlet: …` header lines.
static KEY_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<key>title|headline|authors?|byline|written by|outlet|publication|publisher|site|source)\s*:\s*(?P<value>.+)$")
        .expect("valid key-value regex")
});

/// A byline: `By Jane Roe and John Doe` (optionally `| Outlet` or `— date` after it).
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:by)\s+(?P<names>\p{Lu}[^|—–]*?)\s*(?:[|—–]\s*(?P<tail>.*))?$")
        .expect("valid byline regex")
});

fn load_phrases(text: &str) -> Vec<String> {
    let mut phrases: Vec<String> = data_lines(text).map(|l| l.trim().to_lowercase()).collect();
    phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    phrases
}

/// Clean text and the metadata found in the header and footer lines.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ParsedText {
    pub text: String,
    pub meta: Metadata,
}

/// Reads a plain or Markdown-ish article.
pub(crate) fn parse(raw: &str) -> ParsedText {
    let normalized = normalize_newlines(raw);
    let lines: Vec<&str> = normalized.split('\n').map(str::trim).collect();
    let mut meta = Metadata::default();
    let (body_start, first_body_line) = read_header(&lines, &mut meta);
    let mut body: Vec<String> = Vec::new();
    if let Some(line) = first_body_line {
        push_body_line(&mut body, &line);
    }
    let mut i = body_start;
    while i < lines.len() {
        if let Some(consumed) = url_line(&lines, i, &mut meta) {
            i += consumed;
            continue;
        }
        push_body_line(&mut body, lines[i]);
        i += 1;
    }
    ParsedText {
        text: assemble_paragraphs(&body),
        meta,
    }
}

/// `\r\n` and lone `\r` become `\n`.
fn normalize_newlines(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        raw.into()
    }
}

/// Reads header lines into `meta`. Returns the index of the first line after the header, and
/// the part of a header line that is already article text (`date 2023-10-09 The first …`).
fn read_header(lines: &[&str], meta: &mut Metadata) -> (usize, Option<String>) {
    let mut i = 0;
    let mut seen = 0;
    while i < lines.len() && seen < MAX_HEADER_LINES {
        let line = lines[i];
        if line.is_empty() {
            i += 1;
            continue;
        }
        seen += 1;
        if let Some(c) = DATE_HEADER.captures(line) {
            meta.published = meta.published.or_else(|| parse_date(&c["date"]));
            let rest = strip_artifacts(c.name("rest").map_or("", |m| m.as_str()));
            if !rest.is_empty() {
                return (i + 1, Some(rest.to_string()));
            }
        } else if let Some(consumed) = url_line(lines, i, meta) {
            i += consumed;
            continue;
        } else if !header_line(line, meta) {
            let body_follows = lines[i + 1..].iter().any(|l| !l.is_empty());
            if meta.title.is_none() && body_follows && looks_like_title(line) {
                meta.title = Some(clean_line(line));
            } else {
                return (i, None);
            }
        }
        i += 1;
    }
    (i, None)
}

/// Reads one header line of the kinds that need no look-ahead into `meta`; false when the line
/// is not a header line.
fn header_line(line: &str, meta: &mut Metadata) -> bool {
    if is_heading(line) {
        if meta.title.is_some() {
            return false;
        }
        meta.title = Some(clean_line(line)).filter(|t| !t.is_empty());
        return true;
    }
    if let Some(c) = KEY_VALUE.captures(line) {
        let value = clean_line(&c["value"]);
        match c["key"].to_lowercase().as_str() {
            "title" | "headline" => meta.title = meta.title.take().or(Some(value)),
            "author" | "authors" | "byline" | "written by" => extend_authors(meta, &value),
            _ => meta.outlet = meta.outlet.take().or(Some(value)),
        }
        return true;
    }
    if let Some(c) = BYLINE.captures(&clean_line(line)) {
        if let Some(authors) = byline_authors(&c["names"]) {
            if meta.authors.is_empty() {
                meta.authors = authors;
            }
            if let Some(date) = c.name("tail").and_then(|t| date_line(t.as_str())) {
                meta.published = meta.published.or(Some(date));
            }
            return true;
        }
    }
    if let Some(date) = date_line(&clean_line(line)) {
        meta.published = meta.published.or(Some(date));
        return true;
    }
    is_artifact(&clean_line(line))
}

fn extend_authors(meta: &mut Metadata, value: &str) {
    if meta.authors.is_empty() {
        meta.authors = split_authors(value);
    }
}

/// A URL line at `lines[i]` (`Original url: X`, `URL:` with X on the next non-blank line, or a
/// bare URL right after such a label): records the URL in `meta` and returns how many lines it
/// took; `None` when `lines[i]` is not one.
fn url_line(lines: &[&str], i: usize, meta: &mut Metadata) -> Option<usize> {
    let c = URL_LABEL.captures(lines[i])?;
    let value = c["value"].trim();
    if is_url(value) {
        meta.url = meta.url.take().or(Some(value.to_string()));
        return Some(1);
    }
    if !value.is_empty() {
        return None;
    }
    let next = (i + 1..lines.len()).find(|&j| !lines[j].is_empty())?;
    if !is_url(lines[next]) {
        return None;
    }
    meta.url = meta.url.take().or(Some(lines[next].to_string()));
    Some(next + 1 - i)
}

/// A short first line that reads like a headline: several words, no final period.
fn looks_like_title(line: &str) -> bool {
    let chars = line.chars().count();
    let words = line.split_whitespace().count();
    (2..=40).contains(&words)
        && chars < MAX_TITLE_CHARS
        && line
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'«".contains(c))
        && !line.ends_with(['.', ',', ';', ':', '…'])
        && !is_url(line)
}

/// Adds one body line (blank lines as empty strings); markup is removed, furniture dropped.
fn push_body_line(body: &mut Vec<String>, line: &str) {
    if line.is_empty() || is_url(line) {
        body.push(String::new());
        return;
    }
    let cleaned = clean_line(line);
    if cleaned.is_empty()
        || is_artifact(&cleaned)
        || is_boilerplate(&cleaned)
        || is_photo_credit(&cleaned)
    {
        body.push(String::new());
        return;
    }
    body.push(cleaned);
    if is_heading(line) {
        body.push(String::new());
    }
}

/// `text` without widget placeholders at its start (`loading… The first sentence` → `The …`).
fn strip_artifacts(text: &str) -> &str {
    let mut text = text.trim();
    'strip: loop {
        for artifact in ARTIFACTS.iter() {
            let Some(head) = text.get(..artifact.len()) else {
                continue;
            };
            let rest = &text[artifact.len()..];
            if head.to_lowercase() == *artifact
                && (rest.is_empty() || rest.starts_with(char::is_whitespace))
            {
                text = rest.trim_start();
                continue 'strip;
            }
        }
        return text;
    }
}

fn is_artifact(line: &str) -> bool {
    !line.is_empty() && strip_artifacts(line).is_empty()
}

fn is_boilerplate(line: &str) -> bool {
    let head: String = line.chars().take(40).flat_map(char::to_lowercase).collect();
    BOILERPLATE
        .iter()
        .any(|prefix| head.starts_with(prefix.as_str()))
}

/// `A street in the city. Jane Roe / AFP`, `Photo: Jane Roe`.
fn is_photo_credit(line: &str) -> bool {
    if line.chars().count() > MAX_CAPTION_CHARS {
        return false;
    }
    let labelled = [
        "photo:",
        "photo credit:",
        "image:",
        "photograph:",
        "credit:",
        "pictured:",
    ]
    .iter()
    .any(|label| strip_prefix_ignore_case(line, label).is_some());
    let credited = line.rsplit_once('/').is_some_and(|(before, agency)| {
        let agency = agency.trim().to_lowercase();
        before.ends_with(' ') && PHOTO_CREDITS.contains(&agency)
    });
    labelled || credited
}

/// Joins body lines: blank lines separate paragraphs (`\n\n`), runs of them collapse to one.
/// When the text has no blank line at all, every line is a paragraph of its own. A sentence
/// that a scraper broke across a paragraph break is joined back with a space.
fn assemble_paragraphs(lines: &[String]) -> String {
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return String::new();
    };
    let lines = &lines[first..=last];
    let one_line_per_paragraph = !lines.iter().any(String::is_empty);
    let mut text = String::new();
    let mut blank_before = false;
    for line in lines {
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        if !text.is_empty() {
            let separator = if sentence_continues(&text, line) {
                " "
            } else if blank_before || one_line_per_paragraph {
                "\n\n"
            } else {
                "\n"
            };
            text.push_str(separator);
        }
        text.push_str(line);
        blank_before = false;
    }
    text
}

/// True when `next` goes on with the sentence `before` ends with: `before` ends in a comma or
/// semicolon, or in a lower-case word that `next` continues in lower case.
fn sentence_continues(before: &str, next: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), next.chars().next()) else {
        return false;
    };
    (matches!(last, ',' | ';') && first.is_alphanumeric())
        || (last.is_lowercase() && first.is_lowercase())
}

/// Text that needs no header parsing (a JSONL field): newlines normalized, lines trimmed and
/// whitespace collapsed, paragraphs separated by one blank line.
pub(crate) fn normalize_plain(raw: &str) -> String {
    let normalized = normalize_newlines(raw);
    let lines: Vec<String> = normalized.split('\n').map(collapse_whitespace).collect();
    assemble_paragraphs(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// The expected outcome of parsing one input, in a compact form.
    #[derive(Debug, Default, PartialEq, Eq)]
    struct Expect<'a> {
        text: &'a str,
        title: Option<&'a str>,
        published: Option<&'a str>,
        authors: &'a [&'a str],
        url: Option<&'a str>,
        outlet: Option<&'a str>,
    }

    fn check(input: &str, expected: Expect) {
        let parsed = parse(input);
        let date = expected
            .published
            .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap());
        assert_eq!(parsed.text, expected.text, "text of {input:?}");
        assert_eq!(
            parsed.meta.title.as_deref(),
            expected.title,
            "title of {input:?}"
        );
        assert_eq!(parsed.meta.published, date, "date of {input:?}");
        assert_eq!(
            parsed.meta.authors, expected.authors,
            "authors of {input:?}"
        );
        assert_eq!(parsed.meta.url.as_deref(), expected.url, "url of {input:?}");
        assert_eq!(
            parsed.meta.outlet.as_deref(),
            expected.outlet,
            "outlet of {input:?}"
        );
    }

    #[test]
    fn date_header_lines() {
        check(
            " date 2021-03-04 loading…\n\nThe council met.\n\nIt voted.",
            Expect {
                text: "The council met.\n\nIt voted.",
                published: Some("2021-03-04"),
                ..Default::default()
            },
        );
        check(
            "date 2021-03-04 The council met on Monday. It voted.\n\nSecond paragraph.",
            Expect {
                text: "The council met on Monday. It voted.\n\nSecond paragraph.",
                published: Some("2021-03-04"),
                ..Default::default()
            },
        );
        check(
            "Date: 2021-03-04 Loading... The council met.",
            Expect {
                text: "The council met.",
                published: Some("2021-03-04"),
                ..Default::default()
            },
        );
        check(
            "date 2021-13-45 loading…\nThe council met.",
            Expect {
                text: "The council met.",
                ..Default::default()
            },
        );
    }

    #[test]
    fn title_byline_date_and_url_headers() {
        check(
            "\n\n## A Bridge Too Far\n\nBy Jane Roe and John Doe\n\nMarch 4, 2021\n\n\n\nThe council met.\n\nOriginal url:\n\nhttps://www.example.com/news/a-bridge-too-far",
            Expect {
                text: "The council met.",
                title: Some("A Bridge Too Far"),
                published: Some("2021-03-04"),
                authors: &["Jane Roe", "John Doe"],
                url: Some("https://www.example.com/news/a-bridge-too-far"),
                ..Default::default()
            },
        );
        check(
            "# Budget Vote\nBy Ann Lee, Bo Kim and Cy Park | 4 March 2021\nURL: https://example.org/2021/03/04/budget\n\nThe vote passed.",
            Expect {
                text: "The vote passed.",
                title: Some("Budget Vote"),
                published: Some("2021-03-04"),
                authors: &["Ann Lee", "Bo Kim", "Cy Park"],
                url: Some("https://example.org/2021/03/04/budget"),
                ..Default::default()
            },
        );
        check(
            "Title: Budget Vote\nAuthor: Ann Lee; Bo Kim\nPublished: 2021-03-04\nOutlet: The Daily\n\nThe vote passed.",
            Expect {
                text: "The vote passed.",
                title: Some("Budget Vote"),
                published: Some("2021-03-04"),
                authors: &["Ann Lee", "Bo Kim"],
                outlet: Some("The Daily"),
                ..Default::default()
            },
        );
    }

    #[test]
    fn plain_first_line_title() {
        check(
            "Talks resume in the capital\nThe two delegations met again on Monday.\nThey agreed to meet again.",
            Expect {
                text: "The two delegations met again on Monday.\n\nThey agreed to meet again.",
                title: Some("Talks resume in the capital"),
                ..Default::default()
            },
        );
        // A first line ending with a period is a paragraph.
        check(
            "The delegations met.\nThey agreed.",
            Expect {
                text: "The delegations met.\n\nThey agreed.",
                ..Default::default()
            },
        );
        // A lone line is the text, not a title.
        check(
            "Talks resume in the capital",
            Expect {
                text: "Talks resume in the capital",
                ..Default::default()
            },
        );
    }

    #[test]
    fn body_lines_that_are_not_headers_stay() {
        check(
            "The delegations met.\n\nBy then it was late.\n\nOctober 30, 2023 was a Monday.",
            Expect {
                text:
                    "The delegations met.\n\nBy then it was late.\n\nOctober 30, 2023 was a Monday.",
                ..Default::default()
            },
        );
        check(
            "The delegations met.\n\nSource: officials close to the talks.",
            Expect {
                text: "The delegations met.\n\nSource: officials close to the talks.",
                ..Default::default()
            },
        );
    }

    #[test]
    fn markup_furniture_and_blank_lines() {
        check(
            "## Title Here\n\nFirst <u>paragraph</u> with **bold**.\n\n\n\n\n## Related article: Another Story\n\nA square. Jane Roe / AFP\n\nSecond [paragraph](https://x.example/p).\nStill second.\n\n## A Subhead\nThird.",
            Expect {
                text: "First paragraph with bold.\n\nSecond paragraph.\nStill second.\n\nA Subhead\n\nThird.",
                title: Some("Title Here"),
                ..Default::default()
            },
        );
        check(
            "It began, in 2015,\n\nwhen the talks failed in the context of\n\nrising costs.\n\nA new one\n\nNext.",
            Expect {
                text: "It began, in 2015, when the talks failed in the context of rising costs.\n\nA new one\n\nNext.",
                ..Default::default()
            },
        );
        check(
            "Line one.\r\n\r\n\r\n\r\nLine two.\r\nLine three.",
            Expect {
                text: "Line one.\n\nLine two.\nLine three.",
                ..Default::default()
            },
        );
    }

    #[test]
    fn footer_url_lines_anywhere() {
        check(
            "The vote passed.\n\nOriginal url: https://example.org/budget\n",
            Expect {
                text: "The vote passed.",
                url: Some("https://example.org/budget"),
                ..Default::default()
            },
        );
    }

    #[test]
    fn normalizes_plain_text() {
        let check = |input: &str, expected: &str| assert_eq!(normalize_plain(input), expected);
        check("  A  b. \r\n\r\n\r\n C ", "A b.\n\nC");
        check("One.\nTwo.", "One.\n\nTwo.");
        check("one\ntwo", "one two");
        check("", "");
    }
}
