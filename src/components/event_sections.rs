//! The sections of an event's detail page, each a static tree drawn from the catalog;
//! a section without content is left out.

use crate::components::body_text::body_text;
use crate::components::lang_text::{fallback_lang, fallback_note, label, lang_text};
use crate::components::static_tree::{el, text, Node};
use crate::context::Paths;
use crate::i18n::{city_role_label, compare_names, country_name, format_date, plural, ui};
use crate::model::{
    Catalog, City, CityRole, Event, Lang, OrganisationRole, PartialDate, Presenter, Session, Text,
};
use crate::query::{EventFilter, Facet};

/// Cities of an event grouped by role: lighthouse, follower, other; each sorted by name.
pub fn cities_by_role<'a>(
    catalog: &'a Catalog,
    event: &Event,
    lang: Lang,
) -> Vec<(CityRole, Vec<&'a City>)> {
    let cities: Vec<&City> = event
        .all_city_ids()
        .into_iter()
        .filter_map(|id| catalog.city(id))
        .collect();
    [
        CityRole::Lighthouse,
        CityRole::Follower,
        CityRole::Partner,
        CityRole::Other,
    ]
    .into_iter()
    .filter_map(|role| {
        let mut group: Vec<&City> = cities.iter().copied().filter(|c| c.role == role).collect();
        group.sort_by(|a, b| compare_names(a.name.get(lang), b.name.get(lang), lang));
        (!group.is_empty()).then_some((role, group))
    })
    .collect()
}

/// A section with its heading: `<section class="event-section {class}"
/// aria-labelledby="{id}"><h2 id="{id}">{title}</h2>…`.
pub fn section(class: &str, id: &'static str, title: &str) -> Node {
    el("section")
        .attr("class", format!("event-section {class}"))
        .attr("aria-labelledby", id)
        .child(el("h2").attr("id", id).text(title))
}

/// A `span` with a class around text from the data.
fn lang_span(class: &'static str, value: &Text, lang: Lang) -> Node {
    el("span")
        .attr("class", class)
        .children(lang_text(value, lang))
}

/// A `time` element with its machine-readable date.
pub fn time(date: PartialDate, shown: &str) -> Node {
    el("time").attr("datetime", date.iso()).text(shown)
}

/// A list longer than this shows its first `LIST_SHOWN` items and folds the rest, so that a
/// long list does not push the rest of the page screens down on a phone.
const LIST_FOLDS_OVER: usize = 8;
const LIST_SHOWN: usize = 6;
/// A programme with more sessions than this shows its days folded, each with its count.
const AGENDA_FOLDS_OVER: usize = 8;

/// `items` as a `tag` list of `class`; a long one keeps its first items in sight and the rest
/// behind "Show more (n)" (a `<details>`: it works without the app and the browser's find in
/// page opens it), the rest as a list of its own that carries on the numbering.
pub fn folding_list(
    tag: &'static str,
    class: &'static str,
    items: Vec<Node>,
    lang: Lang,
) -> Vec<Node> {
    if items.len() <= LIST_FOLDS_OVER {
        return vec![el(tag).attr("class", class).children(items)];
    }
    let mut first = items;
    let rest = first.split_off(LIST_SHOWN);
    let summary = format!("{} ({})", ui(lang).show_more, rest.len());
    let more = el(tag)
        .attr("class", class)
        .attr_opt("start", (tag == "ol").then(|| (LIST_SHOWN + 1).to_string()))
        .children(rest);
    vec![
        el(tag).attr("class", class).children(first),
        el("details")
            .attr("class", "fold")
            .child(el("summary").attr("class", "fold__summary").text(summary))
            .child(more),
    ]
}

