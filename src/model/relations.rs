//! How events relate: chronological neighbours, related events, and the slugs closest to a
//! mistyped one.

use std::collections::HashMap;

use super::catalog::Catalog;
use super::types::Event;

/// How much of a mistyped address is compared with the slugs (a slug has at most 120
/// characters): a longer one costs no more than this.
pub const MAX_WANTED_CHARS: usize = 240;

/// The events just before and after one, in date order.
pub fn neighbours(catalog: &Catalog, index: usize) -> (Option<usize>, Option<usize>) {
    let previous = index.checked_sub(1);
    let next = (index + 1 < catalog.events.len()).then_some(index + 1);
    (previous, next)
}

/// Which events name each topic and each city, built once per catalog on first use, so
/// that finding the related events of every event (the prerender) does not compare every
/// pair of events.
#[derive(Debug, Clone, Default)]
pub(super) struct RelationIndex {
    /// Topic id → the events that name it, once per time they name it.
    topics: HashMap<String, Vec<usize>>,
    /// City id → the events that name it (an event's cities are distinct).
    cities: HashMap<String, Vec<usize>>,
}

impl RelationIndex {
    pub(super) fn new(events: &[Event]) -> Self {
        let mut index = RelationIndex::default();
        for (i, event) in events.iter().enumerate() {
            for topic in &event.topics {
                index.topics.entry(topic.clone()).or_default().push(i);
            }
            for city in event.all_city_ids() {
                index.cities.entry(city.to_owned()).or_default().push(i);
            }
        }
        index
    }
}

