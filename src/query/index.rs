//! The per-load search index: the distinct folded words of all events with, for each word,
//! the events that have it; and every event's facet values as small integers. A keystroke then
//! scans the (short) word list once and does integer work, never string building per event.
//!
//! The word part costs most of the build and only a text search needs it, so it can be left
//! for later ([`SearchIndex::without_words`]) and made on the first search or when the page is
//! idle ([`SearchIndex::prepare_words`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::model::markup::plain_text;
use crate::model::{Catalog, Event, EventType, Text};
use crate::text::{push_search_key, SearchWord};

/// Built once per load by [`SearchIndex::new`]; event numbers are positions in
/// `catalog.events`.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchIndex {
    events: usize,
    /// The words, made at most once and only from the catalog the facets came from.
    words: OnceLock<WordIndex>,
    /// Facet values that occur on at least one event, as URL values, in facet-list order
    /// (years descending, types in `EventType::ALL` order, the rest by id).
    pub(super) years: Vec<i32>,
    pub(super) types: Vec<EventType>,
    pub(super) cities: Vec<String>,
    pub(super) organisations: Vec<String>,
    pub(super) topics: Vec<String>,
    /// Per event: position of its year in `years` and of its type in `types`.
    pub(super) event_year: Vec<u32>,
    pub(super) event_type: Vec<u32>,
    /// Per event: positions in `cities` / `organisations` / `topics`.
    pub(super) event_cities: Ragged,
    pub(super) event_organisations: Ragged,
    pub(super) event_topics: Ragged,
}

/// The distinct folded words and the events that have each.
#[derive(Debug, Clone, PartialEq, Default)]
struct WordIndex {
    /// Every distinct folded word, each followed by `\n`, so a match never spans two words.
    /// Query words have no spaces, so matching inside words is matching inside the text.
    words: String,
    /// Where each word starts in `words`; one extra entry marks the end.
    word_starts: Vec<usize>,
    /// Per word: the events whose text has it, ascending.
    postings: Ragged,
}

/// Lists of small integers stored flat, one list per item.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Ragged {
    values: Vec<u32>,
    starts: Vec<usize>,
}

impl Ragged {
    fn with_capacity(items: usize, values: usize) -> Self {
        let mut starts = Vec::with_capacity(items + 1);
        starts.push(0);
        Ragged {
            values: Vec::with_capacity(values),
            starts,
        }
    }

    fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.values.extend(list);
        self.starts.push(self.values.len());
    }

    pub(super) fn get(&self, item: usize) -> &[u32] {
        match (self.starts.get(item), self.starts.get(item + 1)) {
            (Some(&start), Some(&end)) => &self.values[start..end],
            _ => &[],
        }
    }
}

/// A set of events as bits, for combining the words of a query.
pub(super) type EventBits = Vec<u64>;

pub(super) fn bits_for(events: usize) -> EventBits {
    vec![0; events.div_ceil(64)]
}

pub(super) fn has_bit(bits: &[u64], event: usize) -> bool {
    bits.get(event / 64)
        .is_some_and(|word| word >> (event % 64) & 1 == 1)
}

/// Distinct values in a fixed order, with their positions.
fn positions<T: Clone + Eq + std::hash::Hash>(values: &[T]) -> HashMap<T, u32> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (v.clone(), i as u32))
        .collect()
}

impl SearchIndex {
    /// The whole index, words included.
    pub fn new(catalog: &Catalog) -> Self {
        let index = Self::without_words(catalog);
        index.prepare_words(catalog);
        index
    }

