//! References between entries: an id that names no kept entry is dropped (with an error),
//! so no page links to something that is not there. Problem paths name an entry's place in
//! the file (`i`), not its place among the kept ones.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde_json::value::RawValue;

use super::events::{control_character, is_control, EventCheck};
use super::json_path::walk;
use super::report::Report;
use super::urls::is_web_address;
use crate::model::problem::Severity;
use crate::model::types::{is_blank, City, Event, Organisation, Person, Site, Text};

/// Unknown ids of one list named in its problem; the rest of them are counted.
const NAMED_IDS: usize = 3;

/// The ids of the kept entries of each list, and where the site is served from.
pub(super) struct RefSets {
    pub(super) cities: HashSet<String>,
    pub(super) organisations: HashSet<String>,
    pub(super) people: HashSet<String>,
    pub(super) topics: HashSet<String>,
    /// Where the site is served from (`https://host`), from `site.canonical_url`.
    pub(super) site_origin: Option<String>,
    /// The entries that are in the file but left out for problems of their own (a city added
    /// in the editor with its name only, say), as "kind id": a reference to one of them says
    /// so rather than that the file has no such entry. (Strings, as the sets above: a set of
    /// another type would be another copy of the set's code in the editor's wasm.)
    pub(super) left_out: HashSet<String>,
}

impl RefSets {
    /// The kept ids of `kind` ("city", "organisation", "person" or "topic").
    pub(super) fn of(&self, kind: &str) -> &HashSet<String> {
        match kind {
            "city" => &self.cities,
            "organisation" => &self.organisations,
            "person" => &self.people,
            _ => &self.topics,
        }
    }

    /// What a reference of `kind` to `id`, which names no kept entry, is told.
    fn unknown(&self, kind: &'static str, id: &str) -> String {
        if self.left_out.contains(&format!("{kind} {id}")) {
            format!("{kind} `{id}` is left out for problems of its own; the reference was dropped until they are fixed")
        } else {
            format!("unknown {kind} `{id}`; the reference was dropped")
        }
    }
}

/// The ids of the entries of `raw` that were not kept (`kept` holds those that were), as
/// "kind id". An entry's id is read where it stands, whatever else the entry holds.
pub(super) fn left_out_ids(
    kind: &'static str,
    raw: &[&RawValue],
    kept: &HashSet<String>,
    out: &mut HashSet<String>,
) {
    for entry in raw {
        let entry = entry.get();
        let (at, found) = walk(entry, "id");
        let mut value = serde_json::Deserializer::from_str(&entry[at..]);
        let id = found
            .then(|| String::deserialize(&mut value).ok())
            .flatten();
        if let Some(id) = id.filter(|id| !kept.contains(id)) {
            out.insert(format!("{kind} {id}"));
        }
    }
}

