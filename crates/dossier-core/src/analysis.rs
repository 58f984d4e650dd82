//! Per-document analysis: what `dossier-annotate` and `dossier-extract` add to a document.
//!
//! Everything here is keyed by [`Span`]s into the document text and computed from one document
//! alone, so it can be stored once and reused when more documents join the dossier.

use crate::{Diagnostic, Document, Span};

/// The linguistic layer over one document's text (`dossier-annotate`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Annotations {
    /// Sentence spans in text order, non-overlapping. Trimmed of surrounding whitespace.
    pub sentences: Vec<Span>,
    /// Named-entity mentions in text order.
    pub mentions: Vec<Mention>,
    /// Time expressions in text order.
    pub times: Vec<TimeExpr>,
    /// Quotations in text order.
    pub quotes: Vec<Quote>,
}

impl Annotations {
    /// Index of the sentence that contains byte offset `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.end <= offset);
        (index < self.sentences.len() && self.sentences[index].start <= offset).then_some(index)
    }
}

/// The coarse type of a named entity (CoNLL/OntoNotes-style).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Person,
    Org,
    /// Geo-political entity: countries, cities, states.
    Gpe,
    /// Other locations: regions, bodies of water, mountains.
    Loc,
    /// Nationalities, religious and political groups ("Russian", "Palestinians").
    Norp,
    Misc,
}

impl EntityKind {
    /// The label used in `dossier.json` and the report.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PERSON",
            EntityKind::Org => "ORG",
            EntityKind::Gpe => "GPE",
            EntityKind::Loc => "LOC",
            EntityKind::Norp => "NORP",
            EntityKind::Misc => "MISC",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "PERSON" => EntityKind::Person,
            "ORG" => EntityKind::Org,
            "GPE" => EntityKind::Gpe,
            "LOC" => EntityKind::Loc,
            "NORP" => EntityKind::Norp,
            "MISC" => EntityKind::Misc,
            _ => return None,
        })
    }
}

/// One occurrence of a name in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub kind: EntityKind,
    /// The fullest form of this name within the document: "Putin" after "Vladimir Putin" has
    /// the canonical form "Vladimir Putin". Equal to the surface text when nothing longer is known.
    pub canonical: String,
}

/// The TIMEX3 type of a time expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimeKind {
    pub fn label(self) -> &'static str {
        match self {
            TimeKind::Date => "DATE",
            TimeKind::Time => "TIME",
            TimeKind::Duration => "DURATION",
            TimeKind::Set => "SET",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "DATE" => TimeKind::Date,
            "TIME" => TimeKind::Time,
            "DURATION" => TimeKind::Duration,
            "SET" => TimeKind::Set,
            _ => return None,
        })
    }
}

/// What a time expression's value was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// Fully specified by its own words ("March 23, 2004", "in 2010").
    Absolute,
    /// Relative to the document's publication date ("on Saturday", "last week").
    Document,
    /// Relative to the last time the narrative established ("that year", "a year later").
    Narrative,
}

impl Anchor {
    pub fn label(self) -> &'static str {
        match self {
            Anchor::Absolute => "absolute",
            Anchor::Document => "document",
            Anchor::Narrative => "narrative",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "absolute" => Anchor::Absolute,
            "document" => Anchor::Document,
            "narrative" => Anchor::Narrative,
            _ => return None,
        })
    }
}

/// A time expression with its normalized TIMEX3 value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Span,
    pub kind: TimeKind,
    /// TIMEX3 value: `2006-03`, `2006-01-31`, `2007`, `P1Y`, `PRESENT_REF`, `XXXX-03`, …
    /// Unknown parts are `X`s: an expression whose anchor is missing stays underspecified
    /// rather than guessed.
    pub value: String,
    pub anchor: Anchor,
    /// For anchored values: the span of the expression (or text) it was derived from,
    /// when that is another expression in this document.
    pub anchored_to: Option<Span>,
}

/// A quotation and, when it can be told, who is quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    /// Who is quoted, by canonical name(s): "Sergei Lavrov", or "A and B" for several.
    pub speaker: Option<String>,
    /// The speaker as written in the text ("Czerny and Storyev").
    pub speaker_span: Option<Span>,
}

/// The role a participant plays in a claimed event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Who acts: the one who meets, visits, condemns, supplies.
    Agent,
    /// Who undergoes or is acted upon: the one visited, condemned, attacked.
    Patient,
    /// Who receives: the one thanked, supplied, congratulated.
    Recipient,
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Patient => "patient",
            Role::Recipient => "recipient",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "agent" => Role::Agent,
            "patient" => Role::Patient,
            "recipient" => Role::Recipient,
            _ => return None,
        })
    }
}

/// How a claim is asserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Modality {
    /// Stated as fact by the outlet.
    Asserted,
    /// Attributed to someone ("X said", "according to X").
    Reported,
    /// Stated as an allegation ("allegedly", "allegations that").
    Alleged,
    /// Denied ("denied", "did not").
    Denied,
    /// Hedged ("may", "reportedly", "remain unproven").
    Uncertain,
}

impl Modality {
    pub fn label(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Alleged => "alleged",
            Modality::Denied => "denied",
            Modality::Uncertain => "uncertain",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "asserted" => Modality::Asserted,
            "reported" => Modality::Reported,
            "alleged" => Modality::Alleged,
            "denied" => Modality::Denied,
            "uncertain" => Modality::Uncertain,
            _ => return None,
        })
    }
}

