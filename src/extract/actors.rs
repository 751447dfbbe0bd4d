//! Actors: canonical names and aliases from `assets/actors.txt` (and user files), plus people
//! recognized by their title (`Minister Yun Jong Ho`, `spokesman John Kirby`, `Mr Kirby`).

use std::sync::LazyLock;

use regex::Regex;

use super::ExtractError;
use super::words::{self, is_word_byte_before, is_word_end, never_a_name};
use crate::text::trie::{PairSet, Trie};

/// What kind of actor a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Country,
    Org,
    Person,
    Group,
}

#[derive(Clone, Debug)]
struct Alias {
    actor: usize,
    /// A short alias (`~Kim`) counts only after the actor was named in full earlier.
    short: bool,
    /// A demonym (`Russian`, `North Korean`): an adjective before common nouns.
    demonym: bool,
}

/// An actor as the vocabulary defines it.
#[derive(Clone, Debug)]
pub struct ActorDef {
    pub name: String,
    pub kind: Kind,
    /// The country or organization a person belongs to (`@Russia` in the file).
    pub affiliation: Option<String>,
}

/// The compiled actor list.
#[derive(Clone, Debug)]
pub struct Actors {
    pub defs: Vec<ActorDef>,
    aliases: Vec<Alias>,
    /// Every alias's text, numbered as `aliases`.
    trie: Trie,
    /// The byte pairs an alias or a title starts with.
    starts: PairSet,
    /// How to find aliases from their anchor bytes; `None` when a user alias has no anchor
    /// (every position is then tried).
    anchors: Option<Anchors>,
}

/// A mention of an actor in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub kind: Kind,
    /// The mention is a demonym or country name directly followed by a title (`Russian
    /// President`), or a title-only heuristic; it is not itself the one acting.
    pub modifier: bool,
    /// The mention is a demonym (`Russian`), not a name.
    pub demonym: bool,
    /// For a person: the country or organization named with them (`Russian President`) or
    /// given in the actor list.
    pub affiliation: Option<String>,
}

/// One parsed line: (kind, canonical, aliases with short flag).
pub type ActorLine = (Kind, String, Option<String>, Vec<(String, bool)>);

/// Parses an actors file. `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<Vec<ActorLine>, ExtractError> {
    let mut kind = Kind::Country;
    let mut out = Vec::new();
    for (no, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            kind = match section.trim() {
                "country" | "countries" | "place" | "places" => Kind::Country,
                "org" | "orgs" | "organization" | "organizations" => Kind::Org,
                "person" | "people" => Kind::Person,
                "group" | "groups" => Kind::Group,
                other => {
                    return Err(ExtractError::Vocabulary {
                        file: origin.to_string(),
                        line: no + 1,
                        message: format!(
                            "unknown section `[{other}]` (expected country, org, person or group)"
                        ),
                    });
                }
            };
            continue;
        }
        let mut parts = line.split('|').map(str::trim).filter(|p| !p.is_empty());
        let Some(head) = parts.next() else {
            continue;
        };
        let (canonical, affiliation) = match head.split_once('@') {
            Some((c, a)) => (c.trim(), Some(a.trim().to_string())),
            None => (head, None),
        };
        let mut aliases = vec![(canonical.to_string(), false)];
        for p in parts {
            match p.strip_prefix('~') {
                Some(s) => aliases.push((s.trim().to_string(), true)),
                None => aliases.push((p.to_string(), false)),
            }
        }
        out.push((kind, canonical.to_string(), affiliation, aliases));
    }
    Ok(out)
}

/// The titles that introduce a person's name, in the order they are tried at one position
/// (`Secretary` before `Secretary-General`, `Mr.` before `Mr`): the first one followed by a
/// name wins.
const TITLES: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "Minister",
    "Secretary",
    "Secretary-General",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "Leader",
    "leader",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Mayor",
    "General",
    "Gen.",
    "Admiral",
    "Colonel",
    "Ambassador",
    "Envoy",
    "envoy",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Dr.",
    "Dr",
    "Pope",
    "Premier",
    "Commander",
    "Chairman",
    "Chairwoman",
    "Director",
    "Official",
    "official",
    "Expert",
    "expert",
    "Analyst",
    "analyst",
    "Professor",
    "Prof.",
    "Judge",
    "Sheikh",
    "Emir",
    "Lieutenant",
    "Captain",
    "Speaker",
    "Chief",
    "chief",
    "minister",
    "secretary",
    "Diplomat",
    "diplomat",
    "Adviser",
    "adviser",
    "Advisor",
    "advisor",
    "president",
    "commander",
    "Head",
    "head",
    "Executive",
    "executive",
    "Founder",
    "founder",
    "Entrepreneur",
    "entrepreneur",
    "Correspondent",
    "correspondent",
    "Reporter",
    "reporter",
    "Fellow",
    "fellow",
    "Researcher",
    "researcher",
    "CEO",
];