/// Cities by role, then organisations with the lead partner first.
pub fn participants(catalog: &Catalog, index: usize, lang: Lang) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let u = ui(lang);
    let groups = cities_by_role(catalog, event, lang);
    let lead = event.participants.lead_partner.clone();
    let mut organisations: Vec<String> = event
        .all_organisation_ids()
        .into_iter()
        .map(str::to_owned)
        .collect();
    // Lead partner first, then the others by name.
    organisations.sort_by(|a, b| {
        let la = Some(a) == lead.as_ref();
        let lb = Some(b) == lead.as_ref();
        lb.cmp(&la).then_with(|| {
            compare_names(
                &catalog.organisation_label(a, lang),
                &catalog.organisation_label(b, lang),
                lang,
            )
        })
    });
    if groups.is_empty() && organisations.is_empty() {
        return None;
    }
    let org_items = organisations.into_iter().filter_map(|id| {
        let org = catalog.organisation(&id)?;
        let is_lead = Some(&id) == lead.as_ref();
        // The project's coordinator is called so; another organisation leading the event
        // is its lead partner.
        let lead_label = match org.role {
            OrganisationRole::Coordinator => u.coordinator,
            _ => u.lead_partner,
        };
        let name = org.name.get(lang).to_owned();
        let short = org.short_name.clone().filter(|s| *s != name);
        Some(
            el("li")
                .attr_opt("class", is_lead.then_some("participants__lead"))
                .child(label(&org.name, lang))
                .maybe(short.map(|s| text(format!(" ({s})"))))
                .children(
                    is_lead
                        .then(|| {
                            [
                                text(" "),
                                el("span")
                                    .attr("class", "badge badge--lead")
                                    .text(lead_label),
                            ]
                        })
                        .into_iter()
                        .flatten(),
                ),
        )
    });
    let group = |title: &str, items: Vec<Node>| {
        el("div")
            .attr("class", "participants__group")
            .child(el("h3").text(title))
            .children(folding_list("ul", "participants__list", items, lang))
    };
    let city_groups = groups.into_iter().map(|(role, cities)| {
        let items = cities
            .into_iter()
            .map(|c| {
                el("li")
                    .child(label(&c.name, lang))
                    .text(format!(", {}", country_name(&c.country, lang)))
            })
            .collect();
        group(city_role_label(lang, role), items)
    });
    // A group without members has no heading either.
    let org_items: Vec<Node> = org_items.collect();
    let organisations = (!org_items.is_empty()).then(|| group(u.event_organisations, org_items));
    Some(
        section("participants", "participants-title", u.event_participants).child(
            el("div")
                .attr("class", "participants__groups")
                .children(city_groups)
                .maybe(organisations),
        ),
    )
}

/// The people who travelled, with role and organisation.
pub fn delegates(catalog: &Catalog, index: usize, lang: Lang) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let people: Vec<Node> = event
        .delegates
        .iter()
        .filter_map(|id| catalog.person(id))
        .map(|p| {
            let org = catalog.organisation(&p.organisation).map(|o| {
                el("span")
                    .attr("class", "delegates__org")
                    .text(o.name.get(lang))
            });
            el("li")
                .attr("class", "delegates__person")
                .child(lang_span("delegates__name", &p.name, lang))
                .child(lang_span("delegates__role", &p.role, lang))
                .maybe(org)
        })
        .collect();
    (!people.is_empty()).then(|| {
        section(
            "delegates",
            "delegates-title",
            &crate::i18n::site::delegates_heading(&catalog.site, lang),
        )
        .children(folding_list("ul", "delegates__list", people, lang))
    })
}

