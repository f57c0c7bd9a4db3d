//! Views mounted in a real browser: what they put in the DOM, and what they never do. What a
//! view draws is tested natively on the tree it returns (`components::*::tests`); here the
//! tree becomes DOM nodes, as in the app.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use project_news::api::{news_from_text, News};
use project_news::components::body_text::body_text;
use project_news::components::event_card::event_card;
use project_news::context::Paths;
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
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        body_text(&text, None, &Paths::new(""), Lang::Bg)
    });
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
fn a_card_in_the_dom_is_the_card_on_the_prerendered_page() {
    let news = news();
    let index = news
        .catalog
        .event_index("consortium-meeting-pisek-2022")
        .unwrap();
    let terms = vec!["pisek".to_owned()];
    let card = || event_card(&news.catalog, &Paths::new(""), index, Lang::Bg, &terms, 4).unwrap();
    let mut html = String::new();
    card().write_html(&mut html);
    let root = container();
    let tree = card();
    let _handle = leptos::mount::mount_to(root.clone(), move || tree.clone());
    // What was built is what the browser makes of the HTML the publish step writes: the same
    // elements, attributes (lang, href, aria-*) and text, node for node.
    let parsed = container();
    parsed.set_inner_html(&html);
    assert!(
        parsed.is_equal_node(Some(&root)),
        "{html}\n{}",
        root.inner_html()
    );
    let other = container();
    other.set_inner_html(&html.replace("city=pisek", "city=x"));
    assert!(
        !other.is_equal_node(Some(&root)),
        "a changed href is told apart"
    );
    assert!(root.query_selector("h4 a mark").unwrap().is_some());
    assert_eq!(
        root.query_selector("time")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "10–11\u{a0}ноември 2022\u{a0}г."
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
