//! The browser's loader. The file a site serves is the one `newsctl publish` validated (it
//! refuses a file with errors), so the browser does not validate it again with the whole
//! parser (`parse_news`, 13 KB of the visitor's wasm): it reads the file as the model's
//! types. A file that was not published that way (served by hand, or during development)
//! still loads as far as it can: each entry is read on its own and one that does not read is
//! left out and counted, and the links that the pages turn into addresses are checked, since
//! only the validator would have refused a dangerous one.

use std::collections::HashSet;
use std::fmt;

use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use super::catalog::Catalog;
use super::parse::{
    is_email, is_image_src, is_phone, is_safe_url, is_slug, is_web_address, readable, MAX_EVENTS,
};
use super::problem::{FatalError, ProblemCounts};
use super::types::{drop_repeats, Event, NewsFile, Site};

/// The file's sections, each entry kept as its text until it is read on its own.
#[derive(Deserialize)]
struct Sections<'a> {
    version: u32,
    #[serde(borrow)]
    site: &'a RawValue,
    #[serde(borrow, default, deserialize_with = "capped")]
    cities: Vec<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "capped")]
    organisations: Vec<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "capped")]
    people: Vec<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "capped")]
    topics: Vec<&'a RawValue>,
    #[serde(borrow, deserialize_with = "capped")]
    events: Vec<&'a RawValue>,
}

/// A list's entries up to the most a file may hold: past that the file is refused, having
/// cost no more than a file of that many entries (not millions of entries' places).
fn capped<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<&'de RawValue>, D::Error> {
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<&'de RawValue>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut entries = Vec::new();
            while let Some(entry) = seq.next_element()? {
                if entries.len() == MAX_EVENTS {
                    return Err(de::Error::custom(format_args!(
                        "a list holds more than {MAX_EVENTS} entries"
                    )));
                }
                entries.push(entry);
            }
            Ok(entries)
        }
    }
    deserializer.deserialize_seq(Entries)
}

/// Reads a published news file into a catalog; `FatalError` when nothing can be shown.
pub fn load_published(text: &str) -> Result<Catalog, FatalError> {
    let text = readable(text)?;
    // The file as publish wrote it: read at once.
    if let Ok(file) = serde_json::from_str::<NewsFile>(text) {
        if file.version == 1 && file.events.len() <= MAX_EVENTS {
            return Ok(checked(file, 0));
        }
    }
    let sections: Sections = serde_json::from_str(text).map_err(|err| {
        if err.is_syntax() || err.is_eof() {
            FatalError::Syntax {
                line: err.line(),
                column: err.column(),
                message: err.to_string(),
            }
        } else {
            FatalError::Shape {
                message: err.to_string(),
            }
        }
    })?;
    if sections.version != 1 {
        return Err(FatalError::Version {
            found: sections.version.to_string(),
        });
    }
    let site: Site =
        serde_json::from_str(sections.site.get()).map_err(|err| FatalError::Shape {
            message: format!("site: {err}"),
        })?;
    let mut dropped = 0;
    let file = NewsFile {
        schema: None,
        version: 1,
        site,
        cities: each(sections.cities, &mut dropped),
        organisations: each(sections.organisations, &mut dropped),
        people: each(sections.people, &mut dropped),
        topics: each(sections.topics, &mut dropped),
        events: each(sections.events, &mut dropped),
    };
    Ok(checked(file, dropped))
}

/// The entries that read as `T`; the others are counted.
fn each<'de, T: Deserialize<'de>>(entries: Vec<&'de RawValue>, dropped: &mut usize) -> Vec<T> {
    entries
        .into_iter()
        .filter_map(|raw| {
            let entry = serde_json::from_str(raw.get()).ok();
            *dropped += usize::from(entry.is_none());
            entry
        })
        .collect()
}

