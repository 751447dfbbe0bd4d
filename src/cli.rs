//! Headless commands: `dateline extract`, `dateline timeml`, `dateline timeml-score`,
//! `dateline generate`. `main.rs` parses arguments and calls the command's function.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use rayon::prelude::*;

use crate::corpus::{Article, DateSource, Problem};
use crate::extract::{Event, Extractor, Status};
use crate::pipeline::Extraction;
use crate::timeline::Filter;

/// Dateline: a timeline of what happened, when, and who did it, from a folder of news articles.
#[derive(Debug, Parser)]
#[command(name = "dateline", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Folder or files to open in the desktop app.
    pub paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract dated, sourced events from articles (folders are read recursively; `-` reads stdin).
    Extract(ExtractArgs),
    /// Tag TimeML documents (TempEval-3 task A input) with TIMEX3 time expressions.
    Timeml(TimemlArgs),
    /// Score the tagger against gold TimeML files, as the TempEval-3 task A scorer does.
    TimemlScore(TimemlScoreArgs),
    /// Generate a realistic synthetic corpus of any size, for benchmarks.
    Generate(GenerateArgs),
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Folders or files to read; `-` reads file paths or JSON Lines articles from stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: crate::export::Format,
    /// Write to this file (atomically) instead of stdout.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Keep only these event types (repeat or comma-separate).
    #[arg(long = "type", value_delimiter = ',')]
    pub types: Vec<String>,
    /// Keep only events involving this actor (repeat or comma-separate).
    #[arg(long = "actor", value_delimiter = ',')]
    pub actors: Vec<String>,
    /// Keep only events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Keep only events that start on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Keep only events whose summary, actors or source text contain this text.
    #[arg(long)]
    pub query: Option<String>,
    /// Keep only events with these statuses: reported, alleged, denied, planned, hypothetical
    /// (repeat or comma-separate).
    #[arg(long = "status", value_delimiter = ',')]
    pub statuses: Vec<String>,
    /// Keep only events with at least this confidence (0 to 1).
    #[arg(long)]
    pub min_confidence: Option<f32>,
    /// With --from or --to, also keep events whose date could not be resolved.
    #[arg(long)]
    pub keep_undated: bool,
    /// Take this as the publication date (YYYY-MM-DD) of every article read, over any
    /// sidecar or metadata date: relative dates resolve against it.
    #[arg(long)]
    pub published: Option<String>,
}

