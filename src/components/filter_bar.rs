//! The timeline's filters: search, facets with counts, sort; the chips of active filters; the
//! empty state that offers to lift the filter that removed the most.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

use crate::api::News;
use crate::components::filter_nav::{focus_results, FilterNavigator};
use crate::components::lang_text::fallback_lang;
use crate::i18n::{city_label, count_events, event_type_label, format_year, quote, ui};
use crate::model::{EventType, Lang};
use crate::query::{
    did_you_mean, empty_state_hint, Constraint, EventFilter, Facet, QueryResult, SortOrder,
};

/// A facet group with more values than this folds…
const FOLD_OVER: usize = 8;
/// …to its first (most frequent) values, and the chosen ones.
const FOLDED_SHOWN: usize = 6;

/// The label of a facet value as a visitor reads it.
pub fn facet_value_label(news: &News, lang: Lang, facet: Facet, value: &str) -> String {
    let catalog = &news.catalog;
    match facet {
        Facet::Year => value
            .parse()
            .map(|y| format_year(y, lang))
            .unwrap_or_else(|_| value.to_owned()),
        Facet::Type => EventType::from_key(value)
            .map(|t| event_type_label(lang, t).to_owned())
            .unwrap_or_else(|| value.to_owned()),
        Facet::City => city_label(catalog, value, lang),
        Facet::Organisation => catalog.organisation_label(value, lang),
        Facet::Topic => catalog
            .topic(value)
            .map(|t| t.label.get(lang).to_owned())
            .unwrap_or_else(|| value.to_owned()),
    }
}

/// The `lang` of a facet value's label when it comes from the data in the other language
/// (a city, an organisation or a topic named in one language only).
pub fn facet_value_lang(
    news: &News,
    lang: Lang,
    facet: Facet,
    value: &str,
) -> Option<&'static str> {
    let catalog = &news.catalog;
    match facet {
        Facet::Year | Facet::Type => None,
        Facet::City => fallback_lang(&catalog.city(value)?.name, lang),
        Facet::Organisation => {
            let org = catalog.organisation(value)?;
            // A short name (an acronym) is the same in both languages.
            if org.short_name.is_some() {
                None
            } else {
                fallback_lang(&org.name, lang)
            }
        }
        Facet::Topic => fallback_lang(&catalog.topic(value)?.label, lang),
    }
}

pub fn facet_name(lang: Lang, facet: Facet) -> &'static str {
    let u = ui(lang);
    match facet {
        Facet::Year => u.facet_year,
        Facet::Type => u.facet_type,
        Facet::City => u.facet_city,
        Facet::Organisation => u.facet_organisation,
        Facet::Topic => u.facet_topic,
    }
}

