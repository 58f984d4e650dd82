//! TIMEX3 values: calendar points, their arithmetic, and the strings they print as.
//!
//! A resolved date is a [`Point`] at one granularity (a decade, a year, a month, an ISO week, a
//! day, …). Arithmetic keeps TIMEX3's convention that the unit of a shift sets the granularity
//! of the result: "a year later" than 2006-01-31 is `2007`, not `2007-01-31`. Durations and sets
//! are plain strings built from a count and a [`Unit`]; decades print as `DE` (`P2DE`), the
//! TIMEX3 unit, not as 20 years.

use chrono::{Datelike, Days, NaiveDate};

/// Shifts beyond this many units ("4000000000 years later") are left unresolved, which keeps
/// all calendar arithmetic far from integer overflow.
const MAX_SHIFT: u32 = 100_000;

/// A calendar unit, as used in durations and in relative expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Century,
    Decade,
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

impl Unit {
    /// Parses the unit codes of `resources/time/units.txt`.
    pub fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "CE" => Unit::Century,
            "DE" => Unit::Decade,
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            _ => return None,
        })
    }

    /// The TIMEX3 duration `P<n><unit>`; `None` counts print as `X` ("a few months" → `PXM`).
    pub fn duration(self, count: Option<u32>) -> String {
        let n = count.map_or_else(|| "X".to_string(), |n| n.to_string());
        match self {
            Unit::Century => format!("P{n}CE"),
            Unit::Decade => format!("P{n}DE"),
            Unit::Year => format!("P{n}Y"),
            Unit::Quarter => format!("P{n}Q"),
            Unit::Month => format!("P{n}M"),
            Unit::Week => format!("P{n}W"),
            Unit::Day => format!("P{n}D"),
            Unit::Hour => format!("PT{n}H"),
            Unit::Minute => format!("PT{n}M"),
            Unit::Second => format!("PT{n}S"),
        }
    }
}

