//! Rules that keep extraction sound on news written in styles other than the samples: the
//! month `May` is not a modal, `said it would` reports a plan, `the army` or `the group` as a
//! subject stands for the actor named with it earlier, a reduced relative (`individuals
//! accused of`) is not an event, a generic noun (`a rehearsal for invasion`) is not one
//! either, a UN body meeting is a UN meeting, and an event in a coordinated clause or in a
//! `since X, when ...` clause takes the date the sentence gives it.

use chrono::{Datelike, NaiveDate};

use crate::temporal::{Precision, TimeExpr, When};

use super::actors::{Kind, Mention};
use super::context::MODALS;
use super::words::{self, Before, is_word_char, next_words, prev_word, prev_words};

/// How the words before a trigger qualify it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    /// `may`, `could`, `if`: not an event.
    Modal,
    /// `said it would send`: a plan reported in the past.
    ReportedFuture,
    /// No modal at all (`in May`, `since May 2022` are months).
    None,
}

/// Verbs that report speech or intent before `would` (`said it would send`).
const REPORTING: &[&str] = &[
    "said",
    "says",
    "announced",
    "told",
    "stated",
    "added",
    "promised",
    "pledged",
    "vowed",
    "declared",
    "confirmed",
    "indicated",
    "signalled",
    "signaled",
];

/// The words of `text[from..to]` as byte ranges.
fn word_spans(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let Some(seg) = text.get(from..to) else {
        return out;
    };
    let mut start: Option<usize> = None;
    for (i, c) in seg.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((from + s, from + i));
        }
    }
    if let Some(s) = start {
        out.push((from + s, to));
    }
    out
}

/// Reads the modal words of the clause `[floor, pos)` before a trigger. A capitalized `May`
/// inside a clause, or followed by a number, is the month; `would` after a reporting verb
/// (`said it would send`) is a plan in reported speech, not a hypothesis.
pub fn modality(text: &str, lower: &str, floor: usize, pos: usize) -> Modality {
    let words = word_spans(lower, floor, pos);
    let n = words.len();
    let mut would_at: Option<usize> = None;
    let mut modal = false;
    for (i, &(a, b)) in words.iter().enumerate() {
        let w = lower.get(a..b).unwrap_or("");
        if !words::listed(MODALS, w) || (w == "potentially" && i + 4 < n) {
            continue;
        }
        if w == "may" && text.get(a..b) == Some("May") {
            let first = i == 0;
            let number_next = text
                .get(b..)
                .and_then(|r| r.trim_start().chars().next())
                .is_some_and(|c| c.is_ascii_digit());
            if !first || number_next {
                continue;
            }
        }
        if w == "would" && would_at.is_none() {
            would_at = Some(i);
            continue;
        }
        modal = true;
    }
    if modal {
        return Modality::Modal;
    }
    let Some(wi) = would_at else {
        return Modality::None;
    };
    let reported = words
        .iter()
        .take(wi)
        .rev()
        .take(4)
        .any(|&(a, b)| lower.get(a..b).is_some_and(|w| words::listed(REPORTING, w)));
    if reported {
        Modality::ReportedFuture
    } else {
        Modality::Modal
    }
}

/// `individuals accused of`, `a man charged with`: a speech participle right before `of` or
/// `with` with no auxiliary before it describes the noun before it; it is not an event (a
/// passive `was accused of` is told apart by the auxiliary, an active `accused X of` by the
/// object between).
pub fn reduced_relative(lower: &str, start: usize, end: usize) -> bool {
    let next = next_words(lower, end, 1);
    let link = next.first().and_then(|&(a, b)| lower.get(a..b));
    if !matches!(link, Some("of" | "with")) {
        return false;
    }
    let prev = prev_word(lower, start);
    !prev.is_some_and(|p| {
        matches!(
            p,
            "was" | "were" | "is" | "are" | "been" | "being" | "be" | "has" | "have" | "had"
        )
    })
}

/// Nouns that stand for a state's institution when they are the subject (`the army accused`).
const STATE_BODIES: &[&str] = &[
    "army",
    "military",
    "government",
    "navy",
    "regime",
    "junta",
    "ministry",
    "police",
    "presidency",
    "cabinet",
    "authorities",
];
/// Nouns that stand for an armed or political group (`the paramilitary group denied`).
const GROUP_NOUNS: &[&str] = &[
    "group",
    "militia",
    "rebels",
    "movement",
    "faction",
    "paramilitaries",
    "insurgents",
    "organisation",
    "organization",
    "fighters",
];

