//! Fetching the news file, with load errors a visitor can understand.
//!
//! One data-access function, [`fetch_news`]; the browser build uses gloo-net. A native build
//! (the later prerendering step) will read the same file from disk behind the same signature.

use std::sync::Arc;

use crate::model::{parse_news, Catalog, FatalError};
use crate::query::SearchIndex;

/// Where the news file lives, relative to the app's base path.
pub const NEWS_PATH: &str = "data/news.json";

/// What the views get once the file is in: the catalog and its search index, built once.
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

/// Parses and indexes a news file's text.
pub fn news_from_text(text: &str) -> Result<Arc<News>, LoadError> {
    let catalog = parse_news(text).map_err(LoadError::Malformed)?;
    let index = SearchIndex::new(&catalog);
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
    let response = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let content_type = response.headers().get("content-type").unwrap_or_default();
    if !is_json_content_type(&content_type) {
        return Err(LoadError::ContentType(content_type));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    news_from_text(&text)
}

/// Native builds read no network: prerendering will provide the file from disk.
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

    #[test]
    fn malformed_text_is_a_load_error_not_a_panic() {
        assert!(matches!(
            news_from_text("{\"version\": 1,"),
            Err(LoadError::Malformed(FatalError::Syntax { .. }))
        ));
    }
}
