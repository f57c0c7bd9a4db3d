//! Tolerant loading: each entry is parsed and checked on its own, so one bad entry is reported
//! and the rest survive.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::catalog::Catalog;
use super::problem::{FatalError, Problem, Severity};
use super::types::{
    City, Event, Image, Organisation, Person, Site, Source, Text, Topic,
};

/// The largest file the loader reads (a 10,000-event archive is about 10 MB).
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The largest single entry.
pub const MAX_ENTRY_BYTES: usize = 256 * 1024;
/// The longest single text.
pub const MAX_TEXT_CHARS: usize = 40_000;
/// The most events one file may hold.
pub const MAX_EVENTS: usize = 100_000;

/// Line starts, to turn byte offsets into line:column.
struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { text, starts }
    }

    /// 1-based line and column (in characters) of a byte offset.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self.text.get(start..offset).map_or(1, |t| t.chars().count() + 1);
        (line, column)
    }

    /// Where a borrowed slice of the text starts.
    fn offset_of(&self, part: &str) -> usize {
        (part.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize)
    }
}

/// Collects problems with their positions.
struct Report<'a> {
    lines: Lines<'a>,
    problems: Vec<Problem>,
}

impl Report<'_> {
    fn push(
        &mut self,
        severity: Severity,
        at: &str,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        let (line, column) = self.lines.position(self.lines.offset_of(at));
        self.problems.push(Problem {
            severity,
            path,
            line,
            column,
            slug: slug.map(str::to_owned),
            message,
            entry_dropped,
        });
    }

    /// Parses one entry; a failure becomes a problem that points into the entry.
    fn entry<T: DeserializeOwned>(&mut self, raw: &RawValue, path: &str) -> Option<T> {
        let text = raw.get();
        if text.len() > MAX_ENTRY_BYTES {
            self.push(
                Severity::Error,
                text,
                path.to_owned(),
                None,
                format!("entry has {} bytes; at most {MAX_ENTRY_BYTES} are read", text.len()),
                true,
            );
            return None;
        }
        let mut de = serde_json::Deserializer::from_str(text);
        match serde_path_to_error::deserialize::<_, T>(&mut de) {
            Ok(value) => Some(value),
            Err(err) => {
                let inner_path = err.path().to_string();
                let full_path = if inner_path == "." || inner_path.is_empty() {
                    path.to_owned()
                } else if inner_path.starts_with('[') {
                    format!("{path}{inner_path}")
                } else {
                    format!("{path}.{inner_path}")
                };
                let inner = err.into_inner();
                let (start_line, start_col) = self.lines.position(self.lines.offset_of(text));
                let (line, column) = match inner.line() {
                    0 | 1 => (start_line, start_col + inner.column().saturating_sub(1)),
                    l => (start_line + l - 1, inner.column()),
                };
                let slug = slug_of(text);
                self.problems.push(Problem {
                    severity: Severity::Error,
                    path: full_path,
                    line,
                    column,
                    slug,
                    message: describe_serde_error(&inner),
                    entry_dropped: true,
                });
                None
            }
        }
    }
}

/// The slug of an entry that failed to parse, to help find it.
fn slug_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct SlugOnly {
        slug: Option<String>,
    }
    serde_json::from_str::<SlugOnly>(text).ok().and_then(|s| s.slug)
}

/// serde's message without its own " at line X column Y" tail (we give positions ourselves).
fn describe_serde_error(err: &serde_json::Error) -> String {
    let text = err.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Splits a section that should be an array into its raw entries.
fn raw_list<'a>(
    report: &mut Report<'_>,
    sections: &BTreeMap<String, &'a RawValue>,
    name: &str,
    required: bool,
) -> Result<Vec<&'a RawValue>, FatalError> {
    let Some(raw) = sections.get(name) else {
        if required {
            return Err(FatalError::Shape {
                message: format!("the file has no `{name}` list"),
            });
        }
        return Ok(Vec::new());
    };
    match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
        Ok(list) => Ok(list),
        Err(_) if required => Err(FatalError::Shape {
            message: format!("`{name}` must be a list (a JSON array)"),
        }),
        Err(_) => {
            report.push(
                Severity::Error,
                raw.get(),
                name.to_owned(),
                None,
                "must be a list (a JSON array); the whole list was left out".to_owned(),
                true,
            );
            Ok(Vec::new())
        }
    }
}

