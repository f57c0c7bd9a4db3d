//! Views mounted in a real browser: what they put in the DOM, and what they never do.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use project_news::api::{news_from_text, News};
use project_news::components::body_text::BodyText;
use project_news::components::event_card::EventCard;
use project_news::i18n::{country_name, format_range};
use project_news::model::{Lang, PartialDate};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NEWS: &str = include_str!("../public/data/news.json");

fn news() -> Arc<News> {
    news_from_text(NEWS).expect("the shipped news file loads")
}

/// A fresh element to mount into, so tests do not see each other's output.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().dyn_into().unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn body_text_never_turns_data_into_markup() {
    let root = container();
    let text = "<script>window.hacked = 1</script> <img src=x onerror=alert(1)>\n\n\
                [click](javascript:alert(1)) and [safe](https://example.org/) **bold**"
        .to_owned();
    let _handle = leptos::mount::mount_to(
        root.clone(),
        move || view! { <BodyText text=text.clone()/> },
    );
    assert!(
        root.query_selector("script").unwrap().is_none(),
        "no script element"
    );
    assert!(
        root.query_selector("img").unwrap().is_none(),
        "no img element"
    );
    assert!(
        root.query_selector("a[href^='javascript']")
            .unwrap()
            .is_none(),
        "no script link"
    );
    let safe = root
        .query_selector("a[href='https://example.org/']")
        .unwrap();
    assert!(safe.is_some(), "safe links stay links");
    assert_eq!(root.query_selector_all("p").unwrap().length(), 2);
    assert!(root
        .text_content()
        .unwrap()
        .contains("<script>window.hacked = 1</script>"));
    assert!(root.query_selector("strong").unwrap().is_some());
}

#[wasm_bindgen_test]
fn event_card_links_to_the_event_and_formats_its_dates() {
    let news = news();
    let index = news
        .catalog
        .event_index("consortium-meeting-pisek-2022")
        .unwrap();
    let root = container();
    let card_news = news.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCard news=card_news.clone() index=index lang=Lang::Bg heading_level=4/> }
    });
    let link = root
        .query_selector("h4.timeline-entry__title a")
        .unwrap()
        .expect("title link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/events/consortium-meeting-pisek-2022")
    );
    let date = root.query_selector("time").unwrap().unwrap();
    assert_eq!(
        date.get_attribute("datetime").as_deref(),
        Some("2022-11-10")
    );
    assert_eq!(
        date.text_content().unwrap(),
        "10–11\u{a0}ноември 2022\u{a0}г."
    );
    let cities = root.query_selector_all(".city-label").unwrap().length();
    assert_eq!(cities, 7, "all seven project cities are labelled");
    // Each city is a link to the timeline of its events.
    let first = root.query_selector("a.city-label").unwrap().unwrap();
    let href = first.get_attribute("href").unwrap();
    assert!(href.starts_with("/?city="), "{href}");
}

#[wasm_bindgen_test]
fn english_card_speaks_english() {
    let news = news();
    let index = news
        .catalog
        .event_index("consortium-meeting-pisek-2022")
        .unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCard news=news.clone() index=index lang=Lang::En/> }
    });
    let text = root.text_content().unwrap();
    assert!(text.contains("10–11\u{a0}November 2022"), "{text}");
    assert!(text.contains("Czechia"), "{text}");
}

#[wasm_bindgen_test]
fn latin_search_words_are_marked_in_cyrillic_text() {
    let news = news();
    let index = news
        .catalog
        .event_index("consortium-meeting-pisek-2022")
        .unwrap();
    let root = container();
    let terms = Arc::new(vec!["pisek".to_owned()]);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCard news=news.clone() index=index lang=Lang::Bg terms=terms.clone()/> }
    });
    let marks = root.query_selector_all("mark").unwrap();
    assert!(marks.length() >= 2, "title and summary name Писек");
    for i in 0..marks.length() {
        let text = marks.get(i).unwrap().text_content().unwrap();
        assert_eq!(text, "Писек", "only the matched word is marked");
    }
    let title = root
        .query_selector(".timeline-entry__title a")
        .unwrap()
        .unwrap();
    assert!(
        title.query_selector("mark").unwrap().is_some(),
        "the title's match is marked"
    );
}

#[wasm_bindgen_test]
fn dates_read_in_the_browser_as_on_the_prerendered_page() {
    let d = PartialDate::ymd;
    assert_eq!(
        format_range(d(2022, 11, 10), Some(d(2022, 11, 11)), Lang::Bg, false),
        "10–11\u{a0}ноември 2022\u{a0}г."
    );
    assert_eq!(
        format_range(d(2022, 11, 10), Some(d(2022, 11, 11)), Lang::En, false),
        "10–11\u{a0}November 2022"
    );
    assert_eq!(
        format_range(PartialDate::ym(2018, 11), None, Lang::Bg, false),
        "ноември 2018\u{a0}г."
    );
    assert_eq!(
        format_range(d(2022, 11, 10), Some(d(2022, 11, 11)), Lang::Bg, true),
        "четвъртък и петък, 10–11\u{a0}ноември 2022\u{a0}г."
    );
    assert_eq!(country_name("CZ", Lang::Bg), "Чехия");
    assert_eq!(country_name("EE", Lang::En), "Estonia");
}

#[wasm_bindgen_test]
fn photos_are_lazy_sized_and_described() {
    use project_news::components::event_sections::Photos;
    use project_news::model::{testing::image, Text};
    let news = news();
    let mut event = news
        .catalog
        .event("consortium-meeting-pisek-2022")
        .unwrap()
        .clone();
    let alt = Text::new(
        "Залата на библиотеката в Писек",
        "The library hall in Písek",
    );
    let mut photo = image("images/pisek-library.jpg", alt);
    photo.caption = Some(Text::new("Първият ден", "The first day"));
    photo.credit = Some("Община Писек".into());
    event.images = vec![photo];
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <Photos event=event.clone() lang=Lang::En/> }
    });
    let img = root
        .query_selector("figure img")
        .unwrap()
        .expect("an img in a figure");
    assert_eq!(
        img.get_attribute("alt").as_deref(),
        Some("The library hall in Písek")
    );
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("800"));
    assert_eq!(img.get_attribute("height").as_deref(), Some("600"));
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("/images/pisek-library.jpg")
    );
    let caption = root
        .query_selector("figcaption")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        caption.contains("The first day") && caption.contains("Община Писек"),
        "{caption}"
    );
}

#[wasm_bindgen_test]
fn a_name_shown_in_the_other_language_says_its_language() {
    let mut catalog = news().catalog.clone();
    let pisek = catalog.cities.iter_mut().find(|c| c.id == "pisek").unwrap();
    pisek.name.en = None;
    let index = project_news::query::SearchIndex::new(&catalog);
    let news = Arc::new(News { catalog, index });
    let event = news
        .catalog
        .event_index("consortium-meeting-pisek-2022")
        .unwrap();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <EventCard news=news.clone() index=event lang=Lang::En/> }
    });
    let labels = root.query_selector_all(".city-label").unwrap();
    let mut marked = Vec::new();
    for i in 0..labels.length() {
        let el: web_sys::Element = labels.get(i).unwrap().dyn_into().unwrap();
        if let Some(lang) = el.get_attribute("lang") {
            marked.push((el.text_content().unwrap(), lang));
        }
    }
    assert_eq!(marked, vec![("Писек".to_owned(), "bg".to_owned())]);
}