    /// The facet part only: enough for any filter without text. The words are made by
    /// [`SearchIndex::prepare_words`], or by the first text search, from the same catalog.
    pub fn without_words(catalog: &Catalog) -> Self {
        let events = &catalog.events;

        let mut years: Vec<i32> = events.iter().map(|e| e.start.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        let types: Vec<EventType> = EventType::ALL
            .into_iter()
            .filter(|t| events.iter().any(|e| e.kind == *t))
            .collect();
        // Counted by id, borrowed: an archive repeats a few dozen ids thousands of times, so
        // counting them costs a hash each where sorting them all cost comparisons of strings.
        let mut counts: [HashMap<&str, u32>; 3] = Default::default();
        for event in events {
            let [cities, organisations, topics] = &mut counts;
            for id in event.all_city_ids() {
                *cities.entry(id).or_default() += 1;
            }
            for id in event.all_organisation_ids() {
                *organisations.entry(id).or_default() += 1;
            }
            for id in &event.topics {
                *topics.entry(id.as_str()).or_default() += 1;
            }
        }
        // Each facet lists its values once, most frequent in the whole archive first, then by
        // id: an order that does not change while the visitor filters or types.
        let [cities, organisations, topics] = counts.map(|counts| {
            // A stable sort of this type is in the wasm already; another sort would add its
            // own copy (ids are distinct, so the two orders are the same).
            let mut counted: Vec<(&str, usize)> =
                counts.into_iter().map(|(id, n)| (id, n as usize)).collect();
            counted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            counted.into_iter().map(|(id, _)| id).collect::<Vec<&str>>()
        });

        let year_pos = positions(&years);
        let type_pos = positions(&types);
        let city_pos = positions(&cities);
        let organisation_pos = positions(&organisations);
        let topic_pos = positions(&topics);

        let n = events.len();
        let mut event_year = Vec::with_capacity(n);
        let mut event_type = Vec::with_capacity(n);
        let mut event_cities = Ragged::with_capacity(n, n);
        let mut event_organisations = Ragged::with_capacity(n, n);
        let mut event_topics = Ragged::with_capacity(n, n);
        for event in events {
            // Every value was collected from the events above, so the lookups succeed; a miss
            // would only leave the value out of the facet.
            event_year.push(year_pos.get(&event.start.year).copied().unwrap_or(u32::MAX));
            event_type.push(type_pos.get(&event.kind).copied().unwrap_or(u32::MAX));
            event_cities.push(
                event
                    .all_city_ids()
                    .into_iter()
                    .filter_map(|id| city_pos.get(id).copied()),
            );
            event_organisations.push(
                event
                    .all_organisation_ids()
                    .into_iter()
                    .filter_map(|id| organisation_pos.get(id).copied()),
            );
            event_topics.push(
                event
                    .topics
                    .iter()
                    .filter_map(|id| topic_pos.get(id.as_str()).copied()),
            );
        }
        let owned = |list: Vec<&str>| list.into_iter().map(str::to_owned).collect();
        SearchIndex {
            events: n,
            words: OnceLock::new(),
            years,
            types,
            cities: owned(cities),
            organisations: owned(organisations),
            topics: owned(topics),
            event_year,
            event_type,
            event_cities,
            event_organisations,
            event_topics,
        }
    }

    /// Makes the word part unless it is there already. `catalog` must be the one the index
    /// was made from.
    pub fn prepare_words(&self, catalog: &Catalog) {
        self.words_of(catalog);
    }

    /// Whether text searches are ready without further work.
    pub fn has_words(&self) -> bool {
        self.words.get().is_some()
    }

    fn words_of(&self, catalog: &Catalog) -> &WordIndex {
        self.words.get_or_init(|| WordIndex::new(catalog))
    }

    /// How many events the index covers.
    pub fn len(&self) -> usize {
        self.events
    }

    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    /// How many distinct words the events have (0 before the words are made).
    pub fn word_count(&self) -> usize {
        self.words.get().map_or(0, WordIndex::count)
    }

    /// Each distinct folded word with the events that have it, ascending (for measuring other
    /// shapes of the index, `benches/light_index.rs`); nothing before the words are made.
    pub fn words_and_events(&self) -> impl Iterator<Item = (&str, &[u32])> {
        self.words
            .get()
            .into_iter()
            .flat_map(|w| (0..w.count()).map(move |id| (w.word(id), w.postings.get(id))))
    }

    /// The distinct folded words of an event, space-separated (for inspection and tests; a
    /// search never builds this). Empty for an unknown event or before the words are made.
    pub fn key(&self, event: usize) -> String {
        let mut key = String::new();
        let Some(words) = self.words.get() else {
            return key;
        };
        for id in 0..words.count() {
            if words
                .postings
                .get(id)
                .binary_search(&(event as u32))
                .is_ok()
            {
                if !key.is_empty() {
                    key.push(' ');
                }
                key.push_str(words.word(id));
            }
        }
        key
    }

    /// Sets in `bits` every event that has a word containing one of the spellings of `word`.
    /// Up to `max` words of the archive nearest to `word` (folded) in spelling: at most one
    /// letter off for words of up to five letters, two for longer ones; nearest first, then
    /// the word more events hold. Each comes with an event that holds it. Makes the word part
    /// first if needed.
    pub(super) fn nearest_words(
        &self,
        catalog: &Catalog,
        word: &str,
        max: usize,
    ) -> Vec<(String, usize)> {
        self.words_of(catalog).nearest(word, max)
    }

    /// Makes the word part first if needed, so a search typed early still finds everything.
    pub(super) fn mark_events(&self, catalog: &Catalog, word: &SearchWord, bits: &mut [u64]) {
        self.words_of(catalog).mark_events(word, bits);
    }
}

impl WordIndex {
    fn new(catalog: &Catalog) -> Self {
        let events = &catalog.events;
        let mut index = WordIndex::default();
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut key = String::new();
        for (number, event) in events.iter().enumerate() {
            key.clear();
            search_key(catalog, event, &mut key);
            for word in key.split(' ').filter(|w| !w.is_empty()) {
                let id = match word_ids.get(word) {
                    Some(&id) => id,
                    None => {
                        let id = postings.len() as u32;
                        word_ids.insert(word.to_owned(), id);
                        index.word_starts.push(index.words.len());
                        index.words.push_str(word);
                        index.words.push('\n');
                        postings.push(Vec::new());
                        id
                    }
                };
                let list = &mut postings[id as usize];
                // Events come in order, so a repeat of a word in one event is the last entry.
                if list.last() != Some(&(number as u32)) {
                    list.push(number as u32);
                }
            }
        }
        index.word_starts.push(index.words.len());
        let total = postings.iter().map(Vec::len).sum();
        index.postings = Ragged::with_capacity(postings.len(), total);
        for list in postings {
            index.postings.push(list);
        }
        index
    }

