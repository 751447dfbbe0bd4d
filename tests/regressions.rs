//! Inputs found by the fuzz targets under `fuzz/`, replayed through the same checks.
//!
//! Every crash, hang or out-of-memory a fuzzer finds is minimized and saved as
//! `tests/fixtures/fuzz/<target>/<name>` (raw bytes, as libFuzzer wrote them); the test of
//! that target replays every file there, plus the seeds in `fuzz/seeds/`. The checks below
//! are the fuzz targets' own (`fuzz/fuzz_targets/*.rs`): keep the two in step.
//! See docs/fuzzing.md for how to run the fuzzers.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dateline::corpus::{Article, DateSource, SIDECAR_NAME, Sidecar, decode, html, json};
use dateline::extract::Extractor;
use dateline::temporal;
use dateline::text;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The saved inputs of `target`, and the seeds (every target gets every seed: a seed for
/// one reader is a hostile input for the others).
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for dir in [
        root().join("tests/fixtures/fuzz").join(target),
        root().join("fuzz/seeds"),
    ] {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let bytes = fs::read(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
            out.push((p, bytes));
        }
    }
    assert!(!out.is_empty(), "no inputs for {target}");
    out
}

// The same checks the fuzz targets make, from the fuzz crate itself.
#[path = "../fuzz/common.rs"]
mod common;
use common::{doc_date, span};

fn check_segment(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let seg = text::segment(&text);
    let mut last_end = 0;
    for p in &seg.paragraphs {
        span(&text, p.span.start, p.span.end, "paragraph");
        assert!(p.span.start >= last_end, "paragraphs overlap");
        last_end = p.span.end;
    }
    for s in &seg.sentences {
        span(&text, s.span.start, s.span.end, "sentence");
        let p = seg.paragraphs.get(s.paragraph).map(|p| p.span.clone());
        assert!(
            p.as_ref()
                .is_some_and(|p| p.start <= s.span.start && s.span.end <= p.end),
            "sentence {s:?} outside its paragraph {p:?}"
        );
    }
}

fn check_temporal(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let doc = doc_date(selector);
    for t in temporal::tag(&text, doc)
        .iter()
        .chain(&temporal::tag_timex(&text, doc))
    {
        span(&text, t.start, t.end, "time expression");
        assert!(t.start < t.end, "empty time expression {t:?}");
        if let Some((a, b)) = t.interval {
            assert!(a <= b, "interval runs backwards: {t:?}");
        }
    }
}

fn check_extract(extractor: &Extractor, data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let published = doc_date(selector).date;
    let article = Article {
        path: "fuzz.txt".into(),
        title: None,
        url: None,
        published,
        published_source: if published.is_some() {
            DateSource::Sidecar
        } else {
            DateSource::Unknown
        },
        text: String::from_utf8_lossy(rest).into_owned(),
    };
    for e in extractor.extract(&article) {
        let s = &e.source;
        span(&article.text, s.start, s.end, "source");
        assert_eq!(article.text.get(s.start..s.end), Some(s.text.as_str()));
        if let Some((a, b)) = e.trigger {
            span(&article.text, a, b, "trigger");
        }
        if let Some(w) = &e.when
            && let (Some(a), Some(b)) = (w.start, w.end)
        {
            assert!(a <= b, "when runs backwards: {w:?}");
        }
    }
}

fn check_html(data: &[u8]) {
    let declared = decode::html_declared_charset(data);
    let Ok(page) = decode::decode(data, declared) else {
        return;
    };
    let article = html::parse(&page);
    let _ = text::segment(&article.text);
    let _ = html::decode_entities(&page);
}

fn check_json(data: &[u8]) {
    let Ok(text) = decode::decode(data, None) else {
        return;
    };
    let articles = match json::parse(&text) {
        Ok(json::JsonFile::Single(r)) => vec![r],
        Ok(json::JsonFile::Collection(items)) => items,
        Err(_) => Vec::new(),
    };
    for a in articles.into_iter().flatten() {
        let _ = text::segment(&a.text);
    }
}

fn check_sidecar(dir: &Path, data: &[u8]) {
    const KEY: &str = "fuzz/article.txt";
    let file = dir.join(SIDECAR_NAME);
    fs::write(&file, data).unwrap_or_else(|e| panic!("write {}: {e}", file.display()));
    let (mut sidecar, _) = Sidecar::load(dir);
    let malformed = sidecar.is_malformed();
    let before = sidecar.len();
    let had_key = sidecar.get(KEY).is_some();
    let date = NaiveDate::from_ymd_opt(2024, 2, 29);
    sidecar.set_published(KEY, date);
    let saved = sidecar.to_json_string();
    fs::write(&file, saved.as_bytes()).unwrap_or_else(|e| panic!("write: {e}"));
    let (reloaded, problems) = Sidecar::load(dir);
    assert!(!reloaded.is_malformed(), "{problems:?}\n{saved}");
    assert_eq!(reloaded.get(KEY).and_then(|e| e.published), date, "{saved}");
    if !malformed {
        assert_eq!(reloaded.len(), before + usize::from(!had_key), "{saved}");
    }
}

#[test]
fn segment() {
    for (_, data) in inputs("segment") {
        check_segment(&data);
    }
}

#[test]
fn temporal_tag() {
    for (_, data) in inputs("temporal_tag") {
        check_temporal(&data);
    }
}

#[test]
fn extract() {
    let extractor = Extractor::builtin();
    for (_, data) in inputs("extract") {
        check_extract(&extractor, &data);
    }
}

#[test]
fn html() {
    for (_, data) in inputs("html") {
        check_html(&data);
    }
}

#[test]
fn json() {
    for (_, data) in inputs("json") {
        check_json(&data);
    }
}

#[test]
fn sidecar() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    for (_, data) in inputs("sidecar") {
        check_sidecar(dir.path(), &data);
    }
}