const KNOWN_SECTIONS: [&str; 8] = [
    "$schema",
    "version",
    "site",
    "cities",
    "organisations",
    "people",
    "topics",
    "events",
];

/// Reads a news file. Fails only when nothing useful can be read; everything else becomes a
/// [`Problem`] in the catalog.
pub fn parse_news(text: &str) -> Result<Catalog, FatalError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FatalError::TooLarge {
            bytes: text.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let sections: BTreeMap<String, &RawValue> =
        serde_json::from_str(text).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => FatalError::Shape {
                message: "the file must hold one JSON object with `version`, `site` and `events`"
                    .to_owned(),
            },
            _ => FatalError::Syntax {
                line: e.line(),
                column: e.column(),
                message: describe_serde_error(&e),
            },
        })?;
    let mut report = Report {
        lines: Lines::new(text),
        problems: Vec::new(),
    };

    match sections.get("version").map(|v| v.get().trim()) {
        Some("1") => {}
        Some(other) => {
            return Err(FatalError::Version {
                found: other.to_owned(),
            })
        }
        None => {
            return Err(FatalError::Shape {
                message: "the file has no `version` (this app reads version 1)".to_owned(),
            })
        }
    }
    for (name, raw) in &sections {
        if !KNOWN_SECTIONS.contains(&name.as_str()) {
            report.push(
                Severity::Warning,
                raw.get(),
                name.clone(),
                None,
                format!("unknown section `{name}` is ignored"),
                false,
            );
        }
    }

    let site_raw = sections.get("site").ok_or_else(|| FatalError::Shape {
        message: "the file has no `site` object".to_owned(),
    })?;
    let site: Site = report.entry(site_raw, "site").ok_or_else(|| FatalError::Shape {
        message: "the `site` object is not valid (see the problems listed with it)".to_owned(),
    })?;

    let raw_cities = raw_list(&mut report, &sections, "cities", false)?;
    let raw_orgs = raw_list(&mut report, &sections, "organisations", false)?;
    let raw_people = raw_list(&mut report, &sections, "people", false)?;
    let raw_topics = raw_list(&mut report, &sections, "topics", false)?;
    let raw_events = raw_list(&mut report, &sections, "events", true)?;
    if raw_events.len() > MAX_EVENTS {
        return Err(FatalError::TooLarge {
            bytes: text.len(),
            limit: MAX_EVENTS,
        });
    }

    let cities: Vec<City> = parse_list(&mut report, &raw_cities, "cities", |c: &City| &c.id);
    let organisations: Vec<Organisation> =
        parse_list(&mut report, &raw_orgs, "organisations", |o: &Organisation| &o.id);
    let people: Vec<Person> = parse_list(&mut report, &raw_people, "people", |p: &Person| &p.id);
    let topics: Vec<Topic> = parse_list(&mut report, &raw_topics, "topics", |t: &Topic| &t.id);

    let refs = RefSets {
        cities: cities.iter().map(|c| c.id.clone()).collect(),
        organisations: organisations.iter().map(|o| o.id.clone()).collect(),
        people: people.iter().map(|p| p.id.clone()).collect(),
        topics: topics.iter().map(|t| t.id.clone()).collect(),
    };
    let mut organisations = organisations;
    for (i, org) in organisations.iter_mut().enumerate() {
        let at = raw_orgs.iter().map(|r| r.get()).nth(i).unwrap_or(text);
        if let Some(city) = &org.city {
            if !refs.cities.contains(city) {
                report.push(
                    Severity::Error,
                    at,
                    format!("organisations[{i}].city"),
                    None,
                    format!("unknown city `{city}`; the reference was dropped"),
                    false,
                );
                org.city = None;
            }
        }
    }
    let mut people = people;
    for (i, person) in people.iter_mut().enumerate() {
        if !refs.organisations.contains(&person.organisation) {
            let at = raw_people.get(i).map_or(text, |r| r.get());
            report.push(
                Severity::Error,
                at,
                format!("people[{i}].organisation"),
                None,
                format!("unknown organisation `{}`", person.organisation),
                false,
            );
        }
    }

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
            slug: event.slug.clone(),
            fatal: false,
        };
        checker.check(&mut event, &refs);
        if !seen_slugs.insert(event.slug.clone()) && !checker.fatal {
            checker.error(
                "slug".to_owned(),
                format!("slug `{}` is used by an earlier event", event.slug),
            );
        }
        if !checker.fatal {
            events.push(event);
        }
    }

    Ok(Catalog::new(
        site,
        cities,
        organisations,
        people,
        topics,
        events,
        report.problems,
    ))
}

