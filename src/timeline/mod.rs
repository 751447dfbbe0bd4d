//! The event store: events sorted by time, indexed, filtered, with level-of-detail queries.
