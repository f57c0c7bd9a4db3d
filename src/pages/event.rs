//! `/events/<slug>`: everything about one event.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::News;
use crate::components::breadcrumbs::{breadcrumbs, site_trail};
use crate::components::city_map::city_map;
use crate::components::event_card::{event_card, place_label};
use crate::components::event_sections::{
    about, agenda, cities_by_role, delegates, participants, photos, section, site_visits, sources,
    time, topics,
};
use crate::components::lang_text::{fallback_lang, fallback_note, lang_text};
use crate::components::load_state::with_news;
use crate::components::static_tree::{el, Node};
use crate::context::{use_event_place, use_last_view, use_paths, use_today, Paths};
use crate::export::map::Frame;
use crate::i18n::{event_type_label, format_date, format_range, ui};
use crate::model::relations::{neighbours, related};
use crate::model::{Catalog, Event, Lang};
use crate::pages::not_found::NotFoundContent;

/// How many related events an event page lists (publishing reads it too: a page changes
/// when one of them does).
pub const RELATED_SHOWN: usize = 3;

#[component]
pub fn EventPage(lang: Lang) -> impl IntoView {
    let params = use_params_map();
    with_news(lang, true, move |news| {
        let slug = params.read().get("slug").unwrap_or_default();
        match news.catalog.event_index(&slug) {
            Some(index) => {
                view! { <EventDetail news=news.clone() index=index lang=lang/> }.into_any()
            }
            None => view! { <NotFoundContent lang=lang news=Some(news.clone()) slug=Some(slug) is_event=true/> }
                .into_any(),
        }
    })
}

#[component]
fn EventDetail(news: Arc<News>, index: usize, lang: Lang) -> Option<impl IntoView> {
    let paths = use_paths();
    let catalog = &news.catalog;
    let event = catalog.events.get(index)?;
    let title = event.title.resolve(lang);
    let summary = crate::text::excerpt(event.summary.get(lang), crate::text::DESCRIPTION_CHARS);
    let base_url = catalog.site.canonical_url.clone();
    let jsonld = crate::export::jsonld::event_jsonld(catalog, event, lang, &base_url);
    // The way back to the timeline keeps the visitor's filters.
    let timeline_href = use_last_view().timeline_href(&paths, lang);
    let crumbs = site_trail(&catalog.site, lang, timeline_href.clone());
    let page_title = format!("{} | {}", title.text, catalog.site.project.acronym);
    let facts = event_facts(catalog, index, lang)?;
    let rest = event_sections(catalog, &paths, index, lang, &timeline_href);
    // Back to this page from a link on it returns to where the link was (the timeline does
    // the same for its list); the app draws the page, so the browser cannot.
    let place = use_event_place();
    #[cfg(target_arch = "wasm32")]
    if crate::browser::take_history_navigation() {
        if let Some((_, y)) = place.0.get_value().filter(|(i, _)| *i == index) {
            request_animation_frame(move || crate::browser::scroll_to_y(y));
        }
    }
    let note_place = move |_: leptos::ev::MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        let y = crate::browser::scroll_y();
        #[cfg(not(target_arch = "wasm32"))]
        let y = 0.0;
        place.0.set_value(Some((index, y)));
    };

    // Only the head tags and the actions are reactive; the rest is one static tree each.
    Some(view! {
        <Title text=page_title/>
        <Meta name="description" content=summary/>
        {el("script").attr("type", "application/ld+json").text(jsonld)}
        {breadcrumbs(lang, crumbs, title.text.to_owned(), fallback_lang(&event.title, lang))}
        <article class="event" on:click=note_place>
            {event_header(event, lang)}
            <div class="event__overview">
                {facts}
                <EventActions news=news.clone() index=index lang=lang/>
            </div>
            {rest}
        </article>
    })
}

