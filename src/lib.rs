//! News and events of an EU-funded project: a timeline and detail pages for its events, in Bulgarian and
//! English. Pure modules (`model`, `query`, `text`, `export`, `i18n`) carry the logic and are
//! tested natively; `app`, `pages` and `components` are the Leptos views.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod components;
pub mod context;
pub mod editor;
pub mod export;
pub mod i18n;
pub mod model;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod query;
pub mod text;
