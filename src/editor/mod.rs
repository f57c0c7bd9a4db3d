//! The editor for the news file (`/editor/`): its own wasm, drawn over the same model,
//! validator and views as the site. `tree`, `form` and `session` are pure and tested
//! natively; `view` draws them in the browser.

pub mod form;
#[cfg(target_arch = "wasm32")]
mod io;
pub mod messages;
pub mod session;
pub mod tree;
#[cfg(target_arch = "wasm32")]
mod view;

#[cfg(target_arch = "wasm32")]
pub use view::start;