#[derive(Debug, Args)]
pub struct TimemlArgs {
    /// TimeML files or folders of them (`.tml`, `.TE3input`).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Folder to write the tagged `.tml` files into.
    #[arg(long)]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct TimemlScoreArgs {
    /// Folders of gold `.tml` files.
    #[arg(required = true)]
    pub gold: Vec<PathBuf>,
    /// Print each missed, spurious and wrongly valued expression.
    #[arg(long)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Folder to create.
    pub out: PathBuf,
    /// How many articles (about 5 KB each on average: 10,000 make about 50 MB).
    #[arg(long, default_value_t = 1000)]
    pub articles: usize,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// Parses a `--from`/`--to` bound: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A bound that starts a
/// range (`end == false`) is the first day of the period, one that ends it the last day.
///
/// # Errors
/// Says what is wrong with `text` in a sentence.
pub fn parse_date_bound(text: &str, end: bool) -> Result<NaiveDate, String> {
    let bad = || format!("{text:?} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str, digits: usize| {
        (s.len() == digits && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = parts
        .first()
        .and_then(|y| number(y, 4))
        .and_then(|y| i32::try_from(y).ok())
        .ok_or_else(bad)?;
    let month = match parts.get(1) {
        Some(m) => Some(
            number(m, 2)
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?,
        ),
        None => None,
    };
    let day = match parts.get(2) {
        Some(d) => Some(number(d, 2).ok_or_else(bad)?),
        None => None,
    };
    if parts.len() > 3 {
        return Err(bad());
    }
    let date = match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
        (Some(m), None) if end => NaiveDate::from_ymd_opt(year, m, 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        (Some(m), None) => NaiveDate::from_ymd_opt(year, m, 1),
        (None, _) if end => NaiveDate::from_ymd_opt(year, 12, 31),
        (None, _) => NaiveDate::from_ymd_opt(year, 1, 1),
    };
    date.ok_or_else(|| format!("{text:?} is not a day of the calendar"))
}

fn parse_status(name: &str) -> Option<Status> {
    match name.trim().to_ascii_lowercase().as_str() {
        "reported" => Some(Status::Reported),
        "alleged" => Some(Status::Alleged),
        "denied" => Some(Status::Denied),
        "planned" => Some(Status::Planned),
        "hypothetical" => Some(Status::Hypothetical),
        _ => None,
    }
}

/// The [`Filter`] the extract arguments ask for. With `--from` or `--to`, events without a
/// resolved date are dropped unless `--keep-undated` is given.
///
/// # Errors
/// Fails on an invalid date, status or confidence, with a sentence naming the option.
pub fn filter_from_args(args: &ExtractArgs) -> anyhow::Result<Filter> {
    let clean = |list: &[String]| {
        list.iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut filter = Filter {
        types: args
            .types
            .iter()
            .map(|t| t.trim().to_ascii_lowercase().replace(['-', ' '], "_"))
            .filter(|t| !t.is_empty())
            .collect(),
        actors: clean(&args.actors),
        query: args.query.as_deref().unwrap_or("").trim().to_owned(),
        ..Filter::default()
    };
    if let Some(from) = &args.from {
        filter.from =
            Some(parse_date_bound(from, false).map_err(|e| anyhow::anyhow!("--from: {e}"))?);
    }
    if let Some(to) = &args.to {
        filter.to = Some(parse_date_bound(to, true).map_err(|e| anyhow::anyhow!("--to: {e}"))?);
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        anyhow::bail!("--from {from} is after --to {to}: no event could match");
    }
    filter.keep_undated = args.keep_undated;
    if !args.statuses.is_empty() {
        let mut keep = std::collections::BTreeSet::new();
        for name in args.statuses.iter().filter(|s| !s.trim().is_empty()) {
            keep.insert(parse_status(name).ok_or_else(|| {
                anyhow::anyhow!(
                    "--status: {name:?} is not a status; use reported, alleged, denied, planned or hypothetical"
                )
            })?);
        }
        filter.hidden_statuses = [
            Status::Reported,
            Status::Alleged,
            Status::Denied,
            Status::Planned,
            Status::Hypothetical,
        ]
        .into_iter()
        .filter(|s| !keep.contains(s))
        .collect();
    }
    if let Some(c) = args.min_confidence {
        if !(0.0..=1.0).contains(&c) {
            anyhow::bail!("--min-confidence: {c} is not between 0 and 1");
        }
        filter.min_confidence = c;
    }
    Ok(filter)
}

fn set_published(articles: &mut [Article], date: Option<NaiveDate>) {
    if let Some(date) = date {
        for a in articles {
            a.published = Some(date);
            a.published_source = DateSource::Sidecar;
        }
    }
}

fn warn(problems: &[Problem]) {
    let mut err = std::io::stderr().lock();
    for p in problems {
        // Nothing sensible is left to do when stderr itself is gone.
        let _ = writeln!(err, "warning: {}: {}", p.path, p.message);
    }
}

/// Runs `write` on stdout (buffered) or atomically into `out`. A closed stdout (for example
/// `dateline extract … | head`) ends the output quietly.
fn output(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let result = match out {
        Some(path) => crate::write::write_atomic_with(path, write),
        None => {
            let stdout = std::io::stdout();
            let mut buffered = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            write(&mut buffered).and_then(|()| buffered.flush())
        }
    };
    match result {
        Err(e) if out.is_none() && e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("the output could not be written"),
    }
}

fn export_error(e: crate::export::ExportError) -> std::io::Error {
    match e {
        crate::export::ExportError::Io(io) => io,
        other => std::io::Error::other(other),
    }
}

/// `dateline extract`.
///
/// # Errors
/// Fails when nothing at all could be read, an option is invalid, or the output cannot be
/// written.
pub fn extract(args: &ExtractArgs) -> anyhow::Result<()> {
    let filter = filter_from_args(args)?;
    let published = args
        .published
        .as_deref()
        .map(|d| {
            NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d")
                .map_err(|_| anyhow::anyhow!("--published: {d:?} is not a date; use YYYY-MM-DD"))
        })
        .transpose()?;
    let extractor = Extractor::builtin();
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            anyhow::bail!(
                "`-` reads the inputs from stdin and cannot be combined with other paths"
            );
        }
        return extract_stdin(args, &filter, published, &extractor);
    }

    let mut extraction = if published.is_some() {
        let mut corpus = crate::corpus::load(&args.paths);
        set_published(&mut corpus.articles, published);
        let events = corpus
            .articles
            .par_iter()
            .flat_map_iter(|a| extractor.extract(a))
            .collect();
        Extraction {
            articles: corpus.articles,
            events,
            problems: corpus.problems,
        }
    } else {
        crate::pipeline::extract_paths(&args.paths, &extractor)
    };
    warn(&extraction.problems);
    if extraction.articles.is_empty() {
        anyhow::bail!("{}", nothing_read(&args.paths, &extraction.problems));
    }
    extraction.events.retain(|e| filter.matches(e));
    output(args.out.as_deref(), |out| {
        crate::export::write(args.format, &extraction, &extraction.events, out)
            .map_err(export_error)
    })
}

/// The one-line reason given when no article could be read.
fn nothing_read(paths: &[PathBuf], problems: &[Problem]) -> String {
    let given = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ");
    let missing: Vec<String> = paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if !missing.is_empty() && missing.len() == paths.len() {
        return format!(
            "no article could be read: {} does not exist",
            missing.join(", ")
        );
    }
    match problems {
        [] => format!(
            "no article could be read from {given}: no .txt, .md, .html or .json files were found"
        ),
        [one] => format!(
            "no article could be read from {given}: {}: {}",
            one.path, one.message
        ),
        many => format!(
            "no article could be read from {given}: all {} files had problems (see the warnings above)",
            many.len()
        ),
    }
}

/// How many stdin lines are extracted at once in `-` mode: enough to keep every core busy,
/// few enough that memory stays constant whatever the input size.
pub const STREAM_CHUNK_LINES: usize = 256;

/// What a `-` run read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamSummary {
    /// Non-blank input lines.
    pub lines: usize,
    pub articles: usize,
    /// Events written (after the filter).
    pub events: usize,
}

/// What one stdin line gave.
#[derive(Default)]
struct LineOutcome {
    articles: Vec<Article>,
    events: Vec<Event>,
    problems: Vec<Problem>,
}

/// Lenient article dates: `YYYY-MM-DD`, RFC 3339 (`2024-04-10T08:00:00Z`) or RFC 2822.
fn parse_article_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if let Some(d) = t
        .get(..10)
        .and_then(|head| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
    {
        return Some(d);
    }
    chrono::DateTime::parse_from_rfc2822(t)
        .ok()
        .map(|d| d.date_naive())
}

fn json_text<'a>(
    obj: &'a serde_json::Map<String, serde_json::Value>,
    keys: &[&str],
) -> Option<&'a str> {
    keys.iter()
        .filter_map(|k| obj.get(*k))
        .find_map(serde_json::Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Turns one JSON Lines article (`{"id", "text", "published", "title", "url", ...}`, with
/// the usual scraper field names also accepted) into an [`Article`]. `fallback_path` names it
/// when it has no `id`, `path` or `url`. Returns the article and a warning when its date could
/// not be read (the article is then read without a date).
///
/// # Errors
/// Says why the line is not an article (not a JSON object, no text).
pub fn article_from_json_line(
    line: &[u8],
    fallback_path: &str,
) -> Result<(Article, Option<String>), String> {
    let value: serde_json::Value =
        serde_json::from_slice(line).map_err(|e| format!("not a JSON article: {e}"))?;
    let serde_json::Value::Object(obj) = value else {
        return Err("not a JSON article: expected an object".to_owned());
    };
    let path = match obj.get("id") {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_owned(),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => json_text(&obj, &["path", "url"])
            .unwrap_or(fallback_path)
            .to_owned(),
    };
    let text =
        json_text(&obj, &["text", "content", "body", "maintext", "article"]).ok_or_else(|| {
            format!("{path}: the JSON article has no text (expected a \"text\" field)")
        })?;
    let date_text = json_text(
        &obj,
        &[
            "published",
            "date",
            "date_publish",
            "publish_date",
            "datePublished",
        ],
    );
    let published = date_text.and_then(parse_article_date);
    let warning = match (date_text, published) {
        (Some(d), None) => Some(format!(
            "the published date {d:?} is not a date; relative dates stay unresolved"
        )),
        _ => None,
    };
    Ok((
        Article {
            title: json_text(&obj, &["title", "headline"]).map(str::to_owned),
            url: json_text(&obj, &["url", "link", "source_url"]).map(str::to_owned),
            published,
            published_source: if published.is_some() {
                DateSource::Metadata
            } else {
                DateSource::Unknown
            },
            text: text.to_owned(),
            path,
        },
        warning,
    ))
}

fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
    }
}

