//! Every page of the site as HTML, rendered at build time by the same views the browser runs
//! (native build, Leptos' `ssr` renderer). Visitors see content before any script has run,
//! search engines read it, and the wasm is needed only for searching and filtering.
//!
//! The page template is the built `index.html` (see `scripts/post-build.mjs`): its head holds
//! `<!--HEAD-->` where the page's own head tags go, its body `<!--static-->…<!--/static-->`
//! where the page goes.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::api::News;
use crate::app::App;
use crate::context::Paths;
use crate::export::xml::escape;
use crate::model::Lang;

/// Where a page's content goes in the template.
pub const BODY_START: &str = "<!--static-->";
pub const BODY_END: &str = "<!--/static-->";
/// Where the page's head tags (title, description, …) go: leptos_meta writes them after
/// `HEAD_MARK`; `HEAD_END` closes the region so that the loader can remove them.
pub const HEAD_MARK: &str = "<!--HEAD-->";
pub const HEAD_END: &str = "<!--/HEAD-->";
/// Around the page's shared-link card (`export::share`), written before `HEAD_MARK`: the
/// app does not draw it, so the loader leaves it in place.
pub const SHARE_START: &str = "<!--SHARE-->";
pub const SHARE_END: &str = "<!--/SHARE-->";

/// The size of the published news file from which its pages ask the loader to answer search
/// from the light index alone while the visitor types (`<html data-start="search">`, see
/// `src/boot.js`). The app reads the whole file before it answers anything: at 10,000
/// synthetic events (10.7 MB) that is 330 KB more to download after brotli and 150–250 ms of
/// one task on a desktop, seconds on a phone, where the first answer needs a few KB. Below it
/// the app starts as the field is touched, as it answers one and two letters too; 1 MiB is
/// about 1,000 synthetic events, or 500 of the shipped file's (docs/performance.md).
pub const SEARCH_FIRST_BYTES: usize = 1 << 20;

/// Whether the pages of a site whose published news file has `news_file_bytes` bytes start
/// search with the first answer (see `SEARCH_FIRST_BYTES`): only with the `light_index`
/// written (publishing leaves out one that would be too large for the archive).
pub fn search_first(news_file_bytes: usize, light_index: bool) -> bool {
    light_index && news_file_bytes >= SEARCH_FIRST_BYTES
}

/// `page` (from `render_page`), marked for the loader to start search with the first answer
/// when `search_first` says so.
pub fn mark_search_first(page: String, search_first: bool) -> String {
    if search_first {
        page.replacen("<html", "<html data-start=\"search\"", 1)
    } else {
        page
    }
}

/// One page to write: the address inside the site and the file a static host serves for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The path below the base, as the router sees it: "/", "/en/events/x".
    pub route: String,
    /// The file below the output folder: "index.html", "en/events/x.html".
    pub file: String,
}

/// The route rendered into `404.html`: no page has it, so the not-found view answers.
pub const NOT_FOUND_ROUTE: &str = "/404";
/// The same in English, `en/404.html`, for unknown addresses under `/en` (hosts that can
/// answer a folder with its own 404 page; see docs/deployment.md).
pub const NOT_FOUND_ROUTE_EN: &str = "/en/404";

/// Every page of the site: the timeline, each event and the accessibility statement in both
/// languages, and the not-found page in both. A path `/a/b` is written as `a/b.html`, the name most
/// static hosts (nginx with `try_files $uri.html`, Netlify, GitHub Pages) serve for it.
pub fn pages(news: &News) -> Vec<Page> {
    let page = |route: &str, file: &str| Page {
        route: route.into(),
        file: file.into(),
    };
    let mut out = vec![
        page("/", "index.html"),
        page("/accessibility", "accessibility.html"),
        page(NOT_FOUND_ROUTE, "404.html"),
    ];
    // A site in one language has its pages at the root alone: an address under `/en` is
    // not found.
    let root = news.catalog.site.root_lang();
    if news.catalog.site.publishes(Lang::En) && root != Lang::En {
        out.extend([
            page("/en", "en.html"),
            page("/en/accessibility", "en/accessibility.html"),
            page(NOT_FOUND_ROUTE_EN, "en/404.html"),
        ]);
    }
    for event in &news.catalog.events {
        for lang in news.catalog.site.published_languages() {
            let route = Paths::new("").with_root(root).event(lang, &event.slug);
            let file = format!("{}.html", route.trim_start_matches('/'));
            out.push(page(&route, &file));
        }
    }
    out
}

