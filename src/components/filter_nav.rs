//! How the filters change the timeline: each change is a new URL query (the timeline keeps no
//! state of its own), so Back, reload and shared links show the same list. Typing is the one
//! exception, for as long as the visitor types (see [`FilterNavigator::type_text`]).

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::Location;
use leptos_router::NavigateOptions;

use crate::context::Paths;
use crate::model::Lang;
use crate::query::EventFilter;

/// The router's navigate function, shareable between handlers.
type Navigate = Arc<dyn Fn(&str, NavigateOptions) + Send + Sync>;

/// How long typing pauses before the URL takes what was typed.
const TYPING_PAUSE: Duration = Duration::from_millis(500);

/// Sets the URL for a new filter: a choice pushes a history entry; a search typed pushes one at
/// its first write (a pause, the field left, the form sent, a result followed) and replaces it
/// at the later ones.
#[derive(Clone)]
pub struct FilterNavigator {
    navigate: Navigate,
    location: Location,
    paths: Paths,
    lang: Lang,
    /// A search typed since the URL was last written: the URL's query it was typed over, and
    /// the filter with the typed text. After Back or Forward it is hidden, and Forward to the
    /// query it was typed over brings it back.
    typed: StoredValue<Option<(String, EventFilter)>>,
    /// Notified when `typed` changes (a stored value and a trigger: a signal of its own type
    /// made the visitors' wasm larger).
    typed_changed: Trigger,
    pause: StoredValue<Option<TimeoutHandle>>,
    /// The URL query the search being typed last wrote, in its own history entry. When the
    /// search writes over this query it replaces the entry; over any other query (the one it
    /// was begun on, a choice's, one that Back or Forward went to) it pushes one. Queries, not
    /// entries, are compared: after Back to an older entry of the same query (a search cleared,
    /// then Back to the list it was begun on), that entry is replaced.
    written: StoredValue<Option<String>>,
}

impl FilterNavigator {
    /// A navigator for the timeline in `lang`; inside the router only.
    pub fn new(paths: Paths, lang: Lang) -> Self {
        let navigate = use_navigate();
        let pause = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || clear_pause(pause));
        let location = use_location();
        // A search the page's loader wrote before the app came is typed on here: its entry is
        // the search's own, so that Back still leaves the search in one step.
        #[cfg(target_arch = "wasm32")]
        let written =
            crate::browser::take_loader_search_entry().then(|| location.search.get_untracked());
        #[cfg(not(target_arch = "wasm32"))]
        let written = None;
        Self {
            navigate: Arc::new(move |url: &str, options| navigate(url, options)),
            location,
            paths,
            lang,
            typed: StoredValue::new(None),
            typed_changed: Trigger::new(),
            pause,
            written: StoredValue::new(written),
        }
    }

    /// The filter the timeline shows: the URL's, or the one typed over the URL's query and not
    /// in the URL yet. Tracks both.
    pub fn filter(&self) -> EventFilter {
        let search = self.location.search.get();
        self.typed_changed.track();
        self.typed.with_value(|typed| match typed {
            Some((over, filter)) if *over == search => filter.clone(),
            _ => EventFilter::from_query(&search),
        })
    }

    pub fn go(&self, filter: &EventFilter, replace: bool) {
        self.cancel_pause();
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
        // The URL has it now (and the query it was typed over is gone): no need to notify.
        self.typed.set_value(None);
        self.written.set_value(None);
    }

    /// A letter typed into the search field, `filter` being the timeline's filter with the
    /// field's text. Every letter changes the list at once; the URL follows only once typing
    /// pauses, the field is left, the form is sent or a result is followed
    /// ([`FilterNavigator::flush`]). A search's first write pushes a history entry, so that
    /// Back leaves the search; the later ones replace it. Pushing with the first letter made
    /// that letter, a search's costliest, 6–10 ms slower to show (the benchmark's figures);
    /// writing the URL at every letter cost about a millisecond a letter, and some browsers
    /// refuse a page more than a hundred history writes in half a minute.
    pub fn type_text(&self, filter: EventFilter) {
        self.cancel_pause();
        let over = self.location.search.get_untracked();
        self.typed.set_value(Some((over, filter)));
        self.typed_changed.notify();
        let nav = self.clone();
        let handle = set_timeout_with_handle(move || nav.flush(), TYPING_PAUSE).ok();
        self.pause.set_value(handle);
    }

    /// Writes what was typed into the URL now, if the URL is still the one it was typed over:
    /// replacing the search's own entry, or pushing one (see `written`). Nothing is written
    /// when what was typed comes back to the URL's query. After Back or Forward meanwhile, the
    /// URL is not touched (the list shows that entry's query) and what was typed is kept:
    /// Forward to its entry brings it back, and the next pause, blur, form sent or result
    /// followed writes it then.
    pub fn flush(&self) {
        self.cancel_pause();
        let Some(Some((over, filter))) = self.typed.try_with_value(Clone::clone) else {
            return;
        };
        if self.location.search.get_untracked() != over {
            return;
        }
        let query = filter.to_query();
        if query == over {
            // Typed back to the URL's own search: nothing to write, and the search's entry, if
            // it has none yet, is still to be pushed.
            self.typed.set_value(None);
            return;
        }
        let own = self
            .written
            .try_with_value(|written| written.as_deref() == Some(over.as_str()))
            .unwrap_or(false);
        self.go(&filter, own);
        self.written.set_value(Some(query));
    }

    /// The visitor is done with the search being typed (the field left, the form sent): it is
    /// written as [`FilterNavigator::flush`] writes, and the next one pushes an entry of its
    /// own.
    pub fn end_search(&self) {
        self.flush();
        self.written.set_value(None);
    }

    fn cancel_pause(&self) {
        clear_pause(self.pause);
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

fn clear_pause(pause: StoredValue<Option<TimeoutHandle>>) {
    if let Some(handle) = pause.try_update_value(Option::take).flatten() {
        handle.clear();
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
