//! Running a filter: the matching events in display order and, for every facet value, how many
//! events choosing it would leave.

use crate::model::Catalog;
use crate::text::{search_words, SearchWord};

use super::filter::{Constraint, EventFilter, Facet, SortOrder};
use super::index::{bits_for, has_bit, EventBits, SearchIndex};

/// What the timeline shows for a filter.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QueryResult {
    /// Positions in `catalog.events`, in display order.
    pub events: Vec<usize>,
    pub facets: FacetCounts,
    /// The folded query words and their other spellings, for [`super::highlight`].
    pub terms: Vec<String>,
}

/// The values offered by each facet. A value's count is how many events would match if it
/// were the only value chosen in its facet, everything else staying as it is; values that
/// would leave nothing are kept (with 0), and the order is fixed per archive, so the list
/// does not jump while typing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FacetCounts {
    /// Newest year first.
    pub years: Vec<FacetValue>,
    /// In `EventType::ALL` order.
    pub types: Vec<FacetValue>,
    /// Most events in the whole archive first, then by id; likewise organisations and topics.
    pub cities: Vec<FacetValue>,
    pub organisations: Vec<FacetValue>,
    pub topics: Vec<FacetValue>,
}

impl FacetCounts {
    pub fn get(&self, facet: Facet) -> &[FacetValue] {
        match facet {
            Facet::Year => &self.years,
            Facet::Type => &self.types,
            Facet::City => &self.cities,
            Facet::Organisation => &self.organisations,
            Facet::Topic => &self.topics,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetValue {
    /// As in the URL: "2022", "workshop", a city id…
    pub value: String,
    pub count: usize,
    pub selected: bool,
}

/// A filter turned into masks over the index's value positions. `None`: the facet is open.
struct Compiled {
    masks: [Option<Vec<bool>>; 5],
    words: Vec<SearchWord>,
}

fn compile(index: &SearchIndex, filter: &EventFilter) -> Compiled {
    fn mask<T>(values: &[T], active: bool, selected: impl Fn(&T) -> bool) -> Option<Vec<bool>> {
        active.then(|| values.iter().map(selected).collect())
    }
    Compiled {
        masks: [
            mask(&index.years, !filter.years.is_empty(), |y| {
                filter.years.contains(y)
            }),
            mask(&index.types, !filter.types.is_empty(), |t| {
                filter.types.contains(t)
            }),
            mask(&index.cities, !filter.cities.is_empty(), |id| {
                filter.cities.contains(id)
            }),
            mask(
                &index.organisations,
                !filter.organisations.is_empty(),
                |id| filter.organisations.contains(id),
            ),
            mask(&index.topics, !filter.topics.is_empty(), |id| {
                filter.topics.contains(id)
            }),
        ],
        words: search_words(&filter.text),
    }
}

/// The value positions an event has in one facet.
fn event_values(index: &SearchIndex, facet: usize, event: usize) -> &[u32] {
    match facet {
        0 => std::slice::from_ref(&index.event_year[event]),
        1 => std::slice::from_ref(&index.event_type[event]),
        2 => index.event_cities.get(event),
        3 => index.event_organisations.get(event),
        _ => index.event_topics.get(event),
    }
}

/// Events that have every word (in one of its spellings); `None` when there are no words.
fn text_hits(catalog: &Catalog, index: &SearchIndex, words: &[SearchWord]) -> Option<EventBits> {
    let (first, rest) = words.split_first()?;
    let mut hits = bits_for(index.len());
    index.mark_events(catalog, first, &mut hits);
    let mut more = bits_for(index.len());
    for word in rest {
        more.fill(0);
        index.mark_events(catalog, word, &mut more);
        for (hit, other) in hits.iter_mut().zip(&more) {
            *hit &= *other;
        }
    }
    Some(hits)
}

/// The matching events, oldest first, and (when asked) the disjunctive counts per facet.
fn evaluate(
    catalog: &Catalog,
    index: &SearchIndex,
    compiled: &Compiled,
    mut counts: Option<&mut [Vec<usize>; 5]>,
) -> Vec<usize> {
    let len = index.len().min(catalog.events.len());
    let hits = text_hits(catalog, index, &compiled.words);
    let mut matches = Vec::new();
    for event in 0..len {
        if hits.as_ref().is_some_and(|h| !has_bit(h, event)) {
            continue;
        }
        // Which facets reject the event: with one rejection it still counts for that facet's
        // own values, since choosing one of them instead could let it through.
        let mut failed = None;
        let mut failures = 0;
        for (facet, mask) in compiled.masks.iter().enumerate() {
            let Some(mask) = mask else { continue };
            let passes = event_values(index, facet, event)
                .iter()
                .any(|&v| mask.get(v as usize).copied().unwrap_or(false));
            if !passes {
                failures += 1;
                failed = Some(facet);
                if failures > 1 {
                    break;
                }
            }
        }
        match (failures, failed) {
            (0, _) => {
                matches.push(event);
                if let Some(counts) = counts.as_deref_mut() {
                    for (facet, tally) in counts.iter_mut().enumerate() {
                        add(tally, event_values(index, facet, event));
                    }
                }
            }
            (1, Some(facet)) => {
                if let Some(counts) = counts.as_deref_mut() {
                    add(&mut counts[facet], event_values(index, facet, event));
                }
            }
            _ => {}
        }
    }
    matches
}

fn add(tally: &mut [usize], values: &[u32]) {
    for &v in values {
        if let Some(n) = tally.get_mut(v as usize) {
            *n += 1;
        }
    }
}

/// The events matching `filter` in display order, the facet counts and the words to highlight.
pub fn run(catalog: &Catalog, index: &SearchIndex, filter: &EventFilter) -> QueryResult {
    let compiled = compile(index, filter);
    let mut counts: [Vec<usize>; 5] = [
        vec![0; index.years.len()],
        vec![0; index.types.len()],
        vec![0; index.cities.len()],
        vec![0; index.organisations.len()],
        vec![0; index.topics.len()],
    ];
    let mut events = evaluate(catalog, index, &compiled, Some(&mut counts));
    if filter.sort == SortOrder::NewestFirst {
        events.reverse();
    }
    let [years, types, cities, organisations, topics] = counts;
    let facets = FacetCounts {
        years: values(
            &index.years,
            &years,
            |y| y.to_string(),
            |y| filter.years.contains(y),
        ),
        types: values(
            &index.types,
            &types,
            |t| t.key().to_owned(),
            |t| filter.types.contains(t),
        ),
        cities: values(&index.cities, &cities, String::clone, |id| {
            filter.cities.contains(id)
        }),
        organisations: values(&index.organisations, &organisations, String::clone, |id| {
            filter.organisations.contains(id)
        }),
        topics: values(&index.topics, &topics, String::clone, |id| {
            filter.topics.contains(id)
        }),
    };
    // What the cards mark: each word as typed, in both spellings, and its stems, so the whole
    // word is marked where it stands as typed and the stem where another form of it does.
    let mut terms: Vec<String> = Vec::new();
    for word in &compiled.words {
        let typed = std::iter::once(word.official.as_str()).chain(word.alternative.as_deref());
        for form in typed.chain(word.forms()) {
            if !terms.iter().any(|t| t == form) {
                terms.push(form.to_owned());
            }
        }
    }
    QueryResult {
        events,
        facets,
        terms,
    }
}

/// How many events match `filter`, without facet counts.
pub fn count(catalog: &Catalog, index: &SearchIndex, filter: &EventFilter) -> usize {
    evaluate(catalog, index, &compile(index, filter), None).len()
}

fn values<T>(
    all: &[T],
    counts: &[usize],
    value: impl Fn(&T) -> String,
    selected: impl Fn(&T) -> bool,
) -> Vec<FacetValue> {
    all.iter()
        .zip(counts)
        .map(|(v, &count)| FacetValue {
            value: value(v),
            count,
            selected: selected(v),
        })
        .collect()
}

/// When `filter` leaves nothing: the one constraint whose removal would bring back the most
/// events, with that number, so the view can offer to lift it. `None` when there are results
/// or when no single constraint helps. Ties go to the first in [`EventFilter::constraints`].
/// For a search that finds nothing: up to three queries that would, each the visitor's query
/// with its words that find nothing replaced by the archive's nearest words ("pisk" →
/// "pisek"). Written in the script the visitor typed: a Cyrillic query gets the words as the
/// archive writes them („срща“ → „среща“), a Latin one their Latin spelling.
pub fn did_you_mean(catalog: &Catalog, index: &SearchIndex, filter: &EventFilter) -> Vec<String> {
    let typed: Vec<&str> = filter.text.split_whitespace().collect();
    if typed.is_empty() || count(catalog, index, filter) > 0 {
        return Vec::new();
    }
    let cyrillic = filter
        .text
        .chars()
        .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let finds = |word: &str| {
        let alone = EventFilter {
            text: word.to_owned(),
            ..Default::default()
        };
        count(catalog, index, &alone) > 0
    };
    // Each word that finds nothing alone, with the words it could be.
    let mut choices: Vec<Vec<String>> = Vec::new();
    for word in &typed {
        if finds(word) {
            choices.push(vec![(*word).to_owned()]);
            continue;
        }
        let folded = crate::text::fold_for_search(word);
        let near: Vec<String> = index
            .nearest_words(catalog, &folded, 3)
            .into_iter()
            .map(|(near, event)| {
                if cyrillic {
                    written_as(catalog, event, &near).unwrap_or(near)
                } else {
                    near
                }
            })
            .collect();
        if near.is_empty() {
            return Vec::new();
        }
        choices.push(near);
    }
    // The first word with several choices varies; the others take their nearest.
    let varying = choices.iter().position(|c| c.len() > 1);
    let ways = varying.map_or(1, |v| choices[v].len());
    let mut out: Vec<String> = Vec::new();
    for way in 0..ways {
        let words: Vec<&str> = choices
            .iter()
            .enumerate()
            .map(|(i, c)| c[if Some(i) == varying { way } else { 0 }].as_str())
            .collect();
        let query = words.join(" ");
        if !out.contains(&query) && finds(&query) {
            out.push(query);
        }
    }
    out
}

/// How event `event`'s own texts write the folded word `folded`.
fn written_as(catalog: &Catalog, event: usize, folded: &str) -> Option<String> {
    let mut found = None;
    crate::query::index::for_each_part(catalog, catalog.events.get(event)?, &mut |_, text| {
        if found.is_some() {
            return;
        }
        // Split at spaces and punctuation only: no Unicode letter tables in the wasm.
        found = text
            .split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "„“”«»–—".contains(c))
            .find(|w| !w.is_empty() && crate::text::fold_for_search(w) == folded)
            .map(str::to_owned);
    });
    found
}

pub fn empty_state_hint(
    catalog: &Catalog,
    index: &SearchIndex,
    filter: &EventFilter,
) -> Option<(Constraint, usize)> {
    if count(catalog, index, filter) > 0 {
        return None;
    }
    let mut best: Option<(Constraint, usize)> = None;
    for constraint in filter.constraints() {
        let mut relaxed = filter.clone();
        relaxed.remove_constraint(&constraint);
        let n = count(catalog, index, &relaxed);
        if n > best.as_ref().map_or(0, |(_, b)| *b) {
            best = Some((constraint, n));
        }
    }
    best
}
