//! The news file the site ships: it must load without a single problem, stay readable for
//! editors, keep its flagship story (the Písek consortium meeting) complete, and follow the
//! typography a municipality publishes (quotes, dashes, „г.“ kept with its year).

use project_news::model::{parse_news, Catalog, Event, Lang, PartialDate, Text};

const NEWS_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/news.json");
const FLAGSHIP: &str = "consortium-meeting-pisek-2022";
const PROJECT_CITIES: [&str; 7] = [
    "trondheim",
    "limerick",
    "alba-iulia",
    "pisek",
    "sestao",
    "voru",
    "smolyan",
];

fn news_text() -> String {
    std::fs::read_to_string(NEWS_PATH).unwrap()
}

fn catalog() -> Catalog {
    parse_news(&news_text()).unwrap()
}

fn flagship(catalog: &Catalog) -> &Event {
    catalog.event(FLAGSHIP).unwrap()
}

/// The text in exactly this language, with no fallback to the other one.
fn exact(text: &Text, lang: Lang) -> &str {
    let value = match lang {
        Lang::Bg => text.bg.as_deref(),
        Lang::En => text.en.as_deref(),
    };
    value.unwrap_or("").trim()
}

#[test]
fn shipped_news_loads_without_any_problem() {
    let catalog = catalog();
    let listed: Vec<String> = catalog.problems.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "problems in the shipped news:\n{}",
        listed.join("\n")
    );
}

#[test]
fn shipped_news_covers_the_whole_chronology() {
    assert!(catalog().events.len() >= 20);
}

#[test]
fn every_event_cites_an_http_source() {
    for event in &catalog().events {
        assert!(
            event
                .sources
                .iter()
                .any(|s| s.url.starts_with("https://") || s.url.starts_with("http://")),
            "{} has no http(s) source",
            event.slug
        );
    }
}

#[test]
fn every_event_has_title_and_summary_in_both_languages() {
    for event in &catalog().events {
        for lang in Lang::ALL {
            assert!(
                !exact(&event.title, lang).is_empty(),
                "{}: no {lang:?} title",
                event.slug
            );
            assert!(
                !exact(&event.summary, lang).is_empty(),
                "{}: no {lang:?} summary",
                event.slug
            );
        }
    }
}

#[test]
fn summaries_stay_within_two_hundred_characters() {
    for event in &catalog().events {
        for lang in Lang::ALL {
            let length = exact(&event.summary, lang).chars().count();
            assert!(
                length <= 200,
                "{}: {lang:?} summary has {length} characters",
                event.slug
            );
        }
    }
}

#[test]
fn flagship_has_two_agenda_days_on_the_meeting_dates() {
    let catalog = catalog();
    let event = flagship(&catalog);
    let days: Vec<PartialDate> = event.agenda.iter().map(|d| d.date).collect();
    assert_eq!(
        days,
        [
            PartialDate::ymd(2022, 11, 10),
            PartialDate::ymd(2022, 11, 11)
        ]
    );
    assert!(event.agenda.iter().all(|d| !d.sessions.is_empty()));
    assert_eq!(event.start, PartialDate::ymd(2022, 11, 10));
    assert_eq!(event.end, Some(PartialDate::ymd(2022, 11, 11)));
    assert_eq!(event.published, Some(PartialDate::ymd(2022, 12, 12)));
}

#[test]
fn flagship_names_the_three_smolyan_delegates() {
    let catalog = catalog();
    let event = flagship(&catalog);
    assert_eq!(
        event.delegates,
        ["eftima-petkova", "borislava-spasova", "anastasia-daskalova"]
    );
    for id in &event.delegates {
        let person = catalog.person(id).unwrap();
        assert_eq!(person.organisation, "smolyan-municipality");
    }
}

#[test]
fn flagship_has_site_visits_an_opener_and_a_host() {
    let catalog = catalog();
    let event = flagship(&catalog);
    assert!(!event.site_visits.is_empty());
    let opened_by = event.opened_by.as_ref().unwrap();
    assert!(!exact(opened_by, Lang::Bg).is_empty() && !exact(opened_by, Lang::En).is_empty());
    let host = event.host.as_ref().unwrap();
    assert_eq!(host.city.as_deref(), Some("pisek"));
    assert_eq!(host.organisation.as_deref(), Some("pisek-municipality"));
    let venue = event.location.as_ref().and_then(|l| l.venue.as_ref());
    assert!(venue.is_some_and(|v| !v.is_empty()));
}

#[test]
fn flagship_gathers_all_seven_cities_with_ntnu_as_lead_partner() {
    let catalog = catalog();
    let event = flagship(&catalog);
    assert_eq!(event.participants.lead_partner.as_deref(), Some("ntnu"));
    for city in PROJECT_CITIES {
        assert!(
            event.participants.cities.iter().any(|c| c == city),
            "{city} is missing from the flagship"
        );
    }
    assert!(event
        .sources
        .iter()
        .any(|s| s.url == "https://www.smolyan.bg/bg/menu/subcontent/3205"));
}

