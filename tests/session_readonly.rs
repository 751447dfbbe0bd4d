//! Article files are never written or touched. A full session without the GUI — load a copy of
//! the sample folder (plus files in every other format, and files Dateline refuses), correct an
//! article date the way the app does (through the corpus `Sidecar`), filter, export every
//! format through the library and through `dateline extract --out` into a separate folder —
//! and every input file has the same bytes, length, permissions and modification time after
//! it as before. `dateline.json` is the only file in the folder that may change (or appear),
//! and no temporary or backup file is left beside the articles.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use chrono::NaiveDate;
use dateline::corpus::{DateSource, SIDECAR_NAME, Sidecar};
use dateline::export::{self, Format};
use dateline::extract::Extractor;
use dateline::pipeline::{self, Extraction};
use dateline::timeline::Filter;
use dateline::timeline::store::EventStore;

const FORMATS: [Format; 5] = [
    Format::Json,
    Format::Jsonl,
    Format::Csv,
    Format::Timelinejs,
    Format::Markdown,
];

/// FNV-1a, 64 bits: enough to name a file's content in a failure message (the bytes
/// themselves are compared too).
fn checksum(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Print {
    checksum: u64,
    len: u64,
    mode: u32,
    modified: Option<SystemTime>,
    bytes: Vec<u8>,
}

/// Every file under `dir` (recursively, symlinks not followed) by path relative to `dir`.
fn fingerprint(dir: &Path) -> BTreeMap<String, Print> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = fs::read_dir(&d).unwrap_or_else(|e| panic!("list {}: {e}", d.display()));
        for e in entries.flatten() {
            let p = e.path();
            let meta =
                fs::symlink_metadata(&p).unwrap_or_else(|e| panic!("stat {}: {e}", p.display()));
            if meta.is_dir() {
                stack.push(p);
                continue;
            }
            let bytes = fs::read(&p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(&p)
                .to_string_lossy()
                .into_owned();
            out.insert(
                rel,
                Print {
                    checksum: checksum(&bytes),
                    len: meta.len(),
                    mode: meta.permissions().mode(),
                    modified: meta.modified().ok(),
                    bytes,
                },
            );
        }
    }
    out
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-articles")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("mkdir {}: {e}", parent.display()));
    }
    fs::write(&p, bytes).unwrap_or_else(|e| panic!("write {}: {e}", p.display()));
}

