//! Normalized values: what an expression means, its TIMEX3 string and its calendar interval.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::Precision;

/// A season of the (northern, meteorological) year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A normalized value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum V {
    Day(NaiveDate),
    /// ISO year and week.
    Week(i32, u32),
    /// The weekend of an ISO week.
    Weekend(i32, u32),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, Season),
    Year(i32),
    /// First three digits of the years: `199` for the 1990s.
    Decade(i32),
    /// First two digits: `19` for the 20th century.
    Century(i32),
    /// A date (or none) and a time of day: `T10:00`, `TMO`.
    Time(Option<NaiveDate>, String),
    /// Anything else: `PAST_REF`, `P3Y`, `XXXX-06`, `XXXX-WXX-2`.
    Lit(String),
}

/// `YYYY-MM-DD` of a date in the years 0 to 9999, as `format!("{:04}-{:02}-{:02}")` and
/// chrono's `Display` write it, without the formatting machinery; `None` for other years.
pub(crate) fn iso_day(d: NaiveDate) -> Option<[u8; 10]> {
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let (m, day) = (d.month(), d.day());
    let digit = |v: u32| b'0' + u8::try_from(v % 10).unwrap_or(0);
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

/// A year, a separator and a part of the year zero-padded to `width`: `2024-W05`, `2024-Q1`.
fn push_year_part(out: &mut String, year: i32, sep: &str, part: u32, width: usize) {
    push_num(out, year, 4);
    out.push_str(sep);
    push_num(out, part, width);
}

/// Appends `v` as `format!("{v:0width$}")` writes it: digits written directly for numbers
/// from 0, through the formatter for negative ones.
fn push_num<T: Copy + Into<i64>>(out: &mut String, v: T, width: usize) {
    let v: i64 = v.into();
    let Ok(mut x) = u64::try_from(v) else {
        use std::fmt::Write;
        let _ = write!(out, "{v:0width$}");
        return;
    };
    let mut digits = [b'0'; 20];
    let mut n = 0;
    for d in digits.iter_mut().rev() {
        *d = b'0' + u8::try_from(x % 10).unwrap_or(0);
        n += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    for _ in n..width {
        out.push('0');
    }
    let tail = digits.get(digits.len() - n..).unwrap_or(&[]);
    // ASCII digits: each byte is a char.
    out.extend(tail.iter().map(|&c| char::from(c)));
}

/// Appends `YYYY-MM-DD` as `format!("{:04}-{:02}-{:02}")` writes it.
fn push_day(out: &mut String, d: NaiveDate) {
    match iso_day(d) {
        // ASCII digits and dashes: each byte is a char.
        Some(b) => out.extend(b.iter().map(|&c| char::from(c))),
        None => {
            push_num(out, d.year(), 4);
            out.push('-');
            push_num(out, d.month(), 2);
            out.push('-');
            push_num(out, d.day(), 2);
        }
    }
}

pub(crate) fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m >= 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

pub(crate) fn weekday_num(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

pub(crate) fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub(crate) fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let k = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(k))
    } else {
        d.checked_sub_months(Months::new(k))
    }
}

impl V {
    /// The TIMEX3 value string.
    pub fn timex(&self) -> String {
        let mut out = String::with_capacity(16);
        match self {
            V::Day(d) => push_day(&mut out, *d),
            V::Week(y, w) => push_year_part(&mut out, *y, "-W", *w, 2),
            V::Weekend(y, w) => {
                push_year_part(&mut out, *y, "-W", *w, 2);
                out.push_str("-WE");
            }
            V::Month(y, m) => push_year_part(&mut out, *y, "-", *m, 2),
            V::Quarter(y, q) => push_year_part(&mut out, *y, "-Q", *q, 1),
            V::Half(y, h) => push_year_part(&mut out, *y, "-H", *h, 1),
            V::Season(y, s) => {
                push_num(&mut out, *y, 4);
                out.push('-');
                out.push_str(s.code());
            }
            V::Year(y) => push_num(&mut out, *y, 4),
            V::Decade(d) => push_num(&mut out, *d, 3),
            V::Century(c) => push_num(&mut out, *c, 2),
            V::Time(Some(d), t) => {
                push_day(&mut out, *d);
                out.push_str(t);
            }
            V::Time(None, t) => {
                out.push_str("XXXX-XX-XX");
                out.push_str(t);
            }
            V::Lit(s) => return s.clone(),
        }
        out
    }

