//! Mapping between days and pixels, like Rerun's `TimeRangesUi`: a small value rebuilt
//! every frame. Time is kept as days since the common era (`f64`, see [`day_number`]).

use chrono::{Datelike as _, NaiveDate};

/// Days since 0001-01-01 (proleptic Gregorian, day 1 = 0001-01-01) as `f64`.
#[must_use]
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The calendar day containing `day` (floored), when it is a representable date.
#[must_use]
pub fn date_of_day(day: f64) -> Option<NaiveDate> {
    if !day.is_finite() || day.abs() > 1.0e8 {
        return None;
    }
    // The range check above keeps the value well inside i32.
    #[allow(clippy::cast_possible_truncation)]
    let d = day.floor() as i32;
    NaiveDate::from_num_days_from_ce_opt(d)
}

/// Smallest and largest zoom: about 20 minutes per pixel to 20 years per pixel.
const MIN_PX_PER_DAY: f64 = 1.0 / (365.25 * 20.0);
const MAX_PX_PER_DAY: f64 = 72.0;

/// Which days a horizontal strip of pixels shows. `x` is measured from the strip's left edge.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TimeView {
    /// The day at the left edge (`x = 0`).
    pub left_day: f64,
    pub px_per_day: f64,
}

impl Default for TimeView {
    fn default() -> Self {
        // Two years around the start of 2024 in a 1,000 px wide strip.
        let left = NaiveDate::from_ymd_opt(2023, 1, 1).map_or(738_000.0, day_number);
        Self {
            left_day: left,
            px_per_day: 1000.0 / 730.0,
        }
    }
}

impl TimeView {
    /// A view showing `[first_day, last_day]` across `width_px`, with a small margin.
    #[must_use]
    pub fn fit(first_day: f64, last_day: f64, width_px: f64) -> Self {
        Self::fit_right_of(first_day, last_day, width_px, 0.0)
    }

    /// [`TimeView::fit`] into the part of the strip right of `left_px` (where the timeline's
    /// lane labels sit), so that no item starts under them. At most 40% of the strip is
    /// given up.
    #[must_use]
    pub fn fit_right_of(first_day: f64, last_day: f64, width_px: f64, left_px: f64) -> Self {
        let width = width_px.max(1.0);
        let left = if left_px.is_finite() {
            left_px.clamp(0.0, width * 0.4)
        } else {
            0.0
        };
        let span = (last_day - first_day).max(7.0);
        let margin = span * 0.04;
        let px_per_day =
            ((width - left) / (span + 2.0 * margin)).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        Self {
            left_day: first_day - margin - left / px_per_day,
            px_per_day,
        }
    }

    /// The x coordinate of `day`.
    #[must_use]
    pub fn x_of(&self, day: f64) -> f64 {
        (day - self.left_day) * self.px_per_day
    }

    /// The day at x coordinate `x`.
    #[must_use]
    pub fn day_at(&self, x: f64) -> f64 {
        self.left_day + x / self.px_per_day
    }

    /// The day at the right edge of a strip `width_px` wide.
    #[must_use]
    pub fn right_day(&self, width_px: f64) -> f64 {
        self.day_at(width_px)
    }

    /// The view moved so that content follows a drag of `dx_px` pixels (right is positive).
    #[must_use]
    pub fn pan(&self, dx_px: f64) -> Self {
        Self {
            left_day: self.left_day - dx_px / self.px_per_day,
            px_per_day: self.px_per_day,
        }
    }

    /// The view zoomed by `factor` (> 1 zooms in) keeping the day under `x` in place.
    #[must_use]
    pub fn zoom_at(&self, x: f64, factor: f64) -> Self {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.day_at(x);
        let px_per_day = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        Self {
            left_day: anchor - x / px_per_day,
            px_per_day,
        }
    }

    /// The view centred on `day`, same zoom.
    #[must_use]
    pub fn centered_on(&self, day: f64, width_px: f64) -> Self {
        Self {
            left_day: day - width_px / 2.0 / self.px_per_day,
            px_per_day: self.px_per_day,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_round_trip() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(date_of_day(day_number(d)), Some(d));
        assert_eq!(date_of_day(day_number(d) + 0.99), Some(d));
        assert_eq!(date_of_day(f64::NAN), None);
        assert_eq!(date_of_day(1.0e12), None);
    }

    #[test]
    fn pixel_round_trip() {
        let v = TimeView {
            left_day: 738_000.0,
            px_per_day: 2.5,
        };
        for x in [0.0, 1.0, 333.3, 1200.0] {
            assert!((v.x_of(v.day_at(x)) - x).abs() < 1e-9);
        }
    }

    #[test]
    fn pan_moves_content_with_the_pointer() {
        let v = TimeView {
            left_day: 1000.0,
            px_per_day: 4.0,
        };
        let day = v.day_at(100.0);
        let p = v.pan(40.0);
        assert!((p.x_of(day) - 140.0).abs() < 1e-9);
        assert_eq!(v.left_day, 1000.0, "pan returns a new view");
    }

    #[test]
    fn zoom_keeps_the_day_under_the_pointer() {
        let v = TimeView {
            left_day: 1000.0,
            px_per_day: 4.0,
        };
        let day = v.day_at(250.0);
        for f in [0.5, 1.1, 3.0] {
            let z = v.zoom_at(250.0, f);
            assert!((z.day_at(250.0) - day).abs() < 1e-9);
            assert!((z.px_per_day - 4.0 * f).abs() < 1e-9);
        }
        assert_eq!(v.zoom_at(10.0, f64::NAN), v);
        assert!(v.zoom_at(0.0, 1e9).px_per_day <= MAX_PX_PER_DAY);
    }

    #[test]
    fn fit_shows_the_whole_span() {
        let v = TimeView::fit(1000.0, 2000.0, 800.0);
        assert!(v.x_of(1000.0) > 0.0 && v.x_of(2000.0) < 800.0);
        let point = TimeView::fit(5.0, 5.0, 800.0);
        assert!(point.x_of(5.0) > 0.0 && point.x_of(5.0) < 800.0);
    }

    #[test]
    fn fit_right_of_keeps_the_span_clear_of_the_left_band() {
        let v = TimeView::fit_right_of(1000.0, 2000.0, 800.0, 120.0);
        assert!(v.x_of(1000.0) > 120.0 && v.x_of(2000.0) < 800.0);
        // A band wider than 40% of the strip, or not a number, is not honoured whole.
        let wide = TimeView::fit_right_of(1000.0, 2000.0, 800.0, 700.0);
        assert!(wide.x_of(1000.0) > 320.0 && wide.x_of(1000.0) < 340.0);
        assert_eq!(
            TimeView::fit_right_of(1000.0, 2000.0, 800.0, f64::NAN),
            TimeView::fit(1000.0, 2000.0, 800.0)
        );
    }
}
