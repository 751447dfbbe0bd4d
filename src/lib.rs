//! Dateline: turns a folder of news articles into a timeline of dated, sourced events.
//!
//! The pipeline is pure and flows one way:
//! [`corpus`] (load) → [`text`] (segment) → [`temporal`] (time expressions) →
//! [`extract`] (events) → [`timeline`] (store, filter, level of detail) → [`export`].
//! Nothing here imports egui; the desktop app lives in the binary's `app` module.

#[cfg(feature = "app")]
pub mod app;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod generate;
pub mod pipeline;
pub mod stream;
pub mod temporal;
pub mod text;
pub mod timeline;
pub mod write;

pub use corpus::{Article, DateSource, Problem};
pub use extract::{Event, Extractor, Source, Status};
pub use pipeline::{Extraction, extract_paths};
pub use temporal::{Anchor, Precision, When};
