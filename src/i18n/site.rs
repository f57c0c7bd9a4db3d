//! Interface texts that name the project, its programme or its publisher: the string table
//! holds them as patterns (`{project}`, `{publisher}` …) and these functions fill them from the
//! news file's `site`, so no project is written into the code.

use std::collections::HashMap;

use super::{fill, format_date, ui, Lang};
use crate::model::{Catalog, City, Site};
use crate::text::fold_for_search;

/// The header's and the trail's name for the project section: "Проект X" / "X project".
pub fn section_label(site: &Site, lang: Lang) -> String {
    fill(ui(lang).site_section, &[("project", &site.project.acronym)])
}

/// The project's years: "2018–2023 г." / "2018–2023", one year when it starts and ends in it.
pub fn project_years(site: &Site, lang: Lang) -> String {
    let (start, end) = (site.project.start.year, site.project.end.year);
    let years = if end > start {
        format!("{start}–{end}")
    } else {
        start.to_string()
    };
    match lang {
        // A no-break space keeps „г.“ with its year.
        Lang::Bg => format!("{years}\u{a0}г."),
        Lang::En => years,
    }
}

/// The timeline's one-line introduction: the project, its programme and its years.
pub fn timeline_intro(site: &Site, lang: Lang) -> String {
    let years = project_years(site, lang);
    let mut text = fill(
        ui(lang).timeline_intro,
        &[
            ("project", &site.project.acronym),
            ("programme", site.project.programme.get(lang)),
            ("years", &years),
        ],
    );
    // „2018–2023 г.“ ends the sentence with its own full stop.
    if text.ends_with("..") {
        text.pop();
    }
    text
}

/// The footer's funding statement: the file's own wording when it has one, else composed from
/// the programme and the grant agreement; without either there is no statement (a project
/// without a grant agreement is not described as funded).
pub fn funding_statement(site: &Site, lang: Lang) -> Option<String> {
    if let Some(text) = site.project.funding.as_ref().filter(|t| !t.is_empty()) {
        return Some(text.get(lang).to_owned());
    }
    let grant = site
        .project
        .grant_agreement
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())?;
    Some(fill(
        ui(lang).footer_funding,
        &[
            ("project", &site.project.acronym),
            ("programme", site.project.programme.get(lang)),
            ("grant", grant),
        ],
    ))
}

/// The heading over the people who represented the publisher.
pub fn delegates_heading(site: &Site, lang: Lang) -> String {
    fill(
        ui(lang).event_delegates,
        &[("publisher", site.publisher.get(lang))],
    )
}

/// The accessibility statement's first paragraph: who commits to what, under which law, for
/// which project.
pub fn statement_intro(catalog: &Catalog, lang: Lang) -> String {
    let u = ui(lang);
    let site = &catalog.site;
    let pattern = if publisher_in_bulgaria(catalog) {
        u.a11y_intro
    } else {
        u.a11y_intro_eu
    };
    fill(
        pattern,
        &[
            ("publisher", site.publisher.get(lang)),
            ("project", &site.project.acronym),
        ],
    )
}

/// Where a visitor turns when the publisher's answer does not satisfy them.
pub fn statement_enforcement(catalog: &Catalog, lang: Lang) -> String {
    let u = ui(lang);
    let text = if publisher_in_bulgaria(catalog) {
        u.a11y_enforcement
    } else {
        u.a11y_enforcement_eu
    };
    text.to_owned()
}

/// The statement names Bulgarian law and authority for a publisher in Bulgaria only; for one
/// elsewhere, or one whose city the file does not tell, it names the directive and the
/// national law that applies, which holds wherever the publisher is.
fn publisher_in_bulgaria(catalog: &Catalog) -> bool {
    home_city(catalog).is_some_and(|c| c.country.eq_ignore_ascii_case("BG"))
}

/// When and how the statement was prepared, with its date when the file gives one.
pub fn statement_prepared(site: &Site, lang: Lang) -> String {
    let u = ui(lang);
    match site.statement_date {
        // "on 5 March 2026", but "in March 2026" and "in 2026".
        Some(date) => {
            let pattern = if date.day.is_some() {
                u.a11y_prepared
            } else {
                u.a11y_prepared_in
            };
            fill(pattern, &[("date", &format_date(date, lang))])
        }
        None => u.a11y_prepared_undated.to_owned(),
    }
}

/// The page title's and the manifest's name of the whole site: "X – Новини и събития | Y".
pub fn site_title(site: &Site, lang: Lang) -> String {
    format!(
        "{} – {} | {}",
        site.project.acronym,
        ui(lang).site_tagline,
        site.publisher.get(lang)
    )
}

