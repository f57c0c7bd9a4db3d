//! The sections of an event's detail page, each a small view over the catalog.

use leptos::prelude::*;

use crate::app::use_paths;
use crate::components::body_text::BodyText;
use crate::components::lang_text::LangText;
use crate::i18n::{city_role_label, compare_names, country_name, format_date, ui};
use crate::model::{AgendaDay, Catalog, City, CityRole, Event, Lang, Presenter};
use crate::query::{EventFilter, Facet};

/// Cities of an event grouped by role: lighthouse, follower, other; each sorted by name.
pub fn cities_by_role<'a>(
    catalog: &'a Catalog,
    event: &Event,
    lang: Lang,
) -> Vec<(CityRole, Vec<&'a City>)> {
    let cities: Vec<&City> = event
        .all_city_ids()
        .into_iter()
        .filter_map(|id| catalog.city(id))
        .collect();
    [CityRole::Lighthouse, CityRole::Follower, CityRole::Other]
        .into_iter()
        .filter_map(|role| {
            let mut group: Vec<&City> = cities.iter().copied().filter(|c| c.role == role).collect();
            group.sort_by(|a, b| compare_names(a.name.get(lang), b.name.get(lang), lang));
            (!group.is_empty()).then_some((role, group))
        })
        .collect()
}

