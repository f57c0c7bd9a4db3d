//! What every view may ask for: the site's addresses under its base path and the loaded
//! news. The layer below the components; it knows no page and no component.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{fetch_news, LoadError, News};
use crate::model::Lang;

/// Builds the site's addresses under its base path, so a sub-path deployment is one setting
/// (Trunk's `public_url`, which becomes the page's `<base href>`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// The base path without a trailing slash: "" at the root, "/projects/news" below it.
    pub base: String,
    /// The language at the root (`Site::root_lang`): Bulgarian, English under `/en`; or
    /// English for a site in English alone.
    pub root: Lang,
}

impl Paths {
    pub fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            root: Lang::Bg,
        }
    }

    /// The same paths for a site whose root is in `root`.
    pub fn with_root(self, root: Lang) -> Self {
        Self { root, ..self }
    }

    fn lang_prefix(&self, lang: Lang) -> &'static str {
        if lang == self.root {
            ""
        } else {
            "/en"
        }
    }

    /// The timeline, with an optional query string (without `?`).
    pub fn timeline(&self, lang: Lang, query: &str) -> String {
        let root = match self.lang_prefix(lang) {
            "" => format!("{}/", self.base),
            prefix => format!("{}{prefix}", self.base),
        };
        if query.is_empty() {
            root
        } else {
            format!("{root}?{query}")
        }
    }

    pub fn event(&self, lang: Lang, slug: &str) -> String {
        format!("{}{}/events/{slug}", self.base, self.lang_prefix(lang))
    }

    pub fn accessibility(&self, lang: Lang) -> String {
        format!("{}{}/accessibility", self.base, self.lang_prefix(lang))
    }

    /// A file shipped with the site (`data/news.json`, `feed.bg.xml`).
    pub fn asset(&self, file: &str) -> String {
        format!("{}/{file}", self.base)
    }

    /// An image named in the data: an https address as it is, a site path below the base.
    pub fn image(&self, src: &str) -> String {
        if src
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        {
            src.to_owned()
        } else {
            self.asset(src.trim_start_matches('/'))
        }
    }

    /// A link written in the data: a site path (`/events/x`, `/?topic=y`) gets the base path
    /// and, on English pages, the `/en` prefix; anything else is returned as it is. The
    /// validator refuses `//host` links; should one get here, it stays on this site.
    pub fn data_link(&self, lang: Lang, url: &str) -> String {
        if !url.starts_with('/') {
            return url.to_owned();
        }
        if url.starts_with("//") || url.starts_with("/\\") {
            return local_path(url);
        }
        let in_app = url == "/" || url.starts_with("/?") || url.starts_with("/events/");
        match lang {
            Lang::En if lang != self.root && in_app && !url.starts_with("/en") => {
                let rest = url.strip_prefix('/').unwrap_or(url);
                let rest = if rest.is_empty() || rest.starts_with('?') {
                    rest.to_owned()
                } else {
                    format!("/{rest}")
                };
                format!("{}/en{rest}", self.base)
            }
            _ => format!("{}{url}", self.base),
        }
    }

    /// The path inside the site, base removed ("/en/events/x").
    pub fn inner<'a>(&self, pathname: &'a str) -> &'a str {
        pathname
            .strip_prefix(self.base.as_str())
            .unwrap_or(pathname)
    }

    /// The language a path is in: English under `/en`, the root's language elsewhere.
    pub fn lang_of(&self, pathname: &str) -> Lang {
        let inner = self.inner(pathname);
        if inner == "/en" || inner.starts_with("/en/") {
            Lang::En
        } else {
            self.root
        }
    }

    /// The same page in the other language (query kept by the caller): `/en` comes off or on.
    pub fn switch_language(&self, pathname: &str) -> String {
        let inner = self.inner(pathname);
        let english_rest = inner
            .strip_prefix("/en")
            .filter(|rest| rest.is_empty() || rest.starts_with('/'));
        let target = match english_rest {
            Some("") => format!("{}/", self.base),
            Some(rest) => format!("{}{rest}", self.base),
            None if inner.is_empty() || inner == "/" => format!("{}/en", self.base),
            None => format!("{}/en{inner}", self.base),
        };
        local_path(&target)
    }
}

