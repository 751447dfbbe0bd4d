//! The context of a trigger: which blocks yield events, clauses, quotations, negation,
//! modality, and the cues that make an event alleged, denied, planned or background.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::text::BlockKind;

use super::words::{Before, Lexicon, Marked, words_in};

/// Lines that start navigation, promotion or comment furniture.
const BOILERPLATE_STARTS: &[&str] = &[
    "read more",
    "read also",
    "read next",
    "related:",
    "related articles",
    "related stories",
    "related news",
    "don't miss",
    "don’t miss",
    "previous article",
    "next article",
    "click to comment",
    "leave a reply",
    "leave a comment",
    "join the conversation",
    "bonus video",
    "image via",
    "image:",
    "photo from",
    "photo:",
    "photo credit",
    "comments",
    "please enter",
    "sign up",
    "subscribe",
    "follow us",
    "share this",
    "connect with us",
    "hi, what are you looking for",
    "your email address",
    "advertisement",
    "watch:",
    "listen:",
    "also read",
    "see also",
    "more:",
    "trending",
    "© ",
    "copyright",
];

/// Lines after which the rest of an article is lists of other stories.
const TAIL_MARKERS: &[&str] = &[
    "you may also like",
    "you might also like",
    "related articles",
    "related posts",
    "more stories",
    "more from",
    "recommended",
    "most read",
    "most popular",
    "latest news",
    "comments",
    "leave a reply",
];

/// A searcher for `all rights reserved`, built once.
static ALL_RIGHTS_RESERVED: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("all rights reserved"));

/// Whether a paragraph's text is furniture rather than prose. `par_lower` is `par`
/// lowercased in ASCII (the same byte offsets), as the extractor already holds it.
pub fn looks_like_boilerplate(par: &str, par_lower: &str) -> bool {
    let t = par.trim();
    let start = par.len() - par.trim_start().len();
    // Full lowercasing equals ASCII lowercasing unless a non-ASCII char changes case (rare):
    // only then is the paragraph lowercased again.
    let full;
    let lower = match par_lower.get(start..start + t.len()) {
        Some(l)
            if l.len() == t.len()
                && (t.is_ascii() || t.chars().all(lowercases_to_itself_or_ascii)) =>
        {
            l
        }
        _ => {
            full = t.to_lowercase();
            full.as_str()
        }
    };
    starts_as_boilerplate(lower)
        || t.ends_with("...")
        || t.ends_with('…')
        || ALL_RIGHTS_RESERVED.find(lower.as_bytes()).is_some()
        || (memchr::memchr(b'[', lower.as_bytes()).is_some()
            && (lower.contains("[reveal]")
                || lower.contains("[insight]")
                || lower.contains("[analysis]")
                || lower.contains("[pics]")
                || lower.contains("[video]")))
}

/// [`BOILERPLATE_STARTS`] by first byte: a paragraph is compared only with the starts
/// that open with its own first byte.
static STARTS_BY_FIRST_BYTE: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut table = vec![Vec::new(); 256];
    for s in BOILERPLATE_STARTS {
        if let Some(slot) = s
            .as_bytes()
            .first()
            .and_then(|&b| table.get_mut(usize::from(b)))
        {
            slot.push(*s);
        }
    }
    table
});

/// Whether the lowercased paragraph `lower` opens with one of [`BOILERPLATE_STARTS`].
fn starts_as_boilerplate(lower: &str) -> bool {
    lower
        .as_bytes()
        .first()
        .and_then(|&b| STARTS_BY_FIRST_BYTE.get(usize::from(b)))
        .is_some_and(|starts| starts.iter().any(|s| lower.starts_with(s)))
}

/// An ASCII char (lowercased the same by ASCII and full lowercasing) or a char that full
/// lowercasing leaves as it is (`’`, `é`, `—`).
fn lowercases_to_itself_or_ascii(c: char) -> bool {
    // (General punctuation, `’` `“` `—` and the like, has no case: no table look-up.)
    c.is_ascii() || matches!(c, '\u{2000}'..='\u{206F}') || c.to_lowercase().eq(std::iter::once(c))
}

/// Whether a paragraph ends the article's prose (everything after is boilerplate).
pub fn is_tail_marker(par: &str) -> bool {
    let trimmed = par.trim().trim_end_matches([':', '.']);
    // Lowercasing at most triples a char's bytes the other way (`K` to `k`): a longer text
    // cannot lowercase to any marker.
    let longest = TAIL_MARKERS.iter().map(|m| m.len()).max().unwrap_or(0);
    if trimmed.len() > 3 * longest {
        return false;
    }
    let lower = trimmed.to_lowercase();
    TAIL_MARKERS.contains(&lower.as_str())
}

