//! Headless commands: `dateline extract`, `dateline timeml`, `dateline timeml-score`,
//! `dateline generate`. `main.rs` parses arguments and calls the command's function.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::corpus::{Article, DateSource, Problem};
use crate::extract::{Extractor, Status};
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

/// Actor names as users type them, each replaced by its canonical name when the actor lists
/// know it (`DPRK`, `Pyongyang` → `North Korea`); unknown names are kept as typed.
fn canonical_actors<C: FromIterator<String>>(names: Vec<String>) -> C {
    if names.is_empty() {
        return std::iter::empty().collect();
    }
    let extractor = Extractor::builtin();
    names
        .into_iter()
        .map(|a| extractor.canonical_actor(&a).unwrap_or(a))
        .collect()
}

/// The [`Filter`] the extract arguments ask for. With `--from` or `--to`, events without a
/// resolved date are dropped unless `--keep-undated` is given.
///
/// # Errors
/// Fails on an invalid date, status or confidence, with a sentence naming the option.
pub fn filter_from_args(args: &ExtractArgs) -> anyhow::Result<Filter> {
    let clean = |list: &[String]| -> Vec<String> {
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
        // `DPRK`, `Pyongyang` find the events of `North Korea`: aliases become canonical names.
        actors: canonical_actors(clean(&args.actors)),
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
    if args.paths.iter().any(|p| p.as_os_str() == "-") {
        if args.paths.len() > 1 {
            anyhow::bail!(
                "`-` reads the inputs from stdin and cannot be combined with other paths"
            );
        }
        return extract_stdin(args, &filter, published, &Extractor::builtin());
    }

    // The vocabularies compile while the files are read.
    let (extractor, mut corpus) =
        rayon::join(Extractor::builtin, || crate::corpus::load(&args.paths));
    set_published(&mut corpus.articles, published);
    warn(&corpus.problems);
    if corpus.articles.is_empty() {
        anyhow::bail!("{}", nothing_read(&args.paths, &corpus.problems));
    }
    output(args.out.as_deref(), |out| {
        extract_corpus_to(args.format, corpus, &extractor, &filter, out).map_err(export_error)
    })
}

/// How many articles are extracted between two writes of the export.
pub const EXTRACT_CHUNK_ARTICLES: usize = 512;

/// Extracts `corpus` a chunk of articles at a time (each chunk on all cores) and writes each
/// chunk's events at once, dropping its article texts, so memory holds the corpus text at
/// most once and never all the events.
///
/// # Errors
/// Fails when writing fails.
pub fn extract_corpus_to(
    format: crate::export::Format,
    corpus: crate::corpus::Corpus,
    extractor: &Extractor,
    filter: &Filter,
    out: &mut dyn Write,
) -> Result<(), crate::export::ExportError> {
    extract_in_chunks(
        format,
        corpus,
        extractor,
        filter,
        EXTRACT_CHUNK_ARTICLES,
        out,
    )
}

fn extract_in_chunks(
    format: crate::export::Format,
    corpus: crate::corpus::Corpus,
    extractor: &Extractor,
    filter: &Filter,
    chunk_articles: usize,
    out: &mut dyn Write,
) -> Result<(), crate::export::ExportError> {
    let crate::corpus::Corpus { articles, problems } = corpus;
    let mut sink = crate::export::Sink::start(format, out)?;
    let mut done: Vec<Article> = Vec::with_capacity(articles.len());
    crate::pipeline::extract_in_chunks(
        crate::corpus::Corpus {
            articles,
            problems: Vec::new(),
        },
        extractor,
        chunk_articles,
        |x| {
            x.events.retain(|e| filter.matches(e));
            sink.events(&x.events, &x.articles)?;
            done.extend(x.articles.iter_mut().map(take_metadata));
            Ok::<(), crate::export::ExportError>(())
        },
    )?;
    sink.finish(&done, &problems)
}

/// The article's metadata: what an export lists once its events are written.
fn without_text(mut a: Article) -> Article {
    a.text = String::new();
    a
}

/// Moves the article's metadata out, leaving its text to be dropped with the rest of the
/// chunk (on the thread pool that allocated it).
fn take_metadata(a: &mut Article) -> Article {
    Article {
        path: std::mem::take(&mut a.path),
        title: a.title.take(),
        url: a.url.take(),
        published: a.published,
        published_source: a.published_source,
        text: String::new(),
    }
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

/// `dateline extract -`: events are written chunk by chunk as the lines are read (JSON
/// Lines keep nothing else, so memory stays constant; other formats keep the articles'
/// metadata for their article list).
fn extract_stdin(
    args: &ExtractArgs,
    filter: &Filter,
    published: Option<NaiveDate>,
    extractor: &Extractor,
) -> anyhow::Result<()> {
    let stdin = std::io::stdin();
    let input = std::io::BufReader::with_capacity(1 << 16, stdin.lock());
    let opts = crate::stream::Options {
        extractor,
        filter,
        published,
    };
    let keep_articles = args.format != crate::export::Format::Jsonl;
    output(args.out.as_deref(), |out| {
        let mut sink = crate::export::Sink::start(args.format, out).map_err(export_error)?;
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        let summary = crate::stream::for_each_chunk(input, &opts, |outcomes| {
            for o in outcomes {
                warn(&o.problems);
                sink.events(&o.events, &o.articles).map_err(export_error)?;
                if keep_articles {
                    articles.extend(o.articles.into_iter().map(without_text));
                    problems.extend(o.problems);
                }
            }
            sink.flush()?;
            Ok(true)
        })?;
        if summary.lines > 0 && summary.articles == 0 {
            // An error here also leaves an existing --out file untouched.
            return Err(std::io::Error::other(format!(
                "none of the {} lines read from stdin was a readable article or article file (see the warnings above)",
                summary.lines
            )));
        }
        sink.finish(&articles, &problems).map_err(export_error)
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
    fn chunked_extraction_writes_what_whole_extraction_writes() {
        use crate::export::Format;
        let articles: Vec<Article> = crate::generate::articles(3, 7)
            .into_iter()
            .map(Article::from)
            .collect();
        let corpus = crate::corpus::Corpus {
            articles,
            problems: vec![Problem {
                path: "x.pdf".to_owned(),
                message: "binary".to_owned(),
            }],
        };
        let extractor = Extractor::builtin();
        let filter = Filter {
            types: ["missile_test", "visit", "meeting"]
                .into_iter()
                .map(str::to_owned)
                .collect(),
            ..Filter::default()
        };
        let mut whole = crate::pipeline::extract_corpus(corpus.clone(), &extractor);
        whole.events.retain(|e| filter.matches(e));
        assert!(!whole.events.is_empty());
        for format in [
            Format::Json,
            Format::Jsonl,
            Format::Csv,
            Format::Timelinejs,
            Format::Markdown,
        ] {
            let mut expected = Vec::new();
            let ok = crate::export::write(format, &whole, &whole.events, &mut expected);
            assert!(ok.is_ok(), "{ok:?}");
            let mut chunked = Vec::new();
            let ok =
                extract_in_chunks(format, corpus.clone(), &extractor, &filter, 3, &mut chunked);
            assert!(ok.is_ok(), "{ok:?}");
            assert_eq!(
                String::from_utf8_lossy(&chunked),
                String::from_utf8_lossy(&expected),
                "{format:?}"
            );
        }
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
