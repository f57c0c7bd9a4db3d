//! The trail from the municipality's home page down to the current page.

use leptos::prelude::*;

use crate::i18n::ui;
use crate::model::{Lang, Site};

/// One step of the trail.
#[derive(Clone, Debug, PartialEq)]
pub struct Crumb {
    pub label: String,
    pub href: Option<String>,
}

/// The site's trail (Home › Projects › +CityxChange), then the page's own steps; the last
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

#[component]
pub fn Breadcrumbs(lang: Lang, crumbs: Vec<Crumb>, current: String) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label=ui(lang).breadcrumb_label>
            <ol class="breadcrumbs__list">
                {crumbs
                    .into_iter()
                    .map(|c| match c.href {
                        Some(href) => view! { <li class="breadcrumbs__item"><a href=href>{c.label}</a></li> }.into_any(),
                        None => view! { <li class="breadcrumbs__item">{c.label}</li> }.into_any(),
                    })
                    .collect_view()}
                <li class="breadcrumbs__item"><span aria-current="page">{current}</span></li>
            </ol>
        </nav>
    }
}
