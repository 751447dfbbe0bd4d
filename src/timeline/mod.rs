//! The event store: events sorted by time, indexed, filtered, with level-of-detail queries.

pub mod filter;

pub use filter::Filter;
