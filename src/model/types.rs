//! The news file's types, as editors write them (version 1).
//!
//! Field names are the JSON names; `docs/data-format.md` explains each one and the JSON Schema
//! is generated from these types (`newsctl schema`).

use serde::{Deserialize, Serialize};

use super::date::PartialDate;

/// Derives the JSON Schema on native builds only: the browser never needs it.
macro_rules! model_type {
    ($(#[$meta:meta])* $vis:vis struct $($rest:tt)*) => {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        $(#[$meta])* $vis struct $($rest)*
    };
}

/// A language of the site. Bulgarian is the site's own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Bg,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Bg, Lang::En];

    /// BCP 47 tag, for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bg => "bg",
            Lang::En => "en",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Bg => Lang::En,
            Lang::En => Lang::Bg,
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "bg" => Some(Lang::Bg),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

model_type! {
    /// Text in the site's languages. At least one must be given; a missing one falls back
    /// to the other, visibly.
    #[derive(Default, Eq)]
    pub struct Text {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub bg: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub en: Option<String>,
    }
}

/// Whether `text` shows nothing: spaces, and the marks that take no room (a zero-width space,
/// a soft hyphen, a direction mark), are all it holds.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{ad}' | '\u{34f}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
                | '\u{feff}')
    })
}

/// Text resolved for one language: what to show and the language it is really in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

impl Resolved<'_> {
    /// True when the text is shown in another language than the one asked for.
    pub fn is_fallback(&self, wanted: Lang) -> bool {
        self.lang != wanted
    }
}

impl Text {
    pub fn new(bg: &str, en: &str) -> Self {
        Self {
            bg: Some(bg.to_owned()),
            en: Some(en.to_owned()),
        }
    }

    fn exact(&self, lang: Lang) -> Option<&str> {
        let value = match lang {
            Lang::Bg => self.bg.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        value.filter(|t| !t.trim().is_empty())
    }

    /// Whether no language's text shows anything (see [`is_blank`]): for the checks, which
    /// refuse a required text of zero-width marks that the pages would take for a text.
    pub fn shows_nothing(&self) -> bool {
        self.all().all(is_blank)
    }

    /// The text in `lang`, or in the other language when `lang` is missing.
    pub fn resolve(&self, lang: Lang) -> Resolved<'_> {
        if let Some(text) = self.exact(lang) {
            return Resolved { text, lang };
        }
        match self.exact(lang.other()) {
            Some(text) => Resolved {
                text,
                lang: lang.other(),
            },
            None => Resolved { text: "", lang },
        }
    }

    /// Shorthand for the resolved string.
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).text
    }

    pub fn is_empty(&self) -> bool {
        self.exact(Lang::Bg).is_none() && self.exact(Lang::En).is_none()
    }

    /// Every language's text, for search keys.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [self.bg.as_deref(), self.en.as_deref()]
            .into_iter()
            .flatten()
    }
}

model_type! {
    /// Where a person finds the source of an item.
    pub struct Link {
        pub label: Text,
        /// Absent for a trail step that has no page of its own.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub url: Option<String>,
    }
}

model_type! {
    /// The project the news belongs to.
    pub struct Project {
        pub name: Text,
        pub acronym: String,
        pub programme: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub grant_agreement: Option<String>,
        pub start: PartialDate,
        pub end: PartialDate,
        pub website: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
        /// The project's logo for the header: a site path (`images/…`) or an https address;
        /// without it the header shows the acronym alone.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub logo: Option<String>,
        /// The funding statement exactly as the grant requires it; without it the footer
        /// composes one from the programme and the grant agreement.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub funding: Option<Text>,
    }
}

impl Project {
    /// The acronym and, when the name says more than it, the name: "CD-ETA – Collaborative
    /// Digitization…", but "Sharing Cities" alone when that is both.
    pub fn acronym_and_name(&self, lang: Lang) -> String {
        let acronym = self.acronym.trim();
        match self.name_beside_acronym(lang) {
            Some(name) => format!("{acronym} – {name}"),
            None => acronym.to_owned(),
        }
    }

    /// The name, unless it is empty or only the acronym again.
    pub fn name_beside_acronym(&self, lang: Lang) -> Option<&str> {
        let name = self.name.get(lang).trim();
        (!name.is_empty() && name.to_lowercase() != self.acronym.trim().to_lowercase())
            .then_some(name)
    }
}

