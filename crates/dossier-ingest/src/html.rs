//! HTML pages: the article's text and the page's metadata.
//!
//! html5ever (through `scraper`) parses any markup, however broken, into a tree. The article is
//! the largest `<article>`, else `<main>` (or `role=main`), else `<body>`; inside it, page
//! furniture (script, style, nav, header, footer, aside, form, …) is skipped and every block
//! element (p, h1–h6, li, blockquote, div, …) ends a paragraph, so paragraphs come out separated
//! by a blank line. The walk is iterative (tree edges, not recursion), so deeply nested markup
//! cannot overflow the stack. Metadata comes from the usual places, most specific first:
//! Open Graph and `article:` meta tags, JSON-LD, `<title>`, `<time datetime>`, `<html lang>`.

use std::sync::LazyLock;

use dossier_core::Metadata;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use crate::language::normalize_tag;
use crate::metadata::{is_url, name_of, parse_date, split_authors, url_host};
use crate::problem::Problem;

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "svg",
    "button",
    "template",
    "select",
    "textarea",
    "canvas",
    "object",
    "embed",
    "figcaption",
    "head",
    "title",
    "menu",
    "dialog",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid CSS selector")
}

static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article"));
static MAIN: LazyLock<Selector> = LazyLock::new(|| selector("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical][href]"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static ITEMPROP_DATE: LazyLock<Selector> = LazyLock::new(|| selector("[itemprop=datePublished]"));
static REL_AUTHOR: LazyLock<Selector> = LazyLock::new(|| selector("[rel=author]"));
static HTML_LANG: LazyLock<Selector> = LazyLock::new(|| selector("html[lang]"));
static JSON_LD: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));

/// Article text and metadata of an HTML page.
#[derive(Debug)]
pub(crate) struct ParsedHtml {
    pub text: String,
    pub meta: Metadata,
}

/// True when `text` starts like an HTML document.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head = head.get(..14).unwrap_or(head).to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Reads an HTML page; fails only when no text at all can be found in it.
pub(crate) fn parse(source: &str) -> Result<ParsedHtml, Problem> {
    let document = Html::parse_document(source);
    let meta = read_metadata(&document);
    let root = article_root(&document);
    let mut paragraphs = paragraphs(root);
    // The page's own headline repeats the title: it is metadata, as in text files.
    if paragraphs
        .first()
        .is_some_and(|p| Some(p) == meta.title.as_ref())
    {
        paragraphs.remove(0);
    }
    if paragraphs.is_empty() {
        return Err(Problem::NoHtmlText);
    }
    Ok(ParsedHtml {
        text: paragraphs.join("\n\n"),
        meta,
    })
}

/// The element that holds the article: the largest `<article>`, else `<main>`, else `<body>`.
fn article_root(document: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef| e.text().map(str::len).sum::<usize>();
    let largest = |s: &Selector| {
        document
            .select(s)
            .max_by(|a, b| text_len(a).cmp(&text_len(b)))
    };
    largest(&ARTICLE)
        .filter(|e| text_len(e) > 0)
        .or_else(|| largest(&MAIN).filter(|e| text_len(e) > 0))
        .or_else(|| document.select(&BODY).next())
        .unwrap_or_else(|| document.root_element())
}

/// The paragraphs of the text under `root`, whitespace collapsed, furniture skipped.
fn paragraphs(root: ElementRef<'_>) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut pending_space = false;
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) if skip_depth > 0 || is_skipped(e) => skip_depth += 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => {
                    flush(&mut paragraphs, &mut current, &mut pending_space);
                }
                Node::Text(text) if skip_depth == 0 => {
                    for c in text.chars() {
                        if c.is_whitespace() {
                            pending_space = true;
                        } else if !matches!(c, '\u{200B}' | '\u{00AD}' | '\u{FEFF}') {
                            if pending_space && !current.is_empty() {
                                current.push(' ');
                            }
                            pending_space = false;
                            current.push(c);
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => match node.value() {
                Node::Element(_) if skip_depth > 0 => skip_depth -= 1,
                Node::Element(e) if BLOCKS.contains(&e.name()) => {
                    flush(&mut paragraphs, &mut current, &mut pending_space);
                }
                _ => {}
            },
        }
    }
    flush(&mut paragraphs, &mut current, &mut pending_space);
    paragraphs
}

fn is_skipped(element: &scraper::node::Element) -> bool {
    SKIPPED.contains(&element.name())
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
}

fn flush(paragraphs: &mut Vec<String>, current: &mut String, pending_space: &mut bool) {
    if !current.is_empty() {
        paragraphs.push(std::mem::take(current));
    }
    *pending_space = false;
}

