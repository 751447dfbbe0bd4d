//! Telling article prose from page furniture: headings, photo captions and credits, and
//! boilerplate (teasers, related links, comment prompts, newsletter pitches, share bars,
//! bylines, copyright footers, trailing "You May Also Like" lists).
//!
//! Phrase rules live in `assets/boilerplate.txt` (documented there, extensible by users);
//! general shape rules (copyright signs, `[REVEAL]`-tagged links, share bars, `a | b | c`
//! navigation, bylines, title-case headings) are here.

use std::sync::LazyLock;

use super::BlockKind;
use super::phrases::Phrases;
use super::word_key;

/// The phrase list shipped with Dateline.
pub const BUILTIN_RULES: &str = include_str!("../../assets/boilerplate.txt");

/// Paragraphs longer than this are prose: `contains` rules are not tested on them.
const SHORT_BYTES: usize = 400;
/// Captions are at most this long.
const CAPTION_BYTES: usize = 600;
/// A paragraph this long ends a trailing-list section: prose has resumed.
const PROSE_BYTES: usize = 600;

/// Rule kinds, as bits: one phrase may carry several (`read next` is a teaser and a tail).
const LINE: u8 = 1;
const PREFIX: u8 = 1 << 1;
const CONTAINS: u8 = 1 << 2;
const TEASER: u8 = 1 << 3;
const TAIL: u8 = 1 << 4;
const CAPTION: u8 = 1 << 5;
/// A caption phrase matched with its case: `REUTERS` in a credit, not `Reuters` in prose.
const CREDIT: u8 = 1 << 6;

/// Phrases (lower-cased, deduplicated) with their kinds.
#[derive(Default)]
struct Table {
    patterns: Vec<String>,
    masks: Vec<u8>,
    /// The exact spelling for a phrase that is only a `credit:`.
    exact: Vec<Option<String>>,
    index: std::collections::HashMap<String, usize>,
}

impl Table {
    fn add(&mut self, phrase: &str, mask: u8) {
        let key = phrase.to_ascii_lowercase();
        let exact = (mask == CREDIT).then(|| phrase.to_owned());
        if let Some(&i) = self.index.get(&key) {
            if let (Some(m), Some(e)) = (self.masks.get_mut(i), self.exact.get_mut(i)) {
                *m |= mask;
                if mask != CREDIT {
                    *e = None;
                }
            }
            return;
        }
        self.index.insert(key.clone(), self.patterns.len());
        self.patterns.push(key);
        self.masks.push(mask);
        self.exact.push(exact);
    }

    fn build(self, anchored: bool) -> Matcher {
        Matcher {
            automaton: Phrases::new(&self.patterns, anchored),
            masks: self.masks,
            exact: self.exact,
        }
    }
}

#[derive(Debug)]
struct Matcher {
    automaton: Phrases,
    masks: Vec<u8>,
    exact: Vec<Option<String>>,
}

/// Compiled phrase rules: phrases that must open the paragraph (`line`, `prefix`, `teaser`,
/// `tail`) and phrases found anywhere in a short paragraph (`contains`, `caption`, `credit`).
#[derive(Debug)]
pub struct Rules {
    anchored: Matcher,
    floating: Matcher,
}

impl Rules {
    /// Parses rules in the `assets/boilerplate.txt` format; unknown kinds are ignored.
    #[must_use]
    pub fn parse(source: &str) -> Self {
        let mut anchored = Table::default();
        let mut floating = Table::default();
        for line in source.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once(':') else {
                continue;
            };
            let (mask, table) = match kind.trim() {
                "line" => (LINE, &mut anchored),
                "prefix" => (PREFIX, &mut anchored),
                "teaser" => (TEASER, &mut anchored),
                "tail" => (TAIL, &mut anchored),
                "contains" => (CONTAINS, &mut floating),
                "caption" => (CAPTION, &mut floating),
                "credit" => (CREDIT, &mut floating),
                _ => continue,
            };
            let phrase = phrase.trim();
            if phrase.is_empty() {
                continue;
            }
            if phrase.contains('\'') {
                table.add(&phrase.replace('\'', "’"), mask);
            }
            table.add(phrase, mask);
        }
        Self {
            anchored: anchored.build(true),
            floating: floating.build(false),
        }
    }

    /// The rules shipped in `assets/boilerplate.txt`.
    #[must_use]
    pub fn builtin() -> &'static Self {
        static RULES: LazyLock<Rules> = LazyLock::new(|| Rules::parse(BUILTIN_RULES));
        &RULES
    }
}

