//! Why a file could not be read, as a typed error that becomes a [`Problem`](super::Problem).

/// Why one file (or one entry of a JSON collection) gave no article.
///
/// Each message completes the sentence "could not read `path`: …".
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The operating system refused or failed the read.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// Zero bytes.
    #[error("the file is empty")]
    Empty,
    /// Only whitespace (or markup without visible text).
    #[error("it contains no text")]
    NoText,
    /// Larger than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES): nothing is read.
    #[error("it is {size} bytes, over the {limit}-byte limit for one article; nothing was read")]
    TooLarge { size: u64, limit: u64 },
    /// A known binary signature or NUL bytes in a file with a text extension.
    #[error("it looks like a binary file ({0}), not an article")]
    Binary(&'static str),
    /// A `.json` file that is neither JSON nor JSON Lines.
    #[error("it is not valid JSON or JSON Lines ({0})")]
    Json(String),
    /// A JSON value without any of the text fields scrapers use.
    #[error(
        "it has no article text (expected a `text`, `content`, `body`, `maintext` or `articleBody` field)"
    )]
    NoTextField,
    /// A file the user named whose extension Dateline does not read.
    #[error(
        "it is not a supported article format (Dateline reads .txt, .md, .html, .htm, .json, .jsonl and .ndjson)"
    )]
    Unsupported,
}

impl ReadError {
    /// The problem entry for `path` (the path as shown to the user).
    #[must_use]
    pub fn into_problem(self, path: &str) -> super::Problem {
        super::Problem {
            path: path.to_owned(),
            message: format!("could not read `{path}`: {self}"),
        }
    }
}
