//! How events relate: chronological neighbours, related events, and the slugs closest to a
//! mistyped one.

use super::catalog::Catalog;

/// The events just before and after one, in date order.
pub fn neighbours(catalog: &Catalog, index: usize) -> (Option<usize>, Option<usize>) {
    let previous = index.checked_sub(1);
    let next = (index + 1 < catalog.events.len()).then_some(index + 1);
    (previous, next)
}

/// Up to `limit` events that share the most with the given one: each shared topic counts 2,
/// each shared city 1, the host city 1 more; ties go to the nearer date. Events sharing
/// nothing are never "related".
pub fn related(catalog: &Catalog, index: usize, limit: usize) -> Vec<usize> {
    let Some(event) = catalog.events.get(index) else {
        return Vec::new();
    };
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
            let shared_cities = other_cities.iter().filter(|c| cities.contains(c)).count();
            let same_host = host.is_some() && other_cities.iter().any(|c| Some(*c) == host);
            let score = topics * 2 + shared_cities + usize::from(same_host);
            (score > 0).then(|| (score, (other.start.day_number() - day).abs(), i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    scored.into_iter().take(limit).map(|(_, _, i)| i).collect()
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
/// sharing most of its words.
pub fn closest_slugs(catalog: &Catalog, wanted: &str, limit: usize) -> Vec<usize> {
    let wanted = wanted.trim().to_lowercase();
    let words: Vec<&str> = wanted.split('-').filter(|w| w.len() > 2).collect();
    let mut scored: Vec<(usize, usize)> = catalog
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let distance = edit_distance(&wanted, &e.slug);
            let shared = words
                .iter()
                .filter(|w| e.slug.split('-').any(|s| s == **w))
                .count();
            let close = distance <= (wanted.chars().count() / 3).max(2);
            let similar = !words.is_empty() && shared * 2 >= words.len();
            (close || similar).then(|| (distance.saturating_sub(shared * 4), i))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(limit).map(|(_, i)| i).collect()
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
                event("a", d(2020, 1, 1), &["pisek"], &["energy"]),
                event("b", d(2020, 2, 1), &["pisek", "voru"], &[]),
                event("c", d(2021, 1, 1), &["limerick"], &["energy", "people"]),
                event("d", d(2022, 1, 1), &["sestao"], &[]),
                event("e", d(2019, 6, 1), &["pisek"], &["energy"]),
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
            "consortium-meeting-pisek-2022",
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
        let hits = closest_slugs(&c, "consortium-meeting-pisek", 3);
        assert_eq!(c.events[hits[0]].slug, "consortium-meeting-pisek-2022");
        let typo = closest_slugs(&c, "consortium-meting-pisek-2022", 3);
        assert_eq!(c.events[typo[0]].slug, "consortium-meeting-pisek-2022");
        assert!(closest_slugs(&c, "zzzzzzzzzzzzzzzz", 3).is_empty());
    }

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("писек", "писак"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
