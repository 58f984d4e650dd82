//! JSONL (one article per line) and JSON (one article, or an array of them).
//!
//! Records come from different scrapers, so each metadata field is looked up under the names
//! of news-please (`maintext`, `date_publish`, `authors`, `source_domain`), trafilatura (`text`,
//! `date`, `author`, `hostname`, `source`, `sitename`) and dossier's own (`text`, `published`,
//! `outlet`, `id`), first match wins. A JSONL file is streamed line by line with each line held
//! to the size limit, so one huge or broken line costs only that line: it is skipped as
//! `path#LINE` and the good lines are still read.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use dossier_core::{Metadata, Skipped};
use serde_json::{Map, Value};

use crate::decode::check_not_binary;
use crate::language::normalize_tag;
use crate::metadata::{is_url, name_of, parse_date, split_authors, url_host};
use crate::problem::Problem;
use crate::text::normalize_plain;
use crate::{sha256_hex, Draft, Outcome};

/// Fields that hold the article text, in order of preference.
pub(crate) const TEXT_FIELDS: &[&str] = &["text", "maintext", "content", "body", "article"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date_publish",
    "date",
    "datePublished",
    "date_published",
    "published_at",
    "pubdate",
];
const AUTHOR_FIELDS: &[&str] = &["authors", "author", "byline"];
/// Declared outlet names first, then host names.
const OUTLET_FIELDS: &[&str] = &["outlet", "sitename", "site_name", "publisher"];
const HOST_FIELDS: &[&str] = &["source_domain", "hostname", "domain"];
const URL_FIELDS: &[&str] = &["url", "source", "link", "canonical_url", "source_url"];
const LANGUAGE_FIELDS: &[&str] = &["language", "lang"];

/// Reads a JSONL file line by line.
pub(crate) fn read_jsonl_file(path: &Path, label: &str, stem: &str, limit: u64) -> Vec<Outcome> {
    let skip_file = |problem: Problem| vec![Outcome::skip(label, problem)];
    let mut reader = match File::open(path) {
        Ok(file) => BufReader::with_capacity(64 * 1024, file),
        Err(error) => return skip_file(error.into()),
    };
    match reader.fill_buf() {
        Ok([]) => return skip_file(Problem::Empty),
        Ok(head) if head.starts_with(b"\xFF\xFE") => {
            return skip_file(Problem::JsonNotUtf8("UTF-16LE"))
        }
        Ok(head) if head.starts_with(b"\xFE\xFF") => {
            return skip_file(Problem::JsonNotUtf8("UTF-16BE"))
        }
        Ok(head) => {
            if let Err(problem) = check_not_binary(head) {
                return skip_file(problem);
            }
        }
        Err(error) => return skip_file(error.into()),
    }
    let mut outcomes = Vec::new();
    let mut line = Vec::new();
    for number in 1.. {
        match next_line(&mut reader, limit, &mut line) {
            Ok(None) => break,
            Ok(Some(size)) if size > limit => {
                let problem = Problem::LineTooLarge { size, limit };
                outcomes.push(Outcome::skip(&format!("{label}#{number}"), problem));
            }
            Ok(Some(_)) => outcomes.extend(read_line(&line, label, stem, number)),
            Err(error) => {
                outcomes.push(Outcome::skip(&format!("{label}#{number}"), error.into()));
                break;
            }
        }
    }
    if outcomes.is_empty() {
        return skip_file(Problem::Empty);
    }
    outcomes
}

/// Reads the next line into `line` (without its line break) and returns its length; a line
/// over `limit` bytes is not kept but consumed, and its full length returned.
fn next_line(
    reader: &mut impl BufRead,
    limit: u64,
    line: &mut Vec<u8>,
) -> std::io::Result<Option<u64>> {
    line.clear();
    let read = reader
        .by_ref()
        .take(limit.saturating_add(2))
        .read_until(b'\n', line)?;
    if read == 0 {
        return Ok(None);
    }
    let ended = line.last() == Some(&b'\n');
    if ended {
        line.pop();
        if line.last() == Some(&b'\r') {
            line.pop();
        }
    }
    let mut size = line.len() as u64;
    if !ended && size > limit {
        line.clear();
        loop {
            let available = reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            match available.iter().position(|&b| b == b'\n') {
                Some(end) => {
                    size += end as u64;
                    reader.consume(end + 1);
                    break;
                }
                None => {
                    let n = available.len();
                    size += n as u64;
                    reader.consume(n);
                }
            }
        }
    }
    Ok(Some(size))
}

