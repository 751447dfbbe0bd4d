//! Span and interval invariants of the whole pipeline on arbitrary Unicode text: every event's
//! `source.text` is exactly its slice of the article, every span (source, trigger, time
//! expression, sentence, paragraph) lies on char boundaries inside the text, and every date
//! interval has `start <= end`.
//!
//! The texts mix news-like English with RTL scripts, bidi controls, emoji (with skin tones,
//! flags and ZWJ sequences), combining marks, long unpunctuated lines and many dates, so the
//! byte offsets of multi-byte characters meet every rule of the segmenter, tagger and extractor.

use std::fmt::Write as _;

use chrono::NaiveDate;
use dateline::corpus::{Article, DateSource};
use dateline::extract::Extractor;
use dateline::temporal::{self, DocDate, When};
use dateline::text;
use proptest::prelude::*;

fn doc_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 4, 24).unwrap_or_default()
}

fn article(text: &str, published: Option<NaiveDate>) -> Article {
    Article {
        path: "prop.txt".into(),
        title: None,
        url: None,
        published,
        published_source: if published.is_some() {
            DateSource::Sidecar
        } else {
            DateSource::Unknown
        },
        text: text.to_owned(),
    }
}

fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

fn assert_when(when: &When, what: &str) {
    if let (Some(a), Some(b)) = (when.start, when.end) {
        assert!(a <= b, "{what}: interval {a}..{b} runs backwards");
    }
}

/// Every invariant, for one text, with and without an article date.
fn check(text: &str) {
    let seg = text::segment(text);
    for p in &seg.paragraphs {
        assert_span(text, p.span.start, p.span.end, "paragraph");
    }
    for s in &seg.sentences {
        assert_span(text, s.span.start, s.span.end, "sentence");
        assert!(
            s.paragraph < seg.paragraphs.len(),
            "sentence {s:?} has no paragraph"
        );
    }

    let docs = [
        DocDate::known(doc_date()),
        DocDate {
            date: Some(doc_date()),
            estimated: true,
        },
        DocDate::default(),
    ];
    for doc in docs {
        for t in temporal::tag(text, doc)
            .iter()
            .chain(&temporal::tag_timex(text, doc))
        {
            assert_span(text, t.start, t.end, "time expression");
            assert!(t.start < t.end, "empty time expression {t:?}");
            if let Some((a, b)) = t.interval {
                assert!(a <= b, "time expression {t:?} runs backwards");
            }
            let when = t.when(text);
            assert_eq!(when.expression, text.get(t.start..t.end).unwrap_or(""));
            assert_when(&when, "time expression");
        }
    }

    let extractor = Extractor::builtin();
    for published in [Some(doc_date()), None] {
        let a = article(text, published);
        for e in extractor.extract(&a) {
            let s = &e.source;
            assert_span(text, s.start, s.end, "event source");
            assert_eq!(
                text.get(s.start..s.end),
                Some(s.text.as_str()),
                "event {} source text is not its slice",
                e.id
            );
            assert_eq!(s.article, a.path);
            if let Some((ts, te)) = e.trigger {
                assert_span(text, ts, te, "trigger");
            }
            if let Some(w) = &e.when {
                assert_when(w, "event");
            }
            assert!(e.confidence.is_finite(), "confidence {}", e.confidence);
        }
    }
}

/// Pieces of news English that fire the segmenter, tagger and extractor.
const NEWS: &[&str] = &[
    "Kim Jong Un",
    "Vladimir Putin",
    "North Korea",
    "Russia",
    "Pyongyang",
    "the UN Security Council",
    " met ",
    " visited ",
    " launched a ballistic missile",
    " denied ",
    " accused ",
    " signed an agreement",
    " said on Tuesday",
    " will meet ",
    "arms shipments",
    "January 16, 2024",
    "Jan. 2",
    "last week",
    "next month",
    "in 2023",
    "the 1990s",
    "between March 3 and May 5, 2022",
    "since September",
    "February 30",
    "year 99999",
    "10:30 a.m.",
    "two days ago",
    "Q3 2024",
    "SEOUL, Sept 13 (Reuters) -- ",
    ". ",
    "? ",
    "! ",
    "\n",
    "\n\n",
    "\u{2014}",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "U.S.",
    "Mr. ",
    "...",
];