/// `site.home_city` must name a city.
pub(super) fn check_home_city(
    report: &mut Report<'_>,
    site_raw: &RawValue,
    site: &mut Site,
    refs: &RefSets,
) {
    if let Some(home) = &site.home_city {
        if !refs.cities.contains(home) {
            let message = refs.unknown("city", home);
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
}

/// Whether `code` has the shape of an ISO 3166-1 alpha-2 code: two Latin capitals.
fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// A country the site cannot name (written out, or in lowercase) is shown as written: a
/// warning.
fn check_country(report: &mut Report<'_>, raw: &str, path: String, country: &str) {
    if !is_country_code(country) {
        let message = format!(
            "country `{country}` is not a two-letter ISO 3166-1 code such as BG or CZ; it is shown as written"
        );
        report.push_in(
            Severity::Warning,
            raw,
            "country",
            path,
            None,
            message,
            false,
        );
    }
}

/// The texts an entry cannot be shown without (a name, a title): empty in both languages, or
/// a string of nothing but spaces, they would show as nothing at all.
pub(super) fn check_required(
    report: &mut Report<'_>,
    raw: &str,
    entry: &str,
    fields: &[(&str, Required<'_>)],
) {
    for (field, value) in fields {
        let message = match value {
            Required::Text(text) if text.shows_nothing() => "must not be empty in both languages",
            Required::String(text) if is_blank(text) => "must not be empty",
            _ => continue,
        };
        report.push_in(
            Severity::Error,
            raw,
            field,
            format!("{entry}.{field}"),
            None,
            message.to_owned(),
            false,
        );
    }
}

/// An entry's texts: a control character is an error (a page shows it as nothing or as a
/// box); a text given in one of the site's languages only is a warning at the language it
/// lacks (the other one is shown there, marked). `texts` are paths inside the entry, with
/// the text.
pub(super) fn check_translations(
    report: &mut Report<'_>,
    raw: &str,
    entry: &str,
    site: &Site,
    texts: &[(String, &Text)],
) {
    for (field, text) in texts {
        if let Some(c) = text.all().find_map(|t| t.chars().find(|&c| is_control(c))) {
            let message = control_character(c);
            let path = format!("{entry}.{field}");
            report.push_in(Severity::Error, raw, field, path, None, message, false);
        }
    }
    // A text that shows nothing is an error of its own, not a missing translation.
    for (field, text) in texts.iter().filter(|(_, t)| !t.shows_nothing()) {
        for lang in site.published_languages() {
            if text.resolve(lang).is_fallback(lang) {
                let sub = format!("{field}.{}", lang.code());
                report.push_in(
                    Severity::Warning,
                    raw,
                    &sub,
                    format!("{entry}.{sub}"),
                    None,
                    format!("no {} text; the other language is shown", lang.code()),
                    false,
                );
            }
        }
    }
}

/// A string shown as it is (an acronym, a short name) holds no control character either.
pub(super) fn check_plain(
    report: &mut Report<'_>,
    raw: &str,
    entry: &str,
    field: &str,
    value: &str,
) {
    if let Some(c) = value.chars().find(|&c| is_control(c)) {
        let path = format!("{entry}.{field}");
        report.push_in(
            Severity::Error,
            raw,
            field,
            path,
            None,
            control_character(c),
            false,
        );
    }
}

/// The site's texts, by their paths inside `site`.
pub(super) fn site_texts(site: &Site) -> Vec<(String, &Text)> {
    let project = &site.project;
    let mut texts = vec![
        ("publisher".to_owned(), &site.publisher),
        ("project.name".to_owned(), &project.name),
        ("project.programme".to_owned(), &project.programme),
    ];
    texts.extend(
        project
            .description
            .iter()
            .map(|t| ("project.description".to_owned(), t)),
    );
    texts.extend(
        project
            .funding
            .iter()
            .map(|t| ("project.funding".to_owned(), t)),
    );
    texts.extend(
        site.breadcrumbs
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("breadcrumbs[{i}].label"), &b.label)),
    );
    texts.push(("contact.label".to_owned(), &site.contact.label));
    if let Some(enforcement) = &site.enforcement {
        texts.push(("enforcement.label".to_owned(), &enforcement.label));
    }
    texts
}

/// A required field: a text in the site's languages, or a string.
pub(super) enum Required<'a> {
    Text(&'a Text),
    String(&'a str),
}

/// A city's partner must name an organisation; its country is a code.
pub(super) fn check_cities(
    report: &mut Report<'_>,
    cities: &mut [(usize, City)],
    raw_cities: &[&RawValue],
    refs: &RefSets,
) {
    for (i, city) in cities {
        let entry = format!("cities[{i}]");
        check_required(
            report,
            raw_cities[*i].get(),
            &entry,
            &[("name", Required::Text(&city.name))],
        );
        check_country(
            report,
            raw_cities[*i].get(),
            format!("cities[{i}].country"),
            &city.country,
        );
        if let Some(partner) = &city.partner {
            if !refs.organisations.contains(partner) {
                let path = format!("cities[{i}].partner");
                let raw = raw_cities[*i].get();
                let message = refs.unknown("organisation", partner);
                report.push_in(Severity::Error, raw, "partner", path, None, message, false);
                city.partner = None;
            }
        }
    }
}

/// Two cities of one name in one country get one label on the site (the country tells apart
/// only cities of different countries): a warning at the second, naming the first, so that
/// the editor adds what tells them apart (a region, a district) to the name.
pub(super) fn check_shared_names(
    report: &mut Report<'_>,
    cities: &[(usize, City)],
    raw_cities: &[&RawValue],
    site: &Site,
) {
    // Keyed by one string, in the map type the catalog's indexes have: a map of another type
    // would add its own copy of the map's code to the editor's wasm.
    let mut first: HashMap<String, usize> = HashMap::new();
    for (n, (i, city)) in cities.iter().enumerate() {
        // The first language whose name another city has: one warning a city.
        let mut shared = None;
        for lang in site.published_languages() {
            let name = city.name.get(lang);
            if is_blank(name) {
                continue;
            }
            let key = format!("{}\n{}\n{name}", lang.code(), city.country);
            match first.get(&key) {
                Some(&other) => shared = shared.or(Some((name, other))),
                None => {
                    first.insert(key, n);
                }
            }
        }
        if let Some((name, other)) = shared {
            let other = &cities[other].1.id;
            let message = format!(
                "`{name}` in {} is also the name of city `{other}`: visitors would see one label for both; add something that tells them apart, such as the region, to the name",
                city.country
            );
            let path = format!("cities[{i}].name");
            report.push_in(
                Severity::Warning,
                raw_cities[*i].get(),
                "name",
                path,
                None,
                message,
                false,
            );
        }
    }
}

/// An organisation's city must name a city; its website, checked in the same pass so that
/// problems keep their order, must be an http(s) address.
pub(super) fn check_organisations(
    report: &mut Report<'_>,
    organisations: &mut [(usize, Organisation)],
    raw_orgs: &[&RawValue],
    refs: &RefSets,
) {
    for (i, org) in organisations {
        let raw = raw_orgs[*i].get();
        let entry = format!("organisations[{i}]");
        check_required(report, raw, &entry, &[("name", Required::Text(&org.name))]);
        if let Some(country) = &org.country {
            check_country(report, raw, format!("organisations[{i}].country"), country);
        }
        if let Some(city) = &org.city {
            if !refs.cities.contains(city) {
                let path = format!("organisations[{i}].city");
                let message = refs.unknown("city", city);
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
}

/// A person's organisation must name one (the person is kept either way).
pub(super) fn check_people(
    report: &mut Report<'_>,
    people: &[(usize, Person)],
    raw_people: &[&RawValue],
    refs: &RefSets,
) {
    for (i, person) in people {
        let entry = format!("people[{i}]");
        let fields = [
            ("name", Required::Text(&person.name)),
            ("role", Required::Text(&person.role)),
        ];
        check_required(report, raw_people[*i].get(), &entry, &fields);
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
}

/// An event's references.
impl EventCheck<'_, '_> {
    fn dropped_ref(&mut self, sub: String, kind: &'static str, id: &str, refs: &RefSets) {
        self.push(Severity::Error, sub, refs.unknown(kind, id), false);
    }

    pub(super) fn references(&mut self, event: &mut Event, refs: &RefSets) {
        if let Some(loc) = &mut event.location {
            if let Some(city) = &loc.city {
                if !refs.cities.contains(city) {
                    self.dropped_ref("location.city".into(), "city", city, refs);
                    loc.city = None;
                }
            }
        }
        if let Some(host) = &mut event.host {
            if let Some(city) = &host.city {
                if !refs.cities.contains(city) {
                    self.dropped_ref("host.city".into(), "city", city, refs);
                    host.city = None;
                }
            }
            if let Some(org) = &host.organisation {
                if !refs.organisations.contains(org) {
                    self.dropped_ref("host.organisation".into(), "organisation", org, refs);
                    host.organisation = None;
                }
            }
        }
        let p = &mut event.participants;
        self.retain_known(&mut p.cities, refs, "participants.cities", "city");
        self.retain_known(
            &mut p.organisations,
            refs,
            "participants.organisations",
            "organisation",
        );
        if let Some(lead) = &p.lead_partner {
            if !refs.organisations.contains(lead) {
                self.dropped_ref(
                    "participants.lead_partner".into(),
                    "organisation",
                    lead,
                    refs,
                );
                p.lead_partner = None;
            }
        }
        self.retain_known(&mut event.delegates, refs, "delegates", "person");
        self.retain_known(&mut event.topics, refs, "topics", "topic");
        for (d, day) in event.agenda.iter_mut().enumerate() {
            for (s, session) in day.sessions.iter_mut().enumerate() {
                if let Some(presenter) = &mut session.presenter {
                    let base = format!("agenda[{d}].sessions[{s}].presenter");
                    if let Some(city) = &presenter.city {
                        if !refs.cities.contains(city) {
                            self.dropped_ref(format!("{base}.city"), "city", city, refs);
                            presenter.city = None;
                        }
                    }
                    if let Some(org) = &presenter.organisation {
                        if !refs.organisations.contains(org) {
                            self.dropped_ref(
                                format!("{base}.organisation"),
                                "organisation",
                                org,
                                refs,
                            );
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
        refs: &RefSets,
        field: &str,
        kind: &'static str,
    ) {
        // A page would show an entry listed twice twice: once is what was meant.
        if let Some((at, id, repeats)) = crate::model::types::drop_repeats(ids) {
            let message = match repeats {
                1 => format!("{kind} `{id}` is listed twice; it is shown once"),
                n => format!(
                    "{kind} `{id}` and {} more are listed twice; each is shown once",
                    n - 1
                ),
            };
            self.push(Severity::Warning, format!("{field}[{at}]"), message, false);
        }
        let known = refs.of(kind);
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
            self.dropped_ref(sub, kind, first_id, refs);
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
