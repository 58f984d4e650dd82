//! Resolution: turning recognized expressions into TIMEX3 values, in text order.
//!
//! Two reference times are kept. The **document time** is the publication date: deictic
//! expressions ("on Saturday", "last week", "two years ago") are computed from it. The
//! **narrative time** is the last date the text itself established: every resolved date
//! (absolute, deictic or anaphoric) becomes the new narrative time, and anaphoric expressions
//! ("that year", "a year later", "the next day") are computed from it. A value that lacks its
//! reference time keeps `X`s instead of being guessed.
//!
//! Choices worth knowing:
//! - A bare weekday is the latest such day on or before the publication date (so "on
//!   Saturday" in a Saturday paper is that day), or the earliest on or after it when a future
//!   marker ("will", "next", "scheduled", …) comes within a few words before it in its sentence. "last Saturday" and "next Saturday"
//!   exclude the publication day itself.
//! - A month or month-day without a year ("October 7", "in March") takes the narrative year
//!   when the narrative time was set by the text (not from the publication date) in the same
//!   sentence, or in the previous sentence at month or day precision — a running chronology —
//!   unless the publication-date reading lies within 45 days of publication (a whole month
//!   counts from its nearest day).
//! - "the weekend" is the last one on or before the publication date, or the next one after a
//!   future marker; "this weekend" is the weekend of the publication week (`2010-W04-WE`).
//! - Future markers are words ("will") or two-word phrases ("set to"), see
//!   `resources/time/future_markers.txt`.
//!   Otherwise it takes the year that puts it closest to the publication date (ties: the past).
//!   Without a publication date it falls back to the narrative year, else `XXXX`. A month-day
//!   after "the" names an event ("the October 7 attacks") and never joins a chronology: it is
//!   read from the publication date, or left `XXXX-10-07` without one.
//! - Durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF are `Absolute`: their value comes from
//!   the words alone. They do not move the narrative time.

use chrono::{Datelike, NaiveDate, Weekday};
use dossier_core::{Anchor, Span, TimeExpr, TimeKind};

use crate::lexicon::Kw;
use crate::normalize::{add_days, unknown, PartOfDay, Point, Season, Unit};
use crate::recognize::{Base, Expr, Hit, Refine, WeekdayRel};
use crate::tokens::Token;

/// A month-day this close to the publication date (in days, future counting double) is read
/// from the publication date even inside a chronology of other years.
const CLOSE_DAYS: i64 = 45;

/// How many tokens before a weekday or date are searched for a future marker.
const FUTURE_WINDOW: usize = 12;

/// The narrative time: the last date the text established.
#[derive(Debug, Clone, Copy)]
struct Narrative {
    point: Point,
    span: Span,
    anchor: Anchor,
    sentence: Option<usize>,
}

/// Resolves hits one after the other, carrying the narrative time.
#[derive(Debug)]
pub struct Resolver<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sentences: &'a [Span],
    published: Option<NaiveDate>,
    narrative: Option<Narrative>,
}

/// A resolved value before it becomes a [`TimeExpr`].
struct Value {
    text: String,
    anchor: Anchor,
    anchored_to: Option<Span>,
    /// The date it names, when fully known: it becomes the narrative time.
    point: Option<Point>,
}

impl Value {
    fn absolute(text: String) -> Value {
        Value {
            text,
            anchor: Anchor::Absolute,
            anchored_to: None,
            point: None,
        }
    }
}