/// A headline: one short line that does not end like a sentence.
pub fn looks_like_heading(par: &str) -> bool {
    let t = par.trim();
    let ends_like_sentence = t.ends_with(['.', '!', '?', '"', '”', '’', ')', ':', '…']);
    // (At most 25 words: the count stops at the 26th.)
    !ends_like_sentence && !t.contains('\n') && t.split_whitespace().nth(25).is_none()
}

/// A photo caption: a place and full date, with a credit.
pub fn looks_like_caption(par: &str) -> bool {
    const CREDITS: &[&str] = &[
        "REUTERS",
        "Reuters/",
        "AP Photo",
        "AFP",
        "Getty",
        " via ",
        "Pool",
        "Photo:",
        "File photo",
        "FILE PHOTO",
        "/Handout",
        "Xinhua",
        "Yonhap",
        "KCNA via",
        "Sputnik/",
    ];
    /// Every credit in one automaton (all occurrences, overlapping ones too), so a
    /// paragraph is scanned once rather than once per credit.
    static CREDITS_AC: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(CREDITS).ok());
    // `TAIPEI, Oct 14, 2024 (AFP) - China's military ...`: an agency in a wire dateline
    // opens a story; it does not credit a photo. (No credit holds a `)`, so an occurrence
    // overlapping an earlier one is only seen when that earlier one already counts.)
    let credit_ending_at = |end: usize| {
        let rest = par.get(end..).unwrap_or("");
        !rest
            .strip_prefix(')')
            .is_some_and(|r| r.trim_start().starts_with(['-', '–', '—']))
    };
    let credited = || match CREDITS_AC.as_ref() {
        Some(ac) => ac
            .find_overlapping_iter(par)
            .any(|m| credit_ending_at(m.end())),
        None => CREDITS.iter().any(|c| {
            par.match_indices(c)
                .any(|(i, _)| credit_ending_at(i + c.len()))
        }),
    };
    // (The year, a cheap byte scan, is looked for before the credits.)
    par.len() < 600 && has_year_number(par) && credited()
}

/// A run of exactly four ASCII digits starting with `1` or `2` (`2024`).
fn has_year_number(s: &str) -> bool {
    let b = s.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // (Only the `1`s and `2`s are visited: a run of four digits starts at one of them.)
    memchr::memchr2_iter(b'1', b'2', b).any(|i| {
        !i.checked_sub(1).is_some_and(digit_at) && (i + 1..i + 4).all(digit_at) && !digit_at(i + 4)
    })
}

/// The kind a paragraph has for extraction: the segmenter's, refined by local checks.
/// `par_lower` is `par` lowercased in ASCII.
pub fn refine_kind(kind: BlockKind, par: &str, par_lower: &str, after_tail: bool) -> BlockKind {
    if after_tail || kind == BlockKind::Boilerplate || looks_like_boilerplate(par, par_lower) {
        return BlockKind::Boilerplate;
    }
    if kind == BlockKind::Body && looks_like_caption(par) {
        return BlockKind::Caption;
    }
    if kind == BlockKind::Body && looks_like_heading(par) {
        return BlockKind::Heading;
    }
    kind
}

/// Words and marks that open a new clause inside a sentence, as [`clause_mark_len`] reads
/// them (its tests check it against this list).
#[cfg(test)]
const CLAUSE_MARKS: &[&str] = &[
    ", but ",
    "; ",
    ": ",
    " – ",
    " — ",
    " - ",
    ", while ",
    ", although ",
    " although ",
    " while ",
    ", whereas ",
    ", as ",
    " as the ",
    ", even though ",
    ", though ",
    " but ",
    ", and ",
    ", which ",
    " which ",
    ", who ",
    " that ",
    ", saying ",
    ", stating ",
    ", accusing ",
    ", marking ",
    " after ",
    " before ",
    ", with ",
];

/// Clause boundaries in a sentence, as byte offsets into the article text: the start of
/// every occurrence of a `CLAUSE_MARKS` entry (overlapping ones too) not followed by
/// `well as`. Every mark has a space at its first or second byte, so only the spaces of the
/// sentence are visited: the mark starting there and, after `,` `;` `:`, the one starting
/// a byte before.
pub fn clause_bounds(lower: &str, start: usize, end: usize) -> Vec<usize> {
    let Some(s) = lower.get(start..end) else {
        return Vec::new();
    };
    let bytes = s.as_bytes();
    let mut out: Vec<usize> = Vec::new();
    let bound_at = |i: usize| {
        clause_mark_len(bytes, i).is_some_and(|len| {
            !bytes
                .get(i + len..)
                .is_some_and(|r| r.starts_with(b"well as"))
        })
    };
    // (A plain loop: spaces come every few bytes, too often for a searcher to pay.)
    for (p, &b) in bytes.iter().enumerate() {
        if b != b' ' {
            continue;
        }
        if let Some(i) = p.checked_sub(1)
            && matches!(bytes.get(i), Some(b',' | b';' | b':'))
            && bound_at(i)
        {
            out.push(start + i);
        }
        // (A mark at a space goes on with a dash or one of the words of `clause_mark_len`:
        // other spaces are passed by their next byte.)
        if matches!(
            bytes.get(p + 1),
            Some(0xE2 | b'-' | b'a' | b'b' | b't' | b'w')
        ) && bound_at(p)
        {
            out.push(start + p);
        }
    }
    out
}