    /// The inclusive calendar interval, when the value is a calendar date.
    pub fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        match *self {
            V::Day(d) | V::Time(Some(d), _) => Some((d, d)),
            V::Week(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                Some((a, add_days(a, 6)?))
            }
            V::Weekend(y, w) => {
                let a = NaiveDate::from_isoywd_opt(y, w, Weekday::Sat)?;
                Some((a, add_days(a, 1)?))
            }
            V::Month(y, m) => Some((ymd(y, m, 1)?, last_of_month(y, m)?)),
            V::Quarter(y, q) => {
                let m0 = q.checked_sub(1)? * 3 + 1;
                Some((ymd(y, m0, 1)?, last_of_month(y, m0 + 2)?))
            }
            V::Half(y, h) => {
                let m0 = h.checked_sub(1)? * 6 + 1;
                Some((ymd(y, m0, 1)?, last_of_month(y, m0 + 5)?))
            }
            V::Season(y, s) => match s {
                Season::Spring => Some((ymd(y, 3, 1)?, ymd(y, 5, 31)?)),
                Season::Summer => Some((ymd(y, 6, 1)?, ymd(y, 8, 31)?)),
                Season::Fall => Some((ymd(y, 9, 1)?, ymd(y, 11, 30)?)),
                Season::Winter => Some((ymd(y, 12, 1)?, last_of_month(y + 1, 2)?)),
            },
            V::Year(y) => Some((ymd(y, 1, 1)?, ymd(y, 12, 31)?)),
            V::Decade(d) => Some((ymd(d * 10, 1, 1)?, ymd(d * 10 + 9, 12, 31)?)),
            V::Century(c) => Some((ymd(c * 100, 1, 1)?, ymd(c * 100 + 99, 12, 31)?)),
            V::Time(None, _) | V::Lit(_) => None,
        }
    }

    pub fn precision(&self) -> Precision {
        match self {
            V::Day(_) | V::Time(..) | V::Lit(_) => Precision::Day,
            V::Week(..) | V::Weekend(..) => Precision::Week,
            V::Month(..) => Precision::Month,
            V::Quarter(..) | V::Half(..) => Precision::Quarter,
            V::Season(..) => Precision::Season,
            V::Year(_) => Precision::Year,
            V::Decade(_) => Precision::Decade,
            V::Century(_) => Precision::Century,
        }
    }

    /// The same period at a coarser granularity, from a day (`a year ago` from the DCT).
    pub fn week_of(d: NaiveDate) -> V {
        V::Week(d.iso_week().year(), d.iso_week().week())
    }
}

