//! A plain-text article's title: a headline-like line at its top (short, no final period),
//! used when neither the sidecar nor the file gives one.

/// Lines of page furniture that can stand above a headline in text copied from the web.
const FURNITURE: &[&str] = &[
    "connect with us",
    "hi, what are you looking for",
    "skip to",
    "menu",
    "home",
    "search",
    "share",
    "subscribe",
    "sign in",
    "log in",
    "advertisement",
    "photo",
    "image",
    "breaking",
    "by ",
    "published",
    "updated",
    "posted",
];

/// The first headline-like line among the text's first few lines, before its first line of
/// prose: 3 to 25 words, at most 200 bytes, starting with a capital, not ending like a
/// sentence (a final abbreviation such as `U.S.` is allowed), not page furniture.
#[must_use]
pub fn headline(text: &str) -> Option<String> {
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(6)
    {
        let lower = line.to_lowercase();
        if FURNITURE.iter().any(|f| lower.starts_with(f)) {
            continue;
        }
        if is_headline(line) {
            return Some(line.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let words = line.split_whitespace().count();
        if words >= 8 || line.len() > 200 {
            // Prose has begun: a title would have come before it.
            return None;
        }
    }
    None
}

fn is_headline(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if !(3..=25).contains(&words.len()) || line.len() > 200 {
        return false;
    }
    if !line.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let last = words.last().copied().unwrap_or("");
    // `... with the U.S.` ends in an abbreviation, not a full stop.
    let abbreviation =
        last.len() <= 6 && last.ends_with('.') && last.trim_end_matches('.').contains('.');
    let sentence_end = line.ends_with(['.', '!', '?', ':', ';', ',', '…']) && !abbreviation;
    // A headline has more than one capitalized word (`Putin Considers Visit`, `North Korea
    // ‘smuggling missiles’ to Russia`).
    let capitals = words
        .iter()
        .filter(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .count();
    !sentence_end && capitals >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headline_line_above_the_prose_is_the_title() {
        assert_eq!(
            headline("North Korea fires missiles as Putin visits\n\nNorth Korea fired two missiles on Tuesday, officials said.\n")
                .as_deref(),
            Some("North Korea fires missiles as Putin visits")
        );
        assert_eq!(
            headline("Connect with us\n\nHi, what are you looking for?\n\nSeoul Protests Launch Near the U.S.\n\nSeoul protested.\n")
                .as_deref(),
            Some("Seoul Protests Launch Near the U.S.")
        );
    }

    #[test]
    fn prose_first_means_no_title() {
        assert_eq!(
            headline(
                "A delegation from North Korea visited Iran, marking a rare exchange.\nKim Visits Iran\n"
            ),
            None
        );
        assert_eq!(headline("Read more below\n"), None);
        assert_eq!(headline(""), None);
    }
}
