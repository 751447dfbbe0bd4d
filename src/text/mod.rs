//! Paragraphs, sentences and boilerplate. Everything carries byte spans into the article text.
//!
//! [`segment`] finds paragraphs (blank-line separated, one per line as scraped news often is,
//! hard-wrapped lines joined back, indented first lines starting new ones), splits them into
//! sentences ([`sentences`]) and classifies each paragraph ([`boilerplate`]).

pub mod boilerplate;
pub mod hash;
mod phrases;
pub mod sentences;
pub mod trie;

use std::ops::Range;

/// A word of at most eight bytes, ASCII lower-cased, packed into an integer (first byte
/// highest, so keys sort as the words do); `None` for longer words. Short word lists are
/// kept as sorted keys and searched with one binary search.
pub(crate) fn word_key(word: &str) -> Option<u64> {
    if word.len() > 8 {
        return None;
    }
    let mut key = [0u8; 8];
    for (k, b) in key.iter_mut().zip(word.bytes()) {
        *k = b.to_ascii_lowercase();
    }
    Some(u64::from_be_bytes(key))
}

pub use boilerplate::Rules;

/// What a paragraph is, as far as events are concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Article prose: events come from here.
    Body,
    /// A headline or section heading.
    Heading,
    /// A photo caption or credit line (may date an event, e.g. "Moscow, Russia, January 16, 2024").
    Caption,
    /// Navigation, related links, comment prompts, copyright, newsletter pitches: no events.
    Boilerplate,
}

