//! Browser tests: views mounted into a real DOM in headless Chromium.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (chromedriver on PATH or
//! `CHROMEDRIVER` set; `webdriver.json` picks the browser).
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh, attached container per test, so tests cannot see each other's DOM.
fn fresh_container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document
        .create_element("div")
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

fn text_of(el: &HtmlElement, selector: &str) -> String {
    el.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn mounted_view_renders_its_text_into_the_container() {
    let container = fresh_container();
    let handle = mount_to(container.clone(), || {
        view! { <p class="greeting">"Община Смолян"</p> }
    });

    assert_eq!(text_of(&container, "p.greeting"), "Община Смолян");

    drop(handle);
    assert!(
        container.query_selector("p.greeting").unwrap().is_none(),
        "dropping the handle unmounts the view"
    );
}

#[wasm_bindgen_test]
async fn clicking_a_button_updates_the_rendered_count() {
    let container = fresh_container();
    let _handle = mount_to(container.clone(), || {
        let count = RwSignal::new(0);
        view! {
            <button on:click=move |_| count.update(|n| *n += 1)>"+1"</button>
            <output>{move || count.get()}</output>
        }
    });
    assert_eq!(text_of(&container, "output"), "0");

    let button = container
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap();
    button.click();
    button.click();
    // Effects run on the async executor: let it drain before reading the DOM.
    leptos::task::tick().await;

    assert_eq!(text_of(&container, "output"), "2");
}