/// Reads one stdin line: a JSON article or a path (file or folder).
fn read_line_input(line_no: usize, line: &[u8], published: Option<NaiveDate>) -> LineOutcome {
    let mut outcome = LineOutcome::default();
    let where_ = format!("stdin line {line_no}");
    if line.first() == Some(&b'{') {
        match article_from_json_line(line, &where_) {
            Ok((article, warning)) => {
                if let Some(message) = warning {
                    outcome.problems.push(Problem {
                        path: article.path.clone(),
                        message,
                    });
                }
                outcome.articles.push(article);
            }
            Err(message) => outcome.problems.push(Problem {
                path: where_,
                message,
            }),
        }
    } else {
        let path = path_from_bytes(line);
        let shown = path.display().to_string();
        let corpus = crate::corpus::load(std::slice::from_ref(&path));
        let is_dir = path.is_dir();
        outcome.articles = corpus.articles;
        outcome.problems = corpus.problems;
        // Name articles by the path given, so lines from different folders stay apart.
        for a in &mut outcome.articles {
            a.path = if is_dir {
                format!("{}/{}", shown.trim_end_matches('/'), a.path)
            } else if a.path.contains('#') {
                // A JSON collection: keep its `#N` suffix.
                let suffix = a.path.rsplit_once('#').map_or("", |(_, n)| n);
                format!("{shown}#{suffix}")
            } else {
                shown.clone()
            };
        }
        if outcome.articles.is_empty() && outcome.problems.is_empty() {
            outcome.problems.push(Problem {
                path: shown,
                message:
                    "no article found there (a missing file, or not .txt, .md, .html or .json)"
                        .to_owned(),
            });
        }
    }
    set_published(&mut outcome.articles, published);
    outcome
}

