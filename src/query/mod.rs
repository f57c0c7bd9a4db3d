//! Filtering, search, facet counts, sorting and the URL query <-> filter state. Pure.
//!
//! [`SearchIndex`] is built once per load; [`run`] is what a keystroke or a click costs.

mod filter;
mod group;
mod highlight;
mod index;
pub mod light;
mod run;
pub mod synthetic;
mod url;

#[cfg(test)]
mod tests;

pub use filter::{Constraint, EventFilter, Facet, SortOrder};
pub use group::{group_by_month, MonthGroup, YearGroup};
pub use highlight::{highlight, matched_parts};
pub use index::{Part, SearchIndex};
pub use run::{count, did_you_mean, empty_state_hint, run, FacetCounts, FacetValue, QueryResult};
pub use url::{decode as percent_decode, encode_into as percent_encode_into, searched_text};
