//! Calendar-aware axis ticks: centuries and decades down to years, months, weeks and days.

use chrono::{Datelike as _, Months, NaiveDate};

use super::view::{TimeView, date_of_day, day_number};

/// One tick on the time axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub day: f64,
    pub label: String,
    /// Major ticks start a larger unit (a new year among months, a new month among days).
    pub major: bool,
}

/// The calendar step between ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Years(i32),
    Months(u32),
    Week,
    Days(u32),
}

impl Step {
    /// Approximate length in days, to choose a step that fits.
    fn approx_days(self) -> f64 {
        match self {
            Self::Years(n) => 365.25 * f64::from(n),
            Self::Months(n) => 30.44 * f64::from(n),
            Self::Week => 7.0,
            Self::Days(n) => f64::from(n),
        }
    }
}

const STEPS: [Step; 16] = [
    Step::Days(1),
    Step::Days(2),
    Step::Week,
    Step::Months(1),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(200),
    Step::Years(500),
    Step::Years(1000),
];

/// The finest step whose ticks are at least `min_spacing_px` apart.
#[must_use]
pub fn choose_step(px_per_day: f64, min_spacing_px: f64) -> Step {
    STEPS
        .iter()
        .copied()
        .find(|s| s.approx_days() * px_per_day >= min_spacing_px)
        .unwrap_or(Step::Years(1000))
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn month_name(d: NaiveDate) -> &'static str {
    MONTHS.get(d.month0() as usize).copied().unwrap_or("?")
}

/// The first tick at or before `d` for `step`.
fn align(d: NaiveDate, step: Step) -> Option<NaiveDate> {
    match step {
        Step::Years(n) => NaiveDate::from_ymd_opt(d.year().div_euclid(n) * n, 1, 1),
        Step::Months(n) => {
            let m0 = d.month0() / n * n;
            NaiveDate::from_ymd_opt(d.year(), m0 + 1, 1)
        }
        Step::Week => Some(d - chrono::Days::new(u64::from(d.weekday().num_days_from_monday()))),
        Step::Days(n) => {
            let off =
                u64::try_from(d.num_days_from_ce().rem_euclid(i32::try_from(n).ok()?)).ok()?;
            Some(d - chrono::Days::new(off))
        }
    }
}

fn advance(d: NaiveDate, step: Step) -> Option<NaiveDate> {
    match step {
        Step::Years(n) => NaiveDate::from_ymd_opt(d.year().checked_add(n)?, 1, 1),
        Step::Months(n) => d.checked_add_months(Months::new(n)),
        Step::Week => d.checked_add_days(chrono::Days::new(7)),
        Step::Days(n) => d.checked_add_days(chrono::Days::new(u64::from(n))),
    }
}

fn label(d: NaiveDate, step: Step) -> (String, bool) {
    match step {
        Step::Years(_) => (d.year().to_string(), false),
        Step::Months(_) => {
            if d.month() == 1 {
                (format!("{}", d.year()), true)
            } else {
                (month_name(d).to_owned(), false)
            }
        }
        Step::Week | Step::Days(_) => {
            if d.day() == 1 || (step == Step::Week && d.day() <= 7) {
                (format!("{} {} {}", d.day(), month_name(d), d.year()), true)
            } else {
                (format!("{} {}", d.day(), month_name(d)), false)
            }
        }
    }
}

/// Ticks for the days visible in a strip `width_px` wide, labels at least
/// `min_spacing_px` apart. At most a few hundred ticks are ever returned.
#[must_use]
pub fn ticks(view: &TimeView, width_px: f64, min_spacing_px: f64) -> Vec<Tick> {
    let step = choose_step(view.px_per_day, min_spacing_px);
    let (Some(first), Some(last)) = (
        date_of_day(view.left_day),
        date_of_day(view.right_day(width_px)),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut d = align(first, step);
    while let Some(day) = d {
        if day > last || out.len() > 400 {
            break;
        }
        let (text, major) = label(day, step);
        out.push(Tick {
            day: day_number(day),
            label: text,
            major,
        });
        d = advance(day, step);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view_for(first: NaiveDate, days: f64, width: f64) -> TimeView {
        TimeView {
            left_day: day_number(first),
            px_per_day: width / days,
        }
    }

    #[test]
    fn step_follows_zoom() {
        assert_eq!(choose_step(100.0, 80.0), Step::Days(1));
        assert_eq!(choose_step(80.0 / 30.0, 80.0), Step::Months(1));
        assert_eq!(choose_step(1000.0 / (30.0 * 365.0), 80.0), Step::Years(5));
    }

    #[test]
    fn month_ticks_start_months_and_mark_years() {
        let d = NaiveDate::from_ymd_opt(2023, 11, 15).unwrap();
        let t = ticks(&view_for(d, 150.0, 1000.0), 1000.0, 80.0);
        let labels: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        assert!(labels.contains(&"2024"), "{labels:?}");
        assert!(labels.contains(&"Feb"), "{labels:?}");
        assert!(t.iter().any(|t| t.major));
        assert!(t.windows(2).all(|w| w[0].day < w[1].day));
    }

    #[test]
    fn week_ticks_are_mondays() {
        let d = NaiveDate::from_ymd_opt(2024, 3, 3).unwrap();
        let t = ticks(&view_for(d, 60.0, 700.0), 700.0, 80.0);
        for tick in &t {
            let date = date_of_day(tick.day).unwrap();
            assert_eq!(date.weekday(), chrono::Weekday::Mon, "{}", tick.label);
        }
    }

    #[test]
    fn decades_and_extremes_do_not_panic() {
        let d = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
        let t = ticks(&view_for(d, 365.0 * 40.0, 900.0), 900.0, 80.0);
        assert!(t.iter().all(|t| t.label.len() == 4));
        let huge = TimeView {
            left_day: -1.0e9,
            px_per_day: 1e-6,
        };
        assert!(ticks(&huge, 1000.0, 80.0).len() <= 401);
        let edge = TimeView {
            left_day: 3_000_000.0,
            px_per_day: 1.0,
        };
        let _ = ticks(&edge, 1000.0, 80.0);
    }
}
