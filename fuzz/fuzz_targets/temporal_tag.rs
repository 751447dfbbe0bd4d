//! `temporal::tag` and `tag_timex`, with and without an article date (the first byte picks
//! it): spans on char boundaries, never empty, intervals forwards.
#![no_main]

#[path = "../common.rs"]
mod common;

use dateline::temporal;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = common::text(rest);
    let doc = common::doc_date(selector);
    for t in temporal::tag(&text, doc)
        .iter()
        .chain(&temporal::tag_timex(&text, doc))
    {
        common::span(&text, t.start, t.end, "time expression");
        assert!(t.start < t.end, "empty time expression {t:?}");
        if let Some((a, b)) = t.interval {
            assert!(a <= b, "interval runs backwards: {t:?}");
        }
        let when = t.when(&text);
        if let (Some(a), Some(b)) = (when.start, when.end) {
            assert!(a <= b, "when runs backwards: {when:?}");
        }
    }
});
