//! The trail from the municipality's home page down to the current page.

use leptos::prelude::*;

use crate::components::static_tree::{el, Node};
use crate::i18n::ui;
use crate::model::{Lang, Site};

/// One step of the trail.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// The site's trail (Home › Projects › the project), then the page's own steps; the last
/// step is the current page.
pub fn site_trail(site: &Site, lang: Lang, project_href: String) -> Vec<Crumb> {
    let mut crumbs: Vec<Crumb> = site
        .breadcrumbs
        .iter()
        .map(|link| Crumb {
            label: link.label.get(lang).to_owned(),
            href: link.url.clone(),
        })
        .collect();
    // The project's own step links to this app's timeline, not to the old page.
    match crumbs.last_mut() {
        Some(last) => last.href = Some(project_href),
        None => crumbs.push(Crumb {
            label: site.project.acronym.clone(),
            href: Some(project_href),
        }),
    }
    crumbs
}

/// The trail as a `nav` with an ordered list; the current page is not a link.
pub fn breadcrumbs(lang: Lang, crumbs: Vec<Crumb>, current: String) -> Node {
    let item = || el("li").attr("class", "breadcrumbs__item");
    let steps = crumbs.into_iter().map(|c| match c.href {
        Some(href) => item().child(el("a").attr("href", href).text(c.label)),
        None => item().text(c.label),
    });
    el("nav")
        .attr("class", "breadcrumbs")
        .attr("aria-label", ui(lang).breadcrumb_label)
        .child(
            el("ol")
                .attr("class", "breadcrumbs__list")
                .children(steps)
                .child(item().child(el("span").attr("aria-current", "page").text(current))),
        )
}

/// [`breadcrumbs`] as a component.
#[component]
pub fn Breadcrumbs(lang: Lang, crumbs: Vec<Crumb>, current: String) -> impl IntoView {
    breadcrumbs(lang, crumbs, current)
}
