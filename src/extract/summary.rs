//! Short readable summaries: who, then the event's phrase from the text, ended where a
//! phrase ends (never on `the`, `of`, `on` or half a date).

use std::borrow::Cow;
use std::sync::LazyLock;

use super::words::{Lexicon, MAX_WORDS, next_words_while, prev_words};

/// `w` lowercased as [`str::to_lowercase`] does, without copying a word that is lowercase
/// ASCII already.
fn lower(w: &str) -> Cow<'_, str> {
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Whether `w` is in `list` (lengths and first bytes compared before the words).
fn listed(list: &[&str], w: &str) -> bool {
    list.iter()
        .any(|x| x.len() == w.len() && x.as_bytes().first() == w.as_bytes().first() && *x == w)
}

/// Flags of the phrase lists in [`LISTS`].
const NO_END_FLAG: u32 = 1;
const OPENER_FLAG: u32 = 2;
const NOUN_END_FLAG: u32 = 4;

/// The lists read at every word of a summary's phrase, hashed once: [`NO_END`],
/// [`PHRASE_OPENERS`], [`NOUN_PHRASE_ENDS`].
static LISTS: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut lex = Lexicon::default();
    lex.add(NO_END, NO_END_FLAG);
    lex.add(PHRASE_OPENERS, OPENER_FLAG);
    lex.add(NOUN_PHRASE_ENDS, NOUN_END_FLAG);
    lex
});

/// Whether `w` is in the list of `flag` (see [`LISTS`]).
#[inline]
fn in_list(w: &str, flag: u32) -> bool {
    LISTS.flags(w) & flag != 0
}

/// Longest summary, in bytes (cut at a word boundary).
pub const MAX_LEN: usize = 80;

/// Words a summary never ends on: articles, prepositions, conjunctions, auxiliaries,
/// possessive pronouns and the first halves of time expressions.
const NO_END: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "into",
    "onto",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "than",
    "about",
    "over",
    "under",
    "during",
    "amid",
    "against",
    "between",
    "among",
    "after",
    "before",
    "since",
    "until",
    "while",
    "including",
    "toward",
    "towards",
    "via",
    "per",
    "last",
    "next",
    "early",
    "late",
    "some",
    "any",
    "each",
    "every",
    "such",
    "more",
    "most",
    "very",
    "so",
    "not",
    "no",
    "also",
    "just",
    "up",
    "out",
    "if",
    "when",
    "where",
    "whether",
    "it",
    "they",
    "he",
    "she",
    "we",
    "two",
    "three",
    "several",
    "many",
    "both",
    "all",
    "other",
    "another",
    "new",
    "own",
    "said",
    "saying",
    "says",
    "least",
    "earlier",
    "later",
    "ago",
    "soon",
    "already",
    "yet",
    "still",
    "recent",
    "latest",
    "potential",
    "possible",
    "first",
    "second",
    "such",
    "involving",
    "regarding",
    "concerning",
    "following",
    "according",
    "amid",
];

/// Words that open a new phrase: a good place to stop before.
const PHRASE_OPENERS: &[&str] = &[
    "overnight",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "again",
    "earlier",
    "later",
    "recently",
    "last",
    "this",
    "next",
    "ago",
    "because",
    "so",
    "when",
    "where",
    "if",
    "than",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "into",
    "onto",
    "to",
    "and",
    "or",
    "but",
    "as",
    "during",
    "amid",
    "against",
    "between",
    "among",
    "after",
    "before",
    "since",
    "until",
    "while",
    "including",
    "which",
    "who",
    "that",
    "over",
    "under",
    "despite",
    "following",
    "near",
    "off",
    "toward",
    "towards",
    "via",
    "about",
    "of",
];

/// What a summary is made of, as byte positions in the article text.
pub struct Parts<'a> {
    /// Who, as it should be written first (`Russia and North Korea`), may be empty.
    pub who: &'a str,
    /// Where the event's phrase starts (the trigger, or a plan verb before it).
    pub start: usize,
    /// End of the trigger words (the phrase never ends before this).
    pub trigger_end: usize,
    /// The phrase must not run past this (the clause end or the next event's trigger).
    pub limit: usize,
    /// The end of the trigger's clause: a phrase may end there.
    pub clause_end: usize,
    /// Time expressions of the sentence: the phrase stops before one.
    pub times: &'a [(usize, usize)],
    /// The type's own wording when there is no phrase to show (`denies allegations`).
    pub type_summary: &'a str,
    pub target: Option<&'a str>,
    /// A noun event: its phrase is the noun with its prepositional phrases only.
    pub nominal: bool,
}