/// `The army accused`, `a charge the paramilitary group denied`: a definite common noun as
/// the subject right before a trigger stands for an actor named earlier in the article: a
/// state body for the country last named with that noun (`Sudan's army`, `the Sudanese
/// army`), a group noun for the organization last named before the trigger.
pub fn generic_subject(
    before: &Before<'_>,
    clause_start: usize,
    mentions: &[Mention],
) -> Option<String> {
    let (lower, trig_start) = (before.text(), before.end());
    // Adverbs between the subject and its verb (`the group later denied`) are skipped.
    let all = before.words(clause_start, 4);
    let mut prev: &[(usize, usize)] = &all;
    while prev.first().is_some_and(|&(a, b)| {
        lower.get(a..b).is_some_and(|w| {
            (w.ends_with("ly") && w.len() > 4)
                || matches!(
                    w,
                    "later" | "also" | "again" | "then" | "still" | "swiftly" | "quickly"
                )
        })
    }) {
        prev = prev.get(1..).unwrap_or(&[]);
    }
    let head = prev.first().and_then(|&(a, b)| lower.get(a..b))?;
    let det = prev
        .iter()
        .skip(1)
        .any(|&(a, b)| matches!(lower.get(a..b), Some("the" | "its" | "their")));
    if !det {
        return None;
    }
    let head_start = prev.first().map_or(trig_start, |&(a, _)| a);
    // The mentions before the head, latest first.
    let before = || mentions.iter().rev().filter(|m| m.end <= head_start);
    if words::listed(STATE_BODIES, head) {
        // The country named with this noun (`Sudan's army`, `the Sudanese army`), latest first.
        return before()
            .filter(|m| m.kind == Kind::Country)
            .find(|m| {
                next_words(lower, m.end, 3)
                    .iter()
                    .any(|&(a, b)| lower.get(a..b) == Some(head))
            })
            .map(|m| m.name.clone());
    }
    if words::listed(GROUP_NOUNS, head) {
        return before()
            .find(|m| matches!(m.kind, Kind::Org | Kind::Group) && !is_un_body(&m.name))
            .map(|m| m.name.clone());
    }
    None
}

fn is_un_body(name: &str) -> bool {
    name.starts_with("UN ") || name == "United Nations"
}

/// Words that make a meeting a UN body's own (`The U.N. Security Council met`).
const UN_BODIES: &[&str] = &[
    "security council",
    "general assembly",
    "human rights council",
    "un assembly",
    "u.n. assembly",
];

/// A meeting whose subject is a UN body (`The U.N. Security Council met`, `the General
/// Assembly is expected to meet`) is a UN meeting.
pub fn un_body_subject(lower: &str, clause_start: usize, trig_start: usize) -> bool {
    // `the Security Council, which is due to meet`: the body is just before the clause.
    let from = if lower
        .get(clause_start..)
        .is_some_and(|r| r.starts_with(", which ") || r.starts_with(" which "))
    {
        floor_char(lower, clause_start.saturating_sub(40))
    } else {
        clause_start
    };
    // (The African Union's Peace and Security Council is no UN body.)
    lower.get(from..trig_start).is_some_and(|s| {
        UN_BODIES.iter().any(|b| s.contains(b)) && !s.contains("peace and security council")
    })
}

/// The nearest char boundary at or after `i`.
fn floor_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// `a rehearsal for invasion`, `threats of attack`, `came for talks with`: an event noun
/// with no determiner right after a preposition names a kind or purpose, not an event.
pub fn bare_generic_noun(before: &Before<'_>, floor: usize) -> bool {
    let (lower, start) = (before.text(), before.end());
    // `waves of air strikes`, `a series of attacks`: a count of events, not a kind.
    let prev = before.words(floor, 2);
    let counted = prev
        .get(1)
        .and_then(|&(a, b)| lower.get(a..b))
        .is_some_and(super::words::is_count_noun);
    if counted {
        return false;
    }
    let Some(p) = prev.first().and_then(|&(a, b)| lower.get(a..b)) else {
        return false;
    };
    // Nothing but a space between the preposition and the noun (no `for a new`).
    let adjacent = prev.first().is_some_and(|&(_, b)| {
        lower
            .get(b..start)
            .is_some_and(|s| s.chars().all(char::is_whitespace))
    });
    adjacent
        && matches!(
            p,
            "for" | "of" | "against" | "into" | "from" | "toward" | "towards"
        )
}

/// Words after `land in`/`arrive in` that are no destination of a visit.
const NOT_DESTINATIONS: &[&str] = &["sea", "water", "waters", "ocean", "field", "fields"];
/// Things that land or arrive without visiting.
const OBJECTS: &[&str] = &[
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "projectile",
    "projectiles",
    "debris",
    "shell",
    "shells",
    "drone",
    "drones",
    "warhead",
    "balloon",
    "balloons",
    "satellite",
    // Aircraft fly and land without anyone visiting: `the A380 was set to land in`.
    "plane",
    "planes",
    "airliner",
    "airliners",
    "jetliner",
    "flight",
    "flights",
    "a380",
    "a380s",
];

