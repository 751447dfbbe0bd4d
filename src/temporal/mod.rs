//! Finding and normalizing time expressions.
//!
//! One engine serves the app, `dateline extract` and `dateline timeml`: [`tag`] finds every
//! time expression in a text and resolves it against the document's creation date (the
//! article date) into both a TIMEX3 value and, for dates, a calendar interval with a
//! precision and an anchor.

mod engine;
mod lex;
pub mod timeml;
mod trigger;
mod value;

pub(crate) use value::iso_day;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How precisely an interval is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
    /// An explicit range (`between X and Y`, `since September`).
    Range,
}

/// What a resolved date rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    /// The text itself fixes the date (`January 16, 2024`).
    Absolute,
    /// Resolved against a known article date.
    Article,
    /// Resolved against an estimated article date: show as uncertain.
    Estimate,
    /// Relative, and there was nothing to resolve it against: no start or end.
    #[default]
    None,
}

/// The TIMEX3 type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// The article date a document's relative expressions resolve against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocDate {
    pub date: Option<NaiveDate>,
    /// True when `date` is an estimate (for example the latest explicit date in the text).
    pub estimated: bool,
}

impl DocDate {
    #[must_use]
    pub fn known(date: NaiveDate) -> Self {
        Self {
            date: Some(date),
            estimated: false,
        }
    }
}

/// One time expression found in a text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimeExpr {
    /// Byte range in the tagged text, on char boundaries.
    pub start: usize,
    pub end: usize,
    pub timex_type: TimexType,
    /// TIMEX3 value: `2013-03-22`, `2013-W11`, `P3D`, `PRESENT_REF`, `XXXX-WI`...
    pub value: String,
    /// TIMEX3 `mod`: `START`, `END`, `APPROX`, `MORE_THAN`...
    pub modifier: Option<String>,
    /// For dates: the calendar interval (inclusive) it covers, when it could be resolved.
    pub interval: Option<(NaiveDate, NaiveDate)>,
    pub precision: Precision,
    pub anchor: Anchor,
}

/// When an event happened, as the JSON contract names it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct When {
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_date",
        default
    )]
    pub start: Option<NaiveDate>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_date",
        default
    )]
    pub end: Option<NaiveDate>,
    pub precision: Precision,
    /// The expression as written in the text.
    pub expression: String,
    pub anchor: Anchor,
    /// TIMEX3 value of the expression.
    #[serde(default)]
    pub value: String,
}

/// Serializes a date as chrono does (`2024-01-16`), writing the digits of years 0 to 9999
/// directly instead of through chrono's formatter.
fn serialize_date<S: serde::Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    /// A date whose string is already made.
    struct Iso([u8; 10]);
    impl Serialize for Iso {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match std::str::from_utf8(&self.0) {
                Ok(t) => s.serialize_str(t),
                Err(e) => Err(serde::ser::Error::custom(e)),
            }
        }
    }
    match d.and_then(value::iso_day) {
        Some(b) => s.serialize_some(&Iso(b)),
        None => d.serialize(s),
    }
}

impl TimeExpr {
    /// The expression as the JSON contract's `when`: no start or end unless it is resolved.
    #[must_use]
    pub fn when(&self, text: &str) -> When {
        let (start, end) = match (self.anchor, self.interval) {
            (Anchor::None, _) | (_, None) => (None, None),
            (_, Some((a, b))) => (Some(a), Some(b)),
        };
        When {
            start,
            end,
            precision: self.precision,
            expression: text.get(self.start..self.end).unwrap_or("").to_string(),
            anchor: self.anchor,
            value: self.value.clone(),
        }
    }
}

/// Finds and normalizes every time expression in `text`, as a reader of the timeline wants
/// them: a range such as `between December 30, 2023 and February 7, 2024` or `since
/// September` is one expression with [`Precision::Range`].
#[must_use]
pub fn tag(text: &str, doc: DocDate) -> Vec<TimeExpr> {
    merge_ranges(text, doc, tag_timex(text, doc))
}

