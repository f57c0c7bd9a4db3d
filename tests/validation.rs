//! The validator against one small fixture per kind of mistake, through the library and through
//! the `newsctl` binary.

mod common;

use std::collections::HashSet;

use common::{fixture_path, newsctl};

use project_news::model::{parse_news, Catalog, FatalError, Problem, Severity};

const MEETING: &str = "pisek-consortium-meeting-2022";
const CLIMATHON: &str = "climathon-smolyan-2021";
const LEARNING: &str = "smolyan-learning-session-2023";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).unwrap()
}

fn load(name: &str) -> Catalog {
    parse_news(&fixture(name)).unwrap()
}

fn fatal(name: &str) -> FatalError {
    parse_news(&fixture(name)).unwrap_err()
}

fn errors(catalog: &Catalog) -> Vec<&Problem> {
    let errors = catalog.problems.iter();
    errors.filter(|p| p.severity == Severity::Error).collect()
}

fn slugs(catalog: &Catalog) -> Vec<&str> {
    catalog.events.iter().map(|e| e.slug.as_str()).collect()
}

/// The fixture's single problem.
fn single_problem(catalog: &Catalog) -> &Problem {
    assert_eq!(catalog.problems.len(), 1, "{:#?}", catalog.problems);
    &catalog.problems[0]
}

/// A fixture whose third event is broken: the two good ones must still be there.
fn assert_good_events_survive(catalog: &Catalog) {
    let slugs = slugs(catalog);
    assert!(slugs.contains(&MEETING), "{slugs:?}");
    assert!(slugs.contains(&CLIMATHON), "{slugs:?}");
}

fn assert_problem(
    p: &Problem,
    severity: Severity,
    path: &str,
    (line, column): (usize, usize),
    entry_dropped: bool,
) {
    assert_eq!(p.severity, severity, "{p}");
    assert_eq!(p.path, path, "{p}");
    assert_eq!((p.line, p.column), (line, column), "{p}");
    assert_eq!(p.entry_dropped, entry_dropped, "{p}");
}

/// Asserts the one problem of a fixture whose `events[1]` is left out.
fn assert_event_left_out(name: &str, path: &str, at: (usize, usize), message_part: &str) {
    let catalog = load(name);
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Error, path, at, true);
    assert!(p.message.contains(message_part), "{p}");
    assert_eq!(p.slug.as_deref(), Some(LEARNING), "{p}");
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING]);
    assert_eq!(catalog.dropped_entries(), 1);
}

/// Asserts the one problem of a fixture whose `events[1]` stays, minus a bad reference.
fn assert_reference_dropped(name: &str, path: &str, at: (usize, usize), id: &str) -> Catalog {
    let catalog = load(name);
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Error, path, at, false);
    assert!(p.message.contains(&format!("`{id}`")), "{p}");
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING, LEARNING]);
    assert_eq!(catalog.dropped_entries(), 0);
    catalog
}

// --- whole-file outcomes -------------------------------------------------------------------

#[test]
fn valid_file_loads_every_event_without_problems() {
    let catalog = load("valid-minimal.json");
    assert!(catalog.problems.is_empty(), "{:#?}", catalog.problems);
    // Sorted oldest first, whatever the order in the file.
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING, LEARNING]);
    assert_eq!(
        catalog
            .city("smolyan")
            .unwrap()
            .name
            .get(project_news::model::Lang::En),
        "Smolyan"
    );
}

#[test]
fn text_that_is_not_json_is_a_syntax_error_at_its_start() {
    let err = fatal("not-json.json");
    assert!(
        matches!(
            err,
            FatalError::Syntax {
                line: 1,
                column: 1,
                ..
            }
        ),
        "{err:?}"
    );
}

#[test]
fn truncated_file_reports_where_it_ends() {
    let err = fatal("truncated.json");
    let FatalError::Syntax { line, message, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*line, 171);
    assert!(message.contains("EOF"), "{message}");
}

#[test]
fn unknown_format_version_is_refused_whole() {
    assert_eq!(
        fatal("wrong-version.json"),
        FatalError::Version {
            found: "2".to_owned()
        }
    );
}

#[test]
fn a_section_named_twice_is_refused_at_its_second_name() {
    // Readers keep one or the other (the app would have refused the file, the validator took
    // the last): the file is refused with the place of the second name.
    assert_eq!(
        fatal("repeated-section.json"),
        FatalError::Repeated {
            line: 125,
            column: 3,
            name: "events".to_owned()
        }
    );
    let path = fixture_path("repeated-section.json");
    let (code, out, _) = newsctl(&["check", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "{path}:125:3: error: `events` is named a second time here"
        )),
        "{out}"
    );
}

#[test]
fn file_without_events_list_is_refused() {
    let err = fatal("no-events.json");
    assert!(matches!(&err, FatalError::Shape { message } if message.contains("`events`")));
}

#[test]
fn events_that_are_not_a_list_are_refused() {
    let err = fatal("events-not-array.json");
    assert!(matches!(&err, FatalError::Shape { message } if message.contains("must be a list")));
}

