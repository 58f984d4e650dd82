//! Why an input could not become a document.
//!
//! Ingest never fails as a whole: every problem with one file or one JSONL line becomes a
//! [`Problem`], and its `Display` text is the reason the user reads ("skipped PATH: REASON").
//! So each message names the problem in words a person can act on, with the numbers involved.

/// One reason to skip an input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum Problem {
    /// The operating system's reason (missing file, permission denied, …).
    #[error("cannot read: {0}")]
    Io(String),
    #[error("not a regular file or folder")]
    NotAFile,
    #[error("named more than once; read only the first time")]
    NamedTwice,
    #[error("file is {size} bytes, over the limit of {limit} bytes (--max-file-size)")]
    TooLarge { size: u64, limit: u64 },
    #[error("line is {size} bytes, over the limit of {limit} bytes (--max-file-size)")]
    LineTooLarge { size: u64, limit: u64 },
    #[error("unsupported file type .{0}")]
    Unsupported(String),
    #[error("empty file")]
    Empty,
    /// Optionally with what the bytes look like (`PDF document`).
    #[error("binary file{}", .0.map(|kind| format!(" ({kind})")).unwrap_or_default())]
    Binary(Option<&'static str>),
    #[error("undecodable bytes: {0}")]
    Undecodable(String),
    #[error("no article text found in HTML")]
    NoHtmlText,
    #[error("no article text left after removing the header lines (title, byline, date, URL)")]
    OnlyHeader,
    #[error("invalid JSON: {0}")]
    InvalidJson(String),
    #[error("JSON value is not an object (an article must be a JSON object)")]
    NotAnObject,
    #[error("no text field (expected one of: {})", crate::jsonl::TEXT_FIELDS.join(", "))]
    NoTextField,
    #[error("field \"{0}\" is not a string")]
    NotAString(&'static str),
    #[error("empty text in field \"{0}\"")]
    EmptyText(&'static str),
    #[error("JSON must be UTF-8, but the file starts with a {0} byte-order mark")]
    JsonNotUtf8(&'static str),
}

impl From<std::io::Error> for Problem {
    fn from(error: std::io::Error) -> Self {
        Problem::Io(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_problem() {
        let check = |problem: Problem, expected: &str| assert_eq!(problem.to_string(), expected);
        check(
            Problem::TooLarge {
                size: 30,
                limit: 10,
            },
            "file is 30 bytes, over the limit of 10 bytes (--max-file-size)",
        );
        check(Problem::Binary(None), "binary file");
        check(
            Problem::Binary(Some("PDF document")),
            "binary file (PDF document)",
        );
        check(
            Problem::Unsupported("png".into()),
            "unsupported file type .png",
        );
        check(Problem::EmptyText("text"), "empty text in field \"text\"");
    }
}
