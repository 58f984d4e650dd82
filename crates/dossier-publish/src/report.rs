//! The HTML report: one self-contained page (inline CSS and a few lines of inline JS, no
//! external asset, works offline) that an analyst reads from top to bottom.
//!
//! Rendered with `maud`, which escapes every interpolated string: document text can never
//! inject markup. The only unescaped strings are this crate's own CSS and JS constants.
//! Everything iterates in the order the [`Dossier`] gives, or over `BTreeMap`s, so the same
//! dossier always renders to the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use dossier_core::{
    AnalyzedDocument, Anchor, AttributeRef, Claim, ClaimRef, ClaimTime, Contradiction, Derivation,
    DerivationKind, Dossier, Entity, Event, Lineage, Span,
};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::json::{attribute_sentence, claim_sentence};

const CSS: &str = include_str!("report.css");
const JS: &str = include_str!("report.js");

/// Renders the whole report.
pub fn render(dossier: &Dossier) -> String {
    let index = Index::new(dossier);
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "Dossier" }
                style { (PreEscaped(CSS)) }
            }
            body {
                (nav(dossier))
                main {
                    (header(dossier))
                    (sources(&index))
                    (timeline(&index))
                    (contradictions(&index))
                    (attributes(&index))
                    (derivations(&index))
                    (entities(&index))
                    (skipped(dossier))
                }
                script { (PreEscaped(JS)) }
            }
        }
    };
    page.into_string()
}

/// Look-ups built once: who is who, which event a claim belongs to, which contradictions touch
/// which event.
struct Index<'a> {
    dossier: &'a Dossier,
    entities: BTreeMap<&'a str, &'a Entity>,
    lineage_of: BTreeMap<&'a str, &'a Lineage>,
    derivation_of: BTreeMap<&'a str, &'a Derivation>,
    documents: BTreeMap<&'a str, &'a AnalyzedDocument>,
    /// Contradiction ids per event id (by the contradiction's event or by a shared claim).
    disputes: BTreeMap<&'a str, BTreeSet<&'a str>>,
}

impl<'a> Index<'a> {
    fn new(dossier: &'a Dossier) -> Self {
        let mut lineage_of = BTreeMap::new();
        for lineage in &dossier.lineages {
            for doc in &lineage.documents {
                lineage_of.entry(doc.as_str()).or_insert(lineage);
            }
        }
        let mut derivation_of = BTreeMap::new();
        for d in &dossier.derivations {
            derivation_of.entry(d.derived.as_str()).or_insert(d);
        }
        Index {
            dossier,
            entities: dossier
                .entities
                .iter()
                .map(|e| (e.id.as_str(), e))
                .collect(),
            lineage_of,
            derivation_of,
            documents: dossier
                .documents
                .iter()
                .map(|d| (d.document.id.as_str(), d))
                .collect(),
            disputes: disputes(dossier),
        }
    }

    fn entity_name(&self, id: &'a str) -> &'a str {
        self.entities.get(id).map_or(id, |e| e.name.as_str())
    }

    /// The claim a reference points to, with its document.
    fn claim(&self, r: ClaimRef) -> Option<(&'a AnalyzedDocument, &'a Claim)> {
        let doc = self.dossier.documents.get(r.doc)?;
        Some((doc, doc.claims.get(r.claim)?))
    }

    fn document(&self, id: &str) -> Option<&'a AnalyzedDocument> {
        self.documents.get(id).copied()
    }
}

/// Contradiction ids per event id.
fn disputes(dossier: &Dossier) -> BTreeMap<&str, BTreeSet<&str>> {
    let mut event_of_claim: BTreeMap<ClaimRef, &str> = BTreeMap::new();
    for event in &dossier.events {
        for &claim in &event.claims {
            event_of_claim.entry(claim).or_insert(&event.id);
        }
    }
    let mut disputes: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for c in &dossier.contradictions {
        let by_claims = c
            .sides
            .iter()
            .flat_map(|s| &s.claims)
            .filter_map(|r| event_of_claim.get(r).copied());
        for event in c.event.as_deref().into_iter().chain(by_claims) {
            disputes.entry(event).or_default().insert(&c.id);
        }
    }
    disputes
}

