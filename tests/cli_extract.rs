//! `dateline extract` and `dateline generate` as a user runs them: formats, filters, stdin
//! streaming, exit codes and messages. Event contents depend on the extractor; these tests
//! check the shape and the behaviour around it.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-articles")
}

fn dateline(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dateline"));
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run dateline: {e}"));
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(input)
            .unwrap_or_else(|e| panic!("cannot feed stdin: {e}"));
    }
    child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("dateline did not finish: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn json(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(bytes)))
}

#[test]
fn json_output_follows_the_contract() {
    let samples = samples();
    let out = dateline(&["extract", &samples.to_string_lossy()], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = json(&out.stdout);
    let articles = v["articles"].as_array().cloned().unwrap_or_default();
    assert_eq!(articles.len(), 5);
    for a in &articles {
        for key in ["path", "title", "published", "published_source"] {
            assert!(a.get(key).is_some(), "article without {key}: {a}");
        }
    }
    assert!(v["problems"].is_array());
    for e in v["events"].as_array().cloned().unwrap_or_default() {
        for key in [
            "id",
            "type",
            "summary",
            "actors",
            "status",
            "confidence",
            "when",
            "source",
        ] {
            assert!(e.get(key).is_some(), "event without {key}: {e}");
        }
        let path = samples.join(e["source"]["article"].as_str().unwrap_or_default());
        let article = std::fs::read_to_string(&path).unwrap_or_default();
        let (start, end) = (
            e["source"]["start"].as_u64().unwrap_or(0) as usize,
            e["source"]["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(article.get(start..end), e["source"]["text"].as_str(), "{e}");
    }
}

#[test]
fn every_format_writes_and_filters_apply() {
    let samples = samples();
    let s = samples.to_string_lossy();
    for (format, check) in [
        (
            "jsonl",
            (|o: &str| {
                o.lines()
                    .all(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
            }) as fn(&str) -> bool,
        ),
        ("csv", |o: &str| {
            o.starts_with("id,type,start,end,precision,anchor,date_as_written,status,confidence,actors,summary,article,source_start,source_end,source_text")
        }),
        ("timelinejs", |o: &str| {
            serde_json::from_str::<serde_json::Value>(o)
                .is_ok_and(|v| v["title"].is_object() && v["events"].is_array())
        }),
        ("markdown", |o: &str| o.starts_with("# Dateline report")),
    ] {
        let out = dateline(
            &[
                "extract", &s, "--format", format, "--type", "visit", "--from", "2024", "--to",
                "2024-06",
            ],
            None,
        );
        assert!(out.status.success(), "{format}: {}", text(&out.stderr));
        assert!(check(&text(&out.stdout)), "{format}: {}", text(&out.stdout));
    }
    let out = dateline(
        &[
            "extract", &s, "--type", "visit", "--from", "2024", "--to", "2024-06",
        ],
        None,
    );
    for e in json(&out.stdout)["events"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        assert_eq!(e["type"], "visit");
        let start = e["when"]["start"].as_str().unwrap_or_default();
        let end = e["when"]["end"].as_str().unwrap_or_default();
        assert!(end >= "2024-01-01" && start <= "2024-06-30", "{e}");
    }
}

#[test]
fn invalid_options_are_one_line_errors() {
    let samples = samples();
    let s = samples.to_string_lossy();
    for (args, expected) in [
        (vec!["extract", &s, "--from", "2024-13"], "--from"),
        (vec!["extract", &s, "--to", "soon"], "--to"),
        (vec!["extract", &s, "--status", "rumoured"], "--status"),
        (
            vec!["extract", &s, "--published", "10/04/2024"],
            "--published",
        ),
        (vec!["extract", "-", &s], "stdin"),
    ] {
        let out = dateline(&args, None);
        assert!(!out.status.success(), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "{err}");
    }
}

#[test]
fn nothing_readable_fails_with_a_reason_and_bad_files_are_warnings() {
    let out = dateline(&["extract", "/nonexistent/dateline-input"], None);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    let reasons: Vec<&str> = err.lines().filter(|l| l.starts_with("dateline:")).collect();
    assert_eq!(reasons.len(), 1, "{err}");
    assert!(
        reasons
            .iter()
            .all(|r| r.contains("/nonexistent/dateline-input")),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Kim Jong Un visited Moscow on April 9, 2024.\n").unwrap_or_default();
    let out = dateline(
        &[
            "extract",
            &dir.path().to_string_lossy(),
            "--published",
            "2024-04-10",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = json(&out.stdout);
    assert_eq!(v["articles"][0]["published"], "2024-04-10");
}

#[test]
fn out_is_written_atomically_and_a_failed_write_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let samples = samples();
    let s = samples.to_string_lossy();

    let target = dir.path().join("events.csv");
    let out = dateline(
        &[
            "extract",
            &s,
            "--format",
            "csv",
            "--out",
            &target.to_string_lossy(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    assert!(
        std::fs::read_to_string(&target)
            .unwrap_or_default()
            .starts_with("id,type,")
    );

    // A name so long that the temporary file beside it cannot be created.
    let long = dir.path().join(format!("{}.json", "x".repeat(240)));
    std::fs::write(&long, "precious").unwrap_or_default();
    let out = dateline(&["extract", &s, "--out", &long.to_string_lossy()], None);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(
        err.contains("xxxx.json") && err.contains("left unchanged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&long).unwrap_or_default(),
        "precious"
    );

    let missing = dir.path().join("no/such/folder/events.json");
    let out = dateline(&["extract", &s, "--out", &missing.to_string_lossy()], None);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no/such/folder/events.json"));

    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
}

#[test]
fn stdin_streams_paths_and_json_articles_as_json_lines() {
    let samples = samples();
    let mut input = String::new();
    for entry in std::fs::read_dir(&samples).into_iter().flatten().flatten() {
        if entry.path().extension().is_some_and(|e| e == "txt") {
            input.push_str(&format!("{}\n", entry.path().display()));
        }
    }
    input.push_str(r#"{"id": "wire-1", "text": "North Korea fired a ballistic missile into the East Sea on Tuesday, South Korea's military said.", "published": "2024-04-10", "title": "Launch"}"#);
    input.push_str("\n\n{not json\n");
    let out = dateline(
        &["extract", "-", "--format", "jsonl"],
        Some(input.as_bytes()),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for line in text(&out.stdout).lines() {
        let e = json(line.as_bytes());
        assert!(e["source"]["article"].is_string(), "{line}");
    }
    let err = text(&out.stderr);
    assert!(
        err.contains("warning: stdin line") && err.contains("not valid JSON"),
        "{err}"
    );

    // The same input as one JSON document lists the articles by the path given or their id.
    let out = dateline(&["extract", "-"], Some(input.as_bytes()));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v = json(&out.stdout);
    let paths: Vec<String> = v["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["path"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(paths.len(), 6, "{paths:?}");
    assert!(paths.contains(&"wire-1".to_owned()));
    assert!(
        paths
            .iter()
            .any(|p| p.ends_with("assets/sample-articles/000_deb5dfccf42b9e5b.txt"))
    );
}

#[test]
fn an_empty_stream_is_fine_but_an_unreadable_one_fails() {
    let out = dateline(&["extract", "-", "--format", "jsonl"], Some(b""));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());

    let out = dateline(
        &["extract", "-", "--format", "jsonl"],
        Some(b"/nonexistent/a.txt\n{bad\n"),
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("none of the 2 lines"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn generate_makes_a_corpus_that_extract_reads() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let corpus = dir.path().join("corpus");
    let c = corpus.to_string_lossy();
    let out = dateline(&["generate", &c, "--articles", "20", "--seed", "4"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(corpus.join("dateline.json").is_file());
    let out = dateline(&["extract", &c, "--format", "jsonl"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let again = dateline(&["generate", &c, "--articles", "20"], None);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("not empty"));
}
