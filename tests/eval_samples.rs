//! Evaluation on the sample articles against the hand annotation in `tests/gold/samples.json`,
//! the golden output in `tests/golden/samples.txt`, and the source-span invariants. The scoring
//! rules are in `common/eval.rs`.
//!
//! Run `cargo test --test eval_samples -- --nocapture` to see the figures;
//! `UPDATE_GOLDEN=1 cargo test --test eval_samples` rewrites the golden output.

mod common;

use std::path::{Path, PathBuf};

use dateline::corpus::{self, DateSource};
use dateline::pipeline::{Extraction, extract_corpus};
use dateline::{Event, Extractor};
use serde_json::Value;

const SAMPLES: &str = "assets/sample-articles";

/// The samples with their sidecar dates (applied here too, whether or not the loader reads
/// the sidecar yet).
fn run_samples() -> Extraction {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLES);
    let mut corpus = corpus::load(std::slice::from_ref(&dir));
    let sidecar: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("dateline.json")).unwrap()).unwrap();
    for a in &mut corpus.articles {
        let name = Path::new(&a.path)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        if a.published.is_none()
            && let Some(d) = sidecar["articles"][&name]["published"].as_str()
        {
            a.published = Some(d.parse().unwrap());
            a.published_source = DateSource::Sidecar;
        }
    }
    extract_corpus(corpus, &Extractor::builtin())
}

#[test]
fn sample_articles_precision_recall_and_dates() {
    let ex = run_samples();
    let verbose = std::env::var_os("DATELINE_EVAL_VERBOSE").is_some();
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/samples.json");
    let s = common::eval::evaluate(&ex, &gold, verbose);
    println!("{}", s.line("samples", ex.events.len()));
    let (_, _, f1, da, aa) = s.figures();
    // Floors a little under the measured figures, so regressions fail.
    assert!(f1 >= 0.92, "F1 fell to {f1:.3}");
    assert!(da >= 0.90, "date accuracy fell to {da:.3}");
    assert!(aa >= 0.90, "doer accuracy fell to {aa:.3}");
}

#[test]
fn sources_are_exact_slices_on_char_boundaries() {
    let ex = run_samples();
    assert!(!ex.events.is_empty());
    for e in &ex.events {
        let a = ex
            .articles
            .iter()
            .find(|a| a.path == e.source.article)
            .unwrap();
        assert!(a.text.is_char_boundary(e.source.start) && a.text.is_char_boundary(e.source.end));
        assert_eq!(&a.text[e.source.start..e.source.end], e.source.text);
        if let Some((s, t)) = e.trigger {
            assert!(e.source.start <= s && t <= e.source.end, "{e:?}");
            assert!(a.text.is_char_boundary(s) && a.text.is_char_boundary(t));
        }
        assert!(e.summary.len() <= 84, "{}", e.summary);
        assert!((0.0..=1.0).contains(&e.confidence));
    }
    let mut ids: Vec<&str> = ex.events.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), ex.events.len(), "event ids are unique");
}

#[test]
fn no_events_from_boilerplate_lines() {
    let ex = run_samples();
    for e in &ex.events {
        let t = e.source.text.to_lowercase();
        for marker in [
            "read more",
            "read also",
            "you may also like",
            "previous article",
            "[reveal]",
        ] {
            assert!(!t.contains(marker), "event from boilerplate: {e:?}");
        }
        assert!(!t.ends_with("..."), "event from a teaser: {e:?}");
    }
}

fn golden_line(e: &Event) -> String {
    let date = e
        .when
        .as_ref()
        .map_or("-".to_string(), |w| match (w.start, w.end) {
            (Some(s), Some(t)) if s == t => format!("{s}"),
            (Some(s), Some(t)) => format!("{s}..{t}"),
            _ => format!("? \"{}\"", w.expression),
        });
    format!(
        "{}\t{}\t{:?}\t{}\t{}\t{}",
        common::eval::article_name(&e.source.article),
        e.event_type,
        e.status,
        date,
        e.actors.join("; "),
        e.summary
    )
}

#[test]
fn golden_output() {
    let ex = run_samples();
    let got: String = ex.events.iter().map(|e| golden_line(e) + "\n").collect();
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/samples.txt");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "extraction output changed; review and run UPDATE_GOLDEN=1 cargo test --test eval_samples\n--- want\n{want}\n--- got\n{got}"
    );
}