/// The files of the timeline's first answer (see `export::search`), as (path below the site,
/// contents): the light index and each event as the timeline lists it, in both languages;
/// with a note for the publisher when the light index was left out (too large for what the
/// archive holds: the app answers search alone then).
pub fn search_files(news: &News, paths: &Paths) -> (Vec<(String, String)>, Option<String>) {
    let (mut files, outcome) =
        crate::export::search::index_files(&news.catalog, crate::pages::timeline::PAGE_SIZE);
    let note = outcome.err().map(|too_large| {
        format!(
            "the light index for the first answer to a search would be {} MB, more than {} times \
             the archive's words ({} MB): it is left out, and search waits for the app (are \
             there many long made-up words in the file?)",
            too_large.bytes / 1_000_000,
            crate::query::light::MAX_GROWTH,
            too_large.words / 1_000_000,
        )
    });
    if note.is_some() {
        return (files, note);
    }
    for number in 0..news.catalog.events.len() {
        for lang in news.catalog.site.published_languages() {
            files.push((
                crate::export::search::entry_path(lang, number),
                crate::pages::timeline::timeline_entry_html(news, paths, number, lang),
            ));
        }
    }
    (files, None)
}

/// Why a page could not be rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrerenderError {
    /// The template lacks one of the marks above.
    Template(&'static str),
}

impl std::fmt::Display for PrerenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PrerenderError::Template(mark) => write!(f, "the page template has no {mark}"),
        }
    }
}

/// One page as a complete HTML document: the template with the page's head tags, `lang` and
/// content filled in.
pub fn render_page(
    template: &str,
    news: &Arc<News>,
    paths: &Paths,
    route: &str,
) -> Result<String, PrerenderError> {
    for mark in [HEAD_MARK, HEAD_END, BODY_START, BODY_END] {
        if !template.contains(mark) {
            return Err(PrerenderError::Template(mark));
        }
    }
    let owner = Owner::new();
    let (body, meta) = owner.with(|| {
        let url = format!("{}{}", paths.base, route);
        provide_context(RequestUrl::new(&url));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let paths = paths.clone().with_root(news.catalog.site.root_lang());
        let news = Ok(news.clone());
        let body = view! { <App news paths/> }.to_html();
        (body, output)
    });
    let share = crate::export::share::card_for_route(&news.catalog, route)
        .map(|card| crate::export::share::card_html(&card))
        .unwrap_or_default();
    let document =
        fill_template(template, route, &share, &body).ok_or(PrerenderError::Template("<html>"))?;
    // leptos_meta waits one executor tick before it fills the head; a second call finds the
    // executor in place, which is fine.
    let _ = any_spawner::Executor::init_futures_executor();
    // One chunk holds the whole document, so the stream ends at once.
    let page = futures::executor::block_on(async move {
        use futures::StreamExt;
        let stream = meta
            .inject_meta_context(futures::stream::iter([document]))
            .await;
        stream.collect::<Vec<String>>().await.concat()
    });
    drop(owner);
    Ok(escape_title(page))
}

/// leptos_meta (0.8.7) writes the title into `<title>` as it is: a title from the data with
/// `&` would read differently than in the app, and one with `</title>` would end the element
/// and turn the rest into markup. The title is the last thing it writes before `HEAD_END`,
/// and nothing else in the page can hold a raw `</title>`, so its text is the span up to the
/// last `</title>` before that mark.
fn escape_title(page: String) -> String {
    const OPEN: &str = "<title>";
    let close_mark = format!("</title>{HEAD_END}");
    let Some(head) = page.find(HEAD_MARK) else {
        return page;
    };
    let (Some(open), Some(close)) = (page[head..].find(OPEN), page.rfind(&close_mark)) else {
        return page;
    };
    let from = head + open + OPEN.len();
    if close < from {
        return page;
    }
    let mut out = String::with_capacity(page.len() + 16);
    out.push_str(&page[..from]);
    out.push_str(&escape(&page[from..close]));
    out.push_str(&page[close..]);
    out
}

/// The template with the page's content between the body marks and its route on `<html>`.
/// A page rendered earlier works as a template too: its head tags, content, `lang` and route
/// give way to the new page's (the benchmark renders made-up archives into a built site).
fn fill_template(template: &str, route: &str, share: &str, body: &str) -> Option<String> {
    let html_at = template.find("<html")?;
    let html_end = html_at + template[html_at..].find('>')? + 1;
    let (head, after_head) = around(&template[html_end..], HEAD_MARK, HEAD_END)?;
    // The shared-link card sits before the app's head tags, where the loader leaves it: a
    // page used as the template gives its card way too.
    let head = match around(head, SHARE_START, SHARE_END) {
        Some((before, after)) => format!("{before}{after}"),
        None => head.to_owned(),
    };
    let (body_before, tail) = around(after_head, BODY_START, BODY_END)?;
    // The loader compares the route with the address to see whether the HTML is what was
    // asked for; leptos_meta adds `lang` and fills the head between the marks. Routes come
    // from slugs in the data: escaped, so none can leave the attribute.
    let route = escape(route);
    Some(format!(
        "{}<html data-route=\"{route}\">{head}{SHARE_START}{share}{SHARE_END}{HEAD_MARK}{HEAD_END}{body_before}{BODY_START}{body}{BODY_END}{tail}",
        &template[..html_at]
    ))
}

