//! Property tests: on any input the segmenter and the HTML/JSON/Markdown readers never panic,
//! and every span is a trimmed slice on char boundaries inside its paragraph.

use dateline::corpus::{dateline as datelines, html, json, markdown};
use dateline::text::segment;
use proptest::prelude::*;

/// Text made of the pieces that stress the splitter: abbreviations, quotes, newlines,
/// multi-byte characters, markup.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "U.S.",
        "Mr.",
        " ",
        "  ",
        "\n",
        "\n\n",
        ".",
        "...",
        "…",
        "?",
        "!",
        "”",
        "“",
        "’",
        "\"",
        "'",
        "(",
        ")",
        "Jan. 2",
        "3.5",
        "a.m.",
        "The",
        "he",
        "Kim",
        "READ MORE:",
        "[REVEAL]",
        "©",
        "é",
        "e\u{301}",
        "👍🏽",
        "שלום",
        "\u{a0}",
        "\t",
        "\r",
        "<p>",
        "</p>",
        "<",
        "&amp;",
        "&#",
        "# ",
        "**",
        "[x](y)",
        "{",
        "}",
        "\"text\":",
        "By ",
        "Photo: ",
        "2024-01-16",
        "March 12, 2024",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn segment_spans_hold(text in prop_oneof![newsy(), any::<String>()]) {
        let seg = segment(&text);
        for p in &seg.paragraphs {
            prop_assert!(text.get(p.span.clone()).is_some());
        }
        let mut last_end = 0;
        for s in &seg.sentences {
            let t = text.get(s.span.clone());
            prop_assert!(t.is_some(), "span {:?} not on char boundaries", s.span);
            let t = t.unwrap_or_default();
            prop_assert!(!t.is_empty() && t.trim() == t);
            prop_assert!(s.span.start >= last_end, "sentences overlap or go backwards");
            last_end = s.span.end;
            let p = &seg.paragraphs[s.paragraph];
            prop_assert!(p.span.start <= s.span.start && s.span.end <= p.span.end);
        }
    }

    #[test]
    fn readers_never_panic(text in prop_oneof![newsy(), any::<String>()]) {
        let _ = html::parse(&text);
        let _ = json::parse(&text);
        let _ = markdown::convert(&text);
        let _ = datelines::date_from_text(&text);
        let _ = datelines::parse_date_str(&text);
    }

    #[test]
    fn decode_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = dateline::corpus::decode::decode(&bytes, None) {
            prop_assert!(!text.contains('\r'));
        }
    }
}