/// `The missile ... flew 600 km before landing in the sea`, `the A380 is flying to Chicago`: a
/// thing landing or flying is no visit.
pub fn thing_lands(lower: &str, sent_start: usize, start: usize, end: usize) -> bool {
    let word = lower.get(start..end).unwrap_or("");
    if !["land", "arriv", "fly", "flew", "flown", "travel"]
        .iter()
        .any(|p| word.starts_with(p))
    {
        return false;
    }
    let dest = next_words(lower, end, 2).iter().any(|&(a, b)| {
        lower
            .get(a..b)
            .is_some_and(|w| words::listed(NOT_DESTINATIONS, w))
    });
    let thing = word_spans(lower, sent_start, start)
        .iter()
        .any(|&(a, b)| lower.get(a..b).is_some_and(|w| words::listed(OBJECTS, w)));
    dest || thing
}

/// `accurately hit a target in the open sea`: a strike on a target at sea with no ship
/// named is a weapons test, not an attack.
pub fn target_at_sea(lower: &str, end: usize, clause_end: usize) -> bool {
    let words = word_spans(lower, end, clause_end);
    let has = |set: &[&str]| {
        words
            .iter()
            .take(10)
            .any(|&(a, b)| lower.get(a..b).is_some_and(|w| set.contains(&w)))
    };
    has(&["target", "targets"])
        && has(&["sea", "waters", "ocean", "island", "range"])
        && !has(&[
            "ship", "ships", "vessel", "vessels", "tanker", "boat", "port", "coast",
        ])
}

/// The words that join a clause to the one before with the same time (`..., and the two
/// leaders signed`).
pub fn coordinated(lower: &str, clause_start: usize) -> bool {
    lower
        .get(clause_start..)
        .is_some_and(|s| s.starts_with(", and ") || s.starts_with(" and "))
}

/// `since May 2022, when they vetoed`: an event in a `when` clause right after a `since`
/// expression happened at the start of the range, not over it. Returns the narrowed date.
pub fn since_when(lower: &str, when: &When, expr_end: usize, trig_start: usize) -> Option<When> {
    if when.precision != Precision::Range
        || !when.expression.to_ascii_lowercase().starts_with("since ")
    {
        return None;
    }
    let between = lower.get(expr_end..trig_start)?;
    if !between.trim_start().starts_with(", when ") && !between.starts_with(", when ") {
        return None;
    }
    if between.split_whitespace().count() > 6 {
        return None;
    }
    let start = when.start?;
    let (end, precision) = point_of(&when.expression, start)?;
    Some(When {
        start: Some(start),
        end: Some(end),
        precision,
        expression: when.expression.clone(),
        anchor: when.anchor,
        value: start
            .format(match precision {
                Precision::Year => "%Y",
                Precision::Month => "%Y-%m",
                _ => "%Y-%m-%d",
            })
            .to_string(),
    })
}

/// The end and precision of the point `since X` starts from: a day when X names one
/// (`since May 3`), a month when it names a month, else a year.
fn point_of(expression: &str, start: NaiveDate) -> Option<(NaiveDate, Precision)> {
    let rest = expression.get(6..).unwrap_or("").trim();
    let has_day = rest
        .split(|c: char| !c.is_ascii_digit())
        .any(|n| !n.is_empty() && n.len() <= 2);
    let has_month = rest.chars().next().is_some_and(char::is_alphabetic);
    if has_day {
        Some((start, Precision::Day))
    } else if has_month {
        let (y, m) = (start.year(), start.month());
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        }?;
        Some((next.pred_opt()?, Precision::Month))
    } else {
        let end = NaiveDate::from_ymd_opt(start.year(), 12, 31)?;
        Some((end, Precision::Year))
    }
}

