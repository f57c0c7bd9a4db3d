//! The exported files (iCalendar, JSON-LD, Atom, sitemap) checked against hand-checked
//! expectations and the rules of their formats.

use project_news::export::{
    atom_feed, calendar_ics, event_ics, event_jsonld, ics_file_name, robots_txt, site_files,
    sitemap,
};
use project_news::model::testing::{event, site, source};
use project_news::model::{
    Catalog, City, CityRole, Event, EventType, Host, Image, Lang, Location, Organisation,
    OrganisationKind, OrganisationRole, PartialDate, Text,
};

const BASE: &str = "https://www.smolyan.bg/cityxchange/";

fn city(id: &str, bg: &str, en: &str, country: &str, role: CityRole) -> City {
    City {
        id: id.into(),
        name: Text::new(bg, en),
        country: country.into(),
        role,
        lat: 0.0,
        lon: 0.0,
        partner: None,
    }
}

/// The consortium meeting in Písek, 10–11 November 2022, announced on 12 December 2022.
fn pisek_meeting() -> Event {
    Event {
        end: Some(PartialDate::ymd(2022, 11, 11)),
        published: Some(PartialDate::ymd(2022, 12, 12)),
        summary: Text::new(
            "Партньорите представиха резултатите си и планираха петата година.",
            "Partners presented their results and planned the fifth year.",
        ),
        body: Some(Text::new(
            "Домакин беше **Писек**, в залата на градската библиотека.\n\n\
             Вторият ден включи [посещения на място](https://cityxchange.eu/2022/11/23/).",
            "**Písek** hosted the meeting, in the city library hall.\n\n\
             The second day included [site visits](https://cityxchange.eu/2022/11/23/).",
        )),
        location: Some(Location {
            city: Some("pisek".into()),
            venue: Some(Text::new(
                "Залата на градската библиотека",
                "City library hall",
            )),
            address: None,
            online: false,
        }),
        host: Some(Host {
            city: Some("pisek".into()),
            organisation: None,
        }),
        images: vec![Image {
            src: "images/pisek-2022.jpg".into(),
            alt: Text::new("Участниците в залата", "Participants in the hall"),
            width: 1200,
            height: 800,
            caption: None,
            credit: None,
        }],
        sources: vec![source("https://www.smolyan.bg/bg/menu/subcontent/3205")],
        ..event(
            "consortium-meeting-pisek-2022",
            EventType::ConsortiumMeeting,
            PartialDate::ymd(2022, 11, 10),
            Text::new(
                "Среща на консорциума в Писек",
                "Consortium meeting in Písek",
            ),
        )
    }
}

/// The kick-off in Trondheim: only the month is known.
fn kick_off() -> Event {
    Event {
        location: Some(Location {
            city: Some("trondheim".into()),
            venue: None,
            address: None,
            online: false,
        }),
        host: Some(Host {
            city: Some("trondheim".into()),
            organisation: Some("ntnu".into()),
        }),
        ..event(
            "kick-off-trondheim",
            EventType::ConsortiumMeeting,
            PartialDate::ym(2018, 11),
            Text::new("Начална среща в Тронхайм", "Kick-off meeting in Trondheim"),
        )
    }
}

fn webinar() -> Event {
    Event {
        location: Some(Location {
            city: None,
            venue: None,
            address: None,
            online: true,
        }),
        published: Some(PartialDate::ym(2020, 5)),
        ..event(
            "bold-city-vision-webinar",
            EventType::Webinar,
            PartialDate::ymd(2020, 4, 24),
            Text::new("Уебинар „Смела визия за града“", "Bold City Vision webinar"),
        )
    }
}

