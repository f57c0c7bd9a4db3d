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

/// The day an event was announced, else its first day: the stable timestamp of the exports,
/// so the same news always gives the same bytes.
pub fn announced_day(event: &Event) -> (i32, u8, u8) {
    event.published.unwrap_or(event.start).first_day()
}