/// Dates that the sentence gives an event outside its own clause: an undated past event in
/// a coordinated clause (`paid a visit on June 19, and the two leaders signed a treaty`)
/// shares the date of the event before it; an event in a `since X, when` clause happened at
/// X, not over the whole range.
pub(super) fn date_from_sentence(lower: &str, cands: &mut [super::Cand], exprs: &[&TimeExpr]) {
    // An expression belongs to the nearest event word: `denounced on Tuesday a joint
    // exercise` and `his trip to Ukraine since the invasion in February 2022` do not date the
    // exercise or the trip.
    let triggers: Vec<(usize, usize)> = cands
        .iter()
        .map(|c| (c.trig.start, c.trig.tail_end.max(c.trig.end)))
        .collect();
    for c in cands.iter_mut() {
        let Some(w) = &c.when else { continue };
        let Some(x) = exprs.iter().find(|x| {
            lower
                .get(x.start..x.end)
                .is_some_and(|e| e.eq_ignore_ascii_case(&w.expression))
        }) else {
            continue;
        };
        let (cs, ce) = (c.trig.start, c.trig.tail_end.max(c.trig.end));
        let between = triggers
            .iter()
            .any(|&(s, e)| s != cs && ((x.end <= s && e <= cs) || (ce <= s && e <= x.start)));
        // `discussed the treaty signed in June`: a date after a participle that modifies
        // another noun dates that noun's act; a standing remark (`have repeatedly denied`)
        // takes no date from another clause.
        let participle = x.start > ce && participle_before(lower, ce, x.start);
        let standing = (x.start < c.clause.0 || x.end > c.clause.1)
            && super::context::background(lower, c.clause.0, c.clause.1);
        if (c.nominal && between) || participle || standing {
            c.when = None;
            c.explicit = false;
        }
    }
    for i in 0..cands.len() {
        let Some(c) = cands.get(i) else { continue };
        let narrow = c.when.as_ref().and_then(|w| {
            let x = exprs.iter().filter(|x| x.end <= c.trig.start).find(|x| {
                lower
                    .get(x.start..x.end)
                    .is_some_and(|e| e.eq_ignore_ascii_case(&w.expression))
            })?;
            since_when(lower, w, x.end, c.trig.start)
        });
        if let Some(n) = narrow {
            if let Some(c) = cands.get_mut(i) {
                c.when = Some(n);
            }
            continue;
        }
        let shares = c.when.is_none()
            && !c.nominal
            && c.trig.form == super::vocab::Form::Past
            && !c.cues.perfect;
        if !shares {
            continue;
        }
        // (`met in December 2023 and agreed not to`: a verb sharing the subject.)
        let shared_subject = crate::extract::words::prev_word(lower, c.trig.start) == Some("and");
        if !(coordinated(lower, c.clause.0) || shared_subject) {
            continue;
        }
        let trig_start = c.trig.start;
        let before = cands
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|k| {
                k.explicit
                    && (k.clause.1 <= c.clause.0 || (shared_subject && k.trig.end < trig_start))
            })
            .and_then(|k| k.when.clone())
            .filter(|w| w.precision != Precision::Range);
        if let (Some(w), Some(c)) = (before, cands.get_mut(i)) {
            c.when = Some(w);
            c.explicit = true;
        }
    }
}

/// `condemned the drills`: a definite noun that is the topic of a speech act points back at
/// an event already told; it is dropped when an earlier event of its type exists.
pub(super) fn drop_told_topics(out: &mut Vec<super::Cand>) {
    let mut seen: Vec<usize> = Vec::new();
    out.retain(|c| {
        let told = seen.contains(&c.trig.type_idx);
        seen.push(c.trig.type_idx);
        !(c.topic && told)
    });
}

/// `have blocked new sanctions`, `opposed a ceasefire`, `rejected direct talks`: an event
/// noun that is the object of a verb of blocking or refusing did not happen.
pub fn blocked_object(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    const BLOCKING: &[&str] = &[
        "block",
        "blocks",
        "blocked",
        "blocking",
        "oppose",
        "opposes",
        "opposed",
        "opposing",
        "veto",
        "vetoes",
        "vetoed",
        "vetoing",
        "resist",
        "resisted",
        "thwart",
        "thwarted",
        "avert",
        "averted",
        "averting",
        "reject",
        "rejects",
        "rejected",
        "rejecting",
        "refuse",
        "refuses",
        "refused",
    ];
    before
        .words(floor, 5)
        .iter()
        .any(|&(a, b)| lower.get(a..b).is_some_and(|w| words::listed(BLOCKING, w)))
}

/// `Analysts expect Kim to visit`, `invited Putin to visit`: an infinitive whose subject is
/// named after a verb of expecting or inviting is a planned event.
pub fn expected_infinitive(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    const EXPECTING: &[&str] = &[
        "expect",
        "expects",
        "expected",
        "expecting",
        "invite",
        "invites",
        "invited",
        "inviting",
        "want",
        "wants",
        "wanted",
    ];
    let prev = before.words(floor, 5);
    if prev.first().and_then(|&(a, b)| lower.get(a..b)) != Some("to") {
        return false;
    }
    prev.iter()
        .skip(2)
        .any(|&(a, b)| lower.get(a..b).is_some_and(|w| words::listed(EXPECTING, w)))
}

/// Words after `at`/`on` that make a firing an attack on something (`at targets in Kharkiv`).
const TARGET_NOUNS: &[&str] = &[
    "targets",
    "target",
    "positions",
    "city",
    "cities",
    "town",
    "towns",
    "villages",
    "village",
    "troops",
    "forces",
    "base",
    "bases",
    "infrastructure",
    "territory",
    "tanker",
    "tankers",
    "ship",
    "ships",
    "vessel",
    "vessels",
    "boat",
    "boats",
    "freighter",
    "warship",
    "warships",
    "destroyer",
    "convoy",
    "airport",
    "airfield",
    "airfields",
    "port",
    "refinery",
    "capital",
];