/// Parses a reference list entry by entry, checking ids.
fn parse_list<T: DeserializeOwned>(
    report: &mut Report<'_>,
    raws: &[&RawValue],
    section: &str,
    id: impl Fn(&T) -> &str,
) -> Vec<T> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        let path = format!("{section}[{i}]");
        let Some(item) = report.entry::<T>(raw, &path) else {
            continue;
        };
        let item_id = id(&item).to_owned();
        if !is_slug(&item_id) {
            report.push(
                Severity::Error,
                raw.get(),
                format!("{path}.id"),
                None,
                format!("id `{item_id}` must be lowercase letters, digits and hyphens"),
                true,
            );
        } else if !seen.insert(item_id.clone()) {
            report.push(
                Severity::Error,
                raw.get(),
                format!("{path}.id"),
                None,
                format!("id `{item_id}` is used by an earlier entry"),
                true,
            );
        } else {
            out.push(item);
        }
    }
    out
}

struct RefSets {
    cities: HashSet<String>,
    organisations: HashSet<String>,
    people: HashSet<String>,
    topics: HashSet<String>,
}

/// `a-z`, `0-9` and single hyphens between them.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 120
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Links an editor may use: http(s) addresses and paths inside the site.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    if url.is_empty() || url.starts_with("//") || url.chars().any(char::is_control) {
        return false;
    }
    match url.find(':') {
        Some(colon) => {
            let scheme = &url[..colon];
            // A colon after a path separator belongs to the path, not to a scheme.
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            let scheme = scheme.to_ascii_lowercase();
            (scheme == "https" || scheme == "http") && url[colon..].starts_with("://")
        }
        None => true,
    }
}

/// The checks that need more than the types: dates, references, URLs, texts.
struct EventCheck<'r, 'a> {
    report: &'r mut Report<'a>,
    at: &'a str,
    path: &'r str,
    slug: String,
    /// Set when the event must be left out.
    fatal: bool,
}

impl EventCheck<'_, '_> {
    fn push(&mut self, severity: Severity, sub: String, message: String, drop: bool) {
        let path = if sub.is_empty() {
            self.path.to_owned()
        } else {
            format!("{}.{sub}", self.path)
        };
        self.report
            .push(severity, self.at, path, Some(&self.slug), message, drop);
    }

    fn error(&mut self, sub: String, message: String) {
        self.fatal = true;
        self.push(Severity::Error, sub, message, true);
    }

    fn dropped_ref(&mut self, sub: String, kind: &str, id: &str) {
        self.push(
            Severity::Error,
            sub,
            format!("unknown {kind} `{id}`; the reference was dropped"),
            false,
        );
    }

    fn check(&mut self, event: &mut Event, refs: &RefSets) {
        if !is_slug(&event.slug) {
            self.error(
                "slug".into(),
                format!(
                    "slug `{}` must be lowercase letters, digits and single hyphens",
                    event.slug
                ),
            );
        }
        if let Some(end) = event.end {
            if end.last_day() < event.start.first_day() {
                self.error(
                    "end".into(),
                    format!("ends ({end}) before it starts ({})", event.start),
                );
            }
        }
        self.required_text(&event.title, "title");
        self.required_text(&event.summary, "summary");
        self.optional_text(event.body.as_ref(), "body");
        self.optional_text(event.opened_by.as_ref(), "opened_by");
        if event.sources.is_empty() {
            self.error("sources".into(), "every event must cite at least one source".into());
        }
        for (i, source) in event.sources.iter().enumerate() {
            self.source(source, i);
        }
        for (i, image) in event.images.iter().enumerate() {
            self.image(image, i);
        }
        if let Some(body) = &event.body {
            for text in body.all() {
                for url in super::markup::link_targets(text) {
                    if !is_safe_url(url) {
                        self.error(
                            "body".into(),
                            format!("link `{url}` is not allowed: use http(s) addresses or site paths"),
                        );
                    }
                }
            }
        }
        self.references(event, refs);
    }

    fn text_size(&mut self, text: &Text, field: &str) {
        if text.all().any(|t| t.chars().count() > MAX_TEXT_CHARS) {
            self.error(
                field.into(),
                format!("text longer than {MAX_TEXT_CHARS} characters"),
            );
        }
        if text.all().any(looks_like_html) {
            self.push(
                Severity::Warning,
                field.into(),
                "contains HTML tags; they are shown as plain text".into(),
                false,
            );
        }
    }