/// Words that end a noun event's phrase: the verb that follows it.
const NOUN_PHRASE_ENDS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "may", "might",
    "drew", "draws", "led", "leads", "follows", "followed", "comes", "came", "came", "faces",
    "faced", "took", "takes", "marked", "marks", "sparked", "sparks", "raised", "raises",
    "prompted", "prompts", "showed", "shows", "that", "which",
];

/// Builds `"<who> <phrase>"`: the phrase is the text from `start` through the trigger and on
/// to the longest stretch that fits and ends at a phrase boundary.
pub fn summarize(text: &str, p: &Parts<'_>) -> String {
    let budget = MAX_LEN.saturating_sub(p.who.len() + 1).max(24);
    let phrase_end = phrase_end(text, p, budget);
    let raw = text
        .get(p.start..phrase_end.max(p.trigger_end))
        .unwrap_or("");
    let mut joined = String::with_capacity(raw.len());
    push_collapsed(&mut joined, raw);
    let phrase = balance_quotes(
        joined.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '"' && c != '”' && c != ')'),
        text.get(phrase_end..).unwrap_or(""),
    );
    let mut s = String::with_capacity(p.who.len() + phrase.len() + p.type_summary.len() + 8);
    if p.who.is_empty() {
        push_capitalized(&mut s, &phrase);
    } else {
        push_capitalized(&mut s, p.who);
        s.push(' ');
        if phrase.is_empty() {
            s.push_str(p.type_summary);
            if let Some(t) = p.target {
                s.push(' ');
                s.push_str(t);
            }
        } else {
            s.push_str(&phrase);
        }
    }
    truncate_owned(s)
}

/// Appends the words of `s` (split at whitespace) joined by single spaces.
fn push_collapsed(out: &mut String, s: &str) {
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(w);
    }
}

/// The end of the phrase: the last word (of up to twelve after the trigger) that stays in
/// budget, before the limit and before any time expression, after which a phrase can end.
fn phrase_end(text: &str, p: &Parts<'_>, budget: usize) -> usize {
    let first_time = p
        .times
        .iter()
        .filter(|&&(s, _)| s >= p.trigger_end)
        .map(|&(s, _)| s)
        .min()
        .unwrap_or(usize::MAX);
    let stop = p.limit.min(first_time);
    // The words that fit: up to the first that passes the stop or the budget.
    let words = next_words_while(text, p.trigger_end, MAX_WORDS, |(s, e)| {
        e <= stop && e.saturating_sub(p.start) <= budget && s < stop
    });
    // Each word lowercased once (on the stack, like the spans).
    let mut all_lowers: [Cow<'_, str>; MAX_WORDS] = Default::default();
    for (slot, &(s, e)) in all_lowers.iter_mut().zip(words.iter()) {
        *slot = lower(text.get(s..e).unwrap_or(""));
    }
    let lowers = all_lowers.get(..words.len()).unwrap_or(&[]);
    let lower_at = |i: usize| lowers.get(i).map(AsRef::as_ref);
    let possessive = |e: usize| {
        text.get(e..)
            .is_some_and(|r| r.starts_with("'s") || r.starts_with("’s") || r.starts_with("s'"))
    };
    let endable = |w: &str, e: usize| {
        let adverb = w.ends_with("ly") && w.len() > 4;
        // `a U.S. bomber`: a piece of an abbreviation is no end.
        let abbreviation = w.len() <= 2 && text.get(e..).is_some_and(|r| r.starts_with('.'));
        let number = w.chars().all(|c| c.is_ascii_digit());
        !(in_list(w, NO_END_FLAG) || possessive(e) || adverb || number || abbreviation)
    };
    let capital_at = |i: usize| {
        words
            .get(i)
            .and_then(|&(s, _)| text.get(s..))
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_uppercase)
    };
    // A noun event's phrase goes on only through prepositional phrases (`meeting of
    // experts in Moscow`), never into the verb that follows (`tests have led`).
    let mut usable = words.len();
    if p.nominal {
        // `launch of`: a trigger ending in a preposition has opened the phrase itself.
        let trigger_opens = text
            .get(p.start..p.trigger_end)
            .and_then(|t| t.split_whitespace().next_back())
            .is_some_and(|w| in_list(&lower(w), OPENER_FLAG));
        let opens = trigger_opens || lower_at(0).is_some_and(|w| in_list(w, OPENER_FLAG));
        if !opens {
            usable = 0;
        }
        if let Some(i) = lowers.iter().position(|w| in_list(w, NOUN_END_FLAG)) {
            usable = usable.min(i);
        }
    }
    // Best: an endable word followed by a phrase opener or by the end of the phrase.
    let mut fallback = None;
    for i in (0..usable).rev() {
        let (Some(&w), Some(lw)) = (words.get(i), lower_at(i)) else {
            continue;
        };
        // `a deal to maintain`: a verb right after `to` wants its object.
        let lowercase = text
            .get(w.0..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_lowercase);
        let bare_infinitive = lowercase && i > 0 && lower_at(i - 1).is_some_and(|v| v == "to");
        if !endable(lw, w.1) || bare_infinitive {
            continue;
        }
        let boundary = if i + 1 < usable {
            lower_at(i + 1).is_some_and(|n| in_list(n, OPENER_FLAG))
        } else {
            usable < words.len() || ends_phrase(text, w.1, p.clause_end.min(first_time))
        };
        if boundary {
            return w.1;
        }
        // Never cut a name in two (`between North | Korean Foreign Minister`).
        if fallback.is_none() && !capital_at(i + 1) {
            fallback = Some(w.1);
        }
    }
    // The trigger itself ends a phrase when what follows opens a new one.
    let after_trigger = if usable == 0 && p.nominal {
        true
    } else {
        lower_at(0).is_some_and(|n| in_list(n, OPENER_FLAG))
    };
    if after_trigger {
        return p.trigger_end;
    }
    fallback.unwrap_or(p.trigger_end)
}