/// A season, with its TIMEX3 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern hemisphere, meteorological).
    pub fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, with its TIMEX3 code (`2023-10-07TMO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl PartOfDay {
    pub fn from_code(code: &str) -> Option<PartOfDay> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            _ => return None,
        })
    }

    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
        }
    }
}

/// A fully known calendar point at one granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// The first two digits of the century's years: 19 for the 1900s.
    Century(i32),
    /// The first three digits of the decade's years: 199 for the 1990s.
    Decade(i32),
    Year(i32),
    Season(i32, Season),
    /// Year and quarter 1–4.
    Quarter(i32, u32),
    /// Year and month 1–12.
    Month(i32, u32),
    /// ISO week-numbering year and ISO week.
    Week(i32, u32),
    /// The weekend of an ISO week: `2010-W04-WE`.
    Weekend(i32, u32),
    Day(NaiveDate),
}

impl Point {
    /// The TIMEX3 value: `19`, `199`, `2006`, `2019-SU`, `2010-Q3`, `2006-03`, `2023-W41`,
    /// `2006-01-31`.
    pub fn value(self) -> String {
        match self {
            Point::Century(c) => format!("{c:02}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Year(y) => format!("{y:04}"),
            Point::Season(y, s) => format!("{y:04}-{}", s.code()),
            Point::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Point::Month(y, m) => format!("{y:04}-{m:02}"),
            Point::Week(y, w) => format!("{y:04}-W{w:02}"),
            Point::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Point::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The calendar year, when the point lies within one.
    pub fn year(self) -> Option<i32> {
        match self {
            Point::Century(_) | Point::Decade(_) => None,
            Point::Year(y)
            | Point::Season(y, _)
            | Point::Quarter(y, _)
            | Point::Month(y, _)
            | Point::Week(y, _)
            | Point::Weekend(y, _) => Some(y),
            Point::Day(d) => Some(d.year()),
        }
    }

    /// The month, when the point lies within one.
    fn month(self) -> Option<(i32, u32)> {
        match self {
            Point::Month(y, m) => Some((y, m)),
            Point::Day(d) => Some((d.year(), d.month())),
            _ => None,
        }
    }

    /// The day, when the point is one.
    pub fn day(self) -> Option<NaiveDate> {
        match self {
            Point::Day(d) => Some(d),
            _ => None,
        }
    }

    /// Moves the point by `n` units; the result has the granularity of `unit`. `None` when the
    /// point is coarser than the unit ("the next day" after "2006") or the unit is a clock unit.
    pub fn shift(self, unit: Unit, n: i32) -> Option<Point> {
        if n.unsigned_abs() > MAX_SHIFT {
            return None;
        }
        match unit {
            Unit::Century => {
                let century = match self {
                    Point::Century(c) => c,
                    Point::Decade(d) => d.div_euclid(10),
                    other => other.year()?.div_euclid(100),
                };
                Some(Point::Century(century + n))
            }
            Unit::Decade => {
                let decade = match self {
                    Point::Decade(d) => d,
                    other => other.year()?.div_euclid(10),
                };
                Some(Point::Decade(decade + n))
            }
            Unit::Year => Some(Point::Year(self.year()? + n)),
            Unit::Quarter => {
                let (year, quarter) = match self {
                    Point::Quarter(y, q) => (y, q),
                    other => {
                        let (y, m) = other.month()?;
                        (y, (m - 1) / 3 + 1)
                    }
                };
                let total = year * 4 + quarter as i32 - 1 + n;
                Some(Point::Quarter(
                    total.div_euclid(4),
                    total.rem_euclid(4) as u32 + 1,
                ))
            }
            Unit::Month => {
                let (year, month) = self.month()?;
                let total = year * 12 + month as i32 - 1 + n;
                Some(Point::Month(
                    total.div_euclid(12),
                    total.rem_euclid(12) as u32 + 1,
                ))
            }
            Unit::Week => {
                let day = match self {
                    Point::Week(y, w) | Point::Weekend(y, w) => {
                        NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon)?
                    }
                    other => other.day()?,
                };
                let week = add_days(day, 7 * i64::from(n))?.iso_week();
                Some(Point::Week(week.year(), week.week()))
            }
            Unit::Day => Some(Point::Day(add_days(self.day()?, i64::from(n))?)),
            Unit::Hour | Unit::Minute | Unit::Second => None,
        }
    }
}

/// `day + n` days, `None` out of chrono's range.
pub fn add_days(day: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        day.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The underspecified value of an unresolvable point of granularity `unit`: `XXXX`, `XXXX-XX`,
/// `XXXX-WXX`, `XXXX-XX-XX`, …
pub fn unknown(unit: Unit) -> &'static str {
    match unit {
        Unit::Century => "XX",
        Unit::Decade => "XXX",
        Unit::Year => "XXXX",
        Unit::Quarter => "XXXX-QX",
        Unit::Month => "XXXX-XX",
        Unit::Week => "XXXX-WXX",
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => "XXXX-XX-XX",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Point {
        Point::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn shift_sets_granularity() {
        let cases = [
            (day(2006, 1, 31), Unit::Year, 1, "2007"),
            (day(2006, 1, 31), Unit::Day, 1, "2006-02-01"),
            (day(2006, 1, 31), Unit::Month, 1, "2006-02"),
            (day(2023, 10, 9), Unit::Week, 0, "2023-W41"),
            (day(2023, 10, 9), Unit::Week, -1, "2023-W40"),
            (Point::Month(2006, 12), Unit::Month, 1, "2007-01"),
            (Point::Month(2006, 1), Unit::Quarter, -1, "2005-Q4"),
            (Point::Year(2006), Unit::Decade, 0, "200"),
            (Point::Year(1999), Unit::Century, 0, "19"),
        ];
        for (point, unit, n, expected) in cases {
            assert_eq!(
                point.shift(unit, n).map(Point::value).as_deref(),
                Some(expected)
            );
        }
        assert_eq!(Point::Year(2006).shift(Unit::Day, 1), None);
        assert_eq!(Point::Year(2006).shift(Unit::Month, i32::MAX), None);
    }

    #[test]
    fn durations() {
        assert_eq!(Unit::Decade.duration(Some(2)), "P2DE");
        assert_eq!(Unit::Hour.duration(Some(48)), "PT48H");
        assert_eq!(Unit::Month.duration(None), "PXM");
    }
}
