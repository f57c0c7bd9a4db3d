//! One module per route: what it loads and what it shows.

pub mod accessibility;
pub mod event;
pub mod not_found;
pub mod timeline;
