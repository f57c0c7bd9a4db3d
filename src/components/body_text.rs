//! The body text of an event: paragraphs with the tiny markup, always as text nodes.

use leptos::prelude::*;

use crate::app::{use_paths, Paths};
use crate::components::static_tree::{el, text, Node};
use crate::model::markup::{paragraphs, Inline};
use crate::model::{is_safe_url, Lang};

fn run_node(run: Inline<'_>, paths: &Paths, page: Lang) -> Node {
    match run {
        Inline::Text(t) => text(t),
        Inline::Strong(t) => el("strong").text(t),
        Inline::Emphasis(t) => el("em").text(t),
        // The validator already refuses unsafe links; the view checks again so that a file
        // that skipped validation still cannot run script from a link.
        Inline::Link { text: t, url } if is_safe_url(url) => {
            el("a").attr("href", paths.data_link(page, url)).text(t)
        }
        Inline::Link { text: t, .. } => text(t),
    }
}

/// Paragraphs of a body text on a page in `page`'s language; `lang` is set when the text is
/// in the other language. Site paths in links get the base path and the page's language.
pub fn body_text(source: &str, lang: Option<&'static str>, paths: &Paths, page: Lang) -> Node {
    el("div")
        .attr("class", "body-text")
        .attr_opt("lang", lang)
        .children(
            paragraphs(source)
                .into_iter()
                .map(|runs| el("p").children(runs.into_iter().map(|r| run_node(r, paths, page)))),
        )
}

/// [`body_text`] as a component.
#[component]
pub fn BodyText(
    text: String,
    #[prop(optional)] lang: Option<&'static str>,
    #[prop(default = Lang::Bg)] page: Lang,
) -> impl IntoView {
    body_text(&text, lang, &use_paths(), page)
}