/// Whether the text after `end` leaves the phrase (punctuation, the clause limit, or a
/// phrase opener).
fn ends_phrase(text: &str, end: usize, stop: usize) -> bool {
    if end >= stop || text.get(end..stop).is_some_and(|r| r.trim().is_empty()) {
        return true;
    }
    let rest = text.get(end..).unwrap_or("");
    let rest_trim = rest.trim_start();
    if rest_trim
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric())
    {
        return true;
    }
    let len: usize = rest_trim
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .map(char::len_utf8)
        .sum();
    in_list(&lower(rest_trim.get(..len).unwrap_or("")), OPENER_FLAG)
}

/// Modifier words ending in `-s` or `-ed` that are not verbs.
const NOUNISH: &[&str] = &[
    "weapons",
    "arms",
    "missiles",
    "drones",
    "rockets",
    "forces",
    "nations",
    "affairs",
    "armed",
    "combined",
    "unprecedented",
    "advanced",
    "renewed",
    "expanded",
    "planned",
    "scheduled",
    "unannounced",
    "alleged",
    "reported",
    "increased",
    "nuclear-armed",
    "unscheduled",
    "coordinated",
    "so-called",
    "talks",
    "peace",
];

/// The start of a noun event's own modifiers (`drone and cruise missile attacks`, `recent
/// weapons tests`): lowercase words right before the trigger, back to a determiner,
/// preposition, pronoun, verb-like word or name.
pub fn modifiers_start(text: &str, floor: usize, trigger_start: usize) -> usize {
    const STOP: &[&str] = &[
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "to",
        "of",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "into",
        "against",
        "during",
        "amid",
        "after",
        "before",
        "over",
        "about",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "said",
        "says",
        "that",
        "which",
        "who",
        "it",
        "they",
        "he",
        "she",
        "counter",
        "led",
        "respond",
        "conducts",
        "conducted",
        "held",
        "holds",
        "out",
        "up",
        "off",
        "launched",
        "staged",
        "began",
    ];
    let mut start = trigger_start;
    for (a, b) in prev_words(text, floor, trigger_start, 4) {
        let w = text.get(a..b).unwrap_or("");
        let between = text.get(b..start).unwrap_or("");
        if !between.trim().is_empty() && !between.trim().chars().all(|c| c == '-') {
            break;
        }
        let lw = lower(w);
        let lowercase = w.chars().next().is_some_and(char::is_lowercase);
        let verbish = (lw.ends_with("ed") && !listed(NOUNISH, &lw))
            || (lw.ends_with('s') && !listed(NOUNISH, &lw));
        if !lowercase || listed(STOP, &lw) || verbish {
            break;
        }
        start = a;
    }
    start
}