fn nav(dossier: &Dossier) -> Markup {
    let links = [
        ("sources", "Sources", dossier.documents.len()),
        ("timeline", "Timeline", dossier.events.len()),
        (
            "contradictions",
            "Contradictions",
            dossier.contradictions.len(),
        ),
        ("derivations", "Derivations", dossier.derivations.len()),
        ("entities", "Entities", dossier.entities.len()),
        ("skipped", "Skipped", dossier.skipped.len()),
    ];
    html! {
        nav.top { div {
            a.brand href="#top" { "Dossier" }
            @for (id, name, count) in links {
                a href={ "#" (id) } { (name) " (" (count) ")" }
            }
        } }
    }
}

fn header(dossier: &Dossier) -> Markup {
    let counts = [
        ("documents", dossier.documents.len()),
        ("skipped", dossier.skipped.len()),
        ("entities", dossier.entities.len()),
        ("events", dossier.events.len()),
        ("derivations", dossier.derivations.len()),
        ("contradictions", dossier.contradictions.len()),
    ];
    html! {
        header id="top" {
            h1 { "Dossier" }
            ul.counts { @for (name, n) in counts { li { b { (n) } (name) } } }
        }
    }
}

fn sources(index: &Index<'_>) -> Markup {
    html! {
        section id="sources" {
            h2 { "Sources" }
            @if index.dossier.documents.is_empty() { p.empty { "No documents." } } @else {
                table {
                    thead { tr {
                        th { "Id" } th { "Title" } th { "Outlet" } th { "Published" } th { "Authors" }
                        th { "Lang" } th { "URL" } th { "Words" } th { "Lineage" }
                    } }
                    tbody { @for doc in &index.dossier.documents { (source_row(index, doc)) } }
                }
            }
        }
    }
}

fn source_row(index: &Index<'_>, analyzed: &AnalyzedDocument) -> Markup {
    let doc = &analyzed.document;
    let meta = &doc.meta;
    let lineage = index.lineage_of.get(doc.id.as_str()).copied();
    let family = lineage.is_some_and(|l| l.documents.len() > 1);
    html! {
        tr.family[family] id={ "doc-" (doc.id) } {
            td { code { (doc.id) } }
            td {
                (meta.title.as_deref().unwrap_or("—"))
                @if !analyzed.diagnostics.is_empty() {
                    details { summary { (analyzed.diagnostics.len()) " note(s)" }
                        ul { @for d in &analyzed.diagnostics {
                            li { (d.severity.label()) ": " (d.message) }
                        } }
                    }
                }
            }
            td { (meta.outlet.as_deref().unwrap_or("—")) }
            td { (meta.published.map(|d| d.to_string()).unwrap_or_else(|| "—".into())) }
            td { (if meta.authors.is_empty() { "—".to_string() } else { meta.authors.join(", ") }) }
            td { (meta.language.as_deref().unwrap_or("—")) }
            td.url { (url(meta.url.as_deref())) }
            td.num { (doc.word_count()) }
            td { @if let Some(l) = lineage { (lineage_note(index, &doc.id, l)) } }
        }
    }
}

/// A link for web addresses only (never `javascript:` or other schemes).
/// A document's URL as a link that shows only the host ("themoscowtimes.com"), the full
/// address in its tooltip, so long URLs do not stretch the sources table.
fn url(url: Option<&str>) -> Markup {
    html! {
        @match url {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                a href=(u) title=(u) rel="noopener noreferrer" { (link_host(u)) }
            }
            Some(u) => { (u) }
            None => { "—" }
        }
    }
}

/// The host of an http(s) URL without `www.`, or the URL itself when it has none.
fn link_host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        url
    } else {
        host
    }
}