/// All titles in one trie, probed at each word start.
static TITLE_TRIE: LazyLock<Trie> = LazyLock::new(|| Trie::new(TITLES));

/// All titles written backwards, to find the titles ending right before a name.
static TITLES_REVERSED: LazyLock<Trie> = LazyLock::new(|| {
    let reversed: Vec<Vec<u8>> = TITLES.iter().map(|t| t.bytes().rev().collect()).collect();
    Trie::new(&reversed)
});

/// Bytes that anchor a search: an ASCII capital or the first byte of a non-ASCII char.
fn is_anchor_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0xC0
}

/// Where aliases can be found from their anchors: an alias has an anchor byte (an ASCII
/// capital or a non-ASCII char) at one of `offsets` from its start, one of `bytes`, or is
/// one of the few all-lowercase ones searched for as they are (`unanchored`).
#[derive(Clone, Debug)]
struct Anchors {
    offsets: Vec<usize>,
    bytes: [bool; 256],
    unanchored: Vec<memchr::memmem::Finder<'static>>,
}

/// Beyond this many all-lowercase aliases, every position is tried instead.
const MAX_UNANCHORED: usize = 16;

impl Anchors {
    /// The anchors of `aliases`, or `None` if too many aliases have none.
    fn of(aliases: &[String]) -> Option<Self> {
        let mut offsets = Vec::new();
        let mut unanchored = Vec::new();
        let mut bytes = [false; 256];
        // Titles are found from the capital opening the name after them.
        for b in b'A'..=b'Z' {
            bytes[usize::from(b)] = true;
        }
        for a in aliases {
            let Some((k, &b)) = a
                .as_bytes()
                .iter()
                .enumerate()
                .find(|&(_, &b)| is_anchor_byte(b))
            else {
                if unanchored.len() >= MAX_UNANCHORED {
                    return None;
                }
                unanchored.push(memchr::memmem::Finder::new(a.as_bytes()).into_owned());
                continue;
            };
            if !offsets.contains(&k) {
                offsets.push(k);
            }
            if let Some(slot) = bytes.get_mut(usize::from(b)) {
                *slot = true;
            }
        }
        offsets.sort_unstable();
        Some(Self {
            offsets,
            bytes,
            unanchored,
        })
    }
}

/// A letter outside ASCII (Unicode general category L), for names like `Lavrov’s` or `Đức`.
static NON_ASCII_LETTER: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"^\p{L}").ok());

/// A character that may continue a name word: a letter, an apostrophe or a hyphen.
fn is_name_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '\'' || c == '-';
    }
    if c == '’' {
        return true;
    }
    let mut buf = [0u8; 4];
    NON_ASCII_LETTER
        .as_ref()
        .is_some_and(|re| re.is_match(c.encode_utf8(&mut buf)))
}

