//! The few words the exported files need in each language: event types, country names and
//! "online". Kept here so the exports stay pure and small.

use crate::model::{Catalog, Event, EventType, Lang};

/// The name of an event type for readers (calendar categories, feed categories).
pub fn event_type(kind: EventType, lang: Lang) -> &'static str {
    let (bg, en) = match kind {
        EventType::ConsortiumMeeting => ("Среща на консорциума", "Consortium meeting"),
        EventType::Workshop => ("Уъркшоп", "Workshop"),
        EventType::LearningSession => ("Обучителна сесия", "Learning session"),
        EventType::SiteVisit => ("Посещение на място", "Site visit"),
        EventType::Webinar => ("Уебинар", "Webinar"),
        EventType::LocalEvent => ("Местно събитие", "Local event"),
        EventType::Exhibition => ("Изложение", "Exhibition"),
        EventType::Hackathon => ("Хакатон", "Hackathon"),
        EventType::PublicConsultation => ("Обществено обсъждане", "Public consultation"),
        EventType::Publication => ("Публикация", "Publication"),
        EventType::Milestone => ("Важен етап", "Milestone"),
    };
    pick(lang, bg, en)
}

/// The word for an online event.
pub fn online(lang: Lang) -> &'static str {
    pick(lang, "Онлайн", "Online")
}

/// A country's name from its ISO 3166-1 alpha-2 code, for the countries of Europe the project
/// deals with; `None` for others, which callers show as the code.
pub fn country(code: &str, lang: Lang) -> Option<&'static str> {
    let (bg, en) = match code.trim().to_ascii_uppercase().as_str() {
        "AT" => ("Австрия", "Austria"),
        "BE" => ("Белгия", "Belgium"),
        "BG" => ("България", "Bulgaria"),
        "CH" => ("Швейцария", "Switzerland"),
        "CY" => ("Кипър", "Cyprus"),
        "CZ" => ("Чехия", "Czechia"),
        "DE" => ("Германия", "Germany"),
        "DK" => ("Дания", "Denmark"),
        "EE" => ("Естония", "Estonia"),
        "ES" => ("Испания", "Spain"),
        "FI" => ("Финландия", "Finland"),
        "FR" => ("Франция", "France"),
        "GB" => ("Обединеното кралство", "United Kingdom"),
        "GR" => ("Гърция", "Greece"),
        "HR" => ("Хърватия", "Croatia"),
        "HU" => ("Унгария", "Hungary"),
        "IE" => ("Ирландия", "Ireland"),
        "IS" => ("Исландия", "Iceland"),
        "IT" => ("Италия", "Italy"),
        "LT" => ("Литва", "Lithuania"),
        "LU" => ("Люксембург", "Luxembourg"),
        "LV" => ("Латвия", "Latvia"),
        "MT" => ("Малта", "Malta"),
        "NL" => ("Нидерландия", "Netherlands"),
        "NO" => ("Норвегия", "Norway"),
        "PL" => ("Полша", "Poland"),
        "PT" => ("Португалия", "Portugal"),
        "RO" => ("Румъния", "Romania"),
        "SE" => ("Швеция", "Sweden"),
        "SI" => ("Словения", "Slovenia"),
        "SK" => ("Словакия", "Slovakia"),
        _ => return None,
    };
    Some(pick(lang, bg, en))
}

fn pick(lang: Lang, bg: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Bg => bg,
        Lang::En => en,
    }
}

/// Where an event takes place, as readable parts: venue, city, country, then "online" when it
/// is (also) online. Empty when the event names no place.
pub fn place_parts(catalog: &Catalog, event: &Event, lang: Lang) -> Vec<String> {
    let Some(location) = event.location.as_ref() else {
        return Vec::new();
    };
    let mut parts = Vec::new();
    if let Some(venue) = location.venue.as_ref().map(|v| v.get(lang).trim()) {
        if !venue.is_empty() {
            parts.push(venue.to_owned());
        }
    }
    if let Some(id) = location.city.as_deref() {
        parts.push(catalog.city_name(id, lang));
        if let Some(city) = catalog.city(id) {
            let name = country(&city.country, lang).unwrap_or(city.country.as_str());
            parts.push(name.to_owned());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_event_type_has_a_label_in_both_languages() {
        for kind in EventType::ALL {
            assert!(!event_type(kind, Lang::Bg).is_empty());
            assert!(!event_type(kind, Lang::En).is_empty());
        }
    }

    #[test]
    fn country_codes_are_matched_without_regard_to_case() {
        assert_eq!(country("cz", Lang::En), Some("Czechia"));
        assert_eq!(country("BG", Lang::Bg), Some("България"));
        assert_eq!(country("JP", Lang::En), None);
    }
}