impl<'a> Resolver<'a> {
    pub fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [Span],
        published: Option<NaiveDate>,
    ) -> Self {
        Resolver {
            text,
            tokens,
            sentences,
            published,
            narrative: None,
        }
    }

    /// The value of `hit`; updates the narrative time.
    pub fn resolve(&mut self, hit: &Hit) -> TimeExpr {
        let span = Span::new(self.tokens[hit.start].start, self.tokens[hit.end - 1].end);
        let sentence = self.sentence_of(span.start);
        let (mut kind, mut value) = match &hit.expr {
            Expr::Duration(v) => (TimeKind::Duration, Value::absolute(v.clone())),
            Expr::Set(v) => (TimeKind::Set, Value::absolute(v.clone())),
            Expr::Reference(v) => (TimeKind::Date, Value::absolute((*v).to_string())),
            Expr::Fixed(point) => {
                let value = Value {
                    text: point.value(),
                    anchor: Anchor::Absolute,
                    anchored_to: None,
                    point: Some(*point),
                };
                (TimeKind::Date, value)
            }
            Expr::Calendar { month, day } => {
                // "the October 7 attacks": a date naming an event is read from the document date.
                let names_event = day.is_some() && self.follows_the(hit.start);
                let value = match day {
                    // Without a publication date its year stays unknown rather than guessed.
                    Some(day) if names_event && self.published.is_none() => Value {
                        text: format!("XXXX-{month:02}-{day:02}"),
                        anchor: Anchor::Document,
                        anchored_to: None,
                        point: None,
                    },
                    _ if names_event => self.calendar(*month, *day, hit.start, None),
                    _ => self.calendar(*month, *day, hit.start, sentence),
                };
                (TimeKind::Date, value)
            }
            Expr::Relative {
                base,
                unit,
                offset,
                refine,
            } => (
                TimeKind::Date,
                self.relative(*base, *unit, *offset, *refine),
            ),
            Expr::Season { season, offset } => (TimeKind::Date, self.season(*season, *offset)),
            Expr::Weekday { day, rel } => (TimeKind::Date, self.weekday(*day, *rel, hit.start)),
            Expr::Weekend => (TimeKind::Date, self.weekend(hit.start)),
            Expr::Clock { hour, minute, utc } => {
                let mut value = self.clock(*hour, *minute, sentence);
                if *utc {
                    value.text.push('Z');
                }
                (TimeKind::Time, value)
            }
        };
        if let Some(part) = hit.part_of_day {
            add_part_of_day(&mut value, part);
            kind = TimeKind::Time;
        }
        if let Some(point) = value.point {
            self.narrative = Some(Narrative {
                point,
                span,
                anchor: value.anchor,
                sentence,
            });
        }
        TimeExpr {
            span,
            kind,
            value: value.text,
            anchor: value.anchor,
            anchored_to: value.anchored_to,
        }
    }

    /// Whether token `index` comes right after "the".
    fn follows_the(&self, index: usize) -> bool {
        index > 0
            && self.tokens[index - 1]
                .info
                .is_some_and(|info| info.keyword == Some(Kw::The))
    }

    /// Index of the sentence holding byte `offset`.
    fn sentence_of(&self, offset: usize) -> Option<usize> {
        let index = self.sentences.partition_point(|s| s.end <= offset);
        (index < self.sentences.len() && self.sentences[index].start <= offset).then_some(index)
    }

    /// The narrative time as a base: its point and the value fields pointing at it.
    fn narrative_base(&self) -> Option<(Point, Anchor, Option<Span>)> {
        self.narrative
            .map(|n| (n.point, Anchor::Narrative, Some(n.span)))
    }

    fn document_base(&self) -> Option<(Point, Anchor, Option<Span>)> {
        self.published
            .map(|d| (Point::Day(d), Anchor::Document, None))
    }

    /// The narrative year, when the narrative is a running chronology near `sentence`.
    fn chronology_year(&self, sentence: Option<usize>) -> Option<(i32, Span)> {
        let narrative = self.narrative?;
        let year = narrative.point.year()?;
        if self.published.is_none() {
            return Some((year, narrative.span));
        }
        if narrative.anchor == Anchor::Document {
            return None;
        }
        let fine = matches!(narrative.point, Point::Month(..) | Point::Day(_));
        // Without a sentence (`None`) the date is not part of a chronology.
        let near = match (narrative.sentence, sentence) {
            (Some(then), Some(now)) => now == then || now == then + 1 && fine,
            _ => false,
        };
        near.then_some((year, narrative.span))
    }

    /// "October 7", "in March": the year comes from the chronology or the publication date.
    fn calendar(
        &self,
        month: u32,
        day: Option<u32>,
        first_token: usize,
        sentence: Option<usize>,
    ) -> Value {
        let point_in = |year: i32| match day {
            Some(day) => NaiveDate::from_ymd_opt(year, month, day).map(Point::Day),
            None => Some(Point::Month(year, month)),
        };
        let unknown_value = || match day {
            Some(day) => format!("XXXX-{month:02}-{day:02}"),
            None => format!("XXXX-{month:02}"),
        };
        let document = self.published.map(|published| {
            let future = self.future_before(first_token);
            let distance = |year: i32| {
                let days = days_from(published, year, month, day)?;
                // News mostly reports the past: a future reading must be twice as close.
                Some(if days > 0 && !future {
                    2 * days
                } else {
                    days.abs()
                })
            };
            let year = published.year();
            [year - 1, year, year + 1]
                .into_iter()
                .filter_map(|y| Some((distance(y)?, y)))
                .min_by_key(|&(d, y)| (d, y))
        });
        let close_to_publication = document
            .flatten()
            .is_some_and(|(days, _)| days <= CLOSE_DAYS);
        if let Some((year, span)) = self
            .chronology_year(sentence)
            .filter(|_| !close_to_publication)
        {
            let point = point_in(year);
            let text = point.map_or_else(unknown_value, Point::value);
            return Value {
                text,
                anchor: Anchor::Narrative,
                anchored_to: Some(span),
                point,
            };
        }
        let point = document.flatten().and_then(|(_, y)| point_in(y));
        let text = point.map_or_else(unknown_value, Point::value);
        Value {
            text,
            anchor: Anchor::Document,
            anchored_to: None,
            point,
        }
    }

    /// `offset` units from the document or narrative time, then narrowed by `refine`.
    fn relative(
        &self,
        base: Base,
        unit: Unit,
        offset: Option<i32>,
        refine: Option<Refine>,
    ) -> Value {
        let (origin, anchor, anchored_to) = match base {
            Base::Document => self.document_base(),
            Base::Narrative => self.narrative_base(),
        }
        .map_or((None, anchor_of(base), None), |(p, a, s)| (Some(p), a, s));
        let point = origin
            .zip(offset)
            .and_then(|(p, n)| p.shift(unit, n))
            .and_then(|p| refine_point(p, refine));
        let text = point.map_or_else(|| unknown_refined(unit, refine), Point::value);
        Value {
            text,
            anchor,
            anchored_to,
            point,
        }
    }

    /// "last summer", "this fall", "next winter" against the publication date.
    fn season(&self, season: Season, offset: i32) -> Value {
        let point = self.published.map(|d| {
            let started = season.start_month() <= d.month();
            let year = match offset {
                o if o < 0 => {
                    if season.start_month() + 3 <= d.month() {
                        d.year()
                    } else {
                        d.year() - 1
                    }
                }
                0 => d.year(),
                _ => {
                    if started {
                        d.year() + 1
                    } else {
                        d.year()
                    }
                }
            };
            Point::Season(year, season)
        });
        let text = point.map_or_else(|| format!("XXXX-{}", season.code()), Point::value);
        Value {
            text,
            anchor: Anchor::Document,
            anchored_to: None,
            point,
        }
    }

    /// A weekday placed around the publication date.
    fn weekday(&self, day: Weekday, rel: WeekdayRel, first_token: usize) -> Value {
        let point = self.published.and_then(|published| {
            let back = i64::from(
                (7 + published.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7,
            );
            let ahead = (7 - back) % 7;
            let delta = match rel {
                WeekdayRel::Tense if self.future_before(first_token) => ahead,
                WeekdayRel::Tense => -back,
                WeekdayRel::This => ahead,
                WeekdayRel::Last => -(if back == 0 { 7 } else { back }),
                WeekdayRel::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
            };
            add_days(published, delta).map(Point::Day)
        });
        let text = point.map_or_else(|| unknown(Unit::Day).to_string(), Point::value);
        Value {
            text,
            anchor: Anchor::Document,
            anchored_to: None,
            point,
        }
    }

    /// "the weekend": the one of the last Saturday on or before the publication date, or of
    /// the next Saturday on or after it in a future context.
    fn weekend(&self, first_token: usize) -> Value {
        let point = self.published.and_then(|published| {
            let back = i64::from((published.weekday().num_days_from_monday() + 2) % 7);
            let delta = if self.future_before(first_token) {
                (7 - back) % 7
            } else {
                -back
            };
            let week = add_days(published, delta)?.iso_week();
            Some(Point::Weekend(week.year(), week.week()))
        });
        let text = point.map_or_else(|| "XXXX-WXX-WE".to_string(), Point::value);
        Value {
            text,
            anchor: Anchor::Document,
            anchored_to: None,
            point,
        }
    }

    /// Whether a future marker ("will", "next", "scheduled", …) comes shortly before token
    /// `first_token` in its sentence: "will meet on Friday", not "announced Friday that it will".
    fn future_before(&self, first_token: usize) -> bool {
        let Some(token) = self.tokens.get(first_token) else {
            return false;
        };
        let sentence_start = self
            .sentence_of(token.start)
            .map_or(0, |i| self.sentences[i].start);
        let start = first_token.saturating_sub(FUTURE_WINDOW);
        (start..first_token)
            .filter(|&k| self.tokens[k].start >= sentence_start)
            .any(|k| self.marks_future(k))
    }

    /// Token `k` is a future marker alone ("will") or with the word after it ("set to").
    fn marks_future(&self, k: usize) -> bool {
        let Some(info) = self.tokens[k].info else {
            return false;
        };
        info.future
            || !info.future_before.is_empty()
                && self.tokens.get(k + 1).is_some_and(|next| {
                    let next = &self.text[next.start..next.end];
                    info.future_before
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(next))
                })
    }

    /// A clock time on the narrative day of the same sentence, else on the publication date.
    fn clock(&self, hour: u32, minute: u32, sentence: Option<usize>) -> Value {
        let same_sentence_day = self
            .narrative
            .filter(|n| n.sentence.is_some() && n.sentence == sentence)
            .and_then(|n| Some((n.point.day()?, n.span)));
        let (day, anchor, anchored_to) = match (same_sentence_day, self.published) {
            (Some((day, span)), _) => (Some(day), Anchor::Narrative, Some(span)),
            (None, published) => (published, Anchor::Document, None),
        };
        let date = day.map_or_else(|| unknown(Unit::Day).to_string(), |d| Point::Day(d).value());
        Value {
            text: format!("{date}T{hour:02}:{minute:02}"),
            anchor,
            anchored_to,
            point: None,
        }
    }
}