model_type! {
    /// The publishing site and its place in the municipality's site.
    pub struct Site {
        /// The publisher (the municipality).
        pub publisher: Text,
        /// The publisher's home page.
        pub url: String,
        /// The address the app is served from, for feeds, sitemaps and shared links.
        pub canonical_url: String,
        pub project: Project,
        /// The trail from the municipality's home page down to the project section, the
        /// project's own step last (the app links it to the timeline).
        pub breadcrumbs: Vec<Link>,
        /// The languages the site is published in: `["bg", "en"]`, `["bg"]` for a site in
        /// Bulgarian alone or `["en"]` for one in English alone. Bulgarian, when listed, is at
        /// the site's root and English under `/en`; a site in English alone has it at the root.
        pub languages: Vec<Lang>,
        /// Where visitors send feedback (accessibility statement, corrections).
        pub contact: Link,
        /// The publisher's own city (a city id): marked on every map, and its country says
        /// whose law the accessibility statement names. Without it, the city of the
        /// organisation that bears the publisher's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub home_city: Option<String>,
        /// When the accessibility statement was last reviewed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub statement_date: Option<PartialDate>,
        /// An e-mail address for feedback, which the accessibility statement gives beside
        /// `contact` (the EU's model statement asks for one).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub contact_email: Option<String>,
        /// A telephone number for feedback, as dialled from abroad (`+359 301 67 111`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub contact_phone: Option<String>,
        /// The body that enforces the accessibility of public-sector sites in the publisher's
        /// country, named and linked by the accessibility statement.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub enforcement: Option<Link>,
    }
}

impl Site {
    /// Whether the site is published in `lang`: when `languages` lists it, and in both when
    /// it lists none (the validator warns).
    pub fn publishes(&self, lang: Lang) -> bool {
        self.languages.contains(&lang) || self.languages.is_empty()
    }

    /// The language of the site's root (`/`): Bulgarian when the site is published in it,
    /// English for a site in English alone; the other language, if any, is under `/en`.
    pub fn root_lang(&self) -> Lang {
        if self.publishes(Lang::Bg) {
            Lang::Bg
        } else {
            Lang::En
        }
    }

    /// The languages the site is published in, Bulgarian first.
    pub fn published_languages(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL.into_iter().filter(|&lang| self.publishes(lang))
    }
}

/// A city's role in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CityRole {
    Lighthouse,
    Follower,
    /// A partner city of a project that does not rank its cities (Interreg, for example).
    Partner,
    /// A city that appears in the news without being a project city.
    Other,
}

model_type! {
    pub struct City {
        pub id: String,
        pub name: Text,
        /// ISO 3166-1 alpha-2 code.
        pub country: String,
        pub role: CityRole,
        /// Degrees north, -90 to 90.
        #[serde(deserialize_with = "latitude")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -90, max = 90)))]
        pub lat: f64,
        /// Degrees east, -180 to 180.
        #[serde(deserialize_with = "longitude")]
        #[cfg_attr(not(target_arch = "wasm32"), schemars(range(min = -180, max = 180)))]
        pub lon: f64,
        /// The organisation that represents the city in the project.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub partner: Option<String>,
    }
}

/// A coordinate within `limit` degrees of zero: a place on the map, which an entry cannot be
/// without one. (The message names no number: formatting a float would add its code to the
/// visitors' wasm.)
fn degrees<'de, D: serde::Deserializer<'de>>(
    d: D,
    limit: f64,
    message: &str,
) -> Result<f64, D::Error> {
    let value = f64::deserialize(d)?;
    if (-limit..=limit).contains(&value) {
        Ok(value)
    } else {
        Err(serde::de::Error::custom(message))
    }
}

fn latitude<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    degrees(d, 90.0, "latitude must be between -90 and 90")
}

fn longitude<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    degrees(d, 180.0, "longitude must be between -180 and 180")
}

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Municipality,
    University,
    Research,
    Company,
    Agency,
    Association,
    Other,
}

/// An organisation's role in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationRole {
    Coordinator,
    Partner,
    External,
}

model_type! {
    pub struct Organisation {
        pub id: String,
        pub name: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub short_name: Option<String>,
        pub kind: OrganisationKind,
        pub role: OrganisationRole,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub city: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub country: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub website: Option<String>,
    }
}

model_type! {
    /// Somebody who represents an organisation at events.
    pub struct Person {
        pub id: String,
        pub name: Text,
        pub role: Text,
        pub organisation: String,
    }
}

model_type! {
    pub struct Topic {
        pub id: String,
        pub label: Text,
    }
}

/// The closed list of event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    ConsortiumMeeting,
    Workshop,
    LearningSession,
    SiteVisit,
    Webinar,
    LocalEvent,
    Exhibition,
    Hackathon,
    PublicConsultation,
    Publication,
    Milestone,
}

