//! Event types and their trigger lexicon, read from `assets/event-types.txt` (and user files).

use super::ExtractError;
use super::words::{is_word_byte_before, is_word_end, next_words};
use crate::text::trie::Trie;

/// Words a gapped pattern (`fire ... missile`) looks ahead for its tail: a gap of up to
/// eight words (`tested what it called a new hypersonic intermediate-range missile`).
const GAP_WORDS: usize = 9;

/// How a trigger form reads, which dating and status rules use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `visit`, `meet` (also after `will`, `to`, `did`).
    Base,
    /// `visits`.
    Present,
    /// `visited`, `met`.
    Past,
    /// `visiting`.
    Ing,
    /// `visit` as a noun, `summit`, `talks`.
    Noun,
}

/// One event type as the vocabulary defines it.
#[derive(Clone, Debug, Default)]
pub struct TypeDef {
    pub name: String,
    /// Third-person verb phrase for summaries (`visits`).
    pub summary: String,
    pub rank: i32,
    pub skip_before: Vec<String>,
    pub skip_after: Vec<String>,
}

#[derive(Clone, Debug)]
struct Pattern {
    type_idx: usize,
    form: Form,
    /// For gapped patterns: one of these words must follow within the clause.
    tail: Option<Tail>,
    weak: bool,
}

/// The words a gapped pattern looks for after its head.
#[derive(Clone, Debug)]
struct Tail {
    words: Vec<String>,
    /// For each word, its length and first eight bytes ([`Tail::key`]), side by side: equal
    /// keys of words up to eight bytes long mean equal words, so a lookup rarely reads the
    /// words themselves.
    keys: Vec<(usize, u64)>,
    /// The [`Tail::bit`] of every word: a word whose bit is clear is none of them, which
    /// settles most words of the window without reading the list.
    filter: u64,
}

impl Tail {
    fn new(words: Vec<String>) -> Self {
        let filter = words.iter().fold(0, |f, w| f | Self::bit(w));
        let keys = words.iter().map(|w| Self::key(w)).collect();
        Self {
            words,
            keys,
            filter,
        }
    }

    /// One of 64 bits, from a word's length and first byte.
    #[inline]
    fn bit(w: &str) -> u64 {
        let first = usize::from(w.as_bytes().first().copied().unwrap_or(0));
        1 << ((w.len() * 7 + first) & 63)
    }

    /// A word's length and its first eight bytes (zeros past its end).
    #[inline]
    fn key(w: &str) -> (usize, u64) {
        let mut head = [0u8; 8];
        for (slot, &b) in head.iter_mut().zip(w.as_bytes()) {
            *slot = b;
        }
        (w.len(), u64::from_le_bytes(head))
    }

    /// Whether `w` is one of the words.
    #[inline]
    fn contains(&self, w: &str) -> bool {
        if self.filter & Self::bit(w) == 0 {
            return false;
        }
        let key = Self::key(w);
        self.keys
            .iter()
            .zip(&self.words)
            .any(|(&k, t)| k == key && (w.len() <= 8 || t == w))
    }
}

/// A trigger found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Trigger {
    pub start: usize,
    /// End of the trigger words (for gapped patterns, of the head).
    pub end: usize,
    /// End of the tail word of a gapped pattern, else `end`.
    pub tail_end: usize,
    pub type_idx: usize,
    pub form: Form,
    pub weak: bool,
    /// The same words are also a noun of this type (`visit`, `visits`, `attack`).
    pub noun_too: bool,
}

/// The compiled trigger lexicon.
#[derive(Clone, Debug)]
pub struct Vocab {
    pub types: Vec<TypeDef>,
    patterns: Vec<Pattern>,
    /// For each head text in `trie`, the indices into `patterns` it stands for.
    heads: Vec<Vec<usize>>,
    /// The head texts (lowercase), looked up in the lowercased text.
    trie: Trie,
    /// The bytes a head text starts with.
    first: [bool; 256],
}

/// ASCII bytes that continue a word for [`is_word_byte_before`]: letters, digits and `-`.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'-';
        b += 1;
    }
    t
};

/// Whether a word char ends right before `at` in `text` (as [`is_word_byte_before`]), with
/// an ASCII byte before it read from `bytes` (`text`'s bytes or its ASCII lowercasing).
#[inline]
fn word_before(text: &str, bytes: &[u8], at: usize) -> bool {
    match at.checked_sub(1).and_then(|i| bytes.get(i)) {
        None => false,
        Some(&b) if b.is_ascii() => ASCII_WORD[usize::from(b)],
        Some(_) => is_word_byte_before(text, at),
    }
}