fn presenter_label(catalog: &Catalog, presenter: &Presenter, lang: Lang) -> Option<String> {
    let parts: Vec<String> = presenter
        .city
        .iter()
        .map(|c| crate::i18n::city_label(catalog, c, lang))
        .chain(
            presenter
                .organisation
                .iter()
                .map(|o| catalog.organisation_label(o, lang)),
        )
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The programme, day by day.
pub fn agenda(catalog: &Catalog, index: usize, lang: Lang) -> Option<Node> {
    let event = catalog.events.get(index)?;
    if event.agenda.is_empty() {
        return None;
    }
    let u = ui(lang);
    let session = |s: &Session| {
        let presenter = s
            .presenter
            .as_ref()
            .and_then(|p| presenter_label(catalog, p, lang));
        el("li")
            .attr("class", "agenda__session")
            .maybe(
                s.time
                    .as_ref()
                    .map(|t| el("span").attr("class", "agenda__time").text(t)),
            )
            .child(lang_span("agenda__title", &s.title, lang))
            .maybe(presenter.map(|p| {
                el("span")
                    .attr("class", "agenda__presenter")
                    .text(format!("{}: {p}", u.presented_by))
            }))
            .maybe(
                s.description
                    .as_ref()
                    .map(|d| lang_span("agenda__description", d, lang)),
            )
    };
    let sessions: usize = event.agenda.iter().map(|d| d.sessions.len()).sum();
    let folds = sessions > AGENDA_FOLDS_OVER;
    let days = event.agenda.iter().enumerate().map(|(n, day)| {
        let title = el("h3")
            .attr("class", "agenda__day-title")
            .text(format!("{} {} – ", u.agenda_day, n + 1))
            .child(time(day.date, &format_date(day.date, lang)));
        let list = el("ol")
            .attr("class", "agenda__sessions")
            .children(day.sessions.iter().map(session));
        if folds {
            // Folded, each day says how much it holds.
            let n = day.sessions.len();
            let count = format!(
                " ({n} {})",
                plural(n, u.agenda_item_one, u.agenda_item_other)
            );
            el("details")
                .attr("class", "agenda__day fold")
                .child(
                    el("summary")
                        .attr("class", "fold__summary agenda__day-summary")
                        .child(
                            title.child(el("span").attr("class", "agenda__day-count").text(count)),
                        ),
                )
                .child(list)
        } else {
            el("div")
                .attr("class", "agenda__day")
                .child(title)
                .child(list)
        }
    });
    Some(section("agenda", "agenda-title", u.event_agenda).children(days))
}

/// Places the delegates visited.
pub fn site_visits(event: &Event, lang: Lang) -> Option<Node> {
    (!event.site_visits.is_empty()).then(|| {
        let visits: Vec<Node> = event
            .site_visits
            .iter()
            .map(|v| {
                el("li")
                    .child(lang_span("site-visits__title", &v.title, lang))
                    .maybe(
                        v.description
                            .as_ref()
                            .map(|d| lang_span("site-visits__description", d, lang)),
                    )
            })
            .collect();
        section("site-visits", "visits-title", ui(lang).event_site_visits).children(folding_list(
            "ul",
            "site-visits__list",
            visits,
            lang,
        ))
    })
}

/// The event's topics, each a link to the timeline filtered by it.
pub fn topics(catalog: &Catalog, paths: &Paths, index: usize, lang: Lang) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let links: Vec<Node> = event
        .topics
        .iter()
        .filter_map(|id| {
            let topic = catalog.topic(id)?;
            let mut filter = EventFilter::default();
            filter.toggle(Facet::Topic, id);
            let href = paths.timeline(lang, &filter.to_query());
            Some(
                el("li").child(
                    el("a")
                        .attr("class", "topic-link")
                        .attr("href", href)
                        .child(label(&topic.label, lang)),
                ),
            )
        })
        .collect();
    (!links.is_empty()).then(|| {
        section("topics", "topics-title", ui(lang).event_topics)
            .child(el("ul").attr("class", "topics__list").children(links))
    })
}

/// The long text, with a note when it is in the other language.
pub fn about(event: &Event, paths: &Paths, lang: Lang) -> Option<Node> {
    let body = event.body.as_ref()?;
    let resolved = body.resolve(lang);
    let other = resolved.is_fallback(lang).then_some(resolved.lang);
    Some(
        section("about", "about-title", ui(lang).event_about)
            .maybe(other.map(|shown| {
                el("p")
                    .attr("class", "fallback-note")
                    .text(fallback_note(shown, lang))
            }))
            .child(body_text(resolved.text, other.map(Lang::code), paths, lang)),
    )
}

