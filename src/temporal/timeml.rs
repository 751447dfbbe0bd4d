//! TimeML (TIMEX3) reading, writing and scoring, on the same engine as everything else.
//!
//! `dateline timeml` adds `<TIMEX3>` tags to the `<TEXT>` of TempEval-3 task A inputs and
//! leaves every other byte as it was. `dateline timeml-score` strips the gold tags from
//! annotated files, tags the text again and reports the TempEval-3 task A figures.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{DocDate, TimeExpr, TimexType, tag_timex};
use crate::cli::{TimemlArgs, TimemlScoreArgs};

/// A TimeML file that could not be used.
#[derive(Debug, thiserror::Error)]
pub enum TimemlError {
    #[error("{path}: {message}")]
    Malformed { path: String, message: String },
    #[error("could not read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
}

/// The `<TEXT>` of a TimeML document as plain text, with a map back to the raw bytes.
#[derive(Debug)]
pub struct PlainText {
    /// The text with tags removed and entities decoded.
    pub text: String,
    /// For each byte of `text`, the raw byte where its character (or entity) starts.
    raw_start: Vec<usize>,
    /// For each byte of `text`, the raw byte just after its character (or entity).
    raw_end: Vec<usize>,
}

/// A TIMEX3 annotation found in a document's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTimex {
    /// Byte range in [`PlainText::text`].
    pub start: usize,
    pub end: usize,
    pub timex_type: String,
    pub value: String,
}

/// A parsed TimeML document.
#[derive(Debug)]
pub struct TimemlDoc {
    pub dct: Option<NaiveDate>,
    /// Byte range of the `<TEXT>` content in the raw document.
    pub text_range: (usize, usize),
    pub plain: PlainText,
    /// TIMEX3 tags inside `<TEXT>` (gold annotations, if any).
    pub timexes: Vec<GoldTimex>,
    /// Highest `tN` id used anywhere in the document.
    pub max_tid: u64,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag.get(from..)?.find(name) {
        let at = from + i;
        let before_ok = at == 0
            || tag
                .as_bytes()
                .get(at - 1)
                .is_some_and(u8::is_ascii_whitespace);
        let rest = tag.get(at + name.len()..)?.trim_start();
        if before_ok && let Some(r) = rest.strip_prefix('=') {
            let r = r.trim_start();
            let q = r.chars().next()?;
            if q == '"' || q == '\'' {
                let body = r.get(1..)?;
                let end = body.find(q)?;
                return body.get(..end);
            }
        }
        from = at + name.len();
    }
    None
}

fn decode_entity(ent: &str) -> Option<char> {
    match ent {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = ent.strip_prefix('#')?;
            let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(hex, 16).ok()?
            } else {
                num.parse().ok()?
            };
            char::from_u32(code)
        }
    }
}