/// The end of a name word starting at `at`: an ASCII capital and at least one name
/// character after it.
fn name_word_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    if !rest.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let tail = rest.get(1..)?;
    let len: usize = tail
        .chars()
        .take_while(|&c| is_name_char(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(at + 1 + len)
}

/// After a title ending at `at`: an optional comma, a space, then a name of one to four
/// capitalized words (with `bin`, `al-`, `de`, `van`, `von` allowed before a word). Returns
/// the name's byte range.
fn name_after_title(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    if bytes.get(i) == Some(&b',') {
        i += 1;
    }
    if bytes.get(i) != Some(&b' ') {
        return None;
    }
    let start = i + 1;
    let mut end = name_word_end(text, start)?;
    for _ in 0..3 {
        if bytes.get(end) != Some(&b' ') {
            break;
        }
        let mut w = end + 1;
        let rest = text.get(w..).unwrap_or("");
        if let Some(p) = ["bin ", "al-", "de ", "van ", "von "]
            .iter()
            .find(|p| rest.starts_with(*p))
        {
            w += p.len();
        }
        match name_word_end(text, w) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some((start, end))
}

/// Every `title name` in `text`, left to right without overlaps: the byte range of each
/// match's name. A title starts a word (no ASCII letter, digit or `_` before it); of the
/// titles starting at one position, the first in `TITLES` followed by a name wins.
#[cfg(test)]
fn titled_names(text: &str) -> Vec<(usize, usize)> {
    scan(None, TITLE_TRIE.starts(), text).1
}

/// What [`scan`] finds: (alias index, start, end) of each alias match, and the byte range
/// of each name after a title.
type Scanned = (Vec<(usize, usize, usize)>, Vec<(usize, usize)>);

/// Whether a title found at `start` begins inside a word (the byte before is an ASCII letter,
/// digit or `_`): `Mr` in `HMr` is none.
fn title_inside_word(bytes: &[u8], start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|b| bytes.get(b))
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// One pass over `text` for the aliases in `aliases` (as [`Actors::alias_matches`] reads
/// them) and the titled names (as [`titled_names`] reads them). `starts` holds the byte
/// pairs an alias or a title starts with.
fn scan(aliases: Option<&Trie>, starts: &PairSet, text: &str) -> Scanned {
    let titles = &*TITLE_TRIE;
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut named = Vec::new();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    // Where each search goes on: after the last alias, after the last name.
    let (mut alias_at, mut title_at) = (0usize, 0usize);
    let mut at = 0usize;
    loop {
        let start = match starts.find(bytes, at) {
            Some(p) => p,
            // The last byte has no pair: a one-byte pattern may still start there.
            None => match bytes.len().checked_sub(1) {
                Some(last) if last >= at => last,
                _ => break,
            },
        };
        at = start + 1;
        if start >= alias_at
            && let Some(trie) = aliases
            && let Some((pattern, end)) = trie.longest(bytes, start)
        {
            found.push((pattern, start, end));
            alias_at = end;
        }
        if start < title_at || title_inside_word(bytes, start) {
            continue;
        }
        hits.clear();
        titles.all_at(bytes, start, &mut hits);
        // By rank in `TITLES`, as the list orders them.
        hits.sort_unstable();
        if let Some(name) = hits
            .iter()
            .find_map(|&(_, end)| name_after_title(text, end))
        {
            named.push(name);
            title_at = name.1;
        }
    }
    (found, named)
}

/// The first `i` from `at` on with `table[bytes[i]]`, for a table that holds no ASCII byte but
/// the capitals: eight bytes at a time are passed over when they hold neither an ASCII
/// capital nor a byte beyond ASCII.
#[inline]
fn next_anchor(bytes: &[u8], at: usize, table: &[bool; 256]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let is_anchor = |i: usize| bytes.get(i).is_some_and(|&b| table[usize::from(b)]);
    let mut i = at;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let w = u64::from_le_bytes(eight);
        // For ASCII bytes (no carries between them): at least `A`, and above `Z`.
        let from_a = w.wrapping_add(ONES * 0x3F);
        let past_z = w.wrapping_add(ONES * 0x25);
        if (w | (from_a & !past_z)) & HIGH != 0
            && let Some(k) = (i..i + 8).find(|&k| is_anchor(k))
        {
            return Some(k);
        }
        i += 8;
    }
    (i..bytes.len()).find(|&k| is_anchor(k))
}

/// What [`scan`] finds, read from the anchor bytes only: an alias's anchor lies at one of
/// `anchors.offsets` from its start, and a title is followed by ` ` or `, ` and the capital
/// opening the name. Candidate starts are gathered, sorted, and then read exactly as
/// [`scan`] reads every position.
fn scan_anchored(aliases: &Trie, anchors: &Anchors, text: &str) -> Scanned {
    let bytes = text.as_bytes();
    let alias_starts = aliases.starts();
    // Candidate starts as bits (sorted and without repeats when read back).
    let mut candidates = Positions::new(bytes.len());
    let mut title_hits: Vec<(usize, usize, usize)> = Vec::new();
    let mut ends: Vec<(usize, usize)> = Vec::new();
    let mut at = 0usize;
    while let Some(r) = next_anchor(bytes, at, &anchors.bytes) {
        at = r + 1;
        for &k in &anchors.offsets {
            let Some(p) = r.checked_sub(k) else {
                break;
            };
            let may_start = match (bytes.get(p), bytes.get(p + 1)) {
                (Some(&a), Some(&b)) => alias_starts.contains(a, b),
                // A one-byte alias may end the text.
                (Some(_), None) => true,
                _ => false,
            };
            if may_start {
                candidates.insert(p);
            }
        }
        let before = |i: Option<usize>| i.and_then(|i| bytes.get(i)).copied();
        if bytes.get(r).is_some_and(u8::is_ascii_uppercase)
            && before(r.checked_sub(1)) == Some(b' ')
        {
            // A title ends at the space, or at a comma before it.
            let comma = r.checked_sub(2).filter(|&c| bytes.get(c) == Some(&b','));
            for end in std::iter::once(r - 1).chain(comma) {
                ends.clear();
                TITLES_REVERSED.all_ending_at(bytes, end, &mut ends);
                title_hits.extend(ends.iter().map(|&(idx, start)| (start, idx, end)));
            }
        }
    }
    // Every occurrence, overlapping ones too (`aa` in `Baaa` after the alias `Ba`).
    for f in &anchors.unanchored {
        let mut from = 0;
        while let Some(i) = bytes.get(from..).and_then(|rest| f.find(rest)) {
            candidates.insert(from + i);
            from += i + 1;
        }
    }
    let mut found = Vec::new();
    let mut alias_at = 0usize;
    for c in candidates.iter() {
        if c >= alias_at
            && let Some((pattern, end)) = aliases.longest(bytes, c)
        {
            found.push((pattern, c, end));
            alias_at = end;
        }
    }
    title_hits.sort_unstable();
    let mut named = Vec::new();
    let mut title_at = 0usize;
    for (start, _, end) in title_hits {
        if start < title_at || title_inside_word(bytes, start) {
            continue;
        }
        if let Some(name) = name_after_title(text, end) {
            named.push(name);
            title_at = name.1;
        }
    }
    (found, named)
}

/// A set of offsets into a text, one bit each: inserted in any order, read back in order.
struct Positions {
    bits: Vec<u64>,
}

impl Positions {
    /// An empty set for offsets below `len`.
    fn new(len: usize) -> Self {
        Self {
            bits: vec![0; len / 64 + 1],
        }
    }

    /// Adds `i` (an offset beyond the text's length is dropped).
    #[inline]
    fn insert(&mut self, i: usize) {
        if let Some(w) = self.bits.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// The offsets in the set, in increasing order.
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.bits.iter().enumerate().flat_map(|(k, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let b = w.trailing_zeros() as usize;
                w &= w - 1;
                Some(k * 64 + b)
            })
        })
    }
}