fn catalog_with(events: Vec<Event>) -> Catalog {
    let cities = vec![
        city("pisek", "Писек", "Písek", "CZ", CityRole::Follower),
        city("smolyan", "Смолян", "Smolyan", "BG", CityRole::Follower),
        city(
            "trondheim",
            "Тронхайм",
            "Trondheim",
            "NO",
            CityRole::Lighthouse,
        ),
    ];
    let organisations = vec![Organisation {
        id: "ntnu".into(),
        name: Text::new(
            "Норвежки университет за природни и технически науки",
            "Norwegian University of Science and Technology",
        ),
        short_name: Some("NTNU".into()),
        kind: OrganisationKind::University,
        role: OrganisationRole::Coordinator,
        city: Some("trondheim".into()),
        country: Some("NO".into()),
        website: Some("https://www.ntnu.edu/".into()),
    }];
    Catalog::new(
        site(BASE),
        cities,
        organisations,
        vec![],
        vec![],
        events,
        vec![],
    )
}

fn catalog() -> Catalog {
    catalog_with(vec![pisek_meeting(), kick_off(), webinar()])
}

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/export/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Undoes iCalendar line folding: a CRLF followed by one space joins the lines.
fn unfold(ics: &str) -> String {
    ics.replace("\r\n ", "")
}

/// The logical content lines of a calendar.
fn content_lines(ics: &str) -> Vec<String> {
    unfold(ics)
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn property<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
    lines.iter().filter_map(|l| l.strip_prefix(name)).collect()
}

// (a) -------------------------------------------------------------------------------------

#[test]
fn multi_day_event_ics_matches_the_hand_checked_file() {
    let catalog = catalog();
    let event = catalog.event("consortium-meeting-pisek-2022").unwrap();
    let ics = event_ics(&catalog, event, Lang::Bg, BASE);
    let expected = fixture("multi-day.ics");
    assert!(
        expected.contains("\r\n"),
        "the fixture lost its CRLF line endings"
    );
    assert_eq!(ics, expected);
}

#[test]
fn ics_file_name_is_the_slug() {
    let catalog = catalog();
    let event = catalog.event("kick-off-trondheim").unwrap();
    assert_eq!(ics_file_name(event), "kick-off-trondheim.ics");
}

#[test]
fn every_line_ends_with_crlf_and_no_bare_line_feed_remains() {
    let catalog = catalog();
    for lang in Lang::ALL {
        let ics = calendar_ics(&catalog, lang, BASE);
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    }
}

// (b) -------------------------------------------------------------------------------------

#[test]
fn text_values_escape_comma_semicolon_backslash_and_newline() {
    let tricky = event(
        "tricky-text",
        EventType::Workshop,
        PartialDate::ymd(2021, 3, 1),
        Text::new("bg", "Plans, tools; a\\b\nsecond line"),
    );
    let catalog = catalog_with(vec![tricky]);
    let ics = event_ics(&catalog, &catalog.events[0], Lang::En, BASE);
    let lines = content_lines(&ics);
    assert_eq!(
        property(&lines, "SUMMARY:"),
        ["Plans\\, tools\\; a\\\\b\\nsecond line"]
    );
    // The URL is a URI value: never escaped.
    assert_eq!(
        property(&lines, "URL:"),
        ["https://www.smolyan.bg/cityxchange/en/events/tricky-text"]
    );
}

#[test]
fn online_event_location_says_online() {
    let catalog = catalog();
    let event = catalog.event("bold-city-vision-webinar").unwrap();
    let lines = content_lines(&event_ics(&catalog, event, Lang::En, BASE));
    assert_eq!(property(&lines, "LOCATION:"), ["Online"]);
    assert_eq!(property(&lines, "CATEGORIES:"), ["Webinar"]);
    assert_eq!(property(&lines, "DTSTAMP:"), ["20200501T000000Z"]);
}

#[test]
fn location_names_the_venue_its_street_address_and_the_city() {
    let mut meeting = pisek_meeting();
    if let Some(location) = meeting.location.as_mut() {
        location.address = Some(Text::new("ул. „Пражка“ 1", "Pražská 1"));
    }
    let catalog = catalog_with(vec![meeting]);
    let event = catalog.event("consortium-meeting-pisek-2022").unwrap();
    let lines = content_lines(&event_ics(&catalog, event, Lang::En, BASE));
    assert_eq!(
        property(&lines, "LOCATION:"),
        ["City library hall\\, Pražská 1\\, Písek\\, Czechia"]
    );
}

