//! Reusable views. They read the loaded news and the URL; they do not parse or filter.

pub mod body_text;
pub mod breadcrumbs;
pub mod city_map;
pub mod event_card;
pub mod event_sections;
pub mod filter_bar;
pub mod filter_nav;
pub mod lang_text;
pub mod layout;
pub mod load_state;
pub mod static_tree;
