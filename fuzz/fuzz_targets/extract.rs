//! `Extractor::builtin().extract` on an article made of the input (the first byte picks the
//! article date): every source is exactly its slice, triggers on char boundaries, dates forwards.
#![no_main]

#[path = "../common.rs"]
mod common;

use std::sync::OnceLock;

use dateline::corpus::{Article, DateSource};
use dateline::extract::Extractor;
use libfuzzer_sys::fuzz_target;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = common::text(rest).into_owned();
    let published = common::doc_date(selector).date;
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
        text,
    };
    let extractor = EXTRACTOR.get_or_init(Extractor::builtin);
    for e in extractor.extract(&article) {
        let s = &e.source;
        common::span(&article.text, s.start, s.end, "source");
        assert_eq!(
            article.text.get(s.start..s.end),
            Some(s.text.as_str()),
            "source text is not its slice"
        );
        if let Some((a, b)) = e.trigger {
            common::span(&article.text, a, b, "trigger");
        }
        if let Some(w) = &e.when
            && let (Some(a), Some(b)) = (w.start, w.end)
        {
            assert!(a <= b, "when runs backwards: {w:?}");
        }
        assert!(e.confidence.is_finite(), "confidence {}", e.confidence);
    }
});