/// Finds and normalizes every time expression in `text` with TimeML's extents: the
/// prepositions of a range (`between`, `since`) are signals outside the expressions, so a
/// range is two expressions.
#[must_use]
pub fn tag_timex(text: &str, doc: DocDate) -> Vec<TimeExpr> {
    normalize(engine::find(text, doc), doc)
}

/// What [`tag_traced`] keeps of a tagging for tagging the same text again with another
/// article date ([`tag_again`]): where it searched and what it tokenized.
#[derive(Debug, Default)]
pub(crate) struct Trace(engine::Trace);

/// [`tag`], keeping a [`Trace`] of the work that does not depend on `doc`.
pub(crate) fn tag_traced(text: &str, doc: DocDate) -> (Vec<TimeExpr>, Trace) {
    let mut trace = Trace::default();
    let found = engine::find_traced(text, doc, engine::Tracing::Record(&mut trace.0));
    (merge_ranges(text, doc, normalize(found, doc)), trace)
}

/// [`tag`] of the text that `trace` was made from, reusing its searches and tokens: the same
/// expressions as `tag(text, doc)`, for less work.
pub(crate) fn tag_again(text: &str, doc: DocDate, trace: &Trace) -> Vec<TimeExpr> {
    let found = engine::find_traced(text, doc, engine::Tracing::Replay(&trace.0, 0, 0));
    merge_ranges(text, doc, normalize(found, doc))
}

/// The engine's expressions as [`TimeExpr`]s: TIMEX3 values, intervals and anchors.
fn normalize(found: Vec<engine::Found>, doc: DocDate) -> Vec<TimeExpr> {
    found
        .into_iter()
        .map(|f| {
            let precision = if f.range.is_some() {
                Precision::Range
            } else {
                f.v.precision()
            };
            let interval = match f.ty {
                TimexType::Date | TimexType::Time => {
                    f.v.interval()
                        .map(|iv| value::narrow(iv, f.modifier))
                        .or(f.range)
                        .or_else(|| present_interval(&f.v, doc))
                }
                // `in recent weeks`: a duration that ends at the DCT is also a range.
                TimexType::Duration => f.range,
                TimexType::Set => None,
            };
            let anchor = if interval.is_none() {
                Anchor::None
            } else {
                f.anchor
            };
            TimeExpr {
                start: f.start,
                end: f.end,
                timex_type: f.ty,
                value: f.v.timex(),
                modifier: f.modifier.map(str::to_string),
                interval,
                precision,
                anchor,
            }
        })
        .collect()
}

/// `now`, `currently`: the article date itself.
fn present_interval(v: &value::V, doc: DocDate) -> Option<(NaiveDate, NaiveDate)> {
    match v {
        value::V::Lit(s) if s == "PRESENT_REF" => doc.date.map(|d| (d, d)),
        _ => None,
    }
}

/// The weaker of two anchors: a range is only as certain as its least certain end.
fn weaker(a: Anchor, b: Anchor) -> Anchor {
    let rank = |x: Anchor| match x {
        Anchor::Absolute => 0,
        Anchor::Article => 1,
        Anchor::Estimate => 2,
        Anchor::None => 3,
    };
    if rank(a) >= rank(b) { a } else { b }
}

/// The word just before byte `at`, skipping spaces, and where it starts.
fn word_before(text: &str, at: usize) -> Option<(&str, usize)> {
    let head = text.get(..at)?;
    let trimmed = head.trim_end();
    let start = trimmed
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + 1);
    let w = trimmed.get(start..)?;
    (!w.is_empty()).then_some((w, start))
}