/// How an entry's words are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// A verb to inflect.
    Verb,
    /// A noun (and its plural).
    Noun,
    /// A past form taken as written (`stated`, where `states` would be a noun).
    Past,
}

/// A section as written in a file, before compiling.
#[derive(Clone, Debug, Default)]
pub struct Section {
    pub name: String,
    pub summary: Option<String>,
    pub rank: Option<i32>,
    /// (entry, how it is read, is weak)
    pub entries: Vec<(String, Entry, bool)>,
    pub skip_before: Vec<String>,
    pub skip_after: Vec<String>,
}

/// Parses an event-types file. `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<Vec<Section>, ExtractError> {
    let mut sections: Vec<Section> = Vec::new();
    for (no, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let name = name.trim();
            if name.is_empty() || name.contains(char::is_whitespace) {
                return Err(ExtractError::Vocabulary {
                    file: origin.to_string(),
                    line: no + 1,
                    message: format!("the section name `{name}` must be one word"),
                });
            }
            sections.push(Section {
                name: name.to_string(),
                ..Section::default()
            });
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            return Err(ExtractError::Vocabulary {
                file: origin.to_string(),
                line: no + 1,
                message: format!("expected `[type]` or `key = values`, found `{line}`"),
            });
        };
        let Some(section) = sections.last_mut() else {
            return Err(ExtractError::Vocabulary {
                file: origin.to_string(),
                line: no + 1,
                message: "a `key = values` line comes before any `[type]` section".to_string(),
            });
        };
        let items = value
            .split(',')
            .map(|s| s.trim().to_ascii_lowercase())
            .filter(|s| !s.is_empty());
        match key.trim() {
            "verbs" => section
                .entries
                .extend(items.map(|s| (s, Entry::Verb, false))),
            "nouns" => section
                .entries
                .extend(items.map(|s| (s, Entry::Noun, false))),
            "past" => section
                .entries
                .extend(items.map(|s| (s, Entry::Past, false))),
            "weak" => section
                .entries
                .extend(items.map(|s| match s.strip_prefix("n:") {
                    Some(n) => (n.to_string(), Entry::Noun, true),
                    None => (s, Entry::Verb, true),
                })),
            "skip_before" => section.skip_before.extend(items),
            "skip_after" => section.skip_after.extend(items),
            "summary" => section.summary = Some(value.trim().to_string()),
            "rank" => {
                section.rank =
                    Some(value.trim().parse().map_err(|_| ExtractError::Vocabulary {
                        file: origin.to_string(),
                        line: no + 1,
                        message: format!("rank must be a whole number, found `{}`", value.trim()),
                    })?);
            }
            other => {
                return Err(ExtractError::Vocabulary {
                    file: origin.to_string(),
                    line: no + 1,
                    message: format!(
                        "unknown key `{other}` (expected verbs, nouns, past, weak, skip_before, skip_after, summary or rank)"
                    ),
                });
            }
        }
    }
    Ok(sections)
}

/// Common irregular verbs of news: base, then past and past participle forms.
const IRREGULAR: &[(&str, &[&str])] = &[
    ("send", &["sent"]),
    ("sell", &["sold"]),
    ("give", &["gave", "given"]),
    ("freeze", &["froze", "frozen"]),
    ("make", &["made"]),
    ("pay", &["paid"]),
    ("lead", &["led"]),
    ("fight", &["fought"]),
    ("take", &["took", "taken"]),
    ("bring", &["brought"]),
    ("hold", &["held"]),
    ("meet", &["met"]),
    ("begin", &["began", "begun"]),
    ("fly", &["flew", "flown"]),
    ("strike", &["struck"]),
    ("shoot", &["shot"]),
    ("win", &["won"]),
    ("build", &["built"]),
    ("buy", &["bought"]),
    ("withdraw", &["withdrew", "withdrawn"]),
    ("overrun", &["overran"]),
    ("lend", &["lent"]),
    ("spend", &["spent"]),
    ("go", &["went", "gone"]),
    ("come", &["came"]),
    ("speak", &["spoke", "spoken"]),
    ("tell", &["told"]),
    ("say", &["said"]),
    ("sit", &["sat"]),
    ("drive", &["drove", "driven"]),
    ("forbid", &["forbade", "forbidden"]),
    ("undertake", &["undertook", "undertaken"]),
    ("shake", &["shook"]),
    ("seek", &["sought"]),
    ("deal", &["dealt"]),
];