/// Words that may stand between a country or demonym and a person it qualifies.
const TITLE_WORDS: &[&str] = &[
    "army",
    "military",
    "navy",
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "security",
    "official",
    "officials",
    "leader",
    "secretary",
    "of",
    "state",
    "deputy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "envoy",
    "general",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "crown",
    "supreme",
    "national",
    "adviser",
    "advisor",
    "chief",
    "commander",
    "army",
    "military",
    "navy",
    "top",
    "senior",
    "former",
    "new",
    "economy",
    "trade",
    "interior",
    "finance",
    "'s",
    "’s",
    "s",
    "the",
    "head",
    "director",
    "dictator",
    "counterpart",
];

/// Titles that never name the one acting when alone (the person does); see also
/// [`never_a_name`].
const NON_NAME_WORDS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "State",
    "House",
    "Department",
    "Ministry",
    "Council",
];

impl Actors {
    pub fn build(lines: &[ActorLine]) -> Result<Self, ExtractError> {
        let mut defs: Vec<ActorDef> = Vec::new();
        let mut aliases = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (kind, canonical, affiliation, als) in lines {
            let actor = match defs.iter().position(|d| d.name == *canonical) {
                Some(i) => i,
                None => {
                    defs.push(ActorDef {
                        name: canonical.clone(),
                        kind: *kind,
                        affiliation: None,
                    });
                    defs.len() - 1
                }
            };
            if let (Some(a), Some(d)) = (affiliation, defs.get_mut(actor)) {
                d.affiliation = Some(a.clone());
            }
            for (a, short) in als {
                let mut variants = vec![a.clone()];
                if let Some(rest) = a.strip_prefix("the ") {
                    variants.push(format!("The {rest}"));
                }
                for v in variants {
                    if seen.contains_key(&v) {
                        continue;
                    }
                    seen.insert(v.clone(), texts.len());
                    texts.push(v);
                    aliases.push(Alias {
                        actor,
                        short: *short,
                        demonym: *kind == Kind::Country && is_demonym(a, canonical),
                    });
                }
            }
        }
        let trie = Trie::new(&texts);
        let starts = trie.starts().union(TITLE_TRIE.starts());
        let anchors = Anchors::of(&texts);
        Ok(Self {
            defs,
            aliases,
            trie,
            starts,
            anchors,
        })
    }

    /// Every actor mention in `text`, in order, including people found by their title and
    /// later mentions of their family name.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut seen_actor: Vec<bool> = vec![false; self.defs.len()];
        let (alias_matches, named) = match &self.anchors {
            Some(anchors) => scan_anchored(&self.trie, anchors, text),
            None => scan(Some(&self.trie), &self.starts, text),
        };
        // Room for every alias match and titled name: no copies while it grows.
        let mut out: Vec<Mention> = Vec::with_capacity(alias_matches.len() + named.len());
        for (pattern, start, end) in alias_matches {
            if is_word_byte_before(text, start) || !is_word_end(text, end) {
                continue;
            }
            let Some(alias) = self.aliases.get(pattern) else {
                continue;
            };
            let Some(def) = self.defs.get(alias.actor) else {
                continue;
            };
            if alias.short {
                let seen = seen_actor.get(alias.actor).copied().unwrap_or(false);
                // `Lami Kim` is not Kim Jong Un: a short alias right after a capitalized
                // word is someone else's name.
                let prev_cap = text
                    .get(..start)
                    .map(str::trim_end)
                    .and_then(|b| b.split(' ').next_back())
                    .is_some_and(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && !NON_NAME_WORDS.contains(&w)
                            && !never_a_name(w)
                            && !w.ends_with('.')
                    });
                if !seen || prev_cap {
                    continue;
                }
            }
            if let Some(s) = seen_actor.get_mut(alias.actor) {
                *s = true;
            }
            out.push(Mention {
                start,
                end,
                name: def.name.clone(),
                kind: def.kind,
                modifier: false,
                demonym: alias.demonym,
                affiliation: def.affiliation.clone(),
            });
        }
        add_titled_people(text, named, &mut out);
        out.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        // Drop mentions nested in an earlier, longer one.
        let mut kept: Vec<Mention> = Vec::with_capacity(out.len());
        for m in out {
            if kept.last().is_some_and(|k| m.start < k.end) {
                continue;
            }
            kept.push(m);
        }
        mark_modifiers(text, &mut kept);
        // Later mentions of a person (`Mr Kirby`) share the affiliation found once.
        let known: Vec<(String, String)> = kept
            .iter()
            .filter_map(|m| m.affiliation.clone().map(|a| (m.name.clone(), a)))
            .collect();
        for m in kept.iter_mut().filter(|m| m.kind == Kind::Person) {
            if m.affiliation.is_none() {
                m.affiliation = known
                    .iter()
                    .find(|(n, _)| *n == m.name)
                    .map(|(_, a)| a.clone());
            }
        }
        kept
    }
}

