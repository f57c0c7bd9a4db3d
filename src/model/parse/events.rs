//! The checks of an event that need more than its type: slug, dates, texts, sources, images
//! and the links in its body (its references are in `references`).

use super::references::RefSets;
use super::report::Report;
use super::urls::{
    is_image_src, is_safe_url, is_web_address, not_a_picture, not_a_picture_file, origin_of,
    other_host,
};
use super::MAX_TEXT_CHARS;
use super::{is_slug, MAX_SLUG_BYTES};
use crate::model::problem::Severity;
use crate::model::types::{is_blank, Event, Image, Lang, Source, Text};

/// The checks that need more than the types: dates, references, URLs, texts.
pub(super) struct EventCheck<'r, 'a> {
    pub(super) report: &'r mut Report<'a>,
    pub(super) at: &'a str,
    pub(super) path: &'r str,
    pub(super) slug: String,
    /// Set when the event must be left out.
    pub(super) fatal: bool,
    /// The site's languages (`Site::publishes`): a site in one language misses none of the
    /// other.
    pub(super) languages: [bool; 2],
}

impl EventCheck<'_, '_> {
    pub(super) fn push(&mut self, severity: Severity, sub: String, message: String, drop: bool) {
        let path = if sub.is_empty() {
            self.path.to_owned()
        } else if sub.starts_with('[') {
            format!("{}{sub}", self.path)
        } else {
            format!("{}.{sub}", self.path)
        };
        self.report.push_in(
            severity,
            self.at,
            &sub,
            path,
            Some(&self.slug),
            message,
            drop,
        );
    }

    /// An error that leaves the event out. Only the first one carries `entry_dropped`, so
    /// counting the flags counts left-out entries.
    pub(super) fn error(&mut self, sub: String, message: String) {
        let first = !self.fatal;
        self.fatal = true;
        self.push(Severity::Error, sub, message, first);
    }

    pub(super) fn check(&mut self, event: &mut Event, refs: &RefSets) {
        if event.slug.len() > MAX_SLUG_BYTES {
            self.error(
                "slug".into(),
                format!(
                    "slug `{}` is longer than {MAX_SLUG_BYTES} characters",
                    self.slug
                ),
            );
        } else if !is_slug(&event.slug) {
            self.error(
                "slug".into(),
                format!(
                    "slug `{}` must be lowercase letters, digits and single hyphens",
                    event.slug
                ),
            );
        }
        if let Some(end) = event.end {
            if end.last_day() < event.start.first_day() {
                self.error(
                    "end".into(),
                    format!("ends ({end}) before it starts ({})", event.start),
                );
            }
        }
        self.required_text(&event.title, "title");
        self.required_text(&event.summary, "summary");
        let body_fits = self.optional_text(event.body.as_ref(), "body");
        self.optional_text(event.opened_by.as_ref(), "opened_by");
        if event.sources.is_empty() {
            self.error(
                "sources".into(),
                "every event must cite at least one source".into(),
            );
        }
        for (i, source) in event.sources.iter().enumerate() {
            self.source(source, i);
        }
        for (i, image) in event.images.iter().enumerate() {
            self.image(image, i, refs.site_origin.as_deref());
        }
        self.times(event);
        self.other_translations(event);
        // A body refused for its size is not read any further.
        if let Some(body) = event.body.as_ref().filter(|_| body_fits) {
            for (lang, text) in [("bg", &body.bg), ("en", &body.en)] {
                let Some(text) = text else { continue };
                let targets = crate::model::markup::link_targets(text);
                let mut bad = targets.iter().filter(|url| !is_safe_url(url));
                if let Some(first) = bad.next() {
                    // One problem per text: the first bad link, and how many more there are.
                    let more = match bad.count() {
                        0 => String::new(),
                        n => format!(" ({n} more links in this text are not allowed either)"),
                    };
                    self.error(
                        format!("body.{lang}"),
                        format!(
                            "link `{first}` is not allowed: use http(s) addresses or site paths{more}"
                        ),
                    );
                }
            }
        }
        self.references(event, refs);
    }

