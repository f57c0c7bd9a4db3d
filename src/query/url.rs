//! The filter in the URL query: `year=2022&type=workshop&city=vetrovo&q=...&sort=oldest`.
//!
//! Reading never fails: a parameter that is unknown, badly encoded or has an impossible value
//! is skipped, because links get truncated, hand-edited and pasted from old versions.

use super::filter::{EventFilter, Facet, SortOrder};
use crate::text::{search_words, MAX_QUERY_CHARS};

const TEXT_KEY: &str = "q";
const SORT_KEY: &str = "sort";

impl EventFilter {
    /// Reads the part of a URL after `?` (the `?` itself may be included).
    pub fn from_query(query: &str) -> EventFilter {
        let mut filter = EventFilter::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        // A fragment is not part of the query, should one be passed along.
        let query = query.split('#').next().unwrap_or_default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(key), Some(value)) = (decode(raw_key), decode(raw_value)) else {
                continue;
            };
            match key.as_str() {
                TEXT_KEY => filter.text = searched_text(&value),
                SORT_KEY => match value.as_str() {
                    "oldest" => filter.sort = SortOrder::OldestFirst,
                    "newest" => filter.sort = SortOrder::NewestFirst,
                    _ => {}
                },
                other => {
                    if let Some(facet) = Facet::from_key(other) {
                        filter.insert(facet, &value);
                    }
                }
            }
        }
        filter
    }

    /// The query for this filter, without `?`; empty for the default view. Parameters come in
    /// a fixed order (facets, then `q`, then `sort`) so equal filters give equal URLs.
    pub fn to_query(&self) -> String {
        let mut out = String::new();
        let mut push = |key: &str, value: &str| {
            if !out.is_empty() {
                out.push('&');
            }
            out.push_str(key);
            out.push('=');
            encode_into(&mut out, value);
        };
        for facet in Facet::ALL {
            for value in self.values(facet) {
                push(facet.key(), &value);
            }
        }
        if !self.text.trim().is_empty() {
            push(TEXT_KEY, &self.text);
        }
        if self.sort == SortOrder::OldestFirst {
            push(SORT_KEY, "oldest");
        }
        out
    }
}

/// The text a search reads from what was typed or given in an address: its first
/// [`MAX_QUERY_CHARS`] characters (the search reads no more, and the address, the chip and
/// what a screen reader says stay that short), and nothing when they hold no word to search
/// for (blanks, invisible or control characters, punctuation alone). The field keeps what was
/// typed: a quotation mark typed first stays there for the word after it.
pub fn searched_text(text: &str) -> String {
    let end = text
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(text.len(), |(at, _)| at);
    let text = &text[..end];
    if search_words(text).is_empty() {
        String::new()
    } else {
        text.to_owned()
    }
}

/// Percent-encodes UTF-8, leaving only RFC 3986 unreserved characters as they are. Spaces
/// become `%20` rather than `+`, which every reader of URLs agrees on.
pub fn encode_into(out: &mut String, value: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
}

