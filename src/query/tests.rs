//! Behaviour of the whole query path: on any project's file, on generated catalogs, and on
//! cases of the shipped news file.
//!
//! The checks named `any_project_…` and the properties over generated catalogs run on the
//! shipped file and on a second project's (`tests/fixtures/second-project`: another
//! programme, other cities, partners and topics), with every expectation recounted with plain
//! loops over `catalog.events`, so they hold for any project's file. The others name shipped
//! events and say which ones make them true.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::synthetic::{shipped_catalog, synthetic_catalog};
use super::*;
use crate::model::{parse_news, Catalog, Event, EventType, Lang, PartialDate};
use crate::text::{fold_for_search, search_words};

/// A second project's news file: the checks that hold for any project run on it too.
const SECOND_PROJECT: &str = include_str!("../../tests/fixtures/second-project/news.json");

fn second_project() -> Catalog {
    match parse_news(SECOND_PROJECT) {
        Ok(catalog) => catalog,
        Err(fatal) => panic!(
            "the second project's file does not load: {}",
            fatal.message()
        ),
    }
}

/// The projects the `any_project_…` checks run on, by name.
fn projects() -> [(&'static str, Catalog); 2] {
    [
        ("shipped", shipped_catalog()),
        ("second project", second_project()),
    ]
}

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

/// A facet's values as listed.
fn names(values: &[FacetValue]) -> Vec<&str> {
    values.iter().map(|v| v.value.as_str()).collect()
}

/// The events `keep` accepts, newest first (the catalog holds them oldest first): the
/// expectation for a filter, counted without the index.
fn recount(catalog: &Catalog, keep: impl Fn(&Event) -> bool) -> Vec<usize> {
    let mut found = Vec::new();
    for (i, event) in catalog.events.iter().enumerate() {
        if keep(event) {
            found.push(i);
        }
    }
    found.reverse();
    found
}

fn has_city(event: &Event, id: &str) -> bool {
    event.all_city_ids().contains(&id)
}

/// The shipped catalog with these events' summaries and bodies cut to their titles: the
/// shipped prose also names most venues and delegates, so only without it does a search show
/// that those parts are searched on their own.
fn without_prose(slugs: &[&str]) -> Catalog {
    let shipped = shipped_catalog();
    let mut events = shipped.events;
    for event in events
        .iter_mut()
        .filter(|e| slugs.contains(&e.slug.as_str()))
    {
        event.summary = event.title.clone();
        event.body = None;
    }
    Catalog::new(
        shipped.site,
        shipped.cities,
        shipped.organisations,
        shipped.people,
        shipped.topics,
        events,
        shipped.problems,
    )
}

#[test]
fn any_project_lists_everything_newest_first_and_oldest_first_reversed() {
    for (name, catalog) in projects() {
        let index = SearchIndex::new(&catalog);
        let newest = run(&catalog, &index, &EventFilter::default()).events;
        assert_eq!(newest, recount(&catalog, |_| true), "{name}");
        for pair in newest.windows(2) {
            assert!(
                catalog.events[pair[0]].start >= catalog.events[pair[1]].start,
                "{name}"
            );
        }
        let mut oldest = run(&catalog, &index, &EventFilter::from_query("sort=oldest")).events;
        oldest.reverse();
        assert_eq!(oldest, newest, "{name}");
    }
}

#[test]
fn a_start_known_only_to_the_month_comes_before_the_days_of_that_month() {
    // The kick-off (2018-11) ends the list, after Smolyan's start of work (2018-11-28).
    let catalog = shipped_catalog();
    let found = search(&catalog, "");
    assert_eq!(
        found[found.len() - 2..],
        [
            "smolyan-starts-cityxchange-2018",
            "kick-off-meeting-trondheim-2018"
        ]
    );
}

/// A search for `text`, as typed into the field.
fn typed(text: &str) -> EventFilter {
    EventFilter {
        text: text.to_owned(),
        ..Default::default()
    }
}

/// The events a search for `text` finds.
fn find(catalog: &Catalog, text: &str) -> Vec<String> {
    slugs(
        catalog,
        &run(catalog, &SearchIndex::new(catalog), &typed(text)).events,
    )
}

#[test]
fn any_project_finds_a_citys_events_by_its_name_in_either_language_and_script() {
    for (name, catalog) in projects() {
        let mut checked = 0;
        for city in &catalog.cities {
            let linked = slugs(&catalog, &recount(&catalog, |e| has_city(e, &city.id)));
            if linked.is_empty() {
                continue;
            }
            let (bg, en) = (city.name.get(Lang::Bg), city.name.get(Lang::En));
            let by_bg = find(&catalog, bg);
            // Spelt in Latin letters, or in capitals, the name finds what it finds as written.
            assert_eq!(find(&catalog, &fold_for_search(bg)), by_bg, "{name}: {bg}");
            assert_eq!(find(&catalog, &bg.to_uppercase()), by_bg, "{name}: {bg}");
            assert_eq!(find(&catalog, &en.to_uppercase()), find(&catalog, en));
            // Every event linked to the city, as host or among the cities taking part.
            let by_en = find(&catalog, en);
            for slug in &linked {
                assert!(by_bg.contains(slug), "{name}: {bg} does not find {slug}");
                assert!(by_en.contains(slug), "{name}: {en} does not find {slug}");
            }
            checked += 1;
        }
        assert!(checked >= 3, "{name}: only {checked} cities with events");
    }
}

#[test]
fn text_finds_events_in_either_script() {
    let catalog = shipped_catalog();
    let in_pisek = search(&catalog, "q=pisek");
    assert_eq!(search(&catalog, "q=Писек"), in_pisek);
    assert_eq!(search(&catalog, "q=PÍSEK"), in_pisek);
    assert_eq!(
        search(&catalog, "q=%D0%9F%D0%98%D0%A1%D0%95%D0%9A"),
        in_pisek
    );
    // Every event linked to Písek is found by the city's name: the meeting there names it,
    // the session in Smolyan only lists it among the cities taking part.
    let linked = recount(&catalog, |e| has_city(e, "pisek"));
    assert!(slugs(&catalog, &linked).contains(&"learning-session-smolyan-2023".to_owned()));
    for slug in slugs(&catalog, &linked) {
        assert!(in_pisek.contains(&slug), "{slug} not found by its city");
    }

    let bare = without_prose(&[
        "consortium-meeting-pisek-2022",
        "learning-workshop-vienna-2019",
    ]);
    let expected = vec!["consortium-meeting-pisek-2022".to_owned()];
    // A delegate's name, in Latin, found from Cyrillic text and the other way round.
    assert_eq!(search(&bare, "q=spasova"), expected);
    assert_eq!(search(&bare, "q=Спасова"), expected);
    // An agenda session's title ("How to make a PEB?") and a venue count too.
    assert_eq!(search(&bare, "q=PEB"), expected);
    assert_eq!(
        search(&bare, "q=nordbahnhalle"),
        vec!["learning-workshop-vienna-2019".to_owned()]
    );
    assert_eq!(
        search(
            &catalog,
            // "Võru центъра", as a browser encodes it: only the +Energy Day was in the centre.
            "q=V%C3%B5ru+%D1%86%D0%B5%D0%BD%D1%82%D1%8A%D1%80%D0%B0"
        ),
        vec!["energy-day-voru-2020".to_owned()]
    );
}

#[test]
fn an_editors_note_is_not_searched() {
    let mut catalog = shipped_catalog();
    for event in &mut catalog.events {
        event.note = Some("Zquillotrap: the source gives no day.".into());
    }
    assert!(search(&catalog, "q=zquillotrap").is_empty());
}

#[test]
fn every_word_must_match_in_any_order() {
    let catalog = shipped_catalog();
    let both = search(&catalog, "q=library+pisek");
    assert_eq!(both, search(&catalog, "q=pisek+library"));
    let library = search(&catalog, "q=library");
    let pisek = search(&catalog, "q=pisek");
    let in_each: Vec<String> = pisek
        .iter()
        .filter(|slug| library.contains(slug))
        .cloned()
        .collect();
    assert_eq!(both, in_each);
    // Only the meeting in Písek mentions the city library.
    assert_eq!(both, vec!["consortium-meeting-pisek-2022".to_owned()]);
    assert!(both.len() < pisek.len());
    // Neither Climathon (Sestao 2020, Smolyan 2021) mentions Písek.
    assert!(!search(&catalog, "q=climathon").is_empty());
    assert!(search(&catalog, "q=pisek+climathon").is_empty());
}

#[test]
fn values_of_one_facet_combine_with_or_and_facets_with_and() {
    let catalog = shipped_catalog();
    let index = SearchIndex::new(&catalog);
    let hits = |query: &str| run(&catalog, &index, &EventFilter::from_query(query)).events;
    let is_kind = |e: &Event| matches!(e.kind, EventType::Hackathon | EventType::Milestone);

    let hackathons = hits("type=hackathon");
    assert_eq!(
        hackathons,
        recount(&catalog, |e| e.kind == EventType::Hackathon)
    );
    let milestones = hits("type=milestone");
    assert!(!hackathons.is_empty() && !milestones.is_empty());
    let either = hits("type=hackathon&type=milestone");
    assert_eq!(either, recount(&catalog, is_kind));
    assert_eq!(either.len(), hackathons.len() + milestones.len());

    let in_2023 = hits("type=hackathon&type=milestone&year=2023");
    assert_eq!(
        in_2023,
        recount(&catalog, |e| is_kind(e) && e.start.year == 2023)
    );
    assert!(!in_2023.is_empty() && in_2023.len() < either.len());

    // A start known only to the year counts as the start of that year, so it comes last when
    // newest is first: the Písek workshop that moved online is dated only "2020".
    assert_eq!(
        search(&catalog, "type=workshop&year=2020"),
        [
            "storytelling-workshop-sestao-2020",
            "learning-workshop-pisek-online-2020"
        ]
    );

    let storytelling = |e: &Event| e.topics.iter().any(|t| t == "storytelling");
    let pisek_or_sestao = hits("city=pisek&city=sestao&topic=storytelling");
    assert_eq!(
        pisek_or_sestao,
        recount(&catalog, |e| (has_city(e, "pisek")
            || has_city(e, "sestao"))
            && storytelling(e))
    );
    assert!(hits("city=pisek&topic=storytelling").len() < pisek_or_sestao.len());
    assert!(pisek_or_sestao.len() < recount(&catalog, storytelling).len());
}

/// The value most events have (the first of equals), so that choosing it narrows the list.
fn most_common<T: Ord + Copy>(values: impl Iterator<Item = T>) -> T {
    let mut all: Vec<T> = values.collect();
    all.sort_unstable();
    let mut best: Option<(T, usize)> = None;
    for run in all.chunk_by(|a, b| a == b) {
        if best.is_none_or(|(_, n)| run.len() > n) {
            best = Some((run[0], run.len()));
        }
    }
    best.map(|(value, _)| value).expect("no events")
}

#[test]
fn any_project_counts_a_facet_without_its_own_choice_but_with_the_others() {
    for (name, catalog) in projects() {
        let index = SearchIndex::new(&catalog);
        let year = most_common(catalog.events.iter().map(|e| e.start.year));
        let kind = most_common(catalog.events.iter().map(|e| e.kind));
        let both = |e: &Event| e.kind == kind && e.start.year == year;
        let filter = EventFilter::from_query(&format!("year={year}&type={}", kind.key()));
        let result = run(&catalog, &index, &filter);
        assert_eq!(result.events, recount(&catalog, both), "{name}");
        // Years: events of the type per year, whatever year is chosen.
        for v in &result.facets.years {
            let y: i32 = v.value.parse().unwrap();
            let expected = recount(&catalog, |e| e.kind == kind && e.start.year == y);
            assert_eq!(v.count, expected.len(), "{name}: year {y}");
            assert_eq!(v.selected, y == year);
        }
        // Types: events of the year per type.
        for v in &result.facets.types {
            let k = EventType::from_key(&v.value).unwrap();
            let expected = recount(&catalog, |e| e.kind == k && e.start.year == year);
            assert_eq!(v.count, expected.len(), "{name}: type {k:?}");
            assert_eq!(v.selected, k == kind);
        }
        // The other facets: both choices hold.
        for v in &result.facets.cities {
            let expected = recount(&catalog, |e| both(e) && has_city(e, &v.value));
            assert_eq!(v.count, expected.len(), "{name}: city {}", v.value);
        }
        for v in &result.facets.organisations {
            let expected = recount(&catalog, |e| {
                both(e) && e.all_organisation_ids().contains(&v.value.as_str())
            });
            assert_eq!(v.count, expected.len(), "{name}: organisation {}", v.value);
        }
        for v in &result.facets.topics {
            let expected = recount(&catalog, |e| both(e) && e.topics.contains(&v.value));
            assert_eq!(v.count, expected.len(), "{name}: topic {}", v.value);
        }
        // Years without the type and types absent from the year show that the other facet
        // counts.
        assert!(result.facets.years.iter().any(|v| v.count == 0), "{name}");
        assert!(result.facets.types.iter().any(|v| v.count == 0), "{name}");
    }
}

#[test]
fn any_project_lists_only_the_values_its_events_have_in_their_order() {
    for (name, catalog) in projects() {
        let index = SearchIndex::new(&catalog);
        let result = run(&catalog, &index, &EventFilter::default());

        let years = names(&result.facets.years);
        let mut expected_years: Vec<i32> = catalog.events.iter().map(|e| e.start.year).collect();
        expected_years.sort_unstable_by(|a, b| b.cmp(a));
        expected_years.dedup();
        let expected_years: Vec<String> = expected_years.iter().map(i32::to_string).collect();
        assert_eq!(years, expected_years, "{name}");

        let types = names(&result.facets.types);
        let expected: Vec<&str> = EventType::ALL
            .iter()
            .filter(|t| catalog.events.iter().any(|e| e.kind == **t))
            .map(|t| t.key())
            .collect();
        assert_eq!(types, expected, "{name}");
        // Neither project has every type: the missing ones are left out.
        assert!(expected.len() < EventType::ALL.len(), "{name}");

        let cities: Vec<(&str, usize)> = result
            .facets
            .cities
            .iter()
            .map(|v| (v.value.as_str(), v.count))
            .collect();
        // Most events first, equal counts in id order.
        let mut expected: Vec<(&str, usize)> = Vec::new();
        for city in &catalog.cities {
            let n = recount(&catalog, |e| has_city(e, &city.id)).len();
            if n > 0 {
                expected.push((city.id.as_str(), n));
            }
        }
        expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        assert_eq!(cities, expected, "{name}");
        // Some cities have as many events as each other, so the tie-break is exercised.
        assert!(
            expected.windows(2).any(|pair| pair[0].1 == pair[1].1),
            "{name}"
        );
    }
}

#[test]
fn values_without_results_stay_listed_with_zero() {
    let catalog = shipped_catalog();
    let index = SearchIndex::new(&catalog);
    let result = run(&catalog, &index, &EventFilter::from_query("q=climathon"));
    // Only the two Climathons name it: Sestao's of 2020 and Smolyan's of 2021.
    assert_eq!(
        slugs(&catalog, &result.events),
        ["climathon-smolyan-2021", "climathon-sestao-2020"]
    );
    let every_year: Vec<String> = run(&catalog, &index, &EventFilter::default())
        .facets
        .years
        .into_iter()
        .map(|v| v.value)
        .collect();
    let listed: Vec<String> = result
        .facets
        .years
        .iter()
        .map(|v| v.value.clone())
        .collect();
    assert_eq!(listed, every_year);
    for v in &result.facets.years {
        let matching = result
            .events
            .iter()
            .filter(|&&i| catalog.events[i].start.year.to_string() == v.value)
            .count();
        assert_eq!(v.count, matching, "year {}", v.value);
    }
    assert_eq!(value(&result.facets.years, "2018").count, 0);
}

#[test]
fn terms_carry_both_spellings_and_the_stem_for_highlighting() {
    let catalog = shipped_catalog();
    let index = SearchIndex::new(&catalog);
    let result = run(
        &catalog,
        &index,
        &EventFilter::from_query("q=Алба+Юлия+alba"),
    );
    assert_eq!(result.terms, ["alba", "yulia", "yuliya", "yuli"]);
}

#[test]
fn empty_state_hint_names_the_constraint_that_brings_back_most() {
    let catalog = shipped_catalog();
    let index = SearchIndex::new(&catalog);
    let hackathon = |e: &Event| e.kind == EventType::Hackathon;
    let hint = |query: &str| empty_state_hint(&catalog, &index, &EventFilter::from_query(query));

    // No hackathon was in Písek or in 2022, so only dropping the type brings something back:
    // Písek's one event of 2022, the consortium meeting.
    let filter = EventFilter::from_query("year=2022&type=hackathon&city=pisek");
    assert_eq!(count(&catalog, &index, &filter), 0);
    assert!(recount(&catalog, |e| hackathon(e) && has_city(e, "pisek")).is_empty());
    assert!(recount(&catalog, |e| hackathon(e) && e.start.year == 2022).is_empty());
    let pisek_2022 = recount(&catalog, |e| has_city(e, "pisek") && e.start.year == 2022);
    assert_eq!(
        hint("year=2022&type=hackathon&city=pisek"),
        Some((
            Constraint::Value(Facet::Type, "hackathon".into()),
            pisek_2022.len()
        ))
    );

    // No workshop mentions Smolyan: without the type every Smolyan event is back, more than
    // the workshops that come back without the text.
    let smolyan = count(&catalog, &index, &EventFilter::from_query("q=smolyan"));
    let workshops = recount(&catalog, |e| e.kind == EventType::Workshop).len();
    assert!(smolyan > workshops);
    assert_eq!(
        hint("type=workshop&q=smolyan"),
        Some((Constraint::Value(Facet::Type, "workshop".into()), smolyan))
    );

    // No event of 2019 mentions Smolyan, and 2019 has fewer events than mention it.
    let of_2019 = recount(&catalog, |e| e.start.year == 2019).len();
    assert!(smolyan > of_2019);
    assert_eq!(
        hint("year=2019&q=smolyan"),
        Some((Constraint::Value(Facet::Year, "2019".into()), smolyan))
    );

    // Smolyan's Climathon, the one hackathon of 2021, does not mention Trondheim, and no other
    // hackathon or event of 2021 does either.
    let hackathons_2021 = recount(&catalog, |e| hackathon(e) && e.start.year == 2021).len();
    assert!(hackathons_2021 > 0);
    assert_eq!(
        hint("year=2021&type=hackathon&q=trondheim"),
        Some((Constraint::Text, hackathons_2021))
    );

    // Results, or nothing a single removal fixes: no hint.
    assert_eq!(hint("city=pisek"), None);
    assert_eq!(hint("q=zzzz+qqqq&year=2019&type=hackathon"), None);
}

#[test]
fn sanitize_drops_values_no_event_has() {
    let catalog = shipped_catalog();
    // Dropped: a year and a city with no events, site visits (the shipped file has none), the
    // Energy Agency of Plovdiv (listed among the organisations but on no event) and an unknown
    // topic. Kept: 2022, workshops, Písek, NTNU and storytelling, all on events.
    let mut filter = EventFilter::from_query(
        "year=1999&year=2022&type=site_visit&type=workshop&city=atlantis&city=pisek\
         &org=energy-agency-plovdiv&org=ntnu&topic=none&topic=storytelling&q=x",
    );
    assert!(catalog.organisation("energy-agency-plovdiv").is_some());
    filter.sanitize(&SearchIndex::without_words(&catalog));
    assert_eq!(
        filter.to_query(),
        "year=2022&type=workshop&city=pisek&org=ntnu&topic=storytelling&q=x"
    );
}

#[test]
fn any_project_groups_by_year_and_month_in_the_given_order() {
    for (name, catalog) in projects() {
        let index = SearchIndex::new(&catalog);
        for sort in ["", "sort=oldest"] {
            let found = run(&catalog, &index, &EventFilter::from_query(sort)).events;
            let groups = group_by_month(&catalog, &found);
            let mut years: Vec<i32> = found
                .iter()
                .map(|&i| catalog.events[i].start.year)
                .collect();
            years.dedup();
            assert_eq!(groups.iter().map(|g| g.year).collect::<Vec<_>>(), years);
            for group in &groups {
                let of_year: Vec<usize> = found
                    .iter()
                    .copied()
                    .filter(|&i| catalog.events[i].start.year == group.year)
                    .collect();
                let mut months: Vec<Option<u8>> = of_year
                    .iter()
                    .map(|&i| catalog.events[i].start.month)
                    .collect();
                months.dedup();
                let listed: Vec<Option<u8>> = group.months.iter().map(|m| m.month).collect();
                assert_eq!(listed, months, "{name} {sort}: {}", group.year);
                let flat: Vec<usize> = group
                    .months
                    .iter()
                    .flat_map(|m| m.events.iter().copied())
                    .collect();
                assert_eq!(flat, of_year, "{name} {sort}: {}", group.year);
            }
        }
        assert!(group_by_month(&catalog, &[]).is_empty());
        assert!(group_by_month(&catalog, &[9999]).is_empty());
    }
}

#[test]
fn a_start_known_only_to_the_year_is_grouped_after_its_months_when_newest_is_first() {
    for (name, mut catalog) in projects() {
        // The year's newest event, dated to its year only.
        let year = most_common(catalog.events.iter().map(|e| e.start.year));
        let Some(moved) = catalog.events.iter().rposition(|e| e.start.year == year) else {
            panic!("{name}: no event in {year}");
        };
        catalog.events[moved].start = PartialDate {
            year,
            month: None,
            day: None,
        };
        let slug = catalog.events[moved].slug.clone();
        let catalog = Catalog::new(
            catalog.site,
            catalog.cities,
            catalog.organisations,
            catalog.people,
            catalog.topics,
            catalog.events,
            catalog.problems,
        );
        let index = SearchIndex::new(&catalog);
        let found = run(
            &catalog,
            &index,
            &EventFilter::from_query(&format!("year={year}")),
        );
        let groups = group_by_month(&catalog, &found.events);
        let last = groups[0].months.last().expect("a month");
        assert_eq!(last.month, None, "{name}");
        assert_eq!(slugs(&catalog, &last.events), [slug], "{name}");
        assert!(groups[0].months.len() > 1, "{name}");
    }
}

#[test]
fn generated_catalog_is_deterministic_and_uses_the_base_lists() {
    let base = shipped_catalog();
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
    let catalog = shipped_catalog();
    let index = SearchIndex::new(&catalog);
    assert_eq!(index.len(), catalog.events.len());
    let Some(i) = catalog.event_index("consortium-meeting-pisek-2022") else {
        panic!("shipped event missing");
    };
    let key = index.key(i);
    // From its titles, host city, lead partner, delegates, agenda and the cities taking part.
    for word in [
        "sreshta",
        "consortium",
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
    /// Words to search for: the catalog's own city names and their beginnings, and a few that
    /// find nothing or are short.
    words: Vec<String>,
}

impl Generated {
    fn new(base: &Catalog) -> Self {
        let catalog = synthetic_catalog(base, 400, 2024);
        let index = SearchIndex::new(&catalog);
        let keys = (0..catalog.events.len()).map(|e| index.key(e)).collect();
        let mut words: Vec<String> = ["", "", "", "zzz", "12", "в", "no. 1", "енергия", "mobility"]
            .map(str::to_owned)
            .to_vec();
        for city in catalog.cities.iter().take(4) {
            let (bg, en) = (city.name.get(Lang::Bg), city.name.get(Lang::En));
            words.push(bg.to_owned());
            words.push(en.to_lowercase());
            words.push(en.chars().take(3).collect());
            words.push(bg.chars().take(2).collect());
            words.push(format!("{en} {bg}"));
        }
        Generated {
            catalog,
            index,
            keys,
            words,
        }
    }
}

/// 400 events generated over the shipped file's lists, and over the second project's.
fn generated(project: usize) -> &'static Generated {
    static DATA: [OnceLock<Generated>; 2] = [OnceLock::new(), OnceLock::new()];
    DATA[project].get_or_init(|| {
        let base = if project == 0 {
            shipped_catalog()
        } else {
            second_project()
        };
        Generated::new(&base)
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

fn arb_filter(data: &'static Generated) -> impl Strategy<Value = EventFilter> {
    let catalog = &data.catalog;
    let cities: Vec<String> = catalog
        .cities
        .iter()
        .map(|c| c.id.clone())
        .chain(["atlantis".to_owned()])
        .collect();
    let orgs: Vec<String> = catalog.organisations.iter().map(|o| o.id.clone()).collect();
    let topics: Vec<String> = catalog.topics.iter().map(|t| t.id.clone()).collect();
    (
        proptest::collection::btree_set(2017i32..=2024, 0..3),
        proptest::collection::btree_set(proptest::sample::select(EventType::ALL.to_vec()), 0..3),
        proptest::collection::btree_set(proptest::sample::select(cities), 0..3),
        proptest::collection::btree_set(proptest::sample::select(orgs), 0..3),
        proptest::collection::btree_set(proptest::sample::select(topics), 0..3),
        proptest::sample::select(data.words.clone()),
        any::<bool>(),
    )
        .prop_map(
            |(years, types, cities, organisations, topics, text, oldest)| EventFilter {
                years,
                types,
                cities,
                organisations,
                topics,
                text,
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
    fn results_and_facet_counts_match_a_plain_recount(
        (project, filter) in (0..2usize).prop_flat_map(|p| (Just(p), arb_filter(generated(p))))
    ) {
        let data = generated(project);
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
    fn the_hint_is_the_best_single_removal(
        (project, filter) in (0..2usize).prop_flat_map(|p| (Just(p), arb_filter(generated(p))))
    ) {
        let data = generated(project);
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
    for project in 0..2 {
        let (catalog, index) = (&generated(project).catalog, &generated(project).index);
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
}

#[test]
fn facet_values_keep_their_order_while_filtering() {
    let catalog = shipped_catalog();
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

#[test]
fn a_search_that_finds_nothing_offers_the_nearest_words_in_the_script_typed() {
    let catalog = shipped_catalog();
    let index = SearchIndex::new(&catalog);
    let offer = |text: &str| did_you_mean(&catalog, &index, &typed(text));
    // One letter off, in Latin: the Latin spelling; in Cyrillic: as the archive writes it.
    let latin = offer("pisk");
    assert!(latin.contains(&"pisek".to_owned()), "{latin:?}");
    let cyrillic = offer("Писк");
    assert!(cyrillic.iter().any(|s| s == "Писек"), "{cyrillic:?}");
    // Every offer finds something; a word that finds something stays as typed.
    for query in latin.iter().chain(&cyrillic) {
        assert!(count(&catalog, &index, &typed(query)) > 0, "{query}");
    }
    let two = offer("смолян pisk");
    assert!(two.iter().all(|q| q.starts_with("смолян ")), "{two:?}");
    // Nothing to offer when the search finds something, or nothing is near.
    assert!(offer("pisek").is_empty());
    assert!(offer("qqqqzzzz").is_empty());
    assert!(offer("").is_empty());
}

#[test]
fn any_project_offers_a_city_name_typed_with_a_letter_missing_in_the_script_typed() {
    for (name, catalog) in projects() {
        let index = SearchIndex::new(&catalog);
        let offer = |text: &str| did_you_mean(&catalog, &index, &typed(text));
        // One-word names of cities with events, long enough that a missing letter leaves a
        // word nearer to them than to others.
        let mut checked = 0;
        for city in &catalog.cities {
            if recount(&catalog, |e| has_city(e, &city.id)).is_empty() {
                continue;
            }
            for (lang, as_offered) in [
                (Lang::En, fold_for_search(city.name.get(Lang::En))),
                (Lang::Bg, city.name.get(Lang::Bg).to_owned()),
            ] {
                let written = city.name.get(lang);
                if written.chars().count() < 6 || written.contains(char::is_whitespace) {
                    continue;
                }
                let typo: String = written
                    .chars()
                    .enumerate()
                    .filter(|&(i, _)| i != 3)
                    .map(|(_, c)| c)
                    .collect();
                if count(&catalog, &index, &typed(&typo)) > 0 {
                    continue;
                }
                let offered = offer(&typo);
                assert!(
                    offered.contains(&as_offered),
                    "{name}: {typo} -> {offered:?}"
                );
                for query in &offered {
                    assert!(!find(&catalog, query).is_empty(), "{name}: {query}");
                }
                checked += 1;
            }
        }
        assert!(checked >= 4, "{name}: only {checked} names checked");
    }
}