    /// Whether the text is within the size limit (an error otherwise).
    fn text_size(&mut self, text: &Text, field: &str) -> bool {
        // A text of at most MAX_TEXT_CHARS bytes cannot have more characters: count only
        // the longer ones.
        let fits = !text
            .all()
            .any(|t| t.len() > MAX_TEXT_CHARS && t.chars().count() > MAX_TEXT_CHARS);
        if !fits {
            self.error(
                field.into(),
                format!("text longer than {MAX_TEXT_CHARS} characters"),
            );
        }
        // A control character (a NUL, a bell, an escape) is no text: a page shows it as
        // nothing or as a box, and feeds and calendars cannot carry it.
        if let Some(c) = text.all().find_map(|t| t.chars().find(|&c| is_control(c))) {
            self.error(field.into(), control_character(c));
        }
        if text.all().any(looks_like_html) {
            self.push(
                Severity::Warning,
                field.into(),
                "contains HTML tags; they are shown as plain text".into(),
                false,
            );
        }
        fits
    }

    fn required_text(&mut self, text: &Text, field: &str) {
        if text.shows_nothing() {
            self.error(field.into(), "must not be empty in both languages".into());
            return;
        }
        self.translations(text, field);
        self.text_size(text, field);
    }

    /// Whether the text (if any) is within the size limit.
    fn optional_text(&mut self, text: Option<&Text>, field: &str) -> bool {
        let Some(text) = text else { return true };
        if !text.is_empty() {
            self.translations(text, field);
        }
        self.text_size(text, field)
    }

    fn translations(&mut self, text: &Text, field: &str) {
        for (lang, published) in Lang::ALL.into_iter().zip(self.languages) {
            if published && text.resolve(lang).is_fallback(lang) {
                self.push(
                    Severity::Warning,
                    format!("{field}.{}", lang.code()),
                    format!("no {} text; the other language is shown", lang.code()),
                    false,
                );
            }
        }
    }