// (c) -------------------------------------------------------------------------------------

#[test]
fn long_cyrillic_lines_fold_at_75_octets_without_splitting_letters() {
    let title = "Обучителна сесия за енергийно положителните квартали и общностите \
                 на гражданите в градовете последователи";
    let long = event(
        "long-title",
        EventType::LearningSession,
        PartialDate::ymd(2023, 6, 6),
        Text::new(title, "Learning session"),
    );
    let catalog = catalog_with(vec![long]);
    let ics = event_ics(&catalog, &catalog.events[0], Lang::Bg, BASE);

    let mut folds = 0;
    for physical in ics.as_bytes().split(|&b| b == b'\n') {
        let physical = physical.strip_suffix(b"\r").unwrap_or(physical);
        assert!(physical.len() <= 75, "{} octets", physical.len());
        // Each physical line on its own is whole UTF-8: no letter was cut in two.
        assert!(std::str::from_utf8(physical).is_ok());
        if physical.first() == Some(&b' ') {
            folds += 1;
        }
    }
    assert!(folds >= 2, "the title should need folding");
    let lines = content_lines(&ics);
    assert_eq!(property(&lines, "SUMMARY:"), [title]);
}

// (d) -------------------------------------------------------------------------------------

#[test]
fn month_precision_event_spans_the_whole_month() {
    let catalog = catalog();
    let event = catalog.event("kick-off-trondheim").unwrap();
    let lines = content_lines(&event_ics(&catalog, event, Lang::En, BASE));
    assert_eq!(property(&lines, "DTSTART;VALUE=DATE:"), ["20181101"]);
    assert_eq!(property(&lines, "DTEND;VALUE=DATE:"), ["20181201"]);
    // Not announced separately: the stamp is the first day it can mean.
    assert_eq!(property(&lines, "DTSTAMP:"), ["20181101T000000Z"]);
    assert_eq!(property(&lines, "LOCATION:"), ["Trondheim\\, Norway"]);
    // It says so, and shows nobody busy for a month.
    let description = &property(&lines, "DESCRIPTION:")[0];
    assert!(
        description.starts_with("The exact day is not known: November 2018.\\n"),
        "{description}"
    );
    assert_eq!(property(&lines, "TRANSP:"), ["TRANSPARENT"]);
}

#[test]
fn year_precision_event_spans_the_whole_year() {
    let year = event(
        "a-year",
        EventType::Milestone,
        PartialDate::parse("2023").unwrap(),
        Text::new("Година", "A year"),
    );
    let catalog = catalog_with(vec![year]);
    let lines = content_lines(&event_ics(&catalog, &catalog.events[0], Lang::En, BASE));
    assert_eq!(property(&lines, "DTSTART;VALUE=DATE:"), ["20230101"]);
    assert_eq!(property(&lines, "DTEND;VALUE=DATE:"), ["20240101"]);
    assert_eq!(property(&lines, "TRANSP:"), ["TRANSPARENT"]);
    let bg = content_lines(&event_ics(&catalog, &catalog.events[0], Lang::Bg, BASE));
    let description = &property(&bg, "DESCRIPTION:")[0];
    // The date's own "г." ends the sentence: no second full stop.
    assert!(
        description.starts_with("Точният ден не е известен: 2023") && !description.contains(".."),
        "{description}"
    );
}

#[test]
fn whole_calendar_holds_every_event_oldest_first_with_a_name() {
    let catalog = catalog();
    let lines = content_lines(&calendar_ics(&catalog, Lang::Bg, BASE));
    assert_eq!(
        property(&lines, "X-WR-CALNAME:"),
        ["OPEN-CITY – Община Пловдив"]
    );
    assert_eq!(
        property(&lines, "UID:"),
        [
            "kick-off-trondheim@www.smolyan.bg",
            "bold-city-vision-webinar@www.smolyan.bg",
            "consortium-meeting-pisek-2022@www.smolyan.bg",
        ]
    );
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
    assert_eq!(lines.iter().filter(|l| *l == "END:VEVENT").count(), 3);
}

