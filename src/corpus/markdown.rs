//! Markdown articles, lightly converted to plain text: headings, emphasis, links, images, lists
//! and quotes lose their markup; YAML front matter gives the title, date and URL.
//!
//! The converted text is what the article stores, so spans index into it.

use chrono::NaiveDate;

use super::dateline::parse_date_str;

/// A converted Markdown document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MarkdownArticle {
    pub text: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<NaiveDate>,
}

/// Converts Markdown to plain text.
#[must_use]
pub fn convert(md: &str) -> MarkdownArticle {
    let mut out = MarkdownArticle::default();
    let body = front_matter(md, &mut out);
    let mut text = String::with_capacity(body.len());
    let mut in_fence = false;
    for line in body.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            text.push('\n');
            continue;
        }
        if in_fence {
            text.push_str(line);
            text.push('\n');
            continue;
        }
        if is_rule(trimmed) || is_reference_definition(trimmed) {
            text.push('\n');
            continue;
        }
        let indent = line.len() - trimmed.len();
        let mut content = trimmed;
        loop {
            let before = content;
            content = content.strip_prefix('>').map_or(content, str::trim_start);
            if before.len() == content.len() {
                break;
            }
        }
        let hashes = content.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes) && content.as_bytes().get(hashes).is_none_or(|&b| b == b' ') {
            content = content.get(hashes..).unwrap_or_default().trim();
            content = content.trim_end_matches('#').trim_end();
        } else if let Some(rest) = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| content.strip_prefix(m))
        {
            content = rest;
        } else {
            let digits = content.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=3).contains(&digits)
                && matches!(content.as_bytes().get(digits), Some(b'.' | b')'))
                && content.as_bytes().get(digits + 1) == Some(&b' ')
            {
                content = content.get(digits + 2..).unwrap_or_default();
            }
        }
        if indent > 0 && indent < 4 {
            // Keep small indentation (news text uses it for paragraphs).
            text.push_str(line.get(..indent).unwrap_or_default());
        }
        inline(content, &mut text);
        text.push('\n');
    }
    // `split` gave one segment more than there are newlines.
    text.pop();
    out.text = text;
    out
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && ['-', '*', '_', '=']
            .iter()
            .any(|&c| t.chars().all(|x| x == c || x == ' ') && t.starts_with(c))
}

fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .find("]:")
            .is_some_and(|i| !line.get(1..i).unwrap_or_default().contains(']'))
}

fn front_matter<'a>(md: &'a str, out: &mut MarkdownArticle) -> &'a str {
    let Some(rest) = md.strip_prefix("---\n") else {
        return md;
    };
    let Some(end) = rest.find("\n---\n").or_else(|| rest.find("\n...\n")) else {
        return md;
    };
    for line in rest.get(..end).unwrap_or_default().lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => out.title = Some(value.to_owned()),
            "date" | "published" | "publish_date" | "pubdate" | "date_published" => {
                out.published = out.published.or_else(|| parse_date_str(value));
            }
            "url" | "link" | "source" | "canonical_url" => out.url = Some(value.to_owned()),
            _ => {}
        }
    }
    rest.get(end + 5..).unwrap_or_default()
}

/// Inline markup: `![alt](src)` → alt, `[text](url)`/`[text][ref]` → text, `<url>` → url,
/// `**`, `__`, `*x*`, `_x_`, `` `code` `` and backslash escapes lose their markers.
fn inline(s: &str, out: &mut String) {
    // Without any marker character every character is copied as it is.
    if !s
        .bytes()
        .any(|b| matches!(b, b'\\' | b'!' | b'[' | b'<' | b'`' | b'*' | b'_'))
    {
        out.push_str(s);
        return;
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    while let Some(&(pos, c)) = chars.get(i) {
        match c {
            '\\' if at(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                if let Some(n) = at(i + 1) {
                    out.push(n);
                }
                i += 2;
            }
            '!' if at(i + 1) == Some('[') => {
                i += 1;
            }
            '[' => {
                // Find the matching `]` followed by `(` or `[`.
                let close = chars
                    .iter()
                    .skip(i + 1)
                    .position(|&(_, x)| x == ']')
                    .map(|p| p + i + 1);
                match close.and_then(|c| at(c + 1).map(|n| (c, n))) {
                    Some((c, open @ ('(' | '['))) => {
                        // `[text](url)` or a reference link `[text][ref]`.
                        let closer = if open == '(' { ')' } else { ']' };
                        let end = chars
                            .iter()
                            .skip(c + 2)
                            .position(|&(_, x)| x == closer)
                            .map(|p| p + c + 2);
                        if let Some(end) = end {
                            inline_span(&chars, i + 1, c, s, out);
                            i = end + 1;
                        } else {
                            out.push('[');
                            i += 1;
                        }
                    }
                    _ => {
                        out.push('[');
                        i += 1;
                    }
                }
            }
            '<' if s
                .get(pos + 1..)
                .is_some_and(|r| r.starts_with("http://") || r.starts_with("https://")) =>
            {
                match chars.iter().skip(i).position(|&(_, x)| x == '>') {
                    Some(len) => {
                        inline_span(&chars, i + 1, i + len, s, out);
                        i += len + 1;
                    }
                    None => {
                        out.push('<');
                        i += 1;
                    }
                }
            }
            '`' => i += 1,
            '*' | '_' => {
                let prev = if i == 0 { None } else { at(i - 1) };
                let run = chars.iter().skip(i).take_while(|&&(_, x)| x == c).count();
                let next = at(i + run);
                let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
                let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
                let opening = space(prev) || prev.is_some_and(|p| p.is_ascii_punctuation());
                let delimiter = if c == '_' {
                    // snake_case stays.
                    !(word(prev) && word(next))
                } else {
                    !(space(prev) && space(next))
                };
                let delimiter =
                    delimiter && (opening && !space(next) || !opening && !space(prev) || run >= 2);
                if !delimiter {
                    for _ in 0..run {
                        out.push(c);
                    }
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
}

fn inline_span(chars: &[(usize, char)], from: usize, to: usize, s: &str, out: &mut String) {
    let start = chars.get(from).map_or(s.len(), |&(p, _)| p);
    let end = chars.get(to).map_or(s.len(), |&(p, _)| p);
    if let Some(inner) = s.get(start..end.max(start)) {
        inline(inner, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped() {
        let md = "---\ntitle: \"Kim visits\"\ndate: 2024-01-16\n---\n# Kim visits Moscow\n\n**Choe** met *Putin* in [Moscow](https://x.org/m) on Jan. 16.\n\n> A quote.\n\n- item one\n1. first\n![Photo: Reuters](p.jpg)\nsnake_case and 5 * 3 stay. `code`\n\n---\n[ref]: https://x.org\n";
        let a = convert(md);
        assert_eq!(a.title.as_deref(), Some("Kim visits"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 1, 16));
        assert_eq!(
            a.text,
            "Kim visits Moscow\n\nChoe met Putin in Moscow on Jan. 16.\n\nA quote.\n\nitem one\nfirst\nPhoto: Reuters\nsnake_case and 5 * 3 stay. code\n\n\n\n"
        );
    }

    #[test]
    fn broken_markdown_never_panics() {
        for bad in [
            "[",
            "![",
            "[a](",
            "[a][",
            "<http://x",
            "**",
            "_",
            "\\",
            "---\ntitle: x",
            "# ",
            "```",
            "é*é_é",
        ] {
            let _ = convert(bad);
        }
    }
}