#[component]
pub fn Participants(
    catalog: std::sync::Arc<crate::api::News>,
    index: usize,
    lang: Lang,
) -> impl IntoView {
    let catalog = &catalog.catalog;
    let event = &catalog.events[index];
    let u = ui(lang);
    let groups = cities_by_role(catalog, event, lang);
    let lead = event.participants.lead_partner.clone();
    let mut organisations: Vec<String> = event
        .all_organisation_ids()
        .into_iter()
        .map(str::to_owned)
        .collect();
    // Lead partner first, then the others by name.
    organisations.sort_by(|a, b| {
        let la = Some(a) == lead.as_ref();
        let lb = Some(b) == lead.as_ref();
        lb.cmp(&la).then_with(|| {
            compare_names(
                &catalog.organisation_label(a, lang),
                &catalog.organisation_label(b, lang),
                lang,
            )
        })
    });
    if groups.is_empty() && organisations.is_empty() {
        return ().into_any();
    }
    let org_items = organisations
        .into_iter()
        .filter_map(|id| {
            let org = catalog.organisation(&id)?;
            let is_lead = Some(&id) == lead.as_ref();
            let name = org.name.get(lang).to_owned();
            let short = org.short_name.clone().filter(|s| *s != name);
            Some(view! {
                <li class:participants__lead=is_lead>
                    {name}
                    {short.map(|s| format!(" ({s})"))}
                    {is_lead.then(|| view! { " " <span class="badge badge--lead">{u.lead_partner}</span> })}
                </li>
            })
        })
        .collect_view();
    view! {
        <section class="event-section participants" aria-labelledby="participants-title">
            <h2 id="participants-title">{u.event_participants}</h2>
            <div class="participants__groups">
                {groups.into_iter().map(|(role, cities)| view! {
                    <div class="participants__group">
                        <h3>{city_role_label(lang, role)}</h3>
                        <ul class="participants__list">
                            {cities.into_iter().map(|c| view! {
                                <li>{c.name.get(lang).to_owned()}", "{country_name(&c.country, lang)}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
                <div class="participants__group">
                    <h3>{u.event_organisations}</h3>
                    <ul class="participants__list">{org_items}</ul>
                </div>
            </div>
        </section>
    }
    .into_any()
}

#[component]
pub fn Delegates(
    catalog: std::sync::Arc<crate::api::News>,
    index: usize,
    lang: Lang,
) -> impl IntoView {
    let catalog = &catalog.catalog;
    let event = &catalog.events[index];
    let people: Vec<_> = event
        .delegates
        .iter()
        .filter_map(|id| catalog.person(id))
        .cloned()
        .collect();
    (!people.is_empty()).then(|| {
        let u = ui(lang);
        view! {
            <section class="event-section delegates" aria-labelledby="delegates-title">
                <h2 id="delegates-title">{u.event_delegates}</h2>
                <ul class="delegates__list">
                    {people.into_iter().map(|p| {
                        let org = catalog.organisation(&p.organisation).map(|o| o.name.get(lang).to_owned());
                        view! {
                            <li class="delegates__person">
                                <span class="delegates__name"><LangText text=p.name.clone() lang=lang/></span>
                                <span class="delegates__role"><LangText text=p.role.clone() lang=lang/></span>
                                {org.map(|o| view! { <span class="delegates__org">{o}</span> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

fn presenter_label(catalog: &Catalog, presenter: &Presenter, lang: Lang) -> Option<String> {
    let parts: Vec<String> = presenter
        .city
        .iter()
        .map(|c| catalog.city_name(c, lang))
        .chain(
            presenter
                .organisation
                .iter()
                .map(|o| catalog.organisation_label(o, lang)),
        )
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[component]
pub fn Agenda(
    catalog: std::sync::Arc<crate::api::News>,
    index: usize,
    lang: Lang,
) -> impl IntoView {
    let news = catalog;
    let event = &news.catalog.events[index];
    let days: Vec<AgendaDay> = event.agenda.clone();
    (!days.is_empty()).then(|| {
        let u = ui(lang);
        view! {
            <section class="event-section agenda" aria-labelledby="agenda-title">
                <h2 id="agenda-title">{u.event_agenda}</h2>
                {days.into_iter().enumerate().map(|(n, day)| view! {
                    <div class="agenda__day">
                        <h3 class="agenda__day-title">
                            {format!("{} {} — ", u.agenda_day, n + 1)}
                            <time datetime=day.date.iso()>{format_date(day.date, lang)}</time>
                        </h3>
                        <ol class="agenda__sessions">
                            {day.sessions.into_iter().map(|s| {
                                let presenter = s.presenter.as_ref().and_then(|p| presenter_label(&news.catalog, p, lang));
                                view! {
                                    <li class="agenda__session">
                                        {s.time.map(|t| view! { <span class="agenda__time">{t}</span> })}
                                        <span class="agenda__title"><LangText text=s.title lang=lang/></span>
                                        {presenter.map(|p| view! { <span class="agenda__presenter">{u.presented_by}": "{p}</span> })}
                                        {s.description.map(|d| view! { <span class="agenda__description"><LangText text=d lang=lang/></span> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    </div>
                }).collect_view()}
            </section>
        }
    })
}

#[component]
pub fn SiteVisits(event: Event, lang: Lang) -> impl IntoView {
    (!event.site_visits.is_empty()).then(|| {
        let u = ui(lang);
        view! {
            <section class="event-section site-visits" aria-labelledby="visits-title">
                <h2 id="visits-title">{u.event_site_visits}</h2>
                <ul class="site-visits__list">
                    {event.site_visits.into_iter().map(|v| view! {
                        <li>
                            <span class="site-visits__title"><LangText text=v.title lang=lang/></span>
                            {v.description.map(|d| view! { <span class="site-visits__description"><LangText text=d lang=lang/></span> })}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
pub fn Topics(
    catalog: std::sync::Arc<crate::api::News>,
    index: usize,
    lang: Lang,
) -> impl IntoView {
    let paths = use_paths();
    let catalog = &catalog.catalog;
    let event = &catalog.events[index];
    let topics: Vec<(String, String)> = event
        .topics
        .iter()
        .filter_map(|id| {
            catalog
                .topic(id)
                .map(|t| (id.clone(), t.label.get(lang).to_owned()))
        })
        .collect();
    (!topics.is_empty()).then(|| {
        view! {
            <section class="event-section topics" aria-labelledby="topics-title">
                <h2 id="topics-title">{ui(lang).event_topics}</h2>
                <ul class="topics__list">
                    {topics.into_iter().map(|(id, label)| {
                        let mut filter = EventFilter::default();
                        filter.toggle(Facet::Topic, &id);
                        let href = paths.timeline(lang, &filter.to_query());
                        view! { <li><a class="topic-link" href=href>{label}</a></li> }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
pub fn About(event: Event, lang: Lang) -> impl IntoView {
    event.body.map(|body| {
        let resolved = body.resolve(lang);
        let other = resolved.is_fallback(lang).then_some(resolved.lang);
        view! {
            <section class="event-section about" aria-labelledby="about-title">
                <h2 id="about-title">{ui(lang).event_about}</h2>
                {other.map(|shown| view! {
                    <p class="fallback-note">{crate::components::lang_text::fallback_note(shown, lang)}</p>
                })}
                <BodyText text=resolved.text.to_owned() lang=other.map(Lang::code).unwrap_or_default()/>
            </section>
        }
    })
}

#[component]
pub fn Photos(event: Event, lang: Lang) -> impl IntoView {
    let paths = use_paths();
    (!event.images.is_empty()).then(|| {
        view! {
            <section class="event-section photos" aria-labelledby="photos-title">
                <h2 id="photos-title">{ui(lang).event_photos}</h2>
                <div class="photos__grid">
                    {event.images.into_iter().map(|img| {
                        let src = if img.src.starts_with("https://") { img.src.clone() } else { paths.asset(img.src.trim_start_matches('/')) };
                        view! {
                            <figure class="photos__item">
                                <img src=src alt=img.alt.get(lang).to_owned() width=img.width height=img.height loading="lazy" decoding="async"/>
                                {(img.caption.is_some() || img.credit.is_some()).then(|| view! {
                                    <figcaption>
                                        {img.caption.map(|c| view! { <LangText text=c lang=lang/> })}
                                        {img.credit.map(|c| view! { <span class="photos__credit">" © "{c}</span> })}
                                    </figcaption>
                                })}
                            </figure>
                        }
                    }).collect_view()}
                </div>
            </section>
        }
    })
}

#[component]
pub fn Sources(event: Event, lang: Lang) -> impl IntoView {
    let u = ui(lang);
    view! {
        <section class="event-section sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{u.event_sources}</h2>
            <ul class="sources__list">
                {event.sources.into_iter().map(|s| {
                    let title = s.title.resolve(lang);
                    view! {
                        <li>
                            <a href=s.url.clone() lang=title.is_fallback(lang).then_some(title.lang.code())>{title.text.to_owned()}</a>
                            <span class="sources__meta">
                                " — "{s.publisher}
                                {s.date.map(|d| view! { ", "{u.source_published}" "<time datetime=d.iso()>{format_date(d, lang)}</time> })}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
