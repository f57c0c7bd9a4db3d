//! One event as a card: the timeline's entries and the related events of a detail page.

use crate::components::lang_text::{fallback_lang, fallback_note};
use crate::components::static_tree::{el, text, Node};
use crate::context::Paths;
use crate::export::found_part;
use crate::i18n::{city_label, country_name, event_type_label, format_range, more_cities, ui};
use crate::model::{Catalog, Event, Lang, PartialDate};
use crate::query::{highlight, matched_parts, EventFilter, Facet};

/// The card's date. A range may break after its dash (`<wbr>`): with large text on a phone
/// "10–11 ноември" is wider than the card, and the no-break space that keeps the day with
/// its month would otherwise break the month's name. At the usual text size it fits a line.
fn card_date(date: PartialDate, shown: &str) -> Node {
    let mut node = el("time")
        .attr("class", "timeline-entry__date")
        .attr("datetime", date.iso());
    let mut pieces = shown.split_inclusive('–').peekable();
    while let Some(piece) = pieces.next() {
        node = node.text(piece);
        if pieces.peek().is_some() {
            node = node.child(el("wbr"));
        }
    }
    node
}

/// The most cities a card names; the others are counted ("и още 8"), and the event's page
/// names them all. A card is read at a glance, and a file's thousands of cities in one event
/// made one card of tens of thousands of elements, on every timeline it is in.
pub const CARD_CITIES: usize = 12;

/// "Пловдив, България", "онлайн", or both for hybrid events.
pub fn place_label(catalog: &Catalog, event: &Event, lang: Lang) -> Option<String> {
    let location = event.location.as_ref()?;
    let city = location
        .city
        .as_deref()
        .and_then(|id| catalog.city(id))
        .map(|city| {
            format!(
                "{}, {}",
                city.name.get(lang),
                country_name(&city.country, lang)
            )
        });
    match (city, location.online) {
        (Some(city), true) => Some(format!("{city} · {}", ui(lang).online)),
        (Some(city), false) => Some(city),
        (None, true) => Some(ui(lang).online.to_owned()),
        (None, false) => None,
    }
}

/// Whether the search has a word of one or two letters (found nearly everywhere).
fn short_words(terms: &[String]) -> bool {
    terms.iter().any(|t| t.chars().count() < 3)
}

/// Whether one of the nodes [`highlighted`] made is a mark.
fn has_mark(nodes: &[Node]) -> bool {
    nodes
        .iter()
        .any(|n| matches!(n, Node::Element { tag: "mark", .. }))
}

/// Text with the words of the current search in `mark` elements.
fn highlighted(value: &str, terms: &[String]) -> Vec<Node> {
    if terms.is_empty() {
        return vec![text(value)];
    }
    highlight(value, terms)
        .into_iter()
        .map(|(run, hit)| if hit { el("mark").text(run) } else { text(run) })
        .collect()
}