/// "L2 · rewrite of 001", "L2 · origin", or just "L1" for a document alone in its lineage.
fn lineage_note(index: &Index<'_>, doc: &str, lineage: &Lineage) -> Markup {
    let relation = index
        .derivation_of
        .get(doc)
        .map(|d| (relation(d.kind), d.source.as_str()));
    html! {
        @if lineage.documents.len() < 2 { (lineage.id) } @else {
            span.lineage { (lineage.id) }
            @if lineage.origin == doc { " · origin" }
            @else if let Some((relation, source)) = relation {
                " · " (relation) " of " a href={ "#doc-" (source) } { (source) }
            }
        }
    }
}

fn relation(kind: DerivationKind) -> &'static str {
    match kind {
        DerivationKind::Duplicate => "duplicate",
        DerivationKind::Copy => "copy",
        DerivationKind::Paraphrase => "rewrite",
        DerivationKind::Translation => "translation",
        DerivationKind::Partial => "partial reuse",
    }
}

fn timeline(index: &Index<'_>) -> Markup {
    let types: BTreeSet<&str> = index
        .dossier
        .events
        .iter()
        .map(|e| e.event_type.as_str())
        .collect();
    html! {
        section id="timeline" {
            h2 { "Timeline" }
            @if index.dossier.events.is_empty() { p.empty { "No events." } } @else {
                div.filters {
                    label { "Entity " input id="filter-text" type="search" placeholder="name or alias…"; }
                    label { "Type " select id="filter-type" {
                        option value="" { "all" }
                        @for t in &types { option value=(t) { (t) } }
                    } }
                    span.meta id="filter-count" {}
                }
                @for event in &index.dossier.events { (event_card(index, event)) }
            }
        }
    }
}

fn event_card(index: &Index<'_>, event: &Event) -> Markup {
    let disputes = index.disputes.get(event.id.as_str());
    let thin = event.independent_sources < event.sources;
    html! {
        article.card.event id=(event.id) data-type=(event.event_type) data-search=(search_text(index, event)) {
            header {
                span.date { (event_date(event)) }
                h3 { (event.label) }
                span.badge.type { (event.event_type) }
                @for c in disputes.into_iter().flatten() {
                    a.flag href={ "#" (c) } title="The sources disagree" { "⚠ disputed · " (c) }
                }
            }
            p.meta {
                @for (i, (entity, role)) in event.participants.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href={ "#" (entity) } { (index.entity_name(entity)) }
                    " (" (role.label())
                    @if let Some(named) = as_phrase(event.named_via(entity)) { ", " (named) }
                    ")"
                }
                @if let Some(place) = &event.place {
                    " · in " a href={ "#" (place) } { (index.entity_name(place)) }
                }
                @if !event.participants.is_empty() || event.place.is_some() { " · " }
                span.thin[thin] {
                    (event.sources) " source" (plural(event.sources)) " · "
                    (event.independent_sources) " independent"
                }
            }
            @if !event.counts.is_empty() {
                p.meta {
                    "Counts stated: "
                    @for (i, &r) in event.counts.iter().enumerate() {
                        @if i > 0 { "; " }
                        (attribute_phrase(index, r))
                    }
                }
            }
            @for &r in &event.claims { (claim_block(index, r)) }
        }
    }
}

/// An attribute claim's stating words and source: "at least 1,033 civilians were killed (004)".
fn attribute_phrase(index: &Index<'_>, r: AttributeRef) -> Markup {
    let Some(doc) = index.dossier.documents.get(r.doc) else {
        return html! {};
    };
    let Some(claim) = doc.attributes.get(r.attribute) else {
        return html! {};
    };
    html! {
        "“" (doc.document.text.get(claim.span.range()).unwrap_or("")) "” (" (source_name(doc)) ")"
    }
}

/// An attribute claim: its sentence with the stating words marked, and its source.
fn attribute_block(index: &Index<'_>, r: AttributeRef) -> Markup {
    let Some(doc) = index.dossier.documents.get(r.doc) else {
        return html! {};
    };
    let Some(claim) = doc.attributes.get(r.attribute) else {
        return html! {};
    };
    let sentence = attribute_sentence(doc, claim);
    html! {
        div.claim {
            blockquote { (highlighted(&doc.document.text, sentence, &[(claim.span, "trigger")])) }
            p.meta { (source_name(doc)) }
        }
    }
}