/// The catalog, with what only the validator would have refused taken out: links that are not
/// web addresses or site paths are dropped, an event with a source or a photo that could lead
/// elsewhere is left out (and counted), and references to entries the file lacks go.
fn checked(file: NewsFile, mut dropped: usize) -> Catalog {
    let NewsFile {
        mut site,
        cities,
        mut organisations,
        people,
        topics,
        events,
        ..
    } = file;
    for url in [
        &mut site.url,
        &mut site.canonical_url,
        &mut site.project.website,
    ] {
        if !is_web_address(url) {
            url.clear();
        }
    }
    for link in site.breadcrumbs.iter_mut().chain([&mut site.contact]) {
        if link.url.as_deref().is_some_and(|u| !is_safe_url(u)) {
            link.url = None;
        }
    }
    if let Some(link) = &mut site.enforcement {
        if link.url.as_deref().is_some_and(|u| !is_web_address(u)) {
            link.url = None;
        }
    }
    if site.contact_email.as_deref().is_some_and(|e| !is_email(e)) {
        site.contact_email = None;
    }
    if site.contact_phone.as_deref().is_some_and(|p| !is_phone(p)) {
        site.contact_phone = None;
    }
    if site
        .project
        .logo
        .as_deref()
        .is_some_and(|l| !is_image_src(l))
    {
        site.project.logo = None;
    }
    for org in &mut organisations {
        if org.website.as_deref().is_some_and(|w| !is_web_address(w)) {
            org.website = None;
        }
    }
    let city_ids: HashSet<&str> = cities.iter().map(|c| c.id.as_str()).collect();
    let organisation_ids: HashSet<&str> = organisations.iter().map(|o| o.id.as_str()).collect();
    let person_ids: HashSet<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let topic_ids: HashSet<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    // An event the validator would have refused: its page could not be reached by its
    // address (a slug that is no slug, or another event's), it would have no heading, or a
    // link or picture of it could lead elsewhere or not be drawn.
    let mut slugs = HashSet::new();
    let kept: Vec<bool> = events
        .iter()
        .map(|event| {
            is_slug(&event.slug)
                && slugs.insert(event.slug.as_str())
                && !event.title.is_empty()
                && event.sources.iter().all(|s| is_web_address(&s.url))
                && event
                    .images
                    .iter()
                    .all(|i| is_image_src(&i.src) && i.has_size())
        })
        .collect();
    drop(slugs);
    let events: Vec<Event> = events
        .into_iter()
        .zip(kept)
        .filter_map(|(mut event, keep)| {
            if !keep {
                dropped += 1;
                return None;
            }
            let known =
                |set: &HashSet<&str>, id: Option<String>| id.filter(|id| set.contains(id.as_str()));
            if let Some(location) = &mut event.location {
                location.city = known(&city_ids, location.city.take());
            }
            if let Some(host) = &mut event.host {
                host.city = known(&city_ids, host.city.take());
                host.organisation = known(&organisation_ids, host.organisation.take());
            }
            let participants = &mut event.participants;
            participants
                .cities
                .retain(|id| city_ids.contains(id.as_str()));
            participants
                .organisations
                .retain(|id| organisation_ids.contains(id.as_str()));
            participants.lead_partner = known(&organisation_ids, participants.lead_partner.take());
            event
                .delegates
                .retain(|id| person_ids.contains(id.as_str()));
            event.topics.retain(|id| topic_ids.contains(id.as_str()));
            // Listed twice, shown once, as the validator says.
            for ids in [
                &mut event.participants.cities,
                &mut event.participants.organisations,
                &mut event.delegates,
                &mut event.topics,
            ] {
                drop_repeats(ids);
            }
            Some(event)
        })
        .collect();
    let mut catalog = Catalog::new(
        site,
        cities,
        organisations,
        people,
        topics,
        events,
        Vec::new(),
    );
    catalog.problems_not_listed = ProblemCounts {
        entries_dropped: dropped,
        ..ProblemCounts::default()
    };
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_news;

    const SHIPPED: &str = include_str!("../../public/data/news.json");

    #[test]
    fn a_published_file_reads_as_the_validator_reads_it() {
        let light = load_published(SHIPPED).unwrap();
        let full = parse_news(SHIPPED).unwrap();
        assert_eq!(light.events, full.events);
        assert_eq!(light.site, full.site);
        assert_eq!(light.cities, full.cities);
        assert_eq!(light.dropped_entries(), 0);
    }

    #[test]
    fn a_file_without_cities_or_organisations_reads_as_the_validator_reads_it() {
        // Both lists may be left out of a file (a project whose events name none).
        let text = include_str!("../../tests/fixtures/without-cities.json");
        let full = parse_news(text).unwrap();
        assert!(full.problems.is_empty(), "{:?}", full.problems);
        let light = load_published(text).unwrap();
        assert_eq!(light.events, full.events);
        assert_eq!(light.events.len(), 1);
        assert_eq!(light.dropped_entries(), 0);
        // Read by the sections too (the way a file with one bad entry is read).
        let one_bad = text.replace(r#""events": ["#, r#""events": [1, "#);
        assert_eq!(load_published(&one_bad).unwrap().events, full.events);
    }

    fn shipped() -> serde_json::Value {
        serde_json::from_str(SHIPPED).unwrap()
    }

    #[test]
    fn one_entry_that_does_not_read_is_left_out_and_counted() {
        let mut news = shipped();
        let total = news["events"].as_array().unwrap().len();
        news["events"][3]["start"] = "2022-13-45".into();
        news["cities"][0]["lat"] = "north".into();
        let catalog = load_published(&news.to_string()).unwrap();
        assert_eq!(catalog.events.len(), total - 1);
        assert_eq!(catalog.dropped_entries(), 2);
        // The events that named the city lost only that reference.
        let gone = news["cities"][0]["id"].as_str().unwrap().to_owned();
        assert!(catalog
            .events
            .iter()
            .all(|e| !e.all_city_ids().contains(&gone.as_str())));
    }

    #[test]
    fn events_the_validator_would_refuse_are_left_out_and_counted() {
        let mut news = shipped();
        let total = news["events"].as_array().unwrap().len();
        let first = news["events"][0]["slug"].clone();
        news["events"][1]["slug"] = first.clone(); // another event's address
        news["events"][2]["slug"] = "../../editor".into();
        news["events"][3]["title"] = serde_json::json!({ "bg": "", "en": "" });
        news["events"][4]["images"] = serde_json::json!([
            { "src": "images/a.jpg", "alt": { "bg": "а", "en": "a" }, "width": 0, "height": 600 }
        ]);
        news["cities"][0]["lat"] = 91.into();
        let catalog = load_published(&news.to_string()).unwrap();
        assert_eq!(catalog.events.len(), total - 4);
        assert_eq!(catalog.dropped_entries(), 5);
        // The first of two events with one address keeps it.
        assert_eq!(catalog.events[0].slug, first.as_str().unwrap());
        assert!(catalog.events.iter().all(|e| e.slug != "../../editor"));
    }

    #[test]
    fn a_list_longer_than_a_file_may_hold_is_refused_before_it_is_all_read() {
        let ones = vec!["1"; MAX_EVENTS + 1].join(",");
        let text = format!(
            r#"{{"version":1,"site":{},"cities":[],"organisations":[],"events":[{ones}]}}"#,
            shipped()["site"]
        );
        let err = load_published(&text).unwrap_err();
        assert!(err.message().contains("more than 100000 entries"), "{err}");
    }

    #[test]
    fn links_that_could_lead_elsewhere_do_not_reach_the_pages() {
        let mut news = shipped();
        let total = news["events"].as_array().unwrap().len();
        news["events"][0]["sources"][0]["url"] = "javascript:alert(1)".into();
        news["events"][1]["images"] = serde_json::json!([{
            "src": "data:image/svg+xml,<svg onload=alert(1)>",
            "alt": { "bg": "а", "en": "a" }, "width": 10, "height": 10
        }]);
        news["site"]["url"] = "javascript:alert(1)".into();
        news["site"]["breadcrumbs"][0]["url"] = "//elsewhere.example/".into();
        news["organisations"][0]["website"] = "vbscript:x".into();
        let catalog = load_published(&news.to_string()).unwrap();
        assert_eq!(
            catalog.events.len(),
            total - 2,
            "the two events are left out"
        );
        assert_eq!(catalog.dropped_entries(), 2);
        assert_eq!(catalog.site.url, "");
        assert_eq!(catalog.site.breadcrumbs[0].url, None);
        assert_eq!(catalog.organisations[0].website, None);
    }

    #[test]
    fn what_cannot_be_read_at_all_says_why_and_where() {
        match load_published("{\"version\": 1, \"events\": [\n  {\"slug\": ") {
            Err(FatalError::Syntax { line, column, .. }) => assert_eq!((line, column), (2, 11)),
            other => panic!("{other:?}"),
        }
        let mut news = shipped();
        news["version"] = 2.into();
        assert!(matches!(
            load_published(&news.to_string()),
            Err(FatalError::Version { .. })
        ));
        news["version"] = 1.into();
        news["site"] = serde_json::json!({});
        assert!(matches!(
            load_published(&news.to_string()),
            Err(FatalError::Shape { .. })
        ));
        let mut no_events = shipped();
        no_events.as_object_mut().unwrap().remove("events");
        assert!(matches!(
            load_published(&no_events.to_string()),
            Err(FatalError::Shape { .. })
        ));
        let huge = " ".repeat(crate::model::MAX_FILE_BYTES + 1);
        assert!(matches!(
            load_published(&huge),
            Err(FatalError::TooLarge { .. })
        ));
    }
}