/// The length of the `CLAUSE_MARKS` entry that starts at byte `i` of `s`, if one does (at
/// most one can: no mark is a prefix of another). The marks are picked by their first
/// bytes, then compared whole.
fn clause_mark_len(s: &[u8], i: usize) -> Option<usize> {
    let first = *s.get(i)?;
    let rest = s.get(i + 1..)?;
    let len = match first {
        b';' | b':' => (rest.first() == Some(&b' ')).then_some(1)?,
        b' ' => match rest.first()? {
            0xE2 => ["\u{2013} ", "\u{2014} "]
                .into_iter()
                .find(|m| rest.starts_with(m.as_bytes()))?
                .len(),
            b'-' if rest.starts_with(b"- ") => 2,
            b'a' if rest.starts_with(b"although ") => 9,
            b'a' if rest.starts_with(b"as the ") => 7,
            b'a' if rest.starts_with(b"after ") => 6,
            b'b' if rest.starts_with(b"but ") => 4,
            b'b' if rest.starts_with(b"before ") => 7,
            b't' if rest.starts_with(b"that ") => 5,
            b'w' if rest.starts_with(b"while ") || rest.starts_with(b"which ") => 6,
            _ => return None,
        },
        b',' => {
            let words = rest.strip_prefix(b" ")?;
            let word_len = match words.first()? {
                b'a' if words.starts_with(b"as ") => 3,
                b'a' if words.starts_with(b"and ") => 4,
                b'a' if words.starts_with(b"although ") || words.starts_with(b"accusing ") => 9,
                b'b' if words.starts_with(b"but ") => 4,
                b'e' if words.starts_with(b"even though ") => 12,
                b'm' if words.starts_with(b"marking ") => 8,
                b's' if words.starts_with(b"saying ") => 7,
                b's' if words.starts_with(b"stating ") => 8,
                b't' if words.starts_with(b"though ") => 7,
                b'w' if words.starts_with(b"while ") || words.starts_with(b"which ") => 6,
                b'w' if words.starts_with(b"who ") => 4,
                b'w' if words.starts_with(b"with ") => 5,
                b'w' if words.starts_with(b"whereas ") => 8,
                _ => return None,
            };
            word_len + 1
        }
        _ => return None,
    };
    Some(1 + len)
}

/// The clause `[from, to)` around `pos` in a sentence with the given boundaries.
pub fn clause_of(bounds: &[usize], sent: (usize, usize), pos: usize) -> (usize, usize) {
    let from = bounds
        .iter()
        .rev()
        .find(|&&b| b <= pos)
        .copied()
        .unwrap_or(sent.0);
    let to = bounds.iter().find(|&&b| b > pos).copied().unwrap_or(sent.1);
    (from.max(sent.0), to.min(sent.1))
}

