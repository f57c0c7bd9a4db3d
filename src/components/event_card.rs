//! One event as a card: the timeline's entries and the related events of a detail page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::News;
use crate::app::{use_paths, Paths};
use crate::components::lang_text::fallback_lang;
use crate::components::static_tree::{el, text, Node};
use crate::i18n::{country_name, event_type_label, format_range, ui};
use crate::model::{Catalog, Event, Lang};
use crate::query::{highlight, EventFilter, Facet};

/// "Пловдив, България", "онлайн", or both for hybrid events.
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

/// Text with the words of the current search in `mark` elements.
fn highlighted(value: &str, terms: &[String]) -> Vec<Node> {
    if terms.is_empty() {
        return vec![text(value)];
    }
    highlight(value, terms)
        .into_iter()
        .map(|(run, hit)| if hit { el("mark").text(run) } else { text(run) })
        .collect()
}

/// The card of event `index`, with `terms` marked; nothing for an index out of range.
pub fn event_card(
    catalog: &Catalog,
    paths: &Paths,
    index: usize,
    lang: Lang,
    terms: &[String],
    heading_level: u8,
) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let u = ui(lang);
    let title = event.title.resolve(lang);
    let summary = event.summary.resolve(lang);
    let fallback = |r: &crate::model::Resolved<'_>| r.is_fallback(lang).then_some(r.lang.code());
    let cities: Vec<Node> = event
        .all_city_ids()
        .into_iter()
        .filter_map(|id| catalog.city(id))
        .map(|c| {
            // Each city leads to the timeline of its events.
            let mut filter = EventFilter::default();
            filter.insert(Facet::City, &c.id);
            el("li").child(
                el("a")
                    .attr("class", "city-label")
                    .attr("href", paths.timeline(lang, &filter.to_query()))
                    .attr_opt("lang", fallback_lang(&c.name, lang))
                    .text(c.name.get(lang)),
            )
        })
        .collect();
    let heading_tag = match heading_level {
        2 => "h2",
        3 => "h3",
        _ => "h4",
    };
    let link = el("a")
        .attr("href", paths.event(lang, &event.slug))
        .attr_opt("lang", fallback(&title))
        .children(highlighted(title.text, terms));
    Some(
        el("article")
            .attr("class", "timeline-entry")
            .child(
                el("p")
                    .attr("class", "timeline-entry__meta")
                    .child(
                        el("time")
                            .attr("class", "timeline-entry__date")
                            .attr("datetime", event.start.iso())
                            .text(format_range(event.start, event.end, lang, false)),
                    )
                    .child(
                        el("span")
                            .attr("class", format!("badge badge--{}", event.kind.key()))
                            .text(event_type_label(lang, event.kind)),
                    ),
            )
            .child(
                el(heading_tag)
                    .attr("class", "timeline-entry__title")
                    .child(link),
            )
            .maybe(
                place_label(catalog, event, lang)
                    .map(|place| el("p").attr("class", "timeline-entry__place").text(place)),
            )
            .child(
                el("p")
                    .attr("class", "timeline-entry__summary")
                    .attr_opt("lang", fallback(&summary))
                    .children(highlighted(summary.text, terms)),
            )
            .maybe((!cities.is_empty()).then(|| {
                el("ul")
                    .attr("class", "timeline-entry__cities")
                    .attr("aria-label", u.participating_cities)
                    .children(cities)
            })),
    )
}

/// [`event_card`] as a component.
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
    event_card(
        &news.catalog,
        &use_paths(),
        index,
        lang,
        &terms,
        heading_level,
    )
}
