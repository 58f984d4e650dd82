//! Markdown and stray HTML markup → plain words, one line at a time.
//!
//! Scraped "Markdown-ish" text mixes Markdown (`## heading`, `**bold**`, `[text](url)`) with
//! inline HTML left by the scraper (`<u>…</u>`, `&amp;`). We do not parse Markdown: we strip the
//! markup of one line with a fixed sequence of regex rewrites, keeping every word. A line
//! without any markup character skips the rewrites, so plain text costs almost nothing.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// One rewrite: a pattern and its replacement (with `$name` groups).
struct Rewrite {
    pattern: Regex,
    replacement: &'static str,
}

fn rewrite(pattern: &str, replacement: &'static str) -> Rewrite {
    Rewrite {
        pattern: Regex::new(pattern).expect("valid markdown regex"),
        replacement,
    }
}

/// The rewrites, in order: block markers first, then links and tags, then emphasis.
static REWRITES: LazyLock<Vec<Rewrite>> = LazyLock::new(|| {
    vec![
        // Horizontal rules: a line of ---, *** or ___.
        rewrite(r"^(?:[-*_]\s*){3,}$", ""),
        // Link reference definitions: [1]: https://…
        rewrite(r"^\[[^\]]+\]:\s*\S+.*$", ""),
        // Headings, block quotes and list bullets at the start of the line.
        rewrite(r"^#{1,6}\s+", ""),
        rewrite(r"\s+#+\s*$", ""),
        rewrite(r"^(?:>\s?)+", ""),
        rewrite(r"^[*+\-•]\s+", ""),
        // HTML comments and tags (<u>, </u>, <br/>, <a href="…">), images, links.
        rewrite(r"<!--.*?-->", ""),
        rewrite(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", ""),
        rewrite(r"!\[([^\]]*)\]\([^)]*\)", ""),
        rewrite(
            r#"\[(?P<text>[^\]]+)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)"#,
            "$text",
        ),
        rewrite(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]", "$text"),
        // Emphasis: ***x***, **x**, __x__, *x*, _x_, `x`.
        rewrite(r"\*\*\*(?P<text>\S(?:[^*]*?\S)?)\*\*\*", "$text"),
        rewrite(r"\*\*(?P<text>\S(?:[^*]*?\S)?)\*\*", "$text"),
        rewrite(r"__(?P<text>\S(?:[^_]*?\S)?)__", "$text"),
        rewrite(r"\*(?P<text>\S(?:[^*]*?\S)?)\*", "$text"),
        rewrite(
            r#"(?P<before>^|[\s(\["'])_(?P<text>\S(?:[^_]*?\S)?)_(?P<after>$|[\s).,;:!?\]"'])"#,
            "$before$text$after",
        ),
        rewrite(r"`(?P<text>[^`]+)`", "$text"),
        // Backslash escapes of Markdown punctuation.
        rewrite(r"\\(?P<char>[\\`*_{}\[\]()#+\-.!>])", "$char"),
    ]
});

/// HTML character references: `&amp;`, `&#8217;`, `&#x2019;`.
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#(?P<dec>[0-9]{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>[a-zA-Z]{2,8}));")
        .expect("valid entity regex")
});

/// The named references that occur in scraped news text.
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("laquo", "«"),
    ("raquo", "»"),
];

/// The characters any rewrite needs; a line without them is returned as it is.
fn has_markup(line: &str) -> bool {
    line.contains(['#', '*', '_', '[', '<', '>', '&', '`', '\\', '-', '+', '•'])
}

/// `line` without Markdown and HTML markup, its whitespace collapsed and trimmed.
pub(crate) fn clean_line(line: &str) -> String {
    let mut text = Cow::Borrowed(line.trim());
    if has_markup(&text) {
        for Rewrite {
            pattern,
            replacement,
        } in REWRITES.iter()
        {
            if let Cow::Owned(rewritten) = pattern.replace_all(&text, *replacement) {
                text = Cow::Owned(rewritten);
            }
        }
        if text.contains('&') {
            text = Cow::Owned(decode_entities(&text));
        }
    }
    collapse_whitespace(&text)
}

/// True when the line is a Markdown heading (`# …` to `###### …`).
pub(crate) fn is_heading(line: &str) -> bool {
    let hashes = line.trim_start().bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && line.trim_start()[hashes..].starts_with(char::is_whitespace)
}

fn decode_entities(text: &str) -> String {
    ENTITY
        .replace_all(text, |c: &regex::Captures| {
            let code = if let Some(dec) = c.name("dec") {
                dec.as_str().parse().ok()
            } else if let Some(hex) = c.name("hex") {
                u32::from_str_radix(hex.as_str(), 16).ok()
            } else {
                let name = c.name("name").map_or("", |m| m.as_str());
                if let Some((_, value)) = NAMED_ENTITIES.iter().find(|(n, _)| *n == name) {
                    return (*value).to_string();
                }
                None
            };
            match code.and_then(char::from_u32) {
                Some(ch) if !ch.is_control() || ch.is_whitespace() => ch.to_string(),
                _ => c[0].to_string(),
            }
        })
        .into_owned()
}

/// Runs of spaces and tabs (also no-break spaces) become one space; zero-width characters go.
pub(crate) fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_and_keeps_words() {
        let check = |input: &str, expected: &str| {
            assert_eq!(clean_line(input), expected, "input {input:?}");
        };
        check("## A Title", "A Title");
        check("### Closed heading ###", "Closed heading");
        check("Plain text stays as it is.", "Plain text stays as it is.");
        check("The <u>red</u> car", "The red car");
        check(
            "**Bold** and *italic* and ***both***",
            "Bold and italic and both",
        );
        check(
            "__strong__ and _em_ but snake_case_name",
            "strong and em but snake_case_name",
        );
        check(
            "*Originally* <u>published</u> *by The Daily.* ",
            "Originally published by The Daily.",
        );
        check(
            "## **Related**: <u>Other story</u> <u>here</u>",
            "Related: Other story here",
        );
        check(
            "See [the report](https://example.com/r?id=1 \"Report\") now",
            "See the report now",
        );
        check("See [the report][1] now", "See the report now");
        check("[1]: https://example.com/r", "");
        check("![a photo](https://example.com/p.jpg) Caption", "Caption");
        check("> quoted words", "quoted words");
        check("* a bullet", "a bullet");
        check("- a dash bullet", "a dash bullet");
        check("---", "");
        check(
            "Tom &amp; Jerry&#8217;s &ldquo;show&rdquo;",
            "Tom & Jerry’s “show”",
        );
        check("a < b and c > d", "a < b and c > d");
        check("Use `code` here", "Use code here");
        check("5 \\* 3", "5 * 3");
        check("  many \t spaces\u{00A0}here  ", "many spaces here");
        check("zero\u{200B}width", "zerowidth");
        check("2 * 3 * 4", "2 * 3 * 4");
        check("well-known co-operation", "well-known co-operation");
        check("", "");
    }

    #[test]
    fn tells_headings() {
        let check =
            |input: &str, expected: bool| assert_eq!(is_heading(input), expected, "{input:?}");
        check("## Title", true);
        check("# T", true);
        check("####### seven", false);
        check("#hashtag", false);
        check("Title", false);
    }
}
