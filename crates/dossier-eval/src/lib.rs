//! Measures dossier's stages against annotated news corpora in CAT XML (MEANTIME, ECB+).
//!
//! Each sub-folder of the given folder is one topic, analyzed as one dossier (the per-document
//! stages, then the corpus stages over the topic), and compared with the gold annotation: time
//! expressions (extent strict and relaxed, TIMEX3 value), entity name mentions and their
//! cross-document coreference, event mentions and their cross-document coreference. The
//! document creation time is given to the pipeline as the publication date and is not scored.

mod cat_xml;
mod metrics;
mod reuse;
mod scoring;

pub use cat_xml::{read_cat_file, CatDocument, CatError, Markable};
pub use metrics::{b_cubed, span_score, Matching, Score};
pub use reuse::{
    evaluate_reuse, generate_reuse_corpus, read_base_texts, score_reuse, BaseText, KindCounts,
    Planted, ReuseCorpus, ReuseEvaluation,
};
pub use scoring::{evaluate_cat_corpus, CatEvaluation, MissedName, MistypedName};
