//! Byte offsets → Unicode code-point offsets, the unit of the `dossier.json` contract.
//!
//! A [`CharOffsets`] is built once per document and answers each conversion with a binary
//! search over the positions of the text's multi-byte characters only, so ASCII text costs
//! nothing and a text with `m` non-ASCII characters costs `O(log m)` per offset.

/// Converts byte offsets of one text into code-point offsets.
#[derive(Debug, Clone, Default)]
pub struct CharOffsets {
    /// For each multi-byte character, in text order: the byte offset just after it and the
    /// number of extra bytes (beyond one per character) up to and including it.
    ends: Vec<(usize, usize)>,
    len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let mut extra = 0;
        let ends = text
            .char_indices()
            .filter(|(_, c)| !c.is_ascii())
            .map(|(at, c)| {
                extra += c.len_utf8() - 1;
                (at + c.len_utf8(), extra)
            })
            .collect();
        CharOffsets {
            ends,
            len: text.len(),
        }
    }

    /// The code-point offset of byte offset `byte`. An offset past the end is clamped to the
    /// end; an offset inside a character (never produced by a correct stage) counts that
    /// character as not yet passed.
    pub fn char_offset(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let passed = self.ends.partition_point(|&(end, _)| end <= byte);
        let extra = if passed == 0 {
            0
        } else {
            self.ends[passed - 1].1
        };
        byte - extra - self.partial(passed, byte)
    }

    /// `[start, end)` in code points.
    pub fn span(&self, span: dossier_core::Span) -> [usize; 2] {
        [self.char_offset(span.start), self.char_offset(span.end)]
    }

    /// Bytes of a character that `byte` cuts through, so that they are not counted as
    /// characters.
    fn partial(&self, next: usize, byte: usize) -> usize {
        match self.ends.get(next) {
            Some(&(end, extra)) => {
                let previous = if next == 0 { 0 } else { self.ends[next - 1].1 };
                let width = extra - previous + 1;
                let start = end - width;
                byte.saturating_sub(start)
            }
            None => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary of `text` converts to the number of chars before it.
    fn check(text: &str) {
        let offsets = CharOffsets::new(text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.char_offset(byte), chars, "{text:?} at byte {byte}");
        }
        assert_eq!(
            offsets.char_offset(text.len()),
            text.chars().count(),
            "{text:?} at end"
        );
    }

    #[test]
    fn boundaries_convert_to_char_counts() {
        for text in [
            "",
            "plain ascii",
            "Milàn said “hello” — 2006",
            "€€€",
            "a😀b😀",
            "ж",
            "日本語 text",
        ] {
            check(text);
        }
    }

    #[test]
    fn odd_offsets_never_panic() {
        let offsets = CharOffsets::new("a€b");
        // Inside the euro sign (bytes 1..4): still at char 1.
        assert_eq!(offsets.char_offset(2), 1);
        assert_eq!(offsets.char_offset(3), 1);
        assert_eq!(offsets.char_offset(4), 2);
        assert_eq!(offsets.char_offset(99), 3);
    }
}