/// `fired rockets at northern Israel`, `launched drones at Ukraine`: weapons fired at a
/// country, a city or targets are an attack, not a test (`into the sea`, `over Japan` and
/// `toward the East Sea` stay tests).
pub fn fired_at_target(lower: &str, from: usize, to: usize, mentions: &[&Mention]) -> bool {
    let words = word_spans(lower, from, to);
    let Some(i) = words.iter().take(10).position(|&(a, b)| {
        matches!(
            lower.get(a..b),
            Some("at" | "on" | "against" | "upon" | "into")
        )
    }) else {
        return false;
    };
    // (`into northern Israel` is a target; `into the sea`, `into the Sea of Japan` are not.)
    let into = words
        .get(i)
        .is_some_and(|&(a, b)| lower.get(a..b) == Some("into"));
    // The object of the preposition, up to the next comma: `on Monday, South Korea said`
    // names no target.
    let prep_end = words.get(i).map_or(to, |&(_, b)| b);
    let stop = lower
        .get(prep_end..to)
        .and_then(|r| r.find([',', ';', '(', ')']))
        .map_or(to, |k| prep_end + k);
    let after: Vec<(usize, usize)> = words
        .iter()
        .skip(i + 1)
        .take(3)
        .filter(|&&(_, b)| b <= stop)
        .copied()
        .collect();
    let Some(&(first, _)) = after.first() else {
        return false;
    };
    let last_end = after.last().map_or(first, |&(_, b)| b);
    let actor = mentions.iter().any(|m| {
        m.start >= first
            && m.start < last_end
            && !m.demonym
            && !(into
                && ["Sea", "Ocean", "Gulf", "Strait", "Bay"]
                    .iter()
                    .any(|w| m.name.contains(w)))
    });
    let noun = after.iter().any(|&(a, b)| {
        lower
            .get(a..b)
            .is_some_and(|w| words::listed(TARGET_NOUNS, w))
    });
    actor || noun
}

/// `claimed its troops had captured`: a claim about one's own side is a statement, not an
/// accusation.
pub fn claim_about_self(lower: &str, end: usize) -> bool {
    next_words(lower, end, 2).iter().any(|&(a, b)| {
        matches!(
            lower.get(a..b),
            Some("its" | "their" | "our" | "his" | "her" | "it" | "they" | "we")
        )
    })
}

/// Where the story starts after a wire dateline opening the sentence (`YANGON, May 27, 2026
/// (AFP) - `, `KYIV, Ukraine (AP) — `): a capitalized place, then an agency in brackets and a
/// dash within the first 80 bytes.
pub fn wire_dateline_end(text: &str, sent: (usize, usize)) -> Option<usize> {
    let s = text.get(sent.0..sent.1)?;
    let first = s.split([',', ' ', '(']).next()?;
    if first.len() < 2
        || !first
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-')
    {
        return None;
    }
    let head_len = s
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i <= 80)
        .last()?;
    let head = s.get(..head_len)?;
    let close = head.find(')')?;
    let open = head.get(..close)?.rfind('(')?;
    if close - open > 24 {
        return None;
    }
    let rest = s.get(close + 1..)?;
    let trimmed = rest.trim_start();
    let dash = trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '—' | '–' | '_'))?;
    Some(sent.0 + close + 1 + (rest.len() - trimmed.len()) + dash.len_utf8())
}

/// Where a sentence-final attribution starts (`..., a local group and residents said
/// Wednesday.`): after the last comma, a short speaker, a verb of saying and at most a few
/// words of time.
pub fn attribution_tail(lower: &str, sent: (usize, usize)) -> Option<usize> {
    const SAYING: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "reported",
        "stated",
        "announced",
        "confirmed",
        "wrote",
        "posted",
    ];
    let text = lower.get(sent.0..sent.1)?;
    let comma = text.rfind(',')?;
    let tail = text.get(comma + 1..)?;
    if words::has_double_quote(tail) {
        return None;
    }
    let start = sent.0 + comma + 1;
    // The first saying verb must be among the tail's first seven words, with at most three
    // after it: the walk stops as soon as neither can hold.
    let mut verb: Option<usize> = None;
    let mut count = 0usize;
    for w in words::words_in(lower, start, sent.1) {
        if verb.is_none() && SAYING.contains(&w) {
            verb = Some(count);
        }
        count += 1;
        match verb {
            None if count > 6 => return None,
            Some(v) if count - v > 4 => return None,
            _ => {}
        }
    }
    let verb = verb?;
    ((1..=6).contains(&verb) && count - verb <= 4).then_some(start)
}

/// `claims almost the entire sea`, `claimed responsibility`, `claimed an attack`: what
/// follows a claim is a thing claimed (territory, credit), not a charge against someone.
pub fn claim_to_a_thing(lower: &str, end: usize) -> bool {
    const THINGS: &[&str] = &[
        "a",
        "an",
        "almost",
        "all",
        "most",
        "much",
        "sovereignty",
        "responsibility",
        "credit",
        "victory",
        "control",
        "ownership",
        "part",
        "parts",
        "territory",
    ];
    const AFTER_THE: &[&str] = &[
        "entire",
        "whole",
        "region",
        "territory",
        "island",
        "islands",
        "area",
        "waters",
        "sea",
        "land",
        "disputed",
        "lives",
        "life",
    ];
    let next: Vec<&str> = next_words(lower, end, 2)
        .iter()
        .filter_map(|&(a, b)| lower.get(a..b))
        .collect();
    match next.as_slice() {
        [w, ..] if THINGS.contains(w) => true,
        ["the", w, ..] => AFTER_THE.contains(w),
        _ => false,
    }
}