fn anchor_of(base: Base) -> Anchor {
    match base {
        Base::Document => Anchor::Document,
        Base::Narrative => Anchor::Narrative,
    }
}

/// Signed days from `published` to the day `year-month-day`, or, for a whole month, to its
/// nearest day (0 when `published` lies in it): "as of February" in an April paper is about
/// six weeks back, not eight.
fn days_from(published: NaiveDate, year: i32, month: u32, day: Option<u32>) -> Option<i64> {
    if let Some(day) = day {
        return Some((NaiveDate::from_ymd_opt(year, month, day)? - published).num_days());
    }
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = Point::Month(year, month)
        .shift(Unit::Month, 1)
        .and_then(|next| match next {
            Point::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt(),
            _ => None,
        })?;
    Some(if published < first {
        (first - published).num_days()
    } else if published > last {
        (last - published).num_days()
    } else {
        0
    })
}

/// Narrows a shifted point to the month, day, season or quarter named with it.
fn refine_point(point: Point, refine: Option<Refine>) -> Option<Point> {
    let Some(refine) = refine else {
        return Some(point);
    };
    let year = point.year()?;
    Some(match refine {
        Refine::Month(m) => Point::Month(year, m),
        Refine::MonthDay(m, d) => Point::Day(NaiveDate::from_ymd_opt(year, m, d)?),
        Refine::Season(s) => Point::Season(year, s),
        Refine::Quarter(q) => Point::Quarter(year, q),
        Refine::Weekend => match point {
            Point::Week(y, w) => Point::Weekend(y, w),
            _ => return None,
        },
    })
}

/// The underspecified value of an unresolved relative expression: `XXXX-01-31`, `XXXX-Q3`, ….
fn unknown_refined(unit: Unit, refine: Option<Refine>) -> String {
    match refine {
        None => unknown(unit).to_string(),
        Some(Refine::Month(m)) => format!("XXXX-{m:02}"),
        Some(Refine::MonthDay(m, d)) => format!("XXXX-{m:02}-{d:02}"),
        Some(Refine::Season(s)) => format!("XXXX-{}", s.code()),
        Some(Refine::Quarter(q)) => format!("XXXX-Q{q}"),
        Some(Refine::Weekend) => "XXXX-WXX-WE".to_string(),
    }
}

/// Appends a part of day to a day value (`2023-10-07TMO`); coarser values keep their text.
fn add_part_of_day(value: &mut Value, part: PartOfDay) {
    if value.point.is_none_or(|p| p.day().is_some()) && value.text.len() == 10 {
        value.text.push('T');
        value.text.push_str(part.code());
    }
}