/// Parses a TimeML document: DCT, `<TEXT>` as plain text, and the TIMEX3 tags inside it.
///
/// # Errors
/// Fails when the document has no `<TEXT>` element.
pub fn parse(raw: &str, path: &str) -> Result<TimemlDoc, TimemlError> {
    let malformed = |m: &str| TimemlError::Malformed {
        path: path.to_string(),
        message: m.to_string(),
    };
    let dct = raw.find("<DCT>").and_then(|i| {
        let rest = raw.get(i..)?;
        let t = rest.find("<TIMEX3")?;
        let tag_end = rest.get(t..)?.find('>')?;
        let tag = rest.get(t..t + tag_end)?;
        let v = attr(tag, "value")?;
        NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
    });
    let open = raw
        .find("<TEXT>")
        .ok_or_else(|| malformed("no <TEXT> element"))?;
    let start = open + "<TEXT>".len();
    let close = raw
        .get(start..)
        .and_then(|r| r.find("</TEXT>"))
        .map(|i| start + i)
        .ok_or_else(|| malformed("<TEXT> is not closed"))?;
    let max_tid = max_tid(raw);
    let body = raw.get(start..close).unwrap_or("");
    let mut plain = PlainText {
        text: String::with_capacity(body.len()),
        raw_start: Vec::with_capacity(body.len()),
        raw_end: Vec::with_capacity(body.len()),
    };
    let mut timexes = Vec::new();
    let mut open_timex: Option<(usize, String, String)> = None;
    let mut i = 0;
    while i < body.len() {
        let Some(rest) = body.get(i..) else { break };
        let Some(c) = rest.chars().next() else { break };
        if c == '<' {
            let Some(gt) = rest.find('>') else {
                return Err(malformed("a tag inside <TEXT> is not closed"));
            };
            let tag = rest.get(..=gt).unwrap_or("");
            if tag.starts_with("<TIMEX3") {
                open_timex = Some((
                    plain.text.len(),
                    attr(tag, "type").unwrap_or("").to_string(),
                    attr(tag, "value").unwrap_or("").to_string(),
                ));
            } else if tag.starts_with("</TIMEX3")
                && let Some((s, ty, v)) = open_timex.take()
            {
                timexes.push(GoldTimex {
                    start: s,
                    end: plain.text.len(),
                    timex_type: ty,
                    value: v,
                });
            }
            i += gt + 1;
            continue;
        }
        let (ch, len) = if c == '&' {
            match rest.find(';').filter(|&n| n <= 10) {
                Some(semi) => match rest.get(1..semi).and_then(decode_entity) {
                    Some(ch) => (ch, semi + 1),
                    None => ('&', 1),
                },
                None => ('&', 1),
            }
        } else {
            (c, c.len_utf8())
        };
        let raw_s = start + i;
        let raw_e = start + i + len;
        plain.text.push(ch);
        for _ in 0..ch.len_utf8() {
            plain.raw_start.push(raw_s);
            plain.raw_end.push(raw_e);
        }
        i += len;
    }
    Ok(TimemlDoc {
        dct,
        text_range: (start, close),
        plain,
        timexes,
        max_tid,
    })
}

/// How far into a document without a creation time its dateline may be.
const DATELINE_BYTES: usize = 200;

/// The document's creation time, or when it has none, the first full date at its head (a
/// headline's or dateline's `February 03, 2009`) as an estimate.
fn doc_date(text: &str, dct: Option<NaiveDate>) -> DocDate {
    if let Some(d) = dct {
        return DocDate::known(d);
    }
    let head_end = text.floor_char_boundary(DATELINE_BYTES.min(text.len()));
    let head = text.get(..head_end).unwrap_or("");
    let date = tag_timex(head, DocDate::default())
        .into_iter()
        .filter(|e| e.timex_type == TimexType::Date)
        .find_map(|e| NaiveDate::parse_from_str(&e.value, "%Y-%m-%d").ok());
    DocDate {
        date,
        estimated: date.is_some(),
    }
}

fn max_tid(raw: &str) -> u64 {
    let mut best = 0;
    let mut from = 0;
    while let Some(i) = raw.get(from..).and_then(|r| r.find("tid=\"t")) {
        let at = from + i + "tid=\"t".len();
        let digits: String = raw
            .get(at..)
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(n) = digits.parse::<u64>() {
            best = best.max(n);
        }
        from = at;
    }
    best
}

fn type_name(t: TimexType) -> &'static str {
    match t {
        TimexType::Date => "DATE",
        TimexType::Time => "TIME",
        TimexType::Duration => "DURATION",
        TimexType::Set => "SET",
    }
}