/// Narrows an interval to its first, middle or last third for `early`, `mid`, `late`: by
/// months for periods of whole months (`early 2025` is January to April), by days 1-10,
/// 11-20, 21-end for a month.
pub(crate) fn narrow(iv: (NaiveDate, NaiveDate), modifier: Option<&str>) -> (NaiveDate, NaiveDate) {
    let part = match modifier {
        Some("START") => 0,
        Some("MID") => 1,
        Some("END") => 2,
        _ => return iv,
    };
    let (a, b) = iv;
    let months = (b.year() - a.year()) * 12 + i32::try_from(b.month()).unwrap_or(0)
        - i32::try_from(a.month()).unwrap_or(0)
        + 1;
    let whole = a.day() == 1 && b.succ_opt().is_some_and(|n| n.day() == 1);
    if whole && months == 1 {
        let (s, e) = match part {
            0 => (Some(a), ymd(a.year(), a.month(), 10)),
            1 => (ymd(a.year(), a.month(), 11), ymd(a.year(), a.month(), 20)),
            _ => (ymd(a.year(), a.month(), 21), Some(b)),
        };
        return match (s, e) {
            (Some(s), Some(e)) => (s, e),
            _ => iv,
        };
    }
    if whole && months >= 3 && months % 3 == 0 {
        let third = i64::from(months / 3);
        let s = add_months(a, third * part);
        let e = s
            .and_then(|s| add_months(s, third))
            .and_then(|n| n.pred_opt());
        return match (s, e) {
            (Some(s), Some(e)) => (s, e),
            _ => iv,
        };
    }
    let len = (b - a).num_days() + 1;
    if len < 3 {
        return iv;
    }
    let third = len / 3;
    let pick = |x: i64, y: i64| -> (NaiveDate, NaiveDate) {
        match (add_days(a, x), add_days(a, y)) {
            (Some(s), Some(e)) => (s, e),
            _ => iv,
        }
    };
    match part {
        0 => pick(0, third - 1),
        1 => pick(third, len - third - 1),
        _ => pick(len - third, len - 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        ymd(y, m, day).unwrap_or_default()
    }

    /// The strings the formatter wrote before `timex` wrote the digits itself.
    fn formatted(v: &V) -> String {
        match v {
            V::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            V::Week(y, w) => format!("{y:04}-W{w:02}"),
            V::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            V::Month(y, m) => format!("{y:04}-{m:02}"),
            V::Quarter(y, q) => format!("{y:04}-Q{q}"),
            V::Half(y, h) => format!("{y:04}-H{h}"),
            V::Season(y, s) => format!("{y:04}-{}", s.code()),
            V::Year(y) => format!("{y:04}"),
            V::Decade(d) => format!("{d:03}"),
            V::Century(c) => format!("{c:02}"),
            V::Time(Some(d), t) => format!("{:04}-{:02}-{:02}{t}", d.year(), d.month(), d.day()),
            V::Time(None, t) => format!("XXXX-XX-XX{t}"),
            V::Lit(s) => s.clone(),
        }
    }

    #[test]
    fn timex_writes_what_the_formatter_wrote() {
        let years = (-1200..=-1)
            .step_by(37)
            .chain(-12..=120)
            .chain((0..=12000).step_by(7))
            .chain([i32::MIN, i32::MAX, 99_999, -99_999, 262_142, -262_143]);
        for y in years {
            let mut vs = vec![
                V::Year(y),
                V::Decade(y),
                V::Century(y),
                V::Season(y, Season::Winter),
                V::Time(None, "TMO".into()),
                V::Lit(format!("P{y}Y")),
            ];
            for n in [0, 1, 2, 4, 9, 10, 12, 53, 100, 12345, u32::MAX] {
                vs.extend([V::Week(y, n), V::Weekend(y, n), V::Month(y, n)]);
                vs.extend([V::Quarter(y, n), V::Half(y, n)]);
            }
            for (m, day) in [(1, 1), (2, 28), (10, 31), (12, 9)] {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, day) {
                    vs.extend([V::Day(date), V::Time(Some(date), "T10:35".into())]);
                }
            }
            for v in &vs {
                assert_eq!(v.timex(), formatted(v), "{v:?}");
            }
        }
    }

    #[test]
    fn timex_strings() {
        assert_eq!(V::Day(d(2013, 3, 22)).timex(), "2013-03-22");
        assert_eq!(V::Day(d(7, 1, 2)).timex(), "0007-01-02");
        for (y, want) in [(12345, "12345-10-31"), (-44, "-044-10-31")] {
            let far = NaiveDate::from_ymd_opt(y, 10, 31).unwrap_or_default();
            assert_eq!(V::Day(far).timex(), want);
        }
        assert_eq!(V::Week(2013, 11).timex(), "2013-W11");
        assert_eq!(V::Weekend(2013, 11).timex(), "2013-W11-WE");
        assert_eq!(V::Quarter(2013, 1).timex(), "2013-Q1");
        assert_eq!(V::Season(2013, Season::Summer).timex(), "2013-SU");
        assert_eq!(V::Decade(201).timex(), "201");
        assert_eq!(V::Century(19).timex(), "19");
        assert_eq!(
            V::Time(Some(d(2013, 3, 22)), "T14:00".into()).timex(),
            "2013-03-22T14:00"
        );
    }

    #[test]
    fn intervals() {
        assert_eq!(
            V::Week(2024, 17).interval(),
            Some((d(2024, 4, 22), d(2024, 4, 28)))
        );
        assert_eq!(
            V::Month(2024, 2).interval(),
            Some((d(2024, 2, 1), d(2024, 2, 29)))
        );
        assert_eq!(
            V::Quarter(2024, 4).interval(),
            Some((d(2024, 10, 1), d(2024, 12, 31)))
        );
        assert_eq!(
            V::Season(2023, Season::Winter).interval(),
            Some((d(2023, 12, 1), d(2024, 2, 29)))
        );
        assert_eq!(
            V::Decade(199).interval(),
            Some((d(1990, 1, 1), d(1999, 12, 31)))
        );
        assert_eq!(V::Quarter(2024, 5).interval(), None);
        assert_eq!(V::Year(0).interval(), None);
        assert_eq!(V::Lit("PAST_REF".into()).interval(), None);
    }

    #[test]
    fn narrowing() {
        let feb = (d(2024, 2, 1), d(2024, 2, 29));
        assert_eq!(narrow(feb, Some("START")), (d(2024, 2, 1), d(2024, 2, 10)));
        assert_eq!(narrow(feb, Some("MID")), (d(2024, 2, 11), d(2024, 2, 20)));
        assert_eq!(narrow(feb, Some("END")), (d(2024, 2, 21), d(2024, 2, 29)));
        let year = (d(2025, 1, 1), d(2025, 12, 31));
        assert_eq!(narrow(year, Some("START")), (d(2025, 1, 1), d(2025, 4, 30)));
        assert_eq!(narrow(year, Some("END")), (d(2025, 9, 1), d(2025, 12, 31)));
        assert_eq!(narrow(year, Some("APPROX")), year);
        let day = (d(2025, 1, 1), d(2025, 1, 1));
        assert_eq!(narrow(day, Some("END")), day);
    }
}
