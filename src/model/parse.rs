//! Tolerant loading: each entry is parsed and checked on its own, so one bad entry is reported
//! and the rest survive.

use std::collections::{BTreeMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use super::catalog::Catalog;
use super::problem::{FatalError, Problem, ProblemCounts, Severity};
use super::types::{City, Event, Image, Organisation, Person, Site, Source, Text, Topic};

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
/// Unknown ids of one list named in its problem; the rest of them are counted.
const NAMED_IDS: usize = 3;

/// Where a borrowed slice of `text` starts.
fn offset_of(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize)
}

/// 1-based lines and columns (in characters) of byte offsets, in one forward pass over the
/// text: `offsets` must be sorted. Each kept problem costs only the stretch of text since the
/// one before it, however long the lines (a minified file is one line).
fn positions(text: &str, offsets: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
    let (mut line, mut column, mut at) = (1, 1, 0);
    let mut out = Vec::new();
    for offset in offsets {
        let mut offset = offset.clamp(at, text.len());
        // serde counts columns in bytes; step back to the start of the character.
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let stretch = text.get(at..offset).unwrap_or_default();
        match stretch.rfind('\n') {
            Some(last) => {
                line += stretch.bytes().filter(|&b| b == b'\n').count();
                column = stretch[last + 1..].chars().count() + 1;
            }
            None => column += stretch.chars().count(),
        }
        at = offset;
        out.push((line, column));
    }
    out
}

/// Line and column of one offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    positions(text, [offset]).pop().unwrap_or((1, 1))
}

/// Byte offset inside `text` of serde's 1-based line and byte column.
fn offset_in(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// One step of a problem path: `key` or `[index]`.
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Step::Key(key));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

/// The offset inside an entry's text of the value at `path` (`a.b[2].c`), or of the deepest
/// part of it that exists, so that a problem's line and column point at the value an editor
/// must change. The flag tells whether the whole path was found.
///
/// One forward scan: members before the wanted one are skipped over, the wanted one is
/// entered, nothing is parsed twice. The entry is valid JSON (serde has read it as a raw
/// value); should it not be, the scan stops at the deepest place it reached.
fn walk(entry: &str, path: &str) -> (usize, bool) {
    let bytes = entry.as_bytes();
    let mut here = skip_space(bytes, 0);
    for step in steps(path) {
        match member(entry, here, &step) {
            Some(at) => here = at,
            None => return (here, false),
        }
    }
    (here, true)
}