    fn count(&self) -> usize {
        self.word_starts.len().saturating_sub(1)
    }

    fn word(&self, id: usize) -> &str {
        match (self.word_starts.get(id), self.word_starts.get(id + 1)) {
            (Some(&start), Some(&end)) => &self.words[start..end - 1],
            _ => "",
        }
    }

    fn nearest(&self, word: &str, max: usize) -> Vec<(String, usize)> {
        let wanted: Vec<char> = word.chars().collect();
        let limit = if wanted.len() <= 5 { 1 } else { 2 };
        // The best `max` so far, kept in order by insertion (a handful: no sort needed).
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut row = Vec::new();
        for id in 0..self.count() {
            let candidate = self.word(id);
            let length = candidate.chars().count();
            if length.abs_diff(wanted.len()) > limit || candidate == word {
                continue;
            }
            if let Some(distance) = edit_distance(&wanted, candidate, limit, &mut row) {
                let entry = (distance, usize::MAX - self.postings.get(id).len(), id);
                let at = found.iter().position(|e| entry < *e).unwrap_or(found.len());
                if at < max {
                    found.insert(at, entry);
                    found.truncate(max);
                }
            }
        }
        found
            .into_iter()
            .filter_map(|(_, _, id)| {
                let event = *self.postings.get(id).first()? as usize;
                Some((self.word(id).to_owned(), event))
            })
            .collect()
    }

