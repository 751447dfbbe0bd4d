use std::process::ExitCode;

use clap::Parser as _;
use dateline::cli::{Cli, Command};

/// Extraction allocates many small strings on every core; mimalloc's per-thread heaps make
/// that several times cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Extract(args)) => dateline::cli::extract(&args),
        Some(Command::Timeml(args)) => dateline::temporal::timeml::tag_files_cli(&args),
        Some(Command::TimemlScore(args)) => dateline::temporal::timeml::score_cli(&args),
        Some(Command::Generate(args)) => dateline::cli::generate(&args),
        None => open_app(cli.paths),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dateline: {e:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(feature = "app")]
fn open_app(paths: Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    dateline::app::run(paths)
}

#[cfg(not(feature = "app"))]
fn open_app(_paths: Vec<std::path::PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!(
        "this build has no desktop app (built without the `app` feature); use `dateline extract`"
    )
}