fn skip_space(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

/// Just past the string that starts (with its quote) at `i`.
fn string_end(bytes: &[u8], mut i: usize) -> Option<usize> {
    i += 1;
    loop {
        match bytes.get(i)? {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
}

/// Just past the value that starts at `i`.
fn value_end(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes.get(i)? {
        b'"' => string_end(bytes, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match bytes.get(j)? {
                    b'"' => {
                        j = string_end(bytes, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while bytes
                .get(j)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                j += 1;
            }
            Some(j)
        }
    }
}

/// Where the member `step` of the object or array starting at `at` starts.
fn member(text: &str, at: usize, step: &Step<'_>) -> Option<usize> {
    let bytes = text.as_bytes();
    match (bytes.get(at)?, step) {
        (b'{', Step::Key(key)) => {
            let mut i = skip_space(bytes, at + 1);
            loop {
                if bytes.get(i)? != &b'"' {
                    return None;
                }
                let end = string_end(bytes, i)?;
                let raw = text.get(i + 1..end - 1)?;
                let found = if raw.contains('\\') {
                    serde_json::from_str::<String>(text.get(i..end)?).is_ok_and(|k| k == *key)
                } else {
                    raw == *key
                };
                i = skip_space(bytes, end);
                if bytes.get(i)? != &b':' {
                    return None;
                }
                i = skip_space(bytes, i + 1);
                if found {
                    return Some(i);
                }
                i = skip_space(bytes, value_end(bytes, i)?);
                if bytes.get(i)? != &b',' {
                    return None;
                }
                i = skip_space(bytes, i + 1);
            }
        }
        (b'[', Step::Index(index)) => {
            let mut i = skip_space(bytes, at + 1);
            if bytes.get(i)? == &b']' {
                return None;
            }
            for _ in 0..*index {
                i = skip_space(bytes, value_end(bytes, i)?);
                if bytes.get(i)? != &b',' {
                    return None;
                }
                i = skip_space(bytes, i + 1);
            }
            Some(i)
        }
        _ => None,
    }
}

/// Collects problems, each with the byte offset it points at; lines and columns are worked
/// out at the end, for the kept problems only ([`Report::finish`]).
struct Report<'a> {
    text: &'a str,
    problems: Vec<(usize, Problem)>,
    not_listed: ProblemCounts,
}

impl<'a> Report<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            problems: Vec::new(),
            not_listed: ProblemCounts::default(),
        }
    }

    /// Whether one more problem is listed; if not, it is counted.
    fn keeps(&mut self, severity: Severity, entry_dropped: bool) -> bool {
        if self.problems.len() < MAX_PROBLEMS {
            return true;
        }
        match severity {
            Severity::Error => self.not_listed.errors += 1,
            Severity::Warning => self.not_listed.warnings += 1,
        }
        if entry_dropped {
            self.not_listed.entries_dropped += 1;
        }
        false
    }

    fn add(
        &mut self,
        severity: Severity,
        offset: usize,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        let problem = Problem {
            severity,
            path,
            line: 0,
            column: 0,
            slug: slug.map(str::to_owned),
            message,
            entry_dropped,
        };
        self.problems.push((offset, problem));
    }

    /// A problem that points at `at`, a slice of the file.
    fn push(
        &mut self,
        severity: Severity,
        at: &str,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        if self.keeps(severity, entry_dropped) {
            let offset = offset_of(self.text, at);
            self.add(severity, offset, path, slug, message, entry_dropped);
        }
    }

    /// A problem that points at the value `sub` (`a.b[2]`) inside `entry`, a slice of the file.
    #[allow(clippy::too_many_arguments)]
    fn push_in(
        &mut self,
        severity: Severity,
        entry: &str,
        sub: &str,
        path: String,
        slug: Option<&str>,
        message: String,
        entry_dropped: bool,
    ) {
        if self.keeps(severity, entry_dropped) {
            let offset = offset_of(self.text, entry) + walk(entry, sub).0;
            self.add(severity, offset, path, slug, message, entry_dropped);
        }
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
                format!(
                    "entry has {} bytes; at most {MAX_ENTRY_BYTES} are read",
                    text.len()
                ),
                true,
            );
            return None;
        }
        match deserialize_tracked::<T>(text) {
            Ok(value) => Some(value),
            Err((inner_path, inner)) => {
                if !self.keeps(Severity::Error, true) {
                    return None;
                }
                let full_path = if inner_path == "." || inner_path.is_empty() {
                    path.to_owned()
                } else if inner_path.starts_with('[') {
                    format!("{path}{inner_path}")
                } else {
                    format!("{path}.{inner_path}")
                };
                // serde stops at the end of the bad value (or of its object, for a missing
                // field); an editor looks for the value's start.
                let local = match walk(text, &inner_path) {
                    (value, true) => value,
                    _ => offset_in(text, inner.line(), inner.column()),
                };
                let offset = offset_of(self.text, text) + local;
                let slug = slug_of(text);
                let message = describe_serde_error(&inner);
                self.add(
                    Severity::Error,
                    offset,
                    full_path,
                    slug.as_deref(),
                    message,
                    true,
                );
                None
            }
        }
    }

    /// The kept problems in file order (as an editor walks the file; stable, so one place
    /// keeps its check order), with their lines and columns.
    fn finish(mut self) -> (Vec<Problem>, ProblemCounts) {
        self.problems.sort_by_key(|(offset, _)| *offset);
        let found = positions(self.text, self.problems.iter().map(|(offset, _)| *offset));
        let problems = self
            .problems
            .into_iter()
            .zip(found)
            .map(|((_, mut problem), (line, column))| {
                problem.line = line;
                problem.column = column;
                problem
            })
            .collect();
        (problems, self.not_listed)
    }
}

/// The slug of an entry that failed to parse, to help find it.
fn slug_of(text: &str) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct SlugOnly {
        slug: Option<String>,
    }
    serde_json::from_str::<SlugOnly>(text)
        .ok()
        .and_then(|s| s.slug)
}