/// Photos with caption and credit; lazy, with their size known so the page does not shift.
pub fn photos(event: &Event, paths: &Paths, lang: Lang) -> Option<Node> {
    (!event.images.is_empty()).then(|| {
        let figures = event.images.iter().map(|img| {
            let src = paths.image(&img.src);
            let caption = (img.caption.is_some() || img.credit.is_some()).then(|| {
                el("figcaption")
                    .children(img.caption.iter().flat_map(|c| lang_text(c, lang)))
                    .maybe(img.credit.as_ref().map(|c| {
                        el("span")
                            .attr("class", "photos__credit")
                            .text(format!(" © {c}"))
                    }))
            });
            el("figure")
                .attr("class", "photos__item")
                .child(
                    el("img")
                        .attr("src", src)
                        .attr("alt", img.alt.get(lang))
                        // The alt text is read in the element's language.
                        .attr_opt("lang", fallback_lang(&img.alt, lang))
                        .attr("width", img.width.to_string())
                        .attr("height", img.height.to_string())
                        .attr("loading", "lazy")
                        .attr("decoding", "async"),
                )
                .maybe(caption)
        });
        section("photos", "photos-title", ui(lang).event_photos)
            .child(el("div").attr("class", "photos__grid").children(figures))
    })
}

/// Where the facts come from; always shown.
pub fn sources(event: &Event, lang: Lang) -> Node {
    let u = ui(lang);
    let items: Vec<Node> = event
        .sources
        .iter()
        .map(|s| {
            let title = s.title.resolve(lang);
            let date = s.date.map(|d| {
                [
                    text(format!(", {} ", u.source_published)),
                    time(d, &format_date(d, lang)),
                ]
            });
            el("li")
                .child(
                    el("a")
                        .attr("href", s.url.as_str())
                        .attr_opt("lang", title.is_fallback(lang).then_some(title.lang.code()))
                        .text(title.text),
                )
                .child(
                    el("span")
                        .attr("class", "sources__meta")
                        .text(format!(" – {}", s.publisher))
                        .children(date.into_iter().flatten()),
                )
        })
        .collect();
    section("sources", "sources-title", u.event_sources).children(folding_list(
        "ul",
        "sources__list",
        items,
        lang,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::image;

    /// The shipped file's first event with one photo of `alt` in place of its own.
    fn event_with_photo(alt: Text) -> Event {
        let news = crate::api::news_from_text(include_str!("../../public/data/news.json")).unwrap();
        let mut event = news.catalog.events[0].clone();
        event.images = vec![image("images/library.jpg", alt)];
        event
    }

    fn html(event: Event, lang: Lang) -> String {
        let mut html = String::new();
        if let Some(node) = photos(&event, &Paths::new(""), lang) {
            node.write_html(&mut html);
        }
        html
    }

    fn items(n: usize) -> Vec<Node> {
        (1..=n)
            .map(|i| el("li").text(format!("item {i}")))
            .collect()
    }

    #[test]
    fn a_long_list_keeps_its_first_items_in_sight_and_folds_the_rest() {
        let short = folding_list("ul", "x", items(LIST_FOLDS_OVER), Lang::Bg);
        assert_eq!(short.len(), 1, "a list of {LIST_FOLDS_OVER} stays whole");
        assert_eq!(short[0].select("li", None).len(), LIST_FOLDS_OVER);

        let long = folding_list("ol", "x", items(11), Lang::En);
        assert_eq!(long.len(), 2);
        assert_eq!(long[0].select("li", None).len(), LIST_SHOWN);
        let details = &long[1];
        assert_eq!(details.select("details", None).len(), 1);
        assert!(
            details.select("details", None)[0].get("open").is_none(),
            "folded"
        );
        let summary = details.select("summary", None)[0].text_content();
        assert_eq!(summary, "Show more (5)");
        let rest = details.select("ol", None)[0];
        assert_eq!(rest.get("start"), Some("7"), "the numbering carries on");
        let texts: Vec<String> = rest
            .select("li", None)
            .iter()
            .map(|n| n.text_content())
            .collect();
        assert_eq!(texts.first().map(String::as_str), Some("item 7"));
        assert_eq!(
            texts.last().map(String::as_str),
            Some("item 11"),
            "nothing is lost"
        );
        assert!(
            folding_list("ul", "x", items(9), Lang::Bg)[1].select("ul", None)[0]
                .get("start")
                .is_none()
        );
    }

    #[test]
    fn cities_without_organisations_get_no_empty_organisations_heading() {
        let news = crate::api::news_from_text(include_str!("../../public/data/news.json")).unwrap();
        let mut catalog = news.catalog.clone();
        let index = catalog
            .events
            .iter()
            .position(|e| !e.all_city_ids().is_empty())
            .unwrap();
        let event = &mut catalog.events[index];
        event.participants.organisations.clear();
        event.participants.lead_partner = None;
        event.host = event.host.take().map(|mut h| {
            h.organisation = None;
            h
        });
        let node = participants(&catalog, index, Lang::Bg).unwrap();
        let headings: Vec<String> = node
            .select("h3", None)
            .iter()
            .map(|h| h.text_content())
            .collect();
        assert!(!headings.is_empty());
        assert!(
            !headings
                .iter()
                .any(|h| h == ui(Lang::Bg).event_organisations),
            "{headings:?}"
        );
        assert!(node
            .select("ul", None)
            .iter()
            .all(|l| !l.select("li", None).is_empty()));
    }

    #[test]
    fn a_long_programme_folds_its_days_each_with_its_count() {
        let news = crate::api::news_from_text(include_str!("../../public/data/news.json")).unwrap();
        let mut catalog = news.catalog.clone();
        let index = catalog
            .events
            .iter()
            .position(|e| !e.agenda.is_empty())
            .unwrap();
        let day = catalog.events[index].agenda[0].clone();
        let session = day.sessions[0].clone();
        let mut long = day.clone();
        long.sessions = vec![session.clone(); AGENDA_FOLDS_OVER];
        let mut one = day;
        one.sessions = vec![session];
        catalog.events[index].agenda = vec![long, one];
        let node = agenda(&catalog, index, Lang::Bg).unwrap();
        let days = node.select("details", None);
        assert_eq!(days.len(), 2);
        let summaries: Vec<String> = node
            .select("summary", None)
            .iter()
            .map(|n| n.text_content())
            .collect();
        assert!(
            summaries[0].ends_with(&format!("({AGENDA_FOLDS_OVER} точки)")),
            "{summaries:?}"
        );
        assert!(summaries[1].ends_with("(1 точка)"), "{summaries:?}");
        for summary in node.select("summary", None) {
            assert_eq!(
                summary.select("h3", None).len(),
                1,
                "each day keeps its heading"
            );
        }

        catalog.events[index].agenda.truncate(1);
        catalog.events[index].agenda[0]
            .sessions
            .truncate(AGENDA_FOLDS_OVER);
        let node = agenda(&catalog, index, Lang::Bg).unwrap();
        assert!(
            node.select("details", None).is_empty(),
            "a short programme is shown whole"
        );
    }

    #[test]
    fn photos_are_lazy_sized_and_described() {
        let alt = Text::new("Залата на библиотеката", "The library hall");
        let mut event = event_with_photo(alt);
        event.images[0].caption = Some(Text::new("Първият ден", "The first day"));
        event.images[0].credit = Some("Община Пловдив".into());
        let node = photos(&event, &Paths::new("/p"), Lang::En).unwrap();
        let img = node.select("figure", None)[0].select("img", None)[0];
        assert_eq!(img.get("alt"), Some("The library hall"));
        assert_eq!(img.get("loading"), Some("lazy"));
        assert_eq!(img.get("width"), Some("800"));
        assert_eq!(img.get("height"), Some("600"));
        assert_eq!(img.get("src"), Some("/p/images/library.jpg"));
        let caption = node.select("figcaption", None)[0].text_content();
        assert!(
            caption.contains("The first day") && caption.contains("Община Пловдив"),
            "{caption}"
        );
        assert!(photos(
            &event_with_photo(Text::new("а", "a")),
            &Paths::new(""),
            Lang::Bg
        )
        .is_some_and(|n| n.select("img", None)[0].get("alt") == Some("а")));
    }

    #[test]
    fn an_alt_text_in_the_other_language_says_its_language() {
        let only_english = Text {
            bg: None,
            en: Some("The library hall in Plovdiv".into()),
        };
        let page = html(event_with_photo(only_english), Lang::Bg);
        assert!(page.contains(r#"lang="en""#), "{page}");
        let both = Text::new("Залата на библиотеката", "The library hall");
        assert!(!html(event_with_photo(both), Lang::Bg).contains("lang="));
    }
}