/// The subject of a sentence whose clause starts with a participle (`..., accusing France
/// of meddling`): the first actor before the clause that is not after a preposition.
pub fn sentence_subject(
    lower: &str,
    sent_start: usize,
    clause_start: usize,
    mentions: &[&Mention],
) -> Option<String> {
    const PREPS: &[&str] = &[
        "in", "at", "to", "on", "into", "against", "with", "over", "near", "for", "by", "from",
        "of", "about",
    ];
    mentions
        .iter()
        .filter(|m| m.start >= sent_start && m.end <= clause_start && !m.modifier && !m.demonym)
        .find(|m| {
            // `Officials in Seoul`: a place after a role noun is the speaker's side.
            let pp = prev_words(lower, sent_start, m.start, 2);
            let word = |i: usize| pp.get(i).and_then(|&(a, b)| lower.get(a..b));
            let role = word(1).is_some_and(|w| {
                matches!(
                    w,
                    "officials" | "authorities" | "sources" | "diplomats" | "leaders"
                )
            });
            role || !word(0).is_some_and(|p| words::listed(PREPS, p))
        })
        .map(|m| m.name.clone())
}

/// `at noon on Saturday`, `4 a.m. on Wednesday`: a time of day next to a day expression
/// takes its day from that expression, not from the article date.
pub(super) fn day_of_time(text: &str, cands: &mut [super::Cand], exprs: &[&TimeExpr]) {
    for c in cands.iter_mut() {
        let Some(w) = &c.when else { continue };
        if !w.value.contains('T') {
            continue;
        }
        let Some(x) = exprs
            .iter()
            .find(|x| text.get(x.start..x.end) == Some(w.expression.as_str()))
        else {
            continue;
        };
        let gap = |a: usize, b: usize| {
            text.get(a..b)
                .is_some_and(|g| g.len() <= 5 && g.trim().chars().all(|ch| ch.is_alphabetic()))
        };
        let day = exprs.iter().find(|y| {
            !y.value.contains('T')
                && y.interval.is_some()
                && ((y.start >= x.end && gap(x.end, y.start))
                    || (y.end <= x.start && gap(y.end, x.start)))
        });
        if let Some(y) = day {
            c.when = Some(super::dating::when_of(text, y));
        }
    }
}

/// `the Vigilant Storm air exercise`, `Operation Desert Storm`: a capitalized trigger word
/// inside a run of capitalized words is part of a name, not an event (the first word of a
/// sentence is capitalized anyway).
pub fn inside_name(text: &str, sent_start: usize, start: usize, end: usize) -> bool {
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let Some(word) = text.get(start..end) else {
        return false;
    };
    if !cap(word)
        || text
            .get(sent_start..start)
            .is_none_or(|s| s.trim().is_empty())
    {
        return false;
    }
    let prev = prev_words(text, sent_start, start, 1);
    let prev_cap = prev.first().is_some_and(|&(a, b)| {
        text.get(a..b).is_some_and(|w| cap(w) && a > sent_start)
            && text.get(b..start).is_some_and(|g| g.trim().is_empty())
    });
    let next = next_words(text, end, 1);
    let next_cap = next
        .first()
        .is_some_and(|&(a, b)| text.get(a..b).is_some_and(cap));
    prev_cap || next_cap
}

/// `a day after North Korea test-fired`: a name right before a verb (at most an auxiliary
/// or adverb between) is its subject, even after a conjunction such as `after` or `since`.
pub fn adjacent_subject(lower: &str, trig_start: usize, mentions: &[&Mention]) -> Option<String> {
    const BETWEEN: &[&str] = &[
        "has",
        "have",
        "had",
        "also",
        "reportedly",
        "later",
        "then",
        "again",
        "recently",
        "just",
        "successfully",
        "allegedly",
        "first",
    ];
    let m = mentions
        .iter()
        .filter(|m| m.end <= trig_start && !m.modifier)
        .max_by_key(|m| m.end)?;
    let gap = lower.get(m.end..trig_start)?;
    let words: Vec<&str> = gap.split_whitespace().collect();
    let ok = gap.chars().all(|c| c.is_alphabetic() || c.is_whitespace())
        && words.len() <= 2
        && words.iter().all(|w| words::listed(BETWEEN, w));
    ok.then(|| m.name.clone())
}

/// `on Wednesday, a day after North Korea test-fired`: the offset before `after`/`before`
/// in days (hours count as the same day), when the words right before it say one.
fn offset_days(lower: &str, link: usize) -> Option<(i64, usize)> {
    let prev = prev_words(lower, 0, link, 2);
    let unit = prev.first().and_then(|&(a, b)| lower.get(a..b))?;
    let qty = prev.get(1).and_then(|&(a, b)| lower.get(a..b))?;
    let per = match unit {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        "hour" | "hours" | "minutes" => 0,
        _ => return None,
    };
    let n: i64 = match qty {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "several" | "few" | "some" if per == 0 => 0,
        q => q.parse().ok()?,
    };
    let start = prev.get(1).map_or(link, |&(a, _)| a);
    Some((n * per, start))
}

