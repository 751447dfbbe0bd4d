//! The tagger proper: trigger words and numbers found by one walk over the text
//! ([`super::trigger`]), then hand-written parsing of a small token window around each hit.

use chrono::{Datelike, NaiveDate};

use super::lex::{
    Kind, Tok, Unit, month_of, number_word, ordinal_word, retokenize, tokenize_until, unit_of,
    weekday_of,
};
use super::trigger::Triggers;
use super::value::{Season, V, add_days, add_months, weekday_num, ymd};
use super::{Anchor, DocDate, TimexType};

/// One expression as TimeML delimits it.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub ty: TimexType,
    pub v: V,
    pub modifier: Option<&'static str>,
    pub anchor: Anchor,
    /// An interval for values that have none of their own (`in recent weeks`).
    pub range: Option<(NaiveDate, NaiveDate)>,
}

/// Result of a head parser: token range and meaning.
struct Hit {
    s: usize,
    e: usize,
    ty: TimexType,
    v: V,
    modifier: Option<&'static str>,
    anchor: Anchor,
    range: Option<(NaiveDate, NaiveDate)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tense {
    Past,
    Future,
    /// A present-tense verb is the nearest cue: the nearest date either way.
    Present,
    Unknown,
}

/// A date mentioned earlier in the text, for `the next day`, `that month`.
#[derive(Clone, Debug)]
struct Ref {
    v: V,
    anchor: Anchor,
}

struct Cx<'t> {
    text: &'t str,
    /// `text` ASCII-lowercased.
    lower: &'t [u8],
    dct: Option<NaiveDate>,
    dct_anchor: Anchor,
    last: Option<Ref>,
    last_quarter: Option<Ref>,
    /// The last expression that was a single day, and where it ended: `April 24 and 25`.
    last_day: Option<(usize, NaiveDate, Anchor)>,
    /// The last single day mentioned, even with coarser periods mentioned since: `said on
    /// Tuesday that sales rose in February ... before declining later in the day`.
    story_day: Option<(NaiveDate, Anchor)>,
}

const WINDOW_LEFT: usize = 72;
const WINDOW_RIGHT: usize = 112;
/// Bytes tokenized at once past a hit.
const CHUNK: usize = 768;

/// What a tagging of a text found that does not depend on the article date: where each
/// search for a trigger started and what it found, and the tokens of each chunk. A second
/// tagging of the same text with another date replays them instead of searching and
/// tokenizing again; where it looks elsewhere (an expression read differently with the date),
/// it searches and tokenizes as usual.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    /// Search start and the hit found from there, in search order (starts increase).
    hits: Vec<(usize, Option<(usize, usize)>)>,
    /// A chunk's byte range, its tokens' range in `toks` (the first ones: a chunk is
    /// tokenized only as far as the windows read it) and where its tokenizer stopped, in
    /// tokenizing order.
    chunks: Vec<(usize, usize, usize, usize, usize)>,
    toks: Vec<Tok>,
}

/// How [`find_traced`] uses a [`Trace`].
pub(crate) enum Tracing<'a> {
    Off,
    Record(&'a mut Trace),
    /// Replay a trace; the two numbers are where the next look-ups start in its lists.
    Replay(&'a Trace, usize, usize),
}

impl Tracing<'_> {
    /// The next trigger hit searched from `from`: replayed when the trace searched from
    /// there too.
    fn next_hit(&mut self, triggers: &Triggers<'_>, from: usize) -> Option<(usize, usize)> {
        match self {
            Tracing::Off => triggers.next_hit(from),
            Tracing::Record(t) => {
                let h = triggers.next_hit(from);
                t.hits.push((from, h));
                h
            }
            Tracing::Replay(t, i, _) => {
                while t.hits.get(*i).is_some_and(|(f, _)| *f < from) {
                    *i += 1;
                }
                match t.hits.get(*i) {
                    Some(&(f, h)) if f == from => h,
                    _ => triggers.next_hit(from),
                }
            }
        }
    }

    /// Makes `buf`, the first tokens of the chunk `text[old.0..old.1]`, the first tokens of
    /// the chunk `text[from..to]`, at least those that start before `need` ([`retokenize`]),
    /// copying them from the trace when it made the same chunk: a chunk's tokens depend only
    /// on its range. Returns where the tokenizer stopped.
    #[allow(clippy::too_many_arguments)]
    fn retokenize(
        &mut self,
        text: &str,
        lower: &[u8],
        buf: &mut Vec<Tok>,
        old: (usize, usize),
        from: usize,
        to: usize,
        need: usize,
    ) -> usize {
        if let Tracing::Replay(t, _, i) = self {
            while t.chunks.get(*i).is_some_and(|c| (c.0, c.1) < (from, to)) {
                *i += 1;
            }
            if let Some(&(f, e, lo, hi, made)) = t.chunks.get(*i)
                && (f, e) == (from, to)
            {
                buf.clear();
                buf.extend_from_slice(t.toks.get(lo..hi).unwrap_or(&[]));
                return if made < need {
                    tokenize_until(text, lower, made, to, need, buf)
                } else {
                    made
                };
            }
        }
        retokenize(text, lower, buf, old, from, to, need)
    }

    /// Records the tokens the chunk `text[from..to]` was left with, its tokenizer having
    /// stopped at `made`.
    fn chunk_done(&mut self, from: usize, to: usize, made: usize, buf: &[Tok]) {
        if let Tracing::Record(t) = self {
            let lo = t.toks.len();
            t.toks.extend_from_slice(buf);
            t.chunks.push((from, to, lo, t.toks.len(), made));
        }
    }
}

/// Finds TimeML-delimited time expressions.
pub(crate) fn find(text: &str, doc: DocDate) -> Vec<Found> {
    find_traced(text, doc, Tracing::Off)
}

/// [`find`], recording or replaying a [`Trace`].
pub(crate) fn find_traced(text: &str, doc: DocDate, mut tracing: Tracing<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    // The text ASCII-lowercased, for finding triggers, the tokens' lowercase copies and the
    // tense cues.
    let lower = text.as_bytes().to_ascii_lowercase();
    let mut cx = Cx {
        text,
        lower: &lower,
        dct: doc.date,
        dct_anchor: if doc.date.is_none() {
            Anchor::None
        } else if doc.estimated {
            Anchor::Estimate
        } else {
            Anchor::Article
        },
        last: None,
        last_quarter: None,
        last_day: None,
        story_day: None,
    };
    let bytes = text.as_bytes();
    let mut covered = 0usize;
    let mut buf: Vec<Tok> = Vec::with_capacity(256);
    let triggers = Triggers::new(text, &lower);
    let (mut buf_from, mut buf_to) = (usize::MAX, 0usize);
    // Where the chunk's tokenizer stopped: `buf` holds the chunk's tokens up to there.
    let mut made = 0usize;
    let mut pos = 0usize;
    // Restart after what is already covered: digits inside a tagged or rejected number are
    // not hits of their own.
    while let Some((hs, he)) = tracing.next_hit(&triggers, pos.max(covered)) {
        pos = he;
        let first = bytes.get(hs).copied().unwrap_or(0);
        let from = window_start(text, hs, covered);
        let to = window_end(text, he, WINDOW_RIGHT);
        // Tokenize a chunk once and serve the windows of the following hits from it: news
        // text has a trigger every few dozen bytes. A new chunk keeps the tokens it shares
        // with the last one. A chunk is tokenized only as far as its windows read.
        if from < buf_from || to > buf_to {
            let chunk_to = window_end(text, he, CHUNK);
            if buf_from != usize::MAX {
                tracing.chunk_done(buf_from, buf_to, made, &buf);
            }
            made = tracing.retokenize(
                text,
                &lower,
                &mut buf,
                (buf_from, buf_to),
                from,
                chunk_to,
                to,
            );
            buf_from = from;
            buf_to = chunk_to;
        } else if made < to {
            made = tokenize_until(text, &lower, made, buf_to, to, &mut buf);
        }
        let lo = buf.partition_point(|t| t.start < from);
        let hi = buf.partition_point(|t| t.start < to);
        let Some(toks) = buf.get(lo..hi) else {
            covered = he;
            continue;
        };
        // The token holding the hit (tokens are in order and do not overlap).
        let k = toks.partition_point(|t| t.end <= hs);
        if toks.get(k).is_none_or(|t| t.start > hs) {
            covered = he;
            continue;
        }
        match head(&cx, toks, k) {
            Some(h) if h.s <= k && k < h.e => {
                let (Some(st), Some(en)) = (toks.get(h.s), toks.get(h.e - 1)) else {
                    covered = he;
                    continue;
                };
                let f = Found {
                    start: st.start,
                    end: en.end,
                    ty: h.ty,
                    v: h.v,
                    modifier: h.modifier,
                    anchor: h.anchor,
                    range: h.range,
                };
                covered = f.end;
                cx.remember(&f);
                out.push(f);
            }
            // A rejected word (`recent` before `years`) may still open the expression of a
            // later trigger; a rejected number's digits may not.
            _ if first.is_ascii_alphabetic() => {}
            _ => covered = toks.get(k).map_or(he, |t| t.end.max(he)),
        }
    }
    if buf_from != usize::MAX {
        tracing.chunk_done(buf_from, buf_to, made, &buf);
    }
    out
}

fn window_start(text: &str, hs: usize, covered: usize) -> usize {
    let mut from = hs.saturating_sub(WINDOW_LEFT).max(covered);
    while from > covered && !text.is_char_boundary(from) {
        from -= 1;
    }
    // Start on a word boundary so that the first token is not a fragment.
    let bytes = text.as_bytes();
    let limit = from.saturating_sub(24).max(covered);
    while from > limit
        && bytes
            .get(from - 1)
            .is_some_and(|b| !b.is_ascii_whitespace())
    {
        from -= 1;
    }
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

fn window_end(text: &str, he: usize, right: usize) -> usize {
    let bytes = text.as_bytes();
    let mut to = (he + right).min(text.len());
    let limit = (to + 24).min(text.len());
    while to < limit && bytes.get(to).is_some_and(|b| !b.is_ascii_whitespace()) {
        to += 1;
    }
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    to
}

impl Cx<'_> {
    fn remember(&mut self, f: &Found) {
        self.last_day = match (&f.v, f.ty) {
            (V::Day(d), TimexType::Date) => Some((f.end, *d, f.anchor)),
            _ => None,
        };
        if f.ty != TimexType::Date && f.ty != TimexType::Time {
            return;
        }
        match f.v {
            V::Quarter(..) | V::Half(..) => {
                // `the year-ago quarter` is a comparison, not the period under discussion.
                let lower = self
                    .text
                    .get(f.start..f.end)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if ["ago", "earlier", "before", "prior"]
                    .iter()
                    .any(|w| lower.contains(w))
                {
                    return;
                }
                let r = Ref {
                    v: f.v.clone(),
                    anchor: f.anchor,
                };
                // A quarter not over by the DCT (`a fourth-quarter charge` expected in
                // October) is a forecast; `the latest quarter` and `a year ago` still mean the
                // one reported.
                let ended = match (&f.v, self.dct) {
                    (V::Quarter(y, q), Some(d)) => (*y, *q) < (d.year(), (d.month() - 1) / 3 + 1),
                    _ => true,
                } || {
                    // `the fourth quarter ended Sept. 30`: a fiscal quarter, reported.
                    let after = self.text.get(f.end..).unwrap_or("").trim_start();
                    after.starts_with("ended") || after.starts_with("ending")
                };
                if ended {
                    self.last_quarter = Some(r.clone());
                }
                self.last = Some(r);
            }
            V::Day(_) | V::Month(..) | V::Year(_) | V::Week(..) | V::Season(..) => {
                if let V::Day(d) = f.v {
                    self.story_day = Some((d, f.anchor));
                }
                self.last = Some(Ref {
                    v: f.v.clone(),
                    anchor: f.anchor,
                });
            }
            V::Time(Some(d), _) => {
                self.story_day = Some((d, f.anchor));
                self.last = Some(Ref {
                    v: V::Day(d),
                    anchor: f.anchor,
                });
            }
            _ => {}
        }
    }

    /// The day that relative expressions about the story resolve against: the last
    /// mentioned day (even with months or years mentioned since), or the DCT.
    fn ref_day(&self) -> Option<(NaiveDate, Anchor)> {
        if let Some(Ref {
            v: V::Day(d),
            anchor,
        }) = &self.last
        {
            return Some((*d, *anchor));
        }
        self.story_day
            .or_else(|| self.dct.map(|d| (d, self.dct_anchor)))
    }

    /// A day inside the period the story last mentioned, for `the following month`, `that
    /// year`: the last day for days, else the last month, quarter or year when it is at least
    /// as long as the unit.
    fn ref_point(&self, u: Unit) -> Option<(NaiveDate, Anchor)> {
        let Some(Ref { v, anchor }) = &self.last else {
            return self.ref_day();
        };
        let long = |n: u8| -> bool {
            let rank = match u {
                Unit::Minute | Unit::Hour | Unit::Day | Unit::Weekend => 0,
                Unit::Week => 1,
                Unit::Month => 2,
                Unit::Quarter => 3,
                Unit::Year => 4,
                Unit::Decade | Unit::Century => 5,
            };
            n <= rank
        };
        let d = match v {
            V::Month(y, m) if long(2) => ymd(*y, *m, 1),
            V::Quarter(y, q) if long(3) => ymd(*y, (q - 1) * 3 + 1, 1),
            V::Year(y) if long(4) => ymd(*y, 1, 1),
            _ => None,
        };
        match d {
            Some(d) => Some((d, *anchor)),
            None => self.ref_day(),
        }
    }

    /// The tense around a byte range: the nearest cue word before it in the sentence, then
    /// after it.
    fn tense(&self, start: usize, end: usize) -> Tense {
        let bytes = self.text.as_bytes();
        let wordish = |c: &u8| WORDISH[usize::from(*c)];
        // The sentence around the range, looked at up to 160 bytes before and 120 after: the
        // walks below stop at its first break either way (letters never are one, so the
        // breaks are only looked for between words).
        let lo = start.saturating_sub(160);
        // Words before, nearest first.
        // At most 14 words (the 12 looked at and the two before the last), without allocating.
        let mut words: [&[u8]; 14] = [&[]; 14];
        // The same words lowercased.
        let mut lows: [&[u8]; 14] = [&[]; 14];
        let mut count = 0;
        let mut i = start;
        while count < words.len() && i > lo && !sentence_break(bytes, i - 1) {
            let mut j = i;
            while j > lo && bytes.get(j - 1).is_some_and(wordish) {
                j -= 1;
            }
            if j < i {
                // (`a closed-door meeting`: the first part of a compound says no tense.)
                let compound = bytes.get(i) == Some(&b'-');
                if !compound
                    && let (Some(w), Some(slot), Some(low_slot)) =
                        (bytes.get(j..i), words.get_mut(count), lows.get_mut(count))
                {
                    *slot = w;
                    *low_slot = self.lower.get(j..i).unwrap_or(&[]);
                    count += 1;
                }
                i = j;
            } else {
                i -= 1;
            }
        }
        let before = words.get(..count).unwrap_or(&[]);
        // `until Friday`, `as early as Tuesday`: a deadline or a first possible day lies ahead;
        // the clock time of `until 9 a.m. EST Tuesday` is part of the expression.
        let clock = before
            .iter()
            .take_while(|w| {
                w.len() == 1
                    || (w.len() <= 4 && w.iter().all(u8::is_ascii_uppercase))
                    || w.eq_ignore_ascii_case(b"noon")
                    || w.eq_ignore_ascii_case(b"midnight")
            })
            .count();
        let before = before.get(clock..).unwrap_or(&[]);
        let before_low = lows
            .get(..count)
            .and_then(|l| l.get(clock..))
            .unwrap_or(&[]);
        let is = |n: usize, x: &[u8]| before_low.get(n).is_some_and(|w| *w == x);
        // Not a sentence-initial `Until Thursday, they had not...`: a state that ended.
        let until_lower = before
            .first()
            .is_some_and(|w| w.first().is_some_and(u8::is_ascii_lowercase));
        if (until_lower && (is(0, b"until") || is(0, b"till")))
            || (is(0, b"as") && (is(1, b"soon") || is(1, b"early")))
        {
            return Tense::Future;
        }
        for n in 0..count.min(12) {
            // `agreed to a ceasefire in January`: `to` before an article is a preposition,
            // no infinitive looking ahead.
            if n > 0
                && is(n, b"to")
                && before_low.get(n - 1).is_some_and(|w| {
                    [&b"a"[..], b"an", b"the", b"its", b"their", b"his", b"her"]
                        .iter()
                        .any(|d| w == d)
                })
            {
                continue;
            }
            // `next to the embassy`: a preposition, not a time.
            if n > 0 && is(n, b"next") && is(n - 1, b"to") {
                continue;
            }
            // `ahead of the weekend`, `ahead of Tuesday's vote`: still to come.
            if (n == 1 || (n == 2 && is(0, b"the"))) && is(n, b"ahead") && is(n - 1, b"of") {
                return Tense::Future;
            }
            if let (Some(ws), Some(ls)) = (before.get(n..), before_low.get(n..))
                && let Some(t) = cue(ws, ls)
            {
                return t;
            }
        }
        let hi = (end + 120).min(bytes.len());
        let mut i = end;
        // The word and the two before it, nearest first.
        let mut seen_words: [&[u8]; 3] = [&[]; 3];
        let mut seen_lows: [&[u8]; 3] = [&[]; 3];
        let mut seen = 0;
        while seen < 8 && i < hi && !sentence_break(bytes, i) {
            let mut j = i;
            while j < hi && bytes.get(j).is_some_and(wordish) {
                j += 1;
            }
            if j > i {
                if let (Some(w), Some(l)) = (bytes.get(i..j), self.lower.get(i..j)) {
                    seen_words = [w, seen_words[0], seen_words[1]];
                    seen_lows = [l, seen_lows[0], seen_lows[1]];
                    seen += 1;
                    let n = seen.min(3);
                    if let (Some(ws), Some(ls)) = (seen_words.get(..n), seen_lows.get(..n))
                        && let Some(t) = cue(ws, ls)
                    {
                        return t;
                    }
                }
                i = j;
            } else {
                i += 1;
            }
        }
        Tense::Unknown
    }
}

/// The bytes of the words [`Cx::tense`] reads: ASCII letters and the apostrophe.
static WORDISH: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = b.is_ascii_alphabetic() || b == b'\'';
        i += 1;
    }
    t
};

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: &[&[u8]] = &[
    b"jan", b"feb", b"mar", b"apr", b"jun", b"jul", b"aug", b"sep", b"sept", b"oct", b"nov",
    b"dec", b"mon", b"tue", b"tues", b"wed", b"thu", b"thur", b"thurs", b"fri", b"sat", b"sun",
    b"mr", b"mrs", b"ms", b"dr", b"st", b"gen", b"sen", b"rep", b"gov", b"lt", b"col", b"sgt",
    b"capt", b"corp", b"inc", b"co", b"jr", b"sr", b"no", b"vs", b"prof", b"rev", b"ft", b"mt",
];

/// Whether the byte at `i` ends a sentence: `.` `!` `?` `;` or a newline, but not the period
/// of `a.m.`, `U.S.` or `Oct.` inside a sentence.
#[inline]
fn sentence_break(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b'!' | b'?' | b'\n' | b';') | None => true,
        Some(b'.') => period_breaks(bytes, i),
        _ => false,
    }
}

/// [`sentence_break`] at a period.
#[inline(never)]
fn period_breaks(bytes: &[u8], i: usize) -> bool {
    // `3.5`: a decimal point.
    if bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric) {
        return false;
    }
    let mut j = i;
    while j > 0 && bytes.get(j - 1).is_some_and(u8::is_ascii_alphabetic) {
        j -= 1;
    }
    let w = bytes.get(j..i).unwrap_or(&[]);
    // `a.m.`, `U.S.`: a single letter before the period.
    if w.len() == 1 {
        return false;
    }
    !ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Whether a word marks past or future; `ws` is the word and the words before it, nearest
