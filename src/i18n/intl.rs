//! The browser's `Intl` for dates, country names and collation, so no locale tables ship in
//! the wasm. Formatters are built once per language and style, then reused.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;

use crate::model::{Lang, PartialDate, Precision};

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", catch)]
    fn format(this: &DateTimeFormat, date: &js_sys::Date) -> Result<String, JsValue>;
    #[wasm_bindgen(method, js_class = "DateTimeFormat", js_name = formatRange, catch)]
    fn format_range(
        this: &DateTimeFormat,
        start: &js_sys::Date,
        end: &js_sys::Date,
    ) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, js_class = "DisplayNames", catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = Collator)]
    type Collator;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "Collator", catch)]
    fn new(locale: &str) -> Result<Collator, JsValue>;
    #[wasm_bindgen(method, js_class = "Collator")]
    fn compare(this: &Collator, a: &str, b: &str) -> f64;
}

/// Which parts of a date a formatter shows.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Style {
    Day,
    DayWithWeekday,
    Month,
    Year,
}

impl Style {
    fn for_precision(p: Precision, weekday: bool) -> Self {
        match p {
            Precision::Day if weekday => Style::DayWithWeekday,
            Precision::Day => Style::Day,
            Precision::Month => Style::Month,
            Precision::Year => Style::Year,
        }
    }
}

thread_local! {
    static FORMATTERS: RefCell<HashMap<(Lang, Style), Option<DateTimeFormat>>> =
        RefCell::new(HashMap::new());
    static COUNTRIES: RefCell<HashMap<Lang, Option<DisplayNames>>> = RefCell::new(HashMap::new());
    static COLLATORS: RefCell<HashMap<Lang, Option<Collator>>> = RefCell::new(HashMap::new());
}

/// `en-GB` gives "10–11 November 2022", the order a European reader expects.
fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Bg => "bg",
        Lang::En => "en-GB",
    }
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

fn with_formatter<R>(lang: Lang, style: Style, f: impl FnOnce(&DateTimeFormat) -> R) -> Option<R> {
    FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let entry = cache.entry((lang, style)).or_insert_with(|| {
            let mut pairs = vec![("timeZone", "UTC"), ("year", "numeric")];
            match style {
                Style::Day => pairs.extend([("month", "long"), ("day", "numeric")]),
                Style::DayWithWeekday => {
                    pairs.extend([("month", "long"), ("day", "numeric"), ("weekday", "long")])
                }
                Style::Month => pairs.push(("month", "long")),
                Style::Year => {}
            }
            DateTimeFormat::new(locale(lang), &options(&pairs)).ok()
        });
        entry.as_ref().map(f)
    })
}

fn js_date(date: &PartialDate) -> js_sys::Date {
    let (y, m, d) = date.first_day();
    let ms = js_sys::Date::utc(f64::from(y), f64::from(m) - 1.0);
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    date.set_utc_date(u32::from(d));
    date
}

/// Intl puts spaces around the dash of "10 – 11"; Bulgarian and British typography
/// close them up between two numbers.
fn tighten_dash(text: String) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '–' {
            let before = out.trim_end_matches(char::is_whitespace);
            let after_idx = (i + 1..chars.len())
                .find(|&j| !chars[j].is_whitespace())
                .unwrap_or(chars.len());
            let digit_before = before.chars().last().is_some_and(|c| c.is_ascii_digit());
            let digit_after = chars.get(after_idx).is_some_and(|c| c.is_ascii_digit());
            if digit_before && digit_after {
                out.truncate(before.len());
                out.push('–');
                i = after_idx;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

pub fn format_date(date: PartialDate, lang: Lang) -> Option<String> {
    let style = Style::for_precision(date.precision(), false);
    with_formatter(lang, style, |f| f.format(&js_date(&date)).ok()).flatten()
}

pub fn format_range(
    start: PartialDate,
    end: PartialDate,
    lang: Lang,
    weekday: bool,
) -> Option<String> {
    if start.precision() != end.precision() {
        return None;
    }
    let style = Style::for_precision(start.precision(), weekday);
    let last = {
        let (y, m, d) = end.last_day();
        PartialDate::ymd(y, m, d)
    };
    let end = if end.precision() == Precision::Day {
        end
    } else {
        last
    };
    with_formatter(lang, style, |f| {
        f.format_range(&js_date(&start), &js_date(&end)).ok()
    })
    .flatten()
    .map(tighten_dash)
}

pub fn country_name(code: &str, lang: Lang) -> Option<String> {
    COUNTRIES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let names = cache.entry(lang).or_insert_with(|| {
            DisplayNames::new(locale(lang), &options(&[("type", "region")])).ok()
        });
        names.as_ref()?.of(code).ok()?.as_string()
    })
}

pub fn compare(a: &str, b: &str, lang: Lang) -> Option<std::cmp::Ordering> {
    COLLATORS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let collator = cache
            .entry(lang)
            .or_insert_with(|| Collator::new(locale(lang)).ok());
        collator.as_ref().map(|c| {
            c.compare(a, b)
                .partial_cmp(&0.0)
                .unwrap_or(std::cmp::Ordering::Equal)
        })
    })
}