// (e) -------------------------------------------------------------------------------------

#[test]
fn jsonld_describes_the_event_for_schema_org() {
    let catalog = catalog();
    let event = catalog.event("consortium-meeting-pisek-2022").unwrap();
    let text = event_jsonld(&catalog, event, Lang::En, BASE);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["@context"], "https://schema.org");
    assert_eq!(doc["@type"], "Event");
    assert_eq!(doc["name"], "Consortium meeting in Písek");
    assert_eq!(
        doc["description"],
        "Partners presented their results and planned the fifth year."
    );
    assert_eq!(doc["startDate"], "2022-11-10");
    assert_eq!(doc["endDate"], "2022-11-11");
    assert_eq!(doc["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        doc["eventAttendanceMode"],
        "https://schema.org/OfflineEventAttendanceMode"
    );
    assert_eq!(doc["location"]["@type"], "Place");
    assert_eq!(doc["location"]["name"], "City library hall");
    assert_eq!(doc["location"]["address"]["@type"], "PostalAddress");
    assert_eq!(doc["location"]["address"]["addressLocality"], "Písek");
    assert_eq!(doc["location"]["address"]["addressCountry"], "CZ");
    // No host organisation: no organiser is said (the publisher did not hold it).
    assert!(doc.get("organizer").is_none(), "{doc}");
    assert_eq!(
        doc["image"],
        serde_json::json!(["https://www.smolyan.bg/cityxchange/images/pisek-2022.jpg"])
    );
    assert_eq!(
        doc["url"],
        "https://www.smolyan.bg/cityxchange/en/events/consortium-meeting-pisek-2022"
    );
    assert_eq!(doc["inLanguage"], "en");
}

#[test]
fn jsonld_keeps_month_precision_and_names_the_host_organisation() {
    let catalog = catalog();
    let event = catalog.event("kick-off-trondheim").unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&event_jsonld(&catalog, event, Lang::Bg, BASE)).unwrap();
    assert_eq!(doc["startDate"], "2018-11");
    assert_eq!(doc["endDate"], "2018-11");
    assert_eq!(doc["location"]["name"], "Тронхайм");
    assert_eq!(
        doc["organizer"]["name"],
        "Норвежки университет за природни и технически науки"
    );
    assert_eq!(doc["organizer"]["url"], "https://www.ntnu.edu/");
    assert_eq!(doc["inLanguage"], "bg");
    assert!(doc.get("image").is_none());
}

#[test]
fn jsonld_names_the_language_the_title_is_really_in() {
    let mut only_bg = catalog().event("kick-off-trondheim").unwrap().clone();
    only_bg.title = Text {
        bg: Some("Само на български".into()),
        en: None,
    };
    let catalog = catalog_with(vec![only_bg]);
    let event = &catalog.events[0];
    let doc: serde_json::Value =
        serde_json::from_str(&event_jsonld(&catalog, event, Lang::En, BASE)).unwrap();
    assert_eq!(doc["name"], "Само на български");
    assert_eq!(
        doc["inLanguage"], "bg",
        "the English page shows the Bulgarian title"
    );
}

