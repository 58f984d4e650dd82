//! Text labels for the core enums that have no `label()`/`from_label()` pair in dossier-core
//! (`TimeKind::from_label` and `Severity` labels are missing there), so that every enum column
//! holds a readable word rather than a number.

use dossier_core::{Severity, TimeKind};

pub fn time_kind_from_label(label: &str) -> Option<TimeKind> {
    [
        TimeKind::Date,
        TimeKind::Time,
        TimeKind::Duration,
        TimeKind::Set,
    ]
    .into_iter()
    .find(|k| k.label() == label)
}

pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "info",
        Severity::Warning => "warning",
    }
}

pub fn severity_from_label(label: &str) -> Option<Severity> {
    match label {
        "info" => Some(Severity::Info),
        "warning" => Some(Severity::Warning),
        _ => None,
    }
}