/// Up to `limit` events that share the most with the given one: each shared topic counts 2,
/// each shared city 1, the host city 1 more; ties go to the nearer date. Events sharing
/// nothing are never "related".
pub fn related(catalog: &Catalog, index: usize, limit: usize) -> Vec<usize> {
    let Some(event) = catalog.events.get(index) else {
        return Vec::new();
    };
    let lookup = catalog.relation_index();
    let mut scores = vec![0usize; catalog.events.len()];
    let mut touched = Vec::new();
    let mut add = |postings: Option<&Vec<usize>>, points: usize| {
        for &other in postings.into_iter().flatten() {
            let Some(score) = scores.get_mut(other) else {
                continue;
            };
            if *score == 0 {
                touched.push(other);
            }
            *score += points;
        }
    };
    let mut topics: Vec<&str> = event.topics.iter().map(String::as_str).collect();
    topics.sort_unstable();
    topics.dedup();
    for topic in topics {
        add(lookup.topics.get(topic), 2);
    }
    for city in event.all_city_ids() {
        add(lookup.cities.get(city), 1);
    }
    if let Some(host) = event.host.as_ref().and_then(|h| h.city.as_deref()) {
        add(lookup.cities.get(host), 1);
    }
    let day = event.start.day_number();
    // Best first: more shared, then nearer in time, then earlier in the list.
    let order = |a: &(usize, i64, usize), b: &(usize, i64, usize)| {
        b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2))
    };
    // Only the best `limit` are kept as the candidates go by: in a large archive one topic is
    // shared by thousands of events, and sorting them all for every event page was most of
    // the time a publish spent.
    let mut best: Vec<(usize, i64, usize)> = Vec::with_capacity(limit + 1);
    for i in touched {
        if i == index || limit == 0 {
            continue;
        }
        let score = scores[i];
        if best.len() == limit && best.last().is_some_and(|worst| score < worst.0) {
            continue;
        }
        let Some(other) = catalog.events.get(i) else {
            continue;
        };
        let candidate = (score, (other.start.day_number() - day).abs(), i);
        let at = best.partition_point(|b| order(b, &candidate).is_lt());
        if at < limit {
            best.insert(at, candidate);
            best.truncate(limit);
        }
    }
    best.into_iter().map(|(_, _, i)| i).collect()
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Slugs that look like a mistyped or outdated one, best first: close by edit distance, or
/// sharing most of its words. Only the first [`MAX_WANTED_CHARS`] of `wanted` count.
pub fn closest_slugs(catalog: &Catalog, wanted: &str, limit: usize) -> Vec<usize> {
    let wanted: String = wanted
        .trim()
        .chars()
        .take(MAX_WANTED_CHARS)
        .collect::<String>()
        .to_lowercase();
    let length = wanted.chars().count();
    let words: Vec<&str> = wanted.split('-').filter(|w| w.len() > 2).collect();
    // Closest first: the distance less what the shared words make up for, then the distance
    // alone (two slugs sharing every word but one are told apart by their letters), then the
    // file's order.
    let mut scored: Vec<(isize, usize, usize)> = catalog
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let shared = words
                .iter()
                .filter(|w| e.slug.split('-').any(|s| s == **w))
                .count();
            let similar = !words.is_empty() && shared * 2 >= words.len();
            let threshold = (length / 3).max(2);
            // The distance is at least the difference in length: skip the table when that
            // alone rules a slug out.
            if !similar && length.abs_diff(e.slug.chars().count()) > threshold {
                return None;
            }
            let distance = edit_distance(&wanted, &e.slug);
            let close = distance <= threshold;
            (close || similar).then(|| (distance as isize - 4 * shared as isize, distance, i))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::types::*;
    use crate::model::PartialDate;

    fn event(slug: &str, start: PartialDate, cities: &[&str], topics: &[&str]) -> Event {
        Event {
            slug: slug.into(),
            kind: EventType::Workshop,
            start,
            end: None,
            published: None,
            title: Text::new(slug, slug),
            summary: Text::new("s", "s"),
            body: None,
            location: None,
            host: None,
            opened_by: None,
            participants: Participants {
                cities: cities.iter().map(|c| c.to_string()).collect(),
                ..Participants::default()
            },
            delegates: vec![],
            agenda: vec![],
            site_visits: vec![],
            topics: topics.iter().map(|t| t.to_string()).collect(),
            images: vec![],
            sources: vec![],
            note: None,
        }
    }

    pub(crate) fn site() -> Site {
        Site {
            publisher: Text::new("Община", "Municipality"),
            url: "https://example.org/".into(),
            canonical_url: "https://example.org/news/".into(),
            project: Project {
                name: Text::new("Проект", "Project"),
                acronym: "P".into(),
                programme: Text::new("Програма", "Programme"),
                grant_agreement: None,
                start: PartialDate::ym(2018, 11),
                end: PartialDate::ym(2023, 10),
                website: "https://example.org/p".into(),
                description: None,
                logo: None,
                funding: None,
            },
            breadcrumbs: vec![],
            languages: vec![Lang::Bg, Lang::En],
            contact: Link {
                label: Text::new("Контакт", "Contact"),
                url: None,
            },
            home_city: None,
            statement_date: None,
            contact_email: None,
            contact_phone: None,
            enforcement: None,
        }
    }

    fn catalog() -> Catalog {
        let d = PartialDate::ymd;
        Catalog::new(
            site(),
            vec![],
            vec![],
            vec![],
            vec![],
            vec![
                event("a", d(2020, 1, 1), &["gabrovo"], &["energy"]),
                event("b", d(2020, 2, 1), &["gabrovo", "parnu"], &[]),
                event("c", d(2021, 1, 1), &["galway"], &["energy", "people"]),
                event("d", d(2022, 1, 1), &["bilbao"], &[]),
                event("e", d(2019, 6, 1), &["gabrovo"], &["energy"]),
            ],
            vec![],
        )
    }

    #[test]
    fn neighbours_follow_date_order() {
        let c = catalog();
        let first = c.event_index("e").unwrap();
        assert_eq!(first, 0);
        assert_eq!(neighbours(&c, 0), (None, Some(1)));
        let last = c.events.len() - 1;
        assert_eq!(neighbours(&c, last), (Some(last - 1), None));
    }

    #[test]
    fn related_ranks_topics_over_cities_and_skips_unrelated() {
        let c = catalog();
        let a = c.event_index("a").unwrap();
        let slugs: Vec<&str> = related(&c, a, 3)
            .into_iter()
            .map(|i| c.events[i].slug.as_str())
            .collect();
        // e shares topic and city (3), c shares the topic (2), b shares the city (1); d nothing.
        assert_eq!(slugs, vec!["e", "c", "b"]);
    }

    #[test]
    fn closest_slugs_find_typos_and_shared_words() {
        let mut c = catalog();
        c.events.push(event(
            "consortium-meeting-gabrovo-2022",
            PartialDate::ym(2022, 11),
            &[],
            &[],
        ));
        let c = Catalog::new(
            c.site.clone(),
            vec![],
            vec![],
            vec![],
            vec![],
            c.events.clone(),
            vec![],
        );
        let hits = closest_slugs(&c, "consortium-meeting-gabrovo", 3);
        assert_eq!(c.events[hits[0]].slug, "consortium-meeting-gabrovo-2022");
        let typo = closest_slugs(&c, "consortium-meting-gabrovo-2022", 3);
        assert_eq!(c.events[typo[0]].slug, "consortium-meeting-gabrovo-2022");
        assert!(closest_slugs(&c, "zzzzzzzzzzzzzzzz", 3).is_empty());
    }

    #[test]
    fn the_slug_a_letter_away_comes_before_others_of_shared_words() {
        let d = PartialDate::ym;
        let events = vec![
            event("learning-session-ruse-2023", d(2023, 6), &[], &[]),
            event("learning-session-pleven-2023", d(2023, 5), &[], &[]),
            event("learning-session-gabrovo-2023", d(2023, 4), &[], &[]),
        ];
        let c = Catalog::new(
            catalog().site,
            vec![],
            vec![],
            vec![],
            vec![],
            events,
            vec![],
        );
        let hits = closest_slugs(&c, "learning-session-gabrovo-202", 3);
        assert_eq!(c.events[hits[0]].slug, "learning-session-gabrovo-2023");
        assert_eq!(hits.len(), 3, "the others share its words");
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("габрово", "габрова"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn related_scores_every_event_like_a_pairwise_comparison() {
        let d = PartialDate::ymd;
        let mut events = Vec::new();
        for i in 0..60u32 {
            let cities: Vec<&str> = ["gabrovo", "parnu", "galway", "bilbao"]
                .into_iter()
                .skip((i % 4) as usize)
                .take(1 + (i % 3) as usize)
                .collect();
            let topics: Vec<&str> = ["energy", "people", "mobility"]
                .into_iter()
                .skip((i % 3) as usize)
                .take((i % 2) as usize + 1)
                .collect();
            let mut e = event(
                &format!("e{i}"),
                d(2019 + (i % 4) as i32, 1 + (i % 12) as u8, 1),
                &cities,
                &topics,
            );
            if i % 5 == 0 {
                e.host = Some(Host {
                    city: Some(cities[0].to_owned()),
                    organisation: None,
                });
            }
            events.push(e);
        }
        let c = Catalog::new(site(), vec![], vec![], vec![], vec![], events, vec![]);
        for index in 0..c.events.len() {
            assert_eq!(
                related(&c, index, 5),
                related_pairwise(&c, index, 5),
                "{index}"
            );
        }
    }

    /// The scoring as first written: every event against every other.
    fn related_pairwise(catalog: &Catalog, index: usize, limit: usize) -> Vec<usize> {
        let event = &catalog.events[index];
        let cities = event.all_city_ids();
        let host = event.host.as_ref().and_then(|h| h.city.as_deref());
        let day = event.start.day_number();
        let mut scored: Vec<(usize, i64, usize)> = catalog
            .events
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .filter_map(|(i, other)| {
                let topics = other
                    .topics
                    .iter()
                    .filter(|t| event.topics.contains(t))
                    .count();
                let other_cities = other.all_city_ids();
                let shared = other_cities.iter().filter(|c| cities.contains(c)).count();
                let same_host = host.is_some() && other_cities.iter().any(|c| Some(*c) == host);
                let score = topics * 2 + shared + usize::from(same_host);
                (score > 0).then(|| (score, (other.start.day_number() - day).abs(), i))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
    }

    /// A 20,000-character address against 2,000 slugs used to fill an edit-distance table of
    /// 20,000 × 30 cells per slug (tens of seconds in a test build); only its first 240
    /// characters count now. The bound is loose: it catches the old cost, not noise.
    #[test]
    fn a_very_long_address_is_compared_by_its_start() {
        let d = PartialDate::ymd;
        let events: Vec<Event> = (0..2_000)
            .map(|i| {
                event(
                    &format!("consortium-meeting-number-{i}"),
                    d(2020, 1, 1),
                    &[],
                    &[],
                )
            })
            .collect();
        let c = Catalog::new(site(), vec![], vec![], vec![], vec![], events, vec![]);
        let started = std::time::Instant::now();
        let long = format!("consortium-meeting-number-7{}", "x".repeat(20_000));
        let hits = closest_slugs(&c, &long, 3);
        let took = started.elapsed();
        // Loose on purpose: it catches the whole-address comparison (minutes), not noise.
        assert!(took < std::time::Duration::from_secs(10), "{took:?}");
        // The start still finds its events (three of its four words are shared).
        assert_eq!(hits.len(), 3);
    }
}