#[test]
fn jsonld_attendance_mode_follows_online_and_venue() {
    let catalog = catalog();
    let online = catalog.event("bold-city-vision-webinar").unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&event_jsonld(&catalog, online, Lang::En, BASE)).unwrap();
    assert_eq!(
        doc["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert_eq!(doc["location"]["@type"], "VirtualLocation");

    let mut mixed = pisek_meeting();
    if let Some(location) = mixed.location.as_mut() {
        location.online = true;
    }
    let catalog = catalog_with(vec![mixed]);
    let doc: serde_json::Value =
        serde_json::from_str(&event_jsonld(&catalog, &catalog.events[0], Lang::En, BASE)).unwrap();
    assert_eq!(
        doc["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    assert_eq!(doc["location"][0]["@type"], "Place");
    assert_eq!(doc["location"][1]["@type"], "VirtualLocation");
}

#[test]
fn jsonld_cannot_close_its_script_element() {
    let hostile = event(
        "hostile",
        EventType::Workshop,
        PartialDate::ymd(2021, 1, 1),
        Text::new("</script><script>alert(1)</script>", "<!-- a & b -->"),
    );
    let catalog = catalog_with(vec![hostile]);
    for lang in Lang::ALL {
        let text = event_jsonld(&catalog, &catalog.events[0], lang, BASE);
        assert!(!text.contains('<'), "{text}");
        assert!(!text.to_ascii_lowercase().contains("</script"));
        assert!(text.contains("\\u003c/script\\u003e") || lang == Lang::En);
        let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc["name"], catalog.events[0].title.get(lang));
    }
}

// (f) -------------------------------------------------------------------------------------

/// A small well-formedness check: the prolog, balanced and properly nested elements, quoted
/// attributes, and no `&` or `<` outside markup and entities.
fn assert_well_formed_xml(xml: &str) {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .or_else(|| xml.strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        .expect("XML declaration first");
    let mut open: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt]);
        let gt = rest[lt..].find('>').expect("tag closed") + lt;
        let tag = &rest[lt + 1..gt];
        assert!(!tag.contains('<'), "`<` inside a tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            let top = open.pop().unwrap_or_else(|| panic!("stray </{name}>"));
            assert_eq!(top, name, "</{name}> closes <{top}>");
        } else {
            if open.is_empty() {
                roots += 1;
            }
            let self_closing = tag.ends_with('/');
            let tag = tag.trim_end_matches('/');
            let name = tag.split_whitespace().next().expect("element name");
            check_attributes(&tag[name.len()..]);
            if !self_closing {
                open.push(name.to_owned());
            }
        }
        rest = &rest[gt + 1..];
    }
    assert!(rest.trim().is_empty(), "text after the root: {rest}");
    assert!(open.is_empty(), "unclosed: {open:?}");
    assert_eq!(roots, 1, "exactly one root element");
}

fn check_text(text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let after = &rest[amp + 1..];
        let semi = after.find(';').expect("entity ends with `;`");
        let entity = &after[..semi];
        assert!(
            ["amp", "lt", "gt", "quot", "apos"].contains(&entity),
            "unknown entity &{entity};"
        );
        rest = &after[semi + 1..];
    }
}

fn check_attributes(mut attrs: &str) {
    loop {
        attrs = attrs.trim_start();
        if attrs.is_empty() {
            return;
        }
        let eq = attrs.find('=').expect("attribute has a value");
        let name = attrs[..eq].trim();
        assert!(!name.is_empty() && !name.contains(char::is_whitespace));
        let value = attrs[eq + 1..]
            .strip_prefix('"')
            .expect("attribute value in double quotes");
        let end = value.find('"').expect("attribute value closed");
        check_text(&value[..end]);
        attrs = &value[end + 1..];
    }
}

#[test]
fn tag_balance_checker_catches_broken_xml() {
    let prolog = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    for bad in [
        "<a><b></a></b>",
        "<a>",
        "<a>x & y</a>",
        "<a b=c/>",
        "<a/><b/>",
    ] {
        let doc = format!("{prolog}{bad}");
        assert!(
            std::panic::catch_unwind(|| assert_well_formed_xml(&doc)).is_err(),
            "{bad} passed"
        );
    }
    assert_well_formed_xml(&format!("{prolog}<a x=\"1\"><b/>t &amp; u</a>\n"));
}