impl BlockKind {
    /// Everything but boilerplate may state events.
    #[must_use]
    pub fn may_have_events(self) -> bool {
        self != Self::Boilerplate
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Range<usize>,
    pub kind: BlockKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmented {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Segmented {
    /// The kind of the paragraph holding sentence `i`.
    #[must_use]
    pub fn sentence_kind(&self, i: usize) -> Option<BlockKind> {
        let s = self.sentences.get(i)?;
        self.paragraphs.get(s.paragraph).map(|p| p.kind)
    }
}

/// Splits `text` into paragraphs and sentences and classifies each paragraph, with the
/// boilerplate rules shipped in `assets/boilerplate.txt`.
#[must_use]
pub fn segment(text: &str) -> Segmented {
    segment_with(text, Rules::builtin())
}

/// [`segment`] with other boilerplate rules (e.g. the built-in list plus a user's own).
#[must_use]
pub fn segment_with(text: &str, rules: &Rules) -> Segmented {
    let paras = paragraphs(text);
    let infos: Vec<boilerplate::ParaInfo<'_>> = paras
        .iter()
        .map(|(span, joined)| boilerplate::ParaInfo {
            text: text.get(span.clone()).unwrap_or_default(),
            start: span.start,
            joined_to_previous: *joined,
        })
        .collect();
    let kinds = boilerplate::classify(rules, &infos, text.len());
    let mut out = Segmented {
        paragraphs: Vec::with_capacity(paras.len()),
        sentences: Vec::with_capacity(paras.len() * 2),
    };
    let mut spans = Vec::new();
    for (index, ((span, _), kind)) in paras.into_iter().zip(kinds).enumerate() {
        spans.clear();
        sentences::split(text, span.clone(), &mut spans);
        out.sentences.extend(spans.drain(..).map(|span| Sentence {
            span,
            paragraph: index,
        }));
        out.paragraphs.push(Paragraph { span, kind });
    }
    out
}

/// A non-blank line: its trimmed byte range and its indentation in bytes.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
}

impl Line {
    fn len(self) -> usize {
        self.end - self.start
    }
}

/// Lines of hard-wrapped prose are at most this long; longer lines are whole paragraphs.
const WRAP_MAX: usize = 120;
const WRAP_MIN: usize = 40;

/// Paragraph spans (trimmed), each with whether it follows the previous one without a blank
/// line.
fn paragraphs(text: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut block: Vec<Line> = Vec::new();
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos <= bytes.len() {
        let line_end = memchr::memchr(b'\n', bytes.get(pos..).unwrap_or_default())
            .map_or(bytes.len(), |i| pos + i);
        let raw = text.get(pos..line_end).unwrap_or_default();
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            flush_block(text, &mut block, &mut out);
        } else {
            let indent = raw.len() - raw.trim_start().len();
            let start = pos + indent;
            block.push(Line {
                start,
                end: start + trimmed.len(),
                indent,
            });
        }
        pos = line_end + 1;
    }
    flush_block(text, &mut block, &mut out);
    out
}

fn starts_lowercase(text: &str, line: Line) -> bool {
    text.get(line.start..line.end)
        .and_then(|s| s.chars().next())
        .is_some_and(char::is_lowercase)
}

fn flush_block(text: &str, block: &mut Vec<Line>, out: &mut Vec<(Range<usize>, bool)>) {
    let Some(&first) = block.first() else {
        return;
    };
    let max = block.iter().map(|l| l.len()).max().unwrap_or(0);
    let continuations = block.len().saturating_sub(1);
    let lower_starts = block
        .iter()
        .skip(1)
        .filter(|l| starts_lowercase(text, **l))
        .count();
    let wrapped = continuations > 0
        && (WRAP_MIN..=WRAP_MAX).contains(&max)
        && lower_starts * 3 >= continuations;
    let mut para_start = first;
    let mut prev = first;
    let mut first_in_block = true;
    for &line in block.iter().skip(1) {
        let join = starts_lowercase(text, line) && prev.len() >= 20
            || wrapped && prev.len() * 10 >= max * 6 && line.indent <= prev.indent;
        if !join {
            out.push((para_start.start..prev.end, !first_in_block));
            first_in_block = false;
            para_start = line;
        }
        prev = line;
    }
    out.push((para_start.start..prev.end, !first_in_block));
    block.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_spans(text: &str, seg: &Segmented) {
        for p in &seg.paragraphs {
            assert!(text.get(p.span.clone()).is_some());
        }
        for s in &seg.sentences {
            let t = text.get(s.span.clone()).unwrap_or_default();
            assert!(!t.is_empty() && t.trim() == t, "{t:?}");
            assert!(seg.paragraphs[s.paragraph].span.start <= s.span.start);
            assert!(seg.paragraphs[s.paragraph].span.end >= s.span.end);
        }
    }

    #[test]
    fn one_paragraph_per_line() {
        let text =
            "Headline Of The Story\nFirst paragraph. It has two sentences.\nSecond one here.\n";
        let seg = segment(text);
        check_spans(text, &seg);
        assert_eq!(seg.paragraphs.len(), 3);
        let s: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect();
        assert_eq!(
            s,
            [
                "Headline Of The Story",
                "First paragraph.",
                "It has two sentences.",
                "Second one here."
            ]
        );
        assert_eq!(seg.paragraphs[0].kind, BlockKind::Heading);
    }

    #[test]
    fn hard_wrapped_and_indented() {
        let text = "  The talks in Moscow lasted four hours and ended\nwith a dinner, the Kremlin said on Wednesday. Kim\nleft by train.\n  A second paragraph starts indented and goes\non for a while.\n\nShort Heading\n\nBody again.";
        let seg = segment(text);
        check_spans(text, &seg);
        let p: Vec<&str> = seg
            .paragraphs
            .iter()
            .map(|p| &text[p.span.clone()])
            .collect();
        assert_eq!(p.len(), 4, "{p:?}");
        assert!(p[0].ends_with("left by train."));
        let s: Vec<&str> = seg
            .sentences
            .iter()
            .map(|s| &text[s.span.clone()])
            .collect();
        assert_eq!(s[1], "Kim\nleft by train.");
    }

    #[test]
    fn samples_boilerplate() {
        let text = "North Korea fired a missile on Tuesday, officials said in Seoul.\nREAD MORE: Kim visits Putin [REVEAL]\n\nPlease enter your comment!\n";
        let seg = segment(text);
        let kinds: Vec<BlockKind> = seg.paragraphs.iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Body,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate
            ]
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "",
            "\n\n\n",
            ".",
            "...",
            "?!",
            " . . . ",
            "é.É",
            "\u{200F}שלום. עולם",
            "👍🏽. 👍",
            "e\u{301}. A\u{301}",
            "\r\n.\r\n",
        ] {
            let seg = segment(t);
            check_spans(t, &seg);
        }
    }
}
