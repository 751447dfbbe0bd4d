//! Segmentation of the sample articles: spans hold, furniture is boilerplate, prose is body.

use std::path::PathBuf;

use dateline::corpus::{self, DateSource};
use dateline::text::{BlockKind, segment};

fn samples() -> corpus::Corpus {
    corpus::load(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/sample-articles")])
}

#[test]
fn samples_load_with_sidecar_dates() {
    let c = samples();
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let got: Vec<(String, String)> = c
        .articles
        .iter()
        .map(|a| {
            (
                a.path.clone(),
                a.published.map(|d| d.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("000_deb5dfccf42b9e5b.txt", "2024-04-24"),
            ("001_c6e06954c8161c52.txt", "2024-09-14"),
            ("002_2ec28c7587d93b2d.txt", "2022-11-03"),
            ("003_07d2187d696b296f.txt", "2024-01-19"),
            ("004_54abc3189b2c6ccf.txt", "2024-04-10"),
        ]
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
    );
    assert!(
        c.articles
            .iter()
            .all(|a| a.published_source == DateSource::Sidecar)
    );
}

/// Paragraphs of `path` starting with `prefix` have `kind`.
fn kind_of(c: &corpus::Corpus, path: &str, prefix: &str) -> BlockKind {
    let a = c
        .articles
        .iter()
        .find(|a| a.path == path)
        .unwrap_or_else(|| panic!("{path}"));
    let seg = segment(&a.text);
    seg.paragraphs
        .iter()
        .find(|p| a.text[p.span.clone()].starts_with(prefix))
        .map(|p| p.kind)
        .unwrap_or_else(|| panic!("no paragraph {prefix:?} in {path}"))
}

#[test]
fn samples_furniture() {
    let c = samples();
    use BlockKind::{Body, Boilerplate, Caption, Heading};
    let cases = [
        (
            "000_deb5dfccf42b9e5b.txt",
            "North Korea Seeks to Enhance",
            Heading,
        ),
        (
            "000_deb5dfccf42b9e5b.txt",
            "Join the Conversation",
            Boilerplate,
        ),
        (
            "000_deb5dfccf42b9e5b.txt",
            "Both Moscow and Pyongyang",
            Body,
        ),
        ("001_c6e06954c8161c52.txt", "Bonus video:", Boilerplate),
        ("001_c6e06954c8161c52.txt", "Jonah Leff", Body),
        (
            "002_2ec28c7587d93b2d.txt",
            "North Korea ‘smuggling",
            Heading,
        ),
        ("002_2ec28c7587d93b2d.txt", "READ MORE:", Boilerplate),
        ("002_2ec28c7587d93b2d.txt", "DON’T MISS:", Boilerplate),
        (
            "002_2ec28c7587d93b2d.txt",
            "Russian occupiers deploy",
            Boilerplate,
        ),
        (
            "002_2ec28c7587d93b2d.txt",
            "Putin is paying UK",
            Boilerplate,
        ),
        ("002_2ec28c7587d93b2d.txt", "Mr Kirby said that Putin", Body),
        ("002_2ec28c7587d93b2d.txt", "Previous article", Boilerplate),
        ("002_2ec28c7587d93b2d.txt", "Next article", Boilerplate),
        (
            "002_2ec28c7587d93b2d.txt",
            "Please enter your comment",
            Boilerplate,
        ),
        (
            "002_2ec28c7587d93b2d.txt",
            "Please enter your name",
            Boilerplate,
        ),
        (
            "002_2ec28c7587d93b2d.txt",
            "He said: “We have learned",
            Body,
        ),
        ("003_07d2187d696b296f.txt", "Connect with us", Boilerplate),
        ("003_07d2187d696b296f.txt", "Hi, what are you", Boilerplate),
        (
            "003_07d2187d696b296f.txt",
            "North Korea Signals Closer",
            Heading,
        ),
        (
            "003_07d2187d696b296f.txt",
            "Photo from CTV News",
            Boilerplate,
        ),
        (
            "003_07d2187d696b296f.txt",
            "Russian President Vladimir Putin meets",
            Caption,
        ),
        (
            "003_07d2187d696b296f.txt",
            "READ ALSO:\u{a0}Russia Rejects",
            Boilerplate,
        ),
        (
            "003_07d2187d696b296f.txt",
            "READ ALSO:\u{a0}Kevin Rudd",
            Boilerplate,
        ),
        ("003_07d2187d696b296f.txt", "Click to comment", Boilerplate),
        ("003_07d2187d696b296f.txt", "Leave a Reply", Boilerplate),
        (
            "003_07d2187d696b296f.txt",
            "Your email address",
            Boilerplate,
        ),
        ("003_07d2187d696b296f.txt", "You May Also Like", Boilerplate),
        ("003_07d2187d696b296f.txt", "A convicted felon", Boilerplate),
        ("003_07d2187d696b296f.txt", "Us News", Boilerplate),
        (
            "003_07d2187d696b296f.txt",
            "News from Springfield",
            Boilerplate,
        ),
        (
            "003_07d2187d696b296f.txt",
            "North Korea conducts a purported",
            Body,
        ),
        (
            "004_54abc3189b2c6ccf.txt",
            "Image Via Shutterstock",
            Boilerplate,
        ),
        (
            "004_54abc3189b2c6ccf.txt",
            "Benzinga Neuro, Edited",
            Boilerplate,
        ),
        ("004_54abc3189b2c6ccf.txt", "The GPT-4-based", Boilerplate),
        ("004_54abc3189b2c6ccf.txt", "© 2025 Benzinga", Boilerplate),
        ("004_54abc3189b2c6ccf.txt", "Comments", Boilerplate),
        ("004_54abc3189b2c6ccf.txt", "Trade confidently", Boilerplate),
        (
            "004_54abc3189b2c6ccf.txt",
            "Finally, the U.S. announced",
            Body,
        ),
        ("004_54abc3189b2c6ccf.txt", "What Happened:", Body),
    ];
    let mut wrong = Vec::new();
    for (path, prefix, want) in cases {
        let got = kind_of(&c, path, prefix);
        if got != want {
            wrong.push(format!("{path} {prefix:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn samples_sentence_spans() {
    let c = samples();
    for a in &c.articles {
        let seg = segment(&a.text);
        assert!(!seg.sentences.is_empty());
        for s in &seg.sentences {
            let t = a
                .text
                .get(s.span.clone())
                .unwrap_or_else(|| panic!("bad span in {}", a.path));
            assert_eq!(t, t.trim());
        }
    }
    let a = &c.articles[4];
    let seg = segment(&a.text);
    let texts: Vec<&str> = seg
        .sentences
        .iter()
        .map(|s| &a.text[s.span.clone()])
        .collect();
    assert!(texts.contains(&"The U.S. Secretary of State, Antony Blinken, has expressed unease over the military aid that Russia’s defense sector is receiving from North Korea, Iran, and China."));
}
