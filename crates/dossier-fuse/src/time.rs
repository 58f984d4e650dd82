//! Claim times as ISO prefixes (`2006`, `2006-03`, `2006-03-18`) and the days they allow.

use chrono::NaiveDate;

/// The ISO date prefix of a TIMEX3 value: `2006-03-18T10:00` → `2006-03-18`, `2006-W12` →
/// `2006`, `2006-13` → `2006`. `None` when the value has no year (`XXXX-03`, `P1Y`).
pub(crate) fn iso_prefix(value: &str) -> Option<String> {
    let year: i32 = value
        .get(..4)
        .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?
        .parse()
        .ok()?;
    let part = |range: std::ops::Range<usize>| {
        value
            .get(range)
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let dash = |at: usize| value.as_bytes().get(at) == Some(&b'-');
    let month = (dash(4) && !value.as_bytes().get(7).is_some_and(u8::is_ascii_digit))
        .then(|| part(5..7))
        .flatten()
        .filter(|m| (1..=12).contains(m));
    let Some(month) = month else {
        return Some(format!("{year:04}"));
    };
    let day = (dash(7) && !value.as_bytes().get(10).is_some_and(u8::is_ascii_digit))
        .then(|| part(8..10))
        .flatten()
        .filter(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some());
    Some(match day {
        Some(day) => format!("{year:04}-{month:02}-{day:02}"),
        None => format!("{year:04}-{month:02}"),
    })
}

/// True when one prefix refines the other (`2006` and `2006-03`), so both can hold.
pub(crate) fn compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The year of a prefix.
pub(crate) fn year(prefix: &str) -> Option<i32> {
    prefix.get(..4)?.parse().ok()
}

/// The longest prefix both values share, whole components only (`2006-03` and `2006-05` →
/// `2006`; `2006` and `2007` → `None`).
pub(crate) fn common_prefix(a: &str, b: &str) -> Option<String> {
    let shared: Vec<&str> = a
        .split('-')
        .zip(b.split('-'))
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect();
    (!shared.is_empty()).then(|| shared.join("-"))
}

/// The first and last day a prefix allows, as ISO dates.
pub(crate) fn bounds(prefix: &str) -> Option<(String, String)> {
    let mut parts = prefix.split('-').map(|p| p.parse::<u32>().ok());
    let year = i32::try_from(parts.next()??).ok()?;
    let (first, last) = match (parts.next().flatten(), parts.next().flatten()) {
        (Some(m), Some(d)) => {
            let day = NaiveDate::from_ymd_opt(year, m, d)?;
            (day, day)
        }
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(year + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
            }?;
            (first, next.pred_opt()?)
        }
        _ => (
            NaiveDate::from_ymd_opt(year, 1, 1)?,
            NaiveDate::from_ymd_opt(year, 12, 31)?,
        ),
    };
    Some((
        first.format("%Y-%m-%d").to_string(),
        last.format("%Y-%m-%d").to_string(),
    ))
}
