//! A small Aho-Corasick automaton for the boilerplate phrases, matching ASCII letters in any
//! case (other bytes exactly), with the two searches the classifier needs: the longest phrase
//! at the start of a text, and the leftmost-longest phrases through a text, as the
//! `aho-corasick` crate finds them with `MatchKind::LeftmostLongest`. It is built in a small
//! fraction of the time that crate takes to build its DFA (about 16 million instructions for
//! the built-in rules, at every start) and runs through a text with a few instructions a byte.

/// A phrase found in a text: which phrase, and its byte range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Found {
    pub phrase: usize,
    pub start: usize,
    pub end: usize,
}

/// Phrases compiled into a dense automaton over byte classes.
#[derive(Debug)]
pub(super) struct Phrases {
    /// The class of every byte: bytes in no phrase share class 0, an upper-case ASCII letter
    /// has the class of its lower case.
    classes: [u32; 256],
    /// The number of classes, the width of a row of `next`.
    width: usize,
    /// `next[state * width + class]`: the next state's row (`state * width`). State 0 is
    /// dead (anchored only), state 1 is the start.
    next: Vec<u32>,
    /// The row of the first state where phrases end: the states from it on all end some.
    first_match_row: usize,
    /// For each state, the range of `ends` listing the phrases that end in it.
    ends_of: Vec<(u32, u32)>,
    /// Phrase numbers with their lengths in bytes.
    ends: Vec<(usize, usize)>,
}

const DEAD: usize = 0;
const START: usize = 1;

impl Phrases {
    /// Compiles `phrases` (none empty). `anchored` automata only find phrases at the start of
    /// a text ([`Phrases::longest_prefix`]); the others find them anywhere
    /// ([`Phrases::leftmost_longest`]).
    pub fn new(phrases: &[String], anchored: bool) -> Self {
        let mut classes = [0u32; 256];
        let mut width = 1usize;
        for b in phrases.iter().flat_map(|p| p.bytes()) {
            let slot = &mut classes[usize::from(b.to_ascii_lowercase())];
            if *slot == 0 {
                *slot = u32::try_from(width).unwrap_or(0);
                width += 1;
            }
        }
        for upper in b'A'..=b'Z' {
            classes[usize::from(upper)] = classes[usize::from(upper.to_ascii_lowercase())];
        }
        let class = |b: u8| classes[usize::from(b)] as usize;

        // The trie: `trie[state * width + class]` is a child (0: none).
        let mut trie = vec![0usize; 2 * width];
        let mut own: Vec<Option<(usize, usize)>> = vec![None, None];
        for (number, phrase) in phrases.iter().enumerate() {
            let mut state = START;
            for b in phrase.bytes() {
                let slot = state * width + class(b);
                state = match trie[slot] {
                    0 => {
                        let new = own.len();
                        own.push(None);
                        trie.resize(trie.len() + width, 0);
                        trie[slot] = new;
                        new
                    }
                    child => child,
                };
            }
            if state != START && own[state].is_none() {
                own[state] = Some((number, phrase.len()));
            }
        }
        let states = own.len();

        // Failure links, breadth first, turning the trie into a DFA; the phrases ending in a
        // state are its own and those of its failure state.
        let mut ends_list: Vec<Vec<(usize, usize)>> =
            own.iter().map(|o| o.iter().copied().collect()).collect();
        let mut delta = trie;
        if !anchored {
            let mut fail = vec![START; states];
            let mut queue = std::collections::VecDeque::new();
            for c in 0..width {
                let slot = START * width + c;
                match delta[slot] {
                    0 => delta[slot] = START,
                    child => queue.push_back(child),
                }
            }
            while let Some(state) = queue.pop_front() {
                let inherited = ends_list[fail[state]].clone();
                ends_list[state].extend(inherited);
                for c in 0..width {
                    let slot = state * width + c;
                    let via_fail = delta[fail[state] * width + c];
                    match delta[slot] {
                        0 => delta[slot] = via_fail,
                        child => {
                            fail[child] = via_fail;
                            queue.push_back(child);
                        }
                    }
                }
            }
        }

        // Renumbered so that the states where phrases end come last: a scan then tells a
        // match by comparing the next row with the first of theirs, with no flag to unpack.
        // The dead and start states keep their numbers (the start state ends no phrase).
        let (mut plain, mut matching): (Vec<usize>, Vec<usize>) =
            (2..states).partition(|&s| ends_list.get(s).is_none_or(Vec::is_empty));
        let first_match = 2 + plain.len();
        let mut order = vec![DEAD, START];
        order.append(&mut plain);
        order.append(&mut matching);
        let mut renumbered = vec![0usize; states];
        for (new, &old) in order.iter().enumerate() {
            renumbered[old] = new;
        }
        let mut ends_of = Vec::with_capacity(states);
        let mut ends = Vec::new();
        let mut next = Vec::with_capacity(states * width);
        for &old in &order {
            let list = &ends_list[old];
            let from = u32::try_from(ends.len()).unwrap_or(u32::MAX);
            ends.extend(list.iter().copied());
            ends_of.push((from, u32::try_from(ends.len()).unwrap_or(u32::MAX)));
            let row = delta
                .get(old * width..(old + 1) * width)
                .unwrap_or_default();
            next.extend(
                row.iter()
                    .map(|&s| u32::try_from(renumbered[s] * width).unwrap_or(0)),
            );
        }
        Self {
            classes,
            width,
            next,
            first_match_row: first_match * width,
            ends_of,
            ends,
        }
    }

