//! iCalendar files (RFC 5545): one event for "add to calendar", or every event in one calendar.
//!
//! Events are all-day: the news gives days, months or years, never times. Output depends only
//! on the news, never on a clock, so the same news gives the same bytes.

use crate::model::date::days_from_civil;
use crate::model::markup::plain_text;
use crate::model::{Catalog, Event, Lang};

use super::labels;
use super::urls;

/// The product identifier (an ISO 9070 public identifier; its text is English, hence `EN`).
/// Names the software that wrote the calendar (RFC 5545 §3.7.3), not the publisher.
const PRODID: &str = "-//EU project news//newsctl//EN";

/// RFC 5545 §3.1: a physical line holds at most 75 octets, line break excluded.
const MAX_LINE_OCTETS: usize = 75;

/// A calendar holding one event.
pub fn event_ics(catalog: &Catalog, event: &Event, lang: Lang, base_url: &str) -> String {
    let mut cal = Writer::default();
    cal.open();
    cal.event(catalog, event, lang, base_url);
    cal.close()
}

/// A calendar holding every event, oldest first, named after the project and the publisher.
pub fn calendar_ics(catalog: &Catalog, lang: Lang, base_url: &str) -> String {
    let mut cal = Writer::default();
    cal.open();
    cal.text("X-WR-CALNAME", &calendar_name(catalog, lang));
    for event in &catalog.events {
        cal.event(catalog, event, lang, base_url);
    }
    cal.close()
}

/// The download name of an event's calendar file: `<slug>.ics`.
pub fn ics_file_name(event: &Event) -> String {
    // Slugs are checked when the news is loaded; this keeps a hand-built one from reaching a
    // file system or a Content-Disposition header with odd characters.
    let safe: String = event
        .slug
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = if safe.is_empty() {
        "event"
    } else {
        safe.as_str()
    };
    format!("{name}.ics")
}

/// "ACRONYM – Publisher": what calendar apps show for the whole calendar.
pub fn calendar_name(catalog: &Catalog, lang: Lang) -> String {
    let site = &catalog.site;
    format!("{} – {}", site.project.acronym, site.publisher.get(lang))
}

/// Content lines, folded and ended with CRLF as the format requires.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn open(&mut self) {
        self.raw("BEGIN", "VCALENDAR");
        self.raw("VERSION", "2.0");
        self.raw("PRODID", PRODID);
        self.raw("CALSCALE", "GREGORIAN");
        self.raw("METHOD", "PUBLISH");
    }

    fn close(mut self) -> String {
        self.raw("END", "VCALENDAR");
        self.out
    }

    fn event(&mut self, catalog: &Catalog, event: &Event, lang: Lang, base_url: &str) {
        let url = urls::event_url(base_url, lang, catalog.site.root_lang(), &event.slug);
        let start = event.start.first_day();
        // DTEND is exclusive; a bad end before the start must not give an empty event.
        let after_last = event.last().day_after_last().first_day();
        let end = if after_last > start {
            after_last
        } else {
            event.start.day_after_last().first_day()
        };
        let (y, m, d) = labels::announced_day(event);

        self.raw("BEGIN", "VEVENT");
        self.raw(
            "UID",
            &format!("{}@{}", event.slug, urls::host_of(base_url)),
        );
        self.raw("DTSTAMP", &format!("{y:04}{m:02}{d:02}T000000Z"));
        self.raw("DTSTART;VALUE=DATE", &date_value(start));
        if end.0 <= 9999 {
            self.raw("DTEND;VALUE=DATE", &date_value(end));
        } else {
            // The day after 9999-12-31 has no four-digit year, which a DATE must have: the
            // length of the event says the same.
            let days =
                days_from_civil(end.0, end.1, end.2) - days_from_civil(start.0, start.1, start.2);
            self.raw("DURATION", &format!("P{days}D"));
        }
        self.text("SUMMARY", event.title.get(lang));
        // A date known to the month or the year spans it, all day; the entry says so, and it
        // does not show the subscriber busy for a month or a year.
        let imprecise = event.start.day.is_none() || event.end.is_some_and(|e| e.day.is_none());
        let mut text = description(event, lang, &url);
        if imprecise {
            let when = crate::i18n::format_range(event.start, event.end, lang, false);
            // A Bulgarian date ends in "г.", which closes the sentence already.
            let stop = if when.ends_with('.') { "" } else { "." };
            let note = match lang {
                Lang::Bg => format!("Точният ден не е известен: {when}{stop}"),
                Lang::En => format!("The exact day is not known: {when}{stop}"),
            };
            text = format!("{note}\n\n{text}");
        }
        self.text("DESCRIPTION", &text);
        let place = labels::place_parts(catalog, event, lang);
        if !place.is_empty() {
            self.text("LOCATION", &place.join(", "));
        }
        // A URI value, not TEXT: it is not escaped.
        self.raw("URL", &url);
        self.text("CATEGORIES", labels::event_type(event.kind, lang));
        self.raw("STATUS", "CONFIRMED");
        if imprecise {
            self.raw("TRANSP", "TRANSPARENT");
        }
        self.raw("END", "VEVENT");
    }

    /// A property whose value is TEXT, escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape_text(value));
    }

    /// A property whose value is written as given.
    fn raw(&mut self, name: &str, value: &str) {
        fold_into(&mut self.out, &format!("{name}:{value}"));
    }
}

/// `YYYYMMDD`, the DATE value type.
fn date_value((y, m, d): (i32, u8, u8)) -> String {
    format!("{y:04}{m:02}{d:02}")
}

/// Summary, body as plain text and the page's address, separated by blank lines.
fn description(event: &Event, lang: Lang, url: &str) -> String {
    let summary = event.summary.get(lang).trim();
    let body = event
        .body
        .as_ref()
        .map(|b| plain_text(b.get(lang)))
        .unwrap_or_default();
    [summary, body.as_str(), url]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks.
/// Other control characters are not allowed in TEXT and are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // CRLF and a lone CR are both one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets, never inside a
/// UTF-8 character (Cyrillic letters take two octets each).
fn fold_into(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            // The leading space counts towards the next line's width.
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(line: &str) -> String {
        let mut out = String::new();
        fold_into(&mut out, line);
        out
    }

    #[test]
    fn short_line_is_not_folded() {
        assert_eq!(folded("VERSION:2.0"), "VERSION:2.0\r\n");
    }

    #[test]
    fn line_of_exactly_75_octets_stays_whole() {
        let line = "X".repeat(75);
        assert_eq!(folded(&line), format!("{line}\r\n"));
    }

    #[test]
    fn folding_never_splits_a_two_octet_letter() {
        // 74 ASCII octets, then a two-octet letter that would make 76.
        let line = format!("{}Ж", "a".repeat(74));
        assert_eq!(folded(&line), format!("{}\r\n Ж\r\n", "a".repeat(74)));
    }

    #[test]
    fn continuation_lines_count_their_leading_space() {
        let out = folded(&"б".repeat(100));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert_eq!(out.replace("\r\n ", ""), format!("{}\r\n", "б".repeat(100)));
    }

    #[test]
    fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
    }

    #[test]
    fn control_characters_are_dropped_but_tab_stays() {
        assert_eq!(escape_text("a\u{7}b\tc"), "ab\tc");
    }
}
