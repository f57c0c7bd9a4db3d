//! The body text of an event: paragraphs with the tiny markup, always as text nodes.

use leptos::prelude::*;

use crate::model::is_safe_url;
use crate::model::markup::{paragraphs, Inline};

fn run_view(run: Inline<'_>) -> AnyView {
    match run {
        Inline::Text(t) => t.to_owned().into_any(),
        Inline::Strong(t) => view! { <strong>{t.to_owned()}</strong> }.into_any(),
        Inline::Emphasis(t) => view! { <em>{t.to_owned()}</em> }.into_any(),
        // The validator already refuses unsafe links; the view checks again so that a file
        // that skipped validation still cannot run script from a link.
        Inline::Link { text, url } if is_safe_url(url) => {
            view! { <a href=url.to_owned()>{text.to_owned()}</a> }.into_any()
        }
        Inline::Link { text, .. } => text.to_owned().into_any(),
    }
}

/// Paragraphs of a body text; `lang` is set when the text is in another language than the page.
#[component]
pub fn BodyText(text: String, #[prop(optional)] lang: Option<&'static str>) -> impl IntoView {
    view! {
        <div class="body-text" lang=lang>
            {paragraphs(&text)
                .into_iter()
                .map(|runs| view! { <p>{runs.into_iter().map(run_view).collect_view()}</p> })
                .collect_view()}
        </div>
    }
}
