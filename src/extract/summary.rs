//! Short readable summaries: who, the trigger and what follows it in the clause.

use super::words::next_words;

/// Longest summary, in bytes (cut at a word boundary).
pub const MAX_LEN: usize = 80;

/// Builds `"<agents> <trigger and a few following words>"`, or the type's wording when the
/// trigger is a bare noun with no agent.
pub fn summarize(
    text: &str,
    agents: &[String],
    target: Option<&str>,
    trigger: (usize, usize),
    clause_end: usize,
    stop_at: usize,
    type_summary: &str,
) -> String {
    let limit = clause_end.min(stop_at);
    let words = next_words(text, trigger.1, 7);
    let tail_end = words
        .iter()
        .take_while(|&&(_, e)| e <= limit)
        .last()
        .map_or(trigger.1, |&(_, e)| e);
    let phrase = text
        .get(trigger.0..tail_end.max(trigger.1))
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let phrase = phrase
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '"' && c != '”')
        .to_string();
    let who = join_names(agents);
    let s = if who.is_empty() {
        let mut p = phrase;
        if let Some(first) = p.get(..1) {
            let up = first.to_uppercase();
            p.replace_range(..1, &up);
        }
        p
    } else if phrase.is_empty() {
        match target {
            Some(t) => format!("{who} {type_summary} {t}"),
            None => format!("{who} {type_summary}"),
        }
    } else {
        format!("{who} {phrase}")
    };
    truncate(&s)
}

/// `A`, `A and B`, `A, B, and C`.
pub fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
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

    #[test]
    fn summary_reads_agent_then_trigger_phrase() {
        let text = "Russia rejected those claims as groundless, and more.";
        let s = summarize(
            text,
            &["Russia".to_string()],
            None,
            (7, 15),
            text.len(),
            text.len(),
            "denies",
        );
        assert_eq!(s, "Russia rejected those claims as groundless");
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let s = truncate(&"word ".repeat(40));
        assert!(s.len() <= MAX_LEN + 3 && s.ends_with('…'));
    }
}
