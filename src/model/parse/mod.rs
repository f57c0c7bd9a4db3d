//! Tolerant loading: each entry is parsed and checked on its own, so one bad entry is reported
//! and the rest survive.
//!
//! [`parse_news`] runs the steps in file order: the top level (`sections`), each entry into
//! its type with its problems collected (`report`), the checks past the types (`events`,
//! `urls`) and the references between entries (`references`). A problem points into the file
//! through `json_path` and `position`.

mod events;
mod json_path;
mod position;
mod references;
mod report;
mod sections;
mod urls;

use std::collections::HashSet;

use super::catalog::Catalog;
use super::problem::FatalError;
use super::types::{City, Event, Lang, Organisation, Person, Site, Topic};
use events::EventCheck;
use position::position;
pub use position::utf8_text;
use references::{RefSets, Required};
use report::Report;
use sections::{parse_list, raw_list};
use urls::{check_site_links, origin_of};

pub use sections::trailing_comma;
pub(crate) use sections::KNOWN_SECTIONS;
pub(crate) use urls::{is_email, is_image_src, is_phone, is_web_address, phone_href};
pub use urls::{is_picture_path, is_safe_url, is_site_address};

/// The largest file the loader reads (a 10,000-event archive is about 10 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The largest single entry.
pub const MAX_ENTRY_BYTES: usize = 256 * 1024;
/// The longest single text.
pub const MAX_TEXT_CHARS: usize = 40_000;
/// The most events one file may hold.
pub const MAX_EVENTS: usize = 100_000;

/// The most problems one load lists; the rest are only counted
/// ([`Catalog::problems_not_listed`]). A thousand is more than anyone reads, and keeps what a
/// broken or hostile file costs close to what a clean one does.
pub const MAX_PROBLEMS: usize = 1_000;

