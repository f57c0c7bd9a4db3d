//! Dates and date ranges in words, as a Bulgarian or English reader expects them.
//!
//! Small tables rather than the browser's `Intl`: the prerendered pages (native) and the live
//! app (wasm) must say the same thing, and the tables cost less than the bindings did:
//! "10–11 ноември 2022 г.", "10–11 November 2022", "ноември 2018 г.". A Bulgarian year is
//! followed by a no-break space and "г.", so that a line never starts with "г.", and a day
//! is joined to its month by a no-break space, so that "10 ноември" stays on one line.

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
/// Between a day and its month: "10 ноември" never breaks.
const DAY_MONTH_SPACE: char = '\u{a0}';
/// The longest range, in days, whose weekdays are named.
const MAX_WEEKDAY_SPAN: i64 = 7;

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
        (Some(d), Some(m)) => format!("{d}{DAY_MONTH_SPACE}{}", month_name(lang, m)),
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
            format!("{a}{TIGHT_DASH}{b}{DAY_MONTH_SPACE}{month}{year}")
        }
        _ => format!(
            "{}{SPACED_DASH}{}{year}",
            day_month(&start, lang),
            day_month(&end, lang)
        ),
    }
}

/// A range with weekdays where its days are known and it lasts a week at most:
/// "четвъртък, 10 ноември 2022 г.", "четвъртък и петък, 10–11 ноември 2022 г.",
/// "понеделник–петък, 5–9 юни 2023 г."; a longer range, or one whose end is known only to
/// the month or the year, is given without them.
pub fn format_range_with_weekdays(
    start: PartialDate,
    end: Option<PartialDate>,
    lang: Lang,
) -> String {
    let range = format_range(start, end, lang);
    let Some(first) = start.weekday() else {
        return range;
    };
    let Some(end) = end.filter(|e| *e != start) else {
        return format!("{}, {range}", weekday_name(lang, first));
    };
    let Some(last) = end.weekday() else {
        return range;
    };
    let days = end.day_number() - start.day_number() + 1;
    match days {
        2 => {
            let and = match lang {
                Lang::Bg => "и",
                Lang::En => "and",
            };
            format!(
                "{} {and} {}, {range}",
                weekday_name(lang, first),
                weekday_name(lang, last)
            )
        }
        3..=MAX_WEEKDAY_SPAN => format!(
            "{}{TIGHT_DASH}{}, {range}",
            weekday_name(lang, first),
            weekday_name(lang, last)
        ),
        _ => range,
    }
}

/// A month heading: "Ноември 2022 г." / "November 2022". A heading starts with a capital
/// letter; inside a sentence the Bulgarian month stays lower case ([`format_date`]).
pub fn format_month(year: i32, month: u8, lang: Lang) -> String {
    capitalise(&format_date(PartialDate::ym(year, month), lang))
}

/// The text with its first letter in upper case. Month names are Latin or Bulgarian
/// Cyrillic: a shift within those two alphabets is enough, and it spares the wasm the whole
/// Unicode case table that `char::to_uppercase` brings in.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let upper = match first {
        'a'..='z' => first.to_ascii_uppercase(),
        // а–я → А–Я: the basic Cyrillic block has the capitals 32 code points lower.
        'а'..='я' => char::from_u32(first as u32 - 0x20).unwrap_or(first),
        _ => first,
    };
    std::iter::once(upper).chain(chars).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_capitalise_every_month_in_both_alphabets() {
        for month in 1..=12 {
            for lang in [Lang::Bg, Lang::En] {
                let inside = format_date(PartialDate::ym(2022, month), lang);
                let heading = format_month(2022, month, lang);
                let first = heading.chars().next().unwrap();
                assert!(first.is_uppercase(), "{heading}");
                assert_eq!(heading.to_lowercase(), inside.to_lowercase());
            }
        }
    }

    fn d(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn same_month_range_uses_a_tight_en_dash() {
        assert_eq!(
            format_range(d("2022-11-10"), Some(d("2022-11-11")), Lang::Bg),
            "10–11\u{a0}ноември 2022\u{a0}г."
        );
        assert_eq!(
            format_range(d("2022-11-10"), Some(d("2022-11-11")), Lang::En),
            "10–11\u{a0}November 2022"
        );
    }

    #[test]
    fn a_day_stays_with_its_month() {
        assert_eq!(
            format_date(d("2022-11-10"), Lang::Bg),
            "10\u{a0}ноември 2022\u{a0}г."
        );
        assert_eq!(
            format_date(d("2022-11-10"), Lang::En),
            "10\u{a0}November 2022"
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
            "27\u{a0}ноември – 18\u{a0}декември 2020\u{a0}г."
        );
        assert_eq!(
            format_range(d("2022-12-30"), Some(d("2023-01-02")), Lang::En),
            "30\u{a0}December 2022 – 2\u{a0}January 2023"
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
    fn two_days_join_their_weekdays_with_and() {
        assert_eq!(
            format_range_with_weekdays(d("2022-11-10"), Some(d("2022-11-11")), Lang::Bg),
            "четвъртък и петък, 10–11\u{a0}ноември 2022\u{a0}г."
        );
        assert_eq!(
            format_range_with_weekdays(d("2022-11-10"), Some(d("2022-11-11")), Lang::En),
            "Thursday and Friday, 10–11\u{a0}November 2022"
        );
    }

    #[test]
    fn a_week_at_most_names_both_ends() {
        assert_eq!(
            format_range_with_weekdays(d("2023-09-05"), Some(d("2023-09-08")), Lang::Bg),
            "вторник–петък, 5–8\u{a0}септември 2023\u{a0}г."
        );
        assert_eq!(
            format_range_with_weekdays(d("2021-10-18"), Some(d("2021-10-24")), Lang::En),
            "Monday–Sunday, 18–24\u{a0}October 2021"
        );
        assert_eq!(
            format_range_with_weekdays(d("2022-12-30"), Some(d("2023-01-02")), Lang::En),
            "Friday–Monday, 30\u{a0}December 2022 – 2\u{a0}January 2023"
        );
    }

    #[test]
    fn longer_or_vaguer_ranges_have_no_weekdays() {
        assert_eq!(
            format_range_with_weekdays(d("2021-10-18"), Some(d("2021-10-27")), Lang::Bg),
            "18–27\u{a0}октомври 2021\u{a0}г."
        );
        assert_eq!(
            format_range_with_weekdays(d("2021-10-18"), Some(d("2021-10-25")), Lang::En),
            "18–25\u{a0}October 2021"
        );
        assert_eq!(
            format_range_with_weekdays(d("2020-11-27"), Some(d("2020-12")), Lang::En),
            "27\u{a0}November 2020 – December 2020"
        );
    }

    #[test]
    fn one_day_has_its_weekday() {
        assert_eq!(
            format_range_with_weekdays(d("2022-11-10"), None, Lang::En),
            "Thursday, 10\u{a0}November 2022"
        );
        assert_eq!(
            format_range_with_weekdays(d("2022-11-10"), Some(d("2022-11-10")), Lang::Bg),
            "четвъртък, 10\u{a0}ноември 2022\u{a0}г."
        );
        assert_eq!(
            format_range_with_weekdays(d("2018-11"), None, Lang::En),
            "November 2018"
        );
    }

    #[test]
    fn month_headings_start_with_a_capital() {
        assert_eq!(format_month(2022, 11, Lang::Bg), "Ноември 2022\u{a0}г.");
        assert_eq!(format_month(2022, 11, Lang::En), "November 2022");
        assert_eq!(format_date(d("2022-11"), Lang::Bg), "ноември 2022\u{a0}г.");
    }
}
