//! Synthetic events for tests and benchmarks: every type, precision, anchor and status,
//! spread over 30 years, with a configurable number of actors. Deterministic for a seed.

use chrono::NaiveDate;

use crate::extract::{Event, Source, Status};
use crate::temporal::{Anchor, Precision, When};

/// Event types used by the generator (the names of the extractor's vocabulary).
pub const TYPES: [&str; 10] = [
    "visit",
    "meeting",
    "agreement",
    "missile_launch",
    "arms_transfer",
    "sanction",
    "accusation",
    "denial",
    "statement",
    "military_exercise",
];

const NAMES: [&str; 12] = [
    "North Korea",
    "Russia",
    "United States",
    "Kim Jong Un",
    "Vladimir Putin",
    "UN Security Council",
    "South Korea",
    "Japan",
    "China",
    "Iran",
    "Ukraine",
    "Sergei Shoigu",
];

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(i).copied().unwrap_or("")
    }
}

/// `n` events over 1995–2024 with up to 2,000 actors.
#[must_use]
pub fn synthetic_events(n: usize, seed: u64) -> Vec<Event> {
    synthetic_events_with(n, seed, 2000)
}

/// `n` events over 1995–2024 with `n_actors` distinct actors (at least the 12 named ones).
#[must_use]
pub fn synthetic_events_with(n: usize, seed: u64, n_actors: u64) -> Vec<Event> {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let base = NaiveDate::from_ymd_opt(1995, 1, 1).unwrap_or_default();
    let n_articles = (n / 20).max(1) as u64;
    (0..n)
        .map(|i| {
            let event_type = rng.pick(&TYPES);
            let day = rng.below(30 * 365);
            let start = base + chrono::Days::new(day);
            let roll = rng.below(100);
            let (precision, len) = match roll {
                0..=64 => (Precision::Day, 0),
                65..=74 => (Precision::Week, 6),
                75..=84 => (Precision::Month, 29),
                85..=89 => (Precision::Year, 364),
                90..=92 => (Precision::Range, rng.below(120)),
                93..=94 => (Precision::Range, 800 + rng.below(2000)),
                _ => (Precision::Day, 0),
            };
            let undated = roll >= 95;
            let anchor = match rng.below(4) {
                0 => Anchor::Absolute,
                1 | 2 => Anchor::Article,
                _ => Anchor::Estimate,
            };
            let a1 = actor(&mut rng, n_actors);
            let a2 = actor(&mut rng, n_actors);
            let status = match rng.below(10) {
                0 => Status::Alleged,
                1 => Status::Denied,
                2 => Status::Planned,
                _ => Status::Reported,
            };
            let article = format!("article_{:05}.txt", rng.below(n_articles));
            let text = format!(
                "{a1} and {a2}: {} reported on day {day}.",
                event_type.replace('_', " ")
            );
            Event {
                id: format!("e{i}"),
                event_type: event_type.to_owned(),
                summary: format!("{a1} {} with {a2}", event_type.replace('_', " ")),
                actors: vec![a1, a2],
                target: None,
                status,
                #[allow(clippy::cast_precision_loss)] // values below 100
                confidence: (rng.below(100) as f32) / 100.0,
                when: Some(When {
                    start: (!undated).then_some(start),
                    end: (!undated).then(|| start + chrono::Days::new(len)),
                    precision,
                    expression: start.format("%B %-d, %Y").to_string(),
                    anchor: if undated { Anchor::None } else { anchor },
                    value: start.format("%Y-%m-%d").to_string(),
                }),
                source: Source {
                    article,
                    start: 0,
                    end: text.len(),
                    text,
                },
                trigger: None,
            }
        })
        .collect()
}

fn actor(rng: &mut Rng, n_actors: u64) -> String {
    let k = rng.below(n_actors.max(12));
    if k < 12 || rng.below(3) == 0 {
        rng.pick(&NAMES).to_owned()
    } else {
        format!("Actor {k}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_types_precisions_and_undated() {
        let ev = synthetic_events(2000, 1);
        assert_eq!(ev.len(), 2000);
        for t in TYPES {
            assert!(ev.iter().any(|e| e.event_type == t));
        }
        assert!(
            ev.iter()
                .any(|e| e.when.as_ref().is_some_and(|w| w.start.is_none()))
        );
        assert!(ev.iter().any(|e| {
            e.when
                .as_ref()
                .is_some_and(|w| w.precision == Precision::Year)
        }));
        assert_eq!(synthetic_events(50, 9), synthetic_events(50, 9));
    }
}
