//! Behaviour of the whole query path on the sample catalog and on generated catalogs.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::synthetic::{sample_catalog, synthetic_catalog};
use super::*;
use crate::model::{Catalog, EventType};
use crate::text::search_words;

fn slugs(catalog: &Catalog, events: &[usize]) -> Vec<String> {
    events
        .iter()
        .map(|&i| catalog.events[i].slug.clone())
        .collect()
}

fn search(catalog: &Catalog, query: &str) -> Vec<String> {
    let index = SearchIndex::new(catalog);
    let result = run(catalog, &index, &EventFilter::from_query(query));
    slugs(catalog, &result.events)
}

fn value<'a>(values: &'a [FacetValue], name: &str) -> &'a FacetValue {
    values
        .iter()
        .find(|v| v.value == name)
        .unwrap_or_else(|| panic!("no facet value {name}"))
}

#[test]
fn default_filter_lists_everything_newest_first() {
    let catalog = sample_catalog();
    let found = search(&catalog, "");
    assert_eq!(found.len(), catalog.events.len());
    assert_eq!(found.first().map(String::as_str), Some("final-event"));
    assert_eq!(found.last().map(String::as_str), Some("kick-off-trondheim"));
}

#[test]
fn oldest_first_reverses_the_order() {
    let catalog = sample_catalog();
    let mut newest = search(&catalog, "");
    let oldest = search(&catalog, "sort=oldest");
    newest.reverse();
    assert_eq!(oldest, newest);
}

#[test]
fn text_finds_events_in_either_script() {
    let catalog = sample_catalog();
    // The meeting in Písek, and the session in Smolyan that Písek took part in.
    let in_pisek = vec![
        "smolyan-learning-session".to_owned(),
        "pisek-consortium-meeting".to_owned(),
    ];
    assert_eq!(search(&catalog, "q=pisek"), in_pisek);
    assert_eq!(search(&catalog, "q=Писек"), in_pisek);
    assert_eq!(search(&catalog, "q=PÍSEK"), in_pisek);
    assert_eq!(
        search(&catalog, "q=%D0%9F%D0%98%D0%A1%D0%95%D0%9A"),
        in_pisek
    );
    let expected = vec!["pisek-consortium-meeting".to_owned()];
    // A delegate's name, in Latin, found from Cyrillic text and the other way round.
    assert_eq!(search(&catalog, "q=spasova"), expected);
    assert_eq!(search(&catalog, "q=Спасова"), expected);
    // An agenda session's title and a venue count too.
    assert_eq!(search(&catalog, "q=PEB"), expected);
    assert_eq!(
        search(&catalog, "q=sky+hub"),
        vec!["childrens-designathon".to_owned()]
    );
    assert_eq!(
        search(
            &catalog,
            // "Võru празник", as a browser encodes it.
            "q=V%C3%B5ru+%D0%BF%D1%80%D0%B0%D0%B7%D0%BD%D0%B8%D0%BA"
        ),
        vec!["voru-energy-day".to_owned()]
    );
}

#[test]
fn every_word_must_match_in_any_order() {
    let catalog = sample_catalog();
    let both = search(&catalog, "q=library+pisek");
    assert_eq!(both, search(&catalog, "q=pisek+library"));
    assert_eq!(both, vec!["pisek-consortium-meeting".to_owned()]);
    assert!(search(&catalog, "q=pisek+climathon").is_empty());
}

#[test]
fn values_of_one_facet_combine_with_or_and_facets_with_and() {
    let catalog = sample_catalog();
    let hackathons = search(&catalog, "type=hackathon");
    assert_eq!(
        hackathons,
        vec![
            "childrens-designathon".to_owned(),
            "climathon-smolyan".to_owned()
        ]
    );
    let either = search(&catalog, "type=hackathon&type=milestone");
    assert_eq!(either.len(), 2 + 3);
    let in_2023 = search(&catalog, "type=hackathon&type=milestone&year=2023");
    // The year-only event counts as the start of 2023, so it comes last when newest is first.
    assert_eq!(
        in_2023,
        vec!["childrens-designathon".to_owned(), "project-end".to_owned()]
    );
    let pisek_or_sestao = search(&catalog, "city=pisek&city=sestao&topic=storytelling");
    assert_eq!(
        pisek_or_sestao,
        vec![
            "pisek-consortium-meeting".to_owned(),
            "storytelling-workshop-2020".to_owned()
        ]
    );
}