/// Decodes `application/x-www-form-urlencoded` text: `+` is a space, `%XX` a byte. `None` for
/// a broken escape or bytes that are not UTF-8.
pub fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let high = hex_digit(*bytes.get(i + 1)?)?;
                let low = hex_digit(*bytes.get(i + 2)?)?;
                out.push(high << 4 | low);
                i += 2;
            }
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use proptest::prelude::*;

    use super::*;
    use crate::model::EventType;
    use crate::query::filter::MAX_VALUES_PER_FACET;

    #[test]
    fn reads_every_parameter() {
        let filter = EventFilter::from_query(
            "?year=2022&year=2023&type=workshop&city=vetrovo&org=acme-lab&topic=storytelling&q=%D0%91%D0%B5%D0%BB%D0%BE%D1%80%D0%B5%D1%87%D0%B8%D0%B5+energy&sort=oldest",
        );
        assert_eq!(filter.years, BTreeSet::from([2022, 2023]));
        assert_eq!(filter.types, BTreeSet::from([EventType::Workshop]));
        assert_eq!(filter.cities, BTreeSet::from(["vetrovo".to_owned()]));
        assert_eq!(
            filter.organisations,
            BTreeSet::from(["acme-lab".to_owned()])
        );
        assert_eq!(filter.topics, BTreeSet::from(["storytelling".to_owned()]));
        assert_eq!(filter.text, "Белоречие energy");
        assert_eq!(filter.sort, SortOrder::OldestFirst);
    }

    #[test]
    fn writes_a_stable_encoded_query() {
        let mut filter =
            EventFilter::from_query("sort=oldest&q=Ветрово 2022&city=vetrovo&year=2023&year=2019");
        assert_eq!(
            filter.to_query(),
            "year=2019&year=2023&city=vetrovo&q=%D0%92%D0%B5%D1%82%D1%80%D0%BE%D0%B2%D0%BE%202022&sort=oldest"
        );
        filter.clear();
        filter.sort = SortOrder::NewestFirst;
        assert_eq!(filter.to_query(), "");
    }

    #[test]
    fn malformed_parameters_are_skipped() {
        let filter = EventFilter::from_query(
            "year=20x2&year=&year=99999&year=-5&type=party&city=&q=%zz&sort=sideways&foo=bar&&=&%&city=%E2%28&org=ok&year=2021",
        );
        assert_eq!(filter.years, BTreeSet::from([2021]));
        assert!(filter.types.is_empty());
        assert!(filter.cities.is_empty());
        assert_eq!(filter.organisations, BTreeSet::from(["ok".to_owned()]));
        assert_eq!(filter.text, "");
        assert_eq!(filter.sort, SortOrder::NewestFirst);
    }

    #[test]
    fn plus_and_percent_twenty_are_spaces() {
        assert_eq!(EventFilter::from_query("q=a+b%20c").text, "a b c");
        assert_eq!(EventFilter::from_query("q=a%2Bb").text, "a+b");
    }

    #[test]
    fn blank_text_reads_as_no_text() {
        assert_eq!(EventFilter::from_query("q=+++").text, "");
        // Invisible, control and direction characters, punctuation alone: nothing to search.
        for q in [
            "%00",
            "%EF%BF%BF",
            "%E2%80%8B%E2%80%8C%E2%80%8D%EF%BB%BF",
            "%E2%80%AE",
            "!%3F",
        ] {
            assert_eq!(EventFilter::from_query(&format!("q={q}")).text, "", "{q}");
        }
        assert_eq!(
            EventFilter::from_query("q=%E2%80%AEevil").text,
            "\u{202e}evil"
        );
    }

    #[test]
    fn a_long_text_is_read_to_what_the_search_reads() {
        let long = "дума ".repeat(100);
        let filter = EventFilter::from_query(&format!("q={}", long.replace(' ', "+")));
        assert_eq!(filter.text.chars().count(), crate::text::MAX_QUERY_CHARS);
        assert!(long.starts_with(&filter.text));
        assert_eq!(EventFilter::from_query(&filter.to_query()), filter);
    }

    fn arb_filter() -> impl Strategy<Value = EventFilter> {
        let id = "[a-z0-9-]{1,12}";
        (
            proptest::collection::btree_set(0i32..=9999, 0..4),
            proptest::collection::btree_set(0usize..EventType::ALL.len(), 0..4),
            proptest::collection::btree_set(id, 0..3),
            proptest::collection::btree_set(id, 0..3),
            proptest::collection::btree_set(".{0,8}", 0..3),
            ".{0,20}",
            any::<bool>(),
        )
            .prop_map(
                |(years, types, cities, organisations, topics, text, oldest)| EventFilter {
                    years,
                    types: types.into_iter().map(|i| EventType::ALL[i]).collect(),
                    cities,
                    organisations,
                    topics: topics.into_iter().filter(|t| !t.is_empty()).collect(),
                    // As the app holds it: what a search reads of the text.
                    text: searched_text(&text),
                    sort: if oldest {
                        SortOrder::OldestFirst
                    } else {
                        SortOrder::NewestFirst
                    },
                },
            )
    }

    /// Queries of pairs: known keys (one of them percent-encoded) and soup of escapes (broken
    /// ones too), with values of digits (years too long among them), soup, a type, a sort word
    /// and an escaped `%`; shuffled among them, up to 80 distinct values of one facet, more
    /// than it keeps.
    fn percent_soup() -> impl Strategy<Value = String> {
        let soup = "(%[0-9A-Fa-f]{2}|[%a-f0-9=+qyeartp]){0,6}";
        let key = prop_oneof![
            2 => Just("year".to_owned()),
            1 => Just("%79ear".to_owned()),
            1 => Just("type".to_owned()),
            1 => Just("city".to_owned()),
            1 => Just("org".to_owned()),
            1 => Just("topic".to_owned()),
            1 => Just("q".to_owned()),
            1 => Just("sort".to_owned()),
            2 => soup,
        ];
        let value = prop_oneof![
            4 => "[0-9]{0,5}",
            4 => soup,
            1 => Just("workshop".to_owned()),
            1 => Just("%77orkshop".to_owned()),
            1 => Just("oldest".to_owned()),
            1 => Just("+%20".to_owned()),
            1 => Just("100%25".to_owned()),
            1 => Just("%E2%28".to_owned()),
        ];
        let many = prop_oneof![Just("year"), Just("city"), Just("org"), Just("topic")];
        (
            proptest::collection::vec((key, value), 0..60),
            many,
            0usize..80,
        )
            .prop_map(|(pairs, facet, count)| {
                let mut parts: Vec<String> =
                    pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
                parts.extend((0..count).map(|i| format!("{facet}={i}")));
                parts
            })
            .prop_shuffle()
            .prop_map(|parts| parts.join("&"))
    }

    proptest! {
        #[test]
        fn state_survives_a_round_trip_through_the_url(filter in arb_filter()) {
            let query = filter.to_query();
            prop_assert_eq!(EventFilter::from_query(&query), filter.clone());
            prop_assert_eq!(EventFilter::from_query(&format!("?{query}")), filter.clone());
            prop_assert_eq!(query.is_empty(), filter.is_default());
        }

        #[test]
        fn any_query_string_is_read_without_panicking(query in ".{0,80}") {
            let filter = EventFilter::from_query(&query);
            // Whatever was read writes out and reads back the same.
            prop_assert_eq!(EventFilter::from_query(&filter.to_query()), filter);
        }

        #[test]
        fn percent_soup_reads_only_what_it_holds_within_the_caps(query in percent_soup()) {
            let filter = EventFilter::from_query(&query);
            // The pairs as a reader sees them; a pair that does not decode holds nothing.
            let pairs: Vec<(String, String)> = query
                .split('&')
                .filter_map(|pair| {
                    let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
                    Some((decode(key)?, decode(value)?))
                })
                .collect();
            let given = |key: &str, value: &str| pairs.iter().any(|(k, v)| k == key && v == value);
            for facet in Facet::ALL {
                let values = filter.values(facet);
                prop_assert!(
                    values.len() <= MAX_VALUES_PER_FACET,
                    "{} holds {} values", facet.key(), values.len()
                );
                for value in &values {
                    prop_assert!(!value.is_empty(), "an empty {} was kept", facet.key());
                    // A year is kept as a number: `0042` is 42.
                    let held = match facet {
                        Facet::Year => pairs.iter().any(|(k, v)| {
                            k == "year"
                                && (1..=4).contains(&v.len())
                                && v.bytes().all(|b| b.is_ascii_digit())
                                && v.parse::<i32>().is_ok_and(|y| y.to_string() == *value)
                        }),
                        _ => given(facet.key(), value),
                    };
                    prop_assert!(held, "{}={} is not in the query", facet.key(), value);
                }
            }
            prop_assert!(
                filter.text.is_empty()
                    || (!filter.text.trim().is_empty() && given(TEXT_KEY, &filter.text)),
                "text {:?} is blank or not in the query",
                filter.text
            );
            if filter.sort == SortOrder::OldestFirst {
                prop_assert!(given(SORT_KEY, "oldest"));
            }
            // Whatever was read writes out and reads back the same.
            prop_assert_eq!(EventFilter::from_query(&filter.to_query()), filter);
        }

        #[test]
        fn decoding_undoes_encoding(value in ".{0,30}") {
            let mut encoded = String::new();
            encode_into(&mut encoded, &value);
            prop_assert!(encoded.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert_eq!(decode(&encoded), Some(value));
        }
    }
}