/// Reads JSONL already in memory (a file recognised as JSONL by its content).
pub(crate) fn read_jsonl_text(text: &str, label: &str, stem: &str) -> Vec<Outcome> {
    let outcomes: Vec<Outcome> = text
        .split('\n')
        .enumerate()
        .flat_map(|(i, line)| read_line(line.trim_end_matches('\r').as_bytes(), label, stem, i + 1))
        .collect();
    if outcomes.is_empty() {
        return vec![Outcome::skip(label, Problem::Empty)];
    }
    outcomes
}

/// One JSONL line: a document, a skip, or nothing for a blank line.
fn read_line(bytes: &[u8], label: &str, stem: &str, number: usize) -> Option<Outcome> {
    let bytes = if number == 1 {
        bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    let path = format!("{label}#{number}");
    let Ok(line) = std::str::from_utf8(bytes) else {
        let problem = Problem::Undecodable("line is not valid UTF-8 (JSON must be UTF-8)".into());
        return Some(Outcome::skip(&path, problem));
    };
    let outcome = match serde_json::from_str::<Value>(line) {
        Ok(value) => record_outcome(&value, path, &format!("{stem}-{number}"), bytes),
        Err(error) => Outcome::skip(&path, Problem::InvalidJson(error.to_string())),
    };
    Some(outcome)
}

/// Reads a `.json` file: one article object, or an array of them (`path#N`, 1-based).
/// A file that is JSONL by mistake is read as JSONL.
pub(crate) fn read_json_text(text: &str, bytes: &[u8], label: &str, stem: &str) -> Vec<Outcome> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) if items.is_empty() => vec![Outcome::skip(label, Problem::Empty)],
        Ok(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let raw = serde_json::to_vec(item).unwrap_or_default();
                record_outcome(
                    item,
                    format!("{label}#{}", i + 1),
                    &format!("{stem}-{}", i + 1),
                    &raw,
                )
            })
            .collect(),
        Ok(value) => vec![record_outcome(&value, label.to_string(), stem, bytes)],
        Err(error)
            if error.is_syntax()
                && text.trim_start().starts_with('{')
                && text.trim().contains('\n') =>
        {
            read_jsonl_text(text, label, stem)
        }
        Err(error) => vec![Outcome::skip(
            label,
            Problem::InvalidJson(error.to_string()),
        )],
    }
}

/// True when `text` looks like JSON Lines: its first non-blank line is a JSON object.
pub(crate) fn looks_like_jsonl(text: &str) -> bool {
    text.lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| {
            matches!(
                serde_json::from_str::<Value>(l.trim()),
                Ok(Value::Object(_))
            )
        })
}

/// True when `text` is one JSON object or array.
pub(crate) fn looks_like_json(text: &str) -> bool {
    let trimmed = text.trim_start();
    (trimmed.starts_with('{') || trimmed.starts_with('['))
        && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok()
}

fn record_outcome(value: &Value, path: String, fallback_id: &str, raw: &[u8]) -> Outcome {
    match read_record(value) {
        Ok((id, text, meta)) => Outcome::Document(Draft {
            base_id: id.unwrap_or_else(|| fallback_id.to_string()),
            path,
            sha256: sha256_hex(raw),
            text,
            meta,
            diagnostics: Vec::new(),
        }),
        Err(problem) => Outcome::Skipped(Skipped {
            path,
            reason: problem.to_string(),
        }),
    }
}

/// The id, clean text and metadata of one record.
fn read_record(value: &Value) -> Result<(Option<String>, String, Metadata), Problem> {
    let Value::Object(record) = value else {
        return Err(Problem::NotAnObject);
    };
    let (field, text) = TEXT_FIELDS
        .iter()
        .find_map(|&f| record.get(f).filter(|v| !v.is_null()).map(|v| (f, v)))
        .ok_or(Problem::NoTextField)?;
    let text = text.as_str().ok_or(Problem::NotAString(field))?;
    let text = normalize_plain(text);
    if text.is_empty() {
        return Err(Problem::EmptyText(field));
    }
    let id = match record.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok((id, text, read_metadata(record)))
}

fn read_metadata(record: &Map<String, Value>) -> Metadata {
    let string = |fields: &[&str]| {
        fields.iter().find_map(|f| {
            record
                .get(*f)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
        })
    };
    let url = URL_FIELDS
        .iter()
        .filter_map(|f| record.get(*f).and_then(Value::as_str))
        .map(str::trim)
        .find(|u| is_url(u))
        .map(str::to_string);
    let outlet = string(OUTLET_FIELDS)
        .map(str::to_string)
        .or_else(|| string(HOST_FIELDS).map(host_name))
        .or_else(|| url.as_deref().and_then(url_host));
    let published = DATE_FIELDS.iter().find_map(|f| match record.get(*f)? {
        Value::String(s) => parse_date(s),
        _ => None,
    });
    Metadata {
        title: string(TITLE_FIELDS).map(str::to_string),
        published,
        authors: authors(record),
        outlet,
        url,
        language: string(LANGUAGE_FIELDS).and_then(normalize_tag),
    }
}

