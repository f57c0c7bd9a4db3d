//! The frame around every page: skip link, header with the language switcher, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::app::{use_news, use_paths};
use crate::i18n::ui;
use crate::model::Lang;

#[component]
pub fn SkipLink(lang: Memo<Lang>) -> impl IntoView {
    view! { <a class="skip-link" href="#main">{move || ui(lang.get()).skip_link}</a> }
}

#[component]
pub fn Header(lang: Memo<Lang>) -> impl IntoView {
    let paths = use_paths();
    let location = use_location();
    let home = {
        let paths = paths.clone();
        move || paths.timeline(lang.get(), "")
    };
    let switch_href = move || {
        let search = location.search.get();
        let target = paths.switch_language(&location.pathname.get());
        if search.is_empty() {
            target
        } else {
            format!("{target}?{search}")
        }
    };
    let other = move || lang.get().other();

    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__brand" href=home>
                    <span class="site-header__logo" aria-hidden="true">"+"</span>
                    <span class="site-header__titles">
                        <span class="site-header__project">"+CityxChange"</span>
                        <span class="site-header__tagline">{move || ui(lang.get()).site_tagline}</span>
                    </span>
                </a>
                <nav class="site-header__nav" aria-label=move || ui(lang.get()).header_nav_label>
                    <a
                        class="lang-switch"
                        href=switch_href
                        hreflang=move || other().code()
                        lang=move || other().code()
                        aria-label=move || ui(lang.get()).switch_language_label
                    >
                        {move || ui(lang.get()).switch_language}
                    </a>
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn Footer(lang: Memo<Lang>) -> impl IntoView {
    let paths = use_paths();
    let news = use_news();
    let site_links = move || {
        let loaded = news.and_then(|n| n.0.get()).and_then(Result::ok)?;
        let site = &loaded.catalog.site;
        let l = lang.get();
        let u = ui(l);
        Some(view! {
            <li><span>{u.footer_publisher}": "</span>
                <a href=site.url.clone()>{site.publisher.get(l).to_owned()}</a></li>
            <li><a href=site.project.website.clone()>{u.footer_project_site}</a></li>
        })
    };
    let feed = {
        let paths = paths.clone();
        move || paths.asset(&format!("feed.{}.xml", lang.get().code()))
    };
    let calendar = {
        let paths = paths.clone();
        move || match lang.get() {
            Lang::Bg => paths.asset("events.ics"),
            Lang::En => paths.asset("en/events.ics"),
        }
    };
    let data = paths.asset(crate::api::NEWS_PATH);
    let statement = move || paths.accessibility(lang.get());

    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__funding">
                    <svg class="site-footer__flag" viewBox="0 0 60 40" width="60" height="40" aria-hidden="true" focusable="false">
                        <rect width="60" height="40" fill="#003399"/>
                        <g fill="#FFCC00">{eu_stars()}</g>
                    </svg>
                    <span>{move || ui(lang.get()).footer_funding}</span>
                </p>
                <ul class="site-footer__links">
                    {site_links}
                    <li><a href=statement>{move || ui(lang.get()).footer_accessibility}</a></li>
                    <li><a href=feed type="application/atom+xml">{move || ui(lang.get()).footer_atom}</a></li>
                    <li><a href=calendar type="text/calendar" download="">{move || ui(lang.get()).footer_calendar}</a></li>
                    <li><a href=data type="application/json">{move || ui(lang.get()).footer_data}</a></li>
                </ul>
            </div>
        </footer>
    }
}

/// Twelve five-pointed stars on a circle, as on the European flag.
fn eu_stars() -> impl IntoView {
    (0..12)
        .map(|i| {
            let angle = f64::from(i) * std::f64::consts::PI / 6.0;
            let (cx, cy) = (30.0 + 13.3 * angle.sin(), 20.0 - 13.3 * angle.cos());
            let points = (0..10)
                .map(|k| {
                    let r = if k % 2 == 0 { 2.2 } else { 0.9 };
                    let a = f64::from(k) * std::f64::consts::PI / 5.0;
                    format!("{:.2},{:.2}", cx + r * a.sin(), cy - r * a.cos())
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon points=points/> }
        })
        .collect_view()
}
