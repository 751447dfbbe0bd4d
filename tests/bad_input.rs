//! Issue 6, "Bad input": every case gives a problem naming the file and the reason, or correct
//! output; never a panic, a hang, or an article dropped without a word.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use dateline::corpus::{self, Corpus, DateSource, MAX_FILE_BYTES, Sidecar};
use dateline::text::{segment, sentences::MAX_SENTENCE_BYTES};

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let path = dir.join(rel);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
    }
    fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn load(dir: &Path) -> Corpus {
    corpus::load(&[dir.to_path_buf()])
}

fn problem_for<'a>(c: &'a Corpus, path_part: &str) -> &'a str {
    c.problems
        .iter()
        .find(|p| p.path.contains(path_part))
        .map(|p| p.message.as_str())
        .unwrap_or_else(|| panic!("no problem for {path_part}: {:?}", c.problems))
}

fn text_of<'a>(c: &'a Corpus, path: &str) -> &'a str {
    c.articles
        .iter()
        .find(|a| a.path == path)
        .map(|a| a.text.as_str())
        .unwrap_or_else(|| panic!("no article {path}: {:?}", c.problems))
}

/// Every sentence span of every article is a trimmed, non-empty slice on char boundaries.
fn assert_spans(c: &Corpus) {
    for a in &c.articles {
        let seg = segment(&a.text);
        for s in &seg.sentences {
            let t = a
                .text
                .get(s.span.clone())
                .unwrap_or_else(|| panic!("span {:?} off char boundaries in {}", s.span, a.path));
            assert!(!t.is_empty() && t == t.trim(), "{t:?}");
            assert!(t.len() <= MAX_SENTENCE_BYTES);
        }
    }
}