    fn mark_events(&self, word: &SearchWord, bits: &mut [u64]) {
        for form in word.forms().filter(|f| !f.is_empty()) {
            // One pass over all words; after a hit, go on from the next word.
            let mut from = 0;
            while let Some(found) = self.words[from..].find(form) {
                let at = from + found;
                let id = self.word_starts.partition_point(|&s| s <= at) - 1;
                for &event in self.postings.get(id) {
                    if let Some(slot) = bits.get_mut(event as usize / 64) {
                        *slot |= 1 << (event % 64);
                    }
                }
                match self.word_starts.get(id + 1) {
                    Some(&next) => from = next,
                    None => break,
                }
            }
        }
    }
}

/// The Levenshtein distance between `a` and `b` when it is at most `limit`; `row` is reused
/// between calls. Words of a query and of the archive are short, so the full table is cheap;
/// a row whose every cell is over the limit ends the work early.
fn edit_distance(a: &[char], b: &str, limit: usize, row: &mut Vec<usize>) -> Option<usize> {
    row.clear();
    row.extend(0..=a.len());
    for (j, cb) in b.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = j + 1;
        let mut smallest = row[0];
        for i in 0..a.len() {
            let above = row[i + 1];
            let cost = usize::from(a[i] != cb);
            row[i + 1] = (diagonal + cost).min(above + 1).min(row[i] + 1);
            diagonal = above;
            smallest = smallest.min(row[i + 1]);
        }
        if smallest > limit {
            return None;
        }
    }
    let distance = row[a.len()];
    (distance <= limit).then_some(distance)
}

/// Everything a visitor might search an event by, in both languages.
fn search_key(catalog: &Catalog, event: &Event, key: &mut String) {
    for_each_part(catalog, event, &mut |_, text| push_search_key(key, text));
}

/// Each word of the archive, in the order the index meets them, with its events (ascending)
/// and the parts of each where the word is, as bits (`1 << part`): what
/// [`super::matched_parts`] finds for a term inside that word. The same words and events as
/// the index's (the same texts, folded by the same [`push_search_key`]), with where they are:
/// the light index is written from this alone.
pub(super) fn word_parts(catalog: &Catalog) -> Vec<(String, Vec<(u32, u16)>)> {
    let mut out: Vec<(String, Vec<(u32, u16)>)> = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut key = String::new();
    // The words of one event, by id, with their parts.
    let mut here: HashMap<usize, u16> = HashMap::new();
    for (number, event) in catalog.events.iter().enumerate() {
        for_each_part(catalog, event, &mut |part, text| {
            key.clear();
            push_search_key(&mut key, text);
            for word in key.split(' ').filter(|w| !w.is_empty()) {
                let id = match ids.get(word) {
                    Some(&id) => id,
                    None => {
                        ids.insert(word.to_owned(), out.len());
                        out.push((word.to_owned(), Vec::new()));
                        out.len() - 1
                    }
                };
                *here.entry(id).or_default() |= 1 << part as u16;
            }
        });
        // Each word's list gets one entry per event, in the events' order, whatever order
        // the map gives them in.
        for (id, bits) in here.drain() {
            out[id].1.push((number as u32, bits));
        }
    }
    out
}

/// Where in an event a search word can be found: each part is something the event page shows
/// (every text of the page but dates and image captions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Title,
    Summary,
    Body,
    Place,
    OpenedBy,
    Agenda,
    SiteVisits,
    Cities,
    Organisations,
    Delegates,
    Topics,
    Sources,
    Photos,
}

impl Part {
    /// Every part, in their order (a part's bit in the light index is `1 << part`).
    pub const ALL: [Part; 13] = [
        Part::Title,
        Part::Summary,
        Part::Body,
        Part::Place,
        Part::OpenedBy,
        Part::Agenda,
        Part::SiteVisits,
        Part::Cities,
        Part::Organisations,
        Part::Delegates,
        Part::Topics,
        Part::Sources,
        Part::Photos,
    ];
}

