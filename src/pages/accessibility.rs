//! The accessibility statement, after the EU's model statement (Decision 2018/1523).

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::load_state::{page_title, site_text};
use crate::components::static_tree::{el, text};
use crate::context::{use_last_view, use_news, use_paths};
use crate::i18n::{site, ui};
use crate::model::{phone_href, Lang, Link};

#[component]
pub fn AccessibilityPage(lang: Lang) -> impl IntoView {
    let u = ui(lang);
    let paths = use_paths();
    let news = use_news();
    let loaded = move || news?.get()?.ok();
    // A link, or its label alone when it has no address. Drawn as a static tree: these never
    // change once the news are in, and a view of its own for each cost the wasm 1 KB more.
    let link = move |link: &Link| {
        let label = link.label.get(lang).to_owned();
        match &link.url {
            Some(url) => el("a").attr("href", url.clone()).text(label),
            None => text(label),
        }
    };
    // The ways to reach the publisher the file gives, one an item.
    let contact = move || {
        let loaded = loaded()?;
        let site = &loaded.catalog.site;
        let reach = |label: &str, href: String, shown: &str| {
            el("li")
                .text(format!("{label} "))
                .child(el("a").attr("href", href).text(shown))
        };
        let email = site
            .contact_email
            .as_deref()
            .map(|e| reach(u.a11y_email, format!("mailto:{e}"), e));
        let phone = site
            .contact_phone
            .as_deref()
            .map(|p| reach(u.a11y_phone, phone_href(p), p));
        Some(
            el("ul")
                .attr("class", "statement__contact")
                .child(el("li").child(link(&site.contact)))
                .maybe(email)
                .maybe(phone),
        )
    };
    let enforcement = move || {
        let loaded = loaded()?;
        let e = loaded.catalog.site.enforcement.as_ref()?;
        Some(el("p").child(link(e)))
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
            <p>{u.a11y_feedback}</p>
            {contact}
            <h2>{u.a11y_enforcement_heading}</h2>
            <p>{site_text(lang, site::statement_enforcement)}</p>
            {enforcement}
            <p><a href=use_last_view().timeline_href(&paths, lang)>{u.back_to_timeline}</a></p>
        </article>
    }
}