    /// The row of the state reached from the state whose row starts at `row` on byte `b`.
    fn step(&self, row: usize, b: u8) -> usize {
        let class = self.classes[usize::from(b)] as usize;
        self.next.get(row + class).map_or(DEAD, |&r| r as usize)
    }

    /// The phrases ending in the state whose row starts at `row`.
    fn ends_in(&self, row: usize) -> &[(usize, usize)] {
        let state = row / self.width.max(1);
        let (from, to) = self.ends_of.get(state).copied().unwrap_or((0, 0));
        let (from, to) = (from as usize, to as usize);
        self.ends.get(from..to).unwrap_or_default()
    }

    /// Runs the automaton from the state whose row starts at `row` over `text` from byte
    /// `from` to the next byte where phrases end: that byte's end and the state's row. A
    /// tight loop with no calls, two bytes a round, so that it runs in registers.
    #[inline(never)]
    fn run_to_end(&self, mut row: usize, text: &[u8], from: usize) -> Option<(usize, usize)> {
        let (classes, table) = (&self.classes, self.next.as_slice());
        let matching = self.first_match_row;
        // Every row holds every class: `get` never fails.
        let go = |row: usize, b: u8| {
            table
                .get(row + classes[usize::from(b)] as usize)
                .map(|&r| r as usize)
        };
        let (pairs, last) = text.get(from..)?.as_chunks::<2>();
        let mut end = from;
        for &[a, b] in pairs {
            row = go(row, a)?;
            if row >= matching {
                return Some((end + 1, row));
            }
            row = go(row, b)?;
            if row >= matching {
                return Some((end + 2, row));
            }
            end += 2;
        }
        for &b in last {
            row = go(row, b)?;
            if row >= matching {
                return Some((end + 1, row));
            }
        }
        None
    }

    /// Adds the phrases ending at `end` in the state whose row starts at `row`.
    #[inline(never)]
    fn record(&self, row: usize, end: usize, all: &mut Vec<Found>) {
        for &(phrase, len) in self.ends_in(row) {
            all.push(Found {
                phrase,
                start: end - len,
                end,
            });
        }
    }