#[test]
fn a_comma_after_the_last_member_is_named_where_it_stands() {
    for (text, line, column, bracket) in [
        ("{\"version\": 1, \"events\": [1, 2,]}", 1, 31, ']'),
        // Columns count characters, not bytes.
        ("{\"version\": 1, \"заглавие\": [\"Писек\",]}", 1, 36, ']'),
        (
            "{\n  \"version\": 1,\n  \"site\": {\"a\": 1,\n\n  }\n}",
            3,
            18,
            '}',
        ),
        (
            "{\"version\": 1, \"events\": [{\"a\": 1},\t\r\n ]}",
            1,
            35,
            ']',
        ),
    ] {
        let err = parse_news(text).unwrap_err();
        assert_eq!(err.position(), (line, column), "{text}");
        assert_eq!(
            err.message(),
            format!("not valid JSON: a comma before `{bracket}` with nothing after it: remove the comma")
        );
    }
    // A comma with nothing before it, or a missing one, is another slip, said as the parser says it.
    for text in [
        "{\"version\": 1, \"events\": [,]}",
        "{\"version\": 1, \"events\": [1 2]}",
    ] {
        let message = parse_news(text).unwrap_err().message();
        assert!(!message.contains("a comma before"), "{message}");
    }
}

#[test]
fn invalid_site_is_fatal_and_names_the_field() {
    let err = fatal("invalid-site.json");
    let message = err.message();
    assert!(message.contains("canonical_url"), "{message}");
    // The position is the error's own, where an editor's cursor goes, not the file's top.
    assert!(matches!(err, FatalError::Site { line: 4, .. }), "{err:?}");
    let path = fixture_path("invalid-site.json");
    let (code, out, _) = newsctl(&["check", &path]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!(
            "{path}:4:11: error: the `site` object is not valid: site: missing field `canonical_url`"
        )),
        "{out}"
    );
}

#[test]
fn top_level_that_is_not_an_object_is_a_shape_error() {
    assert!(matches!(
        parse_news("[1, 2]"),
        Err(FatalError::Shape { .. })
    ));
    assert!(matches!(
        parse_news("\"news\""),
        Err(FatalError::Shape { .. })
    ));
}

#[test]
fn empty_text_is_a_syntax_error() {
    assert!(matches!(
        parse_news(""),
        Err(FatalError::Syntax { line: 1, .. })
    ));
}

#[test]
fn byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", fixture("valid-minimal.json"));
    assert_eq!(parse_news(&text).unwrap().events.len(), 3);
}

#[test]
fn unknown_section_is_a_warning_only() {
    let catalog = load("unknown-section.json");
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Warning, "extras", (170, 13), false);
    assert_eq!(slugs(&catalog), [MEETING]);
}

#[test]
fn a_country_that_is_not_a_code_is_a_warning_and_shown_as_written() {
    let catalog = load("country-not-a-code.json");
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Warning, "cities[1].country", (72, 18), false);
    assert!(p.message.contains("`Czech Republic`"), "{p}");
    assert_eq!(catalog.cities[1].country, "Czech Republic");
    assert_eq!(catalog.events.len(), 3);
}

#[test]
fn two_cities_of_one_name_in_one_country_are_a_warning_at_the_second() {
    let catalog = load("same-city-name.json");
    // A third city of the name in another country is told apart by its country: no warning.
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Warning, "cities[3].name", (90, 15), false);
    assert!(p.message.contains("`Бяла` in BG"), "{p}");
    assert!(p.message.contains("city `byala-ruse`"), "{p}");
    assert_eq!(catalog.cities.len(), 5, "both are kept");
}

#[test]
fn an_entry_listed_twice_in_an_event_is_a_warning_and_is_kept_once() {
    let text = fixture("repeated-reference.json");
    let catalog = parse_news(&text).unwrap();
    assert_eq!(catalog.problems.len(), 2, "{:#?}", catalog.problems);
    let (cities, person) = (&catalog.problems[0], &catalog.problems[1]);
    assert_problem(
        cities,
        Severity::Warning,
        "events[0].participants.cities[2]",
        (145, 11),
        false,
    );
    assert!(
        cities.message.contains("city `smolyan` and 1 more"),
        "{cities}"
    );
    assert_problem(
        person,
        Severity::Warning,
        "events[0].delegates[1]",
        (155, 9),
        false,
    );
    let event = catalog.event("pisek-consortium-meeting-2022").unwrap();
    assert_eq!(event.participants.cities, ["smolyan", "pisek"]);
    assert_eq!(event.delegates, ["borislava-spasova"]);
    // The browser's loader reads the published file (the repeats still in it) the same way.
    let light = project_news::model::load_published(&text).unwrap();
    assert_eq!(light.events, catalog.events);
}

#[test]
fn an_agenda_day_outside_the_events_dates_is_a_warning() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    // 10–11 November 2022: the first and last days hold, a day before and the next month do
    // not; a day of the month alone overlaps the event and holds.
    let day = |date: &str| serde_json::json!({ "date": date, "sessions": [] });
    doc["events"][0]["agenda"] = serde_json::json!([
        day("2022-11-10"),
        day("2022-11-09"),
        day("2022-11-11"),
        day("2022-12"),
        day("2022-11")
    ]);
    let catalog = parse_news(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let found: Vec<(&str, &str)> = catalog
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    let outside = |date: &str| {
        format!("the day {date} is outside the event's dates (2022-11-10–2022-11-11): correct the day, or the event's start or end")
    };
    assert_eq!(
        found,
        [
            ("events[0].agenda[1].date", outside("2022-11-09").as_str()),
            ("events[0].agenda[3].date", outside("2022-12").as_str()),
        ]
    );
    assert!(catalog
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    assert_eq!(catalog.events.len(), 3, "the event stays");
}

#[test]
fn a_list_of_no_language_is_a_warning_and_both_are_published() {
    use project_news::model::Lang;
    let catalog = load("languages-none.json");
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Warning, "site.languages", (41, 18), false);
    assert!(catalog.site.publishes(Lang::Bg) && catalog.site.publishes(Lang::En));
    assert_eq!(catalog.site.root_lang(), Lang::Bg);
    // English alone is a site of its own language, at the root; English listed first
    // still has Bulgarian at the root.
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    for (languages, root, both) in [
        (vec!["en"], Lang::En, false),
        (vec!["en", "bg"], Lang::Bg, true),
    ] {
        doc["site"]["languages"] = serde_json::json!(languages);
        let catalog = parse_news(&doc.to_string()).unwrap();
        assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
        assert_eq!(catalog.site.root_lang(), root);
        // A site in English alone misses no Bulgarian: an event told in English only is fine.
        if !both {
            let mut alone = doc.clone();
            alone["events"][0]["title"] = serde_json::json!({ "en": "In English" });
            alone["events"][0]["summary"] = serde_json::json!({ "en": "Only." });
            let catalog = parse_news(&alone.to_string()).unwrap();
            assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
        }
        assert_eq!(catalog.site.publishes(Lang::Bg), both);
    }
}