/// first.
fn cue(ws: &[&[u8]], lows: &[&[u8]]) -> Option<Tense> {
    let w = *ws.first()?;
    let l = *lows.first()?;
    let is = |n: usize, x: &[u8]| lows.get(n).is_some_and(|b| *b == x);
    if w.len() > 16 {
        return None;
    }
    // `will be held`: a participle after `be` says nothing; the auxiliary decides.
    if is(1, b"be") || is(1, b"being") {
        return None;
    }
    // `had been due to expire Friday`: a plan that lies in the past.
    let past_perfect = is(1, b"had") || (is(1, b"been") && is(2, b"had"));
    match l {
        b"will" | b"won't" | b"would" | b"shall" | b"planning" | b"scheduled" | b"expected"
        | b"expects" | b"expect" | b"due" | b"upcoming" | b"next" | b"intends" | b"intend"
        | b"aims" | b"tomorrow" | b"forthcoming" | b"coming" | b"'ll" => {
            return Some(if past_perfect {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        // Modals look ahead (`should close Nov. 1`); a perfect after them (`should have
        // closed`) is seen first as the past participle. `May` the month is capitalized.
        b"should" | b"might" => return Some(Tense::Future),
        b"may" if w.first().is_some_and(u8::is_ascii_lowercase) => return Some(Tense::Future),
        // `a pact effective June 1`: a date still to come, unless it `became effective`.
        b"effective" => {
            return Some(if is(1, b"became") || is(1, b"was") || is(1, b"were") {
                Tense::Past
            } else {
                Tense::Future
            });
        }
        b"is" | b"are" | b"am" | b"remains" | b"says" | b"say" => return Some(Tense::Present),
        b"supposed" | b"slated" | b"poised" | b"ready" | b"bound" | b"likely" | b"soon" => {
            return Some(Tense::Future);
        }
        b"to" => {
            let b = lows.get(1).copied().filter(|b| b.len() <= 16);
            let perfect = is(2, b"had") || (is(2, b"been") && is(3, b"had"));
            return match b {
                Some(
                    b"is" | b"are" | b"set" | b"agreed" | b"ready" | b"likely" | b"planned"
                    | b"plans" | b"plan" | b"expected" | b"scheduled" | b"due" | b"going"
                    | b"hopes" | b"hope" | b"hoped" | b"wants" | b"wanted" | b"intends"
                    | b"intended" | b"promised" | b"vowed" | b"decided" | b"threatened" | b"able"
                    | b"prepared",
                ) => Some(if perfect { Tense::Past } else { Tense::Future }),
                _ => None,
            };
        }
        b"said" | b"was" | b"were" | b"had" | b"did" | b"told" | b"ago" | b"yesterday"
        | b"last" | b"earlier" | b"met" | b"held" | b"began" | b"took" | b"came" | b"went"
        | b"made" | b"left" | b"saw" | b"gave" | b"fell" | b"rose" | b"won" | b"lost" | b"sent"
        | b"led" | b"spoke" | b"wrote" | b"ran" | b"struck" | b"hit" | b"since" | b"brought"
        | b"bought" | b"sold" | b"paid" | b"found" | b"thought" | b"became" | b"grew" | b"knew"
        | b"kept" | b"built" | b"spent" | b"stood" | b"fought" | b"drew" | b"chose" | b"broke"
        | b"caught" | b"felt" | b"shot" | b"sought" | b"threw" | b"flew" | b"got" | b"ate"
        | b"drove" | b"swept" | b"wasn't" | b"weren't" | b"didn't" | b"hadn't" | b"agreed"
        | b"decreed" | b"guaranteed" => {
            return Some(Tense::Past);
        }
        _ => {}
    }
    // `reported`, but not `United States` or `Mohammed`: names are capitalized.
    if l.len() >= 5
        && l.ends_with(b"ed")
        && !l.ends_with(b"eed")
        && w.first().is_some_and(u8::is_ascii_lowercase)
    {
        return Some(Tense::Past);
    }
    if l.ends_with(b"'ll") {
        return Some(Tense::Future);
    }
    None
}

fn tok(t: &[Tok], i: usize) -> Option<&Tok> {
    t.get(i)
}

fn adjacent(t: &[Tok], i: usize) -> bool {
    match (t.get(i), t.get(i + 1)) {
        (Some(a), Some(b)) => a.end == b.start,
        _ => false,
    }
}

fn is_at(t: &[Tok], i: usize, w: &str) -> bool {
    t.get(i).is_some_and(|x| x.is(w))
}

fn prev_is(t: &[Tok], i: usize, words: &[&str]) -> bool {
    i > 0 && t.get(i - 1).is_some_and(|x| x.is_any(words))
}

/// Index after an optional abbreviation period.
fn skip_dot(t: &[Tok], i: usize) -> usize {
    if t.get(i).is_some_and(|x| x.is_char(b'.')) && i > 0 && adjacent(t, i - 1) {
        i + 1
    } else {
        i
    }
}

/// A year of the 1900s spoken as words (`nineteen ninety-eight`, `nineteen oh five`), as
/// broadcast transcripts write them: (year, next index).
fn spelled_year_at(t: &[Tok], i: usize) -> Option<(i32, usize)> {
    if !t.get(i)?.is("nineteen") {
        return None;
    }
    let a = t.get(i + 1)?;
    if a.is("oh") {
        let o = number_word(t.get(i + 2)?.low()).filter(|o| (1..=9).contains(o))?;
        return Some((1900 + i32::try_from(o).ok()?, i + 3));
    }
    let v = number_word(a.low()).filter(|v| (10..=99).contains(v))?;
    if v >= 20
        && v % 10 == 0
        && t.get(i + 2).is_some_and(|h| h.is_char(b'-'))
        && adjacent(t, i + 1)
        && adjacent(t, i + 2)
        && let Some(o) = t
            .get(i + 3)
            .and_then(|z| number_word(z.low()))
            .filter(|o| (1..=9).contains(o))
    {
        return Some((1900 + i32::try_from(v + o).ok()?, i + 4));
    }
    // `nineteen ninety six`
    if v >= 20
        && v % 10 == 0
        && let Some(o) = t
            .get(i + 2)
            .and_then(|z| number_word(z.low()))
            .filter(|o| (1..=9).contains(o))
        && !t
            .get(i + 2)
            .is_some_and(|z| z.is("a") || z.is("an") || z.is("one"))
    {
        return Some((1900 + i32::try_from(v + o).ok()?, i + 3));
    }
    Some((1900 + i32::try_from(v).ok()?, i + 2))
}

/// `two thousand`, `two thousand and one` after `the year`, as transcripts write it.
fn two_thousand_at(t: &[Tok], i: usize) -> Option<(i32, usize)> {
    if !(t.get(i)?.is("two") && t.get(i + 1)?.is("thousand")) {
        return None;
    }
    let mut j = i + 2;
    if t.get(j).is_some_and(|z| z.is("and")) {
        j += 1;
    }
    match t.get(j).and_then(|z| number_word(z.low())) {
        Some(n) if (1..=99).contains(&n) && !t.get(j).is_some_and(|z| z.is("a") || z.is("an")) => {
            Some((2000 + i32::try_from(n).ok()?, j + 1))
        }
        _ => Some((2000, i + 2)),
    }
}

/// A four-digit year (or `'98`, or `nineteen ninety-eight`) at `i`: (year, next index).
fn year_at(t: &[Tok], i: usize) -> Option<(i32, usize)> {
    if let Some(y) = spelled_year_at(t, i) {
        return Some(y);
    }
    let x = t.get(i)?;
    if x.digits() == 4 {
        let y = i32::try_from(x.num()?).ok()?;
        if (1000..=2999).contains(&y) && !t.get(i + 1).is_some_and(|n| n.is("s") && adjacent(t, i))
        {
            return Some((y, i + 1));
        }
        return None;
    }
    if x.is_char(b'\'') && adjacent(t, i) {
        let n = t.get(i + 1)?;
        if n.digits() == 2
            && !t
                .get(i + 2)
                .is_some_and(|s| s.is("s") && adjacent(t, i + 1))
        {
            let v = i32::try_from(n.num()?).ok()?;
            return Some((if v >= 30 { 1900 + v } else { 2000 + v }, i + 2));
        }
    }
    None
}

/// A day-of-month number at `i` (`16`, `16th`): (day, next index).
fn day_at(t: &[Tok], i: usize) -> Option<(u32, usize)> {
    let x = t.get(i)?;
    let d = x.num()?;
    if x.digits() > 2 || !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if t.get(j)
        .is_some_and(|s| s.is_any(&["st", "nd", "rd", "th"]) && adjacent(t, i))
    {
        j += 1;
    }
    // Not a time or a quantity: `16:30`, `16.5`, `16-year`.
    if t.get(j).is_some_and(|s| {
        (s.is_char(b':') || s.is_char(b'%') || s.is_char(b'/')) && adjacent(t, j - 1)
    }) && t
        .get(j + 1)
        .is_some_and(|n| n.kind == Kind::Num && adjacent(t, j))
        || t.get(j).is_some_and(|s| s.is_char(b'%'))
    {
        return None;
    }
    Some((d, j))
}

fn month_at(t: &[Tok], i: usize) -> Option<(u32, usize)> {
    let x = t.get(i)?;
    if x.kind != Kind::Word {
        return None;
    }
    let (m, abbr) = month_of(x.low())?;
    let j = if abbr { skip_dot(t, i + 1) } else { i + 1 };
    if abbr && !x.cap {
        return None;
    }
    Some((m, j))
}

fn weekday_at(t: &[Tok], i: usize) -> Option<(u32, usize)> {
    let x = t.get(i)?;
    if x.kind != Kind::Word {
        return None;
    }
    let w = x.low();
    let base = w.strip_suffix(b"'s").unwrap_or(w);
    let (d, abbr) = weekday_of(base)?;
    if abbr && (!x.cap || !t.get(i + 1).is_some_and(|n| n.is_char(b'.'))) {
        return None;
    }
    Some((d, if abbr { skip_dot(t, i + 1) } else { i + 1 }))
}

/// A cardinal quantity ending just before `end` (exclusive): (value or None for vague,
/// start index). Handles digits, number words, `twenty-five`, `a`, `several`, `a few`,
/// `2 1/2`.
fn quantity_before(t: &[Tok], end: usize) -> Option<(Option<f64>, usize)> {
    if end == 0 {
        return None;
    }
    let i = end - 1;
    let x = t.get(i)?;
    // `2 1/2`
    if x.kind == Kind::Num
        && i >= 3
        && t.get(i - 1).is_some_and(|s| s.is_char(b'/'))
        && t.get(i - 2).is_some_and(|n| n.kind == Kind::Num)
        && adjacent(t, i - 1)
        && adjacent(t, i - 2)
    {
        let den = f64::from(x.num()?);
        let num = f64::from(t.get(i - 2)?.num()?);
        if den > 0.0 {
            if let Some(w) = t.get(i - 3).and_then(Tok::num) {
                return Some((Some(f64::from(w) + num / den), i - 3));
            }
            return Some((Some(num / den), i - 2));
        }
    }
    if x.kind == Kind::Num {
        if i > 0
            && t.get(i - 1)
                .is_some_and(|p| p.is_any(&["$", "#", "€", "£"]))
        {
            return None;
        }
        let s = x.low();
        let clean: String = s
            .iter()
            .filter(|b| **b != b',')
            .map(|b| char::from(*b))
            .collect();
        let v: f64 = clean.parse().ok()?;
        return Some((Some(v), i));
    }
    if x.kind != Kind::Word {
        return None;
    }
    let w = x.low();
    // `the worst single-day decline`
    if w == b"single" && t.get(i + 1).is_some_and(|z| z.is_char(b'-')) {
        return Some((Some(1.0), i));
    }
    if matches!(w, b"several" | b"many" | b"few" | b"couple" | b"numerous") {
        let mut s = i;
        if i > 0 && t.get(i - 1).is_some_and(|p| p.is("a")) {
            s = i - 1;
        }
        return Some((None, s));
    }
    if w == b"of" && i > 0 && t.get(i - 1).is_some_and(|p| p.is("couple")) {
        let s = if i > 1 && t.get(i - 2).is_some_and(|p| p.is("a")) {
            i - 2
        } else {
            i - 1
        };
        return Some((Some(2.0), s));
    }
    if w == b"dozens" || w == b"hundreds" || w == b"thousands" {
        return Some((None, i));
    }
    // `two and a half`
    if w == b"half"
        && i >= 3
        && t.get(i - 1).is_some_and(|p| p.is("a"))
        && t.get(i - 2).is_some_and(|p| p.is("and"))
        && let Some((Some(n), s)) = quantity_before(t, i - 2)
    {
        return Some((Some(n + 0.5), s));
    }
    let v = number_word(w)?;
    // `twenty four hours`, as transcripts write it
    if (1..10).contains(&v)
        && i >= 1
        && let Some(tens) = t.get(i - 1).and_then(|p| number_word(p.low()))
        && (20..=90).contains(&tens)
        && tens % 10 == 0
    {
        return Some((Some(f64::from(tens + v)), i - 1));
    }
    // `twenty-five`
    if v < 10
        && i >= 2
        && t.get(i - 1).is_some_and(|p| p.is_char(b'-'))
        && adjacent(t, i - 1)
        && adjacent(t, i - 2)
        && let Some(tens) = t.get(i - 2).and_then(|p| number_word(p.low()))
        && (20..=90).contains(&tens)
    {
        return Some((Some(f64::from(tens + v)), i - 2));
    }
    // `a hundred`, `two hundred`
    if v == 100
        && i > 0
        && let Some(m) = t.get(i - 1).and_then(|p| number_word(p.low()))
    {
        return Some((Some(f64::from(m) * 100.0), i - 1));
    }
    Some((Some(f64::from(v)), i))
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{}", v.round() as i64)
    } else {
        format!("{v}")
    }
}

/// Duration value for `n` units (`P3Y`, `PT2H`); vague quantities give `PXY`.
fn duration(n: Option<f64>, u: Unit) -> String {
    let Some(n) = n else {
        return match u {
            Unit::Minute => "PTXM".into(),
            Unit::Hour => "PTXH".into(),
            Unit::Day | Unit::Weekend => "PXD".into(),
            Unit::Week => "PXW".into(),
            Unit::Month => "PXM".into(),
            Unit::Quarter => "PXQ".into(),
            Unit::Year => "PXY".into(),
            // Decades count in years (`two decades` is P20Y), so some decades are PXY.
            Unit::Decade => "PXY".into(),
            Unit::Century => "PXCE".into(),
        };
    };
    // Fractions become the next smaller unit: `2 1/2 years` is P2Y6M.
    if (n - n.round()).abs() > 1e-9 {
        let whole = n.trunc();
        let frac = n - whole;
        let (big, small, per) = match u {
            Unit::Year => ("Y", "M", 12.0),
            Unit::Month => ("M", "D", 30.0),
            Unit::Day => ("D", "H", 24.0),
            Unit::Hour => ("H", "M", 60.0),
            Unit::Minute => ("M", "S", 60.0),
            _ => ("", "", 0.0),
        };
        if per > 0.0 {
            let rest = fmt_num((frac * per).round());
            let t = if matches!(u, Unit::Hour) || matches!(u, Unit::Day) && small == "H" {
                "T"
            } else {
                ""
            };
            return match u {
                Unit::Hour => format!("PT{}H{rest}M", fmt_num(whole)),
                Unit::Minute => format!("PT{}M{rest}S", fmt_num(whole)),
                Unit::Day => format!("P{}DT{rest}H", fmt_num(whole)),
                _ => format!("P{}{big}{t}{rest}{small}", fmt_num(whole)),
            };
        }
    }
    let s = fmt_num(n);
    match u {
        Unit::Minute => format!("PT{s}M"),
        Unit::Hour => format!("PT{s}H"),
        Unit::Day => format!("P{s}D"),
        Unit::Weekend => format!("P{}D", fmt_num(n * 2.0)),
        Unit::Week => format!("P{s}W"),
        Unit::Month => format!("P{s}M"),
        // TimeML corpora count quarters as quarters: `the past two quarters` is P2Q.
        Unit::Quarter => format!("P{s}Q"),
        Unit::Year => format!("P{s}Y"),
        Unit::Decade => format!("P{}Y", fmt_num(n * 10.0)),
        Unit::Century => format!("P{}Y", fmt_num(n * 100.0)),
    }
}

/// The calendar period of unit `u` containing day `d`.
fn period_of(d: NaiveDate, u: Unit) -> V {
    match u {
        Unit::Minute | Unit::Hour | Unit::Day => V::Day(d),
        Unit::Week => V::week_of(d),
        Unit::Weekend => {
            // The weekend of the week: ISO week of the Saturday.
            V::Weekend(d.iso_week().year(), d.iso_week().week())
        }
        Unit::Month => V::Month(d.year(), d.month()),
        Unit::Quarter => V::Quarter(d.year(), (d.month() - 1) / 3 + 1),
        Unit::Year => V::Year(d.year()),
        Unit::Decade => V::Decade(d.year() / 10),
        Unit::Century => V::Century(d.year() / 100),
    }
}

/// `d` moved by `n` units, as the period of that unit.
fn offset(d: NaiveDate, u: Unit, n: i64) -> Option<V> {
    let moved = match u {
        Unit::Minute | Unit::Hour => d,
        Unit::Day => add_days(d, n)?,
        Unit::Week | Unit::Weekend => add_days(d, n.checked_mul(7)?)?,
        Unit::Month => add_months(d, n)?,
        Unit::Quarter => add_months(d, n.checked_mul(3)?)?,
        Unit::Year => add_months(d, n.checked_mul(12)?)?,
        Unit::Decade => add_months(d, n.checked_mul(120)?)?,
        Unit::Century => add_months(d, n.checked_mul(1200)?)?,
    };
    Some(period_of(moved, u))
}

fn hit(s: usize, e: usize, ty: TimexType, v: V, anchor: Anchor) -> Hit {
    Hit {
        s,
        e,
        ty,
        v,
        modifier: None,
        anchor,
        range: None,
    }
}

/// `recent weeks`, `coming years`: TimeML corpora make vague spans of days, weeks and months
/// durations (`PXW`), vague past spans of years and quarters references (`PAST_REF`), and
/// `the coming years` a duration again (`PXY`). Past ones carry a range back from the DCT
/// for the timeline.
fn vague_period(s: usize, e: usize, u: Unit, future: bool, dct: NaiveDate, da: Anchor) -> Hit {
    let years = matches!(u, Unit::Year | Unit::Decade | Unit::Century);
    let mut h = if matches!(u, Unit::Quarter) || (years && !future) {
        let v = if future { "FUTURE_REF" } else { "PAST_REF" };
        hit(s, e, TimexType::Date, V::Lit(v.into()), da)
    } else {
        hit(s, e, TimexType::Duration, V::Lit(duration(None, u)), da)
    };
    if !future {
        h.range = recent_range(dct, u);
    }
    h
}

/// `recent weeks`: about three units back to the DCT.
fn recent_range(dct: NaiveDate, u: Unit) -> Option<(NaiveDate, NaiveDate)> {
    let a = match u {
        Unit::Minute | Unit::Hour => dct,
        Unit::Day => add_days(dct, -3)?,
        Unit::Week | Unit::Weekend => add_days(dct, -21)?,
        Unit::Month | Unit::Quarter => add_months(dct, -3)?,
        Unit::Year => add_months(dct, -36)?,
        Unit::Decade | Unit::Century => add_months(dct, -360)?,
    };
    Some((a, dct))
}

/// Whether a number ends just before byte `at` (`15 a year`), outside the token window: the
/// number was a trigger of its own, rejected, so the window starts after it.
fn number_just_before(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let mut i = at;
    while i > 0 && b.get(i - 1).is_some_and(|c| *c == b' ') {
        i -= 1;
    }
    i < at && i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit)
}

/// Dispatches on the trigger token `k`.
fn head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let h = if x.kind == Kind::Num {
        number_head(cx, t, k)?
    } else {
        let w = x.low();
        if month_of(w).is_some() {
            month_head(cx, t, k)?
        } else if weekday_of(w.strip_suffix(b"'s").unwrap_or(w)).is_some() {
            weekday_head(cx, t, k)?
        } else if unit_of(w).is_some() || w == b"half" {
            unit_head(cx, t, k)?
        } else {
            word_head(cx, t, k)?
        }
    };
    if is_title(cx, t, &h) {
        return None;
    }
    Some(extend_left(t, h))
}

