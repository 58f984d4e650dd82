//! Which reader a file goes to: by its extension, else by its content.
//!
//! The extension decides when it is one we know. Files whose name says nothing (no extension,
//! or an unknown one named explicitly by the user) are sniffed after decoding: HTML by its
//! opening tag, JSON by parsing, JSONL by a first line that is a JSON object, else plain text.
//! A `.txt` file holding an HTML page is read as HTML.

use std::path::Path;

use crate::html::looks_like_html;
use crate::jsonl::{looks_like_json, looks_like_jsonl};

/// The readers of ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Html,
    Jsonl,
    Json,
}

/// What a file name says about its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Named {
    /// A known extension.
    Known(Format),
    /// No extension: decided by content.
    Unknown,
    /// An extension ingest does not read (lower case, without the dot).
    Unsupported(String),
}

/// The format a file's extension names.
pub(crate) fn by_name(path: &Path) -> Named {
    let Some(extension) = path.extension() else {
        return Named::Unknown;
    };
    let extension = extension.to_string_lossy().to_lowercase();
    match extension.as_str() {
        "txt" | "text" | "md" | "markdown" => Named::Known(Format::Text),
        "html" | "htm" | "xhtml" => Named::Known(Format::Html),
        "jsonl" | "ndjson" => Named::Known(Format::Jsonl),
        "json" => Named::Known(Format::Json),
        _ => Named::Unsupported(extension),
    }
}

/// The reader for decoded `text`, given what the name said (`None`: nothing useful).
pub(crate) fn sniff(text: &str, named: Option<Format>) -> Format {
    match named {
        Some(Format::Text) | None if looks_like_html(text) => Format::Html,
        Some(format) => format,
        None if looks_like_json(text) => Format::Json,
        None if looks_like_jsonl(text) => Format::Jsonl,
        None => Format::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_name() {
        let check =
            |name: &str, expected: Named| assert_eq!(by_name(Path::new(name)), expected, "{name}");
        check("a.txt", Named::Known(Format::Text));
        check("a.MD", Named::Known(Format::Text));
        check("dir/a.htm", Named::Known(Format::Html));
        check("a.ndjson", Named::Known(Format::Jsonl));
        check("a.json", Named::Known(Format::Json));
        check("README", Named::Unknown);
        check("a.pdf", Named::Unsupported("pdf".into()));
    }

    #[test]
    fn formats_by_content() {
        let check = |text: &str, named: Option<Format>, expected: Format| {
            assert_eq!(sniff(text, named), expected, "{text:?}");
        };
        check("<!doctype html><p>x</p>", Some(Format::Text), Format::Html);
        check("<!doctype html><p>x</p>", None, Format::Html);
        check("{\"text\": \"a\"}", None, Format::Json);
        check("{\"text\": \"a\"}\n{\"text\": \"b\"}", None, Format::Jsonl);
        check("Plain words.", None, Format::Text);
        check("{not json", None, Format::Text);
        check("{\"text\": \"a\"}", Some(Format::Text), Format::Text);
    }
}