/// `staged an exercise on Wednesday, a day after North Korea test-fired a missile`: an
/// event in an `N days after/before` clause is dated from the day of the sentence's event
/// before it.
pub(super) fn date_offset_clauses(lower: &str, cands: &mut [super::Cand]) {
    for i in 0..cands.len() {
        let Some(c) = cands.get(i) else { continue };
        if c.explicit || c.status == super::Status::Planned {
            continue;
        }
        let Some(seg) = lower.get(c.sent.0..c.trig.start) else {
            continue;
        };
        let Some((link, sign)) = [(" after ", -1i64), (" before ", 1)]
            .iter()
            .filter_map(|(w, s)| seg.rfind(w).map(|k| (c.sent.0 + k, *s)))
            .max_by_key(|(k, _)| *k)
        else {
            continue;
        };
        let Some((days, phrase_start)) = offset_days(lower, link) else {
            continue;
        };
        let anchor = cands
            .get(..i)
            .unwrap_or(&[])
            .iter()
            .rev()
            .filter(|k| k.explicit && k.trig.start < phrase_start)
            .find_map(|k| k.when.clone())
            .filter(|w| w.precision == Precision::Day && w.start.is_some() && w.start == w.end);
        let Some(w) = anchor else { continue };
        let Some(day) = w.start.and_then(|d| {
            if sign < 0 {
                d.checked_sub_days(chrono::Days::new(days.unsigned_abs()))
            } else {
                d.checked_add_days(chrono::Days::new(days.unsigned_abs()))
            }
        }) else {
            continue;
        };
        if let Some(c) = cands.get_mut(i) {
            c.when = Some(When {
                start: Some(day),
                end: Some(day),
                precision: Precision::Day,
                expression: w.expression.clone(),
                anchor: w.anchor,
                value: day.format("%Y-%m-%d").to_string(),
            });
            c.explicit = true;
        }
    }
}

/// `the two countries signed`, `both sides agreed`, `the two leaders met`: the last two
/// countries named before (people for `leaders`, when two are named).
pub fn pair_subject(
    lower: &str,
    clause_start: usize,
    trig_start: usize,
    mentions: &[Mention],
) -> Vec<String> {
    let prev = prev_words(lower, clause_start, trig_start, 3);
    let word = |i: usize| {
        prev.get(i)
            .and_then(|&(a, b)| lower.get(a..b))
            .unwrap_or("")
    };
    // `the two sign a pact`: `two` is the head itself.
    let bare_two = word(0) == "two" && word(1) == "the";
    let head = if bare_two { "leaders" } else { word(0) };
    let pair = bare_two || matches!(word(1), "two" | "both") || word(2) == "both";
    let countries = matches!(
        head,
        "countries" | "sides" | "nations" | "governments" | "neighbours" | "neighbors" | "allies"
    );
    let leaders = matches!(
        head,
        "leaders" | "presidents" | "ministers" | "men" | "sides"
    );
    if !pair || !(countries || leaders) {
        return Vec::new();
    }
    let head_start = prev.first().map_or(trig_start, |&(a, _)| a);
    // The last two sides named: a country, or a person's country (`Putin visits Pyongyang;
    // the two sign` is Russia and North Korea); people themselves when no country is known.
    let mut sides: Vec<String> = Vec::new();
    for m in mentions
        .iter()
        .rev()
        .filter(|m| m.end <= head_start && matches!(m.kind, Kind::Country | Kind::Person))
    {
        let side = match (&m.kind, &m.affiliation) {
            (Kind::Person, Some(a)) => a.clone(),
            // (`the two countries` are no person without a known country.)
            (Kind::Person, None) if countries && !leaders => continue,
            _ => m.name.clone(),
        };
        if !sides.contains(&side) {
            sides.push(side);
        }
        if sides.len() == 2 {
            break;
        }
    }
    sides.reverse();
    if sides.len() == 2 { sides } else { Vec::new() }
}

/// Nouns that head a passive-object pattern (`shells were shipped`): the trigger starts at
/// the thing moved, which is the subject, so no doer is carried over from elsewhere.
pub fn object_first(lower: &str, start: usize, end: usize, tail_end: usize) -> bool {
    const THINGS: &[&str] = &[
        "weapons",
        "arms",
        "munitions",
        "ammunition",
        "shells",
        "missiles",
        "drones",
        "artillery",
        "troops",
        "mercenaries",
        "soldiers",
    ];
    tail_end > end
        && lower
            .get(start..end)
            .is_some_and(|w| words::listed(THINGS, w))
}