/// Third person, past and -ing forms of a verb (generous: a form that is not a word never
/// matches anything).
fn inflect(base: &str) -> Vec<(String, Form)> {
    let mut out = vec![(base.to_string(), Form::Base)];
    let b = base.as_bytes();
    let last = b.last().copied().unwrap_or(b' ');
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u');
    let before_last = b.len().checked_sub(2).and_then(|i| b.get(i)).copied();
    // third person
    if base.ends_with('s')
        || base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('x')
        || base.ends_with('z')
        || base.ends_with('o')
    {
        out.push((format!("{base}es"), Form::Present));
    } else if last == b'y' && before_last.is_some_and(|c| !vowel(c)) {
        let stem = base.strip_suffix('y').unwrap_or(base);
        out.push((format!("{stem}ies"), Form::Present));
    } else {
        out.push((format!("{base}s"), Form::Present));
    }
    // Irregular pasts and participles (`send ... troops` also reads `sent ... troops`).
    if let Some((_, forms)) = IRREGULAR.iter().find(|(b, _)| *b == base) {
        for f in *forms {
            out.push(((*f).to_string(), Form::Past));
        }
    }
    // past and -ing
    if last == b'e' {
        out.push((format!("{base}d"), Form::Past));
        if let Some(stem) = base.strip_suffix("ie") {
            out.push((format!("{stem}ying"), Form::Ing));
        } else if base.ends_with("ee") {
            out.push((format!("{base}ing"), Form::Ing));
        } else {
            let stem = base.strip_suffix('e').unwrap_or(base);
            out.push((format!("{stem}ing"), Form::Ing));
        }
    } else if last == b'y' && before_last.is_some_and(|c| !vowel(c)) {
        let stem = base.strip_suffix('y').unwrap_or(base);
        out.push((format!("{stem}ied"), Form::Past));
        out.push((format!("{base}ing"), Form::Ing));
    } else {
        out.push((format!("{base}ed"), Form::Past));
        out.push((format!("{base}ing"), Form::Ing));
        if !vowel(last) && !matches!(last, b'w' | b'x' | b'y') && before_last.is_some_and(vowel) {
            let c = char::from(last);
            out.push((format!("{base}{c}ed"), Form::Past));
            out.push((format!("{base}{c}ing"), Form::Ing));
        }
    }
    out
}

fn plural(noun: &str) -> Vec<String> {
    let mut out = vec![noun.to_string()];
    if noun.ends_with('s') || noun.ends_with("sh") || noun.ends_with("ch") || noun.ends_with('x') {
        out.push(format!("{noun}es"));
    } else if let Some(stem) = noun.strip_suffix('y') {
        out.push(format!("{stem}ies"));
        out.push(format!("{noun}s"));
    } else {
        out.push(format!("{noun}s"));
    }
    out
}

/// All surface forms of an entry: (head text, form, tail words).
fn expand(entry: &str, kind: Entry) -> Vec<(String, Form, Option<Vec<String>>)> {
    let (head, tail) = match entry.split_once("...") {
        Some((h, t)) => {
            let words: Vec<String> = t
                .split('|')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .flat_map(plural)
                .collect();
            (h.trim(), Some(words))
        }
        None => (entry.trim(), None),
    };
    let mut out = Vec::new();
    if kind == Entry::Past {
        out.push((head.to_string(), Form::Past, tail));
        return out;
    }
    if kind == Entry::Noun {
        // Pluralize the last word of a noun phrase.
        for p in plural(head) {
            out.push((p, Form::Noun, tail.clone()));
        }
        return out;
    }
    let (base, past) = match head.split_once('/') {
        Some((b, p)) => (b.trim(), Some(p.trim())),
        None => (head, None),
    };
    let (first, rest) = match base.split_once(' ') {
        Some((f, r)) => (f, format!(" {r}")),
        None => (base, String::new()),
    };
    for (form_word, form) in inflect(first) {
        if past.is_some() && form == Form::Past {
            continue;
        }
        out.push((format!("{form_word}{rest}"), form, tail.clone()));
    }
    if let Some(p) = past {
        out.push((p.to_string(), Form::Past, tail.clone()));
    }
    out
}