#[test]
fn facet_counts_ignore_their_own_facet_but_not_the_others() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    let filter = EventFilter::from_query("year=2023&type=hackathon");
    let result = run(&catalog, &index, &filter);
    assert_eq!(result.events.len(), 1);
    // Years: hackathons per year, whatever year is chosen.
    assert_eq!(value(&result.facets.years, "2021").count, 1);
    assert_eq!(value(&result.facets.years, "2023").count, 1);
    assert_eq!(value(&result.facets.years, "2019").count, 0);
    assert!(value(&result.facets.years, "2023").selected);
    assert!(!value(&result.facets.years, "2021").selected);
    // Types: events of 2023 per type.
    assert_eq!(value(&result.facets.types, "milestone").count, 1);
    assert_eq!(value(&result.facets.types, "consortium_meeting").count, 1);
    assert!(result.facets.types.iter().all(|v| v.value != "webinar"));
}

#[test]
fn facet_lists_only_values_present_in_the_catalog_in_their_order() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    let result = run(&catalog, &index, &EventFilter::default());
    let years: Vec<&str> = result
        .facets
        .years
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(years, ["2023", "2022", "2021", "2020", "2019", "2018"]);
    let types: Vec<&str> = result
        .facets
        .types
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    let expected: Vec<&str> = EventType::ALL
        .iter()
        .map(|t| t.key())
        .filter(|k| types.contains(k))
        .collect();
    assert_eq!(types, expected);
    assert!(!types.contains(&"webinar"));
    let cities: Vec<(&str, usize)> = result
        .facets
        .cities
        .iter()
        .map(|v| (v.value.as_str(), v.count))
        .collect();
    assert_eq!(cities[0], ("smolyan", 7));
    // Equal counts fall back to id order.
    for pair in cities.windows(2) {
        assert!(pair[0].1 > pair[1].1 || (pair[0].1 == pair[1].1 && pair[0].0 < pair[1].0));
    }
}

#[test]
fn values_without_results_stay_listed_with_zero() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    let result = run(&catalog, &index, &EventFilter::from_query("q=climathon"));
    assert_eq!(result.events.len(), 1);
    assert_eq!(result.facets.years.len(), 6);
    assert_eq!(value(&result.facets.years, "2018").count, 0);
    assert_eq!(value(&result.facets.years, "2021").count, 1);
}

#[test]
fn terms_carry_both_spellings_for_highlighting() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    let result = run(
        &catalog,
        &index,
        &EventFilter::from_query("q=Алба+Юлия+alba"),
    );
    assert_eq!(result.terms, ["alba", "yulia", "yuliya"]);
}

#[test]
fn empty_state_hint_names_the_constraint_that_brings_back_most() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    // Hackathons were in Smolyan only: dropping the city leaves none either, dropping the type
    // leaves Písek's one event of 2022, dropping the year leaves nothing in Písek either.
    let filter = EventFilter::from_query("year=2022&type=hackathon&city=pisek");
    assert_eq!(count(&catalog, &index, &filter), 0);
    assert_eq!(
        empty_state_hint(&catalog, &index, &filter),
        Some((Constraint::Value(Facet::Type, "hackathon".into()), 1))
    );
    // The only workshop does not mention Smolyan: without the type, every Smolyan event is back.
    let filter = EventFilter::from_query("type=workshop&q=smolyan");
    let smolyan = count(&catalog, &index, &EventFilter::from_query("q=smolyan"));
    assert!(smolyan > 1);
    assert_eq!(
        empty_state_hint(&catalog, &index, &filter),
        Some((Constraint::Value(Facet::Type, "workshop".into()), smolyan))
    );
    let filter = EventFilter::from_query("year=2019&q=climathon");
    assert_eq!(
        empty_state_hint(&catalog, &index, &filter),
        Some((Constraint::Value(Facet::Year, "2019".into()), 1))
    );
    let filter = EventFilter::from_query("year=2021&type=hackathon&q=trondheim");
    assert_eq!(
        empty_state_hint(&catalog, &index, &filter),
        Some((Constraint::Text, 1))
    );
    // Results, or nothing a single removal fixes: no hint.
    assert_eq!(
        empty_state_hint(&catalog, &index, &EventFilter::from_query("city=pisek")),
        None
    );
    let hopeless = EventFilter::from_query("q=zzzz+qqqq&year=2019&type=hackathon");
    assert_eq!(empty_state_hint(&catalog, &index, &hopeless), None);
}

#[test]
fn sanitize_drops_values_no_event_has() {
    let catalog = sample_catalog();
    let mut filter = EventFilter::from_query(
        "year=1999&year=2022&type=webinar&type=workshop&city=atlantis&city=pisek&org=acme&org=ntnu&topic=none&topic=vision&q=x",
    );
    filter.sanitize(&catalog);
    assert_eq!(
        filter.to_query(),
        "year=2022&type=workshop&city=pisek&org=ntnu&topic=vision&q=x"
    );
}