/// A path of this site, fit for an `href`: its leading slashes (and backslashes, which
/// browsers read as slashes) collapsed into one. The address `/en//evil.example/x` would
/// otherwise switch language to `//evil.example/x`, which a browser reads as another host.
pub fn local_path(path: &str) -> String {
    let rest = path.trim_start_matches(['/', '\\']);
    if rest.len() + 1 >= path.len() && path.starts_with('/') {
        return path.to_owned();
    }
    format!("/{rest}")
}

/// What a page knows of the news: `None` while (re)loading, then the outcome.
pub type NewsState = Option<Result<Arc<News>, LoadError>>;

/// The loaded news, shared by every page, and the way to ask for it again after a failure.
///
/// The app starts with the outcome of the first load already in hand (see `app::start`): the
/// first frame it draws is the finished page, never a loading state over prerendered content.
#[derive(Clone, Copy)]
pub struct NewsResource {
    state: RwSignal<NewsState, LocalStorage>,
    url: StoredValue<String>,
}

impl NewsResource {
    pub fn new(first: Result<Arc<News>, LoadError>, url: String) -> Self {
        Self {
            state: RwSignal::new_local(Some(first)),
            url: StoredValue::new(url),
        }
    }

    /// The current state; a reactive read.
    pub fn get(&self) -> NewsState {
        self.state.get()
    }

    /// The current state, without subscribing to its changes.
    pub fn get_untracked(&self) -> NewsState {
        self.state.get_untracked()
    }

    /// Loads the file again (the retry button), showing the loading state meanwhile.
    pub fn refetch(&self) {
        let state = self.state;
        let url = self.url.get_value();
        state.set(None);
        leptos::task::spawn_local(async move {
            let outcome = fetch_news(url).await;
            state.set(Some(outcome));
        });
    }
}

/// Where the visitor left the timeline: its query (the links back to the timeline keep the
/// visitor's filters) and, for Back, how many entries were drawn and how far down the page
/// they had read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelinePlace {
    pub query: String,
    pub shown: usize,
    pub scroll_y: f64,
}

/// The last [`TimelinePlace`] in each language, for this visit (not stored across visits).
/// Empty when the app starts, so the pages it first draws link as the prerendered ones do.
#[derive(Clone, Copy)]
pub struct LastView(StoredValue<[Option<TimelinePlace>; 2]>);

impl LastView {
    pub fn new() -> Self {
        Self(StoredValue::new([None, None]))
    }

    fn slot(lang: Lang) -> usize {
        match lang {
            Lang::Bg => 0,
            Lang::En => 1,
        }
    }

    pub fn get(&self, lang: Lang) -> Option<TimelinePlace> {
        self.0
            .try_with_value(|places| places[Self::slot(lang)].clone())
            .flatten()
    }

    pub fn set(&self, lang: Lang, place: TimelinePlace) {
        self.0
            .try_update_value(|places| places[Self::slot(lang)] = Some(place));
    }

    /// The timeline's address with the visitor's last filters in `lang`.
    pub fn timeline_href(&self, paths: &Paths, lang: Lang) -> String {
        let query = self.get(lang).map(|p| p.query).unwrap_or_default();
        paths.timeline(lang, &query)
    }
}

impl Default for LastView {
    fn default() -> Self {
        Self::new()
    }
}

/// Where the visitor left the last event page they followed a link from (its event, how far
/// down): Back to it scrolls there, as the browser would for a page of its own.
#[derive(Clone, Copy)]
pub struct EventPlace(pub StoredValue<Option<(usize, f64)>>);

impl Default for EventPlace {
    fn default() -> Self {
        Self(StoredValue::new(None))
    }
}

pub fn use_event_place() -> EventPlace {
    use_context::<EventPlace>().unwrap_or_default()
}

/// The visitor's date (`YYYY-MM-DD`, their clock), when the app runs in a browser: what is
/// over and what is to come. `None` when rendering at publish time: a written page says
/// nothing that depends on the day it is read, and the loader marks what is to come.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Today(pub Option<String>);

pub fn use_today() -> Today {
    use_context::<Today>().unwrap_or_default()
}

