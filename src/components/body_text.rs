//! The body text of an event: paragraphs with the tiny markup, always as text nodes.

use crate::components::static_tree::{el, text, Node};
use crate::context::Paths;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_never_becomes_markup_and_unsafe_links_stay_text() {
        let source = "<script>window.hacked = 1</script> <img src=x onerror=alert(1)>\n\n\
                      [click](javascript:alert(1)) and [safe](https://example.org/) **bold**";
        let node = body_text(source, None, &Paths::new(""), Lang::Bg);
        assert!(node.select("script", None).is_empty());
        assert!(node.select("img", None).is_empty());
        let links: Vec<_> = node
            .select("a", None)
            .iter()
            .map(|a| a.get("href"))
            .collect();
        assert_eq!(links, [Some("https://example.org/")]);
        assert_eq!(node.select("p", None).len(), 2);
        assert_eq!(node.select("strong", None).len(), 1);
        assert!(node
            .text_content()
            .contains("<script>window.hacked = 1</script>"));
    }
}
