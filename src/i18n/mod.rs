//! Every word the interface says, in Bulgarian and English, and the formatting of dates,
//! counts and country names for a language.
//!
//! The strings are one struct with a constant per language: a key missing in either language
//! is a compile error, and the table costs only its text in the wasm.

pub mod dates;
pub mod site;
mod strings;

pub use crate::model::Lang;
use crate::model::{CityRole, EventType, PartialDate};
pub use strings::Ui;

/// The interface strings of a language.
pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::Bg => &strings::BG,
        Lang::En => &strings::EN,
    }
}

/// The plural form of a count: Bulgarian and English both have "one" and "other" forms.
pub fn plural<'a>(n: usize, one: &'a str, other: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        other
    }
}

/// Puts each `{name}` of `pattern` in its place. Values are inserted once, so a value that
/// itself holds `{…}` is left as it is.
pub(crate) fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, *value))
        }) {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// "и още 8" / "and 8 more": the cities a card leaves to the event's page.
pub fn more_cities(lang: Lang, n: usize) -> String {
    fill(ui(lang).cities_more, &[("n", &n.to_string())])
}

/// "12 събития" / "1 event".
pub fn count_events(lang: Lang, n: usize) -> String {
    let u = ui(lang);
    format!("{n} {}", plural(n, u.event_one, u.event_other))
}

pub fn event_type_label(lang: Lang, kind: EventType) -> &'static str {
    let u = ui(lang);
    match kind {
        EventType::ConsortiumMeeting => u.type_consortium_meeting,
        EventType::Workshop => u.type_workshop,
        EventType::LearningSession => u.type_learning_session,
        EventType::SiteVisit => u.type_site_visit,
        EventType::Webinar => u.type_webinar,
        EventType::LocalEvent => u.type_local_event,
        EventType::Exhibition => u.type_exhibition,
        EventType::Hackathon => u.type_hackathon,
        EventType::PublicConsultation => u.type_public_consultation,
        EventType::Publication => u.type_publication,
        EventType::Milestone => u.type_milestone,
    }
}

pub fn city_role_label(lang: Lang, role: CityRole) -> &'static str {
    let u = ui(lang);
    match role {
        CityRole::Lighthouse => u.lighthouse_cities,
        CityRole::Follower => u.follower_cities,
        CityRole::Partner => u.partner_cities,
        CityRole::Other => u.other_cities,
    }
}

/// A quotation in the language's own marks: „…“ in Bulgarian, “…” in English.
pub fn quote(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Bg => format!("„{text}“"),
        Lang::En => format!("\u{201c}{text}\u{201d}"),
    }
}

/// One date at its precision, in words.
///
/// Dates, country names and name order come from the small tables in this module on every
/// target, never from the browser's `Intl`: the prerendered HTML (native) and the live page
/// (wasm) must read the same, word for word.
pub fn format_date(date: PartialDate, lang: Lang) -> String {
    dates::format_date(date, lang)
}

/// A date range in words ("10–11 ноември 2022 г."), optionally with weekdays.
pub fn format_range(
    start: PartialDate,
    end: Option<PartialDate>,
    lang: Lang,
    weekdays: bool,
) -> String {
    if weekdays {
        dates::format_range_with_weekdays(start, end, lang)
    } else {
        dates::format_range(start, end, lang)
    }
}

/// A month heading of the timeline: "Ноември 2022 г." / "November 2022".
pub fn format_month(year: i32, month: u8, lang: Lang) -> String {
    dates::format_month(year, month, lang)
}

/// A year heading: "2022 г." / "2022".
pub fn format_year(year: i32, lang: Lang) -> String {
    dates::format_date(
        PartialDate {
            year,
            month: None,
            day: None,
        },
        lang,
    )
}

/// A city's name, with its country when another city of the file has the same name
/// („Димитровград (Сърбия)“); the id itself for a city the file does not have.
pub fn city_label(catalog: &crate::model::Catalog, id: &str, lang: Lang) -> String {
    let Some(city) = catalog.city(id) else {
        return id.to_owned();
    };
    let name = city.name.get(lang);
    if catalog.name_is_shared(city, lang) {
        format!("{name} ({})", country_name(&city.country, lang))
    } else {
        name.to_owned()
    }
}