impl Vocab {
    /// Compiles sections (later sections with the same name extend earlier ones).
    pub fn build(sections: &[Section]) -> Result<Self, ExtractError> {
        let mut types: Vec<TypeDef> = Vec::new();
        let mut patterns = Vec::new();
        let mut head_texts: Vec<String> = Vec::new();
        let mut heads: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for s in sections {
            let type_idx = match types.iter().position(|t| t.name == s.name) {
                Some(i) => i,
                None => {
                    types.push(TypeDef {
                        name: s.name.clone(),
                        summary: String::new(),
                        rank: 1,
                        ..TypeDef::default()
                    });
                    types.len() - 1
                }
            };
            if let Some(t) = types.get_mut(type_idx) {
                if let Some(sum) = &s.summary {
                    t.summary.clone_from(sum);
                }
                if let Some(r) = s.rank {
                    t.rank = r;
                }
                t.skip_before.extend(s.skip_before.iter().cloned());
                t.skip_after.extend(s.skip_after.iter().cloned());
            }
            for (entry, kind, weak) in &s.entries {
                for (head, form, tail) in expand(entry, *kind) {
                    let pid = patterns.len();
                    patterns.push(Pattern {
                        type_idx,
                        form,
                        tail: tail.map(Tail::new),
                        weak: *weak,
                    });
                    let hid = *index.entry(head.clone()).or_insert_with(|| {
                        head_texts.push(head);
                        heads.push(Vec::new());
                        heads.len() - 1
                    });
                    if let Some(h) = heads.get_mut(hid) {
                        h.push(pid);
                    }
                }
            }
        }
        for t in &mut types {
            if t.summary.is_empty() {
                t.summary = format!("{} event", t.name.replace('_', " "));
            }
        }
        // Head texts are lowercase (the parser lowercases entries), so matching them in the
        // lowercased text ignores ASCII case.
        let trie = Trie::new(&head_texts);
        let first = trie.first_bytes();
        Ok(Self {
            types,
            patterns,
            heads,
            trie,
            first,
        })
    }

