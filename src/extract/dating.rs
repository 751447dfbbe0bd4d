//! Which date an event takes: a time expression of its own clause, or one the text ties it
//! to, or the article date for the news of the day, or none.

use chrono::{Datelike, NaiveDate};

use crate::corpus::{Article, DateSource};
use crate::temporal::{Anchor, Precision, TimeExpr, TimexType, When};

/// Time expressions that can date an event (dates and times, not durations or sets, and
/// not `now`-like references that only say "at present").
pub fn usable(t: &TimeExpr) -> bool {
    matches!(t.timex_type, TimexType::Date | TimexType::Time)
        && !matches!(t.value.as_str(), "PRESENT_REF" | "FUTURE_REF")
}

/// The `When` of an expression found in `text`.
pub fn when_of(text: &str, t: &TimeExpr) -> When {
    let (start, end) = match (t.anchor, t.interval) {
        (Anchor::None, _) | (_, None) => (None, None),
        (_, Some((s, e))) => (Some(s), Some(e)),
    };
    When {
        start,
        end,
        precision: t.precision,
        expression: text.get(t.start..t.end).unwrap_or("").to_string(),
        anchor: t.anchor,
        value: t.value.clone(),
    }
}

/// The article date as the date of a lead event (`expression` is empty).
pub fn article_when(article: &Article) -> Option<When> {
    let d = article.published?;
    let anchor = if article.published_source == DateSource::Estimate {
        Anchor::Estimate
    } else {
        Anchor::Article
    };
    Some(When {
        start: Some(d),
        end: Some(d),
        precision: Precision::Day,
        expression: String::new(),
        anchor,
        value: d.format("%Y-%m-%d").to_string(),
    })
}

/// `overnight` in a story: the night before the article date, which ends on that date.
pub fn overnight_when(article: &Article) -> Option<When> {
    let mut w = article_when(article)?;
    w.start = w.start.and_then(|d| d.pred_opt());
    "overnight".clone_into(&mut w.expression);
    Some(w)
}

/// Whether an expression points away from the news of the day (more than a week before the
/// article date, or after it). Such a sentence ends the article's lead.
pub fn off_news(t: &TimeExpr, published: Option<NaiveDate>) -> bool {
    let (Some(p), Some((s, e))) = (published, t.interval) else {
        // Without an article date, any explicit absolute date ends the lead.
        return t.anchor == Anchor::Absolute;
    };
    e < p - chrono::Days::new(7) || s > p + chrono::Days::new(1)
}

/// The expression nearest to the trigger at `pos`. One before the trigger and cut off from
/// it by a comma (`attacks since 2018, stated in June`) belongs to the words before it.
pub fn nearest<'a>(
    text: &str,
    exprs: &[&'a TimeExpr],
    pos: (usize, usize),
) -> Option<&'a TimeExpr> {
    exprs.iter().copied().min_by_key(|t| {
        if t.end <= pos.0 {
            let between = text.get(t.end..pos.0).unwrap_or("");
            let cut = if between.contains([',', ';', ':']) {
                200
            } else {
                0
            };
            pos.0 - t.end + cut
        } else {
            t.start.saturating_sub(pos.1)
        }
    })
}

/// True when the `When` comes from the article date rather than from the text.
pub fn is_fallback(w: &When) -> bool {
    w.expression.is_empty()
}

/// `last <Month>` names that month in the year before the article's year, as `last year`
/// names the year before: in a September 2024 article `last July` is July 2023 (July 2024
/// would be written `in July`, `this July` or `this past July`). Before the article's month
/// both readings agree (`last December` in January 2024 is December 2023). Other
/// expressions are left as the tagger resolved them.
pub fn last_month_of_previous_year(text: &str, t: &mut TimeExpr, published: Option<NaiveDate>) {
    let (Some(p), Some((s, _))) = (published, t.interval) else {
        return;
    };
    if t.anchor == Anchor::Absolute || t.precision != Precision::Month {
        return;
    }
    let expr = text.get(t.start..t.end).unwrap_or("").to_lowercase();
    let mut words = expr.split_whitespace();
    // The tagger resolved the month itself (`last Sept.` is September); only its year moves.
    // `last month` is the month before the article's and stays.
    let (Some("last"), Some(month), None) = (words.next(), words.next(), words.next()) else {
        return;
    };
    if month == "month" {
        return;
    }
    let year = p.year() - 1;
    let m = s.month();
    if s.year() == year {
        return;
    }
    let Some(first) = NaiveDate::from_ymd_opt(year, m, 1) else {
        return;
    };
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, m + 1, 1)
    };
    let Some(last) = next.and_then(|n| n.pred_opt()) else {
        return;
    };
    t.interval = Some((first, last));
    t.value = first.format("%Y-%m").to_string();
}

/// A reported act told in the past tense cannot happen after the article was published: a
/// date the text gives only relative to the article (`the next day` with no earlier date to
/// count from) that lies wholly after it is dropped rather than shown.
pub fn impossible_for_past(w: &When, published: Option<NaiveDate>) -> bool {
    let (Some(p), Some(s)) = (published, w.start) else {
        return false;
    };
    w.anchor != Anchor::Absolute && s > p
}
