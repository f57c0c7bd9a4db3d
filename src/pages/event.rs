//! `/events/<slug>`: everything about one event.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::api::News;
use crate::app::use_paths;
use crate::components::breadcrumbs::{site_trail, Breadcrumbs};
use crate::components::city_map::CityMap;
use crate::components::event_card::{place_label, EventCard};
use crate::components::event_sections::{
    cities_by_role, About, Agenda, Delegates, Participants, Photos, SiteVisits, Sources, Topics,
};
use crate::components::lang_text::LangText;
use crate::components::load_state::with_news;
use crate::i18n::{event_type_label, format_date, format_range, ui};
use crate::model::relations::{neighbours, related};
use crate::model::Lang;
use crate::pages::not_found::NotFoundContent;

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
fn EventDetail(news: Arc<News>, index: usize, lang: Lang) -> impl IntoView {
    let paths = use_paths();
    let catalog = &news.catalog;
    let event = catalog.events[index].clone();
    let u = ui(lang);
    let title = event.title.resolve(lang);
    let summary = event.summary.get(lang).to_owned();
    let base_url = catalog.site.canonical_url.clone();
    let jsonld = crate::export::jsonld::event_jsonld(catalog, &event, lang, &base_url);
    let crumbs = site_trail(&catalog.site, lang, paths.timeline(lang, ""));
    let (previous, next) = neighbours(catalog, index);
    let related_events = related(catalog, index, 3);
    let host_org = event
        .host
        .as_ref()
        .and_then(|h| h.organisation.as_deref())
        .and_then(|id| catalog.organisation(id))
        .map(|o| o.name.get(lang).to_owned());
    let host_city = event.host.as_ref().and_then(|h| h.city.clone());
    let map_cities: Vec<_> = cities_by_role(catalog, &event, lang)
        .into_iter()
        .flat_map(|(_, cities)| cities)
        .map(|c| {
            let label = c.name.get(lang).to_owned();
            let label = if host_city.as_deref() == Some(c.id.as_str()) {
                format!("{label} ({})", u.host_marker)
            } else {
                label
            };
            (c.clone(), label)
        })
        .collect();
    let venue = event.location.as_ref().and_then(|l| l.venue.clone());
    let place = place_label(catalog, &event, lang);
    let online = event.location.as_ref().is_some_and(|l| l.online);
    let page_title = format!("{} | {}", title.text, catalog.site.project.acronym);
    let neighbour_link = |i: Option<usize>, label: &'static str, rel: &'static str| {
        i.map(|i| {
            let e = &catalog.events[i];
            view! {
                <a class=format!("pager__link pager__link--{rel}") href=paths.event(lang, &e.slug) rel=rel>
                    <span class="pager__label">{label}</span>
                    <span class="pager__title">{e.title.get(lang).to_owned()}</span>
                    <span class="pager__date">{format_range(e.start, e.end, lang, false)}</span>
                </a>
            }
        })
    };
    let prev_link = neighbour_link(previous, u.event_previous, "prev");
    let next_link = neighbour_link(next, u.event_next, "next");

    view! {
        <Title text=page_title/>
        <Meta name="description" content=summary.clone()/>
        <script type="application/ld+json">{jsonld}</script>
        <Breadcrumbs lang=lang crumbs=crumbs current=title.text.to_owned()/>
        <article class="event" lang=title.is_fallback(lang).then_some(title.lang.code())>
            <header class="event__header">
                <p class="event__kicker">
                    <span class=format!("badge badge--{}", event.kind.key())>{event_type_label(lang, event.kind)}</span>
                    {online.then(|| view! { <span class="badge badge--online">{u.online}</span> })}
                </p>
                <h1 class="event__title" tabindex="-1">{title.text.to_owned()}</h1>
                <p class="event__summary"><LangText text=event.summary.clone() lang=lang/></p>
            </header>
            <div class="event__overview">
                <dl class="event__facts">
                    <div class="event__fact">
                        <dt>{u.event_when}</dt>
                        <dd><time datetime=event.start.iso()>{format_range(event.start, event.end, lang, true)}</time></dd>
                    </div>
                    {(venue.is_some() || place.is_some()).then(|| view! {
                        <div class="event__fact">
                            <dt>{u.event_where}</dt>
                            <dd>
                                {venue.map(|v| view! { <span class="event__venue"><LangText text=v lang=lang/></span> })}
                                {place.map(|p| view! { <span class="event__place">{p}</span> })}
                            </dd>
                        </div>
                    })}
                    {host_org.map(|h| view! { <div class="event__fact"><dt>{u.event_host}</dt><dd>{h}</dd></div> })}
                    {event.opened_by.clone().map(|o| view! {
                        <div class="event__fact"><dt>{u.event_opened_by}</dt><dd><LangText text=o lang=lang/></dd></div>
                    })}
                    {event.published.map(|p| view! {
                        <div class="event__fact">
                            <dt>{u.event_published}</dt>
                            <dd><time datetime=p.iso()>{format_date(p, lang)}</time></dd>
                        </div>
                    })}
                </dl>
                <EventActions news=news.clone() index=index lang=lang/>
            </div>
            <About event=event.clone() lang=lang/>
            <Participants catalog=news.clone() index=index lang=lang/>
            {(!map_cities.is_empty()).then(|| view! {
                <section class="event-section city-map" aria-labelledby="map-title">
                    <h2 id="map-title">{u.event_map}</h2>
                    <figure class="city-map__figure">
                        <CityMap cities=map_cities host=host_city caption_id="map-caption"/>
                        <figcaption id="map-caption" class="city-map__caption">{u.event_map_description}</figcaption>
                    </figure>
                </section>
            })}
            <Delegates catalog=news.clone() index=index lang=lang/>
            <Agenda catalog=news.clone() index=index lang=lang/>
            <SiteVisits event=event.clone() lang=lang/>
            <Topics catalog=news.clone() index=index lang=lang/>
            <Photos event=event.clone() lang=lang/>
            <Sources event=event.clone() lang=lang/>
            <nav class="pager" aria-label=format!("{} / {}", u.event_previous, u.event_next)>
                {prev_link}
                {next_link}
            </nav>
            {(!related_events.is_empty()).then(|| view! {
                <section class="event-section related" aria-labelledby="related-title">
                    <h2 id="related-title">{u.event_related}</h2>
                    <div class="related__list">
                        {related_events.into_iter().map(|i| view! {
                            <EventCard news=news.clone() index=i lang=lang heading_level=3/>
                        }).collect_view()}
                    </div>
                </section>
            })}
            <p class="event__back"><a href=paths.timeline(lang, "")>{u.back_to_timeline}</a></p>
        </article>
    }
}

