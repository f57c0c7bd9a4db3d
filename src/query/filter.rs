//! The timeline's view state: which facet values and words narrow it, and its sort order.

use std::collections::BTreeSet;

use super::index::SearchIndex;
use crate::model::EventType;

/// Which way the timeline runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortOrder {
    #[default]
    NewestFirst,
    OldestFirst,
}

/// A dimension the timeline can be narrowed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Year,
    Type,
    City,
    Organisation,
    Topic,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Year,
        Facet::Type,
        Facet::City,
        Facet::Organisation,
        Facet::Topic,
    ];

    /// The URL parameter name.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Year => "year",
            Facet::Type => "type",
            Facet::City => "city",
            Facet::Organisation => "org",
            Facet::Topic => "topic",
        }
    }

    pub fn from_key(key: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// One thing that narrows the timeline, for "remove this" offers.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Constraint {
    /// A value of a facet, as in the URL ("2022", "workshop", a city id).
    Value(Facet, String),
    /// The free-text search.
    Text,
}

/// What the timeline shows. Values of one facet combine with OR, facets and words with AND.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EventFilter {
    pub years: BTreeSet<i32>,
    pub types: BTreeSet<EventType>,
    pub cities: BTreeSet<String>,
    pub organisations: BTreeSet<String>,
    pub topics: BTreeSet<String>,
    /// As typed; folded only when matching.
    pub text: String,
    pub sort: SortOrder,
}

/// The most values one facet holds. A hand-made link can list thousands; no visitor ticks
/// more than a few, and each value costs a chip and a pass in [`EventFilter::sanitize`].
pub const MAX_VALUES_PER_FACET: usize = 50;

/// A year as written in URLs: one to four digits, nothing else.
pub(super) fn parse_year(value: &str) -> Option<i32> {
    if value.is_empty() || value.len() > 4 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse().ok()
}

impl EventFilter {
    /// True when nothing narrows the timeline and the sort is the default one.
    pub fn is_default(&self) -> bool {
        !self.has_constraints() && self.sort == SortOrder::default()
    }

    /// True when any facet value or any search word is set.
    pub fn has_constraints(&self) -> bool {
        !(self.years.is_empty()
            && self.types.is_empty()
            && self.cities.is_empty()
            && self.organisations.is_empty()
            && self.topics.is_empty()
            && self.text.trim().is_empty())
    }

    /// Whether `value` (as in the URL) is selected in `facet`.
    pub fn contains(&self, facet: Facet, value: &str) -> bool {
        match facet {
            Facet::Year => parse_year(value).is_some_and(|y| self.years.contains(&y)),
            Facet::Type => EventType::from_key(value).is_some_and(|t| self.types.contains(&t)),
            Facet::City => self.cities.contains(value),
            Facet::Organisation => self.organisations.contains(value),
            Facet::Topic => self.topics.contains(value),
        }
    }

    /// Selects `value` in `facet`. A value that cannot be valid (a non-numeric year, an
    /// unknown type, an empty id) is ignored, and so is any beyond [`MAX_VALUES_PER_FACET`].
    pub fn insert(&mut self, facet: Facet, value: &str) {
        if self.count(facet) >= MAX_VALUES_PER_FACET {
            return;
        }
        match facet {
            Facet::Year => {
                if let Some(year) = parse_year(value) {
                    self.years.insert(year);
                }
            }
            Facet::Type => {
                if let Some(kind) = EventType::from_key(value) {
                    self.types.insert(kind);
                }
            }
            Facet::City | Facet::Organisation | Facet::Topic => {
                if !value.is_empty() {
                    self.ids_mut(facet).insert(value.to_owned());
                }
            }
        }
    }

    /// How many values of `facet` are selected.
    pub fn count(&self, facet: Facet) -> usize {
        match facet {
            Facet::Year => self.years.len(),
            Facet::Type => self.types.len(),
            Facet::City => self.cities.len(),
            Facet::Organisation => self.organisations.len(),
            Facet::Topic => self.topics.len(),
        }
    }

    /// Deselects `value` in `facet`; nothing happens when it was not selected.
    pub fn remove(&mut self, facet: Facet, value: &str) {
        match facet {
            Facet::Year => {
                if let Some(year) = parse_year(value) {
                    self.years.remove(&year);
                }
            }
            Facet::Type => {
                if let Some(kind) = EventType::from_key(value) {
                    self.types.remove(&kind);
                }
            }
            Facet::City | Facet::Organisation | Facet::Topic => {
                self.ids_mut(facet).remove(value);
            }
        }
    }