    fn required_text(&mut self, text: &Text, field: &str) {
        if text.is_empty() {
            self.error(field.into(), "must not be empty in both languages".into());
            return;
        }
        self.translations(text, field);
        self.text_size(text, field);
    }

    fn optional_text(&mut self, text: Option<&Text>, field: &str) {
        if let Some(text) = text {
            if !text.is_empty() {
                self.translations(text, field);
            }
            self.text_size(text, field);
        }
    }

    fn translations(&mut self, text: &Text, field: &str) {
        for lang in super::types::Lang::ALL {
            if text.resolve(lang).is_fallback(lang) {
                self.push(
                    Severity::Warning,
                    format!("{field}.{}", lang.code()),
                    format!("no {} text; the other language is shown", lang.code()),
                    false,
                );
            }
        }
    }

    fn source(&mut self, source: &Source, i: usize) {
        let url = source.url.trim();
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok || !is_safe_url(url) {
            self.error(
                format!("sources[{i}].url"),
                format!("source `{url}` must be an http(s) address"),
            );
        }
    }

    fn image(&mut self, image: &Image, i: usize) {
        if !is_safe_url(&image.src) || image.src.trim_start().starts_with("http://") {
            self.error(
                format!("images[{i}].src"),
                format!("image `{}` must be a site path or an https address", image.src),
            );
        }
        if image.alt.is_empty() {
            self.error(
                format!("images[{i}].alt"),
                "every image needs alternative text".into(),
            );
        }
        if image.width == 0 || image.height == 0 || image.width > 20_000 || image.height > 20_000
        {
            self.error(
                format!("images[{i}]"),
                "width and height must be between 1 and 20000 pixels".into(),
            );
        }
    }

    fn references(&mut self, event: &mut Event, refs: &RefSets) {
        if let Some(loc) = &mut event.location {
            if let Some(city) = &loc.city {
                if !refs.cities.contains(city) {
                    self.dropped_ref("location.city".into(), "city", city);
                    loc.city = None;
                }
            }
        }
        if let Some(host) = &mut event.host {
            if let Some(city) = &host.city {
                if !refs.cities.contains(city) {
                    self.dropped_ref("host.city".into(), "city", city);
                    host.city = None;
                }
            }
            if let Some(org) = &host.organisation {
                if !refs.organisations.contains(org) {
                    self.dropped_ref("host.organisation".into(), "organisation", org);
                    host.organisation = None;
                }
            }
        }
        let p = &mut event.participants;
        self.retain_known(&mut p.cities, &refs.cities, "participants.cities", "city");
        self.retain_known(
            &mut p.organisations,
            &refs.organisations,
            "participants.organisations",
            "organisation",
        );
        if let Some(lead) = &p.lead_partner {
            if !refs.organisations.contains(lead) {
                self.dropped_ref("participants.lead_partner".into(), "organisation", lead);
                p.lead_partner = None;
            }
        }
        self.retain_known(&mut event.delegates, &refs.people, "delegates", "person");
        self.retain_known(&mut event.topics, &refs.topics, "topics", "topic");
        for (d, day) in event.agenda.iter_mut().enumerate() {
            for (s, session) in day.sessions.iter_mut().enumerate() {
                if let Some(presenter) = &mut session.presenter {
                    let base = format!("agenda[{d}].sessions[{s}].presenter");
                    if let Some(city) = &presenter.city {
                        if !refs.cities.contains(city) {
                            self.dropped_ref(format!("{base}.city"), "city", city);
                            presenter.city = None;
                        }
                    }
                    if let Some(org) = &presenter.organisation {
                        if !refs.organisations.contains(org) {
                            self.dropped_ref(format!("{base}.organisation"), "organisation", org);
                            presenter.organisation = None;
                        }
                    }
                }
            }
        }
    }

    fn retain_known(
        &mut self,
        ids: &mut Vec<String>,
        known: &HashSet<String>,
        field: &str,
        kind: &str,
    ) {
        let mut i = 0;
        ids.retain(|id| {
            let ok = known.contains(id);
            if !ok {
                self.dropped_ref(format!("{field}[{i}]"), kind, id);
            }
            i += 1;
            ok
        });
    }
}

fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.windows(2).any(|w| {
        w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!')
    })
}
