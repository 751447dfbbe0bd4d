//! TimeML (TIMEX3) reading, writing and scoring, on the same engine as everything else.

use crate::cli::{TimemlArgs, TimemlScoreArgs};

/// `dateline timeml`.
///
/// # Errors
/// Fails when no input could be read or the output folder cannot be written.
pub fn tag_files_cli(args: &TimemlArgs) -> anyhow::Result<()> {
    anyhow::bail!("timeml is not built yet ({} inputs)", args.inputs.len())
}

/// `dateline timeml-score`.
///
/// # Errors
/// Fails when no gold file could be read.
pub fn score_cli(args: &TimemlScoreArgs) -> anyhow::Result<()> {
    anyhow::bail!(
        "timeml-score is not built yet ({} folders)",
        args.gold.len()
    )
}
