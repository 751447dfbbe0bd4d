//! Scoring extracted events against a hand annotation (`tests/gold/*.json`), shared by
//! `eval_samples.rs` and `eval_heldout.rs`.
//!
//! Matching: a predicted event matches a gold event when its type is the gold type (or one of
//! its `alt_types`) and its source passage overlaps one of the gold locators. Each gold event
//! is matched at most once; a second prediction for an already matched gold event counts as a
//! false positive (a duplicate on the timeline). Predictions matching an `optional` gold event
//! count neither way. Precision = TP / (TP + FP), recall = TP / required gold events.
//!
//! Date accuracy: among matched gold events whose date is scored (not `"any"`), the share
//! where the prediction is right: a gold `null` wants no resolved date; a gold interval wants a
//! resolved interval that overlaps it and is at most three times as long (plus two days), so a
//! year is not "right" for a day.
//!
//! Doer accuracy: among matched gold events that list `actors` (doer first), the share where
//! the gold doer is among the predicted actors and the predicted first actor is a gold actor.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use dateline::Event;
use dateline::pipeline::Extraction;
use serde_json::Value;

pub fn article_name(path: &str) -> String {
    Path::new(path)
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_string()
}

#[derive(Debug)]
struct Gold {
    types: Vec<String>,
    spans: Vec<(usize, usize)>,
    /// None: not scored; Some(None): should be undated; Some(Some(interval)).
    date: Option<Option<(NaiveDate, NaiveDate)>>,
    optional: bool,
    label: String,
    /// Who, doer first (empty: not scored).
    actors: Vec<String>,
}

fn load_gold(path: &Path, texts: &BTreeMap<String, String>) -> BTreeMap<String, Vec<Gold>> {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out = BTreeMap::new();
    for (name, events) in v["articles"].as_object().unwrap() {
        let text = texts
            .get(name)
            .unwrap_or_else(|| panic!("no article {name}"));
        let mut list = Vec::new();
        for e in events.as_array().unwrap() {
            let mut types = vec![e["type"].as_str().unwrap().to_string()];
            if let Some(alt) = e["alt_types"].as_array() {
                types.extend(alt.iter().map(|t| t.as_str().unwrap().to_string()));
            }
            let locs: Vec<&str> = e["locators"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            let spans = locs
                .iter()
                .map(|l| {
                    let s = text
                        .find(l)
                        .unwrap_or_else(|| panic!("locator not in {name}: {l}"));
                    (s, s + l.len())
                })
                .collect();
            let date = match &e["date"] {
                Value::Null => Some(None),
                Value::String(s) if s == "any" => None,
                Value::Array(a) => Some(Some((
                    a[0].as_str().unwrap().parse().unwrap(),
                    a[1].as_str().unwrap().parse().unwrap(),
                ))),
                other => panic!("bad gold date {other}"),
            };
            list.push(Gold {
                types,
                spans,
                date,
                optional: e["optional"].as_bool().unwrap_or(false),
                actors: e["actors"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|x| x.as_str().map(str::to_string))
                            .collect()
                    })
                    .unwrap_or_default(),
                label: format!("{} «{}»", e["type"].as_str().unwrap(), locs[0]),
            });
        }
        out.insert(name.clone(), list);
    }
    out
}

fn matches(e: &Event, g: &Gold) -> bool {
    g.types.contains(&e.event_type)
        && g.spans
            .iter()
            .any(|&(s, t)| s < e.source.end && e.source.start < t)
}

fn date_right(e: &Event, gold: Option<(NaiveDate, NaiveDate)>) -> bool {
    let pred = e.when.as_ref().and_then(|w| w.start.zip(w.end));
    match (gold, pred) {
        (None, None) => true,
        (None, Some(_)) | (Some(_), None) => false,
        (Some((gs, ge)), Some((ps, pe))) => {
            let overlap = ps <= ge && gs <= pe;
            let glen = (ge - gs).num_days() + 1;
            let plen = (pe - ps).num_days() + 1;
            overlap && plen <= 3 * glen + 2
        }
    }
}

/// `the West` and `West` are one name.
fn actor_key(name: &str) -> String {
    let l = name.trim().to_lowercase();
    l.strip_prefix("the ").map_or(l.clone(), str::to_string)
}

