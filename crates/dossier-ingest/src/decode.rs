//! Bytes → text: byte-order marks, binary sniffing, UTF-8, and legacy encodings.
//!
//! The order of the checks is the design: a byte-order mark is trusted first (UTF-16 is full of
//! NUL bytes, so it must be recognised before the binary test); then bytes that are clearly not
//! text are refused, naming the format when a magic number tells it; then UTF-8 is tried, also
//! "mostly UTF-8" with a few broken sequences; only then an encoding declared by the file (HTML
//! `charset`) or guessed by chardetng decodes it. Every decoding other than clean UTF-8 leaves a
//! warning, and a result full of replacement characters is refused rather than passed on as
//! garbage.

use dossier_core::Diagnostic;
use encoding_rs::{Encoding, UTF_8};

use crate::problem::Problem;

/// Text decoded from a file's bytes, with notes about how.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// How many leading bytes the binary test looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// Magic numbers of binary formats people put into news folders by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"RIFF", "RIFF media file"),
    (b"PK\x03\x04", "ZIP archive, e.g. DOCX or EPUB"),
    (b"\x1F\x8B", "gzip archive"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"\xD0\xCF\x11\xE0", "old Microsoft Office document"),
    (b"\x7FELF", "executable"),
];

/// Decodes `bytes`; `declared` is an encoding the file names for itself (HTML `charset`).
pub(crate) fn decode(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded, Problem> {
    if bytes.is_empty() {
        return Err(Problem::Empty);
    }
    let mut diagnostics = Vec::new();
    let text = if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if encoding != UTF_8 {
            diagnostics.push(Diagnostic::warning(format!(
                "decoded as {} (byte-order mark)",
                encoding.name()
            )));
        }
        if had_errors {
            diagnostics.push(Diagnostic::warning(format!(
                "invalid {} sequences replaced",
                encoding.name()
            )));
        }
        text.into_owned()
    } else {
        check_not_binary(bytes)?;
        decode_without_bom(bytes, declared, &mut diagnostics)
    };
    check_decoded(&text)?;
    Ok(Decoded { text, diagnostics })
}

/// Refuses bytes that are not text: a known magic number, a NUL byte, or many control bytes.
pub(crate) fn check_not_binary(bytes: &[u8]) -> Result<(), Problem> {
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Problem::Binary(Some(kind)));
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(Problem::Binary(None));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    if controls * 20 > head.len() {
        return Err(Problem::Binary(None));
    }
    Ok(())
}

fn decode_without_bom(
    bytes: &[u8],
    declared: Option<&'static Encoding>,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    if let Some(broken) = mostly_utf8(bytes) {
        diagnostics.push(Diagnostic::warning(format!(
            "{broken} invalid UTF-8 sequence(s) replaced with U+FFFD"
        )));
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let (encoding, how) = match declared.filter(|e| *e != UTF_8) {
        Some(encoding) => (encoding, "declared by the file"),
        None => {
            let mut detector = chardetng::EncodingDetector::new();
            detector.feed(bytes, true);
            (detector.guess(None, true), "guessed")
        }
    };
    diagnostics.push(Diagnostic::warning(format!(
        "decoded as {} ({how})",
        encoding.name()
    )));
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        diagnostics.push(Diagnostic::warning(format!(
            "invalid {} sequences replaced",
            encoding.name()
        )));
    }
    text.into_owned()
}

/// The number of broken sequences when `bytes` is UTF-8 with a few of them, many fewer than
/// its valid non-ASCII characters; `None` when it looks like another encoding.
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let mut valid_non_ascii = 0;
    let mut broken = 0;
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    (broken * 10 <= valid_non_ascii).then_some(broken)
}

/// Refuses decoded text that is blank, or mostly replacement or control characters.
fn check_decoded(text: &str) -> Result<(), Problem> {
    let mut visible = 0usize;
    let mut replaced = 0usize;
    let mut controls = 0usize;
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        match c {
            '\u{FFFD}' => replaced += 1,
            c if c.is_control() => controls += 1,
            _ => {}
        }
    }
    if visible == 0 || text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        return Err(Problem::Empty);
    }
    if replaced * 20 > visible {
        return Err(Problem::Undecodable(format!(
            "{replaced} of {visible} characters could not be decoded (U+FFFD)"
        )));
    }
    if controls * 10 > visible {
        return Err(Problem::Binary(None));
    }
    Ok(())
}

/// The encoding an HTML document declares in its first kilobytes (`<meta charset=...>`).
pub(crate) fn html_declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(bytes: &[u8]) -> String {
        decode(bytes, None)
            .map(|d| format!("ok: {}", d.text))
            .unwrap_or_else(|p| p.to_string())
    }

    #[test]
    fn refuses_what_is_not_text() {
        let check = |bytes: &[u8], expected: &str| assert_eq!(reason(bytes), expected);
        check(b"", "empty file");
        check(b"  \n\t \r\n ", "empty file");
        check(b"%PDF-1.7\n...", "binary file (PDF document)");
        check(b"abc\0def", "binary file");
        check(b"\x01\x02\x03\x04\x05abc", "binary file");
        check(
            "\u{FFFD}\u{FFFD}\u{FFFD} ok".as_bytes(),
            "undecodable bytes: 3 of 5 characters could not be decoded (U+FFFD)",
        );
    }

    #[test]
    fn decodes_text_in_its_encoding() {
        let check = |bytes: &[u8], expected: &str| assert_eq!(reason(bytes), expected);
        check("plain ascii".as_bytes(), "ok: plain ascii");
        check("\u{FEFF}caffè".as_bytes(), "ok: caffè");
        check(b"\xFF\xFEh\0i\0", "ok: hi");
        check(b"\xFE\xFF\0h\0i", "ok: hi");
        // One broken byte among many valid accented characters stays UTF-8.
        let mut bytes = "àéîõü ".repeat(6).into_bytes();
        bytes.push(0xFF);
        check(&bytes, &format!("ok: {}\u{FFFD}", "àéîõü ".repeat(6)));
    }

    #[test]
    fn warns_when_not_utf8() {
        let bytes =
            b"Le caf\xe9 de la r\xe9publique \x93ouvert\x94 \xe0 tous, m\xeame l'\xe9t\xe9.";
        let decoded = decode(bytes, None).unwrap();
        assert_eq!(
            decoded.text,
            "Le café de la république “ouvert” à tous, même l'été."
        );
        assert!(decoded.diagnostics[0]
            .message
            .starts_with("decoded as windows-1252"));
    }

    #[test]
    fn reads_html_charset_declarations() {
        let check = |html: &str, expected: Option<&str>| {
            let found = html_declared_encoding(html.as_bytes()).map(|e| e.name());
            assert_eq!(found, expected, "html {html:?}");
        };
        check(r#"<meta charset="ISO-8859-1">"#, Some("windows-1252"));
        check(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">"#,
            Some("KOI8-R"),
        );
        check("<p>no declaration</p>", None);
    }
}