#[test]
fn file_is_pretty_printed_with_two_space_indentation() {
    let text = news_text();
    assert!(
        text.lines().count() > 100,
        "the file should be one value per line"
    );
    let mut previous = 0;
    for (number, line) in text.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert!(
            !line.starts_with('\t') && !line[indent..].starts_with('\t'),
            "tab on line {}",
            number + 1
        );
        assert_eq!(indent % 2, 0, "odd indentation on line {}", number + 1);
        assert!(
            indent <= previous + 2,
            "indentation jumps on line {}",
            number + 1
        );
        previous = indent;
    }
}

/// Bulgarian typography: „…“ quotes and en dashes in ranges, never straight quotes or hyphens
/// between numbers.
#[test]
fn bulgarian_texts_use_typographic_quotes_and_dashes() {
    for event in &catalog().events {
        let texts = [
            Some(&event.title),
            Some(&event.summary),
            event.body.as_ref(),
        ];
        for text in texts.into_iter().flatten() {
            let bg = exact(text, Lang::Bg);
            assert!(
                !bg.contains('"'),
                "{}: straight quotes in Bulgarian",
                event.slug
            );
            let chars: Vec<char> = bg.chars().collect();
            let hyphen_range = chars
                .windows(3)
                .any(|w| w[0].is_ascii_digit() && w[1] == '-' && w[2].is_ascii_digit());
            assert!(!hyphen_range, "{}: hyphen in a Bulgarian range", event.slug);
        }
    }
}

/// Every text of the file in one language, with where it is: the event texts, the site's, the
/// reference lists' and the sources' titles alike, as a visitor may meet any of them.
fn texts_in(lang: &str) -> Vec<(String, String)> {
    fn walk(value: &serde_json::Value, path: &str, lang: &str, out: &mut Vec<(String, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(text) = map.get(lang).and_then(|v| v.as_str()) {
                    out.push((path.to_owned(), text.to_owned()));
                }
                for (key, inner) in map {
                    walk(inner, &format!("{path}.{key}"), lang, out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, inner) in items.iter().enumerate() {
                    walk(inner, &format!("{path}[{i}]"), lang, out);
                }
            }
            _ => {}
        }
    }
    let news: serde_json::Value = serde_json::from_str(&news_text()).unwrap();
    let mut out = Vec::new();
    walk(&news, "", lang, &mut out);
    assert!(out.len() > 100, "the walk found the texts");
    out
}

/// „2022 г.“ never breaks before „г.“, and two years share one: „2020–2021 г.“, not
/// „2020 г. – 2021 г.“.
#[test]
fn bulgarian_years_keep_their_mark_on_the_same_line() {
    for (path, text) in texts_in("bg") {
        let chars: Vec<char> = text.chars().collect();
        for (i, w) in chars.windows(3).enumerate() {
            let year_mark = w[1] == 'г' && w[2] == '.';
            if w[0] == ' ' && year_mark && i > 0 && chars[i - 1].is_ascii_digit() {
                panic!("{path}: a plain space before „г.“ in „{text}“");
            }
            assert!(
                !(w[0].is_ascii_digit() && year_mark),
                "{path}: no space before „г.“ in „{text}“"
            );
        }
        for dash in ["г. – ", "г. — ", "г.–", "г. - "] {
            for (at, _) in text.match_indices(dash) {
                let rest: String = text[at + dash.len()..].chars().take(6).collect();
                let is_year = rest.chars().take(4).all(|c| c.is_ascii_digit())
                    && rest.chars().nth(4) == Some('\u{a0}');
                assert!(
                    !is_year,
                    "{path}: write a range of years as „2020–2021 г.“: „{text}“"
                );
            }
        }
    }
}

/// Bulgarian quotes are „…“, English ones “…”; each opened quote is closed.
#[test]
fn quotation_marks_follow_each_language() {
    for (path, text) in texts_in("bg") {
        assert!(
            !text.contains('”'),
            "{path}: English closing quote in „{text}“"
        );
        assert_eq!(
            text.matches('„').count(),
            text.matches('“').count(),
            "{path}: unbalanced quotes in „{text}“"
        );
    }
    for (path, text) in texts_in("en") {
        assert!(
            !text.contains('„'),
            "{path}: Bulgarian opening quote in “{text}”"
        );
        assert_eq!(
            text.matches('“').count(),
            text.matches('”').count(),
            "{path}: unbalanced quotes in “{text}”"
        );
    }
}

/// What a source does or does not say is an editor's note, not news: it lives in `note`, and
/// the events that need one have it.
#[test]
fn remarks_on_the_sources_are_notes() {
    let catalog = catalog();
    for event in &catalog.events {
        for lang in Lang::ALL {
            for text in [Some(&event.summary), event.body.as_ref()]
                .into_iter()
                .flatten()
            {
                let text = exact(text, lang);
                for remark in [
                    "Източникът",
                    "източникът не",
                    "The source",
                    "inferred",
                    "предположение",
                ] {
                    assert!(
                        !text.contains(remark),
                        "{}: „{remark}“ belongs in the note: {text}",
                        event.slug
                    );
                }
            }
        }
    }
    for slug in [
        "kick-off-meeting-trondheim-2018",
        "learning-session-voru-2023",
        "final-event-trondheim-2023",
    ] {
        assert!(
            catalog.event(slug).unwrap().note.is_some(),
            "{slug} keeps its note on the source"
        );
    }
}