/// A country's name from its ISO code ("CZ" → "Чехия"), the code itself when unknown.
pub fn country_name(code: &str, lang: Lang) -> String {
    strings::country_name_fallback(code, lang)
        .map(str::to_owned)
        .unwrap_or_else(|| code.to_owned())
}

/// Orders names as a reader expects: case and Latin marks aside ("Pécs" between "Pavia" and
/// "Pistoia"); Cyrillic code points already follow the Bulgarian alphabet.
pub fn compare_names(a: &str, b: &str, _lang: Lang) -> std::cmp::Ordering {
    crate::text::sort_key(a)
        .cmp(&crate::text::sort_key(b))
        .then_with(|| a.cmp(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_use_the_right_plural_form() {
        assert_eq!(count_events(Lang::Bg, 1), "1 събитие");
        assert_eq!(count_events(Lang::Bg, 12), "12 събития");
        assert_eq!(count_events(Lang::Bg, 0), "0 събития");
        assert_eq!(count_events(Lang::En, 1), "1 event");
        assert_eq!(count_events(Lang::En, 2), "2 events");
    }

    #[test]
    fn every_string_is_filled_in_both_languages() {
        for lang in Lang::ALL {
            for (key, value) in ui(lang).entries() {
                assert!(!value.trim().is_empty(), "{key} is empty in {lang:?}");
            }
        }
        assert_eq!(ui(Lang::Bg).entries().len(), ui(Lang::En).entries().len());
    }

    #[test]
    fn every_event_type_has_a_label() {
        for kind in EventType::ALL {
            assert!(!event_type_label(Lang::Bg, kind).is_empty());
            assert_ne!(
                event_type_label(Lang::Bg, kind),
                event_type_label(Lang::En, kind)
            );
        }
    }

    #[test]
    fn native_dates_match_the_house_style() {
        let start = PartialDate::ymd(2022, 11, 10);
        let end = Some(PartialDate::ymd(2022, 11, 11));
        assert_eq!(
            format_range(start, end, Lang::Bg, false),
            "10–11\u{a0}ноември 2022\u{a0}г."
        );
        assert_eq!(format_year(2022, Lang::Bg), "2022\u{a0}г.");
        assert_eq!(country_name("CZ", Lang::Bg), "Чехия");
        assert_eq!(country_name("XX", Lang::En), "XX");
        assert_eq!(country_name("cz", Lang::En), "Czechia");
        // Neighbours of EU programmes, and the EU's own code for Greece.
        assert_eq!(country_name("UA", Lang::Bg), "Украйна");
        assert_eq!(country_name("EL", Lang::En), "Greece");
    }

    #[test]
    fn quotations_use_each_languages_marks() {
        assert_eq!(quote("Пловдив", Lang::Bg), "„Пловдив“");
        assert_eq!(quote("Pécs", Lang::En), "\u{201c}Pécs\u{201d}");
    }

    #[test]
    fn the_interface_addresses_visitors_formally() {
        // The informal imperatives the interface once used beside formal sentences.
        let informal = [
            "Опитай",
            "Покажи",
            "Скрий",
            "Изчисти",
            "Премахни",
            "Търси",
            "Добави",
            "Копирай",
        ];
        for (key, text) in ui(Lang::Bg).entries() {
            for word in text.split(|c: char| !c.is_alphabetic()) {
                assert!(!informal.contains(&word), "{key}: „{word}“ in „{text}“");
            }
        }
    }

    #[test]
    fn names_sort_without_regard_to_case_and_marks() {
        let mut names = vec!["Zürich", "pavia", "Pécs", "Arad", "Sevilla", "Perugia"];
        names.sort_by(|a, b| compare_names(a, b, Lang::En));
        assert_eq!(
            names,
            ["Arad", "pavia", "Pécs", "Perugia", "Sevilla", "Zürich"]
        );
        let mut bg = vec!["Ямбол", "Враца", "Арад", "Пловдив", "Ловеч", "Търговище"];
        bg.sort_by(|a, b| compare_names(a, b, Lang::Bg));
        assert_eq!(
            bg,
            ["Арад", "Враца", "Ловеч", "Пловдив", "Търговище", "Ямбол"]
        );
    }
}
