//! The whole app mounted in headless Chromium, where no news file can be had: it must show a
//! clear, translated error with a way to retry — never a blank page, never a panic.
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (chromedriver on PATH or
//! `CHROMEDRIVER` set; `webdriver.json` picks the browser).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits for the browser to run timers and network callbacks.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Polls for an element for up to five seconds.
async fn wait_for(root: &HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        pause(50).await;
    }
    panic!(
        "no {selector} after 5 s; the page shows: {}",
        root.text_content().unwrap_or_default()
    );
}

#[wasm_bindgen_test]
async fn app_without_its_news_file_says_so_and_offers_a_retry() {
    let root: HtmlElement = document()
        .create_element("div")
        .unwrap()
        .dyn_into()
        .unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    // As the page's start does: load, then mount with the outcome.
    let paths = project_news::context::Paths::new("");
    let news = project_news::api::fetch_news(paths.asset(project_news::api::NEWS_PATH)).await;
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        leptos::view! { <project_news::app::App news paths/> }
    });

    // The test server has no data/news.json: the app gets a 404.
    let alert = wait_for(&root, ".load-error[role='alert']").await;
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("404"), "the status is named: {text}");
    assert!(
        text.contains("Новините не могат да бъдат показани"),
        "Bulgarian is the default language: {text}"
    );
    assert!(
        alert.query_selector("h1").unwrap().is_some(),
        "the error is the page's heading"
    );
    let retry: HtmlElement = alert
        .query_selector("button.retry")
        .unwrap()
        .expect("a retry button")
        .dyn_into()
        .unwrap();

    // Retrying asks again and, with the file still missing, says so again.
    retry.click();
    pause(50).await;
    let again = wait_for(&root, ".load-error[role='alert']").await;
    assert!(again.text_content().unwrap_or_default().contains("404"));

    // The frame around the page is there whatever happened to the data.
    assert!(root.query_selector("header.site-header").unwrap().is_some());
    assert!(root.query_selector("main#main").unwrap().is_some());
    assert!(root.query_selector("footer.site-footer").unwrap().is_some());
    assert!(root
        .query_selector("a.skip-link[href$='#main']")
        .unwrap()
        .is_some());
}
