//! Sentence boundaries against the MEANTIME corpus (Wikinews, CC BY 4.0), read from
//! `../shared/bench/meantime` when it is there (the data is not copied into the repository).
//! The text is rebuilt from the gold tokens (title and date line on their own lines, the body
//! as one paragraph), so the splitter has to find every body boundary from punctuation alone.
//! Prints precision and recall; fails only on a collapse (either below 0.9).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use regex::Regex;

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Joins tokens the way the text was written (no space before closing punctuation).
fn detokenize(tokens: &[String], out: &mut String) {
    let mut open_quote = false;
    let mut no_space_next = true;
    for t in tokens {
        let t = t.as_str();
        let attach_left = matches!(
            t,
            "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "%" | "'s" | "n't" | "'"
        ) || t.starts_with('\'') && t.len() <= 3
            || t == "\"" && open_quote;
        if !out.is_empty() && !no_space_next && !attach_left {
            out.push(' ');
        }
        out.push_str(t);
        no_space_next = matches!(t, "(" | "[" | "$") || t == "\"" && !open_quote;
        if t == "\"" {
            open_quote = !open_quote;
        }
    }
}

#[test]
fn meantime_sentence_boundaries() {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = ["../shared", "../../shared"]
        .iter()
        .map(|up| here.join(up).join("bench/meantime/intra-doc_annotation"))
        .find(|p| p.exists())
        .unwrap_or_default();
    let mut files = Vec::new();
    xml_files(&root, &mut files);
    if files.is_empty() {
        eprintln!("MEANTIME not found beside the repository: skipped");
        return;
    }
    let token_re = Regex::new(r#"<token[^>]*sentence="(\d+)"[^>]*>([^<]*)</token>"#)
        .unwrap_or_else(|e| panic!("{e}"));
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for f in &files {
        let xml = std::fs::read_to_string(f).unwrap_or_default();
        let mut sentences: Vec<Vec<String>> = Vec::new();
        for c in token_re.captures_iter(&xml) {
            let n: usize = c[1].parse().unwrap_or(0);
            while sentences.len() <= n {
                sentences.push(Vec::new());
            }
            sentences[n].push(unescape(&c[2]));
        }
        let mut text = String::new();
        let mut gold = BTreeSet::new();
        for (i, s) in sentences.iter().enumerate() {
            if s.is_empty() {
                continue;
            }
            if i > 0 {
                text.push(if i <= 2 { '\n' } else { ' ' });
            }
            if i >= 3 {
                gold.insert(text.len());
            }
            let mut piece = String::new();
            detokenize(s, &mut piece);
            text.push_str(&piece);
        }
        let body_start = text.match_indices('\n').nth(1).map_or(0, |(i, _)| i + 1);
        let seg = dateline::text::segment(&text);
        let found: BTreeSet<usize> = seg
            .sentences
            .iter()
            .map(|s| s.span.start)
            .filter(|&s| s > body_start)
            .collect();
        tp += gold.intersection(&found).count();
        fp += found.difference(&gold).count();
        for g in gold.difference(&found) {
            fn_ += 1;
            if misses.len() < 12 {
                let from = text.floor_char_boundary(g.saturating_sub(40));
                let to = text.ceil_char_boundary((g + 30).min(text.len()));
                misses.push(format!("missed: …{}…", &text[from..to]));
            }
        }
        for x in found.difference(&gold).take(1) {
            if misses.len() < 24 {
                let from = text.floor_char_boundary(x.saturating_sub(40));
                let to = text.ceil_char_boundary((x + 30).min(text.len()));
                misses.push(format!("extra: …{}…", &text[from..to]));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    eprintln!(
        "MEANTIME sentence boundaries over {} documents: precision {precision:.3}, recall {recall:.3} (tp {tp}, fp {fp}, fn {fn_})",
        files.len()
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(
        precision >= 0.9 && recall >= 0.9,
        "sentence splitting collapsed"
    );
}