// --- entries left out ----------------------------------------------------------------------

#[test]
fn missing_required_field_leaves_the_event_out() {
    assert_event_left_out(
        "missing-required-field.json",
        "events[1]",
        (169, 5),
        "missing field `summary`",
    );
}

#[test]
fn wrong_value_type_points_at_the_value() {
    assert_event_left_out(
        "wrong-type.json",
        "events[1].start",
        (172, 16),
        "expected a string",
    );
}

#[test]
fn unknown_event_type_is_rejected() {
    assert_event_left_out(
        "unknown-event-type.json",
        "events[1].type",
        (171, 15),
        "unknown variant `conference`",
    );
}

#[test]
fn unknown_field_is_rejected_as_a_likely_typo() {
    assert_event_left_out(
        "unknown-field.json",
        "events[1].organiser",
        (196, 20),
        "unknown field `organiser`",
    );
}

#[test]
fn impossible_date_is_rejected() {
    assert_event_left_out(
        "bad-date.json",
        "events[1].start",
        (172, 16),
        "not a day of the calendar",
    );
}

#[test]
fn end_before_start_is_rejected() {
    assert_event_left_out(
        "end-before-start.json",
        "events[1].end",
        (173, 14),
        "before it starts",
    );
}

#[test]
fn duplicate_slug_leaves_out_the_later_event() {
    let catalog = load("duplicate-slug.json");
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Error, "events[1].slug", (170, 15), true);
    assert!(p.message.contains("used by an earlier event"), "{p}");
    // The earlier one keeps the slug.
    assert_eq!(
        catalog.event(MEETING).unwrap().start.to_string(),
        "2022-11-10"
    );
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING]);
}

#[test]
fn left_out_event_does_not_claim_its_slug() {
    // A broken first event must not push out a good later one with the same slug.
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let events = doc["events"].as_array_mut().unwrap();
    let mut broken = events[2].clone();
    broken["sources"] = serde_json::json!([]);
    events.insert(0, broken);
    let catalog = parse_news(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let p = single_problem(&catalog);
    assert_eq!(p.path, "events[0].sources");
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING, LEARNING]);
}

#[test]
fn malformed_slug_is_rejected() {
    let catalog = load("bad-slug.json");
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Error, "events[1].slug", (170, 15), true);
    assert!(p.message.contains("lowercase letters"), "{p}");
    // The slug as written, so the editor can search for it.
    assert_eq!(p.slug.as_deref(), Some("Learning Session 2023"));
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING]);
}

#[test]
fn title_empty_in_both_languages_is_rejected() {
    assert_event_left_out(
        "empty-title.json",
        "events[1].title",
        (174, 16),
        "must not be empty",
    );
}

#[test]
fn javascript_source_url_is_rejected() {
    assert_event_left_out(
        "javascript-url.json",
        "events[1].sources[0].url",
        (188, 18),
        "must be an http(s) address",
    );
}

#[test]
fn data_url_image_is_rejected() {
    assert_event_left_out(
        "data-url-image.json",
        "events[1].images[0].src",
        (198, 18),
        "or an https address",
    );
}

#[test]
fn javascript_link_in_body_is_rejected_in_each_language() {
    let catalog = load("body-javascript-link.json");
    assert_eq!(catalog.problems.len(), 2, "{:#?}", catalog.problems);
    assert_problem(
        &catalog.problems[0],
        Severity::Error,
        "events[1].body.bg",
        (197, 15),
        true,
    );
    // The second reason for the same entry does not count it twice.
    assert_problem(
        &catalog.problems[1],
        Severity::Error,
        "events[1].body.en",
        (198, 15),
        false,
    );
    assert_eq!(catalog.dropped_entries(), 1);
    assert_good_events_survive(&catalog);
    assert!(catalog.event(LEARNING).is_none());
}

#[test]
fn event_without_sources_is_rejected() {
    assert_event_left_out(
        "no-sources.json",
        "events[1].sources",
        (186, 18),
        "at least one source",
    );
}

#[test]
fn oversized_text_is_rejected() {
    assert_event_left_out(
        "oversized-text.json",
        "events[1].body",
        (196, 15),
        "longer than 40000 characters",
    );
}

#[test]
fn bad_entry_does_not_hide_good_ones() {
    let catalog = load("mixed-good-and-bad.json");
    let found: Vec<(&str, usize, bool)> = catalog
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.line, p.entry_dropped))
        .collect();
    assert_eq!(
        found,
        [
            ("cities[2].id", 78, true),
            ("events[1]", 180, true),
            ("events[3]", 211, true),
        ]
    );
    assert_eq!(catalog.problems[1].slug.as_deref(), Some("broken"));
    assert_eq!(slugs(&catalog), [CLIMATHON, MEETING, LEARNING]);
    assert_eq!(catalog.cities.len(), 2);
    assert_eq!(catalog.dropped_entries(), 3);
}