#[component]
pub fn FilterBar(
    news: Arc<News>,
    lang: Lang,
    filter: Memo<EventFilter>,
    result: Memo<QueryResult>,
    nav: FilterNavigator,
) -> impl IntoView {
    let u = ui(lang);
    let search_hint = crate::i18n::site::search_hint(&news.catalog, lang);
    let (open, set_open) = signal(false);
    // The field shows what was typed (with its spaces, a quotation mark before the word)
    // while the URL's text is what the search reads of it; Back/Forward bring
    // in another text, which the field then shows. Read without tracking what was typed: only
    // a change of the URL redraws the field's value.
    let draft = StoredValue::new(filter.with_untracked(|f| f.text.clone()));
    let field_value = move || {
        let text = filter.with(|f| f.text.clone());
        draft.with_value(|d| {
            if crate::query::searched_text(d).trim() == text.trim() {
                d.clone()
            } else {
                text
            }
        })
    };
    let on_input = {
        let nav = nav.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            draft.set_value(value.clone());
            let mut next = filter.get_untracked();
            next.text = crate::query::searched_text(&value);
            nav.type_text(next);
        }
    };
    let end_typing = {
        let nav = nav.clone();
        move |ev: leptos::ev::FocusEvent| {
            // The window lost focus (another app, another tab) and the field keeps it: what
            // was typed is written, and letters typed on the visitor's return go on with the
            // same search, in its history entry.
            let window_left = ev
                .target()
                .zip(document().active_element())
                .is_some_and(|(field, active)| JsValue::from(field) == JsValue::from(active));
            if window_left {
                nav.flush();
            } else {
                nav.end_search();
            }
        }
    };
    let on_submit = {
        let nav = nav.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            nav.end_search();
        }
    };
    let on_sort = {
        let nav = nav.clone();
        move |ev: leptos::ev::Event| {
            let mut next = filter.get_untracked();
            next.sort = if event_target_value(&ev) == "oldest" {
                SortOrder::OldestFirst
            } else {
                SortOrder::NewestFirst
            };
            nav.go(&next, false);
        }
    };
    // The filter without its text and order: what the boxes show as chosen.
    let choices = Memo::new(move |_| {
        filter.with(|f| EventFilter {
            text: String::new(),
            sort: SortOrder::default(),
            ..f.clone()
        })
    });
    // A facet the archive has no value of (a project without topics, say) is left out, not
    // shown as a heading over nothing. Its values are the archive's, whatever is chosen.
    let present = Facet::ALL
        .into_iter()
        .filter(|&facet| result.with_untracked(|r| !r.facets.get(facet).is_empty()));
    let groups = present.map(|facet| {
        let news = news.clone();
        let nav = nav.clone();
        // A long group shows its first values (and every chosen one) until the visitor asks
        // for all: on a phone, forty organisations would push the results off. Cities,
        // organisations and topics come most frequent first, years newest first; the types
        // keep the order of their list, where the first are not the most used, so they
        // never fold (there are eleven at most).
        let values = result.with_untracked(|r| r.facets.get(facet).len());
        let folds = facet != Facet::Type && values > FOLD_OVER;
        let unfolded = RwSignal::new(false);
        // The values and their order are the archive's (`SearchIndex`): the boxes are drawn
        // again only when the ones shown change (a value chosen, a group unfolded). A
        // keystroke changes the counts alone, and each box follows its own.
        let all_values: Vec<String> =
            result.with_untracked(|r| r.facets.get(facet).iter().map(|v| v.value.clone()).collect());
        let options = move || {
            let all = !folds || unfolded.get();
            choices.with(|chosen| {
                all_values
                    .iter()
                    .enumerate()
                    .map(|(n, value)| (n, value, chosen.contains(facet, value)))
                    .filter(|&(n, _, selected)| all || n < FOLDED_SHOWN || selected)
                    .map(|(n, value, selected)| {
                        let count = move || {
                            result.with(|r| r.facets.get(facet).get(n).map_or(0, |v| v.count))
                        };
                        let disabled = move || !selected && count() == 0;
                        let label = facet_value_label(&news, lang, facet, value);
                        let label_lang = facet_value_lang(&news, lang, facet, value);
                        let id = format!("f-{}-{}", facet.key(), value);
                        view! {
                            <li class="facet__option" class:facet__option--empty=disabled>
                                <input type="checkbox" id=id.clone() value=value.clone() prop:checked=selected disabled=disabled/>
                                <label for=id>
                                    <span class="facet__label" lang=label_lang>{label}</span>
                                    <span class="facet__count">{count}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view()
            })
        };
        // A named group rather than <fieldset>/<legend>: assistive technology reads the same
        // (a group called "Year" of checkboxes), and browsers lay fieldsets out on a slow path
        // that delayed the first paint of the prerendered timeline by about 20 ms (measured).
        // One listener for the group, not one per box: a keystroke redraws the boxes with
        // new counts, and a listener of their own would be detached and attached again each
        // time. The box's value is the facet value.
        let toggle = move |ev: leptos::ev::Event| {
            let mut next = filter.get_untracked();
            next.toggle(facet, &event_target_value(&ev));
            nav.go(&next, false);
        };
        let title_id = format!("facet-{}-title", facet.key());
        let labelled_by = title_id.clone();
        let list_id = format!("facet-{}-options", facet.key());
        let fold_button = folds.then(|| {
            view! {
                <button
                    type="button"
                    class="button button--link facet__more"
                    data-key=format!("facet-more-{}", facet.key())
                    aria-controls=list_id.clone()
                    aria-expanded=move || unfolded.get().to_string()
                    on:click=move |_| unfolded.update(|u| *u = !*u)
                >
                    {move || if unfolded.get() {
                        u.facet_show_fewer.to_owned()
                    } else {
                        format!("{} ({values})", u.facet_show_all)
                    }}
                </button>
            }
        });
        view! {
            <div class=format!("facet facet--{}", facet.key()) role="group" aria-labelledby=labelled_by>
                <p class="facet__title" id=title_id>{facet_name(lang, facet)}</p>
                <ul class="facet__options" id=list_id on:change=toggle>{options}</ul>
                {fold_button}
            </div>
        }
    }).collect_view();
    // The live count where the choices are made: at the foot of the panel, in sight while the
    // panel scrolls. It closes the panel (on a phone) and takes the visitor to the results.
    let results_label = move || {
        let n = result.with(|r| r.events.len());
        if n == 0 {
            u.show_none.to_owned()
        } else {
            format!("{} {}", u.show_results, count_events(lang, n))
        }
    };
    let show_results = move |_| {
        set_open.set(false);
        focus_results();
    };

    view! {
        <aside class="filters" class:filters--open=open aria-labelledby="filters-title">
            <div class="filters__head">
                <h2 id="filters-title" class="filters__title">{u.filters_heading}</h2>
                <button
                    type="button"
                    class="button filters__toggle"
                    data-key="filters-toggle"
                    aria-expanded=move || open.get().to_string()
                    aria-controls="filter-panel"
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    {move || if open.get() { u.filters_hide } else { u.filters_show }}
                </button>
            </div>
            <form class="search" role="search" on:submit=on_submit>
                <label class="search__label" for="search">{u.search_label}</label>
                <p class="search__hint" id="search-hint">{search_hint}</p>
                <div class="search__row">
                    <input
                        id="search"
                        class="search__input"
                        type="search"
                        autocomplete="off"
                        spellcheck="false"
                        aria-describedby="search-hint"
                        // The search reads no more: a longer paste would show what it ignores.
                        maxlength=crate::text::MAX_QUERY_CHARS
                        prop:value=field_value
                        on:input=on_input
                        on:blur=end_typing
                    />
                    <button type="submit" class="button search__submit" data-key="search-submit">{u.search_submit}</button>
                </div>
            </form>
            <div class="filters__panel" id="filter-panel">
                <div class="sort">
                    <label class="sort__label" for="sort">{u.sort_label}</label>
                    // The `selected` attributes set the first state; the property follows the
                    // URL afterwards (browsers ignore attribute changes once a choice was made).
                    <select
                        id="sort"
                        class="sort__select"
                        on:change=on_sort
                        prop:value=move || filter.with(|f| if f.sort == SortOrder::OldestFirst { "oldest" } else { "newest" })
                    >
                        <option value="newest" selected=move || filter.with(|f| f.sort == SortOrder::NewestFirst)>{u.sort_newest}</option>
                        <option value="oldest" selected=move || filter.with(|f| f.sort == SortOrder::OldestFirst)>{u.sort_oldest}</option>
                    </select>
                </div>
                {groups}
                <div class="filters__done">
                    <button type="button" class="button button--primary filters__show" data-key="filters-show" on:click=show_results>
                        {results_label}
                    </button>
                </div>
            </div>
        </aside>
    }
}

#[component]
pub fn ActiveFilters(
    news: Arc<News>,
    lang: Lang,
    filter: Memo<EventFilter>,
    nav: FilterNavigator,
) -> impl IntoView {
    let u = ui(lang);
    move || {
        let f = filter.get();
        if !f.has_constraints() {
            return None;
        }
        let chips = f
            .constraints()
            .into_iter()
            .map(|constraint| {
                let label = match &constraint {
                    Constraint::Value(facet, value) => format!(
                        "{}: {}",
                        facet_name(lang, *facet),
                        facet_value_label(&news, lang, *facet, value)
                    ),
                    // The visitor's text between the isolate marks (FSI … PDI): a direction
                    // mark in it cannot carry the quotes or the label with it.
                    Constraint::Text => format!(
                        "{}: {}",
                        u.search_label,
                        quote(&format!("\u{2068}{}\u{2069}", f.text.trim()), lang)
                    ),
                };
                let nav = nav.clone();
                let aria = format!("{} {label}", u.remove_filter);
                let remove = move |_| {
                    let mut next = filter.get_untracked();
                    next.remove_constraint(&constraint);
                    nav.go_and_focus_results(&next);
                };
                view! {
                    <li class="chip">
                        <span class="chip__label">{label}</span>
                        <button type="button" class="chip__remove" aria-label=aria on:click=remove>
                            <span aria-hidden="true">"×"</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let nav = nav.clone();
        let clear = move |_| {
            let mut next = filter.get_untracked();
            next.clear();
            nav.go_and_focus_results(&next);
        };
        Some(view! {
            <div class="active-filters">
                <h3 class="visually-hidden">{u.active_filters}</h3>
                <ul class="active-filters__list">{chips}</ul>
                <button type="button" class="button button--link clear-all" on:click=clear>{u.clear_all}</button>
            </div>
        })
    }
}

/// A button of the empty state that shows another filter: one view type for every such offer
/// (each `view!` with its own closure type is its own code in the wasm).
fn offer_button(
    class: &'static str,
    label: String,
    nav: FilterNavigator,
    next: EventFilter,
) -> AnyView {
    let go: Box<dyn Fn(leptos::ev::MouseEvent) + Send + Sync> =
        Box::new(move |_| nav.go_and_focus_results(&next));
    view! { <button type="button" class=class on:click=go>{label}</button> }.into_any()
}

#[component]
pub fn EmptyState(
    news: Arc<News>,
    lang: Lang,
    filter: Memo<EventFilter>,
    result: Memo<QueryResult>,
    nav: FilterNavigator,
) -> impl IntoView {
    let u = ui(lang);
    move || {
        if result.with(|r| !r.events.is_empty()) {
            return None;
        }
        let f = filter.get();
        let hint = empty_state_hint(&news.catalog, &news.index, &f);
        let offer = hint.map(|(constraint, count)| {
            let what = match &constraint {
                Constraint::Value(facet, value) => {
                    quote(&facet_value_label(&news, lang, *facet, value), lang)
                }
                Constraint::Text => u.empty_clear_text.to_owned(),
            };
            let nav = nav.clone();
            let mut next = f.clone();
            next.remove_constraint(&constraint);
            offer_button(
                "button empty-state__lift",
                format!("{} {what} ({})", u.empty_clear, count_events(lang, count)),
                nav,
                next,
            )
        });
        // Words of the archive near the ones typed, each a button that searches for it.
        let near = did_you_mean(&news.catalog, &news.index, &f);
        let suggestions = (!near.is_empty()).then(|| {
            let buttons = near
                .into_iter()
                .map(|text| {
                    let mut next = f.clone();
                    next.text = text.clone();
                    let button = offer_button(
                        "button button--link empty-state__word",
                        text,
                        nav.clone(),
                        next,
                    );
                    view! { <li>{button}</li> }
                })
                .collect_view();
            view! {
                <div class="empty-state__near">
                    <p class="empty-state__near-title" id="did-you-mean">{u.empty_did_you_mean}</p>
                    <ul class="empty-state__words" aria-labelledby="did-you-mean">{buttons}</ul>
                </div>
            }
        });
        Some(view! {
            <div class="empty-state">
                <p class="empty-state__title">{u.empty_title}</p>
                {suggestions}
                <p class="empty-state__advice">{u.empty_advice}</p>
                {offer}
            </div>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_labels_from_the_other_language_say_their_language() {
        let text = include_str!("../../public/data/news.json");
        let shipped = crate::api::news_from_text(text).unwrap();
        let city = shipped.catalog.cities[0].id.clone();
        assert_eq!(
            facet_value_lang(&shipped, Lang::Bg, Facet::City, &city),
            None
        );
        assert_eq!(
            facet_value_lang(&shipped, Lang::En, Facet::Year, "2022"),
            None
        );

        let mut catalog = shipped.catalog.clone();
        catalog.cities[0].name.bg = None;
        for topic in &mut catalog.topics {
            topic.label.en = None;
        }
        let index = crate::query::SearchIndex::without_words(&catalog);
        let news = News { catalog, index };
        assert_eq!(
            facet_value_lang(&news, Lang::Bg, Facet::City, &city),
            Some("en")
        );
        let topic = news.catalog.topics[0].id.clone();
        assert_eq!(
            facet_value_lang(&news, Lang::En, Facet::Topic, &topic),
            Some("bg")
        );
        assert_eq!(
            facet_value_lang(&news, Lang::Bg, Facet::Topic, &topic),
            None
        );
    }
}