pub fn use_last_view() -> LastView {
    use_context::<LastView>().unwrap_or_default()
}

pub fn use_paths() -> Paths {
    use_context::<Paths>().unwrap_or_else(|| Paths::new(""))
}

pub fn use_news() -> Option<NewsResource> {
    use_context::<NewsResource>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_respect_the_base_and_language() {
        let root = Paths::new("");
        assert_eq!(root.timeline(Lang::Bg, ""), "/");
        assert_eq!(root.timeline(Lang::En, "year=2022"), "/en?year=2022");
        assert_eq!(root.event(Lang::En, "a-b"), "/en/events/a-b");
        let sub = Paths::new("/projects/cityxchange/");
        assert_eq!(sub.timeline(Lang::Bg, ""), "/projects/cityxchange/");
        assert_eq!(sub.event(Lang::Bg, "x"), "/projects/cityxchange/events/x");
        assert_eq!(
            sub.asset("data/news.json"),
            "/projects/cityxchange/data/news.json"
        );
    }

    #[test]
    fn data_links_follow_the_base_and_the_page_language() {
        let sub = Paths::new("/p");
        assert_eq!(sub.data_link(Lang::Bg, "/events/x"), "/p/events/x");
        assert_eq!(sub.data_link(Lang::En, "/events/x"), "/p/en/events/x");
        assert_eq!(sub.data_link(Lang::En, "/?topic=t"), "/p/en?topic=t");
        assert_eq!(sub.data_link(Lang::En, "/"), "/p/en");
        assert_eq!(
            sub.data_link(Lang::En, "/data/news.json"),
            "/p/data/news.json"
        );
        assert_eq!(
            sub.data_link(Lang::En, "https://example.org/"),
            "https://example.org/"
        );
        assert_eq!(sub.data_link(Lang::Bg, "events/x"), "events/x");
    }

    #[test]
    fn language_switch_keeps_the_page() {
        let sub = Paths::new("/p");
        assert_eq!(sub.switch_language("/p/"), "/p/en");
        assert_eq!(sub.switch_language("/p/en"), "/p/");
        assert_eq!(sub.switch_language("/p/events/x"), "/p/en/events/x");
        assert_eq!(sub.switch_language("/p/en/events/x"), "/p/events/x");
        assert_eq!(sub.lang_of("/p/en/accessibility"), Lang::En);
        assert_eq!(sub.lang_of("/p/enrich"), Lang::Bg);
        // A site in English alone: English at the root, nothing added for it.
        let english = Paths::new("/p/").with_root(Lang::En);
        assert_eq!(english.timeline(Lang::En, "q=x"), "/p/?q=x");
        assert_eq!(english.event(Lang::En, "a-b"), "/p/events/a-b");
        assert_eq!(english.accessibility(Lang::En), "/p/accessibility");
        assert_eq!(english.data_link(Lang::En, "/events/x"), "/p/events/x");
        assert_eq!(english.lang_of("/p/events/x"), Lang::En);
        let root = Paths::new("");
        assert_eq!(root.switch_language("/"), "/en");
        assert_eq!(root.switch_language("/en/"), "/");
    }

    #[test]
    fn addresses_with_doubled_slashes_lead_nowhere_else() {
        let root = Paths::new("");
        assert_eq!(
            root.switch_language("/en//evil.example/x"),
            "/evil.example/x"
        );
        assert_eq!(
            root.switch_language("/en/\\evil.example/x"),
            "/evil.example/x"
        );
        assert_eq!(
            root.switch_language("//evil.example/x"),
            "/en//evil.example/x"
        );
        assert_eq!(
            root.data_link(Lang::Bg, "//evil.example/x"),
            "/evil.example/x"
        );
        assert_eq!(root.data_link(Lang::En, "/\\evil.example"), "/evil.example");
        assert_eq!(local_path("///a//b"), "/a//b");
        assert_eq!(local_path("/events/x"), "/events/x");
        assert_eq!(local_path(""), "/");
        let sub = Paths::new("/p");
        assert_eq!(
            sub.switch_language("/p/en//evil.example/x"),
            "/p//evil.example/x"
        );
    }
}