// --- references dropped, event kept --------------------------------------------------------

#[test]
fn unknown_city_reference_is_dropped_and_event_kept() {
    let catalog = assert_reference_dropped(
        "unknown-city.json",
        "events[1].host.city",
        (183, 17),
        "varna",
    );
    let host = catalog.event(LEARNING).unwrap().host.as_ref().unwrap();
    assert_eq!(host.city, None);
    assert_eq!(host.organisation.as_deref(), Some("smolyan-municipality"));
}

#[test]
fn unknown_organisation_reference_is_dropped_and_event_kept() {
    let catalog = assert_reference_dropped(
        "unknown-organisation.json",
        "events[1].host.organisation",
        (184, 25),
        "isocarp",
    );
    let host = catalog.event(LEARNING).unwrap().host.as_ref().unwrap();
    assert_eq!(host.organisation, None);
}

#[test]
fn unknown_person_is_dropped_from_delegates() {
    let catalog = assert_reference_dropped(
        "unknown-person.json",
        "events[1].delegates[1]",
        (198, 9),
        "eftima-petkova",
    );
    assert_eq!(
        catalog.event(LEARNING).unwrap().delegates,
        ["borislava-spasova"]
    );
}

#[test]
fn unknown_topic_is_dropped() {
    let catalog = assert_reference_dropped(
        "unknown-topic.json",
        "events[1].topics[0]",
        (197, 9),
        "energy",
    );
    assert!(catalog.event(LEARNING).unwrap().topics.is_empty());
}

#[test]
fn unsafe_organisation_website_is_dropped() {
    let catalog = load("unsafe-organisation-website.json");
    let p = single_problem(&catalog);
    assert_problem(
        p,
        Severity::Error,
        "organisations[1].website",
        (98, 18),
        false,
    );
    assert_eq!(catalog.organisation("ntnu").unwrap().website, None);
}

// --- warnings ------------------------------------------------------------------------------

#[test]
fn missing_translation_is_a_warning_and_falls_back() {
    let catalog = load("missing-translation.json");
    let p = single_problem(&catalog);
    assert_problem(
        p,
        Severity::Warning,
        "events[1].summary.en",
        (178, 18),
        false,
    );
    let summary = &catalog.event(LEARNING).unwrap().summary;
    let shown = summary.resolve(project_news::model::Lang::En);
    assert!(shown.is_fallback(project_news::model::Lang::En));
}

#[test]
fn a_reference_to_an_entry_left_out_for_its_own_problems_says_so() {
    // The city Písek lacks its country: left out, and the event's two references to it go.
    let catalog = load("referenced-entry-left-out.json");
    let paths: Vec<&str> = catalog.problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "cities[1]",
            "events[0].location.city",
            "events[0].participants.cities[1]"
        ]
    );
    for p in &catalog.problems[1..] {
        assert_eq!(
            p.message,
            "city `pisek` is left out for problems of its own; the reference was dropped until they are fixed"
        );
    }
    // An id that no entry has is still unknown.
    let catalog = load("unknown-city.json");
    assert!(single_problem(&catalog).message.starts_with("unknown city"));
}

#[test]
fn a_site_in_bulgarian_alone_misses_no_english() {
    let text = fixture("missing-translation.json").replacen(
        "\"languages\": [\n      \"bg\",\n      \"en\"\n    ]",
        "\"languages\": [\n      \"bg\"\n    ]",
        1,
    );
    assert!(
        text.contains("\"bg\"\n    ]"),
        "the fixture lists its languages as expected"
    );
    let catalog = parse_news(&text).unwrap();
    assert!(catalog.problems.is_empty(), "{:#?}", catalog.problems);
}

#[test]
fn html_in_body_is_a_warning_shown_as_text() {
    let catalog = load("html-in-body.json");
    let p = single_problem(&catalog);
    assert_problem(p, Severity::Warning, "events[1].body", (196, 15), false);
    assert_eq!(catalog.events.len(), 3);
}

// --- URL rule ------------------------------------------------------------------------------

#[test]
fn only_web_addresses_and_site_paths_are_safe_links() {
    use project_news::model::is_safe_url;
    for ok in [
        "https://cityxchange.eu/",
        "http://x.org/a",
        "/events/a",
        "images/a.jpg",
        "#top",
        "a?b=c:d",
    ] {
        assert!(is_safe_url(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/",
        "/\\evil.example/",
        "https:evil",
        "",
    ] {
        assert!(!is_safe_url(bad), "{bad:?}");
    }
}

// --- the binary ----------------------------------------------------------------------------

#[test]
fn cli_valid_file_exits_zero_with_summary() {
    let path = fixture_path("valid-minimal.json");
    let (code, out, _) = newsctl(&["check", &path]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("{path}: 3 events loaded, 0 entries left out, 0 errors, 0 warnings\n")
    );
}

#[test]
fn cli_warnings_alone_exit_zero() {
    let path = fixture_path("missing-translation.json");
    let (code, out, _) = newsctl(&["check", &path]);
    assert_eq!(code, 0);
    assert!(out.starts_with(&format!(
        "{path}:178:18: warning: events[1].summary.en: no en text"
    )));
}

#[test]
fn cli_errors_print_file_line_column_and_exit_one() {
    let path = fixture_path("javascript-url.json");
    let (code, out, _) = newsctl(&["check", &path]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{path}:188:18: error: events[1].sources[0].url: source `javascript:alert(1)` \
                 must be an http(s) address (event `{LEARNING}`) [entry left out]"
            ),
            format!("{path}: 2 events loaded, 1 entries left out, 1 errors, 0 warnings"),
        ]
    );
}