/// Reads stdin-style input in chunks of [`STREAM_CHUNK_LINES`] lines, extracts each chunk in
/// parallel and hands the outcomes, in input order, to `handle`; stops early when `handle`
/// returns `false`.
fn for_each_chunk(
    mut input: impl BufRead,
    extractor: &Extractor,
    published: Option<NaiveDate>,
    mut handle: impl FnMut(Vec<LineOutcome>) -> std::io::Result<bool>,
) -> std::io::Result<StreamSummary> {
    let mut summary = StreamSummary::default();
    let mut line_no = 0;
    let mut buf = Vec::new();
    loop {
        let mut chunk: Vec<(usize, Vec<u8>)> = Vec::with_capacity(STREAM_CHUNK_LINES);
        let mut eof = false;
        while chunk.len() < STREAM_CHUNK_LINES {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                eof = true;
                break;
            }
            line_no += 1;
            let line = buf.trim_ascii();
            if !line.is_empty() {
                chunk.push((line_no, line.to_vec()));
            }
        }
        summary.lines += chunk.len();
        let outcomes: Vec<LineOutcome> = chunk
            .par_iter()
            .map(|(n, line)| {
                let mut o = read_line_input(*n, line, published);
                o.events = o
                    .articles
                    .iter()
                    .flat_map(|a| extractor.extract(a))
                    .collect();
                o
            })
            .collect();
        summary.articles += outcomes.iter().map(|o| o.articles.len()).sum::<usize>();
        if !handle(outcomes)? || eof {
            return Ok(summary);
        }
    }
}