/// Closes a quotation the phrase opened (`as "groundless"`) when the text closes it right
/// after, or else drops the unmatched opening mark.
fn balance_quotes<'a>(phrase: &'a str, after: &str) -> Cow<'a, str> {
    // (Without a quotation mark, the common case, there is nothing to balance.)
    if !phrase.contains(['"', '“']) {
        return Cow::Borrowed(phrase);
    }
    let straight = phrase.matches('"').count();
    let (open, close) = (phrase.matches('“').count(), phrase.matches('”').count());
    if straight % 2 == 1 {
        if after.starts_with('"') {
            return Cow::Owned(format!("{phrase}\""));
        }
        if let Some(i) = phrase.rfind('"') {
            let mut p = phrase.to_string();
            p.remove(i);
            return Cow::Owned(p.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    if open > close {
        if after.starts_with('”') {
            return Cow::Owned(format!("{phrase}”"));
        }
        if let Some(i) = phrase.rfind('“') {
            let mut p = phrase.to_string();
            p.replace_range(i..i + '“'.len_utf8(), "");
            return Cow::Owned(p.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    Cow::Borrowed(phrase)
}

/// `s` with its first letter in upper case.
pub(super) fn capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_capitalized(&mut out, s);
    out
}

/// Appends `s` with its first letter in upper case.
fn push_capitalized(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        if c.is_ascii() {
            out.push(c.to_ascii_uppercase());
        } else {
            out.extend(c.to_uppercase());
        }
    }
    out.push_str(chars.as_str());
}

/// `A`, `A and B`, `A, B, and C`.
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => {
            let mut s = String::with_capacity(a.len() + b.len() + 5);
            s.push_str(a);
            s.push_str(" and ");
            s.push_str(b);
            s
        }
        [rest @ .., last] => {
            let len: usize = names.iter().map(|n| n.len() + 2).sum();
            let mut s = String::with_capacity(len + 4);
            for n in rest {
                s.push_str(n);
                s.push_str(", ");
            }
            s.push_str("and ");
            s.push_str(last);
            s
        }
    }
}

/// [`truncate`] of an owned string: one short enough is returned as it is.
fn truncate_owned(s: String) -> String {
    if s.len() <= MAX_LEN { s } else { truncate(&s) }
}

/// Cuts at the last word boundary at or before [`MAX_LEN`] bytes, adding an ellipsis.
pub fn truncate(s: &str) -> String {
    if s.len() <= MAX_LEN {
        return s.to_string();
    }
    let mut cut = MAX_LEN - 1;
    while cut > 0 && !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = s.get(..cut).unwrap_or("");
    let head = head.rsplit_once(' ').map_or(head, |(h, _)| h);
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sum(text: &str, who: &str, trigger: &str, times: &[(usize, usize)]) -> String {
        let start = text.find(trigger).unwrap();
        summarize(
            text,
            &Parts {
                who,
                start,
                trigger_end: start + trigger.len(),
                limit: text.len(),
                clause_end: text.len(),
                times,
                type_summary: "acts",
                target: None,
                nominal: false,
            },
        )
    }

    #[test]
    fn phrase_list_flags_are_list_membership() {
        for (list, flag) in [
            (NO_END, NO_END_FLAG),
            (PHRASE_OPENERS, OPENER_FLAG),
            (NOUN_PHRASE_ENDS, NOUN_END_FLAG),
        ] {
            for w in NO_END
                .iter()
                .chain(PHRASE_OPENERS)
                .chain(NOUN_PHRASE_ENDS)
                .chain(NOUNISH)
                .chain(["", "x", "visit", "the's"].iter())
            {
                assert_eq!(in_list(w, flag), listed(list, w), "{w:?}");
            }
        }
    }

    #[test]
    fn summary_reads_agent_then_trigger_phrase() {
        let text = "Russia rejected those claims as groundless, and more.";
        assert_eq!(
            sum(text, "Russia", "rejected", &[]),
            "Russia rejected those claims as groundless"
        );
    }

    #[test]
    fn summaries_end_at_a_phrase_boundary_not_on_a_preposition_or_a_date() {
        let text = "Pyongyang fired two short-range ballistic missiles into the sea off its east coast on Tuesday morning, the military said.";
        let on = text.find("on Tuesday").unwrap() + 3;
        let s = sum(text, "North Korea", "fired", &[(on, on + 15)]);
        assert_eq!(
            s,
            "North Korea fired two short-range ballistic missiles into the sea"
        );
        let text =
            "The agency said the missile hit the Ukrainian city of Kharkiv on January 2 at night.";
        let at = text.find("January 2").unwrap();
        assert_eq!(
            sum(text, "", "hit", &[(at, at + 9)]),
            "Hit the Ukrainian city of Kharkiv"
        );
    }

    #[test]
    fn noun_modifiers_start_the_phrase() {
        let text = "to counter Russian drone and cruise missile attacks.";
        let t = text.find("attacks").unwrap();
        let s = modifiers_start(text, 0, t);
        assert_eq!(&text[s..t], "drone and cruise missile ");
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let s = truncate(&"word ".repeat(40));
        assert!(s.len() <= MAX_LEN + 3 && s.ends_with('…'));
    }
}