/// `www.Example.com` → `example.com`.
fn host_name(host: &str) -> String {
    let host = host.trim().to_ascii_lowercase();
    host.strip_prefix("www.").unwrap_or(&host).to_string()
}

/// Authors from a list of names or a string such as `A; B` or `A and B`.
fn authors(record: &Map<String, Value>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for field in AUTHOR_FIELDS {
        let found = match record.get(*field) {
            Some(Value::String(s)) => split_authors(s),
            Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
            _ => Vec::new(),
        };
        for name in found {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            break;
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn read(line: &str) -> Result<(Option<String>, String, Metadata), String> {
        let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        read_record(&value).map_err(|p| p.to_string())
    }

    #[test]
    fn reads_news_please_records() {
        let (id, text, meta) = read(
            r#"{"maintext":"First.\nSecond.","title":"T","date_publish":"2023-10-30 12:00:00","authors":["Ann Lee","Bo Kim"],"source_domain":"www.example.com","url":"https://www.example.com/a","language":"en"}"#,
        )
        .unwrap();
        assert_eq!(id, None);
        assert_eq!(text, "First.\n\nSecond.");
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2023, 10, 30));
        assert_eq!(meta.authors, ["Ann Lee", "Bo Kim"]);
        assert_eq!(meta.outlet.as_deref(), Some("example.com"));
        assert_eq!(meta.url.as_deref(), Some("https://www.example.com/a"));
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn reads_trafilatura_records() {
        let (_, text, meta) = read(
            r#"{"text":"Body text.","title":"T","date":"2023-10-30","author":"Ann Lee; Bo Kim","hostname":"example.org","source":"https://example.org/x","sitename":"Example News"}"#,
        )
        .unwrap();
        assert_eq!(text, "Body text.");
        assert_eq!(meta.authors, ["Ann Lee", "Bo Kim"]);
        assert_eq!(meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/x"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2023, 10, 30));
    }

    #[test]
    fn reads_dossier_records() {
        let (id, _, meta) = read(
            r#"{"id":"a1","text":"Body.","published":"2023-10-30","outlet":"Daily","authors":["Cy Park"],"url":"https://daily.example/a"}"#,
        )
        .unwrap();
        assert_eq!(id.as_deref(), Some("a1"));
        assert_eq!(meta.outlet.as_deref(), Some("Daily"));
        assert_eq!(meta.authors, ["Cy Park"]);
        let (id, _, _) = read(r#"{"id":7,"text":"Body."}"#).unwrap();
        assert_eq!(id.as_deref(), Some("7"));
    }

    #[test]
    fn refuses_bad_records() {
        let check = |line: &str, expected: &str| {
            assert_eq!(
                read(line).map(|_| ()).unwrap_err(),
                expected,
                "line {line:?}"
            );
        };
        check(
            r#"[1,2]"#,
            "JSON value is not an object (an article must be a JSON object)",
        );
        check(
            r#"{"title":"T"}"#,
            "no text field (expected one of: text, maintext, content, body, article)",
        );
        check(r#"{"text":"  \n "}"#, "empty text in field \"text\"");
        check(r#"{"text":5}"#, "field \"text\" is not a string");
    }

    #[test]
    fn reads_lines_with_bounded_memory() {
        let check = |input: &str, limit: u64, expected: &[(u64, &str)]| {
            let mut reader = std::io::Cursor::new(input.as_bytes());
            let mut line = Vec::new();
            let mut got = Vec::new();
            while let Some(size) = next_line(&mut reader, limit, &mut line).unwrap() {
                got.push((size, String::from_utf8(line.clone()).unwrap()));
            }
            let expected: Vec<(u64, String)> =
                expected.iter().map(|(n, s)| (*n, s.to_string())).collect();
            assert_eq!(got, expected, "input {input:?}");
        };
        check("ab\r\ncd\n", 10, &[(2, "ab"), (2, "cd")]);
        check("ab\nlonger line\nz", 5, &[(2, "ab"), (11, ""), (1, "z")]);
        check("abcdef", 5, &[(6, "")]);
        check("abcde", 5, &[(5, "abcde")]);
        check("", 5, &[]);
    }

    #[test]
    fn sniffs_json_shapes() {
        assert!(looks_like_jsonl("{\"text\":\"a\"}\n{\"text\":\"b\"}"));
        assert!(!looks_like_jsonl("plain\n{}"));
        assert!(looks_like_json("[{\"text\":\"a\"}]"));
        assert!(!looks_like_json("{\"text\":\"a\"}\n{\"text\":\"b\"}"));
    }
}