/// A participant of a claim: one entity mention with its role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// The mention's span (it is one of the document's [`Mention`]s).
    pub mention: Span,
    pub role: Role,
}

/// The time a claim is placed at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimTime {
    /// The time expression's span: inside the claim's sentence, or earlier in the document when
    /// the claim inherits the narrative time.
    pub span: Span,
    /// TIMEX3 value, as in [`TimeExpr::value`].
    pub value: String,
    /// How the value was obtained. A claim that inherits the time of an earlier sentence is
    /// `Narrative` even if that expression was absolute.
    pub anchor: Anchor,
}

/// One asserted fact in one sentence (`dossier-extract`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Index into [`Annotations::sentences`].
    pub sentence: usize,
    /// Event type from the trigger lexicon (`meet`, `visit`, `condemn`, …).
    pub event_type: String,
    /// The trigger word(s) in the text.
    pub trigger: Span,
    pub participants: Vec<Participant>,
    pub time: Option<ClaimTime>,
    /// A mention of the place where it happened.
    pub place: Option<Span>,
    /// Who asserts it: `None` for the outlet itself, else the speaker's name as written.
    pub speaker: Option<String>,
    pub modality: Modality,
}

/// How a count is bounded: "16 people" is exact, "at least 1,033 people" a lower bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CountBound {
    Exact,
    /// "at least", "more than", "over".
    AtLeast,
    /// "at most", "up to", "fewer than".
    AtMost,
    /// "about", "some", "nearly", "around".
    About,
}

impl CountBound {
    pub fn label(self) -> &'static str {
        match self {
            CountBound::Exact => "exact",
            CountBound::AtLeast => "at_least",
            CountBound::AtMost => "at_most",
            CountBound::About => "about",
        }
    }

    pub fn from_label(label: &str) -> Option<Self> {
        Some(match label {
            "exact" => CountBound::Exact,
            "at_least" => CountBound::AtLeast,
            "at_most" => CountBound::AtMost,
            "about" => CountBound::About,
            _ => return None,
        })
    }
}

/// A number of people (or things) something happened to: "at least 1,033 civilians were
/// killed", "the killing of 16 Russian nationals".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub value: u64,
    pub bound: CountBound,
    /// The counted noun phrase as written, lower-cased ("russian nationals", "civilians").
    pub what: String,
    /// What happened to them, as an event type of the trigger lexicon (`kill`, `take_hostage`).
    pub event_type: String,
}

/// What an attribute claim states about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AttributeValue {
    /// The holder is `relation` ("nephew", "grandson") of `relative` (a mention).
    Kinship { relation: String, relative: Span },
    /// The holder holds a position: `role` as written, lower-cased ("deputy head"), of the
    /// organisation `of` when it is named.
    Role { role: String, of: Option<Span> },
    /// A count of those something happened to; such a claim has no holder.
    Count(Count),
}

impl AttributeValue {
    /// `kinship`, `role` or `count`: the kind label used in `dossier.json` and the store.
    pub fn kind_label(&self) -> &'static str {
        match self {
            AttributeValue::Kinship { .. } => "kinship",
            AttributeValue::Role { .. } => "role",
            AttributeValue::Count(_) => "count",
        }
    }
}

/// A position in an organisation, standing for the unnamed person who holds it ("the director"
/// of the centre named in the previous sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The position's class from `resources/extract/positions.tsv` (`head` for "director",
    /// "headed by", "chief"), so that differently worded descriptions meet.
    pub role: String,
    /// The organisation's name in the text: a mention's span, or a name the tagger missed
    /// (such as a quoted name), possibly in an earlier sentence.
    pub of: Span,
}

/// A fact stated about an entity rather than a happening (`dossier-extract`): kinship, roles
/// and counts, so that "nephew" and "grandson", or "16" and "17", can meet in fusion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeClaim {
    /// Index into [`Annotations::sentences`].
    pub sentence: usize,
    /// The words that state the attribute ("a nephew of Primakov").
    pub span: Span,
    /// The mention naming who the attribute is about, when named.
    pub holder: Option<Span>,
    /// The position standing for the holder when it is not named.
    pub position: Option<Position>,
    pub value: AttributeValue,
    /// Who asserts it: `None` for the outlet itself, else the speaker's name.
    pub speaker: Option<String>,
    pub modality: Modality,
}

/// A document with everything the per-document stages found in it: the unit the store keeps,
/// so that adding documents never re-annotates old ones.
#[derive(Debug, Clone, PartialEq)]
pub struct AnalyzedDocument {
    pub document: Document,
    pub annotations: Annotations,
    pub claims: Vec<Claim>,
    /// Kinship, role and count statements (`dossier-extract`).
    pub attributes: Vec<AttributeClaim>,
    /// Notes from ingest, annotate and extract about this document.
    pub diagnostics: Vec<Diagnostic>,
}

impl AnalyzedDocument {
    /// A document before the per-document stages: no annotations, claims or notes yet.
    pub fn unanalyzed(document: Document) -> Self {
        AnalyzedDocument {
            document,
            annotations: Annotations::default(),
            claims: Vec::new(),
            attributes: Vec::new(),
            diagnostics: Vec::new(),
        }
    }
}