/// Byte ranges inside quotation marks in `text[start..end]`.
pub fn quoted_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(s) = text.get(start..end) else {
        return out;
    };
    let mut open: Option<usize> = None;
    // Only `"` and the lead byte of `“`/`”` can start a quotation mark: the text between
    // them is skipped by memchr.
    let quote_marks = memchr::memchr2_iter(b'"', 0xE2, s.as_bytes())
        .filter_map(|i| s.get(i..).and_then(|r| r.chars().next()).map(|c| (i, c)));
    for (i, c) in quote_marks {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take() {
                    out.push((start + o, start + i));
                } else {
                    // A quotation that opened in an earlier sentence.
                    out.push((start, start + i));
                }
            }
            '"' => match open.take() {
                Some(o) => out.push((start + o, start + i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        // Long quotations run over sentences: the rest of this one is quoted.
        out.push((start + o, end));
    }
    out
}

/// Short quotes (a word or two, `"groundless"`) are not speech; only longer ones hide events.
pub fn in_quote(quotes: &[(usize, usize)], pos: usize) -> bool {
    quotes
        .iter()
        .any(|&(a, b)| a < pos && pos < b && b - a > 30)
}

const NEGATIONS: &[&str] = &[
    "not",
    "never",
    "no",
    "n't",
    "didn't",
    "don't",
    "doesn't",
    "won't",
    "wasn't",
    "weren't",
    "hasn't",
    "haven't",
    "without",
    "nor",
    "neither",
    "cannot",
    "can't",
    "refused",
    "failed",
    "struggled",
    "struggling",
    "failing",
];
pub const MODALS: &[&str] = &[
    "must",
    "may",
    "might",
    "could",
    "would",
    "should",
    "can",
    "if",
    "whether",
    "unless",
    "potentially",
    "possibly",
    "perhaps",
];
const PLAN_CUES: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "plans",
    "plan",
    "planned",
    "planning",
    "set",
    "scheduled",
    "expected",
    "intends",
    "intend",
    "aims",
    "aim",
    "agreed",
    "ready",
    "willing",
    "willingness",
    "open",
    "wants",
    "want",
    "hopes",
    "considering",
    "considers",
    "consider",
    "decided",
    "prepared",
    "preparing",
    "due",
    "going",
    "upcoming",
    "proposed",
    "potential",
    "possible",
    "future",
    "next",
    "invitation",
    "invited",
    "vowed",
    "pledged",
    "promised",
    "offered",
    "seeks",
    "seeking",
    "threatened",
    "threatens",
    "threaten",
    "threatening",
];
const ALLEGED_CUES: &[&str] = &[
    "accused",
    "accuses",
    "accusing",
    "accusation",
    "accusations",
    "allegedly",
    "alleged",
    "alleges",
    "allegation",
    "allegations",
    "reportedly",
    "suspected",
    "purported",
    "purportedly",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "suggest",
    "suggests",
    "suggesting",
    "believed",
    "indications",
    "intelligence",
    "concerns",
    "reports",
];
const DENIAL_CUES: &[&str] = &[
    "denied",
    "deny",
    "denies",
    "denying",
    "rejected",
    "rejects",
    "dismissed",
    "refuted",
];
const BACKGROUND_CUES: &[&str] = &[
    "consistently",
    "repeatedly",
    "long",
    "always",
    "often",
    "frequently",
    "historically",
    "traditionally",
    "usually",
    "continues",
    "continue",
    "regularly",
];

/// Verbs before `to` + verb that tell the act as happening or tried, not planned.
const ASPECT_VERBS: &[&str] = &[
    "continued",
    "continues",
    "continue",
    "began",
    "begins",
    "begin",
    "started",
    "starts",
    "start",
    "resumed",
    "resumes",
    "managed",
    "attempted",
    "attempts",
    "attempt",
    "tried",
    "tries",
];

/// The cue lists above as one [`Lexicon`]: the bit of each list.
const NEGATION: u32 = 1;
const MODAL: u32 = 1 << 1;
const PLAN: u32 = 1 << 2;
const ASPECT: u32 = 1 << 3;
const ALLEGED: u32 = 1 << 4;
const DENIAL: u32 = 1 << 5;
const BACKGROUND: u32 = 1 << 6;
/// A modal that makes any clause hypothetical (every one but `potentially`).
const CLAUSE_MODAL: u32 = 1 << 7;
/// A word that marks a sentence as an analyst's view ([`super::ANALYST_CUES`]).
pub const ANALYST: u32 = 1 << 8;

static CUES: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon::default();
    lex.add(NEGATIONS, NEGATION);
    lex.add(MODALS, MODAL);
    lex.add(PLAN_CUES, PLAN);
    lex.add(ASPECT_VERBS, ASPECT);
    lex.add(ALLEGED_CUES, ALLEGED);
    lex.add(DENIAL_CUES, DENIAL);
    lex.add(BACKGROUND_CUES, BACKGROUND);
    let clause_modals: Vec<&'static str> = MODALS
        .iter()
        .copied()
        .filter(|w| *w != "potentially")
        .collect();
    lex.add(&clause_modals, CLAUSE_MODAL);
    lex.add(super::ANALYST_CUES, ANALYST);
    lex
});

/// The cue words of a sentence (see [`Marked`]), found once for all its triggers.
pub fn mark_cues(lower: &str, sent: (usize, usize)) -> Marked<'_> {
    Marked::new(lower, sent, &CUES)
}

/// Whether a word of `lower[from..to]` is in the cue list of bit `flag`, from the
/// sentence's marked cues where they can tell.
fn any_cue(marked: &Marked<'_>, lower: &str, from: usize, to: usize, flag: u32) -> bool {
    marked
        .any(from, to, flag)
        .unwrap_or_else(|| any_word(lower, from, to, flag))
}

/// Whether `w` is in the cue list of bit `flag`.
#[inline]
fn cue(w: &str, flag: u32) -> bool {
    CUES.flags(w) & flag != 0
}