/// A programme or paper named like a time: `USA Today`, ABC's `"This Week"`. `Today` after
/// a capitalized word mid-sentence, or a capitalized deictic phrase in quotes.
fn is_title(cx: &Cx, t: &[Tok], h: &Hit) -> bool {
    let (Some(first), Some(last)) = (t.get(h.s), t.get(h.e.saturating_sub(1))) else {
        return false;
    };
    if !first.cap || !first.is_any(&["today", "tonight", "this"]) {
        return false;
    }
    if h.e.saturating_sub(h.s) == 1 {
        let prev = if h.s >= 1 { t.get(h.s - 1) } else { None };
        return prev.is_some_and(|p| {
            p.kind == Kind::Word && p.cap && p.low().iter().all(u8::is_ascii_alphabetic)
        }) && first.is_any(&["today", "tonight"]);
    }
    let all_cap = t
        .get(h.s..h.e)
        .is_some_and(|r| r.iter().all(|z| z.kind != Kind::Word || z.cap));
    let quoted = cx
        .text
        .get(..first.start)
        .and_then(|b| b.trim_end().chars().last())
        .is_some_and(|c| matches!(c, '"' | '`' | '\'' | '\u{201c}'));
    all_cap && last.cap && quoted
}

/// Adds the modifiers in front of an expression: `early`, `late`, `mid-`, `the end of`,
/// `about`, `more than`...
fn extend_left(t: &[Tok], mut h: Hit) -> Hit {
    let s = h.s;
    let first = t.get(s);
    let starts_with_qty = first.is_some_and(|x| {
        x.kind == Kind::Num
            || number_word(x.low()).is_some_and(|_| !x.is("a") && !x.is("an"))
            || x.is_any(&["a", "an", "several", "the"])
    });
    let is_period = matches!(h.ty, TimexType::Date | TimexType::Time) && !matches!(h.v, V::Lit(_));
    if s >= 1 {
        let p = t.get(s - 1);
        let p_low = p.map(Tok::low).unwrap_or(&[]);
        // `mid-1990s`, `mid-November`, `end-2012`
        if is_period
            && p_low == b"-"
            && s >= 2
            && adjacent(t, s - 1)
            && adjacent(t, s - 2)
            && let Some(m) = t.get(s - 2).and_then(|q| match q.low() {
                b"end" => Some("END"),
                b"start" => Some("START"),
                w => pos_mod(w),
            })
        {
            h.s = s - 2;
            h.modifier = Some(m);
            return with_article(t, h);
        }
        if is_period
            && h.modifier.is_none()
            && matches!(p_low, b"earlier" | b"later")
            && first.is_some_and(|x| {
                x.is_any(&["this", "that", "today", "yesterday", "tonight", "tomorrow"])
            })
        {
            h.s = s - 1;
            if first.is_some_and(|x| x.is_any(&["this", "that"])) {
                h.modifier = Some(if p_low == b"earlier" { "START" } else { "END" });
            }
            return h;
        }
        if is_period && h.modifier.is_none() {
            if let Some(m) = pos_mod(p_low) {
                h.s = s - 1;
                h.modifier = Some(m);
                return with_article(t, h);
            }
            // `the end of`, `the beginning of`
            if p_low == b"of" && s >= 2 {
                let n = t.get(s - 2).map(Tok::low).unwrap_or(&[]);
                let m = match n {
                    b"end" | b"close" => Some("END"),
                    b"beginning" | b"start" | b"turn" | b"dawn" => Some("START"),
                    b"middle" => Some("MID"),
                    _ => None,
                };
                if let Some(m) = m {
                    h.modifier = Some(m);
                    h.s = if s >= 3 && t.get(s - 3).is_some_and(|a| a.is("the")) {
                        s - 3
                    } else {
                        s - 2
                    };
                    return h;
                }
            }
        }
        // `around Nov. 1`, `around year end`: an approximate point.
        // Not `get around Wednesday's ruling`: a particle.
        let particle = s >= 2
            && t.get(s - 2).is_some_and(|z| {
                z.is_any(&[
                    "get", "got", "getting", "go", "went", "going", "come", "came", "turn",
                ])
            });
        if is_period
            && h.modifier.is_none()
            && p_low == b"around"
            && !particle
            && !first.is_some_and(|x| x.is("the"))
            && !t.get(h.e).is_some_and(|z| z.is("'s"))
            && !first.is_some_and(|x| x.low().ends_with(b"'s"))
        {
            h.s = s - 1;
            h.modifier = Some("APPROX");
            return h;
        }
        // `about the future` is a topic, not an approximation.
        // `$2 billion more than the year before`: a comparison of amounts, not of times.
        let topic = first.is_some_and(|x| x.is("the"))
            && (h.ty != TimexType::Duration
                || matches!(
                    p_low,
                    b"about" | b"around" | b"some" | b"approximately" | b"roughly"
                ));
        if starts_with_qty && h.modifier.is_none() && !topic {
            let two = |a: &str, b: &str| {
                s >= 2 && t.get(s - 2).is_some_and(|q| q.is(a)) && p.is_some_and(|q| q.is(b))
            };
            let (m, n) = if two("more", "than") || two("longer", "than") {
                (Some("MORE_THAN"), 2)
            } else if two("less", "than") || two("fewer", "than") || two("under", "") {
                (Some("LESS_THAN"), 2)
            } else if two("at", "least") || two("no", "less") {
                (Some("EQUAL_OR_MORE"), 2)
            } else if two("up", "to") || two("at", "most") || two("no", "more") {
                (Some("EQUAL_OR_LESS"), 2)
            } else {
                match p_low {
                    b"about" | b"around" | b"approximately" | b"roughly" | b"nearly"
                    | b"almost" | b"some" | b"circa" | b"approx" => (Some("APPROX"), 1),
                    b"over" if first.is_some_and(|x| !x.is("the")) => (Some("MORE_THAN"), 1),
                    b"under" if first.is_some_and(|x| !x.is("the")) => (Some("LESS_THAN"), 1),
                    _ => (None, 0),
                }
            };
            if let Some(m) = m {
                h.modifier = Some(m);
                // TimeML corpora mostly leave `about` and `over` outside a duration's extent
                // (the mod keeps the meaning) but keep `nearly`, `almost`, `over a`, `more
                // than`, `at least`, and anything before `ago`.
                let inside = matches!(p_low, b"nearly" | b"almost")
                    || (p_low == b"over" && first.is_some_and(|x| x.is_any(&["a", "an"])));
                if !(n == 1 && h.ty == TimexType::Duration) || inside {
                    h.s = s - n;
                }
            }
        }
    }
    h
}

/// `the early 1980s`, `the mid-1990s`, `the early summer`: a modified decade, century or
/// season keeps its article (TimeBank's majority).
fn with_article(t: &[Tok], mut h: Hit) -> Hit {
    if matches!(h.v, V::Decade(_) | V::Century(_) | V::Season(..))
        && h.s >= 1
        && t.get(h.s - 1).is_some_and(|z| z.is("the"))
    {
        h.s -= 1;
    }
    h
}

fn pos_mod(w: &[u8]) -> Option<&'static str> {
    match w {
        b"early" => Some("START"),
        b"late" => Some("END"),
        b"mid" => Some("MID"),
        _ => None,
    }
}

/// A year (and what kind of relative year) from `this year's`, `last year's`, `of 1990`.
fn explicit_year_after(cx: &Cx, t: &[Tok], i: usize) -> Option<(i32, usize, Anchor)> {
    if is_at(t, i, ",")
        && let Some((y, j)) = year_at(t, i + 1)
    {
        return Some((y, j, Anchor::Absolute));
    }
    if let Some((y, j)) = year_at(t, i) {
        return Some((y, j, Anchor::Absolute));
    }
    if is_at(t, i, "of") {
        if let Some((y, j)) = year_at(t, i + 1) {
            return Some((y, j, Anchor::Absolute));
        }
        let dct = cx.dct?;
        let r = t.get(i + 1)?;
        let d = if r.is("this") {
            0
        } else if r.is("last") {
            -1
        } else if r.is("next") {
            1
        } else {
            return None;
        };
        if is_at(t, i + 2, "year") {
            return Some((dct.year() + d, i + 3, cx.dct_anchor));
        }
    }
    None
}

/// How far from the DCT a yearless day stays in the DCT's year whatever the tense.
const NEAR_DAYS: i64 = 60;

/// Picks the year for a yearless month/day (or other in-year period) at `candidate(y)`:
/// future tense → on or after the DCT, past → on or before, unknown → the nearest. The tense
/// is asked for only when it can matter: a day near the DCT that is also the nearest one is
/// this year's whatever the tense.
fn pick_year(
    cx: &Cx,
    tense: impl FnOnce() -> Tense,
    f: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
) -> Option<i32> {
    let dct = cx.dct?;
    let y = dct.year();
    let (a, b) = f(y)?;
    let dist = |yy: i32| -> i64 {
        f(yy).map_or(i64::MAX, |(a, b)| {
            if dct < a {
                (a - dct).num_days()
            } else if dct > b {
                (dct - b).num_days()
            } else {
                0
            }
        })
    };
    let nearest = || [y, y - 1, y + 1].into_iter().min_by_key(|yy| dist(*yy));
    // Compare by month: `by Jan. 14` in an article of Jan. 5 is this January whatever the
    // tense says.
    let ym = |d: NaiveDate| d.year() * 12 + i32::try_from(d.month()).unwrap_or(0);
    // A single day without a year within two months of the DCT is this year's whatever the
    // tense says: news writes the year of a date further away, and a past-tense verb near
    // `payable Dec. 7` or `effective Nov. 16` is about something else.
    let day = a == b;
    let month = !day && a.year() == b.year() && a.month() == b.month();
    let near = |d: NaiveDate| (d - dct).num_days().abs() <= NEAR_DAYS;
    // Past and future both keep a near day in the DCT's year; unknown and present take the
    // nearest year, which is then the DCT's too.
    if day && near(a) && nearest() == Some(y) {
        return Some(y);
    }
    match tense() {
        Tense::Past if day && near(a) => Some(y),
        Tense::Future if day && near(b) => Some(y),
        // A month right after or before the DCT's keeps its year too: `published in early
        // November` in late October, `in September` in early October.
        Tense::Past if month && ym(a) == ym(dct) + 1 => Some(y),
        Tense::Future if month && ym(b) == ym(dct) - 1 => Some(y),
        Tense::Past if ym(a) > ym(dct) => Some(y - 1),
        Tense::Future if ym(b) < ym(dct) => Some(y + 1),
        Tense::Unknown | Tense::Present => nearest(),
        _ => Some(y),
    }
}

/// A day number joined to the day just tagged: `April 24 and 25`, `March 3 or 4`.
fn coordinated_day(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let (end, d, anchor) = cx.last_day?;
    let x = t.get(k)?;
    if x.digits() > 2 || k == 0 || !t.get(k - 1)?.is_any(&["and", "or"]) {
        return None;
    }
    let gap = cx.text.get(end..x.start)?.trim();
    if !(gap == "and" || gap == "or") {
        return None;
    }
    let (n, j) = day_at(t, k)?;
    // `April 24 and 25 percent`, `24 and 25 May` belong to other parsers.
    if n <= d.day()
        || t.get(j).is_some_and(|z| {
            z.kind == Kind::Word
                && (month_of(z.low()).is_some()
                    || unit_of(z.low()).is_some()
                    || z.is_any(&["percent", "per", "million", "billion", "of"]))
        })
        || t.get(j).is_some_and(|z| z.is_char(b'%'))
    {
        return None;
    }
    let day = ymd(d.year(), d.month(), n)?;
    Some(hit(k, j, TimexType::Date, V::Day(day), anchor))
}

/// Parses `<month> <day>[,] [<year>]`, `<month> <year>`, `<day> <month> [<year>]`, with an
/// optional weekday in front; `k` is the month token.
fn month_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let (m, mut j) = month_at(t, k)?;
    let mut s = k;
    let mut day: Option<u32> = None;
    // Day before the month: `16 January`, `the 16th of January`.
    if k >= 1 {
        let mut p = k - 1;
        if t.get(p).is_some_and(|q| q.is("of")) && p >= 1 {
            p -= 1;
        }
        let mut q = p;
        if t.get(q)
            .is_some_and(|z| z.is_any(&["st", "nd", "rd", "th"]))
            && q >= 1
        {
            q -= 1;
        }
        if let Some((d, _)) = day_at(t, q)
            && (p == k - 1 || q < p)
        {
            day = Some(d);
            s = q;
            if s >= 1 && t.get(s - 1).is_some_and(|z| z.is("the")) && p < k - 1 {
                s -= 1;
            }
        }
    }
    if day.is_none()
        && let Some((d, nj)) = day_at(t, j)
    {
        // `May 5`, not `May 2024` (handled below) or `March 10,000`.
        let next_is_unit = t.get(nj).is_some_and(|n| {
            unit_of(n.low()).is_some() || n.is_any(&["percent", "%", "per", "million", "billion"])
        });
        if !next_is_unit {
            day = Some(d);
            j = nj;
        }
    }
    // Year: `January 16, 2024`, `February 2022`, `May of 1998`.
    let mut year: Option<(i32, Anchor)> = None;
    if let Some((y, nj, a)) = explicit_year_after(cx, t, j) {
        year = Some((y, a));
        j = nj;
    } else if day.is_some()
        && (t.get(j).is_some_and(|z| z.is_char(b'-'))
            && j >= 1
            && adjacent(t, j)
            && adjacent(t, j - 1)
            || is_at(t, j, "to")
            || is_at(t, j, "and"))
        && let Some((_, dj)) = day_at(t, j + 1)
        && let Some((y, _, a)) = explicit_year_after(cx, t, dj)
    {
        // `March 19-20, 2003`, `March 3 to 5, 2009`: the year after the range is the first
        // day's too (the rest of the range is tagged on its own).
        year = Some((y, a));
    }
    // Weekday in front: `Monday, Oct. 26`.
    if s >= 1 {
        let mut p = s - 1;
        if t.get(p).is_some_and(|z| z.is_char(b',')) && p >= 1 {
            p -= 1;
        }
        if let Some((_, wj)) = weekday_at(t, p)
            && (wj == s || wj + 1 == s)
        {
            s = p;
        }
    }
    // Ambiguous words (`may`, `march`) and lowercase names need a date context.
    let bare = day.is_none() && year.is_none();
    // `Jan Kavan`: an abbreviation alone needs its period.
    if bare && month_of(x.low()).is_some_and(|(_, abbr)| abbr) && j == k + 1 {
        return None;
    }
    if bare {
        let ctx = prev_is(
            t,
            s,
            &[
                "in",
                "of",
                "since",
                "until",
                "till",
                "by",
                "last",
                "next",
                "this",
                "early",
                "late",
                "mid",
                "during",
                "before",
                "after",
                "from",
                "through",
                "between",
                "and",
                "to",
                "-",
                "that",
                "each",
                "every",
                "on",
                "for",
                "or",
                "throughout",
                "until",
                "around",
                "into",
                "past",
            ],
        );
        let ambiguous = x.is_any(&["may", "march"]);
        if !x.cap || (ambiguous && !ctx) {
            return None;
        }
        // `May` as a name: `Theresa May`; but `In March,` opens a sentence.
        if ambiguous
            && s >= 1
            && t.get(s - 1).is_some_and(|p| {
                p.cap
                    && p.kind == Kind::Word
                    && !p.is_any(&[
                        "in",
                        "since",
                        "until",
                        "by",
                        "during",
                        "before",
                        "after",
                        "from",
                        "through",
                        "last",
                        "next",
                        "this",
                        "early",
                        "late",
                        "on",
                        "for",
                        "each",
                        "every",
                        "throughout",
                        "around",
                    ])
            })
        {
            return None;
        }
    } else if !x.cap && x.is_any(&["may", "march"]) {
        return None;
    }
    // `each July`, `every March`: a set.
    if bare && s >= 1 && t.get(s - 1).is_some_and(|p| p.is_any(&["each", "every"])) {
        return Some(hit(
            s - 1,
            j,
            TimexType::Set,
            V::Lit(format!("XXXX-{m:02}")),
            Anchor::None,
        ));
    }
    // `last July`, `next March`, `this September`.
    let mut rel = 0i64;
    let mut relword = false;
    if s >= 1
        && day.is_none()
        && year.is_none()
        && let Some(p) = t.get(s - 1)
    {
        if p.is("last") {
            rel = -1;
            relword = true;
        } else if p.is("next") {
            rel = 1;
            relword = true;
        } else if p.is("this") {
            relword = true;
        }
    }
    let sb = if relword { s - 1 } else { s };
    let (sbs, je) = (t.get(sb)?.start, t.get(j.checked_sub(1)?)?.end);
    // Only a yearless date asks for the tense (`pick_year`).
    let tense = || {
        if rel < 0 {
            Tense::Past
        } else if rel > 0 {
            Tense::Future
        } else {
            cx.tense(sbs, je)
        }
    };
    let (v, anchor) = match (day, year) {
        (Some(d), Some((y, a))) => (V::Day(ymd(y, m, d)?), a),
        (None, Some((y, a))) => (V::Month(y, m), a),
        (Some(d), None) => {
            // Reject impossible days before any year is picked (`February 30`).
            ymd(2000, m, d)?;
            if cx.dct.is_none() {
                (V::Lit(format!("XXXX-{m:02}-{d:02}")), Anchor::None)
            } else {
                let y = pick_year(cx, tense, |y| ymd(y, m, d).map(|x| (x, x)))?;
                let date = ymd(y, m, d).or_else(|| ymd(y, m, 28))?;
                (V::Day(date), cx.dct_anchor)
            }
        }
        (None, None) => {
            if cx.dct.is_none() {
                (V::Lit(format!("XXXX-{m:02}")), Anchor::None)
            } else {
                // `last July`: the most recent July before this month, as news uses it.
                let y = pick_year(cx, tense, |y| V::Month(y, m).interval())?;
                (V::Month(y, m), cx.dct_anchor)
            }
        }
    };
    let _ = relword;
    let mut h = hit(sb, j, TimexType::Date, v, anchor);
    // `January 2 this year`
    if matches!(h.v, V::Day(_) | V::Month(..))
        && year.is_none()
        && let (Some(a), Some(b)) = (t.get(j), t.get(j + 1))
        && b.is("year")
        && let Some(dct) = cx.dct
    {
        let dy = if a.is("this") {
            Some(0)
        } else if a.is("last") {
            Some(-1)
        } else if a.is("next") {
            Some(1)
        } else {
            None
        };
        if let Some(dy) = dy {
            let y = dct.year() + dy;
            h.v = match (day, h.v) {
                (Some(d), _) => V::Day(ymd(y, m, d)?),
                (None, _) => V::Month(y, m),
            };
            h.e = j + 2;
        }
    }
    // `the week of March 6`
    if let V::Day(d) = h.v
        && h.s >= 3
        && t.get(h.s - 1).is_some_and(|z| z.is("of"))
        && t.get(h.s - 2).is_some_and(|z| z.is("week"))
        && t.get(h.s - 3).is_some_and(|z| z.is("the"))
    {
        h.v = V::week_of(d);
        h.s -= 3;
        return Some(h);
    }
    Some(time_after(cx, t, h))
}