#[test]
fn cli_fatal_error_prints_position() {
    let path = fixture_path("truncated.json");
    let (code, out, _) = newsctl(&["check", &path]);
    assert_eq!(code, 1);
    // The parser's words said plainly, its own after them.
    assert!(
        out.starts_with(&format!(
            "{path}:171:14: error: not valid JSON: the file ends where a value should come: it \
             may have been cut off (EOF while parsing a value)"
        )),
        "{out}"
    );
    let path = fixture_path("not-json.json");
    let (_, out, _) = newsctl(&["check", "--format", "json", &path]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let message = report[0]["fatal"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("not valid JSON: a value should come here")
            && message.ends_with("(expected value)"),
        "{message}"
    );
}

#[test]
fn cli_unreadable_file_exits_two() {
    let (code, _, err) = newsctl(&["check", "no/such/news.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn cli_worst_outcome_of_several_files_wins() {
    let good = fixture_path("valid-minimal.json");
    let bad = fixture_path("no-sources.json");
    assert_eq!(newsctl(&["check", &good, &bad]).0, 1);
    assert_eq!(newsctl(&["check", &bad, "no/such/file.json"]).0, 2);
}

#[test]
fn cli_usage_errors_exit_two() {
    let (code, out, err) = newsctl(&["unpublish"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("unknown command `unpublish`") && err.contains("USAGE"),
        "{err}"
    );
    assert_eq!(newsctl(&[]).0, 2);
    assert_eq!(newsctl(&["check"]).0, 2);
    assert_eq!(newsctl(&["check", "--format", "xml", "a.json"]).0, 2);
    assert_eq!(newsctl(&["check", "--colour", "a.json"]).0, 2);
}

#[test]
fn cli_help_prints_usage() {
    let (code, out, _) = newsctl(&["--help"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("newsctl check [--format text|json] [--notes] FILE..."),
        "{out}"
    );
}

#[test]
fn cli_json_format_is_one_parseable_document() {
    let mixed = fixture_path("mixed-good-and-bad.json");
    let broken = fixture_path("wrong-version.json");
    let (code, out, _) = newsctl(&["check", "--format", "json", &mixed, &broken]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let files = report.as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], mixed.as_str());
    assert_eq!(files[0]["events"], 3);
    assert_eq!(files[0]["fatal"], serde_json::Value::Null);
    assert_eq!(files[0]["problems"][1]["path"], "events[1]");
    assert_eq!(files[0]["problems"][1]["line"], 180);
    assert_eq!(files[0]["problems"][1]["severity"], "error");
    assert_eq!(files[0]["problems"][1]["entry_dropped"], true);
    assert_eq!(files[1]["fatal"]["kind"], "version");
    assert_eq!(files[1]["fatal"]["line"], 1);
}

/// The valid fixture with an editor's note on the Climathon, on line 171 of the file.
fn fixture_with_a_note() -> String {
    let slug = format!("\"slug\": \"{CLIMATHON}\",\n");
    let text = fixture("valid-minimal.json");
    assert!(text.contains(&slug));
    text.replacen(
        &slug,
        &format!("{slug}      \"note\": \"Източникът не дава часа.\\nСамо дните.\",\n"),
        1,
    )
}

#[test]
fn an_editors_note_is_read_and_is_no_problem() {
    let catalog = parse_news(&fixture_with_a_note()).unwrap();
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    let climathon = catalog.event(CLIMATHON).unwrap();
    assert_eq!(
        climathon.note.as_deref(),
        Some("Източникът не дава часа.\nСамо дните.")
    );
    assert_eq!(catalog.event(MEETING).unwrap().note, None);
}

#[test]
fn cli_lists_notes_only_when_asked_and_they_leave_a_file_clean() {
    let path = std::env::temp_dir().join(format!("newsctl-notes-{}.json", std::process::id()));
    std::fs::write(&path, fixture_with_a_note()).unwrap();
    let file = path.to_str().unwrap();

    let (code, out, _) = newsctl(&["check", file]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        format!("{file}: 3 events loaded, 0 entries left out, 0 errors, 0 warnings\n")
    );

    let (code, out, _) = newsctl(&["check", "--notes", file]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{file}:171:15: note: events[1].note: Източникът не дава часа. Само дните. \
                 (event `{CLIMATHON}`)"
            ),
            format!("{file}: 3 events loaded, 0 entries left out, 0 errors, 0 warnings, 1 notes"),
        ]
    );

    let (code, out, _) = newsctl(&["check", "--format", "json", "--notes", file]);
    assert_eq!(code, 0);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let note = &report[0]["notes"][0];
    assert_eq!(note["path"], "events[1].note");
    assert_eq!(
        (note["line"].clone(), note["column"].clone()),
        (171.into(), 15.into())
    );
    assert_eq!(note["slug"], CLIMATHON);
    // Like every string of the report, with its control characters written out.
    assert_eq!(note["text"], "Източникът не дава часа.\\u{a}Само дните.");
    assert_eq!(report[0]["problems"], serde_json::json!([]));

    let (_, out, _) = newsctl(&["check", "--format", "json", file]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(report[0].get("notes").is_none(), "notes only when asked");

    assert_eq!(newsctl(&["check", "--notes=yes", file]).0, 2);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn committed_schema_matches_the_types() {
    let committed = std::fs::read_to_string(format!(
        "{}/public/data/news.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let current = project_news::model::schema::news_schema_json();
    assert!(
        committed == current,
        "public/data/news.schema.json is stale: run `newsctl schema > public/data/news.schema.json`"
    );
    let (code, out, _) = newsctl(&["schema"]);
    assert_eq!(code, 0);
    assert_eq!(out, current);
}

#[test]
fn cli_feeds_writes_files_into_the_output_folder() {
    let out = std::env::temp_dir().join(format!("newsctl-feeds-{}", std::process::id()));
    let out_arg = out.to_str().unwrap();
    let (code, stdout, err) = newsctl(&[
        "feeds",
        "--out",
        out_arg,
        "--base-url",
        "https://example.org/news/",
        &fixture_path("valid-minimal.json"),
    ]);
    assert_eq!(code, 0, "{err}");
    let written: Vec<&str> = stdout.lines().collect();
    assert!(!written.is_empty());
    for line in written {
        let path = line.strip_prefix("wrote ").unwrap();
        assert!(std::path::Path::new(path).starts_with(&out), "{path}");
        assert!(std::path::Path::new(path).is_file(), "{path}");
    }
    std::fs::remove_dir_all(&out).unwrap();
}

#[test]
fn cli_feeds_needs_exactly_one_file() {
    assert_eq!(newsctl(&["feeds"]).0, 2);
    assert_eq!(newsctl(&["feeds", "a.json", "b.json"]).0, 2);
}

#[test]
fn unsafe_site_links_are_dropped_and_reported() {
    let text = fixture("valid-minimal.json")
        .replacen(
            "\"url\": \"https://www.smolyan.bg/\"",
            "\"url\": \"javascript:alert(1)\"",
            2,
        )
        .replacen(
            "\"website\": \"https://cityxchange.eu/\"",
            "\"website\": \"data:text/html,x\"",
            1,
        );
    let catalog = parse_news(&text).expect("a bad link does not sink the file");
    assert_eq!(catalog.site.url, "", "the publisher's link is dropped");
    assert_eq!(catalog.site.project.website, "");
    assert_eq!(
        catalog.site.breadcrumbs[0].url, None,
        "the trail's link is dropped"
    );
    let paths: Vec<&str> = catalog.problems.iter().map(|p| p.path.as_str()).collect();
    for path in [
        "site.url",
        "site.project.website",
        "site.breadcrumbs[0].url",
    ] {
        assert!(paths.contains(&path), "{path} reported in {paths:?}");
    }
    assert!(catalog
        .problems
        .iter()
        .all(|p| p.severity == Severity::Error && !p.entry_dropped));
    assert!(!catalog.events.is_empty(), "the events still load");
}

#[test]
fn the_statements_contacts_are_checked_and_a_bad_one_dropped() {
    let with = |email: &str, phone: &str, enforcement: &str| {
        fixture("valid-minimal.json").replacen(
            "\"contact\": {",
            &format!(
                "\"contact_email\": {email}, \"contact_phone\": {phone}, \"enforcement\": {{\"label\": {{\"bg\": \"Агенция\", \"en\": \"Agency\"}}, \"url\": {enforcement}}}, \"contact\": {{"
            ),
            1,
        )
    };
    let good = parse_news(&with(
        "\"office@example.org\"",
        "\"+359 (2) 123-45.67\"",
        "\"https://agency.example.org/\"",
    ))
    .unwrap();
    assert!(
        good.problems.iter().all(|p| !p.path.starts_with("site.")),
        "{:?}",
        good.problems
    );
    assert_eq!(
        good.site.contact_email.as_deref(),
        Some("office@example.org")
    );
    assert_eq!(
        good.site.contact_phone.as_deref(),
        Some("+359 (2) 123-45.67")
    );
    // Each bad value is said where it is and left out; the rest of the file loads.
    let bad = parse_news(&with(
        "\"office@example.org?subject=x\"",
        "\"call us\"",
        "\"/local/path\"",
    ))
    .unwrap();
    let paths: Vec<&str> = bad.problems.iter().map(|p| p.path.as_str()).collect();
    for path in [
        "site.contact_email",
        "site.contact_phone",
        "site.enforcement.url",
    ] {
        assert!(paths.contains(&path), "{path} reported in {paths:?}");
    }
    assert_eq!(bad.site.contact_email, None);
    assert_eq!(bad.site.contact_phone, None);
    assert_eq!(bad.site.enforcement.as_ref().unwrap().url, None);
    assert!(!bad.events.is_empty());
}

#[cfg(unix)]
#[test]
fn an_endless_file_is_refused_after_the_size_limit_is_read() {
    // A device without end: read to one byte past the limit, not until memory runs out.
    let (code, out, err) = newsctl(&["check", "/dev/zero"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains(
            "/dev/zero:1:1: error: the file has 67108865 bytes; at most 67108864 are read"
        ),
        "{out}"
    );
}

#[test]
fn a_city_off_the_globe_is_left_out_with_its_place() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    doc["cities"][0]["lat"] = serde_json::json!(91);
    doc["cities"][1]["lon"] = serde_json::json!(1.2e29);
    let catalog = parse_news(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let off: Vec<(&str, &str)> = catalog
        .problems
        .iter()
        .filter(|p| p.entry_dropped)
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        off,
        [
            ("cities[0].lat", "latitude must be between -90 and 90"),
            ("cities[1].lon", "longitude must be between -180 and 180"),
        ]
    );
    assert!(catalog
        .problems
        .iter()
        .all(|p| p.severity == Severity::Error));
    assert_eq!(
        catalog.cities.len(),
        doc["cities"].as_array().unwrap().len() - 2
    );
    // The edges are places.
    doc["cities"][0]["lat"] = serde_json::json!(-90);
    doc["cities"][1]["lon"] = serde_json::json!(180);
    let catalog = parse_news(&doc.to_string()).unwrap();
    assert!(catalog.problems.is_empty(), "{:#?}", catalog.problems);
}

#[test]
fn a_canonical_address_that_publishing_would_refuse_is_an_error_of_the_check() {
    for address in [
        "https://example.org/ x\" onload=\"alert(1)/",
        "https:///news/",
    ] {
        let mut doc: serde_json::Value =
            serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
        doc["site"]["canonical_url"] = serde_json::json!(address);
        let catalog = parse_news(&doc.to_string()).unwrap();
        let p = single_problem(&catalog);
        assert_eq!(
            (p.severity, p.path.as_str()),
            (Severity::Error, "site.canonical_url"),
            "{address}"
        );
    }
}

#[test]
fn a_session_time_is_hh_mm_and_one_past_midnight_is_said() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let session =
        |time: &str| serde_json::json!({ "time": time, "title": { "bg": "Точка", "en": "Item" } });
    doc["events"][0]["agenda"] = serde_json::json!([{
        "date": "2022-11-10",
        "sessions": [session("22:00"), session("02:30"), session("9:30"), session("24:00"), session("10:00")]
    }]);
    let catalog = parse_news(&doc.to_string()).unwrap();
    let said: Vec<(Severity, &str, &str)> = catalog
        .problems
        .iter()
        .map(|p| (p.severity, p.path.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            (
                Severity::Warning,
                "events[0].agenda[0].sessions[1].time",
                "starts at 02:30, before the session above it (22:00): a session after midnight belongs to the next day's programme"
            ),
            (Severity::Error, "events[0].agenda[0].sessions[2].time", "time `9:30` must be HH:MM, such as 09:30"),
            (Severity::Error, "events[0].agenda[0].sessions[3].time", "time `24:00` must be HH:MM, such as 09:30"),
        ]
    );
}

#[test]
fn a_long_slug_is_named_short_in_every_problem_of_its_event() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let slug = "a".repeat(100_000);
    doc["events"][0]["slug"] = serde_json::json!(slug);
    let source = doc["events"][0]["sources"][0].clone();
    let mut bad = source.clone();
    bad["url"] = serde_json::json!("x");
    doc["events"][0]["sources"] = serde_json::json!(vec![bad; 200]);
    let catalog = parse_news(&doc.to_string()).unwrap();
    let problems: Vec<String> = catalog.problems.iter().map(ToString::to_string).collect();
    assert!(problems.len() > 200, "{}", problems.len());
    assert!(
        problems[0].contains("is longer than 120 characters"),
        "{}",
        problems[0]
    );
    // Each problem names the event by the slug's first 120 characters.
    let shown = format!("(event `{}…`)", "a".repeat(120));
    for problem in &problems {
        assert!(problem.len() < 400 && problem.contains(&shown), "{problem}");
    }
}

#[test]
fn a_name_or_title_that_shows_nothing_is_an_error_where_it_stands() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    // Missing, spaces, and marks that take no room (a zero-width space, a direction mark).
    doc["site"]["publisher"] = serde_json::json!({});
    doc["site"]["project"]["acronym"] = serde_json::json!(" \u{200b} ");
    doc["site"]["project"]["programme"] = serde_json::json!({ "bg": "", "en": "\u{200e}" });
    doc["cities"][0]["name"] = serde_json::json!({});
    doc["organisations"][1]["name"] = serde_json::json!({ "bg": "\u{feff}" });
    doc["people"][0]["role"] = serde_json::json!({ "en": "  " });
    doc["topics"][0]["label"] = serde_json::json!({});
    doc["events"][1]["sources"][0]["title"] = serde_json::json!({});
    doc["events"][1]["sources"][0]["publisher"] = serde_json::json!("\u{00ad}");
    let catalog = parse_news(&serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let errors: Vec<(&str, &str)> = catalog
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    let both = "must not be empty in both languages";
    for expected in [
        ("site.publisher", both),
        ("site.project.acronym", "must not be empty"),
        ("site.project.programme", both),
        ("cities[0].name", both),
        ("organisations[1].name", both),
        ("people[0].role", both),
        ("topics[0].label", both),
        ("events[1].sources[0].title", both),
        ("events[1].sources[0].publisher", "must not be empty"),
    ] {
        assert!(errors.contains(&expected), "{expected:?} in {errors:#?}");
    }
    assert_eq!(errors.len(), 9, "{errors:#?}");
    // Each is said at its own line.
    let lines: HashSet<usize> = catalog.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines.len(), 9);
    // The event with the empty source is left out; the others stay.
    let left_out = doc["events"][1]["slug"].as_str().unwrap();
    assert!(!slugs(&catalog).contains(&left_out));
    assert_eq!(
        catalog.events.len(),
        doc["events"].as_array().unwrap().len() - 1
    );
}

#[test]
fn a_control_character_in_a_text_is_an_error_and_line_breaks_are_not() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    doc["events"][0]["title"]["en"] = serde_json::json!("Bell\u{7} and NUL\u{0}");
    doc["events"][1]["summary"]["en"] = serde_json::json!("Two lines,\r\nthen a\ttab.");
    let catalog = parse_news(&doc.to_string()).unwrap();
    let errors = errors(&catalog);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].path, "events[0].title");
    assert!(
        errors[0]
            .message
            .contains("contains a control character (U+0007)"),
        "{}",
        errors[0].message
    );
    let kept = doc["events"][1]["slug"].as_str().unwrap();
    assert!(slugs(&catalog).contains(&kept));
}