/// What the phrase rules say about one paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Hits {
    boilerplate: bool,
    teaser: bool,
    tail: bool,
    caption: bool,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Only punctuation and spaces: what may follow a `line` phrase.
fn only_trailing_punct(rest: &str) -> bool {
    rest.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ':' | '.'
                    | '!'
                    | '?'
                    | '…'
                    | '>'
                    | '»'
                    | '›'
                    | '→'
                    | '-'
                    | '–'
                    | '—'
                    | '|'
                    | '('
                    | ')'
                    | '0'..='9'
            )
    })
}

/// The longest phrase that must open a paragraph, in bytes.
const ANCHORED_WINDOW: usize = 96;

fn window(para: &str, max: usize) -> &str {
    let mut e = para.len().min(max);
    while !para.is_char_boundary(e) {
        e -= 1;
    }
    para.get(..e).unwrap_or_default()
}

fn phrase_hits(rules: &Rules, para: &str) -> Hits {
    let mut hits = Hits::default();
    let bytes = para.as_bytes();
    let right_ok = |e: usize| {
        let last = bytes.get(e.saturating_sub(1)).copied().unwrap_or(b' ');
        !is_word_byte(last) || !bytes.get(e).copied().is_some_and(is_word_byte)
    };
    // Phrases at the start: the longest one there, looked for in the first bytes only.
    let opening = rules
        .anchored
        .automaton
        .longest_prefix(window(para, ANCHORED_WINDOW).as_bytes());
    if let Some(m) = opening {
        let mask = rules.anchored.masks.get(m.phrase).copied().unwrap_or(0);
        let e = m.end;
        let rest = para.get(e..).unwrap_or_default();
        // `Previous articleLargest sub…`: a link text glued to the label.
        let glued = bytes.get(e).is_some_and(u8::is_ascii_uppercase);
        if mask & PREFIX != 0 && (right_ok(e) || glued) {
            hits.boilerplate = true;
        }
        if mask & (LINE | TAIL) != 0 && right_ok(e) && rest.len() <= 24 && only_trailing_punct(rest)
        {
            hits.boilerplate = true;
            hits.tail |= mask & TAIL != 0;
        }
        if mask & TEASER != 0 && right_ok(e) {
            let after = rest.trim_start();
            let marked =
                after.is_empty() || after.starts_with([':', '|', '-', '–', '—', '»', '›', '>']);
            let matched = para.get(..e).unwrap_or_default();
            let shouted = !matched.chars().any(char::is_lowercase) && para.len() <= 200;
            hits.teaser |= marked || shouted;
        }
    }
    // Phrases anywhere: only short paragraphs can be furniture or captions.
    if para.len() > CAPTION_BYTES {
        return hits;
    }
    for m in rules.floating.automaton.leftmost_longest(bytes) {
        let i = m.phrase;
        let mask = rules.floating.masks.get(i).copied().unwrap_or(0);
        let (s, e) = (m.start, m.end);
        if mask & CAPTION != 0 {
            hits.caption = true;
        }
        if mask & CREDIT != 0 {
            let exact = rules.floating.exact.get(i).and_then(Option::as_deref);
            hits.caption |= exact.is_none_or(|c| para.get(s..e) == Some(c));
        }
        if mask & CONTAINS != 0 && para.len() <= SHORT_BYTES {
            let first = bytes.get(s).copied().unwrap_or(b' ');
            let left_ok = s == 0
                || !is_word_byte(first)
                || !bytes.get(s - 1).copied().is_some_and(is_word_byte);
            hits.boilerplate |= left_ok && right_ok(e);
        }
    }
    hits
}

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "linkedin",
    "reddit",
    "telegram",
    "pinterest",
    "messenger",
    "share",
    "tweet",
    "print",
    "copy",
    "link",
    "flipboard",
    "threads",
    "bluesky",
    "sms",
    "line",
    "vk",
    "weibo",
    "wechat",
    "comments",
    "comment",
    "save",
];

/// `Facebook Twitter WhatsApp Email` and friends.
fn is_share_bar(para: &str) -> bool {
    if para.len() > 200 {
        return false;
    }
    let is_social = |w: &str| SOCIAL.iter().any(|s| s.eq_ignore_ascii_case(w));
    let first = para
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .next()
        .unwrap_or_default();
    if !is_social(first) {
        return false;
    }
    let mut words = para
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(is_social)
}