/// A time of day after a date: `Friday morning`, `Aug. 7 at 10 a.m.` is left separate.
fn time_after(_cx: &Cx, t: &[Tok], mut h: Hit) -> Hit {
    if let V::Day(d) = h.v
        && let Some(p) = t.get(h.e).and_then(|x| part_of_day(x.low()))
    {
        h.v = V::Time(Some(d), p.to_string());
        h.ty = TimexType::Time;
        h.e += 1;
    }
    h
}

fn part_of_day(w: &[u8]) -> Option<&'static str> {
    Some(match w {
        b"morning" => "TMO",
        b"afternoon" => "TAF",
        b"evening" => "TEV",
        b"night" | b"overnight" => "TNI",
        b"noon" | b"midday" => "T12:00",
        b"midnight" => "T24:00",
        _ => return None,
    })
}

/// `Tuesday`, `last Wednesday`, `next Friday`, `Fridays`, `every Tuesday`, `Friday morning`.
fn weekday_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let (wd, j) = weekday_at(t, k)?;
    // `Monday, Oct. 26`: let the month parser take it.
    let mut mj = j;
    if t.get(mj).is_some_and(|z| z.is_char(b',')) {
        mj += 1;
    }
    if month_at(t, mj).is_some()
        && let Some(h) = month_head(cx, t, mj)
        && h.s <= k
    {
        return Some(h);
    }
    if x.low().ends_with(b"s") && !x.low().ends_with(b"'s") {
        // `Fridays`: a set.
        if !x.cap {
            return None;
        }
        return Some(hit(
            k,
            j,
            TimexType::Set,
            V::Lit(format!("XXXX-WXX-{wd}")),
            Anchor::None,
        ));
    }
    // `Tuesday nights`: every Tuesday night; `Monday and Tuesday nights`: both.
    let plural_part = |i: usize| {
        t.get(i)
            .and_then(|z| z.low().strip_suffix(b"s"))
            .and_then(part_of_day)
    };
    let coordinated = t.get(j).is_some_and(|z| z.is_any(&["and", "or"]))
        && weekday_at(t, j + 1).is_some_and(|(_, e)| plural_part(e).is_some());
    if coordinated
        && let Some((_, e)) = weekday_at(t, j + 1)
        && let Some(p) = plural_part(e)
    {
        return Some(hit(
            k,
            j,
            TimexType::Set,
            V::Lit(format!("XXXX-WXX-{wd}{p}")),
            Anchor::None,
        ));
    }
    if let Some(p) = plural_part(j) {
        let s = if k >= 1 && t.get(k - 1).is_some_and(|p| p.is_any(&["every", "each"])) {
            k - 1
        } else {
            k
        };
        return Some(hit(
            s,
            j + 1,
            TimexType::Set,
            V::Lit(format!("XXXX-WXX-{wd}{p}")),
            Anchor::None,
        ));
    }
    if k >= 1 && t.get(k - 1).is_some_and(|p| p.is_any(&["every", "each"])) {
        // `every Friday evening`
        let (e, p) = match t.get(j).and_then(|z| part_of_day(z.low())) {
            Some(p) => (j + 1, p),
            None => (j, ""),
        };
        return Some(hit(
            k - 1,
            e,
            TimexType::Set,
            V::Lit(format!("XXXX-WXX-{wd}{p}")),
            Anchor::None,
        ));
    }
    if !x.cap && x.low().len() <= 4 {
        return None;
    }
    // `Good Friday`, `Easter Monday`, `Black Friday`: named days, not the week's.
    if x.cap
        && k >= 1
        && let Some(p) = t.get(k - 1).filter(|p| p.cap && p.kind == Kind::Word)
    {
        let from_easter = match (p.low(), wd) {
            (b"good", 5) => Some(-2),
            (b"holy" | b"maundy", 4) => Some(-3),
            (b"palm", 7) => Some(-7),
            (b"ash", 3) => Some(-46),
            (b"easter", 1) => Some(1),
            (b"easter", 7) => Some(0),
            _ => None,
        };
        let from_thanksgiving = match (p.low(), wd) {
            (b"black", 5) => Some(1),
            (b"cyber", 1) => Some(4),
            _ => None,
        };
        let f = |y: i32| -> Option<NaiveDate> {
            if let Some(n) = from_easter {
                return add_days(easter(y)?, n);
            }
            let nov1 = ymd(y, 11, 1)?;
            let first_thu = (4 + 7 - i64::from(weekday_num(nov1))) % 7;
            add_days(nov1, first_thu + 21 + from_thanksgiving?)
        };
        if from_easter.is_some() || from_thanksgiving.is_some() {
            if let Some((y, nj, a)) = explicit_year_after(cx, t, j) {
                return Some(hit(k - 1, nj, TimexType::Date, V::Day(f(y)?), a));
            }
            let y = pick_year(cx, || cx.tense(p.start, x.end), |y| f(y).map(|d| (d, d)))?;
            return Some(hit(k - 1, j, TimexType::Date, V::Day(f(y)?), cx.dct_anchor));
        }
        // `Black Monday`, `Super Tuesday`, `Bloody Sunday`: a day of some other year.
        if p.is_any(&["black", "super", "bloody", "blue", "manic", "giving"]) {
            return None;
        }
    }
    let mut s = k;
    let mut rel: Option<i64> = None;
    if k >= 1
        && let Some(p) = t.get(k - 1)
    {
        if p.is("last") || p.is("past") {
            rel = Some(-1);
            s = k - 1;
        } else if p.is("next") || p.is("coming") {
            rel = Some(1);
            s = k - 1;
            if k >= 2 && t.get(k - 2).is_some_and(|q| q.is("this")) {
                s = k - 2;
            }
        } else if p.is("this") {
            rel = Some(0);
            s = k - 1;
        } else if p.is_any(&["previous", "preceding", "following"]) {
            // `the previous Friday`, `the following Monday`: counted from the day the story
            // last mentioned.
            rel = Some(if p.is("following") { 2 } else { -2 });
            s = if k >= 2 && t.get(k - 2).is_some_and(|q| q.is("the")) {
                k - 2
            } else {
                k - 1
            };
        }
    }
    if let Some(r @ (-2 | 2)) = rel {
        let (base, anchor) = cx.ref_day()?;
        let bw = i64::from(weekday_num(base));
        let w = i64::from(wd);
        let delta = if r < 0 {
            -(bw - w - 1).rem_euclid(7) - 1
        } else {
            (w - bw - 1).rem_euclid(7) + 1
        };
        let h = hit(
            s,
            j,
            TimexType::Date,
            V::Day(add_days(base, delta)?),
            anchor,
        );
        return Some(weekday_time(t, h));
    }
    let Some(dct) = cx.dct else {
        let h = hit(
            s,
            j,
            TimexType::Date,
            V::Lit("XXXX-XX-XX".into()),
            Anchor::None,
        );
        return Some(weekday_time(t, h));
    };
    let dw = i64::from(weekday_num(dct));
    let w = i64::from(wd);
    let back = (dw - w).rem_euclid(7); // days back to the most recent such day (0 = today)
    let fwd = (w - dw).rem_euclid(7);
    let delta = match rel {
        Some(-1) => {
            if back == 0 {
                -7
            } else {
                -back
            }
        }
        Some(1) => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        _ => {
            let st = t.get(s)?.start;
            let en = t.get(j.checked_sub(1)?)?.end;
            // `Wednesday's ruling`, `Thursday's closing price`: a day named for what happened
            // on it; the verb of the sentence is about something else, so the most recent
            // such day.
            let possessive = x.low().ends_with(b"'s") || t.get(k + 1).is_some_and(|z| z.is("'s"));
            // The DCT's own weekday is the DCT whatever the tense.
            let tense = if possessive || back == 0 {
                Tense::Unknown
            } else {
                cx.tense(st, en)
            };
            match tense {
                Tense::Future => fwd,
                Tense::Past => -back,
                Tense::Present => {
                    if fwd <= back {
                        fwd
                    } else {
                        -back
                    }
                }
                Tense::Unknown => {
                    if rel == Some(0) {
                        if fwd <= back { fwd } else { -back }
                    } else {
                        -back
                    }
                }
            }
        }
    };
    let d = add_days(dct, delta)?;
    let h = hit(s, j, TimexType::Date, V::Day(d), cx.dct_anchor);
    Some(weekday_time(t, h))
}

fn weekday_time(t: &[Tok], mut h: Hit) -> Hit {
    if let Some(p) = t.get(h.e).and_then(|x| part_of_day(x.low())) {
        h.v = match h.v {
            V::Day(d) => V::Time(Some(d), p.to_string()),
            _ => V::Time(None, p.to_string()),
        };
        // The TimeML guidelines (and TimeBank, MEANTIME) type a part of a day, `Friday
        // night`, as a TIME like a clock time.
        h.ty = TimexType::Time;
        h.e += 1;
    }
    h
}

const NOT_YEAR_BEFORE: &[&str] = &[
    "©",
    "copyright",
    "$",
    "#",
    "€",
    "£",
    "no",
    "nos",
    "number",
    "flight",
    "route",
    "room",
    "page",
    "pages",
    "chapter",
    "section",
    "article",
    "resolution",
    "resolutions",
    "code",
    "highway",
    "interstate",
    "model",
    "version",
    "windows",
    "office",
    "rule",
    "paragraph",
    "item",
    "box",
    "suite",
    "apartment",
    "channel",
    "bus",
    "line",
    "platform",
    "gate",
    "unit",
    "lot",
    "tel",
    "fax",
    "phone",
    "exit",
    "dow",
    "index",
    "nasdaq",
    "at",
    "s&p",
    "about",
    "some",
    "nearly",
    "over",
    "than",
    "approximately",
    "almost",
    "only",
    "just",
    "another",
    "additional",
    "to",
];

const YEAR_BEFORE: &[&str] = &[
    "in", "of", "since", "by", "until", "till", "from", "through", "during", "before", "after",
    "the", "for", "between", "and", "or", "early", "late", "mid", "fiscal", "year", "circa", "its",
    "their", "his", "her", "this", "a", "an", "spring", "summer", "autumn", "fall", "winter", "-",
    "(", "around", "on", "as", "that", "than", "'s", "whose", "our",
];

/// Digits: ISO dates, times, years, decades, centuries, `16 January`, and quantities of units.
fn number_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    if x.grouped {
        // `10,000 years`, `1.5 hours`: only as a quantity of a unit.
        return unit_after_quantity(cx, t, k);
    }
    let n = x.num()?;
    let prev = if k >= 1 { t.get(k - 1) } else { None };
    if prev.is_some_and(|p| p.is_any(&["$", "€", "£", "#"]) && p.end == x.start) {
        return None;
    }
    // `April 24 and 25`: the second day of the month just named.
    if let Some(h) = coordinated_day(cx, t, k) {
        return Some(h);
    }
    // ISO date `2024-01-16` or `2024/01/16`.
    if x.digits() == 4
        && let (Some(a), Some(mo), Some(b), Some(da)) =
            (t.get(k + 1), t.get(k + 2), t.get(k + 3), t.get(k + 4))
        && (a.is_char(b'-') || a.is_char(b'/'))
        && a.low() == b.low()
        && adjacent(t, k)
        && adjacent(t, k + 1)
        && adjacent(t, k + 2)
        && adjacent(t, k + 3)
        && mo.digits() == 2
        && da.digits() == 2
    {
        let y = i32::try_from(n).ok()?;
        let d = ymd(y, mo.num()?, da.num()?)?;
        let mut h = hit(k, k + 5, TimexType::Date, V::Day(d), Anchor::Absolute);
        // `2024-01-16T14:00`
        if let (Some(tt), Some(mm)) = (t.get(k + 5), t.get(k + 7))
            && adjacent(t, k + 4)
            && tt.low().first() == Some(&b't')
            && t.get(k + 6).is_some_and(|c| c.is_char(b':'))
            && mm.digits() == 2
        {
            let hh = tt.low().get(1..).unwrap_or(&[]);
            if hh.len() == 2 && hh.iter().all(u8::is_ascii_digit) {
                let hs = std::str::from_utf8(hh).unwrap_or("00");
                h.v = V::Time(Some(d), format!("T{hs}:{:02}", mm.num()?));
                h.ty = TimexType::Time;
                h.e = k + 8;
            }
        }
        return Some(h);
    }
    // `03/15/2013`, `7/8/07`: month first (as US news writes it) unless the first number
    // cannot be a month.
    if x.digits() <= 2
        && !(k >= 1
            && t.get(k - 1)
                .is_some_and(|p| p.is_char(b'/') && adjacent(t, k - 1)))
        && let (Some(s1), Some(b), Some(s2), Some(c)) =
            (t.get(k + 1), t.get(k + 2), t.get(k + 3), t.get(k + 4))
        && s1.is_char(b'/')
        && s2.is_char(b'/')
        && (1..=2).contains(&b.digits())
        && (c.digits() == 4 || c.digits() == 2)
        && (k..k + 4).all(|i| adjacent(t, i))
        && !t
            .get(k + 5)
            .is_some_and(|z| (z.is_char(b'/') || z.kind == Kind::Num) && adjacent(t, k + 4))
    {
        let (a, bn, cn) = (n, b.num()?, c.num()?);
        let y = if c.digits() == 2 {
            let v = i32::try_from(cn).ok()?;
            if v >= 50 { 1900 + v } else { 2000 + v }
        } else {
            i32::try_from(cn).ok()?
        };
        let (m, d) = if a > 12 { (bn, a) } else { (a, bn) };
        let date = ymd(y, m, d)?;
        return Some(hit(
            k,
            k + 5,
            TimexType::Date,
            V::Day(date),
            Anchor::Absolute,
        ));
    }
    // `0800 GMT`: a wire service's clock time.
    if x.digits() == 4
        && n % 100 < 60
        && n / 100 < 24
        && t.get(k + 1)
            .is_some_and(|z| z.cap && z.is_any(&["gmt", "utc"]))
    {
        let (date, anchor) = match cx.ref_day() {
            Some((d, a)) => (Some(d), a),
            None => (None, Anchor::None),
        };
        let tod = format!("T{:02}:{:02}Z", n / 100, n % 100);
        return Some(hit(k, k + 2, TimexType::Time, V::Time(date, tod), anchor));
    }
    // Time of day.
    if let Some(h) = clock_time(cx, t, k) {
        return Some(h);
    }
    // `16 January`, `16th of January`
    let mut j = k + 1;
    if t.get(j)
        .is_some_and(|z| z.is_any(&["st", "nd", "rd", "th"]) && adjacent(t, k))
    {
        j += 1;
    }
    if t.get(j).is_some_and(|z| z.is("of")) {
        j += 1;
    }
    if x.digits() <= 2
        && month_at(t, j).is_some()
        && let Some(h) = month_head(cx, t, j)
        && h.s <= k
    {
        return Some(h);
    }
    // Centuries: `the 20th century`, `the 19th and 20th centuries`.
    if x.digits() <= 2
        && t.get(k + 1)
            .is_some_and(|z| z.is_any(&["st", "nd", "rd", "th"]))
        && t.get(k + 2)
            .is_some_and(|z| z.is_any(&["century", "centuries"]))
        && (1..=40).contains(&n)
    {
        let s = if prev.is_some_and(|p| p.is("the")) {
            k - 1
        } else {
            k
        };
        let c = i32::try_from(n).ok()? - 1;
        return Some(hit(
            s,
            k + 3,
            TimexType::Date,
            V::Century(c),
            Anchor::Absolute,
        ));
    }
    // Decades: `1990s`, `the 1990s`, `the '90s`.
    if x.digits() == 4
        && n % 10 == 0
        && t.get(k + 1).is_some_and(|z| z.is("s") && adjacent(t, k))
        && (1000..=2990).contains(&n)
    {
        let mut s = k;
        if prev.is_some_and(|p| p.is("the")) {
            s = k - 1;
        }
        let d = i32::try_from(n / 10).ok()?;
        return Some(hit(
            s,
            k + 2,
            TimexType::Date,
            V::Decade(d),
            Anchor::Absolute,
        ));
    }
    // `the 70s and 80s`: without the apostrophe only after `the` (`in their 70s` is an age)
    // or joined to such a decade.
    let short_decade = |i: usize| {
        t.get(i).is_some_and(|z| z.digits() == 2)
            && t.get(i + 1).is_some_and(|z| z.is("s") && adjacent(t, i))
            && i >= 1
            && t.get(i - 1).is_some_and(|p| p.is("the"))
    };
    // The first decade may lie before the window (already tagged): read the text.
    let joined = prev.is_some_and(|p| {
        p.is_any(&["and", "or", "to"])
            && cx.text.get(..p.start).is_some_and(|b| {
                let b = b.trim_end().as_bytes();
                let n = b.len();
                n >= 7
                    && b.get(n - 3..n - 1)
                        .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                    && b.get(n - 1) == Some(&b's')
                    && b.get(..n - 3).is_some_and(|h| {
                        let h = h.strip_suffix(b"'").unwrap_or(h).to_ascii_lowercase();
                        h.ends_with(b" the ") || h == b"the "
                    })
            })
    });
    if x.digits() == 2
        && n % 10 == 0
        && t.get(k + 1).is_some_and(|z| z.is("s") && adjacent(t, k))
        && (prev.is_some_and(|p| p.is_char(b'\'') && p.end == x.start) || short_decade(k) || joined)
    {
        let mut s = if prev.is_some_and(|p| p.is_char(b'\'')) {
            k - 1
        } else {
            k
        };
        if s >= 1 && t.get(s - 1).is_some_and(|p| p.is("the")) {
            s -= 1;
        }
        let c = if n >= 30 { 190 } else { 200 };
        let d = c + i32::try_from(n / 10).ok()?;
        return Some(hit(
            s,
            k + 2,
            TimexType::Date,
            V::Decade(d),
            Anchor::Absolute,
        ));
    }
    // Quantities of units: `three years`, `16-hour`.
    if let Some(h) = unit_after_quantity(cx, t, k) {
        return Some(h);
    }
    // Years.
    if x.digits() == 4 && (1000..=2100).contains(&n) {
        return year_head(cx, t, k);
    }
    // `'98`
    if x.digits() == 2
        && prev.is_some_and(|p| p.is_char(b'\'') && p.end == x.start)
        && let Some((y, _)) = year_at(t, k - 1)
    {
        let before = if k >= 2 { t.get(k - 2) } else { None };
        if before.is_some_and(|b| {
            b.is_any(&["in", "since", "of", "the", "until", "by"]) || month_of(b.low()).is_some()
        }) {
            return Some(hit(
                k - 1,
                k + 1,
                TimexType::Date,
                V::Year(y),
                Anchor::Absolute,
            ));
        }
    }
    None
}