/// Adds the people named after a title (`named`, from [`scan`]) and their later bare family
/// names, where no mention in `out` (the alias mentions, in order and without overlaps)
/// covers them.
fn add_titled_people(text: &str, named: Vec<(usize, usize)>, out: &mut Vec<Mention>) {
    let mut people: Vec<(String, Vec<String>)> = Vec::new();
    let mut found: Vec<Mention> = Vec::new();
    for (mut name_start, mut name_end) in named {
        // `spokesman, Gen. Sylvain Ekenge`: an abbreviated title read as the name; the
        // name follows it.
        if text
            .get(name_start..name_end)
            .is_some_and(|t| words::ABBREVIATED_TITLES.contains(&t))
            && text.get(name_end..).is_some_and(|r| r.starts_with('.'))
        {
            let Some((s, e)) = name_after_title(text, name_end + 1) else {
                continue;
            };
            (name_start, name_end) = (s, e);
        }
        // `leader, Mr Tufan Erhürman`: a courtesy title opening the name is no part of it.
        if let Some(rest) = text.get(name_start..name_end)
            && let Some(t) = ["Mr ", "Mrs ", "Ms ", "Dr "]
                .iter()
                .find(|t| rest.starts_with(**t) && rest.len() > t.len())
        {
            name_start += t.len();
        }
        let Some(name) = text.get(name_start..name_end) else {
            continue;
        };
        let mut full = name.trim_end();
        for suf in ["'s", "’s"] {
            if let Some(s) = full.strip_suffix(suf) {
                full = s;
            }
        }
        let toks: Vec<&str> = full.split(' ').collect();
        if toks
            .iter()
            .any(|t| NON_NAME_WORDS.contains(t) || never_a_name(t))
        {
            // Keep only the tokens before a function word (`Mr Kirby said`).
            continue;
        }
        let start = name_start;
        let end = start + full.len();
        // A known actor covers this span already (`President Vladimir Putin`). The alias
        // mentions in `out` come in order without overlaps, so their ends grow too: the
        // first one ending after `start` is the only one that may overlap.
        let first_after = out.partition_point(|m| m.end <= start);
        if out.get(first_after).is_some_and(|m| m.start < end) {
            continue;
        }
        let canonical = if toks.len() == 1 {
            // `Mr Kirby`: the person named in full earlier, if any.
            people
                .iter()
                .find(|(_, short)| short.iter().any(|s| s == full))
                .map_or_else(|| full.to_string(), |(n, _)| n.clone())
        } else {
            full.to_string()
        };
        if toks.len() > 1 && !people.iter().any(|(n, _)| n == full) {
            let mut short = Vec::new();
            if let Some(last) = toks.last() {
                short.push((*last).to_string());
            }
            // (A given name too: `Prime Minister Abiy Ahmed` ... `Abiy said`.)
            if let Some(first) = toks.first() {
                short.push((*first).to_string());
            }
            people.push((full.to_string(), short));
        }
        found.push(Mention {
            start,
            end,
            name: canonical,
            kind: Kind::Person,
            modifier: false,
            demonym: false,
            affiliation: None,
        });
    }
    // Later bare family names (`Yun traveled`, `Leff said`).
    for (full, short) in &people {
        let first_at = found
            .iter()
            .find(|m| m.name == *full)
            .map_or(usize::MAX, |m| m.end);
        if first_at == usize::MAX {
            // (Every occurrence would come before the full name: none is kept.)
            continue;
        }
        for s in short {
            // Occurrences before the full name are not kept, so the search starts there,
            // unless the name can overlap itself (`A.A`): then which occurrences the
            // non-overlapping search finds depends on where it starts.
            let sb = s.as_bytes();
            let self_overlapping =
                (1..sb.len()).any(|k| sb.get(..k).is_some_and(|head| sb.ends_with(head)));
            let from = if self_overlapping { 0 } else { first_at };
            let rest = text.as_bytes().get(from..).unwrap_or_default();
            for i in memchr::memmem::find_iter(rest, sb).map(|i| from + i) {
                let e = i + s.len();
                if i < first_at
                    || is_word_byte_before(text, i)
                    || !is_word_end(text, e)
                    || text.get(e..).is_some_and(|r| {
                        r.starts_with(' ')
                            && r.get(1..2)
                                .is_some_and(|c| c.chars().all(char::is_uppercase))
                    })
                {
                    continue;
                }
                if found
                    .iter()
                    .chain(out.iter())
                    .any(|m| m.start < e && i < m.end)
                {
                    continue;
                }
                found.push(Mention {
                    start: i,
                    end: e,
                    name: full.clone(),
                    kind: Kind::Person,
                    modifier: false,
                    demonym: false,
                    affiliation: None,
                });
            }
        }
    }
    out.extend(found);
}