/// Characters that are many bytes wide or change how text renders.
const HARD: &[&str] = &[
    "مرحبا بالعالم",
    "שלום עולם",
    "\u{202B}",
    "\u{202C}",
    "\u{200F}",
    "\u{2067}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{301}",
    "\u{335}\u{321}",
    "e\u{301}",
    "👍🏽",
    "🇰🇵🇷🇺",
    "👨\u{200D}👩\u{200D}👧",
    "日本",
    "한국어",
    "\u{00A0}",
    "\u{2028}",
    "\u{0085}",
    "\r\n",
    "\t",
    "\u{10FFFF}",
    "ǅ",
    "İ",
    "ß",
    "ﬁ",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NEWS).prop_map(str::to_owned),
        3 => prop::sample::select(HARD).prop_map(str::to_owned),
        2 => "\\PC{1,12}",
        1 => any::<char>().prop_map(String::from),
        1 => "[0-9]{1,6}",
    ]
}

fn mixed() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(160))]

    #[test]
    fn news_mixed_with_hard_unicode(text in mixed()) {
        check(&text);
    }

    #[test]
    fn arbitrary_unicode(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn printable_unicode(text in "\\PC{0,400}") {
        check(&text);
    }

    /// A line of a few thousand bytes without sentence punctuation, with dates and actors
    /// sprinkled through it.
    #[test]
    fn long_lines(word in prop::sample::select(HARD), n in 200usize..1200, every in 7usize..40) {
        let mut text = String::new();
        for i in 0..n {
            if i % every == 0 {
                text.push_str(NEWS[i % NEWS.len()].trim_end_matches(['.', '?', '!', '\n']));
            } else {
                text.push_str(word);
            }
            text.push(' ');
        }
        check(&text);
    }

    /// Many dates, with and without days, some impossible, in one article.
    #[test]
    fn many_dates(
        dates in prop::collection::vec(
            (1i32..10000, 0u32..14, 0u32..33, prop::sample::select(HARD)),
            1..120,
        )
    ) {
        const MONTHS: [&str; 14] = [
            "", "January", "Feb.", "March", "Apr", "May", "June", "July", "Aug.", "Sept.",
            "October", "Nov", "December", "Smarch",
        ];
        let mut text = String::from("Kim Jong Un met Vladimir Putin ");
        for (y, m, d, glue) in dates {
            let month = MONTHS.get(m as usize).copied().unwrap_or("");
            let _ = write!(text, "on {month} {d}, {y}{glue} and ");
        }
        text.push_str("then they signed an agreement.");
        check(&text);
    }
}

#[test]
fn fixed_hard_cases() {
    for text in [
        "",
        " ",
        "\n\n\n",
        ".",
        "\u{FEFF}Kim met Putin on January 16, 2024.",
        "Kim 👍🏽 met Putin 🇰🇵🇷🇺 on Jan. 2. Cafe\u{301} talks… Next.",
        "\u{202B}بوتين وكيم\u{202C} met in Pyongyang on June 19, 2024; Russia denied it.",
        "Z\u{335}\u{321}a\u{334}l\u{336}g\u{337}o\u{338} said on Tuesday that Russia launched a missile.",
        "North Korea launched a missile on February 30, 2024 and in the year 99999.",
        "Putin visited Pyongyang between December 30, 2023 and February 7, 2024\u{301}.",
    ] {
        check(text);
    }
    let dates = "Russia denied on January 16, 2024 that ".repeat(2_000);
    check(&dates);
    let unpunctuated = "Kim met Putin in Pyongyang ".repeat(5_000);
    check(&unpunctuated);
}
