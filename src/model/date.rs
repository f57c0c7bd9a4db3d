//! Calendar dates with a precision: ISO 8601 `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! Sources often give only a month ("November 2018"), so a date keeps what is known and no more.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A date known to the year, the month or the day.
///
/// Ordering compares the earliest day the date can mean, then the precision, so
/// `2018-11` sorts before `2018-11-01`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1–12 when the precision is month or day.
    pub month: Option<u8>,
    /// 1–31 when the precision is day.
    pub day: Option<u8>,
}

impl PartialDate {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    pub const fn ym(year: i32, month: u8) -> Self {
        Self {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date can mean.
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// Days since 1970-01-01 of the first day this date can mean.
    pub fn day_number(&self) -> i64 {
        let (y, m, d) = self.first_day();
        days_from_civil(y, m, d)
    }

    /// The day after the last day this date can mean, as a full date.
    /// iCalendar's `DTEND` for all-day events is exclusive.
    pub fn day_after_last(&self) -> PartialDate {
        let (y, m, d) = self.last_day();
        let (y, m, d) = civil_from_days(days_from_civil(y, m, d) + 1);
        PartialDate::ymd(y, m, d)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday, when the day is known.
    pub fn weekday(&self) -> Option<u8> {
        self.day?;
        // 1970-01-01 was a Thursday (index 3).
        Some(((self.day_number() + 3).rem_euclid(7)) as u8)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and checks that the day exists.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut parts = text.split('-');
        let year_text = parts.next().unwrap_or_default();
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DateError::Format(text.to_owned()));
        }
        let year: i32 = year_text
            .parse()
            .map_err(|_| DateError::Format(text.to_owned()))?;
        // The calendar has no year 0 (and HTML's dates none before year 1).
        if year == 0 {
            return Err(DateError::OutOfRange(text.to_owned()));
        }
        let mut number = |max: u8| -> Result<Option<u8>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: u8 = p.parse().map_err(|_| DateError::Format(text.to_owned()))?;
                    if n == 0 || n > max {
                        Err(DateError::OutOfRange(text.to_owned()))
                    } else {
                        Ok(Some(n))
                    }
                }
                Some(_) => Err(DateError::Format(text.to_owned())),
            }
        };
        let month = number(12)?;
        let day = match month {
            Some(m) => number(days_in_month(year, m))?,
            None => None,
        };
        if parts.next().is_some() {
            return Err(DateError::Format(text.to_owned()));
        }
        Ok(Self { year, month, day })
    }

    /// The ISO 8601 text of the date at its own precision.
    pub fn iso(&self) -> String {
        self.to_string()
    }

    /// Sort key: first day, then precision (coarser first).
    pub fn sort_key(&self) -> (i32, u8, u8, Precision) {
        let (y, m, d) = self.first_day();
        (y, m, d, self.precision())
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Format(String),
    OutOfRange(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(t) => write!(
                f,
                "`{t}` is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD"
            ),
            DateError::OutOfRange(t) => write!(f, "`{t}` is not a day of the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PartialDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "ISO 8601 date at the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD.",
            "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            "examples": ["2022-11-10", "2018-11", "2023"]
        })
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), after Howard Hinnant's well-known algorithm.
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2022").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2018-11").unwrap(),
            PartialDate::ym(2018, 11)
        );
        assert_eq!(
            PartialDate::parse("2022-11-10").unwrap(),
            PartialDate::ymd(2022, 11, 10)
        );
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-29",
            "2022-13",
            "2022-00-10",
            "22-11-10",
            "2022/11/10",
            "2022-11-10-1",
            "2022-1-10",
            "",
            "abcd",
            "2022-11-",
            "0000",
            "0000-01-01",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad} should be refused");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
        assert!(PartialDate::parse("0001-01-01").is_ok());
    }

    #[test]
    fn month_precision_sorts_before_its_days() {
        assert!(PartialDate::ym(2018, 11) < PartialDate::ymd(2018, 11, 1));
        assert!(PartialDate::ymd(2018, 10, 31) < PartialDate::ym(2018, 11));
    }

    #[test]
    fn day_after_last_crosses_month_and_year() {
        assert_eq!(
            PartialDate::ymd(2022, 12, 31).day_after_last(),
            PartialDate::ymd(2023, 1, 1)
        );
        assert_eq!(
            PartialDate::ym(2024, 2).day_after_last(),
            PartialDate::ymd(2024, 3, 1)
        );
        assert_eq!(
            PartialDate::parse("2023").unwrap().day_after_last(),
            PartialDate::ymd(2024, 1, 1)
        );
    }

    #[test]
    fn weekday_of_known_days() {
        // 10 November 2022 was a Thursday, 11 November a Friday.
        assert_eq!(PartialDate::ymd(2022, 11, 10).weekday(), Some(3));
        assert_eq!(PartialDate::ymd(2022, 11, 11).weekday(), Some(4));
        assert_eq!(PartialDate::ym(2022, 11).weekday(), None);
    }

    #[test]
    fn civil_round_trip() {
        for days in -800_000..800_000i64 {
            if days % 997 != 0 {
                continue;
            }
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