impl EventType {
    pub const ALL: [EventType; 11] = [
        EventType::ConsortiumMeeting,
        EventType::Workshop,
        EventType::LearningSession,
        EventType::SiteVisit,
        EventType::Webinar,
        EventType::LocalEvent,
        EventType::Exhibition,
        EventType::Hackathon,
        EventType::PublicConsultation,
        EventType::Publication,
        EventType::Milestone,
    ];

    /// The name used in the JSON and in URLs.
    pub fn key(self) -> &'static str {
        match self {
            EventType::ConsortiumMeeting => "consortium_meeting",
            EventType::Workshop => "workshop",
            EventType::LearningSession => "learning_session",
            EventType::SiteVisit => "site_visit",
            EventType::Webinar => "webinar",
            EventType::LocalEvent => "local_event",
            EventType::Exhibition => "exhibition",
            EventType::Hackathon => "hackathon",
            EventType::PublicConsultation => "public_consultation",
            EventType::Publication => "publication",
            EventType::Milestone => "milestone",
        }
    }

    pub fn from_key(key: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.key() == key)
    }
}

model_type! {
    pub struct Location {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub city: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub venue: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address: Option<Text>,
        #[serde(default, skip_serializing_if = "is_false")]
        pub online: bool,
    }
}

model_type! {
    #[derive(Default)]
    pub struct Host {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub city: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub organisation: Option<String>,
    }
}

/// A default written out is a default: the file's stable form leaves it away (`newsctl fmt`).
fn is_false(value: &bool) -> bool {
    !*value
}

impl Participants {
    /// Whether nobody is named: the file's stable form leaves the section away.
    pub fn is_empty(&self) -> bool {
        self.cities.is_empty() && self.organisations.is_empty() && self.lead_partner.is_none()
    }
}

model_type! {
    #[derive(Default)]
    pub struct Participants {
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub cities: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub organisations: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub lead_partner: Option<String>,
    }
}

model_type! {
    /// Who presented a session: a city, an organisation, or both.
    #[derive(Default)]
    pub struct Presenter {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub city: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub organisation: Option<String>,
    }
}

model_type! {
    pub struct Session {
        /// Local time `HH:MM`, when the source gives one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub time: Option<String>,
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub presenter: Option<Presenter>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
    }
}

model_type! {
    pub struct AgendaDay {
        pub date: PartialDate,
        pub sessions: Vec<Session>,
    }
}

model_type! {
    pub struct SiteVisit {
        pub title: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub description: Option<Text>,
    }
}

model_type! {
    pub struct Image {
        /// A path inside the site (`images/…`) or an https URL.
        pub src: String,
        pub alt: Text,
        pub width: u32,
        pub height: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub caption: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub credit: Option<String>,
    }
}

impl Image {
    /// Whether its width and height are given, each 1 to 20,000 pixels: the page reserves its
    /// box from them (the validator's rule, and the browser's loader's for an unchecked file).
    pub fn has_size(&self) -> bool {
        (1..=20_000).contains(&self.width) && (1..=20_000).contains(&self.height)
    }
}

model_type! {
    pub struct Source {
        pub url: String,
        pub title: Text,
        pub publisher: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub date: Option<PartialDate>,
    }
}

model_type! {
    /// One item of the timeline.
    pub struct Event {
        /// Unique, URL-safe: lowercase letters, digits and hyphens.
        pub slug: String,
        #[serde(rename = "type")]
        pub kind: EventType,
        pub start: PartialDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub end: Option<PartialDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub published: Option<PartialDate>,
        pub title: Text,
        pub summary: Text,
        /// Paragraphs separated by blank lines; `**bold**`, `*italic*` and `[text](url)` only.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub body: Option<Text>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub location: Option<Location>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub host: Option<Host>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub opened_by: Option<Text>,
        #[serde(default, skip_serializing_if = "Participants::is_empty")]
        pub participants: Participants,
        /// People who represented the municipality.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub delegates: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub agenda: Vec<AgendaDay>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub site_visits: Vec<SiteVisit>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub topics: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub images: Vec<Image>,
        pub sources: Vec<Source>,
        /// For editors only, never shown to visitors: what a source does or does not say, why
        /// a date has the precision it has. `newsctl check --notes` lists the notes. The file
        /// itself is public, so a note must hold nothing confidential.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub note: Option<String>,
    }
}

