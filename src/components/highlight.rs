//! Text with the words of the current search marked.

use std::sync::Arc;

use leptos::prelude::*;

use crate::query::highlight;

#[component]
pub fn Highlighted(text: String, #[prop(optional)] terms: Arc<Vec<String>>) -> impl IntoView {
    if terms.is_empty() {
        return text.into_any();
    }
    highlight(&text, &terms)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
        .into_any()
}