/// The streaming form of `dateline extract - --format jsonl`: reads file paths or JSON Lines
/// articles from `input`, writes one event per line to `out` as it goes (flushed after every
/// chunk), and reports problems through `on_problem`. Memory stays constant: only one chunk
/// of lines is held at a time.
///
/// # Errors
/// Fails when reading `input` or writing `out` fails.
pub fn stream_jsonl(
    input: impl BufRead,
    out: &mut dyn Write,
    extractor: &Extractor,
    filter: &Filter,
    published: Option<NaiveDate>,
    on_problem: &mut dyn FnMut(&Problem),
) -> std::io::Result<StreamSummary> {
    let mut events = 0;
    let mut summary = for_each_chunk(input, extractor, published, |outcomes| {
        for o in outcomes {
            o.problems.iter().for_each(&mut *on_problem);
            for e in o.events.iter().filter(|e| filter.matches(e)) {
                crate::export::jsonl::write_event(e, out).map_err(export_error)?;
                events += 1;
            }
        }
        out.flush()?;
        Ok(true)
    })?;
    summary.events = events;
    Ok(summary)
}

/// `dateline extract -`: JSON Lines stream as they come; other formats read everything first.
fn extract_stdin(
    args: &ExtractArgs,
    filter: &Filter,
    published: Option<NaiveDate>,
    extractor: &Extractor,
) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let input = std::io::BufReader::with_capacity(1 << 16, stdin.lock());
    let nothing = |s: &StreamSummary| {
        anyhow::anyhow!(
            "none of the {} lines read from stdin was a readable article or article file (see the warnings above)",
            s.lines
        )
    };
    if args.format == crate::export::Format::Jsonl {
        let mut summary = StreamSummary::default();
        let mut warn_one = |p: &Problem| warn(std::slice::from_ref(p));
        output(args.out.as_deref(), |out| {
            summary = stream_jsonl(input, out, extractor, filter, published, &mut warn_one)?;
            if summary.lines > 0 && summary.articles == 0 {
                // Leaves an existing --out file untouched.
                return Err(std::io::Error::other(nothing(&summary)));
            }
            Ok(())
        })?;
        return Ok(());
    }

    let mut extraction = Extraction::default();
    let summary = for_each_chunk(input, extractor, published, |outcomes| {
        for o in outcomes {
            warn(&o.problems);
            extraction.problems.extend(o.problems);
            extraction.articles.extend(o.articles);
            extraction
                .events
                .extend(o.events.into_iter().filter(|e| filter.matches(e)));
        }
        Ok(true)
    })
    .context("could not read stdin")?;
    if summary.lines > 0 && summary.articles == 0 {
        return Err(nothing(&summary));
    }
    output(args.out.as_deref(), |out| {
        crate::export::write(args.format, &extraction, &extraction.events, out)
            .map_err(export_error)
    })
}