/// What the words before a trigger (inside its clause) say about it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cues {
    pub negated: bool,
    pub modal: bool,
    pub planned: bool,
    /// `to visit` with no plan cue: a purpose clause, not an event.
    pub bare_infinitive: bool,
    /// `has been`, `was`, `were` + participle.
    pub passive: bool,
    /// `has`/`have` + participle.
    pub perfect: bool,
}

/// Reads the words before a trigger at `pos`, not before `floor` (the clause start): a
/// modal anywhere in the clause, the other cues in the four words before.
pub fn cues_before(before: &Before<'_>, floor: usize, marked: &Marked<'_>) -> Cues {
    let (lower, pos) = (before.text(), before.end());
    let words = before.words(floor, 4);
    let mut held = [""; 4];
    for (slot, &(a, b)) in held.iter_mut().zip(words.iter()) {
        *slot = lower.get(a..b).unwrap_or("");
    }
    let w = held.get(..words.len().min(4)).unwrap_or(&[]);
    let mut c = Cues::default();
    let cues: &Lexicon = &CUES;
    for (i, word) in w.iter().enumerate() {
        let flags = cues.flags(word);
        if flags & NEGATION != 0 || word.ends_with("n't") {
            c.negated = true;
        }
        if flags & MODAL != 0 {
            c.modal = true;
        }
        // `the next day`, `the following week`: a day after another one, not a plan.
        let after_the = w.get(i + 1) == Some(&"the");
        if flags & PLAN != 0 && !(*word == "next" && after_the) {
            c.planned = true;
        }
        if i == 0 && matches!(*word, "has" | "have" | "had") {
            c.perfect = true;
        }
        if i <= 1 && matches!(*word, "been" | "was" | "were" | "being" | "is" | "are") {
            c.passive = true;
        }
        if i == 1 && matches!(*word, "has" | "have" | "had") && w.first() != Some(&"been") {
            c.perfect = true;
        }
    }
    if !c.modal && any_cue(marked, lower, floor, pos, CLAUSE_MODAL) {
        c.modal = true;
    }
    if w.first() == Some(&"to") {
        let plan = w.get(1).is_some_and(|p| cues.flags(p) & PLAN != 0);
        // `continued to send`, `attempted to assassinate`: the act itself is told.
        let aspect = w.get(1).is_some_and(|p| cues.flags(p) & ASPECT != 0);
        if plan {
            c.planned = true;
        } else if !aspect {
            c.bare_infinitive = true;
        }
    }
    // `may have launched` is hypothetical; `will not` is negated: both already set.
    c
}

/// `will`, `shall` or `'ll` among the four words before `pos` (`will have visited`).
pub fn future_auxiliary(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    before.words(floor, 4).iter().any(|&(a, b)| {
        lower
            .get(a..b)
            .is_some_and(|w| matches!(w, "will" | "shall" | "'ll" | "’ll"))
    })
}

/// A plan cue just before the `to` of an infinitive that governs `pos` (`agreed to hold
/// talks`, `plans to impose sanctions`).
pub fn planned_before_infinitive(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    let prev = before.words(floor, 6);
    let words: Vec<&str> = prev
        .iter()
        .map(|&(a, b)| lower.get(a..b).unwrap_or(""))
        .collect();
    words
        .iter()
        .position(|w| *w == "to")
        .and_then(|i| words.get(i + 1..i + 3))
        .is_some_and(|before| {
            before
                .iter()
                .any(|w| PLAN_CUES.contains(w) || MODALS.contains(w))
        })
}

/// A plan cue in the two words before `pos` (`the potential visit`, `an upcoming summit`).
pub fn planned_adjacent(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    before
        .words(floor, 2)
        .iter()
        .any(|&(a, b)| lower.get(a..b).is_some_and(|w| PLAN_CUES.contains(&w)))
}

/// Any of `cues` among the words of `lower[from..to]`.
fn any_word(lower: &str, from: usize, to: usize, flag: u32) -> bool {
    words_in(lower, from, to).any(|w| cue(w, flag))
}

/// Marks that end the reach of a status cue (`deny`, `allege`, `reportedly`): a cue governs
/// its own clause and the complements it takes (`denied that ...`, `denied allegations of
/// selling ...`), not a coordinated or contrasting clause after these.
#[cfg(test)]
const SCOPE_BREAKS: &[&str] = &[
    ", but ",
    " but ",
    "; ",
    ": ",
    ", while ",
    " while ",
    ", although ",
    " although ",
    ", though ",
    ", even though ",
    ", whereas ",
    ", and ",
    ", as ",
    ", despite ",
    " despite ",
    ", after ",
    ", before ",
    " – ",
    " — ",
    ", which ",
    ", who ",
    ", when ",
    " when ",
];

