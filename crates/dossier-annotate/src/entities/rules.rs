//! The rule-based finder's view of a document, kept per token for the statistical tagger.
//!
//! The rules run first ([`super::runs`] and [`super::typing`]); their candidates are both a
//! fallback (when no model is loaded) and evidence: each token gets a small code for the run
//! unit it belongs to (gazetteer entry of some type, title, connector, plain word) and for the
//! candidate covering it (type, evidence, first or later token), which the tagger reads as
//! features.

use dossier_core::EntityKind;

use super::runs::{self, Unit, UnitKind};
use super::{typing, Candidate, Context, Evidence};
use crate::lexicon::LEXICON;
use crate::tagger::features::kind_code;

/// The rules' candidates and per-token codes of one document.
#[derive(Debug)]
pub(crate) struct RuleView {
    pub candidates: Vec<Candidate>,
    /// Per token: 0 outside every run, else the code of its unit (see [`unit_code`]).
    pub unit: Vec<u8>,
    /// Per token: 0 outside every candidate, else the code of its candidate (see
    /// [`candidate_code`]).
    pub candidate: Vec<u8>,
}

impl RuleView {
    pub fn new(ctx: &Context) -> Self {
        let mut runs = Vec::new();
        for range in &ctx.sentences {
            runs::sentence_runs(ctx, range.start, range.end, &mut runs);
        }
        let mut candidates = Vec::new();
        for run in &runs {
            typing::type_run(ctx, run, &mut candidates);
        }
        let mut unit = vec![0; ctx.tokens.len()];
        for run_unit in runs.iter().flatten() {
            for (i, code) in unit
                .iter_mut()
                .enumerate()
                .take(run_unit.end)
                .skip(run_unit.start)
            {
                *code = unit_code(*run_unit, i);
            }
        }
        let mut candidate = vec![0; ctx.tokens.len()];
        for c in &candidates {
            for (i, code) in candidate.iter_mut().enumerate().take(c.end).skip(c.start) {
                *code = candidate_code(c, i);
            }
        }
        RuleView {
            candidates,
            unit,
            candidate,
        }
    }

    /// True when a rule candidate with at least `evidence` covers token `i`.
    pub fn has_evidence_at(&self, i: usize, evidence: Evidence) -> bool {
        let code = self.candidate[i] & 63;
        code != 0 && (code - 1) % 8 >= evidence as u8
    }

    /// True when some token of `[start, end)` belongs to a gazetteer name.
    pub fn has_known_name(&self, start: usize, end: usize) -> bool {
        self.unit[start..end].iter().any(|&code| code >= 8)
    }

    /// True when token `i` belongs to a title ("Foreign Minister").
    pub fn is_title(&self, i: usize) -> bool {
        matches!(self.unit[i], 3 | 4)
    }

    /// True when token `i` continues a title begun before it ("Minister" of "Prime Minister").
    pub fn continues_title(&self, i: usize) -> bool {
        self.unit.get(i) == Some(&4)
    }

    /// True when the name ending before token `end` ends in a place word: a gazetteer LOC
    /// ("Middle East") or a place head word ("Airport", "River").
    pub fn ends_in_place(&self, ctx: &Context, end: usize) -> bool {
        let last = end - 1;
        self.unit[last] == 16 + kind_code(EntityKind::Loc) as u8
            || self.unit[last] == 8 + kind_code(EntityKind::Loc) as u8
            || LEXICON.heads.get(ctx.word(last)) == Some(&EntityKind::Loc)
    }
}

/// 1 plain word, 2 connector, 3/4 first/later token of a title, 8+k/16+k first/later token
/// of a gazetteer name of kind code k.
fn unit_code(unit: Unit, i: usize) -> u8 {
    let first = i == unit.start;
    match unit.kind {
        UnitKind::Plain => 1,
        UnitKind::Connector => 2,
        UnitKind::Title => 3 + u8::from(!first),
        UnitKind::Known(kind) => (if first { 8 } else { 16 }) + kind_code(kind) as u8,
    }
}

/// 1 + kind × 8 + evidence, plus 64 after the candidate's first token.
fn candidate_code(c: &Candidate, i: usize) -> u8 {
    1 + kind_code(c.kind) as u8 * 8 + c.evidence as u8 + if i == c.start { 0 } else { 64 }
}