/// Whether `text` holds the character whose UTF-8 encoding is `c`: a vector search for its
/// last byte (rare in English text for the characters asked about), then a check of the
/// bytes before it.
fn has_char(text: &str, c: &[u8]) -> bool {
    let Some((&last, lead)) = c.split_last() else {
        return false;
    };
    let bytes = text.as_bytes();
    memchr::memchr_iter(last, bytes).any(|i| {
        i.checked_sub(lead.len())
            .and_then(|start| bytes.get(start..i))
            .is_some_and(|before| before == lead)
    })
}

/// Whether `text` holds the ASCII byte `b`.
fn has_byte(text: &str, b: u8) -> bool {
    memchr::memchr(b, text.as_bytes()).is_some()
}

/// `Home | World | Asia`: three or more short items.
fn is_nav_list(para: &str) -> bool {
    if para.len() > SHORT_BYTES
        || !(has_byte(para, b'|')
            || has_char(para, "•".as_bytes())
            || has_char(para, "·".as_bytes()))
    {
        return false;
    }
    let parts: Vec<&str> = para.split(['|', '•', '·']).collect();
    parts.len() >= 3
        && parts.iter().all(|p| p.split_whitespace().count() <= 4)
        && !para.trim_end().ends_with('.')
}

/// A link line tagged like `Putin's drones could cause disruption [REVEAL]`.
fn has_bracket_tag(para: &str) -> bool {
    let t = para.trim_end();
    let Some(inner) = t
        .strip_suffix(']')
        .and_then(|r| r.rsplit_once('['))
        .map(|(_, i)| i)
    else {
        return false;
    };
    (3..=20).contains(&inner.len()) && inner.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
}

fn is_copyright(para: &str) -> bool {
    let starts = |p: &str| {
        para.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    para.len() <= SHORT_BYTES
        && (starts("(c)") || starts("copyright") || has_char(para, "©".as_bytes()))
}

/// `jane.doe@example.com` alone (Yonhap signs off this way).
fn is_contact(para: &str) -> bool {
    if para.len() > 200 || !has_byte(para, b'@') {
        return false;
    }
    let words: Vec<&str> = para.split_whitespace().collect();
    words.len() <= 6 && words.iter().any(|w| w.contains('@') && w.contains('.'))
}

/// `By Jane Doe`, `By Jane Doe and John Roe | Reuters`, `Published 12 March 2024`.
fn is_byline(para: &str) -> bool {
    const LABELS: &[&str] = &[
        "published",
        "updated",
        "last updated",
        "posted",
        "first published",
    ];
    let starts = |p: &str| {
        para.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let by = para.starts_with("By ") || para.starts_with("BY ");
    let labelled = LABELS.iter().any(|l| starts(l));
    if !(by || labelled) || para.len() > 200 || has_byte(para, b'\n') {
        return false;
    }
    let words = para.split_whitespace().take(15).count();
    if words > 14 {
        return false;
    }
    if let Some(rest) = para.get(3..).filter(|_| by) {
        let capitalized = rest.chars().next().is_some_and(char::is_uppercase);
        let sentence = rest.trim_end().ends_with(['.', '!', '?']) && !ends_with_initial(rest);
        return capitalized && (words <= 10 && !sentence || rest.contains('|'));
    }
    words <= 12
}

fn ends_with_initial(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches('.');
    t.rsplit(' ').next().is_some_and(|w| w.len() == 1)
}

const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "into", "onto", "over", "amid", "vs", "via", "is", "are", "be", "its", "his",
    "her", "their", "new", "up", "out", "off", "than", "after", "before",
];

/// [`SMALL_WORDS`] by [`word_key`], sorted.
static SMALL_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut keys: Vec<u64> = SMALL_WORDS.iter().filter_map(|w| word_key(w)).collect();
    keys.sort_unstable();
    keys
});

/// Whether `word` is one of [`SMALL_WORDS`], in any ASCII case: one binary search.
fn is_small_word(word: &str) -> bool {
    word_key(word).is_some_and(|k| SMALL_KEYS.binary_search(&k).is_ok())
}

