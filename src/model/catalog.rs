//! The loaded news: reference lists with lookups, events sorted by date, and the problems met.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::problem::{Problem, ProblemCounts};
use super::relations::RelationIndex;
use super::types::{
    is_blank, City, Event, Lang, NewsFile, Organisation, Person, Site, Text, Topic,
};

/// Everything a view needs, built once per load.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub site: Site,
    pub cities: Vec<City>,
    pub organisations: Vec<Organisation>,
    pub people: Vec<Person>,
    pub topics: Vec<Topic>,
    /// Sorted oldest first by start, then end, then slug.
    pub events: Vec<Event>,
    pub problems: Vec<Problem>,
    /// Problems beyond the listed ones, only counted.
    pub problems_not_listed: ProblemCounts,
    city_index: HashMap<String, usize>,
    organisation_index: HashMap<String, usize>,
    person_index: HashMap<String, usize>,
    topic_index: HashMap<String, usize>,
    slug_index: HashMap<String, usize>,
    /// How many cities have each name (Bulgarian, English): Dimitrovgrad is in Bulgaria and
    /// in Serbia. (A map of the type of the indexes above: another type of map or set would
    /// add its own code to the wasm.)
    name_counts: [HashMap<String, usize>; 2],
    relations: LazyRelations,
}

/// The relation index, made on first use (only event pages need it). Not part of what a
/// catalog is: two catalogs of the same news are equal whether or not one has made it.
#[derive(Debug, Clone, Default)]
struct LazyRelations(OnceLock<RelationIndex>);

impl PartialEq for LazyRelations {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

fn index_by<T>(items: &[T], id: impl Fn(&T) -> &str) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| (id(item).to_owned(), i))
        .collect()
}

/// An optional text or name that shows nothing (`""`, spaces, a zero-width mark) is taken as
/// not given: drawn, it would leave an empty line, "()" after a name or a lone "©".
fn blank_as_absent(site: &mut Site, organisations: &mut [Organisation], events: &mut [Event]) {
    fn text(value: &mut Option<Text>) {
        if value.as_ref().is_some_and(Text::shows_nothing) {
            *value = None;
        }
    }
    fn string(value: &mut Option<String>) {
        if value.as_deref().is_some_and(is_blank) {
            *value = None;
        }
    }
    text(&mut site.project.description);
    text(&mut site.project.funding);
    for org in organisations {
        string(&mut org.short_name);
    }
    for event in events {
        text(&mut event.body);
        text(&mut event.opened_by);
        if let Some(location) = &mut event.location {
            text(&mut location.venue);
            text(&mut location.address);
        }
        for session in event.agenda.iter_mut().flat_map(|d| d.sessions.iter_mut()) {
            text(&mut session.description);
        }
        for visit in &mut event.site_visits {
            text(&mut visit.description);
        }
        for image in &mut event.images {
            text(&mut image.caption);
            string(&mut image.credit);
        }
    }
}

impl Catalog {
    pub fn new(
        mut site: Site,
        cities: Vec<City>,
        mut organisations: Vec<Organisation>,
        people: Vec<Person>,
        topics: Vec<Topic>,
        mut events: Vec<Event>,
        problems: Vec<Problem>,
    ) -> Self {
        blank_as_absent(&mut site, &mut organisations, &mut events);
        events.sort_by(|a, b| (a.start, a.last(), &a.slug).cmp(&(b.start, b.last(), &b.slug)));
        Self {
            city_index: index_by(&cities, |c| &c.id),
            organisation_index: index_by(&organisations, |o| &o.id),
            person_index: index_by(&people, |p| &p.id),
            topic_index: index_by(&topics, |t| &t.id),
            slug_index: index_by(&events, |e| &e.slug),
            name_counts: Lang::ALL.map(|lang| {
                let mut counts = HashMap::new();
                for city in &cities {
                    *counts.entry(city.name.get(lang).to_owned()).or_insert(0) += 1;
                }
                counts
            }),
            site,
            cities,
            organisations,
            people,
            topics,
            events,
            problems,
            problems_not_listed: ProblemCounts::default(),
            relations: LazyRelations::default(),
        }
    }

    pub fn city(&self, id: &str) -> Option<&City> {
        self.city_index.get(id).map(|&i| &self.cities[i])
    }

    /// Whether another city of the file has `city`'s name in `lang`: then its country tells
    /// them apart.
    pub fn name_is_shared(&self, city: &City, lang: Lang) -> bool {
        self.name_counts[lang as usize]
            .get(city.name.get(lang))
            .is_some_and(|&n| n > 1)
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisation_index
            .get(id)
            .map(|&i| &self.organisations[i])
    }

    pub fn person(&self, id: &str) -> Option<&Person> {
        self.person_index.get(id).map(|&i| &self.people[i])
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topic_index.get(id).map(|&i| &self.topics[i])
    }

    /// Position of an event in [`Catalog::events`].
    pub fn event_index(&self, slug: &str) -> Option<usize> {
        self.slug_index.get(slug).copied()
    }

    pub fn event(&self, slug: &str) -> Option<&Event> {
        self.event_index(slug).map(|i| &self.events[i])
    }

    pub(super) fn relation_index(&self) -> &RelationIndex {
        self.relations
            .0
            .get_or_init(|| RelationIndex::new(&self.events))
    }

    /// How many entries of the file could not be shown.
    pub fn dropped_entries(&self) -> usize {
        self.problems.iter().filter(|p| p.entry_dropped).count()
            + self.problems_not_listed.entries_dropped
    }

    /// The short name of an organisation where it has one, else its name.
    pub fn organisation_label(&self, id: &str, lang: Lang) -> String {
        match self.organisation(id) {
            Some(org) => org
                .short_name
                .clone()
                .unwrap_or_else(|| org.name.get(lang).to_owned()),
            None => id.to_owned(),
        }
    }

    pub fn city_name(&self, id: &str, lang: Lang) -> String {
        self.city(id)
            .map(|c| c.name.get(lang).to_owned())
            .unwrap_or_else(|| id.to_owned())
    }
}

/// The loaded news written back as a file of the current version (what was left out stays
/// out), for tools that make files: `newsctl synth`, benchmarks.
impl From<Catalog> for NewsFile {
    fn from(catalog: Catalog) -> Self {
        NewsFile {
            schema: Some("news.schema.json".into()),
            version: 1,
            site: catalog.site,
            cities: catalog.cities,
            organisations: catalog.organisations,
            people: catalog.people,
            topics: catalog.topics,
            events: catalog.events,
        }
    }
}