/// The doer is right: the gold's doer (its first actor) is among the predicted actors, and
/// the predicted doer (first actor) is one of the gold actors. `None` when not scored.
fn actors_right(e: &Event, g: &Gold) -> Option<bool> {
    let gold: Vec<String> = g.actors.iter().map(|a| actor_key(a)).collect();
    let doer = gold.first()?;
    let pred: Vec<String> = e.actors.iter().map(|a| actor_key(a)).collect();
    Some(pred.contains(doer) && pred.first().is_some_and(|p| gold.contains(p)))
}

#[derive(Default, Debug)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub gold: usize,
    pub dated: usize,
    pub dated_right: usize,
    pub with_actors: usize,
    pub actors_right: usize,
}

pub fn evaluate(ex: &Extraction, gold: &Path, verbose: bool) -> Score {
    let texts: BTreeMap<String, String> = ex
        .articles
        .iter()
        .map(|a| (article_name(&a.path), a.text.clone()))
        .collect();
    let gold = load_gold(gold, &texts);
    let mut score = Score::default();
    for (name, golds) in &gold {
        let preds: Vec<&Event> = ex
            .events
            .iter()
            .filter(|e| article_name(&e.source.article) == *name)
            .collect();
        let mut used = vec![false; golds.len()];
        score.gold += golds.iter().filter(|g| !g.optional).count();
        if verbose {
            println!("== {name}");
        }
        for e in preds {
            let date = e
                .when
                .as_ref()
                .map_or("-".to_string(), |w| match (w.start, w.end) {
                    (Some(s), Some(t)) => format!("{s}..{t}"),
                    _ => format!("({})", w.expression),
                });
            // Prefer a gold event of exactly this type over one that only allows it.
            let open = |(i, g): &(usize, &Gold)| !g.optional && !used[*i] && matches(e, g);
            let exact_optional = golds
                .iter()
                .any(|g| g.optional && g.types[0] == e.event_type && matches(e, g));
            let hit = golds
                .iter()
                .enumerate()
                .find(|x| open(x) && x.1.types[0] == e.event_type)
                .or_else(|| {
                    if exact_optional {
                        None
                    } else {
                        golds.iter().enumerate().find(|x| open(x))
                    }
                });
            if let Some((i, g)) = hit {
                used[i] = true;
                score.tp += 1;
                let mut mark = "TP";
                if let Some(gd) = g.date {
                    score.dated += 1;
                    if date_right(e, gd) {
                        score.dated_right += 1;
                    } else {
                        mark = "TP date-wrong";
                    }
                }
                if let Some(ok) = actors_right(e, g) {
                    score.with_actors += 1;
                    if ok {
                        score.actors_right += 1;
                    } else if verbose {
                        println!(
                            "  {:13} wanted {:?}, got {:?}",
                            "actors-wrong", g.actors, e.actors
                        );
                    }
                }
                if verbose {
                    println!("  {mark:13} {:14} {date:24} {}", e.event_type, e.summary);
                }
            } else if golds.iter().any(|g| g.optional && matches(e, g)) {
                if verbose {
                    println!(
                        "  {:13} {:14} {date:24} {}",
                        "optional", e.event_type, e.summary
                    );
                }
            } else {
                score.fp += 1;
                if verbose {
                    let dup = golds.iter().any(|g| matches(e, g));
                    let mark = if dup { "FP duplicate" } else { "FP" };
                    println!("  {mark:13} {:14} {date:24} {}", e.event_type, e.summary);
                }
            }
        }
        if verbose {
            for (g, u) in golds.iter().zip(&used) {
                if !u && !g.optional {
                    println!("  MISSED        {}", g.label);
                }
            }
        }
    }
    score
}

impl Score {
    /// Precision, recall, F1, date accuracy and doer accuracy.
    pub fn figures(&self) -> (f64, f64, f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / self.gold.max(1) as f64;
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let da = self.dated_right as f64 / self.dated.max(1) as f64;
        let aa = self.actors_right as f64 / self.with_actors.max(1) as f64;
        (p, r, f1, da, aa)
    }

    /// One line with every figure, for the test output.
    pub fn line(&self, name: &str, events: usize) -> String {
        let (p, r, f1, da, aa) = self.figures();
        let doers = if self.with_actors == 0 {
            "not annotated".to_string()
        } else {
            format!("{aa:.3} ({}/{})", self.actors_right, self.with_actors)
        };
        format!(
            "{name}: events {events} | TP {} FP {} gold {} | precision {p:.3} recall {r:.3} F1 {f1:.3} | date accuracy {da:.3} ({}/{}) | doer accuracy {doers}",
            self.tp, self.fp, self.gold, self.dated_right, self.dated
        )
    }
}