fn year_head(_cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let y = i32::try_from(x.num()?).ok()?;
    let prev = if k >= 1 { t.get(k - 1) } else { None };
    let next = t.get(k + 1);
    if prev.is_some_and(|p| p.is_any(NOT_YEAR_BEFORE) && !p.is("to")) {
        // `about 2000 troops` is a quantity; `about 2000.` is still odd: skip both.
        if !prev.is_some_and(|p| p.is_any(&["over", "than", "at", "about", "around", "some"]))
            || next.is_some_and(|n| n.kind == Kind::Word && !n.cap)
        {
            return None;
        }
    }
    if let Some(nx) = next {
        if nx.is_char(b'%') || nx.is_any(&["percent", "per", "pct"]) {
            return None;
        }
        if (nx.is_char(b':') || nx.is_char(b'/') || nx.is_char(b'.') || nx.is_char(b'-'))
            && adjacent(t, k)
            && t.get(k + 2)
                .is_some_and(|z| z.kind == Kind::Num && adjacent(t, k + 1))
        {
            // `1998-99` seasons are fine; times and ratios are not.
            if !(nx.is_char(b'-')
                && t.get(k + 2)
                    .is_some_and(|z| z.digits() == 2 || z.digits() == 4))
            {
                return None;
            }
        }
        // `2000 troops`: a lowercase noun after the number, with no date word before.
        let word_after = nx.kind == Kind::Word && !nx.cap;
        let date_before = prev
            .is_some_and(|p| p.is_any(YEAR_BEFORE) || month_of(p.low()).is_some())
            || period_code_before(t, k, y).is_some();
        if word_after
            && !date_before
            && !nx.is_any(&[
                "and",
                "or",
                "to",
                "when",
                "while",
                "as",
                "after",
                "before",
                "in",
                "on",
                "at",
                "until",
                "through",
                "but",
                "with",
                "that",
                "the",
                "was",
                "is",
                "were",
                "will",
                "saw",
                "had",
                "has",
                "marked",
                "election",
                "elections",
                "presidential",
                "budget",
                "census",
                "olympics",
                "world",
                "season",
                "levels",
                "level",
                "figures",
                "war",
                "report",
                "law",
                "agreement",
                "accord",
                "deal",
                "summit",
                "vote",
                "campaign",
                "crisis",
                "attack",
                "attacks",
                "treaty",
                "by",
                "from",
                "for",
                "compared",
            ])
        {
            return None;
        }
    }
    if y < 1900
        && !prev.is_some_and(|p| {
            p.is_any(YEAR_BEFORE)
                && !p.is_any(&[
                    "a", "an", "the", "-", "(", "its", "their", "his", "her", "our", "this",
                    "that", "as", "than",
                ])
        })
    {
        return None;
    }
    let mut s = k;
    let mut v = V::Year(y);
    let mut ty = TimexType::Date;
    if prev.is_some_and(|p| p.is("fiscal")) {
        s = k - 1;
        if k >= 2 && t.get(k - 2).is_some_and(|p| p.is("the")) {
            s = k - 2;
        }
    } else if prev.is_some_and(|p| p.is("year"))
        && k >= 2
        && t.get(k - 2).is_some_and(|p| p.is("fiscal"))
    {
        s = k - 2;
    }
    // `summer 2023`
    if let Some(se) = (s >= 1)
        .then(|| t.get(s - 1))
        .flatten()
        .and_then(|p| season_of(p.low()))
        && t.get(s - 1).is_some_and(|p| p.cap || !p.is("fall"))
    {
        s -= 1;
        v = V::Season(y, se);
    }
    // `Q1 2024`, `1Q 2024`, `H1 2024`
    if let Some((i, pv)) = period_code_before(t, s, y) {
        s = i;
        v = pv;
    }
    let _ = &mut ty;
    Some(hit(s, k + 1, ty, v, Anchor::Absolute))
}

/// A quarter or half code just before token `s` (`Q1`, `1Q`, `H2`, split or not by the
/// tokenizer): where it starts and the period of year `y` it names.
fn period_code_before(t: &[Tok], s: usize, y: i32) -> Option<(usize, V)> {
    let p = t.get(s.checked_sub(1)?)?;
    if let Some(q) = quarter_code(p.low()) {
        return Some((s - 1, V::Quarter(y, q)));
    }
    if let Some(h) = half_code(p.low()) {
        return Some((s - 1, V::Half(y, h)));
    }
    let a = t.get(s.checked_sub(2)?)?;
    if !adjacent(t, s - 2) {
        return None;
    }
    let n = p.num().or_else(|| a.num())?;
    let letter = if p.kind == Kind::Num { a } else { p };
    match letter.low() {
        b"q" if (1..=4).contains(&n) => Some((s - 2, V::Quarter(y, n))),
        b"h" if (1..=2).contains(&n) => Some((s - 2, V::Half(y, n))),
        _ => None,
    }
}

fn half_code(w: &[u8]) -> Option<u32> {
    match w {
        b"h1" | b"1h" => Some(1),
        b"h2" | b"2h" => Some(2),
        _ => None,
    }
}

fn quarter_code(w: &[u8]) -> Option<u32> {
    match w {
        b"q1" | b"1q" => Some(1),
        b"q2" | b"2q" => Some(2),
        b"q3" | b"3q" => Some(3),
        b"q4" | b"4q" => Some(4),
        _ => None,
    }
}

fn season_of(w: &[u8]) -> Option<Season> {
    match w {
        b"spring" => Some(Season::Spring),
        b"summer" => Some(Season::Summer),
        b"fall" | b"autumn" => Some(Season::Fall),
        b"winter" => Some(Season::Winter),
        _ => None,
    }
}

/// `10 a.m.`, `10:35`, `10:35 p.m. EDT`, `4 in the morning`, `9 a.m. Tuesday`.
fn clock_time(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let h = x.num()?;
    if x.digits() > 2 || h > 24 {
        return None;
    }
    let mut j = k + 1;
    let mut min = 0u32;
    let mut has_min = false;
    if t.get(j).is_some_and(|c| c.is_char(b':'))
        && adjacent(t, k)
        && let Some(mm) = t.get(j + 1)
        && mm.digits() == 2
        && adjacent(t, j)
    {
        min = mm.num()?;
        if min > 59 {
            return None;
        }
        has_min = true;
        j += 2;
        // Not a ratio or score: `10:35:20`? allow seconds, skip them.
        if t.get(j).is_some_and(|c| c.is_char(b':'))
            && adjacent(t, j - 1)
            && t.get(j + 1).is_some_and(|z| z.digits() == 2)
        {
            j += 2;
        }
    }
    // a.m. / p.m. / am / pm
    let mut pm: Option<bool> = None;
    if let Some(a) = t.get(j) {
        let l = a.low();
        if l == b"am" || l == b"pm" {
            pm = Some(l == b"pm");
            j += 1;
            j = skip_dot(t, j);
        } else if (l == b"a" || l == b"p")
            && t.get(j + 1).is_some_and(|d| d.is_char(b'.'))
            && t.get(j + 2).is_some_and(|m| m.is("m"))
        {
            pm = Some(l == b"p");
            j += 3;
            if t.get(j).is_some_and(|d| d.is_char(b'.')) && adjacent(t, j - 1) {
                j += 1;
            }
        } else if l == b"o'clock" {
            j += 1;
            pm = None;
            has_min = true;
        }
    }
    if pm.is_none() && !has_min {
        // `4 in the morning`
        if is_at(t, j, "in")
            && is_at(t, j + 1, "the")
            && let Some(p) = t.get(j + 2).map(Tok::low)
        {
            if p == b"morning" {
                pm = Some(false);
                j += 3;
            } else if p == b"afternoon" || p == b"evening" {
                pm = Some(true);
                j += 3;
            }
        }
        pm?;
    }
    if pm.is_none() && has_min && !t.get(k + 1).is_some_and(|c| c.is_char(b':')) {
        return None;
    }
    let mut hour = h;
    if pm == Some(true) && hour < 12 {
        hour += 12;
    }
    if pm == Some(false) && hour == 12 {
        hour = 0;
    }
    if hour > 24 || (pm.is_some() && h > 12) {
        return None;
    }
    // Time zone: UTC is written `Z`.
    let utc = t.get(j).is_some_and(|z| z.is_any(&["utc", "gmt"]) && z.cap);
    if t.get(j).is_some_and(|z| {
        z.is_any(&[
            "edt", "est", "gmt", "utc", "pst", "pdt", "cst", "cdt", "bst", "cet", "cest", "et",
            "pt", "kst", "jst", "msk",
        ]) && z.cap
    }) {
        j += 1;
    }
    let tod = format!("T{hour:02}:{min:02}{}", if utc { "Z" } else { "" });
    // The date: a weekday or `yesterday` after or before, else the day the story last
    // mentioned, else the DCT.
    let (mut date, mut anchor) = match cx.ref_day() {
        Some((d, a)) => (Some(d), a),
        None => (None, Anchor::None),
    };
    let mut s = k;
    if let Some(z) = t.get(j) {
        if z.is("today") || z.is("tonight") {
            j += 1;
        } else if z.is("yesterday") {
            date = cx.dct.and_then(|d| add_days(d, -1));
            j += 1;
        } else if z.is("tomorrow") {
            date = cx.dct.and_then(|d| add_days(d, 1));
            j += 1;
        } else if weekday_at(t, j).is_some()
            && let Some(wh) = weekday_head(cx, t, j)
        {
            if let V::Day(d) = wh.v {
                date = Some(d);
                anchor = wh.anchor;
            }
            j = wh.e;
        } else {
            // `5 p.m. EST Nov. 9`, `5 p.m. EST, Nov. 6`: the day follows.
            let m = if z.is_char(b',') { j + 1 } else { j };
            if month_at(t, m).is_some()
                && let Some(mh) = month_head(cx, t, m)
                && mh.s == m
                && let V::Day(d) = mh.v
            {
                date = Some(d);
                anchor = mh.anchor;
                j = mh.e;
            }
        }
    }
    let _ = &mut s;
    if date.is_none() {
        anchor = Anchor::None;
    }
    Some(hit(s, j, TimexType::Time, V::Time(date, tod), anchor))
}

/// A quantity starting at `k` followed by a unit: delegate to the unit parser.
fn unit_after_quantity(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    for j in k + 1..(k + 5).min(t.len()) {
        let z = t.get(j)?;
        if unit_of(z.low()).is_some() {
            let h = unit_head(cx, t, j)?;
            return (h.s <= k).then_some(h);
        }
        if (ordinal_word(z.low()).is_some() || z.is("fiscal"))
            && t.get(j + 1).is_some_and(|q| q.is_any(&["quarter", "half"]))
        {
            continue;
        }
        if !(z.kind == Kind::Num
            || z.is_char(b'/')
            || z.is_char(b'-')
            || z.is("more")
            || z.is("and")
            || z.is("a")
            || z.is("half")
            || number_word(z.low()).is_some())
        {
            return None;
        }
    }
    None
}

/// Unit nouns: durations, `N units ago`, `last week`, `the past three years`, `the third
/// quarter`, `the weekend`, `every day`...
#[allow(clippy::too_many_lines)]
/// `last year`, `a year ago`, `of the previous year` after `the same month`: the index
/// after the phrase.
fn year_back_suffix(t: &[Tok], j: usize) -> Option<usize> {
    let at = |i: usize, w: &str| is_at(t, i, w);
    let mut i = j;
    if at(i, "of") || at(i, "in") {
        i += 1;
    }
    if at(i, "last") && at(i + 1, "year") {
        return Some(i + 2);
    }
    if at(i, "the") && at(i + 1, "previous") && at(i + 2, "year") {
        return Some(i + 3);
    }
    if at(i, "the") && at(i + 1, "last") && at(i + 2, "year") {
        return Some(i + 3);
    }
    if i == j
        && at(i, "a")
        && at(i + 1, "year")
        && t.get(i + 2)
            .is_some_and(|z| z.is_any(&["ago", "earlier", "before", "previously"]))
    {
        return Some(i + 3);
    }
    if i == j && at(i, "the") && at(i + 1, "year") && at(i + 2, "before") {
        return Some(i + 3);
    }
    None
}

/// The same period one year earlier.
fn year_earlier(v: &V) -> Option<V> {
    Some(match v {
        V::Day(d) => V::Day(add_months(*d, -12)?),
        V::Week(y, w) => V::Week(y - 1, *w),
        V::Month(y, m) => V::Month(y - 1, *m),
        V::Quarter(y, q) => V::Quarter(y - 1, *q),
        V::Half(y, h) => V::Half(y - 1, *h),
        V::Season(y, s) => V::Season(y - 1, *s),
        V::Year(y) => V::Year(y - 1),
        _ => return None,
    })
}

/// `the same month last year`, `the same period a year ago`: the period the story is about
/// (of unit `u`, or any for `period`), a year earlier; `ss..j` is `the same <unit>`.
fn same_period_year_back(cx: &Cx, t: &[Tok], ss: usize, j: usize, u: Option<Unit>) -> Option<Hit> {
    let e = year_back_suffix(t, j)?;
    let dct = cx.dct?;
    let (last, anchor) = match &cx.last {
        Some(Ref { v, anchor }) => (Some(v), *anchor),
        None => (None, cx.dct_anchor),
    };
    let v = match (u, last) {
        // `the quarter ended Sept. 30 ... the corresponding period last year`: a period is
        // the quarter under discussion, not the day that closed it.
        (None, Some(V::Day(_))) if cx.last_quarter.is_some() => {
            cx.last_quarter.as_ref().map(|r| r.v.clone())?
        }
        (None, Some(v)) => v.clone(),
        (Some(Unit::Month), Some(V::Month(y, m))) => V::Month(*y, *m),
        (Some(Unit::Month), Some(V::Day(d))) => V::Month(d.year(), d.month()),
        (Some(Unit::Quarter), _) => match &cx.last_quarter {
            Some(Ref {
                v: v @ V::Quarter(..),
                ..
            }) => v.clone(),
            _ => offset(dct, Unit::Quarter, -1)?,
        },
        (Some(Unit::Day), Some(V::Day(d))) => V::Day(*d),
        (Some(Unit::Week), Some(V::Day(d))) => V::week_of(*d),
        (Some(u), _) => period_of(dct, u),
        (None, None) => return None,
    };
    Some(hit(ss, e, TimexType::Date, year_earlier(&v)?, anchor))
}

/// Words between a quantity and its unit: `two more weeks`, `six straight days`.
const UNIT_ADJECTIVES: &[&str] = &[
    "more",
    "straight",
    "consecutive",
    "successive",
    "trading",
    "business",
    "working",
    "additional",
    "further",
    "full",
    "extra",
];