/// The text a loader reads: within the size limit, without a byte order mark.
pub(crate) fn readable(text: &str) -> Result<&str, FatalError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FatalError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// Reads a news file. Fails only when nothing useful can be read; everything else becomes a
/// [`Problem`](super::Problem) in the catalog.
pub fn parse_news(text: &str) -> Result<Catalog, FatalError> {
    let text = readable(text)?;
    let sections = sections::read(text)?;
    let mut report = Report::new(text);
    sections::warn_unknown(&mut report, &sections);

    let site_raw = sections.get("site").ok_or_else(|| FatalError::Shape {
        message: "the file has no `site` object".to_owned(),
    })?;
    let Some(site) = report.entry::<Site>(site_raw, "site") else {
        // The problem found in `site` would be lost with the catalog: it becomes the error,
        // at its own place in the file.
        return Err(match report.problems.last() {
            Some((offset, p)) => {
                let (line, column) = position(text, *offset);
                FatalError::Site {
                    line,
                    column,
                    message: format!("{}: {}", p.path, p.message),
                }
            }
            None => FatalError::Shape {
                message: "the `site` object is not valid".to_owned(),
            },
        });
    };
    let mut site = site;
    references::check_required(
        &mut report,
        site_raw.get(),
        "site",
        &[
            ("publisher", Required::Text(&site.publisher)),
            ("project.name", Required::Text(&site.project.name)),
            ("project.acronym", Required::String(&site.project.acronym)),
            ("project.programme", Required::Text(&site.project.programme)),
        ],
    );
    check_site_links(&mut report, site_raw.get(), &mut site);
    urls::check_languages(&mut report, site_raw.get(), &site);
    let texts = references::site_texts(&site);
    references::check_translations(&mut report, site_raw.get(), "site", &site, &texts);
    let project = &site.project;
    if project.end.last_day() < project.start.first_day() {
        let message = format!(
            "ends ({}) before it starts ({})",
            project.end, project.start
        );
        let raw = site_raw.get();
        let path = "site.project.end".to_owned();
        report.push_in(
            crate::model::Severity::Error,
            raw,
            "project.end",
            path,
            None,
            message,
            false,
        );
    }
    let acronym = &site.project.acronym;
    references::check_plain(
        &mut report,
        site_raw.get(),
        "site",
        "project.acronym",
        acronym,
    );

    let raw_cities = raw_list(&mut report, &sections, "cities", false)?;
    let raw_orgs = raw_list(&mut report, &sections, "organisations", false)?;
    let raw_people = raw_list(&mut report, &sections, "people", false)?;
    let raw_topics = raw_list(&mut report, &sections, "topics", false)?;
    let raw_events = raw_list(&mut report, &sections, "events", true)?;
    if raw_events.len() > MAX_EVENTS {
        return Err(FatalError::Shape {
            message: format!(
                "the file has {} events; at most {MAX_EVENTS} are read",
                raw_events.len()
            ),
        });
    }

    let mut cities = parse_list(&mut report, &raw_cities, "cities", |c: &City| &c.id);
    let mut organisations = parse_list(
        &mut report,
        &raw_orgs,
        "organisations",
        |o: &Organisation| &o.id,
    );
    let people = parse_list(&mut report, &raw_people, "people", |p: &Person| &p.id);
    let topics = parse_list(&mut report, &raw_topics, "topics", |t: &Topic| &t.id);

    let mut refs = RefSets {
        cities: cities.iter().map(|(_, c)| c.id.clone()).collect(),
        organisations: organisations.iter().map(|(_, o)| o.id.clone()).collect(),
        people: people.iter().map(|(_, p)| p.id.clone()).collect(),
        topics: topics.iter().map(|(_, t)| t.id.clone()).collect(),
        site_origin: origin_of(&site.canonical_url),
        left_out: HashSet::new(),
    };
    let mut left_out = HashSet::new();
    for (kind, raw) in [
        ("city", &raw_cities),
        ("organisation", &raw_orgs),
        ("person", &raw_people),
        ("topic", &raw_topics),
    ] {
        references::left_out_ids(kind, raw, refs.of(kind), &mut left_out);
    }
    refs.left_out = left_out;
    references::check_home_city(&mut report, site_raw, &mut site, &refs);
    references::check_cities(&mut report, &mut cities, &raw_cities, &refs);
    references::check_shared_names(&mut report, &cities, &raw_cities, &site);
    references::check_organisations(&mut report, &mut organisations, &raw_orgs, &refs);
    references::check_people(&mut report, &people, &raw_people, &refs);
    for (i, topic) in &topics {
        let entry = format!("topics[{i}]");
        let label = [("label", Required::Text(&topic.label))];
        references::check_required(&mut report, raw_topics[*i].get(), &entry, &label);
    }
    // What a visitor reads of each entry, where one language lacks it.
    let name = |text| vec![("name".to_owned(), text)];
    let entries = (cities
        .iter()
        .map(|(i, c)| ("cities", *i, raw_cities[*i], name(&c.name))))
    .chain(
        organisations
            .iter()
            .map(|(i, o)| ("organisations", *i, raw_orgs[*i], name(&o.name))),
    )
    .chain(people.iter().map(|(i, p)| {
        let mut texts = name(&p.name);
        texts.push(("role".to_owned(), &p.role));
        ("people", *i, raw_people[*i], texts)
    }))
    .chain(topics.iter().map(|(i, t)| {
        (
            "topics",
            *i,
            raw_topics[*i],
            vec![("label".to_owned(), &t.label)],
        )
    }));
    for (list, i, raw, texts) in entries {
        let entry = format!("{list}[{i}]");
        references::check_translations(&mut report, raw.get(), &entry, &site, &texts);
    }
    for (i, org) in &organisations {
        if let Some(short) = &org.short_name {
            let (raw, entry) = (raw_orgs[*i].get(), format!("organisations[{i}]"));
            references::check_plain(&mut report, raw, &entry, "short_name", short);
        }
    }

    let cities: Vec<City> = cities.into_iter().map(|(_, c)| c).collect();
    let organisations: Vec<Organisation> = organisations.into_iter().map(|(_, o)| o).collect();
    let people: Vec<Person> = people.into_iter().map(|(_, p)| p).collect();
    let topics: Vec<Topic> = topics.into_iter().map(|(_, t)| t).collect();

    let mut seen_slugs = HashSet::new();
    let mut events = Vec::with_capacity(raw_events.len());
    for (i, raw) in raw_events.iter().enumerate() {
        let path = format!("events[{i}]");
        let Some(mut event) = report.entry::<Event>(raw, &path) else {
            continue;
        };
        let mut checker = EventCheck {
            report: &mut report,
            at: raw.get(),
            path: &path,
            slug: shown_slug(&event.slug),
            fatal: false,
            languages: Lang::ALL.map(|lang| site.publishes(lang)),
        };
        checker.check(&mut event, &refs);
        // Only a kept event owns its slug: a left-out one must not push out a later good one.
        if !checker.fatal && seen_slugs.contains(&event.slug) {
            checker.error(
                "slug".to_owned(),
                format!("slug `{}` is used by an earlier event", event.slug),
            );
        }
        if !checker.fatal {
            seen_slugs.insert(event.slug.clone());
            events.push(event);
        }
    }

    let (problems, not_listed) = report.finish();
    let mut catalog = Catalog::new(
        site,
        cities,
        organisations,
        people,
        topics,
        events,
        problems,
    );
    catalog.problems_not_listed = not_listed;
    Ok(catalog)
}

/// `a-z`, `0-9` and single hyphens between them.
/// Where a JSON reader's error in `text` stands, counted as the checks count (a column in
/// characters, not bytes), and what it says without its own "at line … column …".
pub fn json_error_at(text: &str, err: &serde_json::Error) -> (usize, usize, String) {
    let (line, column) = position(text, position::offset_in(text, err.line(), err.column()));
    (line, column, report::describe_serde_error(err))
}

/// The longest slug, in bytes (a slug's characters are ASCII).
pub const MAX_SLUG_BYTES: usize = 120;

/// An event's slug as its problems name it: a long one cut after as many characters as a slug
/// may have, so that a file with a slug of a hundred thousand characters and a thousand
/// problems in that event is not said with the slug a thousand times.
fn shown_slug(slug: &str) -> String {
    match slug.char_indices().nth(MAX_SLUG_BYTES) {
        Some((at, _)) => format!("{}…", &slug[..at]),
        None => slug.to_owned(),
    }
}

pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_SLUG_BYTES
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
