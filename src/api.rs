//! Fetching the news file, with load errors a visitor can understand.
//!
//! One data-access function, [`fetch_news`]: the browser's own `fetch` in the browser build
//! (no HTTP crate: the wasm carries only the few bindings it calls), the file system natively.

use std::sync::Arc;

use crate::model::{load_published, Catalog, FatalError};
use crate::query::SearchIndex;

/// Where the news file lives, relative to the app's base path.
pub const NEWS_PATH: &str = "data/news.json";

/// What the views get once the file is in: the catalog and its search index, built once.
///
/// The index's word part is left out at first (see [`News::prepare_search`]): the first page
/// needs only the facets, and the words of a large archive take longer than drawing it.
#[derive(Debug)]
pub struct News {
    pub catalog: Catalog,
    pub index: SearchIndex,
}

/// Why the news could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// No answer: offline, DNS, refused, aborted.
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// The answer is not JSON (often an HTML error page served with status 200).
    ContentType(String),
    /// JSON that cannot be read as a news file.
    Malformed(FatalError),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Network(e) => write!(f, "network error: {e}"),
            LoadError::Http(status) => write!(f, "HTTP {status}"),
            LoadError::ContentType(t) => write!(f, "unexpected content type `{t}`"),
            LoadError::Malformed(e) => write!(f, "{e}"),
        }
    }
}

impl News {
    /// Makes the search words now unless they are there; text searches do it themselves
    /// otherwise, so this only moves the work to a moment when nobody waits for it.
    pub fn prepare_search(&self) {
        self.index.prepare_words(&self.catalog);
    }
}

/// Reads a published news file's text (`model::load_published`: publish has validated it)
/// and indexes its facets; the search words come later.
pub fn news_from_text(text: &str) -> Result<Arc<News>, LoadError> {
    let catalog = load_published(text).map_err(LoadError::Malformed)?;
    let index = SearchIndex::without_words(&catalog);
    Ok(Arc::new(News { catalog, index }))
}

/// True for the content types a JSON file may be served with.
pub fn is_json_content_type(value: &str) -> bool {
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    essence == "application/json" || essence.ends_with("+json") || essence == "text/json"
}

/// Fetches and parses the news file at `url`.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_news(url: String) -> Result<Arc<News>, LoadError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    // What the browser says of a failed request, or a plain word when it says nothing.
    let failed = |e: wasm_bindgen::JsValue| {
        LoadError::Network(e.as_string().unwrap_or_else(|| "request failed".to_owned()))
    };
    let window = web_sys::window().ok_or_else(|| LoadError::Network("no window".to_owned()))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .ok()
        .flatten()
        .unwrap_or_default();
    if !is_json_content_type(&content_type) {
        return Err(LoadError::ContentType(content_type));
    }
    // The bytes, copied once into the wasm's memory: `text()` would decode them into a JS
    // string that is then encoded again on the way in (about 80 ms for a 10,000-event file,
    // against 15 ms for checking the UTF-8 here). What is not UTF-8 is replaced, as the
    // browser's decoder would.
    let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
        .await
        .map_err(failed)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    news_from_text(&text)
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_news(url: String) -> Result<Arc<News>, LoadError> {
    let path = url.trim_start_matches('/');
    match std::fs::read_to_string(path) {
        Ok(text) => news_from_text(&text),
        Err(e) => Err(LoadError::Network(e.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_content_types_are_recognised() {
        assert!(is_json_content_type("application/json"));
        assert!(is_json_content_type("application/json; charset=utf-8"));
        assert!(is_json_content_type("application/ld+json"));
        assert!(!is_json_content_type("text/html; charset=utf-8"));
        assert!(!is_json_content_type(""));
    }

    const SHIPPED: &str = include_str!("../public/data/news.json");

    #[test]
    fn loaded_news_searches_before_and_after_the_words_are_prepared() {
        let news = news_from_text(SHIPPED).unwrap();
        assert!(!news.index.has_words(), "words are left for later");
        let filter = crate::query::EventFilter::from_query("q=smolyan");
        let early = crate::query::run(&news.catalog, &news.index, &filter);
        assert!(
            news.index.has_words(),
            "a text search makes the words itself"
        );
        news.prepare_search();
        let late = crate::query::run(&news.catalog, &news.index, &filter);
        assert_eq!(early, late);
        assert!(!early.events.is_empty());
    }

    #[test]
    fn malformed_text_is_a_load_error_not_a_panic() {
        assert!(matches!(
            news_from_text("{\"version\": 1,"),
            Err(LoadError::Malformed(FatalError::Syntax { .. }))
        ));
    }
}