/// Whether `alias` of country `canonical` is its demonym (`Russian` of Russia, `North
/// Korean` of North Korea), not a capital or another name.
fn is_demonym(alias: &str, canonical: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "American",
        "Americans",
        "British",
        "French",
        "Dutch",
        "Swiss",
        "Filipino",
        "Welsh",
        "Scottish",
        "Emirati",
        "Burmese",
        "Kiwi",
        "Malagasy",
        "Burkinabe",
        "Congolese",
        "Ivorian",
        "Salvadoran",
        "Kosovar",
        "Bosnian",
        "Saudi",
        "Saudis",
    ];
    // `Palestinians`, `Israelis`: a plural demonym names the people, who act.
    if alias == canonical || alias.ends_with('s') {
        return false;
    }
    if IRREGULAR.contains(&alias) {
        return true;
    }
    let suffix = [
        "ian", "ians", "ean", "eans", "can", "cans", "ese", "ish", "i", "is", "ic", "an", "ans",
        "ch", "ese",
    ]
    .iter()
    .any(|s| alias.ends_with(s));
    let shared = alias
        .chars()
        .zip(canonical.chars())
        .take_while(|(a, b)| a == b)
        .count();
    suffix && shared >= 3
}

/// Whether `between`, trimmed, is `'s` or `’s`. Most text between two mentions opens with
/// an ASCII byte that is neither white space nor `'`, and then it is not (without trimming).
fn is_possessive(between: &str) -> bool {
    match between.as_bytes().first() {
        // (`char::is_whitespace` over ASCII: tab to carriage return, and the space.)
        Some(&b) if b.is_ascii() && !matches!(b, b'\t'..=b'\r' | b' ' | b'\'') => false,
        _ => matches!(between.trim(), "'s" | "’s"),
    }
}