    /// Selects `value` when it is not selected, deselects it when it is.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        if self.contains(facet, value) {
            self.remove(facet, value);
        } else {
            self.insert(facet, value);
        }
    }

    /// Lifts one constraint: a facet value, or the whole search text.
    pub fn remove_constraint(&mut self, constraint: &Constraint) {
        match constraint {
            Constraint::Value(facet, value) => self.remove(*facet, value),
            Constraint::Text => self.text.clear(),
        }
    }

    /// Selected values of one facet, as in the URL, in their stable order.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Year => self.years.iter().map(i32::to_string).collect(),
            Facet::Type => self.types.iter().map(|t| t.key().to_owned()).collect(),
            Facet::City => self.cities.iter().cloned().collect(),
            Facet::Organisation => self.organisations.iter().cloned().collect(),
            Facet::Topic => self.topics.iter().cloned().collect(),
        }
    }

    /// Every selected value, facet by facet in [`Facet::ALL`] order (for chips).
    pub fn active_values(&self) -> Vec<(Facet, String)> {
        Facet::ALL
            .into_iter()
            .flat_map(|facet| self.values(facet).into_iter().map(move |v| (facet, v)))
            .collect()
    }

    /// Every constraint that narrows the view: the facet values, then the text.
    pub fn constraints(&self) -> Vec<Constraint> {
        let mut all: Vec<Constraint> = self
            .active_values()
            .into_iter()
            .map(|(facet, value)| Constraint::Value(facet, value))
            .collect();
        if !self.text.trim().is_empty() {
            all.push(Constraint::Text);
        }
        all
    }

    /// Removes every facet value and the text; the sort order stays.
    pub fn clear(&mut self) {
        *self = EventFilter {
            sort: self.sort,
            ..EventFilter::default()
        };
    }

    /// Drops values the archive's events never have (a stale or hand-edited link), so every
    /// active value has a place in the facet lists. Checked against the index's lists of the
    /// values that occur: runs on every keystroke, so its cost must not grow with the archive.
    pub fn sanitize(&mut self, index: &SearchIndex) {
        self.years.retain(|y| index.years.contains(y));
        self.types.retain(|t| index.types.contains(t));
        self.cities.retain(|id| index.cities.contains(id));
        self.organisations
            .retain(|id| index.organisations.contains(id));
        self.topics.retain(|id| index.topics.contains(id));
    }

    fn ids_mut(&mut self, facet: Facet) -> &mut BTreeSet<String> {
        match facet {
            Facet::City => &mut self.cities,
            Facet::Organisation => &mut self.organisations,
            _ => &mut self.topics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggle_selects_then_deselects() {
        let mut filter = EventFilter::default();
        filter.toggle(Facet::City, "pisek");
        filter.toggle(Facet::Year, "2022");
        filter.toggle(Facet::Type, "workshop");
        assert!(filter.contains(Facet::City, "pisek"));
        assert!(filter.contains(Facet::Year, "2022"));
        assert!(filter.contains(Facet::Type, "workshop"));
        filter.toggle(Facet::City, "pisek");
        assert!(!filter.contains(Facet::City, "pisek"));
        assert_eq!(filter.cities.len(), 0);
    }

    #[test]
    fn invalid_values_are_not_selected() {
        let mut filter = EventFilter::default();
        filter.toggle(Facet::Year, "20x2");
        filter.toggle(Facet::Year, "12345");
        filter.toggle(Facet::Type, "party");
        filter.toggle(Facet::Topic, "");
        assert!(filter.is_default());
    }

    #[test]
    fn active_values_follow_facet_order_then_value_order() {
        let mut filter = EventFilter::default();
        filter.insert(Facet::Topic, "storytelling");
        filter.insert(Facet::City, "smolyan");
        filter.insert(Facet::Year, "2023");
        filter.insert(Facet::City, "pisek");
        filter.insert(Facet::Year, "2019");
        filter.insert(Facet::Type, "webinar");
        filter.insert(Facet::Type, "workshop");
        filter.insert(Facet::Organisation, "ntnu");
        let active = filter.active_values();
        let chips: Vec<(Facet, &str)> = active.iter().map(|(f, v)| (*f, v.as_str())).collect();
        assert_eq!(
            chips,
            vec![
                (Facet::Year, "2019"),
                (Facet::Year, "2023"),
                (Facet::Type, "workshop"),
                (Facet::Type, "webinar"),
                (Facet::City, "pisek"),
                (Facet::City, "smolyan"),
                (Facet::Organisation, "ntnu"),
                (Facet::Topic, "storytelling"),
            ]
        );
    }

    #[test]
    fn a_facet_holds_at_most_fifty_values() {
        let query: Vec<String> = (0..10_000).map(|i| format!("city=c{i}")).collect();
        let filter = EventFilter::from_query(&query.join("&"));
        assert_eq!(filter.cities.len(), MAX_VALUES_PER_FACET);
        let mut filter = EventFilter::default();
        for year in 1900..2100 {
            filter.toggle(Facet::Year, &year.to_string());
        }
        assert_eq!(filter.years.len(), MAX_VALUES_PER_FACET);
    }

    #[test]
    fn clear_keeps_the_sort_order() {
        let mut filter = EventFilter {
            text: "pisek".into(),
            sort: SortOrder::OldestFirst,
            ..EventFilter::default()
        };
        filter.insert(Facet::City, "pisek");
        filter.clear();
        assert!(!filter.has_constraints());
        assert_eq!(filter.sort, SortOrder::OldestFirst);
        assert!(!filter.is_default());
    }

    #[test]
    fn blank_text_is_no_constraint() {
        let filter = EventFilter {
            text: "   ".into(),
            ..EventFilter::default()
        };
        assert!(filter.is_default());
        assert!(filter.constraints().is_empty());
    }
}
