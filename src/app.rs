//! The top of the app: the router with its routes, the layout around them, and the start in
//! the browser. Nothing imports this module but the entry points (`main.rs`, `prerender`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html, Link as HeadLink};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::api::{LoadError, News, NEWS_PATH};
use crate::components::layout::{Footer, Header, SkipLink};
use crate::context::{use_news, use_paths, EventPlace, LastView, NewsResource, Paths};
use crate::model::Lang;
use crate::pages::{
    accessibility::AccessibilityPage, event::EventPage, not_found::NotFoundPage,
    timeline::TimelinePage,
};

/// Starts the app in the browser: loads the news, then replaces the prerendered page with the
/// live one in a single task, so no frame shows a half-built page (see docs/architecture.md).
///
/// The page's loader script listens to the two events: `news-mount` (take the state of the
/// prerendered controls, then remove them) and `news-ready`, said once the routed page is in
/// the DOM (give that state to the app's controls, found by their `id` or `data-key`).
/// When the news cannot be loaded and the prerendered page is the one the address asks for,
/// the app says `news-failed` instead and leaves that page alone: it has the news in it, where
/// the app would only have an error to show. Otherwise (the page is hidden while the app draws
/// the right one) the app shows the error with its retry button.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let paths = Paths::new(&crate::browser::base_path());
    let url = paths.asset(NEWS_PATH);
    wasm_bindgen_futures::spawn_local(async move {
        let news = crate::api::fetch_news(url).await;
        // A site in English alone has English at its root.
        let paths = match &news {
            Ok(news) => paths.with_root(news.catalog.site.root_lang()),
            Err(_) => paths,
        };
        if news.is_err() && !crate::browser::page_is_waiting() {
            crate::browser::announce("news-failed");
            return;
        }
        crate::browser::watch_history_navigation();
        crate::browser::announce("news-mount");
        let today = crate::browser::today();
        leptos::mount::mount_to_body(move || {
            provide_context(crate::context::Today(today));
            view! { <App news paths/> }
        });
        // `news-ready` follows from the routed page itself (see `drawn`): the router draws it
        // a few microtasks after the mount, still in this task.
    });
}

/// The whole app over one outcome of loading the news file, under the given paths.
#[component]
pub fn App(news: Result<Arc<News>, LoadError>, paths: Paths) -> impl IntoView {
    provide_meta_context();
    let data_url = paths.asset(NEWS_PATH);
    provide_context(paths.clone());
    provide_context(NewsResource::new(news, data_url));
    provide_context(LastView::new());
    provide_context(EventPlace::default());
    let base = paths.base.clone();

    view! {
        <Router base=base>
            <Shell/>
        </Router>
    }
}

/// Everything inside the router: the layout around the routed page.
#[component]
fn Shell() -> impl IntoView {
    let paths = use_paths();
    let location = use_location();
    // An address under `/en` of a site in one language is a page of the root's (not found).
    let root = paths.root;
    let lang = {
        let paths = paths.clone();
        Memo::new(move |_| match paths.lang_of(&location.pathname.get()) {
            lang if unpublished(lang) => root,
            lang => lang,
        })
    };
    focus_heading_on_navigation();
    let feed_bg = paths.asset("feed.bg.xml");
    let feed_en = paths.asset("feed.en.xml");
    // The app starts with its news loaded (or failed): the feeds' titles name the project.
    let acronym = use_news()
        .and_then(|n| n.get_untracked())
        .and_then(Result::ok)
        .map(|n| n.catalog.site.project.acronym.clone());
    let feed_title = |lang: Lang| {
        let code = lang.code().to_ascii_uppercase();
        match &acronym {
            Some(acronym) => format!("{acronym} ({code})"),
            None => code,
        }
    };

    view! {
        <Html {..} lang=move || lang.get().code()/>
        // No hreflang: search engines read it as an alternate page in that language and want
        // absolute addresses; these are feeds, told apart by their titles.
        {(!unpublished(Lang::Bg)).then(|| view! {
            <HeadLink rel="alternate" type_="application/atom+xml" title=feed_title(Lang::Bg) href=feed_bg/>
        })}
        {(!unpublished(Lang::En)).then(|| view! {
            <HeadLink rel="alternate" type_="application/atom+xml" title=feed_title(Lang::En) href=feed_en/>
        })}
        <SkipLink lang=lang/>
        <Header lang=lang/>
        <main id="main" tabindex="-1">
            <Routes fallback=move || drawn(view! { <NotFoundPage lang=lang.get_untracked() slug=None/> })>
                <Route path=path!("/") view=move || drawn(view! { <TimelinePage lang=root/> })/>
                <Route path=path!("/en") view=|| drawn(english(|| view! { <TimelinePage lang=Lang::En/> }.into_any()))/>
                <Route path=path!("/events/:slug") view=move || drawn(view! { <EventPage lang=root/> })/>
                <Route path=path!("/en/events/:slug") view=|| drawn(english(|| view! { <EventPage lang=Lang::En/> }.into_any()))/>
                <Route path=path!("/accessibility") view=move || drawn(view! { <AccessibilityPage lang=root/> })/>
                <Route path=path!("/en/accessibility") view=|| drawn(english(|| view! { <AccessibilityPage lang=Lang::En/> }.into_any()))/>
            </Routes>
        </main>
        <Footer lang=lang/>
    }
}

/// Whether the loaded news leaves `lang` out of the site (a site in Bulgarian alone).
fn unpublished(lang: Lang) -> bool {
    use_news()
        .and_then(|n| n.get_untracked())
        .and_then(Result::ok)
        .is_some_and(|n| !n.catalog.site.publishes(lang))
}

/// A page under `/en`, or the not-found page where the site has none there (a site in one
/// language, whose pages are all at the root). One function for the three routes (a generic
/// one would be three copies in the wasm).
fn english(page: fn() -> AnyView) -> AnyView {
    let root = use_paths().root;
    if unpublished(Lang::En) || root == Lang::En {
        view! { <NotFoundPage lang=root slug=None/> }.into_any()
    } else {
        page()
    }
}

/// A routed page that tells the page's loader when it is in the DOM: an effect's first run
/// comes after the view it was made with is mounted. Said once, for the first page; the loader
/// then gives the prerendered controls' state to the app's (see `start`).
fn drawn(page: impl IntoView) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    Effect::new(|_| crate::browser::announce_ready());
    page
}

/// After a route change, moves focus to the new page's heading so keyboard and screen-reader
/// users start at the new content (not on the first load: the browser starts at the top); after
/// Back or Forward, to the link the visitor had followed (see `browser::focus_after_navigation`).
fn focus_heading_on_navigation() {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let first = previous.is_none();
        let moved = previous.is_some_and(|p| p != path);
        // The effect runs before the new route has rendered (and the address is written);
        // the next frame has both.
        #[cfg(target_arch = "wasm32")]
        if first {
            crate::browser::note_shown();
        } else if moved {
            request_animation_frame(crate::browser::focus_after_navigation);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (first, moved);
        path
    });
}
