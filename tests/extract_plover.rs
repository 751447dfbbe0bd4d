//! Event types on unseen sentences: the PLOVER gold-standard records (event-coded news
//! sentences, CC BY-SA 4.0, Open Event Data Alliance) read from `../shared/bench/plover/`, not
//! copied into the repository. Ignored by default (the data lives outside the repo):
//! `cargo test --test extract_plover -- --ignored --nocapture`.
//!
//! PLOVER categories that correspond to Dateline types are mapped (CONSULT → meeting or visit,
//! AGREE → agreement, REJECT → denial, DISAPPROVE → accusation, ASSAULT/FIGHT → attack,
//! SANCTION → sanctions, AID → aid or arms transfer, MOBILIZE → military drill or arms
//! transfer). Reported: coverage (a mapped sentence yields at least one event), accuracy (one
//! of its events has a mapped type), and how often unmapped categories (threats, demands,
//! protests...) still yield an event of a mapped type they do not belong to.

use std::path::{Path, PathBuf};

use dateline::Extractor;
use dateline::corpus::{Article, DateSource};
use serde_json::Value;

fn bench_dir() -> Option<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        here.join("../shared/bench/plover"),
        here.join("../../shared/bench/plover"),
    ]
    .into_iter()
    .find(|p| p.join("PLOVER_GSR_CAMEO.txt").exists())
}

fn mapped(code: &str) -> Option<&'static [&'static str]> {
    Some(match code {
        "CONSULT" => &["meeting", "visit"],
        "AGREE" => &["agreement"],
        "REJECT" => &["denial"],
        "DISAPPROVE" => &["accusation"],
        "ASSAULT" | "FIGHT" => &["attack"],
        "SANCTION" => &["sanctions"],
        "AID" => &["aid", "arms_transfer"],
        "MOBILIZE" => &["military_drill", "arms_transfer"],
        _ => return None,
    })
}

#[test]
#[ignore = "reads the PLOVER file from ../shared/bench"]
fn plover_type_accuracy() {
    let Some(dir) = bench_dir() else {
        println!("PLOVER data not found beside the repository; skipped");
        return;
    };
    let raw = std::fs::read_to_string(dir.join("PLOVER_GSR_CAMEO.txt")).unwrap();
    let records: Vec<Value> = serde_json::from_str(&raw).unwrap();
    let ex = Extractor::builtin();
    let (mut n, mut covered, mut right) = (0, 0, 0);
    let (mut other, mut other_wrong) = (0, 0);
    let verbose = std::env::var_os("DATELINE_EVAL_VERBOSE").is_some();
    for r in &records {
        let (Some(text), Some(code)) = (r["text"].as_str(), r["event"].as_str()) else {
            continue;
        };
        let article = Article {
            path: r["id"].as_str().unwrap_or("plover").to_string(),
            title: None,
            url: None,
            published: r["date"].as_str().and_then(|d| d.parse().ok()),
            published_source: DateSource::Sidecar,
            text: text.to_string(),
        };
        let events = ex.extract(&article);
        let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
        match mapped(code) {
            Some(want) => {
                n += 1;
                if !types.is_empty() {
                    covered += 1;
                }
                if types.iter().any(|t| want.contains(t)) {
                    right += 1;
                } else if verbose {
                    println!("{code:10} got {types:?}: {text}");
                }
            }
            None => {
                other += 1;
                let all_mapped = [
                    "meeting",
                    "visit",
                    "agreement",
                    "denial",
                    "accusation",
                    "attack",
                    "sanctions",
                    "aid",
                ];
                if types.iter().any(|t| all_mapped.contains(t)) {
                    other_wrong += 1;
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!(
        "PLOVER mapped sentences {n}: coverage {:.1}%, type accuracy {:.1}% | unmapped {other}: with a mapped-type event {:.1}%",
        pct(covered, n),
        pct(right, n),
        pct(other_wrong, other)
    );
    assert!(n > 0);
}
