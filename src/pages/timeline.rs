//! `/`: every event, grouped by year and month, with facet filters and search. The whole view
//! state lives in the URL query, but for the last letters typed until typing pauses
//! (`FilterNavigator`).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::api::News;
use crate::components::breadcrumbs::{site_trail, Breadcrumbs};
use crate::components::event_card::event_card;
use crate::components::filter_bar::{ActiveFilters, EmptyState, FilterBar};
use crate::components::filter_nav::FilterNavigator;
use crate::components::load_state::{page_title, site_text, with_news};
use crate::components::static_tree::{el, Node};
use crate::context::{use_last_view, use_paths, Paths, TimelinePlace};
use crate::i18n::{count_events, format_month, format_year, site, ui};
use crate::model::Lang;
use crate::query::{group_by_month, run, QueryResult};

/// How many entries are drawn at first and per "show more": enough to fill two screens,
/// few enough that a keystroke redraws in a frame even over 10,000 events.
pub const PAGE_SIZE: usize = 40;

#[component]
pub fn TimelinePage(lang: Lang) -> impl IntoView {
    let u = ui(lang);
    view! {
        <Title text=page_title(u.timeline_title)/>
        <Meta name="description" content=site_text(lang, |c, lang| site::timeline_intro(&c.site, lang))/>
        {with_news(lang, true, move |news| view! { <Timeline news=news lang=lang/> })}
    }
}

#[component]
fn Timeline(news: Arc<News>, lang: Lang) -> impl IntoView {
    let u = ui(lang);
    let paths = use_paths();
    let nav = FilterNavigator::new(paths.clone(), lang);
    let filter = {
        let news = news.clone();
        let nav = nav.clone();
        Memo::new(move |_| {
            let mut filter = nav.filter();
            filter.sanitize(&news.index);
            filter
        })
    };
    let result = {
        let news = news.clone();
        Memo::new(move |_| filter.with(|f| run(&news.catalog, &news.index, f)))
    };
    // The search words take longer than the first page on a large archive: make them when
    // the browser is idle after that page is on screen. A search typed before then makes
    // them itself.
    #[cfg(target_arch = "wasm32")]
    if !news.index.has_words() {
        let news = news.clone();
        request_idle_callback(move || news.prepare_search());
    }
    // Back to the timeline brings the place where the visitor left it: as many entries as were
    // drawn, scrolled as far (the browser alone would scroll a list of one page).
    let last_view = use_last_view();
    #[cfg(target_arch = "wasm32")]
    let returning = crate::browser::take_history_navigation();
    #[cfg(not(target_arch = "wasm32"))]
    let returning = false;
    let place = last_view
        .get(lang)
        .filter(|p| returning && filter.with_untracked(|f| p.query == f.to_query()));
    // How many entries are drawn: a page, or more for the result the visitor asked more of.
    // Derived, so that a new result starts again at one page without an effect writing back.
    let expanded = RwSignal::new(
        place
            .as_ref()
            .map(|p| (filter.get_untracked(), p.shown.max(PAGE_SIZE))),
    );
    let shown = Memo::new(move |_| {
        filter.with(|f| {
            expanded.with(|e| match e {
                Some((for_filter, n)) if for_filter == f => *n,
                _ => PAGE_SIZE,
            })
        })
    });
    let set_shown = move |n: usize| expanded.set(Some((filter.get_untracked(), n)));
    #[cfg(target_arch = "wasm32")]
    if let Some(place) = place {
        request_animation_frame(move || crate::browser::scroll_to_y(place.scroll_y));
    }
    // Following a link out of the list (an event) notes the timeline's place first: the event
    // page, drawn before this one goes, links back to it, and Back returns to it. The list's
    // handler runs before the router's, which listens on the window.
    let note_place = {
        let nav = nav.clone();
        move |_: leptos::ev::MouseEvent| {
            // What was typed goes into the URL first, so that Back finds it there.
            nav.flush();
            #[cfg(target_arch = "wasm32")]
            let scroll_y = crate::browser::scroll_y();
            #[cfg(not(target_arch = "wasm32"))]
            let scroll_y = 0.0;
            last_view.set(
                lang,
                TimelinePlace {
                    query: filter.with_untracked(|f| f.to_query()),
                    shown: shown.get_untracked(),
                    scroll_y,
                },
            );
        }
    };
    // The timeline is the project's own step of the trail: it is the current page.
    let mut trail = site_trail(&news.catalog.site, lang, paths.timeline(lang, ""));
    let here = trail
        .pop()
        .map(|crumb| crumb.label)
        .unwrap_or_else(|| news.catalog.site.project.acronym.clone());
    let total = news.catalog.events.len();
    let count_text = move || {
        let n = result.with(|r| r.events.len());
        if n == total {
            count_events(lang, n)
        } else {
            format!("{} {} {total}", count_events(lang, n), u.results_of)
        }
    };

    let list = {
        let news = news.clone();
        let paths = paths.clone();
        move || {
            let limit = shown.get();
            result.with(|r| render_groups(&news, &paths, r, lang, limit))
        }
    };
    // The button is drawn again (or goes away) with the longer list: focus moves to the first
    // entry that was added, where the visitor carries on reading.
    let show_more = move |limit: usize| {
        set_shown(limit + PAGE_SIZE);
        #[cfg(target_arch = "wasm32")]
        request_animation_frame(move || {
            crate::browser::focus_nth(".timeline-entry__title a", limit);
        });
    };
    // Paper gets every entry, not the pages drawn so far: the browser prints what is drawn.
    #[cfg(target_arch = "wasm32")]
    {
        let handle = window_event_listener_untyped("beforeprint", move |_| {
            set_shown(usize::MAX);
        });
        on_cleanup(move || handle.remove());
    }
    let more = move || {
        let n = result.with(|r| r.events.len());
        let limit = shown.get();
        (n > limit).then(|| {
            let rest = n - limit;
            view! {
                <button type="button" class="button show-more" data-key="show-more" on:click=move |_| show_more(limit)>
                    {format!("{} ({})", u.show_more, count_events(lang, rest.min(PAGE_SIZE)))}
                </button>
            }
        })
    };

    view! {
        <Breadcrumbs lang=lang crumbs=trail current=here/>
        <div class="page-intro">
            <h1 class="page-intro__title" tabindex="-1">{u.timeline_title}</h1>
            <p class="page-intro__text">{site::timeline_intro(&news.catalog.site, lang)}</p>
        </div>
        <div class="timeline-layout">
            <FilterBar news=news.clone() lang=lang filter=filter result=result nav=nav.clone()/>
            // Named by a label, not a hidden h2: the year headings inside are the h2s.
            <section class="timeline-results" aria-label=u.timeline_label on:click=note_place>
                // `data-filtering`: what the loader shows here while a shared filtered link waits
                // for the app (the count of the whole list would say the filters did nothing).
                <p class="result-count" id="result-count" tabindex="-1" role="status" aria-live="polite" aria-atomic="true"
                    data-filtering=u.applying_filters>{count_text}</p>
                <ActiveFilters news=news.clone() lang=lang filter=filter nav=nav.clone()/>
                <EmptyState news=news.clone() lang=lang filter=filter result=result nav=nav/>
                {list}
                {more}
            </section>
        </div>
    }
}