/// Deserializes one entry, with the JSON path of the first error where it can be had.
///
/// The path tracker doubles the deserialisation code, so only native builds (the validator)
/// carry it; the browser reports the entry and the line and column.
#[cfg(not(target_arch = "wasm32"))]
fn deserialize_tracked<T: DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|err| {
        let path = err.path().to_string();
        (path, err.into_inner())
    })
}

#[cfg(target_arch = "wasm32")]
fn deserialize_tracked<T: DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    serde_json::from_str(text).map_err(|err| (String::new(), err))
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
            _ => {
                let (line, column) = position(text, offset_in(text, e.line(), e.column()));
                FatalError::Syntax {
                    line,
                    column,
                    message: describe_serde_error(&e),
                }
            }
        })?;
    let mut report = Report::new(text);

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
    let Some(site) = report.entry::<Site>(site_raw, "site") else {
        // The problem found in `site` would be lost with the catalog: carry it in the message.
        let message = match report.problems.last() {
            Some((offset, p)) => {
                let (line, column) = position(text, *offset);
                format!(
                    "the `site` object is not valid: {}: {} (line {line}, column {column})",
                    p.path, p.message
                )
            }
            None => "the `site` object is not valid".to_owned(),
        };
        return Err(FatalError::Shape { message });
    };
    let mut site = site;
    check_site_links(&mut report, site_raw.get(), &mut site);

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

    let refs = RefSets {
        cities: cities.iter().map(|(_, c)| c.id.clone()).collect(),
        organisations: organisations.iter().map(|(_, o)| o.id.clone()).collect(),
        people: people.iter().map(|(_, p)| p.id.clone()).collect(),
        topics: topics.iter().map(|(_, t)| t.id.clone()).collect(),
        site_origin: origin_of(&site.canonical_url),
    };
    if let Some(home) = &site.home_city {
        if !refs.cities.contains(home) {
            let message = format!("unknown city `{home}`; the reference was dropped");
            let path = "site.home_city".to_owned();
            report.push_in(
                Severity::Error,
                site_raw.get(),
                "home_city",
                path,
                None,
                message,
                false,
            );
            site.home_city = None;
        }
    }
    // Paths name the entry's place in the file (`i`), not its place among the kept ones.
    for (i, city) in &mut cities {
        if let Some(partner) = &city.partner {
            if !refs.organisations.contains(partner) {
                let path = format!("cities[{i}].partner");
                let raw = raw_cities[*i].get();
                let message =
                    format!("unknown organisation `{partner}`; the reference was dropped");
                report.push_in(Severity::Error, raw, "partner", path, None, message, false);
                city.partner = None;
            }
        }
    }
    for (i, org) in &mut organisations {
        let raw = raw_orgs[*i].get();
        if let Some(city) = &org.city {
            if !refs.cities.contains(city) {
                let path = format!("organisations[{i}].city");
                let message = format!("unknown city `{city}`; the reference was dropped");
                report.push_in(Severity::Error, raw, "city", path, None, message, false);
                org.city = None;
            }
        }
        if let Some(website) = &org.website {
            if !is_web_address(website) {
                let path = format!("organisations[{i}].website");
                let message =
                    format!("website `{website}` must be an http(s) address; it was dropped");
                report.push_in(Severity::Error, raw, "website", path, None, message, false);
                org.website = None;
            }
        }
    }
    for (i, person) in &people {
        if !refs.organisations.contains(&person.organisation) {
            let path = format!("people[{i}].organisation");
            let raw = raw_people[*i].get();
            let message = format!("unknown organisation `{}`", person.organisation);
            report.push_in(
                Severity::Error,
                raw,
                "organisation",
                path,
                None,
                message,
                false,
            );
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
            slug: event.slug.clone(),
            fatal: false,
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

/// Parses a reference list entry by entry, checking ids. Each kept item comes with its index
/// in the file.
fn parse_list<T: DeserializeOwned>(
    report: &mut Report<'_>,
    raws: &[&RawValue],
    section: &str,
    id: impl Fn(&T) -> &str,
) -> Vec<(usize, T)> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        let path = format!("{section}[{i}]");
        let Some(item) = report.entry::<T>(raw, &path) else {
            continue;
        };
        let item_id = id(&item).to_owned();
        if !is_slug(&item_id) {
            report.push_in(
                Severity::Error,
                raw.get(),
                "id",
                format!("{path}.id"),
                None,
                format!("id `{item_id}` must be lowercase letters, digits and hyphens"),
                true,
            );
        } else if !seen.insert(item_id.clone()) {
            report.push_in(
                Severity::Error,
                raw.get(),
                "id",
                format!("{path}.id"),
                None,
                format!("id `{item_id}` is used by an earlier entry"),
                true,
            );
        } else {
            out.push((i, item));
        }
    }
    out
}

