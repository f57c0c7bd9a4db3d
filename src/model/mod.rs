//! News data: the file format's types, tolerant parsing, validation and the loaded catalog.
//! Pure: no browser, no UI.

mod catalog;
pub mod date;
mod light;
pub mod markup;
mod parse;
mod problem;
pub mod relations;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
mod stable;
pub mod testing;
mod types;

pub use catalog::Catalog;
pub use date::{PartialDate, Precision};
pub use light::load_published;
pub use parse::{
    is_picture_path, is_safe_url, is_site_address, is_slug, json_error_at, parse_news,
    trailing_comma, utf8_text, MAX_ENTRY_BYTES, MAX_FILE_BYTES, MAX_PROBLEMS, MAX_TEXT_CHARS,
};
pub(crate) use parse::{phone_href, KNOWN_SECTIONS};
pub use problem::{FatalError, Problem, ProblemCounts, Severity};
pub use stable::{compact_json, stable_json, to_stable_form};
pub use types::*;
