//! Grouping a list of events by year and month for the timeline's headings.

use crate::model::Catalog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearGroup {
    pub year: i32,
    pub months: Vec<MonthGroup>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthGroup {
    /// `None` for events known only to the year.
    pub month: Option<u8>,
    /// Positions in `catalog.events`.
    pub events: Vec<usize>,
}

/// Groups `events` by the year and month they start, keeping the given order: a new group
/// opens whenever the year or month changes, so a sorted list gives one group per month.
/// Positions outside the catalog are skipped.
pub fn group_by_month(catalog: &Catalog, events: &[usize]) -> Vec<YearGroup> {
    let mut years: Vec<YearGroup> = Vec::new();
    for &i in events {
        let Some(event) = catalog.events.get(i) else {
            continue;
        };
        let (year, month) = (event.start.year, event.start.month);
        match years.last_mut() {
            Some(group) if group.year == year => match group.months.last_mut() {
                Some(m) if m.month == month => m.events.push(i),
                _ => group.months.push(MonthGroup {
                    month,
                    events: vec![i],
                }),
            },
            _ => years.push(YearGroup {
                year,
                months: vec![MonthGroup {
                    month,
                    events: vec![i],
                }],
            }),
        }
    }
    years
}