/// The search field's hint. Its example is a city of the file whose two names are one word
/// in two scripts (searching either finds the other), so the example always works; the city
/// that most events name wins, then the first by id. Without such a city: no example, and a
/// site not published in Bulgarian is told what the search reads instead of its scripts
/// (its visitors may never see a Cyrillic letter).
pub fn search_hint(catalog: &Catalog, lang: Lang) -> String {
    let u = ui(lang);
    match search_example(catalog) {
        Some((cyrillic, latin)) => {
            fill(u.search_hint, &[("cyrillic", &cyrillic), ("latin", &latin)])
        }
        None if catalog.site.publishes(Lang::Bg) => u.search_hint_plain.to_owned(),
        None => u.search_hint_words.to_owned(),
    }
}

/// A city name in Cyrillic and the same name as a visitor types it in Latin letters.
fn search_example(catalog: &Catalog) -> Option<(String, String)> {
    // How many events list each city, counted in one pass (looking each city up in every
    // event's list took seconds for a hostile file's thousands of cities in one event). An
    // event counts once even if it lists a city twice, hence the last event that counted
    // it. Two maps of the one type the app has already: another type of map would add its
    // own copy of the map's code to the wasm.
    let mut uses: HashMap<&str, u32> = HashMap::new();
    let mut last: HashMap<&str, u32> = HashMap::new();
    for (n, event) in (0u32..).zip(&catalog.events) {
        for id in &event.participants.cities {
            if last.insert(id.as_str(), n) != Some(n) {
                *uses.entry(id.as_str()).or_default() += 1;
            }
        }
    }
    let mut best: Option<(u32, &City)> = None;
    for city in &catalog.cities {
        let (Some(bg), Some(en)) = (city.name.bg.as_deref(), city.name.en.as_deref()) else {
            continue;
        };
        let cyrillic = bg.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        if !cyrillic || en.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
            continue;
        }
        if fold_for_search(bg) != fold_for_search(en) {
            continue;
        }
        let uses = uses.get(city.id.as_str()).copied().unwrap_or(0);
        if best.is_none_or(|(n, b)| uses > n || (uses == n && city.id < b.id)) {
            best = Some((uses, city));
        }
    }
    let city = best?.1;
    let bg = city.name.bg.clone()?;
    // The Latin form as typed on a phone: plain letters, lower case.
    let latin = fold_for_search(city.name.en.as_deref()?);
    Some((bg, latin))
}

