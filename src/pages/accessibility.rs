//! The accessibility statement, after the EU's model statement (Decision 2018/1523).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::load_state::{page_title, site_text};
use crate::context::{use_last_view, use_news, use_paths};
use crate::i18n::{site, ui};
use crate::model::Lang;

#[component]
pub fn AccessibilityPage(lang: Lang) -> impl IntoView {
    let u = ui(lang);
    let paths = use_paths();
    let news = use_news();
    let contact = move || {
        let loaded = news.and_then(|n| n.get()).and_then(Result::ok)?;
        let contact = &loaded.catalog.site.contact;
        let label = contact.label.get(lang).to_owned();
        Some(match contact.url.clone() {
            Some(url) => view! { <a href=url>{label}</a> }.into_any(),
            None => label.into_any(),
        })
    };
    // Text in the other language is the one limitation the statement knows of; a site whose
    // events are all told in the page's language has none.
    let limits = move || {
        let one_language = news
            .and_then(|n| n.get())
            .and_then(Result::ok)
            .is_some_and(|n| {
                n.catalog
                    .events
                    .iter()
                    .any(|e| e.told_in_other_language(lang))
            });
        if one_language {
            u.a11y_limits
        } else {
            u.a11y_no_limits
        }
    };
    view! {
        <Title text=page_title(u.a11y_title)/>
        <Meta name="description" content=site_text(lang, site::statement_intro)/>
        <article class="statement">
            <h1 tabindex="-1">{u.a11y_title}</h1>
            <p>{site_text(lang, site::statement_intro)}</p>
            <h2>{u.a11y_status_heading}</h2>
            <p>{u.a11y_status}</p>
            <h2>{u.a11y_limits_heading}</h2>
            <p>{limits}</p>
            <h2>{u.a11y_prepared_heading}</h2>
            <p>{site_text(lang, |c, lang| site::statement_prepared(&c.site, lang))}</p>
            <h2>{u.a11y_feedback_heading}</h2>
            <p>{u.a11y_feedback}" "{contact}</p>
            <h2>{u.a11y_enforcement_heading}</h2>
            <p>{site_text(lang, site::statement_enforcement)}</p>
            <p><a href=use_last_view().timeline_href(&paths, lang)>{u.back_to_timeline}</a></p>
        </article>
    }
}
