//! The three states of loaded news — loading, failed, loaded — shown the same way everywhere.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{LoadError, News};
use crate::components::static_tree::{el, Node};
use crate::context::use_news;
use crate::i18n::{plural, ui};
use crate::model::{FatalError, Lang};

/// The news once it has loaded, for views that add to a page what the file says (titles).
fn loaded_news() -> impl Fn() -> Option<Arc<News>> + Send + Sync + Copy + 'static {
    let resource = use_news();
    move || resource.and_then(|r| r.get()).and_then(Result::ok)
}

/// A page's `<title>`: its own name, then the project's acronym once the news is there.
pub fn page_title(text: &'static str) -> impl Fn() -> String + Send + Sync + 'static {
    let news = loaded_news();
    move || match news() {
        Some(news) => format!("{text} | {}", news.catalog.site.project.acronym),
        None => text.to_owned(),
    }
}

/// A text composed from the news file (empty until the news is there).
pub fn site_text(
    lang: Lang,
    compose: fn(&crate::model::Catalog, Lang) -> String,
) -> impl Fn() -> String + Send + Sync + 'static {
    let news = loaded_news();
    move || {
        news()
            .map(|n| compose(&n.catalog, lang))
            .unwrap_or_default()
    }
}

/// Renders `content` with the news once loaded; a status message while loading; a clear
/// error with a retry button when loading failed. `page_heading` says whether the error is
/// the page's only heading (an `h1`) or sits below the page's own `h1`.
pub fn with_news<V, F>(lang: Lang, page_heading: bool, content: F) -> impl IntoView
where
    V: IntoView + 'static,
    F: Fn(Arc<News>) -> V + Send + Sync + 'static,
{
    let resource = use_news();
    move || {
        let Some(resource) = resource else {
            return loading(lang).into_any();
        };
        match resource.get() {
            None => loading(lang).into_any(),
            Some(Err(error)) => {
                let retry = move |_| resource.refetch();
                view! { <LoadFailure lang=lang error=error on_retry=retry page_heading/> }
                    .into_any()
            }
            Some(Ok(news)) => {
                let dropped = news.catalog.dropped_entries();
                view! {
                    {dropped_notice(lang, dropped)}
                    {content(news)}
                }
                .into_any()
            }
        }
    }
}

fn loading(lang: Lang) -> Node {
    el("p")
        .attr("class", "load-state load-state--loading")
        .attr("role", "status")
        .child(
            el("span")
                .attr("class", "load-state__spinner")
                .attr("aria-hidden", "true"),
        )
        .text(ui(lang).loading)
}

/// What went wrong, in the visitor's words.
pub fn describe_error(lang: Lang, error: &LoadError) -> String {
    let u = ui(lang);
    match error {
        LoadError::Network(_) => u.error_network.to_owned(),
        LoadError::Http(status) => format!("{} ({status}).", u.error_http),
        LoadError::ContentType(kind) if kind.is_empty() => format!("{}.", u.error_content_type),
        LoadError::ContentType(kind) => format!("{} ({kind}).", u.error_content_type),
        LoadError::Malformed(FatalError::Syntax { line, column, .. }) => {
            format!("{} ({line}:{column}).", u.error_malformed)
        }
        LoadError::Malformed(_) => format!("{}.", u.error_malformed),
    }
}

#[component]
fn LoadFailure(
    lang: Lang,
    error: LoadError,
    on_retry: impl Fn(leptos::ev::MouseEvent) + 'static,
    page_heading: bool,
) -> impl IntoView {
    let u = ui(lang);
    let title = if page_heading { el("h1") } else { el("h2") }
        .attr("id", "load-error-title")
        .attr("class", "load-error__title")
        .attr_opt("tabindex", page_heading.then_some("-1"));
    let text = [
        title.text(u.error_title),
        el("p")
            .attr("class", "load-error__what")
            .text(describe_error(lang, &error)),
        el("p")
            .attr("class", "load-error__advice")
            .text(u.error_advice),
    ];
    // Only the button needs a view of its own, for its click handler.
    view! {
        <section class="load-error" role="alert" aria-labelledby="load-error-title">
            {text}
            <button type="button" class="button retry" on:click=on_retry>{u.retry}</button>
        </section>
    }
}

fn dropped_notice(lang: Lang, count: usize) -> Option<Node> {
    let u = ui(lang);
    (count > 0).then(|| {
        el("p")
            .attr("class", "load-notice")
            .attr("role", "note")
            .text(format!(
                "{count} {}",
                plural(count, u.notice_dropped_one, u.notice_dropped_other)
            ))
    })
}