/// Metadata candidates, each field from its most specific source.
fn read_metadata(document: &Html) -> Metadata {
    let metas: Vec<(String, &str)> = document
        .select(&META)
        .filter_map(|m| {
            let key = m
                .attr("property")
                .or(m.attr("name"))
                .or(m.attr("itemprop"))?;
            Some((key.trim().to_ascii_lowercase(), m.attr("content")?.trim()))
        })
        .filter(|(_, content)| !content.is_empty())
        .collect();
    let meta_value = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.iter().find(|(key, _)| key == k).map(|(_, v)| *v))
    };
    let ld = json_ld(document);

    let url = document
        .select(&CANONICAL)
        .filter_map(|l| l.attr("href"))
        .chain(meta_value(&["og:url"]))
        .chain(ld.url.as_deref())
        .map(str::trim)
        .find(|u| is_url(u))
        .map(str::to_string);
    let outlet = meta_value(&["og:site_name", "application-name"])
        .map(str::to_string)
        .or(ld.publisher)
        .or_else(|| url.as_deref().and_then(url_host));

    let title = meta_value(&["og:title", "twitter:title"])
        .map(str::to_string)
        .or(ld.headline)
        .or_else(|| {
            element_text(document, &TITLE).map(|t| strip_site_suffix(&t, outlet.as_deref()))
        })
        .or_else(|| element_text(document, &H1))
        .filter(|t| !t.is_empty());

    let published = meta_value(&[
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "publishdate",
        "pubdate",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
    ])
    .and_then(parse_date)
    .or_else(|| ld.published.as_deref().and_then(parse_date))
    .or_else(|| {
        document
            .select(&ITEMPROP_DATE)
            .filter_map(|e| e.attr("content").or(e.attr("datetime")))
            .chain(document.select(&TIME).filter_map(|e| e.attr("datetime")))
            .find_map(parse_date)
    });

    let mut authors = meta_value(&["author", "article:author", "dc.creator", "parsely-author"])
        .filter(|a| !is_url(a))
        .map(split_authors)
        .unwrap_or_default();
    if authors.is_empty() {
        authors = ld.authors;
    }
    if authors.is_empty() {
        authors = document
            .select(&REL_AUTHOR)
            .flat_map(|a| split_authors(&collapse(a.text())))
            .fold(Vec::new(), |mut all, a| {
                if !all.contains(&a) {
                    all.push(a);
                }
                all
            });
    }

    let language = document
        .select(&HTML_LANG)
        .filter_map(|h| h.attr("lang"))
        .chain(meta_value(&["og:locale", "content-language", "language"]))
        .find_map(normalize_tag);

    Metadata {
        title,
        published,
        authors,
        outlet,
        url,
        language,
    }
}

/// The whitespace-collapsed text of the first element matching `selector`.
fn element_text(document: &Html, selector: &Selector) -> Option<String> {
    document
        .select(selector)
        .map(|e| collapse(e.text()))
        .find(|t| !t.is_empty())
}