/// Calls `f` with every searchable text of the event (both languages) and the part it is in,
/// in the order of [`Part`]. One list for the index and for saying where a word was found.
/// Not generic: one copy in the wasm for the index and for `matched_parts`.
pub(super) fn for_each_part(catalog: &Catalog, event: &Event, f: &mut dyn FnMut(Part, &str)) {
    fn both(f: &mut dyn FnMut(Part, &str), part: Part, text: &Text) {
        for s in text.all() {
            f(part, s);
        }
    }
    both(f, Part::Title, &event.title);
    both(f, Part::Summary, &event.summary);
    if let Some(body) = &event.body {
        for s in body.all() {
            f(Part::Body, &plain_text(s));
        }
    }
    if let Some(location) = &event.location {
        for part in [&location.venue, &location.address].into_iter().flatten() {
            both(f, Part::Place, part);
        }
    }
    if let Some(opened_by) = &event.opened_by {
        both(f, Part::OpenedBy, opened_by);
    }
    for day in &event.agenda {
        for session in &day.sessions {
            both(f, Part::Agenda, &session.title);
            if let Some(description) = &session.description {
                both(f, Part::Agenda, description);
            }
        }
    }
    for visit in &event.site_visits {
        both(f, Part::SiteVisits, &visit.title);
        if let Some(description) = &visit.description {
            both(f, Part::SiteVisits, description);
        }
    }
    for id in event.all_city_ids() {
        if let Some(city) = catalog.city(id) {
            both(f, Part::Cities, &city.name);
        }
    }
    for id in event.all_organisation_ids() {
        if let Some(org) = catalog.organisation(id) {
            both(f, Part::Organisations, &org.name);
            if let Some(short) = &org.short_name {
                f(Part::Organisations, short);
            }
        }
    }
    for id in &event.delegates {
        if let Some(person) = catalog.person(id) {
            both(f, Part::Delegates, &person.name);
            both(f, Part::Delegates, &person.role);
        }
    }
    for id in &event.topics {
        if let Some(topic) = catalog.topic(id) {
            both(f, Part::Topics, &topic.label);
        }
    }
    for source in &event.sources {
        both(f, Part::Sources, &source.title);
        f(Part::Sources, &source.publisher);
    }
    // What the page writes under a photo.
    for image in &event.images {
        if let Some(caption) = &image.caption {
            both(f, Part::Photos, caption);
        }
        if let Some(credit) = &image.credit {
            f(Part::Photos, credit);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::synthetic::shipped_catalog;
    use crate::query::{run, EventFilter};

    #[test]
    fn an_index_without_words_answers_like_the_whole_one() {
        let catalog = shipped_catalog();
        let whole = SearchIndex::new(&catalog);
        let city = &catalog.cities[0].id;
        for query in [
            String::new(),
            format!("city={city}"),
            format!("q={city}"),
            "q=среща енергия&year=2022".to_owned(),
            "q=sofiya".to_owned(),
        ] {
            let lazy = SearchIndex::without_words(&catalog);
            let filter = EventFilter::from_query(&query);
            assert_eq!(
                run(&catalog, &lazy, &filter),
                run(&catalog, &whole, &filter),
                "{query}"
            );
        }
    }

    #[test]
    fn words_are_made_only_when_a_text_search_needs_them() {
        let catalog = shipped_catalog();
        let index = SearchIndex::without_words(&catalog);
        run(
            &catalog,
            &index,
            &EventFilter::from_query("year=2022&city=pisek"),
        );
        assert!(!index.has_words());
        assert_eq!(index.word_count(), 0);
        assert_eq!(index.key(0), "");
        run(&catalog, &index, &EventFilter::from_query("q=pisek"));
        assert!(index.has_words());
        assert_eq!(index, SearchIndex::new(&catalog));
    }
}