/// Event `index` as the timeline draws it, in its year and month (a list of one), as HTML: the
/// page's loader lists the first answer to a search from these, published beside the light
/// index (`export::search`), merging the years and months that follow one another.
pub fn timeline_entry_html(news: &News, paths: &Paths, index: usize, lang: Lang) -> String {
    let result = QueryResult {
        events: vec![index],
        ..QueryResult::default()
    };
    let mut html = String::new();
    render_groups(news, paths, &result, lang, 1).write_html(&mut html);
    html
}

/// The list: year and month groups of the first `limit` results, as one static tree whose
/// years, months and entries are keyed, so that a search that narrows the list keeps the
/// entries that stay and only patches their marks.
fn render_groups(
    news: &News,
    paths: &Paths,
    result: &QueryResult,
    lang: Lang,
    limit: usize,
) -> Node {
    let visible = &result.events[..result.events.len().min(limit)];
    let catalog = &news.catalog;
    let years = group_by_month(catalog, visible).into_iter().map(|year| {
        let year_id = format!("year-{}", year.year);
        let months = year.months.into_iter().map(|month| {
            // Events known only to the year close their year under a heading of their
            // own, not one that repeats the year above it.
            let heading = match month.month {
                Some(m) => format_month(year.year, m, lang),
                None => ui(lang).month_unknown.to_owned(),
            };
            let items = month.events.into_iter().map(|i| {
                el("li")
                    .keyed(i.to_string())
                    .attr("class", "timeline-month__item")
                    .maybe(event_card(catalog, paths, i, lang, &result.terms, 4))
            });
            el("section")
                .keyed(heading.clone())
                .attr("class", "timeline-month")
                .child(
                    el("h3")
                        .attr("class", "timeline-month__title")
                        .text(heading),
                )
                .child(
                    el("ol")
                        .attr("class", "timeline-month__events")
                        .children(items),
                )
        });
        el("section")
            .keyed(year_id.clone())
            .attr("class", "timeline-year")
            .attr("aria-labelledby", year_id.clone())
            .child(
                el("h2")
                    .attr("class", "timeline-year__title")
                    .attr("id", year_id)
                    .text(format_year(year.year, lang)),
            )
            .children(months)
    });
    el("div").attr("class", "timeline").children(years)
}