/// The card of event `index`, with `terms` marked; nothing for an index out of range.
pub fn event_card(
    catalog: &Catalog,
    paths: &Paths,
    index: usize,
    lang: Lang,
    terms: &[String],
    heading_level: u8,
) -> Option<Node> {
    let event = catalog.events.get(index)?;
    let u = ui(lang);
    let title = event.title.resolve(lang);
    let summary = event.summary.resolve(lang);
    let fallback = |r: &crate::model::Resolved<'_>| r.is_fallback(lang).then_some(r.lang.code());
    let other = [title, summary]
        .into_iter()
        .find(|r| r.is_fallback(lang))
        .map(|r| r.lang);
    // Only words of three letters or more are marked: one or two letters are found in nearly
    // every title, summary and city, and marking them all would mark nothing in particular
    // (and redraw every card on the first keystrokes). The search still narrows by them.
    let marked: Vec<String> = terms
        .iter()
        .filter(|t| t.chars().count() >= 3)
        .cloned()
        .collect();
    let mut marked_on_card = false;
    let all_cities: Vec<_> = event
        .all_city_ids()
        .into_iter()
        .filter_map(|id| catalog.city(id))
        .collect();
    let more = all_cities.len().saturating_sub(CARD_CITIES);
    let cities: Vec<Node> = all_cities
        .into_iter()
        .take(CARD_CITIES)
        .map(|c| {
            let name = highlighted(&city_label(catalog, &c.id, lang), &marked);
            marked_on_card |= has_mark(&name);
            // Each city leads to the timeline of its events.
            let mut filter = EventFilter::default();
            filter.insert(Facet::City, &c.id);
            el("li").child(
                el("a")
                    .attr("class", "city-label")
                    .attr("href", paths.timeline(lang, &filter.to_query()))
                    .attr_opt("lang", fallback_lang(&c.name, lang))
                    .children(name),
            )
        })
        .chain((more > 0).then(|| {
            el("li")
                .attr("class", "timeline-entry__more-cities")
                .text(more_cities(lang, more))
        }))
        .collect();
    let heading_tag = match heading_level {
        2 => "h2",
        3 => "h3",
        _ => "h4",
    };
    let title_text = highlighted(title.text, &marked);
    let summary_text = highlighted(summary.text, &marked);
    marked_on_card |= has_mark(&title_text) || has_mark(&summary_text);
    let link = el("a")
        .attr("href", paths.event(lang, &event.slug))
        .attr_opt("lang", fallback(&title))
        .children(title_text);
    Some(
        el("article")
            .attr("class", "timeline-entry")
            .child(
                el("p")
                    .attr("class", "timeline-entry__meta")
                    .child(card_date(
                        event.start,
                        &format_range(event.start, event.end, lang, false),
                    ))
                    .child(
                        el("span")
                            .attr("class", format!("badge badge--{}", event.kind.key()))
                            .text(event_type_label(lang, event.kind)),
                    )
                    // Said in words, not by the `lang` attribute alone: a sighted visitor
                    // meets a card in the other language too.
                    .maybe(other.map(|shown| {
                        el("span")
                            .attr("class", "fallback-note")
                            .text(fallback_note(shown, lang))
                    })),
            )
            .child(
                el(heading_tag)
                    .attr("class", "timeline-entry__title")
                    .child(link),
            )
            .maybe(
                place_label(catalog, event, lang)
                    .map(|place| el("p").attr("class", "timeline-entry__place").text(place)),
            )
            .child(
                el("p")
                    .attr("class", "timeline-entry__summary")
                    .attr_opt("lang", fallback(&summary))
                    .children(summary_text),
            )
            .maybe(
                (!marked_on_card)
                    .then(|| found_in(catalog, index, lang, terms))
                    .flatten(),
            )
            .maybe((!cities.is_empty()).then(|| {
                el("ul")
                    .attr("class", "timeline-entry__cities")
                    .attr("aria-label", u.participating_cities)
                    .children(cities)
            })),
    )
}

