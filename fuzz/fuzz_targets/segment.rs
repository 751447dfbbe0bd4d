//! `text::segment`: paragraphs and sentences lie on char boundaries, in order, inside the text.
#![no_main]

#[path = "../common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text(data);
    let seg = dateline::text::segment(&text);
    let mut last_end = 0;
    for p in &seg.paragraphs {
        common::span(&text, p.span.start, p.span.end, "paragraph");
        assert!(
            p.span.start >= last_end,
            "paragraphs overlap: {:?}",
            seg.paragraphs
        );
        last_end = p.span.end;
    }
    for s in &seg.sentences {
        common::span(&text, s.span.start, s.span.end, "sentence");
        let p = seg.paragraphs.get(s.paragraph).map(|p| p.span.clone());
        assert!(
            p.as_ref()
                .is_some_and(|p| p.start <= s.span.start && s.span.end <= p.end),
            "sentence {s:?} outside its paragraph {p:?}"
        );
    }
});
