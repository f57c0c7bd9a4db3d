//! One event as a card: the timeline's entries and the related events of a detail page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::News;
use crate::app::use_paths;
use crate::components::highlight::Highlighted;
use crate::i18n::{country_name, event_type_label, format_range, ui};
use crate::model::{Catalog, Event, Lang};

/// "Писек, Чехия", "онлайн", or both for hybrid events.
pub fn place_label(catalog: &Catalog, event: &Event, lang: Lang) -> Option<String> {
    let location = event.location.as_ref()?;
    let city = location
        .city
        .as_deref()
        .and_then(|id| catalog.city(id))
        .map(|city| {
            format!(
                "{}, {}",
                city.name.get(lang),
                country_name(&city.country, lang)
            )
        });
    match (city, location.online) {
        (Some(city), true) => Some(format!("{city} · {}", ui(lang).online)),
        (Some(city), false) => Some(city),
        (None, true) => Some(ui(lang).online.to_owned()),
        (None, false) => None,
    }
}

#[component]
pub fn EventCard(
    news: Arc<News>,
    index: usize,
    lang: Lang,
    #[prop(optional)] terms: Arc<Vec<String>>,
    /// 3 under a section's h2 (related events), 4 under the timeline's month headings.
    #[prop(default = 3)]
    heading_level: u8,
) -> impl IntoView {
    let paths = use_paths();
    let catalog = &news.catalog;
    let Some(event) = catalog.events.get(index) else {
        return ().into_any();
    };
    let u = ui(lang);
    let title = event.title.resolve(lang);
    let summary = event.summary.resolve(lang);
    let href = paths.event(lang, &event.slug);
    let cities: Vec<String> = event
        .all_city_ids()
        .into_iter()
        .filter_map(|id| catalog.city(id))
        .map(|c| c.name.get(lang).to_owned())
        .collect();
    let title_link = view! {
        <a href=href lang=title.is_fallback(lang).then_some(title.lang.code())>
            <Highlighted text=title.text.to_owned() terms=terms.clone()/>
        </a>
    };
    let heading = match heading_level {
        2 => view! { <h2 class="timeline-entry__title">{title_link}</h2> }.into_any(),
        3 => view! { <h3 class="timeline-entry__title">{title_link}</h3> }.into_any(),
        _ => view! { <h4 class="timeline-entry__title">{title_link}</h4> }.into_any(),
    };
    view! {
        <article class="timeline-entry">
            <p class="timeline-entry__meta">
                <time class="timeline-entry__date" datetime=event.start.iso()>
                    {format_range(event.start, event.end, lang, false)}
                </time>
                <span class=format!("badge badge--{}", event.kind.key())>{event_type_label(lang, event.kind)}</span>
            </p>
            {heading}
            {place_label(catalog, event, lang).map(|place| view! { <p class="timeline-entry__place">{place}</p> })}
            <p class="timeline-entry__summary" lang=summary.is_fallback(lang).then_some(summary.lang.code())>
                <Highlighted text=summary.text.to_owned() terms=terms/>
            </p>
            {(!cities.is_empty()).then(|| view! {
                <ul class="timeline-entry__cities" aria-label=u.participating_cities>
                    {cities.into_iter().map(|c| view! { <li class="city-label">{c}</li> }).collect_view()}
                </ul>
            })}
        </article>
    }
    .into_any()
}