impl Event {
    /// The last date of the event (its start when it has no end).
    pub fn last(&self) -> PartialDate {
        self.end.unwrap_or(self.start)
    }

    /// Whether a text that tells the event (title, summary, story, who opened it) is shown in
    /// the other language on a page in `lang`: the validator's "no … text" warning.
    pub fn told_in_other_language(&self, lang: Lang) -> bool {
        [Some(&self.title), Some(&self.summary)]
            .into_iter()
            .chain([self.body.as_ref(), self.opened_by.as_ref()])
            .flatten()
            .any(|text| text.resolve(lang).is_fallback(lang))
    }

    /// Cities that took part, the host and location included, without repeats.
    pub fn all_city_ids(&self) -> Vec<&str> {
        let loc = self.location.as_ref().and_then(|l| l.city.as_deref());
        let host = self.host.as_ref().and_then(|h| h.city.as_deref());
        distinct(
            loc.into_iter()
                .chain(host)
                .chain(self.participants.cities.iter().map(String::as_str)),
        )
    }

    /// Organisations that took part, the host and lead partner included, without repeats.
    pub fn all_organisation_ids(&self) -> Vec<&str> {
        let host = self.host.as_ref().and_then(|h| h.organisation.as_deref());
        distinct(
            self.participants
                .lead_partner
                .as_deref()
                .into_iter()
                .chain(host)
                .chain(self.participants.organisations.iter().map(String::as_str)),
        )
    }
}

/// Takes the ids listed a second time out of `ids`, each keeping its first place; returns
/// the first one taken out, with its place in the list as it was, and how many were.
pub fn drop_repeats(ids: &mut Vec<String>) -> Option<(usize, String, usize)> {
    // The map type `distinct` has: another would add its own code to the wasm.
    let mut seen: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    let repeats: Vec<usize> = (0..ids.len())
        .filter(|&i| seen.insert(ids[i].as_str(), 0).is_some())
        .collect();
    drop(seen);
    let &first = repeats.first()?;
    let found = (first, ids[first].clone(), repeats.len());
    let mut i = 0;
    ids.retain(|_| {
        i += 1;
        repeats.binary_search(&(i - 1)).is_err()
    });
    Some(found)
}

/// The ids in their first order, each once. A list is searched while it is short, as an
/// event's is; a long one (a hostile file's thousands) is checked against a set, so the cost
/// stays that of its length.
fn distinct<'a>(ids: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    const SHORT: usize = 32;
    let mut out: Vec<&str> = Vec::new();
    // A map rather than a set: the app has maps of this type already, and another type
    // would add its own copy of the code to the wasm.
    let mut seen: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
    for id in ids {
        if out.len() < SHORT {
            if !out.contains(&id) {
                out.push(id);
            }
        } else {
            if seen.is_empty() {
                seen.extend(out.iter().map(|&id| (id, 0)));
            }
            if seen.insert(id, 0).is_none() {
                out.push(id);
            }
        }
    }
    out
}

model_type! {
    /// The whole news file, as parsed strictly (the tolerant loader is `model::parse_news`).
    pub struct NewsFile {
        /// Where editors' tools find the JSON Schema.
        #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
        pub schema: Option<String>,
        /// Format version; this app reads version 1.
        pub version: u32,
        pub site: Site,
        /// May be left out by a project whose events name no city.
        #[serde(default)]
        pub cities: Vec<City>,
        /// May be left out by a project whose events name no organisation.
        #[serde(default)]
        pub organisations: Vec<Organisation>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub people: Vec<Person>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub topics: Vec<Topic>,
        pub events: Vec<Event>,
    }
}

#[cfg(test)]
mod tests {
    use super::distinct;

    #[test]
    fn repeats_are_taken_out_and_the_first_is_told() {
        let mut ids: Vec<String> = ["a", "b", "a", "c", "b", "a"].map(String::from).to_vec();
        assert_eq!(super::drop_repeats(&mut ids), Some((2, "a".to_owned(), 3)));
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(super::drop_repeats(&mut ids), None);
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn ids_are_kept_once_in_their_first_order_however_long_the_list() {
        assert_eq!(
            distinct(["b", "a", "b", "c", "a"].into_iter()),
            ["b", "a", "c"]
        );
        // Past the short list's length the set takes over: the same answer.
        let ids: Vec<String> = (0..100).map(|i| format!("c{}", i % 70)).collect();
        let got = distinct(ids.iter().map(String::as_str));
        let want: Vec<String> = (0..70).map(|i| format!("c{i}")).collect();
        assert_eq!(got, want);
    }
}