#[test]
fn groups_follow_the_given_order_by_year_and_month() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    let result = run(&catalog, &index, &EventFilter::from_query("year=2023"));
    let groups = group_by_month(&catalog, &result.events);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].year, 2023);
    let months: Vec<Option<u8>> = groups[0].months.iter().map(|m| m.month).collect();
    // The year-only event sorts first in the catalog, so last when newest is first.
    assert_eq!(months, [Some(10), Some(9), Some(6), Some(3), None]);
    let flat: Vec<usize> = groups[0]
        .months
        .iter()
        .flat_map(|m| m.events.iter().copied())
        .collect();
    assert_eq!(flat, result.events);

    let all = run(&catalog, &index, &EventFilter::from_query("sort=oldest"));
    let groups = group_by_month(&catalog, &all.events);
    let years: Vec<i32> = groups.iter().map(|g| g.year).collect();
    assert_eq!(years, [2018, 2019, 2020, 2021, 2022, 2023]);
    assert_eq!(groups[0].months.len(), 1);
    assert_eq!(groups[0].months[0].events.len(), 2);
    assert!(group_by_month(&catalog, &[]).is_empty());
    assert!(group_by_month(&catalog, &[9999]).is_empty());
}

#[test]
fn generated_catalog_is_deterministic_and_uses_the_base_lists() {
    let base = sample_catalog();
    let a = synthetic_catalog(&base, 200, 7);
    let b = synthetic_catalog(&base, 200, 7);
    let c = synthetic_catalog(&base, 200, 8);
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.events.len(), 200);
    for event in &a.events {
        for id in event.all_city_ids() {
            assert!(a.city(id).is_some());
        }
        for id in &event.topics {
            assert!(a.topic(id).is_some());
        }
    }
}

#[test]
fn index_keys_are_folded_and_cover_both_languages() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    assert_eq!(index.len(), catalog.events.len());
    let Some(i) = catalog.event_index("pisek-consortium-meeting") else {
        panic!("sample event missing");
    };
    let key = index.key(i);
    for word in [
        "godishna",
        "annual",
        "pisek",
        "ntnu",
        "eftima",
        "petkova",
        "razkazvane",
        "yulia",
        "yuliya",
    ] {
        assert!(key.contains(word), "{word} missing from {key}");
    }
    assert!(!key.contains('\n'));
    assert_eq!(index.key(9999), "");
}

// ---- against a plain re-count on generated data ----

struct Generated {
    catalog: Catalog,
    index: SearchIndex,
    /// Each event's words, read back from the index once.
    keys: Vec<String>,
}

fn generated() -> &'static Generated {
    static DATA: OnceLock<Generated> = OnceLock::new();
    DATA.get_or_init(|| {
        let catalog = synthetic_catalog(&sample_catalog(), 400, 2024);
        let index = SearchIndex::new(&catalog);
        let keys = (0..catalog.events.len()).map(|e| index.key(e)).collect();
        Generated {
            catalog,
            index,
            keys,
        }
    })
}

/// Does `event` pass `filter`, done the slow, obvious way over strings.
fn naive_passes(data: &Generated, event: usize, filter: &EventFilter) -> bool {
    let e = &data.catalog.events[event];
    let cities = e.all_city_ids();
    let orgs = e.all_organisation_ids();
    let key = &data.keys[event];
    (filter.years.is_empty() || filter.years.contains(&e.start.year))
        && (filter.types.is_empty() || filter.types.contains(&e.kind))
        && (filter.cities.is_empty() || cities.iter().any(|c| filter.cities.contains(*c)))
        && (filter.organisations.is_empty()
            || orgs.iter().any(|o| filter.organisations.contains(*o)))
        && (filter.topics.is_empty() || e.topics.iter().any(|t| filter.topics.contains(t)))
        && search_words(&filter.text)
            .iter()
            .all(|w| w.forms().any(|f| key.contains(f)))
}

fn naive_count(data: &Generated, filter: &EventFilter) -> usize {
    (0..data.catalog.events.len())
        .filter(|&e| naive_passes(data, e, filter))
        .count()
}

fn arb_filter() -> impl Strategy<Value = EventFilter> {
    let catalog = &generated().catalog;
    let cities: Vec<String> = catalog
        .cities
        .iter()
        .map(|c| c.id.clone())
        .chain(["atlantis".to_owned()])
        .collect();
    let orgs: Vec<String> = catalog.organisations.iter().map(|o| o.id.clone()).collect();
    let topics: Vec<String> = catalog.topics.iter().map(|t| t.id.clone()).collect();
    let words = [
        "",
        "",
        "",
        "pisek",
        "Смолян",
        "енергия",
        "smo",
        "sm",
        "mobility",
        "zzz",
        "12",
        "в",
        "alba юлия",
        "Sofia",
        "no. 1",
    ];
    (
        proptest::collection::btree_set(2017i32..=2024, 0..3),
        proptest::collection::btree_set(proptest::sample::select(EventType::ALL.to_vec()), 0..3),
        proptest::collection::btree_set(proptest::sample::select(cities), 0..3),
        proptest::collection::btree_set(proptest::sample::select(orgs), 0..3),
        proptest::collection::btree_set(proptest::sample::select(topics), 0..3),
        proptest::sample::select(words.to_vec()),
        any::<bool>(),
    )
        .prop_map(
            |(years, types, cities, organisations, topics, text, oldest)| EventFilter {
                years,
                types,
                cities,
                organisations,
                topics,
                text: text.to_owned(),
                sort: if oldest {
                    SortOrder::OldestFirst
                } else {
                    SortOrder::NewestFirst
                },
            },
        )
}

