//! The frame around every page: skip link, header with the language switcher, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::News;
use crate::components::static_tree::{el, svg_el, Node};
use crate::context::{local_path, use_news, use_paths, Paths};
use crate::i18n::{site, ui};
use crate::model::Lang;

#[component]
pub fn SkipLink(lang: Memo<Lang>) -> impl IntoView {
    // The page has a <base href>, so "#main" alone would resolve against the base: the link
    // names the page's own path (right without any script), and in the app the click moves
    // the focus instead, so the router never takes it for a navigation.
    let location = use_location();
    // Leading slashes collapsed: on `//evil.example/x` the link must not name another host.
    let href = move || format!("{}#main", local_path(&location.pathname.get()));
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        #[cfg(target_arch = "wasm32")]
        crate::browser::focus_main();
    };
    view! { <a class="skip-link" href=href on:click=skip>{move || ui(lang.get()).skip_link}</a> }
}

#[component]
pub fn Header(lang: Memo<Lang>) -> impl IntoView {
    let paths = use_paths();
    let news = use_news();
    let location = use_location();
    // The brand changes only with the language and the news: one static tree, drawn again then.
    let brand = {
        let paths = paths.clone();
        move || {
            let loaded = news.and_then(|n| n.get()).and_then(Result::ok);
            brand(lang.get(), &paths, loaded.as_deref())
        }
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
    // A site in one language has no other to switch to.
    let switchable = move || {
        news.and_then(|n| n.get())
            .and_then(Result::ok)
            .is_none_or(|n| n.catalog.site.publishes(other()))
    };

    view! {
        <header class="site-header">
            <div class="site-header__inner">
                {brand}
                {move || switchable().then(|| view! {
                    <nav class="site-header__nav" aria-label=move || ui(lang.get()).header_nav_label>
                        <a
                            class="lang-switch"
                            href=switch_href.clone()
                            hreflang=move || other().code()
                            lang=move || other().code()
                            aria-label=move || ui(lang.get()).switch_language_label
                        >
                            {move || ui(lang.get()).switch_language}
                        </a>
                    </nav>
                })}
            </div>
        </header>
    }
}

/// The project's logo (when the file has one, as decoration: the name follows it), its
/// acronym and the tagline. Before the news has loaded, the tagline alone.
fn brand(lang: Lang, paths: &Paths, news: Option<&News>) -> Node {
    let span = |class: &'static str, value: &str| el("span").attr("class", class).text(value);
    let project = news.map(|n| &n.catalog.site.project);
    let logo = project.and_then(|p| p.logo.as_deref()).map(|src| {
        el("img")
            .attr("class", "site-header__logo")
            .attr("src", paths.image(src))
            .attr("alt", "")
    });
    el("a")
        .attr("class", "site-header__brand")
        .attr("href", paths.timeline(lang, ""))
        .children(logo)
        .child(
            el("span")
                .attr("class", "site-header__titles")
                .children(project.map(|p| span("site-header__project", &p.acronym)))
                .child(span("site-header__tagline", ui(lang).site_tagline)),
        )
}

/// The footer depends only on the language and the loaded news, which change rarely: it is
/// one static tree, drawn again when either changes.
#[component]
pub fn Footer(lang: Memo<Lang>) -> impl IntoView {
    let paths = use_paths();
    let news = use_news();
    move || {
        let loaded = news.and_then(|n| n.get()).and_then(Result::ok);
        footer(lang.get(), &paths, loaded.as_deref())
    }
}

fn footer(lang: Lang, paths: &Paths, news: Option<&News>) -> Node {
    let u = ui(lang);
    let link = |href: String, label: &str| el("li").child(el("a").attr("href", href).text(label));
    let typed_link = |href: String, kind: &str, label: &str| {
        el("li").child(
            el("a")
                .attr("href", href)
                .attr("type", kind.to_owned())
                .text(label),
        )
    };
    let site_links = news.map(|news| {
        let site = &news.catalog.site;
        // A link the validator dropped is empty: then the name stands without a link.
        let publisher = if site.url.is_empty() {
            el("span").text(site.publisher.get(lang))
        } else {
            el("a")
                .attr("href", site.url.clone())
                .text(site.publisher.get(lang))
        };
        [
            Some(
                el("li")
                    .child(el("span").text(u.footer_publisher).text(": "))
                    .child(publisher),
            ),
            (!site.project.website.is_empty())
                .then(|| link(site.project.website.clone(), u.footer_project_site)),
        ]
    });
    let calendar = match lang {
        Lang::Bg => paths.asset("events.ics"),
        Lang::En => paths.asset("events.en.ics"),
    };
    let flag = svg_el("svg")
        .attr("class", "site-footer__flag")
        .attr("viewBox", "0 0 60 40")
        .attr("width", "60")
        .attr("height", "40")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(
            svg_el("rect")
                .attr("width", "60")
                .attr("height", "40")
                .attr("fill", "#003399"),
        )
        .child(svg_el("path").attr("fill", "#FFCC00").attr("d", EU_STARS));
    let funding = news
        .and_then(|news| site::funding_statement(&news.catalog.site, lang))
        .map(|statement| {
            el("p")
                .attr("class", "site-footer__funding")
                .child(flag)
                .child(el("span").text(statement))
        });
    el("footer").attr("class", "site-footer").child(
        el("div")
            .attr("class", "site-footer__inner")
            .children(funding)
            .child(
                el("ul")
                    .attr("class", "site-footer__links")
                    .children(site_links.into_iter().flatten().flatten())
                    .child(link(paths.accessibility(lang), u.footer_accessibility))
                    .child(typed_link(
                        paths.asset(&format!("feed.{}.xml", lang.code())),
                        "application/atom+xml",
                        u.footer_atom,
                    ))
                    .child(
                        el("li").child(
                            el("a")
                                .attr("href", calendar)
                                .attr("type", "text/calendar")
                                .attr("download", "")
                                .text(u.footer_calendar),
                        ),
                    )
                    .child(typed_link(
                        paths.asset(crate::api::NEWS_PATH),
                        "application/json",
                        u.footer_data,
                    )),
            ),
    )
}

/// Twelve five-pointed stars on a circle, as on the European flag (radius 13.3 around the
/// middle of a 60×40 box; each star 2.2 out, 0.9 in). Written out once rather than computed
/// at run time, which would pull trigonometry and float formatting into the wasm.
const EU_STARS: &str = "M30.0 4.5L30.5 6.0L32.1 6.0L30.9 7.0L31.3 8.5L30.0 7.6L28.7 8.5L29.1 7.0L27.9 6.0L29.5 6.0ZM36.6 6.3L37.2 7.8L38.7 7.8L37.5 8.8L37.9 10.3L36.6 9.4L35.4 10.3L35.8 8.8L34.6 7.8L36.1 7.8ZM41.5 11.1L42.0 12.6L43.6 12.7L42.4 13.6L42.8 15.1L41.5 14.2L40.2 15.1L40.7 13.6L39.4 12.7L41.0 12.6ZM43.3 17.8L43.8 19.3L45.4 19.3L44.2 20.3L44.6 21.8L43.3 20.9L42.0 21.8L42.4 20.3L41.2 19.3L42.8 19.3ZM41.5 24.4L42.0 25.9L43.6 26.0L42.4 26.9L42.8 28.4L41.5 27.5L40.2 28.4L40.7 26.9L39.4 26.0L41.0 25.9ZM36.6 29.3L37.2 30.8L38.7 30.8L37.5 31.8L37.9 33.3L36.6 32.4L35.4 33.3L35.8 31.8L34.6 30.8L36.1 30.8ZM30.0 31.1L30.5 32.6L32.1 32.6L30.9 33.6L31.3 35.1L30.0 34.2L28.7 35.1L29.1 33.6L27.9 32.6L29.5 32.6ZM23.4 29.3L23.9 30.8L25.4 30.8L24.2 31.8L24.6 33.3L23.4 32.4L22.1 33.3L22.5 31.8L21.3 30.8L22.8 30.8ZM18.5 24.5L19.0 25.9L20.6 26.0L19.3 26.9L19.8 28.4L18.5 27.6L17.2 28.4L17.6 26.9L16.4 26.0L18.0 25.9ZM16.7 17.8L17.2 19.3L18.8 19.3L17.6 20.3L18.0 21.8L16.7 20.9L15.4 21.8L15.8 20.3L14.6 19.3L16.2 19.3ZM18.5 11.1L19.0 12.6L20.6 12.7L19.3 13.6L19.8 15.1L18.5 14.2L17.2 15.1L17.6 13.6L16.4 12.7L18.0 12.6ZM23.3 6.3L23.9 7.8L25.4 7.8L24.2 8.8L24.6 10.3L23.3 9.4L22.1 10.3L22.5 8.8L21.3 7.8L22.8 7.8Z";