fn unit_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    if x.is("half") {
        return half_head(cx, t, k);
    }
    let (u, plural) = unit_of(x.low())?;
    let mut j = k + 1;
    // `this year's third quarter`: the quarter parser takes it.
    if u == Unit::Year
        && is_at(t, j, "'s")
        && t.get(j + 1)
            .is_some_and(|z| ordinal_word(z.low()).is_some())
        && t.get(j + 2).is_some_and(|z| z.is_any(&["quarter", "half"]))
        && let Some(h) = unit_head(cx, t, j + 2).filter(|h| h.s <= k)
    {
        return Some(h);
    }
    // Hyphenated adjective: `two-year`, `16-hour`, `day-long`.
    let hyphen_before =
        k >= 1 && t.get(k - 1).is_some_and(|p| p.is_char(b'-')) && adjacent(t, k - 1);
    // `-old`: ages are not time expressions.
    if t.get(j).is_some_and(|z| z.is_char(b'-')) && adjacent(t, k) {
        if t.get(j + 1).is_some_and(|z| z.is("old")) {
            return None;
        }
        if t.get(j + 1).is_some_and(|z| z.is("long")) && !hyphen_before {
            j += 2;
            // `day-long`, `decades-long`: a duration of one (or some) of the unit.
            let n = if plural { None } else { Some(1.0) };
            let s0 = if k >= 1
                && t.get(k - 1)
                    .is_some_and(|z| z.kind == Kind::Num || number_word(z.low()).is_some())
            {
                k - 1
            } else {
                k
            };
            return Some(hit(
                s0,
                j,
                TimexType::Duration,
                V::Lit(duration(n, u)),
                Anchor::None,
            ));
        }
    }
    if t.get(j).is_some_and(|z| z.is("old")) {
        return None;
    }
    let mut s = k;
    // Quantity.
    let qend = if hyphen_before { k - 1 } else { k };
    let mut qty: Option<Option<f64>> = None;
    let mut q_start = qend;
    if let Some((q, qs)) = quantity_before(t, qend)
        && !(hyphen_before
            && qs + 1 < qend
            && t.get(qs..qend)
                .is_some_and(|r| r.iter().any(|z| z.start != z.end && z.is_char(b' '))))
    {
        qty = Some(q);
        q_start = qs;
    }
    // `two more weeks`, `six straight days`, `eight trading days`, `an additional year`
    if qty.is_none()
        && qend >= 2
        && t.get(qend - 1).is_some_and(|z| z.is_any(UNIT_ADJECTIVES))
        && let Some((q, qs)) = quantity_before(t, qend - 1)
    {
        qty = Some(q);
        q_start = qs;
    }
    // `a` is only a quantity for singular units.
    if let Some(Some(q)) = qty
        && plural
        && (q - 1.0).abs() < 1e-9
        && t.get(q_start).is_some_and(|z| z.is("a") || z.is("an"))
    {
        qty = None;
        q_start = qend;
    }
    // A singular unit takes only `a`/`one` (`the 1988 quarter` is a year, not 1988
    // quarters), except in adjectives (`16-hour`).
    if let Some(Some(q)) = qty
        && !plural
        && !hyphen_before
        && q >= 1000.0
        && (q.fract() == 0.0)
    {
        qty = None;
        q_start = qend;
    }
    if qty.is_some() {
        s = q_start;
    }
    // `a minute and a half`, `a year and a half`
    if let Some(Some(n)) = qty
        && is_at(t, j, "and")
        && t.get(j + 1).is_some_and(|z| z.is("a"))
        && is_at(t, j + 2, "half")
    {
        qty = Some(Some(n + 0.5));
        j += 3;
    }
    let before = |i: usize| -> Option<&Tok> { if i >= 1 { t.get(i - 1) } else { None } };
    // `three-quarters of`, `60 Minutes` (a title): not time expressions.
    // `two consecutive quarters of growth` is time: an adjective stands between.
    // `about a quarter, of its dealers`; `the quarter-to-quarter comparison`.
    if (qty.is_some()
        && u == Unit::Quarter
        && q_start + 1 >= qend
        && (hyphen_before
            || is_at(t, j, "of")
            || (t.get(j).is_some_and(|z| z.is_char(b',')) && is_at(t, j + 1, "of"))))
        || (t.get(j).is_some_and(|z| z.is_char(b'-')) && is_at(t, j + 1, "to"))
    {
        return None;
    }
    if qty.is_some() && x.cap && t.get(s).is_some_and(|z| z.kind == Kind::Num) {
        return None;
    }
    // `for a second consecutive day`, `the fourth straight week`, `a third week in a row`:
    // the story's day (week...) that extends the run.
    if qty.is_none()
        && !plural
        && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
        && let Some(dct) = cx.dct
    {
        let adj = before(k).is_some_and(|z| z.is_any(&["straight", "consecutive", "successive"]));
        let oi = if adj {
            k.checked_sub(2)
        } else {
            k.checked_sub(1)
        };
        let in_a_row = is_at(t, j, "in") && is_at(t, j + 1, "a") && is_at(t, j + 2, "row");
        if (adj || in_a_row)
            && let Some(oi) = oi
            && t.get(oi).is_some_and(|z| {
                ordinal_word(z.low()).is_some_and(|o| o >= 2) && z.kind == Kind::Word
            })
        {
            let ss = if oi >= 1 && t.get(oi - 1).is_some_and(|z| z.is_any(&["a", "the"])) {
                oi - 1
            } else {
                oi
            };
            let (d, a) = cx.ref_day().unwrap_or((dct, cx.dct_anchor));
            return Some(hit(ss, j, TimexType::Date, period_of(d, u), a));
        }
    }
    let rel_word = before(s).map(Tok::low).unwrap_or(&[]);
    let ordinal = before(s).and_then(|z| ordinal_word(z.low()));
    // SET: `every day`, `each year`, `per year`, `twice a week`.
    if matches!(rel_word, b"every" | b"each" | b"per") {
        let v = if qty.is_none() {
            duration(Some(1.0), u)
        } else {
            duration(qty.flatten(), u)
        };
        return Some(hit(s - 1, j, TimexType::Set, V::Lit(v), Anchor::None));
    }
    if !plural
        && qty == Some(Some(1.0))
        && t.get(q_start).is_some_and(|z| z.is("a") || z.is("an"))
        && !t
            .get(j)
            .is_some_and(|z| z.is_any(&["ago", "earlier", "later", "before", "after", "or"]))
        && (before(q_start).is_some_and(|z| {
            z.is_any(&[
                "twice", "once", "times", "thrice", "million", "billion", "trillion", "percent",
                "%", "cents", "dollars", "euros", "pounds", "yen", "tons", "barrels",
            ]) || z.kind == Kind::Num
        }) || (q_start == 0
            && t.get(q_start)
                .is_some_and(|z| number_just_before(cx.text, z.start))))
    {
        return Some(hit(
            q_start,
            j,
            TimexType::Set,
            V::Lit(duration(Some(1.0), u)),
            Anchor::None,
        ));
    }
    let Some(dct) = cx.dct else {
        return unit_without_dct(t, k, j, s, u, plural, qty);
    };
    let da = cx.dct_anchor;
    // `ago`, `earlier`, `later`, `from now`
    if let Some(z) = t.get(j) {
        let zl = z.low();
        let sign: i64 = match zl {
            b"ago" => -1,
            b"earlier" | b"before" if qty.is_some() => -2,
            b"later" | b"after" if qty.is_some() => 2,
            b"from" if is_at(t, j + 1, "now") => 1,
            b"hence" => 1,
            _ => 0,
        };
        // `two days after the attack`: `after`/`before` only end the phrase.
        let closes = |i: usize| {
            t.get(i)
                .is_none_or(|n| n.kind == Kind::Punct || n.is_any(&["and", "but"]))
        };
        let sign = if matches!(zl, b"before" | b"after") && !closes(j + 1) {
            0
        } else {
            sign
        };
        if sign != 0 && qty.is_some() {
            let end = if zl == b"from" { j + 2 } else { j + 1 };
            let n = qty.flatten();
            // `in December 2023 ... Days later`, `two days later`: after a month with no day
            // named, a few days or weeks on is within that month as far as the text tells.
            if sign == 2
                && matches!(u, Unit::Day | Unit::Week)
                && n.is_none_or(|n| n <= 3.0)
                && let Some(Ref {
                    v: V::Month(y, m),
                    anchor,
                }) = &cx.last
            {
                return Some(hit(s, end, TimexType::Date, V::Month(*y, *m), *anchor));
            }
            let Some(n) = n else {
                // `several years ago`
                let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
                return Some(hit(s, end, TimexType::Date, V::Lit(v.into()), da));
            };
            // `an hour later`, `a minute and a half later`: no day to name, so the span
            // (TimeML corpora leave `later` outside).
            if matches!(u, Unit::Hour | Unit::Minute) && sign.abs() == 2 {
                return Some(hit(
                    s,
                    j,
                    TimexType::Duration,
                    V::Lit(duration(Some(n), u)),
                    Anchor::None,
                ));
            }
            let (base, anchor) = if sign.abs() == 2 {
                cx.ref_point(u).unwrap_or((dct, da))
            } else {
                (dct, da)
            };
            let dir = sign.signum();
            // `a year earlier` after a quarter: the same quarter a year before.
            if (sign.abs() == 2
                || matches!(
                    cx.last,
                    Some(Ref {
                        v: V::Quarter(..),
                        ..
                    })
                ))
                && u == Unit::Year
                && let Some(Ref {
                    v: V::Quarter(qy, qq),
                    anchor,
                }) = &cx.last_quarter
            {
                let v = V::Quarter(qy + i32::try_from(dir).ok()? * n as i32, *qq);
                return Some(hit(s, end, TimexType::Date, v, *anchor));
            }
            let v = if (n - n.round()).abs() > 1e-9 {
                // `2 1/2 years ago`: months.
                let months = (n * unit_months(u)? as f64).round() as i64;
                offset(base, Unit::Month, dir * months)?
            } else {
                let g = match u {
                    Unit::Decade | Unit::Century => Unit::Year,
                    other => other,
                };
                let nn = n as i64
                    * match u {
                        Unit::Decade => 10,
                        Unit::Century => 100,
                        _ => 1,
                    };
                offset(base, g, dir * nn)?
            };
            let mut h = hit(s, end, TimexType::Date, v, anchor);
            if matches!(u, Unit::Hour | Unit::Minute) {
                h.v = V::Day(base);
            }
            return Some(h);
        }
    }
    // Quarters and centuries with ordinals: `the third quarter`, `third-quarter`, `the 20th century`.
    if matches!(u, Unit::Quarter | Unit::Century) && qty.is_none() {
        let mut ord = ordinal;
        // `the final quarter of 2009`
        if ord.is_none()
            && u == Unit::Quarter
            && before(s).is_some_and(|z| z.is_any(&["final", "last"]))
            && is_at(t, j, "of")
            && year_at(t, j + 1).is_some()
        {
            ord = Some(4);
        }
        let mut os = s.saturating_sub(1);
        // `third-quarter`
        if ord.is_none() && hyphen_before {
            ord = before(k - 1).and_then(|z| ordinal_word(z.low()));
            os = k.saturating_sub(2);
        }
        // `fiscal first quarter`
        let mut fiscal = false;
        if ord.is_none() && before(s).is_some_and(|z| z.is("fiscal")) {
            fiscal = true;
        }
        let _ = fiscal;
        if let Some(o) = ord {
            let mut ss = os;
            if before(ss).is_some_and(|z| z.is("fiscal")) {
                ss -= 1;
            }
            // `this year's third quarter`, `the 1989 third quarter`
            let mut year: Option<(i32, Anchor)> = None;
            if let Some(b) = before(ss) {
                if b.is("the") {
                    ss -= 1;
                } else if b.is("'s") {
                    let (yw, yi) = (before(ss - 1), ss.saturating_sub(2));
                    if let Some(yw) = yw {
                        let base = yw.low();
                        if base == b"year" && yi >= 1 {
                            let r = t.get(yi - 1).map(Tok::low).unwrap_or(&[]);
                            let dy = match r {
                                b"this" => Some(0),
                                b"last" => Some(-1),
                                b"next" => Some(1),
                                _ => None,
                            };
                            if let Some(dy) = dy {
                                year = Some((dct.year() + dy, da));
                                ss = yi - 1;
                            }
                        }
                    }
                } else if let Some((y, _)) = year_at(t, ss - 1) {
                    year = Some((y, Anchor::Absolute));
                    ss -= 1;
                    if before(ss).is_some_and(|z| z.is("the")) {
                        ss -= 1;
                    }
                }
            }
            let mut e = j;
            if let Some((y, nj, a)) = explicit_year_after(cx, t, j)
                && !is_at(t, j, ",")
            {
                year = Some((y, a));
                e = nj;
            }
            if u == Unit::Century {
                let c = i32::try_from(o).ok()? - 1;
                return Some(hit(ss, e, TimexType::Date, V::Century(c), Anchor::Absolute));
            }
            if !(1..=4).contains(&o) {
                return None;
            }
            let (y, a) = match year {
                Some(ya) => ya,
                None => {
                    let st = t.get(ss)?.start;
                    let tense = cx.tense(st, t.get(e - 1)?.end);
                    let dq = (dct.month() - 1) / 3 + 1;
                    let y = if o > dq && tense != Tense::Future {
                        dct.year() - 1
                    } else {
                        dct.year()
                    };
                    (y, da)
                }
            };
            return Some(hit(ss, e, TimexType::Date, V::Quarter(y, o), a));
        }
    }
    // Adjective compounds: `two-year`, `16-hour`, `year-long`.
    if hyphen_before {
        if qty.is_some() {
            return Some(hit(
                s,
                j,
                TimexType::Duration,
                V::Lit(duration(qty.flatten(), u)),
                Anchor::None,
            ));
        }
        // `year-earlier`, `year-ago`: handled as relative words below; others are not times.
        return None;
    }
    if t.get(j).is_some_and(|z| z.is_char(b'-'))
        && adjacent(t, k)
        && let Some(z) = t.get(j + 1)
    {
        if (z.is("earlier") || z.is("ago")) && u == Unit::Year && qty.is_none() {
            // `the year-ago third quarter`: that quarter, a year back.
            if t.get(j + 2)
                .is_some_and(|o| ordinal_word(o.low()).is_some())
                && t.get(j + 3).is_some_and(|q| q.is("quarter"))
                && let Some(h2) = unit_head(cx, t, j + 3)
                && let V::Quarter(y, q) = h2.v
            {
                let ss = if before(k).is_some_and(|b| b.is("the")) {
                    k - 1
                } else {
                    k
                };
                return Some(hit(
                    ss,
                    h2.e,
                    TimexType::Date,
                    V::Quarter(y - 1, q),
                    h2.anchor,
                ));
            }
            // `year-earlier`, `the year-ago quarter`
            let v = if let Some(Ref {
                v: V::Quarter(qy, qq),
                anchor,
            }) = &cx.last_quarter
            {
                let mut e = j + 2;
                let mut ss = k;
                if is_at(t, e, "quarter") || is_at(t, e, "period") {
                    e += 1;
                    if before(k).is_some_and(|b| b.is("the")) {
                        ss = k - 1;
                    }
                }
                return Some(hit(
                    ss,
                    e,
                    TimexType::Date,
                    V::Quarter(qy - 1, *qq),
                    *anchor,
                ));
            } else {
                V::Year(dct.year() - 1)
            };
            return Some(hit(k, j + 2, TimexType::Date, v, da));
        }
        if z.is("end") && u == Unit::Year {
            return Some(hit(k, j + 2, TimexType::Date, V::Year(dct.year()), da).with_mod("END"));
        }
        if z.is("long") {
            return Some(hit(
                s,
                j + 2,
                TimexType::Duration,
                V::Lit(duration(qty.flatten(), u)),
                Anchor::None,
            ));
        }
    }
    // `by year end`, `before year's end`: as `year-end`.
    if u == Unit::Year && qty.is_none() && !plural && s == k {
        let e = if t.get(j).is_some_and(|z| z.is("'s")) {
            j + 1
        } else {
            j
        };
        if t.get(e).is_some_and(|z| z.is("end"))
            && before(k).is_some_and(|z| {
                z.is_any(&[
                    "by", "at", "around", "before", "until", "till", "after", "since",
                ])
            })
        {
            return Some(hit(k, e + 1, TimexType::Date, V::Year(dct.year()), da).with_mod("END"));
        }
    }
    // Relative words before the unit.
    let mut rel_i = s.checked_sub(1);
    // `the current fiscal year`, `the full year`: look past the qualifier.
    if qty.is_none()
        && u == Unit::Year
        && let Some(i) = rel_i
        && t.get(i).is_some_and(|z| {
            z.is_any(&["fiscal", "full", "calendar", "financial", "entire", "whole"])
        })
    {
        rel_i = i.checked_sub(1);
    }
    // `the full year`, `the entire year`: the whole of the year under discussion.
    let whole = qty.is_none()
        && u == Unit::Year
        && !plural
        && rel_i.is_some_and(|i| i + 1 < s)
        && before(s).is_some_and(|z| z.is_any(&["full", "entire", "whole"]));
    let rel = rel_i.and_then(|i| t.get(i)).map(Tok::low).unwrap_or(&[]);
    let the_before = |i: usize| before(i).is_some_and(|z| z.is("the"));
    if qty.is_some() {
        let n = qty.flatten();
        let dur = V::Lit(duration(n, u));
        // `the past three years`, `the next few days`, `the first nine months`
        if matches!(
            rel,
            b"past"
                | b"last"
                | b"next"
                | b"coming"
                | b"previous"
                | b"first"
                | b"final"
                | b"following"
                | b"recent"
                | b"latest"
                | b"remaining"
                | b"initial"
                | b"preceding"
        ) {
            let mut ss = s - 1;
            if the_before(ss) {
                ss -= 1;
            }
            // `the past several quarters`: vague, so a reference to the past or future.
            if n.is_none() && matches!(rel, b"past" | b"last" | b"recent" | b"coming" | b"next") {
                let future = matches!(rel, b"coming" | b"next");
                return Some(vague_period(ss, j, u, future, dct, da));
            }
            let mut h = hit(ss, j, TimexType::Duration, dur, Anchor::None);
            if matches!(rel, b"past" | b"last" | b"recent") {
                h.anchor = da;
            }
            return Some(h);
        }
        // `the nine months`
        if rel == b"the" && n.is_some() {
            return Some(hit(s - 1, j, TimexType::Duration, dur, Anchor::None));
        }
        // `2000 years` where `2000` is a quantity, `a day` as a duration.
        if t.get(s).is_some_and(|z| z.is("a") || z.is("an")) && !plural {
            // `a day` alone is weak: only with duration context.
            let ctx = before(s).is_some_and(|z| {
                z.is_any(&[
                    "for", "than", "about", "nearly", "almost", "within", "least", "over", "up",
                    "in", "after", "lasted", "only", "just", "half", "around", "spend", "spent",
                    "took", "take", "once", "twice", "another", "each", "per",
                ])
            }) || t.get(j).is_some_and(|z| {
                z.is_any(&["or", "later", "earlier", "ago", "and", "after", "before"])
            });
            if !ctx {
                return None;
            }
            if before(s).is_some_and(|z| z.is_any(&["once", "twice"])) {
                return Some(hit(
                    s,
                    j,
                    TimexType::Set,
                    V::Lit(duration(Some(1.0), u)),
                    Anchor::None,
                ));
            }
        }
        return Some(hit(s, j, TimexType::Duration, dur, Anchor::None));
    }
    // No quantity.
    let ri = rel_i.unwrap_or(0);
    // `these days`: the present.
    if plural && rel == b"these" && u == Unit::Day && rel_i.is_some() {
        return Some(hit(
            ri,
            j,
            TimexType::Date,
            V::Lit("PRESENT_REF".into()),
            da,
        ));
    }
    // `the weeks ahead`, `in the months ahead`: an open stretch of the future.
    if plural
        && rel == b"the"
        && rel_i.is_some()
        && t.get(j).is_some_and(|z| z.is("ahead"))
        && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
    {
        return Some(vague_period(ri, j + 1, u, true, dct, da));
    }
    let with_the = |i: usize| if the_before(i) { i - 1 } else { i };
    match rel {
        b"last" | b"past" | b"previous" | b"preceding" | b"this" | b"next" | b"coming"
        | b"following" | b"current" | b"same" | b"that" | b"recent" | b"latest" | b"present"
            if rel_i.is_some() =>
        {
            if plural {
                // `recent weeks`, `the coming years`, `the past weeks`
                if matches!(
                    rel,
                    b"recent"
                        | b"coming"
                        | b"past"
                        | b"last"
                        | b"next"
                        | b"following"
                        | b"previous"
                ) {
                    let ss = with_the(ri);
                    let future = matches!(rel, b"coming" | b"next" | b"following");
                    return Some(vague_period(ss, j, u, future, dct, da));
                }
                return None;
            }
            let the = the_before(ri);
            // `that same day`
            let ss = if rel == b"same" && before(ri).is_some_and(|z| z.is_any(&["that", "this"])) {
                ri - 1
            } else {
                with_the(ri)
            };
            // `the past year`: the year before the DCT's.
            if the && rel == b"past" && u == Unit::Year {
                return Some(hit(ss, j, TimexType::Date, V::Year(dct.year() - 1), da));
            }
            // `the past month`, `the last decade`: a duration; `last year`: a date.
            if (the && matches!(rel, b"past" | b"last") || rel == b"past")
                && matches!(
                    u,
                    Unit::Year
                        | Unit::Decade
                        | Unit::Century
                        | Unit::Month
                        | Unit::Week
                        | Unit::Day
                        | Unit::Hour
                        | Unit::Minute
                )
                && !(the && rel == b"last" && matches!(u, Unit::Week | Unit::Weekend))
            {
                return Some(hit(
                    ss,
                    j,
                    TimexType::Duration,
                    V::Lit(duration(Some(1.0), u)),
                    da,
                ));
            }
            let base_story = matches!(
                rel,
                b"previous" | b"preceding" | b"following" | b"same" | b"that"
            ) || (the && rel == b"next");
            let (base, anchor) = if base_story {
                cx.ref_point(u).unwrap_or((dct, da))
            } else {
                (dct, da)
            };
            let delta: i64 = match rel {
                b"last" | b"past" | b"previous" | b"preceding" => -1,
                b"next" | b"coming" | b"following" => 1,
                _ => 0,
            };
            if rel == b"same"
                && the
                && let Some(h) = same_period_year_back(cx, t, ss, j, Some(u))
            {
                return Some(h);
            }
            // `the latest quarter`, `the same quarter`: the one last mentioned, else the last
            // complete one.
            if u == Unit::Quarter && matches!(rel, b"latest" | b"same" | b"that") {
                if let Some(Ref {
                    v: v @ V::Quarter(..),
                    anchor,
                }) = &cx.last_quarter
                {
                    return Some(hit(ss, j, TimexType::Date, v.clone(), *anchor));
                }
                return Some(hit(ss, j, TimexType::Date, offset(dct, u, -1)?, da));
            }
            // `that same day` after `in October`: a day of that month, which one unknown.
            if matches!(rel, b"that" | b"same")
                && u == Unit::Day
                && let Some(Ref {
                    v: V::Month(y, m),
                    anchor,
                }) = &cx.last
            {
                let mut h = hit(
                    ss,
                    j,
                    TimexType::Date,
                    V::Lit(format!("{y:04}-{m:02}-XX")),
                    *anchor,
                );
                h.range = V::Month(*y, *m).interval();
                return Some(h);
            }
            // `that month` / `that year` resolve at the last reference's granularity too.
            let v = if matches!(rel, b"that" | b"same") {
                match (&cx.last, u) {
                    (
                        Some(Ref {
                            v: V::Month(y, m), ..
                        }),
                        Unit::Month,
                    ) => V::Month(*y, *m),
                    (Some(Ref { v: V::Year(y), .. }), Unit::Year) => V::Year(*y),
                    (
                        Some(Ref {
                            v: V::Month(y, _), ..
                        }),
                        Unit::Year,
                    ) => V::Year(*y),
                    _ => offset(base, u, 0)?,
                }
            } else {
                offset(base, u, delta)?
            };
            let v = match (u, v) {
                (Unit::Decade, V::Decade(_)) if delta != 0 || rel == b"this" => {
                    V::Lit("P10Y".into())
                }
                (Unit::Hour | Unit::Minute, _) => return None,
                (_, v) => v,
            };
            let ty = if matches!(v, V::Lit(_)) {
                TimexType::Duration
            } else {
                TimexType::Date
            };
            let mut h = hit(ss, j, ty, v, anchor);
            if matches!(u, Unit::Day) && base_story {
                h = time_after(cx, t, h);
            }
            Some(h)
        }
        _ => {
            // `the 1988 quarter`, `the 1988 period`: the quarter under discussion, that year.
            if u == Unit::Quarter
                && let Some(i) = rel_i
                && let Some((y, _)) = year_at(t, i)
            {
                let q = match &cx.last_quarter {
                    Some(Ref {
                        v: V::Quarter(_, q),
                        ..
                    }) => *q,
                    _ => (dct.month() - 1) / 3 + 1,
                };
                return Some(hit(
                    with_the(i),
                    j,
                    TimexType::Date,
                    V::Quarter(y, q),
                    Anchor::Absolute,
                ));
            }
            // `the week of March 6`
            if u == Unit::Week
                && rel == b"the"
                && !plural
                && is_at(t, j, "of")
                && month_at(t, j + 1).is_some()
                && let Some(h) = month_head(cx, t, j + 1)
            {
                // `month_head` may have seen `the week of` itself.
                let v = match h.v {
                    V::Day(d) => V::week_of(d),
                    v @ V::Week(..) => v,
                    _ => return None,
                };
                return Some(hit(ri, h.e, TimexType::Date, v, h.anchor));
            }
            // `the day before last Tuesday's hearing`, `the day after Jan. 5`: a day from that
            // day.
            if rel == b"the"
                && !plural
                && u == Unit::Day
                && let Some(z) = t.get(j)
                && z.is_any(&["before", "after"])
                && let Some(h2) = (j + 1..(j + 3).min(t.len()))
                    .find(|&i| weekday_at(t, i).is_some() || month_at(t, i).is_some())
                    .and_then(|i| head(cx, t, i))
                    .filter(|h2| h2.s == j + 1)
                && let V::Day(d) = h2.v
            {
                let d = add_days(d, if z.is("after") { 1 } else { -1 })?;
                return Some(hit(ri, h2.e, TimexType::Date, V::Day(d), h2.anchor));
            }
            // `the day before`, `the year after` closing a clause: one unit from the period
            // the story last mentioned.
            if rel == b"the"
                && !plural
                && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
                && let Some(z) = t.get(j)
                && z.is_any(&["before", "after", "earlier", "previous", "prior"])
                && t.get(j + 1)
                    .is_none_or(|n| n.kind == Kind::Punct && !n.is_char(b'\''))
                && let Some((base, a)) = cx.ref_point(u)
            {
                let n = if z.is("after") { 1 } else { -1 };
                return Some(hit(ri, j + 1, TimexType::Date, offset(base, u, n)?, a));
            }
            // `the quarter`, `the year` in reports: the quarter last mentioned, the DCT's year.
            if rel == b"the" && !plural && !x.cap {
                match u {
                    Unit::Quarter => {
                        // `the quarter ended Sept. 30`: the calendar quarter that day closes.
                        if t.get(j).is_some_and(|z| z.is_any(&["ended", "ending"]))
                            && month_at(t, j + 1).is_some()
                            && let Some(h2) = month_head(cx, t, j + 1)
                            && let V::Day(d) = h2.v
                            && d.month() % 3 == 0
                            && add_days(d, 1).is_some_and(|n| n.day() == 1)
                        {
                            return Some(hit(
                                ri,
                                j,
                                TimexType::Date,
                                V::Quarter(d.year(), d.month() / 3),
                                h2.anchor,
                            ));
                        }
                        let v = match &cx.last_quarter {
                            Some(Ref {
                                v: v @ V::Quarter(..),
                                anchor,
                            }) => (v.clone(), *anchor),
                            _ => (offset(dct, Unit::Quarter, -1)?, da),
                        };
                        return Some(hit(ri, j, TimexType::Date, v.0, v.1));
                    }
                    // `ended the day at 8,017`, `for the day`, `later in the day`: the day
                    // the story is about.
                    Unit::Day => {
                        let after_ok = t.get(j).is_none_or(|z| {
                            z.kind == Kind::Punct
                                || z.is_any(&[
                                    "at", "with", "down", "up", "on", "and", "higher", "lower",
                                ])
                        });
                        let p1 = ri.checked_sub(1).and_then(|i| t.get(i));
                        let p2 = ri.checked_sub(2).and_then(|i| t.get(i));
                        let before_ok = p1.is_some_and(|z| {
                            z.is_any(&[
                                "end",
                                "ended",
                                "ending",
                                "ends",
                                "finish",
                                "finished",
                                "finishing",
                                "start",
                                "started",
                                "close",
                                "closed",
                                "closing",
                                "for",
                            ])
                        }) || (p1.is_some_and(|z| z.is("in"))
                            && p2
                                .is_some_and(|z| z.is_any(&["later", "earlier", "late", "early"])))
                            // `at the start of the day`, `by the end of the day`
                            || (p1.is_some_and(|z| z.is("of"))
                                && p2.is_some_and(|z| {
                                    z.is_any(&["start", "end", "beginning", "close", "middle"])
                                }));
                        if after_ok
                            && before_ok
                            && let Some((d, a)) = cx.ref_day()
                        {
                            return Some(hit(ri, j, TimexType::Date, V::Day(d), a));
                        }
                    }
                    Unit::Year => {
                        if let Some((y, e)) = year_at(t, j).or_else(|| two_thousand_at(t, j)) {
                            return Some(hit(ri, e, TimexType::Date, V::Year(y), Anchor::Absolute));
                        }
                        if t.get(j)
                            .is_some_and(|z| z.is_any(&["ended", "ending", "ends", "end"]))
                        {
                            return Some(hit(
                                ri,
                                j,
                                TimexType::Duration,
                                V::Lit("P1Y".into()),
                                Anchor::None,
                            ));
                        }
                        if whole {
                            // The year last mentioned when it is the one just reported (last
                            // year's or this one), not a target year; else the DCT's.
                            let y = cx
                                .last
                                .as_ref()
                                .and_then(|r| r.v.interval())
                                .map(|(a, _)| a.year())
                                .filter(|y| (dct.year() - 1..=dct.year()).contains(y))
                                .unwrap_or(dct.year());
                            return Some(hit(ri, j, TimexType::Date, V::Year(y), da));
                        }
                        let closes = t.get(j).is_none_or(|z| {
                            z.kind == Kind::Punct || z.is_any(&["and", "to", "as", "so", "but"])
                        });
                        if closes
                            && ri >= 1
                            && t.get(ri - 1).is_some_and(|z| {
                                z.is_any(&["for", "during", "of", "throughout", "through", "in"])
                            })
                        {
                            return Some(hit(ri, j, TimexType::Date, V::Year(dct.year()), da));
                        }
                    }
                    _ => {}
                }
            }
            // `the weekend`, `over the weekend`
            if u == Unit::Weekend && !plural && rel == b"the" {
                let tense = cx.tense(t.get(ri)?.start, x.end);
                let dw = i64::from(weekday_num(dct));
                let sat = if tense == Tense::Future {
                    add_days(dct, (6 - dw).rem_euclid(7))?
                } else if dw >= 6 {
                    add_days(dct, 6 - dw)?
                } else {
                    add_days(dct, -(dw + 1))?
                };
                return Some(hit(
                    ri,
                    j,
                    TimexType::Date,
                    period_of(sat, Unit::Weekend),
                    da,
                ));
            }
            // `the end of the month`: the current unit.
            if rel == b"the"
                && !plural
                && ri >= 2
                && t.get(ri - 1).is_some_and(|z| z.is("of"))
                && t.get(ri - 2).is_some_and(|z| {
                    z.is_any(&[
                        "end",
                        "beginning",
                        "start",
                        "middle",
                        "rest",
                        "close",
                        "turn",
                    ])
                })
                && matches!(
                    u,
                    Unit::Month
                        | Unit::Year
                        | Unit::Week
                        | Unit::Quarter
                        | Unit::Decade
                        | Unit::Century
                )
            {
                return Some(hit(ri, j, TimexType::Date, offset(dct, u, 0)?, da));
            }
            // `for years`, `in recent years` handled above; `for years`, `for decades`; `within
            // weeks`; `the first time in years`, `in just minutes` at the end of a clause.
            let in_bare = (rel == b"in"
                || (rel == b"just" && rel_i.and_then(before).is_some_and(|z| z.is("in"))))
                && t.get(j).is_none_or(|z| z.kind == Kind::Punct);
            if plural
                && (rel == b"for" || rel == b"within" || in_bare)
                && matches!(
                    u,
                    Unit::Year
                        | Unit::Decade
                        | Unit::Month
                        | Unit::Week
                        | Unit::Day
                        | Unit::Hour
                        | Unit::Minute
                        | Unit::Century
                )
            {
                return Some(hit(
                    k,
                    j,
                    TimexType::Duration,
                    V::Lit(duration(None, u)),
                    Anchor::None,
                ));
            }
            None
        }
    }
}