/// A short single line without final punctuation, in title case (or the first line).
pub(super) fn is_heading_like(para: &str, first: bool) -> bool {
    if para.len() > 160 || has_byte(para, b'\n') {
        return false;
    }
    let t = para.trim_end_matches(['"', '\'', '”', '’', ')', ' ']);
    // `… Tensions with the U.S.` still ends without a full stop of its own.
    let acronym_end = t.ends_with('.')
        && t.rsplit(' ')
            .next()
            .is_some_and(|w| w.trim_end_matches('.').contains('.'));
    if (t.ends_with(['.', '!', ';', ',', ':', '…']) && !acronym_end) || t.ends_with("--") {
        return false;
    }
    let words = para.split_whitespace().take(21).count();
    if words == 0 || words > 20 {
        return false;
    }
    if first && words >= 3 {
        return true;
    }
    if t.ends_with('?') {
        return false;
    }
    let (mut content, mut capital) = (0usize, 0usize);
    for w in para.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() || is_small_word(w) {
            continue;
        }
        content += 1;
        capital += usize::from(
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        );
    }
    content > 0 && capital * 10 >= content * 8 && (words >= 2 || para.len() >= 4)
}

/// One paragraph as the classifier sees it.
pub(super) struct ParaInfo<'a> {
    pub text: &'a str,
    pub start: usize,
    /// No blank line between this paragraph and the previous one.
    pub joined_to_previous: bool,
}