#[test]
fn atom_feed_is_well_formed_newest_first_and_complete() {
    let catalog = catalog();
    for lang in Lang::ALL {
        let feed = atom_feed(&catalog, lang, BASE);
        assert_well_formed_xml(&feed);
        assert!(feed.contains(&format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
            lang.code()
        )));
        assert!(feed.contains(&format!(
            "<link rel=\"self\" type=\"application/atom+xml\" \
             href=\"https://www.smolyan.bg/cityxchange/feed.{}.xml\"/>",
            lang.code()
        )));
        assert!(feed.contains("<updated>2022-12-12T00:00:00Z</updated>"));
        assert_eq!(feed.matches("<entry>").count(), 3);
        let order: Vec<usize> = [
            "consortium-meeting-pisek-2022",
            "bold-city-vision-webinar",
            "kick-off-trondheim",
        ]
        .iter()
        .map(|slug| feed.find(&format!("events/{slug}</id>")).unwrap())
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "newest first");
    }
    let bg = atom_feed(&catalog, Lang::Bg, BASE);
    assert!(bg.contains("<name>Община Пловдив</name>"));
    assert!(bg.contains(
        "<link rel=\"alternate\" type=\"text/html\" href=\"https://www.smolyan.bg/cityxchange/\"/>"
    ));
    assert!(bg.contains(
        "<content type=\"text\">Домакин беше Писек, в залата на градската библиотека.\n\n\
         Вторият ден включи посещения на място.</content>"
    ));
    let en = atom_feed(&catalog, Lang::En, BASE);
    assert!(en.contains("href=\"https://www.smolyan.bg/cityxchange/en\"/>"));
    assert!(en.contains("<published>2018-11-01T00:00:00Z</published>"));
}

#[test]
fn atom_feed_escapes_markup_in_the_news() {
    let hostile = event(
        "hostile",
        EventType::Workshop,
        PartialDate::ymd(2021, 1, 1),
        Text::new("A & B <i>\"quoted\"</i> 'x'", "same"),
    );
    let catalog = catalog_with(vec![hostile]);
    let feed = atom_feed(&catalog, Lang::Bg, BASE);
    assert_well_formed_xml(&feed);
    assert!(feed
        .contains("<title>A &amp; B &lt;i&gt;&quot;quoted&quot;&lt;/i&gt; &apos;x&apos;</title>"));
}

#[test]
fn atom_feed_without_events_is_still_valid() {
    let catalog = catalog_with(vec![]);
    let feed = atom_feed(&catalog, Lang::En, BASE);
    assert_well_formed_xml(&feed);
    assert!(feed.contains("<updated>2018-11-01T00:00:00Z</updated>"));
}

// (g) -------------------------------------------------------------------------------------

#[test]
fn sitemap_lists_every_event_in_both_languages_with_alternates() {
    let catalog = catalog();
    let map = sitemap(&catalog, BASE);
    assert_well_formed_xml(&map);
    assert!(map.contains("<loc>https://www.smolyan.bg/cityxchange/</loc>"));
    assert!(map.contains("<loc>https://www.smolyan.bg/cityxchange/en</loc>"));
    for event in &catalog.events {
        let bg = format!("https://www.smolyan.bg/cityxchange/events/{}", event.slug);
        let en = format!(
            "https://www.smolyan.bg/cityxchange/en/events/{}",
            event.slug
        );
        assert!(map.contains(&format!("<loc>{bg}</loc>")));
        assert!(map.contains(&format!("<loc>{en}</loc>")));
        assert!(map.contains(&format!(
            "<xhtml:link rel=\"alternate\" hreflang=\"bg\" href=\"{bg}\"/>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{en}\"/>\n    \
             <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{bg}\"/>"
        )));
    }
    assert_eq!(map.matches("<url>").count(), 2 + 2 * catalog.events.len());
    assert!(map.contains("<lastmod>2022-12-12</lastmod>"));
}

#[test]
fn robots_txt_allows_all_and_names_the_sitemap() {
    assert_eq!(
        robots_txt(BASE),
        "User-agent: *\nAllow: /\n\nSitemap: https://www.smolyan.bg/cityxchange/sitemap.xml\n"
    );
}

// (h) -------------------------------------------------------------------------------------

