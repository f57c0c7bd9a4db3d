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
    // The project's own step links to this app's timeline, not to the old page. A trail that
    // ends at the publisher's home page (the only step it has, say) has no project step yet.
    let home = |href: &str| href.trim_end_matches('/') == site.url.trim_end_matches('/');
    match crumbs.last_mut() {
        Some(last) if !last.href.as_deref().is_some_and(home) => last.href = Some(project_href),
        _ => crumbs.push(Crumb {
            label: site.project.acronym.clone(),
            href: Some(project_href),
        }),
    }
    crumbs
}

/// The trail as a `nav` with an ordered list; the current page is not a link, and says its
/// language (`current_lang`) when that is not the page's.
pub fn breadcrumbs(
    lang: Lang,
    crumbs: Vec<Crumb>,
    current: String,
    current_lang: Option<&'static str>,
) -> Node {
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
                .child(
                    item().child(
                        el("span")
                            .attr("aria-current", "page")
                            .attr_opt("lang", current_lang)
                            .text(current),
                    ),
                ),
        )
}

/// [`breadcrumbs`] as a component.
#[component]
pub fn Breadcrumbs(lang: Lang, crumbs: Vec<Crumb>, current: String) -> impl IntoView {
    breadcrumbs(lang, crumbs, current, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::site;
    use crate::model::{Link, Text};

    fn step(label: &str, url: Option<&str>) -> Link {
        Link {
            label: Text::new(label, label),
            url: url.map(str::to_owned),
        }
    }

    #[test]
    fn the_last_step_is_the_projects_unless_it_is_the_publishers_home_page() {
        let mut site = site("https://news.example.org/p/");
        site.url = "https://city.example.org".into();
        let trail = |site: &Site| -> Vec<(String, Option<String>)> {
            site_trail(site, Lang::En, "/p/".into())
                .into_iter()
                .map(|c| (c.label, c.href))
                .collect()
        };
        let own = |label: &str, href: &str| (label.to_owned(), Some(href.to_owned()));
        site.breadcrumbs = vec![
            step("Home", Some("https://city.example.org/")),
            step("Projects", None),
            step("Ours", Some("https://city.example.org/old")),
        ];
        let got = trail(&site);
        assert_eq!(
            got[2],
            own("Ours", "/p/"),
            "the project's step leads to the timeline"
        );
        assert_eq!(got.len(), 3);
        // The home page alone: it stays the home page, and the project's step follows it.
        site.breadcrumbs.truncate(1);
        let acronym = site.project.acronym.clone();
        assert_eq!(
            trail(&site),
            [
                own("Home", "https://city.example.org/"),
                own(&acronym, "/p/")
            ]
        );
        site.breadcrumbs.clear();
        assert_eq!(trail(&site), [own(&acronym, "/p/")]);
    }
}