    /// The first position from `at` on where a head text may start: a word start (as
    /// [`is_word_byte_before`] sees it) at a byte one starts with. Runs of ASCII word bytes
    /// are skipped in one go.
    #[inline]
    fn next_start(&self, text: &str, bytes: &[u8], at: usize) -> Option<usize> {
        let mut i = at;
        let mut prev_word = word_before(text, bytes, i);
        loop {
            if prev_word {
                i += bytes
                    .get(i..)?
                    .iter()
                    .position(|&b| !ASCII_WORD[usize::from(b)])?;
            }
            let b = *bytes.get(i)?;
            if !prev_word && self.first[usize::from(b)] {
                return Some(i);
            }
            if b.is_ascii() {
                prev_word = ASCII_WORD[usize::from(b)];
                i += 1;
            } else {
                // Over the whole char (one byte at a time inside one), then ask what it is.
                i += match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    0xC0.. => 2,
                    _ => 1,
                };
                prev_word = is_word_byte_before(text, i);
            }
        }
    }

    pub fn type_index(&self, name: &str) -> Option<usize> {
        self.types.iter().position(|t| t.name == name)
    }

    /// Every trigger in `text`, in order. `lower` is `text` lowercased in ASCII (same offsets).
    ///
    /// At each word start, the longest head text starting there is a trigger if it ends a
    /// word too; the search goes on after it, or from the next word start if it has none.
    pub fn find(&self, text: &str, lower: &str) -> Vec<Trigger> {
        let mut out = Vec::new();
        let bytes = lower.as_bytes();
        let mut at = 0;
        while let Some(start) = self.next_start(text, bytes, at) {
            at = start + 1;
            let Some((head, end)) = self.trie.longest(bytes, start) else {
                continue;
            };
            if !is_word_end(text, end) {
                continue;
            }
            at = end;
            let Some(pids) = self.heads.get(head) else {
                continue;
            };
            // The words after the trigger, read once for all gapped patterns.
            let mut window: Option<super::words::Spans> = None;
            let mut plain: Option<&Pattern> = None;
            let mut noun_plain = false;
            let mut gapped: Option<(&Pattern, usize)> = None;
            for p in pids.iter().filter_map(|&i| self.patterns.get(i)) {
                match &p.tail {
                    None => {
                        if p.form == Form::Noun {
                            noun_plain = true;
                        }
                        // Prefer strong over weak, then the verb reading (the extractor
                        // decides from the words before whether it is used as a noun).
                        let better = plain.is_none_or(|q| {
                            (p.weak, p.form == Form::Noun) < (q.weak, q.form == Form::Noun)
                        });
                        if better {
                            plain = Some(p);
                        }
                    }
                    Some(tail) => {
                        if gapped.is_some() {
                            continue;
                        }
                        let words = window.get_or_insert_with(|| next_words(lower, end, GAP_WORDS));
                        for &(ws, we) in words.iter() {
                            if tail.contains(lower.get(ws..we).unwrap_or("")) {
                                gapped = Some((p, we));
                                break;
                            }
                        }
                    }
                }
            }
            let chosen = match (gapped, plain) {
                (Some((p, tail_end)), _) => Some((p, tail_end)),
                (None, Some(p)) => Some((p, end)),
                (None, None) => None,
            };
            let Some((p, tail_end)) = chosen else {
                continue;
            };
            let Some(def) = self.types.get(p.type_idx) else {
                continue;
            };
            if !def.skip_before.is_empty() {
                let next = match &window {
                    Some(w) => w.first().copied(),
                    None => next_words(lower, end, 1).first().copied(),
                };
                let next = next.and_then(|(a, b)| lower.get(a..b));
                if next.is_some_and(|n| def.skip_before.iter().any(|s| s == n)) {
                    continue;
                }
            }
            if !def.skip_after.is_empty() {
                let prev = super::words::prev_word(lower, start);
                if prev.is_some_and(|n| def.skip_after.iter().any(|s| s == n)) {
                    continue;
                }
            }
            out.push(Trigger {
                start,
                end,
                tail_end,
                type_idx: p.type_idx,
                form: p.form,
                weak: p.weak,
                noun_too: noun_plain && p.form != Form::Noun,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflects_regular_and_doubling_verbs() {
        let forms: Vec<String> = inflect("ship").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"shipped".to_string()));
        assert!(forms.contains(&"shipping".to_string()));
        let forms: Vec<String> = inflect("deny").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"denied".to_string()));
        assert!(forms.contains(&"denies".to_string()));
        let forms: Vec<String> = inflect("supply").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"supplied".to_string()));
        let forms: Vec<String> = inflect("test-fire").into_iter().map(|f| f.0).collect();
        assert!(forms.contains(&"test-fired".to_string()));
    }

    #[test]
    fn gapped_patterns_need_their_tail() {
        let sections = parse(
            "[missile_test]\nverbs = fire ... missile\n[statement]\nverbs = announce\n",
            "t",
        )
        .unwrap();
        let v = Vocab::build(&sections).unwrap();
        let text = "North Korea fired two ballistic missiles. He fired the coach.";
        let found = v.find(text, &text.to_ascii_lowercase());
        assert_eq!(found.len(), 1);
        assert_eq!(&text[found[0].start..found[0].end], "fired");
    }

    proptest::proptest! {
        /// The filtered tail lookup finds exactly the words of the list.
        #[test]
        fn tail_contains_agrees_with_the_list(
            words in proptest::collection::vec("[abé]{0,10}", 0..12),
            w in "[abé]{0,10}",
        ) {
            let tail = Tail::new(words.clone());
            proptest::prop_assert_eq!(tail.contains(&w), words.contains(&w));
            for x in &words {
                proptest::prop_assert!(tail.contains(x));
            }
        }
    }

    proptest::proptest! {
        /// Word starts found by skipping runs are the ones a byte-by-byte check finds.
        #[test]
        fn next_start_agrees_with_a_plain_scan(
            text in "[a-zA-Z0-9 ’é-ü.,\\-]{0,30}",
            at in 0usize..32,
        ) {
            let sections = parse("[visit]\nverbs = visit\nnouns = trip, ük\n", "t").unwrap();
            let v = Vocab::build(&sections).unwrap();
            let lower = text.to_ascii_lowercase();
            let bytes = lower.as_bytes();
            let plain = (at..bytes.len()).find(|&i| {
                v.first[usize::from(bytes[i])] && !is_word_byte_before(&text, i)
            });
            proptest::prop_assert_eq!(v.next_start(&text, bytes, at), plain);
        }
    }

    #[test]
    fn bad_lines_are_reported_with_file_and_line() {
        let err = parse("verbs = x\n", "user.txt").unwrap_err().to_string();
        assert!(err.contains("user.txt") && err.contains("line 1"), "{err}");
    }
}