/// The event's article as its page draws it, without the actions (calendar, share): the
/// editor's preview.
pub fn event_article(catalog: &Catalog, paths: &Paths, index: usize, lang: Lang) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let timeline_href = paths.timeline(lang, "");
    Some(
        el("article")
            .attr("class", "event")
            .child(event_header(event, lang))
            .child(
                el("div")
                    .attr("class", "event__overview")
                    .child(event_facts(catalog, index, lang)?),
            )
            .children(event_sections(catalog, paths, index, lang, &timeline_href)),
    )
}

/// Kind, online badge, title and summary.
fn event_header(event: &Event, lang: Lang) -> Node {
    let u = ui(lang);
    let online = event.location.as_ref().is_some_and(|l| l.online);
    el("header")
        .attr("class", "event__header")
        .child(
            el("p")
                .attr("class", "event__kicker")
                .child(
                    el("span")
                        .attr("class", format!("badge badge--{}", event.kind.key()))
                        .text(event_type_label(lang, event.kind)),
                )
                .maybe(online.then(|| {
                    el("span")
                        .attr("class", "badge badge--online")
                        .text(u.online)
                })),
        )
        .child(
            el("h1")
                .attr("class", "event__title")
                .attr("tabindex", "-1")
                .attr_opt("lang", fallback_lang(&event.title, lang))
                .text(event.title.get(lang)),
        )
        // A title in the other language is said so under it, unless the summary, in that
        // language too, says it.
        .maybe(
            fallback_lang(&event.title, lang)
                .filter(|_| !event.summary.resolve(lang).is_fallback(lang))
                .map(|_| {
                    let shown = event.title.resolve(lang).lang;
                    el("p")
                        .attr("class", "fallback-note")
                        .text(fallback_note(shown, lang))
                }),
        )
        .child(
            el("p")
                .attr("class", "event__summary")
                .children(lang_text(&event.summary, lang)),
        )
}

/// When, where, host, who opened it, when it was published.
fn event_facts(catalog: &Catalog, index: usize, lang: Lang) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let u = ui(lang);
    let fact = |label: &str, value: Node| {
        el("div")
            .attr("class", "event__fact")
            .child(el("dt").text(label))
            .child(value)
    };
    let location = event.location.as_ref();
    let venue = location.and_then(|l| l.venue.as_ref());
    let address = location.and_then(|l| l.address.as_ref());
    let place = place_label(catalog, event, lang);
    let line = |class: &'static str, text: &crate::model::Text| {
        el("span")
            .attr("class", class)
            .children(lang_text(text, lang))
    };
    let place_fact = (venue.is_some() || address.is_some() || place.is_some()).then(|| {
        fact(
            u.event_where,
            el("dd")
                .maybe(venue.map(|v| line("event__venue", v)))
                .maybe(address.map(|a| line("event__place", a)))
                .maybe(place.map(|p| el("span").attr("class", "event__place").text(p))),
        )
    });
    let host = event
        .host
        .as_ref()
        .and_then(|h| h.organisation.as_deref())
        .and_then(|id| catalog.organisation(id))
        .map(|o| fact(u.event_host, el("dd").text(o.name.get(lang))));
    let opened_by = event
        .opened_by
        .as_ref()
        .map(|o| fact(u.event_opened_by, el("dd").children(lang_text(o, lang))));
    let published = event.published.map(|p| {
        fact(
            u.event_published,
            el("dd").child(time(p, &format_date(p, lang))),
        )
    });
    Some(
        el("dl")
            .attr("class", "event__facts")
            .child(fact(
                u.event_when,
                el("dd").child(time(
                    event.start,
                    &format_range(event.start, event.end, lang, true),
                )),
            ))
            .maybe(place_fact)
            .maybe(host)
            .maybe(opened_by)
            .maybe(published),
    )
}