#[test]
fn a_control_character_is_an_error_in_every_text_and_name_shown() {
    let doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    // (where, whether the entry is left out): an event is, like one with such a title; a
    // city, an organisation or the site stays, as with their other errors.
    for (pointer, left_out) in [
        ("/events/0/sources/0/publisher", true),
        ("/events/0/sources/0/title/en", true),
        ("/cities/0/name/bg", false),
        ("/organisations/0/name/en", false),
        ("/people/0/role/bg", false),
        ("/topics/0/label/en", false),
        ("/site/project/acronym", false),
        ("/site/breadcrumbs/0/label/bg", false),
        ("/site/contact/label/en", false),
    ] {
        let mut doc = doc.clone();
        let value = doc.pointer_mut(pointer).unwrap();
        let before = value.as_str().unwrap().to_owned();
        // A direction override turns the text after it around: as unwelcome.
        let (mark, code) = if pointer.contains("title") {
            ('\u{202e}', "a direction override (U+202E)")
        } else {
            ('\u{1}', "a control character (U+0001)")
        };
        *value = serde_json::json!(format!("{before}{mark}"));
        let catalog = parse_news(&doc.to_string()).unwrap();
        let errors = errors(&catalog);
        assert_eq!(errors.len(), 1, "{pointer}: {errors:?}");
        assert_eq!(errors[0].message, format!("contains {code}; remove it"));
        // The path as problems write it: "events[0].sources[0].title.en".
        let path = pointer[1..].split('/').fold(String::new(), |path, step| {
            match (step.parse::<usize>(), path.is_empty()) {
                (Ok(n), _) => format!("{path}[{n}]"),
                (_, true) => step.to_owned(),
                _ => format!("{path}.{step}"),
            }
        });
        // A text's problem is said at the text, not at one of its languages.
        let field = path
            .strip_suffix(".bg")
            .or(path.strip_suffix(".en"))
            .unwrap_or(&path);
        assert_eq!(errors[0].path, field);
        assert_eq!(catalog.events.len() < 3, left_out, "{pointer}");
    }
}

