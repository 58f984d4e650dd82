//! The trained weights: a compact binary file and the open-addressing table it loads into.
//!
//! File format (little-endian): the magic `DNER1`, the number of tags (one byte), the scale
//! (f32, weight = stored i16 × scale), the number of features (u32), then per feature its
//! 32-bit key and one i16 weight per tag, sorted by key; last, the number of vocabulary words
//! (u32) and their sorted 32-bit keys (common lower-case words, see `features::word_key`).
//! Loading is one pass that fills a power-of-two table probed linearly, at most two thirds
//! full. A slot holds the key beside its weights, so a lookup is a multiply-free mask and
//! usually one cache line (most lookups find their feature).

/// The tags, in model order: O, then B and I for PER, ORG, LOC and MISC.
pub(crate) const TAGS: usize = 9;

pub(crate) const O: u8 = 0;

/// The entity label of a tag (0 PER, 1 ORG, 2 LOC, 3 MISC), or None for O.
pub(crate) fn label_of(tag: u8) -> Option<u8> {
    (tag != O).then(|| (tag - 1) / 2)
}

/// True for a B- tag.
pub(crate) fn is_begin(tag: u8) -> bool {
    tag != O && (tag - 1).is_multiple_of(2)
}

/// The B- tag of a label.
pub(crate) fn begin(label: u8) -> u8 {
    1 + 2 * label
}

/// The I- tag of a label.
pub(crate) fn inside(label: u8) -> u8 {
    2 + 2 * label
}

/// True when `tag` may follow `prev` (an I- tag continues a name of its own label).
pub(crate) fn allowed(prev: u8, tag: u8) -> bool {
    tag == O || is_begin(tag) || label_of(prev) == label_of(tag)
}

const MAGIC: &[u8; 5] = b"DNER1";

/// One slot of the weight table: a feature's key (0 when empty) and its weight per tag.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    key: u32,
    weights: [i16; TAGS],
}

/// Loaded weights.
#[derive(Debug)]
pub(crate) struct Model {
    slots: Vec<Slot>,
    mask: usize,
    vocabulary: Vec<u32>,
    /// What one unit of a summed score is worth in perceptron weight.
    scale: f32,
}

impl Model {
    /// Parses a model file; None when it is empty or malformed.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&tags, rest) = rest.split_first()?;
        if usize::from(tags) != TAGS || rest.len() < 8 {
            return None;
        }
        let (scale, rest) = rest.split_at(4);
        let scale = f32::from_le_bytes(scale.try_into().ok()?);
        let (count, rest) = rest.split_at(4);
        let count = u32::from_le_bytes(count.try_into().ok()?) as usize;
        let entry = 4 + 2 * TAGS;
        let (entries, rest) = rest.split_at_checked(count * entry)?;
        let (words, rest) = rest.split_at_checked(4)?;
        let words = u32::from_le_bytes(words.try_into().ok()?) as usize;
        if rest.len() != words * 4 {
            return None;
        }
        let vocabulary: Vec<u32> = rest
            .chunks_exact(4)
            .filter_map(|chunk| Some(u32::from_le_bytes(chunk.try_into().ok()?)))
            .collect();
        if !vocabulary.is_sorted() {
            return None;
        }
        let capacity = (count + count / 2).next_power_of_two().max(16);
        let mut model = Model {
            slots: vec![Slot::default(); capacity],
            mask: capacity - 1,
            vocabulary,
            scale,
        };
        for chunk in entries.chunks_exact(entry) {
            let key = u32::from_le_bytes(chunk[..4].try_into().ok()?);
            let mut weights = [0i16; TAGS];
            for (t, weight) in weights.iter_mut().enumerate() {
                *weight = i16::from_le_bytes([chunk[4 + 2 * t], chunk[5 + 2 * t]]);
            }
            model.insert(key, weights);
        }
        Some(model)
    }

    fn insert(&mut self, key: u32, weights: [i16; TAGS]) {
        let mut slot = key as usize & self.mask;
        while self.slots[slot].key != 0 && self.slots[slot].key != key {
            slot = (slot + 1) & self.mask;
        }
        self.slots[slot] = Slot { key, weights };
    }

    /// What one unit of a [`Model::score`] sum is worth in the trained weights' units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// The sorted keys of common lower-case words.
    pub fn vocabulary(&self) -> &[u32] {
        &self.vocabulary
    }

    /// Adds the weights of `features` to `scores`.
    pub fn score(&self, features: &[u32], scores: &mut [i32; TAGS]) {
        for &key in features {
            let mut slot = key as usize & self.mask;
            loop {
                let found = &self.slots[slot];
                if found.key == key {
                    for (score, &w) in scores.iter_mut().zip(&found.weights) {
                        *score += i32::from(w);
                    }
                    break;
                }
                if found.key == 0 {
                    break;
                }
                slot = (slot + 1) & self.mask;
            }
        }
    }
}

/// Serializes averaged float weights, dropping features whose largest weight is below
/// `min_weight` and quantizing the rest to i16, and the sorted `vocabulary`.
pub(crate) fn to_bytes(
    weights: &[(u32, [f32; TAGS])],
    min_weight: f32,
    vocabulary: &[u32],
) -> Vec<u8> {
    let kept: Vec<&(u32, [f32; TAGS])> = weights
        .iter()
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= min_weight))
        .collect();
    let largest = kept
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(0f32, |m, x| m.max(x.abs()));
    let scale = if largest > 0.0 {
        largest / 32000.0
    } else {
        1.0
    };
    let mut bytes = Vec::with_capacity(14 + kept.len() * (4 + 2 * TAGS));
    bytes.extend_from_slice(MAGIC);
    bytes.push(TAGS as u8);
    bytes.extend_from_slice(&scale.to_le_bytes());
    bytes.extend_from_slice(&(kept.len() as u32).to_le_bytes());
    for (key, w) in kept {
        bytes.extend_from_slice(&key.to_le_bytes());
        for x in w {
            bytes.extend_from_slice(&((x / scale).round() as i16).to_le_bytes());
        }
    }
    bytes.extend_from_slice(&(vocabulary.len() as u32).to_le_bytes());
    for key in vocabulary {
        bytes.extend_from_slice(&key.to_le_bytes());
    }
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_prunes() {
        let weights = vec![
            (7, [1.0, -2.0, 0.0, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0]),
            (9, [0.01, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
            (15, [0.0, 0.0, 4.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
        ];
        let model = Model::from_bytes(&to_bytes(&weights, 0.1, &[3, 5])).unwrap();
        assert_eq!(model.vocabulary(), [3, 5]);
        let mut scores = [0; TAGS];
        model.score(&[7, 9, 15, 23], &mut scores);
        assert!(scores[2] > 0 && scores[1] < 0 && scores[0] > 0);
        assert_eq!(scores[2], 32000);
        assert_eq!(scores[3], 0);
    }

    #[test]
    fn rejects_malformed_files() {
        assert!(Model::from_bytes(b"").is_none());
        assert!(Model::from_bytes(b"DNER1\x09\0\0\0\0\x01\0\0\0").is_none());
    }

    #[test]
    fn tags_and_transitions() {
        assert_eq!(label_of(begin(2)), Some(2));
        assert!(allowed(begin(1), inside(1)));
        assert!(!allowed(O, inside(0)));
        assert!(!allowed(inside(0), inside(1)));
    }
}