/// Everything after the facts: the sections, the map, the pager, related events, the way back.
fn event_sections(
    catalog: &Catalog,
    paths: &Paths,
    index: usize,
    lang: Lang,
    timeline_href: &str,
) -> Vec<Node> {
    let Some(event) = catalog.events.get(index) else {
        return Vec::new();
    };
    let u = ui(lang);
    let map_cities: Vec<_> = cities_by_role(catalog, event, lang)
        .into_iter()
        .flat_map(|(_, cities)| cities)
        .map(|c| (c.clone(), crate::i18n::city_label(catalog, &c.id, lang)))
        .collect();
    // A host given as an organisation alone is marked at its organisation's city, when that
    // city is on the map.
    let host_city = event.host.as_ref().and_then(|h| {
        h.city.clone().or_else(|| {
            let city = catalog
                .organisation(h.organisation.as_deref()?)?
                .city
                .as_deref()?;
            map_cities
                .iter()
                .any(|(c, _)| c.id == city)
                .then(|| city.to_owned())
        })
    });
    // Without a host, the city the event is held in is the one marked (a partner's meeting
    // at an EU event in Brussels), when it is on the map.
    let marked = match host_city {
        Some(id) => Some((id, u.host_marker, u.map_host_note)),
        None => event
            .location
            .as_ref()
            .filter(|l| !l.online)
            .and_then(|l| l.city.as_deref())
            .filter(|city| map_cities.iter().any(|(c, _)| c.id == *city))
            .map(|city| (city.to_owned(), u.venue_marker, u.map_venue_note)),
    };
    let caption = match &marked {
        Some((_, _, note)) => format!("{} {note} {}", u.event_map_description, u.map_listed),
        None => format!("{} {}", u.event_map_description, u.map_listed),
    };
    // The map belongs with the lists of who took part (it draws the same cities), not in a
    // section of its own that would name them all once more.
    let map = Frame::of_event(catalog, event).map(|frame| {
        el("figure")
            .attr("class", "city-map__figure")
            .attr("aria-labelledby", "map-title")
            .child(
                el("h3")
                    .attr("id", "map-title")
                    .attr("class", "city-map__title")
                    .text(u.event_map),
            )
            .child(city_map(
                frame,
                paths.asset(&frame.file()),
                map_cities,
                marked.map(|(id, marker, _)| (id, marker)),
                crate::i18n::site::home_city(catalog).map(|c| c.id.as_str()),
                "map-caption",
            ))
            .child(
                el("figcaption")
                    .attr("id", "map-caption")
                    .attr("class", "city-map__caption")
                    .text(caption),
            )
    });
    let (previous, next) = neighbours(catalog, index);
    let neighbour_link = |i: Option<usize>, label: &'static str, rel: &'static str| {
        let e = catalog.events.get(i?)?;
        let span = |class: &'static str, value: String| el("span").attr("class", class).text(value);
        Some(
            el("a")
                .attr("class", format!("pager__link pager__link--{rel}"))
                .attr("href", paths.event(lang, &e.slug))
                .attr("rel", rel)
                .child(span("pager__label", label.to_owned()))
                .child(
                    span("pager__title", e.title.get(lang).to_owned())
                        .attr_opt("lang", fallback_lang(&e.title, lang)),
                )
                .child(span(
                    "pager__date",
                    format_range(e.start, e.end, lang, false),
                )),
        )
    };
    let pager = el("nav")
        .attr("class", "pager")
        .attr("aria-label", u.pager_label)
        .maybe(neighbour_link(previous, u.event_previous, "prev"))
        .maybe(neighbour_link(next, u.event_next, "next"));
    let cards: Vec<Node> = related(catalog, index, RELATED_SHOWN)
        .into_iter()
        .filter_map(|i| event_card(catalog, paths, i, lang, &[], 3))
        .collect();
    let related_section = (!cards.is_empty()).then(|| {
        section("related", "related-title", u.event_related)
            .child(el("div").attr("class", "related__list").children(cards))
    });
    let back = el("p")
        .attr("class", "event__back")
        .child(el("a").attr("href", timeline_href).text(u.back_to_timeline));
    // Who took part and who represented the publisher come first, as the source articles
    // name them first; the story, the programme and the rest follow.
    let sections = [
        (
            participants(catalog, index, lang).map(|p| p.maybe(map)),
            "participants-title",
            u.event_participants.to_owned(),
        ),
        (
            delegates(catalog, index, lang),
            "delegates-title",
            crate::i18n::site::delegates_heading(&catalog.site, lang),
        ),
        (
            about(event, paths, lang),
            "about-title",
            u.event_about.to_owned(),
        ),
        (
            agenda(catalog, index, lang),
            "agenda-title",
            u.event_agenda.to_owned(),
        ),
        (
            site_visits(event, lang),
            "visits-title",
            u.event_site_visits.to_owned(),
        ),
        (
            topics(catalog, paths, index, lang),
            "topics-title",
            u.event_topics.to_owned(),
        ),
        (
            photos(event, paths, lang),
            "photos-title",
            u.event_photos.to_owned(),
        ),
        (
            Some(sources(event, lang)),
            "sources-title",
            u.event_sources.to_owned(),
        ),
    ];
    // A long page gets a table of contents: on a phone the sections start a few screens down.
    // Each link names the page too: "#id" alone would resolve against <base href>.
    let page = paths.event(lang, &event.slug);
    let present: Vec<(&str, &str)> = sections
        .iter()
        .filter(|(node, _, _)| node.is_some())
        .map(|(_, id, title)| (*id, title.as_str()))
        .collect();
    let contents = (present.len() >= 3).then(|| {
        el("nav")
            .attr("class", "event__contents")
            .attr("aria-labelledby", "contents-title")
            .child(
                el("p")
                    .attr("class", "event__contents-title")
                    .attr("id", "contents-title")
                    .text(u.on_this_page),
            )
            .child(el("ul").children(present.iter().map(|(id, title)| {
                el("li").child(el("a").attr("href", format!("{page}#{id}")).text(*title))
            })))
    });
    std::iter::once(contents)
        .chain(sections.into_iter().map(|(node, _, _)| node))
        .chain([Some(pager), related_section, Some(back)])
        .flatten()
        .collect()
}