/// The publisher's city: `site.home_city`, else the city of the organisation that bears the
/// publisher's name (its own `city`, or the city it represents).
pub fn home_city(catalog: &Catalog) -> Option<&City> {
    let site = &catalog.site;
    if let Some(id) = &site.home_city {
        return catalog.city(id);
    }
    let names: Vec<String> = site.publisher.all().map(fold_for_search).collect();
    let org = catalog
        .organisations
        .iter()
        .find(|org| org.name.all().any(|n| names.contains(&fold_for_search(n))))?;
    org.city
        .as_deref()
        .and_then(|id| catalog.city(id))
        .or_else(|| {
            catalog
                .cities
                .iter()
                .find(|c| c.partner.as_deref() == Some(org.id.as_str()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::testing::site;
    use crate::model::{
        CityRole, Organisation, OrganisationKind, OrganisationRole, PartialDate, Text,
    };

    #[test]
    fn fill_puts_values_in_place_and_leaves_unknown_braces() {
        assert_eq!(
            fill("a {x} b {y}", &[("x", "1"), ("y", "{x}")]),
            "a 1 b {x}"
        );
        assert_eq!(fill("{z} {", &[("x", "1")]), "{z} {");
    }

    #[test]
    fn funding_names_the_grant_or_leaves_it_out() {
        let mut s = site("https://example.org/");
        s.project.acronym = "ACME".into();
        s.project.grant_agreement = Some("123456".into());
        let bg = funding_statement(&s, Lang::Bg).unwrap();
        assert!(bg.contains("ACME") && bg.contains("№\u{a0}123456"), "{bg}");
        assert!(funding_statement(&s, Lang::En)
            .unwrap()
            .contains("No 123456"));
        s.project.grant_agreement = Some(" ".into());
        assert_eq!(funding_statement(&s, Lang::En), None);
        s.project.grant_agreement = None;
        assert_eq!(funding_statement(&s, Lang::En), None);
        s.project.funding = Some(Text::new("Точно така.", "Exactly so."));
        assert_eq!(
            funding_statement(&s, Lang::En).as_deref(),
            Some("Exactly so.")
        );
    }

    #[test]
    fn intro_has_the_project_programme_and_years() {
        let mut s = site("https://example.org/");
        s.project.acronym = "ACME".into();
        s.project.start = PartialDate::ym(2020, 1);
        s.project.end = PartialDate::ym(2024, 6);
        let bg = timeline_intro(&s, Lang::Bg);
        assert!(
            bg.contains("ACME") && bg.ends_with("2020–2024\u{a0}г.") && !bg.ends_with(".."),
            "{bg}"
        );
        let en = timeline_intro(&s, Lang::En);
        assert!(en.contains("(Horizon Europe), 2020–2024."), "{en}");
        s.project.end = PartialDate::ym(2020, 9);
        assert_eq!(project_years(&s, Lang::En), "2020");
    }

    #[test]
    fn publisher_names_fill_the_statement_and_the_delegates() {
        let mut s = site("https://example.org/");
        s.publisher = Text::new("Община Габрово", "Gabrovo Municipality");
        assert_eq!(
            delegates_heading(&s, Lang::En),
            "Representing Gabrovo Municipality"
        );
        assert!(!statement_prepared(&s, Lang::En).contains('{'));
        s.statement_date = Some(PartialDate::ymd(2026, 3, 5));
        assert!(statement_prepared(&s, Lang::En).contains("prepared on 5\u{a0}March 2026"));
        s.statement_date = Some(PartialDate::ym(2025, 3));
        assert!(statement_prepared(&s, Lang::En).contains("prepared in March 2025 on"));
        assert!(statement_prepared(&s, Lang::Bg).contains("изготвена през март 2025"));
        s.statement_date = Some(PartialDate::ymd(2026, 3, 5));
        assert!(statement_prepared(&s, Lang::Bg).contains("изготвена на 5"));
    }

    fn city(id: &str, bg: &str, en: &str, partner: Option<&str>) -> City {
        City {
            id: id.into(),
            name: Text::new(bg, en),
            country: "BG".into(),
            role: CityRole::Follower,
            lat: 42.0,
            lon: 25.0,
            partner: partner.map(Into::into),
        }
    }

    fn catalog(cities: Vec<City>, organisations: Vec<Organisation>) -> Catalog {
        let s = site("https://example.org/");
        Catalog::new(s, cities, organisations, vec![], vec![], vec![], vec![])
    }

    #[test]
    fn search_example_is_a_city_written_in_both_scripts() {
        let both = catalog(
            vec![
                // Not one word in two scripts: never an example.
                city("a", "Атина", "Athens", None),
                city("g", "Габрово", "Gabrovo", None),
            ],
            vec![],
        );
        assert_eq!(
            search_hint(&both, Lang::Bg),
            "Търсете на кирилица или на латиница, напр. „Габрово“ или „gabrovo“"
        );
        let mut none = catalog(vec![city("a", "Атина", "Athens", None)], vec![]);
        assert_eq!(search_hint(&none, Lang::En), "In Latin or Cyrillic letters");
        // A site in English alone without an example says nothing of scripts.
        none.site.languages = vec![Lang::En];
        assert_eq!(
            search_hint(&none, Lang::En),
            "Words from the titles, places, names and topics"
        );
    }

    #[test]
    fn home_city_is_the_field_or_the_publishers_city() {
        let org = Organisation {
            id: "muni".into(),
            name: Text::new("Община Габрово", "Gabrovo Municipality"),
            short_name: None,
            kind: OrganisationKind::Municipality,
            role: OrganisationRole::Partner,
            city: None,
            country: None,
            website: None,
        };
        let cities = vec![
            city("a", "Атина", "Athens", None),
            city("g", "Габрово", "Gabrovo", Some("muni")),
        ];
        let mut c = catalog(cities.clone(), vec![org]);
        assert_eq!(
            home_city(&c).map(|c| c.id.as_str()),
            None,
            "publisher has another name"
        );
        c.site.publisher = Text::new("Община Габрово", "Gabrovo Municipality");
        assert_eq!(home_city(&c).map(|c| c.id.as_str()), Some("g"));
        c.site.home_city = Some("a".into());
        assert_eq!(home_city(&c).map(|c| c.id.as_str()), Some("a"));
    }

    #[test]
    fn the_statement_names_bulgarian_law_for_a_publisher_in_bulgaria_only() {
        let mut abroad = city("b", "Бърно", "Brno", None);
        abroad.country = "CZ".into();
        let mut c = catalog(vec![city("g", "Габрово", "Gabrovo", None), abroad], vec![]);
        c.site.publisher = Text::new("Община Габрово", "Gabrovo Municipality");
        let says_bulgaria = |c: &Catalog| {
            let bg = [
                statement_intro(c, Lang::Bg),
                statement_enforcement(c, Lang::Bg),
            ];
            let en = [
                statement_intro(c, Lang::En),
                statement_enforcement(c, Lang::En),
            ];
            assert!(bg[0].starts_with("Община Габрово ") && en[0].starts_with("Gabrovo "));
            assert!(bg.iter().chain(&en).all(|t| !t.contains('{')));
            let named = |texts: &[String], word: &str| texts.iter().any(|t| t.contains(word));
            let (in_bg, in_en) = (named(&bg, "Българ"), named(&en, "Bulgaria"));
            assert_eq!(in_bg, in_en, "{bg:?} {en:?}");
            in_en
        };
        assert!(
            !says_bulgaria(&c),
            "the file does not tell where the publisher is"
        );
        c.site.home_city = Some("g".into());
        assert!(says_bulgaria(&c));
        c.site.home_city = Some("b".into());
        assert!(!says_bulgaria(&c));
        let en = statement_intro(&c, Lang::En);
        assert!(
            en.contains("Directive (EU) 2016/2102 and the national law that applies"),
            "{en}"
        );
    }
}