/// `dateline generate`.
///
/// # Errors
/// Fails when the folder exists and is not empty, or cannot be written.
pub fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let written = crate::generate::write_corpus(&args.out, args.articles, args.seed)?;
    #[allow(clippy::cast_precision_loss)] // a size shown to one decimal
    let megabytes = written.bytes as f64 / 1e6;
    eprintln!(
        "wrote {} articles ({megabytes:.1} MB of text) and dateline.json to {} in {:.1} s",
        written.articles,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn date_bounds_cover_the_whole_period() {
        assert_eq!(parse_date_bound("2024", false), Ok(d(2024, 1, 1)));
        assert_eq!(parse_date_bound("2024", true), Ok(d(2024, 12, 31)));
        assert_eq!(parse_date_bound("2024-02", false), Ok(d(2024, 2, 1)));
        assert_eq!(parse_date_bound("2024-02", true), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date_bound("2023-12", true), Ok(d(2023, 12, 31)));
        assert_eq!(parse_date_bound("2024-04-10", true), Ok(d(2024, 4, 10)));
        for bad in [
            "",
            "24",
            "2024-13",
            "2024-02-30",
            "2024-4-1",
            "April",
            "2024-01-01-01",
            "２０２４",
        ] {
            assert!(parse_date_bound(bad, false).is_err(), "{bad:?}");
        }
        let message = parse_date_bound("2024-13", false).err().unwrap_or_default();
        assert!(message.contains("YYYY-MM-DD"), "{message}");
    }

    #[test]
    fn json_lines_articles_are_read() {
        let line = br#"{"id": "a-1", "text": "Kim visited Moscow on Tuesday.", "published": "2024-04-10T08:00:00Z", "title": "T", "url": "https://x.org/1", "extra": 3}"#;
        let (a, warning) =
            article_from_json_line(line, "stdin line 1").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a.path, "a-1");
        assert_eq!(a.published, Some(d(2024, 4, 10)));
        assert_eq!(a.published_source, DateSource::Metadata);
        assert_eq!(a.title.as_deref(), Some("T"));
        assert!(warning.is_none());

        let (b, warning) =
            article_from_json_line(br#"{"id": 7, "content": "x", "date": "soon"}"#, "l")
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.path, "7");
        assert_eq!(b.published, None);
        assert!(warning.is_some_and(|w| w.contains("soon")));

        assert!(article_from_json_line(br#"{"id": 1}"#, "l").is_err());
        assert!(article_from_json_line(b"[1, 2]", "l").is_err());
        assert!(article_from_json_line(b"{not json", "l").is_err());
    }

    #[test]
    fn the_stream_reads_mixed_lines_in_chunks_and_reports_bad_ones() {
        let mut input = Vec::new();
        for i in 0..(STREAM_CHUNK_LINES * 2 + 3) {
            input.extend_from_slice(
                format!("{{\"id\": \"a{i}\", \"text\": \"Kim visited Moscow.\", \"published\": \"2024-04-10\"}}\n")
                    .as_bytes(),
            );
        }
        input.extend_from_slice(b"\n{broken\n/nonexistent/dateline/file.txt\n");
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let summary = stream_jsonl(
            input.as_slice(),
            &mut out,
            &Extractor::builtin(),
            &Filter::default(),
            None,
            &mut |p| problems.push(p.clone()),
        )
        .unwrap_or_default();
        assert_eq!(summary.lines, STREAM_CHUNK_LINES * 2 + 5);
        assert_eq!(summary.articles, STREAM_CHUNK_LINES * 2 + 3);
        assert_eq!(summary.events, out.iter().filter(|b| **b == b'\n').count());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems
                .iter()
                .any(|p| p.path.contains("line") && p.message.contains("JSON"))
        );
        assert!(
            problems
                .iter()
                .any(|p| p.path.contains("/nonexistent/dateline/file.txt"))
        );
    }

    #[test]
    fn status_and_confidence_options_are_checked() {
        let args = |statuses: &[&str], min: Option<f32>| ExtractArgs {
            paths: vec![PathBuf::from("x")],
            format: crate::export::Format::Json,
            out: None,
            types: vec!["Missile-Test".to_owned()],
            actors: Vec::new(),
            from: None,
            to: None,
            query: None,
            statuses: statuses.iter().map(|s| (*s).to_owned()).collect(),
            min_confidence: min,
            keep_undated: false,
            published: None,
        };
        let f = filter_from_args(&args(&["reported", "Alleged"], Some(0.5))).unwrap_or_default();
        assert!(f.types.contains("missile_test"));
        assert_eq!(f.hidden_statuses.len(), 3);
        assert!(!f.hidden_statuses.contains(&Status::Alleged));
        assert!((f.min_confidence - 0.5).abs() < f32::EPSILON);
        assert!(filter_from_args(&args(&["rumoured"], None)).is_err());
        assert!(filter_from_args(&args(&[], Some(2.0))).is_err());
    }
}