#[test]
fn an_optional_text_or_name_that_shows_nothing_is_taken_as_not_given() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    doc["organisations"][0]["short_name"] = serde_json::json!("");
    let event = &mut doc["events"][0];
    event["location"]["venue"] = serde_json::json!({ "bg": "", "en": " " });
    event["opened_by"] = serde_json::json!({ "bg": "\u{200b}" });
    event["images"] = serde_json::json!([{
        "src": "images/a.jpg", "alt": { "bg": "Зала", "en": "A hall" }, "width": 4, "height": 3,
        "caption": { "en": "" }, "credit": " "
    }]);
    let text = doc.to_string();
    // Read by the validator and by the browser's loader alike.
    for catalog in [
        parse_news(&text).unwrap(),
        project_news::model::load_published(&text).unwrap(),
    ] {
        assert_eq!(catalog.organisations[0].short_name, None);
        let event = catalog
            .event(doc["events"][0]["slug"].as_str().unwrap())
            .unwrap();
        assert_eq!(event.location.as_ref().unwrap().venue, None);
        assert_eq!(event.opened_by, None);
        assert_eq!(
            (&event.images[0].caption, &event.images[0].credit),
            (&None, &None)
        );
    }
}

#[test]
fn a_project_that_ends_before_it_starts_is_an_error() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    doc["site"]["project"]["start"] = serde_json::json!("2099");
    doc["site"]["project"]["end"] = serde_json::json!("2000");
    let catalog = parse_news(&doc.to_string()).unwrap();
    let p = single_problem(&catalog);
    assert_eq!(
        (p.severity, p.path.as_str(), p.message.as_str()),
        (
            Severity::Error,
            "site.project.end",
            "ends (2000) before it starts (2099)"
        )
    );
    // Within one year (a month-only start, a year-only end) is no problem.
    doc["site"]["project"]["start"] = serde_json::json!("2000-06");
    assert!(parse_news(&doc.to_string()).unwrap().problems.is_empty());
}

