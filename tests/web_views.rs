//! Views mounted in a real browser: what they put in the DOM, and what they never do. What a
//! view draws is tested natively on the tree it returns (`components::*::tests`); here the
//! tree becomes DOM nodes, as in the app.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use project_news::api::{news_from_text, News};
use project_news::components::body_text::body_text;
use project_news::components::event_card::event_card;
use project_news::components::static_tree::Node;
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

/// Where the DOM under `dom` differs from `tree` (tag, attributes as a set, text, children
/// in order; comments left out), or `None`.
fn difference(dom: &web_sys::Node, tree: &Node) -> Option<String> {
    match tree {
        Node::Text(text) => {
            let found = (dom.node_type() == web_sys::Node::TEXT_NODE)
                .then(|| dom.text_content())
                .flatten();
            (found.as_deref() != Some(text.as_str())).then(|| format!("text {text:?}: {found:?}"))
        }
        Node::Element {
            tag,
            attrs,
            children,
            ..
        } => {
            let Some(element) = dom.dyn_ref::<web_sys::Element>() else {
                return Some(format!("<{tag}>: not an element"));
            };
            if element.local_name() != *tag {
                return Some(format!("<{tag}>: <{}>", element.local_name()));
            }
            let names = element.get_attribute_names();
            if names.length() as usize != attrs.len() {
                return Some(format!(
                    "<{tag}>: {} attributes, {} wanted",
                    names.length(),
                    attrs.len()
                ));
            }
            for (name, value) in attrs {
                if element.get_attribute(name).as_deref() != Some(value.as_str()) {
                    return Some(format!("<{tag} {name}>: {:?}", element.get_attribute(name)));
                }
            }
            let nodes = dom.child_nodes();
            let kids: Vec<web_sys::Node> = (0..nodes.length())
                .filter_map(|i| nodes.item(i))
                .filter(|n| n.node_type() != web_sys::Node::COMMENT_NODE)
                .collect();
            if kids.len() != children.len() {
                return Some(format!(
                    "<{tag}>: {} children, {} wanted",
                    kids.len(),
                    children.len()
                ));
            }
            kids.iter()
                .zip(children)
                .find_map(|(d, t)| difference(d, t))
        }
    }
}

/// The tree with its first link pointing elsewhere.
fn retarget_first_link(tree: &mut Node) -> bool {
    if let Node::Element {
        tag,
        attrs,
        children,
        ..
    } = tree
    {
        if *tag == "a" {
            if let Some(href) = attrs.iter_mut().find(|(name, _)| *name == "href") {
                href.1.push_str("-elsewhere");
                return true;
            }
        }
        return children.iter_mut().any(retarget_first_link);
    }
    false
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
    let root = container();
    let tree = card();
    let _handle = leptos::mount::mount_to(root.clone(), move || tree.clone());
    // What the browser holds is the tree the publish step writes as HTML: the same elements,
    // attributes (lang, href, aria-*) and text, node for node. Compared in the DOM itself, so
    // no markup is parsed from a string.
    let mounted = root.first_child().expect("the card is mounted");
    assert_eq!(difference(&mounted, &card()), None);
    // The comparison tells a changed address apart.
    let mut changed = card();
    retarget_first_link(&mut changed);
    assert!(difference(&mounted, &changed).is_some());
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
