//! Words the exported files share with the interface: event types, country names and
//! "online" come from `i18n`, so a label reads the same on the page and in a calendar.

use crate::i18n::{country_name, event_type_label, ui};
use crate::model::{Catalog, Event, EventType, Lang};
use crate::query::Part;

/// The name of an event type for readers (calendar categories, feed categories).
pub fn event_type(kind: EventType, lang: Lang) -> &'static str {
    event_type_label(lang, kind)
}

/// Where on its page a search found a result whose card shows no word found: the card and
/// the first answer's files (`export::search`) name the part alike. A title or summary is
/// the other language's, since the card shows its own.
pub fn found_part(lang: Lang, part: Part) -> &'static str {
    let u = ui(lang);
    match part {
        Part::Title | Part::Summary => u.found_other_language,
        Part::Body => u.found_body,
        Part::Place => u.found_place,
        Part::OpenedBy => u.found_opened_by,
        Part::Agenda => u.found_agenda,
        Part::SiteVisits => u.found_site_visits,
        Part::Cities => u.found_cities,
        Part::Organisations => u.found_organisations,
        Part::Delegates => u.found_delegates,
        Part::Topics => u.found_topics,
        Part::Sources => u.found_sources,
        Part::Photos => u.found_photos,
    }
}

/// The word for an online event.
pub fn online(lang: Lang) -> &'static str {
    ui(lang).online
}

/// Where an event takes place, as readable parts: venue, street address, city, country, then
/// "online" when it is (also) online. Empty when the event names no place.
pub fn place_parts(catalog: &Catalog, event: &Event, lang: Lang) -> Vec<String> {
    let Some(location) = event.location.as_ref() else {
        return Vec::new();
    };
    let mut parts = Vec::new();
    for text in [&location.venue, &location.address].into_iter().flatten() {
        let text = text.get(lang).trim();
        if !text.is_empty() {
            parts.push(text.to_owned());
        }
    }
    if let Some(id) = location.city.as_deref() {
        parts.push(catalog.city_name(id, lang));
        if let Some(city) = catalog.city(id) {
            parts.push(country_name(&city.country, lang));
        }
    }
    if location.online {
        parts.push(online(lang).to_owned());
    }
    parts
}

/// The day an event was announced (`published`), else the earlier of its first day and its
/// first dated source (an event still to come was announced before it): the stable
/// timestamp of the exports, so the same news always gives the same bytes.
pub fn announced_day(event: &Event) -> (i32, u8, u8) {
    match event.published {
        Some(day) => day.first_day(),
        None => event
            .sources
            .iter()
            .filter_map(|s| s.date)
            .map(|day| day.first_day())
            .fold(event.start.first_day(), std::cmp::min),
    }
}

#[cfg(test)]
mod tests {
    use super::announced_day;
    use crate::model::testing::event;
    use crate::model::{EventType, PartialDate, Text};

    #[test]
    fn an_event_is_announced_when_published_else_by_its_first_source_or_its_start() {
        let mut e = event(
            "hackathon",
            EventType::Hackathon,
            PartialDate::ymd(2027, 3, 20),
            Text::new("Хакатон", "Hackathon"),
        );
        assert_eq!(announced_day(&e), (2027, 3, 20));
        // Still to come, announced by a source months before.
        e.sources[0].date = Some(PartialDate::ymd(2026, 11, 20));
        assert_eq!(announced_day(&e), (2026, 11, 20));
        // A report after the event does not move it.
        e.sources[0].date = Some(PartialDate::ym(2027, 4));
        assert_eq!(announced_day(&e), (2027, 3, 20));
        e.published = Some(PartialDate::ymd(2027, 1, 5));
        assert_eq!(announced_day(&e), (2027, 1, 5));
    }
}