/// Classifies every paragraph of a text of `text_len` bytes.
pub(super) fn classify(rules: &Rules, paras: &[ParaInfo<'_>], text_len: usize) -> Vec<BlockKind> {
    let mut kinds = Vec::with_capacity(paras.len());
    let mut tail = false;
    let mut after_teaser = false;
    let half = text_len / 2;
    for (i, p) in paras.iter().enumerate() {
        let text = p.text.trim_start_matches(|c: char| {
            !c.is_alphanumeric() && !matches!(c, '(' | '©' | '[' | '“' | '"')
        });
        if tail && text.len() >= PROSE_BYTES {
            tail = false;
        }
        if tail {
            kinds.push(BlockKind::Boilerplate);
            continue;
        }
        let hits = phrase_hits(rules, text);
        let heading_like = is_heading_like(text, i == 0);
        let kind = if hits.teaser {
            after_teaser = true;
            BlockKind::Boilerplate
        } else if after_teaser && (has_bracket_tag(text) || heading_like && p.joined_to_previous) {
            BlockKind::Boilerplate
        } else if hits.tail || is_copyright(text) {
            if p.start >= half {
                tail = true;
            }
            BlockKind::Boilerplate
        } else if hits.boilerplate
            || has_bracket_tag(text)
            || is_share_bar(text)
            || is_nav_list(text)
            || is_contact(text)
            || is_byline(text)
        {
            BlockKind::Boilerplate
        } else if hits.caption {
            if text.split_whitespace().count() <= 8 {
                BlockKind::Boilerplate
            } else {
                BlockKind::Caption
            }
        } else if heading_like {
            BlockKind::Heading
        } else {
            BlockKind::Body
        };
        if !hits.teaser && kind != BlockKind::Boilerplate {
            after_teaser = false;
        }
        kinds.push(kind);
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind_of(lines: &[&str]) -> Vec<BlockKind> {
        let mut start = 0;
        let paras: Vec<ParaInfo<'_>> = lines
            .iter()
            .map(|l| {
                let p = ParaInfo {
                    text: l,
                    start,
                    joined_to_previous: true,
                };
                start += l.len() + 1;
                p
            })
            .collect();
        classify(Rules::builtin(), &paras, start)
    }

    use BlockKind::{Body, Boilerplate, Caption, Heading};

    proptest::proptest! {
        #[test]
        fn byte_searches_agree_with_contains(
            text in "[a-z |@\n©•·¢ĂâÂ·©\u{00B7}\u{2022}\u{2122}é]{0,40}",
        ) {
            for c in ['•', '·', '©'] {
                let mut buf = [0u8; 4];
                let encoded = c.encode_utf8(&mut buf).as_bytes();
                proptest::prop_assert_eq!(has_char(&text, encoded), text.contains(c), "{:?}", c);
            }
            for b in [b'|', b'@', b'\n'] {
                proptest::prop_assert_eq!(has_byte(&text, b), text.contains(char::from(b)));
            }
        }

        #[test]
        fn small_word_lookup_agrees_with_the_list(
            word in "[a-zA-Z\u{e9}\u{130}]{0,9}",
            i in 0usize..100,
            upper in proptest::bool::ANY,
        ) {
            let by_scan = |w: &str| SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w));
            proptest::prop_assert_eq!(is_small_word(&word), by_scan(&word));
            let listed = SMALL_WORDS.get(i % SMALL_WORDS.len()).copied().unwrap_or("a");
            let listed = if upper { listed.to_ascii_uppercase() } else { listed.to_owned() };
            proptest::prop_assert!(is_small_word(&listed));
        }
    }

    #[test]
    fn furniture_lines() {
        let body = "North Korea fired two ballistic missiles into the sea on Tuesday, Seoul said.";
        for line in [
            "READ MORE: Japan on ‘emergency’ alert as North Korea launches missile attack [REVEAL]",
            "READ ALSO: Russia Rejects U.S. Proposal For Nuclear Arms Control Talks Amid Tensions",
            "DON’T MISS: Putin’s underwater drones could cause ‘massive disruption’ to UK [REVEAL]",
            "Related: Kim boards armoured train",
            "Previous articleLargest nuclear sub in the world docks in Gibraltar",
            "Next articleMusk will let Trump back on Twitter",
            "Please enter your comment!",
            "Leave a Reply",
            "Click to comment",
            "Connect with us",
            "Hi, what are you looking for?",
            "Bonus video:",
            "Sign up for our newsletter",
            "Your email address will not be published. Required fields are marked *",
            "Image Via Shutterstock",
            "Photo from CTV News",
            "Benzinga Neuro, Edited by Kaustubh Bagalkote",
            "© 2025 Benzinga.com. Benzinga does not provide investment advice. All rights reserved.",
            "Copyright 2024 The Associated Press. All rights reserved.",
            "Facebook Twitter WhatsApp Email",
            "Home | World | Asia | Korea",
            "By Jane Doe | March 12, 2024",
            "By Hyonhee Shin, Reuters",
            "BY KIM TONG-HYUNG and MARI YAMAGUCHI Associated Press",
            "Reporting by Hyonhee Shin; Editing by Ed Davies",
            "Trade confidently with insights and alerts from analyst ratings.",
            "Associated Press writer Kim Tong-hyung contributed to this report.",
            "(END)",
            "kdh@yna.co.kr",
            "CLICK HERE TO GET THE FOX NEWS APP",
            "Advertisement",
        ] {
            assert_eq!(kind_of(&[body, line]), [Body, Boilerplate], "{line}");
        }
    }

    #[test]
    fn teaser_links_follow() {
        let kinds = kind_of(&[
            "Mr Williams said the drones were used to devastating effect in attacks on cities.",
            "DON’T MISS: Putin’s underwater drones could cause ‘massive disruption’ to UK [REVEAL]",
            "Russian occupiers deploy loudspeaker warning of ‘imminent’ danger [INSIGHT]",
            "Putin is paying UK and US-trained specialist Afghan soldiers to fight [ANALYSIS]",
            "Mr Kirby said that Putin’s willingness to turn to allies indicates weakness.",
        ]);
        assert_eq!(kinds, [Body, Boilerplate, Boilerplate, Boilerplate, Body]);
    }

    #[test]
    fn tail_lists() {
        let long = "North Korea conducted a test of an underwater attack drone on Friday, state media said, in response to naval drills. ".repeat(3);
        let kinds = kind_of(&[
            &long,
            "You May Also Like",
            "A convicted felon in California was arrested after he tortured two women...",
            "Us News",
        ]);
        assert_eq!(kinds, [Body, Boilerplate, Boilerplate, Boilerplate]);
    }

    #[test]
    fn headings_and_captions() {
        let kinds = kind_of(&[
            "North Korea ‘smuggling missiles’ to Russia as desperate Putin turns to new ally",
            "North Korea Seeks to Enhance Cooperation",
            "Russian President Vladimir Putin meets North Korean Foreign Minister Choe Son Hui in Moscow, Russia, January 16, 2024. Sputnik/Artem Geodakyan/Pool via REUTERS ATTENTION EDITORS – THIS IMAGE WAS PROVIDED BY A THIRD PARTY.",
            "Blinken said the transfer of weapons was an ongoing challenge.",
            "Related to the talks, Russia said it would send more aid.",
            "More than 100 people were killed in the attack.",
            "By Tuesday, the troops had withdrawn from the border.",
        ]);
        assert_eq!(kinds, [Heading, Heading, Caption, Body, Body, Body, Body]);
    }
}