fn merge_ranges(text: &str, doc: DocDate, exprs: Vec<TimeExpr>) -> Vec<TimeExpr> {
    let mut out: Vec<TimeExpr> = Vec::with_capacity(exprs.len());
    let mut it = exprs.into_iter().peekable();
    while let Some(e) = it.next() {
        let dated = e.interval.is_some() && e.timex_type == TimexType::Date;
        // (Only dated expressions join a range.)
        let before = if dated {
            word_before(text, e.start)
        } else {
            None
        };
        // The word before, compared without making a lowercase copy of it.
        let lead_is = |w: &str| before.is_some_and(|(l, _)| l.eq_ignore_ascii_case(w));
        // `between X and Y`, `from X to Y`
        if dated
            && let Some((_, lead_start)) = before
            && (lead_is("between") || lead_is("from"))
            && let Some(next) = it.peek()
            && next.interval.is_some()
            && next.timex_type == TimexType::Date
            && let Some(gap) = text.get(e.end..next.start)
        {
            let g = gap
                .trim()
                .trim_start_matches(',')
                .trim()
                .to_ascii_lowercase();
            let joins = if lead_is("between") {
                g == "and"
            } else {
                matches!(
                    g.as_str(),
                    "to" | "until" | "through" | "till" | "-" | "\u{2013}"
                )
            };
            if joins
                && let (Some(a), Some(b)) = (e.interval, next.interval)
                && a.0 <= b.1
            {
                let r = TimeExpr {
                    start: lead_start,
                    end: next.end,
                    timex_type: TimexType::Date,
                    value: format!("{}/{}", e.value, next.value),
                    modifier: None,
                    interval: Some((a.0, b.1)),
                    precision: Precision::Range,
                    anchor: weaker(e.anchor, next.anchor),
                };
                it.next();
                out.push(r);
                continue;
            }
        }
        // `since September`: up to the article date.
        if dated
            && let Some((_, lead_start)) = before
            && lead_is("since")
            && let (Some(a), Some(d)) = (e.interval, doc.date)
            && a.0 <= d
        {
            let anchor = weaker(
                e.anchor,
                if doc.estimated {
                    Anchor::Estimate
                } else {
                    Anchor::Article
                },
            );
            out.push(TimeExpr {
                start: lead_start,
                end: e.end,
                timex_type: TimexType::Date,
                value: format!("{}/{}", e.value, d.format("%Y-%m-%d")),
                modifier: None,
                interval: Some((a.0, d)),
                precision: Precision::Range,
                anchor,
            });
            continue;
        }
        out.push(e);
    }
    out
}

#[cfg(test)]
mod when_tests {
    use super::*;

    #[test]
    fn dates_serialize_as_chrono_writes_them() {
        for (y, m, d) in [
            (2024, 1, 16),
            (7, 12, 31),
            (12345, 2, 3),
            (-44, 3, 15),
            (0, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d);
            let w = When {
                start: date,
                end: date,
                precision: Precision::Day,
                expression: "x".into(),
                anchor: Anchor::Absolute,
                value: "v".into(),
            };
            let want = format!(
                "{{\"start\":{0},\"end\":{0},\"precision\":\"day\",\"expression\":\"x\",\"anchor\":\"absolute\",\"value\":\"v\"}}",
                serde_json::to_string(&date).unwrap_or_default()
            );
            assert_eq!(serde_json::to_string(&w).unwrap_or_default(), want);
        }
    }
}

#[cfg(test)]
mod trace_tests {
    use super::*;

    /// Tagging again from a trace gives what tagging afresh gives, whatever dates the two
    /// taggings have.
    fn same_again(text: &str) {
        let dates = [
            DocDate::default(),
            DocDate {
                date: NaiveDate::from_ymd_opt(2024, 2, 29),
                estimated: true,
            },
            DocDate::known(NaiveDate::from_ymd_opt(1998, 10, 31).unwrap_or_default()),
        ];
        for first in dates {
            let (tags, trace) = tag_traced(text, first);
            assert_eq!(tags, tag(text, first));
            for second in dates {
                assert_eq!(
                    tag_again(text, second, &trace),
                    tag(text, second),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn tagging_again_matches_tagging_afresh() {
        for t in [
            "",
            "On Jan. 16, 1998, talks began. The next day they ended; last month was quiet.",
            "Sales rose 5% in the fourth quarter ended Sept. 30, a year earlier than in 2023.",
            "Between December 30, 2023 and February 7, 2024, and since September, nothing; \
             on Tuesday, three days later, at 10:35 a.m. New Year's Day was recently.",
        ] {
            same_again(t);
        }
        for a in crate::generate::corpus_of_size(7, 40_000) {
            same_again(&a.text);
        }
    }
}
