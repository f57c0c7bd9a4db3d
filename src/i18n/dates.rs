//! Dates and date ranges in words, as a Bulgarian or English reader expects them.
//!
//! Small tables rather than the browser's `Intl`: the prerendered pages (native) and the live
//! app (wasm) must say the same thing, and the tables cost less than the bindings did:
//! "10–11 ноември 2022 г.", "10–11 November 2022", "ноември 2018 г.". A Bulgarian year is
//! followed by a no-break space and "г.", so that a line never starts with "г.".

use crate::model::{Lang, PartialDate, Precision};

const MONTHS_BG: [&str; 12] = [
    "януари",
    "февруари",
    "март",
    "април",
    "май",
    "юни",
    "юли",
    "август",
    "септември",
    "октомври",
    "ноември",
    "декември",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS_BG: [&str; 7] = [
    "понеделник",
    "вторник",
    "сряда",
    "четвъртък",
    "петък",
    "събота",
    "неделя",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// An en dash between two numbers ("10–11"); spaced between longer parts.
pub const TIGHT_DASH: &str = "–";
pub const SPACED_DASH: &str = " – ";

pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::Bg => MONTHS_BG[i],
        Lang::En => MONTHS_EN[i],
    }
}

pub fn weekday_name(lang: Lang, weekday: u8) -> &'static str {
    let i = usize::from(weekday.min(6));
    match lang {
        Lang::Bg => WEEKDAYS_BG[i],
        Lang::En => WEEKDAYS_EN[i],
    }
}

fn year_suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => "\u{a0}г.",
        Lang::En => "",
    }
}

/// "10 ноември" / "10 November" / "ноември" — the part of a date below the year.
fn day_month(date: &PartialDate, lang: Lang) -> String {
    match (date.day, date.month) {
        (Some(d), Some(m)) => format!("{d} {}", month_name(lang, m)),
        (None, Some(m)) => month_name(lang, m).to_owned(),
        _ => String::new(),
    }
}

/// One date at its own precision: "10 ноември 2022 г.", "November 2018", "2023 г.".
pub fn format_date(date: PartialDate, lang: Lang) -> String {
    let head = day_month(&date, lang);
    let year = format!("{}{}", date.year, year_suffix(lang));
    if head.is_empty() {
        year
    } else {
        format!("{head} {year}")
    }
}

/// A date range, collapsing what the two ends share:
/// "10–11 ноември 2022 г.", "30 November – 2 December 2022", "ноември – декември 2020 г.",
/// "2020–2021 г.".
pub fn format_range(start: PartialDate, end: Option<PartialDate>, lang: Lang) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return format_date(start, lang);
    };
    let same_precision = start.precision() == end.precision();
    if same_precision && start.precision() == Precision::Year {
        // Two bare years share one "г." as two days share one month.
        return format!(
            "{}{TIGHT_DASH}{}{}",
            start.year,
            end.year,
            year_suffix(lang)
        );
    }
    if !same_precision || start.year != end.year || start.precision() == Precision::Year {
        return format!(
            "{}{SPACED_DASH}{}",
            format_date(start, lang),
            format_date(end, lang)
        );
    }
    let year = format!(" {}{}", start.year, year_suffix(lang));
    match (start.day, end.day) {
        (Some(a), Some(b)) if start.month == end.month => {
            let month = month_name(lang, start.month.unwrap_or(1));
            format!("{a}{TIGHT_DASH}{b} {month}{year}")
        }
        _ => format!(
            "{}{SPACED_DASH}{}{year}",
            day_month(&start, lang),
            day_month(&end, lang)
        ),
    }
}

/// A range with weekdays where days are known: "четвъртък–петък, 10–11 ноември 2022 г.".
pub fn format_range_with_weekdays(
    start: PartialDate,
    end: Option<PartialDate>,
    lang: Lang,
) -> String {
    let range = format_range(start, end, lang);
    let first = start.weekday();
    let last = end.and_then(|e| e.weekday());
    match (first, last) {
        (Some(a), Some(b)) if end != Some(start) => format!(
            "{}{TIGHT_DASH}{}, {range}",
            weekday_name(lang, a),
            weekday_name(lang, b)
        ),
        (Some(a), _) => format!("{}, {range}", weekday_name(lang, a)),
        _ => range,
    }
}

/// A month heading: "ноември 2022 г." / "November 2022".
pub fn format_month(year: i32, month: u8, lang: Lang) -> String {
    format_date(PartialDate::ym(year, month), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn same_month_range_uses_a_tight_en_dash() {
        assert_eq!(
            format_range(d("2022-11-10"), Some(d("2022-11-11")), Lang::Bg),
            "10–11 ноември 2022\u{a0}г."
        );
        assert_eq!(
            format_range(d("2022-11-10"), Some(d("2022-11-11")), Lang::En),
            "10–11 November 2022"
        );
    }

    #[test]
    fn month_precision_says_only_the_month() {
        assert_eq!(format_date(d("2018-11"), Lang::Bg), "ноември 2018\u{a0}г.");
        assert_eq!(format_date(d("2018-11"), Lang::En), "November 2018");
        assert_eq!(format_date(d("2023"), Lang::Bg), "2023\u{a0}г.");
    }

    #[test]
    fn ranges_across_months_and_years_are_spaced() {
        assert_eq!(
            format_range(d("2020-11-27"), Some(d("2020-12-18")), Lang::Bg),
            "27 ноември – 18 декември 2020\u{a0}г."
        );
        assert_eq!(
            format_range(d("2022-12-30"), Some(d("2023-01-02")), Lang::En),
            "30 December 2022 – 2 January 2023"
        );
        assert_eq!(
            format_range(d("2020-11"), Some(d("2020-12")), Lang::En),
            "November – December 2020"
        );
    }

    #[test]
    fn bare_years_share_one_year_mark() {
        assert_eq!(
            format_range(d("2020"), Some(d("2021")), Lang::Bg),
            "2020–2021\u{a0}г."
        );
        assert_eq!(
            format_range(d("2020"), Some(d("2021")), Lang::En),
            "2020–2021"
        );
        assert_eq!(
            format_range(d("2020"), Some(d("2021-03")), Lang::Bg),
            "2020\u{a0}г. – март 2021\u{a0}г."
        );
    }

    #[test]
    fn weekdays_name_both_ends() {
        assert_eq!(
            format_range_with_weekdays(d("2022-11-10"), Some(d("2022-11-11")), Lang::Bg),
            "четвъртък–петък, 10–11 ноември 2022\u{a0}г."
        );
        assert_eq!(
            format_range_with_weekdays(d("2022-11-10"), None, Lang::En),
            "Thursday, 10 November 2022"
        );
        assert_eq!(
            format_range_with_weekdays(d("2018-11"), None, Lang::En),
            "November 2018"
        );
    }
}
