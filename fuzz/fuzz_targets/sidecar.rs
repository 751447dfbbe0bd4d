//! `dateline.json` on raw bytes: `Sidecar::load` never panics, and a correction survives a
//! save-and-reload round trip (`set_published`, `to_json_string`, `load`) with every other
//! entry kept.
#![no_main]

use std::sync::OnceLock;

use chrono::NaiveDate;
use dateline::corpus::{SIDECAR_NAME, Sidecar};
use libfuzzer_sys::fuzz_target;

static DIR: OnceLock<Option<tempfile::TempDir>> = OnceLock::new();

const KEY: &str = "fuzz/article.txt";

fuzz_target!(|data: &[u8]| {
    let Some(dir) = DIR.get_or_init(|| tempfile::tempdir().ok()).as_ref() else {
        return;
    };
    let file = dir.path().join(SIDECAR_NAME);
    if std::fs::write(&file, data).is_err() {
        return;
    }
    let (mut sidecar, _problems) = Sidecar::load(dir.path());
    let malformed = sidecar.is_malformed();
    let before = sidecar.len();
    let had_key = sidecar.get(KEY).is_some();
    let date = NaiveDate::from_ymd_opt(2024, 2, 29);
    sidecar.set_published(KEY, date);
    let saved = sidecar.to_json_string();
    if std::fs::write(&file, saved.as_bytes()).is_err() {
        return;
    }
    let (reloaded, problems) = Sidecar::load(dir.path());
    assert!(
        !reloaded.is_malformed(),
        "a saved sidecar reads back malformed: {problems:?}\n{saved}"
    );
    assert_eq!(
        reloaded.get(KEY).and_then(|e| e.published),
        date,
        "the correction did not survive a round trip:\n{saved}"
    );
    if !malformed {
        let expected = before + usize::from(!had_key);
        assert_eq!(reloaded.len(), expected, "entries lost or added:\n{saved}");
    }
});