    /// The texts beside the title, summary and body that a visitor reads (the venue, the
    /// sources' titles, the agenda, the site visits and the photos' texts), checked as those
    /// are, and the strings shown as they are (a source's publisher, a photo's credit).
    fn other_translations(&mut self, event: &Event) {
        // Each text with its path in the event; an optional one only when given.
        let mut texts: Vec<(String, &Text)> = Vec::new();
        fn add<'e>(texts: &mut Vec<(String, &'e Text)>, path: String, text: Option<&'e Text>) {
            texts.extend(text.map(|t| (path, t)));
        }
        if let Some(location) = &event.location {
            add(&mut texts, "location.venue".into(), location.venue.as_ref());
            add(
                &mut texts,
                "location.address".into(),
                location.address.as_ref(),
            );
        }
        for (d, day) in event.agenda.iter().enumerate() {
            for (n, session) in day.sessions.iter().enumerate() {
                let at = format!("agenda[{d}].sessions[{n}]");
                add(
                    &mut texts,
                    format!("{at}.description"),
                    session.description.as_ref(),
                );
                add(&mut texts, format!("{at}.title"), Some(&session.title));
            }
        }
        for (i, visit) in event.site_visits.iter().enumerate() {
            add(
                &mut texts,
                format!("site_visits[{i}].title"),
                Some(&visit.title),
            );
            add(
                &mut texts,
                format!("site_visits[{i}].description"),
                visit.description.as_ref(),
            );
        }
        for (i, image) in event.images.iter().enumerate() {
            add(&mut texts, format!("images[{i}].alt"), Some(&image.alt));
            add(
                &mut texts,
                format!("images[{i}].caption"),
                image.caption.as_ref(),
            );
            if let Some(credit) = &image.credit {
                self.plain(credit, format!("images[{i}].credit"));
            }
        }
        for (i, source) in event.sources.iter().enumerate() {
            add(
                &mut texts,
                format!("sources[{i}].title"),
                Some(&source.title),
            );
            self.plain(&source.publisher, format!("sources[{i}].publisher"));
        }
        for (field, text) in texts {
            self.translations(text, &field);
            self.text_size(text, &field);
        }
    }

    /// A string shown as it is holds no control character, as a text does not.
    fn plain(&mut self, value: &str, field: String) {
        if let Some(c) = value.chars().find(|&c| is_control(c)) {
            self.error(field, control_character(c));
        }
    }

    fn source(&mut self, source: &Source, i: usize) {
        // A source is named by its title and its publisher: neither may show as nothing.
        if source.title.shows_nothing() {
            let message = "must not be empty in both languages".to_owned();
            self.error(format!("sources[{i}].title"), message);
        }
        if is_blank(&source.publisher) {
            self.error(
                format!("sources[{i}].publisher"),
                "must not be empty".to_owned(),
            );
        }
        let url = source.url.trim();
        if !is_web_address(url) {
            self.error(
                format!("sources[{i}].url"),
                format!("source `{url}` must be an http(s) address"),
            );
        }
    }

    /// An agenda's days are within the event's dates; a session's time is `HH:MM`, and a
    /// day's sessions go on in time: one that starts before the one above it (past midnight)
    /// would be shown under the day before.
    fn times(&mut self, event: &Event) {
        let (first, last) = (event.start.first_day(), event.last().last_day());
        for (d, day) in event.agenda.iter().enumerate() {
            // A day outside the event's own dates is a slip in one or the other.
            if day.date.last_day() < first || day.date.first_day() > last {
                let dates = match event.end {
                    Some(end) => format!("{}–{end}", event.start),
                    None => event.start.to_string(),
                };
                self.push(
                    Severity::Warning,
                    format!("agenda[{d}].date"),
                    format!(
                        "the day {} is outside the event's dates ({dates}): correct the day, or the event's start or end",
                        day.date
                    ),
                    false,
                );
            }
            let mut before: Option<&str> = None;
            for (s, session) in day.sessions.iter().enumerate() {
                let Some(time) = session.time.as_deref() else {
                    continue;
                };
                let path = format!("agenda[{d}].sessions[{s}].time");
                let b = time.as_bytes();
                let valid = b.len() == 5
                    && b[2] == b':'
                    && b.iter()
                        .enumerate()
                        .all(|(i, c)| i == 2 || c.is_ascii_digit())
                    && &time[..2] <= "23"
                    && &time[3..] <= "59";
                if !valid {
                    self.error(path, format!("time `{time}` must be HH:MM, such as 09:30"));
                    continue;
                }
                if let Some(earlier) = before.filter(|&earlier| time < earlier) {
                    self.push(
                        Severity::Warning,
                        path,
                        format!(
                            "starts at {time}, before the session above it ({earlier}): a session after midnight belongs to the next day's programme"
                        ),
                        false,
                    );
                }
                before = Some(time);
            }
        }
    }

    fn image(&mut self, image: &Image, i: usize, site_origin: Option<&str>) {
        if !is_image_src(&image.src) {
            self.error(format!("images[{i}].src"), not_a_picture(&image.src));
        } else if let Some(warning) = not_a_picture_file(&image.src) {
            let field = format!("images[{i}].src");
            self.push(Severity::Warning, field, warning, false);
        } else if let Some(origin) =
            origin_of(&image.src).filter(|o| Some(o.as_str()) != site_origin)
        {
            // The production build's Content-Security-Policy (scripts/post-build.mjs) has
            // img-src 'self' data:, so the browser would refuse to load it.
            self.push(
                Severity::Warning,
                format!("images[{i}].src"),
                other_host(&image.src, &origin),
                false,
            );
        }
        if image.alt.shows_nothing() {
            self.error(
                format!("images[{i}].alt"),
                "every image needs alternative text".into(),
            );
        }
        if !image.has_size() {
            self.error(
                format!("images[{i}]"),
                "width and height must be between 1 and 20000 pixels".into(),
            );
        }
    }
}

fn looks_like_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// A control character that text has no use for: a tab and the line breaks stay.
/// A character a text must not hold: a control character but a tab or a line break, or a
/// direction embedding or override (U+202A–U+202E), which turns around the text after it,
/// beyond the field (a page's title in the browser's tab), and has no place in Bulgarian or
/// English.
pub(super) fn is_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || ('\u{202a}'..='\u{202e}').contains(&c)
}

pub(super) fn control_character(c: char) -> String {
    let kind = if c.is_control() {
        "a control character"
    } else {
        "a direction override"
    };
    format!("contains {kind} (U+{:04X}); remove it", u32::from(c))
}