#[test]
fn binary_files_are_problems_not_articles() {
    let d = tmp();
    write(
        d.path(),
        "report.txt",
        b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj",
    );
    write(d.path(), "photo.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    write(d.path(), "tool.json", b"\x7FELF\x02\x01\x01\0\0\0\0\0");
    write(d.path(), "blob.md", b"abc\0\0\0\x01\x02\x03def");
    write(d.path(), "real.pdf", b"%PDF-1.4");
    write(d.path(), "image.png", b"\x89PNG");
    write(
        d.path(),
        "ok.txt",
        b"Seoul said on Monday that talks resumed.",
    );
    let c = load(d.path());
    assert_eq!(c.articles.len(), 1, "{:?}", c.articles);
    assert!(
        problem_for(&c, "report.txt")
            .contains("`report.txt`: it looks like a binary file (PDF), not an article")
    );
    assert!(problem_for(&c, "photo.html").contains("binary file (PNG image)"));
    assert!(problem_for(&c, "tool.json").contains("binary file (executable)"));
    assert!(problem_for(&c, "blob.md").contains("binary file"));
    assert!(problem_for(&c, "real.pdf").contains("PDF document"));
    // An image among articles is not an article and not worth a problem.
    assert!(!c.problems.iter().any(|p| p.path.contains("image.png")));
}

#[test]
fn encodings_are_decoded() {
    let d = tmp();
    write(
        d.path(),
        "cp1252.txt",
        b"Caf\xE9 talks \x93ended\x94 \x96 Seoul\x92s view.",
    );
    write(d.path(), "latin1.html", b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Jos\xE9 Mar\xEDa said.</p></body></html>");
    let le: Vec<u8> = "\u{FEFF}Pyongyang — “talks”."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(d.path(), "utf16le.txt", &le);
    let be: Vec<u8> = "\u{FEFF}Moscow ‘visit’."
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    write(d.path(), "utf16be.txt", &be);
    write(d.path(), "bom.txt", b"\xEF\xBB\xBFWith BOM.");
    // Invalid UTF-8: a truncated sequence in otherwise UTF-8 text keeps the UTF-8.
    let mut broken = "Kim’s “visit” to Moscow — confirmed ".as_bytes().to_vec();
    broken.extend_from_slice(b"\xE2\x80 end.");
    write(d.path(), "broken-utf8.txt", &broken);
    let c = load(d.path());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(
        text_of(&c, "cp1252.txt"),
        "Café talks “ended” – Seoul’s view."
    );
    assert_eq!(text_of(&c, "latin1.html"), "José María said.");
    assert_eq!(text_of(&c, "utf16le.txt"), "Pyongyang — “talks”.");
    assert_eq!(text_of(&c, "utf16be.txt"), "Moscow ‘visit’.");
    assert_eq!(text_of(&c, "bom.txt"), "With BOM.");
    assert!(text_of(&c, "broken-utf8.txt").starts_with("Kim’s “visit” to Moscow — confirmed "));
    assert_spans(&c);
}

#[test]
fn empty_and_blank_files_are_problems() {
    let d = tmp();
    write(d.path(), "empty.txt", b"");
    write(d.path(), "blank.md", b"  \n\n\t \n");
    write(
        d.path(),
        "nothing.html",
        b"<html><head><title>x</title></head><body><script>1</script></body></html>",
    );
    let c = load(d.path());
    assert!(c.articles.is_empty());
    assert!(problem_for(&c, "empty.txt").contains("the file is empty"));
    assert!(problem_for(&c, "blank.md").contains("contains no text"));
    assert!(problem_for(&c, "nothing.html").contains("contains no text"));
}

#[test]
fn a_file_over_the_limit_is_refused_without_reading_it() {
    let d = tmp();
    let path = d.path().join("dump.txt");
    let f = fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    // Sparse: takes no disk space and no time.
    f.set_len(MAX_FILE_BYTES + 1)
        .unwrap_or_else(|e| panic!("{e}"));
    write(d.path(), "small.txt", b"Small article.");
    let c = load(d.path());
    assert_eq!(c.articles.len(), 1);
    let msg = problem_for(&c, "dump.txt");
    assert!(
        msg.contains("over the") && msg.contains("nothing was read"),
        "{msg}"
    );
}

#[test]
fn many_files_in_order() {
    let d = tmp();
    // 2,000 files keep the test fast; the walk is linear, 50,000 behave the same.
    for i in 0..2000 {
        write(
            d.path(),
            &format!("batch{}/a{i:05}.txt", i % 7),
            format!("Article {i}.").as_bytes(),
        );
    }
    let c = load(d.path());
    assert!(c.problems.is_empty());
    assert_eq!(c.articles.len(), 2000);
    let paths: Vec<&str> = c.articles.iter().map(|a| a.path.as_str()).collect();
    let mut sorted = paths.clone();
    sorted.sort_unstable();
    assert_eq!(paths, sorted);
    let again = load(d.path());
    assert_eq!(again.articles, c.articles);
}

#[test]
fn nesting_100_deep() {
    let d = tmp();
    let rel: String = (0..100).map(|i| format!("d{i}/")).collect();
    write(d.path(), &format!("{rel}deep.txt"), b"Found at the bottom.");
    let c = load(d.path());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.articles.len(), 1);
    assert!(c.articles[0].path.ends_with("d99/deep.txt"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_end() {
    let d = tmp();
    write(d.path(), "a/one.txt", b"One.");
    std::os::unix::fs::symlink(d.path(), d.path().join("a/loop")).unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(d.path().join("a/missing.txt"), d.path().join("broken.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    std::os::unix::fs::symlink(d.path().join("a/one.txt"), d.path().join("alias.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let c = load(d.path());
    let paths: Vec<&str> = c.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, ["a/one.txt", "alias.txt"]);
    assert!(problem_for(&c, "a/loop").contains("links back to a folder already read"));
    assert!(problem_for(&c, "broken.txt").contains("does not exist"));
}

#[cfg(unix)]
#[test]
fn fifo_is_a_problem_not_a_hang() {
    let d = tmp();
    let fifo = d.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable: skipped");
        return;
    }
    let c = load(d.path());
    assert!(problem_for(&c, "pipe.txt").contains("not a regular file"));
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders() {
    use std::os::unix::fs::PermissionsExt as _;
    let d = tmp();
    write(d.path(), "secret.txt", b"Hidden.");
    write(d.path(), "locked/inner.txt", b"Inner.");
    write(d.path(), "open.txt", b"Open.");
    let set = |p: PathBuf, mode| fs::set_permissions(p, fs::Permissions::from_mode(mode));
    set(d.path().join("secret.txt"), 0o000).unwrap_or_else(|e| panic!("{e}"));
    set(d.path().join("locked"), 0o000).unwrap_or_else(|e| panic!("{e}"));
    // Root reads everything regardless of permissions: then there is nothing to check.
    let root = fs::read(d.path().join("secret.txt")).is_ok();
    let c = load(d.path());
    set(d.path().join("locked"), 0o755).unwrap_or_else(|e| panic!("{e}"));
    if root {
        eprintln!("running as root: permission denials cannot be produced; skipped");
        return;
    }
    assert_eq!(c.articles.len(), 1);
    assert!(problem_for(&c, "secret.txt").contains("could not read `secret.txt`"));
    assert!(problem_for(&c, "locked").contains("could not open the folder `locked`"));
}

#[cfg(unix)]
#[test]
fn non_utf8_file_names() {
    use std::os::unix::ffi::OsStrExt as _;
    let d = tmp();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    fs::write(d.path().join(name), b"Named in Latin-1.").unwrap_or_else(|e| panic!("{e}"));
    let c = load(d.path());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].path, "caf\u{FFFD}.txt");
    assert_eq!(c.articles[0].text, "Named in Latin-1.");
}

#[test]
fn malformed_sidecar_is_reported_and_kept() {
    let d = tmp();
    let broken = b"{\"articles\": {\"a.txt\": {\"published\": \"2024-01-";
    write(d.path(), "dateline.json", broken);
    write(d.path(), "a.txt", b"Text.");
    let c = load(d.path());
    assert_eq!(c.articles.len(), 1);
    assert_eq!(c.articles[0].published_source, DateSource::Unknown);
    assert!(problem_for(&c, "dateline.json").contains("not valid JSON"));
    assert_eq!(
        fs::read(d.path().join("dateline.json")).unwrap_or_default(),
        broken
    );
    // A correction saves a backup of the broken file first.
    let (mut sidecar, _) = Sidecar::load(d.path());
    sidecar.set_published("a.txt", chrono::NaiveDate::from_ymd_opt(2024, 1, 16));
    assert!(sidecar.save().is_ok());
    assert_eq!(
        fs::read(d.path().join("dateline.json.bak")).unwrap_or_default(),
        broken
    );
    let c = load(d.path());
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.articles[0].published_source, DateSource::Sidecar);
}

#[test]
fn impossible_sidecar_dates_are_reported() {
    let d = tmp();
    write(d.path(), "dateline.json", br#"{"articles": {"a.txt": {"published": "2024-02-30"}, "b.txt": {"published": "99999-01-01"}}}"#);
    write(d.path(), "a.txt", b"Text.");
    write(d.path(), "b.txt", b"Text.");
    let c = load(d.path());
    assert_eq!(c.articles.len(), 2);
    assert!(c.articles.iter().all(|a| a.published.is_none()));
    assert_eq!(c.problems.len(), 2, "{:?}", c.problems);
    assert!(
        c.problems
            .iter()
            .all(|p| p.message.contains("not a valid YYYY-MM-DD date"))
    );
}

#[test]
fn malformed_html_and_json() {
    let d = tmp();
    write(d.path(), "broken.html", b"<html><body><p>Kim arrived <b>on Tuesday<p>Talks began<div <<>> &#99999999; &bogus; <!-- unclosed");
    write(
        d.path(),
        "truncated.json",
        b"{\"title\": \"T\", \"text\": \"unterminated",
    );
    write(d.path(), "notext.json", b"{\"title\": \"Only a title\"}");
    write(
        d.path(),
        "mixed.jsonl",
        b"{\"text\": \"First.\"}\nnot json\n{\"text\": \"\"}\n{\"text\": \"Fourth.\"}\n",
    );
    write(d.path(), "deep.json", "[".repeat(50_000).as_bytes());
    let c = load(d.path());
    let html = text_of(&c, "broken.html");
    assert!(
        html.contains("Kim arrived on Tuesday") && html.contains("Talks began"),
        "{html:?}"
    );
    assert!(problem_for(&c, "truncated.json").contains("not valid JSON"));
    assert!(problem_for(&c, "notext.json").contains("no article text"));
    assert!(problem_for(&c, "deep.json").contains("not valid JSON"));
    assert_eq!(text_of(&c, "mixed.jsonl#1"), "First.");
    assert_eq!(text_of(&c, "mixed.jsonl#4"), "Fourth.");
    assert!(problem_for(&c, "mixed.jsonl#2").contains("not valid JSON"));
    assert!(problem_for(&c, "mixed.jsonl#3").contains("contains no text"));
    assert_spans(&c);
}

#[test]
fn a_megabyte_line_without_punctuation() {
    let d = tmp();
    let line = "word ".repeat(200_000) + "x".repeat(100_000).as_str();
    write(d.path(), "long.txt", line.as_bytes());
    let c = load(d.path());
    assert_eq!(c.articles.len(), 1);
    let seg = segment(&c.articles[0].text);
    assert!(seg.sentences.len() >= 500);
    assert_spans(&c);
}

#[test]
fn rtl_emoji_and_combining_marks() {
    let d = tmp();
    let text = "\u{202B}مرحبا بالعالم. شكرا!\u{202C}\nשלום עולם. תודה.\nKim 👍🏽 met Putin 🇰🇵🇷🇺. Cafe\u{301} talks… Next.\nZ\u{335}\u{321}a\u{334}l\u{336}g\u{337}o\u{338}. Done.";
    write(d.path(), "intl.txt", text.as_bytes());
    let c = load(d.path());
    assert_eq!(text_of(&c, "intl.txt"), text);
    assert_spans(&c);
}

fn fingerprint(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, Option<std::time::SystemTime>)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            let meta = fs::symlink_metadata(&p).ok();
            if meta.as_ref().is_some_and(fs::Metadata::is_dir) {
                stack.push(p);
            } else {
                let bytes = fs::read(&p).unwrap_or_default();
                out.insert(p, (bytes, meta.and_then(|m| m.modified().ok())));
            }
        }
    }
    out
}

#[test]
fn loading_never_writes_input_files() {
    let d = tmp();
    write(d.path(), "a.txt", b"Seoul, Jan. 2 -- Talks.");
    write(d.path(), "b.html", b"<p>Page</p>");
    write(d.path(), "c.json", br#"[{"text": "x"}, {"text": "y"}]"#);
    write(d.path(), "dateline.json", b"{broken");
    write(d.path(), "sub/d.md", b"# Title\n\nBody.");
    let before = fingerprint(d.path());
    for _ in 0..2 {
        let c = load(d.path());
        assert_eq!(c.articles.len(), 5);
    }
    assert_eq!(fingerprint(d.path()), before);
}

#[test]
fn a_web_page_saved_as_text_is_read_as_html() {
    let d = tmp();
    write(d.path(), "saved.txt", b"\n<!DOCTYPE html><html><head><title>T</title></head><body><nav>Menu</nav><p>Kim met Putin.</p></body></html>");
    let c = load(d.path());
    assert_eq!(text_of(&c, "saved.txt"), "Kim met Putin.");
    assert_eq!(c.articles[0].title.as_deref(), Some("T"));
}
