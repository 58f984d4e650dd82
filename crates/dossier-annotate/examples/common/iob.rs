//! Reading IOB-tagged NER files, shared by the `eval_iob` and `train_ner` examples.
//!
//! Reads Wikigold-style files (`token TAG` a line, `-DOCSTART-` between documents) and UNER
//! `.iob2` files (tab-separated CoNLL-U-like columns, `# newdoc` between documents). Each
//! document's text is rebuilt by joining tokens with spaces and sentences with blank lines;
//! gold names become byte spans labelled PER, ORG, LOC or MISC (other labels are dropped).
//!
//! A path may end in `@N`: [`read_path`] then splits its documents into every N-th one (index
//! divisible by N, the held-out part) and the rest.

// Each example uses only one of the parts.
#![allow(dead_code)]

/// One gold or predicted name: byte range and label.
pub type Labeled = (usize, usize, &'static str);

#[derive(Default)]
pub struct Doc {
    pub text: String,
    pub gold: Vec<Labeled>,
    open: Option<(usize, usize, &'static str)>,
}

impl Doc {
    fn push_token(&mut self, token: &str, tag: &str) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(token);
        let end = self.text.len();
        let (prefix, label) = tag.split_once('-').unwrap_or(("O", ""));
        let label = match label {
            "PER" => Some("PER"),
            "ORG" => Some("ORG"),
            "LOC" => Some("LOC"),
            "MISC" => Some("MISC"),
            _ => None,
        };
        match (label, self.open.as_mut()) {
            (Some(l), Some(open)) if open.2 == l && prefix == "I" => open.1 = end,
            (Some(l), _) => {
                self.close();
                self.open = Some((start, end, l));
            }
            (None, _) => self.close(),
        }
    }

    fn end_sentence(&mut self) {
        self.close();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
    }

    fn close(&mut self) {
        if let Some(open) = self.open.take() {
            self.gold.push(open);
        }
    }
}

pub fn read_docs(content: &str) -> Vec<Doc> {
    let mut docs = vec![Doc::default()];
    for line in content.lines() {
        let line = line.trim_end();
        let new_doc = line.starts_with("-DOCSTART-") || line.starts_with("# newdoc");
        if new_doc {
            docs.last_mut().map(Doc::end_sentence);
            docs.push(Doc::default());
            continue;
        }
        if line.starts_with('#') && line.contains(" = ") {
            continue;
        }
        if line.is_empty() {
            docs.last_mut().map(Doc::end_sentence);
            continue;
        }
        let columns: Vec<&str> = if line.contains('\t') {
            line.split('\t').collect()
        } else {
            line.split(' ').collect()
        };
        let (token, tag) = match columns.as_slice() {
            [_, token, tag, ..] if line.contains('\t') => (*token, *tag),
            [token, tag] => (*token, *tag),
            _ => continue,
        };
        if let Some(doc) = docs.last_mut() {
            doc.push_token(token, tag);
        }
    }
    docs.last_mut().map(Doc::end_sentence);
    docs.retain(|d| !d.text.is_empty());
    docs
}

/// Which documents of a `PATH@N` file to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Every N-th document (the held-out part).
    HeldOut,
    /// All the others (the training part).
    Rest,
}

/// Reads `path`, or the chosen part of it when it is written `PATH@N`.
pub fn read_path(arg: &str, part: Part) -> Vec<Doc> {
    let (path, every) = match arg.rsplit_once('@') {
        Some((path, n)) => (path, n.parse::<usize>().ok().filter(|&n| n > 0)),
        None => (arg, None),
    };
    let content = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs = read_docs(&content);
    let Some(every) = every else {
        return docs;
    };
    docs.into_iter()
        .enumerate()
        .filter(|(i, _)| (i % every == 0) == (part == Part::HeldOut))
        .map(|(_, doc)| doc)
        .collect()
}
