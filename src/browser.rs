//! The few direct browser calls the app needs: focus, the page's base path and
//! the signals to the page's loader. Only called from event handlers, effects and the start,
//! never while rendering. Below the views: it knows no component.

use wasm_bindgen::JsCast;

/// Focuses the page's main heading (it carries `tabindex="-1"`), else `<main>`.
pub fn focus_main_heading() {
    if focus_selector("main h1").is_none() {
        focus_selector("#main");
    }
}

/// The page's full address.
fn current_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// Moves focus (and the view) to `<main>`, for the skip link.
pub fn focus_main() {
    if let Some(main) = focus_selector("#main") {
        main.scroll_into_view();
    }
}

/// Focuses the element matching `selector` and returns it; `None` when there is none.
pub fn focus_selector(selector: &str) -> Option<web_sys::HtmlElement> {
    let el = web_sys::window()?
        .document()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()?;
    let _ = el.focus();
    Some(el)
}

/// Focuses the `n`th element (from 0) matching `selector`.
pub fn focus_nth(selector: &str, n: usize) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
        .and_then(|list| list.item(u32::try_from(n).ok()?))
        .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Tells the page's loader script that the app reached a step of its start (see
/// `app::start`); a plain event on the document, with nothing attached.
pub fn announce(name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(event) = web_sys::Event::new(name) {
        let _ = document.dispatch_event(&event);
    }
}

/// Says `news-ready` to the loader, once: the first page the app draws.
pub fn announce_ready() {
    thread_local! {
        static SAID: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if !SAID.replace(true) {
        announce("news-ready");
    }
}

/// Whether the prerendered page is not the one the address asks for: hidden by the loader
/// (`<html class="app-wait">`), or a whole timeline shown under a filtered address while the
/// app comes (`app-filtering`). Then a failed load is the app's to say, with "try again".
pub fn page_is_waiting() -> bool {
    html().is_some_and(|html| {
        let classes = html.class_list();
        classes.contains("app-wait") || classes.contains("app-filtering")
    })
}

/// The base path the page was served under, from `<base href>`.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default();
    base.trim_end_matches('/').to_owned()
}

thread_local! {
    /// The address the last Back or Forward led to.
    static HISTORY_TARGET: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The same, for the focus after it (asked apart from the page's own question).
    static FOCUS_TARGET: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The address of the page last drawn by a route change (or the first), for the next one.
    static SHOWN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Notes each Back and Forward (before the router hears of it), so a page can tell a return
/// from a new visit. Called once, at the start.
pub fn watch_history_navigation() {
    let handle = leptos::prelude::window_event_listener_untyped("popstate", |_| {
        HISTORY_TARGET.set(current_url());
        FOCUS_TARGET.set(current_url());
    });
    // For the life of the page.
    std::mem::forget(handle);
}

/// Whether the page now shown was reached by Back or Forward (asked once per arrival).
pub fn take_history_navigation() -> bool {
    HISTORY_TARGET
        .take()
        .is_some_and(|target| Some(target) == current_url())
}

/// Notes the page's address as the one shown (at the start: no route change has drawn one).
pub fn note_shown() {
    SHOWN.set(current_url());
}

/// After a route change, once the new page is drawn: its focus. Reached by Back or Forward,
/// the link to the page just left takes it, as on a page the browser brings back, so that Tab
/// goes on from the entry the visitor had followed; else, or without such a link, the main
/// heading. Neither moves the view: the page restores its own place on a return.
pub fn focus_after_navigation() {
    let left = SHOWN.replace(current_url()).unwrap_or_default();
    let returned = FOCUS_TARGET
        .take()
        .is_some_and(|target| Some(target) == current_url());
    if !returned {
        focus_main_heading();
        return;
    }
    let y = scroll_y();
    // The link as the pages write it: the address's path and query (a browser's address has
    // a `"` escaped, so it closes no attribute value).
    let path = left
        .find("://")
        .and_then(|at| {
            left[at + 3..]
                .find('/')
                .map(|slash| &left[at + 3 + slash..])
        })
        .and_then(|rest| rest.split('#').next())
        .unwrap_or_default();
    if focus_selector(&format!("main a[href=\"{path}\"]")).is_none() {
        focus_main_heading();
    }
    scroll_to_y(y);
}

/// How far down the page is scrolled.
pub fn scroll_y() -> f64 {
    web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
}

/// Scrolls the page to `y`, at once.
pub fn scroll_to_y(y: f64) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, y);
    }
}

/// Whether the history entry shown holds a search the page's loader wrote there before the app
/// came (`<html data-search-entry>`, set by the loader as the app mounts). Said once: the
/// timeline drawn first takes it.
pub fn take_loader_search_entry() -> bool {
    let Some(html) = html() else {
        return false;
    };
    let said = html.has_attribute("data-search-entry");
    if said {
        let _ = html.remove_attribute("data-search-entry");
    }
    said
}

/// The visitor's date as the page's loader noted it (`<html data-today="YYYY-MM-DD">`).
pub fn today() -> Option<String> {
    html()?.get_attribute("data-today")
}

/// The page's `<html>`, where the loader leaves what it tells the app.
fn html() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}