    /// The longest phrase `text` starts with (an anchored automaton).
    pub fn longest_prefix(&self, text: &[u8]) -> Option<Found> {
        let mut state = START * self.width;
        let mut best = None;
        for (i, &b) in text.iter().enumerate() {
            state = self.step(state, b);
            if state == DEAD {
                break;
            }
            if state >= self.first_match_row
                && let Some(&(phrase, _)) = self.ends_in(state).first()
            {
                best = Some(Found {
                    phrase,
                    start: 0,
                    end: i + 1,
                });
            }
        }
        best
    }

    /// The phrases through `text`, left to right without overlaps, each the longest of those
    /// starting leftmost (an unanchored automaton).
    pub fn leftmost_longest(&self, text: &[u8]) -> Vec<Found> {
        let mut all = Vec::new();
        let mut row = START * self.width;
        let mut from = 0;
        while let Some((end, at)) = self.run_to_end(row, text, from) {
            self.record(at, end, &mut all);
            row = at;
            from = end;
        }
        if all.is_empty() {
            return all;
        }
        all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut chosen = Vec::new();
        let mut from = 0;
        for found in all {
            if found.start >= from {
                from = found.end;
                chosen.push(found);
            }
        }
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

    fn crate_automaton(phrases: &[String], anchored: bool) -> AhoCorasick {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(if anchored {
                StartKind::Anchored
            } else {
                StartKind::Unanchored
            })
            .build(phrases)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn check(phrases: &[String], texts: &[String]) {
        let ours_anchored = Phrases::new(phrases, true);
        let ours = Phrases::new(phrases, false);
        let theirs_anchored = crate_automaton(phrases, true);
        let theirs = crate_automaton(phrases, false);
        for text in texts {
            let expected = theirs_anchored
                .try_find(Input::new(text).anchored(Anchored::Yes))
                .ok()
                .flatten()
                .map(|m| Found {
                    phrase: m.pattern().as_usize(),
                    start: m.start(),
                    end: m.end(),
                });
            assert_eq!(
                ours_anchored.longest_prefix(text.as_bytes()),
                expected,
                "{text:?}"
            );
            let expected: Vec<Found> = theirs
                .find_iter(text)
                .map(|m| Found {
                    phrase: m.pattern().as_usize(),
                    start: m.start(),
                    end: m.end(),
                })
                .collect();
            assert_eq!(ours.leftmost_longest(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn finds_what_aho_corasick_finds() {
        let phrases: Vec<String> = [
            "photo",
            "photo:",
            "photo by",
            "o:",
            "by",
            "/reuters",
            "reuters",
            "afp/",
            "/afp",
            "ap photo/",
            "credit:",
            "(photo",
            "via getty images",
            "getty images",
            "images",
            "kcna via",
            "a",
            "ab",
            "abc",
            "bc",
            "c",
            "read more",
            "read",
            "more",
            "don’t miss",
            "don't miss",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let pieces = [
            "Photo",
            "PHOTO:",
            " by ",
            "Reuters",
            "/REUTERS",
            "AFP/",
            "/afp",
            "AP Photo/",
            "(",
            "credit:",
            "via Getty Images",
            "KCNA via",
            "abc",
            "ab",
            "bca",
            "x",
            " ",
            "’",
            "é",
            "Read more",
            "don’t miss",
            "DON'T MISS",
        ];
        let mut rng = crate::generate::Rng::new(0x0DDB_1A5E_5BAD_5EED);
        let mut next = |n: usize| rng.below(n);
        let texts: Vec<String> = (0..5000)
            .map(|_| (0..next(8)).map(|_| pieces[next(pieces.len())]).collect())
            .collect();
        check(&phrases, &texts);
        // The built-in rules, on the same texts and on the rules' own lines.
        let rules: Vec<String> = crate::text::boilerplate::BUILTIN_RULES
            .lines()
            .filter_map(|l| l.split_once(':'))
            .map(|(_, p)| p.trim().to_ascii_lowercase())
            .filter(|p| !p.is_empty())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let mut texts = texts;
        texts.extend(
            crate::text::boilerplate::BUILTIN_RULES
                .lines()
                .map(str::to_owned),
        );
        check(&rules, &texts);
    }
}