/// `filter` with `facet` narrowed to the one `value`.
fn only(filter: &EventFilter, facet: Facet, value: &str) -> EventFilter {
    let mut single = filter.clone();
    match facet {
        Facet::Year => single.years = BTreeSet::new(),
        Facet::Type => single.types = BTreeSet::new(),
        Facet::City => single.cities = BTreeSet::new(),
        Facet::Organisation => single.organisations = BTreeSet::new(),
        Facet::Topic => single.topics = BTreeSet::new(),
    }
    single.insert(facet, value);
    single
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn results_and_facet_counts_match_a_plain_recount(filter in arb_filter()) {
        let data = generated();
        let (catalog, index) = (&data.catalog, &data.index);
        let result = run(catalog, index, &filter);

        let mut expected: Vec<usize> = (0..catalog.events.len())
            .filter(|&e| naive_passes(data, e, &filter))
            .collect();
        if filter.sort == SortOrder::NewestFirst {
            expected.reverse();
        }
        prop_assert_eq!(&result.events, &expected);
        prop_assert_eq!(count(catalog, index, &filter), expected.len());

        for facet in Facet::ALL {
            for v in result.facets.get(facet) {
                let single = only(&filter, facet, &v.value);
                prop_assert_eq!(
                    v.count,
                    naive_count(data, &single),
                    "{:?} {}", facet, v.value
                );
                prop_assert_eq!(v.selected, filter.contains(facet, &v.value));
            }
        }
    }

    #[test]
    fn the_hint_is_the_best_single_removal(filter in arb_filter()) {
        let data = generated();
        let (catalog, index) = (&data.catalog, &data.index);
        let hint = empty_state_hint(catalog, index, &filter);
        if naive_count(data, &filter) > 0 {
            prop_assert_eq!(hint, None);
        } else {
            let best = filter
                .constraints()
                .into_iter()
                .map(|c| {
                    let mut relaxed = filter.clone();
                    relaxed.remove_constraint(&c);
                    naive_count(data, &relaxed)
                })
                .max()
                .unwrap_or(0);
            match hint {
                Some((constraint, n)) => {
                    prop_assert_eq!(n, best);
                    let mut relaxed = filter.clone();
                    relaxed.remove_constraint(&constraint);
                    prop_assert_eq!(naive_count(data, &relaxed), n);
                }
                None => prop_assert_eq!(best, 0),
            }
        }
    }
}

#[test]
fn every_value_occurring_on_generated_events_is_listed_once() {
    let (catalog, index) = (&generated().catalog, &generated().index);
    let result = run(catalog, index, &EventFilter::default());
    let listed: BTreeSet<&str> = result
        .facets
        .cities
        .iter()
        .map(|v| v.value.as_str())
        .collect();
    assert_eq!(listed.len(), result.facets.cities.len());
    let occurring: BTreeSet<&str> = catalog
        .events
        .iter()
        .flat_map(|e| e.all_city_ids())
        .collect();
    assert_eq!(listed, occurring);
    let total: usize = result.facets.years.iter().map(|v| v.count).sum();
    assert_eq!(total, catalog.events.len());
}

#[test]
fn facet_values_keep_their_order_while_filtering() {
    let catalog = sample_catalog();
    let index = SearchIndex::new(&catalog);
    let order = |query: &str| -> Vec<Vec<String>> {
        let facets = run(&catalog, &index, &EventFilter::from_query(query)).facets;
        [facets.cities, facets.organisations, facets.topics]
            .iter()
            .map(|values| values.iter().map(|v| v.value.clone()).collect())
            .collect()
    };
    let unfiltered = order("");
    for query in [
        "q=pisek",
        "year=2022",
        "type=workshop&q=smolyan",
        "city=voru",
    ] {
        assert_eq!(order(query), unfiltered, "{query}");
    }
    // Most frequent first: the first city is one with the most events.
    let counts = run(&catalog, &index, &EventFilter::default()).facets.cities;
    assert!(counts.iter().all(|v| v.count <= counts[0].count));
}