struct RefSets {
    cities: HashSet<String>,
    organisations: HashSet<String>,
    people: HashSet<String>,
    topics: HashSet<String>,
    /// Where the site is served from (`https://host`), from `site.canonical_url`.
    site_origin: Option<String>,
}

/// `scheme://host[:port]` of an absolute http(s) address, lowercase; None for anything else.
fn origin_of(url: &str) -> Option<String> {
    let url = url.trim();
    let colon = url.find("://")?;
    let scheme = url[..colon].to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let rest = &url[colon + 3..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    (!host.is_empty()).then(|| format!("{scheme}://{}", host.to_ascii_lowercase()))
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

/// The site's own links end up in every page's header, footer and trail: an unsafe one is
/// dropped (emptied) and reported, like any other link from the file.
fn check_site_links(report: &mut Report<'_>, raw: &str, site: &mut Site) {
    let mut drop_if = |ok: bool, path: &str, value: &str| {
        if !ok {
            report.push_in(
                Severity::Error,
                raw,
                path,
                format!("site.{path}"),
                None,
                format!("link `{value}` is not allowed: use an http(s) address; it was dropped"),
                false,
            );
        }
        ok
    };
    for (path, url) in [
        ("url", &mut site.url),
        ("canonical_url", &mut site.canonical_url),
        ("project.website", &mut site.project.website),
    ] {
        if !drop_if(is_web_address(url), path, url) {
            url.clear();
        }
    }
    for (i, crumb) in site.breadcrumbs.iter_mut().enumerate() {
        if let Some(url) = &crumb.url {
            if !drop_if(is_safe_url(url), &format!("breadcrumbs[{i}].url"), url) {
                crumb.url = None;
            }
        }
    }
    if let Some(url) = &site.contact.url {
        if !drop_if(is_safe_url(url), "contact.url", url) {
            site.contact.url = None;
        }
    }
    if let Some(logo) = &site.project.logo {
        if !drop_if(is_image_src(logo), "project.logo", logo) {
            site.project.logo = None;
        }
    }
}

/// Where an image may come from: a site path or an https address (an http one would be
/// blocked as mixed content on an https site).
fn is_image_src(src: &str) -> bool {
    is_safe_url(src) && !src.trim_start().to_ascii_lowercase().starts_with("http://")
}

/// Links an editor may use: http(s) addresses and paths inside the site.
pub fn is_safe_url(url: &str) -> bool {
    let url = url.trim();
    // Browsers read `\\` as `/`, so `/\\host` would leave the site like `//host`.
    if url.is_empty()
        || url.starts_with("//")
        || url.contains('\\')
        || url.chars().any(char::is_control)
    {
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

/// An absolute http(s) address, for sources and websites (site paths are not enough there).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && is_safe_url(url)
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
        } else if sub.starts_with('[') {
            format!("{}{sub}", self.path)
        } else {
            format!("{}.{sub}", self.path)
        };
        self.report.push_in(
            severity,
            self.at,
            &sub,
            path,
            Some(&self.slug),
            message,
            drop,
        );
    }

    /// An error that leaves the event out. Only the first one carries `entry_dropped`, so
    /// counting the flags counts left-out entries.
    fn error(&mut self, sub: String, message: String) {
        let first = !self.fatal;
        self.fatal = true;
        self.push(Severity::Error, sub, message, first);
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
        let body_fits = self.optional_text(event.body.as_ref(), "body");
        self.optional_text(event.opened_by.as_ref(), "opened_by");
        if event.sources.is_empty() {
            self.error(
                "sources".into(),
                "every event must cite at least one source".into(),
            );
        }
        for (i, source) in event.sources.iter().enumerate() {
            self.source(source, i);
        }
        for (i, image) in event.images.iter().enumerate() {
            self.image(image, i, refs.site_origin.as_deref());
        }
        // A body refused for its size is not read any further.
        if let Some(body) = event.body.as_ref().filter(|_| body_fits) {
            for (lang, text) in [("bg", &body.bg), ("en", &body.en)] {
                let Some(text) = text else { continue };
                let targets = super::markup::link_targets(text);
                let mut bad = targets.iter().filter(|url| !is_safe_url(url));
                if let Some(first) = bad.next() {
                    // One problem per text: the first bad link, and how many more there are.
                    let more = match bad.count() {
                        0 => String::new(),
                        n => format!(" ({n} more links in this text are not allowed either)"),
                    };
                    self.error(
                        format!("body.{lang}"),
                        format!(
                            "link `{first}` is not allowed: use http(s) addresses or site paths{more}"
                        ),
                    );
                }
            }
        }
        self.references(event, refs);
    }

    /// Whether the text is within the size limit (an error otherwise).
    fn text_size(&mut self, text: &Text, field: &str) -> bool {
        // A text of at most MAX_TEXT_CHARS bytes cannot have more characters: count only
        // the longer ones.
        let fits = !text
            .all()
            .any(|t| t.len() > MAX_TEXT_CHARS && t.chars().count() > MAX_TEXT_CHARS);
        if !fits {
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
        fits
    }

    fn required_text(&mut self, text: &Text, field: &str) {
        if text.is_empty() {
            self.error(field.into(), "must not be empty in both languages".into());
            return;
        }
        self.translations(text, field);
        self.text_size(text, field);
    }

    /// Whether the text (if any) is within the size limit.
    fn optional_text(&mut self, text: Option<&Text>, field: &str) -> bool {
        let Some(text) = text else { return true };
        if !text.is_empty() {
            self.translations(text, field);
        }
        self.text_size(text, field)
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
        if !is_web_address(url) {
            self.error(
                format!("sources[{i}].url"),
                format!("source `{url}` must be an http(s) address"),
            );
        }
    }

    fn image(&mut self, image: &Image, i: usize, site_origin: Option<&str>) {
        if !is_image_src(&image.src) {
            self.error(
                format!("images[{i}].src"),
                format!(
                    "image `{}` must be a site path or an https address",
                    image.src
                ),
            );
        } else if let Some(origin) =
            origin_of(&image.src).filter(|o| Some(o.as_str()) != site_origin)
        {
            // The production build's Content-Security-Policy (scripts/post-build.mjs) has
            // img-src 'self' data:, so the browser would refuse to load it.
            self.push(
                Severity::Warning,
                format!("images[{i}].src"),
                format!(
                    "image `{}` is on another host ({origin}): the site's Content-Security-Policy \
                     (img-src 'self') blocks it; ship the file with the site (a path such as \
                     images/photo.jpg) or widen img-src (docs/deployment.md)",
                    image.src
                ),
                false,
            );
        }
        if image.alt.is_empty() {
            self.error(
                format!("images[{i}].alt"),
                "every image needs alternative text".into(),
            );
        }
        if image.width == 0 || image.height == 0 || image.width > 20_000 || image.height > 20_000 {
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
        // One problem per list, however many unknown ids it holds: the first few by name.
        let mut named: Vec<(usize, String)> = Vec::new();
        let mut unknown = 0;
        let mut i = 0;
        ids.retain(|id| {
            let ok = known.contains(id);
            if !ok {
                unknown += 1;
                if named.len() < NAMED_IDS {
                    named.push((i, id.clone()));
                }
            }
            i += 1;
            ok
        });
        let Some((first, first_id)) = named.first() else {
            return;
        };
        let sub = format!("{field}[{first}]");
        if unknown == 1 {
            self.dropped_ref(sub, kind, first_id);
            return;
        }
        let names: Vec<String> = named.iter().map(|(_, id)| format!("`{id}`")).collect();
        let rest = match unknown - named.len() {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        self.push(
            Severity::Error,
            sub,
            format!(
                "{unknown} unknown {kind} ids: {}{rest}; the references were dropped",
                names.join(", ")
            ),
            false,
        );
    }
}

fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}