/// The text before the first `start` and after the `end` that follows it.
fn around<'a>(text: &'a str, start: &str, end: &str) -> Option<(&'a str, &'a str)> {
    let from = text.find(start)?;
    let to = from + text[from..].find(end)?;
    Some((&text[..from], &text[to + end.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!doctype html><html><head><meta charset=utf-8><!--HEAD--><!--/HEAD--></head><body><p hidden>boot</p><!--static--><p>loading</p><!--/static--></body></html>";

    fn news() -> Arc<News> {
        crate::api::news_from_text(include_str!("../public/data/news.json")).unwrap()
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn a_large_archive_marks_its_pages_to_start_search_with_the_first_answer() {
        assert!(!search_first(SEARCH_FIRST_BYTES - 1, true));
        assert!(search_first(SEARCH_FIRST_BYTES, true));
        assert!(
            !search_first(SEARCH_FIRST_BYTES, false),
            "not without the light index"
        );
        let news = news();
        let page = render_page(TEMPLATE, &news, &Paths::new(""), "/").unwrap();
        assert_eq!(mark_search_first(page.clone(), false), page);
        let marked = mark_search_first(page.clone(), true);
        assert!(marked.starts_with(
            "<!doctype html><html data-start=\"search\" lang=\"bg\" data-route=\"/\">"
        ));
        assert_eq!(marked.replacen(" data-start=\"search\"", "", 1), page);
        // A marked page drawn into again, as the benchmark does, says what the new file asks.
        let again = render_page(&marked, &news, &Paths::new(""), "/").unwrap();
        assert_eq!(again, page);
    }

    #[test]
    fn the_statement_gives_the_files_e_mail_telephone_and_enforcement_body() {
        let mut news = news();
        let statement = |news: &Arc<crate::api::News>| {
            render_page(TEMPLATE, news, &Paths::new(""), "/accessibility").unwrap()
        };
        assert!(
            !statement(&news).contains("mailto:"),
            "none without the fields"
        );
        let site = &mut Arc::get_mut(&mut news).unwrap().catalog.site;
        site.contact_email = Some("office@example.org".into());
        site.contact_phone = Some("+359 2 123 4567".into());
        site.enforcement = Some(crate::model::Link {
            label: crate::model::Text::new("Агенцията", "The agency"),
            url: Some("https://agency.example.org/".into()),
        });
        let page = statement(&news);
        assert!(page.contains(r#"<li>Електронна поща: <a href="mailto:office@example.org">office@example.org</a></li>"#), "{page}");
        assert!(
            page.contains(r#"<li>Телефон: <a href="tel:+35921234567">+359 2 123 4567</a></li>"#)
        );
        assert!(page.contains(r#"<p><a href="https://agency.example.org/">Агенцията</a></p>"#));
    }

    #[test]
    fn an_event_page_says_where_with_the_venue_and_its_street_address() {
        let news =
            crate::api::news_from_text(include_str!("../tests/fixtures/second-project/news.json"))
                .unwrap();
        let page = |route: &str| render_page(TEMPLATE, &news, &Paths::new(""), route).unwrap();
        let bg = page("/events/thematic-seminar-museums-florence-2017");
        assert!(
            bg.contains(r#"<span class="event__venue"><span>Палацо Фенци</span></span><span class="event__place"><span>ул. „Сан Гало“ 10</span></span><span class="event__place">Флоренция, Италия</span>"#),
            "{bg}"
        );
        let en = page("/en/events/thematic-seminar-museums-florence-2017");
        assert!(
            en.contains(r#"<span class="event__place"><span>Via San Gallo 10</span></span>"#),
            "{en}"
        );
    }

    #[test]
    fn the_statement_names_text_in_the_other_language_only_when_a_page_shows_some() {
        let told = ["title", "summary", "body", "opened_by"];
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../tests/fixtures/second-project/news.json"))
                .unwrap();
        // Every text told in both languages…
        for event in file["events"].as_array_mut().unwrap() {
            for field in told {
                if let Some(text) = event.get_mut(field).and_then(|t| t.as_object_mut()) {
                    let either = text.values().find_map(|v| v.as_str()).unwrap().to_owned();
                    for lang in ["bg", "en"] {
                        text.entry(lang).or_insert(either.clone().into());
                    }
                }
            }
        }
        let says = |file: &serde_json::Value, lang: Lang| {
            let news = crate::api::news_from_text(&file.to_string()).unwrap();
            let route = if lang == Lang::En {
                "/en/accessibility"
            } else {
                "/accessibility"
            };
            let html = render_page(TEMPLATE, &news, &Paths::new(""), route).unwrap();
            let u = crate::i18n::ui(lang);
            match (
                html.contains(u.a11y_limits),
                html.contains(u.a11y_no_limits),
            ) {
                (true, false) => "limits",
                (false, true) => "none",
                other => panic!("{other:?}"),
            }
        };
        assert_eq!(says(&file, Lang::Bg), "none");
        assert_eq!(says(&file, Lang::En), "none");
        // …then one summary in Bulgarian alone: the English page has a limitation.
        file["events"][0]["summary"]
            .as_object_mut()
            .unwrap()
            .remove("en");
        assert_eq!(says(&file, Lang::Bg), "none");
        assert_eq!(says(&file, Lang::En), "limits");
    }

    #[test]
    fn the_timeline_is_rendered_with_its_events_head_and_route() {
        let news = news();
        let html = render_page(TEMPLATE, &news, &Paths::new(""), "/").unwrap();
        assert!(
            html.starts_with("<!doctype html><html lang=\"bg\" data-route=\"/\">"),
            "{html}"
        );
        let title = format!(
            "<title>{} | {}</title><!--/HEAD-->",
            crate::i18n::ui(Lang::Bg).timeline_title,
            news.catalog.site.project.acronym
        );
        assert!(html.contains(&title), "{html}");
        assert!(
            !html.contains("<p>loading</p>"),
            "the template's placeholder gives way"
        );
        assert!(
            html.contains("<p hidden>boot</p>"),
            "the rest of the template stays"
        );
        assert_eq!(count(&html, "<article"), news.catalog.events.len());
        assert!(
            html.contains(r#"<input id="search""#),
            "the filter bar is there"
        );
    }

    #[test]
    fn a_filter_the_archive_has_no_value_of_is_left_out() {
        // A project whose events name no organisation and no topic.
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        for event in file["events"].as_array_mut().unwrap() {
            let event = event.as_object_mut().unwrap();
            event.remove("topics");
            event.remove("host");
            event.remove("delegates");
            if let Some(p) = event
                .get_mut("participants")
                .and_then(|p| p.as_object_mut())
            {
                p.remove("organisations");
                p.remove("lead_partner");
            }
        }
        let news = crate::api::news_from_text(&file.to_string()).unwrap();
        let html = render_page(TEMPLATE, &news, &Paths::new(""), "/").unwrap();
        assert!(html.contains("facet facet--city"), "the cities stay");
        assert!(!html.contains("facet--topic"), "no topic group");
        assert!(!html.contains("facet--org"), "no organisation group");
        // The shipped file has all five.
        let full = render_page(TEMPLATE, &self::news(), &Paths::new(""), "/").unwrap();
        assert!(full.contains("facet--topic") && full.contains("facet--org"));
    }

    #[test]
    fn a_long_summary_is_shortened_in_the_pages_description_only() {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        let long = "Думи за срещата, ".repeat(40);
        file["events"][0]["summary"]["bg"] = long.clone().into();
        let slug = file["events"][0]["slug"].as_str().unwrap().to_owned();
        let news = crate::api::news_from_text(&file.to_string()).unwrap();
        let html =
            render_page(TEMPLATE, &news, &Paths::new(""), &format!("/events/{slug}")).unwrap();
        let content = |name: &str| {
            let at = html
                .find(name)
                .unwrap_or_else(|| panic!("{name} in {html}"));
            let rest = &html[at..];
            let start = rest.find("content=\"").unwrap() + 9;
            rest[start..start + rest[start..].find('"').unwrap()].to_owned()
        };
        for name in ["name=\"description\"", "property=\"og:description\""] {
            let description = content(name);
            assert!(
                description.chars().count() <= crate::text::DESCRIPTION_CHARS,
                "{description}"
            );
            // Cut after a whole word of the summary.
            let head = description
                .strip_suffix('…')
                .unwrap_or_else(|| panic!("{description}"));
            let after = long
                .strip_prefix(head)
                .unwrap_or_else(|| panic!("{description}"));
            assert!(after.starts_with([' ', ',']), "{name}: {description}");
        }
        // The page itself says it all.
        assert!(html.contains(long.trim()), "the whole summary on the page");
    }

    #[test]
    fn month_headings_are_capitalised_and_a_year_alone_says_so() {
        let news = news();
        let html = render_page(TEMPLATE, &news, &Paths::new(""), "/").unwrap();
        let heading = r#"<h3 class="timeline-month__title">"#;
        assert!(html.contains(&format!("{heading}Ноември 2022")), "{html}");
        assert!(!html.contains(&format!("{heading}ноември")), "{html}");
        // The shipped file has an event known only to its year.
        assert!(
            html.contains(&format!("{heading}Без уточнен месец</h3>")),
            "{html}"
        );
        let html = render_page(TEMPLATE, &news, &Paths::new(""), "/en").unwrap();
        assert!(
            html.contains(&format!("{heading}Month not given</h3>")),
            "{html}"
        );
    }

    #[test]
    fn an_event_page_in_english_under_a_sub_path() {
        let news = news();
        let paths = Paths::new("/projects/cityxchange/");
        let route = "/en/events/consortium-meeting-pisek-2022";
        let html = render_page(TEMPLATE, &news, &paths, route).unwrap();
        assert!(
            html.contains(&format!("lang=\"en\" data-route=\"{route}\"")),
            "{html}"
        );
        assert!(html.contains("class=\"event__title\""));
        assert!(html.contains("application/ld+json"));
        assert!(
            html.contains(r#"href="/projects/cityxchange/en""#),
            "links carry the base"
        );
    }

    /// The language switch and the skip link are made from the address: one whose path
    /// starts with two slashes must not give an `href` that a browser reads as another host.
    #[test]
    fn addresses_with_doubled_slashes_give_no_off_site_links() {
        for route in [
            "/en//evil.example/x",
            "//evil.example/x",
            "/en/\\evil.example/x",
        ] {
            let html = render_page(TEMPLATE, &news(), &Paths::new(""), route).unwrap();
            assert!(html.contains("class=\"lang-switch\""), "{html}");
            assert!(html.contains("class=\"skip-link\""), "{html}");
            for (at, _) in html.match_indices("href=\"") {
                let value = &html[at + 6..];
                assert!(
                    !value.starts_with("//") && !value.starts_with("/\\"),
                    "{route}: {}",
                    &value[..value.len().min(60)]
                );
            }
        }
    }

    #[test]
    fn unknown_routes_render_the_not_found_page() {
        let html = render_page(TEMPLATE, &news(), &Paths::new(""), NOT_FOUND_ROUTE).unwrap();
        assert!(html.contains("Страницата не е намерена"), "{html}");
        let html = render_page(TEMPLATE, &news(), &Paths::new(""), NOT_FOUND_ROUTE_EN).unwrap();
        assert!(html.contains("lang=\"en\""), "{html}");
        assert!(
            !html.contains("Страницата не е намерена"),
            "in English: {html}"
        );
    }

    #[test]
    fn a_rendered_page_can_serve_as_the_template_again() {
        let news = news();
        let paths = Paths::new("");
        let first = render_page(TEMPLATE, &news, &paths, "/en").unwrap();
        let again = render_page(&first, &news, &paths, "/").unwrap();
        assert_eq!(again, render_page(TEMPLATE, &news, &paths, "/").unwrap());
        assert_eq!(count(&again, SHARE_START), 1);
        assert_eq!(count(&again, r#"property="og:url""#), 1);
    }

    #[test]
    fn pages_carry_their_shared_link_card_outside_the_app_head_tags() {
        let news = news();
        let route = "/en/events/consortium-meeting-pisek-2022";
        let html = render_page(TEMPLATE, &news, &Paths::new(""), route).unwrap();
        let card = &html[html.find(SHARE_START).unwrap()..html.find(SHARE_END).unwrap()];
        let url = format!(
            r#"<meta property="og:url" content="{}en/events/consortium-meeting-pisek-2022">"#,
            crate::export::urls::with_slash(&news.catalog.site.canonical_url)
        );
        assert!(card.contains(&url), "{card}");
        assert!(card.contains(r#"<meta property="og:type" content="article">"#));
        assert!(html.find(SHARE_END).unwrap() < html.find(HEAD_MARK).unwrap());
        let missing = render_page(TEMPLATE, &news, &Paths::new(""), NOT_FOUND_ROUTE).unwrap();
        assert!(!missing.contains("og:"), "the not-found page has no card");
    }

    #[test]
    fn a_route_cannot_leave_its_attribute() {
        let route = "/events/x\"><script>alert(1)</script>&";
        let html = render_page(TEMPLATE, &news(), &Paths::new(""), route).unwrap();
        assert!(
            html.contains(
                r#"data-route="/events/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;">"#
            ),
            "{html}"
        );
        assert!(!html.contains("<script>alert"), "{html}");
    }

    /// The shipped news with one event's English title and summary replaced.
    fn news_with_english_text(slug: &str, title: &str, summary: &str) -> Arc<News> {
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        let events = json["events"].as_array_mut().unwrap();
        let event = events.iter_mut().find(|e| e["slug"] == slug).unwrap();
        event["title"]["en"] = title.into();
        event["summary"]["en"] = summary.into();
        crate::api::news_from_text(&json.to_string()).unwrap()
    }

    #[test]
    fn text_from_the_data_is_escaped_in_text_attributes_and_head() {
        let slug = "consortium-meeting-pisek-2022";
        let title = r#"T "q" <b>x</b> & 'a' &amp; </title><script>alert(1)</script>"#;
        let summary = r#"S "q" <i>y</i> & z"#;
        let news = news_with_english_text(slug, title, summary);
        let paths = Paths::new("");
        let event = render_page(TEMPLATE, &news, &paths, &format!("/en/events/{slug}")).unwrap();
        let timeline = render_page(TEMPLATE, &news, &paths, "/en").unwrap();
        for html in [&event, &timeline] {
            for raw in ["<b>x", "<i>y", "<script>alert"] {
                assert!(!html.contains(raw), "`{raw}` came through raw");
            }
        }
        // Text: the heading and the title, which must read as in the app (`&amp;` as written).
        let escaped = "&lt;b&gt;x&lt;/b&gt; &amp; 'a' &amp;amp; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
        assert!(
            event.contains(&format!("T \"q\" {escaped}</h1>"))
                || event.contains(&format!("T &quot;q&quot; {escaped}</h1>")),
            "{event}"
        );
        let title_text = "T &quot;q&quot; &lt;b&gt;x&lt;/b&gt; &amp; &apos;a&apos; &amp;amp; &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;";
        let acronym = &news.catalog.site.project.acronym;
        assert!(
            event.contains(&format!(
                "<title>{title_text} | {acronym}</title>{HEAD_END}"
            )),
            "{event}"
        );
        // Attribute: the description.
        assert!(
            event.contains(r#"content="S &quot;q&quot; &lt;i&gt;y&lt;/i&gt; &amp; z""#),
            "{event}"
        );
        // A data block: nothing in it can close the script element.
        let ld = event.split("application/ld+json\">").nth(1).unwrap();
        let ld = &ld[..ld.find("</script>").unwrap()];
        assert!(!ld.contains('<') && ld.contains(r"\u003cb\u003ex"), "{ld}");
    }

    /// The shipped news with an editor's note holding `mark` on every event.
    fn news_with_notes(mark: &str) -> Arc<News> {
        let mut json: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        for event in json["events"].as_array_mut().unwrap() {
            event["note"] = format!("{mark}: the source gives no day").into();
        }
        crate::api::news_from_text(&json.to_string()).unwrap()
    }

    #[test]
    fn an_editors_note_is_in_no_page_and_no_export() {
        const MARK: &str = "Editors-only-7Q";
        let news = news_with_notes(MARK);
        assert!(
            news.catalog
                .events
                .iter()
                .all(|e| e.note.as_deref().is_some_and(|n| n.contains(MARK))),
            "every event has its note"
        );
        // Calendar lines are folded: a note split over two lines must count too.
        let shows = |text: &str| text.replace("\r\n ", "").contains(MARK);
        let paths = Paths::new("");
        for page in pages(&news) {
            let html = render_page(TEMPLATE, &news, &paths, &page.route).unwrap();
            assert!(!shows(&html), "{} shows a note", page.route);
        }
        let base = news.catalog.site.canonical_url.clone();
        for (file, contents) in crate::export::site_files(&news.catalog, &base) {
            assert!(!shows(&contents), "{file} carries a note");
        }
        for event in &news.catalog.events {
            for lang in Lang::ALL {
                let data = crate::export::event_jsonld(&news.catalog, event, lang, &base);
                assert!(
                    !shows(&data),
                    "the JSON-LD of {} carries a note",
                    event.slug
                );
            }
        }
    }

    #[test]
    fn a_template_without_its_marks_is_refused() {
        let err = render_page("<html><body></body></html>", &news(), &Paths::new(""), "/");
        assert_eq!(err, Err(PrerenderError::Template(HEAD_MARK)));
    }

    #[test]
    fn every_event_gets_a_page_in_both_languages() {
        let news = news();
        let pages = pages(&news);
        assert_eq!(pages.len(), 6 + 2 * news.catalog.events.len());
        assert!(pages.contains(&Page {
            route: "/en/events/consortium-meeting-pisek-2022".into(),
            file: "en/events/consortium-meeting-pisek-2022.html".into(),
        }));
        assert!(pages.iter().any(|p| p.file == "404.html"));
    }

    /// The shipped news with `languages` as given.
    fn in_languages(languages: &[&str]) -> Arc<News> {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        file["site"]["languages"] = languages.to_vec().into();
        crate::api::news_from_text(&file.to_string()).unwrap()
    }

    #[test]
    fn a_site_in_bulgarian_alone_has_no_english_page_file_or_switch() {
        let news = in_languages(&["bg"]);
        let pages = pages(&news);
        assert_eq!(pages.len(), 3 + news.catalog.events.len());
        assert!(
            pages.iter().all(|p| !p.route.starts_with("/en")),
            "{pages:?}"
        );
        let files = crate::export::site_files(&news.catalog, "https://example.org/news/");
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert!(names.contains(&"feed.bg.xml") && names.contains(&"events.ics"));
        assert!(
            !names
                .iter()
                .any(|n| n.contains(".en.") || n.starts_with("en/")),
            "{names:?}"
        );
        let sitemap = &files.iter().find(|(n, _)| n == "sitemap.xml").unwrap().1;
        assert!(
            !sitemap.contains("news/en") && !sitemap.contains("hreflang"),
            "{sitemap}"
        );
        let (search, _) = search_files(&news, &Paths::new(""));
        assert!(search
            .iter()
            .all(|(name, _)| !name.starts_with("search/en/")));
        // The timeline offers no switch to a language the site does not have.
        let html = render_page(TEMPLATE, &news, &Paths::new(""), "/").unwrap();
        assert!(!html.contains("lang-switch"), "no language switch");
        // With both (or a list of none, which the validator warns of), both.
        for both in [&["bg", "en"][..], &[]] {
            let news = in_languages(both);
            assert_eq!(super::pages(&news).len(), 6 + 2 * news.catalog.events.len());
            let html = render_page(TEMPLATE, &news, &Paths::new(""), "/").unwrap();
            assert!(html.contains("lang-switch"));
        }
    }

    #[test]
    fn a_site_in_english_alone_has_english_at_its_root_and_nothing_under_en() {
        let news = in_languages(&["en"]);
        let pages = pages(&news);
        assert_eq!(pages.len(), 3 + news.catalog.events.len());
        assert!(
            pages.iter().all(|p| !p.route.starts_with("/en")),
            "{pages:?}"
        );
        let slug = &news.catalog.events[0].slug;
        assert!(pages
            .iter()
            .any(|p| p.file == format!("events/{slug}.html")));
        let paths = Paths::new("");
        let timeline = render_page(TEMPLATE, &news, &paths, "/").unwrap();
        assert!(
            timeline.contains(r#"<html lang="en""#),
            "the root speaks English"
        );
        let ui = crate::i18n::ui;
        assert!(timeline.contains(ui(Lang::En).timeline_title));
        assert!(!timeline.contains(ui(Lang::Bg).timeline_title));
        assert!(!timeline.contains("lang-switch"), "no language switch");
        assert!(timeline.contains(&format!(r#"href="/events/{slug}""#)));
        assert!(!timeline.contains(r#"href="/en"#), "no link under /en");
        assert!(timeline.contains(r#"<meta property="og:locale" content="en_GB">"#));
        let event = render_page(TEMPLATE, &news, &paths, &format!("/events/{slug}")).unwrap();
        assert!(event.contains(r#"<html lang="en""#));
        assert!(
            event.contains(&format!(r#"href="https://example.org/news/events/{slug}""#))
                || event.contains(&format!("/events/{slug}\""))
        );
        // An address under /en is not found, in English.
        let under_en = render_page(TEMPLATE, &news, &paths, "/en").unwrap();
        assert!(
            under_en.contains(ui(Lang::En).not_found_title),
            "{under_en}"
        );
        let files = crate::export::site_files(&news.catalog, "https://example.org/news/");
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert!(
            names.contains(&"feed.en.xml") && names.contains(&"events.en.ics"),
            "{names:?}"
        );
        assert!(
            !names.contains(&"feed.bg.xml") && !names.contains(&"events.ics"),
            "{names:?}"
        );
        let feed = &files.iter().find(|(n, _)| n == "feed.en.xml").unwrap().1;
        assert!(
            feed.contains(&format!("https://example.org/news/events/{slug}")),
            "{feed}"
        );
        assert!(!feed.contains("news/en"), "{feed}");
        let sitemap = &files.iter().find(|(n, _)| n == "sitemap.xml").unwrap().1;
        assert!(
            !sitemap.contains("news/en") && !sitemap.contains("hreflang"),
            "{sitemap}"
        );
        let (search, _) = search_files(&news, &paths);
        assert!(search
            .iter()
            .all(|(name, _)| !name.starts_with("search/bg/")));
    }

    #[test]
    fn a_host_named_by_its_organisation_is_marked_at_its_city() {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        // An event with a map whose host is given as an organisation of one of its cities.
        let (e, org, city) = (0..file["events"].as_array().unwrap().len())
            .find_map(|e| {
                let event = &file["events"][e];
                let cities = event["participants"]["cities"].as_array()?;
                if cities.len() < 2 {
                    return None;
                }
                file["organisations"].as_array()?.iter().find_map(|o| {
                    let city = o["city"].as_str()?;
                    cities
                        .iter()
                        .any(|c| c == city)
                        .then(|| (e, o["id"].clone(), city.to_owned()))
                })
            })
            .expect("an event whose cities include an organisation's");
        file["events"][e]["host"] = serde_json::json!({ "organisation": org });
        let slug = file["events"][e]["slug"].as_str().unwrap().to_owned();
        let news = crate::api::news_from_text(&file.to_string()).unwrap();
        let paths = Paths::new("");
        let html = render_page(TEMPLATE, &news, &paths, &paths.event(Lang::En, &slug)).unwrap();
        let name = news.catalog.city_name(&city, Lang::En);
        let marker = html
            .split("<g class=\"")
            .find(|m| m.contains(&format!(">{name}<")))
            .unwrap_or_default();
        assert!(
            marker.contains("city-map__marker--host"),
            "{name}: {marker}"
        );
    }

    #[test]
    fn without_a_host_the_venues_city_is_marked_and_the_caption_says_which() {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        // A meeting with a host, and two other of its cities on its map.
        let e = (0..file["events"].as_array().unwrap().len())
            .find(|&e| {
                let event = &file["events"][e];
                event["host"]["city"].is_string()
                    && event["participants"]["cities"]
                        .as_array()
                        .is_some_and(|c| c.len() > 2)
            })
            .expect("a hosted meeting of three cities or more");
        let event = &mut file["events"][e];
        let host = event["host"]["city"].as_str().unwrap().to_owned();
        let venue = event["participants"]["cities"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|c| c.as_str())
            .find(|c| *c != host)
            .unwrap()
            .to_owned();
        event.as_object_mut().unwrap().remove("host");
        event["location"] = serde_json::json!({ "city": venue });
        let slug = event["slug"].as_str().unwrap().to_owned();
        let page = |file: &serde_json::Value| {
            let news = crate::api::news_from_text(&file.to_string()).unwrap();
            let paths = Paths::new("");
            let html = render_page(TEMPLATE, &news, &paths, &paths.event(Lang::En, &slug)).unwrap();
            (html, news)
        };
        let (html, news) = page(&file);
        let marked: Vec<&str> = html
            .split("<g class=\"")
            .filter(|m| m.starts_with("city-map__marker city-map__marker--host"))
            .collect();
        assert_eq!(marked.len(), 1, "{html}");
        let name = news.catalog.city_name(&venue, Lang::En);
        assert!(marked[0].contains(&format!(">{name}<")), "{}", marked[0]);
        assert!(marked[0].contains("(venue)"), "{}", marked[0]);
        assert!(
            html.contains("around them. The event's city is highlighted. The same cities are listed above.</figcaption>"),
            "{html}"
        );
        // Online, nothing is marked and the caption says nothing of it.
        file["events"][e]["location"]["online"] = true.into();
        let (html, _) = page(&file);
        assert!(!html.contains("city-map__marker--host"));
        assert!(!html.contains("highlighted") && html.contains("city-map__caption"));
    }

    #[test]
    fn a_title_in_the_other_language_is_marked_and_said_in_words_on_its_page() {
        let mut file: serde_json::Value =
            serde_json::from_str(include_str!("../public/data/news.json")).unwrap();
        file["events"][0]["title"]
            .as_object_mut()
            .unwrap()
            .remove("en");
        let slug = file["events"][0]["slug"].as_str().unwrap().to_owned();
        let title = file["events"][0]["title"]["bg"]
            .as_str()
            .unwrap()
            .to_owned();
        let news = crate::api::news_from_text(&file.to_string()).unwrap();
        let paths = Paths::new("");
        let html = render_page(TEMPLATE, &news, &paths, &paths.event(Lang::En, &slug)).unwrap();
        assert!(
            html.contains(&format!(
                r#"<span aria-current="page" lang="bg">{title}</span>"#
            )),
            "the trail's last step says its language"
        );
        let h1 = &html[html.find("<h1").unwrap()..];
        let note = r#"<p class="fallback-note">Available in Bulgarian only</p>"#;
        let (note_at, summary_at) = (h1.find(note).unwrap(), h1.find("event__summary").unwrap());
        assert!(h1.contains(r#" lang="bg""#) && note_at < summary_at);
        // The Bulgarian page has nothing to say.
        let bg = render_page(TEMPLATE, &news, &paths, &paths.event(Lang::Bg, &slug)).unwrap();
        assert!(!bg.contains("fallback-note\">"));
    }
}