/// Kinship, positions and counts stated in the documents, one row each.
fn attributes(index: &Index<'_>) -> Markup {
    let rows: Vec<(usize, usize)> = index
        .dossier
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.attributes.len()).map(move |a| (d, a)))
        .collect();
    html! {
        section id="attributes" {
            h2 { "Attributes" }
            @if rows.is_empty() { p.empty { "No kinship, positions or counts found." } } @else {
                table {
                    thead { tr { th { "Kind" } th { "About" } th { "Stated" } th { "Source" } } }
                    tbody {
                        @for (d, a) in rows {
                            (attribute_row(index, AttributeRef { doc: d, attribute: a }))
                        }
                    }
                }
            }
        }
    }
}

fn attribute_row(index: &Index<'_>, r: AttributeRef) -> Markup {
    let doc = &index.dossier.documents[r.doc];
    let claim = &doc.attributes[r.attribute];
    let text = &doc.document.text;
    let slice = |span: Span| text.get(span.range()).unwrap_or("");
    let about = match (&claim.holder, &claim.position) {
        (Some(h), _) => slice(*h).to_string(),
        (None, Some(p)) => format!("the {} of {}", p.role, slice(p.of)),
        (None, None) => String::new(),
    };
    html! {
        tr {
            td { (claim.value.kind_label()) }
            td { (about) }
            td { "“" (slice(claim.span)) "”" }
            td { (source_name(doc)) }
        }
    }
}

/// Lower-cased names and aliases of the participants and place, plus the label: what the
/// filter box searches.
fn search_text(index: &Index<'_>, event: &Event) -> String {
    let ids = event
        .participants
        .iter()
        .map(|(id, _)| id.as_str())
        .chain(event.place.as_deref());
    let mut words = vec![event.label.to_lowercase()];
    words.extend(event.via.iter().map(|(_, surface)| surface.to_lowercase()));
    for entity in ids.filter_map(|id| index.entities.get(id)) {
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            let name = name.to_lowercase();
            if !words.contains(&name) {
                words.push(name);
            }
        }
    }
    words.join(" | ")
}