/// Marks a country or organization mention that only qualifies a person right after it
/// (`North Korean leader Kim Jong Un`, `UK’s Foreign Minister David Cameron`), or a country
/// or body whose group or organization acts (`Yemen's Houthis`, `the African Union's Peace
/// and Security Council`).
fn mark_modifiers(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        let Some(next) = mentions.get(i + 1) else {
            break;
        };
        let Some(cur) = mentions.get(i) else { break };
        // `Yemen's Houthi movement`: the country only places the group that acts.
        let possessive = is_possessive(text.get(cur.end..next.start).unwrap_or(""));
        if matches!(cur.kind, Kind::Country | Kind::Org)
            && matches!(next.kind, Kind::Group | Kind::Org)
            && possessive
        {
            if let Some(m) = mentions.get_mut(i) {
                m.modifier = true;
            }
            continue;
        }
        if cur.kind == Kind::Person || next.kind != Kind::Person {
            continue;
        }
        let between = text.get(cur.end..next.start).unwrap_or("");
        // `U.S. Secretary of State, Antony Blinken`: a comma just before the name is fine,
        // and so is a title written short (`Congo's army spokesman, Gen. Sylvain Ekenge`).
        let mut between = between.trim_end();
        if let Some((head, last)) = between.rsplit_once(' ')
            && words::ABBREVIATED_TITLES.contains(&last.trim_end_matches('.'))
        {
            between = head;
        }
        let between = between.trim_end().trim_end_matches(',');
        if between.contains([',', '.', ';', '(', ')']) {
            continue;
        }
        let words: Vec<String> = between.split_whitespace().map(str::to_lowercase).collect();
        if words.len() <= 5
            && words.iter().all(|w| {
                TITLE_WORDS.contains(&w.as_str()) || w.starts_with('\'') || w.starts_with('’')
            })
            && let Some(m) = mentions.get_mut(i)
        {
            m.modifier = true;
            let country = m.name.clone();
            if let Some(p) = mentions.get_mut(i + 1)
                && p.affiliation.is_none()
            {
                p.affiliation = Some(country);
            }
        }
    }
    // `Turkish Cypriot leader Tufan Erhürman`: a demonym right before a qualifying one
    // qualifies too.
    for i in (0..mentions.len()).rev() {
        let next_qualifies = mentions
            .get(i + 1)
            .is_some_and(|n| n.modifier && n.kind == Kind::Country);
        if let (Some(next_start), Some(m)) =
            (mentions.get(i + 1).map(|n| n.start), mentions.get_mut(i))
            && next_qualifies
            && m.demonym
            && text.get(m.end..next_start) == Some(" ")
        {
            m.modifier = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actors() -> Actors {
        let lines = parse(
            "[country]\nNorth Korea | Pyongyang | North Korean | the North\nRussia | Moscow | Russian\nFrance | Élysée | the Élysée\n[group]\nal-Qaeda | the Q\nUnited Nations | the international community\n[person]\nKim Jong Un | ~Kim\nVladimir Putin | ~Putin\n",
            "t",
        )
        .unwrap();
        Actors::build(&lines).unwrap()
    }

    #[test]
    fn aliases_join_to_the_canonical_name() {
        let text = "The North said Pyongyang and Moscow agreed.";
        let names: Vec<String> = actors().find(text).into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["North Korea", "North Korea", "Russia"]);
    }

    #[test]
    fn short_aliases_need_the_full_name_first() {
        let text = "Kim met Lami Kim. Kim Jong Un left. Kim returned.";
        let found = actors().find(text);
        let starts: Vec<usize> = found.iter().map(|m| m.start).collect();
        assert_eq!(starts, [18, 36]);
    }

    #[test]
    fn titled_people_and_their_family_names() {
        let text = "A delegation headed by Minister Yun Jong Ho left. Yun traveled. Mr Kirby said.";
        let names: Vec<String> = actors().find(text).into_iter().map(|m| m.name).collect();
        assert_eq!(names, ["Yun Jong Ho", "Yun Jong Ho", "Kirby"]);
    }

    /// The regular expression `titled_names` replaced, kept here as the reference.
    fn titled_names_by_regex(text: &str) -> Vec<(usize, usize)> {
        let re = Regex::new(concat!(
            r"(?-u:\b)(?:President|Vice President|Prime Minister|Minister|Secretary|Secretary-General|",
            r"[Ss]pokes(?:man|woman|person)|[Ll]eader|Chancellor|King|Queen|Prince|Princess|",
            r"Senator|Sen\.|Rep\.|Representative|Governor|Mayor|General|Gen\.|Admiral|Colonel|",
            r"Ambassador|[Ee]nvoy|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Pope|Premier|Commander|Chairman|",
            r"Chairwoman|Director|[Oo]fficial|[Ee]xpert|[Aa]nalyst|Professor|Prof\.|Judge|Sheikh|",
            r"Emir|Lieutenant|Captain|Speaker|[Cc]hief|[Mm]inister|[Ss]ecretary|[Dd]iplomat|",
            r"[Aa]dviser|[Aa]dvisor|[Pp]resident|[Cc]ommander|[Hh]ead|[Ee]xecutive|[Ff]ounder|",
            r"[Ee]ntrepreneur|[Cc]orrespondent|[Rr]eporter|[Ff]ellow|[Rr]esearcher|CEO)",
            r",? ([A-Z][\p{L}'’-]+(?: (?:bin |al-|de |van |von )?[A-Z][\p{L}'’-]+){0,3})",
        ))
        .unwrap();
        re.captures_iter(text)
            .filter_map(|c| c.get(1))
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    const PIECES: &[&str] = &[
        "President",
        "Vice President",
        "Secretary",
        "Secretary-General",
        "Mr",
        "Mr.",
        "Mrs",
        "Ms.",
        "Dr",
        "Gen.",
        "General",
        "spokesman",
        "minister",
        "Prime Minister",
        "head",
        "CEO",
        "Sen.",
        "Rep.",
        "chief",
        "Kim",
        "Jong",
        "Un",
        "Lavrov’s",
        "O'Neil",
        "Đức",
        "Érdi",
        "bin",
        "al-Assad",
        "de",
        "van",
        "von",
        "Ali",
        "X",
        "the",
        "said",
        ",",
        ".",
        " ",
        " ",
        " ",
        "  ",
        "-",
        "_",
        "a",
        "7",
        "ä",
        "é",
        "’",
        "'",
        "Smith-Jones",
        "Presidential",
        "\n",
    ];

    proptest::proptest! {
        #[test]
        fn titled_names_match_the_reference_regex(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
            spaces in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let mut text = String::new();
            for (k, i) in picks.iter().enumerate() {
                text.push_str(PIECES[*i]);
                if spaces[k] {
                    text.push(' ');
                }
            }
            proptest::prop_assert_eq!(titled_names(&text), titled_names_by_regex(&text));
        }
    }

    proptest::proptest! {
        #[test]
        fn anchored_scan_matches_the_plain_scan(
            picks in proptest::collection::vec(0..PIECES.len() + ALIAS_PIECES.len(), 0..40),
            spaces in proptest::collection::vec(proptest::bool::ANY, 40),
        ) {
            let mut text = String::new();
            for (k, i) in picks.iter().enumerate() {
                text.push_str(PIECES.get(*i).copied().unwrap_or_else(|| ALIAS_PIECES[*i - PIECES.len()]));
                if spaces[k] {
                    text.push(' ');
                }
            }
            let a = actors();
            let anchors = a.anchors.as_ref().unwrap();
            proptest::prop_assert_eq!(
                scan_anchored(&a.trie, anchors, &text),
                scan(Some(&a.trie), &a.starts, &text)
            );
        }
    }

    proptest::proptest! {
        /// The eight-byte skip finds the anchors a byte-by-byte search finds.
        #[test]
        fn next_anchor_matches_a_byte_search(
            text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            at in 0usize..44,
        ) {
            let a = actors();
            let table = &a.anchors.as_ref().unwrap().bytes;
            let want = text
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| table[usize::from(b)]))
                .map(|k| at + k);
            proptest::prop_assert_eq!(next_anchor(&text, at, table), want);
        }

        #[test]
        fn next_anchor_matches_a_byte_search_in_words(
            text in "[a-zA-Z@\\[\\]^`{ .’É]{0,40}",
            at in 0usize..44,
        ) {
            let a = actors();
            let table = &a.anchors.as_ref().unwrap().bytes;
            let bytes = text.as_bytes();
            let want = bytes
                .get(at..)
                .and_then(|rest| rest.iter().position(|&b| table[usize::from(b)]))
                .map(|k| at + k);
            proptest::prop_assert_eq!(next_anchor(bytes, at, table), want);
        }
    }

    proptest::proptest! {
        #[test]
        fn possessive_check_matches_trimming(between in "[ \t\u{b}\u{a0}\u{2009}'’sx.]{0,6}") {
            proptest::prop_assert_eq!(
                is_possessive(&between),
                matches!(between.trim(), "'s" | "’s")
            );
        }
    }

    const ALIAS_PIECES: &[&str] = &[
        "the North",
        "North",
        "Korea",
        "Korean",
        "the",
        "breathe",
        "Moscow",
        "Pyongyang",
        "Putin",
        "Kim Jong",
        "Ék",
        "Élysée",
        "al-Q",
        "the international community",
        "international",
    ];

    #[test]
    fn overlapping_unanchored_aliases_are_all_tried() {
        let a = Actors::build(&parse("[group]\nBa\naa\n", "t").unwrap()).unwrap();
        let anchors = a.anchors.as_ref().unwrap();
        for text in ["Baaa", "aaaa", "Baa aaa Ba"] {
            assert_eq!(
                scan_anchored(&a.trie, anchors, text),
                scan(Some(&a.trie), &a.starts, text),
                "{text}"
            );
        }
    }

    #[test]
    fn unanchored_aliases_are_searched_as_they_are() {
        let mut list = String::from("[group]\nthe junta\n");
        let lines = parse(&list, "t").unwrap();
        let a = Actors::build(&lines).unwrap();
        assert_eq!(a.anchors.as_ref().map(|x| x.unanchored.len()), Some(1));
        assert_eq!(a.find("Then the junta said.").len(), 1);
        for i in 0..MAX_UNANCHORED {
            list.push_str(&format!("the junta {i}x\n"));
        }
        let a = Actors::build(&parse(&list, "t").unwrap()).unwrap();
        assert!(a.anchors.is_none());
        assert_eq!(a.find("Then the junta said.").len(), 1);
    }

    #[test]
    fn titled_names_on_tricky_titles() {
        for text in [
            "Secretary-General António Guterres said.",
            "Mrs. May and Mr Kirby, and Mr. de Gaulle met Dr.Who.",
            "spokesman, John Kirby said; XPresident Foo; _Mr Bar; éMr Baz; President  Two.",
            "President Bashar al-Assad and Sheikh Tamim bin Hamad Al Thani left.",
            "Chief Executive Tim Cook and Vice President Kamala Harris",
        ] {
            assert_eq!(titled_names(text), titled_names_by_regex(text), "{text}");
        }
    }

    #[test]
    fn demonyms_before_a_person_are_modifiers() {
        let text = "North Korean leader Kim Jong Un spoke.";
        let found = actors().find(text);
        assert!(found[0].modifier);
        assert_eq!(found[1].name, "Kim Jong Un");
    }
}