/// The end of the last scope break in `seg` (0 when there is none). Every break ends with a
/// space, so only the spaces are tried, from the right: the first that closes a break ends
/// the last one (the same as the latest end of any break's last occurrence).
fn last_scope_break_end(seg: &str) -> usize {
    let bytes = seg.as_bytes();
    // (A plain loop: spaces come every few bytes, too often for a searcher to pay.)
    for (space, _) in bytes.iter().enumerate().rev().filter(|&(_, &b)| b == b' ') {
        if scope_break_before(bytes.get(..space).unwrap_or_default()) {
            return space + 1;
        }
    }
    0
}

/// Whether `head` followed by a space ends with a `SCOPE_BREAKS` entry: by its last byte
/// (`;`, `:`, a dash) or by its last word and what stands before that word.
fn scope_break_before(head: &[u8]) -> bool {
    match head.last() {
        Some(b';' | b':') => return true,
        Some(0x93 | 0x94) => {
            return head.ends_with(" \u{2013}".as_bytes())
                || head.ends_with(" \u{2014}".as_bytes());
        }
        _ => {}
    }
    // Every break word ends in one of these pairs of letters (`but`, `while`, `although`
    // and `though`, `despite`, `when`, `whereas` and `as`, `and`, `after`, `before`,
    // `which`, `who`): other words are passed without finding their start.
    let last_two = head.len().checked_sub(2).and_then(|k| head.get(k..));
    if !matches!(
        last_two,
        Some(b"ut" | b"le" | b"gh" | b"te" | b"en" | b"as" | b"nd" | b"er" | b"re" | b"ch" | b"ho")
    ) {
        return false;
    }
    let start = head
        .iter()
        .rposition(|b| !b.is_ascii_lowercase())
        .map_or(0, |p| p + 1);
    let (before, word) = head.split_at(start);
    if before.last() != Some(&b' ') {
        return false;
    }
    let comma = before.ends_with(b", ");
    match word {
        b"but" | b"while" | b"although" | b"despite" | b"when" => true,
        b"though" => comma || before.ends_with(b", even "),
        b"whereas" | b"and" | b"as" | b"after" | b"before" | b"which" | b"who" => comma,
        _ => false,
    }
}

/// A reverse searcher for ` and `, built once.
static AND: LazyLock<memchr::memmem::FinderRev<'static>> =
    LazyLock::new(|| memchr::memmem::FinderRev::new(" and "));

/// Where the status cues of a trigger at `pos` may start: after the last scope break in the
/// sentence before it. For a finite verb (`finite`), a plain ` and ` just before it (with
/// only auxiliaries or adverbs between) starts a coordinated clause too: `denied the claims
/// and signed a pact` does not deny the signing.
pub fn status_scope(lower: &str, sent_start: usize, pos: usize, finite: bool) -> usize {
    let Some(seg) = lower.get(sent_start..pos) else {
        return sent_start;
    };
    let mut from = last_scope_break_end(seg);
    if finite
        && let Some(i) = AND.rfind(seg.as_bytes())
        && i + 5 >= from
    {
        let between = seg.get(i + 5..).unwrap_or("");
        let glue = between.split_whitespace().all(|w| {
            matches!(
                w,
                "has"
                    | "have"
                    | "had"
                    | "also"
                    | "then"
                    | "later"
                    | "subsequently"
                    | "quickly"
                    | "eventually"
                    | "finally"
                    | "even"
                    | "reportedly"
            )
        });
        if glue {
            from = i + 5;
        }
    }
    sent_start + from
}

/// The event is presented as alleged by the words before it in its scope (see
/// [`status_scope`]).
pub fn alleged_before(marked: &Marked<'_>, lower: &str, scope_start: usize, pos: usize) -> bool {
    any_cue(marked, lower, scope_start, pos, ALLEGED)
}

/// The event is the object of a denial earlier in its scope (see [`status_scope`]).
pub fn denied_before(marked: &Marked<'_>, lower: &str, scope_start: usize, pos: usize) -> bool {
    any_cue(marked, lower, scope_start, pos, DENIAL)
}

/// The sentence presents a standing state of affairs rather than news.
pub fn background(lower: &str, sent_start: usize, sent_end: usize) -> bool {
    any_word(lower, sent_start, sent_end, BACKGROUND)
        || lower.get(sent_start..sent_end).is_some_and(|s| {
            s.contains("there have been")
                || s.contains("has been keeping")
                || s.contains("for years")
                || s.contains("for decades")
        })
}