fn unit_months(u: Unit) -> Option<i64> {
    Some(match u {
        Unit::Month => 1,
        Unit::Quarter => 3,
        Unit::Year => 12,
        Unit::Decade => 120,
        Unit::Century => 1200,
        _ => return None,
    })
}

impl Hit {
    fn with_mod(mut self, m: &'static str) -> Hit {
        self.modifier = Some(m);
        self
    }
}

/// Unit expressions when there is no document date: durations still work, relative dates get
/// an unresolved value.
fn unit_without_dct(
    t: &[Tok],
    k: usize,
    j: usize,
    s: usize,
    u: Unit,
    plural: bool,
    qty: Option<Option<f64>>,
) -> Option<Hit> {
    let _ = k;
    if let Some(q) = qty {
        let ago = t.get(j).is_some_and(|z| z.is("ago"));
        if ago {
            return Some(hit(
                s,
                j + 1,
                TimexType::Date,
                V::Lit("PAST_REF".into()),
                Anchor::None,
            ));
        }
        return Some(hit(
            s,
            j,
            TimexType::Duration,
            V::Lit(duration(q, u)),
            Anchor::None,
        ));
    }
    if plural || s == 0 {
        return None;
    }
    let rel = t.get(s - 1)?;
    if rel.is_any(&["last", "this", "next"]) {
        let v = match u {
            Unit::Year => "XXXX",
            Unit::Month => "XXXX-XX",
            Unit::Week => "XXXX-WXX",
            _ => return None,
        };
        return Some(hit(
            s - 1,
            j,
            TimexType::Date,
            V::Lit(v.into()),
            Anchor::None,
        ));
    }
    None
}

/// `the first half of 1989`, `the second half`, `first-half`, `half an hour`.
fn half_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    // `half an hour`
    if t.get(k + 1).is_some_and(|z| z.is("an")) && t.get(k + 2).is_some_and(|z| z.is("hour")) {
        return Some(hit(
            k,
            k + 3,
            TimexType::Duration,
            V::Lit("PT30M".into()),
            Anchor::None,
        ));
    }
    let mut s = k;
    let mut ord = None;
    if k >= 1 {
        let p = t.get(k - 1)?;
        if p.is_char(b'-') && k >= 2 && adjacent(t, k - 1) && adjacent(t, k - 2) {
            ord = t.get(k - 2).and_then(|z| ordinal_word(z.low()));
            s = k - 2;
        } else {
            ord = ordinal_word(p.low()).or(if p.is_any(&["latter", "last"]) {
                Some(2)
            } else {
                None
            });
            s = k - 1;
        }
    }
    let o = ord.filter(|o| (1..=2).contains(o))?;
    if s >= 1 && t.get(s - 1).is_some_and(|z| z.is("the")) {
        s -= 1;
    }
    let mut e = k + 1;
    let mut year = None;
    if let Some((y, nj, a)) = explicit_year_after(cx, t, e)
        && !is_at(t, e, ",")
    {
        year = Some((y, a));
        e = nj;
    }
    let (y, a) = match year {
        Some(x) => x,
        None => {
            // Only with `of`-less use as an adjective (`first-half profit`) or at a clause end.
            let dct = cx.dct?;
            let next_ok = t.get(e).is_none_or(|z| {
                z.kind == Kind::Punct
                    || z.is_any(&[
                        "and", "of", "results", "profit", "earnings", "sales", "loss", "net",
                        "revenue",
                    ])
            });
            if !next_ok || is_at(t, e, "of") {
                return None;
            }
            let dh = if dct.month() <= 6 { 1 } else { 2 };
            let y = if o > dh { dct.year() - 1 } else { dct.year() };
            (y, cx.dct_anchor)
        }
    };
    Some(hit(s, e, TimexType::Date, V::Half(y, o), a))
}

