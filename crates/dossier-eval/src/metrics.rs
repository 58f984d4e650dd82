//! Precision, recall and F1 of mention matching, and B³ for coreference.

use std::collections::BTreeMap;
use std::fmt;

use dossier_core::Span;

/// Counts behind a precision/recall/F1 triple. Precision and recall keep their own hit counts
/// so that relaxed (overlap) matching, which is not one-to-one, stays honest on both sides.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// System items that match a gold item.
    pub precision_hits: f64,
    pub system: f64,
    /// Gold items that a system item matches.
    pub recall_hits: f64,
    pub gold: f64,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.precision_hits, self.system)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.recall_hits, self.gold)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn add(&mut self, other: Score) {
        self.precision_hits += other.precision_hits;
        self.system += other.system;
        self.recall_hits += other.recall_hits;
        self.gold += other.gold;
    }
}

impl fmt::Display for Score {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.3}  R {:.3}  F1 {:.3}  (gold {}, system {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.gold,
            self.system
        )
    }
}

fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        numerator / denominator
    }
}

/// Scores `system` items against `gold` items, `same(gold, system)` saying when they match.
pub fn score_matches<T>(gold: &[T], system: &[T], same: impl Fn(&T, &T) -> bool) -> Score {
    Score {
        precision_hits: system
            .iter()
            .filter(|s| gold.iter().any(|g| same(g, s)))
            .count() as f64,
        system: system.len() as f64,
        recall_hits: gold
            .iter()
            .filter(|g| system.iter().any(|s| same(g, s)))
            .count() as f64,
        gold: gold.len() as f64,
    }
}

/// How two spans must relate to count as the same mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    /// Same start and end.
    Strict,
    /// At least one shared byte.
    Relaxed,
}

impl Matching {
    pub fn matches(self, a: Span, b: Span) -> bool {
        match self {
            Matching::Strict => a == b,
            Matching::Relaxed => a.overlaps(b),
        }
    }
}

/// Scores system spans against gold spans.
pub fn span_score(gold: &[Span], system: &[Span], matching: Matching) -> Score {
    score_matches(gold, system, |g, s| matching.matches(*g, *s))
}

/// B³ over a set of mentions, each with its gold cluster and its system cluster (`None` when
/// the system did not find the mention: it then counts as a singleton of its own).
///
/// Returns a [`Score`] whose precision and recall are the B³ averages (hits are sums of
/// per-mention values; gold and system are the mention count).
pub fn b_cubed<M: Ord + Clone>(mentions: &[(M, String, Option<String>)]) -> Score {
    let mut gold_clusters: BTreeMap<&str, Vec<&M>> = BTreeMap::new();
    let mut system_clusters: BTreeMap<&str, Vec<&M>> = BTreeMap::new();
    for (mention, gold, system) in mentions {
        gold_clusters.entry(gold).or_default().push(mention);
        if let Some(system) = system {
            system_clusters.entry(system).or_default().push(mention);
        }
    }
    let mut score = Score {
        gold: mentions.len() as f64,
        system: mentions.len() as f64,
        ..Score::default()
    };
    for (mention, gold, system) in mentions {
        let gold_cluster = &gold_clusters[gold.as_str()];
        let system_cluster: Vec<&M> = match system {
            Some(system) => system_clusters[system.as_str()].clone(),
            None => vec![mention],
        };
        let shared = system_cluster
            .iter()
            .filter(|m| gold_cluster.contains(m))
            .count() as f64;
        score.precision_hits += shared / system_cluster.len() as f64;
        score.recall_hits += shared / gold_cluster.len() as f64;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_scores_strict_and_relaxed() {
        let gold = [Span::new(0, 5), Span::new(10, 20)];
        let system = [Span::new(0, 5), Span::new(12, 15), Span::new(30, 31)];
        let strict = span_score(&gold, &system, Matching::Strict);
        assert_eq!((strict.precision_hits, strict.recall_hits), (1.0, 1.0));
        let relaxed = span_score(&gold, &system, Matching::Relaxed);
        assert_eq!((relaxed.precision_hits, relaxed.recall_hits), (2.0, 2.0));
        assert!((relaxed.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(relaxed.recall(), 1.0);
    }

    #[test]
    fn b_cubed_of_a_perfect_and_a_merged_clustering() {
        let mention = |id: u32, gold: &str, system: Option<&str>| {
            (id, gold.to_string(), system.map(str::to_string))
        };
        let perfect = [
            mention(1, "a", Some("x")),
            mention(2, "a", Some("x")),
            mention(3, "b", Some("y")),
        ];
        let score = b_cubed(&perfect);
        assert_eq!((score.precision(), score.recall()), (1.0, 1.0));
        let merged = [
            mention(1, "a", Some("x")),
            mention(2, "a", Some("x")),
            mention(3, "b", Some("x")),
        ];
        let score = b_cubed(&merged);
        assert_eq!(score.recall(), 1.0);
        assert!((score.precision() - (2.0 / 3.0 + 2.0 / 3.0 + 1.0 / 3.0) / 3.0).abs() < 1e-9);
        let missed = [mention(1, "a", None), mention(2, "a", Some("x"))];
        assert_eq!(b_cubed(&missed).recall(), 0.5);
    }
}
