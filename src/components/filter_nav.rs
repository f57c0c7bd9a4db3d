//! How the filters change the timeline: each change is a new URL query (the timeline keeps no
//! state of its own), so Back, reload and shared links show the same list.

use std::sync::Arc;

use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::context::Paths;
use crate::model::Lang;
use crate::query::EventFilter;

/// The router's navigate function, shareable between handlers.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// Sets the URL for a new filter: typing replaces the history entry, a choice pushes one.
#[derive(Clone)]
pub struct FilterNavigator {
    navigate: Navigate,
    paths: Paths,
    lang: Lang,
}

impl FilterNavigator {
    /// A navigator for the timeline in `lang`; inside the router only.
    pub fn new(paths: Paths, lang: Lang) -> Self {
        let navigate = use_navigate();
        Self {
            navigate: Arc::new(move |url: &str, options| navigate(url, options)),
            paths,
            lang,
        }
    }

    pub fn go(&self, filter: &EventFilter, replace: bool) {
        let url = self.paths.timeline(self.lang, &filter.to_query());
        (self.navigate)(
            &url,
            NavigateOptions {
                resolve: false,
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    }

    /// A choice (push), then focus on the result count: the control that was used (a chip,
    /// "clear all", the empty state's offer) goes away with the change it made. The count, not
    /// the search field: on a phone a focused field opens the keyboard and moves the page, and
    /// the count is what the visitor wants to see next (focus also scrolls it into view).
    pub fn go_and_focus_results(&self, filter: &EventFilter) {
        self.go(filter, false);
        focus_results();
    }
}

/// Moves focus to the result count, which brings it into view, once the change just made is
/// drawn. The count, not the search field: on a phone a focused field opens the keyboard.
pub fn focus_results() {
    #[cfg(target_arch = "wasm32")]
    leptos::prelude::request_animation_frame(|| {
        crate::browser::focus_selector("#result-count");
    });
}