#[test]
fn a_schema_that_is_no_string_and_a_section_nested_too_deep_are_errors() {
    let mut doc: serde_json::Value = serde_json::from_str(&fixture("valid-minimal.json")).unwrap();
    let nested = |depth: usize| format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
    doc["$schema"] = serde_json::json!("news.schema.json");
    let text = doc.to_string();
    // Spliced in as text: serde_json's own values stop at its depth limit.
    let with = |schema: &str, extra: &str| {
        let doc = text.replacen('{', &format!("{{\"x-notes\": {extra}, "), 1);
        match schema {
            "" => doc,
            s => doc.replace(
                "\"$schema\":\"news.schema.json\"",
                &format!("\"$schema\":{s}"),
            ),
        }
    };
    assert!(text.contains("\"$schema\":\"news.schema.json\""));
    let errors = |file: String| -> Vec<(String, String)> {
        let catalog = parse_news(&file).unwrap();
        catalog
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.path.clone(), p.message.clone()))
            .collect()
    };
    assert_eq!(errors(with("", &nested(128))), []);
    assert_eq!(
        errors(with("", &format!("[\"[[[ {{ \\\"\", {}]", nested(127)))),
        [],
        "brackets in a string are text"
    );
    assert_eq!(
        errors(with("", &nested(100_000))),
        [(
            "x-notes".to_owned(),
            "nested deeper than 128 levels".to_owned()
        )]
    );
    assert_eq!(
        errors(with(&nested(3), "1")),
        [(
            "$schema".to_owned(),
            "`$schema` must be a string: the address of the format's schema".to_owned()
        )]
    );
}