#[test]
fn same_news_gives_the_same_bytes_whatever_the_input_order() {
    let first = site_files(&catalog(), BASE);
    let again = site_files(&catalog(), BASE);
    let shuffled = site_files(
        &catalog_with(vec![webinar(), pisek_meeting(), kick_off()]),
        BASE,
    );
    assert_eq!(first, again);
    assert_eq!(first, shuffled);
    let catalog = catalog();
    for event in &catalog.events {
        for lang in Lang::ALL {
            assert_eq!(
                event_ics(&catalog, event, lang, BASE),
                event_ics(&catalog, event, lang, BASE)
            );
            assert_eq!(
                event_jsonld(&catalog, event, lang, BASE),
                event_jsonld(&catalog, event, lang, BASE)
            );
        }
    }
}

#[test]
fn site_files_are_the_six_published_files_then_a_calendar_per_event() {
    let catalog = catalog();
    let files = site_files(&catalog, BASE);
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths[..6],
        [
            "events.ics",
            "events.en.ics",
            "feed.bg.xml",
            "feed.en.xml",
            "sitemap.xml",
            "robots.txt"
        ]
    );
    assert!(files[1]
        .1
        .contains("URL:https://www.smolyan.bg/cityxchange/en/events/"));
    assert_eq!(files.len(), 6 + 2 * catalog.events.len());
    for event in &catalog.events {
        for lang in Lang::ALL {
            let path = project_news::export::event_calendar_path(lang, &event.slug);
            let (_, contents) = files
                .iter()
                .find(|(p, _)| *p == path)
                .unwrap_or_else(|| panic!("{path} is published"));
            assert_eq!(*contents, event_ics(&catalog, event, lang, BASE));
        }
    }
    assert_eq!(
        project_news::export::event_calendar_path(Lang::En, "a-b"),
        "events/a-b.en.ics"
    );
}

#[test]
fn atom_feed_marks_a_text_shown_in_the_other_language() {
    let mut untranslated = event(
        "untranslated",
        EventType::Workshop,
        PartialDate::ymd(2021, 1, 1),
        Text::new("Среща", "A meeting"),
    );
    untranslated.summary = Text {
        bg: Some("Само на български.".into()),
        en: None,
    };
    let catalog = catalog_with(vec![untranslated]);
    let en = atom_feed(&catalog, Lang::En, BASE);
    assert_well_formed_xml(&en);
    assert!(en.contains("<title>A meeting</title>"), "{en}");
    assert!(
        en.contains("<summary xml:lang=\"bg\">Само на български.</summary>"),
        "{en}"
    );
    // In its own language nothing is marked.
    let bg = atom_feed(&catalog, Lang::Bg, BASE);
    assert!(bg.contains("<summary>Само на български.</summary>"), "{bg}");
}

#[test]
fn an_event_to_the_last_day_of_9999_has_its_length_instead_of_an_end() {
    let mut event = kick_off();
    event.start = PartialDate::ymd(9999, 12, 30);
    event.end = Some(PartialDate::ym(9999, 12));
    let one = catalog_with(vec![event]);
    let lines = content_lines(&event_ics(&one, &one.events[0], Lang::En, BASE));
    assert_eq!(property(&lines, "DTSTART;VALUE=DATE:"), ["99991230"]);
    assert!(
        property(&lines, "DTEND;VALUE=DATE:").is_empty(),
        "{lines:?}"
    );
    assert_eq!(property(&lines, "DURATION:"), ["P2D"]);
    // Any other day keeps its end.
    let catalog = catalog();
    let lines = content_lines(&event_ics(&catalog, &catalog.events[0], Lang::En, BASE));
    assert_eq!(property(&lines, "DTEND;VALUE=DATE:").len(), 1);
    assert!(property(&lines, "DURATION:").is_empty());
}

#[test]
fn jsonld_gives_the_iso_code_of_a_country_the_eu_writes_otherwise() {
    let mut catalog = catalog();
    catalog.cities[0].country = "EL".into();
    let event = catalog.event("consortium-meeting-pisek-2022").unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&event_jsonld(&catalog, event, Lang::En, BASE)).unwrap();
    assert_eq!(doc["location"]["address"]["addressCountry"], "GR");
}