/// "Add to calendar" (a link to the event's calendar file, written at build time, so it works
/// before and without the app), "Copy link", with a spoken confirmation, and "Share".
#[component]
fn EventActions(news: Arc<News>, index: usize, lang: Lang) -> impl IntoView {
    let u = ui(lang);
    let paths = use_paths();
    let event = news.catalog.events.get(index);
    let calendar_href = event
        .map(|e| paths.asset(&crate::export::event_calendar_path(lang, &e.slug)))
        .unwrap_or_default();
    let calendar_file = event.map(crate::export::ics_file_name).unwrap_or_default();
    // The last day the event can mean, for "is it over?": the loader and the app compare it
    // with the visitor's date; "Add to calendar" leads only for what is still to come.
    let ends = event
        .map(|e| {
            let (y, m, d) = e.last().last_day();
            crate::model::PartialDate::ymd(y, m, d).iso()
        })
        .unwrap_or_default();
    let to_come = use_today()
        .0
        .is_some_and(|today| today.as_str() <= ends.as_str());
    let calendar_class = if to_come {
        "button button--primary calendar-button"
    } else {
        "button calendar-button"
    };
    view! {
        <div class="event__actions" role="group" aria-label=u.event_actions>
            <a class=calendar_class data-ends=ends href=calendar_href download=calendar_file type="text/calendar">
                <span aria-hidden="true" class="button__icon">"📅"</span>{u.add_to_calendar}
            </a>
            // "Copy link" is the page's loader's, app or not, as "Share" is: the browser's
            // clipboard needs no app. It says how it went in the status line, in one of the
            // two sentences the line carries.
            <button type="button" class="button copy-link-button" data-key="copy-link">
                <span aria-hidden="true" class="button__icon">"🔗"</span>{u.copy_link}
            </button>
            // The phone's share sheet, where the browser has one: the page's loader shows the
            // button then (`html.can-share`) and opens the sheet itself, app or not.
            <button type="button" class="button share-button" data-key="share">
                <span aria-hidden="true" class="button__icon">"↗"</span>{u.share}
            </button>
            <p class="event__action-status" role="status" aria-live="polite" data-copied=u.link_copied data-failed=u.copy_failed></p>
        </div>
    }
}