fn event_date(event: &Event) -> String {
    match (&event.time.value, &event.time.earliest, &event.time.latest) {
        (Some(value), _, _) => value.clone(),
        (None, Some(earliest), Some(latest)) => format!("{earliest} – {latest}"),
        _ => "undated".to_string(),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// One claim: its sentence with trigger, time and participants marked, and where it comes from.
fn claim_block(index: &Index<'_>, r: ClaimRef) -> Markup {
    let Some((doc, claim)) = index.claim(r) else {
        return html! {};
    };
    let derived_time = claim.time.as_ref().filter(|t| t.anchor != Anchor::Absolute);
    html! {
        div.claim {
            blockquote { (claim_sentence_marked(doc, claim)) }
            p.meta {
                (source_name(doc)) " · "
                @match &claim.speaker {
                    Some(s) => { "according to " (s) }
                    None => { "the outlet's own statement" }
                }
                " · " span class={ "badge " (claim.modality.label()) } { (claim.modality.label()) }
                @if let Some(t) = derived_time {
                    " · " (time_derivation(doc, t))
                }
            }
        }
    }
}

/// How a derived date was obtained: "dated by “A year later” = 2007, counted from “In 2006”"
/// (narrative anchor) or "… counted from the publication date 2023-10-09" (document anchor).
fn time_derivation(doc: &AnalyzedDocument, time: &ClaimTime) -> Markup {
    let text = &doc.document.text;
    let surface = text.get(time.span.range()).unwrap_or("");
    let expression = doc.annotations.times.iter().find(|t| t.span == time.span);
    let anchor_text = expression
        .and_then(|t| t.anchored_to)
        .and_then(|span| text.get(span.range()));
    let inherited = expression.is_some_and(|t| t.anchor == Anchor::Absolute);
    html! {
        "dated by “" (surface) "” = " (time.value)
        @if inherited { ", the time an earlier sentence gave" } @else { ", counted from " }
        @match (time.anchor, anchor_text) {
            _ if inherited => {}
            (Anchor::Document, _) => {
                "the publication date "
                (doc.document.meta.published.map(|d| d.to_string()).unwrap_or_else(|| "(unknown)".into()))
            }
            (_, Some(anchor)) => { "“" (anchor) "” earlier in the article" }
            _ => { "the narrative time of the article" }
        }
    }
}

/// A claim's sentence with its trigger, time, participants and place marked.
fn claim_sentence_marked(doc: &AnalyzedDocument, claim: &Claim) -> Markup {
    let mut marks = vec![(claim.trigger, "trigger")];
    marks.extend(claim.time.as_ref().map(|t| (t.span, "time")));
    marks.extend(claim.participants.iter().map(|p| (p.mention, "who")));
    marks.extend(claim.place.map(|p| (p, "place")));
    highlighted(&doc.document.text, claim_sentence(doc, claim), &marks)
}

/// "001 · outlet.com", linked to the document's row.
fn source_name(doc: &AnalyzedDocument) -> Markup {
    let d = &doc.document;
    html! {
        a href={ "#doc-" (d.id) } { (d.id) }
        @if let Some(outlet) = &d.meta.outlet { " · " (outlet) }
    }
}

/// The text of `outer` with the `marks` that lie inside it wrapped in `<mark class=…>`.
/// Overlapping marks keep the first (earliest, then longest); spans off char boundaries are
/// dropped rather than sliced.
fn highlighted(text: &str, outer: Span, marks: &[(Span, &'static str)]) -> Markup {
    let mut inside: Vec<(Span, &str)> = marks
        .iter()
        .copied()
        .filter(|(s, _)| !s.is_empty() && outer.contains(*s) && text.get(s.range()).is_some())
        .collect();
    inside.sort_by_key(|(s, _)| (s.start, std::cmp::Reverse(s.end)));
    let mut pieces: Vec<(Span, Option<&str>)> = Vec::new();
    let mut at = outer.start;
    for (span, class) in inside {
        if span.start < at {
            continue;
        }
        pieces.push((
            Span {
                start: at,
                end: span.start,
            },
            None,
        ));
        pieces.push((span, Some(class)));
        at = span.end;
    }
    pieces.push((
        Span {
            start: at,
            end: outer.end,
        },
        None,
    ));
    html! {
        @for (span, class) in pieces {
            @let piece = text.get(span.range()).unwrap_or("");
            @match class { Some(class) => { mark class=(class) { (piece) } } None => { (piece) } }
        }
    }
}

fn contradictions(index: &Index<'_>) -> Markup {
    html! {
        section id="contradictions" {
            h2 { "Contradictions" }
            @if index.dossier.contradictions.is_empty() { p.empty { "No contradictions found." } }
            @for c in &index.dossier.contradictions { (contradiction_card(index, c)) }
        }
    }
}

fn contradiction_card(index: &Index<'_>, c: &Contradiction) -> Markup {
    html! {
        article.card.contradiction id=(c.id) {
            header {
                span.badge { (c.id) } h3 { (c.subject) } span.badge.type { (c.kind.label()) }
                @if let Some(event) = &c.event { a.meta href={ "#" (event) } { "event " (event) } }
            }
            div.sides {
                @for side in &c.sides {
                    div.side {
                        h4 { (side.value) }
                        @for &r in &side.claims {
                            @if let Some((doc, claim)) = index.claim(r) {
                                div.claim {
                                    blockquote { (claim_sentence_marked(doc, claim)) }
                                    p.meta { (source_name(doc)) }
                                }
                            }
                        }
                        @for &r in &side.attributes { (attribute_block(index, r)) }
                    }
                }
            }
        }
    }
}

/// How many derivations the report shows with their aligned passages. A pile of syndicated
/// news can hold tens of thousands of derivations; past this many, the rest are listed one line
/// each (their passages stay in `dossier.json`), so the report stays a file a browser opens.
pub(crate) const DETAILED_DERIVATIONS: usize = 300;

fn derivations(index: &Index<'_>) -> Markup {
    let all = &index.dossier.derivations;
    let (detailed, listed) = all.split_at(all.len().min(DETAILED_DERIVATIONS));
    html! {
        section id="derivations" {
            h2 { "Derivations" }
            @if all.is_empty() { p.empty { "No reuse between documents found." } }
            @for d in detailed { (derivation_card(index, d)) }
            @if !listed.is_empty() {
                p.empty {
                    "The aligned passages of the " (detailed.len()) " derivations above are shown; the other "
                    (listed.len()) " are listed below, and their passages are in dossier.json."
                }
                table {
                    thead { tr { th { "derived" } th { "source" } th { "kind" } th { "score" } th { "passages" } } }
                    tbody {
                        @for d in listed {
                            tr {
                                td { a href={ "#doc-" (d.derived) } { (d.derived) } }
                                td { a href={ "#doc-" (d.source) } { (d.source) } }
                                td { (d.kind.label()) }
                                td { (format!("{:.2}", d.score)) }
                                td { (d.evidence.len()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn derivation_card(index: &Index<'_>, d: &Derivation) -> Markup {
    let derived = index.document(&d.derived);
    let source = index.document(&d.source);
    let derived_marks: Vec<_> = d
        .altered_quotes
        .iter()
        .map(|q| (q.derived, "altered"))
        .chain(d.changed_values.iter().map(|c| (c.derived, "altered")))
        .collect();
    let source_marks: Vec<_> = d
        .altered_quotes
        .iter()
        .map(|q| (q.source, "altered"))
        .chain(d.changed_values.iter().map(|c| (c.source, "altered")))
        .collect();
    let passage =
        |doc: Option<&AnalyzedDocument>, span: Span, marks: &[(Span, &'static str)]| match doc {
            Some(doc) => highlighted(&doc.document.text, span, marks),
            None => html! { "—" },
        };
    html! {
        article.card.derivation id={ "derivation-" (d.derived) "-" (d.source) } {
            header {
                h3 {
                    a href={ "#doc-" (d.derived) } { (d.derived) }
                    " ← "
                    a href={ "#doc-" (d.source) } { (d.source) }
                }
                span.badge.type { (d.kind.label()) }
                span.meta { "score " (format!("{:.2}", d.score)) " · direction "
                    (if d.direction_known { "known" } else { "unknown" }) }
            }
            @if !d.altered_quotes.is_empty() {
                table.passages.quotes {
                    thead { tr { th { "Altered quote in " (d.derived) } th { "Original in " (d.source) } } }
                    tbody { @for q in &d.altered_quotes { tr {
                        td { mark.altered { (passage(derived, q.derived, &[])) } }
                        td { mark.altered { (passage(source, q.source, &[])) } }
                    } } }
                }
            }
            @if !d.changed_values.is_empty() {
                table.passages.quotes {
                    thead { tr { th { "Changed number or date in " (d.derived) } th { "Was in " (d.source) } } }
                    tbody { @for c in &d.changed_values { tr {
                        td { mark.altered { (passage(derived, c.derived, &[])) } }
                        td { mark.altered { (passage(source, c.source, &[])) } }
                    } } }
                }
            }
            @if !d.unmatched.is_empty() {
                details {
                    summary { (d.unmatched.len()) " sentence" (plural(d.unmatched.len()))
                        " of " (d.derived) " with no counterpart in " (d.source) " (added framing, new claims)" }
                    ul.unmatched { @for &s in &d.unmatched { li { (passage(derived, s, &[])) } } }
                }
            }
            @if !d.evidence.is_empty() {
                details open[d.evidence.len() <= 8] {
                    summary { (d.evidence.len()) " aligned passage" (plural(d.evidence.len())) }
                    table.passages {
                        thead { tr {
                            th { (d.derived) " (derived)" } th { (d.source) " (source)" } th { "Similarity" }
                        } }
                        tbody { @for p in &d.evidence { tr {
                            td { (passage(derived, p.derived, &derived_marks)) }
                            td { (passage(source, p.source, &source_marks)) }
                            td.num { (format!("{:.2}", p.similarity)) }
                        } } }
                    }
                }
            }
        }
    }
}

fn entities(index: &Index<'_>) -> Markup {
    html! {
        section id="entities" {
            h2 { "Entities" }
            @if index.dossier.entities.is_empty() { p.empty { "No entities." } } @else {
                table {
                    thead { tr {
                        th { "Name" } th { "Type" } th { "Aliases" } th { "Mentions" } th { "Documents" }
                    } }
                    tbody { @for e in &index.dossier.entities { (entity_row(e)) } }
                }
            }
        }
    }
}

fn entity_row(e: &Entity) -> Markup {
    let documents: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    html! {
        tr id=(e.id) {
            td {
                strong { (e.name) } " " span.meta { (e.id) }
                @if !e.merge_evidence.is_empty() {
                    details { summary { "why merged" } ul { @for line in &e.merge_evidence { li { (line) } } } }
                }
            }
            td { span.badge { (e.kind.label()) } }
            td {
                (e.aliases.join(", "))
                @if let Some(named) = as_phrase(e.metonyms.iter().map(|m| m.surface.as_str())) {
                    " " span.meta { "(acting " (named) ")" }
                }
            }
            td.num { (e.mentions.len()) }
            td.num { (documents.len()) }
        }
    }
}

/// "as “Moscow”, “the Kremlin”": the distinct words a metonym named an entity with, sorted;
/// `None` for none.
fn as_phrase<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let words: BTreeSet<&str> = words.collect();
    let quoted: Vec<String> = words.iter().map(|w| format!("“{w}”")).collect();
    (!quoted.is_empty()).then(|| format!("as {}", quoted.join(", ")))
}

fn skipped(dossier: &Dossier) -> Markup {
    html! {
        section id="skipped" {
            h2 { "Skipped inputs" }
            @if dossier.skipped.is_empty() { p.empty { "Every input was read." } } @else {
                table {
                    thead { tr { th { "Path" } th { "Reason" } } }
                    tbody { @for s in &dossier.skipped { tr { td { code { (s.path) } } td { (s.reason) } } } }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks the `(needle, class)` pairs (first occurrence) inside all of `text`.
    fn check(text: &str, marks: &[(&str, &'static str)], expected: &str) {
        let marks: Vec<(Span, &'static str)> = marks
            .iter()
            .map(|&(needle, class)| {
                let start = text.find(needle).expect(needle);
                (Span::new(start, start + needle.len()), class)
            })
            .collect();
        let outer = Span::new(0, text.len());
        assert_eq!(
            highlighted(text, outer, &marks).into_string(),
            expected,
            "{text:?}"
        );
    }

    #[test]
    fn highlights_marks_inside_the_sentence() {
        check("Ana met Bo.", &[], "Ana met Bo.");
        check(
            "Ana met Bo.",
            &[("met", "trigger")],
            "Ana <mark class=\"trigger\">met</mark> Bo.",
        );
        check(
            "Bo met “Milàn” — 2006.",
            &[("2006", "time"), ("Milàn", "who")],
            "Bo met “<mark class=\"who\">Milàn</mark>” — <mark class=\"time\">2006</mark>.",
        );
        // Overlaps keep the earliest, then longest, mark.
        check(
            "In March 2006 <b>",
            &[("March", "who"), ("In March 2006", "time")],
            "<mark class=\"time\">In March 2006</mark> &lt;b&gt;",
        );
    }

    #[test]
    fn links_show_the_host() {
        let check = |url: &str, expected: &str| assert_eq!(link_host(url), expected);
        check("https://www.example.org/2023/10/30/a-story", "example.org");
        check("http://news.example.com?id=3", "news.example.com");
        check("https://", "https://");
    }

    #[test]
    fn ignores_marks_outside_or_off_char_boundaries() {
        let text = "Milàn met Ana.";
        let outer = Span::new(0, text.len());
        let inside_a_char = Span::new(4, 5); // cuts through "à"
        let outside = Span::new(10, 40);
        let html =
            highlighted(text, outer, &[(inside_a_char, "who"), (outside, "time")]).into_string();
        assert_eq!(html, text);
    }
}
