//! Anything the site does not have: a clear message, a way back, and the closest events.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

use crate::api::News;
use crate::components::load_state::{page_title, with_news};
use crate::components::static_tree::el;
use crate::context::{use_last_view, use_paths};
use crate::i18n::{format_range, ui};
use crate::model::relations::closest_slugs;
use crate::model::Lang;

/// The router's fallback: suggestions come from the last part of the address.
#[component]
pub fn NotFoundPage(lang: Lang, slug: Option<String>) -> impl IntoView {
    let location = use_location();
    with_news(lang, true, move |news| {
        // Read inside the view, so going from one unknown address to another updates it.
        let path = location.pathname.get();
        // Only an address under /events/ is an event address; any other unknown page still
        // gets suggestions from its last part, with the general message.
        let is_event = path.contains("/events/");
        let wanted = slug
            .clone()
            .or_else(|| path.rsplit('/').find(|s| !s.is_empty()).map(str::to_owned));
        view! { <NotFoundContent lang=lang news=Some(news) slug=wanted is_event=is_event/> }
    })
}

#[component]
pub fn NotFoundContent(
    lang: Lang,
    news: Option<Arc<News>>,
    slug: Option<String>,
    /// The address was an event's (`/events/<slug>`), so the message says there is no such event.
    is_event: bool,
) -> impl IntoView {
    let u = ui(lang);
    let paths = use_paths();
    let suggestions = match (&news, &slug) {
        (Some(news), Some(slug)) => closest_slugs(&news.catalog, slug, 3)
            .into_iter()
            .filter_map(|i| news.catalog.events.get(i))
            .map(|e| {
                el("li")
                    .child(
                        el("a")
                            .attr("href", paths.event(lang, &e.slug))
                            .text(e.title.get(lang)),
                    )
                    .text(" ")
                    .child(
                        el("span")
                            .attr("class", "not-found__date")
                            .text(format!("({})", format_range(e.start, e.end, lang, false))),
                    )
            })
            .collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    view! {
        <Title text=page_title(u.not_found_title)/>
        <Meta name="robots" content="noindex"/>
        <section class="not-found">
            <h1 class="not-found__title" tabindex="-1">{u.not_found_title}</h1>
            <p>{if is_event { u.not_found_event } else { u.not_found_text }}</p>
            {(!suggestions.is_empty()).then(|| [
                el("h2").attr("class", "not-found__suggestions-title").text(u.not_found_suggestions),
                el("ul").attr("class", "not-found__suggestions").children(suggestions),
            ])}
            <p><a class="button button--primary" href=use_last_view().timeline_href(&paths, lang)>{u.back_to_timeline}</a></p>
        </section>
    }
}
