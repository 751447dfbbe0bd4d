//! Every format and date source on the fixtures in `tests/fixtures/corpus` (written for these
//! tests, CC0).

use std::path::PathBuf;

use chrono::NaiveDate;
use dateline::corpus::{self, Article, Corpus, DateSource};
use dateline::text::{BlockKind, segment};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

fn load() -> Corpus {
    corpus::load(&[fixtures()])
}

fn article<'a>(c: &'a Corpus, path: &str) -> &'a Article {
    c.articles
        .iter()
        .find(|a| a.path == path)
        .unwrap_or_else(|| {
            panic!(
                "no {path}; have {:?}",
                c.articles.iter().map(|a| &a.path).collect::<Vec<_>>()
            )
        })
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn order_and_problems() {
    let c = load();
    let paths: Vec<&str> = c.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "byline.txt",
            "corrected.txt",
            "feed.jsonl#1",
            "feed.jsonl#2",
            "footer-only.txt",
            "frontmatter.md",
            "newspaper.json#1",
            "newspaper.json#3",
            "site/blog.htm",
            "site/wire.html",
            "trafilatura.json",
            "updated.md",
            "wire.txt",
        ]
    );
    assert_eq!(c.problems.len(), 1, "{:?}", c.problems);
    assert_eq!(c.problems[0].path, "newspaper.json#2");
    assert!(c.problems[0].message.contains("no article text"));
}

#[test]
fn html_article() {
    let c = load();
    let a = article(&c, "site/wire.html");
    assert_eq!(
        a.title.as_deref(),
        Some("North Korea fires ballistic missile, Seoul says")
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://wire.example/world/nk-missile")
    );
    assert_eq!(
        (a.published, a.published_source),
        (date(2024, 1, 14), DateSource::Metadata)
    );
    assert!(
        a.text
            .starts_with("North Korea fires ballistic missile, Seoul says\n\nBy Jane Doe"),
        "{}",
        a.text
    );
    assert!(a.text.contains("South Korea’s military said"));
    assert!(a.text.contains("around 2:55 p.m. (0555 GMT)"));
    for gone in [
        "Home",
        "Search",
        "Facebook",
        "Kim vows",
        "not text",
        "display:none",
    ] {
        assert!(!a.text.contains(gone), "{gone}: {}", a.text);
    }
    let seg = segment(&a.text);
    let kind = |prefix: &str| {
        seg.paragraphs
            .iter()
            .find(|p| a.text[p.span.clone()].starts_with(prefix))
            .map(|p| p.kind)
    };
    assert_eq!(kind("People watch a TV"), Some(BlockKind::Caption));
    assert_eq!(kind("By Jane Doe"), Some(BlockKind::Boilerplate));
    assert_eq!(kind("Reporting by"), Some(BlockKind::Boilerplate));
    assert_eq!(kind("SEOUL, Jan 14"), Some(BlockKind::Body));
}

#[test]
fn legacy_html() {
    let c = load();
    let a = article(&c, "site/blog.htm");
    assert_eq!(a.title.as_deref(), Some("Talks in Moscow"));
    assert_eq!(
        (a.published, a.published_source),
        (date(2023, 9, 13), DateSource::Metadata)
    );
    assert!(a.text.contains("Café owners"), "{}", a.text);
    assert!(a.text.contains("on Wednesday. The talks lasted"));
    assert!(!a.text.contains("Leave a Reply"));
}

#[test]
fn json_scrapers() {
    let c = load();
    let t = article(&c, "trafilatura.json");
    assert_eq!(
        t.title.as_deref(),
        Some("UN Security Council meets on North Korea")
    );
    assert_eq!(t.url.as_deref(), Some("https://news.example/unsc"));
    assert_eq!(
        (t.published, t.published_source),
        (date(2024, 6, 28), DateSource::Metadata)
    );
    assert!(
        t.text
            .starts_with("The U.N. Security Council met on Thursday")
    );
    let n = article(&c, "newspaper.json#1");
    assert_eq!(n.title.as_deref(), Some("Shoigu visits Pyongyang"));
    assert_eq!(n.published, date(2024, 9, 13));
    let sidecar = article(&c, "newspaper.json#3");
    assert_eq!(
        (sidecar.published, sidecar.published_source),
        (date(2024, 5, 27), DateSource::Sidecar)
    );
    let f1 = article(&c, "feed.jsonl#1");
    assert_eq!(f1.published, date(2024, 3, 12));
    let f2 = article(&c, "feed.jsonl#2");
    assert_eq!(f2.published, date(2024, 3, 22));
    assert_eq!(
        f2.text,
        "The allies ended their drills on Thursday.\n\nNorth Korea condemned them."
    );
}

#[test]
fn markdown() {
    let c = load();
    let u = article(&c, "updated.md");
    assert_eq!(
        (u.published, u.published_source),
        (date(2024, 3, 12), DateSource::Text)
    );
    assert!(u.text.starts_with("Satellite launch fails\n"));
    assert!(
        u.text
            .contains("to put a spy satellite into orbit failed on Tuesday, state media said.")
    );
    assert!(u.text.contains("\nThe rocket's second stage failed.\n"));
    let f = article(&c, "frontmatter.md");
    assert_eq!(f.title.as_deref(), Some("Arms shipment reported"));
    assert_eq!(f.url.as_deref(), Some("https://md.example/arms"));
    assert_eq!(
        (f.published, f.published_source),
        (date(2023, 10, 13), DateSource::Metadata)
    );
    assert!(f.text.starts_with("The White House said"));
}

#[test]
fn text_dates() {
    let c = load();
    let w = article(&c, "wire.txt");
    assert_eq!(
        (w.published, w.published_source),
        (None, DateSource::Unknown),
        "a dateline without a year"
    );
    let b = article(&c, "byline.txt");
    assert_eq!(
        (b.published, b.published_source),
        (date(2024, 3, 12), DateSource::Text)
    );
    let f = article(&c, "footer-only.txt");
    assert_eq!(
        (f.published, f.published_source),
        (None, DateSource::Unknown),
        "never a copyright year"
    );
    let s = article(&c, "corrected.txt");
    assert_eq!(
        (s.published, s.published_source),
        (date(2024, 3, 2), DateSource::Sidecar)
    );
    assert_eq!(s.title.as_deref(), Some("Corrected title"));
}

#[test]
fn single_files_use_their_folders_sidecar() {
    let c = corpus::load(&[
        fixtures().join("corrected.txt"),
        fixtures().join("site/wire.html"),
    ]);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    assert_eq!(c.articles[0].path, "corrected.txt");
    assert_eq!(c.articles[0].published_source, DateSource::Sidecar);
    assert_eq!(c.articles[1].path, "wire.html");
}

#[test]
fn discover_then_read_entry() {
    let (entries, problems) = corpus::discover(&[fixtures()]);
    assert!(problems.is_empty());
    let (sidecars, problems) = corpus::load_sidecars(&entries);
    assert!(problems.is_empty());
    let e = entries
        .iter()
        .find(|e| e.rel == "newspaper.json")
        .unwrap_or_else(|| panic!("entry"));
    let sidecar = &sidecars[&e.root];
    let articles = corpus::read_entry(e, sidecar).unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(articles.len(), 2);
    let read = corpus::read_file(e, sidecar);
    assert_eq!((read.articles.len(), read.problems.len()), (2, 1));
}
