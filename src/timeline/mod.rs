//! The event store: events sorted by time, indexed, filtered, with level-of-detail queries.

pub mod filter;
pub mod lod;
pub mod store;
pub mod synthetic;
pub mod ticks;
pub mod view;

pub use filter::Filter;
pub use lod::{Item, ItemKind, LaneMode, Lanes};
pub use store::{EventStore, FilteredView};
pub use view::TimeView;
