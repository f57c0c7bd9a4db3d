//! The three states of loaded news — loading, failed, loaded — shown the same way everywhere.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{LoadError, News};
use crate::app::use_news;
use crate::i18n::{plural, ui};
use crate::model::{FatalError, Lang};

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
            return view! { <Loading lang=lang/> }.into_any();
        };
        match resource.0.get() {
            None => view! { <Loading lang=lang/> }.into_any(),
            Some(Err(error)) => {
                let retry = move |_| resource.0.refetch();
                view! { <LoadFailure lang=lang error=error on_retry=retry page_heading/> }
                    .into_any()
            }
            Some(Ok(news)) => {
                let dropped = news.catalog.dropped_entries();
                view! {
                    <DroppedNotice lang=lang count=dropped/>
                    {content(news)}
                }
                .into_any()
            }
        }
    }
}

#[component]
fn Loading(lang: Lang) -> impl IntoView {
    view! {
        <p class="load-state load-state--loading" role="status">
            <span class="load-state__spinner" aria-hidden="true"></span>
            {ui(lang).loading}
        </p>
    }
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
    let title = if page_heading {
        view! { <h1 id="load-error-title" class="load-error__title" tabindex="-1">{u.error_title}</h1> }.into_any()
    } else {
        view! { <h2 id="load-error-title" class="load-error__title">{u.error_title}</h2> }
            .into_any()
    };
    view! {
        <section class="load-error" role="alert" aria-labelledby="load-error-title">
            {title}
            <p class="load-error__what">{describe_error(lang, &error)}</p>
            <p class="load-error__advice">{u.error_advice}</p>
            <button type="button" class="button retry" on:click=on_retry>{u.retry}</button>
        </section>
    }
}

#[component]
fn DroppedNotice(lang: Lang, count: usize) -> impl IntoView {
    let u = ui(lang);
    (count > 0).then(|| {
        view! {
            <p class="load-notice" role="note">
                {format!("{count} {}", plural(count, u.notice_dropped_one, u.notice_dropped_other))}
            </p>
        }
    })
}