fn collapse<'a>(parts: impl Iterator<Item = &'a str>) -> String {
    parts
        .flat_map(str::split_whitespace)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `Story title | The Daily` → `Story title` when the tail names the outlet.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else {
        return title.to_string();
    };
    let outlet = outlet.to_lowercase();
    let outlet_name = outlet.split('.').next().unwrap_or(&outlet).to_string();
    for separator in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            let tail = tail.trim().to_lowercase().replace(' ', "");
            if tail == outlet.replace(' ', "") || tail == outlet_name {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// What a page's JSON-LD (schema.org `NewsArticle` and kin) says.
#[derive(Debug, Default)]
struct LinkedData {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

fn json_ld(document: &Html) -> LinkedData {
    let mut data = LinkedData::default();
    for script in document.select(&JSON_LD) {
        let Ok(value) = serde_json::from_str::<Value>(&script.text().collect::<String>()) else {
            continue;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(object) => {
                    if let Some(graph) = object.get("@graph") {
                        stack.push(graph);
                    }
                    if object.contains_key("datePublished") || object.contains_key("headline") {
                        read_article_object(object, &mut data);
                    }
                }
                _ => {}
            }
        }
    }
    data
}

fn read_article_object(object: &serde_json::Map<String, Value>, data: &mut LinkedData) {
    let string = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_string);
    data.headline = data.headline.take().or_else(|| string("headline"));
    data.published = data.published.take().or_else(|| string("datePublished"));
    data.url = data.url.take().or_else(|| string("url"));
    if data.publisher.is_none() {
        data.publisher = object.get("publisher").and_then(name_of);
    }
    if data.authors.is_empty() {
        data.authors = match object.get("author") {
            Some(Value::Array(items)) => items.iter().filter_map(name_of).collect(),
            Some(author) => name_of(author)
                .map(|n| split_authors(&n))
                .unwrap_or_default(),
            None => Vec::new(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn check_text(html: &str, expected: &str) {
        let parsed = parse(html).map(|p| p.text).map_err(|p| p.to_string());
        assert_eq!(parsed.as_deref(), Ok(expected), "html {html:?}");
    }

    #[test]
    fn extracts_article_paragraphs() {
        check_text(
            "<html><body><nav>Home | World</nav><header>Site</header><article><h1>Head</h1>\
             <p>First  <b>bold</b>\n paragraph.</p><script>var x = 1;</script><p>Second.</p>\
             <aside>Related stuff</aside><ul><li>One</li><li>Two</li></ul></article>\
             <footer>(c) Site</footer></body></html>",
            // "Head" is the title (from the h1) and leaves the text.
            "First bold paragraph.\n\nSecond.\n\nOne\n\nTwo",
        );
        check_text(
            "<body><div>Menu</div><main><p>Main text.</p></main></body>",
            "Main text.",
        );
        check_text(
            "<p>Only a paragraph &amp; an entity</p>",
            "Only a paragraph & an entity",
        );
        // Broken markup still yields its words.
        check_text(
            "<html><body><div><p>Unclosed <i>tags and <b>more",
            "Unclosed tags and more",
        );
    }

    #[test]
    fn refuses_pages_without_text() {
        let check = |html: &str| {
            assert_eq!(
                parse(html).map(|p| p.text).map_err(|p| p.to_string()),
                Err("no article text found in HTML".to_string()),
                "html {html:?}"
            );
        };
        check("<html><head><title>T</title></head><body><script>x()</script></body></html>");
        check("<html><body><div><span></div></sp");
        check("");
    }

    #[test]
    fn reads_metadata() {
        let html = r#"<!DOCTYPE html><html lang="en-GB"><head>
            <title>Budget passes | The Daily</title>
            <meta property="og:site_name" content="The Daily">
            <meta property="article:published_time" content="2021-03-04T10:00:00Z">
            <meta name="author" content="Ann Lee and Bo Kim">
            <link rel="canonical" href="https://www.thedaily.example/2021/03/04/budget">
            </head><body><article><h1>Budget passes</h1><p>The vote passed.</p></article></body></html>"#;
        let parsed = parse(html).unwrap();
        assert_eq!(parsed.text, "The vote passed.");
        let meta = parsed.meta;
        assert_eq!(meta.title.as_deref(), Some("Budget passes"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2021, 3, 4));
        assert_eq!(meta.authors, ["Ann Lee", "Bo Kim"]);
        assert_eq!(meta.outlet.as_deref(), Some("The Daily"));
        assert_eq!(
            meta.url.as_deref(),
            Some("https://www.thedaily.example/2021/03/04/budget")
        );
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn reads_json_ld_and_time_elements() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
             "headline":"Bridge opens","datePublished":"2022-05-06",
             "author":[{"@type":"Person","name":"Cy Park"}],
             "publisher":{"@type":"Organization","name":"City News"}}]}
            </script></head><body><p>It opened.</p><time datetime="2020-01-01">old</time></body></html>"#;
        let meta = parse(html).unwrap().meta;
        assert_eq!(meta.title.as_deref(), Some("Bridge opens"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2022, 5, 6));
        assert_eq!(meta.authors, ["Cy Park"]);
        assert_eq!(meta.outlet.as_deref(), Some("City News"));

        let html = "<html><body><article><time datetime=\"2020-01-02T08:00\">Jan 2</time><p>Text.</p></article></body></html>";
        assert_eq!(
            parse(html).unwrap().meta.published,
            NaiveDate::from_ymd_opt(2020, 1, 2)
        );
    }

    #[test]
    fn strips_site_suffixes() {
        let check = |title: &str, outlet: Option<&str>, expected: &str| {
            assert_eq!(strip_site_suffix(title, outlet), expected);
        };
        check(
            "Budget passes | The Daily",
            Some("The Daily"),
            "Budget passes",
        );
        check(
            "Budget passes - thedaily.com",
            Some("thedaily.com"),
            "Budget passes",
        );
        check(
            "Budget passes - Thedaily",
            Some("thedaily.com"),
            "Budget passes",
        );
        check(
            "War and peace - a review",
            Some("The Daily"),
            "War and peace - a review",
        );
        check("Budget passes", None, "Budget passes");
    }

    #[test]
    fn sniffs_html() {
        let check = |text: &str, expected: bool| assert_eq!(looks_like_html(text), expected);
        check("<!DOCTYPE html><html>", true);
        check("\n  <html lang=en>", true);
        check("<p>fragment</p>", false);
        check("plain text", false);
    }
}