/// Words that make a nominal trigger a circumstance or topic of another event (`during his
/// visit`, `allegations regarding arms transfers`, `the state of his assault`).
pub fn circumstantial(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    const CIRC: &[&str] = &[
        "during",
        "amid",
        "amidst",
        "after",
        "before",
        "following",
        "since",
        "despite",
        "ahead",
        "help",
        "support",
        "exchange",
        "response",
        "until",
        "prevent",
        "preventing",
        "counter",
        "against",
        "regarding",
        "concerning",
        "about",
        "used",
        "prop",
        "fuel",
        "of",
        "oppose",
        "opposed",
        "opposes",
        "opposing",
        "opposition",
        "rehearsal",
        "rehearsals",
        "preparation",
        "preparations",
        "pretext",
        "prelude",
        "threat",
        "threats",
        "risk",
        "fear",
        "fears",
        "danger",
        "demanded",
        "demand",
        "demands",
        "demanding",
        "urged",
        "urging",
        "seek",
        "seeks",
        "seeking",
        "sought",
    ];
    before
        .words(floor, 4)
        .iter()
        .any(|&(a, b)| lower.get(a..b).is_some_and(|w| CIRC.contains(&w)))
}

/// A bare plural noun after `for`/`of`/`about` (`for increased weapons tests`) is generic.
pub fn generic_plural(before: &Before<'_>, floor: usize, end: usize) -> bool {
    let (lower, start) = (before.text(), before.end());
    const DETS: &[&str] = &[
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "these",
        "those",
        "that",
        "recent",
        "latest",
        "new",
        "first",
        "last",
        "two",
        "three",
        "several",
        "joint",
        "combined",
        "trilateral",
    ];
    const PREPS: &[&str] = &["for", "of", "about", "on", "over", "to", "into", "from"];
    let word = lower.get(start..end).unwrap_or("");
    if !word.ends_with('s') {
        return false;
    }
    let prev = before.words(floor, 3);
    let ws: Vec<&str> = prev
        .iter()
        .map(|&(a, b)| lower.get(a..b).unwrap_or(""))
        .collect();
    if ws
        .iter()
        .any(|w| DETS.contains(w) || super::words::is_count_noun(w))
    {
        return false;
    }
    ws.iter().take(2).any(|w| PREPS.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_and_wire_datelines() {
        assert!(looks_like_caption(
            "Kim meets Putin, September 13, 2023. Sputnik/Pool via REUTERS"
        ));
        assert!(!looks_like_caption(
            "TAIPEI, Oct 14, 2024 (AFP) - China's military began drills"
        ));
        assert!(looks_like_caption(
            "TAIPEI, Oct 14, 2024 (AFP) - drills; photo by AFP via Getty"
        ));
        assert!(!looks_like_caption("No credit here, 2024."));
    }

    proptest::proptest! {
        #[test]
        fn last_scope_break_is_the_latest_end_of_any_break(
            seg in "(but|while|when|and|who|which|as|although|though|even|whereas|despite|after|before|x|, |; |: | – | — | ){0,16}",
        ) {
            let expected = SCOPE_BREAKS
                .iter()
                .filter_map(|b| seg.rfind(b).map(|i| i + b.len()))
                .max()
                .unwrap_or(0);
            proptest::prop_assert_eq!(last_scope_break_end(&seg), expected);
        }
    }

    /// `clause_bounds` as first written: one Aho-Corasick automaton, overlapping matches.
    fn clause_bounds_reference(lower: &str, start: usize, end: usize) -> Vec<usize> {
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::Standard)
            .build(CLAUSE_MARKS)
            .ok();
        let (Some(s), Some(ac)) = (lower.get(start..end), ac) else {
            return Vec::new();
        };
        let mut out: Vec<usize> = Vec::new();
        for m in ac.find_overlapping_iter(s) {
            let (i, len) = (m.start(), m.len());
            if s.get(i + len..).is_some_and(|r| r.starts_with("well as")) {
                continue;
            }
            out.push(start + i);
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn every_clause_mark_is_read_with_its_length() {
        for m in CLAUSE_MARKS {
            let text = format!("x{m}y");
            assert_eq!(clause_mark_len(text.as_bytes(), 1), Some(m.len()), "{m:?}");
        }
    }

    #[test]
    fn every_clause_mark_has_a_space_first_or_after_punctuation() {
        for m in CLAUSE_MARKS {
            let b = m.as_bytes();
            let space_first = b.first() == Some(&b' ')
                && matches!(b.get(1), Some(0xE2 | b'-' | b'a' | b'b' | b't' | b'w'));
            let punct_first =
                matches!(b.first(), Some(b',' | b';' | b':')) && b.get(1) == Some(&b' ');
            assert!(space_first || punct_first, "{m:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn clause_bounds_match_the_automaton(
            seg in "(but|while|although|whereas|as|the|even|though|and|which|who|that|saying|stating|accusing|marking|after|before|with|well|x|é|, |; |: | – | — | - |-|,| ){0,24}",
            cut in 0usize..4,
        ) {
            let start = cut.min(seg.len());
            proptest::prop_assert_eq!(
                clause_bounds(&seg, start, seg.len()),
                clause_bounds_reference(&seg, start, seg.len())
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn year_numbers_are_four_digit_runs(s in "([0-9]{1,6}|[a-z ]{1,3}|é){0,10}") {
            let expected = s
                .as_bytes()
                .split(|b| !b.is_ascii_digit())
                .any(|n| n.len() == 4 && matches!(n.first(), Some(b'1' | b'2')));
            proptest::prop_assert_eq!(has_year_number(&s), expected);
        }
    }

    #[test]
    fn general_punctuation_has_no_case() {
        for c in ('\u{2000}'..='\u{206F}').filter(|c| !c.is_ascii()) {
            assert!(c.to_lowercase().eq(std::iter::once(c)), "{c:?}");
        }
    }

    #[test]
    fn every_scope_break_is_read() {
        for b in SCOPE_BREAKS {
            let seg = format!("x{b}");
            assert_eq!(last_scope_break_end(&seg), seg.len(), "{b:?}");
        }
    }

    #[test]
    fn cue_flags_are_list_membership() {
        let clause_modals: Vec<&str> = MODALS
            .iter()
            .copied()
            .filter(|w| *w != "potentially")
            .collect();
        let lists: [(&[&str], u32); 9] = [
            (&clause_modals, CLAUSE_MODAL),
            (super::super::ANALYST_CUES, ANALYST),
            (NEGATIONS, NEGATION),
            (MODALS, MODAL),
            (PLAN_CUES, PLAN),
            (ASPECT_VERBS, ASPECT),
            (ALLEGED_CUES, ALLEGED),
            (DENIAL_CUES, DENIAL),
            (BACKGROUND_CUES, BACKGROUND),
        ];
        let mut all: Vec<&str> = lists.iter().flat_map(|(l, _)| l.iter().copied()).collect();
        all.extend(["", "x", "nott", "wil", "the", "mays"]);
        for w in all {
            for (list, flag) in lists {
                assert_eq!(cue(w, flag), list.contains(&w), "{w}");
            }
        }
    }

    #[test]
    fn every_scope_break_ends_with_a_space() {
        assert!(SCOPE_BREAKS.iter().all(|b| b.ends_with(' ')));
    }

    #[test]
    fn boilerplate_and_headings() {
        let boilerplate = |t: &str| looks_like_boilerplate(t, &t.to_ascii_lowercase());
        assert!(boilerplate("READ MORE: Japan on alert [REVEAL]"));
        assert!(boilerplate(
            "A convicted felon in California was arrested after..."
        ));
        assert!(!boilerplate("Russia’s army advanced."));
        // A char that full lowercasing changes (the Kelvin sign) is lowercased in full.
        assert!(boilerplate("  \u{212A}... "));
        assert!(boilerplate("Read More: \u{212A}elvin"));
        assert!(boilerplate("ALL RIGHTS RESERVED \u{0130}"));
        assert!(looks_like_heading(
            "North Korea Seeks to Enhance Cooperation"
        ));
        assert!(!looks_like_heading("North Korea fired a missile."));
        assert!(looks_like_caption(
            "Putin meets Choe in Moscow, Russia, January 16, 2024. Sputnik/Pool via REUTERS"
        ));
        assert!(!looks_like_caption(
            "TAIPEI, Oct 14, 2024 (AFP) - China's military launched drills around Taiwan."
        ));
        assert!(!looks_like_caption(
            "BEIJING, March 3, 2024 (Xinhua) -- China held talks with Russia on Sunday."
        ));
    }

    #[test]
    fn cues_read_modality_and_plans() {
        let t = "putin is open to visiting the country";
        let c = cues_before(&Before::new(t, 0, 17), 0, &mark_cues(t, (0, t.len())));
        assert!(c.planned && !c.bare_infinitive);
        let t = "iran may be shipping drones";
        assert!(cues_before(&Before::new(t, 0, 12), 0, &mark_cues(t, (0, t.len()))).modal);
        let t = "north korea did not launch";
        assert!(cues_before(&Before::new(t, 0, 20), 0, &mark_cues(t, (0, t.len()))).negated);
    }

    #[test]
    fn quotes_split_by_length() {
        let t = "Russia rejected those claims as \"groundless\", he said.";
        let q = quoted_spans(t, 0, t.len());
        assert!(!in_quote(&q, 35));
    }
}