/// A copy of the sample folder with articles in every other format and files Dateline
/// refuses (they must stay untouched too). `with_sidecar: false` leaves out `dateline.json`.
fn session_folder(with_sidecar: bool) -> tempfile::TempDir {
    let d = tmp();
    let mut copied = 0;
    for e in fs::read_dir(samples())
        .unwrap_or_else(|e| panic!("samples: {e}"))
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if !with_sidecar && name == SIDECAR_NAME {
            continue;
        }
        let bytes = fs::read(e.path()).unwrap_or_else(|e| panic!("read sample: {e}"));
        write(d.path(), &name, &bytes);
        copied += 1;
    }
    assert!(copied >= 5, "the sample folder has {copied} files");
    write(
        d.path(),
        "more/page.html",
        b"<!DOCTYPE html><html><head><title>Talks</title>\
          <meta property=\"article:published_time\" content=\"2024-06-19T08:00:00Z\"></head>\
          <body><nav>Home | World</nav><article><p>Vladimir Putin visited Pyongyang on \
          Wednesday and signed a mutual defence treaty with Kim Jong Un.</p></article></body></html>",
    );
    write(
        d.path(),
        "more/feed.json",
        br#"[{"title": "Launch", "date": "2023-11-22", "text": "North Korea launched a reconnaissance satellite on Tuesday, Seoul said."},
             {"title": "Denial", "text": "Russia denied on Friday that it had received artillery shells from North Korea."}]"#,
    );
    write(
        d.path(),
        "more/notes.md",
        b"---\ntitle: Council\ndate: 2024-03-28\n---\n# Council\n\nThe UN Security Council met on Thursday; Russia vetoed the renewal of the panel of experts.\n",
    );
    // Windows-1252 (curly quotes, an e acute) and UTF-16 with a BOM.
    write(
        d.path(),
        "more/cp1252.txt",
        b"SEOUL, March 3 -- Kim Jong Un \x93inspected\x94 a caf\xe9 and a missile factory on Monday.",
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "Russia accused the United States on Monday of stoking tension."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write(d.path(), "more/utf16.txt", &utf16);
    write(
        d.path(),
        "more/image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    );
    write(
        d.path(),
        "more/scan.pdf",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    );
    write(d.path(), "more/empty.txt", b"");
    write(d.path(), "more/broken.json", b"{\"text\": \"unterminated");
    d
}

/// The first sample article, sorted by name, whose date the session corrects.
fn first_sample(extraction: &Extraction) -> String {
    extraction
        .articles
        .iter()
        .map(|a| a.path.clone())
        .filter(|p| p.ends_with(".txt") && !p.contains('/'))
        .min()
        .unwrap_or_else(|| panic!("no sample article was read"))
}

/// Load, correct a date, reload, filter, export every format twice (library and CLI).
fn run_session(folder: &Path, out: &Path) {
    let extractor = Extractor::builtin();
    let first = pipeline::extract_paths(&[folder.to_path_buf()], &extractor);
    assert!(
        first.articles.len() >= 10,
        "articles read: {:?}; problems: {:?}",
        first.articles.iter().map(|a| &a.path).collect::<Vec<_>>(),
        first.problems
    );
    assert!(
        first.problems.len() >= 3,
        "the PDF, the empty and the broken file are reported: {:?}",
        first.problems
    );
    assert!(!first.events.is_empty(), "the samples give events");

    // Correct an article date, as the app's "set article date" does.
    let target = first_sample(&first);
    let corrected = NaiveDate::from_ymd_opt(2021, 7, 4).unwrap_or_default();
    let (mut sidecar, problems) = Sidecar::load(folder);
    assert!(problems.is_empty(), "{problems:?}");
    sidecar.set_published(&target, Some(corrected));
    sidecar
        .save()
        .unwrap_or_else(|e| panic!("saving the correction: {e}"));

    // The correction takes effect on reload.
    let extraction = pipeline::extract_paths(&[folder.to_path_buf()], &extractor);
    let article = extraction
        .articles
        .iter()
        .find(|a| a.path == target)
        .unwrap_or_else(|| panic!("{target} is gone after the correction"));
    assert_eq!(article.published, Some(corrected));
    assert_eq!(article.published_source, DateSource::Sidecar);

    // Filter, through both the plain filter and the store the timeline uses.
    let mut filter = Filter {
        from: NaiveDate::from_ymd_opt(2000, 1, 1),
        to: NaiveDate::from_ymd_opt(2030, 12, 31),
        keep_undated: true,
        ..Filter::default()
    };
    filter
        .hidden_statuses
        .insert(dateline::extract::Status::Hypothetical);
    let events: Vec<_> = extraction
        .events
        .iter()
        .filter(|e| filter.matches(e))
        .cloned()
        .collect();
    let store = EventStore::new(extraction.events.clone());
    assert_eq!(store.apply(&filter).len(), events.len());
    assert!(!events.is_empty(), "the filter keeps some events");

    // Export every format into the separate folder, from the library and from the CLI.
    for format in FORMATS {
        let name = format!("{format:?}").to_lowercase();
        let path = out.join(format!("lib-{name}.{}", format.extension()));
        export::write_file(format, &extraction, &events, &path)
            .unwrap_or_else(|e| panic!("export {format:?}: {e}"));
        let len = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        assert!(len > 0, "{} is empty", path.display());

        let cli_path = out.join(format!("cli-{name}.{}", format.extension()));
        let status = Command::new(env!("CARGO_BIN_EXE_dateline"))
            .arg("extract")
            .arg(folder)
            .args(["--format", &name])
            .args(["--from", "2000", "--to", "2030", "--keep-undated"])
            .arg("--out")
            .arg(&cli_path)
            .output()
            .unwrap_or_else(|e| panic!("cannot run dateline: {e}"));
        assert!(
            status.status.success(),
            "dateline extract --format {format:?} failed: {}",
            String::from_utf8_lossy(&status.stderr)
        );
        let len = fs::metadata(&cli_path).map(|m| m.len()).unwrap_or(0);
        assert!(len > 0, "{} is empty", cli_path.display());
    }
}

/// Compares the folder before and after a session: every file but `dateline.json` is
/// identical, nothing else appeared, and `dateline.json` still holds every other entry.
fn assert_untouched(before: &BTreeMap<String, Print>, after: &BTreeMap<String, Print>) {
    for (rel, print) in before {
        if rel == SIDECAR_NAME {
            continue;
        }
        let Some(now) = after.get(rel) else {
            panic!("{rel} disappeared during the session");
        };
        assert_eq!(
            (print.checksum, print.len, print.mode, print.modified),
            (now.checksum, now.len, now.mode, now.modified),
            "{rel} changed during the session (checksum, length, mode, modified time)"
        );
        assert!(print.bytes == now.bytes, "{rel} changed during the session");
    }
    let new: Vec<&String> = after
        .keys()
        .filter(|k| !before.contains_key(*k) && k.as_str() != SIDECAR_NAME)
        .collect();
    assert!(
        new.is_empty(),
        "files appeared beside the articles: {new:?}"
    );
    assert!(
        after.contains_key(SIDECAR_NAME),
        "the correction was not saved"
    );
}

#[test]
fn a_full_session_touches_no_article_file() {
    let folder = session_folder(true);
    let out = tmp();
    let before = fingerprint(folder.path());
    run_session(folder.path(), out.path());
    let after = fingerprint(folder.path());
    assert_untouched(&before, &after);

    // The sidecar changed only by the correction: every original entry is still there.
    let old: serde_json::Value = serde_json::from_slice(&before[SIDECAR_NAME].bytes)
        .unwrap_or_else(|e| panic!("old sidecar: {e}"));
    let new: serde_json::Value = serde_json::from_slice(&after[SIDECAR_NAME].bytes)
        .unwrap_or_else(|e| panic!("new sidecar: {e}"));
    let (Some(old), Some(new)) = (old["articles"].as_object(), new["articles"].as_object()) else {
        panic!("the sidecar lost its articles object");
    };
    let changed: Vec<&String> = old
        .iter()
        .filter(|(k, v)| new.get(*k) != Some(v))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(changed.len(), 1, "entries changed: {changed:?}");
    assert_eq!(new.len(), old.len(), "entries added or removed");
    assert_eq!(new[changed[0]]["published"], "2021-07-04");

    // The exports went to their own folder only.
    let exported = fingerprint(out.path());
    assert_eq!(exported.len(), 2 * FORMATS.len(), "{:?}", exported.keys());
}

#[test]
fn a_session_without_a_sidecar_only_adds_one() {
    let folder = session_folder(false);
    let out = tmp();
    let before = fingerprint(folder.path());
    assert!(!before.contains_key(SIDECAR_NAME));
    run_session(folder.path(), out.path());
    let after = fingerprint(folder.path());
    assert_untouched(&before, &after);
    assert_eq!(after.len(), before.len() + 1);
}

#[test]
fn a_second_session_changes_nothing_more() {
    let folder = session_folder(true);
    let out = tmp();
    run_session(folder.path(), out.path());
    let between = fingerprint(folder.path());
    let out2 = tmp();
    run_session(folder.path(), out2.path());
    let after = fingerprint(folder.path());
    // Saving the same correction again rewrites dateline.json with the same bytes.
    assert_untouched(&between, &after);
    assert!(between[SIDECAR_NAME].bytes == after[SIDECAR_NAME].bytes);
}