/// A sentence about a UN body (`voted 13-0 to adopt a resolution`): votes and resolutions
/// are UN meetings only in such a sentence.
pub fn un_context(lower: &str, sent: (usize, usize)) -> bool {
    lower.get(sent.0..sent.1).is_some_and(|s| {
        UN_BODIES.iter().any(|b| s.contains(b))
            || s.contains("u.n.")
            || s.contains("un ")
            || s.contains("united nations")
            || s.contains("iaea")
            || s.contains("board of governors")
    })
}

/// `warned against selling arms`, `refrain from sending troops`: an -ing act after `against`
/// or `from` is what someone wants prevented, not an event; `a resolution condemning` is the
/// document's content, not a separate act.
pub fn prevented_or_content(lower: &str, start: usize) -> bool {
    matches!(
        prev_word(lower, start),
        Some(
            "against"
                | "from"
                | "resolution"
                | "statement"
                | "declaration"
                | "letter"
                | "report"
                | "motion"
        )
    )
}

/// `the treaty signed in June`: the words right before an expression at `x` are a past
/// participle and a preposition, the participle following a noun that is not the trigger
/// (ending at `trig_end`) and with no comma between.
fn participle_before(lower: &str, trig_end: usize, x: usize) -> bool {
    let prev = prev_words(lower, trig_end, x, 3);
    let word = |i: usize| {
        prev.get(i)
            .and_then(|&(a, b)| lower.get(a..b))
            .unwrap_or("")
    };
    let prep = matches!(word(0), "in" | "on" | "at" | "last" | "earlier");
    let part = word(1);
    let participle = part.ends_with("ed")
        || matches!(
            part,
            "signed" | "held" | "made" | "sent" | "sold" | "given" | "taken" | "begun" | "built"
        );
    let noun_before = prev.get(2).is_some_and(|&(a, _)| a >= trig_end) && !word(2).is_empty();
    let no_comma = prev
        .get(1)
        .and_then(|&(a, _)| lower.get(trig_end..a))
        .is_some_and(|g| !g.contains(','));
    prep && participle
        && noun_before
        && no_comma
        && !matches!(
            word(2),
            "was" | "were" | "is" | "are" | "been" | "be" | "has" | "have" | "had"
        )
}

/// `monitoring sanctions`, `violating the ceasefire`: an event noun that is the object of a
/// verb of watching, breaking or easing it names the standing measure, not a new event.
pub fn object_of_measure_verb(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    const VERBS: &[&str] = &[
        "monitoring",
        "monitor",
        "monitors",
        "monitored",
        "enforcing",
        "enforce",
        "enforced",
        "evading",
        "evade",
        "evaded",
        "violating",
        "violate",
        "violated",
        "violates",
        "breaching",
        "breach",
        "breached",
        "circumventing",
        "circumvent",
        "skirting",
        "lifting",
        "lift",
        "lifted",
        "easing",
        "ease",
        "eased",
        "implementing",
        "implement",
    ];
    let prev = before.words(floor, 3);
    let mut ws = prev
        .iter()
        .map(|&(a, b)| lower.get(a..b).unwrap_or(""))
        .skip_while(|w| {
            matches!(
                *w,
                "the"
                    | "a"
                    | "an"
                    | "its"
                    | "their"
                    | "international"
                    | "un"
                    | "u.n"
                    | "western"
                    | "existing"
            )
        });
    ws.next().is_some_and(|w| words::listed(VERBS, w))
}

/// What the words right after a noun event say about it: `an attack could come` is
/// hypothetical, `the summit is expected to`, `a meeting will` are planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    Hypothetical,
    Planned,
    Plain,
}

/// Reads the two or three words after a noun trigger ending at `end`.
pub fn after_noun(lower: &str, end: usize) -> After {
    let next = next_words(lower, end, 3);
    let word = |i: usize| {
        next.get(i)
            .and_then(|&(a, b)| lower.get(a..b))
            .unwrap_or("")
    };
    match word(0) {
        "could" | "would" | "might" | "may" | "should" => After::Hypothetical,
        "will" => After::Planned,
        "is" | "are" | "was" | "were"
            if matches!(
                word(1),
                "expected" | "scheduled" | "set" | "due" | "planned" | "likely" | "unlikely"
            ) =>
        {
            if word(1) == "unlikely" {
                After::Hypothetical
            } else {
                After::Planned
            }
        }
        "remains" | "remain" | "seems" | "looks"
            if matches!(word(1), "unlikely" | "possible" | "likely") =>
        {
            After::Hypothetical
        }
        _ => After::Plain,
    }
}

/// `threatened to shell Iraqi towns`: a threatened act has not happened.
pub fn threatened_infinitive(before: &Before<'_>, floor: usize) -> bool {
    let lower = before.text();
    let prev = before.words(floor, 3);
    let word = |i: usize| {
        prev.get(i)
            .and_then(|&(a, b)| lower.get(a..b))
            .unwrap_or("")
    };
    word(0) == "to"
        && (word(1).starts_with("threaten")
            || (word(2).starts_with("threaten") && word(1) == "again"))
}
