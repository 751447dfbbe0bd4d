//! Paragraphs, sentences and boilerplate. Everything carries byte spans into the article text.

use std::ops::Range;

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

/// Splits `text` into paragraphs and sentences and classifies each paragraph.
#[must_use]
pub fn segment(text: &str) -> Segmented {
    let mut out = Segmented::default();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            let start = offset + lead;
            let span = start..start + trimmed.len();
            out.sentences.push(Sentence {
                span: span.clone(),
                paragraph: out.paragraphs.len(),
            });
            out.paragraphs.push(Paragraph {
                span,
                kind: BlockKind::Body,
            });
        }
        offset += line.len();
    }
    out
}