/// "Add to calendar" and "Copy link", with a spoken confirmation.
#[component]
fn EventActions(news: Arc<News>, index: usize, lang: Lang) -> impl IntoView {
    let u = ui(lang);
    let (message, set_message) = signal(String::new());
    let on_calendar = {
        let news = news.clone();
        move |_| {
            let catalog = &news.catalog;
            let Some(event) = catalog.events.get(index) else {
                return;
            };
            let ics =
                crate::export::ics::event_ics(catalog, event, lang, &catalog.site.canonical_url);
            let name = crate::export::ics::ics_file_name(event);
            #[cfg(target_arch = "wasm32")]
            let ok =
                crate::components::dom::download_text(&name, "text/calendar;charset=utf-8", &ics);
            #[cfg(not(target_arch = "wasm32"))]
            let ok = !ics.is_empty() && !name.is_empty();
            set_message.set(
                if ok {
                    u.calendar_downloaded
                } else {
                    u.calendar_failed
                }
                .to_owned(),
            );
        }
    };
    let on_copy = move |_| {
        #[cfg(target_arch = "wasm32")]
        match crate::components::dom::current_url() {
            Some(url) => crate::components::dom::copy_text(url, move |ok| {
                set_message.set(if ok { u.link_copied } else { u.copy_failed }.to_owned());
            }),
            None => set_message.set(u.copy_failed.to_owned()),
        }
        #[cfg(not(target_arch = "wasm32"))]
        set_message.set(u.copy_failed.to_owned());
    };
    view! {
        <div class="event__actions" role="group" aria-label=u.event_actions>
            <button type="button" class="button button--primary calendar-button" on:click=on_calendar>
                <span aria-hidden="true" class="button__icon">"📅"</span>{u.add_to_calendar}
            </button>
            <button type="button" class="button copy-link-button" on:click=on_copy>
                <span aria-hidden="true" class="button__icon">"🔗"</span>{u.copy_link}
            </button>
            <p class="event__action-status" role="status" aria-live="polite">{message}</p>
        </div>
    }
}