/// Tags a TempEval-3 input document: the same bytes with `<TIMEX3>` tags added in `<TEXT>`.
///
/// # Errors
/// Fails when the document has no `<TEXT>` element.
pub fn tag_document(raw: &str, path: &str) -> Result<String, TimemlError> {
    let doc = parse(raw, path)?;
    let exprs = tag_timex(&doc.plain.text, doc_date(&doc.plain.text, doc.dct));
    let mut out = String::with_capacity(raw.len() + exprs.len() * 64);
    let mut pos = 0;
    let mut tid = doc.max_tid;
    for e in exprs {
        let (Some(&rs), Some(&re)) = (
            doc.plain.raw_start.get(e.start),
            doc.plain.raw_end.get(e.end.saturating_sub(1)),
        ) else {
            continue;
        };
        // Never wrap an existing tag or overlap a previous expression.
        let Some(inner) = raw.get(rs..re) else {
            continue;
        };
        if rs < pos || inner.contains('<') {
            continue;
        }
        tid += 1;
        out.push_str(raw.get(pos..rs).unwrap_or(""));
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\"",
            type_name(e.timex_type),
            e.value
        );
        if let Some(m) = &e.modifier {
            let _ = write!(out, " mod=\"{m}\"");
        }
        out.push('>');
        out.push_str(inner);
        out.push_str("</TIMEX3>");
        pos = re;
    }
    out.push_str(raw.get(pos..).unwrap_or(""));
    Ok(out)
}

fn is_timeml_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    name.ends_with(".tml") || name.ends_with(".TE3input") || name.ends_with(".xml")
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let tail = rest.get(i..).unwrap_or("");
        match tail.find(';').filter(|&n| n <= 10) {
            Some(semi) => match tail.get(1..semi).and_then(decode_entity) {
                Some(c) => {
                    out.push(c);
                    rest = tail.get(semi + 1..).unwrap_or("");
                }
                None => {
                    out.push('&');
                    rest = tail.get(1..).unwrap_or("");
                }
            },
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// A MEANTIME (NAF/CAT XML) document: tokens joined by spaces (a newline between
/// sentences), its creation time, and its TIMEX3 markables as spans of that text.
///
/// # Errors
/// Fails when the file has no tokens.
pub fn parse_meantime(
    raw: &str,
    path: &str,
) -> Result<(String, Option<NaiveDate>, Vec<GoldTimex>), TimemlError> {
    use std::collections::HashMap;
    let mut text = String::new();
    let mut spans: HashMap<&str, (usize, usize)> = HashMap::new();
    let mut last_sentence: Option<&str> = None;
    // MEANTIME annotates only the first sentences of each article: score those only.
    let mut sentence_of: HashMap<&str, u32> = HashMap::new();
    let mut from = 0;
    while let Some(i) = raw.get(from..).and_then(|r| r.find("<token ")) {
        let at = from + i;
        let Some(gt) = raw.get(at..).and_then(|r| r.find('>')) else {
            break;
        };
        let tag = raw.get(at..at + gt).unwrap_or("");
        if let (Some(id), Some(sn)) = (attr(tag, "t_id"), attr(tag, "sentence")) {
            sentence_of.insert(id, sn.parse().unwrap_or(0));
        }
        from = at + gt;
    }
    let markables = raw.find("<Markables>").unwrap_or(raw.len());
    let mut last_annotated = 0u32;
    let mut rest = raw.get(markables..).unwrap_or("");
    while let Some(j) = rest.find("t_id=\"") {
        let tail = rest.get(j + 6..).unwrap_or("");
        let id = tail.split('"').next().unwrap_or("");
        if let Some(&sn) = sentence_of.get(id) {
            last_annotated = last_annotated.max(sn);
        }
        rest = tail;
    }
    let mut from = 0;
    while let Some(i) = raw.get(from..).and_then(|r| r.find("<token ")) {
        let at = from + i;
        let Some(gt) = raw.get(at..).and_then(|r| r.find('>')) else {
            break;
        };
        let tag = raw.get(at..at + gt).unwrap_or("");
        let body_start = at + gt + 1;
        let Some(close) = raw.get(body_start..).and_then(|r| r.find("</token>")) else {
            break;
        };
        let word = unescape(raw.get(body_start..body_start + close).unwrap_or(""));
        let sentence = attr(tag, "sentence");
        if sentence
            .and_then(|sn| sn.parse::<u32>().ok())
            .is_some_and(|sn| sn > last_annotated)
        {
            break;
        }
        if !text.is_empty() {
            text.push(if sentence == last_sentence { ' ' } else { '\n' });
        }
        last_sentence = sentence;
        let s = text.len();
        text.push_str(&word);
        if let Some(id) = attr(tag, "t_id") {
            spans.insert(id, (s, text.len()));
        }
        from = body_start + close;
    }
    if spans.is_empty() {
        return Err(TimemlError::Malformed {
            path: path.to_string(),
            message: "no <token> elements (not a MEANTIME document)".into(),
        });
    }
    let mut gold = Vec::new();
    let mut dct = None;
    let mut from = 0;
    while let Some(i) = raw.get(from..).and_then(|r| r.find("<TIMEX3 ")) {
        let at = from + i;
        let Some(end) = raw.get(at..).and_then(|r| r.find("</TIMEX3>")) else {
            break;
        };
        let block = raw.get(at..at + end).unwrap_or("");
        let tag_end = block.find('>').unwrap_or(block.len());
        let tag = block.get(..tag_end).unwrap_or("");
        let value = attr(tag, "value").unwrap_or("").to_string();
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            dct = value
                .get(..10)
                .and_then(|v| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok());
        }
        let mut lo = usize::MAX;
        let mut hi = 0;
        let mut rest = block;
        while let Some(j) = rest.find("t_id=\"") {
            let tail = rest.get(j + 6..).unwrap_or("");
            let id = tail.split('"').next().unwrap_or("");
            if let Some(&(a, b)) = spans.get(id) {
                lo = lo.min(a);
                hi = hi.max(b);
            }
            rest = tail;
        }
        if lo < hi {
            gold.push(GoldTimex {
                start: lo,
                end: hi,
                timex_type: attr(tag, "type").unwrap_or("").to_string(),
                value,
            });
        }
        from = at + end;
    }
    gold.sort_by_key(|g| g.start);
    Ok((text, dct, gold))
}