/// Everything else: deictic words, parts of day, seasons, set adverbs, fiscal, holidays,
/// spelled-out decades.
#[allow(clippy::too_many_lines)]
fn word_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let w = x.low();
    let base = w.strip_suffix(b"'s").unwrap_or(w);
    let dct = cx.dct;
    let da = cx.dct_anchor;
    let prev = if k >= 1 { t.get(k - 1) } else { None };
    let next = t.get(k + 1);
    let day_rel = |n: i64| -> V {
        match dct.and_then(|d| add_days(d, n)) {
            Some(d) => V::Day(d),
            None => V::Lit("XXXX-XX-XX".into()),
        }
    };
    let lit = |s: &str| V::Lit(s.to_string());
    match base {
        b"nineteen" => {
            let (y, e) = spelled_year_at(t, k)?;
            // `nineteen ninety-six` is a year; `nineteen ninety-six people` is not.
            let year_context = prev.is_some_and(|p| {
                p.is_any(&[
                    "in",
                    "of",
                    "since",
                    "by",
                    "until",
                    "from",
                    "before",
                    "after",
                    "during",
                    "year",
                    "throughout",
                    "early",
                    "late",
                    "mid",
                    "-",
                    "spring",
                    "summer",
                    "autumn",
                    "fall",
                    "winter",
                ])
            });
            if !year_context
                && t.get(e).is_some_and(|z| {
                    z.kind == Kind::Word
                        && !z.cap
                        && !z.is_any(&[
                            "and", "or", "to", "when", "after", "before", "in", "on", "the", "a",
                        ])
                })
            {
                return None;
            }
            Some(hit(k, e, TimexType::Date, V::Year(y), Anchor::Absolute))
        }
        // `in the near term`, `for the long term`: the future, vaguely.
        b"term" => {
            if !(k >= 2
                && prev.is_some_and(|p| {
                    p.is_any(&["near", "short", "long", "longer", "shorter", "medium"])
                })
                && t.get(k - 2).is_some_and(|z| z.is("the")))
            {
                return None;
            }
            Some(hit(k - 2, k + 1, TimexType::Date, lit("FUTURE_REF"), da))
        }
        b"today" | b"yesterday" | b"tomorrow" | b"tonight" => {
            // `today's world`, `today's personal computers`: the present age, not a day.
            if base == b"today"
                && next.is_some_and(|z| z.is("'s"))
                && t.get(k + 2..(k + 4).min(t.len())).is_some_and(|z| {
                    z.iter().any(|y| {
                        y.is_any(&[
                            "world",
                            "youth",
                            "society",
                            "generation",
                            "generations",
                            "children",
                            "kids",
                            "computers",
                            "economy",
                            "standards",
                            "technology",
                            "culture",
                            "consumers",
                            "teenagers",
                            "families",
                            "age",
                            "era",
                        ])
                    })
                })
            {
                return None;
            }
            let n = match base {
                b"yesterday" => -1,
                b"tomorrow" => 1,
                _ => 0,
            };
            let mut h = hit(k, k + 1, TimexType::Date, day_rel(n), da);
            if base == b"tonight" {
                h.v = match dct {
                    Some(d) => V::Time(Some(d), "TNI".into()),
                    None => V::Time(None, "TNI".into()),
                };
                h.ty = TimexType::Time;
            } else if let Some(p) = next.and_then(|z| part_of_day(z.low())) {
                h.v = match h.v {
                    V::Day(d) => V::Time(Some(d), p.into()),
                    _ => V::Time(None, p.into()),
                };
                h.ty = TimexType::Time;
                h.e = k + 2;
            }
            if dct.is_none() {
                h.anchor = Anchor::None;
            }
            Some(h)
        }
        b"now" => {
            // `now` as a discourse marker at the start of a quoted sentence is still tagged by
            // TimeML; `now that` too. Only skip `now-defunct` style compounds.
            if next.is_some_and(|z| z.is_char(b'-') && adjacent(t, k)) {
                return None;
            }
            let mut s = k;
            if prev.is_some_and(|p| p.is("right")) {
                s = k - 1;
            }
            Some(hit(s, k + 1, TimexType::Date, lit("PRESENT_REF"), da))
        }
        b"currently" | b"nowadays" => Some(hit(k, k + 1, TimexType::Date, lit("PRESENT_REF"), da)),
        b"present" => {
            if prev.is_some_and(|p| p.is("at"))
                && next.is_none_or(|z| {
                    z.kind == Kind::Punct
                        || z.is_any(&[
                            "and", "but", "the", "it", "there", "we", "they", "he", "she",
                        ])
                })
            {
                return Some(hit(k, k + 1, TimexType::Date, lit("PRESENT_REF"), da));
            }
            if prev.is_some_and(|p| p.is("the"))
                && next.is_none_or(|z| z.kind == Kind::Punct || z.is_any(&["and", "day"]))
            {
                let e = if next.is_some_and(|z| z.is("day")) {
                    k + 2
                } else {
                    k + 1
                };
                return Some(hit(k - 1, e, TimexType::Date, lit("PRESENT_REF"), da));
            }
            None
        }
        b"recently" | b"lately" => Some(hit(k, k + 1, TimexType::Date, lit("PAST_REF"), da)),
        // `will soon begin`, `very soon`: the future. `as soon as`, `soon after the attack`
        // only relate to another time.
        b"soon" if w == base => {
            // In a past narrative (`was soon released`) it relates to the story's events.
            if prev.is_some_and(|p| p.is_any(&["as", "how", "so"]))
                || next.is_some_and(|z| {
                    z.is_any(&[
                        "after",
                        "before",
                        "thereafter",
                        "afterward",
                        "afterwards",
                        "as",
                        "-",
                    ])
                })
                || cx.tense(x.start, x.end) == Tense::Past
            {
                return None;
            }
            let s = if prev.is_some_and(|p| p.is("very")) {
                k - 1
            } else {
                k
            };
            Some(hit(s, k + 1, TimexType::Date, lit("FUTURE_REF"), da))
        }
        // `current market conditions`, `the recent decline`: TimeML tags the adjective alone as
        // a reference to the present or the past. `the current quarter` and `recent years`
        // belong to the unit parser; `most recent`, `then current` and the noun are left out.
        b"current" | b"recent" if w == base => {
            let z = next?;
            if z.kind != Kind::Word
                || z.is_any(&[
                    "and", "or", "of", "is", "was", "are", "were", "account", "accounts", "flows",
                    "flow", "to", "in", "-",
                ])
                || prev.is_some_and(|p| p.is_any(&["most", "more", "then", "less", "least"]))
                // `a strong current`, `an electric current`: the noun.
                || (base == b"current"
                    && prev.is_some_and(|p| {
                        p.is_any(&["a", "an", "strong", "electric", "electrical", "ocean", "powerful"])
                    }))
            {
                return None;
            }
            for i in k + 1..(k + 4).min(t.len()) {
                let y = t.get(i)?;
                if unit_of(y.low()).is_some() || y.is_any(&["period", "term", "season"]) {
                    return None;
                }
                if y.kind != Kind::Word {
                    break;
                }
            }
            let v = if base == b"current" {
                "PRESENT_REF"
            } else {
                "PAST_REF"
            };
            Some(hit(k, k + 1, TimexType::Date, lit(v), da))
        }
        b"future" | b"past" => {
            // `this past spring` belongs to the season parser.
            if t.get(k + 1).is_some_and(|z| season_of(z.low()).is_some()) {
                return season_head(cx, t, k + 1).filter(|h| h.s <= k);
            }
            // `the past three years` belongs to the unit parser.
            for i in k + 1..(k + 5).min(t.len()) {
                let z = t.get(i)?;
                if unit_of(z.low()).is_some() {
                    return unit_head(cx, t, i).filter(|h| h.s <= k);
                }
                if !(z.kind == Kind::Num
                    || number_word(z.low()).is_some()
                    || z.is_any(&["few", "several", "-", "couple", "of", "many"])
                    || z.is_any(UNIT_ADJECTIVES))
                {
                    break;
                }
            }
            let mut s = k;
            if prev.is_some_and(|p| {
                p.is("near")
                    || p.is("distant")
                    || p.is("recent")
                    || p.is("foreseeable")
                    || p.is("immediate")
            }) {
                s = k - 1;
            }
            let det = if s >= 1 { t.get(s - 1) } else { None };
            let ok_det = det.is_some_and(|p| p.is("the"))
                || (base == b"future" && prev.is_some_and(|p| p.is("in")));
            let ends = next.is_none_or(|z| {
                z.kind == Kind::Punct
                    || z.is_any(&[
                        "and", "but", "or", "when", "as", "is", "was", "will", "we", "they", "he",
                        "she", "it", "i", "that", "because", "if", "unless", "while", "where",
                    ])
            });
            if !ok_det || !ends {
                return None;
            }
            if det.is_some_and(|p| p.is("the")) {
                s -= 1;
            }
            let v = if base == b"future" {
                "FUTURE_REF"
            } else {
                "PAST_REF"
            };
            Some(hit(s, k + 1, TimexType::Date, lit(v), da))
        }
        b"morning" | b"afternoon" | b"evening" | b"night" | b"noon" | b"midnight" | b"midday"
        | b"overnight" => {
            let p = part_of_day(base)?;
            let pl = prev.map(Tok::low).unwrap_or(&[]);
            let (n, s): (Option<i64>, usize) = match pl {
                b"this" => (Some(0), k - 1),
                b"last" if base == b"night" => (Some(-1), k - 1),
                b"tomorrow" => (Some(1), k - 1),
                b"yesterday" => (Some(-1), k - 1),
                _ => (None, k),
            };
            if let Some(n) = n {
                let d = dct.and_then(|d| add_days(d, n));
                return Some(hit(
                    s,
                    k + 1,
                    TimexType::Time,
                    V::Time(d, p.into()),
                    if d.is_some() { da } else { Anchor::None },
                ));
            }
            // `the next morning`: the day after the story's last date.
            if k >= 2
                && matches!(pl, b"next" | b"following" | b"previous")
                && t.get(k - 2).is_some_and(|z| z.is("the"))
                && let Some((d, a)) = cx.ref_day()
            {
                let d = add_days(d, if pl == b"previous" { -1 } else { 1 })?;
                return Some(hit(
                    k - 2,
                    k + 1,
                    TimexType::Time,
                    V::Time(Some(d), p.into()),
                    a,
                ));
            }
            if pl == b"high" || (x.cap && prev.is_some_and(|q| q.cap && q.kind == Kind::Word)) {
                return None;
            }
            if matches!(base, b"noon" | b"midnight" | b"midday") {
                // `midnight Friday`
                if let Some(z) = next
                    && weekday_at(t, k + 1).is_some()
                    && let Some(wh) = weekday_head(cx, t, k + 1)
                    && let V::Day(d) = wh.v
                {
                    let _ = z;
                    return Some(hit(
                        k,
                        wh.e,
                        TimexType::Time,
                        V::Time(Some(d), p.into()),
                        wh.anchor,
                    ));
                }
                let mut s = k;
                if prev.is_some_and(|q| q.is("at") || q.is("by") || q.is("until")) {
                    s = k;
                }
                return Some(hit(
                    s,
                    k + 1,
                    TimexType::Time,
                    V::Time(dct, p.into()),
                    if dct.is_some() { da } else { Anchor::None },
                ));
            }
            if base == b"overnight" || !matches!(base, b"morning" | b"afternoon" | b"evening") {
                return None;
            }
            // `mid-afternoon`, `late afternoon`, `in the morning`, `in morning trading`: a part
            // of the day the story is about.
            let (s, modifier) = match pl {
                b"mid" => (k - 1, Some("MID")),
                b"late" => (k - 1, Some("END")),
                b"early" => (k - 1, Some("START")),
                b"-" if k >= 2
                    && t.get(k - 2).is_some_and(|z| z.is("mid"))
                    && adjacent(t, k - 2) =>
                {
                    (k - 2, Some("MID"))
                }
                b"the"
                    if k >= 2
                        && t.get(k - 2).is_some_and(|z| {
                            z.is_any(&["in", "during", "by", "until", "throughout"])
                        })
                        && !next.is_some_and(|z| z.is_any(&["of", "after", "before"])) =>
                {
                    (k - 1, None)
                }
                b"in" | b"during"
                    if next.is_some_and(|z| {
                        z.is_any(&["trading", "trade", "session", "dealings", "deals"])
                    }) =>
                {
                    (k, None)
                }
                _ => return None,
            };
            // `mid-afternoon yesterday`: that day's.
            let day_after = next.and_then(|z| match z.low() {
                b"yesterday" => Some(-1),
                b"today" => Some(0),
                b"tomorrow" => Some(1),
                _ => None,
            });
            let (d, a, e) = match (day_after, dct) {
                (Some(n), Some(dct)) => (add_days(dct, n)?, da, k + 2),
                _ => {
                    let (d, a) = cx.ref_day()?;
                    (d, a, k + 1)
                }
            };
            let mut h = hit(s, e, TimexType::Time, V::Time(Some(d), p.into()), a);
            h.modifier = modifier;
            Some(h)
        }
        b"spring" | b"summer" | b"autumn" | b"fall" | b"winter" => season_head(cx, t, k),
        b"daily" | b"weekly" | b"monthly" | b"yearly" | b"annually" | b"quarterly" | b"hourly"
        | b"nightly" | b"biweekly" | b"fortnightly" => {
            let v = match base {
                b"daily" | b"nightly" => "P1D",
                b"weekly" => "P1W",
                b"monthly" => "P1M",
                b"yearly" | b"annually" => "P1Y",
                b"quarterly" => "P1Q",
                b"hourly" => "PT1H",
                _ => "P2W",
            };
            // `Daily Mail`, `Weekly Standard`: capitalized inside a name.
            if x.cap && prev.is_some_and(|p| p.cap && p.kind == Kind::Word) {
                return None;
            }
            if x.cap && next.is_some_and(|p| p.cap && p.kind == Kind::Word) {
                return None;
            }
            // `average daily volume`: a measure per day, not a recurrence.
            if prev.is_some_and(|p| p.is("average")) {
                return None;
            }
            // `its quarterly dividend`, `quarterly results`: a kind of report, not a
            // recurrence (TimeBank leaves ten of eleven untagged); `paid quarterly` stays.
            if base == b"quarterly"
                && next.is_some_and(|n| {
                    n.kind == Kind::Word
                        && !n.is_any(&[
                            "and",
                            "or",
                            "in",
                            "at",
                            "on",
                            "to",
                            "for",
                            "from",
                            "by",
                            "since",
                            "until",
                            "through",
                            "the",
                            "a",
                            "an",
                            "but",
                            "as",
                            "with",
                            "after",
                            "before",
                            "thereafter",
                        ])
                })
            {
                return None;
            }
            Some(hit(k, k + 1, TimexType::Set, lit(v), Anchor::None))
        }
        b"period" => {
            if k >= 2
                && prev.is_some_and(|p| p.is_any(&["same", "corresponding", "comparable", "like"]))
                && t.get(k - 2).is_some_and(|z| z.is("the"))
                && let Some(h) = same_period_year_back(cx, t, k - 2, k + 1, None)
            {
                return Some(h);
            }
            // `the latest period`, `the comparable period`: the quarter under discussion.
            let q = cx.last_quarter.as_ref()?;
            if !(k >= 2
                && prev.is_some_and(|p| p.is_any(&["latest", "comparable", "same", "current"]))
                && t.get(k - 2).is_some_and(|z| z.is("the")))
            {
                return None;
            }
            Some(hit(k - 2, k + 1, TimexType::Date, q.v.clone(), q.anchor))
        }
        b"fortnight" => {
            let mut s = k;
            if prev.is_some_and(|p| p.is_any(&["a", "the"])) {
                s = k - 1;
                if prev.is_some_and(|p| p.is("the")) {
                    return None;
                }
            }
            Some(hit(s, k + 1, TimexType::Duration, lit("P2W"), Anchor::None))
        }
        b"fiscal" => {
            // `the fiscal first quarter`: the quarter parser takes it.
            for i in k + 1..(k + 4).min(t.len()) {
                if t.get(i).is_some_and(|z| z.is_any(&["quarter", "half"])) {
                    return unit_head(cx, t, i).filter(|h| h.s <= k);
                }
            }
            // `fiscal 1989`, `fiscal year 2024`, `fiscal 2024`: years.
            let (j, _) = if is_at(t, k + 1, "year") {
                (k + 2, ())
            } else {
                (k + 1, ())
            };
            let (y, e) = year_at(t, j)?;
            let mut s = k;
            if prev.is_some_and(|p| p.is("the")) {
                s = k - 1;
            }
            Some(hit(s, e, TimexType::Date, V::Year(y), Anchor::Absolute))
        }
        b"christmas" | b"thanksgiving" | b"halloween" | b"easter" => holiday_head(cx, t, k),
        b"new" if next.is_some_and(|z| z.low().starts_with(b"year")) => holiday_head(cx, t, k),
        b"nineties" | b"eighties" | b"seventies" | b"sixties" | b"fifties" | b"forties"
        | b"thirties" | b"twenties" => {
            if !prev.is_some_and(|p| p.is("the")) {
                return None;
            }
            let d = match base {
                b"nineties" => 199,
                b"eighties" => 198,
                b"seventies" => 197,
                b"sixties" => 196,
                b"fifties" => 195,
                b"forties" => 194,
                b"thirties" => 193,
                _ => 192,
            };
            // `in their thirties` is an age: require `the`.
            Some(hit(
                k - 1,
                k + 1,
                TimexType::Date,
                V::Decade(d),
                Anchor::Absolute,
            ))
        }
        _ => None,
    }
}

fn season_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    let se = season_of(x.low())?;
    let prev = if k >= 1 { t.get(k - 1) } else { None };
    let mut s = k;
    let mut j = k + 1;
    // Explicit year: `summer 2023`, `the summer of 2023`.
    let mut year: Option<(i32, Anchor)> = None;
    if let Some((y, nj, a)) = explicit_year_after(cx, t, j)
        && !is_at(t, j, ",")
    {
        year = Some((y, a));
        j = nj;
    }
    let mut rel: Option<i64> = None;
    if let Some(p) = prev {
        if p.is("last") || p.is("past") {
            rel = Some(-1);
            s = k - 1;
            if p.is("past") && k >= 2 && t.get(k - 2).is_some_and(|z| z.is("this")) {
                s = k - 2;
            }
        } else if p.is("next") || p.is("coming") {
            rel = Some(1);
            s = k - 1;
        } else if p.is("this") {
            rel = Some(0);
            s = k - 1;
        } else if p.is("the") {
            s = k - 1;
        }
    }
    let context = prev.is_some_and(|p| {
        p.is_any(&[
            "in",
            "during",
            "this",
            "last",
            "next",
            "the",
            "early",
            "late",
            "mid",
            "since",
            "until",
            "by",
            "past",
            "coming",
            "of",
            "through",
            "throughout",
            "over",
        ])
    });
    if year.is_none() {
        let is_fall = x.is("fall");
        let next = t.get(j);
        let next_ok = next.is_none_or(|z| {
            z.kind == Kind::Punct && !z.is_char(b'-')
                || z.is_any(&[
                    "and",
                    "when",
                    "after",
                    "before",
                    "as",
                    "at",
                    "with",
                    "to",
                    "for",
                    "session",
                    "offensive",
                    "campaign",
                    "months",
                    "break",
                ])
        });
        if is_fall {
            // The noun `fall` needs a season context: `last fall`, `in the fall.`
            if !(rel.is_some()
                || (prev.is_some_and(|p| p.is("the"))
                    && next_ok
                    && k >= 2
                    && t.get(k - 2).is_some_and(|q| {
                        q.is_any(&[
                            "in", "during", "by", "until", "since", "this", "over", "through",
                        ])
                    })))
            {
                return None;
            }
        } else if !context && !x.cap {
            return None;
        }
        if !next_ok && rel.is_none() && prev.is_some_and(|p| p.is("the")) {
            return None;
        }
        if x.cap && !context && k > 0 && prev.is_some_and(|p| p.cap && p.kind == Kind::Word) {
            return None;
        }
    }
    let Some(dct) = cx.dct else {
        return Some(match year {
            Some((y, a)) => hit(s, j, TimexType::Date, V::Season(y, se), a),
            None => hit(
                s,
                j,
                TimexType::Date,
                V::Lit(format!(
                    "XXXX-{}",
                    V::Season(2000, se).timex().get(5..).unwrap_or("SU")
                )),
                Anchor::None,
            ),
        });
    };
    let (y, a) = match year {
        Some(ya) => ya,
        None => {
            let cur = if se == Season::Winter && dct.month() <= 2 {
                dct.year() - 1
            } else {
                dct.year()
            };
            let iv = V::Season(cur, se).interval()?;
            let y = match rel {
                Some(-1) => {
                    if iv.0 <= dct {
                        if iv.1 >= dct { cur - 1 } else { cur }
                    } else {
                        cur - 1
                    }
                }
                Some(1) => {
                    if iv.0 > dct {
                        cur
                    } else {
                        cur + 1
                    }
                }
                Some(_) => cur,
                None => {
                    let tense = cx.tense(t.get(s)?.start, x.end);
                    match tense {
                        Tense::Past if iv.0 > dct => cur - 1,
                        Tense::Future if iv.1 < dct => cur + 1,
                        _ => cur,
                    }
                }
            };
            (y, cx.dct_anchor)
        }
    };
    Some(hit(s, j, TimexType::Date, V::Season(y, se), a))
}

fn easter(y: i32) -> Option<NaiveDate> {
    // Anonymous Gregorian algorithm.
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn holiday_head(cx: &Cx, t: &[Tok], k: usize) -> Option<Hit> {
    let x = tok(t, k)?;
    if !x.cap {
        return None;
    }
    let w = x.low();
    let mut e = k + 1;
    // `New Year` is one pattern but two tokens.
    let new_year = w == b"new";
    if new_year {
        e = k + 2;
    }
    let base: &[u8] = if new_year {
        b"new year"
    } else {
        w.strip_suffix(b"'s").unwrap_or(w)
    };
    // `Easter Monday`: the weekday parser knows the days named after Easter.
    if base == b"easter" && weekday_at(t, e).is_some() {
        return weekday_head(cx, t, e).filter(|h| h.s <= k);
    }
    let mut eve = false;
    // `New Year's Day`, `Christmas Eve`
    if t.get(e).is_some_and(|z| z.is("'s"))
        && t.get(e + 1).is_some_and(|z| z.is_any(&["day", "eve"]))
    {
        e += 1;
    }
    if t.get(e).is_some_and(|z| z.is("eve")) {
        eve = true;
        e += 1;
    } else if t.get(e).is_some_and(|z| z.is("day")) {
        e += 1;
    }
    let f = |y: i32| -> Option<NaiveDate> {
        let d = match base {
            b"christmas" => ymd(y, 12, 25),
            b"halloween" => ymd(y, 10, 31),
            b"new year" => ymd(y, 1, 1),
            b"easter" => easter(y),
            b"thanksgiving" => {
                let nov1 = ymd(y, 11, 1)?;
                let first_thu = (4 + 7 - i64::from(weekday_num(nov1))) % 7;
                add_days(nov1, first_thu + 21)
            }
            _ => None,
        }?;
        if eve { add_days(d, -1) } else { Some(d) }
    };
    let mut s = k;
    let prev = if k >= 1 { t.get(k - 1) } else { None };
    let rel = if prev.is_some_and(|p| p.is("last")) {
        s = k - 1;
        Tense::Past
    } else if prev.is_some_and(|p| p.is("next")) {
        s = k - 1;
        Tense::Future
    } else {
        Tense::Unknown
    };
    if let Some((y, nj, a)) = explicit_year_after(cx, t, e) {
        let d = f(y)?;
        return Some(hit(s, nj, TimexType::Date, V::Day(d), a));
    }
    cx.dct?;
    let span = if rel == Tense::Unknown {
        Some((t.get(s)?.start, t.get(e - 1)?.end))
    } else {
        None
    };
    let tense = || span.map_or(rel, |(st, en)| cx.tense(st, en));
    let y = pick_year(cx, tense, |y| f(y).map(|d| (d, d)))?;
    Some(hit(s, e, TimexType::Date, V::Day(f(y)?), cx.dct_anchor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// [`pick_year`] as it was, with the tense found up front.
    fn pick_year_eager(
        cx: &Cx,
        tense: Tense,
        f: impl Fn(i32) -> Option<(NaiveDate, NaiveDate)>,
    ) -> Option<i32> {
        let dct = cx.dct?;
        let y = dct.year();
        let (a, b) = f(y)?;
        let ym = |d: NaiveDate| d.year() * 12 + i32::try_from(d.month()).unwrap_or(0);
        let day = a == b;
        let month = !day && a.year() == b.year() && a.month() == b.month();
        let near = |d: NaiveDate| (d - dct).num_days().abs() <= NEAR_DAYS;
        match tense {
            Tense::Past if day && near(a) => Some(y),
            Tense::Future if day && near(b) => Some(y),
            Tense::Past if month && ym(a) == ym(dct) + 1 => Some(y),
            Tense::Future if month && ym(b) == ym(dct) - 1 => Some(y),
            Tense::Past if ym(a) > ym(dct) => Some(y - 1),
            Tense::Future if ym(b) < ym(dct) => Some(y + 1),
            Tense::Unknown | Tense::Present => {
                let dist = |yy: i32| -> i64 {
                    f(yy).map_or(i64::MAX, |(a, b)| {
                        if dct < a {
                            (a - dct).num_days()
                        } else if dct > b {
                            (dct - b).num_days()
                        } else {
                            0
                        }
                    })
                };
                [y, y - 1, y + 1].into_iter().min_by_key(|yy| dist(*yy))
            }
            _ => Some(y),
        }
    }

    fn cx(dct: NaiveDate) -> Cx<'static> {
        Cx {
            text: "",
            lower: &[],
            dct: Some(dct),
            dct_anchor: Anchor::Article,
            last: None,
            last_quarter: None,
            last_day: None,
            story_day: None,
        }
    }

    const TENSES: [Tense; 4] = [Tense::Past, Tense::Future, Tense::Present, Tense::Unknown];

    proptest! {
        /// Asking for the tense only when it can matter picks the same year, for days (even
        /// ones that move from year to year, like Easter), months and seasons.
        #[test]
        fn lazy_tense_picks_the_same_year(
            dct_day in 0i64..(366 * 3),
            m in 1u32..=12,
            d in 1u32..=31,
            wobble in 0i32..40,
            t in 0usize..4,
            kind in 0u8..3,
        ) {
            let Some(dct) = add_days(NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(), dct_day) else {
                return Ok(());
            };
            let tense = TENSES[t];
            let cx = cx(dct);
            let f = |y: i32| -> Option<(NaiveDate, NaiveDate)> {
                match kind {
                    0 => ymd(y, m, d).map(|x| (x, x)),
                    // A day that moves with the year.
                    1 => add_days(ymd(y, m, 1)?, i64::from((y * 7 + wobble) % 40)).map(|x| (x, x)),
                    _ => V::Month(y, m).interval(),
                }
            };
            let lazy = pick_year(&cx, || tense, f);
            prop_assert_eq!(lazy, pick_year_eager(&cx, tense, f));
        }
    }

    #[test]
    fn a_near_day_needs_no_tense() {
        let dct = NaiveDate::from_ymd_opt(2024, 3, 10).unwrap();
        let cx = cx(dct);
        for (m, d) in [(3, 1), (2, 1), (4, 30), (1, 20)] {
            let y = pick_year(
                &cx,
                || unreachable!("tense asked"),
                |y| ymd(y, m, d).map(|x| (x, x)),
            );
            assert_eq!(y, Some(2024));
        }
    }
}
