//! Headless commands: `dateline extract`, `dateline timeml`, `dateline timeml-score`,
//! `dateline generate`. `main.rs` parses arguments and calls [`run`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
    /// How many articles.
    #[arg(long, default_value_t = 1000)]
    pub articles: usize,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// `dateline extract`.
///
/// # Errors
/// Fails when nothing at all could be read, or the output cannot be written.
pub fn extract(args: &ExtractArgs) -> anyhow::Result<()> {
    let extraction = crate::pipeline::extract_paths(&args.paths, &crate::Extractor::builtin());
    if extraction.articles.is_empty() {
        anyhow::bail!("no article could be read from the paths given");
    }
    let mut out = Vec::new();
    crate::export::write(args.format, &extraction, &extraction.events, &mut out)?;
    match &args.out {
        Some(path) => crate::write::write_atomic(path, &out)?,
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), &out)?,
    }
    Ok(())
}

/// `dateline generate`.
///
/// # Errors
/// Fails when the folder cannot be written.
pub fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "generate is not built yet (asked for {} articles in {})",
        args.articles,
        args.out.display()
    )
}