/// For a result whose card shows no marked word (the search found it in the agenda, say):
/// where on its page the words are; nothing while a search word is shorter than three letters.
fn found_in(catalog: &Catalog, index: usize, lang: Lang, terms: &[String]) -> Option<Node> {
    // A word of one or two letters is found almost everywhere: saying where explains nothing,
    // and asking every text of every card would slow the first keystrokes of a search.
    if terms.is_empty() || short_words(terms) {
        return None;
    }
    let u = ui(lang);
    let mut names: Vec<&str> = matched_parts(catalog, index, terms)
        .into_iter()
        .map(|part| found_part(lang, part))
        .collect();
    names.dedup();
    (!names.is_empty()).then(|| {
        el("p").attr("class", "timeline-entry__found").text(format!(
            "{}: {}",
            u.found_in,
            names.join(", ")
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{news_from_text, News};
    use crate::query::SearchIndex;

    fn shipped() -> News {
        let news = news_from_text(include_str!("../../public/data/news.json")).unwrap();
        let catalog = news.catalog.clone();
        let index = SearchIndex::without_words(&catalog);
        News { catalog, index }
    }

    fn card(news: &News, slug: &str, lang: Lang, terms: &[String], level: u8) -> Node {
        let index = news.catalog.event_index(slug).unwrap();
        event_card(&news.catalog, &Paths::new(""), index, lang, terms, level).unwrap()
    }

    /// The shipped file's meeting with the most cities: a two-day meeting abroad.
    fn meeting(news: &News) -> String {
        news.catalog
            .events
            .iter()
            .filter(|e| e.end.is_some() && e.location.as_ref().is_some_and(|l| l.city.is_some()))
            .max_by_key(|e| e.participants.cities.len())
            .unwrap()
            .slug
            .clone()
    }

    #[test]
    fn two_cities_of_one_name_are_told_apart_by_their_countries() {
        let shipped = shipped();
        let slug = meeting(&shipped);
        let event = shipped.catalog.event(&slug).unwrap();
        let (a, b) = (&event.participants.cities[0], &event.participants.cities[1]);
        // The second city takes the first one's name, in Bulgarian only.
        let mut cities = shipped.catalog.cities.clone();
        let name = shipped.catalog.city_name(a, Lang::Bg);
        let twin = cities.iter_mut().find(|c| c.id == *b).unwrap();
        twin.name.bg = Some(name.clone());
        let country = crate::i18n::country_name(&twin.country, Lang::Bg);
        let c = &shipped.catalog;
        let catalog = Catalog::new(
            c.site.clone(),
            cities,
            c.organisations.clone(),
            c.people.clone(),
            c.topics.clone(),
            c.events.clone(),
            Vec::new(),
        );
        let news = News {
            index: SearchIndex::without_words(&catalog),
            catalog,
        };
        let labels = |lang| {
            card(&news, &slug, lang, &[], 4)
                .select("a", Some("city-label"))
                .iter()
                .map(|l| l.text_content())
                .collect::<Vec<_>>()
        };
        let bg = labels(Lang::Bg);
        assert!(bg.contains(&format!("{name} ({country})")), "{bg:?}");
        assert_eq!(
            bg.iter().filter(|l| l.starts_with(&name)).count(),
            2,
            "{bg:?}"
        );
        // In English the names differ: nothing is added.
        assert!(labels(Lang::En).iter().all(|l| !l.contains('(')));
        let facet =
            crate::components::filter_bar::facet_value_label(&news, Lang::Bg, Facet::City, b);
        assert_eq!(facet, format!("{name} ({country})"));
    }

    #[test]
    fn a_card_links_to_its_event_and_to_the_timeline_of_each_city() {
        let news = shipped();
        let slug = meeting(&news);
        let event = news.catalog.event(&slug).unwrap();
        let node = card(&news, &slug, Lang::Bg, &[], 4);
        let link = node.select("h4", Some("timeline-entry__title"))[0].select("a", None)[0];
        assert_eq!(link.get("href"), Some(format!("/events/{slug}").as_str()));
        let time = node.select("time", None)[0];
        assert_eq!(time.get("datetime"), Some(event.start.iso().as_str()));
        assert_eq!(
            time.text_content(),
            format_range(event.start, event.end, Lang::Bg, false)
        );
        let cities = node.select("a", Some("city-label"));
        assert_eq!(cities.len(), event.participants.cities.len());
        let mut hrefs: Vec<_> = cities.iter().filter_map(|c| c.get("href")).collect();
        let mut wanted: Vec<_> = event
            .participants
            .cities
            .iter()
            .map(|id| format!("/?city={id}"))
            .collect();
        hrefs.sort_unstable();
        wanted.sort_unstable();
        assert_eq!(hrefs, wanted);
    }

    #[test]
    fn a_card_names_its_first_cities_and_counts_the_rest() {
        use crate::model::testing::{city, event, site};
        use crate::model::{EventType, Text};
        let cities: Vec<_> = (0..CARD_CITIES + 8)
            .map(|i| {
                city(
                    &format!("c{i}"),
                    &format!("Град{i}"),
                    &format!("Town{i}"),
                    42.0,
                    24.0,
                )
            })
            .collect();
        let mut meeting = event(
            "big-meeting",
            EventType::ConsortiumMeeting,
            PartialDate::ymd(2022, 5, 1),
            Text::new("Голяма среща", "A large meeting"),
        );
        meeting.participants.cities = cities.iter().map(|c| c.id.clone()).collect();
        let catalog = Catalog::new(
            site("https://news.example/"),
            cities,
            Vec::new(),
            Vec::new(),
            Vec::new(),
            vec![meeting],
            Vec::new(),
        );
        let card = |lang, terms: &[String]| {
            event_card(&catalog, &Paths::new(""), 0, lang, terms, 3).unwrap()
        };
        let node = card(Lang::Bg, &[]);
        assert_eq!(node.select("a", Some("city-label")).len(), CARD_CITIES);
        let more = node.select("li", Some("timeline-entry__more-cities"));
        assert_eq!(more[0].text_content(), "и още 8");
        assert_eq!(
            card(Lang::En, &[]).select("li", Some("timeline-entry__more-cities"))[0].text_content(),
            "and 8 more"
        );
        // A city the card leaves out, searched for: nothing on the card is marked, and the
        // card says where on the page the word is.
        let last = format!("town{}", CARD_CITIES + 7);
        let node = card(Lang::En, &[last]);
        assert!(
            node.select("mark", None).is_empty(),
            "{}",
            node.text_content()
        );
        let found = node.select("p", Some("timeline-entry__found"));
        assert_eq!(found.len(), 1, "{}", node.text_content());
        assert!(
            found[0].text_content().contains(ui(Lang::En).found_cities),
            "{}",
            found[0].text_content()
        );
    }

    #[test]
    fn an_english_card_speaks_english() {
        let news = shipped();
        let slug = meeting(&news);
        let event = news.catalog.event(&slug).unwrap();
        let text = card(&news, &slug, Lang::En, &[], 3).text_content();
        assert!(text.contains(event.title.get(Lang::En)), "{text}");
        let city = event.location.as_ref().unwrap().city.as_deref().unwrap();
        let country = &news.catalog.city(city).unwrap().country;
        assert!(text.contains(&country_name(country, Lang::En)), "{text}");
        assert!(!text.contains(&country_name(country, Lang::Bg)), "{text}");
        assert!(card(&news, &slug, Lang::En, &[], 3)
            .select("span", Some("fallback-note"))
            .is_empty());
    }

    #[test]
    fn a_card_in_the_other_language_says_so_in_words() {
        let mut news = shipped();
        let slug = meeting(&news);
        let index = news.catalog.event_index(&slug).unwrap();
        // The title alone in Bulgarian: the English card says it, and marks the title's language.
        news.catalog.events[index].title.en = None;
        let node = card(&news, &slug, Lang::En, &[], 3);
        let notes = node.select("span", Some("fallback-note"));
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].text_content(), "Available in Bulgarian only");
        assert_eq!(node.select("a", None)[0].get("lang"), Some("bg"));
        // The Bulgarian card is in its own language: nothing to say.
        let bg = card(&news, &slug, Lang::Bg, &[], 3);
        assert!(bg.select("span", Some("fallback-note")).is_empty());
    }

    #[test]
    fn latin_search_words_are_marked_in_cyrillic_text() {
        let news = shipped();
        let slug = meeting(&news);
        let event = news.catalog.event(&slug).unwrap();
        let city = event.location.as_ref().unwrap().city.as_deref().unwrap();
        let name = news.catalog.city_name(city, Lang::Bg);
        // What a visitor types on a Latin keyboard: the name's transliteration.
        let typed = crate::text::fold_for_search(&name);
        assert!(typed.is_ascii(), "{typed}");
        let node = card(&news, &slug, Lang::Bg, &[typed], 4);
        let marks = node.select("mark", None);
        assert!(!marks.is_empty(), "the city's name is marked");
        for mark in marks {
            assert_eq!(mark.text_content(), name, "only the matched word is marked");
        }
        let title = node.select("h4", Some("timeline-entry__title"))[0];
        if event.title.get(Lang::Bg).contains(&name) {
            assert!(
                !title.select("mark", None).is_empty(),
                "the title's match is marked"
            );
        }
    }

    #[test]
    fn a_name_shown_in_the_other_language_says_its_language() {
        let mut news = shipped();
        let slug = meeting(&news);
        let event = news.catalog.event(&slug).unwrap().clone();
        let city = event.participants.cities[0].clone();
        let target = news
            .catalog
            .cities
            .iter_mut()
            .find(|c| c.id == city)
            .unwrap();
        target.name.en = None;
        let bulgarian = target.name.get(Lang::Bg).to_owned();
        news.index = SearchIndex::without_words(&news.catalog);
        let node = card(&news, &slug, Lang::En, &[], 3);
        let marked: Vec<_> = node
            .select("a", Some("city-label"))
            .into_iter()
            .filter_map(|a| Some((a.text_content(), a.get("lang")?.to_owned())))
            .collect();
        assert_eq!(marked, vec![(bulgarian, "bg".to_owned())]);
    }

    #[test]
    fn a_result_found_off_the_card_says_where_and_a_matched_city_is_marked() {
        let mut news = shipped();
        let slug = meeting(&news);
        let index = news.catalog.event_index(&slug).unwrap();
        // A word only the agenda has.
        let event = &mut news.catalog.events[index];
        event.agenda[0].sessions[0].title = crate::model::Text::new("Квазиплощ", "Kvaziplosht");
        let terms = vec!["kvaziplosht".to_owned()];
        let node = card(&news, &slug, Lang::Bg, &terms, 4);
        let found = node.select("p", Some("timeline-entry__found"));
        assert_eq!(found.len(), 1, "{}", node.text_content());
        assert_eq!(found[0].text_content(), "Намерено в: програмата");
        assert!(
            node.select("mark", None).is_empty(),
            "{}",
            node.text_content()
        );
        let english = card(&news, &slug, Lang::En, &terms, 4);
        assert_eq!(
            english.select("p", Some("timeline-entry__found"))[0].text_content(),
            "Found in: the agenda"
        );

        // A city's name: its label on the card is marked, no line needed.
        let city = news.catalog.events[index].participants.cities[1].clone();
        let name = news.catalog.city_name(&city, Lang::Bg);
        let terms = vec![crate::text::fold_for_search(&name)];
        let node = card(&news, &slug, Lang::Bg, &terms, 4);
        let marked: Vec<String> = node
            .select("a", Some("city-label"))
            .into_iter()
            .filter(|a| !a.select("mark", None).is_empty())
            .map(Node::text_content)
            .collect();
        assert_eq!(marked, [name]);
        assert!(node.select("p", Some("timeline-entry__found")).is_empty());
        // Without a search, nothing.
        let plain = card(&news, &slug, Lang::Bg, &[], 4);
        assert!(plain.select("p", Some("timeline-entry__found")).is_empty());
    }

    #[test]
    fn words_of_one_or_two_letters_narrow_the_search_but_are_not_marked() {
        let news = shipped();
        let slug = meeting(&news);
        let title = news.catalog.events[news.catalog.event_index(&slug).unwrap()]
            .title
            .get(Lang::En)
            .to_owned();
        let word = crate::text::fold_for_search(title.split(' ').find(|w| w.len() >= 4).unwrap());
        let marks = |terms: &[&str]| {
            let terms: Vec<String> = terms.iter().map(|t| (*t).to_owned()).collect();
            card(&news, &slug, Lang::En, &terms, 4)
                .select("mark", None)
                .into_iter()
                .map(Node::text_content)
                .collect::<Vec<_>>()
        };
        let two = &word[..2];
        assert!(marks(&[two]).is_empty(), "{two:?} marks nothing");
        assert!(marks(&[&word[..1]]).is_empty());
        let with_short = marks(&[two, &word]);
        assert!(
            !with_short.is_empty(),
            "{word:?} is marked beside a short word"
        );
        assert!(with_short
            .iter()
            .all(|m| crate::text::fold_for_search(m).contains(&word[..3])));
    }
}