fn collect_files(inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack: Vec<PathBuf> = inputs.to_vec();
    while let Some(p) = stack.pop() {
        if p.is_dir() {
            if let Ok(rd) = std::fs::read_dir(&p) {
                for e in rd.flatten() {
                    let q = e.path();
                    if q.is_dir() || is_timeml_file(&q) {
                        stack.push(q);
                    }
                }
            }
        } else {
            files.push(p);
        }
    }
    files.sort();
    files
}

fn output_name(p: &Path) -> String {
    let name = p
        .file_name()
        .map_or_else(|| "document".into(), |n| n.to_string_lossy().into_owned());
    let stem = name.strip_suffix(".TE3input").unwrap_or(&name);
    if stem.ends_with(".tml") {
        stem.to_string()
    } else {
        format!("{stem}.tml")
    }
}

fn read(path: &Path) -> Result<String, TimemlError> {
    let bytes = std::fs::read(path).map_err(|source| TimemlError::Read {
        path: path.display().to_string(),
        source,
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `dateline timeml`.
///
/// # Errors
/// Fails when no input could be read or the output folder cannot be written.
pub fn tag_files_cli(args: &TimemlArgs) -> anyhow::Result<()> {
    let files = collect_files(&args.inputs);
    if files.is_empty() {
        anyhow::bail!("no TimeML files (.tml, .TE3input) found in the inputs given");
    }
    std::fs::create_dir_all(&args.out).map_err(|e| {
        anyhow::anyhow!("could not create output folder {}: {e}", args.out.display())
    })?;
    let mut done = 0usize;
    for f in &files {
        let result = read(f).and_then(|raw| tag_document(&raw, &f.display().to_string()));
        match result {
            Ok(tagged) => {
                let out = args.out.join(output_name(f));
                crate::write::write_atomic(&out, tagged.as_bytes())?;
                done += 1;
            }
            Err(e) => eprintln!("skipped: {e}"),
        }
    }
    if done == 0 {
        anyhow::bail!("none of the {} TimeML files could be tagged", files.len());
    }
    eprintln!(
        "tagged {done} of {} files into {}",
        files.len(),
        args.out.display()
    );
    Ok(())
}

/// Counts for the TempEval-3 task A figures.
#[derive(Debug, Default, Clone, Copy)]
pub struct Score {
    pub gold: usize,
    pub system: usize,
    pub strict_sys: usize,
    pub strict_gold: usize,
    pub relaxed_sys: usize,
    pub relaxed_gold: usize,
    /// Relaxed matches (gold side) and how many of them have the right value and type.
    pub matched: usize,
    pub value_ok: usize,
    pub type_ok: usize,
}

fn prf(hit_sys: usize, hit_gold: usize, sys: usize, gold: usize) -> (f64, f64, f64) {
    let p = if sys == 0 {
        0.0
    } else {
        hit_sys as f64 / sys as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        hit_gold as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict_sys += o.strict_sys;
        self.strict_gold += o.strict_gold;
        self.relaxed_sys += o.relaxed_sys;
        self.relaxed_gold += o.relaxed_gold;
        self.matched += o.matched;
        self.value_ok += o.value_ok;
        self.type_ok += o.type_ok;
    }

    /// Strict (P, R, F1).
    #[must_use]
    pub fn strict(&self) -> (f64, f64, f64) {
        prf(self.strict_sys, self.strict_gold, self.system, self.gold)
    }

    /// Relaxed (P, R, F1).
    #[must_use]
    pub fn relaxed(&self) -> (f64, f64, f64) {
        prf(self.relaxed_sys, self.relaxed_gold, self.system, self.gold)
    }

    /// Attribute F1 as TempEval-3 reports it: accuracy over relaxed matches × relaxed F1.
    #[must_use]
    pub fn value_f1(&self) -> f64 {
        self.attr_f1(self.value_ok)
    }

    #[must_use]
    pub fn type_f1(&self) -> f64 {
        self.attr_f1(self.type_ok)
    }

    fn attr_f1(&self, ok: usize) -> f64 {
        if self.matched == 0 {
            return 0.0;
        }
        ok as f64 / self.matched as f64 * self.relaxed().2
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Scores system expressions against gold ones on the same text; `log` gets one line per
/// miss, spurious expression and wrong value.
pub fn score_doc(
    text: &str,
    gold: &[GoldTimex],
    sys: &[TimeExpr],
    mut log: Option<&mut String>,
) -> Score {
    let mut s = Score {
        gold: gold.len(),
        system: sys.len(),
        ..Score::default()
    };
    let snip = |a: usize, b: usize| text.get(a..b).unwrap_or("?").replace('\n', " ");
    for g in gold {
        let strict = sys.iter().any(|e| e.start == g.start && e.end == g.end);
        let best = sys
            .iter()
            .filter(|e| overlaps((e.start, e.end), (g.start, g.end)))
            .max_by_key(|e| e.end.min(g.end) - e.start.max(g.start));
        if strict {
            s.strict_gold += 1;
        }
        match best {
            Some(e) => {
                s.relaxed_gold += 1;
                s.matched += 1;
                let value_ok = e.value == g.value;
                let type_ok = type_name(e.timex_type) == g.timex_type;
                s.value_ok += usize::from(value_ok);
                s.type_ok += usize::from(type_ok);
                if let Some(l) = log.as_deref_mut() {
                    if !value_ok || !type_ok {
                        let ctx_a = text.floor_char_boundary(g.start.saturating_sub(60));
                        let ctx_b = text.ceil_char_boundary((g.end + 40).min(text.len()));
                        let _ = writeln!(
                            l,
                            "  WRONG  {:?} gold {} {} | sys {:?} {} {}   ...{}...",
                            snip(g.start, g.end),
                            g.timex_type,
                            g.value,
                            snip(e.start, e.end),
                            type_name(e.timex_type),
                            e.value,
                            snip(ctx_a, ctx_b)
                        );
                    } else if !strict {
                        let _ = writeln!(
                            l,
                            "  EXTENT gold {:?} | sys {:?}",
                            snip(g.start, g.end),
                            snip(e.start, e.end)
                        );
                    }
                }
            }
            None => {
                if let Some(l) = log.as_deref_mut() {
                    let ctx_a = text.floor_char_boundary(g.start.saturating_sub(40));
                    let ctx_b = text.ceil_char_boundary((g.end + 30).min(text.len()));
                    let _ = writeln!(
                        l,
                        "  MISS   {:?} {} {}   ...{}...",
                        snip(g.start, g.end),
                        g.timex_type,
                        g.value,
                        snip(ctx_a, ctx_b)
                    );
                }
            }
        }
    }
    for e in sys {
        if gold.iter().any(|g| g.start == e.start && g.end == e.end) {
            s.strict_sys += 1;
        }
        if gold
            .iter()
            .any(|g| overlaps((e.start, e.end), (g.start, g.end)))
        {
            s.relaxed_sys += 1;
        } else if let Some(l) = log.as_deref_mut() {
            let ctx_a = text.floor_char_boundary(e.start.saturating_sub(40));
            let ctx_b = text.ceil_char_boundary((e.end + 30).min(text.len()));
            let _ = writeln!(
                l,
                "  SPUR   {:?} {} {}   ...{}...",
                snip(e.start, e.end),
                type_name(e.timex_type),
                e.value,
                snip(ctx_a, ctx_b)
            );
        }
    }
    s
}

/// Scores the tagger on every gold `.tml` file under `dirs`.
///
/// # Errors
/// Fails when a file cannot be read or has no `<TEXT>`.
pub fn score_dirs(
    dirs: &[PathBuf],
    mut log: Option<&mut String>,
) -> Result<(Score, usize), TimemlError> {
    let files = collect_files(dirs);
    let mut total = Score::default();
    for f in &files {
        let raw = read(f)?;
        let name = f.display().to_string();
        let (text, dct, gold) = if raw.contains("<TEXT>") {
            let doc = parse(&raw, &name)?;
            (doc.plain.text, doc.dct, doc.timexes)
        } else {
            parse_meantime(&raw, &name)?
        };
        let sys = tag_timex(&text, doc_date(&text, dct));
        let mut doc_log = String::new();
        let s = score_doc(&text, &gold, &sys, log.is_some().then_some(&mut doc_log));
        if let Some(l) = log.as_deref_mut()
            && !doc_log.is_empty()
        {
            let _ = writeln!(l, "{} (DCT {:?})", f.display(), dct);
            l.push_str(&doc_log);
        }
        total.add(&s);
    }
    Ok((total, files.len()))
}

/// `dateline timeml-score`.
///
/// # Errors
/// Fails when no gold file could be read.
pub fn score_cli(args: &TimemlScoreArgs) -> anyhow::Result<()> {
    let mut log = String::new();
    let (s, n) = score_dirs(&args.gold, args.verbose.then_some(&mut log))?;
    if n == 0 {
        anyhow::bail!("no .tml files found in the folders given");
    }
    if args.verbose {
        print!("{log}");
    }
    let (sp, sr, sf) = s.strict();
    let (rp, rr, rf) = s.relaxed();
    println!(
        "files {n}, gold timexes {}, system timexes {}",
        s.gold, s.system
    );
    println!(
        "strict   P {:.2} R {:.2} F1 {:.2}",
        sp * 100.0,
        sr * 100.0,
        sf * 100.0
    );
    println!(
        "relaxed  P {:.2} R {:.2} F1 {:.2}",
        rp * 100.0,
        rr * 100.0,
        rf * 100.0
    );
    println!(
        "value F1 {:.2}  type F1 {:.2}  (accuracy over relaxed matches: value {:.2}, type {:.2})",
        s.value_f1() * 100.0,
        s.type_f1() * 100.0,
        if s.matched == 0 {
            0.0
        } else {
            s.value_ok as f64 * 100.0 / s.matched as f64
        },
        if s.matched == 0 {
            0.0
        } else {
            s.type_ok as f64 * 100.0 / s.matched as f64
        },
    );
    Ok(())
}
